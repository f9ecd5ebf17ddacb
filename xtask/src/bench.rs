//! `cargo xtask bench [--runs N] [--skip-pages yes] [--skip-builds yes]`:
//! the budgets, measured. Our page beside its limit and its peer on two
//! throttled phone profiles, the first load of every story page, and how
//! long builds take, in one report.
//!
//! 1. Builds the release site with [`crate::build`] into its own folder,
//!    `target/bench/site/` (never `dist/`), and measures the first load of
//!    every story page in it ([`crate::size::measure_site`]: wasm + js +
//!    inline CSS, gzip -9) against [`GZIP_BUDGET_BYTES`].
//! 2. Pages (skipped with `--skip-pages yes`), under `target/bench/`:
//!    - `limit/`: the static limit, "the static copy taken from the page as
//!      a reader sees it": `bench/bench.mjs snapshot` loads our built page
//!      in headless Chromium without throttling, waits for
//!      `<html data-app-ready>`, and writes its `outerHTML` without any
//!      `<script>` and without `link[rel=preload|modulepreload]`, with the
//!      favicon it references. Same inline CSS, same rendered DOM, no code.
//!    - `peer/`: a TimelineJS page (npm `@knight-lab/timelinejs`, its files
//!      copied from `node_modules`) showing the story's dated milestones,
//!      its data written here with [`explainer::json`]; no fonts or
//!      language files from the network.
//!
//!    Then `bench/bench.mjs measure` (Node, playwright-core, Debian's
//!    Chromium) serves the three folders on 127.0.0.1 with gzip/brotli and
//!    loads each page `--runs` times on both phone profiles
//!    ([`PROFILES`]), interleaved, writing one tab-separated line per
//!    sample; medians are taken per page and profile.
//!    Then the same for the test story alone (`target/bench/pictures/`),
//!    whose lead picture stands above the fold: its page beside its own
//!    static limit, for LCP and CLS with a picture.
//! 3. Build times (skipped with `--skip-builds yes`; `--runs` does not apply):
//!    `cargo xtask build` as a child process, cold, for 1, 2 and 5 stories
//!    (the project's story plus copies of the test story, each with its own
//!    slug), and once more after a story-only edit; the wall clock measured
//!    here, the runtime and pages phases read from its `build: done` line,
//!    and the pre-render and the size check timed again in this process.
//!    Cold: `target/runtime/root/` removed and
//!    the explainer crate's wasm code cleaned, dependencies kept. The runtime
//!    is built again at the end, so the tree is left as it was.
//! 4. Prints the report, with each target PASS or MISS, and writes it as
//!    Markdown to `target/bench/report.md`. Misses are reported, not
//!    failures: only a broken run makes the command fail.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use explainer::dates::{Date, Precision, When};
use explainer::json::{self, Json};
use explainer::story::{Milestone, Story};

use crate::size::{GZIP_BUDGET_BYTES, INLINE_CSS};
use crate::util::{describe, fmt_duration, run, Ctx, Result};
use crate::Options;

/// Runs per page and profile when `--runs` is not given.
pub const DEFAULT_RUNS: u32 = 5;
/// LCP target: at most this many times the static limit's, on every profile.
pub const LCP_LIMIT_FACTOR: f64 = 1.15;
/// CLS target: every sample of our page below this (that is, no shift).
pub const CLS_BELOW: f64 = 0.001;
/// The phone profiles of `bench/bench.mjs` (`PROFILES` there), by name.
pub const PROFILES: [&str; 2] = ["360x740", "412x823"];
/// How many stories the timed cold builds have.
pub const BUILD_STORY_COUNTS: [usize; 3] = [1, 2, 5];

/// The npm package of the peer, and where its built files are.
const TIMELINEJS_PACKAGE: &str = "@knight-lab/timelinejs";

/// The test story that the timed builds copy, and its slug.
const TEST_STORY: &str = "tests/stories/riverside-library.toml";
const TEST_SLUG: &str = "riverside-library-test";

const PAGES: [&str; 3] = ["ours", "limit", "peer"];

pub fn bench(ctx: &Ctx, opts: &Options) -> Result {
    let runs = runs_option(opts.get("--runs"))?;
    let skip_pages = yes_no("--skip-pages", opts.get("--skip-pages"))?;
    let skip_builds = yes_no("--skip-builds", opts.get("--skip-builds"))?;
    let out = ctx.root.join("target").join("bench");
    fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;

    let site_dir = out.join("site");
    let built = crate::build(
        ctx,
        &Options(vec![(
            "--dist".into(),
            site_dir.to_string_lossy().into_owned(),
        )]),
    )?;
    let sizes = page_sizes(&crate::size::measure_site(&built.dist)?);
    let mut report = Report {
        runs,
        site: shown(&built.dist, &ctx.root),
        site_runtime: format!(
            "runtime {} in {}",
            if built.runtime.rebuilt {
                "built"
            } else {
                "up to date"
            },
            fmt_duration(built.runtime.took)
        ),
        stories: built
            .site
            .pages
            .iter()
            .map(|(slug, _)| slug.clone())
            .collect(),
        sizes,
        pages: None,
        builds: if skip_builds {
            Builds::Skipped
        } else {
            Builds::Failed("not run".into())
        },
    };

    if !skip_pages {
        report.pages = Some(measure_pages(ctx, &built.dist, &out, runs)?);
    }
    let mut failed = None;
    if !skip_builds {
        report.builds = match build_times(ctx, &out.join("builds")) {
            Ok(times) => Builds::Done(times),
            Err(e) => {
                failed = Some(e.clone());
                Builds::Failed(e)
            }
        };
    }

    let md = report.markdown();
    println!("\n{md}");
    let report_path = out.join("report.md");
    fs::write(&report_path, &md)
        .map_err(|e| format!("cannot write {}: {e}", report_path.display()))?;
    println!("bench: report written to {}", report_path.display());
    match failed {
        Some(e) => Err(format!("the build-time measurements broke: {e}")),
        None => Ok(()),
    }
}

/// `--runs`: 1 to 50, [`DEFAULT_RUNS`] when absent.
pub fn runs_option(value: Option<&str>) -> Result<u32> {
    match value {
        None => Ok(DEFAULT_RUNS),
        Some(n) => n
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=50).contains(n))
            .ok_or_else(|| format!("--runs takes a number from 1 to 50, not `{n}`")),
    }
}

/// A yes/no option (`--skip-builds yes`, `--skip-builds=yes`); absent is no.
pub fn yes_no(name: &str, value: Option<&str>) -> Result<bool> {
    match value {
        None | Some("no" | "false" | "0") => Ok(false),
        Some("yes" | "true" | "1") => Ok(true),
        Some(other) => Err(format!("{name} takes yes or no, not `{other}`")),
    }
}

/// `path` relative to `base` when inside it (for the report).
fn shown(path: &Path, base: &Path) -> String {
    path.strip_prefix(base)
        .unwrap_or(path)
        .to_string_lossy()
        .into_owned()
}

fn fresh_dir(dir: &Path) -> Result {
    if dir.exists() {
        fs::remove_dir_all(dir).map_err(|e| format!("cannot clear {}: {e}", dir.display()))?;
    }
    fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))
}

/// Copies the test story's pictures (the folder beside it, named like it)
/// into `content`; gives that folder and its copy.
fn test_story_pictures(ctx: &Ctx, content: &Path) -> Result<(PathBuf, PathBuf)> {
    let own = ctx.root.join(TEST_STORY).with_extension("");
    let to = content.join(own.file_name().unwrap_or_default());
    fs::create_dir_all(&to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    copy_tree(&own, &to, &|_| true)?;
    Ok((own, to))
}

/// Copies the files under `from` for which `keep` holds into `to`.
fn copy_tree(from: &Path, to: &Path, keep: &dyn Fn(&Path) -> bool) -> Result {
    let entries = fs::read_dir(from).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        let name = path.file_name().unwrap_or_default();
        let target = to.join(name);
        if path.is_dir() {
            fs::create_dir_all(&target)
                .map_err(|e| format!("cannot create {}: {e}", target.display()))?;
            copy_tree(&path, &target, keep)?;
        } else if path.is_file() && keep(&path) {
            fs::copy(&path, &target).map_err(|e| {
                format!(
                    "cannot copy {} to {}: {e}",
                    path.display(),
                    target.display()
                )
            })?;
        }
    }
    Ok(())
}

// ---------------------------------------------------------------- the pages

/// What the browser part measured.
pub struct Pages {
    pub samples: Samples,
    pub summary: Summary,
    /// The test story's page, its lead picture above the fold, beside its
    /// own static limit (`ours` and `limit`).
    pub pictures: Option<Samples>,
}

/// The static limit and the peer written, then the three pages measured.
fn measure_pages(ctx: &Ctx, site: &Path, out: &Path, runs: u32) -> Result<Pages> {
    let limit = out.join("limit");
    let limit_info = out.join("limit.tsv");
    fresh_dir(&limit)?;
    let _ = fs::remove_file(&limit_info);
    snapshot(ctx, site, &limit, &limit_info)?;
    let same_css = check_limit(&limit, site)?;

    let peer = out.join("peer");
    write_peer(ctx, &peer)?;
    println!(
        "bench: wrote the static limit ({}) and the TimelineJS peer ({})",
        limit.display(),
        peer.display()
    );

    let samples_path = out.join("samples.tsv");
    let _ = fs::remove_file(&samples_path);
    measure(
        ctx,
        runs,
        &samples_path,
        &[("ours", site), ("limit", &limit), ("peer", &peer)],
    )?;

    let read =
        |p: &Path| fs::read_to_string(p).map_err(|e| format!("cannot read {}: {e}", p.display()));
    let mut samples = Samples::parse(&read(&samples_path)?)?;
    samples
        .meta
        .extend(Samples::parse(&read(&limit_info)?)?.meta);
    samples.meta.push((
        "limit_inline_css_same".into(),
        if same_css { "yes" } else { "no" }.into(),
    ));
    let summary = Summary::from_samples(&samples)?;
    let pictures = Some(measure_pictures(ctx, out, runs)?);
    Ok(Pages {
        samples,
        summary,
        pictures,
    })
}

/// The test story alone (its lead picture above the fold), built into
/// `out/pictures/site`, beside its own static limit: both measured as the
/// main pages are.
fn measure_pictures(ctx: &Ctx, out: &Path, runs: u32) -> Result<Samples> {
    let base = out.join("pictures");
    let content = base.join("content");
    fresh_dir(&base)?;
    fresh_dir(&content)?;
    let story = ctx.root.join(TEST_STORY);
    let name = story.file_name().unwrap_or_default();
    fs::copy(&story, content.join(name)).map_err(|e| format!("cannot copy {TEST_STORY}: {e}"))?;
    test_story_pictures(ctx, &content)?;
    let built = crate::build(
        ctx,
        &Options(vec![
            ("--content".into(), content.to_string_lossy().into_owned()),
            (
                "--dist".into(),
                base.join("site").to_string_lossy().into_owned(),
            ),
        ]),
    )?;
    let (limit, info, samples) = (
        base.join("limit"),
        base.join("limit.tsv"),
        base.join("samples.tsv"),
    );
    snapshot(ctx, &built.dist, &limit, &info)?;
    check_limit(&limit, &built.dist)?;
    measure(
        ctx,
        runs,
        &samples,
        &[("ours", &built.dist), ("limit", &limit)],
    )?;
    let text = fs::read_to_string(&samples)
        .map_err(|e| format!("cannot read {}: {e}", samples.display()))?;
    Samples::parse(&text)
}

/// `bench.mjs snapshot`: the static limit of `site`'s root page into `out`,
/// what it did into `info`.
fn snapshot(ctx: &Ctx, site: &Path, out: &Path, info: &Path) -> Result {
    run(ctx
        .cmd("node")
        .arg(ctx.root.join("bench").join("bench.mjs"))
        .arg("snapshot")
        .arg("--site")
        .arg(site)
        .arg("--out")
        .arg(out)
        .arg("--info")
        .arg(info))
}

/// `bench.mjs measure`: each of `pages` (name, folder) loaded `runs` times
/// on every profile, the samples into `out`.
fn measure(ctx: &Ctx, runs: u32, out: &Path, pages: &[(&str, &Path)]) -> Result {
    let mut cmd = ctx.cmd("node");
    cmd.arg(ctx.root.join("bench").join("bench.mjs"))
        .arg("measure")
        .args(["--runs", &runs.to_string(), "--out"])
        .arg(out);
    for (name, dir) in pages {
        cmd.arg(format!("{name}={}", dir.display()));
    }
    run(&mut cmd)
}

/// The limit is a page without code; returns whether its inline CSS is our
/// page's, byte for byte.
fn check_limit(limit: &Path, site: &Path) -> Result<bool> {
    let read =
        |p: &Path| fs::read_to_string(p).map_err(|e| format!("cannot read {}: {e}", p.display()));
    let html = read(&limit.join("index.html"))?;
    if !html.starts_with("<!doctype html>") {
        return Err("the static limit page does not start with <!doctype html>".into());
    }
    if html.to_ascii_lowercase().contains("<script") {
        return Err("the static limit page still has a <script>".into());
    }
    let ours = read(&site.join("index.html"))?;
    Ok(crate::size::inline_css(&html) == crate::size::inline_css(&ours))
}

// ----------------------------------------------------------------- the peer

fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// JSON text for inside a `<script>` element: `<` written as `\u003c`
/// (it can only be in a string there), so no `</script>` or `<!--` ends it.
pub fn script_json(value: &Json) -> String {
    json::stringify(value).replace('<', "\\u003c")
}

fn num(n: impl Into<f64>) -> Json {
    Json::Number(n.into())
}

/// A year as TimelineJS numbers it: 3500 BCE is -3500 (it shows the
/// number without its sign, then "BCE").
fn tl_year(year: i64) -> Json {
    let counted = if year < 1 { year - 1 } else { year };
    Json::Number(counted as f64)
}

/// A TimelineJS date object: as precise as the story's date (seasons and
/// quarters start at their first month), labelled with the story's own wording.
fn tl_date(date: Date) -> Json {
    let first = date.first_day();
    let mut fields = vec![("year", tl_year(date.year))];
    match date.precision {
        Precision::Year => {}
        Precision::Day(..) => {
            fields.push(("month", num(first.month)));
            fields.push(("day", num(first.day)));
        }
        Precision::Season(_) | Precision::Quarter(_) | Precision::Month(_) => {
            fields.push(("month", num(first.month)));
        }
    }
    fields.push(("display_date", Json::str(date.label())));
    Json::object(fields)
}

/// The last day of a span's end, so that TimelineJS draws the whole span.
fn tl_end_date(date: Date) -> Json {
    let last = date.last_day();
    Json::object([
        ("year", tl_year(last.year)),
        ("month", num(last.month)),
        ("day", num(last.day)),
        ("display_date", Json::str(date.label())),
    ])
}

fn tl_event(story: &Story, m: &Milestone, when: When) -> Json {
    let mut fields = vec![("start_date", tl_date(when.start()))];
    if let When::Span(_, end) = when {
        fields.push(("end_date", tl_end_date(end)));
    }
    // TimelineJS takes HTML: the story's formatting, as the page has it.
    let mut text = m
        .summary
        .as_ref()
        .map(|s| format!("<p>{}</p>", s.html))
        .unwrap_or_default();
    if let Some(impact) = &m.impact {
        let _ = write!(text, "<p>{}</p>", impact.html);
    }
    if let Some(note) = &m.note {
        let _ = write!(text, "<p><em>{}</em></p>", note.html);
    }
    let group = story
        .timeline
        .iter()
        .find_map(|t| t.sector_of(m).map(|k| t.sectors[k].label.as_str()))
        .unwrap_or("");
    fields.extend([
        ("display_date", Json::str(when.label())),
        (
            "text",
            Json::object([
                ("headline", Json::str(escape_html(&m.title))),
                ("text", Json::str(text)),
            ]),
        ),
        ("group", Json::str(group)),
        ("unique_id", Json::str(format!("milestone-{}", m.slug))),
    ]);
    Json::object(fields)
}

/// TimelineJS's JSON format for the story's timeline: a title slide and one
/// event per dated milestone, plus how many undated milestones were left out
/// (TimelineJS needs a start date; our page lists them apart).
pub fn timelinejs_data(story: &Story) -> (Json, usize) {
    let mut events = Vec::new();
    let mut undated = 0;
    for m in story.timeline.iter().flat_map(|t| &t.milestones) {
        match m.when {
            Some(when) => events.push(tl_event(story, m, when)),
            None => undated += 1,
        }
    }
    let title = Json::object([(
        "text",
        Json::object([
            ("headline", Json::str(escape_html(&story.headline))),
            (
                "text",
                Json::str(format!("<p>{}</p>", escape_html(&story.standfirst))),
            ),
        ]),
    )]);
    (
        Json::object([("title", title), ("events", Json::Array(events))]),
        undated,
    )
}

/// The peer page: TimelineJS's own embed layout (its script and style sheet
/// in the head, the timeline filling the viewport), all files on loopback.
/// `script_path` points at the local copy, so the built-in English needs no
/// language file; the `georgia-helvetica` font set uses system fonts, where
/// the default one would load web fonts from the network.
pub fn peer_html(story: &Story, data: &Json) -> String {
    format!(
        r#"<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} (TimelineJS, benchmark peer)</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="timelinejs/css/timeline.css">
<script src="timelinejs/js/timeline.js"></script>
<style>html,body{{height:100%;margin:0;padding:0}}#timeline-embed{{height:100%}}</style>
</head>
<body>
<div id="timeline-embed"></div>
<script>
window.timeline = new TL.Timeline("timeline-embed", {data}, {{
  script_path: new URL("timelinejs/js/", document.baseURI).href,
  font: "georgia-helvetica",
  language: "en",
  hash_bookmark: false
}});
</script>
</body>
</html>
"#,
        lang = escape_html(&story.language),
        title = escape_html(&story.headline),
        data = script_json(data),
    )
}

/// The default story, `content/story.toml`, read and validated.
pub fn project_story(ctx: &Ctx) -> Result<Story> {
    let file = "content/story.toml";
    let text =
        fs::read_to_string(ctx.root.join(file)).map_err(|e| format!("cannot read {file}: {e}"))?;
    explainer::story::parse(file, &text).map_err(|errors| {
        errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    })
}

fn write_peer(ctx: &Ctx, out: &Path) -> Result {
    let package = ctx
        .root
        .join("node_modules")
        .join(TIMELINEJS_PACKAGE)
        .join("dist");
    if !package.join("js").join("timeline.js").is_file() {
        return Err(format!(
            "{} is missing: run `cargo xtask setup` (npm {TIMELINEJS_PACKAGE})",
            package.join("js/timeline.js").display()
        ));
    }
    fresh_dir(out)?;
    let lib = out.join("timelinejs");
    for sub in ["js", "css"] {
        let to = lib.join(sub);
        fs::create_dir_all(&to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
        copy_tree(&package.join(sub), &to, &|p: &Path| {
            p.extension().and_then(|e| e.to_str()) != Some("map")
        })?;
    }
    let story = project_story(ctx)?;
    let (data, undated) = timelinejs_data(&story);
    if undated > 0 {
        println!("bench: {undated} undated milestone(s) left out of the TimelineJS peer");
    }
    let index = out.join("index.html");
    fs::write(&index, peer_html(&story, &data))
        .map_err(|e| format!("cannot write {}: {e}", index.display()))
}

// -------------------------------------------------------------- the samples

/// One `metric` line.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricSample {
    pub page: String,
    pub profile: String,
    pub run: u32,
    pub name: String,
    pub value: f64,
}

/// One `file` line: a response as the browser received it.
#[derive(Debug, Clone, PartialEq)]
pub struct FileSample {
    pub page: String,
    pub profile: String,
    pub run: u32,
    pub path: String,
    pub kind: String,
    pub encoding: String,
    /// Bytes received for it, headers included (CDP `encodedDataLength`).
    pub wire: u64,
    pub raw: Option<u64>,
    pub gzip: Option<u64>,
    pub brotli: Option<u64>,
    /// When its request started, ms from navigation start.
    pub start: Option<f64>,
    /// When its response ended, ms from navigation start.
    pub end: Option<f64>,
}

/// What `bench/bench.mjs` wrote.
#[derive(Debug, Default)]
pub struct Samples {
    pub meta: Vec<(String, String)>,
    /// A metric the page did not report is absent.
    pub metrics: Vec<MetricSample>,
    pub files: Vec<FileSample>,
    /// (page, profile, url)
    pub foreign: Vec<(String, String, String)>,
    /// (page, profile, text)
    pub errors: Vec<(String, String, String)>,
}

impl Samples {
    pub fn parse(text: &str) -> Result<Samples> {
        let mut s = Samples::default();
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let cells: Vec<&str> = line.split('\t').collect();
            let bad = || format!("samples line {}: cannot read `{line}`", n + 1);
            let num = |i: usize| -> Result<u32> {
                cells.get(i).and_then(|c| c.parse().ok()).ok_or_else(bad)
            };
            let opt = |i: usize| cells.get(i).and_then(|c| c.parse::<u64>().ok());
            let ms = |i: usize| {
                cells
                    .get(i)
                    .and_then(|c| c.parse::<f64>().ok())
                    .filter(|v| v.is_finite())
            };
            let cell = |i: usize| -> Result<String> {
                cells.get(i).map(|c| c.to_string()).ok_or_else(bad)
            };
            match cells[0] {
                "meta" => s
                    .meta
                    .push((cell(1)?, cells.get(2).unwrap_or(&"").to_string())),
                "metric" => {
                    // An empty value: the browser did not report it (no entry).
                    if let Some(value) = cells.get(5).and_then(|c| c.parse::<f64>().ok()) {
                        s.metrics.push(MetricSample {
                            page: cell(1)?,
                            profile: cell(2)?,
                            run: num(3)?,
                            name: cell(4)?,
                            value,
                        });
                    }
                }
                "file" => s.files.push(FileSample {
                    page: cell(1)?,
                    profile: cell(2)?,
                    run: num(3)?,
                    path: cell(4)?,
                    kind: cell(5)?,
                    encoding: cell(6)?,
                    wire: opt(7).ok_or_else(bad)?,
                    raw: opt(8),
                    gzip: opt(9),
                    brotli: opt(10),
                    start: ms(11),
                    end: ms(12),
                }),
                "foreign" => s.foreign.push((cell(1)?, cell(2)?, cell(4)?)),
                "error" => s.errors.push((cell(1)?, cell(2)?, cell(4)?)),
                _ => return Err(bad()),
            }
        }
        Ok(s)
    }

    fn meta(&self, key: &str) -> Option<&str> {
        self.meta
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Every sample of `metric` for `page` on `profile`.
    pub fn values(&self, page: &str, profile: &str, metric: &str) -> Vec<f64> {
        self.metrics
            .iter()
            .filter(|m| m.page == page && m.profile == profile && m.name == metric)
            .map(|m| m.value)
            .collect()
    }

    fn median(&self, page: &str, profile: &str, metric: &str) -> Option<f64> {
        median(&self.values(page, profile, metric))
    }

    /// The median over runs of the bytes on the wire of one load.
    pub fn wire_per_load(&self, page: &str, profile: &str) -> Option<f64> {
        let mut per_run: BTreeMap<u32, u64> = BTreeMap::new();
        for f in &self.files {
            if f.page == page && f.profile == profile {
                *per_run.entry(f.run).or_default() += f.wire;
            }
        }
        let totals: Vec<f64> = per_run.values().map(|&b| b as f64).collect();
        median(&totals)
    }

    /// The LCP elements of `page` on `profile`, each with how many runs had it.
    fn lcp_elements(&self, page: &str, profile: &str) -> String {
        let prefix = format!("lcp_element.{page}.{profile}.");
        let mut counts: Vec<(String, usize)> = Vec::new();
        for (k, v) in &self.meta {
            if k.starts_with(&prefix) {
                let v = if v.is_empty() { "none" } else { v.as_str() };
                match counts.iter_mut().find(|(e, _)| e == v) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((v.to_owned(), 1)),
                }
            }
        }
        if counts.is_empty() {
            return "?".to_owned();
        }
        let runs: usize = counts.iter().map(|(_, n)| n).sum();
        let size = self
            .median(page, profile, "lcp_size")
            .map_or(String::new(), |px| format!(", median size {px:.0} px²"));
        let elements = counts
            .iter()
            .map(|(e, n)| format!("`{e}` ({n}/{runs})"))
            .collect::<Vec<_>>()
            .join(", ");
        format!("{elements}{size}")
    }
}

/// The median; the mean of the middle two for an even count.
pub fn median(values: &[f64]) -> Option<f64> {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let mid = v.len() / 2;
    Some(if v.len() % 2 == 1 {
        v[mid]
    } else {
        (v[mid - 1] + v[mid]) / 2.0
    })
}

/// `a / b` as "0.93x"; "n/a" when either is missing or `b` is zero.
pub fn ratio(a: Option<f64>, b: Option<f64>) -> String {
    match (a, b) {
        (Some(a), Some(b)) if b != 0.0 && a.is_finite() && b.is_finite() => {
            format!("{:.2}x", a / b)
        }
        _ => "n/a".to_owned(),
    }
}

/// Per page, per file: the sizes and the median bytes on the wire.
#[derive(Debug, Clone, PartialEq)]
pub struct FileRow {
    pub path: String,
    pub kind: String,
    pub encodings: Vec<String>,
    pub wire: u64,
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

pub struct Summary {
    /// Loads of our page per profile (the most of any profile).
    pub runs: usize,
    /// page -> files in first-request order (every load, both profiles)
    pub files: BTreeMap<String, Vec<FileRow>>,
}

impl Summary {
    pub fn from_samples(s: &Samples) -> Result<Summary> {
        let runs = PROFILES
            .iter()
            .map(|p| s.values("ours", p, "load").len())
            .max()
            .unwrap_or(0);
        if runs == 0 {
            return Err("the benchmark produced no measurement of our page".into());
        }
        let mut files: BTreeMap<String, Vec<FileRow>> = BTreeMap::new();
        for page in PAGES {
            let mut rows: Vec<FileRow> = Vec::new();
            for f in s.files.iter().filter(|f| f.page == page) {
                if rows.iter().any(|r| r.path == f.path) {
                    continue;
                }
                let same: Vec<&FileSample> = s
                    .files
                    .iter()
                    .filter(|g| g.page == page && g.path == f.path)
                    .collect();
                let wire: Vec<f64> = same.iter().map(|g| g.wire as f64).collect();
                let mut encodings: Vec<String> = same.iter().map(|g| g.encoding.clone()).collect();
                encodings.sort();
                encodings.dedup();
                rows.push(FileRow {
                    path: f.path.clone(),
                    kind: f.kind.clone(),
                    encodings,
                    wire: median(&wire).unwrap_or(0.0).round() as u64,
                    raw: f.raw.unwrap_or(0),
                    gzip: f.gzip.unwrap_or(0),
                    brotli: f.brotli.unwrap_or(0),
                });
            }
            files.insert(page.to_owned(), rows);
        }
        Ok(Summary { runs, files })
    }

    fn total(&self, page: &str, pick: impl Fn(&FileRow) -> u64) -> u64 {
        self.files
            .get(page)
            .map_or(0, |rows| rows.iter().map(pick).sum())
    }
}

// --------------------------------------------------------------- the sizes

/// One story page's first load (gzip -9), from [`crate::size::measure_site`].
#[derive(Debug, Clone, PartialEq)]
pub struct PageSize {
    /// `index.html` or `<slug>/`.
    pub page: String,
    /// The wasm, js and css files it loads.
    pub files: u64,
    /// Its inline `<style>` CSS.
    pub inline_css: u64,
}

impl PageSize {
    pub fn total(&self) -> u64 {
        self.files + self.inline_css
    }
}

pub fn page_sizes(reports: &[(String, crate::size::Report)]) -> Vec<PageSize> {
    reports
        .iter()
        .map(|(page, r)| {
            let inline_css = r
                .entries
                .iter()
                .filter(|e| e.name == INLINE_CSS)
                .map(|e| e.gzip)
                .sum();
            PageSize {
                page: page.clone(),
                files: r.gzip_total() - inline_css,
                inline_css,
            }
        })
        .collect()
}

// ------------------------------------------------------------- build times

/// What `cargo xtask build` says when it is done:
/// `build: done in X (runtime built: Y; P pages: Z)`, or `runtime up to date: Y`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BuildLine {
    pub total: Duration,
    /// Whether the runtime was built (else its stamp matched).
    pub runtime_built: bool,
    pub runtime: Duration,
    /// Stories rendered.
    pub pages: usize,
    /// Rendering and writing them.
    pub pages_took: Duration,
}

/// A duration as [`fmt_duration`] writes it: `12 ms`, `4.2s`, `3m 07s`.
pub fn parse_duration(text: &str) -> Option<Duration> {
    let text = text.trim();
    if let Some(ms) = text.strip_suffix(" ms") {
        return ms.parse().ok().map(Duration::from_millis);
    }
    if let Some((minutes, seconds)) = text.split_once("m ") {
        let minutes: u64 = minutes.parse().ok()?;
        let seconds: u64 = seconds.strip_suffix('s')?.parse().ok()?;
        return Some(Duration::from_secs(minutes * 60 + seconds));
    }
    let seconds: f64 = text.strip_suffix('s')?.parse().ok()?;
    (seconds.is_finite() && seconds >= 0.0).then(|| Duration::from_secs_f64(seconds))
}

/// The last `build: done in …` line of a build's output.
pub fn parse_build_line(stdout: &str) -> Option<BuildLine> {
    let line = stdout
        .lines()
        .rev()
        .find_map(|l| l.trim().strip_prefix("build: done in "))?;
    let (total, phases) = line.split_once(" (")?;
    let (runtime, pages) = phases.strip_suffix(')')?.split_once("; ")?;
    let (runtime_built, runtime) = match runtime.strip_prefix("runtime built: ") {
        Some(t) => (true, t),
        None => (false, runtime.strip_prefix("runtime up to date: ")?),
    };
    let (count, took) = pages.split_once(" pages: ")?;
    Some(BuildLine {
        total: parse_duration(total)?,
        runtime_built,
        runtime: parse_duration(runtime)?,
        pages: count.trim().parse().ok()?,
        pages_took: parse_duration(took)?,
    })
}

/// The test story with its own slug: `riverside-library-test-<k>`.
pub fn with_slug(test_story: &str, k: usize) -> Result<String> {
    let from = format!("slug = \"{TEST_SLUG}\"");
    if test_story.matches(&from).count() != 1 {
        return Err(format!("{TEST_STORY} does not have exactly one `{from}`"));
    }
    Ok(test_story.replacen(&from, &format!("slug = \"{TEST_SLUG}-{k}\""), 1))
}

/// The story with its headline (the first `headline = "…"` line) changed.
pub fn with_edited_headline(story: &str) -> Result<String> {
    let from = "\nheadline = \"";
    if !story.contains(from) {
        return Err("the story has no `headline = \"…\"` line".into());
    }
    Ok(story.replacen(from, "\nheadline = \"Edited for the bench: ", 1))
}

/// One timed `cargo xtask build`.
#[derive(Debug, Clone, PartialEq)]
pub struct TimedBuild {
    /// What was built (for the report).
    pub what: String,
    pub stories: usize,
    /// The child process, start to exit.
    pub wall: Duration,
    pub line: BuildLine,
    /// The same stories rendered again here, in this process.
    pub prerender: Duration,
    /// The size check of the built site (`measure_site`), again here.
    pub size_check: Duration,
}

/// The cold builds (one per [`BUILD_STORY_COUNTS`]) and the story-only edit.
#[derive(Debug, Clone, PartialEq)]
pub struct BuildTimes {
    pub cold: Vec<TimedBuild>,
    pub edit: Option<TimedBuild>,
    /// A story with [`PICTURES`] pictures: none made yet, then a text-only edit.
    pub pictures: Vec<TimedBuild>,
}

/// How many pictures the picture builds' story has.
pub const PICTURES: usize = 10;

/// The test story with `extra` more pictures (`bench-1.jpg`, … beside its
/// own), each shown between its first paragraphs.
pub fn with_pictures(test_story: &str, extra: usize) -> Result<String> {
    let anchor = "  { picture = \"reading-room\" },\n";
    if !test_story.contains(anchor) {
        return Err(format!(
            "{TEST_STORY} does not show `reading-room` in its body"
        ));
    }
    let mut placed = String::from(anchor);
    let mut described = String::new();
    for k in 1..=extra {
        placed.push_str(&format!("  {{ picture = \"bench-{k}\" }},\n"));
        described.push_str(&format!(
            "\n[[pictures]]\nslug = \"bench-{k}\"\nfile = \"riverside-library/bench-{k}.jpg\"\nalt = \"A made-up picture for the bench, number {k}.\"\n"
        ));
    }
    Ok(test_story.replacen(anchor, &placed, 1) + &described)
}

/// `dir/content`, made afresh: the project's story and the test story with
/// [`PICTURES`] pictures in all (its own, and copies of one made distinct).
fn pictures_content(ctx: &Ctx, dir: &Path) -> Result<PathBuf> {
    let content = dir.join("content");
    fresh_dir(dir)?;
    fresh_dir(&content)?;
    let copy = |from: &Path, to: &Path| {
        fs::copy(from, to).map_err(|e| format!("cannot copy {}: {e}", from.display()))
    };
    copy(
        &ctx.root.join("content").join(crate::site::DEFAULT_FILE),
        &content.join(crate::site::DEFAULT_FILE),
    )?;
    let (own, pictures) = test_story_pictures(ctx, &content)?;
    let own_count = fs::read_dir(&own).map_err(|e| e.to_string())?.count();
    let extra = PICTURES.saturating_sub(own_count);
    let photo =
        fs::read(own.join("flood.jpg")).map_err(|e| format!("cannot read flood.jpg: {e}"))?;
    for k in 1..=extra {
        // Bytes after the JPEG's end: the same picture, another file (hash).
        let mut bytes = photo.clone();
        bytes.extend_from_slice(format!("bench-{k}").as_bytes());
        let to = pictures.join(format!("bench-{k}.jpg"));
        fs::write(&to, bytes).map_err(|e| format!("cannot write {}: {e}", to.display()))?;
    }
    let story = fs::read_to_string(ctx.root.join(TEST_STORY))
        .map_err(|e| format!("cannot read {TEST_STORY}: {e}"))?;
    let to = content.join("riverside-library.toml");
    fs::write(&to, with_pictures(&story, extra)?)
        .map_err(|e| format!("cannot write {}: {e}", to.display()))?;
    Ok(content)
}

/// The build-time section of the report.
pub enum Builds {
    Skipped,
    Done(BuildTimes),
    Failed(String),
}

/// `dir/content`, made afresh: the project's story and `n - 1` copies of
/// the test story, each with its own slug.
fn build_content(ctx: &Ctx, dir: &Path, n: usize) -> Result<PathBuf> {
    let content = dir.join("content");
    fresh_dir(dir)?;
    fresh_dir(&content)?;
    let read =
        |p: &Path| fs::read_to_string(p).map_err(|e| format!("cannot read {}: {e}", p.display()));
    let story = ctx.root.join("content").join(crate::site::DEFAULT_FILE);
    let write = |name: &str, text: &str| {
        let to = content.join(name);
        fs::write(&to, text).map_err(|e| format!("cannot write {}: {e}", to.display()))
    };
    write(crate::site::DEFAULT_FILE, &read(&story)?)?;
    let test = read(&ctx.root.join(TEST_STORY))?;
    // The test story's pictures, which every copy names.
    if n > 1 {
        test_story_pictures(ctx, &content)?;
    }
    for k in 1..n {
        write(
            &format!("riverside-library-{k}.toml"),
            &with_slug(&test, k)?,
        )?;
    }
    Ok(content)
}

/// No runtime build for `/` and no compiled explainer code for wasm; the
/// dependencies' compiled code is kept.
fn make_cold(ctx: &Ctx) -> Result {
    let runtime = crate::runtime::dir(ctx, "/");
    if runtime.exists() {
        fs::remove_dir_all(&runtime)
            .map_err(|e| format!("cannot remove {}: {e}", runtime.display()))?;
    }
    run(ctx.cmd("cargo").args([
        "clean",
        "--package",
        "explainer",
        "--release",
        "--target",
        crate::setup::WASM_TARGET,
    ]))
}

/// Runs `cargo xtask build --content CONTENT --dist DIST` as a child
/// process, its output shown and kept, and times it.
fn timed_build(ctx: &Ctx, what: &str, stories: usize, dir: &Path) -> Result<TimedBuild> {
    // xtask itself first, untimed: an edit to it must not count as build time.
    run(ctx
        .cmd("cargo")
        .args(["build", "--quiet", "--package", "xtask"]))?;
    let mut cmd = ctx.cmd("cargo");
    cmd.args(["xtask", "build", "--content"])
        .arg(dir.join("content"))
        .arg("--dist")
        .arg(dir.join("dist"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped());
    println!("$ {}   (timed: {what})", describe(&cmd));
    let started = Instant::now();
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("could not start `{}`: {e}", describe(&cmd)))?;
    let mut stdout = String::new();
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out).lines() {
            let line = line.map_err(|e| format!("cannot read the build's output: {e}"))?;
            println!("  | {line}");
            stdout.push_str(&line);
            stdout.push('\n');
        }
    }
    let status = child
        .wait()
        .map_err(|e| format!("`{}` did not finish: {e}", describe(&cmd)))?;
    let wall = started.elapsed();
    if !status.success() {
        return Err(format!("`{}` failed ({status})", describe(&cmd)));
    }
    let line = parse_build_line(&stdout)
        .ok_or_else(|| format!("`{}` printed no `build: done in …` line", describe(&cmd)))?;
    if line.pages != stories {
        return Err(format!(
            "`{}` rendered {} stories, not {stories}",
            describe(&cmd),
            line.pages
        ));
    }
    println!("bench: {what}: {} wall clock", fmt_duration(wall));

    // Two of its phases again, untimed above, at full resolution.
    let started = Instant::now();
    crate::size::measure_site(&dir.join("dist"))?;
    let size_check = started.elapsed();
    let loaded = crate::site::load(
        &dir.join("content"),
        &crate::site::locales_dir(&ctx.root),
        &ctx.root,
    )?;
    let rendered = crate::site::write(
        &dir.join("rendered-again"),
        &crate::runtime::dir(ctx, "/"),
        &crate::site::Site::at("/"),
        &loaded,
        false,
    )?;
    Ok(TimedBuild {
        what: what.to_owned(),
        stories,
        wall,
        line,
        prerender: rendered.took,
        size_check,
    })
}

/// The timed builds, then the runtime built again (whatever happened), so
/// the tree is left as it was.
fn build_times(ctx: &Ctx, dir: &Path) -> Result<BuildTimes> {
    let timed = || -> Result<BuildTimes> {
        let mut times = BuildTimes {
            cold: Vec::new(),
            edit: None,
            pictures: Vec::new(),
        };
        for n in BUILD_STORY_COUNTS {
            let at = dir.join(n.to_string());
            let content = build_content(ctx, &at, n)?;
            make_cold(ctx)?;
            let plural = if n == 1 { "story" } else { "stories" };
            times
                .cold
                .push(timed_build(ctx, &format!("cold, {n} {plural}"), n, &at)?);
            if n == 2 {
                let file = content.join("riverside-library-1.toml");
                let text = fs::read_to_string(&file)
                    .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
                fs::write(&file, with_edited_headline(&text)?)
                    .map_err(|e| format!("cannot write {}: {e}", file.display()))?;
                times.edit = Some(timed_build(ctx, "story-only edit, 2 stories", n, &at)?);
            }
        }
        // Pictures: none made yet (the picture cache emptied), then a text edit.
        let at = dir.join("pictures");
        let content = pictures_content(ctx, &at)?;
        let cache = ctx.root.join("target").join("pictures");
        if cache.exists() {
            fs::remove_dir_all(&cache)
                .map_err(|e| format!("cannot clear {}: {e}", cache.display()))?;
        }
        let what = format!("{PICTURES} pictures, none made yet");
        times.pictures.push(timed_build(ctx, &what, 2, &at)?);
        let file = content.join("riverside-library.toml");
        let text = fs::read_to_string(&file)
            .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        fs::write(&file, with_edited_headline(&text)?)
            .map_err(|e| format!("cannot write {}: {e}", file.display()))?;
        let what = format!("{PICTURES} pictures, text-only edit");
        times.pictures.push(timed_build(ctx, &what, 2, &at)?);
        Ok(times)
    };
    let times = timed();
    println!("bench: building the runtime again, as it was before the timed builds");
    let restored = crate::runtime::build(ctx, "/", false);
    let times = times?;
    restored?;
    Ok(times)
}

// --------------------------------------------------------------- the report

/// A target, met or not (`ok: None`: not measured).
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub ok: Option<bool>,
    pub text: String,
}

impl Target {
    pub fn verdict(&self) -> &'static str {
        match self.ok {
            Some(true) => "PASS",
            Some(false) => "MISS",
            None => "MISS (not measured)",
        }
    }
}

fn ms(v: Option<f64>) -> String {
    v.map_or("?".to_owned(), |v| format!("{v:.0} ms"))
}

fn unitless(v: Option<f64>) -> String {
    v.map_or("?".to_owned(), |v| format!("{v:.3}"))
}

/// The page targets, each on every profile: LCP within [`LCP_LIMIT_FACTOR`]
/// of the static limit's (medians), CLS below [`CLS_BELOW`] in every sample
/// of our page, interactive sooner than TimelineJS is drawn (medians).
pub fn page_targets(s: &Samples) -> Vec<Target> {
    let mut out = lcp_and_cls_targets(s, "");
    for p in PROFILES {
        let (ready, drawn) = (
            s.median("ours", p, "interactive"),
            s.median("peer", p, "drawn"),
        );
        out.push(Target {
            ok: ready.zip(drawn).map(|(r, d)| r < d),
            text: format!(
                "interactive sooner than TimelineJS is drawn, {p}: {} vs {} ({})",
                ms(ready),
                ms(drawn),
                ratio(ready, drawn),
            ),
        });
    }
    out
}

/// The LCP and CLS targets of a story page (`ours`) beside its static
/// limit (`limit`), on every profile; `what` follows the profile's name.
pub fn lcp_and_cls_targets(s: &Samples, what: &str) -> Vec<Target> {
    let mut out = Vec::new();
    for p in PROFILES {
        let (ours, limit) = (s.median("ours", p, "lcp"), s.median("limit", p, "lcp"));
        out.push(Target {
            ok: ours.zip(limit).map(|(o, l)| o <= LCP_LIMIT_FACTOR * l),
            text: format!(
                "LCP within {LCP_LIMIT_FACTOR}x of the static limit, {p}{what}: {} vs {} ({}; at most {} allowed)",
                ms(ours),
                ms(limit),
                ratio(ours, limit),
                ms(limit.map(|l| l * LCP_LIMIT_FACTOR)),
            ),
        });
    }
    for p in PROFILES {
        let v = s.values("ours", p, "cls");
        let max = v.iter().copied().reduce(f64::max);
        out.push(Target {
            ok: max.map(|m| m < CLS_BELOW),
            text: format!(
                "CLS 0, {p}{what} (every sample of our page below {CLS_BELOW}): median {}, max {} ({} samples)",
                unitless(median(&v)),
                unitless(max),
                v.len(),
            ),
        });
    }
    out
}

/// What the picture page's targets say after the profile.
pub const WITH_PICTURES: &str = ", the test story with its lead picture above the fold";

fn kib(bytes: u64) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}

/// The first-load budget, one target per story page.
pub fn size_targets(sizes: &[PageSize]) -> Vec<Target> {
    let budget = format!(
        "first-load wasm+js+css (inline CSS included) at most {} KiB gzip",
        GZIP_BUDGET_BYTES / 1024
    );
    if sizes.is_empty() {
        return vec![Target {
            ok: None,
            text: format!("{budget}: no story page found"),
        }];
    }
    sizes
        .iter()
        .map(|p| Target {
            ok: Some(p.total() <= GZIP_BUDGET_BYTES),
            text: format!(
                "{budget}, `{}`: {} ({} bytes: files {}, inline CSS {})",
                p.page,
                kib(p.total()),
                p.total(),
                p.files,
                p.inline_css
            ),
        })
        .collect()
}

/// Everything the report says.
pub struct Report {
    pub runs: u32,
    /// The site measured, as shown.
    pub site: String,
    /// How its runtime came to be (built, or up to date), as shown.
    pub site_runtime: String,
    pub stories: Vec<String>,
    pub sizes: Vec<PageSize>,
    /// `None`: skipped.
    pub pages: Option<Pages>,
    pub builds: Builds,
}

/// What a build's wall clock spent outside its runtime and pages phases.
fn rest(b: &TimedBuild) -> Duration {
    b.wall
        .saturating_sub(b.line.runtime)
        .saturating_sub(b.line.pages_took)
}

fn millis(d: Duration) -> String {
    format!("{:.0} ms", d.as_secs_f64() * 1000.0)
}

/// `b - a`, signed, in seconds.
fn signed(a: Duration, b: Duration) -> String {
    let d = b.as_secs_f64() - a.as_secs_f64();
    format!("{}{:.1}s", if d < 0.0 { "−" } else { "+" }, d.abs())
}

impl Report {
    /// Every target: the page ones (when measured), then the sizes.
    pub fn targets(&self) -> Vec<Target> {
        let mut out = self
            .pages
            .as_ref()
            .map(|p| page_targets(&p.samples))
            .unwrap_or_default();
        if let Some(s) = self.pages.as_ref().and_then(|p| p.pictures.as_ref()) {
            out.extend(lcp_and_cls_targets(s, WITH_PICTURES));
        }
        out.extend(size_targets(&self.sizes));
        out
    }

    pub fn markdown(&self) -> String {
        let mut md = String::new();
        let _ = writeln!(
            md,
            "# Benchmark: our page, the static limit, TimelineJS; build times\n"
        );
        let _ = writeln!(
            md,
            "`cargo xtask bench --runs {}`. Site measured: `{}`, built by `crate::build` ({}), \
             stories: {}.\n",
            self.runs,
            self.site,
            self.site_runtime,
            self.stories
                .iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(", "),
        );

        let _ = writeln!(md, "## Targets\n");
        let targets = self.targets();
        for t in &targets {
            let _ = writeln!(md, "- {}: {}", t.verdict(), t.text);
        }
        if self.pages.is_none() {
            let _ = writeln!(
                md,
                "- (LCP, CLS and the TimelineJS comparison not measured: `--skip-pages yes`)"
            );
        }
        let passed = targets.iter().filter(|t| t.ok == Some(true)).count();
        let _ = writeln!(
            md,
            "\n{passed} of {} PASS. Misses are reported, not failures.\n",
            targets.len()
        );

        match &self.pages {
            Some(pages) => self.pages_markdown(&mut md, pages),
            None => {
                let _ = writeln!(md, "## Pages\n\nSkipped (`--skip-pages yes`).\n");
            }
        }
        self.sizes_markdown(&mut md);
        self.builds_markdown(&mut md);
        if let Some(pages) = &self.pages {
            loopback_markdown(&mut md, &pages.samples);
        }
        md
    }

    fn pages_markdown(&self, md: &mut String, pages: &Pages) {
        let s = &pages.samples;
        let _ = writeln!(md, "## Pages\n");
        let _ = writeln!(
            md,
            "Medians of {} runs per page on each profile, in one run of the browser: each run \
             loads, for each profile in turn, ours, limit and peer, each in a fresh browser \
             context. Both profiles: 4x CPU slowdown, 1.6 Mbps down / 750 kbps up, 150 ms \
             added per request, cache disabled. Chromium {}, Node {}, {} (load average {} at \
             start, {} at end; {} s of loads). Served from 127.0.0.1 by `bench/bench.mjs`, \
             with brotli (quality 11) or gzip (level 9) as the browser's Accept-Encoding \
             allows, compressed before the first load.\n",
            pages.summary.runs,
            s.meta("chromium").unwrap_or("?"),
            s.meta("node").unwrap_or("?"),
            s.meta("cpus").unwrap_or("?"),
            s.meta("loadavg_start").unwrap_or("?"),
            s.meta("loadavg_end").unwrap_or("?"),
            s.meta("measure_seconds").unwrap_or("?"),
        );
        let _ = writeln!(
            md,
            "- **ours**: `{site}/` as built: its root `index.html`, the default story, \
             pre-rendered; its islands hydrate over that markup.\n\
             - **limit**: the static copy taken from our page as a reader sees it: loaded in \
             Chromium without throttling ({from}), once `<html data-app-ready>` was set, \
             `document.documentElement.outerHTML` after `<!doctype html>`, with every \
             `<script>` and `link[rel=preload|modulepreload]` removed ({removed}), and the \
             files it references copied ({copied}). Inline CSS the same as our page's: {css}; \
             the same copy on every profile: {same}.\n\
             - **peer**: a TimelineJS {tl} page with the same dated milestones \
             (npm `{TIMELINEJS_PACKAGE}`, served locally, no web fonts).\n",
            site = self.site,
            from = s.meta("limit_from_profile").unwrap_or("?"),
            removed = s.meta("limit_removed").unwrap_or("?"),
            copied = s
                .meta("limit_copied")
                .filter(|c| !c.is_empty())
                .unwrap_or("none"),
            css = s.meta("limit_inline_css_same").unwrap_or("?"),
            same = s.meta("limit_same_on_every_profile").unwrap_or("?"),
            tl = s.meta("timelinejs").unwrap_or(""),
        );

        for p in PROFILES {
            let _ = writeln!(
                md,
                "### Timings, {} (ms; CLS unitless)\n",
                s.meta(&format!("profile.{p}")).unwrap_or(p)
            );
            md.push_str(&timing_table(s, p));
            let _ = writeln!(
                md,
                "\nLCP elements: ours {}; limit {}; peer {}.\n",
                s.lcp_elements("ours", p),
                s.lcp_elements("limit", p),
                s.lcp_elements("peer", p),
            );
        }
        let _ = writeln!(
            md,
            "Cells: median (min–max). TBT: the part beyond 50 ms of each long task after FCP, \
             until 1.5 s after the page was ready and the network idle. Interactive: when \
             `<html data-app-ready>` appears; drawn: when TimelineJS's `.tl-timenav` (with a \
             `.tl-timemarker`) and a `.tl-slide` are in the DOM with a box (both from a \
             MutationObserver in an init script).\n"
        );

        loading_markdown(md, s);

        let _ = writeln!(md, "### Bytes\n");
        let summary = &pages.summary;
        let mut rows = vec![[
            "page",
            "file",
            "type",
            "raw",
            "gzip -9",
            "brotli q11",
            "on the wire",
            "served as",
        ]
        .map(String::from)
        .to_vec()];
        for page in PAGES {
            for r in summary.files.get(page).into_iter().flatten() {
                rows.push(vec![
                    page.to_owned(),
                    format!("`{}`", r.path),
                    r.kind.to_lowercase(),
                    r.raw.to_string(),
                    r.gzip.to_string(),
                    r.brotli.to_string(),
                    r.wire.to_string(),
                    r.encodings.join(", "),
                ]);
            }
            rows.push(vec![
                format!("**{page}**"),
                "**all**".to_owned(),
                String::new(),
                summary.total(page, |r| r.raw).to_string(),
                summary.total(page, |r| r.gzip).to_string(),
                summary.total(page, |r| r.brotli).to_string(),
                summary.total(page, |r| r.wire).to_string(),
                String::new(),
            ]);
        }
        md.push_str(&table(&rows));
        let per_profile: Vec<String> = PROFILES
            .iter()
            .map(|p| {
                let w = |page: &str| s.wire_per_load(page, p);
                format!(
                    "{p}: ours/limit {}, ours/peer {} ({:.0} / {:.0} / {:.0} bytes)",
                    ratio(w("ours"), w("limit")),
                    ratio(w("ours"), w("peer")),
                    w("ours").unwrap_or(f64::NAN),
                    w("limit").unwrap_or(f64::NAN),
                    w("peer").unwrap_or(f64::NAN),
                )
            })
            .collect();
        let _ = writeln!(
            md,
            "\nraw, gzip and brotli: the file's bytes and the bodies the server had ready for it; \
             on the wire: what Chromium received for it (CDP `encodedDataLength`, headers \
             included, median of every load on both profiles). Bytes on the wire per load \
             (median of the runs' totals), {}.\n",
            per_profile.join("; "),
        );
    }

    fn sizes_markdown(&self, md: &mut String) {
        let _ = writeln!(md, "## First load of every story page (gzip -9)\n");
        let mut rows = vec![
            ["page", "wasm+js+css files", "inline CSS", "total", "budget"]
                .map(String::from)
                .to_vec(),
        ];
        for p in &self.sizes {
            rows.push(vec![
                format!("`{}`", p.page),
                p.files.to_string(),
                p.inline_css.to_string(),
                format!("{} ({})", p.total(), kib(p.total())),
                format!(
                    "{} ({GZIP_BUDGET_BYTES})",
                    if p.total() <= GZIP_BUDGET_BYTES {
                        "within"
                    } else {
                        "OVER"
                    }
                ),
            ]);
        }
        md.push_str(&table(&rows));
        let _ = writeln!(
            md,
            "\nFrom `crate::size::measure_site` over `{}`: for each story page, the top-level \
             wasm, js and css files it names and its inline `<style>` CSS, gzip -9 (bytes).\n",
            self.site
        );
    }

    fn builds_markdown(&self, md: &mut String) {
        let _ = writeln!(md, "## Build times\n");
        let times = match &self.builds {
            Builds::Skipped => {
                let _ = writeln!(md, "Skipped (`--skip-builds yes`).\n");
                return;
            }
            Builds::Failed(e) => {
                let _ = writeln!(md, "The measurement broke: {e}\n");
                return;
            }
            Builds::Done(times) => times,
        };
        let _ = writeln!(
            md,
            "Each row: `cargo xtask build --content target/bench/builds/N/content --dist \
             target/bench/builds/N/dist` run once as a child process (`--runs` does not apply; \
             xtask itself compiled before, untimed). Wall clock: measured here, start to exit; \
             runtime and pages (rendering and writing every story's page): the phases from its \
             `build: done in …` line; rest: the difference (cargo starting \
             xtask, setup checks, reading and validating the stories, the size check). Content: `content/story.toml` plus \
             N−1 copies of `{TEST_STORY}`, slugs `{TEST_SLUG}-1`, `{TEST_SLUG}-2`, … .\n\n\
             Cold = no runtime build and no compiled explainer code for wasm; dependencies' \
             compiled code kept: before each cold build, `target/runtime/root/` (the runtime \
             built for `/`) is removed and `cargo clean --package explainer --release --target \
             {}` is run.\n",
            crate::setup::WASM_TARGET
        );
        let mut rows = vec![[
            "build",
            "stories",
            "wall clock",
            "runtime",
            "pages",
            "rest",
            "pre-render, again",
            "size check, again",
        ]
        .map(String::from)
        .to_vec()];
        for b in times.cold.iter().chain(&times.edit).chain(&times.pictures) {
            let rest = rest(b);
            rows.push(vec![
                b.what.clone(),
                b.stories.to_string(),
                fmt_duration(b.wall),
                format!(
                    "{} {}",
                    if b.line.runtime_built {
                        "built"
                    } else {
                        "up to date"
                    },
                    fmt_duration(b.line.runtime)
                ),
                fmt_duration(b.line.pages_took),
                fmt_duration(rest),
                millis(b.prerender),
                millis(b.size_check),
            ]);
        }
        md.push_str(&table(&rows));
        md.push('\n');
        let _ = writeln!(
            md,
            "pre-render, again; size check, again: after each build, untimed above, its \
             stories loaded and rendered again in this process into a scratch folder \
             (`site::write`'s own timing), and its site's size check (`measure_site`, one \
             Node brotli run for all its files) timed again.\n"
        );
        if let (Some(first), Some(last)) = (times.cold.first(), times.cold.last()) {
            if first.stories != last.stories {
                let _ = writeln!(
                    md,
                    "From {} to {} stories, cold: wall clock {}; runtime {}, pages {}, rest {} \
                     (pre-render, again: {} to {}; size check, again: {} to {}). The runtime is \
                     one build whatever the number of stories: it does not read them.\n",
                    first.stories,
                    last.stories,
                    signed(first.wall, last.wall),
                    signed(first.line.runtime, last.line.runtime),
                    signed(first.line.pages_took, last.line.pages_took),
                    signed(rest(first), rest(last)),
                    millis(first.prerender),
                    millis(last.prerender),
                    millis(first.size_check),
                    millis(last.size_check),
                );
            }
        }
        if let [cold, edit, ..] = times.pictures.as_slice() {
            let _ = writeln!(
                md,
                "Pictures: the project's story and the test story with {PICTURES} pictures \
                 (`target/bench/builds/pictures/content`). With none made yet (`target/pictures/` \
                 emptied), wall clock {}, of which rest {} (reading the stories: each picture \
                 read, resized to three widths and written as WebP and JPEG or PNG) and pages {} \
                 (copied into the site); after a text-only edit (its headline), wall clock {}, \
                 rest {}, pages {}: the pictures, unchanged, are found by their hash, not made \
                 again.\n",
                fmt_duration(cold.wall),
                fmt_duration(rest(cold)),
                fmt_duration(cold.line.pages_took),
                fmt_duration(edit.wall),
                fmt_duration(rest(edit)),
                fmt_duration(edit.line.pages_took),
            );
        }
        if let Some(e) = &times.edit {
            let _ = writeln!(
                md,
                "Story-only edit (the test story's headline, after the 2-story build): runtime \
                 {} ({}), pages {}, wall clock {}. `cargo xtask serve` does not run a build for \
                 it at all: it re-renders the edited story when the file is saved \
                 (`e2e/specs/serve.spec.mjs` measures the reload, ~200 ms).\n",
                if e.line.runtime_built {
                    "REBUILT (a code, style or tool change came in between?)"
                } else {
                    "up to date, its stamp checked"
                },
                fmt_duration(e.line.runtime),
                fmt_duration(e.line.pages_took),
                fmt_duration(e.wall),
            );
        }
    }
}

/// One profile's timings: ours, limit and peer, with the ratios.
fn timing_table(s: &Samples, p: &str) -> String {
    let spread = |page: &str, m: &str| -> String {
        let v = s.values(page, p, m);
        match (
            median(&v),
            v.iter().copied().reduce(f64::min),
            v.iter().copied().reduce(f64::max),
        ) {
            (Some(med), Some(lo), Some(hi)) => {
                if m == "cls" {
                    format!("{med:.3} ({lo:.3}–{hi:.3})")
                } else {
                    format!("{med:.0} ({lo:.0}–{hi:.0})")
                }
            }
            _ => "—".to_owned(),
        }
    };
    let med = |page: &str, m: &str| s.median(page, p, m);
    let mut rows = vec![
        ["metric", "ours", "limit", "peer", "ours/limit", "ours/peer"]
            .map(String::from)
            .to_vec(),
    ];
    let metrics: [(&str, &str, &str); 7] = [
        ("First contentful paint", "fcp", "fcp"),
        ("Largest contentful paint", "lcp", "lcp"),
        ("Cumulative layout shift", "cls", "cls"),
        ("Total blocking time", "tbt", "tbt"),
        ("DOMContentLoaded", "dcl", "dcl"),
        ("Load event", "load", "load"),
        ("Interactive (ours) / drawn (peer)", "interactive", "drawn"),
    ];
    for (label, ours_m, peer_m) in metrics {
        let app = ours_m == "interactive";
        rows.push(vec![
            label.to_owned(),
            spread("ours", ours_m),
            // The static page has no app: it is never "ready".
            if app {
                "— (no app)".to_owned()
            } else {
                spread("limit", ours_m)
            },
            spread("peer", peer_m),
            if app {
                "—".to_owned()
            } else {
                ratio(med("ours", ours_m), med("limit", ours_m))
            },
            ratio(med("ours", ours_m), med("peer", peer_m)),
        ]);
    }
    table(&rows)
}

/// When each file of our page was requested and received, beside its paints.
fn loading_markdown(md: &mut String, s: &Samples) {
    let _ = writeln!(md, "### Loading order of our page\n");
    let mut paths: Vec<&str> = Vec::new();
    for f in s.files.iter().filter(|f| f.page == "ours") {
        if !paths.contains(&f.path.as_str()) {
            paths.push(&f.path);
        }
    }
    let mut header = vec!["file".to_owned()];
    header.extend(
        PROFILES
            .iter()
            .map(|p| format!("{p}: requested – received")),
    );
    let mut rows = vec![header];
    let when = |path: &str, p: &str, pick: fn(&FileSample) -> Option<f64>| {
        let v: Vec<f64> = s
            .files
            .iter()
            .filter(|f| f.page == "ours" && f.profile == p && f.path == path)
            .filter_map(pick)
            .collect();
        median(&v)
    };
    for path in &paths {
        let mut row = vec![format!("`{path}`")];
        for p in PROFILES {
            row.push(format!(
                "{} – {}",
                ms(when(path, p, |f| f.start)),
                ms(when(path, p, |f| f.end))
            ));
        }
        rows.push(row);
    }
    for (label, m) in [
        ("first contentful paint", "fcp"),
        ("largest contentful paint", "lcp"),
        ("DOMContentLoaded", "dcl"),
        ("interactive", "interactive"),
    ] {
        let mut row = vec![format!("*{label}*")];
        row.extend(PROFILES.iter().map(|p| ms(s.median("ours", p, m))));
        rows.push(row);
    }
    md.push_str(&table(&rows));
    let code = |p: &str| -> Option<(f64, &str)> {
        paths
            .iter()
            .filter(|path| {
                let bare = path.split(['?', '#']).next().unwrap_or("");
                bare.ends_with(".js") || bare.ends_with(".wasm")
            })
            .filter_map(|path| when(path, p, |f| f.start).map(|t| (t, *path)))
            .min_by(|a, b| a.0.total_cmp(&b.0))
    };
    let notes: Vec<String> = PROFILES
        .iter()
        .map(|p| match (code(p), s.median("ours", p, "fcp")) {
            (Some((t, path)), Some(fcp)) => format!(
                "{p}: the runtime's first request (`{path}`) starts at {t:.0} ms, {} the first \
                 paint ({fcp:.0} ms)",
                if t < fcp { "before" } else { "after" }
            ),
            _ => format!("{p}: no runtime request or no first paint recorded"),
        })
        .collect();
    let _ = writeln!(
        md,
        "\nMedians, ms from navigation start (Resource Timing; the document from 0 to its \
         response end). {}.\n",
        notes.join("; ")
    );
}

/// What left loopback, and errors.
fn loopback_markdown(md: &mut String, s: &Samples) {
    let _ = writeln!(md, "## Requests that left loopback\n");
    let mut foreign: Vec<String> = s
        .foreign
        .iter()
        .map(|(page, _, u)| format!("- {page}: `{u}`"))
        .collect();
    foreign.sort();
    foreign.dedup();
    if foreign.is_empty() {
        let _ = writeln!(md, "None: every request of every page went to 127.0.0.1.\n");
    } else {
        let _ = writeln!(
            md,
            "Recorded; none could leave: the browser resolves no host name but \
             localhost.\n\n{}\n",
            foreign.join("\n")
        );
    }
    let mut errors: Vec<String> = s
        .errors
        .iter()
        .map(|(page, profile, e)| format!("- {page} ({profile}): {e}"))
        .collect();
    errors.extend(
        s.meta
            .iter()
            .filter(|(k, _)| k.starts_with("snapshot_error."))
            .map(|(k, v)| format!("- limit snapshot ({}): {v}", &k["snapshot_error.".len()..])),
    );
    errors.sort();
    errors.dedup();
    if !errors.is_empty() {
        let _ = writeln!(md, "## Console and page errors\n\n{}\n", errors.join("\n"));
    }
}

/// A Markdown table with padded columns (readable in a terminal too).
pub fn table(rows: &[Vec<String>]) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let width = |c: usize| {
        rows.iter()
            .map(|r| r.get(c).map_or(0, |s| s.chars().count()))
            .max()
            .unwrap_or(0)
            .max(3)
    };
    let widths: Vec<usize> = (0..cols).map(width).collect();
    let line = |r: &Vec<String>| {
        let cells: Vec<String> = (0..cols)
            .map(|c| {
                let s = r.get(c).map_or("", String::as_str);
                format!("{s}{}", " ".repeat(widths[c] - s.chars().count()))
            })
            .collect();
        format!("| {} |\n", cells.join(" | "))
    };
    let mut out = String::new();
    if let Some((head, body)) = rows.split_first() {
        out.push_str(&line(head));
        let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
        out.push_str(&format!("| {} |\n", rule.join(" | ")));
        for r in body {
            out.push_str(&line(r));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_of_odd_even_and_empty() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), Some(2.5));
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[f64::NAN, 5.0]), Some(5.0));
    }

    #[test]
    fn ratios_read_as_multiples() {
        assert_eq!(ratio(Some(125.0), Some(100.0)), "1.25x");
        assert_eq!(ratio(Some(1.0), Some(3.0)), "0.33x");
        assert_eq!(ratio(Some(1.0), Some(0.0)), "n/a");
        assert_eq!(ratio(None, Some(1.0)), "n/a");
    }

    #[test]
    fn options_take_runs_and_yes_or_no() {
        assert_eq!(runs_option(None), Ok(DEFAULT_RUNS));
        assert_eq!(runs_option(Some("3")), Ok(3));
        assert!(runs_option(Some("0")).is_err());
        assert!(runs_option(Some("many")).is_err());
        assert_eq!(yes_no("--skip-builds", None), Ok(false));
        assert_eq!(yes_no("--skip-builds", Some("yes")), Ok(true));
        assert_eq!(yes_no("--skip-builds", Some("no")), Ok(false));
        // `--skip-builds --runs 3` must not read `--runs` as a yes.
        let e = yes_no("--skip-builds", Some("--runs")).unwrap_err();
        assert!(e.contains("yes or no"), "{e}");
    }

    #[test]
    fn bench_mjs_measures_the_profiles_named_here() {
        let mjs = fs::read_to_string(Ctx::new().root.join("bench").join("bench.mjs")).unwrap();
        for p in PROFILES {
            assert!(
                mjs.contains(&format!("name: '{p}'")),
                "{p} not in bench.mjs"
            );
        }
    }

    #[test]
    fn json_is_escaped_for_a_script_element() {
        let j = Json::object([
            ("a", Json::str("say \"hi\"</script><!--\n\\")),
            ("n", Json::Array(vec![num(2026), num(-1), num(0.5)])),
        ]);
        assert_eq!(
            script_json(&j),
            r#"{"a":"say \"hi\"\u003c/script>\u003c!--\n\\","n":[2026,-1,0.5]}"#
        );
        assert_eq!(json::parse(&script_json(&j)), Ok(j));
    }

    #[test]
    fn timelinejs_dates_keep_the_story_precision() {
        let parse = |s| Date::parse(s).unwrap();
        let text = |j: Json| json::stringify(&j);
        assert_eq!(
            text(tl_date(parse("2026-Q2"))),
            r#"{"year":2026,"month":4,"display_date":"Q2 2026"}"#
        );
        assert_eq!(
            text(tl_date(parse("2026"))),
            r#"{"year":2026,"display_date":"2026"}"#
        );
        assert_eq!(
            text(tl_date(parse("2025-10-15"))),
            r#"{"year":2025,"month":10,"day":15,"display_date":"15 Oct 2025"}"#
        );
        assert_eq!(
            text(tl_end_date(parse("2025"))),
            r#"{"year":2025,"month":12,"day":31,"display_date":"2025"}"#
        );
    }

    #[test]
    fn the_peer_shows_every_dated_milestone() {
        let story = project_story(&Ctx::new()).unwrap();
        let (data, undated) = timelinejs_data(&story);
        let events = data.get("events").and_then(Json::as_array).unwrap();
        let dated = story
            .timeline
            .as_ref()
            .unwrap()
            .milestones
            .iter()
            .filter(|m| m.when.is_some())
            .count();
        assert_eq!(events.len(), dated);
        assert_eq!(
            dated + undated,
            story.timeline.as_ref().unwrap().milestones.len()
        );
        let html = peer_html(&story, &data);
        assert!(html.contains("new TL.Timeline(\"timeline-embed\", {\"title\""));
        let script = html.split("new TL.Timeline(").nth(1).unwrap();
        let script = &script[..script.find("</script>").unwrap()];
        assert!(!script.contains('<'), "a `<` in the inline script");
        assert!(
            !html.contains("https://"),
            "the peer must load nothing remote"
        );
    }

    /// Samples of `(page, profile, metric, values by run)`.
    fn samples(metrics: &[(&str, &str, &str, &[f64])]) -> Samples {
        let mut text = String::from("meta\tchromium\t140\n");
        for (page, profile, name, values) in metrics {
            for (i, v) in values.iter().enumerate() {
                let _ = writeln!(text, "metric\t{page}\t{profile}\t{}\t{name}\t{v}", i + 1);
            }
        }
        Samples::parse(&text).unwrap()
    }

    #[test]
    fn parses_samples_per_profile() {
        let text = "meta\tchromium\t140\n\
            metric\tours\t360x740\t1\tfcp\t500.5\n\
            metric\tours\t360x740\t1\tlcp\t\n\
            metric\tours\t360x740\t2\tfcp\t700\n\
            metric\tours\t412x823\t1\tfcp\t900\n\
            metric\tours\t360x740\t1\tload\t800\n\
            file\tours\t360x740\t1\t/\tDocument\tbr\t9000\t40000\t10000\t8000\t0.0\t310.2\n\
            file\tours\t360x740\t1\t/app_bg.wasm\tFetch\tbr\t90000\t300000\t100000\t85000\t400.1\t\n\
            file\tours\t360x740\t2\t/app_bg.wasm\tFetch\tbr\t90010\t300000\t100000\t85000\t\t\n\
            file\tours\t412x823\t1\t/app_bg.wasm\tFetch\tbr\t90020\t300000\t100000\t85000\t\t\n\
            foreign\tpeer\t412x823\t1\thttps://example.org/x\n\
            error\tpeer\t412x823\t1\tconsole: boom\n";
        let s = Samples::parse(text).unwrap();
        assert_eq!(s.meta("chromium"), Some("140"));
        assert_eq!(median(&s.values("ours", "360x740", "fcp")), Some(600.25));
        assert_eq!(s.values("ours", "412x823", "fcp"), [900.0]);
        assert!(s.values("ours", "360x740", "lcp").is_empty());
        assert_eq!(s.files[0].end, Some(310.2));
        assert_eq!((s.files[1].start, s.files[1].end), (Some(400.1), None));
        // Per load: run 1 is 99 000 bytes, run 2 is 90 010.
        assert_eq!(s.wire_per_load("ours", "360x740"), Some(94_505.0));
        assert_eq!(s.wire_per_load("ours", "412x823"), Some(90_020.0));
        let summary = Summary::from_samples(&s).unwrap();
        assert_eq!(summary.runs, 1);
        let wasm = &summary.files["ours"][1];
        assert_eq!((wasm.path.as_str(), wasm.wire), ("/app_bg.wasm", 90_010));
        assert_eq!(s.foreign[0].2, "https://example.org/x");
        assert_eq!(
            s.errors[0],
            ("peer".into(), "412x823".into(), "console: boom".into())
        );
        assert!(Samples::parse("what\n").is_err());
        assert!(Summary::from_samples(&Samples::default()).is_err());
    }

    #[test]
    fn every_page_target_is_judged_on_every_profile() {
        let [a, b] = PROFILES;
        let s = samples(&[
            // a: 1.10x, within 1.15x; b: 1.20x, a miss.
            ("ours", a, "lcp", &[1100.0, 1000.0, 1200.0]),
            ("limit", a, "lcp", &[1000.0, 900.0, 1100.0]),
            ("ours", b, "lcp", &[1200.0]),
            ("limit", b, "lcp", &[1000.0]),
            // a: every sample below 0.001; b: one shift spoils the median of 0.
            ("ours", a, "cls", &[0.0, 0.0005, 0.0]),
            ("ours", b, "cls", &[0.0, 0.0, 0.002]),
            ("ours", a, "interactive", &[900.0]),
            ("peer", a, "drawn", &[3000.0]),
            // b: no peer sample.
            ("ours", b, "interactive", &[900.0]),
        ]);
        let t = page_targets(&s);
        let verdicts: Vec<&str> = t.iter().map(Target::verdict).collect();
        assert_eq!(
            verdicts,
            [
                "PASS",
                "MISS",
                "PASS",
                "MISS",
                "PASS",
                "MISS (not measured)"
            ]
        );
        assert!(t[0].text.contains(a) && t[1].text.contains(b));
        assert!(t[1].text.contains("1.20x"), "{}", t[1].text);
        assert!(t[3].text.contains("max 0.002"), "{}", t[3].text);
        // Exactly at the factor passes; no sample at all is not a pass.
        let edge = samples(&[
            ("ours", a, "lcp", &[1150.0]),
            ("limit", a, "lcp", &[1000.0]),
        ]);
        assert_eq!(page_targets(&edge)[0].ok, Some(true));
        assert_eq!(page_targets(&edge)[2].ok, None);
    }

    #[test]
    fn the_size_budget_holds_for_every_story_page() {
        let page = |name: &str, files: u64| PageSize {
            page: name.into(),
            files,
            inline_css: 4_000,
        };
        let t = size_targets(&[
            page("index.html", GZIP_BUDGET_BYTES - 4_000),
            page("big/", GZIP_BUDGET_BYTES - 3_999),
        ]);
        assert_eq!((t[0].ok, t[1].ok), (Some(true), Some(false)));
        assert!(t[1].text.contains("`big/`"), "{}", t[1].text);
        assert_eq!(size_targets(&[])[0].ok, None);
    }

    #[test]
    fn sizes_split_the_inline_css_from_the_files() {
        let entry = |name: &str, gzip: u64| crate::size::Entry {
            name: name.into(),
            raw: gzip * 3,
            gzip,
            brotli: None,
        };
        let report = crate::size::Report {
            entries: vec![entry("app_bg.wasm", 40_000), entry(INLINE_CSS, 5_000)],
        };
        assert_eq!(
            page_sizes(&[("index.html".into(), report)]),
            [PageSize {
                page: "index.html".into(),
                files: 40_000,
                inline_css: 5_000
            }]
        );
    }

    #[test]
    fn build_lines_give_their_phases() {
        assert_eq!(parse_duration("4.2s"), Some(Duration::from_millis(4200)));
        assert_eq!(parse_duration("12 ms"), Some(Duration::from_millis(12)));
        assert_eq!(parse_duration("3m 07s"), Some(Duration::from_secs(187)));
        assert_eq!(parse_duration("soon"), None);
        for d in [Duration::from_millis(4200), Duration::from_secs(187)] {
            assert_eq!(parse_duration(&fmt_duration(d)), Some(d));
        }
        let out = "site: 2 stories rendered in 0.1s\n\
            build: done in 1m 42s (runtime built: 1m 30s; 2 pages: 0.1s)\n";
        assert_eq!(
            parse_build_line(out),
            Some(BuildLine {
                total: Duration::from_secs(102),
                runtime_built: true,
                runtime: Duration::from_secs(90),
                pages: 2,
                pages_took: Duration::from_millis(100),
            })
        );
        let warm =
            parse_build_line("build: done in 2.5s (runtime up to date: 0.4s; 5 pages: 0.3s)")
                .unwrap();
        assert!(!warm.runtime_built);
        assert_eq!(warm.pages, 5);
        assert_eq!(parse_build_line("build: failed"), None);
    }

    #[test]
    fn copies_of_the_test_story_get_their_own_slug() {
        let text = fs::read_to_string(Ctx::new().root.join(TEST_STORY)).unwrap();
        let copy = with_slug(&text, 3).unwrap();
        assert!(copy.contains("\nslug = \"riverside-library-test-3\"\n"));
        assert_eq!(copy.len(), text.len() + 2);
        let story = explainer::story::parse("copy.toml", &copy).unwrap();
        assert_eq!(story.slug, "riverside-library-test-3");
        assert!(with_slug("slug = \"other\"", 1).is_err());

        let edited = with_edited_headline(&copy).unwrap();
        let story = explainer::story::parse("copy.toml", &edited).unwrap();
        assert!(
            story.headline.starts_with("Edited for the bench: "),
            "{}",
            story.headline
        );
        assert!(with_edited_headline("title = \"x\"").is_err());
    }

    fn report(pages: Option<Pages>, builds: Builds) -> Report {
        Report {
            runs: 3,
            site: "target/bench/site".into(),
            site_runtime: "runtime up to date in 0.4s".into(),
            stories: vec!["a".into()],
            sizes: vec![PageSize {
                page: "index.html".into(),
                files: 40_000,
                inline_css: 5_000,
            }],
            pages,
            builds,
        }
    }

    #[test]
    fn the_report_has_every_section() {
        let [a, b] = PROFILES;
        let s = samples(&[
            ("ours", a, "lcp", &[1000.0]),
            ("limit", a, "lcp", &[1000.0]),
            ("ours", b, "lcp", &[2000.0]),
            ("limit", b, "lcp", &[1000.0]),
            ("ours", a, "load", &[900.0]),
        ]);
        let summary = Summary::from_samples(&s).unwrap();
        let build = |what: &str, stories, built, runtime, pages| TimedBuild {
            what: what.into(),
            stories,
            prerender: Duration::from_millis(pages / 10),
            size_check: Duration::from_millis(300),
            wall: Duration::from_secs(runtime + 2),
            line: BuildLine {
                total: Duration::from_secs(runtime + 1),
                runtime_built: built,
                runtime: Duration::from_secs(runtime),
                pages: stories,
                pages_took: Duration::from_millis(pages),
            },
        };
        let times = BuildTimes {
            cold: vec![
                build("cold, 1 story", 1, true, 90, 100),
                build("cold, 5 stories", 5, true, 91, 300),
            ],
            edit: Some(build("story-only edit, 2 stories", 2, false, 0, 100)),
            pictures: vec![
                build("10 pictures, none made yet", 2, false, 0, 4000),
                build("10 pictures, text-only edit", 2, false, 0, 200),
            ],
        };
        let md = report(
            Some(Pages {
                pictures: Some(samples(&[
                    ("ours", a, "lcp", &[1100.0]),
                    ("limit", a, "lcp", &[1000.0]),
                    ("ours", a, "cls", &[0.0]),
                ])),
                samples: s,
                summary,
            }),
            Builds::Done(times),
        )
        .markdown();
        for part in [
            "## Targets",
            "- PASS: LCP within 1.15x of the static limit, 360x740",
            "- MISS: LCP within 1.15x of the static limit, 412x823",
            "- PASS: LCP within 1.15x of the static limit, 360x740, the test story with its lead picture above the fold: 1100 ms vs 1000 ms",
            "- PASS: CLS 0, 360x740, the test story with its lead picture above the fold",
            "- PASS: first-load wasm+js+css (inline CSS included) at most 120 KiB gzip, `index.html`",
            "### Timings, 360x740",
            "### Timings, 412x823",
            "### Loading order of our page",
            "### Bytes",
            "## First load of every story page",
            "## Build times",
            "Cold = no runtime build and no compiled explainer code for wasm; dependencies' compiled code kept",
            "From 1 to 5 stories, cold: wall clock +1.0s; runtime +1.0s, pages +0.2s, rest −0.2s (pre-render, again: 10 ms to 30 ms",
            "`cargo xtask serve` does not run a build",
            "| 10 pictures, text-only edit | 2       |",
            "With none made yet (`target/pictures/` emptied), wall clock 2.0s, of which rest",
            "## Requests that left loopback",
        ] {
            assert!(md.contains(part), "no `{part}` in\n{md}");
        }
        let md = report(None, Builds::Skipped).markdown();
        assert!(md.contains("1 of 1 PASS"), "{md}");
        assert!(md.contains("Skipped (`--skip-pages yes`)"), "{md}");
        assert!(md.contains("Skipped (`--skip-builds yes`)"), "{md}");
    }

    #[test]
    fn the_picture_story_shows_ten_pictures_once_each() {
        let text = fs::read_to_string(Ctx::new().root.join(TEST_STORY)).unwrap();
        let story = explainer::story::parse("t.toml", &with_pictures(&text, 6).unwrap()).unwrap();
        assert_eq!(story.figures.len(), PICTURES);
        assert_eq!(story.figures[9].file, "riverside-library/bench-6.jpg");
        assert!(with_pictures("no pictures", 6).is_err());
    }

    #[test]
    fn tables_pad_their_columns() {
        let t = table(&[
            vec!["a".into(), "bb".into()],
            vec!["ccc".into(), "d".into()],
        ]);
        assert_eq!(t, "| a   | bb  |\n| --- | --- |\n| ccc | d   |\n");
    }
}
