//! A map ready to draw: `map.toml` resolved against the catalog and the base map, then laid
//! out for one view (projection, paths, markers, labels, scale bar).

use std::collections::HashMap;

use super::rect::Rect;
use crate::content::catalog::{Catalog, EntityId, EntityKind};
use crate::content::diagnostic::Diagnostic;

use super::draw::{self, LabelRequest};
use super::metrics::{Estimate, LabelStyle, Widths};
use super::projection::{Bounds, Conic, LonLat, Point};
use super::spec::{MapSpec, RouteKind};
use super::topojson::BaseMap;
use crate::content::suggest::{did_you_mean, iso_for};

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
    #[serde(with = "crate::bundle::wire::sorted_map")]
    pub highlight_of: HashMap<String, usize>,
    /// ISO code → catalog entity id of that country.
    #[serde(with = "crate::bundle::wire::sorted_map")]
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

    /// `route` in words: its name and stops; a route of several kinds leg by leg, each with the
    /// name `strings` gives its kind ("Middle Corridor: Aktau → Baku (Ferry crossing); Baku →
    /// Tbilisi (Rail route)"). The map as text's line for it.
    pub fn route_text(&self, route: &ResolvedRoute, strings: &crate::i18n::Strings) -> String {
        let names = |from: usize, to: usize| {
            route.stops[from..=to].iter().filter_map(|id| self.stop(id)).map(|p| p.name.as_str()).collect::<Vec<_>>().join(" → ")
        };
        match route.legs().as_slice() {
            [] | [_] => format!("{}: {}", route.name, names(0, route.stops.len() - 1)),
            legs => {
                let parts: Vec<String> =
                    legs.iter().map(|&(kind, from, to)| format!("{} ({})", names(from, to), strings.route_kind(kind))).collect();
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

/// What an unknown country code was likely meant to be: the ISO code for an old or a sports
/// code, else the nearest code of the base map (or nothing).
fn iso_hint(code: &str, basemap: &BaseMap) -> String {
    match iso_for(code).filter(|new| basemap.country(new).is_some()) {
        Some(new) => format!("; `{code}` is an old or a sports code, ISO's is `{new}`"),
        None => did_you_mean(code, basemap.countries.iter().map(|c| c.iso.as_str())),
    }
}

/// Resolves `spec` against `catalog` and `basemap`. `sections` are the commentary's heading
/// slugs (chapters must name one, or `intro`); `None` when the body is not known (a front matter
/// that is never closed), and then chapters are not checked. Unknown references are warnings;
/// the rest draws.
pub fn resolve(
    mut spec: MapSpec,
    catalog: &Catalog,
    mut basemap: BaseMap,
    sections: Option<&[String]>,
    file: &str,
) -> (Scene, Vec<Diagnostic>) {
    let mut d = Vec::new();
    // Before the countries take the map's names: the messages name them as the base map does,
    // the same in every language, so a translation does not say them again.
    check_places(&spec, catalog, &basemap, file, &mut d);
    let named = name_countries(&spec, catalog, &mut basemap, file, &mut d);
    let mut stops = stops_of(&spec, catalog);
    if check_view(&mut spec, &basemap, &stops, file, &mut d) {
        check_stops_in_view(&spec, catalog, &stops, file, &mut d);
    }
    // Every id a stop may name: places, then the catalog's located entities.
    let stop_ids: Vec<String> = spec
        .places
        .iter()
        .map(|p| p.id.clone())
        .chain(catalog.entities().iter().filter(|e| e.location.is_some()).map(|e| e.id.to_string()))
        .collect();
    // Resolved into the scene's own routes; the spec's are not needed after this (nor carried
    // in a bundle).
    let routes = resolve_routes(std::mem::take(&mut spec.routes), catalog, &mut stops, &stop_ids, file, &mut d);
    let highlight_of = highlights_of(&spec, catalog, &basemap, file, &mut d);
    check_chapters(&spec, &basemap, sections, &stop_ids, file, &mut d);
    let country_entity = catalog.entities().iter().filter_map(|e| e.iso.clone().map(|iso| (iso, e.id.clone()))).collect();
    check_labels(&spec, &basemap, &stops, &stop_ids, file, &mut d);
    // The items' positions served the messages above; a bundle does not carry them.
    for h in &mut spec.highlights {
        h.countries_at = Vec::new();
    }
    for ch in &mut spec.chapters {
        ch.focus_at = Vec::new();
    }
    spec.view_at = (0, 0);
    for p in &mut spec.places {
        p.country = None;
        p.coords_at = (0, 0);
    }
    // A translation's words are applied; a bundle does not carry them.
    spec.translations = Vec::new();
    spec.translations_at = Vec::new();
    spec.words = Vec::new();
    (Scene { basemap, spec, stops, routes, highlight_of, country_entity, named }, d)
}

/// The position of item `i` of a list, else the list's.
fn item_at(all: &[(usize, usize)], i: usize, list: (usize, usize)) -> (usize, usize) {
    all.get(i).copied().unwrap_or(list)
}

/// The base map's countries as the map calls them: in a translation, the base map's English
/// names as the translation does; a country the catalog has an entity for by the catalog's name,
/// everywhere (its button, its label, the map as text: "Türkiye", not the base map's
/// "Turkey"); and `[country_names]` over both.
fn name_countries(spec: &MapSpec, catalog: &Catalog, basemap: &mut BaseMap, file: &str, d: &mut Vec<Diagnostic>) -> Vec<String> {
    let english: Vec<String> = basemap.countries.iter().map(|c| c.name.clone()).collect();
    for c in &mut basemap.countries {
        if let Some((_, to)) = spec.words.iter().find(|(from, _)| *from == c.name) {
            c.name = to.clone();
        }
    }
    for e in catalog.entities() {
        if let Some(c) = e.iso.as_deref().and_then(|iso| basemap.countries.iter_mut().find(|c| c.iso == iso)) {
            c.name = e.name.clone();
        }
    }
    for (iso, name) in &spec.country_names {
        match basemap.countries.iter_mut().find(|c| &c.iso == iso) {
            Some(c) => c.name = name.clone(),
            None => d.push(Diagnostic::warning(
                file,
                (1, 1),
                format!("country_names: `{iso}` is not on the base map{}", iso_hint(iso, basemap)),
            )),
        }
    }
    // Named by the commentary: renamed, or given a name (the catalog's, `[country_names]`) that
    // happens to be the English one, which is then the commentary's word too.
    let given =
        |iso: &str| catalog.entities().iter().any(|e| e.iso.as_deref() == Some(iso)) || spec.country_names.iter().any(|(i, _)| i == iso);
    basemap.countries.iter().zip(english).filter(|(c, name)| c.name != *name || given(&c.iso)).map(|(c, _)| c.iso.clone()).collect()
}

/// A place in the open sea, or with its lat and lon swapped, is drawn where the editor did not
/// mean it: said at its `lat` (a catalog place's in its catalog, which a translation's catalog
/// does not change, so a translation says nothing new). With the `country` the editor
/// gives, the point is checked against it; without, against the sea and the countries the map
/// is about.
fn check_places(spec: &MapSpec, catalog: &Catalog, basemap: &BaseMap, file: &str, d: &mut Vec<Diagnostic>) {
    let shown = |iso: &str| {
        spec.highlights.iter().any(|h| h.countries.iter().any(|c| c == iso))
            || spec.chapters.iter().any(|c| c.focus.iter().any(|f| f == iso))
    };
    let problem = |at: LonLat, country: Option<&str>| match country {
        Some(iso) if basemap.country(iso).is_none() => {
            Some(format!("names the country `{iso}`, which is not on the base map{}", iso_hint(iso, basemap)))
        }
        Some(iso) => super::lint::outside_country(basemap, at, iso),
        None => super::lint::place_problem(basemap, at, &shown),
    };
    for p in &spec.places {
        if let Some(problem) = problem(p.at, p.country.as_deref()) {
            d.push(Diagnostic::warning(file, p.coords_at, format!("place `{}` {problem}", p.id)));
        }
    }
    for e in catalog.entities().iter().filter(|e| e.kind == EntityKind::Place) {
        let (Some(at), Some((file, line, column))) = (e.location, &e.coords_at.0) else { continue };
        if let Some(problem) = problem(LonLat { lon: at.lon, lat: at.lat }, e.country.as_deref()) {
            d.push(Diagnostic::warning(file, (*line, *column), format!("place `{}` {problem}", e.id)));
        }
    }
}

/// Whether `b` holds `p`.
fn holds(b: &Bounds, p: LonLat) -> bool {
    p.lon >= b.min.lon && p.lon <= b.max.lon && p.lat >= b.min.lat && p.lat <= b.max.lat
}

/// `[view]`'s `bounds` with their latitudes and longitudes written the wrong way round: as
/// written they show none of the map's places and highlighted countries (each country by the
/// middle of its box), read as [lat, lon] pairs they show half of them or more. An error at
/// `bounds` (the map would open on an empty stretch, such as the Arctic), and the view is
/// dropped, so the map opens on everything it shows. Whether a view is left to check.
fn check_view(spec: &mut MapSpec, basemap: &BaseMap, stops: &[Stop], file: &str, d: &mut Vec<Diagnostic>) -> bool {
    let Some(view) = spec.view else { return false };
    let mut points: Vec<LonLat> = stops.iter().map(|s| s.at).collect();
    let mut countries: Vec<&str> = spec.highlights.iter().flat_map(|h| h.countries.iter().map(String::as_str)).collect();
    countries.sort_unstable();
    countries.dedup();
    for c in countries.iter().filter_map(|iso| basemap.country(iso)) {
        let mut all = c.rings.iter().flatten();
        let Some(first) = all.next() else { continue };
        let (lo, hi) = all.fold((*first, *first), |(lo, hi), p| {
            (LonLat { lon: lo.lon.min(p.lon), lat: lo.lat.min(p.lat) }, LonLat { lon: hi.lon.max(p.lon), lat: hi.lat.max(p.lat) })
        });
        points.push(LonLat { lon: (lo.lon + hi.lon) / 2.0, lat: (lo.lat + hi.lat) / 2.0 });
    }
    let swapped = Bounds { min: LonLat { lon: view.min.lat, lat: view.min.lon }, max: LonLat { lon: view.max.lat, lat: view.max.lon } };
    let written = points.iter().filter(|p| holds(&view, **p)).count();
    let read_swapped = points.iter().filter(|p| holds(&swapped, **p)).count();
    if points.is_empty() || written > 0 || swapped.min.lat < -90.0 || swapped.max.lat > 90.0 || read_swapped * 2 < points.len() {
        return true;
    }
    let (a, b, c, e) = (view.min.lon, view.min.lat, view.max.lon, view.max.lat);
    d.push(Diagnostic::error(
        file,
        spec.view_at,
        format!(
            "view.bounds = [[{a}, {b}], [{c}, {e}]] shows none of the map's {} places and highlighted countries, and read as [lat, lon] pairs it shows {read_swapped} of them: lat and lon look swapped; write bounds = [[{b}, {a}], [{e}, {c}]] (until then the map opens on everything it shows)",
            points.len()
        ),
    ));
    spec.view = None;
    false
}

/// A route's stop outside `[view]`'s bounds: the route runs off the map as readers first see
/// it. Said once per stop, at its first place in a `via`, with bounds that would hold every stop.
fn check_stops_in_view(spec: &MapSpec, catalog: &Catalog, stops: &[Stop], file: &str, d: &mut Vec<Diagnostic>) {
    let Some(view) = spec.view else { return };
    let at_of = |id: &str| {
        stops.iter().find(|s| s.id == id).map(|s| s.at).or_else(|| {
            let e = catalog.get(catalog.index_of(id)?);
            e.location.map(|l| LonLat { lon: l.lon, lat: l.lat })
        })
    };
    let mut outside: Vec<(&str, &str, LonLat, (usize, usize))> = Vec::new();
    for r in &spec.routes {
        for (i, id) in r.via.iter().enumerate() {
            let Some(at) = at_of(id) else { continue };
            if !holds(&view, at) && !outside.iter().any(|(o, ..)| o == id) {
                outside.push((id, &r.id, at, item_at(&r.stops_at, i, r.at)));
            }
        }
    }
    if outside.is_empty() {
        return;
    }
    // Every stop held, a degree to spare, to whole degrees.
    let (mut lo, mut hi) = (view.min, view.max);
    for (.., p, _) in &outside {
        lo = LonLat { lon: lo.lon.min((p.lon - 1.0).floor().max(-180.0)), lat: lo.lat.min((p.lat - 1.0).floor().max(-90.0)) };
        hi = LonLat { lon: hi.lon.max((p.lon + 1.0).ceil().min(180.0)), lat: hi.lat.max((p.lat + 1.0).ceil().min(90.0)) };
    }
    for (id, route, p, at) in outside {
        d.push(Diagnostic::warning(
            file,
            at,
            format!(
                "route `{route}`: stop `{id}` (lon {}, lat {}) is outside the map's view (bounds = [[{}, {}], [{}, {}]]), so the route runs off the map as readers first see it; widen it, e.g. bounds = [[{}, {}], [{}, {}]]",
                p.lon, p.lat, view.min.lon, view.min.lat, view.max.lon, view.max.lat, lo.lon, lo.lat, hi.lon, hi.lat
            ),
        ));
    }
}

/// The map's places, then the catalog's located places (which open their cards; a `[[place]]`
/// with the same id gets the entity's card).
fn stops_of(spec: &MapSpec, catalog: &Catalog) -> Vec<Stop> {
    let mut stops: Vec<Stop> = spec
        .places
        .iter()
        .map(|p| Stop { id: p.id.clone(), name: p.name.clone(), at: p.at, entity: None, gauge_break: p.gauge_break, note: p.note.clone() })
        .collect();
    for e in catalog.entities() {
        if let (EntityKind::Place, Some(at)) = (e.kind, e.location) {
            if let Some(s) = stops.iter_mut().find(|s| s.id == e.id.as_str()) {
                s.entity = Some(e.id.clone());
            } else {
                stops.push(Stop {
                    id: e.id.to_string(),
                    name: e.name.clone(),
                    at: LonLat { lon: at.lon, lat: at.lat },
                    entity: Some(e.id.clone()),
                    gauge_break: false,
                    note: None,
                });
            }
        }
    }
    stops
}

/// Each route with its stops resolved (a catalog entity with lat/lon named as a stop becomes
/// one), each stretch with its kind; an unknown stop is skipped with a warning at it. A route
/// left with fewer than two stops is not drawn.
fn resolve_routes(
    routes: Vec<super::spec::Route>,
    catalog: &Catalog,
    stops: &mut Vec<Stop>,
    stop_ids: &[String],
    file: &str,
    d: &mut Vec<Diagnostic>,
) -> Vec<ResolvedRoute> {
    let mut out = Vec::new();
    for r in routes {
        let mut resolved: Vec<String> = Vec::new();
        let mut kinds = Vec::new();
        // How the stretch leaving the last resolved stop travels; a skipped stop's stretch
        // is folded into it.
        let mut leaving = r.kind;
        for (i, (id, departs)) in r.via.iter().zip(r.segment_kinds().into_iter().chain([r.kind])).enumerate() {
            if !stops.iter().any(|s| &s.id == id) {
                let Some(e) = catalog.index_of(id).map(|i| catalog.get(i)).filter(|e| e.location.is_some()) else {
                    let hint = did_you_mean(id, stop_ids.iter().map(String::as_str));
                    let message =
                        format!("route `{}`: stop `{id}` is neither a [[place]] nor a catalog entity with lat/lon; skipped{hint}", r.id);
                    d.push(Diagnostic::warning(file, item_at(&r.stops_at, i, r.at), message).with_unknown_id(id));
                    continue;
                };
                let at = e.location.expect("filtered on location");
                stops.push(Stop {
                    id: id.clone(),
                    name: e.name.clone(),
                    at: LonLat { lon: at.lon, lat: at.lat },
                    entity: Some(e.id.clone()),
                    gauge_break: false,
                    note: None,
                });
            }
            if !resolved.is_empty() {
                kinds.push(leaving);
            }
            resolved.push(id.clone());
            leaving = departs;
        }
        if resolved.len() >= 2 {
            out.push(ResolvedRoute { id: r.id.clone(), name: r.name.clone(), stops: resolved, kinds });
        }
    }
    out
}

/// ISO code → index of the highlight that colours it (emphasis wins over groups; otherwise the
/// later highlight wins), with the warnings about the groups: a seventh one repeats a fill (six
/// fills, by place in the file; the emphasis has its own), a country the base map lacks, an
/// entity the catalog lacks.
fn highlights_of(spec: &MapSpec, catalog: &Catalog, basemap: &BaseMap, file: &str, d: &mut Vec<Diagnostic>) -> HashMap<String, usize> {
    for (i, h) in spec.highlights.iter().enumerate().filter(|(_, h)| !h.emphasis) {
        if let Some(same) =
            spec.highlights[..i].iter().enumerate().rev().find(|(j, o)| !o.emphasis && j % HIGHLIGHT_FILLS == i % HIGHLIGHT_FILLS)
        {
            let message = format!(
                "highlight `{}` is filled like `{}`: the map has {HIGHLIGHT_FILLS} highlight colours, given in file order, so the legend cannot tell them apart; merge groups or leave one out",
                h.label, same.1.label
            );
            d.push(Diagnostic::warning(file, h.at, message));
        }
    }
    let mut highlight_of = HashMap::new();
    for (i, h) in spec.highlights.iter().enumerate() {
        for (k, c) in h.countries.iter().enumerate() {
            if basemap.country(c).is_none() {
                d.push(Diagnostic::warning(
                    file,
                    item_at(&h.countries_at, k, h.at),
                    format!("highlight `{}`: country `{c}` is not on the base map{}", h.label, iso_hint(c, basemap)),
                ));
            }
            let keep = highlight_of.get(c).is_some_and(|&j: &usize| spec.highlights[j].emphasis && !h.emphasis);
            if !keep {
                highlight_of.insert(c.clone(), i);
            }
        }
    }
    for h in &spec.highlights {
        if let Some(e) = h.entity.as_ref().map(EntityId::as_str).filter(|e| catalog.index_of(e).is_none()) {
            let hint = did_you_mean(e, catalog.entities().iter().map(|e| e.id.as_str()));
            d.push(
                Diagnostic::warning(file, h.at, format!("highlight `{}`: entity `{e}` is not in the catalog{hint}", h.label))
                    .with_unknown_id(e),
            );
        }
    }
    highlight_of
}

/// A chapter naming no section (only when the body is known: without it every chapter would
/// seem to), an error: the map leaves it out, so readers never see what it was to show; and a
/// chapter's focus that is neither a country of the base map nor a stop.
fn check_chapters(
    spec: &MapSpec,
    basemap: &BaseMap,
    sections: Option<&[String]>,
    stop_ids: &[String],
    file: &str,
    d: &mut Vec<Diagnostic>,
) {
    if let Some(sections) = sections {
        for ch in &spec.chapters {
            if ch.section != "intro" && !sections.contains(&ch.section) {
                let hint = did_you_mean(&ch.section, sections.iter().map(String::as_str).chain(["intro"]));
                d.push(Diagnostic::error(
                    file,
                    ch.at,
                    format!(
                        "chapter `{}` names no section of the commentary (headings: {}), so the map leaves it out{hint}",
                        ch.section,
                        sections.join(", ")
                    ),
                ));
            }
        }
    }
    for ch in &spec.chapters {
        for (k, f) in ch.focus.iter().enumerate() {
            let iso = f.len() == 3 && f.bytes().all(|b| b.is_ascii_uppercase());
            // (A code cannot be checked against a base map that has no countries.)
            if basemap.country(f).is_none() && !stop_ids.contains(f) && !(iso && basemap.countries.is_empty()) {
                let hint = if iso { iso_hint(f, basemap) } else { did_you_mean(f, stop_ids.iter().map(String::as_str)) };
                d.push(Diagnostic::warning(
                    file,
                    item_at(&ch.focus_at, k, ch.at),
                    format!(
                        "chapter `{}`: focus `{f}` is neither a country of the base map nor a place; left out of the view{hint}",
                        ch.section
                    ),
                ));
            }
        }
    }
}

/// A `[[label]]` for nothing the map has, and a label too long for a phone's map (always given
/// up there), with the fix.
fn check_labels(spec: &MapSpec, basemap: &BaseMap, stops: &[Stop], stop_ids: &[String], file: &str, d: &mut Vec<Diagnostic>) {
    for l in &spec.labels {
        if !stops.iter().any(|s| s.id == l.target) && basemap.country(&l.target).is_none() {
            let hint = did_you_mean(&l.target, stop_ids.iter().map(String::as_str));
            let m = format!("label for `{}`: no place, catalog place or base-map country has that id{hint}", l.target);
            d.push(Diagnostic::warning(file, l.at, m).with_unknown_id(&l.target));
        }
    }
    for s in stops {
        let label = spec.label_for(&s.id);
        let text = spec.label_text(&s.id, &s.name);
        let width = Estimate.width(text, LabelStyle::Place);
        if width > LONG_LABEL {
            // At its `[[label]]`, else its `[[place]]` (a catalog place: the top of the map).
            let at = label.map(|l| l.at).or_else(|| spec.places.iter().find(|p| p.id == s.id).map(|p| p.line)).unwrap_or((1, 1));
            d.push(Diagnostic::warning(file, at, format!("the map label of `{}`, \"{text}\", is about {} px wide: on a phone's map it never fits beside its marker and is left out; give it a short `[[label]] for = \"{}\" text = …`", s.id, width.round(), s.id)));
        }
    }
}

/// One country, drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct CountryShape {
    /// ISO 3166-1 alpha-3 code (`data-country`).
    pub iso: String,
    /// The base map's name for it (the button's label when it opens a card).
    pub name: String,
    /// SVG path in land coordinates ([`land_conic`], moved with the countries' transform).
    pub d: String,
    /// Highlight index, if highlighted.
    pub highlight: Option<usize>,
}

/// A marker, drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkerShape {
    /// Stop id.
    pub id: String,
    /// Screen position of the marker: its place, or moved a little off it when markers crowd
    /// (`draw::spread`), with a leader line back to `place`.
    pub at: Point,
    /// Screen position of the place itself (where routes pass).
    pub place: Point,
}

impl MarkerShape {
    /// The box of its symbol (within [`MARKER_DOT`] of its centre), which no label covers.
    pub fn dot(&self) -> Rect {
        Rect { left: self.at.x - MARKER_DOT, top: self.at.y - MARKER_DOT, width: 2.0 * MARKER_DOT, height: 2.0 * MARKER_DOT }
    }
}

/// A route, drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct RouteShape {
    /// Route id (`data-route`).
    pub id: String,
    /// Its legs in travel order, one per run of one kind.
    pub legs: Vec<LegShape>,
}

/// One leg of a route, drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct LegShape {
    /// How it travels: the line's style.
    pub kind: RouteKind,
    /// SVG path.
    pub d: String,
    /// Direction chevrons: position and heading in degrees.
    pub marks: Vec<(Point, f64)>,
}

/// A label, drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelShape {
    /// What it says (a place's or country's short name).
    pub text: String,
    /// Where its baseline is anchored, horizontally, in screen units.
    pub x: f64,
    /// Where its baseline is, vertically, in screen units.
    pub y: f64,
    /// `start`, `end` or `middle`.
    pub anchor: &'static str,
    /// A country label (styled larger, in capitals).
    pub country: bool,
}

/// The map for one view and size.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// Every country of the base map, highlighted or not.
    pub countries: Vec<CountryShape>,
    /// The routes inside the view, clipped and smoothed.
    pub routes: Vec<RouteShape>,
    /// The stops inside the view.
    pub markers: Vec<MarkerShape>,
    /// Labels that fit.
    pub labels: Vec<LabelShape>,
    /// Scale bar: km and length in units.
    pub scale: (f64, f64),
    /// The locator drawn in a corner when the view is zoomed far into its surroundings.
    pub inset: Option<Inset>,
    /// The projection used.
    pub conic: Conic,
}

/// A locator map in a corner of a zoomed-in view: the surroundings ([`Scene::context`]) in
/// miniature, with the view outlined on them. The countries are the map's own, drawn in land
/// coordinates ([`land_conic`]) and shown again through an SVG `<use>`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Inset {
    /// Where the locator sits on the map, in screen units.
    pub frame: Rect,
    /// The part of the land coordinates it shows (its `viewBox`).
    pub shows: Rect,
    /// The current view, in land coordinates (the outline drawn on it).
    pub view: Rect,
}

/// The locator appears when the view is this many times closer than its surroundings.
pub const INSET_ZOOM: f64 = 3.0;

/// The least span, in degrees of longitude and latitude, that a locator shows around the home
/// view: enough for a country's neighbours, seas and a capital or two.
const CONTEXT_SPAN: (f64, f64) = (70.0, 40.0);

/// The projection for the scene's home view in a `width`×`height` frame. Every view at every
/// size is a scale and translation of it (see [`Conic::relative_to`]).
pub fn home_conic(scene: &Scene, width: f64, height: f64) -> Conic {
    Conic::for_bounds(scene.home()).fit(scene.home(), width, height, 8.0)
}

/// The frame size the country shapes are projected for, once: the server renders them so, and a
/// frame of any other size, like any other view, moves them with an SVG transform instead of
/// projecting and drawing them again (which, with a hundred and more paths, was the most
/// expensive thing the browser did after a phone's frame was measured).
pub const LAND_SIZE: (f64, f64) = (480.0, 360.0);

/// The projection of the country shapes ([`countries`]): the home view at [`LAND_SIZE`].
pub fn land_conic(scene: &Scene) -> Conic {
    home_conic(scene, LAND_SIZE.0, LAND_SIZE.1)
}

/// The projection for `view`: the home view's cone, so zooming never changes shapes.
pub fn view_conic(scene: &Scene, view: Bounds, width: f64, height: f64) -> Conic {
    Conic::for_bounds(scene.home()).fit(view, width, height, 8.0)
}

/// Every country of the base map, projected with `conic`.
pub fn countries(scene: &Scene, conic: &Conic) -> Vec<CountryShape> {
    let project_ring = |ring: &Vec<LonLat>| ring.iter().map(|p| conic.project(*p)).collect::<Vec<Point>>();
    scene
        .basemap
        .countries
        .iter()
        .map(|c| CountryShape {
            iso: c.iso.clone(),
            name: c.name.clone(),
            d: draw::rings_path(&c.rings.iter().map(project_ring).collect::<Vec<_>>()),
            highlight: scene.highlight_of.get(&c.iso).copied(),
        })
        .collect()
}

/// Lays the scene out for `view` in a `width`×`height` frame, countries included.
pub fn layout(scene: &Scene, view: Bounds, width: f64, height: f64) -> Layout {
    let mut l = overlay(scene, view, width, height);
    l.countries = countries(scene, &l.conic);
    l
}

/// The widest place label that can still sit beside its marker on a phone's map (a 320 px
/// frame): wider ones are reported by the validator.
pub const LONG_LABEL: f64 = 150.0;

/// How many fills highlight groups take, in file order (`cr-hl-0` … `cr-hl-5` in the
/// stylesheet, each checked against the water and land of both themes by `tests/palette.rs`).
pub const HIGHLIGHT_FILLS: usize = 6;

/// The least distance between two markers' centres: their 24 px targets and a little air.
pub const MARKER_SPACING: f64 = 26.0;
/// How far a crowded marker may be moved off its place.
pub const MARKER_SHIFT: f64 = 14.0;

/// The radius a label keeps clear around a marker's centre: its largest symbol (a catalog
/// place's dot, 5.5, or a gauge break's diamond, 6) and its outline.
pub const MARKER_DOT: f64 = 6.5;

/// The locator for a view drawn with `conic`, if the view is [`INSET_ZOOM`] times closer than
/// its surroundings: a quarter of the frame's width (80 to 132 units), in the corner with the
/// fewest markers (top right, top left, then the bottom ones, above the scale bar and the
/// credit).
fn locator(scene: &Scene, conic: &Conic, width: f64, height: f64, markers: &[MarkerShape]) -> Option<Inset> {
    let home = land_conic(scene);
    let around = Conic::for_bounds(scene.home()).fit(scene.context(), width, height, 8.0);
    if conic.scale() < around.scale() * INSET_ZOOM {
        return None;
    }
    let w = (width * 0.26).clamp(80.0, 132.0);
    let h = w * height / width;
    if w > width / 2.5 || h > height / 2.5 {
        return None; // a frame this small has no corner to spare
    }
    let margin = 8.0;
    let corners = [(width - margin - w, margin), (margin, margin), (margin, height - 30.0 - h), (width - margin - w, height - 22.0 - h)];
    let crowding = |&(left, top): &(f64, f64)| {
        let r = Rect { left: left - 4.0, top: top - 4.0, width: w + 8.0, height: h + 8.0 };
        markers.iter().filter(|m| r.overlaps(&m.dot())).count()
    };
    let (left, top) = *corners.iter().min_by_key(|c| crowding(c)).expect("four corners");
    // Land coordinates of a frame drawn with `c`: screen = land · k + (dx, dy).
    let in_home = |c: &Conic| {
        let (k, dx, dy) = c.relative_to(&home);
        Rect { left: -dx / k, top: -dy / k, width: width / k, height: height / k }
    };
    Some(Inset { frame: Rect { left, top, width: w, height: h }, shows: in_home(&around), view: in_home(conic) })
}

/// [`overlay_with`] the estimated label widths (the server's render, and the browser's until it
/// has measured the font).
pub fn overlay(scene: &Scene, view: Bounds, width: f64, height: f64) -> Layout {
    overlay_with(scene, view, width, height, &Estimate)
}

/// Everything but the countries for `view`: routes, markers, labels and the scale bar, with
/// labels as wide as `widths` says. Cheap enough to run on every animation frame; the
/// countries are drawn once and transformed.
pub fn overlay_with(scene: &Scene, view: Bounds, width: f64, height: f64, widths: &dyn Widths) -> Layout {
    let conic = view_conic(scene, view, width, height);
    let countries = Vec::new();
    // One curve per route (legs join without a kink), cut into its legs.
    let curves: Vec<Vec<[Point; 4]>> = scene
        .routes
        .iter()
        .map(|r| draw::spline(&r.stops.iter().filter_map(|id| scene.stop(id)).map(|s| conic.project(s.at)).collect::<Vec<_>>()))
        .collect();
    let routes = scene
        .routes
        .iter()
        .zip(&curves)
        .map(|(r, curve)| {
            let legs = r
                .legs()
                .into_iter()
                .map(|(kind, start, end)| {
                    let part = &curve[start..end];
                    LegShape { kind, d: draw::segments_path(part), marks: draw::segment_marks(part, 60.0) }
                })
                .collect();
            RouteShape { id: r.id.clone(), legs }
        })
        .collect();
    let frame = Rect { left: 0.0, top: 0.0, width, height };
    let inside = |p: &Point| p.x >= 0.0 && p.y >= 0.0 && p.x <= width && p.y <= height;
    // Markers that crowd (their 24 px targets would overlap) are spread apart, up to 14 px
    // off their place, so each can be seen and pointed at.
    let shown: Vec<(&Stop, Point)> = scene.stops.iter().map(|s| (s, conic.project(s.at))).filter(|(_, at)| inside(at)).collect();
    let places: Vec<Point> = shown.iter().map(|(_, at)| *at).collect();
    let markers: Vec<MarkerShape> = shown
        .iter()
        .zip(draw::spread(&places, MARKER_SPACING, MARKER_SHIFT))
        .map(|((s, place), at)| MarkerShape { id: s.id.clone(), at, place: *place })
        .collect();
    // Labels by importance: the editor's `priority` (1 first … 9 last); unset, the emphasised
    // country comes before everything, places are 5 and other highlighted countries after all
    // places. At one priority places go first (catalog places, gauge breaks, other stops),
    // then countries, larger first.
    let priority = |id: &str| scene.spec.label_for(id).and_then(|l| l.priority);
    let mut requests: Vec<(u8, LabelRequest, String, bool)> = Vec::new();
    let mut ordered: Vec<&Stop> = scene.stops.iter().collect();
    ordered.sort_by_key(|s| (priority(&s.id).unwrap_or(5), s.entity.is_none(), !s.gauge_break));
    for s in ordered {
        // Labelled where its marker is drawn, with the editor's short text if any.
        if let Some(m) = markers.iter().find(|m| m.id == s.id) {
            let text = scene.spec.label_text(&s.id, &s.name).to_owned();
            let style = LabelStyle::Place;
            let side = scene.spec.label_for(&s.id).and_then(|l| l.side);
            let request = LabelRequest {
                at: m.at,
                width: widths.width(&text, style),
                height: style.size(),
                clear: MARKER_DOT,
                area: false,
                within: None,
                side,
            };
            requests.push((priority(&s.id).unwrap_or(5), request, text, false));
        }
    }
    // Highlighted countries are labelled when their name fits inside them at this zoom; the
    // emphasised country always.
    let mut countries_to_label: Vec<(u8, f64, LabelRequest, String)> = Vec::new();
    for (iso, &h) in &scene.highlight_of {
        let (Some(c), Some(b)) = (scene.basemap.country(iso), scene.bounds_of(std::slice::from_ref(iso))) else { continue };
        let mid = (b.min.lat + b.max.lat) / 2.0;
        let centre = conic.project(LonLat { lon: (b.min.lon + b.max.lon) / 2.0, lat: mid });
        let span = (conic.project(LonLat { lon: b.max.lon, lat: mid }).x - conic.project(LonLat { lon: b.min.lon, lat: mid }).x).abs();
        let text = scene.spec.label_text(iso, &c.name).to_uppercase();
        let style = LabelStyle::Country;
        let width = widths.width(&text, style);
        // The country's box on screen, which the label's centre stays in.
        let corners = [
            (b.min.lon, b.min.lat),
            (b.max.lon, b.min.lat),
            (b.min.lon, b.max.lat),
            (b.max.lon, b.max.lat),
            (b.min.lon, mid),
            (b.max.lon, mid),
        ]
        .map(|(lon, lat)| conic.project(LonLat { lon, lat }));
        let (left, right) = corners.iter().fold((f64::MAX, f64::MIN), |(l, r), p| (l.min(p.x), r.max(p.x)));
        let (top, bottom) = corners.iter().fold((f64::MAX, f64::MIN), |(t, b), p| (t.min(p.y), b.max(p.y)));
        let within = Some(Rect { left, top, width: right - left, height: bottom - top });
        let emphasis = scene.spec.highlights[h].emphasis;
        if inside(&centre) && (emphasis || span >= width * 0.8) {
            let rank = priority(iso).unwrap_or(if emphasis { 0 } else { 10 });
            countries_to_label.push((
                rank,
                span,
                LabelRequest { at: centre, width, height: style.size(), clear: 0.0, area: true, within, side: None },
                text,
            ));
        }
    }
    countries_to_label.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.3.cmp(&b.3)));
    for (rank, _, req, text) in countries_to_label {
        // After every label of its rank or a higher one (places and larger countries).
        let at = requests.iter().position(|r| r.0 > rank).unwrap_or(requests.len());
        requests.insert(at, (rank, req, text, true));
    }
    // Labels keep off route lines where they can: sampled every 6 px, a line through a box
    // only makes its spot a last resort.
    let lines: Vec<Point> = curves.iter().flat_map(|c| draw::sample_segments(c, 6.0)).collect();
    // Every marker's symbol is an obstacle no label may cover (its hit area may be).
    let mut obstacles: Vec<Rect> = markers.iter().map(MarkerShape::dot).collect();
    let inset = locator(scene, &conic, width, height, &markers);
    // No label goes under the locator.
    obstacles.extend(inset.map(|i| i.frame));
    let spots = draw::place_labels(&requests.iter().map(|r| r.1).collect::<Vec<_>>(), frame, &obstacles, &lines);
    let labels = spots
        .into_iter()
        .zip(requests)
        .filter_map(|(spot, (_, _, text, country))| spot.map(|s| LabelShape { text, x: s.x, y: s.y, anchor: s.anchor, country }))
        .collect();
    let scale = draw::scale_bar(&conic, Point { x: width / 2.0, y: height / 2.0 }, width / 4.0);
    Layout { countries, routes, markers, labels, scale, inset, conic }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::catalog::Catalog;
    use crate::geo::spec::parse_map;

    fn scene_of(map_toml: &str) -> Scene {
        let (spec, diagnostics) = parse_map(map_toml, "map.toml");
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let basemap = BaseMap { countries: Vec::new(), grid: None, topology: None };
        let (scene, diagnostics) = resolve(spec.expect("the map parses"), &Catalog::merge([Vec::new()]), basemap, Some(&[]), "map.toml");
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        scene
    }

    #[test]
    fn a_country_with_an_entity_is_called_by_the_catalog_name() {
        use crate::content::catalog::parse_catalog;
        use crate::geo::topojson::Country;
        let (entities, diagnostics) = parse_catalog(
            "[[entity]]\nid = \"turkiye\"\nkind = \"country\"\nname = \"Türkiye\"\niso = \"TUR\"\nsummary = \"A country.\"\n",
            "entities.toml",
        );
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let country = |iso: &str, name: &str| Country { iso: iso.into(), name: name.into(), rings: Vec::new() };
        let basemap = BaseMap { countries: vec![country("TUR", "Turkey"), country("GRC", "Greece")], grid: None, topology: None };
        let (spec, _) = parse_map("", "map.toml");
        let (scene, _) = resolve(spec.expect("an empty map parses"), &Catalog::merge([entities]), basemap, Some(&[]), "map.toml");
        assert_eq!(scene.basemap.country("TUR").map(|c| c.name.as_str()), Some("Türkiye"));
        assert_eq!(scene.basemap.country("GRC").map(|c| c.name.as_str()), Some("Greece"), "no entity: the base map's name");
        assert_eq!(scene.named, ["TUR"], "Greece keeps the base map's English name");
        // A translation's words name countries too: only the ones they translate.
        let basemap = BaseMap {
            countries: vec![country("TUR", "Turkey"), country("GRC", "Greece"), country("BGR", "Bulgaria")],
            grid: None,
            topology: None,
        };
        let (spec, _) = parse_map(
            "[translations.ru]
\"Greece\" = \"Греция\"\n",
            "map.toml",
        );
        let spec = spec.expect("the map parses").translated("ru");
        let (scene, _) = resolve(spec, &Catalog::merge([Vec::new()]), basemap, Some(&[]), "map.toml");
        assert_eq!(scene.basemap.country("GRC").map(|c| c.name.as_str()), Some("Греция"));
        assert_eq!(scene.named, ["GRC"], "Turkey and Bulgaria stay English");
    }

    #[test]
    fn the_editors_labels_shorten_and_rank_and_too_long_ones_are_reported() {
        let toml = "[[place]]\nid = \"port\"\nname = \"Turkmenbashi International Seaport and Free Economic Zone\"\nlat = 40.0\nlon = 53.0\n\n[[place]]\nid = \"far\"\nname = \"A very long name that nobody shortened at all, ever\"\nlat = 41.0\nlon = 60.0\n\n[[label]]\nfor = \"port\"\ntext = \"Turkmenbashi\"\npriority = 1\n\n[[label]]\nfor = \"nowhere\"\n";
        let (spec, _) = parse_map(toml, "map.toml");
        let basemap = BaseMap { countries: Vec::new(), grid: None, topology: None };
        let (scene, d) = resolve(spec.expect("the map parses"), &Catalog::merge([Vec::new()]), basemap, Some(&[]), "map.toml");
        let all: Vec<String> = d.iter().map(ToString::to_string).collect();
        assert!(all.iter().any(|m| m.contains("label for `nowhere`")), "{all:?}");
        assert!(all.iter().any(|m| m.contains("map label of `far`") && m.contains("text = …")), "{all:?}");
        assert!(!all.iter().any(|m| m.contains("map label of `port`")), "the shortened one is fine: {all:?}");
        let view = Bounds { min: LonLat { lon: 50.0, lat: 38.0 }, max: LonLat { lon: 62.0, lat: 43.0 } };
        let layout = overlay(&scene, view, 640.0, 400.0);
        assert_eq!(layout.labels.first().map(|l| l.text.as_str()), Some("Turkmenbashi"), "{:?}", layout.labels);
    }

    #[test]
    fn a_seventh_highlight_group_repeats_a_fill_and_is_reported() {
        let group =
            |label: &str, emphasis: bool| format!("[[highlight]]\ncountries = [\"AAA\"]\nlabel = \"{label}\"\nemphasis = {emphasis}\n\n");
        let six: String = ["a", "b", "c", "d", "e", "f"].iter().map(|l| group(l, false)).collect();
        let basemap = || BaseMap {
            countries: vec![crate::geo::topojson::Country { iso: "AAA".into(), name: "A".into(), rings: Vec::new() }],
            grid: None,
            topology: None,
        };
        let messages = |toml: &str| {
            let (spec, _) = parse_map(toml, "map.toml");
            let (_, d) = resolve(spec.unwrap(), &Catalog::merge([Vec::new()]), basemap(), Some(&[]), "map.toml");
            d.iter().map(ToString::to_string).filter(|m| m.contains("is filled like")).collect::<Vec<_>>()
        };
        assert!(messages(&(six.clone() + &group("main", true))).is_empty(), "six groups and the emphasis: seven colours");
        let seven = messages(&(six + &group("g", false)));
        assert_eq!(seven.len(), 1, "{seven:?}");
        assert!(seven[0].starts_with("map.toml:32:13: warning: highlight `g` is filled like `a`"), "{seven:?}");
    }

    #[test]
    fn the_legend_names_each_route_kind_once_in_order_of_first_use() {
        let places =
            "[[place]]\nid = \"a\"\nname = \"A\"\nlat = 50.0\nlon = 20.0\n\n[[place]]\nid = \"b\"\nname = \"B\"\nlat = 52.0\nlon = 30.0\n";
        let route =
            |id: &str, kind: &str| format!("\n[[route]]\nid = \"{id}\"\nname = \"{id}\"\nkind = \"{kind}\"\nvia = [\"a\", \"b\"]\n");
        // Rail, sea, rail, road, sea: the repeats are not next to each other.
        let toml: String = [("r1", "rail"), ("s1", "sea"), ("r2", "rail"), ("d1", "road"), ("s2", "sea")]
            .iter()
            .fold(places.to_owned(), |t, (id, kind)| t + &route(id, kind));
        let scene = scene_of(&toml);
        assert_eq!(scene.routes.len(), 5);
        assert_eq!(scene.legend_kinds(), [RouteKind::Rail, RouteKind::Sea, RouteKind::Road]);
        assert!(scene_of(places).legend_kinds().is_empty(), "a map without routes has no route keys");
    }

    /// A corridor from Herat across the Caspian to the Black Sea: rail, a ferry leg, rail, a
    /// sea leg. The places are map-only, a place named in `via` may be missing.
    const MIDDLE: &str = "[[place]]\nid = \"herat\"\nname = \"Herat\"\nlat = 34.35\nlon = 62.2\n\n[[place]]\nid = \"turkmenbashi\"\nname = \"Turkmenbashi\"\nlat = 40.02\nlon = 52.97\n\n[[place]]\nid = \"baku\"\nname = \"Baku\"\nlat = 40.41\nlon = 49.87\n\n[[place]]\nid = \"tbilisi\"\nname = \"Tbilisi\"\nlat = 41.72\nlon = 44.79\n\n[[place]]\nid = \"poti\"\nname = \"Poti\"\nlat = 42.15\nlon = 41.67\n\n[[place]]\nid = \"constanta\"\nname = \"Constanța\"\nlat = 44.17\nlon = 28.64\n\n[[route]]\nid = \"middle\"\nname = \"Middle Corridor\"\nkind = \"rail\"\nvia = [\"herat\", \"turkmenbashi\", \"baku\", \"tbilisi\", \"poti\", \"constanta\"]\n\n[[route.leg]]\nfrom = \"turkmenbashi\"\nto = \"baku\"\nkind = \"ferry\"\n\n[[route.leg]]\nfrom = \"poti\"\nto = \"constanta\"\nkind = \"sea\"\n";

    #[test]
    fn a_route_is_drawn_leg_by_leg_and_legended_by_kind() {
        let scene = scene_of(MIDDLE);
        let route = &scene.routes[0];
        assert_eq!(route.kinds, [RouteKind::Rail, RouteKind::Ferry, RouteKind::Rail, RouteKind::Rail, RouteKind::Sea]);
        assert_eq!(route.legs(), [(RouteKind::Rail, 0, 1), (RouteKind::Ferry, 1, 2), (RouteKind::Rail, 2, 4), (RouteKind::Sea, 4, 5)]);
        assert_eq!(
            scene.legend_kinds(),
            [RouteKind::Rail, RouteKind::Ferry, RouteKind::Sea],
            "one entry per kind, rail once though it runs twice"
        );
        let view = Bounds { min: LonLat { lon: 25.0, lat: 32.0 }, max: LonLat { lon: 66.0, lat: 47.0 } };
        let layout = overlay(&scene, view, 640.0, 400.0);
        let legs = &layout.routes[0].legs;
        assert_eq!(legs.iter().map(|l| l.kind).collect::<Vec<_>>(), [RouteKind::Rail, RouteKind::Ferry, RouteKind::Rail, RouteKind::Sea]);
        // The legs join: each starts where the one before ends.
        let end = |d: &str| d.rsplit(' ').next().unwrap().to_owned();
        let start = |d: &str| d[1..d.find('C').unwrap()].to_owned();
        for w in legs.windows(2) {
            assert_eq!(end(&w[0].d), start(&w[1].d), "{} then {}", w[0].d, w[1].d);
        }
        // Every leg shows its direction: all run west, left on the screen.
        for leg in legs {
            assert!(!leg.marks.is_empty(), "{:?} has no direction mark", leg.kind);
            assert!(leg.marks.iter().all(|(_, deg)| deg.abs() > 90.0), "{:?}: {:?}", leg.kind, leg.marks);
        }
        let text = scene.route_text(route, &crate::i18n::EN);
        assert_eq!(text, "Middle Corridor: Herat → Turkmenbashi (Rail route); Turkmenbashi → Baku (Ferry crossing); Baku → Tbilisi → Poti (Rail route); Poti → Constanța (Sea route)");
    }

    #[test]
    fn a_skipped_stop_folds_its_stretch_into_the_one_before() {
        let toml = MIDDLE.replace("\"tbilisi\", \"poti\"", "\"tbilsi\", \"poti\"");
        let (spec, _) = parse_map(&toml, "map.toml");
        let basemap = BaseMap { countries: Vec::new(), grid: None, topology: None };
        let (scene, d) = resolve(spec.expect("the map parses"), &Catalog::merge([Vec::new()]), basemap, Some(&[]), "map.toml");
        assert!(d.iter().any(|m| m.to_string().contains("stop `tbilsi`")), "{d:?}");
        let route = &scene.routes[0];
        assert_eq!(route.stops, ["herat", "turkmenbashi", "baku", "poti", "constanta"]);
        assert_eq!(route.kinds, [RouteKind::Rail, RouteKind::Ferry, RouteKind::Rail, RouteKind::Sea]);
    }

    #[test]
    fn a_route_of_one_kind_reads_as_before() {
        let scene = scene_of(&MIDDLE[..MIDDLE.find("\n[[route.leg]]").unwrap()]);
        assert_eq!(scene.legend_kinds(), [RouteKind::Rail]);
        assert_eq!(
            scene.route_text(&scene.routes[0], &crate::i18n::EN),
            "Middle Corridor: Herat → Turkmenbashi → Baku → Tbilisi → Poti → Constanța"
        );
    }

    #[test]
    fn a_countrys_label_priority_puts_it_before_places_or_after_them() {
        use crate::geo::topojson::Country;
        // Two highlighted countries side by side, each with a place at its centre whose label
        // would cover the country's name: whichever goes first keeps its spot.
        let square = |x0: f64, y0: f64| {
            vec![vec![
                LonLat { lon: x0, lat: y0 },
                LonLat { lon: x0 + 8.0, lat: y0 },
                LonLat { lon: x0 + 8.0, lat: y0 + 4.0 },
                LonLat { lon: x0, lat: y0 + 4.0 },
            ]]
        };
        let basemap = || BaseMap {
            countries: vec![Country { iso: "AAA".into(), name: "Aland".into(), rings: square(20.0, 50.0) }],
            grid: None,
            topology: None,
        };
        let map = |label: &str| {
            format!("[[highlight]]\ncountries = [\"AAA\"]\nlabel = \"A\"\n\n[[place]]\nid = \"mid\"\nname = \"Middletown\"\nlat = 52.0\nlon = 24.0\n{label}")
        };
        let first_text = |toml: &str| {
            let (spec, d) = parse_map(toml, "map.toml");
            assert!(d.is_empty(), "{d:?}");
            let (scene, _) = resolve(spec.unwrap(), &Catalog::merge([Vec::new()]), basemap(), Some(&[]), "map.toml");
            let view = Bounds { min: LonLat { lon: 18.0, lat: 49.0 }, max: LonLat { lon: 30.0, lat: 55.0 } };
            overlay(&scene, view, 400.0, 250.0).labels.iter().map(|l| l.text.clone()).collect::<Vec<_>>()
        };
        assert_eq!(first_text(&map("")).first().map(String::as_str), Some("Middletown"), "unranked, places before other countries");
        assert_eq!(
            first_text(&map("\n[[label]]\nfor = \"AAA\"\npriority = 1\n")).first().map(String::as_str),
            Some("ALAND"),
            "ranked 1, the country first"
        );
    }

    #[test]
    fn a_view_zoomed_far_in_gets_a_locator_in_a_free_corner() {
        let scene = scene_of(MIDDLE);
        assert!(overlay(&scene, scene.home(), 640.0, 400.0).inset.is_none(), "the home view needs no locator");
        // Around Baku and Tbilisi, ten times closer than the surroundings.
        let view = Bounds { min: LonLat { lon: 43.0, lat: 38.5 }, max: LonLat { lon: 51.0, lat: 43.0 } };
        let layout = overlay(&scene, view, 640.0, 400.0);
        let inset = layout.inset.expect("a locator");
        let frame = Rect { left: 0.0, top: 0.0, width: 640.0, height: 400.0 };
        assert!(inset.frame.left >= 0.0 && inset.frame.right() <= frame.right() && inset.frame.bottom() <= frame.bottom(), "{inset:?}");
        assert!(!layout.markers.iter().any(|m| m.dot().overlaps(&inset.frame)), "a corner without markers was free: {inset:?}");
        // The outline is the view, inside what the locator shows.
        let (s, v) = (inset.shows, inset.view);
        assert!(v.left > s.left && v.top > s.top && v.right() < s.right() && v.bottom() < s.bottom(), "{inset:?}");
        assert!(v.width < s.width / INSET_ZOOM, "{inset:?}");
        assert!(overlay(&scene, view, 180.0, 135.0).inset.is_none(), "no locator in a frame too small to spare a corner");
    }
}
