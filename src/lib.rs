//! commentary-reader: an embeddable reader for policy commentaries.
//!
//! Layers, each using only those below it (docs/architecture.md draws them):
//! - [`content`]: front matter, Markdown → a typed document model, entity catalogs, linking,
//!   located diagnostics. Pure Rust.
//! - [`geo`]: the map's geography: projection, base map, `map.toml`, scenes, layout. Pure.
//! - [`ui`]: the widget's state machines (cards, the map) and placement geometry. Pure.
//! - `folder`: the folder pipeline (what a commentary needs, one severity policy, the
//!   finished commentary), without I/O; `compile` drives it from disk, `web::compiler` from the
//!   network. [`bundle`] is the compiled form the reader downloads ([`bundle::Loaded`]); [`i18n`]
//!   the widget's words.
//! - `lint`: how the commentary uses its catalog (entities no reader can reach, lower-case
//!   aliases), checked once the text is linked and the map drawn; built with `cfg(parsers)`.
//! - `publish`: the prerendered reading page's metadata (`<head>`: description, OpenGraph,
//!   JSON-LD), pure string building for the build step; built with `cfg(parsers)`.
//! - `web`: the thin browser layer: fetching, the Yew components and the functions the
//!   `<commentary-reader>` custom element calls (wasm32), and the server rendering of the same
//!   components that `commentary-reader build` writes into the reading pages (native).
//!
//! Everything but `web` is tested with plain `cargo test`.
//!
//! The parsers (Markdown, TOML, TopoJSON, the linker, the folder pipeline) are built only with
//! `cfg(parsers)`: natively and in the compiler module (feature `compiler`), set by build.rs.
//! The reader's wasm has the data types and the bundle reader, and cannot call a parser.
#![deny(missing_docs)]

pub mod bundle;
#[cfg(parsers)]
pub mod compile;
pub mod content;
#[cfg(parsers)]
pub mod folder;
pub mod geo;
pub mod i18n;
#[cfg(parsers)]
pub mod lint;
#[cfg(parsers)]
pub mod publish;
#[cfg(all(parsers, feature = "reader", any(not(target_arch = "wasm32"), feature = "publisher")))]
pub mod site;
pub mod ui;

pub mod web;
