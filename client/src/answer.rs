//! What a service in front of Cleeng answers its own client for each outcome of a
//! registration: the project's gateway uses it, and so can any service (it needs no web
//! framework: a status, a media type and bytes).

use std::fmt;

use http::StatusCode;
use serde_json::{json, Map};

use cleeng_register_response::RegisterResponse;

use crate::RegisterError;

/// The HTTP answer for a registration's outcome:
///
/// | outcome | status | body |
/// |---|---|---|
/// | registered | 200 | Cleeng's envelope `{"responseData":{"customerId","customerToken","refreshToken","jwt"},"errors":[]}`, re-serialized from the parsed answer (`application/json`) |
/// | [`Refused`](RegisterError::Refused) with 400, 422 or 429 (`REQ0001`, `USER0002`, `CPT0001`, `CPT0002`) | Cleeng's | problem: `status`, `cleengCode`, `detail` (Cleeng's message, else the code's meaning) |
/// | `Refused` with another status (Cleeng's 5xx, an undocumented 4xx) | 502 | problem: `status`, `upstreamStatus`, `cleengCode` |
/// | [`Unusable`](RegisterError::Unusable), [`TooLarge`](RegisterError::TooLarge) | 502 | problem: `status`, `upstreamStatus` |
/// | [`Timeout`](RegisterError::Timeout) | 504 | problem: `status`, `mayHaveReachedCleeng` |
/// | [`Transport`](RegisterError::Transport) | 502 | problem: `status`, `mayHaveReachedCleeng` |
///
/// Problems are RFC 9457 documents (`application/problem+json`) with `type` `about:blank`,
/// the status's `title` and a `detail`. None holds the body of Cleeng's answer, the
/// request, or a token; `mayHaveReachedCleeng: true` tells a client that a new try may be
/// refused with `USER0002` because the first one registered the customer.
///
/// ```
/// use cleeng_register_client::{Answer, RegisterError, Delivery};
/// use std::time::Duration;
/// let timeout = RegisterError::Timeout { delivery: Delivery::Unknown, after: Duration::from_secs(10) };
/// let answer = Answer::for_error(&timeout);
/// assert_eq!(answer.status(), 504);
/// assert_eq!(answer.content_type(), "application/problem+json");
/// let body: serde_json::Value = serde_json::from_slice(answer.body()).unwrap();
/// assert_eq!(body["mayHaveReachedCleeng"], true);
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Answer {
    status: u16,
    content_type: &'static str,
    body: Vec<u8>,
}

/// The media type of a success.
const JSON: &str = "application/json";
/// The media type of a problem document.
const PROBLEM: &str = "application/problem+json";

impl Answer {
    /// The answer for the result of [`Client::register`](crate::Client::register).
    pub fn for_result(result: &Result<RegisterResponse, RegisterError>) -> Answer {
        match result {
            Ok(response) => Answer::for_response(response),
            Err(error) => Answer::for_error(error),
        }
    }

    /// 200 with Cleeng's envelope. The body holds the customer's tokens and JWT.
    pub fn for_response(response: &RegisterResponse) -> Answer {
        Answer {
            status: 200,
            content_type: JSON,
            body: serde_json::to_vec(response).expect("a RegisterResponse serializes"),
        }
    }

    /// The problem document for an error (see the table above).
    pub fn for_error(error: &RegisterError) -> Answer {
        let mut members = Map::new();
        let status = match error {
            RegisterError::Refused { status, error } => {
                members.insert("cleengCode".into(), error.code().as_str().into());
                if matches!(status, 400 | 422 | 429) {
                    let detail = error.message().or(error.code().meaning());
                    if let Some(detail) = detail {
                        members.insert("detail".into(), detail.into());
                    }
                    *status
                } else {
                    members.insert("upstreamStatus".into(), (*status).into());
                    members.insert("detail".into(), "Cleeng answered with an error".into());
                    502
                }
            }
            RegisterError::Unusable { status, .. } | RegisterError::TooLarge { status, .. } => {
                members.insert("upstreamStatus".into(), (*status).into());
                members.insert(
                    "detail".into(),
                    "Cleeng's answer could not be understood".into(),
                );
                502
            }
            RegisterError::Timeout { .. } => {
                members.insert("detail".into(), "Cleeng did not answer in time".into());
                504
            }
            RegisterError::Transport { .. } => {
                let detail = if error.may_have_reached_cleeng() {
                    "The connection to Cleeng failed before its answer"
                } else {
                    "Cleeng could not be reached"
                };
                members.insert("detail".into(), detail.into());
                502
            }
        };
        if error.delivery().is_some() {
            members.insert(
                "mayHaveReachedCleeng".into(),
                error.may_have_reached_cleeng().into(),
            );
        }
        let title = StatusCode::from_u16(status)
            .ok()
            .and_then(|s| s.canonical_reason())
            .unwrap_or("Error");
        let mut problem = json!({"type": "about:blank", "title": title, "status": status});
        problem
            .as_object_mut()
            .expect("a JSON object")
            .extend(members);
        Answer {
            status,
            content_type: PROBLEM,
            body: serde_json::to_vec(&problem).expect("a JSON value serializes"),
        }
    }

    /// The HTTP status.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// `application/json` for a success, `application/problem+json` for a problem.
    pub fn content_type(&self) -> &'static str {
        self.content_type
    }

    /// The body.
    pub fn body(&self) -> &[u8] {
        &self.body
    }

    /// The body, owned.
    pub fn into_body(self) -> Vec<u8> {
        self.body
    }
}

/// The status and media type, not the body (a success's holds tokens).
impl fmt::Debug for Answer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Answer")
            .field("status", &self.status)
            .field("content_type", &self.content_type)
            .field("body_bytes", &self.body.len())
            .finish()
    }
}
