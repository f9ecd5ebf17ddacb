//! `cargo xtask <command>`: the project's developer tooling.
//!
//! Every command runs from the repository root with `<repo>/node_modules/.bin`
//! and cargo's bin directory at the front of PATH, and every child process
//! writes straight to this process's stdout/stderr.

mod bench;
mod csp;
mod head;
mod minify;
mod setup;
mod size;
mod util;

use std::process::{Command, ExitCode};
use std::time::Instant;

use util::{fmt_duration, run, Ctx, Result};

const USAGE: &str = "\
usage: cargo xtask <command> [options]

commands:
  setup                       install what is missing: wasm32 target, rustfmt/clippy,
                              trunk, wasm-bindgen-cli (version from Cargo.lock),
                              npm packages, Debian chromium + chromium-driver
  build [--public-url PATH]   setup, `trunk build --release` into dist/, size report
  serve [--public-url PATH] [--port N]
                              setup, build, then `trunk serve --release` on
                              http://127.0.0.1:8080 (rebuilds on change; reload to see it)
  head [--dir DIR]            write the story's title/description/Open Graph tags into
                              DIR/index.html (default $TRUNK_STAGING_DIR, else dist/)
  size                        gzip -9 (and brotli) sizes of dist/*.{wasm,js,css};
                              fails over the 70 KiB first-load budget
  test                        setup, fmt, clippy (native + wasm32), native tests,
                              headless-Chromium component tests, build, size budget,
                              end-to-end specs (stops at the first failure)
  bench [--runs N]            build, then our page vs the static-HTML limit and a
                              TimelineJS peer in headless Chromium on a throttled
                              phone profile (medians of N runs, default 5); prints
                              and writes target/bench/report.md";

/// Where the app is served by `cargo xtask serve`.
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
        "build" => options(rest, &["--public-url"]).and_then(|o| build(&ctx, &o)),
        "serve" => options(rest, &["--public-url", "--port"]).and_then(|o| serve(&ctx, &o)),
        "head" => options(rest, &["--dir"]).and_then(|o| write_head(&ctx, &o)),
        "size" => no_options(rest).and_then(|()| size::check(&ctx.dist())),
        "test" => no_options(rest).and_then(|()| test(&ctx)),
        "bench" => options(rest, &["--runs"]).and_then(|o| bench::bench(&ctx, &o)),
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

/// `trunk <subcommand>` with offline mode forced (no tool downloads: wasm-opt
/// comes from node_modules/.bin, wasm-bindgen from cargo's bin directory).
fn trunk(ctx: &Ctx, subcommand: &str) -> Command {
    let mut cmd = ctx.cmd("trunk");
    cmd.arg(subcommand).env("TRUNK_OFFLINE", "true");
    cmd
}

/// `trunk build --release` into dist/, the JavaScript glue minified, then
/// the story's head metadata and pre-rendered page.
///
/// Builds take turns (a lock file in target/): two at once would share
/// Trunk's staging directory and break each other.
fn trunk_build(ctx: &Ctx, public_url: &str) -> Result {
    let lock_path = ctx.root.join("target").join("xtask-build.lock");
    std::fs::create_dir_all(ctx.root.join("target")).map_err(|e| e.to_string())?;
    let lock = std::fs::File::create(&lock_path)
        .map_err(|e| format!("cannot create {}: {e}", lock_path.display()))?;
    if lock.try_lock().is_err() {
        println!("build: waiting for another `cargo xtask` build to finish");
        lock.lock()
            .map_err(|e| format!("cannot lock {}: {e}", lock_path.display()))?;
    }
    run(trunk(ctx, "build").args(["--release", "--public-url", public_url]))?;
    minify::apply(ctx, &ctx.dist())?;
    head::apply(ctx, &ctx.dist())
}

fn write_head(ctx: &Ctx, opts: &Options) -> Result {
    let dir = match (opts.get("--dir"), std::env::var_os("TRUNK_STAGING_DIR")) {
        (Some(dir), _) => ctx.root.join(dir),
        (None, Some(staging)) => staging.into(),
        (None, None) => ctx.dist(),
    };
    head::apply(ctx, &dir)
}

/// While `trunk serve` runs, puts the story head back into dist/index.html
/// after every rebuild (trunk rewrites the file each time).
fn keep_head_in_dist(ctx: &Ctx) {
    let root = ctx.root.clone();
    std::thread::spawn(move || {
        let ctx = Ctx { root };
        let index = ctx.dist().join("index.html");
        let mut seen = None;
        loop {
            std::thread::sleep(std::time::Duration::from_millis(300));
            let modified = std::fs::metadata(&index).and_then(|m| m.modified()).ok();
            if modified.is_some() && modified != seen {
                if let Err(e) = head::apply(&ctx, &ctx.dist()) {
                    eprintln!("xtask serve: head: {e}");
                }
                seen = std::fs::metadata(&index).and_then(|m| m.modified()).ok();
            }
        }
    });
}

fn build(ctx: &Ctx, opts: &Options) -> Result {
    setup::run_setup(ctx)?;
    trunk_build(ctx, opts.get("--public-url").unwrap_or("/"))?;
    report_size(ctx)
}

/// Prints the first-load report; over the budget is a warning here and an
/// error in `cargo xtask size` / `cargo xtask test`.
fn report_size(ctx: &Ctx) -> Result {
    let report = size::measure(&ctx.dist())?;
    size::print(&report, &ctx.dist());
    if report.over_budget() {
        println!("warning: over the first-load budget (`cargo xtask size` fails)");
    }
    Ok(())
}

fn serve(ctx: &Ctx, opts: &Options) -> Result {
    let public_url = opts.get("--public-url").unwrap_or("/");
    let port = opts.get("--port").unwrap_or(SERVE_PORT);
    build(ctx, opts)?;
    println!(
        "Serving on http://{SERVE_ADDRESS}:{port}{public_url} (trunk serve; rebuilds on change: \
         reload the page after a rebuild; Ctrl-C stops)"
    );
    keep_head_in_dist(ctx);
    // No auto-reload: its script is injected at serve time, so the page's CSP
    // (which pins only the scripts in the file) would block it, and a reload
    // could come before the pre-rendered page is written back.
    run(trunk(ctx, "serve").args([
        "--no-autoreload",
        "--release",
        "--address",
        SERVE_ADDRESS,
        "--port",
        port,
        "--public-url",
        public_url,
    ]))
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

/// The browser app as the wasm checks build it: the `csr` feature, for
/// wasm32 (clippy and the component tests must agree on both).
const WASM_APP: [&str; 6] = [
    "-p",
    "explainer",
    "--features",
    "csr",
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
            name: "native tests",
            action: cargo(ctx, &["test", "--workspace"]),
        },
        Step {
            name: "component tests (wasm32, headless Chromium)",
            action: component_tests(ctx),
        },
        Step {
            name: "build dist (trunk --release + story head)",
            action: Action::Func(Box::new(|| trunk_build(&Ctx::new(), "/"))),
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
