//! Minifies the widget's stylesheet (`src/web/reader.css`) into `OUT_DIR/reader.css`, which
//! `web::stylesheet` ships (see `src/ui/minify.rs`).

include!("src/ui/minify.rs");

fn main() {
    println!("cargo:rerun-if-changed=src/web/reader.css");
    println!("cargo:rerun-if-changed=src/ui/minify.rs");
    let css = std::fs::read_to_string("src/web/reader.css").expect("src/web/reader.css");
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("reader.css");
    std::fs::write(out, minify_css(&css)).expect("writing the minified stylesheet");
}
