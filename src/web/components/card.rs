//! The hover card: a non-modal dialog shown in the top layer (`popover="manual"`), placed by
//! `ui::placement` and repositioned while the page scrolls or resizes.
//!
//! It is outside the Tab sequence: the dialog and its controls have `tabindex="-1"`, so Tab
//! from a mention goes on to the next mention. Enter or Space on the mention moves focus into
//! the dialog (`enter`), where Tab and Shift+Tab go through its controls and back out to the
//! mention (`commentary::handlers`); Escape closes it from anywhere.

use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use crate::content::catalog::{Chart, Entity};
use crate::i18n::Strings;
use crate::ui::cards::{CardOrigin, Step};
use crate::ui::chart;
use crate::ui::placement::{anchor_box, place, Rect, Side, Size};

#[derive(Properties, PartialEq, Clone)]
pub struct CardProps {
    pub entity: Rc<Entity>,
    /// The trigger the card belongs to (`data-mention`), found when the card is placed.
    pub mention: usize,
    /// Pointer position when it opened, to pick the line of a wrapped mention.
    pub pointer: Option<(f64, f64)>,
    /// Where the card was opened from: a mention (its place among the entity's mentions) or
    /// the map.
    pub origin: CardOrigin,
    pub strings: &'static Strings,
    pub on_step: Callback<Step>,
    pub on_close: Callback<()>,
    /// Reports where the card ended up (for the "heading for the card" test).
    pub on_placed: Callback<(Rect, Side)>,
    /// Moves the map to the entity; only given when the map shows it.
    #[prop_or_default]
    pub on_show_map: Option<Callback<()>>,
    /// The reader asked to enter the card (Enter or Space on its mention): focus moves to it.
    #[prop_or_default]
    pub enter: bool,
}

/// The trigger `mention` of the commentary `card` belongs to.
fn trigger_of(card: &Element, mention: usize) -> Option<Element> {
    super::find_mention(&card.closest(".cr-doc").ok()??, mention)
}

fn rect_of(r: &web_sys::DomRect) -> Rect {
    Rect { left: r.left(), top: r.top(), width: r.width(), height: r.height() }
}

/// Measures and places the card next to its anchor; sets only CSSOM properties (CSP-safe).
fn position(card: &HtmlElement, anchor: &Element, pointer: Option<(f64, f64)>) -> Option<(Rect, Side)> {
    let window = web_sys::window()?;
    let document = window.document()?.document_element()?;
    let lines = anchor.get_client_rects();
    let rects: Vec<Rect> = (0..lines.length()).filter_map(|i| lines.get(i)).map(|r| rect_of(&r)).collect();
    let line = anchor_box(&rects, pointer)?;
    let style = card.style();
    let _ = style.remove_property("max-height");
    let _ = style.remove_property("max-width");
    let size = card.get_bounding_client_rect();
    let viewport = Size { width: f64::from(document.client_width()), height: f64::from(document.client_height()) };
    let p = place(line, Size { width: size.width(), height: size.height() }, viewport);
    let px = |v: f64| format!("{}px", crate::geo::draw::num(v));
    let _ = style.set_property("left", &px(p.left));
    let _ = style.set_property("top", &px(p.top));
    if let Some(h) = p.max_height {
        let _ = style.set_property("max-height", &px(h));
    }
    if let Some(w) = p.max_width {
        let _ = style.set_property("max-width", &px(w));
    }
    let _ = card.set_attribute("data-side", if p.side == Side::Below { "below" } else { "above" });
    let placed = card.get_bounding_client_rect();
    Some((rect_of(&placed), p.side))
}

/// A figure's chart: labels and values as text (read by screen readers, wrapping freely),
/// the bars as decorative SVG.
fn chart_view(chart: &Chart, s: &Strings) -> Html {
    // The width of the bar's viewBox (written out as "200" below).
    const W: f64 = 200.0;
    let bar = |x: f64, w: f64, class: &'static str| {
        html! {
            <svg class="cr-chart-bar" viewBox="0 0 200 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                <rect class="cr-track" x="0" y="0" width="200" height="10" rx="2" />
                <rect class={class} x={crate::geo::draw::num(x)} y="0" width={crate::geo::draw::num(w.max(1.0))} height="10" rx="2" />
            </svg>
        }
    };
    match chart {
        Chart::Bars { unit, values } => html! {
            <figure class="cr-chart">
                { for chart::bars(values, W).iter().enumerate().map(|(i, b)| html! {
                    <div class="cr-chart-row">
                        <span class="cr-chart-label">{ b.label.clone() }</span>
                        <span class="cr-chart-value">{ format!("{}{unit}", s.number(b.value)) }</span>
                        { bar(0.0, b.length, if i == 0 { "cr-fill" } else { "cr-fill cr-fill-2" }) }
                    </div>
                }) }
            </figure>
        },
        Chart::Range { unit, from, to, min, max, label } => {
            let (x, w) = chart::range(*from, *to, *min, *max, W);
            html! {
                <figure class="cr-chart">
                    <div class="cr-chart-row">
                        <span class="cr-chart-label">{ label.clone() }</span>
                        <span class="cr-chart-value">{ format!("{}–{}{unit}", s.number(*from), s.number(*to)) }</span>
                        { bar(x, w, "cr-fill") }
                        <span class="cr-chart-scale">{ format!("{}{unit}", s.number(*min)) }</span>
                        <span class="cr-chart-scale cr-end">{ format!("{}{unit}", s.number(*max)) }</span>
                    </div>
                </figure>
            }
        }
    }
}

fn new_tab_link(href: String, label: &str, strings: &Strings) -> Html {
    html! {
        <a href={href} target="_blank" rel="noopener noreferrer" tabindex="-1" aria-label={format!("{label} {}", strings.opens_in_new_tab)}>{ label.to_owned() }</a>
    }
}

/// One entity's card.
#[function_component]
pub fn Card(props: &CardProps) -> Html {
    let card_ref = use_node_ref();
    let e = &props.entity;
    let s = props.strings;

    // Place after every render, and again whenever the page scrolls or resizes.
    {
        let card_ref = card_ref.clone();
        let pointer = props.pointer;
        let on_placed = props.on_placed.clone();
        use_effect_with((props.entity.id.clone(), props.mention), move |(_, mention)| {
            let mention = *mention;
            let place_now = {
                let card_ref = card_ref.clone();
                move || {
                    if let Some(card) = card_ref.cast::<HtmlElement>() {
                        if let Some(placed) = trigger_of(&card, mention).and_then(|anchor| position(&card, &anchor, pointer)) {
                            on_placed.emit(placed);
                        }
                    }
                }
            };
            if let Some(card) = card_ref.cast::<HtmlElement>() {
                // The top layer escapes the host page's overflow and stacking contexts.
                let _ = card.show_popover();
                place_now();
                let _ = card.set_attribute("data-placed", "");
            }
            // Without a window (a detached realm) the card is placed once; a panic here would
            // trap the wasm instance every element on the page shares.
            let listeners = web_sys::window().map(|window| {
                let options = EventListenerOptions { phase: gloo::events::EventListenerPhase::Capture, passive: true };
                let on_scroll = {
                    let place_now = place_now.clone();
                    EventListener::new_with_options(&window, "scroll", options, move |_| place_now())
                };
                (on_scroll, EventListener::new(&window, "resize", move |_| place_now()))
            });
            move || drop(listeners)
        });
    }

    // Into the card when asked: after it is placed (the effect above runs first).
    {
        let card_ref = card_ref.clone();
        use_effect_with(props.enter, move |enter| {
            if *enter {
                if let Some(card) = card_ref.cast::<HtmlElement>() {
                    let _ = card.focus();
                }
            }
        });
    }

    let step = |dir: Step| {
        let on_step = props.on_step.clone();
        Callback::from(move |_: MouseEvent| on_step.emit(dir))
    };
    let close = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(()))
    };
    let links = &e.links;
    let link_items: Vec<Html> = [
        links.wikipedia.clone().map(|u| new_tab_link(u, s.wikipedia, s)),
        links.wikidata.clone().map(|q| new_tab_link(format!("https://www.wikidata.org/wiki/{q}"), s.wikidata, s)),
        links.website.clone().map(|u| new_tab_link(u, s.website, s)),
        links.source.clone().map(|u| new_tab_link(u, s.source, s)),
    ]
    .into_iter()
    .flatten()
    .collect();

    html! {
        <div ref={card_ref} class="cr-card" id="cr-card" part="card" data-entity={e.id.to_string()}
             role="dialog" aria-modal="false" aria-labelledby="cr-card-name" aria-describedby="cr-card-summary" tabindex="-1" popover="manual">
            <div class="cr-card-head">
                <p class="cr-card-kind">{ s.kind(e.kind) }</p>
                <button type="button" class="cr-card-close" tabindex="-1" aria-label={s.close} onclick={close}>
                    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M4 4l8 8M12 4l-8 8" /></svg>
                </button>
            </div>
            <p class="cr-card-name" id="cr-card-name">{ e.name.clone() }</p>
            if !e.native.is_empty() {
                <p class="cr-card-native">
                    { for e.native.iter().enumerate().map(|(i, (lang, name))| html! {
                        <>{ if i > 0 { " · " } else { "" } }<span lang={lang.clone()}>{ name.clone() }</span></>
                    }) }
                </p>
            }
            <p class="cr-card-summary" id="cr-card-summary">{ e.summary.clone() }</p>
            { e.chart.as_ref().map(|c| chart_view(c, s)) }
            if !e.facts.is_empty() {
                <dl class="cr-card-facts">
                    { for e.facts.iter().map(|(label, value)| html! {
                        <div><dt>{ label.clone() }</dt><dd>{ value.clone() }</dd></div>
                    }) }
                </dl>
            }
            <div class="cr-card-foot">
                if let Some(show) = props.on_show_map.clone() {
                    <button type="button" class="cr-card-show-map" tabindex="-1" onclick={Callback::from(move |_: MouseEvent| show.emit(()))}>
                        <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M8 14s-4.5-4.2-4.5-7.5a4.5 4.5 0 0 1 9 0C12.5 9.8 8 14 8 14z" /><circle cx="8" cy="6.5" r="1.5" /></svg>
                        { s.show_on_map }
                    </button>
                }
                { match props.origin {
                    CardOrigin::Map { count: 0 } => html! { <span class="cr-card-count">{ s.not_mentioned }</span> },
                    CardOrigin::Map { count } => html! {
                        <button type="button" class="cr-card-goto" tabindex="-1" onclick={step(Step::Next)}>{ s.first_mention(count) }</button>
                    },
                    CardOrigin::Mention { count: 1, .. } => html! { <span class="cr-card-count">{ s.mentioned_once }</span> },
                    CardOrigin::Mention { index, count } => html! {
                        <div class="cr-card-nav" role="group" aria-label={s.mention_position(index, count)}>
                            <button type="button" tabindex="-1" aria-label={s.previous_mention} onclick={step(Step::Previous)} disabled={index == 1}>
                                <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M10 3L5 8l5 5" /></svg>
                            </button>
                            <span class="cr-card-count" aria-hidden="true">{ s.mention_position(index, count) }</span>
                            <button type="button" tabindex="-1" aria-label={s.next_mention} onclick={step(Step::Next)} disabled={index == count}>
                                <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M6 3l5 5-5 5" /></svg>
                            </button>
                        </div>
                    },
                } }
                if !link_items.is_empty() {
                    <p class="cr-card-links">{ for link_items }</p>
                }
            </div>
        </div>
    }
}

/// Whether `node` is inside `ancestor` (inclusive).
pub fn contains(ancestor: &Element, node: Option<&web_sys::EventTarget>) -> bool {
    node.and_then(|n| n.dyn_ref::<web_sys::Node>()).is_some_and(|n| ancestor.contains(Some(n)))
}
