//! Reading editor TOML with located, friendly messages, without serde.
//!
//! `toml`'s span-keeping document parser gives every key and value its byte range; the
//! helpers here pull typed fields out of a table, say exactly where a wrong type or a missing
//! key is, and report keys nobody asked for as warnings (typos must not take a file down).
//! Skipping serde keeps the widget's wasm small (see BENCHMARKS.md).

use std::collections::BTreeSet;
use std::ops::Range;

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::diagnostic::{Diagnostic, LineIndex};

/// Turns byte ranges of one TOML text into diagnostics for its file.
pub struct Locator<'a> {
    file: &'a str,
    index: LineIndex<'a>,
}

impl<'a> Locator<'a> {
    /// `text` is the TOML; its first line is line `first_line` of `file`.
    pub fn new(text: &'a str, first_line: usize, file: &'a str) -> Self {
        Self { file, index: LineIndex::new(text, first_line - 1) }
    }

    /// The file's name, as messages give it.
    pub fn file(&self) -> &str {
        self.file
    }

    /// The 1-based line and column where `span` starts.
    pub fn position(&self, span: &Range<usize>) -> (usize, usize) {
        self.index.locate(span.start)
    }

    /// An error at the start of `span`.
    pub fn error(&self, span: &Range<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(self.file, self.index.locate(span.start), message)
    }

    /// A warning at the start of `span`.
    pub fn warning(&self, span: &Range<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::warning(self.file, self.index.locate(span.start), message)
    }
}

/// Parses `text` as a TOML document, or says where its syntax breaks.
pub fn parse<'i>(text: &'i str, loc: &Locator<'_>) -> Result<Spanned<DeTable<'i>>, Diagnostic> {
    DeTable::parse(text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        loc.error(&span, format!("TOML syntax: {}", e.message().trim()))
    })
}

/// The name of a TOML value's type, for messages.
pub fn type_name(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a number",
        DeValue::Boolean(_) => "true/false",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}

/// One table being read: hands out fields by name and remembers which were read.
pub struct Fields<'t, 'i, 'l> {
    table: &'t DeTable<'i>,
    span: Range<usize>,
    /// Dotted path of this table, for messages (`""` at the top level).
    path: String,
    loc: &'l Locator<'l>,
    used: BTreeSet<&'static str>,
}

impl<'t, 'i, 'l> Fields<'t, 'i, 'l> {
    /// Reads `table` (found at `span`), named `path` in messages.
    pub fn new(table: &'t DeTable<'i>, span: Range<usize>, path: impl Into<String>, loc: &'l Locator<'l>) -> Self {
        Self { table, span, path: path.into(), loc, used: BTreeSet::new() }
    }

    fn name(&self, key: &str) -> String {
        if self.path.is_empty() { format!("`{key}`") } else { format!("`{}.{key}`", self.path) }
    }

    fn get(&mut self, key: &'static str) -> Option<&'t Spanned<DeValue<'i>>> {
        self.used.insert(key);
        self.table.get(key)
    }

    fn wrong(&self, key: &str, value: &Spanned<DeValue<'_>>, expected: &str) -> Diagnostic {
        self.loc.error(&value.span(), format!("{} must be {expected}, not {}", self.name(key), type_name(value.get_ref())))
    }

    /// An error for a key this table must have.
    pub fn missing(&self, key: &str, example: &str) -> Diagnostic {
        let where_ = if self.path.is_empty() { String::new() } else { format!(" in [{}]", self.path) };
        self.loc.error(&self.span, format!("{} is missing{where_}; add e.g. {key} = {example}", self.name(key)))
    }

    /// An optional string, with the span of its value.
    pub fn string(&mut self, key: &'static str) -> Result<Option<(String, Range<usize>)>, Diagnostic> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => match v.get_ref() {
                DeValue::String(s) => Ok(Some((s.to_string(), v.span()))),
                _ => Err(self.wrong(key, v, "a string in quotes")),
            },
        }
    }

    /// A required, non-blank string.
    pub fn required_string(&mut self, key: &'static str, example: &str) -> Result<(String, Range<usize>), Diagnostic> {
        match self.string(key)? {
            Some((s, span)) if !s.trim().is_empty() => Ok((s.trim().to_owned(), span)),
            Some((_, span)) => Err(self.loc.error(&span, format!("{} is empty", self.name(key)))),
            None => Err(self.missing(key, example)),
        }
    }

    /// An optional list of strings.
    pub fn string_list(&mut self, key: &'static str) -> Result<Option<Vec<String>>, Diagnostic> {
        let Some(v) = self.get(key) else { return Ok(None) };
        let DeValue::Array(items) = v.get_ref() else { return Err(self.wrong(key, v, "a list of strings")) };
        items
            .iter()
            .map(|item| match item.get_ref() {
                DeValue::String(s) => Ok(s.to_string()),
                _ => Err(self.wrong(key, item, "a list of strings")),
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Some)
    }

    /// An optional date or date-time value.
    pub fn datetime(&mut self, key: &'static str) -> Result<Option<(toml_datetime::Datetime, Range<usize>)>, Diagnostic> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => match v.get_ref() {
                DeValue::Datetime(d) => Ok(Some((*d, v.span()))),
                _ => Err(self.wrong(key, v, "a date without quotes, e.g. 2024-02-14")),
            },
        }
    }

    /// An optional sub-table (`[key]`).
    pub fn table(&mut self, key: &'static str) -> Result<Option<Fields<'t, 'i, 'l>>, Diagnostic> {
        let path = if self.path.is_empty() { key.to_owned() } else { format!("{}.{key}", self.path) };
        match self.get(key) {
            None => Ok(None),
            Some(v) => match v.get_ref() {
                DeValue::Table(t) => Ok(Some(Fields::new(t, v.span(), path, self.loc))),
                _ => Err(self.wrong(key, v, &format!("a table, written [{path}]"))),
            },
        }
    }

    /// An array of tables (`[[key]]`); absent means empty.
    pub fn tables(&mut self, key: &'static str) -> Result<Vec<Fields<'t, 'i, 'l>>, Diagnostic> {
        let path = if self.path.is_empty() { key.to_owned() } else { format!("{}.{key}", self.path) };
        let Some(v) = self.get(key) else { return Ok(Vec::new()) };
        let DeValue::Array(items) = v.get_ref() else {
            return Err(self.wrong(key, v, &format!("a list of tables, each written [[{path}]]")));
        };
        items
            .iter()
            .map(|item| match item.get_ref() {
                DeValue::Table(t) => Ok(Fields::new(t, item.span(), path.clone(), self.loc)),
                _ => Err(self.wrong(key, item, &format!("a list of tables, each written [[{path}]]"))),
            })
            .collect()
    }

    /// An optional number (TOML integer or float), with the span of its value.
    pub fn number(&mut self, key: &'static str) -> Result<Option<(f64, Range<usize>)>, Diagnostic> {
        let Some(v) = self.get(key) else { return Ok(None) };
        number_of(v.get_ref()).map(|n| Some((n, v.span()))).ok_or_else(|| self.wrong(key, v, "a number"))
    }

    /// An optional table of strings (`native = { be = "…", ru = "…" }`), in file order.
    pub fn string_map(&mut self, key: &'static str) -> Result<Vec<(String, String)>, Diagnostic> {
        let Some(v) = self.get(key) else { return Ok(Vec::new()) };
        let DeValue::Table(t) = v.get_ref() else { return Err(self.wrong(key, v, "a table of strings, e.g. { be = \"…\" }")) };
        t.iter()
            .map(|(k, val)| match val.get_ref() {
                DeValue::String(s) => Ok((k.get_ref().to_string(), s.to_string())),
                _ => Err(self.wrong(&format!("{key}.{}", k.get_ref()), val, "a string in quotes")),
            })
            .collect()
    }

    /// An optional list of `[label, value]` pairs whose values `read` converts.
    pub fn pairs<T>(
        &mut self,
        key: &'static str,
        expected: &str,
        read: impl Fn(&DeValue<'_>) -> Option<T>,
    ) -> Result<Vec<(String, T)>, Diagnostic> {
        let Some(v) = self.get(key) else { return Ok(Vec::new()) };
        let DeValue::Array(items) = v.get_ref() else { return Err(self.wrong(key, v, expected)) };
        items
            .iter()
            .map(|item| {
                let pair = match item.get_ref() {
                    DeValue::Array(pair) if pair.len() == 2 => pair,
                    _ => return Err(self.wrong(key, item, expected)),
                };
                let label = match pair[0].get_ref() {
                    DeValue::String(s) => s.to_string(),
                    _ => return Err(self.wrong(key, &pair[0], expected)),
                };
                let value = read(pair[1].get_ref()).ok_or_else(|| self.wrong(key, &pair[1], expected))?;
                Ok((label, value))
            })
            .collect()
    }

    /// An optional boolean.
    pub fn boolean(&mut self, key: &'static str) -> Result<Option<bool>, Diagnostic> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => match v.get_ref() {
                DeValue::Boolean(b) => Ok(Some(*b)),
                _ => Err(self.wrong(key, v, "true or false")),
            },
        }
    }

    /// An optional list of `[number, number]` pairs (e.g. map bounds).
    pub fn number_pairs(&mut self, key: &'static str) -> Result<Option<Vec<(f64, f64)>>, Diagnostic> {
        let Some(v) = self.get(key) else { return Ok(None) };
        let expected = "a list of [number, number] pairs";
        let DeValue::Array(items) = v.get_ref() else { return Err(self.wrong(key, v, expected)) };
        items
            .iter()
            .map(|item| match item.get_ref() {
                DeValue::Array(pair) if pair.len() == 2 => match (number_of(pair[0].get_ref()), number_of(pair[1].get_ref())) {
                    (Some(a), Some(b)) => Ok((a, b)),
                    _ => Err(self.wrong(key, item, expected)),
                },
                _ => Err(self.wrong(key, item, expected)),
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Some)
    }

    /// The span of the value at `key`, if present (for messages about a valid but wrong value).
    pub fn span_of(&self, key: &str) -> Option<Range<usize>> {
        self.table.get(key).map(|v| v.span())
    }

    /// The span of the whole table.
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// Warnings for every key of this table that was never asked for.
    pub fn unknown_keys(&self, known: &str) -> Vec<Diagnostic> {
        self.table
            .iter()
            .filter(|(k, _)| !self.used.contains(k.get_ref().as_ref()))
            .map(|(k, _)| {
                self.loc.warning(&k.span(), format!("unknown key {} is ignored (known keys: {known})", self.name(k.get_ref())))
            })
            .collect()
    }
}

/// A TOML integer or float as `f64`.
pub fn number_of(value: &DeValue<'_>) -> Option<f64> {
    match value {
        DeValue::Integer(i) => i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()).ok().map(|n| n as f64),
        DeValue::Float(f) => f.as_str().replace('_', "").parse().ok(),
        _ => None,
    }
}

/// A TOML string.
pub fn string_of(value: &DeValue<'_>) -> Option<String> {
    match value {
        DeValue::String(s) => Some(s.to_string()),
        _ => None,
    }
}
