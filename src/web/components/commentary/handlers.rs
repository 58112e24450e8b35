//! The commentary's delegated DOM events, turned into the card reducer's actions. One wrapper
//! element listens for the whole article, the map's triggers and the card: each handler finds
//! what the event's target belongs to (`dom`) and tells the reducer.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use super::dom::{card_tab, copy, find_mention, in_card, linked_entity, mention_of, now, paragraph_for_link};
use super::{CardsState, Pointer};
use crate::i18n::Strings;
use crate::ui::cards::{Action, CardState, Cards, Opener, Step};
use crate::ui::placement::heading_for_card;
use crate::web::components::card::contains;

/// What every handler may need: the reducer, the wrapper element, the pointer's track, the
/// highlighted entity, the state of the last render and the widget's words.
#[derive(Clone)]
pub(super) struct Context {
    pub dispatcher: UseReducerDispatcher<CardsState>,
    pub wrapper: NodeRef,
    pub pointer: Rc<RefCell<Pointer>>,
    pub active: UseStateSetter<Option<AttrValue>>,
    pub state: Cards,
    pub strings: &'static Strings,
}

impl Context {
    /// Lights up everything standing for `id` (or nothing): the next render marks them.
    pub fn set_linked(&self, id: Option<String>) {
        self.active.set(id.map(AttrValue::from));
    }

    /// Moves focus to mention or map trigger `m`.
    pub fn focus_mention(&self, m: usize) {
        if let Some(el) = self.wrapper.cast::<Element>().and_then(|root| find_mention(&root, m)) {
            // A mention is a label whose button takes focus; map triggers are SVG: `focus` is
            // the same method on both.
            let el = el.query_selector(".cr-invoke").ok().flatten().unwrap_or(el);
            let _ = el.unchecked_into::<HtmlElement>().focus();
        }
    }
}

/// The wrapper's listeners.
#[derive(Clone)]
pub(super) struct Delegated {
    pub pointer_over: Callback<PointerEvent>,
    pub pointer_out: Callback<PointerEvent>,
    pub pointer_move: Callback<PointerEvent>,
    pub focus_in: Callback<FocusEvent>,
    pub focus_out: Callback<FocusEvent>,
    pub click: Callback<MouseEvent>,
    pub key_down: Callback<KeyboardEvent>,
}

/// Every listener of the wrapper.
pub(super) fn delegated(cx: &Context) -> Delegated {
    Delegated {
        pointer_over: pointer_over(cx.clone()),
        pointer_out: pointer_out(cx.clone()),
        pointer_move: pointer_move(cx.clone()),
        focus_in: focus_in(cx.clone()),
        focus_out: focus_out(cx.clone()),
        click: click(cx.clone()),
        key_down: key_down(cx.clone()),
    }
}

/// Listens on the wrapper element with the DOM's own listeners, not Yew's: every event inside
/// the commentary reaches them, from nodes no Yew app renders (the kept text) and from the map,
/// hydrated as an app of its own on a reading page (Yew dispatches an event only to the app
/// whose nodes it came from). `current` holds the handlers of the latest render.
#[hook]
pub(super) fn use_listeners(wrapper: NodeRef, current: Rc<RefCell<Option<Delegated>>>) {
    use_effect_with((), move |_| {
        let listeners = wrapper.cast::<Element>().map(|element| {
            let on = |name: &'static str, run: fn(&Delegated, web_sys::Event)| {
                let current = current.clone();
                // Not passive (gloo's default): the handlers prevent defaults (a label passing
                // its click on, Tab inside an entered card).
                let options = gloo::events::EventListenerOptions::enable_prevent_default();
                gloo::events::EventListener::new_with_options(&element, name, options, move |e| {
                    // Cloned out: a handler may cause a render, which replaces `current`.
                    let handlers = current.borrow().clone();
                    if let Some(handlers) = handlers {
                        run(&handlers, e.clone());
                    }
                })
            };
            [
                on("pointerover", |h, e| h.pointer_over.emit(e.unchecked_into())),
                on("pointerout", |h, e| h.pointer_out.emit(e.unchecked_into())),
                on("pointermove", |h, e| h.pointer_move.emit(e.unchecked_into())),
                on("focusin", |h, e| h.focus_in.emit(e.unchecked_into())),
                on("focusout", |h, e| h.focus_out.emit(e.unchecked_into())),
                on("click", |h, e| h.click.emit(e.unchecked_into())),
                on("keydown", |h, e| h.key_down.emit(e.unchecked_into())),
            ]
        });
        move || drop(listeners)
    });
}

fn pointer_over(cx: Context) -> Callback<PointerEvent> {
    Callback::from(move |e: PointerEvent| {
        if e.pointer_type() == "touch" {
            return;
        }
        // Entering something linked lights it up; leaving it clears (pointerout), so a
        // highlight from "show on map" survives the pointer crossing plain text.
        if let Some(id) = linked_entity(e.target().as_ref()) {
            cx.set_linked(Some(id));
        }
        if in_card(e.target().as_ref()) && !in_card(e.related_target().as_ref()) {
            cx.dispatcher.dispatch(Action::CardEnter);
        } else if let Some((m, el)) = mention_of(e.target()) {
            if !contains(&el, e.related_target().as_ref()) {
                cx.dispatcher.dispatch(Action::PointerEnter { mention: m, now: now() });
            }
        }
    })
}

fn pointer_out(cx: Context) -> Callback<PointerEvent> {
    Callback::from(move |e: PointerEvent| {
        if e.pointer_type() == "touch" {
            return;
        }
        let left = linked_entity(e.target().as_ref());
        let entered = linked_entity(e.related_target().as_ref());
        let outside = cx.wrapper.cast::<Element>().is_some_and(|w| !contains(&w, e.related_target().as_ref()));
        if (left.is_some() && left != entered) || outside {
            cx.set_linked(entered);
        }
        if in_card(e.target().as_ref()) && !in_card(e.related_target().as_ref()) {
            cx.dispatcher.dispatch(Action::CardLeave { now: now() });
        } else if let Some((_, el)) = mention_of(e.target()) {
            if !contains(&el, e.related_target().as_ref()) {
                cx.pointer.borrow_mut().exit = Some((f64::from(e.client_x()), f64::from(e.client_y())));
                cx.dispatcher.dispatch(Action::PointerLeave { now: now() });
            }
        }
    })
}

fn pointer_move(cx: Context) -> Callback<PointerEvent> {
    Callback::from(move |e: PointerEvent| {
        let at = (f64::from(e.client_x()), f64::from(e.client_y()));
        let mut p = cx.pointer.borrow_mut();
        p.at = Some(at);
        match cx.state.state {
            CardState::Intent { .. } => cx.dispatcher.dispatch(Action::PointerMove { now: now() }),
            CardState::Open { opener: Opener::Hover, close_at: Some(_), .. } => {
                if let (Some(exit), Some((rect, side))) = (p.exit, p.card) {
                    if heading_for_card(at, exit, rect, side) {
                        cx.dispatcher.dispatch(Action::TowardsCard { now: now() });
                    }
                }
            }
            _ => {}
        }
    })
}

fn focus_in(cx: Context) -> Callback<FocusEvent> {
    Callback::from(move |e: FocusEvent| {
        // Clearing is focusout's job: focus landing on the map itself keeps a "show on map"
        // highlight.
        if let Some(id) = linked_entity(e.target().as_ref()) {
            cx.set_linked(Some(id));
        }
        if let Some((m, _)) = mention_of(e.target()) {
            cx.dispatcher.dispatch(Action::Focus { mention: m });
        } else if !in_card(e.target().as_ref()) {
            cx.dispatcher.dispatch(Action::FocusElsewhere);
        }
    })
}

fn focus_out(cx: Context) -> Callback<FocusEvent> {
    Callback::from(move |e: FocusEvent| {
        if let Some(end) = e.target().and_then(|t| t.dyn_into::<Element>().ok()).filter(|t| t.matches(".cr-after").unwrap_or(false)) {
            let _ = end.remove_attribute("tabindex");
        }
        let to = e.related_target();
        if linked_entity(to.as_ref()).is_none() {
            cx.set_linked(None);
        }
        // Into the card, or on to another mention (whose focusin follows): not "out".
        if in_card(to.as_ref()) || mention_of(to).is_some() {
            return;
        }
        cx.dispatcher.dispatch(Action::FocusOut);
    })
}

fn click(cx: Context) -> Callback<MouseEvent> {
    Callback::from(move |e: MouseEvent| {
        if let Some((m, _)) = mention_of(e.target()) {
            // The label would pass the click on to its button (a second click): the reducer
            // has it.
            e.prevent_default();
            // A click no pointer made (`detail` 0): a screen reader in browse mode sends Enter
            // as one, and its user needs focus in the card, as Enter gives, or never finds it.
            let action = if e.detail() == 0 { Action::Enter { mention: m } } else { Action::Activate { mention: m } };
            cx.dispatcher.dispatch(action);
            return;
        }
        let target = e.target().and_then(|t| t.dyn_into::<Element>().ok());
        let closest = |s: &str| target.as_ref().and_then(|t| t.closest(s).ok().flatten());
        if let Some(skip) = closest("[data-skip]") {
            // Skip links: focus lands on the text (the next Tab is its first mention) or after
            // the whole commentary (the next Tab leaves the widget).
            let end = skip.get_attribute("data-skip").as_deref() != Some("text");
            if let Some(el) =
                cx.wrapper.cast::<Element>().and_then(|w| w.query_selector(if end { ".cr-after" } else { ".cr-body" }).ok().flatten())
            {
                // Tab from an element outside the sequence that ends its shadow root starts
                // over at the root's first stop in Chromium; a stop for as long as it has focus
                // goes on to the host page (focusout takes the stop away again).
                if end {
                    let _ = el.set_attribute("tabindex", "0");
                }
                let _ = el.unchecked_into::<HtmlElement>().focus();
            }
        } else if closest(".cr-card-close").is_some() {
            // The open card's close button: the card closes, focus goes back to its trigger.
            if let Some(m) = cx.state.open_mention() {
                cx.dispatcher.dispatch(Action::Escape);
                cx.focus_mention(m);
            }
        } else if let Some(anchor) = closest(".cr-anchor") {
            copy_paragraph_link(&cx, &anchor.get_attribute("data-anchor").unwrap_or_default());
        } else if let Some(button) = closest(".cr-copy") {
            let text = button
                .parent_element()
                .and_then(|p| p.query_selector(".cr-cite-text").ok().flatten())
                .and_then(|t| t.text_content())
                .unwrap_or_default();
            copy(&text, cx.wrapper.cast::<Element>(), cx.strings.copied);
        }
    })
}

/// Copies a link to paragraph `id` on the host page: its URL plus the paragraph's anchor,
/// which the widget scrolls to when a page opens with it.
fn copy_paragraph_link(cx: &Context, id: &str) {
    let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default().to_owned();
    copy(&format!("{base}#{id}"), cx.wrapper.cast::<Element>(), cx.strings.link_copied);
}

fn key_down(cx: Context) -> Callback<KeyboardEvent> {
    Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
        // Inside an entered card, Tab and Shift+Tab go through its controls and back out to
        // its trigger (the card is outside the page's Tab sequence).
        "Tab" if in_card(e.target().as_ref()) => {
            if let (Some(root), Some(m)) = (cx.wrapper.cast::<Element>(), cx.state.open_mention()) {
                e.prevent_default();
                match card_tab(&root, e.target().as_ref(), if e.shift_key() { Step::Previous } else { Step::Next }) {
                    Some(next) => {
                        let _ = next.focus();
                    }
                    None => cx.focus_mention(m),
                }
            }
        }
        // L copies a link to the paragraph with focus, or else to the first one in view (the
        // paragraphs' own link buttons are outside the Tab sequence). Only while focus is in
        // the widget, and not with a modifier (SC 2.1.4).
        "l" | "L" if !e.ctrl_key() && !e.meta_key() && !e.alt_key() && !in_card(e.target().as_ref()) => {
            if let Some(id) = cx.wrapper.cast::<Element>().and_then(|root| paragraph_for_link(&root, e.target().as_ref())) {
                e.prevent_default();
                copy_paragraph_link(&cx, &id);
            }
        }
        // Escape with focus outside the widget (a card opened by hovering) is heard on the
        // document (`hooks::use_document_escape`).
        "Escape" => {
            let intent = match cx.state.state {
                CardState::Intent { mention, .. } => Some(mention),
                _ => None,
            };
            if let Some(m) = cx.state.open_mention().or(intent) {
                e.stop_propagation();
                cx.dispatcher.dispatch(Action::Escape);
                if in_card(e.target().as_ref()) {
                    cx.focus_mention(m);
                }
            }
        }
        "Enter" | " " => {
            if let Some((m, _)) = mention_of(e.target()) {
                e.prevent_default();
                cx.dispatcher.dispatch(Action::Enter { mention: m });
            }
        }
        _ => {}
    })
}
