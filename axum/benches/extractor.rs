//! The extractor through a router, in process (`tower::ServiceExt::oneshot`), beside the same
//! route with `axum::Json<T>` of `String` fields, which checks nothing but JSON syntax and
//! types. Both handlers answer an empty 200, so the difference is the extractor's work.
//!
//! `cargo bench -p cleeng-register-axum --bench extractor`

use std::hint::black_box;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::routing::post;
use axum::{Json, Router};
use cleeng_register_axum::{RegistrationConfig, ValidRegistration};
use criterion::{criterion_group, criterion_main, Criterion};
use tower::ServiceExt;

/// The README's typical request.
const TYPICAL: &str = r#"{"email":"jane.doe@example.com","password":"s3cret-pass","offerId":"S565568989_US","locale":"en_US","country":"US","currency":"USD","customerIP":"8.8.8.8"}"#;
/// Invalid in several fields (the `String` baseline accepts it: it checks nothing).
const INVALID: &str = r#"{"email":"jane@localhost","password":"short","offerId":"X565568989_UK","locale":"en-US","country":"UK","currency":"usd","customerIP":"8.8.8.300"}"#;

#[path = "common/plain.rs"]
mod plain;
use plain::Plain;

async fn validated(registration: ValidRegistration) -> StatusCode {
    black_box(registration);
    StatusCode::OK
}

async fn plain(Json(body): Json<Plain>) -> StatusCode {
    black_box(body);
    StatusCode::OK
}

fn request(path: &str, body: &'static str) -> Request<Body> {
    Request::post(path)
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::CONTENT_LENGTH, body.len())
        .body(Body::from(body))
        .expect("a valid request")
}

fn bench(c: &mut Criterion) {
    let app = Router::new()
        .route("/validated", post(validated))
        .route("/plain", post(plain))
        .with_state(RegistrationConfig::default());
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime");
    let run = |path: &'static str, body: &'static str, expected: StatusCode| {
        let app = app.clone();
        let rt = &rt;
        move || {
            let response = rt
                .block_on(app.clone().oneshot(request(path, body)))
                .expect("routers are infallible");
            assert_eq!(response.status(), expected);
            // The answer's body is part of the work (the problem document for a refusal).
            rt.block_on(axum::body::to_bytes(response.into_body(), usize::MAX))
                .expect("in memory")
        }
    };

    let mut group = c.benchmark_group("router");
    group.bench_function("typical valid: ValidRegistration", |b| {
        b.iter(run("/validated", TYPICAL, StatusCode::OK))
    });
    group.bench_function("typical valid: Json<String fields>", |b| {
        b.iter(run("/plain", TYPICAL, StatusCode::OK))
    });
    group.bench_function("invalid: ValidRegistration (400 problem)", |b| {
        b.iter(run("/validated", INVALID, StatusCode::BAD_REQUEST))
    });
    group.bench_function("invalid: Json<String fields> (accepts it)", |b| {
        b.iter(run("/plain", INVALID, StatusCode::OK))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
