//! A string key-value store, and why one can fail.
//!
//! Every step can fail in a real browser: the `window.localStorage` getter
//! throws a `SecurityError` where storage is blocked (or returns null), and
//! `setItem` throws when the quota is used up (or is zero, as in old private
//! modes). Each failure is a [`Problem`] with a reader-facing message.
//!
//! [`Backend`] is the seam between the poll's load and save rules, tested
//! natively with a fake store, and the browser's `localStorage` ([`Local`],
//! guarded: the getter and every call can throw, and each failure comes back
//! as a [`Problem`]; nothing panics or unwraps a JavaScript result. gloo's
//! `LocalStorage` is not used for this: it panics where storage is blocked,
//! as in a sandboxed frame).

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
    /// The key of what to tell the reader (the locale's `storage-*`).
    pub fn key(self) -> &'static str {
        match self {
            Problem::Blocked => "storage-blocked",
            Problem::Full => "storage-full",
            Problem::Failed => "storage-failed",
        }
    }

    /// Sorts an exception by its `name`: quota errors (and Firefox's
    /// legacy name), `SecurityError`, anything else.
    pub fn from_error_name(name: &str) -> Problem {
        match name {
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

/// The page's `localStorage` (in the browser only).
#[cfg(feature = "islands")]
pub struct Local(web_sys::Storage);

#[cfg(feature = "islands")]
fn thrown(err: &wasm_bindgen::JsValue) -> Problem {
    let name = js_sys::Reflect::get(err, &wasm_bindgen::JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    Problem::from_error_name(&name)
}

/// Opens `localStorage`; `Err` when the browser has none for this page or
/// the getter throws (a sandboxed frame, blocked third-party storage).
#[cfg(feature = "islands")]
pub fn local() -> Result<Local, Problem> {
    let window = web_sys::window().ok_or(Problem::Blocked)?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(Local(storage)),
        Ok(None) => Err(Problem::Blocked),
        Err(e) => match thrown(&e) {
            Problem::Full => Err(Problem::Full),
            _ => Err(Problem::Blocked),
        },
    }
}

#[cfg(feature = "islands")]
impl Backend for Local {
    fn get(&self, key: &str) -> Result<Option<String>, Problem> {
        self.0.get_item(key).map_err(|e| thrown(&e))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), Problem> {
        self.0.set_item(key, value).map_err(|e| thrown(&e))
    }

    fn remove(&self, key: &str) -> Result<(), Problem> {
        self.0.remove_item(key).map_err(|e| thrown(&e))
    }
}

#[cfg(test)]
mod tests {
    use super::Problem;

    #[test]
    fn exceptions_are_sorted_by_name() {
        assert_eq!(
            Problem::from_error_name("QuotaExceededError"),
            Problem::Full
        );
        assert_eq!(
            Problem::from_error_name("NS_ERROR_DOM_QUOTA_REACHED"),
            Problem::Full
        );
        assert_eq!(Problem::from_error_name("SecurityError"), Problem::Blocked);
        assert_eq!(Problem::from_error_name("TypeError"), Problem::Failed);
    }
}
