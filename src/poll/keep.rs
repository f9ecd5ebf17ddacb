//! Keeping answers in the browser: the storage keys, and what loading and
//! saving do when storage is blocked, full, or holds something unreadable.
//!
//! The rules, all tested natively against a fake store:
//! - blocked storage, or a failed trial write (private modes, a zero or used
//!   up quota): the poll works in memory and says answers will not be kept;
//! - an unreadable value under our key is copied to a backup key first and
//!   removed only once the copy reads back; if it cannot be copied it is
//!   left untouched and nothing is written over it;
//! - a document from a newer version is left untouched, never overwritten.

use super::codec::{self, DecodeError};
use super::Answers;
use crate::messages::Say;
use crate::storage::{Backend, Problem};

/// Keys start with this, then the story's slug.
pub const KEY_PREFIX: &str = "explainer:poll:";

/// A throwaway key for the trial write (outside the per-story keys).
pub const PROBE_KEY: &str = "explainer:probe";

/// The key for a story's answers: `explainer:poll:<story slug>`.
pub fn key(story: &str) -> String {
    format!("{KEY_PREFIX}{story}")
}

/// Where an unreadable value is moved: `explainer:poll:<slug>:backup:<ms>`,
/// with `-n` added if that is taken by something else.
pub fn backup_key(story: &str, stamp: u64, n: u32) -> String {
    match n {
        0 => format!("{KEY_PREFIX}{story}:backup:{stamp}"),
        n => format!("{KEY_PREFIX}{story}:backup:{stamp}-{n}"),
    }
}

/// Something the reader should know about their saved answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// Storage refused an operation.
    Storage(Problem),
    /// The trial write failed: storage reads but does not keep.
    NotKept,
    /// Unreadable saved data was moved to a backup key; starting afresh.
    SetAside,
    /// Unreadable saved data could not be moved, so it was left alone and
    /// answers stay in memory.
    Untouched,
    /// Saved by a newer version of the page; left alone.
    Newer,
    /// Storage is blocked because the page is in a frame that may keep
    /// nothing (WordPress's sandboxed embeds): the explainer's own page can.
    Framed,
}

impl Notice {
    /// What to tell the reader.
    pub fn say(self) -> Say {
        Say::new(match self {
            Notice::Storage(p) => p.key(),
            Notice::NotKept => "storage-not-kept",
            Notice::SetAside => "storage-set-aside",
            Notice::Untouched => "storage-untouched",
            Notice::Newer => "storage-newer",
            Notice::Framed => "storage-framed",
        })
    }
}

/// What [`load`] found.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// Saved answers, if any could be read.
    pub answers: Option<Answers>,
    /// True when saving may write to storage.
    pub writable: bool,
    /// What to tell the reader, if anything.
    pub notice: Option<Notice>,
}

impl Loaded {
    fn memory(notice: Notice) -> Loaded {
        Loaded {
            answers: None,
            writable: false,
            notice: Some(notice),
        }
    }
}

impl Loaded {
    /// What was loaded, in a frame when `framed`: blocked storage there is
    /// the frame's doing, and the reader is told where answers can be kept.
    pub fn in_frame(mut self, framed: bool) -> Loaded {
        if framed && self.notice == Some(Notice::Storage(Problem::Blocked)) {
            self.notice = Some(Notice::Framed);
        }
        self
    }
}

/// Reads a story's answers. `stamp` (milliseconds) names a backup key if one
/// is needed; `probe` makes a trial write first, to learn whether saving
/// will work.
pub fn load<B: Backend>(
    store: Result<&B, Problem>,
    story: &str,
    stamp: u64,
    probe: bool,
) -> Loaded {
    let store = match store {
        Ok(s) => s,
        Err(p) => return Loaded::memory(Notice::Storage(p)),
    };
    let trial = |s: &B| {
        let wrote = s.set(PROBE_KEY, "1");
        let _ = s.remove(PROBE_KEY);
        wrote
    };
    let writable = !probe || trial(store).is_ok();
    let notice = (!writable).then_some(Notice::NotKept);
    let key = key(story);
    let raw = match store.get(&key) {
        Ok(Some(raw)) => raw,
        Ok(None) => {
            return Loaded {
                answers: None,
                writable,
                notice,
            }
        }
        Err(p) => return Loaded::memory(Notice::Storage(p)),
    };
    match codec::decode(&raw) {
        Ok(answers) => Loaded {
            answers: Some(answers),
            writable,
            notice,
        },
        Err(DecodeError::Newer(_)) => Loaded::memory(Notice::Newer),
        Err(DecodeError::Json | DecodeError::Foreign(_)) => {
            if set_aside(store, story, stamp, &raw) && store.remove(&key).is_ok() {
                Loaded {
                    answers: None,
                    writable,
                    notice: Some(Notice::SetAside),
                }
            } else {
                Loaded::memory(Notice::Untouched)
            }
        }
    }
}

/// Copies `raw` to a free backup key and checks it reads back.
fn set_aside<B: Backend>(store: &B, story: &str, stamp: u64, raw: &str) -> bool {
    (0..10).any(|n| {
        let backup = backup_key(story, stamp, n);
        match store.get(&backup) {
            Ok(None) => {
                store.set(&backup, raw).is_ok()
                    && store.get(&backup).ok().flatten().as_deref() == Some(raw)
            }
            Ok(Some(same)) => same == raw,
            Err(_) => false,
        }
    })
}

/// Writes a story's answers.
pub fn save<B: Backend>(
    store: Result<&B, Problem>,
    story: &str,
    answers: &Answers,
) -> Result<(), Notice> {
    store
        .and_then(|s| s.set(&key(story), &codec::encode(answers)))
        .map_err(Notice::Storage)
}

/// Removes a story's answers (backups stay).
pub fn clear<B: Backend>(store: Result<&B, Problem>, story: &str) -> Result<(), Notice> {
    store
        .and_then(|s| s.remove(&key(story)))
        .map_err(Notice::Storage)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::poll::Answer;
    use std::cell::{Cell, RefCell};
    use std::collections::BTreeMap;

    /// A store that can be told to refuse writes (a full quota) or reads.
    #[derive(Default)]
    struct Fake {
        items: RefCell<BTreeMap<String, String>>,
        full: Cell<bool>,
        unreadable: Cell<bool>,
    }

    impl Fake {
        fn with(key: &str, value: &str) -> Fake {
            let f = Fake::default();
            f.items
                .borrow_mut()
                .insert(key.to_owned(), value.to_owned());
            f
        }

        fn keys(&self) -> Vec<String> {
            self.items.borrow().keys().cloned().collect()
        }
    }

    impl Backend for Fake {
        fn get(&self, key: &str) -> Result<Option<String>, Problem> {
            if self.unreadable.get() {
                return Err(Problem::Blocked);
            }
            Ok(self.items.borrow().get(key).cloned())
        }

        fn set(&self, key: &str, value: &str) -> Result<(), Problem> {
            if self.full.get() {
                return Err(Problem::Full);
            }
            self.items
                .borrow_mut()
                .insert(key.to_owned(), value.to_owned());
            Ok(())
        }

        fn remove(&self, key: &str) -> Result<(), Problem> {
            self.items.borrow_mut().remove(key);
            Ok(())
        }
    }

    const STORY: &str = "s";
    const KEY: &str = "explainer:poll:s";

    fn some_answers() -> Answers {
        let mut a = Answers::default();
        a.set(
            "q",
            Answer {
                text: "hello".into(),
                ..Answer::default()
            },
        );
        a
    }

    #[test]
    fn keys_name_the_story() {
        assert_eq!(key("tajik-japan"), "explainer:poll:tajik-japan");
        assert_eq!(backup_key("x", 17, 0), "explainer:poll:x:backup:17");
        assert_eq!(backup_key("x", 17, 2), "explainer:poll:x:backup:17-2");
    }

    #[test]
    fn saves_and_loads_back() {
        let f = Fake::default();
        assert_eq!(save(Ok(&f), STORY, &some_answers()), Ok(()));
        let loaded = load(Ok(&f), STORY, 1, true);
        assert_eq!(loaded.answers, Some(some_answers()));
        assert!(loaded.writable);
        assert_eq!(loaded.notice, None);
        assert_eq!(f.keys(), vec![KEY], "the trial write leaves nothing behind");
        assert_eq!(clear(Ok(&f), STORY), Ok(()));
        assert_eq!(load(Ok(&f), STORY, 1, true).answers, None);
    }

    #[test]
    fn blocked_storage_works_in_memory() {
        let loaded = load::<Fake>(Err(Problem::Blocked), STORY, 1, true);
        assert_eq!(loaded, Loaded::memory(Notice::Storage(Problem::Blocked)));
        assert_eq!(
            save::<Fake>(Err(Problem::Blocked), STORY, &some_answers()),
            Err(Notice::Storage(Problem::Blocked))
        );
        let f = Fake::default();
        f.unreadable.set(true);
        assert!(!load(Ok(&f), STORY, 1, false).writable);
    }

    #[test]
    fn in_a_frame_blocked_storage_is_the_frames_doing() {
        let blocked = load::<Fake>(Err(Problem::Blocked), STORY, 1, true);
        assert_eq!(blocked.clone().in_frame(true).notice, Some(Notice::Framed));
        assert_eq!(blocked.clone().in_frame(false), blocked);
        // Other problems are said as they are, framed or not.
        let f = Fake::default();
        f.full.set(true);
        let full = load(Ok(&f), STORY, 1, true);
        assert_eq!(full.clone().in_frame(true), full);
    }

    #[test]
    fn a_failed_trial_write_means_answers_are_not_kept_but_saved_ones_show() {
        let f = Fake::with(KEY, &codec::encode(&some_answers()));
        f.full.set(true);
        let loaded = load(Ok(&f), STORY, 1, true);
        assert_eq!(loaded.answers, Some(some_answers()));
        assert!(!loaded.writable);
        assert_eq!(loaded.notice, Some(Notice::NotKept));
        assert_eq!(
            save(Ok(&f), STORY, &some_answers()),
            Err(Notice::Storage(Problem::Full))
        );
    }

    #[test]
    fn corrupt_data_is_set_aside_not_destroyed() {
        for bad in [
            "{not json",
            "[1,2]",
            r#"{"answers":{}}"#,
            r#"{"version":2,"answers":{"q":7}}"#,
            "",
        ] {
            let f = Fake::with(KEY, bad);
            let loaded = load(Ok(&f), STORY, 42, true);
            assert_eq!(loaded.answers, None, "{bad:?}");
            assert!(loaded.writable);
            assert_eq!(loaded.notice, Some(Notice::SetAside));
            assert_eq!(f.get(KEY), Ok(None));
            assert_eq!(
                f.get("explainer:poll:s:backup:42").unwrap().as_deref(),
                Some(bad)
            );
        }
    }

    #[test]
    fn an_older_backup_is_never_overwritten() {
        let f = Fake::with(KEY, "junk 2");
        f.set("explainer:poll:s:backup:42", "junk 1").unwrap();
        load(Ok(&f), STORY, 42, true);
        assert_eq!(
            f.get("explainer:poll:s:backup:42").unwrap().as_deref(),
            Some("junk 1")
        );
        assert_eq!(
            f.get("explainer:poll:s:backup:42-1").unwrap().as_deref(),
            Some("junk 2")
        );
    }

    #[test]
    fn corrupt_data_that_cannot_be_copied_is_left_alone() {
        let f = Fake::with(KEY, "junk");
        f.full.set(true);
        let loaded = load(Ok(&f), STORY, 42, false);
        assert_eq!(loaded, Loaded::memory(Notice::Untouched));
        assert_eq!(f.get(KEY).unwrap().as_deref(), Some("junk"));
    }

    #[test]
    fn newer_documents_are_left_alone() {
        let newer = r#"{"version":3,"answers":{"q":["a"]}}"#;
        let f = Fake::with(KEY, newer);
        assert_eq!(load(Ok(&f), STORY, 1, true), Loaded::memory(Notice::Newer));
        assert_eq!(f.get(KEY).unwrap().as_deref(), Some(newer));
        assert_eq!(f.keys(), vec![KEY]);
    }

    #[test]
    fn version_1_loads_migrated() {
        let f = Fake::with(KEY, r#"{"version":1,"text":{"q":"hello"}}"#);
        assert_eq!(load(Ok(&f), STORY, 1, true).answers, Some(some_answers()));
    }

    #[cfg(feature = "render")]
    #[test]
    fn every_notice_says_something() {
        let all = [
            Notice::Storage(Problem::Blocked),
            Notice::Storage(Problem::Full),
            Notice::Storage(Problem::Failed),
            Notice::NotKept,
            Notice::SetAside,
            Notice::Untouched,
            Notice::Newer,
            Notice::Framed,
        ];
        let english = crate::i18n::english().runtime_messages();
        for n in all {
            let said = english.format(&n.say(), &crate::messages::tests::English);
            assert!(said.ends_with('.') && said.len() > 40, "{n:?}: {said}");
        }
    }
}
