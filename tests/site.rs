//! `commentary-reader build --site`: the reading page and the embed fragment written beside a
//! folder's bundle, with the widget's files named relatively (reading page) or from the site's
//! root (embed), their SRI hashes, and the commentary prerendered in a stamped shadow root.

use std::path::{Path, PathBuf};

use commentary_reader::bundle::{self, Compiled};
use commentary_reader::compile::compile;
use commentary_reader::site::Site;
use commentary_reader::ui::prerender::{digest_html, Stamp};

/// A site folder in the target directory with the seed copied in and a widget folder holding
/// only its `integrity.json`.
fn site(name: &str) -> (PathBuf, PathBuf) {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&root);
    let folder = root.join("commentaries/seed");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::create_dir_all(root.join("commentary-reader")).unwrap();
    let integrity = r#"{"commentary-reader.js":"sha384-JS","commentary-reader.css":"sha384-CSS","commentary-reader-core.js":"sha384-CORE"}"#;
    std::fs::write(root.join("commentary-reader/integrity.json"), integrity).unwrap();
    for file in ["commentary.md", "entities.toml", "map.toml"] {
        std::fs::copy(Path::new("static/commentaries/belarus-china-relations-2024").join(file), folder.join(file)).unwrap();
    }
    (root, folder)
}

fn pages(name: &str) -> (String, String) {
    let (root, folder) = site(name);
    let (compiled, _) = compile(&folder);
    let bytes = bundle::encode(&compiled);
    let Compiled::Ready(loaded) = compiled else { panic!("the seed compiles") };
    Site::open(&root).unwrap().write_pages(&folder, loaded, &bytes).unwrap();
    (std::fs::read_to_string(folder.join("index.html")).unwrap(), std::fs::read_to_string(folder.join("embed.html")).unwrap())
}

/// The prerendered root's markup and its stamp, from a page.
fn root_of(page: &str) -> (Stamp, String) {
    let start = page.find("data-cr-prerender=\"").expect("a stamped root") + "data-cr-prerender=\"".len();
    let stamp = Stamp::parse(&page[start..start + page[start..].find('"').unwrap()]).expect("a readable stamp");
    let body_start = start + page[start..].find('>').unwrap() + 1;
    let body_end = page.rfind("</div></template>").unwrap();
    (stamp, page[body_start..body_end].to_owned())
}

#[test]
fn the_reading_page_has_its_head_the_widget_relatively_and_the_text_prerendered() {
    let (index, _) = pages("site-index");
    assert!(index.starts_with("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"));
    assert!(index.contains("<title>Belarus-China Relations amid Geostrategic Challenges — Centre for Eurasian Studies (AVIM)</title>"));
    assert!(index.contains("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"OpinionNewsArticle\""));
    // Two levels down from the site's root; the hashes from integrity.json.
    assert!(index.contains("<script type=\"module\" src=\"../../commentary-reader/commentary-reader.js\" integrity=\"sha384-JS\"></script>"));
    assert!(index.contains("<link rel=\"stylesheet\" href=\"../../commentary-reader/commentary-reader.css\" integrity=\"sha384-CSS\">"));
    assert!(index.contains("<link rel=\"preload\" href=\"commentary.bundle\" as=\"fetch\" crossorigin>"));
    assert!(index.contains("<commentary-reader src=\"commentary.bundle\"><template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"../../commentary-reader/commentary-reader.css\">"));
    // The stamp describes the markup written (what the element checks before hydrating).
    let (stamp, body) = root_of(&index);
    assert_eq!(stamp.markup, digest_html(&body));
    assert!(body.contains("<h1 id=\"cr-title\""));
    // No canonical address without the front matter's `url`.
    assert!(!index.contains("rel=\"canonical\""));
}

#[test]
fn the_embed_names_everything_from_the_sites_root_and_carries_the_same_render() {
    let (index, embed) = pages("site-embed");
    assert!(embed.starts_with("<!-- commentary-reader: "));
    assert!(embed.contains("<script type=\"module\" src=\"/commentary-reader/commentary-reader.js\" integrity=\"sha384-JS\"></script>"));
    assert!(embed.contains("<commentary-reader src=\"/commentaries/seed/commentary.bundle\">"));
    assert!(embed.contains("<script type=\"application/ld+json\">"));
    assert!(!embed.contains("<!doctype") && !embed.contains("<html") && !embed.contains("<head>"), "a fragment, not a page");
    // The element's src differs, the render does not: the text and its stamp's markup are the same.
    assert_eq!(root_of(&index).0.markup, root_of(&embed).0.markup);
}

#[test]
fn a_site_without_the_widgets_hashes_is_refused_with_a_message() {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("site-missing");
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&root).unwrap();
    let error = Site::open(&root).err().expect("refused");
    assert!(error.contains("integrity.json: cannot be read"), "{error}");
    assert!(error.contains("build the widget's folder first"), "{error}");
}
