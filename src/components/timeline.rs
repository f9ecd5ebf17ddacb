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
use serde::{Deserialize, Serialize};

use crate::dates::Day;
use crate::messages::Say;
use crate::story::outline::TimelineOutline;
use crate::timeline::layout::{css_percent, status_line, Axis, Move};
use crate::timeline::state::State;
use crate::timeline::{anchor, button_id, details_id, ANCHOR_PREFIX};
use crate::words::Voice;
#[cfg(feature = "render")]
use crate::{
    dates::{chronological, When},
    i18n::{Locale, Piece, Value},
    story::{Figure as FigureData, Milestone, Timeline as TimelineData},
    timeline::layout::Placement,
};

/// A piece of a milestone's dates as readers see them: words, or one end
/// as a `<time datetime>`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum DatePiece {
    /// Words between the ends ("From ", "–", ", ongoing").
    Text(String),
    /// One end: its machine-readable value and its words.
    Time(String, String),
}

/// The timeline's words that are not the story's, in the edition's language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineWords {
    /// How to use it.
    pub hint: String,
    /// The filters' legend.
    pub filters: String,
    /// The "Today" marker.
    pub today: String,
    /// The dated list's label.
    pub dated: String,
    /// "No date given": the undated list's heading and an undated milestone's dates.
    pub undated: String,
    /// Shown when every sector is filtered out.
    pub empty: String,
    /// Details' labels: when, sector, status.
    pub when: String,
    /// The sector's label.
    pub sector: String,
    /// The status's label.
    pub status: String,
    /// The copy-link button.
    pub copy_link: String,
    /// The list of labelled periods.
    pub eras: String,
}

/// A sector's filter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FilterView {
    /// How many milestones it has, in words ("3 milestones").
    pub count: String,
}

/// What a milestone shows beyond its outline (same order as the outline's
/// milestones: walking order).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MilestoneView {
    /// Its dates (empty when undated).
    pub dates: Vec<DatePiece>,
    /// Its sector's label (empty: it has no sector).
    pub sector: String,
    /// Its mark on the axis: class and inline style (none when undated).
    pub track: Option<(String, String)>,
    /// Its status line as built (no "today"; empty for an event).
    pub status: String,
    /// What it is (empty when the story does not say).
    pub summary: String,
    /// Its impact or reported outcome, with its label ("Expected impact: ").
    pub impact: Option<(String, String)>,
    /// A note, with its label ("Note: ").
    pub note: Option<(String, String)>,
    /// Where the source says so (empty when the story names no passage).
    pub source: String,
    /// Its picture's HTML (`components::figure`), when it has one.
    pub figure: Option<String>,
}

/// Everything the timeline island shows and says, made at build time from
/// the story and the edition's locale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineView {
    /// Sectors and milestones (walking order), as the state needs them.
    pub outline: TimelineOutline,
    /// The words around them.
    pub words: TimelineWords,
    /// Each sector's filter, in the outline's order.
    pub filters: Vec<FilterView>,
    /// Each milestone's text, in the outline's order.
    pub milestones: Vec<MilestoneView>,
    /// The axis's ticks: label, place, and whether the label goes before
    /// its line (one too near the end to fit after it).
    pub ticks: Vec<(String, String, bool)>,
    /// Its first day and the day after its last, as ordinals (none when
    /// nothing is dated).
    pub axis: Option<(i64, i64)>,
    /// Its labelled periods: label, dates in words, and the band's style.
    pub eras: Vec<(String, String, String)>,
    /// A right-to-left edition: the arrow keys follow its direction.
    pub rtl: bool,
    /// What it says.
    pub voice: Voice,
}

/// The runtime messages the timeline says.
pub const SAYS: [&str; 6] = [
    "timeline-selected",
    "timeline-selected-undated",
    "timeline-sector-shown",
    "timeline-sector-hidden",
    "milestone-link-copied",
    "milestone-link-not-copied",
];

/// The timeline region, rendered at build time from the story: its
/// island's props.
#[cfg(feature = "render")]
#[component]
pub fn Timeline(
    /// The story's timeline.
    timeline: &'static TimelineData,
    /// The story's pictures (a milestone may show one).
    #[prop(optional)]
    figures: &'static [FigureData],
    /// The edition's locale.
    t: &'static Locale,
) -> impl IntoView {
    crate::props::carry(TimelineView::with_figures(timeline, figures, t), || {
        view! { <TimelineIsland /> }
    })
}

#[cfg(feature = "render")]
impl TimelineView {
    /// The view of `timeline` in the edition's locale `t`.
    pub fn new(timeline: &TimelineData, t: &Locale) -> TimelineView {
        Self::with_figures(timeline, &[], t)
    }

    /// The view of `timeline`, its milestones with their pictures from
    /// `figures`, in the edition's locale `t`.
    pub fn with_figures(
        timeline: &TimelineData,
        figures: &'static [FigureData],
        t: &Locale,
    ) -> TimelineView {
        let outline = crate::story::outline::timeline_outline(timeline, t);
        let whens: Vec<_> = timeline.milestones.iter().map(|m| m.when).collect();
        // The axis holds every dated milestone and every period.
        let axis = Axis::covering(
            whens
                .iter()
                .flatten()
                .copied()
                .chain(timeline.eras.iter().map(|e| e.when)),
        );
        // Periods in time order (and so drawn: a period painted after an
        // earlier one that overlaps it keeps its starting edge in sight).
        let mut by_time: Vec<&crate::story::Era> = timeline.eras.iter().collect();
        by_time.sort_by(|a, b| a.when.chronological(b.when));
        let eras = axis
            .map(|a| {
                by_time
                    .iter()
                    .map(|e| {
                        let (_, style) = track(a.place(e.when));
                        (e.label.clone(), t.when(e.when), style)
                    })
                    .collect()
            })
            .unwrap_or_default();
        let order = chronological(&whens);
        let filters = timeline
            .sectors
            .iter()
            .map(|sector| {
                let count = timeline
                    .milestones
                    .iter()
                    .filter(|m| m.sector.as_ref() == Some(&sector.slug))
                    .count();
                FilterView {
                    count: t.format(
                        "timeline-filter-count",
                        &[("count", Value::Num(count as u32))],
                    ),
                }
            })
            .collect();
        let milestones = order
            .iter()
            .map(|&i| {
                let m = &timeline.milestones[i];
                let sector = timeline
                    .sector_of(m)
                    .map_or(String::new(), |k| timeline.sectors[k].label.clone());
                MilestoneView {
                    dates: m
                        .when
                        .map(|w| dates(w, m.display_date.as_deref(), t))
                        .unwrap_or_default(),
                    sector,
                    track: m.when.zip(axis).map(|(w, a)| track(a.place(w))),
                    status: if m.status == crate::story::Status::Event {
                        String::new()
                    } else {
                        t.status(status_line(m.when, m.reported(), None))
                    },
                    summary: m
                        .summary
                        .as_ref()
                        .map(|s| s.html.clone())
                        .unwrap_or_default(),
                    impact: m
                        .impact
                        .clone()
                        .map(|i| (format!("{}: ", impact_label(m, t)), i.html)),
                    note: m
                        .note
                        .clone()
                        .map(|n| (format!("{}: ", t.text("milestone-note")), n.html)),
                    source: m.source.as_ref().map_or(String::new(), |passage| {
                        t.format(
                            "milestone-source",
                            &[("passage", Value::Text(passage.clone()))],
                        )
                    }),
                    figure: m
                        .figure
                        .as_ref()
                        .and_then(|slug| figures.iter().find(|f| f.slug == *slug))
                        .map(crate::components::figure::figure_html),
                }
            })
            .collect();
        TimelineView {
            outline,
            words: TimelineWords {
                hint: t.text("timeline-hint"),
                filters: t.text("timeline-filters"),
                today: t.text("timeline-today"),
                dated: t.text("timeline-dated"),
                undated: t.text("timeline-undated"),
                empty: t.text("timeline-empty"),
                when: t.text("milestone-when"),
                sector: t.text("milestone-sector"),
                status: t.text("milestone-status"),
                copy_link: t.text("milestone-copy-link"),
                eras: t.text("timeline-eras"),
            },
            axis: axis.map(Axis::bounds),
            eras,
            filters,
            milestones,
            ticks: axis
                .map(|a| {
                    let labelled = |max| -> Vec<(String, String, bool)> {
                        a.ticks_within(max)
                            .into_iter()
                            .map(|(date, left)| {
                                // Years as numbers ("2026"); months and days
                                // as the locale writes them.
                                let label = if date.precision == crate::dates::Precision::Year {
                                    t.year_number(date.year)
                                } else {
                                    t.date(date)
                                };
                                let before = Axis::label_before(left, label.chars().count());
                                (label, css_percent(left), before)
                            })
                            .collect()
                    };
                    let ticks = labelled(Axis::MAX_TICKS);
                    // Long labels ("12 billion years ago"): fewer of them.
                    let longest = ticks.iter().map(|(l, _, _)| l.chars().count()).max();
                    let fit = Axis::ROOM / longest.unwrap_or(1).max(1);
                    if fit < ticks.len() {
                        labelled(i64::try_from(fit.max(2)).unwrap_or(2))
                    } else {
                        ticks
                    }
                })
                .unwrap_or_default(),
            rtl: t.dir.attr() == "rtl",
            voice: t.voice(&SAYS),
        }
    }
}

/// A milestone's dates in the edition's words, each end a `<time>`; or
/// the story's own words for them, one `<time>` of its start.
#[cfg(feature = "render")]
fn dates(when: When, words: Option<&str>, t: &Locale) -> Vec<DatePiece> {
    // A `<time>` where HTML has a `datetime` (none before 1 CE): else the
    // words alone.
    let end_piece = |d: crate::dates::Date, words: String| match d.datetime() {
        Some(datetime) => DatePiece::Time(datetime, words),
        None => DatePiece::Text(words),
    };
    if let Some(words) = words {
        return vec![end_piece(when.start(), words.to_owned())];
    }
    let ends = [Some(when.start()), when.end()];
    t.when_pieces(when)
        .into_iter()
        .filter_map(|piece| match piece {
            Piece::Text(text) => Some(DatePiece::Text(text)),
            Piece::Slot(k) => ends
                .get(k)
                .copied()
                .flatten()
                .map(|d| end_piece(d, t.date(d))),
        })
        .collect()
}

/// A mark's class and style on the axis (logical: on a right-to-left page
/// the axis runs from the right).
#[cfg(feature = "render")]
fn track(p: Placement) -> (String, String) {
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
    (class.to_owned(), style)
}

#[cfg(feature = "render")]
fn impact_label(m: &Milestone, t: &Locale) -> String {
    t.text(if m.reported() {
        "milestone-reported-outcome"
    } else {
        "milestone-expected-impact"
    })
}

/// The day statuses and the "Today" marker are measured against, when a
/// context gives one (the component tests); else the reader's clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Today(pub Day);

/// Today from the reader's clock (in the browser only).
fn clock_today() -> Option<Day> {
    let now = js_sys::Date::new_0();
    Day::new(
        i64::from(now.get_full_year()),
        u8::try_from(now.get_month() + 1).ok()?,
        u8::try_from(now.get_date()).ok()?,
    )
}

/// A milestone's dates, each end a `<time>`.
fn date_view(pieces: Vec<DatePiece>) -> impl IntoView {
    pieces
        .into_iter()
        .map(|piece| match piece {
            DatePiece::Text(text) => Either::Left(text),
            DatePiece::Time(datetime, text) => {
                Either::Right(view! { <time datetime=datetime>{text}</time> })
            }
        })
        .collect_view()
}

/// The timeline, an island: sector filters, milestones on a year axis (a
/// vertical list on phones) selected by click, by arrow keys, Home and End
/// (a roving tabindex) and by deep links (`#milestone-<slug>`, on start and
/// on `hashchange`, showing a filtered-out one again), a "Today" marker and
/// today's status lines from the reader's clock, copyable links, and a
/// polite status line. The rules are [`State`]'s; rendered at build time as
/// it is before the reader does anything (every sector shown, the first
/// milestone selected, statuses without a "today").
#[island]
pub fn TimelineIsland() -> impl IntoView {
    let TimelineView {
        outline,
        words,
        filters,
        milestones: shown,
        ticks,
        axis,
        eras,
        rtl,
        voice,
    } = crate::props::take();
    let state = RwSignal::new(State::new(&outline));
    let today = RwSignal::new(None::<Day>);
    let said = RwSignal::new(String::new());
    // The copied-link note: which milestone's, and what it says.
    let copied = RwSignal::new(None::<(usize, String)>);
    let axis = axis.map(|(start, end)| Axis::between(start, end));
    let count = outline.milestones.len();
    let buttons: Vec<NodeRef<leptos::html::Button>> = (0..count).map(|_| NodeRef::new()).collect();
    let buttons = StoredValue::new(buttons);
    let outline = StoredValue::new(outline);
    let voice = StoredValue::new(voice);
    let say = move |s: Say| said.set(voice.with_value(|v| v.say(&s)));

    // Selects milestone `i`, says so, moves focus to it when asked, and
    // puts it in the address.
    let select = move |i: usize, focus: bool| {
        state.update(|s| s.select(i));
        copied.set(None);
        let message = outline.with_value(|o| {
            let m = &o.milestones[i];
            if m.when_text.is_empty() {
                Say::new("timeline-selected-undated").text("title", m.title.clone())
            } else {
                Say::new("timeline-selected")
                    .text("title", m.title.clone())
                    .text("when", m.when_text.clone())
            }
        });
        say(message);
        if focus {
            if let Some(b) = buttons.with_value(|b| b[i].get_untracked()) {
                let _ = b.focus();
            }
        }
    };
    let toggle = move |k: usize| {
        let (on, n) = state
            .try_update(|s| (s.toggle(k), s.visible().len()))
            .unwrap_or_default();
        let key = if on {
            "timeline-sector-shown"
        } else {
            "timeline-sector-hidden"
        };
        let message = outline.with_value(|o| {
            Say::new(key)
                .text(
                    "sector",
                    o.sectors
                        .get(k)
                        .map(|s| s.label.clone())
                        .unwrap_or_default(),
                )
                .num("shown", n as u32)
                .num("total", o.milestones.len() as u32)
        });
        say(message);
    };
    let on_key = move |e: leptos::ev::KeyboardEvent| {
        let Some(mv) = Move::from_key(&e.key(), rtl) else {
            return;
        };
        e.prevent_default();
        if let Some(i) = state.with_untracked(|s| s.step(mv)) {
            select(i, true);
            crate::browser::replace_fragment(Some(
                &outline.with_value(|o| anchor(&o.milestones[i].slug)),
            ));
        }
    };
    let copy = move |i: usize| {
        let link = format!(
            "{}#{}",
            crate::browser::window()
                .location()
                .href()
                .unwrap_or_default()
                .split('#')
                .next()
                .unwrap_or_default(),
            outline.with_value(|o| anchor(&o.milestones[i].slug))
        );
        leptos::task::spawn_local(async move {
            let message = if crate::clipboard::copy(&link).await {
                Say::new("milestone-link-copied")
            } else {
                Say::new("milestone-link-not-copied").text("link", link)
            };
            copied.set(Some((i, voice.with_value(|v| v.say(&message)))));
        });
    };

    // In the browser, once hydrated: today from the reader's clock, and
    // deep links now and on `hashchange`.
    let given = use_context::<Today>();
    Effect::new(move |_| {
        today.set(given.map(|t| t.0).or_else(clock_today));
        let follow = move || {
            let hash = crate::browser::hash();
            let found = outline.with_value(|o| {
                crate::deeplink::find(
                    &hash,
                    ANCHOR_PREFIX,
                    o.milestones.iter().map(|m| m.slug.as_str()),
                )
                .map(|i| (i, anchor(&o.milestones[i].slug)))
            });
            if let Some((i, id)) = found {
                select(i, false);
                crate::browser::reveal(&id);
            }
        };
        follow();
        crate::browser::listen(&crate::browser::window(), "hashchange", move |_| follow());
    });

    let marker = move || {
        today
            .get()
            .zip(axis)
            .filter(|(d, a)| a.holds(*d))
            .map(|(d, a)| a.percent(d))
    };
    let is_selected = move |i: usize| state.with(|s| s.selected == Some(i));
    let status = move |i: usize, built: &str| -> String {
        let line = outline.with_value(|o| {
            let m = &o.milestones[i];
            status_line(m.when, m.reported, today.get())
                .today_index()
                .and_then(|k| m.statuses.get(k).cloned())
        });
        line.unwrap_or_else(|| built.to_owned())
    };

    let filter_list = outline.with_value(|o| {
        o.sectors
            .iter()
            .zip(filters)
            .enumerate()
            .map(|(k, (sector, filter))| {
                view! {
                    <li>
                        <button
                            type="button"
                            class=format!("ex-filter ex-sector-{}", k % 8)
                            data-ex-sector=sector.slug.clone()
                            aria-pressed=move || state.with(|s| s.shown.get(k).copied().unwrap_or(false)).to_string()
                            on:click=move |_| toggle(k)
                        >
                            <span class="ex-filter__swatch" aria-hidden="true"></span>
                            {sector.label.clone()}
                            " "
                            <span class="ex-filter__count">{filter.count}</span>
                        </button>
                    </li>
                }
            })
            .collect_view()
    });

    let undated_label = words.undated.clone();
    let labels = StoredValue::new(words.clone());
    let item = move |(i, view): (usize, MilestoneView)| {
        let (slug, title, sector) = outline.with_value(|o| {
            let m = &o.milestones[i];
            (m.slug.clone(), m.title.clone(), m.sector)
        });
        let w = labels.get_value();
        let MilestoneView {
            dates,
            sector: sector_label,
            track,
            status: built_status,
            summary,
            impact,
            note,
            source,
            figure,
        } = view;
        let undated = dates.is_empty();
        let (no_sector, no_status) = (sector_label.is_empty(), built_status.is_empty());
        let (no_summary, no_source) = (summary.is_empty(), source.is_empty());
        let when = move || {
            if undated {
                Either::Right(w.undated.clone())
            } else {
                Either::Left(date_view(dates.clone()))
            }
        };
        let track = track.map(|(class, style)| {
            view! {
                <span class="ex-ms__track" aria-hidden="true">
                    <span class=class style=style></span>
                </span>
            }
        });
        let node = buttons.with_value(|b| b[i]);
        view! {
            <li
                id=anchor(&slug)
                class=format!("ex-ms ex-sector-{}", sector.map_or("none".to_owned(), |k| (k % 8).to_string()))
                class:ex-ms--selected=move || is_selected(i)
                hidden=move || !state.with(|s| s.is_visible(i))
            >
                <button
                    type="button"
                    id=button_id(&slug)
                    class="ex-ms__button"
                    aria-expanded=move || is_selected(i).to_string()
                    aria-controls=details_id(&slug)
                    tabindex=move || if is_selected(i) { "0" } else { "-1" }
                    node_ref=node
                    on:click=move |_| {
                        select(i, false);
                        crate::browser::replace_fragment(Some(&anchor(&outline.with_value(|o| o.milestones[i].slug.clone()))));
                    }
                    on:keydown=on_key
                >
                    <span class="ex-ms__title">{title}</span>
                    <span class="ex-ms__meta">
                        <span class="ex-ms__when">{when()}</span>
                        <span class="ex-ms__sector" hidden=no_sector>{sector_label.clone()}</span>
                    </span>
                </button>
                {track}
                <div id=details_id(&slug) class="ex-ms__details" hidden=move || !is_selected(i)>
                    <dl class="ex-ms__facts">
                        <div>
                            <dt>{w.when.clone()}</dt>
                            <dd>{when()}</dd>
                        </div>
                        <div hidden=no_sector>
                            <dt>{w.sector.clone()}</dt>
                            <dd>{sector_label}</dd>
                        </div>
                        <div hidden=no_status>
                            <dt>{w.status.clone()}</dt>
                            <dd class="ex-ms__status">{move || status(i, &built_status)}</dd>
                        </div>
                    </dl>
                    <p hidden=no_summary inner_html=summary></p>
                    {impact.map(|(label, html)| view! { <p><strong>{label}</strong> <span inner_html=html></span></p> })}
                    {note.map(|(label, html)| view! { <p class="ex-ms__note"><strong>{label}</strong> <span inner_html=html></span></p> })}
                    {figure.map(|html| view! { <div class="ex-ms__figure" inner_html=html></div> })}
                    <p class="ex-ms__source" hidden=no_source>{source}</p>
                    <div class="ex-ms__actions ex-no-print">
                        <button type="button" class="ex-button ex-ms__copy" on:click=move |_| copy(i)>
                            {w.copy_link.clone()}
                        </button>
                        <span class="ex-ms__copied" role="status">
                            {move || copied.with(|c| c.as_ref().filter(|(j, _)| *j == i).map(|(_, t)| t.clone()).unwrap_or_default())}
                        </span>
                    </div>
                </div>
            </li>
        }
    };
    let (dated, undated): (Vec<_>, Vec<_>) = shown
        .into_iter()
        .enumerate()
        .partition(|(_, m)| !m.dates.is_empty());
    let no_undated = undated.is_empty();
    let any_undated_shown = move || {
        state.with(|s| {
            outline.with_value(|o| s.visible().iter().any(|&i| o.milestones[i].when.is_none()))
        })
    };
    let ticks = ticks
        .into_iter()
        .map(|(label, left, before)| {
            view! {
                <span class="ex-timeline__tick" class:ex-timeline__tick--before=before style=format!("inset-inline-start:{left}")>
                    {label}
                </span>
            }
        })
        .collect_view();
    // Periods: bands along the axis, and a list (shown where the axis is
    // not, and read by screen readers, which skip the drawn axis).
    let no_eras = eras.is_empty();
    let era_bands = eras
        .iter()
        .enumerate()
        .map(|(k, (label, _, style))| {
            view! { <span class=format!("ex-era ex-sector-{}", k % 8) style=style.clone()>{label.clone()}</span> }
        })
        .collect_view();
    let era_list = eras
        .into_iter()
        .map(|(label, when, _)| view! { <li>{label}" ("{when}")"</li> })
        .collect_view();
    let heading = outline.with_value(|o| o.heading.clone());
    let has_sectors = outline.with_value(|o| !o.sectors.is_empty());

    view! {
        <section id="timeline" class="ex-timeline" aria-labelledby="ex-timeline-heading">
            <h2 id="ex-timeline-heading" class="ex-section-heading">{heading}</h2>
            <p class="ex-timeline__hint ex-no-print">{words.hint}</p>
            <fieldset class="ex-timeline__filters ex-no-print" hidden=!has_sectors>
                <legend>{words.filters}</legend>
                <ul class="ex-timeline__filter-list">{filter_list}</ul>
            </fieldset>
            <p class="ex-visually-hidden ex-timeline__announce" role="status">{move || said.get()}</p>
            <div
                class="ex-timeline__chart"
                class:ex-timeline__chart--today=move || marker().is_some()
                style=move || marker().map(|p| format!("--ex-today:{}", css_percent(p)))
            >
                <div class="ex-timeline__axis" aria-hidden="true">
                    {ticks}
                    <span class="ex-timeline__today">{words.today}</span>
                </div>
                <div class="ex-timeline__eras" aria-hidden="true" hidden=no_eras>{era_bands}</div>
                <ol class="ex-timeline__list" aria-label=words.dated>
                    {dated.into_iter().map(item).collect_view()}
                </ol>
            </div>
            // Phones show it, with its name, where the axis is not.
            <div class="ex-timeline__era-list ex-visually-hidden" hidden=no_eras>
                <p id="ex-timeline-eras" class="ex-timeline__era-heading" aria-hidden="true">{words.eras}</p>
                <ul class="ex-timeline__era-items" aria-labelledby="ex-timeline-eras">{era_list}</ul>
            </div>
            <div class="ex-timeline__undated" hidden=move || no_undated || !any_undated_shown()>
                <h3 class="ex-timeline__subheading">{undated_label}</h3>
                <ul class="ex-timeline__list ex-timeline__list--undated">
                    {undated.into_iter().map(item).collect_view()}
                </ul>
            </div>
            <p class="ex-timeline__empty" hidden=move || state.with(|s| !s.visible().is_empty())>{words.empty}</p>
        </section>
    }
}
