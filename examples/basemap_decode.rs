//! Native decode time of the shipped base map (`static/basemaps/eurasia.topo.json`):
//! `cargo run --release --example basemap_decode`. Prints the median and the fastest of many
//! runs; timings are reported, never asserted.

use std::hint::black_box;
use std::time::Instant;

use commentary_compiler::topojson::decode;

const EURASIA: &str = include_str!("../static/basemaps/eurasia.topo.json");

fn main() {
    let runs: usize = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(500);
    let map = decode(EURASIA, "countries").expect("the shipped base map decodes");
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(decode(black_box(EURASIA), "countries").unwrap());
            start.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!(
        "{} bytes, {} countries: median {:.1} µs, fastest {:.1} µs over {runs} runs",
        EURASIA.len(),
        map.countries.len(),
        times[runs / 2],
        times[0]
    );
}
