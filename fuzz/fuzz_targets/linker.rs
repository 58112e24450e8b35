//! The entity linker: the input is a catalog and a commentary separated by a line `===`.
//! Any catalog (however broken) and any text link without panicking.
#![no_main]
use commentary_reader::content::catalog::{parse_catalog, Catalog};
use commentary_reader::content::{link_commentary, parse_commentary};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (catalog, body) = text.split_once("\n===\n").unwrap_or(("", text));
    let (entities, _) = parse_catalog(catalog, "entities.toml");
    let source = format!("+++\ntitle = \"F\"\ndate = 2024-01-01\nlang = \"en\"\n+++\n{body}");
    if let Ok((commentary, _)) = parse_commentary(&source, "fuzz.md") {
        let _ = link_commentary(&commentary, &Catalog::merge([entities]), "fuzz.md");
    }
});
