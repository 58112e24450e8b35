//! Moving the map's view: zoom about a point, pan, and ease between views.

use super::projection::{Bounds, LonLat};

/// The narrowest view (degrees of longitude) zooming in may reach.
pub const MIN_SPAN: f64 = 3.0;
/// The widest view zooming out may reach.
pub const MAX_SPAN: f64 = 200.0;

fn clamp_lat(b: Bounds) -> Bounds {
    let shift = if b.min.lat < -85.0 {
        -85.0 - b.min.lat
    } else if b.max.lat > 85.0 {
        85.0 - b.max.lat
    } else {
        0.0
    };
    Bounds { min: LonLat { lon: b.min.lon, lat: b.min.lat + shift }, max: LonLat { lon: b.max.lon, lat: b.max.lat + shift } }
}

/// Zooms by `factor` (> 1 zooms in) keeping `about` where it is on screen.
pub fn zoom(b: Bounds, factor: f64, about: LonLat) -> Bounds {
    let span = b.max.lon - b.min.lon;
    let new_span = (span / factor).clamp(MIN_SPAN, MAX_SPAN);
    let k = new_span / span;
    clamp_lat(Bounds {
        min: LonLat { lon: about.lon - (about.lon - b.min.lon) * k, lat: about.lat - (about.lat - b.min.lat) * k },
        max: LonLat { lon: about.lon + (b.max.lon - about.lon) * k, lat: about.lat + (b.max.lat - about.lat) * k },
    })
}

/// Moves the view by fractions of its size (positive `dx` shows more of the east, positive
/// `dy` more of the north).
pub fn pan(b: Bounds, dx: f64, dy: f64) -> Bounds {
    let (w, h) = (b.max.lon - b.min.lon, b.max.lat - b.min.lat);
    clamp_lat(Bounds {
        min: LonLat { lon: b.min.lon + dx * w, lat: b.min.lat + dy * h },
        max: LonLat { lon: b.max.lon + dx * w, lat: b.max.lat + dy * h },
    })
}

/// The view `t` (0…1) of the way from `a` to `b`, eased in and out.
pub fn ease(a: Bounds, b: Bounds, t: f64) -> Bounds {
    let t = t.clamp(0.0, 1.0);
    let e = if t < 0.5 { 4.0 * t * t * t } else { 1.0 - (-2.0 * t + 2.0).powi(3) / 2.0 };
    let mix = |x: f64, y: f64| x + (y - x) * e;
    Bounds {
        min: LonLat { lon: mix(a.min.lon, b.min.lon), lat: mix(a.min.lat, b.min.lat) },
        max: LonLat { lon: mix(a.max.lon, b.max.lon), lat: mix(a.max.lat, b.max.lat) },
    }
}

/// The centre of a view.
pub fn centre(b: Bounds) -> LonLat {
    LonLat { lon: (b.min.lon + b.max.lon) / 2.0, lat: (b.min.lat + b.max.lat) / 2.0 }
}

/// Which chapter is being read: the last section whose heading is above the reading line.
/// `tops` are the headings' positions relative to that line (negative: above it), in
/// document order, with their section ids; before the first heading it is `intro`.
pub fn current_section<'a>(tops: &[(&'a str, f64)]) -> &'a str {
    tops.iter().rfind(|(_, top)| *top <= 0.0).map_or(crate::content::slug::INTRO, |(id, _)| id)
}

/// Moves the view by whole degrees (a drag: the point grabbed stays under the pointer).
pub fn shift(b: Bounds, dlon: f64, dlat: f64) -> Bounds {
    clamp_lat(Bounds {
        min: LonLat { lon: b.min.lon + dlon, lat: b.min.lat + dlat },
        max: LonLat { lon: b.max.lon + dlon, lat: b.max.lat + dlat },
    })
}

/// Moves `b` (without resizing it) so its centre stays inside `limits`: panning cannot lose
/// the map off the edge of its base map.
pub fn keep_within(b: Bounds, limits: Bounds) -> Bounds {
    let c = centre(b);
    let dlon = c.lon.clamp(limits.min.lon, limits.max.lon) - c.lon;
    let dlat = c.lat.clamp(limits.min.lat, limits.max.lat) - c.lat;
    shift(b, dlon, dlat)
}

/// The chapter to show while `section` is read. `sections` are the commentary's sections in
/// reading order (`intro` first); `chapters` the sections that have a `[[chapter]]`, in
/// `map.toml` order. A section without a chapter keeps the closest earlier one's, so the map
/// does not jump back to its home view in the middle of the text.
pub fn chapter_for(sections: &[&str], chapters: &[&str], section: &str) -> Option<usize> {
    let at = sections.iter().position(|s| *s == section)?;
    sections[..=at].iter().rev().find_map(|s| chapters.iter().position(|c| c == s))
}

#[cfg(test)]
mod tests {
    use super::*;

    const B: Bounds = Bounds { min: LonLat { lon: 0.0, lat: 30.0 }, max: LonLat { lon: 100.0, lat: 70.0 } };

    #[test]
    fn zoom_keeps_the_anchor_and_respects_limits() {
        let about = LonLat { lon: 25.0, lat: 40.0 };
        let z = zoom(B, 2.0, about);
        assert_eq!(z.max.lon - z.min.lon, 50.0);
        // The anchor stays at the same fraction of the view.
        assert!(((about.lon - z.min.lon) / 50.0 - 0.25).abs() < 1e-12);
        assert_eq!(zoom(B, 1000.0, about).max.lon - zoom(B, 1000.0, about).min.lon, MIN_SPAN);
        let out = zoom(B, 0.01, about);
        assert!((out.max.lon - out.min.lon - MAX_SPAN).abs() < 1e-9);
        assert!(out.min.lat >= -85.0 && out.max.lat <= 85.0);
    }

    #[test]
    fn pan_moves_by_fractions() {
        let p = pan(B, 0.1, -0.25);
        assert_eq!((p.min.lon, p.max.lon, p.min.lat, p.max.lat), (10.0, 110.0, 20.0, 60.0));
    }

    #[test]
    fn easing_starts_and_ends_on_the_views() {
        let far = pan(B, 1.0, 0.0);
        assert_eq!(ease(B, far, 0.0), B);
        assert_eq!(ease(B, far, 1.0), far);
        let mid = ease(B, far, 0.5);
        assert!((mid.min.lon - 50.0).abs() < 1e-9);
    }

    #[test]
    fn a_section_without_a_chapter_keeps_the_previous_one() {
        let sections = ["intro", "a", "b", "c"];
        assert_eq!(chapter_for(&sections, &["intro", "b"], "intro"), Some(0));
        assert_eq!(chapter_for(&sections, &["intro", "b"], "a"), Some(0));
        assert_eq!(chapter_for(&sections, &["intro", "b"], "c"), Some(1));
        assert_eq!(chapter_for(&sections, &["b"], "a"), None, "before the first chapter: home view");
        assert_eq!(chapter_for(&sections, &["b"], "nowhere"), None);
    }

    #[test]
    fn panning_stops_at_the_edge_of_the_base_map() {
        let limits = Bounds { min: LonLat { lon: -25.0, lat: 0.0 }, max: LonLat { lon: 150.0, lat: 75.0 } };
        assert_eq!(keep_within(B, limits), B, "a view inside the limits is left alone");
        let far = keep_within(shift(B, 300.0, 0.0), limits);
        assert_eq!(centre(far).lon, 150.0);
        assert_eq!(far.max.lon - far.min.lon, 100.0, "the view keeps its size");
    }

    #[test]
    fn dragging_shifts_by_degrees() {
        let s = shift(B, -5.0, 2.5);
        assert_eq!((s.min.lon, s.max.lon, s.min.lat, s.max.lat), (-5.0, 95.0, 32.5, 72.5));
    }

    #[test]
    fn the_current_section_is_the_last_heading_passed() {
        assert_eq!(current_section(&[("a", 120.0), ("b", 400.0)]), "intro");
        assert_eq!(current_section(&[("a", -10.0), ("b", 400.0)]), "a");
        assert_eq!(current_section(&[("a", -500.0), ("b", -3.0)]), "b");
    }
}
