use super::*;

#[derive(Deserialize)]
#[allow(dead_code)]
struct Sample {
    id: String,
    #[serde(rename = "type")]
    kind: Option<String>,
    list: Vec<u8>,
}

#[test]
fn fields_of_a_struct_are_its_derived_field_names() {
    assert_eq!(fields_of::<Sample>(), ["id", "type", "list"]);
    assert!(fields_of::<String>().is_empty());
    assert!(fields_of::<Vec<Sample>>().is_empty());
}

#[derive(Deserialize, Default, Debug)]
#[serde(default, expecting = "a table")]
struct Doc {
    title: Option<Spanned<String>>,
    count: Option<f64>,
    pair: Option<Pair<String, f64>>,
    item: Vec<Item>,
}

#[derive(Deserialize, Default, Debug)]
#[serde(default, expecting = "a table")]
struct Item {
    name: Option<String>,
    on: Option<bool>,
    sub: Option<Sub>,
}

#[derive(Deserialize, Default, Debug)]
#[serde(default, expecting = "a table")]
struct Sub {
    x: Option<f64>,
}

fn with<R>(text: &str, read: impl FnOnce(&Table<'_, '_, '_>) -> R) -> R {
    let loc = Locator::new(text, 3, "f.toml");
    let doc = parse(text, &loc).unwrap();
    read(&Table::root(&doc, &loc))
}

fn strings(d: Vec<Diagnostic>) -> Vec<String> {
    d.iter().map(ToString::to_string).collect()
}

#[test]
fn a_field_is_read_alone_and_its_spans_are_where_the_file_has_them() {
    let text = "count = \"x\"\ntitle = \"T\"\n";
    with(text, |top| {
        let doc: Doc = top.field("title").unwrap();
        assert_eq!(doc.title.as_ref().map(|t| (t.get_ref().as_str(), t.span())), Some(("T", 20..23)));
        assert!(doc.count.is_none());
        let e = top.field::<Doc>("count").unwrap_err();
        assert_eq!(strings(e), ["f.toml:3:9: error: `count` must be a number, not a string"]);
        assert!(top.field::<Doc>("absent").unwrap().title.is_none());
    });
}

#[test]
fn each_entry_is_read_on_its_own_with_absolute_positions() {
    let text = "[[item]]\nname = \"a\"\n\n[[item]]\nname = 2\non = \"yes\"\n\n[[item]]\nname = \"c\"\nsub = { x = true }\n";
    with(text, |top| {
        let entries = top.entries("item", |d: Doc| d.item).unwrap();
        assert_eq!(entries.len(), 3);
        assert_eq!(entries[0].1.as_ref().unwrap().name.as_deref(), Some("a"));
        // Every wrong value of the entry, in the order written, at its line in the file.
        let second = strings(entries[1].1.as_ref().unwrap_err().clone());
        assert_eq!(
            second,
            [
                "f.toml:7:8: error: `item.name` must be a string in quotes, not an integer",
                "f.toml:8:6: error: `item.on` must be true or false, not a string"
            ]
        );
        let third = strings(entries[2].1.as_ref().unwrap_err().clone());
        assert_eq!(third, ["f.toml:12:13: error: `item.sub.x` must be a number, not true/false"]);
        // An entry's own span is its `[[item]]` header's.
        assert_eq!(entries[2].0.span(), 51..59);
    });
}

#[test]
fn entries_must_be_tables_and_sub_tables_say_how_to_write_them() {
    with("item = 3\n", |top| {
        let e = top.entries("item", |d: Doc| d.item).err().unwrap();
        assert_eq!(e.to_string(), "f.toml:3:8: error: `item` must be a list of tables, each written [[item]], not an integer");
    });
    with("[[item]]\nsub = 1\n", |top| {
        let entries = top.entries("item", |d: Doc| d.item).unwrap();
        let e = strings(entries[0].1.as_ref().unwrap_err().clone());
        assert_eq!(e, ["f.toml:4:7: error: `item.sub` must be a table, written [item.sub], not an integer"]);
    });
}

#[test]
fn tables_are_read_from_tables_only() {
    // `toml`'s own deserializer read a struct from a list by position, and from a date as
    // an empty table; both are the error any other value gets.
    with("[[item]]\nsub = [1.0]\n[[item]]\nsub = 2024-01-01\n", |top| {
        let entries = top.entries("item", |d: Doc| d.item).unwrap();
        assert_eq!(
            strings(entries[0].1.as_ref().unwrap_err().clone()),
            ["f.toml:4:7: error: `item.sub` must be a table, written [item.sub], not a list"]
        );
        assert_eq!(
            strings(entries[1].1.as_ref().unwrap_err().clone()),
            ["f.toml:6:7: error: `item.sub` must be a table, written [item.sub], not a date"]
        );
    });
}

#[test]
fn pairs_take_exactly_two() {
    with("pair = [\"a\", 1, 2]\n", |top| {
        let e = strings(top.field::<Doc>("pair").unwrap_err());
        assert_eq!(e, ["f.toml:3:8: error: `pair` must be a pair in brackets, [first, second], not 3 values"]);
    });
    with("pair = [\"a\", 1.5]\n", |top| assert_eq!(top.field::<Doc>("pair").unwrap().pair, Some(Pair("a".to_owned(), 1.5))));
}

#[test]
fn a_part_lists_at_most_max_errors_then_says_there_are_more() {
    let text = format!("[[item]]\nsub = {{ x = 1 }}\n{}", (0..30).map(|i| format!("[[item]]\nname = {i}\n")).collect::<String>());
    with(&text, |top| {
        let entries = top.entries("item", |d: Doc| d.item).unwrap();
        assert_eq!(entries.len(), 31);
        assert!(entries.iter().skip(1).all(|(_, e)| e.as_ref().unwrap_err().len() == 1));
    });
    #[derive(Deserialize, Default, Debug)]
    #[serde(default, expecting = "a table")]
    struct Names {
        names: std::collections::BTreeMap<String, String>,
    }
    let text = format!("names = {{ {} }}\n", (0..30).map(|i| format!("k{i:02} = {i}")).collect::<Vec<_>>().join(", "));
    with(&text, |top| {
        let e = strings(top.field::<Names>("names").unwrap_err());
        assert_eq!(e.len(), MAX_ERRORS + 1);
        assert_eq!(e[0], "f.toml:3:17: error: `names.k00` must be a string in quotes, not an integer");
        assert!(
            e[MAX_ERRORS].ends_with("error: more wrong values here than the 20 listed; fix those and check again"),
            "{}",
            e[MAX_ERRORS]
        );
    });
}

#[test]
fn unknown_keys_are_warnings_naming_the_struct_fields() {
    with("titel = 1\n[[item]]\nnam = \"x\"\n", |top| {
        assert_eq!(
            strings(top.unknown_keys::<Doc>("")),
            ["f.toml:3:1: warning: unknown key `titel` is ignored (known keys: title, count, pair, item)"]
        );
        let entries = top.entries("item", |d: Doc| d.item).unwrap();
        assert_eq!(
            strings(entries[0].0.unknown_keys::<Item>("")),
            ["f.toml:5:1: warning: unknown key `item.nam` is ignored (known keys: name, on, sub)"]
        );
    });
}
