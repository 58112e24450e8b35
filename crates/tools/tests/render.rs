//! The server's render of the seed: its text and map in a stamped shadow root.

use commentary_reader::bundle::{self, Compiled, Loaded};
use commentary_reader::stamp::Stamp;
use commentary_tools::render::render;

fn seed() -> (Loaded, Vec<u8>) {
    let (compiled, _) = commentary_compiler::compile::compile(
        &std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("static/commentaries/belarus-china-relations-2024"),
    );
    let bytes = bundle::encode(&compiled);
    match compiled {
        Compiled::Ready(loaded) => (loaded, bytes),
        Compiled::Failed { message, .. } => panic!("the seed compiles: {message}"),
    }
}

#[test]
fn the_seed_renders_its_text_and_map_into_a_stamped_shadow_root() {
    let (loaded, bytes) = seed();
    let paragraphs =
        loaded.linked.body.blocks.iter().filter(|b| matches!(b, commentary_reader::content::markdown::Block::Paragraph { .. })).count();
    let html = render(loaded, &bytes, Some("en")).shadow_root("../../commentary-reader/commentary-reader.css");
    assert!(html
        .starts_with("<template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"../../commentary-reader/commentary-reader.css\">"));
    assert!(html.contains("Belarus-China Relations amid Geostrategic Challenges"));
    assert!(html.contains("Yauheni Preiherman"));
    assert_eq!(html.matches("<p id=\"p-").count(), paragraphs, "every paragraph, with its anchor");
    // The map is drawn at its prerendered size, countries and all.
    assert!(html.contains("viewBox=\"0 0 480 360\""));
    assert!(html.contains("class=\"cr-countries\""));
    // Not live: no mention is a button yet, and the stamp reads back.
    assert!(html.contains("data-mention=\"0\""));
    assert!(!html.contains("role=\"button\""));
    let stamp = html.split("data-cr-prerender=\"").nth(1).and_then(|s| s.split('"').next()).expect("a stamp");
    let stamp = Stamp::parse(stamp).expect("a readable stamp");
    assert!(stamp.markup.blocks.iter().any(|(id, _, _)| id == "p-1"));
}

#[test]
fn the_map_alone_is_drawn_at_each_size_in_its_home_view_and_every_chapters() {
    let (loaded, _) = seed();
    let chapters = loaded.map.scene().expect("the seed has a map").spec.chapters.len();
    let views = commentary_tools::render::map_views(&loaded);
    assert_eq!(views.len(), 2 * (chapters + 1), "home and {chapters} chapters, at two sizes");
    for (size, width) in [(0, "380"), (1, "480")] {
        let at: Vec<_> = views.iter().filter(|(s, _, _)| *s == size).collect();
        assert_eq!(at[0].1, "", "the home view first");
        assert_eq!(at[1].1, "intro", "then the chapters, as map.toml names their sections");
        for (_, chapter, svg) in &at {
            assert!(svg.starts_with(&format!("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\"")), "{chapter}: {}", &svg[..80]);
            assert!(svg.contains("class=\"cr-countries\"") && svg.contains("class=\"cr-label\""), "{chapter}: countries and labels");
        }
        // Each chapter shows its own part of the map: no two views draw the same.
        let mut distinct: Vec<&String> = at.iter().map(|(_, _, svg)| svg).collect();
        distinct.dedup();
        assert_eq!(distinct.len(), at.len());
    }
}
