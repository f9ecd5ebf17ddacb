//! The interactive timeline: milestones on a year axis, laid one lane each so
//! nothing overlaps, with sector filters, keyboard walking, deep links and a
//! "Today" marker. On phones it is a vertical list with the same controls.
//!
//! Every milestone is in the markup as a list item with a `<time datetime>`,
//! so the content is there without styles or scripts.

use leptos::either::Either;
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::clipboard;
use crate::deeplink;
use crate::story::{Milestone, Timeline as TimelineData};
use crate::timeline::dates::Day;
use crate::timeline::layout::{chronological, css_percent, status_text, step, Axis, Move};

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
#[component]
pub fn Timeline(
    /// The story's timeline.
    timeline: &'static TimelineData,
    /// The day the statuses are measured against; by default the reader's
    /// clock, read after start (tests inject a day).
    #[prop(optional)]
    today: Option<Day>,
) -> impl IntoView {
    let milestones = timeline.milestones;
    let whens: Vec<_> = milestones.iter().map(|m| m.when).collect();
    let order = chronological(&whens);
    let axis = Axis::covering(whens.iter().flatten().copied());
    let sector_index = |slug: &str| {
        timeline
            .sectors
            .iter()
            .position(|s| s.slug == slug)
            .unwrap_or(0)
    };

    let shown: Vec<RwSignal<bool>> = timeline
        .sectors
        .iter()
        .map(|_| RwSignal::new(true))
        .collect();
    let selected = RwSignal::new(order.first().copied());
    let today = RwSignal::new(today);
    let announcement = RwSignal::new(String::new());
    let copy_note = RwSignal::new(String::new());

    let visible = {
        let shown = shown.clone();
        let order = order.clone();
        move || -> Vec<usize> {
            order
                .iter()
                .copied()
                .filter(|&i| shown[sector_index(milestones[i].sector)].get())
                .collect()
        }
    };

    let select = move |i: usize, focus: bool| {
        let m = &milestones[i];
        selected.set(Some(i));
        copy_note.set(String::new());
        let when = m
            .when
            .map_or_else(|| "no date given".to_owned(), |w| w.label());
        announcement.set(format!("{}, {when}, selected.", m.title));
        if focus {
            if let Some(el) = document().get_element_by_id(&button_id(m)) {
                let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        }
    };

    // After start: the reader's clock, and deep links on load and on hashchange.
    Effect::new(move |_| {
        if today.get_untracked().is_none() {
            today.set(clock_today());
        }
        let follow = move || {
            let hash = window().location().hash().unwrap_or_default();
            let slugs = milestones.iter().map(|m| m.slug);
            if let Some(i) = deeplink::find(&hash, ANCHOR_PREFIX, slugs) {
                select(i, false);
                let id = anchor(&milestones[i]);
                request_animation_frame(move || {
                    if let Some(el) = document().get_element_by_id(&id) {
                        el.scroll_into_view();
                    }
                });
            }
        };
        follow();
        let handle = window_event_listener(ev::hashchange, move |_| follow());
        on_cleanup(move || handle.remove());
    });

    // Keep the selection visible when filters hide it.
    {
        let visible = visible.clone();
        Effect::new(move |_| {
            let v = visible();
            if let Some(s) = selected.get_untracked() {
                if !v.contains(&s) {
                    selected.set(v.first().copied());
                }
            }
        });
    }

    let on_key = {
        let visible = visible.clone();
        move |e: ev::KeyboardEvent| {
            if let Some(mv) = Move::from_key(&e.key()) {
                e.prevent_default();
                if let Some(i) = step(&visible(), selected.get_untracked(), mv) {
                    select(i, true);
                    deeplink::replace_fragment(Some(&anchor(&milestones[i])));
                }
            }
        }
    };

    let filters = timeline
        .sectors
        .iter()
        .zip(shown.clone())
        .enumerate()
        .map(|(k, (sector, on))| {
            let count = milestones
                .iter()
                .filter(|m| m.sector == sector.slug)
                .count();
            let visible = visible.clone();
            let toggle = move |_| {
                on.update(|v| *v = !*v);
                let n = visible().len();
                let state = if on.get_untracked() {
                    "shown"
                } else {
                    "hidden"
                };
                announcement.set(format!(
                    "{} {state}. Showing {n} of {} milestones.",
                    sector.label,
                    milestones.len()
                ));
            };
            view! {
                <li>
                    <button
                        type="button"
                        class=format!("ex-filter ex-sector-{}", k % 8)
                        aria-pressed=move || on.get().to_string()
                        on:click=toggle
                    >
                        <span class="ex-filter__swatch" aria-hidden="true"></span>
                        {sector.label}
                        <span class="ex-filter__count">{format!(" ({count})")}</span>
                    </button>
                </li>
            }
        })
        .collect_view();

    let item = {
        let visible = visible.clone();
        let on_key = on_key.clone();
        move |i: usize| {
            let m = &milestones[i];
            let sector = timeline.sectors.get(sector_index(m.sector));
            let sector_label = sector.map_or(m.sector, |s| s.label);
            let k = sector_index(m.sector) % 8;
            let is_selected = move || selected.get() == Some(i);
            let visible = visible.clone();
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
            let on_key = on_key.clone();
            view! {
                <li
                    id=anchor(m)
                    class=format!("ex-ms ex-sector-{k}")
                    class:ex-ms--selected=is_selected
                    hidden=move || !visible().contains(&i)
                >
                    <button
                        type="button"
                        id=button_id(m)
                        class="ex-ms__button"
                        aria-expanded=move || is_selected().to_string()
                        aria-controls=details_id(m)
                        tabindex=move || if is_selected() { "0" } else { "-1" }
                        on:click=move |_| {
                            select(i, false);
                            deeplink::replace_fragment(Some(&anchor(m)));
                        }
                        on:keydown=on_key
                    >
                        <span class="ex-ms__title">{m.title}</span>
                        <span class="ex-ms__meta">
                            {time}
                            <span class="ex-ms__sector">{sector_label}</span>
                        </span>
                    </button>
                    {track}
                    <MilestoneDetails
                        milestone=m
                        sector_label=sector_label
                        today=today
                        hidden=Signal::derive(move || !is_selected())
                        copy_note=copy_note
                    />
                </li>
            }
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
    let today_style = move || {
        today
            .get()
            .zip(axis)
            .filter(|(d, a)| a.holds(*d))
            .map(|(d, a)| format!("--ex-today:{}", css_percent(a.percent(d))))
    };
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
    let empty = {
        let visible = visible.clone();
        move || visible().is_empty()
    };
    let any_undated_visible = {
        let visible = visible.clone();
        let undated = undated.clone();
        move || visible().iter().any(|i| undated.contains(i))
    };

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
            <p class="ex-visually-hidden" role="status">{move || announcement.get()}</p>
            <div class="ex-timeline__chart" style=today_style class:ex-timeline__chart--today=move || today_style().is_some()>
                <div class="ex-timeline__axis" aria-hidden="true">
                    {ticks}
                    <span class="ex-timeline__today">"Today"</span>
                </div>
                <ol class="ex-timeline__list" aria-label="Dated milestones, in date order">
                    {dated.into_iter().map(item.clone()).collect_view()}
                </ol>
            </div>
            <div class="ex-timeline__undated" hidden=move || !any_undated_visible()>
                <h3 class="ex-timeline__subheading">"No date given"</h3>
                <ul class="ex-timeline__list ex-timeline__list--undated">
                    {undated.into_iter().map(item).collect_view()}
                </ul>
            </div>
            <p class="ex-timeline__empty" hidden=move || !empty()>
                "No milestones in the chosen sectors. Turn a sector back on to see its milestones."
            </p>
        </section>
    }
}

/// A milestone's details: date, sector, what it is, impact, status, source,
/// and a control that copies a link to it.
#[component]
fn MilestoneDetails(
    /// The milestone.
    milestone: &'static Milestone,
    /// Its sector's label.
    sector_label: &'static str,
    /// The day statuses are measured against.
    today: RwSignal<Option<Day>>,
    /// Hidden unless selected.
    hidden: Signal<bool>,
    /// The shared line that reports copying.
    copy_note: RwSignal<String>,
) -> impl IntoView {
    let m = milestone;
    let status = move || status_text(m.when, m.reported, today.get());
    let impact_label = if m.reported {
        "Reported outcome"
    } else {
        "Expected impact"
    };
    let copy = move |_| {
        let href = window().location().href().unwrap_or_default();
        let base = href.split('#').next().unwrap_or_default().to_owned();
        let link = format!("{base}#{}", anchor(m));
        leptos::task::spawn_local(async move {
            let note = match clipboard::copy(&link).await {
                Ok(()) => "Link copied.".to_owned(),
                Err(hint) => format!("{hint} The link is {link}"),
            };
            copy_note.set(note);
        });
    };
    view! {
        <div id=details_id(m) class="ex-ms__details" hidden=move || hidden.get()>
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
                    <dd>{status}</dd>
                </div>
            </dl>
            <p>{m.summary}</p>
            {m.impact.map(|i| view! { <p><strong>{impact_label} ": "</strong> {i}</p> })}
            {m.note.map(|n| view! { <p class="ex-ms__note"><strong>"Note: "</strong> {n}</p> })}
            <p class="ex-ms__source">"From the story’s “" {m.source} "” passage."</p>
            <div class="ex-ms__actions ex-no-print">
                <button type="button" class="ex-button" on:click=copy>
                    "Copy link to this milestone"
                </button>
                <span class="ex-ms__copied" role="status">
                    {move || if hidden.get() { String::new() } else { copy_note.get() }}
                </span>
            </div>
        </div>
    }
}
