//! Checks of where a place is, against the base map: a point in the open sea, and latitude and
//! longitude written the wrong way round, which the validator reports and the map cannot see.

use super::projection::LonLat;
use super::topojson::{BaseMap, Country};

/// A point this close to a country's outline is on its coast: the bundled base map is
/// simplified, and ports such as Baku, Poti or Hamburg fall just outside its coastlines.
pub const COAST_KM: f64 = 30.0;

/// The country whose outline holds `p` (even-odd over its rings, holes included).
pub fn country_at(basemap: &BaseMap, p: LonLat) -> Option<&Country> {
    basemap.countries.iter().find(|c| {
        let mut inside = false;
        for ring in &c.rings {
            for (a, b) in ring.iter().zip(ring.iter().cycle().skip(1)) {
                if (a.lat > p.lat) != (b.lat > p.lat) && p.lon < a.lon + (p.lat - a.lat) / (b.lat - a.lat) * (b.lon - a.lon) {
                    inside = !inside;
                }
            }
        }
        inside
    })
}

/// How far `p` is from the nearest country outline, in km (an equirectangular approximation
/// about `p`, good to a few per cent at these distances); infinite without countries.
pub fn km_to_land(basemap: &BaseMap, p: LonLat) -> f64 {
    let k = p.lat.to_radians().cos();
    let xy = |q: &LonLat| ((q.lon - p.lon) * k * 111.2, (q.lat - p.lat) * 111.2);
    let mut best = f64::INFINITY;
    for ring in basemap.countries.iter().flat_map(|c| &c.rings) {
        for (a, b) in ring.iter().zip(ring.iter().cycle().skip(1)) {
            let ((ax, ay), (bx, by)) = (xy(a), xy(b));
            let (dx, dy) = (bx - ax, by - ay);
            let len = dx * dx + dy * dy;
            let t = if len > 0.0 { (-(ax * dx + ay * dy) / len).clamp(0.0, 1.0) } else { 0.0 };
            best = best.min((ax + t * dx).hypot(ay + t * dy));
        }
    }
    best
}

/// How far `p` is from `country`'s outline, in km (as [`km_to_land`]).
fn km_to(country: &Country, p: LonLat) -> f64 {
    km_to_land(&BaseMap { countries: vec![country.clone()], grid: None, topology: None }, p)
}

/// What is wrong with a place drawn at `at` that the editor says is in the country `iso`, as
/// the end of a message, or `None`: inside it or on its border or coast, or a country the base
/// map does not have (reported where the code is checked). A swap of lat and lon that lands in
/// it is named. A point beyond the base map's box is said to be so, with the box, not to be at
/// sea: the base map may just stop short of it (the bundled one at 82° N, past the Arctic's
/// islands and capes; a drifting station or the pole lie beyond).
pub fn outside_country(basemap: &BaseMap, at: LonLat, iso: &str) -> Option<String> {
    let named = basemap.country(iso)?;
    if country_at(basemap, at).is_some_and(|c| c.iso == iso) || km_to(named, at) <= COAST_KM {
        return None;
    }
    let swapped = LonLat { lon: at.lat, lat: at.lon };
    let swap = (swapped.lat.abs() <= 90.0 && country_at(basemap, swapped).is_some_and(|c| c.iso == iso))
        .then(|| format!("; {}", swap_message(swapped, named)));
    if let Some((lo, hi)) = extent(basemap).filter(|&(lo, hi)| !covers(lo, hi, at)) {
        return Some(format!(
            "is outside the base map (which covers {}), so the map draws it beyond the land it has and cannot tell whether it is in {}{}",
            coverage(lo, hi),
            named.name,
            swap.unwrap_or_default()
        ));
    }
    let here = country_at(basemap, at).map_or_else(|| "the sea".to_owned(), |c| c.name.clone());
    let swap = swap.unwrap_or_else(|| "; check its lat and lon".to_owned());
    Some(format!("is in {here}, not in {} as its `country` says{swap}", named.name))
}

/// Whether the box from `lo` to `hi` holds `p`.
fn covers(lo: LonLat, hi: LonLat, p: LonLat) -> bool {
    p.lon >= lo.lon && p.lon <= hi.lon && p.lat >= lo.lat && p.lat <= hi.lat
}

/// The box from `lo` to `hi` in words, to the degree: "lon −25…150, lat 0…75".
fn coverage(lo: LonLat, hi: LonLat) -> String {
    let deg = |v: f64| {
        let v = v.round();
        // −0 reads as 0; a minus sign, as the other messages write it.
        if v < 0.0 {
            format!("−{}", -v)
        } else {
            format!("{}", v.abs())
        }
    };
    format!("lon {}…{}, lat {}…{}", deg(lo.lon), deg(hi.lon), deg(lo.lat), deg(hi.lat))
}

/// The box of every country's outline.
fn extent(basemap: &BaseMap) -> Option<(LonLat, LonLat)> {
    let mut points = basemap.countries.iter().flat_map(|c| &c.rings).flatten();
    let first = *points.next()?;
    Some(points.fold((first, first), |(lo, hi), p| {
        (LonLat { lon: lo.lon.min(p.lon), lat: lo.lat.min(p.lat) }, LonLat { lon: hi.lon.max(p.lon), lat: hi.lat.max(p.lat) })
    }))
}

/// What a place whose point, `swapped` back, is in `country` is told.
fn swap_message(swapped: LonLat, country: &Country) -> String {
    format!("lat and lon look swapped: lat = {}, lon = {} is in {}", swapped.lat, swapped.lon, country.name)
}

/// What is wrong with a place drawn at `at`, as the end of a message ("is in the sea …"), or
/// `None`: on land, on a coast, or off the base map where nothing can be said. Latitude and
/// longitude swapped are named when the swapped point is in a country the map is about and the
/// written one is at sea or off the map (on a map about no country, any land will do), or when the swapped point is in a country the map is about (`shown`: highlighted or in a
/// chapter's focus) and the written one in another, which the map is not about: Minsk written
/// lat 27.56, lon 53.9 is in Iran, and swapped in Belarus.
pub fn place_problem(basemap: &BaseMap, at: LonLat, shown: &dyn Fn(&str) -> bool) -> Option<String> {
    let (lo, hi) = extent(basemap)?;
    let covered = |p: LonLat| covers(lo, hi, p);
    let swapped = LonLat { lon: at.lat, lat: at.lon };
    let there = (swapped.lat.abs() <= 90.0).then(|| country_at(basemap, swapped)).flatten();
    // A point at sea or off the map: swapped into a country the map is about (any, if the map
    // names none), which is where the editor meant it.
    let meant = there.filter(|c| shown(&c.iso) || !basemap.countries.iter().any(|c| shown(&c.iso)));
    let swap = |c: &Country| swap_message(swapped, c);
    if let Some(here) = country_at(basemap, at) {
        return there
            .filter(|c| !shown(&here.iso) && shown(&c.iso))
            .map(|c| format!("is in {}, which the map does not show; {}", here.name, swap(c)));
    }
    let km = km_to_land(basemap, at);
    if km <= COAST_KM {
        return None; // on its coast, whatever a swap would give
    }
    if !covered(at) {
        return meant.map(|c| format!("is outside the base map; {}", swap(c)));
    }
    let sea = format!("is in the sea on the base map, about {} km from the nearest coast", (km / 10.0).round() * 10.0);
    Some(match meant {
        Some(c) => format!("{sea}; {}", swap(c)),
        None => format!("{sea}; check its lat and lon"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two square countries with the sea between them: Aland (20–30°E, 50–60°N) and Bland
    /// (45–50°E, 20–25°N).
    fn squares() -> BaseMap {
        let square = |lon: f64, lat: f64, size: f64| {
            vec![vec![
                LonLat { lon, lat },
                LonLat { lon: lon + size, lat },
                LonLat { lon: lon + size, lat: lat + size },
                LonLat { lon, lat: lat + size },
            ]]
        };
        BaseMap {
            countries: vec![
                Country { iso: "AAA".into(), name: "Aland".into(), rings: square(20.0, 50.0, 10.0) },
                Country { iso: "BBB".into(), name: "Bland".into(), rings: square(45.0, 20.0, 5.0) },
            ],
            grid: None,
            topology: None,
        }
    }

    #[test]
    fn a_place_on_land_or_on_its_coast_is_fine() {
        let map = squares();
        assert_eq!(country_at(&map, LonLat { lon: 25.0, lat: 55.0 }).map(|c| c.iso.as_str()), Some("AAA"));
        assert_eq!(place_problem(&map, LonLat { lon: 25.0, lat: 55.0 }, &|_| false), None);
        // 0.2° east of Aland's coast at 55°N: about 13 km, a port the simplified outline missed.
        assert_eq!(place_problem(&map, LonLat { lon: 30.2, lat: 55.0 }, &|_| false), None);
        // 0.1° off Bland's coast, and swapped (lat 50.1, lon 22) in Aland: a coast is a coast.
        assert_eq!(place_problem(&map, LonLat { lon: 50.1, lat: 22.0 }, &|_| true), None);
        assert_eq!(place_problem(&map, LonLat { lon: 100.0, lat: 10.0 }, &|_| false), None, "off the base map, nothing to say");
    }

    #[test]
    fn a_place_at_sea_is_reported_with_its_distance_and_a_swap_is_named() {
        let map = squares();
        let at_sea = place_problem(&map, LonLat { lon: 38.0, lat: 40.0 }, &|_| false).expect("at sea");
        assert!(at_sea.starts_with("is in the sea on the base map, about "), "{at_sea}");
        assert!(at_sea.ends_with("check its lat and lon"), "{at_sea}");
        // Swapped, it would be in Bland, which a map about Aland does not show: no swap named.
        let elsewhere = place_problem(&map, LonLat { lon: 22.0, lat: 47.0 }, &|iso| iso == "AAA").expect("at sea");
        assert!(elsewhere.ends_with("check its lat and lon"), "{elsewhere}");
        // A town of Bland (lat 22, lon 47) written lat = 47, lon = 22: at sea north of Bland.
        let swapped = place_problem(&map, LonLat { lon: 22.0, lat: 47.0 }, &|_| false).expect("at sea");
        assert!(swapped.starts_with("is in the sea"), "{swapped}");
        assert!(swapped.ends_with("lat and lon look swapped: lat = 22, lon = 47 is in Bland"), "{swapped}");
        // A town of Aland (lat 55, lon 22) written lat = 22, lon = 55: east of the whole map.
        let off = place_problem(&map, LonLat { lon: 55.0, lat: 22.0 }, &|_| false).expect("off the map");
        assert_eq!(off, "is outside the base map; lat and lon look swapped: lat = 55, lon = 22 is in Aland");
    }

    #[test]
    fn a_place_swapped_onto_land_the_map_is_not_about_is_reported() {
        // Three countries: Aland and Bland as above, and Cland where Aland's towns land when
        // swapped (50–60°E, 20–30°N).
        let mut map = squares();
        map.countries.push(Country {
            iso: "CCC".into(),
            name: "Cland".into(),
            rings: vec![vec![
                LonLat { lon: 50.0, lat: 20.0 },
                LonLat { lon: 60.0, lat: 20.0 },
                LonLat { lon: 60.0, lat: 30.0 },
                LonLat { lon: 50.0, lat: 30.0 },
            ]],
        });
        // A town of Aland (lat 55, lon 22) written lat = 22, lon = 55: in Cland.
        let written = LonLat { lon: 55.0, lat: 22.0 };
        assert_eq!(
            place_problem(&map, written, &|iso| iso == "AAA").as_deref(),
            Some("is in Cland, which the map does not show; lat and lon look swapped: lat = 55, lon = 22 is in Aland")
        );
        assert_eq!(place_problem(&map, written, &|iso| iso == "AAA" || iso == "CCC"), None, "a map about both: it may well be meant");
        assert_eq!(place_problem(&map, written, &|_| false), None, "a map about neither says nothing");
    }

    #[test]
    fn a_place_outside_the_country_it_names_is_reported() {
        let map = squares();
        assert_eq!(outside_country(&map, LonLat { lon: 25.0, lat: 55.0 }, "AAA"), None);
        assert_eq!(outside_country(&map, LonLat { lon: 30.1, lat: 55.0 }, "AAA"), None, "on its coast");
        assert_eq!(outside_country(&map, LonLat { lon: 25.0, lat: 55.0 }, "ZZZ"), None, "not on the base map: reported elsewhere");
        assert_eq!(
            outside_country(&map, LonLat { lon: 47.0, lat: 22.0 }, "AAA").as_deref(),
            Some("is in Bland, not in Aland as its `country` says; check its lat and lon")
        );
        // A town of Bland (lat 22, lon 47) written lat = 47, lon = 22: at sea.
        assert_eq!(
            outside_country(&map, LonLat { lon: 22.0, lat: 47.0 }, "BBB").as_deref(),
            Some("is in the sea, not in Bland as its `country` says; lat and lon look swapped: lat = 22, lon = 47 is in Bland")
        );
    }

    #[test]
    fn a_place_beyond_the_base_map_is_said_to_be_outside_it_not_at_sea() {
        // The squares cover lon 20…50, lat 20…60. A cape of Aland at 62°N, north of where the
        // base map stops: right, perhaps, but nothing can be checked there.
        let map = squares();
        let north = outside_country(&map, LonLat { lon: 25.0, lat: 62.0 }, "AAA").expect("reported");
        assert_eq!(
            north,
            "is outside the base map (which covers lon 20…50, lat 20…60), so the map draws it beyond the land it has and cannot tell whether it is in Aland"
        );
        assert!(!north.contains("the sea"), "{north}");
        // Beyond the box and swapped into the country it names: the swap is still named.
        assert_eq!(
            outside_country(&map, LonLat { lon: 55.0, lat: 22.0 }, "AAA").as_deref(),
            Some("is outside the base map (which covers lon 20…50, lat 20…60), so the map draws it beyond the land it has and cannot tell whether it is in Aland; lat and lon look swapped: lat = 55, lon = 22 is in Aland")
        );
        // Inside the box and at sea, it is at sea.
        assert!(outside_country(&map, LonLat { lon: 40.0, lat: 40.0 }, "AAA").unwrap().starts_with("is in the sea, not in Aland"));
    }
}
