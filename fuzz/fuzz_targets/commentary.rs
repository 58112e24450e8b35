//! Front matter + Markdown: any text either parses or gives a located error; never a panic,
//! never unbounded recursion. What parses is linked against a small fixed catalog, and the
//! result must keep the invariants of `common::check`.
#![no_main]
use std::sync::OnceLock;

use commentary_compiler::catalog::parse_catalog;
use commentary_compiler::{link_commentary, parse_commentary};
use commentary_reader::content::catalog::Catalog;
use libfuzzer_sys::fuzz_target;

mod common;

const CATALOG: &str = r#"
[[entity]]
id = "minsk"
kind = "place"
name = "Minsk"
aliases = ["Minsk", "Мінск"]
summary = "A city."
lat = 53.9
lon = 27.56

[[entity]]
id = "minsk-dialogue"
kind = "organisation"
name = "Minsk Dialogue"
aliases = ["Minsk Dialogue", "Dialogue"]
summary = "A think tank."

[[entity]]
id = "china"
kind = "country"
name = "China"
aliases = ["China", "中国", "PRC"]
summary = "A country."
iso = "CHN"
"#;

fn catalog() -> &'static Catalog {
    static CATALOG_CELL: OnceLock<Catalog> = OnceLock::new();
    CATALOG_CELL.get_or_init(|| {
        let (entities, diags) = parse_catalog(CATALOG, "entities.toml");
        assert!(diags.is_empty(), "{diags:?}");
        Catalog::merge([entities])
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok((commentary, _)) = parse_commentary(text, "fuzz.md") {
        let (linked, _) = link_commentary(&commentary, catalog(), "fuzz.md");
        common::check(&commentary, &linked);
    }
});
