//! `cargo xtask bench [--runs N]`: our page beside its limit and its peer,
//! on a throttled phone profile, in one run.
//!
//! 1. Builds the release site (`cargo xtask build`).
//! 2. Writes the two pages it is measured against, under `target/bench/`:
//!    - `limit/`: the same article as static HTML: `dist/index.html` without
//!      any `<script>` and without the wasm/js preload links, with the CSS
//!      (everything in `dist/` but the `.wasm` and `.js` files);
//!    - `peer/`: a TimelineJS page (npm `@knight-lab/timelinejs`, its files
//!      copied from `node_modules`) showing the story's dated milestones,
//!      with the data generated here from `STORY.timeline`; no fonts or
//!      language files from the network.
//! 3. Runs `bench/bench.mjs` (Node, playwright-core, Debian's Chromium),
//!    which serves the three directories on 127.0.0.1 with gzip/brotli and
//!    writes one tab-separated line per sample.
//! 4. Takes medians, prints the report with the ours/limit and ours/peer
//!    ratios and the targets (PASS/MISS), and writes it as Markdown to
//!    `target/bench/report.md`. Timing misses are reported, not failures:
//!    only a broken run makes the command fail.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use explainer::dates::{Date, Precision, When};
use explainer::story::{Milestone, Story};

use crate::size::GZIP_BUDGET_BYTES;
use crate::util::{run, Ctx, Result};
use crate::Options;

/// Runs per page when `--runs` is not given.
pub const DEFAULT_RUNS: u32 = 5;
/// LCP target: at most this many times the static page's.
pub const LCP_LIMIT_FACTOR: f64 = 1.25;
/// CLS target.
pub const CLS_TARGET: f64 = 0.02;

/// The npm package of the peer, and where its built files are.
const TIMELINEJS_PACKAGE: &str = "@knight-lab/timelinejs";

const PAGES: [&str; 3] = ["ours", "limit", "peer"];

pub fn bench(ctx: &Ctx, opts: &Options) -> Result {
    let runs = match opts.get("--runs") {
        None => DEFAULT_RUNS,
        Some(n) => n
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=50).contains(n))
            .ok_or_else(|| format!("--runs takes a number from 1 to 50, not `{n}`"))?,
    };
    crate::build(ctx, &Options(Vec::new()))?;

    let out = ctx.root.join("target").join("bench");
    let limit = out.join("limit");
    let peer = out.join("peer");
    write_limit(&ctx.dist(), &limit)?;
    write_peer(ctx, &peer)?;
    println!(
        "bench: wrote the static limit page ({}) and the TimelineJS peer ({})",
        limit.display(),
        peer.display()
    );

    let samples_path = out.join("samples.tsv");
    let _ = fs::remove_file(&samples_path);
    let page_arg = |name: &str, dir: &Path| format!("{name}={}", dir.display());
    run(ctx
        .cmd("node")
        .arg(ctx.root.join("bench").join("bench.mjs"))
        .args(["--runs", &runs.to_string(), "--out"])
        .arg(&samples_path)
        .arg(page_arg("ours", &ctx.dist()))
        .arg(page_arg("limit", &limit))
        .arg(page_arg("peer", &peer)))?;

    let text = fs::read_to_string(&samples_path)
        .map_err(|e| format!("cannot read {}: {e}", samples_path.display()))?;
    let samples = Samples::parse(&text)?;
    let summary = Summary::from_samples(&samples)?;
    let report = summary.markdown(&samples);
    println!("\n{report}");
    let report_path = out.join("report.md");
    fs::write(&report_path, &report)
        .map_err(|e| format!("cannot write {}: {e}", report_path.display()))?;
    println!("bench: report written to {}", report_path.display());
    Ok(())
}

// ---------------------------------------------------------------- the limit

/// Every `<script>…</script>` removed, and every `<link>` that preloads a
/// script or the wasm (`rel=preload`/`modulepreload` to a `.js`/`.wasm`, or
/// `as=script`/`as=fetch`). Everything else, the CSS links included, stays.
pub fn strip_scripts(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let lower = html.to_ascii_lowercase();
    let mut i = 0;
    while i < html.len() {
        let rest = &lower[i..];
        if rest.starts_with("<script") && is_tag_end(rest.as_bytes().get(7)) {
            let end = rest
                .find("</script")
                .and_then(|close| rest[close..].find('>').map(|gt| close + gt + 1))
                .unwrap_or(rest.len());
            i += end;
            continue;
        }
        if rest.starts_with("<link") && is_tag_end(rest.as_bytes().get(5)) {
            let end = rest.find('>').map_or(rest.len(), |gt| gt + 1);
            if preloads_code(&rest[..end]) {
                i += end;
                continue;
            }
        }
        let ch = html[i..].chars().next().expect("i is on a char boundary");
        out.push(ch);
        i += ch.len_utf8();
    }
    out
}

fn is_tag_end(b: Option<&u8>) -> bool {
    matches!(b, Some(b'>' | b' ' | b'\t' | b'\n' | b'\r' | b'/'))
}

/// Is this (lower-cased) `<link …>` tag a preload of code?
fn preloads_code(tag: &str) -> bool {
    let attr = |name: &str| -> Option<String> {
        let at = tag.find(&format!(" {name}="))? + name.len() + 2;
        let v = &tag[at..];
        let v = match v.as_bytes().first() {
            Some(q @ (b'"' | b'\'')) => {
                let q = *q as char;
                v[1..].split(q).next().unwrap_or("")
            }
            // Unquoted (minified): up to whitespace or the tag's end; a
            // value may start with '/', so '/' does not end it.
            _ => v.split([' ', '\t', '\n', '\r', '>']).next().unwrap_or(""),
        };
        Some(v.trim().to_owned())
    };
    let rel = attr("rel").unwrap_or_default();
    if !rel
        .split_whitespace()
        .any(|r| r == "preload" || r == "modulepreload")
    {
        return false;
    }
    let href = attr("href").unwrap_or_default();
    let href = href.split(['?', '#']).next().unwrap_or("");
    rel.contains("modulepreload")
        || href.ends_with(".js")
        || href.ends_with(".mjs")
        || href.ends_with(".wasm")
        || matches!(attr("as").as_deref(), Some("script" | "fetch"))
}

/// `dist` without its `.wasm` and `.js` files, and its index.html without scripts.
fn write_limit(dist: &Path, out: &Path) -> Result {
    let index = dist.join("index.html");
    let html =
        fs::read_to_string(&index).map_err(|e| format!("cannot read {}: {e}", index.display()))?;
    fresh_dir(out)?;
    copy_tree(dist, out, &|p: &Path| {
        !matches!(
            p.extension().and_then(|e| e.to_str()),
            Some("wasm" | "js" | "mjs")
        )
    })?;
    let stripped = strip_scripts(&html);
    if stripped.to_ascii_lowercase().contains("<script") {
        return Err("the static limit page still has a <script>".into());
    }
    let target = out.join("index.html");
    fs::write(&target, stripped).map_err(|e| format!("cannot write {}: {e}", target.display()))
}

fn fresh_dir(dir: &Path) -> Result {
    if dir.exists() {
        fs::remove_dir_all(dir).map_err(|e| format!("cannot clear {}: {e}", dir.display()))?;
    }
    fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))
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

// ----------------------------------------------------------------- the peer

/// A JSON value, written by hand: xtask has no JSON dependency, and the
/// output goes inside a `<script>`, so `<` is always escaped.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Str(String),
    Num(i64),
    Arr(Vec<Json>),
    Obj(Vec<(&'static str, Json)>),
}

impl Json {
    fn str(s: impl Into<String>) -> Json {
        Json::Str(s.into())
    }

    pub fn write(&self, out: &mut String) {
        match self {
            Json::Str(s) => {
                out.push('"');
                for c in s.chars() {
                    match c {
                        '"' => out.push_str("\\\""),
                        '\\' => out.push_str("\\\\"),
                        '\n' => out.push_str("\\n"),
                        '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                            let _ = write!(out, "\\u{:04x}", c as u32);
                        }
                        c if (c as u32) < 0x20 => {
                            let _ = write!(out, "\\u{:04x}", c as u32);
                        }
                        c => out.push(c),
                    }
                }
                out.push('"');
            }
            Json::Num(n) => {
                let _ = write!(out, "{n}");
            }
            Json::Arr(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Json::Obj(fields) => {
                out.push('{');
                for (i, (k, v)) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    Json::str(*k).write(out);
                    out.push(':');
                    v.write(out);
                }
                out.push('}');
            }
        }
    }
}

impl std::fmt::Display for Json {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut s = String::new();
        self.write(&mut s);
        f.write_str(&s)
    }
}

fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A TimelineJS date object: as precise as the story's date (seasons and
/// quarters start at their first month), labelled with the story's own wording.
fn tl_date(date: Date) -> Json {
    let first = date.first_day();
    let mut fields = vec![("year", Json::Num(i64::from(date.year)))];
    match date.precision {
        Precision::Year => {}
        Precision::Day(..) => {
            fields.push(("month", Json::Num(i64::from(first.month))));
            fields.push(("day", Json::Num(i64::from(first.day))));
        }
        Precision::Season(_) | Precision::Quarter(_) | Precision::Month(_) => {
            fields.push(("month", Json::Num(i64::from(first.month))));
        }
    }
    fields.push(("display_date", Json::str(date.label())));
    Json::Obj(fields)
}

/// The last day of a span's end, so that TimelineJS draws the whole span.
fn tl_end_date(date: Date) -> Json {
    let last = date.last_day();
    Json::Obj(vec![
        ("year", Json::Num(i64::from(last.year))),
        ("month", Json::Num(i64::from(last.month))),
        ("day", Json::Num(i64::from(last.day))),
        ("display_date", Json::str(date.label())),
    ])
}

fn tl_event(story: &Story, m: &Milestone, when: When) -> Json {
    let mut fields = vec![("start_date", tl_date(when.start()))];
    if let When::Span(_, end) = when {
        fields.push(("end_date", tl_end_date(end)));
    }
    let mut text = format!("<p>{}</p>", escape_html(&m.summary));
    if let Some(impact) = &m.impact {
        let _ = write!(text, "<p>{}</p>", escape_html(impact));
    }
    if let Some(note) = &m.note {
        let _ = write!(text, "<p><em>{}</em></p>", escape_html(note));
    }
    let group = story
        .timeline
        .sectors
        .iter()
        .find(|s| s.slug == m.sector)
        .map_or(m.sector.as_str(), |s| s.label.as_str());
    fields.extend([
        ("display_date", Json::str(when.label())),
        (
            "text",
            Json::Obj(vec![
                ("headline", Json::str(escape_html(&m.title))),
                ("text", Json::str(text)),
            ]),
        ),
        ("group", Json::str(group)),
        ("unique_id", Json::str(format!("milestone-{}", m.slug))),
    ]);
    Json::Obj(fields)
}

/// TimelineJS's JSON format for the story's timeline: a title slide and one
/// event per dated milestone, plus how many undated milestones were left out
/// (TimelineJS needs a start date; our page lists them apart).
pub fn timelinejs_data(story: &Story) -> (Json, usize) {
    let mut events = Vec::new();
    let mut undated = 0;
    for m in &story.timeline.milestones {
        match m.when {
            Some(when) => events.push(tl_event(story, m, when)),
            None => undated += 1,
        }
    }
    let title = Json::Obj(vec![(
        "text",
        Json::Obj(vec![
            ("headline", Json::str(escape_html(&story.headline))),
            (
                "text",
                Json::str(format!("<p>{}</p>", escape_html(&story.standfirst))),
            ),
        ]),
    )]);
    (
        Json::Obj(vec![("title", title), ("events", Json::Arr(events))]),
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

/// One `file` line: a response as the browser received it.
#[derive(Debug, Clone, PartialEq)]
pub struct FileSample {
    pub page: String,
    pub run: u32,
    pub path: String,
    pub kind: String,
    pub encoding: String,
    /// Bytes received for it, headers included (CDP `encodedDataLength`).
    pub wire: u64,
    pub raw: Option<u64>,
    pub gzip: Option<u64>,
    pub brotli: Option<u64>,
}

/// What `bench/bench.mjs` wrote.
#[derive(Debug, Default)]
pub struct Samples {
    pub meta: Vec<(String, String)>,
    /// (page, run, metric) -> value; a metric the page did not report is absent.
    pub metrics: Vec<(String, u32, String, f64)>,
    pub files: Vec<FileSample>,
    /// (page, url)
    pub foreign: Vec<(String, String)>,
    /// (page, text)
    pub errors: Vec<(String, String)>,
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
            let cell = |i: usize| -> Result<String> {
                cells.get(i).map(|c| c.to_string()).ok_or_else(bad)
            };
            match cells[0] {
                "meta" => s
                    .meta
                    .push((cell(1)?, cells.get(2).unwrap_or(&"").to_string())),
                "metric" => {
                    // An empty value: the browser did not report it (no entry).
                    if let Some(v) = cells.get(4).and_then(|c| c.parse::<f64>().ok()) {
                        s.metrics.push((cell(1)?, num(2)?, cell(3)?, v));
                    }
                }
                "file" => s.files.push(FileSample {
                    page: cell(1)?,
                    run: num(2)?,
                    path: cell(3)?,
                    kind: cell(4)?,
                    encoding: cell(5)?,
                    wire: opt(6).ok_or_else(bad)?,
                    raw: opt(7),
                    gzip: opt(8),
                    brotli: opt(9),
                }),
                "foreign" => s.foreign.push((cell(1)?, cell(3)?)),
                "error" => s.errors.push((cell(1)?, cell(3)?)),
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

    fn values(&self, page: &str, metric: &str) -> Vec<f64> {
        self.metrics
            .iter()
            .filter(|(p, _, m, _)| p == page && m == metric)
            .map(|(_, _, _, v)| *v)
            .collect()
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
    pub runs: usize,
    /// page -> files in first-request order
    pub files: BTreeMap<String, Vec<FileRow>>,
}

impl Summary {
    pub fn from_samples(s: &Samples) -> Result<Summary> {
        let runs = s
            .metrics
            .iter()
            .filter(|(p, _, m, _)| p == "ours" && m == "fcp")
            .count();
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

    /// gzip -9 total of the wasm, js and css that our page loaded.
    pub fn first_load_gzip(&self) -> u64 {
        self.files.get("ours").map_or(0, |rows| {
            rows.iter()
                .filter(|r| {
                    let p = r.path.split(['?', '#']).next().unwrap_or("");
                    p.ends_with(".wasm") || p.ends_with(".js") || p.ends_with(".css")
                })
                .map(|r| r.gzip)
                .sum()
        })
    }

    pub fn markdown(&self, s: &Samples) -> String {
        let med = |page: &str, m: &str| median(&s.values(page, m));
        let mut md = String::new();
        let _ = writeln!(md, "# Benchmark: our page, the static limit, TimelineJS\n");
        let _ = writeln!(
            md,
            "Medians of {} runs per page, pages interleaved, a fresh browser context each time. \
             Phone profile: 360x740 CSS px (DPR 2, touch), 4x CPU slowdown, 1.6 Mbps down / \
             750 kbps up, 150 ms added per request, cache disabled. Chromium {}, Node {}, {} \
             (load average {} at start, {} at end). Served from 127.0.0.1 by `bench/bench.mjs`, \
             with brotli (quality 11) or gzip (level 9) as the browser's Accept-Encoding allows, \
             compressed before the first run.\n",
            self.runs,
            s.meta("chromium").unwrap_or("?"),
            s.meta("node").unwrap_or("?"),
            s.meta("cpus").unwrap_or("?"),
            s.meta("loadavg_start").unwrap_or("?"),
            s.meta("loadavg_end").unwrap_or("?"),
        );
        let _ = writeln!(
            md,
            "- **ours**: `dist/` as built (pre-rendered page; the app wires its interactive parts over that markup).\n\
             - **limit**: the same `dist/index.html` without any script and without the wasm/js \
             preloads, with the CSS.\n\
             - **peer**: a TimelineJS {} page with the same dated milestones (npm `{TIMELINEJS_PACKAGE}`, \
             served locally, no web fonts).\n",
            s.meta("timelinejs").unwrap_or(""),
        );

        // Timings.
        let _ = writeln!(md, "## Timings (ms; CLS unitless)\n");
        let spread = |page: &str, m: &str| -> String {
            let v = s.values(page, m);
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
        let mut rows = vec![vec![
            "metric".to_owned(),
            "ours".to_owned(),
            "limit".to_owned(),
            "peer".to_owned(),
            "ours/limit".to_owned(),
            "ours/peer".to_owned(),
        ]];
        let metrics: [(&str, &str, &str); 6] = [
            ("First contentful paint", "fcp", "fcp"),
            ("Largest contentful paint", "lcp", "lcp"),
            ("Cumulative layout shift", "cls", "cls"),
            ("Total blocking time", "tbt", "tbt"),
            ("Load event", "load", "load"),
            ("Interactive (ours) / drawn (peer)", "interactive", "drawn"),
        ];
        for (label, ours_m, peer_m) in metrics {
            let limit_cell = if ours_m == "interactive" {
                // The static page has no app: it is "ready" at its load event.
                "— (no app)".to_owned()
            } else {
                spread("limit", ours_m)
            };
            rows.push(vec![
                label.to_owned(),
                spread("ours", ours_m),
                limit_cell,
                spread("peer", peer_m),
                if ours_m == "interactive" {
                    "—".to_owned()
                } else {
                    ratio(med("ours", ours_m), med("limit", ours_m))
                },
                ratio(med("ours", ours_m), med("peer", peer_m)),
            ]);
        }
        md.push_str(&table(&rows));
        let _ = writeln!(
            md,
            "\nCells: median (min–max). TBT: the part beyond 50 ms of each long task after FCP, \
             until 1.5 s after the page was ready and the network idle. Interactive: when \
             `<html data-app-ready>` appears; drawn: when TimelineJS's `.tl-timenav` (with a \
             `.tl-timemarker`) and a `.tl-slide` are in the DOM with a box (both from a \
             MutationObserver in an init script). LCP elements (run 1): ours `{}`, limit `{}`, peer `{}`.\n",
            s.meta("lcp_element.ours.1").unwrap_or("?"),
            s.meta("lcp_element.limit.1").unwrap_or("?"),
            s.meta("lcp_element.peer.1").unwrap_or("?"),
        );

        // Bytes.
        let _ = writeln!(md, "## Bytes\n");
        let mut rows = vec![vec![
            "page".to_owned(),
            "file".to_owned(),
            "type".to_owned(),
            "raw".to_owned(),
            "gzip -9".to_owned(),
            "brotli q11".to_owned(),
            "on the wire".to_owned(),
            "served as".to_owned(),
        ]];
        for page in PAGES {
            for r in self.files.get(page).into_iter().flatten() {
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
                self.total(page, |r| r.raw).to_string(),
                self.total(page, |r| r.gzip).to_string(),
                self.total(page, |r| r.brotli).to_string(),
                self.total(page, |r| r.wire).to_string(),
                String::new(),
            ]);
        }
        md.push_str(&table(&rows));
        let wire = |p: &str| Some(self.total(p, |r| r.wire) as f64);
        let _ = writeln!(
            md,
            "\nraw, gzip and brotli: the file's bytes and the bodies the server had ready for it; \
             on the wire: what Chromium received for it (CDP `encodedDataLength`, headers \
             included, median). Bytes on the wire, ours/limit {}, ours/peer {}.\n",
            ratio(wire("ours"), wire("limit")),
            ratio(wire("ours"), wire("peer")),
        );

        // Targets.
        let _ = writeln!(md, "## Targets\n");
        let pass = |ok: Option<bool>| match ok {
            Some(true) => "PASS",
            Some(false) => "MISS",
            None => "MISS (not measured)",
        };
        let (lcp_ours, lcp_limit) = (med("ours", "lcp"), med("limit", "lcp"));
        let cls = med("ours", "cls");
        let gz = self.first_load_gzip();
        let (ready, drawn) = (med("ours", "interactive"), med("peer", "drawn"));
        let fmt = |v: Option<f64>| v.map_or("?".to_owned(), |v| format!("{v:.0} ms"));
        let _ = writeln!(
            md,
            "- {}: LCP within {LCP_LIMIT_FACTOR}x of the static page: {} vs {} ({})",
            pass(
                lcp_ours
                    .zip(lcp_limit)
                    .map(|(o, l)| o <= LCP_LIMIT_FACTOR * l)
            ),
            fmt(lcp_ours),
            fmt(lcp_limit),
            ratio(lcp_ours, lcp_limit),
        );
        let _ = writeln!(
            md,
            "- {}: CLS at most {CLS_TARGET}: {}",
            pass(cls.map(|c| c <= CLS_TARGET)),
            cls.map_or("?".to_owned(), |c| format!("{c:.3}")),
        );
        let _ = writeln!(
            md,
            "- {}: first-load wasm+js+css at most {} KiB gzip: {:.1} KiB ({gz} bytes, the files our page loaded, gzip -9)",
            pass(Some(gz <= GZIP_BUDGET_BYTES)),
            GZIP_BUDGET_BYTES / 1024,
            gz as f64 / 1024.0,
        );
        let _ = writeln!(
            md,
            "- {}: interactive sooner than TimelineJS is drawn: {} vs {} ({})",
            pass(ready.zip(drawn).map(|(r, d)| r < d)),
            fmt(ready),
            fmt(drawn),
            ratio(ready, drawn),
        );

        // What left loopback, and errors.
        let _ = writeln!(md, "\n## Requests that left loopback\n");
        let mut foreign: Vec<String> = s
            .foreign
            .iter()
            .map(|(p, u)| format!("- {p}: `{u}`"))
            .collect();
        foreign.sort();
        foreign.dedup();
        if foreign.is_empty() {
            let _ = writeln!(md, "None: every request of every page went to 127.0.0.1.");
        } else {
            let _ = writeln!(
                md,
                "Recorded; none could leave: the browser resolves no host name but \
                 localhost.\n\n{}",
                foreign.join("\n")
            );
        }
        let mut errors: Vec<String> = s
            .errors
            .iter()
            .map(|(p, e)| format!("- {p}: {e}"))
            .collect();
        errors.sort();
        errors.dedup();
        if !errors.is_empty() {
            let _ = writeln!(md, "\n## Console and page errors\n\n{}", errors.join("\n"));
        }
        md
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
    fn the_limit_keeps_css_and_drops_code() {
        let html = r#"<html><head><link rel="stylesheet" href="/style-1.css" integrity="x"><link rel="modulepreload" href="/app-1.js" crossorigin=anonymous><link rel="preload" href="/app-1_bg.wasm" as="fetch" type="application/wasm"><link rel=icon href="/favicon.svg"><script>(function(){})()</script><SCRIPT type=module>import init from '/app-1.js';</SCRIPT></head><body><p>Ünïcode stays</p><scripture>x</scripture></body></html>"#;
        let out = strip_scripts(html);
        assert_eq!(
            out,
            r#"<html><head><link rel="stylesheet" href="/style-1.css" integrity="x"><link rel=icon href="/favicon.svg"></head><body><p>Ünïcode stays</p><scripture>x</scripture></body></html>"#
        );
        // Trunk's minified output: unquoted attributes, values starting with '/'.
        let min = "<link rel=modulepreload href=/e-1.js crossorigin=anonymous><link rel=preload href=/e-1_bg.wasm as=fetch type=application/wasm><link href=/s-1.css rel=stylesheet><link rel=preload href=/font.woff2 as=font>";
        assert_eq!(
            strip_scripts(min),
            "<link href=/s-1.css rel=stylesheet><link rel=preload href=/font.woff2 as=font>"
        );
    }

    #[test]
    fn json_is_escaped_for_a_script_element() {
        let j = Json::Obj(vec![
            ("a", Json::str("say \"hi\"</script>\n\\")),
            ("n", Json::Arr(vec![Json::Num(2026), Json::Num(-1)])),
        ]);
        assert_eq!(
            j.to_string(),
            r#"{"a":"say \"hi\"\u003c/script\u003e\n\\","n":[2026,-1]}"#
        );
    }

    #[test]
    fn timelinejs_dates_keep_the_story_precision() {
        let parse = |s| Date::parse(s).unwrap();
        assert_eq!(
            tl_date(parse("2026-Q2")).to_string(),
            r#"{"year":2026,"month":4,"display_date":"Q2 2026"}"#
        );
        assert_eq!(
            tl_date(parse("2026")).to_string(),
            r#"{"year":2026,"display_date":"2026"}"#
        );
        assert_eq!(
            tl_date(parse("2025-10-15")).to_string(),
            r#"{"year":2025,"month":10,"day":15,"display_date":"15 Oct 2025"}"#
        );
        assert_eq!(
            tl_end_date(parse("2025")).to_string(),
            r#"{"year":2025,"month":12,"day":31,"display_date":"2025"}"#
        );
    }

    #[test]
    fn the_peer_shows_every_dated_milestone() {
        let story = project_story(&Ctx::new()).unwrap();
        let (data, undated) = timelinejs_data(&story);
        let Json::Obj(fields) = &data else {
            panic!("not an object")
        };
        let events = fields
            .iter()
            .find(|(k, _)| *k == "events")
            .map(|(_, v)| v.clone());
        let Some(Json::Arr(events)) = events else {
            panic!("no events")
        };
        let dated = story
            .timeline
            .milestones
            .iter()
            .filter(|m| m.when.is_some())
            .count();
        assert_eq!(events.len(), dated);
        assert_eq!(dated + undated, story.timeline.milestones.len());
        let html = peer_html(&story, &data);
        assert!(html.contains("new TL.Timeline(\"timeline-embed\", {\"title\""));
        assert!(
            !html.contains("https://"),
            "the peer must load nothing remote"
        );
    }

    #[test]
    fn parses_samples_and_sums_first_load_gzip() {
        let text = "meta\tchromium\t140\n\
            metric\tours\t1\tfcp\t500.5\n\
            metric\tours\t1\tlcp\t\n\
            metric\tours\t2\tfcp\t700\n\
            file\tours\t1\t/\tDocument\tbr\t9000\t40000\t10000\t8000\n\
            file\tours\t1\t/app_bg.wasm\tFetch\tbr\t90000\t300000\t100000\t85000\n\
            file\tours\t2\t/app_bg.wasm\tFetch\tbr\t90010\t300000\t100000\t85000\n\
            file\tours\t1\t/style.css\tStylesheet\tgzip\t3000\t12000\t2900\t2500\n\
            foreign\tpeer\t1\thttps://example.org/x\n";
        let s = Samples::parse(text).unwrap();
        assert_eq!(s.meta("chromium"), Some("140"));
        assert_eq!(median(&s.values("ours", "fcp")), Some(600.25));
        assert!(s.values("ours", "lcp").is_empty());
        let summary = Summary::from_samples(&s).unwrap();
        assert_eq!(summary.runs, 2);
        assert_eq!(summary.first_load_gzip(), 102_900);
        let wasm = &summary.files["ours"][1];
        assert_eq!((wasm.path.as_str(), wasm.wire), ("/app_bg.wasm", 90_005));
        let md = summary.markdown(&s);
        assert!(md.contains("PASS") || md.contains("MISS"));
        assert!(md.contains("https://example.org/x"));
        assert!(Samples::parse("what\n").is_err());
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
