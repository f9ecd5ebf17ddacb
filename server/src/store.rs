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
//! acknowledged before it is durable. Readers' rows are written in one
//! order (story, reader; a reader's later save after their earlier one), so
//! two instances' batches never wait for each other crosswise.

use std::collections::BTreeMap;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use explainer::story::outline::PollOutline;
use serde::Serialize;
use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::{AnyPool, Row};

use crate::answers::Submission;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// How many rows each count is spread over.
pub const SLOTS: i64 = 8;

/// Changes to a story's counts: `(question, choice)` to a difference;
/// `("", "")` is the readers, `(question, "")` those who answered it.
type Deltas = BTreeMap<(String, String), i64>;

type Tx = sqlx::Transaction<'static, sqlx::Any>;

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

/// Adds `deltas` to `story`'s counts in `slot`, in one order for every
/// writer (so two transactions never wait for each other crosswise).
async fn add(tx: &mut Tx, story: &str, slot: i64, deltas: &Deltas) -> Result<(), sqlx::Error> {
    for ((question, choice), d) in deltas.iter().filter(|(_, d)| **d != 0) {
        sqlx::query(
            "INSERT INTO tallies (story, question, choice, slot, count) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (story, question, choice, slot) DO UPDATE SET count = tallies.count + excluded.count",
        )
        .bind(story)
        .bind(question)
        .bind(choice)
        .bind(slot)
        .bind(*d)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
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
    done: tokio::sync::oneshot::Sender<Result<(), sqlx::Error>>,
}

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
    /// Returns once the transaction holding it is committed (durable).
    pub async fn replace(&self, story: &str, s: &Submission) -> Result<(), sqlx::Error> {
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
        let kept: Vec<(String, String, i64)> = sqlx::query(
            "SELECT question, choice, CAST(SUM(count) AS BIGINT) FROM tallies WHERE story = $1 \
             GROUP BY question, choice",
        )
        .bind(story)
        .try_map(|r: AnyRow| Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?)))
        .fetch_all(&self.pool)
        .await?;
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
        Ok(Results {
            readers: count("", ""),
            questions,
        })
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

    /// Deletes the answers of readers who last saved more than `keep` ago,
    /// and takes them out of the counts; returns how many readers' answers
    /// went.
    pub async fn purge(&self, keep: Duration) -> Result<u64, sqlx::Error> {
        let cutoff = now() - keep.as_secs() as i64;
        let mut tx = self.pool.begin().await?;
        // Locks the old readers' rows first (and, on SQLite, the database):
        // a reader saving meanwhile waits, then starts afresh.
        sqlx::query("UPDATE readers SET saved_at = saved_at WHERE saved_at < $1")
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
                deltas.entry(story).or_default().insert((q, c), -n);
            }
        }
        for (story, d) in &deltas {
            add(&mut tx, story, 0, d).await?;
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

/// Replaces `story`'s answers from `s.reader` with `s` in `tx`, and adds
/// the difference to `deltas`.
async fn replace_in(
    tx: &mut Tx,
    story: &str,
    s: &Submission,
    at: i64,
    deltas: &mut Deltas,
) -> Result<(), sqlx::Error> {
    // Written first: on PostgreSQL this locks the reader's row, so two
    // instances given the same reader at once take turns; on SQLite it
    // takes the write lock at the start.
    sqlx::query(
        "INSERT INTO readers (story, reader, saved_at) VALUES ($1, $2, $3) \
         ON CONFLICT (story, reader) DO UPDATE SET saved_at = excluded.saved_at",
    )
    .bind(story)
    .bind(&s.reader)
    .bind(at)
    .execute(&mut **tx)
    .await?;
    // What the reader had (one query: the questions answered, with no
    // choice, then the choices): the difference is what the counts move by.
    let old: Vec<(String, Option<String>)> = sqlx::query(
        "SELECT question, NULL FROM answered WHERE story = $1 AND reader = $2 \
         UNION ALL SELECT question, choice FROM choices WHERE story = $3 AND reader = $4",
    )
    .bind(story)
    .bind(&s.reader)
    .bind(story)
    .bind(&s.reader)
    .try_map(|r: AnyRow| Ok((r.try_get(0)?, r.try_get(1)?)))
    .fetch_all(&mut **tx)
    .await?;
    let old_answered: Vec<String> = old
        .iter()
        .filter(|(_, c)| c.is_none())
        .map(|(q, _)| q.clone())
        .collect();
    let old_choices: Vec<(String, String)> =
        old.into_iter().filter_map(|(q, c)| Some((q, c?))).collect();
    let readers = i64::from(!s.is_empty()) - i64::from(!old_answered.is_empty());
    *deltas.entry((String::new(), String::new())).or_default() += readers;
    for (q, d) in old_answered
        .iter()
        .map(|q| (q, -1))
        .chain(s.answered.iter().map(|q| (q, 1)))
    {
        *deltas.entry((q.clone(), String::new())).or_default() += d;
    }
    for ((q, c), d) in old_choices
        .iter()
        .map(|x| (x, -1))
        .chain(s.choices.iter().map(|x| (x, 1)))
    {
        *deltas.entry((q.clone(), c.clone())).or_default() += d;
    }
    for table in ["answered", "choices", "texts"] {
        sqlx::query(&format!(
            "DELETE FROM {table} WHERE story = $1 AND reader = $2"
        ))
        .bind(story)
        .bind(&s.reader)
        .execute(&mut **tx)
        .await?;
    }
    if s.is_empty() {
        sqlx::query("DELETE FROM readers WHERE story = $1 AND reader = $2")
            .bind(story)
            .bind(&s.reader)
            .execute(&mut **tx)
            .await?;
    }
    // One statement a table, every row of the reader's in it.
    if !s.answered.is_empty() {
        let sql = rows_insert("answered (story, reader, question)", 3, s.answered.len());
        let mut q = sqlx::query(&sql);
        for question in &s.answered {
            q = q.bind(story).bind(&s.reader).bind(question);
        }
        q.execute(&mut **tx).await?;
    }
    if !s.choices.is_empty() {
        let sql = rows_insert(
            "choices (story, reader, question, choice)",
            4,
            s.choices.len(),
        );
        let mut q = sqlx::query(&sql);
        for (question, choice) in &s.choices {
            q = q.bind(story).bind(&s.reader).bind(question).bind(choice);
        }
        q.execute(&mut **tx).await?;
    }
    if !s.texts.is_empty() {
        let sql = rows_insert(
            "texts (story, reader, question, field, body, saved_at)",
            6,
            s.texts.len(),
        );
        let mut q = sqlx::query(&sql);
        for (question, field, body) in &s.texts {
            q = q
                .bind(story)
                .bind(&s.reader)
                .bind(question)
                .bind(*field)
                .bind(body)
                .bind(at);
        }
        q.execute(&mut **tx).await?;
    }
    Ok(())
}

/// `INSERT INTO <into> VALUES ($1, …), (…)`: `rows` rows of `columns`
/// parameters each, numbered on.
fn rows_insert(into: &str, columns: usize, rows: usize) -> String {
    let mut sql = format!("INSERT INTO {into} VALUES ");
    for r in 0..rows {
        if r > 0 {
            sql.push_str(", ");
        }
        sql.push('(');
        for c in 0..columns {
            if c > 0 {
                sql.push_str(", ");
            }
            sql.push_str(&format!("${}", r * columns + c + 1));
        }
        sql.push(')');
    }
    sql
}

/// The store's writer: takes every write waiting, commits them together,
/// then acknowledges each. A batch that fails is written again one by one,
/// so each reader learns their own outcome.
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
            Ok(()) => {
                for w in batch {
                    let _ = w.done.send(Ok(()));
                }
            }
            Err(e) if batch.len() == 1 => {
                let _ = batch.pop().map(|w| w.done.send(Err(e)));
            }
            Err(_) => {
                for w in batch {
                    let one = write_retrying(&pool, sqlite, std::slice::from_ref(&w)).await;
                    let _ = w.done.send(one);
                }
            }
        }
    }
}

/// [`write_batch`], again after a short wait while SQLite is busy (another
/// process writing: its busy timeout covers most waits, a lock taken
/// between two of a transaction's statements does not).
async fn write_retrying(pool: &AnyPool, sqlite: bool, batch: &[Write]) -> Result<(), sqlx::Error> {
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
/// the order of (story, reader) and, for one reader, of arrival; the counts
/// moved by the difference, all at the end in one order.
async fn write_batch(pool: &AnyPool, batch: &[Write]) -> Result<(), sqlx::Error> {
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
    let mut tx = pool.begin().await?;
    let mut counts: BTreeMap<(String, i64), Deltas> = BTreeMap::new();
    for w in order {
        let deltas = counts
            .entry((w.story.clone(), slot(&w.submission.reader)))
            .or_default();
        replace_in(&mut tx, &w.story, &w.submission, at, deltas).await?;
    }
    for ((story, slot), deltas) in &counts {
        add(&mut tx, story, *slot, deltas).await?;
    }
    tx.commit().await
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
    use super::{redact, rows_insert, Store, MAX_BATCH};
    use crate::answers::Submission;

    /// Saves queued one after another (a test runtime runs tasks in the
    /// order they were spawned), more than one commit's worth, two readers
    /// interleaved: each reader's last save is what counts.
    #[tokio::test]
    async fn a_readers_later_save_wins_whatever_the_batches() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("t.db").display());
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
