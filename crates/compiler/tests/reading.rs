//! Reading aids over the seed commentary as the compiler reads it.

use commentary_compiler::parse_commentary;
use commentary_core::content::FrontMatter;
use commentary_core::ui::reading::*;

const SEED: &str = include_str!("../../../static/commentaries/belarus-china-relations-2024/commentary.md");

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
