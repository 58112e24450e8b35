//! How the model types are laid out in a bundle, where their serde derives are not enough:
//! ids and indexes written as what they are built from (and rebuilt on reading), hash maps
//! written sorted (the same folder must always give the same bytes), the base map kept on its
//! quantisation grid, and a cap on nesting (a hostile bundle must not exhaust the stack).
//!
//! postcard drops the text of the errors our own checks raise; [`refuse`] keeps it for
//! [`super::decode`] to report.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::GRID;
use crate::content::catalog::{Catalog, Entity, EntityId};
use crate::content::markdown::MAX_DEPTH;
use crate::content::mentions::MentionIndex;
use crate::geo::projection::LonLat;
use crate::geo::topojson::{arcs_to_lonlat, assemble, BaseMap, Country, Topology};

thread_local! {
    static REFUSAL: RefCell<Option<String>> = const { RefCell::new(None) };
    static DEPTH: Cell<usize> = const { Cell::new(0) };
}

/// Remembers why a value was refused (postcard keeps only that a custom error happened) and
/// gives the message back for serde.
pub(super) fn refuse(message: String) -> String {
    REFUSAL.with(|r| *r.borrow_mut() = Some(message.clone()));
    message
}

/// The last refusal, taken (at the start of a decode, to clear it; after a failure, to say why).
pub(super) fn take_refusal() -> Option<String> {
    REFUSAL.with(|r| r.borrow_mut().take())
}

/// Nesting of blocks and inlines a bundle may hold: the Markdown parser writes at most
/// [`MAX_DEPTH`] + 1; twice that leaves room and still bounds the decoder's stack.
pub const MAX_NESTING: usize = 2 * MAX_DEPTH;

/// Reads a nested list of blocks or inlines, refusing nesting past [`MAX_NESTING`].
pub fn nested<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    let depth = DEPTH.with(|c| c.get()) + 1;
    if depth > MAX_NESTING {
        return Err(serde::de::Error::custom(refuse(format!("the text is nested more than {MAX_NESTING} deep"))));
    }
    DEPTH.with(|c| c.set(depth));
    let read = Vec::<T>::deserialize(d);
    DEPTH.with(|c| c.set(depth - 1));
    read
}

impl TryFrom<String> for EntityId {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        EntityId::new(&s).ok_or_else(|| refuse(format!("`{s}` is not an entity id")))
    }
}

impl From<EntityId> for String {
    fn from(id: EntityId) -> String {
        id.as_str().to_owned()
    }
}

impl From<Vec<Entity>> for Catalog {
    fn from(entities: Vec<Entity>) -> Self {
        Catalog::merge([entities])
    }
}

impl From<Catalog> for Vec<Entity> {
    fn from(c: Catalog) -> Self {
        c.entities().to_vec()
    }
}

impl From<Vec<EntityId>> for MentionIndex {
    fn from(by_ordinal: Vec<EntityId>) -> Self {
        let mut by_entity: HashMap<EntityId, Vec<usize>> = HashMap::new();
        for (ordinal, id) in by_ordinal.iter().enumerate() {
            by_entity.entry(id.clone()).or_default().push(ordinal);
        }
        MentionIndex { by_ordinal, by_entity }
    }
}

impl From<MentionIndex> for Vec<EntityId> {
    fn from(m: MentionIndex) -> Self {
        m.by_ordinal
    }
}

/// A `HashMap<String, V>` as (key, value) pairs sorted by key.
pub mod sorted_map {
    use super::*;

    /// Writes the pairs sorted.
    pub fn serialize<S: Serializer, V: Serialize>(map: &HashMap<String, V>, s: S) -> Result<S::Ok, S::Error> {
        let mut pairs: Vec<(&String, &V)> = map.iter().collect();
        pairs.sort_by(|a, b| a.0.cmp(b.0));
        s.collect_seq(pairs)
    }

    /// Reads the pairs.
    pub fn deserialize<'de, D: Deserializer<'de>, V: Deserialize<'de>>(d: D) -> Result<HashMap<String, V>, D::Error> {
        Ok(Vec::<(String, V)>::deserialize(d)?.into_iter().collect())
    }
}

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
