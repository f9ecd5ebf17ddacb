//! The story validator, run on the real story and on small broken ones:
//! each broken story must fail with a message naming the file, line and field.
#![cfg(not(target_arch = "wasm32"))]

#[allow(dead_code)]
#[path = "../src/timeline/dates.rs"]
mod dates;
#[allow(dead_code)] // codegen, not this test, reads some fields
#[path = "../src/story/source.rs"]
mod source;

mod timeline {
    pub(crate) use super::dates;
}

use source::parse;

const STORY: &str = include_str!("../content/story.toml");

/// The real story with one text replacement applied (it must apply).
fn broken(from: &str, to: &str) -> String {
    assert!(STORY.contains(from), "fixture text not found: {from}");
    STORY.replacen(from, to, 1)
}

/// The 1-based line of the first occurrence of `needle` in `text`.
fn line_of(text: &str, needle: &str) -> usize {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} not in text"));
    text[..at].matches('\n').count() + 1
}

/// Parses `text` and returns its errors as display strings (the story must be invalid).
fn errors(text: &str) -> Vec<String> {
    match parse("content/story.toml", text) {
        Ok(_) => panic!("the broken story was accepted"),
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    }
}

fn assert_one_error(text: &str, line: usize, field: &str, message: &str) {
    let errs = errors(text);
    let prefix = format!("content/story.toml:{line}:");
    assert!(
        errs.iter()
            .any(|e| e.starts_with(&prefix) && e.contains(field) && e.contains(message)),
        "expected an error at line {line} for {field} saying {message:?}; got {errs:#?}"
    );
}

#[test]
fn the_real_story_is_valid() {
    let valid = parse("content/story.toml", STORY).unwrap_or_else(|errs| {
        panic!(
            "{}",
            errs.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    assert_eq!(
        valid.when.len(),
        valid.file.timeline.milestones.get_ref().len()
    );
    let undated = valid.when.iter().filter(|w| w.is_none()).count();
    assert_eq!(
        undated, 2,
        "the smart-grid pilot and the language centres have no date"
    );
}

#[test]
fn missing_headline_names_the_table_and_field() {
    let text = broken(
        "headline = \"Tajik President Emomali Rahmon holds high-level talks in Tokyo, boosting strategic partnership with Japan\"\n",
        "",
    );
    let errs = errors(&text);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(errs[0].starts_with("content/story.toml:"), "{}", errs[0]);
    assert!(errs[0].contains("missing field `headline`"), "{}", errs[0]);
    let line: usize = errs[0].split(':').nth(1).unwrap().parse().unwrap();
    assert_eq!(line, line_of(&text, "[story]"), "{}", errs[0]);
}

#[test]
fn empty_headline_is_refused() {
    let text = broken(
        "headline = \"Tajik President",
        "headline = \"\"\nold_headline = \"",
    );
    // Unknown fields are refused too, so fix that one up: only the empty headline remains.
    let text = text.replacen("old_headline = ", "# ", 1);
    assert_one_error(
        &text,
        line_of(&text, "headline = \"\""),
        "story.headline",
        "must not be empty",
    );
}

#[test]
fn duplicate_slug_names_both_lines() {
    let text = broken("slug = \"background\"", "slug = \"why-this-matters\"");
    let second = line_of(&text, "title = \"Background") - 1;
    let errs = errors(&text);
    let first = line_of(&text, "slug = \"why-this-matters\"");
    assert!(
        errs.iter()
            .any(|e| e.starts_with(&format!("content/story.toml:{second}:"))
                && e.contains("context.sections[1].slug")
                && e.contains(&format!(
                    "duplicate slug \"why-this-matters\" (first used on line {first})"
                ))),
        "{errs:#?}"
    );
}

#[test]
fn milestone_end_before_start_is_refused() {
    let text = broken(
        "start = \"2026\"\nend = \"2030\"",
        "start = \"2030\"\nend = \"2026\"",
    );
    let line = line_of(&text, "start = \"2030\"\nend = \"2026\"") + 1;
    assert_one_error(
        &text,
        line,
        "timeline.milestones[5].end",
        "end 2026 is before start 2030",
    );
}

#[test]
fn malformed_date_is_refused() {
    let text = broken("start = \"2026-Q2\"", "start = \"2026-Q7\"");
    assert_one_error(
        &text,
        line_of(&text, "2026-Q7"),
        "timeline.milestones[4].start",
        "is not a date",
    );
}

#[test]
fn unknown_sector_lists_the_known_ones() {
    let text = broken("sector = \"digital\"", "sector = \"digitl\"");
    assert_one_error(
        &text,
        line_of(&text, "digitl"),
        "timeline.milestones[4].sector",
        "unknown sector \"digitl\"; the sectors are: energy, transport",
    );
}

#[test]
fn poll_with_no_choices_is_refused() {
    let start = STORY
        .find("choices = [\n  { id = \"trade-transport\"")
        .unwrap();
    let end = start + STORY[start..].find("]\n").unwrap() + 2;
    let text = format!("{}choices = []\n{}", &STORY[..start], &STORY[end..]);
    assert_one_error(
        &text,
        line_of(&text, "choices = []"),
        "poll.questions[1].choices",
        "needs at least two choices, found 0",
    );
}

#[test]
fn choice_question_without_choices_is_refused() {
    let text = broken("kind = \"text\"", "kind = \"single\"");
    assert_one_error(
        &text,
        line_of(&text, "slug = \"your-thoughts\""),
        "poll.questions[2].choices",
        "needs choices",
    );
}

#[test]
fn duplicate_choice_id_is_refused() {
    let text = broken("{ id = \"transport-rail\"", "{ id = \"hydropower-energy\"");
    let line = line_of(&text, "{ id = \"hydropower-energy\", label = \"Transport");
    assert_one_error(
        &text,
        line,
        "poll.questions[0].choices[1].id",
        "duplicate slug",
    );
}

#[test]
fn table_row_of_the_wrong_width_is_refused() {
    let text = broken("[\"Locations\", \"Tokyo, Japan\"]", "[\"Locations\"]");
    assert_one_error(
        &text,
        line_of(&text, "[\"Locations\"]"),
        "article.tables[0].rows[2]",
        "has 1 cells, but the table has 2 columns",
    );
}

#[test]
fn bad_slug_form_is_refused() {
    let text = broken("slug = \"scholarships\"", "slug = \"Scholar ships\"");
    assert_one_error(
        &text,
        line_of(&text, "Scholar ships"),
        "timeline.milestones[6].slug",
        "is not a slug",
    );
}

#[test]
fn reserved_page_ids_are_refused() {
    let text = broken("slug = \"background\"", "slug = \"main\"");
    assert_one_error(
        &text,
        line_of(&text, "slug = \"main\""),
        "context.sections[1].slug",
        "an id the page itself uses",
    );
}

#[test]
fn unknown_field_is_refused_with_its_line() {
    let text = broken(
        "title = \"Joint Hydropower Fund\"",
        "title = \"Joint Hydropower Fund\"\ntitel = \"typo\"",
    );
    let errs = errors(&text);
    assert!(
        errs[0].starts_with(&format!("content/story.toml:{}:", line_of(&text, "titel"))),
        "{errs:?}"
    );
    assert!(errs[0].contains("unknown field `titel`"), "{errs:?}");
}

#[test]
fn every_error_is_reported_at_once() {
    let text = broken("sector = \"digital\"", "sector = \"nope\"").replacen(
        "start = \"2026-Q2\"",
        "start = \"soon\"",
        1,
    );
    assert_eq!(errors(&text).len(), 2);
}

#[test]
fn toml_syntax_error_names_the_line() {
    let text = broken("[poll]", "[poll");
    let errs = errors(&text);
    assert!(
        errs[0].starts_with(&format!(
            "content/story.toml:{}:",
            line_of(&text, "[poll\n")
        )),
        "{errs:?}"
    );
}
