//! Inline formatting in a story's texts: a small Markdown subset, rendered
//! at build time with pulldown-cmark.
//!
//! Links (`[words](address)`, `<https://…>`), emphasis (`*words*`), strong
//! (`**words**`) and line breaks (a blank line, or a line ending in `\`)
//! are interpreted; nothing else is. What would start a block in Markdown
//! (`# `, `> `, `- `, `1. `, a fence, a rule, a link definition) is shown
//! as written, and so is `code`. Raw HTML, pictures and addresses other
//! than `https:`, `http:`, `mailto:`, relative ones and `#…` within the
//! page are [`Problem`]s, so a story cannot carry a script or a
//! `javascript:` link into a page.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::Rich;
use crate::embed::escape;

/// Something in a text that may not stand there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The text's words at fault, as written (to find them in the file).
    pub near: String,
    /// What is wrong, and what to write instead.
    pub message: String,
}

/// A text, rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// Its HTML and its words.
    pub rich: Rich,
    /// The ids its `#…` links name (checked against the page's ids).
    pub fragments: Vec<(String, String)>,
    /// What may not stand there.
    pub problems: Vec<Problem>,
}

/// Renders one text of a story.
pub fn render(text: &str) -> Rendered {
    let source = literal_blocks(text);
    let mut out = Rendered {
        rich: Rich::default(),
        fragments: Vec::new(),
        problems: Vec::new(),
    };
    let (html, plain) = (&mut out.rich.html, &mut out.rich.plain);
    let mut paragraphs = 0;
    // Inside a picture, whose words are only its alt text.
    let mut in_image = 0;
    // One problem for a text's HTML (`<b>` and its `</b>` are one mistake).
    let mut html_seen = false;
    let mut problem = |near: &str, message: String| {
        out.problems.push(Problem {
            near: near.to_owned(),
            message,
        })
    };
    for (event, range) in Parser::new_ext(&source, Options::empty()).into_offset_iter() {
        let near = source.get(range.clone()).unwrap_or_default();
        match event {
            Event::Start(Tag::Paragraph) => {
                if paragraphs > 0 {
                    html.push_str("<br>");
                    plain.push(' ');
                }
                paragraphs += 1;
            }
            Event::End(TagEnd::Paragraph) => {}
            Event::Text(t) if in_image == 0 => {
                html.push_str(&escape(&t));
                plain.push_str(&t);
            }
            Event::Code(_) => {
                html.push_str(&escape(near));
                plain.push_str(near);
            }
            Event::SoftBreak => {
                html.push('\n');
                plain.push(' ');
            }
            Event::HardBreak => {
                html.push_str("<br>");
                plain.push(' ');
            }
            Event::Start(Tag::Emphasis) => html.push_str("<em>"),
            Event::End(TagEnd::Emphasis) => html.push_str("</em>"),
            Event::Start(Tag::Strong) => html.push_str("<strong>"),
            Event::End(TagEnd::Strong) => html.push_str("</strong>"),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            }) => {
                let href = match link_type {
                    LinkType::Email => format!("mailto:{dest_url}"),
                    _ => dest_url.to_string(),
                };
                match address(&href) {
                    Ok(Some(id)) => out.fragments.push((near.to_owned(), id)),
                    Ok(None) => {}
                    Err(message) => problem(near, message),
                }
                html.push_str("<a href=\"");
                html.push_str(&escape(&href));
                if !title.is_empty() {
                    html.push_str("\" title=\"");
                    html.push_str(&escape(&title));
                }
                html.push_str("\">");
            }
            Event::End(TagEnd::Link) => html.push_str("</a>"),
            Event::Start(Tag::Image { .. }) => {
                if in_image == 0 {
                    problem(
                        near,
                        "a picture cannot stand inside a text: give it its own figure".into(),
                    );
                }
                in_image += 1;
            }
            Event::End(TagEnd::Image) => in_image -= 1,
            Event::Text(_) => {}
            Event::Html(_) | Event::InlineHtml(_) | Event::Start(Tag::HtmlBlock)
                if !std::mem::replace(&mut html_seen, true) =>
            {
                problem(
                    near,
                    format!(
                        "HTML is not allowed ({}): write *emphasis*, **strong** or [words](address), or put a backslash before < to show it",
                        near.trim()
                    ),
                );
            }
            Event::Html(_) | Event::InlineHtml(_) | Event::Start(Tag::HtmlBlock) => {}
            Event::End(TagEnd::HtmlBlock) => {}
            // Nothing else can start once block markers are escaped; should
            // it, the editor hears of it rather than the reader seeing it.
            Event::Start(_) => problem(
                near,
                "only links, *emphasis*, **strong** and line breaks are formatted here".into(),
            ),
            _ => {}
        }
    }
    out
}

/// Checks a link's address: `Ok(Some(id))` for one within the page (`#id`),
/// `Ok(None)` for one that leaves it.
fn address(href: &str) -> Result<Option<String>, String> {
    if href.chars().any(char::is_control) {
        return Err("a link's address may not hold control characters".into());
    }
    // Browsers ignore surrounding spaces; a scheme is what precedes the
    // first `:` when nothing but letters, digits, `+`, `-` and `.` does.
    let href = href.trim();
    if href.is_empty() {
        return Err("a link needs an address: [words](https://…)".into());
    }
    if let Some(id) = href.strip_prefix('#') {
        return if id.is_empty() {
            Err("a link to \"#\" leads nowhere: name a part of the page, as #background".into())
        } else {
            Ok(Some(id.to_owned()))
        };
    }
    let scheme = href
        .split_once(':')
        .map(|(s, _)| s)
        .filter(|s| {
            s.starts_with(|c: char| c.is_ascii_alphabetic())
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        })
        .map(str::to_ascii_lowercase);
    match scheme.as_deref() {
        // Relative: another page of the site.
        None => Ok(None),
        Some("https" | "http") => match url::Url::parse(href) {
            Ok(u) if u.host_str().is_some_and(|h| !h.is_empty()) => Ok(None),
            _ => Err(format!("\"{href}\" is not a web address: write it as https://example.org/page")),
        },
        Some("mailto") if href.len() > "mailto:".len() => Ok(None),
        Some("mailto") => Err("a mailto: link needs an address".into()),
        Some(other) => Err(format!(
            "a link may lead to https:, http:, mailto:, another page of the site or a part of this one (#…), not {other}:"
        )),
    }
}

/// The text with every character that would start a Markdown block at the
/// start of a line escaped (so it shows as written), and lines' leading
/// spaces dropped (so no line is read as code).
fn literal_blocks(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let line = line.trim_start_matches([' ', '\t']);
        match block_marker(line) {
            Some(at) => {
                out.push_str(&line[..at]);
                out.push('\\');
                out.push_str(&line[at..]);
            }
            None => out.push_str(line),
        }
    }
    out
}

/// Where a line would start a block, the byte to put a backslash before.
fn block_marker(line: &str) -> Option<usize> {
    let b = line.as_bytes();
    let space_at = |i: usize| b.get(i).is_none_or(|c| matches!(c, b' ' | b'\t' | b'\r'));
    let rule = |c: u8| {
        b.iter().filter(|x| **x == c).count() >= 3
            && b.iter()
                .all(|x| matches!(x, b' ' | b'\t' | b'\r') || *x == c)
    };
    match *b.first()? {
        // Headings, quotes, setext underlines.
        b'#' | b'>' | b'=' => Some(0),
        // Fences.
        b'`' | b'~' if line.starts_with("```") || line.starts_with("~~~") => Some(0),
        // Bullets, and rules.
        b'-' | b'+' | b'*' if space_at(1) => Some(0),
        c @ (b'-' | b'*' | b'_') if rule(c) => Some(0),
        // Numbered items: up to nine digits, then `.` or `)`.
        b'0'..=b'9' => {
            let n = b.iter().take_while(|c| c.is_ascii_digit()).count();
            (n <= 9 && matches!(b.get(n), Some(b'.' | b')')) && space_at(n + 1)).then_some(n)
        }
        // Link definitions: `[label]: address`.
        b'[' => {
            let close = line.find(']')?;
            line[close + 1..].starts_with(':').then_some(0)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(text: &str) -> String {
        let r = render(text);
        assert_eq!(r.problems, [], "{text}");
        r.rich.html
    }

    fn problems(text: &str) -> Vec<String> {
        render(text)
            .problems
            .into_iter()
            .map(|p| p.message)
            .collect()
    }

    #[test]
    fn plain_words_are_escaped_and_kept() {
        assert_eq!(
            html("Tom & Jerry say \"hi\" <3"),
            "Tom &amp; Jerry say &quot;hi&quot; &lt;3"
        );
        let r = render("Fish &amp; chips, 5 > 4");
        assert_eq!(r.rich.html, "Fish &amp; chips, 5 &gt; 4");
        assert_eq!(r.rich.plain, "Fish & chips, 5 > 4");
    }

    #[test]
    fn links_emphasis_strong_and_breaks_are_formatted() {
        assert_eq!(
            html("See *the* **report** [here](https://example.org/a?b=1&c=2 \"Its title\")."),
            "See <em>the</em> <strong>report</strong> <a href=\"https://example.org/a?b=1&amp;c=2\" title=\"Its title\">here</a>."
        );
        assert_eq!(html("one\\\ntwo"), "one<br>two");
        assert_eq!(html("one\n\ntwo"), "one<br>two");
        assert_eq!(html("one\ntwo"), "one\ntwo");
        assert_eq!(
            html("<https://example.org> or <desk@example.org>"),
            "<a href=\"https://example.org\">https://example.org</a> or <a href=\"mailto:desk@example.org\">desk@example.org</a>"
        );
        let r = render("Read **the [full](../other/) text**");
        assert_eq!(r.rich.plain, "Read the full text");
    }

    #[test]
    fn nothing_else_is_interpreted() {
        assert_eq!(html("# Not a heading"), "# Not a heading");
        assert_eq!(html("> not a quote"), "&gt; not a quote");
        assert_eq!(html("- not a list"), "- not a list");
        assert_eq!(
            html("1993. The year ties began"),
            "1993. The year ties began"
        );
        assert_eq!(html("2) second"), "2) second");
        assert_eq!(html("    not code"), "not code");
        assert_eq!(html("```\nnot fenced\n```"), "```\nnot fenced\n```");
        assert_eq!(html("***"), "***");
        assert_eq!(html("a\n---"), "a\n---");
        assert_eq!(html("a\n==="), "a\n===");
        assert_eq!(html("[x]: https://example.org"), "[x]: https://example.org");
        assert_eq!(html("`code` stays as written"), "`code` stays as written");
        assert_eq!(html("*emphasis* first"), "<em>emphasis</em> first");
        assert_eq!(
            html("[a link](#background) first"),
            "<a href=\"#background\">a link</a> first"
        );
        assert_eq!(html("[unknown] and [ref][x]"), "[unknown] and [ref][x]");
    }

    #[test]
    fn links_within_the_page_are_collected() {
        let r = render("See [the background](#background) and [a step](#milestone-talks).");
        let ids: Vec<&str> = r.fragments.iter().map(|(_, id)| id.as_str()).collect();
        assert_eq!(ids, ["background", "milestone-talks"]);
        assert_eq!(r.fragments[0].0, "[the background](#background)");
    }

    #[test]
    fn hostile_markup_is_a_problem() {
        for text in [
            "<script>alert(1)</script>",
            "an <img src=x onerror=alert(1)> here",
            "<!-- hidden -->",
            "<div>block</div>",
        ] {
            let p = problems(text);
            assert!(
                !p.is_empty() && p[0].starts_with("HTML is not allowed"),
                "{text}: {p:?}"
            );
        }
        for text in [
            "[x](javascript:alert(1))",
            "[x](JavaScript:alert(1))",
            "[x](data:text/html,hi)",
            "[x](vbscript:msgbox)",
            "<javascript:alert(1)>",
        ] {
            let p = problems(text);
            assert_eq!(p.len(), 1, "{text}: {p:?}");
            assert!(p[0].starts_with("a link may lead to"), "{text}: {p:?}");
        }
        assert_eq!(problems("[x](<java\tscript:alert(1)>)").len(), 1);
        assert_eq!(
            problems("[x]()"),
            ["a link needs an address: [words](https://…)"]
        );
        assert!(problems("[x](#)")[0].contains("leads nowhere"));
        assert!(problems("[x](https://)")[0].contains("not a web address"));
        assert!(problems("![a map](map.png)")[0].contains("picture"));
        // Allowed: the web, mail, the site, the page.
        for text in [
            "[x](https://example.org)",
            "[x](http://example.org/a)",
            "[x](mailto:desk@example.org)",
            "[x](../other-story/)",
            "[x](/about)",
            "[x](#poll)",
        ] {
            assert_eq!(problems(text), Vec::<String>::new(), "{text}");
        }
    }
}
