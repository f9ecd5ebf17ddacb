//! `cargo xtask setup`: installs whatever is missing, and is quick when
//! nothing is. Each tool gets one `present` line, or a `missing` line, its
//! installer's own output and an `installed` line.

use std::fs;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use crate::util::{capture, fmt_duration, run, which, Ctx, Result};

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
pub const TRUNK_VERSION: &str = "0.21.14";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// Oldest Node.js major that playwright-core 1.65 runs on.
const MIN_NODE_MAJOR: u32 = 20;
/// Written into node_modules after a successful npm install: a copy of
/// package.json and package-lock.json, so a changed manifest or lock file
/// (a pull, a branch switch) triggers a fresh install.
const NPM_STAMP: &str = ".xtask-npm-stamp";

pub fn run_setup(ctx: &Ctx) -> Result {
    let started = Instant::now();
    println!("xtask setup: checking tools in {}", ctx.root.display());
    rust_target(ctx)?;
    rust_components(ctx)?;
    trunk(ctx)?;
    wasm_bindgen(ctx)?;
    npm_packages(ctx)?;
    chromium(ctx)?;
    fonts()?;
    wordpress(ctx)?;
    postgres()?;
    println!("xtask setup: done in {}", fmt_duration(started.elapsed()));
    Ok(())
}

/// Checks a tool; installs it when the check fails; checks again.
/// `check` returns `Ok(detail)` when the tool is usable, `Err(reason)` when not.
fn ensure(
    name: &str,
    check: impl Fn() -> Result<String>,
    install: impl FnOnce() -> Result,
) -> Result {
    match check() {
        Ok(detail) => {
            println!("setup: {name:<28} present ({detail})");
            Ok(())
        }
        Err(reason) => {
            println!("setup: {name:<28} missing ({reason}); installing");
            let started = Instant::now();
            install().map_err(|e| format!("installing {name} failed: {e}"))?;
            let detail =
                check().map_err(|e| format!("{name} is still not usable after installing: {e}"))?;
            println!(
                "setup: {name:<28} installed in {} ({detail})",
                fmt_duration(started.elapsed())
            );
            Ok(())
        }
    }
}

fn rust_target(ctx: &Ctx) -> Result {
    let check = || {
        let sysroot = capture(ctx.cmd("rustc").args(["--print", "sysroot"]))
            .ok_or("`rustc --print sysroot` failed")?;
        let lib = Path::new(&sysroot)
            .join("lib")
            .join("rustlib")
            .join(WASM_TARGET)
            .join("lib");
        if lib.is_dir() {
            Ok(format!("in {sysroot}"))
        } else {
            Err(format!("no {}", lib.display()))
        }
    };
    ensure(&format!("rust target {WASM_TARGET}"), check, || {
        run(ctx.cmd("rustup").args(["target", "add", WASM_TARGET]))
    })
}

fn rust_components(ctx: &Ctx) -> Result {
    let check = || {
        let fmt = capture(ctx.cmd("cargo").args(["fmt", "--version"]))
            .ok_or("`cargo fmt --version` failed")?;
        let clippy = capture(ctx.cmd("cargo").args(["clippy", "--version"]))
            .ok_or("`cargo clippy --version` failed")?;
        Ok(format!("{fmt}; {clippy}"))
    };
    ensure("rustfmt + clippy", check, || {
        run(ctx
            .cmd("rustup")
            .args(["component", "add", "rustfmt", "clippy"]))
    })
}

fn trunk(ctx: &Ctx) -> Result {
    let check = || {
        let out = capture(ctx.cmd("trunk").arg("--version")).ok_or("`trunk --version` failed")?;
        // "trunk 0.21.14"
        if out.split_whitespace().nth(1) == Some(TRUNK_VERSION) {
            Ok(out)
        } else {
            Err(format!("found `{out}`, want {TRUNK_VERSION}"))
        }
    };
    ensure(&format!("trunk {TRUNK_VERSION}"), check, || {
        run(ctx
            .cmd("cargo")
            .args(["install", "trunk", "--version", TRUNK_VERSION, "--locked"])
            // trunk's own release profile is fat LTO with one codegen unit:
            // about 25 minutes on 2 cores. A build tool does not need that.
            .env("CARGO_PROFILE_RELEASE_LTO", "false")
            .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16"))
    })
}

/// The `wasm-bindgen` version the build will link against, read from
/// Cargo.lock (which `cargo xtask` itself has just brought up to date).
pub fn locked_wasm_bindgen_version(ctx: &Ctx) -> Result<String> {
    let lock_path = ctx.root.join("Cargo.lock");
    if !lock_path.is_file() {
        run(ctx.cmd("cargo").arg("generate-lockfile"))?;
    }
    let lock = fs::read_to_string(&lock_path)
        .map_err(|e| format!("cannot read {}: {e}", lock_path.display()))?;
    let versions = locked_versions(&lock, "wasm-bindgen");
    match versions.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err("Cargo.lock has no `wasm-bindgen` package".into()),
        many => Err(format!(
            "Cargo.lock has several `wasm-bindgen` versions ({}); pin one in Cargo.toml",
            many.join(", ")
        )),
    }
}

/// All versions of package `name` in a Cargo.lock file.
fn locked_versions(lock: &str, name: &str) -> Vec<String> {
    let Ok(lock) = toml::from_str::<toml::Table>(lock) else {
        return Vec::new();
    };
    let mut versions = Vec::new();
    let packages = lock.get("package").and_then(|p| p.as_array());
    for package in packages.into_iter().flatten() {
        if package.get("name").and_then(|n| n.as_str()) == Some(name) {
            if let Some(v) = package.get("version").and_then(|v| v.as_str()) {
                if !versions.iter().any(|x| x == v) {
                    versions.push(v.to_owned());
                }
            }
        }
    }
    versions
}

fn wasm_bindgen(ctx: &Ctx) -> Result {
    let version = locked_wasm_bindgen_version(ctx)?;
    let check = || {
        for tool in ["wasm-bindgen", "wasm-bindgen-test-runner"] {
            let out = capture(ctx.cmd(tool).arg("--version"))
                .ok_or(format!("`{tool} --version` failed"))?;
            // "wasm-bindgen 0.2.130" (a prebuilt binary appends a commit hash)
            if out.split_whitespace().nth(1) != Some(version.as_str()) {
                return Err(format!("found `{out}`, want {version}"));
            }
        }
        Ok(format!("wasm-bindgen {version} + wasm-bindgen-test-runner"))
    };
    ensure(&format!("wasm-bindgen-cli {version}"), check, || {
        // Not --locked: the registry lacks one of the crate's locked dependencies.
        run(ctx.cmd("cargo").args([
            "install",
            "wasm-bindgen-cli",
            "--version",
            &format!("={version}"),
        ]))
    })
}

fn npm_stamp_contents(ctx: &Ctx) -> Result<Vec<u8>> {
    let mut stamp = Vec::new();
    for file in ["package.json", "package-lock.json"] {
        let path = ctx.root.join(file);
        match fs::read(&path) {
            Ok(bytes) => stamp.extend(bytes),
            Err(_) if file == "package-lock.json" => {}
            Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
        }
        stamp.push(0);
    }
    Ok(stamp)
}

fn npm_packages(ctx: &Ctx) -> Result {
    let node = capture(ctx.cmd("node").arg("--version"))
        .ok_or("Node.js is required (`node --version` failed); install Node.js >= 20 with npm")?;
    let major: u32 = node
        .trim_start_matches('v')
        .split('.')
        .next()
        .and_then(|m| m.parse().ok())
        .unwrap_or(0);
    if major < MIN_NODE_MAJOR {
        return Err(format!(
            "Node.js {node} is too old: playwright-core needs >= {MIN_NODE_MAJOR}"
        ));
    }
    if which("npm").is_none() {
        return Err("npm is required but was not found on PATH".into());
    }
    let modules = ctx.root.join("node_modules");
    let stamp_path = modules.join(NPM_STAMP);
    let check = || {
        if !modules.is_dir() {
            return Err("no node_modules".to_string());
        }
        let want = npm_stamp_contents(ctx)?;
        if fs::read(&stamp_path).ok().as_deref() != Some(want.as_slice()) {
            return Err("node_modules is older than package.json/package-lock.json".into());
        }
        for needed in [
            "playwright-core/package.json",
            "@axe-core/playwright/package.json",
            // the TimelineJS peer page of `cargo xtask bench`
            "@knight-lab/timelinejs/dist/js/timeline.js",
            ".bin/wasm-opt",
            ".bin/terser",
        ] {
            if !modules.join(needed).exists() {
                return Err(format!("node_modules/{needed} is missing"));
            }
        }
        let wasm_opt = capture(ctx.cmd(modules.join(".bin/wasm-opt")).arg("--version"))
            .ok_or("`node_modules/.bin/wasm-opt --version` failed")?;
        Ok(format!("node {node}; {wasm_opt}"))
    };
    ensure("npm packages (node_modules)", check, || {
        let mut cmd = ctx.cmd("npm");
        if ctx.root.join("package-lock.json").is_file() {
            cmd.arg("ci");
        } else {
            cmd.arg("install");
        }
        cmd.args(["--no-audit", "--no-fund"]);
        run(&mut cmd)?;
        let stamp = npm_stamp_contents(ctx)?;
        fs::write(&stamp_path, stamp)
            .map_err(|e| format!("cannot write {}: {e}", stamp_path.display()))
    })
}

fn is_root() -> bool {
    capture(Command::new("id").arg("-u")).as_deref() == Some("0")
}

/// `apt-get ...` as root, through sudo when not root.
fn apt_get(args: &[&str]) -> Command {
    let mut cmd = if is_root() {
        Command::new("apt-get")
    } else {
        let mut sudo = Command::new("sudo");
        if !std::io::stdin().is_terminal() {
            // No one to type a password: fail at once instead of hanging.
            sudo.arg("-n");
        }
        sudo.args(["env", "DEBIAN_FRONTEND=noninteractive", "apt-get"]);
        sudo
    };
    cmd.env("DEBIAN_FRONTEND", "noninteractive")
        // Wait for another apt/dpkg run instead of failing on its lock.
        .args(["-o", "DPkg::Lock::Timeout=900"])
        .args(args);
    cmd
}

fn chromium(ctx: &Ctx) -> Result {
    let check = || {
        for bin in [CHROMIUM, CHROMEDRIVER] {
            if !Path::new(bin).is_file() {
                return Err(format!("no {bin}"));
            }
        }
        let browser = capture(ctx.cmd(CHROMIUM).arg("--version"))
            .ok_or(format!("`{CHROMIUM} --version` failed"))?;
        let driver = capture(ctx.cmd(CHROMEDRIVER).arg("--version"))
            .ok_or(format!("`{CHROMEDRIVER} --version` failed"))?;
        let major = |s: &str| {
            s.split_whitespace()
                .find(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()))
                .and_then(|v| v.split('.').next())
                .map(str::to_owned)
        };
        if major(&browser) != major(&driver) {
            return Err(format!("versions differ: `{browser}` vs `{driver}`"));
        }
        let driver_short: String = driver.split(" (").next().unwrap_or(&driver).to_owned();
        Ok(format!("{browser}; {driver_short}"))
    };
    ensure("chromium + chromium-driver", check, || {
        if !is_root() && which("sudo").is_none() {
            return Err(format!(
                "{CHROMIUM} and {CHROMEDRIVER} are missing and this user is not root and has \
                 no sudo: run `apt-get install -y chromium chromium-driver` as root"
            ));
        }
        run(&mut apt_get(&["update"]))?;
        run(&mut apt_get(&[
            "install",
            "-y",
            "chromium",
            "chromium-driver",
        ]))
    })
}

/// The fonts the build sets pictures in ([`explainer::page::images::FONT_FILES`]),
/// from their Debian packages.
fn fonts() -> Result {
    let files = explainer::page::images::FONT_FILES;
    let check = || {
        let missing: Vec<&str> = files
            .iter()
            .filter(|(path, _)| !Path::new(path).is_file())
            .map(|(path, _)| *path)
            .collect();
        if missing.is_empty() {
            Ok(format!("{} files", files.len()))
        } else {
            Err(format!("no {}", missing.join(", ")))
        }
    };
    let mut packages: Vec<&str> = files.iter().map(|(_, package)| *package).collect();
    packages.dedup();
    ensure(&format!("fonts ({})", packages.join(", ")), check, || {
        if !is_root() && which("sudo").is_none() {
            return Err(format!(
                "the fonts are missing and this user is not root and has no sudo: \
                 run `apt-get install -y {}` as root",
                packages.join(" ")
            ));
        }
        let mut args = vec!["install", "-y", "--no-install-recommends"];
        args.extend(&packages);
        if run(&mut apt_get(&args)).is_err() {
            run(&mut apt_get(&["update"]))?;
            run(&mut apt_get(&args))?;
        }
        Ok(())
    })
}

/// Where Debian's `wordpress` package is unpacked (not installed: that
/// would bring a web server, PHP and a database client).
pub fn wordpress_dir(ctx: &Ctx) -> PathBuf {
    ctx.root.join("target/debian/wordpress")
}

/// WordPress's own `wp-embed.js`, for the end-to-end specs' host pages.
pub fn wp_embed_js(ctx: &Ctx) -> PathBuf {
    wordpress_dir(ctx).join("usr/share/wordpress/wp-includes/js/wp-embed.js")
}

/// Debian's `wordpress` package, downloaded with apt and unpacked into
/// [`wordpress_dir`].
fn wordpress(ctx: &Ctx) -> Result {
    let script = wp_embed_js(ctx);
    let check = || {
        let text = fs::read_to_string(&script).map_err(|_| format!("no {}", script.display()))?;
        if !text.contains("receiveEmbedMessage") {
            return Err(format!(
                "{} is not WordPress's embed script",
                script.display()
            ));
        }
        let version = fs::read_to_string(
            wordpress_dir(ctx).join("usr/share/wordpress/wp-includes/version.php"),
        )
        .ok()
        .and_then(|v| {
            v.lines()
                .find_map(|l| l.strip_prefix("$wp_version = '"))
                .and_then(|l| l.split('\'').next())
                .map(str::to_owned)
        })
        .unwrap_or_else(|| "version unknown".to_owned());
        Ok(format!("WordPress {version}'s wp-embed.js"))
    };
    ensure("wordpress (Debian, unpacked)", check, || {
        let download = ctx.root.join("target/debian/download");
        let _ = fs::remove_dir_all(&download);
        fs::create_dir_all(&download)
            .map_err(|e| format!("cannot create {}: {e}", download.display()))?;
        let fetch = || {
            let mut cmd = Command::new("apt-get");
            cmd.current_dir(&download).args(["download", "wordpress"]);
            run(&mut cmd)
        };
        if fetch().is_err() {
            run(&mut apt_get(&["update"]))?;
            fetch()?;
        }
        let deb = fs::read_dir(&download)
            .map_err(|e| e.to_string())?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .find(|p| p.extension().is_some_and(|x| x == "deb"))
            .ok_or("apt-get download wordpress left no .deb")?;
        let dir = wordpress_dir(ctx);
        let _ = fs::remove_dir_all(&dir);
        run(Command::new("dpkg-deb").arg("-x").arg(&deb).arg(&dir))?;
        let _ = fs::remove_dir_all(&download);
        Ok(())
    })
}

/// Debian's PostgreSQL server, for the results service's tests and load
/// test (they start their own on a temporary data directory). Installed
/// without the cluster Debian would otherwise create and start.
fn postgres() -> Result {
    let check = || {
        let bin = crate::results::postgres_bin().ok_or("no /usr/lib/postgresql/<n>/bin/pg_ctl")?;
        Ok(format!("{}", bin.display()))
    };
    ensure("postgresql (Debian)", check, || {
        if !is_root() && which("sudo").is_none() {
            return Err(
                "PostgreSQL is missing and this user is not root and has no sudo: \
                 run `apt-get install -y postgresql` as root"
                    .to_owned(),
            );
        }
        let conf = Path::new("/etc/postgresql-common/createcluster.conf");
        if is_root() && !conf.exists() {
            // No "main" cluster started at install: the tests start their own.
            fs::create_dir_all("/etc/postgresql-common").map_err(|e| e.to_string())?;
            fs::write(conf, "create_main_cluster = false\n").map_err(|e| e.to_string())?;
        }
        let args = ["install", "-y", "--no-install-recommends", "postgresql"];
        if run(&mut apt_get(&args)).is_err() {
            run(&mut apt_get(&["update"]))?;
            run(&mut apt_get(&args))?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK: &str = r#"
version = 4

[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"
dependencies = [
 "wasm-bindgen-macro",
]

[[package]]
name = "wasm-bindgen-macro"
version = "0.2.130"

[[package]]
name = "wasm-bindgen-futures"
version = "0.4.50"
"#;

    #[test]
    fn reads_the_locked_wasm_bindgen_version() {
        assert_eq!(locked_versions(LOCK, "wasm-bindgen"), vec!["0.2.130"]);
        assert_eq!(
            locked_versions(LOCK, "wasm-bindgen-futures"),
            vec!["0.4.50"]
        );
        assert!(locked_versions(LOCK, "leptos").is_empty());
    }

    #[test]
    fn reports_every_duplicate_version() {
        let lock = format!("{LOCK}\n[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.100\"\n");
        assert_eq!(
            locked_versions(&lock, "wasm-bindgen"),
            vec!["0.2.130", "0.2.100"]
        );
    }

    #[test]
    fn workspace_lock_pins_one_wasm_bindgen() {
        let ctx = Ctx::new();
        if ctx.root.join("Cargo.lock").is_file() {
            let v = locked_wasm_bindgen_version(&ctx).expect("one wasm-bindgen version");
            assert!(v.starts_with("0.2."), "{v}");
        }
    }
}
