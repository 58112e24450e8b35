//! The widget's own words (not the commentary's): one table per language (`en.rs`, `ru.rs`, …,
//! the same struct, so a missing key does not compile, and a test checks none is empty), the
//! one registry of languages, and how numbers, dates and lists of names are written.

mod be;
mod en;
mod ru;
mod tr;
mod zh;

pub use be::BE;
pub use en::EN;
pub use ru::RU;
pub use tr::TR;
pub use zh::ZH;

/// All UI strings of one language.
#[derive(Debug)]
pub struct Strings {
    /// Before the author list: "By Yauheni Preiherman".
    pub by: &'static str,
    /// Joins the last two authors: "A and B".
    pub and: &'static str,
    /// Before the publisher: "Originally published by AVIM".
    pub originally_published_by: &'static str,
    /// Status while the commentary loads (shown only when the host gave no fallback).
    pub loading: &'static str,
    /// Heading of the error view.
    pub error_title: &'static str,
    /// Accessible name of the article region, followed by the title.
    pub article_label: &'static str,
    /// The heading of the closing "about the author" section.
    pub about_author: &'static str,
    /// Card labels for each entity kind, in `EntityKind` order: person, organisation,
    /// initiative, country, place, figure, event.
    pub kinds: [&'static str; 7],
    /// "Mention 2 of 5": `{k}` and `{n}` are replaced.
    pub mention_k_of_n: &'static str,
    /// When an entity is mentioned once.
    pub mentioned_once: &'static str,
    /// Accessible name of the previous-mention button.
    pub previous_mention: &'static str,
    /// Accessible name of the next-mention button.
    pub next_mention: &'static str,
    /// Accessible name of the card's close button.
    pub close: &'static str,
    /// Link labels: Wikipedia, Wikidata, website, source.
    pub wikipedia: &'static str,
    /// See `wikipedia`.
    pub wikidata: &'static str,
    /// See `wikipedia`.
    pub website: &'static str,
    /// See `wikipedia`.
    pub source: &'static str,
    /// Suffix of a new-tab link's accessible name.
    pub opens_in_new_tab: &'static str,
    /// Heading of a card's list of the site's other commentaries on its entity.
    pub also_in: &'static str,
    /// Accessible name of the map, before its title.
    pub map: &'static str,
    /// How to use the map from the keyboard (read after its name).
    pub map_help: &'static str,
    /// Name of the zoom controls group.
    pub zoom: &'static str,
    /// Zoom-in button.
    pub zoom_in: &'static str,
    /// Zoom-out button.
    pub zoom_out: &'static str,
    /// Button that returns to the whole map.
    pub reset_view: &'static str,
    /// Name of the chapter controls group.
    pub chapters: &'static str,
    /// Previous-chapter button.
    pub previous_chapter: &'static str,
    /// Next-chapter button.
    pub next_chapter: &'static str,
    /// "2/3: Title": `{k}`, `{n}` and `{title}` are replaced.
    pub chapter_k_of_n: &'static str,
    /// Shown instead of a chapter before any is chosen.
    pub overview: &'static str,
    /// The chapter before the first heading.
    pub introduction: &'static str,
    /// Summary of the map's text alternative.
    pub map_as_text: &'static str,
    /// Text alternative: the routes list's heading.
    pub routes: &'static str,
    /// Text alternative: the places list's heading.
    pub places: &'static str,
    /// Text alternative: the highlighted countries' heading.
    pub highlighted: &'static str,
    /// Accessible name of the legend.
    pub legend: &'static str,
    /// Legend: a rail route.
    pub rail: &'static str,
    /// Legend: a sea route.
    pub sea: &'static str,
    /// Legend: a road route.
    pub road: &'static str,
    /// The language switch's label.
    pub language: &'static str,
    /// Announced after the language switch: `{language}` (named in itself) is replaced.
    pub language_shown: &'static str,
    /// Legend: a ferry crossing.
    pub ferry: &'static str,
    /// Legend: a pipeline.
    pub pipeline: &'static str,
    /// Legend: a break-of-gauge point.
    pub gauge_break: &'static str,
    /// Legend: a marker that opens a card.
    pub place_with_card: &'static str,
    /// Legend: a marker of a map-only place (no card).
    pub place: &'static str,
    /// Collapses the map.
    pub hide_map: &'static str,
    /// Expands the map.
    pub show_map: &'static str,
    /// Data credit shown on the map.
    pub map_attribution: &'static str,
    /// Announced when a chapter is shown: `{title}` and `{what}` are replaced.
    pub map_shows: &'static str,
    /// Announced after "show on map": `{name}` is replaced.
    pub map_shows_entity: &'static str,
    /// Shown when the wheel scrolls over the map without Ctrl/⌘.
    pub wheel_hint: &'static str,
    /// Card button that moves the map to the entity.
    pub show_on_map: &'static str,
    /// Card opened from the map: goes to the first mention; `{n}` is replaced.
    pub first_mention: &'static str,
    /// Card opened from the map for something the text does not name.
    pub not_mentioned: &'static str,
    /// Shown where the map would be when it cannot be drawn.
    pub map_unavailable: &'static str,
    /// The button that tries loading again after a network failure.
    pub retry: &'static str,
    /// Heading of the `debug` panel listing the content's problems.
    pub problems: &'static str,
    /// The unit of the map's scale bar.
    pub km: &'static str,
    /// Reading time: `{range}` minutes, e.g. "4–5".
    pub reading_time: &'static str,
    /// Summary of the citation box.
    pub cite: &'static str,
    /// Copies a citation.
    pub copy: &'static str,
    /// Announced after copying.
    pub copied: &'static str,
    /// The per-paragraph link button.
    pub copy_link: &'static str,
    /// Announced after copying a paragraph link.
    pub link_copied: &'static str,
    /// Heading of the printed glossary of the cards.
    pub glossary: &'static str,
    /// Accessible name of the reading-progress bar.
    pub progress: &'static str,
    /// Name of the group of skip links and the keys' help at the widget's start.
    pub shortcuts: &'static str,
    /// Skip link past the map, to the text.
    pub skip_to_text: &'static str,
    /// Skip link past the whole commentary (focus lands after it).
    pub skip_to_end: &'static str,
    /// The button showing the keyboard help.
    pub keys: &'static str,
    /// The keyboard help, one key or pair of keys per line.
    pub keys_help: [&'static str; 5],
    /// Digit grouping and decimal mark: "1,234.5" in English, "1 234,5" in Russian.
    pub number_marks: (&'static str, &'static str),
    /// Month names as a date uses them (genitive where the language needs it).
    pub months: [&'static str; 12],
    /// A date: `{d}` day, `{m}` month number, `{month}` its name, `{y}` year.
    pub date_format: &'static str,
}

/// The tables are statics, one per language: the same table is the same language. Components
/// compare the `&'static Strings` in their props on every render; comparing by address costs
/// nothing (a derived comparison of every field cost the reader 2.3 KB of code).
impl PartialEq for Strings {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Eq for Strings {}

/// A language the widget knows: for the language switch, its name; for the languages it speaks,
/// its words and how fast its readers read.
pub struct Language {
    /// Its primary language subtag (`ru`).
    pub tag: &'static str,
    /// Its name in itself ("Русский").
    pub name: &'static str,
    /// The widget's words in it, if the widget speaks it.
    pub words: Option<&'static Strings>,
    /// Characters read per minute and its spread: Firefox Reader View's table
    /// (Trauzettel-Klosinski & Dietz, 2012), for the languages the widget speaks. Belarusian is
    /// not in it; Russian's stands in.
    pub reading: Option<(u16, u16)>,
}

/// English readers' characters per minute and spread: the speed of a language without its own.
const ENGLISH_READING: (u16, u16) = (987, 118);

/// Every language the widget knows, the one registry: the languages it speaks first, English
/// (the fallback) first of all; then those it only names in the language switch.
pub static REGISTRY: &[Language] = &[
    Language { tag: "en", name: "English", words: Some(&EN), reading: Some(ENGLISH_READING) },
    Language { tag: "ru", name: "Русский", words: Some(&RU), reading: Some((986, 175)) },
    Language { tag: "be", name: "Беларуская", words: Some(&BE), reading: Some((986, 175)) },
    Language { tag: "zh", name: "中文", words: Some(&ZH), reading: Some((255, 29)) },
    Language { tag: "tr", name: "Türkçe", words: Some(&TR), reading: Some((1054, 156)) },
    Language { tag: "uk", name: "Українська", words: None, reading: None },
    Language { tag: "de", name: "Deutsch", words: None, reading: None },
    Language { tag: "fr", name: "Français", words: None, reading: None },
    Language { tag: "pl", name: "Polski", words: None, reading: None },
    Language { tag: "kk", name: "Қазақ тілі", words: None, reading: None },
    Language { tag: "es", name: "Español", words: None, reading: None },
];

/// The registry's entry for a BCP 47 language tag (`ru`, `zh-Hans-CN`, `be-BY`…), by its
/// primary subtag.
pub fn language(tag: &str) -> Option<&'static Language> {
    REGISTRY.iter().find(|l| l.tag.eq_ignore_ascii_case(primary_subtag(tag)))
}

/// The name of the language `tag` in itself, for the language switch ("Русский"), or the tag.
pub fn language_name(tag: &str) -> &str {
    language(tag).map_or(tag, |l| l.name)
}

/// Characters read per minute in language `tag`, and its spread (English's for a language
/// without its own).
pub fn reading_speed(tag: &str) -> (f64, f64) {
    let (speed, spread) = language(tag).and_then(|l| l.reading).unwrap_or(ENGLISH_READING);
    (f64::from(speed), f64::from(spread))
}

/// Whether two language tags name the same language, by their primary subtag (`ru-RU` and `ru`).
pub fn same_language(a: &str, b: &str) -> bool {
    primary_subtag(a).eq_ignore_ascii_case(primary_subtag(b))
}

/// The language of `tag` without its region or script: `ru` of `ru-RU` (or `ru_RU`).
pub fn primary_subtag(tag: &str) -> &str {
    tag.split(['-', '_']).next().unwrap_or(tag)
}

impl Strings {
    /// What the legend, and the map as text for a route of several kinds, calls `kind`.
    pub fn route_kind(&self, kind: crate::geo::spec::RouteKind) -> &'static str {
        use crate::geo::spec::RouteKind;
        match kind {
            RouteKind::Rail => self.rail,
            RouteKind::Sea => self.sea,
            RouteKind::Road => self.road,
            RouteKind::Ferry => self.ferry,
            RouteKind::Pipeline => self.pipeline,
        }
    }
}

impl Strings {
    /// The card label of an entity kind.
    pub fn kind(&self, kind: crate::content::catalog::EntityKind) -> &'static str {
        use crate::content::catalog::EntityKind::*;
        let i = match kind {
            Person => 0,
            Organisation => 1,
            Initiative => 2,
            Country => 3,
            Place => 4,
            Figure => 5,
            Event => 6,
        };
        self.kinds[i]
    }

    /// "Mention 2 of 5".
    pub fn mention_position(&self, k: usize, n: usize) -> String {
        self.mention_k_of_n.replace("{k}", &k.to_string()).replace("{n}", &n.to_string())
    }
}

impl Strings {
    /// "2/3: Title".
    pub fn chapter_k_of_n(&self, k: usize, n: usize, title: &str) -> String {
        self.chapter_k_of_n.replace("{k}", &k.to_string()).replace("{n}", &n.to_string()).replace("{title}", title)
    }

    /// What the map shows now, announced politely.
    pub fn map_shows(&self, title: &str, what: &str) -> String {
        self.map_shows.replace("{title}", title).replace("{what}", what)
    }

    /// Announced after "show on map".
    pub fn map_shows_entity(&self, name: &str) -> String {
        self.map_shows_entity.replace("{name}", name)
    }

    /// A date in this language ("February 14, 2024", "14 февраля 2024 г.", "2024年2月14日").
    /// Our own table rather than the browser's `Intl`, whose locale data varies (Chromium
    /// builds without Belarusian fall back to English).
    pub fn date(&self, date: crate::content::Date) -> String {
        self.date_format
            .replace("{month}", self.months[usize::from(date.month.clamp(1, 12)) - 1])
            .replace("{d}", &date.day.to_string())
            .replace("{m}", &date.month.to_string())
            .replace("{y}", &date.year.to_string())
    }

    /// "4–5 min read" (or "4 min read" when the range is one value).
    pub fn reading(&self, (fast, slow): (u32, u32)) -> String {
        let range = if fast == slow { fast.to_string() } else { format!("{fast}–{slow}") };
        self.reading_time.replace("{range}", &range)
    }

    /// A number as this language writes it (up to three decimals): "2,000" / "2 000", "0.404" / "0,404".
    pub fn number(&self, v: f64) -> String {
        let plain = crate::geo::draw::decimal(v, 3);
        let (sign, rest) = plain.strip_prefix('-').map_or(("", plain.as_str()), |r| ("-", r));
        let (int, frac) = rest.split_once('.').map_or((rest, None), |(i, f)| (i, Some(f)));
        let mut grouped = String::new();
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 && int.len() > 4 {
                grouped.push_str(self.number_marks.0);
            }
            grouped.push(c);
        }
        match frac {
            Some(f) => format!("{sign}{grouped}{}{f}", self.number_marks.1),
            None => format!("{sign}{grouped}"),
        }
    }

    /// "Mentioned 3× — go to the text".
    pub fn first_mention(&self, n: usize) -> String {
        self.first_mention.replace("{n}", &n.to_string())
    }
}

/// The strings for a BCP 47 language tag (`ru`, `zh-Hans-CN`, `be-BY`…), falling back to English.
pub fn strings(lang: &str) -> &'static Strings {
    language(lang).and_then(|l| l.words).unwrap_or(&EN)
}

/// "A", "A and B", "A, B and C".
pub fn join_names(names: &[&str], and: &str) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_author_names() {
        assert_eq!(join_names(&[], "and"), "");
        assert_eq!(join_names(&["A"], "and"), "A");
        assert_eq!(join_names(&["A", "B"], "and"), "A and B");
        assert_eq!(join_names(&["A", "B", "C"], "and"), "A, B and C");
    }

    #[test]
    fn mention_positions_fill_the_template() {
        assert_eq!(EN.mention_position(2, 5), "Mention 2 of 5");
    }

    #[test]
    fn map_templates_fill_every_placeholder() {
        for text in [EN.chapter_k_of_n(2, 3, "T"), EN.map_shows("T", "Belarus, China"), EN.map_shows_entity("Minsk"), EN.first_mention(4)] {
            assert!(!text.contains('{') && !text.contains('}'), "{text}");
        }
        assert_eq!(EN.chapter_k_of_n(2, 3, "Trade"), "2/3: Trade");
        assert_eq!(EN.map_shows("Introduction", "Belarus, China"), "Map: Introduction — showing Belarus, China");
    }

    /// Every field of one table, for the checks below.
    fn all(s: &Strings) -> Vec<(&'static str, &'static str)> {
        let mut v = vec![
            ("by", s.by),
            ("and", s.and),
            ("originally_published_by", s.originally_published_by),
            ("loading", s.loading),
            ("error_title", s.error_title),
            ("article_label", s.article_label),
            ("about_author", s.about_author),
            ("mention_k_of_n", s.mention_k_of_n),
            ("mentioned_once", s.mentioned_once),
            ("previous_mention", s.previous_mention),
            ("next_mention", s.next_mention),
            ("close", s.close),
            ("wikipedia", s.wikipedia),
            ("wikidata", s.wikidata),
            ("website", s.website),
            ("source", s.source),
            ("opens_in_new_tab", s.opens_in_new_tab),
            ("map", s.map),
            ("map_help", s.map_help),
            ("zoom", s.zoom),
            ("zoom_in", s.zoom_in),
            ("zoom_out", s.zoom_out),
            ("reset_view", s.reset_view),
            ("chapters", s.chapters),
            ("previous_chapter", s.previous_chapter),
            ("next_chapter", s.next_chapter),
            ("chapter_k_of_n", s.chapter_k_of_n),
            ("overview", s.overview),
            ("introduction", s.introduction),
            ("map_as_text", s.map_as_text),
            ("routes", s.routes),
            ("places", s.places),
            ("highlighted", s.highlighted),
            ("legend", s.legend),
            ("rail", s.rail),
            ("sea", s.sea),
            ("road", s.road),
            ("language", s.language),
            ("language_shown", s.language_shown),
            ("ferry", s.ferry),
            ("pipeline", s.pipeline),
            ("gauge_break", s.gauge_break),
            ("place_with_card", s.place_with_card),
            ("place", s.place),
            ("hide_map", s.hide_map),
            ("show_map", s.show_map),
            ("map_attribution", s.map_attribution),
            ("map_shows", s.map_shows),
            ("map_shows_entity", s.map_shows_entity),
            ("wheel_hint", s.wheel_hint),
            ("show_on_map", s.show_on_map),
            ("first_mention", s.first_mention),
            ("not_mentioned", s.not_mentioned),
            ("map_unavailable", s.map_unavailable),
            ("retry", s.retry),
            ("problems", s.problems),
            ("km", s.km),
            ("reading_time", s.reading_time),
            ("cite", s.cite),
            ("copy", s.copy),
            ("copied", s.copied),
            ("copy_link", s.copy_link),
            ("link_copied", s.link_copied),
            ("progress", s.progress),
            ("glossary", s.glossary),
            ("shortcuts", s.shortcuts),
            ("skip_to_text", s.skip_to_text),
            ("skip_to_end", s.skip_to_end),
            ("keys", s.keys),
        ];
        v.extend(s.keys_help.iter().map(|k| ("keys_help", *k)));
        v.extend(s.kinds.iter().map(|k| ("kinds", *k)));
        v
    }

    fn placeholders(text: &str) -> Vec<&str> {
        let mut found: Vec<&str> = text.match_indices('{').filter_map(|(i, _)| text[i..].find('}').map(|j| &text[i..=i + j])).collect();
        found.sort_unstable();
        found
    }

    #[test]
    fn the_registry_names_each_language_once_and_every_language_spoken_has_its_reading_speed() {
        for (i, l) in REGISTRY.iter().enumerate() {
            assert!(REGISTRY[..i].iter().all(|m| m.tag != l.tag), "{} is listed twice", l.tag);
            assert_eq!(l.words.is_some(), l.reading.is_some(), "{}: words and reading speed go together", l.tag);
        }
        assert_eq!(language_name("ru-RU"), "Русский");
        assert_eq!(language_name("xx"), "xx", "an unknown tag names itself");
        assert!(std::ptr::eq(strings("uk"), &EN), "a language the widget only names falls back to English words");
        assert_eq!(reading_speed("zh-Hans"), (255.0, 29.0));
        assert_eq!(reading_speed("uk"), reading_speed("en"));
    }

    #[test]
    fn every_language_has_every_key_filled_with_the_same_placeholders() {
        // The struct makes every key exist in every table (a missing one does not compile);
        // this checks none is empty, none is left in English by mistake where it should not
        // be, and every `{placeholder}` survives translation.
        let english = all(&EN);
        for (code, table) in REGISTRY.iter().filter_map(|l| Some((l.tag, l.words?))) {
            let strings = all(table);
            assert_eq!(strings.len(), english.len());
            for ((key, text), (_, en)) in strings.iter().zip(&english) {
                assert!(!text.trim().is_empty(), "{code}.{key} is empty");
                assert_eq!(placeholders(text), placeholders(en), "{code}.{key}: placeholders differ from English");
            }
            if code != "en" {
                let same = strings
                    .iter()
                    .zip(&english)
                    .filter(|((k, t), (_, e))| t == e && !["map_attribution", "km", "chapter_k_of_n", "website", "source"].contains(k))
                    .count();
                assert!(same <= 1, "{code}: {same} strings are still English");
            }
        }
    }

    #[test]
    fn dates_read_naturally_in_each_language() {
        let d = crate::content::Date { year: 2024, month: 2, day: 14 };
        assert_eq!(EN.date(d), "February 14, 2024");
        assert_eq!(RU.date(d), "14 февраля 2024 г.");
        assert_eq!(BE.date(d), "14 лютага 2024 г.");
        assert_eq!(ZH.date(d), "2024年2月14日");
        assert_eq!(TR.date(d), "14 Şubat 2024");
    }

    #[test]
    fn numbers_are_written_the_local_way() {
        assert_eq!(EN.number(12000.0), "12,000");
        assert_eq!(EN.number(2000.0), "2000", "four digits stay together, as style guides advise");
        assert_eq!(RU.number(12000.0), "12\u{a0}000");
        assert_eq!(RU.number(0.404), "0,404");
        assert_eq!(TR.number(1234567.5), "1.234.567,5");
        assert_eq!(ZH.number(-0.144), "-0.144");
    }

    #[test]
    fn tags_choose_their_language() {
        assert_eq!(strings("ru").close, "Закрыть");
        assert_eq!(strings("be-BY").close, "Закрыць");
        assert_eq!(strings("zh-Hans-CN").close, "关闭");
        assert_eq!(strings("TR").close, "Kapat");
        assert_eq!(strings("").close, "Close");
        assert_eq!(RU.mention_position(2, 5), "Упоминание 2 из 5");
    }

    #[test]
    fn unknown_languages_fall_back_to_english() {
        assert_eq!(strings("xx").by, "By");
    }
}
