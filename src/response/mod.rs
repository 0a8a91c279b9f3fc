//! Cleeng's answer to `POST /customers`: the success envelope, the JWT's claims, the two
//! session tokens, and Cleeng's error bodies.
//!
//! Like the request side, every type is parsed, not validated: a [`RegisterResponse`] exists
//! only when the whole answer is usable, and a refused answer gives a
//! [`ValidationReport`](crate::ValidationReport) with every error at once, each at an RFC 6901
//! pointer into the answer (`/responseData/jwt`).
//!
//! The JWT's signature is **not** verified: the crate has no keys and does no I/O. Its claims
//! are read through [`Jwt::unverified_claims`], named so that every use of them is visible in
//! review. Verify the signature with Cleeng's public key before trusting them for
//! authorization.
//!
//! ```
//! use cleeng_register::{CleengError, CleengErrorCode, RegisterResponse};
//!
//! let err = CleengError::from_json(br#"{"errors":[{"code":"USER0002","message":"Customer already exists"}]}"#)?;
//! assert_eq!(err.code(), &CleengErrorCode::CustomerAlreadyExists);
//! assert_eq!(err.code().http_status(), Some(422));
//!
//! let report = RegisterResponse::from_json(br#"{"responseData":{"customerId":0}}"#).unwrap_err();
//! assert_eq!(report.errors()[0].pointer(), "/responseData/customerId");
//! assert_eq!(report.errors()[0].code().as_str(), "invalid_format");
//! # Ok::<(), cleeng_register::ValidationReport>(())
//! ```

mod cleeng_error;
mod customer_id;
mod envelope;
mod jwt;
mod schema;
mod token;

pub use cleeng_error::{CleengError, CleengErrorCode, ServerErrorCode};
pub use customer_id::CustomerId;
pub use envelope::RegisterResponse;
pub use jwt::{Jwt, JwtClaims};
pub use schema::{cleeng_error_schema, response_schema};
pub use token::{CustomerToken, RefreshToken};

use std::fmt;

use serde::de::{self, Visitor};

/// Refuses a JSON value of the wrong type without quoting it (serde's default message would).
fn refuse_type<E: serde::de::Error>(expected: &str) -> E {
    E::custom(format_args!(
        "expected {expected}, found a value of another type"
    ))
}

/// A visitor that takes strings only and refuses every other JSON type by naming what it
/// expected, never the value (the `Visitor` defaults quote numbers and bools).
struct StrOnly<V>(V);

/// `expecting` of the wrapped visitor, as `Display`.
struct Expecting<'a, V>(&'a V);

impl<'de, V: Visitor<'de>> fmt::Display for Expecting<'_, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f)
    }
}

macro_rules! refuse_non_strings {
    ($($method:ident: $ty:ty),*) => {$(
        fn $method<E: de::Error>(self, _: $ty) -> Result<V::Value, E> {
            Err(refuse_type(&Expecting(&self.0).to_string()))
        }
    )*};
}

impl<'de, V: Visitor<'de>> Visitor<'de> for StrOnly<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<V::Value, E> {
        self.0.visit_str(v)
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<V::Value, E> {
        self.0.visit_borrowed_str(v)
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<V::Value, E> {
        self.0.visit_string(v)
    }

    refuse_non_strings!(visit_bool: bool, visit_i64: i64, visit_u64: u64, visit_f64: f64, visit_bytes: &[u8]);

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.visit_bool(false)
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, _: A) -> Result<V::Value, A::Error> {
        self.visit_bool(false)
    }

    fn visit_map<A: de::MapAccess<'de>>(self, _: A) -> Result<V::Value, A::Error> {
        self.visit_bool(false)
    }
}
