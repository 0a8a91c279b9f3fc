//! Cleeng's answer: `RegisterResponse::from_json` beside what a user would otherwise write,
//! in one criterion group so the ratio comes from one run (see `benches/README.md` at the
//! workspace root).
//!
//! Baseline (`benches/common/mod.rs`): serde_json into a struct of `String` fields, then the
//! JWT's payload segment through plain base64url decoding and `serde_json::Value` (no shape,
//! type or secrecy checks).

mod common;

use std::hint::black_box;

use cleeng_register_response::RegisterResponse;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn bench(c: &mut Criterion) {
    let body = common::typical();
    assert!(RegisterResponse::from_json(&body).is_ok());
    assert!(common::baseline(&body).is_some());
    let mut group = c.benchmark_group("response/typical");
    group.throughput(Throughput::Bytes(body.len() as u64));
    group.bench_function("cleeng_register", |b| {
        b.iter(|| RegisterResponse::from_json(black_box(&body)))
    });
    group.bench_function("serde_strings_base64_value", |b| {
        b.iter(|| common::baseline(black_box(&body)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
