//! Builders for Cleeng's answers: JWTs from claims, and success envelopes.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use cleeng_register_response::{RegisterResponse, ResponseReport};
use serde_json::{json, Value};

pub const HEADER: &str = r#"{"alg":"RS256","typ":"JWT"}"#;

/// base64url without padding.
pub fn b64(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// A token from raw header and payload JSON text, with a fixed signature.
pub fn jwt_raw(header: &str, payload: &str) -> String {
    format!(
        "{}.{}.{}",
        b64(header.as_bytes()),
        b64(payload.as_bytes()),
        b64(b"signature bytes")
    )
}

/// A token whose payload is `claims`.
pub fn jwt_of(claims: &Value) -> String {
    jwt_raw(HEADER, &claims.to_string())
}

/// The usual claims for customer `id`.
pub fn claims(id: u64) -> Value {
    json!({"customerId": id, "publisherId": "123456789", "exp": 1_700_000_000u64, "iat": 1_699_999_100u64})
}

/// A valid envelope for customer 123456789.
pub fn envelope() -> Value {
    json!({
        "responseData": {
            "customerId": 123456789,
            "customerToken": "ct-0123456789abcdef",
            "jwt": jwt_of(&claims(123456789)),
            "refreshToken": "rt-fedcba9876543210",
        },
        "errors": [],
    })
}

/// The valid envelope with `responseData.key` set to `value`.
pub fn with_data(key: &str, value: Value) -> Value {
    let mut body = envelope();
    body["responseData"][key] = value;
    body
}

/// The valid envelope without `responseData.key`.
pub fn without_data(key: &str) -> Value {
    let mut body = envelope();
    body["responseData"].as_object_mut().unwrap().remove(key);
    body
}

pub fn read(body: &Value) -> Result<RegisterResponse, ResponseReport> {
    RegisterResponse::from_json(&serde_json::to_vec(body).unwrap())
}

/// `(pointer, code)` of every error, or nothing when valid.
pub fn response_errors(body: &Value) -> Vec<(String, &'static str)> {
    match read(body) {
        Ok(_) => vec![],
        Err(report) => report
            .errors()
            .iter()
            .map(|e| (e.pointer().to_owned(), e.code().as_str()))
            .collect(),
    }
}

/// Proptest cases: `PROPTEST_CASES` when set, else `default`.
pub fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(default)
}
