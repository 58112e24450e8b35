use super::*;

fn names_in(text: &str) -> Vec<String> {
    names(&split(text), false).into_iter().map(|(w, _)| w.join(" ")).collect()
}

#[test]
fn names_leave_out_articles_titles_and_possessives() {
    assert_eq!(names_in("The Caspian Pipeline Consortium said so."), ["Caspian Pipeline Consortium"]);
    assert_eq!(names_in("as President Ilham Aliyev's office put it"), ["Ilham Aliyev"]);
    assert_eq!(names_in("the Belt and Road Initiative"), ["Belt and Road Initiative"]);
    assert_eq!(names_in("Kazakhstan and Azerbaijan signed"), ["Kazakhstan", "Azerbaijan"]);
    assert_eq!(names_in("Baku, Tbilisi and Ceyhan"), ["Baku", "Tbilisi", "Ceyhan"]);
    assert_eq!(names_in("In March 2023, Kassym-Jomart Tokayev spoke."), ["Kassym-Jomart Tokayev"]);
    assert_eq!(names_in("Expanding Chinese trade"), ["Chinese"]);
    assert_eq!(names_in("trade with New Delhi grew"), ["New Delhi"]);
}

#[test]
fn a_heading_in_title_case_yields_single_words_only() {
    let words = split("A New Route Through Baku");
    let found: Vec<String> = names(&words, true).into_iter().map(|(w, _)| w.join(" ")).collect();
    assert!(found.iter().all(|n| !n.contains(' ')), "{found:?}");
}

#[test]
fn acronyms_are_organisations_unless_they_name_nothing() {
    let g = Gazetteer::default();
    assert_eq!(classify(&["CPC"], false, &g).map(|k| k.kind), Some(EntityKind::Organisation));
    assert_eq!(classify(&["UAE"], false, &g).map(|k| (k.kind, k.iso)), Some((EntityKind::Country, Some("ARE".to_owned()))));
    assert!(classify(&["GDP"], false, &g).is_none());
    assert!(classify(&["XIV"], false, &g).is_none());
    assert!(classify(&["Oil"], false, &g).is_none());
}

#[test]
fn kinds_are_guessed_from_the_names_words() {
    assert_eq!(kind_of(&["Asian", "Development", "Bank"]), EntityKind::Organisation);
    assert_eq!(kind_of(&["Ministry", "of", "Energy"]), EntityKind::Organisation);
    assert_eq!(kind_of(&["Middle", "Corridor"]), EntityKind::Initiative);
    assert_eq!(kind_of(&["Caspian", "Sea"]), EntityKind::Place);
    assert_eq!(kind_of(&["Port", "of", "Aktau"]), EntityKind::Place);
    assert_eq!(kind_of(&["Astana", "Summit"]), EntityKind::Event);
    assert_eq!(kind_of(&["Ilham", "Aliyev"]), EntityKind::Person);
    assert_eq!(kind_of(&["Trans-Siberian", "Railway"]), EntityKind::Place);
}

#[test]
fn ids_are_made_from_names_and_never_taken_twice() {
    let mut taken = HashSet::new();
    assert_eq!(id_for("Ilham Aliyev", &taken), "ilham-aliyev");
    assert_eq!(id_for("Recep Tayyip Erdoğan", &taken), "recep-tayyip-erdoan");
    taken.insert("baku".to_owned());
    assert_eq!(id_for("Baku", &taken), "baku-2");
    assert_eq!(id_for("Ürümqi", &taken), "rmqi");
    assert_eq!(id_for("„“", &taken), "entity");
}

#[test]
fn a_stub_is_toml_the_catalog_reads() {
    let town = Town { name: "Atyrau".into(), lat: 47.1048, lon: 51.88427, country: "KAZ".into() };
    let c = Candidate {
        text: "Atyrau".into(),
        kind: EntityKind::Place,
        count: 2,
        at: ("commentary.md".into(), 7, 12),
        town: Some(town.clone()),
        meant: None,
        iso: None,
        aliases: Vec::new(),
    };
    let stub = c.stub("atyrau");
    assert!(stub.contains("lat = 47.10\nlon = 51.88\ncountry = \"KAZ\""), "{stub}");
    assert!(stub.contains("summary = \"To be written: what Atyrau is, in one or two sentences.\""), "{stub}");
    let (entities, diagnostics) = crate::catalog::parse_catalog(&stub, "entities.toml");
    assert_eq!(entities.len(), 1, "{stub}\n{diagnostics:?}");
    assert_eq!(entities[0].location.map(|l| (l.lat, l.lon)), Some((47.10, 51.88)));
    // The draft summary is the one thing the editor must write: the checker says so.
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert!(diagnostics[0].message.contains("the summary is still a draft"), "{diagnostics:?}");
    assert_eq!(c.to_string(), "commentary.md:7:12: candidate: place `Atyrau`, 2 times (the gazetteer: Atyrau (47.10, 51.88, KAZ))");

    // A misspelling: no coordinates (they may be another place's), the town meant in a comment.
    let novo = Town { name: "Novorossiysk".into(), lat: 44.73188, lon: 37.76176, country: "RUS".into() };
    let misspelled = Candidate { text: "Novorossisk".into(), town: None, meant: Some(novo), count: 1, ..c.clone() };
    let stub = misspelled.stub("novorossisk");
    assert!(stub.starts_with("# `Novorossisk` is no town the gazetteer knows. If it is Novorossiysk (44.73, 37.76, RUS), correct the text and write\n# name = \"Novorossiysk\", lat = 44.73, lon = 37.76, country = \"RUS\"\n[[entity]]\n"), "{stub}");
    let (entities, _) = crate::catalog::parse_catalog(&stub, "entities.toml");
    assert_eq!((entities[0].name.as_str(), entities[0].location), ("Novorossisk", None));
    assert!(misspelled.to_string().ends_with("place `Novorossisk`, once (did you mean Novorossiysk (44.73, 37.76, RUS)?)"), "{misspelled}");

    // A person's surname, written alone later, is an alias of the entry.
    let person =
        Candidate { text: "Ilham Aliyev".into(), kind: EntityKind::Person, town: None, aliases: vec!["Aliyev".into()], ..c.clone() };
    assert!(person
        .stub("ilham-aliyev")
        .contains("aliases = [\"Ilham Aliyev\", \"Aliyev\"]\nsummary = \"To be written: who Ilham Aliyev is"));
    assert!(person.to_string().contains("person `Ilham Aliyev`, 2 times, also as `Aliyev`"), "{person}");

    let quoted = Candidate { text: "The \"Q\" \\ Fund".into(), kind: EntityKind::Organisation, town: None, ..c };
    let (entities, _) = crate::catalog::parse_catalog(&quoted.stub("q"), "entities.toml");
    assert_eq!(entities[0].name, "The \"Q\" \\ Fund");
}

#[test]
fn a_possessive_ends_a_name_and_a_single_capitalised_word_inside_a_sentence_is_a_candidate() {
    assert_eq!(names_in("then Azerbaijan's SOCAR agreed"), ["Azerbaijan", "SOCAR"]);
    let g = Gazetteer::default();
    // A smaller place than the gazetteer's towns, or a company by its inner capital or ending.
    assert_eq!(classify(&["Alashankou"], false, &g).map(|c| c.kind), Some(EntityKind::Place));
    assert_eq!(classify(&["KazMunayGas"], false, &g).map(|c| c.kind), Some(EntityKind::Organisation));
    assert_eq!(classify(&["Tengizchevroil"], false, &g).map(|c| c.kind), Some(EntityKind::Organisation));
    for adjective in ["Chinese", "Caspian", "Azerbaijani", "Kazakh", "Uzbek", "Turkish", "Soviet", "President"] {
        assert!(classify(&[adjective], false, &g).is_none(), "{adjective}");
    }
    assert!(classify(&["Alashankou"], true, &g).is_none(), "a sentence's first word says nothing");
    let known = Gazetteer::parse("C\tKAZ\tKazakhstan\nC\tCHN\tChina\n");
    assert!(classify(&["Kazakhstan-China"], false, &known).is_none(), "a compound of known names");
    assert_eq!(kind_of(&["Middle", "East"]), EntityKind::Place);
}
