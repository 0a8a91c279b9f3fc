//! The JSON documents a client reads: `/schema.json`, `/messages.json`, `/openapi.json`.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use crate::headers;
use crate::state::Gateway;

/// The routes, cacheable.
pub fn routes() -> Router<Gateway> {
    headers::cacheable(
        Router::new()
            .route("/messages.json", get(messages_json))
            .route("/schema.json", get(schema_json))
            .route("/openapi.json", get(openapi_json)),
    )
}

fn json_document(bytes: &Bytes) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], bytes.clone()).into_response()
}

async fn messages_json(State(gateway): State<Gateway>) -> Response {
    json_document(&gateway.messages)
}

async fn schema_json(State(gateway): State<Gateway>) -> Response {
    json_document(&gateway.schema)
}

async fn openapi_json(State(gateway): State<Gateway>) -> Response {
    json_document(&gateway.openapi)
}
