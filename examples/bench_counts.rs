//! Runs one of `benches/request.rs`'s bodies one way N times, for instruction counts under
//! callgrind (`benches/callgrind.sh` runs it twice and subtracts, leaving the cost of one
//! request):
//!
//!     cargo build --release --example bench_counts
//!     valgrind --tool=callgrind target/release/examples/bench_counts typical_valid cleeng_register 3000
//!
//! The body `problem` writes the invalid body's problem document instead, as the criterion
//! bench's `problem_invalid_every_field` group does: mode `to_problem_json` or
//! `serde_json_problem`; mode `refused_request` reads the body and then writes its document,
//! a service's whole path for a refused request.

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
    if body == "problem" {
        return problem(&mode, n);
    }
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

/// Writes the invalid body's problem document N times, directly or through serde_json.
fn problem(mode: &str, n: usize) {
    let case = common::cases()
        .into_iter()
        .find(|c| c.name == "invalid_every_field")
        .expect("the invalid body is one of the cases");
    let report = cleeng_register::RegisterRequest::from_json(case.body.as_bytes(), &case.policy)
        .expect_err("the invalid body is refused");
    let write: fn(&cleeng_register::ValidationReport) -> Vec<u8> = match mode {
        "to_problem_json" => |r| r.to_problem_json(400),
        "serde_json_problem" => |r| serde_json::to_vec(&r.to_problem(400)).expect("serializes"),
        "refused_request" => return refused_request(case.body.as_bytes(), &case.policy, n),
        _ => panic!("no mode {mode} for the problem document"),
    };
    let bytes: usize = (0..n)
        .map(|_| write(std::hint::black_box(&report)).len())
        .sum();
    println!("problem {mode}: {bytes} bytes in {n} documents");
}

/// A service's whole path for the invalid body, N times: read it, then write its problem
/// document.
fn refused_request(body: &[u8], policy: &cleeng_register::Policy, n: usize) {
    let bytes: usize = (0..n)
        .map(|_| {
            let report =
                cleeng_register::RegisterRequest::from_json(std::hint::black_box(body), policy)
                    .expect_err("the invalid body is refused");
            report.to_problem_json(400).len()
        })
        .sum();
    println!("problem refused_request: {bytes} bytes in {n} documents");
}
