//! Decoding a TopoJSON base map (as written by `scripts/basemap/build.sh`) into country rings.

use super::json::{self, Json};
use super::projection::LonLat;

/// One country of the base map.
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    /// ISO 3166-1 alpha-3 code (`a3` in the atlas), e.g. `BLR`.
    pub iso: String,
    /// English name.
    pub name: String,
    /// Closed rings (outer boundaries and holes) in lon/lat; drawn with the even-odd rule.
    pub rings: Vec<Vec<LonLat>>,
}

/// A decoded base map.
#[derive(Debug, Clone, Default, PartialEq)]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(try_from = "crate::bundle::wire::BaseMapWire", into = "crate::bundle::wire::BaseMapWire")]
pub struct BaseMap {
    /// Countries in file order.
    pub countries: Vec<Country>,
    /// The quantisation grid of a quantised topology, `[scale x, scale y, translate x,
    /// translate y]`: every coordinate is `integer * scale + translate`, which lets a bundle
    /// store the small integers again.
    pub grid: Option<[f64; 4]>,
    /// For a quantised topology: its arcs (absolute grid integers) and, per country, the arc
    /// references of each ring, so a bundle can store every shared border once.
    pub topology: Option<Topology>,
}

/// The arcs of a quantised topology and how the countries' rings are made of them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Topology {
    /// Arcs as absolute grid integers.
    pub arcs: Vec<Vec<(i64, i64)>>,
    /// Per country (in [`BaseMap::countries`] order), per ring: arc references (`!i` for
    /// arc `i` reversed).
    pub rings: Vec<Vec<Vec<i64>>>,
}

/// The ring made of the arcs `refs` (`!i` for arc `i` reversed): consecutive arcs share their
/// joining point.
pub fn assemble(arcs: &[Vec<LonLat>], refs: &[i64]) -> Result<Vec<LonLat>, String> {
    let mut points: Vec<LonLat> = Vec::new();
    for &i in refs {
        let (arc, reversed) = if i < 0 { ((!i) as usize, true) } else { (i as usize, false) };
        let arc = arcs.get(arc).ok_or_else(|| format!("arc {arc} does not exist"))?;
        let skip = usize::from(!points.is_empty());
        if reversed {
            points.extend(arc.iter().rev().skip(skip));
        } else {
            points.extend(arc.iter().skip(skip));
        }
    }
    Ok(points)
}

/// Arcs of grid integers in lon/lat.
pub fn arcs_to_lonlat(arcs: &[Vec<(i64, i64)>], grid: [f64; 4]) -> Vec<Vec<LonLat>> {
    arcs.iter()
        .map(|arc| arc.iter().map(|&(x, y)| LonLat { lon: x as f64 * grid[0] + grid[2], lat: y as f64 * grid[1] + grid[3] }).collect())
        .collect()
}

impl BaseMap {
    /// The country with ISO code `iso`.
    pub fn country(&self, iso: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.iso == iso)
    }
}

/// Decodes the geometry collection `object` of a TopoJSON text.
pub fn decode(text: &str, object: &str) -> Result<BaseMap, String> {
    let topo = json::parse(text)?;
    if topo.get("type").and_then(Json::str) != Some("Topology") {
        return Err("not a TopoJSON topology (\"type\": \"Topology\" missing)".into());
    }
    let (scale, translate) = match topo.get("transform") {
        Some(t) => {
            let pair = |key: &str| -> Result<(f64, f64), String> {
                let items = t.get(key).map(Json::items).unwrap_or_default();
                match (items.first().and_then(Json::num), items.get(1).and_then(Json::num)) {
                    (Some(a), Some(b)) => Ok((a, b)),
                    _ => Err(format!("transform.{key} must be two numbers")),
                }
            };
            (pair("scale")?, pair("translate")?)
        }
        None => ((1.0, 1.0), (0.0, 0.0)),
    };
    let quantized = topo.get("transform").is_some();
    // Quantised arcs are delta-encoded integers: kept as such for bundles.
    let mut int_arcs: Vec<Vec<(i64, i64)>> = Vec::new();
    let arcs: Vec<Vec<LonLat>> = topo
        .get("arcs")
        .map(Json::items)
        .unwrap_or_default()
        .iter()
        .map(|arc| {
            let (mut x, mut y) = (0.0, 0.0);
            let mut ints = Vec::new();
            let points = arc
                .items()
                .iter()
                .map(|p| {
                    let (dx, dy) = (p.items().first().and_then(Json::num).unwrap_or(0.0), p.items().get(1).and_then(Json::num).unwrap_or(0.0));
                    if quantized {
                        x += dx;
                        y += dy;
                        ints.push((x as i64, y as i64));
                    } else {
                        (x, y) = (dx, dy);
                    }
                    LonLat { lon: x * scale.0 + translate.0, lat: y * scale.1 + translate.1 }
                })
                .collect();
            int_arcs.push(ints);
            points
        })
        .collect();
    // Arcs are integers in a quantised topology; anything else (fractions, huge values) is kept
    // as rings only.
    let integral = quantized
        && topo.get("arcs").map(Json::items).unwrap_or_default().iter().flat_map(Json::items).flat_map(Json::items).all(|v| v.num().is_some_and(|n| n.fract() == 0.0 && n.abs() < 1e12));
    let geometries = topo
        .get("objects")
        .and_then(|o| o.get(object))
        .ok_or_else(|| format!("no object \"{object}\" in the topology"))?
        .get("geometries")
        .map(Json::items)
        .unwrap_or_default();
    let mut countries = Vec::new();
    let mut topology_rings = Vec::new();
    for g in geometries {
        let props = g.get("properties");
        let iso = props.and_then(|p| p.get("a3")).and_then(Json::str).unwrap_or_default().to_owned();
        let name = props.and_then(|p| p.get("name")).and_then(Json::str).unwrap_or_default().to_owned();
        let polygons: Vec<&Json> = match g.get("type").and_then(Json::str) {
            Some("Polygon") => g.get("arcs").into_iter().collect(),
            Some("MultiPolygon") => g.get("arcs").map(Json::items).unwrap_or_default().iter().collect(),
            _ => continue, // clipped away entirely (null geometry)
        };
        let mut rings = Vec::new();
        let mut refs_of_rings = Vec::new();
        for polygon in polygons {
            for r in polygon.items() {
                let refs = r.items().iter().map(|i| i.num().map(|n| n as i64).ok_or("arc index must be a number")).collect::<Result<Vec<i64>, _>>()?;
                let ring = assemble(&arcs, &refs)?;
                if ring.len() >= 3 {
                    rings.push(ring);
                    refs_of_rings.push(refs);
                }
            }
        }
        if !iso.is_empty() && !rings.is_empty() {
            countries.push(Country { iso, name, rings });
            topology_rings.push(refs_of_rings);
        }
    }
    let grid = quantized.then_some([scale.0, scale.1, translate.0, translate.1]);
    let topology = integral.then_some(Topology { arcs: int_arcs, rings: topology_rings });
    Ok(BaseMap { countries, grid, topology })
}

#[cfg(test)]
mod tests {
    use super::*;

    const EURASIA: &str = include_str!("../../static/basemaps/eurasia.topo.json");

    #[test]
    fn decodes_a_tiny_topology_with_shared_and_reversed_arcs() {
        // Two squares sharing the arc 0: A = arcs [0, 1], B = arcs [~0, 2].
        let text = r#"{"type":"Topology","transform":{"scale":[1,1],"translate":[10,20]},
            "arcs":[[[1,0],[0,1]],[[1,1],[-1,0],[0,-1]],[[1,0],[1,0],[0,1],[-1,0]]],
            "objects":{"c":{"type":"GeometryCollection","geometries":[
              {"type":"Polygon","arcs":[[0,1]],"properties":{"a3":"AAA","name":"A"}},
              {"type":"Polygon","arcs":[[-1,2]],"properties":{"a3":"BBB","name":"B"}},
              {"type":null,"properties":{"a3":"NUL"}}]}}}"#;
        let map = decode(text, "c").unwrap();
        assert_eq!(map.countries.len(), 2);
        let a = &map.countries[0].rings[0];
        let pts: Vec<(f64, f64)> = a.iter().map(|p| (p.lon, p.lat)).collect();
        assert_eq!(pts, [(11.0, 20.0), (11.0, 21.0), (10.0, 21.0), (10.0, 20.0)]);
        let b: Vec<(f64, f64)> = map.countries[1].rings[0].iter().map(|p| (p.lon, p.lat)).collect();
        assert_eq!(b[0], (11.0, 21.0), "a reversed arc starts at the other end");
        assert_eq!(b[1], (11.0, 20.0));
    }

    #[test]
    fn the_eurasia_base_map_has_the_seed_countries_with_crimea_in_ukraine() {
        let map = decode(EURASIA, "countries").unwrap();
        for iso in ["BLR", "CHN", "RUS", "UKR", "POL", "DEU", "KAZ", "TUR"] {
            assert!(map.country(iso).is_some(), "{iso} missing");
        }
        let inside = |ring: &[LonLat], p: LonLat| {
            let mut c = false;
            let mut j = ring.len() - 1;
            for i in 0..ring.len() {
                let (a, b) = (ring[i], ring[j]);
                if (a.lat > p.lat) != (b.lat > p.lat) && p.lon < (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon {
                    c = !c;
                }
                j = i;
            }
            c
        };
        let simferopol = LonLat { lon: 34.1, lat: 44.95 };
        let in_country = |iso: &str| map.country(iso).unwrap().rings.iter().filter(|r| inside(r, simferopol)).count() % 2 == 1;
        assert!(in_country("UKR"), "Crimea must be drawn inside Ukraine");
        assert!(!in_country("RUS"));
        let minsk = LonLat { lon: 27.56, lat: 53.9 };
        assert!(map.country("BLR").unwrap().rings.iter().any(|r| inside(r, minsk)));
    }

    #[test]
    fn broken_input_is_an_error_not_a_panic() {
        assert!(decode("[]", "countries").is_err());
        assert!(decode(r#"{"type":"Topology","arcs":[],"objects":{}}"#, "countries").unwrap_err().contains("no object"));
        let bad = r#"{"type":"Topology","arcs":[],"objects":{"c":{"geometries":[{"type":"Polygon","arcs":[[5]],"properties":{"a3":"X"}}]}}}"#;
        assert!(decode(bad, "c").unwrap_err().contains("arc 5"));
    }
}
