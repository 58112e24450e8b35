//! The map's buttons: zoom in and out, the whole map, and previous/next chapter with the
//! chapter's name. They only turn clicks into `MapAction`s. A chapter button that cannot go
//! further says so with `aria-disabled` and stays focusable: disabling the focused "Next
//! chapter" on the last chapter would drop focus to the page (SC 2.4.3).

use yew::prelude::*;

use crate::i18n::Strings;
use crate::ui::map_state::MapAction;
use crate::web::now;

/// The controls' properties.
#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    /// The widget's words.
    pub strings: &'static Strings,
    /// How many chapters the map has (no chapter buttons without any).
    pub chapters: usize,
    /// The name shown between the chapter buttons ("2/3: …", or the overview).
    pub chapter_name: AttrValue,
    /// Whether "previous" and "next" can go that way.
    pub can_step: (bool, bool),
    /// Where the actions go.
    pub on_action: Callback<MapAction>,
}

/// Zoom, whole map, and chapters.
#[function_component]
pub fn Controls(props: &ControlsProps) -> Html {
    let s = props.strings;
    let send = |make: fn(f64) -> MapAction| props.on_action.reform(move |_: MouseEvent| make(now()));
    let (back, on) = props.can_step;
    html! {
        <div class="cr-map-controls">
            <div class="cr-zoom" role="group" aria-label={s.zoom}>
                <button type="button" aria-label={s.zoom_in} onclick={send(|now| MapAction::Zoom { factor: 1.5, now })}>
                    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M3 8h10M8 3v10" /></svg>
                </button>
                <button type="button" aria-label={s.zoom_out} onclick={send(|now| MapAction::Zoom { factor: 1.0 / 1.5, now })}>
                    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M3 8h10" /></svg>
                </button>
                <button type="button" class="cr-reset" onclick={send(|now| MapAction::Home { now })}>{ s.reset_view }</button>
            </div>
            if props.chapters > 0 {
                <div class="cr-chapters" role="group" aria-label={s.chapters}>
                    <button type="button" aria-label={s.previous_chapter} onclick={send(|now| MapAction::StepChapter { delta: -1, now })} aria-disabled={(!back).then_some("true")}>
                        <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M10 3L5 8l5 5" /></svg>
                    </button>
                    <span class="cr-chapter-name"><span>{ props.chapter_name.clone() }</span></span>
                    <button type="button" aria-label={s.next_chapter} onclick={send(|now| MapAction::StepChapter { delta: 1, now })} aria-disabled={(!on).then_some("true")}>
                        <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M6 3l5 5-5 5" /></svg>
                    </button>
                </div>
            }
        </div>
    }
}
