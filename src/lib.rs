//! An interactive news explainer: one story file drives the article, the
//! evergreen context, the timeline and the reader poll.

pub mod clipboard;
pub mod components;
pub mod deeplink;
pub mod poll;
pub mod storage;
pub mod story;
pub mod timeline;

use leptos::prelude::*;

use components::article::Article;
use components::context::ContextSections;
use components::poll::Poll;
use components::timeline::Timeline;
use story::{Story, STORY};

/// The whole explainer for one story.
#[component]
pub fn App(
    /// The story to show; the generated [`STORY`] in the app.
    #[prop(default = &STORY)]
    story: &'static Story,
) -> impl IntoView {
    view! {
        <a class="ex-skip-link" href="#main">"Skip to the article"</a>
        <main id="main" class="ex-page" tabindex="-1">
            <Article story=story />
            <ContextSections context=&story.context />
            <Timeline timeline=&story.timeline />
            <Poll poll=&story.poll story_slug=story.slug />
        </main>
    }
}

/// Starts the app in the browser: mounts [`App`] into `<body>` and marks
/// `<html data-app-ready>` once it is in the page.
pub fn start() {
    // Panic messages in the console while developing; release builds skip the
    // formatting code it pulls in.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(|| view! { <App /> });
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("data-app-ready", "");
    }
}
