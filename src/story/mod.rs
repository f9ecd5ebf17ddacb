//! The story: the typed model the page is rendered from.
//!
//! A story file (`content/*.toml`) is read and validated at build time by
//! [`source`] (feature `source`), which gives a [`Story`]; the components
//! render it into the page. The browser never sees a `Story`: each island
//! gets what it needs (its view, with the story's [`outline`]) in its props.

#[cfg(feature = "source")]
pub mod markup;
pub mod outline;
#[cfg(feature = "source")]
pub mod source;

pub use crate::dates::When;

#[cfg(feature = "source")]
pub use source::{parse, StoryError};

/// Who wrote a story.
#[derive(Debug, Clone, PartialEq)]
pub struct Byline {
    /// Author's name.
    pub name: String,
    /// Author's role.
    pub role: String,
}

/// One story: everything the explainer shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    /// Stable id of the story: its page's folder and its storage keys.
    pub slug: String,
    /// BCP 47 language tag of the text.
    pub language: String,
    /// Section label, for example "World", if any.
    pub section: Option<String>,
    /// The headline.
    pub headline: String,
    /// The standfirst.
    pub standfirst: String,
    /// Meta description and social preview text (the standfirst when the
    /// story gives none).
    pub description: String,
    /// The disclaimer, if any.
    pub disclaimer: Option<String>,
    /// Who wrote it, if the story names them.
    pub byline: Option<Byline>,
    /// The lead picture's slug: shown under the header, and the link
    /// preview's picture.
    pub lead: Option<String>,
    /// Body paragraphs, and pictures between them.
    pub body: Vec<Passage>,
    /// Data tables.
    pub tables: Vec<Table>,
    /// Evergreen context.
    pub context: Option<Context>,
    /// Timeline.
    pub timeline: Option<Timeline>,
    /// Reader poll.
    pub poll: Option<Poll>,
    /// The story's own wording for interface strings: `(key, Fluent text)`.
    pub strings: Vec<(String, String)>,
    /// Its pictures, each shown once (as the lead, in the article, a
    /// context section or a milestone).
    pub figures: Vec<Figure>,
}

impl Story {
    /// The heading of `part`, when the story has that part (a story may
    /// leave out the context, the timeline or the poll).
    pub fn heading_of(&self, part: crate::part::Part) -> Option<&str> {
        use crate::part::Part;
        match part {
            Part::Context => self.context.as_ref().map(|c| c.heading.as_str()),
            Part::Timeline => self.timeline.as_ref().map(|t| t.heading.as_str()),
            Part::Poll => self.poll.as_ref().map(|p| p.heading.as_str()),
            Part::Embed => None,
        }
    }

    /// The parts a reader may embed alone ([`crate::embed::EMBEDDABLE`]),
    /// of those the story has.
    pub fn embeddable(&self) -> impl Iterator<Item = crate::part::Part> + '_ {
        crate::embed::EMBEDDABLE
            .into_iter()
            .filter(|p| self.heading_of(*p).is_some())
    }

    /// The lead picture, when the story names one.
    pub fn lead_figure(&self) -> Option<&Figure> {
        self.lead.as_deref().and_then(|slug| self.figure(slug))
    }

    /// The picture with this slug.
    pub fn figure(&self, slug: &str) -> Option<&Figure> {
        self.figures.iter().find(|f| f.slug == slug)
    }
}

/// A paragraph of the article, or a picture between paragraphs.
#[derive(Debug, Clone, PartialEq)]
pub enum Passage {
    /// A paragraph.
    Text(Rich),
    /// A picture, by its slug.
    Figure(String),
}

impl Passage {
    /// The paragraph's text (`None` for a picture).
    pub fn text(&self) -> Option<&Rich> {
        match self {
            Passage::Text(t) => Some(t),
            Passage::Figure(_) => None,
        }
    }
}

/// A picture of the story: an image file in the story's folder
/// (`content/<slug>/`), described, with its caption and credit.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Stable id: its element is `picture-<slug>`.
    pub slug: String,
    /// The file, relative to the story's folder.
    pub file: String,
    /// Where the story names the file (line, column), for problems found
    /// when it is read.
    pub file_at: (usize, usize),
    /// Its text alternative; empty when the story marks it decorative.
    pub alt: String,
    /// Its caption.
    pub caption: Option<Rich>,
    /// Who made it ("Photo: Jane Doe").
    pub credit: Option<String>,
    /// Its resized files, once the build has made them.
    pub photo: Option<Photo>,
}

/// A picture's resized files: each of [`Photo::WIDTHS`] in WebP and in
/// its fallback format, named by a hash of the source file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Photo {
    /// The hash of its source file (names its files).
    pub key: String,
    /// The source's width and height in pixels, once oriented.
    pub width: u32,
    /// See `width`.
    pub height: u32,
    /// JPEG for photographs, PNG for a source with transparency.
    pub fallback: PhotoFormat,
}

/// A picture's fallback format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoFormat {
    /// `image/jpeg`.
    Jpeg,
    /// `image/png`.
    Png,
}

impl PhotoFormat {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            PhotoFormat::Jpeg => "jpg",
            PhotoFormat::Png => "png",
        }
    }

    /// The media type.
    pub fn media_type(self) -> &'static str {
        match self {
            PhotoFormat::Jpeg => "image/jpeg",
            PhotoFormat::Png => "image/png",
        }
    }
}

impl Photo {
    /// The widths every picture is served in, in pixels: a phone's column
    /// at 1x to a desktop column at 2x. A source must be at least as wide
    /// as the widest.
    pub const WIDTHS: [u32; 3] = [400, 800, 1200];

    /// The height at `width`, keeping the source's proportions.
    pub fn height_at(&self, width: u32) -> u32 {
        let h = u64::from(width) * u64::from(self.height) / u64::from(self.width.max(1));
        u32::try_from(h).unwrap_or(u32::MAX).max(1)
    }

    /// The file name of the `figure`'s picture at `width` (`webp`, or the
    /// fallback's extension).
    pub fn file(&self, figure: &str, width: u32, extension: &str) -> String {
        format!("{figure}-{}-{width}.{extension}", self.key)
    }
}

/// A text with inline formatting (links, emphasis, strong, line breaks),
/// rendered at build time from the story file's Markdown (`markup`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Rich {
    /// Safe HTML: the words escaped, with `<a href>`, `<em>`, `<strong>`
    /// and `<br>` only.
    pub html: String,
    /// The words alone, for where only text fits (drawn pictures, labels).
    pub plain: String,
}

/// A table: the first cell of each row is the row's header.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Stable id.
    pub slug: String,
    /// Caption.
    pub caption: String,
    /// Column headers.
    pub columns: Vec<String>,
    /// Rows of cells.
    pub rows: Vec<Vec<Rich>>,
}

/// The evergreen context block.
#[derive(Debug, Clone, PartialEq)]
pub struct Context {
    /// Heading that labels the region.
    pub heading: String,
    /// Collapsible sections.
    pub sections: Vec<Section>,
}

/// A collapsible context section.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// Stable id and anchor.
    pub slug: String,
    /// Heading.
    pub title: String,
    /// Open on load.
    pub open: bool,
    /// Content.
    pub blocks: Vec<Block>,
}

/// A block of section text.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A paragraph.
    Paragraph(Rich),
    /// A bullet list.
    Bullets(Vec<Item>),
    /// A numbered list.
    Steps(Vec<Item>),
    /// A picture, by its slug.
    Figure(String),
}

/// A list item.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// Lead term.
    pub term: Option<String>,
    /// Text.
    pub text: Option<Rich>,
    /// Nested items.
    pub items: Vec<Rich>,
}

/// The timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    /// Heading that labels the region.
    pub heading: String,
    /// Sectors, in the story's order.
    pub sectors: Vec<Sector>,
    /// Milestones, in the story's order.
    pub milestones: Vec<Milestone>,
    /// Labelled periods, in the story's order.
    pub eras: Vec<Era>,
}

impl Timeline {
    /// Where `m`'s sector stands among [`Timeline::sectors`], if it has one.
    pub fn sector_of(&self, m: &Milestone) -> Option<usize> {
        let slug = m.sector.as_ref()?;
        self.sectors.iter().position(|s| s.slug == *slug)
    }
}

/// A labelled period of a timeline, drawn as a band along its axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Era {
    /// Stable id.
    pub slug: String,
    /// Label.
    pub label: String,
    /// From its start to its end.
    pub when: When,
}

/// A sector of the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Sector {
    /// Stable id.
    pub slug: String,
    /// Label.
    pub label: String,
}

/// A timeline milestone.
#[derive(Debug, Clone, PartialEq)]
pub struct Milestone {
    /// Stable id.
    pub slug: String,
    /// Title.
    pub title: String,
    /// Sector slug; none for a milestone of no sector (never filtered out).
    pub sector: Option<String>,
    /// Dates; `None` when the source gives none.
    pub when: Option<When>,
    /// The words shown for its dates instead of the dates themselves
    /// ("Spring, some years later"), when the source words them so.
    pub display_date: Option<String>,
    /// A plan, a reported outcome, or a dated event.
    pub status: Status,
    /// What it is.
    pub summary: Option<Rich>,
    /// Expected or reported impact.
    pub impact: Option<Rich>,
    /// The passage its dates come from, if the story names one.
    pub source: Option<String>,
    /// A note, for example where passages disagree.
    pub note: Option<Rich>,
    /// A picture in its details, by its slug.
    pub figure: Option<String>,
}

/// What a milestone's source says of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// A plan: never shown as done.
    Planned,
    /// An outcome the source reports.
    Reported,
    /// An event at its dates, neither a plan nor an outcome (a timeline's
    /// entry, as TimelineJS timelines have them): no status line.
    Event,
}

impl Milestone {
    /// True unless the source reports a plan: its status line does not
    /// depend on the day.
    pub fn reported(&self) -> bool {
        self.status != Status::Planned
    }

    /// Its dates as one text: the story's own words for them when it has
    /// some (`display_date`), else `words`' ("2026–2030"); none if undated.
    pub fn when_text(&self, words: &dyn outline::Words) -> Option<String> {
        let when = self.when?;
        Some(
            self.display_date
                .clone()
                .unwrap_or_else(|| words.when(when)),
        )
    }
}

/// The reader poll.
#[derive(Debug, Clone, PartialEq)]
pub struct Poll {
    /// Heading that labels the poll.
    pub heading: String,
    /// Line under the heading.
    pub intro: Rich,
    /// Questions.
    pub questions: Vec<Question>,
    /// The results service the poll sends answers to and shows others'
    /// answers from (none: answers stay in the browser only).
    pub results: Option<ResultsService>,
}

/// A poll's results service (`server/`, run by the newsroom).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultsService {
    /// Its address, without a trailing slash: the API is under
    /// `<url>/v1/polls/<story>/`.
    pub url: String,
    /// Its origin (`https://results.example.org`), for the page's
    /// Content-Security-Policy.
    pub origin: String,
}

/// How a question is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "islands", derive(serde::Serialize, serde::Deserialize))]
pub enum QuestionKind {
    /// One choice.
    Single,
    /// Several choices.
    Multiple,
    /// Free text.
    Text,
}

impl QuestionKind {
    /// The name a story file and `stories.json` use.
    pub fn name(self) -> &'static str {
        match self {
            QuestionKind::Single => "single",
            QuestionKind::Multiple => "multiple",
            QuestionKind::Text => "text",
        }
    }

    /// The kind with this [`name`](QuestionKind::name).
    pub fn named(name: &str) -> Option<QuestionKind> {
        [
            QuestionKind::Single,
            QuestionKind::Multiple,
            QuestionKind::Text,
        ]
        .into_iter()
        .find(|k| k.name() == name)
    }
}

/// A poll question.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    /// Stable id.
    pub slug: String,
    /// The question.
    pub prompt: String,
    /// Help under the question (what it means, where to read more).
    pub help: Option<Rich>,
    /// How it is answered.
    pub kind: QuestionKind,
    /// Longest free text, in characters.
    pub max_length: u32,
    /// Choices (empty for text).
    pub choices: Vec<Choice>,
}

/// A poll choice.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    /// Stable id.
    pub id: String,
    /// Label.
    pub label: String,
    /// Has its own text box.
    pub other: bool,
}

/// The project's own story, for tests.
#[cfg(all(test, feature = "source"))]
pub(crate) mod tests {
    use super::Story;

    /// Its poll's outline.
    pub fn poll_outline() -> super::outline::PollOutline {
        super::outline::poll_outline(story().poll.as_ref().unwrap())
    }

    /// Its timeline's outline, in English.
    #[cfg(feature = "render")]
    pub fn timeline_outline() -> super::outline::TimelineOutline {
        super::outline::timeline_outline(story().timeline.as_ref().unwrap(), crate::i18n::english())
    }

    /// `content/story.toml`, read and validated.
    pub fn story() -> Story {
        super::parse(
            "content/story.toml",
            include_str!("../../content/story.toml"),
        )
        .expect("content/story.toml is valid")
    }
}
