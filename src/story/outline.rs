//! What the browser runtime needs of a story, and how the page carries it.
//!
//! The runtime knows no story: the pre-renderer writes the story's outline
//! into the page as one data island,
//! `<script type="application/json" id="ex-story">`, and the runtime reads
//! it with the browser's `JSON.parse` ([`crate::json`]). The outline holds
//! ids, dates, kinds, limits and the few words the runtime says itself
//! (headings, sector labels, milestone titles), never the texts the page
//! already shows (the article, the sections, milestone details, poll
//! prompts and labels). So every story page loads the same wasm.
//!
//! Encoding ([`Outline::to_json`]) and decoding ([`Outline::from_json`])
//! live side by side here and are tested natively against each other.

use crate::dates::chronological;
use crate::dates::When;
use crate::json::Json;
use crate::messages::Messages;
use crate::story::{QuestionKind, Story};
use crate::timeline::layout::StatusLine;

/// The id of the data island element.
pub const ISLAND_ID: &str = "ex-story";

/// The version of the island's format.
pub const VERSION: u32 = 1;

/// The words an outline needs from the edition's locale (`i18n::Locale`
/// gives them when the page is built).
pub trait Words {
    /// The language tag the browser formats numbers and plurals for.
    fn lang(&self) -> String;
    /// A milestone's dates as one text.
    fn when(&self, when: When) -> String;
    /// A status line in words.
    fn status(&self, line: StatusLine) -> String;
    /// The runtime's messages.
    fn messages(&self) -> Messages;
    /// A message that takes no variables, filled in.
    fn text(&self, key: &str) -> String;
    /// A part's frame title (`embed-frame-title`): the part, then the page.
    fn frame_title(&self, part: &str, page: &str) -> String;
}

/// A story as the runtime sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Outline {
    /// The story's stable id (its storage keys use it).
    pub slug: String,
    /// The edition's language tag: the browser's `Intl` formats numbers and
    /// picks plural forms for it, never for the reader's own settings.
    pub lang: String,
    /// What the runtime says after a reader's action, in that language.
    pub messages: Messages,
    /// The story page's folder on the site, public URL included (`/`,
    /// `/news/explainer/<slug>/`): embed codes point there.
    pub path: String,
    /// The site's public URL (`/`, `/news/explainer/`): `embed.js` is there.
    pub root: String,
    /// The evergreen context.
    pub context: ContextOutline,
    /// The timeline.
    pub timeline: TimelineOutline,
    /// The poll.
    pub poll: PollOutline,
}

/// The context's heading and its sections' slugs, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct ContextOutline {
    /// Heading that labels the region.
    pub heading: String,
    /// Slugs of the sections (their `<details>` ids).
    pub sections: Vec<String>,
}

/// The timeline's sectors and milestones.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "islands", derive(serde::Serialize, serde::Deserialize))]
pub struct TimelineOutline {
    /// Heading that labels the region.
    pub heading: String,
    /// Sectors, in the story's order (the filters' order).
    pub sectors: Vec<SectorOutline>,
    /// Milestones in walking order: dated ones by date, then undated ones
    /// in the story's order (the page's order).
    pub milestones: Vec<MilestoneOutline>,
}

/// A sector.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "islands", derive(serde::Serialize, serde::Deserialize))]
pub struct SectorOutline {
    /// Stable id.
    pub slug: String,
    /// Label, for announcements.
    pub label: String,
}

/// A milestone.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "islands", derive(serde::Serialize, serde::Deserialize))]
pub struct MilestoneOutline {
    /// Stable id; the deep link is `#milestone-<slug>`.
    pub slug: String,
    /// Title, for announcements.
    pub title: String,
    /// Index of its sector in [`TimelineOutline::sectors`].
    pub sector: usize,
    /// Its dates, if the story gives any.
    pub when: Option<When>,
    /// True when the story reports an outcome rather than a plan.
    pub reported: bool,
    /// Its dates in words (empty when undated).
    pub when_text: String,
    /// Its status line on a day before its window, in it, and after it, in
    /// words (none for a reported or undated milestone: their line does not
    /// depend on the day).
    pub statuses: Vec<String>,
}

/// The poll's questions.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "islands", derive(serde::Serialize, serde::Deserialize))]
pub struct PollOutline {
    /// Heading that labels the poll.
    pub heading: String,
    /// Questions, in order.
    pub questions: Vec<QuestionOutline>,
    /// The results service's address (empty: answers stay in the browser).
    pub results: String,
}

/// A question: how it is answered, not what it asks.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "islands", derive(serde::Serialize, serde::Deserialize))]
pub struct QuestionOutline {
    /// Stable id.
    pub slug: String,
    /// How it is answered.
    pub kind: QuestionKind,
    /// Longest free text, in characters.
    pub max_length: u32,
    /// Its choices (none for a text question).
    pub choices: Vec<ChoiceOutline>,
    /// The label of its choice with a text box of its own (empty when none).
    pub other_label: String,
}

/// A choice: its id, and whether it has its own text box.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "islands", derive(serde::Serialize, serde::Deserialize))]
pub struct ChoiceOutline {
    /// Stable id (what saved answers store).
    pub id: String,
    /// Has its own text box ("Other").
    pub other: bool,
}

/// The embed codes of one view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedCode {
    /// The view, as [`crate::embed::Mode::attr`] names it (`all`, `poll`...).
    pub view: String,
    /// For a web page: the frame, its `<noscript>` picture, `embed.js`.
    pub html: String,
    /// For an AMP page: an `<amp-iframe>` with the picture as placeholder.
    pub amp: String,
}

/// Why an island could not be read: the part that is off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadIsland(pub &'static str);

impl Story {
    /// The title of a view's frame: the headline, or the part's heading
    /// before it (`embed-frame-title`).
    pub fn view_title(&self, words: &dyn Words, view: crate::embed::Mode) -> String {
        use crate::part::Part;
        let part = match view {
            crate::embed::Mode::Only(Part::Context) => &self.context.heading,
            crate::embed::Mode::Only(Part::Timeline) => &self.timeline.heading,
            crate::embed::Mode::Only(Part::Poll) => &self.poll.heading,
            _ => return self.headline.clone(),
        };
        words.frame_title(part, &self.headline)
    }

    /// The embed codes of every view of the page at `path` on the site at
    /// `root`, addresses starting with [`crate::embed::ORIGIN`]; with the
    /// views' `pictures` (name, width, height: `images/<name>.png`) for
    /// the codes' fallback images.
    pub fn embed_codes(
        &self,
        path: &str,
        root: &str,
        words: &dyn Words,
        pictures: &[(&str, u32, u32)],
    ) -> Vec<EmbedCode> {
        use crate::embed::{self, Fallback, Mode, ORIGIN};
        let page = format!("{ORIGIN}{path}");
        let script = format!("{ORIGIN}{root}embed.js");
        let (head, more) = (words.text("embed-amp-head"), words.text("embed-amp-more"));
        std::iter::once(Mode::Whole)
            .chain(embed::EMBEDDABLE.map(Mode::Only))
            .map(|view| {
                let title = self.view_title(words, view);
                let name = embed::picture_name(view);
                let src = format!("{page}images/{name}.png");
                let picture = pictures.iter().find(|p| p.0 == name).map(|p| Fallback {
                    src: &src,
                    width: p.1,
                    height: p.2,
                });
                EmbedCode {
                    view: view.attr().unwrap_or("all").to_owned(),
                    html: embed::snippet(&page, &script, view, &title, picture),
                    amp: embed::amp_snippet(&page, view, &title, picture, &head, &more),
                }
            })
            .collect()
    }

    /// The story's outline, for a page whose folder is `path` on a site
    /// whose public URL is `root`, in the edition's `words`.
    pub fn outline(&self, path: &str, root: &str, words: &dyn Words) -> Outline {
        Outline {
            slug: self.slug.clone(),
            lang: words.lang(),
            messages: words.messages(),
            path: path.to_owned(),
            root: root.to_owned(),
            context: ContextOutline {
                heading: self.context.heading.clone(),
                sections: self
                    .context
                    .sections
                    .iter()
                    .map(|s| s.slug.clone())
                    .collect(),
            },
            timeline: timeline_outline(&self.timeline, words),
            poll: poll_outline(&self.poll),
        }
    }
}

/// A poll's outline: questions, kinds, choice ids, limits and its results
/// service.
pub fn poll_outline(poll: &crate::story::Poll) -> PollOutline {
    PollOutline {
        heading: poll.heading.clone(),
        questions: poll
            .questions
            .iter()
            .map(|q| QuestionOutline {
                slug: q.slug.clone(),
                kind: q.kind,
                max_length: q.max_length,
                choices: q
                    .choices
                    .iter()
                    .map(|c| ChoiceOutline {
                        id: c.id.clone(),
                        other: c.other,
                    })
                    .collect(),
                other_label: q
                    .choices
                    .iter()
                    .find(|c| c.other)
                    .map(|c| c.label.clone())
                    .unwrap_or_default(),
            })
            .collect(),
        results: poll
            .results
            .as_ref()
            .map(|r| r.url.clone())
            .unwrap_or_default(),
    }
}

/// A timeline's outline in the edition's `words`: milestones in walking
/// order (dated by date, then undated in the story's order).
pub fn timeline_outline(t: &crate::story::Timeline, words: &dyn Words) -> TimelineOutline {
    let whens: Vec<_> = t.milestones.iter().map(|m| m.when).collect();
    let milestones = chronological(&whens)
        .into_iter()
        .map(|i| {
            let m = &t.milestones[i];
            let statuses = match m.when {
                Some(w) if !m.reported => [
                    StatusLine::Upcoming(w),
                    if matches!(w, When::Ongoing(_)) {
                        StatusLine::Ongoing(w)
                    } else {
                        StatusLine::InWindow(w)
                    },
                    StatusLine::Passed(w),
                ]
                .map(|l| words.status(l))
                .to_vec(),
                _ => Vec::new(),
            };
            MilestoneOutline {
                slug: m.slug.clone(),
                title: m.title.clone(),
                sector: t
                    .sectors
                    .iter()
                    .position(|s| s.slug == m.sector)
                    .unwrap_or(0),
                when: m.when,
                reported: m.reported,
                when_text: m.when.map(|w| words.when(w)).unwrap_or_default(),
                statuses,
            }
        })
        .collect();
    TimelineOutline {
        heading: t.heading.clone(),
        sectors: t
            .sectors
            .iter()
            .map(|s| SectorOutline {
                slug: s.slug.clone(),
                label: s.label.clone(),
            })
            .collect(),
        milestones,
    }
}

fn strings(list: &[String]) -> Json {
    Json::Array(list.iter().map(Json::str).collect())
}

impl Outline {
    /// The island's JSON.
    pub fn to_json(&self) -> Json {
        let t = &self.timeline;
        let sectors = t
            .sectors
            .iter()
            .map(|s| Json::object([("slug", Json::str(&s.slug)), ("label", Json::str(&s.label))]))
            .collect();
        let milestones = t
            .milestones
            .iter()
            .map(|m| {
                let mut members = vec![
                    ("slug", Json::str(&m.slug)),
                    ("title", Json::str(&m.title)),
                    ("sector", Json::Number(m.sector as f64)),
                ];
                if let Some(w) = m.when {
                    members.push(("when", Json::str(w.code())));
                }
                if m.reported {
                    members.push(("reported", Json::Bool(true)));
                }
                if !m.when_text.is_empty() {
                    members.push(("whenText", Json::str(&m.when_text)));
                }
                if !m.statuses.is_empty() {
                    members.push(("statuses", strings(&m.statuses)));
                }
                Json::object(members)
            })
            .collect();
        let questions = self
            .poll
            .questions
            .iter()
            .map(|q| {
                let choices = q
                    .choices
                    .iter()
                    .map(|c| {
                        let mut members = vec![("id", Json::str(&c.id))];
                        if c.other {
                            members.push(("other", Json::Bool(true)));
                        }
                        Json::object(members)
                    })
                    .collect();
                let mut members = vec![
                    ("slug", Json::str(&q.slug)),
                    ("kind", Json::str(q.kind.name())),
                    ("max", Json::Number(f64::from(q.max_length))),
                    ("choices", Json::Array(choices)),
                ];
                if !q.other_label.is_empty() {
                    members.push(("otherLabel", Json::str(&q.other_label)));
                }
                Json::object(members)
            })
            .collect();
        Json::object([
            ("v", Json::Number(f64::from(VERSION))),
            ("slug", Json::str(&self.slug)),
            ("lang", Json::str(&self.lang)),
            ("messages", self.messages.to_json()),
            ("path", Json::str(&self.path)),
            ("root", Json::str(&self.root)),
            (
                "context",
                Json::object([
                    ("heading", Json::str(&self.context.heading)),
                    ("sections", strings(&self.context.sections)),
                ]),
            ),
            (
                "timeline",
                Json::object([
                    ("heading", Json::str(&t.heading)),
                    ("sectors", Json::Array(sectors)),
                    ("milestones", Json::Array(milestones)),
                ]),
            ),
            (
                "poll",
                Json::object(
                    [
                        ("heading", Json::str(&self.poll.heading)),
                        ("questions", Json::Array(questions)),
                    ]
                    .into_iter()
                    .chain(
                        (!self.poll.results.is_empty())
                            .then(|| ("results", Json::str(&self.poll.results))),
                    ),
                ),
            ),
        ])
    }

    /// Reads an island written by [`Outline::to_json`].
    pub fn from_json(doc: &Json) -> Result<Outline, BadIsland> {
        if doc.get("v").and_then(Json::as_u32) != Some(VERSION) {
            return Err(BadIsland("v"));
        }
        let context = member(doc, "context")?;
        let timeline = member(doc, "timeline")?;
        let poll = member(doc, "poll")?;
        let sectors = list(timeline, "sectors", |s| {
            Ok(SectorOutline {
                slug: string(s, "slug")?,
                label: string(s, "label")?,
            })
        })?;
        let milestones = list(timeline, "milestones", |m| {
            let sector = m
                .get("sector")
                .and_then(Json::as_u32)
                .map(|k| k as usize)
                .filter(|k| *k < sectors.len())
                .ok_or(BadIsland("milestone sector"))?;
            let when = match m.get("when") {
                None => None,
                Some(w) => Some(
                    w.as_str()
                        .and_then(When::from_code)
                        .ok_or(BadIsland("milestone when"))?,
                ),
            };
            Ok(MilestoneOutline {
                slug: string(m, "slug")?,
                title: string(m, "title")?,
                sector,
                when,
                reported: m.get("reported").and_then(Json::as_bool).unwrap_or(false),
                when_text: optional(m, "whenText")?,
                statuses: match m.get("statuses") {
                    None => Vec::new(),
                    Some(_) => list(m, "statuses", |s| {
                        s.as_str().map(str::to_owned).ok_or(BadIsland("statuses"))
                    })?,
                },
            })
        })?;
        Ok(Outline {
            slug: string(doc, "slug")?,
            lang: string(doc, "lang")?,
            messages: Messages::from_json(member(doc, "messages")?).ok_or(BadIsland("messages"))?,
            path: string(doc, "path")?,
            root: string(doc, "root")?,
            context: ContextOutline {
                heading: string(context, "heading")?,
                sections: list(context, "sections", |s| {
                    s.as_str().map(str::to_owned).ok_or(BadIsland("sections"))
                })?,
            },
            timeline: TimelineOutline {
                heading: string(timeline, "heading")?,
                sectors,
                milestones,
            },
            poll: PollOutline::from_json(poll)?,
        })
    }
}

impl PollOutline {
    /// Reads the poll of an island written by [`Outline::to_json`] alone
    /// (the results service needs no more of a story).
    pub fn from_island(doc: &Json) -> Result<PollOutline, BadIsland> {
        if doc.get("v").and_then(Json::as_u32) != Some(VERSION) {
            return Err(BadIsland("v"));
        }
        PollOutline::from_json(member(doc, "poll")?)
    }

    fn from_json(poll: &Json) -> Result<PollOutline, BadIsland> {
        let questions = list(poll, "questions", |q| {
            Ok(QuestionOutline {
                slug: string(q, "slug")?,
                kind: q
                    .get("kind")
                    .and_then(Json::as_str)
                    .and_then(QuestionKind::named)
                    .ok_or(BadIsland("question kind"))?,
                max_length: q
                    .get("max")
                    .and_then(Json::as_u32)
                    .ok_or(BadIsland("question max"))?,
                choices: list(q, "choices", |c| {
                    Ok(ChoiceOutline {
                        id: string(c, "id")?,
                        other: c.get("other").and_then(Json::as_bool).unwrap_or(false),
                    })
                })?,
                other_label: optional(q, "otherLabel")?,
            })
        })?;
        Ok(PollOutline {
            heading: string(poll, "heading")?,
            questions,
            results: optional(poll, "results")?,
        })
    }
}

fn member<'a>(v: &'a Json, key: &'static str) -> Result<&'a Json, BadIsland> {
    v.get(key).ok_or(BadIsland(key))
}

fn string(v: &Json, key: &'static str) -> Result<String, BadIsland> {
    member(v, key)?
        .as_str()
        .map(str::to_owned)
        .ok_or(BadIsland(key))
}

/// A string member that may be absent (then empty).
fn optional(v: &Json, key: &'static str) -> Result<String, BadIsland> {
    match v.get(key) {
        None => Ok(String::new()),
        Some(s) => s.as_str().map(str::to_owned).ok_or(BadIsland(key)),
    }
}

fn list<T>(
    v: &Json,
    key: &'static str,
    item: impl Fn(&Json) -> Result<T, BadIsland>,
) -> Result<Vec<T>, BadIsland> {
    member(v, key)?
        .as_array()
        .ok_or(BadIsland(key))?
        .iter()
        .map(item)
        .collect()
}

#[cfg(all(test, feature = "render"))]
mod tests {
    use super::*;
    use crate::i18n::english;
    use crate::json;
    use crate::story::tests::story;

    #[test]
    fn the_island_round_trips_through_json_text() {
        let outline = story().outline("/news/x/tajik-japan-tokyo-talks/", "/news/x/", english());
        let text = json::stringify(&outline.to_json());
        let back = Outline::from_json(&json::parse(&text).unwrap()).unwrap();
        assert_eq!(back, outline);
    }

    #[test]
    fn milestones_come_in_walking_order_with_their_sector() {
        let s = story();
        let o = s.outline("/", "/", english());
        assert_eq!(o.timeline.milestones.len(), s.timeline.milestones.len());
        let dated: Vec<_> = o
            .timeline
            .milestones
            .iter()
            .filter_map(|m| m.when)
            .collect();
        for pair in dated.windows(2) {
            assert!(pair[0].chronological(pair[1]).is_le(), "{pair:?}");
        }
        let first_undated = o.timeline.milestones.iter().position(|m| m.when.is_none());
        if let Some(k) = first_undated {
            assert!(o.timeline.milestones[k..].iter().all(|m| m.when.is_none()));
        }
        for m in &o.timeline.milestones {
            let full = s
                .timeline
                .milestones
                .iter()
                .find(|f| f.slug == m.slug)
                .unwrap();
            assert_eq!(o.timeline.sectors[m.sector].slug, full.sector);
            assert_eq!((m.when, m.reported), (full.when, full.reported));
        }
    }

    #[test]
    fn the_island_holds_no_text_the_page_shows_alone() {
        let s = story();
        let text = json::stringify(&s.outline("/", "/", english()).to_json());
        for m in &s.timeline.milestones {
            assert!(!text.contains(&m.summary), "{}", m.slug);
        }
        for q in &s.poll.questions {
            assert!(!text.contains(&q.prompt), "{}", q.slug);
            // The runtime names the choice with its own text box in a problem
            // ("You chose “Other”..."); no other label is in the island.
            for c in q.choices.iter().filter(|c| !c.other) {
                assert!(!text.contains(&format!("\"{}\"", c.label)), "{}", c.id);
            }
        }
        assert!(!text.contains(&s.body[0]));
    }

    #[test]
    fn a_broken_island_names_what_is_off() {
        let good = story().outline("/", "/", english()).to_json();
        assert_eq!(Outline::from_json(&Json::Null), Err(BadIsland("v")));
        let Json::Object(mut members) = good else {
            unreachable!()
        };
        members.retain(|(k, _)| k != "poll");
        assert_eq!(
            Outline::from_json(&Json::Object(members)),
            Err(BadIsland("poll"))
        );
        let bad_when = json::parse(
            r#"{"v":1,"slug":"s","lang":"en","messages":{},"path":"/","root":"/","context":{"heading":"c","sections":[]},
            "timeline":{"heading":"t","sectors":[{"slug":"a","label":"A"}],
            "milestones":[{"slug":"m","title":"M","sector":0,"when":"2026-13"}]},
            "poll":{"heading":"p","questions":[]}}"#,
        )
        .unwrap();
        assert_eq!(
            Outline::from_json(&bad_when),
            Err(BadIsland("milestone when"))
        );
    }
}
