//! Smoothed routes: splines through the stops, their path, direction marks and samples.

use super::svg::push_point;
use crate::geo::projection::Point;

/// Cubic Bézier segments through `points` (a Catmull–Rom spline, tension ½): each segment is
/// (start, control 1, control 2, end).
pub fn spline(points: &[Point]) -> Vec<[Point; 4]> {
    let n = points.len();
    (0..n.saturating_sub(1))
        .map(|i| {
            let p0 = points[i.saturating_sub(1)];
            let p1 = points[i];
            let p2 = points[i + 1];
            let p3 = points[(i + 2).min(n - 1)];
            let c1 = Point { x: p1.x + (p2.x - p0.x) / 6.0, y: p1.y + (p2.y - p0.y) / 6.0 };
            let c2 = Point { x: p2.x - (p3.x - p1.x) / 6.0, y: p2.y - (p3.y - p1.y) / 6.0 };
            [p1, c1, c2, p2]
        })
        .collect()
}

/// The SVG path of consecutive spline segments (the whole of [`spline`]'s output, or one leg's
/// stretch of it: a leg keeps the curve of its route, so legs join without a kink).
pub fn segments_path(segments: &[[Point; 4]]) -> String {
    let mut d = String::new();
    if let Some(first) = segments.first() {
        d.push('M');
        push_point(&mut d, first[0]);
    }
    for [_, c1, c2, p] in segments {
        d.push('C');
        push_point(&mut d, *c1);
        d.push(' ');
        push_point(&mut d, *c2);
        d.push(' ');
        push_point(&mut d, *p);
    }
    d
}

fn bezier(s: &[Point; 4], t: f64) -> (Point, f64) {
    let u = 1.0 - t;
    let [a, b, c, d] = *s;
    let p = Point {
        x: u * u * u * a.x + 3.0 * u * u * t * b.x + 3.0 * u * t * t * c.x + t * t * t * d.x,
        y: u * u * u * a.y + 3.0 * u * u * t * b.y + 3.0 * u * t * t * c.y + t * t * t * d.y,
    };
    let dx = 3.0 * u * u * (b.x - a.x) + 6.0 * u * t * (c.x - b.x) + 3.0 * t * t * (d.x - c.x);
    let dy = 3.0 * u * u * (b.y - a.y) + 6.0 * u * t * (c.y - b.y) + 3.0 * t * t * (d.y - c.y);
    (p, dy.atan2(dx).to_degrees())
}

/// Where to draw direction chevrons on spline segments (a route, or one leg of it), with the
/// heading in degrees (0 = east, 90 = south in screen units): the middle of each segment at
/// least `min_length` long; if none is, but the stretch is a third of that, its middle segment's, so
/// every leg long enough to read shows which way it runs.
pub fn segment_marks(segments: &[[Point; 4]], min_length: f64) -> Vec<(Point, f64)> {
    let chord = |s: &[Point; 4]| (s[3].x - s[0].x).hypot(s[3].y - s[0].y);
    let marks: Vec<(Point, f64)> = segments.iter().filter(|s| chord(s) >= min_length).map(|s| bezier(s, 0.5)).collect();
    if marks.is_empty() && segments.iter().map(chord).sum::<f64>() >= min_length / 3.0 {
        return vec![bezier(&segments[segments.len() / 2], 0.5)];
    }
    marks
}

/// Points along spline segments no more than `step` apart (by chord), both ends included: what
/// a label should not cover.
pub fn sample_segments(segments: &[[Point; 4]], step: f64) -> Vec<Point> {
    let mut out = Vec::new();
    for s in segments {
        let chord = (s[3].x - s[0].x).hypot(s[3].y - s[0].y);
        let n = (chord / step).ceil().max(1.0) as usize;
        out.extend((0..n).map(|i| bezier(s, i as f64 / n as f64).0));
    }
    if let Some(last) = segments.last() {
        out.push(last[3]);
    }
    out
}
