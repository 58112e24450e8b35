//! Decoding a TopoJSON base map (as written by `scripts/basemap/build.sh`) into country rings.
//!
//! The text is read with serde_json into small structs shaped as TopoJSON writes it; only the
//! members [`decode`] uses are built, everything else is skipped unread ([`IgnoredAny`]).
//! Errors say where in the text they are ([`DecodeError`]), and serde_json's recursion limit
//! bounds nesting, so a hostile file cannot exhaust the stack.

use super::projection::LonLat;

mod wire;

/// Coordinates of a base map without a grid of its own are kept to 1/GRID degree (about 110 m
/// of latitude) in a bundle.
pub const GRID: f64 = 1000.0;

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
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "wire::BaseMapWire", into = "wire::BaseMapWire")]
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
