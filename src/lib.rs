//! An interactive news explainer: one story file drives the article, the
//! evergreen context, the timeline and the reader poll.
//!
//! The page is rendered twice from the same components: to HTML at build
//! time (`ssr` feature, [`render_page`], written into `dist/index.html` by
//! `cargo xtask build`), so the article and every section are there before
//! any script; and in the component tests (a Leptos mount). In the browser
//! (`csr` feature, [`start`]) nothing is rendered again: each interactive
//! part is brought to life over its pre-rendered markup (see [`live`]). The
//! article itself never reaches the wasm.

pub mod clipboard;
pub mod components;
pub mod deeplink;
pub mod embed;
pub mod live;
pub mod poll;
pub mod storage;
pub mod story;
pub mod timeline;

use leptos::prelude::*;

use components::article::Article;
use components::context::ContextSections;
use components::embed::EmbedPanel;
use components::poll::Poll;
use components::timeline::Timeline;
use story::{Story, STORY};

/// The parts of the page that the browser app brings to life, each inside a
/// `<div data-ex-part="…">` of the pre-rendered page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The evergreen context's live controls (Expand all, Collapse all, deep links).
    Context,
    /// The milestone timeline.
    Timeline,
    /// The reader poll.
    Poll,
    /// The "Embed this" panel (standalone page only). Not in [`Part::ALL`]:
    /// its pre-rendered markup is kept and wired by [`embed::start`], so no
    /// view of it reaches the wasm.
    Embed,
}

impl Part {
    /// Every part brought to life by [`start`], in page order.
    pub const ALL: [Part; 3] = [Part::Context, Part::Timeline, Part::Poll];

    /// The value of its `data-ex-part` attribute.
    pub fn name(self) -> &'static str {
        match self {
            Part::Context => "context",
            Part::Timeline => "timeline",
            Part::Poll => "poll",
            Part::Embed => "embed",
        }
    }
}

/// The story data the live parts need: not the article, so the browser app
/// can refer to it without linking the article's text.
#[derive(Debug, Clone, Copy)]
pub struct Parts {
    /// Stable id of the story.
    pub slug: &'static str,
    /// The evergreen context's heading and section slugs (not its text).
    pub context: &'static story::ContextOutline,
    /// The timeline.
    pub timeline: &'static story::Timeline,
    /// The reader poll.
    pub poll: &'static story::Poll,
}

impl Parts {
    /// The generated story's parts as the browser app needs them, without
    /// going through [`STORY`]: outlines whose texts that only the
    /// pre-rendered page shows (milestone details, poll prompts and labels)
    /// are left empty, so they are not linked into the wasm. Headings, slugs,
    /// dates, sector labels and milestone titles are there.
    pub const GENERATED: Parts = Parts {
        slug: story::STORY_SLUG,
        context: &story::STORY_CONTEXT_OUTLINE,
        timeline: &story::STORY_TIMELINE_LIVE,
        poll: &story::STORY_POLL_LIVE,
    };

    /// The parts of `story`.
    pub fn of(story: &'static Story) -> Parts {
        Parts {
            slug: story.slug,
            context: story.context.outline,
            timeline: story.timeline,
            poll: story.poll,
        }
    }

    /// Brings one part to life over its pre-rendered markup in `host`.
    #[cfg(feature = "csr")]
    pub fn wire(self, part: Part, host: &web_sys::Element) {
        match part {
            Part::Context => components::context::wire(host, self.context),
            Part::Timeline => components::timeline::wire(host, self.timeline, None),
            Part::Poll => components::poll::wire(host, self.poll, self.slug),
            Part::Embed => components::embed::wire(host),
        }
    }
}

/// The whole explainer for one story.
#[component]
pub fn App(
    /// The story to show; the generated [`STORY`] in the app.
    #[prop(default = &STORY)]
    story: &'static Story,
) -> impl IntoView {
    let parts = Parts::of(story);
    view! {
        <a class="ex-skip-link" href="#main">"Skip to the article"</a>
        <main id="main" class="ex-page" tabindex="-1">
            <Article story=story />
            <ContextSections context=story.context />
            <div class="ex-part" data-ex-part=Part::Timeline.name()>
                <Timeline timeline=story.timeline />
            </div>
            <div class="ex-part" data-ex-part=Part::Poll.name()>
                <Poll poll=story.poll />
            </div>
            <div class="ex-part" data-ex-part=Part::Embed.name()>
                <EmbedPanel parts=parts />
            </div>
        </main>
    }
}

/// The page body as HTML, for `cargo xtask build` to write into
/// `dist/index.html`: what readers see before the wasm has loaded, and
/// without JavaScript. The page is wired, never hydrated, so the
/// renderer's `<!>` hydration markers are left out (text is escaped, so
/// they cannot occur in it).
#[cfg(feature = "ssr")]
pub fn render_page(story: &'static Story) -> String {
    let owner = Owner::new();
    owner
        .with(|| view! { <App story=story /> }.to_html())
        .replace("<!>", "")
}

/// Starts the app in the browser: brings each [`Part`] to life over its
/// pre-rendered markup (nothing is rendered again, so nothing flashes or
/// moves, and what the reader did before the script arrived is kept), then
/// marks `<html data-app-ready>`. A page that was not pre-rendered (a bare
/// `trunk serve`) has no parts and stays empty: serve it with
/// `cargo xtask serve`.
#[cfg(feature = "csr")]
pub fn start() {
    // Panic messages in the console while developing; release builds skip the
    // formatting code it pulls in.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    let document = document();
    let mode = embed::start();
    for part in Part::ALL.into_iter().filter(|p| mode.shows(*p)) {
        let selector = format!("[data-ex-part=\"{}\"]", part.name());
        if let Ok(Some(host)) = document.query_selector(&selector) {
            Parts::GENERATED.wire(part, &host);
        }
    }
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("data-app-ready", "");
    }
}
