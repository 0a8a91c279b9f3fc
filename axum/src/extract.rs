//! The extractor.

use axum::extract::{ConnectInfo, FromRef, FromRequest, FromRequestParts, Request};
use axum::http::{header, HeaderMap};
use cleeng_register::{Advisories, CustomerIp, RegisterRequest};
use std::net::{IpAddr, SocketAddr};

use crate::limit::{self, BodyError};
use crate::{content_type, Language, RegistrationConfig, RegistrationRejection};

/// A valid registration body, with its advisories: the extractor. Takes the body, so it is the
/// last argument of a handler.
///
/// In order, before any work it can skip: the media type (415), the customer IP source's
/// need for the peer address (500), the body's length while it is read (413) and its arrival
/// within the body deadline, when [`edge::serve`](crate::edge::serve) sets one (408), then the core
/// crate's checks under the configured policy (400 or 422). Each refusal is a
/// [`RegistrationRejection`]; one about the body's content holds the language its
/// `Accept-Language` header asks for ([`Language::negotiate`]), in which it answers.
///
/// ```
/// use axum::{routing::post, Router};
/// use cleeng_register::Policy;
/// use cleeng_register_axum::{RegistrationConfig, ValidRegistration};
///
/// async fn register(registration: ValidRegistration) -> String {
///     let ValidRegistration { request, advisories, .. } = registration;
///     format!("{} with {} advisories", request.country(), advisories.len())
/// }
///
/// let app: Router = Router::new()
///     .route("/customers", post(register))
///     .with_state(RegistrationConfig::new(Policy::default()));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ValidRegistration {
    /// The request, valid by construction. Its `customer_ip()` is the filled address when the
    /// body had none and the configuration supplied one.
    pub request: RegisterRequest,
    /// What the sender should know (`customer_ip_missing`, ...), computed once here.
    pub advisories: Advisories,
}

impl ValidRegistration {
    /// The request and its advisories.
    pub fn into_parts(self) -> (RegisterRequest, Advisories) {
        (self.request, self.advisories)
    }
}

impl<S> FromRequest<S> for ValidRegistration
where
    RegistrationConfig: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = RegistrationRejection;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let config = RegistrationConfig::from_ref(state);
        let (mut parts, body) = req.into_parts();
        let language = language_of(&parts.headers);
        content_type::check(&parts.headers).map_err(RegistrationRejection::UnsupportedMediaType)?;

        let source = config.customer_ip();
        let peer = match source {
            crate::CustomerIpSource::Off => None,
            // axum's own extractor also finds a `MockConnectInfo` set up for tests.
            _ => ConnectInfo::<SocketAddr>::from_request_parts(&mut parts, state)
                .await
                .ok()
                .map(|ConnectInfo(addr)| addr),
        };
        let fallback = source
            .resolve(peer, &parts.headers)
            .inspect_err(|_| config.missing_peer_address())?
            .map(customer_ip);

        let policy = config.policy();
        let body = limit::read(body, &parts.headers, policy.max_body_bytes())
            .await
            .map_err(|error| match error {
                BodyError::TooLarge => RegistrationRejection::TooLarge {
                    report: config.too_large_report().clone(),
                    language,
                },
                BodyError::TimedOut => RegistrationRejection::BodyTimeout,
                BodyError::Unreadable(error) => RegistrationRejection::Unreadable(error),
            })?;

        match RegisterRequest::from_json_with_fallback_ip(&body, policy, fallback) {
            Ok(mut request) => {
                if let Some(resolved) = fallback.filter(|_| config.overrides_customer_ip()) {
                    if request.customer_ip() != Some(resolved) {
                        request = with_customer_ip(&request, resolved);
                    }
                }
                Ok(ValidRegistration {
                    advisories: request.advisories(),
                    request,
                })
            }
            Err(report) => Err(RegistrationRejection::Invalid {
                report,
                status: config.invalid_status(),
                language,
            }),
        }
    }
}

/// The language `Accept-Language` asks for; English without the header, or with one that is
/// not visible ASCII.
fn language_of(headers: &HeaderMap) -> Language {
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok())
        .map_or(Language::En, Language::negotiate)
}

/// `request` with `customerIP` replaced, every other field kept. (The core's builder makes a
/// request from valid parts; `request` is valid, and so is the address.) The tests check that
/// every field of the body survives.
fn with_customer_ip(request: &RegisterRequest, customer_ip: CustomerIp) -> RegisterRequest {
    let mut builder = RegisterRequest::builder(
        request.email().clone(),
        request.password().clone(),
        request.offer_or_publisher(),
        request.locale(),
        request.country(),
        request.currency(),
    )
    .customer_ip(customer_ip);
    if let Some(name) = request.first_name() {
        builder = builder.first_name(name.clone());
    }
    if let Some(name) = request.last_name() {
        builder = builder.last_name(name.clone());
    }
    if let Some(id) = request.external_id() {
        builder = builder.external_id(id.clone());
    }
    if let Some(data) = request.external_data() {
        builder = builder.external_data(data.clone());
    }
    if let Some(token) = request.captcha_value() {
        builder = builder.captcha_value(token.clone());
    }
    builder.build()
}

fn customer_ip(addr: IpAddr) -> CustomerIp {
    CustomerIp::parse(&addr.to_string()).expect("std writes an address in a form std parses")
}
