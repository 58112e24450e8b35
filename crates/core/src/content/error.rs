//! Errors that stop a commentary from rendering at all (everything else is a warning).

use thiserror::Error;

use super::diagnostic::Diagnostic;

/// Why a `commentary.md` could not be used. Each variant carries where, for the editor.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ContentError {
    /// The file does not start with a `+++` line.
    #[error(
        "{file}:{line}:1: error: a commentary must start with front matter: a line `+++`, TOML (title, date, …), then another `+++` line"
    )]
    NoFrontMatter {
        /// File name or URL.
        file: String,
        /// The first line that is not blank.
        line: usize,
    },
    /// The opening `+++` is never closed.
    #[error("{file}:{line}:1: error: the front matter opened here is never closed: add a `+++` line after the TOML")]
    UnclosedFrontMatter {
        /// File name or URL.
        file: String,
        /// Line of the opening fence.
        line: usize,
    },
    /// The TOML is malformed, a key has the wrong type, or a required key is missing.
    #[error("{file}:{line}:{column}: error: front matter: {message}")]
    FrontMatter {
        /// File name or URL.
        file: String,
        /// 1-based line in the file.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the TOML parser or our checks said.
        message: String,
    },
}

impl From<Diagnostic> for ContentError {
    fn from(d: Diagnostic) -> Self {
        ContentError::FrontMatter { file: d.file, line: d.line, column: d.column, message: d.message }
    }
}

impl ContentError {
    /// The same problem as a located diagnostic (the validator prints these).
    pub fn into_diagnostic(self) -> super::Diagnostic {
        let text = self.to_string();
        // The message after "file:line:column: error: ".
        let message = text.split_once(": error: ").map_or(text.as_str(), |(_, m)| m).to_owned();
        match self {
            Self::NoFrontMatter { file, line } | Self::UnclosedFrontMatter { file, line } => {
                super::Diagnostic::error(&file, (line, 1), message)
            }
            Self::FrontMatter { file, line, column, .. } => super::Diagnostic::error(&file, (line, column), message),
        }
    }
}
