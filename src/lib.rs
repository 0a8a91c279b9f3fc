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
//! Start with the [`cookbook`] (recipes, each a tested example); the [`contract`] states every
//! rule, code, advisory and policy key in one place.
//!
//! # Where things are
//!
//! - The body's fields: one type each ([`Email`], [`Password`], [`OfferId`], [`PublisherId`],
//!   [`Locale`], [`CountryCode`], [`Currency`], [`PersonName`], [`ExternalId`],
//!   [`CustomData`], [`CustomerIp`], [`CaptchaToken`]), each with `parse`, `FromStr`, serde.
//! - The whole body: [`RegisterRequest`] (from [`RegisterRequest::from_json`], the serde seed
//!   [`request::RequestSeed`], or [`RegisterRequest::builder`]), [`OfferOrPublisher`], and
//!   [`Field`], the list of its keys.
//! - What goes wrong: [`ErrorCode`] and [`ValueError`] (one value), [`FieldError`] and
//!   [`ValidationReport`] (a body), [`Problem`] (the RFC 9457 answer of a service); module
//!   [`error`] has the machinery every vocabulary shares, module [`report`] the result shape
//!   the crate writes.
//! - What a valid body's sender should know: [`Advisory`], [`Advisories`].
//! - A service's choices: [`Policy`] (module [`policy`], with its builder, error and limits).
//! - For frontends: [`schema`] (JSON Schema of the body and of a result) and [`messages`]
//!   (the crate's sentence for every rule of every field).
//! - Features `proptest` (module `strategies`) and `arbitrary` (`Arbitrary` for every type).
//!
//! The root re-exports the main types of the modules, deliberately: [`Policy`] from
//! [`policy`]; [`RegisterRequest`] and [`OfferOrPublisher`] from [`request`];
//! [`FieldError`] and [`ValidationReport`] from [`report`]; [`ErrorCode`] and [`ValueError`]
//! from [`error`]. Every other item has one path.
//!
//! Cleeng's answer to the call and the Users migration check are crates of their own,
//! `cleeng-register-response` and `cleeng-register-migration`: a service that only validates
//! requests builds neither.

#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod advisory;
pub mod contract;
pub mod cookbook;
pub mod error;
mod field;
mod field_rules;
mod integrations;
pub mod messages;
pub mod policy;
mod problem;
pub mod report;
pub mod request;
pub mod schema;
pub mod text;
mod value;

pub use advisory::{Advisories, Advisory};
pub use error::{ErrorCode, ValueError};
pub use field::Field;
pub use policy::Policy;
pub use problem::Problem;
pub use report::{FieldError, ValidationReport};
pub use request::{OfferOrPublisher, RegisterRequest};
pub use value::{
    CaptchaToken, CountryCode, Currency, CustomData, CustomerIp, Email, ExternalId, Locale,
    OfferId, OfferKind, Password, PersonName, PublisherId,
};

#[cfg(feature = "proptest")]
#[cfg_attr(docsrs, doc(cfg(feature = "proptest")))]
pub use integrations::strategies;

/// What the workspace's macros and crates use from this one; not an API.
#[doc(hidden)]
pub mod __private {
    pub use serde;
}

/// The README's Rust examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
