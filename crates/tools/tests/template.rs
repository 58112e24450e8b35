//! `commentary-reader new`: a new commentary from the template, which passes the checker, shows
//! its cards and its map, is dated the day it is made, and never overwrites an editor's files.

use std::process::Command;

use commentary_compiler::compile::compile;
use commentary_reader::bundle::Compiled;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_commentary-reader")).args(args).output().expect("the command line runs");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn a_new_commentary_passes_the_checker_and_shows_its_cards_and_map() {
    let root = std::env::temp_dir().join(format!("cr-new-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let dir = root.join("my-commentary");
    let (code, out, err) = run(&["new", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("commentary.md") && out.contains("entities.toml") && out.contains("map.toml"), "{out}");
    assert!(out.contains("commentary-reader check"), "it says what to do next: {out}");

    let (code, out, err) = run(&["check", dir.to_str().unwrap()]);
    assert_eq!((code, err.trim_end()), (0, "checked 1 folder(s): 0 error(s), 0 warning(s)"), "{out}");

    let text = std::fs::read_to_string(dir.join("commentary.md")).unwrap();
    assert!(text.contains(&format!("date = {}", commentary_tools::template::today())), "dated today:\n{text}");
    let (Compiled::Ready(loaded), _) = compile(&dir) else { panic!("the template shows") };
    assert_eq!(loaded.catalog.entities().len(), 3, "a country, a place and an organisation, each with its card");
    let mentioned: Vec<&str> = loaded.linked.mentions.by_ordinal.iter().map(|id| id.as_str()).collect();
    for id in ["kazakhstan", "aktau", "example-institute"] {
        assert!(mentioned.contains(&id), "the text mentions {id}: {mentioned:?}");
    }
    let scene = loaded.map.scene().expect("the map draws");
    assert_eq!(scene.spec.chapters.len(), 2, "a chapter for the intro and one for the section");

    // A second `new` into the same folder leaves the editor's files alone.
    std::fs::write(dir.join("commentary.md"), "edited").unwrap();
    let (code, _, err) = run(&["new", dir.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("already has commentary.md"), "{err}");
    assert_eq!(std::fs::read_to_string(dir.join("commentary.md")).unwrap(), "edited");
    let (code, _, _) = run(&["new"]);
    assert_eq!(code, 2, "no folder: usage");
    std::fs::remove_dir_all(&root).unwrap();
}
