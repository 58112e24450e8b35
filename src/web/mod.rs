//! The browser layer: what `static/commentary-reader.js` (the custom element) calls.
//!
//! The element owns its open shadow root; `mount` renders a `components::reader::Reader` into it and
//! returns a `ReaderHandle` the element destroys when it is removed or its `src` changes.
//! The reader reads compiled bundles only; for a `src` naming a `commentary.md`, the element
//! hands it a function that loads the separate compiler module (feature `compiler`,
//! [`compiler::compile`]) and compiles the folder in the browser.

#[cfg(feature = "reader")]
mod components;
#[cfg(feature = "reader")]
mod context;
#[cfg(feature = "compiler")]
pub mod compiler;
#[cfg(feature = "reader")]
mod events;
pub mod fetch;
#[cfg(all(feature = "reader", not(target_arch = "wasm32")))]
pub mod prerender;

/// The page's clock in milliseconds (`Date.now()`): the time the card and map reducers are
/// told, so a test's fake clock rules them.
#[cfg(feature = "reader")]
pub(crate) fn now() -> f64 {
    js_sys::Date::now()
}

#[cfg(all(feature = "reader", target_arch = "wasm32"))]
pub use reader_exports::*;

#[cfg(all(feature = "reader", target_arch = "wasm32"))]
mod reader_exports {
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement, ShadowRoot};

pub use super::components::reader::{Reader, ReaderProps};

/// The widget's stylesheet, adopted into every instance's shadow root by the element.
#[wasm_bindgen]
pub fn stylesheet() -> String {
    include_str!(concat!(env!("OUT_DIR"), "/reader.css")).to_owned()
}

/// Bytes of WebAssembly linear memory the core holds (reported by `make bench`).
#[wasm_bindgen]
pub fn memory_bytes() -> f64 {
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    f64::from(memory.buffer().unchecked_into::<js_sys::ArrayBuffer>().byte_length())
}

/// A mounted widget. Call `destroy` to unmount it and release its DOM.
#[wasm_bindgen]
pub struct ReaderHandle {
    app: Option<yew::AppHandle<Reader>>,
    container: Element,
}

#[wasm_bindgen]
impl ReaderHandle {
    /// Unmounts the widget; safe to call twice.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
            self.container.remove();
        }
    }
}

/// Renders the commentary named by `host`'s `src` attribute into `root`. `assets` is the URL
/// of the folder the widget's own files are served from (the default base map lives there).
/// `compiler(url, assets)` returns a promise of the bundle text for a `commentary.md` URL (the
/// element passes one that loads the compiler module on first use); without it, such a `src`
/// is an error that says to compile the folder. `early` is the element's request for `src`,
/// started while the core loaded (`{ url, response, controller }`), or `undefined`.
#[wasm_bindgen]
pub fn mount(host: HtmlElement, root: ShadowRoot, assets: String, compiler: Option<js_sys::Function>, early: JsValue) -> Result<ReaderHandle, JsValue> {
    let document = host.owner_document().ok_or_else(|| JsValue::from_str("the element is not in a document"))?;
    let container = document.create_element("div")?;
    container.set_class_name("cr-root");
    root.append_child(&container)?;
    let src = host.get_attribute("src").unwrap_or_default();
    let base = host.base_uri().ok().flatten().unwrap_or_default();
    let lang = host.get_attribute("lang").filter(|l| !l.trim().is_empty());
    let (options, problems) = crate::ui::options::parse(
        host.get_attribute("theme").as_deref(),
        host.get_attribute("map").as_deref(),
        host.get_attribute("cards").as_deref(),
    );
    for problem in problems {
        web_sys::console::warn_1(&format!("commentary-reader: {problem}").into());
    }
    container.set_attribute("data-theme", options.theme.as_str())?;
    let debug = host.has_attribute("debug");
    // The host page's language: the widget's words follow it when neither the element nor the
    // commentary names one.
    let page_lang = document.document_element().and_then(|e| e.get_attribute("lang")).filter(|l| !l.trim().is_empty());
    let props = ReaderProps { host, src: src.into(), base: base.into(), assets: assets.into(), compiler, early: super::components::reader::Early(std::rc::Rc::new(std::cell::RefCell::new((!early.is_undefined() && !early.is_null()).then_some(early)))), lang: lang.map(Into::into), page_lang: page_lang.map(Into::into), options, debug };
    let app = yew::Renderer::<Reader>::with_root_and_props(container.clone(), props).render();
    Ok(ReaderHandle { app: Some(app), container })
}
}
