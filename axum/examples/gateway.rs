//! A registration gateway: validates `POST /customers` bodies at the edge and answers with the
//! verdict. Made to be copied into production, so it holds at a public edge: what it
//! guarantees is listed below.
//!
//! ```text
//! cargo run --release -p cleeng-register-axum --example gateway -- [OPTIONS]
//!     --listen ADDR             where to listen [default: 127.0.0.1:8080]
//!     --policy FILE             the policy (JSON); the defaults otherwise
//!     --fill-customer-ip        fill an absent customerIP from the peer
//!     --trusted-proxy CIDR      a proxy network whose X-Forwarded-For is believed (repeatable;
//!                               implies --fill-customer-ip)
//!     --invalid-status 400|422  the status of an invalid body [default: 400]
//!     --header-timeout SECONDS  request head [default: 10]
//!     --idle-timeout SECONDS    keep-alive connection between requests [default: 60]
//!     --body-timeout SECONDS    request body, from the end of its head [default: 30]
//!     --max-connections N       open connections at once [default: 512]
//!     --shutdown-grace SECONDS  for requests in flight after SIGTERM or Ctrl-C [default: 10]
//! ```
//!
//! Seconds may have a fraction (`0.5`). `--help` and `--version` say so too; a usage error
//! (an unknown or mistyped option, which gets a suggestion, a bad value, an unreadable or
//! invalid policy) exits with status 2.
//!
//! # Routes
//!
//! - `POST /customers`: 200 `{"valid":true,"advisories":[...]}` for a valid body, else the
//!   extractor's 415, 413, 408 or 400/422 `application/problem+json`.
//! - `GET /schema.json`: the JSON Schema of the body a client must send: under the policy,
//!   with `customerIP` optional when the gateway fills it (`--fill-customer-ip`,
//!   `--trusted-proxy`), whatever the policy requires.
//! - `GET /`: the registration form of `axum/form` (see its README), which checks a body with
//!   `/schema.json` and words its errors with `/messages.json`.
//! - `GET /messages.json`: the crate's sentence for every rule of every field, under the
//!   same view of the policy as the schema.
//! - `GET /openapi.json`: the crate's OpenAPI 3.1 document of Cleeng's `POST /customers`,
//!   under the same client's view of the policy.
//!
//! Routes are declared in one function, [`router`]; add one there.
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
//! - Over `--max-connections` open connections, a new connection is closed as soon as it is
//!   accepted (refused, no answer); memory is bounded by the cap.
//! - On SIGTERM or Ctrl-C it stops accepting, lets requests in flight finish for at most
//!   `--shutdown-grace`, closes what is left, and exits 0.
//! - Logs (with `tracing`, to standard error; `RUST_LOG` sets the level, default `info`) have
//!   one line per request: method, path (no query, at most 100 bytes), status, time, and the
//!   advisory codes or the refusal's codes and pointers. Never a body value or a header value;
//!   a pointer (which names a key the client sent) is written as a JSON string with control
//!   characters and line breaks escaped, so a client cannot forge a log line or send a
//!   terminal escape. Lines are buffered and written out every 100 ms (and at exit): a line
//!   per system call would cost more than the request; a process that is killed loses at most
//!   its last 100 ms of lines. With `info` off there is no log layer at all.

use std::fmt;
use std::io::{BufWriter, Stderr, Write};
use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::{FromRef, Request, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Json, Router};
use clap::{Parser, ValueEnum};
use cleeng_register::{schema, Advisories, Policy};
use cleeng_register_axum::edge::{self, EdgeLimits};
use cleeng_register_axum::{
    CustomerIpSource, InvalidStatus, Refused, RegistrationConfig, ValidRegistration,
};
use ipnet::IpNet;
use tracing_subscriber::fmt::format::{self, FormatEvent, FormatFields};
use tracing_subscriber::fmt::writer::MutexGuardWriter;
use tracing_subscriber::fmt::{FmtContext, MakeWriter};
use tracing_subscriber::registry::LookupSpan;
use tracing_subscriber::EnvFilter;

/// Validates Cleeng registration bodies (POST /customers) at the edge of a service.
#[derive(Debug, Parser)]
#[command(name = "gateway", version)]
struct Args {
    /// Where to listen.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
    listen: SocketAddr,
    /// The policy, a JSON file; the defaults otherwise.
    #[arg(long, value_name = "FILE", value_parser = read_policy)]
    policy: Option<Policy>,
    /// Fill an absent customerIP from the connection's peer.
    #[arg(long)]
    fill_customer_ip: bool,
    /// A proxy network whose X-Forwarded-For is believed; repeat for several. Implies
    /// --fill-customer-ip.
    #[arg(long = "trusted-proxy", value_name = "CIDR")]
    trusted_proxies: Vec<IpNet>,
    /// The status of an answer to an invalid body.
    #[arg(long, value_name = "STATUS", default_value = "400")]
    invalid_status: StatusArg,
    /// Seconds a request head may take to arrive in full: the first from the connection's
    /// opening, a later one from its first byte.
    #[arg(long, value_name = "SECONDS", value_parser = positive_seconds,
          default_value_t = Seconds(EdgeLimits::DEFAULT_HEADER_TIMEOUT))]
    header_timeout: Seconds,
    /// Seconds a keep-alive connection may stay idle after an answer before it is closed.
    #[arg(long, value_name = "SECONDS", value_parser = positive_seconds,
          default_value_t = Seconds(EdgeLimits::DEFAULT_IDLE_TIMEOUT))]
    idle_timeout: Seconds,
    /// Seconds a request body may take to arrive in full, from the end of its head (then 408).
    #[arg(long, value_name = "SECONDS", value_parser = positive_seconds,
          default_value_t = Seconds(EdgeLimits::DEFAULT_BODY_TIMEOUT))]
    body_timeout: Seconds,
    /// The most connections open at once; more are refused.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..),
          default_value_t = EdgeLimits::DEFAULT_MAX_CONNECTIONS as u32)]
    max_connections: u32,
    /// Seconds requests in flight may take after SIGTERM or Ctrl-C before the connections left
    /// are closed.
    #[arg(long, value_name = "SECONDS", value_parser = seconds,
          default_value_t = Seconds(EdgeLimits::DEFAULT_SHUTDOWN_GRACE))]
    shutdown_grace: Seconds,
}

#[derive(Copy, Clone, Debug, ValueEnum)]
enum StatusArg {
    #[value(name = "400")]
    BadRequest,
    #[value(name = "422")]
    UnprocessableContent,
}

/// A duration given in seconds, with an optional fraction.
#[derive(Copy, Clone, Debug)]
struct Seconds(Duration);

impl fmt::Display for Seconds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.as_secs_f64())
    }
}

fn seconds(text: &str) -> Result<Seconds, String> {
    let number: f64 = text
        .parse()
        .map_err(|_| "expected a number of seconds, such as 10 or 0.5".to_owned())?;
    if number.is_sign_negative() {
        return Err("expected a number of seconds that is not negative".to_owned());
    }
    Duration::try_from_secs_f64(number)
        .map(Seconds)
        .map_err(|_| "expected a finite number of seconds, such as 10 or 0.5".to_owned())
}

fn positive_seconds(text: &str) -> Result<Seconds, String> {
    let seconds = seconds(text)?;
    if seconds.0.is_zero() {
        return Err("expected more than 0 seconds".to_owned());
    }
    Ok(seconds)
}

fn read_policy(path: &str) -> Result<Policy, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    Policy::from_json(&bytes).map_err(|e| format!("{path}: {e}"))
}

impl Args {
    fn registration(&self) -> RegistrationConfig {
        let customer_ip = match (self.fill_customer_ip, self.trusted_proxies.is_empty()) {
            (_, false) => CustomerIpSource::TrustedProxies(self.trusted_proxies.clone()),
            (true, true) => CustomerIpSource::Peer,
            (false, true) => CustomerIpSource::Off,
        };
        let invalid_status = match self.invalid_status {
            StatusArg::BadRequest => InvalidStatus::BadRequest,
            StatusArg::UnprocessableContent => InvalidStatus::UnprocessableContent,
        };
        RegistrationConfig::new(self.policy.clone().unwrap_or_default())
            .with_customer_ip(customer_ip)
            .with_invalid_status(invalid_status)
    }

    fn limits(&self) -> EdgeLimits {
        let mut limits = EdgeLimits::default();
        limits.header_timeout = self.header_timeout.0;
        limits.idle_timeout = self.idle_timeout.0;
        limits.body_timeout = self.body_timeout.0;
        limits.max_connections = self.max_connections as usize;
        limits.shutdown_grace = self.shutdown_grace.0;
        limits
    }
}

/// The router state: the extractor's configuration and the two documents, serialized once.
#[derive(Clone)]
struct Gateway {
    registration: RegistrationConfig,
    schema: Bytes,
    openapi: Bytes,
    messages: Bytes,
}

impl FromRef<Gateway> for RegistrationConfig {
    fn from_ref(gateway: &Gateway) -> Self {
        gateway.registration.clone()
    }
}

/// The answer to a valid body, `{"valid":true,"advisories":[...]}`, in that order.
#[derive(serde::Serialize)]
struct Valid {
    valid: bool,
    advisories: Advisories,
}

/// A refusal answers by itself (the extractor's rejection); a valid body gets the verdict,
/// with its advisories in the response's extensions for the log line (when there is one).
async fn register(ValidRegistration { advisories, .. }: ValidRegistration) -> Response {
    // Forward the request to Cleeng here; it serializes to the Cleeng body.
    let verdict = Json(Valid {
        valid: true,
        advisories,
    });
    if logging() {
        (Extension(advisories), verdict).into_response()
    } else {
        verdict.into_response()
    }
}

/// The registration form of `axum/form`, with its Ajv bundle and its script inlined, so that
/// one route serves it: it checks a body against `/schema.json`, words the errors with
/// `/messages.json`, and posts it to `/customers`.
async fn form_page() -> axum::response::Html<&'static str> {
    static PAGE: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        let ajv = format!("<script>{}</script>", include_str!("../form/ajv2020.js"));
        let script = format!("<script>{}</script>", include_str!("../form/form.js"));
        include_str!("../form/index.html")
            .replace(r#"<script src="ajv2020.js"></script>"#, &ajv)
            .replace(r#"<script src="form.js"></script>"#, &script)
    });
    axum::response::Html(PAGE.as_str())
}

async fn messages_json(State(gateway): State<Gateway>) -> Response {
    json_document(&gateway.messages)
}

fn json_document(bytes: &Bytes) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], bytes.clone()).into_response()
}

async fn schema_json(State(gateway): State<Gateway>) -> Response {
    json_document(&gateway.schema)
}

async fn openapi_json(State(gateway): State<Gateway>) -> Response {
    json_document(&gateway.openapi)
}

/// The gateway's routes: add a route here. The documents describe what a client must send,
/// so they are made from the client's view of the policy. Requests are logged when the log
/// level lets `info` through; otherwise there is no log layer at all.
fn router(registration: RegistrationConfig) -> Router {
    let policy = registration.client_policy();
    let document = |value: serde_json::Value| -> Bytes {
        serde_json::to_vec_pretty(&value)
            .expect("a JSON value serializes")
            .into()
    };
    let gateway = Gateway {
        schema: document(schema::request_schema(policy)),
        openapi: document(cleeng_register_response::openapi::document(policy)),
        messages: document(schema::messages::document(policy)),
        registration,
    };
    let routes = Router::new()
        .route("/", get(form_page))
        .route("/messages.json", get(messages_json))
        .route("/customers", post(register))
        .route("/schema.json", get(schema_json))
        .route("/openapi.json", get(openapi_json))
        .fallback(|| async { StatusCode::NOT_FOUND });
    let routes = if logging() {
        routes.layer(LogRequestsLayer)
    } else {
        routes
    };
    routes.with_state(gateway)
}

/// Whether request lines are written: `RUST_LOG` is read once, at start.
fn logging() -> bool {
    tracing::enabled!(tracing::Level::INFO)
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
struct LogRequestsLayer;

impl<S> tower::Layer<S> for LogRequestsLayer {
    type Service = LogRequests<S>;

    fn layer(&self, inner: S) -> LogRequests<S> {
        LogRequests(inner)
    }
}

#[derive(Clone)]
struct LogRequests<S>(S);

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
struct Logged<F> {
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
/// at 100 bytes), status, time, and the advisories or the refusal. The path is written as a
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
    tracing::info!(
        %method,
        path,
        status = response.status().as_u16(),
        micros,
        advisories = advisories.map(|a| tracing::field::display(Codes(a))),
        refused = refused.map(|r| tracing::field::display(r.rejection())),
    );
}

async fn shutdown_signal(grace: Duration) {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    let signal = tokio::select! {
        () = ctrl_c => "Ctrl-C",
        () = terminate => "SIGTERM",
    };
    tracing::info!(
        grace_seconds = grace.as_secs_f64(),
        "{signal}: shutting down"
    );
}

/// RFC 3339 time stamps in UTC to the microsecond (`2026-11-30T05:59:34.123456Z`), the date
/// and time of day formatted once a second and reused: formatting a date costs as much as the
/// rest of a request's log line.
struct CachedTime;

thread_local! {
    /// The second last formatted on this thread, and its text without the `Z`.
    static SECOND: std::cell::RefCell<(i64, String)> = const {
        std::cell::RefCell::new((i64::MIN, String::new()))
    };
}

impl tracing_subscriber::fmt::time::FormatTime for CachedTime {
    fn format_time(&self, w: &mut tracing_subscriber::fmt::format::Writer<'_>) -> fmt::Result {
        let now = jiff::Timestamp::now();
        let second = now.as_second();
        SECOND.with_borrow_mut(|(cached, text)| {
            if *cached != second {
                *cached = second;
                text.clear();
                let whole = jiff::Timestamp::from_second(second).expect("now is a valid time");
                fmt::Write::write_fmt(text, format_args!("{whole}"))?;
                text.pop(); // the `Z`
            }
            write!(w, "{text}.{:06}Z", now.subsec_microsecond())
        })
    }
}

/// Standard error behind a 64 KiB buffer shared by the threads that log: a request's line is
/// copied in under a lock held for the copy; a thread writes the buffer out every 100 ms, and
/// a line that does not fit writes it out at once. Writing each line with its own system call
/// (what `std::io::stderr` does) costs more than formatting it, and much more when the
/// runtime's threads queue for the stream's lock; batched, what a line costs is its making
/// (about a sixth of a request's instructions, 5,600 against 31,000: see `benches/README.md`). The price: a line reaches the log up to 100 ms after its request, and
/// a process that is killed (`SIGKILL`) or aborts loses those 100 ms of lines. The gateway
/// writes the rest out when it stops.
#[derive(Clone)]
struct LogBuffer(Arc<Mutex<BufWriter<Stderr>>>);

impl LogBuffer {
    const CAPACITY: usize = 64 * 1024;
    const FLUSH_EVERY: Duration = Duration::from_millis(100);

    /// The buffer, and the thread that writes it out.
    fn start() -> LogBuffer {
        let buffer = LogBuffer(Arc::new(Mutex::new(BufWriter::with_capacity(
            Self::CAPACITY,
            std::io::stderr(),
        ))));
        let flusher = buffer.clone();
        std::thread::Builder::new()
            .name("log-flush".into())
            .spawn(move || loop {
                std::thread::sleep(Self::FLUSH_EVERY);
                flusher.flush();
            })
            .expect("a thread can be started at start-up");
        buffer
    }

    /// Writes out what is buffered. A failure to write to standard error cannot be logged;
    /// the lines are dropped.
    fn flush(&self) {
        let mut buffer = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let _ = buffer.flush();
    }
}

impl<'a> MakeWriter<'a> for LogBuffer {
    type Writer = MutexGuardWriter<'a, BufWriter<Stderr>>;

    fn make_writer(&'a self) -> Self::Writer {
        self.0.make_writer()
    }
}

/// A log line as tracing-subscriber's default format writes it for the gateway's events (no
/// spans, no colours): `2026-11-30T05:59:34.123456Z  INFO gateway: message key=value ...`,
/// text values quoted and escaped as `Debug` escapes them. Written with one `write_str` a
/// piece instead of the default's `write!` a field: a line per request is most of what
/// logging costs.
struct Line;

impl<S, N> FormatEvent<S, N> for Line
where
    S: tracing::Subscriber + for<'a> LookupSpan<'a>,
    N: for<'a> FormatFields<'a> + 'static,
{
    fn format_event(
        &self,
        _: &FmtContext<'_, S, N>,
        mut line: format::Writer<'_>,
        event: &tracing::Event<'_>,
    ) -> fmt::Result {
        use tracing_subscriber::fmt::time::FormatTime;
        CachedTime.format_time(&mut line)?;
        let metadata = event.metadata();
        line.write_str(match *metadata.level() {
            tracing::Level::ERROR => " ERROR ",
            tracing::Level::WARN => "  WARN ",
            tracing::Level::INFO => "  INFO ",
            tracing::Level::DEBUG => " DEBUG ",
            tracing::Level::TRACE => " TRACE ",
        })?;
        line.write_str(metadata.target())?;
        line.write_str(":")?;
        let mut fields = Fields {
            line: &mut line,
            result: Ok(()),
        };
        event.record(&mut fields);
        fields.result?;
        line.write_str("\n")
    }
}

/// Writes an event's fields after its target: the message as it is, the rest `name=value`.
struct Fields<'w, 'l> {
    line: &'w mut format::Writer<'l>,
    result: fmt::Result,
}

impl Fields<'_, '_> {
    fn name(&mut self, field: &tracing::field::Field) {
        if self.result.is_ok() {
            self.result = self.line.write_str(" ").and_then(|()| {
                if field.name() == "message" {
                    Ok(())
                } else {
                    self.line.write_str(field.name())?;
                    self.line.write_str("=")
                }
            });
        }
    }
}

impl tracing::field::Visit for Fields<'_, '_> {
    fn record_str(&mut self, field: &tracing::field::Field, value: &str) {
        if field.name() == "message" {
            self.record_debug(field, &format_args!("{value}"));
        } else {
            self.record_debug(field, &value);
        }
    }

    fn record_u64(&mut self, field: &tracing::field::Field, value: u64) {
        self.name(field);
        if self.result.is_ok() {
            self.result = self.line.write_str(itoa::Buffer::new().format(value));
        }
    }

    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn fmt::Debug) {
        self.name(field);
        if self.result.is_ok() {
            self.result = write!(self.line, "{value:?}");
        }
    }
}

/// Logs to standard error through a [`LogBuffer`], at the level `RUST_LOG` says (`info` by
/// default).
fn init_logs() -> LogBuffer {
    let buffer = LogBuffer::start();
    tracing_subscriber::fmt()
        .with_writer(buffer.clone())
        .event_format(Line)
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .init();
    buffer
}

#[tokio::main]
async fn main() -> ExitCode {
    // Usage errors exit with 2, `--help` and `--version` with 0.
    let args = Args::parse();
    let logs = init_logs();
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
    tracing::info!(%addr, customer_ip = ?registration.customer_ip(), ?limits, "listening");
    // For scripts (and the example's tests): the address actually bound, on standard output.
    println!("listening on http://{addr}");
    let grace = limits.shutdown_grace;
    let stopped = edge::serve(
        listener,
        router(registration),
        limits,
        shutdown_signal(grace),
    )
    .await;
    tracing::info!(cut = stopped.cut, refused = stopped.refused, "stopped");
    logs.flush();
    ExitCode::SUCCESS
}
