//! TimelineJS's two inputs read into one plain shape: its JSON (`title`,
//! `events`, `eras`) and its spreadsheet template exported as CSV (one row
//! a slide; `Type` says `title` or `era`). Malformed input is refused with
//! a message naming the event or the row; nothing is guessed.

use std::collections::BTreeMap;

use serde_json::Value;

/// A TimelineJS timeline.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Timeline {
    /// The title slide.
    pub title: Option<Slide>,
    /// The events, in the input's order.
    pub events: Vec<Slide>,
    /// The eras, in the input's order.
    pub eras: Vec<Era>,
    /// What the input has that no slide carries, one line each
    /// (spreadsheet columns the template does not have, a `scale`).
    pub notes: Vec<String>,
}

/// A date as TimelineJS takes it: a year (any, signed) and optionally a
/// month, a day and a time.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct TlDate {
    /// The year (negative before the Common Era, as TimelineJS writes them).
    pub year: i64,
    /// Month, 1 to 12.
    pub month: Option<u8>,
    /// Day of the month.
    pub day: Option<u8>,
    /// Hour and minute, when given.
    pub time: Option<(u8, u8)>,
    /// The date's own words (`display_date` inside a date).
    pub display: Option<String>,
}

/// A slide: the title or an event.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Slide {
    /// Where it is in the input, for messages: `events[3]`, `row 5`.
    pub at: String,
    /// Start date.
    pub start: Option<TlDate>,
    /// End date.
    pub end: Option<TlDate>,
    /// The words shown for its dates.
    pub display_date: Option<String>,
    /// Headline (HTML).
    pub headline: String,
    /// Text (HTML).
    pub text: String,
    /// Its media.
    pub media: Option<Media>,
    /// Its group.
    pub group: Option<String>,
    /// It has a background (a colour or a picture).
    pub background: bool,
    /// TimelineJS's id for it.
    pub unique_id: Option<String>,
    /// The spreadsheet's `Type`, when it is neither `title` nor `era`.
    pub kind: Option<String>,
}

/// A slide's media.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Media {
    /// Address or file (or, in TimelineJS, HTML such as a quote).
    pub url: String,
    /// Caption (HTML).
    pub caption: String,
    /// Credit (HTML).
    pub credit: String,
    /// Alt text, when TimelineJS's JSON has one.
    pub alt: Option<String>,
    /// Thumbnail address.
    pub thumbnail: Option<String>,
}

/// An era: a labelled period.
#[derive(Debug, Clone, PartialEq)]
pub struct Era {
    /// Where it is in the input.
    pub at: String,
    /// Start.
    pub start: TlDate,
    /// End.
    pub end: TlDate,
    /// Its label (HTML).
    pub headline: String,
}

/// Reads TimelineJS's JSON.
pub fn read_json(text: &str) -> Result<Timeline, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        format!(
            "not TimelineJS's JSON: {e} (line {}, column {})",
            e.line(),
            e.column()
        )
    })?;
    let object = value
        .as_object()
        .ok_or("not TimelineJS's JSON: expected an object with `events`")?;
    let events = object
        .get("events")
        .and_then(Value::as_array)
        .ok_or("not TimelineJS's JSON: it has no `events` list")?;
    let mut timeline = Timeline {
        title: object
            .get("title")
            .map(|t| json_slide(t, "title"))
            .transpose()?,
        ..Timeline::default()
    };
    for (i, e) in events.iter().enumerate() {
        timeline
            .events
            .push(json_slide(e, &format!("events[{i}]"))?);
    }
    for (i, e) in object
        .get("eras")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
    {
        let at = format!("eras[{i}]");
        let slide = json_slide(e, &at)?;
        let (Some(start), Some(end)) = (slide.start, slide.end) else {
            return Err(format!("{at}: an era needs a start_date and an end_date"));
        };
        timeline.eras.push(Era {
            at,
            start,
            end,
            headline: slide.headline,
        });
    }
    if let Some(scale) = object.get("scale").and_then(Value::as_str) {
        timeline.notes.push(format!(
            "scale \"{scale}\": not needed here (the axis fits any span of years)"
        ));
    }
    Ok(timeline)
}

/// A string or a number, as text (TimelineJS takes both).
fn scalar(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn json_slide(v: &Value, at: &str) -> Result<Slide, String> {
    let text = v.get("text");
    let field = |name: &str| scalar(text.and_then(|t| t.get(name))).unwrap_or_default();
    let media = v.get("media").and_then(|m| {
        let url = scalar(m.get("url"))?;
        Some(Media {
            url,
            caption: scalar(m.get("caption")).unwrap_or_default(),
            credit: scalar(m.get("credit")).unwrap_or_default(),
            alt: scalar(m.get("alt")),
            thumbnail: scalar(m.get("thumbnail")),
        })
    });
    let background = v
        .get("background")
        .is_some_and(|b| ["url", "color"].iter().any(|k| scalar(b.get(*k)).is_some()));
    Ok(Slide {
        at: at.to_owned(),
        start: json_date(v.get("start_date"), &format!("{at}.start_date"))?,
        end: json_date(v.get("end_date"), &format!("{at}.end_date"))?,
        display_date: scalar(v.get("display_date")),
        headline: field("headline"),
        text: field("text"),
        media,
        group: scalar(v.get("group")),
        background,
        unique_id: scalar(v.get("unique_id")),
        kind: None,
    })
}

fn json_date(v: Option<&Value>, at: &str) -> Result<Option<TlDate>, String> {
    let Some(v) = v.filter(|v| !v.is_null()) else {
        return Ok(None);
    };
    let part = |name: &str| scalar(v.get(name));
    let Some(year) = part("year") else {
        return Err(format!("{at}: a date needs a year"));
    };
    let time = match part("hour") {
        Some(h) => Some((
            small(&h, &format!("{at}.hour"), 0, 23)?,
            part("minute")
                .map(|m| small(&m, &format!("{at}.minute"), 0, 59))
                .transpose()?
                .unwrap_or(0),
        )),
        None => None,
    };
    Ok(Some(TlDate {
        year: year_number(&year, &format!("{at}.year"))?,
        month: part("month")
            .map(|m| small(&m, &format!("{at}.month"), 1, 12))
            .transpose()?,
        day: part("day")
            .map(|d| small(&d, &format!("{at}.day"), 1, 31))
            .transpose()?,
        time,
        display: part("display_date"),
    }))
}

fn year_number(text: &str, at: &str) -> Result<i64, String> {
    let cleaned: String = text.chars().filter(|c| *c != ',' && *c != ' ').collect();
    cleaned
        .parse::<i64>()
        .ok()
        .or_else(|| {
            // A year TimelineJS got as a float ("1901.0").
            let f: f64 = cleaned.parse().ok()?;
            (f.fract() == 0.0 && f.abs() < 1e15).then_some(f as i64)
        })
        .ok_or_else(|| format!("{at}: \"{text}\" is not a year"))
}

fn small(text: &str, at: &str, low: u8, high: u8) -> Result<u8, String> {
    text.parse::<f64>()
        .ok()
        .filter(|n| n.fract() == 0.0 && *n >= f64::from(low) && *n <= f64::from(high))
        .map(|n| n as u8)
        .ok_or_else(|| format!("{at}: \"{text}\" is not a number from {low} to {high}"))
}

/// The spreadsheet template's columns, as TimelineJS names them.
pub const COLUMNS: [&str; 18] = [
    "Year",
    "Month",
    "Day",
    "Time",
    "End Year",
    "End Month",
    "End Day",
    "End Time",
    "Display Date",
    "Headline",
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Media Thumbnail",
    "Type",
    "Group",
    "Background",
];

/// The columns without which a sheet is not TimelineJS's template.
const REQUIRED: [&str; 3] = ["Year", "Headline", "Text"];

/// Reads TimelineJS's spreadsheet template, exported as CSV.
pub fn read_csv(text: &str) -> Result<Timeline, String> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| format!("not a CSV file: {e}"))?
        .clone();
    let mut index = BTreeMap::new();
    let mut unknown = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        let h = h.trim();
        match COLUMNS.iter().find(|c| c.eq_ignore_ascii_case(h)) {
            Some(c) => {
                index.entry(*c).or_insert(i);
            }
            None if h.is_empty() => {}
            None => unknown.push(h.to_owned()),
        }
    }
    let missing: Vec<&str> = REQUIRED
        .iter()
        .copied()
        .filter(|c| !index.contains_key(c))
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "not TimelineJS's spreadsheet template: its first row lacks the column{} {} (the template's columns: {})",
            if missing.len() == 1 { "" } else { "s" },
            missing.join(", "),
            COLUMNS.join(", ")
        ));
    }
    let mut timeline = Timeline::default();
    if !unknown.is_empty() {
        timeline.notes.push(format!(
            "columns the template does not have, left out: {}",
            unknown.join(", ")
        ));
    }
    for (i, record) in reader.records().enumerate() {
        let row = i + 2;
        let record = record.map_err(|e| format!("row {row}: {e}"))?;
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let cell = |name: &str| {
            index
                .get(name)
                .and_then(|&k| record.get(k))
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(str::to_owned)
        };
        let at = format!("row {row}");
        let date =
            |year: &str, month: &str, day: &str, time: &str| -> Result<Option<TlDate>, String> {
                let Some(y) = cell(year) else {
                    if let Some(other) = [month, day, time].into_iter().find(|c| cell(c).is_some())
                    {
                        return Err(format!("{at}: {other} is given without {year}"));
                    }
                    return Ok(None);
                };
                Ok(Some(TlDate {
                    year: year_number(&y, &format!("{at}: {year}"))?,
                    month: cell(month)
                        .map(|m| small(&m, &format!("{at}: {month}"), 1, 12))
                        .transpose()?,
                    day: cell(day)
                        .map(|d| small(&d, &format!("{at}: {day}"), 1, 31))
                        .transpose()?,
                    time: cell(time)
                        .map(|t| time_of_day(&t, &format!("{at}: {time}")))
                        .transpose()?,
                    display: None,
                }))
            };
        let media = cell("Media").map(|url| Media {
            url,
            caption: cell("Media Caption").unwrap_or_default(),
            credit: cell("Media Credit").unwrap_or_default(),
            alt: None,
            thumbnail: cell("Media Thumbnail"),
        });
        let slide = Slide {
            at: at.clone(),
            start: date("Year", "Month", "Day", "Time")?,
            end: date("End Year", "End Month", "End Day", "End Time")?,
            display_date: cell("Display Date"),
            headline: cell("Headline").unwrap_or_default(),
            text: cell("Text").unwrap_or_default(),
            media,
            group: cell("Group"),
            background: cell("Background").is_some(),
            unique_id: None,
            kind: None,
        };
        match cell("Type").as_deref() {
            Some("title") if timeline.title.is_none() => timeline.title = Some(slide),
            Some("era") => {
                let (Some(start), Some(end)) = (slide.start, slide.end) else {
                    return Err(format!("{at}: an era needs a Year and an End Year"));
                };
                timeline.eras.push(Era {
                    at,
                    start,
                    end,
                    headline: slide.headline,
                });
            }
            kind => timeline.events.push(Slide {
                kind: kind.map(str::to_owned),
                ..slide
            }),
        }
    }
    Ok(timeline)
}

/// "14:30", "2:30 PM", "9 am" as hour and minute.
fn time_of_day(text: &str, at: &str) -> Result<(u8, u8), String> {
    let lower = text.to_ascii_lowercase();
    let (clock, shift) = if let Some(c) = lower.strip_suffix("pm") {
        (c.trim(), Some(12))
    } else if let Some(c) = lower.strip_suffix("am") {
        (c.trim(), Some(0))
    } else {
        (lower.trim(), None)
    };
    let mut parts = clock.split(':');
    let hour: Option<u8> = parts.next().and_then(|h| h.trim().parse().ok());
    let minute: Option<u8> = parts.next().map_or(Some(0), |m| m.trim().parse().ok());
    let valid = |h: u8, m: u8| {
        let h = match shift {
            Some(s) if (1..=12).contains(&h) => h % 12 + s,
            Some(_) => return None,
            None => h,
        };
        (h < 24 && m < 60).then_some((h, m))
    };
    hour.zip(minute)
        .and_then(|(h, m)| valid(h, m))
        .ok_or_else(|| format!("{at}: \"{text}\" is not a time of day"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_of_day_read_both_clocks() {
        assert_eq!(time_of_day("14:30", "t"), Ok((14, 30)));
        assert_eq!(time_of_day("2:30 PM", "t"), Ok((14, 30)));
        assert_eq!(time_of_day("12 am", "t"), Ok((0, 0)));
        assert!(time_of_day("25:00", "row 3: Time")
            .unwrap_err()
            .contains("row 3: Time"));
    }

    #[test]
    fn not_json_or_no_events_is_said() {
        assert!(read_json("Year,Headline")
            .unwrap_err()
            .starts_with("not TimelineJS's JSON"));
        assert!(read_json("{\"title\": {}}")
            .unwrap_err()
            .contains("no `events`"));
        let e = read_json(r#"{"events": [{"start_date": {"month": "3"}}]}"#).unwrap_err();
        assert_eq!(e, "events[0].start_date: a date needs a year");
    }

    #[test]
    fn a_sheet_without_the_template_columns_is_refused() {
        let e = read_csv("Date,Title\n1990,A\n").unwrap_err();
        assert!(e.contains("lacks the columns Year, Headline, Text"), "{e}");
        let e = read_csv("Year,Month,Headline,Text\n1990,13,A,\n").unwrap_err();
        assert!(e.contains("row 2: Month: \"13\""), "{e}");
    }
}
