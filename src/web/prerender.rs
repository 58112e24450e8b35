//! The server's render of the widget (native, for `commentary-reader build`): the same
//! components the reader runs, rendered to HTML by Yew's server renderer into the markup of the
//! element's declarative shadow root, stamped for the reader's hydration
//! ([`crate::ui::prerender`]).

use std::rc::Rc;

use wasm_bindgen::JsCast;

use super::components::reader::{Reader, ReaderProps};
use super::fetch::Shared;
use crate::bundle::Loaded;
use crate::ui::options;
use crate::ui::prerender::{digest_html, element_inputs, inputs_digest, Stamp, STAMP_ATTRIBUTE};

/// The widget's stylesheet (minified by build.rs), published as `commentary-reader.css`: the
/// prerendered shadow roots link it, and the element links it into the roots it makes.
pub const STYLESHEET: &str = include_str!(concat!(env!("OUT_DIR"), "/reader.css"));

/// The element as the published page writes it.
pub struct Element<'a> {
    /// Its `src`, as written (the bundle's URL, relative to the page or root-relative).
    pub src: &'a str,
    /// Its `lang`: the widget's words (the published pages give the commentary's language).
    pub lang: Option<&'a str>,
    /// The URL of the widget's stylesheet, as the page links it.
    pub stylesheet: &'a str,
}

/// `<template shadowrootmode="open">…</template>` with `loaded` (compiled to `bundle`) rendered
/// inside, for `element`: the markup to put first inside its `<commentary-reader>`. Relative
/// links of the text resolve against the commentary's own address (`url` in the front matter)
/// if it has one, else stay relative to the page.
pub fn shadow_root(mut loaded: Loaded, bundle: &[u8], element: &Element) -> String {
    loaded.url = loaded.front.url.clone().unwrap_or_default();
    let (options, _) = options::parse(None, None, None);
    let props = ReaderProps {
        // The server renders no effect and no handler, the only users of the element.
        host: wasm_bindgen::JsValue::UNDEFINED.unchecked_into(),
        src: element.src.to_owned().into(),
        base: String::new().into(),
        assets: String::new().into(),
        compiler: None,
        early: Default::default(),
        page_lang: None,
        debug: false,
        options,
        lang: element.lang.map(|l| l.to_owned().into()),
        initial: Some(Shared(Rc::new(loaded))),
        prerendered: true,
    };
    let runtime = tokio::runtime::Builder::new_current_thread().build().expect("a single-threaded runtime starts");
    let body = runtime.block_on(yew::LocalServerRenderer::<Reader>::with_props(props).render());
    let stamp = Stamp {
        inputs: inputs_digest(bundle, &element_inputs(element.lang, None, None, None, false, None)),
        markup: digest_html(&body),
    };
    format!(
        "<template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"{}\"><div class=\"cr-root\" data-theme=\"{}\" {STAMP_ATTRIBUTE}=\"{}\">{body}</div></template>",
        escape(element.stylesheet),
        options.theme.as_str(),
        stamp.to_attribute()
    )
}

/// An attribute value, escaped.
fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::{self, Compiled};

    fn seed() -> (Loaded, Vec<u8>) {
        let (compiled, _) = crate::compile::compile(std::path::Path::new("static/commentaries/belarus-china-relations-2024"));
        let bytes = bundle::encode(&compiled);
        match compiled {
            Compiled::Ready(loaded) => (loaded, bytes),
            Compiled::Failed { message, .. } => panic!("the seed compiles: {message}"),
        }
    }

    #[test]
    fn the_seed_renders_its_text_and_map_into_a_stamped_shadow_root() {
        let (loaded, bytes) = seed();
        let paragraphs = loaded.linked.body.blocks.iter().filter(|b| matches!(b, crate::content::markdown::Block::Paragraph { .. })).count();
        let html = shadow_root(loaded, &bytes, &Element { src: "commentary.bundle", lang: Some("en"), stylesheet: "../../commentary-reader/commentary-reader.css" });
        assert!(html.starts_with("<template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"../../commentary-reader/commentary-reader.css\">"));
        assert!(html.contains("Belarus-China Relations amid Geostrategic Challenges"));
        assert!(html.contains("Yauheni Preiherman"));
        assert_eq!(html.matches("<p id=\"p-").count(), paragraphs, "every paragraph, with its anchor");
        // The map is drawn at its prerendered size, countries and all.
        assert!(html.contains("viewBox=\"0 0 480 360\""));
        assert!(html.contains("class=\"cr-countries\""));
        // Not live: no mention is a button yet, and the stamp reads back.
        assert!(html.contains("data-mention=\"0\""));
        assert!(!html.contains("role=\"button\""));
        let stamp = html.split("data-cr-prerender=\"").nth(1).and_then(|s| s.split('"').next()).expect("a stamp");
        let stamp = Stamp::parse(stamp).expect("a readable stamp");
        assert!(stamp.markup.blocks.iter().any(|(id, _, _)| id == "p-1"));
    }
}
