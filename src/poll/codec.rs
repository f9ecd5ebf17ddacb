//! The poll's storage format, and the small JSON reader and writer it needs.
//!
//! The app ships no serde: this file reads and writes exactly the JSON the
//! poll stores, and keeps anything it does not know as raw values, so a
//! field written by another version survives a save here.
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

/// The version [`encode`] writes.
pub const VERSION: u32 = 2;

/// Deepest nesting of arrays and objects [`parse`] accepts.
pub const MAX_DEPTH: usize = 32;

/// A JSON value. Numbers keep their source text, so unknown values are
/// written back exactly as read.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number, as its (validated) source text.
    Number(String),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object: its members in source order, duplicates included.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The last member named `key` (as `JSON.parse` keeps the last duplicate).
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|m| &m.1),
            _ => None,
        }
    }
}

/// Why a text is not JSON, with the byte offset it was noticed at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JsonError {
    /// Byte offset in the text.
    pub at: usize,
    /// What was wrong there.
    pub what: &'static str,
}

/// Why a stored value is not a poll document we can use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Not JSON at all.
    Json(JsonError),
    /// JSON, but not a poll document (another app's data, a hand edit, a
    /// truncated write): names the part that is off.
    Foreign(&'static str),
    /// A poll document from a newer version of the app.
    Newer(u32),
}

/// Reads one JSON value that fills the whole text (whitespace aside).
pub fn parse(text: &str) -> Result<Json, JsonError> {
    let mut p = Parser {
        s: text.as_bytes(),
        text,
        i: 0,
        depth: 0,
    };
    p.ws();
    let v = p.value()?;
    p.ws();
    if p.i != p.s.len() {
        return Err(p.err("end of text"));
    }
    Ok(v)
}

struct Parser<'a> {
    s: &'a [u8],
    text: &'a str,
    i: usize,
    depth: usize,
}

impl Parser<'_> {
    fn err(&self, what: &'static str) -> JsonError {
        JsonError { at: self.i, what }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn eat(&mut self, b: u8) -> bool {
        let hit = self.peek() == Some(b);
        if hit {
            self.i += 1;
        }
        hit
    }

    fn value(&mut self) -> Result<Json, JsonError> {
        match self.peek() {
            Some(b'{') => self.nested(Self::object),
            Some(b'[') => self.nested(Self::array),
            Some(b'"') => self.string().map(Json::String),
            Some(b't') => self.word("true", Json::Bool(true)),
            Some(b'f') => self.word("false", Json::Bool(false)),
            Some(b'n') => self.word("null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(self.err("a value")),
        }
    }

    fn nested(&mut self, f: fn(&mut Self) -> Result<Json, JsonError>) -> Result<Json, JsonError> {
        if self.depth >= MAX_DEPTH {
            return Err(self.err("less nesting"));
        }
        self.depth += 1;
        self.i += 1; // the opening bracket
        let v = f(self);
        self.depth -= 1;
        v
    }

    fn word(&mut self, w: &'static str, v: Json) -> Result<Json, JsonError> {
        if self.s[self.i..].starts_with(w.as_bytes()) {
            self.i += w.len();
            Ok(v)
        } else {
            Err(self.err("true, false or null"))
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.i;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.i += 1;
        }
        self.i - start
    }

    fn number(&mut self) -> Result<Json, JsonError> {
        let start = self.i;
        self.eat(b'-');
        if self.eat(b'0') {
            if matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.err("no leading zero"));
            }
        } else if self.digits() == 0 {
            return Err(self.err("a digit"));
        }
        if self.eat(b'.') && self.digits() == 0 {
            return Err(self.err("a digit after the point"));
        }
        if self.eat(b'e') || self.eat(b'E') {
            let _ = self.eat(b'+') || self.eat(b'-');
            if self.digits() == 0 {
                return Err(self.err("a digit in the exponent"));
            }
        }
        Ok(Json::Number(self.text[start..self.i].to_owned()))
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let h = self
            .text
            .get(self.i..self.i + 4)
            .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .ok_or_else(|| self.err("four hex digits"))?;
        self.i += 4;
        Ok(h)
    }

    fn string(&mut self) -> Result<String, JsonError> {
        self.i += 1; // the opening quote
        let mut out = String::new();
        loop {
            let start = self.i;
            while matches!(self.peek(), Some(b) if b != b'"' && b != b'\\' && b >= 0x20) {
                self.i += 1;
            }
            // Runs end on ASCII bytes, so these are char boundaries.
            out.push_str(&self.text[start..self.i]);
            match self.peek() {
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.i += 1;
                    let c = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.i += 1;
                            let c = self.unicode()?;
                            out.push(c);
                            continue;
                        }
                        _ => return Err(self.err("an escape")),
                    };
                    self.i += 1;
                    out.push(c);
                }
                Some(_) => return Err(self.err("no control character in a string")),
                None => return Err(self.err("the end of the string")),
            }
        }
    }

    /// After `\u`: one code point, joining a surrogate pair.
    fn unicode(&mut self) -> Result<char, JsonError> {
        let at = self.i;
        let hi = self.hex4()?;
        let code = match hi {
            0xD800..=0xDBFF => {
                if !(self.eat(b'\\') && self.eat(b'u')) {
                    return Err(JsonError {
                        at,
                        what: "a low surrogate after a high one",
                    });
                }
                let lo = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&lo) {
                    return Err(JsonError {
                        at,
                        what: "a low surrogate after a high one",
                    });
                }
                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
            }
            0xDC00..=0xDFFF => {
                return Err(JsonError {
                    at,
                    what: "no lone low surrogate",
                })
            }
            c => c,
        };
        char::from_u32(code).ok_or(JsonError {
            at,
            what: "a code point",
        })
    }

    fn array(&mut self) -> Result<Json, JsonError> {
        let mut items = Vec::new();
        self.ws();
        if self.eat(b']') {
            return Ok(Json::Array(items));
        }
        loop {
            self.ws();
            items.push(self.value()?);
            self.ws();
            if self.eat(b']') {
                return Ok(Json::Array(items));
            }
            if !self.eat(b',') {
                return Err(self.err("a comma or ]"));
            }
        }
    }

    fn object(&mut self) -> Result<Json, JsonError> {
        let mut members = Vec::new();
        self.ws();
        if self.eat(b'}') {
            return Ok(Json::Object(members));
        }
        loop {
            self.ws();
            if self.peek() != Some(b'"') {
                return Err(self.err("a member name"));
            }
            let key = self.string()?;
            self.ws();
            if !self.eat(b':') {
                return Err(self.err("a colon"));
            }
            self.ws();
            members.push((key, self.value()?));
            self.ws();
            if self.eat(b'}') {
                return Ok(Json::Object(members));
            }
            if !self.eat(b',') {
                return Err(self.err("a comma or }"));
            }
        }
    }
}

/// Writes a value as compact JSON.
pub fn write(v: &Json, out: &mut String) {
    match v {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Number(n) => out.push_str(n),
        Json::String(s) => write_str(s, out),
        Json::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(item, out);
            }
            out.push(']');
        }
        Json::Object(members) => write_members(members.iter().map(|(k, v)| (k.as_str(), v)), out),
    }
}

fn write_members<'a>(members: impl Iterator<Item = (&'a str, &'a Json)>, out: &mut String) {
    out.push('{');
    for (i, (k, v)) in members.enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_str(k, out);
        out.push(':');
        write(v, out);
    }
    out.push('}');
}

/// Writes a JSON string: quotes, backslashes and control characters escaped.
pub fn write_str(s: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                let b = u32::from(c) as usize;
                out.push_str("\\u00");
                out.push(char::from(HEX[b >> 4]));
                out.push(char::from(HEX[b & 15]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The stored text for `answers`: a version-2 document.
pub fn encode(answers: &Answers) -> String {
    let mut doc: Vec<(String, Json)> = vec![
        ("version".to_owned(), Json::Number(VERSION.to_string())),
        (
            "answers".to_owned(),
            Json::Object(answers.questions.iter().map(answer_json).collect()),
        ),
    ];
    doc.extend(answers.extra.iter().cloned());
    let mut out = String::new();
    write(&Json::Object(doc), &mut out);
    out
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
    let doc = parse(text).map_err(DecodeError::Json)?;
    let version = match doc.get("version") {
        Some(Json::Number(n)) => n
            .parse::<u32>()
            .map_err(|_| DecodeError::Foreign("version"))?,
        Some(_) => return Err(DecodeError::Foreign("version")),
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
        for (slug, v) in dedup(map.unwrap_or_default()) {
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
        ("version".to_owned(), Json::Number("2".to_owned())),
        ("answers".to_owned(), Json::Object(answers)),
    ];
    out.extend(rest);
    Ok(out)
}

/// Members with a repeated name keep only the last value (as `JSON.parse`),
/// at the place of the first.
fn dedup(members: Vec<(String, Json)>) -> Vec<(String, Json)> {
    let mut out: Vec<(String, Json)> = Vec::with_capacity(members.len());
    for (k, v) in members {
        match out.iter_mut().find(|(o, _)| *o == k) {
            Some(slot) => slot.1 = v,
            None => out.push((k, v)),
        }
    }
    out
}

fn decode_v2(members: Vec<(String, Json)>) -> Result<Answers, DecodeError> {
    let mut answers = Answers::default();
    for (k, v) in dedup(members) {
        match k.as_str() {
            "version" => {}
            "answers" => {
                let Json::Object(qs) = v else {
                    return Err(DecodeError::Foreign("answers"));
                };
                for (slug, a) in dedup(qs) {
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
    for (k, v) in dedup(members) {
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

    fn round(v: &Json) -> String {
        let mut out = String::new();
        write(v, &mut out);
        out
    }

    #[test]
    fn parses_every_kind_of_value() {
        let v =
            parse(r#" {"a": [1, -0.5, 2e10, 1E-3, true, false, null], "b": {"c": "d"}} "#).unwrap();
        assert_eq!(
            v.get("a"),
            Some(&Json::Array(vec![
                Json::Number("1".into()),
                Json::Number("-0.5".into()),
                Json::Number("2e10".into()),
                Json::Number("1E-3".into()),
                Json::Bool(true),
                Json::Bool(false),
                Json::Null,
            ]))
        );
        assert_eq!(v.get("b").and_then(|b| b.get("c")), Some(&s("d")));
        assert_eq!(parse("[]"), Ok(Json::Array(vec![])));
        assert_eq!(parse("{}"), Ok(Json::Object(vec![])));
        assert_eq!(parse("\"\""), Ok(s("")));
    }

    #[test]
    fn strings_decode_escapes_and_surrogate_pairs() {
        assert_eq!(
            parse(r#""a\"b\\c\/d\b\f\n\r\t""#),
            Ok(s("a\"b\\c/d\u{8}\u{c}\n\r\t"))
        );
        assert_eq!(parse(r#""\u00e9\u4e2D""#), Ok(s("é中")));
        assert_eq!(parse(r#""\ud83d\ude00!""#), Ok(s("😀!")));
        assert_eq!(parse("\"caf\u{e9} 😀\""), Ok(s("café 😀")));
        assert!(parse(r#""\ud83d""#).is_err(), "lone high surrogate");
        assert!(parse(r#""\ud83dx""#).is_err());
        assert!(parse(r#""\ud83d\u0041""#).is_err(), "high then not low");
        assert!(parse(r#""\ude00""#).is_err(), "lone low surrogate");
        assert!(parse(r#""\u12""#).is_err());
        assert!(parse(r#""\u12g4""#).is_err());
        assert!(parse(r#""\x""#).is_err());
        assert!(parse("\"a\nb\"").is_err(), "raw control character");
        assert!(parse("\"abc").is_err());
    }

    #[test]
    fn rejects_what_json_parse_rejects() {
        for bad in [
            "",
            " ",
            "01",
            "-",
            "1.",
            ".5",
            "1e",
            "+1",
            "[1,]",
            "[,1]",
            "{\"a\"}",
            "{\"a\":}",
            "{a:1}",
            "{\"a\":1,}",
            "[1 2]",
            "tru",
            "nul",
            "True",
            "1 2",
            "\u{feff}{}",
            "'a'",
            "[",
            "{",
            "NaN",
            "Infinity",
            "0x10",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn nesting_is_limited() {
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert_eq!(parse(&deep).unwrap_err().what, "less nesting");
        // Far deeper than the stack could take if it recursed without a limit.
        assert!(parse(&"[{\"a\":".repeat(100_000)).is_err());
    }

    #[test]
    fn writing_escapes_and_round_trips() {
        let v = Json::Object(vec![
            (
                "k\"ey".into(),
                s("line\nbreak\t\"quote\" \\ \u{1} \u{1f} é 😀 </script>"),
            ),
            ("n".into(), Json::Number("-1.5e3".into())),
            ("a".into(), Json::Array(vec![Json::Null, Json::Bool(false)])),
        ]);
        let text = round(&v);
        assert_eq!(
            text,
            r#"{"k\"ey":"line\nbreak\t\"quote\" \\ \u0001 \u001f é 😀 </script>","n":-1.5e3,"a":[null,false]}"#
        );
        assert_eq!(parse(&text), Ok(v));
    }

    #[test]
    fn duplicate_members_keep_the_last() {
        let v = parse(r#"{"a":1,"a":2}"#).unwrap();
        assert_eq!(v.get("a"), Some(&Json::Number("2".into())));
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
        let text = r#"{"version":2,"savedBy":"app 3.1","answers":{"q":{"choices":["a"],"weight":1.50,"meta":{"x":[null]}},"retired-question":{"text":"kept"}},"z":[1,"2"]}"#;
        let answers = decode(text).unwrap();
        assert_eq!(answers.get("q").unwrap().extra.len(), 2);
        assert_eq!(answers.extra.len(), 2);
        let again = encode(&answers);
        assert_eq!(
            again,
            r#"{"version":2,"answers":{"q":{"choices":["a"],"weight":1.50,"meta":{"x":[null]}},"retired-question":{"text":"kept"}},"savedBy":"app 3.1","z":[1,"2"]}"#
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
        assert!(matches!(decode("not json"), Err(Json(_))));
        assert_eq!(decode("[]"), Err(Foreign("document")));
        assert_eq!(decode("\"x\""), Err(Foreign("document")));
        assert_eq!(decode("{}"), Err(Foreign("version")));
        assert_eq!(decode(r#"{"version":"2"}"#), Err(Foreign("version")));
        assert_eq!(decode(r#"{"version":2.0}"#), Err(Foreign("version")));
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
            // Neither may panic; whatever decodes must encode and decode to itself.
            let _ = parse(&input);
            match decode(&input) {
                Ok(answers) => {
                    ok += 1;
                    let again = encode(&answers);
                    assert_eq!(decode(&again).as_ref(), Ok(&answers), "input {input:?}");
                }
                Err(_) => err += 1,
            }
            // Any parsed value writes back to text that parses to the same value.
            if let Ok(v) = parse(&input) {
                assert_eq!(parse(&round(&v)), Ok(v), "input {input:?}");
            }
        }
        assert!(
            ok > 100 && err > 100,
            "the generator reaches both sides: {ok} ok, {err} errors"
        );
    }
}
