//! Reading `map.toml` into [`MapSpec`], every problem located.

use crate::content::catalog::EntityId;
use crate::content::diagnostic::Diagnostic;
use crate::content::links::is_entity_id;
use crate::geo::projection::{Bounds, LonLat};
use crate::toml_read::{self, Locator, Pair, Table};
use serde::de::DeserializeOwned;
use serde::Deserialize;

use commentary_core::geo::spec::*;

fn iso_ok(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// A `map.toml` as written. The top-level keys are read one by one, the `[[…]]` lists entry by
/// entry, so a broken one is reported and the rest of the map still draws.
#[derive(Deserialize, Default)]
#[serde(default, expecting = "a table")]
struct RawMap {
    view: Option<RawView>,
    basemap: Option<String>,
    title: Option<String>,
    highlight: Vec<RawHighlight>,
    route: Vec<RawRoute>,
    place: Vec<RawPlace>,
    chapter: Vec<RawChapter>,
    label: Vec<RawLabel>,
    country_names: Option<std::collections::BTreeMap<String, String>>,
    translations: Option<std::collections::BTreeMap<String, std::collections::BTreeMap<String, String>>>,
}

/// One `[[label]]` as written.
#[derive(Deserialize, Default)]
#[serde(default, expecting = "a table")]
struct RawLabel {
    #[serde(rename = "for")]
    target: Option<String>,
    text: Option<String>,
    priority: Option<i64>,
    side: Option<String>,
}

/// `[view]` as written.
#[derive(Deserialize, Default)]
#[serde(default, expecting = "a table")]
struct RawView {
    bounds: Option<Vec<Pair<f64, f64>>>,
}

/// One `[[highlight]]` as written.
#[derive(Deserialize, Default)]
#[serde(default, expecting = "a table")]
struct RawHighlight {
    countries: Option<Vec<String>>,
    label: Option<String>,
    emphasis: Option<bool>,
    entity: Option<String>,
}

/// One `[[route]]` as written.
#[derive(Deserialize, Default)]
#[serde(default, expecting = "a table")]
struct RawRoute {
    id: Option<String>,
    name: Option<String>,
    kind: Option<String>,
    via: Option<Vec<String>>,
    /// Read entry by entry afterwards ([`RawLegs`]), so a broken leg keeps its route.
    leg: Option<serde::de::IgnoredAny>,
}

/// A route's `[[route.leg]]` list, read on its own.
#[derive(Deserialize, Default)]
#[serde(default, expecting = "a table")]
struct RawLegs {
    leg: Vec<RawLeg>,
}

/// One `[[route.leg]]` as written.
#[derive(Deserialize, Default)]
#[serde(default, expecting = "a table")]
struct RawLeg {
    from: Option<String>,
    to: Option<String>,
    kind: Option<String>,
}

/// One `[[place]]` as written.
#[derive(Deserialize, Default)]
#[serde(default, expecting = "a table")]
struct RawPlace {
    id: Option<String>,
    name: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    gauge_break: Option<bool>,
    note: Option<String>,
    country: Option<String>,
}

/// One `[[chapter]]` as written.
#[derive(Deserialize, Default)]
#[serde(default, expecting = "a table")]
struct RawChapter {
    section: Option<String>,
    focus: Option<Vec<String>>,
}

/// Parses a `map.toml`. Syntax errors return no map; a broken entry is skipped with an error.
pub fn parse_map(text: &str, file: &str) -> (Option<MapSpec>, Vec<Diagnostic>) {
    let loc = Locator::new(text, 1, file);
    let doc = match toml_read::parse(text, &loc) {
        Ok(doc) => doc,
        Err(e) => return (None, vec![e]),
    };
    let mut d = Vec::new();
    let top = Table::root(&doc, &loc);
    let mut spec = MapSpec::default();

    match (top.field::<RawMap>("view"), top.table("view")) {
        (Ok(RawMap { view: Some(raw), .. }), Some(view)) => match read_view(raw, &view, &loc) {
            Ok(bounds) => (spec.view, spec.view_at) = (Some(bounds), loc.position(&view.span_of("bounds"))),
            Err(e) => d.push(e),
        },
        (Ok(_), _) => {}
        (Err(e), _) => d.extend(e),
    }
    match top.field::<RawMap>("basemap") {
        Ok(m) => spec.basemap = m.basemap,
        Err(e) => d.extend(e),
    }
    match top.field::<RawMap>("title") {
        Ok(m) => spec.title = m.title,
        Err(e) => d.extend(e),
    }
    entries(&top, "highlight", |m| m.highlight, &mut d, |h, t| read_highlight(h, t, &loc).map(|h| spec.highlights.push(h)));
    let mut leg_d = Vec::new();
    entries(&top, "route", |m| m.route, &mut d, |r, t| read_route(r, t, &loc, &mut leg_d).map(|r| spec.routes.push(r)));
    d.append(&mut leg_d);
    entries(&top, "place", |m| m.place, &mut d, |p, t| read_place(p, t, &loc).map(|p| spec.places.push(p)));
    entries(&top, "chapter", |m| m.chapter, &mut d, |c, t| read_chapter(c, t, &loc).map(|c| spec.chapters.push(c)));
    entries(&top, "label", |m| m.label, &mut d, |l, t| read_label(l, t, &loc).map(|l| spec.labels.push(l)));
    match top.field::<RawMap>("country_names") {
        Ok(m) => {
            for (iso, name) in m.country_names.unwrap_or_default() {
                if iso_ok(&iso) {
                    spec.country_names.push((iso, name));
                } else {
                    d.push(loc.error(
                        &top.span_of("country_names"),
                        format!("country_names: `{iso}` is not an ISO 3166-1 alpha-3 code such as \"TUR\""),
                    ));
                }
            }
        }
        Err(e) => d.extend(e),
    }
    match top.field::<RawMap>("translations") {
        Ok(m) => {
            spec.translations =
                m.translations.unwrap_or_default().into_iter().map(|(lang, words)| (lang, words.into_iter().collect())).collect();
            if let Some(t) = top.table("translations") {
                spec.translations_at.push((String::new(), loc.position(&top.span_of("translations"))));
                for (lang, _) in &spec.translations {
                    spec.translations_at.push((lang.clone(), loc.position(&t.span_of(lang))));
                }
            }
        }
        Err(e) => d.extend(e),
    }
    d.extend(top.unknown_keys::<RawMap>(""));
    (Some(spec), d)
}

/// Reads each entry of the list `key` with `read`; every problem goes into `d`, and the keys of
/// an entry that reads are checked against `E`'s fields.
fn entries<E: DeserializeOwned>(
    top: &Table<'_, '_, '_>,
    key: &str,
    pick: fn(RawMap) -> Vec<E>,
    d: &mut Vec<Diagnostic>,
    mut read: impl FnMut(E, &Table<'_, '_, '_>) -> Result<(), Diagnostic>,
) {
    let tables = match top.entries(key, pick) {
        Ok(t) => t,
        Err(e) => return d.push(e),
    };
    for (t, raw) in tables {
        match raw {
            Ok(raw) => match read(raw, &t) {
                Ok(()) => d.extend(t.unknown_keys::<E>("")),
                Err(e) => d.push(e),
            },
            Err(errors) => d.extend(errors),
        }
    }
}

/// Line and column of each item of the list at `key`.
fn positions(t: &Table<'_, '_, '_>, key: &str, loc: &Locator<'_>) -> Vec<(usize, usize)> {
    t.item_spans(key).iter().map(|span| loc.position(span)).collect()
}

fn read_view(raw: RawView, view: &Table<'_, '_, '_>, loc: &Locator<'_>) -> Result<Bounds, Diagnostic> {
    let Some(bounds) = raw.bounds else { return Err(view.missing("bounds", "[[20.0, 25.0], [125.0, 60.0]]")) };
    let ok = |[lon0, lat0, lon1, lat1]: [f64; 4]| {
        (-180.0..=180.0).contains(&lon0)
            && (-180.0..=180.0).contains(&lon1)
            && (-90.0..=90.0).contains(&lat0)
            && (-90.0..=90.0).contains(&lat1)
            && lon0 < lon1
            && lat0 < lat1
    };
    match bounds.as_slice() {
        [Pair(lon0, lat0), Pair(lon1, lat1)] if ok([*lon0, *lat0, *lon1, *lat1]) => {
            Ok(Bounds { min: LonLat { lon: *lon0, lat: *lat0 }, max: LonLat { lon: *lon1, lat: *lat1 } })
        }
        // Impossible as [lon, lat] pairs, fine as [lat, lon]: written the wrong way round. (Fine
        // as [lat, lon] and not as [lon, lat], only a latitude can be out of range as written.)
        [Pair(a, b), Pair(c, e)] if ok([*b, *a, *e, *c]) => {
            let lat = if (-90.0..=90.0).contains(b) { e } else { b };
            Err(loc.error(
                &view.span_of("bounds"),
                format!("view.bounds = [[{a}, {b}], [{c}, {e}]] as [lon, lat] pairs has latitude {lat}, outside −90…90, and read as [lat, lon] pairs it is a view: lat and lon look swapped; write bounds = [[{b}, {a}], [{e}, {c}]]"),
            ))
        }
        _ => Err(loc.error(
            &view.span_of("bounds"),
            "view.bounds must be [[lon_min, lat_min], [lon_max, lat_max]] with min < max, longitudes in −180…180 and latitudes in −90…90",
        )),
    }
}

fn read_highlight(raw: RawHighlight, t: &Table<'_, '_, '_>, loc: &Locator<'_>) -> Result<Highlight, Diagnostic> {
    let (countries, countries_span) = match raw.countries {
        Some(c) if !c.is_empty() => (c, t.span_of("countries")),
        _ => return Err(t.missing("countries", "[\"BLR\"]")),
    };
    if let Some(i) = countries.iter().position(|c| !iso_ok(c)) {
        let span = t.item_spans("countries").get(i).cloned().unwrap_or(countries_span);
        return Err(loc.error(&span, format!("`{}` is not an ISO 3166-1 alpha-3 code such as \"BLR\"", countries[i])));
    }
    let (label, _) = t.required("label", raw.label, "\"Eurasian Economic Union\"")?;
    let emphasis = raw.emphasis.unwrap_or(false);
    let entity = match raw.entity {
        Some(e) => match EntityId::new(&e) {
            Some(id) => Some(id),
            None => {
                return Err(loc.error(
                    &t.span_of("entity"),
                    format!("highlight `{label}`: entity `{e}` is not an entity id (lower-case letters, digits and '-')"),
                ))
            }
        },
        None => None,
    };
    let countries_at = positions(t, "countries", loc);
    Ok(Highlight { countries, label, emphasis, entity, at: loc.position(&countries_span), countries_at })
}

fn route_kind(word: &str, span: &std::ops::Range<usize>, what: &str, loc: &Locator<'_>) -> Result<RouteKind, Diagnostic> {
    RouteKind::from_word(word).ok_or_else(|| {
        let words: Vec<&str> = RouteKind::ALL.iter().map(|k| k.word()).collect();
        loc.error(span, format!("{what}: kind `{word}` must be one of {}", words.join(", ")))
    })
}

fn read_route(raw: RawRoute, t: &Table<'_, '_, '_>, loc: &Locator<'_>, d: &mut Vec<Diagnostic>) -> Result<Route, Diagnostic> {
    let (id, id_span) = t.required("id", raw.id, "\"china-europe-west\"")?;
    if !is_entity_id(&id) {
        return Err(loc.error(&id_span, format!("route id `{id}` may use only lower-case letters, digits and '-'")));
    }
    let (name, _) = t.required("name", raw.name, "\"China–Europe rail, western route\"")?;
    let kind = match raw.kind {
        None => RouteKind::Rail,
        Some(k) => route_kind(&k, &t.span_of("kind"), &format!("route `{id}`"), loc)?,
    };
    let via_span = t.span_of("via");
    let via = raw.via.unwrap_or_default();
    if via.len() < 2 {
        return Err(loc.error(&via_span, format!("route `{id}` needs at least two stops in `via`")));
    }
    let mut legs = Vec::new();
    match t.entries::<RawLegs, RawLeg>("leg", |r| r.leg) {
        Ok(tables) => {
            for (lt, raw) in tables {
                match raw.and_then(|raw| read_leg(raw, &lt, &id, &via, loc).map_err(|e| vec![e])) {
                    Ok(leg) => {
                        legs.push(leg);
                        d.extend(lt.unknown_keys::<RawLeg>(""));
                    }
                    Err(errors) => d.extend(errors),
                }
            }
        }
        Err(e) => d.push(e),
    }
    let stops_at = positions(t, "via", loc);
    Ok(Route { id, name, kind, via, legs, at: loc.position(&via_span), stops_at })
}

/// A `[[route.leg]]`: its two stops must be stops of the route, the first before the second.
fn read_leg(raw: RawLeg, t: &Table<'_, '_, '_>, route: &str, via: &[String], loc: &Locator<'_>) -> Result<Leg, Diagnostic> {
    let (from, from_span) = t.required("from", raw.from, "\"aktau\"")?;
    let (to, to_span) = t.required("to", raw.to, "\"baku\"")?;
    let (word, kind_span) = t.required("kind", raw.kind, "\"ferry\"")?;
    let what = format!("route `{route}`, leg {from} → {to}");
    let kind = route_kind(&word, &kind_span, &what, loc)?;
    let stops = via.join(", ");
    let Some(start) = via.iter().position(|s| *s == from) else {
        return Err(loc.error(&from_span, format!("{what}: `{from}` is not one of the route's stops ({stops})")));
    };
    match via.iter().skip(start + 1).position(|s| *s == to) {
        Some(_) => Ok(Leg { from, to, kind }),
        None if via.contains(&to) => {
            Err(loc.error(&to_span, format!("{what}: `{to}` comes before `{from}` in the route's `via`; a leg runs in travel order")))
        }
        None => Err(loc.error(&to_span, format!("{what}: `{to}` is not one of the route's stops ({stops})"))),
    }
}

fn read_place(raw: RawPlace, t: &Table<'_, '_, '_>, loc: &Locator<'_>) -> Result<Place, Diagnostic> {
    let (id, id_span) = t.required("id", raw.id, "\"malaszewicze\"")?;
    if !is_entity_id(&id) {
        return Err(loc.error(&id_span, format!("place id `{id}` may use only lower-case letters, digits and '-'")));
    }
    let (name, _) = t.required("name", raw.name, "\"Małaszewicze\"")?;
    let lat = raw.lat.ok_or_else(|| t.missing("lat", "52.03"))?;
    let lon = raw.lon.ok_or_else(|| t.missing("lon", "23.52"))?;
    let (lat_span, lon_span) = (t.span_of("lat"), t.span_of("lon"));
    if !(lat.is_finite() && (-90.0..=90.0).contains(&lat)) {
        return Err(loc.error(&lat_span, format!("place `{id}`: lat = {lat} is outside −90…90")));
    }
    if !(lon.is_finite() && (-180.0..=180.0).contains(&lon)) {
        return Err(loc.error(&lon_span, format!("place `{id}`: lon = {lon} is outside −180…180")));
    }
    let country = match raw.country {
        Some(c) if iso_ok(&c) => Some(c),
        Some(c) => {
            return Err(
                loc.error(&t.span_of("country"), format!("place `{id}`: country `{c}` must be an ISO 3166-1 alpha-3 code such as \"BLR\""))
            )
        }
        None => None,
    };
    Ok(Place {
        id,
        name,
        at: LonLat { lon, lat },
        gauge_break: raw.gauge_break.unwrap_or(false),
        note: raw.note,
        line: loc.position(&id_span),
        coords_at: loc.position(&lat_span),
        country,
    })
}

fn read_label(raw: RawLabel, t: &Table<'_, '_, '_>, loc: &Locator<'_>) -> Result<LabelSpec, Diagnostic> {
    let (target, target_span) = t.required("for", raw.target, "\"turkmenbashi\"")?;
    let priority = match raw.priority {
        None => None,
        Some(p @ 1..=9) => Some(p as u8),
        Some(p) => {
            return Err(loc.error(
                &t.span_of("priority"),
                format!("label for `{target}`: priority = {p} must be 1 (placed first) to 9 (given up first)"),
            ))
        }
    };
    let side = match raw.side.as_deref() {
        None => None,
        Some("right") => Some(LabelSide::Right),
        Some("left") => Some(LabelSide::Left),
        Some("above") => Some(LabelSide::Above),
        Some("below") => Some(LabelSide::Below),
        Some(other) => {
            return Err(loc.error(&t.span_of("side"), format!("label for `{target}`: side `{other}` must be right, left, above or below")))
        }
    };
    if raw.text.as_deref().is_some_and(|x| x.trim().is_empty()) {
        return Err(loc.error(&t.span_of("text"), format!("label for `{target}`: text is empty (leave it out to use the name)")));
    }
    Ok(LabelSpec { target, text: raw.text, priority, side, at: loc.position(&target_span) })
}

fn read_chapter(raw: RawChapter, t: &Table<'_, '_, '_>, loc: &Locator<'_>) -> Result<Chapter, Diagnostic> {
    let (section, section_span) = t.required("section", raw.section, "\"intro\"")?;
    let focus = raw.focus.unwrap_or_default();
    if focus.is_empty() {
        return Err(t.missing("focus", "[\"BLR\", \"CHN\"]"));
    }
    let focus_at = positions(t, "focus", loc);
    Ok(Chapter { section, focus, at: loc.position(&section_span), focus_at })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
title = "Belarus on the Eurasian land bridge"
[view]
bounds = [[20.0, 25.0], [125.0, 60.0]]

[[highlight]]
countries = ["BLR"]
label = "Belarus"
emphasis = true

[[route]]
id = "west"
name = "Western route"
kind = "rail"
via = ["chongqing", "minsk", "malaszewicze"]

[[place]]
id = "malaszewicze"
name = "Małaszewicze"
lat = 52.03
lon = 23.52
gauge_break = true

[[chapter]]
section = "intro"
focus = ["BLR", "CHN"]
"#;

    #[test]
    fn parses_every_section() {
        let (spec, d) = parse_map(GOOD, "map.toml");
        assert!(d.is_empty(), "{d:?}");
        let spec = spec.unwrap();
        assert_eq!(spec.view.unwrap().max, LonLat { lon: 125.0, lat: 60.0 });
        assert_eq!(
            spec.highlights[0],
            Highlight {
                countries: vec!["BLR".into()],
                label: "Belarus".into(),
                emphasis: true,
                entity: None,
                at: (7, 13),
                countries_at: vec![(7, 14)]
            }
        );
        assert_eq!(spec.routes[0].via, ["chongqing", "minsk", "malaszewicze"]);
        assert!(spec.places[0].gauge_break);
        assert_eq!(spec.chapters[0].focus, ["BLR", "CHN"]);
        assert_eq!(spec.title.as_deref(), Some("Belarus on the Eurasian land bridge"));
    }

    #[test]
    fn errors_carry_line_numbers_and_keep_the_rest() {
        let text = "[[place]]\nid = \"a\"\nname = \"A\"\nlat = 95\nlon = 10\n\n[[place]]\nid = \"b\"\nname = \"B\"\nlat = 50\nlon = 10\n\n[[route]]\nid = \"r\"\nname = \"R\"\nkind = \"plane\"\nvia = [\"a\", \"b\"]\n[[highlight]]\ncountries = [\"Belarus\"]\nlabel = \"x\"\n";
        let (spec, d) = parse_map(text, "map.toml");
        let spec = spec.unwrap();
        assert_eq!(spec.places.len(), 1);
        let all: Vec<String> = d.iter().map(ToString::to_string).collect();
        assert!(all.iter().any(|m| m.starts_with("map.toml:4:7: error: place `a`: lat = 95")), "{all:?}");
        assert!(all.iter().any(|m| m.starts_with("map.toml:16:8: error: route `r`: kind `plane`")), "{all:?}");
        assert!(all.iter().any(|m| m.starts_with("map.toml:19:14: error: `Belarus` is not an ISO")), "{all:?}");
    }

    #[test]
    fn syntax_errors_and_bad_views_are_located() {
        let (spec, d) = parse_map("[view\nbounds = 1", "map.toml");
        assert!(spec.is_none());
        assert!(d[0].to_string().starts_with("map.toml:1:"), "{}", d[0]);
        let (_, d) = parse_map("[view]\nbounds = [[30.0, 10.0], [20.0, 60.0]]\n", "map.toml");
        assert!(d[0].to_string().starts_with("map.toml:2:10: error: view.bounds"), "{}", d[0]);
    }

    #[test]
    fn bounds_impossible_as_written_and_fine_swapped_are_said_to_be_swapped() {
        // Meant [[5, 27], [122, 62]] (lon, lat), written as [lat, lon] pairs: latitude 122.
        let (spec, d) = parse_map("[view]\nbounds = [[27.0, 5.0], [62.0, 122.0]]\n", "map.toml");
        assert_eq!(
            d.iter().map(ToString::to_string).collect::<Vec<_>>(),
            ["map.toml:2:10: error: view.bounds = [[27, 5], [62, 122]] as [lon, lat] pairs has latitude 122, outside −90…90, and read as [lat, lon] pairs it is a view: lat and lon look swapped; write bounds = [[5, 27], [122, 62]]"]
        );
        assert_eq!(spec.unwrap().view, None, "no view: the map fits what it shows");
        // Possible as written: the view is kept and its position noted for later checks.
        let (spec, d) = parse_map("\n[view]\nbounds = [[5.0, 27.0], [122.0, 62.0]]\n", "map.toml");
        assert!(d.is_empty(), "{d:?}");
        let spec = spec.unwrap();
        assert_eq!((spec.view.map(|v| v.max.lon), spec.view_at), (Some(122.0), (3, 10)));
    }

    #[test]
    fn short_routes_and_unknown_keys() {
        let (spec, d) = parse_map("zoom = 3\n\n[[route]]\nid = \"r\"\nname = \"R\"\nvia = [\"a\"]\n", "map.toml");
        assert!(spec.unwrap().routes.is_empty());
        let all: Vec<String> = d.iter().map(ToString::to_string).collect();
        assert!(all.iter().any(|m| m.starts_with("map.toml:6:7: error: route `r` needs at least two stops")), "{all:?}");
        assert!(all.iter().any(|m| m.starts_with("map.toml:1:1: warning: unknown key `zoom`")), "{all:?}");
    }

    #[test]
    fn labels_and_country_names_are_read_and_their_mistakes_located() {
        let text = "[country_names]\nTUR = \"Türkiye\"\n\n[[label]]\nfor = \"turkmenbashi\"\ntext = \"Türkmenbaşy\"\npriority = 2\nside = \"left\"\n\n[[label]]\nfor = \"baku\"\npriority = 12\n\n[[label]]\nfor = \"poti\"\nside = \"north\"\n\n[[label]]\ntext = \"X\"\n";
        let (spec, d) = parse_map(text, "map.toml");
        let spec = spec.expect("the map parses");
        assert_eq!(spec.country_names, [("TUR".to_owned(), "Türkiye".to_owned())]);
        assert_eq!(spec.labels.len(), 1, "only the good label is kept");
        let l = spec.label_for("turkmenbashi").expect("its label");
        assert_eq!((l.text.as_deref(), l.priority, l.side), (Some("Türkmenbaşy"), Some(2), Some(LabelSide::Left)));
        let all: Vec<String> = d.iter().map(ToString::to_string).collect();
        assert!(all.iter().any(|m| m.starts_with("map.toml:12:") && m.contains("priority = 12 must be 1")), "{all:?}");
        assert!(all.iter().any(|m| m.starts_with("map.toml:16:") && m.contains("side `north`")), "{all:?}");
        assert!(all.iter().any(|m| m.contains("`label.for` is missing")), "{all:?}");
    }

    #[test]
    fn legs_are_read_and_a_broken_one_keeps_its_route() {
        let head = "[[route]]\nid = \"middle\"\nname = \"Middle Corridor\"\nvia = [\"herat\", \"turkmenbashi\", \"baku\", \"poti\"]\n";
        let leg = |from: &str, to: &str, kind: &str| format!("\n[[route.leg]]\nfrom = \"{from}\"\nto = \"{to}\"\nkind = \"{kind}\"\n");
        let good = format!("{head}{}", leg("turkmenbashi", "baku", "ferry"));
        let (spec, d) = parse_map(&good, "map.toml");
        assert!(d.is_empty(), "{d:?}");
        let route = &spec.unwrap().routes[0];
        assert_eq!(route.legs, [Leg { from: "turkmenbashi".into(), to: "baku".into(), kind: RouteKind::Ferry }]);
        assert_eq!(route.segment_kinds(), [RouteKind::Rail, RouteKind::Ferry, RouteKind::Rail], "unset, a route's kind is rail");
        // Inline tables read the same.
        let inline = format!("{head}leg = [{{ from = \"baku\", to = \"poti\", kind = \"pipeline\" }}]\n");
        let (spec, d) = parse_map(&inline, "map.toml");
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(spec.unwrap().routes[0].segment_kinds(), [RouteKind::Rail, RouteKind::Rail, RouteKind::Pipeline]);

        let bad = format!(
            "{head}{}{}{}{}",
            leg("baku", "turkmenbashi", "ferry"),
            leg("aktau", "baku", "ferry"),
            leg("baku", "poti", "plane"),
            leg("herat", "baku", "road")
        );
        let (spec, d) = parse_map(&bad, "map.toml");
        let route = &spec.unwrap().routes[0];
        assert_eq!(route.legs.len(), 1, "the good leg is kept, and the route with it");
        assert_eq!(route.segment_kinds(), [RouteKind::Road, RouteKind::Road, RouteKind::Rail]);
        let all: Vec<String> = d.iter().map(ToString::to_string).collect();
        assert_eq!(all.len(), 3, "{all:?}");
        assert!(
            all[0].starts_with("map.toml:8:6: error: route `middle`, leg baku → turkmenbashi: `turkmenbashi` comes before `baku`"),
            "{all:?}"
        );
        assert!(all[1].starts_with("map.toml:12:8: error: route `middle`, leg aktau → baku: `aktau` is not one of the route's stops (herat, turkmenbashi, baku, poti)"), "{all:?}");
        assert!(
            all[2].starts_with(
                "map.toml:19:8: error: route `middle`, leg baku → poti: kind `plane` must be one of rail, road, sea, ferry, pipeline"
            ),
            "{all:?}"
        );
    }
}
