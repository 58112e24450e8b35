//! The map's colours, read from the stylesheet itself: every highlight fill stays distinguishable
//! from the water (a highlighted country must not read as sea) and from plain land, in the light
//! and the dark theme. Distances are CIELAB ΔE*ab (CIE 1976) on the sRGB values.

use std::collections::HashMap;

use commentary_reader::geo::scene::HIGHLIGHT_FILLS;

const CSS: &str = include_str!("../src/web/reader.css");
/// Below this, two flat fills side by side read as nearly the same colour.
const FROM_SEA: f64 = 20.0;
const FROM_LAND: f64 = 15.0;

fn lab(hex: &str) -> [f64; 3] {
    let v = |i: usize| f64::from(u8::from_str_radix(&hex[i..i + 2], 16).expect("a hex colour")) / 255.0;
    let lin = |c: f64| if c <= 0.04045 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) };
    let (r, g, b) = (lin(v(1)), lin(v(3)), lin(v(5)));
    let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    let f = |t: f64| if t > 0.008856 { t.cbrt() } else { 7.787 * t + 16.0 / 116.0 };
    [116.0 * f(y) - 16.0, 500.0 * (f(x) - f(y)), 200.0 * (f(y) - f(z))]
}

fn delta_e(a: &str, b: &str) -> f64 {
    let (p, q) = (lab(a), lab(b));
    ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2) + (p[2] - q[2]).powi(2)).sqrt()
}

/// Each rule that sets the map's sea colour, with the colours it sets (`--cr-sea`, `--cr-hl-0`…).
fn palettes() -> Vec<HashMap<String, String>> {
    let mut out = Vec::new();
    for (at, _) in CSS.match_indices("--cr-sea:") {
        let start = CSS[..at].rfind('{').expect("inside a rule");
        let end = at + CSS[at..].find('}').expect("a closed rule");
        let mut colours = HashMap::new();
        // Comments out, then one declaration per `;`.
        let mut block = CSS[start + 1..end].to_owned();
        while let Some(open) = block.find("/*") {
            let close = block[open..].find("*/").map_or(block.len(), |c| open + c + 2);
            block.replace_range(open..close, "");
        }
        for decl in block.split(';') {
            if let Some((name, value)) = decl.split_once(':') {
                let (name, value) = (name.trim(), value.trim());
                if name.starts_with("--cr-") && value.starts_with('#') && value.len() >= 7 {
                    colours.insert(name.to_owned(), value[..7].to_owned());
                }
            }
        }
        out.push(colours);
    }
    out
}

#[test]
fn highlight_fills_never_read_as_water_or_plain_land_in_either_theme() {
    let palettes = palettes();
    assert_eq!(palettes.len(), 3, "the light map, the dark theme and the dark media query");
    let mut problems = Vec::new();
    for p in &palettes {
        let (sea, land) = (&p["--cr-sea"], &p["--cr-land"]);
        let fills: Vec<&String> = p.keys().filter(|k| k.starts_with("--cr-hl-") || *k == "--cr-emphasis").collect();
        assert_eq!(fills.len(), HIGHLIGHT_FILLS + 1, "a colour for each fill the map gives highlight groups, and the emphasis: {p:?}");
        for name in fills {
            let c = &p[name];
            let (s, l) = (delta_e(c, sea), delta_e(c, land));
            if s < FROM_SEA || l < FROM_LAND {
                problems.push(format!("{name} {c}: ΔE {s:.1} from the sea {sea}, {l:.1} from land {land}"));
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn every_fill_the_map_gives_a_group_is_styled_on_the_map_and_in_the_legend() {
    for i in 0..HIGHLIGHT_FILLS {
        for rule in [
            format!(".cr-country.cr-hl-{i} {{ fill: var(--cr-hl-{i}); }}"),
            format!(".cr-swatch.cr-hl-{i} {{ background: var(--cr-hl-{i}); }}"),
        ] {
            assert!(CSS.contains(&rule), "the stylesheet lacks {rule}");
        }
    }
}

#[test]
fn the_distance_measure_tells_near_from_far() {
    // The light theme's old first highlight, a pale blue, against its sea: too close.
    assert!(delta_e("#c9d9ef", "#e6edf1") < FROM_SEA);
    assert!(delta_e("#a8321c", "#e6edf1") > 80.0);
    assert_eq!(delta_e("#123456", "#123456"), 0.0);
}
