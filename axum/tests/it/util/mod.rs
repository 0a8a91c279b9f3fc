//! Helpers shared by the tests: bodies, a test router, and sending a request through it.

pub mod server;
pub mod stream;

use axum::body::Body;
use axum::http::{header, HeaderMap, Request, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing;
use axum::{Json, Router};
use cleeng_register_axum::{RegistrationConfig, RegistrationRejection, ValidRegistration};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tower::ServiceExt;

/// Valid, with a public `customerIP`: no advisories.
pub const VALID: &str = r#"{"email":"jane@example.com","password":"s3cret-pass","offerId":"S565568989_US","locale":"en_US","country":"US","currency":"USD","customerIP":"8.8.8.8"}"#;

/// Valid, without `customerIP`: the advisory `customer_ip_missing`.
pub const VALID_WITHOUT_IP: &str = r#"{"email":"jane@example.com","password":"s3cret-pass","publisherId":"123456789","locale":"en_US","country":"US","currency":"USD"}"#;

/// Invalid: a bad email and a missing password.
pub const INVALID: &str = r#"{"email":"jane@localhost","offerId":"S565568989_US","locale":"en_US","country":"US","currency":"USD"}"#;

/// The handler of the tests: the gateway's answer, plus the `customerIP` the request ended with.
pub async fn register(registration: ValidRegistration) -> Json<Value> {
    Json(json!({
        "valid": true,
        "advisories": registration.advisories,
        "customerIP": registration.request.customer_ip().map(|ip| ip.as_str().to_owned()),
    }))
}

/// A handler that inspects the rejection and answers with it unchanged, marking that it ran.
pub async fn inspect(registration: Result<ValidRegistration, RegistrationRejection>) -> Response {
    match registration {
        Ok(_) => StatusCode::NO_CONTENT.into_response(),
        Err(rejection) => {
            let mut response = rejection.into_response();
            response
                .headers_mut()
                .insert("x-inspected", "yes".parse().expect("a valid header value"));
            response
        }
    }
}

/// `POST /customers` with [`register`], `POST /inspect` with [`inspect`].
pub fn app(config: RegistrationConfig) -> Router {
    Router::new()
        .route("/customers", routing::post(register))
        .route("/inspect", routing::post(inspect))
        .with_state(config)
}

/// `POST /customers` with this content type (none if `None`) and body.
pub fn post(content_type: Option<&str>, body: impl Into<Body>) -> Request<Body> {
    let mut builder = Request::post("/customers");
    if let Some(content_type) = content_type {
        builder = builder.header(header::CONTENT_TYPE, content_type);
    }
    builder.body(body.into()).expect("a valid request")
}

/// The answer: status, headers, and the body as JSON (`Value::Null` when empty).
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Value,
    pub text: String,
}

impl Answer {
    pub async fn from_response(response: Response) -> Answer {
        let (parts, body) = response.into_parts();
        let bytes = body
            .collect()
            .await
            .expect("the body is in memory")
            .to_bytes();
        let text = String::from_utf8(bytes.to_vec()).expect("answers are UTF-8");
        let body = if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).expect("answers are JSON")
        };
        Answer {
            status: parts.status,
            headers: parts.headers,
            body,
            text,
        }
    }

    pub fn content_type(&self) -> &str {
        self.headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    /// `(pointer, code)` of each error of a problem.
    pub fn errors(&self) -> Vec<(String, String)> {
        self.body["errors"]
            .as_array()
            .map(|errors| {
                errors
                    .iter()
                    .map(|e| {
                        (
                            e["pointer"].as_str().unwrap_or("?").to_owned(),
                            e["code"].as_str().unwrap_or("?").to_owned(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The advisory codes of a 200 answer.
    pub fn advisories(&self) -> Vec<String> {
        self.body["advisories"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|a| a["code"].as_str().unwrap_or("?").to_owned())
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// Sends one request through the router, in process.
pub async fn send(app: Router, request: Request<Body>) -> Answer {
    let response = app.oneshot(request).await.expect("routers are infallible");
    Answer::from_response(response).await
}
