//! Keeps the reader's place while the language changes: the element they were at (the switch's
//! link they used, else their paragraph) stays at the same height in the viewport from the moment
//! they choose until they scroll themselves.
//!
//! Started by the switch itself, not by the new text's effects: Yew may yield between a commit and
//! its effects, and a frame painted in between showed the new text moved by the difference in the
//! title's height (56 px in the seed, seen under load). A `ResizeObserver` on the element corrects
//! the scroll after layout and before paint, whenever the widget's height changes (the new text,
//! the map measuring its frame, the glossary rendered when idle); each frame also checks, for a
//! move that changes no height (the browser's scroll anchoring).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::render::{request_animation_frame, AnimationFrame};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ResizeObserver};

/// How long the place is kept at most, in milliseconds, if the reader never scrolls: long enough
/// for a slow network to bring the other language, short enough not to fight a page that moves
/// for its own reasons later.
const KEEP_MS: f64 = 10_000.0;

/// Keeps the place while alive; dropping it stops.
pub(super) struct KeepInPlace {
    observer: Option<ResizeObserver>,
    _on_resize: Closure<dyn FnMut()>,
    _frame: Rc<RefCell<Option<AnimationFrame>>>,
    _listeners: Vec<EventListener>,
}

impl Drop for KeepInPlace {
    fn drop(&mut self) {
        if let Some(o) = &self.observer {
            o.disconnect();
        }
    }
}

/// Keeps the first element matching `selector` in `host`'s shadow root (found afresh each time:
/// the text is rendered anew) with its top `top` px below the viewport's.
pub(super) fn keep_in_place(host: &HtmlElement, selector: String, top: f64) -> KeepInPlace {
    let stopped = Rc::new(Cell::new(false));
    let until = crate::web::now() + KEEP_MS;
    let correct: Rc<dyn Fn()> = {
        let (host, stopped) = (host.clone(), stopped.clone());
        Rc::new(move || {
            if stopped.get() || crate::web::now() > until {
                stopped.set(true);
                return;
            }
            let Some(kept) = host.shadow_root().and_then(|root| root.query_selector(&selector).ok().flatten()) else { return };
            let delta = kept.get_bounding_client_rect().top() - top;
            if delta.abs() >= 0.5 {
                if let Some(window) = web_sys::window() {
                    window.scroll_by_with_x_and_y(0.0, delta);
                }
            }
        })
    };
    let on_resize = {
        let correct = correct.clone();
        Closure::<dyn FnMut()>::new(move || correct())
    };
    let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
    if let Some(o) = &observer {
        o.observe(host);
    }
    fn next(frame: Rc<RefCell<Option<AnimationFrame>>>, stopped: Rc<Cell<bool>>, correct: Rc<dyn Fn()>) {
        let again = frame.clone();
        *frame.borrow_mut() = Some(request_animation_frame(move |_| {
            correct();
            if !stopped.get() {
                next(again, stopped, correct);
            }
        }));
    }
    let frame: Rc<RefCell<Option<AnimationFrame>>> = Rc::default();
    next(frame.clone(), stopped.clone(), correct);
    // The reader's own scrolling wins (a scroll event would also be our own).
    let listeners = web_sys::window()
        .map(|window| {
            ["wheel", "touchstart", "keydown", "pointerdown"]
                .into_iter()
                .map(|kind| {
                    let stopped = stopped.clone();
                    EventListener::new(&window, kind, move |_| stopped.set(true))
                })
                .collect()
        })
        .unwrap_or_default();
    KeepInPlace { observer, _on_resize: on_resize, _frame: frame, _listeners: listeners }
}
