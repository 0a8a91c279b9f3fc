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
//!
//! # The answer's rules
//!
//! | part | rule |
//! |---|---|
//! | body | not UTF-8, not JSON, or not an object: `malformed_body` at `""`, alone. Unknown keys are ignored, in the envelope and in `responseData`; a repeated key counts once and its last value wins (as in JavaScript's `JSON.parse`) |
//! | `responseData` | absent or `null`: `missing`; not an object: `not_an_object` |
//! | `customerId` | a JSON number or a string of ASCII digits, positive, at most `u64::MAX`; `0`, negatives, fractions, exponents, `+`, spaces, leading zeros and other JSON types are `invalid_format`. `CustomerId` serializes as a number |
//! | `jwt` | a string (`not_a_string`); `invalid_format` unless three non-empty base64url segments without `=` (the `base64` crate's URL-safe engine), whose last group's unused bits are zero (one token, one spelling), header and payload JSON objects, and the claims `customerId` (as above), `publisherId` (9 digits as a string, or a number 0 to 999999999 read with leading zeros: `20718285` is `020718285`) and `exp` (whole seconds, a non-negative integer) all present and typed. Cleeng documents all three, so a token without one is refused rather than given a default. A claim name given twice is refused (RFC 7519 allows refusing or taking the last). Other claims are kept as JSON (`JwtClaims::claim`) |
//! | signature | **not verified**: the crate has no keys and no I/O, and says so in the name `unverified_claims()` |
//! | consistency | the JWT's `customerId` differs from `responseData.customerId` (compared as numbers, `"7"` equals `7`): `claims_mismatch` at `/responseData/jwt`; not reported when either is already invalid |
//! | `customerToken`, `refreshToken` | as `captchaValue`, at most 4096: `too_short`, `too_long`, `invalid_format` unless `!`..`~` |
//! | secrets | the JWT and both tokens: `Debug` prints `Jwt(***)`, `CustomerToken(***)`, `RefreshToken(***)`; read through `expose_secret()`; memory wiped on drop (`zeroize`). `Debug` of `JwtClaims` names the other claims but not their values |
//! | expiry | `is_expired_at(now)` is true from the `exp` second on (RFC 7519 "on or after"); a `now` before 1970 is before every `exp` |
//! | error order | `responseData`, then `customerId`, `customerToken`, `jwt`, `refreshToken` |
//! | Cleeng errors | the code from a top-level string `code`, else the first element of `errors` (a string, or an object with a string `code`); the message from a top-level string `message`, else that element's `message`. `REQ0001` 400, `USER0002` 422, `CPT0001` and `CPT0002` 429, `S` and four digits or `X`s 500; any other string is `CleengErrorCode::Other`, kept as sent, with no status. No code anywhere: `missing` at `/code`; an empty code `too_short`, one over 64 characters `too_long`, one outside printable ASCII `invalid_format`, all at `/code`; not an object: `malformed_body` |
//!
//! The codes are [`ResponseErrorCode`]'s; a rule the request shares has the request's code and
//! sentence, and the answer as a whole is "the response body" in messages.
//!
//! # Reading an answer
//!
//! ```
//! use std::time::{Duration, UNIX_EPOCH};
//! use cleeng_register_response::{RegisterResponse, ResponseErrorCode};
//!
//! // HTTP 200. The JWT's claims: {"customerId":7,"publisherId":20718285,"exp":1700000000}.
//! let body = br#"{"responseData":{"customerId":"7","customerToken":"ct_abc","refreshToken":"rt_xyz",
//!   "jwt":"eyJhbGciOiJub25lIn0.eyJjdXN0b21lcklkIjo3LCJwdWJsaXNoZXJJZCI6MjA3MTgyODUsImV4cCI6MTcwMDAwMDAwMH0.c2ln"},
//!   "errors":[],"addedLater":true}"#;
//! let response = RegisterResponse::from_json(body)?;
//! assert_eq!(response.customer_id().get(), 7);
//! // Read, not verified: check the signature with Cleeng's key before trusting the claims.
//! let claims = response.jwt().unverified_claims();
//! assert_eq!(claims.publisher_id().as_str(), "020718285");
//! assert!(claims.is_expired_at(UNIX_EPOCH + Duration::from_secs(1_700_000_000)));
//! // Debug shows the customer id and no part of any token.
//! assert!(!format!("{response:?}").contains("ct_abc"));
//! // Serialize gives Cleeng's envelope back (for mocks), which reads back equal.
//! let mock = serde_json::to_vec(&response).unwrap();
//! assert_eq!(RegisterResponse::from_json(&mock)?, response);
//!
//! // Every error at once.
//! let report = RegisterResponse::from_json(br#"{"responseData":{"customerId":"0123","jwt":"a.b"}}"#)
//!     .unwrap_err();
//! let found: Vec<_> = report.errors().iter().map(|e| (e.pointer(), e.code())).collect();
//! assert_eq!(found, [
//!     ("/responseData/customerId", ResponseErrorCode::InvalidFormat),
//!     ("/responseData/customerToken", ResponseErrorCode::Missing),
//!     ("/responseData/jwt", ResponseErrorCode::InvalidFormat),
//!     ("/responseData/refreshToken", ResponseErrorCode::Missing),
//! ]);
//! assert_eq!(report.errors()[1].to_string(), "responseData.customerToken is required");
//! # Ok::<(), cleeng_register_response::ResponseReport>(())
//! ```
//!
//! # For frontend teams: the whole call in OpenAPI 3.1
//!
//! [`openapi::document`] is the OpenAPI 3.1 document of `POST /customers` under a policy (the
//! repository checks in `schema/openapi.json` for the default one; `cleeng-register openapi
//! --policy FILE` prints yours): the request body (the core's JSON Schema), the 200 answer
//! ([`response_schema`]), Cleeng's error bodies for 400 `REQ0001`, 422 `USER0002`, 429
//! `CPT0001`/`CPT0002` and 500 `SXXXX` ([`cleeng_error_schema`]), the RFC 9457 problem document a
//! validating service answers for an invalid body (400, or 422) and for a body over the limit
//! (413), and 415 for a wrong `Content-Type`. It names Cleeng's sandbox and production hosts,
//! declares `security: []` (registration needs no token), and has an example for every body,
//! each valid under its own schema (tested).
//!
//! Generate types and let the compiler check a client:
//!
//! ```sh
//! npx openapi-typescript schema/openapi.json --output src/api.d.ts
//! ```
//!
//! ```ts
//! import type { components, operations } from "./api";
//! type RegisterRequest = components["schemas"]["RegisterRequest"];
//! type Registered = operations["registerCustomer"]["responses"][200]["content"]["application/json"];
//! type Problem = components["schemas"]["Problem"];
//! ```
//!
//! The repository's CI proves it (`schema/frontend/`): Redocly CLI lints the document with its
//! recommended rules, openapi-typescript generates the types and `tsc --strict` compiles a client
//! against them. Two things to know: openapi-typescript bundles an older Redocly whose example
//! check refuses the valid typical body under the offer-or-publisher `anyOf`, so generation turns
//! only that rule off (`schema/frontend/redocly-typegen.yaml`); and `customerIP` comes out as
//! `unknown` (its schema is an `anyOf` of two formats): treat it as a string.

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

/// The base URL of Cleeng's sandbox MediaStore API (`POST <base>/customers`): the OpenAPI
/// document's first server, and the `cleeng-register-client` crate's `sandbox`.
pub const SANDBOX_BASE_URL: &str = "https://mediastoreapi-sandbox.cleeng.com";

/// The base URL of Cleeng's production MediaStore API (`POST <base>/customers`): the OpenAPI
/// document's second server, and the `cleeng-register-client` crate's `production`.
pub const PRODUCTION_BASE_URL: &str = "https://mediastoreapi.cleeng.com";

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

/// The README's Rust example, compiled and run as a doc test.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
