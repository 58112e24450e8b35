//! The map's legend and its text alternative ("The map as text"): what every symbol means, and
//! everything the map says, as lists.

use yew::prelude::*;

use crate::geo::scene::{Scene, HIGHLIGHT_FILLS};
use crate::geo::spec::RouteKind;
use crate::i18n::Strings;
use crate::web::context::Same;

/// Both parts take the scene and the widget's words.
#[derive(Properties, PartialEq)]
pub struct SceneProps {
    /// The scene.
    pub scene: Same<Scene>,
    /// The widget's words.
    pub strings: &'static Strings,
    /// The commentary's language, which the editor's names and labels are in (the widget's
    /// words may be in another one).
    pub lang: AttrValue,
    /// The page has it already, as the build rendered it: keep those nodes (it never changes).
    pub keep: bool,
}

fn key_class(kind: RouteKind) -> &'static str {
    match kind {
        RouteKind::Rail => "cr-key-rail",
        RouteKind::Sea => "cr-key-sea",
        RouteKind::Road => "cr-key-road",
        RouteKind::Ferry => "cr-key-ferry",
        RouteKind::Pipeline => "cr-key-pipeline",
    }
}

/// Highlight groups, then the kinds of route and marker this map uses, each once.
#[function_component]
pub fn Legend(props: &SceneProps) -> HtmlResult {
    super::super::use_kept(props.keep)?;
    let (scene, s) = (&props.scene, props.strings);
    Ok(html! {
        <ul class="cr-legend" aria-label={s.legend}>
            { for scene.spec.highlights.iter().enumerate().map(|(i, hl)| html! {
                <li lang={props.lang.clone()}><span class={classes!("cr-swatch", format!("cr-hl-{}", i % HIGHLIGHT_FILLS), hl.emphasis.then_some("cr-emphasis"))} aria-hidden="true" />{ hl.label.clone() }</li>
            }) }
            { for scene.legend_kinds().into_iter().map(|k| {
                let (class, text) = (key_class(k), s.route_kind(k));
                html! { <li><span class={classes!("cr-key-line", class)} aria-hidden="true" />{ text }</li> }
            }) }
            if scene.stops.iter().any(|p| p.gauge_break) {
                <li><span class="cr-key-gauge" aria-hidden="true" />{ s.gauge_break }</li>
            }
            if scene.stops.iter().any(|p| p.entity.is_some()) {
                <li><span class="cr-key-located" aria-hidden="true" />{ s.place_with_card }</li>
            }
            // Every symbol drawn has its entry: map-only places too.
            if scene.stops.iter().any(|p| p.entity.is_none() && !p.gauge_break) {
                <li><span class="cr-key-place" aria-hidden="true" />{ s.place }</li>
            }
        </ul>
    })
}

/// The text alternative's properties: the scene, and the equivalents of the map's triggers.
#[derive(Properties, PartialEq)]
pub struct TextProps {
    /// The scene.
    pub scene: Same<Scene>,
    /// The widget's words.
    pub strings: &'static Strings,
    /// The commentary's language (see [`SceneProps::lang`]).
    pub lang: AttrValue,
    /// Stop id → its marker's trigger number; ISO code → its country's.
    pub stops: Same<Vec<(String, usize)>>,
    /// See `stops`.
    pub countries: Same<Vec<(String, usize)>>,
    /// The equivalent of trigger `n` here is trigger `n + offset` (numbered after the map's own).
    pub offset: usize,
    /// The page has it already, as the build rendered it: keep those nodes (it never changes).
    pub keep: bool,
}

/// A name that opens the card its trigger on the map opens: the equivalent control for a marker
/// or country too small, or covered, to point at (WCAG 2.5.8), and a way to a map-only place's
/// card from the text. Plain text when it opens nothing. Like a mention, it opens the card with
/// the platform alone (`popovertarget`) until the reader's code runs, which then takes that off
/// and says whether the card is open (`commentary::marks`).
fn name_or_button(name: &str, lang: Option<&'static str>, number: Option<usize>, entity: Option<String>, offset: usize) -> Html {
    match number.zip(entity) {
        Some((n, entity)) => html! {
            <button type="button" class="cr-map-text-open" lang={lang} data-mention={(n + offset).to_string()} data-entity={entity.clone()}
                    popovertarget={crate::web::context::card_id(&entity)}>
                { name.to_owned() }
            </button>
        },
        None => html! { <span lang={lang}>{ name.to_owned() }</span> },
    }
}

/// The routes with their stops, the places with their notes, the highlighted countries. Places
/// and countries that open a card on the map open it from here too.
#[function_component]
pub fn TextAlternative(props: &TextProps) -> HtmlResult {
    super::super::use_kept(props.keep)?;
    let (scene, s) = (&props.scene, props.strings);
    let number = |list: &[(String, usize)], id: &str| list.iter().find(|(k, _)| k == id).map(|(_, n)| *n);
    Ok(html! {
        <details class="cr-map-text">
            <summary>{ s.map_as_text }</summary>
            if !scene.routes.is_empty() {
                <p class="cr-map-text-head">{ s.routes }</p>
                <ul lang={props.lang.clone()}>
                    { for scene.routes.iter().map(|r| html! { <li>{ scene.route_text(r, |k| s.route_kind(k)) }</li> }) }
                </ul>
            }
            <p class="cr-map-text-head">{ s.places }</p>
            <ul lang={props.lang.clone()}>
                { for scene.stops.iter().map(|p| html! {
                    <li>
                        { name_or_button(&p.name, None, number(&props.stops, &p.id), p.entity.as_ref().map(|e| e.to_string()), props.offset) }
                        { p.note.as_ref().map(|n| format!(" — {n}")).unwrap_or_default() }
                    </li>
                }) }
            </ul>
            if !scene.spec.highlights.is_empty() {
                <p class="cr-map-text-head">{ s.highlighted }</p>
                <ul lang={props.lang.clone()}>
                    { for scene.spec.highlights.iter().map(|hl| {
                        // The names the commentary gives are in its language; the base map's
                        // others are English.
                        let english = !props.lang.starts_with("en");
                        let names = hl.countries.iter().filter_map(|c| scene.basemap.country(c)).enumerate().map(|(i, c)| {
                            let lang = (english && !scene.named.contains(&c.iso)).then_some("en");
                            let entity = scene.country_entity.get(&c.iso).map(|e| e.to_string());
                            html! { <>{ if i > 0 { ", " } else { "" } }{ name_or_button(&c.name, lang, number(&props.countries, &c.iso), entity, props.offset) }</> }
                        });
                        html! { <li>{ hl.label.clone() }{ ": " }{ for names }</li> }
                    }) }
                </ul>
            }
        </details>
    })
}
