//! Heading slugs: stable, readable anchors such as
//! `long-established-relations-that-took-off-in-the-2010s`.

use std::collections::HashSet;

/// The slug of a heading text: lower-case letters and digits of any script, runs of anything
/// else collapsed to one `-`, no `-` at either end. Empty text gives `section`.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') && c != '\'' && c != '’' {
            slug.push('-');
        }
    }
    let trimmed = slug.trim_end_matches('-');
    if trimmed.is_empty() {
        "section".to_owned()
    } else {
        trimmed.to_owned()
    }
}

/// The map's name for the text before the first heading (`[[chapter]] section = "intro"`): no
/// heading takes it, or a chapter naming it would mean two places.
pub const INTRO: &str = "intro";

/// Whether `id` is one the widget gives its own elements in the same document: the text
/// before the first heading ([`INTRO`]) or a paragraph's `p-N` (its `cr-` prefix is kept out
/// by [`Slugger::unique`]).
fn reserved(id: &str) -> bool {
    id == INTRO || id.strip_prefix("p-").is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Hands out unique slugs within one document: a repeat gets `-2`, `-3`, …, and so does a slug
/// the widget keeps for itself ([`reserved`]: a heading "Intro" is `intro-2`), and one in the
/// widget's `cr-` prefix becomes `h-cr-…`.
#[derive(Debug, Default)]
pub struct Slugger {
    used: HashSet<String>,
}

impl Slugger {
    /// A slug for `text` not handed out before, or `preferred` (an explicit `{#id}`) when given.
    pub fn unique(&mut self, text: &str, preferred: Option<&str>) -> String {
        let mut base = preferred.map_or_else(|| slugify(text), slugify);
        if base.starts_with("cr-") {
            base.insert_str(0, "h-");
        }
        let mut candidate = base.clone();
        let mut n = 1;
        while reserved(&candidate) || !self.used.insert(candidate.clone()) {
            n += 1;
            candidate = format!("{base}-{n}");
        }
        candidate
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_read_like_the_heading() {
        assert_eq!(
            slugify("Long-established relations that took off in the 2010s"),
            "long-established-relations-that-took-off-in-the-2010s"
        );
        assert_eq!(slugify("  Belarus's  position: (2024)! "), "belaruss-position-2024");
        assert_eq!(slugify("Беларусь и Китай"), "беларусь-и-китай");
        assert_eq!(slugify("***"), "section");
    }

    #[test]
    fn repeats_get_numbers() {
        let mut s = Slugger::default();
        assert_eq!(s.unique("Outro", None), "outro");
        assert_eq!(s.unique("Outro", None), "outro-2");
        assert_eq!(s.unique("Other", Some("outro")), "outro-3");
    }

    #[test]
    fn the_widgets_own_ids_are_never_a_headings() {
        let mut s = Slugger::default();
        assert_eq!(s.unique("Intro", None), "intro-2", "intro is the text before the first heading");
        assert_eq!(s.unique("Intro", None), "intro-3");
        assert_eq!(s.unique("P 4", None), "p-4-2", "p-4 is the fourth paragraph");
        assert_eq!(s.unique("P Q", None), "p-q");
        assert_eq!(s.unique("CR title", None), "h-cr-title", "cr- is the widget's prefix");
    }
}
