//! The archive page: every commentary of the site on one static page, the newest first, each
//! with its title (linked to its reading page), authors, date, publisher, description and the
//! languages it is published in. Written by `commentary-reader build --site` in the folders'
//! common parent (`commentaries/index.html`), so `/commentaries/` has an index. Plain HTML
//! and one stylesheet from the widget's folder (`archive.css`, with its SRI hash): it works
//! without JavaScript and under the widget's strict policy.

use std::collections::BTreeMap;

use super::{folder_path, page_path, Page, Settings, WIDGET_DIR};
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

/// The path of the page at `path` (from the site's root) from the archive in `folder`.
fn link(path: &str, folder: &[String]) -> String {
    path.strip_prefix(&folder_path(folder)).unwrap_or(path).to_owned()
}

/// The site's name, as its own pages title it.
fn site_title(settings: &Settings) -> String {
    settings.name.clone().or_else(|| settings.publisher.as_ref().map(|p| p.name.clone())).unwrap_or_else(|| "Commentaries".into())
}

/// A static page of the site at `path` (from its root: `commentaries/`) titled `title`, with
/// `body` in its `<main>`: the head (canonical and feed with the site's address, the archive's
/// stylesheet with `integrity`'s hash) and the page around it.
fn static_page(
    path: &str,
    title: &str,
    description: &str,
    body: &str,
    integrity: &BTreeMap<String, String>,
    settings: &Settings,
) -> String {
    let mut head = vec![
        "<meta charset=\"utf-8\">".to_owned(),
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">".to_owned(),
        format!("<title>{}</title>", escape(title)),
        format!("<meta name=\"description\" content=\"{}\">", escape(description)),
    ];
    if let Some(address) = settings.address(path) {
        head.push(format!("<link rel=\"canonical\" href=\"{}\">", escape(&address)));
    }
    if let Some(feed) = settings.address(super::FEED) {
        let name = site_title(settings);
        head.push(format!("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"{}\" href=\"{}\">", escape(&name), escape(&feed)));
    }
    let sri = integrity.get(STYLESHEET).map(|h| format!(" integrity=\"{}\"", escape(h))).unwrap_or_default();
    let up = "../".repeat(path.matches('/').count());
    head.push(format!("<link rel=\"stylesheet\" href=\"{up}{WIDGET_DIR}/{STYLESHEET}\"{sri}>"));
    head.push("<link rel=\"icon\" href=\"data:,\">".to_owned());
    format!(
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n{}\n</head>\n<body class=\"cr-archive\">\n<main>\n{body}</main>\n</body>\n</html>\n",
        escape(&settings.language),
        head.join("\n"),
    )
}

/// The archive page of `pages` in `folder`, naming its stylesheet with `integrity`'s hash.
pub fn page(pages: &[Page], folder: &[String], integrity: &BTreeMap<String, String>, settings: &Settings) -> String {
    let strings = crate::i18n::strings(&settings.language);
    let title = site_title(settings);
    let mut originals: Vec<&Page> = pages.iter().filter(|p| p.original).collect();
    originals.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.title.cmp(&b.title)));
    let description = originals.iter().map(|p| p.title.as_str()).collect::<Vec<_>>().join(" · ");
    let items: String = originals.iter().map(|p| item(p, pages, folder, strings)).collect();
    let body = format!("<h1>{}</h1>\n<ol class=\"cr-archive-list\">\n{items}</ol>\n", escape(&title));
    static_page(&folder_path(folder), &title, &description, &body, integrity, settings)
}

/// The folder of the entity pages, at the site's root (not among the commentaries' folders, so
/// that `build dist/commentaries/*` never takes it for one).
pub const ENTITIES: &str = "entities";

/// A page per entity the commentaries of `pages` discuss (`entities/<id>/index.html` at the
/// site's root): its name and summary, and every commentary a reader meets it in, the newest
/// first, in the site's language where a commentary has it, else in its original's, with a
/// link back to the archive (in `folder`). Returns `(path from the site's root, page)`, by id.
pub fn entity_pages(pages: &[Page], folder: &[String], integrity: &BTreeMap<String, String>, settings: &Settings) -> Vec<(String, String)> {
    // Each commentary once: its page in the site's language, else its original.
    let mut chosen: Vec<&Page> = pages
        .iter()
        .filter(|p| p.original)
        .map(|original| {
            let own = pages.iter().find(|p| p.folder == original.folder && crate::i18n::same_language(&p.lang, &settings.language));
            own.unwrap_or(original)
        })
        .collect();
    chosen.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.title.cmp(&b.title)));
    let mut by_id: BTreeMap<&str, (&str, &str, Vec<&Page>)> = BTreeMap::new();
    for page in &chosen {
        for (id, name, summary) in &page.entities {
            by_id.entry(id.as_str()).or_insert((name.as_str(), summary.as_str(), Vec::new())).2.push(page);
        }
    }
    let site = site_title(settings);
    by_id
        .into_iter()
        .map(|(id, (name, summary, found))| {
            let path = format!("{ENTITIES}/{id}/");
            let items: String = found
                .iter()
                .map(|p| {
                    let lang = escape(&p.lang);
                    let date = crate::i18n::strings(&p.lang).date(p.date);
                    let href = escape(&p.path());
                    let (title, iso) = (escape(&p.title), p.date.iso());
                    format!("<li lang=\"{lang}\"><a href=\"../../{href}\" hreflang=\"{lang}\">{title}</a> · <time datetime=\"{iso}\">{}</time></li>\n", escape(&date))
                })
                .collect();
            let body = format!(
                "<p class=\"cr-archive-meta\"><a href=\"../../{}\">{}</a></p>\n<h1>{}</h1>\n<p>{}</p>\n<ol class=\"cr-archive-list\">\n{items}</ol>\n",
                escape(&folder_path(folder)),
                escape(&site),
                escape(name),
                escape(summary)
            );
            (format!("{path}index.html"), static_page(&path, &format!("{name} — {site}"), summary, &body, integrity, settings))
        })
        .collect()
}

/// A commentary's map as the archive shows it, beside its pages (`build --site`).
pub const MAP_THUMBNAIL: &str = "map.svg";

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
                    escape(&link(&p.path(), folder)),
                    escape(crate::i18n::language_name(&p.lang))
                )
            })
            .collect();
        format!("<p class=\"cr-archive-languages\">{}: {}</p>\n", escape(strings.language), links.join(" · "))
    };
    // The map, small: what the commentary is about at a glance (the title says it in words).
    let map = if page.map {
        let (w, h) = crate::web::prerender::THUMBNAIL;
        let folder_link = link(&page_path(&page.folder, "index.html"), folder);
        format!(
            "<img class=\"cr-archive-map\" src=\"{}{MAP_THUMBNAIL}\" alt=\"\" width=\"{w}\" height=\"{h}\" loading=\"lazy\">\n",
            escape(&folder_link)
        )
    } else {
        String::new()
    };
    format!(
        "<li lang=\"{lang}\"><article>\n<h2><a href=\"{}\">{}</a></h2>\n{map}<p class=\"cr-archive-meta\">{}</p>\n<p>{}</p>\n{languages}</article></li>\n",
        escape(&link(&page.path(), folder)),
        escape(&page.title),
        meta.join(" · "),
        escape(&page.description),
    )
}
