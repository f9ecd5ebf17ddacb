//! The edition's words in the browser: what an island says after a reader's
//! action. The templates come from the page (an island's [`Voice`] prop,
//! written at build time from the edition's locale); plural categories and
//! digits come from the browser's own `Intl`, for the edition's language
//! (never the reader's browser settings). So the wasm carries no interface
//! text and no plural rules.

use wasm_bindgen::JsValue;

use crate::messages::{Messages, Numbers, Say};

/// `Intl.PluralRules` and `Intl.NumberFormat` for one language.
pub struct Intl {
    plurals: js_sys::Intl::PluralRules,
    digits: js_sys::Function,
}

impl Intl {
    /// The browser's rules for `lang` (in the browser only).
    pub fn new(lang: &str) -> Intl {
        let locales = js_sys::Array::of1(&JsValue::from_str(lang));
        let options = js_sys::Object::new();
        Intl {
            plurals: js_sys::Intl::PluralRules::new(&locales, &options),
            digits: js_sys::Intl::NumberFormat::new(&locales, &options).format(),
        }
    }
}

impl Numbers for Intl {
    fn category(&self, n: u32) -> String {
        self.plurals.select(f64::from(n)).into()
    }

    fn format(&self, n: u32) -> String {
        self.digits
            .call1(&JsValue::NULL, &JsValue::from_f64(f64::from(n)))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    }
}

/// What the runtime says, in the edition's language.
pub struct Words {
    messages: Messages,
    intl: Intl,
}

impl Words {
    /// The words of `messages`, in `lang` (in the browser only).
    pub fn new(messages: Messages, lang: &str) -> Words {
        Words {
            messages,
            intl: Intl::new(lang),
        }
    }

    /// The text of `say`.
    pub fn say(&self, say: &Say) -> String {
        self.messages.format(say, &self.intl)
    }

    /// The text of a message without arguments.
    pub fn text(&self, key: &'static str) -> String {
        self.say(&Say::new(key))
    }
}

/// What one island says after a reader's action: the edition's language
/// and the templates of the messages it uses. An island prop: serialized
/// into the page at build time, read back in the browser.
#[cfg(feature = "islands")]
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Voice {
    /// The edition's language tag.
    pub lang: String,
    /// The island's messages.
    pub messages: Messages,
}

#[cfg(feature = "islands")]
impl Voice {
    /// The words of `say` (in the browser only: it asks the browser's `Intl`).
    pub fn say(&self, say: &Say) -> String {
        self.messages.format(say, &Intl::new(&self.lang))
    }
}
