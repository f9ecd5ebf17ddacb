//! The date model: dates as precise as the source gives them.
//!
//! Plain Rust with no browser or framework dependency: the story reader
//! validates a story file's dates with it, the timeline lays out and labels
//! milestones with it, and native unit tests pin its behaviour.

use core::cmp::Ordering;
use core::fmt;

/// A calendar day, used for "today" and for the bounds of a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    /// Year, for example 2026.
    pub year: u16,
    /// Month, 1 to 12.
    pub month: u8,
    /// Day of the month, 1 to 31.
    pub day: u8,
}

impl Day {
    /// A day, checked against the calendar.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Day> {
        if (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month) {
            Some(Day { year, month, day })
        } else {
            None
        }
    }

    /// Days since 1 January of year 0 (proleptic Gregorian); for fractions on an axis.
    pub fn ordinal(self) -> u32 {
        let y = u32::from(self.year);
        let days_before_year = 365 * y + y.div_ceil(4) - y.div_ceil(100) + y.div_ceil(400);
        let mut days = days_before_year;
        for m in 1..self.month {
            days += u32::from(days_in_month(self.year, m));
        }
        days + u32::from(self.day) - 1
    }

    /// The day with the given [`Day::ordinal`].
    pub fn from_ordinal(ordinal: u32) -> Day {
        let jan1 = |year| {
            Day {
                year,
                month: 1,
                day: 1,
            }
            .ordinal()
        };
        let mut year = u16::try_from(ordinal / 366).unwrap_or(u16::MAX);
        while jan1(year + 1) <= ordinal {
            year += 1;
        }
        let mut rest = ordinal - jan1(year);
        let mut month = 1;
        while rest >= u32::from(days_in_month(year, month)) {
            rest -= u32::from(days_in_month(year, month));
            month += 1;
        }
        Day {
            year,
            month,
            day: u8::try_from(rest + 1).unwrap_or(1),
        }
    }
}

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 31,
    }
}

/// A season of the northern hemisphere (Tokyo and Dushanbe): spring is March to May.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Season {
    /// March to May.
    Spring,
    /// June to August.
    Summer,
    /// September to November.
    Autumn,
    /// December to February of the next year.
    Winter,
}

impl Season {
    fn first_month(self) -> u8 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Autumn => 9,
            Season::Winter => 12,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Season::Spring => "Spring",
            Season::Summer => "Summer",
            Season::Autumn => "Autumn",
            Season::Winter => "Winter",
        }
    }
}

/// How precise a date is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Precision {
    /// The whole year.
    Year,
    /// A season of the year.
    Season(Season),
    /// A quarter, 1 to 4.
    Quarter(u8),
    /// A month, 1 to 12.
    Month(u8),
    /// A single day: month and day.
    Day(u8, u8),
}

/// A date as precise as the source gives it: "2026", "Spring 2026", "Q2 2026", "Oct 2025".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Date {
    /// The year.
    pub year: u16,
    /// What part of the year.
    pub precision: Precision,
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl Date {
    /// The first day the date covers.
    pub fn first_day(self) -> Day {
        let (month, day) = match self.precision {
            Precision::Year => (1, 1),
            Precision::Season(s) => (s.first_month(), 1),
            Precision::Quarter(q) => (q * 3 - 2, 1),
            Precision::Month(m) => (m, 1),
            Precision::Day(m, d) => (m, d),
        };
        Day {
            year: self.year,
            month,
            day,
        }
    }

    /// The last day the date covers.
    pub fn last_day(self) -> Day {
        let (year, month) = match self.precision {
            Precision::Year => (self.year, 12),
            Precision::Season(Season::Winter) => (self.year + 1, 2),
            Precision::Season(s) => (self.year, s.first_month() + 2),
            Precision::Quarter(q) => (self.year, q * 3),
            Precision::Month(m) => (self.year, m),
            Precision::Day(m, d) => {
                return Day {
                    year: self.year,
                    month: m,
                    day: d,
                }
            }
        };
        Day {
            year,
            month,
            day: days_in_month(year, month),
        }
    }

    /// A label for readers: "2026", "Spring 2026", "Q2 2026", "Oct 2025", "15 Oct 2025".
    pub fn label(self) -> String {
        match self.precision {
            Precision::Year => format!("{}", self.year),
            Precision::Season(s) => format!("{} {}", s.name(), self.year),
            Precision::Quarter(q) => format!("Q{} {}", q, self.year),
            Precision::Month(m) => format!("{} {}", MONTHS[usize::from(m - 1)], self.year),
            Precision::Day(m, d) => format!("{} {} {}", d, MONTHS[usize::from(m - 1)], self.year),
        }
    }

    /// The date in the story file's syntax (`2026`, `2026-spring`,
    /// `2026-Q2`, `2025-10`, `2025-10-15`), which [`Date::parse`] reads.
    pub fn code(self) -> String {
        match self.precision {
            Precision::Year => format!("{:04}", self.year),
            Precision::Season(s) => format!("{:04}-{}", self.year, s.name().to_ascii_lowercase()),
            Precision::Quarter(q) => format!("{:04}-Q{q}", self.year),
            Precision::Month(m) => format!("{:04}-{:02}", self.year, m),
            Precision::Day(m, d) => format!("{:04}-{:02}-{:02}", self.year, m, d),
        }
    }

    /// A valid HTML `<time datetime>` value. Seasons and quarters have no
    /// datetime syntax of their own, so they give the year, which holds them.
    pub fn datetime(self) -> String {
        match self.precision {
            Precision::Year | Precision::Season(_) | Precision::Quarter(_) => {
                format!("{:04}", self.year)
            }
            Precision::Month(m) => format!("{:04}-{:02}", self.year, m),
            Precision::Day(m, d) => format!("{:04}-{:02}-{:02}", self.year, m, d),
        }
    }

    /// Parses the story file's syntax: `2026`, `2026-spring`, `2026-Q2`,
    /// `2025-10`, `2025-10-15`; the error says what is wrong, for editors.
    pub fn parse(text: &str) -> Result<Date, String> {
        Date::from_code(text).ok_or_else(|| {
            let mut parts = text.trim().split('-');
            let year_ok = parts.next().is_some_and(|y| y.len() == 4);
            match (year_ok, parts.next(), parts.next(), parts.next()) {
                (true, Some(m), None, _) => match m.parse::<u8>() {
                    Ok(m) if !(1..=12).contains(&m) => {
                        format!("\"{text}\": month {m} is not between 1 and 12")
                    }
                    _ => Date::syntax(text),
                },
                (true, Some(m), Some(d), None)
                    if m.parse::<u8>().is_ok() && d.parse::<u8>().is_ok() =>
                {
                    format!("\"{text}\" is not a day of the calendar")
                }
                _ => Date::syntax(text),
            }
        })
    }

    fn syntax(text: &str) -> String {
        format!("\"{text}\" is not a date: write 2026, 2026-spring, 2026-Q2, 2025-10 or 2025-10-15")
    }

    /// Reads the story file's syntax ([`Date::parse`] without the reasons:
    /// what the browser runtime uses, so no message is linked into it).
    pub fn from_code(text: &str) -> Option<Date> {
        let mut parts = text.trim().split('-');
        let year_part = parts.next()?;
        if year_part.len() != 4 || !year_part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: u16 = year_part.parse().ok()?;
        let number = |s: &str| -> Option<u8> {
            if s.is_empty() || s.len() > 2 || !s.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            s.parse().ok()
        };
        let precision = match (parts.next(), parts.next(), parts.next()) {
            (None, _, _) => Precision::Year,
            (Some(p), None, _) => match p.to_ascii_lowercase().as_str() {
                "spring" => Precision::Season(Season::Spring),
                "summer" => Precision::Season(Season::Summer),
                "autumn" | "fall" => Precision::Season(Season::Autumn),
                "winter" => Precision::Season(Season::Winter),
                "q1" => Precision::Quarter(1),
                "q2" => Precision::Quarter(2),
                "q3" => Precision::Quarter(3),
                "q4" => Precision::Quarter(4),
                _ => {
                    let m = number(p)?;
                    if !(1..=12).contains(&m) {
                        return None;
                    }
                    Precision::Month(m)
                }
            },
            (Some(m), Some(d), None) => {
                let (m, d) = (number(m)?, number(d)?);
                Day::new(year, m, d)?;
                Precision::Day(m, d)
            }
            _ => return None,
        };
        Some(Date { year, precision })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

/// When a milestone happens: a point, a span, or a start that goes on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum When {
    /// A single date, however precise.
    Point(Date),
    /// From one date to another, both included.
    Span(Date, Date),
    /// From a date, with no end given.
    Ongoing(Date),
}

/// In an island's props, a date is its [`When::code`].
#[cfg(feature = "islands")]
impl serde::Serialize for When {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.code())
    }
}

#[cfg(feature = "islands")]
impl<'de> serde::Deserialize<'de> for When {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<When, D::Error> {
        let code = String::deserialize(d)?;
        When::from_code(&code).ok_or_else(|| serde::de::Error::custom("not a date code"))
    }
}

/// Where a milestone stands on a given day. Plans are "scheduled", never "done".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// Its window has not opened yet.
    Upcoming,
    /// The day falls inside its window.
    InWindow,
    /// Its window has closed.
    WindowPassed,
}

impl When {
    /// Builds a point, a span or an ongoing date, refusing an end before its start.
    pub fn new(start: Date, end: Option<Date>, ongoing: bool) -> Result<When, String> {
        match (end, ongoing) {
            (Some(_), true) => Err("a milestone with an end cannot also be ongoing".into()),
            (None, true) => Ok(When::Ongoing(start)),
            (None, false) => Ok(When::Point(start)),
            (Some(end), false) => {
                if end.last_day() < start.first_day() {
                    Err(format!(
                        "end {} is before start {}",
                        end.label(),
                        start.label()
                    ))
                } else if end == start {
                    Ok(When::Point(start))
                } else {
                    Ok(When::Span(start, end))
                }
            }
        }
    }

    /// The date it starts.
    pub fn start(self) -> Date {
        match self {
            When::Point(d) | When::Span(d, _) | When::Ongoing(d) => d,
        }
    }

    /// The first day covered.
    pub fn first_day(self) -> Day {
        self.start().first_day()
    }

    /// The last day covered; `None` when it goes on.
    pub fn last_day(self) -> Option<Day> {
        match self {
            When::Point(d) | When::Span(_, d) => Some(d.last_day()),
            When::Ongoing(_) => None,
        }
    }

    /// Is it drawn as a bar (true) or a marker (false)?
    pub fn is_span(self) -> bool {
        match self {
            When::Point(d) => d.precision == Precision::Year,
            When::Span(..) | When::Ongoing(_) => true,
        }
    }

    /// A label for readers: "Oct 2025", "2026–2030", "From Oct 2025, ongoing".
    pub fn label(self) -> String {
        match self {
            When::Point(d) => d.label(),
            When::Span(a, b) => format!("{}–{}", a.label(), b.label()),
            When::Ongoing(a) => format!("From {}, ongoing", a.label()),
        }
    }

    /// The end of a span; `None` for a point or an ongoing item.
    pub fn end(self) -> Option<Date> {
        match self {
            When::Span(_, b) => Some(b),
            When::Point(_) | When::Ongoing(_) => None,
        }
    }

    /// A compact code for the islands' props, in the story file's date syntax:
    /// `2026` (a point), `2026/2030` (a span), `2025-10/..` (ongoing), as
    /// ISO 8601 writes intervals.
    pub fn code(self) -> String {
        match self {
            When::Point(a) => a.code(),
            When::Span(a, b) => format!("{}/{}", a.code(), b.code()),
            When::Ongoing(a) => format!("{}/..", a.code()),
        }
    }

    /// Reads a [`When::code`].
    pub fn from_code(code: &str) -> Option<When> {
        match code.split_once('/') {
            None => Date::from_code(code).map(When::Point),
            Some((a, "..")) => Date::from_code(a).map(When::Ongoing),
            Some((a, b)) => {
                let (a, b) = (Date::from_code(a)?, Date::from_code(b)?);
                (b.last_day() >= a.first_day()).then(|| {
                    if a == b {
                        When::Point(a)
                    } else {
                        When::Span(a, b)
                    }
                })
            }
        }
    }

    /// Its status on `today`.
    pub fn status(self, today: Day) -> Status {
        if today < self.first_day() {
            Status::Upcoming
        } else if self.last_day().is_some_and(|end| today > end) {
            Status::WindowPassed
        } else {
            Status::InWindow
        }
    }

    /// Date order: by first day, then the shorter window first.
    pub fn chronological(self, other: When) -> Ordering {
        self.first_day().cmp(&other.first_day()).then_with(|| {
            match (self.last_day(), other.last_day()) {
                (Some(a), Some(b)) => a.cmp(&b),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            }
        })
    }
}

/// The order keys walk in: dated milestones by date, then undated ones in
/// the story's order. `whens[i]` is milestone `i`'s dates.
pub fn chronological(whens: &[Option<When>]) -> Vec<usize> {
    let mut dated: Vec<usize> = (0..whens.len()).filter(|&i| whens[i].is_some()).collect();
    // Stable: milestones on the same dates keep the story's order.
    dated.sort_by(|&a, &b| match (whens[a], whens[b]) {
        (Some(x), Some(y)) => x.chronological(y),
        _ => a.cmp(&b),
    });
    dated.extend((0..whens.len()).filter(|&i| whens[i].is_none()));
    dated
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn day(y: u16, m: u8, dd: u8) -> Day {
        Day::new(y, m, dd).unwrap()
    }

    #[test]
    fn parses_every_precision() {
        assert_eq!(d("2026").precision, Precision::Year);
        assert_eq!(
            d("2026-spring").precision,
            Precision::Season(Season::Spring)
        );
        assert_eq!(d("2026-Q2").precision, Precision::Quarter(2));
        assert_eq!(d("2025-10").precision, Precision::Month(10));
        assert_eq!(d("2024-02-29").precision, Precision::Day(2, 29));
    }

    #[test]
    fn errors_say_what_is_wrong() {
        assert_eq!(
            Date::parse("2026-13").unwrap_err(),
            "\"2026-13\": month 13 is not between 1 and 12"
        );
        assert_eq!(
            Date::parse("2025-02-29").unwrap_err(),
            "\"2025-02-29\" is not a day of the calendar"
        );
        assert!(Date::parse("20x6")
            .unwrap_err()
            .contains("is not a date: write 2026"));
        assert!(Date::parse("2026-Q5")
            .unwrap_err()
            .contains("is not a date"));
    }

    #[test]
    fn refuses_malformed_dates() {
        for bad in [
            "",
            "26",
            "2026-13",
            "2026-Q5",
            "2025-02-29",
            "2026-1-2-3",
            "20x6",
            "2026-",
        ] {
            assert!(Date::parse(bad).is_err(), "{bad} should be refused");
        }
    }

    #[test]
    fn labels_read_as_the_source_does() {
        assert_eq!(d("2025-10").label(), "Oct 2025");
        assert_eq!(d("2026-Q2").label(), "Q2 2026");
        assert_eq!(d("2026-spring").label(), "Spring 2026");
        assert_eq!(d("2026").label(), "2026");
        let span = When::new(d("2026"), Some(d("2030")), false).unwrap();
        assert_eq!(span.label(), "2026–2030");
        assert_eq!(
            When::new(d("2025-10"), None, true).unwrap().label(),
            "From Oct 2025, ongoing"
        );
    }

    #[test]
    fn datetime_values_are_valid_html() {
        assert_eq!(d("2025-10").datetime(), "2025-10");
        assert_eq!(d("2025-10-05").datetime(), "2025-10-05");
        assert_eq!(d("2026-Q2").datetime(), "2026");
        assert_eq!(d("2026-spring").datetime(), "2026");
    }

    #[test]
    fn codes_round_trip() {
        for text in [
            "2026",
            "2026-spring",
            "2026-winter",
            "2026-Q2",
            "2025-10",
            "2025-10-05",
        ] {
            assert_eq!(d(text).code(), text);
        }
        let whens = [
            When::Point(d("2026-Q2")),
            When::new(d("2026"), Some(d("2030")), false).unwrap(),
            When::Ongoing(d("2025-10")),
        ];
        for w in whens {
            assert_eq!(When::from_code(&w.code()), Some(w), "{}", w.code());
        }
        assert_eq!(When::Ongoing(d("2025-10")).code(), "2025-10/..");
        assert_eq!(When::from_code("2030/2026"), None, "end before start");
        assert_eq!(When::from_code("2026/"), None);
        assert_eq!(When::from_code("x"), None);
    }

    #[test]
    fn bounds_cover_the_whole_period() {
        assert_eq!(d("2026-Q2").first_day(), day(2026, 4, 1));
        assert_eq!(d("2026-Q2").last_day(), day(2026, 6, 30));
        assert_eq!(d("2026-winter").last_day(), day(2027, 2, 28));
        assert_eq!(d("2028-02").last_day(), day(2028, 2, 29));
    }

    #[test]
    fn end_before_start_is_refused() {
        let err = When::new(d("2030"), Some(d("2026")), false).unwrap_err();
        assert!(err.contains("before start"), "{err}");
        assert!(When::new(d("2026"), Some(d("2026")), false).is_ok());
    }

    #[test]
    fn status_on_chosen_days() {
        let fund = When::new(d("2026"), Some(d("2030")), false).unwrap();
        assert_eq!(fund.status(day(2025, 12, 31)), Status::Upcoming);
        assert_eq!(fund.status(day(2026, 1, 1)), Status::InWindow);
        assert_eq!(fund.status(day(2030, 12, 31)), Status::InWindow);
        assert_eq!(fund.status(day(2031, 1, 1)), Status::WindowPassed);
        let pilot = When::Point(d("2026-Q2"));
        assert_eq!(pilot.status(day(2026, 3, 31)), Status::Upcoming);
        assert_eq!(pilot.status(day(2026, 5, 15)), Status::InWindow);
        assert_eq!(pilot.status(day(2026, 7, 1)), Status::WindowPassed);
        let ongoing = When::Ongoing(d("2025-10"));
        assert_eq!(ongoing.status(day(2040, 1, 1)), Status::InWindow);
    }

    #[test]
    fn chronological_order() {
        let mut items = [
            When::Point(d("2026-Q2")),
            When::new(d("2026"), Some(d("2030")), false).unwrap(),
            When::Point(d("2026-spring")),
            When::Ongoing(d("2025-10")),
            When::new(d("2025"), Some(d("2026")), false).unwrap(),
        ];
        items.sort_by(|a, b| a.chronological(*b));
        let labels: Vec<String> = items.iter().map(|w| w.label()).collect();
        assert_eq!(
            labels,
            [
                "2025–2026",
                "From Oct 2025, ongoing",
                "2026–2030",
                "Spring 2026",
                "Q2 2026"
            ]
        );
    }

    #[test]
    fn ordinals_round_trip() {
        assert_eq!(day(2026, 1, 2).ordinal() - day(2026, 1, 1).ordinal(), 1);
        assert_eq!(day(2025, 1, 1).ordinal() - day(2024, 1, 1).ordinal(), 366);
        for d in [
            day(2024, 2, 29),
            day(2024, 12, 31),
            day(2025, 1, 1),
            day(2032, 7, 15),
            day(2000, 3, 1),
        ] {
            assert_eq!(Day::from_ordinal(d.ordinal()), d);
        }
        assert_eq!(
            Day::from_ordinal(day(2024, 12, 31).ordinal() + 1),
            day(2025, 1, 1)
        );
    }
    #[test]
    fn walking_order_is_by_date_with_undated_last() {
        let whens = [
            None,
            Some(When::new(d("2026"), Some(d("2030")), false).unwrap()),
            Some(When::Point(d("2026-Q2"))),
            Some(When::Ongoing(d("2025-10"))),
            None,
        ];
        assert_eq!(chronological(&whens), [3, 1, 2, 0, 4]);
    }
}
