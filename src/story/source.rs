//! The story file as written by editors (`content/*.toml`), its validation,
//! and the typed [`Story`] it gives.
//!
//! Build time only (feature `source`): the pre-renderer reads story files
//! when it runs, so an edit to a story needs no Rust compile, and the
//! browser never parses TOML. Every error names the file, the line and
//! column, and the field.

use core::fmt;
use core::ops::Range;
use std::collections::HashMap;

use serde::Deserialize;
use toml::Spanned;

use crate::dates::{Date, When};
use crate::story as model;

/// A string with its place in the file.
pub type Text = Spanned<String>;

/// The whole story file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoryFile {
    /// Metadata and the article's frame.
    pub story: Meta,
    /// The article's body and tables (optional: a story may be a
    /// timeline only, a poll only, or any mix of parts).
    pub article: Option<Article>,
    /// Evergreen context sections.
    pub context: Option<Context>,
    /// Timeline sectors and milestones.
    pub timeline: Option<Timeline>,
    /// The reader poll.
    pub poll: Option<Poll>,
    /// Overrides of the locale's interface strings: `key = "text"` (Fluent
    /// syntax), for example `poll-save = "Have your say"`.
    #[serde(default)]
    pub strings: std::collections::BTreeMap<Spanned<String>, Text>,
    /// The story's pictures (`[[pictures]]`), placed by slug.
    #[serde(default)]
    pub pictures: Vec<Picture>,
}

/// `[[pictures]]`: an image file in the story's folder, described.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Picture {
    /// Stable id, by which the lead, the article, a section or a milestone
    /// places it.
    pub slug: Text,
    /// The file, relative to the story's folder (`content/<story slug>/`).
    pub file: Text,
    /// What it shows, for readers who cannot see it (required unless
    /// `decorative`).
    pub alt: Option<Text>,
    /// It adds nothing the text does not say: no alt text (`alt=""`).
    #[serde(default)]
    pub decorative: bool,
    /// Its caption, with inline formatting.
    pub caption: Option<Text>,
    /// Who made it: "Photo: Jane Doe / Agency".
    pub credit: Option<Text>,
}

/// `[story]`: metadata.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// Stable id of the story, used for storage keys.
    pub slug: Text,
    /// BCP 47 language tag of the text, for `<html lang>`.
    pub language: Text,
    /// Section label, for example "World" (optional: an imported timeline has none).
    pub section: Option<Text>,
    /// The headline (the page's only `h1`).
    pub headline: Text,
    /// The standfirst under the headline.
    pub standfirst: Text,
    /// Meta description and social preview text (the standfirst when left out).
    pub description: Option<Text>,
    /// The disclaimer shown at the end of the article, if any.
    pub disclaimer: Option<Text>,
    /// Who wrote it, if the story names them.
    pub byline: Option<Byline>,
    /// The lead picture's slug: under the header, and the link preview's picture.
    pub picture: Option<Text>,
}

/// `[story.byline]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Byline {
    /// Author's name.
    pub name: Text,
    /// Author's role.
    pub role: Text,
}

/// `[article]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    /// Body paragraphs, in order, and pictures between them
    /// (`{ picture = "slug" }`).
    pub body: Spanned<Vec<Passage>>,
    /// Data tables shown after the body.
    #[serde(default)]
    pub tables: Vec<Table>,
}

/// A paragraph of the article's body (a string), or a picture between
/// paragraphs (`{ picture = "slug" }`).
#[derive(Debug)]
pub enum Passage {
    /// A paragraph.
    Text(Text),
    /// A picture's slug.
    Picture(Text),
}

impl<'de> Deserialize<'de> for Passage {
    // By hand: serde's untagged enums lose toml's places (`Spanned`).
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let value = Spanned::<toml::Value>::deserialize(d)?;
        let span = value.span();
        match value.into_inner() {
            toml::Value::String(s) => Ok(Passage::Text(Spanned::new(span, s))),
            toml::Value::Table(t) if t.len() == 1 && t.contains_key("picture") => {
                match t.get("picture") {
                    Some(toml::Value::String(slug)) => {
                        Ok(Passage::Picture(Spanned::new(span, slug.clone())))
                    }
                    _ => Err(D::Error::custom(
                        "`picture` names a picture by its slug, a string",
                    )),
                }
            }
            _ => Err(D::Error::custom(
                "a body item is a paragraph (a string) or a picture ({ picture = \"slug\" })",
            )),
        }
    }
}

/// `[[article.tables]]`: a table with a caption, column headers and rows; the first cell of a row is its header.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Table {
    /// Stable id.
    pub slug: Text,
    /// The caption.
    pub caption: Text,
    /// Column headers.
    pub columns: Spanned<Vec<Text>>,
    /// Rows of cells, as many as columns.
    pub rows: Spanned<Vec<Spanned<Vec<Text>>>>,
}

/// `[context]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Context {
    /// The heading that labels the block.
    pub heading: Text,
    /// The collapsible sections.
    pub sections: Spanned<Vec<Section>>,
}

/// `[[context.sections]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Stable id, also the deep-link anchor.
    pub slug: Text,
    /// The section's heading.
    pub title: Text,
    /// Open when the page loads.
    #[serde(default)]
    pub open: bool,
    /// Paragraphs and lists.
    pub blocks: Spanned<Vec<Block>>,
}

/// A block of section text.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Block {
    /// A paragraph.
    Paragraph(Text),
    /// A bullet list.
    Bullets(Spanned<Vec<Item>>),
    /// A numbered list.
    Steps(Spanned<Vec<Item>>),
    /// A picture, by its slug.
    Picture(Text),
}

/// A list item: an optional lead term, text, and nested items.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// The lead term, shown in bold.
    pub term: Option<Text>,
    /// The item's text.
    pub text: Option<Text>,
    /// A nested list.
    #[serde(default)]
    pub items: Vec<Text>,
}

/// `[timeline]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Timeline {
    /// The heading that labels the region.
    pub heading: Text,
    /// Sectors milestones belong to (filters); none for a timeline whose
    /// milestones are not sorted into any.
    pub sectors: Option<Spanned<Vec<Sector>>>,
    /// The milestones, in any order.
    pub milestones: Spanned<Vec<Milestone>>,
    /// Labelled periods, drawn as bands along the axis.
    pub eras: Option<Vec<Era>>,
}

/// `[[timeline.eras]]`: a labelled period ("The Rashidun caliphate").
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Era {
    /// Stable id.
    pub slug: Text,
    /// Label shown on its band.
    pub label: Text,
    /// First date.
    pub start: Text,
    /// Last date.
    pub end: Text,
}

/// `[[timeline.sectors]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sector {
    /// Stable id.
    pub slug: Text,
    /// Label shown to readers.
    pub label: Text,
}

/// Whether the source reports a plan, an outcome, or dates an event.
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum MilestoneStatus {
    /// The source reports a plan.
    Planned,
    /// The source reports an outcome.
    Reported,
    /// An event at its dates, neither plan nor outcome (imported timelines).
    Event,
}

/// `[[timeline.milestones]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    /// Stable id; the deep link is `#milestone-<slug>`.
    pub slug: Text,
    /// Title.
    pub title: Text,
    /// A sector slug from `[[timeline.sectors]]` (none: in no sector, never
    /// filtered out).
    pub sector: Option<Text>,
    /// Start date; none for an undated item.
    pub start: Option<Text>,
    /// End date of a span.
    pub end: Option<Text>,
    /// Goes on from its start with no end given.
    #[serde(default)]
    pub ongoing: bool,
    /// The words shown for its dates instead of the dates (TimelineJS's
    /// `display_date`); the dates still place it on the axis.
    pub display_date: Option<Text>,
    /// Planned, reported, or an event.
    pub status: MilestoneStatus,
    /// What it is.
    pub summary: Option<Text>,
    /// Expected (or reported) impact.
    pub impact: Option<Text>,
    /// The passage of the story its dates come from.
    pub source: Option<Text>,
    /// A note, for example where two passages disagree.
    pub note: Option<Text>,
    /// A picture in its details, by its slug.
    pub picture: Option<Text>,
}

/// `[poll]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Poll {
    /// The heading that labels the poll.
    pub heading: Text,
    /// A line under the heading.
    pub intro: Text,
    /// The questions.
    pub questions: Spanned<Vec<Question>>,
    /// The results service's address (`https://results.example.org`):
    /// answers are sent there and others' answers shown. None: answers
    /// stay in the reader's browser only.
    #[serde(default)]
    pub results: Option<Text>,
}

/// How a question is answered.
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum QuestionKind {
    /// One choice (radio buttons).
    Single,
    /// Several choices (checkboxes).
    Multiple,
    /// Free text.
    Text,
}

/// `[[poll.questions]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable id, used in storage.
    pub slug: Text,
    /// The question.
    pub prompt: Text,
    /// Help under the question, with inline formatting.
    #[serde(default)]
    pub help: Option<Text>,
    /// Single, multiple or text.
    pub kind: QuestionKind,
    /// Longest free text accepted, in characters.
    pub max_length: Spanned<u32>,
    /// The choices (not for text questions).
    #[serde(default)]
    pub choices: Option<Spanned<Vec<Choice>>>,
}

/// A poll choice.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Stable id, used in storage: never reuse one for another meaning.
    pub id: Text,
    /// Label shown to readers.
    pub label: Text,
    /// Has its own text box ("Other").
    #[serde(default)]
    pub other: bool,
}

/// Ids the page itself uses; a slug may not take them.
pub const RESERVED_IDS: &[&str] = &[
    "main",
    "top",
    "article",
    "context",
    "timeline",
    "poll",
    "poll-clear",
    "poll-confirm-text",
    "poll-confirm-yes",
    "poll-results-heading",
    "embed",
];

/// Longest free-text limit a question may set.
pub const MAX_TEXT_LIMIT: u32 = 5000;

/// One problem in the story file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryError {
    /// The file, as given.
    pub file: String,
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1.
    pub column: usize,
    /// The field, as a path: `timeline.milestones[2].end`.
    pub field: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for StoryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: ", self.file, self.line, self.column)?;
        if !self.field.is_empty() {
            write!(f, "{}: ", self.field)?;
        }
        f.write_str(&self.message)
    }
}

/// Reads and validates a story. `file` is the name used in messages; every
/// problem found is returned, not only the first.
pub fn parse(file: &str, text: &str) -> Result<model::Story, Vec<StoryError>> {
    let lines = LineIndex::new(text);
    let story: StoryFile = toml::from_str(text).map_err(|e| {
        let (line, column) = e.span().map_or((1, 1), |s| lines.at(s.start));
        // The parser says nothing about some characters (a NUL in a
        // comment, for one): name the character rather than print nothing.
        let message = match e.message().trim() {
            "" => match e.span().and_then(|s| text.get(s.start..)?.chars().next()) {
                Some(c) if c.is_control() => {
                    format!("the control character {c:?} is not allowed here")
                }
                _ => "this is not valid TOML".to_owned(),
            },
            m => m.to_owned(),
        };
        vec![StoryError {
            file: file.to_owned(),
            line,
            column,
            field: String::new(),
            message,
        }]
    })?;
    let mut check = Checker {
        file,
        source: text,
        lines,
        errors: Vec::new(),
        fragments: Vec::new(),
        placed: Vec::new(),
    };
    let when = check.story(&story);
    if check.errors.is_empty() {
        let at = story
            .pictures
            .iter()
            .map(|p| check.lines.at(p.file.span().start))
            .collect();
        Ok(story.into_model(when, at))
    } else {
        Err(check.errors)
    }
}

/// The variables a Fluent text refers to (`{ $name }`); `None` when its
/// braces do not pair up. A plain scan: the locale machinery parses the
/// text for real when the page is built.
fn variables_of(text: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.checked_sub(1)?,
            '$' if depth > 0 => {
                let name: String = std::iter::from_fn(|| {
                    chars.next_if(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                })
                .collect();
                if !out.contains(&name) {
                    out.push(name);
                }
            }
            _ => {}
        }
    }
    (depth == 0).then_some(out)
}

/// The `[story] slug` of a file that is TOML, valid or not: where an
/// editor's broken story would be served, to show its problems there.
pub fn slug_of(text: &str) -> Option<String> {
    let value: toml::Table = toml::from_str(text).ok()?;
    let slug = value.get("story")?.get("slug")?.as_str()?;
    let good = !slug.is_empty()
        && slug.len() <= 64
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    good.then(|| slug.to_owned())
}

fn text(t: Text) -> String {
    t.into_inner()
}

fn texts(list: Vec<Text>) -> Vec<String> {
    list.into_iter().map(text).collect()
}

/// A text with inline formatting, rendered (once validated).
fn rich(t: Text) -> model::Rich {
    super::markup::render(t.get_ref()).rich
}

fn riches(list: Vec<Text>) -> Vec<model::Rich> {
    list.into_iter().map(rich).collect()
}

impl Item {
    fn into_model(self) -> model::Item {
        model::Item {
            term: self.term.map(text),
            text: self.text.map(rich),
            items: riches(self.items),
        }
    }
}

impl Block {
    fn into_model(self) -> model::Block {
        let items = |list: Spanned<Vec<Item>>| {
            list.into_inner()
                .into_iter()
                .map(Item::into_model)
                .collect()
        };
        match self {
            Block::Paragraph(p) => model::Block::Paragraph(rich(p)),
            Block::Bullets(list) => model::Block::Bullets(items(list)),
            Block::Steps(list) => model::Block::Steps(items(list)),
            Block::Picture(slug) => model::Block::Figure(text(slug)),
        }
    }
}

impl StoryFile {
    /// The typed story, once validated; `when` holds each milestone's dates.
    fn into_model(self, when: Dates, file_at: Vec<(usize, usize)>) -> model::Story {
        let StoryFile {
            story: meta,
            article,
            context,
            timeline,
            poll,
            strings,
            pictures,
        } = self;
        let (body, tables) = article.map(Article::into_model).unwrap_or_default();
        model::Story {
            slug: text(meta.slug),
            language: text(meta.language),
            section: meta.section.map(text),
            description: meta
                .description
                .map_or_else(|| meta.standfirst.get_ref().clone(), text),
            headline: text(meta.headline),
            standfirst: text(meta.standfirst),
            disclaimer: meta.disclaimer.map(text),
            byline: meta.byline.map(|b| model::Byline {
                name: text(b.name),
                role: text(b.role),
            }),
            lead: meta.picture.map(text),
            body,
            tables,
            figures: pictures
                .into_iter()
                .zip(file_at)
                .map(|(p, file_at)| model::Figure {
                    slug: text(p.slug),
                    file: text(p.file),
                    file_at,
                    alt: p.alt.map(text).unwrap_or_default(),
                    caption: p.caption.map(rich),
                    credit: p.credit.map(text),
                    photo: None,
                })
                .collect(),
            context: context.map(Context::into_model),
            timeline: timeline.map(|t| t.into_model(when)),
            strings: strings
                .into_iter()
                .map(|(k, v)| (k.into_inner(), text(v)))
                .collect(),
            poll: poll.map(Poll::into_model),
        }
    }
}

impl Article {
    fn into_model(self) -> (Vec<model::Passage>, Vec<model::Table>) {
        let body = self
            .body
            .into_inner()
            .into_iter()
            .map(|p| match p {
                Passage::Text(t) => model::Passage::Text(rich(t)),
                Passage::Picture(slug) => model::Passage::Figure(text(slug)),
            })
            .collect();
        let tables = self
            .tables
            .into_iter()
            .map(|t| model::Table {
                slug: text(t.slug),
                caption: text(t.caption),
                columns: texts(t.columns.into_inner()),
                rows: t
                    .rows
                    .into_inner()
                    .into_iter()
                    .map(|r| riches(r.into_inner()))
                    .collect(),
            })
            .collect();
        (body, tables)
    }
}

impl Context {
    fn into_model(self) -> model::Context {
        model::Context {
            heading: text(self.heading),
            sections: self
                .sections
                .into_inner()
                .into_iter()
                .map(|s| model::Section {
                    slug: text(s.slug),
                    title: text(s.title),
                    open: s.open,
                    blocks: s
                        .blocks
                        .into_inner()
                        .into_iter()
                        .map(Block::into_model)
                        .collect(),
                })
                .collect(),
        }
    }
}

/// The timeline's dates as the checker read them: each milestone's and
/// each era's (none where they are missing or have a problem).
#[derive(Default)]
struct Dates {
    milestones: Vec<Option<When>>,
    eras: Vec<Option<When>>,
}

impl Timeline {
    /// The typed timeline, with the dates the checker read.
    fn into_model(self, when: Dates) -> model::Timeline {
        model::Timeline {
            heading: text(self.heading),
            eras: self
                .eras
                .unwrap_or_default()
                .into_iter()
                .zip(when.eras)
                .filter_map(|(e, when)| {
                    Some(model::Era {
                        slug: text(e.slug),
                        label: text(e.label),
                        when: when?,
                    })
                })
                .collect(),
            sectors: self
                .sectors
                .map(Spanned::into_inner)
                .unwrap_or_default()
                .into_iter()
                .map(|s| model::Sector {
                    slug: text(s.slug),
                    label: text(s.label),
                })
                .collect(),
            milestones: self
                .milestones
                .into_inner()
                .into_iter()
                .zip(when.milestones)
                .map(|(m, when)| model::Milestone {
                    slug: text(m.slug),
                    title: text(m.title),
                    sector: m.sector.map(text),
                    when,
                    display_date: m.display_date.map(text),
                    status: match m.status {
                        MilestoneStatus::Planned => model::Status::Planned,
                        MilestoneStatus::Reported => model::Status::Reported,
                        MilestoneStatus::Event => model::Status::Event,
                    },
                    summary: m.summary.map(rich),
                    impact: m.impact.map(rich),
                    source: m.source.map(text),
                    note: m.note.map(rich),
                    figure: m.picture.map(text),
                })
                .collect(),
        }
    }
}

impl Poll {
    fn into_model(self) -> model::Poll {
        model::Poll {
            heading: text(self.heading),
            intro: rich(self.intro),
            results: self.results.and_then(|r| results_service(r.get_ref()).ok()),
            questions: self
                .questions
                .into_inner()
                .into_iter()
                .map(|q| model::Question {
                    slug: text(q.slug),
                    prompt: text(q.prompt),
                    help: q.help.map(rich),
                    kind: match q.kind {
                        QuestionKind::Single => model::QuestionKind::Single,
                        QuestionKind::Multiple => model::QuestionKind::Multiple,
                        QuestionKind::Text => model::QuestionKind::Text,
                    },
                    max_length: q.max_length.into_inner(),
                    choices: q
                        .choices
                        .map(|c| {
                            c.into_inner()
                                .into_iter()
                                .map(|c| model::Choice {
                                    id: text(c.id),
                                    label: text(c.label),
                                    other: c.other,
                                })
                                .collect()
                        })
                        .unwrap_or_default(),
                })
                .collect(),
        }
    }
}

struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    fn at(&self, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset);
        (line, offset - self.starts[line - 1] + 1)
    }
}

struct Checker<'a> {
    file: &'a str,
    /// The file's text, to point at the words at fault inside a string.
    source: &'a str,
    lines: LineIndex,
    errors: Vec<StoryError>,
    /// Links within the page: where, which field, the id they name (checked
    /// once every id is known).
    fragments: Vec<(Range<usize>, String, String)>,
    /// Where pictures are placed: where, which field, the picture's slug.
    placed: Vec<(Range<usize>, String, String)>,
}

impl Checker<'_> {
    fn error(&mut self, span: Range<usize>, field: impl Into<String>, message: impl Into<String>) {
        let (line, column) = self.lines.at(span.start);
        self.errors.push(StoryError {
            file: self.file.to_owned(),
            line,
            column,
            field: field.into(),
            message: message.into(),
        });
    }

    fn text(&mut self, value: &Text, field: &str) {
        if value.get_ref().trim().is_empty() {
            self.error(value.span(), field, "must not be empty");
        }
    }

    fn opt_text(&mut self, value: &Option<Text>, field: &str) {
        if let Some(v) = value {
            self.text(v, field);
        }
    }

    /// A text with inline formatting: not empty, and only what
    /// [`markup`](super::markup) allows.
    fn rich(&mut self, value: &Text, field: &str) {
        self.text(value, field);
        self.markup(value, field);
    }

    fn opt_rich(&mut self, value: &Option<Text>, field: &str) {
        if let Some(v) = value {
            self.rich(v, field);
        }
    }

    /// Only what [`markup`](super::markup) allows (a text that may be empty).
    fn markup(&mut self, value: &Text, field: &str) {
        let rendered = super::markup::render(value.get_ref());
        for p in rendered.problems {
            let at = self.within(value.span(), &p.near);
            self.error(at, field, p.message);
        }
        for (near, id) in rendered.fragments {
            let at = self.within(value.span(), &near);
            self.fragments.push((at, field.to_owned(), id));
        }
    }

    /// Where `near` stands inside the string at `span` (the string itself
    /// when escapes in the file hide it).
    fn within(&self, span: Range<usize>, near: &str) -> Range<usize> {
        let first = near.lines().next().unwrap_or_default();
        self.source
            .get(span.clone())
            .and_then(|raw| raw.find(first).filter(|_| !first.is_empty()))
            .map_or(span.clone(), |i| {
                span.start + i..span.start + i + first.len()
            })
    }

    /// Every `#…` link names an id the page has.
    fn fragments(&mut self, ids: &HashMap<String, usize>) {
        for (at, field, id) in std::mem::take(&mut self.fragments) {
            if !ids.contains_key(&id) {
                let mut known: Vec<&str> = ids
                    .keys()
                    .filter(|k| !RESERVED_IDS.contains(&k.as_str()))
                    .map(String::as_str)
                    .collect();
                known.sort_unstable();
                let message = format!(
                    "the link to #{id} leads nowhere: no part of the page has that id (the page's parts: #article, #context, #timeline, #poll; its items: {})",
                    known.iter().map(|k| format!("#{k}")).collect::<Vec<_>>().join(", ")
                );
                self.error(at, field, message);
            }
        }
    }

    /// Checks a slug's form and that it is unique among `seen`.
    fn slug(&mut self, value: &Text, field: &str, seen: &mut HashMap<String, usize>) {
        if self.slug_form(value, field) {
            self.unique(value.span(), value.get_ref(), field, seen);
        }
    }

    /// Lowercase letters, digits and single hyphens, starting with a letter.
    fn slug_form(&mut self, value: &Text, field: &str) -> bool {
        let s = value.get_ref();
        let good = s.len() <= 64
            && s.starts_with(|c: char| c.is_ascii_lowercase())
            && !s.ends_with('-')
            && !s.contains("--")
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !good {
            let message = format!(
                "\"{s}\" is not a slug: use lowercase letters, digits and single hyphens, starting with a letter"
            );
            self.error(value.span(), field, message);
        }
        good
    }

    fn unique(
        &mut self,
        span: Range<usize>,
        id: &str,
        field: &str,
        seen: &mut HashMap<String, usize>,
    ) {
        if let Some(first) = seen.get(id) {
            let message = if *first == 0 {
                format!("\"{id}\" is an id the page itself uses; choose another slug")
            } else {
                format!("duplicate slug \"{id}\" (first used on line {first})")
            };
            self.error(span, field, message);
        } else {
            seen.insert(id.to_owned(), self.lines.at(span.start).0);
        }
    }

    fn story(&mut self, s: &StoryFile) -> Dates {
        let m = &s.story;
        let mut ids = HashMap::new();
        for reserved in RESERVED_IDS {
            ids.insert((*reserved).to_owned(), 0);
        }
        self.slug(&m.slug, "story.slug", &mut HashMap::new());
        for (value, field) in [
            (Some(&m.language), "story.language"),
            (m.section.as_ref(), "story.section"),
            (Some(&m.headline), "story.headline"),
            (Some(&m.standfirst), "story.standfirst"),
            (m.description.as_ref(), "story.description"),
            (m.disclaimer.as_ref(), "story.disclaimer"),
            (m.byline.as_ref().map(|b| &b.name), "story.byline.name"),
            (m.byline.as_ref().map(|b| &b.role), "story.byline.role"),
        ] {
            if let Some(value) = value {
                self.text(value, field);
            }
        }
        self.language(&m.language);
        if let Some(lead) = &m.picture {
            self.placed
                .push((lead.span(), "story.picture".into(), lead.get_ref().clone()));
        }
        if s.article.is_none() && s.context.is_none() && s.timeline.is_none() && s.poll.is_none() {
            self.error(
                m.slug.span(),
                "",
                "a story needs at least one part: [article], [context], [timeline] or [poll]",
            );
        }
        if let Some(article) = &s.article {
            self.article(article, &mut ids);
        }
        if let Some(context) = &s.context {
            self.context(context, &mut ids);
        }
        let when = match &s.timeline {
            Some(timeline) => self.timeline(timeline, &mut ids),
            None => Dates::default(),
        };
        if let Some(poll) = &s.poll {
            self.poll(poll);
        }
        self.strings(&s.strings);
        self.pictures(&s.pictures, &mut ids);
        // A link may not lead to a part the story leaves out.
        for (part, absent) in [
            ("article", s.article.is_none()),
            ("context", s.context.is_none()),
            ("timeline", s.timeline.is_none()),
            ("poll", s.poll.is_none()),
        ] {
            if absent {
                ids.remove(part);
            }
        }
        self.fragments(&ids);
        when
    }

    /// A BCP 47 tag: letters, digits and hyphens, starting with a 2 or 3
    /// letter language subtag.
    fn language(&mut self, value: &Text) {
        let tag = value.get_ref();
        let mut parts = tag.split('-');
        let lang_ok = parts.next().is_some_and(|l| {
            (2..=3).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_alphabetic())
        });
        let rest_ok = parts
            .all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()));
        if !(tag.is_empty() || lang_ok && rest_ok) {
            self.error(
                value.span(),
                "story.language",
                format!("\"{tag}\" is not a language tag: write one such as en, ru, ar or pt-BR"),
            );
        }
    }

    /// Each override names a key of the locale files, with Fluent text that
    /// uses only that key's variables.
    fn strings(&mut self, strings: &std::collections::BTreeMap<Spanned<String>, Text>) {
        for (key, value) in strings {
            let field = format!("strings.{}", key.get_ref());
            let Some(known) = crate::i18n::keys::get(key.get_ref()) else {
                self.error(
                    key.span(),
                    field,
                    format!(
                        "\"{}\" is not an interface string's key (README, \"Editions in any language\", lists them)",
                        key.get_ref()
                    ),
                );
                continue;
            };
            self.text(value, &field);
            let refs = variables_of(value.get_ref());
            match refs {
                None => self.error(
                    value.span(),
                    field,
                    "this is not Fluent text (a `{` without its `}`?)",
                ),
                Some(refs) => {
                    for v in refs {
                        if !known.vars.contains(&v.as_str()) {
                            let takes = if known.vars.is_empty() {
                                "none".to_owned()
                            } else {
                                known
                                    .vars
                                    .iter()
                                    .map(|v| format!("${v}"))
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            };
                            self.error(
                                value.span(),
                                field.clone(),
                                format!("uses ${v}; this key's variables are: {takes}"),
                            );
                        }
                    }
                }
            }
        }
    }

    fn article(&mut self, a: &Article, ids: &mut HashMap<String, usize>) {
        if a.body.get_ref().is_empty() {
            self.error(
                a.body.span(),
                "article.body",
                "needs at least one paragraph",
            );
        }
        for (i, p) in a.body.get_ref().iter().enumerate() {
            match p {
                Passage::Text(p) => self.rich(p, &format!("article.body[{i}]")),
                Passage::Picture(slug) => self.placed.push((
                    slug.span(),
                    format!("article.body[{i}].picture"),
                    slug.get_ref().clone(),
                )),
            }
        }
        for (i, t) in a.tables.iter().enumerate() {
            let at = format!("article.tables[{i}]");
            self.slug(&t.slug, &format!("{at}.slug"), ids);
            self.text(&t.caption, &format!("{at}.caption"));
            let width = t.columns.get_ref().len();
            if width == 0 {
                self.error(
                    t.columns.span(),
                    format!("{at}.columns"),
                    "needs at least one column",
                );
            }
            for (j, c) in t.columns.get_ref().iter().enumerate() {
                self.text(c, &format!("{at}.columns[{j}]"));
            }
            if t.rows.get_ref().is_empty() {
                self.error(
                    t.rows.span(),
                    format!("{at}.rows"),
                    "needs at least one row",
                );
            }
            for (j, row) in t.rows.get_ref().iter().enumerate() {
                if row.get_ref().len() != width {
                    let message = format!(
                        "has {} cells, but the table has {width} columns",
                        row.get_ref().len()
                    );
                    self.error(row.span(), format!("{at}.rows[{j}]"), message);
                }
                if let Some(first) = row.get_ref().first() {
                    self.text(first, &format!("{at}.rows[{j}][0]"));
                }
                for (k, cell) in row.get_ref().iter().enumerate() {
                    self.markup(cell, &format!("{at}.rows[{j}][{k}]"));
                }
            }
        }
    }

    fn context(&mut self, c: &Context, ids: &mut HashMap<String, usize>) {
        self.text(&c.heading, "context.heading");
        if c.sections.get_ref().is_empty() {
            self.error(
                c.sections.span(),
                "context.sections",
                "needs at least one section",
            );
        }
        for (i, s) in c.sections.get_ref().iter().enumerate() {
            let at = format!("context.sections[{i}]");
            self.slug(&s.slug, &format!("{at}.slug"), ids);
            self.text(&s.title, &format!("{at}.title"));
            if s.blocks.get_ref().is_empty() {
                self.error(
                    s.blocks.span(),
                    format!("{at}.blocks"),
                    "needs at least one block",
                );
            }
            for (j, b) in s.blocks.get_ref().iter().enumerate() {
                let at = format!("{at}.blocks[{j}]");
                match b {
                    Block::Paragraph(p) => self.rich(p, &format!("{at}.paragraph")),
                    Block::Bullets(items) | Block::Steps(items) => self.items(items, &at),
                    Block::Picture(slug) => self.placed.push((
                        slug.span(),
                        format!("{at}.picture"),
                        slug.get_ref().clone(),
                    )),
                }
            }
        }
    }

    fn items(&mut self, items: &Spanned<Vec<Item>>, at: &str) {
        if items.get_ref().is_empty() {
            self.error(items.span(), at, "a list needs at least one item");
        }
        for (k, item) in items.get_ref().iter().enumerate() {
            let at = format!("{at}[{k}]");
            self.opt_text(&item.term, &format!("{at}.term"));
            self.opt_rich(&item.text, &format!("{at}.text"));
            for (n, sub) in item.items.iter().enumerate() {
                self.rich(sub, &format!("{at}.items[{n}]"));
            }
            if item.text.is_none() && item.items.is_empty() {
                let span = item.term.as_ref().map_or(items.span(), |t| t.span());
                self.error(span, at, "a list item needs `text` or `items`");
            }
        }
    }

    fn date(&mut self, value: &Text, field: &str) -> Option<Date> {
        match Date::parse(value.get_ref()) {
            Ok(d) => Some(d),
            Err(message) => {
                self.error(value.span(), field, message);
                None
            }
        }
    }

    fn timeline(&mut self, t: &Timeline, ids: &mut HashMap<String, usize>) -> Dates {
        self.text(&t.heading, "timeline.heading");
        let mut sectors = HashMap::new();
        let listed: &[Sector] = t.sectors.as_ref().map_or(&[], |s| s.get_ref());
        for (i, s) in listed.iter().enumerate() {
            self.slug(
                &s.slug,
                &format!("timeline.sectors[{i}].slug"),
                &mut sectors,
            );
            self.text(&s.label, &format!("timeline.sectors[{i}].label"));
        }
        let mut era_slugs = HashMap::new();
        let mut eras = Vec::new();
        for (i, e) in t.eras.iter().flatten().enumerate() {
            let at = format!("timeline.eras[{i}]");
            self.slug(&e.slug, &format!("{at}.slug"), &mut era_slugs);
            self.text(&e.label, &format!("{at}.label"));
            let start = self.date(&e.start, &format!("{at}.start"));
            let end = self.date(&e.end, &format!("{at}.end"));
            eras.push(match (start, end) {
                (Some(start), Some(end)) => match When::new(start, Some(end), false) {
                    Ok(when) => Some(when),
                    Err(message) => {
                        self.error(e.end.span(), format!("{at}.end"), message);
                        None
                    }
                },
                _ => None,
            });
        }
        let mut when = Vec::new();
        for (i, m) in t.milestones.get_ref().iter().enumerate() {
            let at = format!("timeline.milestones[{i}]");
            // A milestone's anchor is `milestone-<slug>`: that whole id must be unique.
            if self.slug_form(&m.slug, &format!("{at}.slug")) {
                let id = format!("milestone-{}", m.slug.get_ref());
                self.unique(m.slug.span(), &id, &format!("{at}.slug"), ids);
            }
            self.text(&m.title, &format!("{at}.title"));
            self.opt_rich(&m.summary, &format!("{at}.summary"));
            if let Some(source) = &m.source {
                self.text(source, &format!("{at}.source"));
            }
            if let Some(words) = &m.display_date {
                self.text(words, &format!("{at}.display_date"));
                if m.start.is_none() {
                    self.error(
                        words.span(),
                        format!("{at}.display_date"),
                        "words for its dates need the dates too (`start`), to place it on the axis",
                    );
                }
            }
            if let (MilestoneStatus::Event, Some(impact)) = (m.status, &m.impact) {
                self.error(
                    impact.span(),
                    format!("{at}.impact"),
                    "an event has no impact: mark it `planned` (expected impact) or `reported` (outcome)",
                );
            }
            self.opt_rich(&m.impact, &format!("{at}.impact"));
            self.opt_rich(&m.note, &format!("{at}.note"));
            if let Some(slug) = &m.picture {
                self.placed
                    .push((slug.span(), format!("{at}.picture"), slug.get_ref().clone()));
            }
            if let Some(sector) = m
                .sector
                .as_ref()
                .filter(|s| !sectors.contains_key(s.get_ref()))
            {
                let known: Vec<&str> = listed.iter().map(|s| s.slug.get_ref().as_str()).collect();
                let message = if known.is_empty() {
                    format!(
                        "unknown sector \"{}\": the timeline has no [[timeline.sectors]]",
                        sector.get_ref()
                    )
                } else {
                    format!(
                        "unknown sector \"{}\"; the sectors are: {}",
                        sector.get_ref(),
                        known.join(", ")
                    )
                };
                self.error(sector.span(), format!("{at}.sector"), message);
            }
            let start = m
                .start
                .as_ref()
                .and_then(|s| self.date(s, &format!("{at}.start")));
            let end = m
                .end
                .as_ref()
                .and_then(|e| self.date(e, &format!("{at}.end")));
            when.push(match (&m.start, start) {
                (None, _) => {
                    if let Some(e) = &m.end {
                        self.error(e.span(), format!("{at}.end"), "an end needs a start");
                    }
                    if m.ongoing {
                        self.error(
                            m.slug.span(),
                            format!("{at}.ongoing"),
                            "an ongoing milestone needs a start",
                        );
                    }
                    None
                }
                (Some(_), None) => None,
                (Some(_), Some(start)) => match (&m.end, end) {
                    (Some(_), None) => None,
                    (span, end) => match When::new(start, end, m.ongoing) {
                        Ok(w) => Some(w),
                        Err(message) => {
                            let (range, field) = match span {
                                Some(e) => (e.span(), format!("{at}.end")),
                                None => (m.slug.span(), format!("{at}.ongoing")),
                            };
                            self.error(range, field, message);
                            None
                        }
                    },
                },
            });
        }
        Dates {
            milestones: when,
            eras,
        }
    }

    fn poll(&mut self, p: &Poll) {
        self.text(&p.heading, "poll.heading");
        self.rich(&p.intro, "poll.intro");
        if let Some(r) = &p.results {
            if let Err(message) = results_service(r.get_ref()) {
                self.error(r.span(), "poll.results", message);
            }
        }
        if p.questions.get_ref().is_empty() {
            self.error(
                p.questions.span(),
                "poll.questions",
                "needs at least one question",
            );
        }
        let mut slugs = HashMap::new();
        for (i, q) in p.questions.get_ref().iter().enumerate() {
            let at = format!("poll.questions[{i}]");
            self.slug(&q.slug, &format!("{at}.slug"), &mut slugs);
            self.text(&q.prompt, &format!("{at}.prompt"));
            self.opt_rich(&q.help, &format!("{at}.help"));
            let limit = *q.max_length.get_ref();
            if limit == 0 || limit > MAX_TEXT_LIMIT {
                let message = format!("must be between 1 and {MAX_TEXT_LIMIT} characters");
                self.error(q.max_length.span(), format!("{at}.max_length"), message);
            }
            match (q.kind, &q.choices) {
                (QuestionKind::Text, Some(c)) => {
                    self.error(
                        c.span(),
                        format!("{at}.choices"),
                        "a text question takes no choices",
                    );
                }
                (QuestionKind::Text, None) => {}
                (_, None) => {
                    self.error(
                        q.slug.span(),
                        format!("{at}.choices"),
                        "a poll question needs choices: none given",
                    );
                }
                (_, Some(choices)) => self.choices(choices, &at),
            }
        }
    }

    /// Each picture: a slug (its element `picture-<slug>`), a file inside
    /// the story's folder, alt text unless decorative, and shown exactly
    /// once. Reading the file is the build's (`page::photos`).
    fn pictures(&mut self, pictures: &[Picture], ids: &mut HashMap<String, usize>) {
        let mut known = HashMap::new();
        for (i, p) in pictures.iter().enumerate() {
            let at = format!("pictures[{i}]");
            if self.slug_form(&p.slug, &format!("{at}.slug")) {
                let id = format!("picture-{}", p.slug.get_ref());
                self.unique(p.slug.span(), &id, &format!("{at}.slug"), ids);
                known.insert(p.slug.get_ref().clone(), 0usize);
            }
            if let Err(message) = picture_path(p.file.get_ref()) {
                self.error(p.file.span(), format!("{at}.file"), message);
            }
            match (&p.alt, p.decorative) {
                (Some(alt), false) => self.text(alt, &format!("{at}.alt")),
                (None, false) => self.error(
                    p.slug.span(),
                    format!("{at}.alt"),
                    "a picture needs alt text (what it shows, for readers who cannot see it), or `decorative = true` when it adds nothing the text does not say",
                ),
                (Some(alt), true) => self.error(
                    alt.span(),
                    format!("{at}.alt"),
                    "a decorative picture has no alt text: remove `alt` or `decorative`",
                ),
                (None, true) => {}
            }
            self.opt_rich(&p.caption, &format!("{at}.caption"));
            self.opt_text(&p.credit, &format!("{at}.credit"));
        }
        for (span, field, slug) in std::mem::take(&mut self.placed) {
            match known.get_mut(&slug) {
                None => {
                    let mut names: Vec<&str> =
                        pictures.iter().map(|p| p.slug.get_ref().as_str()).collect();
                    names.sort_unstable();
                    let list = if names.is_empty() {
                        "the story has no [[pictures]]".to_owned()
                    } else {
                        format!("the pictures are: {}", names.join(", "))
                    };
                    self.error(span, field, format!("no picture \"{slug}\"; {list}"));
                }
                Some(n) => {
                    *n += 1;
                    if *n > 1 {
                        self.error(
                            span,
                            field,
                            format!("the picture \"{slug}\" is shown already: each picture is shown once"),
                        );
                    }
                }
            }
        }
        for p in pictures {
            if known.get(p.slug.get_ref()) == Some(&0) {
                let field = format!("pictures.{}", p.slug.get_ref());
                self.error(
                    p.slug.span(),
                    field,
                    "this picture is not shown: place it with `picture = \"slug\"` (the lead, a milestone) or `{ picture = \"slug\" }` (the article, a section), or remove it",
                );
            }
        }
    }

    fn choices(&mut self, choices: &Spanned<Vec<Choice>>, at: &str) {
        let list = choices.get_ref();
        if list.len() < 2 {
            let message = format!(
                "a poll question needs at least two choices, found {}",
                list.len()
            );
            self.error(choices.span(), format!("{at}.choices"), message);
        }
        let mut ids = HashMap::new();
        let mut has_other = false;
        for (j, c) in list.iter().enumerate() {
            self.slug(&c.id, &format!("{at}.choices[{j}].id"), &mut ids);
            self.text(&c.label, &format!("{at}.choices[{j}].label"));
            if c.other && std::mem::replace(&mut has_other, true) {
                self.error(
                    c.id.span(),
                    format!("{at}.choices[{j}].other"),
                    "only one choice may be \"other\"",
                );
            }
        }
    }
}

/// A picture's file: a relative path inside the story's folder, in JPEG,
/// PNG or WebP (the importer holds a TimelineJS media file to it too).
pub fn picture_path(file: &str) -> Result<(), String> {
    let path = std::path::Path::new(file);
    let inside = !file.is_empty()
        && !file.contains('\\')
        && path.is_relative()
        && path
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
    if !inside {
        return Err(format!(
            "\"{file}\" is not a file in the story's folder: name it from there, as harbour.jpg or photos/harbour.jpg"
        ));
    }
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if !matches!(extension.as_str(), "jpg" | "jpeg" | "png" | "webp") {
        return Err(format!(
            "\"{file}\" is not a JPEG, PNG or WebP file (.jpg, .jpeg, .png, .webp)"
        ));
    }
    Ok(())
}

/// A results service's address, checked: `https://`, or `http://` on this
/// machine (`localhost`, `127.0.0.1`, `[::1]`) for development; no user,
/// query or fragment. Gives it without a trailing slash, with its origin.
pub fn results_service(text: &str) -> Result<model::ResultsService, String> {
    let url = url::Url::parse(text.trim())
        .map_err(|e| format!("is not an address ({e}): write it as https://results.example.org"))?;
    let local = matches!(url.host_str(), Some("localhost" | "127.0.0.1" | "[::1]"));
    match url.scheme() {
        "https" => {}
        "http" if local => {}
        "http" => {
            return Err("must be https:// (http:// only for localhost, while testing)".into())
        }
        other => return Err(format!("must be an https:// address, not {other}:")),
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err("must not hold a user name or password".into());
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err("must not have a query (?) or fragment (#)".into());
    }
    Ok(model::ResultsService {
        url: url.as_str().trim_end_matches('/').to_owned(),
        origin: url.origin().ascii_serialization(),
    })
}
