//! What the map draws over the countries for the current view: routes, labels, markers and the
//! scale bar. Laid out by the pure `geo::scene::overlay` on every view change.

use yew::prelude::*;

use crate::geo::draw::num;
use crate::geo::scene::{Layout, Scene};
use crate::geo::spec::RouteKind;
use crate::i18n::Strings;
use crate::web::context::Same;

/// The overlay's properties.
#[derive(Properties, PartialEq)]
pub struct OverlayProps {
    /// The scene.
    pub scene: Same<Scene>,
    /// Its layout for the current view and size.
    pub layout: Same<Layout>,
    /// Stop id → trigger number, for markers that open a card.
    pub stop_triggers: Same<Vec<(String, usize)>>,
    /// The frame's height (the scale bar sits at its foot).
    pub height: f64,
    /// The widget's words.
    pub strings: &'static Strings,
}

/// The properties of one part of the overlay.
#[derive(Properties, PartialEq)]
struct PartProps {
    scene: Same<Scene>,
    layout: Same<Layout>,
    stop_triggers: Same<Vec<(String, usize)>>,
}

fn route_class(kind: RouteKind) -> &'static str {
    match kind {
        RouteKind::Rail => "cr-rail",
        RouteKind::Sea => "cr-sea",
        RouteKind::Road => "cr-road",
        RouteKind::Ferry => "cr-ferry",
        RouteKind::Pipeline => "cr-pipeline",
    }
}

/// Routes, labels, markers and the scale bar, in that order (markers on top). What the cards
/// change on the markers is set by attribute (`map::marks`). Routes, labels and markers are
/// components of their own: hydrating a reading page adopts each in a task of its own, and a new
/// layout (the frame measured at another size than the page's) updates each in its own.
#[function_component]
pub fn Overlay(props: &OverlayProps) -> Html {
    let OverlayProps { scene, layout, stop_triggers, height, strings: s } = props;
    let (km, length) = layout.0.scale;
    let scale_y = height - 14.0;
    html! {
        <>
            <Routes scene={scene.clone()} layout={layout.clone()} stop_triggers={stop_triggers.clone()} />
            <Labels scene={scene.clone()} layout={layout.clone()} stop_triggers={stop_triggers.clone()} />
            <Markers scene={scene.clone()} layout={layout.clone()} stop_triggers={stop_triggers.clone()} />
            <g class="cr-scale" aria-hidden="true">
                <path d={format!("M12 {y0} V{y} H{x1} V{y0}", y0 = num(scale_y - 4.0), y = num(scale_y), x1 = num(12.0 + length))} />
                <text x="12" y={num(scale_y - 7.0)}>{ format!("{} {}", s.number(km), s.km) }</text>
            </g>
            if let Some(i) = layout.0.inset {
                // The map's own countries again, in miniature, with the view outlined.
                <svg class="cr-inset" aria-hidden="true" x={num(i.frame.left)} y={num(i.frame.top)} width={num(i.frame.width)} height={num(i.frame.height)}
                     viewBox={format!("{} {} {} {}", num(i.shows.left), num(i.shows.top), num(i.shows.width), num(i.shows.height))}>
                    <rect class="cr-inset-bg" x={num(i.shows.left)} y={num(i.shows.top)} width={num(i.shows.width)} height={num(i.shows.height)} />
                    <use href="#cr-land" />
                    <rect class="cr-inset-view" x={num(i.view.left)} y={num(i.view.top)} width={num(i.view.width)} height={num(i.view.height)} />
                </svg>
                <rect class="cr-inset-frame" aria-hidden="true" x={num(i.frame.left)} y={num(i.frame.top)} width={num(i.frame.width)} height={num(i.frame.height)} />
            }
        </>
    }
}

/// The routes, each a casing, a line and its direction chevrons, named by its `<title>`.
#[function_component]
fn Routes(props: &PartProps) -> Html {
    let (scene, layout) = (&props.scene.0, &props.layout.0);
    let routes = layout.routes.iter().map(|r| {
        let name = scene.routes.iter().find(|x| x.id == r.id).map(|x| x.name.clone()).unwrap_or_default();
        html! {
            <g key={r.id.clone()} class="cr-route" data-route={r.id.clone()}>
                <title>{ name }</title>
                { for r.legs.iter().map(|leg| html! {
                    <g class={route_class(leg.kind)}>
                        <path class="cr-route-casing" d={leg.d.clone()} />
                        <path class="cr-route-line" d={leg.d.clone()} />
                        { for leg.marks.iter().map(|(p, deg)| html! {
                            <path class="cr-chevron" d="M-3.5 -3.5 L1.5 0 L-3.5 3.5"
                                  transform={format!("translate({} {}) rotate({})", num(p.x), num(p.y), num(*deg))} />
                        }) }
                    </g>
                }) }
            </g>
        }
    });
    html! { <g class="cr-routes">{ for routes }</g> }
}

/// The places' and countries' names, hidden from assistive technology (the markers and the map
/// as text name them).
#[function_component]
fn Labels(props: &PartProps) -> Html {
    let labels = props.layout.0.labels.iter().map(|l| {
        if l.country {
            html! { <text class="cr-label cr-label-country" x={num(l.x)} y={num(l.y)} text-anchor={l.anchor}>{ l.text.clone() }</text> }
        } else {
            html! { <text class="cr-label" x={num(l.x)} y={num(l.y)} text-anchor={l.anchor}>{ l.text.clone() }</text> }
        }
    });
    html! { <g class="cr-labels" aria-hidden="true">{ for labels }</g> }
}

/// The stops' markers: those of a place the text mentions open its card (`data-mention`).
#[function_component]
fn Markers(props: &PartProps) -> Html {
    let (scene, layout) = (&props.scene.0, &props.layout.0);
    let markers = layout.markers.iter().filter_map(|m| {
        let stop = scene.stop(&m.id)?;
        let kind = if stop.gauge_break {
            "cr-marker cr-gauge"
        } else if stop.entity.is_some() {
            "cr-marker cr-located"
        } else {
            "cr-marker"
        };
        let symbol = if stop.gauge_break {
            html! { <path class="cr-dot" d="M0 -6 L6 0 L0 6 L-6 0 Z" /> }
        } else {
            html! { <circle class="cr-dot" r={if stop.entity.is_some() { "5.5" } else { "4" }} /> }
        };
        let at = format!("translate({} {})", num(m.at.x), num(m.at.y));
        // A marker moved off its crowded place points back to it.
        let (lx, ly) = (m.place.x - m.at.x, m.place.y - m.at.y);
        let leader = (lx.hypot(ly) > 1.5).then(|| html! { <line class="cr-leader" x1="0" y1="0" x2={num(lx)} y2={num(ly)} /> });
        let trigger = props.stop_triggers.0.iter().find(|(id, _)| *id == m.id).map(|(_, ordinal)| *ordinal);
        Some(match trigger {
            Some(ordinal) => {
                html! {
                    <g key={m.id.clone()} class={kind} transform={at} data-place={m.id.clone()} data-entity={stop.entity.as_ref().map(|e| e.to_string())}
                       data-mention={ordinal.to_string()} aria-label={stop.name.clone()}>
                        { leader }
                        <circle class="cr-hit" r="12" />
                        { symbol }
                        // The focus ring, on a halo of the background so it shows on anything
                        // (crowded neighbours, routes); inside the label's gap, off its text.
                        <circle class="cr-ring-halo" r="8" />
                        <circle class="cr-ring" r="8" />
                    </g>
                }
            }
            None => {
                let tip = match &stop.note {
                    Some(note) => format!("{} — {note}", stop.name),
                    None => stop.name.clone(),
                };
                html! {
                    <g key={m.id.clone()} class={kind} transform={at} data-place={m.id.clone()}>
                        <title>{ tip }</title>
                        { leader }
                        <circle class="cr-hit" r="12" />
                        { symbol }
                    </g>
                }
            }
        })
    });
    html! { <g class="cr-markers">{ for markers }</g> }
}
