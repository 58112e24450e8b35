//! A site whose commentaries share one catalog of 2,000 entities (issue 29): each bundle
//! carries what its commentary shows, about the size it would be with those entries copied into
//! the folder's own catalog, and the checker speaks only of the folder's own unused entries.

#[path = "support/generated_site.rs"]
mod generated;

use std::path::Path;

use commentary_compiler::compile::compile;
use commentary_reader::bundle::{self, Compiled};

#[test]
fn each_bundle_carries_what_its_commentary_shows_and_only_its_own_unused_entries_are_reported() {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("site-catalog");
    let folders = generated::write_site(&root, 6, 2000);
    for (j, folder) in folders.iter().enumerate() {
        let (compiled, diagnostics) = compile(folder);
        let Compiled::Ready(loaded) = &compiled else { panic!("c{j:03} compiles: {diagnostics:?}") };
        let mut ids: Vec<String> = loaded.catalog.entities().iter().map(|e| e.id.to_string()).collect();
        ids.sort();
        let mut expected: Vec<String> = generated::mentioned(j, 2000).iter().map(|i| format!("e{i:04}")).collect();
        expected.push(format!("local{j}"));
        expected.sort();
        assert_eq!(ids, expected, "c{j:03}: the mentioned entities, and only those");
        // One message: the folder's own entry its text never mentions; none of the 1,988 shared
        // entries it does not use.
        let messages: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
        assert_eq!(messages.len(), 1, "c{j:03}: {messages:#?}");
        assert!(
            messages[0].starts_with("entities.toml:") && messages[0].contains(&format!("`unused{j}` is neither mentioned")),
            "{}",
            messages[0]
        );
        // The same commentary with those entries in its own catalog, and no shared one.
        let twin = root.join(format!("twins/c{j:03}"));
        std::fs::create_dir_all(&twin).unwrap();
        let shared = generated::mentioned(j, 2000);
        std::fs::write(twin.join("commentary.md"), generated::commentary(j, &shared, "[\"entities.toml\"]")).unwrap();
        let own: String = shared.iter().map(|i| generated::entry(*i)).collect::<String>() + &generated::own(j);
        std::fs::write(twin.join("entities.toml"), own).unwrap();
        let (twin_compiled, _) = compile(&twin);
        let (with_shared, without) = (bundle::encode(&compiled).len(), bundle::encode(&twin_compiled).len());
        assert!(with_shared as f64 <= 1.25 * without as f64, "c{j:03}: {with_shared} bytes with the shared catalog, {without} without");
    }
}

/// The bundle `build --site` wrote for commentary `j` of the generated site at `root`.
fn built(root: &Path, j: usize) -> commentary_reader::bundle::Loaded {
    let bytes = std::fs::read(root.join(format!("commentaries/c{j:03}/commentary.bundle"))).unwrap();
    match bundle::decode(&bytes, "").unwrap() {
        Compiled::Ready(loaded) => loaded,
        Compiled::Failed { message, .. } => panic!("c{j:03}: {message}"),
    }
}

#[test]
fn each_card_says_where_else_the_site_discusses_its_entity_newest_first() {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("site-elsewhere");
    let folders = generated::write_site(&root, 7, 2000);
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_commentary-reader"))
        .arg("build")
        .arg("--site")
        .arg(&root)
        .args(&folders)
        .output()
        .unwrap();
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    // Commentaries 0, 3 and 6 share entity e0000; 1 and 4 share e0001; no other entity is shared.
    for j in 0..7 {
        let loaded = built(&root, j);
        let shared = format!("e{:04}", j % 3);
        let ids: Vec<&str> = loaded.elsewhere.iter().map(|x| x.entity.as_str()).collect();
        assert_eq!(ids, [shared.as_str()], "c{j:03}");
        let others: Vec<usize> = (0..7).filter(|k| *k != j && k % 3 == j % 3).collect();
        let pages = &loaded.elsewhere[0].pages;
        let mut expected: Vec<usize> = others.clone();
        // The newest first: dates are 2025-(1 + k % 12)-(1 + k % 28).
        expected.sort_by_key(|k| std::cmp::Reverse(*k));
        let hrefs: Vec<&str> = pages.iter().map(|p| p.href.as_str()).collect();
        let wanted: Vec<String> = expected.iter().map(|k| format!("/commentaries/c{k:03}/")).collect();
        assert_eq!(hrefs, wanted, "c{j:03}");
        assert!(pages.iter().all(|p| p.title.starts_with("Generated commentary ") && p.lang == "en"));
        // Every address names a page the build wrote.
        for p in pages {
            assert!(root.join(p.href.trim_start_matches('/')).join("index.html").is_file(), "{}", p.href);
        }
    }
}
