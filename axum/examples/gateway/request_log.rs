//! A line per request: the tower layer that writes it, and what it holds.

use std::fmt;
use std::time::Instant;

use axum::extract::Request;
use axum::response::Response;
use cleeng_register::Advisories;
use cleeng_register_axum::Refused;

use crate::logging::TARGET;
use crate::upstream::UpstreamLog;

/// Whether request lines are written: `RUST_LOG` is read once, at start.
pub fn logging() -> bool {
    tracing::enabled!(target: TARGET, tracing::Level::INFO)
}

/// The advisory codes of a valid request, comma-separated (`-` for none).
struct Codes(Advisories);

impl fmt::Display for Codes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("-");
        }
        for (i, advisory) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            f.write_str(advisory.as_str())?;
        }
        Ok(())
    }
}

/// The most bytes of a path a log line holds: a path is the client's choice, as long as the
/// request head allows.
const LOGGED_PATH_BYTES: usize = 100;

/// The layer that writes [`log_request`]'s line for each request. A layer of its own rather
/// than `axum::middleware::from_fn`, which boxes each request's future and clones the inner
/// service for it: with logging on, those allocations were a sixth of a line's cost.
#[derive(Clone, Copy)]
pub struct LogRequestsLayer;

impl<S> tower::Layer<S> for LogRequestsLayer {
    type Service = LogRequests<S>;

    fn layer(&self, inner: S) -> LogRequests<S> {
        LogRequests(inner)
    }
}

#[derive(Clone)]
pub struct LogRequests<S>(S);

impl<S> tower::Service<Request> for LogRequests<S>
where
    S: tower::Service<Request, Response = Response>,
    S::Future: Unpin,
{
    type Response = Response;
    type Error = S::Error;
    type Future = Logged<S::Future>;

    fn poll_ready(
        &mut self,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Result<(), S::Error>> {
        self.0.poll_ready(cx)
    }

    fn call(&mut self, request: Request) -> Logged<S::Future> {
        Logged {
            started: Instant::now(),
            method: request.method().clone(),
            // A cheap clone (shared bytes), read after the request is gone.
            uri: request.uri().clone(),
            answer: self.0.call(request),
        }
    }
}

/// A request's answer on its way, and what its log line needs.
pub struct Logged<F> {
    started: Instant,
    method: axum::http::Method,
    uri: axum::http::Uri,
    answer: F,
}

impl<F, E> std::future::Future for Logged<F>
where
    F: std::future::Future<Output = Result<Response, E>> + Unpin,
{
    type Output = F::Output;

    fn poll(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<F::Output> {
        let result = std::task::ready!(std::pin::Pin::new(&mut self.answer).poll(cx));
        if let Ok(response) = &result {
            log_request(&self.method, &self.uri, self.started, response);
        }
        std::task::Poll::Ready(result)
    }
}

/// One line per request: method, path (without the query, which may hold personal data; cut
/// at 100 bytes), status, time, and the advisories or the refusal; with `--upstream`, the
/// upstream's status, time, Cleeng's code and what went wrong (never a token). The path is written as a
/// quoted, escaped string (and a URI has no control characters anyway); the refusal's
/// `Display` names codes and escaped pointers, never a value.
fn log_request(
    method: &axum::http::Method,
    uri: &axum::http::Uri,
    started: Instant,
    response: &Response,
) {
    // A path may hold UTF-8 beyond ASCII (hyper passes it on): cut at a char boundary.
    let path = uri.path();
    let mut end = path.len().min(LOGGED_PATH_BYTES);
    while !path.is_char_boundary(end) {
        end -= 1;
    }
    let path = &path[..end];
    let micros = started.elapsed().as_micros() as u64;
    let advisories = response.extensions().get::<Advisories>().copied();
    let refused = response.extensions().get::<Refused>();
    let upstream = response.extensions().get::<UpstreamLog>();
    tracing::info!(
        target: TARGET,
        %method,
        path,
        status = response.status().as_u16(),
        micros,
        advisories = advisories.map(|a| tracing::field::display(Codes(a))),
        refused = refused.map(|r| tracing::field::display(r.rejection())),
        upstream_status = upstream.and_then(|u| u.status),
        upstream_micros = upstream.map(|u| u.micros),
        cleeng_code = upstream.and_then(|u| u.cleeng_code.as_deref()),
        upstream_error = upstream.and_then(|u| u.error),
    );
}
