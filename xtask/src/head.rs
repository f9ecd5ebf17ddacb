//! Writes the story's head metadata (title, description, Open Graph) into a
//! built `index.html`, so crawlers and link previews see it without running
//! the wasm app.
//!
//! The tags come from the app crate itself (`explainer::story::head`), over
//! the story that its `build.rs` validated: one reading of the story file,
//! never a second parser. In `index.html` the block between
//! `<!-- story:head ... -->` and `<!-- /story:head -->` is replaced; a release
//! build has minified those comments away, so there the first `<title>` element
//! is replaced instead. A file that already has `og:title` is left alone. The
//! `<html lang>` attribute is set from the story's language.
//!
//! The body gets the page itself, rendered to HTML by the app's components
//! (`explainer::render_page`, leptos `ssr`): the article, the context
//! sections, the timeline and the poll are in the file, so they show before
//! the wasm loads and without JavaScript. The browser app then mounts the
//! interactive parts over their pre-rendered `data-ex-part` blocks.

use std::fs;
use std::path::Path;

use explainer::story::{head::head_html, STORY};

use crate::util::{Ctx, Result};

const OPEN_MARKER: &str = "<!-- story:head";
const CLOSE_MARKER: &str = "<!-- /story:head -->";

/// Sets `lang` on the `<html ...>` start tag.
fn set_lang(html: &str, lang: &str) -> String {
    let Some(start) = html.find("<html") else {
        return html.to_owned();
    };
    let Some(len) = html[start..].find('>') else {
        return html.to_owned();
    };
    let tag = &html[start..start + len];
    let attrs: Vec<&str> = tag["<html".len()..]
        .split_whitespace()
        .filter(|a| !a.starts_with("lang="))
        .collect();
    let mut new_tag = format!("<html lang=\"{}\"", explainer::story::head::escape(lang));
    for a in attrs {
        new_tag.push(' ');
        new_tag.push_str(a);
    }
    format!("{}{new_tag}{}", &html[..start], &html[start + len..])
}

/// The new html, or None when it already carries the story head.
fn inject(html: &str, tags: &str) -> Result<Option<String>> {
    if let Some(start) = html.find(OPEN_MARKER) {
        let end = html[start..]
            .find(CLOSE_MARKER)
            .map(|i| start + i + CLOSE_MARKER.len())
            .ok_or("`<!-- story:head` has no matching `<!-- /story:head -->`")?;
        return Ok(Some(format!("{}{tags}{}", &html[..start], &html[end..])));
    }
    if html.contains("og:title") {
        return Ok(None);
    }
    let start = html
        .find("<title")
        .ok_or("index.html has neither `<!-- story:head -->` markers nor a <title>")?;
    let end = html[start..]
        .find("</title>")
        .map(|i| start + i + "</title>".len())
        .ok_or("index.html has an unclosed <title>")?;
    Ok(Some(format!("{}{tags}{}", &html[..start], &html[end..])))
}

/// The new html with `page` at the start of `<body>`, or None when the body
/// already holds a pre-rendered page.
fn inject_body(html: &str, page: &str) -> Result<Option<String>> {
    let start = html.find("<body").ok_or("index.html has no <body>")?;
    let open_end = html[start..]
        .find('>')
        .map(|i| start + i + 1)
        .ok_or("index.html has an unclosed <body> tag")?;
    let close = html[open_end..]
        .find("</body>")
        .map(|i| open_end + i)
        .ok_or("index.html has no </body>")?;
    if html[open_end..close].contains("data-ex-part") {
        return Ok(None);
    }
    Ok(Some(format!(
        "{}{page}{}",
        &html[..open_end],
        &html[open_end..]
    )))
}

/// Writes the head and the pre-rendered page into `<dir>/index.html`
/// (atomically: temp file + rename).
pub fn apply(_ctx: &Ctx, dir: &Path) -> Result {
    let index = dir.join("index.html");
    let html =
        fs::read_to_string(&index).map_err(|e| format!("cannot read {}: {e}", index.display()))?;
    let html = set_lang(&html, STORY.language);
    let html = inject(&html, &head_html(&STORY))?.unwrap_or(html);
    match inject_body(&html, &explainer::render_page(&STORY))? {
        None => println!("head: {} already has the story page", index.display()),
        Some(new) => {
            let tmp = dir.join(".index.html.xtask-tmp");
            fs::write(&tmp, new).map_err(|e| format!("cannot write {}: {e}", tmp.display()))?;
            fs::rename(&tmp, &index)
                .map_err(|e| format!("cannot replace {}: {e}", index.display()))?;
            println!(
                "head: wrote the story's head tags and pre-rendered page into {}",
                index.display()
            );
        }
    }
    // Last, over the final markup: the CSP pinning every inline script.
    crate::csp::apply(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_marker_block_or_the_title() {
        let src = "<head>\n<!-- story:head: note -->\n<title>Explainer</title>\n<!-- /story:head -->\n</head>";
        assert_eq!(
            inject(src, "<title>T</title>").unwrap().unwrap(),
            "<head>\n<title>T</title>\n</head>"
        );
        let minified = "<head><title>Explainer</title><link rel=x></head>";
        assert_eq!(
            inject(
                minified,
                "<title>T</title><meta property=\"og:title\" content=\"T\">"
            )
            .unwrap()
            .unwrap(),
            "<head><title>T</title><meta property=\"og:title\" content=\"T\"><link rel=x></head>"
        );
        let done = "<head><title>T</title><meta property=\"og:title\" content=\"T\"></head>";
        assert_eq!(inject(done, "<title>T</title>").unwrap(), None);
        assert!(inject("<head></head>", "x").is_err());
    }

    #[test]
    fn sets_the_document_language() {
        assert_eq!(
            set_lang("<!doctype html><html lang=en><head>", "tg"),
            "<!doctype html><html lang=\"tg\"><head>"
        );
        assert_eq!(set_lang("<html><body>", "en"), "<html lang=\"en\"><body>");
        assert_eq!(
            set_lang("<html data-x=1 lang=\"fr\">", "en"),
            "<html lang=\"en\" data-x=1>"
        );
    }

    #[test]
    fn puts_the_page_first_in_the_body_once() {
        let src = "<head></head><body class=x><script>1</script></body>";
        let page = "<main data-ex-part=\"poll\">P</main>";
        let once = inject_body(src, page).unwrap().unwrap();
        assert_eq!(
            once,
            "<head></head><body class=x><main data-ex-part=\"poll\">P</main><script>1</script></body>"
        );
        assert_eq!(inject_body(&once, page).unwrap(), None);
        assert!(inject_body("<html></html>", page).is_err());
    }

    #[test]
    fn the_project_page_renders_every_part() {
        let page = explainer::render_page(&STORY);
        assert!(page.contains(STORY.headline));
        for part in explainer::Part::ALL {
            assert!(
                page.contains(&format!("data-ex-part=\"{}\"", part.name())),
                "{part:?} missing"
            );
        }
        for m in STORY.timeline.milestones {
            assert!(page.contains(&format!("id=\"milestone-{}\"", m.slug)));
        }
    }

    #[test]
    fn the_project_story_has_a_head() {
        let tags = head_html(&STORY);
        let html = inject("<html><head><title>x</title></head></html>", &tags)
            .unwrap()
            .unwrap();
        assert!(html.contains("og:title"));
        assert!(html.contains(STORY.description.split('’').next().unwrap()));
    }
}
