//! Timeline layout and wording: where each milestone sits on the axis, the
//! order keys walk in, and what its status says on a given day.
//!
//! Plain Rust, tested natively; the timeline component only renders it.

use crate::dates::{Date, Day, Precision, Status, When};

/// The axis: whole years from `first` to `last`, both included (years
/// astronomically numbered, as [`Day::year`]: from deep time to any year);
/// or, for a story within two years, whole months or days (`within`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Axis {
    /// First year shown.
    pub first: i64,
    /// Last year shown.
    pub last: i64,
    /// A short axis: its first day and the day after its last (ordinals),
    /// ticked by months or days; `None` for whole years.
    pub within: Option<(i64, i64)>,
}

/// Where a milestone is drawn, in percent of the axis width.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placement {
    /// Distance from the axis start.
    pub left: f64,
    /// Width; 0 for a point marker.
    pub width: f64,
    /// Drawn as a bar (a span, an ongoing item or a whole year) or a marker.
    pub bar: bool,
    /// Goes on past the end of the axis.
    pub open_end: bool,
}

impl Axis {
    /// Whole years from `first` to `last`.
    pub const fn years(first: i64, last: i64) -> Axis {
        Axis {
            first,
            last,
            within: None,
        }
    }

    /// The axis from day ordinal `start` to the day before `end` (what
    /// [`Axis::bounds`] gives: the browser's copy of the build's axis).
    pub fn between(start: i64, end: i64) -> Axis {
        Axis {
            first: Day::from_ordinal(start).year,
            last: Day::from_ordinal(end - 1).year,
            within: Some((start, end)),
        }
    }

    /// Its first day and the day after its last, as ordinals.
    pub fn bounds(self) -> (i64, i64) {
        (self.start(), self.end())
    }

    /// The smallest axis that holds every dated milestone; `None` when none
    /// is dated. Over three calendar years or more, whole years; within
    /// two, whole months, or days for a span of two months at most.
    pub fn covering<I: IntoIterator<Item = When>>(whens: I) -> Option<Axis> {
        let mut range: Option<(Day, Day)> = None;
        for w in whens {
            let first = w.first_day();
            let last = w.last_day().unwrap_or(first);
            range = Some(match range {
                None => (first, last),
                Some((a, b)) => (a.min(first), b.max(last)),
            });
        }
        let (lo, hi) = range?;
        if hi.year - lo.year >= 2 {
            return Some(Axis::years(lo.year, hi.year));
        }
        let days = hi.ordinal() - lo.ordinal() + 1;
        let within = if days > Self::MONTHS_FROM {
            let start = Day { day: 1, ..lo };
            let after = if hi.month == 12 {
                Day {
                    year: hi.year + 1,
                    month: 1,
                    day: 1,
                }
            } else {
                Day {
                    month: hi.month + 1,
                    day: 1,
                    ..hi
                }
            };
            (start.ordinal(), after.ordinal())
        } else {
            (lo.ordinal(), hi.ordinal() + 1)
        };
        Some(Axis {
            first: lo.year,
            last: hi.year,
            within: Some(within),
        })
    }

    /// A short axis longer than this many days is ticked by months.
    const MONTHS_FROM: i64 = 62;

    fn start(self) -> i64 {
        self.within.map_or_else(
            || {
                Day {
                    year: self.first,
                    month: 1,
                    day: 1,
                }
                .ordinal()
            },
            |w| w.0,
        )
    }

    fn end(self) -> i64 {
        self.within.map_or_else(
            || {
                Day {
                    year: self.last + 1,
                    month: 1,
                    day: 1,
                }
                .ordinal()
            },
            |w| w.1,
        )
    }

    /// Where a day falls, in percent from the axis start, clamped to 0..=100.
    pub fn percent(self, day: Day) -> f64 {
        let (start, end) = (self.start(), self.end());
        let at = day.ordinal().clamp(start, end);
        (at - start) as f64 * 100.0 / (end - start) as f64
    }

    /// Whether a day falls on the axis.
    pub fn holds(self, day: Day) -> bool {
        (self.start()..self.end()).contains(&day.ordinal())
    }

    /// How many years apart the labelled ticks are: every year for a
    /// short axis, then 2, 5, 10, 20, 50, 100... years apart (decades,
    /// centuries, millennia, up to billions of years), so that an axis of
    /// any length has at most [`Axis::MAX_TICKS`] labels.
    pub fn tick_step(self) -> i64 {
        self.tick_step_within(Self::MAX_TICKS)
    }

    /// [`Axis::tick_step`] for at most `max` labels.
    pub fn tick_step_within(self, max: i64) -> i64 {
        let years = self.last - self.first + 1;
        let mut scale = 1;
        loop {
            for step in [scale, 2 * scale, 5 * scale] {
                if (years + step - 1) / step <= max || step >= 5_000_000_000 {
                    return step;
                }
            }
            scale *= 10;
        }
    }

    /// Most labelled ticks on an axis.
    pub const MAX_TICKS: i64 = 12;

    /// How many characters of tick labels fit along the axis (at the
    /// widths that show it): long labels ("12 billion years ago") get
    /// fewer ticks.
    pub const ROOM: usize = 72;

    /// Whether a tick's label of `chars` characters, at `left` percent,
    /// goes before its line: too near the end to fit after it (`ROOM`
    /// counts wide characters, so a label that just fits stays after).
    pub fn label_before(left: f64, chars: usize) -> bool {
        let room = (100.0 - left) / 100.0 * Self::ROOM as f64;
        room < chars as f64
    }

    /// The labelled dates, each with the percent where it starts: on a
    /// year axis the first year, then every [`Axis::tick_step`] years on
    /// numbers that read round: 1990, 2000 CE; 3000, 2000 BCE (year `1 - n`
    /// is `n` BCE); on a short axis months or days the same way.
    pub fn ticks(self) -> Vec<(Date, f64)> {
        self.ticks_within(Self::MAX_TICKS)
    }

    /// [`Axis::ticks`], at most `max` of them (the first, then round ones
    /// at least a whole step from it when there are few).
    pub fn ticks_within(self, max: i64) -> Vec<(Date, f64)> {
        let Some((start, end)) = self.within else {
            return self
                .year_ticks(max)
                .into_iter()
                .map(|(year, at)| {
                    let date = Date {
                        year,
                        precision: Precision::Year,
                    };
                    (date, at)
                })
                .collect();
        };
        let pick = |count: i64, steps: &[i64]| {
            let step = steps
                .iter()
                .copied()
                .find(|s| (count + s - 1) / s <= max)
                .unwrap_or(steps[steps.len() - 1]);
            let gap = if max < Self::MAX_TICKS {
                step
            } else {
                (step / 2).max(1)
            };
            (step, gap)
        };
        let (lo, hi) = (Day::from_ordinal(start), Day::from_ordinal(end - 1));
        if end - start > Self::MONTHS_FROM {
            // Months, counted from year 0: January of year y is 12 y.
            let index = |d: Day| d.year * 12 + i64::from(d.month) - 1;
            let (first, last) = (index(lo), index(hi));
            let (step, gap) = pick(last - first + 1, &[1, 2, 3, 6, 12]);
            (first..=last)
                .filter(|m| *m == first || (m.rem_euclid(step) == 0 && m - first >= gap))
                .map(|m| {
                    let month = u8::try_from(m.rem_euclid(12) + 1).unwrap_or(1);
                    let day = Day {
                        year: m.div_euclid(12),
                        month,
                        day: 1,
                    };
                    let date = Date {
                        year: day.year,
                        precision: Precision::Month(month),
                    };
                    (date, self.percent(day))
                })
                .collect()
        } else {
            let (step, gap) = pick(end - start, &[1, 2, 7, 14, 31]);
            (start..end)
                .filter(|o| *o == start || ((o - start) % step == 0 && o - start >= gap))
                .map(|o| {
                    let day = Day::from_ordinal(o);
                    let date = Date {
                        year: day.year,
                        precision: Precision::Day(day.month, day.day),
                    };
                    (date, self.percent(day))
                })
                .collect()
        }
    }

    /// The labelled years of a year axis.
    fn year_ticks(self, max: i64) -> Vec<(i64, f64)> {
        let step = self.tick_step_within(max);
        let gap = if max < Self::MAX_TICKS {
            step
        } else {
            step / 2
        };
        let at = |year| {
            self.percent(Day {
                year,
                month: 1,
                day: 1,
            })
        };
        let mut years = vec![self.first];
        // Before the Common Era, counted down: n BCE is year 1 - n.
        let mut n = (1 - self.first) / step * step;
        while n >= step {
            years.push(1 - n);
            n -= step;
        }
        // The Common Era: step, 2 step...
        let mut y = (self.first.max(1) + step - 1) / step * step;
        while y <= self.last {
            years.push(y);
            y += step;
        }
        years.retain(|&y| y <= self.last && (y == self.first || y - self.first >= gap));
        years.dedup();
        years.into_iter().map(|y| (y, at(y))).collect()
    }

    /// Where a milestone is drawn.
    pub fn place(self, when: When) -> Placement {
        let left = self.percent(when.first_day());
        match when.last_day() {
            _ if !when.is_span() => Placement {
                left: self.percent_mid(when),
                width: 0.0,
                bar: false,
                open_end: false,
            },
            Some(last) => {
                let next = Day::from_ordinal(last.ordinal() + 1);
                let right = self.percent(next);
                Placement {
                    left,
                    width: right - left,
                    bar: true,
                    open_end: false,
                }
            }
            None => Placement {
                left,
                width: 100.0 - left,
                bar: true,
                open_end: true,
            },
        }
    }

    /// A point's marker sits in the middle of the period it names.
    fn percent_mid(self, when: When) -> f64 {
        let first = self.percent(when.first_day());
        let last = when
            .last_day()
            .map_or(first, |d| self.percent(Day::from_ordinal(d.ordinal() + 1)));
        (first + last) / 2.0
    }
}

/// A percentage for CSS, to a thousandth: `12.5` gives `"12.500%"`.
/// Integer formatting keeps float formatting code out of the wasm.
pub fn css_percent(value: f64) -> String {
    let thousandths = (value.clamp(0.0, 100.0) * 1000.0).round() as u32;
    format!("{}.{:03}%", thousandths / 1000, thousandths % 1000)
}

/// A key's move through the milestones.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    /// The one before (Left or Up).
    Previous,
    /// The one after (Right or Down).
    Next,
    /// The first (Home).
    First,
    /// The last (End).
    Last,
}

impl Move {
    /// The move a `KeyboardEvent.key` asks for, if any. Left and Right
    /// follow the visual direction (WAI-ARIA Authoring Practices): on a
    /// right-to-left page (`rtl`) the axis runs right to left, so Left
    /// goes to the next milestone. Up and Down keep their meaning.
    pub fn from_key(key: &str, rtl: bool) -> Option<Move> {
        let (left, right) = if rtl {
            (Move::Next, Move::Previous)
        } else {
            (Move::Previous, Move::Next)
        };
        match key {
            "ArrowLeft" | "Left" => Some(left),
            "ArrowRight" | "Right" => Some(right),
            "ArrowUp" | "Up" => Some(Move::Previous),
            "ArrowDown" | "Down" => Some(Move::Next),
            "Home" => Some(Move::First),
            "End" => Some(Move::Last),
            _ => None,
        }
    }
}

/// Where a move lands among `visible` (milestone indices in walking order),
/// from `current`. Previous and Next stop at the ends.
pub fn step(visible: &[usize], current: Option<usize>, mv: Move) -> Option<usize> {
    let at = current.and_then(|c| visible.iter().position(|&v| v == c));
    let last = visible.len().checked_sub(1)?;
    let to = match (mv, at) {
        (Move::First, _) | (Move::Next, None) => 0,
        (Move::Last, _) | (Move::Previous, None) => last,
        (Move::Previous, Some(i)) => i.saturating_sub(1),
        (Move::Next, Some(i)) => (i + 1).min(last),
    };
    visible.get(to).copied()
}

/// What a milestone's status line says, before it is put into words (the
/// locale's `status-*` keys): plans are "scheduled", never "done"; only
/// reported outcomes say "reported".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusLine {
    /// The story gives no date.
    Undated,
    /// The story reports an outcome for these dates.
    Reported(When),
    /// Planned for these dates (no "today" to compare with: the built page).
    Scheduled(When),
    /// Planned, starting later than today.
    Upcoming(When),
    /// Planned, and today is in its window.
    InWindow(When),
    /// Planned, ongoing from its start, and today is after that start.
    Ongoing(When),
    /// Planned, and its window closed before today, with no outcome reported.
    Passed(When),
}

impl StatusLine {
    /// The locale key that words it.
    pub fn key(self) -> &'static str {
        match self {
            StatusLine::Undated => "status-undated",
            StatusLine::Reported(_) => "status-reported",
            StatusLine::Scheduled(_) => "status-scheduled",
            StatusLine::Upcoming(_) => "status-upcoming",
            StatusLine::InWindow(_) => "status-in-window",
            StatusLine::Ongoing(_) => "status-ongoing",
            StatusLine::Passed(_) => "status-passed",
        }
    }

    /// Which of a milestone's three today-dependent lines this is (its
    /// outline has them in this order), if it is one.
    pub fn today_index(self) -> Option<usize> {
        match self {
            StatusLine::Upcoming(_) => Some(0),
            StatusLine::InWindow(_) | StatusLine::Ongoing(_) => Some(1),
            StatusLine::Passed(_) => Some(2),
            _ => None,
        }
    }
}

/// A milestone's status on `today` (`None`: the page as built).
pub fn status_line(when: Option<When>, reported: bool, today: Option<Day>) -> StatusLine {
    let Some(when) = when else {
        return StatusLine::Undated;
    };
    if reported {
        return StatusLine::Reported(when);
    }
    let Some(today) = today else {
        return StatusLine::Scheduled(when);
    };
    match (when.status(today), when) {
        (Status::Upcoming, _) => StatusLine::Upcoming(when),
        (Status::InWindow, When::Ongoing(_)) => StatusLine::Ongoing(when),
        (Status::InWindow, _) => StatusLine::InWindow(when),
        (Status::WindowPassed, _) => StatusLine::Passed(when),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::Date;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn span(a: &str, b: &str) -> When {
        When::new(d(a), Some(d(b)), false).unwrap()
    }

    fn day(y: i64, m: u8, dd: u8) -> Day {
        Day::new(y, m, dd).unwrap()
    }

    #[test]
    fn axis_covers_every_dated_milestone() {
        let axis = Axis::covering([
            span("2026", "2030"),
            When::Ongoing(d("2025-10")),
            span("2029", "2032"),
        ]);
        assert_eq!(axis, Some(Axis::years(2025, 2032)));
        assert_eq!(Axis::covering([]), None);
    }

    #[test]
    fn ticks_run_year_by_year() {
        let axis = Axis::years(2025, 2032);
        let ticks = axis.ticks();
        assert_eq!(ticks.len(), 8);
        assert_eq!((ticks[0].0.year, ticks[0].1), (2025, 0.0));
        assert!((ticks[4].1 - 50.0).abs() < 0.1, "{ticks:?}");
    }

    #[test]
    fn spans_become_bars_and_points_markers() {
        let axis = Axis::years(2025, 2032);
        let fund = axis.place(span("2026", "2030"));
        assert!(fund.bar && !fund.open_end);
        assert!(
            (fund.left - 12.5).abs() < 0.1 && (fund.width - 62.5).abs() < 0.1,
            "{fund:?}"
        );
        let pilot = axis.place(When::Point(d("2026-Q2")));
        assert!(!pilot.bar && pilot.width == 0.0);
        assert!(
            pilot.left > 12.5 + 3.0 && pilot.left < 12.5 + 9.4,
            "{pilot:?}"
        );
        let ongoing = axis.place(When::Ongoing(d("2025-10")));
        assert!(ongoing.bar && ongoing.open_end);
        assert!((ongoing.left + ongoing.width - 100.0).abs() < 1e-9);
    }

    #[test]
    fn a_label_too_near_the_end_goes_before_its_line() {
        // 72 characters along the axis: at 97%, 2.2 characters are left;
        // at 93%, 5 ("2012" fits after its line there).
        assert!(Axis::label_before(97.0, 3));
        assert!(Axis::label_before(100.0, 1));
        assert!(!Axis::label_before(93.0, 4));
        assert!(!Axis::label_before(0.0, 20));
        assert!(Axis::label_before(80.0, 20), "a long label needs more room");
    }

    #[test]
    fn css_percent_is_exact_to_a_thousandth() {
        assert_eq!(css_percent(12.5), "12.500%");
        assert_eq!(css_percent(0.0), "0.000%");
        assert_eq!(css_percent(100.0), "100.000%");
        assert_eq!(css_percent(33.33349), "33.333%");
        assert_eq!(css_percent(-4.0), "0.000%");
    }

    #[test]
    fn long_axes_label_round_years_only() {
        let short = Axis::years(2025, 2032);
        assert_eq!(short.tick_step(), 1);
        let century = Axis::years(1947, 2031);
        assert_eq!(century.tick_step(), 10);
        let years: Vec<i64> = century.ticks().iter().map(|t| t.0.year).collect();
        assert_eq!(
            years,
            [1947, 1960, 1970, 1980, 1990, 2000, 2010, 2020, 2030]
        );
        assert!(years.len() <= usize::try_from(Axis::MAX_TICKS).unwrap());
        let one = Axis::years(2026, 2026);
        assert_eq!(
            one.ticks(),
            vec![(crate::dates::Date::parse("2026").unwrap(), 0.0)]
        );
        for last in 2000..2400 {
            let axis = Axis::years(2000, last);
            assert!(
                axis.ticks().len() <= usize::try_from(Axis::MAX_TICKS).unwrap(),
                "{last}"
            );
        }
    }

    #[test]
    fn keys_step_and_stop_at_the_ends() {
        let visible = [4, 2, 7];
        assert_eq!(step(&visible, Some(2), Move::Next), Some(7));
        assert_eq!(step(&visible, Some(7), Move::Next), Some(7));
        assert_eq!(step(&visible, Some(4), Move::Previous), Some(4));
        assert_eq!(step(&visible, Some(2), Move::First), Some(4));
        assert_eq!(step(&visible, Some(2), Move::Last), Some(7));
        assert_eq!(
            step(&visible, Some(9), Move::Next),
            Some(4),
            "from a hidden one, start over"
        );
        assert_eq!(step(&[], Some(1), Move::Next), None);
        assert_eq!(Move::from_key("ArrowRight", false), Some(Move::Next));
        assert_eq!(Move::from_key("ArrowLeft", false), Some(Move::Previous));
        assert_eq!(Move::from_key("Home", false), Some(Move::First));
        assert_eq!(Move::from_key("a", false), None);
        // Right to left: the arrows follow what the reader sees.
        assert_eq!(Move::from_key("ArrowLeft", true), Some(Move::Next));
        assert_eq!(Move::from_key("ArrowRight", true), Some(Move::Previous));
        assert_eq!(Move::from_key("ArrowDown", true), Some(Move::Next));
        assert_eq!(Move::from_key("End", true), Some(Move::Last));
    }

    #[test]
    fn statuses_never_claim_a_plan_happened() {
        let w = span("2026", "2030");
        let fund = Some(w);
        let on = |y, m, dd| status_line(fund, false, Some(day(y, m, dd)));
        assert_eq!(on(2025, 6, 1), StatusLine::Upcoming(w));
        assert_eq!(on(2026, 11, 28), StatusLine::InWindow(w));
        assert_eq!(on(2031, 1, 1), StatusLine::Passed(w));
        for (y, m, dd) in [(2020, 1, 1), (2028, 1, 1), (2040, 1, 1)] {
            assert!(!matches!(on(y, m, dd), StatusLine::Reported(_)));
        }
        let past = span("2024", "2025");
        assert_eq!(
            status_line(Some(past), true, Some(day(2026, 1, 1))),
            StatusLine::Reported(past)
        );
        assert_eq!(status_line(None, false, None), StatusLine::Undated);
        assert_eq!(status_line(fund, false, None), StatusLine::Scheduled(w));
        assert_eq!(StatusLine::Passed(w).key(), "status-passed");
        assert_eq!(StatusLine::Passed(w).today_index(), Some(2));
        assert_eq!(StatusLine::Scheduled(w).today_index(), None);
    }

    #[test]
    fn spans_crossing_today() {
        let ongoing = When::Ongoing(d("2025-10"));
        assert_eq!(
            status_line(Some(ongoing), false, Some(day(2026, 11, 28))),
            StatusLine::Ongoing(ongoing)
        );
        let study = Some(span("2025", "2026"));
        assert!(matches!(
            status_line(study, false, Some(day(2026, 12, 31))),
            StatusLine::InWindow(_)
        ));
        assert!(matches!(
            status_line(study, false, Some(day(2027, 1, 1))),
            StatusLine::Passed(_)
        ));
    }

    #[test]
    fn axes_before_the_common_era_and_in_deep_time_tick_on_round_numbers() {
        // Counted as readers count: n BCE is year 1 - n.
        let counted = |y: i64| if y < 1 { 1 - y } else { y };
        let cosmos = Axis::years(1 - 13_800_000_000, 1 - 3500);
        let mixed = Axis::years(1 - 13_800_000_000, 1990);
        let history = Axis::years(1 - 3000, 1500);
        for axis in [cosmos, mixed, history] {
            let ticks = axis.ticks();
            let step = axis.tick_step();
            assert!(
                ticks.len() <= usize::try_from(Axis::MAX_TICKS).unwrap(),
                "{axis:?}"
            );
            assert_eq!(ticks[0].0.year, axis.first, "the first year is labelled");
            assert!(
                ticks[1..].iter().all(|(d, _)| counted(d.year) % step == 0),
                "{ticks:?}"
            );
            assert!(
                ticks.windows(2).all(|w| w[0].1 < w[1].1),
                "left to right: {ticks:?}"
            );
            assert!(ticks.iter().all(|(_, p)| (0.0..=100.0).contains(p)));
        }
        assert_eq!(cosmos.tick_step(), 2_000_000_000);
        let years: Vec<i64> = history.ticks().iter().map(|t| counted(t.0.year)).collect();
        assert_eq!(years, [3000, 2500, 2000, 1500, 1000, 500, 500, 1000, 1500]);
        // A milestone 4.6 billion years ago sits two thirds of the way along.
        let earth = When::Point(crate::dates::Date::parse("4.6 billion years ago").unwrap());
        let at = cosmos.place(earth).left;
        assert!((66.0..67.0).contains(&at), "{at}");
    }

    #[test]
    fn a_story_within_two_years_is_ticked_by_months_or_days() {
        let label =
            |axis: Axis| -> Vec<String> { axis.ticks().iter().map(|t| t.0.code()).collect() };
        // Three calendar years or more: years, as ever.
        let years = Axis::covering([span("2024-11", "2026-02")]).unwrap();
        assert_eq!(
            (years.within, label(years)),
            (None, vec!["2024".into(), "2025".into(), "2026".into()])
        );
        // Within two: months, the axis from the first month to the last.
        let months =
            Axis::covering([span("2025-03", "2025-10"), When::Point(d("2025-06-15"))]).unwrap();
        assert_eq!(
            label(months),
            [
                "2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09",
                "2025-10"
            ]
        );
        assert_eq!(
            months.bounds(),
            (day(2025, 3, 1).ordinal(), day(2025, 11, 1).ordinal())
        );
        assert!(months.holds(day(2025, 10, 31)) && !months.holds(day(2025, 11, 1)));
        let two = Axis::covering([span("2025-01", "2026-12")]).unwrap();
        assert_eq!(
            label(two),
            [
                "2025-01", "2025-03", "2025-05", "2025-07", "2025-09", "2025-11", "2026-01",
                "2026-03", "2026-05", "2026-07", "2026-09", "2026-11"
            ]
        );
        // Two months at most: days.
        let days = Axis::covering([span("2026-03-01", "2026-03-20")]).unwrap();
        let ticks = label(days);
        assert_eq!(&ticks[..3], ["2026-03-01", "2026-03-03", "2026-03-05"]);
        assert!(ticks.len() <= 12);
        let week =
            Axis::covering([When::Point(d("2026-12-30")), When::Point(d("2027-01-02"))]).unwrap();
        assert_eq!(
            label(week),
            ["2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02"]
        );
        // The browser rebuilds the build's axis from its bounds.
        for axis in [months, two, days, week, years] {
            let (start, end) = axis.bounds();
            let copy = Axis::between(start, end);
            assert_eq!(copy.bounds(), axis.bounds());
            assert_eq!(
                copy.percent(day(2026, 3, 10)),
                axis.percent(day(2026, 3, 10))
            );
        }
    }
}
