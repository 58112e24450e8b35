//! commentary-reader's core: what the reader, the compiler and the tools share. Pure Rust, no
//! Yew and no web-sys; everything here is tested with plain `cargo test -p commentary-core`.
//!
//! Modules, each using only those listed before it where it can (docs/architecture.md):
//! - [`content`]: the document model, the entity catalog, mentions, located diagnostics; with
//!   the `parsers` feature, front matter, Markdown and catalog parsers and the linker.
//! - [`geo`]: the map's geography: projection, base map, `map.toml`'s model, scenes, layout;
//!   with `parsers`, the `map.toml` and TopoJSON readers.
//! - [`bundle`]: the compiled form the reader downloads ([`bundle::Loaded`]).
//! - [`i18n`]: the widget's words.
//! - [`ui`]: the widget's state machines (cards, the map), placement geometry, reading aids.
//!
//! The `parsers` feature is on natively and in the compiler module, never in the reader's wasm
//! (`make test` checks the reader's dependency tree for it).
#![deny(missing_docs)]

pub mod bundle;
pub mod content;
pub mod geo;
pub mod i18n;
pub mod ui;
