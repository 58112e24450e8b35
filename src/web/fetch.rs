//! Fetching files with a timeout, and loading what an element's `src` names: a compiled
//! bundle, or (through the compiler module) an editor's `commentary.md`.

use gloo::timers::callback::Timeout;
use js_sys::{Function, Promise};
use thiserror::Error;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, RequestInit, Response};

use crate::bundle::{self, Compiled};
use crate::content::ContentError;

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
    /// The folder was compiled (in the browser or by `commentary-reader build`) and could not
    /// be shown; `network` when a second attempt may fix it.
    #[error("{message}")]
    Compiled {
        /// Why, located.
        message: String,
        /// A retry may help.
        network: bool,
    },
    /// The file is not a bundle this widget can read.
    #[error("{url}: {message}")]
    Bundle {
        /// The file's URL.
        url: String,
        /// What is wrong with it.
        message: String,
    },
    /// The file is not a bundle (an editor's `commentary.md`) and the page gave the widget
    /// no compiler.
    #[error("{url}: this page cannot compile Markdown in the browser; compile the folder with `commentary-reader build` and point src at its commentary.bundle")]
    NoCompiler {
        /// The file's URL.
        url: String,
    },
}

impl LoadError {
    /// A failure a second attempt may fix (the network, the server, a timeout).
    pub fn is_network(&self) -> bool {
        matches!(self, Self::Http { .. } | Self::Timeout { .. } | Self::Network { .. } | Self::Compiled { network: true, .. })
    }
}

pub use crate::bundle::Loaded;

/// The URL an element's `src` names, resolved against the page's `base`, or why it names none.
pub fn source_url(src: &str, base: &str) -> Result<String, LoadError> {
    if src.trim().is_empty() {
        return Err(LoadError::NoSource);
    }
    resolve(src, base).ok_or_else(|| LoadError::BadSource(src.to_owned()))
}

/// Tells the console about every problem the commentary's files have (the validator's
/// messages, located), as the widget does whenever it shows one.
#[cfg(feature = "reader")]
pub(crate) fn warn_of(loaded: &Loaded) {
    for warning in &loaded.warnings {
        web_sys::console::warn_1(&format!("commentary-reader: {warning}").into());
    }
}

/// Resolves `reference` against `base`; `None` if it is not a URL.
pub fn resolve(reference: &str, base: &str) -> Option<String> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        // The server renderer has no `URL`: a link is resolved against the commentary's own
        // address when the front matter gives one, else kept relative to the reading page,
        // which sits beside the bundle (the hydrated widget resolves it as the browser does).
        Some(crate::content::links::join(base, reference))
    }
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::Url::new_with_base(reference, base).ok().map(|u| u.href())
    }
}

/// A request under way; the timer aborts it after [`TIMEOUT_MS`].
pub(crate) struct Pending {
    url: String,
    promise: Promise,
    controller: AbortController,
    /// Aborts the request when it fires; dropped (cancelled) with the answer.
    _timer: Timeout,
}

/// Sends the request for `url` now (so several can be under way at once).
pub(crate) fn start(url: &str) -> Result<Pending, LoadError> {
    // A page's realm always has a window; a worker or a detached frame does not, and a panic
    // here would trap the one wasm instance every element on the page shares.
    let window = web_sys::window()
        .ok_or_else(|| LoadError::Network { url: url.to_owned(), reason: "there is no window to fetch from".to_owned() })?;
    let controller = AbortController::new().map_err(|e| network(url, &e))?;
    let init = RequestInit::new();
    init.set_signal(Some(&controller.signal()));
    let promise = window.fetch_with_str_and_init(url, &init);
    watch(url, promise, controller)
}

/// Takes over a request the element started before the core was ready (`{ url, response,
/// controller }`, see `prefetch` in commentary-reader.js), if it is for `url`.
fn adopt(early: &JsValue, url: &str) -> Option<Pending> {
    let get = |key: &str| js_sys::Reflect::get(early, &key.into()).ok();
    if get("url")?.as_string()? != url {
        return None;
    }
    let promise: Promise = get("response")?.dyn_into().ok()?;
    let controller: AbortController = get("controller")?.dyn_into().ok()?;
    watch(url, promise, controller).ok()
}

/// A request under way, given [`TIMEOUT_MS`] before `controller` aborts it.
fn watch(url: &str, promise: Promise, controller: AbortController) -> Result<Pending, LoadError> {
    let abort = controller.clone();
    let timer = Timeout::new(TIMEOUT_MS.unsigned_abs(), move || abort.abort());
    Ok(Pending { url: url.to_owned(), promise, controller, _timer: timer })
}

impl Pending {
    /// The response body as text. `Ok(None)` means 404 and `optional` was set.
    #[cfg(feature = "compiler")]
    pub(crate) async fn text(self, optional: bool) -> Result<Option<String>, LoadError> {
        Ok(self.body(optional, Response::text).await?.map(|v| v.as_string().unwrap_or_default()))
    }

    /// The response body as bytes (a bundle, or a file the compiler may read as text).
    pub(crate) async fn bytes(self) -> Result<Vec<u8>, LoadError> {
        Ok(self.body(false, Response::array_buffer).await?.map(|v| js_sys::Uint8Array::new(&v).to_vec()).unwrap_or_default())
    }

    /// Awaits the response, then its body as `read` gives it; refuses a body over [`MAX_BYTES`].
    async fn body(self, optional: bool, read: fn(&Response) -> Result<Promise, JsValue>) -> Result<Option<JsValue>, LoadError> {
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
        let body: Promise = read(&response).map_err(|e| network(url, &e))?;
        let body = JsFuture::from(body).await.map_err(fail)?;
        let bytes = body.as_string().map_or_else(|| js_sys::ArrayBuffer::from(body.clone()).byte_length() as usize, |t| t.len());
        if bytes > MAX_BYTES {
            return Err(LoadError::TooLarge { url: url.to_owned(), bytes });
        }
        Ok(Some(body))
    }
}

fn network(url: &str, error: &JsValue) -> LoadError {
    let reason = js_sys::Reflect::get(error, &"message".into()).ok().and_then(|m| m.as_string()).unwrap_or_else(|| "unknown error".into());
    LoadError::Network { url: url.to_owned(), reason }
}

/// Loads what `url` names: a compiled bundle, read directly, or anything else (an editor's
/// `commentary.md`), which `compiler(url, assets, text, lang)` compiles to a bundle with its
/// folder (see `web::compiler`): in the translation `lang`, if given and listed. The file is
/// told apart by its first bytes (`bundle::is_bundle`), not by its name. `early` is the
/// element's request for the same file, started while the core loaded.
pub async fn load(
    url: &str,
    assets: &str,
    compiler: Option<&Function>,
    early: Option<JsValue>,
    lang: Option<&str>,
) -> Result<Loaded, LoadError> {
    load_bytes(url, assets, compiler, early, lang).await.map(|(loaded, _)| loaded)
}

/// [`load`], and the bundle's bytes (a prerendered page is checked against them).
pub async fn load_bytes(
    url: &str,
    assets: &str,
    compiler: Option<&Function>,
    early: Option<JsValue>,
    lang: Option<&str>,
) -> Result<(Loaded, Vec<u8>), LoadError> {
    let request = match early.and_then(|e| adopt(&e, url)) {
        Some(request) => request,
        None => start(url)?,
    };
    let mut bytes = request.bytes().await?;
    let from_source = !bundle::is_bundle(&bytes);
    if from_source {
        let compiler = compiler.ok_or_else(|| LoadError::NoCompiler { url: url.to_owned() })?;
        // The compiler reads the file as text (as `fetch` would: invalid UTF-8 replaced).
        let source = js_sys::Uint8Array::from(bytes.as_slice());
        let promise: Promise = compiler
            .call4(&JsValue::NULL, &url.into(), &assets.into(), &source, &lang.map_or(JsValue::UNDEFINED, JsValue::from_str))
            .map_err(|e| network(url, &e))?
            .unchecked_into();
        bytes = js_sys::Uint8Array::new(&JsFuture::from(promise).await.map_err(|e| network(url, &e))?).to_vec();
    }
    // Decoding is a task of its own, apart from the start of the core and the bytes' arrival.
    #[cfg(feature = "reader")]
    yield_to_page().await;
    let decoded = bundle::decode(&bytes, url);
    mark("decoded");
    match decoded {
        Ok(Compiled::Ready(loaded)) => Ok((Loaded { from_source, ..loaded }, bytes)),
        Ok(Compiled::Failed { message, network }) => Err(LoadError::Compiled { message, network }),
        Err(e) => Err(LoadError::Bundle { url: url.to_owned(), message: e.to_string() }),
    }
}

/// Lets the page run what waits (a tap, a paint) between two parts of the widget's work, so
/// that no part holds the main thread with the others: `scheduler.yield()` where the browser
/// has it (the continuation keeps its place ahead of other tasks), else a new task
/// (`setTimeout(0)`).
#[cfg(feature = "reader")]
pub(crate) async fn yield_to_page() {
    let Some(window) = web_sys::window() else { return };
    let scheduler = js_sys::Reflect::get(&window, &"scheduler".into()).ok().filter(JsValue::is_object);
    let yielded = scheduler.and_then(|s| {
        let function: Function = js_sys::Reflect::get(&s, &"yield".into()).ok()?.dyn_into().ok()?;
        function.call0(&s).ok()?.dyn_into::<Promise>().ok()
    });
    let promise = yielded.unwrap_or_else(|| {
        Promise::new(&mut |resolve, _| {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        })
    });
    let _ = JsFuture::from(promise).await;
}

/// A `performance.mark` named `commentary-reader:<step>`, for the breakdown of the time to
/// `ready` that `make bench` prints (the element marks the steps before the core runs).
pub(crate) fn mark(step: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(&format!("commentary-reader:{step}"));
    }
}
