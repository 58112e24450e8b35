//! Loading a commentary folder, step by step, shared by the widget (which fetches the files)
//! and the validator `commentary-reader check` (which reads them from disk): both take the same
//! steps, so the validator reports exactly what readers would meet.
//!
//! 0. [`read_commentary`] (the validator; the widget stops at the first error instead).
//! 1. [`side_refs`]: which catalogs and map the front matter asks for (or the defaults).
//! 2. [`merge_catalogs`], then `content::link_commentary`, then [`sections`].
//! 3. [`read_map`], then [`build_scene`] once the base map is at hand.
//! 4. [`LostCatalog::fold`], once every message is in.
//!
//! Every problem of a folder is reported in one run. A front matter that cannot be read still
//! lets the body, the catalogs and the map be checked, against stand-ins for what it would have
//! said ([`read_commentary`]); readers are not shown such a commentary. A catalog that cannot be
//! read at all makes every "not in the catalog" message a likely knock-on: those are folded into
//! one note at the catalog's own error ([`LostCatalog`]) rather than burying it.

use std::rc::Rc;

use crate::content::catalog::{read_catalog, Catalog};
use crate::content::error::ContentError;
use crate::content::{front_matter, markdown, Block, Commentary, Diagnostic, FrontMatter, Inline, Linked, Severity};
use crate::geo::scene::{self, Scene};
use crate::geo::spec::{self, MapSpec};
use crate::geo::topojson;

/// The base map used when `map.toml` names none, relative to the widget's own files.
pub const DEFAULT_BASEMAP: &str = "basemaps/eurasia.topo.json";

/// Everything a commentary folder provides, parsed, linked and resolved: what the reader
/// shows. The compiler (native `commentary-reader build`, or the browser's compiler module)
/// makes it from the folder's files; the reader gets it from a bundle (`crate::bundle`).
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// Absolute URL of the file the reader loaded; relative links resolve against it.
    pub url: String,
    /// The front matter.
    pub front: FrontMatter,
    /// The merged entity catalogs (later files override earlier ones by id).
    pub catalog: Catalog,
    /// The commentary's texts linked to the catalog.
    pub linked: Linked,
    /// The map, if the folder has one: drawn, or why it cannot be.
    pub map: Option<Result<Rc<Scene>, String>>,
    /// The top-level sections in reading order: `("intro", "")`, then each heading's slug
    /// and text. Map chapters name them.
    pub sections: Vec<(String, String)>,
    /// Warnings from every file, located.
    pub warnings: Vec<Diagnostic>,
}

/// A text file of the folder: its name (a URL in the widget, a path in the validator).
#[derive(Debug, Clone, PartialEq)]
pub struct TextFile {
    /// URL or path, as messages name it.
    pub name: String,
    /// Contents.
    pub text: String,
}

/// The name of the file `reference` points to, as written in the file named `from`. Names are
/// `/`-separated and relative to the commentary's folder (`commentary.md`, `maps/map.toml`,
/// `../shared/entities.toml`), so messages and bundles say the same wherever the folder is.
/// `.` steps and `dir/..` pairs are taken out; an absolute reference stays as written.
pub fn name_beside(from: &str, reference: &str) -> String {
    if reference.starts_with('/') {
        return reference.to_owned();
    }
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop(); // `from` itself: the reference is relative to its folder.
    for part in reference.split('/') {
        match part {
            "" | "." => {}
            ".." if parts.last().is_some_and(|p| *p != "..") => {
                parts.pop();
            }
            part => parts.push(part),
        }
    }
    parts.join("/")
}

/// The side files a commentary asks for.
#[derive(Debug, Clone, PartialEq)]
pub struct SideRefs {
    /// Entity catalogs, relative to `commentary.md`.
    pub catalogs: Vec<String>,
    /// The front matter named them (a missing one is then worth a warning).
    pub explicit_catalogs: bool,
    /// The map, relative to `commentary.md`.
    pub map: String,
    /// The front matter named it.
    pub explicit_map: bool,
}

/// What the front matter asks for; `entities.toml` and `map.toml` by default.
pub fn side_refs(front: &FrontMatter) -> SideRefs {
    SideRefs {
        catalogs: front.entities.clone().unwrap_or_else(|| vec!["entities.toml".to_owned()]),
        explicit_catalogs: front.entities.is_some(),
        map: front.map.clone().unwrap_or_else(|| "map.toml".to_owned()),
        explicit_map: front.map.is_some(),
    }
}

/// `commentary.md` read as far as it goes, for the validator.
#[derive(Debug, Clone, PartialEq)]
pub struct CommentaryFile {
    /// The commentary. With an `error`, a stand-in to check the rest of the folder against: the
    /// front matter's readable values (its catalogs, map and mention policy above all) with
    /// defaults for the rest, and the body as far as it can be told apart.
    pub commentary: Commentary,
    /// Why readers cannot be shown it: the front matter's first error, as the reader gets it.
    pub error: Option<ContentError>,
    /// The body is known. Not when the front matter is never closed: then the whole rest of the
    /// file may be meant as TOML, and its sections are unknown.
    pub body_known: bool,
    /// Every problem of the file, errors (`error` among them) and warnings.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads `commentary.md` (named `file`) for the validator: like `content::parse_commentary`,
/// but never stops at the first problem. A front matter with errors still yields its body and
/// whatever it names that can be read; a file without front matter is checked as all body.
pub fn read_commentary(source: &str, file: &str) -> CommentaryFile {
    let (front, mut diagnostics, error, body, body_first_line) = match front_matter::split(source, file) {
        Ok(split) => {
            let (front, found) = front_matter::parse_all(split.toml, split.toml_first_line, file);
            let error = found.iter().find(|d| d.severity == Severity::Error).cloned().map(ContentError::from);
            // Its errors read as the reader's error does ("front matter: …").
            let found: Vec<Diagnostic> = found.into_iter().map(|d| if d.severity == Severity::Error { ContentError::from(d).into_diagnostic() } else { d }).collect();
            (front, found, error, Some(split.body), split.body_first_line)
        }
        Err(e) => {
            // Without both fences no TOML can be told apart: the front matter is all stand-ins.
            // Without any fence, the whole file is the body.
            let body = matches!(e, ContentError::NoFrontMatter { .. }).then(|| source.strip_prefix('\u{feff}').unwrap_or(source));
            (front_matter::stand_in(), vec![e.clone().into_diagnostic()], Some(e), body, 1)
        }
    };
    let (document, body_warnings) = markdown::parse_body(body.unwrap_or(""), body_first_line, file);
    diagnostics.extend(body_warnings);
    CommentaryFile { commentary: Commentary { front, body: document }, error, body_known: body.is_some(), diagnostics }
}

/// Where the first catalog the commentary asked for was lost whole (a TOML syntax error, a file
/// that is missing, cannot be read or is remote): none of its entities are known, so every
/// message about an id not in the catalog may follow from that alone.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LostCatalog {
    /// File, line and column of the message that reported the loss.
    at: Option<(String, usize, usize)>,
}

impl LostCatalog {
    /// Records `report`, the message saying a catalog could not be read (the first one counts).
    pub fn record(&mut self, report: &Diagnostic) {
        if self.at.is_none() {
            self.at = Some((report.file.clone(), report.line, report.column));
        }
    }

    /// Folds the messages about ids not in the catalog into one note, placed right after the
    /// report of the lost catalog: "N messages about ids not in the catalog (…) are left out".
    /// They are counted and their first ids named, not shown: each may be a real mistake or only
    /// the lost catalog's absence, and once the catalog is fixed the next run tells them apart.
    /// Without a lost catalog nothing changes.
    pub fn fold(&self, diagnostics: &mut Vec<Diagnostic>) {
        let Some((file, line, column)) = &self.at else { return };
        let mut ids: Vec<String> = Vec::new();
        let mut count = 0;
        diagnostics.retain(|d| match &d.unknown_id {
            Some(id) => {
                count += 1;
                if !ids.contains(id) {
                    ids.push(id.clone());
                }
                false
            }
            None => true,
        });
        if count == 0 {
            return;
        }
        let mut named: Vec<String> = ids.iter().take(3).map(|id| format!("`{id}`")).collect();
        if ids.len() > 3 {
            named.push("…".to_owned());
        }
        let (messages, are) = if count == 1 { ("message", "is") } else { ("messages", "are") };
        let note = Diagnostic::warning(
            file,
            (*line, *column),
            format!("{count} {messages} about ids not in the catalog ({}) {are} left out: none of this catalog's entities could be read, so they may all follow from this; fix it and check again", named.join(", ")),
        );
        let at = diagnostics.iter().position(|d| (&d.file, d.line, d.column) == (file, *line, *column)).map_or(diagnostics.len(), |i| i + 1);
        diagnostics.insert(at, note);
    }
}

/// Parses every catalog (later ones override earlier ones by id); their problems go to
/// `warnings`, and a catalog that cannot be read at all is recorded in `lost`.
pub fn merge_catalogs(files: &[TextFile], warnings: &mut Vec<Diagnostic>, lost: &mut LostCatalog) -> Catalog {
    Catalog::merge(files.iter().map(|file| match read_catalog(&file.text, &file.name) {
        Ok((entities, diagnostics)) => {
            warnings.extend(diagnostics);
            entities
        }
        Err(e) => {
            lost.record(&e);
            warnings.push(e);
            Vec::new()
        }
    }))
}

/// The top-level sections in reading order: `("intro", "")`, then each heading's slug and text.
/// Map chapters name them.
pub fn sections(linked: &Linked) -> Vec<(String, String)> {
    let mut sections = vec![("intro".to_owned(), String::new())];
    sections.extend(linked.body.blocks.iter().filter_map(|b| match b {
        Block::Heading { id, content, .. } => Some((id.clone(), Inline::plain_text(content))),
        _ => None,
    }));
    sections
}

/// Parses `map.toml`. Problems inside it go to `warnings` (the rest still draws); `Err` says
/// why there is no map at all.
pub fn read_map(file: &TextFile, warnings: &mut Vec<Diagnostic>) -> Result<MapSpec, String> {
    let (spec, diagnostics) = spec::parse_map(&file.text, &file.name);
    let first_error = diagnostics.iter().find(|d| d.severity == Severity::Error).map(ToString::to_string);
    warnings.extend(diagnostics);
    spec.ok_or_else(|| first_error.unwrap_or_else(|| format!("{}: the map could not be read", file.name)))
}

/// Resolves the map against its base map and the catalog. `sections` as [`sections`] gives
/// them, or `None` when the body is not known (chapters are then not checked).
pub fn build_scene(spec: MapSpec, basemap: &TextFile, catalog: &Catalog, sections: Option<&[(String, String)]>, map_file: &str, warnings: &mut Vec<Diagnostic>) -> Result<Rc<Scene>, String> {
    let countries = topojson::decode(&basemap.text, "countries").map_err(|e| format!("{}: {e}", basemap.name))?;
    let slugs: Option<Vec<String>> = sections.map(|s| s.iter().skip(1).map(|(slug, _)| slug.clone()).collect());
    let (scene, diagnostics) = scene::resolve(spec, catalog, countries, slugs.as_deref(), map_file);
    warnings.extend(diagnostics);
    Ok(Rc::new(scene))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::parse_commentary;

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
        assert_eq!(error.to_string(), "commentary.md:3:8: error: front matter: `date` must be a date without quotes, e.g. 2024-02-14, not a string");
        let texts = texts(&read.diagnostics);
        assert!(texts.contains(&error.to_string()), "the error is in the list too, as the reader gets it: {texts:?}");
        assert!(texts.iter().any(|t| t.starts_with("commentary.md:12:1: warning: raw HTML")), "the body is checked, at its lines: {texts:?}");
        assert!(read.body_known);
        assert_eq!(side_refs(&read.commentary.front).map, "maps/m.toml", "the map it names is checked");
        assert_eq!(sections(&link(&read.commentary)).len(), 2, "intro and Trade");
    }

    fn link(commentary: &Commentary) -> Linked {
        crate::content::link_commentary(commentary, &Catalog::merge([Vec::new()]), "commentary.md").0
    }

    #[test]
    fn without_front_matter_the_whole_file_is_the_body_and_unclosed_leaves_none() {
        let read = read_commentary(&format!("\u{feff}{BODY}"), "commentary.md");
        assert!(read.error.is_some() && read.body_known);
        assert_eq!(texts(&read.diagnostics)[0], "commentary.md:1:1: error: a commentary must start with front matter: a line `+++`, TOML (title, date, …), then another `+++` line");
        assert!(texts(&read.diagnostics).iter().any(|t| t.starts_with("commentary.md:7:1: warning: raw HTML")), "{:?}", read.diagnostics);
        let read = read_commentary(&format!("+++\ntitle = \"T\"\n{BODY}"), "commentary.md");
        assert_eq!(texts(&read.diagnostics), ["commentary.md:1:1: error: the front matter opened here is never closed: add a `+++` line after the TOML"]);
        assert!(!read.body_known && read.commentary.body.blocks.is_empty());
    }

    #[test]
    fn chapters_are_checked_only_against_a_known_body() {
        let map = TextFile { name: "map.toml".into(), text: "[[chapter]]\nsection = \"trade\"\nfocus = [\"BLR\"]\n".into() };
        let basemap = TextFile { name: "b.json".into(), text: r#"{"type":"Topology","arcs":[],"objects":{"countries":{"type":"GeometryCollection","geometries":[]}}}"#.into() };
        let empty = Catalog::merge([Vec::new()]);
        let warnings_with = |sections: Option<&[(String, String)]>| {
            let mut warnings = Vec::new();
            let spec = read_map(&map, &mut warnings).unwrap();
            build_scene(spec, &basemap, &empty, sections, "map.toml", &mut warnings).unwrap();
            texts(&warnings)
        };
        let intro_only = [("intro".to_owned(), String::new())];
        assert_eq!(warnings_with(Some(&intro_only)), ["map.toml:2:11: warning: chapter `trade` names no section of the commentary (headings: )"]);
        assert!(warnings_with(None).is_empty());
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
        assert!(texts(&one)[2].starts_with("entities.toml:9:10: warning: 1 message about ids not in the catalog (`minsk`) is left out"), "{:?}", texts(&one));
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
        merge_catalogs(&[broken_entry], &mut warnings, &mut lost);
        assert_eq!(lost, LostCatalog::default(), "{warnings:?}");
        let unreadable = TextFile { name: "b.toml".into(), text: "[[entity]\n".into() };
        merge_catalogs(&[unreadable], &mut warnings, &mut lost);
        let mut diagnostics = knock_ons(&["x"]);
        lost.fold(&mut diagnostics);
        assert!(texts(&diagnostics).iter().any(|t| t.starts_with("b.toml:1:") && t.contains("1 message about ids not in the catalog")), "{diagnostics:?}");
    }

    #[test]
    fn names_are_relative_to_the_folder_whatever_file_wrote_the_reference() {
        assert_eq!(name_beside("commentary.md", "entities.toml"), "entities.toml");
        assert_eq!(name_beside("commentary.md", "./data/entities.toml"), "data/entities.toml");
        assert_eq!(name_beside("commentary.md", "../shared/entities.toml"), "../shared/entities.toml");
        assert_eq!(name_beside("maps/map.toml", "../basemaps/x.topo.json"), "basemaps/x.topo.json");
        assert_eq!(name_beside("maps/map.toml", "../../basemaps/x.topo.json"), "../basemaps/x.topo.json");
        assert_eq!(name_beside("../shared/map.toml", "../../x.json"), "../../x.json");
        assert_eq!(name_beside("commentary.md", "/srv/shared/entities.toml"), "/srv/shared/entities.toml", "the editor's own absolute path");
    }
}
