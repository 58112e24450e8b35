//! Browser tests (wasm-bindgen-test in headless Chromium): mount the widget into a fresh
//! element with an open shadow root, wait for its own ready/error event, inspect the DOM.
#![cfg(target_arch = "wasm32")]

use commentary_reader::web::{mount, ReaderHandle};
use js_sys::{Array, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Blob, BlobPropertyBag, CustomEvent, Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode, Url};

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str = include_str!("../static/commentaries/belarus-china-relations-2024/commentary.md");

struct Mounted {
    host: HtmlElement,
    root: ShadowRoot,
    event: CustomEvent,
    _handle: ReaderHandle,
}

/// Serves `markdown` from a blob: URL (no server needed).
fn blob_url(markdown: &str) -> String {
    let options = BlobPropertyBag::new();
    options.set_type("text/markdown");
    let blob = Blob::new_with_str_sequence_and_options(&Array::of1(&markdown.into()), &options).unwrap();
    Url::create_object_url_with_blob(&blob).unwrap()
}

/// Mounts a widget for `src` and resolves with its first ready or error event.
async fn mount_src(src: &str) -> Mounted {
    mount_with(src, Some(compiler())).await
}

/// Mounts a widget for `src` with the given compiler (or none, as a page without the compiler
/// module) and resolves with its first ready or error event.
async fn mount_with(src: &str, compiler: Option<js_sys::Function>) -> Mounted {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document.create_element("commentary-reader").unwrap().unchecked_into();
    host.set_attribute("src", src).unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let init = ShadowRootInit::new(ShadowRootMode::Open);
    let root = host.attach_shadow(&init).unwrap();

    let mut on_event: Option<Closure<dyn FnMut(web_sys::Event)>> = None;
    let promise = Promise::new(&mut |resolve, _| {
        let closure = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            let _ = resolve.call1(&JsValue::NULL, &e);
        });
        for name in ["commentary-reader:ready", "commentary-reader:error"] {
            host.add_event_listener_with_callback(name, closure.as_ref().unchecked_ref()).unwrap();
        }
        on_event = Some(closure);
    });
    let assets = web_sys::window().unwrap().location().href().unwrap();
    let handle = mount(host.clone(), root.clone(), assets, compiler, JsValue::UNDEFINED, None).unwrap();
    let event: CustomEvent = JsFuture::from(promise).await.unwrap().unchecked_into();
    drop(on_event);
    Mounted { host, root, event, _handle: handle }
}

/// What the element passes as `compiler`: here the compiler module's `compile`, linked into
/// the test binary (`--features compiler`), behind a JS function returning a promise.
fn compiler() -> js_sys::Function {
    let closure = Closure::<dyn FnMut(String, String, Option<Vec<u8>>, Option<String>) -> Promise>::new(
        |url: String, assets: String, source: Option<Vec<u8>>, lang: Option<String>| {
            wasm_bindgen_futures::future_to_promise(async move {
                Ok(js_sys::Uint8Array::from(commentary_reader::web::compiler::compile(url, assets, source, lang).await.as_slice()).into())
            })
        },
    );
    closure.into_js_value().unchecked_into()
}

fn all(root: &ShadowRoot, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().unchecked_into()).collect()
}

fn text(root: &ShadowRoot, selector: &str) -> String {
    root.query_selector(selector).unwrap().map(|e| e.text_content().unwrap_or_default()).unwrap_or_default()
}

fn detail(event: &CustomEvent, key: &str) -> String {
    Reflect::get(&event.detail(), &key.into()).unwrap().as_string().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn a_compiled_bundle_renders_without_the_compiler() {
    // What `commentary-reader build` writes, made here by the compiler module itself.
    let bundle = commentary_reader::web::compiler::compile(
        "https://example.org/c/commentary.md".into(),
        String::new(),
        Some(SEED.as_bytes().to_vec()),
        None,
    )
    .await;
    assert!(commentary_reader::bundle::is_bundle(&bundle));
    let m = mount_with(&blob_of_bytes(&bundle, "application/octet-stream"), None).await;
    assert_eq!(m.event.type_(), "commentary-reader:ready", "{}", detail(&m.event, "message"));
    assert_eq!(text(&m.root, "h1"), "Belarus-China Relations amid Geostrategic Challenges");
    assert_eq!(all(&m.root, ".cr-body p").len(), 7);
    assert!(text(&m.root, ".cr-byline").contains("Yauheni Preiherman"));
    m.host.remove();
}

#[wasm_bindgen_test]
async fn markdown_without_the_compiler_says_to_compile_it() {
    let m = mount_with(&blob_url(SEED), None).await;
    assert_eq!(m.event.type_(), "commentary-reader:error");
    assert!(detail(&m.event, "message").contains("commentary-reader build"), "{}", detail(&m.event, "message"));
    m.host.remove();
}

#[wasm_bindgen_test]
async fn a_bundle_of_another_format_version_says_so() {
    // The header of a later format: the magic, then version 99 (postcard varints).
    let mut future = vec![commentary_reader::bundle::MAGIC.len() as u8];
    future.extend(commentary_reader::bundle::MAGIC.as_bytes());
    future.extend([99, 0]);
    let m = mount_with(&blob_of_bytes(&future, "application/octet-stream"), None).await;
    assert_eq!(m.event.type_(), "commentary-reader:error");
    assert!(detail(&m.event, "message").contains("format 99"), "{}", detail(&m.event, "message"));
    m.host.remove();
}

#[wasm_bindgen_test]
async fn renders_the_seed_commentary() {
    let m = mount_src(&blob_url(SEED)).await;
    assert_eq!(m.event.type_(), "commentary-reader:ready");
    assert!(m.event.bubbles() && m.event.composed());
    assert_eq!(detail(&m.event, "title"), "Belarus-China Relations amid Geostrategic Challenges");
    assert_eq!(text(&m.root, "h1"), "Belarus-China Relations amid Geostrategic Challenges");
    assert_eq!(text(&m.root, ".cr-body h2"), "Long-established relations that took off in the 2010s");
    assert_eq!(m.root.query_selector(".cr-body h2").unwrap().unwrap().id(), "long-established-relations-that-took-off-in-the-2010s");
    assert_eq!(all(&m.root, ".cr-body p").len(), 7);
    let emphasis: Vec<String> = all(&m.root, ".cr-body em").iter().map(|e| e.text_content().unwrap()).collect();
    assert_eq!(emphasis, ["Firstly", "Secondly"]);
    // The page-break split sentence is one paragraph.
    assert!(all(&m.root, ".cr-body p").iter().any(|p| p.text_content().unwrap().contains("in 2013, infused new energy")));
    assert!(text(&m.root, ".cr-byline").contains("Yauheni Preiherman"));
    // `lang = "en"`: Intl formats the date the American English way.
    assert!(text(&m.root, ".cr-meta").contains("February 14, 2024"), "{}", text(&m.root, ".cr-meta"));
    assert_eq!(m.root.query_selector("time").unwrap().unwrap().get_attribute("datetime").as_deref(), Some("2024-02-14"));
    assert!(text(&m.root, ".cr-foot").contains("Director, Minsk Dialogue Council on International Relations"));
    assert!(text(&m.root, ".cr-foot").contains("partnership framework"));
    // No dead placeholder links; the one real link opens safely.
    for a in all(&m.root, "a") {
        let href = a.get_attribute("href").unwrap();
        assert!(href.starts_with("https://"), "{href}");
        assert_eq!(a.get_attribute("rel").as_deref(), Some("noopener noreferrer"));
    }
    assert_eq!(all(&m.root, "a").len(), 2, "publisher link in the byline and at the end of the text");
    m.host.remove();
}

#[wasm_bindgen_test]
async fn hostile_markdown_is_rendered_inert() {
    let md = "+++\ntitle = \"Hostile\"\ndate = 2024-01-01\nlang = \"en\"\n+++\n\
        <script>window.__pwned = 1</script>\n\n\
        Text <img src=x onerror=\"window.__pwned = 3\"> and [click](javascript:window.__pwned=2) \
        [data](data:text/html,<script>alert(1)</script>) [vb](vbscript:msgbox(1)).\n\n\
        <iframe src=\"javascript:window.__pwned=4\"></iframe>\n";
    let m = mount_src(&blob_url(md)).await;
    assert_eq!(m.event.type_(), "commentary-reader:ready");
    for tag in ["script", "img", "iframe", "a"] {
        assert!(all(&m.root, tag).is_empty(), "a <{tag}> element was created");
    }
    let body = text(&m.root, ".cr-body");
    assert!(body.contains("<script>window.__pwned = 1</script>"), "raw HTML is shown as text: {body}");
    assert!(body.contains("click"));
    let pwned = Reflect::get(&web_sys::window().unwrap(), &"__pwned".into()).unwrap();
    assert!(pwned.is_undefined(), "injected code ran: {pwned:?}");
    m.host.remove();
}

#[wasm_bindgen_test]
async fn malformed_commentary_shows_an_error_and_fires_the_error_event() {
    let m = mount_src(&blob_url("# No front matter here\n\nJust text.")).await;
    assert_eq!(m.event.type_(), "commentary-reader:error");
    let message = detail(&m.event, "message");
    assert!(message.contains("front matter") && message.contains(":1:1: error"), "{message}");
    assert_eq!(m.root.query_selector("[role=alert]").unwrap().unwrap().class_name(), "cr-error");
    assert!(text(&m.root, ".cr-error-message").contains("front matter"));
    m.host.remove();
}

#[wasm_bindgen_test]
async fn bad_toml_names_the_line() {
    let m = mount_src(&blob_url("+++\ntitle = \"T\"\ndate = \"yesterday\"\n+++\nBody")).await;
    assert_eq!(m.event.type_(), "commentary-reader:error");
    assert!(detail(&m.event, "message").contains(":3:8: error: front matter"), "{}", detail(&m.event, "message"));
    m.host.remove();
}

#[wasm_bindgen_test]
async fn missing_file_shows_an_error_with_the_status() {
    let m = mount_src("/no/such/folder/commentary.md").await;
    assert_eq!(m.event.type_(), "commentary-reader:error");
    assert!(detail(&m.event, "message").contains("404"), "{}", detail(&m.event, "message"));
    assert!(text(&m.root, ".cr-error").contains("404"));
    m.host.remove();
}

/// The hostile corpus (tests/hostile/*.txt, every file: build.rs lists the folder): a
/// commentary.md, optionally followed by `=== entities.toml ===` and `=== map.toml ===`
/// sections. Every payload tries to run `window.__pwned=1`, inject markup or style, or hang the
/// parser.
const HOSTILE: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/hostile.rs"));

/// The hostile inputs the compiler refuses (the widget shows its error, inert); every other one
/// is shown (`ready`). A new file is expected to be shown until it is listed here.
const REFUSED: &[&str] = &[];

const BASEMAP: &str = include_str!("../static/basemaps/eurasia.topo.json");

fn blob_of(text: &str, kind: &str) -> String {
    blob_of_bytes(text.as_bytes(), kind)
}

fn blob_of_bytes(bytes: &[u8], kind: &str) -> String {
    let options = BlobPropertyBag::new();
    options.set_type(kind);
    let blob = Blob::new_with_u8_array_sequence_and_options(&Array::of1(&js_sys::Uint8Array::from(bytes)), &options).unwrap();
    Url::create_object_url_with_blob(&blob).unwrap()
}

/// Every element under `root` is one the widget makes, no attribute is an event handler or
/// carries a script URL, and links go only to http(s) and mailto (the locator's `<use>` of the
/// map's own countries aside).
fn inert(root: &ShadowRoot, case: &str) {
    for el in all(root, "*") {
        let tag = el.tag_name().to_ascii_lowercase();
        // The one <use> the widget draws: the locator's miniature of its own countries, by a
        // fixed reference into its own shadow root.
        if tag == "use"
            && el.get_attribute("href").as_deref() == Some("#cr-land")
            && el.get_attribute_names().length() == 1
            && el.parent_element().is_some_and(|p| p.matches(".cr-inset").unwrap_or(false))
        {
            continue;
        }
        assert!(
            !["script", "iframe", "object", "embed", "img", "style", "link", "meta", "base", "form", "foreignobject", "image", "use"]
                .contains(&tag.as_str()),
            "{case}: a <{tag}> element was rendered"
        );
        let names = el.get_attribute_names();
        for i in 0..names.length() {
            let name = names.get(i).as_string().unwrap().to_ascii_lowercase();
            let value = el.get_attribute(&name).unwrap_or_default();
            assert!(!name.starts_with("on"), "{case}: <{tag} {name}> event handler attribute");
            let lower: String = value.to_ascii_lowercase().chars().filter(|c| !c.is_whitespace() && *c != '\0').collect();
            for scheme in ["javascript:", "vbscript:", "data:text"] {
                assert!(!lower.contains(scheme), "{case}: <{tag} {name}=\"{value}\">");
            }
            if name == "href" {
                assert!(["http://", "https://", "mailto:"].iter().any(|s| lower.starts_with(s)), "{case}: link to {value}");
            }
            if name == "style" {
                // Only what the widget sets through the CSSOM: the card's position and the
                // progress bar's length.
                let class = el.get_attribute("class").unwrap_or_default();
                assert!(
                    class.contains("cr-card") || class.contains("cr-progress-bar"),
                    "{case}: style attribute on <{tag} class=\"{class}\">"
                );
            }
        }
    }
    let pwned = Reflect::get(&web_sys::window().unwrap(), &"__pwned".into()).unwrap();
    assert!(pwned.is_undefined(), "{case}: a payload ran");
}

#[wasm_bindgen_test]
async fn the_hostile_corpus_renders_inert() {
    assert!(HOSTILE.len() >= 35, "{} hostile inputs: build.rs lists tests/hostile/", HOSTILE.len());
    let basemap = blob_of(BASEMAP, "application/json");
    for (case, text) in HOSTILE {
        let (rest, map) = match text.split_once("\n=== map.toml ===\n") {
            Some((rest, map)) => (rest, Some(map)),
            None => (*text, None),
        };
        let (md, entities) = match rest.split_once("\n=== entities.toml ===\n") {
            Some((md, e)) => (md, Some(e)),
            None => (rest, None),
        };
        let mut refs = String::new();
        if let Some(e) = entities {
            refs += &format!("entities = [\"{}\"]\n", blob_of(e, "application/toml"));
        }
        if let Some(m) = map {
            refs += &format!("map = \"{}\"\n", blob_of(&format!("basemap = \"{basemap}\"\n{m}"), "application/toml"));
        }
        let md = md.replacen("+++\n", &format!("+++\n{refs}"), 1);
        let m = mount_src(&blob_of(&md, "text/markdown")).await;
        let expected = if REFUSED.contains(case) { "commentary-reader:error" } else { "commentary-reader:ready" };
        assert_eq!(m.event.type_(), expected, "{case}: {}", detail(&m.event, "message"));
        let frame = || {
            JsFuture::from(Promise::new(&mut |resolve, _| {
                web_sys::window().unwrap().request_animation_frame(&resolve).unwrap();
            }))
        };
        frame().await.unwrap();
        if map.is_some() {
            assert!(m.root.query_selector("svg[part=map]").unwrap().is_some(), "{case}: the map was not drawn, so its names went untested");
        }
        inert(&m.root, case);
        // Open the first card (hostile names, summaries, facts and links render there).
        if let Some(mention) = m.root.query_selector("[data-mention]").unwrap() {
            mention.unchecked_into::<HtmlElement>().focus().unwrap();
            frame().await.unwrap();
            frame().await.unwrap();
            assert!(m.root.query_selector(".cr-card").unwrap().is_some(), "{case}: the card did not open");
            inert(&m.root, case);
        } else {
            assert!(entities.is_none() || case.contains("css-injection"), "{case}: no mention to open a card from");
        }
        m.host.remove();
    }
}
