//! Distances and spacing: great-circle length, crowded markers spread apart, the scale bar.

use crate::geo::projection::{Conic, LonLat, Point};

/// Great-circle distance in km.
pub fn distance_km(a: LonLat, b: LonLat) -> f64 {
    let (la1, la2) = (a.lat.to_radians(), b.lat.to_radians());
    let dla = la2 - la1;
    let dlo = (b.lon - a.lon).to_radians();
    let h = (dla / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlo / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

/// Spreads markers drawn closer than `min` pixels apart (centre to centre) so each can be seen
/// and pointed at: every pass pushes each crowded pair apart along the line between them
/// (coincident ones along a direction fixed by their order), and no marker moves more than
/// `max_shift` from where it stands. Deterministic; markers already apart do not move.
pub fn spread(points: &[Point], min: f64, max_shift: f64) -> Vec<Point> {
    let mut out = points.to_vec();
    for _ in 0..12 {
        let mut moved = false;
        for i in 0..out.len() {
            for j in i + 1..out.len() {
                let (dx, dy) = (out[j].x - out[i].x, out[j].y - out[i].y);
                let d = dx.hypot(dy);
                if d >= min - 0.01 {
                    continue;
                }
                let (ux, uy) = if d > 0.01 {
                    (dx / d, dy / d)
                } else {
                    let angle = (j as f64) * 2.399_963; // the golden angle: coincident markers fan out
                    (angle.cos(), angle.sin())
                };
                let push = (min - d) / 2.0;
                out[i] = Point { x: out[i].x - ux * push, y: out[i].y - uy * push };
                out[j] = Point { x: out[j].x + ux * push, y: out[j].y + uy * push };
                moved = true;
            }
        }
        // Never far from the place itself.
        for (p, o) in out.iter_mut().zip(points) {
            let (dx, dy) = (p.x - o.x, p.y - o.y);
            let d = dx.hypot(dy);
            if d > max_shift {
                *p = Point { x: o.x + dx / d * max_shift, y: o.y + dy / d * max_shift };
            }
        }
        if !moved {
            break;
        }
    }
    out
}

/// A scale bar for the map's centre: a round length in km (1, 2 or 5 × 10ⁿ) no longer than
/// `max_px`, and its length in screen units.
pub fn scale_bar(conic: &Conic, centre: Point, max_px: f64) -> (f64, f64) {
    let a = conic.invert(centre);
    let b = conic.invert(Point { x: centre.x + 100.0, y: centre.y });
    let km_per_px = distance_km(a, b) / 100.0;
    let max_km = max_px * km_per_px;
    let magnitude = 10f64.powf(max_km.log10().floor());
    let km = [5.0, 2.0, 1.0].iter().map(|m| m * magnitude).find(|&k| k <= max_km).unwrap_or(magnitude);
    (km, km / km_per_px)
}
