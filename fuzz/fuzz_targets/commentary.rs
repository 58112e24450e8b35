//! Front matter + Markdown: any text either parses or gives a located error; never a panic,
//! never unbounded recursion. What parses is linked against a small fixed catalog.
#![no_main]
use commentary_reader::content::catalog::{parse_catalog, Catalog};
use commentary_reader::content::{link_commentary, parse_commentary};
use libfuzzer_sys::fuzz_target;

const CATALOG: &str = "[[entity]]\nid = \"minsk\"\nkind = \"place\"\nname = \"Minsk\"\naliases = [\"Minsk\", \"Minsk Dialogue\"]\nsummary = \"A city.\"\nlat = 53.9\nlon = 27.56\n";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok((commentary, _)) = parse_commentary(text, "fuzz.md") {
        let (entities, _) = parse_catalog(CATALOG, "entities.toml");
        let _ = link_commentary(&commentary, &Catalog::merge([entities]), "fuzz.md");
    }
});
