//! Laying a scene out for one view and frame: the countries' shapes, the routes, markers,
//! labels, scale bar and locator.

use super::{Scene, Stop};
use crate::geo::draw::{self, LabelRequest};
use crate::geo::metrics::{Estimate, LabelStyle, Widths};
use crate::geo::projection::{Bounds, Conic, LonLat, Point};
use crate::geo::rect::Rect;
use crate::geo::spec::RouteKind;

/// One country, drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct CountryShape {
    /// ISO 3166-1 alpha-3 code (`data-country`).
    pub iso: String,
    /// The base map's name for it (the button's label when it opens a card).
    pub name: String,
    /// SVG path in land coordinates ([`land_conic`], moved with the countries' transform).
    pub d: String,
    /// Highlight index, if highlighted.
    pub highlight: Option<usize>,
}

/// A marker, drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkerShape {
    /// Stop id.
    pub id: String,
    /// Screen position of the marker: its place, or moved a little off it when markers crowd
    /// (`draw::spread`), with a leader line back to `place`.
    pub at: Point,
    /// Screen position of the place itself (where routes pass).
    pub place: Point,
}

impl MarkerShape {
    /// The box of its symbol (within [`MARKER_DOT`] of its centre), which no label covers.
    pub fn dot(&self) -> Rect {
        Rect { left: self.at.x - MARKER_DOT, top: self.at.y - MARKER_DOT, width: 2.0 * MARKER_DOT, height: 2.0 * MARKER_DOT }
    }
}

/// A route, drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct RouteShape {
    /// Route id (`data-route`).
    pub id: String,
    /// Its legs in travel order, one per run of one kind.
    pub legs: Vec<LegShape>,
}

/// One leg of a route, drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct LegShape {
    /// How it travels: the line's style.
    pub kind: RouteKind,
    /// SVG path.
    pub d: String,
    /// Direction chevrons: position and heading in degrees.
    pub marks: Vec<(Point, f64)>,
}

/// A label, drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelShape {
    /// What it says (a place's or country's short name).
    pub text: String,
    /// Where its baseline is anchored, horizontally, in screen units.
    pub x: f64,
    /// Where its baseline is, vertically, in screen units.
    pub y: f64,
    /// `start`, `end` or `middle`.
    pub anchor: &'static str,
    /// A country label (styled larger, in capitals).
    pub country: bool,
}

/// The map for one view and size.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// Every country of the base map, highlighted or not.
    pub countries: Vec<CountryShape>,
    /// The routes inside the view, clipped and smoothed.
    pub routes: Vec<RouteShape>,
    /// The stops inside the view.
    pub markers: Vec<MarkerShape>,
    /// Labels that fit.
    pub labels: Vec<LabelShape>,
    /// Scale bar: km and length in units.
    pub scale: (f64, f64),
    /// The locator drawn in a corner when the view is zoomed far into its surroundings.
    pub inset: Option<Inset>,
    /// The projection used.
    pub conic: Conic,
}

/// A locator map in a corner of a zoomed-in view: the surroundings ([`Scene::context`]) in
/// miniature, with the view outlined on them. The countries are the map's own, drawn in land
/// coordinates ([`land_conic`]) and shown again through an SVG `<use>`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Inset {
    /// Where the locator sits on the map, in screen units.
    pub frame: Rect,
    /// The part of the land coordinates it shows (its `viewBox`).
    pub shows: Rect,
    /// The current view, in land coordinates (the outline drawn on it).
    pub view: Rect,
}

/// The locator appears when the view is this many times closer than its surroundings.
pub const INSET_ZOOM: f64 = 3.0;

/// The least span, in degrees of longitude and latitude, that a locator shows around the home
/// view: enough for a country's neighbours, seas and a capital or two.
pub(super) const CONTEXT_SPAN: (f64, f64) = (70.0, 40.0);

/// The projection for the scene's home view in a `width`×`height` frame. Every view at every
/// size is a scale and translation of it (see [`Conic::relative_to`]).
pub fn home_conic(scene: &Scene, width: f64, height: f64) -> Conic {
    Conic::for_bounds(scene.home()).fit(scene.home(), width, height, 8.0)
}

/// The frame size the country shapes are projected for, once: the server renders them so, and a
/// frame of any other size, like any other view, moves them with an SVG transform instead of
/// projecting and drawing them again (which, with a hundred and more paths, was the most
/// expensive thing the browser did after a phone's frame was measured).
pub const LAND_SIZE: (f64, f64) = (480.0, 360.0);

/// The projection of the country shapes ([`countries`]): the home view at [`LAND_SIZE`].
pub fn land_conic(scene: &Scene) -> Conic {
    home_conic(scene, LAND_SIZE.0, LAND_SIZE.1)
}

/// The projection for `view`: the home view's cone, so zooming never changes shapes.
pub fn view_conic(scene: &Scene, view: Bounds, width: f64, height: f64) -> Conic {
    Conic::for_bounds(scene.home()).fit(view, width, height, 8.0)
}

/// Every country of the base map, projected with `conic`.
pub fn countries(scene: &Scene, conic: &Conic) -> Vec<CountryShape> {
    let project_ring = |ring: &Vec<LonLat>| ring.iter().map(|p| conic.project(*p)).collect::<Vec<Point>>();
    scene
        .basemap
        .countries
        .iter()
        .map(|c| CountryShape {
            iso: c.iso.clone(),
            name: c.name.clone(),
            d: draw::rings_path(&c.rings.iter().map(project_ring).collect::<Vec<_>>()),
            highlight: scene.highlight_of.get(&c.iso).copied(),
        })
        .collect()
}

/// Lays the scene out for `view` in a `width`×`height` frame, countries included.
pub fn layout(scene: &Scene, view: Bounds, width: f64, height: f64) -> Layout {
    let mut l = overlay(scene, view, width, height);
    l.countries = countries(scene, &l.conic);
    l
}

/// The widest place label that can still sit beside its marker on a phone's map (a 320 px
/// frame): wider ones are reported by the validator.
pub const LONG_LABEL: f64 = 150.0;

/// How many fills highlight groups take, in file order (`cr-hl-0` … `cr-hl-5` in the
/// stylesheet, each checked against the water and land of both themes by `tests/palette.rs`).
pub const HIGHLIGHT_FILLS: usize = 6;

/// The least distance between two markers' centres: their 24 px targets and a little air.
pub const MARKER_SPACING: f64 = 26.0;
/// How far a crowded marker may be moved off its place.
pub const MARKER_SHIFT: f64 = 14.0;

/// The radius a label keeps clear around a marker's centre: its largest symbol (a catalog
/// place's dot, 5.5, or a gauge break's diamond, 6) and its outline.
pub const MARKER_DOT: f64 = 6.5;

/// The locator for a view drawn with `conic`, if the view is [`INSET_ZOOM`] times closer than
/// its surroundings: a quarter of the frame's width (80 to 132 units), in the corner with the
/// fewest markers (top right, top left, then the bottom ones, above the scale bar and the
/// credit).
fn locator(scene: &Scene, conic: &Conic, width: f64, height: f64, markers: &[MarkerShape]) -> Option<Inset> {
    let home = land_conic(scene);
    let around = Conic::for_bounds(scene.home()).fit(scene.context(), width, height, 8.0);
    if conic.scale() < around.scale() * INSET_ZOOM {
        return None;
    }
    let w = (width * 0.26).clamp(80.0, 132.0);
    let h = w * height / width;
    if w > width / 2.5 || h > height / 2.5 {
        return None; // a frame this small has no corner to spare
    }
    let margin = 8.0;
    let corners = [(width - margin - w, margin), (margin, margin), (margin, height - 30.0 - h), (width - margin - w, height - 22.0 - h)];
    let crowding = |&(left, top): &(f64, f64)| {
        let r = Rect { left: left - 4.0, top: top - 4.0, width: w + 8.0, height: h + 8.0 };
        markers.iter().filter(|m| r.overlaps(&m.dot())).count()
    };
    let (left, top) = *corners.iter().min_by_key(|c| crowding(c)).expect("four corners");
    // Land coordinates of a frame drawn with `c`: screen = land · k + (dx, dy).
    let in_home = |c: &Conic| {
        let (k, dx, dy) = c.relative_to(&home);
        Rect { left: -dx / k, top: -dy / k, width: width / k, height: height / k }
    };
    Some(Inset { frame: Rect { left, top, width: w, height: h }, shows: in_home(&around), view: in_home(conic) })
}

/// [`overlay_with`] the estimated label widths (the server's render, and the browser's until it
/// has measured the font).
pub fn overlay(scene: &Scene, view: Bounds, width: f64, height: f64) -> Layout {
    overlay_with(scene, view, width, height, &Estimate)
}

/// Everything but the countries for `view`: routes, markers, labels and the scale bar, with
/// labels as wide as `widths` says. Cheap enough to run on every animation frame; the
/// countries are drawn once and transformed.
pub fn overlay_with(scene: &Scene, view: Bounds, width: f64, height: f64, widths: &dyn Widths) -> Layout {
    let conic = view_conic(scene, view, width, height);
    let countries = Vec::new();
    // One curve per route (legs join without a kink), cut into its legs.
    let curves: Vec<Vec<[Point; 4]>> = scene
        .routes
        .iter()
        .map(|r| draw::spline(&r.stops.iter().filter_map(|id| scene.stop(id)).map(|s| conic.project(s.at)).collect::<Vec<_>>()))
        .collect();
    let routes = scene
        .routes
        .iter()
        .zip(&curves)
        .map(|(r, curve)| {
            let legs = r
                .legs()
                .into_iter()
                .map(|(kind, start, end)| {
                    let part = &curve[start..end];
                    LegShape { kind, d: draw::segments_path(part), marks: draw::segment_marks(part, 60.0) }
                })
                .collect();
            RouteShape { id: r.id.clone(), legs }
        })
        .collect();
    let frame = Rect { left: 0.0, top: 0.0, width, height };
    let inside = |p: &Point| p.x >= 0.0 && p.y >= 0.0 && p.x <= width && p.y <= height;
    // Markers that crowd (their 24 px targets would overlap) are spread apart, up to 14 px
    // off their place, so each can be seen and pointed at.
    let shown: Vec<(&Stop, Point)> = scene.stops.iter().map(|s| (s, conic.project(s.at))).filter(|(_, at)| inside(at)).collect();
    let places: Vec<Point> = shown.iter().map(|(_, at)| *at).collect();
    let markers: Vec<MarkerShape> = shown
        .iter()
        .zip(draw::spread(&places, MARKER_SPACING, MARKER_SHIFT))
        .map(|((s, place), at)| MarkerShape { id: s.id.clone(), at, place: *place })
        .collect();
    let requests = label_requests(scene, &conic, &markers, widths, &inside);
    // Labels keep off route lines where they can: sampled every 6 px, a line through a box
    // only makes its spot a last resort.
    let lines: Vec<Point> = curves.iter().flat_map(|c| draw::sample_segments(c, 6.0)).collect();
    // Every marker's symbol is an obstacle no label may cover (its hit area may be).
    let mut obstacles: Vec<Rect> = markers.iter().map(MarkerShape::dot).collect();
    let inset = locator(scene, &conic, width, height, &markers);
    // No label goes under the locator.
    obstacles.extend(inset.map(|i| i.frame));
    let spots = draw::place_labels(&requests.iter().map(|r| r.request).collect::<Vec<_>>(), frame, &obstacles, &lines);
    let labels = spots
        .into_iter()
        .zip(requests)
        .filter_map(|(spot, RankedLabel { text, country, .. })| {
            spot.map(|s| LabelShape { text, x: s.x, y: s.y, anchor: s.anchor, country })
        })
        .collect();
    let scale = draw::scale_bar(&conic, Point { x: width / 2.0, y: height / 2.0 }, width / 4.0);
    Layout { countries, routes, markers, labels, scale, inset, conic }
}

/// The labels to place, by importance: the editor's `priority` (1 first … 9 last); unset, the
/// emphasised country comes before everything, places are 5 and other highlighted countries
/// after all places. At one priority places go first (catalog places, gauge breaks, other
/// stops), then countries, larger first. Places are labelled where their `markers` are drawn;
/// highlighted countries when their name fits inside them (`inside` the frame) at this zoom, the
/// emphasised country always.
fn label_requests(
    scene: &Scene,
    conic: &Conic,
    markers: &[MarkerShape],
    widths: &dyn Widths,
    inside: &dyn Fn(&Point) -> bool,
) -> Vec<RankedLabel> {
    let priority = |id: &str| scene.spec.label_for(id).and_then(|l| l.priority);
    let mut requests: Vec<RankedLabel> = Vec::new();
    let mut ordered: Vec<&Stop> = scene.stops.iter().collect();
    ordered.sort_by_key(|s| (priority(&s.id).unwrap_or(5), s.entity.is_none(), !s.gauge_break));
    for s in ordered {
        // Labelled where its marker is drawn, with the editor's short text if any.
        if let Some(m) = markers.iter().find(|m| m.id == s.id) {
            let text = scene.spec.label_text(&s.id, &s.name).to_owned();
            let style = LabelStyle::Place;
            let side = scene.spec.label_for(&s.id).and_then(|l| l.side);
            let request = LabelRequest {
                at: m.at,
                width: widths.width(&text, style),
                height: style.size(),
                clear: MARKER_DOT,
                area: false,
                within: None,
                side,
            };
            requests.push(RankedLabel { rank: priority(&s.id).unwrap_or(5), request, text, country: false });
        }
    }
    let mut countries_to_label: Vec<(u8, f64, LabelRequest, String)> = Vec::new();
    for (iso, &h) in &scene.highlight_of {
        let (Some(c), Some(b)) = (scene.basemap.country(iso), scene.bounds_of(std::slice::from_ref(iso))) else { continue };
        let mid = (b.min.lat + b.max.lat) / 2.0;
        let centre = conic.project(LonLat { lon: (b.min.lon + b.max.lon) / 2.0, lat: mid });
        let span = (conic.project(LonLat { lon: b.max.lon, lat: mid }).x - conic.project(LonLat { lon: b.min.lon, lat: mid }).x).abs();
        let text = scene.spec.label_text(iso, &c.name).to_uppercase();
        let style = LabelStyle::Country;
        let width = widths.width(&text, style);
        // The country's box on screen, which the label's centre stays in.
        let corners = [
            (b.min.lon, b.min.lat),
            (b.max.lon, b.min.lat),
            (b.min.lon, b.max.lat),
            (b.max.lon, b.max.lat),
            (b.min.lon, mid),
            (b.max.lon, mid),
        ]
        .map(|(lon, lat)| conic.project(LonLat { lon, lat }));
        let (left, right) = corners.iter().fold((f64::MAX, f64::MIN), |(l, r), p| (l.min(p.x), r.max(p.x)));
        let (top, bottom) = corners.iter().fold((f64::MAX, f64::MIN), |(t, b), p| (t.min(p.y), b.max(p.y)));
        let within = Some(Rect { left, top, width: right - left, height: bottom - top });
        let emphasis = scene.spec.highlights[h].emphasis;
        if inside(&centre) && (emphasis || span >= width * 0.8) {
            let rank = priority(iso).unwrap_or(if emphasis { 0 } else { 10 });
            countries_to_label.push((
                rank,
                span,
                LabelRequest { at: centre, width, height: style.size(), clear: 0.0, area: true, within, side: None },
                text,
            ));
        }
    }
    countries_to_label.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.3.cmp(&b.3)));
    for (rank, _, req, text) in countries_to_label {
        // After every label of its rank or a higher one (places and larger countries).
        let at = requests.iter().position(|r| r.rank > rank).unwrap_or(requests.len());
        requests.insert(at, RankedLabel { rank, request: req, text, country: true });
    }
    requests
}

/// A label the overlay asks `draw::place_labels` to place, with its rank (lower first).
struct RankedLabel {
    rank: u8,
    request: LabelRequest,
    text: String,
    /// A country's name (drawn in capitals, as an area label).
    country: bool,
}
