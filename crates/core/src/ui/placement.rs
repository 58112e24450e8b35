//! Where a card goes: below or above its mention, inside the viewport, never over the mention.
//!
//! Coordinates are CSS pixels in the viewport (as `getBoundingClientRect` gives them). A mention
//! that wraps over two lines has one rectangle per line (`getClientRects`); the card anchors to
//! the line under the pointer, or to the first line for keyboard focus.

pub use crate::geo::rect::Rect;

/// A width and height.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Size {
    /// Horizontal extent, CSS pixels.
    pub width: f64,
    /// Vertical extent, CSS pixels.
    pub height: f64,
}

/// Which side of the mention the card is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// Under the mention's line.
    Below,
    /// Over the mention's line.
    Above,
}

/// The result: where the card's top-left corner goes, and limits on its size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    /// Left edge of the card.
    pub left: f64,
    /// Top edge of the card.
    pub top: f64,
    /// The chosen side.
    pub side: Side,
    /// Set when the card must scroll to fit the room on its side.
    pub max_height: Option<f64>,
    /// Set when the viewport is narrower than the card.
    pub max_width: Option<f64>,
}

/// Space between the mention's line and the card.
pub const GAP: f64 = 6.0;
/// Space kept between the card and the viewport's edges.
pub const MARGIN: f64 = 8.0;
/// A card is never squeezed below this height (it scrolls inside instead).
pub const MIN_HEIGHT: f64 = 96.0;

/// The line of a (possibly wrapped) mention to anchor to: the one under the pointer if any,
/// else the first. `None` when the mention has no boxes (not rendered).
pub fn anchor_line(lines: &[Rect], pointer: Option<(f64, f64)>) -> Option<Rect> {
    let first = *lines.iter().find(|r| r.width > 0.0 && r.height > 0.0)?;
    let Some((x, y)) = pointer else { return Some(first) };
    let distance = |r: &Rect| {
        let dx = (r.left - x).max(0.0).max(x - r.right());
        let dy = (r.top - y).max(0.0).max(y - r.bottom());
        dx * dx + dy * dy
    };
    lines.iter().filter(|r| r.width > 0.0 && r.height > 0.0).copied().min_by(|a, b| distance(a).total_cmp(&distance(b))).or(Some(first))
}

/// What a card is placed against: horizontally, the line [`anchor_line`] picks; vertically,
/// every line of the mention, so a card below or above a mention that wraps covers none of it
/// (its first line is not the one next to the card).
pub fn anchor_box(lines: &[Rect], pointer: Option<(f64, f64)>) -> Option<Rect> {
    let line = anchor_line(lines, pointer)?;
    let shown = || lines.iter().filter(|r| r.width > 0.0 && r.height > 0.0);
    let top = shown().map(|r| r.top).fold(line.top, f64::min);
    let bottom = shown().map(Rect::bottom).fold(line.bottom(), f64::max);
    Some(Rect { left: line.left, top, width: line.width, height: bottom - top })
}

/// Places a card of size `card` for the mention line `anchor` in a `viewport`.
pub fn place(anchor: Rect, card: Size, viewport: Size) -> Placement {
    let room_below = viewport.height - anchor.bottom() - GAP - MARGIN;
    let room_above = anchor.top - GAP - MARGIN;
    let (side, room) = if card.height <= room_below {
        (Side::Below, room_below)
    } else if card.height <= room_above {
        (Side::Above, room_above)
    } else if room_below >= room_above {
        (Side::Below, room_below)
    } else {
        (Side::Above, room_above)
    };
    let max_height = (card.height > room).then_some(room.max(MIN_HEIGHT));
    let height = max_height.unwrap_or(card.height);
    let top = match side {
        Side::Below => anchor.bottom() + GAP,
        Side::Above => anchor.top - GAP - height,
    };

    let usable = viewport.width - 2.0 * MARGIN;
    let max_width = (card.width > usable).then_some(usable.max(0.0));
    let width = max_width.unwrap_or(card.width);
    // Start-aligned with the mention, shifted left as far as needed to stay inside.
    let left = anchor.left.min(viewport.width - MARGIN - width).max(MARGIN);
    Placement { left, top, side, max_height, max_width }
}

/// Whether `point` lies in the triangle between where the pointer left the mention (`exit`)
/// and the card's near edge: a pointer there is on its way to the card.
pub fn heading_for_card(point: (f64, f64), exit: (f64, f64), card: Rect, side: Side) -> bool {
    let edge_y = match side {
        Side::Below => card.top,
        Side::Above => card.bottom(),
    };
    let (a, b, c) = (exit, (card.left, edge_y), (card.right(), edge_y));
    let sign = |p: (f64, f64), q: (f64, f64), r: (f64, f64)| (p.0 - r.0) * (q.1 - r.1) - (q.0 - r.0) * (p.1 - r.1);
    let d1 = sign(point, a, b);
    let d2 = sign(point, b, c);
    let d3 = sign(point, c, a);
    let has_neg = d1 < 0.0 || d2 < 0.0 || d3 < 0.0;
    let has_pos = d1 > 0.0 || d2 > 0.0 || d3 > 0.0;
    !(has_neg && has_pos)
}

#[cfg(test)]
mod tests {
    use super::*;

    const VIEW: Size = Size { width: 1000.0, height: 800.0 };
    const CARD: Size = Size { width: 320.0, height: 200.0 };

    fn line(left: f64, top: f64) -> Rect {
        Rect { left, top, width: 80.0, height: 20.0 }
    }

    fn card_rect(p: &Placement) -> Rect {
        Rect { left: p.left, top: p.top, width: p.max_width.unwrap_or(CARD.width), height: p.max_height.unwrap_or(CARD.height) }
    }

    fn inside(r: &Rect, v: Size) -> bool {
        r.left >= MARGIN - 1e-9 && r.top >= MARGIN - 1e-9 && r.right() <= v.width - MARGIN + 1e-9 && r.bottom() <= v.height - MARGIN + 1e-9
    }

    #[test]
    fn below_when_there_is_room() {
        let a = line(100.0, 100.0);
        let p = place(a, CARD, VIEW);
        assert_eq!((p.side, p.left, p.top), (Side::Below, 100.0, 126.0));
        assert!(!card_rect(&p).overlaps(&a));
    }

    #[test]
    fn flips_above_near_the_bottom() {
        let a = line(100.0, 700.0);
        let p = place(a, CARD, VIEW);
        assert_eq!(p.side, Side::Above);
        assert_eq!(p.top, 700.0 - GAP - 200.0);
        assert!(inside(&card_rect(&p), VIEW) && !card_rect(&p).overlaps(&a));
    }

    #[test]
    fn shifts_left_at_the_right_edge_and_right_at_the_left_edge() {
        let p = place(line(950.0, 100.0), CARD, VIEW);
        assert_eq!(p.left, 1000.0 - MARGIN - 320.0);
        let p = place(Rect { left: -30.0, top: 100.0, width: 60.0, height: 20.0 }, CARD, VIEW);
        assert_eq!(p.left, MARGIN);
    }

    #[test]
    fn stays_inside_at_all_four_edges_and_never_covers_the_mention() {
        for a in [line(0.0, 0.0), line(920.0, 0.0), line(0.0, 780.0), line(920.0, 780.0), line(460.0, 390.0)] {
            let p = place(a, CARD, VIEW);
            let r = card_rect(&p);
            assert!(inside(&r, VIEW), "{a:?} → {p:?}");
            assert!(!r.overlaps(&a), "{a:?} covered by {p:?}");
        }
    }

    #[test]
    fn a_card_taller_than_either_side_scrolls_on_the_roomier_side() {
        let small = Size { width: 320.0, height: 400.0 };
        let tall = Size { width: 320.0, height: 380.0 };
        let p = place(line(10.0, 100.0), tall, small);
        assert_eq!(p.side, Side::Below);
        assert_eq!(p.max_height, Some(400.0 - 120.0 - GAP - MARGIN));
        assert!(!card_rect(&p).overlaps(&line(10.0, 100.0)));
    }

    #[test]
    fn a_narrow_viewport_limits_the_width() {
        let phone = Size { width: 320.0, height: 640.0 };
        let p = place(line(200.0, 100.0), Size { width: 360.0, height: 200.0 }, phone);
        assert_eq!(p.max_width, Some(320.0 - 2.0 * MARGIN));
        assert_eq!(p.left, MARGIN);
    }

    #[test]
    fn wrapped_mentions_anchor_to_the_line_under_the_pointer() {
        let lines = [line(800.0, 100.0), line(0.0, 124.0)];
        assert_eq!(anchor_line(&lines, Some((20.0, 130.0))), Some(lines[1]));
        assert_eq!(anchor_line(&lines, Some((850.0, 105.0))), Some(lines[0]));
        assert_eq!(anchor_line(&lines, None), Some(lines[0]));
        assert_eq!(anchor_line(&[], None), None);
    }

    #[test]
    fn the_safe_triangle() {
        let card = Rect { left: 100.0, top: 200.0, width: 300.0, height: 150.0 };
        let exit = (150.0, 120.0);
        assert!(heading_for_card((200.0, 180.0), exit, card, Side::Below));
        assert!(!heading_for_card((600.0, 130.0), exit, card, Side::Below));
        assert!(!heading_for_card((150.0, 100.0), exit, card, Side::Below));
    }

    #[test]
    fn a_wrapped_mention_is_never_covered_by_its_card() {
        // "Belt and / Road": the end of one line and the start of the next.
        let lines =
            [Rect { left: 880.0, top: 300.0, width: 100.0, height: 20.0 }, Rect { left: 20.0, top: 324.0, width: 60.0, height: 20.0 }];
        for pointer in [None, Some((900.0, 310.0)), Some((40.0, 334.0))] {
            let anchor = anchor_box(&lines, pointer).unwrap();
            for viewport in [VIEW, Size { width: 1000.0, height: 560.0 }, Size { width: 320.0, height: 540.0 }] {
                let card = card_rect(&place(anchor, CARD, viewport));
                for line in &lines {
                    assert!(!card.overlaps(line), "{pointer:?} {viewport:?}: {card:?} covers {line:?}");
                }
            }
        }
        // Horizontally it starts at the line the pointer is on.
        assert_eq!(anchor_box(&lines, Some((40.0, 334.0))).unwrap().left, 20.0);
        assert_eq!(anchor_box(&lines, None).unwrap().left, 880.0);
    }
}
