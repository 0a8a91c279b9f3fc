//! Validates the README's typical request N times (default 100,000), for profilers:
//!
//!     cargo build --release --example profile_typical
//!     valgrind --tool=callgrind target/release/examples/profile_typical

use cleeng_register::{Policy, RegisterRequest};

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000);
    let body = br#"{"email":"jane.doe@example.com","password":"s3cret-pass","offerId":"S565568989_US","locale":"en_US","country":"US","currency":"USD","customerIP":"8.8.8.8"}"#;
    let policy = Policy::default();
    let valid = (0..n)
        .filter(|_| RegisterRequest::from_json(std::hint::black_box(body), &policy).is_ok())
        .count();
    println!("{valid} of {n} valid");
}
