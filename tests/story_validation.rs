//! The story validator, run on the real story and on small broken ones:
//! each broken story must fail with a message naming the file, line and field.
#![cfg(not(target_arch = "wasm32"))]

use explainer::story::parse;

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
    let undated = valid
        .timeline
        .as_ref()
        .unwrap()
        .milestones
        .iter()
        .filter(|m| m.when.is_none())
        .count();
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

/// The story with `results = <value>` added to its `[poll]` table.
fn with_results(value: &str) -> String {
    broken("[poll]\n", &format!("[poll]\nresults = {value}\n"))
}

#[test]
fn a_results_service_is_an_https_address() {
    let ok = parse(
        "content/story.toml",
        &with_results("\"https://results.example.org/polls/\""),
    )
    .expect("an https address is taken");
    let service = ok.poll.unwrap().results.expect("the service is kept");
    assert_eq!(service.url, "https://results.example.org/polls");
    assert_eq!(service.origin, "https://results.example.org");
    let local = parse(
        "content/story.toml",
        &with_results("\"http://127.0.0.1:8787\""),
    )
    .unwrap();
    assert_eq!(
        local.poll.unwrap().results.unwrap().url,
        "http://127.0.0.1:8787"
    );
    assert_eq!(
        parse("content/story.toml", STORY)
            .unwrap()
            .poll
            .as_ref()
            .unwrap()
            .results,
        None,
        "without one, answers stay in the browser"
    );
    for (value, message) in [
        ("\"http://results.example.org\"", "must be https://"),
        ("\"results.example.org\"", "is not an address"),
        (
            "\"ftp://results.example.org\"",
            "must be an https:// address",
        ),
        (
            "\"https://user:pw@results.example.org\"",
            "user name or password",
        ),
        (
            "\"https://results.example.org/?story=x\"",
            "must not have a query",
        ),
    ] {
        let text = with_results(value);
        assert_one_error(&text, line_of(&text, "results = "), "poll.results", message);
    }
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

#[test]
fn a_control_character_in_a_comment_is_named() {
    // Found by the property test below: the TOML parser's own message is empty.
    let text = broken("[poll]", "# \u{0}\n[poll]");
    let errs = errors(&text);
    assert!(
        errs[0].starts_with(&format!(
            "content/story.toml:{}:",
            line_of(&text, "# \u{0}")
        )) && errs[0].contains("control character"),
        "{errs:?}"
    );
}

/// A small deterministic generator (xorshift64*, as in the poll codec's
/// property test), so the property tests need no crate and fail the same
/// way every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Pieces of TOML and of the story's vocabulary, for insertions.
const PIECES: &[&str] = &[
    "[",
    "]",
    "[[",
    "]]",
    "{",
    "}",
    "=",
    "\"",
    "'",
    "\"\"\"",
    ",",
    ".",
    "#",
    "\n",
    "\r\n",
    "\t",
    " ",
    "\\",
    "\\u",
    "\\uD800",
    "\u{0}",
    "\u{feff}",
    "é",
    "😀",
    "\u{202e}",
    "0",
    "-1",
    "99999999999999999999",
    "1e400",
    "nan",
    "inf",
    "true",
    "false",
    "1979-05-27",
    "slug",
    "title",
    "start",
    "end",
    "ongoing",
    "status",
    "sector",
    "kind",
    "choices",
    "other",
    "max_length",
    "blocks",
    "items",
    "term",
    "[story]",
    "[poll]",
    "[[timeline.milestones]]",
    "[[poll.questions]]",
    "[[context.sections]]",
    "[[article.tables]]",
    "open = true",
    "ongoing = true",
    "kind = \"text\"",
    "kind = \"single\"",
    "status = \"reported\"",
];

/// Values to put inside a string: dates right and wrong, slugs, nothing.
const VALUES: &[&str] = &[
    "",
    " ",
    "2026",
    "2026-Q2",
    "2026-Q5",
    "2026-spring",
    "2026-monsoon",
    "2025-10",
    "2025-13",
    "2025-02-29",
    "2024-02-29",
    "2025-10-15",
    "0000",
    "65536",
    "-2026",
    "2026-",
    "background",
    "main",
    "poll",
    "milestone-x",
    "Bad Slug",
    "a--b",
    "energy",
    "nope",
    "single",
    "multiple",
    "text",
    "planned",
    "reported",
    "\u{0}",
    "é😀",
    "\\\\",
    "x",
];

/// The real story with a few random edits: lines removed, duplicated or
/// swapped, pieces inserted, a string's value replaced, a comment added
/// (harmless, so some inputs stay valid), or the file cut short.
fn mutated(rng: &mut Rng) -> String {
    let mut lines: Vec<String> = STORY.lines().map(str::to_owned).collect();
    for _ in 0..=rng.below(3) {
        let at = rng.below(lines.len());
        match rng.below(8) {
            0 => {
                lines.remove(at);
            }
            1 => {
                let line = lines[at].clone();
                lines.insert(at, line);
            }
            2 => {
                let other = rng.below(lines.len());
                lines.swap(at, other);
            }
            3 => {
                let mut chars: Vec<char> = lines[at].chars().collect();
                let col = rng.below(chars.len() + 1);
                chars.splice(col..col, rng.pick(PIECES).chars());
                lines[at] = chars.into_iter().collect();
            }
            4 | 5 => {
                // Replace the value of a `key = "value"` line.
                if let Some((key, _)) = lines[at].split_once(" = \"") {
                    lines[at] = format!("{key} = \"{}\"", rng.pick(VALUES));
                }
            }
            6 => lines.insert(at, format!("# {}", rng.pick(VALUES))),
            _ => lines.truncate(at),
        }
        if lines.is_empty() {
            break;
        }
    }
    lines.join("\n")
}

/// Random TOML-ish text from the pieces.
fn generated(rng: &mut Rng) -> String {
    (0..rng.below(60))
        .map(|_| {
            if rng.below(3) == 0 {
                *rng.pick(VALUES)
            } else {
                *rng.pick(PIECES)
            }
        })
        .collect()
}

/// Arbitrary and mutated story files give a story or a list of errors,
/// never a panic; every error points inside the file and says something.
#[test]
fn property_any_input_gives_a_story_or_errors_never_a_panic() {
    // A fixed seed, so a failure repeats; EXPLAINER_PROPTEST_SEED tries others.
    let seed = std::env::var("EXPLAINER_PROPTEST_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x2545_f491_4f6c_dd1d_u64);
    let mut rng = Rng(seed.max(1));
    let (mut ok, mut err) = (0, 0);
    let en = explainer::i18n::read("en.ftl", "en", include_str!("../locales/en.ftl")).unwrap();
    let english = explainer::i18n::Locale::new(&en, "en", &[]).unwrap();
    for i in 0..1_500 {
        let input = if i % 4 == 0 {
            generated(&mut rng)
        } else {
            mutated(&mut rng)
        };
        match parse("story.toml", &input) {
            Ok(valid) => {
                ok += 1;
                // A valid story's poll outline (stories.json) and its
                // timeline island's props read back as written.
                if let Some(poll) = &valid.poll {
                    let outline = explainer::story::outline::poll_outline(poll);
                    let text = explainer::json::stringify(&outline.to_json());
                    let back = explainer::story::outline::PollOutline::from_json(
                        &explainer::json::parse(&text).unwrap(),
                    );
                    assert_eq!(back.as_ref(), Ok(&outline), "input {input:?}");
                }
                if let Some(timeline) = &valid.timeline {
                    let view =
                        explainer::components::timeline::TimelineView::new(timeline, &english);
                    let text = explainer::props::encode_view(&view);
                    let back = explainer::props::decode_view(&text);
                    assert_eq!(back, Some(view), "input {input:?}");
                }
            }
            Err(errors) => {
                err += 1;
                assert!(!errors.is_empty(), "an error list is never empty");
                let lines = input.split('\n').count();
                for e in &errors {
                    assert!(
                        e.line >= 1 && e.line <= lines && e.column >= 1,
                        "{e} is outside the input ({lines} lines): {input:?}"
                    );
                    let near: Vec<&str> = input
                        .split('\n')
                        .skip(e.line.saturating_sub(3))
                        .take(5)
                        .collect();
                    assert!(
                        !e.message.trim().is_empty(),
                        "{e:?} says nothing, near {near:#?}"
                    );
                    assert!(e.to_string().starts_with("story.toml:"), "{e}");
                }
            }
        }
    }
    println!("seed {seed}: {ok} valid, {err} refused");
    assert!(
        ok > 50 && err > 500,
        "the generator reaches both sides: {ok} valid, {err} refused"
    );
}

/// Every story file the project ships or tests with is valid: the site's
/// (content/) and the made-up test stories (tests/stories/).
#[test]
fn every_story_file_is_valid() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut checked = 0;
    for dir in ["content", "tests/stories"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "toml") {
                let text = std::fs::read_to_string(&path).unwrap();
                let name = path.strip_prefix(root).unwrap().display().to_string();
                if let Err(errors) = parse(&name, &text) {
                    let listed: Vec<String> = errors.iter().map(ToString::to_string).collect();
                    panic!("{name} is not valid:\n{}", listed.join("\n"));
                }
                checked += 1;
            }
        }
    }
    assert!(checked >= 2, "{checked} story files");
}

/// The made-up test stories say so, in the page, not only in a comment.
#[test]
fn test_stories_say_they_are_made_up() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/stories");
    for entry in std::fs::read_dir(root).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue; // a story's pictures
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let story = parse("t.toml", &text).unwrap();
        // "Made up", in the story's own language.
        let markers: &[&str] = match story.language.as_str() {
            "ru" => &["вымышлен"],
            "ar" => &["مختلق"],
            _ => &["made-up", "made up"],
        };
        for said in [
            &story.headline,
            story
                .disclaimer
                .as_ref()
                .expect("a test story says it is made up at its end"),
            &story.body[0].text().unwrap().plain,
        ] {
            let said = said.to_lowercase();
            assert!(
                markers.iter().any(|m| said.contains(m)),
                "{}: {said}",
                path.display()
            );
        }
    }
}

#[test]
fn a_story_overrides_interface_strings_by_key() {
    let with = format!("{STORY}\n[strings]\npoll-save = \"Have your say\"\n");
    let story = parse("content/story.toml", &with).unwrap();
    assert_eq!(
        story.strings,
        vec![("poll-save".to_owned(), "Have your say".to_owned())]
    );
    let typo = format!("{STORY}\n[strings]\npoll-saev = \"Have your say\"\n");
    let line = typo.lines().count();
    assert_one_error(
        &typo,
        line,
        "strings.poll-saev",
        "is not an interface string's key",
    );
    let var = format!("{STORY}\n[strings]\nbyline = \"By {{ $author }}\"\n");
    assert_one_error(
        &var,
        line,
        "strings.byline",
        "uses $author; this key's variables are: $name, $role",
    );
    let open = format!("{STORY}\n[strings]\nbyline = \"By {{ $name\"\n");
    assert_one_error(&open, line, "strings.byline", "this is not Fluent text");
    let lang = STORY.replacen("language = \"en\"", "language = \"english please\"", 1);
    assert_one_error(
        &lang,
        line_of(STORY, "language = \"en\""),
        "story.language",
        "is not a language tag",
    );
}

/// The error's `line:column` (the story must be invalid with one error).
fn place_of_only_error(text: &str) -> (usize, usize, String) {
    let errs = errors(text);
    assert_eq!(errs.len(), 1, "{errs:#?}");
    let mut parts = errs[0].splitn(4, ':');
    parts.next();
    let line = parts.next().unwrap().parse().unwrap();
    let column = parts.next().unwrap().parse().unwrap();
    (line, column, errs[0].clone())
}

/// The 1-based line and column of `needle` in `text`.
fn place_of(text: &str, needle: &str) -> (usize, usize) {
    let at = text.find(needle).expect("needle in text");
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    (line_of(text, needle), at - line_start + 1)
}

#[test]
fn formatted_texts_become_safe_html_and_plain_words() {
    let text = broken(
        "Officials say the discussions covered a broad agenda",
        "Officials say the *discussions* covered a [broad agenda](https://example.org/a?b=1&c=2) & <3",
    );
    let story = parse("content/story.toml", &text).unwrap();
    let p = story.body[1].text().unwrap();
    assert!(
        p.html.starts_with("Officials say the <em>discussions</em> covered a <a href=\"https://example.org/a?b=1&amp;c=2\">broad agenda</a> &amp; &lt;3"),
        "{}",
        p.html
    );
    assert!(p
        .plain
        .starts_with("Officials say the discussions covered a broad agenda & <3"));
}

#[test]
fn a_script_in_a_text_is_a_problem_at_its_place() {
    let text = broken(
        "Rahmon praised Japan’s ongoing support",
        "Rahmon <script>alert(1)</script> praised Japan’s ongoing support",
    );
    let (line, column, err) = place_of_only_error(&text);
    assert_eq!((line, column), place_of(&text, "<script>"), "{err}");
    assert!(
        err.contains("article.body[2]: HTML is not allowed (<script>)"),
        "{err}"
    );
}

#[test]
fn a_javascript_link_is_a_problem_and_every_one_is_reported() {
    let text = broken(
        "Established in 1993, with",
        "Established in [1993](javascript:alert(1)), with",
    );
    let text = text.replacen(
        "Japan ranks among the top",
        "Japan ranks among the <img src=x onerror=alert(1)> top",
        1,
    );
    let errs = errors(&text);
    assert_eq!(errs.len(), 2, "{errs:#?}");
    let (line, column) = place_of(&text, "[1993](javascript:");
    assert!(
        errs[0].starts_with(&format!("content/story.toml:{line}:{column}: context.sections[1].blocks[0][0].text: a link may lead to https:")),
        "{}",
        errs[0]
    );
    assert!(errs[0].ends_with("not javascript:"), "{}", errs[0]);
    assert!(
        errs[1].contains("context.sections[1].blocks[0][1].text: HTML is not allowed"),
        "{}",
        errs[1]
    );
}

#[test]
fn a_link_within_the_page_must_name_one_of_its_parts() {
    let good = broken(
        "The day featured a historic audience",
        "The day featured a [historic audience](#milestone-imperial-audience) ([background](#background), [facts](#key-facts), [poll](#poll))",
    );
    // The milestone's slug may differ: take the first one the story has.
    let slug = parse("content/story.toml", STORY)
        .unwrap()
        .timeline
        .as_ref()
        .unwrap()
        .milestones[0]
        .slug
        .clone();
    let good = good.replace(
        "#milestone-imperial-audience",
        &format!("#milestone-{slug}"),
    );
    parse("content/story.toml", &good).expect("links to the page's parts are fine");
    let bad = broken(
        "The day featured a historic audience",
        "The day featured a [historic audience](#milestone-nowhere)",
    );
    let (line, column, err) = place_of_only_error(&bad);
    assert_eq!(
        (line, column),
        place_of(&bad, "[historic audience]"),
        "{err}"
    );
    assert!(
        err.contains("article.body[0]: the link to #milestone-nowhere leads nowhere"),
        "{err}"
    );
    assert!(err.contains("#background"), "lists the ids: {err}");
}

#[test]
fn what_markdown_would_make_a_block_shows_as_written() {
    let text = broken(
        "\"Officials say the discussions",
        "\"# 1. - > Officials say the discussions",
    );
    let story = parse("content/story.toml", &text).unwrap();
    assert!(
        story.body[1]
            .text()
            .unwrap()
            .html
            .starts_with("# 1. - &gt; Officials"),
        "{}",
        story.body[1].text().unwrap().html
    );
}

#[test]
fn a_question_may_have_formatted_help() {
    let text = STORY.replacen(
        "kind = \"multiple\"",
        "help = \"See *the* [background](#background).\"\nkind = \"multiple\"",
        1,
    );
    assert!(text != STORY, "the fixture applies");
    let story = parse("content/story.toml", &text).unwrap();
    let help = story
        .poll
        .as_ref()
        .unwrap()
        .questions
        .iter()
        .find_map(|q| q.help.as_ref())
        .expect("help");
    assert_eq!(
        help.html,
        "See <em>the</em> <a href=\"#background\">background</a>."
    );
    let bad = text.replacen("(#background).", "(#nowhere).", 1);
    let (_, _, err) = place_of_only_error(&bad);
    assert!(
        err.contains("poll.questions[0].help: the link to #nowhere leads nowhere"),
        "{err}"
    );
}

const TEST_STORY: &str = include_str!("stories/riverside-library.toml");

/// The made-up test story with one replacement applied (it must apply).
fn test_story_with(from: &str, to: &str) -> String {
    assert!(TEST_STORY.contains(from), "fixture text not found: {from}");
    TEST_STORY.replacen(from, to, 1)
}

fn test_story_errors(text: &str) -> Vec<String> {
    match parse("riverside.toml", text) {
        Ok(_) => panic!("the broken story was accepted"),
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn pictures_are_placed_by_slug_as_lead_in_the_article_a_section_and_a_milestone() {
    let story = parse("riverside.toml", TEST_STORY).unwrap();
    assert_eq!(story.lead.as_deref(), Some("flooded-bank"));
    assert!(matches!(&story.body[1], explainer::story::Passage::Figure(s) if s == "reading-room"));
    let plan = story.figure("plan-shapes").unwrap();
    assert_eq!(plan.alt, "", "decorative");
    assert_eq!(plan.credit.as_deref(), Some("Made-up drawing: test desk"));
    let lead = story.figure("flooded-bank").unwrap();
    assert_eq!(
        lead.caption.as_ref().unwrap().html,
        "The <em>invented</em> flood, in a made-up picture for the tests."
    );
    assert_eq!(lead.file, "riverside-library/flood.jpg");
    let line = TEST_STORY[..TEST_STORY
        .find("file = \"riverside-library/flood.jpg\"")
        .unwrap()]
        .matches('\n')
        .count()
        + 1;
    assert_eq!(
        lead.file_at,
        (line, 8),
        "where the file is named, for the build's problems"
    );
    let archive = story
        .timeline
        .as_ref()
        .unwrap()
        .milestones
        .iter()
        .find(|m| m.slug == "digital-archive")
        .unwrap();
    assert_eq!(archive.figure.as_deref(), Some("archive-screen"));
    assert!(
        lead.photo.is_none(),
        "the build makes the files, not the parser"
    );
}

#[test]
fn a_picture_needs_alt_text_unless_decorative_and_not_both() {
    let text = test_story_with(
        "alt = \"A made-up picture: four brown shelves against a warm wall.\"\n",
        "",
    );
    let errs = test_story_errors(&text);
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert!(
        errs[0].contains("pictures[1].alt: a picture needs alt text"),
        "{}",
        errs[0]
    );
    let text = test_story_with(
        "decorative = true\n",
        "decorative = true\nalt = \"Shapes\"\n",
    );
    let errs = test_story_errors(&text);
    assert!(
        errs[0].contains("pictures[2].alt: a decorative picture has no alt text"),
        "{errs:#?}"
    );
}

#[test]
fn a_picture_is_shown_once_and_only_pictures_the_story_has() {
    let twice = test_story_with("picture = \"archive-screen\"", "picture = \"reading-room\"");
    let errs = test_story_errors(&twice);
    assert_eq!(errs.len(), 2, "{errs:#?}");
    assert!(
        errs.iter().any(|e| e.contains(
            "timeline.milestones[4].picture: the picture \"reading-room\" is shown already"
        )),
        "{errs:#?}"
    );
    assert!(
        errs.iter()
            .any(|e| e.contains("pictures.archive-screen: this picture is not shown")),
        "{errs:#?}"
    );
    let unknown = test_story_with("{ picture = \"plan-shapes\" }", "{ picture = \"plans\" }");
    let errs = test_story_errors(&unknown);
    assert!(
        errs.iter().any(|e| e.contains("context.sections[1].blocks[1].picture: no picture \"plans\"; the pictures are: archive-screen, flooded-bank, plan-shapes, reading-room")),
        "{errs:#?}"
    );
}

#[test]
fn a_pictures_file_stays_in_the_story_folder_and_is_a_jpeg_png_or_webp() {
    for (file, says) in [
        ("../../secret.jpg", "is not a file in the story's folder"),
        ("/etc/flood.jpg", "is not a file in the story's folder"),
        (
            "riverside-library\\\\flood.jpg",
            "is not a file in the story's folder",
        ),
        (
            "riverside-library/flood.gif",
            "is not a JPEG, PNG or WebP file",
        ),
        ("riverside-library/flood", "is not a JPEG, PNG or WebP file"),
    ] {
        let text = test_story_with("riverside-library/flood.jpg", file);
        let errs = test_story_errors(&text);
        assert_eq!(errs.len(), 1, "{file}: {errs:#?}");
        assert!(
            errs[0].contains("pictures[0].file: ") && errs[0].contains(says),
            "{file}: {}",
            errs[0]
        );
    }
    // A body item is a paragraph or a picture, nothing else.
    let text = test_story_with(
        "{ picture = \"reading-room\" },",
        "{ photo = \"reading-room\" },",
    );
    assert!(
        test_story_errors(&text)[0].contains("a body item is a paragraph (a string) or a picture")
    );
}

/// The project's story without the tables named.
fn story_without(tables: &[&str]) -> String {
    let mut file: toml::Table = toml::from_str(STORY).unwrap();
    for t in tables {
        file.remove(*t).expect("the story has it");
    }
    toml::to_string(&file).unwrap()
}

#[test]
fn a_story_may_be_any_mix_of_parts_but_needs_one() {
    for (without, has) in [
        (&["article", "context", "poll"][..], "timeline"),
        (&["article", "context", "timeline"][..], "poll"),
        (&["context", "timeline", "poll"][..], "article"),
        (&["article", "timeline", "poll"][..], "context"),
        (&["article"][..], "everything but the article"),
    ] {
        let story =
            parse("s.toml", &story_without(without)).unwrap_or_else(|e| panic!("{has}: {e:?}"));
        assert_eq!(
            story.timeline.is_some(),
            !without.contains(&"timeline"),
            "{has}"
        );
        assert_eq!(story.poll.is_some(), !without.contains(&"poll"), "{has}");
        assert_eq!(
            story.context.is_some(),
            !without.contains(&"context"),
            "{has}"
        );
        assert_eq!(story.body.is_empty(), without.contains(&"article"), "{has}");
    }
    let text = story_without(&["article", "context", "timeline", "poll"]);
    let errs = errors(&text);
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert!(
        errs[0].contains(
            "a story needs at least one part: [article], [context], [timeline] or [poll]"
        ),
        "{}",
        errs[0]
    );
}

#[test]
fn a_link_to_a_part_the_story_leaves_out_leads_nowhere() {
    let text = story_without(&["poll"]).replacen(
        "Officials say the discussions",
        "Officials say (see [the poll](#poll)) the discussions",
        1,
    );
    let errs = errors(&text);
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert!(
        errs[0].contains("the link to #poll leads nowhere"),
        "{}",
        errs[0]
    );
}

/// A made-up timeline-only story as an import writes one: no section,
/// byline, description or disclaimer; no sectors; events.
const EVENTS_ONLY: &str = r#"
[story]
slug = "made-up-events"
language = "en"
headline = "A made-up timeline of events"
standfirst = "Made up for a test."

[timeline]
heading = "Events"

[[timeline.milestones]]
slug = "first"
title = "First"
start = "1815-12-10"
end = "1852-11-27"
display_date = "Winter 1815, or so"
status = "event"

[[timeline.milestones]]
slug = "second"
title = "Second"
start = "1948"
status = "event"
summary = "Something *made up*."
"#;

#[test]
fn a_story_of_events_needs_no_byline_sectors_sources_or_statuses() {
    let story = parse("t.toml", EVENTS_ONLY).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        (story.section.as_deref(), story.byline.as_ref()),
        (None, None)
    );
    assert_eq!(
        story.description, story.standfirst,
        "the standfirst describes it"
    );
    assert_eq!(story.disclaimer, None);
    let tl = story.timeline.unwrap();
    assert!(tl.sectors.is_empty());
    let first = &tl.milestones[0];
    assert_eq!(first.status, explainer::story::Status::Event);
    assert!(first.reported(), "an event's line does not wait for a day");
    assert_eq!(first.display_date.as_deref(), Some("Winter 1815, or so"));
    assert_eq!(
        (
            first.sector.as_ref(),
            first.summary.as_ref(),
            first.source.as_ref()
        ),
        (None, None, None)
    );
}

#[test]
fn an_event_with_an_impact_words_without_dates_or_an_unknown_sector_are_problems() {
    let text = EVENTS_ONLY
        .replace(
            "status = \"event\"\nsummary",
            "status = \"event\"\nimpact = \"Big.\"\nsummary",
        )
        .replace("start = \"1815-12-10\"\nend = \"1852-11-27\"\n", "")
        .replace(
            "slug = \"first\"\n",
            "slug = \"first\"\nsector = \"nowhere\"\n",
        );
    let errs = errors(&text);
    let has = |field: &str, words: &str| {
        assert!(
            errs.iter().any(|e| e.contains(field) && e.contains(words)),
            "{field}: {words}: {errs:#?}"
        );
    };
    has("timeline.milestones[0].display_date", "need the dates too");
    has(
        "timeline.milestones[0].sector",
        "the timeline has no [[timeline.sectors]]",
    );
    has("timeline.milestones[1].impact", "an event has no impact");
    assert_eq!(errs.len(), 3, "{errs:#?}");
}
