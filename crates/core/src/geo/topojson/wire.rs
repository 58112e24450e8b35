//! The base map's layout in a bundle: on its quantisation grid, its rings delta-encoded, or its
//! topology's shared arcs with each country's rings as arc references.

use serde::{Deserialize, Serialize};

use super::{arcs_to_lonlat, assemble, BaseMap, Country, Topology, GRID};
use crate::geo::projection::LonLat;
use crate::wire::refuse;

/// The base map as a bundle stores it: the grid (`[scale x, scale y, translate x, translate
/// y]`), then either the topology's shared arcs (each a line of grid points, delta-encoded,
/// x and y interleaved) with each country's rings as arc references (every border once), or
/// each country's rings delta-encoded on the grid (1/[`GRID`] degree when the file had none).
#[derive(Serialize, Deserialize, Clone)]
pub struct BaseMapWire {
    grid: [f64; 4],
    shape: Shape,
}

#[derive(Serialize, Deserialize, Clone)]
enum Shape {
    Rings(Vec<WireCountry>),
    Arcs { arcs: Vec<Vec<i64>>, countries: Vec<WireCountry> },
}

/// A country: `rings` are delta-encoded points (`Shape::Rings`) or arc references (`Shape::Arcs`).
#[derive(Serialize, Deserialize, Clone)]
struct WireCountry {
    iso: String,
    name: String,
    rings: Vec<Vec<i64>>,
}

fn deltas(points: impl Iterator<Item = (i64, i64)>) -> Vec<i64> {
    let (mut x, mut y) = (0_i64, 0_i64);
    let mut out = Vec::new();
    for (qx, qy) in points {
        out.push(qx.wrapping_sub(x));
        out.push(qy.wrapping_sub(y));
        (x, y) = (qx, qy);
    }
    out
}

fn undeltas(d: &[i64]) -> Result<Vec<(i64, i64)>, String> {
    if !d.len().is_multiple_of(2) {
        return Err(refuse("a line of the base map has an odd number of coordinates".into()));
    }
    let (mut x, mut y) = (0_i64, 0_i64);
    let mut out = Vec::with_capacity(d.len() / 2);
    for pair in d.chunks_exact(2) {
        x = x.wrapping_add(pair[0]);
        y = y.wrapping_add(pair[1]);
        out.push((x, y));
    }
    Ok(out)
}

impl From<BaseMap> for BaseMapWire {
    fn from(m: BaseMap) -> Self {
        let grid = m.grid.unwrap_or([1.0 / GRID, 1.0 / GRID, 0.0, 0.0]);
        let wire = |c: &Country, rings: Vec<Vec<i64>>| WireCountry { iso: c.iso.clone(), name: c.name.clone(), rings };
        let shape = match (&m.topology, m.grid) {
            (Some(t), Some(_)) if t.rings.len() == m.countries.len() => Shape::Arcs {
                arcs: t.arcs.iter().map(|a| deltas(a.iter().copied())).collect(),
                countries: m.countries.iter().zip(&t.rings).map(|(c, rings)| wire(c, rings.clone())).collect(),
            },
            _ => {
                let on_grid = |p: &LonLat| (((p.lon - grid[2]) / grid[0]).round() as i64, ((p.lat - grid[3]) / grid[1]).round() as i64);
                Shape::Rings(
                    m.countries.iter().map(|c| wire(c, c.rings.iter().map(|ring| deltas(ring.iter().map(on_grid))).collect())).collect(),
                )
            }
        };
        BaseMapWire { grid, shape }
    }
}

impl TryFrom<BaseMapWire> for BaseMap {
    type Error = String;
    fn try_from(w: BaseMapWire) -> Result<Self, String> {
        let grid = w.grid;
        match w.shape {
            Shape::Arcs { arcs: wire_arcs, countries: wire } => {
                let mut arcs = Vec::with_capacity(wire_arcs.len());
                for a in &wire_arcs {
                    arcs.push(undeltas(a)?);
                }
                let lonlat = arcs_to_lonlat(&arcs, grid);
                let mut countries = Vec::with_capacity(wire.len());
                let mut topology_rings = Vec::with_capacity(wire.len());
                for c in wire {
                    let mut rings = Vec::with_capacity(c.rings.len());
                    for refs in &c.rings {
                        rings.push(assemble(&lonlat, refs).map_err(refuse)?);
                    }
                    countries.push(Country { iso: c.iso, name: c.name, rings });
                    topology_rings.push(c.rings);
                }
                Ok(BaseMap { countries, grid: Some(grid), topology: Some(Topology { arcs, rings: topology_rings }) })
            }
            Shape::Rings(wire) => {
                let to_lonlat = |(x, y): (i64, i64)| LonLat { lon: x as f64 * grid[0] + grid[2], lat: y as f64 * grid[1] + grid[3] };
                let mut countries = Vec::with_capacity(wire.len());
                for c in wire {
                    let mut rings = Vec::with_capacity(c.rings.len());
                    for d in &c.rings {
                        rings.push(undeltas(d)?.into_iter().map(to_lonlat).collect());
                    }
                    countries.push(Country { iso: c.iso, name: c.name, rings });
                }
                Ok(BaseMap { countries, grid: Some(grid), topology: None })
            }
        }
    }
}
