//! A thin, safe wrapper over `localStorage`.
//!
//! Every step can fail in a real browser: the `window.localStorage` getter
//! throws a `SecurityError` where storage is blocked (or returns null), and
//! `setItem` throws when the quota is used up (or is zero, as in old private
//! modes). Each failure comes back as a [`Problem`] with a reader-facing
//! message; nothing here panics or unwraps a JavaScript result.
//!
//! [`Backend`] is the seam that lets the poll's load and save rules be
//! tested natively with a fake store.

use wasm_bindgen::JsValue;

/// Why storage could not be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// The browser refuses storage to this page (settings, blocked
    /// third-party storage, a sandbox).
    Blocked,
    /// The quota is used up, or is zero.
    Full,
    /// Anything else the browser threw.
    Failed,
}

impl Problem {
    /// What to tell the reader.
    pub fn message(self) -> &'static str {
        match self {
            Problem::Blocked => {
                "Your browser is not letting this page store anything, so your answers will \
                 not be kept after you leave. You can still answer the poll."
            }
            Problem::Full => {
                "Your browser\u{2019}s storage for this site is full, so your answers could not \
                 be kept. They stay on this page until you leave it."
            }
            Problem::Failed => {
                "Your browser did not let this page keep your answers, so they stay on this \
                 page only until you leave it."
            }
        }
    }

    /// Sorts a thrown value: quota errors by name (and legacy codes), the
    /// rest by `SecurityError`.
    fn from_thrown(err: &JsValue) -> Problem {
        let name = js_sys::Reflect::get(err, &JsValue::from_str("name"))
            .ok()
            .and_then(|n| n.as_string())
            .unwrap_or_default();
        match name.as_str() {
            "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => Problem::Full,
            "SecurityError" => Problem::Blocked,
            _ => Problem::Failed,
        }
    }
}

/// A string key-value store: `localStorage` in the browser, a fake in tests.
pub trait Backend {
    /// The value under `key`, `None` when there is none.
    fn get(&self, key: &str) -> Result<Option<String>, Problem>;
    /// Stores `value` under `key`.
    fn set(&self, key: &str, value: &str) -> Result<(), Problem>;
    /// Removes `key` (no error when it is absent).
    fn remove(&self, key: &str) -> Result<(), Problem>;
}

/// The page's `localStorage`.
pub struct Local(web_sys::Storage);

/// Opens `localStorage`; `Err` when the browser has none for this page or
/// the getter throws. Call from effects and event handlers, never in render.
pub fn local() -> Result<Local, Problem> {
    let window = web_sys::window().ok_or(Problem::Blocked)?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(Local(storage)),
        Ok(None) => Err(Problem::Blocked),
        Err(e) => match Problem::from_thrown(&e) {
            Problem::Full => Err(Problem::Full),
            _ => Err(Problem::Blocked),
        },
    }
}

impl Backend for Local {
    fn get(&self, key: &str) -> Result<Option<String>, Problem> {
        self.0.get_item(key).map_err(|e| Problem::from_thrown(&e))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), Problem> {
        self.0
            .set_item(key, value)
            .map_err(|e| Problem::from_thrown(&e))
    }

    fn remove(&self, key: &str) -> Result<(), Problem> {
        self.0
            .remove_item(key)
            .map_err(|e| Problem::from_thrown(&e))
    }
}
