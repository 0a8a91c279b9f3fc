//! A registration gateway: validates `POST /customers` bodies at the edge and answers with the
//! verdict. Logs (with `tracing`, to standard error) say what happened to each request, never
//! what it contained.
//!
//! ```text
//! cargo run -p cleeng-register-axum --example gateway -- [--listen ADDR] [--policy FILE]
//!     [--fill-customer-ip] [--trusted-proxy CIDR]... [--invalid-status 400|422]
//! ```
//!
//! - `POST /customers`: 200 `{"valid":true,"advisories":[...]}` for a valid body, else the
//!   extractor's 415, 413 or 400/422 `application/problem+json`.
//! - `GET /schema.json`: the JSON Schema of the body under the policy.
//! - `GET /`: the registration form of `axum/form` (see its README).
//! - `GET /messages.json`: the crate's messages for the policy, which the form shows.
//! - `GET /openapi.json`: the crate's OpenAPI 3.1 document of Cleeng's `POST /customers`,
//!   under the gateway's policy (the same as `cleeng-register openapi --policy`).
//!
//! `--fill-customer-ip` fills an absent `customerIP` from the peer; each `--trusted-proxy`
//! (which implies it) names a proxy network whose `X-Forwarded-For` is believed. `RUST_LOG`
//! sets the log level (default `info`). Ctrl-C or SIGTERM stops it after the requests in flight.

use std::net::SocketAddr;
use std::time::Instant;

use axum::body::Bytes;
use axum::extract::{FromRef, Request};
use axum::http::{header, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use cleeng_register::{schema, Policy};
use cleeng_register_axum::{
    CustomerIpSource, InvalidStatus, RegistrationConfig, RegistrationRejection, ValidRegistration,
};

const USAGE: &str = "usage: gateway [--listen ADDR] [--policy FILE] [--fill-customer-ip] \
[--trusted-proxy CIDR]... [--invalid-status 400|422]";

/// What the command line asks for.
struct Options {
    listen: SocketAddr,
    policy: Policy,
    customer_ip: CustomerIpSource,
    invalid_status: InvalidStatus,
}

fn parse_options(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut listen: SocketAddr = "127.0.0.1:8080".parse().expect("a valid default address");
    let mut policy = Policy::default();
    let mut fill = false;
    let mut trusted = Vec::new();
    let mut invalid_status = InvalidStatus::BadRequest;
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--listen" => {
                listen = value("--listen")?
                    .parse()
                    .map_err(|_| "--listen needs an address such as 127.0.0.1:8080")?;
            }
            "--policy" => {
                let path = value("--policy")?;
                let bytes = std::fs::read(&path).map_err(|e| format!("{path}: {e}"))?;
                policy = Policy::from_json(&bytes).map_err(|e| format!("{path}: {e}"))?;
            }
            "--fill-customer-ip" => fill = true,
            "--trusted-proxy" => trusted.push(
                value("--trusted-proxy")?
                    .parse::<ipnet::IpNet>()
                    .map_err(|_| "--trusted-proxy needs a network such as 10.0.0.0/8")?,
            ),
            "--invalid-status" => {
                invalid_status = match value("--invalid-status")?.as_str() {
                    "400" => InvalidStatus::BadRequest,
                    "422" => InvalidStatus::UnprocessableContent,
                    _ => return Err("--invalid-status is 400 or 422".into()),
                }
            }
            "-h" | "--help" => return Err(USAGE.into()),
            other => return Err(format!("unknown argument {other:?}\n{USAGE}")),
        }
    }
    let customer_ip = match (fill, trusted.is_empty()) {
        (_, false) => CustomerIpSource::TrustedProxies(trusted),
        (true, true) => CustomerIpSource::Peer,
        (false, true) => CustomerIpSource::Off,
    };
    Ok(Options {
        listen,
        policy,
        customer_ip,
        invalid_status,
    })
}

/// The router state: the extractor's configuration and the two documents, serialized once.
#[derive(Clone)]
struct Gateway {
    registration: RegistrationConfig,
    schema: Bytes,
    openapi: Bytes,
}

impl FromRef<Gateway> for RegistrationConfig {
    fn from_ref(gateway: &Gateway) -> Self {
        gateway.registration.clone()
    }
}

fn json_document(bytes: &Bytes) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], bytes.clone()).into_response()
}

/// The answer to a valid body, `{"valid":true,"advisories":[...]}`, in that order.
#[derive(serde::Serialize)]
struct Valid {
    valid: bool,
    advisories: cleeng_register::Advisories,
}

async fn register(registration: Result<ValidRegistration, RegistrationRejection>) -> Response {
    match registration {
        Ok(ValidRegistration { advisories, .. }) => {
            let codes: Vec<&str> = advisories.iter().map(|a| a.as_str()).collect();
            tracing::info!(?codes, "valid registration");
            Json(Valid {
                valid: true,
                advisories,
            })
            .into_response()
        }
        Err(rejection) => {
            // The rejection's text names pointers and codes only, never a value.
            tracing::info!(status = rejection.status().as_u16(), %rejection, "refused");
            rejection.into_response()
        }
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

/// The crate's messages for the gateway's policy (`cleeng_register::schema::messages`), which the
/// form words its errors with.
async fn messages_document(
    axum::extract::State(config): axum::extract::State<RegistrationConfig>,
) -> Response {
    Json(cleeng_register::schema::messages::document(config.policy())).into_response()
}

/// One line per request: method, path (not the query, which may hold personal data), status,
/// time. Never a header value or a body.
async fn log_request(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let response = next.run(request).await;
    tracing::info!(
        %method,
        path,
        status = response.status().as_u16(),
        micros = started.elapsed().as_micros() as u64,
        "request"
    );
    response
}

fn router(options: &Options) -> Router {
    let registration = RegistrationConfig::new(options.policy.clone())
        .with_customer_ip(options.customer_ip.clone())
        .with_invalid_status(options.invalid_status);
    let schema = schema::request_schema(&options.policy);
    let openapi = cleeng_register_response::openapi::document(&options.policy);
    let gateway = Gateway {
        registration,
        schema: serde_json::to_vec_pretty(&schema)
            .expect("a JSON value serializes")
            .into(),
        openapi: serde_json::to_vec_pretty(&openapi)
            .expect("a JSON value serializes")
            .into(),
    };
    Router::new()
        .route("/", get(form_page))
        .route("/messages.json", get(messages_document))
        .route("/customers", post(register))
        .route(
            "/schema.json",
            get(|s: axum::extract::State<Gateway>| async move { json_document(&s.schema) }),
        )
        .route(
            "/openapi.json",
            get(|s: axum::extract::State<Gateway>| async move { json_document(&s.openapi) }),
        )
        .fallback(|| async { StatusCode::NOT_FOUND })
        .layer(middleware::from_fn(log_request))
        .with_state(gateway)
}

async fn shutdown_signal() {
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
    tokio::select! {
        () = ctrl_c => tracing::info!("Ctrl-C: shutting down"),
        () = terminate => tracing::info!("SIGTERM: shutting down"),
    }
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .init();
    let options = match parse_options(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("{message}");
            return std::process::ExitCode::from(2);
        }
    };
    let listener = match tokio::net::TcpListener::bind(options.listen).await {
        Ok(listener) => listener,
        Err(e) => {
            eprintln!("cannot listen on {}: {e}", options.listen);
            return std::process::ExitCode::from(2);
        }
    };
    let addr = listener
        .local_addr()
        .expect("a bound listener has an address");
    tracing::info!(%addr, customer_ip = ?options.customer_ip, "listening");
    // For scripts (and the example's test): the address actually bound, on standard output.
    println!("listening on http://{addr}");
    let app = router(&options).into_make_service_with_connect_info::<SocketAddr>();
    if let Err(e) = axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await
    {
        eprintln!("server error: {e}");
        return std::process::ExitCode::FAILURE;
    }
    tracing::info!("stopped");
    std::process::ExitCode::SUCCESS
}
