//! The commentary's effects, one hook each: the card reducer's timers, the event an opening
//! card sends the host page, the document-wide listeners a card needs while it shows, and the
//! deep link scrolled to once.

use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};
use yew::prelude::*;

use super::dom::{now, scroll_to_fragment};
use super::CardsState;
use crate::ui::cards::Action;
use crate::web::context::Restore;
use crate::web::context::Shared;
use crate::web::events::dispatch;

/// Wakes the card reducer when it asked to be (`wake_at`); a new time cancels the old timer.
#[hook]
pub(super) fn use_card_timer(wake_at: Option<f64>, dispatcher: UseReducerDispatcher<CardsState>) {
    use_effect_with(wake_at, move |wake| {
        let timer = wake.map(|at| {
            // Never 0 ms: a timer due now still waits for the next task, and a 0 ms timeout is
            // Yew's scheduler yielding (its own, which may finish a teardown after removal;
            // the removal test tells the two apart by it).
            let delay = (at - now()).ceil().max(1.0) as u32;
            Timeout::new(delay, move || dispatcher.dispatch(Action::Tick { now: now() }))
        });
        move || drop(timer)
    });
}

/// The host page hears `commentary-reader:card-open` with the entity of each card that opens.
#[hook]
pub(super) fn use_card_open_event(host: HtmlElement, open: Option<usize>, entity: Option<String>) {
    use_effect_with(open, move |open| {
        if let (Some(_), Some(id)) = (open, entity) {
            dispatch(&host, "card-open", &[("entity", id.as_str())]);
        }
    });
}

/// A page opened with a fragment for one of the widget's anchors scrolls there, once.
#[hook]
pub(super) fn use_fragment_scroll(wrapper: NodeRef) {
    use_effect_with((), move |_| {
        if let Some(root) = wrapper.cast::<Element>() {
            scroll_to_fragment(&root);
        }
    });
}

/// While a card is open, a press anywhere outside mentions and the card closes it (the language
/// switch aside: switching keeps the open card, shown again in the other language).
#[hook]
pub(super) fn use_outside_press(open: bool, dispatcher: UseReducerDispatcher<CardsState>) {
    use_effect_with(open, move |open| {
        // No document (a detached realm): nothing to listen to, and nothing to trap over.
        let document = web_sys::window().and_then(|w| w.document()).filter(|_| *open);
        let listener = document.map(|document| {
            EventListener::new(&document, "pointerdown", move |event| {
                let inside = event.composed_path().iter().any(|node| {
                    node.dyn_ref::<Element>().is_some_and(|e| e.matches("[data-mention], .cr-card, .cr-languages").unwrap_or(false))
                });
                if !inside {
                    dispatcher.dispatch(Action::OutsidePress);
                }
            })
        });
        move || drop(listener)
    });
}

/// Escape closes the card however it opened (SC 1.4.13 "dismissible"): a card opened by
/// hovering has focus elsewhere on the page, so its Escape never reaches the widget. Keys from
/// inside the widget are handled (and stopped) there.
#[hook]
pub(super) fn use_document_escape(listening: bool, wrapper: NodeRef, dispatcher: UseReducerDispatcher<CardsState>) {
    use_effect_with(listening, move |listening| {
        let document = web_sys::window().and_then(|w| w.document()).filter(|_| *listening);
        let listener = document.map(|document| {
            EventListener::new(&document, "keydown", move |event| {
                let Some(key) = event.dyn_ref::<KeyboardEvent>() else { return };
                if key.key() != "Escape" || key.default_prevented() {
                    return;
                }
                let inside = wrapper
                    .cast::<Element>()
                    .map(wasm_bindgen::JsValue::from)
                    .is_some_and(|w| event.composed_path().iter().any(|node| node == w));
                if !inside {
                    dispatcher.dispatch(Action::Escape);
                }
            })
        });
        move || drop(listener)
    });
}

/// Shown after a change of language (`restore`): focus back on the switch the reader used, with
/// the card that was open (the entity's first mention in this language). The reader's place on
/// the screen is kept by the switch itself (`keep`), from before this text was rendered; only a
/// place it could not measure is scrolled to here.
#[hook]
pub(super) fn use_restore(restore: Option<Rc<Restore>>, wrapper: NodeRef, dispatcher: UseReducerDispatcher<CardsState>, loaded: Shared) {
    use_effect_with((), move |_| {
        if let (Some(r), Some(root)) = (restore, wrapper.cast::<Element>()) {
            let link = r.focus.as_deref().and_then(|lang| {
                let links = root.query_selector_all(".cr-languages a[data-lang]").ok()?;
                (0..links.length())
                    .filter_map(|i| links.item(i)?.dyn_into::<HtmlElement>().ok())
                    .find(|a| a.get_attribute("data-lang").as_deref() == Some(lang))
            });
            if r.top.is_none() {
                let paragraph = r.paragraph.as_deref().and_then(|id| root.query_selector(&format!("#{id}")).ok().flatten());
                if let Some(kept) = link.clone().map(Element::from).or(paragraph) {
                    kept.scroll_into_view_with_bool(true);
                }
            }
            if let Some(link) = link {
                let _ = link.focus();
            }
            if let Some(mention) = r.entity.as_deref().and_then(|id| loaded.first_mention(id)) {
                dispatcher.dispatch(Action::Activate { mention });
            }
        }
    });
}
