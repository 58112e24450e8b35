use super::*;
use crate::parse_commentary;

const BODY: &str = "Text.\n\nSee [someone](entity:nobody) here.\n\n## Trade\n\n<b>bold</b>\n";

fn texts(diagnostics: &[Diagnostic]) -> Vec<String> {
    diagnostics.iter().map(ToString::to_string).collect()
}

#[test]
fn a_readable_commentary_reads_as_the_reader_parses_it() {
    let source = format!("+++\ntitle = \"T\"\ndate = 2024-02-14\n+++\n{BODY}");
    let read = read_commentary(&source, "commentary.md");
    let (commentary, warnings) = parse_commentary(&source, "commentary.md").unwrap();
    assert_eq!((read.commentary, read.error, read.body_known, read.diagnostics), (commentary, None, true, warnings));
}

#[test]
fn a_front_matter_with_errors_still_gives_its_body_and_what_it_names() {
    let source = format!("+++\ntitle = \"T\"\ndate = \"2024\"\nmap = \"maps/m.toml\"\n+++\n{BODY}");
    let read = read_commentary(&source, "commentary.md");
    let error = read.error.expect("the date keeps readers from it");
    assert_eq!(
        error.to_string(),
        "commentary.md:3:8: error: front matter: `date` must be a date without quotes, e.g. 2024-02-14, not a string"
    );
    let texts = texts(&read.diagnostics);
    assert!(texts.contains(&error.to_string()), "the error is in the list too, as the reader gets it: {texts:?}");
    assert!(texts.iter().any(|t| t.starts_with("commentary.md:12:1: warning: raw HTML")), "the body is checked, at its lines: {texts:?}");
    assert!(read.body_known);
    let map = plan(&read.commentary.front).into_iter().find(|r| r.need == Need::Map).unwrap();
    assert_eq!(map.address, Address::Folder("maps/m.toml".into()), "the map it names is checked");
    assert_eq!(sections(&link(&read.commentary)).len(), 2, "intro and Trade");
}

fn link(commentary: &Commentary) -> Linked {
    crate::link_commentary(commentary, &Catalog::merge([Vec::new()]), "commentary.md").0
}

#[test]
fn without_front_matter_the_whole_file_is_the_body_and_unclosed_leaves_none() {
    let read = read_commentary(&format!("\u{feff}{BODY}"), "commentary.md");
    assert!(read.error.is_some() && read.body_known);
    assert_eq!(
        texts(&read.diagnostics)[0],
        "commentary.md:1:1: error: a commentary must start with front matter: a line `+++`, TOML (title, date, …), then another `+++` line"
    );
    assert!(texts(&read.diagnostics).iter().any(|t| t.starts_with("commentary.md:7:1: warning: raw HTML")), "{:?}", read.diagnostics);
    let read = read_commentary(&format!("+++\ntitle = \"T\"\n{BODY}"), "commentary.md");
    assert_eq!(
        texts(&read.diagnostics),
        ["commentary.md:1:1: error: the front matter opened here is never closed: add a `+++` line after the TOML"]
    );
    assert!(!read.body_known && read.commentary.body.blocks.is_empty());
}

#[test]
fn chapters_are_checked_only_against_a_known_body() {
    let map = TextFile { name: "map.toml".into(), text: "[[chapter]]\nsection = \"trade\"\nfocus = [\"BLR\"]\n".into() };
    let basemap = TextFile {
        name: "b.json".into(),
        text: r#"{"type":"Topology","arcs":[],"objects":{"countries":{"type":"GeometryCollection","geometries":[]}}}"#.into(),
    };
    let empty = Catalog::merge([Vec::new()]);
    let warnings_with = |sections: Option<&[Section]>| {
        let mut warnings = Vec::new();
        let spec = read_map(&map, &mut warnings).unwrap();
        build_scene(spec, &basemap, &empty, sections, "map.toml", &mut warnings).unwrap();
        texts(&warnings)
    };
    let intro_only = [Section::intro()];
    assert_eq!(
        warnings_with(Some(&intro_only)),
        ["map.toml:2:11: error: chapter `trade` names no section of the commentary (headings: ), so the map leaves it out"]
    );
    assert!(warnings_with(None).is_empty());
}

#[test]
fn map_words_a_translation_leaves_untranslated_are_named_at_its_table_or_at_the_map() {
    let words = |text: &str| {
        let mut d = Vec::new();
        let spec = read_map(&TextFile { name: "map.toml".into(), text: text.into() }, &mut d).unwrap();
        assert!(d.is_empty(), "{d:?}");
        untranslated_words(&spec, "ru", "map.toml").map(|d| d.to_string())
    };
    let map = "title = \"T\"\n[[highlight]]\ncountries = [\"BLR\"]\nlabel = \"Belarus\"\n";
    assert_eq!(
        words(map).as_deref(),
        Some("map.toml:1:1: warning: the map has no [translations.ru], so its 2 texts stay untranslated: the title \"T\", highlight label \"Belarus\"; add [translations.ru] with `\"T\" = \"…\"` for each")
    );
    let de_only = format!("{map}\n[translations.de]\n\"T\" = \"D\"\n");
    let de = words(&de_only).unwrap();
    assert!(de.starts_with("map.toml:6:2: warning: the map has no [translations.ru]"), "at [translations]: {de}");
    let all = format!("{map}\n[translations.ru]\n\"T\" = \"Т\"\n\"Belarus\" = \"Беларусь\"\n");
    assert_eq!(words(&all), None);
}

/// A message about something else, then one saying each of `ids` is not in the catalog.
fn knock_ons(ids: &[&str]) -> Vec<Diagnostic> {
    let mut out = vec![Diagnostic::warning("commentary.md", (2, 1), "no `[[authors]]`: the byline will be empty")];
    for (i, id) in ids.iter().enumerate() {
        out.push(Diagnostic::warning("commentary.md", (10 + i, 1), format!("unknown entity id `{id}`")).with_unknown_id(id));
    }
    out
}

#[test]
fn a_lost_catalog_folds_the_messages_it_may_cause_into_one_note_after_its_error() {
    let report = Diagnostic::error("entities.toml", (9, 10), "TOML syntax: unclosed array table, expected `]`");
    let mut lost = LostCatalog::default();
    lost.record(&report);
    lost.record(&Diagnostic::error("other.toml", (1, 1), "listed in the front matter but not found"));
    let mut diagnostics = knock_ons(&["minsk", "brest", "minsk", "belarus", "warsaw"]);
    diagnostics.insert(0, report.clone());
    lost.fold(&mut diagnostics);
    assert_eq!(
        texts(&diagnostics),
        [
            "entities.toml:9:10: error: TOML syntax: unclosed array table, expected `]`",
            "entities.toml:9:10: warning: 5 messages about ids not in the catalog (`minsk`, `brest`, `belarus`, …) are left out: none of this catalog's entities could be read, so they may all follow from this; fix it and check again",
            "commentary.md:2:1: warning: no `[[authors]]`: the byline will be empty",
        ]
    );
    let mut one = knock_ons(&["minsk"]);
    one.push(report);
    lost.fold(&mut one);
    assert!(
        texts(&one)[2].starts_with("entities.toml:9:10: warning: 1 message about ids not in the catalog (`minsk`) is left out"),
        "{:?}",
        texts(&one)
    );
}

#[test]
fn without_a_lost_catalog_or_knock_ons_nothing_is_folded() {
    let mut diagnostics = knock_ons(&["nobody"]);
    LostCatalog::default().fold(&mut diagnostics);
    assert_eq!(diagnostics, knock_ons(&["nobody"]));
    let mut lost = LostCatalog::default();
    lost.record(&Diagnostic::error("entities.toml", (1, 1), "TOML syntax"));
    let mut diagnostics = knock_ons(&[]);
    lost.fold(&mut diagnostics);
    assert_eq!(diagnostics, knock_ons(&[]), "no note when nothing followed");
}

#[test]
fn a_catalog_that_cannot_be_read_is_recorded_as_lost_and_a_broken_entry_is_not() {
    let mut warnings = Vec::new();
    let mut lost = LostCatalog::default();
    let broken_entry = TextFile { name: "a.toml".into(), text: "[[entity]]\nid = \"x\"\nkind = \"person\"\nname = \"X\"\n".into() };
    read_catalogs([Admitted::Found(broken_entry)].into_iter(), &mut warnings, &mut lost);
    assert_eq!(lost, LostCatalog::default(), "{warnings:?}");
    let unreadable = TextFile { name: "b.toml".into(), text: "[[entity]\n".into() };
    read_catalogs([Admitted::Found(unreadable)].into_iter(), &mut warnings, &mut lost);
    let mut diagnostics = knock_ons(&["x"]);
    lost.fold(&mut diagnostics);
    assert!(
        texts(&diagnostics).iter().any(|t| t.starts_with("b.toml:1:") && t.contains("1 message about ids not in the catalog")),
        "{diagnostics:?}"
    );
}

#[test]
fn names_are_relative_to_the_folder_whatever_file_wrote_the_reference() {
    assert_eq!(name_beside("commentary.md", "entities.toml"), "entities.toml");
    assert_eq!(name_beside("commentary.md", "./data/entities.toml"), "data/entities.toml");
    assert_eq!(name_beside("commentary.md", "../shared/entities.toml"), "../shared/entities.toml");
    assert_eq!(name_beside("maps/map.toml", "../basemaps/x.topo.json"), "basemaps/x.topo.json");
    assert_eq!(name_beside("maps/map.toml", "../../basemaps/x.topo.json"), "../basemaps/x.topo.json");
    assert_eq!(name_beside("../shared/map.toml", "../../x.json"), "../../x.json");
    assert_eq!(name_beside("commentary.md", "/srv/shared/entities.toml"), "/srv/shared/entities.toml", "the editor's own absolute path");
}

#[test]
fn remote_references_are_urls_and_paths_are_not() {
    for url in ["https://example.org/e.toml", "http://x/e.toml", "//cdn.example.org/e.toml", "blob:https://h/0f9a", "data:text/plain,x"] {
        assert!(is_remote(url), "{url}");
    }
    for path in ["entities.toml", "../shared/e.toml", "/srv/e.toml", "C:\\data\\e.toml", "maps/a:b.toml"] {
        assert!(!is_remote(path), "{path}");
    }
}

#[test]
fn references_resolve_against_urls_as_a_browser_does() {
    let base = "https://example.org/c/x/commentary.md?v=2#top";
    assert_eq!(join(base, "entities.toml"), "https://example.org/c/x/entities.toml");
    assert_eq!(join(base, "../shared/./e.toml"), "https://example.org/c/shared/e.toml");
    assert_eq!(join(base, "../../../../e.toml"), "https://example.org/e.toml", "`..` stops at the root");
    assert_eq!(join(base, "/e.toml"), "https://example.org/e.toml");
    assert_eq!(join(base, "//cdn.example.net/e.toml"), "https://cdn.example.net/e.toml");
    assert_eq!(join(base, "https://other.example/e.toml"), "https://other.example/e.toml");
    assert_eq!(join("https://example.org", "e.toml"), "https://example.org/e.toml");
    assert_eq!(join("https://example.org/cr/", "basemaps/eurasia.topo.json"), "https://example.org/cr/basemaps/eurasia.topo.json");
    assert_eq!(join("maps/map.toml", "../b.json"), "b.json", "a folder name is not a URL");
}

#[test]
fn a_reference_is_located_beside_the_file_that_wrote_it() {
    let commentary = Address::Folder(COMMENTARY.into());
    assert_eq!(locate(&commentary, "./data/e.toml"), Address::Folder("data/e.toml".into()));
    assert_eq!(locate(&commentary, "https://example.org/e.toml"), Address::Remote("https://example.org/e.toml".into()));
    let map = locate(&commentary, "maps/map.toml");
    assert_eq!(locate(&map, "../basemaps/w.json"), Address::Folder("basemaps/w.json".into()));
    let remote_map = Address::Remote("https://example.org/m/map.toml".into());
    assert_eq!(locate(&remote_map, "w.json"), Address::Remote("https://example.org/m/w.json".into()), "beside a remote file is remote");
    let spec = MapSpec::default();
    assert_eq!(
        basemap_request(&map, &spec),
        Request { need: Need::Basemap, address: Address::Widget(DEFAULT_BASEMAP_PATH.into()), asked: Asked::Required }
    );
}

#[test]
fn files_are_named_relative_to_the_folder_natively_and_by_url_in_the_browser() {
    let urls = Naming::Urls { commentary: "https://example.org/c/x/article.md".into(), assets: "https://example.org/cr/".into() };
    let (folder, widget) = (Address::Folder("../shared/e.toml".into()), Address::Widget(DEFAULT_BASEMAP_PATH.into()));
    assert_eq!(
        (Naming::Folder.commentary(), Naming::Folder.name(&folder), Naming::Folder.name(&widget)),
        ("commentary.md".into(), "../shared/e.toml".into(), "basemaps/eurasia.topo.json (bundled)".into())
    );
    assert_eq!(
        (urls.commentary(), urls.name(&folder), urls.name(&widget)),
        (
            "https://example.org/c/x/article.md".into(),
            "https://example.org/c/shared/e.toml".into(),
            "https://example.org/cr/basemaps/eurasia.topo.json".into()
        )
    );
}

#[test]
fn the_plan_asks_for_what_the_front_matter_names_or_the_defaults() {
    let mut front = front_matter::stand_in();
    let requests = plan(&front);
    let by_default = |need, name: &str| Request { need, address: Address::Folder(name.into()), asked: Asked::ByDefault };
    assert_eq!(requests, [by_default(Need::Catalog(0), DEFAULT_CATALOG), by_default(Need::Map, DEFAULT_MAP)]);
    front.entities = Some(vec!["../shared/e.toml".into(), "https://example.org/e.toml".into()]);
    front.map = Some("maps/m.toml".into());
    let named = |need, address, reference: &str| Request { need, address, asked: Asked::Named(reference.into()) };
    assert_eq!(
        plan(&front),
        [
            named(Need::Catalog(0), Address::Folder("../shared/e.toml".into()), "../shared/e.toml"),
            named(Need::Catalog(1), Address::Remote("https://example.org/e.toml".into()), "https://example.org/e.toml"),
            named(Need::Map, Address::Folder("maps/m.toml".into()), "maps/m.toml"),
        ]
    );
}

#[test]
fn an_answer_to_a_request_not_made_is_ignored_and_unanswered_ones_count_as_absent() {
    let mut pipeline = Pipeline::new(Purpose::Check, Naming::Folder);
    let stray = Request { need: Need::Map, address: Address::Folder("map.toml".into()), asked: Asked::ByDefault };
    pipeline.admit(&stray, Answer::Text("[view".into()));
    // Checking, the gazetteer is asked for beside commentary.md (readers' pipelines never ask).
    assert_eq!(pipeline.requests().iter().map(|r| r.need).collect::<Vec<_>>(), [Need::Commentary, Need::Gazetteer], "still waiting");
    assert_eq!(Pipeline::new(Purpose::Show, Naming::Folder).requests().len(), 1);
    assert_eq!(Pipeline::translation(Purpose::Check, Naming::Folder, "ru").requests().len(), 1);
    let request = pipeline.requests()[0].clone();
    pipeline.admit(
        &request,
        Answer::Text("+++\ntitle = \"T\"\ndate = 2024-01-01\nlang = \"en\"\n[[authors]]\nname = \"A\"\n+++\nText.\n".into()),
    );
    assert_eq!(pipeline.requests().iter().map(|r| r.need).collect::<Vec<_>>(), [Need::Gazetteer, Need::Catalog(0), Need::Map]);
    let (compiled, diagnostics) = pipeline.finish();
    assert!(matches!(compiled, Compiled::Ready(_)) && diagnostics.is_empty(), "{diagnostics:?}");
}
