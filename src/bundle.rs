//! The compiled form of a commentary folder: what the reader downloads instead of Markdown and
//! TOML, so none of the parsers (pulldown-cmark, toml, aho-corasick, the TopoJSON reader and its
//! serde_json) ships to readers.
//!
//! `commentary-reader build <folder>` (and `make dist`, for every folder under
//! `static/commentaries/`) writes `commentary.bundle.json` beside `commentary.md`. It holds the
//! folder already parsed, linked and resolved: front matter, linked body and closing texts,
//! catalog, map scene with its base map, sections, and every warning the validator would
//! print (the widget's `debug` panel shows them).
//!
//! The file is JSON, so every static host compresses it, but it is not meant to be read: one
//! flat array of integers and strings in a fixed order (the order of the fields below). The
//! first two items are [`MAGIC`] and [`VERSION`]; a reader of another version refuses the file
//! with a message that says so. A folder that failed to compile (a commentary that cannot be
//! shown at all) is written as an error bundle, so the reader can say why.
//!
//! Numbers: non-negative integers as they are; signed ones zig-zag encoded; `f64` as its bit
//! pattern (exact, and no float parser in the wasm); base-map coordinates as the integers of
//! the base map's own quantisation grid (or 1/[`GRID`] degree), delta-encoded along each ring.

use std::collections::HashMap;
use std::fmt;
use std::rc::Rc;

use crate::content::catalog::{Catalog, Chart, Entity, EntityId, EntityKind, LatLon, Links};
use crate::content::linker::{MentionIndex, MentionPolicy};
use crate::content::{Author, Block, Date, Diagnostic, Document, FrontMatter, Inline, Linked, Publication, Severity};
use crate::folder::Loaded;
use crate::geo::projection::{Bounds, LonLat};
use crate::geo::scene::{ResolvedRoute, Scene, Stop};
use crate::geo::spec::{Chapter, Highlight, MapSpec, Place, Route, RouteKind};
use crate::geo::topojson::{arcs_to_lonlat, assemble, BaseMap, Country, Topology};

/// First item of every bundle.
pub const MAGIC: &str = "commentary-reader bundle";
/// Format version; bump it with any change to the layout.
pub const VERSION: u64 = 1;
/// Coordinates of a base map without a grid of its own are kept to 1/GRID degree (about 110 m
/// of latitude).
pub const GRID: f64 = 1000.0;

/// The file name `build` writes beside `commentary.md`.
pub const FILE_NAME: &str = "commentary.bundle.json";

/// Why a bundle could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundleError {
    /// Byte offset in the file.
    pub at: usize,
    /// What was wrong.
    pub message: String,
}

impl fmt::Display for BundleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a usable commentary bundle (byte {}): {}", self.at, self.message)
    }
}

/// What a bundle holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Compiled {
    /// A commentary ready to show (`url` is empty: the reader sets it).
    Ready(Loaded),
    /// The folder could not be compiled: why, and whether a second attempt may fix it
    /// (a network failure while the browser compiled it).
    Failed {
        /// The message shown to readers.
        message: String,
        /// A retry may help.
        network: bool,
    },
}

/// Writes the flat JSON array.
#[derive(Debug)]
pub struct Writer {
    out: String,
}

impl Default for Writer {
    fn default() -> Self {
        Self::new()
    }
}

impl Writer {
    /// An empty array.
    pub fn new() -> Self {
        Self { out: String::from("[") }
    }

    fn sep(&mut self) {
        if self.out.len() > 1 {
            self.out.push(',');
        }
    }

    /// A non-negative integer.
    pub fn uint(&mut self, v: u64) {
        self.sep();
        self.out.push_str(&v.to_string());
    }

    /// A signed integer (zig-zag).
    pub fn int(&mut self, v: i64) {
        self.uint(((v << 1) ^ (v >> 63)) as u64);
    }

    /// A string, JSON-escaped.
    pub fn str(&mut self, s: &str) {
        self.sep();
        self.out.push('"');
        for c in s.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => self.out.push_str(&format!("\\u{:04x}", c as u32)),
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }

    /// The finished text.
    pub fn finish(mut self) -> String {
        self.out.push_str("]\n");
        self.out
    }
}

/// Reads the flat JSON array item by item.
#[derive(Debug)]
pub struct Reader<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Reader<'a> {
    /// Starts reading `text`.
    pub fn new(text: &'a str) -> Result<Self, BundleError> {
        let mut r = Self { text, pos: 0 };
        r.skip_space();
        if r.text.as_bytes().get(r.pos) != Some(&b'[') {
            return Err(r.error("it does not start with `[`"));
        }
        r.pos += 1;
        Ok(r)
    }

    fn error(&self, message: impl Into<String>) -> BundleError {
        BundleError { at: self.pos, message: message.into() }
    }

    fn skip_space(&mut self) {
        let bytes = self.text.as_bytes();
        while self.pos < bytes.len() && matches!(bytes[self.pos], b' ' | b'\n' | b'\r' | b'\t' | b',') {
            self.pos += 1;
        }
    }

    /// A non-negative integer.
    pub fn uint(&mut self) -> Result<u64, BundleError> {
        self.skip_space();
        let bytes = self.text.as_bytes();
        let start = self.pos;
        let mut v: u64 = 0;
        while let Some(d) = bytes.get(self.pos).filter(|b| b.is_ascii_digit()) {
            v = v.checked_mul(10).and_then(|v| v.checked_add(u64::from(d - b'0'))).ok_or_else(|| self.error("a number is too large"))?;
            self.pos += 1;
        }
        if self.pos == start {
            return Err(self.error("expected a number"));
        }
        Ok(v)
    }

    /// The index of one of `count` variants of the enum `what`. An index out of range is an
    /// error located at the index itself. It is compared as read (a `u64`): narrowed to a
    /// 32-bit `usize` first, as on wasm32, 4294967296 would have passed as variant 0.
    pub fn tag(&mut self, count: usize, what: &str) -> Result<usize, BundleError> {
        self.skip_space();
        let at = self.pos;
        let i = self.uint()?;
        match usize::try_from(i) {
            Ok(i) if i < count => Ok(i),
            _ => Err(BundleError { at, message: format!("variant {i} of {what} does not exist") }),
        }
    }

    /// A count or index (checked against what is left, so a corrupt length fails early).
    pub fn len(&mut self) -> Result<usize, BundleError> {
        let v = self.uint()?;
        if v > (self.text.len() - self.pos) as u64 {
            return Err(self.error(format!("a count of {v} is more than the file holds")));
        }
        Ok(v as usize)
    }

    /// A signed integer (zig-zag).
    pub fn int(&mut self) -> Result<i64, BundleError> {
        let v = self.uint()?;
        Ok(((v >> 1) as i64) ^ -((v & 1) as i64))
    }

    /// A string.
    pub fn str(&mut self) -> Result<String, BundleError> {
        self.skip_space();
        let bytes = self.text.as_bytes();
        if bytes.get(self.pos) != Some(&b'"') {
            return Err(self.error("expected a string"));
        }
        self.pos += 1;
        let mut out = String::new();
        loop {
            let rest = &self.text[self.pos..];
            let Some(stop) = rest.find(['"', '\\']) else {
                return Err(self.error("a string does not end"));
            };
            out.push_str(&rest[..stop]);
            self.pos += stop;
            if bytes[self.pos] == b'"' {
                self.pos += 1;
                return Ok(out);
            }
            let escape = bytes.get(self.pos + 1).copied();
            // An escape cut short by the end of the file, or an unknown one, is reported at its
            // backslash (never past the end, nor inside a multi-byte character).
            if !matches!(escape, Some(b'"' | b'\\' | b'/' | b'n' | b't' | b'r' | b'u')) {
                return Err(self.error(if escape.is_none() { "a string ends in the middle of an escape" } else { "an unknown escape in a string" }));
            }
            self.pos += 2;
            match escape {
                Some(b'"') => out.push('"'),
                Some(b'\\') => out.push('\\'),
                Some(b'/') => out.push('/'),
                Some(b'n') => out.push('\n'),
                Some(b't') => out.push('\t'),
                Some(b'r') => out.push('\r'),
                Some(b'u') => {
                    let hex = self.text.get(self.pos..self.pos + 4).ok_or_else(|| self.error("a \\u escape is cut short"))?;
                    let code = u32::from_str_radix(hex, 16).map_err(|_| self.error("a \\u escape is not hexadecimal"))?;
                    out.push(char::from_u32(code).ok_or_else(|| self.error("a \\u escape is not a character"))?);
                    self.pos += 4;
                }
                _ => return Err(self.error("an unknown escape in a string")),
            }
        }
    }

    /// Checks the array ends here.
    pub fn end(mut self) -> Result<(), BundleError> {
        self.skip_space();
        if self.text[self.pos..].trim() != "]" {
            return Err(self.error("unexpected data after the end"));
        }
        Ok(())
    }
}

/// A value that can be written to and read from a bundle.
pub trait Codec: Sized {
    /// Writes `self`.
    fn put(&self, w: &mut Writer);
    /// Reads one.
    fn get(r: &mut Reader<'_>) -> Result<Self, BundleError>;
}

impl Codec for u64 {
    fn put(&self, w: &mut Writer) {
        w.uint(*self);
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, BundleError> {
        r.uint()
    }
}

macro_rules! small_uint {
    ($($t:ty),*) => {$(
        impl Codec for $t {
            fn put(&self, w: &mut Writer) {
                w.uint(*self as u64);
            }
            fn get(r: &mut Reader<'_>) -> Result<Self, BundleError> {
                let v = r.uint()?;
                <$t>::try_from(v).map_err(|_| r.error(format!("{v} is out of range")))
            }
        }
    )*};
}
small_uint!(u8, u16, usize);

impl Codec for bool {
    fn put(&self, w: &mut Writer) {
        w.uint(u64::from(*self));
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, BundleError> {
        match r.uint()? {
            0 => Ok(false),
            1 => Ok(true),
            v => Err(r.error(format!("expected 0 or 1, found {v}"))),
        }
    }
}

impl Codec for f64 {
    fn put(&self, w: &mut Writer) {
        w.uint(self.to_bits());
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, BundleError> {
        Ok(f64::from_bits(r.uint()?))
    }
}

impl Codec for String {
    fn put(&self, w: &mut Writer) {
        w.str(self);
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, BundleError> {
        r.str()
    }
}

impl<T: Codec> Codec for Vec<T> {
    fn put(&self, w: &mut Writer) {
        w.uint(self.len() as u64);
        for item in self {
            item.put(w);
        }
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, BundleError> {
        let n = r.len()?;
        // A plain loop: `collect` into a `Result` instantiates an adapter per type (KBs of wasm).
        let mut items = Vec::with_capacity(n);
        for _ in 0..n {
            items.push(T::get(r)?);
        }
        Ok(items)
    }
}

impl<T: Codec> Codec for Option<T> {
    fn put(&self, w: &mut Writer) {
        match self {
            None => w.uint(0),
            Some(v) => {
                w.uint(1);
                v.put(w);
            }
        }
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, BundleError> {
        Ok(if bool::get(r)? { Some(T::get(r)?) } else { None })
    }
}

impl<A: Codec, B: Codec> Codec for (A, B) {
    fn put(&self, w: &mut Writer) {
        self.0.put(w);
        self.1.put(w);
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, BundleError> {
        Ok((A::get(r)?, B::get(r)?))
    }
}

impl<T: Codec> Codec for Rc<T> {
    fn put(&self, w: &mut Writer) {
        (**self).put(w);
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, BundleError> {
        Ok(Rc::new(T::get(r)?))
    }
}

/// A struct as its fields in order. Fields listed after `not stored:` serve only the compiler
/// and come back as their default.
macro_rules! record {
    ($t:ident { $($f:ident),* $(,)? }) => {
        record!($t { $($f),* } not stored: );
    };
    ($t:ident { $($f:ident),* $(,)? } not stored: $($skip:ident),*) => {
        impl Codec for $t {
            fn put(&self, w: &mut Writer) {
                $(self.$f.put(w);)*
            }
            fn get(r: &mut Reader<'_>) -> Result<Self, BundleError> {
                Ok(Self { $($f: Codec::get(r)?,)* $($skip: Default::default(),)* })
            }
        }
    };
}

/// A field-less enum as the index of its variant. Every variant must be listed: the `match` in
/// `put` does not compile otherwise (an unlisted variant would have been written as the first).
macro_rules! tags {
    ($t:ident { $($v:ident),* $(,)? }) => {
        impl Codec for $t {
            fn put(&self, w: &mut Writer) {
                let all = [$($t::$v),*];
                match self {
                    $($t::$v)|* => {}
                }
                w.uint(all.iter().position(|v| v == self).expect("every variant is listed") as u64);
            }
            fn get(r: &mut Reader<'_>) -> Result<Self, BundleError> {
                let all = [$($t::$v),*];
                r.tag(all.len(), stringify!($t)).map(|i| all[i])
            }
        }
    };
}

tags!(EntityKind { Person, Organisation, Initiative, Country, Place, Figure, Event });
tags!(MentionPolicy { Every, First });
tags!(RouteKind { Rail, Sea, Road });
tags!(Severity { Error, Warning });

record!(Date { year, month, day });
record!(Author { name, role, url });
record!(Publication { publisher, url, note });
record!(FrontMatter { title, date, lang, lang_given, authors, publication, entities, map, mentions });
record!(Document { blocks });
record!(LatLon { lat, lon });
record!(Links { wikidata, wikipedia, website, source });
// `source` (where the editor wrote an entity) and `unknown_id` (which folds knock-on messages)
// only serve messages made at compile time.
record!(Entity { id, kind, name, aliases, summary, native, facts, links, location, iso, chart } not stored: source);
record!(Diagnostic { file, line, column, severity, message } not stored: unknown_id);
record!(LonLat { lon, lat });
record!(Bounds { min, max });
record!(Highlight { countries, label, emphasis, entity, at });
record!(Route { id, name, kind, via, at });
record!(Place { id, name, at, gauge_break, note });
record!(Chapter { section, focus, at });
record!(MapSpec { view, basemap, title, highlights, routes, places, chapters });
record!(Stop { id, name, at, entity, gauge_break, note });
record!(ResolvedRoute { id, name, kind, stops });
impl Codec for EntityId {
    fn put(&self, w: &mut Writer) {
        w.str(self.as_str());
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, BundleError> {
        let s = r.str()?;
        EntityId::new(&s).ok_or_else(|| r.error(format!("`{s}` is not an entity id")))
    }
}

impl Codec for Chart {
    fn put(&self, w: &mut Writer) {
        match self {
            Chart::Bars { unit, values } => {
                w.uint(0);
                unit.put(w);
                values.put(w);
            }
            Chart::Range { unit, from, to, min, max, label } => {
                w.uint(1);
                unit.put(w);
                for v in [from, to, min, max] {
                    v.put(w);
                }
                label.put(w);
            }
        }
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, BundleError> {
        Ok(match r.uint()? {
            0 => Chart::Bars { unit: r.str()?, values: Codec::get(r)? },
            1 => Chart::Range { unit: r.str()?, from: f64::get(r)?, to: f64::get(r)?, min: f64::get(r)?, max: f64::get(r)?, label: r.str()? },
            t => return Err(r.error(format!("chart type {t} does not exist"))),
        })
    }
}

impl Codec for Block {
    fn put(&self, w: &mut Writer) {
        match self {
            Block::Heading { level, id, content, line } => {
                w.uint(0);
                (level, id, content, line).put_all(w);
            }
            Block::Paragraph { content, line } => {
                w.uint(1);
                content.put(w);
                line.put(w);
            }
            Block::Quote { blocks, line } => {
                w.uint(2);
                blocks.put(w);
                line.put(w);
            }
            Block::List { start, items, line } => {
                w.uint(3);
                start.put(w);
                items.put(w);
                line.put(w);
            }
            Block::Code { text, line } => {
                w.uint(4);
                text.put(w);
                line.put(w);
            }
            Block::Rule { line } => {
                w.uint(5);
                line.put(w);
            }
        }
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, BundleError> {
        Ok(match r.uint()? {
            0 => Block::Heading { level: Codec::get(r)?, id: r.str()?, content: Codec::get(r)?, line: Codec::get(r)? },
            1 => Block::Paragraph { content: Codec::get(r)?, line: Codec::get(r)? },
            2 => Block::Quote { blocks: Codec::get(r)?, line: Codec::get(r)? },
            3 => Block::List { start: Codec::get(r)?, items: Codec::get(r)?, line: Codec::get(r)? },
            4 => Block::Code { text: r.str()?, line: Codec::get(r)? },
            5 => Block::Rule { line: Codec::get(r)? },
            t => return Err(r.error(format!("block type {t} does not exist"))),
        })
    }
}

trait PutAll {
    fn put_all(&self, w: &mut Writer);
}

impl<A: Codec, B: Codec, C: Codec, D: Codec> PutAll for (&A, &B, &C, &D) {
    fn put_all(&self, w: &mut Writer) {
        self.0.put(w);
        self.1.put(w);
        self.2.put(w);
        self.3.put(w);
    }
}

impl Codec for Inline {
    fn put(&self, w: &mut Writer) {
        match self {
            Inline::Text(t) => {
                w.uint(0);
                t.put(w);
            }
            Inline::Emphasis(c) => {
                w.uint(1);
                c.put(w);
            }
            Inline::Strong(c) => {
                w.uint(2);
                c.put(w);
            }
            Inline::Strikethrough(c) => {
                w.uint(3);
                c.put(w);
            }
            Inline::Code(t) => {
                w.uint(4);
                t.put(w);
            }
            Inline::Link { href, relative, title, content } => {
                w.uint(5);
                (href, relative, title, content).put_all(w);
            }
            Inline::Entity { id, content, line } => {
                w.uint(6);
                id.put(w);
                content.put(w);
                line.put(w);
            }
            Inline::Mention { id, ordinal, repeat, content } => {
                w.uint(7);
                (id, ordinal, repeat, content).put_all(w);
            }
            Inline::Break => w.uint(8),
        }
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, BundleError> {
        Ok(match r.uint()? {
            0 => Inline::Text(r.str()?),
            1 => Inline::Emphasis(Codec::get(r)?),
            2 => Inline::Strong(Codec::get(r)?),
            3 => Inline::Strikethrough(Codec::get(r)?),
            4 => Inline::Code(r.str()?),
            5 => Inline::Link { href: r.str()?, relative: Codec::get(r)?, title: r.str()?, content: Codec::get(r)? },
            6 => Inline::Entity { id: r.str()?, content: Codec::get(r)?, line: Codec::get(r)? },
            7 => Inline::Mention { id: Codec::get(r)?, ordinal: Codec::get(r)?, repeat: Codec::get(r)?, content: Codec::get(r)? },
            8 => Inline::Break,
            t => return Err(r.error(format!("inline type {t} does not exist"))),
        })
    }
}

impl Codec for Catalog {
    fn put(&self, w: &mut Writer) {
        self.entities().to_vec().put(w);
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, BundleError> {
        Ok(Catalog::merge([Vec::<Entity>::get(r)?]))
    }
}

impl Codec for MentionIndex {
    fn put(&self, w: &mut Writer) {
        self.by_ordinal.put(w);
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, BundleError> {
        let by_ordinal: Vec<EntityId> = Codec::get(r)?;
        let mut by_entity: HashMap<EntityId, Vec<usize>> = HashMap::new();
        for (ordinal, id) in by_ordinal.iter().enumerate() {
            by_entity.entry(id.clone()).or_default().push(ordinal);
        }
        Ok(MentionIndex { by_ordinal, by_entity })
    }
}

record!(Linked { body, bios, note, mentions });

/// A string-keyed map, sorted so the same folder always compiles to the same bytes.
fn put_map(map: &HashMap<String, impl Codec + Ord + Clone>, w: &mut Writer) {
    let mut pairs: Vec<(String, _)> = map.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    pairs.sort();
    pairs.put(w);
}

impl Codec for BaseMap {
    fn put(&self, w: &mut Writer) {
        let grid = self.grid.unwrap_or([1.0 / GRID, 1.0 / GRID, 0.0, 0.0]);
        for v in grid {
            v.put(w);
        }
        match (&self.topology, self.grid) {
            // Arcs once (shared borders are not repeated), then each country's rings as arc
            // references: about a third fewer points than the rings.
            (Some(t), Some(_)) if t.rings.len() == self.countries.len() => {
                w.uint(1);
                w.uint(t.arcs.len() as u64);
                for arc in &t.arcs {
                    put_deltas(w, arc.iter().copied());
                }
                w.uint(self.countries.len() as u64);
                for (c, rings) in self.countries.iter().zip(&t.rings) {
                    c.iso.put(w);
                    c.name.put(w);
                    w.uint(rings.len() as u64);
                    for refs in rings {
                        w.uint(refs.len() as u64);
                        for &r in refs {
                            w.int(r);
                        }
                    }
                }
            }
            _ => {
                w.uint(0);
                w.uint(self.countries.len() as u64);
                for c in &self.countries {
                    c.iso.put(w);
                    c.name.put(w);
                    w.uint(c.rings.len() as u64);
                    for ring in &c.rings {
                        put_deltas(w, ring.iter().map(|p| (((p.lon - grid[2]) / grid[0]).round() as i64, ((p.lat - grid[3]) / grid[1]).round() as i64)));
                    }
                }
            }
        }
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, BundleError> {
        let grid = [f64::get(r)?, f64::get(r)?, f64::get(r)?, f64::get(r)?];
        let to_lonlat = |(x, y): (i64, i64)| LonLat { lon: x as f64 * grid[0] + grid[2], lat: y as f64 * grid[1] + grid[3] };
        match r.uint()? {
            1 => {
                let n = r.len()?;
                let mut arcs = Vec::with_capacity(n);
                for _ in 0..n {
                    arcs.push(get_deltas(r)?);
                }
                let lonlat = arcs_to_lonlat(&arcs, grid);
                let n = r.len()?;
                let (mut countries, mut topology_rings) = (Vec::with_capacity(n), Vec::with_capacity(n));
                for _ in 0..n {
                    let (iso, name) = (r.str()?, r.str()?);
                    let m = r.len()?;
                    let mut refs_of_rings = Vec::with_capacity(m);
                    let mut rings = Vec::with_capacity(m);
                    for _ in 0..m {
                        let k = r.len()?;
                        let mut refs = Vec::with_capacity(k);
                        for _ in 0..k {
                            refs.push(r.int()?);
                        }
                        rings.push(assemble(&lonlat, &refs).map_err(|e| r.error(e))?);
                        refs_of_rings.push(refs);
                    }
                    countries.push(Country { iso, name, rings });
                    topology_rings.push(refs_of_rings);
                }
                Ok(BaseMap { countries, grid: Some(grid), topology: Some(Topology { arcs, rings: topology_rings }) })
            }
            0 => {
                let n = r.len()?;
                let mut countries = Vec::with_capacity(n);
                for _ in 0..n {
                    let (iso, name) = (r.str()?, r.str()?);
                    let m = r.len()?;
                    let mut rings = Vec::with_capacity(m);
                    for _ in 0..m {
                        rings.push(get_deltas(r)?.into_iter().map(to_lonlat).collect());
                    }
                    countries.push(Country { iso, name, rings });
                }
                Ok(BaseMap { countries, grid: Some(grid), topology: None })
            }
            t => Err(r.error(format!("base map kind {t} does not exist"))),
        }
    }
}

/// A line of grid points: its length, then each point as the difference to the one before.
fn put_deltas(w: &mut Writer, points: impl ExactSizeIterator<Item = (i64, i64)>) {
    w.uint(points.len() as u64);
    let (mut x, mut y) = (0_i64, 0_i64);
    for (qx, qy) in points {
        w.int(qx - x);
        w.int(qy - y);
        (x, y) = (qx, qy);
    }
}

fn get_deltas(r: &mut Reader<'_>) -> Result<Vec<(i64, i64)>, BundleError> {
    let n = r.len()?;
    let (mut x, mut y) = (0_i64, 0_i64);
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        x = x.wrapping_add(r.int()?);
        y = y.wrapping_add(r.int()?);
        out.push((x, y));
    }
    Ok(out)
}

impl Codec for Scene {
    fn put(&self, w: &mut Writer) {
        self.basemap.put(w);
        self.spec.put(w);
        self.stops.put(w);
        self.routes.put(w);
        put_map(&self.highlight_of, w);
        put_map(&self.country_entity, w);
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, BundleError> {
        Ok(Scene {
            basemap: Codec::get(r)?,
            spec: Codec::get(r)?,
            stops: Codec::get(r)?,
            routes: Codec::get(r)?,
            highlight_of: Vec::<(String, usize)>::get(r)?.into_iter().collect(),
            country_entity: Vec::<(String, String)>::get(r)?.into_iter().collect(),
        })
    }
}

impl<T: Codec> Codec for Result<T, String> {
    fn put(&self, w: &mut Writer) {
        match self {
            Ok(v) => {
                w.uint(0);
                v.put(w);
            }
            Err(e) => {
                w.uint(1);
                e.put(w);
            }
        }
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, BundleError> {
        Ok(if bool::get(r)? { Err(r.str()?) } else { Ok(T::get(r)?) })
    }
}

/// Whether `text` is a bundle (rather than, say, a `commentary.md`): its first item is [`MAGIC`].
pub fn is_bundle(text: &str) -> bool {
    let rest = text.trim_start().strip_prefix('[').map(str::trim_start);
    rest.and_then(|r| r.strip_prefix('"')).is_some_and(|r| r.starts_with(MAGIC))
}

/// Writes a compiled folder (its `url` is not kept: the reader knows where it found the file).
pub fn encode(compiled: &Compiled) -> String {
    let mut w = Writer::new();
    w.str(MAGIC);
    w.uint(VERSION);
    match compiled {
        Compiled::Ready(l) => {
            w.uint(0);
            l.front.put(&mut w);
            l.catalog.put(&mut w);
            l.linked.put(&mut w);
            l.map.put(&mut w);
            l.sections.put(&mut w);
            l.warnings.put(&mut w);
        }
        Compiled::Failed { message, network } => {
            w.uint(1);
            message.put(&mut w);
            network.put(&mut w);
        }
    }
    w.finish()
}

/// Reads a bundle; `url` is where it came from (relative links in the text resolve against it).
pub fn decode(text: &str, url: &str) -> Result<Compiled, BundleError> {
    let mut r = Reader::new(text)?;
    let magic = r.str().map_err(|e| BundleError { message: "it is not a commentary bundle (compile a folder with `commentary-reader build`)".into(), ..e })?;
    if magic != MAGIC {
        return Err(r.error("it is not a commentary bundle (compile a folder with `commentary-reader build`)"));
    }
    let version = r.uint()?;
    if version != VERSION {
        return Err(r.error(format!("it was compiled for bundle format {version}, this widget reads format {VERSION}: compile it again with this version's `commentary-reader build`")));
    }
    let compiled = match r.uint()? {
        0 => Compiled::Ready(Loaded {
            url: url.to_owned(),
            front: Codec::get(&mut r)?,
            catalog: Codec::get(&mut r)?,
            linked: Codec::get(&mut r)?,
            map: Codec::get(&mut r)?,
            sections: Codec::get(&mut r)?,
            warnings: Codec::get(&mut r)?,
        }),
        1 => Compiled::Failed { message: r.str()?, network: Codec::get(&mut r)? },
        t => return Err(r.error(format!("bundle kind {t} does not exist"))),
    };
    r.end()?;
    Ok(compiled)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_and_numbers_survive() {
        let mut w = Writer::new();
        w.str("quote \" backslash \\ newline \n tab \t nul \0 line sep \u{2028} Минск 中国");
        w.int(-5);
        w.int(i64::MIN);
        w.uint(u64::MAX);
        (-0.1_f64).put(&mut w);
        let text = w.finish();
        let mut r = Reader::new(&text).unwrap();
        assert_eq!(r.str().unwrap(), "quote \" backslash \\ newline \n tab \t nul \0 line sep \u{2028} Минск 中国");
        assert_eq!(r.int().unwrap(), -5);
        assert_eq!(r.int().unwrap(), i64::MIN);
        assert_eq!(r.uint().unwrap(), u64::MAX);
        assert_eq!(f64::get(&mut r).unwrap(), -0.1);
        r.end().unwrap();
    }

    #[test]
    fn an_escape_cut_short_or_unknown_is_located_at_its_backslash() {
        // Found by the `bundle` fuzz target: a file ending in a backslash inside a string was
        // reported one byte past its end.
        for (text, message) in [("[\"ab\\", "ends in the middle of an escape"), ("[\"ab\\é\"]", "unknown escape"), ("[\"ab\\q\"]", "unknown escape")] {
            let mut r = Reader::new(text).unwrap();
            let e = r.str().unwrap_err();
            assert_eq!(e.at, 4, "{text:?}: {e:?}");
            assert!(e.message.contains(message), "{text:?}: {e:?}");
        }
        let e = decode("[\"commentary-reader bundle\\", "u").unwrap_err();
        assert!(e.at <= "[\"commentary-reader bundle\\".len(), "{e:?}");
    }

    #[test]
    fn broken_files_say_where_and_why() {
        let e = decode("<!doctype html><p>Not found</p>", "x").unwrap_err();
        assert!(e.to_string().contains("does not start with `[`"), "{e}");
        let e = decode(r#"["something else",1,0]"#, "x").unwrap_err();
        assert!(e.to_string().contains("not a commentary bundle"), "{e}");
        let e = decode(&format!(r#"["{MAGIC}",99,0]"#), "x").unwrap_err();
        assert!(e.to_string().contains("format 99") && e.to_string().contains("commentary-reader build"), "{e}");
        let e = decode(&format!(r#"["{MAGIC}",{VERSION},0,"cut"#), "x").unwrap_err();
        assert!(e.to_string().contains("does not end"), "{e}");
        // A corrupt count cannot make the reader allocate more than the file could hold.
        let e = decode(&format!(r#"["{MAGIC}",{VERSION},1,"m",0]"#).replace("\"m\"", "1"), "x").unwrap_err();
        assert!(e.to_string().contains("expected a string"), "{e}");
        let mut w = Writer::new();
        w.uint(99_999_999);
        let e = Vec::<String>::get(&mut Reader::new(&w.finish()).unwrap()).unwrap_err();
        assert!(e.to_string().contains("more than the file holds"), "{e}");
    }

    #[test]
    fn bundles_are_told_from_markdown_by_their_first_bytes() {
        assert!(is_bundle(&encode(&Compiled::Failed { message: "m".into(), network: false })));
        assert!(is_bundle(&format!(" \n[ \"{MAGIC}\", 99]")));
        assert!(!is_bundle("+++\ntitle = \"T\"\n+++\n[link](https://example.org)"));
        assert!(!is_bundle("[\"something else\"]"));
        assert!(!is_bundle(""));
    }

    #[test]
    fn a_base_map_without_a_grid_is_kept_to_a_thousandth_of_a_degree() {
        let text = r#"{"type":"Topology","arcs":[[[10.12345,20.5],[11.0,20.5],[11.0,21.98765],[10.12345,20.5]]],
            "objects":{"c":{"type":"GeometryCollection","geometries":[{"type":"Polygon","arcs":[[0]],"properties":{"a3":"AAA","name":"A"}}]}}}"#;
        let map = crate::geo::topojson::decode(text, "c").unwrap();
        assert_eq!((map.grid, map.topology.is_none()), (None, true));
        let mut w = Writer::new();
        map.put(&mut w);
        let back = BaseMap::get(&mut Reader::new(&w.finish()).unwrap()).unwrap();
        let (a, b) = (&map.countries[0].rings[0], &back.countries[0].rings[0]);
        assert_eq!(a.len(), b.len());
        for (p, q) in a.iter().zip(b) {
            assert!((p.lon - q.lon).abs() <= 0.5 / GRID + 1e-12 && (p.lat - q.lat).abs() <= 0.5 / GRID + 1e-12, "{p:?} {q:?}");
        }
    }

    #[test]
    fn an_unknown_variant_of_any_tagged_enum_is_refused_where_it_stands() {
        fn refused<T: Codec + fmt::Debug>(tag: &str, name: &str) {
            let text = format!("[ {tag}]");
            let e = T::get(&mut Reader::new(&text).unwrap()).expect_err(&format!("{name} {tag} was accepted"));
            assert_eq!(e, BundleError { at: 2, message: format!("variant {tag} of {name} does not exist") });
        }
        // One past the last variant, and 2^32 (variant 0 if the index were narrowed to 32 bits).
        for tag in ["4294967296", "18446744073709551615"] {
            refused::<EntityKind>(tag, "EntityKind");
            refused::<MentionPolicy>(tag, "MentionPolicy");
            refused::<RouteKind>(tag, "RouteKind");
            refused::<Severity>(tag, "Severity");
        }
        refused::<EntityKind>("7", "EntityKind");
        refused::<MentionPolicy>("2", "MentionPolicy");
        refused::<RouteKind>("3", "RouteKind");
        refused::<Severity>("2", "Severity");
        // The last variant of each still reads.
        assert_eq!(EntityKind::get(&mut Reader::new("[6]").unwrap()), Ok(EntityKind::Event));
        assert_eq!(Severity::get(&mut Reader::new("[1]").unwrap()), Ok(Severity::Warning));
    }

    #[test]
    fn a_failed_folder_round_trips() {
        let failed = Compiled::Failed { message: "x.md:3:1: error: no title".into(), network: false };
        assert_eq!(decode(&encode(&failed), "u").unwrap(), failed);
    }
}
