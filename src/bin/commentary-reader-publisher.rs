//! The wasm publisher module: the library built with `--no-default-features --features
//! publisher` exports `pages` (see `commentary_reader::web::publisher`). The editors' preview
//! page loads it on demand, to download a folder's prerendered pages.

// Link the library so its `pages` export ends up in the binary.
extern crate commentary_reader;

fn main() {}
