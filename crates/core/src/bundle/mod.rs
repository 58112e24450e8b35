//! The compiled form of a commentary folder: what the reader downloads instead of Markdown and
//! TOML, so none of the parsers (pulldown-cmark, toml, aho-corasick, the TopoJSON reader and its
//! serde_json) ships to readers.
//!
//! `commentary-reader build <folder>` (and `make dist`, for every folder under
//! `static/commentaries/`) writes [`FILE_NAME`] beside `commentary.md`. It holds the folder
//! already parsed, linked and resolved: front matter, linked body and closing texts, catalog,
//! map scene with its base map, sections, and every warning the validator would print (the
//! widget's `debug` panel shows them).
//!
//! The format is [postcard](https://docs.rs/postcard) through the model types' serde derives
//! (varint integers, length-prefixed strings and lists, no field names; `f64` as its 8 bytes,
//! so exact and without a float parser in the wasm), chosen by measurement (BENCHMARKS.md, "The
//! bundle through serde"). What the derives do not do is beside each type (an id as its text,
//! the mention index rebuilt on reading, the base map on its quantisation grid:
//! `geo::topojson`'s `wire`) or, for every type alike, in [`crate::wire`] (refusals the decoder
//! reports, a cap on nesting, hash maps written sorted: the same folder always gives the same
//! bytes).
//!
//! Layout: [`MAGIC`] and [`VERSION`] first, read before anything else, so a reader of another
//! version refuses the file with a message that says so; then whether the folder compiled; then
//! its parts in order. A folder that failed to compile (a commentary that cannot be shown at all)
//! is written as an error bundle, so the reader can say why. A damaged file is refused with the
//! byte where reading stopped and the part it was in.

use std::cell::Cell;
use std::fmt;

use postcard::de_flavors::Flavor;
use serde::de::DeserializeOwned;
use serde::Serialize;

use std::rc::Rc;

use crate::content::catalog::{Catalog, Entity, EntityId};
use crate::content::{Diagnostic, FrontMatter, Linked};
use crate::geo::scene::Scene;

/// First item of every bundle.
pub const MAGIC: &str = "commentary-reader bundle";
/// Format version; bump it with any change to the layout. Version 1 was a JSON array written
/// by hand; 3 added the front matter's `url`, `description` and `kind`; 4 the map's `[[label]]`
/// and `[country_names]`; 5 routes by leg (`[[route.leg]]`, ferry and pipeline); 6 the
/// languages of a translated commentary; 7 each language's page address; 8 the countries the
/// commentary names itself (`Scene::named`: the others' English names are marked `lang="en"`);
/// 9 where else the site discusses its entities (`Loaded::elsewhere`); 10 the map as
/// [`LoadedMap`] (it was an `Option` of a `Result`).
pub const VERSION: u64 = 10;
pub use crate::geo::topojson::GRID;

/// The file name `build` writes beside `commentary.md`.
pub const FILE_NAME: &str = "commentary.bundle";

/// Why a bundle could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundleError {
    /// Byte offset in the file where reading stopped.
    pub at: usize,
    /// What was wrong.
    pub message: String,
}

impl fmt::Display for BundleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a usable commentary bundle (byte {}): {}", self.at, self.message)
    }
}

/// Everything a commentary folder provides, parsed, linked and resolved: what the reader
/// shows. The compiler (native `commentary-reader build`, or the browser's compiler module)
/// makes it from the folder's files; the reader gets it from a bundle.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Loaded {
    /// Absolute URL of the file the reader loaded; relative links resolve against it.
    #[serde(skip)]
    pub url: String,
    /// Compiled in the browser from the `commentary.md` at `url` rather than read from a
    /// bundle: its other languages are that file compiled in them, not bundles beside it.
    #[serde(skip)]
    pub from_source: bool,
    /// The front matter.
    pub front: FrontMatter,
    /// The merged entity catalogs (later files override earlier ones by id).
    pub catalog: Catalog,
    /// The commentary's texts linked to the catalog.
    pub linked: Linked,
    /// The map: none, drawn, or why the one asked for cannot be drawn.
    pub map: LoadedMap,
    /// The top-level sections in reading order: the intro, then each heading's. Map chapters
    /// name them. (On the wire as the `(slug, text)` pairs it was: a struct of two strings.)
    pub sections: Vec<crate::content::Section>,
    /// Warnings from every file, located.
    pub warnings: Vec<Diagnostic>,
    /// The languages the commentary is published in, the original first. Each has its bundle
    /// beside this one ([`file_name`]). Empty for a commentary in one language.
    pub languages: Vec<Language>,
    /// Where else the site discusses the commentary's entities (`commentary-reader build
    /// --site`: the cards' "Also in"). Empty for a commentary built on its own.
    pub elsewhere: Vec<Elsewhere>,
}

/// The site's other commentaries that mention one entity.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Elsewhere {
    /// The entity.
    pub entity: crate::content::catalog::EntityId,
    /// Those commentaries' pages, the newest first.
    pub pages: Vec<OtherPage>,
}

/// Another commentary's reading page, as a card links it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct OtherPage {
    /// Its title.
    pub title: String,
    /// Its address: absolute, or from the host's root.
    pub href: String,
    /// Its language's tag.
    pub lang: String,
    /// Its publication date.
    pub date: crate::content::Date,
}

/// A commentary's map as readers get it.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum LoadedMap {
    /// The folder asks for no map (or for a file that is missing, which the checker reports).
    #[default]
    None,
    /// The scene, resolved against the catalog and projected.
    Drawn(Rc<Scene>),
    /// The map asked for cannot be drawn: why, in a sentence the widget shows in its place.
    Unavailable(String),
}

impl LoadedMap {
    /// The scene, when the map is drawn.
    pub fn scene(&self) -> Option<&Rc<Scene>> {
        match self {
            Self::Drawn(scene) => Some(scene),
            Self::None | Self::Unavailable(_) => None,
        }
    }
}

impl Loaded {
    /// The entities the text mentions, each once, in order of first mention, then those of
    /// `also` (the map's triggers) it does not mention: the glossary's entries and the cards.
    pub fn entities_in_order<'a>(&'a self, also: impl IntoIterator<Item = &'a EntityId>) -> Vec<&'a Entity> {
        let mut seen = std::collections::HashSet::new();
        self.linked
            .mentions
            .by_ordinal
            .iter()
            .chain(also)
            .filter(|id| seen.insert(id.as_str()))
            .filter_map(|id| self.catalog.index_of(id.as_str()).map(|i| self.catalog.get(i)))
            .collect()
    }

    /// The ordinal of entity `id`'s first mention in the text, if the text mentions it.
    pub fn first_mention(&self, id: &str) -> Option<usize> {
        let index = self.catalog.index_of(id)?;
        self.linked.mentions.of(&self.catalog.get(index).id).first().copied()
    }
}

/// One language a commentary is published in.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Language {
    /// Its tag, as the original's `translations` lists it (the original's own `lang` first).
    pub lang: String,
    /// The title in it.
    pub title: String,
    /// The address of its reading page, if its front matter gives one (`url`): where the
    /// other languages' pages point their `hreflang` alternates.
    pub url: Option<String>,
}

/// The bundle of the commentary in `lang` (`None`: the original): `commentary.bundle`,
/// `commentary.ru.bundle`.
pub fn file_name(lang: Option<&str>) -> String {
    in_language(FILE_NAME, lang)
}

/// `name` as it is, or `lang`'s name for it ([`crate::content::links::translated_name`]).
pub fn in_language(name: &str, lang: Option<&str>) -> String {
    lang.map_or_else(|| name.to_owned(), |l| crate::content::links::translated_name(name, l))
}

/// The names of the published pages beside the bundle in `lang` (`None`: the original): the
/// reading page and the embed, `index.html` and `embed.html`, `index.ru.html` and
/// `embed.ru.html` (`commentary-reader build --site`).
pub fn page_names(lang: Option<&str>) -> (String, String) {
    (in_language("index.html", lang), in_language("embed.html", lang))
}

/// What a bundle holds.
#[derive(Debug, Clone, PartialEq)]
#[allow(clippy::large_enum_variant, reason = "one value per compile, moved once: a box would only add an allocation")]
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

/// The first bytes of a version-1 bundle (a JSON array).
const JSON_START: &str = "[\"commentary-reader bundle\"";

/// Whether `bytes` are a bundle of any version (rather than, say, a `commentary.md`), told by
/// the first bytes: [`MAGIC`] as a postcard string, or the JSON array of version 1.
pub fn is_bundle(bytes: &[u8]) -> bool {
    let magic = MAGIC.as_bytes();
    let current = bytes.first() == Some(&(magic.len() as u8)) && bytes[1..].starts_with(magic);
    current || bytes.trim_ascii_start().starts_with(JSON_START.as_bytes())
}

/// Writes a compiled folder (its `url` is not kept: the reader knows where it found the file).
/// The parts follow one another: postcard's encoding of a sequence of values is the
/// concatenation of theirs, which lets [`decode`] read and locate each on its own.
pub fn encode(compiled: &Compiled) -> Vec<u8> {
    fn put<T: Serialize + ?Sized>(out: Vec<u8>, value: &T) -> Vec<u8> {
        // Writing to a growing Vec cannot fail, and every model type serialises.
        postcard::to_extend(value, out).expect("the model serialises")
    }
    let mut out = put(put(Vec::new(), MAGIC), &VERSION);
    match compiled {
        Compiled::Ready(l) => {
            out = put(out, &0_u8);
            out = put(out, &l.front);
            out = put(out, &l.catalog);
            out = put(out, &l.linked);
            out = put(out, &l.map);
            out = put(out, &l.sections);
            out = put(out, &l.warnings);
            out = put(out, &l.languages);
            out = put(out, &l.elsewhere);
        }
        Compiled::Failed { message, network } => {
            out = put(out, &1_u8);
            out = put(out, message);
            out = put(out, network);
        }
    }
    out
}

/// Reads a bundle; `url` is where it came from (relative links in the text resolve against it).
pub fn decode(bytes: &[u8], url: &str) -> Result<Compiled, BundleError> {
    let not_a_bundle =
        || BundleError { at: 0, message: "it is not a commentary bundle (compile a folder with `commentary-reader build`)".into() };
    if bytes.trim_ascii_start().starts_with(JSON_START.as_bytes()) {
        return Err(BundleError { at: 0, message: format!("it was compiled for bundle format 1, this widget reads format {VERSION}: compile it again with this version's `commentary-reader build`") });
    }
    if !is_bundle(bytes) {
        return Err(not_a_bundle());
    }
    crate::wire::take_refusal();
    let at = Cell::new(0);
    let mut r = Parts { bytes, at: &at };
    let _magic: String = r.part("the header")?;
    let version: u64 = r.part("the header")?;
    if version != VERSION {
        return Err(BundleError { at: 0, message: format!("it was compiled for bundle format {version}, this widget reads format {VERSION}: compile it again with this version's `commentary-reader build`") });
    }
    let compiled = match r.part::<u8>("the header")? {
        0 => Compiled::Ready(Loaded {
            url: url.to_owned(),
            from_source: false,
            front: r.part("the front matter")?,
            catalog: r.part("the catalog")?,
            linked: r.part("the text")?,
            map: r.part("the map")?,
            sections: r.part("the list of sections")?,
            warnings: r.part("the warnings")?,
            languages: r.part("the list of languages")?,
            elsewhere: r.part("the site's other commentaries")?,
        }),
        1 => Compiled::Failed { message: r.part("the error")?, network: r.part("the error")? },
        t => return Err(BundleError { at: at.get() - 1, message: format!("bundle kind {t} does not exist") }),
    };
    if at.get() != bytes.len() {
        return Err(BundleError { at: at.get(), message: format!("{} bytes of unexpected data after the end", bytes.len() - at.get()) });
    }
    Ok(compiled)
}

/// The parts of a bundle read one after the other; `at` is where reading stands.
struct Parts<'a> {
    bytes: &'a [u8],
    at: &'a Cell<usize>,
}

impl Parts<'_> {
    fn part<T: DeserializeOwned>(&mut self, what: &str) -> Result<T, BundleError> {
        T::deserialize(&mut postcard::Deserializer::from_flavor(Counted { bytes: self.bytes, at: self.at }))
            .map_err(|e| self.failed(&e, what))
    }

    /// Why reading `what` stopped (not generic, so it is in the wasm once).
    #[inline(never)]
    fn failed(&self, e: &postcard::Error, what: &str) -> BundleError {
        let why = match e {
            postcard::Error::DeserializeUnexpectedEnd => "the file ends".to_owned(),
            // An enum index out of range is refused by the derive, as a custom error.
            postcard::Error::DeserializeBadEnum => "a variant that does not exist".to_owned(),
            postcard::Error::DeserializeBadVarint => "a malformed number".to_owned(),
            postcard::Error::DeserializeBadUtf8 | postcard::Error::DeserializeBadChar => "text that is not UTF-8".to_owned(),
            postcard::Error::SerdeDeCustom => crate::wire::take_refusal().unwrap_or_else(|| "a variant that does not exist".to_owned()),
            _ => "a malformed value".to_owned(),
        };
        BundleError { at: self.at.get(), message: format!("{why} in {what}") }
    }
}

/// postcard reading from a slice, keeping the position where the caller can see it after an
/// error (postcard's own slice reader does not say where it stopped).
struct Counted<'a> {
    bytes: &'a [u8],
    at: &'a Cell<usize>,
}

impl<'a> Flavor<'a> for Counted<'a> {
    type Remainder = usize;
    type Source = &'a [u8];

    fn pop(&mut self) -> postcard::Result<u8> {
        let i = self.at.get();
        let b = *self.bytes.get(i).ok_or(postcard::Error::DeserializeUnexpectedEnd)?;
        self.at.set(i + 1);
        Ok(b)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.bytes.len() - self.at.get())
    }

    fn try_take_n(&mut self, n: usize) -> postcard::Result<&'a [u8]> {
        let i = self.at.get();
        let Some(end) = i.checked_add(n).filter(|&e| e <= self.bytes.len()) else {
            // Cut short: reading stops where the file ends.
            self.at.set(self.bytes.len());
            return Err(postcard::Error::DeserializeUnexpectedEnd);
        };
        self.at.set(end);
        Ok(&self.bytes[i..end])
    }

    fn finalize(self) -> postcard::Result<usize> {
        Ok(self.at.get())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::catalog::{EntityKind, LatLon};
    use crate::content::markdown::{Block, Document, Inline};

    fn failed() -> Compiled {
        Compiled::Failed { message: "x.md:3:1: error: no title".into(), network: false }
    }

    #[test]
    fn a_failed_folder_round_trips() {
        assert_eq!(decode(&encode(&failed()), "u").unwrap(), failed());
    }

    #[test]
    fn broken_files_say_where_and_why() {
        let e = decode(b"<!doctype html><p>Not found</p>", "x").unwrap_err();
        assert!(e.to_string().contains("not a commentary bundle"), "{e}");
        let e = decode(b"[\"commentary-reader bundle\",1,0,\"Title\"]", "x").unwrap_err();
        assert!(e.to_string().contains("format 1,") && e.to_string().contains("commentary-reader build"), "{e}");
        let mut other = postcard::to_allocvec(&(MAGIC, 99_u64)).unwrap();
        other.push(1);
        let e = decode(&other, "x").unwrap_err();
        assert!(e.to_string().contains("format 99") && e.to_string().contains("commentary-reader build"), "{e}");
        // Cut short: located where the file ends, in the part it ends in.
        let whole = encode(&failed());
        let e = decode(&whole[..whole.len() - 3], "x").unwrap_err();
        assert_eq!(e.at, whole.len() - 3, "{e}");
        assert!(e.message.contains("the file ends in the error"), "{e}");
        let mut longer = whole.clone();
        longer.extend([0, 0]);
        let e = decode(&longer, "x").unwrap_err();
        assert_eq!((e.at, e.message.contains("2 bytes of unexpected data")), (whole.len(), true), "{e}");
        let mut kind = postcard::to_allocvec(&(MAGIC, VERSION)).unwrap();
        kind.push(7);
        let e = decode(&kind, "x").unwrap_err();
        assert_eq!((e.at, e.message.as_str()), (kind.len() - 1, "bundle kind 7 does not exist"));
    }

    #[test]
    fn a_corrupt_count_fails_without_allocating_what_it_claims() {
        // Kind 0 (a commentary), then a front matter whose title claims 2^60 bytes.
        let mut b = postcard::to_allocvec(&(MAGIC, VERSION, 0_u8)).unwrap();
        b.extend(postcard::to_allocvec(&(1_u64 << 60)).unwrap());
        let e = decode(&b, "x").unwrap_err();
        assert!(e.at <= b.len() && e.message.ends_with("in the front matter"), "{e}");
    }

    #[test]
    fn bundles_are_told_from_markdown_by_their_first_bytes() {
        assert!(is_bundle(&encode(&failed())));
        assert!(is_bundle(b" \n[\"commentary-reader bundle\",1]"), "a version-1 bundle is a bundle, refused by decode with its version");
        assert!(!is_bundle(b"+++\ntitle = \"T\"\n+++\n[link](https://example.org)"));
        assert!(!is_bundle(b"\x18something else entirely!"));
        assert!(!is_bundle(b""));
    }

    #[test]
    fn an_unknown_variant_is_refused_and_the_last_one_reads() {
        let bytes = postcard::to_allocvec(&EntityKind::Event).unwrap();
        assert_eq!(postcard::from_bytes::<EntityKind>(&bytes).unwrap(), EntityKind::Event);
        // One past the last variant, and 2^32 (variant 0 if the index were narrowed to 32 bits).
        for tag in [7_u64, 1 << 32] {
            assert!(postcard::from_bytes::<EntityKind>(&postcard::to_allocvec(&tag).unwrap()).is_err(), "variant {tag} was accepted");
        }
        assert_eq!(
            postcard::from_bytes::<LatLon>(&postcard::to_allocvec(&LatLon { lat: 53.9, lon: 27.56 }).unwrap()).unwrap(),
            LatLon { lat: 53.9, lon: 27.56 }
        );
    }

    fn nested(depth: usize) -> Document {
        let mut inline = Inline::Text("deep".into());
        for _ in 0..depth {
            inline = Inline::Emphasis(vec![inline]);
        }
        Document { blocks: vec![Block::Paragraph { content: vec![inline], line: 1 }] }
    }

    #[test]
    fn nesting_is_capped_so_a_hostile_bundle_cannot_exhaust_the_stack() {
        let ok = nested(crate::content::markdown::MAX_NESTING - 2);
        assert_eq!(postcard::from_bytes::<Document>(&postcard::to_allocvec(&ok).unwrap()).unwrap(), ok);
        let at = Cell::new(0);
        // Written by hand (building, writing or dropping such a value would itself overflow):
        // one paragraph holding emphasis inside emphasis 100,000 deep.
        let mut deep = vec![1, 1, 1];
        for _ in 0..100_000 {
            deep.extend([1, 1]);
        }
        let e = Parts { bytes: &deep, at: &at }.part::<Document>("the text").unwrap_err();
        assert!(
            e.message.contains(&format!("nested more than {}", crate::content::markdown::MAX_NESTING))
                && e.message.ends_with("in the text"),
            "{e}"
        );
        // The count is restored: the next decode starts at depth 0 again.
        assert_eq!(postcard::from_bytes::<Document>(&postcard::to_allocvec(&ok).unwrap()).unwrap(), ok);
    }
}
