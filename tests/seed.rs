//! The seed commentary as an editor wrote it: it parses without warnings, its catalog is
//! clean, and every entity the card issue lists has a mention in the rendered text.

use commentary_compiler::catalog::parse_catalog;
use commentary_compiler::{link_commentary, parse_commentary};
use commentary_reader::content::catalog::{Catalog, EntityKind};
use commentary_reader::content::Inline;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/static/commentaries/belarus-china-relations-2024/");

fn read(name: &str) -> String {
    std::fs::read_to_string(format!("{DIR}{name}")).unwrap_or_else(|e| panic!("{DIR}{name}: {e}"))
}

#[test]
fn the_seed_parses_without_warnings() {
    let (commentary, warnings) = parse_commentary(&read("commentary.md"), "commentary.md").unwrap();
    assert!(warnings.is_empty(), "{warnings:#?}");
    assert_eq!(commentary.front.title, "Belarus-China Relations amid Geostrategic Challenges");
}

#[test]
fn every_listed_entity_is_mentioned_and_has_a_card() {
    let (commentary, _) = parse_commentary(&read("commentary.md"), "commentary.md").unwrap();
    let (entities, diags) = parse_catalog(&read("entities.toml"), "entities.toml");
    assert!(diags.is_empty(), "{diags:#?}");
    let catalog = Catalog::merge([entities]);
    let (linked, warnings) = link_commentary(&commentary, &catalog, "commentary.md");
    assert!(warnings.is_empty(), "{warnings:#?}");

    let required = [
        "lukashenko",
        "preiherman",
        "minsk-dialogue",
        "avim",
        "bri",
        "eaeu",
        "cis",
        "union-state",
        "eu",
        "belarus",
        "china",
        "beijing",
        "minsk",
        "ukraine",
        "donbas",
        "crimea",
        "russia",
    ];
    for id in required {
        let index = catalog.index_of(id).unwrap_or_else(|| panic!("no entity `{id}` in the catalog"));
        let entity = catalog.get(index);
        assert!(!entity.name.is_empty() && !entity.summary.is_empty());
        assert!(!linked.mentions.of(&entity.id).is_empty(), "`{id}` is never mentioned");
    }
    // The key figures: each is a figure or event with at least one mention; the two shares
    // and the capacity range carry charts.
    let figures: Vec<_> = catalog.entities().iter().filter(|e| matches!(e.kind, EntityKind::Figure | EntityKind::Event)).collect();
    assert!(figures.len() >= 5, "{} figures", figures.len());
    for f in &figures {
        assert!(!linked.mentions.of(&f.id).is_empty(), "figure `{}` is never mentioned", f.id);
    }
    for charted in ["0,404%", "0,144%", "25-40%"] {
        let figure = figures.iter().find(|f| f.aliases.iter().any(|a| a == charted)).unwrap_or_else(|| panic!("no figure for {charted}"));
        assert!(figure.chart.is_some(), "`{}` has no chart", figure.id);
    }
    // Countries carry their ISO code for the map.
    for (id, iso) in [("belarus", "BLR"), ("china", "CHN"), ("ukraine", "UKR"), ("russia", "RUS")] {
        assert_eq!(catalog.get(catalog.index_of(id).unwrap()).iso.as_deref(), Some(iso));
    }
    // "Belarus-China" yields both countries, in order.
    let commentary_reader::content::Block::Paragraph { content, .. } = &linked.body.blocks[0] else {
        panic!("the body starts with a paragraph")
    };
    let ids: Vec<&str> = content
        .iter()
        .filter_map(|i| match i {
            Inline::Mention { id, .. } => Some(id.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(ids, ["belarus", "china"]);
}

#[test]
fn the_seed_map_resolves_and_lays_out_cleanly() {
    use commentary_compiler::{spec, topojson};
    use commentary_reader::geo::scene;
    let (spec, diags) = spec::parse_map(&read("map.toml"), "map.toml");
    assert!(diags.is_empty(), "{diags:#?}");
    let spec = spec.unwrap();
    let (entities, _) = parse_catalog(&read("entities.toml"), "entities.toml");
    let catalog = Catalog::merge([entities]);
    let basemap = topojson::decode(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/static/basemaps/eurasia.topo.json")).unwrap(),
        "countries",
    )
    .unwrap();
    let sections = vec!["long-established-relations-that-took-off-in-the-2010s".to_owned()];
    let (scene, warnings) = scene::resolve(spec, &catalog, basemap, Some(&sections), "map.toml");
    assert!(warnings.is_empty(), "{warnings:#?}");
    assert_eq!(scene.routes.len(), 3);
    for r in &scene.routes {
        assert!(r.stops.contains(&"minsk".to_owned()) && r.stops.contains(&"brest".to_owned()), "{} avoids Belarus", r.id);
    }
    assert_eq!(scene.stop("great-stone").unwrap().entity.as_deref(), Some("great-stone"), "the Great Stone marker opens its card");
    assert_eq!(scene.groups_of("POL"), ["eu"], "Poland lights up with mentions of the EU");
    assert_eq!(scene.groups_of("BLR"), ["eaeu"]);
    let eaeu = scene.bounds_of_entity("eaeu").unwrap();
    assert!(eaeu.min.lon < 45.0 && eaeu.max.lon > 150.0, "the EAEU's box spans Armenia to Chukotka: {eaeu:?}");
    assert!(scene.bounds_of_entity("lukashenko").is_none(), "people are not on the map");
    assert_eq!(scene.stop("minsk").unwrap().entity.as_deref(), Some("minsk"), "Minsk's marker opens its card");
    assert_eq!(scene.stops.iter().filter(|s| s.gauge_break).count(), 4);
    assert_eq!(scene.spec.highlights[scene.highlight_of["BLR"]].label, "Belarus", "Belarus is emphasised over the EAEU");
    let layout = scene::layout(&scene, scene.home(), 640.0, 440.0);
    assert!(layout.markers.iter().any(|m| m.id == "great-stone"));
    assert_eq!(layout.routes.len(), 3);
    // At the whole view Belarus is a few pixels under its markers: its name gives way to them
    // rather than lie under them (it read "B… RUSSIA").
    for (w, h) in [(640.0, 440.0), (300.0, 240.0), (390.0, 292.0)] {
        let l = scene::overlay(&scene, scene.home(), w, h);
        let boxes: Vec<_> = l.labels.iter().map(|t| (t.text.clone(), label_box(t))).collect();
        for (i, (a, ra)) in boxes.iter().enumerate() {
            for (b, rb) in &boxes[i + 1..] {
                assert!(!ra.overlaps(rb), "{w}×{h}: {a} overlaps {b}");
            }
            for m in &l.markers {
                assert!(!ra.overlaps(&m.dot()), "{w}×{h}: {a} lies on the marker of {}", m.id);
            }
        }
    }
    // Crowded markers are spread so their targets do not overlap, close to their places.
    let spread = |a: &scene::MarkerShape, b: &scene::MarkerShape| (a.at.x - b.at.x).hypot(a.at.y - b.at.y);
    let minsk = layout.markers.iter().find(|m| m.id == "minsk").unwrap();
    let stone = layout.markers.iter().find(|m| m.id == "great-stone").unwrap();
    assert!(spread(minsk, stone) > (minsk.place.x - stone.place.x).hypot(minsk.place.y - stone.place.y), "Great Stone stays under Minsk");
    for m in &layout.markers {
        assert!((m.at.x - m.place.x).hypot(m.at.y - m.place.y) <= scene::MARKER_SHIFT + 1e-9);
    }

    // A small side-column map labels only the countries whose names fit inside them.
    let small = scene::overlay(&scene, scene.home(), 300.0, 240.0);
    let names: Vec<&str> = small.labels.iter().filter(|l| l.country).map(|l| l.text.as_str()).collect();
    assert!(!names.contains(&"CYPRUS") && !names.contains(&"AUSTRIA"), "{names:?}");
    // Zoomed in on Poland and Belarus, Poland's name fits.
    let europe = commentary_reader::geo::projection::Bounds {
        min: commentary_reader::geo::projection::LonLat { lon: 13.0, lat: 48.0 },
        max: commentary_reader::geo::projection::LonLat { lon: 33.0, lat: 57.0 },
    };
    let zoomed = scene::overlay(&scene, europe, 300.0, 240.0);
    assert!(zoomed.labels.iter().any(|l| l.text == "POLAND"), "{:?}", zoomed.labels);
    assert!(zoomed.labels.iter().any(|l| l.text == "BELARUS"), "where it has room, Belarus is named: {:?}", zoomed.labels);
}

/// A label's box as drawn (its baseline anchor and the estimated width), halo excluded.
fn label_box(l: &commentary_reader::geo::scene::LabelShape) -> commentary_reader::geo::rect::Rect {
    use commentary_reader::geo::metrics::{Estimate, LabelStyle, Widths};
    let style = if l.country { LabelStyle::Country } else { LabelStyle::Place };
    let w = Estimate.width(&l.text, style);
    let left = match l.anchor {
        "start" => l.x,
        "end" => l.x - w,
        _ => l.x - w / 2.0,
    };
    commentary_reader::geo::rect::Rect { left, top: l.y - style.size() * 0.85, width: w, height: style.size() }
}

#[test]
fn each_block_knows_its_mentions_and_together_they_are_the_whole_index() {
    // The reader re-renders only the blocks whose mentions a card or highlight concerns.
    let (commentary, _) = parse_commentary(&read("commentary.md"), "commentary.md").unwrap();
    let (entities, _) = parse_catalog(&read("entities.toml"), "entities.toml");
    let (linked, _) = link_commentary(&commentary, &Catalog::merge([entities]), "commentary.md");
    let all: Vec<(usize, String)> = linked.body.blocks.iter().flat_map(|b| b.mentions()).map(|(m, id)| (m, id.to_string())).collect();
    let index: Vec<(usize, String)> = linked.mentions.by_ordinal.iter().enumerate().map(|(m, id)| (m, id.to_string())).collect();
    // The body's mentions come first; the author's role and the closing note hold the rest.
    assert!(all.len() > 30 && all.len() < index.len());
    assert_eq!(all, index[..all.len()]);
}
