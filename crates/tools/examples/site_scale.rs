//! `build --site` over a generated site of many commentaries sharing one catalog of 2,000
//! entities (issue 29): `cargo run --release --example site_scale [N…]` (default 50 100 200),
//! after a release build of the binary (`make dist`: target/release/commentary-reader). For each
//! N, a fresh site in the temporary folder, then the binary's wall time, per commentary, and the
//! bundles: the mean size with the shared catalog and the same commentaries' with the entries
//! they use copied into their own catalog. Reported, never asserted (BENCHMARKS.md).

#[path = "../tests/support/generated_site.rs"]
mod generated;

use std::path::Path;
use std::process::Command;
use std::time::Instant;

const ENTITIES: usize = 2000;

fn main() {
    let sizes: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let sizes = if sizes.is_empty() { vec![50, 100, 200] } else { sizes };
    let binary = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("target/release/commentary-reader");
    assert!(
        binary.is_file(),
        "{}: build it first (make dist, or cargo build --release -p commentary-tools --bin commentary-reader)",
        binary.display()
    );
    println!("| commentaries | build --site | per commentary | mean bundle (shared catalog) | mean bundle (own catalogs) | messages |");
    println!("| ---: | ---: | ---: | ---: | ---: | ---: |");
    for n in sizes {
        let root = std::env::temp_dir().join(format!("cr-site-scale-{n}"));
        let folders = generated::write_site(&root, n, ENTITIES);
        let start = Instant::now();
        let out = Command::new(&binary).arg("build").arg("--site").arg(&root).args(&folders).output().expect("the binary runs");
        let seconds = start.elapsed().as_secs_f64();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let messages = String::from_utf8_lossy(&out.stdout).lines().count();
        let size = |dir: &Path| std::fs::metadata(dir.join("commentary.bundle")).map_or(0, |m| m.len());
        let shared: u64 = folders.iter().map(|f| size(f)).sum();
        // The same commentaries with their entries in their own catalogs, built without a site.
        let twins: Vec<_> = (0..n)
            .map(|j| {
                let twin = root.join(format!("twins/c{j:03}"));
                std::fs::create_dir_all(&twin).unwrap();
                let used = generated::mentioned(j, ENTITIES);
                std::fs::write(twin.join("commentary.md"), generated::commentary(j, &used, "[\"entities.toml\"]")).unwrap();
                let own: String = used.iter().map(|i| generated::entry(*i)).collect::<String>() + &generated::own(j);
                std::fs::write(twin.join("entities.toml"), own).unwrap();
                twin
            })
            .collect();
        let built = Command::new(&binary).arg("build").args(&twins).output().expect("the binary runs");
        assert!(built.status.success());
        let own: u64 = twins.iter().map(|f| size(f)).sum();
        println!(
            "| {n} | {seconds:.1} s | {:.0} ms | {:.1} KB | {:.1} KB | {messages} |",
            seconds * 1000.0 / n as f64,
            shared as f64 / n as f64 / 1024.0,
            own as f64 / n as f64 / 1024.0
        );
        let _ = std::fs::remove_dir_all(&root);
    }
}
