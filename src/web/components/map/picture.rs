//! The share picture (`share.png` beside each reading page, `og:image`): 1200×630, the
//! commentary's title, byline and publisher beside its map, drawn by the map's own components
//! (`Countries`, `Overlay`) at the map's home view, in the widget's palette, rendered to SVG by
//! Yew's server renderer (the `ssr` feature); the tools' `site::picture` turns it into a PNG.
//! Also the archive's map thumbnails and, for the editors' preview, the map alone at a given
//! size and view ([`MapView`]).

use std::rc::Rc;

use yew::prelude::*;

use super::countries::Countries;
use super::overlay::Overlay;
use crate::bundle::Loaded;
use crate::geo::draw::num;
use crate::geo::metrics::Measured;
use crate::geo::scene::{self, Scene};
use crate::web::context::Same;

/// The picture's size, as link previews want it (1.91:1).
pub const SIZE: (f64, f64) = (1200.0, 630.0);
/// The map's part: the right half.
const MAP: (f64, f64, f64, f64) = (600.0, 0.0, 600.0, 630.0);
/// The map is drawn at two thirds of that size and scaled up, so its labels read at a
/// preview's size.
const DRAWN: f64 = 2.0 / 3.0;
/// The text's margin on the left half.
const MARGIN: f64 = 56.0;

/// What the picture shows, and how: the colours and fonts of the widget's stylesheet.
#[derive(Properties, PartialEq)]
pub struct PictureProps {
    /// The commentary.
    pub loaded: Rc<Loaded>,
    /// Who publishes it, above the title (the front matter's publisher, else the site's name).
    pub by: Option<AttrValue>,
    /// The widget's stylesheet as a plain SVG renderer reads it (`web::css::plain`).
    pub css: AttrValue,
    /// Colours and fonts: text, muted, background, accent, the text's and the UI's fonts.
    pub palette: Rc<Palette>,
}

/// The colours and fonts the picture takes from the widget's stylesheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Palette {
    /// The text's colour.
    pub text: String,
    /// Secondary text.
    pub muted: String,
    /// The page's background.
    pub background: String,
    /// The accent (the publisher's line).
    pub accent: String,
    /// The text's font families.
    pub serif: String,
    /// The interface's font families.
    pub sans: String,
}

/// `text` broken into at most `lines` lines of at most `width` px at `size` px with `spacing` px
/// between letters (widths estimated per character: the build has no browser to measure with),
/// the last ending in an ellipsis if the text does not fit.
pub fn wrap(text: &str, width: f64, size: f64, spacing: f64, lines: usize) -> Vec<String> {
    let estimate = |s: &str| s.chars().map(|c| char_width(c) * size + spacing).sum::<f64>();
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
        if estimate(&candidate) <= width || line.is_empty() {
            line = candidate;
        } else {
            out.push(std::mem::replace(&mut line, word.to_owned()));
        }
    }
    if !line.is_empty() {
        out.push(line);
    }
    if out.len() > lines {
        out.truncate(lines);
        let last = out.last_mut().expect("at least one line");
        while estimate(&format!("{last}…")) > width {
            if last.pop().is_none() {
                break;
            }
        }
        *last = format!("{}…", last.trim_end_matches([' ', ',', ';', ':']));
    }
    out
}

/// A character's width in ems, roughly, in a bold serif: narrow punctuation, wide capitals and
/// CJK.
fn char_width(c: char) -> f64 {
    match c {
        'i' | 'l' | 'j' | '.' | ',' | '\'' | '’' | ':' | ';' | '!' | '|' | ' ' => 0.3,
        'f' | 't' | 'r' | '-' | '(' | ')' => 0.4,
        'm' | 'w' | 'M' | 'W' | 'Ш' | 'Щ' | 'Ж' | 'ш' | 'щ' | 'ж' | 'ю' | 'Ю' => 0.85,
        c if c.is_uppercase() => 0.68,
        c if ('\u{2E80}'..='\u{9FFF}').contains(&c) || ('\u{AC00}'..='\u{D7AF}').contains(&c) => 1.0,
        _ => 0.55,
    }
}

/// The picture, as one SVG document.
#[function_component]
pub fn Picture(props: &PictureProps) -> Html {
    let loaded = &props.loaded;
    let p = &props.palette;
    let front = &loaded.front;
    let strings = crate::i18n::strings(&front.lang);
    let (width, height) = SIZE;
    let text_width = MAP.0 - 2.0 * MARGIN;
    // The title as large as fits in four lines, down to a size that takes five.
    let (size, title) = [60.0, 52.0, 46.0]
        .into_iter()
        .map(|size| (size, wrap(&front.title, text_width, size, 0.0, 5)))
        .find(|(_, lines)| lines.len() <= 4)
        .unwrap_or_else(|| (40.0, wrap(&front.title, text_width, 40.0, 0.0, 5)));
    let line_height = size * 1.14;
    let top = 168.0 + size * 0.8;
    let names: Vec<&str> = front.authors.iter().map(|a| a.name.as_str()).collect();
    let byline = [crate::i18n::join_names(&names, strings.and), strings.date(front.date)]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    let byline = wrap(&byline, text_width, 24.0, 0.0, 2);
    let by = props.by.as_deref().map(|b| wrap(&b.to_uppercase(), text_width, 20.0, 1.5, 1).remove(0));
    let map = loaded.map.scene().map(|scene| html! { <MapPart scene={Same(scene.clone())} strings={strings} frame={MAP} /> });
    html! {
        <svg xmlns="http://www.w3.org/2000/svg" width={num(width)} height={num(height)} viewBox={format!("0 0 {} {}", num(width), num(height))}>
            <style>{ props.css.clone() }</style>
            <rect width={num(width)} height={num(height)} fill={p.background.clone()} />
            { map }
            <rect x={num(MAP.0 - 6.0)} width="6" height={num(height)} fill={p.accent.clone()} />
            if let Some(by) = by {
                <text x={num(MARGIN)} y="104" font-family={p.sans.clone()} font-size="20" font-weight="600" letter-spacing="1.5" fill={p.accent.clone()}>{ by }</text>
            }
            <text font-family={p.serif.clone()} font-size={num(size)} font-weight="700" fill={p.text.clone()}>
                { for title.iter().enumerate().map(|(i, line)| html! {
                    <tspan x={num(MARGIN)} y={num(top + i as f64 * line_height)}>{ line.clone() }</tspan>
                }) }
            </text>
            <text font-family={p.sans.clone()} font-size="24" fill={p.muted.clone()}>
                { for byline.iter().enumerate().map(|(i, line)| html! {
                    <tspan x={num(MARGIN)} y={num(height - 64.0 - (byline.len() - 1 - i) as f64 * 32.0)}>{ line.clone() }</tspan>
                }) }
            </text>
        </svg>
    }
}

#[derive(Properties, PartialEq)]
struct MapPartProps {
    scene: Same<Scene>,
    strings: &'static crate::i18n::Strings,
    /// Where it goes: x, y, width, height.
    frame: (f64, f64, f64, f64),
    /// What it shows: the home view, unless a view is given (a chapter's).
    #[prop_or_default]
    view: Option<crate::geo::projection::Bounds>,
    /// The size it is laid out at, as a share of `frame`'s (then scaled to fill it): below 1,
    /// labels read larger in a small picture.
    #[prop_or(DRAWN)]
    drawn: f64,
}

/// The map at its home view (or `view`) in `frame`, as the widget draws it.
#[function_component]
fn MapPart(props: &MapPartProps) -> Html {
    let scene = &props.scene;
    let (x, y, width, height) = props.frame;
    let (w, h) = (width * props.drawn, height * props.drawn);
    let view = props.view.unwrap_or_else(|| scene.home());
    let land = scene::land_conic(scene);
    let shapes = Rc::new(scene::countries(scene, &land));
    let layout = Rc::new(scene::overlay_with(scene, view, w, h, &Measured::default()));
    let (k, dx, dy) = scene::view_conic(scene, view, w, h).relative_to(&land);
    let transform = format!("translate({} {}) scale({})", num(dx), num(dy), crate::geo::draw::decimal(k, 4));
    html! {
        <svg x={num(x)} y={num(y)} width={num(width)} height={num(height)} viewBox={format!("0 0 {} {}", num(w), num(h))}>
            <rect class="cr-sea-bg" width={num(w)} height={num(h)} />
            <g class="cr-countries" transform={transform}>
                <g id="cr-land">
                    <Countries shapes={Same(shapes)} scene={scene.clone()} triggers={Same::default()} keep={false} />
                </g>
            </g>
            <Overlay scene={scene.clone()} layout={Same(layout)} stop_triggers={Same::default()} height={h} strings={props.strings} />
        </svg>
    }
}

/// The archive's thumbnail of a commentary's map (`map.svg` beside its pages): the map at its
/// home view, [`THUMBNAIL`] in size, on its own.
pub const THUMBNAIL: (f64, f64) = (360.0, 240.0);

/// What a map thumbnail shows.
#[derive(Properties, PartialEq)]
pub struct ThumbnailProps {
    /// The map.
    pub scene: Same<Scene>,
    /// The words of its scale bar.
    pub strings: &'static crate::i18n::Strings,
    /// The widget's stylesheet as a plain SVG renderer reads it.
    pub css: AttrValue,
}

/// [`THUMBNAIL`]: one SVG document.
#[function_component]
pub fn Thumbnail(props: &ThumbnailProps) -> Html {
    let (w, h) = THUMBNAIL;
    html! {
        <svg xmlns="http://www.w3.org/2000/svg" width={num(w)} height={num(h)} viewBox={format!("0 0 {} {}", num(w), num(h))}>
            <style>{ props.css.clone() }</style>
            <MapPart scene={props.scene.clone()} strings={props.strings} frame={(0.0, 0.0, w, h)} />
        </svg>
    }
}

/// The map's sizes in the widget the editors' preview draws it at: a phone's (the map above the
/// text at 412 px) and a desktop's (beside the text).
pub const VIEWS_AT: [(f64, f64); 2] = [(380.0, 285.0), (480.0, 360.0)];

/// What one of the editors' map views shows.
#[derive(Properties, PartialEq)]
pub struct MapViewProps {
    /// The map.
    pub scene: Same<Scene>,
    /// The words of its scale bar.
    pub strings: &'static crate::i18n::Strings,
    /// The widget's stylesheet as a plain SVG renderer reads it.
    pub css: AttrValue,
    /// Its size, in CSS pixels, laid out at that size as the widget lays it out.
    pub size: (f64, f64),
    /// The view: a chapter's, or the home view.
    pub view: Option<crate::geo::projection::Bounds>,
}

/// The map alone at one size and view, one SVG document: for an editor to check its labels and
/// routes without scrolling the text (the preview page's "The map alone").
#[function_component]
pub fn MapView(props: &MapViewProps) -> Html {
    let (w, h) = props.size;
    html! {
        <svg xmlns="http://www.w3.org/2000/svg" width={num(w)} height={num(h)} viewBox={format!("0 0 {} {}", num(w), num(h))}>
            <style>{ props.css.clone() }</style>
            <MapPart scene={props.scene.clone()} strings={props.strings} frame={(0.0, 0.0, w, h)} view={props.view} drawn={1.0} />
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_wraps_on_words_and_an_overlong_one_ends_in_an_ellipsis() {
        let lines = wrap("Belarus-China Relations amid Geostrategic Challenges", 488.0, 60.0, 0.0, 5);
        assert!(lines.len() >= 2 && lines.len() <= 4, "{lines:?}");
        assert_eq!(lines.join(" "), "Belarus-China Relations amid Geostrategic Challenges");
        let long = wrap(&"word ".repeat(60), 488.0, 60.0, 0.0, 3);
        assert_eq!(long.len(), 3);
        assert!(long[2].ends_with('…'), "{long:?}");
        // One word wider than the line stays whole on its own line.
        assert_eq!(wrap("Supercalifragilisticexpialidocious", 100.0, 60.0, 0.0, 2), ["Supercalifragilisticexpialidocious"]);
        // Letter spacing counts: the same words take more lines.
        assert!(
            wrap("CENTRE FOR EURASIAN STUDIES (AVIM)", 488.0, 20.0, 4.0, 3).len()
                > wrap("CENTRE FOR EURASIAN STUDIES (AVIM)", 488.0, 20.0, 0.0, 3).len()
        );
    }
}
