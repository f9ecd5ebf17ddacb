//! Component tests in headless Chromium: each mounts into a fresh element and
//! queries the DOM the way assistive technology sees it (roles, names).
#![cfg(target_arch = "wasm32")]

use explainer::components::article::{Article, DataTable};
use explainer::components::context::ContextTools;

use explainer::App;
use leptos::prelude::*;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

mod support;

use support::{
    all, click, english, hydrate, mount, prerendered, set_hash_quietly, sleep, story, text,
};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn article_has_one_h1_with_the_headline() {
    let host = mount(|| view! { <Article story=story() t=english() /> });
    let h1s = all(&host, "h1");
    assert_eq!(h1s.len(), 1);
    assert_eq!(text(&h1s[0]), story().headline);
    let article = host.query_selector("article").unwrap().unwrap();
    assert_eq!(
        article.get_attribute("aria-labelledby").as_deref(),
        Some(h1s[0].id().as_str())
    );
}

#[wasm_bindgen_test]
fn article_shows_byline_section_body_and_disclaimer() {
    let host = mount(|| view! { <Article story=story() t=english() /> });
    let all_text = text(&host);
    assert!(all_text.contains("Omar El Sayed"));
    assert!(all_text.contains("World Editor"));
    assert_eq!(
        text(
            &host
                .query_selector(".ex-article__section")
                .unwrap()
                .unwrap()
        ),
        "World"
    );
    assert_eq!(all(&host, ".ex-article__body p").len(), story().body.len());
    assert!(text(
        &host
            .query_selector(".ex-article__disclaimer")
            .unwrap()
            .unwrap()
    )
    .starts_with("Disclaimer"));
}

#[wasm_bindgen_test]
fn tables_have_captions_and_header_cells() {
    let host = mount(|| view! { <Article story=story() t=english() /> });
    let tables = all(&host, "table");
    assert_eq!(tables.len(), story().tables.len());
    for (table, data) in tables.iter().zip(&story().tables) {
        let caption = table.query_selector("caption").unwrap().unwrap();
        assert_eq!(text(&caption), data.caption);
        let cols: Vec<String> = all(table, "thead th[scope=col]").iter().map(text).collect();
        assert_eq!(cols, data.columns);
        let row_heads: Vec<String> = all(table, "tbody th[scope=row]").iter().map(text).collect();
        let expected: Vec<&str> = data.rows.iter().map(|r| r[0].plain.as_str()).collect();
        assert_eq!(row_heads, expected);
        // The scrolling wrapper is a focusable region named by the caption.
        let region = table.parent_element().unwrap();
        assert_eq!(region.get_attribute("role").as_deref(), Some("region"));
        assert_eq!(region.get_attribute("aria-labelledby"), Some(caption.id()));
    }
}

#[wasm_bindgen_test]
fn data_cells_carry_their_column_label_for_narrow_screens() {
    let table = &story().tables[1];
    let host = mount(move || view! { <DataTable table=table /> });
    let first_row = all(&host, "tbody tr").remove(0);
    let labels: Vec<String> = all(&first_row, "td")
        .iter()
        .filter_map(|td| td.get_attribute("data-label"))
        .collect();
    assert_eq!(labels, &table.columns[1..]);
}

#[wasm_bindgen_test]
fn app_has_a_skip_link_to_main() {
    let host = mount(|| view! { <App story=story() t=english() /> });
    let skip = host.query_selector("a.ex-skip-link").unwrap().unwrap();
    assert_eq!(skip.get_attribute("href").as_deref(), Some("#main"));
    assert!(host.query_selector("main#main").unwrap().is_some());
}

/// The context as the build renders it.
fn prerendered_context() -> HtmlElement {
    prerendered(support::CONTEXT_HTML)
}

/// The context's tools, hydrated as the page's loader hydrates them.
fn hydrate_tools(host: &Element) {
    let n = hydrate(host, "ContextTools", || (), || view! { <ContextTools /> });
    assert_eq!(n, 1, "one island: the tools");
}

/// The context, its tools hydrated.
fn context() -> HtmlElement {
    let host = prerendered_context();
    hydrate_tools(&host);
    host
}

#[wasm_bindgen_test]
async fn hydrating_the_tools_leaves_the_sections_markup_as_it_was() {
    let host = prerendered_context();
    let before: Vec<String> = sections(&host).iter().map(|s| s.outer_html()).collect();
    hydrate_tools(&host);
    sleep(0).await;
    let after: Vec<String> = sections(&host).iter().map(|s| s.outer_html()).collect();
    assert_eq!(before, after);
}

fn sections(host: &Element) -> Vec<Element> {
    all(host, "details.ex-disclosure")
}

fn is_open(e: &Element) -> bool {
    e.has_attribute("open")
}

fn button(host: &Element, name: &str) -> Element {
    all(host, "button")
        .into_iter()
        .find(|b| text(b) == name)
        .unwrap_or_else(|| panic!("no button {name}"))
}

#[wasm_bindgen_test]
async fn context_is_a_labelled_region_with_headed_disclosures() {
    let host = context();
    sleep(0).await;
    let region = host.query_selector("section").unwrap().unwrap();
    let label_id = region.get_attribute("aria-labelledby").unwrap();
    let label = host
        .query_selector(&format!("#{label_id}"))
        .unwrap()
        .unwrap();
    assert_eq!(label.tag_name(), "H2");
    assert_eq!(text(&label), story().context.as_ref().unwrap().heading);
    let secs = sections(&host);
    assert_eq!(secs.len(), story().context.as_ref().unwrap().sections.len());
    for (el, data) in secs.iter().zip(&story().context.as_ref().unwrap().sections) {
        assert_eq!(el.id(), data.slug);
        let heading = el
            .query_selector("summary > h3")
            .unwrap()
            .expect("a heading in each summary");
        assert_eq!(text(&heading), data.title);
        assert_eq!(
            is_open(el),
            data.open,
            "{} opens by default only if the story says so",
            data.slug
        );
    }
    assert!(is_open(&secs[0]), "the first section opens by default");
}

#[wasm_bindgen_test]
async fn clicking_a_summary_toggles_its_section() {
    let host = context();
    sleep(0).await;
    let second = sections(&host).remove(1);
    assert!(!is_open(&second));
    click(&second.query_selector("summary").unwrap().unwrap());
    sleep(0).await;
    assert!(is_open(&second));
    let hash = web_sys::window().unwrap().location().hash().unwrap();
    assert_eq!(
        hash,
        format!("#{}", story().context.as_ref().unwrap().sections[1].slug),
        "opening updates the address"
    );
    click(&second.query_selector("summary").unwrap().unwrap());
    sleep(0).await;
    assert!(!is_open(&second));
    assert_eq!(
        web_sys::window().unwrap().location().hash().unwrap(),
        "",
        "closing the linked section clears it"
    );
}

#[wasm_bindgen_test]
async fn expand_and_collapse_all_are_announced() {
    let host = context();
    sleep(0).await;
    let status = host.query_selector("[role=status]").unwrap().unwrap();
    click(&button(&host, "Expand all"));
    sleep(0).await;
    assert!(sections(&host).iter().all(is_open));
    let n = story().context.as_ref().unwrap().sections.len();
    assert_eq!(text(&status), format!("All {n} sections expanded."));
    click(&button(&host, "Collapse all"));
    sleep(0).await;
    assert!(!sections(&host).iter().any(is_open));
    assert_eq!(text(&status), format!("All {n} sections collapsed."));
}

#[wasm_bindgen_test]
async fn a_deep_link_opens_its_section_on_load_and_on_hashchange() {
    let third = &story().context.as_ref().unwrap().sections[2].slug;
    let host = prerendered_context();
    // The address is read once the tools are hydrated, as on load.
    set_hash_quietly(&format!("#{third}"));
    hydrate_tools(&host);
    sleep(0).await;
    assert!(is_open(&sections(&host)[2]), "opened from the hash on load");
    let fourth = &story().context.as_ref().unwrap().sections[3].slug;
    web_sys::window()
        .unwrap()
        .location()
        .set_hash(fourth)
        .unwrap();
    sleep(50).await;
    assert!(is_open(&sections(&host)[3]), "opened on hashchange");
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("no-such-section")
        .unwrap();
    sleep(50).await;
    assert_eq!(
        sections(&host).iter().filter(|s| is_open(s)).count(),
        3,
        "an unknown hash changes nothing"
    );
}
