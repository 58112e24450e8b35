//! A site whose commentaries share one catalog of 2,000 entities (issue 29): each bundle
//! carries what its commentary shows, about the size it would be with those entries copied into
//! the folder's own catalog, and the checker speaks only of the folder's own unused entries.

#[path = "support/generated_site.rs"]
mod generated;

use std::path::Path;

use commentary_reader::bundle::{self, Compiled};
use commentary_reader::compile::compile;

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
