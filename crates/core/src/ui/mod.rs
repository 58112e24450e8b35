//! Pure UI logic: state machines and geometry that the Yew components drive.
//! No `web-sys`, no Yew: everything here is tested with plain `cargo test`.

pub mod cards;
pub mod chart;
pub mod languages;
pub mod map_state;
pub mod options;
pub mod placement;
pub mod reading;
