//! `cargo xtask new-story <slug>`: a starter story file for an editor.
//!
//! The starter validates, builds and shows every part (the article with a
//! table, two context sections, a timeline with a point, a span, an
//! ongoing and an undated milestone in two sectors, and a poll with a
//! single-choice, a multiple-choice and a free-text question), and every
//! text in it says what to write there. Its comments document the format.

use std::fs;
use std::path::Path;

use explainer::story;

use crate::site;
use crate::util::Result;

/// The starter; `{slug}` is replaced by the new story's slug.
pub const STARTER: &str = r#"# A new story. Every text below says what to write in its place; replace
# them all with what the story's source says (nothing invented: every fact,
# figure and date comes from the source; what it says is planned is never
# shown as done). Check it with `cargo xtask serve`: a problem shows on the
# story's page, with its line and field. The format: README.md, "Writing a
# new story"; content/story.toml is a full example.

[story]
# Stable: the page is at <site>/{slug}/ and the poll's saved answers use it.
slug = "{slug}"
# BCP 47 language tag of the text ("en", "ru", "ja"...).
language = "en"
section = "Replace with the section label, for example World"
headline = "Replace with the headline"
standfirst = "Replace with one sentence under the headline."
description = "Replace with the summary that search results and link previews show."
disclaimer = "Replace with the note shown at the end of the article, or a sentence on the sources."

[story.byline]
name = "Replace with the author's name"
role = "Replace with the author's role"

[article]
# Paragraphs, in order. Prose texts (paragraphs, cells, list items,
# milestone summaries, the poll's intro) may hold *emphasis*, **strong**
# and [links](https://example.org) (README: "Links and emphasis").
body = [
  "Replace with the first paragraph of the article.",
  "Replace with the second paragraph; add as many as the article has.",
]

# A table: the first cell of each row is the row's header. Remove the
# table if the story has none, or repeat [[article.tables]] for more.
[[article.tables]]
slug = "key-facts"
caption = "Replace with the table's caption"
columns = ["Replace with the first column's header", "Replace with the second column's header"]
rows = [
  ["Replace with a row header", "Replace with its value"],
  ["Replace with another row header", "Replace with its value"],
]

# ---------------------------------------------------------------------------
# Evergreen context: collapsible sections. `open = true` opens a section
# when the page loads. Blocks are paragraphs, bullet lists (`bullets`) or
# numbered lists (`steps`); a list item may have a lead `term` and nested
# `items`.

[context]
heading = "Replace with the context's heading, for example Context: why this matters"

[[context.sections]]
slug = "why-it-matters"
title = "Replace with the first section's title"
open = true
blocks = [
  { paragraph = "Replace with a paragraph of background." },
]

[[context.sections]]
slug = "background"
title = "Replace with the second section's title"
blocks = [
  { bullets = [
    { term = "Replace with a term", text = "Replace with what the source says of it." },
    { text = "Replace with another point." },
  ] },
  { steps = [
    { text = "Replace with a first step." },
    { text = "Replace with the next step." },
  ] },
]

# ---------------------------------------------------------------------------
# Timeline. Sectors become the filters. Dates are as precise as the source:
# "2027" (year), "2027-spring", "2027-Q2", "2027-10" (month) or "2027-10-15"
# (day). A milestone is a point (`start` only), a span (`start` and `end`),
# ongoing (`start` and `ongoing = true`) or undated (no `start`). `status`
# is "planned" unless the source reports the outcome ("reported"). The axis
# spans the years the milestones cover.

[timeline]
heading = "Replace with the timeline's heading"

[[timeline.sectors]]
slug = "first-sector"
label = "Replace with a sector's label"

[[timeline.sectors]]
slug = "second-sector"
label = "Replace with another sector's label"

[[timeline.milestones]]
slug = "a-point"
title = "Replace with a milestone that happens on one date"
sector = "first-sector"
start = "2027-Q2"
status = "planned"
summary = "Replace with what it is."
impact = "Replace with the impact the source expects, or remove this line."
source = "Replace with the passage of the source its date comes from"

[[timeline.milestones]]
slug = "a-span"
title = "Replace with a milestone that runs from one year to another"
sector = "second-sector"
start = "2027"
end = "2030"
status = "planned"
summary = "Replace with what it is."
source = "Replace with the passage of the source its dates come from"

[[timeline.milestones]]
slug = "ongoing"
title = "Replace with a milestone that started and goes on"
sector = "first-sector"
start = "2026-10"
ongoing = true
status = "planned"
summary = "Replace with what it is."
source = "Replace with the passage of the source its date comes from"
note = "Replace with a note (where passages disagree, say), or remove this line."

[[timeline.milestones]]
slug = "undated"
title = "Replace with a milestone the source gives no date for"
sector = "second-sector"
status = "planned"
summary = "Replace with what it is."
source = "Replace with the passage of the source it comes from"

# ---------------------------------------------------------------------------
# Poll. `kind` is "single" (radio buttons), "multiple" (checkboxes) or
# "text". Choice ids are stable: relabel freely, but never reuse an id for
# another meaning. `other = true` gives a choice its own text box.
# `max_length` bounds free text (characters). Answers stay in the reader's
# browser; to show readers how others answered, name the newsroom's results
# service (README: the results service): results = "https://results.example.org"

[poll]
heading = "Replace with the poll's heading, for example Reader perspectives"
intro = "Replace with the line under the heading."

[[poll.questions]]
slug = "one-answer"
prompt = "Replace with a question that takes one answer?"
kind = "single"
max_length = 200
choices = [
  { id = "first", label = "Replace with a first answer" },
  { id = "second", label = "Replace with a second answer" },
]

[[poll.questions]]
slug = "any-answers"
prompt = "Replace with a question that takes any of its answers?"
kind = "multiple"
max_length = 200
choices = [
  { id = "first", label = "Replace with a first answer" },
  { id = "second", label = "Replace with a second answer" },
  { id = "other", label = "Other", other = true },
]

[[poll.questions]]
slug = "your-thoughts"
prompt = "Replace with a question readers answer in their own words"
kind = "text"
max_length = 1000
"#;

/// The starter for `slug`.
pub fn starter(slug: &str) -> String {
    STARTER.replace("{slug}", slug)
}

/// Writes `<content>/<slug>.toml`, refusing a slug that is not one, a file
/// that exists, or a slug another story has.
pub fn write(ctx: &crate::util::Ctx, slug: &str, content: &Path) -> Result {
    // Checked before it goes into the file, where a quote would break the TOML.
    if !slug
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return Err(format!(
            "cannot start a story with the slug `{slug}`: \"{slug}\" is not a slug: use \
             lowercase letters, digits and single hyphens, starting with a letter"
        ));
    }
    let text = starter(slug);
    let file = content.join(format!("{slug}.toml"));
    let shown = file
        .strip_prefix(&ctx.root)
        .unwrap_or(&file)
        .display()
        .to_string();
    if let Err(errors) = story::parse(&shown, &text) {
        let why = errors
            .iter()
            .find(|e| e.field == "story.slug")
            .map_or_else(|| errors[0].message.clone(), |e| e.message.clone());
        return Err(format!(
            "cannot start a story with the slug `{slug}`: {why}"
        ));
    }
    if file.exists() {
        return Err(format!("{shown} exists already; choose another slug"));
    }
    if content.is_dir() {
        let stories = site::load(content, &site::locales_dir(&ctx.root), &ctx.root)?;
        if let Some(other) = stories.stories.iter().find(|l| l.story.slug == slug) {
            return Err(format!("{} has the slug `{slug}` already", other.file));
        }
    }
    fs::create_dir_all(content).map_err(|e| format!("cannot create {}: {e}", content.display()))?;
    fs::write(&file, text).map_err(|e| format!("cannot write {shown}: {e}"))?;
    println!(
        "new-story: wrote {shown}. Fill it in, and see it with `cargo xtask serve` at /{slug}/"
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use explainer::story::QuestionKind;

    #[test]
    fn the_starter_validates_and_has_every_part() {
        let story = story::parse("content/x.toml", &starter("harbour-plans")).expect("valid");
        assert_eq!(story.slug, "harbour-plans");
        assert!(!story.tables.is_empty());
        assert!(story
            .context
            .as_ref()
            .unwrap()
            .sections
            .iter()
            .any(|s| s.open));
        let timeline = story.timeline.as_ref().unwrap();
        let whens: Vec<_> = timeline.milestones.iter().map(|m| m.when).collect();
        assert!(whens
            .iter()
            .any(|w| matches!(w, Some(explainer::story::When::Point(_)))));
        assert!(whens
            .iter()
            .any(|w| matches!(w, Some(explainer::story::When::Span(..)))));
        assert!(whens
            .iter()
            .any(|w| matches!(w, Some(explainer::story::When::Ongoing(_)))));
        assert!(whens.iter().any(Option::is_none));
        let kinds: Vec<_> = story
            .poll
            .as_ref()
            .unwrap()
            .questions
            .iter()
            .map(|q| q.kind)
            .collect();
        for kind in [
            QuestionKind::Single,
            QuestionKind::Multiple,
            QuestionKind::Text,
        ] {
            assert!(kinds.contains(&kind), "{kind:?}");
        }
        let root = crate::util::Ctx::new().root;
        let files = site::read_locales(&site::locales_dir(&root), &root).unwrap();
        let locale = explainer::i18n::Locale::new(
            site::locale_for(&files, &story.language).unwrap(),
            &story.language,
            &[],
        )
        .unwrap();
        let (story, locale) = (Box::leak(Box::new(story)), Box::leak(Box::new(locale)));
        let fonts = explainer::page::images::Fonts::load().unwrap();
        let pictures = explainer::page::images::pictures(story, locale, &fonts);
        for p in &pictures {
            explainer::page::images::png(p, &fonts).unwrap();
        }
        let page = explainer::page::render(
            story,
            locale,
            &explainer::page::Place::story("/", "harbour-plans"),
            &explainer::page::Runtime {
                js: "/a.js".into(),
                wasm: "/a_bg.wasm".into(),
                icon: None,
                styles: String::new(),
            },
            &pictures,
        );
        for part in explainer::part::Part::ALL {
            assert!(page.contains(&format!("data-ex-part=\"{}\"", part.name())));
        }
    }

    #[test]
    fn every_text_says_to_replace_it() {
        let story = story::parse("content/x.toml", &starter("s")).unwrap();
        for text in [
            &story.headline,
            &story.body[0].text().unwrap().plain,
            &story.timeline.as_ref().unwrap().milestones[0].title,
        ] {
            assert!(text.starts_with("Replace with"), "{text}");
        }
    }

    #[test]
    fn bad_slugs_and_taken_files_are_refused() {
        let ctx = crate::util::Ctx::new();
        let dir = std::env::temp_dir().join(format!("xtask-new-story-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        assert!(write(&ctx, "Not A Slug", &dir)
            .unwrap_err()
            .contains("not a slug"));
        write(&ctx, "harbour", &dir).unwrap();
        assert!(write(&ctx, "harbour", &dir)
            .unwrap_err()
            .contains("exists already"));
        fs::write(dir.join("other.toml"), starter("taken")).unwrap();
        assert!(write(&ctx, "taken", &dir)
            .unwrap_err()
            .contains("has the slug"));
        fs::remove_dir_all(&dir).unwrap();
    }
}
