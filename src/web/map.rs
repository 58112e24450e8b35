//! The corridor mini-map: an `<svg part="map">` drawn from `geo::scene`, with zoom and pan
//! (buttons, keyboard, Ctrl/⌘ + wheel, drag, pinch), chapters that follow the reading, a
//! legend and a text alternative.
//!
//! The geometry is pure (`crate::geo`); this component only measures, listens and renders.
//! Countries are projected once per frame size and moved with an SVG transform, so zooming and
//! easing redraw only routes, markers and labels. Markers and highlighted countries that stand
//! for a catalog entity carry `data-mention` numbers after the text's mentions: the
//! commentary's delegated handlers open their cards exactly as for mentions.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use gloo::render::{request_animation_frame, AnimationFrame};
use gloo::timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, IntersectionObserver, IntersectionObserverInit, PointerEvent, ResizeObserver, WheelEvent};
use yew::prelude::*;

use super::fetch::Shared;
use crate::geo::projection::{Bounds, Point};
use crate::geo::scene::{self, CountryShape, Scene, Trigger};
use crate::geo::spec::RouteKind;
use crate::geo::draw::{decimal, num};
use crate::geo::view;
use crate::i18n::Strings;

/// How long an eased move takes.
const EASE_MS: f64 = 700.0;
/// Where the reading line sits, as a fraction of the viewport's height from its top.
const READING_LINE: f64 = 0.35;

#[derive(Properties, PartialEq)]
pub struct MapProps {
    pub loaded: Shared,
    pub strings: &'static Strings,
    /// "Show on map" requests from cards: a serial number (so repeating one works) and the entity.
    pub show: Option<(u32, AttrValue)>,
    /// Markers and countries open cards (the element's `cards` attribute).
    #[prop_or(true)]
    pub cards: bool,
}

fn now() -> f64 {
    js_sys::Date::now()
}

fn reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// The scene of a loaded commentary (the component is only rendered when there is one).
fn scene_of(loaded: &Shared) -> Option<Rc<Scene>> {
    loaded.map.as_ref()?.as_ref().ok().cloned()
}

/// The countries, projected once per frame size: only re-rendered when the shapes change.
#[derive(Properties)]
struct CountriesProps {
    shapes: Rc<Vec<CountryShape>>,
    scene: Rc<Scene>,
    /// ISO code → trigger number, for highlighted countries that open a card.
    triggers: Rc<Vec<(String, usize)>>,
}

impl PartialEq for CountriesProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.shapes, &other.shapes) && Rc::ptr_eq(&self.scene, &other.scene)
    }
}

#[function_component]
fn Countries(props: &CountriesProps) -> Html {
    let scene = &props.scene;
    props
        .shapes
        .iter()
        .map(|c| {
            // Plain countries get a literal class: Yew builds a set for every computed one, and
            // there are a hundred and more of them.
            let class = c.highlight.map(|h| {
                let emphasis = if scene.spec.highlights[h].emphasis { " cr-emphasis" } else { "" };
                format!("cr-country cr-hl cr-hl-{}{emphasis}", h % 6)
            });
            let groups = scene.groups_of(&c.iso).join(" ");
            let groups = (!groups.is_empty()).then_some(groups);
            let entity = scene.country_entity.get(&c.iso).cloned();
            // Countries that open a card are buttons; the rest carry none of these attributes.
            let trigger = props.triggers.iter().find(|(iso, _)| *iso == c.iso).map(|(_, m)| m.to_string());
            let button = trigger.is_some();
            let (tabindex, role, popup, expanded) =
                if button { (Some("0"), Some("button"), Some("dialog"), Some("false")) } else { (None, None, None, None) };
            let label = button.then(|| c.name.clone());
            match class {
                Some(class) => html! {
                    <path class={class} d={c.d.clone()} data-country={c.iso.clone()} data-entity={entity} data-groups={groups} data-mention={trigger}
                          tabindex={tabindex} role={role} aria-label={label} aria-haspopup={popup} aria-expanded={expanded} />
                },
                None => html! {
                    <path class="cr-country" d={c.d.clone()} data-country={c.iso.clone()} data-entity={entity} data-groups={groups} data-mention={trigger}
                          tabindex={tabindex} role={role} aria-label={label} aria-haspopup={popup} aria-expanded={expanded} />
                },
            }
        })
        .collect()
}

/// Plays eased moves of the view, one frame at a time.
struct Mover {
    /// Where the view's centre may go (the base map's extent).
    limits: Bounds,
    view: RefCell<Bounds>,
    frame: RefCell<Option<AnimationFrame>>,
    set: Callback<Bounds>,
}

impl Mover {
    fn now(&self) -> Bounds {
        *self.view.borrow()
    }

    fn jump(&self, to: Bounds) {
        let to = view::keep_within(to, self.limits);
        self.frame.borrow_mut().take();
        *self.view.borrow_mut() = to;
        self.set.emit(to);
    }

    fn ease(self: &Rc<Self>, to: Bounds) {
        if reduced_motion() {
            self.jump(to);
            return;
        }
        let from = self.now();
        let start = now();
        self.step(from, view::keep_within(to, self.limits), start);
    }

    fn step(self: &Rc<Self>, from: Bounds, to: Bounds, start: f64) {
        let me = self.clone();
        let frame = request_animation_frame(move |_| {
            let t = ((now() - start) / EASE_MS).min(1.0);
            let v = view::ease(from, to, t);
            *me.view.borrow_mut() = v;
            me.set.emit(v);
            if t < 1.0 {
                me.step(from, to, start);
            } else {
                me.frame.borrow_mut().take();
            }
        });
        *self.frame.borrow_mut() = Some(frame);
    }
}

/// What a pointer gesture on the map is doing.
#[derive(Default)]
struct Gesture {
    /// Active pointers: id and last position in map units.
    pointers: Vec<(i32, Point)>,
    /// The pointer travelled far enough that its click should not open a card.
    dragged: bool,
}

/// The map.
#[function_component]
pub fn Map(props: &MapProps) -> Html {
    let s = props.strings;
    let scene = scene_of(&props.loaded).expect("the map is only rendered for a drawable scene");
    let first_trigger = props.loaded.linked.mentions.by_ordinal.len();
    let size = use_state(|| (420.0_f64, 360.0_f64));
    // Nothing is drawn before the frame is measured: drawing at a guessed size and again at the
    // real one would project and lay out every country twice before the widget is ready.
    let measured = use_state(|| false);
    let view_state = use_state(|| scene.home());
    let chapter = use_state(|| None::<usize>);
    let collapsed = use_state(|| false);
    let announcement = use_state(String::new);
    let hint = use_state(|| false);
    let frame_ref = use_node_ref();
    let svg_ref = use_node_ref();
    let figure_ref = use_node_ref();
    let mover = {
        let view_state = view_state.clone();
        let home = scene.home();
        let limits = scene.extent();
        use_memo((), move |_| Mover { limits, view: RefCell::new(home), frame: RefCell::new(None), set: Callback::from(move |v| view_state.set(v)) })
    };
    let geometry = use_mut_ref(|| (420.0_f64, 360.0_f64));
    let gesture = use_mut_ref(Gesture::default);
    let (w, h) = *size;
    let view = *view_state;

    // The chapters in map.toml order, and what each shows.
    let chapters: Rc<Vec<(usize, Bounds, String)>> = {
        let scene = scene.clone();
        let loaded = props.loaded.clone();
        use_memo((), move |_| {
            scene
                .spec
                .chapters
                .iter()
                .filter_map(|c| {
                    let section = loaded.sections.iter().position(|(slug, _)| *slug == c.section)?;
                    let bounds = scene.bounds_of(&c.focus)?;
                    let names: Vec<String> = c
                        .focus
                        .iter()
                        .filter_map(|id| scene.basemap.country(id).map(|k| k.name.clone()).or_else(|| scene.stop(id).map(|p| p.name.clone())))
                        .collect();
                    Some((section, bounds, names.join(", ")))
                })
                .collect::<Vec<_>>()
        })
        .clone()
    };
    let chapter_title = |i: usize| -> String {
        let (section, _, _) = &chapters[i];
        match &props.loaded.sections[*section] {
            (slug, _) if slug == "intro" => s.introduction.to_owned(),
            (_, title) => title.clone(),
        }
    };

    // Moving to a chapter: ease there and say so politely.
    let go_to_chapter = {
        let mover = mover.clone();
        let chapter = chapter.clone();
        let announcement = announcement.clone();
        let chapters = chapters.clone();
        let titles: Vec<String> = (0..chapters.len()).map(chapter_title).collect();
        Rc::new(move |i: usize, animate: bool| {
            let Some((_, bounds, names)) = chapters.get(i) else { return };
            if animate {
                mover.ease(*bounds);
            } else {
                mover.jump(*bounds);
            }
            chapter.set(Some(i));
            // The first placement, on load, is not news: only moves are announced.
            if animate {
                announcement.set(s.map_shows(&titles[i], names));
            }
        })
    };

    // An eased move in flight holds the mover: stop it when the map goes away.
    {
        let mover = mover.clone();
        use_effect_with((), move |_| move || drop(mover.frame.borrow_mut().take()));
    }

    // Measure the frame; the SVG's units are CSS pixels, so labels and targets keep their size.
    {
        let frame_ref = frame_ref.clone();
        let size = size.clone();
        let measured = measured.clone();
        let geometry = geometry.clone();
        use_effect_with((), move |_| {
            let frame = frame_ref.cast::<HtmlElement>().expect("the map frame is rendered");
            let first_done = std::cell::Cell::new(false);
            let measure = {
                let frame = frame.clone();
                move || {
                    let (fw, fh) = (f64::from(frame.client_width()), f64::from(frame.client_height()));
                    if fw >= 1.0 && fh >= 1.0 && *geometry.borrow() != (fw, fh) {
                        *geometry.borrow_mut() = (fw, fh);
                        size.set((fw, fh));
                    }
                    if !first_done.replace(true) {
                        measured.set(true);
                    }
                }
            };
            measure();
            let callback = Closure::<dyn FnMut()>::new(measure);
            let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
            if let Some(o) = &observer {
                o.observe(&frame);
            }
            move || {
                if let Some(o) = observer {
                    o.disconnect();
                }
                drop(callback);
            }
        });
    }

    // Follow the reading: an IntersectionObserver notices blocks crossing the reading line;
    // the pure `current_section`/`chapter_for` decide which chapter that is.
    {
        let figure_ref = figure_ref.clone();
        let go_to_chapter = go_to_chapter.clone();
        let loaded = props.loaded.clone();
        let chapters = chapters.clone();
        use_effect_with((), move |_| {
            let figure = figure_ref.cast::<Element>().expect("the map figure is rendered");
            let article = figure.closest(".cr").ok().flatten();
            let last: Rc<RefCell<Option<Option<usize>>>> = Rc::new(RefCell::new(None));
            let check = {
                let article = article.clone();
                move || {
                    let Some(article) = &article else { return };
                    let Ok(headings) = article.query_selector_all(".cr-body > .cr-h") else { return };
                    let line = web_sys::window().and_then(|w| w.inner_height().ok()).and_then(|h| h.as_f64()).unwrap_or(800.0) * READING_LINE;
                    let tops: Vec<(String, f64)> = (0..headings.length())
                        .filter_map(|i| headings.get(i)?.dyn_into::<Element>().ok())
                        .map(|h| (h.id(), h.get_bounding_client_rect().top() - line))
                        .collect();
                    let borrowed: Vec<(&str, f64)> = tops.iter().map(|(id, t)| (id.as_str(), *t)).collect();
                    let section = view::current_section(&borrowed);
                    let sections: Vec<&str> = loaded.sections.iter().map(|(slug, _)| slug.as_str()).collect();
                    let names: Vec<&str> = chapters.iter().map(|(i, _, _)| sections[*i]).collect();
                    let now = view::chapter_for(&sections, &names, section);
                    let first = last.borrow().is_none();
                    if *last.borrow() != Some(now) {
                        *last.borrow_mut() = Some(now);
                        if let Some(i) = now {
                            // The first placement is not a move the reader asked for: no animation.
                            go_to_chapter(i, !first);
                        }
                    }
                }
            };
            let callback = Closure::<dyn FnMut()>::new(check);
            let init = IntersectionObserverInit::new();
            // Any block entering, leaving or moving a tenth of its height through the viewport
            // wakes the check; the headings' positions then decide. (A thin band at the reading
            // line misses jumps that land it in the margin between two blocks.)
            let thresholds = js_sys::Array::new();
            for i in 0..=10 {
                thresholds.push(&JsValue::from_f64(f64::from(i) / 10.0));
            }
            init.set_threshold(&thresholds);
            let observer = IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init).ok();
            if let (Some(o), Some(article)) = (&observer, &article) {
                if let Ok(blocks) = article.query_selector_all(".cr-body > *") {
                    for i in 0..blocks.length() {
                        if let Some(b) = blocks.get(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                            o.observe(&b);
                        }
                    }
                }
            }
            move || {
                if let Some(o) = observer {
                    o.disconnect();
                }
                drop(callback);
            }
        });
    }

    // "Show on map" from a card.
    {
        let mover = mover.clone();
        let scene = scene.clone();
        let collapsed = collapsed.clone();
        let announcement = announcement.clone();
        let svg_ref = svg_ref.clone();
        let loaded = props.loaded.clone();
        use_effect_with(props.show.clone(), move |show| {
            if let Some((_, entity)) = show {
                if let Some(bounds) = scene.bounds_of_entity(entity) {
                    collapsed.set(false);
                    mover.ease(bounds);
                    // Focus moves to the map (the card that had it is gone): keyboard users can
                    // zoom on at once, and it scrolls into view on phones. After the render
                    // that un-collapses it.
                    if let Some(svg) = svg_ref.cast::<Element>() {
                        Timeout::new(0, move || {
                            let _ = svg.unchecked_into::<HtmlElement>().focus();
                        })
                        .forget();
                    }
                    let name = loaded.catalog.index_of(entity).map(|i| loaded.catalog.get(i).name.clone()).unwrap_or_default();
                    announcement.set(s.map_shows_entity(&name));
                }
            }
        });
    }

    // Pointer gestures and the wheel, on the SVG itself (the wheel listener must not be passive).
    {
        let svg_ref = svg_ref.clone();
        let mover = mover.clone();
        let scene = scene.clone();
        let geometry = geometry.clone();
        let gesture = gesture.clone();
        let hint = hint.clone();
        use_effect_with((), move |_| {
            let svg = svg_ref.cast::<Element>().expect("the map is rendered");
            let local = {
                let svg = svg.clone();
                move |x: i32, y: i32| {
                    let r = svg.get_bounding_client_rect();
                    Point { x: f64::from(x) - r.left(), y: f64::from(y) - r.top() }
                }
            };
            let conic = {
                let scene = scene.clone();
                let geometry = geometry.clone();
                let mover = mover.clone();
                move || {
                    let (w, h) = *geometry.borrow();
                    scene::view_conic(&scene, mover.now(), w, h)
                }
            };
            let down = {
                let gesture = gesture.clone();
                let local = local.clone();
                let svg = svg.clone();
                EventListener::new(&svg, "pointerdown", move |e| {
                    let e: &PointerEvent = e.unchecked_ref();
                    if e.pointer_type() == "mouse" && e.button() != 0 {
                        return;
                    }
                    let mut g = gesture.borrow_mut();
                    if g.pointers.is_empty() {
                        g.dragged = false;
                    }
                    g.pointers.retain(|(id, _)| *id != e.pointer_id());
                    g.pointers.push((e.pointer_id(), local(e.client_x(), e.client_y())));
                })
            };
            let moved = {
                let gesture = gesture.clone();
                let mover = mover.clone();
                let conic = conic.clone();
                let local = local.clone();
                let svg = svg.clone();
                EventListener::new(&svg, "pointermove", move |e| {
                    let e: &PointerEvent = e.unchecked_ref();
                    let mut g = gesture.borrow_mut();
                    let Some(i) = g.pointers.iter().position(|(id, _)| *id == e.pointer_id()) else { return };
                    let at = local(e.client_x(), e.client_y());
                    let before = g.pointers[i].1;
                    let projection = conic();
                    match g.pointers.len() {
                        1 if e.pointer_type() != "touch" => {
                            if !g.dragged && (at.x - before.x).hypot(at.y - before.y) < 4.0 {
                                return;
                            }
                            if !g.dragged {
                                g.dragged = true;
                                let _ = e.target().and_then(|t| t.dyn_into::<Element>().ok()).map(|t| t.set_pointer_capture(e.pointer_id()));
                            }
                            let (a, b) = (projection.invert(before), projection.invert(at));
                            mover.jump(view::shift(mover.now(), a.lon - b.lon, a.lat - b.lat));
                        }
                        2 => {
                            let other = g.pointers[1 - i].1;
                            let (d0, d1) = ((before.x - other.x).hypot(before.y - other.y), (at.x - other.x).hypot(at.y - other.y));
                            if d0 > 1.0 {
                                g.dragged = true;
                                let mid = projection.invert(Point { x: (at.x + other.x) / 2.0, y: (at.y + other.y) / 2.0 });
                                mover.jump(view::zoom(mover.now(), d1 / d0, mid));
                            }
                        }
                        _ => {}
                    }
                    g.pointers[i].1 = at;
                })
            };
            let up = {
                let gesture = gesture.clone();
                move |e: &Event| {
                    let e: &PointerEvent = e.unchecked_ref();
                    gesture.borrow_mut().pointers.retain(|(id, _)| *id != e.pointer_id());
                }
            };
            let ups = ["pointerup", "pointercancel"].map(|name| EventListener::new(&svg, name, up.clone()));
            // A drag that ends on a marker is not a click on it.
            let click = {
                let gesture = gesture.clone();
                let options = EventListenerOptions::run_in_capture_phase();
                EventListener::new_with_options(&svg, "click", options, move |e| {
                    if std::mem::take(&mut gesture.borrow_mut().dragged) {
                        e.stop_propagation();
                    }
                })
            };
            let wheel = {
                let mover = mover.clone();
                let hint = hint.clone();
                let timer: Rc<RefCell<Option<Timeout>>> = Rc::default();
                let options = EventListenerOptions { phase: gloo::events::EventListenerPhase::Bubble, passive: false };
                EventListener::new_with_options(&svg, "wheel", options, move |e| {
                    let e: &WheelEvent = e.unchecked_ref();
                    // Scrolling the page over the map scrolls the page; Ctrl/⌘ (and a trackpad
                    // pinch, which browsers report with Ctrl) zooms the map.
                    if !(e.ctrl_key() || e.meta_key()) {
                        hint.set(true);
                        let hint = hint.clone();
                        *timer.borrow_mut() = Some(Timeout::new(1500, move || hint.set(false)));
                        return;
                    }
                    e.prevent_default();
                    let lines = if e.delta_mode() == 1 { 16.0 } else { 1.0 };
                    let factor = (-e.delta_y() * lines * 0.002).exp();
                    let about = conic().invert(local(e.client_x(), e.client_y()));
                    mover.jump(view::zoom(mover.now(), factor, about));
                })
            };
            move || drop((down, moved, ups, click, wheel))
        });
    }

    // Country shapes in home-view coordinates, redrawn only when the frame's size changes.
    let home = scene::home_conic(&scene, w, h);
    let shapes = {
        let scene = scene.clone();
        use_memo(((w * 4.0) as i64, (h * 4.0) as i64, *measured), move |(_, _, measured)| if *measured { scene::countries(&scene, &home) } else { Vec::new() })
    };
    let triggers: Rc<Vec<(Trigger, usize)>> = {
        let scene = scene.clone();
        let cards = props.cards;
        use_memo((), move |_| {
            if !cards {
                return Vec::new();
            }
            scene.triggers().into_iter().enumerate().map(|(i, (t, _))| (t, first_trigger + i)).collect::<Vec<_>>()
        })
    };
    let country_triggers: Rc<Vec<(String, usize)>> = {
        let triggers = triggers.clone();
        use_memo((), move |_| {
            triggers
                .iter()
                .filter_map(|(t, m)| match t {
                    Trigger::Country(iso) => Some((iso.clone(), *m)),
                    Trigger::Stop(_) => None,
                })
                .collect::<Vec<_>>()
        })
    };
    let overlay = scene::overlay(&scene, view, w, h);
    let (k, dx, dy) = overlay.conic.relative_to(&home);
    let transform = format!("translate({} {}) scale({})", num(dx), num(dy), decimal(k, 4));

    let zoom_by = |factor: f64| {
        let mover = mover.clone();
        Callback::from(move |_: MouseEvent| mover.ease(view::zoom(mover.now(), factor, view::centre(mover.now()))))
    };
    let reset = {
        let mover = mover.clone();
        let home = scene.home();
        Callback::from(move |_: MouseEvent| mover.ease(home))
    };
    let on_key = {
        let mover = mover.clone();
        let home = scene.home();
        Callback::from(move |e: KeyboardEvent| {
            if e.alt_key() || e.ctrl_key() || e.meta_key() {
                return;
            }
            let v = mover.now();
            let step = if e.shift_key() { 0.3 } else { 0.1 };
            let next = match e.key().as_str() {
                "+" | "=" => view::zoom(v, 1.5, view::centre(v)),
                "-" | "_" | "−" => view::zoom(v, 1.0 / 1.5, view::centre(v)),
                "ArrowLeft" => view::pan(v, -step, 0.0),
                "ArrowRight" => view::pan(v, step, 0.0),
                "ArrowUp" => view::pan(v, 0.0, step),
                "ArrowDown" => view::pan(v, 0.0, -step),
                "0" | "Home" => home,
                _ => return,
            };
            e.prevent_default();
            if e.key().starts_with("Arrow") {
                mover.jump(next);
            } else {
                mover.ease(next);
            }
        })
    };
    let chapter_step = |delta: isize| {
        let go = go_to_chapter.clone();
        let current = *chapter;
        let n = chapters.len();
        Callback::from(move |_: MouseEvent| {
            let next = match current {
                None if delta > 0 => Some(0),
                None => None,
                Some(i) => i.checked_add_signed(delta).filter(|j| *j < n),
            };
            if let Some(j) = next {
                go(j, true);
            }
        })
    };
    let toggle = {
        let collapsed = collapsed.clone();
        Callback::from(move |_: MouseEvent| collapsed.set(!*collapsed))
    };

    let stop_trigger = |id: &str| {
        triggers.iter().find_map(|(t, m)| match t {
            Trigger::Stop(s) if s == id => Some(*m),
            _ => None,
        })
    };
    let markers = overlay.markers.iter().filter_map(|m| {
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
        let tip = match &stop.note {
            Some(note) => format!("{} — {note}", stop.name),
            None => stop.name.clone(),
        };
        Some(match stop_trigger(&m.id) {
            Some(ordinal) => html! {
                <g key={m.id.clone()} class={kind} transform={at} data-place={m.id.clone()} data-entity={stop.entity.clone()}
                   data-mention={ordinal.to_string()} tabindex="0" role="button" aria-label={stop.name.clone()}
                   aria-haspopup="dialog" aria-expanded="false">
                    <circle class="cr-hit" r="12" />
                    { symbol }
                </g>
            },
            None => html! {
                <g key={m.id.clone()} class={kind} transform={at} data-place={m.id.clone()}>
                    <title>{ tip }</title>
                    <circle class="cr-hit" r="12" />
                    { symbol }
                </g>
            },
        })
    });
    let routes = overlay.routes.iter().map(|r| {
        let kind = match r.kind {
            RouteKind::Rail => "cr-rail",
            RouteKind::Sea => "cr-sea",
            RouteKind::Road => "cr-road",
        };
        let name = scene.routes.iter().find(|x| x.id == r.id).map(|x| x.name.clone()).unwrap_or_default();
        html! {
            <g key={r.id.clone()} class={classes!("cr-route", kind)} data-route={r.id.clone()}>
                <title>{ name }</title>
                <path class="cr-route-casing" d={r.d.clone()} />
                <path class="cr-route-line" d={r.d.clone()} />
                { for r.marks.iter().map(|(p, deg)| html! {
                    <path class="cr-chevron" d="M-3.5 -3.5 L1.5 0 L-3.5 3.5"
                          transform={format!("translate({} {}) rotate({})", num(p.x), num(p.y), num(*deg))} />
                }) }
            </g>
        }
    });
    let labels = overlay.labels.iter().map(|l| {
        if l.country {
            html! { <text class="cr-label cr-label-country" x={num(l.x)} y={num(l.y)} text-anchor={l.anchor}>{ l.text.clone() }</text> }
        } else {
            html! { <text class="cr-label" x={num(l.x)} y={num(l.y)} text-anchor={l.anchor}>{ l.text.clone() }</text> }
        }
    });
    let (km, length) = overlay.scale;
    let scale_y = h - 14.0;
    let title = scene.spec.title.clone().unwrap_or_else(|| s.map.to_owned());
    let view_attr = format!("{},{},{},{}", num(view.min.lon), num(view.min.lat), num(view.max.lon), num(view.max.lat));
    let chapter_slug = chapter.and_then(|i| chapters.get(i)).map(|(section, _, _)| props.loaded.sections[*section].0.clone());

    // Legend: highlight groups, then the kinds of route and marker this map uses.
    let kinds = scene.legend_kinds();
    let legend = html! {
        <ul class="cr-legend" aria-label={s.legend}>
            { for scene.spec.highlights.iter().enumerate().map(|(i, hl)| html! {
                <li><span class={classes!("cr-swatch", format!("cr-hl-{}", i % 6), hl.emphasis.then_some("cr-emphasis"))} aria-hidden="true" />{ hl.label.clone() }</li>
            }) }
            { for kinds.iter().map(|k| {
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
    };

    // The text alternative: everything the map says, as lists.
    let text_alternative = html! {
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
    };

    let n = chapters.len();
    html! {
        <figure ref={figure_ref} class={classes!("cr-map", collapsed.then_some("cr-collapsed"))} data-chapter={chapter_slug} aria-labelledby="cr-map-title">
            <div class="cr-map-head">
                <figcaption id="cr-map-title" class="cr-map-title">{ title.clone() }</figcaption>
                <button type="button" class="cr-map-toggle" aria-expanded={(!*collapsed).to_string()} aria-controls="cr-map-body" onclick={toggle}>
                    { if *collapsed { s.show_map } else { s.hide_map } }
                </button>
            </div>
            <div id="cr-map-body" class="cr-map-body" hidden={*collapsed}>
                <div ref={frame_ref} class="cr-map-frame">
                    <svg ref={svg_ref} part="map" class="cr-map-svg" viewBox={format!("0 0 {} {}", num(w), num(h))}
                         role="group" aria-label={format!("{}: {title}", s.map)} aria-describedby="cr-map-help"
                         tabindex="0" data-view={view_attr} onkeydown={on_key}>
                        <rect class="cr-sea-bg" x="0" y="0" width={num(w)} height={num(h)} />
                        if *measured {
                            <g class="cr-countries" transform={transform}>
                                <Countries shapes={shapes} scene={scene.clone()} triggers={country_triggers} />
                            </g>
                            <g class="cr-routes">{ for routes }</g>
                            <g class="cr-labels" aria-hidden="true">{ for labels }</g>
                            <g class="cr-markers">{ for markers }</g>
                            <g class="cr-scale" aria-hidden="true">
                                <path d={format!("M12 {y0} V{y} H{x1} V{y0}", y0 = num(scale_y - 4.0), y = num(scale_y), x1 = num(12.0 + length))} />
                                <text x="12" y={num(scale_y - 7.0)}>{ format!("{} {}", s.number(km), s.km) }</text>
                            </g>
                        }
                    </svg>
                    <p class="cr-map-credit">{ s.map_attribution }</p>
                    if *hint {
                        <p class="cr-map-hint" aria-hidden="true">{ s.wheel_hint }</p>
                    }
                </div>
                <p id="cr-map-help" class="cr-visually-hidden">{ s.map_help }</p>
                <div class="cr-map-controls">
                    <div class="cr-zoom" role="group" aria-label={s.zoom}>
                        <button type="button" aria-label={s.zoom_in} onclick={zoom_by(1.5)}>
                            <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M3 8h10M8 3v10" /></svg>
                        </button>
                        <button type="button" aria-label={s.zoom_out} onclick={zoom_by(1.0 / 1.5)}>
                            <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M3 8h10" /></svg>
                        </button>
                        <button type="button" class="cr-reset" onclick={reset}>{ s.reset_view }</button>
                    </div>
                    if n > 0 {
                        <div class="cr-chapters" role="group" aria-label={s.chapters}>
                            <button type="button" aria-label={s.previous_chapter} onclick={chapter_step(-1)} disabled={chapter.is_none_or(|i| i == 0)}>
                                <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M10 3L5 8l5 5" /></svg>
                            </button>
                            { {
                                let name = match *chapter {
                                    Some(i) => s.chapter_k_of_n(i + 1, n, &chapter_title(i)),
                                    None => s.overview.to_owned(),
                                };
                                html! { <span class="cr-chapter-name" title={name.clone()}>{ name }</span> }
                            } }
                            <button type="button" aria-label={s.next_chapter} onclick={chapter_step(1)} disabled={chapter.is_some_and(|i| i + 1 >= n)}>
                                <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M6 3l5 5-5 5" /></svg>
                            </button>
                        </div>
                    }
                </div>
                { legend }
                { text_alternative }
            </div>
            <p class="cr-visually-hidden" aria-live="polite">{ (*announcement).clone() }</p>
        </figure>
    }
}
