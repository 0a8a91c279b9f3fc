//! Over a real socket on 127.0.0.1, with a hyper client: a valid request, bodies over the limit
//! (declared and chunked), and the customer's address from the peer and `X-Forwarded-For`.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use crate::util::server::{full, ok, post_to, serve};
use crate::util::{app, VALID, VALID_WITHOUT_IP};
use axum::http::StatusCode;
use bytes::Bytes;
use cleeng_register::Policy;
use cleeng_register_axum::{CustomerIpSource, RegistrationConfig};
use futures_util::StreamExt;
use http_body_util::{BodyExt, StreamBody};
use hyper::body::Frame;
use serde_json::json;

#[tokio::test]
async fn a_valid_request_is_answered_over_the_socket() {
    let (addr, _) = serve(app(RegistrationConfig::default())).await;
    let answer = post_to(addr, &[], full(VALID)).await.expect("an answer");
    ok(&answer);
    assert_eq!(answer.content_type(), "application/json");
    assert_eq!(
        answer.body,
        json!({"valid": true, "advisories": [], "customerIP": "8.8.8.8"})
    );
}

#[tokio::test]
async fn a_declared_length_over_the_limit_is_413_and_nothing_is_read() {
    let (addr, read) = serve(app(RegistrationConfig::default())).await;
    let answer = post_to(addr, &[], full(vec![b' '; 65537]))
        .await
        .expect("an answer");
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(answer.body["errors"][0]["code"], "too_large");
    assert_eq!(answer.body["errors"][0]["params"], json!({"max": 65536}));
    assert_eq!(read.bytes(), 0);
}

static CHUNK: [u8; 64 * 1024] = [b' '; 64 * 1024];

#[tokio::test]
async fn a_chunked_body_far_over_the_limit_is_413_before_it_is_all_sent() {
    const CHUNKS: usize = 4096; // 256 MiB in all, 4096 times the limit
    let max = 64 * 1024;
    let (addr, read) = serve(app(RegistrationConfig::new(Policy::default()))).await;
    let sent = Arc::new(AtomicUsize::new(0));
    let counter = sent.clone();
    let stream = futures_util::stream::iter(0..CHUNKS).map(move |_| {
        counter.fetch_add(CHUNK.len(), Ordering::SeqCst);
        Ok::<_, std::io::Error>(Frame::data(Bytes::from_static(&CHUNK)))
    });
    // No length: hyper sends it chunked.
    let body = BodyExt::boxed(StreamBody::new(stream));
    let answer = tokio::time::timeout(std::time::Duration::from_secs(60), post_to(addr, &[], body))
        .await
        .expect("an answer well before the body is sent")
        .expect("an answer, not a broken connection");

    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(answer.body["errors"][0]["code"], "too_large");
    assert_eq!(answer.body["errors"][0]["params"], json!({"max": max}));
    // The server took at most the limit plus the one frame that crossed it.
    let server_read = read.bytes();
    assert!(
        server_read <= max + 1024 * 1024,
        "server read {server_read} bytes"
    );
    // And the client was stopped long before its end (loopback buffers hold a few MiB).
    let client_sent = sent.load(Ordering::SeqCst);
    assert!(
        client_sent < CHUNKS * CHUNK.len() / 4,
        "the client produced {client_sent} bytes"
    );
    eprintln!("server read {server_read} bytes, client produced {client_sent} bytes");
}

// The customer's address. The peer of every request here is 127.0.0.1.

async fn customer_ip(source: CustomerIpSource, xff: &[&str]) -> (serde_json::Value, Vec<String>) {
    let (addr, _) = serve(app(RegistrationConfig::default().with_customer_ip(source))).await;
    let headers: Vec<(&str, &str)> = xff.iter().map(|v| ("x-forwarded-for", *v)).collect();
    let answer = post_to(addr, &headers, full(VALID_WITHOUT_IP))
        .await
        .expect("an answer");
    ok(&answer);
    (answer.body["customerIP"].clone(), answer.advisories())
}

fn trusting(nets: &[&str]) -> CustomerIpSource {
    CustomerIpSource::TrustedProxies(nets.iter().map(|n| n.parse().unwrap()).collect())
}

#[tokio::test]
async fn the_peer_address_fills_an_absent_customer_ip() {
    let (ip, advisories) = customer_ip(CustomerIpSource::Peer, &["8.8.4.4"]).await;
    assert_eq!(ip, "127.0.0.1");
    assert_eq!(advisories, ["customer_ip_not_public"]);
    let (ip, advisories) = customer_ip(CustomerIpSource::Off, &["8.8.4.4"]).await;
    assert_eq!(ip, json!(null));
    assert_eq!(advisories, ["customer_ip_missing"]);
}

#[tokio::test]
async fn a_trusted_proxy_forwards_the_customer() {
    let trusted = || trusting(&["127.0.0.0/8", "10.0.0.0/8"]);
    // One hop.
    assert_eq!(customer_ip(trusted(), &["8.8.4.4"]).await.0, "8.8.4.4");
    // Several hops, and what the client claimed itself on the left.
    let hops = ["198.51.100.66, 8.8.4.4, 10.1.1.1", "127.0.0.9"];
    let (ip, advisories) = customer_ip(trusted(), &hops).await;
    assert_eq!(ip, "8.8.4.4");
    assert!(advisories.is_empty());
}

#[tokio::test]
async fn an_untrusted_peer_is_the_customer_whatever_it_forwards() {
    let (ip, _) = customer_ip(trusting(&["10.0.0.0/8"]), &["8.8.4.4"]).await;
    assert_eq!(ip, "127.0.0.1");
}

#[tokio::test]
async fn a_trusted_proxy_without_the_header_or_with_a_malformed_one_fills_nothing() {
    let trusted = || trusting(&["127.0.0.0/8"]);
    let (ip, advisories) = customer_ip(trusted(), &[]).await;
    assert_eq!(ip, json!(null));
    assert_eq!(advisories, ["customer_ip_missing"]);
    for malformed in [
        "unknown",
        "8.8.4.4, garbage",
        "8.8.4.4,,",
        "8.8.4.4 8.8.8.8",
    ] {
        let (ip, _) = customer_ip(trusted(), &[malformed]).await;
        assert_eq!(ip, json!(null), "{malformed}");
    }
}
