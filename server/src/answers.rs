//! A reader's submission: the request body read and checked against the
//! story's poll, with the explainer's own storage format and rules (the
//! same as the browser's), before anything is stored.
//!
//! The body is `{"reader": "<UUID v4>", "answers": {...}}`, where
//! `answers` is the `answers` object of the poll's stored document
//! (version 2, `explainer::poll::codec`): answers keyed by question slug,
//! choices by id. An empty `answers` clears the reader's answers.

use explainer::json::{self, Json};
use explainer::poll::{self, codec, Field};
use explainer::story::outline::PollOutline;
use explainer::story::QuestionKind;

use crate::error::Refusal;

/// A checked submission, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submission {
    /// The reader's random id (a UUID v4, lower case).
    pub reader: String,
    /// Questions answered, in the poll's order.
    pub answered: Vec<String>,
    /// `(question, choice id)` pairs.
    pub choices: Vec<(String, String)>,
    /// Free text: `(question, field, text)`, field `other` or `text`.
    pub texts: Vec<(String, &'static str, String)>,
}

impl Submission {
    /// True when the reader has no answer left (a clear).
    pub fn is_empty(&self) -> bool {
        self.answered.is_empty()
    }
}

/// Reads and checks a body against `poll`.
pub fn read(body: &[u8], poll: &PollOutline) -> Result<Submission, Refusal> {
    let text = std::str::from_utf8(body)
        .map_err(|_| Refusal::bad_request("malformed-json", "The body is not UTF-8 text."))?;
    let doc = json::parse(text).map_err(|_| {
        Refusal::bad_request(
            "malformed-json",
            "The body is not valid JSON (or nests too deep).",
        )
    })?;
    let Json::Object(members) = &doc else {
        return Err(Refusal::unprocessable(
            "malformed-body",
            "The body must be an object with `reader` and `answers`.",
        ));
    };
    if let Some((name, _)) = members
        .iter()
        .find(|(k, _)| k != "reader" && k != "answers")
    {
        return Err(Refusal::unprocessable(
            "unknown-field",
            format!("The body has a field this service does not take: `{name}`."),
        ));
    }
    let reader = reader_id(doc.get("reader"))?;
    let answers = match doc.get("answers") {
        Some(Json::Object(a)) => a.clone(),
        Some(_) => {
            return Err(Refusal::unprocessable(
                "malformed-answers",
                "`answers` must be an object keyed by question slug.",
            ))
        }
        None => {
            return Err(Refusal::unprocessable(
                "answers-missing",
                "The body has no `answers` (send {} to clear).",
            ))
        }
    };
    // The browser's own decoder: the same document it keeps.
    let stored = Json::object([
        ("version", Json::Number(f64::from(codec::VERSION))),
        ("answers", Json::Object(answers)),
    ]);
    let decoded = codec::decode(&json::stringify(&stored)).map_err(|e| {
        let part = match e {
            codec::DecodeError::Foreign(part) => part,
            codec::DecodeError::Json | codec::DecodeError::Newer(_) => "document",
        };
        Refusal::unprocessable(
            "malformed-answers",
            format!("`answers` is not in the poll's format (version 2): {part} is off."),
        )
    })?;
    if let Some((slug, _)) = decoded
        .questions
        .iter()
        .find(|(slug, _)| !poll.questions.iter().any(|q| q.slug == *slug))
    {
        return Err(Refusal::unprocessable_at(
            "unknown-question",
            format!("This poll has no question `{slug}`."),
            slug,
        ));
    }
    for problem in poll::validate(poll, &decoded) {
        if problem.field == Field::Form {
            continue; // Nothing answered: a clear.
        }
        let q = &problem.question;
        let (code, message) = match (problem.field, problem.say.key) {
            (_, "poll-error-unknown-choice") => {
                let a = decoded
                    .get(q)
                    .map(|a| a.choices.clone())
                    .unwrap_or_default();
                let unknown = a
                    .iter()
                    .find(|id| {
                        poll.questions
                            .iter()
                            .find(|x| x.slug == *q)
                            .is_some_and(|x| !x.choices.iter().any(|c| c.id == **id))
                    })
                    .cloned()
                    .unwrap_or_default();
                (
                    "unknown-choice",
                    format!("Question `{q}` has no choice `{unknown}`."),
                )
            }
            (_, "poll-error-only-one") => (
                "only-one-choice",
                format!("Question `{q}` takes one choice."),
            ),
            (_, "poll-error-other-empty") => (
                "other-empty",
                format!("Question `{q}`: the chosen \"Other\" choice needs its text."),
            ),
            (Field::Other | Field::Text, _) => {
                let max = poll
                    .questions
                    .iter()
                    .find(|x| x.slug == *q)
                    .map_or(0, |x| x.max_length);
                (
                    "too-long",
                    format!("Question `{q}`: the text is over {max} characters."),
                )
            }
            (_, key) => ("invalid-answer", format!("Question `{q}`: {key}.")),
        };
        return Err(Refusal::unprocessable_at(code, message, q));
    }
    // Free text is kept for the newsroom as plain text: markup in it is
    // nobody's answer, and never reaches a page or a spreadsheet as such.
    for q in &poll.questions {
        if let Some(a) = decoded.get(&q.slug) {
            if has_markup(&a.text) || has_markup(&a.other) {
                return Err(Refusal::unprocessable_at(
                    "markup-in-text",
                    format!(
                        "Question `{}`: write the answer as plain text, without HTML tags.",
                        q.slug
                    ),
                    &q.slug,
                ));
            }
        }
    }
    let mut out = Submission {
        reader,
        answered: Vec::new(),
        choices: Vec::new(),
        texts: Vec::new(),
    };
    for q in &poll.questions {
        let Some(a) = decoded.get(&q.slug).filter(|a| !a.is_blank()) else {
            continue;
        };
        out.answered.push(q.slug.clone());
        match q.kind {
            QuestionKind::Text => out.texts.push((q.slug.clone(), "text", a.text.clone())),
            QuestionKind::Single | QuestionKind::Multiple => {
                // The decoder has dropped repeated ids.
                for id in &a.choices {
                    out.choices.push((q.slug.clone(), id.clone()));
                }
                if poll::other_choice(q).is_some_and(|o| a.choices.iter().any(|c| c == o)) {
                    out.texts.push((q.slug.clone(), "other", a.other.clone()));
                }
            }
        }
    }
    Ok(out)
}

/// True when `text` holds what an HTML parser would take for a tag, a
/// comment or a declaration: `<` then a letter, `/`, `!` or `?` (so "a <3"
/// or "x < y" stay plain text).
fn has_markup(text: &str) -> bool {
    text.as_bytes()
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || matches!(w[1], b'/' | b'!' | b'?')))
}

/// The reader id: a UUID v4 as the browser's `crypto.randomUUID()` gives it.
fn reader_id(value: Option<&Json>) -> Result<String, Refusal> {
    let Some(value) = value else {
        return Err(Refusal::unprocessable(
            "reader-missing",
            "The body has no `reader` id.",
        ));
    };
    let malformed = || {
        Refusal::unprocessable(
            "reader-malformed",
            "`reader` must be a random UUID (version 4), as crypto.randomUUID() makes.",
        )
    };
    let text = value.as_str().ok_or_else(malformed)?;
    let id = uuid::Uuid::try_parse(text).map_err(|_| malformed())?;
    if text.len() != 36 || id.get_version_num() != 4 {
        return Err(malformed());
    }
    Ok(id.hyphenated().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::tests::test_poll;

    const READER: &str = "6f1c1d2e-8a4b-4c3d-9e8f-0a1b2c3d4e5f";

    fn body(answers: &str) -> Vec<u8> {
        format!(r#"{{"reader":"{READER}","answers":{answers}}}"#).into_bytes()
    }

    fn code(r: Result<Submission, Refusal>) -> &'static str {
        r.expect_err("refused").code
    }

    #[test]
    fn reads_choices_other_text_and_text_answers() {
        let s = read(
            &body(
                r#"{"favourite-season":{"choices":["spring"]},
                    "reading-places":{"choices":["library","other","library"],"other":"A boat"},
                    "one-wish":{"text":"Longer hours"}}"#,
            ),
            &test_poll(),
        )
        .unwrap();
        assert_eq!(s.reader, READER);
        assert_eq!(
            s.answered,
            ["favourite-season", "reading-places", "one-wish"]
        );
        assert_eq!(
            s.choices,
            [
                ("favourite-season".into(), "spring".into()),
                ("reading-places".into(), "library".into()),
                ("reading-places".into(), "other".into()),
            ]
        );
        assert_eq!(
            s.texts,
            [
                ("reading-places".into(), "other", "A boat".into()),
                ("one-wish".into(), "text", "Longer hours".into()),
            ]
        );
    }

    #[test]
    fn empty_answers_are_a_clear_and_blank_answers_are_left_out() {
        let s = read(&body("{}"), &test_poll()).unwrap();
        assert!(s.is_empty());
        let s = read(&body(r#"{"one-wish":{"text":"   "}}"#), &test_poll()).unwrap();
        assert!(s.is_empty());
    }

    #[test]
    fn other_text_without_other_chosen_is_not_kept() {
        let s = read(
            &body(r#"{"reading-places":{"choices":["library"],"other":"ignored"}}"#),
            &test_poll(),
        )
        .unwrap();
        assert!(s.texts.is_empty());
    }

    #[test]
    fn refuses_what_the_poll_does_not_ask() {
        let p = test_poll();
        assert_eq!(
            code(read(&body(r#"{"nope":{"choices":["a"]}}"#), &p)),
            "unknown-question"
        );
        assert_eq!(
            code(read(
                &body(r#"{"favourite-season":{"choices":["monsoon"]}}"#),
                &p
            )),
            "unknown-choice"
        );
        assert_eq!(
            code(read(
                &body(r#"{"favourite-season":{"choices":["spring","winter"]}}"#),
                &p
            )),
            "only-one-choice"
        );
        assert_eq!(
            code(read(
                &body(r#"{"reading-places":{"choices":["other"]}}"#),
                &p
            )),
            "other-empty"
        );
        let long = "é".repeat(141);
        assert_eq!(
            code(read(
                &body(&format!(r#"{{"one-wish":{{"text":"{long}"}}}}"#)),
                &p
            )),
            "too-long"
        );
        // Exactly at the limit, counted in characters as the reader's counter does.
        let full = "é".repeat(140);
        assert!(read(&body(&format!(r#"{{"one-wish":{{"text":"{full}"}}}}"#)), &p).is_ok());
    }

    #[test]
    fn refuses_markup_in_free_text_but_not_angle_brackets() {
        let p = test_poll();
        for text in [
            "<script>alert(1)</script>",
            "Hi <img src=x onerror=alert(1)>",
            "<!-- x -->",
            "a</p>",
        ] {
            let b = body(&format!(
                r#"{{"one-wish":{{"text":{}}}}}"#,
                serde_json::to_string(text).unwrap()
            ));
            assert_eq!(code(read(&b, &p)), "markup-in-text", "{text}");
        }
        let other = body(r#"{"reading-places":{"choices":["other"],"other":"<b>boat</b>"}}"#);
        assert_eq!(code(read(&other, &p)), "markup-in-text");
        for text in ["I <3 libraries", "2 < 3 and 4 > 1", "x<5"] {
            let b = body(&format!(r#"{{"one-wish":{{"text":"{text}"}}}}"#));
            assert!(read(&b, &p).is_ok(), "{text}");
        }
    }

    #[test]
    fn refuses_malformed_bodies_and_reader_ids() {
        let p = test_poll();
        assert_eq!(code(read(b"{\"reader\":", &p)), "malformed-json");
        assert_eq!(code(read(b"[1,2]", &p)), "malformed-body");
        assert_eq!(code(read(b"{\"answers\":{}}", &p)), "reader-missing");
        for id in [
            "\"not-a-uuid\"",
            "42",
            // Version 1 (time-based), not a random id.
            "\"6f1c1d2e-8a4b-1c3d-9e8f-0a1b2c3d4e5f\"",
            // Without hyphens.
            "\"6f1c1d2e8a4b4c3d9e8f0a1b2c3d4e5f\"",
        ] {
            let b = format!(r#"{{"reader":{id},"answers":{{}}}}"#);
            assert_eq!(code(read(b.as_bytes(), &p)), "reader-malformed", "{id}");
        }
        assert_eq!(
            code(read(format!(r#"{{"reader":"{READER}"}}"#).as_bytes(), &p)),
            "answers-missing"
        );
        assert_eq!(code(read(&body("[]"), &p)), "malformed-answers");
        assert_eq!(
            code(read(
                &body(r#"{"favourite-season":{"choices":"spring"}}"#),
                &p
            )),
            "malformed-answers"
        );
        let extra = format!(r#"{{"reader":"{READER}","answers":{{}},"ip":"1.2.3.4"}}"#);
        assert_eq!(code(read(extra.as_bytes(), &p)), "unknown-field");
    }

    #[test]
    fn an_upper_case_reader_id_is_the_same_reader() {
        let b = format!(r#"{{"reader":"{}","answers":{{}}}}"#, READER.to_uppercase());
        assert_eq!(read(b.as_bytes(), &test_poll()).unwrap().reader, READER);
    }
}
