//! The top component: loads the commentary, then shows it, or shows why it could not.

use std::cell::Cell;
use std::rc::Rc;

use web_sys::HtmlElement;
use yew::prelude::*;

use super::commentary::Commentary;
use crate::web::context::ReaderContext;
use crate::web::events::dispatch;
use crate::web::fetch::{self, LoadError, Loaded, Shared};
use crate::i18n;

/// What the element passes in.
#[derive(Properties, PartialEq, Clone)]
pub struct ReaderProps {
    /// The `<commentary-reader>` element; events are dispatched on it.
    pub host: HtmlElement,
    /// Its `src` attribute, as written.
    pub src: AttrValue,
    /// The document's base URL, against which `src` resolves.
    pub base: AttrValue,
    /// The folder the widget's own files come from.
    pub assets: AttrValue,
    /// Compiles a `commentary.md` folder to a bundle (the element loads the compiler module
    /// for it); see `fetch::load`.
    #[prop_or_default]
    pub compiler: Option<js_sys::Function>,
    /// The element's request for `src`, started while the core loaded; used by the first
    /// load only.
    #[prop_or_default]
    pub early: Early,
    /// The host page's `<html lang>`, the last choice for the widget's words.
    #[prop_or_default]
    pub page_lang: Option<AttrValue>,
    /// The `debug` attribute: list the content's problems in a panel.
    #[prop_or_default]
    pub debug: bool,
    /// `theme`, `map` and `cards`.
    #[prop_or_default]
    pub options: crate::ui::options::Options,
    /// Its `lang` attribute: the UI language, overriding the commentary's.
    #[prop_or_default]
    pub lang: Option<AttrValue>,
    /// The commentary, already loaded: shown at once, nothing is fetched (the server's render,
    /// and the hydration of what it rendered).
    #[prop_or_default]
    pub initial: Option<Shared>,
    /// Rendered at build time or hydrating such a render (see `ReaderContext::prerendered`).
    #[prop_or_default]
    pub prerendered: bool,
}

/// A request handed over once (a retry fetches anew). Equal by identity.
#[derive(Clone, Default)]
pub struct Early(pub Rc<std::cell::RefCell<Option<wasm_bindgen::JsValue>>>);

impl PartialEq for Early {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Clone)]
enum LoadState {
    Loading,
    Ready(Rc<Loaded>),
    Failed(Rc<LoadError>),
}

impl PartialEq for LoadState {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::Loading, Self::Loading) => true,
            (Self::Ready(a), Self::Ready(b)) => Rc::ptr_eq(a, b),
            (Self::Failed(a), Self::Failed(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// Loads and shows one commentary.
#[function_component]
pub fn Reader(props: &ReaderProps) -> Html {
    let state = use_state(|| props.initial.as_ref().map_or(LoadState::Loading, |l| LoadState::Ready(l.0.clone())));
    // Bumped by the retry button: the load runs again.
    let attempt = use_state(|| 0_u32);

    {
        let state = state.clone();
        let assets = props.assets.clone();
        let compiler = props.compiler.clone();
        let early = props.early.clone();
        let given = props.initial.is_some();
        use_effect_with((props.src.clone(), props.base.clone(), *attempt), move |(src, base, attempt)| {
            let cancelled = Rc::new(Cell::new(false));
            // Handed in loaded (hydration): nothing to fetch, unless the reader retries.
            if !(given && *attempt == 0) {
                let url = fetch::source_url(src, base);
                state.set(LoadState::Loading);
                let guard = cancelled.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let result = match url {
                        Ok(url) => fetch::load(&url, &assets, compiler.as_ref(), early.0.borrow_mut().take()).await,
                        Err(e) => Err(e),
                    };
                    if guard.get() {
                        return;
                    }
                    state.set(match result {
                        Ok(loaded) => {
                            fetch::warn_of(&loaded);
                            LoadState::Ready(Rc::new(loaded))
                        }
                        Err(error) => {
                            web_sys::console::error_1(&format!("commentary-reader: {error}").into());
                            LoadState::Failed(Rc::new(error))
                        }
                    });
                });
            }
            move || cancelled.set(true)
        });
    }

    // Effects run after the DOM is committed: the event means "on screen now".
    {
        let host = props.host.clone();
        let src = props.src.to_string();
        use_effect_with((*state).clone(), move |state| match state {
            LoadState::Ready(loaded) => {
                crate::web::fetch::mark("rendered");
                dispatch(&host, "ready", &[("src", &src), ("title", &loaded.front.title)]);
            }
            LoadState::Failed(error) => dispatch(&host, "error", &[("src", &src), ("message", &error.to_string())]),
            LoadState::Loading => {}
        });
    }

    // The widget's words: the element's `lang`, else the commentary's, else the page's.
    let ui_lang = props.lang.clone();
    let early_lang = ui_lang.clone().or_else(|| props.page_lang.clone());
    match &*state {
        LoadState::Loading => {
            let strings = i18n::strings(early_lang.as_deref().unwrap_or("en"));
            html! {
                <div class="cr-loading" aria-busy="true">
                    // The host's fallback content shows through the slot while loading.
                    <slot><p class="cr-status" role="status">{ strings.loading }</p></slot>
                </div>
            }
        }
        LoadState::Ready(loaded) => {
            let ui_lang = ui_lang.or_else(|| (!loaded.front.lang_given).then(|| props.page_lang.clone()).flatten());
            let context = ReaderContext::new(Shared(loaded.clone()), props.options, ui_lang, props.prerendered);
            html! { <Commentary reader={context} host={props.host.clone()} debug={props.debug} /> }
        }
        LoadState::Failed(error) => {
            let strings = i18n::strings(early_lang.as_deref().unwrap_or("en"));
            html! {
                <div class="cr-error" role="alert">
                    <p class="cr-error-title">{ strings.error_title }</p>
                    <p class="cr-error-message">{ error.to_string() }</p>
                    if error.is_network() {
                        <button type="button" class="cr-retry" onclick={{
                            let attempt = attempt.clone();
                            Callback::from(move |_: MouseEvent| attempt.set(*attempt + 1))
                        }}>{ strings.retry }</button>
                    }
                    <slot />
                </div>
            }
        }
    }
}
