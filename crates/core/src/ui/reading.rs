//! Reading aids that are pure computation: the reading-time range and the citations.

use crate::content::{Block, Document, FrontMatter, Inline};

/// All the text a reader reads in `document` (paragraphs, headings, lists, quotes, code).
pub fn characters(document: &Document) -> usize {
    fn blocks(bs: &[Block]) -> usize {
        bs.iter()
            .map(|b| match b {
                Block::Heading { content, .. } | Block::Paragraph { content, .. } => Inline::plain_text(content).chars().count(),
                Block::Quote { blocks: inner, .. } => blocks(inner),
                Block::List { items, .. } => items.iter().map(|item| blocks(item)).sum(),
                Block::Code { text, .. } => text.chars().count(),
                Block::Rule { .. } => 0,
            })
            .sum()
    }
    blocks(&document.blocks)
}

/// Minutes to read `chars` characters of language `lang`, as a (fast, slow) range, at least 1.
pub fn minutes(chars: usize, lang: &str) -> (u32, u32) {
    let (speed, spread) = crate::i18n::reading_speed(lang);
    let chars = chars as f64;
    let fast = (chars / (speed + spread)).ceil().max(1.0) as u32;
    let slow = (chars / (speed - spread)).ceil().max(1.0) as u32;
    (fast, slow.max(fast))
}

fn authors_apa(front: &FrontMatter) -> String {
    // "Preiherman, Y." — family name last word, initials of the others.
    let names: Vec<String> = front
        .authors
        .iter()
        .map(|a| {
            let parts: Vec<&str> = a.name.split_whitespace().collect();
            match parts.split_last() {
                Some((family, given)) if !given.is_empty() => {
                    let initials: Vec<String> = given.iter().filter_map(|g| g.chars().next()).map(|c| format!("{c}.")).collect();
                    format!("{family}, {}", initials.join(" "))
                }
                _ => a.name.clone(),
            }
        })
        .collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{}, & {last}", init.join(", ")),
    }
}

fn authors_chicago(front: &FrontMatter) -> String {
    // First author inverted ("Preiherman, Yauheni"), the others as written.
    let names: Vec<String> = front
        .authors
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let parts: Vec<&str> = a.name.split_whitespace().collect();
            match parts.split_last() {
                Some((family, given)) if i == 0 && !given.is_empty() => format!("{family}, {}", given.join(" ")),
                _ => a.name.clone(),
            }
        })
        .collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{}, and {last}", init.join(", ")),
    }
}

const MONTHS: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// The address a citation gives: the commentary's own (`url` in the front matter), else the
/// publisher's page (`[publication] url`), else `found`, where the reader found it.
pub fn cited_url<'a>(front: &'a FrontMatter, found: &'a str) -> &'a str {
    front.url.as_deref().or_else(|| front.publication.as_ref().and_then(|p| p.url.as_deref())).unwrap_or(found)
}

/// The commentary's citation in three styles: Chicago (notes-bibliography), APA 7 and BibTeX.
/// `url` is where the reader found it, cited only when the front matter gives no address
/// ([`cited_url`]).
pub fn citations(front: &FrontMatter, url: &str) -> [(&'static str, String); 3] {
    let d = front.date;
    let month = MONTHS[usize::from(d.month.clamp(1, 12)) - 1];
    let publisher = front.publication.as_ref().map(|p| p.publisher.clone()).unwrap_or_default();
    let url = cited_url(front, url);
    let title = &front.title;
    let chicago = format!(
        "{}. \u{201c}{title}.\u{201d} {}{month} {}, {}. {url}.",
        authors_chicago(front),
        if publisher.is_empty() { String::new() } else { format!("{publisher}, ") },
        d.day,
        d.year
    );
    let apa = format!(
        "{} ({}, {month} {}). {title}. {}{url}",
        authors_apa(front),
        d.year,
        d.day,
        if publisher.is_empty() { String::new() } else { format!("{publisher}. ") }
    );
    let family = front.authors.first().and_then(|a| a.name.split_whitespace().last()).unwrap_or("anonymous");
    let key: String = format!("{family}{}", d.year).chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_lowercase();
    let escape = |s: &str| s.replace(['{', '}'], "").replace('&', "\\&");
    let bibtex = format!(
        "@online{{{key},\n  author = {{{}}},\n  title = {{{}}},\n  organization = {{{}}},\n  date = {{{}}},\n  url = {{{url}}},\n  langid = {{{}}}\n}}",
        escape(&front.authors.iter().map(|a| a.name.as_str()).collect::<Vec<_>>().join(" and ")),
        escape(title),
        escape(&publisher),
        d.iso(),
        front.lang
    );
    [("Chicago", chicago), ("APA", apa), ("BibTeX", bibtex)]
}
