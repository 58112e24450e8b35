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
    fn unknown_languages_fall_back_to_english() {
        assert_eq!(strings("xx").by, "By");
    }
}
