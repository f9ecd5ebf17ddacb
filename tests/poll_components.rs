//! Component tests for the reader poll in headless Chromium, against the
//! browser's real localStorage (cleared before each test). Controls are found
//! the way assistive technology finds them: by role, label and name.
#![cfg(target_arch = "wasm32")]

use explainer::components::poll::PollIsland;
use explainer::story::QuestionKind;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, Storage};

mod support;

use support::{all, click, hydrate, prerendered, sleep, story, text};

wasm_bindgen_test_configure!(run_in_browser);

const KEY: &str = "explainer:poll:";

fn key() -> String {
    format!("{KEY}{}", &story().slug)
}

/// Runs a snippet of JavaScript with `a` and `b` as arguments.
fn js(body: &str, a: &JsValue, b: &JsValue) -> JsValue {
    js_sys::Function::new_with_args("a, b", body)
        .call2(&JsValue::NULL, a, b)
        .unwrap()
}

/// Undoes the storage overrides some tests install, then clears storage
/// (the host is made fresh by `poll_after`).
fn reset() {
    js(
        "if (window.__pollSaved) {
           for (const [obj, name, d] of window.__pollSaved) Object.defineProperty(obj, name, d);
           window.__pollSaved = null;
         }",
        &JsValue::NULL,
        &JsValue::NULL,
    );
    storage().clear().unwrap();
}

fn storage() -> Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Replaces a property for this test (undone by the next `reset`).
fn override_property(target: &str, name: &str, getter_body: &str) {
    js(
        &format!(
            "const obj = {target};
             const d = Object.getOwnPropertyDescriptor(obj, a)
               ?? Object.getOwnPropertyDescriptor(Object.getPrototypeOf(obj), a);
             (window.__pollSaved ??= []).push([obj, a, d]);
             Object.defineProperty(obj, a, {{ configurable: true, {getter_body} }});"
        ),
        &JsValue::from_str(name),
        &JsValue::NULL,
    );
}

/// The poll as the build renders it (`html`), hydrated as the page's loader
/// hydrates it, over `seed` (what storage holds at load).
fn hydrate_poll(html: &str, seed: Option<&str>) -> HtmlElement {
    let host = prerendered(html);
    if let Some(value) = seed {
        storage().set_item(&key(), value).unwrap();
    }
    let n = hydrate(&host, "PollIsland", || (), || view! { <PollIsland /> });
    assert_eq!(n, 1, "one poll island");
    host
}

/// The pre-rendered poll hydrated over `seed` (what storage holds at load).
async fn poll_after(seed: Option<&str>) -> HtmlElement {
    let host = hydrate_poll(support::POLL_HTML, seed);
    sleep(20).await;
    host
}

/// What an element shows: `innerText` leaves out hidden parts.
fn shown(e: &Element) -> String {
    e.unchecked_ref::<HtmlElement>()
        .inner_text()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn visible(e: &Element) -> bool {
    e.closest("[hidden]").unwrap().is_none()
}

/// The visible button with this accessible name.
fn button(host: &Element, name: &str) -> Element {
    all(host, "button")
        .into_iter()
        .find(|b| text(b) == name && visible(b))
        .unwrap_or_else(|| panic!("no visible button {name:?}"))
}

fn no_button(host: &Element, name: &str) -> bool {
    !all(host, "button")
        .iter()
        .any(|b| text(b) == name && visible(b))
}

/// The fieldset whose legend is `prompt`.
fn fieldset(host: &Element, prompt: &str) -> Element {
    all(host, "fieldset")
        .into_iter()
        .find(|f| {
            f.query_selector("legend")
                .unwrap()
                .is_some_and(|l| text(&l) == prompt)
        })
        .unwrap_or_else(|| panic!("no fieldset {prompt:?}"))
}

/// The control a `<label>` with exactly this text names, or one named by
/// `aria-labelledby`.
fn by_label(root: &Element, name: &str) -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    for label in all(root, "label") {
        if text(&label) == name {
            let id = label.get_attribute("for").unwrap();
            return document.get_element_by_id(&id).unwrap();
        }
    }
    for el in all(root, "[aria-labelledby]") {
        let names: Vec<String> = el
            .get_attribute("aria-labelledby")
            .unwrap()
            .split(' ')
            .filter_map(|id| document.get_element_by_id(id))
            .map(|l| text(&l))
            .collect();
        if names.join(" ") == name && el.tag_name() != "SECTION" {
            return el;
        }
    }
    panic!("no control labelled {name:?}")
}

fn type_into(el: &Element, value: &str) {
    js(
        "a.value = b; a.dispatchEvent(new Event('input', { bubbles: true }));",
        el,
        &JsValue::from_str(value),
    );
}

fn value(el: &Element) -> String {
    js_sys::Reflect::get(el, &JsValue::from_str("value"))
        .unwrap()
        .as_string()
        .unwrap()
}

fn checked(el: &Element) -> bool {
    js_sys::Reflect::get(el, &JsValue::from_str("checked"))
        .unwrap()
        .as_bool()
        .unwrap()
}

/// The ids in an element's `aria-describedby`.
fn described_by(el: &Element) -> Vec<String> {
    el.get_attribute("aria-describedby")
        .unwrap_or_default()
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}

fn described_text(el: &Element) -> String {
    let document = web_sys::window().unwrap().document().unwrap();
    described_by(el)
        .iter()
        .filter_map(|id| document.get_element_by_id(id))
        .map(|d| text(&d))
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" | ")
}

fn stored() -> Option<String> {
    storage().get_item(&key()).unwrap()
}

fn saved_summary(host: &Element) -> Element {
    host.query_selector(".ex-poll__saved").unwrap().unwrap()
}

fn form(host: &Element) -> Element {
    host.query_selector("form").unwrap().unwrap()
}

fn notice(host: &Element) -> String {
    text(
        &host
            .query_selector(".ex-poll__live[role=status]")
            .unwrap()
            .unwrap(),
    )
}

fn status(host: &Element) -> String {
    text(&host.query_selector("p.ex-poll__status").unwrap().unwrap())
}

fn alert(host: &Element) -> String {
    text(&host.query_selector("[role=alert]").unwrap().unwrap())
}

fn multiple() -> &'static explainer::story::Question {
    &story().poll.as_ref().unwrap().questions[0]
}

fn text_question() -> &'static explainer::story::Question {
    story()
        .poll
        .as_ref()
        .unwrap()
        .questions
        .iter()
        .find(|q| q.kind == QuestionKind::Text)
        .unwrap()
}

/// Ticks the first choice and "Other" of the first question, fills in
/// "Other", writes free text, then saves.
async fn answer_and_save(host: &Element, other: &str, free: &str) {
    let q = multiple();
    let set = fieldset(host, &q.prompt);
    click(&by_label(&set, &q.choices[0].label));
    type_into(&by_label(&set, "Your \u{201c}Other\u{201d} answer"), other);
    type_into(&by_label(host, &text_question().prompt), free);
    click(&button(host, "Save my answers"));
    sleep(20).await;
}

#[wasm_bindgen_test]
async fn the_poll_is_a_labelled_region_of_fieldsets_with_labelled_controls() {
    reset();
    let host = poll_after(None).await;
    let region = host.query_selector("section#poll").unwrap().unwrap();
    let label_id = region.get_attribute("aria-labelledby").unwrap();
    let heading = host
        .query_selector(&format!("#{label_id}"))
        .unwrap()
        .unwrap();
    assert_eq!(heading.tag_name(), "H2");
    assert_eq!(text(&heading), story().poll.as_ref().unwrap().heading);
    assert!(text(&region).contains(&story().poll.as_ref().unwrap().intro.plain));
    let privacy = host.query_selector(".ex-poll__privacy").unwrap().unwrap();
    assert!(text(&privacy).contains("stay in this browser"));

    assert_eq!(
        all(&host, "fieldset").len(),
        story().poll.as_ref().unwrap().questions.len()
    );
    for q in &story().poll.as_ref().unwrap().questions {
        let set = fieldset(&host, &q.prompt);
        for c in &q.choices {
            let input = by_label(&set, &c.label);
            let kind = if q.kind == QuestionKind::Single {
                "radio"
            } else {
                "checkbox"
            };
            assert_eq!(input.get_attribute("type").as_deref(), Some(kind));
        }
        if q.kind == QuestionKind::Text {
            let area = by_label(&host, &q.prompt);
            assert_eq!(area.tag_name(), "TEXTAREA");
            assert!(!area.has_attribute("maxlength"), "no silent truncation");
            // Numbers in the locale's way: en groups thousands.
            assert_eq!(
                described_text(&area),
                format!("0 / {} characters", grouped(q.max_length))
            );
        }
    }
    assert!(visible(&form(&host)));
    assert!(!visible(&saved_summary(&host)));
}

#[wasm_bindgen_test]
async fn saving_writes_version_2_at_once_and_shows_your_answers() {
    reset();
    let host = poll_after(None).await;
    answer_and_save(&host, "Schools", "More trains, please.").await;
    let q = multiple();
    let t = text_question();
    let saved = stored().expect("saved at once");
    assert_eq!(
        saved,
        format!(
            r#"{{"version":2,"answers":{{"{}":{{"choices":["{}","other"],"other":"Schools"}},"{}":{{"text":"More trains, please."}}}}}}"#,
            q.slug, &q.choices[0].id, t.slug
        )
    );
    let summary = saved_summary(&host);
    assert!(visible(&summary));
    assert!(!visible(&form(&host)));
    let all_text = shown(&summary);
    assert!(all_text.starts_with("Your answers"));
    assert!(all_text.contains(&q.choices[0].label));
    assert!(all_text.contains("Other: Schools"));
    assert!(all_text.contains("More trains, please."));
    assert!(
        !all_text.contains(&q.choices[1].label),
        "only chosen answers show"
    );
    assert!(
        all_text.contains("No answer"),
        "the skipped question says so"
    );
    assert_eq!(
        status(&host),
        "Saved. Your answers are kept in this browser."
    );
    let focused = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .unwrap();
    assert_eq!(text(&focused), "Your answers", "focus moves to the summary");
}

#[wasm_bindgen_test]
async fn saved_answers_show_on_mount_like_after_a_reload() {
    reset();
    let t = text_question();
    let seed = format!(
        r#"{{"version":2,"answers":{{"{}":{{"text":"From before"}}}}}}"#,
        t.slug
    );
    let host = poll_after(Some(&seed)).await;
    assert!(visible(&saved_summary(&host)));
    assert!(shown(&saved_summary(&host)).contains("From before"));
    assert_eq!(notice(&host), "");
}

#[wasm_bindgen_test]
async fn version_1_answers_are_migrated_and_saved_back_as_version_2() {
    reset();
    let q = multiple();
    let seed = format!(
        r#"{{"version":1,"choices":{{"{}":["{}"]}},"device":"phone"}}"#,
        q.slug, &q.choices[1].id
    );
    let host = poll_after(Some(&seed)).await;
    assert!(shown(&saved_summary(&host)).contains(&q.choices[1].label));
    click(&button(&host, "Change my answers"));
    sleep(20).await;
    let set = fieldset(&host, &q.prompt);
    assert!(
        checked(&by_label(&set, &q.choices[1].label)),
        "the form is filled in"
    );
    click(&button(&host, "Save my answers"));
    sleep(20).await;
    assert_eq!(
        stored().unwrap(),
        format!(
            r#"{{"version":2,"answers":{{"{}":{{"choices":["{}"]}}}},"device":"phone"}}"#,
            q.slug, &q.choices[1].id
        ),
        "version 2 now, and the unknown field is kept"
    );
}

#[wasm_bindgen_test]
async fn corrupt_data_is_set_aside_to_a_backup_key_with_a_message() {
    reset();
    let host = poll_after(Some("{\"version\":2,\"answers\":{\"broken")).await;
    assert_eq!(stored(), None);
    let store = storage();
    let backups: Vec<String> = (0..store.length().unwrap())
        .filter_map(|i| store.key(i).unwrap())
        .filter(|k| k.starts_with(&format!("{}:backup:", key())))
        .collect();
    assert_eq!(backups.len(), 1);
    assert_eq!(
        store.get_item(&backups[0]).unwrap().as_deref(),
        Some("{\"version\":2,\"answers\":{\"broken")
    );
    assert!(notice(&host).contains("could not be read"));
    assert!(notice(&host).contains("set aside, not deleted"));
    assert!(visible(&form(&host)), "the reader starts afresh");
}

/// A number as English writes it: `1,000`.
fn grouped(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[wasm_bindgen_test]
async fn over_long_text_is_refused_with_a_message_not_cut() {
    reset();
    let host = poll_after(None).await;
    let t = text_question();
    let area = by_label(&host, &t.prompt);
    let long = "x".repeat(t.max_length as usize + 3);
    type_into(&area, &long);
    sleep(0).await;
    assert!(described_text(&area).contains(&format!(
        "{} / {} characters (3 too many)",
        grouped(t.max_length + 3),
        grouped(t.max_length)
    )));
    click(&button(&host, "Save my answers"));
    sleep(20).await;
    assert_eq!(stored(), None, "nothing saved");
    assert_eq!(value(&area), long, "the text is kept whole");
    assert_eq!(area.get_attribute("aria-invalid").as_deref(), Some("true"));
    let described = described_text(&area);
    assert!(
        described.contains(&format!("the limit is {}", grouped(t.max_length))),
        "{described}"
    );
    assert!(alert(&host).contains("Your answers were not saved."));
    let focused = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .unwrap();
    assert_eq!(focused.id(), area.id(), "focus goes to the field to fix");
}

#[wasm_bindgen_test]
async fn other_needs_its_text_and_the_error_is_tied_to_the_box() {
    reset();
    let host = poll_after(None).await;
    let set = fieldset(&host, &multiple().prompt);
    click(&by_label(&set, "Other"));
    click(&button(&host, "Save my answers"));
    sleep(20).await;
    let other = by_label(&set, "Your \u{201c}Other\u{201d} answer");
    assert_eq!(other.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(described_text(&other).contains("You chose \u{201c}Other\u{201d}"));
    assert_eq!(stored(), None);
    // Typing in the box on its own ticks "Other".
    reset();
    let host = poll_after(None).await;
    let set = fieldset(&host, &multiple().prompt);
    type_into(
        &by_label(&set, "Your \u{201c}Other\u{201d} answer"),
        "Schools",
    );
    sleep(0).await;
    assert!(checked(&by_label(&set, "Other")));
}

#[wasm_bindgen_test]
async fn saving_nothing_is_refused_and_announced() {
    reset();
    let host = poll_after(None).await;
    click(&button(&host, "Save my answers"));
    sleep(20).await;
    assert_eq!(
        alert(&host),
        "Your answers were not saved. Answer at least one question, then save."
    );
    assert_eq!(stored(), None);
}

#[wasm_bindgen_test]
async fn clearing_asks_in_the_page_first() {
    reset();
    let host = poll_after(None).await;
    answer_and_save(&host, "Schools", "Hi").await;
    click(&button(&host, "Clear my answers"));
    sleep(20).await;
    let confirm = host.query_selector("[role=group]").unwrap().unwrap();
    assert!(visible(&confirm));
    assert!(text(&confirm).contains("Clear your answers from this browser?"));
    assert!(stored().is_some(), "nothing cleared before confirming");
    click(&button(&host, "No, keep them"));
    sleep(20).await;
    assert!(!visible(&confirm));
    assert!(stored().is_some());
    click(&button(&host, "Clear my answers"));
    sleep(20).await;
    click(&button(&host, "Yes, clear them"));
    sleep(20).await;
    assert_eq!(stored(), None);
    assert!(visible(&form(&host)));
    assert_eq!(status(&host), "Your answers were cleared.");
    let area = by_label(&host, &text_question().prompt);
    assert_eq!(value(&area), "", "the form starts empty");
}

#[wasm_bindgen_test]
async fn changing_answers_keeps_unknown_fields() {
    reset();
    let q = multiple();
    let t = text_question();
    let seed = format!(
        r#"{{"version":2,"answers":{{"{}":{{"text":"old","mood":7}},"retired":{{"choices":["x"]}}}},"theme":"dark"}}"#,
        t.slug
    );
    let host = poll_after(Some(&seed)).await;
    click(&button(&host, "Change my answers"));
    sleep(20).await;
    let area = by_label(&host, &t.prompt);
    assert_eq!(value(&area), "old");
    type_into(&area, "new");
    click(&by_label(&fieldset(&host, &q.prompt), &q.choices[2].label));
    click(&button(&host, "Save my answers"));
    sleep(20).await;
    assert_eq!(
        stored().unwrap(),
        format!(
            r#"{{"version":2,"answers":{{"{}":{{"text":"new","mood":7}},"retired":{{"choices":["x"]}},"{}":{{"choices":["{}"]}}}},"theme":"dark"}}"#,
            t.slug, &q.slug, &q.choices[2].id
        )
    );
    assert!(no_button(&host, "Save my answers"));
}

#[wasm_bindgen_test]
async fn other_tabs_are_followed_through_the_storage_event() {
    reset();
    let host = poll_after(None).await;
    let t = text_question();
    let fire = |k: &str| {
        js(
            "window.dispatchEvent(new StorageEvent('storage', { key: a }));",
            &JsValue::from_str(k),
            &JsValue::NULL,
        );
    };
    storage()
        .set_item(
            &key(),
            &format!(
                r#"{{"version":2,"answers":{{"{}":{{"text":"Tab two"}}}}}}"#,
                t.slug
            ),
        )
        .unwrap();
    fire("unrelated-key");
    sleep(20).await;
    assert!(visible(&form(&host)), "other keys are ignored");
    fire(&key());
    sleep(20).await;
    assert!(visible(&saved_summary(&host)));
    assert!(shown(&saved_summary(&host)).contains("Tab two"));
    assert_eq!(status(&host), "Your answers were updated in another tab.");
    storage().remove_item(&key()).unwrap();
    fire(&key());
    sleep(20).await;
    assert!(visible(&form(&host)));
    assert_eq!(status(&host), "Your answers were cleared in another tab.");
}

#[wasm_bindgen_test]
async fn free_text_is_shown_as_text_never_as_html() {
    reset();
    let host = poll_after(None).await;
    let attack = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=1</script>";
    answer_and_save(&host, "<b>bold</b>", attack).await;
    let summary = saved_summary(&host);
    assert!(shown(&summary).contains(attack));
    assert!(shown(&summary).contains("Other: <b>bold</b>"));
    assert!(all(&summary, "img, script, b").is_empty());
    sleep(50).await;
    let pwned =
        js_sys::Reflect::get(&web_sys::window().unwrap(), &JsValue::from_str("__pwned")).unwrap();
    assert!(pwned.is_undefined());
}

#[wasm_bindgen_test]
async fn blocked_storage_works_in_memory_and_says_so() {
    reset();
    override_property(
        "window",
        "localStorage",
        "get() { throw new DOMException('The operation is insecure.', 'SecurityError'); }",
    );
    let host = poll_after(None).await;
    assert!(
        notice(&host).contains("will not be kept"),
        "{}",
        notice(&host)
    );
    answer_and_save(&host, "Schools", "Kept in memory").await;
    assert!(visible(&saved_summary(&host)));
    assert!(shown(&saved_summary(&host)).contains("Kept in memory"));
    assert!(status(&host).contains("will not be kept"));
    reset();
    assert_eq!(stored(), None);
}

#[wasm_bindgen_test]
async fn a_full_quota_keeps_answers_in_memory_with_a_message() {
    reset();
    override_property(
        "Storage.prototype",
        "setItem",
        "value() { throw new DOMException('Quota exceeded', 'QuotaExceededError'); }",
    );
    let host = poll_after(None).await;
    assert!(
        notice(&host).contains("private browsing"),
        "{}",
        notice(&host)
    );
    answer_and_save(&host, "Schools", "Not kept").await;
    assert!(shown(&saved_summary(&host)).contains("Not kept"));
    reset();
    assert_eq!(stored(), None);
}

#[wasm_bindgen_test]
async fn a_quota_error_on_save_keeps_answers_on_the_page_and_says_why() {
    reset();
    let host = poll_after(None).await;
    assert_eq!(notice(&host), "");
    override_property(
        "Storage.prototype",
        "setItem",
        "value() { throw new DOMException('Quota exceeded', 'QuotaExceededError'); }",
    );
    answer_and_save(&host, "Schools", "Too big to keep").await;
    assert!(shown(&saved_summary(&host)).contains("Too big to keep"));
    assert!(
        notice(&host).contains("storage for this site is full"),
        "{}",
        notice(&host)
    );
    assert_eq!(
        status(&host),
        "Your answers are shown below, but could not be kept."
    );
    reset();
    assert_eq!(stored(), None);
}

/// The story with a results service (made up: `https://results.test`),
/// its slug, and its poll pre-rendered (`poll-results.html`) and
/// hydrated, with the browser's `fetch` replaced by `fetch_body`
/// (JavaScript; each call's address, method, credentials and body are
/// recorded in `window.__sent`).
async fn poll_with_results(fetch_body: &str) -> (HtmlElement, &'static str) {
    js(
        &format!(
            "window.__realFetch ??= window.fetch;
             window.__sent = [];
             window.fetch = async (input, init) => {{
               const r = new Request(input, init);
               window.__sent.push([r.url, {{ method: r.method, credentials: r.credentials, body: await r.clone().text() }}]);
               {fetch_body}
             }};"
        ),
        &JsValue::NULL,
        &JsValue::NULL,
    );
    let mut s = story().clone();
    s.poll.as_mut().unwrap().results =
        explainer::story::source::results_service("https://results.test").ok();
    let s: &'static explainer::story::Story = Box::leak(Box::new(s));
    let host = hydrate_poll(support::POLL_RESULTS_HTML, None);
    sleep(20).await;
    (host, s.slug.as_str())
}

fn restore_fetch() {
    js(
        "if (window.__realFetch) window.fetch = window.__realFetch;",
        &JsValue::NULL,
        &JsValue::NULL,
    );
}

fn sent() -> Vec<(String, JsValue)> {
    let list: js_sys::Array =
        js("return window.__sent;", &JsValue::NULL, &JsValue::NULL).unchecked_into();
    list.iter()
        .map(|call| {
            let call: js_sys::Array = call.unchecked_into();
            (call.get(0).as_string().unwrap(), call.get(1))
        })
        .collect()
}

fn field(v: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(v, &JsValue::from_str(name)).unwrap()
}

#[wasm_bindgen_test]
async fn with_a_results_service_a_save_is_sent_and_the_tally_shown() {
    reset();
    let q = multiple();
    let (first, second) = (&q.choices[0].id, &q.choices[1].id);
    let tally = format!(
        r#"{{"readers":5,"questions":{{"{}":{{"answered":5,"choices":{{"{first}":3,"{second}":2}}}}}}}}"#,
        q.slug
    );
    let (host, slug) = poll_with_results(&format!(
        "return Promise.resolve(new Response({tally:?}, {{ status: 200 }}));"
    ))
    .await;
    let results = host.query_selector(".ex-poll__results").unwrap().unwrap();
    assert!(
        results.has_attribute("hidden"),
        "nothing to show before a save"
    );
    assert!(
        text(&host.query_selector(".ex-poll__privacy").unwrap().unwrap())
            .contains("counted with other readers")
    );

    let set = fieldset(&host, &q.prompt);
    click(&by_label(&set, &q.choices[0].label));
    click(&button(&host, "Save my answers"));
    sleep(50).await;

    let calls = sent();
    assert_eq!(calls.len(), 1);
    let (url, init) = &calls[0];
    assert_eq!(
        url,
        &format!("https://results.test/v1/polls/{}/answers", slug)
    );
    assert_eq!(field(init, "method").as_string().unwrap(), "POST");
    assert_eq!(field(init, "credentials").as_string().unwrap(), "omit");
    let body = field(init, "body").as_string().unwrap();
    let reader = storage().get_item("explainer:reader").unwrap().unwrap();
    assert_eq!(reader.len(), 36);
    assert_eq!(
        body,
        format!(
            r#"{{"reader":"{reader}","answers":{{"{}":{{"choices":["{first}"]}}}}}}"#,
            q.slug
        )
    );

    // The region, labelled by its heading, with the polite readers line.
    assert!(visible(&results));
    let line = host.query_selector(".ex-poll__readers").unwrap().unwrap();
    assert_eq!(line.get_attribute("role").as_deref(), Some("status"));
    assert_eq!(text(&line), "5 readers have answered so far.");
    let item = |id: &str| {
        host.query_selector(&format!(
            "ul[data-ex-q=\"{}\"] li[data-ex-choice=\"{id}\"]",
            q.slug
        ))
        .unwrap()
        .unwrap()
    };
    let share = |id: &str| text(&item(id).query_selector(".ex-poll__share").unwrap().unwrap());
    assert_eq!(share(first), "60% (3)");
    assert_eq!(share(second), "40% (2)");
    let bar = item(first).query_selector("meter").unwrap().unwrap();
    assert_eq!(bar.get_attribute("value").as_deref(), Some("60"));
    assert_eq!(bar.get_attribute("aria-hidden").as_deref(), Some("true"));
    assert_eq!(
        shown(&item(first)),
        format!("{} (your answer): 60% (3)", q.choices[0].label)
    );
    assert_eq!(
        shown(&item(second)),
        format!("{}: 40% (2)", q.choices[1].label)
    );
    assert_eq!(
        storage()
            .get_item(&format!("explainer:results-pending:{}", slug))
            .unwrap(),
        None
    );

    // A clear is sent too: an empty set.
    click(&button(&host, "Clear my answers"));
    // (The page shows the change after the click's task, as a reader sees it.)
    sleep(0).await;
    click(&button(&host, "Yes, clear them"));
    sleep(50).await;
    let calls = sent();
    assert_eq!(calls.len(), 2);
    assert_eq!(
        field(&calls[1].1, "body").as_string().unwrap(),
        format!(r#"{{"reader":"{reader}","answers":{{}}}}"#)
    );
    restore_fetch();
}

#[wasm_bindgen_test]
async fn with_the_service_unreachable_the_answers_are_kept_and_queued() {
    reset();
    let (host, slug) =
        poll_with_results("return Promise.reject(new TypeError('Failed to fetch'));").await;
    let q = multiple();
    click(&by_label(&fieldset(&host, &q.prompt), &q.choices[0].label));
    click(&button(&host, "Save my answers"));
    sleep(50).await;
    assert_eq!(sent().len(), 1);
    assert!(stored().is_some(), "kept in this browser");
    assert_eq!(
        text(&host.query_selector(".ex-poll__readers").unwrap().unwrap()),
        "Your answers are kept in this browser. The results will appear once your answers reach the results service."
    );
    let pending = format!("explainer:results-pending:{}", slug);
    assert_eq!(storage().get_item(&pending).unwrap().as_deref(), Some("1"));
    // The results list stays hidden: there is no tally yet.
    assert!(!visible(
        &host
            .query_selector(".ex-poll__results-body")
            .unwrap()
            .unwrap()
    ));
    restore_fetch();
}
