//! Reading `entities.toml`: each `[[entity]]` checked on its own into the catalog's types (`super`).

use crate::content::diagnostic::{Aside, Diagnostic};
use crate::toml_read::{self, Locator, Pair, Table};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

use commentary_core::content::catalog::*;

mod translation;
pub use translation::{read_translation, translate, EntityText};

/// A catalog file as written: its `[[entity]]` tables, each read on its own.
#[derive(Deserialize, Default)]
#[serde(default, expecting = "a table")]
struct RawCatalog {
    entity: Vec<RawEntity>,
}

/// One `[[entity]]` as written; [`read_entity`] checks it and makes it an [`Entity`].
#[derive(Deserialize, Default)]
#[serde(default, expecting = "a table")]
struct RawEntity {
    id: Option<String>,
    kind: Option<String>,
    name: Option<String>,
    aliases: Option<Vec<String>>,
    summary: Option<String>,
    // In key order (TOML tables are read sorted by key).
    native: BTreeMap<String, String>,
    facts: Vec<Pair<String, String>>,
    links: Option<RawLinks>,
    lat: Option<f64>,
    lon: Option<f64>,
    iso: Option<String>,
    country: Option<String>,
    chart: Option<RawChart>,
}

/// An entity's `links` table as written.
#[derive(Deserialize, Default)]
#[serde(default, expecting = "a table")]
struct RawLinks {
    wikidata: Option<String>,
    wikipedia: Option<String>,
    website: Option<String>,
    source: Option<String>,
}

/// An entity's `chart` table as written.
#[derive(Deserialize, Default)]
#[serde(default, expecting = "a table")]
struct RawChart {
    #[serde(rename = "type")]
    kind: Option<String>,
    unit: Option<String>,
    values: Vec<Pair<String, f64>>,
    from: Option<f64>,
    to: Option<f64>,
    min: Option<f64>,
    max: Option<f64>,
    label: Option<String>,
}

/// Parses one catalog file. Broken entities are skipped with an error; the rest are returned.
pub fn parse_catalog(text: &str, file: &str) -> (Vec<Entity>, Vec<Diagnostic>) {
    read_catalog(text, file).unwrap_or_else(|e| (Vec::new(), vec![e]))
}

/// Like [`parse_catalog`], but tells a file that could not be read as a catalog at all (a TOML
/// syntax error, `entity` that is not a list of tables): `Err` with that error. None of its
/// entities are known then, so every message about an unknown id may follow from it.
pub fn read_catalog(text: &str, file: &str) -> Result<(Vec<Entity>, Vec<Diagnostic>), Diagnostic> {
    let loc = Locator::new(text, 1, file);
    let mut diagnostics = Vec::new();
    let doc = toml_read::parse(text, &loc)?;
    let top = Table::root(&doc, &loc);
    let tables = top.entries("entity", |c: RawCatalog| c.entity)?;
    diagnostics.extend(top.unknown_keys::<RawCatalog>(" (write each entry as [[entity]])"));
    if tables.is_empty() {
        diagnostics.push(loc.warning(&(0..0), "no [[entity]] entries in this catalog"));
    }
    let mut entities: Vec<Entity> = Vec::new();
    // Each id's entry and the line its `id` is written on.
    let mut seen: HashMap<EntityId, usize> = HashMap::new();
    for (t, raw) in tables {
        let raw = match raw {
            Ok(raw) => raw,
            Err(errors) => {
                diagnostics.extend(errors);
                continue;
            }
        };
        let id_span = t.span_of("id");
        match read_entity(raw, &t, &loc, &mut diagnostics) {
            Ok(entity) => {
                diagnostics.extend(t.unknown_keys::<RawEntity>(""));
                if let Some(&first) = seen.get(&entity.id) {
                    // The first entry keeps the id (its card, its marker); this one is left out,
                    // so readers never get a card that is not the one the editor looked at first.
                    diagnostics.push(loc.error(
                        &id_span,
                        format!(
                            "duplicate entity id `{}`: line {first} already has it; this entry is left out (give it an id of its own, or merge the two)",
                            entity.id
                        ),
                    ));
                } else {
                    seen.insert(entity.id.clone(), loc.position(&id_span).0);
                    entities.push(entity);
                }
            }
            Err(e) => diagnostics.push(e),
        }
    }
    Ok((entities, diagnostics))
}

/// How a summary the editor has yet to write begins (the checker's stubs,
/// [`crate::candidates::Candidate::stub`]): the checker warns about it.
pub const DRAFT: &str = "To be written:";

fn read_entity(raw: RawEntity, t: &Table<'_, '_, '_>, loc: &Locator<'_>, warnings: &mut Vec<Diagnostic>) -> Result<Entity, Diagnostic> {
    let (id_text, id_span) = t.required("id", raw.id, "\"lukashenko\"")?;
    let id = EntityId::new(&id_text)
        .ok_or_else(|| loc.error(&id_span, format!("entity id `{id_text}` may use only lower-case letters, digits and '-'")))?;
    let (kind_text, kind_span) = t.required("kind", raw.kind, "\"person\"")?;
    let kind = EntityKind::parse(&kind_text).ok_or_else(|| {
        loc.error(
            &kind_span,
            format!("`{id}`: unknown kind `{kind_text}`; use person, organisation, initiative, country, place, figure or event"),
        )
    })?;
    let (name, name_span) = t.required("name", raw.name, "\"Aleksandr Lukashenko\"")?;
    let (summary, summary_span) = t.required("summary", raw.summary, "\"One or two sentences.\"")?;
    if summary.starts_with(DRAFT) {
        warnings.push(loc.warning(
            &summary_span,
            format!("`{id}`: the summary is still a draft (it begins \"{DRAFT}\"); readers see it as it is: write the one or two sentences they need"),
        ));
    }
    let at = if raw.aliases.is_some() { t.span_of("aliases") } else { name_span.clone() };
    let (line, column) = loc.position(&at);
    let source = Some((loc.file().to_owned(), line, column));
    let located = |span: &std::ops::Range<usize>| {
        let (line, column) = loc.position(span);
        (loc.file().to_owned(), line, column)
    };
    let spans = t.item_spans("aliases");
    let (mut aliases, mut aliases_at): (Vec<String>, Vec<(String, usize, usize)>) = raw
        .aliases
        .unwrap_or_default()
        .into_iter()
        .enumerate()
        .filter(|(_, a)| !a.trim().is_empty())
        .map(|(i, a)| (a, located(spans.get(i).unwrap_or(&at))))
        .unzip();
    if aliases.is_empty() {
        // The name is the natural first alias; an entity without any can only be linked explicitly.
        aliases.push(name.clone());
        aliases_at.push(located(&name_span));
    }
    let native = raw.native.into_iter().collect();
    let facts = raw.facts.into_iter().map(|Pair(label, value)| (label, value)).collect();

    let links = read_links(raw.links, t, loc, &id, warnings);
    let (location, coords_at) = read_location(raw.lat, raw.lon, t, loc, &id)?;
    let iso = match raw.iso {
        Some(iso) if iso.len() == 3 && iso.bytes().all(|b| b.is_ascii_uppercase()) => Some(iso),
        Some(iso) => {
            return Err(loc.error(&t.span_of("iso"), format!("`{id}`: iso `{iso}` must be an ISO 3166-1 alpha-3 code such as \"BLR\"")))
        }
        None => None,
    };
    let country = match raw.country {
        Some(c) if c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()) => Some(c),
        Some(c) => {
            return Err(
                loc.error(&t.span_of("country"), format!("`{id}`: country `{c}` must be an ISO 3166-1 alpha-3 code such as \"BLR\""))
            )
        }
        None => None,
    };
    if kind == EntityKind::Country && iso.is_none() {
        warnings
            .push(loc.warning(&t.span(), format!("`{id}` is a country without `iso` (e.g. iso = \"BLR\"): the map cannot highlight it")));
    }
    if kind == EntityKind::Place && location.is_none() {
        warnings.push(loc.warning(&t.span(), format!("`{id}` is a place without lat/lon: the map cannot show it")));
    }
    let chart = match (raw.chart, t.table("chart")) {
        (Some(chart), Some(c)) => {
            let chart = read_chart(chart, &c, loc, &id)?;
            if kind != EntityKind::Figure {
                warnings.push(loc.warning(&c.span(), format!("`{id}`: only figures show a chart")));
            }
            Some(chart)
        }
        _ => None,
    };
    Ok(Entity {
        id,
        kind,
        name,
        aliases,
        summary,
        native,
        facts,
        links,
        location,
        iso,
        chart,
        source: Aside(source),
        country: Aside(country),
        coords_at: Aside(coords_at),
        aliases_at: Aside(aliases_at),
    })
}

/// An entity's `links`: each kept if it is a web address (or, `wikidata`, an id like Q184), else
/// a warning at it.
fn read_links(links: Option<RawLinks>, t: &Table<'_, '_, '_>, loc: &Locator<'_>, id: &EntityId, warnings: &mut Vec<Diagnostic>) -> Links {
    // A `links` that was read is a table.
    match (links, t.table("links")) {
        (Some(l), Some(table)) => {
            let mut web = |key: &str, url: Option<String>| match url {
                Some(url) if crate::content::links::is_allowed_scheme(&url) && !url.starts_with("mailto:") => Some(url),
                Some(url) => {
                    warnings.push(loc.warning(&table.span_of(key), format!("`{id}`: links.{key} `{url}` is not an http(s) URL; ignored")));
                    None
                }
                None => None,
            };
            let wikipedia = web("wikipedia", l.wikipedia);
            let website = web("website", l.website);
            let source = web("source", l.source);
            let wikidata = match l.wikidata {
                Some(q) if is_wikidata_id(&q) => Some(q),
                Some(q) => {
                    warnings.push(loc.warning(
                        &table.span_of("wikidata"),
                        format!("`{id}`: links.wikidata `{q}` is not a Wikidata id like Q184; ignored"),
                    ));
                    None
                }
                None => None,
            };
            warnings.extend(table.unknown_keys::<RawLinks>(""));
            Links { wikidata, wikipedia, website, source }
        }
        _ => Links::default(),
    }
}

/// Where something is written: file, line, column.
type Written = (String, usize, usize);

/// An entity's point (`lat`, `lon`: both or neither, each in range) and where it is written.
fn read_location(
    lat: Option<f64>,
    lon: Option<f64>,
    t: &Table<'_, '_, '_>,
    loc: &Locator<'_>,
    id: &EntityId,
) -> Result<(Option<LatLon>, Option<Written>), Diagnostic> {
    match (lat, lon) {
        (Some(lat), Some(lon)) => {
            let (lat_span, lon_span) = (t.span_of("lat"), t.span_of("lon"));
            if !(lat.is_finite() && (-90.0..=90.0).contains(&lat)) {
                return Err(loc.error(&lat_span, format!("`{id}`: lat = {lat} is outside −90…90")));
            }
            if !(lon.is_finite() && (-180.0..=180.0).contains(&lon)) {
                return Err(loc.error(&lon_span, format!("`{id}`: lon = {lon} is outside −180…180")));
            }
            let (line, column) = loc.position(&lat_span);
            Ok((Some(LatLon { lat, lon }), Some((loc.file().to_owned(), line, column))))
        }
        (Some(_), None) | (None, Some(_)) => {
            let one = if lat.is_some() { "lat" } else { "lon" };
            Err(loc.error(&t.span_of(one), format!("`{id}`: give both lat and lon, or neither")))
        }
        (None, None) => Ok((None, None)),
    }
}

/// `Q` and digits, like `Q184`.
fn is_wikidata_id(q: &str) -> bool {
    q.len() > 1 && q.starts_with('Q') && q[1..].bytes().all(|b| b.is_ascii_digit())
}

fn read_chart(raw: RawChart, c: &Table<'_, '_, '_>, loc: &Locator<'_>, id: &EntityId) -> Result<Chart, Diagnostic> {
    let (kind, kind_span) = c.required("type", raw.kind, "\"bars\"")?;
    let unit = raw.unit.unwrap_or_default();
    let chart = match kind.as_str() {
        "bars" => {
            let values: Vec<(String, f64)> = raw.values.into_iter().map(|Pair(label, value)| (label, value)).collect();
            if values.is_empty() {
                return Err(loc.error(&c.span(), format!("`{id}`: a bars chart needs values = [[\"label\", 1.0], …]")));
            }
            if let Some((label, _)) = values.iter().find(|(_, v)| !v.is_finite() || *v < 0.0) {
                return Err(loc.error(&c.span(), format!("`{id}`: bar `{label}` must be a number ≥ 0")));
            }
            Chart::Bars { unit, values }
        }
        "range" => {
            let from = raw.from.ok_or_else(|| c.missing("from", "25.0"))?;
            let to = raw.to.ok_or_else(|| c.missing("to", "25.0"))?;
            let min = raw.min.unwrap_or(0.0);
            let max = raw.max.unwrap_or(100.0);
            let label = raw.label.unwrap_or_default();
            if !(min <= from && from <= to && to <= max && min < max) {
                return Err(
                    loc.error(&c.span(), format!("`{id}`: a range chart needs min ≤ from ≤ to ≤ max (got {min}, {from}, {to}, {max})"))
                );
            }
            Chart::Range { unit, from, to, min, max, label }
        }
        other => return Err(loc.error(&kind_span, format!("`{id}`: unknown chart type `{other}`; use \"bars\" or \"range\""))),
    };
    Ok(chart)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
[[entity]]
id = "belarus"
kind = "country"
name = "Belarus"
aliases = ["Belarus"]
summary = "A country."
native = { be = "Беларусь", ru = "Беларусь" }
facts = [["Capital", "Minsk"]]
links = { wikidata = "Q184", wikipedia = "https://en.wikipedia.org/wiki/Belarus" }
lat = 53.9
lon = 27
iso = "BLR"

[[entity]]
id = "share"
kind = "figure"
name = "Transport exports share"
aliases = ["0,404%", "0,144%"]
summary = "Shares."
chart = { type = "bars", unit = "%", values = [["Exports", 0.404], ["Economy", 0.144]] }
"#;

    #[test]
    fn parses_every_field() {
        let (entities, diags) = parse_catalog(GOOD, "e.toml");
        assert!(diags.is_empty(), "{diags:?}");
        let b = &entities[0];
        assert_eq!(b.id.as_str(), "belarus");
        assert_eq!(b.kind, EntityKind::Country);
        assert_eq!(b.native, [("be".to_owned(), "Беларусь".to_owned()), ("ru".to_owned(), "Беларусь".to_owned())]);
        assert_eq!(b.facts, [("Capital".to_owned(), "Minsk".to_owned())]);
        assert_eq!(b.links.wikidata.as_deref(), Some("Q184"));
        assert_eq!(b.location, Some(LatLon { lat: 53.9, lon: 27.0 }));
        assert_eq!(b.iso.as_deref(), Some("BLR"));
        assert_eq!(
            entities[1].chart,
            Some(Chart::Bars { unit: "%".into(), values: vec![("Exports".into(), 0.404), ("Economy".into(), 0.144)] })
        );
    }

    #[test]
    fn an_entity_is_the_same_wherever_it_is_written_and_differs_in_any_field_a_reader_sees() {
        let (here, _) = parse_catalog(GOOD, "e.toml");
        let (there, _) = parse_catalog(&format!("\n\n# moved down{GOOD}"), "other.toml");
        assert_ne!(here[0].coords_at.0, there[0].coords_at.0, "the positions differ");
        assert_eq!(here, there, "where an entity is written is not part of what it is");
        let (other, _) = parse_catalog(&GOOD.replace("BLR", "BEL"), "e.toml");
        assert_ne!(here[0], other[0], "an ISO code a reader's map uses");
        let (other, _) = parse_catalog(&GOOD.replace("0.144", "0.145"), "e.toml");
        assert_ne!(here[1], other[1], "a chart's value");
    }

    #[test]
    fn a_broken_entity_is_skipped_and_located_others_kept() {
        let text = "[[entity]]\nid = \"ok\"\nkind = \"place\"\nname = \"Ok\"\nsummary = \"s\"\nlat = 1\nlon = 2\n\n[[entity]]\nid = \"bad\"\nkind = \"planet\"\nname = \"B\"\nsummary = \"s\"\n";
        let (entities, diags) = parse_catalog(text, "e.toml");
        assert_eq!(entities.len(), 1);
        assert_eq!(diags.len(), 1);
        assert_eq!(
            diags[0].to_string(),
            "e.toml:11:8: error: `bad`: unknown kind `planet`; use person, organisation, initiative, country, place, figure or event"
        );
    }

    #[test]
    fn bad_coordinates_ids_and_ranges_are_errors_with_lines() {
        let (_, d) =
            parse_catalog("[[entity]]\nid = \"x\"\nkind = \"place\"\nname = \"X\"\nsummary = \"s\"\nlat = 95.0\nlon = 2\n", "e.toml");
        assert!(d[0].to_string().starts_with("e.toml:6:7: error: `x`: lat = 95 is outside"), "{}", d[0]);
        let (_, d) = parse_catalog("[[entity]]\nid = \"Bad Id\"\nkind = \"place\"\nname = \"X\"\nsummary = \"s\"\n", "e.toml");
        assert!(d[0].to_string().starts_with("e.toml:2:6: error: entity id `Bad Id`"), "{}", d[0]);
        let (_, d) = parse_catalog(
            "[[entity]]\nid = \"r\"\nkind = \"figure\"\nname = \"R\"\nsummary = \"s\"\nchart = { type = \"range\", from = 40, to = 25 }\n",
            "e.toml",
        );
        assert!(d[0].message.contains("min ≤ from ≤ to ≤ max"), "{}", d[0]);
        let (_, d) = parse_catalog("[[entity]]\nid = \"x\"\nkind = \"place\"\nname = \"X\"\nsummary = \"s\"\nlat = 5\n", "e.toml");
        assert!(d[0].message.contains("both lat and lon"), "{}", d[0]);
    }

    #[test]
    fn warnings_for_missing_kind_fields_unknown_keys_and_duplicates() {
        let text = "[[entity]]\nid = \"c\"\nkind = \"country\"\nname = \"C\"\nsummary = \"s\"\ncolour = \"red\"\n[[entity]]\nid = \"c\"\nkind = \"person\"\nname = \"D\"\nsummary = \"s\"\n";
        let (entities, d) = parse_catalog(text, "e.toml");
        assert_eq!(entities.len(), 1);
        assert_eq!(entities[0].name, "C", "the first entry keeps its id; the duplicate is left out");
        let all: Vec<String> = d.iter().map(ToString::to_string).collect();
        assert!(all.iter().any(|w| w.contains("country without `iso`")), "{all:?}");
        assert!(all.iter().any(|w| w.starts_with("e.toml:6:1: warning: unknown key `entity.colour`")), "{all:?}");
        assert!(
            all.contains(&"e.toml:8:6: error: duplicate entity id `c`: line 2 already has it; this entry is left out (give it an id of its own, or merge the two)".to_owned()),
            "{all:?}"
        );
    }

    #[test]
    fn syntax_errors_keep_nothing_but_say_where() {
        let (entities, d) = parse_catalog("[[entity]]\nid = \"x\nkind = 1\n", "e.toml");
        assert!(entities.is_empty());
        assert!(d[0].to_string().starts_with("e.toml:2:"), "{}", d[0]);
    }

    #[test]
    fn later_catalogs_override_by_id() {
        let (shared, _) = parse_catalog(GOOD, "shared.toml");
        let (local, _) = parse_catalog(
            "[[entity]]\nid = \"belarus\"\nkind = \"country\"\nname = \"Republic of Belarus\"\nsummary = \"s\"\niso = \"BLR\"\n",
            "local.toml",
        );
        let catalog = Catalog::merge([shared, local]);
        assert_eq!(catalog.entities().len(), 2);
        assert_eq!(catalog.get(catalog.index_of("belarus").unwrap()).name, "Republic of Belarus");
        assert!(catalog.index_of("nope").is_none());
    }

    #[test]
    fn the_name_is_the_default_alias() {
        let (e, _) =
            parse_catalog("[[entity]]\nid = \"m\"\nkind = \"place\"\nname = \"Minsk\"\nsummary = \"s\"\nlat = 1\nlon = 1\n", "e.toml");
        assert_eq!(e[0].aliases, ["Minsk"]);
    }
}
