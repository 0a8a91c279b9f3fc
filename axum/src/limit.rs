//! Reading the body up to the policy's `maxBodyBytes` and no further.

use axum::body::Body;
use axum::http::{header, HeaderMap};
use bytes::Bytes;
use http_body::Body as _;
use http_body_util::{BodyExt, LengthLimitError, Limited};

/// Why the body was not read.
#[derive(Debug)]
pub(crate) enum BodyError {
    /// Over the limit, by `Content-Length` or while streaming.
    TooLarge,
    /// Not in full before the body deadline (tower-http's `TimeoutError`).
    TimedOut,
    /// The stream failed: the client went away, or sent a broken chunked encoding.
    Unreadable(axum::Error),
}

/// Refuses a body whose declared length (`Content-Length`, or the body's exact size hint) is
/// over `max` before reading a byte of it; otherwise reads it through
/// [`http_body_util::Limited`], which fails as soon as the bytes received pass `max`. So at
/// most `max` bytes are ever kept, whether or not the client declared a length (a chunked body
/// is refused at the frame that crosses the limit, and the rest is never read).
pub(crate) async fn read(body: Body, headers: &HeaderMap, max: usize) -> Result<Bytes, BodyError> {
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    let over = |len: u64| usize::try_from(len).map_or(true, |len| len > max);
    if declared.is_some_and(over) || over(body.size_hint().lower()) {
        return Err(BodyError::TooLarge);
    }
    match Limited::new(body, max).collect().await {
        Ok(collected) => Ok(collected.to_bytes()),
        Err(error) if error.is::<LengthLimitError>() => Err(BodyError::TooLarge),
        Err(error) if timed_out(&*error) => Err(BodyError::TimedOut),
        Err(error) => Err(BodyError::Unreadable(axum::Error::new(error))),
    }
}

/// Whether a deadline fired somewhere down the error's chain (axum wraps a body's error once):
/// tower-http's, which only the `edge` feature links.
#[cfg(feature = "edge")]
fn timed_out(error: &(dyn std::error::Error + 'static)) -> bool {
    use tower_http::timeout::TimeoutError;
    std::iter::successors(Some(error), |e| e.source()).any(|e| e.is::<TimeoutError>())
}

/// Without the `edge` feature there is no body deadline of the crate's to recognize.
#[cfg(not(feature = "edge"))]
fn timed_out(_: &(dyn std::error::Error + 'static)) -> bool {
    false
}
