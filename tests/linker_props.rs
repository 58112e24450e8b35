//! Property tests of the entity linker (proptest): on generated catalogs and texts, mentions
//! never overlap or nest, never split a word, cover every explicit link to a known entity, are
//! numbered in reading order, and linking never changes the text.

use commentary_reader::content::catalog::{parse_catalog, Catalog};
use commentary_reader::content::{link_commentary, parse_commentary, Block, Inline};
use proptest::prelude::*;

/// Entities with overlapping, multi-word and non-ASCII aliases.
const ENTITIES: [(&str, &[&str]); 6] = [
    ("minsk", &["Minsk"]),
    ("dialogue", &["Minsk Dialogue", "Dialogue"]),
    ("brest", &["Brest"]),
    ("lodz", &["Łódź"]),
    ("belarus", &["Belarus", "Беларусь"]),
    ("china", &["China", "中国"]),
];

fn catalog_toml() -> String {
    ENTITIES
        .iter()
        .map(|(id, aliases)| {
            let list: Vec<String> = aliases.iter().map(|a| format!("\"{a}\"")).collect();
            format!("[[entity]]\nid = \"{id}\"\nkind = \"organisation\"\nname = \"{}\"\naliases = [{}]\nsummary = \"S.\"\n\n", aliases[0], list.join(", "))
        })
        .collect()
}

fn token() -> impl Strategy<Value = String> {
    let aliases: Vec<String> = ENTITIES.iter().flat_map(|(_, a)| a.iter().map(|s| (*s).to_owned())).collect();
    let words = ["the", "rail", "Minsker", "Brests", "Chinas", "a", "X1", "BelarusChina", "ёж", "中"].map(String::from).to_vec();
    let ids = ["minsk", "dialogue", "lodz", "nobody"].map(String::from).to_vec();
    prop_oneof![
        4 => proptest::sample::select(aliases.clone()),
        3 => proptest::sample::select(words),
        1 => proptest::sample::select([",", ".", "—", "(", ")", "-", "'"].map(String::from).to_vec()),
        1 => (proptest::sample::select(aliases.clone()), proptest::sample::select(ids)).prop_map(|(text, id)| format!("[{text}](entity:{id})")),
        1 => proptest::sample::select(aliases.clone()).prop_map(|a| format!("*{a}*")),
        // Words that go on across emphasis: "Minsk*er*", "*Ex*Brest".
        1 => (proptest::sample::select(aliases.clone()), proptest::sample::select(["er", "s", "X1", "ё"].map(String::from).to_vec())).prop_map(|(a, w)| format!("{a}*{w}*")),
        1 => (proptest::sample::select(aliases), proptest::sample::select(["Ex", "9", "ж"].map(String::from).to_vec())).prop_map(|(a, w)| format!("*{w}*{a}")),
    ]
}

fn body() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::collection::vec(token(), 1..40), 1..4)
        // Each starts with a word, so it is a paragraph (not a list item or a heading).
        .prop_map(|paragraphs| paragraphs.iter().map(|p| format!("Text {}", p.join(" "))).collect::<Vec<_>>().join("\n\n"))
}

/// Every mention in `inlines` with the plain text before and after it in the paragraph.
fn mentions(inlines: &[Inline], out: &mut Vec<(String, usize, String, String)>, prefix: &mut String, depth: usize) {
    for inline in inlines {
        match inline {
            Inline::Mention { id, ordinal, content, .. } => {
                assert_eq!(depth, 0, "a mention inside a mention");
                let text = Inline::plain_text(content);
                out.push((id.to_string(), *ordinal, prefix.clone(), text.clone()));
                let mut inner = Vec::new();
                mentions(content, &mut inner, &mut String::new(), depth + 1);
                prefix.push_str(&text);
            }
            Inline::Emphasis(c) | Inline::Strong(c) | Inline::Strikethrough(c) | Inline::Link { content: c, .. } | Inline::Entity { content: c, .. } => {
                mentions(c, out, prefix, depth);
            }
            other => prefix.push_str(&Inline::plain_text(std::slice::from_ref(other))),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn linking_invariants(body in body()) {
        let (entities, diags) = parse_catalog(&catalog_toml(), "entities.toml");
        prop_assert!(diags.is_empty(), "{diags:?}");
        let catalog = Catalog::merge([entities]);
        let source = format!("+++\ntitle = \"T\"\ndate = 2024-01-01\nlang = \"en\"\n+++\n{body}\n");
        let (commentary, _) = parse_commentary(&source, "p.md").unwrap();
        let (linked, _) = link_commentary(&commentary, &catalog, "p.md");
        let mut ordinals = Vec::new();
        for (before, after) in commentary.body.blocks.iter().zip(&linked.body.blocks) {
            let (Block::Paragraph { content: plain, .. }, Block::Paragraph { content: rich, .. }) = (before, after) else { continue };
            // (e) Linking never adds or loses text.
            let text = Inline::plain_text(rich);
            prop_assert_eq!(&Inline::plain_text(plain), &text);
            let mut found = Vec::new();
            mentions(rich, &mut found, &mut String::new(), 0);
            for (id, ordinal, prefix, mention) in &found {
                ordinals.push(*ordinal);
                let rest = &text[prefix.len() + mention.len()..];
                let word = |c: char| c.is_alphanumeric();
                // (b) A mention never splits a word.
                if mention.chars().next().is_some_and(word) {
                    prop_assert!(!prefix.chars().next_back().is_some_and(word), "`{}` starts inside a word: {:?}", mention, text);
                }
                if mention.chars().next_back().is_some_and(word) {
                    prop_assert!(!rest.chars().next().is_some_and(word), "`{}` ends inside a word: {:?}", mention, text);
                }
                prop_assert!(catalog.index_of(id).is_some());
            }
            // (c) Every explicit link to a known entity became a mention of it.
            fn explicit(inlines: &[Inline], out: &mut Vec<String>) {
                for i in inlines {
                    match i {
                        Inline::Entity { id, content, .. } => { out.push(id.clone()); explicit(content, out) }
                        Inline::Emphasis(c) | Inline::Strong(c) | Inline::Strikethrough(c) | Inline::Link { content: c, .. } | Inline::Mention { content: c, .. } => explicit(c, out),
                        _ => {}
                    }
                }
            }
            let mut wanted = Vec::new();
            explicit(plain, &mut wanted);
            let known: Vec<&String> = wanted.iter().filter(|id| catalog.index_of(id).is_some()).collect();
            for id in known {
                prop_assert!(found.iter().any(|(m, ..)| m == id), "explicit link to `{}` was not kept: {:?}", id, text);
            }
        }
        // (d) Ordinals run 0..n in reading order and agree with the index.
        let n = ordinals.len();
        prop_assert_eq!(ordinals, (0..n).collect::<Vec<_>>());
        prop_assert_eq!(linked.mentions.by_ordinal.len(), n);
    }
}

/// A word may continue across Markdown emphasis ("Minsk*er*"): the linker must not cut it.
#[test]
fn a_word_continuing_into_emphasis_is_not_a_mention() {
    let (entities, _) = parse_catalog(&catalog_toml(), "entities.toml");
    let catalog = Catalog::merge([entities]);
    let source = "+++\ntitle = \"T\"\ndate = 2024-01-01\nlang = \"en\"\n+++\nText Minsk*er* and *Bre*st and Minsk.\n";
    let (commentary, _) = parse_commentary(source, "p.md").unwrap();
    let (linked, _) = link_commentary(&commentary, &catalog, "p.md");
    let Block::Paragraph { content, .. } = &linked.body.blocks[0] else { panic!("a paragraph") };
    let mut found = Vec::new();
    mentions(content, &mut found, &mut String::new(), 0);
    let texts: Vec<&str> = found.iter().map(|(_, _, _, t)| t.as_str()).collect();
    assert_eq!(texts, ["Minsk"], "only the last, whole-word Minsk: {found:?}");
}
