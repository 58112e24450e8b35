//! Reading the commentary's DOM for its delegated events: which mention or entity an event
//! target belongs to, the Tab order inside an entered card, the paragraph a link is copied for,
//! the clipboard, and deep links into the shadow root. Nothing here writes what a render should
//! (marks are rendered from state).

use wasm_bindgen::JsCast;
use web_sys::{Element, EventTarget, HtmlElement};

use crate::ui::cards::Step;

pub(super) use crate::web::now;

/// The mention ordinal of the element at (or around) `target`.
pub(super) fn mention_of(target: Option<EventTarget>) -> Option<(usize, Element)> {
    let element: Element = target?.dyn_into().ok()?;
    let mention = element.closest("[data-mention]").ok()??;
    let ordinal = mention.get_attribute("data-mention")?.parse().ok()?;
    Some((ordinal, mention))
}

pub(super) use crate::web::components::find_mention;

/// The entity a hovered or focused element stands for: a mention, a marker, a country, or a
/// country in a highlight group that stands for an entity. Cards themselves are not linked.
pub(super) fn linked_entity(target: Option<&EventTarget>) -> Option<String> {
    let element = target?.dyn_ref::<Element>()?;
    if element.closest(".cr-card").ok().flatten().is_some() {
        return None;
    }
    let linked = element.closest("[data-entity], [data-groups]").ok()??;
    linked.get_attribute("data-entity").or_else(|| linked.get_attribute("data-groups").and_then(|g| g.split(' ').next().map(str::to_owned)))
}

pub(super) fn in_card(target: Option<&EventTarget>) -> bool {
    target.and_then(|t| t.dyn_ref::<Element>()).and_then(|e| e.closest(".cr-card").ok().flatten()).is_some()
}

/// Where Tab ([`Step::Next`]) or Shift+Tab ([`Step::Previous`]) goes inside the open card: the
/// next of its controls that can be used, from the dialog itself to the first; `None` past
/// either end, where focus goes back to the card's trigger.
pub(super) fn card_tab(root: &Element, target: Option<&EventTarget>, way: Step) -> Option<HtmlElement> {
    let card = root.query_selector(".cr-card[data-open]").ok()??;
    let controls = card.query_selector_all("button:not([disabled]), a[href]").ok()?;
    let items: Vec<HtmlElement> = (0..controls.length()).filter_map(|i| controls.get(i)?.dyn_into().ok()).collect();
    let target = target?.dyn_ref::<Element>()?;
    let at = items.iter().position(|c| c.unchecked_ref::<Element>() == target);
    let next = match (at, way) {
        (None, Step::Next) => Some(0),
        (None, Step::Previous) => None,
        (Some(i), Step::Next) => Some(i + 1),
        (Some(i), Step::Previous) => i.checked_sub(1),
    };
    next.and_then(|i| items.get(i).cloned())
}

/// The paragraph "L" copies a link to: the one holding focus, else the first one in view (the
/// first not scrolled above the viewport). Its id (`p-3`).
pub(super) fn paragraph_for_link(root: &Element, target: Option<&EventTarget>) -> Option<String> {
    if let Some(p) = target.and_then(|t| t.dyn_ref::<Element>()).and_then(|t| t.closest(".cr-body > p[id]").ok().flatten()) {
        return Some(p.id());
    }
    let paragraphs = root.query_selector_all(".cr-body > p[id]").ok()?;
    (0..paragraphs.length())
        .filter_map(|i| paragraphs.get(i)?.dyn_into::<Element>().ok())
        .find(|p| p.get_bounding_client_rect().bottom() > 0.0)
        .map(|p| p.id())
}

/// Copies `text` to the clipboard and says so in the widget's polite live region.
pub(super) fn copy(text: &str, root: Option<Element>, done: &'static str) {
    let Some(window) = web_sys::window() else { return };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::spawn_local(async move {
        let said = match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => done,
            Err(_) => "",
        };
        if let Some(live) = root.and_then(|r| r.query_selector(".cr-announce").ok().flatten()) {
            live.set_text_content(Some(said));
        }
    });
}

/// Scrolls to the element the page's URL fragment names (`#p-3`, `#a-heading`), once: the
/// browser cannot, because the anchors live in the widget's shadow root.
pub(super) fn scroll_to_fragment(root: &Element) {
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    let id = js_sys::decode_uri_component(hash.trim_start_matches('#')).ok().and_then(|s| s.as_string()).unwrap_or_default();
    if id.is_empty() {
        return;
    }
    if let Ok(candidates) = root.query_selector_all("[id]") {
        for i in 0..candidates.length() {
            if let Some(el) = candidates.get(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                if el.id() == id {
                    el.scroll_into_view();
                    return;
                }
            }
        }
    }
}
