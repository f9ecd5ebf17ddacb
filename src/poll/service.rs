//! The poll's results service, from the browser (a story that names one):
//! requests with gloo-net, no cookies, and the reader's random id. The
//! rules (addresses, bodies, the tally, the pending flag) are
//! [`super::results`]', tested natively; the poll island decides when to
//! send and shows what comes back.

use gloo_net::http::Request;
use web_sys::RequestCredentials;

use super::results::READER_KEY;
use crate::json::{self, Json};
use crate::storage::{Backend, Local};

/// What a request to the service came to.
pub enum Reply {
    /// The service answered with this JSON.
    Said(Json),
    /// The service refused it (a 4xx): sending it again would not help.
    Refused,
    /// No answer (offline, the service down, a 5xx): try again later.
    Failed,
}

/// Sends a request: a POST of `body` as JSON, or a GET; no cookies.
pub async fn request(url: &str, body: Option<String>) -> Reply {
    let request = match body {
        Some(body) => Request::post(url)
            .credentials(RequestCredentials::Omit)
            .header("content-type", "application/json")
            .body(body),
        None => Request::get(url)
            .credentials(RequestCredentials::Omit)
            .build(),
    };
    let Ok(response) = (match request {
        Ok(r) => r.send().await,
        Err(e) => Err(e),
    }) else {
        return Reply::Failed;
    };
    if !response.ok() {
        let status = response.status();
        let refused = (400..500).contains(&status) && status != 408 && status != 429;
        return if refused {
            Reply::Refused
        } else {
            Reply::Failed
        };
    }
    match response.text().await {
        Ok(text) => json::parse(&text).map_or(Reply::Failed, Reply::Said),
        Err(_) => Reply::Failed,
    }
}

/// The reader's random id, made (by the browser's `crypto.randomUUID`) and
/// kept the first time; `None` when it cannot be kept.
pub fn reader_id(local: &Local) -> Option<String> {
    if let Ok(Some(id)) = local.get(READER_KEY) {
        if id.len() == 36 {
            return Some(id);
        }
    }
    let id = web_sys::window()?.crypto().ok()?.random_uuid();
    local.set(READER_KEY, &id).ok()?;
    Some(id)
}
