//! `POST /customers`: the extractor's verdict on a registration body, or, with `--upstream`,
//! the registration itself.

use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Extension, Json, Router};
use cleeng_register::Advisories;
use cleeng_register_axum::ValidRegistration;
use cleeng_register_messages::{Catalog, Language};

use crate::state::Gateway;
use crate::{request_log, upstream};

/// The route.
pub fn routes() -> Router<Gateway> {
    Router::new().route("/customers", post(register))
}

/// The answer to a valid body, `{"valid":true,"advisories":[...]}`, in that order, each
/// advisory worded in the language `Accept-Language` asks for (as the refusals are).
#[derive(serde::Serialize)]
struct Valid {
    valid: bool,
    advisories: Vec<WordedAdvisory>,
}

/// An advisory as the core serializes it, its message from the catalog.
#[derive(serde::Serialize)]
struct WordedAdvisory {
    pointer: &'static str,
    code: &'static str,
    message: String,
}

/// The validation-only answer in `language`, with `Content-Language` and `Vary`.
fn valid_answer(advisories: Advisories, language: Language) -> Response {
    let catalog = Catalog::get();
    let advisories = advisories
        .iter()
        .map(|a| WordedAdvisory {
            pointer: a.pointer(),
            code: a.as_str(),
            message: catalog.advisory(language, a),
        })
        .collect();
    let content_language = HeaderValue::from_static(language.tag());
    (
        [
            (header::CONTENT_LANGUAGE, content_language),
            (header::VARY, HeaderValue::from_static("accept-language")),
        ],
        Json(Valid {
            valid: true,
            advisories,
        }),
    )
        .into_response()
}

/// A refusal answers by itself (the extractor's rejection), so an invalid body never reaches
/// the upstream. A valid body is registered with the upstream when there is one, and gets the
/// verdict otherwise; its advisories ride in the response's extensions for the log line (when
/// there is one).
async fn register(
    State(gateway): State<Gateway>,
    headers: HeaderMap,
    ValidRegistration {
        request,
        advisories,
        ..
    }: ValidRegistration,
) -> Response {
    let answer = match &gateway.upstream {
        Some(client) => upstream::forward(client, &request).await,
        None => {
            let language = headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|value| value.to_str().ok())
                .map_or(Language::En, Language::negotiate);
            valid_answer(advisories, language)
        }
    };
    if request_log::logging() {
        (Extension(advisories), answer).into_response()
    } else {
        answer
    }
}
