//! Shared helpers for the component tests in headless Chromium: mount into a
//! fresh element, wait for the browser, query the DOM.
#![allow(dead_code)] // each test file uses its own subset

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// Mounts a view into a [`fresh_host`].
pub fn mount<F, V>(f: F) -> HtmlElement
where
    F: FnOnce() -> V + 'static,
    V: IntoView + 'static,
{
    let host = fresh_host();
    leptos::mount::mount_to(host.clone(), f).forget();
    host
}

/// A part of the project's story as the build renders it (islands with
/// their props and markers), in a [`fresh_host`], before any island is
/// hydrated. `cargo xtask test` writes these files first (xtask's
/// `site::component_fixtures`).
pub fn prerendered(html: &str) -> HtmlElement {
    let host = fresh_host();
    host.set_inner_html(html);
    host
}

/// The pre-rendered context (`target/component-fixtures/context.html`).
pub const CONTEXT_HTML: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/target/component-fixtures/context.html"
));

/// The pre-rendered embed panel (`target/component-fixtures/embed.html`).
pub const EMBED_HTML: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/target/component-fixtures/embed.html"
));

/// The pre-rendered poll (`target/component-fixtures/poll.html`).
pub const POLL_HTML: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/target/component-fixtures/poll.html"
));

/// The pre-rendered poll of the story with a made-up results service,
/// `https://results.test` (`target/component-fixtures/poll-results.html`).
pub const POLL_RESULTS_HTML: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/target/component-fixtures/poll-results.html"
));

/// The pre-rendered timeline (`target/component-fixtures/timeline.html`).
pub const TIMELINE_HTML: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/target/component-fixtures/timeline.html"
));

/// Hydrates every island under `host` whose component is `name` the way
/// the page's loader and the island's exported function do: props read
/// from its `data-props` with serde, the view hydrated over the markup in
/// place (`Position::Current`). `context` runs first, in the island's
/// owner's parent (to provide contexts). Returns how many were hydrated.
pub fn hydrate<V>(host: &Element, name: &str, context: impl Fn(), view: impl Fn() -> V) -> usize
where
    V: IntoView + 'static,
{
    use leptos::tachys::view::Position;
    leptos::mount::hydrate_islands();
    let islands = all(host, &format!("leptos-island[data-component^=\"{name}_\"]"));
    for island in &islands {
        // As the loader does: the island's view, from the element around it.
        let carried = island
            .parent_element()
            .and_then(|p| p.get_attribute("data-ex-props"))
            .expect("the element around the island carries its view");
        explainer::props::props(carried);
        assert!(
            island.get_attribute("data-props").is_none(),
            "no Leptos props"
        );
        let island: HtmlElement = island.clone().unchecked_into();
        let owner = Owner::new();
        owner.with(|| {
            context();
            let state = view().hydrate_from_position::<true>(&island, Position::Current);
            std::mem::forget(state);
        });
        std::mem::forget(owner);
    }
    islands.len()
}

/// A fresh `<div>` appended to `<body>`, after clearing storage and the
/// address fragment, and removing earlier tests' hosts (so ids stay unique
/// in the document).
pub fn fresh_host() -> HtmlElement {
    let window = web_sys::window().unwrap();
    if let Ok(Some(storage)) = window.local_storage() {
        storage.clear().unwrap();
    }
    set_hash_quietly("");
    let document = window.document().unwrap();
    for old in all(&document.body().unwrap(), "[data-test-host]") {
        old.remove();
    }
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    host.set_attribute("data-test-host", "").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    host
}

/// Waits `ms` on the browser's task queue (effects and DOM updates run after it).
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Every element under `root` matching `selector`.
pub fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect()
}

/// The trimmed text of an element.
pub fn text(e: &Element) -> String {
    e.text_content().unwrap_or_default().trim().to_owned()
}

/// Clicks an element as a reader would.
pub fn click(e: &Element) {
    e.unchecked_ref::<HtmlElement>().click();
}

/// Sets the address's fragment without firing `hashchange`.
pub fn set_hash_quietly(hash: &str) {
    let window = web_sys::window().unwrap();
    let path = window.location().pathname().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{hash}")),
        )
        .unwrap();
}

/// The project's story (`content/story.toml`), read and validated once.
pub fn story() -> &'static explainer::story::Story {
    static STORY: std::sync::OnceLock<explainer::story::Story> = std::sync::OnceLock::new();
    STORY.get_or_init(|| {
        explainer::story::parse(
            "content/story.toml",
            include_str!("../../content/story.toml"),
        )
        .expect("content/story.toml is valid")
    })
}

/// The English locale (`locales/en.ftl`), as the story's edition uses it.
pub fn english() -> &'static explainer::i18n::Locale {
    static EN: std::sync::OnceLock<explainer::i18n::Locale> = std::sync::OnceLock::new();
    EN.get_or_init(|| {
        let file =
            explainer::i18n::read("locales/en.ftl", "en", include_str!("../../locales/en.ftl"))
                .expect("locales/en.ftl is complete");
        explainer::i18n::Locale::new(&file, "en", &[]).expect("the English locale")
    })
}
