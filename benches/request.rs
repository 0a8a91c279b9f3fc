//! Whole requests: `RegisterRequest::from_json` beside what a user would otherwise pay, in the
//! same group so every ratio comes from one run (`benches/report.py` prints them; see
//! `benches/README.md`).
//!
//! Baselines (`benches/common/mod.rs`): serde_json into a struct of `String`s (no validation),
//! the same followed by serde's `IgnoredAny` over the `externalData` text (for bodies that
//! have one), into borrowed `Cow`s (the parse floor), and `serde_json::Value` plus
//! `jsonschema` against the crate's own exported schema (the schema-first alternative).

mod common;

use std::hint::black_box;

use cleeng_register::RegisterRequest;
use common::{Mode, Reader};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn requests(c: &mut Criterion) {
    for case in common::cases() {
        let body = case.body.as_bytes();
        assert_eq!(
            RegisterRequest::from_json(body, &case.policy).is_ok(),
            case.valid,
            "{}",
            case.name
        );
        let mut g = c.benchmark_group(case.name);
        g.throughput(Throughput::Bytes(body.len() as u64));
        for mode in Mode::ALL.into_iter().filter(|m| m.applies_to(&case)) {
            let reader = Reader::new(mode, &case.policy);
            if mode != Mode::ValueJsonschema {
                // Every baseline reads every benched body (the schema refuses the invalid one).
                assert!(
                    reader.read(body) || mode == Mode::CleengRegister,
                    "{}",
                    mode.name()
                );
            }
            g.bench_function(mode.name(), |b| b.iter(|| reader.read(black_box(body))));
        }
        g.finish();
    }
}

/// The problem document of the invalid body, as a service answers it: written directly
/// (`to_problem_json`) beside serde_json over the same `Problem` (`serde_json_problem`).
fn problem(c: &mut Criterion) {
    let report = RegisterRequest::from_json(common::INVALID.as_bytes(), &Default::default())
        .expect_err("the invalid body is refused");
    assert_eq!(
        report.to_problem_json(400),
        serde_json::to_vec(&report.to_problem(400)).expect("a problem serializes")
    );
    let mut g = c.benchmark_group("problem_invalid_every_field");
    g.bench_function("cleeng_register", |b| {
        b.iter(|| black_box(&report).to_problem_json(400))
    });
    g.bench_function("serde_json_problem", |b| {
        b.iter(|| serde_json::to_vec(&black_box(&report).to_problem(400)))
    });
    g.finish();
}

criterion_group!(benches, requests, problem);
criterion_main!(benches);
