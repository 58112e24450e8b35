//! The commentary's text for parsers that do not read declarative shadow roots (issue 29): a
//! plain copy as the element's light-DOM child, after its `<template shadowrootmode>`.
//!
//! The widget's shadow root has no slot for it, so browsers do not render it (no box, nothing
//! read twice by a screen reader, nothing the host page's CSS can reach in the widget); it is
//! in the document for what reads the HTML or the DOM without rendering it: BeautifulSoup and
//! other scrapers (which skip `<template>` and `<script>` text), reader modes (Readability
//! reads the light DOM and keeps elements without `hidden`), feed aggregators. If the widget
//! cannot be shown at all, its error message's slot shows this copy. `innerText`, which counts
//! only rendered text, cannot have it without the text being rendered twice or outside the
//! widget's styles: not done. Headings, paragraphs, lists, quotations and code as plain HTML,
//! every text escaped; mentions and links as their text.

use crate::content::{Block, FrontMatter, Inline};
use crate::publish::escape;

/// The copy of the commentary `front` with `blocks` (its body): an `<article>` with the title,
/// the byline and the body.
pub fn article(front: &FrontMatter, blocks: &[Block]) -> String {
    let strings = crate::i18n::strings(&front.lang);
    let names: Vec<&str> = front.authors.iter().map(|a| a.name.as_str()).collect();
    let mut byline = vec![crate::i18n::join_names(&names, strings.and)];
    byline.push(strings.date(front.date));
    if let Some(p) = &front.publication {
        byline.push(p.publisher.clone());
    }
    let byline: Vec<String> = byline.into_iter().filter(|b| !b.is_empty()).map(|b| escape(&b)).collect();
    let mut out = format!(
        "<article class=\"cr-text-copy\" lang=\"{}\"><h1>{}</h1><p>{}</p>",
        escape(&front.lang),
        escape(&front.title),
        byline.join(" · ")
    );
    for block in blocks {
        push_block(block, &mut out);
    }
    out.push_str("</article>");
    out
}

fn text(inlines: &[Inline]) -> String {
    escape(&Inline::plain_text(inlines))
}

fn push_block(block: &Block, out: &mut String) {
    match block {
        Block::Heading { level, content, .. } => {
            let level = (*level).clamp(2, 6);
            out.push_str(&format!("<h{level}>{}</h{level}>", text(content)));
        }
        Block::Paragraph { content, .. } => out.push_str(&format!("<p>{}</p>", text(content))),
        Block::Quote { blocks, .. } => {
            out.push_str("<blockquote>");
            for b in blocks {
                push_block(b, out);
            }
            out.push_str("</blockquote>");
        }
        Block::List { start, items, .. } => {
            let tag = if start.is_some() { "ol" } else { "ul" };
            out.push_str(&format!("<{tag}>"));
            for item in items {
                out.push_str("<li>");
                for b in item {
                    push_block(b, out);
                }
                out.push_str("</li>");
            }
            out.push_str(&format!("</{tag}>"));
        }
        Block::Code { text, .. } => out.push_str(&format!("<pre>{}</pre>", escape(text))),
        Block::Rule { .. } => out.push_str("<hr>"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use commentary_compiler::parse_commentary;

    #[test]
    fn the_copy_has_the_title_byline_and_every_block_as_plain_escaped_html() {
        let source = "+++\ntitle = \"A <b> & B\"\ndate = 2024-02-14\nlang = \"en\"\n[[authors]]\nname = \"Ann\"\n+++\n\n## Part <one>\n\nSome *text* with [a link](https://example.org) and <script>x</script>.\n\n> quoted\n\n1. first\n2. second\n\n---\n";
        let (commentary, _) = parse_commentary(source, "c.md").unwrap();
        let copy = article(&commentary.front, &commentary.body.blocks);
        assert!(
            copy.starts_with("<article class=\"cr-text-copy\" lang=\"en\"><h1>A &lt;b&gt; &amp; B</h1><p>Ann · February 14, 2024</p>"),
            "{copy}"
        );
        assert!(copy.contains("<h2>Part &lt;one&gt;</h2>"), "{copy}");
        assert!(copy.contains("<p>Some text with a link and"), "{copy}");
        assert!(!copy.contains("<script>") && !copy.contains("<b>"), "{copy}");
        assert!(
            copy.contains("<blockquote><p>quoted</p></blockquote><ol><li><p>first</p></li><li><p>second</p></li></ol><hr></article>"),
            "{copy}"
        );
    }
}
