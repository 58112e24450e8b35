//! serde's view of a parsed TOML document (`toml::de::DeValue`, every value with its span):
//! the `Deserializer` that [`crate::toml_read`] reads the "as written" structs with.
//!
//! It reads as `toml`'s own `ValueDeserializer` does (the same visitor calls, the same
//! messages, every error given the span of the value it is about) but is built for the size of
//! the compiler module, where each visitor type gets its own copy of every method it reaches:
//!
//! - one `MapAccess` ([`Map`]) and one `SeqAccess` ([`Seq`]) for every visitor; `toml` also
//!   hands each struct's visitor the datetime and the list forms, so every struct was read
//!   by four copies of its derived code;
//! - a struct or a map is read from a table only, a list only from an array: anything else is
//!   an error made once for all visitors ([`De::wrong`]). `toml` reads a struct from an array
//!   by position (`links = ["Q1"]` set `wikidata`) and a struct or map from a date (`native =
//!   2024-01-01` gave a card the name `$__toml_private_datetime`); here both are the error a
//!   string or a number already gets (`` `links` must be a table, written [links], not a list ``);
//! - a value skipped (`IgnoredAny`, an unknown key) is dropped, not walked;
//! - integers are 64-bit (no struct here has a wider field), and a `Datetime` is read from a
//!   date only (`toml` also took a table holding its private datetime key).
//!
//! `Spanned<T>` and `toml_datetime::Datetime` are read through the hooks their crates publish
//! (`serde_spanned::de`, `toml_datetime::de`), as `toml` does. No struct read here is an enum.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

use serde::de::{self, DeserializeSeed, Expected, IntoDeserializer, Unexpected, Visitor};
use toml::de::{DeArray, DeFloat, DeInteger, DeString, DeTable, DeValue};
use toml::Spanned;

/// What went wrong reading a value, and where: the span of the innermost value it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    message: String,
    span: Option<Range<usize>>,
}

impl Error {
    /// serde's message, without a place.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The byte range of the value the error is about, in the whole text.
    pub fn span(&self) -> Option<Range<usize>> {
        self.span.clone()
    }

    /// The error placed at `span` unless an inner value already placed it.
    fn at(mut self, span: &Range<usize>) -> Self {
        if self.span.is_none() {
            self.span = Some(span.clone());
        }
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Self { message: msg.to_string(), span: None }
    }
}

/// Places an error of the value at `span` (see [`Error::at`]).
fn at<T>(read: Result<T, Error>, span: &Range<usize>) -> Result<T, Error> {
    read.map_err(|e| e.at(span))
}

/// One value of the document and its span.
pub struct De<'i> {
    value: DeValue<'i>,
    span: Range<usize>,
}

impl<'i> De<'i> {
    /// `value`, written at `span`.
    pub fn new(value: DeValue<'i>, span: Range<usize>) -> Self {
        Self { value, span }
    }

    fn from_spanned(value: Spanned<DeValue<'i>>) -> Self {
        let span = value.span();
        Self { value: value.into_inner(), span }
    }

    /// The error of a visitor that does not take this value: the message its own `visit_*`
    /// would give (or `toml`'s, for a number out of range), at this value.
    fn wrong(&self, expected: &dyn Expected) -> Error {
        let unexpected = match &self.value {
            DeValue::String(s) => Unexpected::Str(s),
            DeValue::Integer(i) => match Integer::of(i) {
                Integer::I64(n) => Unexpected::Signed(n),
                Integer::U64(n) => Unexpected::Unsigned(n),
                Integer::Wide => Unexpected::Other(WIDE),
            },
            DeValue::Float(x) => match float(x) {
                Some(x) => Unexpected::Float(x),
                None => return <Error as de::Error>::custom(FLOAT_OVERFLOW).at(&self.span),
            },
            DeValue::Boolean(b) => Unexpected::Bool(*b),
            // `toml` shows a date to a visitor as a map.
            DeValue::Datetime(_) | DeValue::Table(_) => Unexpected::Map,
            DeValue::Array(_) => Unexpected::Seq,
        };
        <Error as de::Error>::invalid_type(unexpected, expected).at(&self.span)
    }
}

const FLOAT_OVERFLOW: &str = "floating-point number overflowed";

/// A TOML integer as `toml` hands it to visitors: `i64` if it fits, else `u64`. None of the
/// structs read here has a 128-bit field, so a wider integer is only ever refused
/// ([`WIDE`]); `toml` showed it to the visitor as `i128`/`u128` to be refused there.
enum Integer {
    I64(i64),
    U64(u64),
    Wide,
}

impl Integer {
    fn of(i: &DeInteger<'_>) -> Self {
        let (text, radix) = (i.as_str(), i.radix());
        if let Ok(n) = i64::from_str_radix(text, radix) {
            Self::I64(n)
        } else if let Ok(n) = u64::from_str_radix(text, radix) {
            Self::U64(n)
        } else {
            Self::Wide
        }
    }
}

/// How a refused integer beyond 64 bits is described (serde's default `visit_i128` says
/// "integer `…` as i128"; the editor's message names the value's TOML type either way).
const WIDE: &str = "integer beyond 64 bits";

/// A TOML float as `toml` reads it: `None` for a finite text too large for `f64`.
fn float(x: &DeFloat<'_>) -> Option<f64> {
    let f: f64 = x.as_str().parse().ok()?;
    (!f.is_infinite() || x.as_str().contains("inf")).then_some(f)
}

impl<'de> de::Deserializer<'de> for De<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let span = self.span.clone();
        let read = match self.value {
            DeValue::String(Cow::Owned(s)) => visitor.visit_string(s),
            DeValue::String(Cow::Borrowed(s)) => visitor.visit_borrowed_str(s),
            DeValue::Integer(ref i) => match Integer::of(i) {
                Integer::I64(n) => visitor.visit_i64(n),
                Integer::U64(n) => visitor.visit_u64(n),
                Integer::Wide => return Err(self.wrong(&visitor)),
            },
            DeValue::Float(x) => match float(&x) {
                Some(x) => visitor.visit_f64(x),
                None => Err(de::Error::custom(FLOAT_OVERFLOW)),
            },
            DeValue::Boolean(b) => visitor.visit_bool(b),
            // What the default `visit_map` says: no visitor that asks for any value reads a date.
            DeValue::Datetime(_) => Err(de::Error::invalid_type(Unexpected::Map, &visitor)),
            DeValue::Array(items) => visitor.visit_seq(Seq::new(items)),
            DeValue::Table(table) => visitor.visit_map(Map::new(table)),
        };
        at(read, &span)
    }

    // The scalars our structs hold, read by what their visitors take (serde's `bool`,
    // `String` and `f64` visitors take nothing else: any other value is the error their own
    // `visit_*` would give, made once in `wrong`), not by the match over every kind.

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            DeValue::Boolean(b) => at(visitor.visit_bool(b), &self.span),
            _ => Err(self.wrong(&visitor)),
        }
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let read = match &self.value {
            DeValue::Float(x) => match float(x) {
                Some(x) => visitor.visit_f64(x),
                None => return Err(self.wrong(&visitor)),
            },
            DeValue::Integer(i) => match Integer::of(i) {
                Integer::I64(n) => visitor.visit_i64(n),
                Integer::U64(n) => visitor.visit_u64(n),
                Integer::Wide => return Err(self.wrong(&visitor)),
            },
            _ => return Err(self.wrong(&visitor)),
        };
        at(read, &self.span)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            DeValue::String(Cow::Owned(s)) => at(visitor.visit_string(s), &self.span),
            DeValue::String(Cow::Borrowed(s)) => at(visitor.visit_borrowed_str(s), &self.span),
            _ => Err(self.wrong(&visitor)),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_string(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        // A key that is there holds a value: `None` is a missing key.
        let span = self.span.clone();
        at(visitor.visit_some(self), &span)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, Error> {
        let span = self.span.clone();
        at(visitor.visit_newtype_struct(self), &span)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            DeValue::Array(items) => at(visitor.visit_seq(Seq::new(items)), &self.span),
            _ => Err(self.wrong(&visitor)),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            DeValue::Table(table) => at(visitor.visit_map(Map::new(table)), &self.span),
            _ => Err(self.wrong(&visitor)),
        }
    }

    #[inline]
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        // Both names are constants of the visitor's type: only `Spanned`'s and `Datetime`'s
        // visitors keep these branches.
        if serde_spanned::de::is_spanned(name) {
            let span = self.span.clone();
            return at(visitor.visit_map(serde_spanned::de::SpannedDeserializer::new(self, span.clone())), &span);
        }
        if toml_datetime::de::is_datetime(name) {
            // Only a date (`toml` also read a table holding its private datetime key).
            return match self.value {
                DeValue::Datetime(date) => at(visitor.visit_map(toml_datetime::de::DatetimeDeserializer::new(date)), &self.span),
                _ => Err(self.wrong(&visitor)),
            };
        }
        self.deserialize_map(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.value {
            DeValue::String(s) => at(visitor.visit_enum(de::value::CowStrDeserializer::new(s)), &self.span),
            _ => Err(<Error as de::Error>::custom("wanted string or table").at(&self.span)),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        // The value is already parsed: nothing to walk.
        drop(self);
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 char bytes byte_buf
        unit unit_struct tuple tuple_struct identifier
    }
}

impl<'de> IntoDeserializer<'de, Error> for De<'de> {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}

/// The entries of a table, keys in order.
struct Map<'i> {
    entries: toml::map::IntoIter<Spanned<DeString<'i>>, Spanned<DeValue<'i>>>,
    value: Option<Spanned<DeValue<'i>>>,
}

impl<'i> Map<'i> {
    fn new(table: DeTable<'i>) -> Self {
        Self { entries: table.into_iter(), value: None }
    }

    /// The value of the key just read.
    fn take_value(&mut self) -> De<'i> {
        De::from_spanned(self.value.take().expect("next_value_seed after next_key_seed"))
    }
}

impl<'de> de::MapAccess<'de> for Map<'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        let Some((key, value)) = self.entries.next() else { return Ok(None) };
        self.value = Some(value);
        let read = seed.deserialize(de::value::StrDeserializer::<Error>::new(key.get_ref()));
        at(read, &key.span()).map(Some)
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, Error> {
        seed.deserialize(self.take_value())
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

/// The items of an array, in order.
struct Seq<'i>(std::vec::IntoIter<Spanned<DeValue<'i>>>);

impl<'i> Seq<'i> {
    fn new(items: DeArray<'i>) -> Self {
        Self(items.into_iter())
    }
}

impl<'de> de::SeqAccess<'de> for Seq<'de> {
    type Error = Error;

    fn next_element_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<Option<S::Value>, Error> {
        self.0.next().map(|item| seed.deserialize(De::from_spanned(item))).transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

#[cfg(test)]
mod tests {
    use serde::de::DeserializeOwned;
    use serde::Deserialize;

    use super::*;

    fn read<T: DeserializeOwned>(text: &str) -> Result<T, Error> {
        let doc = DeTable::parse(text).unwrap();
        let span = doc.span();
        T::deserialize(De::new(DeValue::Table(doc.into_inner()), span))
    }

    #[derive(Deserialize, Debug)]
    struct Doc {
        date: Option<toml_datetime::Datetime>,
        n: Option<f64>,
        at: Option<Spanned<String>>,
    }

    #[test]
    fn values_read_as_toml_reads_them_with_the_span_of_what_is_wrong() {
        let doc: Doc = read("date = 2024-02-14\nn = 3\nat = \"x\"\n").unwrap();
        assert_eq!(doc.date.unwrap().to_string(), "2024-02-14");
        assert_eq!(doc.n, Some(3.0));
        assert_eq!(doc.at.map(|a| a.span()), Some(29..32));
        let e = read::<Doc>("n = \"3\"").unwrap_err();
        assert_eq!((e.message(), e.span()), ("invalid type: string \"3\", expected f64", Some(4..7)));
        let e = read::<Doc>("date = { a = 1 }").unwrap_err();
        assert_eq!((e.message(), e.span()), ("invalid type: map, expected a TOML datetime", Some(7..16)));
        let e = read::<Doc>("n = 2024-02-14").unwrap_err();
        assert_eq!(e.message(), "invalid type: map, expected f64");
    }
}
