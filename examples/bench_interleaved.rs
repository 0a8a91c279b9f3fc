//! Wall-clock ratios that hold on a shared, noisy machine: for each of `benches/request.rs`'s
//! bodies, ours and each baseline run in alternating short rounds, and the ratio is the
//! median of the per-round ratios, so load that comes and goes hits both sides alike.
//! (criterion times each function in turn, minutes apart; see `benches/README.md`.)
//!
//!     cargo run --release --example bench_interleaved [ROUNDS]

#[path = "../benches/common/mod.rs"]
#[allow(dead_code)]
mod common;

use std::hint::black_box;
use std::time::Instant;

use common::{Mode, Reader};

/// Nanoseconds per read over `n` reads.
fn time(reader: &Reader<'_>, body: &[u8], n: u32) -> f64 {
    let start = Instant::now();
    for _ in 0..n {
        black_box(reader.read(black_box(body)));
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
    println!(
        "| body | baseline | ours (median ns) | baseline (median ns) | median of round ratios |"
    );
    println!("|---|---|---|---|---|");
    for case in common::cases() {
        let body = case.body.as_bytes();
        let ours = Reader::new(Mode::CleengRegister, &case.policy);
        // About a millisecond per side per round.
        let n = (1_000_000.0 / time(&ours, body, 200).max(1.0)).clamp(10.0, 100_000.0) as u32;
        for mode in Mode::ALL
            .into_iter()
            .skip(1)
            .filter(|m| m.applies_to(&case))
        {
            let base = Reader::new(mode, &case.policy);
            let (mut ours_ns, mut base_ns, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
            for _ in 0..rounds {
                let a = time(&ours, body, n);
                let b = time(&base, body, n);
                ours_ns.push(a);
                base_ns.push(b);
                ratios.push(a / b);
            }
            println!(
                "| {} | {} | {:.0} | {:.0} | {:.2} |",
                case.name,
                mode.name(),
                median(ours_ns),
                median(base_ns),
                median(ratios)
            );
        }
    }
}
