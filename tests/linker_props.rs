//! Property tests of the entity linker (proptest). On generated catalogs (a few entities with
//! short, overlapping, partly non-ASCII aliases, some claimed by two entities) and generated
//! Markdown (aliases, other words, punctuation, emphasis, code, web and `entity:` links,
//! lists, quotes, headings, words glued to each other or to emphasis), linking must:
//!
//! (a) produce mentions that never overlap and never nest;
//! (b) never split a word: an alias found in the text has no letter or digit right before or
//!     after it in the paragraph's plain text (the linker's notion, `char::is_alphanumeric`);
//! (c) turn every explicit link to a known id into a mention of that id, with the link's text;
//! (d) number mentions 0..n in reading order (body, bios, note), in agreement with
//!     `Linked::mentions` (`by_ordinal`, `by_entity`, `repeat`);
//! (e) never lose or add text: the plain text of every block is unchanged.

use std::collections::HashMap;

use commentary_compiler::catalog::parse_catalog;
use commentary_compiler::{link_commentary, parse_commentary};
use commentary_reader::content::catalog::Catalog;
use commentary_reader::content::{Block, Commentary, Inline, Linked};
use proptest::prelude::*;
use proptest::sample::select;

/// Aliases to draw from: overlapping ("Minsk" / "Minsk Dialogue" / "Dialogue", "New Silk" /
/// "Silk Road"), one inside a longer word ("Ab" / "Abc"), non-ASCII and non-Latin.
const ALIASES: &[&str] = &[
    "Minsk",
    "Minsk Dialogue",
    "Dialogue",
    "Brest",
    "Belarus",
    "China",
    "Belarus China",
    "New Silk",
    "Silk Road",
    "Silk",
    "EU",
    "Ab",
    "Abc",
    "Bc",
    "Łódź",
    "Мінск",
    "中国",
];

/// Words that are not aliases (but contain some), and non-ASCII letters.
const WORDS: &[&str] = &["the", "a", "Minsker", "Brests", "EUR", "X1", "9", "ёж", "ж", "中", "é", "Abcd", "ü", "Мінску", "ABC"];

const PUNCTUATION: &[&str] = &[",", ".", "—", "(", ")", "-", "'", "’", "\"", ":", "&amp;", "5%"];

/// Between tokens: mostly a space, sometimes nothing (glued words), a hyphen, a soft or a hard break.
const SEPARATORS: &[&str] = &[" ", " ", " ", " ", "", "", "-", "\n", "  \n", "/"];

/// Entity ids: the catalog's own are `e0`, `e1`, …; these never exist.
const UNKNOWN_IDS: &[&str] = &["nobody", "e9"];

#[derive(Debug, Clone)]
struct Case {
    /// Each entity's aliases; the entity's id is `e{index}`.
    entities: Vec<Vec<String>>,
    /// The Markdown body.
    body: String,
    /// An author's name and role, and a publication note, as loose texts that are linked too.
    bio: Option<(String, String)>,
    note: Option<String>,
}

impl Case {
    fn catalog_toml(&self) -> String {
        self.entities
            .iter()
            .enumerate()
            .map(|(i, aliases)| {
                let list: Vec<String> = aliases.iter().map(|a| format!("{a:?}")).collect();
                format!(
                    "[[entity]]\nid = \"e{i}\"\nkind = \"organisation\"\nname = \"E{i}\"\naliases = [{}]\nsummary = \"S.\"\n\n",
                    list.join(", ")
                )
            })
            .collect()
    }

    fn source(&self, policy: &str) -> String {
        let mut fm = format!("title = \"T\"\ndate = 2024-01-01\nlang = \"en\"\nmentions = \"{policy}\"\n");
        if let Some((name, role)) = &self.bio {
            fm += &format!("[[authors]]\nname = {name:?}\nrole = {role:?}\n");
        }
        if let Some(note) = &self.note {
            fm += &format!("[publication]\npublisher = \"P\"\nnote = {note:?}\n");
        }
        format!("+++\n{fm}+++\n{}\n", self.body)
    }

    /// The entity each alias links to: the later entity wins an alias claimed twice.
    fn owners(&self) -> HashMap<String, String> {
        let mut owners = HashMap::new();
        for (i, aliases) in self.entities.iter().enumerate() {
            for a in aliases {
                owners.insert(a.clone(), format!("e{i}"));
            }
        }
        owners
    }
}

fn alias() -> BoxedStrategy<String> {
    prop_oneof![
        3 => select(ALIASES).prop_map(str::to_owned),
        // Short made-up aliases over a tiny alphabet overlap each other a lot.
        1 => "[AB][bc]{0,2}( [AB][bc]?)?",
    ]
    .boxed()
}

fn word() -> BoxedStrategy<String> {
    prop_oneof![2 => select(WORDS).prop_map(str::to_owned), 1 => "[A-Cb-cжé]{1,4}"].boxed()
}

/// One piece of inline Markdown.
fn token(aliases: Vec<String>, ids: Vec<String>) -> BoxedStrategy<String> {
    let known = select(aliases);
    let text = prop_oneof![3 => known.clone(), 1 => alias(), 2 => word()].boxed();
    let ids = prop_oneof![3 => select(ids), 1 => select(UNKNOWN_IDS).prop_map(str::to_owned)].boxed();
    prop_oneof![
        6 => known.clone(),
        1 => alias(),
        4 => word(),
        2 => select(PUNCTUATION).prop_map(str::to_owned),
        2 => (text.clone(), ids.clone()).prop_map(|(t, id)| format!("[{t}](entity:{id})")),
        // Explicit links with markup inside, or with no text at all.
        1 => (text.clone(), ids).prop_map(|(t, id)| format!("[*{t}* x](entity:{id})")),
        1 => (text.clone(), select(vec!["*", "**", "~~"])).prop_map(|(t, m)| format!("{m}{t}{m}")),
        1 => (text.clone(), text.clone()).prop_map(|(a, b)| format!("*{a} **{b}***")),
        1 => text.clone().prop_map(|t| format!("`{t}`")),
        1 => text.clone().prop_map(|t| format!("[{t}](https://example.org)")),
        1 => text.clone().prop_map(|t| format!("![{t}](a.png)")),
        1 => text.prop_map(|t| format!("<b>{t}</b>")),
    ]
    .boxed()
}

/// A block: a paragraph, list item, quote or heading of tokens, or a code block.
fn block(aliases: Vec<String>, ids: Vec<String>) -> impl Strategy<Value = String> {
    let line = proptest::collection::vec((token(aliases.clone(), ids), select(SEPARATORS)), 1..24)
        .prop_map(|parts| parts.into_iter().map(|(t, s)| format!("{t}{s}")).collect::<String>())
        .boxed();
    prop_oneof![
        6 => line.clone(),
        1 => line.clone().prop_map(|l| format!("- {l}\n- {l}")),
        1 => line.clone().prop_map(|l| format!("> {l}\n>\n> {l}")),
        1 => line.prop_map(|l| format!("## {l}")),
        1 => select(aliases).prop_map(|a| format!("```\n{a}\n```")),
    ]
}

fn loose_text(aliases: Vec<String>) -> impl Strategy<Value = String> {
    proptest::collection::vec(prop_oneof![2 => select(aliases), 1 => word(), 1 => select(PUNCTUATION).prop_map(str::to_owned)], 1..6)
        .prop_map(|parts| parts.join(" "))
}

fn case() -> impl Strategy<Value = Case> {
    proptest::collection::vec(proptest::collection::vec(alias(), 1..4), 1..6).prop_flat_map(|entities| {
        let aliases: Vec<String> = entities.iter().flatten().cloned().collect();
        let ids: Vec<String> = (0..entities.len()).map(|i| format!("e{i}")).collect();
        let body = proptest::collection::vec(block(aliases.clone(), ids), 1..5).prop_map(|blocks| blocks.join("\n\n"));
        let bio = proptest::option::of((loose_text(aliases.clone()), loose_text(aliases.clone())));
        let note = proptest::option::of(loose_text(aliases));
        (Just(entities), body, bio, note).prop_map(|(entities, body, bio, note)| Case { entities, body, bio, note })
    })
}

/// A mention found in a linked paragraph: its byte range in the paragraph's plain text.
#[derive(Debug)]
struct Found {
    start: usize,
    end: usize,
    id: String,
    ordinal: usize,
    repeat: bool,
    content: Vec<Inline>,
}

fn text_len(inline: &Inline) -> usize {
    Inline::plain_text(std::slice::from_ref(inline)).len()
}

fn has_mention(inlines: &[Inline]) -> bool {
    inlines.iter().any(|i| match i {
        Inline::Mention { .. } => true,
        Inline::Emphasis(c) | Inline::Strong(c) | Inline::Strikethrough(c) => has_mention(c),
        Inline::Link { content, .. } | Inline::Entity { content, .. } => has_mention(content),
        _ => false,
    })
}

fn has_entity(inlines: &[Inline]) -> bool {
    inlines.iter().any(|i| match i {
        Inline::Entity { .. } => true,
        Inline::Emphasis(c) | Inline::Strong(c) | Inline::Strikethrough(c) => has_entity(c),
        Inline::Link { content, .. } | Inline::Mention { content, .. } => has_entity(content),
        _ => false,
    })
}

/// The mentions of linked inline content, with their ranges, in reading order.
fn mentions(inlines: &[Inline], at: &mut usize, out: &mut Vec<Found>) {
    for inline in inlines {
        match inline {
            Inline::Mention { id, ordinal, repeat, content } => {
                let end = *at + text_len(inline);
                out.push(Found { start: *at, end, id: id.to_string(), ordinal: *ordinal, repeat: *repeat, content: content.clone() });
                *at = end;
            }
            Inline::Emphasis(c) | Inline::Strong(c) | Inline::Strikethrough(c) => mentions(c, at, out),
            Inline::Link { content, .. } | Inline::Entity { content, .. } => mentions(content, at, out),
            other => *at += text_len(other),
        }
    }
}

/// An explicit `entity:` link of unlinked inline content: range, id, content.
type Explicit = (usize, usize, String, Vec<Inline>);

fn explicit(inlines: &[Inline], at: &mut usize, out: &mut Vec<Explicit>) {
    for inline in inlines {
        match inline {
            Inline::Entity { id, content, .. } => {
                let end = *at + text_len(inline);
                out.push((*at, end, id.clone(), content.clone()));
                *at = end;
            }
            Inline::Emphasis(c) | Inline::Strong(c) | Inline::Strikethrough(c) => explicit(c, at, out),
            other => *at += text_len(other),
        }
    }
}

/// Paragraph contents (the linked ones) and every other block, in reading order.
fn walk<'a>(blocks: &'a [Block], paragraphs: &mut Vec<&'a [Inline]>, others: &mut Vec<&'a Block>) {
    for b in blocks {
        match b {
            Block::Paragraph { content, .. } => paragraphs.push(content),
            Block::Quote { blocks, .. } => walk(blocks, paragraphs, others),
            Block::List { items, .. } => items.iter().for_each(|item| walk(item, paragraphs, others)),
            other => others.push(other),
        }
    }
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// Checks (a)–(e) on one linked commentary; `every` is the mention policy.
fn check(case: &Case, catalog: &Catalog, commentary: &Commentary, linked: &Linked, every: bool) -> Result<(), TestCaseError> {
    let owners = case.owners();
    let (mut before, mut before_other) = (Vec::new(), Vec::new());
    let (mut after, mut after_other) = (Vec::new(), Vec::new());
    walk(&commentary.body.blocks, &mut before, &mut before_other);
    walk(&linked.body.blocks, &mut after, &mut after_other);
    prop_assert_eq!(before.len(), after.len(), "linking changed the block structure");
    // Headings and code are left alone entirely.
    prop_assert_eq!(&before_other, &after_other);

    // Every linked text in reading order: body paragraphs, then each author's name and role, then the note.
    let mut texts: Vec<(String, &[Inline], Vec<Explicit>)> = Vec::new();
    for (plain, rich) in before.iter().zip(&after) {
        let mut links = Vec::new();
        explicit(plain, &mut 0, &mut links);
        texts.push((Inline::plain_text(plain), rich, links));
    }
    prop_assert_eq!(linked.bios.len(), commentary.front.authors.len());
    for (author, (name, role)) in commentary.front.authors.iter().zip(&linked.bios) {
        texts.push((author.name.clone(), name, Vec::new()));
        prop_assert_eq!(author.role.is_some(), role.is_some());
        if let (Some(plain), Some(rich)) = (&author.role, role) {
            texts.push((plain.clone(), rich, Vec::new()));
        }
    }
    let note = commentary.front.publication.as_ref().and_then(|p| p.note.clone());
    prop_assert_eq!(note.is_some(), linked.note.is_some());
    if let (Some(plain), Some(rich)) = (note, &linked.note) {
        texts.push((plain, rich, Vec::new()));
    }

    let mut all: Vec<Found> = Vec::new();
    for (plain, rich, links) in texts {
        // (e) Linking never loses or adds text.
        let text = Inline::plain_text(rich);
        prop_assert_eq!(&plain, &text);
        prop_assert!(!has_entity(rich), "an entity: link survived linking: {:?}", rich);
        let mut found = Vec::new();
        mentions(rich, &mut 0, &mut found);
        let mut used = vec![false; found.len()];
        // (c) Each explicit link to a known id is a mention of that id with the link's own content.
        for (start, end, id, content) in &links {
            if catalog.index_of(id).is_none() {
                continue;
            }
            let hit = found
                .iter()
                .enumerate()
                .position(|(k, f)| !used[k] && f.start == *start && f.end == *end && &f.id == id && &f.content == content);
            match hit {
                Some(k) => used[k] = true,
                // With `mentions = "first"`, a repeated entity stays plain text.
                None if !every && all.iter().chain(&found).any(|f| &f.id == id) => {}
                None => prop_assert!(false, "explicit link to `{}` at {}..{} is not a mention: {:?}", id, start, end, rich),
            }
        }
        let mut last_end = 0;
        for (k, f) in found.iter().enumerate() {
            // (a) No overlap (ranges come in order) and no nesting.
            prop_assert!(f.start >= last_end, "overlapping mentions in {:?}", rich);
            last_end = f.end;
            prop_assert!(!has_mention(&f.content), "a mention inside a mention: {:?}", f);
            prop_assert!(catalog.index_of(&f.id).is_some(), "mention of unknown `{}`", f.id);
            if used[k] {
                continue;
            }
            // A mention that is not an explicit link is an alias, found whole, of its owner.
            let alias = &text[f.start..f.end];
            prop_assert_eq!(&f.content, &vec![Inline::Text(alias.to_owned())]);
            prop_assert_eq!(owners.get(alias), Some(&f.id), "`{}` is not an alias of `{}`", alias, f.id);
            // (b) It does not split a word.
            if alias.chars().next().is_some_and(is_word) {
                prop_assert!(!text[..f.start].chars().next_back().is_some_and(is_word), "`{}` starts inside a word: {:?}", alias, text);
            }
            if alias.chars().next_back().is_some_and(is_word) {
                prop_assert!(!text[f.end..].chars().next().is_some_and(is_word), "`{}` ends inside a word: {:?}", alias, text);
            }
        }
        all.extend(found);
    }

    // (d) Ordinals are 0..n in reading order, and the index agrees.
    let ordinals: Vec<usize> = all.iter().map(|f| f.ordinal).collect();
    prop_assert_eq!(ordinals, (0..all.len()).collect::<Vec<_>>());
    let ids: Vec<&str> = all.iter().map(|f| f.id.as_str()).collect();
    let indexed: Vec<&str> = linked.mentions.by_ordinal.iter().map(|id| id.as_str()).collect();
    prop_assert_eq!(ids, indexed);
    let mut by_entity: HashMap<String, Vec<usize>> = HashMap::new();
    for f in &all {
        let list = by_entity.entry(f.id.clone()).or_default();
        prop_assert_eq!(f.repeat, !list.is_empty(), "wrong `repeat` on mention {}", f.ordinal);
        list.push(f.ordinal);
    }
    let indexed: HashMap<String, Vec<usize>> = linked.mentions.by_entity.iter().map(|(id, o)| (id.to_string(), o.clone())).collect();
    prop_assert_eq!(&by_entity, &indexed);
    if !every {
        prop_assert!(by_entity.values().all(|o| o.len() == 1), "`first` mentions an entity twice: {:?}", by_entity);
    }
    Ok(())
}

fn run(case: &Case, policy: &str) -> Result<(), TestCaseError> {
    let (entities, diags) = parse_catalog(&case.catalog_toml(), "entities.toml");
    prop_assert!(diags.is_empty(), "{:?}", diags);
    prop_assert_eq!(entities.len(), case.entities.len());
    let catalog = Catalog::merge([entities]);
    let (commentary, _) = parse_commentary(&case.source(policy), "p.md").map_err(|e| TestCaseError::fail(e.to_string()))?;
    let (linked, _) = link_commentary(&commentary, &catalog, "p.md");
    check(case, &catalog, &commentary, &linked, policy == "every")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn every_mention_policy(case in case()) {
        run(&case, "every")?;
    }

    #[test]
    fn first_mention_policy(case in case()) {
        run(&case, "first")?;
    }
}

fn link_body(aliases: &[&[&str]], body: &str) -> (Case, Linked) {
    let case = Case {
        entities: aliases.iter().map(|a| a.iter().map(|s| (*s).to_owned()).collect()).collect(),
        body: body.to_owned(),
        bio: None,
        note: None,
    };
    let (entities, _) = parse_catalog(&case.catalog_toml(), "entities.toml");
    let (commentary, _) = parse_commentary(&case.source("every"), "p.md").unwrap();
    let (linked, _) = link_commentary(&commentary, &Catalog::merge([entities]), "p.md");
    (case, linked)
}

fn mention_texts(linked: &Linked) -> Vec<String> {
    let (mut paragraphs, mut others) = (Vec::new(), Vec::new());
    walk(&linked.body.blocks, &mut paragraphs, &mut others);
    let mut found = Vec::new();
    for p in paragraphs {
        mentions(p, &mut 0, &mut found);
    }
    found.iter().map(|f| Inline::plain_text(&f.content)).collect()
}

/// A word may continue across Markdown emphasis ("Minsk*er*"): the linker must not cut it.
#[test]
fn a_word_continuing_into_emphasis_is_not_a_mention() {
    let (_, linked) = link_body(&[&["Minsk"], &["Brest"]], "Text Minsk*er* and *Bre*st and *Ex*Brest and Minsk.");
    assert_eq!(mention_texts(&linked), ["Minsk"], "only the last, whole-word Minsk");
}

/// Longest first ("Minsk Dialogue" over "Minsk"), leftmost first ("New Silk" over "Silk Road"),
/// explicit links win and keep their markup.
#[test]
fn overlapping_aliases_and_explicit_links() {
    let (_, linked) = link_body(
        &[&["Minsk"], &["Minsk Dialogue", "Dialogue"], &["New Silk"], &["Silk Road"]],
        "The Minsk Dialogue in Minsk; the New Silk Road; [*the* Dialogue](entity:e0), Minsk-Dialogue.",
    );
    assert_eq!(mention_texts(&linked), ["Minsk Dialogue", "Minsk", "New Silk", "the Dialogue", "Minsk", "Dialogue"]);
}
