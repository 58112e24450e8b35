//! Link policy: which Markdown link targets may become real links.
//!
//! Only `http`, `https` and `mailto` links are emitted; `entity:` links name a catalog entry;
//! relative links are resolved by the browser layer against the commentary's URL (and checked
//! again). Everything else — `javascript:`, `data:`, `vbscript:`, placeholders like `#` — is
//! rendered as its text, with a warning for the editor.

/// What a Markdown link destination turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    /// An absolute `http:`, `https:` or `mailto:` URL, safe to emit.
    Web(String),
    /// A relative reference, to be resolved against the commentary's URL.
    Relative(String),
    /// `entity:<id>`: a mention of a catalog entry.
    Entity(String),
    /// Not a link we emit; the reason is for the editor.
    Plain(&'static str),
}

/// The scheme of `url` as a browser would parse it, lower-cased, or `None` for a relative
/// reference. Browsers ignore leading/trailing C0 controls and spaces and drop tabs and
/// newlines anywhere, so `" java\tscript:"` is `javascript`.
pub fn scheme(url: &str) -> Option<String> {
    let cleaned: String = url.trim_matches(|c: char| c <= ' ').chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    let colon = cleaned.find(':')?;
    let candidate = &cleaned[..colon];
    let mut chars = candidate.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    (first_ok && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))).then(|| candidate.to_ascii_lowercase())
}

/// Whether an absolute URL may be emitted as a link.
pub fn is_allowed_scheme(url: &str) -> bool {
    matches!(scheme(url).as_deref(), Some("http" | "https" | "mailto"))
}

/// Whether `url` is an absolute `http:` or `https:` URL with a host (`https://example.org/x`),
/// written without spaces or control characters: what a page may give as its own address
/// (`<link rel="canonical">`, `og:url`). A relative reference, `https:x` or `https:///x` is not.
pub fn is_absolute_web_url(url: &str) -> bool {
    if url.chars().any(|c| c <= ' ' || c == '\u{7f}') {
        return false;
    }
    let Some(rest) = url
        .split_once(':')
        .and_then(|(scheme, rest)| (scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")).then_some(rest))
    else {
        return false;
    };
    let Some(after) = rest.strip_prefix("//") else { return false };
    // The authority: up to the path, query or fragment; without any user info, a host.
    let authority = &after[..after.find(['/', '?', '#']).unwrap_or(after.len())];
    let host = authority.rsplit_once('@').map_or(authority, |(_, host)| host);
    !host.is_empty() && !host.starts_with(':')
}

/// Whether `id` is a valid entity id: lower-case ASCII letters, digits and `-`, not empty.
pub fn is_entity_id(id: &str) -> bool {
    !id.is_empty() && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Classifies a Markdown link destination.
pub fn classify(dest: &str) -> LinkTarget {
    let dest = dest.trim();
    match scheme(dest).as_deref() {
        Some("http" | "https" | "mailto") => LinkTarget::Web(dest.to_owned()),
        Some("entity") => {
            let id = &dest[dest.find(':').map_or(0, |i| i + 1)..];
            if is_entity_id(id) {
                LinkTarget::Entity(id.to_owned())
            } else {
                LinkTarget::Plain("an entity id has only lower-case letters, digits and '-'")
            }
        }
        Some(_) => LinkTarget::Plain("only http, https, mailto and entity: links are allowed"),
        None if dest.is_empty() || dest.starts_with('#') => LinkTarget::Plain("a link to `#…` goes nowhere inside the widget"),
        None => LinkTarget::Relative(dest.to_owned()),
    }
}

/// `reference` resolved against the absolute URL `base` (RFC 3986, section 5.2: dot segments
/// removed), or `reference` unchanged when `base` is not absolute (it then stays relative to
/// the page that shows it). What the server renderer uses where the browser has `URL`.
pub fn join(base: &str, reference: &str) -> String {
    let Some(scheme) = scheme(base) else { return reference.to_owned() };
    if self::scheme(reference).is_some() {
        return reference.to_owned();
    }
    let rest = &base[scheme.len() + 1..];
    if let Some(network) = reference.strip_prefix("//") {
        return format!("{scheme}://{network}");
    }
    let (authority, path_etc) = match rest.strip_prefix("//") {
        Some(after) => {
            let end = after.find(['/', '?', '#']).unwrap_or(after.len());
            (format!("//{}", &after[..end]), &after[end..])
        }
        None => (String::new(), rest),
    };
    let path_end = path_etc.find(['?', '#']).unwrap_or(path_etc.len());
    let (path, query_etc) = path_etc.split_at(path_end);
    let query = &query_etc[..query_etc.find('#').unwrap_or(query_etc.len())];
    let origin = format!("{scheme}:{authority}");
    if reference.is_empty() {
        return format!("{origin}{path}{query}");
    }
    if reference.starts_with('#') {
        return format!("{origin}{path}{query}{reference}");
    }
    if reference.starts_with('?') {
        return format!("{origin}{path}{reference}");
    }
    let (ref_path, ref_tail) = reference.split_at(reference.find(['?', '#']).unwrap_or(reference.len()));
    let merged = if ref_path.starts_with('/') {
        ref_path.to_owned()
    } else {
        let dir = &path[..path.rfind('/').map_or(0, |i| i + 1)];
        let dir = if dir.is_empty() && !authority.is_empty() { "/" } else { dir };
        format!("{dir}{ref_path}")
    };
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = merged.split('/').collect();
    for (i, segment) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        match *segment {
            "." => {
                if last {
                    out.push("");
                }
            }
            ".." => {
                if out.len() > 1 {
                    out.pop();
                }
                if last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    format!("{origin}{}{ref_tail}", out.join("/"))
}

/// `name` in the translation `lang`: `entities.toml` → `entities.ru.toml`,
/// `../shared/e.toml` → `../shared/e.ru.toml`, `commentary.bundle` → `commentary.ru.bundle`.
pub fn translated_name(name: &str, lang: &str) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext)) if !ext.contains('/') => format!("{stem}.{lang}.{ext}"),
        _ => format!("{name}.{lang}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_links_pass() {
        assert_eq!(classify("https://avim.org.tr/"), LinkTarget::Web("https://avim.org.tr/".into()));
        assert_eq!(classify("HTTP://x.y"), LinkTarget::Web("HTTP://x.y".into()));
        assert_eq!(classify("mailto:a@b.c"), LinkTarget::Web("mailto:a@b.c".into()));
    }

    #[test]
    fn script_schemes_are_plain_even_when_disguised() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " \u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox",
            "file:///etc/passwd",
        ] {
            assert!(matches!(classify(bad), LinkTarget::Plain(_)), "{bad:?}");
            assert!(!is_allowed_scheme(bad), "{bad:?}");
        }
    }

    #[test]
    fn absolute_web_urls_have_a_scheme_and_a_host() {
        for ok in [
            "https://avim.org.tr/",
            "http://x.y",
            "HTTPS://example.org/c/x/?a=1#top",
            "https://example.org:8080",
            "https://user@example.org/",
        ] {
            assert!(is_absolute_web_url(ok), "{ok:?}");
        }
        for bad in [
            "",
            "avim.org.tr",
            "/commentaries/x/",
            "//example.org/x",
            "https:example.org",
            "https:///x",
            "https://",
            "https://:443/",
            "mailto:a@b.c",
            "ftp://example.org/",
            "javascript://example.org/%0aalert(1)",
            " https://example.org/",
            "https://example.org/a b",
            "https://exa\nmple.org/",
        ] {
            assert!(!is_absolute_web_url(bad), "{bad:?}");
        }
    }

    #[test]
    fn placeholders_are_plain_and_relative_links_wait_for_a_base() {
        assert!(matches!(classify("#"), LinkTarget::Plain(_)));
        assert!(matches!(classify(""), LinkTarget::Plain(_)));
        assert_eq!(classify("../other/commentary.md"), LinkTarget::Relative("../other/commentary.md".into()));
        assert_eq!(classify("/about"), LinkTarget::Relative("/about".into()));
        // A colon after a slash is not a scheme.
        assert_eq!(classify("a/b:c"), LinkTarget::Relative("a/b:c".into()));
    }

    #[test]
    fn entity_links() {
        assert_eq!(classify("entity:lukashenko"), LinkTarget::Entity("lukashenko".into()));
        assert_eq!(classify("Entity:belt-and-road"), LinkTarget::Entity("belt-and-road".into()));
        assert!(matches!(classify("entity:Bad Id"), LinkTarget::Plain(_)));
        assert!(matches!(classify("entity:"), LinkTarget::Plain(_)));
    }

    #[test]
    fn relative_references_join_as_a_browser_resolves_them() {
        let base = "https://example.org/commentaries/seed/commentary.bundle?v=2#top";
        assert_eq!(join(base, "notes.html"), "https://example.org/commentaries/seed/notes.html");
        assert_eq!(join(base, "../other/x.html#p-3"), "https://example.org/commentaries/other/x.html#p-3");
        assert_eq!(join(base, "../../../up.html"), "https://example.org/up.html");
        assert_eq!(join(base, "./a/./b/../c"), "https://example.org/commentaries/seed/a/c");
        assert_eq!(join(base, "/about"), "https://example.org/about");
        assert_eq!(join(base, "//cdn.example.net/x"), "https://cdn.example.net/x");
        assert_eq!(join(base, "?q=1"), "https://example.org/commentaries/seed/commentary.bundle?q=1");
        assert_eq!(join(base, "#p-2"), "https://example.org/commentaries/seed/commentary.bundle?v=2#p-2");
        assert_eq!(join(base, "mailto:a@b.org"), "mailto:a@b.org");
        assert_eq!(join("https://example.org", "x"), "https://example.org/x");
        // No absolute base (a page rendered without its own address): the reference as written.
        assert_eq!(join("", "notes.html"), "notes.html");
    }
}
