//! `commentary-reader build --site`: the reading page and the embed fragment written beside a
//! folder's bundle, with the widget's files named relatively (reading page) or from the site's
//! root (embed), their SRI hashes, and the commentary prerendered in a stamped shadow root.

use std::path::{Path, PathBuf};

use commentary_compiler::compile::compile;
use commentary_reader::bundle::{self, Compiled};
use commentary_reader::stamp::{digest_html, Stamp};
use commentary_tools::site::Site;

/// A site folder in the target directory with the seed copied in and a widget folder holding
/// only its `integrity.json`.
fn site(name: &str) -> (PathBuf, PathBuf) {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&root);
    let folder = root.join("commentaries/seed");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::create_dir_all(root.join("commentary-reader")).unwrap();
    let integrity =
        r#"{"commentary-reader.js":"sha384-JS","commentary-reader.css":"sha384-CSS","commentary-reader-core.js":"sha384-CORE"}"#;
    std::fs::write(root.join("commentary-reader/integrity.json"), integrity).unwrap();
    for file in ["commentary.md", "entities.toml", "map.toml"] {
        std::fs::copy(
            Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../static/commentaries/belarus-china-relations-2024")).join(file),
            folder.join(file),
        )
        .unwrap();
    }
    (root, folder)
}

fn pages(name: &str) -> (String, String) {
    let (root, folder) = site(name);
    let (compiled, _) = compile(&folder);
    let bytes = bundle::encode(&compiled);
    let Compiled::Ready(loaded) = compiled else { panic!("the seed compiles") };
    Site::open(&root).unwrap().0.write_pages(&folder, None, loaded, &bytes).unwrap();
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
    assert!(
        index.contains("<script type=\"module\" src=\"../../commentary-reader/commentary-reader.js\" integrity=\"sha384-JS\"></script>")
    );
    assert!(index.contains("<link rel=\"stylesheet\" href=\"../../commentary-reader/commentary-reader.css\" integrity=\"sha384-CSS\">"));
    // The page paints first: the stylesheet before the preloads, the code and the bundle
    // preloaded at low priority, after the HTML and its stylesheet.
    let preload = "<link rel=\"preload\" href=\"commentary.bundle\" as=\"fetch\" crossorigin fetchpriority=\"low\">";
    assert!(index.contains(preload));
    assert!(index.contains("type=\"application/wasm\" crossorigin fetchpriority=\"low\">"));
    assert!(index.contains("commentary-reader-core.js\" integrity=\"sha384-CORE\" fetchpriority=\"low\">"));
    let stylesheet = index.find("<link rel=\"stylesheet\"").unwrap();
    assert!(["rel=\"modulepreload\"", "rel=\"preload\""].iter().all(|p| index.find(p).is_some_and(|at| at > stylesheet)));
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

/// Every language's pages of the seed (copied with its translation, each front matter given
/// the extra lines `front`), as `build --site` writes them: `(file name, text)`, and the
/// translation's messages.
fn language_pages(name: &str, front: &[(&str, &str)]) -> (Vec<(String, String)>, Vec<String>) {
    let (root, folder) = site(name);
    for file in ["commentary.ru.md", "entities.ru.toml"] {
        std::fs::copy(
            Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../static/commentaries/belarus-china-relations-2024")).join(file),
            folder.join(file),
        )
        .unwrap();
    }
    for (file, line) in front {
        let text = std::fs::read_to_string(folder.join(file)).unwrap();
        std::fs::write(folder.join(file), text.replacen("+++\n", &format!("+++\n{line}\n"), 1)).unwrap();
    }
    let (site, _) = Site::open(&root).unwrap();
    let mut messages = Vec::new();
    for (lang, compiled, diagnostics) in commentary_compiler::compile::compile_all(&folder) {
        messages.extend(diagnostics.iter().map(|d| d.to_string()));
        let bytes = bundle::encode(&compiled);
        let Compiled::Ready(loaded) = compiled else { panic!("the seed compiles in {lang:?}") };
        site.write_pages(&folder, lang.as_deref(), loaded, &bytes).unwrap();
    }
    let mut written: Vec<(String, String)> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".html"))
        .map(|n| (n.clone(), std::fs::read_to_string(folder.join(&n)).unwrap()))
        .collect();
    written.sort();
    (written, messages)
}

/// The JSON-LD of a page, parsed.
fn json_ld(page: &str) -> serde_json::Value {
    let start = page.find("<script type=\"application/ld+json\">").expect("JSON-LD") + "<script type=\"application/ld+json\">".len();
    serde_json::from_str(&page[start..start + page[start..].find("</script>").unwrap()]).unwrap()
}

#[test]
fn a_commentary_in_two_languages_has_a_reading_page_and_an_embed_in_each_naming_each_other() {
    let (pages, messages) = language_pages("site-languages", &[]);
    assert!(messages.is_empty(), "{messages:?}");
    let names: Vec<&str> = pages.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["embed.html", "embed.ru.html", "index.html", "index.ru.html"]);
    let page = |name: &str| pages.iter().find(|(n, _)| n == name).unwrap().1.as_str();
    // Without addresses there are no `hreflang` links: search engines ignore relative ones.
    for (name, lang, bundle, title) in [
        ("index.html", "en", "commentary.bundle", "Belarus-China Relations amid Geostrategic Challenges"),
        ("index.ru.html", "ru", "commentary.ru.bundle", "Белорусско-китайские отношения в условиях геостратегических вызовов"),
    ] {
        let html = page(name);
        assert!(html.starts_with(&format!("<!doctype html>\n<html lang=\"{lang}\">\n")), "{name}");
        assert!(
            !html.contains("hreflang=\"en\" href=\"index.html\"") && !html.contains("<link rel=\"alternate\""),
            "{name}: no relative alternates"
        );
        assert!(!html.contains("rel=\"canonical\""), "{name}: no canonical address without a url");
        assert!(html.contains("<link rel=\"icon\" href=\"data:,\">\n</head>"), "{name}: an empty icon, so no request for /favicon.ico");
        let (lang_territory, other) = if lang == "en" { ("en_US", "ru_RU") } else { ("ru_RU", "en_US") };
        assert!(
            html.contains(&format!(
                "<meta property=\"og:locale\" content=\"{lang_territory}\">\n<meta property=\"og:locale:alternate\" content=\"{other}\">"
            )),
            "{name}"
        );
        assert!(html.contains(&format!("<commentary-reader src=\"{bundle}\">")), "{name}: its language's bundle");
        assert!(
            html.contains(&format!("<link rel=\"preload\" href=\"{bundle}\" as=\"fetch\" crossorigin fetchpriority=\"low\">")),
            "{name}"
        );
        let ld = json_ld(html);
        assert_eq!((ld["inLanguage"].as_str(), ld["headline"].as_str()), (Some(lang), Some(title)), "{name}");
        assert!(ld.get("workTranslation").is_none() && ld.get("translationOfWork").is_none(), "{name}: only absolute addresses are linked");
        let (stamp, body) = root_of(html);
        assert_eq!(stamp.markup, digest_html(&body), "{name}: the stamp describes the markup");
        assert!(body.contains(&format!("<article lang=\"{lang}\" aria-labelledby=\"cr-title\"")), "{name}: the article's language");
    }
    assert!(root_of(page("index.ru.html")).1.contains("Пекин"), "the Russian page's text is the translation");
    // Without JavaScript each page links to the other language's, in the prerendered switch.
    assert!(root_of(page("index.html"))
        .1
        .contains("<li><a href=\"index.ru.html\" hreflang=\"ru\" lang=\"ru\" data-lang=\"ru\">Русский</a></li>"));
    assert!(root_of(page("index.ru.html"))
        .1
        .contains("<li><a href=\"index.html\" hreflang=\"en\" lang=\"en\" data-lang=\"en\">English</a></li>"));
    assert!(
        root_of(page("index.ru.html")).1.contains("data-lang=\"ru\" aria-current=\"true\">Русский</a>"),
        "the language shown is marked"
    );
    // Deep links: paragraph N is paragraph N in both.
    let paragraphs = |name: &str| root_of(page(name)).1.matches("<p id=\"p-").count();
    assert_eq!(paragraphs("index.html"), paragraphs("index.ru.html"));
    // The embeds: from the site's root, each its language's bundle and JSON-LD.
    assert!(page("embed.ru.html").contains("<commentary-reader src=\"/commentaries/seed/commentary.ru.bundle\">"));
    assert_eq!(json_ld(page("embed.ru.html"))["inLanguage"], "ru");
    assert_eq!(json_ld(page("embed.html"))["inLanguage"], "en");
}

#[test]
fn with_their_addresses_the_pages_name_each_other_absolutely_and_the_json_ld_links_the_translation() {
    let (pages, messages) = language_pages(
        "site-languages-urls",
        &[("commentary.md", "url = \"https://example.org/c/\""), ("commentary.ru.md", "url = \"https://example.org/ru/c/\"")],
    );
    assert!(messages.is_empty(), "{messages:?}");
    let page = |name: &str| pages.iter().find(|(n, _)| n == name).unwrap().1.as_str();
    let alternates = "<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/c/\">\n<link rel=\"alternate\" hreflang=\"ru\" href=\"https://example.org/ru/c/\">\n<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.org/c/\">\n";
    assert!(page("index.html").contains(&format!("<link rel=\"canonical\" href=\"https://example.org/c/\">\n{alternates}")));
    assert!(page("index.ru.html").contains(&format!("<link rel=\"canonical\" href=\"https://example.org/ru/c/\">\n{alternates}")));
    let (en, ru) = (json_ld(page("index.html")), json_ld(page("index.ru.html")));
    assert_eq!(
        en["workTranslation"],
        serde_json::json!([{ "@type": "OpinionNewsArticle", "inLanguage": "ru", "url": "https://example.org/ru/c/" }])
    );
    assert_eq!(
        ru["translationOfWork"],
        serde_json::json!({ "@type": "OpinionNewsArticle", "inLanguage": "en", "url": "https://example.org/c/" })
    );
    assert_eq!(ru["url"], "https://example.org/ru/c/");
}

#[test]
fn a_translation_without_the_address_its_original_gives_is_warned_about() {
    let (pages, messages) = language_pages("site-languages-one-url", &[("commentary.md", "url = \"https://example.org/c/\"")]);
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(messages[0].starts_with("commentary.ru.md:1:1: warning: "), "{}", messages[0]);
    assert!(messages[0].contains("index.ru.html") && messages[0].contains("give its `url`"), "{}", messages[0]);
    // Only the original, whose address is known, is named (with x-default).
    let index = &pages.iter().find(|(n, _)| n == "index.html").unwrap().1;
    let hreflang: Vec<&str> = index.lines().filter(|l| l.starts_with("<link rel=\"alternate\"")).collect();
    assert_eq!(
        hreflang,
        [
            "<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/c/\">",
            "<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.org/c/\">"
        ]
    );
}
