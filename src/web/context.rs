//! What every component of a shown commentary reads, resolved once by `Reader` and handed down
//! as one prop: the loaded commentary, the element's options, the UI language and its words.
//!
//! One prop rather than a Yew context (`ContextProvider` + `use_context`): measured on
//! 2026-12-01, the context machinery cost the reader 1.7 KB brotli for three components that
//! sit directly under one another, while the prop costs nothing.

use yew::prelude::*;

use super::fetch::Loaded;
use crate::i18n::{self, Strings};
use crate::ui::options::Options;

/// The shown commentary and how to show it.
#[derive(Clone, PartialEq)]
pub struct ReaderContext {
    /// The commentary, as compiled.
    pub loaded: Shared,
    /// The element's attributes (`map`, `cards`, …).
    pub options: Options,
    /// The widget's language: the element's `lang`, else the commentary's (or the page's when
    /// the commentary gives none).
    pub ui_lang: AttrValue,
    /// The widget's words in that language.
    pub strings: &'static Strings,
    /// Rendered at build time, or hydrating such a render: the map is drawn at its prerendered
    /// size before any measurement, and what would wait for an idle moment is rendered at once
    /// (the server renders once; the hydration's first render must be the same).
    pub prerendered: bool,
    /// The reader's code runs: mentions are buttons and controls are shown. False in the
    /// prerendered HTML (a page without JavaScript, or before hydration), where they would
    /// do nothing.
    pub live: bool,
    /// The text in the page is the build's, kept as it is: the browser hydrating a prerendered
    /// page never renders the article's body (see `article::Body`) or the map's countries, it
    /// adopts the nodes the page parsed. False on the server and for any other render.
    pub keep_text: bool,
    /// The map hydrated as an app of its own (a reading page: `web::hydrate` hydrates it in a
    /// task before the rest): the article hands it its props (`Some`) and ends it (`None`).
    pub map_island: Option<Callback<Option<super::components::map::MapProps>>>,
    /// Shows the commentary in another of its languages (the language switch).
    pub on_language: Option<Callback<String>>,
    /// What the reader was looking at in the language shown before: taken up once.
    pub restore: Option<std::rc::Rc<Restore>>,
    /// The map's view and drawing size as last drawn, kept by the map for a change of language.
    pub view: MapKept,
}

/// Where the map keeps its view and the size it draws at (as last drawn), for a change of
/// language: shared by the `Reader` and the map it shows.
pub type MapKept = Same<std::cell::Cell<Option<(crate::geo::projection::Bounds, (f64, f64))>>>;

/// The reader's place, kept across a change of language: the paragraph at the top of the view
/// (`p-N`, the same paragraph in every language) where it was on the screen, or the language
/// switch that had focus (focus goes back to it, where it was); the entity whose card was
/// open, and the map's view.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Restore {
    /// The paragraph's anchor.
    pub paragraph: Option<String>,
    /// The language whose link in the switch had focus (the one now shown).
    pub focus: Option<String>,
    /// Where the kept element's top was in the viewport (the focused link, else the paragraph).
    pub top: Option<f64>,
    /// The open card's entity.
    pub entity: Option<String>,
    /// The map's view.
    pub view: Option<crate::geo::projection::Bounds>,
    /// The size the map was drawn at: the new language's map starts at it, so its height does
    /// not change under the reader once it measures its frame.
    pub size: Option<(f64, f64)>,
}

impl ReaderContext {
    /// The context for `loaded`, shown with `options`, in `ui_lang` if given (else the
    /// commentary's language).
    pub fn new(loaded: Shared, options: Options, ui_lang: Option<AttrValue>, prerendered: bool) -> Self {
        let ui_lang = ui_lang.unwrap_or_else(|| AttrValue::from(loaded.front.lang.clone()));
        let strings = i18n::strings(&ui_lang);
        ReaderContext {
            loaded,
            options,
            ui_lang,
            strings,
            prerendered,
            live: !prerendered,
            keep_text: false,
            map_island: None,
            on_language: None,
            restore: None,
            view: Default::default(),
        }
    }
}

/// What the text and the map show of the cards' state: the trigger whose card is open
/// (`aria-expanded`, `aria-controls`) and the entity lit up everywhere it stands (`data-active`:
/// hovered, focused, or shown on the map). The map renders them; the text, which is rendered
/// once and never again, has them set on its mentions by `commentary::marks`.
#[derive(Clone, Default, PartialEq)]
pub struct Marks {
    /// The open card's trigger: a mention ordinal, or a map trigger numbered after them.
    pub open: Option<usize>,
    /// The highlighted entity.
    pub active: Option<AttrValue>,
}

/// The `id` of entity `entity`'s card (its name and summary are `…-name` and `…-summary`): one
/// card per entity, rendered once with the text, which every trigger of the entity opens.
pub fn card_id(entity: &str) -> String {
    format!("cr-card-{entity}")
}

/// The `id` of entity `entity`'s card summary, which describes the entity's triggers.
pub fn card_summary_id(entity: &str) -> String {
    format!("cr-card-{entity}-summary")
}

/// Something computed once and shared (the scene, the country shapes, a layout), compared in
/// props by identity: a derived comparison of props stays complete and constant-time, without
/// a hand-written `PartialEq` that must be kept in step with the fields.
#[derive(Debug)]
pub struct Same<T>(pub std::rc::Rc<T>);

impl<T> Clone for Same<T> {
    fn clone(&self) -> Self {
        Same(self.0.clone())
    }
}

/// "Show on map", asked from a card: the entity, and a serial number so that asking twice for
/// the same entity is a change the map sees.
#[derive(Debug, Clone, PartialEq)]
pub struct ShowOnMap {
    /// Counts the requests.
    pub serial: u32,
    /// The entity to show.
    pub entity: AttrValue,
}

/// A loaded commentary shared between components, compared by identity (comparing whole
/// documents on every render would be wasted work).
pub type Shared = Same<Loaded>;

impl<T> std::ops::Deref for Same<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: Default> Default for Same<T> {
    fn default() -> Self {
        Same(std::rc::Rc::default())
    }
}

/// An `Rc` passed as a prop that is compared by identity.
impl<T> yew::html::IntoPropValue<Same<T>> for std::rc::Rc<T> {
    fn into_prop_value(self) -> Same<T> {
        Same(self)
    }
}

impl<T> PartialEq for Same<T> {
    fn eq(&self, other: &Self) -> bool {
        std::rc::Rc::ptr_eq(&self.0, &other.0)
    }
}
