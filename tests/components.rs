//! Component tests in headless Chromium: each mounts into a fresh element and
//! queries the DOM the way assistive technology sees it (roles, names).
#![cfg(target_arch = "wasm32")]

use explainer::components::article::{Article, DataTable};
use explainer::story::STORY;
use explainer::App;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a view into a fresh `<div>` appended to `<body>`, after clearing storage.
fn mount<F, V>(f: F) -> HtmlElement
where
    F: FnOnce() -> V + 'static,
    V: IntoView + 'static,
{
    let window = web_sys::window().unwrap();
    if let Ok(Some(storage)) = window.local_storage() {
        storage.clear().unwrap();
    }
    let document = window.document().unwrap();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    leptos::mount::mount_to(host.clone(), f).forget();
    host
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect()
}

fn text(e: &Element) -> String {
    e.text_content().unwrap_or_default().trim().to_owned()
}

#[wasm_bindgen_test]
fn article_has_one_h1_with_the_headline() {
    let host = mount(|| view! { <Article story=&STORY /> });
    let h1s = all(&host, "h1");
    assert_eq!(h1s.len(), 1);
    assert_eq!(text(&h1s[0]), STORY.headline);
    let article = host.query_selector("article").unwrap().unwrap();
    assert_eq!(
        article.get_attribute("aria-labelledby").as_deref(),
        Some(h1s[0].id().as_str())
    );
}

#[wasm_bindgen_test]
fn article_shows_byline_section_body_and_disclaimer() {
    let host = mount(|| view! { <Article story=&STORY /> });
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
    assert_eq!(all(&host, ".ex-article__body p").len(), STORY.body.len());
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
    let host = mount(|| view! { <Article story=&STORY /> });
    let tables = all(&host, "table");
    assert_eq!(tables.len(), STORY.tables.len());
    for (table, data) in tables.iter().zip(STORY.tables) {
        let caption = table.query_selector("caption").unwrap().unwrap();
        assert_eq!(text(&caption), data.caption);
        let cols: Vec<String> = all(table, "thead th[scope=col]").iter().map(text).collect();
        assert_eq!(cols, data.columns);
        let row_heads: Vec<String> = all(table, "tbody th[scope=row]").iter().map(text).collect();
        let expected: Vec<&str> = data.rows.iter().map(|r| r[0]).collect();
        assert_eq!(row_heads, expected);
        // The scrolling wrapper is a focusable region named by the caption.
        let region = table.parent_element().unwrap();
        assert_eq!(region.get_attribute("role").as_deref(), Some("region"));
        assert_eq!(region.get_attribute("aria-labelledby"), Some(caption.id()));
    }
}

#[wasm_bindgen_test]
fn data_cells_carry_their_column_label_for_narrow_screens() {
    let table = &STORY.tables[1];
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
    let host = mount(|| view! { <App /> });
    let skip = host.query_selector("a.ex-skip-link").unwrap().unwrap();
    assert_eq!(skip.get_attribute("href").as_deref(), Some("#main"));
    assert!(host.query_selector("main#main").unwrap().is_some());
}
