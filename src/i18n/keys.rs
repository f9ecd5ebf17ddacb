//! Every interface string's key, with the variables it takes and where it
//! is filled in: at build time (into the page's markup) or in the reader's
//! browser (a template in an island's props, [`crate::messages`]).
//!
//! Every locale file has exactly these keys (`check` in [`super`]); a
//! story's `[strings]` table may override any of them.

/// Where a message is filled in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// When the page is built: the text is in the markup.
    Build,
    /// In the browser, after a reader's action: a template in the island.
    Runtime,
}

/// One key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    /// The message id in the locale files.
    pub id: &'static str,
    /// The variables it may use.
    pub vars: &'static [&'static str],
    /// Where it is filled in.
    pub when: When,
}

const fn build(id: &'static str, vars: &'static [&'static str]) -> Key {
    Key {
        id,
        vars,
        when: When::Build,
    }
}

const fn runtime(id: &'static str, vars: &'static [&'static str]) -> Key {
    Key {
        id,
        vars,
        when: When::Runtime,
    }
}

/// Every key, in the locale files' order.
pub const ALL: &[Key] = &[
    build("skip-link", &[]),
    build("byline", &["name", "role"]),
    build("context-expand-all", &[]),
    build("context-collapse-all", &[]),
    runtime("context-all-expanded", &["count"]),
    runtime("context-all-collapsed", &["count"]),
    build("timeline-heading", &[]),
    build("timeline-eras", &[]),
    build("timeline-hint", &[]),
    build("timeline-filters", &[]),
    build("timeline-filter-count", &["count"]),
    build("timeline-today", &[]),
    build("timeline-dated", &[]),
    build("timeline-undated", &[]),
    build("timeline-empty", &[]),
    runtime("timeline-sector-shown", &["sector", "shown", "total"]),
    runtime("timeline-sector-hidden", &["sector", "shown", "total"]),
    runtime("timeline-selected", &["title", "when"]),
    runtime("timeline-selected-undated", &["title"]),
    build("milestone-when", &[]),
    build("milestone-sector", &[]),
    build("milestone-status", &[]),
    build("milestone-expected-impact", &[]),
    build("milestone-reported-outcome", &[]),
    build("milestone-note", &[]),
    build("milestone-source", &["passage"]),
    build("milestone-copy-link", &[]),
    runtime("milestone-link-copied", &[]),
    runtime("milestone-link-not-copied", &["link"]),
    build("date-bce", &["date"]),
    build("date-years-ago", &["years"]),
    build("date-season", &["season", "year"]),
    build("date-quarter", &["quarter", "year"]),
    build("when-span", &["start", "end"]),
    build("when-ongoing", &["start"]),
    build("status-undated", &[]),
    build("status-reported", &["when"]),
    build("status-scheduled", &["when"]),
    build("status-upcoming", &["start"]),
    build("status-in-window", &["when"]),
    build("status-ongoing", &["start"]),
    build("status-passed", &["when"]),
    build("poll-noscript", &[]),
    build("poll-own-page", &[]),
    build("poll-save", &[]),
    build("poll-cancel", &[]),
    build("poll-your-answers", &[]),
    build("poll-change", &[]),
    build("poll-clear", &[]),
    build("poll-confirm", &[]),
    build("poll-confirm-yes", &[]),
    build("poll-confirm-no", &[]),
    build("poll-privacy", &[]),
    build("poll-choose-any", &[]),
    build("poll-other-label", &["choice"]),
    build("poll-no-answer", &[]),
    runtime("poll-counter", &["count", "max"]),
    runtime("poll-counter-over", &["count", "max", "over"]),
    runtime("poll-over-limit", &[]),
    runtime("poll-saved", &[]),
    runtime("poll-saved-not-kept", &[]),
    runtime("poll-saved-in-memory", &[]),
    runtime("poll-cleared", &[]),
    runtime("poll-clear-failed", &[]),
    runtime("poll-other-tab-changed", &[]),
    runtime("poll-other-tab-updated", &[]),
    runtime("poll-other-tab-cleared", &[]),
    runtime("poll-not-saved-one", &["problem"]),
    runtime("poll-not-saved-many", &["count"]),
    runtime("poll-error-nothing", &[]),
    runtime("poll-error-unknown-choice", &[]),
    runtime("poll-error-only-one", &[]),
    runtime("poll-error-other-empty", &["choice"]),
    runtime("poll-error-too-long", &["length", "max", "over"]),
    runtime("storage-blocked", &[]),
    runtime("storage-full", &[]),
    runtime("storage-failed", &[]),
    runtime("storage-not-kept", &[]),
    runtime("storage-set-aside", &[]),
    runtime("storage-untouched", &[]),
    runtime("storage-newer", &[]),
    runtime("storage-framed", &[]),
    build("poll-results-heading", &[]),
    build("poll-results-mine", &[]),
    build("poll-privacy-results", &[]),
    runtime("poll-results-readers", &["count"]),
    runtime("poll-results-share", &["percent", "count"]),
    runtime("poll-results-later", &[]),
    runtime("poll-results-refused", &[]),
    build("embed-heading", &[]),
    build("embed-intro", &[]),
    build("embed-cms", &[]),
    build("embed-what", &[]),
    build("embed-whole", &[]),
    build("embed-part-missing", &[]),
    build("embed-format", &[]),
    build("embed-format-html", &[]),
    build("embed-format-amp", &[]),
    build("embed-code", &[]),
    build("embed-copy", &[]),
    runtime("embed-copied", &[]),
    runtime("embed-copy-refused", &[]),
    build("embed-frame-title", &["part", "page"]),
    build("embed-amp-head", &[]),
    build("embed-amp-more", &[]),
];

/// The key with this id.
pub fn get(id: &str) -> Option<&'static Key> {
    ALL.iter().find(|k| k.id == id)
}

/// The ids of the keys filled in the browser.
pub fn runtime_ids() -> impl Iterator<Item = &'static str> {
    ALL.iter().filter(|k| k.when == When::Runtime).map(|k| k.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique() {
        for (i, k) in ALL.iter().enumerate() {
            assert!(ALL[i + 1..].iter().all(|o| o.id != k.id), "{} twice", k.id);
        }
    }

    /// Every key is used by the code: its id stands in some source file
    /// other than this one and the locale files (the app's, or the xtask's:
    /// `import` writes `timeline-heading` into a story).
    #[test]
    fn every_key_is_used() {
        let base = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut code = String::new();
        fn walk(dir: &std::path::Path, out: &mut String) {
            for entry in std::fs::read_dir(dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs")
                    && !path.ends_with("i18n/keys.rs")
                {
                    out.push_str(&std::fs::read_to_string(&path).unwrap());
                }
            }
        }
        walk(&base.join("src"), &mut code);
        walk(&base.join("xtask/src"), &mut code);
        for k in ALL {
            assert!(
                code.contains(&format!("\"{}\"", k.id)),
                "the key {} is not used in src/",
                k.id
            );
        }
    }
}
