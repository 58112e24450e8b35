//! Pure geography for the mini-map: projection, fitting, route smoothing, label placement.
//! No browser APIs; tested with `cargo test`.

pub mod draw;
pub mod metrics;
pub mod projection;
pub mod rect;
pub mod scene;
pub mod spec;
pub mod topojson;
pub mod view;
pub mod whereabouts;
