//! What the cards change on the text, set on its nodes: the text is rendered once (by the build
//! into a reading page, or by the browser for a page without one) and never re-rendered, so its
//! mentions, and the names in the map as text that open a card (rendered once too), are told
//! here, by attribute, the few things that change on them (the map's drawn triggers are told by
//! `map::marks`):
//!
//! - once the reader's code runs, each mention's button stops opening its card through the
//!   platform (`popovertarget`, `interestfor` removed) and says it opens a dialog, closed
//!   (`aria-haspopup`, `aria-expanded="false"`): the card reducer opens cards from then on; and
//!   each card's close button (rendered once too, `card::CardContent`) stops hiding it through
//!   the platform and leaves the Tab sequence, as the card's other controls do;
//! - the open card's mention is `aria-expanded="true"` and `aria-controls` its card (a name in
//!   the map as text is also described by the card's summary while it is open);
//! - every mention of the lit-up entity is `data-active`.
//!
//! Each change touches only the mentions it concerns (found by selector), never the rest of the
//! text: opening a card writes two attributes.

use web_sys::Element;
use yew::prelude::*;

use crate::web::components::each;
use crate::web::context::{card_id, card_summary_id, Marks};

/// The text's buttons that open a card: the mentions' and, in the map as text, the names'.
const TRIGGERS: &str = "button.cr-invoke, button.cr-map-text-open";

/// The class of the names in the map as text that open a card.
const MAP_TEXT: &str = "cr-map-text-open";

/// The text's buttons for trigger number `m`.
fn trigger(m: usize) -> String {
    format!("button.cr-invoke[data-mention=\"{m}\"], button.cr-map-text-open[data-mention=\"{m}\"]")
}

/// What the text shows now: whether its buttons are live, and the marks set on it.
#[derive(Default)]
struct Shown {
    live: bool,
    marks: Marks,
}

/// Takes the platform's triggers off the mentions (and the map's names) and the cards' close
/// buttons under `root`, and says what the mentions open, some at a time (four hundred DOM
/// calls were 16 ms of one task at 4x): the delegated handlers already answer a press on any
/// of them, and cancel the platform's toggle where it is still there. A mention the marks set
/// meanwhile (the card opened before the code came) keeps its `aria-expanded`.
fn make_live(root: &Element) {
    let mut elements = Vec::new();
    each(root, TRIGGERS, |b| elements.push((true, b.clone())));
    // The cards' close buttons (rendered once, like the text: `card::CardContent`).
    each(root, "button.cr-card-close", |b| elements.push((false, b.clone())));
    wasm_bindgen_futures::spawn_local(async move {
        for chunk in elements.chunks(32) {
            for (trigger, b) in chunk {
                if *trigger {
                    let _ = b.remove_attribute("popovertarget");
                    let _ = b.remove_attribute("interestfor");
                    let _ = b.set_attribute("aria-haspopup", "dialog");
                    if !b.has_attribute("aria-expanded") {
                        let _ = b.set_attribute("aria-expanded", "false");
                    }
                } else {
                    let _ = b.remove_attribute("popovertarget");
                    let _ = b.remove_attribute("popovertargetaction");
                    let _ = b.set_attribute("tabindex", "-1");
                }
            }
            crate::web::fetch::yield_to_page().await;
        }
    });
}

/// Makes the mentions under `wrapper` live from the first commit (an effect: the code runs, in
/// the same pass as the commentary's `live`, before `ready`; [`make_live`] goes on for a few
/// tasks), then sets `marks` on them, and every change of them after.
#[hook]
pub(super) fn use_text_marks(wrapper: NodeRef, marks: Marks) {
    let shown = use_mut_ref(Shown::default);
    use_effect_with(marks, move |marks| {
        let Some(root) = wrapper.cast::<Element>() else { return };
        let mut shown = shown.borrow_mut();
        if !shown.live {
            make_live(&root);
            shown.live = true;
        }
        // Entity ids are checked slugs (`EntityId::new`) and ordinals numbers: safe in a selector.
        if shown.marks.open != marks.open {
            if let Some(m) = shown.marks.open {
                each(&root, &trigger(m), |b| {
                    let _ = b.set_attribute("aria-expanded", "false");
                    let _ = b.remove_attribute("aria-controls");
                    if b.class_name() == MAP_TEXT {
                        let _ = b.remove_attribute("aria-describedby");
                    }
                });
            }
            if let Some(m) = marks.open {
                each(&root, &trigger(m), |b| {
                    let _ = b.set_attribute("aria-expanded", "true");
                    if let Some(entity) = b.get_attribute("data-entity") {
                        let _ = b.set_attribute("aria-controls", &card_id(&entity));
                        // A mention is described by the card's summary where the entity is first
                        // named, for good; the map's list of names while the card is open.
                        if b.class_name() == MAP_TEXT {
                            let _ = b.set_attribute("aria-describedby", &card_summary_id(&entity));
                        }
                    }
                });
            }
        }
        if shown.marks.active != marks.active {
            if let Some(entity) = &shown.marks.active {
                each(&root, &format!("label.cr-mention[data-entity=\"{entity}\"]"), |l| {
                    let _ = l.remove_attribute("data-active");
                });
            }
            if let Some(entity) = &marks.active {
                each(&root, &format!("label.cr-mention[data-entity=\"{entity}\"]"), |l| {
                    let _ = l.set_attribute("data-active", "");
                });
            }
        }
        shown.marks = marks.clone();
    });
}
