//! Minifies the widget's stylesheet (`src/web/reader.css`) into `OUT_DIR/reader.css`, which
//! `web::stylesheet` ships (see `src/ui/minify.rs`), and sets `cfg(parsers)` where the parsers
//! are built: natively (the validator, `build`, tests) and in the compiler module (feature
//! `compiler`), never in the reader's wasm, which therefore cannot call one.

include!("src/ui/minify.rs");

fn main() {
    println!("cargo:rustc-check-cfg=cfg(parsers)");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    if !wasm || std::env::var_os("CARGO_FEATURE_COMPILER").is_some() {
        println!("cargo:rustc-cfg=parsers");
    }
    println!("cargo:rerun-if-changed=src/web/reader.css");
    println!("cargo:rerun-if-changed=src/ui/minify.rs");
    let css = std::fs::read_to_string("src/web/reader.css").expect("src/web/reader.css");
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("reader.css");
    std::fs::write(out, minify_css(&css)).expect("writing the minified stylesheet");
}
