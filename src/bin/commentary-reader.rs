//! `commentary-reader check <folder>…` — the validator. Loads each commentary folder exactly as
//! the widget does (the same `folder::Pipeline`, the same parsers) and prints every problem as
//! `file:line:column: error|warning: message`. Exits with 1 if any folder has an error (with
//! `--strict`, any warning too), 2 on bad usage. Where the widget stops at a front matter it cannot read, the validator goes on
//! and checks the body, the catalogs and the map too, so one run lists every problem.
//!
//! `commentary-reader build <folder>…` does the same and writes each folder's compiled form,
//! `commentary.bundle` (see `commentary_reader::bundle`), which is what readers download.
//! A folder whose commentary cannot be shown at all still gets a bundle that says why.
//!
//!     cargo run --bin commentary-reader -- check static/commentaries/*
//!     cargo run --release --bin commentary-reader -- build dist/commentaries/*
//!
//! Messages name files relative to the folder (that is how the bundle stores them, so it says
//! nothing about the compiling machine); printed, each gets the folder as given in front, e.g.
//! `static/commentaries/x/commentary.md:3:8: error: …`, which a terminal or editor can open.
//!
//! The default base map is the one the widget ships (`static/basemaps/eurasia.topo.json`,
//! built into this binary); a `basemap` named in `map.toml` is read relative to it.

#[cfg(not(target_arch = "wasm32"))]
use std::path::Path;
#[cfg(not(target_arch = "wasm32"))]
use std::process::ExitCode;

#[cfg(not(target_arch = "wasm32"))]
use commentary_reader::bundle;
#[cfg(not(target_arch = "wasm32"))]
use commentary_reader::compile::compile_all;
#[cfg(not(target_arch = "wasm32"))]
use commentary_reader::content::{Diagnostic, Severity};

#[cfg(not(target_arch = "wasm32"))]
const USAGE: &str = "\
usage: commentary-reader check [--strict] <folder>…
       commentary-reader build [--strict] [--site <dir> [--url <address>]] <folder>…
       commentary-reader stylesheet <file>

check: checks commentary folders (commentary.md, entity catalogs, map.toml) as the widget
loads them and prints every problem as file:line:column: error|warning: message.
build: the same, then writes each folder's commentary.bundle, the compiled form the
widget reads fastest (point the element's src at it). With --site <dir> (the published
site, whose widget is <dir>/commentary-reader/ with its integrity.json), each folder also
gets index.html, a reading page with the commentary prerendered, and embed.html, the
fragment to paste into a CMS page; the site gets an archive page in the folders' common
parent, and, with its address (`url` in <dir>/site.toml, or --url), sitemap.xml, feed.xml
and each page's oembed.json.
stylesheet: writes the widget's stylesheet (commentary-reader.css) to <file>.
--strict: warnings fail too (exit 1), for a CMS's checks before publishing.";

/// The validator is a native program. `cargo test --target wasm32-unknown-unknown` builds every
/// binary of the crate for that target too; there it has nothing to do.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().is_some_and(|c| c == "stylesheet") {
        return match args.get(1) {
            Some(path) => match std::fs::write(path, commentary_reader::web::prerender::STYLESHEET) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("{path}: cannot be written: {e}");
                    ExitCode::from(1)
                }
            },
            None => {
                eprintln!("{USAGE}");
                ExitCode::from(2)
            }
        };
    }
    // `--strict`: a warning fails the run as an error does.
    let strict = match args.iter().position(|a| a == "--strict") {
        Some(i) => {
            args.remove(i);
            true
        }
        None => false,
    };
    // `--url ADDRESS`: the site's address, in place of its site.toml's.
    let url = match args.iter().position(|a| a == "--url") {
        Some(i) if i + 1 < args.len() => {
            let url = args.remove(i + 1);
            args.remove(i);
            Some(url)
        }
        _ => None,
    };
    // `build --site DIR`: the folders are inside the site DIR, whose widget is DIR/commentary-reader/.
    let mut site = match args.iter().position(|a| a == "--site") {
        Some(i) if args.first().is_some_and(|c| c == "build") && i + 1 < args.len() => {
            let dir = args.remove(i + 1);
            args.remove(i);
            match commentary_reader::site::Site::open(Path::new(&dir)) {
                Ok((site, problems)) => Some((site, problems)),
                Err(e) => {
                    eprintln!("{e}");
                    return ExitCode::from(1);
                }
            }
        }
        _ => None,
    };
    if let (Some((site, _)), Some(url)) = (&mut site, url) {
        if let Err(e) = site.set_url(&url) {
            eprintln!("--url: {e}");
            return ExitCode::from(2);
        }
    }
    match args.split_first() {
        Some((command, folders)) if (command == "check" || command == "build") && !folders.is_empty() => {
            let mut errors = 0;
            let mut warnings = 0;
            // The site's settings first: what is wrong there is wrong on every page.
            if let Some((_, problems)) = &site {
                for d in problems {
                    println!("{d}");
                }
                errors += problems.iter().filter(|d| d.severity == Severity::Error).count();
                warnings += problems.iter().filter(|d| d.severity == Severity::Warning).count();
            }
            let mut published = Vec::new();
            for folder in folders {
                // The original, then each translation its front matter lists.
                for (lang, compiled, diagnostics) in compile_all(Path::new(folder)) {
                    if command == "build" {
                        let path = Path::new(folder).join(bundle::file_name(lang.as_deref()));
                        let bytes = bundle::encode(&compiled);
                        if let Err(e) = std::fs::write(&path, &bytes) {
                            eprintln!("{}: cannot be written: {e}", path.display());
                            return ExitCode::from(1);
                        }
                        if let (Some((site, _)), bundle::Compiled::Ready(loaded)) = (&site, compiled) {
                            match site.write_pages(Path::new(folder), lang.as_deref(), loaded, &bytes) {
                                Ok(page) => published.push(page),
                                Err(e) => {
                                    eprintln!("{e}");
                                    return ExitCode::from(1);
                                }
                            }
                        }
                    }
                    for d in &diagnostics {
                        println!("{}", Diagnostic { file: Path::new(folder).join(&d.file).display().to_string(), ..d.clone() });
                    }
                    errors += diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
                    warnings += diagnostics.iter().filter(|d| d.severity == Severity::Warning).count();
                }
            }
            // The site's own files, over every page written: the archive, the sitemap, the feed.
            if let Some((site, _)) = &site {
                match site.finish(&published) {
                    Ok(written) => {
                        if site.settings().url.is_none() {
                            eprintln!(
                                "{}: no `url`, so no sitemap, feed or oEmbed (they need the site's absolute address)",
                                commentary_reader::site::settings::FILE
                            );
                        }
                        if !written.is_empty() {
                            eprintln!("wrote {}", written.join(", "));
                        }
                    }
                    Err(e) => {
                        eprintln!("{e}");
                        return ExitCode::from(1);
                    }
                }
            }
            let verb = if command == "build" { "built" } else { "checked" };
            eprintln!("{verb} {} folder(s): {errors} error(s), {warnings} warning(s)", folders.len());
            if strict && warnings > 0 && errors == 0 {
                eprintln!("--strict: the warnings fail the check");
            }
            if errors > 0 || (strict && warnings > 0) {
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
