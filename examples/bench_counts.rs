//! Runs one of `benches/request.rs`'s bodies one way N times, for instruction counts under
//! callgrind (`benches/callgrind.sh` runs it twice and subtracts, leaving the cost of one
//! request):
//!
//!     cargo build --release --example bench_counts
//!     valgrind --tool=callgrind target/release/examples/bench_counts typical_valid cleeng_register 3000

#[path = "../benches/common/mod.rs"]
#[allow(dead_code)]
mod common;

use common::{Mode, Reader};

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(body), Some(mode)) = (args.next(), args.next()) else {
        eprintln!("usage: bench_counts BODY MODE [N]");
        std::process::exit(2);
    };
    let n: usize = args
        .next()
        .map_or(1000, |n| n.parse().expect("N is a count"));
    let case = common::cases()
        .into_iter()
        .find(|c| c.name == body)
        .unwrap_or_else(|| panic!("no body {body}"));
    let mode = Mode::ALL
        .into_iter()
        .find(|m| m.name() == mode)
        .unwrap_or_else(|| panic!("no mode {mode}"));
    let reader = Reader::new(mode, &case.policy);
    let passed = (0..n)
        .filter(|_| reader.read(std::hint::black_box(case.body.as_bytes())))
        .count();
    println!("{body} {}: {passed} of {n} passed", mode.name());
}
