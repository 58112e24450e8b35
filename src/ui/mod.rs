//! Pure UI logic: state machines and geometry that the Yew components drive.
//! No `web-sys`, no Yew: everything here is tested with plain `cargo test`.

pub mod cards;
pub mod chart;
pub mod map_state;
/// Minifying the widget's stylesheet at build time (also included by `build.rs`).
pub mod minify;
pub mod options;
pub mod placement;
pub mod prerender;
pub mod reading;
