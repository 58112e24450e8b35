//! `map.toml`: what a commentary's mini-map shows. Parsed with located messages; a broken entry
//! is skipped with an error, the rest of the map still draws.

use crate::content::catalog::EntityId;

use super::projection::{Bounds, LonLat};

/// How a route, or one leg of it, travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum RouteKind {
    /// Railway (a cased line with light dashes).
    Rail,
    /// Sea lane (dotted).
    Sea,
    /// Road (solid, orange).
    Road,
    /// Ferry crossing (dashed, the sea's colour).
    Ferry,
    /// Pipeline (a hollow double line).
    Pipeline,
}

impl RouteKind {
    /// Every kind, in the order `map.toml`'s messages list them.
    pub const ALL: [RouteKind; 5] = [RouteKind::Rail, RouteKind::Road, RouteKind::Sea, RouteKind::Ferry, RouteKind::Pipeline];

    /// The word `map.toml` writes for it.
    pub fn word(self) -> &'static str {
        match self {
            RouteKind::Rail => "rail",
            RouteKind::Sea => "sea",
            RouteKind::Road => "road",
            RouteKind::Ferry => "ferry",
            RouteKind::Pipeline => "pipeline",
        }
    }

    /// The kind `map.toml` calls `word`.
    pub fn from_word(word: &str) -> Option<RouteKind> {
        RouteKind::ALL.into_iter().find(|k| k.word() == word)
    }
}

/// A stretch of a route that travels otherwise than the route's own `kind` (`[[route.leg]]`):
/// from one of its stops to a later one.
#[derive(Debug, Clone, PartialEq)]
pub struct Leg {
    /// The stop it starts at (one of the route's `via`).
    pub from: String,
    /// The stop it ends at (a later one of the route's `via`).
    pub to: String,
    /// How this stretch travels.
    pub kind: RouteKind,
}

/// A group of countries drawn with a legend entry.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Highlight {
    /// ISO 3166-1 alpha-3 codes.
    pub countries: Vec<String>,
    /// Legend text.
    pub label: String,
    /// Drawn strongest (e.g. the commentary's main country).
    pub emphasis: bool,
    /// The catalog entity the group stands for (e.g. `eaeu`): hovering its mentions lights
    /// the whole group up, and hovering the group's countries opens its card.
    pub entity: Option<EntityId>,
    /// Line and column of `countries` in the file (for later warnings).
    pub at: (usize, usize),
    /// Line and column of each of `countries` (for the warnings about one of them).
    #[serde(skip)]
    pub countries_at: Vec<(usize, usize)>,
}

/// A route through named stops, travelling by one kind or, leg by leg, by several.
#[derive(Debug, Clone, PartialEq)]
pub struct Route {
    /// Id, for `data-route`.
    pub id: String,
    /// Name for the legend and the text alternative.
    pub name: String,
    /// How it travels where no leg says otherwise.
    pub kind: RouteKind,
    /// Stops in travel order: entity ids or `[[place]]` ids.
    pub via: Vec<String>,
    /// Stretches that travel otherwise, in file order (a later one wins where two overlap).
    pub legs: Vec<Leg>,
    /// Line and column of `via` in the file (for later warnings).
    pub at: (usize, usize),
    /// Line and column of each stop of `via` (for the warnings about one of them).
    pub stops_at: Vec<(usize, usize)>,
}

impl Route {
    /// How each stretch between two consecutive stops of `via` travels: the route's `kind`,
    /// except where a leg says otherwise (a later leg over an earlier one).
    pub fn segment_kinds(&self) -> Vec<RouteKind> {
        let mut kinds = vec![self.kind; self.via.len().saturating_sub(1)];
        for leg in &self.legs {
            let Some(start) = self.via.iter().position(|s| *s == leg.from) else { continue };
            let Some(len) = self.via[start + 1..].iter().position(|s| *s == leg.to) else { continue };
            for k in &mut kinds[start..=start + len] {
                *k = leg.kind;
            }
        }
        kinds
    }
}

/// A map-only point.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Place {
    /// Id, for `via` and `data-place`.
    pub id: String,
    /// Its label on the map and in the text alternative.
    pub name: String,
    /// Where it is.
    pub at: LonLat,
    /// A break of gauge (1520 mm ↔ 1435 mm) happens here.
    pub gauge_break: bool,
    /// Short note for the text alternative and the marker's title.
    pub note: Option<String>,
    /// Line and column of `id` in the file (for later warnings).
    pub line: (usize, usize),
    /// Line and column of `lat` in the file (for the warnings about where the map draws it).
    /// Only checked: a bundle does not carry it.
    #[serde(skip)]
    pub coords_at: (usize, usize),
    /// The ISO code of the country it is in, which the validator checks its point against.
    /// Only checked: a bundle does not carry it.
    #[serde(skip)]
    pub country: Option<String>,
}

/// What the map shows while a section is being read.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Chapter {
    /// Heading slug, or `intro` for the text before the first heading.
    pub section: String,
    /// Countries (ISO codes) and/or place ids to fit and emphasise.
    pub focus: Vec<String>,
    /// Line and column of `section` in the file (for later warnings).
    pub at: (usize, usize),
    /// Line and column of each of `focus` (for the warnings about one of them).
    #[serde(skip)]
    pub focus_at: Vec<(usize, usize)>,
}

/// Which side of its marker a place's label prefers (it still moves when that side is taken).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum LabelSide {
    /// After the marker.
    Right,
    /// Before the marker.
    Left,
    /// Over the marker.
    Above,
    /// Under the marker.
    Below,
}

/// How one thing is labelled on the map (`[[label]]`): a place, a catalog place or a country.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct LabelSpec {
    /// A `[[place]]` id, a catalog entity id, or a country's ISO code.
    pub target: String,
    /// The short text drawn on the map instead of the full name (which the card, the map as
    /// text and assistive technology keep).
    pub text: Option<String>,
    /// 1 (placed first) to 9 (given up first); unset labels are 5, in the map's own order.
    pub priority: Option<u8>,
    /// The side to try first.
    pub side: Option<LabelSide>,
    /// Line and column of `for` in the file (for later warnings).
    pub at: (usize, usize),
}

/// A whole `map.toml`.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct MapSpec {
    /// Initial view; `None` fits everything the map shows.
    pub view: Option<Bounds>,
    /// Line and column of `[view]`'s `bounds` (for the warnings about what it shows). Only
    /// checked: a bundle does not carry it.
    #[serde(skip)]
    pub view_at: (usize, usize),
    /// Base map file, relative to the map file; `None` means the bundled Eurasia map.
    pub basemap: Option<String>,
    /// Accessible name of the map.
    pub title: Option<String>,
    /// Country groups.
    pub highlights: Vec<Highlight>,
    /// Routes through named stops (`[[route]]`), in file order. [`crate::geo::scene::resolve`]
    /// takes them into the scene's resolved routes, so a bundle does not carry them twice.
    #[serde(skip)]
    pub routes: Vec<Route>,
    /// Map-only places.
    pub places: Vec<Place>,
    /// What the map shows while each section is read (`[[chapter]]`).
    pub chapters: Vec<Chapter>,
    /// Labels the editor shortened, ranked or sided (`[[label]]`).
    pub labels: Vec<LabelSpec>,
    /// Names for base-map countries (`[country_names]`, ISO code → name): over the base map's
    /// English names, and over the catalog's.
    pub country_names: Vec<(String, String)>,
    /// The map's words in each translation (`[translations.ru]`: the original's text → the
    /// translation's), applied by [`MapSpec::translated`] before a translation's map is drawn.
    #[serde(skip)]
    pub translations: Vec<(String, Vec<(String, String)>)>,
    /// Line and column of each language's table of `translations` (`[translations.ru]`), and of
    /// `[translations]` itself under the empty tag (for the warnings about words it leaves out).
    #[serde(skip)]
    pub translations_at: Vec<(String, (usize, usize))>,
    /// In a translated map: its language's words, which also translate the base map's country
    /// names (the catalog's and `[country_names]` are translated already).
    #[serde(skip)]
    pub words: Vec<(String, String)>,
}

impl MapSpec {
    /// The map in the translation `lang`: every text the map writes (its title, highlight
    /// labels, route names, place names and notes, label texts, country names) that
    /// `[translations.<lang>]` translates, translated; the rest as written.
    pub fn translated(&self, lang: &str) -> MapSpec {
        let mut spec = self.clone();
        let Some((_, words)) = self.translations.iter().find(|(l, _)| l == lang) else { return spec };
        let tr = |s: &mut String| {
            if let Some((_, to)) = words.iter().find(|(from, _)| from == s) {
                *s = to.clone();
            }
        };
        if let Some(t) = spec.title.as_mut() {
            tr(t);
        }
        spec.highlights.iter_mut().for_each(|h| tr(&mut h.label));
        spec.routes.iter_mut().for_each(|r| tr(&mut r.name));
        for p in &mut spec.places {
            tr(&mut p.name);
            if let Some(n) = p.note.as_mut() {
                tr(n);
            }
        }
        spec.labels.iter_mut().filter_map(|l| l.text.as_mut()).for_each(tr);
        spec.country_names.iter_mut().for_each(|(_, n)| tr(n));
        spec.words = words.clone();
        spec
    }

    /// The texts of the map that `[translations.<lang>]` leaves as written (all of them without
    /// that table), each once, in file order, with what it is: the title, highlight labels,
    /// route names, place names and notes, `[[label]]` texts and `[country_names]`.
    pub fn untranslated(&self, lang: &str) -> Vec<(&'static str, &str)> {
        let words = self.translations.iter().find(|(l, _)| l == lang).map_or(&[][..], |(_, w)| &w[..]);
        let mut texts: Vec<(&'static str, &str)> = Vec::new();
        texts.extend(self.title.iter().map(|t| ("the title", t.as_str())));
        texts.extend(self.highlights.iter().map(|h| ("highlight label", h.label.as_str())));
        texts.extend(self.routes.iter().map(|r| ("route name", r.name.as_str())));
        for p in &self.places {
            texts.push(("place name", &p.name));
            texts.extend(p.note.iter().map(|n| ("place note", n.as_str())));
        }
        texts.extend(self.labels.iter().filter_map(|l| l.text.as_deref()).map(|t| ("label text", t)));
        texts.extend(self.country_names.iter().map(|(_, n)| ("country name", n.as_str())));
        let mut out: Vec<(&'static str, &str)> = Vec::new();
        for (what, text) in texts {
            if !words.iter().any(|(from, _)| from == text) && !out.iter().any(|(_, t)| *t == text) {
                out.push((what, text));
            }
        }
        out
    }

    /// The `[[label]]` for `target`, if the editor wrote one.
    pub fn label_for(&self, target: &str) -> Option<&LabelSpec> {
        self.labels.iter().find(|l| l.target == target)
    }

    /// What the map writes for `target`, whose full name is `name`: the `[[label]]`'s text if
    /// the editor gave one.
    pub fn label_text<'a>(&'a self, target: &str, name: &'a str) -> &'a str {
        self.label_for(target).and_then(|l| l.text.as_deref()).unwrap_or(name)
    }
}
