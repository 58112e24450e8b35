//! The Markdown parser: pulldown-cmark events → the document model of [`super`].

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::content::diagnostic::{Diagnostic, LineIndex};
use crate::content::links::{classify, LinkTarget};
use crate::content::slug::Slugger;
use commentary_core::content::markdown::{Block, Document, Inline, MAX_DEPTH};

enum InlineKind {
    Paragraph {
        implicit: bool,
    },
    Heading {
        level: u8,
        id: Option<String>,
    },
    Emphasis,
    Strong,
    Strikethrough,
    Link {
        href: String,
        relative: bool,
        title: String,
    },
    Entity(String, (usize, usize)),
    /// A link whose target was refused: its text flows into the parent.
    Unlinked,
    /// Image alt text, kept as text.
    ImageAlt,
    CodeBlock,
    HtmlBlock,
}

enum Frame {
    Blocks {
        quote: bool,
        blocks: Vec<Block>,
        line: usize,
    },
    List {
        start: Option<u64>,
        items: Vec<Vec<Block>>,
        line: usize,
    },
    Inlines {
        kind: InlineKind,
        inlines: Vec<Inline>,
        line: usize,
    },
    /// Nested past [`MAX_DEPTH`]: its start and end are ignored.
    Flattened,
}

struct Builder {
    stack: Vec<Frame>,
    /// Indices in `stack` of the frames that are not [`Frame::Flattened`], innermost last, so
    /// finding the innermost one does not scan back over thousands of flattened frames.
    real: Vec<usize>,
    slugger: Slugger,
    warnings: Vec<Diagnostic>,
}

impl Builder {
    /// The innermost frame that is not flattened.
    fn top(&mut self) -> &mut Frame {
        let i = *self.real.last().expect("root frame is never popped");
        &mut self.stack[i]
    }

    /// Pushes `frame` as the innermost frame, keeping `real` in step.
    fn push(&mut self, frame: Frame) {
        if !matches!(frame, Frame::Flattened) {
            self.real.push(self.stack.len());
        }
        self.stack.push(frame);
    }

    /// Pops the innermost frame, keeping `real` in step.
    fn pop(&mut self) -> Frame {
        let frame = self.stack.pop().expect("every end event has a start");
        if !matches!(frame, Frame::Flattened) {
            self.real.pop();
        }
        frame
    }

    fn open(&mut self, frame: Frame) {
        if self.stack.len() > MAX_DEPTH {
            self.push(Frame::Flattened);
        } else {
            self.push(frame);
        }
    }

    /// Appends inline content, opening an implicit paragraph in a block container
    /// (tight list items hold text directly).
    fn push_inline(&mut self, inline: Inline, line: usize) {
        if matches!(self.top(), Frame::Blocks { .. } | Frame::List { .. }) {
            self.push(Frame::Inlines { kind: InlineKind::Paragraph { implicit: true }, inlines: Vec::new(), line });
        }
        let Frame::Inlines { inlines, .. } = self.top() else { unreachable!("an inline frame was just ensured") };
        match (inlines.last_mut(), inline) {
            (Some(Inline::Text(prev)), Inline::Text(next)) => prev.push_str(&next),
            (_, inline) => inlines.push(inline),
        }
    }

    /// Closes an implicit paragraph before a block starts or a container ends.
    fn close_implicit(&mut self) {
        if matches!(self.top(), Frame::Inlines { kind: InlineKind::Paragraph { implicit: true }, .. }) {
            self.close();
        }
    }

    fn push_block(&mut self, block: Block) {
        self.close_implicit();
        match self.top() {
            Frame::Blocks { blocks, .. } => blocks.push(block),
            Frame::List { items, .. } => match items.last_mut() {
                Some(item) => item.push(block),
                None => items.push(vec![block]),
            },
            Frame::Inlines { inlines, .. } => {
                // Cannot happen with balanced CommonMark events; keep the text rather than lose it.
                inlines.push(Inline::Text(block_text(&block)));
            }
            Frame::Flattened => unreachable!("top() skips flattened frames"),
        }
    }

    /// Pops the innermost frame and attaches it to its parent.
    fn close(&mut self) {
        match self.pop() {
            Frame::Flattened => {}
            Frame::Blocks { quote: true, blocks, line } => {
                self.push_block(Block::Quote { blocks, line });
            }
            Frame::Blocks { quote: false, blocks, .. } => {
                // A list item: becomes the next item of the enclosing list.
                match self.top() {
                    Frame::List { items, .. } => items.push(blocks),
                    _ => {
                        for block in blocks {
                            self.push_block(block);
                        }
                    }
                }
            }
            Frame::List { start, items, line } => self.push_block(Block::List { start, items, line }),
            Frame::Inlines { kind, inlines, line } => match kind {
                InlineKind::Paragraph { .. } => {
                    if !inlines.is_empty() {
                        self.push_block(Block::Paragraph { content: trim_inlines(inlines), line });
                    }
                }
                InlineKind::HtmlBlock => {
                    let text = Inline::plain_text(&inlines);
                    let text = text.trim();
                    if !text.is_empty() {
                        self.push_block(Block::Paragraph { content: vec![Inline::Text(text.to_owned())], line });
                    }
                }
                InlineKind::Heading { level, id } => {
                    let content = trim_inlines(inlines);
                    let slug = self.slugger.unique(&Inline::plain_text(&content), id.as_deref());
                    self.push_block(Block::Heading { level: level.max(2), id: slug, content, line });
                }
                InlineKind::CodeBlock => {
                    self.push_block(Block::Code { text: Inline::plain_text(&inlines), line });
                }
                InlineKind::Emphasis => self.push_inline(Inline::Emphasis(inlines), line),
                InlineKind::Strong => self.push_inline(Inline::Strong(inlines), line),
                InlineKind::Strikethrough => self.push_inline(Inline::Strikethrough(inlines), line),
                InlineKind::Link { href, relative, title } => {
                    self.push_inline(Inline::Link { href, relative, title, content: inlines }, line);
                }
                InlineKind::Entity(id, at) => self.push_inline(Inline::Entity { id, content: inlines, at }, at.0),
                InlineKind::Unlinked | InlineKind::ImageAlt => {
                    for inline in inlines {
                        self.push_inline(inline, line);
                    }
                }
            },
        }
    }
}

fn block_text(block: &Block) -> String {
    match block {
        Block::Heading { content, .. } | Block::Paragraph { content, .. } => Inline::plain_text(content),
        Block::Code { text, .. } => text.clone(),
        Block::Quote { blocks, .. } => blocks.iter().map(block_text).collect::<Vec<_>>().join(" "),
        Block::List { items, .. } => items.iter().flatten().map(block_text).collect::<Vec<_>>().join(" "),
        Block::Rule { .. } => String::new(),
    }
}

/// Drops leading/trailing whitespace of a paragraph or heading (soft breaks at the edges).
fn trim_inlines(mut inlines: Vec<Inline>) -> Vec<Inline> {
    if let Some(Inline::Text(t)) = inlines.first_mut() {
        *t = t.trim_start().to_owned();
    }
    if let Some(Inline::Text(t)) = inlines.last_mut() {
        *t = t.trim_end().to_owned();
    }
    inlines.retain(|i| !matches!(i, Inline::Text(t) if t.is_empty()));
    inlines
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

fn is_html_comment(html: &str) -> bool {
    let t = html.trim();
    t.starts_with("<!--") && t.ends_with("-->")
}

impl Builder {
    /// Opens the frame an element's start begins, with the warnings its kind asks for (`pos`: its
    /// line and column, counted only for a warning).
    fn start(&mut self, tag: Tag<'_>, line: usize, pos: &dyn Fn() -> (usize, usize), file: &str) {
        match tag {
            Tag::Paragraph => {
                self.close_implicit();
                self.open(Frame::Inlines { kind: InlineKind::Paragraph { implicit: false }, inlines: Vec::new(), line });
            }
            Tag::Heading { level, id, .. } => {
                self.close_implicit();
                let level = heading_level(level);
                if level == 1 {
                    self.warnings.push(Diagnostic::warning(
                        file,
                        pos(),
                        "`#` headings are shown as section headings (level 2): the title comes from the front matter",
                    ));
                }
                self.open(Frame::Inlines { kind: InlineKind::Heading { level, id: id.map(|s| s.to_string()) }, inlines: Vec::new(), line });
            }
            Tag::BlockQuote(_) => {
                self.close_implicit();
                self.open(Frame::Blocks { quote: true, blocks: Vec::new(), line });
            }
            Tag::List(start) => {
                self.close_implicit();
                self.open(Frame::List { start, items: Vec::new(), line });
            }
            Tag::Item => {
                self.close_implicit();
                self.open(Frame::Blocks { quote: false, blocks: Vec::new(), line });
            }
            Tag::CodeBlock(_) => {
                self.close_implicit();
                self.open(Frame::Inlines { kind: InlineKind::CodeBlock, inlines: Vec::new(), line });
            }
            Tag::HtmlBlock => {
                self.close_implicit();
                self.open(Frame::Inlines { kind: InlineKind::HtmlBlock, inlines: Vec::new(), line });
            }
            Tag::Emphasis => self.open(Frame::Inlines { kind: InlineKind::Emphasis, inlines: Vec::new(), line }),
            Tag::Strong => self.open(Frame::Inlines { kind: InlineKind::Strong, inlines: Vec::new(), line }),
            Tag::Strikethrough => self.open(Frame::Inlines { kind: InlineKind::Strikethrough, inlines: Vec::new(), line }),
            Tag::Link { dest_url, title, .. } => {
                let kind = match classify(&dest_url) {
                    LinkTarget::Web(href) => InlineKind::Link { href, relative: false, title: title.to_string() },
                    LinkTarget::Relative(href) => InlineKind::Link { href, relative: true, title: title.to_string() },
                    LinkTarget::Entity(id) => InlineKind::Entity(id, pos()),
                    LinkTarget::Plain(why) => {
                        self.warnings.push(Diagnostic::warning(
                            file,
                            pos(),
                            format!("link to `{}` is shown as plain text: {why}", dest_url.escape_debug()),
                        ));
                        InlineKind::Unlinked
                    }
                };
                self.open(Frame::Inlines { kind, inlines: Vec::new(), line });
            }
            Tag::Image { .. } => {
                self.warnings.push(Diagnostic::warning(file, pos(), "images are not shown in a commentary; the alt text is shown instead"));
                self.open(Frame::Inlines { kind: InlineKind::ImageAlt, inlines: Vec::new(), line });
            }
            // Not enabled in `options`; kept total so a future option cannot lose text.
            _ => self.open(Frame::Inlines { kind: InlineKind::Unlinked, inlines: Vec::new(), line }),
        }
    }
}

/// Parses a Markdown body whose first line is line `first_line` of `file`.
pub fn parse_body(body: &str, first_line: usize, file: &str) -> (Document, Vec<Diagnostic>) {
    let index = LineIndex::new(body, first_line - 1);
    let options = Options::ENABLE_SMART_PUNCTUATION | Options::ENABLE_HEADING_ATTRIBUTES | Options::ENABLE_STRIKETHROUGH;
    let mut b = Builder {
        stack: vec![Frame::Blocks { quote: false, blocks: Vec::new(), line: first_line }],
        real: vec![0],
        slugger: Slugger::default(),
        warnings: Vec::new(),
    };
    let mut html_warned = false;
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        // Only the line is needed for every event; the column is counted for warnings only.
        let line = index.line(range.start);
        let pos = || index.locate(range.start);
        match event {
            Event::Start(tag) => b.start(tag, line, &pos, file),
            Event::End(end) => {
                if matches!(end, TagEnd::Item | TagEnd::BlockQuote(_) | TagEnd::List(_)) {
                    b.close_implicit();
                }
                b.close();
            }
            Event::Text(text) => b.push_inline(Inline::Text(text.to_string()), line),
            Event::Code(code) => b.push_inline(Inline::Code(code.to_string()), line),
            Event::SoftBreak => b.push_inline(Inline::Text(" ".into()), line),
            Event::HardBreak => b.push_inline(Inline::Break, line),
            Event::Rule => b.push_block(Block::Rule { line }),
            Event::Html(html) | Event::InlineHtml(html) => {
                if is_html_comment(&html) {
                    continue;
                }
                if !html_warned {
                    b.warnings.push(Diagnostic::warning(file, pos(), "raw HTML is not allowed in a commentary; it is shown as text"));
                    html_warned = true;
                }
                b.push_inline(Inline::Text(html.to_string()), line);
            }
            Event::InlineMath(t) | Event::DisplayMath(t) | Event::FootnoteReference(t) => {
                b.push_inline(Inline::Text(t.to_string()), line);
            }
            Event::TaskListMarker(_) => {}
        }
    }
    while b.stack.len() > 1 {
        b.close();
    }
    b.close_implicit();
    let Some(Frame::Blocks { blocks, .. }) = b.stack.pop() else { unreachable!("the root frame is a block container") };
    (Document { blocks }, b.warnings)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(md: &str) -> (Vec<Block>, Vec<Diagnostic>) {
        let (doc, w) = parse_body(md, 1, "c.md");
        (doc.blocks, w)
    }

    fn text(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    #[test]
    fn paragraphs_headings_and_emphasis() {
        let (blocks, w) = parse("Intro *Firstly*, **strong**.\n\n## Long-established relations\n\nNext\nline");
        assert!(w.is_empty());
        assert_eq!(blocks.len(), 3);
        assert_eq!(
            blocks[0],
            Block::Paragraph {
                content: vec![
                    text("Intro "),
                    Inline::Emphasis(vec![text("Firstly")]),
                    text(", "),
                    Inline::Strong(vec![text("strong")]),
                    text(".")
                ],
                line: 1
            }
        );
        assert_eq!(
            blocks[1],
            Block::Heading {
                level: 2,
                id: "long-established-relations".into(),
                content: vec![text("Long-established relations")],
                line: 3
            }
        );
        // Soft breaks become spaces and text runs are merged.
        assert_eq!(blocks[2], Block::Paragraph { content: vec![text("Next line")], line: 5 });
    }

    #[test]
    fn lines_count_from_the_body_start_in_the_file() {
        let (doc, _) = parse_body("a\n\nb", 10, "c.md");
        assert!(matches!(doc.blocks[1], Block::Paragraph { line: 12, .. }));
    }

    #[test]
    fn raw_html_becomes_visible_text_with_one_warning() {
        let (blocks, w) = parse("<script>alert(1)</script>\n\nHi <img src=x onerror=alert(2)> there<!-- note -->");
        assert_eq!(blocks[0], Block::Paragraph { content: vec![text("<script>alert(1)</script>")], line: 1 });
        assert_eq!(blocks[1], Block::Paragraph { content: vec![text("Hi <img src=x onerror=alert(2)> there")], line: 3 });
        assert_eq!(w.len(), 1);
        assert!(w[0].to_string().starts_with("c.md:1:1: warning: raw HTML"), "{}", w[0]);
    }

    #[test]
    fn refused_links_keep_their_text() {
        let (blocks, w) = parse("Go [there](javascript:alert(1)) and [here](#) or [web](https://x.org \"T\").");
        assert_eq!(
            blocks[0],
            Block::Paragraph {
                content: vec![
                    text("Go there and here or "),
                    Inline::Link { href: "https://x.org".into(), relative: false, title: "T".into(), content: vec![text("web")] },
                    text("."),
                ],
                line: 1
            }
        );
        assert_eq!(w.len(), 2);
        assert!(w[0].message.contains("javascript:"), "{}", w[0]);
        assert_eq!((w[0].line, w[0].column), (1, 4));
    }

    #[test]
    fn entity_links_and_relative_links() {
        let (blocks, _) = parse("[the Belarusian leader](entity:lukashenko) see [more](../x.md)");
        let Block::Paragraph { content, .. } = &blocks[0] else { panic!() };
        assert_eq!(content[0], Inline::Entity { id: "lukashenko".into(), content: vec![text("the Belarusian leader")], at: (1, 1) });
        assert!(matches!(&content[2], Inline::Link { relative: true, href, .. } if href == "../x.md"));
    }

    #[test]
    fn tight_and_loose_lists_and_quotes() {
        let (blocks, _) = parse("- one\n- *two*\n\n> quoted\n> text\n\n3. a\n4. b\n");
        let Block::List { start: None, items, .. } = &blocks[0] else { panic!("{blocks:?}") };
        assert_eq!(items.len(), 2);
        assert_eq!(items[0], vec![Block::Paragraph { content: vec![text("one")], line: 1 }]);
        assert!(matches!(&blocks[1], Block::Quote { blocks, .. } if blocks.len() == 1));
        assert!(matches!(&blocks[2], Block::List { start: Some(3), items, .. } if items.len() == 2));
    }

    #[test]
    fn smart_punctuation_and_duplicate_slugs() {
        let (blocks, _) = parse("## A \"quote\" -- here\n\n## A \"quote\" -- here {#custom}\n\n## A \"quote\" -- here");
        let ids: Vec<_> = blocks
            .iter()
            .map(|b| match b {
                Block::Heading { id, .. } => id.clone(),
                _ => panic!(),
            })
            .collect();
        assert_eq!(ids, ["a-quote-here", "custom", "a-quote-here-2"]);
        let Block::Heading { content, .. } = &blocks[0] else { panic!() };
        assert_eq!(Inline::plain_text(content), "A “quote” – here");
    }

    #[test]
    fn h1_is_demoted_with_a_warning_and_images_keep_alt_text() {
        let (blocks, w) = parse("# Top\n\n![a map](map.png)");
        assert!(matches!(&blocks[0], Block::Heading { level: 2, .. }));
        assert_eq!(blocks[1], Block::Paragraph { content: vec![text("a map")], line: 3 });
        assert_eq!(w.len(), 2);
    }

    #[test]
    fn hostile_nesting_is_flattened_not_recursed() {
        let md = format!("{}deep", "> ".repeat(5000));
        let (blocks, _) = parse(&md);
        fn depth(b: &Block) -> usize {
            match b {
                Block::Quote { blocks, .. } => 1 + blocks.iter().map(depth).max().unwrap_or(0),
                _ => 0,
            }
        }
        assert!(depth(&blocks[0]) <= MAX_DEPTH + 1);
        assert_eq!(block_text(&blocks[0]), "deep");
        let md = format!("{}x{}", "*".repeat(3000), "*".repeat(3000));
        let (blocks, _) = parse(&md);
        assert!(block_text(&blocks[0]).contains('x'));
    }
}
