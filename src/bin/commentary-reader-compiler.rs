//! The wasm compiler module: the library built with `--no-default-features --features compiler`
//! exports only `compile` (see `commentary_reader::web::compiler`). The element loads it on
//! demand, only for a `src` that names a `commentary.md`.

// Link the library so its `compile` export ends up in the binary.
extern crate commentary_reader;

fn main() {}
