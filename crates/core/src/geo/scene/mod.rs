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

mod layout;
mod resolve;

pub use layout::*;
pub use resolve::*;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::catalog::Catalog;
    use crate::geo::rect::Rect;
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
