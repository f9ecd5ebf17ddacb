//! A string key-value store, and why one can fail.
//!
//! Every step can fail in a real browser: the `window.localStorage` getter
//! throws a `SecurityError` where storage is blocked (or returns null), and
//! `setItem` throws when the quota is used up (or is zero, as in old private
//! modes). Each failure is a [`Problem`] with a reader-facing message.
//!
//! [`Backend`] is the seam between the poll's load and save rules, tested
//! natively with a fake store, and the browser's `localStorage`
//! (`runtime::storage`).

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
