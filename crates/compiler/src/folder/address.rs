//! The folder's files and where they are: names beside the file that wrote them, the folder's
//! default files, remote references, and [`locate`], the one function that resolves them.

/// The base map used when `map.toml` names none, relative to the widget's own files.
pub const DEFAULT_BASEMAP_PATH: &str = "basemaps/eurasia.topo.json";

/// A text file of the folder: its name (a URL in the widget, a path in the validator).
#[derive(Debug, Clone, PartialEq)]
pub struct TextFile {
    /// URL or path, as messages name it.
    pub name: String,
    /// The whole file, as text.
    pub text: String,
}

/// The name of the file `reference` points to, as written in the file named `from`. Names are
/// `/`-separated and relative to the commentary's folder (`commentary.md`, `maps/map.toml`,
/// `../shared/entities.toml`), so messages and bundles say the same wherever the folder is.
/// `.` steps and `dir/..` pairs are taken out; an absolute reference stays as written.
pub fn name_beside(from: &str, reference: &str) -> String {
    if reference.starts_with('/') {
        return reference.to_owned();
    }
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop(); // `from` itself: the reference is relative to its folder.
    for part in reference.split('/') {
        match part {
            "" | "." => {}
            ".." if parts.last().is_some_and(|p| *p != "..") => {
                parts.pop();
            }
            part => parts.push(part),
        }
    }
    parts.join("/")
}

/// `commentary.md`: the file every folder has, named relative to the folder.
pub const COMMENTARY: &str = "commentary.md";

/// The file of the translation `lang` beside `commentary.md`: `commentary.ru.md`.
pub fn translation_file(lang: &str) -> String {
    translated_name(COMMENTARY, lang)
}

pub use crate::content::links::translated_name;

/// The catalog a commentary has when its front matter names none.
pub const DEFAULT_CATALOG: &str = "entities.toml";

/// The map a commentary has when its front matter names none.
pub const DEFAULT_MAP: &str = "map.toml";

/// Whether `reference` is a URL rather than the name of a file: it starts with `//` or with a
/// scheme (`https:`, `blob:`, `data:`; two characters at least, so `C:\…` stays a path).
pub fn is_remote(reference: &str) -> bool {
    reference.starts_with("//") || reference.split_once(':').is_some_and(|(scheme, _)| is_scheme(scheme))
}

/// A URL scheme: a letter, then letters, digits, `+`, `-` or `.`; two characters at least.
fn is_scheme(s: &str) -> bool {
    s.len() >= 2
        && s.starts_with(|c: char| c.is_ascii_alphabetic())
        && s.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// `reference` as written in the file named `base`: against a URL (`https://…/commentary.md`, a
/// scheme and an authority), resolved by the one resolver the widget has,
/// [`crate::content::links::join`] (RFC 3986, as a browser does); a remote reference as written;
/// and anything else as [`name_beside`] names it.
pub fn join(base: &str, reference: &str) -> String {
    if base.split_once("://").is_some_and(|(scheme, _)| is_scheme(scheme)) {
        crate::content::links::join(base, reference)
    } else if is_remote(reference) {
        reference.to_owned()
    } else {
        name_beside(base, reference)
    }
}

/// Where a file asked for is ([`locate`] finds it from a reference).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Address {
    /// A file of the commentary's folder, named relative to it (`entities.toml`,
    /// `maps/map.toml`, `../shared/entities.toml`, or an editor's absolute path as written).
    Folder(String),
    /// A URL (`https://…`, `//host/…`, `blob:…`, `data:…`). The browser fetches it; native
    /// `check` and `build` read only files on disk and answer [`Failure::NotFetched`].
    Remote(String),
    /// One of the widget's own files, relative to the folder it is served from
    /// ([`DEFAULT_BASEMAP_PATH`]); the native binary has it built in.
    Widget(String),
}

/// Locates `reference`, written in the file at `from`: beside it (`..` and `.` steps resolved),
/// or remote when it is a URL, or when `from` is remote itself (then resolved against its URL).
/// The one function that turns what an editor wrote into where a file is.
pub fn locate(from: &Address, reference: &str) -> Address {
    match from {
        Address::Remote(url) => Address::Remote(join(url, reference)),
        _ if is_remote(reference) => Address::Remote(reference.to_owned()),
        Address::Folder(file) => Address::Folder(name_beside(file, reference)),
        Address::Widget(file) => Address::Widget(name_beside(file, reference)),
    }
}
