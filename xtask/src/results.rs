//! The results service from xtask: `cargo xtask results` (serve it for the
//! built site), `cargo xtask results-load` (the load test, on SQLite and
//! PostgreSQL, with and without a SIGKILL halfway), and the temporary
//! PostgreSQL server that the tests and the load test start and stop.

use std::fs;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util::{run, Ctx, Result};

/// The service's default port.
pub const PORT: &str = "8787";

/// The crate.
const PACKAGE: &str = "explainer-results";

/// Builds the service and its load test (dev profile: the workspace's
/// other native builds share it); returns the target's bin directory.
pub fn build_bins(ctx: &Ctx, release: bool) -> Result<PathBuf> {
    let mut cmd = ctx.cmd("cargo");
    cmd.args(["build", "-p", PACKAGE, "--bins"]);
    if release {
        cmd.arg("--release");
    }
    run(&mut cmd)?;
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| ctx.root.join("target"));
    Ok(target.join(if release { "release" } else { "debug" }))
}

/// `cargo xtask results`: the service on 127.0.0.1 for `dist`, with the
/// given options passed on (`--port`, `--database`, `--allow-origin`...).
pub fn serve(ctx: &Ctx, dist: &Path, pass: &[String]) -> Result {
    let bins = build_bins(ctx, false)?;
    let mut cmd = Command::new(bins.join(PACKAGE));
    cmd.arg("--site").arg(dist);
    if !pass.iter().any(|a| a.starts_with("--database"))
        && std::env::var_os("DATABASE_URL").is_none()
    {
        let dir = ctx.root.join("target/results");
        fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        cmd.arg("--database")
            .arg(format!("sqlite://{}", dir.join("results.db").display()));
    }
    if !pass.iter().any(|a| a.starts_with("--port")) {
        cmd.args(["--port", PORT]);
    }
    if !pass.iter().any(|a| a.starts_with("--allow-origin"))
        && std::env::var_os("RESULTS_ALLOW_ORIGINS").is_none()
    {
        // The pages `cargo xtask serve` shows.
        cmd.args(["--allow-origin", "http://127.0.0.1:8080"]);
    }
    cmd.args(pass);
    run(&mut cmd)
}

/// `cargo xtask results-load`: the load test against SQLite and then a
/// temporary PostgreSQL, each once straight and once with the service
/// killed halfway; then, on each, a story already answered by 1,000 and by
/// 1,000,000 readers (a fixture written into the database), 100 answers
/// and 100 result reads one at a time, and how the two compare; and a
/// popular story's mix (95% result reads, 2,000 readers).
pub fn load(ctx: &Ctx, dist: &Path) -> Result {
    // Release: the figures are the service's, not a debug build's.
    let bins = build_bins(ctx, true)?;
    let dir = ctx.root.join("target/results-load");
    fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let sqlite = format!("sqlite://{}", dir.join("load.db").display());
    let one = |database: &str, label: &str, extra: &[&str]| {
        let mut cmd = Command::new(bins.join("results-load"));
        cmd.arg("--server")
            .arg(bins.join(PACKAGE))
            .arg("--site")
            .arg(dist)
            .args(["--database", database, "--label", label])
            .args(extra);
        run(&mut cmd)
    };
    const PREFILLED: &[&str] = &["--prefilled", "1000,1000000"];
    // A popular story: 95% result reads, 2,000 readers.
    const READ_HEAVY: &[&str] = &[
        "--readers",
        "2000",
        "--requests",
        "20000",
        "--reads",
        "0.95",
    ];
    one(&sqlite, "sqlite", &[])?;
    one(&sqlite, "sqlite, killed halfway", &["--kill"])?;
    one(&sqlite, "sqlite", PREFILLED)?;
    one(&sqlite, "sqlite, read-heavy", READ_HEAVY)?;
    let pg = TempPostgres::start()?;
    let db = pg.database("results_load")?;
    one(&db, "postgres", &[])?;
    let db = pg.database("results_load_killed")?;
    one(&db, "postgres, killed halfway", &["--kill"])?;
    let db = pg.database("results_load_prefilled")?;
    one(&db, "postgres", PREFILLED)?;
    let db = pg.database("results_load_read_heavy")?;
    one(&db, "postgres, read-heavy", READ_HEAVY)?;
    Ok(())
}

/// Debian's PostgreSQL server binaries (`/usr/lib/postgresql/<n>/bin`),
/// the newest if there are several.
pub fn postgres_bin() -> Option<PathBuf> {
    let mut versions: Vec<(u32, PathBuf)> = fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| {
            let e = e.ok()?;
            let n: u32 = e.file_name().to_str()?.parse().ok()?;
            let bin = e.path().join("bin");
            bin.join("pg_ctl").is_file().then_some((n, bin))
        })
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin)
}

fn is_root() -> bool {
    crate::util::capture(Command::new("id").arg("-u")).as_deref() == Some("0")
}

/// A PostgreSQL server on a temporary data directory and a free loopback
/// port, stopped and removed when dropped. As root it runs as the
/// `postgres` user (the server refuses to run as root).
pub struct TempPostgres {
    bin: PathBuf,
    dir: PathBuf,
    port: u16,
    /// The admin URL: `postgres://postgres@127.0.0.1:<port>/postgres`.
    pub url: String,
}

impl TempPostgres {
    fn as_owner(&self, program: &str) -> Command {
        as_postgres(&self.bin.join(program))
    }

    /// initdb, then pg_ctl start (waits until it takes connections).
    pub fn start() -> Result<TempPostgres> {
        let bin = postgres_bin().ok_or(
            "PostgreSQL is not installed (cargo xtask setup installs Debian's postgresql)",
        )?;
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map_err(|e| e.to_string())?
            .port();
        let dir = std::env::temp_dir().join(format!("explainer-pg-{}-{port}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        if is_root() {
            run(Command::new("chown").arg("postgres:postgres").arg(&dir))?;
        }
        let pg = TempPostgres {
            bin,
            dir: dir.clone(),
            port,
            url: format!("postgres://postgres@127.0.0.1:{port}/postgres"),
        };
        let data = dir.join("data");
        run(pg
            .as_owner("initdb")
            .arg("-D")
            .arg(&data)
            .args([
                "-U",
                "postgres",
                "--auth=trust",
                "--encoding=UTF8",
                "--no-locale",
            ])
            .arg("--no-instructions"))?;
        run(pg
            .as_owner("pg_ctl")
            .arg("-D")
            .arg(&data)
            .arg("-l")
            .arg(dir.join("server.log"))
            .args(["-w", "-t", "60", "-o"])
            .arg(format!(
                "-p {port} -c listen_addresses=127.0.0.1 -k {} -c max_connections=200",
                dir.display()
            ))
            .arg("start"))
        .map_err(|e| {
            let log = fs::read_to_string(dir.join("server.log")).unwrap_or_default();
            format!("{e}\n{log}")
        })?;
        println!(
            "results: PostgreSQL started on 127.0.0.1:{port} (data in {})",
            dir.display()
        );
        Ok(pg)
    }

    /// A new, empty database on this server; its URL.
    pub fn database(&self, name: &str) -> Result<String> {
        run(self
            .as_owner("createdb")
            .args(["-h", "127.0.0.1", "-U", "postgres"])
            .args(["-p", &self.port.to_string()])
            .arg(name))?;
        let (base, _) = self.url.rsplit_once('/').expect("the URL names a database");
        Ok(format!("{base}/{name}"))
    }
}

impl Drop for TempPostgres {
    fn drop(&mut self) {
        let _ = self
            .as_owner("pg_ctl")
            .arg("-D")
            .arg(self.dir.join("data"))
            .args(["-m", "fast", "-w", "stop"])
            .status();
        let _ = fs::remove_dir_all(&self.dir);
        println!("results: PostgreSQL stopped and its data directory removed");
    }
}

/// `program` run as the `postgres` user when we are root.
fn as_postgres(program: &Path) -> Command {
    if is_root() {
        let mut cmd = Command::new("runuser");
        cmd.args(["-u", "postgres", "--"]).arg(program);
        cmd
    } else {
        Command::new(program)
    }
}
