//! Resolving `map.toml` against the catalog and the base map: the scene, and every problem
//! located (unknown stops, codes and sections with "did you mean", places at sea or swapped,
//! a view written the wrong way round, stops outside it).

use std::collections::HashMap;

use super::{ResolvedRoute, Scene, Stop, HIGHLIGHT_FILLS, LONG_LABEL};
use crate::content::catalog::{Catalog, EntityId, EntityKind};
use crate::content::diagnostic::Diagnostic;
use crate::content::slug::INTRO;
use crate::content::suggest::{did_you_mean, iso_for};
use crate::geo::metrics::{Estimate, LabelStyle, Widths};
use crate::geo::projection::{Bounds, LonLat};
use crate::geo::spec::MapSpec;
use crate::geo::topojson::BaseMap;

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
        Some(iso) => crate::geo::whereabouts::outside_country(basemap, at, iso),
        None => crate::geo::whereabouts::place_problem(basemap, at, &shown),
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
    routes: Vec<crate::geo::spec::Route>,
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
            if ch.section != INTRO && !sections.contains(&ch.section) {
                let hint = did_you_mean(&ch.section, sections.iter().map(String::as_str).chain([INTRO]));
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
