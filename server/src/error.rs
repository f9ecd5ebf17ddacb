//! What the service says when it refuses a request: a status and a JSON
//! body, `{"error": {"code": "...", "message": "...", "question": "..."}}`,
//! the code stable for programs, the message for people.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;

/// A refused request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// The HTTP status.
    pub status: StatusCode,
    /// A stable, kebab-case code (`unknown-choice`, `too-large`...).
    pub code: &'static str,
    /// What is wrong, in a sentence.
    pub message: String,
    /// The question it is about, if one.
    pub question: Option<String>,
}

impl Refusal {
    /// A refusal with `status`.
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Refusal {
        Refusal {
            status,
            code,
            message: message.into(),
            question: None,
        }
    }

    /// 400: the body cannot be read at all.
    pub fn bad_request(code: &'static str, message: impl Into<String>) -> Refusal {
        Refusal::new(StatusCode::BAD_REQUEST, code, message)
    }

    /// 422: the body is JSON, but not answers this poll takes.
    pub fn unprocessable(code: &'static str, message: impl Into<String>) -> Refusal {
        Refusal::new(StatusCode::UNPROCESSABLE_ENTITY, code, message)
    }

    /// 422 about one question.
    pub fn unprocessable_at(
        code: &'static str,
        message: impl Into<String>,
        question: &str,
    ) -> Refusal {
        Refusal {
            question: Some(question.to_owned()),
            ..Refusal::unprocessable(code, message)
        }
    }

    /// 404: no such story.
    pub fn unknown_story(story: &str) -> Refusal {
        Refusal::new(
            StatusCode::NOT_FOUND,
            "unknown-story",
            format!("This service has no story `{story}`."),
        )
    }

    /// 503: the database did not answer; nothing was stored.
    pub fn unavailable(e: &sqlx::Error) -> Refusal {
        eprintln!("explainer-results: database error: {e}");
        Refusal::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "unavailable",
            "The results database did not answer; nothing was stored. Try again shortly.",
        )
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        let mut error = serde_json::json!({ "code": self.code, "message": self.message });
        if let Some(q) = self.question {
            error["question"] = q.into();
        }
        let mut response =
            (self.status, Json(serde_json::json!({ "error": error }))).into_response();
        if self.status == StatusCode::SERVICE_UNAVAILABLE {
            response
                .headers_mut()
                .insert("retry-after", axum::http::HeaderValue::from_static("5"));
        }
        response
    }
}
