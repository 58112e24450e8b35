//! Reading the front matter: splitting it off `commentary.md` and checking each key into [`FrontMatter`].

use crate::content::diagnostic::{Diagnostic, Severity};
use crate::content::error::ContentError;
use crate::content::links::is_absolute_web_url;
use crate::content::mentions::MentionPolicy;
use crate::toml_read::{self, Locator, Table};
use serde::Deserialize;

use commentary_core::content::front_matter::*;

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
/// Unknown keys are reported as warnings (a typo must not take the commentary down); the first
/// error (in reading order: title, date, lang, authors, …) is what keeps it from rendering.
pub fn parse(toml_text: &str, first_line: usize, file: &str) -> Result<(FrontMatter, Vec<Diagnostic>), ContentError> {
    let (front, diagnostics) = parse_all(toml_text, first_line, file);
    match diagnostics.iter().find(|d| d.severity == Severity::Error) {
        Some(error) => Err(ContentError::from(error.clone())),
        None => Ok((front, diagnostics)),
    }
}

/// Reads the front matter as far as it goes, for the validator: every problem, errors and
/// warnings in reading order (an error's message without the `front matter: ` that
/// [`ContentError`] adds), and a front matter with a stand-in (see [`stand_in`]) for each value
/// that is missing or broken. With an error it is only good for checking the rest of the
/// folder against (which catalogs and map it names, which mentions link): [`parse`] never lets
/// readers see it. A TOML syntax error leaves nothing readable: the stand-ins and that one
/// error, none of the "no `lang`" kind of warnings.
pub fn parse_all(toml_text: &str, first_line: usize, file: &str) -> (FrontMatter, Vec<Diagnostic>) {
    let loc = Locator::new(toml_text, first_line, file);
    let mut front = stand_in();
    let mut out = Vec::new();
    match toml_read::parse(toml_text, &loc) {
        Ok(doc) => read(&Table::root(&doc, &loc), &loc, &mut front, &mut out),
        Err(e) => out.push(e),
    }
    (front, out)
}

/// The front matter [`parse_all`] starts from, and what is left of one that cannot be read at
/// all: an empty title, 1970-01-01, `"en"` (not given), no authors, no publication, the default
/// catalogs and map, every mention linked, no address or description of its own, the default
/// kind. Never shown to readers.
pub fn stand_in() -> FrontMatter {
    FrontMatter {
        title: String::new(),
        date: Date { year: 1970, month: 1, day: 1 },
        lang: "en".to_owned(),
        lang_given: false,
        authors: Vec::new(),
        publication: None,
        entities: None,
        map: None,
        mentions: MentionPolicy::default(),
        url: None,
        description: None,
        kind: ArticleKind::default(),
        translations: Vec::new(),
        translations_at: Default::default(),
    }
}

/// The front matter as written. Each top-level key is read on its own (a broken one is
/// reported and the others are still read), each `[[authors]]` entry too.
#[derive(Deserialize, Default)]
#[serde(default, expecting = "a table")]
struct RawFrontMatter {
    title: Option<String>,
    date: Option<toml_datetime::Datetime>,
    lang: Option<String>,
    authors: Vec<RawAuthor>,
    publication: Option<RawPublication>,
    entities: Option<Vec<String>>,
    map: Option<String>,
    mentions: Option<String>,
    url: Option<String>,
    description: Option<String>,
    kind: Option<String>,
    translations: Option<Vec<String>>,
}

/// One `[[authors]]` entry as written.
#[derive(Deserialize, Default)]
#[serde(default, expecting = "a table")]
struct RawAuthor {
    name: Option<String>,
    role: Option<String>,
    url: Option<String>,
}

/// `[publication]` as written.
#[derive(Deserialize, Default)]
#[serde(default, expecting = "a table")]
struct RawPublication {
    publisher: Option<String>,
    url: Option<String>,
    note: Option<String>,
}

/// The value `read` gave, or `None` with its errors in `out`: reading goes on past a broken key.
fn keep<T>(read: Result<T, Vec<Diagnostic>>, out: &mut Vec<Diagnostic>) -> Option<T> {
    read.map_err(|e| out.extend(e)).ok()
}

/// Fills `front` from the top-level table, every problem into `out`.
fn read(top: &Table<'_, '_, '_>, loc: &Locator<'_>, front: &mut FrontMatter, out: &mut Vec<Diagnostic>) {
    let field = |key: &str, out: &mut Vec<Diagnostic>| keep(top.field::<RawFrontMatter>(key), out);
    if let Some(f) = field("title", out) {
        match top.required("title", f.title, "\"Belarus-China Relations\"") {
            Ok((title, _)) => front.title = title,
            Err(e) => out.push(e),
        }
    }
    match field("date", out).map(|f| f.date) {
        Some(Some(date)) => match date {
            toml_datetime::Datetime { date: Some(d), .. } => front.date = Date { year: d.year, month: d.month, day: d.day },
            _ => out.push(loc.error(&top.span_of("date"), "`date` needs a calendar date, e.g. 2024-02-14")),
        },
        Some(None) => out.push(top.missing("date", "2024-02-14")),
        None => {}
    }
    match field("lang", out).map(|f| f.lang) {
        Some(Some(lang)) if is_language_tag(&lang) => (front.lang, front.lang_given) = (lang, true),
        Some(Some(lang)) => out.push(loc.warning(
            &top.span_of("lang"),
            format!("`lang = \"{lang}\"` is not a language tag such as \"en\" or \"zh-Hans\"; using \"en\""),
        )),
        Some(None) => out.push(loc.warning(&(0..0), "no `lang` given; assuming \"en\"")),
        None => {}
    }

    read_byline(top, loc, front, out);
    let spans = top.item_spans("translations");
    for (i, tag) in field("translations", out).and_then(|f| f.translations).unwrap_or_default().into_iter().enumerate() {
        if !is_language_tag(&tag) {
            out.push(
                loc.warning(&top.span_of("translations"), format!("translations: `{tag}` is not a language tag such as \"ru\"; left out")),
            );
        } else if tag == front.lang || front.translations.contains(&tag) {
            out.push(loc.warning(
                &top.span_of("translations"),
                format!("translations: `{tag}` is listed twice, or is the commentary's own language; left out"),
            ));
        } else {
            front.translations.push(tag);
            front.translations_at.0.push(loc.position(spans.get(i).unwrap_or(&top.span_of("translations"))));
        }
    }
    front.entities = field("entities", out).and_then(|f| f.entities);
    front.map = field("map", out).and_then(|f| f.map);
    if let Some(m) = field("mentions", out).and_then(|f| f.mentions) {
        match MentionPolicy::parse(&m) {
            Some(policy) => front.mentions = policy,
            None => {
                out.push(loc.warning(&top.span_of("mentions"), format!("`mentions = \"{m}\"`: use \"every\" (the default) or \"first\"")))
            }
        }
    }
    read_page(top, loc, front, out);
    out.extend(top.unknown_keys::<RawFrontMatter>(""));
}

/// The authors and the publication: one with an error is left out, the others still read.
fn read_byline(top: &Table<'_, '_, '_>, loc: &Locator<'_>, front: &mut FrontMatter, out: &mut Vec<Diagnostic>) {
    let field = |key: &str, out: &mut Vec<Diagnostic>| keep(top.field::<RawFrontMatter>(key), out);
    match top.entries("authors", |f: RawFrontMatter| f.authors) {
        Ok(authors) => {
            if authors.is_empty() {
                out.push(loc.warning(&(0..0), "no `[[authors]]`: the byline will be empty"));
            }
            for (a, raw) in authors {
                if let Some(raw) = keep(raw, out) {
                    match a.required("name", raw.name, "\"Yauheni Preiherman\"") {
                        Ok((name, _)) => front.authors.push(Author { name, role: raw.role, url: raw.url }),
                        Err(e) => out.push(e),
                    }
                }
                out.extend(a.unknown_keys::<RawAuthor>(""));
            }
        }
        Err(e) => out.push(e),
    }
    let publication = field("publication", out).and_then(|f| f.publication);
    if let Some(p) = top.table("publication") {
        if let Some(raw) = publication {
            match p.required("publisher", raw.publisher, "\"Centre for Eurasian Studies (AVIM)\"") {
                Ok((publisher, _)) => front.publication = Some(Publication { publisher, url: raw.url, note: raw.note }),
                Err(e) => out.push(e),
            }
        }
        out.extend(p.unknown_keys::<RawPublication>(""));
    }
}

/// The page's own address, description and kind: only the reading page uses them, so a wrong
/// one is a warning and the page does without (or with the default).
fn read_page(top: &Table<'_, '_, '_>, loc: &Locator<'_>, front: &mut FrontMatter, out: &mut Vec<Diagnostic>) {
    let field = |key: &str, out: &mut Vec<Diagnostic>| keep(top.field::<RawFrontMatter>(key), out);
    if let Some(url) = field("url", out).and_then(|f| f.url) {
        if is_absolute_web_url(&url) {
            front.url = Some(url);
        } else {
            out.push(loc.warning(
                &top.span_of("url"),
                format!(
                    "`url = \"{}\"` is not an absolute http(s) URL such as \"https://example.org/commentaries/my-commentary/\"; ignored",
                    url.escape_debug()
                ),
            ));
        }
    }
    if let Some(description) = field("description", out).and_then(|f| f.description) {
        if description.trim().is_empty() {
            out.push(loc.warning(&top.span_of("description"), "`description` is empty; the text's first paragraph stands in"));
        } else {
            front.description = Some(description);
        }
    }
    if let Some(k) = field("kind", out).and_then(|f| f.kind) {
        match ArticleKind::parse(&k) {
            Some(kind) => front.kind = kind,
            None => {
                let names: Vec<&str> = ArticleKind::ALL.iter().map(|k| k.schema_type()).collect();
                let default = ArticleKind::default().schema_type();
                out.push(loc.warning(
                    &top.span_of("kind"),
                    format!(
                        "`kind = \"{}\"` is not a schema.org type the page knows; use {} (the default), {} or {}; using {default}",
                        k.escape_debug(),
                        names[0],
                        names[1..names.len() - 1].join(", "),
                        names[names.len() - 1]
                    ),
                ));
            }
        }
    }
}

/// A BCP 47 tag of the simple shape we accept: 2–8 letter primary subtag, then
/// alphanumeric subtags of 1–8 characters separated by `-`.
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary_ok = parts.next().is_some_and(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic()));
    primary_ok && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
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
        assert_eq!(fm.mentions, MentionPolicy::Every);
        let (fm, w) =
            parse("title = \"T\"\ndate = 2024-02-14\nlang = \"en\"\nmentions = \"first\"\n[[authors]]\nname = \"A\"", 1, "c.md").unwrap();
        assert_eq!((fm.mentions, w.len()), (MentionPolicy::First, 0));
        let (fm, w) =
            parse("title = \"T\"\ndate = 2024-02-14\nlang = \"en\"\nmentions = \"all\"\n[[authors]]\nname = \"A\"", 1, "c.md").unwrap();
        assert_eq!(fm.mentions, MentionPolicy::Every);
        assert!(w[0].to_string().starts_with("c.md:4:12: warning: `mentions = \"all\"`"), "{}", w[0]);
    }

    #[test]
    fn type_errors_point_at_the_value_line_in_the_file() {
        let src = "+++\ntitle = \"T\"\ndate = \"14.02.2024\"\n+++\n";
        let s = split(src, "c.md").unwrap();
        let e = parse(s.toml, s.toml_first_line, "c.md").unwrap_err();
        let ContentError::FrontMatter { line, column, ref message, .. } = e else { panic!("{e:?}") };
        assert_eq!(line, 3, "{e}");
        assert_eq!(column, 8, "{e}");
        assert_eq!(message, "`date` must be a date without quotes, e.g. 2024-02-14, not a string");
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
        assert!(e.to_string().contains("`title` is missing"), "{e}");
    }

    #[test]
    fn wrong_types_in_sub_tables_are_located() {
        let e = parse("title = \"T\"\ndate = 2024-02-14\n[[authors]]\nname = 3\n", 2, "c.md").unwrap_err();
        assert_eq!(e.to_string(), "c.md:5:8: error: front matter: `authors.name` must be a string in quotes, not an integer");
        let e = parse("title = \"T\"\ndate = 2024-02-14\npublication = \"AVIM\"\n", 1, "c.md").unwrap_err();
        assert!(e.to_string().starts_with("c.md:3:15: error: front matter: `publication` must be a table"), "{e}");
        let e = parse("title = \"T\"\ndate = 2024-02-14\n[publication]\nurl = \"x\"\n", 1, "c.md").unwrap_err();
        assert!(e.to_string().contains("`publication.publisher` is missing"), "{e}");
    }

    #[test]
    fn unknown_keys_and_bad_lang_are_warnings_with_lines() {
        let toml_text =
            "title = \"T\"\ndate = 2024-02-14\nlang = \"english!\"\n  subtitel = \"x\"\n[publication]\npublisher = \"P\"\nnotes = \"n\"\n";
        let (fm, warnings) = parse(toml_text, 2, "c.md").unwrap();
        assert_eq!(fm.lang, "en");
        let text: Vec<String> = warnings.iter().map(ToString::to_string).collect();
        assert!(text.iter().any(|w| w.starts_with("c.md:4:") && w.contains("english!")), "{text:?}");
        assert!(text.iter().any(|w| w.starts_with("c.md:5:3:") && w.contains("`subtitel`")), "{text:?}");
        assert!(text.iter().any(|w| w.starts_with("c.md:8:1:") && w.contains("`publication.notes`")), "{text:?}");
    }

    #[test]
    fn the_page_keys_are_read_and_a_bad_one_is_a_located_warning() {
        const HEAD: &str = "title = \"T\"\ndate = 2024-02-14\nlang = \"en\"\n";
        let (fm, w) = parse(HEAD, 1, "c.md").unwrap();
        assert_eq!((fm.url, fm.description, fm.kind, w.len()), (None, None, ArticleKind::OpinionNewsArticle, 1), "{w:?}");
        let text = format!(
            "{HEAD}url = \"https://example.org/c/x/\"\ndescription = \"One sentence.\"\nkind = \"Report\"\n[[authors]]\nname = \"A\"\n"
        );
        let (fm, w) = parse(&text, 1, "c.md").unwrap();
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(fm.url.as_deref(), Some("https://example.org/c/x/"));
        assert_eq!(fm.description.as_deref(), Some("One sentence."));
        assert_eq!(fm.kind, ArticleKind::Report);

        let text = format!("{HEAD}url = \"example.org/c/x/\"\ndescription = \"  \"\nkind = \"Essay\"\n[[authors]]\nname = \"A\"\n");
        let (fm, w) = parse(&text, 2, "c.md").unwrap();
        assert_eq!((fm.url, fm.description, fm.kind), (None, None, ArticleKind::OpinionNewsArticle));
        let text: Vec<String> = w.iter().map(ToString::to_string).collect();
        assert_eq!(
            text,
            [
                "c.md:5:7: warning: `url = \"example.org/c/x/\"` is not an absolute http(s) URL such as \"https://example.org/commentaries/my-commentary/\"; ignored",
                "c.md:6:15: warning: `description` is empty; the text's first paragraph stands in",
                "c.md:7:8: warning: `kind = \"Essay\"` is not a schema.org type the page knows; use OpinionNewsArticle (the default), NewsArticle, AnalysisNewsArticle, Report, ScholarlyArticle, Article or BlogPosting; using OpinionNewsArticle",
            ]
        );
        // A wrong type is an error, as for every key.
        let e = parse(&format!("{HEAD}url = 3\n"), 1, "c.md").unwrap_err();
        assert_eq!(e.to_string(), "c.md:4:7: error: front matter: `url` must be a string in quotes, not an integer");
    }

    #[test]
    fn every_kind_reads_back_from_its_name() {
        for kind in ArticleKind::ALL {
            assert_eq!(ArticleKind::parse(kind.schema_type()), Some(kind));
        }
        assert_eq!(ArticleKind::ALL[0], ArticleKind::default());
        assert_eq!(ArticleKind::parse("report"), None, "names are case-sensitive, as schema.org's are");
    }

    #[test]
    fn a_datetime_uses_its_date_and_a_bare_time_is_refused() {
        let (fm, _) = parse("title = \"T\"\ndate = 2024-02-14T10:00:00Z\nlang=\"en\"", 1, "c.md").unwrap();
        assert_eq!(fm.date.iso(), "2024-02-14");
        let e = parse("title = \"T\"\ndate = 10:00:00\n", 1, "c.md").unwrap_err();
        assert!(e.to_string().starts_with("c.md:2:8:"), "{e}");
    }

    #[test]
    fn reading_everything_reports_each_problem_and_keeps_what_is_readable() {
        let toml_text = "date = \"14.02.2024\"\nlang = \"en\"\ncolour = \"red\"\nentities = [\"people.toml\"]\nmap = \"maps/map.toml\"\nmentions = \"first\"\n[[authors]]\nname = 3\n[[authors]]\nname = \"B\"\n";
        let (front, diagnostics) = parse_all(toml_text, 2, "c.md");
        let text: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
        assert_eq!(
            text,
            [
                "c.md:2:1: error: `title` is missing; add e.g. title = \"Belarus-China Relations\"",
                "c.md:2:8: error: `date` must be a date without quotes, e.g. 2024-02-14, not a string",
                "c.md:9:8: error: `authors.name` must be a string in quotes, not an integer",
                "c.md:4:1: warning: unknown key `colour` is ignored (known keys: title, date, lang, authors, publication, entities, map, mentions, url, description, kind, translations)",
            ]
        );
        // What the rest of the folder is checked against: the catalogs, map and policy named.
        assert_eq!(front.entities, Some(vec!["people.toml".to_owned()]));
        assert_eq!(front.map.as_deref(), Some("maps/map.toml"));
        assert_eq!(front.mentions, MentionPolicy::First);
        assert_eq!(front.authors.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(), ["B"], "the broken author is left out");
        // The reader's parse stops at the first of them.
        let e = parse(toml_text, 2, "c.md").unwrap_err();
        assert_eq!(e.to_string(), "c.md:2:1: error: front matter: `title` is missing; add e.g. title = \"Belarus-China Relations\"");
    }

    #[test]
    fn a_toml_syntax_error_leaves_only_stand_ins_and_that_error() {
        let (front, diagnostics) = parse_all("title = \"Unclosed\nentities = [\"people.toml\"]\n", 2, "c.md");
        assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
        assert!(
            diagnostics[0].to_string().starts_with("c.md:2:") && diagnostics[0].message.starts_with("TOML syntax"),
            "{}",
            diagnostics[0]
        );
        assert_eq!((front.entities, front.map, front.mentions, front.authors.len()), (None, None, MentionPolicy::Every, 0));
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
