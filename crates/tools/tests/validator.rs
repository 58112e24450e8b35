//! The validator CLI (`commentary-reader check`) on the repo's commentaries and on the
//! deliberately broken fixtures in tests/fixtures/broken/ (each with its expected.txt).

use std::path::Path;
use std::process::Command;

fn check(folder: &Path) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_commentary-reader")).arg("check").arg(folder).output().expect("the validator runs");
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).expect("utf-8 output"))
}

#[test]
fn the_published_commentaries_and_the_guides_example_are_clean() {
    for root in ["static/commentaries", "docs/example"] {
        let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join(root);
        for entry in std::fs::read_dir(root).unwrap() {
            let folder = entry.unwrap().path();
            let (code, out) = check(&folder);
            assert_eq!((code, out.as_str()), (0, ""), "{}", folder.display());
        }
    }
}

#[test]
fn each_broken_fixture_is_reported_at_the_right_line() {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("tests/fixtures/broken");
    let mut folders: Vec<_> = std::fs::read_dir(&root).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_dir()).collect();
    folders.sort();
    assert!(folders.len() >= 15, "{} fixtures", folders.len());
    for folder in folders {
        let expected = std::fs::read_to_string(folder.join("expected.txt")).unwrap();
        let (code, out) = check(&folder);
        let prefix = format!("{}/", folder.display());
        // Every location starts with the folder as given, so a terminal can open it.
        for line in out.lines() {
            assert!(line.starts_with(&prefix), "{}: not located under the folder given: {line}", folder.display());
        }
        let printed: Vec<&str> = out.lines().map(|l| l.strip_prefix(&prefix).unwrap_or(l)).collect();
        // A line `! text` says no printed line may contain `text`.
        let (absent, lines): (Vec<&str>, Vec<&str>) = expected.lines().filter(|l| !l.trim().is_empty()).partition(|l| l.starts_with("! "));
        assert!(!lines.is_empty(), "{}: expected.txt is empty", folder.display());
        for line in &lines {
            assert!(printed.contains(line), "{}: missing\n  {line}\nprinted:\n  {}", folder.display(), printed.join("\n  "));
        }
        for text in absent.iter().map(|l| &l[2..]) {
            assert!(
                !printed.iter().any(|p| p.contains(text)),
                "{}: printed, though it should not be:\n  {text}\nprinted:\n  {}",
                folder.display(),
                printed.join("\n  ")
            );
        }
        let has_error = lines.iter().any(|l| l.contains(": error: "));
        assert_eq!(code, i32::from(has_error), "{}: exit code", folder.display());
    }
}

#[test]
fn usage_errors_exit_with_2() {
    let out = Command::new(env!("CARGO_BIN_EXE_commentary-reader")).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let usage = String::from_utf8_lossy(&out.stderr);
    assert!(usage.contains("usage: commentary-reader new <folder>") && usage.contains("commentary-reader check [--strict]"), "{usage}");
}

#[test]
fn strict_fails_on_warnings_for_a_cms_check_and_passes_a_clean_folder() {
    let run = |args: &[&str], folder: &Path| Command::new(env!("CARGO_BIN_EXE_commentary-reader")).args(args).arg(folder).output().unwrap();
    let warned = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("tests/fixtures/broken/did-you-mean");
    assert_eq!(run(&["check"], &warned).status.code(), Some(0), "warnings alone pass by default");
    let strict = run(&["check", "--strict"], &warned);
    assert_eq!(strict.status.code(), Some(1), "and fail with --strict");
    assert!(String::from_utf8_lossy(&strict.stderr).contains("--strict: the warnings fail the check"));
    let clean = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("static/commentaries/belarus-china-relations-2024");
    assert_eq!(run(&["check", "--strict"], &clean).status.code(), Some(0));
}

#[test]
fn the_seed_is_published_in_english_and_in_russian() {
    use commentary_reader::bundle::Compiled;
    let seed = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("static/commentaries/belarus-china-relations-2024");
    let all = commentary_compiler::compile::compile_all(&seed);
    assert_eq!(all.iter().map(|(lang, ..)| lang.as_deref()).collect::<Vec<_>>(), [None, Some("ru")]);
    for (_, _, diagnostics) in &all {
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
    }
    let loaded = |i: usize| match &all[i].1 {
        Compiled::Ready(l) => l,
        Compiled::Failed { message, .. } => panic!("{message}"),
    };
    let (en, ru) = (loaded(0), loaded(1));
    assert_eq!(en.languages, ru.languages, "both know every language");
    assert_eq!(en.languages.iter().map(|l| l.lang.as_str()).collect::<Vec<_>>(), ["en", "ru"]);
    assert_eq!(ru.languages[1].title, "Белорусско-китайские отношения в условиях геостратегических вызовов");
    // The same sections (by anchor), the same entities, each in its language.
    assert_eq!(en.sections.iter().map(|s| &s.slug).collect::<Vec<_>>(), ru.sections.iter().map(|s| &s.slug).collect::<Vec<_>>());
    let name = |l: &commentary_reader::bundle::Loaded, id: &str| l.catalog.get(l.catalog.index_of(id).unwrap()).name.clone();
    assert_eq!((name(en, "lukashenko"), name(ru, "lukashenko")), ("Aleksandr Lukashenko".to_owned(), "Александр Лукашенко".to_owned()));
    assert_eq!(
        en.catalog.get(en.catalog.index_of("minsk").unwrap()).location,
        ru.catalog.get(ru.catalog.index_of("minsk").unwrap()).location,
        "coordinates are the original's"
    );
    assert!(
        ru.linked.mentions.of(&commentary_reader::content::catalog::EntityId::new("beijing").unwrap()).len() >= 3,
        "Пекин, Пекина: inflected forms link"
    );
    let map = |l: &commentary_reader::bundle::Loaded| l.map.scene().expect("a map, drawn").clone();
    assert_eq!(map(ru).spec.title.as_deref(), Some("Беларусь на Евразийском сухопутном мосту между Китаем и ЕС"));
    assert_eq!(map(ru).basemap.country("POL").map(|c| c.name.as_str()), Some("Польша"), "a base-map country, translated by the map");
    assert_eq!(map(en).basemap.country("POL").map(|c| c.name.as_str()), Some("Poland"));
    // A paragraph link (#p-N) means the same paragraph in both.
    let paragraphs = |l: &commentary_reader::bundle::Loaded| {
        l.linked.body.blocks.iter().filter(|b| matches!(b, commentary_reader::content::Block::Paragraph { .. })).count()
    };
    assert_eq!(paragraphs(en), paragraphs(ru));
}
