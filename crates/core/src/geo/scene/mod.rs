//! A map ready to draw: `map.toml` resolved against the catalog and the base map, then laid
//! out for one view (projection, paths, markers, labels, scale bar).

use std::collections::HashMap;

use super::projection::{Bounds, LonLat};
use super::spec::{MapSpec, RouteKind};
use super::topojson::BaseMap;
use crate::content::catalog::EntityId;

/// A point the map can show: a `[[place]]` or a located catalog entity.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Stop {
    /// Place id or entity id.
    pub id: String,
    /// The name its label, tooltip and text alternative show.
    pub name: String,
    /// Where it is.
    pub at: LonLat,
    /// The catalog entity behind it, whose card it opens.
    pub entity: Option<EntityId>,
    /// A break-of-gauge point.
    pub gauge_break: bool,
    /// Optional note (text alternative, marker title).
    pub note: Option<String>,
}

/// Something on the map that opens a card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trigger {
    /// A stop's marker (stop id).
    Stop(String),
    /// A highlighted country (ISO code).
    Country(String),
}

/// A route with its stops resolved.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ResolvedRoute {
    /// The route's id in `map.toml` (`data-route` on the map).
    pub id: String,
    /// Its name, for its tooltip and the map as text.
    pub name: String,
    /// Stop ids in travel order (only those that resolved).
    pub stops: Vec<String>,
    /// How each stretch between two consecutive `stops` travels (one fewer than the stops):
    /// how it is drawn and which legend entry explains it.
    pub kinds: Vec<RouteKind>,
}

impl ResolvedRoute {
    /// The route's legs: runs of consecutive stretches of one kind, each as its kind and the
    /// range of `stops` it joins (`start..=end`), in travel order.
    pub fn legs(&self) -> Vec<(RouteKind, usize, usize)> {
        let mut legs: Vec<(RouteKind, usize, usize)> = Vec::new();
        for (i, &kind) in self.kinds.iter().enumerate() {
            match legs.last_mut() {
                Some((k, _, end)) if *k == kind => *end = i + 1,
                _ => legs.push((kind, i, i + 1)),
            }
        }
        legs
    }
}

/// Everything the map draws, independent of the view.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Scene {
    /// The base map.
    pub basemap: BaseMap,
    /// The spec (highlights, chapters, title, view).
    pub spec: MapSpec,
    /// Every drawable stop by id, in first-use order.
    pub stops: Vec<Stop>,
    /// The routes whose stops resolved, in `map.toml` order.
    pub routes: Vec<ResolvedRoute>,
    /// ISO code → index of the highlight that colours it (the last listing it wins).
    #[serde(with = "crate::wire::sorted_map")]
    pub highlight_of: HashMap<String, usize>,
    /// ISO code → catalog entity id of that country.
    #[serde(with = "crate::wire::sorted_map")]
    pub country_entity: HashMap<String, EntityId>,
    /// ISO codes of the countries the commentary names itself (the catalog, `[country_names]`,
    /// a translation's words), in base-map order: every other country keeps the base map's
    /// English name, which a text in another language marks `lang="en"`.
    pub named: Vec<String>,
}

impl Scene {
    /// A stop by id.
    pub fn stop(&self, id: &str) -> Option<&Stop> {
        self.stops.iter().find(|s| s.id == id)
    }

    /// The lon/lat box around `ids` (ISO codes of countries, or stop ids), if any resolve.
    pub fn bounds_of(&self, ids: &[String]) -> Option<Bounds> {
        // Folded point by point (a country's outline is thousands of points: no list of them).
        let mut bounds: Option<Bounds> = None;
        let mut add = |p: LonLat| {
            let b = bounds.get_or_insert(Bounds { min: p, max: p });
            b.min.lon = b.min.lon.min(p.lon);
            b.min.lat = b.min.lat.min(p.lat);
            b.max.lon = b.max.lon.max(p.lon);
            b.max.lat = b.max.lat.max(p.lat);
        };
        for id in ids {
            if let Some(c) = self.basemap.country(id) {
                c.rings.iter().flatten().for_each(|p| add(*p));
            } else if let Some(s) = self.stop(id) {
                add(s.at);
            }
        }
        let mut b = bounds?;
        // A single point (or a tiny area) gets some land around it.
        let (dlon, dlat) = ((4.0 - (b.max.lon - b.min.lon)).max(0.0) / 2.0, (3.0 - (b.max.lat - b.min.lat)).max(0.0) / 2.0);
        b.min.lon -= dlon;
        b.max.lon += dlon;
        b.min.lat -= dlat;
        b.max.lat += dlat;
        Some(b)
    }

    /// What on the map opens a card, in a fixed order: stops with an entity, then highlighted
    /// countries with an entity (by ISO code). Each gets a trigger number after the mentions'.
    pub fn triggers(&self) -> Vec<(Trigger, EntityId)> {
        let mut out: Vec<(Trigger, EntityId)> =
            self.stops.iter().filter_map(|s| s.entity.clone().map(|e| (Trigger::Stop(s.id.clone()), e))).collect();
        let mut countries: Vec<(&String, &EntityId)> =
            self.country_entity.iter().filter(|(iso, _)| self.highlight_of.contains_key(*iso)).collect();
        countries.sort();
        out.extend(countries.into_iter().map(|(iso, e)| (Trigger::Country(iso.clone()), e.clone())));
        out
    }

    /// The map's card triggers, numbered after the text's `mentions` mentions, with the entity
    /// each opens: the one rule the map (which renders them) and the commentary (which opens
    /// their cards) share.
    pub fn numbered_triggers(&self, mentions: usize) -> Vec<(Trigger, usize, EntityId)> {
        self.triggers().into_iter().enumerate().map(|(i, (trigger, entity))| (trigger, mentions + i, entity)).collect()
    }

    /// The entities of the highlight groups `iso` belongs to (`[[highlight]] entity = …`).
    pub fn groups_of(&self, iso: &str) -> Vec<&str> {
        self.spec
            .highlights
            .iter()
            .filter(|h| h.countries.iter().any(|c| c == iso))
            .filter_map(|h| h.entity.as_ref().map(EntityId::as_str))
            .collect()
    }

    /// The lon/lat box the map shows to locate an entity: its marker, its country, or the
    /// countries of a highlight group standing for it. `None` if the map does not show it.
    pub fn bounds_of_entity(&self, entity: &str) -> Option<Bounds> {
        let is = |e: &Option<EntityId>| e.as_ref().is_some_and(|e| e.as_str() == entity);
        let mut ids: Vec<String> = self.stops.iter().filter(|s| is(&s.entity)).map(|s| s.id.clone()).collect();
        ids.extend(self.country_entity.iter().filter(|(_, e)| e.as_str() == entity).map(|(iso, _)| iso.clone()));
        if ids.is_empty() {
            ids.extend(self.spec.highlights.iter().filter(|h| is(&h.entity)).flat_map(|h| h.countries.clone()));
        }
        self.bounds_of(&ids)
    }

    /// `route` in words: its name and stops; a route of several kinds leg by leg, each with its
    /// kind's name, `kind_name` (the widget's words: "Middle Corridor: Aktau → Baku (Ferry
    /// crossing); Baku → Tbilisi (Rail route)"). The map as text's line for it.
    pub fn route_text(&self, route: &ResolvedRoute, kind_name: impl Fn(RouteKind) -> &'static str) -> String {
        let names = |from: usize, to: usize| {
            route.stops[from..=to].iter().filter_map(|id| self.stop(id)).map(|p| p.name.as_str()).collect::<Vec<_>>().join(" → ")
        };
        match route.legs().as_slice() {
            [] | [_] => format!("{}: {}", route.name, names(0, route.stops.len() - 1)),
            legs => {
                let parts: Vec<String> =
                    legs.iter().map(|&(kind, from, to)| format!("{} ({})", names(from, to), kind_name(kind))).collect();
                format!("{}: {}", route.name, parts.join("; "))
            }
        }
    }

    /// The kinds of route the legend explains: each kind this map draws, once, in the order
    /// of its first leg (legs of one kind need not be next to each other in `map.toml`).
    pub fn legend_kinds(&self) -> Vec<RouteKind> {
        let mut kinds: Vec<RouteKind> = Vec::new();
        for &kind in self.routes.iter().flat_map(|r| &r.kinds) {
            if !kinds.contains(&kind) {
                kinds.push(kind);
            }
        }
        kinds
    }

    /// The lon/lat box of the whole base map (panning keeps the view's centre inside it).
    pub fn extent(&self) -> Bounds {
        let mut points = self.basemap.countries.iter().flat_map(|c| c.rings.iter().flatten());
        let Some(first) = points.next() else { return self.home() };
        let mut b = Bounds { min: *first, max: *first };
        for p in points {
            b.min.lon = b.min.lon.min(p.lon);
            b.min.lat = b.min.lat.min(p.lat);
            b.max.lon = b.max.lon.max(p.lon);
            b.max.lat = b.max.lat.max(p.lat);
        }
        b
    }

    /// What a locator shows around the map: the home view, widened about its centre to at
    /// least [`CONTEXT_SPAN`] (latitudes kept within −60…85).
    pub fn context(&self) -> Bounds {
        let home = self.home();
        let grow = |min: f64, max: f64, span: f64| {
            let half = ((max - min).max(span)) / 2.0;
            let mid = (min + max) / 2.0;
            (mid - half, mid + half)
        };
        let (lon0, lon1) = grow(home.min.lon, home.max.lon, CONTEXT_SPAN.0);
        let (lat0, lat1) = grow(home.min.lat, home.max.lat, CONTEXT_SPAN.1);
        Bounds { min: LonLat { lon: lon0.max(-180.0), lat: lat0.max(-60.0) }, max: LonLat { lon: lon1.min(180.0), lat: lat1.min(85.0) } }
    }

    /// The initial view: `[view]` if given, else everything highlighted or routed.
    pub fn home(&self) -> Bounds {
        if let Some(v) = self.spec.view {
            return v;
        }
        let mut ids: Vec<String> = self.spec.highlights.iter().flat_map(|h| h.countries.clone()).collect();
        ids.extend(self.routes.iter().flat_map(|r| r.stops.clone()));
        self.bounds_of(&ids).unwrap_or(Bounds { min: LonLat { lon: -25.0, lat: 0.0 }, max: LonLat { lon: 150.0, lat: 75.0 } })
    }
}

mod layout;
mod resolve;

pub use layout::*;
pub use resolve::*;
