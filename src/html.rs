//! Text made safe for HTML: what the server's render and the published pages write around the
//! components' own markup (which Yew escapes itself).

/// Escapes `text` for HTML: `&`, `<`, `>`, `"` and `'` become character references, so it can
/// stand in an element's text or in an attribute value in either kind of quotes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escape_replaces_the_five_characters_and_nothing_else() {
        assert_eq!(escape(r#"<a href="x" title='y'>Q&A</a>"#), "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Q&amp;A&lt;/a&gt;");
        assert_eq!(escape("Türkiye — “quoted” 中文"), "Türkiye — “quoted” 中文");
        assert_eq!(escape("&amp;"), "&amp;amp;", "an entity already written is text too");
        assert_eq!(escape(""), "");
    }
}
