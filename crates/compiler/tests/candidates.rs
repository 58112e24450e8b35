//! An editor's first draft, checked against an empty catalog: what the text names is suggested,
//! places with the gazetteer's coordinates and codes (issue 31's acceptance).

use commentary_compiler::candidates::{of_compiled, stubs};
use commentary_compiler::compile::compile;
use commentary_compiler::gazetteer::{Gazetteer, TEXT};
use commentary_core::bundle::Compiled;
use commentary_core::content::catalog::EntityKind;
use commentary_core::content::Severity;

const DRAFT: &str = "+++
title = \"Kazakhstan's oil routes\"
date = 2026-12-01
lang = \"en\"
[[authors]]
name = \"A. Writer\"
+++
Oil from Atyrau and Aktau crosses the Caspian to Baku. President Ilham Aliyev and
Kassym-Jomart Tokayev met in Astana; Recep Tayyip Erdoğan joined them, and Aliyev spoke first.

## Routes west

From Baku the pipeline runs by Tbilisi to Ceyhan, while tankers load at Batumi and Poti.
The Caspian Pipeline Consortium ships through Novorossisk, and the Asian Development Bank
funds roads to Tashkent and Istanbul. Atyrau's refinery is the oldest.
";

/// Where each place is, from its Wikipedia article (not the gazetteer's data).
const TRUTH: &[(&str, f64, f64, &str)] = &[
    ("Atyrau", 47.1167, 51.8833, "KAZ"),
    ("Aktau", 43.65, 51.1667, "KAZ"),
    ("Baku", 40.4093, 49.8671, "AZE"),
    ("Astana", 51.1694, 71.4491, "KAZ"),
    ("Tbilisi", 41.7151, 44.8271, "GEO"),
    ("Ceyhan", 37.0247, 35.8175, "TUR"),
    ("Batumi", 41.6168, 41.6367, "GEO"),
    ("Poti", 42.1462, 41.6719, "GEO"),
    ("Tashkent", 41.2995, 69.2401, "UZB"),
    ("Istanbul", 41.0082, 28.9784, "TUR"),
];

fn km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, la2) = (a.0.to_radians(), b.0.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2) + la1.cos() * la2.cos() * ((b.1 - a.1).to_radians() / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

fn folder(name: &str, catalog: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("commentary-candidates-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("commentary.md"), DRAFT).unwrap();
    std::fs::write(dir.join("entities.toml"), catalog).unwrap();
    dir
}

#[test]
fn a_draft_with_an_empty_catalog_gets_every_place_person_and_organisation_suggested() {
    let dir = folder("empty", "");
    let (compiled, _) = compile(&dir);
    let gazetteer = Gazetteer::parse(TEXT);
    let found = of_compiled(&compiled, &gazetteer, DRAFT, "commentary.md");
    let named = |text: &str| found.iter().find(|c| c.text == text).unwrap_or_else(|| panic!("{text} not suggested: {found:#?}"));
    for &(place, lat, lon, iso) in TRUTH {
        let c = named(place);
        assert_eq!(c.kind, EntityKind::Place, "{place}");
        let town = c.town.as_ref().unwrap();
        assert!(km((town.lat, town.lon), (lat, lon)) < 30.0, "{place}: {town:?}");
        assert_eq!(town.country, iso, "{place}");
    }
    for person in ["Ilham Aliyev", "Kassym-Jomart Tokayev", "Recep Tayyip Erdoğan"] {
        assert_eq!(named(person).kind, EntityKind::Person, "{person}");
    }
    for organisation in ["Caspian Pipeline Consortium", "Asian Development Bank"] {
        assert_eq!(named(organisation).kind, EntityKind::Organisation, "{organisation}");
    }
    // How often, and where first: Atyrau twice, first on the body's first line, column 10.
    let atyrau = named("Atyrau");
    assert_eq!((atyrau.count, atyrau.at.1, atyrau.at.2), (2, 8, 10));
    assert_eq!(named("Baku").count, 2);
    // The surname alone, later, is the same person: counted, and an alias of the entry.
    let aliyev = named("Ilham Aliyev");
    assert_eq!((aliyev.count, aliyev.aliases.as_slice()), (2, &["Aliyev".to_owned()][..]));
    // A misspelled town: did you mean, with the town meant.
    let novo = named("Novorossisk");
    assert!(novo.misspelled());
    assert_eq!(novo.meant.as_ref().map(|t| t.name.as_str()), Some("Novorossiysk"));
    assert!(novo.to_string().contains("did you mean Novorossiysk"), "{novo}");
    // Nothing else: no title, article or month taken for a name.
    assert_eq!(found.len(), TRUTH.len() + 3 + 2 + 1, "{:#?}", found.iter().map(|c| &c.text).collect::<Vec<_>>());

    // The stubs, appended to the catalog, link every mention, and the checker asks only for the
    // summaries (drafts) to be written, and the misspelled town's name and coordinates (its
    // stub has none: they may be another place's).
    let catalog: String = stubs(&found, &Default::default()).into_iter().map(|(_, toml)| toml + "\n").collect();
    let dir = folder("stubs", &catalog);
    let (compiled, diagnostics) = compile(&dir);
    assert!(diagnostics.iter().all(|d| d.severity == Severity::Warning), "{diagnostics:#?}");
    let drafts = diagnostics.iter().filter(|d| d.message.contains("the summary is still a draft")).count();
    assert_eq!(drafts, found.len(), "{diagnostics:#?}");
    let others: Vec<&str> =
        diagnostics.iter().filter(|d| !d.message.contains("the summary is still a draft")).map(|d| d.message.as_str()).collect();
    assert_eq!(
        others,
        [
            "`novorossisk` is a place without lat/lon: the map cannot show it",
            "`novorossisk`: the gazetteer has no place named `Novorossisk`; did you mean Novorossiysk (44.73, 37.76, RUS)?"
        ]
    );
    assert!(of_compiled(&compiled, &gazetteer, DRAFT, "commentary.md").is_empty());
    let Compiled::Ready(loaded) = compiled else { panic!("not ready") };
    assert_eq!(loaded.catalog.entities().len(), found.len(), "every entry is mentioned");
}

#[test]
fn a_place_far_from_its_towns_point_is_warned_about() {
    // Atyrau 80 km east of where it is.
    let dir = folder(
        "far",
        "[[entity]]\nid = \"atyrau\"\nkind = \"place\"\nname = \"Atyrau\"\nsummary = \"A city.\"\nlat = 47.10\nlon = 52.95\n",
    );
    let (_, diagnostics) = compile(&dir);
    let warned: Vec<String> = diagnostics.iter().map(ToString::to_string).filter(|m| m.contains("km from the gazetteer's")).collect();
    assert_eq!(
        warned,
        ["entities.toml:6:7: warning: `atyrau` lies 81 km from the gazetteer's Atyrau (47.10, 51.88, KAZ), farther than 30 km: check `lat` and `lon` (47.10, 52.95 here)"]
    );
}

#[test]
fn a_translations_inflected_forms_are_suggested_for_its_catalog() {
    let dir = std::env::temp_dir().join(format!("commentary-inflections-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let front = |lang: &str, more: &str| {
        format!("+++\ntitle = \"T\"\ndate = 2026-12-01\nlang = \"{lang}\"\n{more}[[authors]]\nname = \"A\"\n+++\n")
    };
    std::fs::write(
        dir.join("commentary.md"),
        front("en", "translations = [\"ru\"]\n")
            + "Kazakhstan exports oil.\n\nThe ports of Kazakhstan grow.\n\nIn Kazakhstan, pipelines.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("commentary.ru.md"),
        front("ru", "") + "Казахстан экспортирует нефть.\n\nПорты Казахстана растут.\n\nВ Казахстане трубопроводы, и снова в Казахстане.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("entities.toml"),
        "[[entity]]\nid = \"kazakhstan\"\nkind = \"country\"\nname = \"Kazakhstan\"\nsummary = \"A country.\"\niso = \"KAZ\"\n",
    )
    .unwrap();
    std::fs::write(dir.join("entities.ru.toml"), "[[entity]]\nid = \"kazakhstan\"\nname = \"Казахстан\"\nsummary = \"Страна.\"\n").unwrap();
    let editions = commentary_compiler::compile::compile_all(&dir);
    let suggestions = commentary_compiler::suggestions::suggest(&editions, &Gazetteer::parse(TEXT), &mut |name| {
        std::fs::read_to_string(dir.join(name)).ok()
    });
    assert!(suggestions.candidates.is_empty(), "{:?}", suggestions.candidates);
    assert_eq!(
        suggestions.lines(),
        ["entities.ru.toml:3:8: inflections: `kazakhstan`: the text also writes \"Казахстане\" (2 times), \"Казахстана\" (once): aliases = [\"Казахстан\", \"Казахстане\", \"Казахстана\"]"]
    );
}
