//! `cargo xtask <command>`: the project's developer tooling.
//!
//! Every command runs from the repository root with `<repo>/node_modules/.bin`
//! and cargo's bin directory at the front of PATH, and every child process
//! writes straight to this process's stdout/stderr.

mod bench;
mod import;
mod minify;
mod new_story;
mod results;
mod runtime;
mod serve;
mod setup;
mod site;
mod size;
mod split;
mod util;
mod wasm_names;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

use util::{fmt_duration, run, Ctx, Result};

const USAGE: &str = "\
usage: cargo xtask <command> [options]

commands:
  setup                       install what is missing: wasm32 target, rustfmt/clippy,
                              trunk, wasm-bindgen-cli (version from Cargo.lock),
                              npm packages, Debian chromium + chromium-driver
  build [--public-url PATH | --site-url URL [--site-name NAME]] [--content DIR] [--dist DIR]
                              setup, the runtime (Trunk; skipped when its code, styles
                              and tools are unchanged), then every story of DIR
                              (default content/) validated and pre-rendered into
                              DIST (default dist/): <slug>/index.html each with its
                              images/ (social card, newsletter and embed pictures),
                              the default story also at index.html, stories.json;
                              with --site-url (the address the site is published at,
                              https://example.org/news/explainer/) also absolute
                              link-preview tags and oEmbed responses (provider NAME,
                              default the site's host)
  serve [--public-url PATH] [--port N] [--content DIR] [--dist DIR]
                              build, then serve DIST on http://127.0.0.1:8080 and
                              watch: a story edit is re-rendered at once (a story with
                              problems shows them in its page); a code or style edit
                              rebuilds the runtime; reload the page to see it
  new-story <slug> [--content DIR]
                              write DIR/<slug>.toml: a commented starter story that
                              validates and shows every part, for an editor to fill in
  import FILE [--slug S] [--language L] [--content DIR] [--force]
                              a TimelineJS timeline (its JSON, or its spreadsheet
                              template exported as .csv) as DIR/<slug>.toml (default
                              content/): a story that builds as it is; media next to
                              FILE become pictures, remote media are listed, nothing
                              is fetched; what has no equivalent is said, a line each
  results [--dist DIR] [--port N] [--database URL] [--allow-origin ORIGIN]... [--export-token T]
                              the poll's results service for the built site (built first
                              when missing) on http://127.0.0.1:8787; SQLite in
                              target/results/results.db unless --database (or DATABASE_URL)
                              names another (postgres://...); pages of ORIGIN may call it
                              (default the serve address); `--help` after `--` lists all
  results-load [--dist DIR]   load test of the results service: 200 concurrent readers,
                              5,000 requests, on SQLite and a temporary PostgreSQL, each
                              also with the service killed (SIGKILL) halfway; the tally
                              must equal what the readers last had acknowledged
  size [--dist DIR]           gzip -9 (and brotli) first-load sizes of every story page
                              (wasm + js + inline css); fails over the 138 KiB ceiling
  fixtures                    write target/component-fixtures/ (what the component
                              tests hydrate; `test` writes them first)
  test                        setup, fmt, clippy (native + wasm32), native tests,
                              headless-Chromium component tests, build, size budget,
                              end-to-end specs (stops at the first failure)
  bench [--runs N] [--skip-pages yes] [--skip-builds yes]
                              build into target/bench/site, then our page vs the
                              static limit (the page as a reader sees it, without
                              scripts) and a TimelineJS peer in headless Chromium on
                              two throttled phone profiles (medians of N runs,
                              default 5), every story's first load, and cold and
                              story-only build times; writes target/bench/report.md";

/// Where the site is served by `cargo xtask serve`.
const SERVE_ADDRESS: &str = "127.0.0.1";
const SERVE_PORT: &str = "8080";

fn main() -> ExitCode {
    let ctx = Ctx::new();
    ctx.prepare_env();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, rest) = match args.split_first() {
        Some((c, rest)) => (c.as_str(), rest),
        None => ("help", &[][..]),
    };
    let result = match command {
        "setup" => no_options(rest).and_then(|()| setup::run_setup(&ctx)),
        "build" => options(
            rest,
            &[
                "--public-url",
                "--site-url",
                "--site-name",
                "--content",
                "--dist",
            ],
        )
        .and_then(|o| build(&ctx, &o).map(drop)),
        "serve" => options(rest, &["--public-url", "--port", "--content", "--dist"])
            .and_then(|o| serve(&ctx, &o)),
        "new-story" => match rest.split_first() {
            Some((slug, more)) if !slug.starts_with('-') => options(more, &["--content"])
                .and_then(|o| new_story::write(&ctx, slug, &content_dir(&ctx, &o))),
            _ => Err(format!("new-story needs a slug\n\n{USAGE}")),
        },
        "import" => import_command(&ctx, rest),
        "results" => results_command(&ctx, rest),
        "results-load" => options(rest, &["--dist"]).and_then(|o| {
            let dist = built_dist(&ctx, &o)?;
            results::load(&ctx, &dist)
        }),
        "size" => options(rest, &["--dist"]).and_then(|o| size::check(&dist_dir(&ctx, &o))),
        "test" => no_options(rest).and_then(|()| test(&ctx)),
        "fixtures" => no_options(rest).and_then(|()| site::component_fixtures(&ctx.root)),
        "bench" => options(rest, &["--runs", "--skip-pages", "--skip-builds"])
            .and_then(|o| bench::bench(&ctx, &o)),
        "help" | "-h" | "--help" => {
            println!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask {command}: error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn no_options(rest: &[String]) -> Result {
    match rest.first() {
        None => Ok(()),
        Some(arg) => Err(format!("unexpected argument `{arg}`\n\n{USAGE}")),
    }
}

/// `--name value` / `--name=value` pairs, only from `allowed`.
struct Options(Vec<(String, String)>);

impl Options {
    fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

fn options(rest: &[String], allowed: &[&str]) -> Result<Options> {
    let mut out = Vec::new();
    let mut it = rest.iter();
    while let Some(arg) = it.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) => (n, Some(v)),
            None => (arg.as_str(), None),
        };
        if !allowed.contains(&name) {
            return Err(format!("unexpected argument `{name}`\n\n{USAGE}"));
        }
        let value = match inline {
            Some(v) => v.to_owned(),
            None => it
                .next()
                .ok_or_else(|| format!("`{name}` needs a value\n\n{USAGE}"))?
                .clone(),
        };
        out.push((name.to_owned(), value));
    }
    Ok(Options(out))
}

/// `cargo xtask import FILE [--slug S] [--language L] [--content DIR] [--force]`.
fn import_command(ctx: &Ctx, rest: &[String]) -> Result {
    let force = rest.iter().any(|a| a == "--force");
    let rest: Vec<String> = rest.iter().filter(|a| *a != "--force").cloned().collect();
    let Some((file, more)) = rest.split_first().filter(|(f, _)| !f.starts_with('-')) else {
        return Err(format!(
            "import needs a file (TimelineJS's JSON or CSV)\n\n{USAGE}"
        ));
    };
    let o = options(more, &["--slug", "--language", "--content"])?;
    let language = o.get("--language").unwrap_or("en").to_owned();
    let files = site::read_locales(&site::locales_dir(&ctx.root), &ctx.root)
        .map_err(|p| format!("the locale files have problems: {p:?}"))?;
    let locale = site::locale_for(&files, &language)
        .ok_or_else(|| format!("no locale for \"{language}\" in locales/"))?;
    let heading = explainer::i18n::Locale::new(locale, &language, &[])?.text("timeline-heading");
    let settings = import::Settings {
        slug: o.get("--slug").map(str::to_owned),
        language,
        content: content_dir(ctx, &o),
        force,
        heading,
    };
    // The input, where the command was run from.
    let input = std::env::current_dir()
        .map(|d| d.join(file))
        .unwrap_or_else(|_| PathBuf::from(file));
    import::command(&input, &settings, &ctx.root.join("target").join("pictures"))
}

/// A path option, relative to the repository root.
fn path_option(ctx: &Ctx, opts: &Options, name: &str, default: &str) -> PathBuf {
    let value = opts.get(name).unwrap_or(default);
    let path = Path::new(value);
    if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(path))
            .ok()
            .filter(|_| opts.get(name).is_some())
            .unwrap_or_else(|| ctx.root.join(path))
    }
}

fn content_dir(ctx: &Ctx, opts: &Options) -> PathBuf {
    path_option(ctx, opts, "--content", "content")
}

fn dist_dir(ctx: &Ctx, opts: &Options) -> PathBuf {
    path_option(ctx, opts, "--dist", "dist")
}

/// Where the site is published: `--site-url` (origin and path), else
/// `--public-url` (a path; the origin unknown). Both must agree.
fn site_option(opts: &Options) -> Result<site::Site> {
    let Some(url) = opts.get("--site-url") else {
        if opts.get("--site-name").is_some() {
            return Err("--site-name goes with --site-url".to_owned());
        }
        return Ok(site::Site::at(&public_url(opts)?));
    };
    let published = site::Site::published(url, opts.get("--site-name"))?;
    if opts.get("--public-url").is_some() && public_url(opts)? != published.root {
        return Err(format!(
            "--public-url {} and --site-url {url} name different paths: give one",
            public_url(opts)?
        ));
    }
    Ok(published)
}

/// The public URL, as a path that starts and ends with `/`.
fn public_url(opts: &Options) -> Result<String> {
    let url = opts.get("--public-url").unwrap_or("/");
    if url.contains("://") || url.contains(['?', '#', ' ']) {
        return Err(format!(
            "--public-url takes a path such as /news/explainer/, not `{url}`"
        ));
    }
    let mut path = format!("/{}/", url.trim_matches('/'));
    if path == "//" {
        path = "/".to_owned();
    }
    Ok(path)
}

/// What a build made.
pub struct BuildOutput {
    pub dist: PathBuf,
    pub runtime: runtime::Built,
    pub site: site::Written,
}

/// The release site: setup, the runtime (when its inputs changed), every
/// story validated (all problems of all files, or none) and rendered.
fn build(ctx: &Ctx, opts: &Options) -> Result<BuildOutput> {
    let started = Instant::now();
    setup::run_setup(ctx)?;
    let site = site_option(opts)?;
    let root = site.root.clone();
    let content = content_dir(ctx, opts);
    let dist = dist_dir(ctx, opts);
    // The stories first: a broken one fails the build before the runtime's.
    let stories = site::load(&content, &site::locales_dir(&ctx.root), &ctx.root)?;
    if !stories.problems.is_empty() {
        return Err(format!("the stories are not valid; {}", stories.report()));
    }
    let runtime = runtime::build(ctx, &root, false)?;
    let written = site::write(&dist, &runtime.dir, &site, &stories, false)?;
    site::print(&written, &stories);
    let report = size::measure_site(&dist)?;
    size::print_site(&report, &dist);
    println!(
        "build: done in {} (runtime {}: {}; {} pages: {})",
        fmt_duration(started.elapsed()),
        if runtime.rebuilt {
            "built"
        } else {
            "up to date"
        },
        fmt_duration(runtime.took),
        written.pages.len(),
        fmt_duration(written.took)
    );
    Ok(BuildOutput {
        dist,
        runtime,
        site: written,
    })
}

/// `--dist`, built first when it holds no site.
fn built_dist(ctx: &Ctx, opts: &Options) -> Result<PathBuf> {
    let dist = dist_dir(ctx, opts);
    if !dist.join("stories.json").is_file() {
        println!("results: no site in {}; building it first", dist.display());
        build(ctx, opts)?;
    }
    Ok(dist)
}

/// `cargo xtask results`: `--dist` is xtask's; every other option goes to
/// the service as it is.
fn results_command(ctx: &Ctx, rest: &[String]) -> Result {
    let mut pass = Vec::new();
    let mut dist = Vec::new();
    let mut it = rest.iter();
    while let Some(arg) = it.next() {
        if arg == "--dist" {
            dist.push((
                "--dist".to_owned(),
                it.next().ok_or("`--dist` needs a value")?.clone(),
            ));
        } else if let Some(v) = arg.strip_prefix("--dist=") {
            dist.push(("--dist".to_owned(), v.to_owned()));
        } else if arg != "--" {
            pass.push(arg.clone());
        }
    }
    let dist = built_dist(ctx, &Options(dist))?;
    results::serve(ctx, &dist, &pass)
}

fn serve(ctx: &Ctx, opts: &Options) -> Result {
    setup::run_setup(ctx)?;
    let port: u16 = opts
        .get("--port")
        .unwrap_or(SERVE_PORT)
        .parse()
        .map_err(|_| "--port takes a port number".to_owned())?;
    serve::serve(
        ctx,
        &serve::Config {
            address: SERVE_ADDRESS.to_owned(),
            port,
            root: public_url(opts)?,
            content: content_dir(ctx, opts),
            dist: dist_dir(ctx, opts),
        },
    )
}

enum Action {
    Cmd(Command),
    Func(Box<dyn Fn() -> Result>),
}

struct Step {
    name: &'static str,
    action: Action,
}

fn cargo(ctx: &Ctx, args: &[&str]) -> Action {
    let mut cmd = ctx.cmd("cargo");
    cmd.args(args);
    Action::Cmd(cmd)
}

/// The crate as the wasm checks build it: no default features (the
/// pre-renderer is native), `hydrate` and `render` for the component tests
/// (they render islands to HTML with the edition's locale, then hydrate
/// them), for wasm32 (clippy and the component tests must agree on all three).
const WASM_APP: [&str; 7] = [
    "-p",
    "explainer",
    "--no-default-features",
    "--features",
    "hydrate,render",
    "--target",
    setup::WASM_TARGET,
];

/// The browser app alone, as Trunk builds it (features `hydrate`, `lazy`:
/// index.html's `data-cargo-features`).
const WASM_RUNTIME: [&str; 7] = [
    "-p",
    "explainer",
    "--no-default-features",
    "--features",
    "hydrate,lazy",
    "--target",
    setup::WASM_TARGET,
];

/// Component tests run wasm-bindgen-test-runner (the target runner set in
/// .cargo/config.toml) against Debian's chromedriver. The runner adds
/// `headless`, `no-sandbox` and `disable-dev-shm-usage` itself and merges in
/// the capabilities from webdriver.json (the Chromium binary and the other flags).
fn component_tests(ctx: &Ctx) -> Action {
    let mut cmd = ctx.cmd("cargo");
    cmd.arg("test").args(WASM_APP);
    let defaults = [
        ("CHROMEDRIVER", setup::CHROMEDRIVER.to_owned()),
        (
            "WASM_BINDGEN_TEST_WEBDRIVER_JSON",
            ctx.root
                .join("webdriver.json")
                .to_string_lossy()
                .into_owned(),
        ),
        // Seconds: chromedriver start and a whole suite on a 2-core machine.
        ("WASM_BINDGEN_TEST_DRIVER_TIMEOUT", "30".to_owned()),
        ("WASM_BINDGEN_TEST_TIMEOUT", "120".to_owned()),
    ];
    for (name, value) in defaults {
        if std::env::var_os(name).is_none() {
            cmd.env(name, value);
        }
    }
    Action::Cmd(cmd)
}

fn e2e(ctx: &Ctx) -> Result<Action> {
    let specs_dir = ctx.root.join("e2e").join("specs");
    let mut specs: Vec<String> = std::fs::read_dir(&specs_dir)
        .map_err(|e| format!("cannot read {}: {e}", specs_dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            p.is_file() && (name.ends_with(".spec.mjs") || name.ends_with(".test.mjs"))
        })
        .filter_map(|p| {
            p.strip_prefix(&ctx.root)
                .ok()
                .map(|r| r.to_string_lossy().into_owned())
        })
        .collect();
    specs.sort();
    if specs.is_empty() {
        return Err(format!("no *.spec.mjs files in {}", specs_dir.display()));
    }
    let mut cmd = ctx.cmd("node");
    cmd.args([
        "--test",
        "--test-concurrency=1",
        "--test-reporter=spec",
        "--test-timeout=180000",
    ])
    .args(&specs)
    .env("E2E_DIST", ctx.dist());
    Ok(Action::Cmd(cmd))
}

fn test(ctx: &Ctx) -> Result {
    let started = Instant::now();
    let steps = vec![
        Step {
            name: "setup",
            action: Action::Func(Box::new(|| setup::run_setup(&Ctx::new()))),
        },
        Step {
            name: "component fixtures (the parts the component tests hydrate, pre-rendered)",
            action: Action::Func(Box::new(|| site::component_fixtures(&Ctx::new().root))),
        },
        Step {
            name: "rustfmt check",
            action: cargo(ctx, &["fmt", "--all", "--", "--check"]),
        },
        Step {
            name: "clippy (native, workspace)",
            action: cargo(
                ctx,
                &[
                    "clippy",
                    "--workspace",
                    "--all-targets",
                    "--",
                    "-D",
                    "warnings",
                ],
            ),
        },
        Step {
            name: "clippy (wasm32, explainer)",
            action: cargo(
                ctx,
                &[
                    &["clippy"][..],
                    &WASM_APP,
                    &["--all-targets", "--", "-D", "warnings"],
                ]
                .concat(),
            ),
        },
        Step {
            name: "clippy (wasm32, the runtime as Trunk builds it)",
            action: cargo(
                ctx,
                &[
                    &["clippy"][..],
                    &WASM_RUNTIME,
                    &["--bins", "--lib", "--", "-D", "warnings"],
                ]
                .concat(),
            ),
        },
        Step {
            name: "native tests",
            action: cargo(ctx, &["test", "--workspace"]),
        },
        Step {
            name: "results service tests against PostgreSQL (a temporary server)",
            action: Action::Func(Box::new(|| {
                let pg = results::TempPostgres::start()?;
                let mut cmd = Ctx::new().cmd("cargo");
                cmd.args(["test", "-p", "explainer-results", "--test", "api", "--"])
                    .args(["--ignored", "postgres::"])
                    .env("RESULTS_TEST_POSTGRES", &pg.url);
                run(&mut cmd)
            })),
        },
        Step {
            name: "component tests (wasm32, headless Chromium)",
            action: component_tests(ctx),
        },
        Step {
            name: "build dist (the runtime, then every story pre-rendered)",
            action: Action::Func(Box::new(|| {
                build(&Ctx::new(), &Options(Vec::new())).map(drop)
            })),
        },
        Step {
            name: "size budget",
            action: Action::Func(Box::new(|| size::check(&Ctx::new().dist()))),
        },
        Step {
            name: "end-to-end specs (node --test, Chromium)",
            action: e2e(ctx)?,
        },
    ];
    let total = steps.len();
    let mut done: Vec<(&str, std::time::Duration)> = Vec::new();
    for (i, step) in steps.into_iter().enumerate() {
        let n = i + 1;
        println!("\n==> [{n}/{total}] {}", step.name);
        let t = Instant::now();
        let result = match step.action {
            Action::Cmd(mut cmd) => run(&mut cmd),
            Action::Func(f) => f(),
        };
        let took = t.elapsed();
        match result {
            Ok(()) => {
                println!(
                    "<== [{n}/{total}] {}: ok in {}",
                    step.name,
                    fmt_duration(took)
                );
                done.push((step.name, took));
            }
            Err(e) => {
                summary(&done, started);
                println!(
                    "FAILED step [{n}/{total}] {} after {}: {e}",
                    step.name,
                    fmt_duration(took)
                );
                println!(
                    "steps: {} passed, 1 failed, {} skipped",
                    done.len(),
                    total - n
                );
                return Err(format!("step `{}` failed", step.name));
            }
        }
    }
    summary(&done, started);
    println!("steps: {} passed, 0 failed", done.len());
    Ok(())
}

fn summary(done: &[(&str, std::time::Duration)], started: Instant) {
    println!("\nxtask test summary:");
    for (name, took) in done {
        println!("  ok    {:>8}  {name}", fmt_duration(*took));
    }
    println!("  total {:>8}", fmt_duration(started.elapsed()));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn parses_public_url_both_ways() {
        let o = options(
            &strings(&["--public-url", "/news/explainer/"]),
            &["--public-url"],
        )
        .unwrap();
        assert_eq!(o.get("--public-url"), Some("/news/explainer/"));
        let o = options(&strings(&["--public-url=/a/"]), &["--public-url"]).unwrap();
        assert_eq!(o.get("--public-url"), Some("/a/"));
    }

    #[test]
    fn rejects_unknown_or_incomplete_options() {
        assert!(options(&strings(&["--release"]), &["--public-url"]).is_err());
        assert!(options(&strings(&["--public-url"]), &["--public-url"]).is_err());
        assert!(no_options(&strings(&["x"])).is_err());
    }

    #[test]
    fn public_urls_are_paths_with_both_slashes() {
        let url = |v: &str| public_url(&Options(vec![("--public-url".into(), v.into())]));
        assert_eq!(url("/").unwrap(), "/");
        assert_eq!(url("news/explainer").unwrap(), "/news/explainer/");
        assert_eq!(url("/news/explainer/").unwrap(), "/news/explainer/");
        assert!(url("https://x.org/").is_err());
        assert_eq!(public_url(&Options(Vec::new())).unwrap(), "/");
    }

    #[test]
    fn the_runtime_lint_builds_what_trunk_builds() {
        let index = std::fs::read_to_string(Ctx::new().root.join("index.html")).unwrap();
        assert!(
            index.contains(&format!("data-cargo-features=\"{}\"", WASM_RUNTIME[4])),
            "index.html's data-cargo-features and WASM_RUNTIME differ"
        );
    }

    #[test]
    fn e2e_runs_every_spec_file() {
        let ctx = Ctx::new();
        if let Ok(Action::Cmd(cmd)) = e2e(&ctx) {
            let args: Vec<String> = cmd
                .get_args()
                .map(|a| a.to_string_lossy().into_owned())
                .collect();
            assert!(
                args.iter().any(|a| a == "e2e/specs/article.spec.mjs"),
                "{args:?}"
            );
        }
    }
}
