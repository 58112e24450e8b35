//! Markdown body → a typed document model.
//!
//! The model holds only what the widget renders: headings (with stable slugs), paragraphs,
//! emphasis, links that passed the link policy, entity mentions, quotes, lists, code, rules.
//! Raw HTML never survives as markup: comments are dropped, anything else becomes visible
//! text (with a warning), so nothing from a file can inject elements or scripts.
//!
//! This module is the model (what a bundle carries and the reader renders); the parser that
//! makes it from Markdown is the compiler crate's (`commentary_compiler::markdown::parse_body`),
//! which the reader does not depend on.

use super::catalog::EntityId;

/// Containers nested deeper than this are flattened into their parent, so hostile input
/// (`>>>>>>…`, `*****…`) cannot make rendering recurse without bound.
pub const MAX_DEPTH: usize = 32;

/// Nesting of blocks and inlines a bundle may hold: the Markdown parser writes at most
/// [`MAX_DEPTH`] + 1; twice that leaves room and still bounds the decoder's stack.
pub const MAX_NESTING: usize = 2 * MAX_DEPTH;

/// Reads a nested list of blocks or inlines, refusing nesting past [`MAX_NESTING`].
fn nested<'de, D: serde::Deserializer<'de>, T: serde::Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    crate::wire::nested_up_to(d, MAX_NESTING)
}

/// A parsed commentary body.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Document {
    /// Top-level blocks in reading order.
    pub blocks: Vec<Block>,
}

/// A block of the body. `line` is the 1-based line in the source file where it starts.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Block {
    /// A section heading. Level 2 is the top level inside a commentary (the title is above it).
    Heading {
        /// 2–6; a Markdown `#` is rendered as level 2.
        level: u8,
        /// Unique slug, usable as an anchor and by map chapters.
        id: String,
        /// Heading text.
        #[serde(deserialize_with = "nested")]
        content: Vec<Inline>,
        /// Source line.
        line: usize,
    },
    /// A paragraph.
    Paragraph {
        /// Paragraph text.
        #[serde(deserialize_with = "nested")]
        content: Vec<Inline>,
        /// Source line.
        line: usize,
    },
    /// A block quotation.
    Quote {
        /// Quoted blocks.
        #[serde(deserialize_with = "nested")]
        blocks: Vec<Block>,
        /// Source line.
        line: usize,
    },
    /// A bulleted (`start: None`) or numbered list.
    List {
        /// First number of a numbered list.
        start: Option<u64>,
        /// Each item's blocks.
        #[serde(deserialize_with = "nested")]
        items: Vec<Vec<Block>>,
        /// Source line.
        line: usize,
    },
    /// Preformatted text.
    Code {
        /// The code, verbatim.
        text: String,
        /// Source line.
        line: usize,
    },
    /// A thematic break.
    Rule {
        /// Source line.
        line: usize,
    },
}

/// Inline content.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Inline {
    /// Plain text (already unescaped; render as text, never as markup).
    Text(String),
    /// Emphasis (`*…*`).
    Emphasis(#[serde(deserialize_with = "nested")] Vec<Inline>),
    /// Strong emphasis (`**…**`).
    Strong(#[serde(deserialize_with = "nested")] Vec<Inline>),
    /// Struck-through text (`~~…~~`).
    Strikethrough(#[serde(deserialize_with = "nested")] Vec<Inline>),
    /// Inline code.
    Code(String),
    /// A link that passed the link policy. `href` is either an absolute http/https/mailto URL
    /// or a relative reference (`relative: true`) that the renderer resolves and re-checks.
    Link {
        /// Where it goes, as the link policy let it through.
        href: String,
        /// Whether `href` still needs resolving against the commentary's URL.
        relative: bool,
        /// Optional link title.
        title: String,
        /// Link text.
        #[serde(deserialize_with = "nested")]
        content: Vec<Inline>,
    },
    /// An explicit mention of a catalog entity, `[text](entity:id)`, before linking.
    Entity {
        /// Entity id as written.
        id: String,
        /// The mention's text.
        #[serde(deserialize_with = "nested")]
        content: Vec<Inline>,
        /// Source line and column of the link, for "unknown id" warnings.
        at: (usize, usize),
    },
    /// A mention linked to a catalog entry (explicit, or found by an alias).
    Mention {
        /// The entity.
        id: EntityId,
        /// Position among all mentions of the commentary, from 0, in reading order.
        ordinal: usize,
        /// Not the entity's first mention (styled more quietly).
        repeat: bool,
        /// The mention's text.
        #[serde(deserialize_with = "nested")]
        content: Vec<Inline>,
    },
    /// A hard line break.
    Break,
}

impl Inline {
    /// The text of inline content, without markup.
    pub fn plain_text(inlines: &[Inline]) -> String {
        let mut out = String::new();
        fn walk(inlines: &[Inline], out: &mut String) {
            for inline in inlines {
                match inline {
                    Inline::Text(t) | Inline::Code(t) => out.push_str(t),
                    Inline::Break => out.push(' '),
                    Inline::Emphasis(c) | Inline::Strong(c) | Inline::Strikethrough(c) => walk(c, out),
                    Inline::Link { content, .. } | Inline::Entity { content, .. } | Inline::Mention { content, .. } => walk(content, out),
                }
            }
        }
        walk(inlines, &mut out);
        out
    }
}

impl Inline {
    /// Calls `f` with each mention in `list` (an [`Inline::Mention`]) in reading order, those
    /// inside emphasis, links and other mentions included.
    pub fn each_mention<'a>(list: &'a [Inline], f: &mut dyn FnMut(&'a Inline)) {
        for inline in list {
            match inline {
                Inline::Mention { content, .. } => {
                    f(inline);
                    Inline::each_mention(content, f);
                }
                Inline::Emphasis(c) | Inline::Strong(c) | Inline::Strikethrough(c) => Inline::each_mention(c, f),
                Inline::Link { content, .. } | Inline::Entity { content, .. } => Inline::each_mention(content, f),
                Inline::Text(_) | Inline::Code(_) | Inline::Break => {}
            }
        }
    }
}

impl Block {
    /// The line of the source file where the block starts.
    pub fn line(&self) -> usize {
        match self {
            Block::Heading { line, .. }
            | Block::Paragraph { line, .. }
            | Block::Quote { line, .. }
            | Block::List { line, .. }
            | Block::Code { line, .. }
            | Block::Rule { line } => *line,
        }
    }

    /// Calls `f` with each mention inside this block, in reading order ([`Inline::each_mention`]).
    pub fn each_mention<'a>(&'a self, f: &mut dyn FnMut(&'a Inline)) {
        match self {
            Block::Heading { content, .. } | Block::Paragraph { content, .. } => Inline::each_mention(content, f),
            Block::Quote { blocks, .. } => blocks.iter().for_each(|b| b.each_mention(f)),
            Block::List { items, .. } => items.iter().flatten().for_each(|b| b.each_mention(f)),
            Block::Code { .. } | Block::Rule { .. } => {}
        }
    }

    /// The mentions inside this block, in reading order: (ordinal, entity). The reader uses it to
    /// re-render only the blocks a card or a highlight concerns.
    pub fn mentions(&self) -> Vec<(usize, &crate::content::catalog::EntityId)> {
        let mut out = Vec::new();
        self.each_mention(&mut |inline| {
            if let Inline::Mention { id, ordinal, .. } = inline {
                out.push((*ordinal, id));
            }
        });
        out
    }
}
