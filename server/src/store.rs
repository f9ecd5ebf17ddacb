//! The answers database: SQLite (one file, WAL) by default, PostgreSQL
//! for newsrooms that run several instances; one code path for both
//! (sqlx's `Any` driver, SQL that both run as it is), migrated on start.
//!
//! A reader's set of answers is replaced as a whole in one transaction,
//! so a retry never counts twice and a change or a clear moves the tally.
//! The tallies are kept, not recounted: the same transaction adds the
//! difference between the reader's old and new answers to the story's
//! counts (table `tallies`), so reading the results costs a few rows per
//! question however many readers answered. Counts are spread over
//! [`SLOTS`] rows each, summed on read, so concurrent writers (several
//! instances on one PostgreSQL) seldom wait for the same row; they agree
//! because every count lives in the database. [`Store::verify`] recounts
//! from the rows and compares.
//!
//! Writes are committed in groups: a writer takes every submission waiting
//! for it (up to [`MAX_BATCH`]), writes them in one transaction and
//! acknowledges each only once that is committed (one writer on SQLite,
//! [`PG_WRITERS`] on PostgreSQL, a reader's saves always to the same one). So a
//! commit's wait (the disk's sync) serves many readers, and no answer is
//! acknowledged before it is durable. Each statement of a commit reads or
//! writes all of its readers' rows at once (about ten statements a commit,
//! however many readers are in it), and the story's counts are read once
//! after the commit for every reply. Readers' rows are written in one
//! order (story, reader; a reader's later save after their earlier one), so
//! two instances' batches never wait for each other crosswise.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use explainer::story::outline::PollOutline;
use serde::Serialize;
use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::{AnyPool, Row};

use crate::answers::Submission;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// How many rows each count is spread over.
pub const SLOTS: i64 = 8;

/// Changes to a story's counts: `(question, choice, slot)` to a
/// difference; `("", "")` is the readers, `(question, "")` those who
/// answered it.
type Deltas = BTreeMap<(String, String, i64), i64>;

type Tx<'c> = sqlx::Transaction<'c, sqlx::Any>;

/// A story's kept counts, summed over their slots: `(question, choice,
/// count)` rows, as [`Deltas`] names them.
pub type Kept = Vec<(String, String, i64)>;

/// A story's kept counts as read right after a commit, and when: what the
/// readers of that commit are answered with.
#[derive(Debug)]
pub struct Counted {
    /// When the counts were read (after the commit).
    pub at: std::time::Instant,
    /// The counts.
    pub kept: Kept,
}

/// At most this many parameters in one statement (SQLite takes 32,766,
/// PostgreSQL 65,535).
const MAX_PARAMS: usize = 30_000;

/// The slot a reader's changes go to: their random id spreads them.
fn slot(reader: &str) -> i64 {
    reader
        .bytes()
        .next()
        .and_then(|b| (b as char).to_digit(16))
        .map_or(0, |d| i64::from(d) % SLOTS)
}

/// The counts of the stored answers of the readers `whose` (an SQL
/// condition on `story, reader`): readers, who answered each question, who
/// chose each choice; each row `(story, question, choice, count)` as
/// `tallies` keeps them (read with [`count_row`]).
fn recount(whose: &str) -> [String; 3] {
    [
        format!("SELECT story, '', '', COUNT(*) FROM readers WHERE {whose} GROUP BY story"),
        format!(
            "SELECT story, question, '', COUNT(*) FROM answered WHERE {whose} \
             GROUP BY story, question"
        ),
        format!(
            "SELECT story, question, choice, COUNT(*) FROM choices WHERE {whose} \
             GROUP BY story, question, choice"
        ),
    ]
}

/// A `(story, question, choice)` and its count.
fn count_row(r: AnyRow) -> Result<((String, String, String), i64), sqlx::Error> {
    Ok(((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?), r.try_get(3)?))
}

/// Adds `deltas` to `story`'s counts, in one order for every writer (so two
/// transactions never wait for each other crosswise): one statement for
/// every row (or a few, when they are many).
async fn add(tx: &mut Tx<'_>, story: &str, deltas: &Deltas) -> Result<(), sqlx::Error> {
    let rows: Vec<_> = deltas.iter().filter(|(_, d)| **d != 0).collect();
    for chunk in rows.chunks(MAX_PARAMS / 5) {
        let sql = rows_insert(
            "tallies (story, question, choice, slot, count)",
            5,
            chunk.len(),
        ) + " ON CONFLICT (story, question, choice, slot) \
               DO UPDATE SET count = tallies.count + excluded.count";
        let mut q = sqlx::query(&sql);
        for ((question, choice, slot), d) in chunk {
            q = q
                .bind(story)
                .bind(question)
                .bind(choice)
                .bind(*slot)
                .bind(**d);
        }
        q.execute(&mut **tx).await?;
    }
    Ok(())
}

/// `story`'s kept counts (a few rows per question).
async fn kept<'e, E>(db: E, story: &str) -> Result<Kept, sqlx::Error>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    sqlx::query(
        "SELECT question, choice, CAST(SUM(count) AS BIGINT) FROM tallies WHERE story = $1 \
         GROUP BY question, choice",
    )
    .bind(story)
    .try_map(|r: AnyRow| Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?)))
    .fetch_all(db)
    .await
}

/// The results of `poll` from its story's kept counts: every question and
/// choice, zeros included.
pub fn results_of(kept: &Kept, poll: &PollOutline) -> Results {
    let count = |q: &str, c: &str| {
        kept.iter()
            .find(|(kq, kc, _)| kq == q && kc == c)
            .map_or(0, |k| k.2)
    };
    let mut questions = serde_json::Map::new();
    for q in &poll.questions {
        let mut choices = serde_json::Map::new();
        for c in &q.choices {
            choices.insert(c.id.clone(), count(&q.slug, &c.id).into());
        }
        questions.insert(
            q.slug.clone(),
            serde_json::json!({ "answered": count(&q.slug, ""), "choices": choices }),
        );
    }
    Results {
        readers: count("", ""),
        questions,
    }
}

/// The database.
#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
    sqlite: bool,
    /// Answers to write, to this store's writers (group commit); a reader's
    /// always to the same one, so their saves are written in order.
    writes: Vec<tokio::sync::mpsc::Sender<Write>>,
}

/// One reader's answers to write, and who waits for them to be durable.
struct Write {
    story: String,
    submission: Submission,
    done: tokio::sync::oneshot::Sender<Result<Arc<Counted>, sqlx::Error>>,
}

/// The purge's first statement: locks the readers it takes out.
const LOCK_OLD_READERS: &str = "UPDATE readers SET saved_at = saved_at WHERE saved_at < $1";

/// At most this many readers' answers go in one commit.
const MAX_BATCH: usize = 256;

/// Writers per store: SQLite takes one writer at a time; PostgreSQL
/// commits several transactions at once, each on its own connection.
const PG_WRITERS: usize = 4;

/// A story's tallies, as `GET /v1/polls/<story>/results` gives them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Results {
    /// Readers with at least one answer.
    pub readers: i64,
    /// Per question slug, in the poll's order.
    pub questions: serde_json::Map<String, serde_json::Value>,
}

/// One free-text answer, for the newsroom's export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    /// The question's slug.
    pub question: String,
    /// `other` (an "Other" choice's box) or `text` (a text question).
    pub field: String,
    /// What the reader wrote.
    pub body: String,
    /// When they saved it, in seconds since 1970.
    pub saved_at: i64,
}

fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

impl Store {
    /// Opens (creating a SQLite file when needed) and migrates the database
    /// at `url`: `sqlite://path/results.db` or `postgres://...`.
    pub async fn open(url: &str) -> Result<Store, String> {
        sqlx::any::install_default_drivers();
        let sqlite = url.starts_with("sqlite:");
        let url = if sqlite && !url.contains("mode=") {
            // Create the file on first start.
            format!("{url}{}mode=rwc", if url.contains('?') { '&' } else { '?' })
        } else {
            url.to_owned()
        };
        let pool = AnyPoolOptions::new()
            // SQLite takes one writer at a time: a few connections read
            // while one writes (WAL); PostgreSQL takes more.
            .max_connections(if sqlite { 4 } else { 16 })
            .acquire_timeout(Duration::from_secs(10))
            .connect(&url)
            .await
            .map_err(|e| format!("cannot open the database {}: {e}", redact(&url)))?;
        let mut writes = Vec::new();
        let mut queues = Vec::new();
        for _ in 0..if sqlite { 1 } else { PG_WRITERS } {
            let (tx, rx) = tokio::sync::mpsc::channel(4 * MAX_BATCH);
            writes.push(tx);
            queues.push(rx);
        }
        let store = Store {
            pool,
            sqlite,
            writes,
        };
        if sqlite {
            // sqlx opens SQLite in WAL mode with full sync; say it once more
            // so an older file made elsewhere switches too.
            let mode: String = sqlx::query_scalar("PRAGMA journal_mode = WAL")
                .fetch_one(&store.pool)
                .await
                .map_err(|e| format!("cannot set WAL mode: {e}"))?;
            if !mode.eq_ignore_ascii_case("wal") {
                return Err(format!("SQLite would not use WAL mode (it says {mode})"));
            }
        }
        MIGRATOR
            .run(&store.pool)
            .await
            .map_err(|e| format!("cannot migrate the database: {e}"))?;
        for queue in queues {
            tokio::spawn(writer(store.pool.clone(), sqlite, queue));
        }
        Ok(store)
    }

    /// True for SQLite.
    pub fn is_sqlite(&self) -> bool {
        self.sqlite
    }

    /// The journal mode (`wal` for SQLite; empty for PostgreSQL).
    pub async fn journal_mode(&self) -> Result<String, sqlx::Error> {
        if !self.sqlite {
            return Ok(String::new());
        }
        sqlx::query_scalar("PRAGMA journal_mode")
            .fetch_one(&self.pool)
            .await
    }

    /// Replaces `story`'s answers from `s.reader` with `s` (none: a clear).
    /// Returns once the transaction holding it is committed (durable), with
    /// the story's counts read right after.
    pub async fn replace(&self, story: &str, s: &Submission) -> Result<Arc<Counted>, sqlx::Error> {
        let (done, committed) = tokio::sync::oneshot::channel();
        let write = Write {
            story: story.to_owned(),
            submission: s.clone(),
            done,
        };
        let writer = &self.writes[slot(&s.reader) as usize % self.writes.len()];
        writer
            .send(write)
            .await
            .map_err(|_| sqlx::Error::PoolClosed)?;
        committed.await.map_err(|_| sqlx::Error::PoolClosed)?
    }

    /// `story`'s tallies: every question and choice of `poll`, zeros
    /// included. Reads the kept counts (a few rows per question).
    pub async fn results(&self, story: &str, poll: &PollOutline) -> Result<Results, sqlx::Error> {
        Ok(results_of(&kept(&self.pool, story).await?, poll))
    }

    /// Recounts every story's tallies from the stored answers and compares
    /// them with the kept counts: each difference, as `story question
    /// choice: kept K, counted C` (none when they agree).
    pub async fn verify(&self) -> Result<Vec<String>, sqlx::Error> {
        let mut counted = BTreeMap::new();
        for sql in recount("1 = 1") {
            for (k, n) in sqlx::query(&sql)
                .try_map(count_row)
                .fetch_all(&self.pool)
                .await?
            {
                counted.insert(k, n);
            }
        }
        let kept: BTreeMap<_, _> = sqlx::query(
            "SELECT story, question, choice, CAST(SUM(count) AS BIGINT) FROM tallies \
             GROUP BY story, question, choice",
        )
        .try_map(count_row)
        .fetch_all(&self.pool)
        .await?
        .into_iter()
        .collect();
        let mut differences = Vec::new();
        for key in counted
            .keys()
            .chain(kept.keys())
            .collect::<std::collections::BTreeSet<_>>()
        {
            let (k, c) = (
                kept.get(key).copied().unwrap_or(0),
                counted.get(key).copied().unwrap_or(0),
            );
            if k != c {
                differences.push(format!(
                    "{} {} {}: kept {k}, counted {c}",
                    key.0, key.1, key.2
                ));
            }
        }
        Ok(differences)
    }

    /// `story`'s free-text answers, by question, oldest first.
    pub async fn texts(&self, story: &str) -> Result<Vec<Text>, sqlx::Error> {
        sqlx::query(
            "SELECT question, field, body, saved_at FROM texts WHERE story = $1 \
             ORDER BY question, saved_at, field, body",
        )
        .bind(story)
        .try_map(|r: AnyRow| {
            Ok(Text {
                question: r.try_get(0)?,
                field: r.try_get(1)?,
                body: r.try_get(2)?,
                saved_at: r.try_get(3)?,
            })
        })
        .fetch_all(&self.pool)
        .await
    }

    /// Deletes the answers of readers who last saved more than `keep` ago
    /// (found by the index on `saved_at`: a purge reads theirs only),
    /// and takes them out of the counts; returns how many readers' answers
    /// went.
    pub async fn purge(&self, keep: Duration) -> Result<u64, sqlx::Error> {
        let cutoff = now() - keep.as_secs() as i64;
        let mut tx = self.pool.begin().await?;
        // Locks the old readers' rows first (and, on SQLite, the database):
        // a reader saving meanwhile waits, then starts afresh.
        sqlx::query(LOCK_OLD_READERS)
            .bind(cutoff)
            .execute(&mut *tx)
            .await?;
        let old = "(story, reader) IN (SELECT story, reader FROM readers WHERE saved_at < $1)";
        let mut deltas: BTreeMap<String, Deltas> = BTreeMap::new();
        for sql in recount(old) {
            let rows = sqlx::query(&sql)
                .bind(cutoff)
                .try_map(count_row)
                .fetch_all(&mut *tx)
                .await?;
            for ((story, q, c), n) in rows {
                deltas.entry(story).or_default().insert((q, c, 0), -n);
            }
        }
        for (story, d) in &deltas {
            add(&mut tx, story, d).await?;
        }
        for table in ["answered", "choices", "texts"] {
            sqlx::query(&format!("DELETE FROM {table} WHERE {old}"))
                .bind(cutoff)
                .execute(&mut *tx)
                .await?;
        }
        let gone = sqlx::query("DELETE FROM readers WHERE saved_at < $1")
            .bind(cutoff)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        tx.commit().await?;
        Ok(gone)
    }

    /// Closes the pool (waits for connections to finish).
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// `$from, $from+1, …`: `n` parameters numbered on from `from`.
fn numbered(from: usize, n: usize) -> String {
    (from..from + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Replaces `story`'s answers from each reader of `saves` (one save a
/// reader, in reader order) in `tx`, and adds the differences to `deltas`.
/// A handful of statements whatever the number of readers: each reads or
/// writes every reader's rows at once.
async fn replace_all(
    tx: &mut Tx<'_>,
    story: &str,
    saves: &[&Submission],
    at: i64,
    deltas: &mut Deltas,
) -> Result<(), sqlx::Error> {
    let n = saves.len();
    // Written first: on PostgreSQL this locks the readers' rows, in reader
    // order, so two instances given the same reader at once take turns; on
    // SQLite it takes the write lock at the start.
    let sql = rows_insert("readers (story, reader, saved_at)", 3, n)
        + " ON CONFLICT (story, reader) DO UPDATE SET saved_at = excluded.saved_at";
    let mut q = sqlx::query(&sql);
    for s in saves {
        q = q.bind(story).bind(&s.reader).bind(at);
    }
    q.execute(&mut **tx).await?;
    // What the readers had (one query: the questions answered, with no
    // choice, then the choices): the difference is what the counts move by.
    let sql = format!(
        "SELECT reader, question, NULL FROM answered WHERE story = $1 AND reader IN ({}) \
         UNION ALL SELECT reader, question, choice FROM choices WHERE story = ${} AND reader IN ({})",
        numbered(2, n),
        n + 2,
        numbered(n + 3, n)
    );
    let mut q = sqlx::query(&sql).bind(story);
    for s in saves {
        q = q.bind(&s.reader);
    }
    q = q.bind(story);
    for s in saves {
        q = q.bind(&s.reader);
    }
    let old: Vec<(String, String, Option<String>)> = q
        .try_map(|r: AnyRow| Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?)))
        .fetch_all(&mut **tx)
        .await?;
    // Each reader's questions answered and choices, as they were.
    type Had<'a> = (Vec<&'a str>, Vec<(&'a str, &'a str)>);
    let mut had: BTreeMap<&str, Had> = BTreeMap::new();
    for (reader, question, choice) in &old {
        let (answered, choices) = had.entry(reader).or_default();
        match choice {
            None => answered.push(question),
            Some(c) => choices.push((question, c)),
        }
    }
    for s in saves {
        let slot = slot(&s.reader);
        let (old_answered, old_choices) = had.remove(s.reader.as_str()).unwrap_or_default();
        let mut move_by = |q: &str, c: &str, d: i64| {
            *deltas
                .entry((q.to_owned(), c.to_owned(), slot))
                .or_default() += d;
        };
        move_by(
            "",
            "",
            i64::from(!s.is_empty()) - i64::from(!old_answered.is_empty()),
        );
        for q in old_answered {
            move_by(q, "", -1);
        }
        for q in &s.answered {
            move_by(q, "", 1);
        }
        for (q, c) in old_choices {
            move_by(q, c, -1);
        }
        for (q, c) in &s.choices {
            move_by(q, c, 1);
        }
    }
    let every = numbered(2, n);
    for table in ["answered", "choices", "texts"] {
        let sql = format!("DELETE FROM {table} WHERE story = $1 AND reader IN ({every})");
        let mut q = sqlx::query(&sql).bind(story);
        for s in saves {
            q = q.bind(&s.reader);
        }
        q.execute(&mut **tx).await?;
    }
    let cleared: Vec<&str> = saves
        .iter()
        .filter(|s| s.is_empty())
        .map(|s| s.reader.as_str())
        .collect();
    if !cleared.is_empty() {
        let sql = format!(
            "DELETE FROM readers WHERE story = $1 AND reader IN ({})",
            numbered(2, cleared.len())
        );
        let mut q = sqlx::query(&sql).bind(story);
        for reader in cleared {
            q = q.bind(reader);
        }
        q.execute(&mut **tx).await?;
    }
    // One statement a table (or a few, when the rows are many).
    let answered: Vec<(&str, &str)> = saves
        .iter()
        .flat_map(|s| s.answered.iter().map(|q| (s.reader.as_str(), q.as_str())))
        .collect();
    for chunk in answered.chunks(MAX_PARAMS / 3) {
        let sql = rows_insert("answered (story, reader, question)", 3, chunk.len());
        let mut q = sqlx::query(&sql);
        for (reader, question) in chunk {
            q = q.bind(story).bind(*reader).bind(*question);
        }
        q.execute(&mut **tx).await?;
    }
    let choices: Vec<(&str, &str, &str)> = saves
        .iter()
        .flat_map(|s| {
            s.choices
                .iter()
                .map(|(q, c)| (s.reader.as_str(), q.as_str(), c.as_str()))
        })
        .collect();
    for chunk in choices.chunks(MAX_PARAMS / 4) {
        let sql = rows_insert("choices (story, reader, question, choice)", 4, chunk.len());
        let mut q = sqlx::query(&sql);
        for (reader, question, choice) in chunk {
            q = q.bind(story).bind(*reader).bind(*question).bind(*choice);
        }
        q.execute(&mut **tx).await?;
    }
    let texts: Vec<(&str, &str, &str, &str)> = saves
        .iter()
        .flat_map(|s| {
            s.texts
                .iter()
                .map(|(q, f, b)| (s.reader.as_str(), q.as_str(), *f, b.as_str()))
        })
        .collect();
    for chunk in texts.chunks(MAX_PARAMS / 6) {
        let sql = rows_insert(
            "texts (story, reader, question, field, body, saved_at)",
            6,
            chunk.len(),
        );
        let mut q = sqlx::query(&sql);
        for (reader, question, field, body) in chunk {
            q = q
                .bind(story)
                .bind(*reader)
                .bind(*question)
                .bind(*field)
                .bind(*body)
                .bind(at);
        }
        q.execute(&mut **tx).await?;
    }
    Ok(())
}

/// `INSERT INTO <into> VALUES ($1, …), (…)`: `rows` rows of `columns`
/// parameters each, numbered on.
fn rows_insert(into: &str, columns: usize, rows: usize) -> String {
    let values: Vec<String> = (0..rows)
        .map(|r| format!("({})", numbered(r * columns + 1, columns)))
        .collect();
    format!("INSERT INTO {into} VALUES {}", values.join(", "))
}

/// The store's writer: takes every write waiting, commits them together,
/// then acknowledges each with its story's counts. A batch that fails is
/// written again one by one, so each reader learns their own outcome.
async fn writer(pool: AnyPool, sqlite: bool, mut queue: tokio::sync::mpsc::Receiver<Write>) {
    while let Some(first) = queue.recv().await {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match queue.try_recv() {
                Ok(w) => batch.push(w),
                Err(_) => break,
            }
        }
        match write_retrying(&pool, sqlite, &batch).await {
            Ok(counted) => {
                for w in batch {
                    let _ = w.done.send(Ok(counted[&w.story].clone()));
                }
            }
            Err(e) if batch.len() == 1 => {
                let _ = batch.pop().map(|w| w.done.send(Err(e)));
            }
            Err(_) => {
                for w in batch {
                    let one = write_retrying(&pool, sqlite, std::slice::from_ref(&w))
                        .await
                        .map(|counted| counted[&w.story].clone());
                    let _ = w.done.send(one);
                }
            }
        }
    }
}

/// Each story of a batch and its counts after the commit.
type Written = BTreeMap<String, Arc<Counted>>;

/// [`write_batch`], again after a short wait while SQLite is busy (another
/// process writing: its busy timeout covers most waits, a lock taken
/// between two of a transaction's statements does not).
async fn write_retrying(
    pool: &AnyPool,
    sqlite: bool,
    batch: &[Write],
) -> Result<Written, sqlx::Error> {
    let mut attempt = 0;
    loop {
        match write_batch(pool, batch).await {
            Err(e) if sqlite && attempt < 5 && is_busy(&e) => {
                attempt += 1;
                tokio::time::sleep(Duration::from_millis(20 * attempt)).await;
            }
            other => return other,
        }
    }
}

/// Writes `batch` in one transaction: each reader's answers replaced, in
/// the order of (story, reader), a reader's last save only; the counts
/// moved by the difference, all at the end in one order. Then reads each
/// story's counts on the same connection, the commit included.
async fn write_batch(pool: &AnyPool, batch: &[Write]) -> Result<Written, sqlx::Error> {
    let at = now();
    let mut order: Vec<&Write> = batch.iter().collect();
    // Stable: one reader's saves stay in the order they came.
    order.sort_by(|a, b| (&a.story, &a.submission.reader).cmp(&(&b.story, &b.submission.reader)));
    // A reader's later save in the batch replaces their earlier one: only
    // the last is written (each is acknowledged once the batch is durable).
    let key = |w: &Write| (w.story.clone(), w.submission.reader.clone());
    order.reverse();
    order.dedup_by(|a, b| key(a) == key(b));
    order.reverse();
    let mut stories: BTreeMap<&str, Vec<&Submission>> = BTreeMap::new();
    for w in order {
        stories.entry(&w.story).or_default().push(&w.submission);
    }
    let mut conn = pool.acquire().await?;
    let mut tx = sqlx::Connection::begin(&mut *conn).await?;
    let mut counts: BTreeMap<&str, Deltas> = BTreeMap::new();
    for (story, saves) in &stories {
        let deltas = counts.entry(story).or_default();
        replace_all(&mut tx, story, saves, at, deltas).await?;
    }
    for (story, deltas) in &counts {
        add(&mut tx, story, deltas).await?;
    }
    tx.commit().await?;
    let mut written = Written::new();
    for story in stories.keys() {
        let at = std::time::Instant::now();
        let kept = kept(&mut *conn, story).await?;
        written.insert((*story).to_owned(), Arc::new(Counted { at, kept }));
    }
    Ok(written)
}

fn is_busy(e: &sqlx::Error) -> bool {
    e.as_database_error()
        .is_some_and(|d| d.message().contains("locked") || d.message().contains("busy"))
}

/// A database URL without its password, for messages.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let userinfo = &url[scheme + 3..at];
            match userinfo.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::{redact, results_of, rows_insert, Store, MAX_BATCH, MAX_PARAMS};
    use crate::answers::Submission;

    fn store_dir() -> (tempfile::TempDir, String) {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("t.db").display());
        (dir, url)
    }

    /// Saves `saves` at once (each its own task, queued in this order),
    /// every one acknowledged.
    async fn save_all(store: &Store, saves: Vec<(&'static str, Submission)>) {
        let waiting: Vec<_> = saves
            .into_iter()
            .map(|(story, s)| {
                let store = store.clone();
                tokio::spawn(async move { store.replace(story, &s).await })
            })
            .collect();
        for w in waiting {
            w.await.unwrap().unwrap();
        }
    }

    fn reader(i: usize) -> String {
        format!(
            "{:08x}-0000-4000-8000-000000000000",
            i * 2_654_435_761 % 0xffff_ffff
        )
    }

    /// Many readers in each commit, on two stories: first answers, then
    /// changes, clears and the same again: the counts each commit answers
    /// with, and the kept ones, are a recount of what each reader last saved.
    #[tokio::test]
    async fn a_commit_of_many_readers_moves_the_counts_by_each_ones_difference() {
        let (_dir, url) = store_dir();
        let store = Store::open(&url).await.unwrap();
        let poll = crate::site::tests::test_poll();
        let seasons = ["spring", "summer", "autumn", "winter"];
        let save = |i: usize, round: usize| -> Submission {
            if (i + round).is_multiple_of(5) {
                // A clear (or nothing, for a reader never seen).
                return Submission {
                    reader: reader(i),
                    answered: Vec::new(),
                    choices: Vec::new(),
                    texts: Vec::new(),
                };
            }
            let mut s = Submission {
                reader: reader(i),
                answered: vec!["favourite-season".into()],
                choices: vec![("favourite-season".into(), seasons[(i + round) % 4].into())],
                texts: Vec::new(),
            };
            if (i + round).is_multiple_of(3) {
                s.answered.push("reading-places".into());
                s.choices.push(("reading-places".into(), "home".into()));
                s.choices.push(("reading-places".into(), "other".into()));
                s.texts
                    .push(("reading-places".into(), "other", format!("a bench {i}")));
            }
            s
        };
        let n = 150;
        for round in 0..3 {
            let saves = (0..n)
                .flat_map(|i| {
                    [
                        ("story", save(i, round)),
                        ("other-story", save(i, round + 1)),
                    ]
                })
                .collect();
            save_all(&store, saves).await;
            assert_eq!(
                store.verify().await.unwrap(),
                Vec::<String>::new(),
                "round {round}"
            );
            // What the last round's savers had, counted here.
            let last: Vec<Submission> = (0..n).map(|i| save(i, round)).collect();
            let r = store.results("story", &poll).await.unwrap();
            assert_eq!(
                r.readers,
                last.iter().filter(|s| !s.is_empty()).count() as i64
            );
            for season in seasons {
                let want = last
                    .iter()
                    .filter(|s| s.choices.iter().any(|(_, c)| c == season))
                    .count();
                assert_eq!(
                    r.questions["favourite-season"]["choices"][season], want,
                    "{season}"
                );
            }
            let home = last.iter().filter(|s| s.answered.len() == 2).count();
            assert_eq!(r.questions["reading-places"]["answered"], home);
            assert_eq!(r.questions["reading-places"]["choices"]["home"], home);
            assert_eq!(store.texts("story").await.unwrap().len(), home);
        }
        // What a save is answered with: its story's counts after its commit.
        let s = save(1, 3);
        let counted = store.replace("story", &s).await.unwrap();
        assert_eq!(
            results_of(&counted.kept, &poll),
            store.results("story", &poll).await.unwrap()
        );
        store.close().await;
    }

    /// More rows in one commit than one statement takes parameters: they go
    /// in several statements, all in the one transaction.
    #[tokio::test]
    async fn rows_beyond_one_statements_parameters_are_all_written() {
        let (_dir, url) = store_dir();
        let store = Store::open(&url).await.unwrap();
        let questions = 40;
        assert!(
            MAX_BATCH * questions * 4 > MAX_PARAMS,
            "the test writes more than one statement"
        );
        let saves = (0..MAX_BATCH)
            .map(|i| {
                let qs: Vec<String> = (0..questions).map(|q| format!("q{q}")).collect();
                (
                    "story",
                    Submission {
                        reader: reader(i),
                        choices: qs.iter().map(|q| (q.clone(), "yes".to_owned())).collect(),
                        answered: qs,
                        texts: Vec::new(),
                    },
                )
            })
            .collect();
        save_all(&store, saves).await;
        assert_eq!(store.verify().await.unwrap(), Vec::<String>::new());
        let answered: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM answered")
            .fetch_one(&store.pool)
            .await
            .unwrap();
        assert_eq!(answered, (MAX_BATCH * questions) as i64);
        store.close().await;
    }

    /// Saves queued one after another (a test runtime runs tasks in the
    /// order they were spawned), more than one commit's worth, two readers
    /// interleaved: each reader's last save is what counts.
    #[tokio::test]
    async fn a_readers_later_save_wins_whatever_the_batches() {
        let (_dir, url) = store_dir();
        let store = Store::open(&url).await.unwrap();
        let poll = crate::site::tests::test_poll();
        let seasons = ["spring", "summer", "autumn", "winter"];
        let (a, b) = (
            "a0000000-0000-4000-8000-000000000000",
            "b0000000-0000-4000-8000-000000000000",
        );
        let n = MAX_BATCH + 45;
        let mut waiting = Vec::new();
        for i in 0..n {
            let store = store.clone();
            let s = Submission {
                reader: (if i % 3 == 0 { a } else { b }).to_owned(),
                answered: vec!["favourite-season".into()],
                choices: vec![("favourite-season".into(), seasons[i % 4].into())],
                texts: Vec::new(),
            };
            waiting.push(tokio::spawn(
                async move { store.replace("story", &s).await },
            ));
        }
        for w in waiting {
            w.await.unwrap().unwrap();
        }
        let last = |who: usize| (0..n).rev().find(|i| (i % 3 == 0) == (who == 0)).unwrap();
        let r = store.results("story", &poll).await.unwrap();
        assert_eq!(r.readers, 2);
        let choices = &r.questions["favourite-season"]["choices"];
        for (k, season) in seasons.iter().enumerate() {
            let want = [last(0), last(1)].iter().filter(|i| *i % 4 == k).count();
            assert_eq!(choices[*season], want, "{season}");
        }
        assert_eq!(store.verify().await.unwrap(), Vec::<String>::new());
        store.close().await;
    }

    /// The purge finds old readers by the index on `saved_at`, not by
    /// reading every reader's row (which paused every answer of a story of
    /// a million readers at each purge).
    #[tokio::test]
    async fn the_purge_reads_only_the_old_readers() {
        let (_dir, url) = store_dir();
        let store = Store::open(&url).await.unwrap();
        let plan: Vec<String> = sqlx::query(&format!(
            "EXPLAIN QUERY PLAN {}",
            super::LOCK_OLD_READERS.replace("$1", "1")
        ))
        .try_map(|r: sqlx::any::AnyRow| sqlx::Row::try_get::<String, _>(&r, 3))
        .fetch_all(&store.pool)
        .await
        .unwrap();
        assert!(
            plan.iter()
                .any(|step| step.contains("USING INDEX readers_saved_at")),
            "{plan:?}"
        );
        store.close().await;
    }

    #[test]
    fn one_insert_takes_every_row_numbered_on() {
        assert_eq!(
            rows_insert("t (a, b)", 2, 3),
            "INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4), ($5, $6)"
        );
    }

    #[test]
    fn passwords_stay_out_of_messages() {
        assert_eq!(
            redact("postgres://news:s3cret@db.example:5432/results"),
            "postgres://news:***@db.example:5432/results"
        );
        assert_eq!(
            redact("postgres://news@db/results"),
            "postgres://news@db/results"
        );
        assert_eq!(redact("sqlite://results.db"), "sqlite://results.db");
    }
}
