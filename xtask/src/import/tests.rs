//! The importer on TimelineJS's own examples (its npm package's templates)
//! and on malformed input.

use std::path::{Path, PathBuf};

use super::*;
use crate::util::testing::{png, scratch};

fn templates() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../node_modules/@knight-lab/timelinejs/src/template")
}

fn settings() -> Settings {
    Settings {
        slug: None,
        language: "en".into(),
        content: PathBuf::from("unused"),
        force: false,
        heading: "Timeline".into(),
    }
}

fn import_text(name: &str, text: &str) -> std::result::Result<Import, String> {
    convert(name, text, None, &settings(), None)
}

/// A fresh, empty folder for one test.
fn template(name: &str) -> Option<String> {
    let path = templates().join(name);
    // The npm packages come with `cargo xtask setup`; a checkout without
    // them cannot run these.
    std::fs::read_to_string(&path).ok()
}

#[test]
fn each_example_imports_to_a_valid_story_and_again_to_the_same_file() {
    let Some(_) = template("my-own-timeline.csv") else {
        panic!(
            "{} is missing: run `cargo xtask setup`",
            templates().display()
        );
    };
    for name in [
        "my-own-timeline.csv",
        "all-media-types.json",
        "cosmo.json",
        "cosmo-mixed.json",
        "eras.json",
    ] {
        let text = template(name).unwrap();
        let first = import_text(name, &text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let again = import_text(name, &text).unwrap();
        assert_eq!(first.toml, again.toml, "{name}: the same file twice");
        let story = explainer::story::parse("t.toml", &first.toml).unwrap();
        let tl = story.timeline.unwrap();
        assert_eq!(tl.milestones.len(), first.events, "{name}");
        assert!(tl
            .milestones
            .iter()
            .all(|m| m.status == explainer::story::Status::Event));
    }
}

#[test]
fn the_sheet_keeps_precision_ranges_links_and_lists_remote_media() {
    let text = template("my-own-timeline.csv").unwrap();
    let import = import_text("my-own-timeline.csv", &text).unwrap();
    let story = explainer::story::parse("t.toml", &import.toml).unwrap();
    assert_eq!(story.headline, "MY OWN CSV");
    assert!(story.standfirst.starts_with("In this sample timeline"));
    let tl = story.timeline.unwrap();
    let ada = &tl.milestones[0];
    assert_eq!(ada.slug, "ada-lovelace");
    assert_eq!(
        ada.when.map(|w| w.code()).as_deref(),
        Some("1815-12-10/1852-11-27"),
        "a day-precise span"
    );
    let summary = &ada.summary.as_ref().unwrap().html;
    assert!(
        summary.contains("<a href=\"https://en.wikipedia.org/wiki/Ada_Lovelace\">Ada Lovelace</a>"),
        "{summary}"
    );
    // Remote media: a comment beside the milestone, and a line of the summary.
    assert!(import
        .toml
        .contains("# Media to download and describe (not fetched): https://upload.wikimedia.org/"));
    assert!(
        import.report.iter().any(|l| l.starts_with("media: ")),
        "{:#?}",
        import.report
    );
    assert!(
        import.report.iter().any(|l| l.starts_with("backgrounds: ")),
        "{:#?}",
        import.report
    );
    assert!(import.pictures.is_empty(), "nothing fetched");
}

#[test]
fn years_before_the_common_era_and_deep_time_come_as_timelinejs_shows_them() {
    let text = template("cosmo-mixed.json").unwrap();
    let import = import_text("cosmo-mixed.json", &text).unwrap();
    let story = explainer::story::parse("t.toml", &import.toml).unwrap();
    let labels: Vec<String> = story
        .timeline
        .unwrap()
        .milestones
        .iter()
        .map(|m| m.when.unwrap().label())
        .collect();
    // TimelineJS: "13.80 billion years ago", "540.0 million years ago",
    // "300.0 thousand years ago", "3500 BCE", "300 BCE", then years CE.
    assert_eq!(
        &labels[..6],
        [
            "13.8 billion years ago",
            "4.6 billion years ago",
            "540 million years ago",
            "300 thousand years ago",
            "3500 BCE",
            "300 BCE"
        ]
    );
    assert!(import.toml.contains("start = \"13800000000 BCE\""));
}

#[test]
fn eras_become_labelled_periods() {
    let text = template("eras.json").unwrap();
    let import = import_text("eras.json", &text).unwrap();
    let story = explainer::story::parse("t.toml", &import.toml).unwrap();
    let eras: Vec<(String, String)> = story
        .timeline
        .unwrap()
        .eras
        .iter()
        .map(|e| (e.label.clone(), e.when.code()))
        .collect();
    assert_eq!(
        eras,
        [
            ("Era Test 650-700".to_owned(), "0650/0700".to_owned()),
            ("Era Test 600-650".to_owned(), "0600/0650".to_owned()),
            ("Era Test 700-720".to_owned(), "0700/0720".to_owned()),
        ]
    );
}

#[test]
fn groups_become_sectors_in_timelinejs_band_order_with_stable_slugs() {
    let text = template("all-media-types.json").unwrap();
    let import = import_text("all-media-types.json", &text).unwrap();
    let story = explainer::story::parse("t.toml", &import.toml).unwrap();
    let tl = story.timeline.unwrap();
    let labels: Vec<&str> = tl.sectors.iter().map(|s| s.label.as_str()).collect();
    // TimelineJS's bands: by first appearance among events sorted by date.
    assert_eq!(labels, ["Video", "Social Media", "Audio", "HTML", "Image"]);
    assert_eq!(tl.sectors[1].slug, "social-media");
    assert!(
        tl.milestones.iter().any(|m| m.sector.is_none()),
        "ungrouped events stay in none"
    );
    let slugs: std::collections::HashSet<&str> =
        tl.milestones.iter().map(|m| m.slug.as_str()).collect();
    assert_eq!(slugs.len(), tl.milestones.len(), "unique slugs");
}

#[test]
fn malformed_input_is_refused_with_the_event_or_row_named() {
    let e = import_text("t.json", "not json").unwrap_err();
    assert!(e.starts_with("not TimelineJS's JSON"), "{e}");
    let e = import_text("t.csv", "Date,Title\n1990,A\n").unwrap_err();
    assert!(e.contains("the column"), "{e}");
    let title = r#""title": {"text": {"headline": "T", "text": "Made up."}}"#;
    let e = import_text(
        "t.json",
        &format!(r#"{{{title}, "events": [{{"start_date": {{"year": "1990"}}, "text": {{"headline": ""}}}}]}}"#),
    )
    .unwrap_err();
    assert_eq!(e, "events[0]: the event has no headline");
    let e = import_text(
        "t.json",
        &format!(r#"{{{title}, "events": [{{"text": {{"headline": "No date"}}}}]}}"#),
    )
    .unwrap_err();
    assert_eq!(e, "events[0] (\"No date\"): the event has no start date");
    let e = import_text(
        "t.json",
        &format!(
            r#"{{{title}, "events": [{{"start_date": {{"year": "1990"}}, "end_date": {{"year": "1980"}}, "text": {{"headline": "Backwards"}}}}]}}"#
        ),
    )
    .unwrap_err();
    assert!(
        e.starts_with("events[0] (\"Backwards\"): ") && e.contains("before"),
        "{e}"
    );
    let e = import_text(
        "t.csv",
        "Year,Month,Day,Headline,Text,Type\n,,,Made up,A made-up sheet.,title\n1990,2,30,Bad day,,\n",
    )
    .unwrap_err();
    assert!(
        e.starts_with("row 3 (\"Bad day\"): start: 1990-02-30"),
        "{e}"
    );
}

#[test]
fn an_existing_story_is_not_overwritten_without_force() {
    let dir = scratch("xtask-import");
    let input = dir.join("made-up.csv");
    std::fs::write(
        &input,
        "Year,Headline,Text,Type\n,Made-up title,A made-up timeline for a test.,title\n1990,Made-up event,,\n",
    )
    .unwrap();
    let mut s = Settings {
        content: dir.join("content"),
        ..settings()
    };
    let cache = dir.join("cache");
    command(&input, &s, &cache).unwrap();
    let file = dir.join("content/made-up-title.toml");
    let written = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, "edited").unwrap();
    let e = command(&input, &s, &cache).unwrap_err();
    assert!(e.contains("--force"), "{e}");
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "edited",
        "left as it was"
    );
    s.force = true;
    command(&input, &s, &cache).unwrap();
    assert_eq!(std::fs::read_to_string(&file).unwrap(), written);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn slugs_are_ascii_and_stable() {
    assert_eq!(
        slugify("Rózsa Péter writes recursion", 56),
        "rozsa-peter-writes-recursion"
    );
    assert_eq!(
        slugify("\"The Mother of the Internet\"", 56),
        "the-mother-of-the-internet"
    );
    assert_eq!(slugify("1943: ENIAC", 56), "eniac");
    assert_eq!(slugify("Euclid's <i>Optica</i>", 56), "euclids-i-optica-i");
    assert_eq!(slugify("Хронология", 56), "");
    let mut seen = HashMap::new();
    assert_eq!(unique("a".into(), &mut seen), "a");
    assert_eq!(unique("a".into(), &mut seen), "a-2");
}

#[test]
fn a_picture_next_to_the_input_comes_along_described_and_one_too_small_is_listed() {
    let dir = scratch("xtask-import-pictures");
    std::fs::write(dir.join("made-up.png"), png(1400)).unwrap();
    std::fs::write(dir.join("tiny.png"), png(300)).unwrap();
    let input = dir.join("made-up.csv");
    std::fs::write(
        &input,
        "Year,Headline,Text,Media,Media Credit,Media Caption,Type\n\
         ,Made-up pictures,A made-up timeline with pictures.,,,,title\n\
         1990,Made-up event,,made-up.png,Made-up credit,A made-up <i>caption</i>,\n\
         1991,Made-up small one,,tiny.png,,,\n",
    )
    .unwrap();
    let s = Settings {
        content: dir.join("content"),
        ..settings()
    };
    command(&input, &s, &dir.join("cache")).unwrap();
    let toml = std::fs::read_to_string(dir.join("content/made-up-pictures.toml")).unwrap();
    let story = explainer::story::parse("t.toml", &toml).unwrap();
    let figure = &story.figures[0];
    assert_eq!(figure.file, "made-up-pictures/made-up.png");
    assert_eq!(figure.alt, "A made-up caption", "alt text from the caption");
    assert_eq!(figure.credit.as_deref(), Some("Made-up credit"));
    assert!(figure
        .caption
        .as_ref()
        .unwrap()
        .html
        .contains("<em>caption</em>"));
    assert!(toml.contains("# Alt text from the caption: review it"));
    assert_eq!(
        story.timeline.unwrap().milestones[0].figure.as_deref(),
        Some(figure.slug.as_str())
    );
    assert!(
        dir.join("content/made-up-pictures/made-up.png").is_file(),
        "copied next to the story"
    );
    // Too narrow for the build's widths: listed with why, not placed.
    assert_eq!(story.figures.len(), 1);
    assert!(
        toml.contains("# Media to download and describe (not fetched): tiny.png ("),
        "{toml}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn pictures_of_one_name_in_two_folders_keep_both() {
    let dir = scratch("xtask-import-same-names");
    for sub in ["a", "b"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
    }
    // Two pictures with one name; the first used twice.
    std::fs::write(dir.join("a/photo.png"), png(1400)).unwrap();
    std::fs::write(dir.join("b/photo.png"), png(1200)).unwrap();
    let input = dir.join("made-up.csv");
    std::fs::write(
        &input,
        "Year,Headline,Text,Media,Type\n\
         ,Made-up names,A made-up timeline whose pictures share a name.,,title\n\
         1990,First,,a/photo.png,\n\
         1991,Second,,b/photo.png,\n\
         1992,First again,,a/photo.png,\n",
    )
    .unwrap();
    let s = Settings {
        content: dir.join("content"),
        ..settings()
    };
    command(&input, &s, &dir.join("cache")).unwrap();
    let toml = std::fs::read_to_string(dir.join("content/made-up-names.toml")).unwrap();
    let story = explainer::story::parse("t.toml", &toml).unwrap();
    let files: Vec<&str> = story.figures.iter().map(|f| f.file.as_str()).collect();
    assert_eq!(
        files,
        [
            "made-up-names/photo.png",
            "made-up-names/photo-2.png",
            "made-up-names/photo.png"
        ]
    );
    let width = |f: &str| {
        image::image_dimensions(dir.join("content").join(f))
            .unwrap()
            .0
    };
    assert_eq!(width("made-up-names/photo.png"), 1400, "a/photo.png");
    assert_eq!(
        width("made-up-names/photo-2.png"),
        1200,
        "b/photo.png, not over it"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn malformed_input_writes_nothing() {
    let dir = scratch("xtask-import-bad");
    let input = dir.join("bad.csv");
    std::fs::write(
        &input,
        "Year,End Year,Headline,Text,Type\n,,Made up,A made-up sheet.,title\n1990,1980,Backwards,,\n",
    )
    .unwrap();
    let s = Settings {
        content: dir.join("content"),
        ..settings()
    };
    let e = command(&input, &s, &dir.join("cache")).unwrap_err();
    assert!(e.contains("row 3 (\"Backwards\")"), "{e}");
    assert!(!dir.join("content").exists(), "nothing written");
    std::fs::remove_dir_all(&dir).unwrap();
}
