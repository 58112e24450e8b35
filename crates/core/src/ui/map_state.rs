//! The map's state and everything that changes it: the frame's size, the view (with an eased
//! move in flight), the chapter being shown, the collapsed toggle, the wheel hint and what the
//! live region says.
//!
//! Like the cards' reducer, it never reads a clock or the DOM: actions carry the time and the
//! pointer positions (in the SVG's CSS pixels), and the component turns DOM events into them.
//! Gestures are given in screen terms (a drag from here to there, a pinch, a wheel tick at a
//! point) and the reducer inverts them with the projection of the view they happened in, so a
//! listener registered once never holds a stale copy of the view.

use std::rc::Rc;

use crate::content::Section;
use crate::geo::metrics::Measured;
use crate::geo::projection::{Bounds, Point};
use crate::geo::scene::{self, Scene};
use crate::geo::view;

/// How long an eased move takes, in milliseconds.
pub const EASE_MS: f64 = 700.0;
/// How far a pointer must travel before a press becomes a drag (CSS pixels).
pub const DRAG_THRESHOLD: f64 = 4.0;

/// One chapter of the map: the section it belongs to and what it shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Chapter {
    /// Index into the commentary's sections (`Loaded::sections`).
    pub section: usize,
    /// The view it moves to.
    pub bounds: Bounds,
    /// The names of the countries and places it focuses on, for the announcement.
    pub names: String,
}

/// A chapter's focus with room around it: a fifth of its span on each side (at least half a
/// degree), so that no marker it shows sits on the frame's edge and their labels have room.
pub fn with_margin(b: Bounds) -> Bounds {
    let dx = ((b.max.lon - b.min.lon) * 0.2).max(0.5);
    let dy = ((b.max.lat - b.min.lat) * 0.2).max(0.5);
    Bounds {
        min: crate::geo::projection::LonLat { lon: b.min.lon - dx, lat: (b.min.lat - dy).max(-89.0) },
        max: crate::geo::projection::LonLat { lon: b.max.lon + dx, lat: (b.max.lat + dy).min(89.0) },
    }
}

/// The chapters of `scene` in `map.toml` order, each resolved against the commentary's
/// `sections` (slugs in reading order); a chapter naming an unknown section or showing
/// nothing drawable is left out.
pub fn chapters(scene: &Scene, sections: &[Section]) -> Vec<Chapter> {
    scene
        .spec
        .chapters
        .iter()
        .filter_map(|c| {
            let section = sections.iter().position(|s| s.slug == c.section)?;
            let bounds = with_margin(scene.bounds_of(&c.focus)?);
            let names: Vec<String> = c
                .focus
                .iter()
                .filter_map(|id| scene.basemap.country(id).map(|k| k.name.clone()).or_else(|| scene.stop(id).map(|p| p.name.clone())))
                .collect();
            Some(Chapter { section, bounds, names: names.join(", ") })
        })
        .collect()
}

/// What the map's polite live region says: only moves the reader asked for or caused.
#[derive(Debug, Clone, PartialEq)]
pub enum Announcement {
    /// Nothing yet.
    Silent,
    /// The map moved to chapter `index`.
    Chapter(usize),
    /// The map moved to show an entity (by its display name), from a card's "Show on map".
    Entity(String),
}

/// An eased move in flight.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Easing {
    from: Bounds,
    to: Bounds,
    start: f64,
}

/// The frame's size in a prerendered page (CSS pixels, the frame's 4:3): the SVG's `viewBox`
/// until the reader's code measures the frame, which CSS sizes, so nothing moves then.
pub const PRERENDER_SIZE: (f64, f64) = crate::geo::scene::LAND_SIZE;

/// What the map is showing. (Not `PartialEq`: comparing would walk the whole base map; every
/// action re-renders.)
#[derive(Debug, Clone)]
pub struct MapState {
    scene: Rc<Scene>,
    chapters: Rc<Vec<Chapter>>,
    home: Bounds,
    limits: Bounds,
    reduced_motion: bool,
    /// The frame has been measured once: nothing is drawn before (drawing at a guess and again
    /// at the real size would lay every country out twice before the widget is ready).
    pub measured: bool,
    /// The frame's size in CSS pixels (a guess until a measurement with a real size arrives).
    pub size: (f64, f64),
    /// The view on screen now.
    pub view: Bounds,
    /// The chapter shown, if any.
    pub chapter: Option<usize>,
    /// The map is folded away (narrow layouts).
    pub collapsed: bool,
    /// The "Ctrl + wheel zooms" hint is shown.
    pub hint: bool,
    /// What the live region says.
    pub announcement: Announcement,
    /// The eased move in flight: the component asks for animation frames while it is `Some`.
    pub easing: Option<Easing>,
    /// Bumped each time focus should move to the map (after "Show on map", whose card had it).
    pub focus_requests: u32,
    /// The labels' widths: estimated until measured in the font the browser draws with.
    pub widths: Rc<Measured>,
}

/// How the map came to a chapter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrival {
    /// Placed where the reading is when the page loads: at once, silently.
    Placed,
    /// The reading went on into it: eased, silently.
    Read,
    /// The reader asked for it (the chapter buttons): eased and announced.
    Asked,
}

/// Something the reader did, or the browser reported.
#[derive(Debug, Clone, PartialEq)]
pub enum MapAction {
    /// The frame was measured at this size (CSS pixels); a zero size (a hidden frame) marks
    /// it measured but keeps the size it had.
    Resize {
        /// The frame's width in CSS pixels.
        width: f64,
        /// The frame's height in CSS pixels.
        height: f64,
    },
    /// An animation frame at time `now`.
    Frame {
        /// When it happened (milliseconds on the page's clock).
        now: f64,
    },
    /// Zoom by `factor` (> 1 zooms in) about the view's centre, eased (buttons, + and −).
    Zoom {
        /// How much closer: above 1 zooms in, below 1 out.
        factor: f64,
        /// When it happened (milliseconds on the page's clock).
        now: f64,
    },
    /// Pan by fractions of the view (arrow keys): at once.
    Pan {
        /// Towards the east.
        dx: f64,
        /// Towards the north.
        dy: f64,
    },
    /// Back to the whole map, eased.
    Home {
        /// When it happened (milliseconds on the page's clock).
        now: f64,
    },
    /// A pointer dragged the map from `from` to `to` (SVG pixels): the point grabbed follows it.
    Drag {
        /// Where it was.
        from: Point,
        /// Where it is.
        to: Point,
    },
    /// Two pointers: one moved from `from` to `to` while the other stayed at `other`.
    Pinch {
        /// The moving pointer before.
        from: Point,
        /// The moving pointer after.
        to: Point,
        /// The other pointer.
        other: Point,
    },
    /// Ctrl/⌘ + wheel: zoom by `factor` about the pointer at `at`.
    WheelZoom {
        /// How much closer: above 1 zooms in, below 1 out.
        factor: f64,
        /// Pointer position.
        at: Point,
    },
    /// A plain wheel over the map: show (or hide) the hint that says how to zoom.
    WheelHint(bool),
    /// The reading reached chapter `index`: the first placement on load
    /// ([`Arrival::Placed`]) or reading on ([`Arrival::Read`]).
    ReadingChapter {
        /// The chapter's index, in `map.toml` order.
        index: usize,
        /// How the reader got there.
        arrival: Arrival,
        /// When it happened (milliseconds on the page's clock).
        now: f64,
    },
    /// The previous/next chapter buttons.
    StepChapter {
        /// −1 or +1.
        delta: isize,
        /// When it happened (milliseconds on the page's clock).
        now: f64,
    },
    /// A card's "Show on map": move to `bounds`, unfold, announce `name`, take focus.
    Show {
        /// What to show.
        bounds: Bounds,
        /// The entity's display name.
        name: String,
        /// When it happened (milliseconds on the page's clock).
        now: f64,
    },
    /// The "Hide map" / "Show map" toggle.
    ToggleCollapsed,
    /// The labels' characters were measured in the font the browser draws them with.
    Widths(Rc<Measured>),
}

impl MapState {
    /// The whole map's view: where "home" returns to.
    pub fn home(&self) -> Bounds {
        self.home
    }

    /// How far the view may pan and zoom out.
    pub fn limits(&self) -> Bounds {
        self.limits
    }
}

impl MapState {
    /// The map as a prerendered page draws it (before any script measures the frame): at
    /// [`PRERENDER_SIZE`], counted as measured, so the server's render and the first render of
    /// its hydration are the same, and both draw the countries.
    pub fn prerendered(self) -> Self {
        self.drawn_at(PRERENDER_SIZE)
    }

    /// The map drawn at `size` before its frame is measured (counted as measured): a change of
    /// language starts the new map at the size the old one had, so nothing moves when the
    /// frame is measured.
    pub fn drawn_at(self, size: (f64, f64)) -> Self {
        MapState { measured: true, size, ..self }
    }

    /// The initial state of the map of `scene`, with its `chapters`, not yet measured (nothing
    /// is drawn until the frame is). Under `prefers-reduced-motion` (`reduced_motion`) every
    /// move is a jump.
    pub fn new(scene: Rc<Scene>, chapters: Rc<Vec<Chapter>>, reduced_motion: bool) -> Self {
        let home = scene.home();
        let limits = scene.extent();
        MapState {
            scene,
            chapters,
            home,
            limits,
            reduced_motion,
            measured: false,
            size: (420.0, 360.0),
            view: home,
            chapter: None,
            collapsed: false,
            hint: false,
            announcement: Announcement::Silent,
            easing: None,
            focus_requests: 0,
            widths: Rc::default(),
        }
    }

    /// The scene drawn.
    pub fn scene(&self) -> &Rc<Scene> {
        &self.scene
    }

    /// The chapters, in `map.toml` order.
    pub fn chapters(&self) -> &Rc<Vec<Chapter>> {
        &self.chapters
    }

    /// Whether the previous/next chapter buttons can go that way.
    pub fn can_step(&self, delta: isize) -> bool {
        self.step_target(delta).is_some()
    }

    fn step_target(&self, delta: isize) -> Option<usize> {
        match self.chapter {
            None if delta > 0 && !self.chapters.is_empty() => Some(0),
            None => None,
            Some(i) => i.checked_add_signed(delta).filter(|j| *j < self.chapters.len()),
        }
    }

    fn jump(&mut self, to: Bounds) {
        self.easing = None;
        self.view = view::keep_within(to, self.limits);
    }

    fn ease(&mut self, to: Bounds, now: f64) {
        let to = view::keep_within(to, self.limits);
        if self.reduced_motion {
            self.jump(to);
        } else {
            self.easing = Some(Easing { from: self.view, to, start: now });
        }
    }

    /// Shows chapter `index`: at once for the first placement, eased when the reader moved, and
    /// announced only when the reader asked for it (the chapter buttons). Following the reading
    /// as the text scrolls is silent, or every scroll past a heading would interrupt.
    fn go_to_chapter(&mut self, index: usize, arrival: Arrival, now: f64) {
        let Some(bounds) = self.chapters.get(index).map(|c| c.bounds) else { return };
        match arrival {
            Arrival::Placed => self.jump(bounds),
            Arrival::Read | Arrival::Asked => self.ease(bounds, now),
        }
        if arrival == Arrival::Asked {
            self.announcement = Announcement::Chapter(index);
        }
        self.chapter = Some(index);
    }

    /// The projection of the current view in the measured frame.
    fn conic(&self) -> crate::geo::projection::Conic {
        let (w, h) = self.size;
        scene::view_conic(&self.scene, self.view, w, h)
    }

    /// Applies `action`.
    pub fn reduce(mut self, action: MapAction) -> Self {
        match action {
            MapAction::Widths(widths) => {
                self.widths = widths;
            }
            MapAction::Resize { width, height } => {
                self.measured = true;
                if width >= 1.0 && height >= 1.0 {
                    self.size = (width, height);
                }
            }
            MapAction::Frame { now } => {
                if let Some(Easing { from, to, start }) = self.easing {
                    let t = ((now - start) / EASE_MS).clamp(0.0, 1.0);
                    self.view = view::ease(from, to, t);
                    if t >= 1.0 {
                        self.easing = None;
                    }
                }
            }
            MapAction::Zoom { factor, now } => {
                let target = self.easing.map_or(self.view, |e| e.to);
                self.ease(view::zoom(target, factor, view::centre(target)), now);
            }
            MapAction::Pan { dx, dy } => self.jump(view::pan(self.view, dx, dy)),
            MapAction::Home { now } => {
                let home = self.home;
                self.ease(home, now);
            }
            MapAction::Drag { from, to } => {
                let conic = self.conic();
                let (a, b) = (conic.invert(from), conic.invert(to));
                self.jump(view::shift(self.view, a.lon - b.lon, a.lat - b.lat));
            }
            MapAction::Pinch { from, to, other } => {
                let (d0, d1) = ((from.x - other.x).hypot(from.y - other.y), (to.x - other.x).hypot(to.y - other.y));
                if d0 > 1.0 {
                    let mid = self.conic().invert(Point { x: (to.x + other.x) / 2.0, y: (to.y + other.y) / 2.0 });
                    self.jump(view::zoom(self.view, d1 / d0, mid));
                }
            }
            MapAction::WheelZoom { factor, at } => {
                let about = self.conic().invert(at);
                self.jump(view::zoom(self.view, factor, about));
            }
            MapAction::WheelHint(shown) => self.hint = shown,
            MapAction::ReadingChapter { index, arrival, now } => self.go_to_chapter(index, arrival, now),
            MapAction::StepChapter { delta, now } => {
                if let Some(j) = self.step_target(delta) {
                    self.go_to_chapter(j, Arrival::Asked, now);
                }
            }
            MapAction::Show { bounds, name, now } => {
                self.collapsed = false;
                self.ease(bounds, now);
                self.announcement = Announcement::Entity(name);
                self.focus_requests += 1;
            }
            MapAction::ToggleCollapsed => self.collapsed = !self.collapsed,
        }
        self
    }
}
