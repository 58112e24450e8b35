//! Writing a commentary's published pages (`commentary-reader build --site DIR`): beside each
//! folder's `commentary.bundle`, `index.html`, a standalone reading page with the commentary
//! prerendered in the element's declarative shadow root (readable without JavaScript,
//! hydrated in place with it), and `embed.html`, the same element with the widget's script and
//! preloads, for a host page to include as is. A commentary in several languages has both
//! pages in each ([`page_names`]: `index.ru.html`, `embed.ru.html`), each with its language's
//! bundle, `lang` and JSON-LD `inLanguage`, the reading pages naming each other as `hreflang`
//! alternates where their addresses (`url`) are known, since search engines ignore relative ones.
//!
//! The pages name the widget's files with their SRI hashes, read from the widget folder's
//! `integrity.json` (written by `scripts/package.mjs` before the pages). `index.html` links
//! relatively (the site works from any folder); `embed.html` links from the site's root
//! (`/commentary-reader/…`), as the snippet does, since a host page can sit anywhere. The pages
//! themselves ([`pages`]) are pure and also built in the publisher module, for the editors'
//! preview page.

use std::collections::BTreeMap;
#[cfg(not(target_arch = "wasm32"))]
use std::path::{Path, PathBuf};

#[cfg(not(target_arch = "wasm32"))]
mod archive;
mod copy;
#[cfg(not(target_arch = "wasm32"))]
mod feeds;
#[cfg(not(target_arch = "wasm32"))]
mod picture;
pub mod settings;

use crate::bundle::Loaded;
use crate::publish::{self, escape, Alternate, PageMeta};
#[cfg(not(target_arch = "wasm32"))]
use crate::render::render;
use crate::web::prerender::Prerendered;
pub use settings::Settings;

/// The site's Atom feed, at its root.
pub const FEED: &str = "feed.xml";

/// The widget's folder inside a site.
pub const WIDGET_DIR: &str = "commentary-reader";

/// A published site: its folder, its settings and the widget's SRI hashes.
#[cfg(not(target_arch = "wasm32"))]
pub struct Site {
    root: PathBuf,
    integrity: BTreeMap<String, String>,
    settings: Settings,
}

/// The widget's files a page names, with the SRI attribute of each.
struct Files<'a> {
    widget: String,
    bundle: String,
    integrity: &'a BTreeMap<String, String>,
}

impl Files<'_> {
    fn sri(&self, name: &str) -> String {
        self.integrity.get(name).map(|h| format!(" integrity=\"{}\"", escape(h))).unwrap_or_default()
    }

    /// The stylesheet, the element's script and the preloads: what goes before the element.
    /// The page paints first: the stylesheet (which blocks the first paint) comes first, and the
    /// code and the bundle are preloaded at `fetchpriority="low"`, so they do not share the
    /// first round trips with the HTML and its stylesheet (the widget's text is painted only
    /// once its whole declarative shadow root has arrived).
    fn head(&self) -> String {
        let w = &self.widget;
        format!(
            "<link rel=\"stylesheet\" href=\"{w}commentary-reader.css\"{}>\n\
             <script type=\"module\" src=\"{w}commentary-reader.js\"{}></script>\n\
             <link rel=\"modulepreload\" href=\"{w}commentary-reader-core.js\"{} fetchpriority=\"low\">\n\
             <link rel=\"preload\" href=\"{w}commentary-reader-core_bg.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin fetchpriority=\"low\">\n\
             <link rel=\"preload\" href=\"{}\" as=\"fetch\" crossorigin fetchpriority=\"low\">\n",
            self.sri("commentary-reader.css"),
            self.sri("commentary-reader.js"),
            self.sri("commentary-reader-core.js"),
            escape(&self.bundle),
        )
    }

    /// The element with the commentary prerendered inside, then `copy`, the text for parsers
    /// that do not read shadow roots (see `copy`). It has no `lang`: the widget's words follow
    /// the text's language, and a commentary in several languages starts in the one its reader
    /// chose or prefers.
    fn element(&self, prerendered: &Prerendered, copy: &str) -> String {
        let root = prerendered.shadow_root(&format!("{}commentary-reader.css", self.widget));
        format!("<commentary-reader src=\"{}\">{root}{copy}</commentary-reader>\n", escape(&self.bundle))
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Site {
    /// The site at `root`, whose widget folder has been built (its `integrity.json` read), with
    /// its settings ([`settings::FILE`], if there is one) and what is wrong in them.
    pub fn open(root: &Path) -> Result<(Site, Vec<crate::content::diagnostic::Diagnostic>), String> {
        let path = root.join(WIDGET_DIR).join("integrity.json");
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("{}: cannot be read ({e}): build the widget's folder first", path.display()))?;
        let integrity = serde_json::from_str(&text).map_err(|e| format!("{}: not a list of SRI hashes ({e})", path.display()))?;
        let file = root.join(settings::FILE);
        let (settings, problems) = match std::fs::read_to_string(&file) {
            Ok(text) => Settings::read(&text, &file.display().to_string()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Settings::default(), Vec::new()),
            Err(e) => return Err(format!("{}: cannot be read: {e}", file.display())),
        };
        Ok((Site { root: root.to_owned(), integrity, settings }, problems))
    }

    /// Sets the site's address (`--url`), in place of its settings'.
    pub fn set_url(&mut self, url: &str) -> Result<(), String> {
        self.settings.url =
            Some(settings::site_address(url).ok_or_else(|| format!("the site's address must be absolute (https://…), not {url:?}"))?);
        Ok(())
    }

    /// The site's settings.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// `folder`'s path from the site's root, as parts (`["commentaries", "x"]`).
    pub fn parts_of(&self, folder: &Path) -> Result<Vec<String>, String> {
        let inside = |p: &Path| p.canonicalize().map_err(|e| format!("{}: {e}", p.display()));
        let relative = inside(folder)?
            .strip_prefix(inside(&self.root)?)
            .map_err(|_| format!("{}: not inside the site {}", folder.display(), self.root.display()))?
            .to_owned();
        Ok(relative.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect())
    }

    /// Writes `folder`'s reading page, embed and oEmbed description in `lang` (`None`: the
    /// original; see [`page_names`]) for `loaded`, compiled to `bytes`; returns the page, for
    /// the site's own files ([`Site::finish`]).
    pub fn write_pages(&self, folder: &Path, lang: Option<&str>, loaded: Loaded, bytes: &[u8]) -> Result<Page, String> {
        let parts = self.parts_of(folder)?;
        let write = |name: &str, content: &[u8]| {
            let path = folder.join(name);
            std::fs::write(&path, content).map_err(|e| format!("{}: cannot be written: {e}", path.display()))
        };
        let prerendered = render(loaded.clone(), bytes, None);
        let published = pages(&loaded, lang, &prerendered, &parts, &self.integrity, &self.settings);
        let (index_name, embed_name) = page_names(lang);
        write(&index_name, published.index.as_bytes())?;
        write(&embed_name, published.embed.as_bytes())?;
        if let Some(oembed) = feeds::oembed(&published.page, &self.settings) {
            write(&oembed_name(lang), oembed.as_bytes())?;
        }
        // The archive's thumbnail of the map (the original's, once per folder).
        if lang.is_none() {
            if let Some(svg) = crate::render::map_thumbnail(&loaded) {
                write(archive::MAP_THUMBNAIL, svg.as_bytes())?;
            }
        }
        // The share picture: the title beside the map, as link previews show it.
        let by = published.page.publisher.clone().or_else(|| self.settings.name.clone());
        write(&share_name(lang), &picture::png(&crate::render::picture(loaded, by.as_deref()))?)?;
        Ok(published.page)
    }

    /// Writes the site's own files for the reading pages `pages` wrote ([`Site::write_pages`]):
    /// the archive page in the folders' common parent, and with the site's address,
    /// `sitemap.xml` and the Atom feed `feed.xml` at its root. Returns what it wrote, from the
    /// site's root.
    pub fn finish(&self, pages: &[Page]) -> Result<Vec<String>, String> {
        let write = |path: &str, text: String| {
            let file = self.root.join(path);
            std::fs::write(&file, text).map_err(|e| format!("{}: cannot be written: {e}", file.display()))?;
            Ok::<String, String>(path.to_owned())
        };
        let mut written = Vec::new();
        if pages.is_empty() {
            return Ok(written);
        }
        let folder = archive::folder(pages);
        let archive = archive::page(pages, &folder, &self.integrity, &self.settings);
        written.push(write(&format!("{}index.html", folder_path(&folder)), archive)?);
        // A page per entity the site's commentaries discuss, listing them.
        let entities = archive::entity_pages(pages, &folder, &self.integrity, &self.settings);
        let count = entities.len();
        let paths: Vec<String> = entities.iter().map(|(path, _)| path.trim_end_matches("index.html").to_owned()).collect();
        for (path, html) in entities {
            let file = self.root.join(&path);
            if let Some(parent) = file.parent() {
                std::fs::create_dir_all(parent).map_err(|e| format!("{}: cannot be made: {e}", parent.display()))?;
            }
            write(&path, html)?;
        }
        if count > 0 {
            written.push(format!("{}/ ({count} entities)", archive::ENTITIES));
        }
        if let Some(sitemap) = feeds::sitemap(pages, &folder, &paths, &self.settings) {
            written.push(write("sitemap.xml", sitemap)?);
        }
        if let Some(feed) = feeds::atom(pages, &folder, &self.settings) {
            written.push(write(FEED, feed)?);
        }
        Ok(written)
    }
}

pub use crate::bundle::page_names;

/// How many other commentaries a card names at most ("Also in").
pub const ELSEWHERE_MAX: usize = 5;

/// One commentary's page among the site's, for [`link_elsewhere`]: its folder's parts, its
/// language (`None`: the original) and what it shows.
pub type SitePage<'a> = (Vec<String>, Option<String>, &'a mut Loaded);

/// Tells each commentary of `pages` where else the site discusses its entities
/// (`Loaded::elsewhere`, the cards' "Also in"): for each entity its bundle carries, the other
/// commentaries whose bundles carry it too, each once (its page in the same language if it has
/// one, else its original's), the newest first, at most [`ELSEWHERE_MAX`]. Their addresses are
/// from the host's root (under the site's path, `Settings::root_path`), as the embeds name the
/// bundles: the same bundle serves the reading page and the embed, wherever a CMS puts it.
pub fn link_elsewhere(pages: &mut [SitePage<'_>], settings: &Settings) {
    use crate::bundle::{Elsewhere, OtherPage};
    use std::collections::HashMap;
    let others: Vec<(&[String], Option<&str>, OtherPage)> = pages
        .iter()
        .map(|(parts, lang, loaded)| {
            let href = format!("{}{}", settings.root_path(), page_path(parts, &page_names(lang.as_deref()).0));
            let other = OtherPage { title: loaded.front.title.clone(), href, lang: loaded.front.lang.clone(), date: loaded.front.date };
            (parts.as_slice(), lang.as_deref(), other)
        })
        .collect();
    let mut by_entity: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, (_, _, loaded)) in pages.iter().enumerate() {
        for e in loaded.catalog.entities() {
            by_entity.entry(e.id.as_str()).or_default().push(i);
        }
    }
    let found: Vec<Vec<Elsewhere>> = pages
        .iter()
        .enumerate()
        .map(|(i, (parts, lang, loaded))| {
            loaded
                .catalog
                .entities()
                .iter()
                .filter_map(|e| {
                    let mut chosen: Vec<&OtherPage> = Vec::new();
                    let mut folders: Vec<&[String]> = Vec::new();
                    let candidates = by_entity.get(e.id.as_str()).map_or(&[][..], Vec::as_slice);
                    // Same language first, then originals: a folder's first pick stands.
                    let ordered = candidates
                        .iter()
                        .filter(|j| others[**j].1 == lang.as_deref())
                        .chain(candidates.iter().filter(|j| others[**j].1.is_none()));
                    for &j in ordered {
                        let (folder, _, page) = &others[j];
                        if j != i && *folder != parts.as_slice() && !folders.contains(folder) {
                            folders.push(folder);
                            chosen.push(page);
                        }
                    }
                    chosen.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.title.cmp(&b.title)));
                    chosen.truncate(ELSEWHERE_MAX);
                    (!chosen.is_empty()).then(|| Elsewhere { entity: e.id.clone(), pages: chosen.into_iter().cloned().collect() })
                })
                .collect()
        })
        .collect();
    for ((_, _, loaded), elsewhere) in pages.iter_mut().zip(found) {
        loaded.elsewhere = elsewhere;
    }
}

/// The share picture of the reading page in `lang`: `share.png`, `share.ru.png`.
pub fn share_name(lang: Option<&str>) -> String {
    crate::bundle::in_language("share.png", lang)
}

/// The oEmbed description of the reading page in `lang`: `oembed.json`, `oembed.ru.json`.
pub fn oembed_name(lang: Option<&str>) -> String {
    crate::bundle::in_language("oembed.json", lang)
}

/// A folder's path from the site's root, each part followed by `/` (`commentaries/x/`; `""` for
/// the root itself).
pub fn folder_path(parts: &[String]) -> String {
    parts.iter().map(|p| format!("{p}/")).collect()
}

/// The path from the site's root of the page `file` in the folder `parts`: the folder's own
/// (`commentaries/x/`) for `index.html`, whose address is the folder's, else the file's.
pub fn page_path(parts: &[String], file: &str) -> String {
    let folder = folder_path(parts);
    if file == "index.html" {
        folder
    } else {
        format!("{folder}{file}")
    }
}

/// One reading page the site build wrote, as the site's own files (archive, sitemap, feed,
/// oEmbed) describe it.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// Its folder, from the site's root (`["commentaries", "x"]`).
    pub folder: Vec<String>,
    /// Its file in that folder (`index.html`, `index.ru.html`).
    pub file: String,
    /// Its language.
    pub lang: String,
    /// Whether it is the original (not a translation).
    pub original: bool,
    /// The commentary's title in that language.
    pub title: String,
    /// Its description ([`publish::description`]).
    pub description: String,
    /// The publication date.
    pub date: crate::content::Date,
    /// The authors' names, in byline order.
    pub authors: Vec<String>,
    /// The publisher's name: the front matter's, else the site's.
    pub publisher: Option<String>,
    /// Its absolute address, if known: the front matter's `url`, else from the site's.
    pub address: Option<String>,
    /// Every language's page, the original first (empty for one language).
    pub alternates: Vec<Alternate>,
    /// The entities a reader meets in it (its bundle's catalog): id, name and summary in its
    /// language, for the site's entity pages.
    pub entities: Vec<(String, String, String)>,
    /// Whether it has a map (and its folder a thumbnail of it, `archive::MAP_THUMBNAIL`).
    pub map: bool,
}

impl Page {
    /// Its path from the site's root ([`page_path`]).
    pub fn path(&self) -> String {
        page_path(&self.folder, &self.file)
    }
}

/// What [`pages`] makes for one language of a commentary.
pub struct Published {
    /// The reading page.
    pub index: String,
    /// The embed fragment.
    pub embed: String,
    /// The page, as the site's own files describe it.
    pub page: Page,
}

/// The reading pages of every language of `loaded`, the original first (none for one
/// language), for a commentary in the folder `parts`: each language's `url` when it is an
/// absolute address, else its page's address from the site's (`settings.url`), else its page's
/// file name (the pages are beside each other).
fn alternates(loaded: &Loaded, parts: &[String], settings: &Settings) -> Vec<Alternate> {
    if loaded.languages.len() < 2 {
        return Vec::new();
    }
    loaded
        .languages
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let file = page_names((i > 0).then_some(l.lang.as_str())).0;
            let href = match &l.url {
                Some(url) if crate::content::links::is_absolute_web_url(url) => url.clone(),
                _ => settings.address(&page_path(parts, &file)).unwrap_or(file),
            };
            Alternate { lang: l.lang.clone(), href }
        })
        .collect()
}

/// The reading page and the embed fragment of `loaded`, the commentary in `lang` (`None`: the
/// original), rendered as `prerendered`, for a folder at `parts` from the site's root
/// (`["commentaries", "x"]`), naming the widget's files with `integrity`'s SRI hashes, in the
/// site `settings` describes. One render serves both pages: only the URLs around it differ.
/// `commentary-reader build --site` writes them ([`page_names`]); the editors' preview page
/// offers them for download (the publisher module, with the default settings).
pub fn pages(
    loaded: &Loaded,
    lang: Option<&str>,
    prerendered: &Prerendered,
    parts: &[String],
    integrity: &BTreeMap<String, String>,
    settings: &Settings,
) -> Published {
    let bundle_name = crate::bundle::file_name(lang);
    let folder = folder_path(parts);
    let reading = Files { widget: format!("{}{WIDGET_DIR}/", "../".repeat(parts.len())), bundle: bundle_name.clone(), integrity };
    let embedded = Files { widget: settings.widget_path(), bundle: format!("{}{folder}{bundle_name}", settings.root_path()), integrity };
    let front = &loaded.front;
    let first = publish::first_paragraph(&loaded.linked.body);
    let alternates = alternates(loaded, parts, settings);
    let file = page_names(lang).0;
    let address =
        front.url.clone().filter(|u| crate::content::links::is_absolute_web_url(u)).or_else(|| settings.address(&page_path(parts, &file)));
    let oembed = address.as_ref().and_then(|_| settings.address(&format!("{folder}{}", oembed_name(lang))));
    // The share picture `build --site` draws beside the page, named where its address is known.
    let image = address.as_ref().and_then(|_| settings.address(&format!("{folder}{}", share_name(lang))));
    let strings = crate::i18n::strings(&front.lang);
    let names: Vec<&str> = front.authors.iter().map(|a| a.name.as_str()).collect();
    let image_alt =
        format!("{} — {}, {}; {}", front.title, crate::i18n::join_names(&names, strings.and), strings.date(front.date), strings.map);
    let (feed, logo) = (settings.address(FEED), settings.logo_address());
    let site = publish::SiteMeta {
        name: settings.name.as_deref(),
        publisher: settings.publisher.as_ref().map(|p| (p.name.as_str(), p.url.as_deref())),
        logo: logo.as_deref(),
        feed: feed.as_deref(),
    };
    let meta = PageMeta {
        alternates: &alternates,
        translation: lang.is_some(),
        canonical: address.as_deref(),
        site,
        oembed: oembed.as_deref(),
        image: image.as_deref(),
        image_alt: image.as_ref().map(|_| image_alt.as_str()),
        ..PageMeta::new(front, &first)
    };
    let copy = copy::article(front, &loaded.linked.body.blocks);
    let (index, embed) = (reading_page(&meta, prerendered, &reading, &copy), embed(&meta, prerendered, &embedded, &copy));
    let page = Page {
        folder: parts.to_vec(),
        file,
        lang: front.lang.clone(),
        original: lang.is_none(),
        title: front.title.clone(),
        description: publish::description(front, &first),
        date: front.date,
        authors: front.authors.iter().map(|a| a.name.clone()).collect(),
        publisher: front.publication.as_ref().map(|p| p.publisher.clone()).or_else(|| settings.publisher.as_ref().map(|p| p.name.clone())),
        address,
        alternates,
        entities: loaded.catalog.entities().iter().map(|e| (e.id.to_string(), e.name.clone(), e.summary.clone())).collect(),
        map: loaded.map.scene().is_some(),
    };
    Published { index, embed, page }
}

/// The standalone reading page. Its empty icon (`data:,`, allowed by the widget's policy)
/// keeps browsers from asking every host for a `/favicon.ico` it may not have.
fn reading_page(meta: &PageMeta, prerendered: &Prerendered, files: &Files, copy: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n{}{}<link rel=\"icon\" href=\"data:,\">\n</head>\n<body class=\"cr-reading-page\">\n<main>\n{}</main>\n</body>\n</html>\n",
        escape(meta.lang),
        publish::head(meta),
        files.head(),
        files.element(prerendered, copy),
    )
}

fn embed(meta: &PageMeta, prerendered: &Prerendered, files: &Files, copy: &str) -> String {
    format!(
        "<!-- commentary-reader: \"{}\", prerendered. Paste into a page of the site that serves the widget at {} and the commentary at {}; the text is in the HTML, the script makes it interactive. -->\n{}<script type=\"application/ld+json\">{}</script>\n{}",
        escape(&meta.front.title).replace("--", "&#45;&#45;"),
        escape(&files.widget),
        escape(&files.bundle),
        files.head(),
        publish::json_ld(meta),
        files.element(prerendered, copy),
    )
}
