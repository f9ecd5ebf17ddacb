//! Timeline component tests in headless Chromium: selection, keys, filters,
//! deep links and the injected "today".
#![cfg(target_arch = "wasm32")]

use explainer::components::timeline::{TimelineIsland, Today};

use explainer::dates::chronological;
use explainer::dates::Day;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit};

mod support;

use support::{all, hydrate, prerendered, sleep, story, text};

wasm_bindgen_test_configure!(run_in_browser);

/// The timeline as the build renders it, hydrated as the page's loader
/// hydrates it, with `today` given.
fn mount_timeline(today: Day) -> HtmlElement {
    let host = prerendered(support::TIMELINE_HTML);
    let n = hydrate(
        &host,
        "TimelineIsland",
        move || provide_context(Today(today)),
        || view! { <TimelineIsland /> },
    );
    assert_eq!(n, 1, "one timeline island");
    host
}

/// Milestone buttons in walking order (dated by date, then undated).
fn buttons(host: &Element) -> Vec<Element> {
    all(host, ".ex-ms__button")
}

fn selected_title(host: &Element) -> String {
    let sel: Vec<Element> = buttons(host)
        .into_iter()
        .filter(|b| b.get_attribute("aria-expanded").as_deref() == Some("true"))
        .collect();
    assert_eq!(sel.len(), 1, "exactly one milestone is selected");
    text(&sel[0].query_selector(".ex-ms__title").unwrap().unwrap())
}

fn press(target: &Element, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

fn focused() -> Option<Element> {
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
}

fn title_in_order(k: usize) -> &'static str {
    let whens: Vec<_> = story()
        .timeline
        .as_ref()
        .unwrap()
        .milestones
        .iter()
        .map(|m| m.when)
        .collect();
    &story().timeline.as_ref().unwrap().milestones[chronological(&whens)[k]].title
}

fn today() -> Day {
    Day::new(2026, 11, 28).unwrap()
}

#[wasm_bindgen_test]
async fn milestones_are_a_dated_ordered_list_with_time_elements() {
    let host = mount_timeline(today());
    sleep(0).await;
    let region = host.query_selector("section#timeline").unwrap().unwrap();
    assert_eq!(
        region.get_attribute("aria-labelledby").as_deref(),
        Some("ex-timeline-heading")
    );
    let dated = all(&host, "ol.ex-timeline__list > li");
    let n_dated = story()
        .timeline
        .as_ref()
        .unwrap()
        .milestones
        .iter()
        .filter(|m| m.when.is_some())
        .count();
    assert_eq!(dated.len(), n_dated);
    for li in &dated {
        let time = li
            .query_selector("time[datetime]")
            .unwrap()
            .expect("each dated milestone has <time datetime>");
        assert!(!time.get_attribute("datetime").unwrap().is_empty());
    }
    let undated = all(&host, "ul.ex-timeline__list--undated > li");
    assert_eq!(
        undated.len(),
        story().timeline.as_ref().unwrap().milestones.len() - n_dated
    );
    assert!(undated.iter().all(|li| text(li).contains("No date given")));
}

#[wasm_bindgen_test]
async fn the_first_milestone_is_selected_and_only_it_is_tabbable() {
    let host = mount_timeline(today());
    sleep(0).await;
    assert_eq!(selected_title(&host), title_in_order(0));
    let tabbable: Vec<Element> = buttons(&host)
        .into_iter()
        .filter(|b| b.get_attribute("tabindex").as_deref() == Some("0"))
        .collect();
    assert_eq!(tabbable.len(), 1);
    let details_id = tabbable[0].get_attribute("aria-controls").unwrap();
    let details = host
        .query_selector(&format!("#{details_id}"))
        .unwrap()
        .unwrap();
    assert!(!details.has_attribute("hidden"));
}

#[wasm_bindgen_test]
async fn clicking_selects_and_shows_details_with_status() {
    let host = mount_timeline(today());
    sleep(0).await;
    let fund = host
        .query_selector("#milestone-joint-hydropower-fund-button")
        .unwrap()
        .unwrap();
    fund.unchecked_ref::<HtmlElement>().click();
    sleep(0).await;
    assert_eq!(selected_title(&host), "Joint Hydropower Fund");
    let details = host
        .query_selector("#milestone-joint-hydropower-fund-details")
        .unwrap()
        .unwrap();
    assert!(!details.has_attribute("hidden"));
    let body = text(&details);
    assert!(body.contains("2026–2030"));
    assert!(
        body.contains("Scheduled for 2026–2030: in its window today"),
        "{body}"
    );
    assert!(body.contains("$500 million"));
    let status = host.query_selector("[role=status]").unwrap().unwrap();
    assert_eq!(text(&status), "Joint Hydropower Fund, 2026–2030, selected.");
    assert_eq!(
        web_sys::window().unwrap().location().hash().unwrap(),
        "#milestone-joint-hydropower-fund"
    );
}

#[wasm_bindgen_test]
async fn arrow_home_and_end_keys_walk_in_date_order() {
    let host = mount_timeline(today());
    sleep(0).await;
    let first = buttons(&host).remove(0);
    first.unchecked_ref::<HtmlElement>().focus().unwrap();
    press(&first, "ArrowRight");
    sleep(0).await;
    assert_eq!(selected_title(&host), title_in_order(1));
    assert_eq!(
        focused().unwrap().id(),
        buttons(&host)[1].id(),
        "focus follows the selection"
    );
    press(&focused().unwrap(), "End");
    sleep(0).await;
    let n = story().timeline.as_ref().unwrap().milestones.len();
    assert_eq!(selected_title(&host), title_in_order(n - 1));
    press(&focused().unwrap(), "ArrowRight");
    sleep(0).await;
    assert_eq!(
        selected_title(&host),
        title_in_order(n - 1),
        "Right stops at the end"
    );
    press(&focused().unwrap(), "Home");
    sleep(0).await;
    assert_eq!(selected_title(&host), title_in_order(0));
    press(&focused().unwrap(), "ArrowLeft");
    sleep(0).await;
    assert_eq!(
        selected_title(&host),
        title_in_order(0),
        "Left stops at the start"
    );
}

#[wasm_bindgen_test]
async fn sector_filters_hide_milestones_and_skip_them_on_keys() {
    let host = mount_timeline(today());
    sleep(0).await;
    let energy = all(&host, ".ex-filter")
        .into_iter()
        .find(|b| text(b).starts_with("Energy"))
        .unwrap();
    assert_eq!(
        energy.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    let count = story()
        .timeline
        .as_ref()
        .unwrap()
        .milestones
        .iter()
        .filter(|m| m.sector.as_deref() == Some("energy"))
        .count();
    assert!(text(&energy).ends_with(&format!("({count})")));
    energy.unchecked_ref::<HtmlElement>().click();
    sleep(0).await;
    assert_eq!(
        energy.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    let hidden = all(&host, "li.ex-ms[hidden]");
    assert_eq!(hidden.len(), count);
    // The first milestone (Nurek, energy) was selected: the selection moves to a shown one.
    let sel = selected_title(&host);
    assert!(!story()
        .timeline
        .as_ref()
        .unwrap()
        .milestones
        .iter()
        .any(|m| m.title == sel && m.sector.as_deref() == Some("energy")));
    let status = host.query_selector("[role=status]").unwrap().unwrap();
    let shown = story().timeline.as_ref().unwrap().milestones.len() - count;
    assert!(
        text(&status).contains(&format!("Showing {shown} of")),
        "{}",
        text(&status)
    );
}

#[wasm_bindgen_test]
async fn a_deep_link_selects_on_hashchange_and_unknown_ones_are_ignored() {
    let host = mount_timeline(today());
    sleep(0).await;
    let location = web_sys::window().unwrap().location();
    location.set_hash("milestone-film-festival").unwrap();
    sleep(50).await;
    assert_eq!(selected_title(&host), "Bilateral film and arts festival");
    location.set_hash("milestone-no-such-thing").unwrap();
    sleep(50).await;
    assert_eq!(selected_title(&host), "Bilateral film and arts festival");
}

#[wasm_bindgen_test]
async fn the_today_marker_sits_on_the_axis() {
    let host = mount_timeline(today());
    sleep(0).await;
    let chart = host.query_selector(".ex-timeline__chart").unwrap().unwrap();
    let style = chart.get_attribute("style").unwrap_or_default();
    assert!(style.starts_with("--ex-today:"), "{style}");
    assert!(chart.class_list().contains("ex-timeline__chart--today"));
    let outside = mount_timeline(Day::new(2040, 1, 1).unwrap());
    sleep(0).await;
    let chart = outside
        .query_selector(".ex-timeline__chart")
        .unwrap()
        .unwrap();
    assert!(
        !chart.class_list().contains("ex-timeline__chart--today"),
        "no marker off the axis"
    );
}

#[wasm_bindgen_test]
async fn a_deep_link_to_a_filtered_out_milestone_turns_its_sector_back_on() {
    let host = mount_timeline(today());
    sleep(0).await;
    let fund = story()
        .timeline
        .as_ref()
        .unwrap()
        .milestones
        .iter()
        .find(|m| m.slug == "joint-hydropower-fund")
        .unwrap();
    let sector = story()
        .timeline
        .as_ref()
        .unwrap()
        .sectors
        .iter()
        .find(|s| fund.sector.as_ref() == Some(&s.slug))
        .unwrap();
    let filter = all(&host, ".ex-filter")
        .into_iter()
        .find(|b| text(b).starts_with(sector.label.as_str()))
        .unwrap();
    filter.unchecked_ref::<HtmlElement>().click();
    sleep(0).await;
    let item = host
        .query_selector("#milestone-joint-hydropower-fund")
        .unwrap()
        .unwrap();
    assert!(item.has_attribute("hidden"), "filtered out");
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("milestone-joint-hydropower-fund")
        .unwrap();
    sleep(50).await;
    assert!(!item.has_attribute("hidden"), "shown again");
    assert_eq!(selected_title(&host), "Joint Hydropower Fund");
    assert_eq!(
        filter.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
}
