// Minifying the widget's stylesheet at build time (`build.rs` includes this file): comments
// go, runs of white space become one space, and the space around `{ } ; , >` goes, outside
// quoted strings. The source stays commented and readable; readers download less.

/// `css` without comments and needless white space.
pub fn minify_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut pending_space = false;
    let tight = |c: char| matches!(c, '{' | '}' | ';' | ',' | '>');
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = '\0';
                for d in chars.by_ref() {
                    if last == '*' && d == '/' {
                        break;
                    }
                    last = d;
                }
                pending_space = true;
            }
            '"' | '\'' => {
                if pending_space && !out.is_empty() && !out.ends_with(tight) {
                    out.push(' ');
                }
                pending_space = false;
                out.push(c);
                let mut escaped = false;
                for d in chars.by_ref() {
                    out.push(d);
                    if escaped {
                        escaped = false;
                    } else if d == '\\' {
                        escaped = true;
                    } else if d == c {
                        break;
                    }
                }
            }
            c if c.is_whitespace() => pending_space = true,
            c => {
                if pending_space && !out.is_empty() && !out.ends_with(tight) && !tight(c) {
                    out.push(' ');
                }
                pending_space = false;
                // `;}` is `}`.
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                out.push(c);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_spaces_go_strings_stay() {
        let css = "/* head */\n.a  >  .b ,\n.c:hover {\n  color: red;\n  content: \" ( \" attr(href) \"; } \";\n}\n@media (min-width: 940px) { .d { margin: 0 auto; } }\n";
        assert_eq!(
            minify_css(css),
            ".a>.b,.c:hover{color: red;content: \" ( \" attr(href) \"; } \"}@media (min-width: 940px){.d{margin: 0 auto}}"
        );
    }

    #[test]
    fn the_widget_stylesheet_keeps_every_rule() {
        let css = include_str!("web/reader.css");
        let min = minify_css(css);
        assert!(min.len() < css.len() * 9 / 10, "{} of {}", min.len(), css.len());
        let count = |s: &str, c: char| s.chars().filter(|&x| x == c).count();
        assert_eq!(
            count(&min, '{'),
            count(
                &css.replace("/*", "\u{0}").split('\u{0}').map(|p| p.split_once("*/").map_or(p, |(_, rest)| rest)).collect::<String>(),
                '{'
            )
        );
        assert!(min.contains(".cr-country{fill: var(--cr-land)"), "{}", &min[..200]);
    }
}
