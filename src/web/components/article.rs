//! Renders a loaded commentary: title, byline, body, closing note.
//! Every string from a file goes through Yew's text nodes or attribute setters, never HTML.
//!
//! The body's text is rendered once and never again ([`Body`]): by the build into a reading
//! page, whose nodes the browser keeps as they are, or by the browser where there is no such
//! page. What the cards change on its mentions (the open mention's `aria-expanded`, the lit-up
//! entity's `data-active`, the buttons' live attributes) is set on those nodes by
//! `commentary::marks`. The card itself is not in the text: the commentary renders it after the
//! article (see `commentary`), so it is never part of a sentence.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::map::Map;
use crate::bundle::LoadedMap;
use crate::content::links::is_allowed_scheme;
use crate::content::{Block, Inline};
use crate::i18n::join_names;
use crate::ui::reading;
use crate::web::context::{Marks, ReaderContext};
use crate::web::context::{Shared, ShowOnMap};
use crate::web::fetch::resolve;

#[derive(Properties, PartialEq)]
pub struct ArticleProps {
    /// The commentary and how to show it.
    pub reader: ReaderContext,
    /// The latest "show on map" request from a card.
    #[prop_or_default]
    pub show: Option<ShowOnMap>,
    /// The open card and the highlighted entity.
    #[prop_or_default]
    pub marks: Marks,
}

/// An external link that opens safely in a new tab.
fn external(href: String, title: String, content: Html) -> Html {
    let title = (!title.is_empty()).then_some(title);
    html! { <a href={href} title={title} target="_blank" rel="noopener noreferrer">{ content }</a> }
}

struct Ctx<'a> {
    base: &'a str,
    /// Mentions open cards (the element's `cards` attribute); otherwise they are plain text.
    cards: bool,
    /// The level of the commentary's title (`heading-level`): a `##` section is one below.
    title_level: u8,
}

impl Ctx<'_> {
    fn inlines(&self, inlines: &[Inline]) -> Html {
        inlines.iter().map(|i| self.inline(i)).collect()
    }

    fn inline(&self, inline: &Inline) -> Html {
        match inline {
            Inline::Text(text) => html! { { text.clone() } },
            Inline::Emphasis(c) => html! { <em>{ self.inlines(c) }</em> },
            Inline::Strong(c) => html! { <strong>{ self.inlines(c) }</strong> },
            Inline::Strikethrough(c) => html! { <s>{ self.inlines(c) }</s> },
            Inline::Code(code) => html! { <code>{ code.clone() }</code> },
            Inline::Break => html! { <br /> },
            // Unresolved explicit links were already reported by the linker; keep their text.
            Inline::Entity { content, .. } => self.inlines(content),
            Inline::Mention { content, .. } if !self.cards => self.inlines(content),
            Inline::Mention { id, ordinal, repeat, content } => {
                // A label, so a long name wraps like the words around it (a button is one
                // unbreakable box) and a click on any of its lines reaches the button inside it,
                // which opens the entity's card: with the platform alone (`popovertarget`, and
                // `interestfor` on hover or focus where the browser has interest invokers)
                // until the reader's code runs, which then takes them off and opens cards from
                // the card reducer (`commentary::marks`). The visible words are hidden from
                // screen readers, which meet the button, named by them, in their place.
                // The card's summary describes the entity's first mention only: read again at
                // every later one, it was noise (ten times for Belarus in the seed).
                // Literal classes: Yew builds a set for every computed one.
                let class = if *repeat { "cr-mention cr-repeat" } else { "cr-mention" };
                let card = crate::web::context::card_id(id.as_str());
                html! {
                    <label class={class} part="mention" data-entity={id.to_string()} data-mention={ordinal.to_string()}>
                        <span aria-hidden="true">{ self.inlines(content) }</span>
                        <button type="button" class="cr-invoke" data-entity={id.to_string()} data-mention={ordinal.to_string()}
                                aria-label={crate::content::Inline::plain_text(content)} popovertarget={card.clone()} interestfor={card}
                                aria-describedby={(!*repeat).then(|| crate::web::context::card_summary_id(id.as_str()))}></button>
                    </label>
                }
            }
            Inline::Link { href, relative, title, content } => {
                let resolved = if *relative { resolve(href, self.base) } else { Some(href.clone()) };
                // A relative reference the server renderer could not make absolute stays a link
                // relative to the page (the same element as the browser's render: hydration
                // adopts it).
                match resolved.filter(|url| is_allowed_scheme(url) || (*relative && crate::content::links::scheme(url).is_none())) {
                    Some(url) => external(url, title.clone(), self.inlines(content)),
                    None => self.inlines(content),
                }
            }
        }
    }

    fn blocks(&self, blocks: &[Block]) -> Html {
        blocks.iter().map(|b| self.block(b)).collect()
    }

    /// A top-level block of the body: a paragraph gets a stable anchor (`p-1`, `p-2`, …, by
    /// position among paragraphs: `paragraph`) and a control that copies a link to it.
    fn top_block(&self, block: &Block, paragraph: Option<usize>, copy_link: &str) -> Html {
        match (block, paragraph) {
            (Block::Paragraph { content, .. }, Some(n)) => {
                let id = format!("p-{n}");
                html! {
                    <p id={id.clone()}>
                        { self.inlines(content) }
                        // A pointer's convenience, outside the Tab sequence (one per paragraph
                        // would double it) and out of the accessibility tree (read at the end of
                        // every paragraph, it was noise): the keyboard has "L" for the paragraph
                        // with focus, and "Cite this" gives the page's address.
                        <button type="button" class="cr-anchor" tabindex="-1" aria-hidden="true" data-anchor={id} aria-label={copy_link.to_owned()}>
                            <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M6.5 9.5l3-3M7 4.5l1-1a2.5 2.5 0 0 1 3.5 3.5l-1 1M9 11.5l-1 1A2.5 2.5 0 0 1 4.5 9l1-1" /></svg>
                        </button>
                    </p>
                }
            }
            (other, _) => self.block(other),
        }
    }

    fn block(&self, block: &Block) -> Html {
        match block {
            Block::Heading { level, id, content, .. } => {
                // `##` is a section of the title, one level below it; `#` is read as `##`. The
                // look follows the Markdown level, whatever level the host's outline needs.
                let level = (*level).clamp(2, 6);
                let tag = format!("h{}", (self.title_level + level - 1).min(6));
                let class = match level {
                    2 => "cr-h cr-h2",
                    3 => "cr-h cr-h3",
                    _ => "cr-h cr-h4",
                };
                html! { <@{tag} id={id.clone()} class={class}>{ self.inlines(content) }</@> }
            }
            Block::Paragraph { content, .. } => html! { <p>{ self.inlines(content) }</p> },
            Block::Quote { blocks, .. } => html! { <blockquote>{ self.blocks(blocks) }</blockquote> },
            Block::List { start: None, items, .. } => {
                html! { <ul>{ for items.iter().map(|item| html! { <li>{ self.blocks(item) }</li> }) }</ul> }
            }
            Block::List { start: Some(n), items, .. } => html! {
                <ol start={n.to_string()}>{ for items.iter().map(|item| html! { <li>{ self.blocks(item) }</li> }) }</ol>
            },
            Block::Code { text, .. } => html! { <pre><code>{ text.clone() }</code></pre> },
            Block::Rule { .. } => html! { <hr /> },
        }
    }
}

/// The typeset commentary.
#[function_component]
pub fn Article(props: &ArticleProps) -> Html {
    let reader = &props.reader;
    let loaded = &reader.loaded;
    let front = &loaded.front;
    let ui_lang = reader.ui_lang.to_string();
    let strings = reader.strings;
    let ctx = Ctx { base: &loaded.url, cards: reader.options.cards, title_level: reader.options.heading_level };

    let names: Vec<&str> = front.authors.iter().map(|a| a.name.as_str()).collect();
    let byline = (!names.is_empty()).then(|| {
        html! { <p class="cr-byline">{ strings.by }{ " " }<span class="cr-authors">{ join_names(&names, strings.and) }</span></p> }
    });
    let publication = front.publication.as_ref();
    let publisher = publication.map(|p| {
        let name = html! { { p.publisher.clone() } };
        let name = match p.url.clone().filter(|u| is_allowed_scheme(u)) {
            Some(url) => external(url, String::new(), name),
            None => name,
        };
        html! { <>{ " · " }{ strings.originally_published_by }{ " " }{ name }</> }
    });
    let linked = &loaded.linked;
    let about = linked.bios.iter().filter(|(_, role)| role.is_some()).map(|(name, role)| {
        html! {
            <p class="cr-author-bio">
                <span class="cr-author-name">{ ctx.inlines(name) }</span>
                { role.as_ref().map(|r| html! { <>{ ", " }<span class="cr-author-role">{ ctx.inlines(r) }</span></> }) }
            </p>
        }
    });
    let date = strings.date(front.date);
    let note = linked.note.as_ref().map(|n| html! { <p class="cr-note">{ ctx.inlines(n) }</p> });
    // The map sits between the header and the text: beside the text on wide screens (sticky),
    // inline above it on narrow ones. A map that cannot be drawn leaves a note, not a hole.
    let map = match &loaded.map {
        _ if !reader.options.map => html! {},
        LoadedMap::Drawn(_) => html! {
            <Suspense>
                <MapSlot reader={reader.clone()} show={props.show.clone()} marks={props.marks.clone()} lang={ui_lang.clone()}
                         keep={reader.keep_text && reader.map_island.is_some()} />
            </Suspense>
        },
        LoadedMap::Unavailable(why) => html! {
            <div class="cr-map-slot" lang={ui_lang.clone()}>
                <p class="cr-map-missing" role="note">{ strings.map_unavailable }{ ": " }{ why.clone() }</p>
            </div>
        },
        LoadedMap::None => html! {},
    };

    use_map_island(reader, &props.show, &props.marks);

    html! {
        <article class="cr" lang={front.lang.clone()} aria-labelledby="cr-title">
            <header class="cr-head">
                <p class="cr-kicker" lang={ui_lang.clone()}>{ strings.article_label }</p>
                <@{reader.options.heading(0)} id="cr-title" class="cr-title">{ front.title.clone() }</@>
                { byline }
                { language_switch(reader, &ui_lang) }
                <p class="cr-meta" lang={ui_lang.clone()}>
                    <time datetime={front.date.iso()}>{ date }</time>
                    { publisher }
                    <span class="cr-reading-time">{ " · " }{ strings.reading(reading::minutes(reading::characters(&loaded.linked.body), &front.lang)) }</span>
                </p>
            </header>
            { map }
            <div class="cr-body" tabindex="-1">
                <Suspense>
                    <Body loaded={loaded.clone()} cards={reader.options.cards} title_level={reader.options.heading_level}
                          copy_link={strings.copy_link} keep={reader.keep_text} />
                </Suspense>
            </div>
            if front.authors.iter().any(|a| a.role.is_some()) || note.is_some() {
                <footer class="cr-foot" aria-label={strings.about_author}>
                    { for about }
                    { note }
                </footer>
            }
            { glossary_section(loaded, strings, &ui_lang, reader, reader.options.heading(1)) }
            { cite_section(loaded, strings, &ui_lang, reader) }
        </article>
    }
}

/// The language switch, for a commentary published in several languages: a navigation of
/// links, one per language, each named in its own language, the one shown marked
/// `aria-current`. Rendered at build time, so it is there at first paint and nothing moves
/// when the code arrives; without the code each link is the reading page in that language
/// (`index.ru.html` beside `index.html`, or the language's own `url`). Once the reader's code
/// runs, a plain click or Enter switches in place instead (a modified click still opens the
/// page): an explicit choice, never an arrow key passing over it.
fn language_switch(reader: &ReaderContext, ui_lang: &str) -> Html {
    let loaded = &reader.loaded;
    if loaded.languages.len() < 2 {
        return Html::default();
    }
    let on_language = reader.on_language.clone().filter(|_| reader.live);
    html! {
        <nav class="cr-languages" part="languages" aria-label={reader.strings.language} lang={ui_lang.to_owned()}>
            <ul>
                { for loaded.languages.iter().enumerate().map(|(i, l)| {
                    let current = l.lang == loaded.front.lang;
                    let href = language_page(loaded, i, reader.live);
                    let onclick = on_language.clone().map(|on_language| {
                        let lang = l.lang.clone();
                        Callback::from(move |e: MouseEvent| {
                            if e.button() != 0 || e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key() {
                                return;
                            }
                            e.prevent_default();
                            if !current {
                                on_language.emit(lang.clone());
                            }
                        })
                    });
                    html! {
                        <li>
                            <a href={href} hreflang={l.lang.clone()} lang={l.lang.clone()} data-lang={l.lang.clone()}
                               aria-current={current.then_some("true")} onclick={onclick}>
                                { crate::i18n::language_name(&l.lang).to_owned() }
                            </a>
                        </li>
                    }
                }) }
            </ul>
        </nav>
    }
}

/// The reading page of `loaded`'s language number `i` (0: the original): its own `url` when
/// absolute, else its page's file name beside the bundle (`index.html`, `index.ru.html`),
/// relative as the server renders it, resolved against the bundle's address once live (the
/// widget may sit on any page of the site).
fn language_page(loaded: &Shared, i: usize, live: bool) -> String {
    let language = &loaded.languages[i];
    if let Some(url) = language.url.as_deref().filter(|u| crate::content::links::is_absolute_web_url(u)) {
        return url.to_owned();
    }
    let name = crate::bundle::page_names((i > 0).then_some(language.lang.as_str())).0;
    if live {
        crate::web::fetch::resolve(&name, &loaded.url).unwrap_or(name)
    } else {
        name
    }
}

/// Printed instead of the interactive cards: every entity the text mentions, in order of first
/// mention, with its summary and facts (rendered when the browser is idle, or before printing).
fn glossary_section(
    loaded: &Shared,
    strings: &'static crate::i18n::Strings,
    ui_lang: &str,
    reader: &ReaderContext,
    heading: String,
) -> Html {
    if loaded.linked.mentions.by_ordinal.is_empty() {
        return Html::default();
    }
    let ui_lang = ui_lang.to_owned();
    html! {
        <section class="cr-glossary" aria-label={strings.glossary}>
            <@{heading} class="cr-glossary-title" lang={ui_lang.clone()}>{ strings.glossary }</@>
            <Suspense><Later now={reader.prerendered} keep={reader.keep_text} render={{
                let (loaded, ui_lang) = (loaded.clone(), ui_lang.clone());
                Callback::from(move |()| html! {
                    <dl>
                        { for loaded.entities_in_order([]).into_iter().map(|e| html! {
                            <div class="cr-glossary-entry">
                                <dt>{ e.name.clone() }<span class="cr-glossary-kind" lang={ui_lang.clone()}>{ " · " }{ strings.kind(e.kind) }</span></dt>
                                <dd>
                                    { e.summary.clone() }
                                    { for e.facts.iter().map(|(label, value)| html! { <>{ " " }<span class="cr-glossary-fact">{ format!("{label}: {value}.") }</span></> }) }
                                </dd>
                            </div>
                        }) }
                    </dl>
                })
            }} /></Suspense>
        </section>
    }
}

/// "Cite this": the citation in each style with a copy button (rendered when idle).
fn cite_section(loaded: &Shared, strings: &'static crate::i18n::Strings, ui_lang: &str, reader: &ReaderContext) -> Html {
    let ui_lang = ui_lang.to_owned();
    html! {
        <details class="cr-cite" lang={ui_lang.clone()}>
            <summary>{ strings.cite }</summary>
            <Suspense><Later now={reader.prerendered} keep={reader.keep_text} render={{
                let loaded = loaded.clone();
                Callback::from(move |()| html! {
                    { for reading::citations(&loaded.front, &loaded.url).into_iter().map(|(style, text)| html! {
                        <div class="cr-cite-item">
                            <p class="cr-cite-style">{ style }</p>
                            <p class="cr-cite-text" lang={loaded.front.lang.clone()}>{ text }</p>
                            <button type="button" class="cr-copy" aria-label={format!("{} ({style})", strings.copy)}>{ strings.copy }</button>
                        </div>
                    }) }
                })
            }} /></Suspense>
        </details>
    }
}

#[derive(Properties, PartialEq)]
struct MapSlotProps {
    reader: ReaderContext,
    show: Option<ShowOnMap>,
    marks: Marks,
    lang: AttrValue,
    /// The map is hydrated as an app of its own (`ReaderContext::map_island`): keep its nodes.
    keep: bool,
}

/// The map's place between the header and the text: beside the text on wide screens (sticky),
/// inline above it on narrow ones. Its children are exactly the map's component, so a reading
/// page's map can be hydrated as an app of its own rooted at the slot (`web::hydrate`), in a
/// task of its own; this app then keeps the slot as the page has it (see [`Body`]).
#[function_component]
fn MapSlot(props: &MapSlotProps) -> HtmlResult {
    super::use_kept(props.keep)?;
    Ok(html! {
        <div class="cr-map-slot" lang={props.lang.clone()}>
            <Map reader={props.reader.clone()} show={props.show.clone()} marks={props.marks.clone()} />
        </div>
    })
}

/// Hands the map hydrated as an app of its own what the map rendered here would be told, at
/// every change, and ends it when the article goes (another language is a fresh render).
#[hook]
fn use_map_island(reader: &ReaderContext, show: &Option<ShowOnMap>, marks: &Marks) {
    let island = reader.map_island.clone();
    {
        let island = island.clone();
        use_effect_with((reader.clone(), show.clone(), marks.clone()), move |(reader, show, marks)| {
            if let Some(island) = island {
                // As `web::hydrate` made it: the map does not use the island or the switch.
                let reader = ReaderContext { map_island: None, keep_text: false, on_language: None, ..reader.clone() };
                island.emit(Some(super::map::MapProps { reader, show: show.clone(), marks: marks.clone() }));
            }
        });
    }
    use_effect_with((), move |_| {
        move || {
            if let Some(island) = island {
                island.emit(None);
            }
        }
    });
}

#[derive(Properties, PartialEq)]
struct BodyProps {
    loaded: Shared,
    cards: bool,
    title_level: u8,
    copy_link: &'static str,
    /// The body is in the page already, as the build rendered it: keep those nodes.
    keep: bool,
}

/// The body's blocks, rendered once: they never change while the commentary is shown (another
/// language is a new `Commentary`).
///
/// Hydrating a reading page, it does not render at all: it suspends, for good, inside its
/// `Suspense`, whose hydration then keeps the server's nodes where they are as its fallback and
/// never walks them (Yew's `VSuspense::hydrate`). Rebuilding the text's virtual DOM only to adopt
/// the same nodes was most of the hydration's one long task (about 200 ms of a 4x-slowed phone
/// CPU on the seed). Events on the kept nodes bubble to the commentary's listeners as any other.
#[function_component]
fn Body(props: &BodyProps) -> HtmlResult {
    super::use_kept(props.keep)?;
    let ctx = Ctx { base: &props.loaded.url, cards: props.cards, title_level: props.title_level };
    let mut paragraphs = 0;
    Ok(props
        .loaded
        .linked
        .body
        .blocks
        .iter()
        .map(|block| {
            let paragraph = matches!(block, Block::Paragraph { .. }).then(|| {
                paragraphs += 1;
                paragraphs
            });
            ctx.top_block(block, paragraph, props.copy_link)
        })
        .collect())
}

#[derive(Properties, PartialEq)]
struct LaterProps {
    render: Callback<(), Html>,
    /// Render at once (a prerendered page has it in its HTML).
    now: bool,
    /// The page has it already and nothing in it changes: keep its nodes (see [`Body`]).
    keep: bool,
}

/// What is not on screen when the commentary appears (the print-only glossary, the closed
/// "Cite this"): rendered when the browser is next idle (at most half a second later), after
/// the widget is ready and painted, not in the same pass; at once if the page is printed
/// before that (Yew renders in the microtask after `beforeprint`, before the print layout).
#[function_component]
fn Later(props: &LaterProps) -> HtmlResult {
    super::use_kept(props.keep)?;
    let shown = use_state(|| props.now);
    {
        let shown = shown.clone();
        use_effect_with((), move |_| {
            let show = shown.clone();
            let idle = when_idle(move || show.set(true));
            let print = web_sys::window().map(|w| gloo::events::EventListener::once(&w, "beforeprint", move |_| shown.set(true)));
            move || drop((idle, print))
        });
    }
    Ok(if *shown { props.render.emit(()) } else { Html::default() })
}

/// A callback waiting for the browser to be idle; dropping it cancels the callback.
struct WhenIdle {
    handle: JsValue,
    /// `cancelIdleCallback`, or `None` where the callback waits on a timer instead.
    cancel: Option<js_sys::Function>,
    _callback: Closure<dyn FnMut()>,
}

impl Drop for WhenIdle {
    fn drop(&mut self) {
        let Some(window) = web_sys::window() else { return };
        match &self.cancel {
            Some(cancel) => {
                let _ = cancel.call1(&window, &self.handle);
            }
            None => window.clear_timeout_with_handle(self.handle.as_f64().unwrap_or_default() as i32),
        }
    }
}

/// Calls `f` when the main thread is next idle (`requestIdleCallback`, within 500 ms), or after
/// 50 ms where the browser has no idle callbacks, unless the returned guard is dropped first.
fn when_idle(f: impl FnOnce() + 'static) -> Option<WhenIdle> {
    let window = web_sys::window()?;
    let mut f = Some(f);
    let callback = Closure::<dyn FnMut()>::new(move || {
        if let Some(f) = f.take() {
            f();
        }
    });
    let function = |name: &str| js_sys::Reflect::get(&window, &name.into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match (function("requestIdleCallback"), function("cancelIdleCallback")) {
        (Some(request), cancel @ Some(_)) => {
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"timeout".into(), &500.into());
            let handle = request.call2(&window, callback.as_ref(), &options).ok()?;
            Some(WhenIdle { handle, cancel, _callback: callback })
        }
        _ => {
            let handle = window.set_timeout_with_callback_and_timeout_and_arguments_0(callback.as_ref().unchecked_ref(), 50).ok()?;
            Some(WhenIdle { handle: JsValue::from(handle), cancel: None, _callback: callback })
        }
    }
}
