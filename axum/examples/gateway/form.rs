//! `GET /`: the registration form of `axum/form`, its scripts and its style, each a file (the
//! page's content security policy allows no inline script or style).

use axum::http::header;
use axum::response::{Html, IntoResponse};
use axum::routing::get;
use axum::Router;

use crate::headers;
use crate::state::Gateway;

/// The page and its files, cacheable.
pub fn routes() -> Router<Gateway> {
    headers::cacheable(
        Router::new()
            .route("/", get(page))
            .route(
                "/form.js",
                get(|| script(include_str!("../../form/form.js"))),
            )
            .route(
                "/ajv2020.js",
                get(|| script(include_str!("../../form/ajv2020.js"))),
            )
            .route("/form.css", get(style)),
    )
}

/// The form: it checks a body against `/schema.json`, words the errors with
/// `/messages.json`, and posts it to `/customers`.
async fn page() -> Html<&'static str> {
    Html(include_str!("../../form/index.html"))
}

async fn script(text: &'static str) -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        text,
    )
}

async fn style() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        include_str!("../../form/form.css"),
    )
}
