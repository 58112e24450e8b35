//! What the text names and the catalog lacks: candidate entities for an editor to add. Found
//! in the text no mention covers (`lint::unlinked_texts`):
//! - countries and towns the gazetteer knows ("Azerbaijan", "Baku");
//! - capitalised names of two words or more ("Caspian Pipeline Consortium", "Ilham Aliyev"),
//!   leading articles and titles left out ("the", "President"), outside headings (a heading in
//!   title case is not a name);
//! - acronyms ("CPC", "OPEC");
//! - a capitalised word inside a sentence, not an adjective of a people or a place: one the
//!   gazetteer spells closely ("Novorossisk": did you mean Novorossiysk), else a smaller place
//!   ("Alashankou") or a company ("KazMunayGas").
//!
//! A person's surname written alone after the full name counts for that person, as an alias.
//!
//! Each with how often the text writes it and where first (`file:line:column`), its kind
//! guessed from its words, and for a place or a country what the gazetteer says (coordinates,
//! ISO code), so [`Candidate::stub`] writes the catalog entry the editor completes. Nothing here
//! is an error: a name may well be left unlinked on purpose.

use std::collections::{HashMap, HashSet};
use std::fmt;

use crate::bundle::Compiled;
use crate::catalog::DRAFT;
use crate::content::catalog::{Catalog, EntityKind};
use crate::content::Linked;
use crate::gazetteer::{Gazetteer, Known, Town};
use crate::lint::unlinked_texts;
use words::*;

mod words;

/// A name the text uses that no entity covers.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// As the text writes it.
    pub text: String,
    /// Its kind, guessed.
    pub kind: EntityKind,
    /// How many times the text writes it unlinked.
    pub count: usize,
    /// Where first: the commentary's file, line and column.
    pub at: (String, usize, usize),
    /// For a place, the gazetteer's town of that name.
    pub town: Option<Town>,
    /// For a name the gazetteer lacks, the town it spells closely ("did you mean").
    pub meant: Option<Town>,
    /// For a country, its ISO 3166-1 alpha-3 code.
    pub iso: Option<String>,
    /// Shorter forms the text also writes unlinked (a person's surname after the full name).
    pub aliases: Vec<String>,
}

impl Candidate {
    /// Whether the gazetteer lacks the name while it spells a town closely (a misspelling, by
    /// its guess).
    pub fn misspelled(&self) -> bool {
        self.meant.is_some()
    }

    /// The catalog entry for it, as TOML, with `id`: its name, kind, the shorter forms the text
    /// writes, and for a place the gazetteer's coordinates and country, for a country its code.
    /// The summary is a draft for the editor to write ([`DRAFT`]: the checker warns until it
    /// is written). A name the gazetteer may have misspelled gets no coordinates, only a
    /// comment saying which town it spells closely: they may well be another place's (a
    /// region, "Xinjiang", is one letter from the town of Xinxiang).
    pub fn stub(&self, id: &str) -> String {
        let name = self.text.as_str();
        let mut out = String::new();
        if let Some(t) = &self.meant {
            out.push_str(&format!(
                "# `{name}` is no town the gazetteer knows. If it is {}, correct the text and write\n# name = {}, lat = {:.2}, lon = {:.2}, country = \"{}\"\n",
                t.describe(),
                quoted(&t.name),
                t.lat,
                t.lon,
                t.country
            ));
        }
        out.push_str(&format!("[[entity]]\nid = \"{id}\"\nkind = \"{}\"\nname = {}\n", self.kind.as_str(), quoted(name)));
        if !self.aliases.is_empty() {
            let all: Vec<String> = std::iter::once(name).chain(self.aliases.iter().map(String::as_str)).map(quoted).collect();
            out.push_str(&format!("aliases = [{}]\n", all.join(", ")));
        }
        let what = match self.kind {
            EntityKind::Person => "who",
            _ => "what",
        };
        out.push_str(&format!("summary = {}\n", quoted(&format!("{DRAFT} {what} {name} is, in one or two sentences."))));
        if let Some(t) = &self.town {
            out.push_str(&format!("lat = {:.2}\nlon = {:.2}\ncountry = \"{}\"\n", t.lat, t.lon, t.country));
        }
        if let Some(iso) = &self.iso {
            out.push_str(&format!("iso = \"{iso}\"\n"));
        }
        out
    }
}

impl fmt::Display for Candidate {
    /// `commentary.md:6:10: candidate: place `Atyrau`, 2 times (the gazetteer: Atyrau (47.10,
    /// 51.88, KAZ))`, as the checker lists it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (file, line, column) = &self.at;
        let times = if self.count == 1 { "once".to_owned() } else { format!("{} times", self.count) };
        write!(f, "{file}:{line}:{column}: candidate: {} `{}`, {times}", self.kind.as_str(), self.text)?;
        if !self.aliases.is_empty() {
            let also: Vec<String> = self.aliases.iter().map(|a| format!("`{a}`")).collect();
            write!(f, ", also as {}", also.join(", "))?;
        }
        match (&self.town, &self.meant, &self.iso) {
            (Some(t), ..) => write!(f, " (the gazetteer: {})", t.describe()),
            (None, Some(t), _) => write!(f, " (did you mean {}?)", t.describe()),
            (None, None, Some(iso)) => write!(f, " (iso {iso})"),
            (None, None, None) => Ok(()),
        }
    }
}

/// A TOML basic string.
pub(crate) fn quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A name's kind, by a word that tells it: its last (or first, for places: "Port of Aktau").
fn keyword_kind(words: &[&str]) -> Option<EntityKind> {
    let has = |list: &[&str]| words.iter().any(|w| list.contains(w));
    let last = words.last().copied().unwrap_or_default();
    if ORGANISATION.contains(&last) || has(&["Ministry", "Bank", "University", "Council"]) {
        Some(EntityKind::Organisation)
    } else if INITIATIVE.contains(&last) {
        Some(EntityKind::Initiative)
    } else if EVENT.contains(&last) {
        Some(EntityKind::Event)
    } else if PLACE.contains(&last) || PLACE.contains(&words[0]) {
        Some(EntityKind::Place)
    } else {
        None
    }
}

/// A name's kind, guessed: by a word that tells it, else an organisation for a long name or one
/// with small words inside, else a person.
fn kind_of(words: &[&str]) -> EntityKind {
    keyword_kind(words).unwrap_or(if words.iter().any(|w| INSIDE.contains(w)) || words.len() > 4 {
        EntityKind::Organisation
    } else {
        EntityKind::Person
    })
}

/// One word of a run, as the candidates see it.
struct Word<'a> {
    text: &'a str,
    /// Punctuation (or the run's start) comes before it: no name goes on across.
    broken: bool,
    /// A sentence may begin with it: a capital there says nothing.
    opening: bool,
    /// It ended in a possessive `'s`, which ends a name ("Azerbaijan's SOCAR" is two).
    possessive: bool,
}

/// The words of `text`: letters and digits with inner hyphens and apostrophes, a possessive
/// `'s` left off ("Azerbaijan's").
fn split(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut between = String::from(".");
    let mut start = None;
    let is_word = |c: char| c.is_alphanumeric() || c == '-' || c == '\'' || c == '’';
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (is_word(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let word = text[s..i].trim_matches(|c: char| !c.is_alphanumeric());
                let bare = word.strip_suffix("'s").or_else(|| word.strip_suffix("’s"));
                if let Some(text) = bare.or(Some(word)).filter(|w| !w.is_empty()) {
                    let broken = between.chars().any(|c| !c.is_whitespace());
                    let opening = between.contains(['.', '!', '?', ':']);
                    out.push(Word { text, broken, opening, possessive: bare.is_some() });
                }
                start = None;
                between.clear();
                between.push(c);
            }
            (false, None) => between.push(c),
            (true, Some(_)) => {}
        }
    }
    out
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn acronym(w: &str) -> bool {
    let upper = w.chars().filter(|c| c.is_uppercase()).count();
    (2..=6).contains(&w.chars().count())
        && upper >= 2
        && w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
        && !w.chars().all(|c| "IVXLCDM".contains(c))
        && !NOT_ENTITIES.contains(&w)
}

/// The names in one run: each with its words, and whether a sentence may begin with it.
fn names<'a>(words: &[Word<'a>], heading: bool) -> Vec<(Vec<&'a str>, bool)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !capitalised(words[i].text) {
            i += 1;
            continue;
        }
        // The longest stretch of capitalised words, small words allowed between two of them.
        let mut end = i + 1;
        while end < words.len() && !words[end].broken && !words[end - 1].possessive {
            if capitalised(words[end].text) {
                end += 1;
            } else if INSIDE.contains(&words[end].text)
                && !words[end].possessive
                && words.get(end + 1).is_some_and(|n| !n.broken && capitalised(n.text))
            {
                end += 2;
            } else {
                break;
            }
        }
        let opening = words[i].opening;
        let mut stretch: Vec<&str> = words[i..end].iter().map(|w| w.text).collect();
        i = end;
        // Articles, conjunctions and titles before a name are not part of it.
        let mut first_opening = opening;
        while stretch.len() > 1 && {
            let lower = stretch[0].to_lowercase();
            LEADING.contains(&lower.as_str()) || TITLES.contains(&lower.as_str())
        } {
            stretch.remove(0);
            first_opening = false;
        }
        // A sentence's first word is capitalised whatever it is: a verb or an adverb there
        // ("Expanding Chinese trade", "Recently Tokayev") is not part of a name.
        if first_opening && stretch.len() > 1 && ["ing", "ed", "ly"].iter().any(|end| stretch[0].ends_with(end)) {
            stretch.remove(0);
            first_opening = false;
        }
        while stretch.last().is_some_and(|w| INSIDE.contains(w)) {
            stretch.pop();
        }
        while stretch.first().is_some_and(|w| INSIDE.contains(w) || CALENDAR.contains(w)) {
            stretch.remove(0);
        }
        if stretch.is_empty() {
            continue;
        }
        // "Kazakhstan and Azerbaijan" is two names, "Belt and Road Initiative" one: a stretch
        // is cut at `and` unless its last word says it is one organisation or initiative.
        let whole = matches!(keyword_kind(&stretch), Some(EntityKind::Organisation | EntityKind::Initiative | EntityKind::Event));
        let parts: Vec<Vec<&str>> = if whole && stretch.len() > 2 {
            vec![stretch]
        } else {
            stretch.split(|w| *w == "and").map(<[&str]>::to_vec).filter(|p| !p.is_empty()).collect()
        };
        for (n, part) in parts.into_iter().enumerate() {
            // In a heading, only single names (a heading in title case is no person).
            if heading && part.len() > 1 {
                out.extend(part.into_iter().map(|w| (vec![w], true)));
            } else {
                out.push((part, first_opening && n == 0));
            }
        }
    }
    out
}

/// What a name the text writes is, if it is a candidate: its kind, and what the gazetteer
/// says of it (its town, the town it spells closely, its country's code). Where and how often
/// are the caller's.
fn classify(words: &[&str], opening: bool, gazetteer: &Gazetteer) -> Option<Candidate> {
    let text = words.join(" ");
    let candidate = |kind| Candidate {
        text: text.clone(),
        kind,
        count: 1,
        at: Default::default(),
        town: None,
        meant: None,
        iso: None,
        aliases: Vec::new(),
    };
    match gazetteer.known(&text) {
        Some(Known::Country(c)) => return Some(Candidate { iso: Some(c.iso.clone()), ..candidate(EntityKind::Country) }),
        Some(Known::Towns(list)) => return Some(Candidate { town: Some(gazetteer.town(list[0]).clone()), ..candidate(EntityKind::Place) }),
        None => {}
    }
    if words.len() > 1 {
        return Some(candidate(kind_of(words)));
    }
    let word = words[0];
    if let Some((_, iso)) = COUNTRY_ABBREVIATIONS.iter().find(|(a, _)| *a == word) {
        return Some(Candidate { iso: Some((*iso).to_owned()), ..candidate(EntityKind::Country) });
    }
    if acronym(word) {
        return Some(candidate(EntityKind::Organisation));
    }
    // A capital inside a sentence says "a name": one the gazetteer spells closely may be a
    // misspelled town; another, unless an adjective of a people or a place ("Chinese",
    // "Caspian"), a title ("President") or a compound of known names ("Kazakhstan-China"), is
    // most often a smaller place than the gazetteer's towns ("Kuryk", "Alashankou") or a
    // company ("KazMunayGas": an inner capital, or a company's ending, says which).
    let lower = word.to_lowercase();
    let compound = word.contains('-') && word.split('-').any(|part| gazetteer.known(part).is_some());
    if opening || CALENDAR.contains(&word) || NOT_NAMES.contains(&word) || TITLES.contains(&lower.as_str()) || compound {
        return None;
    }
    if word.chars().count() < 4 || ADJECTIVE_ENDINGS.iter().any(|end| word.ends_with(end)) {
        return None;
    }
    if let Some(town) = gazetteer.meant(word) {
        return Some(Candidate { meant: Some(town.clone()), ..candidate(EntityKind::Place) });
    }
    let company = word.chars().skip(1).any(char::is_uppercase) || COMPANY_ENDINGS.iter().any(|end| lower.ends_with(end));
    Some(candidate(if company { EntityKind::Organisation } else { EntityKind::Place }))
}

/// The candidates of `linked` (the commentary `file`, whose text is `source`): every name it
/// writes unlinked that no entry of `catalog` has as its name or an alias, in the order the
/// text first writes them.
pub fn candidates(linked: &Linked, catalog: &Catalog, gazetteer: &Gazetteer, source: &str, file: &str) -> Vec<Candidate> {
    let taken: HashSet<&str> =
        catalog.entities().iter().flat_map(|e| std::iter::once(e.name.as_str()).chain(e.aliases.iter().map(String::as_str))).collect();
    let lines: Vec<&str> = source.lines().collect();
    let mut found: Vec<Candidate> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut surnames: HashMap<String, usize> = HashMap::new();
    for run in unlinked_texts(linked).into_iter().filter(|r| r.line > 0) {
        let words = split(&run.text);
        for (name, opening) in names(&words, run.heading) {
            let text = name.join(" ");
            if taken.contains(text.as_str()) {
                continue;
            }
            if let Some(&i) = index.get(&text) {
                found[i].count += 1;
                continue;
            }
            // A person's surname after the full name is the same person ("Tokayev").
            if let Some(&i) = surnames.get(&text) {
                found[i].count += 1;
                if !found[i].aliases.contains(&text) {
                    found[i].aliases.push(text);
                }
                continue;
            }
            let Some(mut candidate) = classify(&name, opening, gazetteer) else { continue };
            let (line, column) = position_of(&lines, run.line, &name);
            candidate.at = (file.to_owned(), line, column);
            if candidate.kind == EntityKind::Person && name.len() > 1 {
                surnames.insert(name[name.len() - 1].to_owned(), found.len());
            }
            index.insert(text, found.len());
            found.push(candidate);
        }
    }
    found
}

/// The line and column where the name of `words` first appears at or after `line` (1-based)
/// of the source, a block's first: its first word's, since emphasis may sit between its words.
/// The block's line and column 1 if it cannot be found.
fn position_of(lines: &[&str], line: usize, words: &[&str]) -> (usize, usize) {
    let first = words[0];
    for (n, text) in lines.iter().enumerate().skip(line.saturating_sub(1)).take(50) {
        let mut from = 0;
        while let Some(at) = text[from..].find(first) {
            let start = from + at;
            let before = text[..start].chars().next_back();
            let after = text[start + first.len()..].chars().next();
            // Whole words only: "Ceyhan" is not found inside "Baku-Tbilisi-Ceyhan".
            let inside = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-');
            if !inside(before) && !inside(after) {
                return (n + 1, text[..start].chars().count() + 1);
            }
            from = start + first.len();
        }
    }
    (line, 1)
}

/// An id for a new entry named `name` that no entry of `taken` has: its letters in lower case,
/// words joined by hyphens, other letters than a–z dropped (`Ilham Aliyev` → `ilham-aliyev`),
/// a number added when taken.
pub fn id_for(name: &str, taken: &HashSet<String>) -> String {
    let mut id = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        match c {
            'a'..='z' | '0'..='9' => id.push(c),
            _ if c.is_alphanumeric() => {}
            _ if !id.ends_with('-') && !id.is_empty() => id.push('-'),
            _ => {}
        }
    }
    let id = id.trim_end_matches('-').to_owned();
    let id = if id.is_empty() { "entity".to_owned() } else { id };
    if !taken.contains(&id) {
        return id;
    }
    (2..).map(|n| format!("{id}-{n}")).find(|c| !taken.contains(c)).unwrap_or(id)
}

/// The stubs of `candidates` for a catalog whose ids are `catalog`'s, each with its id: the TOML
/// an editor appends to `entities.toml`.
pub fn stubs(candidates: &[Candidate], catalog: &Catalog) -> Vec<(String, String)> {
    let mut taken: HashSet<String> = catalog.entities().iter().map(|e| e.id.to_string()).collect();
    candidates
        .iter()
        .map(|c| {
            let id = id_for(&c.text, &taken);
            taken.insert(id.clone());
            let stub = c.stub(&id);
            (id, stub)
        })
        .collect()
}

/// The candidates of a compiled original (none for one that cannot be shown): [`candidates`]
/// of its linked text, `source` being its `commentary.md` (named `file`).
pub fn of_compiled(compiled: &Compiled, gazetteer: &Gazetteer, source: &str, file: &str) -> Vec<Candidate> {
    match compiled {
        Compiled::Ready(loaded) => candidates(&loaded.linked, &loaded.catalog, gazetteer, source, file),
        Compiled::Failed { .. } => Vec::new(),
    }
}

#[cfg(test)]
mod tests;
