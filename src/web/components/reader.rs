//! The top component: loads the commentary, then shows it, or shows why it could not.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

use super::commentary::Commentary;
use crate::i18n;
use crate::ui::languages::Languages;
use crate::web::context::{ReaderContext, Restore};
use crate::web::context::{Same, Shared};
use crate::web::events::dispatch;
use crate::web::fetch::{self, LoadError, Loaded};

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
    /// The element's bundles in memory (`element.bundle` and `element.translations`):
    /// `memory(url, lang)` answers a language's load as `early` does, or is `undefined`.
    #[prop_or_default]
    pub memory: Option<js_sys::Function>,
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
    /// Hydrating a prerendered page in the browser (not the server's render of it): the
    /// article's body is kept as the page has it (`ReaderContext::keep_text`).
    #[prop_or_default]
    pub hydrating: bool,
    /// The map, hydrated already as an app of its own (see `ReaderContext::map_island`).
    #[prop_or_default]
    pub map_island: Option<Callback<Option<super::map::MapProps>>>,
    /// Where the map keeps its view (shared with that app), if not the reader's own.
    #[prop_or_default]
    pub map_view: Option<crate::web::context::MapKept>,
}

impl ReaderProps {
    /// The widget's language for `loaded`: the element's `lang`, else the host page's for a
    /// commentary that names none (else the commentary's, `ReaderContext::new`). The reader's
    /// render and the map hydrated on its own (`web::hydrate`) must agree on it.
    pub fn ui_lang(&self, loaded: &Loaded) -> Option<AttrValue> {
        self.lang.clone().or_else(|| (!loaded.front.lang_given).then(|| self.page_lang.clone()).flatten())
    }
}

/// A request handed over once (a retry fetches anew). Equal by identity.
#[derive(Clone, Default, PartialEq)]
pub struct Early(pub Same<std::cell::RefCell<Option<wasm_bindgen::JsValue>>>);

#[derive(Clone, PartialEq)]
enum LoadState {
    Loading,
    Ready(Same<Loaded>),
    Failed(Same<LoadError>),
}

/// Where the reader is, read from the rendered widget: the first paragraph whose end is still
/// in view, the trigger whose card is open; and the map's view as the map last drew it.
fn place_of(host: &HtmlElement, map: Option<(crate::geo::projection::Bounds, (f64, f64))>) -> Restore {
    let Some(root) = host.shadow_root() else { return Restore::default() };
    let all = |selector: &str| {
        root.query_selector_all(selector)
            .map(|list| (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok()).collect::<Vec<_>>())
            .unwrap_or_default()
    };
    let paragraph = all(".cr-body > p[id]").into_iter().find(|p| p.get_bounding_client_rect().bottom() > 0.0);
    let top = paragraph.as_ref().map(|p| p.get_bounding_client_rect().top());
    let paragraph = paragraph.and_then(|p| p.get_attribute("id"));
    let entity = all("[data-mention][aria-expanded='true']").first().and_then(|m| m.get_attribute("data-entity"));
    Restore { paragraph, focus: None, top, entity, view: map.map(|m| m.0), size: map.map(|m| m.1) }
}

/// `place` kept at the language switch when one of its links has focus (it is where the
/// reader is): focus returns to the switch, at the same height on the screen.
fn at_switch(host: &HtmlElement, mut place: Restore, lang: &str) -> Restore {
    let focused = host.shadow_root().and_then(|r| r.active_element()).filter(|e| e.closest(".cr-languages").ok().flatten().is_some());
    if let Some(link) = focused {
        place.focus = Some(lang.to_owned());
        place.top = Some(link.get_bounding_client_rect().top());
    }
    place
}

/// Where one of the commentary's languages is loaded from.
#[derive(Clone, PartialEq)]
struct Source {
    /// Its bundle, beside the one shown; or the original's `commentary.md`, to compile.
    url: String,
    /// The language's tag.
    lang: String,
    /// Whether `url` is the `commentary.md`, compiled in the browser in `lang`.
    compile: bool,
}

/// Where `loaded`'s commentary in the language `lang` comes from: its bundle beside the one
/// shown, or, for a commentary compiled in the browser, its folder compiled in `lang`.
fn language_source(loaded: &Loaded, lang: &str) -> Option<Source> {
    let original = loaded.languages.first().map(|l| l.lang.as_str())?;
    loaded.languages.iter().any(|l| l.lang == lang).then_some(())?;
    if loaded.from_source {
        return Some(Source { url: loaded.url.clone(), lang: lang.to_owned(), compile: true });
    }
    let file = crate::bundle::file_name((lang != original).then_some(lang));
    Some(Source { url: fetch::resolve(&file, &loaded.url)?, lang: lang.to_owned(), compile: false })
}

/// Loads `source`: from the element's memory if it holds that language's bundle (`memory(url,
/// lang)`, the editors' preview page), else from the network.
async fn load_source(
    source: &Source,
    assets: &str,
    compiler: Option<&js_sys::Function>,
    memory: Option<&js_sys::Function>,
) -> Result<Loaded, LoadError> {
    let early = memory
        .and_then(|m| m.call2(&wasm_bindgen::JsValue::NULL, &source.url.as_str().into(), &source.lang.as_str().into()).ok())
        .filter(|e| !e.is_undefined() && !e.is_null());
    fetch::load(&source.url, assets, compiler, early, source.compile.then_some(source.lang.as_str())).await
}

/// Where a reader's choice of language is remembered: per page and per commentary.
fn choice_key(src: &str) -> String {
    let page = web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_default();
    format!("commentary-reader:language:{page}:{src}")
}

/// The language to show first among `loaded`'s: the element's `lang`, else the reader's
/// choice on this page, else, when `src` names the original, the browser's preferences, else
/// the one loaded. A `src` naming a translation (its reading page, an embed of it) asked for
/// that language: the browser's preferences do not override it.
fn first_language(loaded: &Loaded, lang_attribute: Option<&str>, src: &str) -> Option<String> {
    let tags: Vec<&str> = loaded.languages.iter().map(|l| l.lang.as_str()).collect();
    let pick = |wanted: &str| tags.iter().find(|t| crate::i18n::same_language(t, wanted)).map(|t| (*t).to_owned());
    if let Some(l) = lang_attribute.and_then(pick) {
        return Some(l);
    }
    let window = web_sys::window()?;
    let stored = window.local_storage().ok().flatten().and_then(|s| s.get_item(&choice_key(src)).ok().flatten());
    if let Some(l) = stored.as_deref().and_then(pick) {
        return Some(l);
    }
    if tags.first().is_some_and(|original| *original != loaded.front.lang) {
        return None;
    }
    let preferred = window.navigator().languages();
    (0..preferred.length()).filter_map(|i| preferred.get(i).as_string()).find_map(|l| pick(&l))
}

/// The language `loaded` is first shown in ([`first_language`]): `loaded` itself, or its
/// translation, loaded now. A translation that cannot be loaded leaves the original, with why.
async fn first_shown(
    loaded: Loaded,
    lang_attribute: Option<&str>,
    src: &str,
    assets: &str,
    compiler: Option<&js_sys::Function>,
    memory: Option<&js_sys::Function>,
) -> Loaded {
    let Some(source) =
        first_language(&loaded, lang_attribute, src).filter(|l| *l != loaded.front.lang).and_then(|l| language_source(&loaded, &l))
    else {
        return loaded;
    };
    match load_source(&source, assets, compiler, memory).await {
        Ok(translation) => translation,
        Err(error) => {
            web_sys::console::warn_1(&format!("commentary-reader: {error} (the original language is shown)").into());
            loaded
        }
    }
}

/// What the language switch changes in the `Reader` when the reader picks a language.
struct Switch {
    host: HtmlElement,
    src: String,
    target: UseStateHandle<Option<Source>>,
    restore: UseStateHandle<Option<Rc<Restore>>>,
    languages: Rc<std::cell::RefCell<Languages>>,
    view: crate::web::context::MapKept,
    /// The reader's place, kept from the moment they choose (see `keep`).
    keeper: Rc<std::cell::RefCell<Option<super::keep::KeepInPlace>>>,
}

impl Switch {
    /// The switch's callback for `loaded`: notes where the reader is, remembers the choice on
    /// the page, and loads the language picked.
    fn callback(self, loaded: Rc<Loaded>) -> Callback<String> {
        Callback::from(move |lang: String| {
            let Some(source) = language_source(&loaded, &lang) else { return };
            let place = at_switch(&self.host, place_of(&self.host, self.view.get()), &lang);
            let kept = match (&place.focus, &place.paragraph) {
                (Some(lang), _) => Some(format!(".cr-languages a[data-lang=\"{lang}\"]")),
                (None, Some(id)) => Some(format!(".cr-body > p[id=\"{id}\"]")),
                (None, None) => None,
            };
            *self.keeper.borrow_mut() = kept.zip(place.top).map(|(selector, top)| super::keep::keep_in_place(&self.host, selector, top));
            self.restore.set(Some(Rc::new(place)));
            self.languages.borrow_mut().switch(lang.clone());
            if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
                let _ = storage.set_item(&choice_key(&self.src), &lang);
            }
            self.target.set(Some(source));
        })
    }
}

/// Loads what `src` names, or the other language `target` names, whenever either changes or the
/// reader retries (`attempt`); the first language is settled ([`Languages::settle`]) before
/// anything shows.
#[hook]
fn use_load(
    props: &ReaderProps,
    state: &UseStateHandle<LoadState>,
    attempt: u32,
    target: &UseStateHandle<Option<Source>>,
    languages: &Rc<std::cell::RefCell<Languages>>,
) {
    let state = state.clone();
    let assets = props.assets.clone();
    let (compiler, memory) = (props.compiler.clone(), props.memory.clone());
    let early = props.early.clone();
    let given = props.initial.is_some();
    let (languages, lang_attribute) = (languages.clone(), props.lang.clone());
    use_effect_with((props.src.clone(), props.base.clone(), attempt, (**target).clone()), move |(src, base, attempt, target)| {
        let cancelled = Rc::new(Cell::new(false));
        // Handed in loaded (hydration): nothing to fetch, unless the reader retries or
        // changes the language.
        if !(given && *attempt == 0 && target.is_none()) {
            // Another language (`target`), or what `src` names.
            let (target, url) = (target.clone(), fetch::source_url(src, base));
            // A change of language keeps the text shown until the other one is in.
            let switching = target.is_some();
            if !switching {
                state.set(LoadState::Loading);
            }
            let guard = cancelled.clone();
            let src = src.to_string();
            wasm_bindgen_futures::spawn_local(async move {
                let result = match (&target, url) {
                    (Some(source), _) => load_source(source, &assets, compiler.as_ref(), memory.as_ref()).await,
                    (None, Ok(url)) => {
                        // Taken before the await: the cell is not borrowed while loading.
                        let early = early.0.borrow_mut().take();
                        fetch::load(&url, &assets, compiler.as_ref(), early, None).await
                    }
                    (None, Err(e)) => Err(e),
                };
                // The first language is settled before anything is shown: one `ready`, for
                // the text the reader is to read, and no flash of the other language.
                let result = match result {
                    Ok(loaded) if !switching && languages.borrow_mut().settle(loaded.languages.len()) => {
                        Ok(first_shown(loaded, lang_attribute.as_deref(), &src, &assets, compiler.as_ref(), memory.as_ref()).await)
                    }
                    other => other,
                };
                if guard.get() {
                    return;
                }
                state.set(match result {
                    Ok(loaded) => {
                        fetch::warn_of(&loaded);
                        LoadState::Ready(Same(Rc::new(loaded)))
                    }
                    Err(error) => {
                        web_sys::console::error_1(&format!("commentary-reader: {error}").into());
                        LoadState::Failed(Same(Rc::new(error)))
                    }
                });
            });
        }
        move || cancelled.set(true)
    });
}

/// The element's events once a state is on screen (effects run after the DOM is committed):
/// `ready` or `error`, `language` after a switch (and its announcement); then, on a page with
/// several languages, the reader's own language (settled once).
#[hook]
fn use_ready_events(
    props: &ReaderProps,
    state: &UseStateHandle<LoadState>,
    languages: &Rc<std::cell::RefCell<Languages>>,
    target: &UseStateHandle<Option<Source>>,
    announced: &UseStateHandle<Option<String>>,
) {
    let host = props.host.clone();
    let src = props.src.to_string();
    let (languages, target, lang_attribute) = (languages.clone(), target.clone(), props.lang.clone());
    let announced = announced.clone();
    use_effect_with((**state).clone(), move |state| match state {
        LoadState::Ready(loaded) => {
            crate::web::fetch::mark("rendered");
            dispatch(&host, "ready", &[("src", &src), ("title", &loaded.front.title)]);
            let shown = languages.borrow_mut().shown();
            if let Some(lang) = shown {
                dispatch(&host, "language", &[("lang", &lang)]);
                announced.set(Some(lang));
            }
            // A prerendered page shows its own language first; the reader's (the element's
            // `lang`, their choice, their browser's) follows once it is hydrated, in a task
            // of its own (the first read of the page's storage is slow).
            let settle = languages.borrow_mut().settle(loaded.languages.len());
            if settle {
                let loaded = loaded.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    crate::web::fetch::yield_to_page().await;
                    let lang = first_language(&loaded, lang_attribute.as_deref(), &src).filter(|l| *l != loaded.front.lang);
                    if let Some((lang, source)) = lang.and_then(|l| language_source(&loaded, &l).map(|s| (l, s))) {
                        languages.borrow_mut().switch(lang);
                        target.set(Some(source));
                    }
                });
            }
        }
        LoadState::Failed(error) => dispatch(&host, "error", &[("src", &src), ("message", &error.to_string())]),
        LoadState::Loading => {}
    });
}

/// Loads and shows one commentary.
#[function_component]
pub fn Reader(props: &ReaderProps) -> Html {
    let state = use_state(|| props.initial.as_ref().map_or(LoadState::Loading, |l| LoadState::Ready(l.clone())));
    // Bumped by the retry button: the load runs again.
    let attempt = use_state(|| 0_u32);
    // Another language of the commentary: where it is loaded from, shown in place of `src`'s.
    let target = use_state(|| None::<Source>);
    // Where the reader was when the language changed, and that language (for the event).
    let restore = use_state(|| None::<Rc<Restore>>);
    // The first language settled or not, and the language a switch is going to.
    let languages = use_mut_ref(Languages::default);
    let keeper = use_mut_ref(|| None);
    // The map's view as last drawn (the map keeps it here), for a change of language.
    let view = (*use_memo((), |_| crate::web::context::MapKept::default())).clone();
    let view = props.map_view.clone().unwrap_or(view);
    // The language just switched to, announced by a live region that outlives the switch (the
    // commentary's own is rendered afresh with the new text, and a new region is not read).
    let announced = use_state_eq(|| None::<String>);

    use_load(props, &state, *attempt, &target, &languages);
    use_ready_events(props, &state, &languages, &target, &announced);

    // The widget's words: the element's `lang`, else the commentary's, else the page's.
    let early_lang = props.lang.clone().or_else(|| props.page_lang.clone());
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
            let ui_lang = props.ui_lang(loaded);
            let mut context = ReaderContext::new(loaded.clone(), props.options, ui_lang, props.prerendered);
            // Only the commentary being hydrated starts as the server rendered it (not live);
            // another language or a retry is a fresh render, live from its first commit (else
            // a commit showed the new text without its controls, and a test read it).
            let first = props.initial.as_ref().is_some_and(|i| *i == *loaded);
            context.live = !props.prerendered || !first;
            context.keep_text = props.hydrating && first;
            context.map_island = props.map_island.clone().filter(|_| context.keep_text);
            if loaded.languages.len() > 1 {
                let switch = Switch {
                    host: props.host.clone(),
                    src: props.src.to_string(),
                    target: target.clone(),
                    restore: restore.clone(),
                    languages: languages.clone(),
                    view: view.clone(),
                    keeper: keeper.clone(),
                };
                context.on_language = Some(switch.callback(loaded.0.clone()));
            }
            context.restore = (*restore).clone();
            context.view = view;
            // A language of its own: the text, its cards and its map start afresh, at the
            // reader's place (`restore`).
            let announcement = (*announced)
                .as_deref()
                .map(|l| context.strings.language_shown.replace("{language}", i18n::language_name(l)))
                .unwrap_or_default();
            let ui_lang = context.ui_lang.clone();
            html! {
                <>
                    <Commentary key={loaded.front.lang.clone()} reader={context} host={props.host.clone()} debug={props.debug} />
                    <p class="cr-visually-hidden cr-language-shown" aria-live="polite" lang={ui_lang}>{ announcement }</p>
                </>
            }
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
