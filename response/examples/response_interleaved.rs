//! Wall-clock ratio of reading Cleeng's answer against the bench's baseline, in alternating
//! short rounds (median of the per-round ratios), for a shared, noisy machine; see the
//! workspace's `benches/README.md`.
//!
//!     cargo run --release --example response_interleaved -p cleeng-register-response [ROUNDS]

#[path = "../benches/common/mod.rs"]
mod common;

use std::hint::black_box;
use std::time::Instant;

use cleeng_register_response::RegisterResponse;

fn time(f: &dyn Fn() -> bool, n: u32) -> f64 {
    let start = Instant::now();
    for _ in 0..n {
        black_box(f());
    }
    start.elapsed().as_nanos() as f64 / f64::from(n)
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .map_or(200, |n| n.parse().expect("ROUNDS is a count"));
    let body = common::typical();
    let ours = || RegisterResponse::from_json(black_box(&body)).is_ok();
    let base = || common::baseline(black_box(&body)).is_some();
    let n = 500;
    let (mut a, mut b, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..rounds {
        let x = time(&ours, n);
        let y = time(&base, n);
        a.push(x);
        b.push(y);
        ratios.push(x / y);
    }
    println!(
        "| response/typical | serde_strings_base64_value | {:.0} | {:.0} | {:.2} |",
        median(a),
        median(b),
        median(ratios)
    );
}
