//! The typed story the app renders: `'static` data generated at build time
//! from `content/story.toml`, so the browser parses nothing.

pub use crate::timeline::dates::When;

/// One story: everything the explainer shows.
#[derive(Debug)]
pub struct Story {
    /// Stable id of the story, used for storage keys.
    pub slug: &'static str,
    /// Language tag of the text.
    pub language: &'static str,
    /// Section label, for example "World".
    pub section: &'static str,
    /// The headline.
    pub headline: &'static str,
    /// The standfirst.
    pub standfirst: &'static str,
    /// Meta description and social preview text.
    pub description: &'static str,
    /// The disclaimer.
    pub disclaimer: &'static str,
    /// Author's name.
    pub author: &'static str,
    /// Author's role.
    pub author_role: &'static str,
    /// Body paragraphs.
    pub body: &'static [&'static str],
    /// Data tables.
    pub tables: &'static [Table],
    /// Evergreen context.
    pub context: &'static Context,
    /// Timeline.
    pub timeline: &'static Timeline,
    /// Reader poll.
    pub poll: &'static Poll,
}

/// A table: the first cell of each row is the row's header.
#[derive(Debug)]
pub struct Table {
    /// Stable id.
    pub slug: &'static str,
    /// Caption.
    pub caption: &'static str,
    /// Column headers.
    pub columns: &'static [&'static str],
    /// Rows of cells.
    pub rows: &'static [&'static [&'static str]],
}

/// The evergreen context block.
#[derive(Debug)]
pub struct Context {
    /// Heading that labels the region.
    pub heading: &'static str,
    /// Collapsible sections.
    pub sections: &'static [Section],
    /// Heading and section slugs, on their own.
    pub outline: &'static ContextOutline,
}

/// What the live context controls need of the context: its heading and
/// section ids, not the text (so the browser app does not link the text).
#[derive(Debug)]
pub struct ContextOutline {
    /// Heading that labels the region.
    pub heading: &'static str,
    /// Slugs of the sections, in order.
    pub slugs: &'static [&'static str],
}

/// A collapsible context section.
#[derive(Debug)]
pub struct Section {
    /// Stable id and anchor.
    pub slug: &'static str,
    /// Heading.
    pub title: &'static str,
    /// Open on load.
    pub open: bool,
    /// Content.
    pub blocks: &'static [Block],
}

/// A block of section text.
#[derive(Debug)]
pub enum Block {
    /// A paragraph.
    Paragraph(&'static str),
    /// A bullet list.
    Bullets(&'static [Item]),
    /// A numbered list.
    Steps(&'static [Item]),
}

/// A list item.
#[derive(Debug)]
pub struct Item {
    /// Lead term.
    pub term: Option<&'static str>,
    /// Text.
    pub text: Option<&'static str>,
    /// Nested items.
    pub items: &'static [&'static str],
}

/// The timeline.
#[derive(Debug)]
pub struct Timeline {
    /// Heading that labels the region.
    pub heading: &'static str,
    /// Sectors, in the story's order.
    pub sectors: &'static [Sector],
    /// Milestones, in the story's order.
    pub milestones: &'static [Milestone],
}

/// A sector of the timeline.
#[derive(Debug)]
pub struct Sector {
    /// Stable id.
    pub slug: &'static str,
    /// Label.
    pub label: &'static str,
}

/// A timeline milestone.
#[derive(Debug)]
pub struct Milestone {
    /// Stable id.
    pub slug: &'static str,
    /// Title.
    pub title: &'static str,
    /// Sector slug.
    pub sector: &'static str,
    /// Dates; `None` when the source gives none.
    pub when: Option<When>,
    /// True when the source reports an outcome rather than a plan.
    pub reported: bool,
    /// What it is.
    pub summary: &'static str,
    /// Expected or reported impact.
    pub impact: Option<&'static str>,
    /// The passage its dates come from.
    pub source: &'static str,
    /// A note, for example where passages disagree.
    pub note: Option<&'static str>,
}

/// The reader poll.
#[derive(Debug)]
pub struct Poll {
    /// Heading that labels the poll.
    pub heading: &'static str,
    /// Line under the heading.
    pub intro: &'static str,
    /// Questions.
    pub questions: &'static [Question],
}

/// How a question is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionKind {
    /// One choice.
    Single,
    /// Several choices.
    Multiple,
    /// Free text.
    Text,
}

/// A poll question.
#[derive(Debug)]
pub struct Question {
    /// Stable id.
    pub slug: &'static str,
    /// The question.
    pub prompt: &'static str,
    /// How it is answered.
    pub kind: QuestionKind,
    /// Longest free text, in characters.
    pub max_length: u32,
    /// Choices (empty for text).
    pub choices: &'static [Choice],
}

/// A poll choice.
#[derive(Debug)]
pub struct Choice {
    /// Stable id.
    pub id: &'static str,
    /// Label.
    pub label: &'static str,
    /// Has its own text box.
    pub other: bool,
}
