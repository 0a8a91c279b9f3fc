//! RFC 9457 problem documents (`application/problem+json`).
//!
//! A refused body answers with the catalog's problem document
//! ([`Catalog::problem_json`]): the core crate's [`Problem`] with its `title`, each error's
//! `message` and a `detail` in the request's language. The other refusals (415, a body that
//! did not arrive in time or could not be read, 500) answer with a plain problem of the same
//! shape and no `errors`.

use axum::http::StatusCode;
use cleeng_register::{Problem, ValidationReport};
use cleeng_register_messages::{Catalog, Language};
use serde::Serialize;

/// The media type of every refusal body.
pub(crate) const CONTENT_TYPE: &str = Problem::CONTENT_TYPE;

/// `type` of a problem that is not about the body's content: `about:blank` says the status
/// and the members are all there is to know.
const PLAIN_PROBLEM_TYPE: &str = "about:blank";

/// The problem document for `report`, answered with `status` (400, 422 or 413), in
/// `language`, English included: the catalog's document, the core's [`Problem`] members
/// (`type`, `status`, `code`, each error's `pointer`, `code` and `params`) with the `title`,
/// each error's `message` and a `detail` in the language. A message names a field by its
/// label in the language ("Email address"), never by its JSON key, which stays in the
/// pointer; none holds a submitted value. Each document is written from errors rendered once
/// per process and language, at its first use.
pub(crate) fn problem_body(
    report: &ValidationReport,
    status: StatusCode,
    language: Language,
) -> Vec<u8> {
    Catalog::get().problem_json(language, report, status.as_u16())
}

/// A problem without a report (415, 408, a body that could not be read, 500).
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
        problem_type: PLAIN_PROBLEM_TYPE,
        title: status
            .canonical_reason()
            .expect("only standard statuses (400, 408, 415, 500) are answered"),
        status: status.as_u16(),
        detail,
    };
    serde_json::to_vec(&problem).expect("a problem holds only strings and numbers")
}
