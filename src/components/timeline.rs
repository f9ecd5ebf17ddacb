//! The interactive timeline: milestones on a year axis, laid one lane each so
//! nothing overlaps, with sector filters, keyboard walking, deep links and a
//! "Today" marker. On phones it is a vertical list with the same controls.
//!
//! Every milestone is in the markup as a list item with a `<time datetime>`,
//! so the content is there without styles or scripts.

use leptos::either::Either;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use std::rc::Rc;

use crate::clipboard;
use crate::deeplink;
use crate::live::{self, Store};
use crate::story::{Milestone, Timeline as TimelineData};
use crate::timeline::dates::Day;
use crate::timeline::layout::{chronological, css_percent, status_text, Axis, Move};
use crate::timeline::state::State;

/// Deep links to a milestone are `#milestone-<slug>`.
pub const ANCHOR_PREFIX: &str = "milestone-";

fn anchor(m: &Milestone) -> String {
    format!("{ANCHOR_PREFIX}{}", m.slug)
}

fn button_id(m: &Milestone) -> String {
    format!("{ANCHOR_PREFIX}{}-button", m.slug)
}

fn details_id(m: &Milestone) -> String {
    format!("{ANCHOR_PREFIX}{}-details", m.slug)
}

/// Today from the reader's clock.
fn clock_today() -> Option<Day> {
    let now = js_sys::Date::new_0();
    Day::new(
        u16::try_from(now.get_full_year()).ok()?,
        u8::try_from(now.get_month() + 1).ok()?,
        u8::try_from(now.get_date()).ok()?,
    )
}

/// The timeline region: filters, axis, milestones and their details.
///
/// Rendered as it is before the reader does anything: every sector shown,
/// the first milestone in date order selected, statuses without a "today".
/// [`wire`] brings it to life in the browser.
#[component]
pub fn Timeline(
    /// The story's timeline.
    timeline: &'static TimelineData,
) -> impl IntoView {
    let milestones = timeline.milestones;
    let whens: Vec<_> = milestones.iter().map(|m| m.when).collect();
    let order = chronological(&whens);
    let axis = Axis::covering(whens.iter().flatten().copied());
    let first = order.first().copied();

    let filters = timeline
        .sectors
        .iter()
        .enumerate()
        .map(|(k, sector)| {
            let count = milestones
                .iter()
                .filter(|m| m.sector == sector.slug)
                .count();
            view! {
                <li>
                    <button
                        type="button"
                        class=format!("ex-filter ex-sector-{}", k % 8)
                        data-ex-sector=sector.slug
                        aria-pressed="true"
                    >
                        <span class="ex-filter__swatch" aria-hidden="true"></span>
                        {sector.label}
                        <span class="ex-filter__count">{format!(" ({count})")}</span>
                    </button>
                </li>
            }
        })
        .collect_view();

    let item = move |i: usize| {
        let m = &milestones[i];
        let k = sector_index(timeline, m.sector);
        let sector_label = timeline.sectors.get(k).map_or(m.sector, |s| s.label);
        let selected = first == Some(i);
        let place = m.when.zip(axis).map(|(w, a)| a.place(w));
        let track = place.map(|p| {
            let style = if p.bar {
                format!(
                    "left:{};width:{}",
                    css_percent(p.left),
                    css_percent(p.width)
                )
            } else {
                format!("left:{}", css_percent(p.left))
            };
            let class = match (p.bar, p.open_end) {
                (true, true) => "ex-ms__bar ex-ms__bar--open",
                (true, false) => "ex-ms__bar",
                (false, _) => "ex-ms__marker",
            };
            view! {
                <span class="ex-ms__track" aria-hidden="true">
                    <span class=class style=style></span>
                </span>
            }
        });
        let time = match m.when {
            Some(w) => Either::Left(view! { <time datetime=w.datetime()>{w.label()}</time> }),
            None => Either::Right(view! { <span>"No date given"</span> }),
        };
        view! {
            <li
                id=anchor(m)
                class=format!("ex-ms ex-sector-{}", k % 8)
                class:ex-ms--selected=selected
            >
                <button
                    type="button"
                    id=button_id(m)
                    class="ex-ms__button"
                    aria-expanded=selected.to_string()
                    aria-controls=details_id(m)
                    tabindex=if selected { "0" } else { "-1" }
                >
                    <span class="ex-ms__title">{m.title}</span>
                    <span class="ex-ms__meta">
                        {time}
                        <span class="ex-ms__sector">{sector_label}</span>
                    </span>
                </button>
                {track}
                <MilestoneDetails milestone=m sector_label=sector_label hidden=!selected />
            </li>
        }
    };

    let dated: Vec<usize> = order
        .iter()
        .copied()
        .filter(|&i| whens[i].is_some())
        .collect();
    let undated: Vec<usize> = order
        .iter()
        .copied()
        .filter(|&i| whens[i].is_none())
        .collect();
    let ticks = axis.map(|a| {
        a.ticks()
            .into_iter()
            .map(|(year, left)| {
                view! {
                    <span class="ex-timeline__tick" style=format!("left:{}", css_percent(left))>{year}</span>
                }
            })
            .collect_view()
    });
    let no_undated = undated.is_empty();

    view! {
        <section id="timeline" class="ex-timeline" aria-labelledby="ex-timeline-heading">
            <h2 id="ex-timeline-heading" class="ex-section-heading">{timeline.heading}</h2>
            <p class="ex-timeline__hint ex-no-print">
                "Select a milestone for its details; arrow keys move between milestones."
            </p>
            <fieldset class="ex-timeline__filters ex-no-print">
                <legend>"Show sectors"</legend>
                <ul class="ex-timeline__filter-list">{filters}</ul>
            </fieldset>
            <p class="ex-visually-hidden ex-timeline__announce" role="status"></p>
            <div class="ex-timeline__chart">
                <div class="ex-timeline__axis" aria-hidden="true">
                    {ticks}
                    <span class="ex-timeline__today">"Today"</span>
                </div>
                <ol class="ex-timeline__list" aria-label="Dated milestones, in date order">
                    {dated.into_iter().map(item).collect_view()}
                </ol>
            </div>
            <div class="ex-timeline__undated" hidden=no_undated>
                <h3 class="ex-timeline__subheading">"No date given"</h3>
                <ul class="ex-timeline__list ex-timeline__list--undated">
                    {undated.into_iter().map(item).collect_view()}
                </ul>
            </div>
            <p class="ex-timeline__empty" hidden>
                "No milestones in the chosen sectors. Turn a sector back on to see its milestones."
            </p>
        </section>
    }
}

/// The index of a sector among the timeline's sectors (0 when unknown:
/// validation makes that impossible).
fn sector_index(timeline: &TimelineData, slug: &str) -> usize {
    timeline
        .sectors
        .iter()
        .position(|s| s.slug == slug)
        .unwrap_or(0)
}

/// A milestone's details: date, sector, what it is, impact, status, source,
/// and a control that copies a link to it.
#[component]
fn MilestoneDetails(
    /// The milestone.
    milestone: &'static Milestone,
    /// Its sector's label.
    sector_label: &'static str,
    /// Hidden unless selected.
    hidden: bool,
) -> impl IntoView {
    let m = milestone;
    let impact_label = if m.reported {
        "Reported outcome"
    } else {
        "Expected impact"
    };
    view! {
        <div id=details_id(m) class="ex-ms__details" hidden=hidden>
            <dl class="ex-ms__facts">
                <div>
                    <dt>"When"</dt>
                    <dd>{m.when.map_or_else(|| "No date given".to_owned(), |w| w.label())}</dd>
                </div>
                <div>
                    <dt>"Sector"</dt>
                    <dd>{sector_label}</dd>
                </div>
                <div>
                    <dt>"Status"</dt>
                    <dd class="ex-ms__status">{status_text(m.when, m.reported, None)}</dd>
                </div>
            </dl>
            <p>{m.summary}</p>
            {m.impact.map(|i| view! { <p><strong>{impact_label} ": "</strong> {i}</p> })}
            {m.note.map(|n| view! { <p class="ex-ms__note"><strong>"Note: "</strong> {n}</p> })}
            <p class="ex-ms__source">"From the story’s “" {m.source} "” passage."</p>
            <div class="ex-ms__actions ex-no-print">
                <button type="button" class="ex-button ex-ms__copy">
                    "Copy link to this milestone"
                </button>
                <span class="ex-ms__copied" role="status"></span>
            </div>
        </div>
    }
}

/// Brings a timeline rendered by [`Timeline`] under `root` to life: sector
/// filters, selection by click and by arrow keys, Home and End (a roving
/// tabindex), deep links on start and on `hashchange`, the "Today" marker
/// and statuses measured against `today` (the reader's clock when `None`),
/// copying a milestone's link, and a polite status line for each change.
/// Browser only; does nothing when the markup is missing.
pub fn wire(root: &Element, timeline: &'static TimelineData, today: Option<Day>) {
    let Some(region) = live::find(root, "section.ex-timeline") else {
        return;
    };
    let milestones = timeline.milestones;
    let axis = Axis::covering(milestones.iter().filter_map(|m| m.when));
    let in_region = |id: String| live::find(&region, &format!("[id=\"{id}\"]"));
    // Each milestone's item, button and details.
    let items: Vec<_> = milestones
        .iter()
        .map(|m| {
            (
                in_region(anchor(m)),
                in_region(button_id(m)),
                in_region(details_id(m)),
            )
        })
        .collect();
    let filters = live::find_all(&region, ".ex-filter");
    let (Some(announce), Some(chart)) = (
        live::find(&region, ".ex-timeline__announce"),
        live::find(&region, ".ex-timeline__chart"),
    ) else {
        return;
    };
    let undated_box = live::find(&region, ".ex-timeline__undated");
    let empty_note = live::find(&region, ".ex-timeline__empty");

    // Today, once: the "Today" marker and every status line.
    let today = today.or_else(clock_today);
    let marker = today.zip(axis).filter(|(d, a)| a.holds(*d));
    if let Some((d, a)) = marker {
        live::set_attr(
            &chart,
            "style",
            &format!("--ex-today:{}", css_percent(a.percent(d))),
        );
    }
    live::set_class(&chart, "ex-timeline__chart--today", marker.is_some());
    for (m, (_, _, details)) in milestones.iter().zip(&items) {
        if let Some(line) = details
            .as_ref()
            .and_then(|d| live::find(d, ".ex-ms__status"))
        {
            live::set_text(&line, &status_text(m.when, m.reported, today));
        }
    }

    let store = Store::new(State::new(timeline));
    {
        let filters = filters.clone();
        let items = items.clone();
        store.watch(move |s: &State| {
            for (button, on) in filters.iter().zip(&s.shown) {
                live::set_attr(button, "aria-pressed", if *on { "true" } else { "false" });
            }
            let visible = s.visible();
            if let Some(b) = &undated_box {
                let any = visible.iter().any(|&i| milestones[i].when.is_none());
                live::set_hidden(b, !any);
            }
            if let Some(p) = &empty_note {
                live::set_hidden(p, !visible.is_empty());
            }
            // One tab stop: the selected milestone.
            for (i, (li, button, details)) in items.iter().enumerate() {
                let on = s.selected == Some(i);
                if let Some(li) = li {
                    live::set_hidden(li, !s.is_visible(i));
                    live::set_class(li, "ex-ms--selected", on);
                }
                if let Some(b) = button {
                    live::set_attr(b, "aria-expanded", if on { "true" } else { "false" });
                    live::set_attr(b, "tabindex", if on { "0" } else { "-1" });
                }
                if let Some(d) = details {
                    live::set_hidden(d, !on);
                }
            }
        });
    }

    let index_of = move |el: &HtmlElement| -> Option<usize> {
        let id = el.closest("li.ex-ms").ok()??.id();
        milestones.iter().position(|m| anchor(m) == id)
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
            for note in live::find_all(&region, ".ex-ms__copied") {
                live::set_text(&note, "");
            }
            let when = m
                .when
                .map_or_else(|| "no date given".to_owned(), |w| w.label());
            live::set_text(&announce, &format!("{}, {when}, selected.", m.title));
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
        live::on(&region, "click", move |e| {
            if let Some(filter) = live::target_in(&e, ".ex-filter") {
                let Some(k) = filters.iter().position(|f| *f == filter) else {
                    return;
                };
                let (on, n) = store.update(|s| (s.toggle(k), s.visible().len()));
                let state = if on { "shown" } else { "hidden" };
                live::set_text(
                    &announce,
                    &format!(
                        "{} {state}. Showing {n} of {} milestones.",
                        timeline.sectors[k].label,
                        milestones.len()
                    ),
                );
            } else if let Some(button) = live::target_in(&e, ".ex-ms__button") {
                if let Some(i) = index_of(&button) {
                    select(i, false);
                    deeplink::replace_fragment(Some(&anchor(&milestones[i])));
                }
            } else if let Some(copy) = live::target_in(&e, ".ex-ms__copy") {
                let Some(i) = index_of(&copy) else {
                    return;
                };
                let note = copy
                    .parent_element()
                    .and_then(|p| live::find(&p, ".ex-ms__copied"));
                let href = window().location().href().unwrap_or_default();
                let base = href.split('#').next().unwrap_or_default().to_owned();
                let link = format!("{base}#{}", anchor(&milestones[i]));
                wasm_bindgen_futures::spawn_local(async move {
                    let said = match clipboard::copy(&link).await {
                        Ok(()) => "Link copied.".to_owned(),
                        Err(hint) => format!("{hint} The link is {link}"),
                    };
                    if let Some(note) = note {
                        live::set_text(&note, &said);
                    }
                });
            }
        });
    }
    {
        let select = select.clone();
        live::on(&region, "keydown", move |e| {
            let key = e.unchecked_ref::<web_sys::KeyboardEvent>().key();
            let Some(mv) = Move::from_key(&key) else {
                return;
            };
            if live::target_in(&e, ".ex-ms__button").is_none() {
                return;
            }
            e.prevent_default();
            if let Some(i) = store.with(|s| s.step(mv)) {
                select(i, true);
                deeplink::replace_fragment(Some(&anchor(&milestones[i])));
            }
        });
    }

    // Deep links, on start and on `hashchange`.
    let follow = move || {
        let hash = window().location().hash().unwrap_or_default();
        let slugs = milestones.iter().map(|m| m.slug);
        if let Some(i) = deeplink::find(&hash, ANCHOR_PREFIX, slugs) {
            select(i, false);
            if let Some(li) = items[i].0.clone() {
                request_animation_frame(move || li.scroll_into_view());
            }
        }
    };
    follow();
    live::on(&window(), "hashchange", move |_| follow());
}
