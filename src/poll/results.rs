//! The poll and its results service (`server/`), as the page sees it:
//! where to send, what is sent, what comes back, and the shares shown.
//!
//! Only for a story that names a service (`[poll] results`). The browser
//! keeps a random reader id under [`READER_KEY`] and, while a save or a
//! clear has not reached the service, a flag under [`pending_key`], so an
//! answer given offline is sent on the next visit too.

use super::{other_choice, Answers};
use crate::json::{self, Json};
use crate::story::outline::PollOutline as Poll;
use crate::story::QuestionKind;

/// The reader's random id (one per browser and site, for every story).
pub const READER_KEY: &str = "explainer:reader";

/// Set while a story's answers have not reached the service:
/// `explainer:results-pending:<story slug>`.
pub fn pending_key(story: &str) -> String {
    format!("explainer:results-pending:{story}")
}

/// `<service>/v1/polls/<story>/answers` (POST) or `.../results` (GET).
pub fn url(service: &str, story: &str, what: &str) -> String {
    format!("{service}/v1/polls/{story}/{what}")
}

/// The body of a save: `{"reader": id, "answers": {...}}`, with only the
/// poll's own questions (answers kept for questions a story no longer asks,
/// and fields this version does not know, stay in the browser). No answers:
/// a clear.
pub fn body(poll: &Poll, reader: &str, answers: Option<&Answers>) -> String {
    let mut out = Vec::new();
    for q in &poll.questions {
        let Some(a) = answers
            .and_then(|a| a.get(&q.slug))
            .filter(|a| !a.is_blank())
        else {
            continue;
        };
        let mut m = Vec::new();
        if q.kind == QuestionKind::Text {
            m.push(("text".to_owned(), Json::str(&a.text)));
        } else {
            let ids = a.choices.iter().map(Json::str).collect();
            m.push(("choices".to_owned(), Json::Array(ids)));
            if other_choice(q).is_some_and(|o| a.choices.iter().any(|c| c == o)) {
                m.push(("other".to_owned(), Json::str(&a.other)));
            }
        }
        out.push((q.slug.clone(), Json::Object(m)));
    }
    json::stringify(&Json::object([
        ("reader", Json::str(reader)),
        ("answers", Json::Object(out)),
    ]))
}

/// A story's tallies, for the poll's questions in its order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    /// Readers with at least one answer.
    pub readers: u32,
    /// Per question: how many answered it, and each choice's count.
    pub questions: Vec<(u32, Vec<u32>)>,
}

impl Tally {
    /// Reads the service's `{"readers": N, "questions": {...}}`; a question
    /// or choice it does not name counts zero. `None` when it is not that.
    pub fn read(poll: &Poll, doc: &Json) -> Option<Tally> {
        let readers = doc.get("readers")?.as_u32()?;
        let qs = doc.get("questions")?;
        let count = |v: Option<&Json>| v.and_then(Json::as_u32).unwrap_or(0);
        let questions = poll
            .questions
            .iter()
            .map(|q| {
                let t = qs.get(&q.slug);
                let choices = t.and_then(|t| t.get("choices"));
                (
                    count(t.and_then(|t| t.get("answered"))),
                    q.choices
                        .iter()
                        .map(|c| count(choices.and_then(|m| m.get(&c.id))))
                        .collect(),
                )
            })
            .collect();
        Some(Tally { readers, questions })
    }

    /// Choice `c` of question `q`: its count, and its share of the readers
    /// who answered the question, in whole percent.
    pub fn share(&self, q: usize, c: usize) -> (u32, u32) {
        let Some((answered, choices)) = self.questions.get(q) else {
            return (0, 0);
        };
        let n = choices.get(c).copied().unwrap_or(0);
        (n, percent(n, *answered))
    }
}

/// `n` of `of`, in whole percent, rounded half up; 0 of 0 is 0.
pub fn percent(n: u32, of: u32) -> u32 {
    if of == 0 {
        return 0;
    }
    let n = u64::from(n.min(of));
    ((n * 200 + u64::from(of)) / (2 * u64::from(of))) as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::poll::tests::sample_poll;
    use crate::poll::Answer;

    #[test]
    fn the_body_holds_the_poll_s_questions_only() {
        let poll = sample_poll();
        let mut a = Answers::default();
        let answer = |choices: &[&str], other: &str, text: &str| Answer {
            choices: choices.iter().map(|c| (*c).to_owned()).collect(),
            other: other.to_owned(),
            text: text.to_owned(),
            extra: vec![("future".to_owned(), Json::Bool(true))],
        };
        a.set("one", answer(&["b"], "left over", ""));
        a.set("many", answer(&["a", "other"], "Trains", ""));
        a.set("words", answer(&[], "", "Hi \"there\""));
        a.set("gone", answer(&["a"], "", ""));
        a.extra.push(("elsewhere".to_owned(), Json::Null));
        let body = body(&poll, "r-1", Some(&a));
        assert_eq!(
            body,
            r#"{"reader":"r-1","answers":{"one":{"choices":["b"]},"many":{"choices":["a","other"],"other":"Trains"},"words":{"text":"Hi \"there\""}}}"#
        );
        assert_eq!(
            super::body(&poll, "r-1", None),
            r#"{"reader":"r-1","answers":{}}"#
        );
    }

    #[test]
    fn reads_a_tally_with_zeros_for_what_it_leaves_out() {
        let poll = sample_poll();
        let doc = json::parse(
            r#"{"readers":7,"questions":{"one":{"answered":4,"choices":{"a":3,"b":1,"zzz":9}},"words":{"answered":2,"choices":{}}}}"#,
        )
        .unwrap();
        let t = Tally::read(&poll, &doc).unwrap();
        assert_eq!(t.readers, 7);
        assert_eq!(t.share(0, 0), (3, 75));
        assert_eq!(t.share(0, 1), (1, 25));
        // "many" is missing: zeros, never a division by zero.
        assert_eq!(t.share(1, 0), (0, 0));
        assert_eq!(t.questions[2].0, 2);
        assert_eq!(Tally::read(&poll, &json::parse("{}").unwrap()), None);
        assert_eq!(
            Tally::read(&poll, &json::parse(r#"{"readers":"7"}"#).unwrap()),
            None
        );
    }

    #[test]
    fn percents_round_half_up_and_stay_in_range() {
        assert_eq!(percent(0, 0), 0);
        assert_eq!(percent(1, 3), 33);
        assert_eq!(percent(2, 3), 67);
        assert_eq!(percent(1, 8), 13);
        assert_eq!(percent(3, 3), 100);
        assert_eq!(percent(5, 3), 100);
        assert_eq!(percent(u32::MAX, u32::MAX), 100);
    }

    #[test]
    fn addresses_follow_the_api() {
        assert_eq!(
            url("https://results.example.org", "s", "answers"),
            "https://results.example.org/v1/polls/s/answers"
        );
        assert_eq!(pending_key("s"), "explainer:results-pending:s");
    }
}
