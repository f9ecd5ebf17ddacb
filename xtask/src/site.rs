//! The site: every story file in a content folder, validated and rendered
//! into a folder of pages around the one runtime Trunk built.
//!
//! ```text
//! content/story.toml  ─┐                       dist/index.html            (the default story)
//! content/other.toml  ─┼─ validate all ─ render ─ dist/<slug>/index.html  (each story)
//!                      │                       dist/<slug>/images/*.{png,svg} (its pictures)
//!                      │                       dist/<slug>/oembed*.json   (with --site-url)
//!                      │                       dist/stories.json          (the list)
//! target/runtime/…    ─┘ (copied as they are)  dist/explainer-<hash>.{js,wasm}, favicon, embed.js
//! ```
//!
//! Every file is read when this runs, so an edit to a story needs no Rust
//! compile. All problems of all files are reported at once, each naming the
//! file, line, column and field. The default story is `story.toml` when the
//! folder has one, else the first file by name.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use explainer::i18n::{self, Locale, LocaleFile};
use explainer::json::{self, Json};
use explainer::page::images::{self, Fonts};
use explainer::page::{self, oembed, Place, Problem, Runtime};
use explainer::story::outline::poll_outline;
use explainer::story::{self, Story};

use crate::util::{fmt_duration, Result};

/// The file that holds the default story, when the folder has one.
pub const DEFAULT_FILE: &str = "story.toml";

/// A story file that was read and validated, with its edition's locale.
pub struct Loaded {
    /// The file, as named in messages.
    pub file: String,
    /// The story.
    pub story: &'static Story,
    /// Its locale (chosen by its `language`, with its `[strings]`).
    pub locale: &'static Locale,
}

/// The folder of locale files, `locales/` in the repository.
pub fn locales_dir(base: &Path) -> PathBuf {
    base.join("locales")
}

/// Reads every `*.ftl` of `dir` (every problem of every file at once).
pub fn read_locales(dir: &Path, base: &Path) -> std::result::Result<Vec<LocaleFile>, Vec<Problem>> {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)
        .map(|e| e.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|x| x == "ftl"));
    paths.sort();
    if paths.is_empty() {
        problems.push(Problem {
            file: shown(dir, base),
            line: 1,
            column: 1,
            field: String::new(),
            message: "no locale files (*.ftl) here".to_owned(),
        });
    }
    for path in paths {
        let file = shown(&path, base);
        let tag = path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let read = fs::read_to_string(&path)
            .map_err(|e| {
                vec![i18n::Problem {
                    file: file.clone(),
                    line: 1,
                    column: 1,
                    key: String::new(),
                    message: format!("cannot read the file: {e}"),
                }]
            })
            .and_then(|text| i18n::read(&file, &tag, &text));
        match read {
            Ok(f) => files.push(f),
            Err(errors) => problems.extend(errors.into_iter().map(|e| Problem {
                file: e.file,
                line: e.line,
                column: e.column,
                field: e.key,
                message: e.message,
            })),
        }
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(problems)
    }
}

/// The locale file for a story in `lang`: the same tag, else the same
/// language (`en-GB` takes `en.ftl`).
pub fn locale_for<'a>(files: &'a [LocaleFile], lang: &str) -> Option<&'a LocaleFile> {
    let lower = lang.to_ascii_lowercase();
    let primary = lower.split('-').next().unwrap_or_default().to_owned();
    files
        .iter()
        .find(|f| f.tag.to_ascii_lowercase() == lower)
        .or_else(|| files.iter().find(|f| f.tag.to_ascii_lowercase() == primary))
}

/// What reading a content folder gave.
pub struct Stories {
    /// The valid stories, the default first, then by file name.
    pub stories: Vec<Loaded>,
    /// Every problem of every file, in file order.
    pub problems: Vec<Problem>,
    /// The files with problems, each with the slug it gives (when it can
    /// be read), so a development server can show the problems there.
    pub broken: Vec<(String, Option<String>)>,
    /// Where the stories' pictures were made (`target/pictures/`).
    pub pictures: PathBuf,
}

impl Stories {
    /// The report for a terminal: one line a problem.
    pub fn report(&self) -> String {
        let files = self.broken.len();
        let mut out = format!(
            "{} problem{} in {files} story file{}:\n",
            self.problems.len(),
            if self.problems.len() == 1 { "" } else { "s" },
            if files == 1 { "" } else { "s" },
        );
        for p in &self.problems {
            out.push_str(&format!("  {}\n", problem_line(p)));
        }
        out
    }
}

/// `file:line:column: field: message`.
pub fn problem_line(p: &Problem) -> String {
    let field = if p.field.is_empty() {
        String::new()
    } else {
        format!("{}: ", p.field)
    };
    format!("{}:{}:{}: {field}{}", p.file, p.line, p.column, p.message)
}

/// The `*.toml` files of a content folder, `story.toml` first, then by name.
pub fn story_files(content: &Path) -> Result<Vec<PathBuf>> {
    let entries = fs::read_dir(content)
        .map_err(|e| format!("cannot read the content folder {}: {e}", content.display()))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort_by_key(|p| {
        let name = p
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        (name != DEFAULT_FILE, name)
    });
    Ok(files)
}

/// How a file is named in messages: relative to `base` when inside it.
fn shown(path: &Path, base: &Path) -> String {
    path.strip_prefix(base)
        .unwrap_or(path)
        .to_string_lossy()
        .into_owned()
}

/// Reads and validates every story of `content`, each with its locale from
/// `locales` (the repository's `locales/`); `base` is the folder file names
/// are given from (the repository root).
pub fn load(content: &Path, locales: &Path, base: &Path) -> Result<Stories> {
    let mut out = Stories {
        stories: Vec::new(),
        problems: Vec::new(),
        broken: Vec::new(),
        pictures: base.join("target").join("pictures"),
    };
    let locale_files = match read_locales(locales, base) {
        Ok(files) => files,
        Err(problems) => {
            for p in &problems {
                if !out.broken.iter().any(|(f, _)| *f == p.file) {
                    out.broken.push((p.file.clone(), None));
                }
            }
            out.problems.extend(problems);
            Vec::new()
        }
    };
    for path in story_files(content)? {
        let file = shown(&path, base);
        let text = match fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                out.problems.push(Problem {
                    file: file.clone(),
                    line: 1,
                    column: 1,
                    field: String::new(),
                    message: format!("cannot read the file: {e}"),
                });
                out.broken.push((file, None));
                continue;
            }
        };
        match story::parse(&file, &text) {
            Ok(story) => {
                // Two files may not give one page.
                if let Some(first) = out.stories.iter().find(|l| l.story.slug == story.slug) {
                    out.problems.push(Problem {
                        line: line_of(&text, "slug").unwrap_or(1),
                        column: 1,
                        field: "story.slug".to_owned(),
                        message: format!(
                            "\"{}\" is the slug of {} already; each story needs its own",
                            story.slug, first.file
                        ),
                        file: file.clone(),
                    });
                    out.broken.push((file, Some(story.slug)));
                    continue;
                }
                let line = line_of(&text, "language").unwrap_or(1);
                let problem = |message: String| Problem {
                    file: file.clone(),
                    line,
                    column: 1,
                    field: "story.language".to_owned(),
                    message,
                };
                let Some(locale_file) = locale_for(&locale_files, &story.language) else {
                    if !locale_files.is_empty() {
                        let tags: Vec<&str> = locale_files.iter().map(|f| f.tag.as_str()).collect();
                        out.problems.push(problem(format!(
                            "no locale for \"{}\": the locales are {} (locales/*.ftl)",
                            story.language,
                            tags.join(", ")
                        )));
                        out.broken.push((file, Some(story.slug)));
                    }
                    continue;
                };
                let locale = match Locale::new(locale_file, &story.language, &story.strings) {
                    Ok(l) => l,
                    Err(e) => {
                        out.problems.push(problem(e));
                        out.broken.push((file, Some(story.slug)));
                        continue;
                    }
                };
                // Its pictures, read and made ready (or found made).
                let mut story = story;
                // A picture's file is named from the story file's folder.
                let folder = path.parent().unwrap_or(content).to_path_buf();
                let mut missing = Vec::new();
                for (i, figure) in story.figures.iter_mut().enumerate() {
                    let path = folder.join(&figure.file);
                    match page::photos::prepare(&path, &shown(&path, base), &out.pictures) {
                        Ok(photo) => figure.photo = Some(photo),
                        Err(message) => missing.push(Problem {
                            file: file.clone(),
                            line: figure.file_at.0,
                            column: figure.file_at.1,
                            field: format!("pictures[{i}].file"),
                            message,
                        }),
                    }
                }
                if !missing.is_empty() {
                    out.problems.extend(missing);
                    out.broken.push((file, Some(story.slug)));
                    continue;
                }
                let story: &'static Story = Box::leak(Box::new(story));
                let locale: &'static Locale = Box::leak(Box::new(locale));
                out.stories.push(Loaded {
                    file,
                    story,
                    locale,
                });
            }
            Err(errors) => {
                out.problems.extend(errors.into_iter().map(|e| Problem {
                    file: e.file,
                    line: e.line,
                    column: e.column,
                    field: e.field,
                    message: e.message,
                }));
                out.broken.push((file, story::source::slug_of(&text)));
            }
        }
    }
    if out.stories.is_empty() && out.problems.is_empty() {
        return Err(format!(
            "{} holds no story (*.toml) file",
            content.display()
        ));
    }
    Ok(out)
}

/// The line of the first `key =` in a TOML text.
fn line_of(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .position(|l| {
            l.trim_start()
                .strip_prefix(key)
                .is_some_and(|r| r.trim_start().starts_with('='))
        })
        .map(|i| i + 1)
}

/// `stories.json`: every story with its slug, headline, language, page,
/// file and poll outline (what the results service takes answers for), and
/// which one is the default (also at the site's root).
pub fn stories_json(root: &str, stories: &[Loaded]) -> String {
    let list = stories
        .iter()
        .map(|l| {
            Json::object([
                ("slug", Json::str(&l.story.slug)),
                ("headline", Json::str(&l.story.headline)),
                ("language", Json::str(&l.story.language)),
                ("dir", Json::str(l.locale.dir.attr())),
                ("path", Json::str(Place::story(root, &l.story.slug).path)),
                ("file", Json::str(&l.file)),
                (
                    "poll",
                    l.story
                        .poll
                        .as_ref()
                        .map_or(Json::Null, |p| poll_outline(p).to_json()),
                ),
            ])
        })
        .collect();
    let default = stories
        .first()
        .map_or(Json::Null, |l| Json::str(&l.story.slug));
    let mut text = json::stringify(&Json::object([
        ("version", Json::Number(2.0)),
        ("root", Json::str(root)),
        ("default", default),
        ("stories", Json::Array(list)),
    ]));
    text.push('\n');
    text
}

/// Writes `text` to `path` through a temporary file and a rename, so a
/// reader never sees half a page.
pub fn write_atomic(path: &Path, text: &[u8]) -> Result {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    let tmp = path.with_extension("xtask-tmp");
    fs::write(&tmp, text).map_err(|e| format!("cannot write {}: {e}", tmp.display()))?;
    fs::rename(&tmp, path).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Where a site is published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Site {
    /// Its path, starting and ending with `/` (`/news/explainer/`).
    pub root: String,
    /// Its origin (`https://example.org`), when known: link previews'
    /// images and oEmbed responses need absolute addresses.
    pub origin: Option<String>,
    /// The name oEmbed responses give as their provider.
    pub name: String,
}

impl Site {
    /// A site at `root` whose origin is not known.
    pub fn at(root: &str) -> Site {
        Site {
            root: root.to_owned(),
            origin: None,
            name: String::new(),
        }
    }

    /// A site published at `url` (`https://example.org/news/explainer/`),
    /// named `name` (its host when `None`).
    pub fn published(url: &str, name: Option<&str>) -> Result<Site> {
        let bad = || {
            format!("--site-url takes the site's address, such as https://example.org/news/explainer/, not `{url}`")
        };
        let (scheme, rest) = url.split_once("://").ok_or_else(bad)?;
        if !matches!(scheme, "http" | "https") || url.contains(['?', '#', ' ', '"', '<', '>']) {
            return Err(bad());
        }
        let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        if host.is_empty() || host.contains('@') {
            return Err(bad());
        }
        let trimmed = path.trim_matches('/');
        let root = if trimmed.is_empty() {
            "/".to_owned()
        } else {
            format!("/{trimmed}/")
        };
        Ok(Site {
            root,
            origin: Some(format!("{scheme}://{host}")),
            name: name.unwrap_or(host).to_owned(),
        })
    }
}

/// What [`write`] did.
pub struct Written {
    /// Each story's slug and page file, the default first.
    pub pages: Vec<(String, PathBuf)>,
    /// How long rendering and writing the pages took.
    pub took: std::time::Duration,
}

/// The runtime's other wasm and JavaScript files, beside the ones its page
/// names (`named`): the lazy islands' parts and their loader.
fn split_files(runtime_dir: &Path, named: &[String]) -> Result<Vec<String>> {
    let entries = fs::read_dir(runtime_dir)
        .map_err(|e| format!("cannot read {}: {e}", runtime_dir.display()))?;
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let code = name.ends_with(".wasm") || name.ends_with(".js");
        if code && entry.path().is_file() && !named.contains(&name) {
            out.push(name);
        }
    }
    out.sort();
    Ok(out)
}

/// Writes the site into `out` (made afresh): the runtime's files from
/// `runtime_dir`, every story's page and pictures (PNG, and the SVG they
/// are drawn from), its oEmbed responses when the site's origin is known,
/// the default story at the root too, `stories.json`, and for each broken
/// file (in development) its problems page where its story would be.
pub fn write(
    out: &Path,
    runtime_dir: &Path,
    site: &Site,
    stories: &Stories,
    show_problems: bool,
) -> Result<Written> {
    let started = Instant::now();
    let root = site.root.as_str();
    let fonts = Fonts::load()?;
    let trunk_html = fs::read_to_string(runtime_dir.join("index.html")).map_err(|e| {
        format!(
            "cannot read {}/index.html (build the runtime first): {e}",
            runtime_dir.display()
        )
    })?;
    let runtime = Runtime::from_trunk_html(&trunk_html)?;
    let staging = out.with_file_name(format!(
        ".{}.xtask-staging",
        out.file_name().unwrap_or_default().to_string_lossy()
    ));
    let _ = fs::remove_dir_all(&staging);
    fs::create_dir_all(&staging)
        .map_err(|e| format!("cannot create {}: {e}", staging.display()))?;
    let mut files = runtime.files(root);
    files.push("embed.js".to_owned());
    // The lazy islands' wasm files and the loader the glue imports for
    // them (`split`): the page names neither.
    files.extend(split_files(runtime_dir, &files)?);
    for name in files {
        let from = runtime_dir.join(&name);
        fs::copy(&from, staging.join(&name))
            .map_err(|e| format!("cannot copy {}: {e}", from.display()))?;
    }
    let mut pages = Vec::new();
    for (i, l) in stories.stories.iter().enumerate() {
        let place = Place::story(root, &l.story.slug).at(site.origin.as_deref());
        let folder = staging.join(&l.story.slug);
        let pictures = images::pictures(l.story, l.locale, &fonts);
        for picture in &pictures {
            let png = images::png(picture, &fonts).map_err(|e| format!("{}: {e}", l.file))?;
            write_atomic(&folder.join(format!("images/{}.png", picture.name)), &png)?;
            write_atomic(
                &folder.join(format!("images/{}.svg", picture.name)),
                picture.svg.as_bytes(),
            )?;
        }
        for view in oembed::views(l.story) {
            if let Some(response) =
                oembed::response(l.story, l.locale, &place, view, &pictures, &site.name)
            {
                let mut text = json::stringify(&response);
                text.push('\n');
                write_atomic(&folder.join(oembed::file(view)), text.as_bytes())?;
            }
        }
        for figure in &l.story.figures {
            if let Some(photo) = &figure.photo {
                let to = folder.join("pictures");
                page::photos::copy_files(photo, &figure.slug, &stories.pictures, &to)?;
            }
        }
        let html = page::render(l.story, l.locale, &place, &runtime, &pictures);
        let file = folder.join("index.html");
        write_atomic(&file, html.as_bytes())?;
        if i == 0 {
            write_atomic(&staging.join("index.html"), html.as_bytes())?;
        }
        pages.push((
            l.story.slug.clone(),
            out.join(&l.story.slug).join("index.html"),
        ));
    }
    if show_problems {
        for (file, slug) in &stories.broken {
            let problems: Vec<Problem> = stories
                .problems
                .iter()
                .filter(|p| p.file == *file)
                .cloned()
                .collect();
            let html = page::problems_page(file, &problems);
            let stem = Path::new(file)
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let folder = slug.clone().unwrap_or(stem);
            write_atomic(&staging.join(&folder).join("index.html"), html.as_bytes())?;
            let is_default = Path::new(file)
                .file_name()
                .is_some_and(|n| n == DEFAULT_FILE);
            if is_default || stories.stories.is_empty() {
                write_atomic(&staging.join("index.html"), html.as_bytes())?;
            }
        }
    }
    write_atomic(
        &staging.join("stories.json"),
        stories_json(root, &stories.stories).as_bytes(),
    )?;
    swap(&staging, out)?;
    Ok(Written {
        pages,
        took: started.elapsed(),
    })
}

/// Held for writing while a site is swapped in, and for reading by the
/// development server while it reads a file, so it never sees the gap.
pub static SWAP: std::sync::RwLock<()> = std::sync::RwLock::new(());

/// Puts `staging` where `out` is, removing the old one.
fn swap(staging: &Path, out: &Path) -> Result {
    let _held = SWAP.write().unwrap_or_else(|e| e.into_inner());
    let old = staging.with_extension("old");
    let _ = fs::remove_dir_all(&old);
    if out.exists() {
        fs::rename(out, &old).map_err(|e| format!("cannot move {} aside: {e}", out.display()))?;
    }
    fs::rename(staging, out)
        .map_err(|e| format!("cannot move the new site to {}: {e}", out.display()))?;
    let _ = fs::remove_dir_all(&old);
    Ok(())
}

/// Prints what was written.
pub fn print(written: &Written, stories: &Stories) {
    println!(
        "site: {} stor{} rendered in {}",
        written.pages.len(),
        if written.pages.len() == 1 { "y" } else { "ies" },
        fmt_duration(written.took)
    );
    for (i, (slug, file)) in written.pages.iter().enumerate() {
        let default = if i == 0 {
            " (default, also at index.html)"
        } else {
            ""
        };
        println!("  {slug}: {}{default}", file.display());
    }
    if !stories.problems.is_empty() {
        print!("{}", stories.report());
    }
}

/// Writes what the component tests hydrate: each interactive part of the
/// project's story (`content/story.toml`, English) as the page renders it,
/// to `target/component-fixtures/<part>.html`.
pub fn component_fixtures(root: &Path) -> Result {
    use explainer::part::Part;
    let file = root.join("content").join("story.toml");
    let text =
        fs::read_to_string(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let story = story::parse("content/story.toml", &text)
        .map_err(|problems| format!("content/story.toml has problems: {problems:?}"))?;
    let story: &'static Story = Box::leak(Box::new(story));
    let files = read_locales(&locales_dir(root), root)
        .map_err(|problems| format!("the locales have problems: {problems:?}"))?;
    let english = locale_for(&files, "en").ok_or("no English locale (locales/en.ftl)")?;
    let locale =
        Locale::new(english, "en", &[]).map_err(|e| format!("the English locale: {e:?}"))?;
    let locale: &'static Locale = Box::leak(Box::new(locale));
    let dir = root.join("target").join("component-fixtures");
    fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    // The embed codes name the story's page at `/<slug>/` on a site at `/`,
    // with pictures of these sizes (name, width, height), as the tests expect.
    let pictures = [
        ("explainer", 600, 520),
        ("context", 600, 610),
        ("timeline", 600, 1270),
        ("poll", 600, 850),
    ];
    let codes = story.embed_codes(&format!("/{}/", story.slug), "/", locale, &pictures);
    for part in [Part::Context, Part::Timeline, Part::Embed, Part::Poll] {
        // The project's story has every part.
        let html = explainer::page::part_html(story, locale, part, codes.clone());
        write_atomic(&dir.join(format!("{}.html", part.name())), html.as_bytes())?;
    }
    // The same poll with a results service (made up: `https://results.test`).
    let mut with_results = story.clone();
    if let Some(poll) = &mut with_results.poll {
        poll.results = story::source::results_service("https://results.test").ok();
    }
    let with_results: &'static Story = Box::leak(Box::new(with_results));
    let html = explainer::page::part_html(with_results, locale, Part::Poll, Vec::new());
    write_atomic(&dir.join("poll-results.html"), html.as_bytes())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::util::testing::{png, scratch};

    fn project_story() -> String {
        fs::read_to_string(crate::util::Ctx::new().root.join("content/story.toml")).unwrap()
    }

    #[test]
    fn a_site_url_gives_origin_path_and_name() {
        let s = Site::published("https://example.org/news/explainer", None).unwrap();
        assert_eq!(s.origin.as_deref(), Some("https://example.org"));
        assert_eq!(s.root, "/news/explainer/");
        assert_eq!(s.name, "example.org");
        let s = Site::published("http://127.0.0.1:8080/", Some("The Planet")).unwrap();
        assert_eq!((s.root.as_str(), s.name.as_str()), ("/", "The Planet"));
        for bad in [
            "example.org/x/",
            "ftp://example.org/",
            "https:///x/",
            "https://a.org/?q",
            "https://u@a.org/",
        ] {
            let e = Site::published(bad, None).unwrap_err();
            assert!(e.contains("--site-url takes"), "{bad}: {e}");
        }
    }

    #[test]
    fn story_toml_comes_first() {
        let dir = scratch("xtask-site-order");
        for f in ["b.toml", "story.toml", "a.toml", "notes.txt"] {
            fs::write(dir.join(f), "").unwrap();
        }
        let names: Vec<String> = story_files(&dir)
            .unwrap()
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["story.toml", "a.toml", "b.toml"]);
        fs::remove_dir_all(&dir).unwrap();
    }

    /// The made-up test story and its pictures, copied into `dir`.
    fn test_story_into(dir: &Path) -> String {
        let root = crate::util::Ctx::new().root.join("tests/stories");
        let text = fs::read_to_string(root.join("riverside-library.toml")).unwrap();
        fs::write(dir.join("riverside-library.toml"), &text).unwrap();
        fs::create_dir_all(dir.join("riverside-library")).unwrap();
        for entry in fs::read_dir(root.join("riverside-library")).unwrap() {
            let path = entry.unwrap().path();
            fs::copy(
                &path,
                dir.join("riverside-library")
                    .join(path.file_name().unwrap()),
            )
            .unwrap();
        }
        text
    }

    #[test]
    fn a_storys_pictures_are_made_once_and_every_problem_with_them_is_named() {
        let dir = scratch("xtask-site-pictures");
        let text = test_story_into(&dir);
        let locales = locales_dir(&crate::util::Ctx::new().root);
        let s = load(&dir, &locales, &dir).unwrap();
        assert_eq!(s.problems, []);
        let story = s.stories[0].story;
        assert!(story.figures.iter().all(|f| f.photo.is_some()));
        let plan = story.figure("plan-shapes").unwrap().photo.as_ref().unwrap();
        assert_eq!(
            plan.fallback,
            explainer::story::PhotoFormat::Png,
            "transparent"
        );
        assert!(dir
            .join("target/pictures")
            .join(&plan.key)
            .join("meta")
            .is_file());
        // A missing file, one too narrow, one that is no picture: all named.
        let pictures = dir.join("riverside-library");
        fs::remove_file(pictures.join("flood.jpg")).unwrap();
        fs::copy(pictures.join("plan.png"), pictures.join("archive.jpg")).unwrap();
        fs::write(pictures.join("reading-room.jpg"), "not a picture").unwrap();
        let narrow = png(900);
        fs::write(pictures.join("plan.png"), narrow).unwrap();
        let s = load(&dir, &locales, &dir).unwrap();
        assert!(s.stories.is_empty());
        let lines: Vec<String> = s.problems.iter().map(problem_line).collect();
        let at = |file: &str| {
            let line = text[..text
                .find(&format!("file = \"riverside-library/{file}\""))
                .unwrap()]
                .matches('\n')
                .count()
                + 1;
            format!("riverside-library.toml:{line}:8: ")
        };
        assert_eq!(lines.len(), 3, "{lines:#?}");
        assert!(
            lines[0].starts_with(&format!(
                "{}pictures[0].file: cannot read riverside-library/flood.jpg: ",
                at("flood.jpg")
            )),
            "{lines:#?}"
        );
        assert!(
            lines[1].starts_with(&format!(
                "{}pictures[1].file: riverside-library/reading-room.jpg is not a picture",
                at("reading-room.jpg")
            )),
            "{lines:#?}"
        );
        assert!(
            lines[2].starts_with(&format!(
                "{}pictures[2].file: riverside-library/plan.png is 900 px wide",
                at("plan.png")
            )),
            "{lines:#?}"
        );
        assert_eq!(s.broken[0].1.as_deref(), Some("riverside-library-test"));
        fs::remove_dir_all(&dir).unwrap();
    }

    /// A runtime folder as Trunk leaves one (its files empty).
    fn fake_runtime(dir: &Path) -> PathBuf {
        let runtime = dir.join("runtime");
        fs::create_dir_all(&runtime).unwrap();
        fs::write(
            runtime.join("index.html"),
            "<html><head><link rel=\"modulepreload\" href=\"/explainer-1.js\"><link rel=\"preload\" href=\"/explainer-1_bg.wasm\"><style>p{}</style></head><body></body></html>",
        )
        .unwrap();
        for f in ["explainer-1.js", "explainer-1_bg.wasm", "embed.js"] {
            fs::write(runtime.join(f), "").unwrap();
        }
        runtime
    }

    /// Every `.html` file under `dir`, read.
    fn pages_under(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
        for path in fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()) {
            if path.is_dir() {
                pages_under(&path, out);
            } else if path.extension().is_some_and(|e| e == "html") {
                out.push((path.clone(), fs::read_to_string(&path).unwrap()));
            }
        }
    }

    #[test]
    fn hostile_story_text_is_refused_and_none_of_it_reaches_a_page() {
        let dir = scratch("xtask-site-hostile");
        let text = test_story_into(&dir);
        let hostile = [
            (
                "is *invented* so that",
                "is <script>alert(1)</script> so that",
            ),
            ("120,000 (*invented*)", "[120,000](javascript:alert(1))"),
            (
                "a river flood closes the old library.",
                "a river <img src=x onerror=alert(1)> flood.",
            ),
            (
                "The made-up town picks a design.",
                "The [town](data:text/html,hi) picks a design.",
            ),
        ];
        let mut broken = text.clone();
        for (from, to) in hostile {
            assert!(broken.contains(from), "{from}");
            broken = broken.replacen(from, to, 1);
        }
        fs::write(dir.join("riverside-library.toml"), &broken).unwrap();
        fs::write(dir.join("story.toml"), project_story()).unwrap();
        let s = load(&dir, &locales_dir(&crate::util::Ctx::new().root), &dir).unwrap();
        let lines: Vec<String> = s.problems.iter().map(problem_line).collect();
        assert_eq!(lines.len(), 4, "{lines:#?}");
        for (line, field) in lines.iter().zip([
            "article.body[2]: HTML is not allowed (<script>)",
            "article.tables[0].rows[0][1]: a link may lead to",
            "context.sections[0].blocks[0].paragraph: HTML is not allowed (<img src=x onerror=alert(1)>)",
            "timeline.milestones[0].summary: a link may lead to",
        ]) {
            assert!(line.starts_with("riverside-library.toml:") && line.contains(field), "{line}");
        }
        // Built with the problems shown (as `serve` does): the good story's
        // page, the broken one's problems page, and nothing hostile in either.
        let out = dir.join("dist");
        write(&out, &fake_runtime(&dir), &Site::at("/"), &s, true).unwrap();
        let mut pages = Vec::new();
        pages_under(&out, &mut pages);
        assert!(pages.len() >= 3, "{pages:?}");
        let problems = fs::read_to_string(out.join("riverside-library-test/index.html")).unwrap();
        assert!(
            problems.contains("HTML is not allowed (&lt;script&gt;)"),
            "the problem, escaped"
        );
        for (path, html) in &pages {
            assert_eq!(hostile_in(html), Vec::<String>::new(), "{}", path.display());
        }
        // The check sees what it looks for.
        assert_eq!(
            hostile_in("<p><img src=x onerror=alert(1)><a href=\"JavaScript:x\">a</a><script>alert(1)</script></p>"),
            ["img onerror", "a href JavaScript:x", "script alert(1)"]
        );
        fs::remove_dir_all(&dir).unwrap();
    }

    /// What in `html`, read as a browser reads it, could run a story's
    /// code: event-handler attributes, `javascript:`/`data:` links, and
    /// script text calling `alert`.
    fn hostile_in(html: &str) -> Vec<String> {
        let found = std::cell::RefCell::new(Vec::new());
        lol_html::rewrite_str(
            html,
            lol_html::RewriteStrSettings {
                element_content_handlers: vec![
                    lol_html::element!("*", |el| {
                        for a in el.attributes() {
                            if a.name().starts_with("on") {
                                found
                                    .borrow_mut()
                                    .push(format!("{} {}", el.tag_name(), a.name()));
                            }
                        }
                        Ok(())
                    }),
                    lol_html::element!("a[href]", |el| {
                        let href = el.get_attribute("href").unwrap_or_default();
                        let lower = href.trim().to_ascii_lowercase();
                        if lower.starts_with("javascript:") || lower.starts_with("data:") {
                            found.borrow_mut().push(format!("a href {href}"));
                        }
                        Ok(())
                    }),
                    lol_html::text!("script", |t| {
                        if t.as_str().contains("alert") {
                            found.borrow_mut().push(format!("script {}", t.as_str()));
                        }
                        Ok(())
                    }),
                ],
                ..lol_html::RewriteStrSettings::new()
            },
        )
        .unwrap();
        found.into_inner()
    }

    #[test]
    fn every_problem_of_every_file_is_reported() {
        let dir = scratch("xtask-site-problems");
        let good = project_story();
        fs::write(dir.join("story.toml"), &good).unwrap();
        fs::write(
            dir.join("broken.toml"),
            good.replace("slug = \"tajik-japan-tokyo-talks\"", "slug = \"second\"")
                .replace("end = \"2030\"", "end = \"2030-13\"")
                .replace("headline = \"Tajik", "headline = \"\" # Tajik"),
        )
        .unwrap();
        fs::write(dir.join("syntax.toml"), "[story\nslug = 1").unwrap();
        fs::write(dir.join("twin.toml"), &good).unwrap();
        let s = load(&dir, &locales_dir(&crate::util::Ctx::new().root), &dir).unwrap();
        assert_eq!(s.stories.len(), 1);
        let files: Vec<&str> = s.broken.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(files, ["broken.toml", "syntax.toml", "twin.toml"]);
        assert_eq!(s.broken[0].1.as_deref(), Some("second"));
        let report = s.report();
        assert!(report.contains("broken.toml:"), "{report}");
        assert!(
            report.contains(": story.headline: must not be empty"),
            "{report}"
        );
        assert!(report.contains("syntax.toml:1:"), "{report}");
        assert!(
            report.contains("twin.toml:8:1: story.slug: \"tajik-japan-tokyo-talks\" is the slug of story.toml already"),
            "{report}"
        );
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_list_names_every_story_and_the_default() {
        let story: &'static Story = Box::leak(Box::new(
            story::parse("content/story.toml", &project_story()).unwrap(),
        ));
        let root = crate::util::Ctx::new().root;
        let files = read_locales(&locales_dir(&root), &root).unwrap();
        let locale: &'static Locale = Box::leak(Box::new(
            Locale::new(locale_for(&files, "en").unwrap(), "en", &[]).unwrap(),
        ));
        let text = stories_json(
            "/news/",
            &[Loaded {
                file: "content/story.toml".to_owned(),
                story,
                locale,
            }],
        );
        let v = json::parse(&text).unwrap();
        assert_eq!(
            v.get("default").and_then(Json::as_str),
            Some("tajik-japan-tokyo-talks")
        );
        let first = &v.get("stories").and_then(Json::as_array).unwrap()[0];
        assert_eq!(
            first.get("path").and_then(Json::as_str),
            Some("/news/tajik-japan-tokyo-talks/")
        );
        assert_eq!(first.get("language").and_then(Json::as_str), Some("en"));
        // The results service reads each story's poll from the list.
        assert_eq!(
            explainer::story::outline::PollOutline::from_json(first.get("poll").unwrap()),
            Ok(poll_outline(story.poll.as_ref().unwrap()))
        );
    }
}
