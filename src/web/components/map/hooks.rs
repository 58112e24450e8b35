//! The map's observers and listeners, each a hook that turns what the browser reports into
//! `MapAction`s and lets go of everything when the map goes away.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use gloo::render::{request_animation_frame, AnimationFrame};
use gloo::timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, IntersectionObserver, IntersectionObserverInit, PointerEvent, ResizeObserver, WheelEvent};
use yew::prelude::*;

use crate::geo::metrics::Measured;
use crate::geo::projection::Point;
use crate::geo::scene::Scene;
use crate::geo::view;
use crate::ui::map_state::{Arrival, Chapter, MapAction, DRAG_THRESHOLD};
use crate::web::context::{Shared, ShowOnMap};
use crate::web::now;

/// Where the reading line sits, as a fraction of the viewport's height from its top.
const READING_LINE: f64 = 0.35;

/// Reports the size of the element behind `frame` whenever it changes (a `ResizeObserver`; the
/// SVG's units are CSS pixels, so labels and targets keep their size), and at once if nothing is
/// drawn yet (`drawn` false). A map already drawn (a reading page's, at its prerendered size) waits
/// for the observer's first report, after the browser's next layout, instead of forcing one in
/// the middle of the hydration.
#[hook]
pub fn use_frame_size(frame: NodeRef, drawn: bool, on_action: Callback<MapAction>) {
    use_effect_with((), move |_| {
        let element = frame.cast::<HtmlElement>().expect("the map frame is rendered");
        let measure = {
            let element = element.clone();
            move || {
                on_action.emit(MapAction::Resize { width: f64::from(element.client_width()), height: f64::from(element.client_height()) })
            }
        };
        if !drawn {
            measure();
        }
        let callback = Closure::<dyn FnMut()>::new(measure);
        let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
        if let Some(o) = &observer {
            o.observe(&element);
        }
        move || {
            if let Some(o) = observer {
                o.disconnect();
            }
            drop(callback);
        }
    });
}

/// Asks for animation frames while `active` (an eased move is in flight).
#[hook]
pub fn use_animation_frames(active: bool, on_action: Callback<MapAction>) {
    use_effect_with(active, move |active| {
        let frame: Rc<RefCell<Option<AnimationFrame>>> = Rc::default();
        fn next(frame: Rc<RefCell<Option<AnimationFrame>>>, on_action: Callback<MapAction>) {
            let again = frame.clone();
            *frame.borrow_mut() = Some(request_animation_frame(move |_| {
                on_action.emit(MapAction::Frame { now: now() });
                next(again, on_action);
            }));
        }
        if *active {
            next(frame.clone(), on_action);
        }
        move || drop(frame.borrow_mut().take())
    });
}

/// Follows the reading: an IntersectionObserver notices blocks of the article crossing the
/// viewport; the pure `view::current_section`/`view::chapter_for` decide which chapter that is.
/// The first placement is reported as not caused by the reader (no easing, no announcement).
#[hook]
pub fn use_reading_chapter(figure: NodeRef, sections: Rc<Vec<String>>, chapters: Rc<Vec<Chapter>>, on_action: Callback<MapAction>) {
    use_effect_with((), move |_| {
        let figure = figure.cast::<Element>().expect("the map figure is rendered");
        let article = figure.closest(".cr").ok().flatten();
        let last: Rc<RefCell<Option<Option<usize>>>> = Rc::default();
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
                let slugs: Vec<&str> = sections.iter().map(String::as_str).collect();
                let names: Vec<&str> = chapters.iter().map(|c| slugs[c.section]).collect();
                let current = view::chapter_for(&slugs, &names, section);
                let first = last.borrow().is_none();
                if *last.borrow() != Some(current) {
                    *last.borrow_mut() = Some(current);
                    if let Some(index) = current {
                        let arrival = if first { Arrival::Placed } else { Arrival::Read };
                        on_action.emit(MapAction::ReadingChapter { index, arrival, now: now() });
                    }
                }
            }
        };
        let callback = Closure::<dyn FnMut()>::new(check);
        let init = IntersectionObserverInit::new();
        // Any block entering, leaving or moving a tenth of its height through the viewport wakes
        // the check; the headings' positions then decide. (A thin band at the reading line misses
        // jumps that land it in the margin between two blocks.)
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

/// What a pointer gesture on the map is doing.
#[derive(Default)]
struct Gesture {
    /// Active pointers: id and last position in SVG pixels.
    pointers: Vec<(i32, Point)>,
    /// The pointer travelled far enough that its click should not open a card.
    dragged: bool,
}

/// Drag with a mouse or pen, pinch with two fingers, Ctrl/⌘ + wheel, on the SVG itself (the
/// wheel listener must not be passive). A plain wheel scrolls the page and shows the hint.
#[hook]
pub fn use_gestures(svg: NodeRef, on_action: Callback<MapAction>) {
    use_effect_with((), move |_| {
        let svg = svg.cast::<Element>().expect("the map is rendered");
        let gesture: Rc<RefCell<Gesture>> = Rc::default();
        let local = {
            let svg = svg.clone();
            move |x: i32, y: i32| {
                let r = svg.get_bounding_client_rect();
                Point { x: f64::from(x) - r.left(), y: f64::from(y) - r.top() }
            }
        };
        let down = {
            let (gesture, local) = (gesture.clone(), local.clone());
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
            let (gesture, local, on_action) = (gesture.clone(), local.clone(), on_action.clone());
            EventListener::new(&svg, "pointermove", move |e| {
                let e: &PointerEvent = e.unchecked_ref();
                let mut g = gesture.borrow_mut();
                let Some(i) = g.pointers.iter().position(|(id, _)| *id == e.pointer_id()) else { return };
                let at = local(e.client_x(), e.client_y());
                let before = g.pointers[i].1;
                match g.pointers.len() {
                    1 if e.pointer_type() != "touch" => {
                        if !g.dragged && (at.x - before.x).hypot(at.y - before.y) < DRAG_THRESHOLD {
                            return;
                        }
                        if !g.dragged {
                            g.dragged = true;
                            let _ = e.target().and_then(|t| t.dyn_into::<Element>().ok()).map(|t| t.set_pointer_capture(e.pointer_id()));
                        }
                        on_action.emit(MapAction::Drag { from: before, to: at });
                    }
                    2 => {
                        g.dragged = true;
                        on_action.emit(MapAction::Pinch { from: before, to: at, other: g.pointers[1 - i].1 });
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
            EventListener::new_with_options(&svg, "click", EventListenerOptions::run_in_capture_phase(), move |e| {
                if std::mem::take(&mut gesture.borrow_mut().dragged) {
                    e.stop_propagation();
                }
            })
        };
        let wheel = {
            let hide: Rc<RefCell<Option<Timeout>>> = Rc::default();
            let options = EventListenerOptions { phase: EventListenerPhase::Bubble, passive: false };
            EventListener::new_with_options(&svg, "wheel", options, move |e| {
                let e: &WheelEvent = e.unchecked_ref();
                // Scrolling the page over the map scrolls the page; Ctrl/⌘ (and a trackpad
                // pinch, which browsers report with Ctrl) zooms the map.
                if !(e.ctrl_key() || e.meta_key()) {
                    on_action.emit(MapAction::WheelHint(true));
                    let on_action = on_action.clone();
                    *hide.borrow_mut() = Some(Timeout::new(1500, move || on_action.emit(MapAction::WheelHint(false))));
                    return;
                }
                e.prevent_default();
                let lines = if e.delta_mode() == 1 { 16.0 } else { 1.0 };
                let factor = (-e.delta_y() * lines * 0.002).exp();
                on_action.emit(MapAction::WheelZoom { factor, at: local(e.client_x(), e.client_y()) });
            })
        };
        move || drop((down, moved, ups, click, wheel))
    });
}

/// "Show on map" from a card (a serial number, so asking twice works): the map eases to the
/// entity and says so.
#[hook]
pub fn use_show_on_map(show: Option<ShowOnMap>, scene: Rc<Scene>, loaded: Shared, on_action: Callback<MapAction>) {
    use_effect_with(show, move |show| {
        if let Some((bounds, entity)) = show.as_ref().and_then(|show| Some((scene.bounds_of_entity(&show.entity)?, &show.entity))) {
            let name = loaded.catalog.index_of(entity).map(|i| loaded.catalog.get(i).name.clone()).unwrap_or_default();
            on_action.emit(MapAction::Show { bounds, name, now: now() });
        }
    });
}

/// Focus moves to the map when the reducer asks (the card that had it is gone), after the
/// render that unfolds it: keyboard users can zoom on at once, and it scrolls into view on
/// phones.
#[hook]
pub fn use_focus_requests(requests: u32, svg: NodeRef) {
    use_effect_with(requests, move |requests| {
        if *requests > 0 {
            if let Some(svg) = svg.cast::<Element>() {
                let _ = svg.unchecked_into::<HtmlElement>().focus();
            }
        }
    });
}

/// Label widths: estimated in the first render (the server's, and the hydration's, which must
/// match it), then, once the frame is `measured`, measured in the font the browser draws with
/// ([`measure_labels`]) in a task of their own (reading the computed style is a layout at
/// hydration, and every character is measured), and reported as `MapAction::Widths`.
#[hook]
pub fn use_label_widths(measured: bool, svg: NodeRef, scene: Rc<Scene>, on_action: Callback<MapAction>) {
    use_effect_with(measured, move |measured| {
        let measured = *measured;
        let task = Timeout::new(0, move || {
            if let Some(m) = measure_labels(&svg, &scene).filter(|_| measured) {
                on_action.emit(MapAction::Widths(Rc::new(m)));
            }
        });
        move || drop(task)
    });
}

/// Measures, once, every character the map's labels use in the font the map is drawn with
/// (a canvas's `measureText`, in the UI font the stylesheet gives the labels), so that label
/// placement works with the widths the reader sees. `None` where there is no canvas.
fn measure_labels(svg: &NodeRef, scene: &Scene) -> Option<Measured> {
    use crate::geo::metrics::{characters, LabelStyle};
    let svg = svg.cast::<Element>()?;
    let window = web_sys::window()?;
    let family = window.get_computed_style(&svg).ok()??.get_property_value("--cr-font-ui").ok()?;
    let family = if family.trim().is_empty() { "sans-serif".to_owned() } else { family };
    let canvas: web_sys::HtmlCanvasElement = window.document()?.create_element("canvas").ok()?.dyn_into().ok()?;
    let context: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    let places = scene.stops.iter().map(|s| s.name.as_str());
    let countries = scene.highlight_of.keys().filter_map(|iso| scene.basemap.country(iso)).map(|c| c.name.as_str());
    let mut measured = Measured::default();
    for (c, style) in characters(places, countries) {
        let weight = if style == LabelStyle::Country { 600 } else { 400 };
        context.set_font(&format!("{weight} {}px {family}", crate::geo::draw::num(style.size())));
        let width = context.measure_text(&c.to_string()).ok()?.width();
        measured.insert(c, style, width);
    }
    Some(measured)
}
