//! A small load generator for the gateway, over loopback only: N concurrent keep-alive HTTP/1.1
//! connections send `POST /customers` until a request count or a time limit is reached, first
//! with a valid body, then with an invalid one, and report requests/s and latency percentiles.
//! With `--baseline ADDR` it measures the gateway and a baseline service (the `baseline`
//! example: plain axum, `Json<String fields>`) in turns, `--rounds` times each, and prints the
//! gateway's requests/s as a ratio of the baseline's, so that both are measured in one run
//! under the same load from other processes.
//!
//! ```text
//! cargo build --release -p cleeng-register-axum --example gateway --example baseline --example load
//! RUST_LOG=warn target/release/examples/gateway --listen 127.0.0.1:8080 &   # logging off
//! target/release/examples/baseline --listen 127.0.0.1:8081 &
//! target/release/examples/load --baseline 127.0.0.1:8081 [--addr 127.0.0.1:8080]
//!     [--connections 16] [--requests 50000] [--seconds 10] [--rounds 3]
//!     [--bodies valid|invalid|both] [--accept-language pl-PL,pl;q=0.9]
//! ```
//!
//! It refuses any address that is not a loopback address.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use clap::Parser;
use http_body_util::{BodyExt, Full};
use hyper::client::conn::http1;
use hyper::Request;
use hyper_util::rt::TokioIo;

const VALID: &str = r#"{"email":"jane.doe@example.com","password":"s3cret-pass","offerId":"S565568989_US","locale":"en_US","country":"US","currency":"USD","customerIP":"8.8.8.8"}"#;
const INVALID: &str = r#"{"email":"jane@localhost","password":"short","offerId":"X565568989_UK","locale":"en-US","country":"UK","currency":"usd","customerIP":"8.8.8.300"}"#;

/// Loads the gateway (and a baseline) with registrations over loopback.
#[derive(Debug, Parser)]
#[command(name = "load")]
struct Options {
    /// The gateway.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080", value_parser = loopback)]
    addr: SocketAddr,
    /// A baseline service to measure in turns with the gateway.
    #[arg(long, value_name = "ADDR", value_parser = loopback)]
    baseline: Option<SocketAddr>,
    /// Concurrent keep-alive connections.
    #[arg(long, value_name = "N", default_value_t = 16,
          value_parser = clap::value_parser!(u16).range(1..=1024))]
    connections: u16,
    /// The most requests per measurement.
    #[arg(long, value_name = "N", default_value_t = 50_000)]
    requests: usize,
    /// The longest a measurement lasts.
    #[arg(long, value_name = "SECONDS", default_value_t = 10)]
    seconds: u64,
    /// Which bodies to send.
    #[arg(long, value_name = "BODIES", default_value = "both")]
    bodies: Bodies,
    /// Measurements of each service per body, in turns (with --baseline).
    #[arg(long, value_name = "N", default_value_t = 3,
          value_parser = clap::value_parser!(u16).range(1..))]
    rounds: u16,
    /// An `Accept-Language` header to send (the refusals' language).
    #[arg(long, value_name = "LANGUAGES")]
    accept_language: Option<String>,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Bodies {
    Valid,
    Invalid,
    Both,
}

fn loopback(text: &str) -> Result<SocketAddr, String> {
    let addr: SocketAddr = text
        .parse()
        .map_err(|_| "expected IP:PORT, such as 127.0.0.1:8080".to_owned())?;
    match addr.ip().is_loopback() {
        true => Ok(addr),
        false => Err("this load generator only targets loopback addresses".to_owned()),
    }
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
    addr: SocketAddr,
    body: &'static str,
    tickets: Arc<AtomicUsize>,
    deadline: Instant,
) -> Tally {
    let mut tally = Tally::default();
    let Ok(stream) = tokio::net::TcpStream::connect(addr).await else {
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
        let mut request = Request::post("/customers")
            .header("host", addr.to_string())
            .header("content-type", "application/json");
        if let Some(languages) = &options.accept_language {
            request = request.header("accept-language", languages.as_str());
        }
        let request = request
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

/// Loads `addr` with `body`, prints a line, and returns the requests per second.
async fn run(options: Arc<Options>, addr: SocketAddr, name: &str, body: &'static str) -> f64 {
    let tickets = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let deadline = started + Duration::from_secs(options.seconds);
    let tasks: Vec<_> = (0..options.connections)
        .map(|_| {
            let task = connection(options.clone(), addr, body, tickets.clone(), deadline);
            tokio::spawn(task)
        })
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
    let rate = all.latencies.len() as f64 / elapsed.as_secs_f64();
    println!(
        "{name:<18} {:>7} requests in {:>5.2} s = {:>8.0} req/s   p50 {:>7.1} µs   p99 {:>7.1} µs   max {:>8.1} µs   statuses {:?}   errors {}",
        all.latencies.len(),
        elapsed.as_secs_f64(),
        rate,
        percentile(0.50).as_secs_f64() * 1e6,
        percentile(0.99).as_secs_f64() * 1e6,
        percentile(1.0).as_secs_f64() * 1e6,
        all.statuses,
        all.errors,
    );
    rate
}

#[tokio::main]
async fn main() {
    let options = Arc::new(Options::parse());
    println!(
        "{} keep-alive connections to {}{}, at most {} requests or {} s per measurement",
        options.connections,
        options.addr,
        options
            .baseline
            .map(|b| format!(" and the baseline {b}, {} rounds", options.rounds))
            .unwrap_or_default(),
        options.requests,
        options.seconds
    );
    let bodies = [
        ("valid", VALID, Bodies::Valid),
        ("invalid", INVALID, Bodies::Invalid),
    ];
    for (name, body, _) in bodies
        .into_iter()
        .filter(|&(_, _, which)| [which, Bodies::Both].contains(&options.bodies))
    {
        let Some(baseline) = options.baseline else {
            run(options.clone(), options.addr, name, body).await;
            continue;
        };
        // Each round measures both, one right after the other, so that a ratio of one round
        // sees about the same load from other processes; the median ratio resists the rounds
        // that did not.
        let mut rounds = Vec::new();
        for _ in 0..options.rounds {
            let gateway = run(
                options.clone(),
                options.addr,
                &format!("{name} gateway"),
                body,
            )
            .await;
            let baseline = run(options.clone(), baseline, &format!("{name} baseline"), body).await;
            rounds.push((gateway, baseline));
        }
        let mean = |pick: fn(&(f64, f64)) -> f64| {
            rounds.iter().map(pick).sum::<f64>() / rounds.len() as f64
        };
        let mut ratios: Vec<f64> = rounds.iter().map(|(g, b)| g / b).collect();
        ratios.sort_by(f64::total_cmp);
        println!(
            "{name}: gateway {:.0} req/s, baseline {:.0} req/s (means of {} rounds): ratio of means {:.3}, median ratio {:.3} (rounds {:.3} to {:.3})",
            mean(|r| r.0),
            mean(|r| r.1),
            options.rounds,
            mean(|r| r.0) / mean(|r| r.1),
            ratios[ratios.len() / 2],
            ratios[0],
            ratios[ratios.len() - 1],
        );
    }
}
