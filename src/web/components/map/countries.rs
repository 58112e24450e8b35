//! The base map's countries: projected once, at [`crate::geo::scene::LAND_SIZE`], and moved
//! with an SVG transform for every view and frame size.
//!
//! Their paths are rendered once and never again (a reading page's are kept as the build wrote
//! them, like the text: see `article::Body`). What changes on them (a trigger country becomes a
//! button, its card opens, its entity is highlighted) is set by attribute, as on the markers
//! (`map::marks`).

use yew::prelude::*;

use crate::geo::scene::{CountryShape, Scene, HIGHLIGHT_FILLS};
use crate::web::context::Same;

/// The countries' properties: they render once.
#[derive(Properties, PartialEq)]
pub struct CountriesProps {
    /// The shapes in land coordinates.
    pub shapes: Same<Vec<CountryShape>>,
    /// The scene they belong to (highlights, groups, entities).
    pub scene: Same<Scene>,
    /// ISO code → trigger number, for highlighted countries that open a card.
    pub triggers: Same<Vec<(String, usize)>>,
    /// The page has them already, as the build drew them: keep those nodes.
    pub keep: bool,
}

/// One `<path>` per country, with what never changes on it: its shape, highlight, entity,
/// groups, and for one that opens a card its trigger number and name.
#[function_component]
pub fn Countries(props: &CountriesProps) -> HtmlResult {
    super::super::use_kept(props.keep)?;
    let scene = &props.scene;
    Ok(props
        .shapes
        .iter()
        .map(|c| {
            // Plain countries get a literal class: Yew builds a set for every computed one, and
            // there are a hundred and more of them.
            let class = c.highlight.map(|h| {
                let emphasis = if scene.spec.highlights[h].emphasis { " cr-emphasis" } else { "" };
                format!("cr-country cr-hl cr-hl-{}{emphasis}", h % HIGHLIGHT_FILLS)
            });
            let groups = scene.groups_of(&c.iso).join(" ");
            let groups = (!groups.is_empty()).then_some(groups);
            let entity = scene.country_entity.get(&c.iso).map(|e| e.to_string());
            let trigger = props.triggers.iter().find(|(iso, _)| *iso == c.iso).map(|(_, m)| m.to_string());
            let label = trigger.as_ref().map(|_| c.name.clone());
            match class {
                Some(class) => html! {
                    <path class={class} d={c.d.clone()} data-country={c.iso.clone()} data-entity={entity} data-groups={groups} data-mention={trigger} aria-label={label} />
                },
                None => html! {
                    <path class="cr-country" d={c.d.clone()} data-country={c.iso.clone()} data-entity={entity} data-groups={groups} data-mention={trigger} aria-label={label} />
                },
            }
        })
        .collect())
}
