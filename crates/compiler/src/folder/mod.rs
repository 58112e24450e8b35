//! One commentary folder, from its files to what readers get, without any I/O: the pipeline
//! both compilers drive. The native one (`crate::compile`, behind `commentary-reader check` and
//! `build`) reads files from disk; the browser's (`web::compiler`) fetches them. Neither decides
//! anything about a file: they answer the [`Pipeline`]'s requests, so the validator says exactly
//! what readers would meet.
//!
//! The flow is a loop (the browser's driver starts each round's requests together):
//!
//! 1. [`Pipeline::requests`]: what is needed next, as typed [`Request`]s: first `commentary.md`
//!    (and, checking an original, the widget's gazetteer, [`Need::Gazetteer`]); once it is read, the [`plan`] of its front matter (each catalog of `entities`, or the
//!    default `entities.toml`, and the map, or the default `map.toml`); once `map.toml` is read,
//!    its base map ([`basemap_request`]). References are located by one pure function,
//!    [`locate`]: relative to the file that wrote them, or remote ([`Address::Remote`], a URL),
//!    which the browser fetches and native drivers never do.
//! 2. [`Pipeline::admit`]: a driver's [`Answer`] to one request (the text, [`Answer::Absent`]
//!    for "not found" or 404, or an [`Answer::Failed`] with its [`Failure`]). The whole policy
//!    for files that cannot be had is there, in one private function (`Pipeline::verdict`,
//!    tabulated below); problems inside a file that was had are its parser's to report.
//! 3. [`Pipeline::finish`] once no request is left: catalogs merged, the commentary linked, its
//!    sections, the map resolved against its base map, knock-on messages folded
//!    ([`LostCatalog`]), every message sorted by file, line and column; the [`Compiled`] result
//!    (what a bundle holds) and the messages.
//!
//! What a file that cannot be had means, for both compilers alike (`name` is the file, `by` the
//! file that names it; every such message is at line 1, column 1):
//!
//! | answer | named by the editor | default (`entities.toml`, `map.toml`) | required (`commentary.md`, the widget's base map) |
//! | --- | --- | --- | --- |
//! | text | used | used | used |
//! | absent (not found, 404) | `name`: error: listed in the front matter but not found (a base map: "not found: `basemap` in `by` names it") | nothing: the folder has none | `name`: error: not found: … |
//! | network error, timeout, error status, too large, unreadable | `name`: error: the reason | `name`: error: the reason | `name`: error: the reason |
//! | remote, not fetched (native only) | `by`: warning: `` `ref` is remote: neither checked nor compiled into the bundle … `` | — | — |
//!
//! The gazetteer is the one exception: it is the widget's file, not the editor's, and only adds
//! checks (a place far from its town, a misspelled town), so whatever its answer other than its
//! text, those checks are left out and nothing is said.
//!
//! A default file is only looked for, so its absence says nothing; a file that is there but
//! cannot be had makes the result wrong, so that is an error whoever named it. A `commentary.md`
//! that cannot be had fails the whole result (readers get the message, with a retry for network
//! failures); a catalog that cannot be had leaves its entities out (and folds the "not in the
//! catalog" messages, [`LostCatalog`]); a map that cannot be had leaves no map; a base map that
//! cannot be had, or is not TopoJSON (`name`: error: not a usable base map: …), leaves a note
//! where the map would be, with the message.
//!
//! Every problem of a folder is reported in one run ([`Purpose::Check`]). A front matter that
//! cannot be read still lets the body, the catalogs and the map be checked, against stand-ins
//! for what it would have said ([`read_commentary`]); readers are not shown such a commentary,
//! so the browser ([`Purpose::Show`]) asks for nothing more once it knows. A catalog that cannot
//! be read at all makes every "not in the catalog" message a likely knock-on: those are folded
//! into one note at the catalog's own error ([`LostCatalog`]) rather than burying it.

use std::fmt;
use std::rc::Rc;

use crate::bundle::{Compiled, Language, Loaded, LoadedMap};
use crate::catalog::{read_catalog, read_translation, translate};
use crate::content::catalog::{Catalog, Entity};
use crate::content::error::ContentError;
use crate::content::slug::INTRO;
use crate::content::{Block, Commentary, Diagnostic, FrontMatter, Inline, Linked, Section, Severity};
use crate::gazetteer::{self, Gazetteer};
use crate::geo::scene::{self, Scene};
use crate::geo::spec::MapSpec;
use crate::{front_matter, link_commentary, markdown};
use crate::{spec, topojson};

mod address;
mod protocol;
mod read;
mod translations;

pub use address::*;
pub use protocol::*;
use read::read_catalogs;
pub use read::*;
pub use translations::*;
use translations::{missing_translation, untranslated_words};

/// How messages (and bundles) name the files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Naming {
    /// Relative to the folder, as bundles keep them whatever machine compiled them (native
    /// `check` and `build`): `commentary.md`, `../shared/entities.toml`; the widget's own files
    /// as `basemaps/eurasia.topo.json (bundled)`.
    Folder,
    /// By URL, as the browser fetches them.
    Urls {
        /// The URL of `commentary.md`.
        commentary: String,
        /// The URL of the folder the widget's own files come from.
        assets: String,
    },
}

impl Naming {
    /// The name of `commentary.md` in messages.
    pub fn commentary(&self) -> String {
        match self {
            Self::Folder => COMMENTARY.to_owned(),
            Self::Urls { commentary, .. } => commentary.clone(),
        }
    }

    /// The name of the file at `address` in messages (for `commentary.md`, see
    /// [`Naming::commentary`]: its URL need not end in `commentary.md`).
    pub fn name(&self, address: &Address) -> String {
        match (self, address) {
            (_, Address::Remote(url)) => url.clone(),
            (Self::Folder, Address::Folder(name)) => name.clone(),
            (Self::Folder, Address::Widget(name)) => format!("{name} (bundled)"),
            (Self::Urls { commentary, .. }, Address::Folder(name)) => join(commentary, name),
            (Self::Urls { assets, .. }, Address::Widget(name)) => join(assets, name),
        }
    }
}

/// What the result is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// What readers get (the browser): once the commentary cannot be shown nothing more is
    /// asked for, since the result then carries only its error.
    Show,
    /// Every problem of the folder (the validator and `build`): a commentary that cannot be
    /// shown still gets its catalogs and map checked.
    Check,
}

/// A file as [`Pipeline::admit`] judged it.
#[derive(Debug, Clone, PartialEq)]
enum Admitted {
    /// Its text, named as messages name it.
    Found(TextFile),
    /// A default file the folder does not have: nothing to say.
    Absent,
    /// Asked for and not had: the message that says why.
    Lost(Diagnostic),
}

/// `commentary.md` as far as it is admitted.
#[derive(Debug, Clone, PartialEq)]
#[allow(clippy::large_enum_variant, reason = "one per language of a compile, never copied: a box would only add an allocation")]
enum Source {
    /// Not answered yet.
    Waiting,
    /// Read, perhaps with errors.
    Read(CommentaryFile),
    /// Not had: the message readers get, and whether a retry may help.
    Lost {
        /// Why, located.
        report: Diagnostic,
        /// A retry may help.
        network: bool,
    },
}

/// The map as far as it is admitted.
#[derive(Debug, Clone, PartialEq)]
#[allow(clippy::large_enum_variant, reason = "one per compile, never copied: a box would only add an allocation")]
enum MapState {
    /// No map: none asked for or answered yet, or a default `map.toml` the folder lacks.
    Absent,
    /// Asked for and not had: the message that says why. There is no map.
    Lost(Diagnostic),
    /// Read, but not a map at all: its problems, and the note readers see where it would be.
    Unreadable {
        /// Every problem of the file, its first error among them.
        diagnostics: Vec<Diagnostic>,
        /// That error, as readers see it.
        note: String,
    },
    /// Parsed; drawn once its base map is admitted.
    Parsed {
        /// The map file's name in messages.
        name: String,
        /// The map.
        spec: MapSpec,
        /// Its problems.
        diagnostics: Vec<Diagnostic>,
        /// The base map's text, or why there is none; `None` until admitted.
        basemap: Option<Result<TextFile, Diagnostic>>,
    },
}

/// One commentary folder on its way from files to what readers get, without I/O: a driver asks
/// it for [`Pipeline::requests`], answers each through [`Pipeline::admit`], until none is
/// left, then calls [`Pipeline::finish`]. See the module docs for the flow and the policy.
#[derive(Debug, Clone, PartialEq)]
pub struct Pipeline {
    purpose: Purpose,
    naming: Naming,
    /// The translation this pipeline reads (`commentary.<lang>.md`), or `None` for the original.
    lang: Option<String>,
    /// A translation's catalogs in its words, by the catalogs' positions.
    texts: Vec<Option<Admitted>>,
    /// Requests not yet answered, in the order they were made.
    pending: Vec<Request>,
    commentary: Source,
    /// The catalogs in the front matter's order; `None` until admitted.
    catalogs: Vec<Option<Admitted>>,
    map: MapState,
    /// The checker's gazetteer, once admitted ([`Purpose::Check`] of an original only).
    gazetteer: Option<Gazetteer>,
}

impl Pipeline {
    /// A pipeline that asks for `commentary.md` first.
    pub fn new(purpose: Purpose, naming: Naming) -> Self {
        let commentary = Request { need: Need::Commentary, address: Address::Folder(COMMENTARY.to_owned()), asked: Asked::Required };
        let mut pending = vec![commentary];
        // Checking, the catalog's places are compared with the gazetteer (a widget file that
        // readers never download); a driver without it checks everything else.
        if purpose == Purpose::Check {
            pending.push(Request { need: Need::Gazetteer, address: Address::Widget(gazetteer::PATH.to_owned()), asked: Asked::ByDefault });
        }
        Self {
            purpose,
            naming,
            lang: None,
            texts: Vec::new(),
            pending,
            commentary: Source::Waiting,
            catalogs: Vec::new(),
            map: MapState::Absent,
            gazetteer: None,
        }
    }

    /// A pipeline for the translation `lang`: `commentary.<lang>.md` with the catalogs and the
    /// map its front matter names (by default the original's `entities.toml` and `map.toml`),
    /// each catalog in the translation's words where the folder has them (`entities.<lang>.toml`),
    /// the map's texts as its `[translations.<lang>]` says.
    pub fn translation(purpose: Purpose, naming: Naming, lang: &str) -> Self {
        let commentary = Request { need: Need::Commentary, address: Address::Folder(translation_file(lang)), asked: Asked::Required };
        Self { lang: Some(lang.to_owned()), pending: vec![commentary], ..Self::new(purpose, naming) }
    }

    /// The name of the commentary file this pipeline reads, in messages.
    fn commentary_name(&self) -> String {
        match &self.lang {
            None => self.naming.commentary(),
            Some(lang) => self.naming.name(&Address::Folder(translation_file(lang))),
        }
    }

    /// The files needed and not yet answered, in the order they were asked for; each answer
    /// may add more (the plan once `commentary.md` is read, the base map once `map.toml` is).
    /// Empty when everything is in. All of them may be fetched at once.
    pub fn requests(&self) -> &[Request] {
        &self.pending
    }

    /// Takes a driver's answer to `request` (one of [`Pipeline::requests`]; any other is
    /// ignored), judged by the policy of the module docs.
    pub fn admit(&mut self, request: &Request, answer: Answer) {
        let Some(at) = self.pending.iter().position(|r| r == request) else { return };
        self.pending.remove(at);
        let network = matches!(&answer, Answer::Failed(failure) if failure.is_network());
        let admitted = self.verdict(request, answer);
        match request.need {
            Need::Commentary => self.admit_commentary(request, admitted, network),
            Need::Catalog(i) => self.catalogs[i] = Some(admitted),
            Need::CatalogText(i) => self.texts[i] = Some(admitted),
            Need::Map => self.admit_map(request, admitted),
            Need::Basemap => {
                let basemap = match admitted {
                    Admitted::Found(file) => Ok(file),
                    Admitted::Lost(report) => Err(report),
                    Admitted::Absent => Err(self.not_found(request)),
                };
                if let MapState::Parsed { basemap: slot, .. } = &mut self.map {
                    *slot = Some(basemap);
                }
            }
            // Without it (an older release folder), the checks it makes are left out.
            Need::Gazetteer => {
                if let Admitted::Found(file) = admitted {
                    self.gazetteer = Some(Gazetteer::parse(&file.text));
                }
            }
        }
    }

    /// The policy: what an answer to `request` means, and what message, located where, says
    /// so. Every severity for a file that cannot be had is decided here (the module docs
    /// tabulate it); problems inside a file are the parsers'.
    fn verdict(&self, request: &Request, answer: Answer) -> Admitted {
        match answer {
            Answer::Text(text) => Admitted::Found(TextFile { name: self.name(request), text }),
            Answer::Absent if request.asked == Asked::ByDefault => Admitted::Absent,
            Answer::Absent => Admitted::Lost(self.not_found(request)),
            Answer::Failed(Failure::NotFetched) => {
                let reference = match &request.asked {
                    Asked::Named(reference) => reference.clone(),
                    Asked::Required | Asked::ByDefault => self.name(request),
                };
                let message = format!("`{reference}` is remote: neither checked nor compiled into the bundle (copy it into the folder, or point src at commentary.md so the browser loads it)");
                Admitted::Lost(Diagnostic::warning(&self.referrer(request), (1, 1), message))
            }
            Answer::Failed(failure) => Admitted::Lost(Diagnostic::error(&self.name(request), (1, 1), failure.to_string())),
        }
    }

    /// The error for a file that is not there and had to be (see [`Pipeline::verdict`]).
    fn not_found(&self, request: &Request) -> Diagnostic {
        let message = match (request.need, &request.asked, &self.lang) {
            // Relocated by `translated` to where the original lists the translation.
            (Need::Commentary, _, Some(lang)) => missing_translation(lang, &self.commentary_name()),
            (Need::Commentary, ..) => "not found: a commentary folder needs a commentary.md".to_owned(),
            (Need::Basemap, Asked::Named(_), _) => format!("not found: `basemap` in {} names it", self.referrer(request)),
            (Need::Basemap, ..) => {
                "not found: the widget's own base map (drawn when map.toml names none) is missing from its files".to_owned()
            }
            (Need::Catalog(_) | Need::Map, ..) => "listed in the front matter but not found".to_owned(),
            (Need::CatalogText(_) | Need::Gazetteer, ..) => "not found".to_owned(),
        };
        Diagnostic::error(&self.name(request), (1, 1), message)
    }

    /// The name of the file `request` asks for, in messages.
    fn name(&self, request: &Request) -> String {
        match request.need {
            Need::Commentary => self.commentary_name(),
            _ => self.naming.name(&request.address),
        }
    }

    /// The name of the file that asked for `request`'s: the map for its base map, else
    /// `commentary.md`.
    fn referrer(&self, request: &Request) -> String {
        match (&self.map, request.need) {
            (MapState::Parsed { name, .. }, Need::Basemap) => name.clone(),
            _ => self.commentary_name(),
        }
    }

    /// `commentary.md` admitted: read past its errors, then its plan asked for (with an error
    /// and [`Purpose::Show`], nothing more: readers get only the error).
    fn admit_commentary(&mut self, request: &Request, admitted: Admitted, network: bool) {
        let file = match admitted {
            Admitted::Found(file) => file,
            Admitted::Lost(report) => return self.commentary = Source::Lost { report, network },
            Admitted::Absent => return self.commentary = Source::Lost { report: self.not_found(request), network },
        };
        let read = read_commentary(&file.text, &file.name);
        if read.error.is_none() || self.purpose == Purpose::Check {
            let mut plan = plan(&read.commentary.front);
            self.catalogs = vec![None; plan.iter().filter(|r| matches!(r.need, Need::Catalog(_))).count()];
            // A translation's words for each of its catalogs, beside it, if the folder has them.
            if let Some(lang) = &self.lang {
                let texts: Vec<Request> = plan
                    .iter()
                    .filter_map(|r| match (&r.need, &r.address) {
                        (Need::Catalog(i), Address::Folder(name)) => Some(Request {
                            need: Need::CatalogText(*i),
                            address: Address::Folder(translated_name(name, lang)),
                            asked: Asked::ByDefault,
                        }),
                        _ => None,
                    })
                    .collect();
                self.texts = vec![None; self.catalogs.len()];
                plan.extend(texts);
            }
            self.pending.extend(plan);
        }
        self.commentary = Source::Read(read);
    }

    /// `map.toml` admitted: parsed at once, since its base map is asked for next.
    fn admit_map(&mut self, request: &Request, admitted: Admitted) {
        self.map = match admitted {
            Admitted::Absent => MapState::Absent,
            Admitted::Lost(report) => MapState::Lost(report),
            Admitted::Found(file) => {
                let mut diagnostics = Vec::new();
                match read_map(&file, &mut diagnostics) {
                    Err(note) => MapState::Unreadable { diagnostics, note },
                    Ok(spec) => {
                        self.pending.push(basemap_request(&request.address, &spec));
                        MapState::Parsed { name: file.name, spec, diagnostics, basemap: None }
                    }
                }
            }
        };
    }

    /// What readers get, and every message, sorted by file, line and column. A request still
    /// unanswered counts as [`Answer::Absent`].
    pub fn finish(mut self) -> (Compiled, Vec<Diagnostic>) {
        while let Some(request) = self.pending.first().cloned() {
            self.admit(&request, Answer::Absent);
        }
        let name = self.commentary_name();
        let read = match self.commentary {
            Source::Read(read) => read,
            Source::Lost { report, network } => return (Compiled::Failed { message: report.to_string(), network }, vec![report]),
            Source::Waiting => unreachable!("every request, `commentary.md` first, was answered above"),
        };
        let mut out = read.diagnostics;
        if let (Some(error), Purpose::Show) = (&read.error, self.purpose) {
            sort(&mut out);
            return (Compiled::Failed { message: error.to_string(), network: false }, out);
        }
        let mut lost = LostCatalog::default();
        let mut catalog = read_catalogs(self.catalogs.into_iter().flatten(), &mut out, &mut lost);
        if let Some(gazetteer) = &self.gazetteer {
            out.extend(crate::lint::places(&catalog, gazetteer));
        }
        // A translation: its catalogs in its words (unless a catalog was lost: then every id of
        // the words would seem unknown, a knock-on of that loss).
        for text in self.texts.into_iter().flatten().filter(|_| !lost.is_lost()) {
            let Admitted::Found(file) = text else {
                if let Admitted::Lost(report) = text {
                    out.push(report);
                }
                continue;
            };
            match read_translation(&file.text, &file.name) {
                Ok((texts, diagnostics)) => {
                    out.extend(diagnostics);
                    let (translated, diagnostics) = translate(&catalog, &texts);
                    out.extend(diagnostics);
                    catalog = translated;
                }
                Err(report) => out.push(report),
            }
        }
        let (linked, link_warnings) = link_commentary(&read.commentary, &catalog, &name);
        out.extend(link_warnings);
        let sections = sections(&linked);
        let map = self.map.finish(&catalog, read.body_known.then_some(&sections[..]), self.lang.as_deref(), &mut out);
        // Without the text, the catalogs or the map that was asked for, what is used cannot be told.
        if read.body_known && !lost.is_lost() && !matches!(map, LoadedMap::Unavailable(_)) {
            out.extend(crate::lint::lint(&catalog, &linked, map.scene().map(|s| &**s), &name));
        }
        // The bundle carries what readers can meet: the entities the text mentions or the map
        // shows (a site-wide catalog's thousands of others stay out).
        if read.body_known {
            let scene = map.scene().map(|s| &**s);
            catalog.retain(|e| crate::lint::is_used(e, &linked, scene));
        }
        lost.fold(&mut out);
        sort(&mut out);
        if let Some(error) = read.error {
            return (Compiled::Failed { message: error.to_string(), network: false }, out);
        }
        let loaded = Loaded {
            url: String::new(),
            from_source: false,
            front: read.commentary.front,
            catalog,
            linked,
            map,
            sections,
            warnings: out.clone(),
            languages: Vec::new(),
            elsewhere: Vec::new(),
        };
        (Compiled::Ready(loaded), out)
    }
}

impl MapState {
    /// The map readers get: none, a note saying why it cannot be drawn, or the scene resolved
    /// against `catalog` (chapters against `sections` when the body is known). Its messages,
    /// and the map's and the base map's, go to `out`.
    fn finish(self, catalog: &Catalog, sections: Option<&[Section]>, lang: Option<&str>, out: &mut Vec<Diagnostic>) -> LoadedMap {
        match self {
            Self::Absent => LoadedMap::None,
            Self::Lost(report) => {
                out.push(report);
                LoadedMap::None
            }
            Self::Unreadable { diagnostics, note } => {
                out.extend(diagnostics);
                LoadedMap::Unavailable(note)
            }
            Self::Parsed { name, spec, diagnostics, basemap } => {
                out.extend(diagnostics);
                let spec = match lang {
                    Some(lang) => {
                        out.extend(untranslated_words(&spec, lang, &name));
                        spec.translated(lang)
                    }
                    None => spec,
                };
                let scene = match basemap {
                    None => return LoadedMap::None,
                    Some(Ok(basemap)) => build_scene(spec, &basemap, catalog, sections, &name, out),
                    Some(Err(report)) => Err(report),
                };
                match scene {
                    Ok(scene) => LoadedMap::Drawn(scene),
                    Err(report) => {
                        let note = report.to_string();
                        out.push(report);
                        LoadedMap::Unavailable(note)
                    }
                }
            }
        }
    }
}

/// A folder compiled in every language it is published in, each file read by `read` (a
/// driver's answer to a request): the original first, then each translation its front matter
/// lists (`commentary.<lang>.md`), each with its language (`None` for the original), its
/// result and its messages. A translation's messages include how it falls short of the
/// original ([`compare_translation`]); every result that can be shown knows all the languages
/// ([`Loaded::languages`]).
pub fn compile_all(purpose: Purpose, naming: Naming, read: &mut dyn FnMut(&Request) -> Answer) -> Vec<Edition> {
    let mut run = |mut pipeline: Pipeline| {
        while !pipeline.requests().is_empty() {
            for request in pipeline.requests().to_vec() {
                let answer = read(&request);
                pipeline.admit(&request, answer);
            }
        }
        pipeline.finish()
    };
    let (original, diagnostics) = run(Pipeline::new(purpose, naming.clone()));
    let mut all = vec![(None, original, diagnostics)];
    for lang in translations_of(&all[0].1) {
        let (compiled, diagnostics) = run(Pipeline::translation(purpose, naming.clone(), &lang));
        let translated = translated(&all[0], &naming, lang, compiled, diagnostics);
        all.push(translated);
    }
    link_languages(&mut all);
    all
}

/// One language's edition of a folder, compiled ([`compile_all`]): its tag (`None` for the original),
/// its result and its messages.
pub type Edition = (Option<String>, Compiled, Vec<Diagnostic>);

/// Sorts messages by file, line and column (stably: a folded note stays after its error).
fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
}

#[cfg(test)]
mod tests;
