//! Telling whether a prerendered widget can be hydrated: the stamp `commentary-reader build`
//! writes on the prerendered root, and the digest of the markup a browser actually holds.
//!
//! Yew's hydration adopts the DOM it finds and panics when an element is not the one it
//! expects, which would trap the wasm instance every element on the page shares. So the
//! element never hydrates on trust:
//!
//! 1. **The inputs.** The stamp names a digest of what the render depended on: the bundle's
//!    bytes, the element's options and language, and the components' source
//!    ([`RENDER_ID`]). The reader computes the same from what it fetched; a bundle newer than
//!    its HTML, an attribute changed by the host, or a page left behind by a new release of the
//!    widget differ here.
//! 2. **The markup.** The stamp has a digest of the prerendered tree (elements, attributes,
//!    text, comments, in order) and one for every element with an `id`. The reader has the
//!    browser serialise the DOM it found and digests that the same way ([`digest_html`],
//!    through [`Digester`]): a host page or an extension that altered the markup differs here,
//!    and [`divergence`] says where (the innermost block with an id whose content changed).
//!
//! Only when both agree does the reader hydrate; otherwise it warns with the reason and renders
//! afresh in place. The digest is FNV-1a (32 bits): a guard against accidents, not an attacker
//! (a page that forges a stamp only gets its own markup adopted, as any host page could do
//! with the DOM anyway).

use std::fmt::Write as _;

/// The components' source, hashed by build.rs: HTML prerendered by one version of the widget
/// is never hydrated by another.
pub const RENDER_ID: &str = env!("COMMENTARY_READER_RENDER_ID");

/// The attribute of the prerendered root that carries the [`Stamp`].
pub const STAMP_ATTRIBUTE: &str = "data-cr-prerender";

const FNV_OFFSET: u32 = 0x811c_9dc5;
const FNV_PRIME: u32 = 0x0100_0193;

#[derive(Clone, Copy)]
struct Fnv(u32);

impl Fnv {
    fn new() -> Self {
        Fnv(FNV_OFFSET)
    }
    fn bytes(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u32::from(*b);
            self.0 = self.0.wrapping_mul(FNV_PRIME);
        }
    }
    /// A string and its end (so `ab`+`c` and `a`+`bc` differ).
    fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
        self.bytes(&[0]);
    }
    /// [`str`](Self::str) of `s` in ASCII lower case.
    fn str_lower(&mut self, s: &str) {
        for b in s.bytes() {
            self.bytes(&[b.to_ascii_lowercase()]);
        }
        self.bytes(&[0]);
    }
}

/// The digest of everything a render depends on besides the components' code, which
/// [`RENDER_ID`] adds: the bundle's bytes, then each input as `name=value`.
pub fn inputs_digest(bundle: &[u8], inputs: &[(&str, &str)]) -> u32 {
    let mut h = Fnv::new();
    h.str(RENDER_ID);
    h.bytes(bundle);
    h.bytes(&[0]);
    for (name, value) in inputs {
        h.str(name);
        h.str(value);
    }
    h.0
}

/// The element's attributes a render depends on (each as written, `None` when absent).
#[derive(Debug, Clone, Copy, Default)]
pub struct ElementInputs<'a> {
    /// `lang`.
    pub lang: Option<&'a str>,
    /// `theme`.
    pub theme: Option<&'a str>,
    /// `map`.
    pub map: Option<&'a str>,
    /// `cards`.
    pub cards: Option<&'a str>,
    /// `heading-level`.
    pub heading_level: Option<&'a str>,
    /// `debug` is present.
    pub debug: bool,
    /// The host page's language: it counts only when the element has no `lang` (and callers
    /// pass it only for a commentary that names no language of its own).
    pub page_lang: Option<&'a str>,
}

impl<'a> ElementInputs<'a> {
    /// The inputs as [`inputs_digest`] takes them: the same list on both sides.
    pub fn pairs(&self) -> [(&'static str, &'a str); 7] {
        [
            ("lang", self.lang.unwrap_or("")),
            ("theme", self.theme.unwrap_or("")),
            ("map", self.map.unwrap_or("")),
            ("cards", self.cards.unwrap_or("")),
            ("heading-level", self.heading_level.unwrap_or("")),
            ("debug", if self.debug { "1" } else { "" }),
            ("page-lang", if self.lang.is_none() { self.page_lang.unwrap_or("") } else { "" }),
        ]
    }
}

/// What the digest of a tree found: the whole tree's, and each element with an `id`'s, in
/// document order with its depth.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Digest {
    /// The whole tree.
    pub tree: u32,
    /// `(id, depth, digest)` of every element with an `id`, in document order.
    pub blocks: Vec<(String, usize, u32)>,
}

struct Frame {
    hash: Fnv,
    block: Option<usize>,
}

/// Digests a tree given as a stream of nodes, in document order: [`open`](Self::open) an
/// element, its [`text`](Self::text) and [`comment`](Self::comment)s and children, then
/// [`close`](Self::close) it. Adjacent text is one node (as an HTML parser makes it); empty
/// text counts for nothing; attributes count in name order, names in lower case.
pub struct Digester {
    stack: Vec<Frame>,
    text: String,
    blocks: Vec<(String, usize, u32)>,
}

impl Default for Digester {
    fn default() -> Self {
        Digester { stack: vec![Frame { hash: Fnv::new(), block: None }], text: String::new(), blocks: Vec::new() }
    }
}

impl Digester {
    fn top(&mut self) -> &mut Fnv {
        &mut self.stack.last_mut().expect("the root frame is never closed").hash
    }

    fn flush(&mut self) {
        if !self.text.is_empty() {
            let text = std::mem::take(&mut self.text);
            let top = self.top();
            top.bytes(b"T");
            top.str(&text);
        }
    }

    /// An element opens, with its attributes (in any order). A `<details>`'s `open` does not
    /// count: the reader toggles it (the map as text, "Cite this") before the code arrives,
    /// and hydration keeps what they opened (Yew's hydration sets the attributes it renders
    /// and leaves others alone).
    pub fn open(&mut self, name: &str, attributes: &mut [(String, String)]) {
        self.flush();
        for (name, _) in attributes.iter_mut() {
            name.make_ascii_lowercase();
        }
        attributes.sort();
        let mut hash = Fnv::new();
        hash.bytes(b"E");
        hash.str_lower(name);
        let mut block = None;
        let details = name.eq_ignore_ascii_case("details");
        for (name, value) in attributes.iter().filter(|(n, _)| !(details && n == "open")) {
            hash.str(name);
            hash.str(value);
            if name == "id" {
                block = Some(self.blocks.len());
                self.blocks.push((value.clone(), self.stack.len() - 1, 0));
            }
        }
        self.stack.push(Frame { hash, block });
    }

    /// Text inside the current element.
    pub fn text(&mut self, text: &str) {
        self.text.push_str(text);
    }

    /// A comment inside the current element.
    pub fn comment(&mut self, data: &str) {
        self.flush();
        let top = self.top();
        top.bytes(b"C");
        top.str(data);
    }

    /// The current element closes (a stray close at the root is ignored).
    pub fn close(&mut self) {
        self.flush();
        if self.stack.len() < 2 {
            return;
        }
        let frame = self.stack.pop().expect("checked above");
        if let Some(i) = frame.block {
            self.blocks[i].2 = frame.hash.0;
        }
        let top = self.top();
        top.bytes(b"X");
        top.bytes(&frame.hash.0.to_le_bytes());
    }

    /// The digest (unclosed elements are closed).
    pub fn finish(mut self) -> Digest {
        while self.stack.len() > 1 {
            self.close();
        }
        self.flush();
        Digest { tree: self.top().0, blocks: self.blocks }
    }
}

/// What `commentary-reader build` writes on the prerendered root: the inputs' digest and the
/// markup's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    /// [`inputs_digest`] of the render.
    pub inputs: u32,
    /// The prerendered markup's digest.
    pub markup: Digest,
}

impl Stamp {
    /// The attribute value: `1 <inputs> <tree> <id>:<depth>:<digest> …` (hexadecimal digests).
    pub fn to_attribute(&self) -> String {
        let mut out = format!("1 {:08x} {:08x}", self.inputs, self.markup.tree);
        for (id, depth, digest) in &self.markup.blocks {
            let _ = write!(out, " {id}:{depth}:{digest:08x}");
        }
        out
    }

    /// Reads an attribute value written by [`to_attribute`](Self::to_attribute).
    pub fn parse(value: &str) -> Option<Stamp> {
        let mut words = value.split_ascii_whitespace();
        if words.next()? != "1" {
            return None;
        }
        let inputs = u32::from_str_radix(words.next()?, 16).ok()?;
        let tree = u32::from_str_radix(words.next()?, 16).ok()?;
        let mut blocks = Vec::new();
        for word in words {
            let (rest, digest) = word.rsplit_once(':')?;
            let (id, depth) = rest.rsplit_once(':')?;
            blocks.push((id.to_owned(), depth.parse().ok()?, u32::from_str_radix(digest, 16).ok()?));
        }
        Some(Stamp { inputs, markup: Digest { tree, blocks } })
    }
}

/// Where the markup found differs from the stamp's, in words for a console warning; `None`
/// when they agree.
pub fn divergence(expected: &Digest, found: &Digest) -> Option<String> {
    if expected.tree == found.tree {
        return None;
    }
    let wanted = |id: &str| expected.blocks.iter().find(|(i, _, _)| i == id).map(|(_, _, d)| *d);
    let differs = |(id, _, digest): &(String, usize, u32)| wanted(id) != Some(*digest);
    // The first block that changed, then its first changed descendant, and so on: the innermost.
    let mut at = found.blocks.iter().position(differs);
    while let Some(i) = at {
        let depth = found.blocks[i].1;
        let inner = found.blocks[i + 1..].iter().take_while(|(_, d, _)| *d > depth).position(differs);
        match inner {
            Some(j) => at = Some(i + 1 + j),
            None => break,
        }
    }
    if let Some(i) = at {
        let id = &found.blocks[i].0;
        return Some(match wanted(id) {
            Some(_) => format!("the content of #{id} differs"),
            None => format!("#{id} is not in the prerendered page"),
        });
    }
    if let Some((id, _, _)) = expected.blocks.iter().find(|(id, _, _)| !found.blocks.iter().any(|(f, _, _)| f == id)) {
        return Some(format!("#{id} is missing"));
    }
    Some(match found.blocks.last() {
        Some((id, _, _)) => format!("outside the blocks with an id (the last one is #{id})"),
        None => "the markup differs".to_owned(),
    })
}

/// The elements HTML closes by themselves (no children, no end tag), as Yew writes them.
const VOID: [&str; 14] = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];

/// Digests HTML as Yew's server renderer writes it (well-formed, quoted attributes, the
/// entities it escapes), the way a browser's parser would build it into the DOM for this
/// markup: the build's side of the comparison. The reader's side digests the same way what
/// the browser serialises of the tree it holds (`innerHTML`: the same shape, with the entities
/// a serialiser escapes).
pub fn digest_html(html: &str) -> Digest {
    let mut digest = HtmlDigest::new(html);
    while !digest.step(usize::MAX) {}
    digest.finish()
}

/// [`digest_html`] a piece at a time, so that a caller may let the page run in between: the
/// reader digests the ~150 KB its page holds over a few tasks.
pub struct HtmlDigest<'a> {
    rest: &'a str,
    digester: Digester,
}

impl<'a> HtmlDigest<'a> {
    /// Starts reading `html`.
    pub fn new(html: &'a str) -> Self {
        HtmlDigest { rest: html, digester: Digester::default() }
    }

    /// Digests at least `bytes` more of the HTML (to the end of the node reached); true when
    /// all of it is.
    pub fn step(&mut self, bytes: usize) -> bool {
        let (d, start) = (&mut self.digester, self.rest.len());
        let mut rest = self.rest;
        while !rest.is_empty() && start - rest.len() < bytes {
            if let Some(after) = rest.strip_prefix("<!--") {
                let end = after.find("-->").unwrap_or(after.len());
                d.comment(&after[..end]);
                rest = after.get(end + 3..).unwrap_or("");
            } else if let Some(after) = rest.strip_prefix("</") {
                d.close();
                rest = after.get(after.find('>').map_or(after.len(), |i| i + 1)..).unwrap_or("");
            } else if rest.starts_with('<') && rest[1..].starts_with(|c: char| c.is_ascii_alphabetic()) {
                let (name, mut attributes, after) = tag(&rest[1..]);
                d.open(name, &mut attributes);
                if VOID.iter().any(|v| v.eq_ignore_ascii_case(name)) {
                    d.close();
                }
                rest = after;
            } else {
                let first = rest.chars().next().map_or(1, char::len_utf8);
                let end = rest[first..].find('<').map_or(rest.len(), |i| i + first);
                // A parser drops NUL from text (and makes it U+FFFD in attribute values).
                let text = decode(&rest[..end]);
                if text.contains('\0') {
                    d.text(&text.replace('\0', ""));
                } else {
                    d.text(&text);
                }
                rest = &rest[end..];
            }
        }
        self.rest = rest;
        rest.is_empty()
    }

    /// The digest of what was read (unclosed elements are closed).
    pub fn finish(self) -> Digest {
        self.digester.finish()
    }
}

/// A start tag's name and attributes (after its `<`), and what follows its `>`.
fn tag(s: &str) -> (&str, Vec<(String, String)>, &str) {
    let name_end = s.find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/').unwrap_or(s.len());
    let name = &s[..name_end];
    let mut rest = &s[name_end..];
    let mut attributes = Vec::new();
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
        if rest.is_empty() {
            return (name, attributes, rest);
        }
        if let Some(after) = rest.strip_prefix('>') {
            return (name, attributes, after);
        }
        let end = rest.find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '>').unwrap_or(rest.len());
        let attr = rest[..end].to_owned();
        rest = &rest[end..];
        let value = if let Some(after) = rest.strip_prefix("=\"") {
            let close = after.find('"').unwrap_or(after.len());
            rest = after.get(close + 1..).unwrap_or("");
            let value = decode(&after[..close]);
            if value.contains('\0') {
                value.replace('\0', "\u{fffd}")
            } else {
                value.into_owned()
            }
        } else {
            String::new()
        };
        attributes.push((attr, value));
    }
}

/// Text with the character references Yew writes (and numeric ones) decoded, and line ends
/// normalised as an HTML parser does (borrowed when there is nothing to change, as in most
/// text).
fn decode(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains('\r') {
        let normalised = s.replace("\r\n", "\n").replace('\r', "\n");
        return std::borrow::Cow::Owned(references(&normalised).into_owned());
    }
    references(s)
}

/// [`decode`]'s character references.
fn references(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|n| n.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn by_hand(build: impl FnOnce(&mut Digester)) -> Digest {
        let mut d = Digester::default();
        build(&mut d);
        d.finish()
    }

    fn attrs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
    }

    #[test]
    fn html_digests_as_the_dom_walk_of_the_same_tree() {
        let html = r#"<!--<[Reader]>--><article id="a" class="cr" lang="en"><h1 id="t">Belarus &amp; China &lt;2024&gt;</h1><p id="p-1">Text <span role="button" data-mention="0">Minsk</span>.<br>Next&#39;s</p><svg viewBox="0 0 4 3"><path d="M0 0"></path></svg></article><!--</[Reader]>-->"#;
        let walked = by_hand(|d| {
            d.comment("<[Reader]>");
            d.open("ARTICLE", &mut attrs(&[("lang", "en"), ("class", "cr"), ("id", "a")]));
            d.open("h1", &mut attrs(&[("id", "t")]));
            d.text("Belarus & China <2024>");
            d.close();
            d.open("p", &mut attrs(&[("id", "p-1")]));
            d.text("Te");
            d.text("xt ");
            d.open("span", &mut attrs(&[("data-mention", "0"), ("role", "button")]));
            d.text("Minsk");
            d.close();
            d.text(".");
            d.open("br", &mut []);
            d.close();
            d.text("Next's");
            d.close();
            d.open("svg", &mut attrs(&[("viewBox", "0 0 4 3")]));
            d.open("path", &mut attrs(&[("d", "M0 0")]));
            d.close();
            d.close();
            d.close();
            d.comment("</[Reader]>");
        });
        assert_eq!(digest_html(html), walked);
        assert_eq!(walked.blocks.iter().map(|(id, depth, _)| (id.as_str(), *depth)).collect::<Vec<_>>(), [("a", 0), ("t", 1), ("p-1", 1)]);
    }

    #[test]
    fn an_altered_paragraph_is_located_at_its_innermost_block() {
        let page = r#"<article id="a"><section id="s-1"><p id="p-1">One</p><p id="p-2">Two <b>bold</b></p></section><p id="p-3">Three</p></article>"#;
        let expected = digest_html(page);
        let unchanged = digest_html(page);
        assert_eq!(divergence(&expected, &unchanged), None);
        // An extension wraps a word: the paragraph changed, and so did its section and article.
        let wrapped = digest_html(&page.replace("Two <b>bold</b>", "Two <b><i>bold</i></b>"));
        assert_eq!(divergence(&expected, &wrapped).as_deref(), Some("the content of #p-2 differs"));
        // An attribute changed counts too.
        let attribute = digest_html(&page.replace(r#"<p id="p-3">"#, r#"<p id="p-3" class="x">"#));
        assert_eq!(divergence(&expected, &attribute).as_deref(), Some("the content of #p-3 differs"));
        // A paragraph removed: its section differs; nothing inside it with an id does.
        let removed = digest_html(&page.replace(r#"<p id="p-1">One</p>"#, ""));
        assert_eq!(divergence(&expected, &removed).as_deref(), Some("the content of #s-1 differs"));
        // A comment Yew's hydration relies on, removed outside every block.
        let marker = r#"<!--<[Reader]>-->"#;
        let with_marker = digest_html(&format!("{marker}{page}"));
        assert_eq!(divergence(&with_marker, &expected).as_deref(), Some("outside the blocks with an id (the last one is #p-3)"));
    }

    #[test]
    fn a_details_opened_by_the_reader_is_not_an_alteration() {
        let page = r#"<section id="c"><details class="cr-cite"><summary>Cite</summary><p id="x">t</p></details></section>"#;
        let expected = digest_html(page);
        let opened = digest_html(&page.replace(r#"<details class="cr-cite">"#, r#"<details class="cr-cite" open="">"#));
        assert_eq!(divergence(&expected, &opened), None);
        // `open` elsewhere still counts.
        let dialog = digest_html(&page.replace(r#"<p id="x">"#, r#"<p id="x" open="">"#));
        assert_eq!(divergence(&expected, &dialog).as_deref(), Some("the content of #x differs"));
    }

    #[test]
    fn the_stamp_reads_back_what_it_wrote() {
        let stamp =
            Stamp { inputs: inputs_digest(b"bundle", &[("lang", "en")]), markup: digest_html(r#"<p id="p-1">x</p><p id="a:b">y</p>"#) };
        let written = stamp.to_attribute();
        assert!(written.starts_with("1 "));
        assert_eq!(Stamp::parse(&written), Some(stamp));
        assert_eq!(Stamp::parse("2 0 0"), None);
        assert_eq!(Stamp::parse("1 zz 0"), None);
    }

    #[test]
    fn every_input_changes_the_inputs_digest() {
        let base = inputs_digest(b"bundle", &[("lang", "en"), ("map", "on")]);
        assert_ne!(base, inputs_digest(b"bundle2", &[("lang", "en"), ("map", "on")]));
        assert_ne!(base, inputs_digest(b"bundle", &[("lang", "ru"), ("map", "on")]));
        assert_ne!(base, inputs_digest(b"bundle", &[("lang", "e"), ("map", "non")]));
        assert_eq!(base, inputs_digest(b"bundle", &[("lang", "en"), ("map", "on")]));
    }

    #[test]
    fn entities_and_line_ends_decode_as_a_parser_does() {
        assert_eq!(decode("a &amp; b &#x27;c&#39; &quot;d&quot; &unknown; &"), "a & b 'c' \"d\" &unknown; &");
        assert_eq!(decode("one\r\ntwo\rthree"), "one\ntwo\nthree");
        // NUL: dropped from text, U+FFFD in an attribute, as a browser's parser builds them.
        let mut d = Digester::default();
        d.open("p", &mut attrs(&[("title", "a\u{fffd}b")]));
        d.text("ab");
        d.close();
        assert_eq!(digest_html("<p title=\"a\0b\">a\0b</p>"), d.finish());
    }

    #[test]
    fn a_digest_taken_a_piece_at_a_time_is_the_digest_taken_at_once() {
        let html = "<div id=\"a\" class=\"x\"><p>One &amp; two</p><!--<[C]>--><br><p id=\"b\">Три\r\n</p></div><span>end</span>";
        let whole = digest_html(html);
        for bytes in [1, 3, 7, 20] {
            let mut digest = HtmlDigest::new(html);
            let mut steps = 1;
            while !digest.step(bytes) {
                steps += 1;
            }
            assert!(steps > 1, "{bytes}-byte steps took more than one");
            assert_eq!(digest.finish(), whole, "in steps of {bytes} bytes");
        }
    }
}
