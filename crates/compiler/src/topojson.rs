//! Decoding TopoJSON base maps (serde_json) into [`BaseMap`], errors at a line and column.

use crate::geo::projection::LonLat;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::fmt;

use commentary_core::geo::topojson::*;

/// Why a base map could not be decoded, and where in its text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct DecodeError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// What is wrong (without the place).
    pub message: String,
}

impl DecodeError {
    /// `(line, column)`, as [`crate::content::diagnostic::Diagnostic::error`] takes them.
    pub fn at(&self) -> (usize, usize) {
        (self.line, self.column)
    }

    /// A problem found after reading, which names no place: the start of the file.
    fn at_start(message: String) -> Self {
        Self { line: 1, column: 1, message }
    }

    /// serde_json's error, located in `text`. serde_json places an error at the last byte it
    /// read (`line`, and `column` bytes into it; 0 just after a line break) and appends the place
    /// to its message; here the column counts characters and the message is bare. A value of
    /// the wrong kind that serde_json does not read first (an array, an object) would be placed
    /// at the space, `:` or `,` before it: it is placed at the value.
    fn from_json(text: &str, e: &serde_json::Error) -> Self {
        let full = e.to_string();
        let place = format!(" at line {} column {}", e.line(), e.column());
        let message = full.strip_suffix(&place).unwrap_or(&full).to_owned();
        let line_start: usize = text.split_inclusive('\n').take(e.line().saturating_sub(1)).map(str::len).sum();
        let mut read = (line_start + e.column()).min(text.len());
        if e.classify() == serde_json::error::Category::Data
            && read > 0
            && matches!(text.as_bytes()[read - 1], b' ' | b'\t' | b'\n' | b'\r' | b':' | b',')
        {
            let rest = &text[read..];
            let value = read + rest.len() - rest.trim_start_matches([' ', '\t', '\n', '\r']).len();
            if value < text.len() {
                read = value + 1;
            }
        }
        let (line, column) = Self::place(text, read);
        Self { line, column, message }
    }

    /// The line and column of the character whose bytes end the first `read` (the start of
    /// the next line after a line break, 1:1 before anything).
    fn place(text: &str, read: usize) -> (usize, usize) {
        let before = &text.as_bytes()[..read];
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        if before.last().is_none_or(|&b| b == b'\n') {
            return (line, 1);
        }
        let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let column = text[line_start..].char_indices().take_while(|&(i, _)| line_start + i < read).count();
        (line, column)
    }
}

const NOT_A_TOPOLOGY: &str = "not a TopoJSON topology (\"type\": \"Topology\" missing)";

/// Decodes the geometry collection `object` of a TopoJSON text.
pub fn decode(text: &str, object: &str) -> Result<BaseMap, DecodeError> {
    let mut json = serde_json::Deserializer::from_str(text);
    let file = TopologySeed { object }
        .deserialize(&mut json)
        .and_then(|file| json.end().map(|()| file))
        .map_err(|e| DecodeError::from_json(text, &e))?;
    let quantized = file.transform.is_some();
    let (scale, translate) = match file.transform {
        Some(read) => exact_transform(text).unwrap_or(read),
        None => ((1.0, 1.0), (0.0, 0.0)),
    };
    // Quantised arcs are delta-encoded integers: kept as such for bundles.
    let mut int_arcs: Vec<Vec<(i64, i64)>> = Vec::with_capacity(file.arcs.len());
    let arcs: Vec<Vec<LonLat>> = file
        .arcs
        .iter()
        .map(|arc| {
            let (mut x, mut y) = (0.0, 0.0);
            let mut ints = Vec::new();
            let points = arc
                .iter()
                .map(|&Position(dx, dy)| {
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
    let integral = quantized && file.arcs.iter().flatten().all(|&Position(x, y)| [x, y].iter().all(|n| n.fract() == 0.0 && n.abs() < 1e12));
    let mut countries = Vec::new();
    let mut topology_rings = Vec::new();
    for g in file.geometries {
        let mut rings = Vec::new();
        let mut refs_of_rings = Vec::new();
        for refs in g.rings {
            let ring = assemble(&arcs, &refs).map_err(DecodeError::at_start)?;
            if ring.len() >= 3 {
                rings.push(ring);
                refs_of_rings.push(refs);
            }
        }
        if !g.iso.is_empty() && !rings.is_empty() {
            countries.push(Country { iso: g.iso, name: g.name, rings });
            topology_rings.push(refs_of_rings);
        }
    }
    let grid = quantized.then_some([scale.0, scale.1, translate.0, translate.1]);
    let topology = integral.then_some(Topology { arcs: int_arcs, rings: topology_rings });
    Ok(BaseMap { countries, grid, topology })
}

/// The numbers of the `transform` of `text` (a topology that [`decode`] has read) as written,
/// parsed as `str::parse` does. serde_json without its `float_roundtrip` feature may round a long
/// decimal one ULP off (the shipped base map's `transform.scale`), and every point is scaled by
/// these; the arcs are integers, which it reads exactly. `None` if the text does not give them
/// plainly (a `transform` written twice, say): then what [`decode`] read stands.
fn exact_transform(text: &str) -> Option<((f64, f64), (f64, f64))> {
    #[derive(Deserialize)]
    struct Top<'a> {
        #[serde(borrow)]
        transform: Option<Numbers<'a>>,
    }
    #[derive(Deserialize)]
    struct Numbers<'a> {
        #[serde(borrow)]
        scale: Vec<&'a serde_json::value::RawValue>,
        #[serde(borrow)]
        translate: Vec<&'a serde_json::value::RawValue>,
    }
    let t = serde_json::from_str::<Top<'_>>(text).ok()?.transform?;
    let pair = |numbers: &[&serde_json::value::RawValue]| -> Option<(f64, f64)> {
        match numbers {
            [x, y, ..] => Some((x.get().parse().ok()?, y.get().parse().ok()?)),
            _ => None,
        }
    };
    Some((pair(&t.scale)?, pair(&t.translate)?))
}

/// What [`decode`] reads of a topology.
struct File {
    /// `transform`: the quantisation's `(scale, translate)`.
    transform: Option<((f64, f64), (f64, f64))>,
    /// `arcs`: positions; in a quantised topology, deltas of grid integers.
    arcs: Vec<Vec<Position>>,
    /// `objects.<object>.geometries`.
    geometries: Vec<Geometry>,
}

/// A position of an arc, `[x, y]` (further elements, which TopoJSON allows, are skipped).
struct Position(f64, f64);

/// A geometry object, as written: only its type, arcs and the two properties a country needs.
#[derive(Deserialize)]
#[serde(expecting = "a geometry object")]
struct GeometryAsWritten {
    /// `Polygon`, `MultiPolygon`; anything else (`null`: clipped away entirely) is no country.
    #[serde(rename = "type")]
    kind: Option<String>,
    /// Arc references, nested as the type says.
    arcs: Option<Refs>,
    properties: Option<Properties>,
}

/// The properties `scripts/basemap/build.sh` writes.
#[derive(Deserialize)]
#[serde(expecting = "an object of properties")]
struct Properties {
    /// ISO 3166-1 alpha-3 code.
    a3: Option<String>,
    /// English name.
    name: Option<String>,
}

/// Arc references nested to any depth, read before the geometry's `type` may say how deep
/// (TopoJSON writes no order). serde_json's recursion limit bounds the depth.
enum Refs {
    Index(f64),
    List(Vec<Refs>),
}

impl Refs {
    fn items(&self) -> &[Refs] {
        match self {
            Refs::List(items) => items,
            Refs::Index(_) => &[],
        }
    }
}

/// A geometry of the collection: its ISO code and name (empty when missing) and the arc
/// references of each ring of its polygons (none for what is not a polygon).
#[derive(Deserialize)]
#[serde(try_from = "GeometryAsWritten")]
struct Geometry {
    iso: String,
    name: String,
    rings: Vec<Vec<i64>>,
}

impl TryFrom<GeometryAsWritten> for Geometry {
    type Error = &'static str;

    fn try_from(g: GeometryAsWritten) -> Result<Self, Self::Error> {
        let polygons: &[Refs] = match (g.kind.as_deref(), &g.arcs) {
            (Some("Polygon"), Some(arcs)) => std::slice::from_ref(arcs),
            (Some("MultiPolygon"), Some(arcs)) => arcs.items(),
            _ => &[],
        };
        let rings = polygons
            .iter()
            .flat_map(Refs::items)
            .map(|ring| {
                ring.items()
                    .iter()
                    .map(|i| match i {
                        Refs::Index(n) => Ok(*n as i64),
                        Refs::List(_) => Err("arc index must be a number"),
                    })
                    .collect()
            })
            .collect::<Result<_, _>>()?;
        let (iso, name) = g.properties.map(|p| (p.a3.unwrap_or_default(), p.name.unwrap_or_default())).unwrap_or_default();
        Ok(Geometry { iso, name, rings })
    }
}

/// The named geometry collection: its geometries (none if it has no `geometries`).
#[derive(Deserialize)]
#[serde(expecting = "a geometry collection")]
struct Collection {
    #[serde(default)]
    geometries: Vec<Geometry>,
}

/// `transform`: what a quantised topology's coordinates are multiplied by and moved by.
#[derive(Deserialize)]
#[serde(expecting = "an object with scale and translate")]
struct Transform {
    #[serde(default, deserialize_with = "scale")]
    scale: Option<(f64, f64)>,
    #[serde(default, deserialize_with = "translate")]
    translate: Option<(f64, f64)>,
}

fn two_numbers(key: &str) -> String {
    format!("transform.{key} must be two numbers")
}

fn scale<'de, D: Deserializer<'de>>(d: D) -> Result<Option<(f64, f64)>, D::Error> {
    d.deserialize_any(Pair("scale")).map(Some)
}

fn translate<'de, D: Deserializer<'de>>(d: D) -> Result<Option<(f64, f64)>, D::Error> {
    d.deserialize_any(Pair("translate")).map(Some)
}

mod visitors;
use visitors::{Pair, TopologySeed};

#[cfg(test)]
mod tests;
