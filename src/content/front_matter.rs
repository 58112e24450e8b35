//! The commentary's front matter: TOML between two `+++` lines at the top of `commentary.md`.

use serde::Deserialize;
use toml::Spanned;

use super::diagnostic::{Diagnostic, LineIndex};
use super::error::ContentError;

/// A calendar date (no time of day, no zone): what a commentary's `date` means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// Full year, e.g. 2024.
    pub year: u16,
    /// 1–12.
    pub month: u8,
    /// 1–31.
    pub day: u8,
}

impl Date {
    /// `YYYY-MM-DD`, as used in `<time datetime>` and citations.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// Milliseconds since the Unix epoch at 00:00 UTC of this date (for `Intl` formatting).
    pub fn unix_millis(&self) -> f64 {
        // Days from civil (Howard Hinnant's algorithm), exact for the proleptic Gregorian calendar.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        let days = era * 146_097 + doe - 719_468;
        days as f64 * 86_400_000.0
    }
}

/// One author of the commentary.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Author {
    /// Full name as it should be printed.
    pub name: String,
    /// Title or affiliation, printed after the name.
    #[serde(default)]
    pub role: Option<String>,
    /// A page about the author (http/https).
    #[serde(default)]
    pub url: Option<String>,
}

/// Where the commentary first appeared.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Publication {
    /// The original publisher, printed as "Originally published by …".
    pub publisher: String,
    /// The publisher's page for this commentary, or its site (http/https).
    #[serde(default)]
    pub url: Option<String>,
    /// A closing note, e.g. a partnership statement, printed after the text.
    #[serde(default)]
    pub note: Option<String>,
}

/// Everything the front matter says about a commentary.
#[derive(Debug, Clone, PartialEq)]
pub struct FrontMatter {
    /// The commentary's title.
    pub title: String,
    /// Publication date.
    pub date: Date,
    /// BCP 47 language tag of the text, e.g. `en`.
    pub lang: String,
    /// Authors in byline order.
    pub authors: Vec<Author>,
    /// The original publication, if any.
    pub publication: Option<Publication>,
    /// Entity catalogs to load, relative to `commentary.md`; `None` means the default
    /// (`entities.toml` when it exists).
    pub entities: Option<Vec<String>>,
    /// The map file, relative to `commentary.md`; `None` means `map.toml` when it exists.
    pub map: Option<String>,
}

#[derive(Deserialize)]
struct Raw {
    title: Spanned<String>,
    date: Spanned<toml::value::Datetime>,
    #[serde(default)]
    lang: Option<Spanned<String>>,
    #[serde(default)]
    authors: Vec<Author>,
    #[serde(default)]
    publication: Option<Publication>,
    #[serde(default)]
    entities: Option<Vec<String>>,
    #[serde(default)]
    map: Option<String>,
}

/// The front matter split off a `commentary.md`, before parsing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split<'a> {
    /// The TOML between the fences.
    pub toml: &'a str,
    /// Line number (1-based) of the TOML's first line in the file.
    pub toml_first_line: usize,
    /// The Markdown body after the closing fence.
    pub body: &'a str,
    /// Line number (1-based) of the body's first line in the file.
    pub body_first_line: usize,
}

/// Splits `source` into front matter and body. The file must start with a `+++` line
/// (a UTF-8 byte-order mark and blank lines before it are tolerated).
pub fn split<'a>(source: &'a str, file: &str) -> Result<Split<'a>, ContentError> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let mut offset = 0;
    let mut line_no = 0;
    let mut open: Option<usize> = None; // line number of the opening fence
    let mut toml_start = 0;
    for line in source.split_inclusive('\n') {
        line_no += 1;
        let trimmed = line.trim_end();
        match open {
            None if trimmed.is_empty() => {}
            None if trimmed == "+++" => {
                open = Some(line_no);
                toml_start = offset + line.len();
            }
            None => {
                return Err(ContentError::NoFrontMatter { file: file.to_owned(), line: line_no });
            }
            Some(opened) if trimmed == "+++" => {
                return Ok(Split {
                    toml: &source[toml_start..offset],
                    toml_first_line: opened + 1,
                    body: &source[offset + line.len()..],
                    body_first_line: line_no + 1,
                });
            }
            Some(_) => {}
        }
        offset += line.len();
    }
    match open {
        Some(line) => Err(ContentError::UnclosedFrontMatter { file: file.to_owned(), line }),
        None => Err(ContentError::NoFrontMatter { file: file.to_owned(), line: 1 }),
    }
}

/// Parses the TOML of a front matter. `first_line` is its line number in `file`.
/// Unknown keys are reported as warnings (a typo must not take the commentary down).
pub fn parse(toml_text: &str, first_line: usize, file: &str) -> Result<(FrontMatter, Vec<Diagnostic>), ContentError> {
    let index = LineIndex::new(toml_text, first_line - 1);
    let at = |span: std::ops::Range<usize>| index.locate(span.start);
    let error = |span: Option<std::ops::Range<usize>>, message: String| {
        let (line, column) = span.map_or((first_line, 1), at);
        ContentError::FrontMatter { file: file.to_owned(), line, column, message }
    };

    let mut unknown = Vec::new();
    let de = toml::de::Deserializer::parse(toml_text).map_err(|e| error(e.span(), e.message().trim().to_owned()))?;
    let raw: Raw = serde_ignored::deserialize(de, |path| unknown.push(path.to_string()))
        .map_err(|e| error(e.span(), e.message().trim().to_owned()))?;

    let mut warnings: Vec<Diagnostic> = unknown
        .iter()
        .map(|path| {
            let key = path.rsplit('.').next().unwrap_or(path);
            let pos = find_key_line(toml_text, key).map_or((first_line, 1), |(l, c)| (l + first_line - 1, c));
            Diagnostic::warning(file, pos, format!("unknown front-matter key `{path}` is ignored (known keys: title, date, lang, authors, publication, entities, map)"))
        })
        .collect();

    let title = raw.title.get_ref().trim().to_owned();
    if title.is_empty() {
        return Err(error(Some(raw.title.span()), "`title` is empty; write the commentary's title".into()));
    }
    let date = match raw.date.get_ref() {
        toml::value::Datetime { date: Some(d), .. } => Date { year: d.year, month: d.month, day: d.day },
        _ => return Err(error(Some(raw.date.span()), "`date` needs a calendar date such as 2024-02-14".into())),
    };
    let lang = match raw.lang {
        Some(lang) if is_language_tag(lang.get_ref()) => lang.into_inner(),
        Some(lang) => {
            let (line, column) = at(lang.span());
            warnings.push(Diagnostic::warning(file, (line, column), format!("`lang = \"{}\"` is not a language tag such as \"en\" or \"zh-Hans\"; using \"en\"", lang.get_ref())));
            "en".to_owned()
        }
        None => {
            warnings.push(Diagnostic::warning(file, (first_line, 1), "no `lang` given; assuming \"en\""));
            "en".to_owned()
        }
    };
    if raw.authors.is_empty() {
        warnings.push(Diagnostic::warning(file, (first_line, 1), "no `[[authors]]`: the byline will be empty"));
    }
    Ok((
        FrontMatter {
            title,
            date,
            lang,
            authors: raw.authors,
            publication: raw.publication,
            entities: raw.entities,
            map: raw.map,
        },
        warnings,
    ))
}

/// A BCP 47 tag of the simple shape we accept: 2–8 letter primary subtag, then
/// alphanumeric subtags of 1–8 characters separated by `-`.
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary_ok = parts
        .next()
        .is_some_and(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic()));
    primary_ok && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Where `key = …` is written in `toml_text`, as a 1-based (line, column) of the slice.
fn find_key_line(toml_text: &str, key: &str) -> Option<(usize, usize)> {
    toml_text.lines().enumerate().find_map(|(i, line)| {
        let start = line.len() - line.trim_start().len();
        let rest = line[start..].strip_prefix(key)?;
        rest.trim_start().starts_with('=').then_some((i + 1, start + 1))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "+++\ntitle = \"T\"\ndate = 2024-02-14\nlang = \"en\"\n[[authors]]\nname = \"A\"\n+++\nBody\n";

    #[test]
    fn splits_fences_and_counts_lines() {
        let s = split(GOOD, "c.md").unwrap();
        assert_eq!(s.toml_first_line, 2);
        assert_eq!(s.body, "Body\n");
        assert_eq!(s.body_first_line, 8);
        assert!(s.toml.starts_with("title"));
    }

    #[test]
    fn tolerates_bom_crlf_and_leading_blank_lines() {
        let src = "\u{feff}\r\n+++\r\ntitle = \"T\"\r\ndate = 2024-02-14\r\n+++\r\nBody";
        let s = split(src, "c.md").unwrap();
        assert_eq!(s.body, "Body");
        assert_eq!(s.toml_first_line, 3);
    }

    #[test]
    fn missing_and_unclosed_fences_are_located_errors() {
        let e = split("# Just markdown\n", "c.md").unwrap_err();
        assert_eq!(e, ContentError::NoFrontMatter { file: "c.md".into(), line: 1 });
        assert!(e.to_string().starts_with("c.md:1:1: error:"), "{e}");
        let e = split("+++\ntitle = \"x\"\n", "c.md").unwrap_err();
        assert_eq!(e, ContentError::UnclosedFrontMatter { file: "c.md".into(), line: 1 });
    }

    #[test]
    fn parses_all_fields() {
        let s = split(GOOD, "c.md").unwrap();
        let (fm, warnings) = parse(s.toml, s.toml_first_line, "c.md").unwrap();
        assert_eq!(fm.title, "T");
        assert_eq!(fm.date, Date { year: 2024, month: 2, day: 14 });
        assert_eq!(fm.date.iso(), "2024-02-14");
        assert_eq!(fm.authors[0].name, "A");
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn type_errors_point_at_the_value_line_in_the_file() {
        let src = "+++\ntitle = \"T\"\ndate = \"14.02.2024\"\n+++\n";
        let s = split(src, "c.md").unwrap();
        let e = parse(s.toml, s.toml_first_line, "c.md").unwrap_err();
        let ContentError::FrontMatter { line, column, ref message, .. } = e else { panic!("{e:?}") };
        assert_eq!(line, 3, "{e}");
        assert_eq!(column, 8, "{e}");
        assert!(message.contains("datetime") || message.contains("date"), "{message}");
    }

    #[test]
    fn toml_syntax_errors_are_located() {
        let src = "+++\ntitle = \"T\"\ndate = 2024-02-14\nlang = en\n+++\n";
        let s = split(src, "c.md").unwrap();
        let e = parse(s.toml, s.toml_first_line, "c.md").unwrap_err();
        assert!(e.to_string().starts_with("c.md:4:"), "{e}");
    }

    #[test]
    fn missing_title_is_an_error_naming_the_key() {
        let e = parse("date = 2024-02-14\n", 2, "c.md").unwrap_err();
        assert!(e.to_string().contains("title"), "{e}");
    }

    #[test]
    fn unknown_keys_and_bad_lang_are_warnings_with_lines() {
        let toml_text = "title = \"T\"\ndate = 2024-02-14\nlang = \"english!\"\n  subtitel = \"x\"\n";
        let (fm, warnings) = parse(toml_text, 2, "c.md").unwrap();
        assert_eq!(fm.lang, "en");
        let text: Vec<String> = warnings.iter().map(ToString::to_string).collect();
        assert!(text.iter().any(|w| w.starts_with("c.md:4:") && w.contains("english!")), "{text:?}");
        assert!(text.iter().any(|w| w.starts_with("c.md:5:3:") && w.contains("subtitel")), "{text:?}");
    }

    #[test]
    fn a_datetime_uses_its_date_and_a_bare_time_is_refused() {
        let (fm, _) = parse("title = \"T\"\ndate = 2024-02-14T10:00:00Z\nlang=\"en\"", 1, "c.md").unwrap();
        assert_eq!(fm.date.iso(), "2024-02-14");
        let e = parse("title = \"T\"\ndate = 10:00:00\n", 1, "c.md").unwrap_err();
        assert!(e.to_string().starts_with("c.md:2:8:"), "{e}");
    }

    #[test]
    fn unix_millis_matches_known_dates() {
        assert_eq!(Date { year: 1970, month: 1, day: 1 }.unix_millis(), 0.0);
        // 2024-02-14T00:00:00Z
        assert_eq!(Date { year: 2024, month: 2, day: 14 }.unix_millis(), 1_707_868_800_000.0);
        assert_eq!(Date { year: 2000, month: 3, day: 1 }.unix_millis(), 951_868_800_000.0);
    }

    #[test]
    fn language_tags() {
        for ok in ["en", "be", "zh-Hans", "en-GB", "tr"] {
            assert!(is_language_tag(ok), "{ok}");
        }
        for bad in ["", "e", "english!", "en_GB", "zh-"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }
}
