//! The compiled form (`commentary.bundle.json`): every published commentary and every broken
//! fixture compiles, and reading the bundle back gives exactly what the compiler made, so the
//! reader shows the same text, cards, map and warnings as if it had parsed the folder itself.

use std::path::{Path, PathBuf};
use std::process::Command;

use commentary_reader::bundle::{self, Compiled};
use commentary_reader::compile::compile;

fn folders(under: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(under);
    let mut out: Vec<PathBuf> = std::fs::read_dir(root).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_dir()).collect();
    out.sort();
    out
}

#[test]
fn every_folder_reads_back_exactly_as_compiled() {
    let all: Vec<PathBuf> = folders("static/commentaries").into_iter().chain(folders("tests/fixtures/broken")).collect();
    assert!(all.len() >= 20);
    for folder in all {
        let (compiled, _) = compile(&folder);
        let text = bundle::encode(&compiled);
        let read = bundle::decode(&text, "").unwrap_or_else(|e| panic!("{}: {e}", folder.display()));
        assert_eq!(read, compiled, "{}", folder.display());
        // The same folder always gives the same bytes (maps are written sorted).
        assert_eq!(bundle::encode(&compile(&folder).0), text, "{}: not deterministic", folder.display());
    }
}

#[test]
fn the_seed_bundle_keeps_text_cards_map_and_sections() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("static/commentaries/belarus-china-relations-2024");
    let Compiled::Ready(loaded) = bundle::decode(&bundle::encode(&compile(&folder).0), "https://example.org/c/commentary.bundle.json").unwrap() else {
        panic!("the seed does not compile");
    };
    assert_eq!(loaded.url, "https://example.org/c/commentary.bundle.json");
    assert_eq!(loaded.front.title, "Belarus-China Relations amid Geostrategic Challenges");
    assert!(loaded.catalog.index_of("lukashenko").is_some());
    assert!(loaded.linked.mentions.by_ordinal.len() > 30, "{} mentions", loaded.linked.mentions.by_ordinal.len());
    let first = &loaded.linked.mentions.by_ordinal[0];
    assert_eq!(loaded.linked.mentions.of(first)[0], 0, "the per-entity index is rebuilt");
    let scene = loaded.map.expect("a map").expect("drawn");
    let belarus = scene.basemap.country("BLR").expect("Belarus on the base map");
    let minsk = (27.56, 53.9);
    let (lons, lats): (Vec<f64>, Vec<f64>) = belarus.rings.iter().flatten().map(|p| (p.lon, p.lat)).unzip();
    assert!(lons.iter().cloned().fold(f64::MAX, f64::min) < minsk.0 && lons.iter().cloned().fold(f64::MIN, f64::max) > minsk.0);
    assert!(lats.iter().cloned().fold(f64::MAX, f64::min) < minsk.1 && lats.iter().cloned().fold(f64::MIN, f64::max) > minsk.1);
    assert!(loaded.sections.len() > 1);
}

#[test]
fn build_writes_a_bundle_even_for_a_folder_that_cannot_be_shown() {
    let tmp = std::env::temp_dir().join(format!("cr-bundle-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/broken");
    for name in ["missing-title", "unknown-entity-link"] {
        let dir = tmp.join(name);
        std::fs::create_dir_all(&dir).unwrap();
        for f in std::fs::read_dir(fixtures.join(name)).unwrap() {
            let f = f.unwrap().path();
            std::fs::copy(&f, dir.join(f.file_name().unwrap())).unwrap();
        }
    }
    let out = Command::new(env!("CARGO_BIN_EXE_commentary-reader")).arg("build").arg(tmp.join("missing-title")).arg(tmp.join("unknown-entity-link")).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "an error in a folder fails the build");
    let read = |name: &str| bundle::decode(&std::fs::read_to_string(tmp.join(name).join(bundle::FILE_NAME)).unwrap(), "").unwrap();
    match read("missing-title") {
        Compiled::Failed { message, network } => {
            assert!(message.contains("commentary.md:") && message.contains("title"), "{message}");
            assert!(!network);
        }
        other => panic!("expected a failed bundle, got {other:?}"),
    }
    match read("unknown-entity-link") {
        Compiled::Ready(loaded) => assert!(loaded.warnings.iter().any(|w| w.message.contains("unknown")), "{:?}", loaded.warnings),
        other => panic!("expected a commentary, got {other:?}"),
    }
    std::fs::remove_dir_all(&tmp).unwrap();
}

#[test]
fn a_remote_catalog_is_left_out_with_a_warning_that_says_so() {
    let dir = std::env::temp_dir().join(format!("cr-bundle-remote-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("commentary.md"),
        "+++\ntitle = \"T\"\ndate = 2024-01-01\nlang = \"en\"\nentities = [\"https://example.org/entities.toml\"]\n[[authors]]\nname = \"A\"\n+++\n\nMinsk.\n",
    )
    .unwrap();
    let (compiled, diagnostics) = compile(&dir);
    let Compiled::Ready(loaded) = compiled else { panic!("the commentary compiles") };
    assert!(loaded.catalog.is_empty());
    let warning = diagnostics.iter().find(|d| d.message.contains("https://example.org/entities.toml")).expect("a warning about the remote catalog");
    assert!(warning.message.contains("neither checked nor compiled into the bundle"), "{warning}");
    assert_eq!(loaded.warnings, diagnostics, "the bundle carries the same warnings for the debug panel");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_damaged_entity_kind_is_refused_with_its_position() {
    let dir = std::env::temp_dir().join(format!("cr-bundle-kind-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("commentary.md"), "+++\ntitle = \"T\"\ndate = 2024-01-01\nlang = \"en\"\n[[authors]]\nname = \"A\"\n+++\n\nThe Summit met.\n").unwrap();
    std::fs::write(dir.join("entities.toml"), "[[entity]]\nid = \"kind-probe\"\nkind = \"event\"\nname = \"The Summit\"\nsummary = \"S.\"\n").unwrap();
    let (compiled, diagnostics) = compile(&dir);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let text = bundle::encode(&compiled);
    // An entity is written as its id, then its kind's index (event is the 7th kind: 6).
    let written = "\"kind-probe\",6,";
    let at = text.find(written).expect("the entity's id and kind") + written.len() - 2;
    for damaged in ["7", "4294967296"] {
        let e = bundle::decode(&format!("{}{damaged}{}", &text[..at], &text[at + 1..]), "").expect_err("a kind that does not exist is refused");
        assert_eq!((e.at, e.message.as_str()), (at, format!("variant {damaged} of EntityKind does not exist").as_str()));
        assert_eq!(e.to_string(), format!("not a usable commentary bundle (byte {at}): variant {damaged} of EntityKind does not exist"));
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
