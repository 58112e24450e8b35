//! The map's legend and its text alternative ("The map as text"): what every symbol means, and
//! everything the map says, as lists.

use std::rc::Rc;

use yew::prelude::*;

use crate::geo::scene::Scene;
use crate::geo::spec::RouteKind;
use crate::i18n::Strings;

/// Both parts take the scene and the widget's words.
#[derive(Properties)]
pub struct SceneProps {
    /// The scene.
    pub scene: Rc<Scene>,
    /// The widget's words.
    pub strings: &'static Strings,
}

impl PartialEq for SceneProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.scene, &other.scene) && std::ptr::eq(self.strings, other.strings)
    }
}

/// Highlight groups, then the kinds of route and marker this map uses, each once.
#[function_component]
pub fn Legend(props: &SceneProps) -> Html {
    let (scene, s) = (&props.scene, props.strings);
    html! {
        <ul class="cr-legend" aria-label={s.legend}>
            { for scene.spec.highlights.iter().enumerate().map(|(i, hl)| html! {
                <li><span class={classes!("cr-swatch", format!("cr-hl-{}", i % 6), hl.emphasis.then_some("cr-emphasis"))} aria-hidden="true" />{ hl.label.clone() }</li>
            }) }
            { for scene.legend_kinds().into_iter().map(|k| {
                let (class, text) = match k {
                    RouteKind::Rail => ("cr-key-rail", s.rail),
                    RouteKind::Sea => ("cr-key-sea", s.sea),
                    RouteKind::Road => ("cr-key-road", s.road),
                };
                html! { <li><span class={classes!("cr-key-line", class)} aria-hidden="true" />{ text }</li> }
            }) }
            if scene.stops.iter().any(|p| p.gauge_break) {
                <li><span class="cr-key-gauge" aria-hidden="true" />{ s.gauge_break }</li>
            }
            if scene.stops.iter().any(|p| p.entity.is_some()) {
                <li><span class="cr-key-located" aria-hidden="true" />{ s.place_with_card }</li>
            }
        </ul>
    }
}

/// The routes with their stops, the places with their notes, the highlighted countries.
#[function_component]
pub fn TextAlternative(props: &SceneProps) -> Html {
    let (scene, s) = (&props.scene, props.strings);
    html! {
        <details class="cr-map-text">
            <summary>{ s.map_as_text }</summary>
            if !scene.routes.is_empty() {
                <p class="cr-map-text-head">{ s.routes }</p>
                <ul>
                    { for scene.routes.iter().map(|r| {
                        let stops: Vec<String> = r.stops.iter().filter_map(|id| scene.stop(id)).map(|p| p.name.clone()).collect();
                        html! { <li>{ format!("{}: {}", r.name, stops.join(" → ")) }</li> }
                    }) }
                </ul>
            }
            <p class="cr-map-text-head">{ s.places }</p>
            <ul>
                { for scene.stops.iter().map(|p| html! {
                    <li>{ match &p.note { Some(n) => format!("{} — {n}", p.name), None => p.name.clone() } }</li>
                }) }
            </ul>
            if !scene.spec.highlights.is_empty() {
                <p class="cr-map-text-head">{ s.highlighted }</p>
                <ul>
                    { for scene.spec.highlights.iter().map(|hl| {
                        let names: Vec<String> = hl.countries.iter().filter_map(|c| scene.basemap.country(c)).map(|c| c.name.clone()).collect();
                        html! { <li>{ format!("{}: {}", hl.label, names.join(", ")) }</li> }
                    }) }
                </ul>
            }
        </details>
    }
}
