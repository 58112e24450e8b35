//! Pure content handling: an editor's `commentary.md` → [`Commentary`].
//!
//! No browser APIs here; the same code serves the widget, the tests and the validator.

pub mod catalog;
pub mod diagnostic;
pub mod error;
pub mod front_matter;
pub mod linker;
pub mod links;
pub mod markdown;
pub mod slug;
pub mod toml_doc;

pub use diagnostic::{Diagnostic, Severity};
pub use error::ContentError;
pub use front_matter::{Author, Date, FrontMatter, Publication};
pub use markdown::{Block, Document, Inline};

/// A parsed commentary: front matter and body.
#[derive(Debug, Clone, PartialEq)]
pub struct Commentary {
    /// Title, date, authors, publication, referenced files.
    pub front: FrontMatter,
    /// The body as a document model.
    pub body: Document,
}

/// Parses a whole `commentary.md`. `file` names it in messages. Returns the commentary and
/// warnings, or the error that keeps it from rendering.
pub fn parse_commentary(source: &str, file: &str) -> Result<(Commentary, Vec<Diagnostic>), ContentError> {
    let split = front_matter::split(source, file)?;
    let (front, mut warnings) = front_matter::parse(split.toml, split.toml_first_line, file)?;
    let (body, body_warnings) = markdown::parse_body(split.body, split.body_first_line, file);
    warnings.extend(body_warnings);
    Ok((Commentary { front, body }, warnings))
}
