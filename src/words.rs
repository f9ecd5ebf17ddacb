//! The edition's words in the browser: what an island says after a reader's
//! action. The templates come from the page (an island's [`Voice`] prop,
//! written at build time from the edition's locale); plural categories and
//! digits come from the browser's own `Intl`, for the edition's language
//! (never the reader's browser settings). So the wasm carries no interface
//! text and no plural rules.

use std::cell::OnceCell;
use std::rc::Rc;

use wasm_bindgen::JsValue;

use crate::messages::Numbers;
#[cfg(feature = "islands")]
use crate::messages::{Messages, Say};

/// `Intl.PluralRules` and `Intl.NumberFormat` for one language, each made
/// the first time it is needed, once a page: a page's first
/// `Intl.NumberFormat` costs a phone tens of milliseconds (the browser
/// reads its number data), which hydration need not wait for when nothing
/// it says has digits in it.
pub struct Intl {
    lang: String,
    plurals: OnceCell<js_sys::Intl::PluralRules>,
    digits: OnceCell<js_sys::Function>,
}

thread_local! {
    static MADE: std::cell::RefCell<Vec<Rc<Intl>>> = const { std::cell::RefCell::new(Vec::new()) };
}

impl Intl {
    /// The browser's rules for `lang` (in the browser only), the same ones
    /// each time.
    pub fn of(lang: &str) -> Rc<Intl> {
        MADE.with(|made| {
            let mut made = made.borrow_mut();
            if let Some(intl) = made.iter().find(|i| i.lang == lang) {
                return intl.clone();
            }
            let intl = Rc::new(Intl {
                lang: lang.to_owned(),
                plurals: OnceCell::new(),
                digits: OnceCell::new(),
            });
            made.push(intl.clone());
            intl
        })
    }

    fn locales(&self) -> js_sys::Array {
        js_sys::Array::of1(&JsValue::from_str(&self.lang))
    }
}

impl Numbers for Intl {
    fn category(&self, n: u32) -> String {
        self.plurals
            .get_or_init(|| js_sys::Intl::PluralRules::new(&self.locales(), &js_sys::Object::new()))
            .select(f64::from(n))
            .into()
    }

    fn format(&self, n: u32) -> String {
        self.digits
            .get_or_init(|| {
                js_sys::Intl::NumberFormat::new(&self.locales(), &js_sys::Object::new()).format()
            })
            .call1(&JsValue::NULL, &JsValue::from_f64(f64::from(n)))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
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
        self.messages.format(say, &*Intl::of(&self.lang))
    }
}
