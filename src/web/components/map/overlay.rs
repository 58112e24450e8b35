//! What the map draws over the countries for the current view: routes, labels, markers and the
//! scale bar. Laid out by the pure `geo::scene::overlay` on every view change.

use std::rc::Rc;

use yew::prelude::*;

use crate::geo::draw::num;
use crate::geo::scene::{Layout, Scene};
use crate::geo::spec::RouteKind;
use crate::i18n::Strings;

/// The overlay's properties.
#[derive(Properties)]
pub struct OverlayProps {
    /// The scene.
    pub scene: Rc<Scene>,
    /// Its layout for the current view (none while the page's drawing is kept).
    pub layout: Option<Rc<Layout>>,
    /// Stop id → trigger number, for markers that open a card.
    pub stop_triggers: Rc<Vec<(String, usize)>>,
    /// The frame's height (the scale bar sits at its foot).
    pub height: f64,
    /// The widget's words.
    pub strings: &'static Strings,
    /// The page has it already, as the build drew it for this view and size: keep those nodes.
    pub keep: bool,
}

impl PartialEq for OverlayProps {
    fn eq(&self, other: &Self) -> bool {
        self.layout.as_ref().map(Rc::as_ptr) == other.layout.as_ref().map(Rc::as_ptr)
            && Rc::ptr_eq(&self.scene, &other.scene)
            && Rc::ptr_eq(&self.stop_triggers, &other.stop_triggers)
            && self.height == other.height
            && self.keep == other.keep
    }
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
/// change on the markers is set by attribute (`map::marks`).
#[function_component]
pub fn Overlay(props: &OverlayProps) -> HtmlResult {
    super::super::use_kept(props.keep)?;
    let (scene, s) = (&props.scene, props.strings);
    let Some(layout) = &props.layout else { return Ok(Html::default()) };
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
    let labels = layout.labels.iter().map(|l| {
        if l.country {
            html! { <text class="cr-label cr-label-country" x={num(l.x)} y={num(l.y)} text-anchor={l.anchor}>{ l.text.clone() }</text> }
        } else {
            html! { <text class="cr-label" x={num(l.x)} y={num(l.y)} text-anchor={l.anchor}>{ l.text.clone() }</text> }
        }
    });
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
        let trigger = props.stop_triggers.iter().find(|(id, _)| *id == m.id).map(|(_, ordinal)| *ordinal);
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
    let (km, length) = layout.scale;
    let scale_y = props.height - 14.0;
    Ok(html! {
        <>
            <g class="cr-routes">{ for routes }</g>
            <g class="cr-labels" aria-hidden="true">{ for labels }</g>
            <g class="cr-markers">{ for markers }</g>
            <g class="cr-scale" aria-hidden="true">
                <path d={format!("M12 {y0} V{y} H{x1} V{y0}", y0 = num(scale_y - 4.0), y = num(scale_y), x1 = num(12.0 + length))} />
                <text x="12" y={num(scale_y - 7.0)}>{ format!("{} {}", s.number(km), s.km) }</text>
            </g>
            if let Some(i) = layout.inset {
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
    })
}
