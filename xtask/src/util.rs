//! Process helpers shared by every subcommand.

use std::env;
use std::ffi::{OsStr, OsString};
use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus};
use std::time::Duration;

pub type Result<T = ()> = std::result::Result<T, String>;

/// Variables that `cargo run` sets for the xtask binary itself. They describe
/// xtask, not the commands it starts, so they are dropped before anything runs.
const CARGO_RUN_VARS: &[&str] = &[
    "CARGO_MANIFEST_DIR",
    "CARGO_MANIFEST_PATH",
    "CARGO_PKG_NAME",
    "CARGO_PKG_VERSION",
    "CARGO_PKG_VERSION_MAJOR",
    "CARGO_PKG_VERSION_MINOR",
    "CARGO_PKG_VERSION_PATCH",
    "CARGO_PKG_VERSION_PRE",
    "CARGO_PKG_AUTHORS",
    "CARGO_PKG_DESCRIPTION",
    "CARGO_PKG_HOMEPAGE",
    "CARGO_PKG_REPOSITORY",
    "CARGO_PKG_LICENSE",
    "CARGO_PKG_LICENSE_FILE",
    "CARGO_PKG_README",
    "CARGO_PKG_RUST_VERSION",
    "CARGO_CRATE_NAME",
    "CARGO_BIN_NAME",
    "CARGO_PRIMARY_PACKAGE",
];

/// Where things are. The repository root is the parent of this crate's
/// manifest directory, fixed at compile time.
pub struct Ctx {
    pub root: PathBuf,
}

impl Ctx {
    pub fn new() -> Self {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .expect("xtask lives one level below the repository root")
            .to_path_buf();
        Ctx { root }
    }

    pub fn dist(&self) -> PathBuf {
        self.root.join("dist")
    }

    pub fn node_bin(&self) -> PathBuf {
        self.root.join("node_modules").join(".bin")
    }

    /// Prepares this process's environment so that every child sees the same
    /// tools: `<repo>/node_modules/.bin` first (wasm-opt from the `binaryen`
    /// npm package), then cargo's bin directory (trunk, wasm-bindgen), then
    /// the inherited PATH.
    pub fn prepare_env(&self) {
        for var in CARGO_RUN_VARS {
            env::remove_var(var);
        }
        let mut dirs = vec![self.node_bin()];
        if let Some(bin) = cargo_bin_dir() {
            dirs.push(bin);
        }
        if let Some(old) = env::var_os("PATH") {
            dirs.extend(env::split_paths(&old));
        }
        let path: OsString = env::join_paths(dirs).expect("PATH entries contain no separator");
        env::set_var("PATH", path);
    }

    /// A command that runs in the repository root.
    pub fn cmd(&self, program: impl AsRef<OsStr>) -> Command {
        let mut cmd = Command::new(program);
        cmd.current_dir(&self.root);
        cmd
    }
}

fn cargo_bin_dir() -> Option<PathBuf> {
    if let Some(home) = env::var_os("CARGO_HOME") {
        return Some(PathBuf::from(home).join("bin"));
    }
    env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo").join("bin"))
}

/// The command line as a person would type it (for logs and errors).
pub fn describe(cmd: &Command) -> String {
    let mut parts = vec![cmd.get_program().to_string_lossy().into_owned()];
    for arg in cmd.get_args() {
        let arg = arg.to_string_lossy();
        if arg.is_empty() || arg.contains(char::is_whitespace) {
            parts.push(format!("'{arg}'"));
        } else {
            parts.push(arg.into_owned());
        }
    }
    parts.join(" ")
}

fn spawn_error(cmd: &Command, err: io::Error) -> String {
    if err.kind() == io::ErrorKind::NotFound {
        format!(
            "`{}` was not found on PATH (needed for `{}`); run `cargo xtask setup`",
            cmd.get_program().to_string_lossy(),
            describe(cmd)
        )
    } else {
        format!("could not start `{}`: {err}", describe(cmd))
    }
}

fn status_text(status: ExitStatus) -> String {
    match status.code() {
        Some(code) => format!("exit code {code}"),
        None => format!("{status}"),
    }
}

/// Runs a command with inherited stdin/stdout/stderr; non-zero exit is an error.
pub fn run(cmd: &mut Command) -> Result {
    println!("$ {}", describe(cmd));
    let status = cmd.status().map_err(|e| spawn_error(cmd, e))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!(
            "`{}` failed ({})",
            describe(cmd),
            status_text(status)
        ))
    }
}

/// Runs a command, its stderr inherited, and returns its stdout; non-zero
/// exit is an error.
pub fn output(cmd: &mut Command) -> Result<String> {
    println!("$ {}", describe(cmd));
    let out = cmd
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::inherit())
        .output()
        .map_err(|e| spawn_error(cmd, e))?;
    if !out.status.success() {
        return Err(format!(
            "`{}` failed ({})",
            describe(cmd),
            status_text(out.status)
        ));
    }
    String::from_utf8(out.stdout)
        .map_err(|_| format!("`{}` printed other than UTF-8", describe(cmd)))
}

/// Runs a command quietly and returns its trimmed stdout if it succeeded.
pub fn capture(cmd: &mut Command) -> Option<String> {
    let out = cmd.stdin(std::process::Stdio::null()).output().ok()?;
    if !out.status.success() {
        return None;
    }
    Some(String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// Finds an executable on PATH.
pub fn which(name: &str) -> Option<PathBuf> {
    let path = env::var_os("PATH")?;
    env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

/// `12 ms`, `4.2s`, `3m 07s`.
pub fn fmt_duration(d: Duration) -> String {
    let secs = d.as_secs_f64();
    if d < Duration::from_secs(1) {
        format!("{} ms", d.as_millis())
    } else if secs < 60.0 {
        format!("{secs:.1}s")
    } else {
        let whole = d.as_secs();
        format!("{}m {:02}s", whole / 60, whole % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_naturally() {
        assert_eq!(fmt_duration(Duration::from_millis(4200)), "4.2s");
        assert_eq!(fmt_duration(Duration::from_micros(12_400)), "12 ms");
        assert_eq!(fmt_duration(Duration::from_secs(187)), "3m 07s");
    }

    #[test]
    fn describe_quotes_spaces() {
        let mut cmd = Command::new("echo");
        cmd.args(["a b", "c"]);
        assert_eq!(describe(&cmd), "echo 'a b' c");
    }

    #[test]
    fn root_holds_the_workspace_manifest() {
        let ctx = Ctx::new();
        assert!(ctx.root.join("Cargo.toml").is_file());
        assert!(ctx.root.join("xtask").join("Cargo.toml").is_file());
    }
}

/// What the xtask tests share.
#[cfg(test)]
pub mod testing {
    use std::path::PathBuf;

    /// An empty folder of its own: `name` and the process id under the
    /// system's temporary folder, emptied first.
    pub fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    /// A made-up picture `width` pixels wide and 600 high, as PNG.
    pub fn png(width: u32) -> Vec<u8> {
        let mut out = Vec::new();
        let picture = image::RgbImage::from_pixel(width, 600, image::Rgb([1, 2, 3]));
        image::DynamicImage::ImageRgb8(picture)
            .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
            .unwrap();
        out
    }
}
