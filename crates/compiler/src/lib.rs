//! commentary-reader's compiler: an editor's folder (`commentary.md` with its front matter, the
//! entity catalogs, `map.toml`, a TopoJSON base map) read, linked and checked into the
//! [`bundle::Loaded`] the reader downloads, every problem located (`file:line:column`).
//!
//! It runs natively (the validator, `build`, the tools) and in the browser's compiler module
//! (for a `src` naming a `commentary.md`), never in the reader's wasm: the reader depends on
//! `commentary-core` alone, so it cannot call a parser (`scripts/check-layers.sh` checks its
//! dependency tree for this crate and for every crate only the parsers use).
//!
//! Modules (docs/architecture.md draws them):
//! - the readers of each format: [`front_matter`] and [`markdown`] (a `commentary.md`,
//!   [`parse_commentary`]), [`catalog`] (entities and their translations), [`spec`]
//!   (`map.toml`), [`topojson`] (base maps); [`toml_read`] and [`toml_de`], the TOML layer they
//!   share;
//! - [`linker`]: mentions found in the text ([`link_commentary`]);
//! - [`folder`]: the pipeline (what a commentary needs, one severity policy, the finished
//!   commentary), without I/O; [`compile`] drives it from disk (natively), the reader
//!   package's `web::compiler` from the network;
//! - [`lint`]: how the commentary uses its catalog, checked once the text is linked and the map
//!   drawn.
#![deny(missing_docs)]

use commentary_core::{bundle, content, geo};

pub mod candidates;
pub mod catalog;
#[cfg(not(target_arch = "wasm32"))]
pub mod compile;
pub mod folder;
pub mod front_matter;
pub mod gazetteer;
pub mod inflections;
pub mod linker;
pub mod lint;
pub mod markdown;
pub mod spec;
pub mod suggestions;
pub mod toml_de;
pub mod toml_read;
pub mod topojson;

use content::catalog::Catalog;
use content::{Commentary, ContentError, Diagnostic, Linked};

/// Parses a whole `commentary.md`. `file` names it in messages. Returns the commentary and
/// warnings, or the error that keeps it from rendering.
pub fn parse_commentary(source: &str, file: &str) -> Result<(Commentary, Vec<Diagnostic>), ContentError> {
    let split = front_matter::split(source, file)?;
    let (front, mut warnings) = front_matter::parse(split.toml, split.toml_first_line, file)?;
    let (body, body_warnings) = markdown::parse_body(split.body, split.body_first_line, file);
    warnings.extend(body_warnings);
    Ok((Commentary { front, body }, warnings))
}

/// Links the body and the closing texts of `commentary` to `catalog`. `file` names the
/// commentary in warnings (unknown explicit ids, aliases claimed twice).
pub fn link_commentary(commentary: &Commentary, catalog: &Catalog, file: &str) -> (Linked, Vec<Diagnostic>) {
    let linker = linker::Linker::new(catalog);
    let mut warnings: Vec<Diagnostic> = linker
        .collisions
        .iter()
        .map(|(alias, loser, winner)| {
            // Located where the winner's aliases are written (the catalog), else at the text's top.
            let source = catalog.index_of(winner.as_str()).and_then(|i| catalog.get(i).source.0.clone());
            let (at_file, at) = source.map_or((file.to_owned(), (1, 1)), |(f, l, c)| (f, (l, c)));
            Diagnostic::warning(
                &at_file,
                at,
                format!("the alias `{alias}` belongs to both `{loser}` and `{winner}`; mentions go to `{winner}`"),
            )
        })
        .collect();
    let mut linking = linker::Linking::new(catalog, &linker, commentary.front.mentions, file);
    let mut body = commentary.body.clone();
    linking.document(&mut body);
    let bios = commentary.front.authors.iter().map(|a| (linking.text(&a.name), a.role.as_deref().map(|r| linking.text(r)))).collect();
    let note = commentary.front.publication.as_ref().and_then(|p| p.note.as_deref()).map(|n| linking.text(n));
    warnings.append(&mut linking.warnings);
    (Linked { body, bios, note, mentions: linking.mentions }, warnings)
}
