//! Every commentary folder under `static/commentaries/` loads the way the widget loads it —
//! front matter, body, catalog, links, map against the bundled base map — with no warning.
//! (The validator CLI of the robustness issue will report the same things with locations.)

use commentary_compiler::catalog::parse_catalog;
use commentary_compiler::{link_commentary, parse_commentary};
use commentary_compiler::{spec, topojson};
use commentary_reader::content::catalog::Catalog;
use commentary_reader::content::Block;
use commentary_reader::geo::scene;

#[test]
fn every_commentary_folder_loads_without_warnings() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/static/commentaries");
    let basemap = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/static/basemaps/eurasia.topo.json")).unwrap();
    let mut folders: Vec<_> = std::fs::read_dir(root).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_dir()).collect();
    folders.sort();
    assert!(folders.len() >= 2, "the seed and the second demo commentary: {folders:?}");
    for folder in folders {
        let read = |name: &str| std::fs::read_to_string(folder.join(name)).ok();
        let name = folder.display().to_string();
        let (commentary, mut warnings) =
            parse_commentary(&read("commentary.md").unwrap_or_else(|| panic!("{name}: no commentary.md")), "commentary.md")
                .unwrap_or_else(|e| panic!("{name}: {e}"));
        let (entities, diags) = parse_catalog(&read("entities.toml").unwrap_or_default(), "entities.toml");
        warnings.extend(diags);
        let catalog = Catalog::merge([entities]);
        let (linked, link_warnings) = link_commentary(&commentary, &catalog, "commentary.md");
        warnings.extend(link_warnings);
        if let Some(text) = read("map.toml") {
            let (map, diags) = spec::parse_map(&text, "map.toml");
            warnings.extend(diags);
            let sections: Vec<String> = linked
                .body
                .blocks
                .iter()
                .filter_map(|b| match b {
                    Block::Heading { id, .. } => Some(id.clone()),
                    _ => None,
                })
                .collect();
            let (scene, diags) = scene::resolve(
                map.expect("map.toml parses"),
                &catalog,
                topojson::decode(&basemap, "countries").unwrap(),
                Some(&sections),
                "map.toml",
            );
            warnings.extend(diags);
            assert!(!scene.routes.is_empty() || !scene.stops.is_empty(), "{name}: the map shows nothing");
            for chapter in &scene.spec.chapters {
                assert!(scene.bounds_of(&chapter.focus).is_some(), "{name}: chapter `{}` focuses on nothing drawable", chapter.section);
            }
        }
        for entity in catalog.entities() {
            let on_map = read("map.toml").is_some();
            assert!(!linked.mentions.of(&entity.id).is_empty() || on_map, "{name}: `{}` is neither mentioned nor on a map", entity.id);
        }
        assert!(warnings.is_empty(), "{name}: {warnings:#?}");
    }
}
