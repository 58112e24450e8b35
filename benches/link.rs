//! Parse + link throughput on generated reports (run with `make bench`).
//!
//! Prints, for reports of 20,000, 40,000 and 80,000 words with 200 entities, the time to parse
//! the Markdown and link every alias, and the rate in MB/s. Linear linking means the rate stays
//! flat as the report grows. Timings are reported, never asserted.

use std::hint::black_box;
use std::time::Instant;

use commentary_reader::content::catalog::{parse_catalog, Catalog};
use commentary_reader::content::{link_commentary, parse_commentary};

/// A deterministic pseudo-random generator (xorshift), so every run measures the same text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

const WORDS: [&str; 16] = [
    "the", "corridor", "freight", "policy", "transit", "border", "capacity", "agreement", "railway", "trade",
    "investment", "region", "security", "cooperation", "logistics", "market",
];

/// A catalog of `entities` entries, each with two aliases.
fn catalog(entities: usize) -> String {
    let mut toml = String::new();
    for i in 0..entities {
        toml += &format!(
            "[[entity]]\nid = \"e{i}\"\nkind = \"organisation\"\nname = \"Entity {i}\"\naliases = [\"Entity {i}\", \"Ent{i} Group\"]\nsummary = \"Generated.\"\n\n"
        );
    }
    toml
}

/// A report of `words` words in paragraphs of 100, with one mention every `every` words.
fn report(words: usize, entities: usize, every: usize) -> String {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut md = String::from("+++\ntitle = \"Generated report\"\ndate = 2024-01-01\nlang = \"en\"\n[[authors]]\nname = \"Bench\"\n+++\n\n");
    for w in 0..words {
        if w % 100 == 0 && w > 0 {
            md += "\n\n";
        }
        if w % 1000 == 0 {
            md += &format!("## Section {}\n\n", w / 1000);
        }
        if w % every == every - 1 {
            let e = rng.next() as usize % entities;
            md += &if rng.next() % 2 == 0 { format!("Entity {e}") } else { format!("Ent{e} Group") };
        } else {
            md += WORDS[rng.next() as usize % WORDS.len()];
        }
        md += if w % 17 == 16 { ". " } else { " " };
    }
    md
}

fn main() {
    let (entities, _) = parse_catalog(&catalog(200), "bench.toml");
    let catalog = Catalog::merge([entities]);
    println!("{:>8} {:>10} {:>10} {:>12} {:>10}", "words", "mentions", "bytes", "parse+link", "MB/s");
    for words in [20_000, 40_000, 80_000] {
        let md = report(words, 200, 10);
        let runs = 20;
        let mut best = f64::MAX;
        let mut mentions = 0;
        for _ in 0..runs {
            let start = Instant::now();
            let (commentary, _) = parse_commentary(black_box(&md), "bench.md").expect("the generated report parses");
            let (linked, _) = link_commentary(&commentary, &catalog, "bench.md");
            best = best.min(start.elapsed().as_secs_f64());
            mentions = linked.mentions.by_ordinal.len();
            black_box(linked);
        }
        println!(
            "{words:>8} {mentions:>10} {:>10} {:>9.2} ms {:>10.1}",
            md.len(),
            best * 1e3,
            md.len() as f64 / best / 1e6
        );
    }
}
