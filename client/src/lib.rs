//! An async client for Cleeng's `POST /customers`: it sends a [`RegisterRequest`] that
//! `cleeng-register` validated, and gives back Cleeng's answer parsed by
//! `cleeng-register-response`, or a [`RegisterError`] that says exactly what happened, and
//! whether the request may have reached Cleeng.
//!
//! ```no_run
//! use cleeng_register::{Policy, RegisterRequest};
//! use cleeng_register_client::{Client, Environment, RegisterError};
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let client = Client::new(Environment::Sandbox);
//! let body = br#"{"email":"jane.doe@example.com","password":"s3cret-pass","offerId":"S565568989_US",
//!     "locale":"en_US","country":"US","currency":"USD","customerIP":"203.0.113.7"}"#;
//! let request = RegisterRequest::from_json(body, &Policy::default())?;
//! match client.register(&request).await {
//!     Ok(registered) => println!("customer {}", registered.customer_id()),
//!     Err(RegisterError::Refused { status, error }) => println!("{status}: {error}"),
//!     Err(error) if error.may_have_reached_cleeng() => println!("unknown outcome: {error}"),
//!     Err(error) => println!("not sent, safe to retry: {error}"),
//! }
//! # Ok(()) }
//! ```
//!
//! # What `register` does
//!
//! - `POST <base>/customers`, the base being Cleeng's sandbox or production
//!   ([`Environment`], the URLs of the OpenAPI document) or any URL ([`BaseUrl`]: a test
//!   double, a proxy). The body is the request's own serialization (`serde_json::to_vec`),
//!   with `Content-Type: application/json` and `User-Agent: cleeng-register-client/<version>`.
//! - A 2xx answer is read by [`RegisterResponse::from_json`]; any other by
//!   [`CleengError::from_json`]. What the client cannot use is [`RegisterError::Unusable`]
//!   with the status and the [`ResponseReport`](cleeng_register_response::ResponseReport),
//!   never the body.
//! - Connections are kept alive and reused: clone one [`Client`] into every handler.
//!
//! | outcome | [`RegisterError`] | [`may_have_reached_cleeng`](RegisterError::may_have_reached_cleeng) | retried by the client |
//! |---|---|---|---|
//! | Cleeng's error body (`USER0002` 422, `REQ0001` 400, `CPT0001`/`CPT0002` 429, `S…` 500, other codes) | `Refused { status, error }` | yes | no |
//! | an answer the response model refuses | `Unusable { status, report }` | yes | no |
//! | an answer over [`max_answer_bytes`](ClientBuilder::max_answer_bytes) | `TooLarge { status, limit }` | yes | no |
//! | no connection within the connect timeout | `Timeout { delivery: NotSent }` | no | yes, [`connect_retries`](ClientBuilder::connect_retries) times |
//! | connection refused, unreachable, DNS or TLS failure | `Transport { delivery: NotSent }` | no | yes, likewise |
//! | no whole answer within the call's timeout | `Timeout { delivery: Unknown }` | yes | no |
//! | the connection broke after it was opened | `Transport { delivery: Unknown }` | yes | no |
//!
//! # When the outcome is unknown
//!
//! `POST /customers` is not idempotent and carries no idempotency key. Once a connection is
//! open the request may have been written, and Cleeng may have registered the customer even
//! though no answer arrived; the client then never sends it again by itself
//! ([`Delivery::Unknown`]). What a service should do:
//!
//! - Tell the customer the registration may have gone through, rather than "failed" (the
//!   gateway's problem document says `"mayHaveReachedCleeng": true`).
//! - If it tries again (or the customer does), a `USER0002` ("customer already exists") on
//!   that try may be its own earlier registration: treat it as "probably registered", and
//!   let the customer log in (or reset the password) instead of reporting a conflict.
//! - Never loop: one more try at most, after a pause, and log the unknown outcome (the
//!   error's `Display` holds no personal data) so that it can be reconciled with Cleeng.
//!
//! A failure to connect ([`Delivery::NotSent`]) is different: nothing was sent, and the client
//! has already retried it, with a doubling backoff, within the call's timeout.
//!
//! # Timeouts
//!
//! Two, both configurable on [`ClientBuilder`]: the connect timeout (3 s by default: TCP and
//! TLS) and the whole call's (10 s by default: connect retries, the request and the whole
//! answer). The defaults are for a person waiting on a registration form: an answer after
//! 10 s is worth less than an honest "we could not tell", and a shorter connect timeout leaves
//! room for one retry of a connection that could not be opened. A connect timeout longer than
//! the call's is cut to it. A service behind its own deadline (a gateway's
//! `--upstream-timeout`) sets the call's timeout to fit inside it.
//!
//! # Secrets
//!
//! The password leaves only in the request body, from a buffer wiped when the request is done
//! (hyper may copy a small body into its own write buffer first, which is not). Tokens and the
//! JWT stay in the response crate's wiped types, whose `Debug` is redacted. No `Debug` or
//! `Display` of this crate (the client, its builder, an error, an [`Answer`]) shows a
//! password, a token or a JWT, and the client writes no log lines.
//!
//! # Why hyper-util's client, not reqwest
//!
//! A service that uses `cleeng-register-axum` already builds hyper, hyper-util, http-body-util
//! and Tokio; hyper-util's `legacy::Client` is the pooled, keep-alive client that reqwest itself
//! is built on. What this crate adds for HTTPS is rustls (with *ring* and Mozilla's roots from
//! `webpki-roots`, so no OpenSSL, no system certificate store, no C library but *ring*'s) and
//! hyper-rustls; reqwest would add the same plus its own layer (URL parsing, redirects,
//! cookies, proxies from the environment: none of which a single `POST` to a fixed host
//! wants). TLS uses *ring*, whose provider rustls 0.23.48 deprecates because it has no
//! post-quantum key exchange (TLS 1.3 with X25519, as most clients today); rustls' other
//! provider, aws-lc-rs, has it but compiles a large C library with cmake. Moving to it is one
//! line in `ClientBuilder::build` and a feature in `Cargo.toml`. And the one question this client exists to answer, whether the request may have
//! been written, is read directly from hyper-util's `is_connect()`; reqwest's error kinds
//! are one step further from it.
//!
//! # Register a customer: from an axum handler to the answer
//!
//! Validate the body at the edge (`cleeng-register-axum` fills `customerIP` from the
//! connection, which Cleeng needs for US and Canadian taxes), send it, and answer with
//! [`Answer`]: Cleeng's envelope on success, Cleeng's status and code for its refusals, 502 or
//! 504 otherwise. The README's handler does the same; this one also logs what a support desk
//! needs, and no secret.
//!
//! ```no_run
//! use std::net::SocketAddr;
//! use axum::extract::{FromRef, State};
//! use axum::http::{header, StatusCode};
//! use axum::response::{IntoResponse, Response};
//! use axum::{routing::post, Router};
//! use cleeng_register::Policy;
//! use cleeng_register_axum::{CustomerIpSource, RegistrationConfig, ValidRegistration};
//! use cleeng_register_client::{Answer, Client, Environment, RegisterError};
//!
//! #[derive(Clone)]
//! struct App {
//!     registration: RegistrationConfig,
//!     cleeng: Client,
//! }
//!
//! impl FromRef<App> for RegistrationConfig {
//!     fn from_ref(app: &App) -> Self {
//!         app.registration.clone()
//!     }
//! }
//!
//! async fn register(State(app): State<App>, valid: ValidRegistration) -> Response {
//!     let result = app.cleeng.register(&valid.request).await;
//!     match &result {
//!         Ok(registered) => eprintln!("registered customer {}", registered.customer_id()),
//!         Err(RegisterError::Refused { error, .. }) => eprintln!("refused: {}", error.code()),
//!         Err(error) => eprintln!("registration failed: {error}"),
//!     }
//!     let answer = Answer::for_result(&result);
//!     let status = StatusCode::from_u16(answer.status()).expect("the answer's status is valid");
//!     (status, [(header::CONTENT_TYPE, answer.content_type())], answer.into_body()).into_response()
//! }
//!
//! # async fn serve() -> Result<(), Box<dyn std::error::Error>> {
//! let app = App {
//!     registration: RegistrationConfig::new(Policy::default())
//!         .with_customer_ip(CustomerIpSource::Peer),
//!     cleeng: Client::new(Environment::Sandbox),
//! };
//! let router = Router::new().route("/customers", post(register)).with_state(app);
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
//! axum::serve(listener, router.into_make_service_with_connect_info::<SocketAddr>()).await?;
//! # Ok(()) }
//! ```
//!
//! The invalid body never gets to `register`: the extractor answers it with its problem
//! document. The project's `gateway` example (`--upstream sandbox`) is this handler with
//! logs and a hardened edge.
//!
//! [`RegisterRequest`]: cleeng_register::RegisterRequest
//! [`RegisterResponse::from_json`]: cleeng_register_response::RegisterResponse::from_json
//! [`CleengError::from_json`]: cleeng_register_response::CleengError::from_json

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod answer;
mod base_url;
mod client;
mod error;

pub use answer::Answer;
pub use base_url::{BaseUrl, BaseUrlError, Environment};
pub use client::{Client, ClientBuilder, USER_AGENT_VALUE};
pub use error::{Delivery, RegisterError};

/// The README's example, compiled as a doc test.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
