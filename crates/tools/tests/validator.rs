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

#[test]
fn suggest_lists_the_templates_candidates_and_writes_entries_that_link_them() {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    let run = |args: &[&str]| Command::new(env!("CARGO_BIN_EXE_commentary-reader")).args(args).output().unwrap();
    let template = root.join("static/template");
    let listed = run(&["check", "--suggest", template.to_str().unwrap()]);
    assert_eq!(listed.status.code(), Some(0));
    let stdout = String::from_utf8(listed.stdout).unwrap();
    let names: Vec<&str> = stdout.lines().filter_map(|l| l.split('`').nth(1)).collect();
    assert_eq!(names, ["Atyrau", "Black Sea", "Caspian Pipeline Consortium", "Azerbaijan", "Georgia"], "{stdout}");
    assert!(stdout.lines().all(|l| l.contains("static/template/commentary.md:") && l.contains(": candidate: ")), "{stdout}");
    assert!(String::from_utf8_lossy(&listed.stderr).ends_with("0 error(s), 0 warning(s), 5 suggestion(s)\n"));
    // `suggest` writes their entries; appended to a copy of the catalog, every name links and
    // the checker asks only for the summaries.
    let dir = std::env::temp_dir().join(format!("commentary-suggest-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for f in ["commentary.md", "entities.toml", "map.toml"] {
        std::fs::copy(template.join(f), dir.join(f)).unwrap();
    }
    let toml = String::from_utf8(run(&["suggest", dir.to_str().unwrap()]).stdout).unwrap();
    assert!(toml.contains("id = \"azerbaijan\"\nkind = \"country\"\nname = \"Azerbaijan\""), "{toml}");
    let catalog = std::fs::read_to_string(dir.join("entities.toml")).unwrap() + "\n" + &toml;
    std::fs::write(dir.join("entities.toml"), catalog).unwrap();
    let again = run(&["check", "--suggest", dir.to_str().unwrap()]);
    let out = String::from_utf8(again.stdout).unwrap();
    assert!(!out.contains(": candidate: "), "{out}");
    let warnings: Vec<&str> = out.lines().collect();
    // Five drafts to write, and the Black Sea, a place the gazetteer has no point for.
    assert_eq!(warnings.iter().filter(|l| l.contains("the summary is still a draft")).count(), 5, "{out}");
    assert_eq!(warnings.len(), 6, "{out}");
    assert!(out.contains("`black-sea` is a place without lat/lon"), "{out}");
}
