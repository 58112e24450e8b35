//! What the pipeline asks its driver for ([`Request`]: a file, and what it is [`Need`]ed for)
//! and what the driver answers ([`Answer`], a [`Failure`] with its reason).

use super::*;

/// Why a file is asked for, which decides what its absence means ([`Pipeline::admit`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Asked {
    /// Nothing works without it: `commentary.md`, and the widget's base map for a map that
    /// names none.
    Required,
    /// Only as a default (`entities.toml`, `map.toml` when the front matter names none): a
    /// folder may well have none.
    ByDefault,
    /// Named by the editor (the front matter's `entities` or `map`, `map.toml`'s `basemap`), as
    /// written there.
    Named(String),
}

/// What a requested file is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// `commentary.md`.
    Commentary,
    /// The entity catalog at this position of the front matter's `entities` (0 for the default
    /// `entities.toml`); later ones override earlier ones by id.
    Catalog(usize),
    /// `map.toml`, or the map the front matter names.
    Map,
    /// The base map `map.toml` names, or the widget's own.
    Basemap,
    /// In a translation, the catalog of this position in the translation's words
    /// (`entities.ru.toml` beside `entities.toml`), if the folder has one.
    CatalogText(usize),
    /// The checker's gazetteer (a widget file), to compare the catalog's places with.
    Gazetteer,
}

/// One file the pipeline asks a driver for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// What it is for.
    pub need: Need,
    /// Where it is.
    pub address: Address,
    /// Why it is asked for.
    pub asked: Asked,
}

/// A driver's answer to a [`Request`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// The file's text.
    Text(String),
    /// There is no such file: not on disk, HTTP 404, or nowhere to look (a reference relative
    /// to a `blob:` URL, which has no folder).
    Absent,
    /// The file may be there but could not be had.
    Failed(Failure),
}

/// Why a file that may be there could not be had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The request failed (offline, refused, blocked by CORS or CSP): what the browser said.
    Network(String),
    /// No answer within this many seconds.
    Timeout {
        /// The time allowed.
        seconds: u32,
    },
    /// The server answered with an error status other than 404.
    Status {
        /// The HTTP status.
        code: u16,
        /// Its reason phrase, possibly empty.
        text: String,
    },
    /// Larger than a commentary file may be.
    TooLarge {
        /// The file's size.
        bytes: usize,
        /// The largest size allowed.
        limit: usize,
    },
    /// There but not readable as text (permissions, not UTF-8, a folder): what the system said.
    Unreadable(String),
    /// A remote file this driver does not fetch: native `check` and `build` read only the
    /// folder's own files, so the bundle is the same on any machine.
    NotFetched,
}

impl Failure {
    /// A second attempt may succeed: the network, the server or a timeout failed.
    pub fn is_network(&self) -> bool {
        matches!(self, Self::Network(_) | Self::Timeout { .. } | Self::Status { .. })
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Network(reason) => write!(f, "could not be fetched: {reason}"),
            Self::Timeout { seconds } => write!(f, "could not be fetched: no answer within {seconds} seconds"),
            Self::Status { code, text } => write!(f, "could not be fetched: the server answered {}", format!("{code} {text}").trim_end()),
            Self::TooLarge { bytes, limit } => write!(
                f,
                "{} MB is more than a commentary file may be ({} MB); split it or check the URL",
                bytes / 1_000_000,
                limit / 1_000_000
            ),
            Self::Unreadable(reason) => write!(f, "cannot be read: {reason}"),
            Self::NotFetched => write!(f, "remote, and not fetched: only the folder's own files are read"),
        }
    }
}

/// What a commentary asks for, from its front matter: each catalog its `entities` lists, or
/// the default `entities.toml`, then the map it names, or the default `map.toml`, located
/// beside `commentary.md`. The base map is asked for once the map is read ([`basemap_request`]).
pub fn plan(front: &FrontMatter) -> Vec<Request> {
    let from = Address::Folder(COMMENTARY.to_owned());
    let named = |need, reference: &String| Request { need, address: locate(&from, reference), asked: Asked::Named(reference.clone()) };
    let by_default = |need, name: &str| Request { need, address: Address::Folder(name.to_owned()), asked: Asked::ByDefault };
    let mut requests: Vec<Request> = match &front.entities {
        Some(list) => list.iter().enumerate().map(|(i, reference)| named(Need::Catalog(i), reference)).collect(),
        None => vec![by_default(Need::Catalog(0), DEFAULT_CATALOG)],
    };
    requests.push(match &front.map {
        Some(reference) => named(Need::Map, reference),
        None => by_default(Need::Map, DEFAULT_MAP),
    });
    requests
}

/// The base map of the map read from `map`: the one its `basemap` names, located beside it, or
/// the widget's own ([`DEFAULT_BASEMAP_PATH`]).
pub fn basemap_request(map: &Address, spec: &MapSpec) -> Request {
    match &spec.basemap {
        Some(reference) => Request { need: Need::Basemap, address: locate(map, reference), asked: Asked::Named(reference.clone()) },
        None => Request { need: Need::Basemap, address: Address::Widget(DEFAULT_BASEMAP_PATH.to_owned()), asked: Asked::Required },
    }
}
