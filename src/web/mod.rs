//! The browser layer: what `static/commentary-reader.js` (the custom element) calls.
//!
//! The element owns its open shadow root; `mount` renders a `components::reader::Reader` into it and
//! returns a `ReaderHandle` the element destroys when it is removed or its `src` changes.
//! The reader reads compiled bundles only; for a `src` naming a `commentary.md`, the element
//! hands it a function that loads the separate compiler module (feature `compiler`,
//! [`compiler::compile`]) and compiles the folder in the browser.

#[cfg(feature = "checker")]
pub mod checker;
#[cfg(feature = "compiler")]
pub mod compiler;
#[cfg(feature = "reader")]
mod components;
#[cfg(feature = "reader")]
mod context;
#[cfg(feature = "ssr")]
pub mod css;
#[cfg(feature = "reader")]
mod events;
pub mod fetch;
#[cfg(target_arch = "wasm32")]
mod math;
#[cfg(feature = "ssr")]
pub mod prerender;

/// The page's monotonic clock in milliseconds (`performance.now()`, which a test's fake clock
/// also rules): the time the card and map reducers are told. A wall clock (`Date.now()`) can
/// step back or jump when the system's time is set, and a card's timers with it.
#[cfg(feature = "reader")]
pub(crate) fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or_else(js_sys::Date::now, |p| p.now())
}

#[cfg(all(feature = "reader", target_arch = "wasm32"))]
pub use reader_exports::*;

#[cfg(all(feature = "reader", target_arch = "wasm32"))]
mod reader_exports {
    use wasm_bindgen::prelude::*;
    use web_sys::{Element, HtmlElement, ShadowRoot};

    pub use super::components::reader::{Reader, ReaderProps};
    use super::context::ReaderContext;

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

    /// The element's attributes, read once: the props of its `Reader`, and the inputs of a
    /// prerendered render ([`crate::stamp::ElementInputs`]).
    struct Attributes {
        props: ReaderProps,
        theme: Option<String>,
        map: Option<String>,
        cards: Option<String>,
        heading_level: Option<String>,
    }

    fn attributes(
        host: HtmlElement,
        assets: String,
        compiler: Option<js_sys::Function>,
        early: JsValue,
        memory: Option<js_sys::Function>,
    ) -> Result<Attributes, JsValue> {
        let document = host.owner_document().ok_or_else(|| JsValue::from_str("the element is not in a document"))?;
        let src = host.get_attribute("src").unwrap_or_default();
        let base = host.base_uri().ok().flatten().unwrap_or_default();
        let lang = host.get_attribute("lang").filter(|l| !l.trim().is_empty());
        let (theme, map, cards) = (host.get_attribute("theme"), host.get_attribute("map"), host.get_attribute("cards"));
        let heading_level = host.get_attribute("heading-level");
        let (options, problems) = crate::ui::options::parse(theme.as_deref(), map.as_deref(), cards.as_deref(), heading_level.as_deref());
        for problem in problems {
            web_sys::console::warn_1(&format!("commentary-reader: {problem}").into());
        }
        let debug = host.has_attribute("debug");
        // The host page's language: the widget's words follow it when neither the element nor the
        // commentary names one.
        let page_lang = document.document_element().and_then(|e| e.get_attribute("lang")).filter(|l| !l.trim().is_empty());
        let early = super::components::reader::Early(super::context::Same(std::rc::Rc::new(std::cell::RefCell::new(
            (!early.is_undefined() && !early.is_null()).then_some(early),
        ))));
        let props = ReaderProps {
            host,
            src: src.into(),
            base: base.into(),
            assets: assets.into(),
            compiler,
            early,
            memory,
            lang: lang.map(Into::into),
            page_lang: page_lang.map(Into::into),
            options,
            debug,
            initial: None,
            prerendered: false,
            hydrating: false,
            map_island: None,
            map_view: None,
        };
        Ok(Attributes { props, theme, map, cards, heading_level })
    }

    /// Renders the commentary named by `host`'s `src` attribute into `root`. `assets` is the URL
    /// of the folder the widget's own files are served from (the default base map lives there).
    /// `compiler(url, assets, text, lang)` returns a promise of the bundle for a `commentary.md` URL
    /// (the element passes one that loads the compiler module on first use); without it, such a
    /// `src` is an error that says to compile the folder. `early` is the element's request for
    /// `src`, started while the core loaded (`{ url, response, controller }`), or `undefined`.
    /// `memory(url, lang)` answers a load of one of the commentary's languages the same way from
    /// bundles the element holds in memory (`element.bundle`, `element.translations`), or returns
    /// `undefined`.
    #[wasm_bindgen]
    pub fn mount(
        host: HtmlElement,
        root: ShadowRoot,
        assets: String,
        compiler: Option<js_sys::Function>,
        early: JsValue,
        memory: Option<js_sys::Function>,
    ) -> Result<ReaderHandle, JsValue> {
        let document = host.owner_document().ok_or_else(|| JsValue::from_str("the element is not in a document"))?;
        let container = document.create_element("div")?;
        container.set_class_name("cr-root");
        root.append_child(&container)?;
        let props = attributes(host, assets, compiler, early, memory)?.props;
        container.set_attribute("data-theme", props.options.theme.as_str())?;
        let app = yew::Renderer::<Reader>::with_root_and_props(container.clone(), props).render();
        Ok(ReaderHandle { app: Some(app), container })
    }

    /// Hydrates the commentary prerendered in `container` (the `.cr-root` of the element's
    /// declarative shadow root, stamped by `commentary-reader build`): loads the bundle `src`
    /// names, and if it is the one the page was rendered from, for the same attributes, and the
    /// markup is as rendered, adopts every node as it is. Otherwise it warns where the page
    /// diverged and renders afresh in place. A bundle that cannot be loaded leaves the
    /// prerendered text as it is (with the error reported).
    #[wasm_bindgen]
    pub async fn hydrate(
        host: HtmlElement,
        container: Element,
        assets: String,
        compiler: Option<js_sys::Function>,
        early: JsValue,
        memory: Option<js_sys::Function>,
    ) -> Result<ReaderHandle, JsValue> {
        use crate::stamp::{divergence, inputs_digest, ElementInputs, Stamp, STAMP_ATTRIBUTE};
        let Attributes { mut props, theme, map, cards, heading_level } = attributes(host.clone(), assets, compiler, early, memory)?;
        let src = props.src.to_string();
        let url = super::fetch::source_url(&src, &props.base).map_err(|e| JsValue::from_str(&e.to_string()))?;
        let early = props.early.0.borrow_mut().take();
        let loaded = super::fetch::load_bytes(&url, &props.assets, props.compiler.as_ref(), early, None).await;
        let (mut loaded, bytes) = match loaded {
            Ok(found) => found,
            Err(error) => {
                // The prerendered text stays readable; the element reports why it stays still.
                web_sys::console::error_1(&format!("commentary-reader: {error} (the prerendered text is shown as it is)").into());
                super::events::dispatch(&host, "error", &[("src", &src), ("message", &error.to_string())]);
                return Ok(ReaderHandle { app: None, container });
            }
        };
        loaded.url = url;
        super::fetch::warn_of(&loaded);
        // Decoding, checking and hydrating are three tasks, not one: the page can answer a tap
        // between them.
        super::fetch::yield_to_page().await;
        // The host page's language shapes the render only for a commentary that names none.
        let page_lang = props.page_lang.as_deref().filter(|_| !loaded.front.lang_given);
        let inputs = ElementInputs {
            lang: props.lang.as_deref(),
            theme: theme.as_deref(),
            map: map.as_deref(),
            cards: cards.as_deref(),
            heading_level: heading_level.as_deref(),
            debug: props.debug,
            page_lang,
        }
        .pairs();
        let stamp = container.get_attribute(STAMP_ATTRIBUTE).and_then(|s| Stamp::parse(&s));
        let problem = match stamp {
            None => Some("its stamp is missing or unreadable".to_owned()),
            Some(stamp) if stamp.inputs != inputs_digest(&bytes, &inputs) => {
                Some(format!("it was rendered from another {src}, another version of the widget or other attributes"))
            }
            Some(stamp) => divergence(&stamp.markup, &digest_dom(&container).await).map(|at| format!("its markup was altered: {at}")),
        };
        super::fetch::mark("checked");
        // The check's last step and the map's context are two tasks too.
        super::fetch::yield_to_page().await;
        let loaded = super::context::Same(std::rc::Rc::new(loaded));
        // The map's context is made here (its words' tables are compiled on first use), the map
        // hydrated in the next task.
        let map = problem.is_none().then(|| map_context(&container, &loaded, &props)).flatten();
        super::fetch::yield_to_page().await;
        if let Some((slot, reader)) = map {
            // The map first, in a task of its own: an app rooted at its slot, hydrated in place.
            props.map_view = Some(reader.view.clone());
            props.map_island = Some(map_island(slot, reader));
            super::fetch::yield_to_page().await;
        }
        props.initial = Some(loaded);
        // Hydrated, the first render is the server's (not live, the map at its prerendered size);
        // afresh, it is an ordinary one.
        props.prerendered = problem.is_none();
        props.hydrating = problem.is_none();
        container.set_attribute("data-theme", props.options.theme.as_str())?;
        let renderer = yew::Renderer::<Reader>::with_root_and_props(container.clone(), props);
        let app = match problem {
            None => renderer.hydrate(),
            Some(problem) => {
                web_sys::console::warn_1(
                    &format!("commentary-reader: the prerendered page cannot be hydrated ({problem}); rendering it afresh").into(),
                );
                while let Some(child) = container.first_child() {
                    container.remove_child(&child)?;
                }
                renderer.render()
            }
        };
        Ok(ReaderHandle { app: Some(app), container })
    }

    /// The prerendered map's slot in `container` and the context its first render in the reader
    /// had (`Reader`: the same context, not live, the map at its prerendered size, its view kept
    /// in a cell of its own), if the page has a map.
    fn map_context(container: &Element, loaded: &super::context::Shared, props: &ReaderProps) -> Option<(Element, ReaderContext)> {
        let slot = container.query_selector(".cr-map-slot").ok().flatten()?;
        slot.query_selector("figure.cr-map").ok().flatten()?;
        let mut reader = ReaderContext::new(loaded.clone(), props.options, props.ui_lang(loaded), true);
        reader.view = Default::default();
        // Hydrating: what never changes (the countries) is kept as the page has it.
        reader.keep_text = true;
        Some((slot, reader))
    }

    /// Hydrates the prerendered map in `slot` as an app of its own, with `reader` (see
    /// [`map_context`]), and returns what hands it later props (`None` ends it).
    fn map_island(slot: Element, reader: ReaderContext) -> yew::Callback<Option<super::components::map::MapProps>> {
        use super::components::map::{Map, MapProps};
        let app = yew::Renderer::<Map>::with_root_and_props(slot, MapProps { reader, show: None, marks: Default::default() }).hydrate();
        let app = std::rc::Rc::new(std::cell::RefCell::new(Some(app)));
        yew::Callback::from(move |next: Option<MapProps>| match next {
            Some(next) => {
                if let Some(app) = app.borrow_mut().as_mut() {
                    app.update(next);
                }
            }
            None => {
                if let Some(app) = app.borrow_mut().take() {
                    app.destroy();
                }
            }
        })
    }

    /// The digest of the markup under `root`, as the build digested the HTML it wrote: the
    /// browser serialises the tree it holds (one call, done natively) and the same tokenizer reads
    /// it, 32 KB per task. (Walking the DOM node by node from the wasm cost about 50 ms of a
    /// 4x-slowed phone CPU on the seed, one boundary crossing per node and attribute; this costs a
    /// few. Serialising and digesting the seed's 150 KB in one task took 20-55 ms.)
    async fn digest_dom(root: &Element) -> crate::stamp::Digest {
        let html = root.inner_html();
        super::fetch::yield_to_page().await;
        let mut digest = crate::stamp::HtmlDigest::new(&html);
        while !digest.step(32 * 1024) {
            super::fetch::yield_to_page().await;
        }
        digest.finish()
    }
}
