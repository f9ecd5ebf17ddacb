//! The API, end to end over HTTP on loopback, against SQLite and against
//! PostgreSQL: the same suite for both.
//!
//! The SQLite tests run everywhere. The PostgreSQL ones need a server:
//! `cargo xtask test` starts one on a temporary data directory and runs
//! them with `RESULTS_TEST_POSTGRES=postgres://...` (an admin URL; each
//! test makes its own database).

use std::net::SocketAddr;
use std::path::Path;
use std::time::Duration;

use explainer_results::Config;
use serde_json::{json, Value};
use tokio::sync::oneshot;

#[derive(Clone, Copy)]
enum Backend {
    Sqlite,
    Postgres,
}

/// A made-up test site: one story, as `stories.json` lists it.
const STORY: &str = "test-reading-survey";

fn write_site(dir: &Path) {
    let poll = json!({"heading": "Test poll (made up)", "questions": [
        {"slug": "favourite-season", "kind": "single", "max": 100,
         "choices": [{"id": "spring"}, {"id": "summer"}, {"id": "autumn"}, {"id": "winter"}]},
        {"slug": "reading-places", "kind": "multiple", "max": 60, "otherLabel": "Somewhere else",
         "choices": [{"id": "library"}, {"id": "home"}, {"id": "train"}, {"id": "other", "other": true}]},
        {"slug": "one-wish", "kind": "text", "max": 140, "choices": []}
    ]});
    std::fs::write(
        dir.join("stories.json"),
        json!({"version": 2, "root": "/", "default": STORY, "stories": [
            {"slug": STORY, "headline": "Made-up test story", "language": "en",
             "path": format!("/{STORY}/"), "poll": poll}
        ]})
        .to_string(),
    )
    .unwrap();
}

/// A fresh, empty database for one test.
async fn fresh_database(backend: Backend, dir: &Path) -> String {
    match backend {
        Backend::Sqlite => format!("sqlite://{}", dir.join("results.db").display()),
        Backend::Postgres => {
            let admin = std::env::var("RESULTS_TEST_POSTGRES").expect(
                "RESULTS_TEST_POSTGRES (a PostgreSQL admin URL) is not set: run these through cargo xtask test",
            );
            sqlx::any::install_default_drivers();
            let name = format!("results_test_{}", uuid::Uuid::new_v4().simple());
            let pool = sqlx::AnyPool::connect(&admin)
                .await
                .expect("PostgreSQL answers");
            sqlx::query(&format!("CREATE DATABASE {name}"))
                .execute(&pool)
                .await
                .unwrap();
            pool.close().await;
            let (base, _) = admin
                .rsplit_once('/')
                .expect("the admin URL names a database");
            format!("{base}/{name}")
        }
    }
}

/// A running service on a free loopback port.
struct Running {
    base: String,
    stop: Option<oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<Result<(), String>>,
    _dir: tempfile::TempDir,
    database: String,
}

impl Running {
    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    async fn stop(mut self) {
        let _ = self.stop.take().unwrap().send(());
        self.task.await.unwrap().unwrap();
    }
}

fn config(site: &Path, database: &str) -> Config {
    Config {
        site: site.to_owned(),
        database: database.to_owned(),
        listen: SocketAddr::from(([127, 0, 0, 1], 0)),
        origins: vec!["https://news.example".into()],
        export_token: Some("test-token-made-up".into()),
        rate_per_minute: 600_000,
        burst: 10_000,
        behind_proxy: false,
        keep_days: 365,
    }
}

async fn start_with(
    dir: tempfile::TempDir,
    database: String,
    tweak: impl FnOnce(&mut Config),
) -> Running {
    let mut c = config(dir.path(), &database);
    tweak(&mut c);
    let (tx, rx) = oneshot::channel::<()>();
    let server = explainer_results::start(c, async {
        let _ = rx.await;
    })
    .await
    .expect("the service starts");
    let base = format!("http://{}", server.addr);
    Running {
        base,
        stop: Some(tx),
        task: tokio::spawn(server.run()),
        _dir: dir,
        database,
    }
}

async fn start(backend: Backend, tweak: impl FnOnce(&mut Config)) -> Running {
    let dir = tempfile::tempdir().unwrap();
    write_site(dir.path());
    let database = fresh_database(backend, dir.path()).await;
    start_with(dir, database, tweak).await
}

fn reader(n: u32) -> String {
    format!("{n:08x}-0000-4000-8000-000000000000")
}

async fn post(s: &Running, body: &Value) -> reqwest::Response {
    reqwest::Client::new()
        .post(s.url(&format!("/v1/polls/{STORY}/answers")))
        .json(body)
        .send()
        .await
        .unwrap()
}

async fn results(s: &Running) -> Value {
    let r = reqwest::get(s.url(&format!("/v1/polls/{STORY}/results")))
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    r.json().await.unwrap()
}

/// The kept tallies agree with a recount of the stored answers.
async fn assert_tallies_kept(database: &str) {
    let store = explainer_results::store::Store::open(database)
        .await
        .unwrap();
    assert_eq!(store.verify().await.unwrap(), Vec::<String>::new());
    store.close().await;
}

fn season(id: &str) -> Value {
    json!({"favourite-season": {"choices": [id]}})
}

async fn answers_are_counted_once_changed_and_cleared(backend: Backend) {
    let s = start(backend, |_| {}).await;
    // Zeros for every question and choice before anyone answers.
    assert_eq!(
        results(&s).await,
        json!({"readers": 0, "questions": {
            "favourite-season": {"answered": 0, "choices": {"spring": 0, "summer": 0, "autumn": 0, "winter": 0}},
            "reading-places": {"answered": 0, "choices": {"library": 0, "home": 0, "train": 0, "other": 0}},
            "one-wish": {"answered": 0, "choices": {}}
        }})
    );
    let first = json!({"reader": reader(1), "answers": {
        "favourite-season": {"choices": ["spring"]},
        "reading-places": {"choices": ["library", "other"], "other": "On the ferry"},
        "one-wish": {"text": "Open on Sundays"}
    }});
    let r = post(&s, &first).await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["cache-control"], "no-store");
    let after: Value = r.json().await.unwrap();
    assert_eq!(after["readers"], 1);
    assert_eq!(
        after["questions"]["favourite-season"]["choices"]["spring"],
        1
    );
    assert_eq!(after["questions"]["reading-places"]["choices"]["other"], 1);
    assert_eq!(after["questions"]["one-wish"]["answered"], 1);
    // Free text is never published.
    let text = after.to_string();
    assert!(
        !text.contains("ferry") && !text.contains("Sundays"),
        "{text}"
    );

    // A retry does not count twice.
    assert_eq!(post(&s, &first).await.status(), 200);
    let again = results(&s).await;
    assert_eq!(again, after);

    // A second reader; then the first changes their answer.
    post(
        &s,
        &json!({"reader": reader(2), "answers": season("spring")}),
    )
    .await;
    assert_eq!(
        results(&s).await["questions"]["favourite-season"]["choices"]["spring"],
        2
    );
    post(
        &s,
        &json!({"reader": reader(1), "answers": season("winter")}),
    )
    .await;
    let changed = results(&s).await;
    assert_eq!(changed["readers"], 2);
    let seasons = &changed["questions"]["favourite-season"];
    assert_eq!(seasons["choices"]["spring"], 1);
    assert_eq!(seasons["choices"]["winter"], 1);
    assert_eq!(seasons["answered"], 2);
    // Their other answers went with the change: the whole set is replaced.
    assert_eq!(changed["questions"]["reading-places"]["answered"], 0);
    assert_eq!(changed["questions"]["one-wish"]["answered"], 0);

    // A clear takes the reader out of the count.
    post(&s, &json!({"reader": reader(2), "answers": {}})).await;
    let cleared = results(&s).await;
    assert_eq!(cleared["readers"], 1);
    assert_eq!(
        cleared["questions"]["favourite-season"]["choices"]["spring"],
        0
    );
    assert_tallies_kept(&s.database).await;
    s.stop().await;
}

async fn refusals_are_json_and_store_nothing(backend: Backend) {
    let s = start(backend, |_| {}).await;
    post(
        &s,
        &json!({"reader": reader(1), "answers": season("summer")}),
    )
    .await;
    let before = results(&s).await;
    let client = reqwest::Client::new();
    let answers_url = s.url(&format!("/v1/polls/{STORY}/answers"));
    let send = |body: Vec<u8>, content_type: &'static str| {
        client
            .post(&answers_url)
            .header("content-type", content_type)
            .body(body)
            .send()
    };
    let cases: Vec<(Vec<u8>, &str, u16, &str)> = vec![
        (b"{\"reader\":".to_vec(), "application/json", 400, "malformed-json"),
        (json!({"answers": {}}).to_string().into(), "application/json", 422, "reader-missing"),
        (json!({"reader": "me", "answers": {}}).to_string().into(), "application/json", 422, "reader-malformed"),
        (json!({"reader": reader(3), "answers": {"nope": {"choices": ["a"]}}}).to_string().into(), "application/json", 422, "unknown-question"),
        (json!({"reader": reader(3), "answers": season("monsoon")}).to_string().into(), "application/json", 422, "unknown-choice"),
        (
            json!({"reader": reader(3), "answers": {"one-wish": {"text": "<script>alert(1)</script>".repeat(6)}}}).to_string().into(),
            "application/json", 422, "too-long",
        ),
        (
            json!({"reader": reader(3), "answers": {"one-wish": {"text": "<script>alert(1)</script>"}}}).to_string().into(),
            "application/json", 422, "markup-in-text",
        ),
        (
            json!({"reader": reader(3), "answers": {"one-wish": {"text": "x".repeat(17 * 1024)}}}).to_string().into(),
            "application/json", 413, "too-large",
        ),
        (
            json!({"reader": reader(3), "answers": {"one-wish": {"text": "x".repeat(1 << 20)}}}).to_string().into(),
            "application/json", 413, "too-large",
        ),
        (json!({"reader": reader(3), "answers": season("spring")}).to_string().into(), "text/plain", 415, "not-json"),
    ];
    for (body, content_type, status, code) in cases {
        let huge = body.len() > 64 * 1024;
        let r = match send(body, content_type).await {
            Ok(r) => r,
            // The service answers a body far over the limit with 413 before
            // it has read it all, and closes the connection: under load the
            // client may still be writing then (a broken pipe). Refused
            // either way (a body just over the limit, above, gets its 413
            // every time); that nothing was stored is checked below.
            Err(e) if huge && e.is_request() => continue,
            Err(e) => panic!("{code}: {e}"),
        };
        assert_eq!(r.status().as_u16(), status, "{code}");
        assert!(r.headers().get("set-cookie").is_none());
        let v: Value = r.json().await.unwrap();
        assert_eq!(v["error"]["code"], code, "{v}");
        assert!(v["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()));
    }
    // An unknown story.
    let r = client
        .post(s.url("/v1/polls/no-such-story/answers"))
        .json(&json!({"reader": reader(3), "answers": {}}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    assert_eq!(
        r.json::<Value>().await.unwrap()["error"]["code"],
        "unknown-story"
    );
    let r = reqwest::get(s.url("/v1/polls/no-such-story/results"))
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    // Nothing of that was stored.
    assert_eq!(results(&s).await, before);
    let export = export_csv(&s, Some("test-token-made-up")).await;
    assert!(!export.contains("script"), "{export}");
    s.stop().await;
}

async fn export_csv(s: &Running, token: Option<&str>) -> String {
    let mut r = reqwest::Client::new().get(s.url(&format!("/v1/polls/{STORY}/export.csv")));
    if let Some(t) = token {
        r = r.bearer_auth(t);
    }
    let r = r.send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    r.text().await.unwrap()
}

async fn free_text_is_exported_with_the_token_only(backend: Backend) {
    let s = start(backend, |_| {}).await;
    post(
        &s,
        &json!({"reader": reader(1), "answers": {
            "reading-places": {"choices": ["other"], "other": "=HYPERLINK(\"x\")"},
            "one-wish": {"text": "Quiet rooms, \"please\""}
        }}),
    )
    .await;
    for token in [None, Some("wrong")] {
        let mut r = reqwest::Client::new().get(s.url(&format!("/v1/polls/{STORY}/export.csv")));
        if let Some(t) = token {
            r = r.bearer_auth(t);
        }
        let r = r.send().await.unwrap();
        assert_eq!(r.status(), 401);
        assert_eq!(r.json::<Value>().await.unwrap()["error"]["code"], "token");
    }
    let csv = export_csv(&s, Some("test-token-made-up")).await;
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "question,field,text,saved");
    assert!(
        lines[1].starts_with("one-wish,text,\"Quiet rooms, \"\"please\"\"\",20"),
        "{csv}"
    );
    assert!(
        lines[2].starts_with("reading-places,other,\"'=HYPERLINK(\"\"x\"\")\",20"),
        "{csv}"
    );
    assert_eq!(lines.len(), 3);
    s.stop().await;

    // Without a token in the config, the export is off.
    let off = start(backend, |c| c.export_token = None).await;
    let r = reqwest::Client::new()
        .get(off.url(&format!("/v1/polls/{STORY}/export.csv")))
        .bearer_auth("")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    off.stop().await;
}

async fn cors_names_only_the_configured_origins_and_results_cache_briefly(backend: Backend) {
    let s = start(backend, |_| {}).await;
    let client = reqwest::Client::new();
    let preflight = |origin: &'static str| {
        client
            .request(
                reqwest::Method::OPTIONS,
                s.url(&format!("/v1/polls/{STORY}/answers")),
            )
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .header("access-control-request-headers", "content-type")
            .send()
    };
    let ok = preflight("https://news.example").await.unwrap();
    assert_eq!(
        ok.headers()["access-control-allow-origin"],
        "https://news.example"
    );
    let other = preflight("https://elsewhere.example").await.unwrap();
    assert!(other.headers().get("access-control-allow-origin").is_none());
    let r = client
        .get(s.url(&format!("/v1/polls/{STORY}/results")))
        .header("origin", "https://news.example")
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.headers()["access-control-allow-origin"],
        "https://news.example"
    );
    assert_eq!(r.headers()["cache-control"], "public, max-age=5");
    assert!(r.headers().get("set-cookie").is_none());
    let health = health(&s).await;
    assert_eq!(health["ok"], true);
    if matches!(backend, Backend::Sqlite) {
        assert_eq!(health["journal"], "wal");
    }
    s.stop().await;
}

async fn an_address_over_its_rate_is_told_to_wait(backend: Backend) {
    let s = start(backend, |c| {
        c.rate_per_minute = 6;
        c.burst = 3;
    })
    .await;
    let mut statuses = Vec::new();
    for _ in 0..5 {
        let r = reqwest::get(s.url(&format!("/v1/polls/{STORY}/results")))
            .await
            .unwrap();
        statuses.push(r.status().as_u16());
        if r.status() == 429 {
            assert!(r.headers().get("retry-after").is_some());
            assert_eq!(
                r.json::<Value>().await.unwrap()["error"]["code"],
                "rate-limited"
            );
        }
    }
    assert_eq!(statuses, [200, 200, 200, 429, 429]);
    s.stop().await;
}

async fn two_instances_on_one_database_agree(backend: Backend) {
    let a = start(backend, |_| {}).await;
    // B: the same database, its own copy of the site.
    let dir = tempfile::tempdir().unwrap();
    write_site(dir.path());
    let b = start_with(dir, a.database.clone(), |_| {}).await;
    let client = reqwest::Client::new();
    let mut sends = Vec::new();
    for n in 0..40u32 {
        let target = if n % 2 == 0 { &a } else { &b };
        let pick = ["spring", "summer", "autumn", "winter"][(n % 4) as usize];
        let request = client
            .post(target.url(&format!("/v1/polls/{STORY}/answers")))
            .json(&json!({"reader": reader(n), "answers": season(pick)}));
        sends.push(tokio::spawn(request.send()));
    }
    for r in sends {
        assert_eq!(r.await.unwrap().unwrap().status(), 200);
    }
    // Each instance may answer a look from memory for up to a second.
    tokio::time::sleep(explainer_results::api::RESULTS_IN_MEMORY).await;
    let looked = std::time::Instant::now();
    let (ra, rb) = (results(&a).await, results(&b).await);
    assert_eq!(ra, rb);
    assert_eq!(ra["readers"], 40);
    for pick in ["spring", "summer", "autumn", "winter"] {
        assert_eq!(ra["questions"]["favourite-season"]["choices"][pick], 10);
    }
    // B answers from memory for up to a second, then reads A's new answer
    // (checked while the second lasts, which a very slow machine may miss).
    post(
        &a,
        &json!({"reader": reader(100), "answers": season("spring")}),
    )
    .await;
    let again = results(&b).await;
    if looked.elapsed() < explainer_results::api::RESULTS_IN_MEMORY {
        assert_eq!(again, rb);
    }
    assert_eq!(results(&a).await["readers"], 41);
    tokio::time::sleep(explainer_results::api::RESULTS_IN_MEMORY).await;
    assert_eq!(results(&b).await["readers"], 41);
    assert_tallies_kept(&a.database).await;
    a.stop().await;
    b.stop().await;
}

async fn answers_past_the_retention_period_are_purged(backend: Backend) {
    let s = start(backend, |_| {}).await;
    post(
        &s,
        &json!({"reader": reader(1), "answers": season("autumn")}),
    )
    .await;
    let store = explainer_results::store::Store::open(&s.database)
        .await
        .unwrap();
    assert_eq!(store.purge(Duration::from_secs(3600)).await.unwrap(), 0);
    tokio::time::sleep(Duration::from_millis(1100)).await;
    assert_eq!(store.purge(Duration::ZERO).await.unwrap(), 1);
    assert_eq!(results(&s).await["readers"], 0);
    assert_eq!(
        results(&s).await["questions"]["favourite-season"]["choices"]["autumn"],
        0
    );
    assert_eq!(store.verify().await.unwrap(), Vec::<String>::new());
    store.close().await;
    s.stop().await;
}

/// What the service's health check says.
async fn health(s: &Running) -> Value {
    reqwest::get(s.url("/v1/health"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

/// The stories the service knows now (its health check says).
async fn stories(s: &Running) -> Vec<String> {
    serde_json::from_value(health(s).await["stories"].clone()).unwrap()
}

/// Sends SIGHUP to this process (where the service runs) and waits until
/// the service knows `want`.
async fn hang_up_until(s: &Running, want: &[&str]) {
    let pid = std::process::id().to_string();
    assert!(std::process::Command::new("kill")
        .args(["-HUP", &pid])
        .status()
        .unwrap()
        .success());
    for _ in 0..200 {
        if stories(s).await == want {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!(
        "after SIGHUP the service knows {:?}, not {want:?}",
        stories(s).await
    );
}

/// `SIGHUP` makes the service read the site again: a story published
/// since answers, one taken down answers 404 and keeps its stored answers
/// until it comes back, a site that cannot be read leaves the stories as
/// they were, and no request under way is dropped.
async fn sighup_reads_the_site_again(backend: Backend) {
    let s = start(backend, |_| {}).await;
    let site = s._dir.path().to_owned();
    const OTHER: &str = "test-second-survey";
    let list = |slugs: &[&str]| {
        let poll = json!({"heading": "Test poll (made up)", "questions": [
            {"slug": "favourite-season", "kind": "single", "max": 100,
             "choices": [{"id": "spring"}, {"id": "summer"}, {"id": "autumn"}, {"id": "winter"}]}
        ]});
        let stories: Vec<Value> = slugs
            .iter()
            .map(|slug| json!({"slug": slug, "path": format!("/{slug}/"), "poll": poll}))
            .collect();
        std::fs::write(
            site.join("stories.json"),
            json!({"version": 2, "root": "/", "stories": stories}).to_string(),
        )
        .unwrap();
    };
    let answer = |story: &'static str, n: u32| {
        let url = s.url(&format!("/v1/polls/{story}/answers"));
        async move {
            reqwest::Client::new()
                .post(url)
                .json(&json!({"reader": reader(n), "answers": season("summer")}))
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };
    assert_eq!(answer(STORY, 1).await, 200);
    assert_eq!(answer(OTHER, 1).await, 404);

    // Published: answers while the site is read again are all taken.
    list(&[STORY, OTHER]);
    let under_way: Vec<_> = (10..60).map(|n| tokio::spawn(answer(STORY, n))).collect();
    hang_up_until(&s, &[STORY, OTHER]).await;
    for r in under_way {
        assert_eq!(r.await.unwrap(), 200);
    }
    assert_eq!(answer(OTHER, 1).await, 200);

    // Taken down: 404, its answers kept; back: counted again.
    list(&[OTHER]);
    hang_up_until(&s, &[OTHER]).await;
    let gone = reqwest::get(s.url(&format!("/v1/polls/{STORY}/results")))
        .await
        .unwrap();
    assert_eq!(gone.status(), 404);
    list(&[STORY, OTHER]);
    hang_up_until(&s, &[STORY, OTHER]).await;
    assert_eq!(results(&s).await["readers"], 51);

    // A site that cannot be read: the stories stay as they were.
    std::fs::write(site.join("stories.json"), "{ not json").unwrap();
    let pid = std::process::id().to_string();
    std::process::Command::new("kill")
        .args(["-HUP", &pid])
        .status()
        .unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(stories(&s).await, [STORY, OTHER]);
    assert_eq!(answer(OTHER, 2).await, 200);
    assert_tallies_kept(&s.database).await;
    s.stop().await;
}

/// A database written by the release before (its one migration, answers
/// in its rows, no tallies) gets its tallies built once when the service
/// starts on it; a tally that disagrees with the rows is found.
async fn tallies_are_built_for_a_database_from_the_release_before(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    write_site(dir.path());
    let database = fresh_database(backend, dir.path()).await;
    let old = tempfile::tempdir().unwrap();
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/migrations/0001_answers.sql"),
        old.path().join("0001_answers.sql"),
    )
    .unwrap();
    sqlx::any::install_default_drivers();
    let url = if database.starts_with("sqlite:") {
        format!("{database}?mode=rwc")
    } else {
        database.clone()
    };
    let pool = sqlx::AnyPool::connect(&url).await.unwrap();
    sqlx::migrate::Migrator::new(old.path())
        .await
        .unwrap()
        .run(&pool)
        .await
        .unwrap();
    let rows = [
        (reader(1), "favourite-season", Some("spring")),
        (reader(2), "favourite-season", Some("spring")),
        (reader(3), "favourite-season", Some("winter")),
        (reader(3), "reading-places", Some("library")),
        (reader(3), "one-wish", None),
    ];
    // Saved now: the purge at start (past the retention period) keeps them.
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    for (who, question, choice) in &rows {
        for sql in [
            "INSERT INTO readers (story, reader, saved_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
            "INSERT INTO answered (story, reader, question) VALUES ($1, $2, $3)",
        ] {
            let q = sqlx::query(sql).bind(STORY).bind(who);
            let q = if sql.contains("answered") {
                q.bind(*question)
            } else {
                q.bind(now)
            };
            q.execute(&pool).await.unwrap();
        }
        if let Some(c) = choice {
            sqlx::query(
                "INSERT INTO choices (story, reader, question, choice) VALUES ($1, $2, $3, $4)",
            )
            .bind(STORY)
            .bind(who)
            .bind(*question)
            .bind(*c)
            .execute(&pool)
            .await
            .unwrap();
        }
    }
    let s = start_with(dir, database.clone(), |_| {}).await;
    let r = results(&s).await;
    assert_eq!(r["readers"], 3);
    assert_eq!(r["questions"]["favourite-season"]["answered"], 3);
    assert_eq!(r["questions"]["favourite-season"]["choices"]["spring"], 2);
    assert_eq!(r["questions"]["favourite-season"]["choices"]["winter"], 1);
    assert_eq!(r["questions"]["reading-places"]["choices"]["library"], 1);
    assert_eq!(r["questions"]["one-wish"]["answered"], 1);
    // Answers after the migration move the built tallies.
    post(
        &s,
        &json!({"reader": reader(1), "answers": season("autumn")}),
    )
    .await;
    let r = results(&s).await;
    assert_eq!(r["questions"]["favourite-season"]["choices"]["spring"], 1);
    assert_eq!(r["questions"]["favourite-season"]["choices"]["autumn"], 1);
    assert_tallies_kept(&database).await;
    // A kept count that disagrees with the rows is named.
    sqlx::query("UPDATE tallies SET count = count + 1 WHERE story = $1 AND question = 'favourite-season' AND choice = 'winter' AND slot = 0")
        .bind(STORY)
        .execute(&pool)
        .await
        .unwrap();
    let store = explainer_results::store::Store::open(&database)
        .await
        .unwrap();
    assert_eq!(
        store.verify().await.unwrap(),
        [format!(
            "{STORY} favourite-season winter: kept 2, counted 1"
        )]
    );
    store.close().await;
    pool.close().await;
    s.stop().await;
}

macro_rules! on_both {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name(super::Backend::Sqlite).await
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                #[ignore = "needs PostgreSQL: cargo xtask test starts one"]
                async fn $name() {
                    super::$name(super::Backend::Postgres).await
                }
            )*
        }
    };
}

on_both!(
    answers_are_counted_once_changed_and_cleared,
    refusals_are_json_and_store_nothing,
    free_text_is_exported_with_the_token_only,
    cors_names_only_the_configured_origins_and_results_cache_briefly,
    an_address_over_its_rate_is_told_to_wait,
    two_instances_on_one_database_agree,
    answers_past_the_retention_period_are_purged,
    tallies_are_built_for_a_database_from_the_release_before,
    sighup_reads_the_site_again,
);
