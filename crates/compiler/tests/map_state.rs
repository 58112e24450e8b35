//! The map reducer over the shipped base map and a `map.toml` as the compiler reads them.

use commentary_compiler::spec::parse_map;
use commentary_core::content::catalog::Catalog;
use commentary_core::content::Section;
use commentary_core::geo::projection::LonLat;
use commentary_core::geo::projection::{Bounds, Point};
use commentary_core::geo::{scene, view};
use commentary_core::ui::map_state::*;
use std::rc::Rc;

const BASEMAP: &str = include_str!("../../../static/basemaps/eurasia.topo.json");
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
    let countries = commentary_compiler::topojson::decode(BASEMAP, "countries").expect("the shipped base map decodes");
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
    let countries = commentary_compiler::topojson::decode(BASEMAP, "countries").expect("the shipped base map decodes");
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
    assert!(close(s.view, view::keep_within(minsk, s.limits())));
}

#[test]
fn home_returns_to_the_whole_map() {
    let s = state(true).reduce(MapAction::Pan { dx: 0.3, dy: 0.0 });
    assert!(!close(s.view, s.home()));
    let s = s.reduce(MapAction::Home { now: 0.0 });
    assert!(close(s.view, view::keep_within(s.home(), s.limits())));
}

#[test]
fn a_chapter_view_leaves_room_around_what_it_focuses_on() {
    use commentary_core::geo::projection::LonLat;
    let focus = Bounds { min: LonLat { lon: 23.0, lat: 51.0 }, max: LonLat { lon: 33.0, lat: 56.0 } };
    let v = with_margin(focus);
    assert_eq!((v.min.lon, v.max.lon), (21.0, 35.0));
    assert_eq!((v.min.lat, v.max.lat), (50.0, 57.0));
    // A single place: half a degree all round, not a zero-size view.
    let point = Bounds { min: LonLat { lon: 27.5, lat: 53.9 }, max: LonLat { lon: 27.5, lat: 53.9 } };
    let v = with_margin(point);
    assert!((v.max.lon - v.min.lon - 1.0).abs() < 1e-9 && (v.max.lat - v.min.lat - 1.0).abs() < 1e-9);
}
