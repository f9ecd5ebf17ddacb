//! A story's page, rendered to HTML at build time (feature `ssr`).
//!
//! [`render`] writes the whole document with the Leptos [`crate::App`]:
//! the head (title, description, Open Graph, the Content-Security-Policy,
//! the loader of the one runtime every story page shares ([`Runtime`],
//! what Trunk built), the embed view's script, the styles inline), and the
//! article and every part as readers see them before any script runs (the
//! islands with their props). The loader starts fetching the runtime as
//! the head is read; it blocks nothing, and hydration waits for the body.

mod csp;
pub mod images;
pub mod oembed;
pub mod photos;
mod trunk;

pub use csp::{policy, sha256};
pub use trunk::Runtime;

use leptos::prelude::*;

use crate::embed::HEAD_SCRIPT;
use crate::i18n::Locale;
use crate::story::Story;
use crate::App;
use images::Picture;

/// Where a page sits on the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The site's public URL, ending in `/` (`/`, `/news/explainer/`).
    pub root: String,
    /// The page's folder on the site, ending in `/`: the story's own
    /// (`<root><slug>/`), which embed codes and deep links name.
    pub path: String,
    /// The site's origin (`https://example.org`), when the build was told
    /// (`--site-url`): what link previews and oEmbed need absolute addresses for.
    pub origin: Option<String>,
}

impl Place {
    /// The place of `slug`'s page on a site at `root`.
    pub fn story(root: &str, slug: &str) -> Place {
        Place {
            root: root.to_owned(),
            path: format!("{root}{slug}/"),
            origin: None,
        }
    }

    /// The same place, on the site at `origin`.
    pub fn at(mut self, origin: Option<&str>) -> Place {
        self.origin = origin.map(|o| o.trim_end_matches('/').to_owned());
        self
    }

    /// The absolute address of `file` in the page's folder (`""` for the
    /// page itself), when the site's origin is known.
    pub fn url(&self, file: &str) -> Option<String> {
        self.origin
            .as_ref()
            .map(|o| format!("{o}{}{file}", self.path))
    }
}

/// The inline script that loads the runtime, the head's first script
/// (right after the Content-Security-Policy that pins it): the wasm and its
/// glue are fetched side by side as soon as the head is read (not the glue
/// first, then the wasm when the glue has run, and not once the body is
/// parsed: measured, that made the page interactive 260 ms later on the
/// bench's phones, with the same LCP), and the glue's `init` takes the
/// wasm's response as it arrives. The page's own bytes are not held up:
/// the script blocks nothing, and hydration waits for the parsed body.
///
/// On a page with a lead picture (its `<link rel="preload">` comes first in
/// the head), the runtime's downloads wait for the picture (2 s at most):
/// on a phone's connection they would share its bandwidth and hold back
/// what a reader sees first (measured: the lead's LCP 1.25–1.6x the static
/// copy's with both at once).
///
/// Once the wasm has started (`main`: the islands' reactive root, the
/// embed view) and the document is parsed (`DOMContentLoaded`), each
/// `<leptos-island>` is hydrated by the function the wasm exports under
/// its `data-component` name, in document order, once the loader has
/// handed it its view (`props`: the `data-ex-props` of the element around
/// it, `props::carry`), and `<html data-app-ready>` says the page is
/// interactive. An island the wasm does not know is left as it was
/// rendered, and named in the console.
///
/// A lazy island (its element says `data-ex-near`, `props::carry_near`)
/// is hydrated later: when it comes within a screen's height of the
/// viewport (an `IntersectionObserver` on its first element: the wrappers
/// have no box), or when focus or a pointer press
/// goes into it, whichever is first. Its function then fetches its own
/// wasm file (Leptos's `#[island(lazy)]`), it reads its view itself, and
/// its element is marked `data-ex-live`. Its form is never submitted
/// natively (a Save pressed before the code arrives must not reload the
/// page and lose what the reader ticked).
pub fn loader(runtime: &Runtime) -> String {
    format!(
        "(function(){{var d=document,b,l=d.querySelector(\"link[rel=preload][as=image]\");\
function s(){{if(b)return;b=1;var w=fetch(\"{}\");import(\"{}\").then(function(m){{return m.default({{module_or_path:w}}).then(function(){{\
function go(){{d.querySelectorAll(\"leptos-island\").forEach(function(e){{var f=m[e.dataset.component],p=e.parentNode;\
if(!f)return console.warn(\"explainer: no island named \"+e.dataset.component);\
if(p.dataset.exNear==null)return m.props(p.dataset.exProps||\"\"),f(e);\
var k=[\"focusin\",\"pointerdown\"],o=new IntersectionObserver(function(x){{x.pop().isIntersecting&&h()}},{{rootMargin:\"100% 0px\"}}),\
h=function(){{o&&(o.disconnect(),o=0,k.forEach(function(n){{p.removeEventListener(n,h)}}),\
Promise.resolve(f(e)).then(function(){{p.setAttribute(\"data-ex-live\",\"\")}},function(r){{console.error(\"explainer: a part did not start\",r)}}))}};\
p.addEventListener(\"submit\",function(v){{v.preventDefault()}});k.forEach(function(n){{p.addEventListener(n,h)}});o.observe(e.firstElementChild||e)}});\
d.documentElement.setAttribute(\"data-app-ready\",\"\")}}\
d.readyState==\"loading\"?d.addEventListener(\"DOMContentLoaded\",go):go()}})}})}}\
l?(l.onload=l.onerror=s,setTimeout(s,2e3)):s()}})()",
        runtime.wasm, runtime.js
    )
}

/// The page's HTML with the renderer's `<!>` markers kept only where
/// hydration walks them, inside the islands: the static parts are never
/// hydrated. (Text and attribute values are escaped, so neither `<!>` nor
/// an island's tags can occur in them; islands do not nest here.)
fn static_without_markers(html: &str) -> String {
    const OPEN: &str = "<leptos-island ";
    const CLOSE: &str = "</leptos-island>";
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find(OPEN) {
        out.push_str(&rest[..start].replace("<!>", ""));
        let island = &rest[start..];
        let end = island.find(CLOSE).map_or(island.len(), |e| e + CLOSE.len());
        out.push_str(&island[..end]);
        rest = &island[end..];
    }
    out.push_str(&rest.replace("<!>", ""));
    out
}

/// One part of `story`'s page as the page renders it, islands and all,
/// for the component tests to hydrate (`cargo xtask test` writes them to
/// `target/component-fixtures/<part>.html` first); the embed panel offers
/// `codes`.
pub fn part_html(
    story: &'static Story,
    t: &'static Locale,
    part: crate::part::Part,
    codes: Vec<crate::story::outline::EmbedCode>,
) -> String {
    use crate::components::{context::ContextSections, embed::EmbedPanel, timeline::Timeline};
    use crate::part::Part;
    use leptos::either::EitherOf4;
    to_html(move || match part {
        Part::Context => EitherOf4::A(story.context.as_ref().map(|c| {
            view! { <ContextSections context=c figures=&story.figures t=t /> }
        })),
        Part::Timeline => EitherOf4::B(story.timeline.as_ref().map(|tl| {
            view! { <Timeline timeline=tl figures=&story.figures t=t /> }
        })),
        Part::Embed => EitherOf4::C(view! { <EmbedPanel story=story t=t codes=codes /> }),
        Part::Poll => EitherOf4::D(story.poll.as_ref().map(|p| {
            view! { <crate::components::poll::Poll poll=p story=story.slug.clone() t=t /> }
        })),
    })
}

/// Renders a view to HTML as the islands need it: inside a root owner
/// whose shared context says islands (each `<leptos-island>` carries its
/// props and the markers that hydration walks).
pub fn to_html<V: IntoView + 'static>(view: impl FnOnce() -> V) -> String {
    let context = hydration_context::SsrSharedContext::new_islands();
    let owner = Owner::new_root(Some(std::sync::Arc::new(context)));
    owner.with(move || view().to_html())
}

/// The whole HTML document of `story`'s page at `place`, in the locale
/// `t`, with its `pictures` (for the link preview's image and the embed
/// codes' fallbacks).
pub fn render(
    story: &'static Story,
    t: &'static Locale,
    place: &Place,
    runtime: &Runtime,
    pictures: &[Picture],
) -> String {
    let sizes: Vec<(&str, u32, u32)> = pictures
        .iter()
        .map(|p| (p.name, p.width, p.height))
        .collect();
    let embeds = story.embed_codes(&place.path, &place.root, t, &sizes);
    let card = pictures.iter().find(|p| p.name == "card").cloned();
    let oembed = place.origin.is_some();
    let place = place.clone();
    let loader = loader(runtime);
    let results = story
        .poll
        .as_ref()
        .and_then(|p| p.results.as_ref())
        .map(|r| r.origin.as_str());
    let csp = policy(&[sha256(HEAD_SCRIPT), sha256(&loader)], results);
    let runtime = runtime.clone();
    let pictures_at = crate::components::figure::PicturesAt(format!("{}pictures/", place.path));
    let preload = story
        .lead_figure()
        .and_then(|f| crate::components::figure::lead_preload(f, &pictures_at.0));
    let html = to_html(move || {
        provide_context(pictures_at);
        view! {
            <html lang=t.lang.as_str() dir=t.dir.attr()>
                <head>
                    <meta charset="utf-8" />
                    <meta http-equiv="Content-Security-Policy" content=csp />
                    // Before the preload: the lead's width is chosen for
                    // the phone's viewport, not the 980 px default.
                    <meta name="viewport" content="width=device-width, initial-scale=1" />
                    {preload}
                    <script inner_html=loader></script>
                    <meta name="color-scheme" content="light dark" />
                    <HeadTags story=story place=place card=card />
                    <script inner_html=HEAD_SCRIPT></script>
                    {runtime.icon.map(|href| view! { <link rel="icon" href=href /> })}
                    <style inner_html=runtime.styles></style>
                </head>
                <body>
                    <App story=story t=t oembed=oembed embeds=embeds />
                </body>
            </html>
        }
    });
    format!("<!doctype html>\n{}", static_without_markers(&html))
}

/// The `<title>` and `<meta>` elements for a story: description, author,
/// Open Graph and Twitter card, so a shared link previews well before any
/// script runs.
///
/// With the site's origin known, also the page's canonical address, its
/// social card (`og:image` with its size and text alternative, a large
/// Twitter card: Ghost's bookmark cards and link previews read these) and
/// the discovery link of its oEmbed response.
#[component]
pub fn HeadTags(
    /// The story.
    story: &'static Story,
    /// Where its page is.
    place: Place,
    /// Its social card.
    card: Option<Picture>,
) -> impl IntoView {
    let title = story.headline.as_str();
    let description = story.description.as_str();
    let page = place.url("");
    // The story's lead picture, else the card drawn from its words.
    let lead = story.lead_figure().and_then(|f| {
        let photo = f.photo.as_ref()?;
        let width = crate::story::Photo::WIDTHS[2];
        let file = photo.file(&f.slug, width, photo.fallback.extension());
        let url = place.url(&format!("pictures/{file}"))?;
        Some((url, width, photo.height_at(width), f.alt.clone()))
    });
    let image = lead.or_else(|| {
        card.as_ref().and_then(|c| {
            let url = place.url(&format!("images/{}.png", c.name))?;
            Some((url, c.width, c.height, c.alt.clone()))
        })
    });
    let oembed = place.url(&oembed::file(crate::embed::Mode::Whole));
    let twitter_card = if image.is_some() {
        "summary_large_image"
    } else {
        "summary"
    };
    view! {
        <title>{title}</title>
        <meta name="description" content=description />
        {story.byline.as_ref().map(|b| view! { <meta name="author" content=b.name.as_str() /> })}
        {page.clone().map(|href| view! { <link rel="canonical" href=href /> })}
        {oembed.map(|href| {
            view! { <link rel="alternate" type="application/json+oembed" href=href title=title /> }
        })}
        {open_graph("og:type", "article")}
        {open_graph("og:title", title)}
        {open_graph("og:description", description)}
        {open_graph("og:locale", story.language.replace('-', "_"))}
        {story.section.as_deref().map(|s| open_graph("article:section", s))}
        {page.map(|url| open_graph("og:url", url))}
        {image.clone().map(|(url, width, height, alt)| {
            view! {
                {open_graph("og:image", url)}
                {open_graph("og:image:width", width.to_string())}
                {open_graph("og:image:height", height.to_string())}
                {open_graph("og:image:alt", alt)}
            }
        })}
        <meta name="twitter:card" content=twitter_card />
        <meta name="twitter:title" content=title />
        <meta name="twitter:description" content=description />
        {image.map(|(url, _, _, alt)| {
            view! {
                <meta name="twitter:image" content=url />
                <meta name="twitter:image:alt" content=alt />
            }
        })}
    }
}

/// An Open Graph `<meta property content>` (`property` is no HTML
/// attribute the view macro knows, so the element is built by hand).
fn open_graph(property: &'static str, content: impl Into<String>) -> impl IntoView {
    leptos::html::meta()
        .attr("property", property)
        .attr("content", content.into())
}

/// A problem with a story file, as the problems page lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file, as given.
    pub file: String,
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1.
    pub column: usize,
    /// The field, as a path (`timeline.milestones[2].end`); may be empty.
    pub field: String,
    /// What is wrong.
    pub message: String,
}

/// The page `cargo xtask serve` shows in place of a story whose file has
/// problems: each with its file, line, column, field and message, so an
/// editor sees what to fix where the story would be. No script runs on it.
pub fn problems_page(title: &str, problems: &[Problem]) -> String {
    let title = title.to_owned();
    let problems = problems.to_vec();
    let count = problems.len();
    let owner = Owner::new();
    let html = owner.with(move || {
        let items = problems
            .into_iter()
            .map(|p| {
                let place = format!("{}:{}:{}", p.file, p.line, p.column);
                view! {
                    <li class="ex-problem">
                        <code class="ex-problem__place">{place}</code>
                        {(!p.field.is_empty()).then(|| view! { " " <code class="ex-problem__field">{p.field}</code> })}
                        <p class="ex-problem__message">{p.message}</p>
                    </li>
                }
            })
            .collect_view();
        let heading = if count == 1 {
            "This story has a problem".to_owned()
        } else {
            format!("This story has {count} problems")
        };
        view! {
            <html lang="en">
                <head>
                    <meta charset="utf-8" />
                    <meta name="viewport" content="width=device-width, initial-scale=1" />
                    <meta name="color-scheme" content="light dark" />
                    <title>{format!("Problems: {title}")}</title>
                    <style inner_html=PROBLEMS_CSS></style>
                </head>
                <body>
                    <main class="ex-problems">
                        <h1>{heading}</h1>
                        <p>"Fix the story file and reload this page: it is rebuilt as soon as the file is saved."</p>
                        <ol>{items}</ol>
                    </main>
                </body>
            </html>
        }
        .to_html()
    });
    format!("<!doctype html>\n{}", html.replace("<!>", ""))
}

const PROBLEMS_CSS: &str =
    "body{margin:0;font:1rem/1.5 system-ui,sans-serif;background:Canvas;color:CanvasText}\
.ex-problems{max-width:48rem;margin:0 auto;padding:1.5rem}\
.ex-problems h1{font-size:1.5rem;color:#b3261e}\
.ex-problem{margin:0 0 1rem}\
.ex-problem__message{margin:.25rem 0 0}\
@media (prefers-color-scheme:dark){.ex-problems h1{color:#ffb4ab}}";

/// Text of HTML as a browser reads it: the five entities the renderers
/// write, `&amp;` last (so `&amp;lt;` stays `&lt;`).
#[cfg(test)]
pub(crate) fn unescaped(html: &str) -> String {
    html.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::tests::story;

    fn runtime() -> Runtime {
        Runtime {
            js: "/x/explainer-0a1b.js".to_owned(),
            wasm: "/x/explainer-0a1b_bg.wasm".to_owned(),
            icon: Some("/x/favicon-2c3d.svg".to_owned()),
            styles: "body{color:red}".to_owned(),
        }
    }

    /// The props of the island `name` in `html`, as the browser reads them.
    /// The view the element around the island `name` carries.
    fn island_view<T: serde::de::DeserializeOwned>(html: &str, name: &str) -> T {
        let at = html
            .find(&format!("data-component=\"{name}_"))
            .expect("the island");
        assert!(!html[at..].starts_with("data-props"), "no Leptos props");
        const ATTR: &str = "data-ex-props=\"";
        let start = html[..at].rfind(ATTR).expect("its view") + ATTR.len();
        let end = html[start..].find('"').unwrap() + start;
        // The attribute's value as the browser reads it.
        crate::props::decode_view(&super::unescaped(&html[start..end]))
            .expect("the view reads back")
    }

    fn page() -> (&'static Story, String) {
        let story: &'static Story = Box::leak(Box::new(story()));
        let place = Place::story("/x/", &story.slug);
        (
            story,
            render(story, crate::i18n::english(), &place, &runtime(), &[]),
        )
    }

    /// The project's story without the tables named: a story of fewer parts.
    fn story_without(tables: &[&str]) -> &'static Story {
        let mut file: toml::Table =
            toml::from_str(include_str!("../../content/story.toml")).unwrap();
        for t in tables {
            file.remove(*t).expect("the story has it");
        }
        let text = toml::to_string(&file).unwrap();
        Box::leak(Box::new(
            crate::story::parse("s.toml", &text).expect("valid"),
        ))
    }

    #[test]
    fn a_timeline_only_story_shows_its_timeline_and_offers_only_it() {
        let story = story_without(&["article", "context", "poll"]);
        assert!(story.context.is_none() && story.poll.is_none() && story.body.is_empty());
        let t = crate::i18n::english();
        let fonts = images::tests::fonts();
        let pictures = images::pictures(story, t, &fonts);
        let names: Vec<&str> = pictures.iter().map(|p| p.name).collect();
        assert_eq!(names, ["card", "explainer", "timeline"]);
        let place = Place::story("/x/", &story.slug).at(Some("https://example.org"));
        let html = render(story, t, &place, &runtime(), &pictures);
        assert!(
            html.contains("data-component=\"TimelineIsland_"),
            "the timeline island"
        );
        for gone in [
            "PollIsland_",
            "ContextTools_",
            "id=\"context\"",
            "id=\"poll\"",
        ] {
            assert!(!html.contains(gone), "{gone}");
        }
        // Asked for alone, a part it does not have is said to be missing.
        for part in ["context", "poll"] {
            assert!(html.contains(&format!(
                "<p data-ex-part=\"{part}\" class=\"ex-missing\">This story has no such part.</p>"
            )));
        }
        assert!(!html.contains("data-ex-part=\"timeline\" class=\"ex-missing\""));
        // The embed panel offers the whole explainer and the timeline.
        let panel: crate::components::embed::EmbedView = island_view(&html, "EmbedPanelIsland");
        let views: Vec<&str> = panel.options.iter().map(|o| o.view.as_str()).collect();
        assert_eq!(views, ["all", "timeline"]);
        let oembed: Vec<_> = oembed::views(story).collect();
        assert_eq!(
            oembed,
            [
                crate::embed::Mode::Whole,
                crate::embed::Mode::Only(crate::part::Part::Timeline)
            ]
        );
    }

    #[test]
    fn a_lead_picture_is_fetched_first_and_is_the_link_previews_picture() {
        let mut story = crate::story::parse(
            "riverside-library.toml",
            include_str!("../../tests/stories/riverside-library.toml"),
        )
        .unwrap();
        for f in &mut story.figures {
            f.photo = Some(crate::story::Photo {
                key: "k".into(),
                width: 1600,
                height: 1000,
                fallback: crate::story::PhotoFormat::Jpeg,
            });
        }
        let story: &'static Story = Box::leak(Box::new(story));
        let place = Place::story("/x/", &story.slug).at(Some("https://example.org"));
        let html = render(story, crate::i18n::english(), &place, &runtime(), &[]);
        let at = "/x/riverside-library-test/pictures/flooded-bank-k";
        let preload = format!(
            "<link rel=\"preload\" as=\"image\" type=\"image/webp\" imagesrcset=\"{at}-400.webp 400w, {at}-800.webp 800w, {at}-1200.webp 1200w\" imagesizes=\"{}\" fetchpriority=\"high\">",
            crate::components::figure::SIZES
        );
        let preloaded = html.find(&preload).expect("the lead preloaded");
        assert!(
            preloaded < html.find("<script").unwrap(),
            "before the runtime starts"
        );
        assert!(
            html.find("name=\"viewport\"").unwrap() < preloaded,
            "chosen for the phone's viewport"
        );
        assert_eq!(html.matches("rel=\"preload\"").count(), 1, "the lead only");
        assert!(html.contains(&format!(
            "<meta property=\"og:image\" content=\"https://example.org{at}-1200.jpg\">"
        )));
        assert!(html.contains("<meta property=\"og:image:height\" content=\"750\">"));
        assert!(html.contains(
            "<meta property=\"og:image:alt\" content=\"A made-up picture: a pale sky over a green bank and grey water.\">"
        ));
    }

    #[test]
    fn a_poll_only_story_has_no_timeline_island_and_its_card_no_years() {
        let story = story_without(&["article", "context", "timeline"]);
        let t = crate::i18n::english();
        let card = images::card(story, t, &images::tests::fonts());
        assert!(!card.svg.contains("Timeline"), "no timeline footer");
        let html = render(story, t, &Place::story("/x/", &story.slug), &runtime(), &[]);
        assert!(html.contains("data-component=\"PollIsland_"));
        assert!(!html.contains("TimelineIsland_"));
    }

    #[test]
    fn the_page_holds_the_story_and_every_part() {
        let (story, html) = page();
        assert!(html.starts_with("<!doctype html>\n<html lang=\"en\" dir=\"ltr\">"));
        assert!(html.contains(&story.headline));
        for part in crate::part::Part::ALL {
            assert!(html.contains(&format!("data-ex-part=\"{}\"", part.name())));
        }
        for m in &story.timeline.as_ref().unwrap().milestones {
            assert!(html.contains(&format!("id=\"milestone-{}\"", m.slug)));
        }
        assert!(html.contains("<leptos-island data-component=\"ContextTools_"));
        let outside: String = html
            .split("<leptos-island ")
            .map(|s| {
                s.split_once("</leptos-island>")
                    .map_or(s, |(_, after)| after)
            })
            .collect();
        assert!(!outside.contains("<!>"), "no markers outside the islands");
    }

    #[test]
    fn the_head_carries_title_description_and_open_graph() {
        let (story, html) = page();
        assert!(html.contains(&format!("<title>{}</title>", story.headline)));
        assert!(html.contains("<meta property=\"og:type\" content=\"article\">"));
        assert!(
            html.contains("<meta name=\"description\" content=\"In Tokyo, Tajikistan’s president")
        );
        assert!(html.contains("<style>body{color:red}</style>"));
        assert!(html.contains("<link rel=\"icon\" href=\"/x/favicon-2c3d.svg\">"));
    }

    #[test]
    fn with_the_sites_origin_the_head_has_canonical_oembed_and_a_large_card() {
        let story: &'static Story = Box::leak(Box::new(story()));
        let t = crate::i18n::english();
        let pictures = images::pictures(story, t, &images::tests::fonts());
        let place = Place::story("/x/", &story.slug).at(Some("https://example.org"));
        let html = render(story, t, &place, &runtime(), &pictures);
        let page = format!("https://example.org/x/{}/", story.slug);
        assert!(html.contains(&format!("<link rel=\"canonical\" href=\"{page}\">")));
        assert!(html.contains(&format!(
            "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{page}oembed.json\""
        )));
        assert!(html.contains(&format!(
            "<meta property=\"og:image\" content=\"{page}images/card.png\">"
        )));
        assert!(html.contains("<meta property=\"og:image:width\" content=\"1200\">"));
        assert!(html.contains("<meta property=\"og:image:height\" content=\"630\">"));
        assert!(html.contains(&format!(
            "<meta property=\"og:image:alt\" content=\"{}\">",
            story.headline
        )));
        assert!(html.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"));
        assert!(html.contains(&format!(
            "<meta name=\"twitter:image\" content=\"{page}images/card.png\">"
        )));
        // The embed panel says a CMS needs only the address; its island's
        // props carry each view's codes, the origin left to the browser.
        assert!(html.contains("class=\"ex-embed__cms\""));
        let panel: crate::components::embed::EmbedView = island_view(&html, "EmbedPanelIsland");
        let codes: Vec<_> = panel.options.iter().map(|o| (&o.html, &o.amp)).collect();
        assert!(codes.iter().any(|(_, amp)| amp.contains("amp-iframe")));
        assert!(codes
            .iter()
            .any(|(html, _)| html.contains("images/poll.png")));
        // Without it: no absolute addresses, a plain card, no CMS line.
        let (_, plain) = super::tests::page();
        for absent in [
            "canonical",
            "json+oembed",
            "og:image",
            "summary_large_image",
            "ex-embed__cms",
        ] {
            assert!(!plain.contains(absent), "{absent}");
        }
    }

    #[test]
    fn the_csp_pins_both_inline_scripts_and_comes_first() {
        let (_, html) = page();
        let loader = loader(&runtime());
        assert!(html.contains(&format!("<script>{loader}</script>")));
        // The loader is the head's first script, right after the policy
        // (so the runtime's download starts as the head is read).
        let loader_at = html.find(&format!("<script>{loader}</script>")).unwrap();
        assert_eq!(html.find("<script"), Some(loader_at));
        assert!(loader_at < html.find("<style").unwrap());
        assert!(html.contains(&format!("<script>{HEAD_SCRIPT}</script>")));
        let csp_at = html.find("Content-Security-Policy").unwrap();
        assert!(csp_at < html.find("<script").unwrap());
        for script in [HEAD_SCRIPT, loader.as_str()] {
            assert!(html.contains(&format!("sha256-{}", sha256(script))));
        }
        assert!(!html.contains("rel=\"preload\"") && !html.contains("modulepreload"));
    }

    #[test]
    fn the_problems_page_names_file_line_field_and_message() {
        let html = problems_page(
            "content/a.toml",
            &[Problem {
                file: "content/a.toml".to_owned(),
                line: 3,
                column: 7,
                field: "story.headline".to_owned(),
                message: "must not be <empty>".to_owned(),
            }],
        );
        assert!(html.contains("content/a.toml:3:7"));
        assert!(html.contains("story.headline"));
        assert!(html.contains("must not be &lt;empty&gt;"));
        assert!(!html.contains("<script"));
    }
}
