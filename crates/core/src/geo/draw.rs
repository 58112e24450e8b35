//! Drawing geometry for the map, in screen units: paths, smoothed routes with direction marks,
//! the scale bar and collision-free labels. SVG numbers are rounded to two decimals here, at
//! the edge; everything before stays `f64`.

use super::projection::{Conic, LonLat, Point};
use super::rect::Rect;
use super::spec::LabelSide;

fn r2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// Appends `v` rounded to two decimals, as short as it goes (`12.5`, `3`, `-0.25`): what
/// `r2(v).to_string()` gives, without the float formatter (a map writes thousands of them on
/// every draw). Not-a-number and infinities write `0`.
pub fn push_num(out: &mut String, v: f64) {
    push_decimal(out, v, 2);
}

/// Appends `v` rounded to `decimals` (at most 6) places, trailing zeros dropped, `-0` as `0`,
/// non-finite as `0`. Integer arithmetic only: the widget carries no float formatter.
pub fn push_decimal(out: &mut String, v: f64, decimals: u32) {
    let decimals = decimals.min(6);
    let unit = 10_u64.pow(decimals);
    let scaled = (v * unit as f64).round();
    if !scaled.is_finite() || scaled == 0.0 {
        out.push('0');
        return;
    }
    if scaled < 0.0 {
        out.push('-');
    }
    let scaled = scaled.abs();
    if scaled >= 9.0e18 {
        // Beyond u64: the integer part digit by digit (exact for the integers f64 holds).
        push_big(out, (v.abs()).trunc());
        return;
    }
    let n = scaled as u64;
    push_uint(out, n / unit);
    let mut frac = n % unit;
    if frac != 0 {
        let mut width = decimals;
        while frac.is_multiple_of(10) {
            frac /= 10;
            width -= 1;
        }
        out.push('.');
        // Leading zeros of the fraction (`0.05`): `frac` has fewer digits than `width`.
        let mut place = 10_u64.pow(width - 1);
        while frac < place {
            out.push('0');
            place /= 10;
        }
        push_uint(out, frac);
    }
}

fn push_big(out: &mut String, mut v: f64) {
    let mut digits = Vec::new();
    while v >= 1.0 {
        let d = v % 10.0;
        digits.push(char::from(b'0' + d as u8));
        v = ((v - d) / 10.0).round();
    }
    out.extend(digits.iter().rev());
}

/// [`push_decimal`] into a new string.
pub fn decimal(v: f64, decimals: u32) -> String {
    let mut s = String::new();
    push_decimal(&mut s, v, decimals);
    s
}

fn push_uint(out: &mut String, mut n: u64) {
    let mut digits = [0_u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend(digits[i..].iter().map(|&b| char::from(b)));
}

/// [`push_num`] into a new string.
pub fn num(v: f64) -> String {
    let mut s = String::new();
    push_num(&mut s, v);
    s
}

/// Appends `x,y`.
fn push_point(out: &mut String, p: Point) {
    push_num(out, p.x);
    out.push(',');
    push_num(out, p.y);
}

/// Appends tenths `n` as a path number, as short as SVG allows: `-.9`, `.5`, `12`.
fn push_tenths(out: &mut String, n: i64) {
    let start = out.len();
    push_decimal(out, n as f64 / 10.0, 1);
    // `0.5` → `.5`, `-0.5` → `-.5`.
    let digits = if out[start..].starts_with('-') { start + 1 } else { start };
    if out[digits..].starts_with("0.") {
        out.remove(digits);
    }
}

/// An SVG path for closed rings, skipping points that fall within half a unit of the last. Each
/// ring starts with an absolute `M`, then one relative `l` with every further point as its offset
/// from the one before, taken between positions already rounded to tenths (so the points are
/// exactly where absolute coordinates put them: no error adds up along a ring), numbers written
/// as short as SVG reads them. A country's outline is about a third shorter than with absolute
/// `L` commands, and a quarter shorter again than with hundredths (the seed's reading page: its
/// outlines 18.7 → 13.1 KB brotli): it is most of a prerendered page's HTML, which must all
/// arrive before the page paints. A tenth of a unit is a fifth of the half unit the outline
/// already skips, at any zoom.
pub fn rings_path(rings: &[Vec<Point>]) -> String {
    let tenths = |v: f64| if v.is_finite() { (v * 10.0).round() as i64 } else { 0 };
    let mut d = String::new();
    for ring in rings {
        let mut last: Option<(Point, i64, i64)> = None;
        let mut count = 0;
        for p in ring {
            let (x, y) = (tenths(p.x), tenths(p.y));
            match last {
                Some((l, _, _)) if (p.x - l.x).abs() < 0.5 && (p.y - l.y).abs() < 0.5 => continue,
                Some((_, lx, ly)) => {
                    if count == 1 {
                        d.push('l');
                    } else if x - lx >= 0 {
                        d.push(' ');
                    }
                    push_tenths(&mut d, x - lx);
                    if y - ly >= 0 {
                        d.push(',');
                    }
                    push_tenths(&mut d, y - ly);
                }
                None => {
                    d.push('M');
                    push_tenths(&mut d, x);
                    d.push(',');
                    push_tenths(&mut d, y);
                }
            }
            last = Some((*p, x, y));
            count += 1;
        }
        if count > 0 {
            d.push('z');
        }
    }
    d
}

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

/// A label to place next to a point.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelRequest {
    /// The labelled point.
    pub at: Point,
    /// The text's advance width (`geo::metrics`).
    pub width: f64,
    /// Text height (the font size).
    pub height: f64,
    /// How far from `at` the text keeps (a marker's radius; 0 for a country).
    pub clear: f64,
    /// An area label (a country name): tried centred on the point first, then elsewhere inside
    /// `within` (the country's box), nearest the centre first. Like every label it never covers
    /// a marker or another label; one that finds no room is dropped.
    pub area: bool,
    /// For an area label: the box its centre must stay in.
    pub within: Option<Rect>,
    /// For a place label: the side the editor prefers, tried first.
    pub side: Option<LabelSide>,
}

/// Where a label went: its box, and the SVG `text-anchor` to draw it with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelSpot {
    /// The label's box, its halo included.
    pub rect: Rect,
    /// `start`, `end` or `middle`.
    pub anchor: &'static str,
    /// Baseline position of the text.
    pub x: f64,
    /// Baseline position of the text.
    pub y: f64,
}

/// The white (or dark) halo drawn around every label (`stroke-width: 3px`, half outside) and a
/// hair more: what a label covers beyond its glyphs' advance and size.
pub const LABEL_HALO: f64 = 2.0;

/// Places labels in priority order (the slice's order). A place label tries right, left, above
/// and below its point; an area label its centre, then positions inside its box. The first spot
/// that stays in the frame, overlaps no placed label and no obstacle (markers' dots) and covers
/// none of `lines` (points along the routes) wins; if every free spot covers a line, the first
/// free one. A label with no free spot is dropped (`None`). Boxes include the halo.
pub fn place_labels(requests: &[LabelRequest], frame: Rect, obstacles: &[Rect], lines: &[Point]) -> Vec<Option<LabelSpot>> {
    let mut labels: Vec<Rect> = Vec::new();
    let pad = LABEL_HALO;
    requests
        .iter()
        .map(|r| {
            let gap = r.clear + 3.0;
            let (w, h, p) = (r.width, r.height, r.at);
            // A box with its halo, from the text's left edge and top.
            let boxed = |left: f64, top: f64| Rect { left: left - pad, top: top - pad, width: w + 2.0 * pad, height: h + 2.0 * pad };
            let mut spots: Vec<(Rect, &'static str, f64, f64)> = Vec::new();
            if r.area {
                // Centred, then nudged inside the country, nearest first.
                let mut shifts: Vec<(f64, f64)> = vec![(0.0, 0.0)];
                for (fx, fy) in [
                    (0.0, 1.4),
                    (0.0, -1.4),
                    (0.35, 0.0),
                    (-0.35, 0.0),
                    (0.35, 1.4),
                    (-0.35, 1.4),
                    (0.35, -1.4),
                    (-0.35, -1.4),
                    (0.0, 2.8),
                    (0.0, -2.8),
                    (0.7, 0.0),
                    (-0.7, 0.0),
                ] {
                    shifts.push((fx * w, fy * h));
                }
                // Then anywhere across a large country's box, nearest the centre first.
                if let Some(b) = r.within {
                    let mut grid: Vec<(f64, f64)> = Vec::new();
                    for i in -3..=3 {
                        for j in -3..=3 {
                            grid.push((f64::from(i) / 8.0 * b.width, f64::from(j) / 8.0 * b.height));
                        }
                    }
                    grid.sort_by(|a, c| a.0.hypot(a.1).total_cmp(&c.0.hypot(c.1)));
                    shifts.extend(grid);
                }
                for (dx, dy) in shifts {
                    let (cx, cy) = (p.x + dx, p.y + dy);
                    if r.within.is_some_and(|b| cx < b.left || cx > b.right() || cy < b.top || cy > b.bottom()) {
                        continue;
                    }
                    spots.push((boxed(cx - w / 2.0, cy - h / 2.0), "middle", cx, cy + h * 0.35));
                }
            } else {
                spots.push((boxed(p.x + gap, p.y - h / 2.0), "start", p.x + gap, p.y + h * 0.35));
                spots.push((boxed(p.x - gap - w, p.y - h / 2.0), "end", p.x - gap, p.y + h * 0.35));
                spots.push((boxed(p.x - w / 2.0, p.y - gap - h), "middle", p.x, p.y - gap - h * 0.15));
                spots.push((boxed(p.x - w / 2.0, p.y + gap), "middle", p.x, p.y + gap + h * 0.85));
                // The editor's side first; the others stay in their order.
                let first = match r.side {
                    None | Some(LabelSide::Right) => 0,
                    Some(LabelSide::Left) => 1,
                    Some(LabelSide::Above) => 2,
                    Some(LabelSide::Below) => 3,
                };
                let preferred = spots.remove(first);
                spots.insert(0, preferred);
            }
            let inside =
                |c: &Rect| c.left >= frame.left && c.top >= frame.top && c.right() <= frame.right() && c.bottom() <= frame.bottom();
            let covers_line = |c: &Rect| lines.iter().any(|p| p.x > c.left && p.x < c.right() && p.y > c.top && p.y < c.bottom());
            let mut free = spots
                .into_iter()
                .filter(|(c, ..)| inside(c) && !labels.iter().any(|t| t.overlaps(c)) && !obstacles.iter().any(|t| t.overlaps(c)));
            let first = free.next();
            let clear = match first {
                Some((c, ..)) if covers_line(&c) => free.find(|(c, ..)| !covers_line(c)).or(first),
                _ => first,
            };
            let spot = clear.map(|(rect, anchor, x, y)| LabelSpot { rect, anchor, x: r2(x), y: r2(y) });
            if let Some(s) = spot {
                labels.push(s.rect);
            }
            spot
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pt(x: f64, y: f64) -> Point {
        Point { x, y }
    }

    #[test]
    fn crowded_markers_spread_apart_and_stay_near_their_place() {
        let points = [pt(100.0, 100.0), pt(104.0, 100.0), pt(104.0, 100.0), pt(300.0, 50.0)];
        let spread = spread(&points, 28.0, 16.0);
        // The lone marker does not move; none moves more than the limit.
        assert_eq!(spread[3], points[3]);
        for (p, o) in spread.iter().zip(&points) {
            assert!((p.x - o.x).hypot(p.y - o.y) <= 16.0 + 1e-9, "{p:?} moved too far from {o:?}");
        }
        // The crowded three end up much further apart than they stood (4 px, and coincident),
        // as far as 16 px of movement allows.
        let gap = |a: Point, b: Point| (a.x - b.x).hypot(a.y - b.y);
        assert!(gap(spread[0], spread[1]) >= 14.0 && gap(spread[1], spread[2]) >= 14.0 && gap(spread[0], spread[2]) >= 14.0, "{spread:?}");
        // Two that are far enough apart already stay where they are.
        assert_eq!(super::spread(&[pt(0.0, 0.0), pt(40.0, 0.0)], 28.0, 16.0), vec![pt(0.0, 0.0), pt(40.0, 0.0)]);
    }

    #[test]
    fn numbers_read_as_the_float_formatter_writes_them() {
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        for i in 0..20_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let scale = [1.0, 10.0, 1000.0, 1e6][i % 4];
            let v = (state as f64 / u64::MAX as f64 - 0.5) * scale;
            let expected = r2(v).to_string();
            let expected = if expected == "-0" { "0".to_owned() } else { expected };
            assert_eq!(num(v), expected, "{v}");
        }
        for (v, s) in [
            (0.0, "0"),
            (-0.001, "0"),
            (3.0, "3"),
            (12.5, "12.5"),
            (-0.25, "-0.25"),
            (0.05, "0.05"),
            (100.999, "101"),
            (f64::NAN, "0"),
            (f64::INFINITY, "0"),
        ] {
            assert_eq!(num(v), s, "{v}");
        }
        for (v, d, s) in [
            (0.404, 3, "0.404"),
            (0.0405, 4, "0.0405"),
            (1.0e-4, 4, "0.0001"),
            (1234567.125, 3, "1234567.125"),
            (1.5e9, 3, "1500000000"),
            (-2.5, 3, "-2.5"),
            (1.0e20, 3, "100000000000000000000"),
        ] {
            assert_eq!(decimal(v, d), s, "{v} to {d}");
        }
    }

    #[test]
    fn rings_close_and_drop_coincident_points() {
        let d = rings_path(&[vec![pt(0.0, 0.0), pt(0.1, 0.1), pt(10.0, 0.0), pt(10.0, 10.0)]]);
        assert_eq!(d, "M0,0l10,0 0,10z");
    }

    /// The absolute points of a path written by `rings_path` (its `M`, `l` and `z` only).
    fn absolute(d: &str) -> Vec<Vec<(f64, f64)>> {
        let mut rings = Vec::new();
        for ring in d.split('z').filter(|r| !r.is_empty()) {
            let ring = ring.strip_prefix('M').expect("a ring starts with M");
            let (start, rest) = ring.split_once('l').unwrap_or((ring, ""));
            let mut numbers: Vec<f64> = Vec::new();
            for part in [start, rest] {
                let mut token = String::new();
                for c in part.chars().chain([' ']) {
                    let starts_new = c == ',' || c == ' ' || (c == '-' && !token.is_empty()) || (c == '.' && token.contains('.'));
                    if starts_new && !token.is_empty() {
                        numbers.push(token.parse().expect("a number"));
                        token.clear();
                    }
                    if c != ',' && c != ' ' {
                        token.push(c);
                    }
                }
            }
            let mut points = vec![(numbers[0], numbers[1])];
            for pair in numbers[2..].chunks(2) {
                let (x, y) = *points.last().unwrap();
                points.push((x + pair[0], y + pair[1]));
            }
            rings.push(points);
        }
        rings
    }

    #[test]
    fn relative_rings_land_exactly_where_absolute_coordinates_would() {
        // A long ring with awkward fractions: offsets between rounded positions never drift.
        let ring: Vec<Point> = (0..400)
            .map(|i| {
                let t = f64::from(i) * 0.173;
                pt(200.0 + 150.0 * t.cos() + 0.004 * f64::from(i), 180.0 - 120.0 * t.sin() - 0.333)
            })
            .collect();
        let second = vec![pt(-3.5, 0.2), pt(-0.5, -0.8), pt(4.0, -0.1)];
        let d = rings_path(&[ring.clone(), second.clone()]);
        let back = absolute(&d);
        assert_eq!(back.len(), 2);
        let kept: Vec<&Point> = {
            let mut last: Option<Point> = None;
            ring.iter()
                .filter(|p| {
                    let keep = last.is_none_or(|l| (p.x - l.x).abs() >= 0.5 || (p.y - l.y).abs() >= 0.5);
                    if keep {
                        last = Some(**p);
                    }
                    keep
                })
                .collect()
        };
        assert_eq!(back[0].len(), kept.len());
        for (got, want) in back[0].iter().zip(kept) {
            let tenth = |v: f64| (v * 10.0).round() / 10.0;
            assert!((got.0 - tenth(want.x)).abs() < 1e-6 && (got.1 - tenth(want.y)).abs() < 1e-6, "{got:?} against {want:?}");
        }
        for (got, want) in back[1].iter().zip([(-3.5, 0.2), (-0.5, -0.8), (4.0, -0.1)]) {
            assert!((got.0 - want.0).abs() < 1e-9 && (got.1 - want.1).abs() < 1e-9, "{got:?} against {want:?}");
        }
        assert!(d.ends_with("zM-3.5,.2l3-1 4.5,.7z"), "{d}");
    }

    #[test]
    fn the_spline_passes_through_every_stop_and_is_smooth_at_them() {
        let stops = [pt(0.0, 0.0), pt(100.0, 50.0), pt(200.0, 0.0), pt(300.0, 80.0)];
        let segs = spline(&stops);
        assert_eq!(segs.len(), 3);
        for (i, s) in segs.iter().enumerate() {
            assert_eq!(s[0], stops[i]);
            assert_eq!(s[3], stops[i + 1]);
        }
        // C1 continuity: the control points on either side of a stop are collinear with it.
        for i in 0..2 {
            let (before, at, after) = (segs[i][2], segs[i][3], segs[i + 1][1]);
            let cross = (at.x - before.x) * (after.y - at.y) - (at.y - before.y) * (after.x - at.x);
            assert!(cross.abs() < 1e-9, "kink at stop {}", i + 1);
        }
        assert!(segments_path(&spline(&stops)).starts_with("M0,0C"));
    }

    #[test]
    fn direction_marks_point_along_travel() {
        let marks = segment_marks(&spline(&[pt(0.0, 0.0), pt(100.0, 0.0), pt(100.0, 100.0)]), 40.0);
        assert_eq!(marks.len(), 2);
        assert!(marks[0].1.abs() < 45.0, "eastward: {}", marks[0].1);
        assert!((marks[1].1 - 90.0).abs() < 45.0, "southward on screen: {}", marks[1].1);
        assert!(segment_marks(&spline(&[pt(0.0, 0.0), pt(13.0, 0.0)]), 40.0).is_empty(), "too short to show a mark");
    }

    #[test]
    fn a_leg_of_short_segments_still_shows_its_direction_once() {
        // Four 25 px steps west: no segment reaches 40 px, the leg (100 px) does.
        let leg = spline(&[pt(100.0, 0.0), pt(75.0, 0.0), pt(50.0, 0.0), pt(25.0, 0.0), pt(0.0, 0.0)]);
        let marks = segment_marks(&leg, 40.0);
        assert_eq!(marks.len(), 1);
        assert!((marks[0].1.abs() - 180.0).abs() < 1.0, "westward: {}", marks[0].1);
        assert!((marks[0].0.x - 50.0).abs() < 13.0, "near the leg's middle: {:?}", marks[0].0);
    }

    #[test]
    fn samples_follow_the_curve_no_further_apart_than_asked() {
        let curve = spline(&[pt(0.0, 0.0), pt(100.0, 0.0), pt(100.0, 100.0)]);
        let points = sample_segments(&curve, 8.0);
        assert_eq!((points[0], *points.last().unwrap()), (pt(0.0, 0.0), pt(100.0, 100.0)));
        assert!(
            points.windows(2).all(|w| (w[1].x - w[0].x).hypot(w[1].y - w[0].y) <= 10.0),
            "gaps of at most the step, give or take the curve"
        );
    }

    #[test]
    fn distances_and_scale_bars_are_round() {
        let minsk = LonLat { lon: 27.56, lat: 53.9 };
        let beijing = LonLat { lon: 116.4, lat: 39.9 };
        let d = distance_km(minsk, beijing);
        assert!((d - 6_470.0).abs() < 30.0, "Minsk–Beijing is about 6,470 km on the great circle: {d}");
        let b = super::super::projection::Bounds { min: LonLat { lon: 20.0, lat: 25.0 }, max: LonLat { lon: 125.0, lat: 60.0 } };
        let conic = Conic::for_bounds(b).fit(b, 800.0, 500.0, 10.0);
        let (km, px) = scale_bar(&conic, pt(400.0, 250.0), 160.0);
        assert!(px <= 160.0 && px > 160.0 / 5.0, "{km} km = {px}px");
        let lead = km / 10f64.powf(km.log10().floor());
        assert!([1.0, 2.0, 5.0].iter().any(|m| (m - lead).abs() < 1e-9), "{km} is not round");
    }

    #[test]
    fn labels_never_overlap_and_stay_in_the_frame() {
        let frame = Rect { left: 0.0, top: 0.0, width: 300.0, height: 200.0 };
        // A cluster of points closer than their labels are wide.
        let requests: Vec<LabelRequest> = (0..12)
            .map(|i| LabelRequest {
                at: pt(120.0 + (i % 4) as f64 * 8.0, 90.0 + (i / 4) as f64 * 8.0),
                width: 60.0,
                height: 12.0,
                clear: 5.0,
                area: false,
                within: None,
                side: None,
            })
            .chain([LabelRequest { at: pt(295.0, 100.0), width: 60.0, height: 12.0, clear: 5.0, area: false, within: None, side: None }])
            .collect();
        let marker = Rect { left: 10.0, top: 10.0, width: 20.0, height: 20.0 };
        let spots = place_labels(&requests, frame, &[marker], &[]);
        let placed: Vec<Rect> = spots.iter().flatten().map(|s| s.rect).collect();
        assert!(placed.len() >= 4, "only {} placed", placed.len());
        assert!(placed.len() < requests.len(), "some must be dropped in such a cluster");
        for (i, a) in placed.iter().enumerate() {
            assert!(a.left >= 0.0 && a.right() <= 300.0 && a.top >= 0.0 && a.bottom() <= 200.0);
            assert!(!a.overlaps(&marker));
            for b in &placed[i + 1..] {
                assert!(!a.overlaps(b), "{a:?} overlaps {b:?}");
            }
        }
        // The label at the right edge flips to the left of its point.
        assert_eq!(spots.last().unwrap().unwrap().anchor, "end");
    }

    #[test]
    fn area_labels_centre_on_their_point_move_inside_their_country_and_never_cover_a_marker() {
        let frame = Rect { left: 0.0, top: 0.0, width: 300.0, height: 200.0 };
        let within = Some(Rect { left: 100.0, top: 70.0, width: 100.0, height: 60.0 });
        let country = LabelRequest { at: pt(150.0, 100.0), width: 50.0, height: 10.0, clear: 0.0, area: true, within, side: None };
        // Nothing in the way: centred.
        let c = place_labels(&[country], frame, &[], &[])[0].unwrap();
        assert_eq!((c.anchor, c.x), ("middle", 150.0));
        // A marker at the centre (a capital): the name moves inside the country, off the marker.
        let marker = Rect { left: 145.0, top: 95.0, width: 10.0, height: 10.0 };
        let city = LabelRequest { at: pt(150.0, 100.0), width: 30.0, height: 10.0, clear: 5.0, area: false, within: None, side: None };
        let spots = place_labels(&[country, city], frame, &[marker], &[]);
        let c = spots[0].unwrap();
        assert!(!c.rect.overlaps(&marker), "{c:?}");
        let (cx, cy) = (c.rect.left + c.rect.width / 2.0, c.rect.top + c.rect.height / 2.0);
        assert!((100.0..=200.0).contains(&cx) && (70.0..=130.0).contains(&cy), "moved out of its country: {c:?}");
        if let Some(m) = spots[1] {
            assert!(!m.rect.overlaps(&c.rect) && !m.rect.overlaps(&marker));
        }
        // Markers all around: no label covers one, a country's included; they are dropped.
        let crowd: Vec<Rect> = (0..30)
            .flat_map(|i| (0..20).map(move |j| Rect { left: f64::from(i) * 10.0, top: f64::from(j) * 10.0, width: 9.0, height: 9.0 }))
            .collect();
        let spots = place_labels(&[country, city], frame, &crowd, &[]);
        assert_eq!(spots, vec![None, None]);
    }

    #[test]
    fn the_editors_side_is_tried_first_and_given_up_when_taken() {
        let frame = Rect { left: 0.0, top: 0.0, width: 300.0, height: 200.0 };
        let left = LabelRequest {
            at: pt(150.0, 100.0),
            width: 30.0,
            height: 11.0,
            clear: 6.0,
            area: false,
            within: None,
            side: Some(LabelSide::Left),
        };
        assert_eq!(place_labels(&[left], frame, &[], &[])[0].unwrap().anchor, "end");
        let above = LabelRequest { side: Some(LabelSide::Above), ..left };
        let s = place_labels(&[above], frame, &[], &[])[0].unwrap();
        assert!(s.y < 100.0 && s.anchor == "middle", "{s:?}");
        // Something on the left: the label goes to the first free side instead.
        let wall = Rect { left: 90.0, top: 80.0, width: 50.0, height: 40.0 };
        assert_eq!(place_labels(&[left], frame, &[wall], &[])[0].unwrap().anchor, "start");
    }

    #[test]
    fn a_place_label_keeps_clear_of_its_own_marker_and_its_halo_counts() {
        let frame = Rect { left: 0.0, top: 0.0, width: 300.0, height: 200.0 };
        let dot = Rect { left: 144.0, top: 94.0, width: 12.0, height: 12.0 };
        let minsk = LabelRequest { at: pt(150.0, 100.0), width: 30.0, height: 11.0, clear: 6.0, area: false, within: None, side: None };
        let s = place_labels(&[minsk], frame, &[dot], &[])[0].unwrap();
        assert!(!s.rect.overlaps(&dot), "on its own dot: {s:?}");
        assert!(s.x >= 150.0 + 6.0, "the text starts inside the marker: {s:?}");
        // Two labels whose glyphs would just touch: their halos keep them apart.
        let a = LabelRequest { at: pt(50.0, 50.0), width: 40.0, height: 11.0, clear: 0.0, area: false, within: None, side: None };
        let b = LabelRequest { at: pt(50.0, 62.0), ..a };
        let spots = place_labels(&[a, b], frame, &[], &[]);
        let (ra, rb) = (spots[0].unwrap().rect, spots[1].unwrap().rect);
        assert!(!ra.overlaps(&rb));
    }

    #[test]
    fn labels_keep_off_route_lines_where_they_can_and_cross_them_where_they_must() {
        let frame = Rect { left: 0.0, top: 0.0, width: 300.0, height: 200.0 };
        let city = LabelRequest { at: pt(150.0, 100.0), width: 40.0, height: 11.0, clear: 5.0, area: false, within: None, side: None };
        // A route running east from the city: the right-hand spot (tried first) covers it.
        let east = sample_segments(&spline(&[pt(150.0, 100.0), pt(290.0, 100.0)]), 6.0);
        let s = place_labels(&[city], frame, &[], &east)[0].unwrap();
        assert_eq!(s.anchor, "end", "moved to the left, off the line: {s:?}");
        assert!(!east.iter().any(|p| p.x > s.rect.left && p.x < s.rect.right() && p.y > s.rect.top && p.y < s.rect.bottom()));
        // Lines on every side: the label still shows, on its first free spot.
        let cross: Vec<Point> = [(10.0, 100.0, 290.0, 100.0), (150.0, 10.0, 150.0, 190.0)]
            .iter()
            .flat_map(|&(x0, y0, x1, y1)| sample_segments(&spline(&[pt(x0, y0), pt(x1, y1)]), 6.0))
            .collect();
        let s = place_labels(&[city], frame, &[], &cross)[0].expect("a line never drops a label");
        assert_eq!(s.anchor, "start");
    }
}
