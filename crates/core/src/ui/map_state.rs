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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::catalog::Catalog;
    use crate::geo::projection::LonLat;
    use crate::geo::spec::parse_map;
    use crate::geo::topojson;

    const BASEMAP: &str = include_str!("../../../../static/basemaps/eurasia.topo.json");
    const MAP: &str = r#"
title = "Test"
[[highlight]]
countries = ["BLR", "POL"]
label = "Corridor"
[[place]]
id = "minsk"
name = "Minsk"
lat = 53.9
lon = 27.56
[[chapter]]
section = "intro"
focus = ["BLR"]
[[chapter]]
section = "trade"
focus = ["POL"]
"#;

    fn state(reduced_motion: bool) -> MapState {
        unmeasured(reduced_motion).reduce(MapAction::Resize { width: 600.0, height: 400.0 })
    }

    fn unmeasured(reduced_motion: bool) -> MapState {
        let (spec, _) = parse_map(MAP, "map.toml");
        let countries = topojson::decode(BASEMAP, "countries").expect("the shipped base map decodes");
        let sections = vec![Section::intro(), Section { slug: "trade".to_owned(), title: "Trade".to_owned() }];
        let slugs: Vec<String> = vec!["trade".to_owned()];
        let (scene, _) = scene::resolve(spec.expect("the test map parses"), &Catalog::default(), countries, Some(&slugs), "map.toml");
        let scene = Rc::new(scene);
        let chapters = Rc::new(chapters(&scene, &sections));
        MapState::new(scene, chapters, reduced_motion)
    }

    fn close(a: Bounds, b: Bounds) -> bool {
        [a.min.lon - b.min.lon, a.min.lat - b.min.lat, a.max.lon - b.max.lon, a.max.lat - b.max.lat].iter().all(|d| d.abs() < 1e-6)
    }

    fn span(b: Bounds) -> f64 {
        b.max.lon - b.min.lon
    }

    #[test]
    fn chapters_resolve_against_sections_in_map_order() {
        let s = state(false);
        assert_eq!(s.chapters().len(), 2);
        assert_eq!(s.chapters()[1].section, 1);
        assert!(s.chapters()[0].names.contains("Belarus"), "{}", s.chapters()[0].names);
    }

    #[test]
    fn a_hidden_frame_counts_as_measured_but_keeps_its_size() {
        let (spec, _) = parse_map(MAP, "map.toml");
        let countries = topojson::decode(BASEMAP, "countries").expect("the shipped base map decodes");
        let (scene, _) = scene::resolve(spec.expect("parses"), &Catalog::default(), countries, None, "map.toml");
        let fresh = MapState::new(Rc::new(scene), Rc::new(Vec::new()), false);
        assert!(!fresh.measured);
        let s = state(false);
        assert!(s.measured);
        assert_eq!(s.size, (600.0, 400.0));
        assert_eq!(s.reduce(MapAction::Resize { width: 0.0, height: 300.0 }).size, (600.0, 400.0));
    }

    #[test]
    fn a_prerendered_map_is_drawn_at_the_servers_size_until_its_frame_is_measured_otherwise() {
        let fresh = unmeasured(false).prerendered();
        assert!(fresh.measured, "the server's drawing is there to hydrate");
        assert_eq!(fresh.size, PRERENDER_SIZE);
        let same = fresh.clone().reduce(MapAction::Resize { width: PRERENDER_SIZE.0, height: PRERENDER_SIZE.1 });
        assert_eq!((same.view, same.size), (fresh.view, fresh.size), "measured at the size it was drawn at, nothing moves");
        assert_eq!(same.reduce(MapAction::Resize { width: 390.0, height: 292.5 }).size, (390.0, 292.5));
    }

    #[test]
    fn an_eased_zoom_arrives_after_the_ease_time_and_stops_asking_for_frames() {
        let s = state(false);
        let start = s.view;
        let s = s.reduce(MapAction::Zoom { factor: 2.0, now: 1000.0 });
        assert!(s.easing.is_some());
        assert!(close(s.view, start), "the view jumped before any frame");
        let half = s.clone().reduce(MapAction::Frame { now: 1000.0 + EASE_MS / 2.0 });
        assert!(span(half.view) < span(start) && span(half.view) > span(start) / 2.0);
        let done = half.reduce(MapAction::Frame { now: 1000.0 + EASE_MS });
        assert!(done.easing.is_none());
        assert!((span(done.view) - span(start) / 2.0).abs() < 1e-6);
    }

    #[test]
    fn reduced_motion_jumps() {
        let s = state(true).reduce(MapAction::Zoom { factor: 2.0, now: 0.0 });
        assert!(s.easing.is_none());
        assert!((span(s.view) - span(state(true).view) / 2.0).abs() < 1e-6);
    }

    #[test]
    fn a_drag_moves_the_grabbed_point_with_the_pointer() {
        let s = state(false);
        let conic = scene::view_conic(s.scene(), s.view, 600.0, 400.0);
        let from = Point { x: 300.0, y: 200.0 };
        let grabbed = conic.invert(from);
        let to = Point { x: 340.0, y: 180.0 };
        let s = s.reduce(MapAction::Drag { from, to });
        let after = scene::view_conic(s.scene(), s.view, 600.0, 400.0).project(grabbed);
        // The view is a lon/lat box refitted to the frame, so the point follows to within a few
        // pixels (a drag of 45 px here), not exactly.
        assert!((after.x - to.x).abs() < 6.0 && (after.y - to.y).abs() < 6.0, "{after:?}");
        assert!((after.x - from.x).abs() > 30.0, "the map did not move: {after:?}");
    }

    #[test]
    fn wheel_zoom_keeps_the_point_under_the_pointer() {
        let s = state(false);
        let at = Point { x: 150.0, y: 120.0 };
        let under: LonLat = scene::view_conic(s.scene(), s.view, 600.0, 400.0).invert(at);
        let s = s.reduce(MapAction::WheelZoom { factor: 1.5, at });
        let p = scene::view_conic(s.scene(), s.view, 600.0, 400.0).project(under);
        assert!((p.x - at.x).abs() < 6.0 && (p.y - at.y).abs() < 6.0, "{p:?}");
        assert!(span(s.view) < span(state(false).view), "the wheel did not zoom in");
    }

    #[test]
    fn a_pinch_apart_zooms_in() {
        let s = state(false);
        let before = span(s.view);
        let s = s.reduce(MapAction::Pinch {
            from: Point { x: 320.0, y: 200.0 },
            to: Point { x: 360.0, y: 200.0 },
            other: Point { x: 280.0, y: 200.0 },
        });
        assert!(span(s.view) < before);
    }

    #[test]
    fn following_the_reading_is_silent_and_only_asked_for_chapters_are_announced() {
        let s = state(false).reduce(MapAction::ReadingChapter { index: 0, arrival: Arrival::Placed, now: 0.0 });
        assert_eq!(s.chapter, Some(0));
        assert_eq!(s.announcement, Announcement::Silent);
        assert!(s.easing.is_none(), "the first placement eased");
        // Scrolling on into the next chapter moves the map, and says nothing.
        let s = s.reduce(MapAction::ReadingChapter { index: 1, arrival: Arrival::Read, now: 10.0 });
        assert_eq!((s.chapter, &s.announcement), (Some(1), &Announcement::Silent));
        assert!(s.easing.is_some());
        // The chapter button is asked for: announced.
        let s = s.reduce(MapAction::StepChapter { delta: -1, now: 20.0 });
        assert_eq!((s.chapter, &s.announcement), (Some(0), &Announcement::Chapter(0)));
    }

    #[test]
    fn chapter_buttons_step_within_the_chapters() {
        let s = state(true);
        assert!(s.can_step(1) && !s.can_step(-1));
        let s = s.reduce(MapAction::StepChapter { delta: 1, now: 0.0 });
        assert_eq!(s.chapter, Some(0));
        let s = s.reduce(MapAction::StepChapter { delta: 1, now: 0.0 });
        assert_eq!(s.chapter, Some(1));
        assert!(!s.can_step(1));
        let same = s.clone().reduce(MapAction::StepChapter { delta: 1, now: 0.0 });
        assert_eq!(same.chapter, Some(1));
        assert!(close(s.view, s.chapters()[1].bounds) || span(s.view) > 0.0);
    }

    #[test]
    fn show_on_map_unfolds_moves_announces_and_asks_for_focus() {
        let s = state(false).reduce(MapAction::ToggleCollapsed);
        assert!(s.collapsed);
        let minsk = s.scene().bounds_of(&["minsk".to_owned()]).expect("minsk is drawn");
        let s = s.reduce(MapAction::Show { bounds: minsk, name: "Minsk".into(), now: 0.0 });
        assert!(!s.collapsed);
        assert_eq!(s.announcement, Announcement::Entity("Minsk".into()));
        assert_eq!(s.focus_requests, 1);
        let s = s.reduce(MapAction::Frame { now: EASE_MS });
        assert!(close(s.view, view::keep_within(minsk, s.limits)));
    }

    #[test]
    fn home_returns_to_the_whole_map() {
        let s = state(true).reduce(MapAction::Pan { dx: 0.3, dy: 0.0 });
        assert!(!close(s.view, s.home));
        let s = s.reduce(MapAction::Home { now: 0.0 });
        assert!(close(s.view, view::keep_within(s.home, s.limits)));
    }

    #[test]
    fn a_chapter_view_leaves_room_around_what_it_focuses_on() {
        use crate::geo::projection::LonLat;
        let focus = Bounds { min: LonLat { lon: 23.0, lat: 51.0 }, max: LonLat { lon: 33.0, lat: 56.0 } };
        let v = with_margin(focus);
        assert_eq!((v.min.lon, v.max.lon), (21.0, 35.0));
        assert_eq!((v.min.lat, v.max.lat), (50.0, 57.0));
        // A single place: half a degree all round, not a zero-size view.
        let point = Bounds { min: LonLat { lon: 27.5, lat: 53.9 }, max: LonLat { lon: 27.5, lat: 53.9 } };
        let v = with_margin(point);
        assert!((v.max.lon - v.min.lon - 1.0).abs() < 1e-9 && (v.max.lat - v.min.lat - 1.0).abs() < 1e-9);
    }
}
