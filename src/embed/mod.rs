//! Embedding the explainer in other sites' pages: the embed view chosen by
//! the address's query (`?embed`, `?embed=context|timeline|poll`), the embed
//! code offered to publishers, and ([`resize`]) the height messages an
//! embedded page sends its parent.
//!
//! The page is pre-rendered whole; a tiny inline script in its head
//! ([`HEAD_SCRIPT`]) sets `<html data-ex-embed="…">` from the same query
//! before the first paint and `style/embed.css` hides what the view leaves
//! out. This module reads the query with the same rules, for what the
//! runtime does (which parts to wire, whether to report its height). Plain
//! functions, tested natively; the browser side is `runtime::embed`.

pub mod resize;

use crate::part::Part;

/// The inline script in every page's head that sets the embed view before
/// the first paint (the page's Content-Security-Policy pins its hash). It
/// reads the query as [`mode`] does.
pub const HEAD_SCRIPT: &str = r#"(function(){var e=new URLSearchParams(location.search).get("embed");if(e!==null)document.documentElement.dataset.exEmbed=/^(context|timeline|poll)$/.test(e)?e:"all"})()"#;

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

/// How the page is shown, from its address's query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The standalone page, with its chrome and the embed panel.
    Page,
    /// `?embed`: the whole explainer, without page chrome.
    Whole,
    /// `?embed=context` (or `timeline`, `poll`): only that part.
    Only(Part),
}

impl Mode {
    /// The value of `<html data-ex-embed>`; `None` on the standalone page.
    pub fn attr(self) -> Option<&'static str> {
        match self {
            Mode::Page => None,
            Mode::Whole => Some("all"),
            Mode::Only(part) => Some(part.name()),
        }
    }

    /// Whether this view shows `part`.
    pub fn shows(self, part: Part) -> bool {
        match self {
            Mode::Page => true,
            Mode::Whole => part != Part::Embed,
            Mode::Only(only) => part == only,
        }
    }

    /// The `embed` query value that selects this view (`None` for the page).
    pub fn query(self) -> Option<&'static str> {
        match self {
            Mode::Page => None,
            Mode::Whole => Some("embed"),
            Mode::Only(Part::Context) => Some("embed=context"),
            Mode::Only(Part::Timeline) => Some("embed=timeline"),
            Mode::Only(Part::Poll) => Some("embed=poll"),
            Mode::Only(Part::Embed) => Some("embed"),
        }
    }
}

/// The `name` of the "Embed this" panel's radio buttons.
pub const RADIO_NAME: &str = "ex-embed-part";

/// The parts that can be embedded alone.
pub const EMBEDDABLE: [Part; 3] = [Part::Context, Part::Timeline, Part::Poll];

/// The view a query string (`location.search`, with or without `?`) asks
/// for: no `embed` parameter is the page; `embed` with a part's name shows
/// that part; any other value (empty, unknown) shows the whole explainer.
/// Like `URLSearchParams.get`, the first `embed` parameter counts.
pub fn mode(search: &str) -> Mode {
    param(search, "embed").map_or(Mode::Page, |value| named(&value))
}

/// The embed view named `value` (a part's name, else the whole explainer):
/// the `embed` query value, or a [`Mode::attr`].
pub fn named(value: &str) -> Mode {
    EMBEDDABLE
        .into_iter()
        .find(|p| p.name() == value)
        .map_or(Mode::Whole, Mode::Only)
}

/// The first value of `key` in a query string, with ASCII `%XX` escapes
/// decoded (the same decoding as address fragments, [`crate::deeplink`]);
/// `Some("")` for a bare `key` or `key=`.
pub fn param(search: &str, key: &str) -> Option<String> {
    let query = search.strip_prefix('?').unwrap_or(search);
    query.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        (k == key).then(|| crate::deeplink::fragment(v).unwrap_or_default())
    })
}

/// An absolute URL from the page's origin and a site path (`/x/`).
pub fn absolute(origin: &str, path: &str) -> String {
    let mut out = String::with_capacity(origin.len() + path.len() + 1);
    out.push_str(origin.trim_end_matches('/'));
    if !path.starts_with('/') {
        out.push('/');
    }
    out.push_str(path);
    out
}

/// The attribute that marks our iframes for `embed.js`.
pub const IFRAME_MARK: &str = "data-explainer-embed";

/// What an embed may do in its frame (its Permissions-Policy `allow`):
/// write to the clipboard, for its "Copy" buttons.
pub const ALLOW: &str = "clipboard-write";

/// The height an embed starts at before its first height message (and keeps
/// on a page without a sizing script, where it scrolls).
pub const INITIAL_HEIGHT: &str = "600px";

/// The embed code for `mode` (not [`Mode::Page`]) of the story page at
/// `page` (an absolute URL of its folder, ending in `/`): a lazy,
/// borderless, full-width `<iframe>` named by `title`, allowed to copy to
/// the clipboard, and the script at
/// `script` (the site's `embed.js`) that sizes it to its content.
pub fn snippet(page: &str, script: &str, mode: Mode, title: &str) -> String {
    let page = escape(page);
    let query = mode.query().unwrap_or("embed");
    let mut s = String::with_capacity(320 + title.len() + page.len() + script.len());
    s.push_str("<iframe src=\"");
    s.push_str(&page);
    s.push('?');
    s.push_str(query);
    s.push_str("\" title=\"");
    s.push_str(&escape(title));
    s.push_str("\" loading=\"lazy\" allow=\"");
    s.push_str(ALLOW);
    s.push_str("\" style=\"display:block;width:100%;height:");
    s.push_str(INITIAL_HEIGHT);
    s.push_str(";border:0\" ");
    s.push_str(IFRAME_MARK);
    s.push_str("></iframe>\n<script src=\"");
    s.push_str(&escape(script));
    s.push_str("\" async></script>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_query_chooses_the_view() {
        assert_eq!(mode(""), Mode::Page);
        assert_eq!(mode("?"), Mode::Page);
        assert_eq!(mode("?childId=x"), Mode::Page);
        assert_eq!(mode("?embedded=1"), Mode::Page);
        assert_eq!(mode("?embed"), Mode::Whole);
        assert_eq!(mode("?embed="), Mode::Whole);
        assert_eq!(mode("embed"), Mode::Whole);
        assert_eq!(mode("?embed=context"), Mode::Only(Part::Context));
        assert_eq!(mode("?x=1&embed=timeline&y"), Mode::Only(Part::Timeline));
        assert_eq!(mode("?embed=poll&embed=context"), Mode::Only(Part::Poll));
        assert_eq!(mode("?embed=%70oll"), Mode::Only(Part::Poll));
        assert_eq!(mode("?embed=article"), Mode::Whole, "unknown: the whole");
        assert_eq!(mode("?embed=embed"), Mode::Whole, "the panel is no embed");
        assert_eq!(mode("?embed=Context"), Mode::Whole);
    }

    #[test]
    fn each_view_shows_its_parts() {
        for part in Part::ALL {
            assert!(Mode::Page.shows(part));
        }
        assert!(!Mode::Whole.shows(Part::Embed));
        assert!(Mode::Whole.shows(Part::Timeline));
        let only = Mode::Only(Part::Poll);
        assert!(only.shows(Part::Poll));
        assert!(!only.shows(Part::Context) && !only.shows(Part::Embed));
        assert_eq!(Mode::Page.attr(), None);
        assert_eq!(Mode::Whole.attr(), Some("all"));
        assert_eq!(only.attr(), Some("poll"));
    }

    #[test]
    fn the_query_round_trips() {
        for m in [Mode::Whole]
            .into_iter()
            .chain(EMBEDDABLE.into_iter().map(Mode::Only))
        {
            assert_eq!(mode(&format!("?{}", m.query().unwrap())), m);
        }
    }

    #[test]
    fn params_decode_ascii_escapes() {
        assert_eq!(param("?a=1&b=x%20y", "b").as_deref(), Some("x y"));
        assert_eq!(param("?a&b", "a").as_deref(), Some(""));
        assert_eq!(param("?a=%zz%", "a").as_deref(), Some("%zz%"));
        assert_eq!(param("?a=caf%C3%A9", "a").as_deref(), Some("caf%C3%A9"));
        assert_eq!(param("?ab=1", "a"), None);
    }

    #[test]
    fn urls_join_origin_and_path() {
        assert_eq!(
            absolute("https://x.org", "/news/explainer/"),
            "https://x.org/news/explainer/"
        );
        assert_eq!(absolute("http://h/", "a/"), "http://h/a/");
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn the_snippet_is_a_lazy_titled_borderless_iframe_and_the_script() {
        let s = snippet(
            "https://x.org/news/talks/",
            "https://x.org/news/embed.js",
            Mode::Only(Part::Timeline),
            "Tajik \"talks\" & <Japan>",
        );
        assert_eq!(
            s,
            "<iframe src=\"https://x.org/news/talks/?embed=timeline\" \
             title=\"Tajik &quot;talks&quot; &amp; &lt;Japan&gt;\" loading=\"lazy\" allow=\"clipboard-write\" \
             style=\"display:block;width:100%;height:600px;border:0\" data-explainer-embed></iframe>\n\
             <script src=\"https://x.org/news/embed.js\" async></script>"
        );
        assert!(
            snippet("https://x.org/", "https://x.org/embed.js", Mode::Whole, "T")
                .contains("src=\"https://x.org/?embed\"")
        );
    }
}
