//! Located messages about an editor's files: where (file, line, column) and why.
//!
//! The same type feeds the browser console, the widget's error view and the native validator,
//! so every message reads the same everywhere: `file:line:column: severity: message`.

use std::cell::Cell;
use std::fmt;

/// How bad a problem is: errors stop that file from being used, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Severity {
    /// The file (or the part named) could not be used.
    Error,
    /// Something was ignored or rendered more plainly than written.
    Warning,
}

/// One located message.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    /// The file the problem is in, as the editor named it (a URL or a path).
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong and, where it helps, what to write instead.
    pub message: String,
    /// The id this message says the catalog lacks (an `entity:` link, a route stop, a
    /// highlight's entity). When a catalog could not be read at all, every such message may
    /// follow from that alone, and `folder` folds them into one note at the catalog's error.
    /// Only of use while compiling: equality ignores it and bundles do not carry it.
    #[serde(skip)]
    pub unknown_id: Aside<Option<String>>,
}

impl Diagnostic {
    /// A warning at `line:column` of `file`.
    pub fn warning(file: &str, (line, column): (usize, usize), message: impl Into<String>) -> Self {
        Self { file: file.to_owned(), line, column, severity: Severity::Warning, message: message.into(), unknown_id: Aside(None) }
    }

    /// An error at `line:column` of `file`.
    pub fn error(file: &str, (line, column): (usize, usize), message: impl Into<String>) -> Self {
        Self { file: file.to_owned(), line, column, severity: Severity::Error, message: message.into(), unknown_id: Aside(None) }
    }

    /// The same message, marked as saying that the catalog lacks `id`.
    pub fn with_unknown_id(self, id: &str) -> Self {
        Self { unknown_id: Aside(Some(id.to_owned())), ..self }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{}:{}:{}: {}: {}", self.file, self.line, self.column, severity, self.message)
    }
}

/// What the compiler keeps beside a value a bundle carries, for the messages it writes later
/// (where something was written, an id a message is about): not part of what the value is. Its
/// equality is always true, so the types that hold one derive theirs and every other field is
/// compared; bundles do not carry it (mark the field `#[serde(skip)]`).
#[derive(Debug, Clone, Default)]
pub struct Aside<T>(pub T);

impl<T> PartialEq for Aside<T> {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl<T> Eq for Aside<T> {}

impl<T> std::ops::Deref for Aside<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// Where the items of a list were written (line, column of each).
pub type Positions = Aside<Vec<(usize, usize)>>;

/// Maps byte offsets of a text to 1-based (line, column) pairs, columns in characters.
///
/// Finding the line is a binary search. The column is counted from the last position located
/// (when that was on the same line) rather than from the start of the line, so locating
/// positions of one long line in reading order costs time linear in the line, not quadratic.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    /// Byte offset at which each line starts.
    starts: Vec<usize>,
    /// Added to every line number: the text may be a slice of a larger file.
    line_offset: usize,
    /// The last position located: (0-based line, char-boundary byte offset, 1-based column).
    last: Cell<(usize, usize, usize)>,
}

impl<'a> LineIndex<'a> {
    /// Indexes `text`, whose first line is line `line_offset + 1` of its file.
    pub fn new(text: &'a str, line_offset: usize) -> Self {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        Self { text, starts, line_offset, last: Cell::new((0, 0, 1)) }
    }

    /// 0-based index of the line holding byte `offset` (already clamped to the text).
    fn line_index(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset) - 1
    }

    /// The line of byte `offset` (as in [`LineIndex::locate`]), without counting the column.
    pub fn line(&self, offset: usize) -> usize {
        self.line_index(offset.min(self.text.len())) + 1 + self.line_offset
    }

    /// The (line, column) of byte `offset`; offsets past the end clamp to the end.
    pub fn locate(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_index(offset);
        // Step back to a char boundary so a byte offset inside a character still counts it.
        let mut end = offset;
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let start = self.starts[line];
        let (last_line, last_end, last_column) = self.last.get();
        let column = if last_line == line && last_end <= end && end - last_end < end - start {
            last_column + self.text[last_end..end].chars().count()
        } else if last_line == line && end < last_end && last_end - end < end - start {
            last_column - self.text[end..last_end].chars().count()
        } else {
            self.text[start..end].chars().count() + 1
        };
        self.last.set((line, end, column));
        (line + 1 + self.line_offset, column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_diagnostic_is_its_place_severity_and_words_not_the_id_the_compiler_notes() {
        let plain = Diagnostic::warning("m.toml", (3, 4), "unknown entity `x`");
        assert_eq!(plain, plain.clone().with_unknown_id("x"));
        assert_ne!(plain, Diagnostic::warning("m.toml", (3, 5), "unknown entity `x`"));
        assert_ne!(plain, Diagnostic::error("m.toml", (3, 4), "unknown entity `x`"));
        assert_ne!(plain, Diagnostic::warning("m.toml", (3, 4), "unknown entity `y`"));
    }

    #[test]
    fn locates_lines_and_character_columns() {
        let idx = LineIndex::new("ab\nцд x\n", 0);
        assert_eq!(idx.locate(0), (1, 1));
        assert_eq!(idx.locate(3), (2, 1));
        // "цд " is 5 bytes but 3 characters.
        assert_eq!(idx.locate(3 + 5), (2, 4));
        assert_eq!(idx.locate(999), (3, 1));
    }

    #[test]
    fn locating_in_any_order_agrees_with_a_fresh_index() {
        let text = "ab цд\n\nx ж *y* 中国 z\nend";
        let fresh = |offset| LineIndex::new(text, 2).locate(offset);
        let idx = LineIndex::new(text, 2);
        let forward: Vec<usize> = (0..=text.len() + 2).collect();
        let backward: Vec<usize> = forward.iter().rev().copied().collect();
        // Jumping back and forth, within a line and across lines, inside characters too.
        let jumps: Vec<usize> = (0..forward.len()).map(|i| (i * 7 + 3) % forward.len()).collect();
        for offset in forward.into_iter().chain(backward).chain(jumps) {
            assert_eq!(idx.locate(offset), fresh(offset), "offset {offset}");
            assert_eq!(idx.line(offset), fresh(offset).0, "offset {offset}");
        }
    }

    #[test]
    fn line_offset_shifts_lines_of_a_slice() {
        let idx = LineIndex::new("x\ny", 4);
        assert_eq!(idx.locate(2), (6, 1));
    }

    #[test]
    fn displays_like_a_compiler() {
        let d = Diagnostic::warning("a/commentary.md", (3, 7), "raw HTML is shown as text");
        assert_eq!(d.to_string(), "a/commentary.md:3:7: warning: raw HTML is shown as text");
    }
}
