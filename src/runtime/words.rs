//! The edition's words in the browser: the runtime messages from the data
//! island, plural categories and digits from the browser's own `Intl`, for
//! the edition's language (never the reader's browser settings).

use wasm_bindgen::JsValue;

use crate::messages::{Messages, Numbers, Say};

/// `Intl.PluralRules` and `Intl.NumberFormat` for one language.
pub struct Intl {
    plurals: js_sys::Intl::PluralRules,
    digits: js_sys::Function,
}

impl Intl {
    /// The browser's rules for `lang`.
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
    /// The words of `messages`, in `lang`.
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
