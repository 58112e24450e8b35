//! The site's settings, `site.toml` at the root of the folder `commentary-reader build --site`
//! writes: what every page of the site shares, so no commentary's front matter repeats it.
//!
//! ```toml
//! url = "https://think-tank.example/"      # where the site's root is served (absolute)
//! name = "Think Tank Commentaries"         # og:site_name, the feed's and the archive's title
//! language = "en"                          # the archive's and the feed's language
//! logo = "logo.png"                        # the publisher's logo, from the site's root
//! widget = "/commentary-reader/"           # where host pages find the widget (embed.html)
//!
//! [publisher]                              # for commentaries whose front matter names none
//! name = "Think Tank"
//! url = "https://think-tank.example/about/"
//! ```
//!
//! Every key is optional. Without `url` nothing the build writes claims an absolute address it
//! does not know: no canonical link or `og:url` (unless a front matter gives its own `url`), and
//! no sitemap, feed or oEmbed, which need absolute addresses. Messages are located
//! (`site.toml:3:7`), and an unknown key is a warning.

use serde::Deserialize;

use crate::content::diagnostic::Diagnostic;
use crate::content::links::is_absolute_web_url;
use commentary_compiler::toml_read::{self, Locator, Table};

/// The file's name, at the site's root.
pub const FILE: &str = "site.toml";

/// The settings of a site, read from [`FILE`] ([`Settings::read`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// The site's root address, absolute, ending in `/`.
    pub url: Option<String>,
    /// The site's name.
    pub name: Option<String>,
    /// The language of the site's own pages (the archive, the feed): a BCP 47 tag.
    pub language: String,
    /// The publisher's logo: an absolute address, or a path from the site's root.
    pub logo: Option<String>,
    /// Where host pages find the widget's folder, from their site's root (ends in `/`), if
    /// not in the site's root folder ([`Settings::widget_path`]).
    pub widget: Option<String>,
    /// The publisher of commentaries whose front matter names none.
    pub publisher: Option<Publisher>,
}

/// A site's default publisher.
#[derive(Debug, Clone, PartialEq)]
pub struct Publisher {
    /// Its name.
    pub name: String,
    /// Its address, absolute.
    pub url: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { url: None, name: None, language: "en".to_owned(), logo: None, widget: None, publisher: None }
    }
}

/// `site.toml` as written: every key optional, each read on its own.
#[derive(Deserialize, Default)]
#[allow(dead_code)] // `publisher` is named so that `[publisher]` is a known key; `read_publisher` reads it.
struct RawSettings {
    url: Option<String>,
    name: Option<String>,
    language: Option<String>,
    logo: Option<String>,
    widget: Option<String>,
    publisher: Option<RawPublisher>,
}

#[derive(Deserialize, Default)]
struct RawPublisher {
    name: Option<String>,
    url: Option<String>,
}

impl Settings {
    /// Reads the settings in `text` (the file `file`): the settings, with every problem found.
    /// A value that is wrong is an error and left out (the rest is kept); an unknown key is a
    /// warning.
    pub fn read(text: &str, file: &str) -> (Settings, Vec<Diagnostic>) {
        let loc = Locator::new(text, 1, file);
        let doc = match toml_read::parse(text, &loc) {
            Ok(doc) => doc,
            Err(d) => return (Settings::default(), vec![d]),
        };
        let top = Table::root(&doc, &loc);
        let mut out = top.unknown_keys::<RawSettings>("");
        let mut settings = Settings::default();
        let mut text_of = |key: &str| -> Option<(String, std::ops::Range<usize>)> {
            match top.field::<RawSettings>(key) {
                Ok(raw) => {
                    let value = match key {
                        "url" => raw.url,
                        "name" => raw.name,
                        "language" => raw.language,
                        "logo" => raw.logo,
                        _ => raw.widget,
                    };
                    value.map(|v| (v.trim().to_owned(), top.span_of(key)))
                }
                Err(mut errors) => {
                    out.append(&mut errors);
                    None
                }
            }
        };
        let (url, name, language, logo, widget) =
            (text_of("url"), text_of("name"), text_of("language"), text_of("logo"), text_of("widget"));
        if let Some((url, span)) = url {
            if let Some(address) = site_address(&url) {
                settings.url = Some(address);
            } else {
                out.push(loc.error(
                    &span,
                    format!("`url` must be the site's absolute address, e.g. url = \"https://think-tank.example/\", not {url:?}"),
                ));
            }
        }
        settings.name = name.map(|(n, _)| n).filter(|n| !n.is_empty());
        if let Some((tag, span)) = language {
            if commentary_compiler::front_matter::is_language_tag(&tag) {
                settings.language = tag;
            } else {
                out.push(loc.error(&span, format!("`language` must be a language tag such as \"en\" or \"ru\", not {tag:?}")));
            }
        }
        settings.logo = logo.map(|(l, _)| l).filter(|l| !l.is_empty());
        if let Some((path, span)) = widget {
            if path.starts_with('/') && !path.starts_with("//") {
                settings.widget = Some(if path.ends_with('/') { path } else { format!("{path}/") });
            } else {
                out.push(loc.error(
                    &span,
                    format!("`widget` must be a path from the site's root, e.g. widget = \"/commentary-reader/\", not {path:?}"),
                ));
            }
        }
        settings.publisher = read_publisher(&top, &loc, &mut out);
        (settings, out)
    }

    /// The absolute address of `path` (from the site's root, without a leading `/`), if the
    /// site's address is known.
    pub fn address(&self, path: &str) -> Option<String> {
        self.url.as_ref().map(|base| format!("{base}{}", path.trim_start_matches('/')))
    }

    /// The path of the site's root on its host (`/`, or `/briefs/` for a site at
    /// `https://tank.example/briefs/`): where the embeds find the commentaries' bundles.
    pub fn root_path(&self) -> String {
        let Some(url) = &self.url else { return "/".to_owned() };
        let after = url.split_once("//").map_or("", |(_, rest)| rest);
        after.find('/').map_or_else(|| "/".to_owned(), |i| after[i..].to_owned())
    }

    /// The scheme and host of the site's address (`https://tank.example`), if known.
    pub fn origin(&self) -> Option<String> {
        let url = self.url.as_ref()?;
        let path = self.root_path();
        Some(url[..url.len() - path.len()].to_owned())
    }

    /// Where host pages find the widget's folder: `widget`, else `commentary-reader/` in the
    /// site's root folder ([`Settings::root_path`]).
    pub fn widget_path(&self) -> String {
        self.widget.clone().unwrap_or_else(|| format!("{}{}/", self.root_path(), super::WIDGET_DIR))
    }

    /// The logo's absolute address, if it is one or the site's address is known.
    pub fn logo_address(&self) -> Option<String> {
        let logo = self.logo.as_deref()?;
        if is_absolute_web_url(logo) {
            Some(logo.to_owned())
        } else {
            self.address(logo)
        }
    }
}

/// `url` as a site's address: absolute, ending in `/`; `None` if it is not an absolute web
/// address.
pub fn site_address(url: &str) -> Option<String> {
    let url = url.trim();
    is_absolute_web_url(url).then(|| if url.ends_with('/') { url.to_owned() } else { format!("{url}/") })
}

fn read_publisher(top: &Table<'_, '_, '_>, loc: &Locator<'_>, out: &mut Vec<Diagnostic>) -> Option<Publisher> {
    let table = top.table("publisher")?;
    out.extend(table.unknown_keys::<RawPublisher>(""));
    let name = match table.field::<RawPublisher>("name") {
        Ok(raw) => raw.name,
        Err(mut errors) => {
            out.append(&mut errors);
            None
        }
    };
    let url = match table.field::<RawPublisher>("url") {
        Ok(raw) => raw.url.map(|u| u.trim().to_owned()),
        Err(mut errors) => {
            out.append(&mut errors);
            None
        }
    };
    let url = url.filter(|u| {
        let ok = is_absolute_web_url(u);
        if !ok {
            out.push(loc.error(&table.span_of("url"), format!("`publisher.url` must be an absolute address (https://…), not {u:?}")));
        }
        ok
    });
    match name.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty()) {
        Some(name) => Some(Publisher { name, url }),
        None => {
            out.push(table.missing("name", "\"Think Tank\""));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_read_and_the_addresses_end_in_a_slash() {
        let text = "url = \"https://tank.example/briefs\"\nname = \"Briefs\"\nlanguage = \"ru\"\nlogo = \"img/logo.png\"\nwidget = \"/assets/cr\"\n\n[publisher]\nname = \"Tank\"\nurl = \"https://tank.example/\"\n";
        let (s, problems) = Settings::read(text, "site.toml");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(s.url.as_deref(), Some("https://tank.example/briefs/"));
        assert_eq!(s.name.as_deref(), Some("Briefs"));
        assert_eq!(s.language, "ru");
        assert_eq!(s.widget_path(), "/assets/cr/");
        assert_eq!(s.root_path(), "/briefs/");
        assert_eq!(s.origin().as_deref(), Some("https://tank.example"));
        assert_eq!(s.logo_address().as_deref(), Some("https://tank.example/briefs/img/logo.png"));
        assert_eq!(s.address("commentaries/x/").as_deref(), Some("https://tank.example/briefs/commentaries/x/"));
        assert_eq!(s.publisher, Some(Publisher { name: "Tank".into(), url: Some("https://tank.example/".into()) }));
    }

    #[test]
    fn an_empty_file_is_the_defaults_and_nothing_is_absolute_without_the_sites_address() {
        let (s, problems) = Settings::read("", "site.toml");
        assert!(problems.is_empty());
        assert_eq!(s, Settings::default());
        assert_eq!(s.address("feed.xml"), None);
        assert_eq!((s.root_path().as_str(), s.widget_path().as_str()), ("/", "/commentary-reader/"));
        let at_root = Settings { url: Some("https://tank.example/".into()), ..Settings::default() };
        assert_eq!((at_root.root_path().as_str(), at_root.origin().as_deref()), ("/", Some("https://tank.example")));
        assert_eq!(Settings { logo: Some("logo.png".into()), ..Settings::default() }.logo_address(), None);
    }

    #[test]
    fn wrong_values_are_located_errors_and_the_rest_is_kept() {
        let text = "name = \"Briefs\"\nurl = \"tank.example\"\nlanguage = \"not a tag\"\nwidget = \"cr/\"\ncolour = \"red\"\n[publisher]\nurl = \"https://tank.example/\"\n";
        let (s, problems) = Settings::read(text, "site.toml");
        let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(s.name.as_deref(), Some("Briefs"));
        assert_eq!(s.url, None);
        assert!(messages.iter().any(|m| m.starts_with("site.toml:2:7: error: `url` must be the site's absolute address")), "{messages:#?}");
        assert!(messages.iter().any(|m| m.starts_with("site.toml:3:12: error: `language`")), "{messages:#?}");
        assert!(messages.iter().any(|m| m.starts_with("site.toml:4:10: error: `widget`")), "{messages:#?}");
        assert!(messages.iter().any(|m| m.starts_with("site.toml:5:1: warning: unknown key `colour`")), "{messages:#?}");
        assert!(messages.iter().any(|m| m.contains("`publisher.name` is missing")), "{messages:#?}");
        assert_eq!(s.publisher, None);
    }

    #[test]
    fn a_syntax_error_says_where() {
        let (_, problems) = Settings::read("name = \"Briefs\nurl = 3\n", "site.toml");
        assert_eq!(problems.len(), 1);
        assert!(problems[0].to_string().starts_with("site.toml:1:"), "{}", problems[0]);
    }
}
