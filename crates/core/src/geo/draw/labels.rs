//! Collision-free labels: each placed at the first free spot around its point.

use super::svg::r2;
use crate::geo::projection::Point;
use crate::geo::rect::Rect;
use crate::geo::spec::LabelSide;

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
