//! A validated model of a Cleeng MediaStore customer registration (`POST /customers`).
//!
//! Every field of the body has a type whose constructor enforces the field's rules, and a
//! [`RegisterRequest`] exists only when the whole body is valid: parse, don't validate.
//! Rejected bodies give a [`ValidationReport`] with every error, each with a JSON Pointer, a
//! stable [`ErrorCode`] and a message that never repeats the submitted value.
//!
//! ```
//! use cleeng_register::{Policy, RegisterRequest};
//!
//! let body = br#"{"email":"jane@example.com","password":"s3cret-pass","publisherId":"123456789",
//!                 "locale":"en_US","country":"US","currency":"USD","customerIP":"8.8.8.8"}"#;
//! match RegisterRequest::from_json(body, &Policy::default()) {
//!     Ok(request) => assert_eq!(request.country().as_str(), "US"),
//!     Err(report) => panic!("{report}"),
//! }
//!
//! let report = RegisterRequest::from_json(br#"{"email":"jane@example"}"#, &Policy::default()).unwrap_err();
//! assert_eq!(report.errors()[0].pointer(), "/email");
//! assert_eq!(report.errors()[0].code().as_str(), "invalid_format");
//! ```
//!
//! # Where things are
//!
//! - The body's fields: one type each ([`Email`], [`Password`], [`OfferId`], [`PublisherId`],
//!   [`Locale`], [`CountryCode`], [`Currency`], [`PersonName`], [`ExternalId`],
//!   [`CustomData`], [`CustomerIp`], [`CaptchaToken`]), each with `parse`, `FromStr`, serde.
//! - The whole body: [`RegisterRequest`] (from [`RegisterRequest::from_json`], the serde seed
//!   [`RequestSeed`], or [`RegisterRequest::builder`]), [`OfferOrPublisher`], [`Field`].
//! - What goes wrong: [`ErrorCode`], [`Params`], [`ValueError`] (one value), [`FieldError`] and
//!   [`ValidationReport`] (a body), [`ValidationResult`] (the result shape written out).
//! - What a valid body's sender should know: [`Advisory`], [`Advisories`].
//! - A service's choices: [`Policy`], [`CustomerIpRule`].
//! - For frontends: [`schema`] (JSON Schema).
//! - Features `proptest` (module `strategies`) and `arbitrary` (`Arbitrary` for every type).
//!
//! The README's "Rules" section is the contract: every rule, every error code, and every
//! choice made where Cleeng's API page is silent.

#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod advisory;
mod error;
mod external;
mod field;
mod json;
pub mod messages;
pub mod migration;
pub mod openapi;
mod policy;
mod problem;
mod report;
mod request;
pub mod response;
pub mod schema;

pub use advisory::{Advisories, Advisory};
pub use error::{ErrorCode, Params, UnknownName, ValueError, Violation};
pub use field::{
    CaptchaToken, CountryCode, Currency, CustomData, CustomerIp, Email, ExternalDataLimits,
    ExternalId, Locale, OfferId, OfferKind, Password, PersonName, PublisherId,
};
pub use policy::{CustomerIpRule, Policy, PolicyBuilder, PolicyError};
pub use problem::Problem;
pub use report::{FieldError, ValidationReport, ValidationResult};
pub use request::{Field, OfferOrPublisher, RegisterRequest, RegisterRequestBuilder, RequestSeed};
pub use response::{
    CleengError, CleengErrorCode, CustomerId, CustomerToken, Jwt, JwtClaims, RefreshToken,
    RegisterResponse,
};

#[cfg(feature = "proptest")]
#[cfg_attr(docsrs, doc(cfg(feature = "proptest")))]
pub use external::strategies;

// Crate-internal helpers the migration module reaches through the crate root.
pub(crate) use error::RuleText;

/// The README's Rust examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
