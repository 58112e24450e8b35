//! The wasm checker module: the library built with `--no-default-features --features checker`
//! (see `commentary_reader::web::checker`). The editors' tools load it: the Node checker
//! (`check.mjs`) and the preview page. Readers' pages never do.

// Link the library so its `check` export ends up in the binary.
extern crate commentary_reader;

fn main() {}
