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
//! The rules are those of the crate's `SPEC.md`; the README lists them with every choice the
//! SPEC left open.

#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "arbitrary")]
mod arbitrary_impls;
mod body;
mod captcha;
mod country;
mod currency;
mod custom_data;
mod customer_ip;
mod email;
mod error;
mod external_id;
mod locale;
pub mod migration;
mod name;
mod offer;
mod password;
mod policy;
mod publisher;
mod request;
pub mod schema;
mod text;

pub use captcha::CaptchaToken;
pub use country::CountryCode;
pub use currency::Currency;
pub use custom_data::{CustomData, ExternalDataLimits};
pub use customer_ip::CustomerIp;
pub use email::Email;
pub use error::{
    Advisories, Advisory, ErrorCode, Field, FieldError, Params, ValidationReport, ValueError,
    Violation,
};
pub use external_id::ExternalId;
pub use locale::Locale;
pub use name::PersonName;
pub use offer::{OfferId, OfferKind};
pub use password::Password;
pub use policy::{CustomerIpRule, Policy, PolicyBuilder, PolicyError};
pub use publisher::PublisherId;
pub use request::{OfferOrPublisher, RegisterRequest, RegisterRequestBuilder};

#[cfg(feature = "proptest")]
pub mod strategies;

// Crate-internal helpers the migration module reaches through the crate root.
pub(crate) use error::RuleText;

/// The README's Rust examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
