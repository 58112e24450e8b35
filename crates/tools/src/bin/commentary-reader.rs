//! `commentary-reader new <folder>` — a new commentary from the template ([`commentary_tools::template`]).
//!
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
//!     cargo run -p commentary-tools --bin commentary-reader -- check static/commentaries/*
//!     cargo run --release -p commentary-tools --bin commentary-reader -- build dist/commentaries/*
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
use commentary_compiler::compile::compile_all;
#[cfg(not(target_arch = "wasm32"))]
use commentary_reader::bundle;
#[cfg(not(target_arch = "wasm32"))]
use commentary_reader::content::{Diagnostic, Severity};
#[cfg(not(target_arch = "wasm32"))]
use commentary_tools::site::{link_elsewhere, Site, SitePage};

#[cfg(not(target_arch = "wasm32"))]
const USAGE: &str = "\
usage: commentary-reader new <folder>
       commentary-reader check [--strict] [--suggest] <folder>…
       commentary-reader suggest <folder>
       commentary-reader build [--strict] [--site <dir> [--url <address>]] <folder>…
       commentary-reader stylesheet <file>

new: writes a new commentary into <folder> (made if missing; refused if it already has a
commentary.md, entities.toml or map.toml): the template's commented commentary.md,
entities.toml and map.toml, dated today, which pass the checker, ready to edit.
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
--strict: warnings fail too (exit 1), for a CMS's checks before publishing.
--suggest: also lists what the text names and the catalog lacks (places and countries the
gazetteer knows, with its coordinates and codes; misspelled towns; names of two words or
more; acronyms; other capitalised words inside a sentence), each as
file:line:column: candidate: …, and each translation's inflected
forms its catalog lacks, as file:line:column: inflections: … (never an error or a warning).
suggest: prints the catalog entries for those candidates, as TOML to append to the folder's
entities.toml (then write each `summary`: the checker warns until it is written).";

/// The validator is a native program. `cargo test --target wasm32-unknown-unknown` builds every
/// binary of the crate for that target too; there it has nothing to do.
#[cfg(target_arch = "wasm32")]
fn main() {}

/// What `build --site` was given: the site, and what is wrong in its settings.
#[cfg(not(target_arch = "wasm32"))]
type SiteArg = Option<(Site, Vec<Diagnostic>)>;

/// Takes the flag `name` out of `args`, with its value when `valued`: `None` if absent.
#[cfg(not(target_arch = "wasm32"))]
fn take(args: &mut Vec<String>, name: &str, valued: bool) -> Option<String> {
    let i = args.iter().position(|a| a == name)?;
    if !valued {
        args.remove(i);
        return Some(String::new());
    }
    if i + 1 >= args.len() {
        return None;
    }
    let value = args.remove(i + 1);
    args.remove(i);
    Some(value)
}

/// The site of `build --site DIR [--url ADDRESS]`, if asked for; or how the run ends.
#[cfg(not(target_arch = "wasm32"))]
fn site_of(args: &mut Vec<String>) -> Result<SiteArg, ExitCode> {
    let url = take(args, "--url", true);
    if args.first().is_none_or(|c| c != "build") {
        return Ok(None);
    }
    let Some(dir) = take(args, "--site", true) else { return Ok(None) };
    let (mut site, problems) = Site::open(Path::new(&dir)).map_err(|e| {
        eprintln!("{e}");
        ExitCode::from(1)
    })?;
    if let Some(url) = url {
        site.set_url(&url).map_err(|e| {
            eprintln!("--url: {e}");
            ExitCode::from(2)
        })?;
    }
    Ok(Some((site, problems)))
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().is_some_and(|c| c == "new") {
        let [_, dir] = args.as_slice() else {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        };
        return match commentary_tools::template::write(Path::new(dir), &commentary_tools::template::today()) {
            Ok(written) => {
                println!("wrote {}", written.join(", "));
                println!("next: edit them, then check the folder with `commentary-reader check --suggest {dir}`, which also lists the names the text writes and the catalog lacks");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{e}");
                ExitCode::from(1)
            }
        };
    }
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
    if args.first().is_some_and(|c| c == "suggest") {
        let [_, dir] = args.as_slice() else {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        };
        let suggestions = suggestions_of(dir, &compile_all(Path::new(dir)));
        print!("{}", suggestions.toml());
        eprintln!("{} candidate(s) in {dir}", suggestions.candidates.len());
        return ExitCode::SUCCESS;
    }
    // `--strict`: a warning fails the run as an error does.
    let strict = take(&mut args, "--strict", false).is_some();
    // `--suggest`: candidates and inflections are listed too.
    let suggest = take(&mut args, "--suggest", false).is_some();
    // `build --site DIR`: the folders are inside the site DIR, whose widget is DIR/commentary-reader/.
    let site = match site_of(&mut args) {
        Ok(site) => site,
        Err(code) => return code,
    };
    match args.split_first() {
        Some((command, folders)) if (command == "check" || command == "build") && !folders.is_empty() => {
            run(command == "build", folders, Flags { strict, suggest }, site)
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

/// One compiled language of a folder: the folder, the language (`None`: the original), what
/// it compiled to, and its messages.
#[cfg(not(target_arch = "wasm32"))]
type Outcome = (String, Option<String>, bundle::Compiled, Vec<Diagnostic>);

/// The check's options.
#[cfg(not(target_arch = "wasm32"))]
struct Flags {
    /// A warning fails the run.
    strict: bool,
    /// Candidates and inflections are listed.
    suggest: bool,
}

/// The drafting aids for the folder `dir`, compiled in all its languages as `editions`.
#[cfg(not(target_arch = "wasm32"))]
fn suggestions_of(dir: &str, editions: &[commentary_compiler::folder::Edition]) -> commentary_compiler::suggestions::Suggestions {
    use commentary_compiler::gazetteer::{Gazetteer, TEXT};
    commentary_compiler::suggestions::suggest(editions, &Gazetteer::parse(TEXT), &mut |name| {
        std::fs::read_to_string(Path::new(dir).join(name)).ok()
    })
}

/// Checks (or builds: `build`) `folders`, printing every message; exits 1 on an error (or a
/// warning, `strict`).
#[cfg(not(target_arch = "wasm32"))]
fn run(build: bool, folders: &[String], Flags { strict, suggest }: Flags, site: SiteArg) -> ExitCode {
    let (mut errors, mut warnings) = (0, 0);
    let mut count = |diagnostics: &[Diagnostic]| {
        errors += diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
        warnings += diagnostics.iter().filter(|d| d.severity == Severity::Warning).count();
    };
    // The site's settings first: what is wrong there is wrong on every page.
    if let Some((_, problems)) = &site {
        for d in problems {
            println!("{d}");
        }
        count(problems);
    }
    // The original, then each translation its front matter lists, of every folder.
    let mut results: Vec<Outcome> = folders
        .iter()
        .flat_map(|folder| {
            compile_all(Path::new(folder))
                .into_iter()
                .map(move |(lang, compiled, diagnostics)| (folder.clone(), lang, compiled, diagnostics))
        })
        .collect();
    if build {
        if let Err(e) = write(&mut results, site.as_ref().map(|(s, _)| s)) {
            eprintln!("{e}");
            return ExitCode::from(1);
        }
    }
    for (folder, _, _, diagnostics) in &results {
        for d in diagnostics {
            println!("{}", Diagnostic { file: Path::new(folder).join(&d.file).display().to_string(), ..d.clone() });
        }
        count(diagnostics);
    }
    let mut suggested = 0;
    if suggest {
        for folder in folders {
            let editions: Vec<_> = results
                .iter()
                .filter(|(f, ..)| f == folder)
                .map(|(_, lang, compiled, d)| (lang.clone(), compiled.clone(), d.clone()))
                .collect();
            let lines = suggestions_of(folder, &editions).lines();
            suggested += lines.len();
            for line in lines {
                println!("{}", Path::new(folder).join(line).display());
            }
        }
    }
    let verb = if build { "built" } else { "checked" };
    let suggested = if suggest { format!(", {suggested} suggestion(s)") } else { String::new() };
    eprintln!("{verb} {} folder(s): {errors} error(s), {warnings} warning(s){suggested}", folders.len());
    if strict && warnings > 0 && errors == 0 {
        eprintln!("--strict: the warnings fail the check");
    }
    if errors > 0 || (strict && warnings > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Writes every folder's bundles; with a site, first tells each commentary where else the site
/// discusses its entities, then writes its pages and the site's own files.
#[cfg(not(target_arch = "wasm32"))]
fn write(results: &mut [Outcome], site: Option<&Site>) -> Result<(), String> {
    if let Some(site) = site {
        let mut pages: Vec<SitePage<'_>> = Vec::new();
        for (folder, lang, compiled, _) in results.iter_mut() {
            if let bundle::Compiled::Ready(loaded) = compiled {
                pages.push((site.parts_of(Path::new(folder))?, lang.clone(), loaded));
            }
        }
        link_elsewhere(&mut pages, site.settings());
    }
    let mut published = Vec::new();
    for (folder, lang, compiled, _) in results.iter() {
        let path = Path::new(folder).join(bundle::file_name(lang.as_deref()));
        let bytes = bundle::encode(compiled);
        std::fs::write(&path, &bytes).map_err(|e| format!("{}: cannot be written: {e}", path.display()))?;
        if let (Some(site), bundle::Compiled::Ready(loaded)) = (site, compiled) {
            published.push(site.write_pages(Path::new(folder), lang.as_deref(), loaded.clone(), &bytes)?);
        }
    }
    // The site's own files, over every page written: the archive, the sitemap, the feed.
    if let Some(site) = site {
        let written = site.finish(&published)?;
        if site.settings().url.is_none() {
            eprintln!(
                "{}: no `url`, so no sitemap, feed or oEmbed (they need the site's absolute address)",
                commentary_tools::site::settings::FILE
            );
        }
        if !written.is_empty() {
            eprintln!("wrote {}", written.join(", "));
        }
    }
    Ok(())
}
