//! The archive page: every commentary of the site on one static page, the newest first, each
//! with its title (linked to its reading page), authors, date, publisher, description and the
//! languages it is published in. Written by `commentary-reader build --site` in the folders'
//! common parent (`commentaries/index.html`), so `/commentaries/` has an index. Plain HTML
//! and one stylesheet from the widget's folder (`archive.css`, with its SRI hash): it works
//! without JavaScript and under the widget's strict policy.

use std::collections::BTreeMap;

use super::{Page, Settings, WIDGET_DIR};
use crate::publish::escape;

/// The folders' common parent: where the archive page goes (`["commentaries"]`).
pub fn folder(pages: &[Page]) -> Vec<String> {
    let mut common: Option<Vec<String>> = None;
    for page in pages {
        let parent = &page.folder[..page.folder.len().saturating_sub(1)];
        common = Some(match common {
            None => parent.to_vec(),
            Some(c) => c.iter().zip(parent).take_while(|(a, b)| a == b).map(|(a, _)| a.clone()).collect(),
        });
    }
    common.unwrap_or_default()
}

/// `folder` as a path from the site's root, ending in `/` unless it is the root (`""`).
pub fn prefix(folder: &[String]) -> String {
    folder.iter().map(|p| format!("{p}/")).collect()
}

/// `page`'s address from the archive in `folder`.
fn link(page: &Page, folder: &[String]) -> String {
    let path = page.path();
    path.strip_prefix(&prefix(folder)).unwrap_or(&path).to_owned()
}

/// The archive page of `pages` in `folder`, naming its stylesheet with `integrity`'s hash.
pub fn page(pages: &[Page], folder: &[String], integrity: &BTreeMap<String, String>, settings: &Settings) -> String {
    let strings = crate::i18n::strings(&settings.language);
    let title =
        settings.name.clone().or_else(|| settings.publisher.as_ref().map(|p| p.name.clone())).unwrap_or_else(|| "Commentaries".into());
    let mut originals: Vec<&Page> = pages.iter().filter(|p| p.original).collect();
    originals.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.title.cmp(&b.title)));
    let mut head = vec![
        "<meta charset=\"utf-8\">".to_owned(),
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">".to_owned(),
        format!("<title>{}</title>", escape(&title)),
        format!(
            "<meta name=\"description\" content=\"{}\">",
            escape(&originals.iter().map(|p| p.title.as_str()).collect::<Vec<_>>().join(" · "))
        ),
    ];
    if let Some(address) = settings.address(&prefix(folder)) {
        head.push(format!("<link rel=\"canonical\" href=\"{}\">", escape(&address)));
    }
    if let Some(feed) = settings.address(super::FEED) {
        head.push(format!(
            "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"{}\" href=\"{}\">",
            escape(&title),
            escape(&feed)
        ));
    }
    let sri = integrity.get(STYLESHEET).map(|h| format!(" integrity=\"{}\"", escape(h))).unwrap_or_default();
    head.push(format!("<link rel=\"stylesheet\" href=\"{}{WIDGET_DIR}/{STYLESHEET}\"{sri}>", "../".repeat(folder.len())));
    head.push("<link rel=\"icon\" href=\"data:,\">".to_owned());
    let items: String = originals.iter().map(|p| item(p, pages, folder, strings)).collect();
    format!(
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n{}\n</head>\n<body class=\"cr-archive\">\n<main>\n<h1>{}</h1>\n<ol class=\"cr-archive-list\">\n{items}</ol>\n</main>\n</body>\n</html>\n",
        escape(&settings.language),
        head.join("\n"),
        escape(&title),
    )
}

/// The archive's stylesheet, in the widget's folder.
pub const STYLESHEET: &str = "archive.css";

/// One commentary in the archive: `page` (its original) and its translations among `pages`.
fn item(page: &Page, pages: &[Page], folder: &[String], strings: &crate::i18n::Strings) -> String {
    let lang = escape(&page.lang);
    let mut meta = Vec::new();
    if !page.authors.is_empty() {
        let names: Vec<&str> = page.authors.iter().map(String::as_str).collect();
        meta.push(format!("<span>{}</span>", escape(&crate::i18n::join_names(&names, crate::i18n::strings(&page.lang).and))));
    }
    meta.push(format!("<time datetime=\"{}\">{}</time>", page.date.iso(), escape(&crate::i18n::strings(&page.lang).date(page.date))));
    if let Some(publisher) = &page.publisher {
        meta.push(format!("<span>{}</span>", escape(publisher)));
    }
    let translations: Vec<&Page> = pages.iter().filter(|p| !p.original && p.folder == page.folder).collect();
    let languages = if translations.is_empty() {
        String::new()
    } else {
        let links: Vec<String> = std::iter::once(page)
            .chain(translations)
            .map(|p| {
                let lang = escape(&p.lang);
                format!(
                    "<a href=\"{}\" hreflang=\"{lang}\" lang=\"{lang}\">{}</a>",
                    escape(&link(p, folder)),
                    escape(crate::i18n::language_name(&p.lang))
                )
            })
            .collect();
        format!("<p class=\"cr-archive-languages\">{}: {}</p>\n", escape(strings.language), links.join(" · "))
    };
    format!(
        "<li lang=\"{lang}\"><article>\n<h2><a href=\"{}\">{}</a></h2>\n<p class=\"cr-archive-meta\">{}</p>\n<p>{}</p>\n{languages}</article></li>\n",
        escape(&link(page, folder)),
        escape(&page.title),
        meta.join(" · "),
        escape(&page.description),
    )
}
