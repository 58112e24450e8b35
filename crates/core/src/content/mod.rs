//! Pure content handling: an editor's `commentary.md` → [`Commentary`] → [`Linked`].
//!
//! No browser APIs here; the same code serves the widget, the tests and the validator. The data
//! types (what a bundle carries: the document model, the catalog, the front matter, mentions,
//! diagnostics) build everywhere; the parsers and the linker only where `cfg(feature = "parsers")` is set
//! (natively and in the compiler module), so the reader cannot call one.

pub mod catalog;
pub mod diagnostic;
pub mod error;
pub mod front_matter;
#[cfg(feature = "parsers")]
pub mod linker;
pub mod links;
pub mod markdown;
pub mod mentions;
pub mod slug;
pub mod suggest;
#[cfg(feature = "parsers")]
pub mod toml_de;
#[cfg(feature = "parsers")]
pub mod toml_read;

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

/// Parses a whole `commentary.md`. `file` names it in messages. Returns the commentary and
/// warnings, or the error that keeps it from rendering.
#[cfg(feature = "parsers")]
pub fn parse_commentary(source: &str, file: &str) -> Result<(Commentary, Vec<Diagnostic>), ContentError> {
    let split = front_matter::split(source, file)?;
    let (front, mut warnings) = front_matter::parse(split.toml, split.toml_first_line, file)?;
    let (body, body_warnings) = markdown::parse_body(split.body, split.body_first_line, file);
    warnings.extend(body_warnings);
    Ok((Commentary { front, body }, warnings))
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

/// Links the body and the closing texts of `commentary` to `catalog`. `file` names the
/// commentary in warnings (unknown explicit ids, aliases claimed twice).
#[cfg(feature = "parsers")]
pub fn link_commentary(commentary: &Commentary, catalog: &catalog::Catalog, file: &str) -> (Linked, Vec<Diagnostic>) {
    let linker = linker::Linker::new(catalog);
    let mut warnings: Vec<Diagnostic> = linker
        .collisions
        .iter()
        .map(|(alias, loser, winner)| {
            // Located where the winner's aliases are written (the catalog), else at the text's top.
            let source = catalog.index_of(winner.as_str()).and_then(|i| catalog.get(i).source.0.clone());
            let (at_file, at) = source.map_or((file.to_owned(), (1, 1)), |(f, l, c)| (f, (l, c)));
            Diagnostic::warning(
                &at_file,
                at,
                format!("the alias `{alias}` belongs to both `{loser}` and `{winner}`; mentions go to `{winner}`"),
            )
        })
        .collect();
    let mut linking = linker::Linking::new(catalog, &linker, commentary.front.mentions, file);
    let mut body = commentary.body.clone();
    linking.document(&mut body);
    let bios = commentary.front.authors.iter().map(|a| (linking.text(&a.name), a.role.as_deref().map(|r| linking.text(r)))).collect();
    let note = commentary.front.publication.as_ref().and_then(|p| p.note.as_deref()).map(|n| linking.text(n));
    warnings.append(&mut linking.warnings);
    (Linked { body, bios, note, mentions: linking.mentions }, warnings)
}
