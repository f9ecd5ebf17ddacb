//! The runtime: the one wasm (and its JavaScript glue) that every story
//! page loads, built by Trunk into `target/runtime/<public url>/`.
//!
//! It depends on the code, the styles and the tools, never on a story, so
//! it is rebuilt only when one of those changes: a stamp of every input
//! (the files under `src/`, `style/`, `public/`, the manifests, the lock
//! files, Trunk's entry and config, the tools' versions and the public URL)
//! is kept beside the build, and a build whose stamp matches is used as
//! it is. A story edit therefore costs only the pre-render.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

use crate::util::{capture, fmt_duration, run, Ctx, Result};

/// Where the stamp of a build is kept, inside its folder.
const STAMP: &str = ".xtask-runtime-stamp";

/// Folders whose every file is an input of the runtime.
const INPUT_DIRS: &[&str] = &["src", "style", "public"];

/// Single files that are inputs of the runtime (the build steps' own code
/// among them).
const INPUT_FILES: &[&str] = &[
    "Cargo.toml",
    "Cargo.lock",
    "index.html",
    "Trunk.toml",
    "rust-toolchain.toml",
    ".cargo/config.toml",
    "package-lock.json",
    "xtask/src/runtime.rs",
    "xtask/src/minify.rs",
    "xtask/src/wasm_names.rs",
    "xtask/src/split.rs",
];

/// A built runtime.
pub struct Built {
    /// Its folder (Trunk's `index.html` and the hashed files).
    pub dir: PathBuf,
    /// Whether it was built now (else it was up to date).
    pub rebuilt: bool,
    /// How long building (or checking) took.
    pub took: Duration,
}

/// The folder of the runtime built for `public_url`.
pub fn dir(ctx: &Ctx, public_url: &str) -> PathBuf {
    let key = public_url.trim_matches('/').replace('/', "-");
    let key = if key.is_empty() {
        "root".to_owned()
    } else {
        key
    };
    ctx.root.join("target").join("runtime").join(key)
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_under(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// Every file the runtime is built from (not the tools), sorted.
pub fn inputs(ctx: &Ctx) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for d in INPUT_DIRS {
        files_under(&ctx.root.join(d), &mut files);
    }
    files.extend(INPUT_FILES.iter().map(|f| ctx.root.join(f)));
    files.sort();
    files
}

/// The stamp of the runtime's inputs for `public_url`.
pub fn stamp(ctx: &Ctx, public_url: &str) -> String {
    let files = inputs(ctx);
    let mut hash = Sha256::new();
    hash.update(public_url.as_bytes());
    for tool in [
        ["trunk", "--version"],
        ["wasm-bindgen", "--version"],
        ["rustc", "-V"],
    ] {
        let version = capture(ctx.cmd(tool[0]).arg(tool[1])).unwrap_or_default();
        hash.update(version.as_bytes());
    }
    for f in files {
        hash.update(
            f.strip_prefix(&ctx.root)
                .unwrap_or(&f)
                .to_string_lossy()
                .as_bytes(),
        );
        hash.update([0]);
        hash.update(fs::read(&f).unwrap_or_default());
        hash.update([0]);
    }
    format!("{:x}", hash.finalize())
}

/// `trunk <subcommand>` with offline mode forced (no tool downloads: wasm-opt
/// comes from node_modules/.bin, wasm-bindgen from cargo's bin directory).
fn trunk(ctx: &Ctx, subcommand: &str) -> std::process::Command {
    let mut cmd = ctx.cmd("trunk");
    cmd.arg(subcommand)
        .env("TRUNK_OFFLINE", "true")
        // A wasm the splitter can read (`split`); the host's builds and the
        // other wasm builds (component tests, lints) are not affected.
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
            crate::split::RUSTFLAGS,
        );
    cmd
}

/// Builds the runtime for `public_url` unless an up-to-date build is there
/// (`force` builds anyway). Builds take turns (a lock file in target/): two
/// at once would share Trunk's staging folder and break each other.
pub fn build(ctx: &Ctx, public_url: &str, force: bool) -> Result<Built> {
    let started = Instant::now();
    let dir = dir(ctx, public_url);
    let target = ctx.root.join("target");
    fs::create_dir_all(&target).map_err(|e| e.to_string())?;
    let lock_path = target.join("xtask-build.lock");
    let lock = fs::File::create(&lock_path)
        .map_err(|e| format!("cannot create {}: {e}", lock_path.display()))?;
    if lock.try_lock().is_err() {
        println!("runtime: waiting for another `cargo xtask` build to finish");
        lock.lock()
            .map_err(|e| format!("cannot lock {}: {e}", lock_path.display()))?;
    }
    let want = stamp(ctx, public_url);
    let have = fs::read_to_string(dir.join(STAMP)).unwrap_or_default();
    if !force && have == want && dir.join("index.html").is_file() {
        println!(
            "runtime: up to date in {} (no change to its code, styles or tools)",
            dir.display()
        );
        return Ok(Built {
            dir,
            rebuilt: false,
            took: started.elapsed(),
        });
    }
    let _ = fs::remove_file(dir.join(STAMP));
    run(trunk(ctx, "build")
        .args(["--release", "--public-url", public_url, "--dist"])
        .arg(&dir))?;
    let glue = crate::minify::glue_files(&dir)?;
    let split = match &glue[..] {
        [glue] => crate::split::apply(ctx, &dir, glue)?,
        _ => {
            return Err(format!(
                "Trunk's build in {} has no one glue file",
                dir.display()
            ))
        }
    };
    crate::minify::apply(ctx, &dir, split.as_ref().map(|s| s.link.as_path()))?;
    fs::write(dir.join(STAMP), &want)
        .map_err(|e| format!("cannot write {}: {e}", dir.join(STAMP).display()))?;
    let took = started.elapsed();
    println!(
        "runtime: built in {} into {}",
        fmt_duration(took),
        dir.display()
    );
    Ok(Built {
        dir,
        rebuilt: true,
        took,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_public_url_has_its_folder() {
        let ctx = Ctx::new();
        assert!(dir(&ctx, "/").ends_with("target/runtime/root"));
        assert!(dir(&ctx, "/news/explainer/").ends_with("target/runtime/news-explainer"));
    }

    #[test]
    fn the_stamp_follows_the_public_url_not_the_stories() {
        let ctx = Ctx::new();
        let a = stamp(&ctx, "/");
        assert_eq!(a, stamp(&ctx, "/"));
        assert_ne!(a, stamp(&ctx, "/news/"));
        assert!(
            !INPUT_DIRS.contains(&"content"),
            "a story is never an input of the runtime"
        );
    }
}
