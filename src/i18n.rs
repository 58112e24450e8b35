//! The widget's own words (not the commentary's). English for now; every language added
//! later gets the same table, and a test checks each has every key.

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
};

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
    fn unknown_languages_fall_back_to_english() {
        assert_eq!(strings("xx").by, "By");
    }
}
