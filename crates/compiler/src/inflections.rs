//! Inflections for a translation's catalog: the forms the translated text writes next to each
//! entity's translated name and the catalog does not list ("Казахстана", "Казахстане" beside
//! "Казахстан"), so the editor accepts them instead of typing every case by hand.
//!
//! A form is a word of the translation's unlinked text that begins as the name does (its stem:
//! the name less its last one or two letters, four letters at least), a few letters longer or
//! shorter, capitalised as the name is; a name of several words needs each word in turn
//! ("Евразийского экономического союза"). Where the translation has as many blocks as the
//! original, only the blocks whose counterparts mention the entity are searched: that is where
//! the translated text speaks of it.

use std::collections::{HashMap, HashSet};
use std::fmt;

use crate::bundle::Compiled;
use crate::content::catalog::Catalog;
use crate::content::markdown::{Block, Inline};
use crate::content::Linked;
use crate::lint::unlinked_texts;

/// The forms a translation writes of one entity's name that its catalog lacks.
#[derive(Debug, Clone, PartialEq)]
pub struct Inflection {
    /// The entity.
    pub id: String,
    /// Where its aliases are written in the translation's catalog (its name, without any).
    pub at: (String, usize, usize),
    /// Its aliases as the catalog has them.
    pub aliases: Vec<String>,
    /// Each form the text writes, with how often, the most frequent first.
    pub forms: Vec<(String, usize)>,
}

impl Inflection {
    /// The `aliases` line with the forms added, for the editor to put in place of the entry's.
    pub fn aliases_line(&self) -> String {
        let all: Vec<String> = self.aliases.iter().chain(self.forms.iter().map(|(f, _)| f)).map(|a| crate::candidates::quoted(a)).collect();
        format!("aliases = [{}]", all.join(", "))
    }
}

impl fmt::Display for Inflection {
    /// `entities.ru.toml:7:11: inflections: `kazakhstan`: the text also writes "Казахстана" (2
    /// times), "Казахстане" (once): aliases = […]`, as the checker lists it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (file, line, column) = &self.at;
        let forms: Vec<String> = self
            .forms
            .iter()
            .map(|(form, n)| if *n == 1 { format!("\"{form}\" (once)") } else { format!("\"{form}\" ({n} times)") })
            .collect();
        write!(f, "{file}:{line}:{column}: inflections: `{}`: the text also writes {}: {}", self.id, forms.join(", "), self.aliases_line())
    }
}

/// Whether `word` is an inflected form of the name's word `name`: the same stem, a few letters
/// more or fewer at the end, the first letter in the same case; never `name` itself.
fn inflects(word: &str, name: &str) -> bool {
    let (w, n): (Vec<char>, Vec<char>) = (word.chars().collect(), name.chars().collect());
    if w == n || n.is_empty() || w.is_empty() || w[0].is_uppercase() != n[0].is_uppercase() {
        return false;
    }
    let stem = if n.len() <= 5 { n.len() - 1 } else { n.len() - 2 }.max(4.min(n.len()));
    w.len() >= stem && w.len().abs_diff(n.len()) <= 3 && w.len() < n.len() + 4 && lower(&w[..stem]) == lower(&n[..stem])
}

fn lower(chars: &[char]) -> String {
    chars.iter().flat_map(|c| c.to_lowercase()).collect()
}

/// The words of `text`, as the linker sees them (inner hyphens and apostrophes kept).
fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect()
}

/// The ids each leaf block (paragraph, heading) of `blocks` mentions, in reading order.
fn mentions_by_block(blocks: &[Block], out: &mut Vec<HashSet<String>>) {
    for block in blocks {
        match block {
            Block::Heading { content, .. } | Block::Paragraph { content, .. } => {
                let mut ids = HashSet::new();
                Inline::each_mention(content, &mut |m| {
                    if let Inline::Mention { id, .. } = m {
                        ids.insert(id.to_string());
                    }
                });
                out.push(ids);
            }
            Block::Quote { blocks: inner, .. } => mentions_by_block(inner, out),
            Block::List { items, .. } => items.iter().for_each(|item| mentions_by_block(item, out)),
            Block::Code { .. } | Block::Rule { .. } => {}
        }
    }
}

/// The lines of the leaf blocks of `blocks`, in the order of [`mentions_by_block`].
fn leaf_lines(blocks: &[Block], out: &mut Vec<usize>) {
    for block in blocks {
        match block {
            Block::Heading { line, .. } | Block::Paragraph { line, .. } => out.push(*line),
            Block::Quote { blocks: inner, .. } => leaf_lines(inner, out),
            Block::List { items, .. } => items.iter().for_each(|item| leaf_lines(item, out)),
            Block::Code { .. } | Block::Rule { .. } => {}
        }
    }
}

/// The forms `translation` (linked to its `catalog`, in its words) writes of each entity's name
/// and the catalog lacks; `original` is the original's linked text, to tell which blocks speak
/// of which entity. Entities in the catalog's order.
pub fn inflections(original: &Linked, translation: &Linked, catalog: &Catalog) -> Vec<Inflection> {
    let mut spoken_of = Vec::new();
    mentions_by_block(&original.body.blocks, &mut spoken_of);
    let mut lines = Vec::new();
    leaf_lines(&translation.body.blocks, &mut lines);
    let aligned = lines.len() == spoken_of.len();
    let block_of: HashMap<usize, usize> = lines.iter().enumerate().map(|(i, &line)| (line, i)).collect();
    // Each unlinked run's words, with the block it is in.
    let texts = unlinked_texts(translation);
    let runs: Vec<(Vec<&str>, Option<usize>)> =
        texts.iter().filter(|r| r.line > 0).map(|r| (words(&r.text), block_of.get(&r.line).copied())).collect();
    let taken: HashSet<&str> = catalog.entities().iter().flat_map(|e| e.aliases.iter().map(String::as_str)).collect();
    let mut out = Vec::new();
    for e in catalog.entities() {
        let mut counts: HashMap<String, usize> = HashMap::new();
        let mut order: Vec<String> = Vec::new();
        for alias in &e.aliases {
            let name: Vec<&str> = words(alias);
            if name.is_empty() {
                continue;
            }
            for (run, block) in &runs {
                if aligned && !block.is_some_and(|b| spoken_of[b].contains(e.id.as_str())) {
                    continue;
                }
                for window in run.windows(name.len()) {
                    let all = window.iter().zip(&name).all(|(w, n)| w == n || inflects(w, n));
                    let form = window.join(" ");
                    if !all || form == name.join(" ") || taken.contains(form.as_str()) {
                        continue;
                    }
                    if !counts.contains_key(&form) {
                        order.push(form.clone());
                    }
                    *counts.entry(form).or_default() += 1;
                }
            }
        }
        if order.is_empty() {
            continue;
        }
        let mut forms: Vec<(String, usize)> = order.into_iter().map(|f| (f.clone(), counts[&f])).collect();
        forms.sort_by_key(|f| std::cmp::Reverse(f.1));
        let at = e.aliases_at.0.first().cloned().or_else(|| e.source.0.clone()).unwrap_or_default();
        out.push(Inflection { id: e.id.to_string(), at, aliases: e.aliases.clone(), forms });
    }
    out
}

/// The inflections of a compiled translation (none unless both it and the original can be
/// shown).
pub fn of_compiled(original: &Compiled, translation: &Compiled) -> Vec<Inflection> {
    match (original, translation) {
        (Compiled::Ready(o), Compiled::Ready(t)) => inflections(&o.linked, &t.linked, &t.catalog),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_shares_the_names_stem_and_case() {
        assert!(inflects("Казахстана", "Казахстан"));
        assert!(inflects("Казахстане", "Казахстан"));
        assert!(inflects("Минске", "Минск"));
        assert!(inflects("союза", "союз"));
        assert!(inflects("Евразийского", "Евразийский"));
        assert!(!inflects("Казахстан", "Казахстан"), "the name itself");
        assert!(!inflects("казахстанский", "Казахстан"), "another case of the first letter");
        assert!(!inflects("Министр", "Минск"));
        assert!(!inflects("Казахстанскими", "Казахстан"), "too long");
    }
}
