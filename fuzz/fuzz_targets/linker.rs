//! The entity linker: the input is a catalog (any TOML, however broken) and a Markdown body
//! separated by a line `===` (no such line: all body, empty catalog). Parsing the catalog,
//! the commentary and linking never panic, and the result keeps the invariants of
//! `common::check`.
#![no_main]
use commentary_compiler::catalog::parse_catalog;
use commentary_compiler::{link_commentary, parse_commentary};
use commentary_reader::content::catalog::Catalog;
use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (catalog, body) = text.split_once("\n===\n").unwrap_or(("", text));
    let (entities, _) = parse_catalog(catalog, "entities.toml");
    let source = format!("+++\ntitle = \"F\"\ndate = 2024-01-01\nlang = \"en\"\n+++\n{body}");
    if let Ok((commentary, _)) = parse_commentary(&source, "fuzz.md") {
        let (linked, _) = link_commentary(&commentary, &Catalog::merge([entities]), "fuzz.md");
        common::check(&commentary, &linked);
    }
});
