//! `commentary-reader check <folder>…` — the validator. Loads each commentary folder exactly as
//! the widget does (the same `folder` steps, the same parsers) and prints every problem as
//! `file:line:column: error|warning: message`. Exits with 1 if any folder has an error, 2 on
//! bad usage.
//!
//!     cargo run --bin commentary-reader -- check static/commentaries/*
//!
//! The default base map is the one the widget ships (`static/basemaps/eurasia.topo.json`,
//! built into this binary); a `basemap` named in `map.toml` is read relative to it.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use commentary_reader::content::{link_commentary, parse_commentary, Diagnostic, Severity};
use commentary_reader::folder::{self, TextFile};

const DEFAULT_BASEMAP: &str = include_str!("../../static/basemaps/eurasia.topo.json");

const USAGE: &str = "usage: commentary-reader check <folder>…\n\nChecks commentary folders (commentary.md, entity catalogs, map.toml) as the widget loads them\nand prints every problem as file:line:column: error|warning: message.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.split_first() {
        Some((command, folders)) if command == "check" && !folders.is_empty() => {
            let mut errors = 0;
            let mut warnings = 0;
            for folder in folders {
                let diagnostics = check(Path::new(folder));
                for d in &diagnostics {
                    println!("{d}");
                }
                errors += diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
                warnings += diagnostics.iter().filter(|d| d.severity == Severity::Warning).count();
            }
            eprintln!("checked {} folder(s): {errors} error(s), {warnings} warning(s)", folders.len());
            if errors > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Some((help, _)) if help == "--help" || help == "-h" => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

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

/// Every problem of one folder, sorted by file and position.
fn check(dir: &Path) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let md = dir.join("commentary.md");
    let source = match read(&md) {
        Ok(Some(text)) => text,
        Ok(None) => return vec![Diagnostic::error(&name(&md), (1, 1), "not found: a commentary folder needs a commentary.md")],
        Err(e) => return vec![Diagnostic::error(&name(&md), (1, 1), format!("cannot be read: {e}"))],
    };
    let (commentary, warnings) = match parse_commentary(&source, &name(&md)) {
        Ok(parsed) => parsed,
        Err(e) => return vec![e.into_diagnostic()],
    };
    out.extend(warnings);

    let refs = folder::side_refs(&commentary.front);
    let side = |reference: &str, explicit: bool, out: &mut Vec<Diagnostic>| -> Option<TextFile> {
        let Some(path) = beside(&md, reference) else {
            out.push(Diagnostic::warning(&name(&md), (1, 1), format!("`{reference}` is remote: not checked here")));
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
    if let Some(map) = side(&refs.map, refs.explicit_map, &mut out) {
        if let Ok(spec) = folder::read_map(&map, &mut out) {
            let basemap = match spec.basemap.as_deref() {
                None => Some(TextFile { name: "basemaps/eurasia.topo.json (bundled)".into(), text: DEFAULT_BASEMAP.into() }),
                Some(reference) => beside(Path::new(&map.name), reference).and_then(|path| match read(&path) {
                    Ok(Some(text)) => Some(TextFile { name: name(&path), text }),
                    _ => {
                        out.push(Diagnostic::error(&map.name, (1, 1), format!("basemap `{reference}` cannot be read")));
                        None
                    }
                }),
            };
            if let Some(basemap) = basemap {
                if let Err(e) = folder::build_scene(spec, &basemap, &catalog, &sections, &map.name, &mut out) {
                    out.push(Diagnostic::error(&map.name, (1, 1), e));
                }
            }
        }
    }
    out.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    out
}
