//! `commentary-reader build --site` as a publication: the repo's two commentaries built into a
//! site with a `site.toml`, then read back as a search engine, a feed reader and an oEmbed
//! consumer would: the archive page, `sitemap.xml`, `feed.xml`, each page's `oembed.json` and
//! the reading pages' canonical addresses and discovery links. Every address a file names is
//! checked to be a file the build wrote.

use std::path::{Path, PathBuf};

use commentary_compiler::compile::compile_all;
use commentary_reader::bundle::{self, Compiled};
use commentary_tools::site::Site;

const BASE: &str = "https://tank.example/briefs/";

/// The repo's commentaries copied into a fresh site folder with `settings` as its site.toml,
/// built as `build --site` builds them; returns the site's folder.
fn build(name: &str, settings: Option<&str>) -> PathBuf {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join("commentary-reader")).unwrap();
    std::fs::write(root.join("commentary-reader/integrity.json"), r#"{"archive.css":"sha384-ARCHIVE"}"#).unwrap();
    if let Some(settings) = settings {
        std::fs::write(root.join("site.toml"), settings).unwrap();
    }
    let mut folders = Vec::new();
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../../static/commentaries")).unwrap() {
        let from = entry.unwrap().path();
        let to = root.join("commentaries").join(from.file_name().unwrap());
        std::fs::create_dir_all(&to).unwrap();
        for file in std::fs::read_dir(&from).unwrap() {
            let file = file.unwrap().path();
            std::fs::copy(&file, to.join(file.file_name().unwrap())).unwrap();
        }
        folders.push(to);
    }
    let (site, problems) = Site::open(&root).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    let mut pages = Vec::new();
    for folder in &folders {
        for (lang, compiled, _) in compile_all(folder) {
            let bytes = bundle::encode(&compiled);
            std::fs::write(folder.join(bundle::file_name(lang.as_deref())), &bytes).unwrap();
            let Compiled::Ready(loaded) = compiled else { panic!("{} compiles", folder.display()) };
            pages.push(site.write_pages(folder, lang.as_deref(), loaded, &bytes).unwrap());
        }
    }
    site.finish(&pages).unwrap();
    root
}

fn read(root: &Path, path: &str) -> String {
    std::fs::read_to_string(root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The file an absolute address of the site names (a folder's address is its `index.html`).
fn file_of(root: &Path, address: &str) -> PathBuf {
    let path = address.strip_prefix(BASE).unwrap_or_else(|| panic!("{address} is not the site's"));
    let path = path.split(['?', '#']).next().unwrap();
    let file = if path.is_empty() || path.ends_with('/') { format!("{path}index.html") } else { path.to_owned() };
    let file = root.join(file);
    assert!(file.is_file(), "{address} names no file the build wrote ({})", file.display());
    file
}

/// Every value of `attribute="…"` in `text` on the lines that contain `marker`.
fn values<'a>(text: &'a str, marker: &str, attribute: &str) -> Vec<&'a str> {
    let key = format!("{attribute}=\"");
    let mut found = Vec::new();
    for line in text.lines().filter(|l| l.contains(marker)) {
        for (i, _) in line.match_indices(&key) {
            let start = i + key.len();
            found.push(&line[start..start + line[start..].find('"').unwrap()]);
        }
    }
    found
}

/// The text of every `<tag>…</tag>` in `xml`.
fn elements<'a>(xml: &'a str, tag: &str) -> Vec<&'a str> {
    let (open, close) = (format!("<{tag}>"), format!("</{tag}>"));
    xml.match_indices(&open).map(|(i, _)| &xml[i + open.len()..i + open.len() + xml[i + open.len()..].find(&close).unwrap()]).collect()
}

const SETTINGS: &str = "url = \"https://tank.example/briefs\"\nname = \"Tank Briefs\"\nlogo = \"logo.png\"\n[publisher]\nname = \"Tank\"\n";

#[test]
fn the_sitemap_lists_every_reading_page_and_the_archive_with_their_languages() {
    let root = build("publication-sitemap", Some(SETTINGS));
    let sitemap = read(&root, "sitemap.xml");
    let locs = elements(&sitemap, "loc");
    // Then a page per entity the commentaries discuss.
    let (pages, entities) = locs.split_at(4);
    assert!(entities.len() > 20 && entities.iter().all(|l| l.starts_with("https://tank.example/briefs/entities/")), "{entities:?}");
    assert!(entities.contains(&"https://tank.example/briefs/entities/china/"));
    assert_eq!(
        pages,
        [
            "https://tank.example/briefs/commentaries/",
            "https://tank.example/briefs/commentaries/rail-freight-land-bridge/",
            "https://tank.example/briefs/commentaries/belarus-china-relations-2024/",
            "https://tank.example/briefs/commentaries/belarus-china-relations-2024/index.ru.html",
        ]
    );
    for loc in &locs {
        file_of(&root, loc);
    }
    assert_eq!(elements(&sitemap, "lastmod"), ["2025-03-01", "2025-03-01", "2024-02-14", "2024-02-14"]);
    // The seed's two pages name each other, the original as the default.
    let alternates = values(&sitemap, "xhtml:link", "hreflang");
    assert_eq!(alternates, ["en", "ru", "x-default", "en", "ru", "x-default"]);
}

#[test]
fn the_feed_has_one_entry_per_commentary_newest_first_with_its_translations() {
    let root = build("publication-feed", Some(SETTINGS));
    let feed = read(&root, "feed.xml");
    assert!(feed.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">"));
    assert_eq!(
        elements(&feed, "title"),
        ["Tank Briefs", "Rail freight across the Eurasian land bridge", "Belarus-China Relations amid Geostrategic Challenges"]
    );
    let ids = elements(&feed, "id");
    assert_eq!(
        ids[1..],
        [
            "https://tank.example/briefs/commentaries/rail-freight-land-bridge/",
            "https://tank.example/briefs/commentaries/belarus-china-relations-2024/"
        ]
    );
    assert_eq!(elements(&feed, "published"), ["2025-03-01T00:00:00Z", "2024-02-14T00:00:00Z"]);
    assert_eq!(elements(&feed, "updated")[0], "2025-03-01T00:00:00Z");
    assert!(feed.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://tank.example/briefs/feed.xml\"/>"));
    assert!(feed.contains("<link rel=\"alternate\" type=\"text/html\" hreflang=\"ru\" href=\"https://tank.example/briefs/commentaries/belarus-china-relations-2024/index.ru.html\"/>"));
    assert!(feed.contains("<author><name>Yauheni Preiherman</name></author>"));
    for href in values(&feed, "<link", "href") {
        if !href.ends_with("feed.xml") {
            file_of(&root, href);
        }
    }
}

#[test]
fn every_reading_page_is_canonical_and_discoverable_as_an_oembed() {
    let root = build("publication-pages", Some(SETTINGS));
    let seed = "commentaries/belarus-china-relations-2024/";
    for (page, address) in [("index.html", format!("{BASE}{seed}")), ("index.ru.html", format!("{BASE}{seed}index.ru.html"))] {
        let html = read(&root, &format!("{seed}{page}"));
        assert_eq!(values(&html, "rel=\"canonical\"", "href"), [address.as_str()], "{page}");
        assert_eq!(values(&html, "og:url", "content"), [address.as_str()], "{page}");
        assert_eq!(values(&html, "og:site_name", "content"), ["Tank Briefs"], "{page}");
        assert_eq!(values(&html, "application/atom+xml", "href"), ["https://tank.example/briefs/feed.xml"]);
        let oembed_address = values(&html, "application/json+oembed", "href");
        assert_eq!(oembed_address.len(), 1, "{page}");
        let oembed: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(file_of(&root, oembed_address[0])).unwrap()).unwrap();
        assert_eq!((oembed["version"].as_str(), oembed["type"].as_str()), (Some("1.0"), Some("rich")));
        assert_eq!(oembed["provider_url"], BASE);
        // The iframe shows this language's bundle through the widget's embed page.
        let iframe = oembed["html"].as_str().unwrap();
        let src = values(iframe, "<iframe", "src")[0];
        let bundle = if page == "index.html" { "commentary.bundle" } else { "commentary.ru.bundle" };
        assert_eq!(src, format!("https://tank.example/briefs/commentary-reader/embed.html?src=/briefs/{seed}{bundle}"));
        assert!(root.join(seed).join(bundle).is_file());
    }
    // The JSON-LD: the front matter's publisher; the site's for a commentary without one, with
    // the site's logo.
    let ld = |path: &str| -> serde_json::Value {
        let html = read(&root, path);
        let start = html.find("<script type=\"application/ld+json\">").unwrap() + 35;
        serde_json::from_str(&html[start..start + html[start..].find("</script>").unwrap()]).unwrap()
    };
    let seed_ld = ld(&format!("{seed}index.html"));
    assert_eq!(seed_ld["publisher"]["name"], "Centre for Eurasian Studies (AVIM)");
    assert_eq!((seed_ld["datePublished"].as_str(), seed_ld["dateModified"].as_str()), (Some("2024-02-14"), Some("2024-02-14")));
    assert_eq!(seed_ld["mainEntityOfPage"], format!("{BASE}{seed}"));
    // The embed fragment names the bundle and the widget from the host's root, under the site's path.
    let embed = read(&root, &format!("{seed}embed.html"));
    assert!(embed.contains("<script type=\"module\" src=\"/briefs/commentary-reader/commentary-reader.js\"></script>"), "{embed}");
    assert!(embed.contains(&format!("<commentary-reader src=\"/briefs/{seed}commentary.bundle\">")));
}

/// The width and height a PNG file says it has (its IHDR chunk).
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "a PNG");
    assert_eq!(&bytes[12..16], b"IHDR");
    let be = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (be(16), be(20))
}

#[test]
fn every_page_has_a_share_picture_of_1200_by_630_that_its_head_names() {
    let root = build("publication-pictures", Some(SETTINGS));
    for (page, picture) in [
        ("commentaries/belarus-china-relations-2024/index.html", "commentaries/belarus-china-relations-2024/share.png"),
        ("commentaries/belarus-china-relations-2024/index.ru.html", "commentaries/belarus-china-relations-2024/share.ru.png"),
        ("commentaries/rail-freight-land-bridge/index.html", "commentaries/rail-freight-land-bridge/share.png"),
    ] {
        let html = read(&root, page);
        let address = format!("{BASE}{picture}");
        assert_eq!(values(&html, "og:image\"", "content"), [address.as_str()], "{page}");
        assert_eq!(values(&html, "twitter:image\"", "content"), [address.as_str()], "{page}");
        assert_eq!(values(&html, "twitter:card", "content"), ["summary_large_image"], "{page}");
        assert_eq!((values(&html, "og:image:width", "content"), values(&html, "og:image:height", "content")), (vec!["1200"], vec!["630"]));
        let alt = values(&html, "og:image:alt", "content");
        assert!(alt.len() == 1 && alt[0].len() > 20, "{page}: {alt:?}");
        let bytes = std::fs::read(file_of(&root, &address)).unwrap();
        assert_eq!(png_size(&bytes), (1200, 630), "{picture}");
        // A picture, not an empty canvas: the map and the title take many colours.
        assert!(bytes.len() > 40_000, "{picture}: {} bytes", bytes.len());
    }
    let html = read(&root, "commentaries/belarus-china-relations-2024/index.html");
    let start = html.find("<script type=\"application/ld+json\">").unwrap() + 35;
    let ld: serde_json::Value = serde_json::from_str(&html[start..start + html[start..].find("</script>").unwrap()]).unwrap();
    assert_eq!(ld["image"], format!("{BASE}commentaries/belarus-china-relations-2024/share.png"));
}

#[test]
fn the_archive_lists_each_commentary_once_newest_first_linking_every_language() {
    let root = build("publication-archive", Some(SETTINGS));
    let archive = read(&root, "commentaries/index.html");
    assert!(archive.starts_with("<!doctype html>\n<html lang=\"en\">"));
    assert_eq!(elements(&archive, "h1"), ["Tank Briefs"]);
    let titles: Vec<&str> = archive.lines().filter(|l| l.starts_with("<h2>")).collect();
    assert_eq!(
        titles,
        [
            "<h2><a href=\"rail-freight-land-bridge/\">Rail freight across the Eurasian land bridge</a></h2>",
            "<h2><a href=\"belarus-china-relations-2024/\">Belarus-China Relations amid Geostrategic Challenges</a></h2>",
        ]
    );
    assert!(archive.contains("<time datetime=\"2024-02-14\">February 14, 2024</time>"));
    // A small map of each, drawn beside its pages.
    let maps = values(&archive, "cr-archive-map", "src");
    assert_eq!(maps, ["rail-freight-land-bridge/map.svg", "belarus-china-relations-2024/map.svg"]);
    for map in maps {
        let svg = read(&root, &format!("commentaries/{map}"));
        assert!(
            svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"360\" height=\"240\"") && svg.contains("class=\"cr-country"),
            "{map}"
        );
    }
    assert!(archive.contains("<a href=\"belarus-china-relations-2024/index.ru.html\" hreflang=\"ru\" lang=\"ru\">Русский</a>"));
    assert!(archive.contains("<link rel=\"stylesheet\" href=\"../commentary-reader/archive.css\" integrity=\"sha384-ARCHIVE\">"));
    assert_eq!(values(&archive, "rel=\"canonical\"", "href"), ["https://tank.example/briefs/commentaries/"]);
    for href in values(&archive, "<a href", "href") {
        let file = if href.ends_with('/') { format!("{href}index.html") } else { href.to_owned() };
        assert!(root.join("commentaries").join(file).is_file(), "{href}");
    }
}

#[test]
fn without_the_sites_address_nothing_claims_to_be_absolute() {
    let root = build("publication-no-address", Some("name = \"Tank Briefs\"\n"));
    for file in ["sitemap.xml", "feed.xml", "commentaries/belarus-china-relations-2024/oembed.json"] {
        assert!(!root.join(file).exists(), "{file} was written without the site's address");
    }
    let page = read(&root, "commentaries/belarus-china-relations-2024/index.html");
    for absent in ["rel=\"canonical\"", "og:url", "<link rel=\"alternate\" hreflang=", "application/json+oembed", "application/atom+xml"] {
        assert!(!page.contains(absent), "{absent} without the site's address");
    }
    assert!(page.contains("<meta property=\"og:site_name\" content=\"Tank Briefs\">"));
    // The picture is drawn, but not named: a preview needs its full address.
    assert!(root.join("commentaries/belarus-china-relations-2024/share.png").is_file());
    assert!(!page.contains("og:image") && page.contains("<meta name=\"twitter:card\" content=\"summary\">"));
    // The archive still lists them, relatively.
    assert!(read(&root, "commentaries/index.html").contains("<a href=\"belarus-china-relations-2024/\">"));
    // And a site with no site.toml at all builds as before.
    let bare = build("publication-no-settings", None);
    assert!(bare.join("commentaries/index.html").is_file());
    assert!(!read(&bare, "commentaries/rail-freight-land-bridge/index.html").contains("og:site_name"));
}
