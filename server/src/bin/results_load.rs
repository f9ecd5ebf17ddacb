//! `results-load` (run by `cargo xtask results-load`): a load test of the
//! results service on loopback.
//!
//! It starts the service (`--server`, a child process) for a built site,
//! then 200 concurrent readers send 5,000 requests in all to the first
//! story with choice questions: new answers, changed answers, clears, and
//! now and then a look at the results (`--reads 0.95`, `--readers 2000`:
//! mostly looks, as a popular story sees it). A send that fails (the service
//! down, a 5xx) is retried until it is acknowledged, as the page's queue
//! does. With `--kill`, the service is killed with SIGKILL halfway and
//! started again. At the end the tally must equal, exactly, what every
//! reader last had acknowledged: no acknowledged answer lost, none counted
//! twice. Prints requests per second and latency percentiles.
//!
//! With `--prefilled N,M,…`, for each number in turn the story has first
//! been answered by that many readers (written straight into the emptied
//! database, as a fixture: each chose one choice of the first choice
//! question), and the test is the one a new user would try: 1,000 new
//! answers, then 1,000 reads of the results, one after another. Prints their
//! p50 and p99 for each, how the last compares with the first, and checks
//! the kept tallies against a recount of the rows.

use std::collections::BTreeMap;
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::Parser;
use explainer::story::outline::{PollOutline, QuestionOutline};
use explainer::story::QuestionKind;
use explainer_results::site::Site;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::{json, Map, Value};
use tokio::process::{Child, Command};
use tokio::sync::Mutex;

/// Load test of the results service.
#[derive(Parser, Debug)]
struct Args {
    /// The service's binary (explainer-results).
    #[arg(long)]
    server: PathBuf,
    /// The built site.
    #[arg(long, default_value = "dist")]
    site: PathBuf,
    /// The database the service uses (made empty first for SQLite files).
    #[arg(long)]
    database: String,
    /// Concurrent readers.
    #[arg(long, default_value_t = 200)]
    readers: u32,
    /// Requests in all (acknowledged ones; retries come on top).
    #[arg(long, default_value_t = 5000)]
    requests: u32,
    /// The share of requests that read the results (the rest are answers,
    /// changes and clears): 0.1 by default, 0.95 as a popular story sees it.
    #[arg(long, default_value_t = 0.1)]
    reads: f64,
    /// Kill the service (SIGKILL) halfway and start it again.
    #[arg(long)]
    kill: bool,
    /// Give up after this many seconds.
    #[arg(long, default_value_t = 300)]
    limit: u64,
    /// A label for the report line (`sqlite`, `postgres`).
    #[arg(long, default_value = "")]
    label: String,
    /// The story already answered by this many readers (a fixture written
    /// into the database); then 1,000 answers and 1,000 reads, one at a time.
    /// Several numbers (`1000,1000000`) run in turn and are compared.
    #[arg(long, value_delimiter = ',')]
    prefilled: Vec<u32>,
    /// Append the figures to this file, one tab-separated line a run, for
    /// `cargo xtask results-load`'s table: `load <database> <label> <readers>
    /// <reads> <requests/s> <p50 ms> <p99 ms>` or `stored <database> <label>
    /// <readers stored> <answers p50 ms> <p99 ms> <reads p50 ms> <p99 ms>`.
    #[arg(long)]
    report: Option<PathBuf>,
}

impl Args {
    /// `sqlite` or `postgres`.
    fn database_kind(&self) -> &'static str {
        if self.database.starts_with("sqlite:") {
            "sqlite"
        } else {
            "postgres"
        }
    }

    /// Appends a line of `fields` to the report file, if there is one.
    fn report(&self, kind: &str, fields: &[String]) -> Result<(), String> {
        let Some(path) = &self.report else {
            return Ok(());
        };
        use std::io::Write;
        let line = [kind, self.database_kind(), &self.label]
            .into_iter()
            .map(str::to_owned)
            .chain(fields.iter().cloned())
            .collect::<Vec<_>>()
            .join("\t");
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .and_then(|mut f| writeln!(f, "{line}"))
            .map_err(|e| format!("cannot write {}: {e}", path.display()))
    }
}

/// Milliseconds, for the report file.
fn millis(d: Duration) -> String {
    format!("{:.3}", d.as_secs_f64() * 1000.0)
}

struct Service {
    server: PathBuf,
    site: PathBuf,
    database: String,
    port: u16,
}

impl Service {
    fn spawn(&self) -> std::io::Result<Child> {
        Command::new(&self.server)
            .arg("--site")
            .arg(&self.site)
            .args(["--database", &self.database])
            .args(["--port", &self.port.to_string()])
            // One loopback address for every reader: the per-address limit
            // would throttle the test itself.
            .args(["--rate-per-minute", "100000000", "--burst", "1000000"])
            .kill_on_drop(true)
            .spawn()
    }

    async fn wait_ready(&self, client: &reqwest::Client) -> Result<Duration, String> {
        let started = Instant::now();
        let url = format!("http://127.0.0.1:{}/v1/health", self.port);
        while started.elapsed() < Duration::from_secs(60) {
            if let Ok(r) = client.get(&url).send().await {
                if r.status().is_success() {
                    return Ok(started.elapsed());
                }
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        Err("the service did not answer /v1/health within 60 s".into())
    }
}

/// A question's choices without a text box of their own ("Other").
fn plain_choices(q: &QuestionOutline) -> Vec<&str> {
    q.choices
        .iter()
        .filter(|c| !c.other)
        .map(|c| c.id.as_str())
        .collect()
}

/// A random set of answers to `poll`'s choice questions (the load test
/// leaves free text out: it is never tallied).
fn random_answers(poll: &PollOutline, rng: &mut StdRng) -> Value {
    let mut answers = Map::new();
    for q in &poll.questions {
        let ids = plain_choices(q);
        if ids.is_empty() || rng.random_bool(0.2) {
            continue;
        }
        let chosen: Vec<&str> = match q.kind {
            QuestionKind::Single => vec![ids[rng.random_range(0..ids.len())]],
            QuestionKind::Multiple => {
                let mut c: Vec<&str> = ids
                    .iter()
                    .copied()
                    .filter(|_| rng.random_bool(0.4))
                    .collect();
                if c.is_empty() {
                    c.push(ids[0]);
                }
                c
            }
            QuestionKind::Text => continue,
        };
        answers.insert(q.slug.clone(), json!({ "choices": chosen }));
    }
    Value::Object(answers)
}

/// The tally a set of last answers gives.
fn expected(poll: &PollOutline, last: &BTreeMap<u32, Value>) -> Value {
    let mut questions = Map::new();
    for q in &poll.questions {
        let mut choices = Map::new();
        for c in &q.choices {
            let n = last
                .values()
                .filter(|a| {
                    a[&q.slug]["choices"]
                        .as_array()
                        .is_some_and(|l| l.iter().any(|x| x == c.id.as_str()))
                })
                .count();
            choices.insert(c.id.clone(), n.into());
        }
        let answered = last.values().filter(|a| a.get(&q.slug).is_some()).count();
        questions.insert(
            q.slug.clone(),
            json!({"answered": answered, "choices": choices}),
        );
    }
    let readers = last
        .values()
        .filter(|a| a.as_object().is_some_and(|m| !m.is_empty()))
        .count();
    json!({"readers": readers, "questions": questions})
}

/// Writes `n` readers' answers to `story` straight into the database (made
/// and migrated by the service's own `Store::open`), and their tallies as
/// the migration counts them: each reader chose one choice of the first
/// choice question, in turn.
async fn prefill(database: &str, story: &str, poll: &PollOutline, n: u32) -> Result<(), String> {
    let store = explainer_results::store::Store::open(database).await?;
    let sqlite = store.is_sqlite();
    store.close().await;
    let q = poll
        .questions
        .iter()
        .find(|q| q.choices.iter().any(|c| !c.other))
        .ok_or("no choice question")?;
    let ids = plain_choices(q);
    let url = if sqlite && !database.contains("mode=") {
        format!("{database}?mode=rwc")
    } else {
        database.to_owned()
    };
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(&url)
        .await
        .map_err(|e| e.to_string())?;
    let started = Instant::now();
    for table in ["readers", "answered", "choices", "texts", "tallies"] {
        sqlx::query(&format!("DELETE FROM {table}"))
            .execute(&pool)
            .await
            .map_err(|e| format!("prefill: emptying {table}: {e}"))?;
    }
    // Numbers 1..=n, and a reader id made of each (not a random one).
    let (numbers, id) = if sqlite {
        (
            format!(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {n})"
            ),
            "printf('%08x-0000-4000-8000-000000000000', i)",
        )
    } else {
        (
            format!("WITH n(i) AS (SELECT generate_series(1, {n}))"),
            "lpad(to_hex(i), 8, '0') || '-0000-4000-8000-000000000000'",
        )
    };
    let choice = format!(
        "CASE {} END",
        ids.iter()
            .enumerate()
            .map(|(k, c)| format!("WHEN i % {} = {k} THEN '{c}'", ids.len()))
            .collect::<Vec<_>>()
            .join(" ")
    );
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let slug = &q.slug;
    for sql in [
        format!("INSERT INTO readers (story, reader, saved_at) {numbers} SELECT '{story}', {id}, {now} FROM n"),
        format!("INSERT INTO answered (story, reader, question) {numbers} SELECT '{story}', {id}, '{slug}' FROM n"),
        format!("INSERT INTO choices (story, reader, question, choice) {numbers} SELECT '{story}', {id}, '{slug}', {choice} FROM n"),
        format!("INSERT INTO tallies (story, question, choice, slot, count) SELECT story, '', '', 0, COUNT(*) FROM readers WHERE story = '{story}' GROUP BY story"),
        format!("INSERT INTO tallies (story, question, choice, slot, count) SELECT story, question, '', 0, COUNT(*) FROM answered WHERE story = '{story}' GROUP BY story, question"),
        format!("INSERT INTO tallies (story, question, choice, slot, count) SELECT story, question, choice, 0, COUNT(*) FROM choices WHERE story = '{story}' GROUP BY story, question, choice"),
    ] {
        sqlx::query(&sql)
            .execute(&pool)
            .await
            .map_err(|e| format!("prefill: {e}\n  {sql}"))?;
    }
    // Statistics for the planner, and neither a background vacuum of the
    // new rows nor a checkpoint writing them out in the middle of the
    // measurement.
    let settle: &[&str] = if sqlite {
        &["ANALYZE", "PRAGMA wal_checkpoint(TRUNCATE)"]
    } else {
        &["VACUUM ANALYZE", "CHECKPOINT"]
    };
    for sql in settle {
        sqlx::query(sql)
            .execute(&pool)
            .await
            .map_err(|e| format!("prefill: {sql}: {e}"))?;
    }
    pool.close().await;
    // And the fixture's files on disk (`sync`): a service that has a
    // million readers stored has not just written them, and the kernel's
    // writing them back would otherwise fall in the measurement.
    let _ = std::process::Command::new("sync").status();
    eprintln!(
        "results-load: {n} readers written into the database in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// How many answers, then reads, are sent one at a time on a prefilled
/// story: enough that the p99 is not just the slowest one or two.
const ONE_AT_A_TIME: usize = 1000;

/// [`ONE_AT_A_TIME`] new answers, then as many reads of the results, one
/// after another;
/// prints their p50 and p99, then checks the tallies (the prefilled
/// readers and the new ones) against a recount of the rows.
async fn one_at_a_time(
    a: &Args,
    client: &reqwest::Client,
    base: &str,
    poll: &PollOutline,
    prefilled: u32,
) -> Result<[Duration; 4], String> {
    let mut rng = StdRng::seed_from_u64(7);
    let (mut posts, mut gets) = (Vec::new(), Vec::new());
    for _ in 0..ONE_AT_A_TIME {
        let id = uuid::Builder::from_random_bytes(rng.random())
            .into_uuid()
            .to_string();
        let mut body = random_answers(poll, &mut rng);
        if body.as_object().is_some_and(|m| m.is_empty()) {
            body = random_answers(poll, &mut rng);
        }
        let t = Instant::now();
        let r = client
            .post(format!("{base}/answers"))
            .json(&json!({"reader": id, "answers": body}))
            .send()
            .await
            .map_err(|e| e.to_string())?;
        if !r.status().is_success() {
            return Err(format!("an answer was refused: {}", r.status()));
        }
        let _ = r.bytes().await;
        posts.push(t.elapsed());
    }
    let mut readers = 0;
    for _ in 0..ONE_AT_A_TIME {
        let t = Instant::now();
        let r = look(client, base).await?;
        gets.push(t.elapsed());
        readers = r["readers"].as_u64().unwrap_or(0);
    }
    posts.sort();
    gets.sort();
    println!(
        "results-load ({}, {prefilled} readers stored): {ONE_AT_A_TIME} answers one at a time p50 {}, p99 {}; {ONE_AT_A_TIME} result reads p50 {}, p99 {}",
        a.label,
        ms(percentile(&posts, 0.5)),
        ms(percentile(&posts, 0.99)),
        ms(percentile(&gets, 0.5)),
        ms(percentile(&gets, 0.99)),
    );
    let store = explainer_results::store::Store::open(&a.database).await?;
    let differences = store.verify().await.map_err(|e| e.to_string())?;
    store.close().await;
    if !differences.is_empty() {
        return Err(format!(
            "kept tallies differ from the rows: {differences:?}"
        ));
    }
    if readers < u64::from(prefilled) + 1 {
        return Err(format!(
            "the results say {readers} readers, fewer than the {prefilled} stored"
        ));
    }
    println!("results-load: the kept tallies equal a recount of the rows ({readers} readers)");
    a.report(
        "stored",
        &[
            prefilled.to_string(),
            millis(percentile(&posts, 0.5)),
            millis(percentile(&posts, 0.99)),
            millis(percentile(&gets, 0.5)),
            millis(percentile(&gets, 0.99)),
        ],
    )?;
    Ok([
        percentile(&posts, 0.5),
        percentile(&posts, 0.99),
        percentile(&gets, 0.5),
        percentile(&gets, 0.99),
    ])
}

/// The story's results, as a reader's page reads them.
async fn look(client: &reqwest::Client, base: &str) -> Result<Value, String> {
    client
        .get(format!("{base}/results"))
        .send()
        .await
        .map_err(|e| e.to_string())?
        .json()
        .await
        .map_err(|e| e.to_string())
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

#[tokio::main]
async fn main() -> ExitCode {
    let a = Args::parse();
    match run(a).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("results-load: FAILED: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(a: Args) -> Result<(), String> {
    let site = Site::read(&a.site)?;
    let (story, poll) = site
        .stories()
        .filter_map(|s| site.poll(s).map(|p| (s.to_owned(), (*p).clone())))
        .find(|(_, p)| p.questions.iter().any(|q| !q.choices.is_empty()))
        .ok_or("no story in the site has a choice question")?;
    if let Some(file) = a.database.strip_prefix("sqlite://") {
        let file = file.split('?').next().unwrap_or(file);
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{file}{suffix}"));
        }
    }
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map_err(|e| e.to_string())?
        .port();
    let service = Arc::new(Service {
        server: a.server.clone(),
        site: a.site.clone(),
        database: a.database.clone(),
        port,
    });
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(a.readers as usize)
        .timeout(Duration::from_secs(30))
        .build()
        .map_err(|e| e.to_string())?;
    let base = format!("http://127.0.0.1:{port}/v1/polls/{story}");
    if !a.prefilled.is_empty() {
        let mut figures = Vec::new();
        for &n in &a.prefilled {
            prefill(&a.database, &story, &poll, n).await?;
            let mut child = service
                .spawn()
                .map_err(|e| format!("cannot start {}: {e}", a.server.display()))?;
            service.wait_ready(&client).await?;
            let outcome = one_at_a_time(&a, &client, &base, &poll, n).await;
            let _ = child.start_kill();
            let _ = child.wait().await;
            figures.push((n, outcome?));
        }
        if let (Some((n0, f0)), Some((n1, f1))) = (figures.first(), figures.last()) {
            if n0 != n1 {
                let x = |a: Duration, b: Duration| b.as_secs_f64() / a.as_secs_f64().max(1e-6);
                println!(
                    "results-load ({}): {n1} readers against {n0}: answers p50 {:.2}x, p99 {:.2}x; result reads p50 {:.2}x, p99 {:.2}x",
                    a.label,
                    x(f0[0], f1[0]),
                    x(f0[1], f1[1]),
                    x(f0[2], f1[2]),
                    x(f0[3], f1[3]),
                );
            }
        }
        return Ok(());
    }
    let child = service
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", a.server.display()))?;
    let child = Arc::new(Mutex::new(child));
    service.wait_ready(&client).await?;

    let acked = Arc::new(AtomicU64::new(0));
    let retries = Arc::new(AtomicU64::new(0));
    let killed = Arc::new(AtomicBool::new(false));
    let per_reader = a.requests / a.readers;
    let extra = a.requests % a.readers;
    let started = Instant::now();
    let deadline = started + Duration::from_secs(a.limit);

    // The killer: SIGKILL halfway through, then start the service again.
    let killer = {
        let (child, service, acked, client, killed) = (
            child.clone(),
            service.clone(),
            acked.clone(),
            client.clone(),
            killed.clone(),
        );
        let half = u64::from(a.requests / 2);
        let kill = a.kill;
        tokio::spawn(async move {
            if !kill {
                return Ok::<Option<Duration>, String>(None);
            }
            while acked.load(Ordering::SeqCst) < half {
                tokio::time::sleep(Duration::from_millis(2)).await;
            }
            let down = Instant::now();
            let mut c = child.lock().await;
            c.start_kill()
                .map_err(|e| format!("cannot kill the service: {e}"))?;
            let _ = c.wait().await;
            killed.store(true, Ordering::SeqCst);
            eprintln!(
                "results-load: service killed (SIGKILL) after {} acknowledged requests",
                acked.load(Ordering::SeqCst)
            );
            *c = service
                .spawn()
                .map_err(|e| format!("cannot restart the service: {e}"))?;
            drop(c);
            service.wait_ready(&client).await?;
            Ok(Some(down.elapsed()))
        })
    };

    let mut readers = Vec::new();
    for r in 0..a.readers {
        let n = per_reader + u32::from(r < extra);
        let reads = a.reads;
        let (client, base, poll, acked, retries) = (
            client.clone(),
            base.clone(),
            poll.clone(),
            acked.clone(),
            retries.clone(),
        );
        readers.push(tokio::spawn(async move {
            let mut rng = StdRng::seed_from_u64(u64::from(r) * 7919 + 17);
            let id = uuid::Builder::from_random_bytes(rng.random())
                .into_uuid()
                .to_string();
            let mut last = json!({});
            let mut latencies = Vec::with_capacity(n as usize);
            for _ in 0..n {
                let roll: f64 = rng.random();
                let (get, body) = if roll < reads {
                    (true, Value::Null)
                } else if roll < reads + (1.0 - reads) / 6.0 {
                    (false, json!({}))
                } else {
                    (false, random_answers(&poll, &mut rng))
                };
                loop {
                    if Instant::now() > deadline {
                        return Err("over the time limit".to_owned());
                    }
                    let t = Instant::now();
                    let sent = if get {
                        client.get(format!("{base}/results")).send().await
                    } else {
                        client
                            .post(format!("{base}/answers"))
                            .json(&json!({"reader": id, "answers": body}))
                            .send()
                            .await
                    };
                    match sent {
                        Ok(resp) if resp.status().is_success() => {
                            // Read the whole answer: acknowledged.
                            let _ = resp.bytes().await;
                            latencies.push(t.elapsed());
                            acked.fetch_add(1, Ordering::SeqCst);
                            break;
                        }
                        Ok(resp) if resp.status().is_client_error() => {
                            let status = resp.status();
                            let text = resp.text().await.unwrap_or_default();
                            return Err(format!("refused ({status}): {text}"));
                        }
                        _ => {
                            retries.fetch_add(1, Ordering::SeqCst);
                            tokio::time::sleep(Duration::from_millis(20)).await;
                        }
                    }
                }
                if !get {
                    last = body;
                }
            }
            Ok((r, last, latencies))
        }));
    }
    let mut last = BTreeMap::new();
    let mut latencies = Vec::new();
    for h in readers {
        let (r, answers, l) = h.await.map_err(|e| e.to_string())??;
        last.insert(r, answers);
        latencies.extend(l);
    }
    let took = started.elapsed();
    let downtime = killer.await.map_err(|e| e.to_string())??;
    if a.kill && !killed.load(Ordering::SeqCst) {
        return Err("the service was never killed".into());
    }
    let results = look(&client, &base).await?;
    let want = expected(&poll, &last);
    let _ = child.lock().await.start_kill();
    latencies.sort();
    let n = latencies.len();
    println!(
        "results-load{}: {n} requests from {} readers in {:.2} s: {:.0} requests/s, p50 {}, p99 {}, max {}; {} retries{}",
        if a.label.is_empty() { String::new() } else { format!(" ({})", a.label) },
        a.readers,
        took.as_secs_f64(),
        n as f64 / took.as_secs_f64(),
        ms(percentile(&latencies, 0.5)),
        ms(percentile(&latencies, 0.99)),
        ms(latencies.last().copied().unwrap_or_default()),
        retries.load(Ordering::SeqCst),
        match downtime {
            Some(d) => format!("; killed with SIGKILL halfway and restarted, down {}", ms(d)),
            None => String::new(),
        }
    );
    if results != want {
        return Err(format!(
            "the tally differs from what the readers last had acknowledged:\n  service: {results}\n  readers: {want}"
        ));
    }
    println!(
        "results-load: the tally equals what the {} readers last had acknowledged ({} of them with answers)",
        a.readers, want["readers"]
    );
    a.report(
        "load",
        &[
            a.readers.to_string(),
            a.reads.to_string(),
            format!("{:.0}", n as f64 / took.as_secs_f64()),
            millis(percentile(&latencies, 0.5)),
            millis(percentile(&latencies, 0.99)),
        ],
    )
}
