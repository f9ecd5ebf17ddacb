//! The reader poll's plain logic: answers, their validation against the
//! story's questions (as the page's outline gives them), the storage
//! format ([`codec`]), what loading and saving do when the browser's
//! storage misbehaves ([`keep`]), and what the poll shows ([`state`]).
//!
//! Nothing here touches the browser; the poll island (`components::poll`) is a thin layer that
//! shows the state and writes to storage.

pub mod codec;
pub mod keep;
pub mod results;
#[cfg(feature = "islands")]
pub mod service;
pub mod state;

/// The id of one of a question's controls: `poll-<question>--<part>`
/// (`legend`, `text`, `other`, `text-count`, `choices-error`...).
pub fn control_id(question: &str, part: &str) -> String {
    format!("poll-{question}--{part}")
}

/// The id of a choice's input: `poll-<question>--c-<choice>`.
pub fn choice_id(question: &str, choice: &str) -> String {
    control_id(question, &format!("c-{choice}"))
}

/// The id of the "Your answers" heading, where focus goes after a save.
pub const SUMMARY_HEADING: &str = "poll-saved-heading";

use crate::json::Json;
use crate::messages::Say;
use crate::story::outline::{PollOutline as Poll, QuestionOutline as Question};
use crate::story::QuestionKind;

/// A reader's answer to one question.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Answer {
    /// Ids of the chosen choices, in the order chosen.
    pub choices: Vec<String>,
    /// The text of the "Other" choice.
    pub other: String,
    /// Free text, for a text question.
    pub text: String,
    /// Fields this version does not know, kept as read.
    pub extra: Vec<(String, Json)>,
}

impl Answer {
    /// True when the reader gave nothing for this question ("Other" text
    /// counts only with "Other" chosen).
    pub fn is_blank(&self) -> bool {
        self.choices.is_empty() && is_blank(&self.text)
    }
}

/// A reader's answers to one story's poll, keyed by question slug.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Answers {
    /// Answers by question slug, in order; slugs the story no longer has are
    /// kept too.
    pub questions: Vec<(String, Answer)>,
    /// Top-level fields this version does not know, kept as read.
    pub extra: Vec<(String, Json)>,
}

impl Answers {
    /// The answer to the question `slug`.
    pub fn get(&self, slug: &str) -> Option<&Answer> {
        self.questions.iter().find(|(s, _)| s == slug).map(|q| &q.1)
    }

    /// Sets the answer to `slug`, in place when there is one.
    pub fn set(&mut self, slug: &str, answer: Answer) {
        match self.questions.iter_mut().find(|(s, _)| s == slug) {
            Some(slot) => slot.1 = answer,
            None => self.questions.push((slug.to_owned(), answer)),
        }
    }

    /// True when none of the poll's questions has an answer.
    pub fn is_blank_for(&self, poll: &Poll) -> bool {
        poll.questions
            .iter()
            .all(|q| self.get(&q.slug).is_none_or(Answer::is_blank))
    }

    /// The answers a reader just gave (`given`, one per question in the
    /// poll's order) laid over what was saved before: unknown fields and
    /// questions the story no longer asks are kept; blank answers dropped.
    pub fn updated(&self, poll: &Poll, given: Vec<Answer>) -> Answers {
        let mut out = self.clone();
        for (q, mut a) in poll.questions.iter().zip(given) {
            if let Some(old) = self.get(&q.slug) {
                a.extra.clone_from(&old.extra);
            }
            if !other_chosen(q, &a) {
                a.other.clear();
            }
            if a.is_blank() && a.extra.is_empty() {
                out.questions.retain(|(s, _)| *s != q.slug);
            } else {
                out.set(&q.slug, a);
            }
        }
        out
    }
}

fn is_blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// The question's "Other" choice, if it has one.
pub fn other_choice(q: &Question) -> Option<&str> {
    q.choices.iter().find(|c| c.other).map(|c| c.id.as_str())
}

fn other_chosen(q: &Question, a: &Answer) -> bool {
    other_choice(q).is_some_and(|id| a.choices.iter().any(|c| c == id))
}

/// Length of a text as the reader's counter shows it: in characters.
pub fn length(s: &str) -> usize {
    s.chars().count()
}

/// The live counter under a text box: "n / max characters", with how many
/// too many when over (so the cue is not colour alone).
pub fn counter(s: &str, max: u32) -> Say {
    let n = length(s) as u32;
    let say = Say::new(if n > max {
        "poll-counter-over"
    } else {
        "poll-counter"
    })
    .num("count", n)
    .num("max", max);
    if n > max {
        say.num("over", n - max)
    } else {
        say
    }
}

/// True when a text is longer than `max` characters.
pub fn over(s: &str, max: u32) -> bool {
    length(s) > max as usize
}

/// Which control a problem belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The whole form (nothing answered).
    Form,
    /// A question's choices.
    Choices,
    /// A question's "Other" text box.
    Other,
    /// A text question's text box.
    Text,
}

/// A problem with the answers, for one control.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The question's slug (empty for [`Field::Form`]).
    pub question: String,
    /// The control.
    pub field: Field,
    /// What to tell the reader.
    pub say: Say,
}

/// Checks answers against the poll; an empty list means they can be saved.
/// Over-long text is refused, never cut.
pub fn validate(poll: &Poll, answers: &Answers) -> Vec<Problem> {
    let mut problems = Vec::new();
    if answers.is_blank_for(poll) {
        problems.push(Problem {
            question: String::new(),
            field: Field::Form,
            say: Say::new("poll-error-nothing"),
        });
        return problems;
    }
    for q in &poll.questions {
        let Some(a) = answers.get(&q.slug) else {
            continue;
        };
        let mut problem = |field, say: Say| {
            problems.push(Problem {
                question: q.slug.clone(),
                field,
                say,
            })
        };
        match q.kind {
            QuestionKind::Text => {
                if let Some(m) = too_long(&a.text, q.max_length) {
                    problem(Field::Text, m);
                }
            }
            QuestionKind::Single | QuestionKind::Multiple => {
                if a.choices
                    .iter()
                    .any(|id| !q.choices.iter().any(|c| c.id == *id))
                {
                    problem(Field::Choices, Say::new("poll-error-unknown-choice"));
                } else if q.kind == QuestionKind::Single && a.choices.len() > 1 {
                    problem(Field::Choices, Say::new("poll-error-only-one"));
                }
                if other_chosen(q, a) {
                    if is_blank(&a.other) {
                        problem(
                            Field::Other,
                            Say::new("poll-error-other-empty")
                                .text("choice", q.other_label.clone()),
                        );
                    } else if let Some(m) = too_long(&a.other, q.max_length) {
                        problem(Field::Other, m);
                    }
                }
            }
        }
    }
    problems
}

/// The id of the control a problem is about, to focus it: the "Other" or
/// text box, else the question's first choice (the first question's, for
/// a problem with the whole form).
pub fn problem_control(poll: &Poll, p: &Problem) -> Option<String> {
    let q = match p.field {
        Field::Form => poll.questions.first()?,
        _ => poll.questions.iter().find(|q| q.slug == p.question)?,
    };
    Some(match (p.field, q.kind) {
        (Field::Other, _) => control_id(&q.slug, "other"),
        (_, QuestionKind::Text) => control_id(&q.slug, "text"),
        _ => choice_id(&q.slug, &q.choices.first()?.id),
    })
}

fn too_long(text: &str, max: u32) -> Option<Say> {
    let n = length(text) as u32;
    let over = n.checked_sub(max).filter(|over| *over > 0)?;
    Some(
        Say::new("poll-error-too-long")
            .num("length", n)
            .num("max", max)
            .num("over", over),
    )
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::story::outline::ChoiceOutline;

    /// A poll of three questions: one, many (both with a, b and Other) and
    /// words (text, 5 characters at most).
    pub(crate) fn sample_poll() -> Poll {
        let choices = ["a", "b", "other"]
            .map(|id| ChoiceOutline {
                id: id.to_owned(),
                other: id == "other",
            })
            .to_vec();
        let q = |slug: &str, kind, max_length, choices: &Vec<ChoiceOutline>| Question {
            slug: slug.to_owned(),
            kind,
            max_length,
            choices: choices.clone(),
            other_label: if choices.is_empty() { "" } else { "Other" }.to_owned(),
        };
        Poll {
            heading: "Poll".to_owned(),
            questions: vec![
                q("one", QuestionKind::Single, 10, &choices),
                q("many", QuestionKind::Multiple, 10, &choices),
                q("words", QuestionKind::Text, 5, &Vec::new()),
            ],
            results: String::new(),
        }
    }

    fn answers(list: &[(&str, &[&str], &str, &str)]) -> Answers {
        let mut a = Answers::default();
        for (slug, choices, other, text) in list {
            a.set(
                slug,
                Answer {
                    choices: choices.iter().map(|c| (*c).to_owned()).collect(),
                    other: (*other).to_owned(),
                    text: (*text).to_owned(),
                    extra: vec![],
                },
            );
        }
        a
    }

    fn fields(problems: &[Problem]) -> Vec<(&str, Field)> {
        problems
            .iter()
            .map(|p| (p.question.as_str(), p.field))
            .collect()
    }

    #[test]
    fn valid_answers_pass() {
        let a = answers(&[
            ("one", &["a"], "", ""),
            ("many", &["a", "other"], "Mine", ""),
            ("words", &[], "", "Hi"),
        ]);
        assert_eq!(validate(&sample_poll(), &a), vec![]);
        // Answering just one question is enough.
        assert_eq!(
            validate(&sample_poll(), &answers(&[("words", &[], "", "Hi")])),
            vec![]
        );
    }

    #[test]
    fn nothing_answered_is_a_form_problem() {
        for a in [
            Answers::default(),
            answers(&[
                ("words", &[], "", "   \n"),
                ("many", &[], "typed but not chosen", ""),
            ]),
            answers(&[("retired", &["x"], "", "")]),
        ] {
            assert_eq!(
                fields(&validate(&sample_poll(), &a)),
                vec![("", Field::Form)]
            );
        }
    }

    #[test]
    fn over_long_text_is_refused_with_its_count() {
        let p = validate(&sample_poll(), &answers(&[("words", &[], "", "abcdef")]));
        assert_eq!(fields(&p), vec![("words", Field::Text)]);
        assert_eq!(
            p[0].say,
            Say::new("poll-error-too-long")
                .num("length", 6)
                .num("max", 5)
                .num("over", 1)
        );
        // Characters, not bytes: five emoji fit a limit of five.
        assert_eq!(
            validate(
                &sample_poll(),
                &answers(&[("words", &[], "", "😀😀😀😀😀")])
            ),
            vec![]
        );
        let p = validate(
            &sample_poll(),
            &answers(&[("many", &["other"], "12345678901234", "")]),
        );
        assert_eq!(fields(&p), vec![("many", Field::Other)]);
        assert_eq!(p[0].say.number("over"), Some(4));
    }

    #[test]
    fn other_needs_its_text() {
        let p = validate(&sample_poll(), &answers(&[("one", &["other"], " ", "")]));
        assert_eq!(fields(&p), vec![("one", Field::Other)]);
    }

    #[test]
    fn choices_must_exist_and_single_means_one() {
        let p = validate(&sample_poll(), &answers(&[("one", &["a", "b"], "", "")]));
        assert_eq!(p[0].say, Say::new("poll-error-only-one"));
        let p = validate(
            &sample_poll(),
            &answers(&[("many", &["a", "gone"], "", "")]),
        );
        assert_eq!(p[0].say, Say::new("poll-error-unknown-choice"));
    }

    #[test]
    fn counter_counts_characters() {
        assert_eq!(
            counter("", 200),
            Say::new("poll-counter").num("count", 0).num("max", 200)
        );
        assert_eq!(counter("é😀", 5).number("count"), Some(2));
        assert_eq!(
            counter("abcdefg", 5),
            Say::new("poll-counter-over")
                .num("count", 7)
                .num("max", 5)
                .num("over", 2)
        );
        assert!(over("abcdef", 5) && !over("abcde", 5));
    }

    #[test]
    fn updated_keeps_unknown_parts_and_drops_blank_answers() {
        let mut saved = answers(&[("one", &["a"], "", ""), ("retired", &["x"], "", "")]);
        saved.questions[0]
            .1
            .extra
            .push(("weight".into(), Json::Null));
        saved.extra.push(("device".into(), Json::Bool(true)));
        let given = vec![
            Answer {
                choices: vec!["b".into()],
                ..Answer::default()
            },
            Answer {
                choices: vec!["a".into()],
                other: "dropped: Other is not ticked".into(),
                ..Answer::default()
            },
            Answer::default(),
        ];
        let out = saved.updated(&sample_poll(), given);
        assert_eq!(out.get("one").unwrap().choices, vec!["b"]);
        assert_eq!(out.get("one").unwrap().extra, saved.questions[0].1.extra);
        assert_eq!(out.get("many").unwrap().other, "");
        assert!(out.get("words").is_none());
        assert!(out.get("retired").is_some());
        assert_eq!(out.extra, saved.extra);
    }

    #[test]
    fn problems_point_at_their_control() {
        let poll = sample_poll();
        let p = Problem {
            question: "words".to_owned(),
            field: Field::Text,
            say: Say::new("poll-error-nothing"),
        };
        assert_eq!(
            problem_control(&poll, &p).as_deref(),
            Some("poll-words--text")
        );
        let p = Problem {
            question: "many".to_owned(),
            field: Field::Other,
            say: Say::new("poll-error-nothing"),
        };
        assert_eq!(
            problem_control(&poll, &p).as_deref(),
            Some("poll-many--other")
        );
        let p = Problem {
            question: String::new(),
            field: Field::Form,
            say: Say::new("poll-error-nothing"),
        };
        assert_eq!(problem_control(&poll, &p).as_deref(), Some("poll-one--c-a"));
    }

    #[cfg(feature = "source")]
    #[test]
    fn the_story_poll_has_what_the_widget_expects() {
        let story = crate::story::tests::story();
        assert!(!story.poll.as_ref().unwrap().questions.is_empty());
        for q in &story.poll.as_ref().unwrap().questions {
            assert!(q.max_length > 0);
            assert_eq!(q.kind == QuestionKind::Text, q.choices.is_empty());
        }
    }
}
