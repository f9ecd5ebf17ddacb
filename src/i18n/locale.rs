//! Reading locale files and formatting with them (feature `render`).

use std::sync::Arc;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::types::{FluentNumber, FluentNumberOptions};
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;
use icu::datetime::fieldsets::{Y, YM, YMD};
use icu::datetime::input::Date as IcuDate;
use icu::datetime::options::YearStyle::NoEra;
use icu::datetime::DateTimeFormatter;
use icu::decimal::options::GroupingStrategy;
use icu::decimal::DecimalFormatter;
use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use unic_langid::LanguageIdentifier;

use super::keys::{self, When as Fill};
use crate::dates::{Date, Precision, Season, When};
use crate::messages::{placeholder, Messages, Template};

/// A problem with a locale file (or a story's override of a key).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file, as given.
    pub file: String,
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1.
    pub column: usize,
    /// The key (message id), when the problem is one key's.
    pub key: String,
    /// What is wrong.
    pub message: String,
}

/// A locale file, read and checked.
pub struct LocaleFile {
    /// Its tag (the file's stem): `en`, `ru`, `ar`...
    pub tag: String,
    /// The file, as named in messages.
    pub file: String,
    resource: Arc<FluentResource>,
}

impl std::fmt::Debug for LocaleFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LocaleFile")
            .field("tag", &self.tag)
            .field("file", &self.file)
            .finish()
    }
}

/// The line and column of a byte offset.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = text.get(..at.min(text.len())).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The variables a pattern refers to.
fn variables<'a>(pattern: &'a ast::Pattern<&'a str>, out: &mut Vec<&'a str>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables<'a>(e: &'a ast::Expression<&'a str>, out: &mut Vec<&'a str>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for v in variants {
                variables(&v.value, out);
            }
        }
        ast::Expression::Inline(i) => inline_variables(i, out),
    }
}

fn inline_variables<'a>(e: &'a ast::InlineExpression<&'a str>, out: &mut Vec<&'a str>) {
    match e {
        ast::InlineExpression::VariableReference { id } => out.push(id.name),
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_variables(a, out);
            }
            for a in &arguments.named {
                inline_variables(&a.value, out);
            }
        }
        _ => {}
    }
}

/// The variables that a pattern's select expressions select on.
fn selectors<'a>(pattern: &'a ast::Pattern<&'a str>, out: &mut Vec<&'a str>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable {
            expression: ast::Expression::Select { selector, variants },
        } = element
        {
            if let ast::InlineExpression::VariableReference { id } = selector {
                out.push(id.name);
            }
            for v in variants {
                selectors(&v.value, out);
            }
        }
    }
}

/// Reads and checks a locale file: Fluent syntax, every key of
/// [`keys::ALL`] and no other, each with only its own variables. Every
/// problem is returned, each naming the file, line, key and locale.
pub fn read(file: &str, tag: &str, text: &str) -> Result<LocaleFile, Vec<Problem>> {
    let mut problems = Vec::new();
    let problem = |at: usize, key: &str, message: String| {
        let (line, column) = line_col(text, at);
        Problem {
            file: file.to_owned(),
            line,
            column,
            key: key.to_owned(),
            message,
        }
    };
    let resource = match FluentResource::try_new(text.to_owned()) {
        Ok(r) => r,
        Err((r, errors)) => {
            for e in errors {
                problems.push(problem(
                    e.pos.start,
                    "",
                    format!("locale {tag}: this is not Fluent syntax ({})", e.kind),
                ));
            }
            r
        }
    };
    let mut seen = Vec::new();
    for entry in resource.entries() {
        let ast::Entry::Message(m) = entry else {
            continue;
        };
        let id = m.id.name;
        let at = text.find(&format!("\n{id} ")).map_or(0, |i| i + 1);
        seen.push(id);
        let Some(key) = keys::get(id) else {
            problems.push(problem(
                at,
                id,
                format!(
                    "locale {tag}: `{id}` is not a key the explainer uses (a typo, or an old key?)"
                ),
            ));
            continue;
        };
        let Some(value) = &m.value else {
            problems.push(problem(at, id, format!("locale {tag}: `{id}` has no text")));
            continue;
        };
        let mut vars = Vec::new();
        variables(value, &mut vars);
        for v in vars {
            if !key.vars.contains(&v) {
                let takes = if key.vars.is_empty() {
                    "no variables".to_owned()
                } else {
                    key.vars
                        .iter()
                        .map(|v| format!("${v}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                problems.push(problem(
                    at,
                    id,
                    format!("locale {tag}: `{id}` uses ${v}, but it takes {takes}"),
                ));
            }
        }
        if key.when == Fill::Runtime {
            let mut on = Vec::new();
            selectors(value, &mut on);
            on.sort_unstable();
            on.dedup();
            if on.len() > 1 {
                problems.push(problem(
                    at,
                    id,
                    format!(
                        "locale {tag}: `{id}` may select on one number only, not on {}",
                        on.join(" and ")
                    ),
                ));
            }
        }
    }
    for key in keys::ALL {
        if !seen.contains(&key.id) {
            problems.push(problem(
                text.len(),
                key.id,
                format!("locale {tag}: the key `{}` is missing", key.id),
            ));
        }
    }
    if problems.is_empty() {
        Ok(LocaleFile {
            tag: tag.to_owned(),
            file: file.to_owned(),
            resource: Arc::new(resource),
        })
    } else {
        Err(problems)
    }
}

/// Which way the edition's text runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    /// Left to right.
    Ltr,
    /// Right to left (`dir="rtl"`).
    Rtl,
}

impl Dir {
    /// The `dir` attribute's value.
    pub fn attr(self) -> &'static str {
        match self {
            Dir::Ltr => "ltr",
            Dir::Rtl => "rtl",
        }
    }
}

/// A piece of a message with slots for markup ([`Locale::rich`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Text.
    Text(String),
    /// The `n`th slot.
    Slot(usize),
}

/// A value for a message's variable.
#[derive(Debug, Clone)]
pub enum Value {
    /// A text.
    Text(String),
    /// A number: it selects plural forms and is written in the locale's digits.
    Num(u32),
}

/// Starts the private-use characters that mark slots while formatting.
const SLOT: u32 = 0xE000;

/// Marks a number as the runtime's (its `currency` option, which decimal
/// style ignores), so the formatter writes a placeholder for it.
const RUNTIME_MARK: &str = "\u{1}runtime:";

/// ICU4X's number formatter, memoized per bundle by Fluent.
struct Digits(DecimalFormatter);

impl intl_memoizer::Memoizable for Digits {
    type Args = ();
    type Error = String;

    fn construct(lang: LanguageIdentifier, _: ()) -> Result<Self, String> {
        let locale: icu::locale::Locale = lang.to_string().parse().map_err(|e| format!("{e:?}"))?;
        DecimalFormatter::try_new(locale.into(), Default::default())
            .map(Digits)
            .map_err(|e| format!("{e:?}"))
    }
}

/// Fluent's number formatting, through ICU4X (the locale's digits and
/// grouping); a number marked as the runtime's becomes its placeholder.
fn format_value(
    v: &FluentValue,
    memo: &intl_memoizer::concurrent::IntlLangMemoizer,
) -> Option<String> {
    let FluentValue::Number(n) = v else {
        return None;
    };
    if let Some(name) = n
        .options
        .currency
        .as_deref()
        .and_then(|c| c.strip_prefix(RUNTIME_MARK))
    {
        return Some(placeholder(name));
    }
    if n.value.fract() != 0.0 || n.value < 0.0 {
        return None;
    }
    memo.with_try_get::<Digits, _, _>((), |d| {
        d.0.format(&fixed_decimal::Decimal::from(n.value as u64))
            .to_string()
    })
    .ok()
}

/// An edition's locale: its words, and its way with dates and numbers.
pub struct Locale {
    /// The locale file's tag.
    pub tag: String,
    /// The story's language tag (`lang`; ICU4X and the browser's `Intl` use it).
    pub lang: String,
    /// Which way its text runs.
    pub dir: Dir,
    bundle: FluentBundle<Arc<FluentResource>>,
    year: DateTimeFormatter<Y>,
    month: DateTimeFormatter<YM>,
    day: DateTimeFormatter<YMD>,
    plain: DecimalFormatter,
    grouped: DecimalFormatter,
    compact: icu::decimal::CompactDecimalFormatter,
    plurals: PluralRules,
}

impl Locale {
    /// The locale of a story in `lang`, from `file`, with the story's own
    /// overrides of keys (`(key, Fluent text)`, checked by the story reader).
    pub fn new(
        file: &LocaleFile,
        lang: &str,
        overrides: &[(String, String)],
    ) -> Result<Locale, String> {
        let langid: LanguageIdentifier = lang
            .parse()
            .map_err(|_| format!("\"{lang}\" is not a language tag"))?;
        let icu_locale: icu::locale::Locale = lang
            .parse()
            .map_err(|_| format!("\"{lang}\" is not a language tag"))?;
        let mut bundle = FluentBundle::new_concurrent(vec![langid.clone()]);
        bundle.set_use_isolating(false);
        bundle.set_formatter(Some(format_value));
        bundle
            .add_resource(file.resource.clone())
            .map_err(|e| format!("{}: {e:?}", file.file))?;
        if !overrides.is_empty() {
            let text: String = overrides
                .iter()
                .map(|(k, v)| format!("{k} = {}\n", v.replace('\n', "\n    ")))
                .collect();
            let resource = FluentResource::try_new(text)
                .map_err(|(_, e)| format!("the story's [strings] are not Fluent: {e:?}"))?;
            bundle.add_resource_overriding(Arc::new(resource));
        }
        let prefs = || icu::datetime::DateTimeFormatterPreferences::from(&icu_locale);
        let digits = || icu::decimal::DecimalFormatterPreferences::from(&icu_locale);
        let err = |e: icu::datetime::DateTimeFormatterLoadError| format!("{lang}: {e:?}");
        let dir_of = icu::locale::LocaleDirectionality::new_common();
        Ok(Locale {
            tag: file.tag.clone(),
            lang: lang.to_owned(),
            dir: if dir_of.is_right_to_left(&icu_locale.id) {
                Dir::Rtl
            } else {
                Dir::Ltr
            },
            // No era: a year before the Common Era is formatted as it is
            // counted, then marked with the locale's `date-bce`.
            year: DateTimeFormatter::try_new(prefs(), Y::long().with_year_style(NoEra))
                .map_err(err)?,
            month: DateTimeFormatter::try_new(prefs(), YM::long().with_year_style(NoEra))
                .map_err(err)?,
            day: DateTimeFormatter::try_new(prefs(), YMD::long().with_year_style(NoEra))
                .map_err(err)?,
            plain: DecimalFormatter::try_new(digits(), GroupingStrategy::Never.into())
                .map_err(|e| format!("{lang}: {e:?}"))?,
            grouped: DecimalFormatter::try_new(digits(), Default::default())
                .map_err(|e| format!("{lang}: {e:?}"))?,
            compact: icu::decimal::CompactDecimalFormatter::try_new_long(
                (&icu_locale).into(),
                Default::default(),
            )
            .map_err(|e| format!("{lang}: {e:?}"))?,
            plurals: PluralRules::create(langid, PluralRuleType::CARDINAL)
                .or_else(|_| {
                    PluralRules::create(unic_langid::langid!("en"), PluralRuleType::CARDINAL)
                })
                .map_err(|e| format!("{lang}: {e}"))?,
            bundle,
        })
    }

    fn args(values: &[(&str, Value)]) -> FluentArgs<'static> {
        let mut args = FluentArgs::new();
        for (name, v) in values {
            match v {
                Value::Text(t) => args.set(name.to_string(), FluentValue::String(t.clone().into())),
                Value::Num(n) => args.set(name.to_string(), FluentValue::from(*n)),
            }
        }
        args
    }

    fn pattern(&self, key: &str, args: &FluentArgs) -> String {
        let Some(pattern) = self.bundle.get_message(key).and_then(|m| m.value()) else {
            return key.to_owned();
        };
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, Some(args), &mut errors)
            .into_owned()
    }

    /// The text of a key that takes no variables.
    pub fn text(&self, key: &str) -> String {
        self.format(key, &[])
    }

    /// The text of `key` with `values`.
    pub fn format(&self, key: &str, values: &[(&str, Value)]) -> String {
        self.pattern(key, &Self::args(values))
    }

    /// The text of `key` cut around `slots` (variables that stand for
    /// markup, such as a name in a `<span>`), with `values` for the others.
    pub fn rich(&self, key: &str, slots: &[&str], values: &[(&str, Value)]) -> Vec<Piece> {
        let mut args = Self::args(values);
        for (i, name) in slots.iter().enumerate() {
            let mark = char::from_u32(SLOT + i as u32).unwrap_or('\u{E000}');
            args.set(
                name.to_string(),
                FluentValue::String(mark.to_string().into()),
            );
        }
        let text = self.pattern(key, &args);
        let mut pieces = Vec::new();
        let mut run = String::new();
        for c in text.chars() {
            let code = c as u32;
            if (SLOT..SLOT + slots.len() as u32).contains(&code) {
                if !run.is_empty() {
                    pieces.push(Piece::Text(std::mem::take(&mut run)));
                }
                pieces.push(Piece::Slot((code - SLOT) as usize));
            } else {
                run.push(c);
            }
        }
        if !run.is_empty() {
            pieces.push(Piece::Text(run));
        }
        pieces
    }

    /// A number in the locale's digits and grouping.
    pub fn number(&self, n: u32) -> String {
        self.grouped
            .format(&fixed_decimal::Decimal::from(n))
            .to_string()
    }

    /// A year as the axis labels it: the locale's digits, no grouping; a
    /// year before the Common Era or in deep time as [`Locale::date`]
    /// writes it ("500 BCE", "2 billion years ago").
    pub fn year_number(&self, year: i64) -> String {
        if year < 1 {
            return self.date(Date {
                year,
                precision: Precision::Year,
            });
        }
        self.plain
            .format(&fixed_decimal::Decimal::from(year))
            .to_string()
    }

    fn icu_date(year: i64, month: u8, day: u8) -> Option<IcuDate<icu::calendar::Gregorian>> {
        IcuDate::try_new_gregorian(i32::try_from(year).ok()?, month, day).ok()
    }

    /// `n` years ago, the locale's way: "13.8 billion years ago", "138億年前"
    /// (its compact long numbers, to four significant digits as TimelineJS
    /// shows them).
    pub fn years_ago(&self, n: i64) -> String {
        let magnitude = i16::try_from(n.max(1).ilog10()).unwrap_or(0);
        let exponent = self.compact.compact_exponent_for_magnitude(magnitude);
        let mut significand = fixed_decimal::Decimal::from(n);
        significand.multiply_pow10(-i16::from(exponent));
        significand.round(magnitude - i16::from(exponent) - 3);
        significand.trim_end();
        let count = self
            .compact
            .format_with_exponent(&significand, exponent)
            .map(|w| w.to_string())
            .unwrap_or_else(|_| {
                self.grouped
                    .format(&fixed_decimal::Decimal::from(n))
                    .to_string()
            });
        self.format("date-years-ago", &[("years", Value::Text(count))])
    }

    /// A date as precise as the story gives it, written the locale's way:
    /// a year, a season, a quarter, a month (its stand-alone form) or a day;
    /// before the Common Era as the locale marks it ("3500 BCE"), and in
    /// deep time in years ago.
    pub fn date(&self, d: Date) -> String {
        if let Some(n) = d.bce() {
            if d.is_deep() {
                return self.years_ago(n);
            }
            let counted = self.date(Date {
                year: n,
                precision: d.precision,
            });
            return self.format("date-bce", &[("date", Value::Text(counted))]);
        }
        let first = d.first_day();
        let year_text = || match Self::icu_date(d.year, 1, 1) {
            Some(date) => self.year.format(&date).to_string(),
            None => d.year.to_string(),
        };
        match d.precision {
            Precision::Year => year_text(),
            Precision::Season(s) => {
                let name = match s {
                    Season::Spring => "spring",
                    Season::Summer => "summer",
                    Season::Autumn => "autumn",
                    Season::Winter => "winter",
                };
                self.format(
                    "date-season",
                    &[
                        ("season", Value::Text(name.to_owned())),
                        ("year", Value::Text(year_text())),
                    ],
                )
            }
            Precision::Quarter(q) => self.format(
                "date-quarter",
                &[
                    ("quarter", Value::Num(u32::from(q))),
                    ("year", Value::Text(year_text())),
                ],
            ),
            Precision::Month(m) => match Self::icu_date(d.year, m, 1) {
                Some(date) => self.month.format(&date).to_string(),
                None => d.code(),
            },
            Precision::Day(m, dd) => match Self::icu_date(first.year, m, dd) {
                Some(date) => self.day.format(&date).to_string(),
                None => d.code(),
            },
        }
    }

    /// A milestone's dates as one text: `2026–2030`, `From October 2025, ongoing`.
    pub fn when(&self, w: When) -> String {
        match w {
            When::Point(a) => self.date(a),
            When::Span(a, b) => self.format(
                "when-span",
                &[
                    ("start", Value::Text(self.date(a))),
                    ("end", Value::Text(self.date(b))),
                ],
            ),
            When::Ongoing(a) => {
                self.format("when-ongoing", &[("start", Value::Text(self.date(a)))])
            }
        }
    }

    /// A milestone's dates cut around their dates, for `<time>` elements:
    /// slot 0 is the start, slot 1 the end.
    pub fn when_pieces(&self, w: When) -> Vec<Piece> {
        match w {
            When::Point(_) => vec![Piece::Slot(0)],
            When::Span(..) => self.rich("when-span", &["start", "end"], &[]),
            When::Ongoing(_) => self.rich("when-ongoing", &["start"], &[]),
        }
    }

    /// A milestone's status line in words.
    pub fn status(&self, line: crate::timeline::layout::StatusLine) -> String {
        use crate::timeline::layout::StatusLine as S;
        let key = line.key();
        match line {
            S::Undated => self.text(key),
            S::Reported(w) | S::Scheduled(w) | S::InWindow(w) | S::Passed(w) => {
                self.format(key, &[("when", Value::Text(self.when(w)))])
            }
            S::Upcoming(w) | S::Ongoing(w) => {
                self.format(key, &[("start", Value::Text(self.date(w.start())))])
            }
        }
    }

    /// The plural categories of whole numbers in this locale, each with the
    /// smallest whole number in it.
    pub fn integer_categories(&self) -> Vec<(&'static str, u32)> {
        let mut out: Vec<(&'static str, u32)> = Vec::new();
        for n in 0..=1000u32 {
            let Ok(c) = self.plurals.select(n) else {
                continue;
            };
            let name = match c {
                PluralCategory::ZERO => "zero",
                PluralCategory::ONE => "one",
                PluralCategory::TWO => "two",
                PluralCategory::FEW => "few",
                PluralCategory::MANY => "many",
                PluralCategory::OTHER => "other",
            };
            if !out.iter().any(|(c, _)| *c == name) {
                out.push((name, n));
            }
        }
        out
    }

    /// The template of the runtime message `key`: its text with a
    /// placeholder for each variable, or one such text per plural category
    /// when it selects on a number.
    pub fn template(&self, key: &str) -> Template {
        let vars = keys::get(key).map_or(&[][..], |k| k.vars);
        let marked = |name: &str, n: u32| {
            let options = FluentNumberOptions {
                currency: Some(format!("{RUNTIME_MARK}{name}")),
                ..FluentNumberOptions::default()
            };
            FluentValue::Number(FluentNumber::new(f64::from(n), options))
        };
        let args_with = |on: Option<(&str, u32)>| {
            let mut args = FluentArgs::new();
            for v in vars {
                let n = match on {
                    Some((name, n)) if name == *v => n,
                    _ => 1,
                };
                args.set(v.to_string(), marked(v, n));
            }
            args
        };
        let on = self.bundle.get_message(key).and_then(|m| {
            let mut on = Vec::new();
            selectors(m.value()?, &mut on);
            on.first().map(|s| s.to_string())
        });
        match on {
            None => Template::Text(self.pattern(key, &args_with(None))),
            Some(on) => Template::Plural {
                forms: self
                    .integer_categories()
                    .into_iter()
                    .map(|(c, n)| (c.to_owned(), self.pattern(key, &args_with(Some((&on, n))))))
                    .collect(),
                on,
            },
        }
    }

    /// What an island that says the messages `keys` needs of the edition
    /// (an island prop).
    pub fn voice(&self, keys: &[&str]) -> crate::words::Voice {
        crate::words::Voice {
            lang: self.lang.clone(),
            messages: self.runtime_messages().only(keys),
        }
    }

    /// What an island that says the messages whose keys `keep` accepts
    /// needs of the edition (an island prop).
    pub fn voice_where(&self, keep: impl Fn(&str) -> bool) -> crate::words::Voice {
        let all = self.runtime_messages();
        crate::words::Voice {
            lang: self.lang.clone(),
            messages: Messages {
                templates: all.templates.into_iter().filter(|(k, _)| keep(k)).collect(),
            },
        }
    }

    /// Every runtime message's template (an island's `Voice` takes those
    /// it says).
    pub fn runtime_messages(&self) -> Messages {
        Messages {
            templates: keys::runtime_ids()
                .map(|k| (k.to_owned(), self.template(k)))
                .collect(),
        }
    }
}

impl crate::story::outline::Words for Locale {
    fn when(&self, when: When) -> String {
        Locale::when(self, when)
    }

    fn status(&self, line: crate::timeline::layout::StatusLine) -> String {
        Locale::status(self, line)
    }

    fn text(&self, key: &str) -> String {
        Locale::text(self, key)
    }

    fn frame_title(&self, part: &str, page: &str) -> String {
        self.format(
            "embed-frame-title",
            &[
                ("part", Value::Text(part.to_owned())),
                ("page", Value::Text(page.to_owned())),
            ],
        )
    }
}

/// The project's English locale, for tests across the crate.
#[cfg(test)]
pub(crate) fn english() -> &'static Locale {
    static EN: std::sync::OnceLock<Locale> = std::sync::OnceLock::new();
    EN.get_or_init(|| {
        let file =
            read("locales/en.ftl", "en", include_str!("../../locales/en.ftl")).expect("en.ftl");
        Locale::new(&file, "en", &[]).expect("the English locale")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::{Numbers, Say};

    fn en() -> Locale {
        let file = read("locales/en.ftl", "en", include_str!("../../locales/en.ftl")).unwrap();
        Locale::new(&file, "en", &[]).unwrap()
    }

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    /// Plural categories and digits natively, for tests (the browser's
    /// `Intl` does this in the runtime).
    struct Native<'a>(&'a Locale);

    impl Numbers for Native<'_> {
        fn category(&self, n: u32) -> String {
            let c = self.0.plurals.select(n).unwrap_or(PluralCategory::OTHER);
            format!("{c:?}").to_lowercase()
        }
        fn format(&self, n: u32) -> String {
            self.0.number(n)
        }
    }

    #[test]
    fn english_dates_read_as_the_story_gives_them() {
        let t = en();
        assert_eq!(t.date(d("2026")), "2026");
        assert_eq!(t.date(d("2026-spring")), "Spring 2026");
        assert_eq!(t.date(d("2026-Q2")), "Q2 2026");
        assert_eq!(t.date(d("2025-10")), "October 2025");
        assert_eq!(t.date(d("2025-10-15")), "October 15, 2025");
        let span = When::new(d("2026"), Some(d("2030")), false).unwrap();
        assert_eq!(t.when(span), "2026–2030");
        assert_eq!(
            t.when(When::Ongoing(d("2025-10"))),
            "From October 2025, ongoing"
        );
        assert_eq!(
            t.when_pieces(span),
            vec![Piece::Slot(0), Piece::Text("–".to_owned()), Piece::Slot(1)]
        );
        assert_eq!(t.dir, Dir::Ltr);
        assert_eq!(t.year_number(2026), "2026");
        assert_eq!(t.number(5000), "5,000");
    }

    #[test]
    fn dates_before_the_common_era_and_in_deep_time_in_each_locale() {
        let load = |tag: &str, text: &str| {
            let file = read(&format!("locales/{tag}.ftl"), tag, text).unwrap();
            Locale::new(&file, tag, &[]).unwrap()
        };
        let cases = [
            (
                load("en", include_str!("../../locales/en.ftl")),
                [
                    "3500 BCE",
                    "13.8 billion years ago",
                    "540 million years ago",
                ],
            ),
            (
                load("ru", include_str!("../../locales/ru.ftl")),
                [
                    "3500 до н. э.",
                    "13,8 миллиарда лет назад",
                    "540 миллионов лет назад",
                ],
            ),
            (
                load("ja", include_str!("../../locales/ja.ftl")),
                ["紀元前3500年", "138億年前", "5.4億年前"],
            ),
        ];
        for (t, [bce, deep, million]) in cases {
            assert_eq!(t.date(d("3500 BCE")), bce, "{}", t.tag);
            assert_eq!(t.date(d("13.8 billion years ago")), deep, "{}", t.tag);
            assert_eq!(t.date(d("540 million years ago")), million, "{}", t.tag);
        }
        let t = en();
        assert_eq!(t.date(d("44-03-15 BCE")), "March 15, 44 BCE");
        assert_eq!(t.year_number(-499), "500 BCE", "an axis tick");
        assert_eq!(
            t.date(d("300 thousand years ago")),
            "300 thousand years ago"
        );
        assert_eq!(t.date(d("0602")), "602");
    }

    #[test]
    fn messages_take_their_values_and_markup_slots() {
        let t = en();
        assert_eq!(t.text("poll-save"), "Save my answers");
        assert_eq!(
            t.format(
                "milestone-source",
                &[("passage", Value::Text("Timeline".into()))]
            ),
            "From the story’s “Timeline” passage."
        );
        assert_eq!(
            t.rich("byline", &["name", "role"], &[]),
            vec![
                Piece::Text("By ".to_owned()),
                Piece::Slot(0),
                Piece::Text(", ".to_owned()),
                Piece::Slot(1)
            ]
        );
    }

    #[test]
    fn runtime_templates_keep_plural_forms_for_the_browser() {
        let t = en();
        let m = t.runtime_messages();
        let nums = Native(&t);
        let say = |n| Say::new("poll-not-saved-many").num("count", n);
        assert_eq!(
            m.format(&say(1), &nums),
            "Your answers were not saved: please fix the problem marked below."
        );
        assert_eq!(
            m.format(&say(3), &nums),
            "Your answers were not saved: please fix the 3 problems marked below."
        );
        let counter = Say::new("poll-counter").num("count", 1234).num("max", 5000);
        assert_eq!(m.format(&counter, &nums), "1,234 / 5,000 characters");
        let shown = Say::new("timeline-sector-shown")
            .text("sector", "Energy")
            .num("shown", 3)
            .num("total", 12);
        assert_eq!(
            m.format(&shown, &nums),
            "Energy shown. Showing 3 of 12 milestones."
        );
        let nested = Say::new("poll-not-saved-one").say("problem", Say::new("poll-error-nothing"));
        assert_eq!(
            m.format(&nested, &nums),
            "Your answers were not saved. Answer at least one question, then save."
        );
        assert!(
            m.template("poll-save").is_none(),
            "build-time keys stay out"
        );
        assert_eq!(t.integer_categories(), vec![("other", 0), ("one", 1)]);
    }

    #[test]
    fn a_locale_file_with_missing_unknown_or_wrong_keys_is_refused_by_name() {
        let good = include_str!("../../locales/en.ftl");
        let broken = good.replace("poll-save = Save my answers\n", "").replace(
            "poll-cancel = Cancel changes",
            "poll-cancel = Cancel { $what }",
        ) + "\npoll-saev = Save\n";
        let problems = read("locales/xx.ftl", "xx", &broken).unwrap_err();
        let said: Vec<String> = problems
            .iter()
            .map(|p| format!("{}:{}: {}: {}", p.file, p.line, p.key, p.message))
            .collect();
        assert!(
            said.iter()
                .any(|s| s.contains(": poll-save: locale xx: the key `poll-save` is missing")),
            "{said:#?}"
        );
        assert!(
            said.iter()
                .any(|s| s.contains("poll-saev: locale xx: `poll-saev` is not a key")),
            "{said:#?}"
        );
        assert!(
            said.iter()
                .any(|s| s.contains("`poll-cancel` uses $what, but it takes no variables")),
            "{said:#?}"
        );
        let syntax = read("locales/xx.ftl", "xx", "poll-save = {\n").unwrap_err();
        assert!(
            syntax[0].message.contains("not Fluent syntax"),
            "{syntax:?}"
        );
        assert_eq!(syntax[0].file, "locales/xx.ftl");
    }

    #[test]
    fn a_story_may_override_a_key() {
        let file = read("locales/en.ftl", "en", include_str!("../../locales/en.ftl")).unwrap();
        let t = Locale::new(
            &file,
            "en",
            &[("poll-save".to_owned(), "Have your say".to_owned())],
        )
        .unwrap();
        assert_eq!(t.text("poll-save"), "Have your say");
        assert_eq!(t.text("poll-cancel"), "Cancel changes");
    }
}
