//! RFC 9457 problem documents (`application/problem+json`).
//!
//! [`problem_body`] is the one place that turns a report into the problem of an invalid body;
//! it writes the same document as the core crate's problem type, field for field, so the two
//! can be exchanged without a visible change.

use axum::http::StatusCode;
use cleeng_register::{FieldError, ValidationReport};
use serde::Serialize;

/// The media type of every refusal body.
pub(crate) const CONTENT_TYPE: &str = "application/problem+json";

/// `type` of every problem. `about:blank` says the status and the members are all there is to
/// know; the `code` and `errors` extensions carry the details.
const PROBLEM_TYPE: &str = "about:blank";

/// The problem of a refused body: `type`, `title`, `status`, Cleeng's `code` and the report's
/// `errors` exactly as the report serializes them. None of it holds a submitted value, because
/// no error in a report does.
#[derive(Serialize)]
struct InvalidBody<'a> {
    #[serde(rename = "type")]
    problem_type: &'static str,
    title: &'static str,
    status: u16,
    code: &'static str,
    errors: &'a [FieldError],
}

/// The problem document for `report`, answered with `status` (400, 422 or 413).
pub(crate) fn problem_body(report: &ValidationReport, status: StatusCode) -> Vec<u8> {
    let problem = InvalidBody {
        problem_type: PROBLEM_TYPE,
        title: "Invalid request body",
        status: status.as_u16(),
        // Cleeng's code for an invalid request, so clients written for Cleeng keep working.
        code: "REQ0001",
        errors: report.errors(),
    };
    serde_json::to_vec(&problem).expect("a problem holds only strings, numbers and maps")
}

/// A problem without a report (415, a body that could not be read, 500).
#[derive(Serialize)]
struct Plain {
    #[serde(rename = "type")]
    problem_type: &'static str,
    title: &'static str,
    status: u16,
    detail: &'static str,
}

/// The problem document for a refusal that is not about the body's content.
pub(crate) fn plain_problem(status: StatusCode, detail: &'static str) -> Vec<u8> {
    let problem = Plain {
        problem_type: PROBLEM_TYPE,
        title: status
            .canonical_reason()
            .expect("only standard statuses (400, 415, 500) are answered"),
        status: status.as_u16(),
        detail,
    };
    serde_json::to_vec(&problem).expect("a problem holds only strings and numbers")
}
