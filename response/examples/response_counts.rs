//! Reads `benches/response.rs`'s answer one way N times, for instruction counts under
//! callgrind (the workspace's `benches/callgrind.sh` runs it twice and subtracts):
//!
//!     cargo build --release --example response_counts -p cleeng-register-response
//!     valgrind --tool=callgrind target/release/examples/response_counts cleeng_register 3000

#[path = "../benches/common/mod.rs"]
mod common;

use std::hint::black_box;

use cleeng_register_response::RegisterResponse;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(mode) = args.next() else {
        eprintln!("usage: response_counts cleeng_register|serde_strings_base64_value [N]");
        std::process::exit(2);
    };
    let n: usize = args
        .next()
        .map_or(1000, |n| n.parse().expect("N is a count"));
    let body = common::typical();
    let passed = (0..n)
        .filter(|_| match mode.as_str() {
            "cleeng_register" => RegisterResponse::from_json(black_box(&body)).is_ok(),
            "serde_strings_base64_value" => common::baseline(black_box(&body)).is_some(),
            _ => panic!("no mode {mode}"),
        })
        .count();
    println!("{mode}: {passed} of {n} passed");
}
