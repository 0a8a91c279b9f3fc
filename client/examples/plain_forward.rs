//! The baseline of the gateway's `--upstream` figures: a plain axum service that forwards the
//! body of `POST /customers` as it came, unvalidated, to `<upstream>/customers` with the same
//! HTTP client the `cleeng-register-client` crate uses (hyper-util's pooled client behind
//! hyper-rustls, HTTP/1.1, `TCP_NODELAY`), and answers with the upstream's status and body,
//! unparsed. No logging. For load measurements over loopback only (`load --baseline`).
//!
//! ```text
//! cargo run --release -p cleeng-register-client --example plain_forward -- \
//!     [--listen 127.0.0.1:8081] [--upstream http://127.0.0.1:8090]
//! ```
//!
//! The measurement: the `fast_double` example as the upstream of both, the gateway with
//! `RUST_LOG=warn --upstream http://<double>`, this with `--upstream http://<double>`, and
//! `load --addr <gateway> --baseline <this> --bodies valid` (the axum crate's examples).

use std::net::SocketAddr;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderValue, Request, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;
use http_body_util::{BodyExt, Full};
use hyper_rustls::HttpsConnector;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::{TokioExecutor, TokioTimer};

type HttpClient = Client<HttpsConnector<HttpConnector>, Full<Bytes>>;

#[derive(Clone)]
struct Forward {
    client: HttpClient,
    customers: axum::http::Uri,
}

fn arg(name: &str, default: &str) -> String {
    std::env::args()
        .skip_while(|arg| arg != name)
        .nth(1)
        .unwrap_or_else(|| default.into())
}

async fn register(State(forward): State<Forward>, body: Bytes) -> Response {
    let request = Request::post(forward.customers.clone())
        .header(header::CONTENT_TYPE, "application/json")
        .body(Full::new(body))
        .expect("a valid request");
    let Ok(answer) = forward.client.request(request).await else {
        return StatusCode::BAD_GATEWAY.into_response();
    };
    let status = answer.status();
    let Ok(body) = answer.into_body().collect().await else {
        return StatusCode::BAD_GATEWAY.into_response();
    };
    (
        status,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        body.to_bytes(),
    )
        .into_response()
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let listen: SocketAddr = arg("--listen", "127.0.0.1:8081")
        .parse()
        .expect("--listen takes an address");
    let upstream = arg("--upstream", "http://127.0.0.1:8090");
    let customers = format!("{}/customers", upstream.trim_end_matches('/'))
        .parse()
        .expect("--upstream takes a URL");
    let mut http = HttpConnector::new();
    http.enforce_http(false);
    http.set_nodelay(true);
    #[allow(deprecated)] // as in the client crate
    let provider = rustls::crypto::ring::default_provider();
    let connector = hyper_rustls::HttpsConnectorBuilder::new()
        .with_provider_and_webpki_roots(provider)
        .expect("ring supports the default protocol versions")
        .https_or_http()
        .enable_http1()
        .wrap_connector(http);
    let client = Client::builder(TokioExecutor::new())
        .pool_timer(TokioTimer::new())
        .build(connector);
    let app = Router::new()
        .route("/customers", post(register))
        .with_state(Forward { client, customers });
    let listener = tokio::net::TcpListener::bind(listen).await?;
    println!("listening on http://{}", listener.local_addr()?);
    axum::serve(listener, app).await
}
