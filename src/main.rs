//! The wasm entry point Trunk builds. Everything lives in the library; the custom element is
//! defined by `static/commentary-reader.js`, which calls the library's exported `mount`.

// Link the library so its `#[wasm_bindgen]` exports (mount, stylesheet) end up in the binary.
extern crate commentary_reader;

fn main() {}
