//! A catalog's words in another language (`entities.ru.toml` beside `entities.toml`): for each
//! entity of the original, by its id, what a translation of the commentary calls it and says
//! about it. Everything else (kind, coordinates, codes, links, charts' numbers) stays the
//! original's, so a card, a marker and a deep link mean the same thing in every language.

use serde::Deserialize;

use crate::content::diagnostic::{Aside, Diagnostic};
use crate::content::suggest::did_you_mean;
use crate::toml_read::{self, Locator, Pair, Table};
use commentary_core::content::catalog::{Catalog, Chart, EntityId};

/// One entity's words in a translation.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityText {
    /// The original's entity.
    pub id: EntityId,
    /// Its name in the translation.
    pub name: Option<String>,
    /// The texts that mention it in the translation, inflected forms included ("Пекин",
    /// "Пекина", "Пекине"); without them, its translated name.
    pub aliases: Option<Vec<String>>,
    /// Its summary in the translation.
    pub summary: Option<String>,
    /// Its facts in the translation.
    pub facts: Option<Vec<(String, String)>>,
    /// Its chart's label (a range) or its bars' labels, in order.
    pub chart_labels: Option<Vec<String>>,
    /// File, line and column of its `id`.
    pub at: (String, usize, usize),
    /// File, line and column of each of `aliases`, else of `name`.
    pub aliases_at: Vec<(String, usize, usize)>,
}

#[derive(Deserialize, Default)]
#[serde(default, expecting = "a table")]
struct RawTranslation {
    entity: Vec<RawText>,
}

#[derive(Deserialize, Default)]
#[serde(default, expecting = "a table")]
struct RawText {
    id: Option<String>,
    name: Option<String>,
    aliases: Option<Vec<String>>,
    summary: Option<String>,
    facts: Option<Vec<Pair<String, String>>>,
    chart_labels: Option<Vec<String>>,
}

/// Reads a translated catalog. `Err` when it cannot be read at all (its syntax); a broken entry
/// is skipped with an error, the others kept.
pub fn read_translation(text: &str, file: &str) -> Result<(Vec<EntityText>, Vec<Diagnostic>), Diagnostic> {
    let loc = Locator::new(text, 1, file);
    let doc = toml_read::parse(text, &loc)?;
    let top = Table::root(&doc, &loc);
    let mut diagnostics = top.unknown_keys::<RawTranslation>(" (write each entry as [[entity]] with the id of the original's)");
    let mut out = Vec::new();
    for (t, raw) in top.entries("entity", |c: RawTranslation| c.entity)? {
        let raw = match raw {
            Ok(raw) => raw,
            Err(errors) => {
                diagnostics.extend(errors);
                continue;
            }
        };
        match read_text(raw, &t, &loc) {
            Ok(text) => {
                diagnostics.extend(t.unknown_keys::<RawText>(" (a translation gives only words: the rest is the original's)"));
                out.push(text);
            }
            Err(e) => diagnostics.push(e),
        }
    }
    Ok((out, diagnostics))
}

fn read_text(raw: RawText, t: &Table<'_, '_, '_>, loc: &Locator<'_>) -> Result<EntityText, Diagnostic> {
    let (id_text, id_span) = t.required("id", raw.id, "\"lukashenko\"")?;
    let id = EntityId::new(&id_text)
        .ok_or_else(|| loc.error(&id_span, format!("entity id `{id_text}` may use only lower-case letters, digits and '-'")))?;
    let (line, column) = loc.position(&id_span);
    let blank = |s: &Option<String>| s.as_deref().is_some_and(|s| s.trim().is_empty());
    if blank(&raw.name) || blank(&raw.summary) {
        return Err(loc.error(&t.span(), format!("`{id}`: an empty name or summary; leave the key out to keep the original's")));
    }
    let located = |span: &std::ops::Range<usize>| {
        let (line, column) = loc.position(span);
        (loc.file().to_owned(), line, column)
    };
    let spans = t.item_spans("aliases");
    let mut aliases_at = Vec::new();
    let aliases = raw.aliases.map(|list| {
        list.into_iter()
            .enumerate()
            .filter(|(_, a)| !a.trim().is_empty())
            .map(|(i, a)| {
                aliases_at.push(located(spans.get(i).unwrap_or(&t.span_of("aliases"))));
                a
            })
            .collect::<Vec<_>>()
    });
    if aliases.as_ref().is_none_or(Vec::is_empty) && raw.name.is_some() {
        aliases_at = vec![located(&t.span_of("name"))];
    }
    Ok(EntityText {
        id,
        name: raw.name,
        aliases,
        summary: raw.summary,
        facts: raw.facts.map(|f| f.into_iter().map(|Pair(a, b)| (a, b)).collect()),
        chart_labels: raw.chart_labels,
        at: (loc.file().to_owned(), line, column),
        aliases_at,
    })
}

/// `catalog` in a translation: each entity of `texts` takes its words; its aliases are the
/// translation's (or its translated name), since the original's would not match the translated
/// text. An id the catalog lacks is a warning, with the id it may have meant.
pub fn translate(catalog: &Catalog, texts: &[EntityText]) -> (Catalog, Vec<Diagnostic>) {
    let mut entities = catalog.entities().to_vec();
    let mut d = Vec::new();
    for t in texts {
        let Some(i) = catalog.index_of(&t.id) else {
            let hint = did_you_mean(&t.id, catalog.entities().iter().map(|e| e.id.as_str()));
            d.push(Diagnostic::warning(
                &t.at.0,
                (t.at.1, t.at.2),
                format!("`{}` is not an entity of the original catalog; this entry is ignored{hint}", t.id),
            ));
            continue;
        };
        let e = &mut entities[i];
        if let Some(name) = &t.name {
            e.name = name.clone();
        }
        (e.aliases, e.aliases_at) = match (&t.aliases, &t.name) {
            (Some(a), _) if !a.is_empty() => (a.clone(), Aside(t.aliases_at.clone())),
            (_, Some(name)) => (vec![name.clone()], Aside(t.aliases_at.clone())),
            _ => (e.aliases.clone(), e.aliases_at.clone()),
        };
        if let Some(s) = &t.summary {
            e.summary = s.clone();
        }
        if let Some(f) = &t.facts {
            e.facts = f.clone();
        }
        if let (Some(labels), Some(chart)) = (&t.chart_labels, &mut e.chart) {
            match chart {
                Chart::Range { label, .. } => {
                    if let Some(l) = labels.first() {
                        *label = l.clone();
                    }
                }
                Chart::Bars { values, .. } => {
                    for ((label, _), l) in values.iter_mut().zip(labels) {
                        *label = l.clone();
                    }
                }
            }
        }
        e.source = Aside(Some(t.at.clone()));
    }
    (Catalog::merge([entities]), d)
}
