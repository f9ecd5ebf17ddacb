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
    /// Year, astronomically numbered: 2026 is 2026 CE, 0 is 1 BCE, -3499
    /// is 3500 BCE (the proleptic Gregorian calendar, as ISO 8601 has it).
    pub year: i64,
    /// Month, 1 to 12.
    pub month: u8,
    /// Day of the month, 1 to 31.
    pub day: u8,
}

impl Day {
    /// A day, checked against the calendar.
    pub fn new(year: i64, month: u8, day: u8) -> Option<Day> {
        if (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month) {
            Some(Day { year, month, day })
        } else {
            None
        }
    }

    /// Days since 1 January of year 0 (proleptic Gregorian; negative
    /// before it); for fractions on an axis, from any year to any other.
    pub fn ordinal(self) -> i64 {
        let y = self.year;
        // Leap years in [0, y): every 4th, not every 100th, every 400th.
        let leaps = (y + 3).div_euclid(4) - (y + 99).div_euclid(100) + (y + 399).div_euclid(400);
        let mut days = 365 * y + leaps;
        for m in 1..self.month {
            days += i64::from(days_in_month(self.year, m));
        }
        days + i64::from(self.day) - 1
    }

    /// The day with the given [`Day::ordinal`].
    pub fn from_ordinal(ordinal: i64) -> Day {
        let jan1 = |year| {
            Day {
                year,
                month: 1,
                day: 1,
            }
            .ordinal()
        };
        // 146097 days in 400 years: a guess within a year, then corrected.
        let mut year = ordinal.div_euclid(146_097) * 400 + ordinal.rem_euclid(146_097) / 366;
        while jan1(year + 1) <= ordinal {
            year += 1;
        }
        while jan1(year) > ordinal {
            year -= 1;
        }
        let mut rest = ordinal - jan1(year);
        let mut month = 1;
        while rest >= i64::from(days_in_month(year, month)) {
            rest -= i64::from(days_in_month(year, month));
            month += 1;
        }
        Day {
            year,
            month,
            day: u8::try_from(rest + 1).unwrap_or(1),
        }
    }
}

fn is_leap(year: i64) -> bool {
    (year.rem_euclid(4) == 0 && year.rem_euclid(100) != 0) || year.rem_euclid(400) == 0
}

fn days_in_month(year: i64, month: u8) -> u8 {
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

/// A date as precise as the source gives it: "2026", "Spring 2026", "Q2
/// 2026", "Oct 2025", "3500 BCE", "13.8 billion years ago".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Date {
    /// The year, astronomically numbered (see [`Day::year`]).
    pub year: i64,
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

    /// Before the Common Era: the year as BCE counts it (1 BCE is year 0).
    pub fn bce(self) -> Option<i64> {
        (self.year < 1).then(|| 1 - self.year)
    }

    /// So long ago that it is said in years ago ("13.8 billion years
    /// ago"), not as a year BCE: from [`Date::DEEP`] years BCE.
    pub fn is_deep(self) -> bool {
        self.bce().is_some_and(|n| n >= Self::DEEP)
    }

    /// The first year BCE said in years ago (as TimelineJS does, from a
    /// hundred thousand years).
    pub const DEEP: i64 = 100_000;

    /// A label for readers: "2026", "Spring 2026", "Q2 2026", "Oct 2025",
    /// "15 Oct 2025", "3500 BCE", "13.8 billion years ago".
    pub fn label(self) -> String {
        let (year, era) = match self.bce() {
            Some(n) if self.is_deep() => return format!("{} years ago", ago(n)),
            Some(n) => (n, " BCE"),
            None => (self.year, ""),
        };
        match self.precision {
            Precision::Year => format!("{year}{era}"),
            Precision::Season(s) => format!("{} {year}{era}", s.name()),
            Precision::Quarter(q) => format!("Q{q} {year}{era}"),
            Precision::Month(m) => format!("{} {year}{era}", MONTHS[usize::from(m - 1)]),
            Precision::Day(m, d) => format!("{d} {} {year}{era}", MONTHS[usize::from(m - 1)]),
        }
    }

    /// The date in the story file's syntax (`2026`, `2026-spring`,
    /// `2026-Q2`, `2025-10`, `2025-10-15`, `3500 BCE`, `44-03-15 BCE`),
    /// which [`Date::parse`] reads.
    pub fn code(self) -> String {
        let (year, era) = match self.bce() {
            Some(n) => (n.to_string(), " BCE"),
            None => (format!("{:04}", self.year), ""),
        };
        match self.precision {
            Precision::Year => format!("{year}{era}"),
            Precision::Season(s) => format!("{year}-{}{era}", s.name().to_ascii_lowercase()),
            Precision::Quarter(q) => format!("{year}-Q{q}{era}"),
            Precision::Month(m) => format!("{year}-{m:02}{era}"),
            Precision::Day(m, d) => format!("{year}-{m:02}-{d:02}{era}"),
        }
    }

    /// A valid HTML `<time datetime>` value, where HTML has one: it has no
    /// years before 1 CE. Seasons and quarters have no datetime syntax of
    /// their own, so they give the year, which holds them.
    pub fn datetime(self) -> Option<String> {
        if self.year < 1 {
            return None;
        }
        Some(match self.precision {
            Precision::Year | Precision::Season(_) | Precision::Quarter(_) => {
                format!("{:04}", self.year)
            }
            Precision::Month(m) => format!("{:04}-{:02}", self.year, m),
            Precision::Day(m, d) => format!("{:04}-{:02}-{:02}", self.year, m, d),
        })
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
        format!("\"{text}\" is not a date: write 2026, 2026-spring, 2026-Q2, 2025-10, 2025-10-15, 3500 BCE or 13.8 billion years ago")
    }

    /// Reads the story file's syntax ([`Date::parse`] without the reasons:
    /// what the browser runtime uses, so no message is linked into it).
    pub fn from_code(text: &str) -> Option<Date> {
        let text = text.trim();
        if let Some(count) = text.strip_suffix(" years ago") {
            let n = years(count)?;
            return (n >= 1).then_some(Date {
                year: 1 - n,
                precision: Precision::Year,
            });
        }
        let (text, bce) = match text
            .strip_suffix(" BCE")
            .or_else(|| text.strip_suffix(" BC"))
        {
            Some(rest) => (rest.trim_end(), true),
            None => (text, false),
        };
        let mut parts = text.split('-');
        let year_part = parts.next()?;
        // A year CE in four digits (as ISO 8601 writes them); a year BCE
        // as it is counted, from 1.
        let digits_ok = if bce {
            !year_part.is_empty() && year_part.len() <= 12 && !year_part.starts_with('0')
        } else {
            year_part.len() == 4
        };
        if !digits_ok || !year_part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let counted: i64 = year_part.parse().ok()?;
        let year = if bce { 1 - counted } else { counted };
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

/// The scales "years ago" are counted in, largest first.
const SCALES: [(&str, i64); 3] = [
    ("billion", 1_000_000_000),
    ("million", 1_000_000),
    ("thousand", 1_000),
];

/// A count of years as a story file writes it: `300000`, `300,000`,
/// `300 thousand`, `13.8 billion` (at most 3 decimals).
fn years(text: &str) -> Option<i64> {
    let text = text.trim();
    let (number, scale) = match text.rsplit_once(' ') {
        Some((n, word)) => (n, SCALES.iter().find(|(w, _)| *w == word)?.1),
        None => (text, 1),
    };
    let number: String = number.chars().filter(|c| *c != ',').collect();
    let (whole, fraction) = number.split_once('.').unwrap_or((&number, ""));
    if whole.is_empty()
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || !fraction.bytes().all(|b| b.is_ascii_digit())
        || fraction.len() > 3
        || whole.len() > 12
    {
        return None;
    }
    let mut n = whole.parse::<i64>().ok()?.checked_mul(scale)?;
    let mut unit = scale;
    for digit in fraction.bytes() {
        unit /= 10;
        n = n.checked_add(i64::from(digit - b'0') * unit)?;
    }
    (fraction.is_empty() || scale > 1).then_some(n)
}

/// `n` years in English words, to four significant digits as TimelineJS
/// shows them: `300 thousand`, `13.8 billion`, `538.8 million` (the
/// locales have their own).
pub fn ago(n: i64) -> String {
    for (word, scale) in SCALES {
        if n >= scale {
            // Four significant digits, trailing zeros dropped.
            let digits = n.ilog10() - scale.ilog10() + 1;
            let decimals = 4u32.saturating_sub(digits);
            let unit = scale / 10i64.pow(decimals);
            let rounded = (n + unit / 2) / unit;
            let whole = rounded / 10i64.pow(decimals);
            let mut fraction = format!(
                "{:0width$}",
                rounded % 10i64.pow(decimals),
                width = decimals as usize
            );
            while fraction.ends_with('0') {
                fraction.pop();
            }
            return if fraction.is_empty() {
                format!("{whole} {word}")
            } else {
                format!("{whole}.{fraction} {word}")
            };
        }
    }
    n.to_string()
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

    fn day(y: i64, m: u8, dd: u8) -> Day {
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
        let dt = |s: &str| d(s).datetime();
        assert_eq!(dt("2025-10").as_deref(), Some("2025-10"));
        assert_eq!(dt("2025-10-05").as_deref(), Some("2025-10-05"));
        assert_eq!(dt("2026-Q2").as_deref(), Some("2026"));
        assert_eq!(dt("2026-spring").as_deref(), Some("2026"));
        assert_eq!(dt("0602").as_deref(), Some("0602"));
        // HTML has no year before 1 CE.
        assert_eq!(dt("3500 BCE"), None);
        assert_eq!(dt("13.8 billion years ago"), None);
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

    #[test]
    fn years_before_the_common_era_and_deep_time() {
        // BCE counts from 1: 1 BCE is year 0, 3500 BCE is year -3499.
        assert_eq!(d("1 BCE").year, 0);
        assert_eq!(d("3500 BCE").year, -3499);
        assert_eq!(d("3500 BC"), d("3500 BCE"));
        assert_eq!(d("44-03-15 BCE").precision, Precision::Day(3, 15));
        assert_eq!(d("44-03-15 BCE").label(), "15 Mar 44 BCE");
        assert_eq!(d("3500 BCE").label(), "3500 BCE");
        // From a hundred thousand years, years ago, as TimelineJS says them.
        assert_eq!(d("99999 BCE").label(), "99999 BCE");
        assert!(!d("99999 BCE").is_deep() && d("100000 BCE").is_deep());
        let big_bang = d("13.8 billion years ago");
        assert_eq!(big_bang.year, 1 - 13_800_000_000);
        assert_eq!(big_bang, d("13800000000 BCE"));
        assert_eq!(big_bang.label(), "13.8 billion years ago");
        assert_eq!(d("13799630000 BCE").label(), "13.8 billion years ago");
        assert_eq!(d("540 million years ago").label(), "540 million years ago");
        assert_eq!(d("300,000 years ago").label(), "300 thousand years ago");
        assert_eq!(d("315 thousand years ago").code(), "315000 BCE");
        for bad in [
            "0 BCE",
            "0500 BCE",
            "-500",
            "13.8 billions years ago",
            "1.2345 million years ago",
            "x BCE",
        ] {
            assert!(Date::parse(bad).is_err(), "{bad} refused");
        }
        // Codes round-trip, and order runs through year 0.
        for text in [
            "3500 BCE",
            "44-03-15 BCE",
            "800-spring BCE",
            "13800000000 BCE",
        ] {
            assert_eq!(d(text).code(), text);
            assert_eq!(Date::from_code(&d(text).code()), Some(d(text)));
        }
        let span = When::new(d("300 BCE"), Some(d("0100")), false).unwrap();
        assert_eq!(When::from_code(&span.code()), Some(span));
        assert!(When::new(d("100 BCE"), Some(d("300 BCE")), false).is_err());
        assert!(d("1 BCE").last_day() < d("0001").first_day());
    }

    #[test]
    fn ordinals_run_through_year_zero_and_deep_time() {
        assert_eq!(day(1, 1, 1).ordinal() - day(0, 12, 31).ordinal(), 1);
        assert_eq!(day(0, 1, 1).ordinal(), 0);
        assert_eq!(
            day(1, 1, 1).ordinal() - day(0, 1, 1).ordinal(),
            366,
            "year 0 is leap"
        );
        assert_eq!(
            day(-3, 1, 1).ordinal() - day(-4, 1, 1).ordinal(),
            366,
            "so is -4"
        );
        assert_eq!(day(-2, 1, 1).ordinal() - day(-3, 1, 1).ordinal(), 365);
        for d in [
            day(0, 2, 29),
            day(-1, 12, 31),
            day(-3499, 6, 1),
            day(-13_799_999_999, 1, 1),
            day(1990, 4, 24),
        ] {
            assert_eq!(Day::from_ordinal(d.ordinal()), d, "{d:?}");
        }
    }

    #[test]
    fn years_ago_in_english_keep_four_significant_digits() {
        assert_eq!(ago(13_800_000_000), "13.8 billion");
        assert_eq!(ago(4_600_000_000), "4.6 billion");
        assert_eq!(ago(538_800_000), "538.8 million");
        assert_eq!(ago(251_902_000), "251.9 million");
        assert_eq!(ago(1_000_000_000), "1 billion");
        assert_eq!(ago(300_000), "300 thousand");
        assert_eq!(ago(999), "999");
    }
}
