//! Drawing geometry for the map, in screen units: paths, smoothed routes with direction marks,
//! the scale bar and collision-free labels. SVG numbers are rounded to two decimals here, at
//! the edge; everything before stays `f64`.

mod curves;
mod labels;
mod spacing;
mod svg;

pub use curves::*;
pub use labels::*;
pub use spacing::*;
pub use svg::*;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::projection::{Conic, LonLat, Point};
    use crate::geo::rect::Rect;
    use crate::geo::spec::LabelSide;

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
