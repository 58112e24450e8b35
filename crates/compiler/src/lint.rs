//! Checks of how a commentary uses its catalog, made once the text is linked and the map
//! resolved, for the mistakes that show nothing wrong: an entity no reader can reach (neither
//! mentioned nor on the map), a figure without a mention, an alias that is a lower-case word and
//! so links every use of that word, and a lower-case phrase that links far more often than the
//! entity's names, and an alias the text never uses while it has a close spelling of it that
//! is not linked (a typo in the alias: the mentions lose their cards). Warnings, at the
//! entity's entry in its catalog (the alias itself for the last).

use std::collections::HashMap;

use crate::content::catalog::{Catalog, Entity, EntityKind};
use crate::content::markdown::{Block, Inline};
use crate::content::suggest::distance;
use crate::content::{Diagnostic, Linked};
use crate::gazetteer::{self, Gazetteer, Town};
use crate::geo::scene::Scene;

/// A stretch of the text that no mention interrupts: what an alias could have linked and did
/// not.
pub(crate) struct Run {
    /// Its text, emphasis and line breaks flattened.
    pub text: String,
    /// The line of its block (0 outside the body: a byline, the publication's note).
    pub line: usize,
    /// Whether it is a heading's.
    pub heading: bool,
}

/// The text's runs that no mention interrupts, in reading order.
pub(crate) fn unlinked_texts(linked: &Linked) -> Vec<Run> {
    fn inlines(list: &[Inline], at: (usize, bool), run: &mut String, out: &mut Vec<Run>) {
        for inline in list {
            match inline {
                Inline::Text(t) => run.push_str(t),
                Inline::Break => run.push(' '),
                Inline::Emphasis(c) | Inline::Strong(c) | Inline::Strikethrough(c) => inlines(c, at, run, out),
                // A mention ends a run: words on either side of it are not one name. The linker
                // links nothing in a link's text or in code, so no alias could have linked there.
                Inline::Mention { .. } | Inline::Entity { .. } | Inline::Code(_) | Inline::Link { .. } => {
                    out.push(Run { text: std::mem::take(run), line: at.0, heading: at.1 });
                }
            }
        }
    }
    fn blocks(list: &[Block], out: &mut Vec<Run>) {
        for block in list {
            let mut run = String::new();
            let heading = matches!(block, Block::Heading { .. });
            match block {
                Block::Heading { content, line, .. } | Block::Paragraph { content, line } => {
                    inlines(content, (*line, heading), &mut run, out)
                }
                Block::Quote { blocks: inner, .. } => blocks(inner, out),
                Block::List { items, .. } => items.iter().for_each(|item| blocks(item, out)),
                Block::Code { .. } | Block::Rule { .. } => {}
            }
            out.push(Run { text: run, line: block.line(), heading });
        }
    }
    let mut runs = Vec::new();
    blocks(&linked.body.blocks, &mut runs);
    let closing = linked.bios.iter().flat_map(|(name, role)| std::iter::once(name).chain(role)).chain(&linked.note);
    for text in closing {
        let mut run = String::new();
        inlines(text, (0, false), &mut run, &mut runs);
        runs.push(Run { text: run, line: 0, heading: false });
    }
    runs.retain(|r| !r.text.trim().is_empty());
    runs
}

/// The text's words in runs that no mention interrupts, each run with the line of its block
/// (0 outside the body): what an alias could have linked and did not.
fn unlinked_runs(linked: &Linked) -> Vec<(Vec<String>, usize)> {
    unlinked_texts(linked).into_iter().map(|r| (words(&r.text), r.line)).filter(|(w, _)| !w.is_empty()).collect()
}

/// The words of `text`: runs of letters, digits and inner apostrophes ("Xi'an"), as the linker
/// sees word boundaries.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| w.trim_matches(|c| c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// How far an alias of `chars` characters may be from a spelling in the text to be taken for
/// a typo of it: none up to four (too many short words are one letter apart), one edit up to
/// nine, two beyond. Tighter than `suggest::nearest`'s for ids: the text has far more words.
fn typo_limit(chars: usize) -> usize {
    match chars {
        0..=4 => 0,
        5..=9 => 1,
        _ => 2,
    }
}

/// Aliases the text never uses while a close spelling of them occurs in it, not linked: the
/// mentions the editor meant open no card. Each at the alias, with the spelling of the text.
fn alias_typos(catalog: &Catalog, linked: &Linked, texts: &HashMap<(String, String), usize>, commentary: &str) -> Vec<Diagnostic> {
    let runs = unlinked_runs(linked);
    let known: std::collections::HashSet<&str> = catalog.entities().iter().flat_map(|e| e.aliases.iter().map(String::as_str)).collect();
    // The text's spellings of `n` words, each with how often and where it first occurs.
    let spelled = |n: usize| -> Vec<(String, usize, usize)> {
        let mut found: Vec<(String, usize, usize)> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        for (run, line) in &runs {
            for w in run.windows(n) {
                let text = w.join(" ");
                match index.get(&text) {
                    Some(&i) => found[i].1 += 1,
                    None => {
                        index.insert(text.clone(), found.len());
                        found.push((text, 1, *line));
                    }
                }
            }
        }
        found
    };
    let mut windows: HashMap<usize, Vec<(String, usize, usize)>> = HashMap::new();
    let mut out = Vec::new();
    for e in catalog.entities() {
        for (alias, at) in e.aliases.iter().zip(e.aliases_at.iter()) {
            if texts.get(&(e.id.to_string(), alias.clone())).is_some_and(|&n| n > 0) {
                continue;
            }
            let tokens = words(alias);
            let joined = tokens.join(" ");
            let limit = typo_limit(joined.chars().count());
            if tokens.is_empty() || limit == 0 || !joined.chars().any(char::is_alphabetic) {
                continue;
            }
            let mut best: Option<(usize, &(String, usize, usize))> = None;
            for candidate in windows.entry(tokens.len()).or_insert_with(|| spelled(tokens.len())).iter() {
                let text = candidate.0.as_str();
                if text == joined || known.contains(text) {
                    continue;
                }
                let d = distance(&joined, text);
                // The same letters in another case only where the text writes a name.
                if d > limit || (d == 0 && !text.starts_with(char::is_uppercase)) {
                    continue;
                }
                if best.is_none_or(|(b, c)| d < b || (d == b && candidate.1 > c.1)) {
                    best = Some((d, candidate));
                }
            }
            if let Some((_, (text, count, line))) = best {
                let times = if *count == 1 { "once".to_owned() } else { format!("{count} times") };
                let place = if *line > 0 { format!(" ({commentary}:{line})") } else { String::new() };
                out.push(Diagnostic::warning(&at.0, (at.1, at.2), format!(
                    "alias `{alias}` of `{}` is never found in the text, which has \"{text}\" {times}, not linked{place}; did you mean `{text}`? Correct the alias, or add the text's spelling to `aliases`, so those mentions open its card",
                    e.id
                )));
            }
        }
    }
    out
}

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

/// Whether a reader can meet `e` in this commentary: the text mentions it or the map shows it.
/// Only those go into the bundle (a site-wide catalog's other entries stay out).
pub fn is_used(e: &Entity, linked: &Linked, scene: Option<&Scene>) -> bool {
    !linked.mentions.of(&e.id).is_empty() || scene.is_some_and(|s| on_map(e, s))
}

/// Whether `file` (a catalog, as the front matter names it) is the folder's own, not a catalog
/// shared with other commentaries (`../catalog/entities.toml`): only its entries are the
/// folder's to use, so only they are reported unused.
fn is_own(file: &str) -> bool {
    !file.starts_with("../") && !file.starts_with('/') && !file.contains("://")
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

/// The warnings about `catalog`'s use in `linked` (the text of `commentary`) and on the map
/// (`scene`, if it was drawn).
pub fn lint(catalog: &Catalog, linked: &Linked, scene: Option<&Scene>, commentary: &str) -> Vec<Diagnostic> {
    let texts = mention_texts(linked);
    let mut out = alias_typos(catalog, linked, &texts, commentary);
    for e in catalog.entities() {
        let Some((file, line, column)) = &e.source.0 else { continue };
        let at = (*line, *column);
        let mentioned = !linked.mentions.of(&e.id).is_empty();
        if !mentioned && !is_own(file) {
            // A shared catalog's entry this commentary does not use: another's, not a mistake.
        } else if !mentioned && e.kind == EntityKind::Figure {
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

/// The catalog's places against the gazetteer: a place whose name (or an alias) is a town
/// there but whose coordinates lie more than [`gazetteer::NEAR_KM`] from every town of that
/// name (a slip of a digit, latitude and longitude swapped), and a place whose name the
/// gazetteer lacks while it has a close spelling ("Novorossisk"). Warnings at the
/// coordinates, and at the name, each naming the gazetteer's point.
pub fn places(catalog: &Catalog, gazetteer: &Gazetteer) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for e in catalog.entities().iter().filter(|e| e.kind == EntityKind::Place) {
        let names = || std::iter::once(&e.name).chain(&e.aliases);
        let towns: Vec<&Town> = names().flat_map(|n| gazetteer.towns_named(n)).collect();
        let located = |at: &Option<(String, usize, usize)>| at.clone().or_else(|| e.source.0.clone());
        if towns.is_empty() {
            if let (Some(meant), Some((file, line, column))) = (gazetteer.meant(&e.name), located(&e.source.0)) {
                out.push(Diagnostic::warning(
                    &file,
                    (line, column),
                    format!("`{}`: the gazetteer has no place named `{}`; did you mean {}?", e.id, e.name, meant.describe()),
                ));
            }
            continue;
        }
        let Some(at) = e.location else { continue };
        // A town of the country the entry names, if the gazetteer has one of that name there.
        let country = e.country.0.as_deref();
        let in_country: Vec<&Town> = towns.iter().copied().filter(|t| Some(t.country.as_str()) == country).collect();
        let among = if in_country.is_empty() { &towns } else { &in_country };
        let nearest = among.iter().min_by(|a, b| a.km_to(at.lat, at.lon).total_cmp(&b.km_to(at.lat, at.lon)));
        let Some(nearest) = nearest else { continue };
        let km = nearest.km_to(at.lat, at.lon);
        if km > gazetteer::NEAR_KM {
            if let Some((file, line, column)) = located(&e.coords_at.0) {
                out.push(Diagnostic::warning(
                    &file,
                    (line, column),
                    format!(
                        "`{}` lies {:.0} km from the gazetteer's {}, farther than {:.0} km: check `lat` and `lon` ({:.2}, {:.2} here)",
                        e.id,
                        km,
                        nearest.describe(),
                        gazetteer::NEAR_KM,
                        at.lat,
                        at.lon
                    ),
                ));
            }
        }
    }
    out
}
