//! What the runtime says after a reader's action, in the edition's language.
//!
//! The runtime's logic (the poll's state, the timeline's announcements)
//! names what to say as a [`Say`]: a message key and its arguments. The
//! words come from the page: the pre-renderer writes each runtime message
//! of the locale (see `i18n::keys`) into the islands' props as a [`Template`]
//! (a text with placeholders, or one text per plural category when the
//! message depends on a number the browser knows), and [`Messages::format`]
//! fills it in, with the plural category and the digits from a [`Numbers`]
//! (the browser's `Intl.PluralRules` and `Intl.NumberFormat` in the wasm).
//! So the wasm carries no interface text and no plural rules.

use crate::json::Json;

/// Opens a placeholder in a template; the variable's name follows, then
/// [`CLOSE`]. Private-use characters, so no text of a story can contain one.
pub const OPEN: char = '\u{F8F0}';
/// Closes a placeholder.
pub const CLOSE: char = '\u{F8F1}';

/// An argument of a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// A whole number, written in the locale's digits.
    Num(u32),
    /// A text, as it is.
    Text(String),
    /// Another message, formatted first.
    Say(Box<Say>),
}

/// A message to say: its key and its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Say {
    /// The message's key.
    pub key: &'static str,
    /// Its arguments, by variable name.
    pub args: Vec<(&'static str, Arg)>,
}

impl Say {
    /// The message `key`, with no arguments yet.
    pub fn new(key: &'static str) -> Say {
        Say {
            key,
            args: Vec::new(),
        }
    }

    /// With the number `n` for `name`.
    pub fn num(mut self, name: &'static str, n: u32) -> Say {
        self.args.push((name, Arg::Num(n)));
        self
    }

    /// With the text `text` for `name`.
    pub fn text(mut self, name: &'static str, text: impl Into<String>) -> Say {
        self.args.push((name, Arg::Text(text.into())));
        self
    }

    /// With another message for `name`.
    pub fn say(mut self, name: &'static str, say: Say) -> Say {
        self.args.push((name, Arg::Say(Box::new(say))));
        self
    }

    /// The number given for `name`.
    pub fn number(&self, name: &str) -> Option<u32> {
        self.args.iter().find_map(|(n, a)| match a {
            Arg::Num(v) if *n == name => Some(*v),
            _ => None,
        })
    }
}

/// A runtime message's words.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "islands", derive(serde::Serialize, serde::Deserialize))]
pub enum Template {
    /// One text, with placeholders.
    Text(String),
    /// One text per plural category of the number `on`.
    Plural {
        /// The variable whose number picks the form.
        on: String,
        /// `(category, text)`: `one`, `few`, `other`...
        forms: Vec<(String, String)>,
    },
}

/// The plural category and the digits of a number, in the edition's locale.
pub trait Numbers {
    /// The CLDR cardinal category of `n`: `zero`, `one`, `two`, `few`, `many` or `other`.
    fn category(&self, n: u32) -> String;
    /// `n` in the locale's digits.
    fn format(&self, n: u32) -> String;
}

/// The runtime messages of an edition.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "islands", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "islands", serde(transparent))]
pub struct Messages {
    /// `(key, template)`.
    pub templates: Vec<(String, Template)>,
}

impl Messages {
    /// Only the templates of `keys` (what one island says).
    pub fn only(&self, keys: &[&str]) -> Messages {
        Messages {
            templates: self
                .templates
                .iter()
                .filter(|(k, _)| keys.contains(&k.as_str()))
                .cloned()
                .collect(),
        }
    }

    /// The template of `key`.
    pub fn template(&self, key: &str) -> Option<&Template> {
        self.templates
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, t)| t)
    }

    /// The words of `say`. A key the page has no template for gives an empty
    /// text (the page is built with every runtime key, so it does not happen).
    pub fn format(&self, say: &Say, numbers: &dyn Numbers) -> String {
        let text = match self.template(say.key) {
            None => return String::new(),
            Some(Template::Text(t)) => t.as_str(),
            Some(Template::Plural { on, forms }) => {
                let category = say
                    .number(on)
                    .map_or_else(|| "other".to_owned(), |n| numbers.category(n));
                let pick = |c: &str| forms.iter().find(|(k, _)| k == c).map(|(_, t)| t);
                match pick(&category)
                    .or_else(|| pick("other"))
                    .or(forms.last().map(|f| &f.1))
                {
                    Some(t) => t.as_str(),
                    None => return String::new(),
                }
            }
        };
        // `split_once`, not slicing: no panic path is linked into the wasm.
        let mut out = String::with_capacity(text.len() + 16);
        let mut rest = text;
        while let Some((before, after)) = rest.split_once(OPEN) {
            out.push_str(before);
            let Some((name, next)) = after.split_once(CLOSE) else {
                rest = after;
                break;
            };
            match say.args.iter().find(|(n, _)| *n == name).map(|(_, a)| a) {
                Some(Arg::Num(n)) => out.push_str(&numbers.format(*n)),
                Some(Arg::Text(t)) => out.push_str(t),
                Some(Arg::Say(inner)) => out.push_str(&self.format(inner, numbers)),
                None => {}
            }
            rest = next;
        }
        out.push_str(rest);
        out
    }

    /// The island's JSON: `{"key": "text"}` or `{"key": {"on": "n", "one": "…", "other": "…"}}`.
    pub fn to_json(&self) -> Json {
        Json::Object(
            self.templates
                .iter()
                .map(|(k, t)| {
                    let v = match t {
                        Template::Text(s) => Json::str(s),
                        Template::Plural { on, forms } => {
                            let mut m = vec![("on".to_owned(), Json::str(on))];
                            m.extend(forms.iter().map(|(c, s)| (c.clone(), Json::str(s))));
                            Json::Object(m)
                        }
                    };
                    (k.clone(), v)
                })
                .collect(),
        )
    }

    /// Reads [`Messages::to_json`]; `None` when it is not that shape.
    pub fn from_json(v: &Json) -> Option<Messages> {
        let Json::Object(members) = v else {
            return None;
        };
        let mut templates = Vec::with_capacity(members.len());
        for (k, v) in members {
            let t = match v {
                Json::String(s) => Template::Text(s.clone()),
                Json::Object(forms) => {
                    let on = v.get("on")?.as_str()?.to_owned();
                    let forms = forms
                        .iter()
                        .filter(|(c, _)| c != "on")
                        .map(|(c, s)| Some((c.clone(), s.as_str()?.to_owned())))
                        .collect::<Option<Vec<_>>>()?;
                    Template::Plural { on, forms }
                }
                _ => return None,
            };
            templates.push((k.clone(), t));
        }
        Some(Messages { templates })
    }
}

/// A placeholder for the variable `name`, as templates write it.
pub fn placeholder(name: &str) -> String {
    format!("{OPEN}{name}{CLOSE}")
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// English plural rules and ASCII digits, for tests.
    pub struct English;

    impl Numbers for English {
        fn category(&self, n: u32) -> String {
            if n == 1 { "one" } else { "other" }.to_owned()
        }
        fn format(&self, n: u32) -> String {
            n.to_string()
        }
    }

    fn messages() -> Messages {
        Messages {
            templates: vec![
                (
                    "count".to_owned(),
                    Template::Plural {
                        on: "n".to_owned(),
                        forms: vec![
                            ("one".to_owned(), format!("{} item", placeholder("n"))),
                            ("other".to_owned(), format!("{} items", placeholder("n"))),
                        ],
                    },
                ),
                (
                    "wrap".to_owned(),
                    Template::Text(format!("Not saved. {}", placeholder("why"))),
                ),
            ],
        }
    }

    #[test]
    fn plural_forms_follow_the_number() {
        let m = messages();
        assert_eq!(m.format(&Say::new("count").num("n", 1), &English), "1 item");
        assert_eq!(
            m.format(&Say::new("count").num("n", 7), &English),
            "7 items"
        );
        assert_eq!(m.format(&Say::new("count"), &English), " items");
    }

    #[test]
    fn messages_nest_and_unknown_keys_say_nothing() {
        let m = messages();
        let say = Say::new("wrap").say("why", Say::new("count").num("n", 2));
        assert_eq!(m.format(&say, &English), "Not saved. 2 items");
        assert_eq!(m.format(&Say::new("nope"), &English), "");
    }

    #[test]
    fn messages_round_trip_through_json() {
        let m = messages();
        let text = crate::json::stringify(&m.to_json());
        assert_eq!(
            Messages::from_json(&crate::json::parse(&text).unwrap()),
            Some(m)
        );
        assert_eq!(Messages::from_json(&Json::Null), None);
    }
}
