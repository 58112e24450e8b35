//! The base map's countries, projected once per frame size and moved with an SVG transform.

use std::rc::Rc;

use yew::prelude::*;

use crate::geo::scene::{CountryShape, Scene, HIGHLIGHT_FILLS};
use crate::web::context::Marks;

/// The countries' properties: only re-rendered when the shapes change.
#[derive(Properties)]
pub struct CountriesProps {
    /// The shapes in home-view coordinates.
    pub shapes: Rc<Vec<CountryShape>>,
    /// The scene they belong to (highlights, groups, entities).
    pub scene: Rc<Scene>,
    /// ISO code → trigger number, for highlighted countries that open a card.
    pub triggers: Rc<Vec<(String, usize)>>,
    /// The open country and the highlighted entity, when they are the countries' concern.
    pub marks: Marks,
    /// The reader's code runs: trigger countries are buttons (in a prerendered page they are
    /// drawn the same, without the button's role and focus).
    pub live: bool,
}

impl PartialEq for CountriesProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.shapes, &other.shapes)
            && Rc::ptr_eq(&self.scene, &other.scene)
            && Rc::ptr_eq(&self.triggers, &other.triggers)
            && self.marks == other.marks
            && self.live == other.live
    }
}

/// One `<path>` per country; highlighted ones that stand for an entity are buttons. A country
/// that stands for the highlighted entity, itself or through its highlight group, carries
/// `data-active`.
#[function_component]
pub fn Countries(props: &CountriesProps) -> Html {
    let scene = &props.scene;
    props
        .shapes
        .iter()
        .map(|c| {
            // Plain countries get a literal class: Yew builds a set for every computed one, and
            // there are a hundred and more of them.
            let class = c.highlight.map(|h| {
                let emphasis = if scene.spec.highlights[h].emphasis { " cr-emphasis" } else { "" };
                format!("cr-country cr-hl cr-hl-{}{emphasis}", h % HIGHLIGHT_FILLS)
            });
            let groups = scene.groups_of(&c.iso);
            let entity = scene.country_entity.get(&c.iso).map(|e| e.to_string());
            let active = props.marks.active.as_deref().is_some_and(|a| entity.as_deref() == Some(a) || groups.contains(&a));
            let active = active.then_some("");
            let groups = groups.join(" ");
            let groups = (!groups.is_empty()).then_some(groups);
            // Countries that open a card are buttons; the rest carry none of these attributes.
            let number = props.triggers.iter().find(|(iso, _)| *iso == c.iso).map(|(_, m)| *m);
            let trigger = number.map(|m| m.to_string());
            let button = trigger.is_some() && props.live;
            let open = number.is_some() && props.marks.open == number;
            let (tabindex, role, popup, expanded) =
                if button { (Some("0"), Some("button"), Some("dialog"), Some(if open { "true" } else { "false" })) } else { (None, None, None, None) };
            let controls = entity.clone().filter(|_| open).map(|e| crate::web::context::card_id(&e));
            let described = entity.clone().filter(|_| open).map(|e| crate::web::context::card_summary_id(&e));
            let label = button.then(|| c.name.clone());
            match class {
                Some(class) => html! {
                    <path class={class} d={c.d.clone()} data-country={c.iso.clone()} data-entity={entity} data-groups={groups} data-mention={trigger}
                          tabindex={tabindex} role={role} aria-label={label} aria-haspopup={popup} aria-expanded={expanded} aria-controls={controls.clone()} aria-describedby={described.clone()} data-active={active} />
                },
                None => html! {
                    <path class="cr-country" d={c.d.clone()} data-country={c.iso.clone()} data-entity={entity} data-groups={groups} data-mention={trigger}
                          tabindex={tabindex} role={role} aria-label={label} aria-haspopup={popup} aria-expanded={expanded} aria-controls={controls.clone()} aria-describedby={described.clone()} data-active={active} />
                },
            }
        })
        .collect()
}
