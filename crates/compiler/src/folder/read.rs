//! Reading the folder's files into what the pipeline finishes: the commentary (with stand-ins
//! for a front matter that cannot be read), the catalogs (with the knock-on messages of one
//! that cannot be read folded, [`LostCatalog`]), its sections, the map and its scene.

use super::*;

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
            let found: Vec<Diagnostic> = found
                .into_iter()
                .map(|d| if d.severity == Severity::Error { ContentError::from(d).into_diagnostic() } else { d })
                .collect();
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
    /// Whether a catalog could not be read.
    pub fn is_lost(&self) -> bool {
        self.at.is_some()
    }

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
        diagnostics.retain(|d| match &d.unknown_id.0 {
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
        let at =
            diagnostics.iter().position(|d| (&d.file, d.line, d.column) == (file, *line, *column)).map_or(diagnostics.len(), |i| i + 1);
        diagnostics.insert(at, note);
    }
}

/// Merges the catalogs as admitted, in the front matter's order: each one found is parsed (its
/// problems to `out`), each lost one leaves its message; both kinds of loss go to `lost`.
pub(super) fn read_catalogs(catalogs: impl Iterator<Item = Admitted>, out: &mut Vec<Diagnostic>, lost: &mut LostCatalog) -> Catalog {
    Catalog::merge(catalogs.map(|catalog| -> Vec<Entity> {
        let report = match catalog {
            Admitted::Absent => return Vec::new(),
            Admitted::Found(file) => match read_catalog(&file.text, &file.name) {
                Ok((entities, diagnostics)) => {
                    out.extend(diagnostics);
                    return entities;
                }
                Err(report) => report,
            },
            Admitted::Lost(report) => report,
        };
        lost.record(&report);
        out.push(report);
        Vec::new()
    }))
}

/// The top-level sections in reading order: the intro, then each heading's slug and text. Map
/// chapters name them.
pub fn sections(linked: &Linked) -> Vec<Section> {
    let mut sections = vec![Section::intro()];
    sections.extend(linked.body.blocks.iter().filter_map(|b| match b {
        Block::Heading { id, content, .. } => Some(Section { slug: id.clone(), title: Inline::plain_text(content) }),
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
/// them, or `None` when the body is not known (chapters are then not checked). A base map that
/// is not TopoJSON is an error at the base map itself, at the line and column where the
/// decoder found the problem ([`topojson::DecodeError`]).
pub fn build_scene(
    spec: MapSpec,
    basemap: &TextFile,
    catalog: &Catalog,
    sections: Option<&[Section]>,
    map_file: &str,
    warnings: &mut Vec<Diagnostic>,
) -> Result<Rc<Scene>, Diagnostic> {
    let countries = topojson::decode(&basemap.text, "countries")
        .map_err(|e| Diagnostic::error(&basemap.name, e.at(), format!("not a usable base map: {e}")))?;
    let slugs: Option<Vec<String>> = sections.map(|s| s.iter().filter(|s| !s.is_intro()).map(|s| s.slug.clone()).collect());
    let (scene, diagnostics) = scene::resolve(spec, catalog, countries, slugs.as_deref(), map_file);
    warnings.extend(diagnostics);
    Ok(Rc::new(scene))
}
