//! The element's presentation attributes (`theme`, `map`, `cards`, `heading-level`), read once
//! per mount.
//! Unknown values fall back to the default with a message, never to a broken widget.

/// `theme`: follow the reader's system, or force light or dark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follow `prefers-color-scheme` (the default).
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// The value of the widget root's `data-theme`.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// What the host asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Colour theme.
    pub theme: Theme,
    /// Show the map (when the commentary has one).
    pub map: bool,
    /// Make mentions open cards (off: plain text, and no cards from the map).
    pub cards: bool,
    /// The level of the commentary's title (`heading-level`, 1 to 6; default 1): its sections
    /// are one level below, and so on (never below 6), so the widget fits the host's outline.
    pub heading_level: u8,
}

impl Default for Options {
    fn default() -> Self {
        Self { theme: Theme::Auto, map: true, cards: true, heading_level: 1 }
    }
}

impl Options {
    /// The tag of a heading `depth` levels below the title (0: the title itself).
    pub fn heading(&self, depth: u8) -> String {
        format!("h{}", (self.heading_level + depth).min(6))
    }
}

/// Reads the attributes (`None` when absent). Returns the options and a message per value
/// that was not understood.
pub fn parse(theme: Option<&str>, map: Option<&str>, cards: Option<&str>, heading_level: Option<&str>) -> (Options, Vec<String>) {
    let mut problems = Vec::new();
    let mut switch = |name: &str, value: Option<&str>| match value.map(|v| v.trim().to_ascii_lowercase()).as_deref() {
        None | Some("" | "on") => true,
        Some("off") => false,
        Some(other) => {
            problems.push(format!("{name}=\"{other}\" is not on or off; using on"));
            true
        }
    };
    let map = switch("map", map);
    let cards = switch("cards", cards);
    let theme = match theme.map(|v| v.trim().to_ascii_lowercase()).as_deref() {
        None | Some("" | "auto") => Theme::Auto,
        Some("light") => Theme::Light,
        Some("dark") => Theme::Dark,
        Some(other) => {
            problems.push(format!("theme=\"{other}\" is not auto, light or dark; using auto"));
            Theme::Auto
        }
    };
    let heading_level = match heading_level.map(str::trim) {
        None | Some("") => 1,
        Some(v) => match v.parse::<u8>() {
            Ok(n @ 1..=6) => n,
            _ => {
                problems.push(format!("heading-level=\"{v}\" is not a level from 1 to 6; using 1"));
                1
            }
        },
    };
    (Options { theme, map, cards, heading_level }, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absent_attributes_mean_everything_on_and_auto() {
        assert_eq!(parse(None, None, None, None), (Options::default(), vec![]));
        assert_eq!(parse(Some(""), Some(""), Some(""), Some("")).0, Options::default());
    }

    #[test]
    fn values_are_read_case_insensitively() {
        let (o, p) = parse(Some("Dark"), Some("OFF"), Some(" off "), Some(" 3 "));
        assert_eq!(o, Options { theme: Theme::Dark, map: false, cards: false, heading_level: 3 });
        assert!(p.is_empty());
        assert_eq!(parse(Some("light"), Some("on"), None, None).0.theme.as_str(), "light");
    }

    #[test]
    fn unknown_values_fall_back_and_say_so() {
        let (o, p) = parse(Some("sepia"), Some("no"), None, Some("7"));
        assert_eq!(o, Options::default());
        assert_eq!(
            p,
            [
                "map=\"no\" is not on or off; using on",
                "theme=\"sepia\" is not auto, light or dark; using auto",
                "heading-level=\"7\" is not a level from 1 to 6; using 1"
            ]
        );
    }

    #[test]
    fn headings_go_down_from_the_title_level_and_stop_at_six() {
        let at = |level: &str| parse(None, None, None, Some(level)).0;
        assert_eq!((at("1").heading(0), at("1").heading(1)), ("h1".to_owned(), "h2".to_owned()));
        assert_eq!((at("3").heading(0), at("3").heading(2)), ("h3".to_owned(), "h5".to_owned()));
        assert_eq!(at("5").heading(4), "h6");
    }
}
