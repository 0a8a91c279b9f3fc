//! Validating Cleeng registrations at the edge of an axum service.
//!
//! [`ValidRegistration`] is an axum extractor that does what every service accepting
//! registrations would otherwise write by hand:
//!
//! 1. **Media type.** `Content-Type` must be `application/json` or any `*/*+json` type, in any
//!    letter case, with any parameters but a `charset` other than `utf-8` (JSON is UTF-8; any
//!    letter case, quoted or not), written as RFC 9110 allows: white space around `;`
//!    (`application/json ;charset=utf-8`), quoted values, but none around `=`
//!    (`charset = utf-8` is not a parameter). A missing
//!    `Content-Type`, one that does not parse, one given twice, another charset, or a
//!    `Content-Encoding` other than `identity` is **415**, before a byte of the body is read.
//! 2. **Size.** The body is read up to the policy's `maxBodyBytes` and no further: a
//!    `Content-Length` over it is **413** without reading anything, and a chunked body is read
//!    through [`http_body_util::Limited`] and refused at the chunk that crosses the limit, so no
//!    more than `maxBodyBytes` is ever kept. The 413's problem holds the error `too_large` at
//!    `""` with params `{"max": N}`. axum's `DefaultBodyLimit` does not apply: the policy is the
//!    one limit.
//! 3. **Content.** The body goes to [`RegisterRequest::from_json_with_fallback_ip`] under the
//!    configured [`Policy`]; an invalid body is **400** (or **422**, see [`InvalidStatus`]),
//!    with an RFC 9457 `application/problem+json` document: `type`, `title` ("Invalid request
//!    body" in English), `status`, `detail`, `code: "REQ0001"` (Cleeng's code for an invalid
//!    request) and `errors`, the report's errors with their pointers, codes and params as the
//!    core crate writes them. It is worded in the language `Accept-Language` asks for
//!    ([`Language`], English by default), by the catalog of `cleeng-register-messages`:
//!    each message names a field by its label in that language ("Email address is
//!    required."), never its JSON key. No member ever carries a submitted value. A service's own rules
//!    ([`RegistrationConfig::with_rules`]) run in the same pass, and their errors, with the
//!    service's codes, are in the same document.
//! 4. **Customer IP.** Cleeng prices and taxes by `customerIP`, and a service that forwards a
//!    registration is not the customer. [`CustomerIpSource`] can fill an absent `customerIP`
//!    from the connection's peer, or from `X-Forwarded-For` behind trusted proxies. Off by
//!    default; a filled address counts as given for the policy (`required`, `requiredFor`) and
//!    for the advisories. A `customerIP` in the body is kept, unless
//!    [`RegistrationConfig::with_override_customer_ip`] is on: then the connection's address
//!    replaces it. Turn that on where customers' browsers post to the service directly (the
//!    body's address would be the customer's choice of tax country); leave it off where a
//!    trusted back end sends the body with the customer's address.
//! 5. **Time.** Served by [`edge::serve`], a body that has not arrived in full within the body
//!    timeout is **408** with a problem document and `Connection: close`.
//!
//! A valid body reaches the handler as a [`RegisterRequest`] with its [`Advisories`]. Every
//! refusal is a [`RegistrationRejection`], which answers by itself or can be inspected by a
//! handler that takes `Result<ValidRegistration, RegistrationRejection>`; its answer carries a
//! [`Refused`] in its extensions, so that a logging layer can say why without the handler.
//!
//! The configuration, [`RegistrationConfig`], comes from the router state through `FromRef`.
//! The schema a service publishes should come from [`RegistrationConfig::client_policy`]: when
//! the service fills `customerIP`, a client need not send it, whatever the policy requires.
//!
//! # At a public edge
//!
//! A service that clients reach directly must bound what each client can hold. [`edge::serve`]
//! serves a router with limits on the request head, an idle keep-alive connection, the body,
//! the writing of an answer, the open connections and the shutdown ([`edge::EdgeLimits`], each settable; the [`edge`]
//! module's table gives each default and what happens when it is reached).
//!
//! `axum::serve` cannot set these (it gives hyper no timer, so not even hyper's header timeout
//! runs, and its graceful shutdown waits for ever), so [`edge::serve`] serves through hyper's
//! HTTP/1 connection builder and hyper-util's `GracefulShutdown`, as axum's own `serve` does
//! inside; its source is the example of serving with hyper-util. The [`edge`] module says
//! why each limit is what it is, and what is not bounded.
//!
//! # Serving: one way
//!
//! Serve the router with [`edge::serve`] (the example below): it gives the extractor each
//! connection's address, which every [`CustomerIpSource`] but `Off` needs, and bounds what a
//! client can hold. A source that needs the address cannot work without it, and axum gives a
//! library no hook at which to refuse a server that does not provide it before the first
//! request: a router served another way must be served with
//! `into_make_service_with_connect_info::<SocketAddr>()` (or, in tests, axum's
//! `MockConnectInfo`). Otherwise each registration is refused with 500 (filling nothing would
//! be a pricing and tax bug nobody notices) and the first such request logs an `error` that
//! names the fix. A service built without the `edge` feature serves itself that way.
//!
//! # Features
//!
//! - `edge` (default): [`edge::serve`] and its limits, with hyper's server, hyper-util,
//!   tower-http, socket2 and tokio's listener and timers. A service that serves itself and
//!   wants the extractor alone turns it off (`default-features = false`); the extractor then
//!   does not recognize a body deadline (tower-http's `TimeoutError`) as 408, and the service
//!   gives the peer address itself (see above).
//!
//! # Secrets in memory: the buffers a service owns
//!
//! The core crate keeps a submitted password (and a captcha token) only in memory it wipes on
//! drop, and so does this crate for what it decodes. It cannot wipe the buffers the request
//! passes through before it: the kernel's socket buffers; a TLS terminator's; **hyper's
//! connection read buffer**, which holds the request head and body as they arrived (hyper
//! reuses and frees it, unwiped); and the body `Bytes` the extractor reads, usually a view of
//! that same buffer that it shares with hyper and so cannot wipe either. These belong to the
//! service and its server: a service that must keep secrets out of freed memory needs a
//! server and an allocator that wipe (for example an allocator that zeroes on free), and must
//! not keep or log the body itself.
//!
//! # Text output
//!
//! No `Display` of this crate prints a client's bytes unescaped: a [`RegistrationRejection`]
//! names its errors by code and pointer, and a pointer (which holds a key the client chose) is
//! written as a JSON string with every control character and line break escaped, so that a
//! logged rejection is one line with no terminal escape in it.
//!
//! # Example
//!
//! A handler that forwards a valid body to Cleeng with `cleeng-register-client` and answers
//! with Cleeng's outcome (its envelope, its refusal's status and code, or 502/504), logs the
//! codes of a refusal (never the body) and lets the rejection answer:
//!
//! ```
//! use axum::extract::{FromRef, State};
//! use axum::http::{header, StatusCode};
//! use axum::response::{IntoResponse, Response};
//! use axum::{routing::post, Router};
//! use cleeng_register::Policy;
//! use cleeng_register_axum::edge::{self, EdgeLimits};
//! use cleeng_register_axum::{
//!     CustomerIpSource, RegistrationConfig, RegistrationRejection, ValidRegistration,
//! };
//! use cleeng_register_client::{Answer, Client, Environment};
//!
//! #[derive(Clone)]
//! struct App {
//!     config: RegistrationConfig,
//!     cleeng: Client,
//! }
//!
//! impl FromRef<App> for RegistrationConfig {
//!     fn from_ref(app: &App) -> Self {
//!         app.config.clone()
//!     }
//! }
//!
//! async fn register(
//!     State(app): State<App>,
//!     registration: Result<ValidRegistration, RegistrationRejection>,
//! ) -> Response {
//!     match registration {
//!         Ok(ValidRegistration { request, .. }) => {
//!             // Forward to Cleeng: its envelope, or its refusal as a problem (502/504 if none).
//!             let answer = Answer::for_result(&app.cleeng.register(&request).await);
//!             let status = StatusCode::from_u16(answer.status()).expect("a valid status");
//!             (status, [(header::CONTENT_TYPE, answer.content_type())], answer.into_body())
//!                 .into_response()
//!         }
//!         // The problem document of the refusal, in the customer's language.
//!         Err(rejection) => rejection.into_response(),
//!     }
//! }
//!
//! async fn serve() -> Result<(), Box<dyn std::error::Error>> {
//!     let config = RegistrationConfig::new(Policy::default())
//!         .with_customer_ip(CustomerIpSource::TrustedProxies(vec!["10.0.0.0/8".parse()?]));
//!     let app = App { config, cleeng: Client::new(Environment::Sandbox) };
//!     let app = Router::new().route("/customers", post(register)).with_state(app);
//!     let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
//!     // The one way to serve: each connection's address for the customer IP source, and
//!     // the limits a public edge needs.
//!     let stop = async { tokio::signal::ctrl_c().await.unwrap_or(()) };
//!     edge::serve(listener, app, EdgeLimits::default(), stop).await;
//!     Ok(())
//! }
//! ```
//!
//! [`RegisterRequest`]: cleeng_register::RegisterRequest
//! [`RegisterRequest::from_json_with_fallback_ip`]: cleeng_register::RegisterRequest::from_json_with_fallback_ip
//! [`Policy`]: cleeng_register::Policy
//! [`Advisories`]: cleeng_register::Advisories

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod client_ip;
mod config;
mod content_type;
#[cfg(feature = "edge")]
pub mod edge;
mod extract;
mod limit;
mod problem;
mod rejection;

pub use cleeng_register_messages::Language;
pub use client_ip::MissingPeerAddress;
pub use config::{CustomerIpSource, InvalidStatus, RegistrationConfig};
pub use content_type::UnsupportedMediaType;
pub use extract::ValidRegistration;
pub use rejection::{Refused, RegistrationRejection};

/// The media type of every refusal: `application/problem+json`.
pub const PROBLEM_CONTENT_TYPE: &str = problem::CONTENT_TYPE;
