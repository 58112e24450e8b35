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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::parse_commentary;

    const SEED: &str = include_str!("../../../../static/commentaries/belarus-china-relations-2024/commentary.md");

    #[test]
    fn reading_time_is_a_range_by_language() {
        // 4,000 characters of English: 4000/1105 → 4, 4000/869 → 5.
        assert_eq!(minutes(4000, "en"), (4, 5));
        assert_eq!(minutes(4000, "ru-RU"), (4, 5));
        assert_eq!(minutes(4000, "zh"), (15, 18), "Chinese reads fewer characters a minute");
        assert_eq!(minutes(10, "en"), (1, 1), "never zero");
        assert_eq!(minutes(4000, "xx"), minutes(4000, "en"));
    }

    #[test]
    fn the_seed_reads_in_about_four_minutes() {
        let (c, _) = parse_commentary(SEED, "commentary.md").unwrap();
        let chars = characters(&c.body);
        assert!((3_000..5_000).contains(&chars), "{chars}");
        assert_eq!(minutes(chars, "en"), (4, 5));
    }

    #[test]
    fn citations_follow_their_styles() {
        let (c, _) = parse_commentary(SEED, "commentary.md").unwrap();
        let [(_, chicago), (_, apa), (_, bibtex)] = citations(&c.front, "https://example.org/x");
        assert!(chicago.starts_with("Preiherman, Yauheni. \u{201c}Belarus-China Relations amid Geostrategic Challenges.\u{201d} Centre for Eurasian Studies (AVIM), February 14, 2024."), "{chicago}");
        assert!(apa.starts_with("Preiherman, Y. (2024, February 14). Belarus-China Relations amid Geostrategic Challenges. Centre for Eurasian Studies (AVIM). "), "{apa}");
        assert!(bibtex.starts_with("@online{preiherman2024,\n  author = {Yauheni Preiherman},"), "{bibtex}");
        assert!(bibtex.contains("date = {2024-02-14}") && bibtex.trim_end().ends_with('}'));
    }

    #[test]
    fn citations_give_the_commentarys_own_address_then_the_publishers_then_the_bundles() {
        let (c, _) = parse_commentary(SEED, "commentary.md").unwrap();
        let found = "https://example.org/c/commentary.bundle";
        let cited = |front: &FrontMatter| {
            let [(_, chicago), (_, apa), (_, bibtex)] = citations(front, found);
            let url = cited_url(front, found).to_owned();
            assert!(chicago.ends_with(&format!(" {url}.")), "{chicago}");
            assert!(apa.ends_with(&format!(" {url}")), "{apa}");
            assert!(bibtex.contains(&format!("url = {{{url}}}")), "{bibtex}");
            url
        };
        // The seed names its publisher's site and no address of its own.
        assert_eq!(cited(&c.front), "https://avim.org.tr/");
        let mut own = c.front.clone();
        own.url = Some("https://example.org/commentaries/belarus-china-relations-2024/".to_owned());
        assert_eq!(cited(&own), "https://example.org/commentaries/belarus-china-relations-2024/");
        let mut neither = c.front.clone();
        neither.publication.as_mut().unwrap().url = None;
        assert_eq!(cited(&neither), found);
        neither.publication = None;
        assert_eq!(cited(&neither), found);
    }
}
