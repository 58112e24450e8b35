//! A loaded commentary with its hover cards: the article, plus one card at a time.
//!
//! DOM events are delegated from one wrapper element and turned into `ui::cards::Action`s; the
//! pure reducer decides what happens. The card is rendered through a portal into a small host
//! element placed right after its mention, so the card's links come next in the Tab order and
//! screen readers meet the card where the mention is.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::{Element, EventTarget, HtmlElement};
use yew::prelude::*;

use super::article::Article;
use super::card::{contains, Card, Step};
use super::events::dispatch;
use super::fetch::Shared;
use crate::i18n;
use crate::ui::cards::{Action, CardState, Cards, Opener};
use crate::ui::placement::{heading_for_card, Rect, Side};

#[derive(PartialEq)]
struct CardsState(Cards);

impl Reducible for CardsState {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(CardsState(self.0.reduce(action)))
    }
}

#[derive(Properties, PartialEq)]
pub struct CommentaryProps {
    pub loaded: Shared,
    pub host: HtmlElement,
    pub ui_lang: Option<AttrValue>,
    pub options: crate::ui::options::Options,
    /// Show the content's problems in a panel (the element's `debug` attribute).
    #[prop_or_default]
    pub debug: bool,
}

/// Where the pointer is and was, kept outside the render cycle.
#[derive(Default)]
struct Pointer {
    at: Option<(f64, f64)>,
    exit: Option<(f64, f64)>,
    card: Option<(Rect, Side)>,
}

const SVG_NS: &str = "http://www.w3.org/2000/svg";

fn now() -> f64 {
    js_sys::Date::now()
}

/// The mention ordinal of the element at (or around) `target`.
fn mention_of(target: Option<EventTarget>) -> Option<(usize, Element)> {
    let element: Element = target?.dyn_into().ok()?;
    let mention = element.closest("[data-mention]").ok()??;
    let ordinal = mention.get_attribute("data-mention")?.parse().ok()?;
    Some((ordinal, mention))
}

/// The mention (or other card trigger) with ordinal `m` under `root`.
fn find_mention(root: &Element, m: usize) -> Option<Element> {
    root.query_selector(&format!("[data-mention=\"{m}\"]")).ok().flatten()
}

/// The entity a hovered or focused element stands for: a mention, a marker, a country, or a
/// country in a highlight group that stands for an entity. Cards themselves are not linked.
fn linked_entity(target: Option<&EventTarget>) -> Option<String> {
    let element = target?.dyn_ref::<Element>()?;
    if element.closest(".cr-card").ok().flatten().is_some() {
        return None;
    }
    let linked = element.closest("[data-entity], [data-groups]").ok()??;
    linked
        .get_attribute("data-entity")
        .or_else(|| linked.get_attribute("data-groups").and_then(|g| g.split(' ').next().map(str::to_owned)))
}

/// Marks everything standing for `id` (mentions, markers, countries, highlight groups) with
/// `data-active`, and clears the previous entity's marks.
fn set_active(root: &Element, current: &RefCell<Option<String>>, id: Option<String>) {
    if *current.borrow() == id {
        return;
    }
    let each = |selector: &str, f: &dyn Fn(&Element)| {
        if let Ok(list) = root.query_selector_all(selector) {
            for i in 0..list.length() {
                if let Some(el) = list.get(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                    f(&el);
                }
            }
        }
    };
    each("[data-active]", &|el| {
        let _ = el.remove_attribute("data-active");
    });
    if let Some(id) = &id {
        each("[data-entity], [data-groups]", &|el| {
            let own = el.get_attribute("data-entity").is_some_and(|e| e == *id);
            let group = el.get_attribute("data-groups").is_some_and(|g| g.split(' ').any(|x| x == id));
            if (own || group) && !el.matches(".cr-card").unwrap_or(false) {
                let _ = el.set_attribute("data-active", "");
            }
        });
    }
    *current.borrow_mut() = id;
}

fn in_card(target: Option<&EventTarget>) -> bool {
    target
        .and_then(|t| t.dyn_ref::<Element>())
        .and_then(|e| e.closest(".cr-card").ok().flatten())
        .is_some()
}

/// Tab order around a card opened from the map. Its host sits after the `<svg>`, so the
/// browser's own order would skip it: Tab on the trigger enters the card, Tab off the card's
/// last control goes on to the next trigger, Shift+Tab off its first returns to the trigger.
/// `None`: the browser's order is right.
fn map_tab(root: &Element, open: usize, target: Option<&EventTarget>, back: bool) -> Option<HtmlElement> {
    let trigger = find_mention(root, open)?;
    if trigger.namespace_uri().as_deref() != Some(SVG_NS) {
        return None;
    }
    let target = target?.dyn_ref::<Element>()?;
    let card = root.query_selector(".cr-card").ok()??;
    let controls = card.query_selector_all("button:not([disabled]), a[href]").ok()?;
    let control = |i: u32| controls.get(i).and_then(|n| n.dyn_into::<HtmlElement>().ok());
    let count = controls.length();
    if target == &trigger {
        return if back { None } else { control(0) };
    }
    if !card.contains(Some(target)) || count == 0 {
        return None;
    }
    if back {
        // Markers and countries are SVG elements: `focus` is the same method on them.
        return control(0).filter(|first| first.unchecked_ref::<Element>() == target).map(|_| trigger.unchecked_into());
    }
    control(count - 1).filter(|last| last.unchecked_ref::<Element>() == target)?;
    // On to the next focusable thing in the map after the trigger, if there is one.
    let svg = trigger.closest("svg").ok()??;
    let stops = svg.query_selector_all("[tabindex=\"0\"]").ok()?;
    let items: Vec<Element> = (0..stops.length()).filter_map(|i| stops.get(i)?.dyn_into().ok()).collect();
    let at = items.iter().position(|e| *e == trigger)?;
    items.get(at + 1).cloned().map(JsCast::unchecked_into)
}

/// Copies `text` to the clipboard and says so in the widget's polite live region.
fn copy(text: &str, root: Option<Element>, done: &'static str) {
    let Some(window) = web_sys::window() else { return };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::spawn_local(async move {
        let said = match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => done,
            Err(_) => "",
        };
        if let Some(live) = root.and_then(|r| r.query_selector(".cr-announce").ok().flatten()) {
            live.set_text_content(Some(said));
        }
    });
}

/// Scrolls to the element the page's URL fragment names (`#p-3`, `#a-heading`), once: the
/// browser cannot, because the anchors live in the widget's shadow root.
fn scroll_to_fragment(root: &Element) {
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    let id = js_sys::decode_uri_component(hash.trim_start_matches('#')).ok().and_then(|s| s.as_string()).unwrap_or_default();
    if id.is_empty() {
        return;
    }
    if let Ok(candidates) = root.query_selector_all("[id]") {
        for i in 0..candidates.length() {
            if let Some(el) = candidates.get(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                if el.id() == id {
                    el.scroll_into_view();
                    return;
                }
            }
        }
    }
}

/// A slim bar that fills as the reader gets through the article (decorative: the reading
/// time and the scroll position say the same to assistive technology).
#[function_component]
fn Progress() -> Html {
    let bar = use_node_ref();
    {
        let bar = bar.clone();
        use_effect_with((), move |_| {
            let update = {
                let bar = bar.clone();
                move || {
                    let Some(bar) = bar.cast::<HtmlElement>() else { return };
                    let Some(article) = bar.closest(".cr-doc").ok().flatten().and_then(|d| d.query_selector(".cr-body").ok().flatten()) else { return };
                    let r = article.get_bounding_client_rect();
                    let vh = web_sys::window().and_then(|w| w.inner_height().ok()).and_then(|h| h.as_f64()).unwrap_or(800.0);
                    let p = if r.height() <= vh { f64::from(u8::from(r.bottom() <= vh)) } else { (-r.top() / (r.height() - vh)).clamp(0.0, 1.0) };
                    let _ = bar.style().set_property("transform", &format!("scaleX({})", crate::geo::draw::num(p)));
                }
            };
            update();
            let window = web_sys::window().expect("a window");
            let options = gloo::events::EventListenerOptions { phase: gloo::events::EventListenerPhase::Bubble, passive: true };
            let on_scroll = {
                let update = update.clone();
                EventListener::new_with_options(&window, "scroll", options, move |_| update())
            };
            let on_resize = EventListener::new(&window, "resize", move |_| update());
            move || drop((on_scroll, on_resize))
        });
    }
    html! { <div class="cr-progress" aria-hidden="true"><div ref={bar} class="cr-progress-bar" /></div> }
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

/// The article and its cards.
#[function_component]
pub fn Commentary(props: &CommentaryProps) -> Html {
    let cards = use_reducer_eq(|| CardsState(Cards::default()));
    let wrapper = use_node_ref();
    let pointer = use_mut_ref(Pointer::default);
    let card_host: Rc<RefCell<Option<(usize, Element)>>> = use_mut_ref(|| None);
    let active: Rc<RefCell<Option<String>>> = use_mut_ref(|| None);
    let show = use_state(|| None::<(u32, AttrValue)>);
    // Card triggers on the map (markers, countries), numbered after the text's mentions by the
    // same rule the map renders them with.
    let map_triggers: Rc<Vec<(usize, String)>> = use_memo((props.loaded.clone(), props.options), |(loaded, options)| match &loaded.map {
        Some(Ok(scene)) if options.map && options.cards => {
            scene.numbered_triggers(loaded.linked.mentions.by_ordinal.len()).into_iter().map(|(_, number, entity)| (number, entity)).collect()
        }
        _ => Vec::new(),
    });
    let entity_at = {
        let loaded = props.loaded.clone();
        let map_triggers = map_triggers.clone();
        move |m: usize| -> Option<String> {
            match loaded.linked.mentions.by_ordinal.get(m) {
                Some(id) => Some(id.to_string()),
                None => map_triggers.iter().find(|(number, _)| *number == m).map(|(_, entity)| entity.clone()),
            }
        }
    };
    let set_linked = {
        let wrapper = wrapper.clone();
        let active = active.clone();
        move |id: Option<String>| {
            if let Some(root) = wrapper.cast::<Element>() {
                set_active(&root, &active, id);
            }
        }
    };
    let lang = props.ui_lang.as_deref().unwrap_or(&props.loaded.front.lang).to_owned();
    let strings = i18n::strings(&lang);
    let state = cards.0;

    // Timers the reducer asks for; dropping the Timeout cancels it.
    {
        let dispatcher = cards.dispatcher();
        use_effect_with(state.wake_at, move |wake| {
            let timer = wake.map(|at| {
                let delay = (at - now()).max(0.0).ceil() as u32;
                Timeout::new(delay, move || dispatcher.dispatch(Action::Tick { now: now() }))
            });
            move || drop(timer)
        });
    }

    // Mention semantics follow the open card; hosts hear `card-open`.
    {
        let wrapper = wrapper.clone();
        let host = props.host.clone();
        let entity_at = entity_at.clone();
        use_effect_with(state.open_mention(), move |open| {
            let root = wrapper.cast::<Element>();
            if let (Some(root), Some(m)) = (root.as_ref(), open) {
                if let Some(el) = find_mention(root, *m) {
                    let _ = el.set_attribute("aria-expanded", "true");
                    let _ = el.set_attribute("aria-controls", "cr-card");
                }
                if let Some(id) = entity_at(*m) {
                    dispatch(&host, "card-open", &[("entity", id.as_str())]);
                }
            }
            let opened = *open;
            move || {
                if let (Some(root), Some(m)) = (root, opened) {
                    if let Some(el) = find_mention(&root, m) {
                        let _ = el.set_attribute("aria-expanded", "false");
                        let _ = el.remove_attribute("aria-controls");
                    }
                }
            }
        });
    }

    // "Show on map" lights the entity up once the card is gone (its removal moves focus).
    {
        let set_linked = set_linked.clone();
        use_effect_with((*show).clone(), move |show| {
            if let Some((_, id)) = show {
                set_linked(Some(id.to_string()));
            }
        });
    }

    // A page opened with a fragment for one of the widget's anchors scrolls there once.
    {
        let wrapper = wrapper.clone();
        use_effect_with((), move |_| {
            if let Some(root) = wrapper.cast::<Element>() {
                scroll_to_fragment(&root);
            }
        });
    }

    // A press anywhere outside mentions and the card closes it.
    {
        let dispatcher = cards.dispatcher();
        use_effect_with(state.open_mention().is_some(), move |open| {
            let listener = open.then(|| {
                let document = web_sys::window().and_then(|w| w.document()).expect("the widget runs in a document");
                EventListener::new(&document, "pointerdown", move |event| {
                    let inside = event.composed_path().iter().any(|node| {
                        node.dyn_ref::<Element>().is_some_and(|e| e.matches("[data-mention], .cr-card").unwrap_or(false))
                    });
                    if !inside {
                        dispatcher.dispatch(Action::OutsidePress);
                    }
                })
            });
            move || drop(listener)
        });
    }

    // Escape closes the card however it opened (SC 1.4.13 "dismissible"): a card opened by
    // hovering has focus elsewhere on the page, so its Escape never reaches the widget.
    {
        let dispatcher = cards.dispatcher();
        let wrapper = wrapper.clone();
        use_effect_with(state.state != CardState::Closed, move |listening| {
            let listener = listening.then(|| {
                let document = web_sys::window().and_then(|w| w.document()).expect("the widget runs in a document");
                EventListener::new(&document, "keydown", move |event| {
                    let Some(key) = event.dyn_ref::<KeyboardEvent>() else { return };
                    if key.key() != "Escape" || key.default_prevented() {
                        return;
                    }
                    // Keys from inside the widget are handled (and stopped) there.
                    let inside = wrapper.cast::<Element>().map(wasm_bindgen::JsValue::from).is_some_and(|w| event.composed_path().iter().any(|node| node == w));
                    if !inside {
                        dispatcher.dispatch(Action::Escape);
                    }
                })
            });
            move || drop(listener)
        });
    }

    let on_pointer_over = {
        let dispatcher = cards.dispatcher();
        let set_linked = set_linked.clone();
        Callback::from(move |e: PointerEvent| {
            if e.pointer_type() == "touch" {
                return;
            }
            // Entering something linked lights it up; leaving it clears (pointerout), so a
            // highlight from "show on map" survives the pointer crossing plain text.
            if let Some(id) = linked_entity(e.target().as_ref()) {
                set_linked(Some(id));
            }
            if in_card(e.target().as_ref()) && !in_card(e.related_target().as_ref()) {
                dispatcher.dispatch(Action::CardEnter);
            } else if let Some((m, el)) = mention_of(e.target()) {
                if !contains(&el, e.related_target().as_ref()) {
                    dispatcher.dispatch(Action::PointerEnter { mention: m, now: now() });
                }
            }
        })
    };
    let on_pointer_out = {
        let dispatcher = cards.dispatcher();
        let pointer = pointer.clone();
        let set_linked = set_linked.clone();
        let wrapper = wrapper.clone();
        Callback::from(move |e: PointerEvent| {
            if e.pointer_type() == "touch" {
                return;
            }
            let left = linked_entity(e.target().as_ref());
            let entered = linked_entity(e.related_target().as_ref());
            let outside = wrapper.cast::<Element>().is_some_and(|w| !contains(&w, e.related_target().as_ref()));
            if (left.is_some() && left != entered) || outside {
                set_linked(entered);
            }
            if in_card(e.target().as_ref()) && !in_card(e.related_target().as_ref()) {
                dispatcher.dispatch(Action::CardLeave { now: now() });
            } else if let Some((_, el)) = mention_of(e.target()) {
                if !contains(&el, e.related_target().as_ref()) {
                    pointer.borrow_mut().exit = Some((f64::from(e.client_x()), f64::from(e.client_y())));
                    dispatcher.dispatch(Action::PointerLeave { now: now() });
                }
            }
        })
    };
    let on_pointer_move = {
        let dispatcher = cards.dispatcher();
        let pointer = pointer.clone();
        Callback::from(move |e: PointerEvent| {
            let at = (f64::from(e.client_x()), f64::from(e.client_y()));
            let mut p = pointer.borrow_mut();
            p.at = Some(at);
            match state.state {
                CardState::Intent { .. } => dispatcher.dispatch(Action::PointerMove { now: now() }),
                CardState::Open { opener: Opener::Hover, close_at: Some(_), .. } => {
                    if let (Some(exit), Some((rect, side))) = (p.exit, p.card) {
                        if heading_for_card(at, exit, rect, side) {
                            dispatcher.dispatch(Action::TowardsCard { now: now() });
                        }
                    }
                }
                _ => {}
            }
        })
    };
    let on_focus_in = {
        let dispatcher = cards.dispatcher();
        let set_linked = set_linked.clone();
        Callback::from(move |e: FocusEvent| {
            // Clearing is focusout's job: focus landing on the map itself keeps a
            // "show on map" highlight.
            if let Some(id) = linked_entity(e.target().as_ref()) {
                set_linked(Some(id));
            }
            if let Some((m, _)) = mention_of(e.target()) {
                dispatcher.dispatch(Action::Focus { mention: m });
            }
        })
    };
    let on_focus_out = {
        let dispatcher = cards.dispatcher();
        let set_linked = set_linked.clone();
        Callback::from(move |e: FocusEvent| {
            let to = e.related_target();
            if linked_entity(to.as_ref()).is_none() {
                set_linked(None);
            }
            // Into the card, or on to another mention (whose focusin follows): not "out".
            if in_card(to.as_ref()) || mention_of(to).is_some() {
                return;
            }
            dispatcher.dispatch(Action::FocusOut);
        })
    };
    let on_click = {
        let dispatcher = cards.dispatcher();
        let wrapper = wrapper.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some((m, _)) = mention_of(e.target()) {
                dispatcher.dispatch(Action::Activate { mention: m });
                return;
            }
            let target = e.target().and_then(|t| t.dyn_into::<Element>().ok());
            let closest = |s: &str| target.as_ref().and_then(|t| t.closest(s).ok().flatten());
            if let Some(anchor) = closest(".cr-anchor") {
                // A link to the paragraph on the host page: its URL plus the paragraph's anchor,
                // which the widget scrolls to when a page opens with it.
                let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
                let base = href.split('#').next().unwrap_or_default().to_owned();
                let id = anchor.get_attribute("data-anchor").unwrap_or_default();
                copy(&format!("{base}#{id}"), wrapper.cast::<Element>(), strings.link_copied);
            } else if let Some(button) = closest(".cr-copy") {
                let text = button.parent_element().and_then(|p| p.query_selector(".cr-cite-text").ok().flatten()).and_then(|t| t.text_content()).unwrap_or_default();
                copy(&text, wrapper.cast::<Element>(), strings.copied);
            }
        })
    };
    let focus_mention = {
        let wrapper = wrapper.clone();
        move |m: usize| {
            if let Some(root) = wrapper.cast::<Element>() {
                if let Some(el) = find_mention(&root, m) {
                    // Mentions are HTML, map triggers SVG: `focus` is the same method on both.
                    let _ = el.unchecked_into::<HtmlElement>().focus();
                }
            }
        }
    };
    let on_key_down = {
        let dispatcher = cards.dispatcher();
        let focus_mention = focus_mention.clone();
        let wrapper = wrapper.clone();
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Tab" => {
                if let (Some(root), Some(m)) = (wrapper.cast::<Element>(), state.open_mention()) {
                    if let Some(next) = map_tab(&root, m, e.target().as_ref(), e.shift_key()) {
                        e.prevent_default();
                        let _ = next.focus();
                    }
                }
            }
            // Escape with focus outside the widget (a card opened by hovering) is heard on the
            // document, below.
            "Escape" => {
                if let Some(m) = state.open_mention().or(match state.state {
                    CardState::Intent { mention, .. } => Some(mention),
                    _ => None,
                }) {
                    e.stop_propagation();
                    dispatcher.dispatch(Action::Escape);
                    if in_card(e.target().as_ref()) {
                        focus_mention(m);
                    }
                }
            }
            "Enter" | " " => {
                if let Some((m, _)) = mention_of(e.target()) {
                    e.prevent_default();
                    dispatcher.dispatch(Action::Activate { mention: m });
                }
            }
            _ => {}
        })
    };

    // The card, through a portal into a host element right after its mention.
    let card = state.open_mention().and_then(|m| {
        let mut slot = card_host.borrow_mut();
        let reuse = matches!(&*slot, Some((current, _)) if *current == m);
        if !reuse {
            if let Some((_, old)) = slot.take() {
                old.remove();
            }
            let root = wrapper.cast::<Element>()?;
            let mention = find_mention(&root, m)?;
            let span = mention.owner_document()?.create_element("span").ok()?;
            span.set_class_name("cr-card-host");
            // The host goes right after its mention, so Tab reaches the card's controls next.
            // A map trigger's card cannot live inside the <svg>: it goes right after the map,
            // and `map_tab` below keeps the Tab order as if it followed its trigger.
            let after = if mention.namespace_uri().as_deref() == Some(SVG_NS) { mention.closest("svg").ok().flatten()? } else { mention };
            after.after_with_node_1(&span).ok()?;
            *slot = Some((m, span));
        }
        let (_, host) = slot.as_ref()?;
        let root = wrapper.cast::<Element>()?;
        let anchor = find_mention(&root, m)?;
        let id = entity_at(m)?;
        let index = props.loaded.catalog.index_of(id.as_str())?;
        let all = props.loaded.linked.mentions.of(&props.loaded.catalog.get(index).id);
        // 0: opened from the map, not from one of the mentions.
        let k = all.iter().position(|&o| o == m).map_or(0, |i| i + 1);
        let entity = Rc::new(props.loaded.catalog.get(index).clone());
        let on_map = match &props.loaded.map {
            Some(Ok(scene)) => props.options.map && k > 0 && scene.bounds_of_entity(&id).is_some(),
            _ => false,
        };
        let on_show_map = on_map.then(|| {
            let dispatcher = cards.dispatcher();
            let show = show.clone();
            let id = id.clone();
            Callback::from(move |()| {
                dispatcher.dispatch(Action::Escape);
                let serial = show.as_ref().map_or(1, |(n, _)| n + 1);
                show.set(Some((serial, AttrValue::from(id.clone()))));
            })
        });
        let on_step = {
            let all = all.to_vec();
            let focus_mention = focus_mention.clone();
            let wrapper = wrapper.clone();
            Callback::from(move |step: Step| {
                // `k` is 1-based; 0 (from the map) steps to the first mention.
                let target = match step {
                    Step::Previous => k.checked_sub(2).and_then(|i| all.get(i)),
                    Step::Next => all.get(k),
                };
                if let (Some(&t), Some(root)) = (target, wrapper.cast::<Element>()) {
                    if let Some(el) = find_mention(&root, t) {
                        el.scroll_into_view_with_bool(false);
                        focus_mention(t);
                    }
                }
            })
        };
        let on_close = {
            let dispatcher = cards.dispatcher();
            let focus_mention = focus_mention.clone();
            Callback::from(move |()| {
                dispatcher.dispatch(Action::Escape);
                focus_mention(m);
            })
        };
        let on_placed = {
            let pointer = pointer.clone();
            Callback::from(move |placed: (Rect, Side)| pointer.borrow_mut().card = Some(placed))
        };
        let at = pointer.borrow().at;
        Some(html! {
            <CardPortal key={m.to_string()} host={host.clone()}>
                <Card entity={entity} anchor={anchor} pointer={at} position={(k, all.len())} strings={strings}
                      on_step={on_step} on_close={on_close} on_placed={on_placed} on_show_map={on_show_map} />
            </CardPortal>
        })
    });
    if state.open_mention().is_none() {
        if let Some((_, old)) = card_host.borrow_mut().take() {
            old.remove();
        }
    }

    html! {
        <div ref={wrapper} class="cr-doc" data-card-state={match state.state {
                 CardState::Closed => "closed",
                 CardState::Intent { .. } => "intent",
                 CardState::Open { .. } => "open",
             }}
             onpointerover={on_pointer_over} onpointerout={on_pointer_out} onpointermove={on_pointer_move}
             onfocusin={on_focus_in} onfocusout={on_focus_out} onclick={on_click} onkeydown={on_key_down}>
            // Yew matches unkeyed children from the end: the optional card goes first so the
            // article is never mistaken for it and rebuilt (which would drop focus).
            { card }
            <Progress />
            <p class="cr-visually-hidden cr-announce" aria-live="polite"></p>
            <Article loaded={props.loaded.clone()} ui_lang={props.ui_lang.clone()} show={(*show).clone()} options={props.options} />
            if props.debug {
                <section class="cr-debug" aria-label={strings.problems}>
                    <p class="cr-debug-title">{ format!("{} ({})", strings.problems, props.loaded.warnings.len()) }</p>
                    <ul>{ for props.loaded.warnings.iter().map(|w| html! { <li><code>{ w.to_string() }</code></li> }) }</ul>
                </section>
            }
        </div>
    }
}
