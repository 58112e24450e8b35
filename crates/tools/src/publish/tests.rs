use super::*;
use crate::content::{ArticleKind, Author, Publication};
use commentary_compiler::parse_commentary;
use serde_json::Value;

const SEED: &str = include_str!("../../../../static/commentaries/belarus-china-relations-2024/commentary.md");

fn seed() -> (FrontMatter, String) {
    let (c, _) = parse_commentary(SEED, "commentary.md").unwrap();
    let first = first_paragraph(&c.body);
    (c.front, first)
}

/// The JSON-LD of a head, parsed back.
fn ld(head: &str) -> Value {
    let start =
        head.find("<script type=\"application/ld+json\">").expect("a JSON-LD script") + "<script type=\"application/ld+json\">".len();
    let end = start + head[start..].find("</script>").expect("the script ends");
    serde_json::from_str(&head[start..end]).expect("the JSON-LD parses")
}

fn front(title: &str) -> FrontMatter {
    FrontMatter { title: title.to_owned(), ..commentary_compiler::front_matter::stand_in() }
}

#[test]
fn a_short_description_is_kept_with_its_whitespace_collapsed() {
    assert_eq!(description(&front("T"), "  One\n short\tparagraph.  "), "One short paragraph.");
    let exactly: String = "a".repeat(DESCRIPTION_MAX);
    assert_eq!(description(&front("T"), &exactly), exactly, "at the limit, unchanged");
}

#[test]
fn a_long_paragraph_is_cut_on_a_word_boundary_with_an_ellipsis() {
    // 40 words of four letters: 199 characters.
    let text = vec!["word"; 40].join(" ");
    let d = description(&front("T"), &text);
    assert_eq!(d, format!("{}…", vec!["word"; 32].join(" ")), "{d}");
    assert!(d.chars().count() <= DESCRIPTION_MAX);
    // A cut right after a word keeps it; punctuation before the cut is dropped.
    let text = format!("{}, then more words follow here", "x".repeat(DESCRIPTION_MAX - 1));
    assert_eq!(description(&front("T"), &text), format!("{}…", "x".repeat(DESCRIPTION_MAX - 1)), "the comma goes, the word stays");
    assert_eq!(
        description(&front("T"), &"x".repeat(200)),
        format!("{}…", "x".repeat(DESCRIPTION_MAX - 1)),
        "one word too long is cut inside"
    );
    let text = format!("{} abcdefgh, more text that goes on and on", "y".repeat(145));
    assert_eq!(description(&front("T"), &text), format!("{} abcdefgh…", "y".repeat(145)));
    // Whitespace runs count as one space.
    let spaced = vec!["word"; 40].join(" \n\t ");
    assert_eq!(description(&front("T"), &spaced), format!("{}…", vec!["word"; 32].join(" ")));
    // Characters, not bytes.
    let cyrillic = vec!["слово"; 40].join(" ");
    let d = description(&front("T"), &cyrillic);
    assert_eq!(d, format!("{}…", vec!["слово"; 26].join(" ")));
    assert!(d.chars().count() <= DESCRIPTION_MAX);
    let chinese = "中".repeat(200);
    assert_eq!(description(&front("T"), &chinese), format!("{}…", "中".repeat(DESCRIPTION_MAX - 1)));
}

#[test]
fn the_front_matters_description_wins_and_the_title_stands_in_for_no_text() {
    let mut f = front("The title");
    assert_eq!(description(&f, ""), "The title");
    f.description = Some("Given,\n  in two lines.".to_owned());
    assert_eq!(description(&f, "The first paragraph."), "Given, in two lines.");
    let long = vec!["word"; 60].join(" ");
    f.description = Some(long.clone());
    assert_eq!(description(&f, "x"), long, "the editor's own description is not cut");
}

#[test]
fn the_seed_gives_a_head_whose_json_ld_reads_back() {
    let (front, first) = seed();
    assert!(first.starts_with("Recent developments in Belarus-China relations demonstrate"), "{first}");
    let head = head(&PageMeta::new(&front, &first));
    let d = description(&front, &first);
    assert_eq!(
        d,
        "Recent developments in Belarus-China relations demonstrate that both countries continue to perceive each other as attractive partners, despite ongoing…"
    );
    let ld = ld(&head);
    assert_eq!(ld["@context"], "https://schema.org");
    assert_eq!(ld["@type"], "OpinionNewsArticle");
    assert_eq!(ld["headline"], "Belarus-China Relations amid Geostrategic Challenges");
    assert_eq!(ld["description"], d.as_str());
    assert_eq!(ld["datePublished"], "2024-02-14");
    assert_eq!(ld["inLanguage"], "en");
    assert_eq!(
        ld["author"],
        serde_json::json!([{ "@type": "Person", "name": "Yauheni Preiherman", "jobTitle": "Director, Minsk Dialogue Council on International Relations" }])
    );
    assert_eq!(
        ld["publisher"],
        serde_json::json!({ "@type": "Organization", "name": "Centre for Eurasian Studies (AVIM)", "url": "https://avim.org.tr/" })
    );
    for absent in ["url", "mainEntityOfPage", "image"] {
        assert!(ld.get(absent).is_none(), "{absent} without a canonical address or image");
    }
    let lines: Vec<&str> = head.lines().collect();
    let (named, og, twitter) = (
        format!("<meta name=\"description\" content=\"{d}\">"),
        format!("<meta property=\"og:description\" content=\"{d}\">"),
        format!("<meta name=\"twitter:description\" content=\"{d}\">"),
    );
    assert_eq!(
        &lines[..lines.len() - 1],
        [
            "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<title>Belarus-China Relations amid Geostrategic Challenges — Centre for Eurasian Studies (AVIM)</title>",
            named.as_str(),
            "<meta property=\"og:type\" content=\"article\">",
            "<meta property=\"og:title\" content=\"Belarus-China Relations amid Geostrategic Challenges\">",
            og.as_str(),
            "<meta property=\"og:locale\" content=\"en_US\">",
            "<meta property=\"article:published_time\" content=\"2024-02-14\">",
            "<meta property=\"article:author\" content=\"Yauheni Preiherman\">",
            "<meta name=\"twitter:card\" content=\"summary\">",
            "<meta name=\"twitter:title\" content=\"Belarus-China Relations amid Geostrategic Challenges\">",
            twitter.as_str(),
        ]
    );
    assert!(!head.contains("canonical") && !head.contains("hreflang") && !head.contains("og:url"), "{head}");
}

#[test]
fn a_known_address_gives_canonical_hreflang_og_url_and_the_json_ld_its_url() {
    let (mut front, first) = seed();
    front.url = Some("https://example.org/commentaries/belarus-china-relations-2024/?a=1&b=2".to_owned());
    front.lang = "zh-Hans".to_owned();
    front.kind = ArticleKind::AnalysisNewsArticle;
    let mut meta = PageMeta::new(&front, &first);
    meta.image = Some("https://example.org/commentaries/belarus-china-relations-2024/map.png");
    let head = head(&meta);
    let href = "https://example.org/commentaries/belarus-china-relations-2024/?a=1&amp;b=2";
    for line in [
        format!("<link rel=\"canonical\" href=\"{href}\">"),
        format!("<link rel=\"alternate\" hreflang=\"zh-Hans\" href=\"{href}\">"),
        format!("<link rel=\"alternate\" hreflang=\"x-default\" href=\"{href}\">"),
        format!("<meta property=\"og:url\" content=\"{href}\">"),
        "<meta property=\"og:image\" content=\"https://example.org/commentaries/belarus-china-relations-2024/map.png\">".to_owned(),
        "<meta property=\"og:locale\" content=\"zh_CN\">".to_owned(),
        "<meta name=\"twitter:card\" content=\"summary_large_image\">".to_owned(),
        "<meta name=\"twitter:image\" content=\"https://example.org/commentaries/belarus-china-relations-2024/map.png\">".to_owned(),
    ] {
        assert!(head.lines().any(|l| l == line), "missing {line}\n{head}");
    }
    let ld = ld(&head);
    let url = "https://example.org/commentaries/belarus-china-relations-2024/?a=1&b=2";
    assert_eq!((ld["url"].as_str(), ld["mainEntityOfPage"].as_str()), (Some(url), Some(url)));
    assert_eq!(ld["image"], "https://example.org/commentaries/belarus-china-relations-2024/map.png");
    assert_eq!((ld["@type"].as_str(), ld["inLanguage"].as_str()), (Some("AnalysisNewsArticle"), Some("zh-Hans")));
    assert!(json_ld(&meta).contains("?a=1\\u0026b=2"), "& is escaped in the script too");
}

#[test]
fn hostile_text_comes_out_inert() {
    let mut f = front("</script><script>alert(1)</script>");
    f.description = Some("\"><img src=x onerror=alert(1)> & 'x'".to_owned());
    f.authors = vec![Author {
        name: "<!-- Eve --> </SCRIPT".to_owned(),
        role: Some("</script>".to_owned()),
        url: Some("javascript:alert(1)".to_owned()),
    }];
    f.publication = Some(Publication { publisher: "P & \"Q\"".to_owned(), url: Some("avim.org.tr".to_owned()), note: None });
    let meta = PageMeta {
        front: &f,
        first_paragraph: "",
        canonical: Some("https://example.org/\"><script>"),
        lang: "en\"><x",
        image: None,
        image_alt: None,
        alternates: &[],
        translation: false,
        site: SiteMeta { name: Some("</title><x>"), feed: Some("https://example.org/\"><x>"), ..SiteMeta::default() },
        oembed: Some("https://example.org/'><y>"),
    };
    let head = head(&meta);
    let lines: Vec<&str> = head.lines().collect();
    assert!(lines.contains(&"<meta property=\"og:site_name\" content=\"&lt;/title&gt;&lt;x&gt;\">"), "{head}");
    assert!(
        head.contains("href=\"https://example.org/&quot;&gt;&lt;x&gt;\">")
            && head.contains("href=\"https://example.org/&#39;&gt;&lt;y&gt;\">"),
        "{head}"
    );
    assert_eq!(lines[2], "<title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; — P &amp; &quot;Q&quot;</title>");
    assert_eq!(lines[3], "<meta name=\"description\" content=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &#39;x&#39;\">");
    assert_eq!(lines[4], "<link rel=\"canonical\" href=\"https://example.org/&quot;&gt;&lt;script&gt;\">");
    assert_eq!(lines[5], "<link rel=\"alternate\" hreflang=\"en&quot;&gt;&lt;x\" href=\"https://example.org/&quot;&gt;&lt;script&gt;\">");
    assert!(lines.contains(&"<meta property=\"og:title\" content=\"&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">"), "{head}");
    assert!(lines.contains(&"<meta property=\"article:author\" content=\"&lt;!-- Eve --&gt; &lt;/SCRIPT\">"), "{head}");
    let script = lines.last().unwrap();
    assert_eq!(
        *script,
        concat!(
            r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"OpinionNewsArticle","#,
            r#""headline":"\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e","#,
            r#""description":"\"\u003e\u003cimg src=x onerror=alert(1)\u003e \u0026 'x'","inLanguage":"en\"\u003e\u003cx","#,
            r#""datePublished":"1970-01-01","dateModified":"1970-01-01","#,
            r#""author":[{"@type":"Person","name":"\u003c!-- Eve --\u003e \u003c/SCRIPT","jobTitle":"\u003c/script\u003e"}],"#,
            r#""publisher":{"@type":"Organization","name":"P \u0026 \"Q\""},"#,
            r#""mainEntityOfPage":"https://example.org/\"\u003e\u003cscript\u003e","url":"https://example.org/\"\u003e\u003cscript\u003e"}</script>"#,
        )
    );
    // Inside the script: no `<` at all, so no `</script`, `<!--` or `<script`.
    let body = &script["<script type=\"application/ld+json\">".len()..script.len() - "</script>".len()];
    assert!(!body.contains('<'), "{body}");
    // Every other tag: its only `<` and `>` are its own, and its quotes pair up.
    for line in &lines[..lines.len() - 1] {
        let inner = line.strip_prefix("<title>").and_then(|l| l.strip_suffix("</title>")).map_or(&line[1..line.len() - 1], |t| t);
        assert!(!inner.contains(['<', '>']), "{line}");
        assert_eq!(line.matches('"').count() % 2, 0, "{line}");
    }
    assert!(!head.to_ascii_lowercase().replace("</script>\n", "").contains("</script"), "{head}");
    // The values read back as written; the unsafe addresses are left out.
    let ld = ld(&head);
    assert_eq!(ld["headline"], "</script><script>alert(1)</script>");
    assert_eq!(ld["author"][0]["name"], "<!-- Eve --> </SCRIPT");
    assert!(ld["author"][0].get("url").is_none() && ld["publisher"].get("url").is_none(), "{ld}");
}

#[test]
fn og_locale_is_language_and_territory() {
    for (tag, locale) in [
        ("en", Some("en_US")),
        ("en-GB", Some("en_GB")),
        ("ru", Some("ru_RU")),
        ("be", Some("be_BY")),
        ("pt_br", Some("pt_BR")),
        ("zh-Hans", Some("zh_CN")),
        ("zh-Hant", Some("zh_TW")),
        ("zh-Hant-HK", Some("zh_HK")),
        ("uk", Some("uk_UA")),
        ("xx", None),
        ("", None),
        ("en\"><x", None),
    ] {
        assert_eq!(og_locale(tag).as_deref(), locale, "{tag}");
    }
}

#[test]
fn hreflang_names_only_absolute_addresses() {
    let (front, first) = seed();
    let alternates = [
        Alternate { lang: "en".to_owned(), href: "index.html".to_owned() },
        Alternate { lang: "ru".to_owned(), href: "https://example.org/ru/".to_owned() },
    ];
    let meta = PageMeta { alternates: &alternates, translation: false, ..PageMeta::new(&front, &first) };
    let head = head(&meta);
    let hreflang: Vec<&str> = head.lines().filter(|l| l.contains("hreflang")).collect();
    assert_eq!(hreflang, ["<link rel=\"alternate\" hreflang=\"ru\" href=\"https://example.org/ru/\">"], "{head}");
    assert!(head.contains("<meta property=\"og:locale:alternate\" content=\"ru_RU\">"), "{head}");
}

#[test]
fn the_title_names_the_publisher_only_when_there_is_one() {
    let (front, _) = seed();
    assert_eq!(page_title(&front), "Belarus-China Relations amid Geostrategic Challenges — Centre for Eurasian Studies (AVIM)");
    assert_eq!(page_title(&self::front("Alone")), "Alone");
}

#[test]
fn the_first_paragraph_is_the_first_top_level_one_as_plain_text() {
    let (c, _) = parse_commentary(
        "+++\ntitle = \"T\"\ndate = 2024-01-01\n+++\n## Heading\n\n> Quoted.\n\nThe *first* [one](https://x.y).\n\nSecond.\n",
        "c.md",
    )
    .unwrap();
    assert_eq!(first_paragraph(&c.body), "The first one.");
    let (c, _) = parse_commentary("+++\ntitle = \"T\"\ndate = 2024-01-01\n+++\n## Only a heading\n", "c.md").unwrap();
    assert_eq!(first_paragraph(&c.body), "");
}
