//! Inputs whose handling used to take time quadratic in their size (see the end of
//! `fuzz/RESULTS.md`): a list and a quote nested 32,000 levels deep, one long line of emphasis,
//! one long line of refused images, a paragraph with 6,400 mentions. No timing is asserted;
//! each test checks that the result is right, and is fast only with linear-time code, so a
//! regression shows up as a test run that suddenly takes seconds or minutes.
//!
//! Measured in this (debug) build, the quadratic code took 18.7 s, 4.7 s, 2.9 s and 1.5 s for
//! the 64 KB nesting and linking inputs. Counting columns from the start of the line is fast
//! at 64 KB even in debug (the counting is in the optimised standard library: 0.1 s), so the
//! long-line tests use about 1 MB on one line: 15 s and 7 s with the quadratic code, 0.4 s and
//! 0.2 s now.
use commentary_compiler::catalog::parse_catalog;
use commentary_compiler::{link_commentary, parse_commentary};
use commentary_reader::content::catalog::Catalog;
use commentary_reader::content::markdown::MAX_DEPTH;
use commentary_reader::content::{Block, Commentary, Diagnostic, Inline, Severity};

/// Five lines of front matter: the body starts on line 6. (No authors: that is one warning,
/// on line 2, which the tests leave out.)
const FRONT: &str = "+++\ntitle = \"T\"\ndate = 2024-01-01\nlang = \"en\"\n+++\n";

/// The warnings about the body.
fn in_body(warnings: Vec<Diagnostic>) -> Vec<Diagnostic> {
    warnings.into_iter().filter(|w| w.line >= 6).collect()
}

fn parse(body: &str) -> Commentary {
    let source = format!("{FRONT}{body}");
    assert!(source.len() >= 64_000, "the inputs are about the fuzzers' size limit");
    let (commentary, warnings) = parse_commentary(&source, "c.md").expect("parses");
    assert_eq!(in_body(warnings), []);
    commentary
}

/// How deep containers (lists, quotes) nest under `block`, and the innermost paragraph.
fn depth(block: &Block) -> (usize, Option<&Block>) {
    fn deepest<'a>(blocks: impl Iterator<Item = &'a Block>) -> (usize, Option<&'a Block>) {
        let (d, p) = blocks.map(depth).max_by_key(|(d, _)| *d).unwrap_or((0, None));
        (d + 1, p)
    }
    match block {
        Block::List { items, .. } => deepest(items.iter().flatten()),
        Block::Quote { blocks, .. } => deepest(blocks.iter()),
        Block::Paragraph { .. } => (0, Some(block)),
        _ => (0, None),
    }
}

#[test]
fn a_list_nested_32000_levels_deep_is_flattened() {
    // `Builder::top()` used to scan back over every flattened level on each event.
    let c = parse(&format!("{}x", "- ".repeat(32_000)));
    assert_eq!(c.body.blocks.len(), 1);
    let (levels, innermost) = depth(&c.body.blocks[0]);
    // Each level is two frames, a list and an item, under the body's: deeper ones are flattened.
    assert_eq!(levels, MAX_DEPTH / 2);
    assert_eq!(innermost, Some(&Block::Paragraph { content: vec![Inline::Text("x".into())], line: 6 }));
}

#[test]
fn a_quote_nested_32000_levels_deep_is_flattened() {
    let c = parse(&format!("{}x", "> ".repeat(32_000)));
    assert_eq!(c.body.blocks.len(), 1);
    let (levels, innermost) = depth(&c.body.blocks[0]);
    assert_eq!(levels, MAX_DEPTH);
    assert_eq!(innermost, Some(&Block::Paragraph { content: vec![Inline::Text("x".into())], line: 6 }));
}

#[test]
fn one_long_line_of_emphasis() {
    // `LineIndex::locate` used to count the column from the start of the line on each event.
    let c = parse(&"*a* ".repeat(256_000));
    let [Block::Paragraph { content, line: 6 }] = c.body.blocks.as_slice() else { panic!("one paragraph on line 6") };
    assert_eq!(content.len(), 2 * 256_000 - 1);
    for (i, inline) in content.iter().enumerate() {
        let expected = if i % 2 == 0 { Inline::Emphasis(vec![Inline::Text("a".into())]) } else { Inline::Text(" ".into()) };
        assert_eq!(inline, &expected, "inline {i}");
    }
}

#[test]
fn warnings_on_one_long_line_have_the_right_columns() {
    // A warning per image, each located on one 1.1 MB line; "ж" is two bytes but one column.
    let source = format!("{FRONT}{}", "ж ![a](b) ".repeat(102_400));
    let (c, warnings) = parse_commentary(&source, "c.md").expect("parses");
    let warnings = in_body(warnings);
    assert_eq!(warnings.len(), 102_400);
    for (i, w) in warnings.iter().enumerate() {
        assert_eq!((w.line, w.column, w.severity), (6, 3 + 10 * i, Severity::Warning), "warning {i}: {w}");
        assert!(w.message.starts_with("images are not shown"), "{w}");
    }
    let [Block::Paragraph { content, .. }] = c.body.blocks.as_slice() else { panic!("one paragraph") };
    assert_eq!(Inline::plain_text(content), "ж a ".repeat(102_400).trim_end());
}

fn minsk() -> Catalog {
    let (entities, diagnostics) =
        parse_catalog("[[entity]]\nid = \"m\"\nkind = \"organisation\"\nname = \"Minsk\"\nsummary = \"s\"\n", "entities.toml");
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    Catalog::merge([entities])
}

fn paragraph(blocks: &[Block]) -> &[Inline] {
    let [Block::Paragraph { content, .. }] = blocks else { panic!("one paragraph: {blocks:?}") };
    content
}

#[test]
fn a_paragraph_with_6400_mentions() {
    // `split_text` used to rebuild the paragraph's whole output after each text run with a match.
    let c = parse(&"Minsk *a* ".repeat(6_400));
    let (linked, warnings) = link_commentary(&c, &minsk(), "c.md");
    assert_eq!(warnings, []);
    assert_eq!(linked.mentions.by_ordinal.len(), 6_400);
    assert_eq!(linked.mentions.by_entity.values().map(Vec::len).collect::<Vec<_>>(), [6_400]);
    let content = paragraph(&linked.body.blocks);
    assert_eq!(content.len(), 4 * 6_400 - 1);
    for (i, inline) in content.iter().enumerate() {
        match (i % 4, inline) {
            (0, Inline::Mention { id, ordinal, repeat, content }) => {
                assert_eq!((id.to_string().as_str(), *ordinal, *repeat), ("m", i / 4, i > 0));
                assert_eq!(content, &[Inline::Text("Minsk".into())]);
            }
            (1 | 3, Inline::Text(t)) => assert_eq!(t, " "),
            (2, Inline::Emphasis(e)) => assert_eq!(e, &[Inline::Text("a".into())]),
            _ => panic!("inline {i}: {inline:?}"),
        }
    }
    assert_eq!(Inline::plain_text(content), Inline::plain_text(paragraph(&c.body.blocks)));
}

#[test]
fn with_mentions_first_the_6399_repeats_merge_back_into_text() {
    let source = format!("{}{}", FRONT.replace("lang = \"en\"\n", "lang = \"en\"\nmentions = \"first\"\n"), "Minsk *a* ".repeat(6_400));
    let (c, warnings) = parse_commentary(&source, "c.md").expect("parses");
    assert_eq!(in_body(warnings), []);
    let (linked, _) = link_commentary(&c, &minsk(), "c.md");
    assert_eq!(linked.mentions.by_ordinal.len(), 1);
    let content = paragraph(&linked.body.blocks);
    // Mention, " ", *a*, then " Minsk " and *a* for each repeat: neighbouring text runs merged.
    assert_eq!(content.len(), 3 + 2 * 6_399);
    assert!(matches!(&content[0], Inline::Mention { ordinal: 0, repeat: false, .. }));
    assert_eq!(content[1], Inline::Text(" ".into()));
    for (i, inline) in content.iter().enumerate().skip(2) {
        let expected = if i % 2 == 0 { Inline::Emphasis(vec![Inline::Text("a".into())]) } else { Inline::Text(" Minsk ".into()) };
        assert_eq!(inline, &expected, "inline {i}");
    }
    assert_eq!(Inline::plain_text(content), Inline::plain_text(paragraph(&c.body.blocks)));
}
