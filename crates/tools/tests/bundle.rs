//! The compiled form (`commentary.bundle`): every published commentary and every broken
//! fixture compiles, and reading the bundle back gives exactly what the compiler made, so the
//! reader shows the same text, cards, map and warnings as if it had parsed the folder itself.

use std::path::{Path, PathBuf};
use std::process::Command;

use commentary_compiler::compile::compile;
use commentary_reader::bundle::{self, Compiled};

fn folders(under: &str) -> Vec<PathBuf> {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join(under);
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
    let folder = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("static/commentaries/belarus-china-relations-2024");
    let Compiled::Ready(loaded) = bundle::decode(&bundle::encode(&compile(&folder).0), "https://example.org/c/commentary.bundle").unwrap()
    else {
        panic!("the seed does not compile");
    };
    assert_eq!(loaded.url, "https://example.org/c/commentary.bundle");
    assert_eq!(loaded.front.title, "Belarus-China Relations amid Geostrategic Challenges");
    assert!(loaded.catalog.index_of("lukashenko").is_some());
    assert!(loaded.linked.mentions.by_ordinal.len() > 30, "{} mentions", loaded.linked.mentions.by_ordinal.len());
    let first = &loaded.linked.mentions.by_ordinal[0];
    assert_eq!(loaded.linked.mentions.of(first)[0], 0, "the per-entity index is rebuilt");
    let scene = loaded.map.scene().expect("a map, drawn").clone();
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
    let fixtures = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("tests/fixtures/broken");
    for name in ["missing-title", "unknown-entity-link"] {
        let dir = tmp.join(name);
        std::fs::create_dir_all(&dir).unwrap();
        for f in std::fs::read_dir(fixtures.join(name)).unwrap() {
            let f = f.unwrap().path();
            std::fs::copy(&f, dir.join(f.file_name().unwrap())).unwrap();
        }
    }
    let out = Command::new(env!("CARGO_BIN_EXE_commentary-reader"))
        .arg("build")
        .arg(tmp.join("missing-title"))
        .arg(tmp.join("unknown-entity-link"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "an error in a folder fails the build");
    let read = |name: &str| bundle::decode(&std::fs::read(tmp.join(name).join(bundle::FILE_NAME)).unwrap(), "").unwrap();
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
    let warning =
        diagnostics.iter().find(|d| d.message.contains("https://example.org/entities.toml")).expect("a warning about the remote catalog");
    assert!(warning.message.contains("neither checked nor compiled into the bundle"), "{warning}");
    assert_eq!(loaded.warnings, diagnostics, "the bundle carries the same warnings for the debug panel");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_damaged_entity_kind_is_refused_with_its_position() {
    let dir = std::env::temp_dir().join(format!("cr-bundle-kind-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("commentary.md"),
        "+++\ntitle = \"T\"\ndate = 2024-01-01\nlang = \"en\"\n[[authors]]\nname = \"A\"\n+++\n\nThe Summit met.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("entities.toml"),
        "[[entity]]\nid = \"kind-probe\"\nkind = \"event\"\nname = \"The Summit\"\nsummary = \"S.\"\n",
    )
    .unwrap();
    let (compiled, diagnostics) = compile(&dir);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let bytes = bundle::encode(&compiled);
    // An entity is written as its id (its length, then its bytes), then its kind's index
    // (event is the 7th kind: 6).
    let written = b"\x0akind-probe\x06";
    let at = bytes.windows(written.len()).position(|w| w == written).expect("the entity's id and kind") + written.len() - 1;
    let with = |kind: &[u8]| [&bytes[..at], kind, &bytes[at + 1..]].concat();
    let e = bundle::decode(&with(&[7]), "").expect_err("a kind that does not exist is refused");
    assert_eq!((e.at, e.message.as_str()), (at + 1, "a variant that does not exist in the catalog"));
    assert_eq!(e.to_string(), format!("not a usable commentary bundle (byte {}): a variant that does not exist in the catalog", at + 1));
    // 2^32 as a varint: variant 0 if the index were narrowed to 32 bits.
    let e = bundle::decode(&with(&[0x80, 0x80, 0x80, 0x80, 0x10]), "").expect_err("a kind past 32 bits is refused");
    assert_eq!((e.at, e.message.as_str()), (at + 5, "a malformed number in the catalog"));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Copies the folder `from` (its files, not sub-folders) to `to`.
fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for f in std::fs::read_dir(from).unwrap() {
        let f = f.unwrap().path();
        if f.is_file() {
            std::fs::copy(&f, to.join(f.file_name().unwrap())).unwrap();
        }
    }
}

/// Every `/`-rooted path in `text`: a `/` that starts a word (after a quote, a space, a bracket
/// or a backtick, or at the start) and is followed by a name, as in `"/home/editor/x.md:3:8`.
/// URLs (`https://…`) and relative names (`basemaps/…`, `Brest/Małaszewicze`) do not count.
fn rooted_paths(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut before = None;
    for (i, c) in text.char_indices() {
        let starts_word = before.is_none_or(|b: char| matches!(b, '"' | '\'' | '`' | ' ' | '(' | '[' | '=' | ','));
        if c == '/' && starts_word && text[i + 1..].starts_with(|n: char| n.is_alphanumeric() || n == '.' || n == '_') {
            found.push(text[i..].chars().take(60).collect());
        }
        before = Some(c);
    }
    found
}

#[test]
fn bundles_name_files_relative_to_the_folder_wherever_it_is_compiled() {
    assert_eq!(
        rooted_paths("[\"x\",\"/home/editor/work/x/commentary.md:3:8: error: e\"]"),
        ["/home/editor/work/x/commentary.md:3:8: error: e\"]"]
    );
    assert!(rooted_paths("[\"https://avim.org.tr/\",\"basemaps/eurasia.topo.json (bundled)\",\"Brest/Małaszewicze\"]").is_empty());

    let root = std::env::temp_dir().join(format!("cr-bundle-paths-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let manifest = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    let folders = [
        "static/commentaries/belarus-china-relations-2024",
        // Warnings in every file, a map that cannot be read, a commentary that cannot be shown,
        // an alias located in the catalog.
        "tests/fixtures/broken/map-place-out-of-range",
        "tests/fixtures/broken/map-syntax",
        "tests/fixtures/broken/missing-title",
        "tests/fixtures/broken/catalog-alias-twice",
        "tests/fixtures/broken/unknown-front-matter-key",
        "tests/fixtures/broken/front-matter-and-more",
    ];
    for folder in folders {
        let name = Path::new(folder).file_name().unwrap();
        let (here, there) = (root.join("one").join(name), root.join("two/deeper/still").join(name));
        copy_folder(&manifest.join(folder), &here);
        copy_folder(&manifest.join(folder), &there);
        let (compiled, diagnostics) = compile(&here);
        let bytes = bundle::encode(&compiled);
        for machine_path in [root.display().to_string(), manifest.display().to_string()] {
            assert!(!bytes.windows(machine_path.len()).any(|w| w == machine_path.as_bytes()), "{folder}: the bundle names {machine_path}");
        }
        // Every string the bundle holds, each in quotes.
        let strings = format!("{:?}", bundle::decode(&bytes, "").unwrap());
        assert_eq!(rooted_paths(&strings), Vec::<String>::new(), "{folder}: absolute paths in the bundle");
        assert_eq!(bundle::encode(&compile(&there).0), bytes, "{folder}: compiled elsewhere, the bundle differs");
        for d in &diagnostics {
            assert!(["commentary.md", "entities.toml", "map.toml"].contains(&d.file.as_str()), "{folder}: {d}");
        }
    }

    // What a reader sees names the file as the editor knows it.
    let (compiled, _) = compile(&root.join("one/map-syntax"));
    let Compiled::Ready(loaded) = compiled else { panic!("map-syntax shows its text") };
    match loaded.map {
        bundle::LoadedMap::Unavailable(note) => assert!(note.starts_with("map.toml:1:6: error: TOML syntax"), "{note}"),
        other => panic!("expected a map that cannot be drawn, got {other:?}"),
    }
    let Compiled::Failed { message, .. } = compile(&root.join("one/missing-title")).0 else { panic!("missing-title cannot be shown") };
    assert!(message.starts_with("commentary.md:2:1: error: front matter: `title` is missing"), "{message}");
    std::fs::remove_dir_all(&root).unwrap();
}

#[test]
fn a_front_matter_that_cannot_be_read_fails_the_bundle_but_not_the_checks() {
    let folder = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("tests/fixtures/broken/front-matter-and-more");
    let (compiled, diagnostics) = compile(&folder);
    let first = "commentary.md:2:17: error: front matter: TOML syntax: invalid basic string, expected `\"`";
    assert_eq!(
        compiled,
        Compiled::Failed { message: first.to_owned(), network: false },
        "readers get the front matter's error, and only that"
    );
    assert_eq!(bundle::decode(&bundle::encode(&compiled), "").unwrap(), compiled);
    let files: Vec<&str> = diagnostics.iter().map(|d| d.file.as_str()).collect();
    assert_eq!(diagnostics[0].to_string(), first);
    for file in ["commentary.md", "entities.toml", "map.toml"] {
        assert!(files.iter().filter(|f| **f == file).count() >= 2, "{file} is checked too: {diagnostics:#?}");
    }
}

#[test]
fn a_bundle_cut_short_anywhere_is_refused_where_it_ends() {
    let folder = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("static/commentaries/belarus-china-relations-2024");
    let bytes = bundle::encode(&compile(&folder).0);
    let n = bytes.len();
    // Every length near the start and the end, and a spread in between (a transfer that broke off).
    let lengths = (0..64).chain((64..n - 64).step_by(n / 400)).chain(n - 64..n);
    for len in lengths {
        let e = bundle::decode(&bytes[..len], "").expect_err("a bundle cut short is refused");
        if len < 25 {
            assert!(e.message.contains("not a commentary bundle"), "{len}: {e}");
        } else {
            assert_eq!(e.at, len, "{len}: {e}");
            assert!(e.message.starts_with("the file ends in the "), "{len}: {e}");
        }
    }
}

#[test]
fn the_fuzz_seeds_are_bundles_of_this_format() {
    // fuzz/seeds/bundle/ starts the `bundle` target from real bundles; after a format change
    // they must be written again (`commentary-reader build`, then copy), or fuzzing starts
    // from files refused at their header.
    let seeds = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("fuzz/seeds/bundle");
    for (name, ready) in
        [("belarus-china-relations-2024", true), ("rail-freight-land-bridge", true), ("map-syntax", true), ("failed", false)]
    {
        let bytes = std::fs::read(seeds.join(format!("{name}.bundle"))).unwrap();
        let read = bundle::decode(&bytes, "").unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(matches!(read, Compiled::Ready(_)), ready, "{name}");
    }
    let cut = std::fs::read(seeds.join("truncated.bundle")).unwrap();
    assert!(bundle::decode(&cut, "").unwrap_err().message.starts_with("the file ends in"));
}
