//! The answer the response bench reads and its baseline, shared by `benches/response.rs`
//! (criterion) and `examples/response_counts.rs` (callgrind).

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
pub struct PlainEnvelope {
    response_data: PlainData,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
struct PlainData {
    customer_id: u64,
    customer_token: String,
    jwt: String,
    refresh_token: String,
}

/// serde_json into a struct of `String` fields, then the JWT's payload segment through plain
/// base64url decoding and `serde_json::Value` (no shape, type or secrecy checks).
pub fn baseline(body: &[u8]) -> Option<(PlainEnvelope, Value)> {
    let envelope: PlainEnvelope = serde_json::from_slice(body).ok()?;
    let payload = envelope.response_data.jwt.split('.').nth(1)?;
    let claims: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).ok()?).ok()?;
    Some((envelope, claims))
}

/// A typical answer: an RS256 JWT (256-byte signature) with Cleeng's three claims and
/// `iat`, and 40-character session tokens.
pub fn typical() -> Vec<u8> {
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"RS256","typ":"JWT"}"#);
    let claims = URL_SAFE_NO_PAD.encode(
        br#"{"customerId":123456789,"publisherId":"020718285","exp":1767225600,"iat":1767224700}"#,
    );
    let signature: Vec<u8> = (0..=255u8).collect();
    let jwt = format!("{header}.{claims}.{}", URL_SAFE_NO_PAD.encode(signature));
    serde_json::to_vec(&serde_json::json!({
        "responseData": {
            "customerId": 123456789,
            "customerToken": "ct_0aB1cD2eF3gH4iJ5kL6mN7oP8qR9sT0uV1wX2y",
            "jwt": jwt,
            "refreshToken": "rt_9zY8xW7vU6tS5rQ4pO3nM2lK1jI0hG9fE8dC7b",
        },
        "errors": [],
    }))
    .expect("JSON")
}
