//! The site's machine-readable files, written by `commentary-reader build --site` once every
//! reading page is ([`super::Site::finish`]): `sitemap.xml` (every language's page with its
//! alternates and `lastmod`), the Atom feed (one entry per commentary, newest first, its
//! translations as alternates) and each page's oEmbed description (type `rich`: an iframe of
//! the widget's `embed.html`). All three need absolute addresses: without the site's `url`
//! ([`Settings`]) none is written. Pure string building; every text goes through
//! [`escape`] (XML) or serde_json.

use serde::Serialize;

use super::{Page, Settings, FEED};
use crate::publish::escape;

/// An RFC 3339 time for a date: its start, in UTC (a commentary's date has no time of day).
fn timestamp(date: &crate::content::Date) -> String {
    format!("{}T00:00:00Z", date.iso())
}

/// The pages whose address is the site's (a front matter's `url` elsewhere is not this site's
/// to list), the newest first, by title within a day.
fn own<'a>(pages: &'a [Page], settings: &Settings) -> Vec<&'a Page> {
    let base = settings.url.as_deref().unwrap_or("\u{0}");
    let mut own: Vec<&Page> = pages.iter().filter(|p| p.address.as_deref().is_some_and(|a| a.starts_with(base))).collect();
    own.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.title.cmp(&b.title)).then_with(|| a.path().cmp(&b.path())));
    own
}

/// `sitemap.xml`: the archive (in `archive`, the folders' common parent), every reading page of
/// the site, each with its languages as `xhtml:link` alternates (the original as `x-default`)
/// and its date as `lastmod`, then the `more` pages (paths from the site's root: the entity
/// pages). `None` without the site's address.
pub fn sitemap(pages: &[Page], archive: &[String], more: &[String], settings: &Settings) -> Option<String> {
    let archive_address = settings.address(&super::folder_path(archive))?;
    let own = own(pages, settings);
    let newest = own.iter().map(|p| p.date).max()?;
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    xml.push_str(&format!("<url><loc>{}</loc><lastmod>{}</lastmod></url>\n", escape(&archive_address), newest.iso()));
    for page in own {
        let address = page.address.as_deref().unwrap_or_default();
        xml.push_str(&format!("<url><loc>{}</loc><lastmod>{}</lastmod>", escape(address), page.date.iso()));
        let absolute: Vec<_> = page.alternates.iter().filter(|a| crate::content::links::is_absolute_web_url(&a.href)).collect();
        for alternate in &absolute {
            xml.push_str(&format!(
                "\n  <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                escape(&alternate.lang),
                escape(&alternate.href)
            ));
        }
        if let Some(original) = absolute.first() {
            xml.push_str(&format!("\n  <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>\n", escape(&original.href)));
        }
        xml.push_str("</url>\n");
    }
    for path in more {
        xml.push_str(&format!("<url><loc>{}</loc></url>\n", escape(&settings.address(path)?)));
    }
    xml.push_str("</urlset>\n");
    Some(xml)
}

/// The Atom feed (RFC 4287): one entry per commentary (its original's page), the newest first,
/// with its title, address, the other languages' pages as alternates, publication date,
/// authors (else its publisher, else the site) and description. `None` without the site's
/// address.
pub fn atom(pages: &[Page], archive: &[String], settings: &Settings) -> Option<String> {
    let base = settings.url.as_deref()?;
    let originals: Vec<&Page> = own(pages, settings).into_iter().filter(|p| p.original).collect();
    let newest = originals.first().map_or_else(|| "1970-01-01T00:00:00Z".to_owned(), |p| timestamp(&p.date));
    let name = settings.name.as_deref().unwrap_or("Commentaries");
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n<title>{}</title>\n<id>{}</id>\n<link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n<updated>{newest}</updated>\n",
        escape(&settings.language),
        escape(name),
        escape(base),
        escape(&format!("{base}{FEED}")),
        escape(&settings.address(&super::folder_path(archive)).unwrap_or_else(|| base.to_owned())),
    );
    for page in originals {
        let address = page.address.as_deref().unwrap_or_default();
        xml.push_str(&format!(
            "<entry xml:lang=\"{}\">\n<title>{}</title>\n<id>{}</id>\n",
            escape(&page.lang),
            escape(&page.title),
            escape(address)
        ));
        xml.push_str(&format!(
            "<link rel=\"alternate\" type=\"text/html\" hreflang=\"{}\" href=\"{}\"/>\n",
            escape(&page.lang),
            escape(address)
        ));
        for other in page.alternates.iter().skip(1).filter(|a| crate::content::links::is_absolute_web_url(&a.href)) {
            xml.push_str(&format!(
                "<link rel=\"alternate\" type=\"text/html\" hreflang=\"{}\" href=\"{}\"/>\n",
                escape(&other.lang),
                escape(&other.href)
            ));
        }
        let (date, authors) = (timestamp(&page.date), by(page, settings));
        xml.push_str(&format!("<published>{date}</published>\n<updated>{date}</updated>\n"));
        for author in authors {
            xml.push_str(&format!("<author><name>{}</name></author>\n", escape(author)));
        }
        xml.push_str(&format!("<summary>{}</summary>\n</entry>\n", escape(&page.description)));
    }
    xml.push_str("</feed>\n");
    Some(xml)
}

/// Who wrote `page`, as a feed names them: its authors, else its publisher, else the site.
fn by<'a>(page: &'a Page, settings: &'a Settings) -> Vec<&'a str> {
    if !page.authors.is_empty() {
        return page.authors.iter().map(String::as_str).collect();
    }
    page.publisher.as_deref().or(settings.name.as_deref()).into_iter().collect()
}

/// An oEmbed response (oembed.com, type `rich`).
#[derive(Serialize)]
struct OEmbed<'a> {
    version: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    author_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    provider_name: Option<&'a str>,
    provider_url: &'a str,
    html: String,
    width: u32,
    height: u32,
}

/// The oEmbed description of `page` (`oembed.json` beside it): an iframe of the widget's
/// `embed.html` showing its bundle, as wide as the column it is put in. `None` without the
/// site's address.
pub fn oembed(page: &Page, settings: &Settings) -> Option<String> {
    let (base, origin) = (settings.url.as_deref()?, settings.origin()?);
    page.address.as_ref()?;
    let folder = super::folder_path(&page.folder);
    let lang = (!page.original).then_some(page.lang.as_str());
    let bundle = format!("{}{folder}{}", settings.root_path(), crate::bundle::file_name(lang));
    let src = format!("{origin}{}embed.html?src={}", settings.widget_path(), query(&bundle));
    let (width, height) = (720, 1200);
    let html = format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"{width}\" height=\"{height}\" loading=\"lazy\" style=\"width: 100%; border: 0\"></iframe>",
        escape(&src),
        escape(&page.title)
    );
    let authors = by(page, settings).join(", ");
    let response = OEmbed {
        version: "1.0",
        kind: "rich",
        title: &page.title,
        author_name: (!authors.is_empty()).then_some(authors),
        provider_name: settings.name.as_deref().or(page.publisher.as_deref()),
        provider_url: base,
        html,
        width,
        height,
    };
    Some(serde_json::to_string_pretty(&response).expect("a struct of strings serializes") + "\n")
}

/// `text` as a URL query value: what is not unreserved (RFC 3986) or `/` percent-encoded.
fn query(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
