//! A loaded commentary with its hover cards: the article, plus one card at a time.
//!
//! DOM events are delegated from one wrapper element (`handlers`) and turned into
//! `ui::cards::Action`s; the pure reducer decides what happens; `hooks` hold its timers and the
//! document-wide listeners an open card needs. The card is rendered through a portal into a
//! small host element placed right after its mention, so the card's controls come next in the
//! Tab order (a map trigger's card goes right after the map, and `dom::map_tab` keeps the order).

mod dom;
mod handlers;
mod hooks;
mod progress;

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use super::article::Article;
use super::card::Card;
use super::context::ReaderContext;
use super::fetch::Shared;
use crate::ui::cards::{Action, CardOrigin, CardState, Cards, Step};
use crate::ui::placement::{Rect, Side};
use dom::{find_mention, SVG_NS};
use handlers::{delegated, Context};
use hooks::{use_card_semantics, use_card_timer, use_document_escape, use_fragment_scroll, use_outside_press};
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

#[derive(Properties, PartialEq)]
struct CardPortalProps {
    host: Element,
    children: Html,
}

/// The open card, rendered into its host element. Keyed by mention where it is used: Yew moves
/// a portal whose host changes without moving its event subtree, which stays bound to the old
/// (removed) host, so a card that moved from one mention to the next had dead controls. A new
/// key makes Yew build a fresh portal on the new host instead.
#[function_component]
fn CardPortal(props: &CardPortalProps) -> Html {
    create_portal(props.children.clone(), props.host.clone())
}

/// Which entity each card trigger opens: the text's mentions by ordinal, then the map's
/// triggers, numbered after them by `Scene::numbered_triggers`.
#[derive(Clone)]
struct Triggers {
    loaded: Shared,
    map: Rc<Vec<(usize, String)>>,
}

impl Triggers {
    fn entity(&self, m: usize) -> Option<String> {
        match self.loaded.linked.mentions.by_ordinal.get(m) {
            Some(id) => Some(id.to_string()),
            None => self.map.iter().find(|(number, _)| *number == m).map(|(_, entity)| entity.clone()),
        }
    }
}

/// The host element of the card of trigger `m`: kept while the card stays on `m`, else a new
/// `<span class="cr-card-host">` right after the mention (or after the map, for a map trigger).
fn card_host(slot: &RefCell<Option<(usize, Element)>>, root: &Element, m: usize) -> Option<Element> {
    let mut slot = slot.borrow_mut();
    if let Some((current, host)) = &*slot {
        if *current == m {
            return Some(host.clone());
        }
    }
    if let Some((_, old)) = slot.take() {
        old.remove();
    }
    let mention = find_mention(root, m)?;
    let span = mention.owner_document()?.create_element("span").ok()?;
    span.set_class_name("cr-card-host");
    let after = if mention.namespace_uri().as_deref() == Some(SVG_NS) { mention.closest("svg").ok().flatten()? } else { mention };
    after.after_with_node_1(&span).ok()?;
    *slot = Some((m, span.clone()));
    Some(span)
}

/// The card of trigger `m`, with its callbacks, in its portal.
fn card_view(reader: &ReaderContext, cx: &Context, triggers: &Triggers, host: Element, m: usize, show: &UseStateHandle<Option<(u32, AttrValue)>>) -> Option<Html> {
    let root = cx.wrapper.cast::<Element>()?;
    let anchor = find_mention(&root, m)?;
    let id = triggers.entity(m)?;
    let index = reader.loaded.catalog.index_of(id.as_str())?;
    let all = reader.loaded.linked.mentions.of(&reader.loaded.catalog.get(index).id).to_vec();
    let origin = CardOrigin::of(m, &all);
    let entity = Rc::new(reader.loaded.catalog.get(index).clone());
    let on_map = match &reader.loaded.map {
        Some(Ok(scene)) => reader.options.map && matches!(origin, CardOrigin::Mention { .. }) && scene.bounds_of_entity(&id).is_some(),
        _ => false,
    };
    let on_show_map = on_map.then(|| {
        let (dispatcher, show, id) = (cx.dispatcher.clone(), show.clone(), id.clone());
        Callback::from(move |()| {
            dispatcher.dispatch(Action::Escape);
            let serial = show.as_ref().map_or(1, |(n, _)| n + 1);
            show.set(Some((serial, AttrValue::from(id.clone()))));
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
    let on_close = {
        let cx = cx.clone();
        Callback::from(move |()| {
            cx.dispatcher.dispatch(Action::Escape);
            cx.focus_mention(m);
        })
    };
    let on_placed = {
        let pointer = cx.pointer.clone();
        Callback::from(move |placed: (Rect, Side)| pointer.borrow_mut().card = Some(placed))
    };
    let at = cx.pointer.borrow().at;
    Some(html! {
        <CardPortal key={m.to_string()} host={host}>
            <Card entity={entity} anchor={anchor} pointer={at} origin={origin} strings={cx.strings}
                  on_step={on_step} on_close={on_close} on_placed={on_placed} on_show_map={on_show_map} />
        </CardPortal>
    })
}

/// The article and its cards.
#[function_component]
pub fn Commentary(props: &CommentaryProps) -> Html {
    let reader = &props.reader;
    let cards = use_reducer_eq(|| CardsState(Cards::default()));
    let wrapper = use_node_ref();
    let pointer = use_mut_ref(Pointer::default);
    let host_slot: Rc<RefCell<Option<(usize, Element)>>> = use_mut_ref(|| None);
    let active: Rc<RefCell<Option<String>>> = use_mut_ref(|| None);
    let show = use_state(|| None::<(u32, AttrValue)>);
    let map_triggers: Rc<Vec<(usize, String)>> = use_memo((reader.loaded.clone(), reader.options), |(loaded, options)| match &loaded.map {
        Some(Ok(scene)) if options.map && options.cards => {
            scene.numbered_triggers(loaded.linked.mentions.by_ordinal.len()).into_iter().map(|(_, number, entity)| (number, entity)).collect()
        }
        _ => Vec::new(),
    });
    let triggers = Triggers { loaded: reader.loaded.clone(), map: map_triggers };
    let strings = reader.strings;
    let state = cards.0;
    let cx = Context { dispatcher: cards.dispatcher(), wrapper: wrapper.clone(), pointer, active, state, strings };

    use_card_timer(state.wake_at, cards.dispatcher());
    use_card_semantics(wrapper.clone(), props.host.clone(), state.open_mention(), state.open_mention().and_then(|m| triggers.entity(m)));
    use_fragment_scroll(wrapper.clone());
    use_outside_press(state.open_mention().is_some(), cards.dispatcher());
    use_document_escape(state.state != CardState::Closed, wrapper.clone(), cards.dispatcher());
    // "Show on map" lights the entity up once the card is gone (its removal moves focus).
    {
        let cx = cx.clone();
        use_effect_with((*show).clone(), move |show| {
            if let Some((_, id)) = show {
                cx.set_linked(Some(id.to_string()));
            }
        });
    }

    let card = state.open_mention().and_then(|m| {
        let host = card_host(&host_slot, &wrapper.cast::<Element>()?, m)?;
        card_view(reader, &cx, &triggers, host, m, &show)
    });
    if state.open_mention().is_none() {
        if let Some((_, old)) = host_slot.borrow_mut().take() {
            old.remove();
        }
    }
    let on = delegated(&cx);
    let card_state = match state.state {
        CardState::Closed => "closed",
        CardState::Intent { .. } => "intent",
        CardState::Open { .. } => "open",
    };

    html! {
        <div ref={wrapper} class="cr-doc" data-card-state={card_state}
             onpointerover={on.pointer_over} onpointerout={on.pointer_out} onpointermove={on.pointer_move}
             onfocusin={on.focus_in} onfocusout={on.focus_out} onclick={on.click} onkeydown={on.key_down}>
            // Yew matches unkeyed children from the end: the optional card goes first so the
            // article is never mistaken for it and rebuilt (which would drop focus).
            { card }
            <Progress />
            <p class="cr-visually-hidden cr-announce" aria-live="polite"></p>
            <Article reader={reader.clone()} show={(*show).clone()} />
            if props.debug {
                <section class="cr-debug" aria-label={strings.problems}>
                    <p class="cr-debug-title">{ format!("{} ({})", strings.problems, reader.loaded.warnings.len()) }</p>
                    <ul>{ for reader.loaded.warnings.iter().map(|w| html! { <li><code>{ w.to_string() }</code></li> }) }</ul>
                </section>
            }
        </div>
    }
}
