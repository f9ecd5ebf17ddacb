//! The parts of a story page that the browser runtime brings to life.

/// A live part of the page, inside a `<div data-ex-part="…">` of the
/// pre-rendered markup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The evergreen context's live controls (Expand all, Collapse all, deep links).
    Context,
    /// The milestone timeline.
    Timeline,
    /// The reader poll.
    Poll,
    /// The "Embed this" panel (standalone page only).
    Embed,
}

impl Part {
    /// The parts that are wired in every view that shows them, in page
    /// order; the embed panel is wired on the standalone page only.
    pub const ALL: [Part; 3] = [Part::Context, Part::Timeline, Part::Poll];

    /// The value of its `data-ex-part` attribute.
    pub fn name(self) -> &'static str {
        match self {
            Part::Context => "context",
            Part::Timeline => "timeline",
            Part::Poll => "poll",
            Part::Embed => "embed",
        }
    }
}
