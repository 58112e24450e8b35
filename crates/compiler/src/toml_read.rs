//! Reading editor TOML with serde, every message located.
//!
//! A file is parsed once into `toml`'s span-keeping document (`DeTable`, every key and value
//! with its byte range). Its parts are then deserialized one by one (through
//! [`crate::toml_de::De`]) into each parser's "as
//! written" structs (`RawEntity`, `RawPlace`, …, all of whose fields are optional): a
//! [`Table`] hands out one field ([`Table::field`]) or one entry of a `[[list]]`
//! ([`Table::entries`]) at a time, so a broken entry is reported where it is written and the
//! others are still read. Within a part, every wrong value is reported, not only the first
//! (up to [`MAX_ERRORS`]): the part is read again without it until the rest reads. serde's messages are turned into
//! the editor's words (`` `date` must be a date without quotes, e.g. 2024-02-14, not a
//! string ``), and keys that no struct has are warnings, not errors (a typo must not take a
//! file down); the known keys are the struct's own field names ([`fields_of`]). Hence no
//! `#[serde(deny_unknown_fields)]` (a typo would be an error) and no `#[serde(flatten)]` (it
//! loses the spans of what it gathers). Every span is a byte range of the whole text, whichever
//! part is being read, so a [`Locator`] turns it into the file's line and column.

use std::fmt;
use std::marker::PhantomData;
use std::ops::Range;

use serde::de::{self, DeserializeOwned};
use serde::{Deserialize, Deserializer};
use toml::de::{DeTable, DeValue};
use toml::Spanned;

use crate::content::diagnostic::{Diagnostic, LineIndex};
use crate::toml_de::De;

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

/// The field names of the struct `T`, as its derived `Deserialize` hands them to
/// `Deserializer::deserialize_struct` (renames applied, in declaration order). Empty if `T` is
/// not a struct.
pub fn fields_of<T: DeserializeOwned>() -> &'static [&'static str] {
    /// A deserializer that only notes the fields it is asked for, then refuses.
    struct Recorder<'a>(&'a mut &'static [&'static str]);

    impl<'de> Deserializer<'de> for Recorder<'_> {
        type Error = de::value::Error;

        fn deserialize_any<V: de::Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(de::Error::custom("only structs have fields"))
        }

        fn deserialize_struct<V: de::Visitor<'de>>(
            self,
            _name: &'static str,
            fields: &'static [&'static str],
            _visitor: V,
        ) -> Result<V::Value, Self::Error> {
            *self.0 = fields;
            Err(de::Error::custom("fields recorded"))
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
            option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
            ignored_any
        }
    }

    let mut fields: &'static [&'static str] = &[];
    let _ = T::deserialize(Recorder(&mut fields));
    fields
}

/// Two values in brackets, `["label", 0.4]`: exactly two, unlike a tuple, which would take
/// the first two of a longer list.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair<A, B>(pub A, pub B);

impl<'de, A: Deserialize<'de>, B: Deserialize<'de>> Deserialize<'de> for Pair<A, B> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PairVisitor<A, B>(PhantomData<(A, B)>);

        impl<'de, A: Deserialize<'de>, B: Deserialize<'de>> de::Visitor<'de> for PairVisitor<A, B> {
            type Value = Pair<A, B>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(PAIR)
            }

            fn visit_seq<S: de::SeqAccess<'de>>(self, mut seq: S) -> Result<Self::Value, S::Error> {
                let a = seq.next_element()?.ok_or_else(|| de::Error::invalid_length(0, &self))?;
                let b = seq.next_element()?.ok_or_else(|| de::Error::invalid_length(1, &self))?;
                let mut len = 2;
                while seq.next_element::<de::IgnoredAny>()?.is_some() {
                    len += 1;
                }
                if len > 2 {
                    return Err(de::Error::invalid_length(len, &self));
                }
                Ok(Pair(a, b))
            }
        }

        deserializer.deserialize_seq(PairVisitor(PhantomData))
    }
}

/// What [`Pair`] expects, in messages.
const PAIR: &str = "a pair in brackets, [first, second]";

/// One entry of a `[[list]]`: its table, and what was read from it or every problem found.
pub type Entry<'t, 'i, 'l, E> = (Table<'t, 'i, 'l>, Result<E, Vec<Diagnostic>>);

/// One TOML table of a document, read field by field or entry by entry.
pub struct Table<'t, 'i, 'l> {
    table: &'t DeTable<'i>,
    span: Range<usize>,
    /// Dotted path of this table, for messages (`""` at the top level).
    path: String,
    loc: &'l Locator<'l>,
}

impl<'t, 'i, 'l> Table<'t, 'i, 'l> {
    /// The top-level table of a parsed document.
    pub fn root(doc: &'t Spanned<DeTable<'i>>, loc: &'l Locator<'l>) -> Self {
        Self { table: doc.get_ref(), span: doc.span(), path: String::new(), loc }
    }

    fn name(&self, key: &str) -> String {
        if self.path.is_empty() {
            format!("`{key}`")
        } else {
            format!("`{}.{key}`", self.path)
        }
    }

    fn child_path(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_owned()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    /// The dotted path of this table, as messages name it (`""` at the top level).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The span of the whole table.
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// The sub-table at `key`, if there is one.
    pub fn table(&self, key: &str) -> Option<Table<'t, 'i, 'l>> {
        let value = self.table.get(key)?;
        match value.get_ref() {
            DeValue::Table(t) => Some(Table { table: t, span: value.span(), path: self.child_path(key), loc: self.loc }),
            _ => None,
        }
    }

    /// `T` (this table's struct) read from the key `key` alone: the other fields are left
    /// empty, and the errors are those of `key`'s value only. An absent key reads as empty.
    pub fn field<T: DeserializeOwned>(&self, key: &str) -> Result<T, Vec<Diagnostic>> {
        let mut one = DeTable::new();
        if let Some((k, v)) = self.table.get_key_value(key) {
            one.insert(k.clone(), v.clone());
        }
        self.deserialize(one)
    }

    /// The tables of the list `key` (`[[key]]`), each with its entry read on its own: `T`
    /// (this table's struct) is read from `key` holding that one table, and `pick` takes the
    /// entry out of it (`|m: RawMap| m.route`). An error means `key` is not a list of tables;
    /// absent means no entries.
    pub fn entries<T: DeserializeOwned, E>(&self, key: &str, pick: impl Fn(T) -> Vec<E>) -> Result<Vec<Entry<'t, 'i, 'l, E>>, Diagnostic> {
        let parts = self.entry_parts(key)?;
        Ok(parts
            .into_iter()
            .map(|(table, one)| {
                let span = table.span.clone();
                let entry = self.deserialize::<T>(one).and_then(|read| {
                    pick(read).pop().ok_or_else(|| vec![self.loc.error(&span, format!("{} could not be read", self.name(key)))])
                });
                (table, entry)
            })
            .collect())
    }

    /// The tables of the list `key`, each with the part [`Table::entries`] reads it from: `key`
    /// holding that one table.
    fn entry_parts(&self, key: &str) -> Result<Vec<(Table<'t, 'i, 'l>, DeTable<'i>)>, Diagnostic> {
        let Some((k, v)) = self.table.get_key_value(key) else { return Ok(Vec::new()) };
        let path = self.child_path(key);
        let wrong = |value: &Spanned<DeValue<'_>>| {
            self.loc.error(
                &value.span(),
                format!("{} must be a list of tables, each written [[{path}]], not {}", self.name(key), type_name(value.get_ref())),
            )
        };
        let DeValue::Array(items) = v.get_ref() else { return Err(wrong(v)) };
        items
            .iter()
            .map(|item| {
                let DeValue::Table(t) = item.get_ref() else { return Err(wrong(item)) };
                let mut list = toml::de::DeArray::new();
                list.push(item.clone());
                let mut one = DeTable::new();
                // Spanned as the entry alone: positions inside are the document's own.
                one.insert(k.clone(), Spanned::new(item.span(), DeValue::Array(list)));
                Ok((Table { table: t, span: item.span(), path: path.clone(), loc: self.loc }, one))
            })
            .collect()
    }

    /// Where the value of `key` is written, or this table's span if it has no `key`. The "as
    /// written" structs hold plain values (no `Spanned` fields, each a reader of its own in the
    /// compiler module): their spans are the document's.
    pub fn span_of(&self, key: &str) -> Range<usize> {
        self.table.get(key).map_or_else(|| self.span.clone(), Spanned::span)
    }

    /// Where each item of the list at `key` is written (empty if `key` is no list): messages
    /// about one stop or one code point at it, not at the start of its list.
    pub fn item_spans(&self, key: &str) -> Vec<Range<usize>> {
        match self.table.get(key).map(Spanned::get_ref) {
            Some(DeValue::Array(items)) => items.iter().map(Spanned::span).collect(),
            _ => Vec::new(),
        }
    }

    /// The value of a key this table must have, a string that is not blank (trimmed), and
    /// where it is written; or the error that it is missing or empty.
    pub fn required(&self, key: &str, value: Option<String>, example: &str) -> Result<(String, Range<usize>), Diagnostic> {
        match value {
            Some(s) if !s.trim().is_empty() => Ok((s.trim().to_owned(), self.span_of(key))),
            Some(_) => Err(self.loc.error(&self.span_of(key), format!("{} is empty", self.name(key)))),
            None => Err(self.missing(key, example)),
        }
    }

    /// An error for a key this table must have.
    pub fn missing(&self, key: &str, example: &str) -> Diagnostic {
        let where_ = if self.path.is_empty() { String::new() } else { format!(" in [{}]", self.path) };
        self.loc.error(&self.span, format!("{} is missing{where_}; add e.g. {key} = {example}", self.name(key)))
    }

    /// Warnings for every key of this table that is not a field of `T`; the message lists the
    /// fields, then `hint`.
    pub fn unknown_keys<T: DeserializeOwned>(&self, hint: &str) -> Vec<Diagnostic> {
        self.unknown_keys_of(fields_of::<T>(), hint)
    }

    fn unknown_keys_of(&self, known: &[&str], hint: &str) -> Vec<Diagnostic> {
        self.table
            .iter()
            .filter(|(k, _)| !known.contains(&k.get_ref().as_ref()))
            .map(|(k, _)| {
                let message = format!("unknown key {} is ignored (known keys: {}{hint})", self.name(k.get_ref()), known.join(", "));
                self.loc.warning(&k.span(), message)
            })
            .collect()
    }

    /// `T` from `table`, a part of this table (its keys are this table's): every problem, in
    /// the order written. After each error the value it is about is left out and the rest is
    /// read again, so one wrong value does not hide the next.
    fn deserialize<T: DeserializeOwned>(&self, table: DeTable<'i>) -> Result<T, Vec<Diagnostic>> {
        let mut read = None;
        self.read_part(table, &mut |d| T::deserialize(d).map(|t| read = Some(t)))?;
        Ok(read.expect("read_part reads until a round succeeds"))
    }

    /// [`Table::deserialize`] without its type: `read` is one round of reading `T`.
    fn read_part(
        &self,
        mut table: DeTable<'i>,
        read: &mut dyn FnMut(De<'i>) -> Result<(), crate::toml_de::Error>,
    ) -> Result<(), Vec<Diagnostic>> {
        let mut errors: Vec<(Range<usize>, Diagnostic)> = Vec::new();
        let mut more = None;
        loop {
            match read(De::new(DeValue::Table(table.clone()), self.span.clone())) {
                Ok(()) if errors.is_empty() => return Ok(()),
                Ok(()) => break,
                Err(e) => {
                    // Every error has the span of the value it is about, in the document.
                    let span = e.span().unwrap_or_else(|| self.span.clone());
                    if errors.len() == MAX_ERRORS {
                        // Each round reads the part again: bounded, for a file with thousands.
                        let message = format!("more wrong values here than the {MAX_ERRORS} listed; fix those and check again");
                        more = Some(self.loc.error(&span, message));
                        break;
                    }
                    let (path, found) = locate(&table, &span);
                    let path = match (self.path.is_empty(), path.is_empty()) {
                        (_, true) => self.path.clone(),
                        (true, false) => path,
                        (false, false) => format!("{}.{path}", self.path),
                    };
                    // In the order written (a stable insertion: no sort to compile for this).
                    let at = errors.partition_point(|(s, _)| s.start <= span.start);
                    errors.insert(at, (span.clone(), self.loc.error(&span, message(e.message(), &path, found))));
                    if !prune(&mut table, &span) {
                        break;
                    }
                }
            }
        }
        Err(errors.into_iter().map(|(_, d)| d).chain(more).collect())
    }
}

/// The most errors one part (a field, an entry) reports.
pub const MAX_ERRORS: usize = 20;

fn contains(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

// The span of a table written with a header (`[view]`, `[[route]]`) is that header's, not its
// keys': the searches below look into every table, not only into those whose span holds `span`.

/// The dotted path of the innermost key whose value holds `span` (list positions are not
/// named), and the value written exactly at `span`, if any.
fn locate<'a, 'i>(table: &'a DeTable<'i>, span: &Range<usize>) -> (String, Option<&'a DeValue<'i>>) {
    fn key_in(table: &DeTable<'_>, span: &Range<usize>) -> Option<Vec<String>> {
        table.iter().find_map(|(k, v)| {
            let mut path = value_in(v, span).or_else(|| contains(&v.span(), span).then(Vec::new))?;
            path.push(k.get_ref().to_string());
            Some(path)
        })
    }
    fn value_in(value: &Spanned<DeValue<'_>>, span: &Range<usize>) -> Option<Vec<String>> {
        match value.get_ref() {
            DeValue::Table(t) => key_in(t, span),
            DeValue::Array(items) => items.iter().find_map(|v| value_in(v, span)),
            _ => None,
        }
    }
    fn exact<'a, 'i>(value: &'a Spanned<DeValue<'i>>, span: &Range<usize>) -> Option<&'a DeValue<'i>> {
        if value.span() == *span {
            return Some(value.get_ref());
        }
        match value.get_ref() {
            DeValue::Table(t) => t.values().find_map(|v| exact(v, span)),
            DeValue::Array(items) => items.iter().find_map(|v| exact(v, span)),
            _ => None,
        }
    }
    let path = key_in(table, span).map_or_else(String::new, |mut keys| {
        keys.reverse();
        keys.join(".")
    });
    (path, table.values().find_map(|v| exact(v, span)))
}

/// Leaves out of `table` the innermost key whose value holds `span`; `false` if none does.
fn prune(table: &mut DeTable<'_>, span: &Range<usize>) -> bool {
    fn within(value: &mut Spanned<DeValue<'_>>, span: &Range<usize>) -> bool {
        match value.get_mut() {
            DeValue::Table(t) => prune(t, span),
            DeValue::Array(items) => items.iter_mut().any(|v| within(v, span)),
            _ => false,
        }
    }
    let mut hit = None;
    for (k, v) in table.iter_mut() {
        if within(v, span) {
            return true;
        }
        if contains(&v.span(), span) {
            hit = Some(k.clone());
            break;
        }
    }
    hit.is_some_and(|k| table.remove(k.get_ref().as_ref()).is_some())
}

/// serde's message about the value at `path` (written as `found`), in the editor's words.
fn message(serde: &str, path: &str, found: Option<&DeValue<'_>>) -> String {
    let key = if path.is_empty() { "the value".to_owned() } else { format!("`{path}`") };
    if let Some((what, expected)) = serde.strip_prefix("invalid type: ").and_then(|m| m.rsplit_once(", expected ")) {
        return format!("{key} must be {}, not {}", expectation(expected, path), found.map_or(what, |v| type_name(v)));
    }
    if let Some((n, expected)) = serde.strip_prefix("invalid length ").and_then(|m| m.split_once(", expected ")) {
        let values = if n == "1" { "value" } else { "values" };
        return format!("{key} must be {}, not {n} {values}", expectation(expected, path));
    }
    if let Some((what, expected)) = serde.strip_prefix("invalid value: ").and_then(|m| m.rsplit_once(", expected ")) {
        return format!("{key} must be {}, not {what}", expectation(expected, path));
    }
    format!("{key}: {serde}")
}

/// What serde says a value should be (its visitors' `expecting`), as the editor writes it.
fn expectation(serde: &str, path: &str) -> String {
    match serde {
        "a string" => "a string in quotes".to_owned(),
        "a boolean" => "true or false".to_owned(),
        "f64" | "f32" | "i64" | "i32" | "u64" | "u32" => "a number".to_owned(),
        "a TOML datetime" => "a date without quotes, e.g. 2024-02-14".to_owned(),
        "a sequence" => "a list, written [ … ]".to_owned(),
        "a map" => "a table, written { key = … }".to_owned(),
        // The `expecting` of every "as written" struct.
        "a table" => format!("a table, written [{path}]"),
        other => other.to_owned(),
    }
}

#[cfg(test)]
mod tests;
