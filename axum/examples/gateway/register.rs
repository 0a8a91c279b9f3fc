//! `POST /customers`: the extractor's verdict on a registration body.

use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Extension, Json, Router};
use cleeng_register::Advisories;
use cleeng_register_axum::ValidRegistration;

use crate::request_log;
use crate::state::Gateway;

/// The route.
pub fn routes() -> Router<Gateway> {
    Router::new().route("/customers", post(register))
}

/// The answer to a valid body, `{"valid":true,"advisories":[...]}`, in that order.
#[derive(serde::Serialize)]
struct Valid {
    valid: bool,
    advisories: Advisories,
}

/// A refusal answers by itself (the extractor's rejection); a valid body gets the verdict,
/// with its advisories in the response's extensions for the log line (when there is one).
async fn register(ValidRegistration { advisories, .. }: ValidRegistration) -> Response {
    // Forward the request to Cleeng here; it serializes to the Cleeng body.
    let verdict = Json(Valid {
        valid: true,
        advisories,
    });
    if request_log::logging() {
        (Extension(advisories), verdict).into_response()
    } else {
        verdict.into_response()
    }
}
