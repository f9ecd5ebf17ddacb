//! Component tests for the "Embed this" panel in headless Chromium: its
//! markup wired as on the page, the options, the embed code it offers for
//! each, and the copy button's confirmation. The clipboard is replaced by a stub per test (headless
//! Chromium's real one needs a permission prompt).
#![cfg(target_arch = "wasm32")]

use explainer::components::embed::EmbedPanel;
use explainer::runtime::embed::wire;

/// What the status line says after a successful copy (en.ftl `embed-copied`).
const COPIED: &str = "Embed code copied.";
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement, HtmlTextAreaElement};

mod support;

use support::{all, click, english, mount, outline, sleep, story, text, words};

wasm_bindgen_test_configure!(run_in_browser);

/// Runs a snippet of JavaScript.
fn js(body: &str) -> JsValue {
    js_sys::Function::new_no_args(body)
        .call0(&JsValue::NULL)
        .unwrap()
}

/// Replaces `navigator.clipboard` with a stub that records the text, or
/// refuses when `refuse`.
fn stub_clipboard(refuse: bool) {
    js(&format!(
        "window.__copied = null;
         Object.defineProperty(navigator, 'clipboard', {{
           configurable: true,
           value: {{ writeText: (t) => {refuse}
             ? Promise.reject(new DOMException('no', 'NotAllowedError'))
             : (window.__copied = t, Promise.resolve()) }},
         }});"
    ));
}

fn copied() -> Option<String> {
    js("return window.__copied").as_string()
}

/// The panel as the page has it: its markup, wired as `start` wires it.
async fn panel() -> Element {
    let host = mount(|| view! { <EmbedPanel story=story() t=english() /> });
    sleep(20).await;
    let panel = host
        .query_selector("#embed")
        .unwrap()
        .expect("the panel section");
    wire(&panel, outline(), words());
    panel
}

fn code(panel: &Element) -> String {
    panel
        .query_selector("textarea")
        .unwrap()
        .unwrap()
        .unchecked_into::<HtmlTextAreaElement>()
        .value()
}

fn radios(panel: &Element) -> Vec<HtmlInputElement> {
    all(panel, "input[type=radio]")
        .into_iter()
        .map(|e| e.unchecked_into())
        .collect()
}

/// The page folder's URL, as the panel should compute it.
/// The origin the test page is served from.
fn origin() -> String {
    web_sys::window().unwrap().location().origin().unwrap()
}

/// The story page's folder, as the embed code names it.
fn base() -> String {
    format!("{}{}", origin(), outline().path)
}

#[wasm_bindgen_test]
async fn the_options_are_radio_buttons_in_a_labelled_fieldset() {
    let panel = panel().await;
    let heading = panel.query_selector("h2").unwrap().unwrap();
    assert_eq!(text(&heading), "Embed this");
    assert_eq!(
        panel.get_attribute("aria-labelledby").as_deref(),
        Some(heading.id().as_str())
    );
    let legend = panel.query_selector("fieldset > legend").unwrap().unwrap();
    assert_eq!(text(&legend), "What to embed");
    let radios = radios(&panel);
    assert_eq!(radios.len(), 4);
    assert!(radios.iter().all(|r| r.name() == "ex-embed-part"));
    assert!(radios[0].checked(), "the whole explainer by default");
    assert!(radios[1..].iter().all(|r| !r.checked()));
    let labels: Vec<String> = all(&panel, "label.ex-embed__option")
        .iter()
        .map(text)
        .collect();
    let p = outline();
    assert_eq!(
        labels,
        [
            "The whole explainer",
            p.context.heading.as_str(),
            p.timeline.heading.as_str(),
            p.poll.heading.as_str()
        ]
    );
    // Each radio is inside its label, so the label names it.
    for r in &radios {
        assert!(r.closest("label").unwrap().is_some());
    }
    let code_label = panel.query_selector("label[for=ex-embed-code]").unwrap();
    assert!(code_label.is_some(), "the code box is labelled");
}

#[wasm_bindgen_test]
async fn the_code_is_an_iframe_and_the_sizing_script_for_this_page() {
    let panel = panel().await;
    let base = base();
    let title = web_sys::window().unwrap().document().unwrap().title();
    let whole = code(&panel);
    assert!(
        whole.starts_with(&format!("<iframe src=\"{base}?embed\" title=\"")),
        "{whole}"
    );
    assert!(whole.contains("loading=\"lazy\""), "{whole}");
    assert!(whole.contains("width:100%"), "{whole}");
    assert!(whole.contains("border:0"), "{whole}");
    assert!(whole.contains(" data-explainer-embed>"), "{whole}");
    assert!(
        whole.ends_with(&format!(
            "<script src=\"{}/embed.js\" async></script>",
            origin()
        )),
        "{whole}"
    );
    if !title.is_empty() {
        assert!(whole.contains(&format!("title=\"{title}\"")), "{whole}");
    }

    let radios = radios(&panel);
    click(&radios[2]);
    sleep(20).await;
    let timeline = code(&panel);
    assert!(
        timeline.starts_with(&format!(
            "<iframe src=\"{base}?embed=timeline\" title=\"{}",
            outline().timeline.heading
        )),
        "{timeline}"
    );
    click(&radios[3]);
    sleep(20).await;
    assert!(code(&panel).contains("?embed=poll\""));
    click(&radios[1]);
    sleep(20).await;
    assert!(code(&panel).contains("?embed=context\""));
    click(&radios[0]);
    sleep(20).await;
    assert_eq!(code(&panel), whole);
}

#[wasm_bindgen_test]
async fn copying_puts_the_code_on_the_clipboard_and_says_so_politely() {
    stub_clipboard(false);
    let panel = panel().await;
    let status = panel.query_selector("[role=status]").unwrap().unwrap();
    assert_eq!(text(&status), "");
    click(&radios(&panel)[1]);
    sleep(20).await;
    let button = all(&panel, "button")
        .into_iter()
        .find(|b| text(b) == "Copy embed code")
        .expect("a copy button");
    click(&button);
    sleep(50).await;
    assert_eq!(copied().as_deref(), Some(code(&panel).as_str()));
    assert!(copied().unwrap().contains("?embed=context"));
    assert_eq!(text(&status), COPIED);
    // Choosing another part clears the confirmation: it was for the old code.
    click(&radios(&panel)[2]);
    sleep(20).await;
    assert_eq!(text(&status), "");
}

#[wasm_bindgen_test]
async fn a_refused_copy_says_how_to_copy_by_hand() {
    stub_clipboard(true);
    let panel = panel().await;
    let button = panel.query_selector("button").unwrap().unwrap();
    click(&button);
    sleep(50).await;
    let status = panel.query_selector("[role=status]").unwrap().unwrap();
    assert!(
        text(&status).contains("copy it yourself"),
        "{}",
        text(&status)
    );
    assert_eq!(copied(), None);
}
