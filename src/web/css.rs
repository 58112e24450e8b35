//! The widget's stylesheet as an SVG renderer without custom properties reads it (resvg, for the
//! share pictures): the rules at its top level whose selectors are plain (classes, elements,
//! descendants; no pseudo-class, no attribute), with every `var(--x, fallback)` replaced by the
//! value the light theme gives `--x` on `.cr-root`, else its fallback. A declaration whose value
//! stays beyond plain SVG (`color-mix(…)`, a custom property with no value) is left out. One
//! palette, the widget's: the pictures follow its stylesheet.

use std::collections::BTreeMap;

/// The custom properties `.cr-root` sets outside any at-rule (the light theme), as written.
fn light_properties(rules: &[(&str, &str)]) -> BTreeMap<String, String> {
    let mut properties = BTreeMap::new();
    for (selector, body) in rules {
        if selector.trim() == ".cr-root" {
            for (name, value) in declarations(body) {
                if name.starts_with("--") {
                    properties.entry(name.to_owned()).or_insert_with(|| value.to_owned());
                }
            }
        }
    }
    properties
}

/// The value the light theme of `css` gives the custom property `name` (`--cr-text`), resolved.
pub fn value(css: &str, name: &str) -> Option<String> {
    let properties = light_properties(&top_level_rules(css));
    resolve(properties.get(name)?, &properties, 0)
}

/// The rules of `css` (the minified stylesheet) a plain SVG renderer can apply.
pub fn plain(css: &str) -> String {
    let rules = top_level_rules(css);
    let properties = light_properties(&rules);
    let mut out = String::new();
    for (selector, body) in &rules {
        let selectors: Vec<&str> = selector.split(',').map(str::trim).filter(|s| is_plain(s)).collect();
        if selectors.is_empty() {
            continue;
        }
        let kept: Vec<String> = declarations(body)
            .filter(|(name, _)| !name.starts_with("--"))
            .filter_map(|(name, value)| Some(format!("{name}:{}", resolve(value, &properties, 0)?)))
            .filter(|d| !d.contains("color-mix(") && !d.contains("var("))
            .collect();
        if !kept.is_empty() {
            out.push_str(&format!("{}{{{}}}\n", selectors.join(","), kept.join(";")));
        }
    }
    out
}

/// Whether a selector is one a plain renderer reads as the browser does.
fn is_plain(selector: &str) -> bool {
    !selector.is_empty() && selector.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ' ' | '>'))
}

/// `(selector, body)` of every rule outside at-rules (`@media`, `@supports`, … are skipped with
/// what they hold).
fn top_level_rules(css: &str) -> Vec<(&str, &str)> {
    let mut rules = Vec::new();
    let mut rest = css;
    while let Some(open) = rest.find('{') {
        let head = rest[..open].trim();
        // The block's end, nested blocks included.
        let mut depth = 0;
        let mut end = rest.len();
        for (i, c) in rest[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + i;
                        break;
                    }
                }
                _ => {}
            }
        }
        if !head.starts_with('@') {
            rules.push((head, &rest[open + 1..end]));
        }
        rest = &rest[(end + 1).min(rest.len())..];
    }
    rules
}

/// The `name: value` declarations of a rule's body.
fn declarations(body: &str) -> impl Iterator<Item = (&str, &str)> {
    body.split(';').filter_map(|d| {
        let (name, value) = d.split_once(':')?;
        Some((name.trim(), value.trim()))
    })
}

/// `value` with each `var(--x[, fallback])` replaced; `None` if one has neither value nor
/// fallback.
fn resolve(value: &str, properties: &BTreeMap<String, String>, depth: u8) -> Option<String> {
    if depth > 8 {
        return None;
    }
    let Some(start) = value.find("var(") else { return Some(value.to_owned()) };
    // The matching parenthesis.
    let mut level = 0;
    let mut end = None;
    for (i, c) in value[start + 3..].char_indices() {
        match c {
            '(' => level += 1,
            ')' => {
                level -= 1;
                if level == 0 {
                    end = Some(start + 3 + i);
                    break;
                }
            }
            _ => {}
        }
    }
    let end = end?;
    let inner = &value[start + 4..end];
    let (name, fallback) = match inner.split_once(',') {
        Some((n, f)) => (n.trim(), Some(f.trim())),
        None => (inner.trim(), None),
    };
    let replacement = match properties.get(name) {
        Some(v) => resolve(v, properties, depth + 1)?,
        None => resolve(fallback?, properties, depth + 1)?,
    };
    resolve(&format!("{}{replacement}{}", &value[..start], &value[end + 1..]), properties, depth + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_light_themes_values_replace_the_custom_properties_and_the_rest_is_left_out() {
        let css = ".cr-root{--cr-text:var(--commentary-reader-text,#1f1d1a);--cr-land:#f3efe6;color:var(--cr-text)}\
                   .cr-root[data-theme=dark]{--cr-text:#eee}\
                   @media (prefers-color-scheme:dark){.cr-root{--cr-land:#000}.cr-country{fill:red}}\
                   .cr-country{fill:var(--cr-land);stroke:var(--cr-nope)}\
                   .cr-country[data-active]{fill:blue}\
                   .cr-rail .cr-route-line,.cr-marker:hover .cr-dot{stroke:var(--cr-text);opacity:color-mix(in srgb,red,blue)}";
        assert_eq!(plain(css), ".cr-root{color:#1f1d1a}\n.cr-country{fill:#f3efe6}\n.cr-rail .cr-route-line{stroke:#1f1d1a}\n");
    }

    #[test]
    fn the_widgets_own_stylesheet_gives_the_maps_palette() {
        let css = plain(crate::web::prerender::STYLESHEET);
        assert!(css.contains(".cr-country{fill:#f3efe6;stroke:#bdb5a6;"), "{css}");
        assert!(css.contains(".cr-country.cr-hl-0{fill:#b8c0ee}"), "{css}");
        assert!(!css.contains("var("));
        assert_eq!(value(crate::web::prerender::STYLESHEET, "--cr-text").as_deref(), Some("#1f1d1a"));
        assert!(value(crate::web::prerender::STYLESHEET, "--cr-font-text").is_some_and(|f| f.ends_with("serif")));
    }
}
