//! How wide a map label is, so that what the placement believes is what the reader sees.
//!
//! The labels are drawn in the reader's UI font (`system-ui` and its fallbacks), which differs
//! from one machine to the next, so no table shipped with the widget can be exact. The browser
//! measures the characters the labels use once, in the font it actually draws with
//! ([`Measured`], filled by the map component), and until it has (and in the server's render)
//! the placement uses [`Estimate`], a table of a typical sans serif's advance widths, which errs
//! wide rather than narrow.

/// The two kinds of label the map draws (see `.cr-label` and `.cr-label-country` in the
/// stylesheet: the sizes and letter-spacing here are those).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelStyle {
    /// A place: 11 px, regular.
    Place,
    /// A country: 10 px, semi-bold, in capitals, letter-spaced 0.06 em.
    Country,
}

impl LabelStyle {
    /// The font size in screen units.
    pub fn size(self) -> f64 {
        match self {
            LabelStyle::Place => 11.0,
            LabelStyle::Country => 10.0,
        }
    }

    /// Letter-spacing in screen units, added after every character.
    pub fn spacing(self) -> f64 {
        match self {
            LabelStyle::Place => 0.0,
            LabelStyle::Country => 0.06 * 10.0,
        }
    }
}

/// Label widths in screen units.
pub trait Widths {
    /// The advance width of `text` drawn in `style`.
    fn width(&self, text: &str, style: LabelStyle) -> f64;
}

/// Advance widths of a typical sans serif (Arial's metrics, in thousandths of an em), with
/// semi-bold 6 % wider; letters it has no entry for count as wide ones.
#[derive(Debug, Clone, Copy, Default)]
pub struct Estimate;

/// One character's advance in thousandths of an em, regular weight.
fn thousandths(c: char) -> f64 {
    match c {
        'i' | 'j' | 'l' | '\'' | '|' => 222.0,
        ' ' | 'f' | 't' | 'I' | '.' | ',' | ':' | ';' | '/' | '!' => 278.0,
        'r' | '-' | '(' | ')' | '[' | ']' => 333.0,
        'c' | 'k' | 's' | 'v' | 'x' | 'y' | 'z' | 'J' => 500.0,
        'a' | 'b' | 'd' | 'e' | 'g' | 'h' | 'n' | 'o' | 'p' | 'q' | 'u' | 'L' | '0'..='9' => 556.0,
        'F' | 'T' | 'Z' => 611.0,
        'A' | 'B' | 'E' | 'K' | 'P' | 'S' | 'V' | 'X' | 'Y' => 667.0,
        'w' | 'C' | 'D' | 'H' | 'N' | 'R' | 'U' => 722.0,
        'G' | 'O' | 'Q' => 778.0,
        'm' | 'M' => 833.0,
        'W' => 944.0,
        // Ideographs and kana are square.
        c if ('\u{2e80}'..='\u{9fff}').contains(&c) || ('\u{f900}'..='\u{faff}').contains(&c) => 1000.0,
        // Other letters (accented Latin, Cyrillic, …): between a lower-case and a capital
        // letter (no Unicode case tables in the wasm for an estimate).
        _ => 667.0,
    }
}

impl Widths for Estimate {
    fn width(&self, text: &str, style: LabelStyle) -> f64 {
        let weight = if style == LabelStyle::Country { 1.06 } else { 1.0 };
        text.chars().map(|c| thousandths(c) / 1000.0 * style.size() * weight + style.spacing()).sum()
    }
}

/// Widths the browser measured: each character's advance in each style, in the font the map is
/// drawn with. A character it was not asked about falls back to the [`Estimate`]. (A list, not a
/// map: a few dozen characters, and no second hash table in the wasm.)
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Measured {
    advances: Vec<(char, LabelStyle, f64)>,
}

impl Measured {
    /// Records that `c` advances `width` screen units in `style` (its letter-spacing excluded).
    pub fn insert(&mut self, c: char, style: LabelStyle, width: f64) {
        match self.advances.iter_mut().find(|(k, s, _)| *k == c && *s == style) {
            Some(entry) => entry.2 = width,
            None => self.advances.push((c, style, width)),
        }
    }

    /// Whether nothing was measured.
    pub fn is_empty(&self) -> bool {
        self.advances.is_empty()
    }
}

impl Widths for Measured {
    fn width(&self, text: &str, style: LabelStyle) -> f64 {
        text.chars()
            .map(|c| match self.advances.iter().find(|(k, s, _)| *k == c && *s == style) {
                Some((_, _, w)) => w + style.spacing(),
                None => Estimate.width(&c.to_string(), style),
            })
            .sum()
    }
}

/// Every character the map's labels use, in each style: what the browser has to measure.
pub fn characters<'a>(places: impl IntoIterator<Item = &'a str>, countries: impl IntoIterator<Item = &'a str>) -> Vec<(char, LabelStyle)> {
    let mut out: Vec<(char, LabelStyle)> = Vec::new();
    let mut add = |text: &str, style: LabelStyle| {
        for c in text.chars() {
            if !out.contains(&(c, style)) {
                out.push((c, style));
            }
        }
    };
    for p in places {
        add(p, LabelStyle::Place);
    }
    for c in countries {
        add(&c.to_uppercase(), LabelStyle::Country);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_estimate_knows_narrow_from_wide_letters() {
        let e = Estimate;
        assert!(e.width("illi", LabelStyle::Place) < e.width("mwmw", LabelStyle::Place) / 2.5);
        // "Minsk" in Arial 11 px is about 30 px wide.
        let minsk = e.width("Minsk", LabelStyle::Place);
        assert!((28.0..33.0).contains(&minsk), "{minsk}");
        // Country labels: capitals, letter-spaced.
        assert!(e.width("BELARUS", LabelStyle::Country) > e.width("Belarus", LabelStyle::Place));
    }

    #[test]
    fn measured_widths_win_and_unknown_characters_fall_back() {
        let mut m = Measured::default();
        for c in "Minsk".chars() {
            m.insert(c, LabelStyle::Place, 10.0);
        }
        assert_eq!(m.width("Minsk", LabelStyle::Place), 50.0);
        // Not measured in this style: the estimate, plus the style's letter-spacing.
        assert_eq!(m.width("M", LabelStyle::Country), Estimate.width("M", LabelStyle::Country));
        assert_eq!(m.width("Mi!", LabelStyle::Place), 20.0 + Estimate.width("!", LabelStyle::Place));
    }

    #[test]
    fn the_characters_to_measure_are_each_listed_once_per_style() {
        let chars = characters(["Minsk", "Brest"], ["Belarus"]);
        assert!(chars.contains(&('M', LabelStyle::Place)) && chars.contains(&('B', LabelStyle::Country)));
        assert!(!chars.contains(&('b', LabelStyle::Country)), "country labels are measured in capitals");
        assert_eq!(chars.iter().filter(|c| **c == ('s', LabelStyle::Place)).count(), 1);
    }
}
