//! One commentary folder, from its files to what readers get, without any I/O: the pipeline
//! both compilers drive. The native one (`crate::compile`, behind `commentary-reader check` and
//! `build`) reads files from disk; the browser's (`web::compiler`) fetches them. Neither decides
//! anything about a file: they answer the [`Pipeline`]'s requests, so the validator says exactly
//! what readers would meet.
//!
//! The flow is a loop (the browser's driver starts each round's requests together):
//!
//! 1. [`Pipeline::requests`]: what is needed next, as typed [`Request`]s: first `commentary.md`;
//!    once it is read, the [`plan`] of its front matter (each catalog of `entities`, or the
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
}

impl Pipeline {
    /// A pipeline that asks for `commentary.md` first.
    pub fn new(purpose: Purpose, naming: Naming) -> Self {
        let commentary = Request { need: Need::Commentary, address: Address::Folder(COMMENTARY.to_owned()), asked: Asked::Required };
        Self {
            purpose,
            naming,
            lang: None,
            texts: Vec::new(),
            pending: vec![commentary],
            commentary: Source::Waiting,
            catalogs: Vec::new(),
            map: MapState::Absent,
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
            (Need::CatalogText(_), ..) => "not found".to_owned(),
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
mod tests {
    use super::*;
    use crate::parse_commentary;

    const BODY: &str = "Text.\n\nSee [someone](entity:nobody) here.\n\n## Trade\n\n<b>bold</b>\n";

    fn texts(diagnostics: &[Diagnostic]) -> Vec<String> {
        diagnostics.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn a_readable_commentary_reads_as_the_reader_parses_it() {
        let source = format!("+++\ntitle = \"T\"\ndate = 2024-02-14\n+++\n{BODY}");
        let read = read_commentary(&source, "commentary.md");
        let (commentary, warnings) = parse_commentary(&source, "commentary.md").unwrap();
        assert_eq!((read.commentary, read.error, read.body_known, read.diagnostics), (commentary, None, true, warnings));
    }

    #[test]
    fn a_front_matter_with_errors_still_gives_its_body_and_what_it_names() {
        let source = format!("+++\ntitle = \"T\"\ndate = \"2024\"\nmap = \"maps/m.toml\"\n+++\n{BODY}");
        let read = read_commentary(&source, "commentary.md");
        let error = read.error.expect("the date keeps readers from it");
        assert_eq!(
            error.to_string(),
            "commentary.md:3:8: error: front matter: `date` must be a date without quotes, e.g. 2024-02-14, not a string"
        );
        let texts = texts(&read.diagnostics);
        assert!(texts.contains(&error.to_string()), "the error is in the list too, as the reader gets it: {texts:?}");
        assert!(
            texts.iter().any(|t| t.starts_with("commentary.md:12:1: warning: raw HTML")),
            "the body is checked, at its lines: {texts:?}"
        );
        assert!(read.body_known);
        let map = plan(&read.commentary.front).into_iter().find(|r| r.need == Need::Map).unwrap();
        assert_eq!(map.address, Address::Folder("maps/m.toml".into()), "the map it names is checked");
        assert_eq!(sections(&link(&read.commentary)).len(), 2, "intro and Trade");
    }

    fn link(commentary: &Commentary) -> Linked {
        crate::link_commentary(commentary, &Catalog::merge([Vec::new()]), "commentary.md").0
    }

    #[test]
    fn without_front_matter_the_whole_file_is_the_body_and_unclosed_leaves_none() {
        let read = read_commentary(&format!("\u{feff}{BODY}"), "commentary.md");
        assert!(read.error.is_some() && read.body_known);
        assert_eq!(texts(&read.diagnostics)[0], "commentary.md:1:1: error: a commentary must start with front matter: a line `+++`, TOML (title, date, …), then another `+++` line");
        assert!(texts(&read.diagnostics).iter().any(|t| t.starts_with("commentary.md:7:1: warning: raw HTML")), "{:?}", read.diagnostics);
        let read = read_commentary(&format!("+++\ntitle = \"T\"\n{BODY}"), "commentary.md");
        assert_eq!(
            texts(&read.diagnostics),
            ["commentary.md:1:1: error: the front matter opened here is never closed: add a `+++` line after the TOML"]
        );
        assert!(!read.body_known && read.commentary.body.blocks.is_empty());
    }

    #[test]
    fn chapters_are_checked_only_against_a_known_body() {
        let map = TextFile { name: "map.toml".into(), text: "[[chapter]]\nsection = \"trade\"\nfocus = [\"BLR\"]\n".into() };
        let basemap = TextFile {
            name: "b.json".into(),
            text: r#"{"type":"Topology","arcs":[],"objects":{"countries":{"type":"GeometryCollection","geometries":[]}}}"#.into(),
        };
        let empty = Catalog::merge([Vec::new()]);
        let warnings_with = |sections: Option<&[Section]>| {
            let mut warnings = Vec::new();
            let spec = read_map(&map, &mut warnings).unwrap();
            build_scene(spec, &basemap, &empty, sections, "map.toml", &mut warnings).unwrap();
            texts(&warnings)
        };
        let intro_only = [Section::intro()];
        assert_eq!(
            warnings_with(Some(&intro_only)),
            ["map.toml:2:11: error: chapter `trade` names no section of the commentary (headings: ), so the map leaves it out"]
        );
        assert!(warnings_with(None).is_empty());
    }

    #[test]
    fn map_words_a_translation_leaves_untranslated_are_named_at_its_table_or_at_the_map() {
        let words = |text: &str| {
            let mut d = Vec::new();
            let spec = read_map(&TextFile { name: "map.toml".into(), text: text.into() }, &mut d).unwrap();
            assert!(d.is_empty(), "{d:?}");
            untranslated_words(&spec, "ru", "map.toml").map(|d| d.to_string())
        };
        let map = "title = \"T\"\n[[highlight]]\ncountries = [\"BLR\"]\nlabel = \"Belarus\"\n";
        assert_eq!(
            words(map).as_deref(),
            Some("map.toml:1:1: warning: the map has no [translations.ru], so its 2 texts stay untranslated: the title \"T\", highlight label \"Belarus\"; add [translations.ru] with `\"T\" = \"…\"` for each")
        );
        let de_only = format!("{map}\n[translations.de]\n\"T\" = \"D\"\n");
        let de = words(&de_only).unwrap();
        assert!(de.starts_with("map.toml:6:2: warning: the map has no [translations.ru]"), "at [translations]: {de}");
        let all = format!("{map}\n[translations.ru]\n\"T\" = \"Т\"\n\"Belarus\" = \"Беларусь\"\n");
        assert_eq!(words(&all), None);
    }

    /// A message about something else, then one saying each of `ids` is not in the catalog.
    fn knock_ons(ids: &[&str]) -> Vec<Diagnostic> {
        let mut out = vec![Diagnostic::warning("commentary.md", (2, 1), "no `[[authors]]`: the byline will be empty")];
        for (i, id) in ids.iter().enumerate() {
            out.push(Diagnostic::warning("commentary.md", (10 + i, 1), format!("unknown entity id `{id}`")).with_unknown_id(id));
        }
        out
    }

    #[test]
    fn a_lost_catalog_folds_the_messages_it_may_cause_into_one_note_after_its_error() {
        let report = Diagnostic::error("entities.toml", (9, 10), "TOML syntax: unclosed array table, expected `]`");
        let mut lost = LostCatalog::default();
        lost.record(&report);
        lost.record(&Diagnostic::error("other.toml", (1, 1), "listed in the front matter but not found"));
        let mut diagnostics = knock_ons(&["minsk", "brest", "minsk", "belarus", "warsaw"]);
        diagnostics.insert(0, report.clone());
        lost.fold(&mut diagnostics);
        assert_eq!(
            texts(&diagnostics),
            [
                "entities.toml:9:10: error: TOML syntax: unclosed array table, expected `]`",
                "entities.toml:9:10: warning: 5 messages about ids not in the catalog (`minsk`, `brest`, `belarus`, …) are left out: none of this catalog's entities could be read, so they may all follow from this; fix it and check again",
                "commentary.md:2:1: warning: no `[[authors]]`: the byline will be empty",
            ]
        );
        let mut one = knock_ons(&["minsk"]);
        one.push(report);
        lost.fold(&mut one);
        assert!(
            texts(&one)[2].starts_with("entities.toml:9:10: warning: 1 message about ids not in the catalog (`minsk`) is left out"),
            "{:?}",
            texts(&one)
        );
    }

    #[test]
    fn without_a_lost_catalog_or_knock_ons_nothing_is_folded() {
        let mut diagnostics = knock_ons(&["nobody"]);
        LostCatalog::default().fold(&mut diagnostics);
        assert_eq!(diagnostics, knock_ons(&["nobody"]));
        let mut lost = LostCatalog::default();
        lost.record(&Diagnostic::error("entities.toml", (1, 1), "TOML syntax"));
        let mut diagnostics = knock_ons(&[]);
        lost.fold(&mut diagnostics);
        assert_eq!(diagnostics, knock_ons(&[]), "no note when nothing followed");
    }

    #[test]
    fn a_catalog_that_cannot_be_read_is_recorded_as_lost_and_a_broken_entry_is_not() {
        let mut warnings = Vec::new();
        let mut lost = LostCatalog::default();
        let broken_entry = TextFile { name: "a.toml".into(), text: "[[entity]]\nid = \"x\"\nkind = \"person\"\nname = \"X\"\n".into() };
        read_catalogs([Admitted::Found(broken_entry)].into_iter(), &mut warnings, &mut lost);
        assert_eq!(lost, LostCatalog::default(), "{warnings:?}");
        let unreadable = TextFile { name: "b.toml".into(), text: "[[entity]\n".into() };
        read_catalogs([Admitted::Found(unreadable)].into_iter(), &mut warnings, &mut lost);
        let mut diagnostics = knock_ons(&["x"]);
        lost.fold(&mut diagnostics);
        assert!(
            texts(&diagnostics).iter().any(|t| t.starts_with("b.toml:1:") && t.contains("1 message about ids not in the catalog")),
            "{diagnostics:?}"
        );
    }

    #[test]
    fn names_are_relative_to_the_folder_whatever_file_wrote_the_reference() {
        assert_eq!(name_beside("commentary.md", "entities.toml"), "entities.toml");
        assert_eq!(name_beside("commentary.md", "./data/entities.toml"), "data/entities.toml");
        assert_eq!(name_beside("commentary.md", "../shared/entities.toml"), "../shared/entities.toml");
        assert_eq!(name_beside("maps/map.toml", "../basemaps/x.topo.json"), "basemaps/x.topo.json");
        assert_eq!(name_beside("maps/map.toml", "../../basemaps/x.topo.json"), "../basemaps/x.topo.json");
        assert_eq!(name_beside("../shared/map.toml", "../../x.json"), "../../x.json");
        assert_eq!(
            name_beside("commentary.md", "/srv/shared/entities.toml"),
            "/srv/shared/entities.toml",
            "the editor's own absolute path"
        );
    }

    #[test]
    fn remote_references_are_urls_and_paths_are_not() {
        for url in ["https://example.org/e.toml", "http://x/e.toml", "//cdn.example.org/e.toml", "blob:https://h/0f9a", "data:text/plain,x"]
        {
            assert!(is_remote(url), "{url}");
        }
        for path in ["entities.toml", "../shared/e.toml", "/srv/e.toml", "C:\\data\\e.toml", "maps/a:b.toml"] {
            assert!(!is_remote(path), "{path}");
        }
    }

    #[test]
    fn references_resolve_against_urls_as_a_browser_does() {
        let base = "https://example.org/c/x/commentary.md?v=2#top";
        assert_eq!(join(base, "entities.toml"), "https://example.org/c/x/entities.toml");
        assert_eq!(join(base, "../shared/./e.toml"), "https://example.org/c/shared/e.toml");
        assert_eq!(join(base, "../../../../e.toml"), "https://example.org/e.toml", "`..` stops at the root");
        assert_eq!(join(base, "/e.toml"), "https://example.org/e.toml");
        assert_eq!(join(base, "//cdn.example.net/e.toml"), "https://cdn.example.net/e.toml");
        assert_eq!(join(base, "https://other.example/e.toml"), "https://other.example/e.toml");
        assert_eq!(join("https://example.org", "e.toml"), "https://example.org/e.toml");
        assert_eq!(join("https://example.org/cr/", "basemaps/eurasia.topo.json"), "https://example.org/cr/basemaps/eurasia.topo.json");
        assert_eq!(join("maps/map.toml", "../b.json"), "b.json", "a folder name is not a URL");
    }

    #[test]
    fn a_reference_is_located_beside_the_file_that_wrote_it() {
        let commentary = Address::Folder(COMMENTARY.into());
        assert_eq!(locate(&commentary, "./data/e.toml"), Address::Folder("data/e.toml".into()));
        assert_eq!(locate(&commentary, "https://example.org/e.toml"), Address::Remote("https://example.org/e.toml".into()));
        let map = locate(&commentary, "maps/map.toml");
        assert_eq!(locate(&map, "../basemaps/w.json"), Address::Folder("basemaps/w.json".into()));
        let remote_map = Address::Remote("https://example.org/m/map.toml".into());
        assert_eq!(locate(&remote_map, "w.json"), Address::Remote("https://example.org/m/w.json".into()), "beside a remote file is remote");
        let spec = MapSpec::default();
        assert_eq!(
            basemap_request(&map, &spec),
            Request { need: Need::Basemap, address: Address::Widget(DEFAULT_BASEMAP_PATH.into()), asked: Asked::Required }
        );
    }

    #[test]
    fn files_are_named_relative_to_the_folder_natively_and_by_url_in_the_browser() {
        let urls = Naming::Urls { commentary: "https://example.org/c/x/article.md".into(), assets: "https://example.org/cr/".into() };
        let (folder, widget) = (Address::Folder("../shared/e.toml".into()), Address::Widget(DEFAULT_BASEMAP_PATH.into()));
        assert_eq!(
            (Naming::Folder.commentary(), Naming::Folder.name(&folder), Naming::Folder.name(&widget)),
            ("commentary.md".into(), "../shared/e.toml".into(), "basemaps/eurasia.topo.json (bundled)".into())
        );
        assert_eq!(
            (urls.commentary(), urls.name(&folder), urls.name(&widget)),
            (
                "https://example.org/c/x/article.md".into(),
                "https://example.org/c/shared/e.toml".into(),
                "https://example.org/cr/basemaps/eurasia.topo.json".into()
            )
        );
    }

    #[test]
    fn the_plan_asks_for_what_the_front_matter_names_or_the_defaults() {
        let mut front = front_matter::stand_in();
        let requests = plan(&front);
        let by_default = |need, name: &str| Request { need, address: Address::Folder(name.into()), asked: Asked::ByDefault };
        assert_eq!(requests, [by_default(Need::Catalog(0), DEFAULT_CATALOG), by_default(Need::Map, DEFAULT_MAP)]);
        front.entities = Some(vec!["../shared/e.toml".into(), "https://example.org/e.toml".into()]);
        front.map = Some("maps/m.toml".into());
        let named = |need, address, reference: &str| Request { need, address, asked: Asked::Named(reference.into()) };
        assert_eq!(
            plan(&front),
            [
                named(Need::Catalog(0), Address::Folder("../shared/e.toml".into()), "../shared/e.toml"),
                named(Need::Catalog(1), Address::Remote("https://example.org/e.toml".into()), "https://example.org/e.toml"),
                named(Need::Map, Address::Folder("maps/m.toml".into()), "maps/m.toml"),
            ]
        );
    }

    #[test]
    fn an_answer_to_a_request_not_made_is_ignored_and_unanswered_ones_count_as_absent() {
        let mut pipeline = Pipeline::new(Purpose::Check, Naming::Folder);
        let stray = Request { need: Need::Map, address: Address::Folder("map.toml".into()), asked: Asked::ByDefault };
        pipeline.admit(&stray, Answer::Text("[view".into()));
        assert_eq!(pipeline.requests().len(), 1, "still waiting for commentary.md");
        let request = pipeline.requests()[0].clone();
        pipeline.admit(
            &request,
            Answer::Text("+++\ntitle = \"T\"\ndate = 2024-01-01\nlang = \"en\"\n[[authors]]\nname = \"A\"\n+++\nText.\n".into()),
        );
        assert_eq!(pipeline.requests().iter().map(|r| r.need).collect::<Vec<_>>(), [Need::Catalog(0), Need::Map]);
        let (compiled, diagnostics) = pipeline.finish();
        assert!(matches!(compiled, Compiled::Ready(_)) && diagnostics.is_empty(), "{diagnostics:?}");
    }
}
