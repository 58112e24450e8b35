//! Checks of how a commentary uses its catalog, made once the text is linked and the map
//! resolved, for the mistakes that show nothing wrong: an entity no reader can reach (neither
//! mentioned nor on the map), a figure without a mention, an alias that is a lower-case word and
//! so links every use of that word, and a lower-case phrase that links far more often than the
//! entity's names. Warnings, at the entity's entry in its catalog.

use std::collections::HashMap;

use crate::content::catalog::{Catalog, Entity, EntityKind};
use crate::content::markdown::Inline;
use crate::content::{Diagnostic, Linked};
use crate::geo::scene::Scene;

/// How often each text was linked to each entity (mentions' text as written).
fn mention_texts(linked: &Linked) -> HashMap<(String, String), usize> {
    let mut out = HashMap::new();
    let mut count = |inline: &Inline| {
        if let Inline::Mention { id, content, .. } = inline {
            *out.entry((id.to_string(), Inline::plain_text(content))).or_default() += 1;
        }
    };
    for block in &linked.body.blocks {
        block.each_mention(&mut count);
    }
    for (name, role) in &linked.bios {
        Inline::each_mention(name, &mut count);
        if let Some(role) = role {
            Inline::each_mention(role, &mut count);
        }
    }
    if let Some(note) = &linked.note {
        Inline::each_mention(note, &mut count);
    }
    out
}

/// Whether the map shows `e`: a marker with its card, a highlighted country, a highlight group.
fn on_map(e: &Entity, scene: &Scene) -> bool {
    scene.stops.iter().any(|s| s.entity.as_ref() == Some(&e.id))
        || scene.spec.highlights.iter().any(|h| h.entity.as_ref() == Some(&e.id))
        || e.iso.as_ref().is_some_and(|iso| scene.highlight_of.contains_key(iso))
}

/// A single lower-case word, such as "corridor" or "union": as an alias, it links every use.
fn is_common_word(alias: &str) -> bool {
    alias.chars().next().is_some_and(char::is_lowercase) && !alias.contains(char::is_whitespace)
}

/// The warnings about `catalog`'s use in `linked` and on the map (`scene`, if it was drawn).
pub fn lint(catalog: &Catalog, linked: &Linked, scene: Option<&Scene>) -> Vec<Diagnostic> {
    let texts = mention_texts(linked);
    let mut out = Vec::new();
    for e in catalog.entities() {
        let Some((file, line, column)) = &e.source else { continue };
        let at = (*line, *column);
        let mentioned = !linked.mentions.of(&e.id).is_empty();
        if !mentioned && e.kind == EntityKind::Figure {
            out.push(Diagnostic::warning(file, at, format!(
                "figure `{}` is never mentioned, so its card and chart are never shown: give it an alias the text uses, or link a phrase with [text](entity:{})",
                e.id, e.id
            )));
        } else if !mentioned && !scene.is_some_and(|s| on_map(e, s)) {
            out.push(Diagnostic::warning(file, at, format!(
                "entity `{}` is neither mentioned in the text nor on the map, so no reader can open its card: give it an alias the text uses, link a phrase with [text](entity:{}), or remove it",
                e.id, e.id
            )));
        }
        let count = |alias: &str| texts.get(&(e.id.to_string(), alias.to_owned())).copied().unwrap_or(0);
        // A lower-case phrase ("the union") that links far more often than the entity's names:
        // likely the phrase is used for other things too.
        let names: usize = e.aliases.iter().filter(|a| !a.chars().next().is_some_and(char::is_lowercase)).map(|a| count(a)).sum();
        for alias in e.aliases.iter().filter(|a| a.chars().next().is_some_and(char::is_lowercase) && !is_common_word(a)) {
            let n = count(alias);
            if n >= 3 && n > 3 * names {
                out.push(Diagnostic::warning(file, at, format!(
                    "alias `{alias}` of `{}` links {n} times, its names {names}: a lower-case phrase used that often may mean other things too; check the mentions, and link the ones meant with [{alias}](entity:{})",
                    e.id, e.id
                )));
            }
        }
        for alias in e.aliases.iter().filter(|a| is_common_word(a)) {
            let n = count(alias);
            if n > 0 {
                let times = if n == 1 { "once".to_owned() } else { format!("{n} times") };
                out.push(Diagnostic::warning(file, at, format!(
                    "alias `{alias}` of `{}` is a lower-case word: every \"{alias}\" in the text becomes a mention of {} ({times} now); use a name, or link the ones meant with [{alias}](entity:{})",
                    e.id, e.name, e.id
                )));
            }
        }
    }
    out
}
