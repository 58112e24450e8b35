//! The corridor mini-map: an `<svg part="map">` drawn from `geo::scene`, with zoom and pan
//! (buttons, keyboard, Ctrl/⌘ + wheel, drag, pinch), chapters that follow the reading, a
//! legend and a text alternative.
//!
//! Its state is the pure reducer `ui::map_state` (tested natively); `Map` (the state, the
//! caption), `MapBody` (the drawing's layout, the controls, the legend, the map as text) and
//! `MapFrame` (the drawing and the hooks that watch it) compose the parts (`Countries`,
//! `Overlay`, `Controls`, `Legend`, `TextAlternative`) and the hooks that turn browser events
//! into actions (`hooks`); three components rather than one so that hydrating a reading page is
//! three short tasks. Countries are projected once, for one frame size, and
//! moved with an SVG transform, so zooming, easing and resizing redraw only routes, markers and
//! labels. Markers and highlighted countries that stand for a catalog entity carry
//! `data-mention` numbers after the text's mentions (`Scene::numbered_triggers`): the
//! commentary's delegated handlers open their cards exactly as for mentions.

mod controls;
mod countries;
mod hooks;
mod legend;
mod marks;
mod overlay;
#[cfg(feature = "ssr")]
pub(crate) mod picture;

use std::rc::Rc;

use yew::prelude::*;

use crate::geo::draw::{decimal, num};
use crate::geo::scene::{self, CountryShape, Layout, Scene, Trigger};
use crate::i18n::Strings;
use crate::ui::map_state::{chapters, Announcement, MapAction, MapState};
use crate::web::context::{Marks, ReaderContext, Same};
use crate::web::context::{Shared, ShowOnMap};
use crate::web::now;
use controls::Controls;
use countries::Countries;
use hooks::{
    use_animation_frames, use_focus_requests, use_frame_size, use_gestures, use_label_widths, use_reading_chapter, use_show_on_map,
};
use legend::{Legend, TextAlternative};
use marks::use_trigger_marks;
use overlay::Overlay;

#[derive(Properties, PartialEq)]
pub struct MapProps {
    /// The commentary and how to show it.
    pub reader: ReaderContext,
    /// "Show on map" requests from cards: a serial number (so repeating one works) and the entity.
    pub show: Option<ShowOnMap>,
    /// The open card and the highlighted entity.
    #[prop_or_default]
    pub marks: Marks,
}

/// The map's state, held by Yew (in an `Rc` of its own, handed to `MapBody` by identity).
struct Held(Rc<MapState>);

impl Reducible for Held {
    type Action = MapAction;
    fn reduce(self: Rc<Self>, action: MapAction) -> Rc<Self> {
        Rc::new(Held(Rc::new((*self.0).clone().reduce(action))))
    }
}

/// The reader asks for reduced motion (read while rendering the first time: it changes no
/// markup; the server renderer has no window and says no).
fn reduced_motion() -> bool {
    if cfg!(not(target_arch = "wasm32")) {
        return false;
    }
    web_sys::window().and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten()).is_some_and(|m| m.matches())
}

/// The scene of a loaded commentary (the component is only rendered when there is one).
fn scene_of(loaded: &Shared) -> Option<Rc<Scene>> {
    loaded.map.scene().cloned()
}

/// A key on the focused map, as an action: + and − zoom, arrows pan (Shift: further), 0 or
/// Home shows the whole map.
fn key_action(e: &KeyboardEvent) -> Option<MapAction> {
    if e.alt_key() || e.ctrl_key() || e.meta_key() {
        return None;
    }
    let step = if e.shift_key() { 0.3 } else { 0.1 };
    Some(match e.key().as_str() {
        "+" | "=" => MapAction::Zoom { factor: 1.5, now: now() },
        "-" | "_" | "−" => MapAction::Zoom { factor: 1.0 / 1.5, now: now() },
        "ArrowLeft" => MapAction::Pan { dx: -step, dy: 0.0 },
        "ArrowRight" => MapAction::Pan { dx: step, dy: 0.0 },
        "ArrowUp" => MapAction::Pan { dx: 0.0, dy: step },
        "ArrowDown" => MapAction::Pan { dx: 0.0, dy: -step },
        "0" | "Home" => MapAction::Home { now: now() },
        _ => return None,
    })
}

/// Card triggers of the map by kind: (stop id → number), (ISO code → number).
type TriggerNumbers = (Rc<Vec<(String, usize)>>, Rc<Vec<(String, usize)>>);

fn trigger_numbers(scene: &Scene, mentions: usize, cards: bool) -> TriggerNumbers {
    let (mut stops, mut countries) = (Vec::new(), Vec::new());
    if cards {
        for (trigger, number, _) in scene.numbered_triggers(mentions) {
            match trigger {
                Trigger::Stop(id) => stops.push((id, number)),
                Trigger::Country(iso) => countries.push((iso, number)),
            }
        }
    }
    (Rc::new(stops), Rc::new(countries))
}

/// What the map says in words.
struct Words {
    /// The chapter control's name ("2/3: …", or the overview).
    chapter_name: String,
    /// What the live region says.
    announcement: String,
    /// The caption's title.
    title: String,
    /// The figure's name for assistive technology.
    figure_name: String,
}

/// What the map says for `state`, in the widget's words `s`.
fn words(state: &MapState, loaded: &Shared, s: &Strings) -> Words {
    let chapters = state.chapters();
    let chapter_title = |i: usize| -> String {
        let section = &loaded.sections[chapters[i].section];
        if section.is_intro() {
            s.introduction.to_owned()
        } else {
            section.title.clone()
        }
    };
    let chapter_name = match state.chapter {
        Some(i) => s.chapter_k_of_n(i + 1, chapters.len(), &chapter_title(i)),
        None => s.overview.to_owned(),
    };
    let announcement = match &state.announcement {
        Announcement::Silent => String::new(),
        Announcement::Chapter(i) => s.map_shows(&chapter_title(*i), &chapters[*i].names),
        Announcement::Entity(name) => s.map_shows_entity(name),
    };
    // Without a title of its own, the map's caption says "Map", and its name for assistive
    // technology is the commentary it illustrates ("Map: Belarus-China Relations…", not "Map: Map").
    // The figure carries that name; the drawing inside it is "Map", described by its help.
    let own = state.scene().spec.title.clone();
    let title = own.clone().unwrap_or_else(|| s.map.to_owned());
    let figure_name = own.unwrap_or_else(|| format!("{}: {}", s.map, loaded.front.title));
    Words { chapter_name, announcement, title, figure_name }
}

/// The map's keys ([`key_action`]) as a handler for its `keydown`.
fn on_keys(on_action: &Callback<MapAction>) -> Callback<KeyboardEvent> {
    let on_action = on_action.clone();
    Callback::from(move |e: KeyboardEvent| {
        if let Some(action) = key_action(&e) {
            e.prevent_default();
            on_action.emit(action);
        }
    })
}

/// The map's state, started from what the reader was shown: the server's drawing for a reading
/// page being hydrated, the view and size the map had before a change of language, or nothing
/// measured yet.
#[hook]
fn use_map_state(reader: &ReaderContext, scene: &Rc<Scene>) -> UseReducerHandle<Held> {
    let (scene, sections) = (scene.clone(), reader.loaded.clone());
    let prerendered = reader.prerendered;
    let (view, size) = reader.restore.as_ref().map_or((None, None), |r| (r.view, r.size));
    use_reducer(move || {
        let mut state = MapState::new(scene.clone(), Rc::new(chapters(&scene, &sections.sections)), reduced_motion());
        // After a change of language: where the reader had the map.
        if let Some(view) = view {
            state.view = view;
        }
        // … and at the size it had: measured already, nothing moves when the frame is.
        Held(Rc::new(match size {
            Some(size) => state.drawn_at(size),
            None if prerendered => state.prerendered(),
            None => state,
        }))
    })
}

/// What the map draws for its state: the countries (drawn once) and the overlay's layout, or
/// for a reading page being hydrated, the page's countries kept instead.
#[derive(PartialEq)]
struct Drawing {
    /// The country shapes (none when kept, or before the frame is measured).
    shapes: Same<Vec<CountryShape>>,
    /// The first render was a hydration: what never changes while the map is shown (the
    /// countries, the legend, the map as text) is the page's, kept; the countries are never
    /// projected here.
    keep_land: bool,
    /// The overlay's layout for the view, size and label widths. A reading page's overlay is
    /// hydrated, not kept: laid out again at the frame's measured size, it is updated in place
    /// (attributes), one part per task, rather than drawn anew in one.
    layout: Same<Layout>,
    /// Moves the countries from land coordinates to the view's.
    transform: String,
}

/// Draws the map's `state`. When the first render is a hydration (`keep`, read once), the
/// countries are kept as the page has them for good (they never change: another size or view is
/// a transform).
#[hook]
fn use_drawing(state: &MapState, keep: bool) -> Drawing {
    let keep_land = *use_state(|| keep);
    let scene = state.scene().clone();
    let (w, h) = state.size;
    let land = scene::land_conic(&scene);
    let shapes = {
        let scene = scene.clone();
        use_memo(state.measured && !keep_land, move |draw| if *draw { scene::countries(&scene, &land) } else { Vec::new() })
    };
    let layout = {
        let (scene, widths) = (scene.clone(), state.widths.clone());
        use_memo((state.view, (w, h), Rc::as_ptr(&widths) as usize), move |(view, (w, h), _)| {
            scene::overlay_with(&scene, *view, *w, *h, &*widths)
        })
    };
    let (k, dx, dy) = scene::view_conic(&scene, state.view, w, h).relative_to(&land);
    let transform = format!("translate({} {}) scale({})", num(dx), num(dy), decimal(k, 4));
    Drawing { shapes: Same(shapes), keep_land, layout: Same(layout), transform }
}

#[derive(Properties, PartialEq)]
struct MapFrameProps {
    strings: &'static Strings,
    /// The commentary's language (the map's names are in it).
    lang: AttrValue,
    /// The frame's size.
    size: (f64, f64),
    /// The view's bounds, for `data-view`.
    view: String,
    live: bool,
    /// Dispatches to the map's reducer.
    on_action: Callback<MapAction>,
    /// `MapState::focus_requests`.
    focus_requests: u32,
    /// The open card and the highlighted entity.
    marks: Marks,
    measured: bool,
    drawing: Drawing,
    scene: Same<Scene>,
    stop_triggers: Same<Vec<(String, usize)>>,
    country_triggers: Same<Vec<(String, usize)>>,
    /// Show the wheel hint.
    hint: bool,
}

/// The map's frame: the drawing and its credit, with the hooks that watch them (its size, the
/// gestures, focus, the marks, the labels' widths). A component of its own, as `MapBody` is, so
/// that hydrating a reading page adopts the drawing in a task apart from the rest of the map
/// (the map was one task of 50-75 ms at 4x, most of it V8 compiling the code it ran for the
/// first time).
#[function_component]
fn MapFrame(props: &MapFrameProps) -> Html {
    let MapFrameProps { strings: s, lang, size: (w, h), view, live, on_action, measured, drawing, scene, .. } = props;
    let (w, h) = (*w, *h);
    let scene = &scene.0;
    let (frame_ref, svg_ref) = (use_node_ref(), use_node_ref());
    use_frame_size(frame_ref.clone(), *measured, on_action.clone());
    use_gestures(svg_ref.clone(), on_action.clone());
    use_focus_requests(props.focus_requests, svg_ref.clone());
    use_trigger_marks(svg_ref.clone(), props.marks.clone(), *live);
    use_label_widths(*measured, svg_ref.clone(), scene.clone(), on_action.clone());
    let on_key = on_keys(on_action);
    html! {
        <div ref={frame_ref} class="cr-map-frame">
            <svg ref={svg_ref} part="map" class="cr-map-svg" lang={lang.clone()} viewBox={format!("0 0 {} {}", num(w), num(h))}
                 role="group" aria-label={s.map} aria-describedby="cr-map-help"
                 tabindex={live.then_some("0")} data-view={view.clone()} onkeydown={on_key}>
                <rect class="cr-sea-bg" x="0" y="0" width={num(w)} height={num(h)} />
                if *measured {
                    <g class="cr-countries" transform={drawing.transform.clone()}>
                        // In land coordinates; the locator shows them again (`<use>`).
                        <g id="cr-land">
                            <Suspense><Countries shapes={drawing.shapes.clone()} scene={props.scene.clone()} triggers={props.country_triggers.clone()} keep={drawing.keep_land} /></Suspense>
                        </g>
                    </g>
                    <Overlay scene={props.scene.clone()} layout={drawing.layout.clone()} stop_triggers={props.stop_triggers.clone()} height={h} strings={*s} />
                }
            </svg>
            <p class="cr-map-credit">{ s.map_attribution }</p>
            if props.hint {
                <p class="cr-map-hint" aria-hidden="true">{ s.wheel_hint }</p>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct MapBodyProps {
    reader: ReaderContext,
    state: Same<MapState>,
    scene: Same<Scene>,
    /// The open card and the highlighted entity.
    marks: Marks,
    /// Dispatches to the map's reducer.
    on_action: Callback<MapAction>,
    /// The chapter control's name.
    chapter_name: AttrValue,
}

/// The map's body under its caption: the frame, the controls, the legend and the map as text.
/// A component of its own, as `MapFrame` is, so that hydrating it is a task apart from the
/// map's state and caption.
#[function_component]
fn MapBody(props: &MapBodyProps) -> Html {
    let MapBodyProps { reader, state, scene, on_action, .. } = props;
    let (state, scene) = (&*state.0, &scene.0);
    let (s, loaded) = (reader.strings, &reader.loaded);
    let (w, h) = state.size;
    let view = state.view;
    let drawing = use_drawing(state, reader.keep_text);
    let keep_land = drawing.keep_land;
    let (stop_triggers, country_triggers) = {
        let scene = scene.clone();
        let mentions = loaded.linked.mentions.by_ordinal.len();
        (*use_memo(reader.options.cards, move |cards| trigger_numbers(&scene, mentions, *cards))).clone()
    };
    let text_lang = AttrValue::from(loaded.front.lang.clone());
    let view_attr = format!("{},{},{},{}", num(view.min.lon), num(view.min.lat), num(view.max.lon), num(view.max.lat));
    html! {
        <div id="cr-map-body" class="cr-map-body" hidden={state.collapsed}>
            <MapFrame strings={s} lang={text_lang.clone()} size={(w, h)} view={view_attr} live={reader.live} on_action={on_action.clone()}
                      focus_requests={state.focus_requests} marks={props.marks.clone()} measured={state.measured} drawing={drawing} scene={Same(scene.clone())}
                      stop_triggers={Same(stop_triggers.clone())} country_triggers={Same(country_triggers.clone())} hint={state.hint} />
            // Read once, as the map's description: `hidden` keeps it out of the reading order.
            <p id="cr-map-help" hidden=true>{ s.map_help }</p>
            <Controls strings={s} chapters={state.chapters().len()} chapter_name={props.chapter_name.clone()}
                      can_step={(state.can_step(-1), state.can_step(1))} on_action={on_action.clone()} />
            // Neither changes while the map is shown: a reading page's are kept as they are.
            <Suspense><Legend scene={scene.clone()} strings={s} lang={text_lang.clone()} keep={keep_land} /></Suspense>
            <Suspense>
                <TextAlternative scene={scene.clone()} strings={s} lang={text_lang.clone()} stops={stop_triggers.clone()} countries={country_triggers.clone()}
                                 offset={stop_triggers.len() + country_triggers.len()} keep={keep_land} />
            </Suspense>
        </div>
    }
}

/// The map: its state and the hooks that drive it, its caption and its live region; the rest
/// is `MapBody`.
#[function_component]
pub fn Map(props: &MapProps) -> Html {
    let reader = &props.reader;
    let s = reader.strings;
    let loaded = &reader.loaded;
    let scene = scene_of(loaded).expect("the map is only rendered for a drawable scene");
    let map = use_map_state(reader, &scene);
    let state = &map.0;
    let on_action = {
        let dispatcher = map.dispatcher();
        Callback::from(move |action| dispatcher.dispatch(action))
    };
    let figure_ref = use_node_ref();
    let slugs = use_memo(loaded.clone(), |loaded| loaded.sections.iter().map(|s| s.slug.clone()).collect::<Vec<_>>());

    use_animation_frames(state.easing.is_some(), on_action.clone());
    use_reading_chapter(figure_ref.clone(), slugs, state.chapters().clone(), on_action.clone());

    use_show_on_map(props.show.clone(), scene.clone(), loaded.clone(), on_action.clone());

    // Kept where a change of language finds it.
    {
        let kept = reader.view.clone();
        use_effect_with((state.view, state.size), move |(view, size)| kept.set(Some((*view, *size))));
    }
    let chapters = state.chapters();
    let Words { chapter_name, announcement, title, figure_name } = words(state, loaded, s);
    let chapter_slug = state.chapter.map(|i| loaded.sections[chapters[i].section].slug.clone());
    let collapsed = state.collapsed;

    html! {
        <figure ref={figure_ref} class={classes!("cr-map", collapsed.then_some("cr-collapsed"))} data-chapter={chapter_slug} aria-label={figure_name}>
            // The caption is the figure's first child (its title and the toggle). The title is
            // read once, as the figure's name: the visible words are hidden from assistive
            // technology and the drawing is named "Map" alone.
            <figcaption class="cr-map-head">
                <span class="cr-map-title" aria-hidden="true">{ title.clone() }</span>
                <button type="button" class="cr-map-toggle" aria-expanded={(!collapsed).to_string()} aria-controls="cr-map-body"
                        onclick={on_action.reform(|_: MouseEvent| MapAction::ToggleCollapsed)}>
                    { if collapsed { s.show_map } else { s.hide_map } }
                </button>
            </figcaption>
            <MapBody reader={reader.clone()} state={Same(state.clone())} scene={Same(scene.clone())} marks={props.marks.clone()}
                     on_action={on_action.clone()} chapter_name={AttrValue::from(chapter_name)} />
            <p class="cr-visually-hidden" aria-live="polite">{ announcement }</p>
        </figure>
    }
}
