//! The compiler module's one export: fetch a commentary folder (`commentary.md`, then its
//! catalogs and map in parallel, then the base map) and compile it to a bundle, with the same
//! `folder` steps as `commentary-reader build`. Built only with the `compiler` feature, into
//! its own wasm, so the reader's wasm carries none of the parsers.

use std::rc::Rc;

use wasm_bindgen::prelude::*;

use super::fetch::{fetch_text, resolve, start, LoadError, Loaded};
use crate::bundle::{self, Compiled};
use crate::content::catalog::Catalog;
use crate::content::{self, link_commentary, Diagnostic};
use crate::folder::{self, TextFile, DEFAULT_BASEMAP};
use crate::geo::scene::Scene;

/// Compiles the folder of the `commentary.md` at `url` and returns the bundle's text. Never
/// fails: a folder that cannot be shown becomes a bundle that says why (and whether a retry
/// may help). `assets` is the URL of the widget's own folder (for the default base map);
/// `source` is the `commentary.md` when the caller already fetched it.
#[wasm_bindgen]
pub async fn compile(url: String, assets: String, source: Option<String>) -> String {
    let compiled = match load(url.into(), assets.into(), source).await {
        Ok(loaded) => Compiled::Ready(loaded),
        Err(e) => Compiled::Failed { message: e.to_string(), network: e.is_network() },
    };
    bundle::encode(&compiled)
}

/// Loads a commentary folder: `commentary.md`, then its catalogs and map in parallel.
/// A missing side file that was only a default is silently absent; one the front matter
/// names explicitly yields a warning. Side files never fail the load. A catalog that cannot be
/// read folds the messages its absence causes into one note, as `commentary-reader check` does.
/// Unlike `check`, a front matter with an error ends the load at once: the bundle can only
/// carry that error, so fetching the rest would only delay it.
/// `assets` is the URL of the folder the widget's own files came from (for the default base map).
async fn load(url: Rc<str>, assets: Rc<str>, source: Option<String>) -> Result<Loaded, LoadError> {
    let source = match source {
        Some(text) => text,
        None => fetch_text(&url, false).await?.unwrap_or_default(),
    };
    let (commentary, mut warnings) = content::parse_commentary(&source, &url)?;

    let refs = folder::side_refs(&commentary.front);
    let (explicit_catalogs, explicit_map) = (refs.explicit_catalogs, refs.explicit_map);
    let (catalog_refs, map_ref) = (refs.catalogs, refs.map);

    // A catalog asked for and not read: the messages its absence causes are folded at the end.
    let mut lost = folder::LostCatalog::default();
    // Start every request before awaiting any of them.
    let mut pending = Vec::new();
    for reference in catalog_refs.iter().chain(std::iter::once(&map_ref)) {
        match resolve(reference, &url) {
            Some(abs) => pending.push(Some((abs.clone(), start(&abs)))),
            None => {
                let is_catalog = pending.len() < catalog_refs.len();
                let explicit = if is_catalog { explicit_catalogs } else { explicit_map };
                if explicit {
                    let report = Diagnostic::warning(&url, (1, 1), format!("`{reference}` is not a valid URL relative to this file"));
                    if is_catalog {
                        lost.record(&report);
                    }
                    warnings.push(report);
                }
                pending.push(None);
            }
        }
    }
    let mut fetched = Vec::new();
    for (i, p) in pending.into_iter().enumerate() {
        let is_catalog = i < catalog_refs.len();
        let explicit = if is_catalog { explicit_catalogs } else { explicit_map };
        let Some((abs, request)) = p else {
            fetched.push(None);
            continue;
        };
        let answer = match request {
            Ok(request) => request.text(true).await,
            Err(e) => Err(e),
        };
        let report = match answer {
            Ok(Some(text)) => {
                fetched.push(Some(TextFile { name: abs, text }));
                continue;
            }
            Ok(None) if !explicit => None,
            Ok(None) => Some(Diagnostic::warning(&abs, (1, 1), "listed in the front matter but not found (404)")),
            Err(e) => Some(Diagnostic::warning(&abs, (1, 1), format!("could not be loaded: {e}"))),
        };
        if let Some(report) = report {
            if is_catalog {
                lost.record(&report);
            }
            warnings.push(report);
        }
        fetched.push(None);
    }
    let map_file = fetched.pop().flatten();
    let catalogs: Vec<TextFile> = fetched.into_iter().flatten().collect();
    let catalog = folder::merge_catalogs(&catalogs, &mut warnings, &mut lost);
    let (linked, link_warnings) = link_commentary(&commentary, &catalog, &url);
    warnings.extend(link_warnings);
    let sections = folder::sections(&linked);
    let map = match map_file {
        Some(file) => Some(load_map(file, &assets, &catalog, &sections, &mut warnings).await),
        None => None,
    };
    lost.fold(&mut warnings);
    Ok(Loaded { url: url.to_string(), front: commentary.front, catalog, linked, map, sections, warnings })
}

/// Parses `map.toml`, fetches its base map and resolves both against the catalog. Problems
/// inside the file are warnings (the rest still draws); a file that cannot be parsed at all or
/// a base map that cannot be loaded leaves the text and cards working, with a note instead.
async fn load_map(file: TextFile, assets: &str, catalog: &Catalog, sections: &[(String, String)], warnings: &mut Vec<Diagnostic>) -> Result<Rc<Scene>, String> {
    let spec = folder::read_map(&file, warnings)?;
    let basemap_url = match &spec.basemap {
        Some(reference) => resolve(reference, &file.name).ok_or_else(|| format!("{}: basemap `{reference}` is not a valid URL", file.name))?,
        None => resolve(DEFAULT_BASEMAP, assets).ok_or_else(|| format!("the default base map is not reachable from {assets}"))?,
    };
    let text = fetch_text(&basemap_url, false).await.map_err(|e| e.to_string())?.unwrap_or_default();
    folder::build_scene(spec, &TextFile { name: basemap_url, text }, catalog, Some(sections), &file.name, warnings)
}

