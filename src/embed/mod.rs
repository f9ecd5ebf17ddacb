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
//! functions, tested natively; the browser side is [`frame`] and the panel island
//! (`components::embed`).

#[cfg(feature = "hydrate")]
pub mod frame;

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

/// Where a click on a link in an embedded view leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Follow {
    /// Within the frame: a part of the page that this view shows.
    Here,
    /// Through WordPress (its `link` message): a page of the frame's own
    /// site, in WordPress's sandboxed frame, which may open nothing itself.
    WordPress,
    /// In a new tab: another page.
    NewTab,
    /// In a new tab, the whole page at that part: a part of the page this
    /// view leaves out.
    WholePage,
}

/// Where a click on the link `href` leads in an embedded view: `shown`
/// says whether the part a `#…` link names is in this view, `same_host`
/// whether the link stays on the frame's own site, `wordpress` whether
/// WordPress embedded the frame.
pub fn follow(href: &str, shown: bool, same_host: bool, wordpress: bool) -> Follow {
    match href.strip_prefix('#') {
        Some(_) if shown => Follow::Here,
        Some(_) => Follow::WholePage,
        None if wordpress && same_host => Follow::WordPress,
        None => Follow::NewTab,
    }
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

/// The `name` of the panel's radio buttons for the kind of page the code
/// is for (`html`, `amp`).
pub const FORMAT_NAME: &str = "ex-embed-format";

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

/// The picture of a view (`explainer`, `context`, `timeline`, `poll`:
/// `images/<name>.png` in the story's folder).
pub fn picture_name(view: Mode) -> &'static str {
    match view {
        Mode::Only(Part::Context) => "context",
        Mode::Only(Part::Timeline) => "timeline",
        Mode::Only(Part::Poll) => "poll",
        _ => "explainer",
    }
}

/// Stands for the site's origin in the embed codes a page carries: the
/// runtime puts the page's own origin in its place (a private-use
/// character, which no address or text of a story has).
pub const ORIGIN: char = '\u{F8F2}';

/// A view's picture, for the places that show no frame: its address and size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fallback<'a> {
    /// Its absolute address.
    pub src: &'a str,
    /// Width, px.
    pub width: u32,
    /// Height, px.
    pub height: u32,
}

/// The embed code for `mode` (not [`Mode::Page`]) of the story page at
/// `page` (an absolute URL of its folder, ending in `/`): a lazy,
/// borderless, full-width `<iframe>` named by `title`, allowed to copy to
/// the clipboard; the view's `picture` as a `<noscript>` image linking to
/// the page, for hosts and readers that run no script; and the script at
/// `script` (the site's `embed.js`) that sizes the frame to its content.
pub fn snippet(
    page: &str,
    script: &str,
    mode: Mode,
    title: &str,
    picture: Option<Fallback>,
) -> String {
    let (page, title) = (escape(page), escape(title));
    let query = mode.query().unwrap_or("embed");
    let mut s = format!(
        "<iframe src=\"{page}?{query}\" title=\"{title}\" loading=\"lazy\" allow=\"{ALLOW}\" \
         style=\"display:block;width:100%;height:{INITIAL_HEIGHT};border:0\" {IFRAME_MARK}></iframe>\n"
    );
    if let Some(p) = picture {
        s.push_str(&format!(
            "<noscript><a href=\"{page}\"><img src=\"{}\" width=\"{}\" height=\"{}\" alt=\"{title}\" \
             style=\"max-width:100%;height:auto\"></a></noscript>\n",
            escape(p.src),
            p.width,
            p.height
        ));
    }
    s.push_str(&format!(
        "<script src=\"{}\" async></script>",
        escape(script)
    ));
    s
}

/// AMP's own component for frames, which a page must load once in its head.
pub const AMP_IFRAME_SCRIPT: &str =
    "<script async custom-element=\"amp-iframe\" src=\"https://cdn.ampproject.org/v0/amp-iframe-0.1.js\"></script>";

/// The embed code of `mode` for an AMP page: a comment saying which
/// script the page's head needs (`head`, in the edition's words, before
/// [`AMP_IFRAME_SCRIPT`]), then an `<amp-iframe>` that may resize itself
/// (the frame's `embed-size` messages) with the button AMP shows when it
/// will not resize by itself (`more`), and the view's picture as the
/// placeholder shown until the frame has loaded. Sandboxed as AMP requires,
/// with what the explainer needs: scripts, its own storage (same origin),
/// and links that open in a new tab.
pub fn amp_snippet(
    page: &str,
    mode: Mode,
    title: &str,
    picture: Option<Fallback>,
    head: &str,
    more: &str,
) -> String {
    let (page, title) = (escape(page), escape(title));
    let query = mode.query().unwrap_or("embed");
    let head = head.replace("--", "\u{2013}");
    let mut s = format!(
        "<!-- {head} {AMP_IFRAME_SCRIPT} -->\n\
         <amp-iframe src=\"{page}?{query}\" title=\"{title}\" layout=\"fixed-height\" height=\"{}\" \
         sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox\" \
         resizable frameborder=\"0\">\n\
         <button overflow type=\"button\">{}</button>\n",
        INITIAL_HEIGHT.trim_end_matches("px"),
        escape(more)
    );
    if let Some(p) = picture {
        s.push_str(&format!(
            "<amp-img placeholder src=\"{}\" width=\"{}\" height=\"{}\" layout=\"fill\" alt=\"{title}\"></amp-img>\n",
            escape(p.src),
            p.width,
            p.height
        ));
    }
    s.push_str("</amp-iframe>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_leave_the_frame_unless_they_name_a_part_it_shows() {
        assert_eq!(follow("#background", true, true, false), Follow::Here);
        assert_eq!(follow("#background", false, true, false), Follow::WholePage);
        assert_eq!(
            follow("https://example.org/", false, false, false),
            Follow::NewTab
        );
        assert_eq!(follow("../other/", false, true, false), Follow::NewTab);
        assert_eq!(follow("../other/", false, true, true), Follow::WordPress);
        assert_eq!(
            follow("https://example.org/", false, false, true),
            Follow::NewTab
        );
        assert_eq!(follow("#poll", true, true, true), Follow::Here);
    }

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
    fn the_snippet_is_a_lazy_titled_borderless_iframe_a_picture_and_the_script() {
        let s = snippet(
            "https://x.org/news/talks/",
            "https://x.org/news/embed.js",
            Mode::Only(Part::Timeline),
            "Tajik \"talks\" & <Japan>",
            None,
        );
        assert_eq!(
            s,
            "<iframe src=\"https://x.org/news/talks/?embed=timeline\" \
             title=\"Tajik &quot;talks&quot; &amp; &lt;Japan&gt;\" loading=\"lazy\" allow=\"clipboard-write\" \
             style=\"display:block;width:100%;height:600px;border:0\" data-explainer-embed></iframe>\n\
             <script src=\"https://x.org/news/embed.js\" async></script>"
        );
        let picture = Fallback {
            src: "https://x.org/t/images/poll.png",
            width: 600,
            height: 812,
        };
        let s = snippet(
            "https://x.org/t/",
            "https://x.org/embed.js",
            Mode::Whole,
            "T",
            Some(picture),
        );
        assert!(s.contains("src=\"https://x.org/t/?embed\""));
        assert!(s.contains(
            "\n<noscript><a href=\"https://x.org/t/\"><img src=\"https://x.org/t/images/poll.png\" \
             width=\"600\" height=\"812\" alt=\"T\" style=\"max-width:100%;height:auto\"></a></noscript>\n<script"
        ));
    }

    #[test]
    fn the_amp_code_is_a_resizable_sandboxed_amp_iframe_with_a_placeholder() {
        let picture = Fallback {
            src: "https://x.org/t/images/poll.png",
            width: 600,
            height: 812,
        };
        let s = amp_snippet(
            "https://x.org/t/",
            Mode::Only(Part::Poll),
            "Poll & more",
            Some(picture),
            "In the head -- once:",
            "Show all",
        );
        assert!(
            s.starts_with(
                "<!-- In the head \u{2013} once: <script async custom-element=\"amp-iframe\""
            ),
            "{s}"
        );
        assert!(s.contains("<amp-iframe src=\"https://x.org/t/?embed=poll\" title=\"Poll &amp; more\" layout=\"fixed-height\" height=\"600\""), "{s}");
        assert!(s.contains("sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox\" resizable"), "{s}");
        assert!(
            s.contains("<button overflow type=\"button\">Show all</button>"),
            "{s}"
        );
        assert!(s.contains("<amp-img placeholder src=\"https://x.org/t/images/poll.png\" width=\"600\" height=\"812\" layout=\"fill\" alt=\"Poll &amp; more\"></amp-img>"), "{s}");
        assert!(s.ends_with("</amp-iframe>"));
        assert_eq!(s.matches("-->").count(), 1, "one comment, closed once");
    }
}
