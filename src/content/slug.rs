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

/// Hands out unique slugs within one document: a repeat gets `-2`, `-3`, …
#[derive(Debug, Default)]
pub struct Slugger {
    used: HashSet<String>,
}

impl Slugger {
    /// A slug for `text` not handed out before, or `preferred` (an explicit `{#id}`) when given.
    pub fn unique(&mut self, text: &str, preferred: Option<&str>) -> String {
        let base = preferred.map_or_else(|| slugify(text), slugify);
        let mut candidate = base.clone();
        let mut n = 1;
        while !self.used.insert(candidate.clone()) {
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
        assert_eq!(s.unique("Intro", None), "intro");
        assert_eq!(s.unique("Intro", None), "intro-2");
        assert_eq!(s.unique("Other", Some("intro")), "intro-3");
    }
}
