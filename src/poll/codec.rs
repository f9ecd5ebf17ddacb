//! The poll's storage format.
//!
//! The JSON text itself is read and written by [`crate::json`] (the
//! browser's `JSON` in the wasm); this file turns that tree into
//! [`Answers`] and back, and keeps anything it does not know as it was
//! read, so a field written by another version survives a save here.
//!
//! # Format (version 2)
//!
//! One localStorage key per story, `explainer:poll:<story slug>`:
//!
//! ```json
//! {"version":2,"answers":{
//!   "infrastructure-priorities":{"choices":["hydropower-energy","other"],"other":"Schools"},
//!   "your-thoughts":{"text":"More trains, please."}}}
//! ```
//!
//! Answers are keyed by question slug and name choices by their stable id,
//! never by label. A question with no answer is left out.
//!
//! # Version 1 (read, migrated, never written)
//!
//! Version 1 kept three maps beside each other, and a single-choice answer
//! as a bare string:
//!
//! ```json
//! {"version":1,"choices":{"q":["a","other"],"single":"b"},"other":{"q":"Schools"},"text":{"t":"Hi"}}
//! ```
//!
//! Unknown fields, at the top and inside each answer, are kept in order.

use super::{Answer, Answers};
use crate::json::{self, Json};

/// The version [`encode`] writes.
pub const VERSION: u32 = 2;

/// Why a stored value is not a poll document we can use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Not JSON at all (or nested deeper than [`json::MAX_DEPTH`]).
    Json,
    /// JSON, but not a poll document (another app's data, a hand edit, a
    /// truncated write): names the part that is off.
    Foreign(&'static str),
    /// A poll document from a newer version of the app.
    Newer(u32),
}

/// The stored text for `answers`: a version-2 document.
pub fn encode(answers: &Answers) -> String {
    let mut doc: Vec<(String, Json)> = vec![
        ("version".to_owned(), Json::Number(f64::from(VERSION))),
        (
            "answers".to_owned(),
            Json::Object(answers.questions.iter().map(answer_json).collect()),
        ),
    ];
    doc.extend(answers.extra.iter().cloned());
    json::stringify(&Json::Object(doc))
}

fn answer_json((slug, a): &(String, Answer)) -> (String, Json) {
    let mut m = Vec::new();
    if !a.choices.is_empty() {
        let ids = a.choices.iter().cloned().map(Json::String).collect();
        m.push(("choices".to_owned(), Json::Array(ids)));
    }
    for (name, text) in [("other", &a.other), ("text", &a.text)] {
        if !text.is_empty() {
            m.push((name.to_owned(), Json::String(text.clone())));
        }
    }
    m.extend(a.extra.iter().cloned());
    (slug.clone(), Json::Object(m))
}

/// Reads a stored document of any known version into [`Answers`].
pub fn decode(text: &str) -> Result<Answers, DecodeError> {
    let doc = json::parse(text).map_err(|_| DecodeError::Json)?;
    let version = match doc.get("version") {
        Some(v) => v.as_u32().ok_or(DecodeError::Foreign("version"))?,
        None if matches!(doc, Json::Object(_)) => return Err(DecodeError::Foreign("version")),
        None => return Err(DecodeError::Foreign("document")),
    };
    let Json::Object(members) = doc else {
        return Err(DecodeError::Foreign("document"));
    };
    match version {
        1 => decode_v2(migrate_v1(members)?),
        2 => decode_v2(members),
        v if v > VERSION => Err(DecodeError::Newer(v)),
        _ => Err(DecodeError::Foreign("version")),
    }
}

/// Version 1 -> version 2: the `choices`, `other` and `text` maps become one
/// object per question, in the order questions first appear; a bare string
/// choice becomes a one-item list. Other fields are kept.
pub fn migrate_v1(members: Vec<(String, Json)>) -> Result<Vec<(String, Json)>, DecodeError> {
    let mut answers: Vec<(String, Vec<(String, Json)>)> = Vec::new();
    let mut rest = Vec::new();
    let mut maps: [Option<Vec<(String, Json)>>; 3] = [None, None, None];
    for (k, v) in members {
        let slot = ["choices", "other", "text"].iter().position(|n| *n == k);
        match (slot, v) {
            (Some(i), Json::Object(m)) => maps[i] = Some(m),
            (Some(_), _) => return Err(DecodeError::Foreign("a version 1 map")),
            (None, _) if k == "version" => {}
            (None, v) => rest.push((k, v)),
        }
    }
    for (name, map) in ["choices", "other", "text"].iter().zip(maps) {
        for (slug, v) in map.unwrap_or_default() {
            let v = match (*name, v) {
                ("choices", Json::String(id)) => Json::Array(vec![Json::String(id)]),
                (_, v) => v,
            };
            let i = match answers.iter().position(|(s, _)| *s == slug) {
                Some(i) => i,
                None => {
                    answers.push((slug, Vec::new()));
                    answers.len() - 1
                }
            };
            answers[i].1.push(((*name).to_owned(), v));
        }
    }
    let answers = answers
        .into_iter()
        .map(|(s, m)| (s, Json::Object(m)))
        .collect();
    let mut out = vec![
        ("version".to_owned(), Json::Number(2.0)),
        ("answers".to_owned(), Json::Object(answers)),
    ];
    out.extend(rest);
    Ok(out)
}

fn decode_v2(members: Vec<(String, Json)>) -> Result<Answers, DecodeError> {
    let mut answers = Answers::default();
    for (k, v) in members {
        match k.as_str() {
            "version" => {}
            "answers" => {
                let Json::Object(qs) = v else {
                    return Err(DecodeError::Foreign("answers"));
                };
                for (slug, a) in qs {
                    answers.questions.push((slug, decode_answer(a)?));
                }
            }
            _ => answers.extra.push((k, v)),
        }
    }
    Ok(answers)
}

fn decode_answer(v: Json) -> Result<Answer, DecodeError> {
    let Json::Object(members) = v else {
        return Err(DecodeError::Foreign("an answer"));
    };
    let mut a = Answer::default();
    for (k, v) in members {
        match (k.as_str(), v) {
            ("choices", Json::Array(ids)) => {
                for id in ids {
                    let Json::String(id) = id else {
                        return Err(DecodeError::Foreign("a choice id"));
                    };
                    if !a.choices.contains(&id) {
                        a.choices.push(id);
                    }
                }
            }
            ("other", Json::String(s)) => a.other = s,
            ("text", Json::String(s)) => a.text = s,
            ("choices" | "other" | "text", _) => {
                return Err(DecodeError::Foreign("an answer field"))
            }
            (_, v) => a.extra.push((k, v)),
        }
    }
    Ok(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> Json {
        Json::String(v.to_owned())
    }

    #[test]
    fn duplicate_members_keep_the_last() {
        let answers =
            decode(r#"{"version":2,"answers":{"q":{"text":"old","text":"new"}}}"#).unwrap();
        assert_eq!(answers.get("q").unwrap().text, "new");
    }

    fn sample() -> Answers {
        let mut a = Answers::default();
        a.set(
            "infrastructure-priorities",
            Answer {
                choices: vec!["hydropower-energy".into(), "other".into()],
                other: "Schools".into(),
                ..Answer::default()
            },
        );
        a.set(
            "your-thoughts",
            Answer {
                text: "More trains, please.".into(),
                ..Answer::default()
            },
        );
        a
    }

    #[test]
    fn encodes_version_2() {
        assert_eq!(
            encode(&sample()),
            r#"{"version":2,"answers":{"infrastructure-priorities":{"choices":["hydropower-energy","other"],"other":"Schools"},"your-thoughts":{"text":"More trains, please."}}}"#
        );
        assert_eq!(decode(&encode(&sample())), Ok(sample()));
        assert_eq!(encode(&Answers::default()), r#"{"version":2,"answers":{}}"#);
    }

    #[test]
    fn unknown_fields_survive_a_round_trip() {
        let text = r#"{"version":2,"savedBy":"app 3.1","answers":{"q":{"choices":["a"],"weight":1.25,"meta":{"x":[null]}},"retired-question":{"text":"kept"}},"z":[1,"2"]}"#;
        let answers = decode(text).unwrap();
        assert_eq!(answers.get("q").unwrap().extra.len(), 2);
        assert_eq!(answers.extra.len(), 2);
        let again = encode(&answers);
        assert_eq!(
            again,
            r#"{"version":2,"answers":{"q":{"choices":["a"],"weight":1.25,"meta":{"x":[null]}},"retired-question":{"text":"kept"}},"savedBy":"app 3.1","z":[1,"2"]}"#
        );
        assert_eq!(decode(&again), Ok(answers));
    }

    #[test]
    fn migrates_version_1() {
        let v1 = r#"{"version":1,"choices":{"infrastructure-priorities":["hydropower-energy","other"],"pick-one":"b"},"other":{"infrastructure-priorities":"Schools"},"text":{"your-thoughts":"More trains, please."},"device":"phone"}"#;
        let answers = decode(v1).unwrap();
        let mut expected = sample();
        expected.questions.insert(
            1,
            (
                "pick-one".into(),
                Answer {
                    choices: vec!["b".into()],
                    ..Answer::default()
                },
            ),
        );
        expected.extra.push(("device".into(), s("phone")));
        assert_eq!(answers, expected);
        // Saved again, it is version 2 and keeps the unknown field.
        assert!(encode(&answers).starts_with(r#"{"version":2,"answers":{"#));
        assert!(encode(&answers).ends_with(r#","device":"phone"}"#));
        // A version 1 document with nothing in it is simply empty.
        assert_eq!(decode(r#"{"version":1}"#), Ok(Answers::default()));
    }

    #[test]
    fn version_1_with_a_broken_map_is_foreign() {
        assert_eq!(
            decode(r#"{"version":1,"choices":["a"]}"#),
            Err(DecodeError::Foreign("a version 1 map"))
        );
        assert_eq!(
            decode(r#"{"version":1,"text":{"t":5}}"#),
            Err(DecodeError::Foreign("an answer field"))
        );
    }

    #[test]
    fn foreign_and_newer_documents_are_told_apart() {
        use DecodeError::*;
        assert_eq!(decode("not json"), Err(Json));
        assert_eq!(decode(&"[".repeat(100_000)), Err(Json));
        assert_eq!(decode("[]"), Err(Foreign("document")));
        assert_eq!(decode("\"x\""), Err(Foreign("document")));
        assert_eq!(decode("{}"), Err(Foreign("version")));
        assert_eq!(decode(r#"{"version":"2"}"#), Err(Foreign("version")));
        assert_eq!(decode(r#"{"version":2.5}"#), Err(Foreign("version")));
        assert_eq!(
            decode(r#"{"version":2.0}"#),
            Ok(Answers::default()),
            "2.0 is 2 in JSON"
        );
        assert_eq!(decode(r#"{"version":-2}"#), Err(Foreign("version")));
        assert_eq!(decode(r#"{"version":0}"#), Err(Foreign("version")));
        assert_eq!(
            decode(r#"{"version":99999999999}"#),
            Err(Foreign("version"))
        );
        assert_eq!(decode(r#"{"version":3,"answers":7}"#), Err(Newer(3)));
        assert_eq!(
            decode(r#"{"version":2,"answers":[]}"#),
            Err(Foreign("answers"))
        );
        assert_eq!(
            decode(r#"{"version":2,"answers":{"q":"a"}}"#),
            Err(Foreign("an answer"))
        );
        assert_eq!(
            decode(r#"{"version":2,"answers":{"q":{"choices":[1]}}}"#),
            Err(Foreign("a choice id"))
        );
        assert_eq!(
            decode(r#"{"version":2,"answers":{"q":{"other":null}}}"#),
            Err(Foreign("an answer field"))
        );
        assert_eq!(decode(r#"{"version":2}"#), Ok(Answers::default()));
    }

    /// A small deterministic generator (xorshift64*), so the property test
    /// needs no crate and fails the same way every run.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }

        fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
            &items[self.below(items.len())]
        }
    }

    const PIECES: &[&str] = &[
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "\"",
        "\\",
        "\\u",
        "\\ud83d",
        "\\ude00",
        "d800",
        "0",
        "-",
        "1",
        ".",
        "e",
        "+",
        "true",
        "false",
        "null",
        " ",
        "\n",
        "\t",
        "\u{0}",
        "\u{1}",
        "é",
        "😀",
        "\u{feff}",
        "version",
        "answers",
        "choices",
        "other",
        "text",
        "\"version\":2",
        "\"version\":1",
        "\"answers\":{",
        "\"choices\":[",
        "\"q\":{",
        "\"a\"",
        "2",
        "3",
        "\"",
    ];

    fn generated(rng: &mut Rng) -> String {
        (0..rng.below(40)).map(|_| *rng.pick(PIECES)).collect()
    }

    fn mutated(rng: &mut Rng, seed: &str) -> String {
        let mut chars: Vec<char> = seed.chars().collect();
        for _ in 0..=rng.below(4) {
            let at = rng.below(chars.len() + 1);
            match rng.below(4) {
                0 if at < chars.len() => {
                    chars.remove(at);
                }
                1 => chars
                    .splice(at..at, rng.pick(PIECES).chars())
                    .for_each(drop),
                2 if at < chars.len() => {
                    chars[at] = *rng.pick(&['"', '{', ']', '\\', '0', 'x', ','])
                }
                _ => chars.truncate(at),
            }
        }
        chars.into_iter().collect()
    }

    #[test]
    fn property_any_input_gives_a_value_or_an_error_never_a_panic() {
        let seeds = [
            encode(&sample()),
            r#"{"version":1,"choices":{"q":["a","other"],"s":"b"},"other":{"q":"x"},"text":{"t":"y"}}"#.to_owned(),
            r#"{"version":2,"answers":{"q":{"choices":["a"],"x":[1,{"y":null}]}},"z":"\u00e9\ud83d\ude00"}"#
                .to_owned(),
        ];
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let (mut ok, mut err) = (0, 0);
        for i in 0..20_000 {
            let input = if i % 2 == 0 {
                generated(&mut rng)
            } else {
                let seed = rng.pick(&seeds).clone();
                mutated(&mut rng, &seed)
            };
            // Nothing may panic; whatever decodes must encode and decode to itself.
            match decode(&input) {
                Ok(answers) => {
                    ok += 1;
                    let again = encode(&answers);
                    assert_eq!(decode(&again).as_ref(), Ok(&answers), "input {input:?}");
                }
                Err(_) => err += 1,
            }
            // Any parsed value writes back to text that parses to the same value.
            if let Ok(v) = json::parse(&input) {
                if !matches!(&v, Json::Number(n) if !n.is_finite()) {
                    assert_eq!(json::parse(&json::stringify(&v)), Ok(v), "input {input:?}");
                }
            }
        }
        assert!(
            ok > 100 && err > 100,
            "the generator reaches both sides: {ok} ok, {err} errors"
        );
    }
}
