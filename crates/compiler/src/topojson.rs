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

/// The `visit_*` methods of the JSON kinds (`unit` is null; `numbers`, `bool`, `str`, `seq`,
/// `map`) a visitor does not take: each is the error `self.refusal()`.
macro_rules! refuse {
    ($($kind:ident),*) => { $(refuse!(@ $kind);)* };
    (@ unit) => {
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Err(E::custom(self.refusal()))
        }
    };
    (@ bool) => {
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Err(E::custom(self.refusal()))
        }
    };
    (@ numbers) => {
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Err(E::custom(self.refusal()))
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Err(E::custom(self.refusal()))
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Err(E::custom(self.refusal()))
        }
    };
    (@ str) => {
        fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
            Err(E::custom(self.refusal()))
        }
    };
    (@ seq) => {
        fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
            Err(de::Error::custom(self.refusal()))
        }
    };
    (@ map) => {
        fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
            Err(de::Error::custom(self.refusal()))
        }
    };
}

/// `transform.<key>`: two numbers (further elements are skipped, as before).
#[derive(Clone, Copy)]
struct Pair(&'static str);

impl Pair {
    fn refusal(self) -> String {
        two_numbers(self.0)
    }
}

impl<'de> Visitor<'de> for Pair {
    type Value = (f64, f64);

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("two numbers")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut number = || seq.next_element_seed(PairNumber(self))?.ok_or_else(|| de::Error::custom(self.refusal()));
        let pair = (number()?, number()?);
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(pair)
    }

    refuse!(unit, bool, numbers, str, map);
}

/// One of the two numbers of a [`Pair`].
struct PairNumber(Pair);

impl PairNumber {
    fn refusal(self) -> String {
        self.0.refusal()
    }
}

impl<'de> DeserializeSeed<'de> for PairNumber {
    type Value = f64;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<f64, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for PairNumber {
    type Value = f64;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a number")
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<f64, E> {
        Ok(n as f64)
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<f64, E> {
        Ok(n as f64)
    }

    fn visit_f64<E: de::Error>(self, n: f64) -> Result<f64, E> {
        Ok(n)
    }

    refuse!(unit, bool, str, seq, map);
}

impl<'de> Deserialize<'de> for Position {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Position;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a position [x, y]")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Position, A::Error> {
                let x = seq.next_element()?.ok_or_else(|| de::Error::invalid_length(0, &self))?;
                let y = seq.next_element()?.ok_or_else(|| de::Error::invalid_length(1, &self))?;
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Position(x, y))
            }
        }
        d.deserialize_seq(V)
    }
}

impl<'de> Deserialize<'de> for Refs {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Refs;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("arc indices")
            }

            fn visit_i64<E: de::Error>(self, n: i64) -> Result<Refs, E> {
                Ok(Refs::Index(n as f64))
            }

            fn visit_u64<E: de::Error>(self, n: u64) -> Result<Refs, E> {
                Ok(Refs::Index(n as f64))
            }

            fn visit_f64<E: de::Error>(self, n: f64) -> Result<Refs, E> {
                Ok(Refs::Index(n))
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Refs, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Refs::List(items))
            }
        }
        d.deserialize_any(V)
    }
}

/// The top level: an object whose `type` is `Topology`; of its `objects`, only `object` is read.
struct TopologySeed<'a> {
    object: &'a str,
}

impl TopologySeed<'_> {
    fn refusal(&self) -> &'static str {
        NOT_A_TOPOLOGY
    }

    fn no_object(&self) -> String {
        format!("no object \"{}\" in the topology", self.object)
    }
}

impl<'de> DeserializeSeed<'de> for TopologySeed<'_> {
    type Value = File;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<File, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for TopologySeed<'_> {
    type Value = File;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a TopoJSON topology")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<File, A::Error> {
        #[derive(Deserialize)]
        #[serde(field_identifier, rename_all = "lowercase")]
        enum Key {
            Type,
            Transform,
            Arcs,
            Objects,
            #[serde(other)]
            Other,
        }
        let (mut typed, mut transform, mut arcs, mut geometries) = (false, None, Vec::new(), None);
        // Each problem is reported as soon as it is read (so serde_json locates it), in the
        // order the members come; `no object` waits for `type` if that comes later.
        while let Some(key) = map.next_key()? {
            match key {
                Key::Type => {
                    map.next_value_seed(IsTopology)?;
                    typed = true;
                }
                Key::Transform => {
                    let t: Transform = map.next_value()?;
                    let scale = t.scale.ok_or_else(|| de::Error::custom(two_numbers("scale")))?;
                    let translate = t.translate.ok_or_else(|| de::Error::custom(two_numbers("translate")))?;
                    transform = Some((scale, translate));
                }
                Key::Arcs => arcs = map.next_value()?,
                Key::Objects => {
                    geometries = map.next_value_seed(ObjectsSeed { object: self.object })?;
                    if typed && geometries.is_none() {
                        return Err(de::Error::custom(self.no_object()));
                    }
                }
                Key::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        if !typed {
            return Err(de::Error::custom(NOT_A_TOPOLOGY));
        }
        let geometries = geometries.ok_or_else(|| de::Error::custom(self.no_object()))?;
        Ok(File { transform, arcs, geometries })
    }

    refuse!(unit, bool, numbers, str, seq);
}

/// `"type": "Topology"`, or the error that this is not a topology.
struct IsTopology;

impl IsTopology {
    fn refusal(&self) -> &'static str {
        NOT_A_TOPOLOGY
    }
}

impl<'de> DeserializeSeed<'de> for IsTopology {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for IsTopology {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("\"Topology\"")
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<(), E> {
        if s == "Topology" {
            Ok(())
        } else {
            Err(E::custom(NOT_A_TOPOLOGY))
        }
    }

    refuse!(unit, bool, numbers, seq, map);
}

/// `objects`: the geometries of the member `object` (the first, if named twice), or `None`
/// when there is no such member (or `objects` is no object); the others are skipped.
struct ObjectsSeed<'a> {
    object: &'a str,
}

impl ObjectsSeed<'_> {
    fn refusal(&self) -> String {
        format!("no object \"{}\" in the topology", self.object)
    }
}

impl<'de> DeserializeSeed<'de> for ObjectsSeed<'_> {
    type Value = Option<Vec<Geometry>>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ObjectsSeed<'_> {
    type Value = Option<Vec<Geometry>>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("named objects")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut found = None;
        while let Some(name) = map.next_key::<String>()? {
            if found.is_none() && name == self.object {
                found = Some(map.next_value::<Collection>()?.geometries);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(found)
    }

    refuse!(unit, bool, numbers, str, seq);
}

#[cfg(test)]
mod tests {
    use super::*;

    const EURASIA: &str = include_str!("../../../static/basemaps/eurasia.topo.json");

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
        assert!(decode(r#"{"type":"Topology","arcs":[],"objects":{}}"#, "countries").unwrap_err().message.contains("no object"));
        let bad =
            r#"{"type":"Topology","arcs":[],"objects":{"c":{"geometries":[{"type":"Polygon","arcs":[[5]],"properties":{"a3":"X"}}]}}}"#;
        assert!(decode(bad, "c").unwrap_err().message.contains("arc 5"));
    }

    /// `decode`'s error as `line:column: message`.
    fn located(text: &str) -> String {
        let e = decode(text, "c").unwrap_err();
        format!("{}:{}: {}", e.line, e.column, e.message)
    }

    #[test]
    fn errors_say_where_in_the_text() {
        // Syntax and type errors where serde_json stops; columns count characters, not bytes.
        assert_eq!(located("{\"type\": \"Topology\",\n \"name\": \"Белару́сь\", \"arcs\": [[[1, 2]] }"), "2:41: expected `,` or `]`");
        assert_eq!(located("{\"type\":\"Topology\",\n\"arcs\":[[[0,0],[1,\"x\"]]]}"), "2:21: invalid type: string \"x\", expected f64");
        assert_eq!(located("{\"type\":\"Topology\",\"arcs\":[[[0,0], {}]]}"), "1:36: invalid type: map, expected a position [x, y]");
        assert_eq!(located("<!doctype html>"), "1:1: expected value");
        assert_eq!(located("{\"type\":\"Topology\",\"arcs\":[],\"objects\":{\"c\":{}}} x"), "1:50: trailing characters");
        assert_eq!(located("{\"type\":\"Topology\",\n\"arcs\":[\n"), "3:1: EOF while parsing a list");
        // What is wrong with what the file says: where it was read.
        assert_eq!(
            located("{\"type\": \"FeatureCollection\", \"features\": []}"),
            "1:28: not a TopoJSON topology (\"type\": \"Topology\" missing)"
        );
        assert_eq!(located("{\"arcs\": [], \"objects\": {}}"), "1:27: not a TopoJSON topology (\"type\": \"Topology\" missing)");
        assert_eq!(
            located("{\"type\":\"Topology\",\n\"transform\":{\"scale\":[1],\"translate\":[0,0]}}"),
            "2:24: transform.scale must be two numbers"
        );
        assert_eq!(
            located("{\"type\":\"Topology\",\n\"transform\":{\"scale\":[1,1]},\"objects\":{}}"),
            "2:27: transform.translate must be two numbers"
        );
        assert_eq!(located("{\"type\":\"Topology\",\"arcs\":[],\n\"objects\":{\"land\":{}}}"), "2:22: no object \"c\" in the topology");
        let ring_of_rings =
            "{\"type\":\"Topology\",\"arcs\":[],\"objects\":{\"c\":{\"geometries\":[\n{\"type\":\"Polygon\",\"arcs\":[[[0]]]}]}}}";
        assert_eq!(located(ring_of_rings), "2:34: arc index must be a number");
        // Found only once the whole file is read: the start of the file.
        let missing_arc =
            "{\"type\":\"Topology\",\"arcs\":[],\"objects\":{\"c\":{\"geometries\":[\n{\"type\":\"Polygon\",\"arcs\":[[5]]}]}}}";
        assert_eq!(located(missing_arc), "1:1: arc 5 does not exist");
        // A base map cut short.
        let cut = &EURASIA[..EURASIA.len() / 2];
        let e = decode(cut, "countries").unwrap_err();
        assert_eq!((e.line, e.column), (1, cut.chars().count()));
        assert!(e.message.starts_with("EOF while parsing"), "{e:?}");
    }

    #[test]
    fn deep_or_huge_input_fails_cleanly() {
        let deep = |open: &str, close: &str, n: usize, inner: &str| format!("{}{inner}{}", open.repeat(n), close.repeat(n));
        let geometry = |arcs: &str| {
            format!(
                "{{\"type\":\"Topology\",\"arcs\":[],\"objects\":{{\"c\":{{\"geometries\":[{{\"type\":\"Polygon\",\"arcs\":{arcs}}}]}}}}}}"
            )
        };
        for text in [
            deep("[", "]", 1_000_000, ""),
            deep("{\"a\":", "}", 100_000, "1"),
            // Arc references may nest (their type may come after them): up to the limit.
            geometry(&deep("[", "]", 100_000, "0")),
            // Deep inside a member that is skipped: skipped without recursion, then the error.
            format!("{{\"type\":\"Topology\",\"bbox\":{},\"objects\":{{}}}}", deep("[", "]", 100_000, "")),
            // Deeper than a position may be.
            format!("{{\"type\":\"Topology\",\"arcs\":{}}}", deep("[", "]", 100_000, "")),
        ] {
            let e = decode(&text, "c").unwrap_err();
            assert!(e.line == 1 && e.column <= text.len(), "{e:?}");
        }
        assert_eq!(located(&geometry(&deep("[", "]", 200, "0"))), "1:207: recursion limit exceeded");
        // What is skipped may be as deep as it likes.
        let properties = format!("{{\"a3\":\"AAA\",\"x\":{}}}", deep("[", "]", 100_000, ""));
        let text = format!("{{\"type\":\"Topology\",\"arcs\":[[[0,0],[1,0],[0,1]]],\"objects\":{{\"c\":{{\"geometries\":[{{\"type\":\"Polygon\",\"arcs\":[[0]],\"properties\":{properties}}}]}}}}}}");
        assert_eq!(decode(&text, "c").unwrap().countries[0].iso, "AAA");
        // Numbers and strings too large.
        assert_eq!(located("{\"type\":\"Topology\",\"transform\":{\"scale\":[1e400,1]}}"), "1:46: number out of range");
        let long_name = format!("{{\"type\":\"Topology\",\"objects\":{{\"{}\":{{}}}}}}", "x".repeat(5_000_000));
        assert!(located(&long_name).contains("no object"));
    }

    #[test]
    fn the_transform_is_read_exactly() {
        // As `str::parse` reads them (`exact_transform`); serde_json alone gives the scale's
        // second number one ULP off (and so 3,890 points of the Eurasia map).
        let after = |key: &str| {
            EURASIA
                .split(key)
                .nth(1)
                .unwrap()
                .split(']')
                .next()
                .unwrap()
                .split(',')
                .map(|n| n.parse::<f64>().unwrap().to_bits())
                .collect::<Vec<_>>()
        };
        let grid = decode(EURASIA, "countries").unwrap().grid.unwrap().map(f64::to_bits);
        assert_eq!(grid.to_vec(), [after("\"scale\":["), after("\"translate\":[")].concat());
    }
}
