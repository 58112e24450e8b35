//! Fetching an editor's files, with a timeout, and loading a whole commentary folder.

use std::rc::Rc;

use js_sys::{Function, Promise};
use thiserror::Error;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, RequestInit, Response, Url};

use crate::content::catalog::Catalog;
use crate::content::{self, link_commentary, Commentary, ContentError, Diagnostic, Linked};
use crate::folder::{self, TextFile, DEFAULT_BASEMAP};
use crate::geo::scene::Scene;

/// The largest file the widget reads (a 20,000-word report is about 150 KB).
pub const MAX_BYTES: usize = 5_000_000;

/// How long a single file may take before the load is given up.
pub const TIMEOUT_MS: i32 = 15_000;

/// Why a commentary could not be loaded at all.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum LoadError {
    /// The element has no usable `src`.
    #[error("the <commentary-reader> element needs a src attribute with the URL of a commentary.md")]
    NoSource,
    /// `src` is not a URL even relative to the page.
    #[error("src=\"{0}\" is not a valid URL")]
    BadSource(String),
    /// The server answered with an error status.
    #[error("{url}: the server answered {status} {status_text}")]
    Http {
        /// The file's URL.
        url: String,
        /// HTTP status.
        status: u16,
        /// Its reason phrase, possibly empty.
        status_text: String,
    },
    /// No answer within [`TIMEOUT_MS`].
    #[error("{url}: no answer within {} seconds", TIMEOUT_MS / 1000)]
    Timeout {
        /// The file's URL.
        url: String,
    },
    /// The request failed (offline, blocked by CORS or CSP, …).
    #[error("{url}: the file could not be fetched ({reason})")]
    Network {
        /// The file's URL.
        url: String,
        /// What the browser said.
        reason: String,
    },
    /// The file is larger than [`MAX_BYTES`].
    #[error("{url}: {} MB is more than a commentary file may be ({} MB); split it or check the URL", bytes / 1_000_000, MAX_BYTES / 1_000_000)]
    TooLarge {
        /// The file's URL.
        url: String,
        /// Its size.
        bytes: usize,
    },
    /// The file was fetched but is not a usable commentary.
    #[error("{0}")]
    Content(#[from] ContentError),
}

impl LoadError {
    /// A failure a second attempt may fix (the network, the server, a timeout).
    pub fn is_network(&self) -> bool {
        matches!(self, Self::Http { .. } | Self::Timeout { .. } | Self::Network { .. })
    }
}

/// A fetched side file (entity catalog or map), kept as text for its parser.
#[derive(Debug, Clone, PartialEq)]
pub struct SideFile {
    /// Absolute URL.
    pub url: String,
    /// Contents.
    pub text: String,
}

pub use crate::folder::Loaded;

/// Resolves `reference` against `base`; `None` if it is not a URL.
pub fn resolve(reference: &str, base: &str) -> Option<String> {
    Url::new_with_base(reference, base).ok().map(|u| u.href())
}

/// Cancels a timer when dropped, so an early answer leaves nothing running.
struct Timer {
    id: i32,
    _callback: Closure<dyn FnMut()>,
}

impl Drop for Timer {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            window.clear_timeout_with_handle(self.id);
        }
    }
}

/// A request under way; the timer aborts it after [`TIMEOUT_MS`].
struct Pending {
    url: String,
    promise: Promise,
    controller: AbortController,
    _timer: Timer,
}

/// Sends the request for `url` now (so several can be under way at once).
fn start(url: &str) -> Result<Pending, LoadError> {
    let window = web_sys::window().expect("the widget runs in a window");
    let controller = AbortController::new().map_err(|e| network(url, &e))?;
    let init = RequestInit::new();
    init.set_signal(Some(&controller.signal()));
    let abort = controller.clone();
    let callback = Closure::<dyn FnMut()>::new(move || abort.abort());
    let id = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(callback.as_ref().unchecked_ref::<Function>(), TIMEOUT_MS)
        .map_err(|e| network(url, &e))?;
    let promise = window.fetch_with_str_and_init(url, &init);
    Ok(Pending { url: url.to_owned(), promise, controller, _timer: Timer { id, _callback: callback } })
}

impl Pending {
    /// The response body as text. `Ok(None)` means 404 and `optional` was set.
    async fn text(self, optional: bool) -> Result<Option<String>, LoadError> {
        let url = self.url.as_str();
        let timed_out = || self.controller.signal().aborted();
        let fail = |e: JsValue| if timed_out() { LoadError::Timeout { url: url.to_owned() } } else { network(url, &e) };
        let response: Response = JsFuture::from(self.promise.clone()).await.map_err(fail)?.unchecked_into();
        if !response.ok() {
            if optional && response.status() == 404 {
                return Ok(None);
            }
            return Err(LoadError::Http { url: url.to_owned(), status: response.status(), status_text: response.status_text() });
        }
        let text: Promise = response.text().map_err(|e| network(url, &e))?;
        let text = JsFuture::from(text).await.map_err(fail)?.as_string().unwrap_or_default();
        if text.len() > MAX_BYTES {
            return Err(LoadError::TooLarge { url: url.to_owned(), bytes: text.len() });
        }
        Ok(Some(text))
    }
}

/// Fetches `url` as text. `Ok(None)` means 404 and `optional` was set.
pub async fn fetch_text(url: &str, optional: bool) -> Result<Option<String>, LoadError> {
    start(url)?.text(optional).await
}

fn network(url: &str, error: &JsValue) -> LoadError {
    let reason = js_sys::Reflect::get(error, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| "unknown error".into());
    LoadError::Network { url: url.to_owned(), reason }
}

/// Loads a commentary folder: `commentary.md`, then its catalogs and map in parallel.
/// A missing side file that was only a default is silently absent; one the front matter
/// names explicitly yields a warning. Side files never fail the load.
/// `assets` is the URL of the folder the widget's own files came from (for the default base map).
pub async fn load(url: Rc<str>, assets: Rc<str>) -> Result<Loaded, LoadError> {
    let source = fetch_text(&url, false).await?.unwrap_or_default();
    let (commentary, mut warnings) = content::parse_commentary(&source, &url)?;

    let refs = folder::side_refs(&commentary.front);
    let (explicit_catalogs, explicit_map) = (refs.explicit_catalogs, refs.explicit_map);
    let (catalog_refs, map_ref) = (refs.catalogs, refs.map);

    // Start every request before awaiting any of them.
    let mut pending = Vec::new();
    for reference in catalog_refs.iter().chain(std::iter::once(&map_ref)) {
        match resolve(reference, &url) {
            Some(abs) => pending.push(Some((abs.clone(), start(&abs)))),
            None => {
                let explicit = if pending.len() < catalog_refs.len() { explicit_catalogs } else { explicit_map };
                if explicit {
                    warnings.push(Diagnostic::warning(&url, (1, 1), format!("`{reference}` is not a valid URL relative to this file")));
                }
                pending.push(None);
            }
        }
    }
    let mut fetched = Vec::new();
    for (i, p) in pending.into_iter().enumerate() {
        let explicit = if i < catalog_refs.len() { explicit_catalogs } else { explicit_map };
        let Some((abs, request)) = p else {
            fetched.push(None);
            continue;
        };
        let answer = match request {
            Ok(request) => request.text(true).await,
            Err(e) => Err(e),
        };
        match answer {
            Ok(Some(text)) => fetched.push(Some(SideFile { url: abs, text })),
            Ok(None) if !explicit => fetched.push(None),
            Ok(None) => {
                warnings.push(Diagnostic::warning(&abs, (1, 1), "listed in the front matter but not found (404)"));
                fetched.push(None);
            }
            Err(e) => {
                warnings.push(Diagnostic::warning(&abs, (1, 1), format!("could not be loaded: {e}")));
                fetched.push(None);
            }
        }
    }
    let map_file = fetched.pop().flatten();
    let catalogs: Vec<TextFile> = fetched.into_iter().flatten().map(|f| TextFile { name: f.url, text: f.text }).collect();
    let catalog = folder::merge_catalogs(&catalogs, &mut warnings);
    let (linked, link_warnings) = link_commentary(&commentary, &catalog, &url);
    warnings.extend(link_warnings);
    let sections = folder::sections(&linked);
    let map = match map_file {
        Some(file) => Some(load_map(TextFile { name: file.url, text: file.text }, &assets, &catalog, &sections, &mut warnings).await),
        None => None,
    };
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
    folder::build_scene(spec, &TextFile { name: basemap_url, text }, catalog, sections, &file.name, warnings)
}

/// A loaded commentary shared between components. Equality is identity: components compare
/// props on every render, and comparing whole documents would be wasted work.
#[derive(Debug, Clone)]
pub struct Shared(pub std::rc::Rc<Loaded>);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        std::rc::Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for Shared {
    type Target = Loaded;
    fn deref(&self) -> &Loaded {
        &self.0
    }
}
