//! Reading the commentary's DOM for its delegated events: which mention or entity an event
//! target belongs to, the Tab order around map cards, the clipboard, and deep links into the
//! shadow root. Nothing here writes what a render should (marks are rendered from state).

use wasm_bindgen::JsCast;
use web_sys::{Element, EventTarget, HtmlElement};

/// The SVG namespace: map triggers are SVG elements.
pub(super) const SVG_NS: &str = "http://www.w3.org/2000/svg";

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
    linked
        .get_attribute("data-entity")
        .or_else(|| linked.get_attribute("data-groups").and_then(|g| g.split(' ').next().map(str::to_owned)))
}

pub(super) fn in_card(target: Option<&EventTarget>) -> bool {
    target
        .and_then(|t| t.dyn_ref::<Element>())
        .and_then(|e| e.closest(".cr-card").ok().flatten())
        .is_some()
}

/// Tab order around a card opened from the map. Its host sits after the `<svg>`, so the
/// browser's own order would skip it: Tab on the trigger enters the card, Tab off the card's
/// last control goes on to the next trigger, Shift+Tab off its first returns to the trigger.
/// `None`: the browser's order is right.
pub(super) fn map_tab(root: &Element, open: usize, target: Option<&EventTarget>, back: bool) -> Option<HtmlElement> {
    let trigger = find_mention(root, open)?;
    if trigger.namespace_uri().as_deref() != Some(SVG_NS) {
        return None;
    }
    let target = target?.dyn_ref::<Element>()?;
    let card = root.query_selector(".cr-card").ok()??;
    let controls = card.query_selector_all("button:not([disabled]), a[href]").ok()?;
    let control = |i: u32| controls.get(i).and_then(|n| n.dyn_into::<HtmlElement>().ok());
    let count = controls.length();
    if target == &trigger {
        return if back { None } else { control(0) };
    }
    if !card.contains(Some(target)) || count == 0 {
        return None;
    }
    if back {
        // Markers and countries are SVG elements: `focus` is the same method on them.
        return control(0).filter(|first| first.unchecked_ref::<Element>() == target).map(|_| trigger.unchecked_into());
    }
    control(count - 1).filter(|last| last.unchecked_ref::<Element>() == target)?;
    // On to the next focusable thing in the map after the trigger, if there is one.
    let svg = trigger.closest("svg").ok()??;
    let stops = svg.query_selector_all("[tabindex=\"0\"]").ok()?;
    let items: Vec<Element> = (0..stops.length()).filter_map(|i| stops.get(i)?.dyn_into().ok()).collect();
    let at = items.iter().position(|e| *e == trigger)?;
    items.get(at + 1).cloned().map(JsCast::unchecked_into)
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

