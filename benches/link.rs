//! Parse + link throughput on generated reports, and reading compiled bundles, with criterion
//! (run by `make bench`).
//!
//! For reports of 20,000, 40,000 and 80,000 words with 200 entities and a mention every ten
//! words: the time to parse front matter and Markdown and link every alias, as throughput in
//! bytes per second. Linear linking means the rate stays flat as the report grows. Criterion
//! writes its estimates to target/criterion/, where `bench/run.mjs` reads them for the table in
//! BENCHMARKS.md. Timings are reported, never asserted.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

use commentary_compiler::catalog::parse_catalog;
use commentary_compiler::{link_commentary, parse_commentary};
use commentary_reader::content::catalog::Catalog;

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
    "the",
    "corridor",
    "freight",
    "policy",
    "transit",
    "border",
    "capacity",
    "agreement",
    "railway",
    "trade",
    "investment",
    "region",
    "security",
    "cooperation",
    "logistics",
    "market",
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
    let mut md =
        String::from("+++\ntitle = \"Generated report\"\ndate = 2024-01-01\nlang = \"en\"\n[[authors]]\nname = \"Bench\"\n+++\n\n");
    for w in 0..words {
        if w % 100 == 0 && w > 0 {
            md += "\n\n";
        }
        if w % 1000 == 0 {
            md += &format!("## Section {}\n\n", w / 1000);
        }
        if w % every == every - 1 {
            let e = rng.next() as usize % entities;
            md += &if rng.next().is_multiple_of(2) { format!("Entity {e}") } else { format!("Ent{e} Group") };
        } else {
            md += WORDS[rng.next() as usize % WORDS.len()];
        }
        md += if w % 17 == 16 { ". " } else { " " };
    }
    md
}

fn parse_and_link(c: &mut Criterion) {
    let (entities, _) = parse_catalog(&catalog(200), "bench.toml");
    let catalog = Catalog::merge([entities]);
    let mut group = c.benchmark_group("parse+link");
    group.sample_size(20);
    for words in [20_000, 40_000, 80_000] {
        let md = report(words, 200, 10);
        // The generated text really has the mentions it claims.
        let (commentary, _) = parse_commentary(&md, "bench.md").expect("the generated report parses");
        let (linked, _) = link_commentary(&commentary, &catalog, "bench.md");
        assert_eq!(linked.mentions.by_ordinal.len(), words / 10, "one mention every ten words");
        group.throughput(Throughput::Bytes(md.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(words), &md, |b, md| {
            b.iter(|| {
                let (commentary, _) = parse_commentary(black_box(md), "bench.md").expect("parses");
                black_box(link_commentary(&commentary, &catalog, "bench.md"))
            });
        });
    }
    group.finish();
}

/// Reading a bundle (what the reader does with every `commentary.bundle` it fetches): the seed
/// with its base map, and the 20,000-word report with 200 entities (no map).
fn bundle_decode(c: &mut Criterion) {
    use commentary_reader::bundle;
    use commentary_reader::compile::compile;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let report_dir = std::env::temp_dir().join(format!("cr-bench-report-{}", std::process::id()));
    std::fs::create_dir_all(&report_dir).unwrap();
    let md = report(20_000, 200, 10).replace("+++\n\n", "entities = [\"entities.toml\"]\n+++\n\n");
    std::fs::write(report_dir.join("commentary.md"), md).unwrap();
    std::fs::write(report_dir.join("entities.toml"), catalog(200)).unwrap();
    let inputs = [("seed", root.join("static/commentaries/belarus-china-relations-2024")), ("report-20k", report_dir.clone())];
    let mut group = c.benchmark_group("bundle decode");
    for (name, folder) in inputs {
        let bytes = bundle::encode(&compile(&folder).0);
        assert!(matches!(bundle::decode(&bytes, "").expect("decodes"), bundle::Compiled::Ready(_)), "{name} compiles");
        println!("bundle {name}: {} bytes", bytes.len());
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), &bytes, |b, bytes| {
            b.iter(|| black_box(bundle::decode(black_box(bytes), "").expect("decodes")))
        });
    }
    group.finish();
    std::fs::remove_dir_all(&report_dir).unwrap();
}

criterion_group!(benches, parse_and_link, bundle_decode);
criterion_main!(benches);
