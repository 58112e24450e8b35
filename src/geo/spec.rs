//! `map.toml`: what a commentary's mini-map shows. Parsed with located messages; a broken entry
//! is skipped with an error, the rest of the map still draws.

use crate::content::diagnostic::Diagnostic;
use crate::content::links::is_entity_id;
use crate::content::toml_doc::{self, Fields, Locator};

use super::projection::{Bounds, LonLat};

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
    pub entity: Option<String>,
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
    /// Label.
    pub name: String,
    /// Position.
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
    /// Routes.
    pub routes: Vec<Route>,
    /// Map-only places.
    pub places: Vec<Place>,
    /// Chapters.
    pub chapters: Vec<Chapter>,
}

fn iso_ok(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// Parses a `map.toml`. Syntax errors return no map; a broken entry is skipped with an error.
pub fn parse_map(text: &str, file: &str) -> (Option<MapSpec>, Vec<Diagnostic>) {
    let loc = Locator::new(text, 1, file);
    let doc = match toml_doc::parse(text, &loc) {
        Ok(doc) => doc,
        Err(e) => return (None, vec![e]),
    };
    let mut d = Vec::new();
    let mut top = Fields::new(doc.get_ref(), 0..0, "", &loc);
    let mut spec = MapSpec::default();

    match read_view(&mut top, &loc) {
        Ok(view) => spec.view = view,
        Err(e) => d.push(e),
    }
    match top.string("basemap") {
        Ok(b) => spec.basemap = b.map(|(b, _)| b),
        Err(e) => d.push(e),
    }
    match top.string("title") {
        Ok(t) => spec.title = t.map(|(t, _)| t),
        Err(e) => d.push(e),
    }
    for kind in ["highlight", "route", "place", "chapter"] {
        let tables = match top.tables(kind) {
            Ok(t) => t,
            Err(e) => {
                d.push(e);
                continue;
            }
        };
        for mut t in tables {
            let result = match kind {
                "highlight" => read_highlight(&mut t, &loc).map(|h| spec.highlights.push(h)),
                "route" => read_route(&mut t, &loc).map(|r| spec.routes.push(r)),
                "place" => read_place(&mut t, &loc).map(|p| spec.places.push(p)),
                _ => read_chapter(&mut t, &loc).map(|c| spec.chapters.push(c)),
            };
            match result {
                Ok(()) => d.extend(t.unknown_keys(match kind {
                    "highlight" => "countries, label, emphasis, entity",
                    "route" => "id, name, kind, via",
                    "place" => "id, name, lat, lon, gauge_break, note",
                    _ => "section, focus",
                })),
                Err(e) => d.push(e),
            }
        }
    }
    d.extend(top.unknown_keys("view, basemap, title, highlight, route, place, chapter"));
    (Some(spec), d)
}

fn read_view(top: &mut Fields<'_, '_, '_>, loc: &Locator<'_>) -> Result<Option<Bounds>, Diagnostic> {
    let Some(mut view) = top.table("view")? else { return Ok(None) };
    let span = view.span_of("bounds").unwrap_or_else(|| view.span());
    let [lon0, lat0, lon1, lat1] = view_bounds(&mut view)?;
    if !(-180.0..=180.0).contains(&lon0) || !(-180.0..=180.0).contains(&lon1) || !(-90.0..=90.0).contains(&lat0) || !(-90.0..=90.0).contains(&lat1) || lon0 >= lon1 || lat0 >= lat1 {
        return Err(loc.error(&span, "view.bounds must be [[lon_min, lat_min], [lon_max, lat_max]] with min < max, longitudes in −180…180 and latitudes in −90…90"));
    }
    Ok(Some(Bounds { min: LonLat { lon: lon0, lat: lat0 }, max: LonLat { lon: lon1, lat: lat1 } }))
}

fn view_bounds(view: &mut Fields<'_, '_, '_>) -> Result<[f64; 4], Diagnostic> {
    let corners = view.number_pairs("bounds")?.ok_or_else(|| view.missing("bounds", "[[20.0, 25.0], [125.0, 60.0]]"))?;
    match corners.as_slice() {
        [(a, b), (c, e)] => Ok([*a, *b, *c, *e]),
        _ => Err(view.missing("bounds", "[[20.0, 25.0], [125.0, 60.0]]")),
    }
}

fn read_highlight(t: &mut Fields<'_, '_, '_>, loc: &Locator<'_>) -> Result<Highlight, Diagnostic> {
    let countries = t.string_list("countries")?.unwrap_or_default();
    if countries.is_empty() {
        return Err(t.missing("countries", "[\"BLR\"]"));
    }
    if let Some(bad) = countries.iter().find(|c| !iso_ok(c)) {
        let span = t.span_of("countries").unwrap_or_else(|| t.span());
        return Err(loc.error(&span, format!("`{bad}` is not an ISO 3166-1 alpha-3 code such as \"BLR\"")));
    }
    let (label, _) = t.required_string("label", "\"Eurasian Economic Union\"")?;
    let emphasis = t.boolean("emphasis")?.unwrap_or(false);
    let entity = match t.string("entity")? {
        Some((e, span)) if !is_entity_id(&e) => {
            return Err(loc.error(&span, format!("highlight `{label}`: entity `{e}` is not an entity id (lower-case letters, digits and '-')")))
        }
        other => other.map(|(e, _)| e),
    };
    let at = loc.position(&t.span_of("countries").unwrap_or_else(|| t.span()));
    Ok(Highlight { countries, label, emphasis, entity, at })
}

fn read_route(t: &mut Fields<'_, '_, '_>, loc: &Locator<'_>) -> Result<Route, Diagnostic> {
    let (id, id_span) = t.required_string("id", "\"china-europe-west\"")?;
    if !is_entity_id(&id) {
        return Err(loc.error(&id_span, format!("route id `{id}` may use only lower-case letters, digits and '-'")));
    }
    let (name, _) = t.required_string("name", "\"China–Europe rail, western route\"")?;
    let kind = match t.string("kind")? {
        None => RouteKind::Rail,
        Some((k, span)) => match k.as_str() {
            "rail" => RouteKind::Rail,
            "sea" => RouteKind::Sea,
            "road" => RouteKind::Road,
            _ => return Err(loc.error(&span, format!("route `{id}`: kind `{k}` must be rail, sea or road"))),
        },
    };
    let via = t.string_list("via")?.unwrap_or_default();
    if via.len() < 2 {
        let span = t.span_of("via").unwrap_or_else(|| t.span());
        return Err(loc.error(&span, format!("route `{id}` needs at least two stops in `via`")));
    }
    let at = loc.position(&t.span_of("via").unwrap_or_else(|| t.span()));
    Ok(Route { id, name, kind, via, at })
}

fn read_place(t: &mut Fields<'_, '_, '_>, loc: &Locator<'_>) -> Result<Place, Diagnostic> {
    let (id, id_span) = t.required_string("id", "\"malaszewicze\"")?;
    if !is_entity_id(&id) {
        return Err(loc.error(&id_span, format!("place id `{id}` may use only lower-case letters, digits and '-'")));
    }
    let (name, _) = t.required_string("name", "\"Małaszewicze\"")?;
    let (lat, lat_span) = t.number("lat")?.ok_or_else(|| t.missing("lat", "52.03"))?;
    let (lon, lon_span) = t.number("lon")?.ok_or_else(|| t.missing("lon", "23.52"))?;
    if !(lat.is_finite() && (-90.0..=90.0).contains(&lat)) {
        return Err(loc.error(&lat_span, format!("place `{id}`: lat = {lat} is outside −90…90")));
    }
    if !(lon.is_finite() && (-180.0..=180.0).contains(&lon)) {
        return Err(loc.error(&lon_span, format!("place `{id}`: lon = {lon} is outside −180…180")));
    }
    let gauge_break = t.boolean("gauge_break")?.unwrap_or(false);
    let note = t.string("note")?.map(|(n, _)| n);
    Ok(Place { id, name, at: LonLat { lon, lat }, gauge_break, note })
}

fn read_chapter(t: &mut Fields<'_, '_, '_>, loc: &Locator<'_>) -> Result<Chapter, Diagnostic> {
    let (section, section_span) = t.required_string("section", "\"intro\"")?;
    let focus = t.string_list("focus")?.unwrap_or_default();
    if focus.is_empty() {
        return Err(t.missing("focus", "[\"BLR\", \"CHN\"]"));
    }
    Ok(Chapter { section, focus, at: loc.position(&section_span) })
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
        assert_eq!(spec.highlights[0], Highlight { countries: vec!["BLR".into()], label: "Belarus".into(), emphasis: true, entity: None, at: (7, 13) });
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
        assert!(all.iter().any(|m| m.starts_with("map.toml:19:13: error: `Belarus` is not an ISO")), "{all:?}");
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
    fn short_routes_and_unknown_keys() {
        let (spec, d) = parse_map("zoom = 3\n\n[[route]]\nid = \"r\"\nname = \"R\"\nvia = [\"a\"]\n", "map.toml");
        assert!(spec.unwrap().routes.is_empty());
        let all: Vec<String> = d.iter().map(ToString::to_string).collect();
        assert!(all.iter().any(|m| m.starts_with("map.toml:6:7: error: route `r` needs at least two stops")), "{all:?}");
        assert!(all.iter().any(|m| m.starts_with("map.toml:1:1: warning: unknown key `zoom`")), "{all:?}");
    }
}
