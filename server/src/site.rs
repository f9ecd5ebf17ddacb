//! What the service knows of the stories: each one's poll, read from the
//! built site (`cargo xtask build`'s `dist/`): `stories.json` lists the
//! stories and their pages, and each page's data island
//! (`<script type="application/json" id="ex-story">`) holds its poll's
//! questions, kinds, choice ids and limits, the very outline the browser
//! runtime reads.

use std::collections::BTreeMap;
use std::path::Path;

use explainer::json::{self, Json};
use explainer::story::outline::{PollOutline, ISLAND_ID};

/// The stories the service takes answers for, by slug.
#[derive(Debug, Clone, Default)]
pub struct Site {
    polls: BTreeMap<String, PollOutline>,
}

impl Site {
    /// A site of the given polls (tests, and programs that have them).
    pub fn of(polls: impl IntoIterator<Item = (String, PollOutline)>) -> Site {
        Site {
            polls: polls.into_iter().collect(),
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
        let root = doc
            .get("root")
            .and_then(Json::as_str)
            .ok_or_else(|| bad("no `root`"))?;
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
            let path = s
                .get("path")
                .and_then(Json::as_str)
                .ok_or_else(|| bad(&format!("story `{slug}` has no `path`")))?;
            let folder = path.strip_prefix(root).unwrap_or(path).trim_matches('/');
            let page = dir.join(folder).join("index.html");
            let html = std::fs::read(&page).map_err(|e| format!("{}: {e}", page.display()))?;
            let island = island(&html).ok_or_else(|| {
                format!("{}: no story data island (#{ISLAND_ID})", page.display())
            })?;
            let poll = json::parse(&island)
                .map_err(|_| ())
                .and_then(|doc| PollOutline::from_island(&doc).map_err(|_| ()))
                .map_err(|()| {
                    format!(
                        "{}: the story data island is not one this service reads (rebuild the site with this version)",
                        page.display()
                    )
                })?;
            polls.insert(slug.to_owned(), poll);
        }
        Ok(Site { polls })
    }

    /// The poll of `story`.
    pub fn poll(&self, story: &str) -> Option<&PollOutline> {
        self.polls.get(story)
    }

    /// The stories' slugs.
    pub fn stories(&self) -> impl Iterator<Item = &str> {
        self.polls.keys().map(String::as_str)
    }
}

/// The text of a page's data island, read with an HTML parser.
fn island(html: &[u8]) -> Option<String> {
    use lol_html::{rewrite_str, text, RewriteStrSettings};
    use std::cell::RefCell;
    let found = RefCell::new(None::<String>);
    let page = std::str::from_utf8(html).ok()?;
    let selector = format!("script#{ISLAND_ID}");
    rewrite_str(
        page,
        RewriteStrSettings {
            element_content_handlers: vec![text!(selector, |t| {
                found
                    .borrow_mut()
                    .get_or_insert_with(String::new)
                    .push_str(t.as_str());
                Ok(())
            })],
            ..RewriteStrSettings::new()
        },
    )
    .ok()?;
    found.into_inner()
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
    fn reads_the_island_of_a_page() {
        let html = br#"<!doctype html><html><head><script type="application/json" id="ex-story">{"v":1,"poll":{"heading":"H","questions":[{"slug":"q","kind":"single","max":10,"choices":[{"id":"a"},{"id":"b"}]}]}}</script><script type="application/json" id="other">{}</script></head></html>"#;
        let text = island(html).unwrap();
        let poll = PollOutline::from_island(&json::parse(&text).unwrap()).unwrap();
        assert_eq!(poll.questions[0].slug, "q");
        assert_eq!(poll.questions[0].choices.len(), 2);
        assert_eq!(island(b"<p>no island</p>"), None);
    }

    #[test]
    fn reads_a_built_site_and_names_what_is_missing() {
        let dir = tempfile::tempdir().unwrap();
        let missing = Site::read(dir.path()).unwrap_err();
        assert!(
            missing.contains("stories.json") && missing.contains("cargo xtask build"),
            "{missing}"
        );
        std::fs::write(
            dir.path().join("stories.json"),
            r#"{"version":1,"root":"/news/","default":"s","stories":[{"slug":"s","path":"/news/s/"}]}"#,
        )
        .unwrap();
        let no_page = Site::read(dir.path()).unwrap_err();
        assert!(no_page.contains("index.html"), "{no_page}");
        std::fs::create_dir(dir.path().join("s")).unwrap();
        std::fs::write(
            dir.path().join("s/index.html"),
            r#"<script type="application/json" id="ex-story">{"v":1,"poll":{"heading":"H","questions":[]}}</script>"#,
        )
        .unwrap();
        let site = Site::read(dir.path()).unwrap();
        assert_eq!(site.stories().collect::<Vec<_>>(), ["s"]);
        std::fs::write(
            dir.path().join("s/index.html"),
            r#"<script type="application/json" id="ex-story">{"v":99}</script>"#,
        )
        .unwrap();
        let old = Site::read(dir.path()).unwrap_err();
        assert!(old.contains("rebuild"), "{old}");
    }
}
