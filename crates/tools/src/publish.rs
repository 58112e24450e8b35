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
mod tests;
