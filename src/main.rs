//! The wasm entry point Trunk builds. Everything lives in the library; the custom element is
//! defined by `static/commentary-reader.js`, which calls the library's exported `mount`.
fn main() {}
