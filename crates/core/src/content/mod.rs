//! Pure content handling: an editor's `commentary.md` → [`Commentary`] → [`Linked`].
//!
//! No browser APIs here; the same code serves the widget, the tests and the validator: the data
//! types (what a bundle carries: the document model, the catalog, the front matter, mentions,
//! diagnostics). The parsers and the linker that make them are the compiler crate's
//! (`commentary-compiler`), which the reader does not depend on, so it cannot call one.

pub mod catalog;
pub mod diagnostic;
pub mod error;
pub mod front_matter;
pub mod links;
pub mod markdown;
pub mod mentions;
pub mod slug;
pub mod suggest;

pub use diagnostic::{Diagnostic, Severity};
pub use error::ContentError;
pub use front_matter::{ArticleKind, Author, Date, FrontMatter, Publication};
pub use markdown::{Block, Document, Inline};

/// A top-level section of the text, in reading order: what a map chapter names. The text before
/// the first heading is [`Section::intro`].
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Section {
    /// Its anchor: the heading's slug, or [`slug::INTRO`].
    pub slug: String,
    /// The heading's text (empty for the intro).
    pub title: String,
}

impl Section {
    /// The text before the first heading.
    pub fn intro() -> Self {
        Section { slug: slug::INTRO.to_owned(), title: String::new() }
    }

    /// Whether this is the text before the first heading.
    pub fn is_intro(&self) -> bool {
        self.slug == slug::INTRO
    }
}

/// A parsed commentary: front matter and body.
#[derive(Debug, Clone, PartialEq)]
pub struct Commentary {
    /// Title, date, authors, publication, referenced files.
    pub front: FrontMatter,
    /// The body as a document model.
    pub body: Document,
}

/// A commentary whose texts are linked to its catalog, ready to render.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Linked {
    /// The body with mentions.
    pub body: Document,
    /// Each author's name and role, with mentions, for the closing "about the author" lines.
    pub bios: Vec<(Vec<Inline>, Option<Vec<Inline>>)>,
    /// The publication note, with mentions.
    pub note: Option<Vec<Inline>>,
    /// Every mention in reading order: body, then bios, then note.
    pub mentions: mentions::MentionIndex,
}
