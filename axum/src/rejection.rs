//! Why a request did not yield a registration, and the answer for each case.

use std::sync::Arc;

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use cleeng_register::ValidationReport;

use crate::problem::{plain_problem, problem_body, CONTENT_TYPE};
use crate::{InvalidStatus, Language, MissingPeerAddress, UnsupportedMediaType};

/// A refused request. It is the extractor's `Rejection`, so axum answers with it as it is; a
/// handler that takes `Result<ValidRegistration, RegistrationRejection>` can look at it first
/// (log the codes, count them) and then answer with it or with its own response.
///
/// Every answer is an `application/problem+json` document (RFC 9457). None holds a submitted
/// value or header: the errors come from the report, whose messages never repeat a value.
///
/// | variant | status | problem |
/// |---|---|---|
/// | [`UnsupportedMediaType`](Self::UnsupportedMediaType) | 415 | `detail`, plus an `Accept-Post` header |
/// | [`TooLarge`](Self::TooLarge) | 413 | `code: "REQ0001"`, `errors: [too_large at "" with {"max": N}]` |
/// | [`Invalid`](Self::Invalid) | 400 or 422 | `code: "REQ0001"`, `errors`: the report's errors |
/// | [`BodyTimeout`](Self::BodyTimeout) | 408 | `detail`, plus `Connection: close` |
/// | [`Unreadable`](Self::Unreadable) | 400 | `detail` |
/// | [`MissingPeerAddress`](Self::MissingPeerAddress) | 500 | `detail` |
///
/// The answers of `TooLarge` and `Invalid` are the catalog's problem document
/// (`cleeng-register-messages`) in the [`Language`] their request's `Accept-Language` asks
/// for (RFC 4647 lookup; English without the header or without a language of the catalog):
/// `title` (English: "Invalid request body"), `detail` ("2 errors must be corrected.") and
/// each error's `message`, which names a field by its label in that language ("Email address
/// is required."), never its JSON key, with `Content-Language` and `Vary: Accept-Language`.
/// The pointers, codes and params are the report's, in every language. The other answers are
/// in English.
///
/// Every answer also carries `X-Content-Type-Options: nosniff`, `Referrer-Policy:
/// no-referrer` and `Cache-Control: no-store`. Its answer carries a [`Refused`] in its
/// extensions, for a logging layer to read.
///
/// Its `Display` is one line for a log: fixed words, and for an invalid body the report's own
/// `Display` (error codes and the pointers of the errors, each a JSON string in which every
/// control character and line break is escaped by
/// [`cleeng_register::report::escape`], since a pointer names a key the client chose). For
/// example `invalid body: "/email" invalid_format; "/x\n" unknown_field`. Bounded: at most
/// [`SUMMARY_MAX_BYTES`](cleeng_register::report::SUMMARY_MAX_BYTES) after `invalid body: `,
/// the errors left out counted (`; and 94 more`), so that a log line stays under 4 KiB
/// whatever keys a body sends; the problem document keeps every error up to `maxErrors`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RegistrationRejection {
    /// The media type is not JSON (or the body is compressed); nothing was read.
    #[error("unsupported media type: {}", .0.detail())]
    UnsupportedMediaType(UnsupportedMediaType),
    /// The body is over the policy's `maxBodyBytes`, by its `Content-Length` or while it was
    /// streamed; at most that many bytes were read. The report holds the one error
    /// `too_large` at `""` with params `{"max": N}`.
    #[error("the request body is over the policy's maxBodyBytes")]
    TooLarge {
        /// The one error `too_large`.
        report: ValidationReport,
        /// The language of the answer.
        language: Language,
    },
    /// The body was read and is not a valid registration.
    #[error("{report}")]
    Invalid {
        /// Every error, in the order the core crate gives them.
        report: ValidationReport,
        /// The configured status.
        status: InvalidStatus,
        /// The language of the answer.
        language: Language,
    },
    /// The body did not arrive in full within the edge's body timeout: its stream failed with
    /// tower-http's [`TimeoutError`](tower_http::timeout::TimeoutError), which
    /// [`edge::serve`](crate::edge::serve) sets up (through tower-http's
    /// `RequestBodyDeadlineLayer`). Answered with 408 and `Connection: close`: the rest of the
    /// body is never read, so the connection cannot carry another request.
    #[error("the request body did not arrive within the body timeout")]
    BodyTimeout,
    /// The body stream failed before its end: the client went away or sent a broken chunked
    /// encoding.
    #[error("the request body could not be read")]
    Unreadable(#[source] axum::Error),
    /// The customer IP source needs the peer address and the server does not provide it.
    #[error(transparent)]
    MissingPeerAddress(#[from] MissingPeerAddress),
}

/// What every answer of a [`RegistrationRejection`] carries in its extensions: the rejection
/// itself, so that a layer that logs or counts answers can say why a request was refused
/// (status, codes, pointers) without the handler's help, whether the handler let axum answer
/// with the rejection or answered with it itself.
///
/// ```
/// use axum::response::IntoResponse;
/// use cleeng_register_axum::{Refused, RegistrationRejection};
/// let response = RegistrationRejection::BodyTimeout.into_response();
/// let refused = response.extensions().get::<Refused>().expect("always there");
/// assert_eq!(refused.rejection().status(), response.status());
/// ```
#[derive(Clone, Debug)]
pub struct Refused(Arc<RegistrationRejection>);

impl Refused {
    /// The rejection the answer was made from.
    pub fn rejection(&self) -> &RegistrationRejection {
        &self.0
    }
}

impl RegistrationRejection {
    /// The status of the answer.
    pub fn status(&self) -> StatusCode {
        match self {
            RegistrationRejection::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            RegistrationRejection::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            RegistrationRejection::Invalid { status, .. } => status.status_code(),
            RegistrationRejection::BodyTimeout => StatusCode::REQUEST_TIMEOUT,
            RegistrationRejection::Unreadable(_) => StatusCode::BAD_REQUEST,
            RegistrationRejection::MissingPeerAddress(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The report, for a body that was too large or invalid.
    pub fn report(&self) -> Option<&ValidationReport> {
        match self {
            RegistrationRejection::TooLarge { report, .. }
            | RegistrationRejection::Invalid { report, .. } => Some(report),
            _ => None,
        }
    }

    /// The language of the answer, for a refusal about the body's content (the others are
    /// in English).
    pub fn language(&self) -> Option<Language> {
        match self {
            RegistrationRejection::TooLarge { language, .. }
            | RegistrationRejection::Invalid { language, .. } => Some(*language),
            _ => None,
        }
    }
}

impl IntoResponse for RegistrationRejection {
    fn into_response(self) -> Response {
        let status = self.status();
        let body = match &self {
            RegistrationRejection::TooLarge { report, language }
            | RegistrationRejection::Invalid {
                report, language, ..
            } => problem_body(report, status, *language),
            RegistrationRejection::UnsupportedMediaType(why) => plain_problem(status, why.detail()),
            RegistrationRejection::BodyTimeout => plain_problem(
                status,
                "the request body did not arrive in full within the time allowed",
            ),
            RegistrationRejection::Unreadable(_) => {
                plain_problem(status, "the request body could not be read to its end")
            }
            RegistrationRejection::MissingPeerAddress(_) => plain_problem(
                status,
                "the server is not configured to see client addresses",
            ),
        };
        let mut response = (
            status,
            [
                (header::CONTENT_TYPE, HeaderValue::from_static(CONTENT_TYPE)),
                // A problem is an API answer: never sniffed as another type, never cached,
                // and no referrer sent from it.
                (
                    header::X_CONTENT_TYPE_OPTIONS,
                    HeaderValue::from_static("nosniff"),
                ),
                (
                    header::REFERRER_POLICY,
                    HeaderValue::from_static("no-referrer"),
                ),
                (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
            ],
            body,
        )
            .into_response();
        if let Some(language) = self.language() {
            let headers = response.headers_mut();
            headers.insert(
                header::CONTENT_LANGUAGE,
                HeaderValue::from_static(language.tag()),
            );
            headers.insert(header::VARY, HeaderValue::from_static("accept-language"));
        }
        match self {
            // RFC 9110 (15.5.16) asks a 415 to say what would be accepted.
            RegistrationRejection::UnsupportedMediaType(_) => {
                response.headers_mut().insert(
                    "accept-post",
                    HeaderValue::from_static("application/json, application/*+json"),
                );
            }
            // RFC 9110 (15.5.9): a 408 should say the connection closes, and it does (the rest
            // of the body is not read).
            RegistrationRejection::BodyTimeout => {
                response
                    .headers_mut()
                    .insert(header::CONNECTION, HeaderValue::from_static("close"));
            }
            _ => {}
        }
        response.extensions_mut().insert(Refused(Arc::new(self)));
        response
    }
}
