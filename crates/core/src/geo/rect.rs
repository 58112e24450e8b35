//! Axis-aligned rectangles in screen units (CSS pixels): what label placement on the map and
//! card placement on the page both reason about. Lives in `geo`, the lower layer, so that `ui`
//! may use `geo` and never the other way round.

/// A rectangle: left and top edges, width and height (y grows downwards).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub left: f64,
    /// Top edge.
    pub top: f64,
    /// Width (to the right of `left`).
    pub width: f64,
    /// Height (down from `top`).
    pub height: f64,
}

impl Rect {
    /// Right edge.
    pub fn right(&self) -> f64 {
        self.left + self.width
    }

    /// Bottom edge.
    pub fn bottom(&self) -> f64 {
        self.top + self.height
    }

    /// Whether two rectangles share any area.
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.left < other.right() && other.left < self.right() && self.top < other.bottom() && other.top < self.bottom()
    }
}
