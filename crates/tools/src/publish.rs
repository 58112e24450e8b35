//! The reading page's metadata: the `<head>` of `dist/commentaries/<slug>/index.html`, what
//! browsers, search engines and link previews read before any script runs.
//!
//! [`head`] writes the tags from a [`PageMeta`]: charset, viewport, `<title>`, the description,
//! the canonical address (when known) and the `hreflang` alternates (the page's own language
//! when its address is known; every language of a commentary published in several),
//! OpenGraph and Twitter card tags, and the schema.org JSON-LD ([`json_ld`]). Every text the
//! editor wrote goes through [`escape`] in an attribute or element, and the JSON-LD is written
//! by serde_json with `<`, `>` and `&` as `\u003c`, `\u003e`, `\u0026`, so no title can close
//! the script or open a tag. The description follows one rule, [`description`]: the front
//! matter's, or the text's first paragraph ([`first_paragraph`]) shortened to
//! [`DESCRIPTION_MAX`] characters on a word boundary.
//!
//! Pure string building: no web-sys, no Yew (the page's body is rendered elsewhere).

use serde::Serialize;

use crate::content::links::is_absolute_web_url;
use crate::content::{Block, Document, FrontMatter, Inline};

/// What the reading page's `<head>` is made from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageMeta<'a> {
    /// The commentary's front matter: title, date, authors, publication, description, kind.
    pub front: &'a FrontMatter,
    /// The plain text of the commentary's first paragraph ([`first_paragraph`]): the
    /// description when the front matter has none.
    pub first_paragraph: &'a str,
    /// The page's canonical address (absolute http/https), if known: the front matter's `url`.
    /// Without one there is no `rel="canonical"`, no `hreflang` and no `og:url`.
    pub canonical: Option<&'a str>,
    /// BCP 47 tag of the text's language, e.g. `en`.
    pub lang: &'a str,
    /// Absolute URL of an image for link previews (the share picture, 1200×630), if there is one.
    pub image: Option<&'a str>,
    /// What that image shows, in words (`og:image:alt`).
    pub image_alt: Option<&'a str>,
    /// Every language of a commentary published in several, the original first (empty for
    /// one language): its reading page's address, absolute when its front matter gives one.
    pub alternates: &'a [Alternate],
    /// Whether this page is a translation (`alternates[0]` is the original).
    pub translation: bool,
    /// What the site around the page says of itself (`site.toml`): its name, its default
    /// publisher and logo, its feed; nothing for a page published on its own.
    pub site: SiteMeta<'a>,
    /// The address of the page's oEmbed description (`oembed.json`), when there is one.
    pub oembed: Option<&'a str>,
}

/// The site's part of a page's metadata.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct SiteMeta<'a> {
    /// The site's name (`og:site_name`).
    pub name: Option<&'a str>,
    /// The publisher of a commentary whose front matter names none: name and address.
    pub publisher: Option<(&'a str, Option<&'a str>)>,
    /// The publisher's logo, an absolute address (the JSON-LD publisher's `logo`).
    pub logo: Option<&'a str>,
    /// The site's Atom feed, an absolute address.
    pub feed: Option<&'a str>,
}

/// One language's reading page, for the `hreflang` alternates and the JSON-LD.
#[derive(Debug, Clone, PartialEq)]
pub struct Alternate {
    /// Its BCP 47 tag.
    pub lang: String,
    /// Its address: absolute (its `url`), or the page's file name beside this one.
    pub href: String,
}

impl<'a> PageMeta<'a> {
    /// The page of `front`: its `url` as the canonical address, its `lang`, no image.
    pub fn new(front: &'a FrontMatter, first_paragraph: &'a str) -> Self {
        PageMeta {
            front,
            first_paragraph,
            canonical: front.url.as_deref(),
            lang: &front.lang,
            image: None,
            image_alt: None,
            alternates: &[],
            translation: false,
            site: SiteMeta::default(),
            oembed: None,
        }
    }
}

/// Longest description [`description`] makes from the text, in characters, its ellipsis
/// included: about what search results show.
pub const DESCRIPTION_MAX: usize = 160;

pub use commentary_reader::html::escape;

/// The plain text of the first top-level paragraph of `document` (markup dropped, mentions and
/// links as their text), or `""` if it has none.
pub fn first_paragraph(document: &Document) -> String {
    document
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Paragraph { content, .. } => Some(Inline::plain_text(content)),
            _ => None,
        })
        .unwrap_or_default()
}

/// `text` with every run of whitespace (line breaks included) made one space, trimmed.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The page's description: the front matter's `description` (its whitespace collapsed), else
/// `first_paragraph` (the title if that is empty), collapsed and, if longer than
/// [`DESCRIPTION_MAX`] characters, cut after its last whole word that fits and ended with "…"
/// (a comma, colon, full stop or dash before the cut is dropped).
pub fn description(front: &FrontMatter, first_paragraph: &str) -> String {
    if let Some(given) = front.description.as_deref().map(collapse).filter(|d| !d.is_empty()) {
        return given;
    }
    let text = collapse(first_paragraph);
    let text = if text.is_empty() { collapse(&front.title) } else { text };
    if text.chars().count() <= DESCRIPTION_MAX {
        return text;
    }
    // Room for the ellipsis: the first DESCRIPTION_MAX - 1 characters, then back to a word's end.
    let limit = text.char_indices().nth(DESCRIPTION_MAX - 1).map_or(text.len(), |(i, _)| i);
    let head = &text[..limit];
    let words = if text[limit..].starts_with(' ') { head } else { head.rfind(' ').map_or(head, |space| &head[..space]) };
    let words = words.trim_end_matches([' ', ',', ';', ':', '.', '-', '–', '—']);
    // A single word longer than the limit (or text without spaces, as Chinese is) is cut inside.
    let words = if words.is_empty() { head } else { words };
    format!("{words}…")
}

/// The page's `<title>` text: the commentary's title, then " — " and the publisher if any.
pub fn page_title(front: &FrontMatter) -> String {
    match &front.publication {
        Some(p) => format!("{} — {}", front.title, p.publisher),
        None => front.title.clone(),
    }
}

/// A schema.org `Person`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Person<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    job_title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

/// A schema.org `Organization`.
#[derive(Serialize)]
struct Organization<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    logo: Option<ImageObject<'a>>,
}

/// A schema.org `ImageObject`, by its address.
#[derive(Serialize)]
struct ImageObject<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    url: &'a str,
}

/// The page's structured data, in the order it is written.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Article<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    headline: &'a str,
    description: &'a str,
    in_language: &'a str,
    date_published: String,
    /// The same date: a commentary is published once, and its front matter says when.
    date_modified: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    author: Vec<Person<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    publisher: Option<Organization<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    main_entity_of_page: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<&'a str>,
    /// The original, on a translation's page (when its address is absolute).
    #[serde(skip_serializing_if = "Option::is_none")]
    translation_of_work: Option<Work<'a>>,
    /// The translations, on the original's page (those whose address is absolute).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    work_translation: Vec<Work<'a>>,
}

/// Another language's version of the article, by its address.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Work<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    in_language: &'a str,
    url: &'a str,
}

/// `url` if it is an absolute http(s) URL (authors' and publishers' addresses are not checked
/// when the front matter is read; the article leaves other schemes out too).
fn web(url: Option<&str>) -> Option<&str> {
    url.filter(|u| is_absolute_web_url(u))
}

/// `alternate` as a schema.org work of `front`'s kind, if its address is absolute.
fn work<'a>(alternate: &'a Alternate, front: &FrontMatter) -> Option<Work<'a>> {
    is_absolute_web_url(&alternate.href).then(|| Work {
        kind: front.kind.schema_type(),
        in_language: &alternate.lang,
        url: &alternate.href,
    })
}

/// The body of the page's `<script type="application/ld+json">`: a schema.org article of the
/// front matter's `kind` with its headline, description, language, date, authors (`Person`:
/// name, `jobTitle` from the role, url), publisher (`Organization`), the page's address
/// (`mainEntityOfPage` and `url`) and image when known; for a commentary in several
/// languages, the original (`translationOfWork`) or the translations (`workTranslation`)
/// whose addresses are absolute. `<`, `>` and `&` in it are written
/// `\u003c`, `\u003e`, `\u0026` (the same JSON), so nothing in it can end the script.
pub fn json_ld(meta: &PageMeta<'_>) -> String {
    let front = meta.front;
    let description = description(front, meta.first_paragraph);
    let article = Article {
        context: "https://schema.org",
        kind: front.kind.schema_type(),
        headline: &front.title,
        description: &description,
        in_language: meta.lang,
        date_published: front.date.iso(),
        date_modified: front.date.iso(),
        author: front
            .authors
            .iter()
            .map(|a| Person { kind: "Person", name: &a.name, job_title: a.role.as_deref(), url: web(a.url.as_deref()) })
            .collect(),
        // The front matter's publisher, else the site's; the site's logo is its publisher's.
        publisher: match (&front.publication, meta.site.publisher) {
            (Some(p), _) => Some(Organization { kind: "Organization", name: &p.publisher, url: web(p.url.as_deref()), logo: None }),
            (None, Some((name, url))) => Some(Organization {
                kind: "Organization",
                name,
                url: web(url),
                logo: meta.site.logo.map(|url| ImageObject { kind: "ImageObject", url }),
            }),
            (None, None) => None,
        },
        main_entity_of_page: meta.canonical,
        url: meta.canonical,
        image: meta.image,
        translation_of_work: meta.alternates.first().filter(|_| meta.translation).and_then(|a| work(a, front)),
        work_translation: if meta.translation {
            Vec::new()
        } else {
            meta.alternates.iter().skip(1).filter_map(|a| work(a, front)).collect()
        },
    };
    let json = serde_json::to_string(&article).expect("a struct of strings serializes");
    // In JSON these characters occur only inside strings, where the escapes mean the same.
    json.replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026")
}

/// Open Graph's locale for a BCP 47 tag: `language_TERRITORY` (`en-GB` → `en_GB`). A tag
/// without a region takes the territory its language most likely means (CLDR's likely subtags:
/// `en` → `en_US`, `ru` → `ru_RU`, `zh-Hant` → `zh_TW`); a language not in that table gives
/// `None`, and the page says nothing rather than a locale that does not exist.
pub fn og_locale(tag: &str) -> Option<String> {
    let mut parts = tag.split(['-', '_']).filter(|p| !p.is_empty());
    let language = parts.next()?.to_ascii_lowercase();
    if !(2..=3).contains(&language.len()) || !language.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let mut script = None;
    for part in parts {
        match part.len() {
            2 if part.bytes().all(|b| b.is_ascii_alphabetic()) => return Some(format!("{language}_{}", part.to_ascii_uppercase())),
            4 if script.is_none() => script = Some(part.to_ascii_lowercase()),
            _ => {}
        }
    }
    let territory = match (language.as_str(), script.as_deref()) {
        ("zh", Some("hant")) => "TW",
        ("zh", _) => "CN",
        ("sr", Some("latn")) => "RS",
        (language, _) => LIKELY_TERRITORY.iter().find(|(l, _)| *l == language)?.1,
    };
    Some(format!("{language}_{territory}"))
}

/// The territory each language most likely means without one (CLDR likely subtags), for the
/// languages commentaries are published in.
const LIKELY_TERRITORY: &[(&str, &str)] = &[
    ("ar", "EG"),
    ("az", "AZ"),
    ("be", "BY"),
    ("bg", "BG"),
    ("bn", "BD"),
    ("bs", "BA"),
    ("ca", "ES"),
    ("cs", "CZ"),
    ("cy", "GB"),
    ("da", "DK"),
    ("de", "DE"),
    ("el", "GR"),
    ("en", "US"),
    ("es", "ES"),
    ("et", "EE"),
    ("eu", "ES"),
    ("fa", "IR"),
    ("fi", "FI"),
    ("fr", "FR"),
    ("ga", "IE"),
    ("gl", "ES"),
    ("he", "IL"),
    ("hi", "IN"),
    ("hr", "HR"),
    ("hu", "HU"),
    ("hy", "AM"),
    ("id", "ID"),
    ("is", "IS"),
    ("it", "IT"),
    ("ja", "JP"),
    ("ka", "GE"),
    ("kk", "KZ"),
    ("ko", "KR"),
    ("ky", "KG"),
    ("lt", "LT"),
    ("lv", "LV"),
    ("mk", "MK"),
    ("mn", "MN"),
    ("ms", "MY"),
    ("mt", "MT"),
    ("nb", "NO"),
    ("nl", "NL"),
    ("nn", "NO"),
    ("no", "NO"),
    ("pl", "PL"),
    ("pt", "BR"),
    ("ro", "RO"),
    ("ru", "RU"),
    ("sk", "SK"),
    ("sl", "SI"),
    ("sq", "AL"),
    ("sr", "RS"),
    ("sv", "SE"),
    ("tg", "TJ"),
    ("th", "TH"),
    ("tk", "TM"),
    ("tr", "TR"),
    ("uk", "UA"),
    ("ur", "PK"),
    ("uz", "UZ"),
    ("vi", "VN"),
];

/// The reading page's `<head>` content, one tag a line (each line ends with `\n`): charset,
/// viewport, `<title>` ([`page_title`]), description ([`description`]), the canonical link and
/// `hreflang` alternates for `meta.lang` and `x-default` (only with `meta.canonical`), the
/// discovery links of the site's feed and the page's oEmbed description (when known),
/// OpenGraph (`og:type` article, `og:site_name` when known, title, description, `og:url` when known, `og:image` when
/// given, `og:locale` ([`og_locale`]), `article:published_time`, one
/// `article:author` per author, by name), the Twitter card (`summary`, or
/// `summary_large_image` with an image) and the JSON-LD ([`json_ld`]).
pub fn head(meta: &PageMeta<'_>) -> String {
    let front = meta.front;
    let description = description(front, meta.first_paragraph);
    let mut lines: Vec<String> = vec![
        "<meta charset=\"utf-8\">".to_owned(),
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">".to_owned(),
        format!("<title>{}</title>", escape(&page_title(front))),
    ];
    let named = |name: &str, content: &str| format!("<meta name=\"{name}\" content=\"{}\">", escape(content));
    let property = |property: &str, content: &str| format!("<meta property=\"{property}\" content=\"{}\">", escape(content));
    lines.push(named("description", &description));
    if let Some(url) = meta.canonical {
        lines.push(format!("<link rel=\"canonical\" href=\"{}\">", escape(url)));
    }
    // Every language's page, and the original's as the default; or the page's own address.
    let own;
    let alternates = match (meta.alternates, meta.canonical) {
        ([], Some(url)) => {
            own = [Alternate { lang: meta.lang.to_owned(), href: url.to_owned() }];
            &own[..]
        }
        (all, _) => all,
    };
    // Search engines ignore an `hreflang` address that is not absolute: a language whose page
    // has no `url` is not named (the page's language links still lead readers there).
    for alternate in alternates.iter().filter(|a| is_absolute_web_url(&a.href)) {
        lines.push(format!("<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">", escape(&alternate.lang), escape(&alternate.href)));
    }
    if let Some(original) = alternates.first().filter(|a| is_absolute_web_url(&a.href)) {
        lines.push(format!("<link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\">", escape(&original.href)));
    }
    if let Some(feed) = meta.site.feed {
        let title = meta.site.name.unwrap_or("Feed");
        lines.push(format!("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"{}\" href=\"{}\">", escape(title), escape(feed)));
    }
    if let Some(oembed) = meta.oembed {
        lines.push(format!(
            "<link rel=\"alternate\" type=\"application/json+oembed\" title=\"{}\" href=\"{}\">",
            escape(&front.title),
            escape(oembed)
        ));
    }
    lines.push(property("og:type", "article"));
    if let Some(name) = meta.site.name {
        lines.push(property("og:site_name", name));
    }
    lines.push(property("og:title", &front.title));
    lines.push(property("og:description", &description));
    if let Some(url) = meta.canonical {
        lines.push(property("og:url", url));
    }
    if let Some(image) = meta.image {
        lines.push(property("og:image", image));
        lines.push(property("og:image:type", "image/png"));
        lines.push(property("og:image:width", "1200"));
        lines.push(property("og:image:height", "630"));
        if let Some(alt) = meta.image_alt {
            lines.push(property("og:image:alt", alt));
        }
    }
    if let Some(locale) = og_locale(meta.lang) {
        lines.push(property("og:locale", &locale));
    }
    for other in meta.alternates.iter().filter(|a| a.lang != meta.lang).filter_map(|a| og_locale(&a.lang)) {
        lines.push(property("og:locale:alternate", &other));
    }
    lines.push(property("article:published_time", &front.date.iso()));
    for author in &front.authors {
        lines.push(property("article:author", &author.name));
    }
    lines.push(named("twitter:card", if meta.image.is_some() { "summary_large_image" } else { "summary" }));
    lines.push(named("twitter:title", &front.title));
    lines.push(named("twitter:description", &description));
    if let Some(image) = meta.image {
        lines.push(named("twitter:image", image));
        if let Some(alt) = meta.image_alt {
            lines.push(named("twitter:image:alt", alt));
        }
    }
    lines.push(format!("<script type=\"application/ld+json\">{}</script>", json_ld(meta)));
    lines.into_iter().flat_map(|l| [l, "\n".to_owned()]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{ArticleKind, Author, Publication};
    use commentary_compiler::parse_commentary;
    use serde_json::Value;

    const SEED: &str = include_str!("../../../static/commentaries/belarus-china-relations-2024/commentary.md");

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
        assert_eq!(
            lines[5],
            "<link rel=\"alternate\" hreflang=\"en&quot;&gt;&lt;x\" href=\"https://example.org/&quot;&gt;&lt;script&gt;\">"
        );
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
}
