//! The answers database: SQLite (one file, WAL) by default, PostgreSQL
//! for newsrooms that run several instances; one code path for both
//! (sqlx's `Any` driver, SQL that both run as it is), migrated on start.
//!
//! A reader's set of answers is replaced as a whole in one transaction,
//! so a retry never counts twice and a change or a clear moves the tally.
//! The tallies are counted from the rows on every read: several instances
//! on one database always agree.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use explainer::story::outline::PollOutline;
use serde::Serialize;
use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::{AnyPool, Row};

use crate::answers::Submission;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// The database.
#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
    sqlite: bool,
}

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
        let store = Store { pool, sqlite };
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
    /// Returns once the transaction is committed (durable).
    pub async fn replace(&self, story: &str, s: &Submission) -> Result<(), sqlx::Error> {
        let mut attempt = 0;
        loop {
            match self.replace_once(story, s).await {
                // SQLite's busy timeout covers most waits; a lock taken
                // between two of a transaction's statements is retried.
                Err(e) if self.sqlite && attempt < 5 && is_busy(&e) => {
                    attempt += 1;
                    tokio::time::sleep(Duration::from_millis(20 * attempt)).await;
                }
                other => return other,
            }
        }
    }

    async fn replace_once(&self, story: &str, s: &Submission) -> Result<(), sqlx::Error> {
        let at = now();
        let mut tx = self.pool.begin().await?;
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
        .execute(&mut *tx)
        .await?;
        for table in ["answered", "choices", "texts"] {
            sqlx::query(&format!(
                "DELETE FROM {table} WHERE story = $1 AND reader = $2"
            ))
            .bind(story)
            .bind(&s.reader)
            .execute(&mut *tx)
            .await?;
        }
        if s.is_empty() {
            sqlx::query("DELETE FROM readers WHERE story = $1 AND reader = $2")
                .bind(story)
                .bind(&s.reader)
                .execute(&mut *tx)
                .await?;
        }
        for q in &s.answered {
            sqlx::query("INSERT INTO answered (story, reader, question) VALUES ($1, $2, $3)")
                .bind(story)
                .bind(&s.reader)
                .bind(q)
                .execute(&mut *tx)
                .await?;
        }
        for (q, c) in &s.choices {
            sqlx::query(
                "INSERT INTO choices (story, reader, question, choice) VALUES ($1, $2, $3, $4)",
            )
            .bind(story)
            .bind(&s.reader)
            .bind(q)
            .bind(c)
            .execute(&mut *tx)
            .await?;
        }
        for (q, field, body) in &s.texts {
            sqlx::query(
                "INSERT INTO texts (story, reader, question, field, body, saved_at) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(story)
            .bind(&s.reader)
            .bind(q)
            .bind(*field)
            .bind(body)
            .bind(at)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await
    }

    /// `story`'s tallies: every question and choice of `poll`, zeros included.
    pub async fn results(&self, story: &str, poll: &PollOutline) -> Result<Results, sqlx::Error> {
        let readers: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM readers WHERE story = $1")
            .bind(story)
            .fetch_one(&self.pool)
            .await?;
        let answered: Vec<(String, i64)> = sqlx::query(
            "SELECT question, COUNT(*) FROM answered WHERE story = $1 GROUP BY question",
        )
        .bind(story)
        .try_map(|r: AnyRow| Ok((r.try_get(0)?, r.try_get(1)?)))
        .fetch_all(&self.pool)
        .await?;
        let chosen: Vec<(String, String, i64)> = sqlx::query(
            "SELECT question, choice, COUNT(*) FROM choices WHERE story = $1 \
             GROUP BY question, choice",
        )
        .bind(story)
        .try_map(|r: AnyRow| Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?)))
        .fetch_all(&self.pool)
        .await?;
        let mut questions = serde_json::Map::new();
        for q in &poll.questions {
            let n =
                |rows: &[(String, i64)]| rows.iter().find(|(s, _)| *s == q.slug).map_or(0, |r| r.1);
            let mut choices = serde_json::Map::new();
            for c in &q.choices {
                let count = chosen
                    .iter()
                    .find(|(s, id, _)| *s == q.slug && *id == c.id)
                    .map_or(0, |r| r.2);
                choices.insert(c.id.clone(), count.into());
            }
            questions.insert(
                q.slug.clone(),
                serde_json::json!({ "answered": n(&answered), "choices": choices }),
            );
        }
        Ok(Results { readers, questions })
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

    /// Deletes the answers of readers who last saved more than `keep` ago;
    /// returns how many readers' answers went.
    pub async fn purge(&self, keep: Duration) -> Result<u64, sqlx::Error> {
        let cutoff = now() - keep.as_secs() as i64;
        let mut tx = self.pool.begin().await?;
        let old = "(story, reader) IN (SELECT story, reader FROM readers WHERE saved_at < $1)";
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
    use super::redact;

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
