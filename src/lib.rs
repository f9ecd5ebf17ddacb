//! An explainer kit for newsrooms: story files in, explainer pages out,
//! one browser app for all of them.
//!
//! The flow, one way, and the folders it runs through:
//!
//! 1. **`content/*.toml`**: the story files, data only.
//! 2. **[`story`]**: each file is read and validated ([`story::source`],
//!    errors naming the file, line, column and field) into a typed
//!    [`story::Story`].
//! 3. **[`page`]** (native, feature `ssr`): the story's page, rendered to
//!    HTML by the Leptos [`components`] at build time, the interactive
//!    ones as islands carrying their props (with the story's
//!    [outline](story::outline)).
//! 4. **The wasm** (feature `hydrate`, `src/main.rs`): the same for every
//!    story; it hydrates the islands over plain, natively tested state
//!    ([`timeline`], [`poll`], [`embed`]).

#[cfg(feature = "islands")]
pub mod browser;
#[cfg(feature = "islands")]
pub mod clipboard;
pub mod dates;
pub mod deeplink;
pub mod embed;
pub mod i18n;
pub mod json;
pub mod messages;
pub mod part;
pub mod poll;
#[cfg(feature = "islands")]
pub mod props;
pub mod storage;
pub mod story;
pub mod timeline;
pub mod words;

#[cfg(feature = "islands")]
pub mod components;
#[cfg(feature = "ssr")]
pub mod page;

#[cfg(feature = "render")]
pub use app::App;

#[cfg(feature = "render")]
mod app {
    use leptos::prelude::*;

    use crate::components::article::Article;
    use crate::components::context::ContextSections;
    use crate::components::embed::EmbedPanel;
    use crate::components::poll::Poll;
    use crate::components::timeline::Timeline;
    use crate::i18n::Locale;
    use crate::part::Part;
    use crate::story::Story;

    /// The whole explainer for one story: the page's `<body>` content.
    #[component]
    pub fn App(
        /// The story to show.
        story: &'static Story,
        /// The edition's locale: every word that is not the story's.
        t: &'static Locale,
        /// True when the site answers oEmbed for the page (built with its
        /// address): the embed panel says a CMS needs only the address.
        #[prop(optional)]
        oembed: bool,
        /// The embed codes the embed panel offers (`Story::embed_codes`).
        #[prop(optional)]
        embeds: Vec<crate::story::outline::EmbedCode>,
    ) -> impl IntoView {
        view! {
            <a class="ex-skip-link" href="#main">{t.text("skip-link")}</a>
            <main id="main" class="ex-page" tabindex="-1">
                <Article story=story t=t />
                {story.context.as_ref().map(|c| view! { <ContextSections context=c figures=&story.figures t=t /> })}
                {story.timeline.as_ref().map(|tl| view! {
                    <div class="ex-part" data-ex-part=Part::Timeline.name()>
                        <Timeline timeline=tl figures=&story.figures t=t />
                    </div>
                })}
                {story.poll.as_ref().map(|p| view! {
                    <div class="ex-part" data-ex-part=Part::Poll.name()>
                        <Poll poll=p story=story.slug.clone() t=t />
                    </div>
                })}
                // A part the story leaves out, asked for alone (`?embed=poll`):
                // said, not an empty frame.
                {crate::embed::EMBEDDABLE
                    .into_iter()
                    .filter(|p| story.heading_of(*p).is_none())
                    .map(|p| view! {
                        <p class="ex-missing" data-ex-part=p.name()>{t.text("embed-part-missing")}</p>
                    })
                    .collect_view()}
                <div class="ex-part" data-ex-part=Part::Embed.name()>
                    <EmbedPanel story=story t=t oembed=oembed codes=embeds />
                </div>
            </main>
        }
    }
}
