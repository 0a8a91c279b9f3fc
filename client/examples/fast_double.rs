//! A fast stand-in for Cleeng's `POST /customers`, for load measurements over loopback only:
//! every `POST /customers` is answered 200 with the same success envelope (customer 7), at
//! once. Not a test double (that one is in `tests/it/double.rs`, with Cleeng's errors).
//!
//! ```text
//! cargo run --release -p cleeng-register-client --example fast_double -- [--listen 127.0.0.1:8090]
//! ```

use std::net::SocketAddr;

use axum::http::header;
use axum::routing::post;
use axum::Router;

/// Cleeng's success envelope; its JWT's claims: `{"customerId":7,"publisherId":20718285,"exp":1700000000}`.
const SUCCESS: &str = r#"{"responseData":{"customerId":7,"customerToken":"ct_abc","refreshToken":"rt_xyz","jwt":"eyJhbGciOiJub25lIn0.eyJjdXN0b21lcklkIjo3LCJwdWJsaXNoZXJJZCI6MjA3MTgyODUsImV4cCI6MTcwMDAwMDAwMH0.c2ln"},"errors":[]}"#;

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    let listen: SocketAddr = std::env::args()
        .skip_while(|arg| arg != "--listen")
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:8090".into())
        .parse()
        .expect("--listen takes an address such as 127.0.0.1:8090");
    assert!(
        listen.ip().is_loopback(),
        "the double listens on loopback only"
    );
    let app = Router::new().route(
        "/customers",
        post(|| async { ([(header::CONTENT_TYPE, "application/json")], SUCCESS) }),
    );
    let listener = tokio::net::TcpListener::bind(listen).await?;
    println!("listening on http://{}", listener.local_addr()?);
    axum::serve(listener, app).await
}
