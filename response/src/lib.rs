//! Cleeng's answer to `POST /customers`: the success envelope, the JWT's claims, the two
//! session tokens, and Cleeng's error bodies; and the [`openapi`] document of the whole call,
//! which needs both the request (from the core crate, `cleeng-register`) and the answer.
//!
//! Like the request side, every type is parsed, not validated: a [`RegisterResponse`] exists
//! only when the whole answer is usable, and a refused answer gives a
//! [`ResponseReport`] with every error at once, each at an RFC 6901
//! pointer into the answer (`/responseData/jwt`).
//!
//! The JWT's signature is **not** verified: the crate has no keys and does no I/O. Its claims
//! are read through [`Jwt::unverified_claims`], named so that every use of them is visible in
//! review. Verify the signature with Cleeng's public key before trusting them for
//! authorization.
//!
//! ```
//! use cleeng_register_response::{CleengError, CleengErrorCode, RegisterResponse};
//!
//! let err = CleengError::from_json(br#"{"errors":[{"code":"USER0002","message":"Customer already exists"}]}"#)?;
//! assert_eq!(err.code(), &CleengErrorCode::CustomerAlreadyExists);
//! assert_eq!(err.code().http_status(), Some(422));
//!
//! let report = RegisterResponse::from_json(br#"{"responseData":{"customerId":0}}"#).unwrap_err();
//! assert_eq!(report.errors()[0].pointer(), "/responseData/customerId");
//! assert_eq!(report.errors()[0].code().as_str(), "invalid_format");
//! # Ok::<(), cleeng_register_response::ResponseReport>(())
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "arbitrary")]
mod arbitrary_impls;
mod cleeng_error;
mod code;
mod customer_id;
mod envelope;
mod jwt;
pub mod openapi;
mod schema;
#[cfg(feature = "proptest")]
#[cfg_attr(docsrs, doc(cfg(feature = "proptest")))]
pub mod strategies;
mod token;

pub use cleeng_error::{CleengError, CleengErrorCode, ServerErrorCode};
pub use code::ResponseErrorCode;
pub use customer_id::CustomerId;
pub use envelope::RegisterResponse;
pub use jwt::{Jwt, JwtClaims};
pub use schema::{cleeng_error_schema, response_schema};
pub use token::{CustomerToken, RefreshToken};

/// Every problem found in Cleeng's answer: the core's report with the answer's codes. Its
/// messages name the answer ("the response body must be a UTF-8 JSON object",
/// "responseData.jwt names a different customerId than responseData.customerId").
pub type ResponseReport = cleeng_register::ValidationReport<ResponseErrorCode>;

/// Refuses a JSON value of the wrong type without quoting it (serde's default message would).
fn refuse_type<E: serde::de::Error>(expected: &str) -> E {
    E::custom(format_args!(
        "expected {expected}, found a value of another type"
    ))
}
