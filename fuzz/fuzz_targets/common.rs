//! Invariants every linked commentary must satisfy, checked on each fuzz input that parses
//! (the property tests in `tests/linker_props.rs` check more, on generated inputs):
//! linking changes no text and no block structure, leaves no `entity:` link unresolved, never
//! nests a mention in a mention, and numbers mentions 0..n in reading order as its index does.

use commentary_reader::content::{Block, Commentary, Inline, Linked};

fn paragraphs<'a>(blocks: &'a [Block], out: &mut Vec<&'a [Inline]>, others: &mut Vec<&'a Block>) {
    for b in blocks {
        match b {
            Block::Paragraph { content, .. } => out.push(content),
            Block::Quote { blocks, .. } => paragraphs(blocks, out, others),
            Block::List { items, .. } => items.iter().for_each(|item| paragraphs(item, out, others)),
            other => others.push(other),
        }
    }
}

/// Ordinals of the mentions in `inlines`, in reading order; panics on a nested mention or a
/// leftover `Inline::Entity`.
fn ordinals(inlines: &[Inline], inside: bool, out: &mut Vec<usize>) {
    for inline in inlines {
        match inline {
            Inline::Mention { ordinal, content, .. } => {
                assert!(!inside, "a mention inside a mention: {inlines:?}");
                out.push(*ordinal);
                ordinals(content, true, out);
            }
            Inline::Entity { .. } => panic!("an entity: link survived linking: {inline:?}"),
            Inline::Emphasis(c) | Inline::Strong(c) | Inline::Strikethrough(c) | Inline::Link { content: c, .. } => {
                ordinals(c, inside, out)
            }
            Inline::Text(_) | Inline::Code(_) | Inline::Break => {}
        }
    }
}

pub fn check(commentary: &Commentary, linked: &Linked) {
    let (mut before, mut before_other, mut after, mut after_other) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    paragraphs(&commentary.body.blocks, &mut before, &mut before_other);
    paragraphs(&linked.body.blocks, &mut after, &mut after_other);
    assert_eq!(before.len(), after.len(), "linking changed the block structure");
    assert_eq!(before_other, after_other, "linking changed a heading or code block");
    let mut pairs: Vec<(String, &[Inline])> = before.iter().map(|p| Inline::plain_text(p)).zip(after.iter().copied()).collect();
    assert_eq!(commentary.front.authors.len(), linked.bios.len());
    for (author, (name, role)) in commentary.front.authors.iter().zip(&linked.bios) {
        pairs.push((author.name.clone(), name));
        assert_eq!(author.role.is_some(), role.is_some());
        if let (Some(plain), Some(rich)) = (&author.role, role) {
            pairs.push((plain.clone(), rich));
        }
    }
    let note = commentary.front.publication.as_ref().and_then(|p| p.note.clone());
    assert_eq!(note.is_some(), linked.note.is_some());
    if let (Some(plain), Some(rich)) = (note, &linked.note) {
        pairs.push((plain, rich));
    }
    let mut seen = Vec::new();
    for (plain, rich) in pairs {
        assert_eq!(plain, Inline::plain_text(rich), "linking changed the text");
        ordinals(rich, false, &mut seen);
    }
    assert!(seen.iter().copied().eq(0..seen.len()), "mention ordinals out of order: {seen:?}");
    assert_eq!(seen.len(), linked.mentions.by_ordinal.len(), "the mention index disagrees with the text");
}
