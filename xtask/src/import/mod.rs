//! `cargo xtask import FILE`: a TimelineJS timeline as a story file.
//!
//! Reads TimelineJS's JSON or its spreadsheet template exported as CSV
//! ([`timelinejs`]), and writes `content/<slug>.toml`: the title slide as
//! the headline and standfirst, each event as a milestone (its dates at the
//! precision given, a time of day as its note, `display_date` as the words
//! for its dates, its headline and text, HTML turned into the story's own
//! formatting by [`html`]), groups as sectors, media found next to the
//! input as pictures. Nothing is fetched: remote media is listed, in the
//! output and as a comment beside its milestone, as a picture to download
//! and describe. What has no equivalent is said in one line each.
//!
//! The same input gives the same file (slugs from ids or headlines, the
//! input's order), and the file is checked with the story reader before it
//! is written: an import that would not build writes nothing.

pub mod html;
pub mod timelinejs;

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use explainer::dates::{Date, Day, Precision, When};
use unicode_normalization::UnicodeNormalization;

use crate::util::Result;
use timelinejs::{Timeline, TlDate};

/// What the command was asked.
pub struct Settings {
    /// The story's slug (else one made from the headline).
    pub slug: Option<String>,
    /// The story's language (BCP 47).
    pub language: String,
    /// The content folder written to.
    pub content: PathBuf,
    /// Overwrite an existing story file.
    pub force: bool,
    /// The timeline's heading, in the story's language (the locale's
    /// `timeline-heading`: TimelineJS has none).
    pub heading: String,
}

/// An import, before anything is written.
#[derive(Debug)]
pub struct Import {
    /// The story's slug.
    pub slug: String,
    /// The story file.
    pub toml: String,
    /// Pictures to copy: the input's file, and its name in the story's folder.
    pub pictures: Vec<(PathBuf, String)>,
    /// The summary: one line each.
    pub report: Vec<String>,
    /// How many events became milestones.
    pub events: usize,
}

/// Runs the command: reads `input`, writes the story, prints the summary.
pub fn command(input: &Path, settings: &Settings, cache: &Path) -> Result {
    let text =
        fs::read_to_string(input).map_err(|e| format!("cannot read {}: {e}", input.display()))?;
    let name = input.file_name().map_or_else(
        || input.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let dir = input
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let import = convert(&name, &text, Some(dir), settings, Some(cache))
        .map_err(|e| format!("{name}: {e}"))?;
    let file = settings.content.join(format!("{}.toml", import.slug));
    if file.exists() && !settings.force {
        return Err(format!(
            "{} exists: import again with --force to replace it",
            file.display()
        ));
    }
    fs::create_dir_all(&settings.content)
        .map_err(|e| format!("cannot create {}: {e}", settings.content.display()))?;
    for (from, to) in &import.pictures {
        let target = settings.content.join(to);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        fs::copy(from, &target).map_err(|e| {
            format!(
                "cannot copy {} to {}: {e}",
                from.display(),
                target.display()
            )
        })?;
    }
    fs::write(&file, &import.toml).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
    println!(
        "import: {name}: {} event{} → {} (slug {})",
        import.events,
        if import.events == 1 { "" } else { "s" },
        file.display(),
        import.slug
    );
    for line in &import.report {
        println!("  {line}");
    }
    println!("  check it: cargo xtask serve, then open /{}/", import.slug);
    Ok(())
}

/// Converts a TimelineJS input named `name` (a `.csv` is the spreadsheet,
/// anything else JSON) into a story; `dir` is where its local media are,
/// `cache` where pictures are prepared (a local picture is checked there).
pub fn convert(
    name: &str,
    text: &str,
    dir: Option<&Path>,
    settings: &Settings,
    cache: Option<&Path>,
) -> std::result::Result<Import, String> {
    let is_csv = Path::new(name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let timeline = if is_csv {
        timelinejs::read_csv(text)?
    } else {
        timelinejs::read_json(text)?
    };
    Converter::new(name, settings, dir, cache).run(&timeline)
}

struct Converter<'a> {
    name: &'a str,
    settings: &'a Settings,
    dir: Option<&'a Path>,
    cache: Option<&'a Path>,
    report: Vec<String>,
    dropped: BTreeMap<String, usize>,
    unlinked: usize,
    bare: usize,
}

/// A milestone, ready to write.
struct Entry {
    slug: String,
    title: String,
    sector: Option<String>,
    start: String,
    end: Option<String>,
    display_date: Option<String>,
    summary: Option<String>,
    note: Option<String>,
    picture: Option<String>,
    comments: Vec<String>,
}

/// The name `path` gets in the story's folder: its own, or with `-2`,
/// `-3`… before the extension when another file of the input has it
/// (`a/photo.jpg` and `b/photo.jpg`); the same file keeps one name.
fn story_file(path: &Path, files: &mut Vec<(PathBuf, String)>) -> String {
    if let Some((_, name)) = files.iter().find(|(p, _)| p == path) {
        return name.clone();
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let ext = path
        .extension()
        .map(|e| format!(".{}", e.to_string_lossy()))
        .unwrap_or_default();
    let mut name = format!("{stem}{ext}");
    let mut n = 1;
    while files
        .iter()
        .any(|(_, taken)| taken.eq_ignore_ascii_case(&name))
    {
        n += 1;
        name = format!("{stem}-{n}{ext}");
    }
    files.push((path.to_path_buf(), name.clone()));
    name
}

/// A picture, ready to write.
struct Picture {
    slug: String,
    file: String,
    alt: String,
    caption: Option<String>,
    credit: Option<String>,
}

impl<'a> Converter<'a> {
    fn new(
        name: &'a str,
        settings: &'a Settings,
        dir: Option<&'a Path>,
        cache: Option<&'a Path>,
    ) -> Self {
        Converter {
            name,
            settings,
            dir,
            cache,
            report: Vec::new(),
            dropped: BTreeMap::new(),
            unlinked: 0,
            bare: 0,
        }
    }

    /// Converts one HTML text, counting what it loses.
    fn html(&mut self, text: &str) -> html::Converted {
        let c = html::convert(text);
        for tag in &c.dropped {
            *self.dropped.entry(tag.clone()).or_default() += 1;
        }
        self.unlinked += c.unlinked.len();
        self.bare += c.bare_addresses;
        c
    }

    fn run(mut self, tl: &Timeline) -> std::result::Result<Import, String> {
        let title = tl
            .title
            .as_ref()
            .ok_or("the timeline has no title slide (TimelineJS's `title`, or a row of Type `title`): its headline becomes the story's")?;
        let headline = self.html(&title.headline).plain;
        if headline.is_empty() {
            return Err(format!("{}: the title slide has no headline", title.at));
        }
        let standfirst = self.html(&title.text).plain;
        if standfirst.is_empty() {
            return Err(format!(
                "{}: the title slide has no text: it becomes the story's standfirst",
                title.at
            ));
        }
        if tl.events.is_empty() {
            return Err("the timeline has no events".into());
        }
        let story_slug = match &self.settings.slug {
            Some(s) => s.clone(),
            None => {
                let s = slugify(&headline, 48);
                if s.is_empty() {
                    return Err(
                        "no slug can be made from the headline's letters: give one with --slug"
                            .into(),
                    );
                }
                s
            }
        };
        let language = &self.settings.language;

        // Dates first: every malformed one is a message, before anything else.
        let mut dated = Vec::new();
        for e in &tl.events {
            let plain = self.html(&e.headline).plain;
            if plain.is_empty() {
                return Err(format!("{}: the event has no headline", e.at));
            }
            let named = format!("{} (\"{plain}\")", e.at);
            let start = e
                .start
                .as_ref()
                .ok_or_else(|| format!("{named}: the event has no start date"))?;
            let start_date = date(start).map_err(|m| format!("{named}: start: {m}"))?;
            let end_date = e
                .end
                .as_ref()
                .map(|end| date(end).map_err(|m| format!("{named}: end: {m}")))
                .transpose()?
                .filter(|end| *end != start_date);
            When::new(start_date, end_date, false).map_err(|m| format!("{named}: {m}"))?;
            let group = e.group.as_ref().map(|g| self.html(g).plain);
            dated.push((start_date, end_date, plain, group));
        }

        // Eras: labelled periods, bands along the axis.
        let mut era_slugs = HashMap::new();
        let mut eras = Vec::new();
        for era in &tl.eras {
            let label = self.html(&era.headline).plain;
            if label.is_empty() {
                return Err(format!("{}: the era has no headline", era.at));
            }
            let named = format!("{} (\"{label}\")", era.at);
            let start = date(&era.start).map_err(|m| format!("{named}: start: {m}"))?;
            let end = date(&era.end).map_err(|m| format!("{named}: end: {m}"))?;
            When::new(start, Some(end), false).map_err(|m| format!("{named}: {m}"))?;
            let base = slugify(&label, 56);
            let slug = unique_or(base, || format!("era-{}", eras.len() + 1), &mut era_slugs);
            eras.push((slug, label, start.code(), end.code()));
        }
        if !eras.is_empty() {
            self.report
                .push(format!("eras: {} (bands along the axis)", eras.len()));
        }

        // Sectors from groups, in the order TimelineJS shows its bands: by
        // first appearance among the events sorted by start (stably).
        let mut by_start: Vec<usize> = (0..tl.events.len()).collect();
        by_start.sort_by_key(|&i| dated[i].0.first_day());
        let mut sectors: Vec<(String, String)> = Vec::new();
        let mut sector_slugs = HashMap::new();
        for &i in &by_start {
            if let Some(label) = dated[i].3.clone() {
                if label.is_empty() || sectors.iter().any(|(_, l)| *l == label) {
                    continue;
                }
                let base = slugify(&label, 40);
                let slug = unique_or(
                    base,
                    || format!("group-{}", sectors.len() + 1),
                    &mut sector_slugs,
                );
                sectors.push((slug, label));
            }
        }
        let ungrouped = tl.events.iter().filter(|e| e.group.is_none()).count();
        if !sectors.is_empty() {
            let labels: Vec<&str> = sectors.iter().map(|(_, l)| l.as_str()).collect();
            self.report.push(format!(
                "groups → sectors: {}{}",
                labels.join(", "),
                if ungrouped > 0 {
                    format!("; {ungrouped} events in none (never filtered out)")
                } else {
                    String::new()
                }
            ));
        }

        let mut slugs = HashMap::new();
        let mut entries = Vec::new();
        let mut pictures: Vec<Picture> = Vec::new();
        // Each input file's name in the story's folder.
        let mut files: Vec<(PathBuf, String)> = Vec::new();
        let mut copies = Vec::new();
        let mut remote = Vec::new();
        let mut times = 0;
        let mut backgrounds = usize::from(title.background);
        let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
        let mut own_display = 0;
        for (e, (start, end, title_text, group)) in tl.events.iter().zip(&dated) {
            let base = e
                .unique_id
                .as_deref()
                .map(|id| slugify(id, 56))
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| slugify(title_text, 56));
            let slug = unique_or(base, || format!("event-{}", entries.len() + 1), &mut slugs);
            let sector = group.as_ref().and_then(|label| {
                sectors
                    .iter()
                    .find(|(_, l)| l == label)
                    .map(|(s, _)| s.clone())
            });
            let summary = Some(self.html(&e.text).text).filter(|t| !t.is_empty());
            let start_time = e
                .start
                .as_ref()
                .and_then(|d| d.time)
                .filter(|t| *t != (0, 0));
            let end_time = e.end.as_ref().and_then(|d| d.time).filter(|t| *t != (0, 0));
            let note = match (start_time, end_time) {
                (Some(a), Some(b)) => Some(format!("{} – {}", clock(a), clock(b))),
                (Some(a), None) => Some(clock(a)),
                (None, Some(b)) => Some(format!("– {}", clock(b))),
                (None, None) => None,
            };
            times += usize::from(note.is_some());
            let display_date = e.display_date.clone().or_else(|| {
                let own = e.start.as_ref().and_then(|d| d.display.clone())?;
                (end.is_none()).then_some(own)
            });
            if e.display_date.is_none()
                && (e.start.as_ref().is_some_and(|d| d.display.is_some()) && end.is_some()
                    || e.end.as_ref().is_some_and(|d| d.display.is_some()))
            {
                own_display += 1;
            }
            let display_date = display_date
                .map(|d| html::convert(&d).plain)
                .filter(|d| !d.is_empty());
            backgrounds += usize::from(e.background);
            if let Some(kind) = &e.kind {
                *kinds.entry(kind.clone()).or_default() += 1;
            }
            let mut comments = vec![format!("TimelineJS: {}", e.at)];
            let mut picture = None;
            if let Some(media) = &e.media {
                let caption = self.html(&media.caption);
                let credit = self.html(&media.credit);
                match self.local_file(&media.url) {
                    Some(Ok(path)) => {
                        let file_name = story_file(&path, &mut files);
                        let picture_slug = unique(format!("{slug}-picture"), &mut slugs);
                        let alt = media
                            .alt
                            .as_deref()
                            .map(|a| html::convert(a).plain)
                            .filter(|a| !a.is_empty())
                            .unwrap_or_else(|| {
                                if caption.plain.is_empty() {
                                    title_text.clone()
                                } else {
                                    caption.plain.clone()
                                }
                            });
                        let file = format!("{story_slug}/{file_name}");
                        if !copies.iter().any(|(from, _)| *from == path) {
                            copies.push((path, file.clone()));
                        }
                        pictures.push(Picture {
                            slug: picture_slug.clone(),
                            file,
                            alt,
                            caption: Some(caption.text).filter(|c| !c.is_empty()),
                            credit: Some(credit.plain).filter(|c| !c.is_empty()),
                        });
                        picture = Some(picture_slug);
                    }
                    found => {
                        let why = match found {
                            Some(Err(why)) => format!(" ({why})"),
                            _ => String::new(),
                        };
                        let what = if media.url.trim_start().starts_with('<') {
                            "Media given as HTML, not carried over".to_owned()
                        } else {
                            format!(
                                "Media to download and describe (not fetched): {}{why}",
                                media.url
                            )
                        };
                        comments.push(what);
                        if !credit.plain.is_empty() {
                            comments.push(format!("  credit: {}", credit.plain));
                        }
                        if !caption.plain.is_empty() {
                            comments.push(format!("  caption: {}", caption.plain));
                        }
                        remote.push(format!(
                            "{} \"{}\": {}",
                            e.at,
                            title_text,
                            one_line(&media.url, 100)
                        ));
                    }
                }
            }
            entries.push(Entry {
                slug,
                title: title_text.clone(),
                sector,
                start: start.code(),
                end: end.map(Date::code),
                display_date,
                summary,
                note,
                picture,
                comments,
            });
        }

        if !remote.is_empty() {
            self.report.push(format!(
                "media: {} to download and describe, not fetched (listed as comments beside their milestones; put a file next to the input and import again to make it a picture):",
                remote.len()
            ));
            for r in &remote {
                self.report.push(format!("  {r}"));
            }
        }
        if !pictures.is_empty() {
            self.report.push(format!(
                "pictures: {} from files next to the input; their alt text is the caption: review it (say what each shows)",
                pictures.len()
            ));
        }
        if tl.title.as_ref().is_some_and(|t| t.media.is_some()) {
            self.report.push(
                "title slide's media: not carried over (a lead picture is `picture = \"slug\"` in [story], from a file)".into(),
            );
        }
        if times > 0 {
            self.report.push(format!(
                "times of day: {times} kept as each milestone's note"
            ));
        }
        if own_display > 0 {
            self.report.push(format!(
                "a date's own display_date: {own_display} not carried over (the milestone shows its dates)"
            ));
        }
        if backgrounds > 0 {
            self.report.push(format!(
                "backgrounds: {backgrounds} slide{} with a background colour or picture: no equivalent, left out",
                if backgrounds == 1 { "" } else { "s" }
            ));
        }
        if self.bare > 0 {
            self.report.push(format!(
                "autolink: {} web address{} in texts stay words (TimelineJS links them; write [words](address) for a link)",
                self.bare,
                if self.bare == 1 { "" } else { "es" }
            ));
        }
        if !kinds.is_empty() {
            let list: Vec<String> = kinds
                .iter()
                .map(|(k, n)| format!("\"{k}\" ({n})"))
                .collect();
            self.report.push(format!(
                "slide types: {}: no equivalent, imported as events",
                list.join(", ")
            ));
        }
        if !self.dropped.is_empty() {
            let list: Vec<String> = self
                .dropped
                .iter()
                .map(|(t, n)| format!("<{t}> ({n})"))
                .collect();
            self.report.push(format!(
                "markup: {} dropped, their words kept (only links and emphasis carry over)",
                list.join(", ")
            ));
        }
        if self.unlinked > 0 {
            self.report.push(format!(
                "links: {} whose address is not https:, http: or mailto: kept as words",
                self.unlinked
            ));
        }
        self.report.extend(tl.notes.iter().cloned());

        let heading = self.settings.heading.clone();
        let toml = write_story(&StoryText {
            name: self.name,
            slug: &story_slug,
            language,
            headline: &headline,
            standfirst: &standfirst,
            heading: &heading,
            sectors: &sectors,
            eras: &eras,
            entries: &entries,
            pictures: &pictures,
        });
        // The story reader has the last word: an import that would not
        // build writes nothing.
        if let Err(errors) = explainer::story::parse(&format!("{story_slug}.toml"), &toml) {
            let list: Vec<String> = errors.iter().map(ToString::to_string).collect();
            return Err(format!(
                "the story written from it does not validate (a bug of the importer):\n{}",
                list.join("\n")
            ));
        }
        Ok(Import {
            slug: story_slug,
            toml,
            pictures: copies,
            report: self.report,
            events: entries.len(),
        })
    }

    /// The file a media address names next to the input, if it is one: a
    /// JPEG, PNG or WebP picture the build can use (else why not).
    fn local_file(&self, url: &str) -> Option<std::result::Result<PathBuf, String>> {
        let dir = self.dir?;
        let url = url.trim();
        if url.contains("://")
            || url.starts_with("//")
            || url.starts_with('<')
            || url.starts_with("data:")
        {
            return None;
        }
        // The story reader's rule for a picture's file, the input's folder
        // standing for the story's.
        if let Err(why) = explainer::story::source::picture_path(url) {
            return Some(Err(why));
        }
        let path = dir.join(url);
        if !path.is_file() {
            return Some(Err("no such file next to the input".into()));
        }
        if let Some(cache) = self.cache {
            if let Err(e) = explainer::page::photos::prepare(&path, url, cache) {
                return Some(Err(e));
            }
        }
        Some(Ok(path))
    }
}

/// A date at TimelineJS's precision: a year, a month or a day.
/// TimelineJS numbers years before the Common Era negatively and shows
/// -3500 as "3500 BCE" (0 as "0": there is no such year; it becomes 1 BCE).
fn date(d: &TlDate) -> std::result::Result<Date, String> {
    const LIMIT: i64 = 100_000_000_000;
    if !(-LIMIT..=LIMIT).contains(&d.year) {
        return Err(format!("year {}: beyond a hundred billion years", d.year));
    }
    let year = if d.year < 0 { d.year + 1 } else { d.year };
    let precision = match (d.month, d.day) {
        (None, _) => Precision::Year,
        (Some(m), None) => Precision::Month(m),
        (Some(m), Some(day)) => {
            Day::new(year, m, day)
                .ok_or_else(|| format!("{year}-{m:02}-{day:02} is not a day of the calendar"))?;
            Precision::Day(m, day)
        }
    };
    Ok(Date { year, precision })
}

fn clock((h, m): (u8, u8)) -> String {
    format!("{h:02}:{m:02}")
}

/// A slug of `text`: ASCII letters (accents dropped) and digits, single
/// hyphens, starting with a letter, at most `max` bytes (cut at a hyphen).
pub fn slugify(text: &str, max: usize) -> String {
    let mut out = String::new();
    for c in text.nfd() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if c.is_alphanumeric()
            || matches!(c, '\'' | '’')
            || unicode_normalization::char::is_combining_mark(c)
        {
            // An accent, an apostrophe, a letter of another script: left out.
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let mut out = out.trim_matches('-').to_owned();
    while out.starts_with(|c: char| c.is_ascii_digit() || c == '-') {
        out.remove(0);
    }
    if out.len() > max {
        let cut = out[..max].rfind('-').unwrap_or(max);
        out.truncate(cut);
    }
    out.trim_end_matches('-').to_owned()
}

/// [`unique`] of `base`, or of `fallback()` when `base` is empty (a
/// headline with no letters a slug can take).
fn unique_or(
    base: String,
    fallback: impl FnOnce() -> String,
    seen: &mut HashMap<String, usize>,
) -> String {
    unique(if base.is_empty() { fallback() } else { base }, seen)
}

/// `base`, or `base-2`, `base-3`... if taken.
fn unique(base: String, seen: &mut HashMap<String, usize>) -> String {
    let n = seen.entry(base.clone()).or_insert(0);
    *n += 1;
    if *n == 1 {
        base
    } else {
        let candidate = format!("{base}-{n}");
        unique(candidate, seen)
    }
}

fn one_line(text: &str, max: usize) -> String {
    let flat: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let flat = flat.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() > max {
        let cut: String = flat.chars().take(max).collect();
        format!("{cut}…")
    } else {
        flat
    }
}

/// A TOML basic string.
fn quoted(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

struct StoryText<'a> {
    name: &'a str,
    slug: &'a str,
    language: &'a str,
    headline: &'a str,
    standfirst: &'a str,
    heading: &'a str,
    sectors: &'a [(String, String)],
    eras: &'a [(String, String, String, String)],
    entries: &'a [Entry],
    pictures: &'a [Picture],
}

fn write_story(s: &StoryText) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Imported from TimelineJS ({}) by `cargo xtask import`. Importing it\n\
         # again gives this file again; edit it freely, but then do not import over\n\
         # it (--force replaces it). Before publishing: give each milestone a\n\
         # `status` other than \"event\" only if its source says so, download and\n\
         # describe the media listed in comments, and review alt texts.",
        one_line(s.name, 60)
    );
    out.push_str("\n[story]\n");
    let _ = writeln!(out, "slug = {}", quoted(s.slug));
    let _ = writeln!(out, "language = {}", quoted(s.language));
    let _ = writeln!(out, "headline = {}", quoted(s.headline));
    let _ = writeln!(out, "standfirst = {}", quoted(s.standfirst));
    out.push_str("\n[timeline]\n");
    let _ = writeln!(out, "heading = {}", quoted(s.heading));
    for (slug, label) in s.sectors {
        out.push_str("\n[[timeline.sectors]]\n");
        let _ = writeln!(out, "slug = {}", quoted(slug));
        let _ = writeln!(out, "label = {}", quoted(label));
    }
    for (slug, label, start, end) in s.eras {
        out.push_str("\n[[timeline.eras]]\n");
        let _ = writeln!(out, "slug = {}", quoted(slug));
        let _ = writeln!(out, "label = {}", quoted(label));
        let _ = writeln!(out, "start = {}", quoted(start));
        let _ = writeln!(out, "end = {}", quoted(end));
    }
    for e in s.entries {
        out.push('\n');
        for c in &e.comments {
            let _ = writeln!(out, "# {}", one_line(c, 400));
        }
        out.push_str("[[timeline.milestones]]\n");
        let _ = writeln!(out, "slug = {}", quoted(&e.slug));
        let _ = writeln!(out, "title = {}", quoted(&e.title));
        if let Some(sector) = &e.sector {
            let _ = writeln!(out, "sector = {}", quoted(sector));
        }
        let _ = writeln!(out, "start = {}", quoted(&e.start));
        if let Some(end) = &e.end {
            let _ = writeln!(out, "end = {}", quoted(end));
        }
        if let Some(d) = &e.display_date {
            let _ = writeln!(out, "display_date = {}", quoted(d));
        }
        out.push_str("status = \"event\"\n");
        if let Some(summary) = &e.summary {
            let _ = writeln!(out, "summary = {}", quoted(summary));
        }
        if let Some(note) = &e.note {
            let _ = writeln!(out, "note = {}", quoted(note));
        }
        if let Some(p) = &e.picture {
            let _ = writeln!(out, "picture = {}", quoted(p));
        }
    }
    for p in s.pictures {
        out.push_str("\n[[pictures]]\n");
        let _ = writeln!(out, "slug = {}", quoted(&p.slug));
        let _ = writeln!(out, "file = {}", quoted(&p.file));
        out.push_str("# Alt text from the caption: review it (say what the picture shows).\n");
        let _ = writeln!(out, "alt = {}", quoted(&p.alt));
        if let Some(c) = &p.caption {
            let _ = writeln!(out, "caption = {}", quoted(c));
        }
        if let Some(c) = &p.credit {
            let _ = writeln!(out, "credit = {}", quoted(c));
        }
    }
    out
}

#[cfg(test)]
mod tests;
