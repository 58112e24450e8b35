//! `map.toml`: what a commentary's mini-map shows. Parsed with located messages; a broken entry
//! is skipped with an error, the rest of the map still draws.


use crate::content::catalog::EntityId;

use super::projection::{Bounds, LonLat};

#[cfg(parsers)]
mod parse;
#[cfg(parsers)]
pub use parse::*;

/// How a route travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[derive(serde::Serialize, serde::Deserialize)]
pub enum RouteKind {
    /// Railway (solid line).
    Rail,
    /// Sea lane (dashed line).
    Sea,
    /// Road (dotted line).
    Road,
}

/// A group of countries drawn with a legend entry.
#[derive(Debug, Clone, PartialEq)]
#[derive(serde::Serialize, serde::Deserialize)]
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
}

/// A route through named stops.
#[derive(Debug, Clone, PartialEq)]
#[derive(serde::Serialize, serde::Deserialize)]
pub struct Route {
    /// Id, for `data-route`.
    pub id: String,
    /// Name for the legend and the text alternative.
    pub name: String,
    /// Rail, sea or road.
    pub kind: RouteKind,
    /// Stops in travel order: entity ids or `[[place]]` ids.
    pub via: Vec<String>,
    /// Line and column of `via` in the file (for later warnings).
    pub at: (usize, usize),
}

/// A map-only point.
#[derive(Debug, Clone, PartialEq)]
#[derive(serde::Serialize, serde::Deserialize)]
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
}

/// What the map shows while a section is being read.
#[derive(Debug, Clone, PartialEq)]
#[derive(serde::Serialize, serde::Deserialize)]
pub struct Chapter {
    /// Heading slug, or `intro` for the text before the first heading.
    pub section: String,
    /// Countries (ISO codes) and/or place ids to fit and emphasise.
    pub focus: Vec<String>,
    /// Line and column of `section` in the file (for later warnings).
    pub at: (usize, usize),
}

/// A whole `map.toml`.
#[derive(Debug, Clone, Default, PartialEq)]
#[derive(serde::Serialize, serde::Deserialize)]
pub struct MapSpec {
    /// Initial view; `None` fits everything the map shows.
    pub view: Option<Bounds>,
    /// Base map file, relative to the map file; `None` means the bundled Eurasia map.
    pub basemap: Option<String>,
    /// Accessible name of the map.
    pub title: Option<String>,
    /// Country groups.
    pub highlights: Vec<Highlight>,
    /// Routes through named stops (`[[route]]`), in file order.
    pub routes: Vec<Route>,
    /// Map-only places.
    pub places: Vec<Place>,
    /// What the map shows while each section is read (`[[chapter]]`).
    pub chapters: Vec<Chapter>,
}
