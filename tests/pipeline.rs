//! The folder pipeline (`commentary_reader::folder::Pipeline`) fed in-memory folders by two
//! drivers that do what the real ones do: the native one (`check`/`build`: names relative to
//! the folder, every problem, remote files never fetched) and the browser's (names by URL,
//! what readers get, remote files fetched). Each case asserts the messages both print, and
//! that they are the same messages apart from how files are named.

use commentary_reader::bundle::{Compiled, LoadedMap};
use commentary_reader::folder::{Address, Answer, Failure, Naming, Pipeline, Purpose, DEFAULT_BASEMAP_PATH};

/// Where the browser's `commentary.md` is, and the folder its URL names.
const URL: &str = "https://example.org/c/x/commentary.md";
const FOLDER_URL: &str = "https://example.org/c/x/";
/// The folder the widget's own files come from.
const ASSETS: &str = "https://example.org/cr/";

/// One file of an in-memory folder, by the name a driver looks it up with: a folder-relative
/// name, a URL, or `widget:` and a name among the widget's own files.
#[derive(Clone)]
enum Served {
    Text(String),
    Fails(Failure),
}

/// The text `text`, served.
fn text(text: &str) -> Served {
    Served::Text(text.to_owned())
}

type Files = Vec<(String, Served)>;

#[derive(Clone, Copy, PartialEq, Debug)]
enum Driver {
    Native,
    Browser,
}

/// A small base map: Belarus as a box.
const BASEMAP: &str = r#"{"type":"Topology","arcs":[[[23,51],[33,51],[33,56],[23,56],[23,51]]],"objects":{"countries":{"type":"GeometryCollection","geometries":[{"type":"Polygon","arcs":[[0]],"properties":{"a3":"BLR","name":"Belarus"}}]}}}"#;

const FRONT: &str = "title = \"T\"\ndate = 2024-01-01\nlang = \"en\"\n[[authors]]\nname = \"A\"\n";
const BODY: &str = "\nMinsk is in [Belarus](entity:belarus).\n\n## Trade\n\nMore on Minsk.\n";

const ENTITIES: &str = "[[entity]]\nid = \"minsk\"\nkind = \"place\"\nname = \"Minsk\"\nsummary = \"The capital.\"\nlat = 53.9\nlon = 27.56\n\n[[entity]]\nid = \"belarus\"\nkind = \"country\"\nname = \"Belarus\"\nsummary = \"A country.\"\niso = \"BLR\"\n";

const MAP: &str = "title = \"Minsk\"\n[[highlight]]\ncountries = [\"BLR\"]\nlabel = \"Belarus\"\n\n[[route]]\nid = \"r\"\nname = \"R\"\nkind = \"rail\"\nvia = [\"minsk\", \"brest\"]\n\n[[place]]\nid = \"brest\"\nname = \"Brest\"\nlat = 52.1\nlon = 23.7\n\n[[chapter]]\nsection = \"trade\"\nfocus = [\"BLR\"]\n";

/// A `commentary.md` whose front matter has `extra` (e.g. `entities = […]`) before the authors.
fn commentary(extra: &str) -> Served {
    Served::Text(format!("+++\n{extra}{FRONT}+++\n{BODY}"))
}

/// A `map.toml` with `basemap = "…"` first.
fn map_with_basemap(reference: &str) -> Served {
    Served::Text(format!("basemap = \"{reference}\"\n{MAP}"))
}

/// A folder of these files.
fn folder<const N: usize>(files: [(&str, Served); N]) -> Files {
    files.into_iter().map(|(name, served)| (name.to_owned(), served)).collect()
}

/// The good folder: commentary, catalog, map; the widget's base map.
fn good() -> Files {
    folder([("commentary.md", commentary("")), ("entities.toml", text(ENTITIES)), ("map.toml", text(MAP)), (&widget(), text(BASEMAP))])
}

/// How the drivers below look up the widget's base map.
fn widget() -> String {
    format!("widget:{DEFAULT_BASEMAP_PATH}")
}

/// `files` with the file `name` replaced (or added, or with `None` removed).
fn with(mut files: Files, name: &str, served: Option<Served>) -> Files {
    files.retain(|(n, _)| n != name);
    files.extend(served.map(|s| (name.to_owned(), s)));
    files
}

/// Runs the pipeline over `files` as `driver` would.
fn run(files: &Files, driver: Driver) -> (Compiled, Vec<String>) {
    let (purpose, naming) = match driver {
        Driver::Native => (Purpose::Check, Naming::Folder),
        Driver::Browser => (Purpose::Show, Naming::Urls { commentary: URL.into(), assets: ASSETS.into() }),
    };
    let mut pipeline = Pipeline::new(purpose, naming);
    while !pipeline.requests().is_empty() {
        for request in pipeline.requests().to_vec() {
            let key = match &request.address {
                Address::Remote(_) if driver == Driver::Native => {
                    pipeline.admit(&request, Answer::Failed(Failure::NotFetched));
                    continue;
                }
                Address::Folder(name) | Address::Remote(name) => name.clone(),
                Address::Widget(name) => format!("widget:{name}"),
            };
            let answer = match files.iter().find(|(n, _)| *n == key) {
                Some((_, Served::Text(text))) => Answer::Text(text.clone()),
                Some((_, Served::Fails(failure))) => Answer::Failed(failure.clone()),
                None => Answer::Absent,
            };
            pipeline.admit(&request, answer);
        }
    }
    let (compiled, diagnostics) = pipeline.finish();
    (compiled, diagnostics.iter().map(ToString::to_string).collect())
}

/// A browser message with files named as the native driver names them.
fn as_native(message: &str) -> String {
    let widget_url = format!("{ASSETS}{DEFAULT_BASEMAP_PATH}");
    message.replace(&widget_url, &format!("{DEFAULT_BASEMAP_PATH} (bundled)")).replace(FOLDER_URL, "")
}

/// Both drivers over `files`: what each gets, after checking that the browser printed the
/// native messages (named by URL) and compiled the same result.
fn both(files: &Files) -> (Compiled, Vec<String>, Vec<String>) {
    let (native, native_messages) = run(files, Driver::Native);
    let (browser, browser_messages) = run(files, Driver::Browser);
    assert_eq!(
        browser_messages.iter().map(|m| as_native(m)).collect::<Vec<_>>(),
        native_messages,
        "the browser and the validator disagree"
    );
    assert_eq!(failed_message(&browser).map(|m| as_native(&m)), failed_message(&native));
    if let (Compiled::Ready(b), Compiled::Ready(n)) = (&browser, &native) {
        assert_eq!((&b.front, &b.catalog, &b.linked, &b.sections), (&n.front, &n.catalog, &n.linked, &n.sections));
        assert_eq!(outcome(&b.map).map(|m| m.map_err(|e| as_native(&e))), outcome(&n.map));
    }
    (native, native_messages, browser_messages)
}

fn failed_message(compiled: &Compiled) -> Option<String> {
    match compiled {
        Compiled::Failed { message, .. } => Some(message.clone()),
        Compiled::Ready(_) => None,
    }
}

/// The map the reader gets: none, drawn, or the note where it would be.
fn map_of(compiled: &Compiled) -> Option<Result<(), String>> {
    let Compiled::Ready(loaded) = compiled else { panic!("not ready: {compiled:?}") };
    outcome(&loaded.map)
}

/// A map's outcome without its scene: none, drawn, or why not.
fn outcome(map: &LoadedMap) -> Option<Result<(), String>> {
    match map {
        LoadedMap::None => None,
        LoadedMap::Drawn(_) => Some(Ok(())),
        LoadedMap::Unavailable(why) => Some(Err(why.clone())),
    }
}

fn entities_of(compiled: &Compiled) -> usize {
    let Compiled::Ready(loaded) = compiled else { panic!("not ready: {compiled:?}") };
    loaded.catalog.entities().len()
}

const REMOTE_NOTE: &str = "is remote: neither checked nor compiled into the bundle (copy it into the folder, or point src at commentary.md so the browser loads it)";

#[test]
fn a_good_folder_compiles_the_same_in_both_with_nothing_to_say() {
    let (compiled, native, browser) = both(&good());
    assert_eq!((native.as_slice(), browser.as_slice()), (&[] as &[String], &[] as &[String]));
    assert_eq!(entities_of(&compiled), 2);
    assert_eq!(map_of(&compiled), Some(Ok(())));
    let Compiled::Ready(loaded) = &compiled else { unreachable!() };
    assert_eq!(loaded.sections.len(), 2);
}

#[test]
fn default_side_files_that_are_absent_are_silent_in_both() {
    let (compiled, native, _) = both(&folder([("commentary.md", commentary(""))]));
    // Nothing about `entities.toml` or `map.toml`; the link is reported for what it is.
    assert_eq!(native, ["commentary.md:9:13: warning: unknown entity id `belarus` in an entity: link: shown as plain text (add it to entities.toml or fix the id)"]);
    assert_eq!((entities_of(&compiled), map_of(&compiled)), (0, None));
}

#[test]
fn a_missing_named_catalog_and_map_are_errors_in_both() {
    let files = folder([
        ("commentary.md", commentary("entities = [\"people.toml\"]\nmap = \"maps/m.toml\"\n")),
        ("entities.toml", text(ENTITIES)),
        ("map.toml", text(MAP)),
    ]);
    let (compiled, native, browser) = both(&files);
    assert_eq!(
        native,
        [
            "maps/m.toml:1:1: error: listed in the front matter but not found",
            "people.toml:1:1: error: listed in the front matter but not found",
            "people.toml:1:1: warning: 1 message about ids not in the catalog (`belarus`) is left out: none of this catalog's entities could be read, so they may all follow from this; fix it and check again",
        ]
    );
    assert_eq!(browser[1], "https://example.org/c/x/people.toml:1:1: error: listed in the front matter but not found");
    assert_eq!((entities_of(&compiled), map_of(&compiled)), (0, None), "the defaults are not read instead");
}

#[test]
fn a_remote_catalog_is_left_out_natively_with_a_warning_and_fetched_by_the_browser() {
    let remote = "https://data.example.net/shared/entities.toml";
    let files = folder([
        ("commentary.md", commentary(&format!("entities = [\"{remote}\"]\n"))),
        (remote, text(ENTITIES)),
        ("map.toml", text(MAP)),
        (&widget(), text(BASEMAP)),
    ]);
    let (native, native_messages) = run(&files, Driver::Native);
    assert_eq!(
        native_messages,
        [
            format!("commentary.md:1:1: warning: `{remote}` {REMOTE_NOTE}"),
            "commentary.md:1:1: warning: 2 messages about ids not in the catalog (`belarus`, `minsk`) are left out: none of this catalog's entities could be read, so they may all follow from this; fix it and check again".to_owned(),
        ]
    );
    assert_eq!(entities_of(&native), 0);
    let (browser, browser_messages) = run(&files, Driver::Browser);
    assert_eq!(browser_messages, Vec::<String>::new());
    assert_eq!(entities_of(&browser), 2);
    // Remote and not there: the same error as a missing file of the folder.
    let (_, browser_messages) = run(&with(files, remote, None), Driver::Browser);
    assert_eq!(browser_messages[0], format!("{remote}:1:1: error: listed in the front matter but not found"));
}

#[test]
fn a_remote_base_map_is_not_fetched_natively_and_the_map_says_why() {
    let remote = "https://maps.example.net/world.topo.json";
    let files = with(good(), "map.toml", Some(map_with_basemap(remote)));
    let (native, messages) = run(&with(files.clone(), remote, Some(text(BASEMAP))), Driver::Native);
    let warning = format!("map.toml:1:1: warning: `{remote}` {REMOTE_NOTE}");
    assert_eq!(messages, std::slice::from_ref(&warning));
    assert_eq!(map_of(&native), Some(Err(warning)));
    let (browser, messages) = run(&with(files, remote, Some(text(BASEMAP))), Driver::Browser);
    assert_eq!((messages, map_of(&browser)), (Vec::<String>::new(), Some(Ok(()))));
}

#[test]
fn failed_fetches_are_errors_with_their_reason_whoever_named_the_file() {
    let offline = Served::Fails(Failure::Network("Failed to fetch".into()));
    let (compiled, native, _) = both(&with(good(), "entities.toml", Some(offline)));
    assert_eq!(
        native,
        [
            "entities.toml:1:1: error: could not be fetched: Failed to fetch",
            "entities.toml:1:1: warning: 2 messages about ids not in the catalog (`belarus`, `minsk`) are left out: none of this catalog's entities could be read, so they may all follow from this; fix it and check again",
        ]
    );
    assert_eq!(entities_of(&compiled), 0);

    let (compiled, native, _) = both(&with(good(), "map.toml", Some(Served::Fails(Failure::Timeout { seconds: 15 }))));
    assert_eq!(native, ["map.toml:1:1: error: could not be fetched: no answer within 15 seconds"]);
    assert_eq!(map_of(&compiled), None);

    let files = with(good(), "map.toml", Some(map_with_basemap("world.topo.json")));
    let (compiled, native, _) =
        both(&with(files, "world.topo.json", Some(Served::Fails(Failure::Status { code: 503, text: "Service Unavailable".into() }))));
    let error = "world.topo.json:1:1: error: could not be fetched: the server answered 503 Service Unavailable";
    assert_eq!(native, [error]);
    assert_eq!(map_of(&compiled), Some(Err(error.to_owned())), "readers see the reason where the map would be");

    // The widget's own base map, fetched by the browser.
    let (compiled, browser) = run(&with(good(), &widget(), Some(Served::Fails(Failure::Timeout { seconds: 15 }))), Driver::Browser);
    let error = "https://example.org/cr/basemaps/eurasia.topo.json:1:1: error: could not be fetched: no answer within 15 seconds";
    assert_eq!((browser, map_of(&compiled)), (vec![error.to_owned()], Some(Err(error.to_owned()))));

    // Unreadable on disk, too large in the browser.
    let (_, native, _) =
        both(&with(good(), "entities.toml", Some(Served::Fails(Failure::Unreadable("Permission denied (os error 13)".into())))));
    assert_eq!(native[0], "entities.toml:1:1: error: cannot be read: Permission denied (os error 13)");
    let (_, native, _) =
        both(&with(good(), "entities.toml", Some(Served::Fails(Failure::TooLarge { bytes: 21_000_000, limit: 5_000_000 }))));
    assert_eq!(native[0], "entities.toml:1:1: error: 21 MB is more than a commentary file may be (5 MB); split it or check the URL");
}

#[test]
fn a_commentary_that_cannot_be_had_fails_the_result_and_a_network_failure_may_be_retried() {
    let (compiled, native, _) = both(&with(good(), "commentary.md", None));
    assert_eq!(native, ["commentary.md:1:1: error: not found: a commentary folder needs a commentary.md"]);
    assert_eq!(compiled, Compiled::Failed { message: native[0].clone(), network: false });
    let (compiled, browser) =
        run(&with(good(), "commentary.md", Some(Served::Fails(Failure::Network("Failed to fetch".into())))), Driver::Browser);
    assert_eq!(browser, ["https://example.org/c/x/commentary.md:1:1: error: could not be fetched: Failed to fetch"]);
    assert_eq!(compiled, Compiled::Failed { message: browser[0].clone(), network: true });
}

#[test]
fn a_named_base_map_that_is_absent_is_an_error_at_it() {
    let files = with(good(), "map.toml", Some(map_with_basemap("shared/world.topo.json")));
    let (compiled, native, _) = both(&files);
    let error = "shared/world.topo.json:1:1: error: not found: `basemap` in map.toml names it";
    assert_eq!(native, [error]);
    assert_eq!(map_of(&compiled), Some(Err(error.to_owned())));
    // Beside a map in a sub-folder, outside the folder: named as each driver looks for it.
    let files = folder([
        ("commentary.md", commentary("map = \"maps/m.toml\"\n")),
        ("entities.toml", text(ENTITIES)),
        ("maps/m.toml", map_with_basemap("../../world.topo.json")),
    ]);
    assert_eq!(run(&files, Driver::Native).1, ["../world.topo.json:1:1: error: not found: `basemap` in maps/m.toml names it"]);
    assert_eq!(
        run(&files, Driver::Browser).1,
        ["https://example.org/c/world.topo.json:1:1: error: not found: `basemap` in https://example.org/c/x/maps/m.toml names it"]
    );
}

#[test]
fn malformed_catalog_map_and_base_map_are_reported_at_their_lines_in_both() {
    let (compiled, native, _) = both(&with(good(), "entities.toml", Some(text("[[entity]\nid = \"minsk\"\n"))));
    assert_eq!(native[0], "entities.toml:1:10: error: TOML syntax: unclosed array table, expected `]`");
    assert!(
        native[1].starts_with("entities.toml:1:10: warning: 2 messages about ids not in the catalog (`belarus`, `minsk`) are left out"),
        "{native:?}"
    );
    assert_eq!(native.len(), 2, "{native:?}");
    assert_eq!((entities_of(&compiled), map_of(&compiled)), (0, Some(Ok(()))), "the map still draws");

    let (compiled, native, _) = both(&with(good(), "map.toml", Some(text("[view\nbounds = 1\n"))));
    let error = "map.toml:1:6: error: TOML syntax: unclosed table, expected `]`";
    assert_eq!(native, [error]);
    assert_eq!((entities_of(&compiled), map_of(&compiled)), (2, Some(Err(error.to_owned()))), "cards still work");

    let files = with(good(), "map.toml", Some(map_with_basemap("world.topo.json")));
    let (compiled, native, _) = both(&with(files, "world.topo.json", Some(text("<!doctype html><p>Not here</p>"))));
    assert_eq!(native.len(), 1, "{native:?}");
    assert!(native[0].starts_with("world.topo.json:1:1: error: not a usable base map: "), "{native:?}");
    assert_eq!(map_of(&compiled), Some(Err(native[0].clone())));
}

#[test]
fn a_broken_base_map_is_reported_where_it_is_broken() {
    let broken = concat!(
        "{\"type\": \"Topology\",\n",
        " \"arcs\": [[[23,51],[33,51],[33,56],[23,56],[23,51]]],\n",
        " \"objects\": {\"countries\": {\"type\": \"GeometryCollection\", \"geometries\": [\n",
        "  {\"type\": \"Polygon\", \"arcs\": [[0]], \"properties\": {\"a3\": \"BLR\", \"name\": \"Belarus\"}},\n",
        "  {\"type\": \"Polygon\", \"arcs\": [[0]], \"properties\": {\"a3\": \"POL\", \"name\": [\"Polska\"]}}]}}}\n",
    );
    let files = with(good(), "map.toml", Some(map_with_basemap("world.topo.json")));
    let (compiled, native, _) = both(&with(files.clone(), "world.topo.json", Some(text(broken))));
    let error = "world.topo.json:5:74: error: not a usable base map: invalid type: sequence, expected a string";
    assert_eq!(native, [error]);
    assert_eq!(map_of(&compiled), Some(Err(error.to_owned())));
    // Cut short: at its end; not a topology: where it says what it is.
    let (_, native, _) = both(&with(files.clone(), "world.topo.json", Some(text(&broken[..60]))));
    assert_eq!(native, ["world.topo.json:2:39: error: not a usable base map: EOF while parsing a value"]);
    let (_, native, _) =
        both(&with(files, "world.topo.json", Some(text("{\n  \"type\": \"FeatureCollection\",\n  \"features\": []\n}\n"))));
    assert_eq!(native, ["world.topo.json:2:29: error: not a usable base map: not a TopoJSON topology (\"type\": \"Topology\" missing)"]);
}

#[test]
fn a_broken_front_matter_fails_for_readers_and_the_validator_still_checks_the_rest() {
    let broken = "+++\ntitle = \"T\ndate = 2024-01-01\n+++\n\nSee [someone](entity:nobody) in Minsk.\n\n## Trade\n";
    let files = with(
        with(good(), "commentary.md", Some(text(broken))),
        "map.toml",
        Some(text("[[chapter]]\nsection = \"trad\"\nfocus = [\"BLR\"]\n")),
    );
    let (native, native_messages) = run(&files, Driver::Native);
    let error = "commentary.md:2:11: error: front matter: TOML syntax: invalid basic string, expected `\"`";
    assert_eq!(native, Compiled::Failed { message: error.to_owned(), network: false });
    assert_eq!(
        native_messages,
        [
            error,
            "commentary.md:6:5: warning: unknown entity id `nobody` in an entity: link: shown as plain text (add it to entities.toml or fix the id)",
            // The text names Minsk only, and this map highlights nothing.
            "entities.toml:12:8: warning: entity `belarus` is neither mentioned in the text nor on the map, so no reader can open its card: give it an alias the text uses, link a phrase with [text](entity:belarus), or remove it",
            "map.toml:2:11: error: chapter `trad` names no section of the commentary (headings: trade), so the map leaves it out; did you mean `trade`?",
        ]
    );
    // Readers get the same error, and the browser fetches nothing more to say so.
    let (browser, browser_messages) = run(&files, Driver::Browser);
    assert_eq!(browser, Compiled::Failed { message: format!("{FOLDER_URL}{error}"), network: false });
    assert_eq!(browser_messages, [format!("{FOLDER_URL}{error}")]);
}
