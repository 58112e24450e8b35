//! commentary-reader's tools: what publishes commentaries, on top of the reader (whose
//! components render the pages, with Yew's server renderer) and the compiler.
//!
//! - [`publish`]: a reading page's metadata (`<head>`: description, OpenGraph, JSON-LD).
//! - [`site`]: the published site (`commentary-reader build --site`): each folder's reading pages
//!   and embeds, the archive, the sitemap, the feed, oEmbed, the share pictures, the entities'
//!   pages.
//! - [`render`]: the reader's server render, awaited on a runtime of its own (natively).
//! - `publisher` (wasm): the publisher module's `pages` export, for the editors' preview page.
//! - [`template`]: a new commentary folder from the template (`commentary-reader new`).
//! - The binary `commentary-reader`: `new`, `check`, `build`, `build --site`, `stylesheet`.
#![deny(missing_docs)]

use commentary_reader::{bundle, content, i18n, web};

pub mod publish;
#[cfg(target_arch = "wasm32")]
pub mod publisher;
#[cfg(not(target_arch = "wasm32"))]
pub mod render;
pub mod site;
#[cfg(not(target_arch = "wasm32"))]
pub mod template;
