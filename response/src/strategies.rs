//! proptest strategies that generate valid values of Cleeng's answer: customer ids, session
//! tokens, JWTs and whole success envelopes (feature `proptest`), for property tests here and
//! downstream.
//!
//! ```
//! use proptest::prelude::*;
//! use cleeng_register_response::{strategies, RegisterResponse};
//!
//! proptest!(|(response in strategies::register_response())| {
//!     let body = serde_json::to_vec(&response).unwrap();
//!     prop_assert_eq!(RegisterResponse::from_json(&body).unwrap(), response);
//! });
//! ```

use cleeng_register::strategies::{json_value, publisher_id};
use proptest::collection::{btree_map, vec};
use proptest::prelude::*;

use crate::{CustomerId, CustomerToken, Jwt, RefreshToken, RegisterResponse};

/// A strategy for one of this module's own patterns, which are all valid.
fn regex(pattern: &str) -> proptest::string::RegexGeneratorStrategy<String> {
    proptest::string::string_regex(pattern).expect("the module's patterns are valid")
}

/// Positive customer ids: small ones, any `u64`, and `u64::MAX`.
pub fn customer_id() -> impl Strategy<Value = CustomerId> {
    prop_oneof![1..=1_000u64, 1..=u64::MAX, Just(u64::MAX)]
        .prop_map(|n| CustomerId::new(n).expect("the range starts at 1"))
}

/// 1 to 64 printable ASCII characters, now and then the full 4096.
fn session_token_text() -> impl Strategy<Value = String> {
    prop_oneof![9 => regex("[!-~]{1,64}"), 1 => regex("[!-~]{4096}")]
}

/// Valid customer tokens.
pub fn customer_token() -> impl Strategy<Value = CustomerToken> {
    session_token_text().prop_map(|s| CustomerToken::parse(&s).expect("printable ASCII"))
}

/// Valid refresh tokens.
pub fn refresh_token() -> impl Strategy<Value = RefreshToken> {
    session_token_text().prop_map(|s| RefreshToken::parse(&s).expect("printable ASCII"))
}

/// Claims besides `customerId`, `publisherId` and `exp`: short names, small JSON values.
pub fn other_claims() -> impl Strategy<Value = serde_json::Map<String, serde_json::Value>> {
    btree_map(regex("[a-z][a-zA-Z0-9_]{0,8}"), json_value(2), 0..4).prop_map(|claims| {
        claims
            .into_iter()
            .filter(|(name, _)| !matches!(name.as_str(), "customerId" | "publisherId" | "exp"))
            .collect()
    })
}

/// A JWT payload naming `customer_id`: the typed claims in each spelling Cleeng may use
/// (`customerId` as number or string, `publisherId` as string or number), and other claims.
pub fn jwt_payload(customer_id: CustomerId) -> impl Strategy<Value = serde_json::Value> {
    (
        any::<bool>(),
        publisher_id(),
        any::<bool>(),
        any::<u64>(),
        other_claims(),
    )
        .prop_map(
            move |(id_as_text, publisher, publisher_as_number, exp, mut claims)| {
                use serde_json::json;
                let id = if id_as_text {
                    json!(customer_id.to_string())
                } else {
                    json!(customer_id.get())
                };
                let publisher = if publisher_as_number {
                    json!(publisher.as_str().parse::<u64>().expect("9 digits"))
                } else {
                    json!(publisher.as_str())
                };
                claims.insert("customerId".into(), id);
                claims.insert("publisherId".into(), publisher);
                claims.insert("exp".into(), json!(exp));
                serde_json::Value::Object(claims)
            },
        )
}

/// A compact JWS: a fixed RS256 header, `payload`, and `signature`, each base64url without
/// padding. The signature is not a real one: the crate never verifies it.
pub fn encode_jwt(payload: &serde_json::Value, signature: &[u8]) -> String {
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine as _;
    format!(
        "{}.{}.{}",
        URL_SAFE_NO_PAD.encode(br#"{"alg":"RS256","typ":"JWT"}"#),
        URL_SAFE_NO_PAD.encode(payload.to_string()),
        URL_SAFE_NO_PAD.encode(signature)
    )
}

/// Valid JWTs naming `customer_id`, with 1 to 512 signature bytes.
pub fn jwt_for(customer_id: CustomerId) -> impl Strategy<Value = Jwt> {
    (jwt_payload(customer_id), vec(any::<u8>(), 1..512)).prop_map(|(payload, signature)| {
        Jwt::parse(&encode_jwt(&payload, &signature)).expect("a generated JWT is valid")
    })
}

/// Valid JWTs for any customer.
pub fn jwt() -> impl Strategy<Value = Jwt> {
    customer_id().prop_flat_map(jwt_for)
}

/// Valid success envelopes: the JWT names the same customer.
pub fn register_response() -> impl Strategy<Value = RegisterResponse> {
    customer_id().prop_flat_map(|id| {
        (jwt_for(id), customer_token(), refresh_token()).prop_map(move |(jwt, ct, rt)| {
            RegisterResponse::new(id, jwt, ct, rt).expect("the JWT names the customer")
        })
    })
}
