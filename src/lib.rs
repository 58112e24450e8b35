//! commentary-reader: an embeddable reader for policy commentaries. This package is the reader
//! (what Trunk builds) and, natively, the tools; the shared core is the `commentary-core` crate
//! (crates/core), re-exported here under its own module names.
//!
//! Layers, each using only those below it (docs/architecture.md draws them):
//! - `commentary-core`: [`content`], [`geo`], [`bundle`], [`i18n`], [`ui`]: the data model,
//!   geography and layout, the compiled form, the widget's words and reducers. Pure Rust; its
//!   parsers are its `parsers` feature, never on in the reader's wasm.
//! - `folder`: the folder pipeline (what a commentary needs, one severity policy, the
//!   finished commentary), without I/O; `compile` drives it from disk, `web::compiler` from the
//!   network.
//! - `lint`: how the commentary uses its catalog (entities no reader can reach, lower-case
//!   aliases), checked once the text is linked and the map drawn; built with `cfg(parsers)`.
//! - `publish`: the prerendered reading page's metadata (`<head>`: description, OpenGraph,
//!   JSON-LD), pure string building for the build step; built with `cfg(parsers)`.
//! - [`stamp`]: a prerendered page's stamp and the digest of its markup, which the reader checks
//!   before hydrating. Pure.
//! - `web`: the thin browser layer: fetching, the Yew components and the functions the
//!   `<commentary-reader>` custom element calls (wasm32), and the server rendering of the same
//!   components that `commentary-reader build` writes into the reading pages (native).
//!
//! Everything but `web` is tested with plain `cargo test`.
//!
//! The folder pipeline, the lints and the publishing code are built only with `cfg(parsers)`:
//! natively and in the compiler module (feature `compiler`), set by build.rs.
#![deny(missing_docs)]

pub use commentary_core::{bundle, content, geo, i18n, ui};

#[cfg(parsers)]
pub mod compile;
#[cfg(parsers)]
pub mod folder;
#[cfg(parsers)]
pub mod lint;
/// Minifying the widget's stylesheet at build time (included by `build.rs`; here for its tests).
#[cfg(test)]
mod minify;
#[cfg(parsers)]
pub mod publish;
#[cfg(all(parsers, feature = "reader", any(not(target_arch = "wasm32"), feature = "publisher")))]
pub mod site;
pub mod stamp;

pub mod web;
