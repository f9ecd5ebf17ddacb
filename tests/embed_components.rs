//! Component tests for the "Embed this" panel in headless Chromium: its
//! markup wired as on the page, the options, the embed code it offers for
//! each, and the copy button's confirmation. The clipboard is replaced by a stub per test (headless
//! Chromium's real one needs a permission prompt).
#![cfg(target_arch = "wasm32")]

use explainer::components::embed::EmbedPanelIsland;

/// What the status line says after a successful copy (en.ftl `embed-copied`).
const COPIED: &str = "Embed code copied.";
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement, HtmlTextAreaElement};

mod support;

use support::{all, click, hydrate, prerendered, sleep, story, text};

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

/// The panel as the page has it (`target/component-fixtures/embed.html`:
/// the codes name `/<slug>/` with the pictures xtask's fixtures give),
/// hydrated as the page's loader hydrates it.
async fn panel() -> Element {
    let host = prerendered(support::EMBED_HTML);
    let n = hydrate(
        &host,
        "EmbedPanelIsland",
        || (),
        || view! { <EmbedPanelIsland /> },
    );
    assert_eq!(n, 1, "one panel island");
    sleep(20).await;
    host.query_selector("#embed")
        .unwrap()
        .expect("the panel section")
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
    format!("{}/{}/", origin(), story().slug)
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
    assert_eq!(radios.len(), 6);
    let (views, formats) = radios.split_at(4);
    assert!(views.iter().all(|r| r.name() == "ex-embed-part"));
    assert!(views[0].checked(), "the whole explainer by default");
    assert!(views[1..].iter().all(|r| !r.checked()));
    assert!(formats.iter().all(|r| r.name() == "ex-embed-format"));
    assert!(
        formats[0].checked() && !formats[1].checked(),
        "a web page by default"
    );
    let legends: Vec<String> = all(&panel, "fieldset > legend").iter().map(text).collect();
    assert_eq!(legends, ["What to embed", "Code for"]);
    let labels: Vec<String> = all(&panel, "label.ex-embed__option")
        .iter()
        .map(text)
        .collect();
    let p = story();
    assert_eq!(
        labels,
        [
            "The whole explainer",
            p.context.as_ref().unwrap().heading.as_str(),
            p.timeline.as_ref().unwrap().heading.as_str(),
            p.poll.as_ref().unwrap().heading.as_str(),
            "A web page",
            "An AMP page"
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
async fn the_code_is_an_iframe_a_picture_and_the_sizing_script_for_this_page() {
    let panel = panel().await;
    let base = base();
    let headline = &story().headline;
    let whole = code(&panel);
    assert!(
        whole.starts_with(&format!(
            "<iframe src=\"{base}?embed\" title=\"{headline}\""
        )),
        "{whole}"
    );
    assert!(whole.contains("loading=\"lazy\""), "{whole}");
    assert!(whole.contains("width:100%"), "{whole}");
    assert!(whole.contains("border:0"), "{whole}");
    assert!(whole.contains(" data-explainer-embed>"), "{whole}");
    assert!(
        whole.contains(&format!(
            "<noscript><a href=\"{base}\"><img src=\"{base}images/explainer.png\" width=\"600\" height=\"520\""
        )),
        "{whole}"
    );
    assert!(
        whole.ends_with(&format!(
            "<script src=\"{}/embed.js\" async></script>",
            origin()
        )),
        "{whole}"
    );
    assert!(
        !whole.contains(explainer::embed::ORIGIN),
        "the origin is filled in"
    );

    let radios = radios(&panel);
    click(&radios[2]);
    sleep(20).await;
    let timeline = code(&panel);
    assert!(
        timeline.starts_with(&format!(
            "<iframe src=\"{base}?embed=timeline\" title=\"{} – {headline}\"",
            story().timeline.as_ref().unwrap().heading
        )),
        "{timeline}"
    );
    assert!(timeline.contains("images/timeline.png\" width=\"600\" height=\"1270\""));
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
async fn for_an_amp_page_the_code_is_an_amp_iframe_with_the_picture_as_placeholder() {
    let panel = panel().await;
    let base = base();
    let radios = radios(&panel);
    click(&radios[3]);
    click(&radios[5]);
    sleep(20).await;
    let amp = code(&panel);
    assert!(
        amp.starts_with("<!-- Load AMP’s frame component once"),
        "{amp}"
    );
    assert!(
        amp.contains(&format!("<amp-iframe src=\"{base}?embed=poll\"")),
        "{amp}"
    );
    assert!(amp.contains(" resizable "), "{amp}");
    assert!(
        amp.contains("<button overflow type=\"button\">Show all</button>"),
        "{amp}"
    );
    assert!(
        amp.contains(&format!(
            "<amp-img placeholder src=\"{base}images/poll.png\" width=\"600\" height=\"850\""
        )),
        "{amp}"
    );
    // The view follows, in the same format; back to a web page.
    click(&radios[1]);
    sleep(20).await;
    assert!(
        code(&panel).contains("<amp-iframe src=\"") && code(&panel).contains("?embed=context\"")
    );
    click(&radios[4]);
    sleep(20).await;
    assert!(code(&panel).starts_with(&format!("<iframe src=\"{base}?embed=context\"")));
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
