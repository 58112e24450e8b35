//! Compiling a commentary folder from disk, for the validator and `build`: a driver of the
//! [`folder::Pipeline`] that answers its requests by reading files, and decides nothing
//! itself (what a missing or unreadable file means is the pipeline's policy, the same in the
//! browser). Native only: it never fetches a remote file ([`Failure::NotFetched`]), so a bundle
//! is the same on any machine, and the widget's base map is built in.
//!
//! Files are named relative to the folder (`commentary.md`, `entities.toml`,
//! `../shared/entities.toml`; [`Naming::Folder`]), never by where the folder happens to be: the
//! names end up in the bundle, which readers see (error box, debug panel, console), and the
//! same folder must compile to the same bytes on any machine. The validator puts the folder as
//! it was given in front of each name when it prints them.

use std::path::Path;

use crate::bundle::Compiled;
use crate::content::Diagnostic;
use crate::folder::{self, Address, Answer, Failure, Naming, Pipeline, Purpose};

/// The base map the widget ships (`static/basemaps/eurasia.topo.json`), used when `map.toml`
/// names none: [`folder::DEFAULT_BASEMAP_PATH`] among the widget's files.
pub const DEFAULT_BASEMAP_TEXT: &str = include_str!("../../../static/basemaps/eurasia.topo.json");

/// One folder compiled (or why it cannot be shown), and every problem of it, sorted by file and
/// position ([`Purpose::Check`]: a front matter with errors fails the bundle, but the body, the
/// catalogs and the map are still checked). Every file name in both is relative to `dir`.
pub fn compile(dir: &Path) -> (Compiled, Vec<Diagnostic>) {
    let mut pipeline = Pipeline::new(Purpose::Check, Naming::Folder);
    while !pipeline.requests().is_empty() {
        for request in pipeline.requests().to_vec() {
            let answer = read(dir, &request.address);
            pipeline.admit(&request, answer);
        }
    }
    pipeline.finish()
}

/// The folder compiled in every language it is published in ([`folder::compile_all`]), its
/// files read from `dir`.
pub fn compile_all(dir: &Path) -> Vec<(Option<String>, Compiled, Vec<Diagnostic>)> {
    folder::compile_all(Purpose::Check, Naming::Folder, &mut |request| read(dir, &request.address))
}

/// The file at `address`, as `dir`'s folder has it.
fn read(dir: &Path, address: &Address) -> Answer {
    match address {
        Address::Folder(name) => match std::fs::read_to_string(dir.join(name)) {
            Ok(text) => Answer::Text(text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Answer::Absent,
            Err(e) => Answer::Failed(Failure::Unreadable(e.to_string())),
        },
        Address::Remote(_) => Answer::Failed(Failure::NotFetched),
        Address::Widget(name) if name == folder::DEFAULT_BASEMAP_PATH => Answer::Text(DEFAULT_BASEMAP_TEXT.to_owned()),
        Address::Widget(name) if name == crate::gazetteer::PATH => Answer::Text(crate::gazetteer::TEXT.to_owned()),
        // The binary carries no other file of the widget's.
        Address::Widget(_) => Answer::Absent,
    }
}
