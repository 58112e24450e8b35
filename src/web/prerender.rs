//! The server's render of the widget (with Yew's `ssr`, the `ssr` feature: natively for
//! `commentary-reader build` and in the publisher module for the editors' preview page, both in
//! `commentary-tools`, which await it): the same
//! components the reader runs, rendered to HTML by Yew's server renderer into the markup of the
//! element's declarative shadow root, stamped for the reader's hydration
//! ([`crate::stamp`]).

use std::rc::Rc;

use wasm_bindgen::JsCast;

use super::components::reader::{Reader, ReaderProps};
use super::context::Same;
use yew::AttrValue;

use crate::bundle::Loaded;
use crate::html::escape;
use crate::stamp::{digest_html, inputs_digest, ElementInputs, Stamp, STAMP_ATTRIBUTE};
use crate::ui::options;

/// The widget's stylesheet (minified by build.rs), published as `commentary-reader.css`: the
/// prerendered shadow roots link it, and the element links it into the roots it makes.
pub const STYLESHEET: &str = include_str!(concat!(env!("OUT_DIR"), "/reader.css"));

/// A commentary as the server renders it for an element whose `lang` is given, stamped for the
/// reader's hydration: the inside of the element's shadow root, whichever URL the page links the
/// stylesheet from (the render does not depend on the element's `src` either: only effects use
/// it, and the server runs none).
pub struct Prerendered {
    body: String,
    stamp: Stamp,
    theme: &'static str,
}

/// Renders `loaded` (compiled to `bundle`) for an element with `lang`. Relative links of the text
/// resolve against the commentary's own address (`url` in the front matter) if it has one, else
/// stay relative to the page.
pub async fn render_async(mut loaded: Loaded, bundle: &[u8], lang: Option<&str>) -> Prerendered {
    loaded.url = loaded.front.url.clone().unwrap_or_default();
    let (options, _) = options::parse(None, None, None, None);
    let props = ReaderProps {
        // The server renders no effect and no handler, the only users of the element.
        host: wasm_bindgen::JsValue::UNDEFINED.unchecked_into(),
        src: AttrValue::default(),
        base: AttrValue::default(),
        assets: AttrValue::default(),
        compiler: None,
        early: Default::default(),
        memory: None,
        page_lang: None,
        debug: false,
        options,
        lang: lang.map(|l| l.to_owned().into()),
        initial: Some(Same(Rc::new(loaded))),
        prerendered: true,
        hydrating: false,
        map_island: None,
        map_view: None,
    };
    let body = yew::LocalServerRenderer::<Reader>::with_props(props).render().await;
    let stamp = Stamp { inputs: inputs_digest(bundle, &ElementInputs { lang, ..Default::default() }.pairs()), markup: digest_html(&body) };
    Prerendered { body, stamp, theme: options.theme.as_str() }
}

/// The widget's stylesheet as the pictures read it: its rules a plain SVG renderer applies, and
/// its palette. Worked out once: a site's build draws a picture per page.
fn picture_style() -> &'static (String, super::components::map::picture::Palette) {
    use super::components::map::picture::Palette;
    use super::css;
    static STYLE: std::sync::OnceLock<(String, Palette)> = std::sync::OnceLock::new();
    STYLE.get_or_init(|| {
        let value = |name: &str, otherwise: &str| css::value(STYLESHEET, name).unwrap_or_else(|| otherwise.to_owned());
        let palette = Palette {
            text: value("--cr-text", "#000"),
            muted: value("--cr-muted", "#555"),
            background: value("--cr-bg", "#fff"),
            accent: value("--cr-accent", "#800"),
            serif: value("--cr-font-text", "serif"),
            sans: value("--cr-font-ui", "sans-serif"),
        };
        (css::plain(STYLESHEET), palette)
    })
}

/// The share picture of `loaded` as one SVG document (`components::map::picture`), with `by`
/// (its publisher) above the title, in the widget's palette.
pub async fn picture_async(loaded: Loaded, by: Option<&str>) -> String {
    use super::components::map::picture::{Picture, PictureProps};
    let (css, palette) = picture_style();
    let props = PictureProps {
        loaded: Rc::new(loaded),
        by: by.map(|b| AttrValue::from(b.to_owned())),
        css: css.clone().into(),
        palette: Rc::new(palette.clone()),
    };
    yew::LocalServerRenderer::<Picture>::with_props(props).hydratable(false).render().await
}

/// The size of the archive's map thumbnails.
pub use super::components::map::picture::THUMBNAIL;

/// The archive's thumbnail of `loaded`'s map as one SVG document, if it has a map to draw.
pub async fn thumbnail_async(loaded: &Loaded) -> Option<String> {
    use super::components::map::picture::{Thumbnail, ThumbnailProps};
    let scene = loaded.map.scene()?;
    let props = ThumbnailProps {
        scene: Same(scene.clone()),
        strings: crate::i18n::strings(&loaded.front.lang),
        css: picture_style().0.clone().into(),
    };
    Some(yew::LocalServerRenderer::<Thumbnail>::with_props(props).hydratable(false).render().await)
}

/// The map alone, for the editors' preview: for each size of [`VIEWS_AT`](super::components::map::picture::VIEWS_AT)
/// (a phone's, a desktop's), its home view, then each chapter's view (`map.toml`'s order), as
/// `(size index, the chapter's section as `map.toml` names it (its slug), or "" for the home
/// view, SVG)`. Empty without a map.
pub async fn map_views_async(loaded: &Loaded) -> Vec<(usize, String, String)> {
    use super::components::map::picture::{MapView, MapViewProps, VIEWS_AT};
    let Some(scene) = loaded.map.scene() else { return Vec::new() };
    let strings = crate::i18n::strings(&loaded.front.lang);
    let mut views: Vec<(String, Option<crate::geo::projection::Bounds>)> = vec![(String::new(), None)];
    for chapter in crate::ui::map_state::chapters(scene, &loaded.sections) {
        let slug = loaded.sections.get(chapter.section).map(|s| s.slug.clone()).unwrap_or_default();
        views.push((slug, Some(chapter.bounds)));
    }
    let mut out = Vec::new();
    for (i, size) in VIEWS_AT.iter().enumerate() {
        for (title, view) in &views {
            let props =
                MapViewProps { scene: Same(scene.clone()), strings, css: picture_style().0.clone().into(), size: *size, view: *view };
            let svg = yew::LocalServerRenderer::<MapView>::with_props(props).hydratable(false).render().await;
            out.push((i, title.clone(), svg));
        }
    }
    out
}

impl Prerendered {
    /// `<template shadowrootmode="open">…</template>` linking the widget's stylesheet at
    /// `stylesheet`: the markup to put first inside the `<commentary-reader>`.
    pub fn shadow_root(&self, stylesheet: &str) -> String {
        format!(
            "<template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"{}\"><div class=\"cr-root\" data-theme=\"{}\" {STAMP_ATTRIBUTE}=\"{}\">{}</div></template>",
            escape(stylesheet),
            self.theme,
            self.stamp.to_attribute(),
            self.body
        )
    }
}
