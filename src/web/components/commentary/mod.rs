//! A loaded commentary with its hover cards: the article, plus one card at a time.
//!
//! DOM events are delegated from one wrapper element (`handlers`) and turned into
//! `ui::cards::Action`s; the pure reducer decides what happens; `hooks` hold its timers and the
//! document-wide listeners an open card needs. What the text and the map show of it is rendered
//! from state ([`Marks`]): the open trigger's `aria-expanded` and `aria-controls`, the
//! highlighted entity's `data-active` (on the text by `marks`, which never re-renders it; on the
//! map by its render), and the card itself, rendered after the article (in the
//! top layer, so where it sits in the DOM does not move it on screen): never inside a sentence,
//! and outside the Tab sequence until the reader enters it (`docs/accessibility.md`).
//!
//! The wrapper also starts with the widget's shortcuts: skip links past the map and past the
//! whole commentary, and the keyboard help.

mod dom;
mod handlers;
mod hooks;
mod marks;
mod progress;

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use super::article::Article;
use super::card::{Card, Open};
use crate::content::catalog::{Entity, EntityId};
use crate::ui::cards::{Action, CardOrigin, CardState, Cards, Step};
use crate::ui::placement::{Rect, Side};
use crate::web::context::{Marks, ReaderContext, Same};
use crate::web::context::{Shared, ShowOnMap};
use dom::find_mention;
use handlers::{delegated, Context};
use hooks::{use_card_open_event, use_card_timer, use_document_escape, use_fragment_scroll, use_outside_press, use_restore};
use progress::Progress;

/// The card reducer, held by Yew.
#[derive(PartialEq)]
pub(super) struct CardsState(Cards);

impl Reducible for CardsState {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(CardsState(self.0.reduce(action)))
    }
}

#[derive(Properties, PartialEq)]
pub struct CommentaryProps {
    /// The commentary and how to show it.
    pub reader: ReaderContext,
    /// The element, which hears the widget's events.
    pub host: HtmlElement,
    /// Show the content's problems in a panel (the element's `debug` attribute).
    #[prop_or_default]
    pub debug: bool,
}

/// Where the pointer is and was, kept outside the render cycle.
#[derive(Default)]
pub(super) struct Pointer {
    at: Option<(f64, f64)>,
    exit: Option<(f64, f64)>,
    card: Option<(Rect, Side)>,
}

/// Which entity each card trigger opens: the text's mentions by ordinal, then the map's
/// triggers, numbered after them by `Scene::numbered_triggers`.
#[derive(Clone)]
struct Triggers {
    loaded: Shared,
    map: Rc<Vec<(usize, EntityId)>>,
}

impl Triggers {
    fn entity(&self, m: usize) -> Option<String> {
        match self.loaded.linked.mentions.by_ordinal.get(m) {
            Some(id) => Some(id.to_string()),
            None => self.map.iter().find(|(number, _)| *number == m).map(|(_, entity)| entity.to_string()),
        }
    }
}

/// The open card of trigger `m`: what it needs to show where it was opened from, with its
/// callbacks, and its entity.
fn open_card(
    reader: &ReaderContext,
    cx: &Context,
    triggers: &Triggers,
    m: usize,
    show: &UseStateHandle<Option<ShowOnMap>>,
) -> Option<(String, Open)> {
    let id = triggers.entity(m)?;
    let index = reader.loaded.catalog.index_of(id.as_str())?;
    let all = reader.loaded.linked.mentions.of(&reader.loaded.catalog.get(index).id).to_vec();
    let origin = CardOrigin::of(m, &all);
    let on_map = reader.options.map
        && matches!(origin, CardOrigin::Mention { .. })
        && reader.loaded.map.scene().is_some_and(|scene| scene.bounds_of_entity(&id).is_some());
    let on_show_map = on_map.then(|| {
        let (dispatcher, show, id) = (cx.dispatcher.clone(), show.clone(), id.clone());
        Callback::from(move |()| {
            dispatcher.dispatch(Action::Escape);
            let serial = show.as_ref().map_or(1, |s| s.serial + 1);
            show.set(Some(ShowOnMap { serial, entity: AttrValue::from(id.clone()) }));
        })
    });
    let on_step = {
        let cx = cx.clone();
        Callback::from(move |step: Step| {
            if let (Some(t), Some(root)) = (origin.step(step, &all), cx.wrapper.cast::<Element>()) {
                if let Some(el) = find_mention(&root, t) {
                    el.scroll_into_view_with_bool(false);
                    cx.focus_mention(t);
                }
            }
        })
    };
    let on_placed = {
        let pointer = cx.pointer.clone();
        Callback::from(move |placed: (Rect, Side)| pointer.borrow_mut().card = Some(placed))
    };
    let pointer = cx.pointer.borrow().at;
    let enter = (cx.state.enter == Some(m)).then_some(cx.state.entries);
    Some((id, Open { mention: m, pointer, origin, on_step, on_placed, on_show_map, enter }))
}

/// A card the platform opened before the reader's code ran (a prerendered page: the mention's
/// `popovertarget`) becomes the live card: the reducer opens it for the trigger that has focus,
/// else the entity's first mention, and the code places it from then on.
#[hook]
fn use_adopt_open_card(wrapper: NodeRef, dispatcher: UseReducerDispatcher<CardsState>, loaded: Shared) {
    use_effect_with((), move |_| {
        let root = wrapper.cast::<Element>();
        let card = root.as_ref().and_then(|r| r.query_selector(".cr-card:popover-open").ok().flatten());
        if let (Some(root), Some(entity)) = (root, card.and_then(|c| c.get_attribute("data-entity"))) {
            let focused = root.get_root_node().dyn_into::<web_sys::ShadowRoot>().ok().and_then(|r| r.active_element());
            let from_focus = dom::mention_of(focused.map(Into::into))
                .filter(|(_, el)| el.get_attribute("data-entity").as_deref() == Some(entity.as_str()))
                .map(|(m, _)| m);
            if let Some(mention) = from_focus.or_else(|| loaded.first_mention(&entity)) {
                dispatcher.dispatch(Action::Activate { mention });
            }
        }
    });
}

/// The article and its cards.
#[function_component]
pub fn Commentary(props: &CommentaryProps) -> Html {
    // A prerendered commentary is hydrated as the server rendered it (not live: the mentions
    // open their cards by the platform alone, other controls are hidden), then made live by
    // this effect: one render that changes attributes only, so no node is re-created and
    // nothing moves.
    let live = use_state_eq(|| props.reader.live);
    {
        let live = live.clone();
        use_effect_with((), move |_| live.set(true));
    }
    let reader = &ReaderContext { live: *live, ..props.reader.clone() };
    let cards = use_reducer_eq(|| CardsState(Cards::default()));
    let wrapper = use_node_ref();
    let pointer = use_mut_ref(Pointer::default);
    let active = use_state_eq(|| None::<AttrValue>);
    let show = use_state(|| None::<ShowOnMap>);
    let map_triggers = use_map_triggers(reader);
    // The entities that have a card: the text's, then those only the map's triggers open.
    let carded = use_memo((reader.loaded.clone(), map_triggers.clone(), reader.options.cards), |(loaded, map, cards)| {
        let entities = if *cards { loaded.entities_in_order(map.iter().map(|(_, e)| e)) } else { Vec::new() };
        entities.into_iter().map(|e| Rc::new(e.clone())).collect::<Vec<_>>()
    });
    let triggers = Triggers { loaded: reader.loaded.clone(), map: map_triggers };
    let strings = reader.strings;
    let state = cards.0;
    let cx = Context { dispatcher: cards.dispatcher(), wrapper: wrapper.clone(), pointer, active: active.setter(), state, strings };

    use_adopt_open_card(wrapper.clone(), cards.dispatcher(), reader.loaded.clone());
    use_restore(reader.restore.clone(), wrapper.clone(), cards.dispatcher(), reader.loaded.clone());
    use_card_timer(state.wake_at, cards.dispatcher());
    use_card_open_event(props.host.clone(), state.open_mention(), state.open_mention().and_then(|m| triggers.entity(m)));
    use_fragment_scroll(wrapper.clone());
    use_outside_press(state.open_mention().is_some(), cards.dispatcher());
    use_document_escape(state.state != CardState::Closed, wrapper.clone(), cards.dispatcher());
    // "Show on map" lights the entity up once the card is gone (its removal moves focus).
    {
        let cx = cx.clone();
        use_effect_with((*show).clone(), move |show| {
            if let Some(show) = show {
                cx.set_linked(Some(show.entity.to_string()));
            }
        });
    }

    let open = state.open_mention().and_then(|m| open_card(reader, &cx, &triggers, m, &show));
    let marks = Marks { open: state.open_mention().filter(|_| open.is_some()), active: (*active).clone() };
    marks::use_text_marks(wrapper.clone(), marks.clone());
    let handlers = use_mut_ref(|| None);
    *handlers.borrow_mut() = Some(delegated(&cx));
    handlers::use_listeners(wrapper.clone(), handlers);
    let keys = use_state_eq(|| false);
    let toggle_keys = {
        let keys = keys.clone();
        Callback::from(move |_: MouseEvent| keys.set(!*keys))
    };
    let has_map = reader.options.map && reader.loaded.map.scene().is_some();
    let ui_lang = reader.ui_lang.clone();
    let card_state = match state.state {
        CardState::Closed => "closed",
        CardState::Intent { .. } => "intent",
        CardState::Open { .. } => "open",
    };

    html! {
        <div ref={wrapper} class="cr-doc" data-card-state={card_state} data-live={reader.live.then_some("")}>
            <Progress />
            <nav class="cr-skip" aria-label={format!("{}: {}", strings.shortcuts, reader.loaded.front.title)} lang={ui_lang.clone()}>
                if has_map {
                    <button type="button" data-skip="text">{ strings.skip_to_text }</button>
                }
                <button type="button" data-skip="end">{ strings.skip_to_end }</button>
                <button type="button" class="cr-keys-toggle" aria-expanded={(*keys).to_string()} aria-controls="cr-keys" onclick={toggle_keys}>{ strings.keys }</button>
            </nav>
            <div id="cr-keys" class="cr-keys" lang={ui_lang.clone()} hidden={!*keys}>
                <ul>{ for strings.keys_help.iter().map(|k| html! { <li>{ *k }</li> }) }</ul>
            </div>
            <p class="cr-visually-hidden cr-announce" aria-live="polite" lang={ui_lang.clone()}></p>
            <Article reader={reader.clone()} show={(*show).clone()} marks={marks} />
            // The cards, one per entity: after the text, never inside its sentence; the open one
            // is shown in the top layer.
            { card_layer(reader, &carded, open.as_ref()) }
            if props.debug {
                { debug_panel(reader) }
            }
            // Where "Skip past the commentary" leaves focus, so that the next Tab leaves the
            // widget: a Tab stop only while it has focus (see `handlers::click`).
            <span class="cr-after"></span>
        </div>
    }
}

/// The map's card triggers, then their equivalents in the map as text (numbered after them):
/// trigger number and entity.
#[hook]
fn use_map_triggers(reader: &ReaderContext) -> Rc<Vec<(usize, EntityId)>> {
    use_memo((reader.loaded.clone(), reader.options), |(loaded, options)| match loaded.map.scene() {
        Some(scene) if options.map && options.cards => {
            let own: Vec<(usize, EntityId)> = scene
                .numbered_triggers(loaded.linked.mentions.by_ordinal.len())
                .into_iter()
                .map(|(_, number, entity)| (number, entity))
                .collect();
            let offset = own.len();
            own.iter().cloned().chain(own.iter().map(|(n, e)| (n + offset, e.clone()))).collect()
        }
        _ => Vec::new(),
    })
}

/// The cards, one per entity of `carded`: after the text, never inside its sentence; the open
/// one (`open`: its entity id and what it shows) is shown in the top layer.
fn card_layer(reader: &ReaderContext, carded: &[Rc<Entity>], open: Option<&(String, Open)>) -> Html {
    html! {
        <div class="cr-card-layer" lang={reader.loaded.front.lang.clone()}>
            { for carded.iter().map(|entity| {
                let open = open.filter(|(id, _)| *id == entity.id.as_str()).map(|(_, o)| o.clone());
                let elsewhere = reader.loaded.elsewhere.iter().find(|x| x.entity == entity.id).map(|x| Rc::new(x.pages.clone()));
                // Only the open card is the code's (`popover="manual"`): a closed card has no
                // trigger of the platform's once the code runs (`marks`), so going live
                // re-renders one card, not every one (24 renders in one task on the seed).
                let live = reader.live && open.is_some();
                html! { <Card key={entity.id.to_string()} entity={Same(entity.clone())} strings={reader.strings} live={live} keep={reader.keep_text} open={open} elsewhere={elsewhere} /> }
            }) }
        </div>
    }
}

/// The `debug` attribute's list of the commentary's problems.
fn debug_panel(reader: &ReaderContext) -> Html {
    let strings = reader.strings;
    html! {
        <section class="cr-debug" aria-label={strings.problems}>
            <p class="cr-debug-title">{ format!("{} ({})", strings.problems, reader.loaded.warnings.len()) }</p>
            <ul>{ for reader.loaded.warnings.iter().map(|w| html! { <li><code>{ w.to_string() }</code></li> }) }</ul>
        </section>
    }
}
