//! The Yew components, one file (or folder) each, top down:
//! - [`reader::Reader`]: loads what `src` names and shows the loading, error or commentary state;
//! - `commentary::Commentary`: the article with its cards (delegated events, the card reducer);
//! - `article::Article`: title, byline, the body block by block, closing notes, glossary, "Cite";
//! - `card::Card`: one hover card, placed next to its trigger;
//! - `map::Map`: the mini-map, a composition of countries, overlay, controls, legend and text
//!   alternative over `ui::map_state`.
//!
//! They read what they show from props (`web::context::ReaderContext`, `web::context::Marks`);
//! DOM access is confined to effects and event handlers.

use web_sys::Element;
use yew::prelude::*;
use yew::suspense::Suspension;

/// Calls `f` with every element under `root` that `selector` matches.
pub(crate) fn each(root: &Element, selector: &str, mut f: impl FnMut(&Element)) {
    use wasm_bindgen::JsCast;
    let Ok(list) = root.query_selector_all(selector) else { return };
    for i in 0..list.length() {
        if let Some(element) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            f(&element);
        }
    }
}

/// The mention (or other card trigger) with ordinal `m` under `root`.
pub(crate) fn find_mention(root: &Element, m: usize) -> Option<Element> {
    root.query_selector(&format!("[data-mention=\"{m}\"]")).ok().flatten()
}

/// Suspends the component for good when `keep`: hydrating a prerendered page, its `Suspense`
/// keeps the page's nodes as they are and Yew never walks them (see `article::Body`). Only
/// inside a `Suspense`, and only for what never re-renders.
#[hook]
fn use_kept(keep: bool) -> Result<(), Suspension> {
    let held = use_state(|| keep.then(Suspension::new));
    match &*held {
        Some((suspension, _resume)) => Err(suspension.clone()),
        None => Ok(()),
    }
}

pub(super) mod article;
pub(super) mod card;
pub(super) mod commentary;
mod keep;
pub(super) mod map;
pub(super) mod reader;
