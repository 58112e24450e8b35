//! Compiling a commentary folder from disk: the validator's and `build`'s steps (the same
//! `folder` steps the browser takes), native only.

use std::path::{Path, PathBuf};

use crate::bundle::Compiled;
use crate::content::{link_commentary, parse_commentary, Diagnostic};
use crate::folder::{self, Loaded, TextFile};

/// The base map the widget ships (`static/basemaps/eurasia.topo.json`), used when `map.toml`
/// names none.
pub const DEFAULT_BASEMAP: &str = include_str!("../static/basemaps/eurasia.topo.json");

/// A file next to `base` (a reference as the front matter or map.toml wrote it).
fn beside(base: &Path, reference: &str) -> Option<PathBuf> {
    if reference.contains("://") || reference.starts_with("data:") {
        return None;
    }
    Some(base.parent().unwrap_or(Path::new(".")).join(reference))
}

fn name(path: &Path) -> String {
    path.display().to_string()
}

/// Reads `path`; `Ok(None)` when it does not exist.
fn read(path: &Path) -> Result<Option<String>, String> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e.to_string()),
    }
}

/// One folder compiled (or why it cannot be shown), and every problem of it, sorted by file and
/// position.
pub fn compile(dir: &Path) -> (Compiled, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let md = dir.join("commentary.md");
    let fail = |d: Diagnostic| (Compiled::Failed { message: d.to_string(), network: false }, vec![d]);
    let source = match read(&md) {
        Ok(Some(text)) => text,
        Ok(None) => return fail(Diagnostic::error(&name(&md), (1, 1), "not found: a commentary folder needs a commentary.md")),
        Err(e) => return fail(Diagnostic::error(&name(&md), (1, 1), format!("cannot be read: {e}"))),
    };
    let (commentary, warnings) = match parse_commentary(&source, &name(&md)) {
        Ok(parsed) => parsed,
        Err(e) => return fail(e.into_diagnostic()),
    };
    out.extend(warnings);

    let refs = folder::side_refs(&commentary.front);
    let side = |reference: &str, explicit: bool, out: &mut Vec<Diagnostic>| -> Option<TextFile> {
        let Some(path) = beside(&md, reference) else {
            out.push(Diagnostic::warning(&name(&md), (1, 1), format!("`{reference}` is remote: neither checked nor compiled into the bundle (copy it into the folder, or point src at commentary.md so the browser loads it)")));
            return None;
        };
        match read(&path) {
            Ok(Some(text)) => Some(TextFile { name: name(&path), text }),
            Ok(None) if explicit => {
                out.push(Diagnostic::error(&name(&path), (1, 1), "listed in the front matter but not found"));
                None
            }
            Ok(None) => None,
            Err(e) => {
                out.push(Diagnostic::error(&name(&path), (1, 1), format!("cannot be read: {e}")));
                None
            }
        }
    };
    let catalogs: Vec<TextFile> = refs.catalogs.iter().filter_map(|r| side(r, refs.explicit_catalogs, &mut out)).collect();
    let catalog = folder::merge_catalogs(&catalogs, &mut out);
    let (linked, link_warnings) = link_commentary(&commentary, &catalog, &name(&md));
    out.extend(link_warnings);
    let sections = folder::sections(&linked);
    let mut map = None;
    if let Some(file) = side(&refs.map, refs.explicit_map, &mut out) {
        map = Some(match folder::read_map(&file, &mut out) {
            Err(e) => Err(e),
            Ok(spec) => {
                let basemap = match spec.basemap.as_deref() {
                    None => Ok(TextFile { name: "basemaps/eurasia.topo.json (bundled)".into(), text: DEFAULT_BASEMAP.into() }),
                    Some(reference) => match beside(Path::new(&file.name), reference).map(|path| (read(&path), path)) {
                        Some((Ok(Some(text)), path)) => Ok(TextFile { name: name(&path), text }),
                        _ => Err(format!("basemap `{reference}` cannot be read")),
                    },
                };
                let scene = basemap.and_then(|basemap| folder::build_scene(spec, &basemap, &catalog, &sections, &file.name, &mut out));
                if let Err(e) = &scene {
                    out.push(Diagnostic::error(&file.name, (1, 1), e.clone()));
                }
                scene
            }
        });
    }
    out.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    let loaded = Loaded { url: String::new(), front: commentary.front, catalog, linked, map, sections, warnings: out.clone() };
    (Compiled::Ready(loaded), out)
}
