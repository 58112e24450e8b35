//! commentary-reader's core: what the reader, the compiler and the tools share. Pure Rust, no
//! Yew and no web-sys; everything here is tested with plain `cargo test -p commentary-core`.
//!
//! Modules, each using only those listed before it (docs/architecture.md; `tests/layers.rs`
//! fails on an import that goes up):
//! - [`wire`]: what serde derives do not do, for every type alike (refusals the bundle's decoder
//!   reports, a cap on nesting, hash maps written sorted).
//! - [`content`]: the document model, the entity catalog, mentions, located diagnostics.
//! - [`geo`]: the map's geography: projection, base map, `map.toml`'s model, scenes, layout
//!   (the readers of `map.toml` and TopoJSON are the compiler crate's).
//! - [`bundle`]: the compiled form the reader downloads ([`bundle::Loaded`]).
//! - [`i18n`]: the widget's words.
//! - [`ui`]: the widget's state machines (cards, the map), placement geometry, reading aids.
//!
//! It has no parser and depends on no parser's crate: the readers of the editor's files are
//! `commentary-compiler` (crates/compiler), which the reader's wasm does not depend on (`make
//! test` checks its dependency tree).
#![deny(missing_docs)]

pub mod bundle;
pub mod content;
pub mod geo;
pub mod i18n;
pub mod ui;
pub mod wire;
