//! The map scene resolved from `map.toml` as the compiler reads it: names, labels, legends, legs.

use commentary_compiler::spec::parse_map;
use commentary_core::content::catalog::Catalog;
use commentary_core::geo::projection::{Bounds, LonLat};
use commentary_core::geo::rect::Rect;
use commentary_core::geo::scene::*;
use commentary_core::geo::spec::RouteKind;
use commentary_core::geo::topojson::BaseMap;

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
    use commentary_compiler::catalog::parse_catalog;
    use commentary_core::geo::topojson::Country;
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
        countries: vec![commentary_core::geo::topojson::Country { iso: "AAA".into(), name: "A".into(), rings: Vec::new() }],
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
    let route = |id: &str, kind: &str| format!("\n[[route]]\nid = \"{id}\"\nname = \"{id}\"\nkind = \"{kind}\"\nvia = [\"a\", \"b\"]\n");
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
    let text = scene.route_text(route, |k| commentary_core::i18n::EN.route_kind(k));
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
        scene.route_text(&scene.routes[0], |k| commentary_core::i18n::EN.route_kind(k)),
        "Middle Corridor: Herat → Turkmenbashi → Baku → Tbilisi → Poti → Constanța"
    );
}

#[test]
fn a_countrys_label_priority_puts_it_before_places_or_after_them() {
    use commentary_core::geo::topojson::Country;
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
