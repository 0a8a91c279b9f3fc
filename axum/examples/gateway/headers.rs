//! The headers of the gateway's answers: the ones every answer carries, the page's content
//! security policy, and how long each kind of answer may be cached. Set with tower-http's
//! set-header layers.
//!
//! - Every answer: `X-Content-Type-Options: nosniff` (a browser never takes an answer for
//!   another type than it says) and `Referrer-Policy: no-referrer` (a page with a password
//!   field tells no other site where its visitor came from).
//! - A page (`text/html`): [`CONTENT_SECURITY_POLICY`]: scripts, styles and everything else
//!   from the gateway itself only, no inline script or style, no `eval`, never framed (no
//!   clickjacking of the password field), forms posted only here.
//! - `Cache-Control`: `no-store` unless a route says otherwise: an API answer (a verdict, a
//!   problem) is never cached. The static files (the page, its scripts and style, the
//!   documents) are [`cacheable`]: `no-cache`, kept but checked with the gateway before each
//!   use, since their names carry no content hash and a restart with another policy changes
//!   them.

use axum::http::{header, HeaderValue};
use axum::response::Response;
use axum::Router;
use tower::ServiceBuilder;
use tower_http::set_header::SetResponseHeaderLayer;

/// The content security policy of every page.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; \
    style-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

/// `router` with the headers every answer carries, and `no-store` where its routes set no
/// `Cache-Control`. The four layers are stacked into one before they reach the router: each
/// `Router::layer` wraps every route in a boxed service of its own, cloned for each request.
pub fn secure(router: Router) -> Router {
    let headers = ServiceBuilder::new()
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            page_policy as fn(&Response) -> Option<HeaderValue>,
        ));
    router.layer(headers)
}

/// The content security policy, for a page.
fn page_policy(response: &Response) -> Option<HeaderValue> {
    is_html(response).then(|| HeaderValue::from_static(CONTENT_SECURITY_POLICY))
}

/// `routes` answered as static files: cached, revalidated before each use.
pub fn cacheable<S: Clone + Send + Sync + 'static>(routes: Router<S>) -> Router<S> {
    routes.layer(SetResponseHeaderLayer::overriding(
        header::CACHE_CONTROL,
        HeaderValue::from_static("no-cache"),
    ))
}

fn is_html(response: &Response) -> bool {
    response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|t| t.as_bytes().starts_with(b"text/html"))
}
