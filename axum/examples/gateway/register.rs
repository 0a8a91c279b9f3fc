//! `POST /customers`: the extractor's verdict on a registration body, or, with `--upstream`,
//! the registration itself.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Extension, Json, Router};
use cleeng_register::Advisories;
use cleeng_register_axum::ValidRegistration;

use crate::state::Gateway;
use crate::{request_log, upstream};

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

/// A refusal answers by itself (the extractor's rejection), so an invalid body never reaches
/// the upstream. A valid body is registered with the upstream when there is one, and gets the
/// verdict otherwise; its advisories ride in the response's extensions for the log line (when
/// there is one).
async fn register(
    State(gateway): State<Gateway>,
    ValidRegistration {
        request,
        advisories,
        ..
    }: ValidRegistration,
) -> Response {
    let answer = match &gateway.upstream {
        Some(client) => upstream::forward(client, &request).await,
        None => Json(Valid {
            valid: true,
            advisories,
        })
        .into_response(),
    };
    if request_log::logging() {
        (Extension(advisories), answer).into_response()
    } else {
        answer
    }
}
