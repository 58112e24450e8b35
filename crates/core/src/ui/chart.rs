//! Geometry of the small charts in figure cards, in SVG user units (rounded to 0.01).

/// One bar of a bars chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// Its label.
    pub label: String,
    /// Its value.
    pub value: f64,
    /// Its length, 0…`width`, on a scale shared by all bars (the largest fills the width).
    pub length: f64,
}

/// Rounds an SVG coordinate to two decimals (geometry stays `f64` inside).
pub fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Lays out bars on one scale: the largest value is `width` long.
pub fn bars(values: &[(String, f64)], width: f64) -> Vec<Bar> {
    let max = values.iter().map(|(_, v)| *v).fold(0.0_f64, f64::max);
    values
        .iter()
        .map(|(label, value)| Bar {
            label: label.clone(),
            value: *value,
            length: if max > 0.0 { round2(value / max * width) } else { 0.0 },
        })
        .collect()
}

/// Where a range `from…to` sits on a `min…max` track `width` long: (start, length).
/// A range too short to see is widened to 2 units so it never disappears.
pub fn range(from: f64, to: f64, min: f64, max: f64, width: f64) -> (f64, f64) {
    let scale = |v: f64| ((v - min) / (max - min)).clamp(0.0, 1.0) * width;
    let start = scale(from);
    let length = (scale(to) - start).max(2.0).min(width - start.min(width - 2.0));
    (round2(start.min(width - 2.0)), round2(length))
}

/// A number as people write it: no trailing zeros, at most three decimals.
pub fn format_number(v: f64) -> String {
    crate::geo::draw::decimal(v, 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_share_one_scale() {
        let b = bars(&[("exports".into(), 0.404), ("economy".into(), 0.144)], 200.0);
        assert_eq!(b[0].length, 200.0);
        assert_eq!(b[1].length, 71.29);
        assert_eq!(bars(&[("zero".into(), 0.0)], 200.0)[0].length, 0.0);
    }

    #[test]
    fn ranges_sit_on_their_track() {
        assert_eq!(range(25.0, 40.0, 0.0, 100.0, 200.0), (50.0, 30.0));
        // A sliver stays visible, and never runs off the end.
        assert_eq!(range(99.9, 100.0, 0.0, 100.0, 200.0), (198.0, 2.0));
    }

    #[test]
    fn numbers_print_plainly() {
        assert_eq!(format_number(0.404), "0.404");
        assert_eq!(format_number(25.0), "25");
        assert_eq!(format_number(5.5), "5.5");
    }
}
