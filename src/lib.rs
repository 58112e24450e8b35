//! commentary-reader: an embeddable reader for policy commentaries. This package is the reader
//! (what Trunk builds). Its layers are crates of the workspace
//! (docs/architecture.md draws them), each using only those below it:
//! - `commentary-core` (crates/core): [`content`], [`geo`], [`bundle`], [`i18n`], [`ui`]: the
//!   data model, geography and layout, the compiled form, the widget's words and reducers. Pure
//!   Rust, no parser; re-exported here under its own module names.
//! - `commentary-compiler` (crates/compiler): the parsers, the linker, the folder pipeline
//!   (`folder`, re-exported here, with `compile` driving it from disk natively) and the lints
//!   (`lint`). A dependency natively and of the compiler module (feature `compiler`), never of
//!   the reader's wasm (`scripts/check-layers.sh`).
//! - this package, the reader: [`stamp`], a prerendered page's stamp and the digest of its
//!   markup, which the reader checks before hydrating; [`html`], escaping; and `web`, the thin
//!   browser layer: fetching, the Yew components and the functions the `<commentary-reader>`
//!   custom element calls (wasm32), the compiler module's exports (feature `compiler`), and the
//!   server's render of the same components (feature `ssr`), which `commentary-tools` writes
//!   into the reading pages.
//! - `commentary-tools` (crates/tools), above it: the command line (`check`, `build`, `build
//!   --site`), the published site and the publisher module.
//!
//! Everything but `web` is tested with plain `cargo test`.
#![deny(missing_docs)]

pub use commentary_core::{bundle, content, geo, i18n, ui};

#[cfg(not(target_arch = "wasm32"))]
pub use commentary_compiler::compile;
#[cfg(any(not(target_arch = "wasm32"), feature = "compiler"))]
pub use commentary_compiler::{folder, gazetteer, lint, suggestions};
pub mod html;
/// Minifying the widget's stylesheet at build time (included by `build.rs`; here for its tests).
#[cfg(test)]
mod minify;
pub mod stamp;

pub mod web;
