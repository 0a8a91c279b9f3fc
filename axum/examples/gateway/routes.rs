//! The gateway's router: every module's routes, the fallback, and the request log.

use axum::http::StatusCode;
use axum::Router;
use cleeng_register_axum::RegistrationConfig;
use cleeng_register_client::Client;

use crate::form::PageArgs;
use crate::request_log::{self, LogRequestsLayer};
use crate::state::Gateway;
use crate::{documents, form, headers, register};

/// The gateway's routes. A concern with routes of its own is a module with a
/// `routes() -> Router<Gateway>` merged here. Every answer gets the headers of [`headers`]
/// (`no-store` unless a route is [`headers::cacheable`]). Requests are logged when the log level lets
/// `info` through; otherwise there is no log layer at all.
pub fn router(
    registration: RegistrationConfig,
    upstream: Option<Client>,
    page: &PageArgs,
) -> Router {
    let routes = Router::new()
        .merge(register::routes())
        .merge(documents::routes())
        .merge(form::routes(page))
        .fallback(|| async { StatusCode::NOT_FOUND });
    let routes = if request_log::logging() {
        routes.layer(LogRequestsLayer)
    } else {
        routes
    };
    headers::secure(routes.with_state(Gateway::new(registration, upstream)))
}
