//! Entity linking: turns aliases in the text into mentions of catalog entries.
//!
//! Rules: explicit `[text](entity:id)` links always win; otherwise aliases are matched
//! case-sensitively, on whole words only (Unicode-aware: the characters around a match must not
//! be letters or digits, so "Belarus-China" yields Belarus and China while "Chinese" yields
//! nothing), longest match first, never inside link text or code. Matching uses one
//! Aho–Corasick automaton over every alias, so linking stays linear in the text's length
//! however many entities the catalog has. What linking produces (the mention index, the policy)
//! is in the core's `content::mentions`.

use std::collections::HashMap;

use aho_corasick::AhoCorasick;

use crate::content::catalog::{Catalog, EntityId};
use crate::content::diagnostic::Diagnostic;
use crate::content::markdown::{Block, Document, Inline};
pub use crate::content::mentions::{MentionIndex, MentionPolicy};
use crate::content::suggest::did_you_mean;

/// An alias found in a text: byte range and the catalog index of its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// Start byte.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
    /// Index into the catalog.
    pub entity: usize,
}

/// The alias matcher for one catalog.
#[derive(Debug, Clone)]
pub struct Linker {
    automaton: Option<AhoCorasick>,
    /// Entity index of each pattern.
    owners: Vec<usize>,
    /// Aliases claimed by two entities: (alias, loser id, winner id). The later entity wins.
    pub collisions: Vec<(String, EntityId, EntityId)>,
}

impl Linker {
    /// Builds the matcher for every alias of `catalog`.
    pub fn new(catalog: &Catalog) -> Self {
        let mut owner_of: HashMap<&str, usize> = HashMap::new();
        let mut order: Vec<&str> = Vec::new();
        let mut collisions = Vec::new();
        for (index, entity) in catalog.entities().iter().enumerate() {
            for alias in &entity.aliases {
                match owner_of.insert(alias, index) {
                    Some(prev) if prev != index => {
                        collisions.push((alias.clone(), catalog.get(prev).id.clone(), entity.id.clone()));
                    }
                    Some(_) => {}
                    None => order.push(alias),
                }
            }
        }
        let owners = order.iter().map(|a| owner_of[a]).collect();
        let automaton = (!order.is_empty()).then(|| AhoCorasick::new(&order).expect("aliases are plain strings, which always build"));
        Self { automaton, owners, collisions }
    }

    /// Every alias occurrence in `text` that stands on word boundaries, without overlaps,
    /// preferring the leftmost and then the longest.
    pub fn find(&self, text: &str) -> Vec<Found> {
        self.find_between(text, None, None)
    }

    /// Like [`Linker::find`] for a piece of a longer text: `before` and `after` are the
    /// characters around it (a word may go on across Markdown emphasis: "Minsk*er*").
    pub fn find_between(&self, text: &str, before: Option<char>, after: Option<char>) -> Vec<Found> {
        let Some(automaton) = &self.automaton else { return Vec::new() };
        let mut found: Vec<Found> = automaton
            .find_overlapping_iter(text)
            .filter(|m| on_word_boundaries(text, m.start(), m.end(), before, after))
            .map(|m| Found { start: m.start(), end: m.end(), entity: self.owners[m.pattern().as_usize()] })
            .collect();
        found.sort_unstable_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let mut kept = Vec::with_capacity(found.len());
        let mut taken_to = 0;
        for f in found {
            if f.start >= taken_to {
                taken_to = f.end;
                kept.push(f);
            }
        }
        kept
    }
}

/// Whether `text[start..end]` is a whole word (or phrase): where the match begins or ends with
/// a letter or digit, the neighbouring character must not be one.
/// `before` and `after` are the characters around `text` itself, if it is part of a longer text.
fn on_word_boundaries(text: &str, start: usize, end: usize, before: Option<char>, after: Option<char>) -> bool {
    let inner = &text[start..end];
    let word = |c: char| c.is_alphanumeric();
    let first_is_word = inner.chars().next().is_some_and(word);
    let last_is_word = inner.chars().next_back().is_some_and(word);
    let before_ok = !first_is_word || !text[..start].chars().next_back().or(before).is_some_and(word);
    let after_ok = !last_is_word || !text[end..].chars().next().or(after).is_some_and(word);
    before_ok && after_ok
}

/// Links documents and loose texts (byline, notes) of one commentary in reading order, so
/// mention ordinals run through all of them.
pub struct Linking<'a> {
    catalog: &'a Catalog,
    linker: &'a Linker,
    policy: MentionPolicy,
    file: &'a str,
    /// Mentions so far.
    pub mentions: MentionIndex,
    /// Unknown explicit ids and the like.
    pub warnings: Vec<Diagnostic>,
}

impl<'a> Linking<'a> {
    /// Starts linking with `catalog`; `file` names the commentary in warnings.
    pub fn new(catalog: &'a Catalog, linker: &'a Linker, policy: MentionPolicy, file: &'a str) -> Self {
        Self { catalog, linker, policy, file, mentions: MentionIndex::default(), warnings: Vec::new() }
    }

    /// Links a document's blocks in place (headings and code are left alone).
    pub fn document(&mut self, doc: &mut Document) {
        for block in &mut doc.blocks {
            self.block(block);
        }
    }

    fn block(&mut self, block: &mut Block) {
        match block {
            Block::Paragraph { content, .. } => self.inlines(content),
            Block::Quote { blocks, .. } => blocks.iter_mut().for_each(|b| self.block(b)),
            Block::List { items, .. } => items.iter_mut().flatten().for_each(|b| self.block(b)),
            Block::Heading { .. } | Block::Code { .. } | Block::Rule { .. } => {}
        }
    }

    /// Links a loose text, e.g. an author's role, into inline content.
    pub fn text(&mut self, text: &str) -> Vec<Inline> {
        let mut inlines = vec![Inline::Text(text.to_owned())];
        self.inlines(&mut inlines);
        inlines
    }

    /// Links inline content in place.
    pub fn inlines(&mut self, inlines: &mut Vec<Inline>) {
        self.inlines_between(inlines, None, None);
    }

    /// Links `inlines`, a run of a longer text between the characters `before` and `after`.
    fn inlines_between(&mut self, inlines: &mut Vec<Inline>, before: Option<char>, after: Option<char>) {
        let old = std::mem::take(inlines);
        // Each child's neighbouring characters, across the boundaries of emphasis and the like.
        let texts: Vec<String> = old.iter().map(|i| Inline::plain_text(std::slice::from_ref(i))).collect();
        let before_of = |i: usize| texts[..i].iter().rev().find_map(|t| t.chars().next_back()).or(before);
        let after_of = |i: usize| texts[i + 1..].iter().find_map(|t| t.chars().next()).or(after);
        // `inlines[..merged]` holds no two neighbouring text runs (see `split_text`).
        let mut merged = 0;
        for (i, inline) in old.into_iter().enumerate() {
            let (b, a) = (before_of(i), after_of(i));
            match inline {
                Inline::Text(text) => self.split_text(text, inlines, &mut merged, b, a),
                Inline::Emphasis(mut c) => {
                    self.inlines_between(&mut c, b, a);
                    inlines.push(Inline::Emphasis(c));
                }
                Inline::Strong(mut c) => {
                    self.inlines_between(&mut c, b, a);
                    inlines.push(Inline::Strong(c));
                }
                Inline::Strikethrough(mut c) => {
                    self.inlines_between(&mut c, b, a);
                    inlines.push(Inline::Strikethrough(c));
                }
                Inline::Entity { id, content, at } => match self.catalog.index_of(&id) {
                    Some(index) => {
                        let id = self.catalog.get(index).id.clone();
                        self.mention(id, content, inlines);
                    }
                    None => {
                        let hint = did_you_mean(&id, self.catalog.entities().iter().map(|e| e.id.as_str()));
                        let message = format!("unknown entity id `{id}` in an entity: link: shown as plain text (add it to entities.toml or fix the id){hint}");
                        self.warnings.push(Diagnostic::warning(self.file, at, message).with_unknown_id(&id));
                        inlines.extend(content);
                    }
                },
                // Link text and code are never linked; mentions are already linked.
                other @ (Inline::Link { .. } | Inline::Code(_) | Inline::Break | Inline::Mention { .. }) => inlines.push(other),
            }
        }
    }

    fn mention(&mut self, id: EntityId, content: Vec<Inline>, out: &mut Vec<Inline>) {
        if self.policy == MentionPolicy::First && !self.mentions.of(&id).is_empty() {
            out.extend(content);
            return;
        }
        let (ordinal, repeat) = self.mentions.add(&id);
        out.push(Inline::Mention { id, ordinal, repeat, content });
    }

    /// Appends `text` to `out`, its aliases turned into mentions. `out[..*merged]` holds no two
    /// neighbouring text runs, and after a text with a match neither does `out`.
    fn split_text(&mut self, text: String, out: &mut Vec<Inline>, merged: &mut usize, before: Option<char>, after: Option<char>) {
        let found = self.linker.find_between(&text, before, after);
        if found.is_empty() {
            out.push(Inline::Text(text));
            return;
        }
        let mut at = 0;
        for f in found {
            if f.start > at {
                out.push(Inline::Text(text[at..f.start].to_owned()));
            }
            let id = self.catalog.get(f.entity).id.clone();
            self.mention(id, vec![Inline::Text(text[f.start..f.end].to_owned())], out);
            at = f.end;
        }
        if at < text.len() {
            out.push(Inline::Text(text[at..].to_owned()));
        }
        // `First` may have turned mentions back into text: merge neighbouring runs. Only what
        // was appended since the last merge (and its first item with the run before it) can
        // need it, so the paragraph's earlier output is not rebuilt for every text run.
        merge_text_from(out, *merged);
        *merged = out.len();
    }
}

/// Merges neighbouring text runs of `inlines[from..]`, and its first item with
/// `inlines[from - 1]`. With no neighbouring runs in `inlines[..from]`, this leaves none at all,
/// as merging the whole of `inlines` would, in time linear in `inlines.len() - from`.
fn merge_text_from(inlines: &mut Vec<Inline>, from: usize) {
    let tail: Vec<Inline> = inlines.drain(from..).collect();
    for inline in tail {
        match (inlines.last_mut(), inline) {
            (Some(Inline::Text(prev)), Inline::Text(next)) => prev.push_str(&next),
            (_, inline) => inlines.push(inline),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::parse_catalog;
    use crate::markdown::parse_body;

    fn catalog(entries: &[(&str, &[&str])]) -> Catalog {
        let mut toml = String::new();
        for (id, aliases) in entries {
            let aliases: Vec<String> = aliases.iter().map(|a| format!("{a:?}")).collect();
            toml += &format!(
                "[[entity]]\nid = \"{id}\"\nkind = \"initiative\"\nname = \"{id}\"\nsummary = \"s\"\naliases = [{}]\n",
                aliases.join(", ")
            );
        }
        let (entities, diags) = parse_catalog(&toml, "e.toml");
        assert!(diags.is_empty(), "{diags:?}");
        Catalog::merge([entities])
    }

    fn found(c: &Catalog, text: &str) -> Vec<(String, String)> {
        Linker::new(c).find(text).into_iter().map(|f| (c.get(f.entity).id.to_string(), text[f.start..f.end].to_owned())).collect()
    }

    fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
        p.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
    }

    #[test]
    fn whole_words_and_hyphens() {
        let c = catalog(&[("belarus", &["Belarus"]), ("china", &["China"])]);
        assert_eq!(found(&c, "Belarus-China relations"), pairs(&[("belarus", "Belarus"), ("china", "China")]));
        assert_eq!(found(&c, "Chinese and Belarusian goods"), pairs(&[]));
        assert_eq!(found(&c, "Belarus’s and Belarus's position"), pairs(&[("belarus", "Belarus"), ("belarus", "Belarus")]));
        assert_eq!(found(&c, "(China)"), pairs(&[("china", "China")]));
    }

    #[test]
    fn case_sensitive() {
        let c = catalog(&[("eu", &["EU"])]);
        assert_eq!(found(&c, "the EU and eu and Eu"), pairs(&[("eu", "EU")]));
    }

    #[test]
    fn longest_match_wins_over_contained_aliases() {
        let c = catalog(&[
            ("union-state", &["Union State of Belarus and Russia"]),
            ("belarus", &["Belarus"]),
            ("russia", &["Russia"]),
            ("minsk-dialogue", &["Minsk Dialogue Council on International Relations"]),
            ("minsk", &["Minsk"]),
        ]);
        assert_eq!(
            found(&c, "the Union State of Belarus and Russia; Belarus; the Minsk Dialogue Council on International Relations in Minsk"),
            pairs(&[
                ("union-state", "Union State of Belarus and Russia"),
                ("belarus", "Belarus"),
                ("minsk-dialogue", "Minsk Dialogue Council on International Relations"),
                ("minsk", "Minsk"),
            ])
        );
    }

    #[test]
    fn overlapping_aliases_leftmost_then_longest() {
        let c = catalog(&[("ab", &["New Silk"]), ("bc", &["Silk Road"])]);
        // "New Silk" starts first, so it wins; "Silk Road" overlaps it and is dropped.
        assert_eq!(found(&c, "the New Silk Road"), pairs(&[("ab", "New Silk")]));
    }

    #[test]
    fn a_longer_alias_that_fails_the_word_test_leaves_the_shorter_one() {
        let c = catalog(&[("bri", &["BRI"]), ("brick", &["BRIC"])]);
        assert_eq!(found(&c, "BRI's designs"), pairs(&[("bri", "BRI")]));
        assert_eq!(found(&c, "BRICS"), pairs(&[]));
    }

    #[test]
    fn unicode_letters_are_word_characters() {
        let c = catalog(&[("minsk", &["Мінск"]), ("figure", &["5-6%"])]);
        assert_eq!(found(&c, "у Мінску і ў Мінск."), pairs(&[("minsk", "Мінск")]));
        assert_eq!(found(&c, "about 5-6% of GDP, not 15-6%"), pairs(&[("figure", "5-6%")]));
        assert_eq!(found(&c, "x5-6%"), pairs(&[]));
    }

    fn link(md: &str, c: &Catalog, policy: MentionPolicy) -> (Document, MentionIndex, Vec<Diagnostic>) {
        let (mut doc, _) = parse_body(md, 1, "c.md");
        let linker = Linker::new(c);
        let mut l = Linking::new(c, &linker, policy, "c.md");
        l.document(&mut doc);
        (doc, l.mentions, l.warnings)
    }

    fn mentions_in(doc: &Document) -> Vec<(String, String, bool)> {
        fn walk(inlines: &[Inline], out: &mut Vec<(String, String, bool)>) {
            for i in inlines {
                match i {
                    Inline::Mention { id, repeat, content, .. } => out.push((id.to_string(), Inline::plain_text(content), *repeat)),
                    Inline::Emphasis(c) | Inline::Strong(c) | Inline::Strikethrough(c) => walk(c, out),
                    _ => {}
                }
            }
        }
        let mut out = Vec::new();
        for b in &doc.blocks {
            if let Block::Paragraph { content, .. } = b {
                walk(content, &mut out);
            }
        }
        out
    }

    #[test]
    fn explicit_links_win_and_text_in_links_or_code_is_left_alone() {
        let c = catalog(&[("lukashenko", &["Lukashenko"]), ("belarus", &["Belarus"])]);
        let (doc, index, warnings) = link(
            "[the Belarusian leader](entity:lukashenko) met *Lukashenko* in [Belarus](https://x.org) and `Belarus`, then [Belarus](entity:nobody).",
            &c,
            MentionPolicy::Every,
        );
        assert_eq!(
            mentions_in(&doc),
            [
                ("lukashenko".to_owned(), "the Belarusian leader".to_owned(), false),
                ("lukashenko".to_owned(), "Lukashenko".to_owned(), true),
            ]
        );
        assert_eq!(index.of(&EntityId::new("lukashenko").unwrap()), [0, 1]);
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].to_string(), "c.md:1:109: warning: unknown entity id `nobody` in an entity: link: shown as plain text (add it to entities.toml or fix the id)", "at the link itself");
        // A typo gets the id it was meant to be.
        let (_, _, warnings) = link("Then [he](entity:lukahsenko) spoke.", &c, MentionPolicy::Every);
        assert!(warnings[0].to_string().starts_with("c.md:1:6: warning: unknown entity id `lukahsenko`"), "{}", warnings[0]);
        assert!(warnings[0].to_string().ends_with("; did you mean `lukashenko`?"), "{}", warnings[0]);
        // The unknown link's text is plain text, not lost.
        let Block::Paragraph { content, .. } = &doc.blocks[0] else { panic!() };
        assert!(Inline::plain_text(content).ends_with("then Belarus."));
    }

    #[test]
    fn headings_are_not_linked_and_first_policy_keeps_one_mention() {
        let c = catalog(&[("belarus", &["Belarus"])]);
        let (doc, index, _) = link("## Belarus\n\nBelarus and Belarus.", &c, MentionPolicy::First);
        assert_eq!(mentions_in(&doc), [("belarus".to_owned(), "Belarus".to_owned(), false)]);
        assert_eq!(index.by_ordinal.len(), 1);
        let Block::Paragraph { content, .. } = &doc.blocks[1] else { panic!() };
        assert_eq!(content.len(), 2, "later mentions merge back into one text run: {content:?}");
    }

    #[test]
    fn ordinals_run_through_documents_and_loose_texts() {
        let c = catalog(&[("minsk", &["Minsk"])]);
        let (mut doc, _) = parse_body("Minsk, Minsk.", 1, "c.md");
        let linker = Linker::new(&c);
        let mut l = Linking::new(&c, &linker, MentionPolicy::Every, "c.md");
        l.document(&mut doc);
        let note = l.text("Written in Minsk");
        assert!(matches!(&note[1], Inline::Mention { ordinal: 2, repeat: true, .. }), "{note:?}");
    }

    #[test]
    fn alias_collisions_are_reported() {
        let c = catalog(&[("a", &["Union"]), ("b", &["Union"])]);
        let linker = Linker::new(&c);
        assert_eq!(linker.collisions, [("Union".to_owned(), EntityId::new("a").unwrap(), EntityId::new("b").unwrap())]);
        assert_eq!(found(&c, "Union"), pairs(&[("b", "Union")]));
    }

    #[test]
    fn an_empty_catalog_links_nothing() {
        let c = Catalog::default();
        assert!(Linker::new(&c).find("anything").is_empty());
    }
}
