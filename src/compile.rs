//! Compiling a commentary folder from disk: the validator's and `build`'s steps (the same
//! `folder` steps the browser takes), native only.
//!
//! Files are named relative to the folder (`commentary.md`, `entities.toml`,
//! `../shared/entities.toml`; see [`folder::name_beside`]), never by where the folder happens to
//! be: the names end up in the bundle, which readers see (error box, debug panel, console), and
//! the same folder must compile to the same bytes on any machine. The validator puts the folder
//! as it was given in front of each name when it prints them.

use std::path::Path;

use crate::bundle::Compiled;
use crate::content::{link_commentary, Diagnostic};
use crate::folder::{self, name_beside, Loaded, TextFile};

/// The base map the widget ships (`static/basemaps/eurasia.topo.json`), used when `map.toml`
/// names none.
pub const DEFAULT_BASEMAP: &str = include_str!("../static/basemaps/eurasia.topo.json");

/// How messages name the bundled base map: not a file of the folder.
pub const DEFAULT_BASEMAP_NAME: &str = "basemaps/eurasia.topo.json (bundled)";

/// The folder-relative name of the file `reference` points to from the file named `from`, or
/// `None` for a remote reference (a URL), which `build` does not read.
fn beside(from: &str, reference: &str) -> Option<String> {
    if reference.contains("://") || reference.starts_with("data:") {
        return None;
    }
    Some(name_beside(from, reference))
}

/// A side file (a catalog or the map) as `build` finds it.
enum Side {
    /// Read.
    Found(TextFile),
    /// Not there, and only a default: nothing to say.
    Absent,
    /// Asked for but not read (not there, unreadable, remote): the message that says so.
    Unusable(Diagnostic),
}

/// Reads the file named `name` in `dir`; `Ok(None)` when it does not exist.
fn read(dir: &Path, name: &str) -> Result<Option<String>, String> {
    match std::fs::read_to_string(dir.join(name)) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e.to_string()),
    }
}

/// One folder compiled (or why it cannot be shown), and every problem of it, sorted by file and
/// position. Every file name in both is relative to `dir`.
///
/// A front matter with errors makes a failed bundle (readers get its first error), but the
/// body, the catalogs and the map are still checked, so the list has every problem of the
/// folder; see `folder` for how a catalog that cannot be read is reported.
pub fn compile(dir: &Path) -> (Compiled, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let md = "commentary.md";
    let fail = |d: Diagnostic| (Compiled::Failed { message: d.to_string(), network: false }, vec![d]);
    let source = match read(dir, md) {
        Ok(Some(text)) => text,
        Ok(None) => return fail(Diagnostic::error(md, (1, 1), "not found: a commentary folder needs a commentary.md")),
        Err(e) => return fail(Diagnostic::error(md, (1, 1), format!("cannot be read: {e}"))),
    };
    let parsed = folder::read_commentary(&source, md);
    out.extend(parsed.diagnostics);
    let commentary = parsed.commentary;

    let refs = folder::side_refs(&commentary.front);
    let side = |reference: &str, explicit: bool| -> Side {
        let Some(name) = beside(md, reference) else {
            return Side::Unusable(Diagnostic::warning(md, (1, 1), format!("`{reference}` is remote: neither checked nor compiled into the bundle (copy it into the folder, or point src at commentary.md so the browser loads it)")));
        };
        match read(dir, &name) {
            Ok(Some(text)) => Side::Found(TextFile { name, text }),
            Ok(None) if explicit => Side::Unusable(Diagnostic::error(&name, (1, 1), "listed in the front matter but not found")),
            Ok(None) => Side::Absent,
            Err(e) => Side::Unusable(Diagnostic::error(&name, (1, 1), format!("cannot be read: {e}"))),
        }
    };
    let mut lost = folder::LostCatalog::default();
    let mut catalogs: Vec<TextFile> = Vec::new();
    for reference in &refs.catalogs {
        match side(reference, refs.explicit_catalogs) {
            Side::Found(file) => catalogs.push(file),
            Side::Absent => {}
            Side::Unusable(report) => {
                // Asked for and not read: none of its entities are known.
                lost.record(&report);
                out.push(report);
            }
        }
    }
    let catalog = folder::merge_catalogs(&catalogs, &mut out, &mut lost);
    let (linked, link_warnings) = link_commentary(&commentary, &catalog, md);
    out.extend(link_warnings);
    let sections = folder::sections(&linked);
    let known_sections = parsed.body_known.then_some(&sections[..]);
    let map_file = match side(&refs.map, refs.explicit_map) {
        Side::Found(file) => Some(file),
        Side::Absent => None,
        Side::Unusable(report) => {
            out.push(report);
            None
        }
    };
    let mut map = None;
    if let Some(file) = map_file {
        map = Some(match folder::read_map(&file, &mut out) {
            Err(e) => Err(e),
            Ok(spec) => {
                let basemap = match spec.basemap.as_deref() {
                    None => Ok(TextFile { name: DEFAULT_BASEMAP_NAME.into(), text: DEFAULT_BASEMAP.into() }),
                    Some(reference) => match beside(&file.name, reference).map(|name| (read(dir, &name), name)) {
                        Some((Ok(Some(text)), name)) => Ok(TextFile { name, text }),
                        _ => Err(format!("basemap `{reference}` cannot be read")),
                    },
                };
                let scene = basemap.and_then(|basemap| folder::build_scene(spec, &basemap, &catalog, known_sections, &file.name, &mut out));
                if let Err(e) = &scene {
                    out.push(Diagnostic::error(&file.name, (1, 1), e.clone()));
                }
                scene
            }
        });
    }
    lost.fold(&mut out);
    out.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    if let Some(error) = parsed.error {
        return (Compiled::Failed { message: error.to_string(), network: false }, out);
    }
    let loaded = Loaded { url: String::new(), front: commentary.front, catalog, linked, map, sections, warnings: out.clone() };
    (Compiled::Ready(loaded), out)
}
