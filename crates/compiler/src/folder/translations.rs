//! A commentary's translations: their files, each compiled in its language and checked
//! against the original (sections, entities, paragraphs), and every edition told the others.

use super::*;

/// The map's texts that the translation `lang` leaves as written, as one warning at its
/// `[translations.<lang>]` (at `[translations]`, or the top of the map, without one): readers of
/// the translation would see them in the original's language.
pub(super) fn untranslated_words(spec: &MapSpec, lang: &str, file: &str) -> Option<Diagnostic> {
    let missing = spec.untranslated(lang);
    let (_, first) = *missing.first()?;
    let at = |tag: &str| spec.translations_at.iter().find(|(l, _)| l == tag).map(|(_, at)| *at);
    const SHOWN: usize = 6;
    let mut named: Vec<String> = missing.iter().take(SHOWN).map(|(what, text)| format!("{what} \"{text}\"")).collect();
    if missing.len() > SHOWN {
        named.push(format!("and {} more", missing.len() - SHOWN));
    }
    let texts = if missing.len() == 1 { "1 text".to_owned() } else { format!("{} texts", missing.len()) };
    let example = format!("add `\"{first}\" = \"…\"` for each (write `\"{first}\" = \"{first}\"` for one that stays the same)");
    Some(match at(lang) {
        Some(at) => Diagnostic::warning(file, at, format!("[translations.{lang}] leaves {texts} of the map untranslated: {}; {example}", named.join(", "))),
        None => Diagnostic::warning(
            file,
            at("").unwrap_or((1, 1)),
            format!("the map has no [translations.{lang}], so its {texts} stay untranslated: {}; add [translations.{lang}] with `\"{first}\" = \"…\"` for each", named.join(", ")),
        ),
    })
}

/// The translations `original`'s front matter lists (none when it cannot be shown): the
/// pipelines [`compile_all`] runs after the original's ([`Pipeline::translation`]).
pub fn translations_of(original: &Compiled) -> Vec<String> {
    match original {
        Compiled::Ready(loaded) => loaded.front.translations.clone(),
        Compiled::Failed { .. } => Vec::new(),
    }
}

/// What the pipeline of the translation `lang` says when its file (`file`) is not there.
pub(super) fn missing_translation(lang: &str, file: &str) -> String {
    format!("the translation `{lang}` named in the original's `translations` has no {file}")
}

/// Whether `file` is one of the translation `lang`'s own files (`commentary.ru.md`,
/// `entities.ru.toml`, by [`translated_name`]), rather than one it shares with the original.
fn is_translations_own(file: &str, lang: &str) -> bool {
    file.rsplit_once('.').is_some_and(|(stem, _)| stem.ends_with(&format!(".{lang}")))
}

/// The translation `lang`, compiled, with its messages as [`compile_all`] gives them: a file
/// the original shares (its catalog, its map) says its problems once, and a message the
/// translation causes there says so ("in the `ru` translation: …"); a translation whose file is
/// missing is said to be at the original's `translations`; then how it falls short of the
/// original ([`compare_translation`]), a wrong `lang` and a missing `url`.
pub fn translated(original: &Edition, naming: &Naming, lang: String, compiled: Compiled, mut diagnostics: Vec<Diagnostic>) -> Edition {
    diagnostics.retain(|d| !original.2.contains(d));
    for d in &mut diagnostics {
        if !is_translations_own(&d.file, &lang) {
            d.message = format!("in the `{lang}` translation: {}", d.message);
        }
    }
    let compiled = match (compiled, &original.1) {
        (Compiled::Failed { message, network }, Compiled::Ready(first)) => {
            let file = naming.name(&Address::Folder(translation_file(&lang)));
            let missing = Diagnostic::error(&file, (1, 1), missing_translation(&lang, &file));
            match diagnostics.iter_mut().find(|d| **d == missing) {
                Some(d) => {
                    let i = first.front.translations.iter().position(|t| *t == lang);
                    let at = i.and_then(|i| first.front.translations_at.0.get(i).copied()).unwrap_or((1, 1));
                    let listed: Vec<String> = first.front.translations.iter().map(|t| format!("\"{t}\"")).collect();
                    *d = Diagnostic::error(
                        &naming.commentary(),
                        at,
                        format!(
                            "the translation `{lang}` named in translations = [{}] has no {file}: write it beside {}, or take \"{lang}\" out of `translations`",
                            listed.join(", "),
                            naming.commentary()
                        ),
                    );
                    Compiled::Failed { message: d.to_string(), network }
                }
                None => Compiled::Failed { message, network },
            }
        }
        (compiled, _) => compiled,
    };
    if let (Compiled::Ready(original), Compiled::Ready(translation)) = (&original.1, &compiled) {
        let file = naming.name(&Address::Folder(translation_file(&lang)));
        diagnostics.extend(compare_translation(original, translation, &file));
        if original.front.url.is_some() && translation.front.url.is_none() {
            let message = format!("the original gives its page's address (`url`) and this translation does not: its `{lang}` page ({}) is left out of the `hreflang` links, which need absolute addresses; give its `url`", crate::bundle::page_names(Some(&lang)).0);
            diagnostics.push(Diagnostic::warning(&file, (1, 1), message));
        }
        if translation.front.lang != lang {
            let message = format!("`lang = \"{}\"`, but the original lists this file as its `{lang}` translation", translation.front.lang);
            diagnostics.push(Diagnostic::warning(&file, (1, 1), message));
        }
    }
    (Some(lang), compiled, diagnostics)
}

/// Tells every language of `all` (the original first) that can be shown which languages the
/// commentary is published in ([`Loaded::languages`]): those that can be shown, with their
/// titles and addresses. A commentary with one such language has none listed.
pub fn link_languages(all: &mut [Edition]) {
    let languages: Vec<Language> = all
        .iter()
        .filter_map(|(lang, compiled, _)| match compiled {
            Compiled::Ready(l) => Some(Language {
                lang: lang.clone().unwrap_or_else(|| l.front.lang.clone()),
                title: l.front.title.clone(),
                url: l.front.url.clone(),
            }),
            Compiled::Failed { .. } => None,
        })
        .collect();
    if languages.len() > 1 {
        for (_, compiled, _) in all {
            if let Compiled::Ready(l) = compiled {
                l.languages = languages.clone();
            }
        }
    }
}

/// One top-level section of a commentary, as [`compare_translation`] compares them.
struct SectionContents {
    /// Its anchor (`intro` for the text before the first heading).
    anchor: String,
    /// The entities it mentions, in order of first mention.
    entities: Vec<String>,
    /// How many paragraphs it has.
    paragraphs: usize,
    /// The line of its heading (the intro's: its first block's, else the first heading's).
    line: usize,
}

/// Each top-level section's entities mentioned and paragraphs, by the section's anchor, in
/// reading order (`intro` first).
fn section_contents(linked: &Linked) -> Vec<SectionContents> {
    let first_line = linked.body.blocks.first().map_or(1, Block::line);
    let mut out = vec![SectionContents { anchor: INTRO.to_owned(), entities: Vec::new(), paragraphs: 0, line: first_line }];
    for block in &linked.body.blocks {
        if let Block::Heading { id, line, .. } = block {
            out.push(SectionContents { anchor: id.clone(), entities: Vec::new(), paragraphs: 0, line: *line });
        }
        let last = out.last_mut().expect("intro is first");
        if matches!(block, Block::Paragraph { .. }) {
            last.paragraphs += 1;
        }
        for (_, id) in block.mentions() {
            if !last.entities.iter().any(|e| e == id.as_str()) {
                last.entities.push(id.to_string());
            }
        }
    }
    out
}

/// How a translation (`file`, its commentary file) falls short of the original, as warnings,
/// each at the heading of the translation's section it concerns: a section of the original, by
/// its anchor, that the translation lacks (its map chapter, if it has one, and links to it have
/// nothing to go to; said at the heading in its place, whose anchor differs, else after the
/// section before it), a different number of paragraphs in a section (a link to a paragraph,
/// `#p-N`, would land elsewhere), and an entity the original mentions in a section that the
/// translation does not (its card is missing there: give the translation's catalog an alias
/// the translated text uses).
pub fn compare_translation(original: &Loaded, translation: &Loaded, file: &str) -> Vec<Diagnostic> {
    let mut d = Vec::new();
    let theirs = section_contents(&translation.linked);
    let ours = section_contents(&original.linked);
    let chapters: Vec<&str> =
        original.map.scene().map(|scene| scene.spec.chapters.iter().map(|c| c.section.as_str()).collect()).unwrap_or_default();
    // The line of the last section of the translation that has its counterpart.
    let mut after = theirs[0].line;
    for (i, section) in ours.iter().enumerate() {
        let SectionContents { anchor, entities, paragraphs, .. } = section;
        let Some(their) = theirs.iter().find(|s| s.anchor == *anchor) else {
            let chapter = if chapters.contains(&anchor.as_str()) { " (the map's chapter for it has no section to follow)" } else { "" };
            // The translation's section in the same place, if its anchor is none of the original's.
            let stand_in = theirs.get(i).filter(|t| !ours.iter().any(|o| o.anchor == t.anchor));
            let (line, here) = match stand_in {
                Some(t) => (t.line, format!("; this heading, in its place, has the anchor `{}`", t.anchor)),
                None => (after, "; it would follow this section".to_owned()),
            };
            d.push(Diagnostic::warning(file, (line, 1), format!("the original's section `{anchor}` has no counterpart here{chapter}{here}: give the translated heading the same anchor, `## … {{#{anchor}}}`")));
            continue;
        };
        after = their.line;
        let at = (their.line, 1);
        if their.paragraphs != *paragraphs {
            d.push(Diagnostic::warning(file, at, format!("section `{anchor}` has {} paragraphs here and {paragraphs} in the original: links to paragraphs (#p-N) land on different ones in the two languages", their.paragraphs)));
        }
        for id in entities.iter().filter(|id| !their.entities.contains(id)) {
            let name = original.catalog.index_of(id).map(|i| original.catalog.get(i).name.clone()).unwrap_or_default();
            d.push(Diagnostic::warning(file, at, format!("section `{anchor}`: the original mentions `{id}` ({name}) and this translation does not; give it an alias the translated text uses, or link the words with [text](entity:{id})")));
        }
    }
    d
}
