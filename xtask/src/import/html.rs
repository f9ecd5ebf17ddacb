//! TimelineJS's texts are HTML; a story's are its own inline formatting
//! (Markdown's links, emphasis and line breaks). This turns one into the
//! other with lol_html's tokenizer: links and emphasis kept, paragraphs and
//! `<br>` as line breaks, every other tag dropped (its words kept, except a
//! script's, a style's or a frame's), entities decoded, and what Markdown
//! would read as formatting escaped.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

use lol_html::html_content::Element;
use lol_html::{doc_text, element, rewrite_str, RewriteStrSettings};

/// One text, converted.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Converted {
    /// The story file's text: Markdown's inline subset.
    pub text: String,
    /// The words alone (a headline, an alt text, a credit).
    pub plain: String,
    /// Tags dropped with their markup (their words kept), by name.
    pub dropped: BTreeSet<String>,
    /// Links kept as words only: their address was not `https:`, `http:`
    /// or `mailto:`.
    pub unlinked: Vec<String>,
    /// Web addresses in the words that are not links (TimelineJS would
    /// make them links: its `autolink`).
    pub bare_addresses: usize,
}

#[derive(Default)]
struct State {
    out: String,
    plain: String,
    /// Raw text not yet decoded (a chunk may end inside an entity).
    pending: String,
    /// A paragraph break or a line break is due before the next words.
    due: Option<Break>,
    /// Inside a script, a style or a frame: its text is not words.
    skipping: usize,
    /// Open links and emphasis: where their words start in `out`.
    open: Vec<(Mark, usize)>,
    dropped: BTreeSet<String>,
    unlinked: Vec<String>,
    /// Web addresses read in words outside any link.
    bare: usize,
}

#[derive(Clone, Copy, PartialEq)]
enum Break {
    Line,
    Paragraph,
}

enum Mark {
    Link(Option<String>),
    Em,
    Strong,
}

const BLOCKS: &[&str] = &[
    "p",
    "div",
    "blockquote",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "header",
    "footer",
    "figure",
    "figcaption",
    "table",
    "tr",
    "pre",
];
const SKIPPED: &[&str] = &[
    "script", "style", "iframe", "object", "embed", "template", "noscript", "svg",
];

impl State {
    /// Decodes and writes the pending raw text.
    fn flush(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let raw = std::mem::take(&mut self.pending);
        let decoded = html_escape::decode_html_entities(&raw).replace('\u{a0}', " ");
        let mut words = String::new();
        let mut space = false;
        for c in decoded.chars() {
            if c.is_whitespace() {
                space = true;
            } else {
                if space && !words.is_empty() {
                    words.push(' ');
                }
                space = false;
                words.push(c);
            }
        }
        let leading = decoded.starts_with(char::is_whitespace);
        let trailing = space && !words.is_empty();
        if words.is_empty() {
            if leading && !self.out.is_empty() && !self.out.ends_with([' ', '\n']) {
                self.out.push(' ');
                self.plain.push(' ');
            }
            return;
        }
        match self.due.take() {
            Some(b) if !self.out.trim().is_empty() => {
                let out = self.out.trim_end_matches(' ').len();
                self.out.truncate(out);
                let plain = self.plain.trim_end().len();
                self.plain.truncate(plain);
                self.out
                    .push_str(if b == Break::Line { "\\\n" } else { "\n\n" });
                self.plain.push(if b == Break::Line { '\n' } else { ' ' });
            }
            _ => {
                if leading && !self.out.is_empty() && !self.out.ends_with([' ', '\n']) {
                    self.out.push(' ');
                    self.plain.push(' ');
                }
            }
        }
        if !self.open.iter().any(|(m, _)| matches!(m, Mark::Link(_))) {
            self.bare += words.matches("https://").count() + words.matches("http://").count();
        }
        self.out.push_str(&escape(&words));
        self.plain.push_str(&words);
        if trailing {
            self.out.push(' ');
            self.plain.push(' ');
        }
    }

    fn start(&mut self, el: &Element) -> Option<()> {
        self.flush();
        let name = el.tag_name();
        if SKIPPED.contains(&name.as_str()) {
            self.skipping += 1;
            self.dropped.insert(name);
            return Some(());
        }
        match name.as_str() {
            "br" => {
                if self.due.is_none() {
                    self.due = Some(Break::Line);
                }
                None
            }
            "a" => {
                let href = el.get_attribute("href").map(|h| h.trim().to_owned());
                self.open.push((Mark::Link(href), self.out.len()));
                Some(())
            }
            "em" | "i" | "cite" => {
                self.open.push((Mark::Em, self.out.len()));
                Some(())
            }
            "strong" | "b" => {
                self.open.push((Mark::Strong, self.out.len()));
                Some(())
            }
            n if BLOCKS.contains(&n) => {
                self.paragraph();
                Some(())
            }
            "span" | "small" | "sup" | "sub" | "u" | "abbr" | "time" | "mark" | "q" | "code"
            | "img" | "hr" => {
                if !matches!(name.as_str(), "span" | "small") {
                    self.dropped.insert(name);
                }
                Some(())
            }
            _ => {
                self.dropped.insert(name);
                Some(())
            }
        }
    }

    fn paragraph(&mut self) {
        if !self.out.trim().is_empty() {
            self.due = Some(Break::Paragraph);
        }
    }

    fn end(&mut self, name: &str) {
        self.flush();
        if SKIPPED.contains(&name) {
            self.skipping = self.skipping.saturating_sub(1);
            return;
        }
        if BLOCKS.contains(&name) {
            self.paragraph();
            return;
        }
        let expected = match name {
            "a" => 0,
            "em" | "i" | "cite" => 1,
            "strong" | "b" => 2,
            _ => return,
        };
        let Some(at) = self.open.iter().rposition(|(m, _)| {
            matches!(
                (m, expected),
                (Mark::Link(_), 0) | (Mark::Em, 1) | (Mark::Strong, 2)
            )
        }) else {
            return;
        };
        let (mark, from) = self.open.remove(at);
        let inner = self.out[from..].to_owned();
        let trimmed = inner.trim();
        if trimmed.is_empty() {
            return;
        }
        let lead = &inner[..inner.len() - inner.trim_start().len()];
        let tail = &inner[inner.trim_end().len()..];
        let wrapped = match mark {
            Mark::Em => format!("{lead}*{trimmed}*{tail}"),
            Mark::Strong => format!("{lead}**{trimmed}**{tail}"),
            Mark::Link(href) => match href.filter(|h| linkable(h)) {
                Some(h) => format!("{lead}[{trimmed}]({}){tail}", destination(&h)),
                None => {
                    self.unlinked.push(trimmed.to_owned());
                    return;
                }
            },
        };
        self.out.truncate(from);
        self.out.push_str(&wrapped);
    }
}

/// An address a story may link to.
fn linkable(href: &str) -> bool {
    let lower = href.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")) && href.len() > "https://".len()
        || lower.starts_with("mailto:") && href.len() > "mailto:".len()
}

/// A link's address as a Markdown destination (parentheses and spaces
/// encoded, so it ends where it should).
fn destination(href: &str) -> String {
    href.replace(' ', "%20")
        .replace('(', "%28")
        .replace(')', "%29")
        .replace('<', "%3C")
        .replace('>', "%3E")
}

/// Words as Markdown text: whatever Markdown reads as formatting escaped.
pub fn escape(words: &str) -> String {
    let mut out = String::with_capacity(words.len());
    for c in words.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '!' | '~' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Converts TimelineJS's HTML to the story's formatting.
pub fn convert(html: &str) -> Converted {
    let state = Rc::new(RefCell::new(State::default()));
    let result = rewrite_str(
        html,
        RewriteStrSettings {
            element_content_handlers: vec![element!("*", |el| {
                let name = el.tag_name();
                let opened = state.borrow_mut().start(el);
                if opened.is_some() {
                    if let Some(handlers) = el.end_tag_handlers() {
                        let state = Rc::clone(&state);
                        handlers.push(Box::new(move |_end| {
                            state.borrow_mut().end(&name);
                            Ok(())
                        }));
                    }
                }
                Ok(())
            })],
            document_content_handlers: vec![doc_text!(|t| {
                let mut s = state.borrow_mut();
                if s.skipping == 0 {
                    s.pending.push_str(t.as_str());
                }
                if t.last_in_text_node() {
                    s.flush();
                }
                Ok(())
            })],
            ..RewriteStrSettings::new()
        },
    );
    let mut s = std::mem::take(&mut *state.borrow_mut());
    if result.is_err() {
        // Not HTML lol_html can read: its words as they are.
        s = State::default();
        s.pending = html.to_owned();
    }
    s.flush();
    let text = s.out.trim().to_owned();
    let plain = s.plain.split_whitespace().collect::<Vec<_>>().join(" ");
    Converted {
        text,
        plain,
        dropped: s.dropped,
        unlinked: s.unlinked,
        bare_addresses: s.bare,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_and_emphasis_are_kept_and_other_markup_dropped() {
        let c = convert(
            "<p>Take <a href=\"https://en.wikipedia.org/wiki/Ada_Lovelace\">Ada Lovelace</a>: <i>first</i> programmer.</p><span class=\"tl-note\">A <b>simple</b> note.</span>",
        );
        assert_eq!(
            c.text,
            "Take [Ada Lovelace](https://en.wikipedia.org/wiki/Ada_Lovelace): *first* programmer.\n\nA **simple** note."
        );
        assert_eq!(
            c.plain,
            "Take Ada Lovelace: first programmer. A simple note."
        );
        assert!(c.dropped.is_empty(), "{:?}", c.dropped);
    }

    #[test]
    fn entities_are_decoded_and_markdown_escaped() {
        let c = convert("Tom &amp; Jerry&#39;s *stars* &lt;b&gt; [1] &mdash; 5_000");
        assert_eq!(c.plain, "Tom & Jerry's *stars* <b> [1] — 5_000");
        assert_eq!(
            c.text,
            "Tom \\& Jerry's \\*stars\\* \\<b\\> \\[1\\] — 5\\_000"
        );
    }

    #[test]
    fn scripts_frames_and_bad_links_lose_their_markup_not_their_words() {
        let c = convert(
            "<script>alert(1)</script><a href=\"javascript:alert(1)\">click</a> and <img src=x onerror=alert(1)><iframe src=\"https://x\">no</iframe>text",
        );
        assert_eq!(c.text, "click and text");
        assert_eq!(c.unlinked, vec!["click".to_owned()]);
        assert!(
            c.dropped.contains("script")
                && c.dropped.contains("iframe")
                && c.dropped.contains("img")
        );
    }

    #[test]
    fn line_breaks_and_spaces_are_kept_where_they_mean_something() {
        let c = convert("one<br>two<br/>\n  three <em> four </em>five");
        assert_eq!(c.text, "one\\\ntwo\\\nthree *four* five");
        assert_eq!(convert("   ").text, "");
        assert_eq!(
            convert("<a href=\"https://e.org/a (b)\">x</a>").text,
            "[x](https://e.org/a%20%28b%29)"
        );
    }

    #[test]
    fn bare_addresses_are_counted() {
        assert_eq!(convert("see https://example.org now").bare_addresses, 1);
        assert_eq!(convert("<a href=\"https://e.org\">e</a>").bare_addresses, 0);
        assert_eq!(
            convert("<a href=\"https://e.org\">https://e.org</a> and http://f.org").bare_addresses,
            1,
            "an address that is a link's words is not bare"
        );
    }
}
