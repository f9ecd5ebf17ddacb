//! The HTTP API.
//!
//! - `POST /v1/polls/<story>/answers`: a reader's whole set of answers,
//!   `{"reader": "<UUID v4>", "answers": {...}}`; replaces what that reader
//!   sent before (an empty `answers` clears). 200 with the story's results.
//! - `GET /v1/polls/<story>/results`: `{"readers": N, "questions":
//!   {"<slug>": {"answered": N, "choices": {"<id>": N}}}}`, cacheable for
//!   a few seconds. Free text is never in it.
//! - `GET /v1/polls/<story>/export.csv`: the free-text answers, with
//!   `Authorization: Bearer <export token>`.
//! - `GET /v1/health`: 200 when the database answers.
//!
//! Refusals are JSON ([`Refusal`]). No cookies are set or read, and no
//! address is stored.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use axum::body::{to_bytes, Body};
use axum::extract::{Path, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use subtle::ConstantTimeEq;
use tower_http::cors::{AllowOrigin, CorsLayer};

use explainer::story::outline::PollOutline;

use crate::answers;
use crate::error::Refusal;
use crate::site::Site;
use crate::store::{results_of, Results, Store};

/// The largest body taken: a poll's answers with every text box full fit
/// well inside it.
pub const MAX_BODY: usize = 16 * 1024;

/// How long a browser or a cache may keep results.
pub const RESULTS_MAX_AGE: Duration = Duration::from_secs(5);

/// How long the service answers a story's results from memory (well
/// within their max-age): a popular story's readers asking many times a
/// second cost one read of the database a second.
pub const RESULTS_IN_MEMORY: Duration = Duration::from_secs(1);

/// What the handlers share.
pub struct Service {
    /// The stories and their polls, as last read (`reload`).
    site: RwLock<Arc<Site>>,
    /// The database.
    pub store: Store,
    /// The bearer token for the export; none: the export is off.
    pub export_token: Option<String>,
    /// Each story's results as last read or written, and when.
    recent: Mutex<HashMap<String, (Instant, Arc<Results>)>>,
}

impl Service {
    /// The service for `site`.
    pub fn new(site: Site, store: Store, export_token: Option<String>) -> Service {
        Service {
            site: RwLock::new(Arc::new(site)),
            store,
            export_token,
            recent: Mutex::new(HashMap::new()),
        }
    }

    /// The site as it is now; a request keeps the one it started with.
    pub fn site(&self) -> Arc<Site> {
        self.site.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Takes `site` in place of the stories it had (a reload). A story no
    /// longer there answers 404; its stored answers stay, and count again
    /// when it comes back.
    pub fn replace_site(&self, site: Site) {
        *self.site.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(site);
    }

    /// `story`'s results from memory when they are at most
    /// [`RESULTS_IN_MEMORY`] old, else from the database.
    async fn results(&self, story: &str, poll: &PollOutline) -> Result<Arc<Results>, Refusal> {
        let recent = self
            .recent
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(story)
            .cloned();
        if let Some((at, results)) = recent {
            if at.elapsed() <= RESULTS_IN_MEMORY {
                return Ok(results);
            }
        }
        self.fresh_results(story, poll).await
    }

    /// `story`'s results from the database, kept in memory for the next.
    async fn fresh_results(
        &self,
        story: &str,
        poll: &PollOutline,
    ) -> Result<Arc<Results>, Refusal> {
        let started = Instant::now();
        let results = self
            .store
            .results(story, poll)
            .await
            .map_err(|e| Refusal::unavailable(&e))?;
        Ok(self.remember(story, started, results))
    }

    /// Keeps `results`, read from `started` on, in memory for the next
    /// look, unless a read that started later is kept already (so a look
    /// after a save, here, always counts that save).
    fn remember(&self, story: &str, started: Instant, results: Results) -> Arc<Results> {
        let results = Arc::new(results);
        let mut recent = self.recent.lock().unwrap_or_else(|e| e.into_inner());
        if recent.get(story).is_none_or(|(at, _)| *at < started) {
            recent.insert(story.to_owned(), (started, results.clone()));
        }
        results
    }

    /// The poll of `story`, or the refusal for an unknown story.
    fn poll(&self, story: &str) -> Result<Arc<PollOutline>, Refusal> {
        self.site()
            .poll(story)
            .ok_or_else(|| Refusal::unknown_story(story))
    }
}

/// The API's routes, with CORS for `origins` (pages allowed to call it).
pub fn router(service: Arc<Service>, origins: &[HeaderValue]) -> Router {
    let cors = CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins.iter().cloned()))
        .allow_methods([Method::GET, Method::POST])
        .allow_headers([header::CONTENT_TYPE])
        .max_age(Duration::from_secs(3600));
    let polls = Router::new()
        .route("/v1/polls/{story}/answers", post(submit))
        .route("/v1/polls/{story}/results", get(results))
        .layer(cors);
    Router::new()
        .merge(polls)
        .route("/v1/polls/{story}/export.csv", get(export))
        .route("/v1/health", get(health))
        .fallback(|| async {
            Refusal::new(
                StatusCode::NOT_FOUND,
                "not-found",
                "No such address. The API is under /v1/polls/<story>/.",
            )
        })
        .with_state(service)
}

async fn submit(
    State(service): State<Arc<Service>>,
    Path(story): Path<String>,
    request: Request,
) -> Result<Response, Refusal> {
    let poll = service.poll(&story)?;
    let is_json = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("application/json"));
    if !is_json {
        return Err(Refusal::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "not-json",
            "Send the answers as application/json.",
        ));
    }
    let body = read_body(request.into_body()).await?;
    let submission = answers::read(&body, &poll)?;
    let counted = service
        .store
        .replace(&story, &submission)
        .await
        .map_err(|e| Refusal::unavailable(&e))?;
    // The reader sees their answer counted (the counts read once for the
    // whole commit it was in); the next readers' looks too.
    let results = service.remember(&story, counted.at, results_of(&counted.kept, &poll));
    Ok(no_store(Json(&*results).into_response()))
}

async fn read_body(body: Body) -> Result<axum::body::Bytes, Refusal> {
    to_bytes(body, MAX_BODY).await.map_err(|_| {
        Refusal::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too-large",
            format!(
                "The body is over {} KiB; nothing was stored.",
                MAX_BODY / 1024
            ),
        )
    })
}

async fn results(
    State(service): State<Arc<Service>>,
    Path(story): Path<String>,
) -> Result<Response, Refusal> {
    let poll = service.poll(&story)?;
    let results = service.results(&story, &poll).await?;
    let mut response = Json(&*results).into_response();
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_str(&format!("public, max-age={}", RESULTS_MAX_AGE.as_secs()))
            .expect("a header value"),
    );
    Ok(response)
}

async fn export(
    State(service): State<Arc<Service>>,
    Path(story): Path<String>,
    headers: HeaderMap,
) -> Result<Response, Refusal> {
    let Some(token) = &service.export_token else {
        return Err(Refusal::new(
            StatusCode::FORBIDDEN,
            "export-off",
            "The export is off: start the service with an export token.",
        ));
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    if !bool::from(given.as_bytes().ct_eq(token.as_bytes())) {
        let mut r = Refusal::new(
            StatusCode::UNAUTHORIZED,
            "token",
            "The export needs the service's bearer token.",
        )
        .into_response();
        r.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static("Bearer realm=\"explainer-results\""),
        );
        return Ok(r);
    }
    service.poll(&story)?;
    let texts = service
        .store
        .texts(&story)
        .await
        .map_err(|e| Refusal::unavailable(&e))?;
    let mut w = csv::Writer::from_writer(Vec::new());
    let write = |w: &mut csv::Writer<Vec<u8>>, row: [&str; 4]| {
        w.write_record(row).expect("CSV into memory")
    };
    write(&mut w, ["question", "field", "text", "saved"]);
    for t in &texts {
        write(
            &mut w,
            [
                &t.question,
                &t.field,
                &guard_formula(&t.body),
                &day(t.saved_at),
            ],
        );
    }
    let bytes = w.into_inner().expect("CSV into memory");
    Ok(no_store(
        (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{story}-answers.csv\""),
                ),
            ],
            bytes,
        )
            .into_response(),
    ))
}

/// A text a spreadsheet would run as a formula gets a leading `'`.
fn guard_formula(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// The day of a time, `YYYY-MM-DD` (UTC): the export says no more.
fn day(secs: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(secs)
        .map(|t| t.date().to_string())
        .unwrap_or_default()
}

async fn health(State(service): State<Arc<Service>>) -> Result<Response, Refusal> {
    let mode = service
        .store
        .journal_mode()
        .await
        .map_err(|e| Refusal::unavailable(&e))?;
    let db = if service.store.is_sqlite() {
        "sqlite"
    } else {
        "postgres"
    };
    Ok(no_store(
        Json(serde_json::json!({
            "ok": true,
            "database": db,
            "journal": mode.to_ascii_lowercase(),
            "stories": service.site().stories().collect::<Vec<_>>(),
        }))
        .into_response(),
    ))
}

fn no_store(mut r: Response) -> Response {
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_civil_dates() {
        assert_eq!(day(0), "1970-01-01");
        assert_eq!(day(951_782_400), "2000-02-29");
        assert_eq!(day(1_796_083_200), "2026-12-01");
    }

    #[test]
    fn formulas_are_defused() {
        assert_eq!(guard_formula("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(guard_formula("More trains"), "More trains");
    }
}
