//! commentary-reader: an embeddable reader for policy commentaries.
//!
//! The crate is split in two:
//! - [`content`] is pure Rust (no `web-sys`, no Yew): front matter, Markdown → a typed
//!   document model, link policy, diagnostics. It is tested with plain `cargo test` and will
//!   also back the native validator.
//! - `web` (wasm32 only) is the thin browser layer: fetching, the Yew components and the
//!   functions the `<commentary-reader>` custom element calls.
#![deny(missing_docs)]

pub mod bundle;
pub mod compile;
pub mod content;
pub mod folder;
pub mod geo;
pub mod i18n;
pub mod ui;

#[cfg(target_arch = "wasm32")]
pub mod web;
