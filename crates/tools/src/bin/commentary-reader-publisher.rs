//! The wasm publisher module (built by scripts/package.mjs for wasm32): the tools' `pages` export
//! (see `commentary_tools::publisher`), with the reader's components and Yew's server renderer.
//! The editors' preview page loads it on demand, to download a folder's prerendered pages.
//! Natively it does nothing: the command line is `commentary-reader`.

// Link the library so its `pages` export ends up in the binary.
extern crate commentary_tools;

fn main() {}
