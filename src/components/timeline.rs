//! The interactive timeline: milestones on a year axis, laid one lane each so
//! nothing overlaps, with sector filters, keyboard walking, deep links and a
//! "Today" marker. On phones it is a vertical list with the same controls.
//!
//! Every milestone is in the markup as a list item with its dates in
//! `<time datetime>` elements (both ends of a range), so the content is
//! there, machine-readable, without styles or scripts. The axis spans the
//! story's own years.

use leptos::either::Either;
use leptos::prelude::*;

use crate::dates::chronological;
use crate::i18n::{Locale, Piece, Value};
use crate::story::{Milestone, Timeline as TimelineData, When};
use crate::timeline::layout::{css_percent, status_line, Axis};
use crate::timeline::{anchor, button_id, details_id};

/// A milestone's dates as readers see them, in the edition's words, each
/// end a `<time>`: `<time datetime="2029">2029</time>–<time
/// datetime="2032">2032</time>`, `From <time datetime="2025-10">October
/// 2025</time>, ongoing`.
#[component]
pub fn Dates(
    /// The dates.
    when: When,
    /// The edition's locale.
    t: &'static Locale,
) -> impl IntoView {
    let ends = [Some(when.start()), when.end()];
    t.when_pieces(when)
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(text) => Either::Left(text),
            Piece::Slot(k) => Either::Right(ends.get(k).copied().flatten().map(|d| {
                view! { <time datetime=d.datetime()>{t.date(d)}</time> }
            })),
        })
        .collect_view()
}

/// The timeline region: filters, axis, milestones and their details.
///
/// Rendered as it is before the reader does anything: every sector shown,
/// the first milestone in date order selected, statuses without a "today".
/// `runtime::timeline::wire` brings it to life in the browser.
#[component]
pub fn Timeline(
    /// The story's timeline.
    timeline: &'static TimelineData,
    /// The edition's locale.
    t: &'static Locale,
) -> impl IntoView {
    let milestones = &timeline.milestones;
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
                        data-ex-sector=sector.slug.as_str()
                        aria-pressed="true"
                    >
                        <span class="ex-filter__swatch" aria-hidden="true"></span>
                        {sector.label.as_str()}
                        " "
                        <span class="ex-filter__count">
                            {t.format("timeline-filter-count", &[("count", Value::Num(count as u32))])}
                        </span>
                    </button>
                </li>
            }
        })
        .collect_view();

    let item = move |i: usize| {
        let m = &milestones[i];
        let k = sector_index(timeline, &m.sector);
        let sector_label = timeline
            .sectors
            .get(k)
            .map_or(m.sector.as_str(), |s| s.label.as_str());
        let selected = first == Some(i);
        let place = m.when.zip(axis).map(|(w, a)| a.place(w));
        let track = place.map(|p| {
            // Logical: on a right-to-left page the axis runs from the right.
            let style = if p.bar {
                format!(
                    "inset-inline-start:{};width:{}",
                    css_percent(p.left),
                    css_percent(p.width)
                )
            } else {
                format!("inset-inline-start:{}", css_percent(p.left))
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
            Some(w) => {
                Either::Left(view! { <span class="ex-ms__when"><Dates when=w t=t /></span> })
            }
            None => Either::Right(
                view! { <span class="ex-ms__when">{t.text("timeline-undated")}</span> },
            ),
        };
        view! {
            <li
                id=anchor(&m.slug)
                class=format!("ex-ms ex-sector-{}", k % 8)
                class:ex-ms--selected=selected
            >
                <button
                    type="button"
                    id=button_id(&m.slug)
                    class="ex-ms__button"
                    aria-expanded=selected.to_string()
                    aria-controls=details_id(&m.slug)
                    tabindex=if selected { "0" } else { "-1" }
                >
                    <span class="ex-ms__title">{m.title.as_str()}</span>
                    <span class="ex-ms__meta">
                        {time}
                        <span class="ex-ms__sector">{sector_label}</span>
                    </span>
                </button>
                {track}
                <MilestoneDetails milestone=m sector_label=sector_label hidden=!selected t=t />
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
                    <span class="ex-timeline__tick" style=format!("inset-inline-start:{}", css_percent(left))>{t.year_number(year)}</span>
                }
            })
            .collect_view()
    });
    let no_undated = undated.is_empty();

    view! {
        <section id="timeline" class="ex-timeline" aria-labelledby="ex-timeline-heading">
            <h2 id="ex-timeline-heading" class="ex-section-heading">{timeline.heading.as_str()}</h2>
            <p class="ex-timeline__hint ex-no-print">{t.text("timeline-hint")}</p>
            <fieldset class="ex-timeline__filters ex-no-print">
                <legend>{t.text("timeline-filters")}</legend>
                <ul class="ex-timeline__filter-list">{filters}</ul>
            </fieldset>
            <p class="ex-visually-hidden ex-timeline__announce" role="status"></p>
            <div class="ex-timeline__chart">
                <div class="ex-timeline__axis" aria-hidden="true">
                    {ticks}
                    <span class="ex-timeline__today">{t.text("timeline-today")}</span>
                </div>
                <ol class="ex-timeline__list" aria-label=t.text("timeline-dated")>
                    {dated.into_iter().map(item).collect_view()}
                </ol>
            </div>
            <div class="ex-timeline__undated" hidden=no_undated>
                <h3 class="ex-timeline__subheading">{t.text("timeline-undated")}</h3>
                <ul class="ex-timeline__list ex-timeline__list--undated">
                    {undated.into_iter().map(item).collect_view()}
                </ul>
            </div>
            <p class="ex-timeline__empty" hidden>{t.text("timeline-empty")}</p>
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
    /// The edition's locale.
    t: &'static Locale,
) -> impl IntoView {
    let m = milestone;
    let impact_label = t.text(if m.reported {
        "milestone-reported-outcome"
    } else {
        "milestone-expected-impact"
    });
    let when = match m.when {
        Some(w) => Either::Left(view! { <Dates when=w t=t /> }),
        None => Either::Right(t.text("timeline-undated")),
    };
    let label = |key: &str| format!("{}: ", t.text(key));
    view! {
        <div id=details_id(&m.slug) class="ex-ms__details" hidden=hidden>
            <dl class="ex-ms__facts">
                <div>
                    <dt>{t.text("milestone-when")}</dt>
                    <dd>{when}</dd>
                </div>
                <div>
                    <dt>{t.text("milestone-sector")}</dt>
                    <dd>{sector_label}</dd>
                </div>
                <div>
                    <dt>{t.text("milestone-status")}</dt>
                    <dd class="ex-ms__status">{t.status(status_line(m.when, m.reported, None))}</dd>
                </div>
            </dl>
            <p>{m.summary.as_str()}</p>
            {m.impact.as_deref().map(|i| view! { <p><strong>{format!("{impact_label}: ")}</strong> {i}</p> })}
            {m.note.as_deref().map(|n| view! { <p class="ex-ms__note"><strong>{label("milestone-note")}</strong> {n}</p> })}
            <p class="ex-ms__source">
                {t.format("milestone-source", &[("passage", Value::Text(m.source.clone()))])}
            </p>
            <div class="ex-ms__actions ex-no-print">
                <button type="button" class="ex-button ex-ms__copy">
                    {t.text("milestone-copy-link")}
                </button>
                <span class="ex-ms__copied" role="status"></span>
            </div>
        </div>
    }
}
