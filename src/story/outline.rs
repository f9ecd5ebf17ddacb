//! What the islands and the results service need of a story, beyond what
//! the page shows: ids, dates, kinds, limits and the few words said after a
//! reader's action (headings, sector labels, milestone titles).
//!
//! The islands get theirs in their props (`components::*::…View`). The
//! results service reads each story's [`PollOutline`] from the built
//! site's `stories.json` ([`PollOutline::to_json`], read back with
//! [`PollOutline::from_json`], tested against each other here).

use crate::dates::chronological;
use crate::dates::When;
use crate::json::Json;
use crate::story::{QuestionKind, Story};
use crate::timeline::layout::StatusLine;

/// The words an outline needs from the edition's locale (`i18n::Locale`
/// gives them when the page is built).
pub trait Words {
    /// A milestone's dates as one text.
    fn when(&self, when: When) -> String;
    /// A status line in words.
    fn status(&self, line: StatusLine) -> String;
    /// A message that takes no variables, filled in.
    fn text(&self, key: &str) -> String;
    /// A part's frame title (`embed-frame-title`): the part, then the page.
    fn frame_title(&self, part: &str, page: &str) -> String;
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
    /// Index of its sector in [`TimelineOutline::sectors`], if it has one.
    pub sector: Option<usize>,
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

/// Why an outline could not be read: the part that is off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadOutline(pub &'static str);

impl Story {
    /// The title of a view's frame: the headline, or the part's heading
    /// before it (`embed-frame-title`).
    pub fn view_title(&self, words: &dyn Words, view: crate::embed::Mode) -> String {
        let part = match view {
            crate::embed::Mode::Only(part) => self.heading_of(part),
            _ => None,
        };
        match part {
            Some(part) => words.frame_title(part, &self.headline),
            None => self.headline.clone(),
        }
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
            .chain(self.embeddable().map(Mode::Only))
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
                Some(w) if !m.reported() => [
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
                sector: t.sector_of(m),
                when: m.when,
                reported: m.reported(),
                when_text: m.when_text(words).unwrap_or_default(),
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

impl PollOutline {
    /// The outline as JSON (in `stories.json`).
    pub fn to_json(&self) -> Json {
        let questions = self
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
        Json::object(
            [
                ("heading", Json::str(&self.heading)),
                ("questions", Json::Array(questions)),
            ]
            .into_iter()
            .chain((!self.results.is_empty()).then(|| ("results", Json::str(&self.results)))),
        )
    }

    /// Reads an outline written by [`PollOutline::to_json`].
    pub fn from_json(poll: &Json) -> Result<PollOutline, BadOutline> {
        let questions = list(poll, "questions", |q| {
            Ok(QuestionOutline {
                slug: string(q, "slug")?,
                kind: q
                    .get("kind")
                    .and_then(Json::as_str)
                    .and_then(QuestionKind::named)
                    .ok_or(BadOutline("question kind"))?,
                max_length: q
                    .get("max")
                    .and_then(Json::as_u32)
                    .ok_or(BadOutline("question max"))?,
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

fn member<'a>(v: &'a Json, key: &'static str) -> Result<&'a Json, BadOutline> {
    v.get(key).ok_or(BadOutline(key))
}

fn string(v: &Json, key: &'static str) -> Result<String, BadOutline> {
    member(v, key)?
        .as_str()
        .map(str::to_owned)
        .ok_or(BadOutline(key))
}

/// A string member that may be absent (then empty).
fn optional(v: &Json, key: &'static str) -> Result<String, BadOutline> {
    match v.get(key) {
        None => Ok(String::new()),
        Some(s) => s.as_str().map(str::to_owned).ok_or(BadOutline(key)),
    }
}

fn list<T>(
    v: &Json,
    key: &'static str,
    item: impl Fn(&Json) -> Result<T, BadOutline>,
) -> Result<Vec<T>, BadOutline> {
    member(v, key)?
        .as_array()
        .ok_or(BadOutline(key))?
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
    fn a_poll_outline_round_trips_through_json_text() {
        let outline = poll_outline(story().poll.as_ref().unwrap());
        let text = json::stringify(&outline.to_json());
        let back = PollOutline::from_json(&json::parse(&text).unwrap()).unwrap();
        assert_eq!(back, outline);
        let mut with_results = outline.clone();
        with_results.results = "https://results.example.org/".into();
        let text = json::stringify(&with_results.to_json());
        let back = PollOutline::from_json(&json::parse(&text).unwrap()).unwrap();
        assert_eq!(back, with_results);
    }

    #[test]
    fn milestones_come_in_walking_order_with_their_sector() {
        let s = story();
        let o = timeline_outline(s.timeline.as_ref().unwrap(), english());
        assert_eq!(
            o.milestones.len(),
            s.timeline.as_ref().unwrap().milestones.len()
        );
        let dated: Vec<_> = o.milestones.iter().filter_map(|m| m.when).collect();
        for pair in dated.windows(2) {
            assert!(pair[0].chronological(pair[1]).is_le(), "{pair:?}");
        }
        let first_undated = o.milestones.iter().position(|m| m.when.is_none());
        if let Some(k) = first_undated {
            assert!(o.milestones[k..].iter().all(|m| m.when.is_none()));
        }
        for m in &o.milestones {
            let full = s
                .timeline
                .as_ref()
                .unwrap()
                .milestones
                .iter()
                .find(|f| f.slug == m.slug)
                .unwrap();
            let sector = m.sector.map(|k| o.sectors[k].slug.clone());
            assert_eq!(sector, full.sector);
            assert_eq!((m.when, m.reported), (full.when, full.reported()));
        }
    }

    #[test]
    fn a_poll_outline_holds_ids_and_limits_not_the_questions_words() {
        let s = story();
        let text = json::stringify(&poll_outline(s.poll.as_ref().unwrap()).to_json());
        for q in &s.poll.as_ref().unwrap().questions {
            assert!(!text.contains(&q.prompt), "{}", q.slug);
            // The "Other" choice's label is kept (a problem names it); no
            // other label is.
            for c in q.choices.iter().filter(|c| !c.other) {
                assert!(!text.contains(&format!("\"{}\"", c.label)), "{}", c.id);
            }
        }
    }

    #[test]
    fn a_broken_poll_outline_names_what_is_off() {
        assert_eq!(
            PollOutline::from_json(&Json::Null),
            Err(BadOutline("questions"))
        );
        let no_max = json::parse(
            r#"{"heading":"p","questions":[{"slug":"q","kind":"single","choices":[]}]}"#,
        )
        .unwrap();
        assert_eq!(
            PollOutline::from_json(&no_max),
            Err(BadOutline("question max"))
        );
        let bad_kind = json::parse(
            r#"{"heading":"p","questions":[{"slug":"q","kind":"many","max":9,"choices":[]}]}"#,
        )
        .unwrap();
        assert_eq!(
            PollOutline::from_json(&bad_kind),
            Err(BadOutline("question kind"))
        );
    }
}
