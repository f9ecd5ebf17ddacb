//! The document head for a story: title, description and Open Graph tags.
//!
//! Used at build time (`cargo xtask build` writes it into `dist/index.html`),
//! so a shared link previews well before any script runs.

use super::Story;

/// Escapes text for an HTML attribute value or text node.
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

/// The `<title>` and `<meta>` elements for a story, one per line.
pub fn head_html(story: &Story) -> String {
    let title = escape(story.headline);
    let description = escape(story.description);
    let lines = [
        format!("<title>{title}</title>"),
        format!("<meta name=\"description\" content=\"{description}\" />"),
        format!(
            "<meta name=\"author\" content=\"{}\" />",
            escape(story.author)
        ),
        "<meta property=\"og:type\" content=\"article\" />".to_owned(),
        format!("<meta property=\"og:title\" content=\"{title}\" />"),
        format!("<meta property=\"og:description\" content=\"{description}\" />"),
        format!(
            "<meta property=\"og:locale\" content=\"{}\" />",
            escape(&story.language.replace('-', "_"))
        ),
        format!(
            "<meta property=\"article:section\" content=\"{}\" />",
            escape(story.section)
        ),
        "<meta name=\"twitter:card\" content=\"summary\" />".to_owned(),
        format!("<meta name=\"twitter:title\" content=\"{title}\" />"),
        format!("<meta name=\"twitter:description\" content=\"{description}\" />"),
    ];
    lines.join("\n    ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::STORY;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn head_carries_title_description_and_open_graph() {
        let head = head_html(&STORY);
        assert!(head
            .starts_with("<title>Tajik President Emomali Rahmon holds high-level talks in Tokyo"));
        assert!(head.contains("<meta property=\"og:type\" content=\"article\" />"));
        assert!(head.contains("<meta property=\"og:title\" content=\"Tajik President"));
        assert!(
            head.contains("<meta name=\"description\" content=\"In Tokyo, Tajikistan’s president")
        );
        assert!(!head.contains("<script"));
    }
}
