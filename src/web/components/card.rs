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
use crate::web::context::Same;

#[derive(Properties, PartialEq, Clone)]
pub struct CardProps {
    /// The entity (the same `Rc` for as long as the commentary is shown: compared by identity).
    pub entity: Same<Entity>,
    pub strings: &'static Strings,
    /// The reader's code runs and shows this card: it is shown and placed by the code
    /// (`popover="manual"`); before that (a prerendered page, with or without JavaScript) the
    /// platform shows it (`popover="auto"`: the mention's `popovertarget`, Escape and a press
    /// outside close it) and CSS anchor positioning places it. A closed card stays as it was
    /// rendered: once the code runs no trigger of the platform's opens it.
    pub live: bool,
    /// Hydrating a prerendered page: what never changes in the card is kept as the page has it.
    #[prop_or_default]
    pub keep: bool,
    /// Set while the card is open, from the card reducer.
    #[prop_or_default]
    pub open: Option<Open>,
    /// The site's other commentaries on the entity, the newest first ("Also in").
    #[prop_or_default]
    pub elsewhere: Option<Rc<Vec<crate::bundle::OtherPage>>>,
}

/// What an open card needs: where it was opened from, and what its controls do.
#[derive(PartialEq, Clone)]
pub struct Open {
    /// The trigger the card belongs to (`data-mention`), found when the card is placed.
    pub mention: usize,
    /// Pointer position when it opened, to pick the line of a wrapped mention.
    pub pointer: Option<(f64, f64)>,
    /// Where the card was opened from: a mention (its place among the entity's mentions) or
    /// the map.
    pub origin: CardOrigin,
    pub on_step: Callback<Step>,
    /// Reports where the card ended up (for the "heading for the card" test).
    pub on_placed: Callback<(Rect, Side)>,
    /// Moves the map to the entity; only given when the map shows it.
    pub on_show_map: Option<Callback<()>>,
    /// The reader asked to enter the card (Enter or Space on its mention): focus moves to it.
    /// The ask's number (`Cards::entries`), so that a second ask is a change even when the focus
    /// change between the two was never rendered.
    pub enter: Option<u32>,
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

fn new_tab_link(href: String, label: &str, strings: &Strings, tabindex: Option<&'static str>) -> Html {
    html! {
        <a href={href} target="_blank" rel="noopener noreferrer" tabindex={tabindex} aria-label={format!("{label} {}", strings.opens_in_new_tab)}>{ label.to_owned() }</a>
    }
}

/// Shows and places an open card, and keeps it placed while the page scrolls or resizes; when it
/// closes (or moves to another trigger), hides it again.
#[hook]
fn use_shown(card_ref: NodeRef, open: Option<Open>) {
    use_effect_with(open.as_ref().map(|o| o.mention), move |_| {
        let shown = open.and_then(|Open { mention, pointer, on_placed, .. }| {
            let card = card_ref.cast::<HtmlElement>()?;
            let place_now = {
                let card = card.clone();
                move || {
                    if let Some(placed) = trigger_of(&card, mention).and_then(|anchor| position(&card, &anchor, pointer)) {
                        on_placed.emit(placed);
                    }
                }
            };
            // The top layer escapes the host page's overflow and stacking contexts. A card the
            // platform opened before the code ran is open already (adopted: see `commentary`).
            if !card.matches(":popover-open").unwrap_or(false) {
                let _ = card.show_popover();
            }
            place_now();
            let _ = card.set_attribute("data-placed", "");
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
            Some((card, listeners))
        });
        move || {
            if let Some((card, listeners)) = shown {
                drop(listeners);
                let _ = card.remove_attribute("data-placed");
                let _ = card.hide_popover();
            }
        }
    });
}

/// The card's footer when open: "Show on map", where the trigger stands among the entity's
/// mentions (with the previous and next), and the entity's links.
fn open_foot(open: &Open, s: &Strings) -> Html {
    let step = |dir: Step| {
        let on_step = open.on_step.clone();
        Callback::from(move |_: MouseEvent| on_step.emit(dir))
    };
    html! {
        <>
            if let Some(show) = open.on_show_map.clone() {
                <button type="button" class="cr-card-show-map" tabindex="-1" onclick={Callback::from(move |_: MouseEvent| show.emit(()))}>
                    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M8 14s-4.5-4.2-4.5-7.5a4.5 4.5 0 0 1 9 0C12.5 9.8 8 14 8 14z" /><circle cx="8" cy="6.5" r="1.5" /></svg>
                    { s.show_on_map }
                </button>
            }
            { match open.origin {
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
        </>
    }
}

/// One entity's card: rendered once with the text (so a prerendered page has it at first
/// paint), shown when a trigger of the entity opens it.
///
/// What never changes (the kind, the close button, the name, the summary, the chart, the facts)
/// is [`CardContent`], rendered once and kept as the page has it when hydrating, like the text
/// (`article::Body`); the card's own element and its footer (the open card's controls, its
/// links) are rendered from state.
#[function_component]
pub fn Card(props: &CardProps) -> Html {
    let card_ref = use_node_ref();
    let e = &props.entity.0;
    let s = props.strings;
    let live = props.live;
    let open = props.open.as_ref();

    use_shown(card_ref.clone(), open.cloned());
    // Into the card when asked: after it is placed (the effect above runs first).
    {
        let card_ref = card_ref.clone();
        let enter = open.and_then(|o| o.enter);
        use_effect_with((enter, open.map(|o| o.mention)), move |(enter, _)| {
            if enter.is_some() {
                if let Some(card) = card_ref.cast::<HtmlElement>() {
                    let _ = card.focus();
                }
            }
        });
    }

    let id = crate::web::context::card_id(e.id.as_str());
    let (name_id, summary_id) = (format!("{id}-name"), crate::web::context::card_summary_id(e.id.as_str()));
    // Once the code runs, the card's controls are outside the Tab sequence (entered with Enter,
    // see `commentary::handlers`); before, the platform's order goes from the mention into the
    // open card.
    let tabindex = live.then_some("-1");
    let links = &e.links;
    let link_items: Vec<Html> = [
        links.wikipedia.clone().map(|u| new_tab_link(u, s.wikipedia, s, tabindex)),
        links.wikidata.clone().map(|q| new_tab_link(format!("https://www.wikidata.org/wiki/{q}"), s.wikidata, s, tabindex)),
        links.website.clone().map(|u| new_tab_link(u, s.website, s, tabindex)),
        links.source.clone().map(|u| new_tab_link(u, s.source, s, tabindex)),
    ]
    .into_iter()
    .flatten()
    .collect();

    html! {
        <div ref={card_ref} class="cr-card" id={id.clone()} part="card" data-entity={e.id.to_string()} data-open={open.map(|_| "")}
             role="dialog" aria-modal="false" aria-labelledby={name_id} aria-describedby={summary_id} tabindex="-1"
             popover={if live { "manual" } else { "auto" }}>
            <Suspense>
                <CardContent entity={props.entity.clone()} strings={s} keep={props.keep} />
            </Suspense>
            if open.is_some() || !link_items.is_empty() || props.elsewhere.is_some() {
                <div class="cr-card-foot">
                    { open.map(|o| open_foot(o, s)).unwrap_or_default() }
                    if let Some(pages) = &props.elsewhere {
                        <div class="cr-card-elsewhere">
                            <p class="cr-card-elsewhere-title">{ s.also_in }</p>
                            <ul>
                                { for pages.iter().map(|p| html! {
                                    <li><a href={p.href.clone()} hreflang={p.lang.clone()} lang={p.lang.clone()} tabindex={tabindex}>{ p.title.clone() }</a>
                                        <span class="cr-card-date">{ s.date(p.date) }</span></li>
                                }) }
                            </ul>
                        </div>
                    }
                    if !link_items.is_empty() {
                        <p class="cr-card-links">{ for link_items }</p>
                    }
                </div>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct CardContentProps {
    entity: Same<Entity>,
    strings: &'static Strings,
    /// The page has it already: keep its nodes (see `article::Body`).
    keep: bool,
}

/// What a card says about its entity, the same whenever it opens: rendered once. Its close
/// button hides the card through the platform until the code runs (`popovertarget`, with
/// `popovertargetaction="hide"`); then `commentary::marks` takes those off and puts it outside
/// the Tab sequence, and a click on it is heard by the commentary (`handlers::click`).
#[function_component]
fn CardContent(props: &CardContentProps) -> HtmlResult {
    super::use_kept(props.keep)?;
    let (e, s) = (&props.entity.0, props.strings);
    let id = crate::web::context::card_id(e.id.as_str());
    let (name_id, summary_id) = (format!("{id}-name"), crate::web::context::card_summary_id(e.id.as_str()));
    Ok(html! {
        <>
            <div class="cr-card-head">
                <p class="cr-card-kind">{ s.kind(e.kind) }</p>
                <button type="button" class="cr-card-close" aria-label={s.close} popovertarget={id} popovertargetaction="hide">
                    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M4 4l8 8M12 4l-8 8" /></svg>
                </button>
            </div>
            <p class="cr-card-name" id={name_id}>{ e.name.clone() }</p>
            if !e.native.is_empty() {
                <p class="cr-card-native">
                    { for e.native.iter().enumerate().map(|(i, (lang, name))| html! {
                        <>{ if i > 0 { " · " } else { "" } }<span lang={lang.clone()}>{ name.clone() }</span></>
                    }) }
                </p>
            }
            <p class="cr-card-summary" id={summary_id}>{ e.summary.clone() }</p>
            { e.chart.as_ref().map(|c| chart_view(c, s)) }
            if !e.facts.is_empty() {
                <dl class="cr-card-facts">
                    { for e.facts.iter().map(|(label, value)| html! {
                        <div><dt>{ label.clone() }</dt><dd>{ value.clone() }</dd></div>
                    }) }
                </dl>
            }
        </>
    })
}

/// Whether `node` is inside `ancestor` (inclusive).
pub fn contains(ancestor: &Element, node: Option<&web_sys::EventTarget>) -> bool {
    node.and_then(|n| n.dyn_ref::<web_sys::Node>()).is_some_and(|n| ancestor.contains(Some(n)))
}
