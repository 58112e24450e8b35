//! The widget's own words (not the commentary's). English for now; every language added
//! later gets the same table, and a test checks each has every key.

/// All UI strings of one language.
#[derive(Debug, PartialEq, Eq)]
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
    /// Legend: a break-of-gauge point.
    pub gauge_break: &'static str,
    /// Legend: a marker that opens a card.
    pub place_with_card: &'static str,
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
}

/// English.
pub const EN: Strings = Strings {
    by: "By",
    and: "and",
    originally_published_by: "Originally published by",
    loading: "Loading the commentary…",
    error_title: "This commentary could not be shown",
    article_label: "Commentary",
    about_author: "About the author",
    kinds: ["Person", "Organisation", "Initiative", "Country", "Place", "Key figure", "Event"],
    mention_k_of_n: "Mention {k} of {n}",
    mentioned_once: "Mentioned once",
    previous_mention: "Previous mention",
    next_mention: "Next mention",
    close: "Close",
    wikipedia: "Wikipedia",
    wikidata: "Wikidata",
    website: "Website",
    source: "Source",
    opens_in_new_tab: "(opens in a new tab)",
    map: "Map",
    map_help: "Use + and − to zoom, the arrow keys to pan and 0 to reset. Tab reaches the places and countries that open a card.",
    zoom: "Zoom",
    zoom_in: "Zoom in",
    zoom_out: "Zoom out",
    reset_view: "Whole map",
    chapters: "Map chapters",
    previous_chapter: "Previous chapter",
    next_chapter: "Next chapter",
    chapter_k_of_n: "{k}/{n}: {title}",
    overview: "Overview",
    introduction: "Introduction",
    map_as_text: "The map as text",
    routes: "Routes",
    places: "Places",
    highlighted: "Highlighted countries",
    legend: "Legend",
    rail: "Rail route",
    sea: "Sea route",
    road: "Road route",
    gauge_break: "Break of gauge",
    place_with_card: "Place with a card",
    hide_map: "Hide map",
    show_map: "Show map",
    map_attribution: "Borders: Natural Earth",
    map_shows: "Map: {title} — showing {what}",
    map_shows_entity: "Map: showing {name}",
    wheel_hint: "Hold Ctrl (⌘ on a Mac) and scroll to zoom the map",
    show_on_map: "Show on map",
    first_mention: "Mentioned {n}× — go to the text",
    not_mentioned: "Not named in the text",
    map_unavailable: "The map could not be drawn",
    retry: "Try again",
    problems: "Problems in this commentary's files",
};

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

    /// "Mentioned 3× — go to the text".
    pub fn first_mention(&self, n: usize) -> String {
        self.first_mention.replace("{n}", &n.to_string())
    }
}

/// The strings for a BCP 47 language tag, falling back to English.
pub fn strings(_lang: &str) -> &'static Strings {
    &EN
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

    #[test]
    fn unknown_languages_fall_back_to_english() {
        assert_eq!(strings("xx").by, "By");
    }
}
