//! What the service knows of the stories: each one's poll, read from the
//! built site (`cargo xtask build`'s `dist/`): `stories.json` lists the
//! stories, each with its poll's questions, kinds, choice ids and limits
//! (its outline, as the poll island has it).

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use explainer::json::{self, Json};
use explainer::story::outline::PollOutline;

/// The version of `stories.json` this service reads.
const VERSION: u32 = 2;

/// The stories the service takes answers for, by slug.
#[derive(Debug, Clone, Default)]
pub struct Site {
    polls: BTreeMap<String, Arc<PollOutline>>,
}

impl Site {
    /// A site of the given polls (tests, and programs that have them).
    pub fn of(polls: impl IntoIterator<Item = (String, PollOutline)>) -> Site {
        Site {
            polls: polls.into_iter().map(|(s, p)| (s, Arc::new(p))).collect(),
        }
    }

    /// Reads the built site in `dir`; an error names the file and what is off.
    pub fn read(dir: &Path) -> Result<Site, String> {
        let list_file = dir.join("stories.json");
        let text = std::fs::read_to_string(&list_file).map_err(|e| {
            format!(
                "{}: {e} (build the site first: cargo xtask build)",
                list_file.display()
            )
        })?;
        let bad = |what: &str| format!("{}: {what}", list_file.display());
        let doc = json::parse(&text).map_err(|_| bad("not JSON"))?;
        if doc.get("version").and_then(Json::as_u32) != Some(VERSION) {
            return Err(bad(
                "not a list this service reads (rebuild the site with this version: cargo xtask build)",
            ));
        }
        let stories = doc
            .get("stories")
            .and_then(Json::as_array)
            .ok_or_else(|| bad("no `stories` list"))?;
        let mut polls = BTreeMap::new();
        for s in stories {
            let slug = s
                .get("slug")
                .and_then(Json::as_str)
                .ok_or_else(|| bad("a story without `slug`"))?;
            // A story without a poll (a timeline only, say) has no answers.
            if matches!(s.get("poll"), Some(Json::Null)) {
                continue;
            }
            let poll = s
                .get("poll")
                .ok_or(())
                .and_then(|p| PollOutline::from_json(p).map_err(|_| ()))
                .map_err(|()| bad(&format!("story `{slug}`: no poll this service reads")))?;
            polls.insert(slug.to_owned(), Arc::new(poll));
        }
        Ok(Site { polls })
    }

    /// The poll of `story`.
    pub fn poll(&self, story: &str) -> Option<Arc<PollOutline>> {
        self.polls.get(story).cloned()
    }

    /// The stories' slugs.
    pub fn stories(&self) -> impl Iterator<Item = &str> {
        self.polls.keys().map(String::as_str)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use explainer::story::outline::{ChoiceOutline, QuestionOutline};
    use explainer::story::QuestionKind;

    /// A made-up test poll: a single-choice question, a multiple-choice
    /// one with "Other", and a text question.
    pub fn test_poll() -> PollOutline {
        let choices = |ids: &[&str]| {
            ids.iter()
                .map(|id| ChoiceOutline {
                    id: (*id).to_owned(),
                    other: *id == "other",
                })
                .collect()
        };
        PollOutline {
            heading: "Test poll (made up)".into(),
            questions: vec![
                QuestionOutline {
                    slug: "favourite-season".into(),
                    kind: QuestionKind::Single,
                    max_length: 100,
                    choices: choices(&["spring", "summer", "autumn", "winter"]),
                    other_label: String::new(),
                },
                QuestionOutline {
                    slug: "reading-places".into(),
                    kind: QuestionKind::Multiple,
                    max_length: 60,
                    choices: choices(&["library", "home", "train", "other"]),
                    other_label: "Somewhere else".into(),
                },
                QuestionOutline {
                    slug: "one-wish".into(),
                    kind: QuestionKind::Text,
                    max_length: 140,
                    choices: Vec::new(),
                    other_label: String::new(),
                },
            ],
            results: String::new(),
        }
    }

    #[test]
    fn reads_a_built_site_and_names_what_is_missing() {
        let dir = tempfile::tempdir().unwrap();
        let missing = Site::read(dir.path()).unwrap_err();
        assert!(
            missing.contains("stories.json") && missing.contains("cargo xtask build"),
            "{missing}"
        );
        let write = |text: &str| std::fs::write(dir.path().join("stories.json"), text).unwrap();
        write(
            r#"{"version":2,"root":"/news/","default":"s","stories":[{"slug":"s","path":"/news/s/","poll":{"heading":"H","questions":[{"slug":"q","kind":"single","max":10,"choices":[{"id":"a"},{"id":"b"}]}]}}]}"#,
        );
        let site = Site::read(dir.path()).unwrap();
        assert_eq!(site.stories().collect::<Vec<_>>(), ["s"]);
        let poll = site.poll("s").unwrap();
        assert_eq!(poll.questions[0].slug, "q");
        assert_eq!(poll.questions[0].choices.len(), 2);
        write(r#"{"version":2,"root":"/","stories":[{"slug":"s","path":"/s/"}]}"#);
        let no_poll = Site::read(dir.path()).unwrap_err();
        assert!(no_poll.contains("story `s`: no poll"), "{no_poll}");
        // A story without a poll (a timeline only): no answers, no error.
        write(r#"{"version":2,"root":"/","stories":[{"slug":"t","path":"/t/","poll":null}]}"#);
        let site = Site::read(dir.path()).unwrap();
        assert_eq!(site.stories().count(), 0);
        assert!(site.poll("t").is_none());
        // A site built by the release before: its polls were in the pages.
        write(r#"{"version":1,"root":"/","stories":[{"slug":"s","path":"/s/"}]}"#);
        let old = Site::read(dir.path()).unwrap_err();
        assert!(old.contains("rebuild"), "{old}");
    }
}
