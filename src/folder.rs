//! Loading a commentary folder, step by step, shared by the widget (which fetches the files)
//! and the validator `commentary-reader check` (which reads them from disk): both take the same
//! steps, so the validator reports exactly what readers would meet.
//!
//! 1. [`side_refs`]: which catalogs and map the front matter asks for (or the defaults).
//! 2. [`merge_catalogs`], then `content::link_commentary`, then [`sections`].
//! 3. [`read_map`], then [`build_scene`] once the base map is at hand.

use std::rc::Rc;

use crate::content::catalog::{parse_catalog, Catalog};
use crate::content::{Block, Diagnostic, FrontMatter, Inline, Linked, Severity};
use crate::geo::scene::{self, Scene};
use crate::geo::spec::{self, MapSpec};
use crate::geo::topojson;

/// The base map used when `map.toml` names none, relative to the widget's own files.
pub const DEFAULT_BASEMAP: &str = "basemaps/eurasia.topo.json";

/// Everything a commentary folder provides, parsed, linked and resolved: what the reader
/// shows. The compiler (native `commentary-reader build`, or the browser's compiler module)
/// makes it from the folder's files; the reader gets it from a bundle (`crate::bundle`).
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// Absolute URL of the file the reader loaded; relative links resolve against it.
    pub url: String,
    /// The front matter.
    pub front: FrontMatter,
    /// The merged entity catalogs (later files override earlier ones by id).
    pub catalog: Catalog,
    /// The commentary's texts linked to the catalog.
    pub linked: Linked,
    /// The map, if the folder has one: drawn, or why it cannot be.
    pub map: Option<Result<Rc<Scene>, String>>,
    /// The top-level sections in reading order: `("intro", "")`, then each heading's slug
    /// and text. Map chapters name them.
    pub sections: Vec<(String, String)>,
    /// Warnings from every file, located.
    pub warnings: Vec<Diagnostic>,
}

/// A text file of the folder: its name (a URL in the widget, a path in the validator).
#[derive(Debug, Clone, PartialEq)]
pub struct TextFile {
    /// URL or path, as messages name it.
    pub name: String,
    /// Contents.
    pub text: String,
}

/// The name of the file `reference` points to, as written in the file named `from`. Names are
/// `/`-separated and relative to the commentary's folder (`commentary.md`, `maps/map.toml`,
/// `../shared/entities.toml`), so messages and bundles say the same wherever the folder is.
/// `.` steps and `dir/..` pairs are taken out; an absolute reference stays as written.
pub fn name_beside(from: &str, reference: &str) -> String {
    if reference.starts_with('/') {
        return reference.to_owned();
    }
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop(); // `from` itself: the reference is relative to its folder.
    for part in reference.split('/') {
        match part {
            "" | "." => {}
            ".." if parts.last().is_some_and(|p| *p != "..") => {
                parts.pop();
            }
            part => parts.push(part),
        }
    }
    parts.join("/")
}

/// The side files a commentary asks for.
#[derive(Debug, Clone, PartialEq)]
pub struct SideRefs {
    /// Entity catalogs, relative to `commentary.md`.
    pub catalogs: Vec<String>,
    /// The front matter named them (a missing one is then worth a warning).
    pub explicit_catalogs: bool,
    /// The map, relative to `commentary.md`.
    pub map: String,
    /// The front matter named it.
    pub explicit_map: bool,
}

/// What the front matter asks for; `entities.toml` and `map.toml` by default.
pub fn side_refs(front: &FrontMatter) -> SideRefs {
    SideRefs {
        catalogs: front.entities.clone().unwrap_or_else(|| vec!["entities.toml".to_owned()]),
        explicit_catalogs: front.entities.is_some(),
        map: front.map.clone().unwrap_or_else(|| "map.toml".to_owned()),
        explicit_map: front.map.is_some(),
    }
}

/// Parses every catalog (later ones override earlier ones by id); their problems go to `warnings`.
pub fn merge_catalogs(files: &[TextFile], warnings: &mut Vec<Diagnostic>) -> Catalog {
    Catalog::merge(files.iter().map(|file| {
        let (entities, diagnostics) = parse_catalog(&file.text, &file.name);
        warnings.extend(diagnostics);
        entities
    }))
}

/// The top-level sections in reading order: `("intro", "")`, then each heading's slug and text.
/// Map chapters name them.
pub fn sections(linked: &Linked) -> Vec<(String, String)> {
    let mut sections = vec![("intro".to_owned(), String::new())];
    sections.extend(linked.body.blocks.iter().filter_map(|b| match b {
        Block::Heading { id, content, .. } => Some((id.clone(), Inline::plain_text(content))),
        _ => None,
    }));
    sections
}

/// Parses `map.toml`. Problems inside it go to `warnings` (the rest still draws); `Err` says
/// why there is no map at all.
pub fn read_map(file: &TextFile, warnings: &mut Vec<Diagnostic>) -> Result<MapSpec, String> {
    let (spec, diagnostics) = spec::parse_map(&file.text, &file.name);
    let first_error = diagnostics.iter().find(|d| d.severity == Severity::Error).map(ToString::to_string);
    warnings.extend(diagnostics);
    spec.ok_or_else(|| first_error.unwrap_or_else(|| format!("{}: the map could not be read", file.name)))
}

/// Resolves the map against its base map and the catalog.
pub fn build_scene(spec: MapSpec, basemap: &TextFile, catalog: &Catalog, sections: &[(String, String)], map_file: &str, warnings: &mut Vec<Diagnostic>) -> Result<Rc<Scene>, String> {
    let countries = topojson::decode(&basemap.text, "countries").map_err(|e| format!("{}: {e}", basemap.name))?;
    let slugs: Vec<String> = sections.iter().skip(1).map(|(slug, _)| slug.clone()).collect();
    let (scene, diagnostics) = scene::resolve(spec, catalog, countries, &slugs, map_file);
    warnings.extend(diagnostics);
    Ok(Rc::new(scene))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_relative_to_the_folder_whatever_file_wrote_the_reference() {
        assert_eq!(name_beside("commentary.md", "entities.toml"), "entities.toml");
        assert_eq!(name_beside("commentary.md", "./data/entities.toml"), "data/entities.toml");
        assert_eq!(name_beside("commentary.md", "../shared/entities.toml"), "../shared/entities.toml");
        assert_eq!(name_beside("maps/map.toml", "../basemaps/x.topo.json"), "basemaps/x.topo.json");
        assert_eq!(name_beside("maps/map.toml", "../../basemaps/x.topo.json"), "../basemaps/x.topo.json");
        assert_eq!(name_beside("../shared/map.toml", "../../x.json"), "../../x.json");
        assert_eq!(name_beside("commentary.md", "/srv/shared/entities.toml"), "/srv/shared/entities.toml", "the editor's own absolute path");
    }
}
