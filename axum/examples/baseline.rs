//! The baseline of the gateway's load figures: what a service would be without the crate. A
//! plain axum service, served by `axum::serve`, whose `POST /customers` takes `axum::Json` of a
//! struct of `String` fields (JSON syntax and types checked, nothing else) and answers
//! `{"valid":true,"advisories":[]}`; it accepts the load generator's invalid body too. No
//! logging.
//!
//! ```text
//! cargo run --release -p cleeng-register-axum --example baseline -- [--listen 127.0.0.1:8081]
//! ```
//!
//! `load --baseline ADDR` measures the gateway and this in turns and prints the ratio.

use std::net::SocketAddr;

use axum::routing::post;
use axum::{Json, Router};
use clap::Parser;

/// A plain axum service of `Json<String fields>`, the gateway's baseline.
#[derive(Debug, Parser)]
#[command(name = "baseline")]
struct Args {
    /// Where to listen.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8081")]
    listen: SocketAddr,
}

#[path = "../benches/common/plain.rs"]
mod plain;
use plain::Plain;

/// `{"valid":true,"advisories":[]}`, typed as the gateway's answer is.
#[derive(serde::Serialize)]
struct Verdict {
    valid: bool,
    advisories: [(); 0],
}

async fn register(Json(body): Json<Plain>) -> Json<Verdict> {
    std::hint::black_box(body);
    Json(Verdict {
        valid: true,
        advisories: [],
    })
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let args = Args::parse();
    let app = Router::new().route("/customers", post(register));
    let listener = tokio::net::TcpListener::bind(args.listen).await?;
    println!("listening on http://{}", listener.local_addr()?);
    // Ctrl-C ends it cleanly, so that a profiler (callgrind) running it writes its counts.
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}
