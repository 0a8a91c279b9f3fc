//! `--upstream`: a valid registration is sent to Cleeng (or any base URL) with
//! `cleeng-register-client`, and Cleeng's outcome answered with the client crate's
//! [`Answer`]: 200 with Cleeng's envelope; 400, 422 or 429 with Cleeng's code as a problem
//! document; 502 for Cleeng's 5xx, an unusable answer or an unreachable upstream; 504 when no
//! answer came within `--upstream-timeout`. None holds the upstream's body.

use std::time::{Duration, Instant};

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use cleeng_register::RegisterRequest;
use cleeng_register_client::{Answer, BaseUrl, Client, ClientBuilder, RegisterError};

/// The client for `--upstream`, its whole-call timeout `--upstream-timeout`. The connect
/// timeout is the client's default (3 s), cut to the call's when that is shorter.
pub fn client(base_url: BaseUrl, timeout: Duration) -> Client {
    Client::builder(base_url)
        .timeout(timeout)
        .connect_timeout(ClientBuilder::DEFAULT_CONNECT_TIMEOUT.min(timeout))
        .build()
}

/// What the request line says of the upstream: its status (none when it did not answer),
/// Cleeng's code when it refused, what went wrong otherwise (`refused`, `unusable`,
/// `too_large`, `timeout`, `connect_timeout`, `broken`, `unreachable`), and the time it
/// took. Never a token: nothing of the answer's body but the code.
#[derive(Clone, Debug)]
pub struct UpstreamLog {
    pub status: Option<u16>,
    pub micros: u64,
    pub cleeng_code: Option<String>,
    pub error: Option<&'static str>,
}

impl UpstreamLog {
    /// The line's part for this outcome, which took `elapsed`. Cleeng's code is escaped (it
    /// is text from the network, though the response crate keeps only printable ASCII).
    fn new(
        result: &Result<cleeng_register_response::RegisterResponse, RegisterError>,
        elapsed: Duration,
    ) -> Self {
        let (status, cleeng_code, error) = match result {
            Ok(_) => (Some(200), None, None),
            Err(error) => {
                let code = match error {
                    RegisterError::Refused { error, .. } => Some(error.code().to_string()),
                    _ => None,
                };
                let what = match error {
                    RegisterError::Refused { .. } => "refused",
                    RegisterError::Unusable { .. } => "unusable",
                    RegisterError::TooLarge { .. } => "too_large",
                    RegisterError::Timeout { .. } if error.may_have_reached_cleeng() => "timeout",
                    RegisterError::Timeout { .. } => "connect_timeout",
                    RegisterError::Transport { .. } if error.may_have_reached_cleeng() => "broken",
                    _ => "unreachable",
                };
                (error.upstream_status(), code, Some(what))
            }
        };
        UpstreamLog {
            status,
            micros: elapsed.as_micros() as u64,
            cleeng_code,
            error,
        }
    }
}

/// Sends the request and answers with Cleeng's outcome; the outcome, for the log line, rides
/// in the response's extensions.
pub async fn forward(client: &Client, request: &RegisterRequest) -> Response {
    let started = Instant::now();
    let result = client.register(request).await;
    let log = UpstreamLog::new(&result, started.elapsed());
    let answer = Answer::for_result(&result);
    let status = StatusCode::from_u16(answer.status()).expect("the answer's status is valid");
    let content_type = HeaderValue::from_static(answer.content_type());
    let mut response = (
        status,
        [(header::CONTENT_TYPE, content_type)],
        answer.into_body(),
    )
        .into_response();
    response.extensions_mut().insert(log);
    response
}
