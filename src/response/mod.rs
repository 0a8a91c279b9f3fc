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

/// Refuses a JSON value of the wrong type without quoting it (serde's default message would).
fn refuse_type<E: serde::de::Error>(expected: &str) -> E {
    E::custom(format_args!(
        "expected {expected}, found a value of another type"
    ))
}
