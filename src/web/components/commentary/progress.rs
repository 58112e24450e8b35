//! The reading progress bar at the top of the widget.

use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use web_sys::HtmlElement;
use yew::prelude::*;

/// A slim bar that fills as the reader gets through the article (decorative: the reading
/// time and the scroll position say the same to assistive technology).
#[function_component]
pub(super) fn Progress() -> Html {
    let bar = use_node_ref();
    {
        let bar = bar.clone();
        use_effect_with((), move |_| {
            let update = {
                let bar = bar.clone();
                move || {
                    let Some(bar) = bar.cast::<HtmlElement>() else { return };
                    let Some(article) = bar.closest(".cr-doc").ok().flatten().and_then(|d| d.query_selector(".cr-body").ok().flatten())
                    else {
                        return;
                    };
                    let r = article.get_bounding_client_rect();
                    let vh = web_sys::window().and_then(|w| w.inner_height().ok()).and_then(|h| h.as_f64()).unwrap_or(800.0);
                    let p = if r.height() <= vh {
                        f64::from(u8::from(r.bottom() <= vh))
                    } else {
                        (-r.top() / (r.height() - vh)).clamp(0.0, 1.0)
                    };
                    let _ = bar.style().set_property("transform", &format!("scaleX({})", crate::geo::draw::num(p)));
                }
            };
            update();
            // No window, no scrolling to follow (and no panic trapping the shared instance).
            let listeners = web_sys::window().map(|window| {
                let options = EventListenerOptions { phase: EventListenerPhase::Bubble, passive: true };
                let on_scroll = {
                    let update = update.clone();
                    EventListener::new_with_options(&window, "scroll", options, move |_| update())
                };
                (on_scroll, EventListener::new(&window, "resize", move |_| update()))
            });
            move || drop(listeners)
        });
    }
    html! { <div class="cr-progress" aria-hidden="true"><div ref={bar} class="cr-progress-bar" /></div> }
}
