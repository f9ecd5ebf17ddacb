//! The timeline, live: sector filters, selection by click and by arrow
//! keys, Home and End (a roving tabindex), deep links, the "Today" marker
//! and a polite status line, over the markup `components::timeline`
//! rendered. The rules are [`State`]'s.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use super::clipboard;
use super::dom::{self, Store};
use super::words::Words;
use crate::dates::Day;
use crate::deeplink;
use crate::messages::Say;
use crate::story::outline::TimelineOutline;
use crate::timeline::layout::{css_percent, status_line, Axis, Move};
use crate::timeline::state::State;
use crate::timeline::{anchor, button_id, details_id, ANCHOR_PREFIX};

/// Today from the reader's clock.
fn clock_today() -> Option<Day> {
    let now = js_sys::Date::new_0();
    Day::new(
        u16::try_from(now.get_full_year()).ok()?,
        u8::try_from(now.get_month() + 1).ok()?,
        u8::try_from(now.get_date()).ok()?,
    )
}

/// Brings the timeline rendered under `root` to life for `timeline`,
/// saying what it does in `words`, with statuses and the "Today" marker
/// measured against `today` (the reader's clock when `None`); on a
/// right-to-left page (`rtl`) the arrow keys follow its direction. Does
/// nothing when the markup is missing.
pub fn wire(
    root: &Element,
    timeline: &'static TimelineOutline,
    words: &'static Words,
    today: Option<Day>,
    rtl: bool,
) {
    let Some(region) = dom::find(root, "section.ex-timeline") else {
        return;
    };
    let milestones = &timeline.milestones;
    let axis = Axis::covering(milestones.iter().filter_map(|m| m.when));
    let in_region = |id: String| dom::find(&region, &format!("[id=\"{id}\"]"));
    // Each milestone's item, button and details.
    let items: Vec<_> = milestones
        .iter()
        .map(|m| {
            (
                in_region(anchor(&m.slug)),
                in_region(button_id(&m.slug)),
                in_region(details_id(&m.slug)),
            )
        })
        .collect();
    let filters = dom::find_all(&region, ".ex-filter");
    let (Some(announce), Some(chart)) = (
        dom::find(&region, ".ex-timeline__announce"),
        dom::find(&region, ".ex-timeline__chart"),
    ) else {
        return;
    };
    let undated_box = dom::find(&region, ".ex-timeline__undated");
    let empty_note = dom::find(&region, ".ex-timeline__empty");

    // Today, once: the "Today" marker and every status line.
    let today = today.or_else(clock_today);
    let marker = today.zip(axis).filter(|(d, a)| a.holds(*d));
    if let Some((d, a)) = marker {
        dom::set_attr(
            &chart,
            "style",
            &format!("--ex-today:{}", css_percent(a.percent(d))),
        );
    }
    dom::set_class(&chart, "ex-timeline__chart--today", marker.is_some());
    // The page has each line in words; today picks which.
    for (m, (_, _, details)) in milestones.iter().zip(&items) {
        let index = status_line(m.when, m.reported, today).today_index();
        let said = index.and_then(|k| m.statuses.get(k));
        if let (Some(said), Some(line)) = (
            said,
            details
                .as_ref()
                .and_then(|d| dom::find(d, ".ex-ms__status")),
        ) {
            dom::set_text(&line, said);
        }
    }

    let store = Store::new(State::new(timeline));
    {
        let filters = filters.clone();
        let items = items.clone();
        store.watch(move |s: &State| {
            for (button, on) in filters.iter().zip(&s.shown) {
                dom::set_attr(button, "aria-pressed", if *on { "true" } else { "false" });
            }
            let visible = s.visible();
            if let Some(b) = &undated_box {
                let any = visible.iter().any(|&i| milestones[i].when.is_none());
                dom::set_hidden(b, !any);
            }
            if let Some(p) = &empty_note {
                dom::set_hidden(p, !visible.is_empty());
            }
            // One tab stop: the selected milestone.
            for (i, (li, button, details)) in items.iter().enumerate() {
                let on = s.selected == Some(i);
                if let Some(li) = li {
                    dom::set_hidden(li, !s.is_visible(i));
                    dom::set_class(li, "ex-ms--selected", on);
                }
                if let Some(b) = button {
                    dom::set_attr(b, "aria-expanded", if on { "true" } else { "false" });
                    dom::set_attr(b, "tabindex", if on { "0" } else { "-1" });
                }
                if let Some(d) = details {
                    dom::set_hidden(d, !on);
                }
            }
        });
    }

    let index_of = move |el: &HtmlElement| -> Option<usize> {
        let id = el.closest("li.ex-ms").ok()??.id();
        milestones.iter().position(|m| anchor(&m.slug) == id)
    };
    // Selects milestone `i`, says so, and moves focus to it when asked.
    let select = {
        let store = store.clone();
        let region = region.clone();
        let announce = announce.clone();
        let items = items.clone();
        Rc::new(move |i: usize, focus: bool| {
            let m = &milestones[i];
            store.update(|s| s.select(i));
            for note in dom::find_all(&region, ".ex-ms__copied") {
                dom::set_text(&note, "");
            }
            let said = if m.when_text.is_empty() {
                Say::new("timeline-selected-undated").text("title", m.title.clone())
            } else {
                Say::new("timeline-selected")
                    .text("title", m.title.clone())
                    .text("when", m.when_text.clone())
            };
            dom::set_text(&announce, &words.say(&said));
            if focus {
                if let Some(b) = &items[i].1 {
                    let _ = b.focus();
                }
            }
        })
    };

    {
        let store = store.clone();
        let select = select.clone();
        dom::on(&region, "click", move |e| {
            if let Some(filter) = dom::target_in(&e, ".ex-filter") {
                let Some(k) = filters.iter().position(|f| *f == filter) else {
                    return;
                };
                let (on, n) = store.update(|s| (s.toggle(k), s.visible().len()));
                let key = if on {
                    "timeline-sector-shown"
                } else {
                    "timeline-sector-hidden"
                };
                let label = timeline
                    .sectors
                    .get(k)
                    .map(|s| s.label.clone())
                    .unwrap_or_default();
                let said = Say::new(key)
                    .text("sector", label)
                    .num("shown", n as u32)
                    .num("total", milestones.len() as u32);
                dom::set_text(&announce, &words.say(&said));
            } else if let Some(button) = dom::target_in(&e, ".ex-ms__button") {
                if let Some(i) = index_of(&button) {
                    select(i, false);
                    dom::replace_fragment(Some(&anchor(&milestones[i].slug)));
                }
            } else if let Some(copy) = dom::target_in(&e, ".ex-ms__copy") {
                let Some(i) = index_of(&copy) else {
                    return;
                };
                let note = copy
                    .parent_element()
                    .and_then(|p| dom::find(&p, ".ex-ms__copied"));
                let href = dom::window().location().href().unwrap_or_default();
                let base = href.split('#').next().unwrap_or_default().to_owned();
                let link = format!("{base}#{}", anchor(&milestones[i].slug));
                let shown = link.clone();
                clipboard::copy(&link, move |copied| {
                    let said = if copied {
                        Say::new("milestone-link-copied")
                    } else {
                        Say::new("milestone-link-not-copied").text("link", shown)
                    };
                    if let Some(note) = note {
                        dom::set_text(&note, &words.say(&said));
                    }
                });
            }
        });
    }
    {
        let select = select.clone();
        dom::on(&region, "keydown", move |e| {
            let key = e.unchecked_ref::<web_sys::KeyboardEvent>().key();
            let Some(mv) = Move::from_key(&key, rtl) else {
                return;
            };
            if dom::target_in(&e, ".ex-ms__button").is_none() {
                return;
            }
            e.prevent_default();
            if let Some(i) = store.with(|s| s.step(mv)) {
                select(i, true);
                dom::replace_fragment(Some(&anchor(&milestones[i].slug)));
            }
        });
    }

    // Deep links, on start and on `hashchange`.
    let follow = move || {
        let hash = dom::window().location().hash().unwrap_or_default();
        let slugs = milestones.iter().map(|m| m.slug.as_str());
        if let Some(i) = deeplink::find(&hash, ANCHOR_PREFIX, slugs) {
            select(i, false);
            if let Some(li) = items[i].0.clone() {
                dom::before_paint(move || li.scroll_into_view());
            }
        }
    };
    follow();
    dom::on(&dom::window(), "hashchange", move |_| follow());
}
