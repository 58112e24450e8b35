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

use crate::bundle::Loaded;
use crate::publish::{self, escape, Alternate, PageMeta};
#[cfg(not(target_arch = "wasm32"))]
use crate::web::prerender::render;
use crate::web::prerender::Prerendered;

/// The widget's folder inside a site.
pub const WIDGET_DIR: &str = "commentary-reader";

/// A published site: its folder and the widget's SRI hashes.
#[cfg(not(target_arch = "wasm32"))]
pub struct Site {
    root: PathBuf,
    integrity: BTreeMap<String, String>,
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

    /// The element with the commentary prerendered inside. It has no `lang`: the widget's words
    /// follow the text's language, and a commentary in several languages starts in the one its
    /// reader chose or prefers.
    fn element(&self, prerendered: &Prerendered) -> String {
        let root = prerendered.shadow_root(&format!("{}commentary-reader.css", self.widget));
        format!("<commentary-reader src=\"{}\">{root}</commentary-reader>\n", escape(&self.bundle))
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Site {
    /// The site at `root`, whose widget folder has been built (its `integrity.json` read).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn open(root: &Path) -> Result<Site, String> {
        let path = root.join(WIDGET_DIR).join("integrity.json");
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("{}: cannot be read ({e}): build the widget's folder first", path.display()))?;
        let integrity = serde_json::from_str(&text).map_err(|e| format!("{}: not a list of SRI hashes ({e})", path.display()))?;
        Ok(Site { root: root.to_owned(), integrity })
    }

    /// Writes `folder`'s reading page and embed in `lang` (`None`: the original; see
    /// [`page_names`]) for `loaded`, compiled to `bytes`.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn write_pages(&self, folder: &Path, lang: Option<&str>, loaded: Loaded, bytes: &[u8]) -> Result<(), String> {
        let inside = |p: &Path| p.canonicalize().map_err(|e| format!("{}: {e}", p.display()));
        let relative = inside(folder)?
            .strip_prefix(inside(&self.root)?)
            .map_err(|_| format!("{}: not inside the site {}", folder.display(), self.root.display()))?
            .to_owned();
        let parts: Vec<String> = relative.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
        let write = |name: &str, html: String| {
            let path = folder.join(name);
            std::fs::write(&path, html).map_err(|e| format!("{}: cannot be written: {e}", path.display()))
        };
        let prerendered = render(loaded.clone(), bytes, None);
        let (index, embed) = pages(&loaded, lang, &prerendered, &parts, &self.integrity);
        let (index_name, embed_name) = page_names(lang);
        write(&index_name, index)?;
        write(&embed_name, embed)
    }
}

pub use crate::bundle::page_names;

/// The reading pages of every language of `loaded`, the original first (none for one
/// language): each language's `url` when it is an absolute address, else its page's file name
/// (the pages are beside each other).
fn alternates(loaded: &Loaded) -> Vec<Alternate> {
    loaded
        .languages
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let href = match &l.url {
                Some(url) if crate::content::links::is_absolute_web_url(url) => url.clone(),
                _ => page_names((i > 0).then_some(l.lang.as_str())).0,
            };
            Alternate { lang: l.lang.clone(), href }
        })
        .collect()
}

/// The reading page and the embed fragment of `loaded`, the commentary in `lang` (`None`: the
/// original), rendered as `prerendered`, for a folder at `parts` from the site's root
/// (`["commentaries", "x"]`), naming the widget's files with `integrity`'s SRI hashes. One
/// render serves both pages: only the URLs around it differ. `commentary-reader build --site`
/// writes them ([`page_names`]); the editors' preview page offers them for download (the
/// publisher module).
pub fn pages(
    loaded: &Loaded,
    lang: Option<&str>,
    prerendered: &Prerendered,
    parts: &[String],
    integrity: &BTreeMap<String, String>,
) -> (String, String) {
    let bundle_name = crate::bundle::file_name(lang);
    let reading = Files { widget: format!("{}{WIDGET_DIR}/", "../".repeat(parts.len())), bundle: bundle_name.clone(), integrity };
    let embedded = Files { widget: format!("/{WIDGET_DIR}/"), bundle: format!("/{}/{bundle_name}", parts.join("/")), integrity };
    let first = publish::first_paragraph(&loaded.linked.body);
    let alternates = alternates(loaded);
    let meta = PageMeta { alternates: &alternates, translation: lang.is_some(), ..PageMeta::new(&loaded.front, &first) };
    (reading_page(&meta, prerendered, &reading), embed(&meta, prerendered, &embedded))
}

/// The standalone reading page. Its empty icon (`data:,`, allowed by the widget's policy)
/// keeps browsers from asking every host for a `/favicon.ico` it may not have.
fn reading_page(meta: &PageMeta, prerendered: &Prerendered, files: &Files) -> String {
    format!(
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n{}{}<link rel=\"icon\" href=\"data:,\">\n</head>\n<body class=\"cr-reading-page\">\n<main>\n{}</main>\n</body>\n</html>\n",
        escape(meta.lang),
        publish::head(meta),
        files.head(),
        files.element(prerendered),
    )
}

fn embed(meta: &PageMeta, prerendered: &Prerendered, files: &Files) -> String {
    format!(
        "<!-- commentary-reader: \"{}\", prerendered. Paste into a page of the site whose root holds commentary-reader/ and {}; the text is in the HTML, the script makes it interactive. -->\n{}<script type=\"application/ld+json\">{}</script>\n{}",
        escape(&meta.front.title).replace("--", "&#45;&#45;"),
        escape(&files.bundle),
        files.head(),
        publish::json_ld(meta),
        files.element(prerendered),
    )
}
