//! What the cards change on the map's triggers (the markers and the countries that open a card,
//! `data-mention`), set by attribute after each render, as on the text's mentions
//! (`commentary::marks`): the countries are drawn once and a reading page keeps the build's
//! drawing until the map is laid out again, so neither is re-rendered to say that a card opened.
//!
//! - once the reader's code runs, each trigger is a button that opens a dialog (`role`,
//!   `tabindex`, `aria-haspopup`) and says whether its card is open (`aria-expanded`; open, it
//!   controls the card and is described by its summary);
//! - everything on the map standing for the highlighted entity carries `data-active`: its
//!   marker, its country, and the countries of a highlight group it names (`data-groups`).

use web_sys::Element;
use yew::prelude::*;

use crate::web::components::each;
use crate::web::context::{card_id, card_summary_id, Marks};

/// Sets `marks` and, once `live`, the buttons' attributes on the triggers under `svg`, after
/// every render of the map: a few dozen elements, written whatever the render changed, so that
/// no redraw of the markers or the countries (a first drawing, a new layout, the page's overlay
/// giving way to a drawn one) can leave a trigger without them. (Run only on the renders thought
/// to redraw them, a keyboard walk once met markers that were not buttons.)
#[hook]
pub(super) fn use_trigger_marks(svg: NodeRef, marks: Marks, live: bool) {
    use_effect(move || {
        let Some(root) = svg.cast::<Element>() else { return };
        if live {
            each(&root, "[data-mention]", |t| {
                let open = t.get_attribute("data-mention").and_then(|m| m.parse().ok()).is_some_and(|m: usize| marks.open == Some(m));
                for (attribute, value) in [("tabindex", "0"), ("role", "button"), ("aria-haspopup", "dialog")] {
                    let _ = t.set_attribute(attribute, value);
                }
                let _ = t.set_attribute("aria-expanded", if open { "true" } else { "false" });
                match t.get_attribute("data-entity").filter(|_| open) {
                    Some(entity) => {
                        let _ = t.set_attribute("aria-controls", &card_id(&entity));
                        let _ = t.set_attribute("aria-describedby", &card_summary_id(&entity));
                    }
                    None => {
                        let _ = t.remove_attribute("aria-controls");
                        let _ = t.remove_attribute("aria-describedby");
                    }
                }
            });
        }
        each(&root, "[data-active]", |t| {
            let _ = t.remove_attribute("data-active");
        });
        // Entity ids are checked slugs (`EntityId::new`): safe in a selector.
        if let Some(entity) = &marks.active {
            each(
                &root,
                &format!(
                    ".cr-marker[data-entity=\"{entity}\"], .cr-country[data-entity=\"{entity}\"], .cr-country[data-groups~=\"{entity}\"]"
                ),
                |t| {
                    let _ = t.set_attribute("data-active", "");
                },
            );
        }
    });
}
