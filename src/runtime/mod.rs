//! The wasm's start, and the hand-written wiring that islands are replacing.
//!
//! [`start`] creates the islands' reactive root (the page's loader then
//! hydrates each `<leptos-island>`: the context tools and the timeline),
//! reads the embed view, and wires the parts that are not islands yet, the
//! poll with its results and the embed panel, from the story's outline in
//! the page's data island (`<script type="application/json" id="ex-story">`,
//! parsed with the browser's `JSON`) ([`wire`]): nothing is rendered again,
//! so nothing flashes or moves, and what the reader did before the script
//! arrived is kept.

pub mod clipboard;
pub mod dom;
pub mod embed;
pub mod poll;
pub mod results;
pub mod storage;

use crate::json;
use crate::part::Part;
use crate::story::outline::{Outline, ISLAND_ID};
use crate::words::Words;

/// The page's story outline, from its data island; `None` (and a console
/// error naming what is off) when the island is missing or unreadable.
pub fn read_island() -> Option<Outline> {
    let text = dom::document()
        .get_element_by_id(ISLAND_ID)?
        .text_content()?;
    let read = json::parse(&text)
        .map_err(|_| "not JSON")
        .and_then(|doc| Outline::from_json(&doc).map_err(|e| e.0));
    match read {
        Ok(outline) => Some(outline),
        Err(what) => {
            web_sys::console::error_1(
                &format!("explainer: the page's story data is unreadable ({what})").into(),
            );
            None
        }
    }
}

/// The words of an outline's edition, for as long as the page lives.
pub fn words_of(outline: &Outline) -> &'static Words {
    Box::leak(Box::new(Words::new(
        outline.messages.clone(),
        &outline.lang,
    )))
}

/// Brings one part, rendered under `host`, to life, saying what it says in
/// `words`.
pub fn wire(part: Part, host: &web_sys::Element, outline: &'static Outline, words: &'static Words) {
    match part {
        // Islands (`ContextTools`, `TimelineIsland`, `EmbedPanelIsland`).
        Part::Context | Part::Timeline | Part::Embed => {}
        Part::Poll => poll::wire(host, &outline.poll, &outline.slug, words),
    }
}

/// Starts the wasm on a story page: the islands' root, the embed view and
/// height reports, then every part the view shows that is not an island
/// (the embed panel on the standalone page only); the loader marks `<html
/// data-app-ready>` once the islands are hydrated. A page without a data island
/// (a bare `trunk serve`) is left as it is: serve it with `cargo xtask serve`.
pub fn start() {
    // Panic messages in the console while developing; release builds skip the
    // formatting code it pulls in.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    // The islands' reactive root; the page's loader hydrates each
    // `<leptos-island>` once this has run.
    leptos::mount::hydrate_islands();
    let mode = embed::start();
    let Some(outline) = read_island() else {
        return;
    };
    // The outline lives as long as the page.
    let outline: &'static Outline = Box::leak(Box::new(outline));
    let words = words_of(outline);
    let document = dom::document();
    for part in Part::ALL.into_iter().filter(|p| mode.shows(*p)) {
        let selector = format!("[data-ex-part=\"{}\"]", part.name());
        if let Ok(Some(host)) = document.query_selector(&selector) {
            wire(part, &host, outline, words);
        }
    }
}
