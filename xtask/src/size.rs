//! `cargo xtask size`: what a first visit to each story downloads, compressed.
//!
//! For every story page of the site (`index.html` and `<slug>/index.html`),
//! counts the `*.wasm`, `*.js` and `*.css` files at the top level of
//! `dist/` that the page loads (the one runtime they all share), and the
//! CSS inlined in its `<style>` elements, at gzip level 9 (the budget) and,
//! when Node.js is at hand, at brotli quality 11 (for information).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use flate2::write::GzEncoder;
use flate2::Compression;

use crate::util::Result;

/// First-load ceiling of any story page: the gzip -9 total of the wasm, js
/// and css it loads, inline styles included (the files its scripts import
/// as they load among them). `cargo xtask size` and `cargo xtask test` fail
/// over it. The lazy islands' parts, fetched when the reader comes near the
/// poll or the embed panel, are listed apart and not counted.
///
/// The issue's 120 KiB. Measured 94.6 KiB once the poll and the embed panel
/// became lazy islands (135.8 KiB before, every island in one wasm).
pub const GZIP_BUDGET_BYTES: u64 = 120 * 1024;

/// Extensions that a first visit loads.
const FIRST_LOAD_EXTENSIONS: &[&str] = &["wasm", "js", "css"];

#[derive(Clone)]
pub struct Entry {
    pub name: String,
    pub raw: u64,
    pub gzip: u64,
    pub brotli: Option<u64>,
}

pub struct Report {
    pub entries: Vec<Entry>,
}

impl Report {
    pub fn gzip_total(&self) -> u64 {
        self.entries.iter().map(|e| e.gzip).sum()
    }

    pub fn over_budget(&self) -> bool {
        self.gzip_total() > GZIP_BUDGET_BYTES
    }
}

/// The first-load files at the top level of `dist`, sorted by name: the
/// wasm, js and css files that the page `html` names (when there is one), so a
/// file the page never loads (`embed.js`, for host pages) is not counted.
pub fn first_load_files(dist: &Path, html: Option<&str>) -> Result<Vec<PathBuf>> {
    let entries = fs::read_dir(dist).map_err(|e| {
        format!(
            "cannot read {}: {e} (run `cargo xtask build` first)",
            dist.display()
        )
    })?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        let counted = path.is_file()
            && path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| FIRST_LOAD_EXTENSIONS.contains(&e))
            && html.is_none_or(|h| {
                path.file_name()
                    .is_some_and(|n| names_file(h, n.to_string_lossy().as_ref()))
            });
        if counted {
            files.push(path);
        }
    }
    // And what those scripts import as they load (`from "./x.js"`: the
    // lazy islands' loader), however deep; not what they fetch later.
    let mut at = 0;
    while at < files.len() {
        if files[at].extension().is_some_and(|e| e == "js") {
            let js = fs::read_to_string(&files[at]).unwrap_or_default();
            for name in imported(&js) {
                let path = dist.join(name);
                if path.is_file() && !files.contains(&path) {
                    files.push(path);
                }
            }
        }
        at += 1;
    }
    files.sort();
    Ok(files)
}

/// The files a JavaScript module imports statically from its own folder:
/// `from"./x.js"` or `from "./x.js"` (either quote).
fn imported(js: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for (at, _) in js.match_indices("from") {
        let rest = js[at + "from".len()..].trim_start();
        let Some(quote) = rest.chars().next().filter(|c| matches!(c, '"' | '\'')) else {
            continue;
        };
        let Some(path) = rest[1..].split(quote).next() else {
            continue;
        };
        if let Some(name) = path.strip_prefix("./").filter(|n| !n.contains('/')) {
            out.push(name);
        }
    }
    out
}

/// The top-level wasm files of `dist` that no page loads at first: the
/// lazy islands' parts, fetched when the reader comes near them.
pub fn lazy_files(dist: &Path, first: &[PathBuf]) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = fs::read_dir(dist)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "wasm") && !first.contains(p))
        .collect();
    out.sort();
    out
}

/// Whether `html` names the file `name` as an address: after a `/`, and
/// before a quote, `>` or white space (`oembed.json` names no `embed.js`).
fn names_file(html: &str, name: &str) -> bool {
    html.match_indices(name).any(|(at, _)| {
        html[..at].ends_with('/')
            && html[at + name.len()..]
                .chars()
                .next()
                .is_some_and(|c| matches!(c, '"' | '\'' | '>') || c.is_whitespace())
    })
}

pub fn gzip_len(bytes: &[u8]) -> u64 {
    let mut enc = GzEncoder::new(Vec::new(), Compression::best());
    enc.write_all(bytes).expect("writing to a Vec cannot fail");
    enc.finish().expect("writing to a Vec cannot fail").len() as u64
}

/// Brotli (quality 11) sizes through Node's zlib; `None` when Node is unavailable.
fn brotli_lens(files: &[PathBuf]) -> Option<Vec<u64>> {
    const SCRIPT: &str = "const fs=require('fs'),z=require('zlib');\
        for(const f of process.argv.slice(1)){const b=fs.readFileSync(f);\
        console.log(z.brotliCompressSync(b,{params:{\
        [z.constants.BROTLI_PARAM_QUALITY]:11,\
        [z.constants.BROTLI_PARAM_SIZE_HINT]:b.length}}).length)}";
    let out = Command::new("node")
        .args(["-e", SCRIPT, "--"])
        .args(files)
        .stdin(std::process::Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let lens: Vec<u64> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.trim().parse().ok())
        .collect();
    (lens.len() == files.len()).then_some(lens)
}

/// The name the report gives the CSS inlined in `index.html`.
pub const INLINE_CSS: &str = "index.html <style> (inline CSS)";

/// The text of every `<style>` element in `html`, concatenated (read with
/// an HTML parser, `lol_html`: a `<style>` inside a comment or a text is none).
pub fn inline_css(html: &str) -> String {
    let css = std::cell::RefCell::new(String::new());
    let read = lol_html::rewrite_str(
        html,
        lol_html::RewriteStrSettings {
            element_content_handlers: vec![lol_html::text!("style", |chunk| {
                css.borrow_mut().push_str(chunk.as_str());
                Ok(())
            })],
            ..lol_html::RewriteStrSettings::new()
        },
    );
    if read.is_err() {
        return String::new();
    }
    css.into_inner()
}

/// The phone the pictures are reported for: 412 CSS px wide at 2.625 device
/// pixels per px (the bench's larger phone).
pub const PHONE: (f64, f64) = (412.0, 2.625);

/// What a phone fetches of a page's pictures.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct PictureBytes {
    /// The lead picture (fetched at once).
    pub lead: u64,
    /// Every picture, once each is in sight.
    pub all: u64,
    /// How many pictures.
    pub count: usize,
}

/// The width in CSS px a picture takes on a screen `viewport` px wide
/// (`components::figure::SIZES`: the column, 42rem, from 44rem up; the
/// screen less 2rem below).
fn picture_slot(viewport: f64) -> f64 {
    if viewport >= 44.0 * 16.0 {
        42.0 * 16.0
    } else {
        viewport - 32.0
    }
}

/// The candidate of `srcset` (`url 400w, …`) a screen `viewport` px wide at
/// `dpr` picks: the narrowest at least as wide as the slot in device
/// pixels, else the widest.
fn pick(srcset: &str, viewport: f64, dpr: f64) -> Option<String> {
    let need = picture_slot(viewport) * dpr;
    let mut candidates: Vec<(f64, &str)> = srcset
        .split(',')
        .filter_map(|c| {
            let (url, w) = c.trim().rsplit_once(' ')?;
            Some((w.strip_suffix('w')?.parse().ok()?, url))
        })
        .collect();
    candidates.sort_by(|a, b| a.0.total_cmp(&b.0));
    candidates
        .iter()
        .find(|(w, _)| *w >= need)
        .or(candidates.last())
        .map(|(_, url)| (*url).to_owned())
}

/// The pictures the phone [`PHONE`] fetches for the page `html` of `dist`
/// (WebP, the width `srcset` picks), by their files' sizes.
pub fn picture_bytes(dist: &Path, html: &str) -> Result<PictureBytes> {
    let found = std::cell::RefCell::new(Vec::new());
    let webp = |lead: bool| {
        let found = &found;
        move |el: &mut lol_html::html_content::Element| {
            let srcset = el.get_attribute("srcset").unwrap_or_default();
            found.borrow_mut().push((lead, srcset));
            Ok(())
        }
    };
    lol_html::rewrite_str(
        html,
        lol_html::RewriteStrSettings {
            element_content_handlers: vec![
                lol_html::element!(
                    "figure.ex-figure--lead source[type=\"image/webp\"]",
                    webp(true)
                ),
                lol_html::element!(
                    "figure:not(.ex-figure--lead) source[type=\"image/webp\"]",
                    webp(false)
                ),
            ],
            ..lol_html::RewriteStrSettings::new()
        },
    )
    .map_err(|e| format!("cannot read the page: {e}"))?;
    let mut bytes = PictureBytes::default();
    for (lead, srcset) in found.into_inner() {
        let url = pick(&srcset, PHONE.0, PHONE.1)
            .ok_or_else(|| format!("no width in srcset \"{srcset}\""))?;
        // `<root><slug>/pictures/<file>`: the story's folder in `dist`.
        let mut parts = url.rsplit('/');
        let (file, _, slug) = (parts.next(), parts.next(), parts.next());
        let path = dist
            .join(slug.unwrap_or_default())
            .join("pictures")
            .join(file.unwrap_or_default());
        let len = fs::metadata(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?
            .len();
        bytes.count += 1;
        bytes.all += len;
        if lead {
            bytes.lead += len;
        }
    }
    Ok(bytes)
}

/// The first load of the page `page` (a file under `dist`; `index.html`
/// when it is absent, as for a folder of files only).
#[cfg(test)]
pub fn measure_page(dist: &Path, page: &Path) -> Result<Report> {
    let mut reports = measure_pages(dist, &[(String::new(), page.to_path_buf())])?;
    Ok(reports.remove(0).1)
}

/// The first load of each of `pages`. The pages of a site share their
/// files, so each distinct file (and each distinct inline stylesheet) is
/// measured once, with one Node run for all the brotli sizes.
fn measure_pages(dist: &Path, pages: &[(String, PathBuf)]) -> Result<Vec<(String, Report)>> {
    // Through files, for the brotli sizes Node measures; one folder per call.
    static CALLS: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let scratch = std::env::temp_dir().join(format!("xtask-size-{}-{n}", std::process::id()));
    let _ = fs::remove_dir_all(&scratch);
    fs::create_dir_all(&scratch)
        .map_err(|e| format!("cannot create {}: {e}", scratch.display()))?;
    let result = measure_in(dist, pages, &scratch);
    let _ = fs::remove_dir_all(&scratch);
    result
}

fn measure_in(
    dist: &Path,
    pages: &[(String, PathBuf)],
    scratch: &Path,
) -> Result<Vec<(String, Report)>> {
    let mut distinct: Vec<PathBuf> = Vec::new();
    let mut styles: Vec<String> = Vec::new();
    let mut loads = Vec::new();
    for (name, page) in pages {
        let html = fs::read_to_string(page).ok();
        let mut files = first_load_files(dist, html.as_deref())?;
        let css = html.as_deref().map(inline_css).unwrap_or_default();
        if !css.is_empty() {
            let k = match styles.iter().position(|c| *c == css) {
                Some(k) => k,
                None => {
                    let file = scratch.join(format!("inline-{}.css", styles.len()));
                    fs::write(&file, &css)
                        .map_err(|e| format!("cannot write {}: {e}", file.display()))?;
                    styles.push(css);
                    styles.len() - 1
                }
            };
            files.push(scratch.join(format!("inline-{k}.css")));
        }
        if files.is_empty() {
            return Err(format!(
                "no .wasm/.js/.css files at the top level of {} (run `cargo xtask build` first)",
                dist.display()
            ));
        }
        for f in &files {
            if !distinct.contains(f) {
                distinct.push(f.clone());
            }
        }
        loads.push((name.clone(), files));
    }
    let measured = measure_files(&distinct, scratch)?;
    Ok(loads
        .into_iter()
        .map(|(name, files)| {
            let entries = files
                .iter()
                .filter_map(|f| distinct.iter().position(|d| d == f))
                .map(|i| measured[i].clone())
                .collect();
            (name, Report { entries })
        })
        .collect())
}

fn measure_files(files: &[PathBuf], scratch: &Path) -> Result<Vec<Entry>> {
    let brotli = brotli_lens(files);
    let mut entries = Vec::new();
    for (i, path) in files.iter().enumerate() {
        let bytes = fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        entries.push(Entry {
            name: if path.starts_with(scratch) {
                INLINE_CSS.to_owned()
            } else {
                path.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default()
            },
            raw: bytes.len() as u64,
            gzip: gzip_len(&bytes),
            brotli: brotli.as_ref().map(|b| b[i]),
        });
    }
    Ok(entries)
}

/// The first load of `dist/index.html`.
#[cfg(test)]
pub fn measure(dist: &Path) -> Result<Report> {
    measure_page(dist, &dist.join("index.html"))
}

/// The story pages of a site: `index.html` (the default story) and every
/// `<slug>/index.html` that loads the runtime, by name.
pub fn story_pages(dist: &Path) -> Result<Vec<(String, PathBuf)>> {
    let mut pages = Vec::new();
    let entries = fs::read_dir(dist).map_err(|e| {
        format!(
            "cannot read {}: {e} (run `cargo xtask build` first)",
            dist.display()
        )
    })?;
    for entry in entries.flatten() {
        let page = entry.path().join("index.html");
        let loads_runtime = fs::read_to_string(&page).is_ok_and(|h| h.contains(".wasm"));
        if entry.path().is_dir() && loads_runtime {
            pages.push((format!("{}/", entry.file_name().to_string_lossy()), page));
        }
    }
    pages.sort();
    pages.insert(0, ("index.html".to_owned(), dist.join("index.html")));
    Ok(pages)
}

/// Every story page's first load.
pub fn measure_site(dist: &Path) -> Result<Vec<(String, Report)>> {
    measure_pages(dist, &story_pages(dist)?)
}

/// One line a page, then the largest page's files in full.
pub fn print_site(reports: &[(String, Report)], dist: &Path) {
    println!(
        "First load of each story page in {} (gzip -9):",
        dist.display()
    );
    for (name, r) in reports {
        println!(
            "  {name:<40} {:>8} bytes  {:>9}  {}",
            r.gzip_total(),
            kib(r.gzip_total()),
            if r.over_budget() { "OVER" } else { "ok" }
        );
    }
    if let Some((name, largest)) = reports.iter().max_by_key(|(_, r)| r.gzip_total()) {
        println!("The largest, {name}:");
        print(largest, dist);
    }
    print_lazy(dist);
    print_pictures(dist);
}

/// The lazy islands' parts (not in the first-load budget).
fn print_lazy(dist: &Path) {
    let html = fs::read_to_string(dist.join("index.html")).ok();
    let Ok(first) = first_load_files(dist, html.as_deref()) else {
        return;
    };
    let lazy = lazy_files(dist, &first);
    if lazy.is_empty() {
        return;
    }
    println!(
        "Loaded when the reader comes near the part that needs it (not in the budget; gzip -9):"
    );
    for path in lazy {
        if let Ok(bytes) = fs::read(&path) {
            println!(
                "  {:<50} {:>8} bytes  {:>9}",
                path.file_name().unwrap_or_default().to_string_lossy(),
                gzip_len(&bytes),
                kib(gzip_len(&bytes))
            );
        }
    }
}

/// Each story page's pictures, as the phone [`PHONE`] fetches them (not
/// in the first-load budget).
fn print_pictures(dist: &Path) {
    let Ok(pages) = story_pages(dist) else { return };
    let mut lines = Vec::new();
    for (name, page) in pages.iter().filter(|(n, _)| n != "index.html") {
        let Ok(html) = fs::read_to_string(page) else {
            continue;
        };
        match picture_bytes(dist, &html) {
            Ok(b) if b.count > 0 => lines.push(format!(
                "  {name:<40} {} picture{}: {} in all, the lead {}",
                b.count,
                if b.count == 1 { "" } else { "s" },
                kib(b.all),
                kib(b.lead)
            )),
            Ok(_) => {}
            Err(e) => lines.push(format!("  {name:<40} {e}")),
        }
    }
    if !lines.is_empty() {
        println!(
            "Pictures a {} px wide phone at {}x fetches (WebP, the width srcset picks; not in the budget):",
            PHONE.0, PHONE.1
        );
        for l in lines {
            println!("{l}");
        }
    }
}

fn kib(bytes: u64) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}

pub fn print(report: &Report, dist: &Path) {
    let width = report
        .entries
        .iter()
        .map(|e| e.name.len())
        .max()
        .unwrap_or(0)
        .max("total".len());
    let has_brotli = report.entries.iter().all(|e| e.brotli.is_some());
    println!(
        "First-load size of {} (top-level wasm/js/css):",
        dist.display()
    );
    let header_brotli = if has_brotli { "   brotli -q11" } else { "" };
    println!(
        "  {:<width$} {:>12} {:>12}{header_brotli}",
        "file", "raw bytes", "gzip -9"
    );
    for e in &report.entries {
        let brotli = e.brotli.map(|b| format!(" {b:>13}")).unwrap_or_default();
        println!("  {:<width$} {:>12} {:>12}{brotli}", e.name, e.raw, e.gzip);
    }
    let raw: u64 = report.entries.iter().map(|e| e.raw).sum();
    let gzip = report.gzip_total();
    let brotli = if has_brotli {
        let b: u64 = report.entries.iter().filter_map(|e| e.brotli).sum();
        format!(" {b:>13}")
    } else {
        String::new()
    };
    println!("  {:<width$} {raw:>12} {gzip:>12}{brotli}", "total");
    println!("  (only files that index.html loads are counted; embed.js is for host pages)");
    println!(
        "  gzip total {} of the {} budget ({GZIP_BUDGET_BYTES} bytes): {:.1}% used",
        kib(gzip),
        kib(GZIP_BUDGET_BYTES),
        gzip as f64 * 100.0 / GZIP_BUDGET_BYTES as f64
    );
}

/// Measures every story page, prints, and fails when any is over the budget.
pub fn check(dist: &Path) -> Result {
    let reports = measure_site(dist)?;
    print_site(&reports, dist);
    let over: Vec<String> = reports
        .iter()
        .filter(|(_, r)| r.over_budget())
        .map(|(name, r)| format!("{name} ({} bytes)", r.gzip_total()))
        .collect();
    if !over.is_empty() {
        return Err(format!(
            "first load over the {} budget ({GZIP_BUDGET_BYTES} bytes gzip): {}",
            kib(GZIP_BUDGET_BYTES),
            over.join(", ")
        ));
    }
    let largest = reports
        .iter()
        .map(|(_, r)| r.gzip_total())
        .max()
        .unwrap_or(0);
    println!(
        "size: every story page within budget ({} bytes to spare on the largest)",
        GZIP_BUDGET_BYTES - largest
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::util::testing::scratch;

    #[test]
    fn ceiling_is_the_issues_120_kib() {
        assert_eq!(GZIP_BUDGET_BYTES, 122_880);
    }

    #[test]
    fn a_phone_gets_the_narrowest_width_that_fills_its_column() {
        let set = "/s/pictures/a-k-400.webp 400w, /s/pictures/a-k-800.webp 800w, /s/pictures/a-k-1200.webp 1200w";
        // 412 px at 2.625x: (412 - 32) x 2.625 = 997.5 device px.
        assert_eq!(
            pick(set, 412.0, 2.625).unwrap(),
            "/s/pictures/a-k-1200.webp"
        );
        assert_eq!(pick(set, 360.0, 1.0).unwrap(), "/s/pictures/a-k-400.webp");
        assert_eq!(pick(set, 360.0, 2.0).unwrap(), "/s/pictures/a-k-800.webp");
        // Wider than the widest: the widest.
        assert_eq!(pick(set, 1280.0, 3.0).unwrap(), "/s/pictures/a-k-1200.webp");
        // The slot follows the page's `sizes`.
        assert_eq!(
            explainer::components::figure::SIZES,
            "(min-width: 44rem) 42rem, calc(100vw - 2rem)"
        );
    }

    #[test]
    fn a_pages_pictures_are_counted_as_the_phone_fetches_them() {
        let dist = scratch("xtask-size-pictures");
        let pictures = dist.join("s").join("pictures");
        fs::create_dir_all(&pictures).unwrap();
        for (name, len) in [
            ("lead-k-1200.webp", 5000),
            ("lead-k-800.webp", 3000),
            ("room-k-1200.webp", 7000),
        ] {
            fs::write(pictures.join(name), vec![0u8; len]).unwrap();
        }
        let source = |slug: &str| {
            format!("<source type=\"image/webp\" srcset=\"/s/pictures/{slug}-k-800.webp 800w, /s/pictures/{slug}-k-1200.webp 1200w\">")
        };
        let html = format!(
            "<figure class=\"ex-figure ex-figure--lead\"><picture>{}</picture></figure><p>text</p><figure class=\"ex-figure\"><picture>{}</picture></figure>",
            source("lead"),
            source("room")
        );
        let b = picture_bytes(&dist, &html).unwrap();
        assert_eq!(
            b,
            PictureBytes {
                lead: 5000,
                all: 12000,
                count: 2
            }
        );
        fs::remove_file(pictures.join("room-k-1200.webp")).unwrap();
        assert!(picture_bytes(&dist, &html)
            .unwrap_err()
            .contains("room-k-1200.webp"));
        let _ = fs::remove_dir_all(&dist);
    }

    #[test]
    fn gzip_shrinks_repetitive_input() {
        let input = "leptos ".repeat(1000);
        let len = gzip_len(input.as_bytes());
        assert!(len > 18 && len < 200, "{len}");
    }

    #[test]
    fn inline_css_is_every_style_element() {
        let html = "<head><style>a{b:c}</style><style media=print>d{e:f}</style></head><p>&lt;style&gt;</p><!-- <style>x{}</style> -->";
        assert_eq!(inline_css(html), "a{b:c}d{e:f}");
    }

    #[test]
    fn inline_css_counts_toward_the_first_load() {
        let dir = scratch("xtask-size-inline");
        fs::write(dir.join("app-1a2b_bg.wasm"), "x".repeat(100)).unwrap();
        fs::write(
            dir.join("index.html"),
            format!(
                "<style>{}</style>'/app-1a2b_bg.wasm'",
                "p{color:red}".repeat(50)
            ),
        )
        .unwrap();
        let report = measure(&dir).unwrap();
        let names: Vec<&str> = report.entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["app-1a2b_bg.wasm", INLINE_CSS]);
        assert!(report.entries[1].gzip > 18);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn counts_only_top_level_first_load_files() {
        let dir = scratch("xtask-size-filter");
        for f in [
            "app-1a2b_bg.wasm",
            "app-1a2b.js",
            "style-9f.css",
            "embed.js",
            "og.png",
        ] {
            fs::write(dir.join(f), "x".repeat(100)).unwrap();
        }
        fs::write(
            dir.join("index.html"),
            "<link href=/style-9f.css><link rel=alternate href=\"/s/oembed.json\"><script>import('/app-1a2b.js');'/app-1a2b_bg.wasm'</script><p>embed.js</p>",
        )
        .unwrap();
        fs::create_dir(dir.join("nested")).unwrap();
        fs::write(dir.join("nested").join("deep.js"), "x").unwrap();
        // The glue's own import (the lazy islands' loader) counts; the
        // part it fetches later does not.
        fs::write(
            dir.join("app-1a2b.js"),
            "import*as e from\"./app-split-3c.js\";import{x}from './nested/deep.js';",
        )
        .unwrap();
        fs::write(
            dir.join("app-split-3c.js"),
            "import{initSync as i}from\"./app-1a2b.js\";fetch(new URL(\"./app-poll-4d.wasm\",import.meta.url))",
        )
        .unwrap();
        fs::write(dir.join("app-poll-4d.wasm"), "x".repeat(100)).unwrap();
        let html = fs::read_to_string(dir.join("index.html")).unwrap();
        let first = first_load_files(&dir, Some(&html)).unwrap();
        let names: Vec<String> = first
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            names,
            [
                "app-1a2b.js",
                "app-1a2b_bg.wasm",
                "app-split-3c.js",
                "style-9f.css"
            ]
        );
        assert_eq!(lazy_files(&dir, &first), [dir.join("app-poll-4d.wasm")]);
        let report = measure(&dir).unwrap();
        assert_eq!(report.entries.len(), 4);
        assert!(!report.over_budget());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn empty_or_missing_dist_is_an_error() {
        let dir = scratch("xtask-size-empty");
        assert!(measure(&dir).is_err());
        assert!(measure(&dir.join("missing")).is_err());
        fs::remove_dir_all(&dir).unwrap();
    }

    /// xorshift noise of `len` bytes: it does not compress.
    fn noise(len: u64) -> Vec<u8> {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        (0..len)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x as u8
            })
            .collect()
    }

    #[test]
    fn every_story_page_is_measured_and_the_one_over_fails_by_name() {
        let dir = scratch("xtask-size-pages");
        fs::write(dir.join("app-1a2b_bg.wasm"), noise(GZIP_BUDGET_BYTES / 2)).unwrap();
        let page = |css: &str| format!("<style>{css}</style><script>'/app-1a2b_bg.wasm'</script>");
        fs::write(dir.join("index.html"), page("p{}")).unwrap();
        fs::create_dir(dir.join("small")).unwrap();
        fs::write(dir.join("small/index.html"), page("p{}")).unwrap();
        fs::create_dir(dir.join("heavy")).unwrap();
        let heavy = String::from_utf8(
            noise(GZIP_BUDGET_BYTES)
                .iter()
                .map(|b| b'a' + b % 26)
                .collect(),
        )
        .unwrap();
        fs::write(dir.join("heavy/index.html"), page(&heavy)).unwrap();
        let reports = measure_site(&dir).unwrap();
        let names: Vec<&str> = reports.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["index.html", "heavy/", "small/"]);
        assert_eq!(reports[0].1.gzip_total(), reports[2].1.gzip_total());
        assert!(reports[1].1.over_budget() && !reports[2].1.over_budget());
        let err = check(&dir).unwrap_err();
        assert!(err.contains("heavy/") && !err.contains("small/"), "{err}");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn incompressible_bytes_over_the_budget_fail() {
        let dir = scratch("xtask-size-over");
        fs::write(dir.join("big_bg.wasm"), noise(GZIP_BUDGET_BYTES + 64)).unwrap();
        let report = measure(&dir).unwrap();
        assert!(report.over_budget());
        assert!(check(&dir).is_err());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn within_the_budget_passes() {
        let dir = scratch("xtask-size-within");
        fs::write(dir.join("small_bg.wasm"), noise(GZIP_BUDGET_BYTES / 2)).unwrap();
        assert!(check(&dir).is_ok());
        fs::remove_dir_all(&dir).unwrap();
    }
}
