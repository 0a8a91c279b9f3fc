//! A small load generator for the gateway, over loopback only: N concurrent keep-alive HTTP/1.1
//! connections send `POST /customers` until a request count or a time limit is reached, first
//! with a valid body, then with an invalid one, and report requests/s and latency percentiles.
//!
//! ```text
//! cargo run --release -p cleeng-register-axum --example gateway -- --listen 127.0.0.1:8080 &
//! RUST_LOG=warn ... (quieter logs measure the validation, not the log writes)
//! cargo run --release -p cleeng-register-axum --example load -- [--addr 127.0.0.1:8080]
//!     [--connections 16] [--requests 50000] [--seconds 10]
//! ```
//!
//! It refuses any address that is not a loopback address.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::client::conn::http1;
use hyper::Request;
use hyper_util::rt::TokioIo;

const VALID: &str = r#"{"email":"jane.doe@example.com","password":"s3cret-pass","offerId":"S565568989_US","locale":"en_US","country":"US","currency":"USD","customerIP":"8.8.8.8"}"#;
const INVALID: &str = r#"{"email":"jane@localhost","password":"short","offerId":"X565568989_UK","locale":"en-US","country":"UK","currency":"usd","customerIP":"8.8.8.300"}"#;

struct Options {
    addr: SocketAddr,
    connections: usize,
    requests: usize,
    seconds: u64,
}

fn parse_options() -> Result<Options, String> {
    let mut options = Options {
        addr: "127.0.0.1:8080".parse().expect("a valid default"),
        connections: 16,
        requests: 50_000,
        seconds: 10,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next().ok_or(format!("{arg} needs a value"))?;
        let number = || {
            value
                .parse::<u64>()
                .map_err(|_| format!("{arg} needs a number"))
        };
        match arg.as_str() {
            "--addr" => options.addr = value.parse().map_err(|_| "--addr needs IP:PORT")?,
            "--connections" => options.connections = number()?.clamp(1, 1024) as usize,
            "--requests" => options.requests = number()? as usize,
            "--seconds" => options.seconds = number()?,
            _ => return Err(format!("unknown argument {arg}")),
        }
    }
    if !options.addr.ip().is_loopback() {
        return Err("this load generator only targets loopback addresses (127.0.0.1)".into());
    }
    Ok(options)
}

/// What one connection saw.
#[derive(Default)]
struct Tally {
    latencies: Vec<Duration>,
    statuses: std::collections::BTreeMap<u16, usize>,
    errors: usize,
}

async fn connection(
    options: Arc<Options>,
    body: &'static str,
    tickets: Arc<AtomicUsize>,
    deadline: Instant,
) -> Tally {
    let mut tally = Tally::default();
    let Ok(stream) = tokio::net::TcpStream::connect(options.addr).await else {
        tally.errors += 1;
        return tally;
    };
    let _ = stream.set_nodelay(true);
    let Ok((mut sender, conn)) = http1::handshake(TokioIo::new(stream)).await else {
        tally.errors += 1;
        return tally;
    };
    tokio::spawn(conn);
    while tickets.fetch_add(1, Ordering::Relaxed) < options.requests && Instant::now() < deadline {
        let request = Request::post("/customers")
            .header("host", options.addr.to_string())
            .header("content-type", "application/json")
            .body(Full::new(Bytes::from_static(body.as_bytes())))
            .expect("a valid request");
        let started = Instant::now();
        let answer = async {
            sender.ready().await?;
            let response = sender.send_request(request).await?;
            let status = response.status().as_u16();
            response.into_body().collect().await?;
            Ok::<_, hyper::Error>(status)
        }
        .await;
        match answer {
            Ok(status) => {
                tally.latencies.push(started.elapsed());
                *tally.statuses.entry(status).or_default() += 1;
            }
            Err(_) => {
                tally.errors += 1;
                break;
            }
        }
    }
    tally
}

async fn run(options: Arc<Options>, name: &str, body: &'static str) {
    let tickets = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let deadline = started + Duration::from_secs(options.seconds);
    let tasks: Vec<_> = (0..options.connections)
        .map(|_| tokio::spawn(connection(options.clone(), body, tickets.clone(), deadline)))
        .collect();
    let mut all = Tally::default();
    for task in tasks {
        let tally = task.await.expect("a connection task does not panic");
        all.latencies.extend(tally.latencies);
        for (status, n) in tally.statuses {
            *all.statuses.entry(status).or_default() += n;
        }
        all.errors += tally.errors;
    }
    let elapsed = started.elapsed();
    all.latencies.sort_unstable();
    let percentile = |p: f64| {
        let n = all.latencies.len();
        if n == 0 {
            return Duration::ZERO;
        }
        all.latencies[((n as f64 * p).ceil() as usize).clamp(1, n) - 1]
    };
    println!(
        "{name:<8} {:>7} requests in {:>5.2} s = {:>8.0} req/s   p50 {:>7.1} µs   p99 {:>7.1} µs   max {:>8.1} µs   statuses {:?}   errors {}",
        all.latencies.len(),
        elapsed.as_secs_f64(),
        all.latencies.len() as f64 / elapsed.as_secs_f64(),
        percentile(0.50).as_secs_f64() * 1e6,
        percentile(0.99).as_secs_f64() * 1e6,
        percentile(1.0).as_secs_f64() * 1e6,
        all.statuses,
        all.errors,
    );
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let options = match parse_options() {
        Ok(options) => Arc::new(options),
        Err(message) => {
            eprintln!("{message}");
            return std::process::ExitCode::from(2);
        }
    };
    println!(
        "{} keep-alive connections to {}, at most {} requests or {} s per body",
        options.connections, options.addr, options.requests, options.seconds
    );
    run(options.clone(), "valid", VALID).await;
    run(options, "invalid", INVALID).await;
    std::process::ExitCode::SUCCESS
}
