//! A registration gateway: validates `POST /customers` bodies at the edge and answers with the
//! verdict. Made to be copied into production, so it holds at a public edge: what it
//! guarantees is listed below.
//!
//! ```text
//! cargo run --release -p cleeng-register-axum --example gateway -- [OPTIONS]
//!     --listen ADDR             where to listen [default: 127.0.0.1:8080]
//!     --policy FILE             the policy (JSON); the defaults otherwise
//!     --fill-customer-ip        fill an absent customerIP from the peer
//!     --override-customer-ip    replace a customerIP in the body too (browsers post here
//!                               directly); implies --fill-customer-ip
//!     --trusted-proxy CIDR      a proxy network whose X-Forwarded-For is believed (repeatable;
//!                               implies --fill-customer-ip)
//!     --invalid-status 400|422  the status of an invalid body [default: 400]
//!     --header-timeout SECONDS  request head [default: 10]
//!     --idle-timeout SECONDS    keep-alive connection between requests [default: 60]
//!     --body-timeout SECONDS    request body, from the end of its head [default: 30]
//!     --write-timeout SECONDS   an answer to a client that does not read it [default: 30]
//!     --max-connections N       open connections at once [default: 512]
//!     --shutdown-grace SECONDS  for requests in flight after SIGTERM or Ctrl-C [default: 10]
//!     --upstream URL|sandbox|production
//!                               register valid bodies there (POST <URL>/customers)
//!     --upstream-timeout SECONDS  the upstream's whole registration [default: 10]
//!     --offer-id ID             the offer the customer's form sends [default: S565568989_US,
//!                               unless --publisher-id is given]
//!     --publisher-id ID         the publisher the customer's form sends instead
//!     --locale LOCALE           the locale the customer's form sends [default: en_US]
//!     --currency CODE           the currency the customer's form sends [default: USD]
//! ```
//!
//! Seconds may have a fraction (`0.5`); a time limit is from 0.001 to 3153600000 (100 years),
//! the grace period from 0. `--help` and `--version` say so too; a usage error
//! (an unknown or mistyped option, which gets a suggestion, a bad value, an unreadable or
//! invalid policy) exits with status 2.
//!
//! # Routes
//!
//! - `POST /customers`: 200 `{"valid":true,"advisories":[...]}` for a valid body (advisories
//!   worded in the language of `Accept-Language`, as the refusals are), else the
//!   extractor's 415, 413, 408 or 400/422 `application/problem+json`. With `--upstream`, a
//!   valid body (its `customerIP` filled as configured) is registered there instead, with
//!   `cleeng-register-client`, and answered as its `Answer` says: 200 with Cleeng's envelope
//!   `{"responseData":{"customerId","customerToken","refreshToken","jwt"},"errors":[]}`;
//!   Cleeng's 400 `REQ0001`, 422 `USER0002`, 429 `CPT0001`/`CPT0002` with their status as a
//!   problem document with `cleengCode` and Cleeng's message as `detail`; 502 for Cleeng's
//!   5xx, an answer the response model refuses, or an upstream that cannot be reached; 504
//!   when no answer came within `--upstream-timeout` (`mayHaveReachedCleeng: true`: the
//!   customer may be registered). Never the upstream's body. An invalid body never reaches
//!   the upstream. See the `upstream` module.
//! - `GET /schema.json`: the JSON Schema of the body a client must send: under the policy,
//!   with `customerIP` optional when the gateway fills it (`--fill-customer-ip`,
//!   `--override-customer-ip`, `--trusted-proxy`), whatever the policy requires.
//! - `GET /`: the customer's registration form of `axum/form` (see its README): email,
//!   password, names and country, checked in the browser by the `cleeng-register` npm package;
//!   the site's values come from `GET /config.json` (`--offer-id` or `--publisher-id`,
//!   `--locale`, `--currency`). `GET /dev/`: the developer's form, every field. Their scripts,
//!   style and icon are files under `/assets/` (cached for good by their content's hash).
//! - `GET /messages.json`: the messages document in English, the catalog's words
//!   (`cleeng-register-messages`, as the refusals in English word them): every rule of every
//!   field with its message, naming the field by its label, under the same view of the policy
//!   as the schema.
//! - `GET /openapi.json`: the crate's OpenAPI 3.1 document of Cleeng's `POST /customers`,
//!   under the same client's view of the policy.
//!
//! Routes are merged in one function, [`routes::router`]: a concern with routes of its own
//! is a module with a `routes()` merged there.
//!
//! # What it guarantees
//!
//! Served by `cleeng_register_axum::edge::serve` (see that module for the details):
//!
//! - A connection that has not sent a whole request head within `--header-timeout` (counted
//!   from its opening for the first head, from its first byte for a later one) is closed; so
//!   is a keep-alive connection that sends nothing for `--idle-timeout` after an answer.
//! - A body that has not arrived in full within `--body-timeout` of its head is answered 408
//!   (a problem document, `Connection: close`) and its connection closed.
//! - A connection whose answer the client does not read (its socket takes no more bytes) and
//!   that has not caught up within `--write-timeout` is reset, and its slot freed.
//! - Over `--max-connections` open connections, a new connection is closed as soon as it is
//!   accepted (refused, no answer); memory is bounded by the cap.
//! - On SIGTERM or Ctrl-C it stops accepting, lets requests in flight finish for at most
//!   `--shutdown-grace`, closes what is left, and exits 0.
//! - Every answer carries `X-Content-Type-Options: nosniff` and `Referrer-Policy:
//!   no-referrer`; a page, a strict `Content-Security-Policy` (no inline script or style, no
//!   `eval`, never framed); an API answer `Cache-Control: no-store`, a static file `no-cache`
//!   (see `headers.rs`).
//! - Logs (with `tracing`, to standard error; `RUST_LOG` sets the level, default `info`) have
//!   one line per request: method, path (no query, at most 100 bytes), status, time, and the
//!   advisory codes or the refusal's codes and pointers; with `--upstream`, the upstream's
//!   status, its time, Cleeng's code and what failed (`upstream_status=422
//!   upstream_micros=5120 cleeng_code="USER0002" upstream_error="refused"`), never a token.
//!   Never a body value or a header value; a pointer (which names a key the client sent) is
//!   written as a JSON string with control characters and line breaks escaped, so a client
//!   cannot forge a log line or send a terminal escape. A refusal's codes and pointers take
//!   at most 3.5 KiB (the rest is counted, `; and N more`), so a line stays under 4 KiB.
//!   Lines are buffered and written out every 100 ms (and at exit): a line
//!   per system call would cost more than the request; a process that is killed loses at most
//!   its last 100 ms of lines. With `info` off there is no log layer at all.

use std::process::ExitCode;

use clap::Parser;
use cleeng_register_axum::{edge, CustomerIpSource};

mod args;
mod documents;
mod form;
mod headers;
mod logging;
mod register;
mod request_log;
mod routes;
mod shutdown;
mod state;
mod upstream;

#[tokio::main]
async fn main() -> ExitCode {
    // Usage errors exit with 2, `--help` and `--version` with 0.
    let args = args::Args::parse();
    let logs = logging::init_logs();
    let listener = match tokio::net::TcpListener::bind(args.listen).await {
        Ok(listener) => listener,
        Err(e) => {
            eprintln!("cannot listen on {}: {e}", args.listen);
            return ExitCode::from(2);
        }
    };
    let addr = listener
        .local_addr()
        .expect("a bound listener has an address");
    let registration = args.registration();
    let limits = args.limits();
    let upstream = args.upstream();
    tracing::info!(
        %addr,
        customer_ip = ?registration.customer_ip(),
        upstream = upstream.as_ref().map(|client| tracing::field::display(client.base_url())),
        ?limits,
        "listening"
    );
    if upstream.is_some() && matches!(registration.customer_ip(), CustomerIpSource::Off) {
        // Cleeng taxes US and Canadian customers by customerIP; a body without one is sent
        // without one.
        tracing::warn!("--upstream without --fill-customer-ip or --trusted-proxy: a body without customerIP reaches Cleeng without it");
    }
    // For scripts (and the example's tests): the address actually bound, on standard output.
    println!("listening on http://{addr}");
    let grace = limits.shutdown_grace;
    let stopped = edge::serve(
        listener,
        routes::router(registration, upstream, &args.page),
        limits,
        shutdown::shutdown_signal(grace),
    )
    .await;
    tracing::info!(cut = stopped.cut, refused = stopped.refused, "stopped");
    logs.flush();
    ExitCode::SUCCESS
}
