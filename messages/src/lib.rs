//! The messages of `cleeng-register` in English, German, Spanish, French, Italian, Polish
//! and Portuguese (Brazil): one [Project Fluent](https://projectfluent.org) catalog that
//! Rust renders with `fluent-bundle` and browsers with `@fluent/bundle`.
//!
//! - [`Language`]: the catalog's languages, and [`Language::negotiate`] for an
//!   `Accept-Language` header (RFC 4647 lookup, English by default).
//! - [`Catalog`]: words a request's [`FieldError`](cleeng_register::FieldError), an
//!   [`Advisory`](cleeng_register::Advisory), the problem document
//!   ([`Catalog::problem_json`]), a migration file's errors and advisories in a language;
//!   [`Catalog::source`] is a language's `.ftl` text for a browser. The migration's
//!   messages need the default feature `migration`; a service that words requests only
//!   can leave it out (and the migration crate with it).
//! - [`document`]: the messages document of the core, per language.
//!
//! Customer-facing messages name a field by its label in the language ("Adres e-mail"),
//! never its JSON key, which stays in the error's pointer and code; no message in any
//! language repeats a submitted value: the only variables are labels, limits, row and
//! cell numbers, and codes from the crate's own lists. The core's `Display` stays English
//! (its sentences for logs and programs); the catalog's English is what customers see.
//!
//! ```
//! use cleeng_register::{Policy, RegisterRequest};
//! use cleeng_register_messages::{Catalog, Language};
//!
//! let language = Language::negotiate("pl-PL,pl;q=0.9,en;q=0.8");
//! let report = RegisterRequest::from_json(br#"{"email":"jane@example.com"}"#, &Policy::default()).unwrap_err();
//! let catalog = Catalog::get();
//! let messages: Vec<_> = report.errors().iter().map(|e| catalog.field_error(language, e)).collect();
//! assert_eq!(messages[0], "Pole „Hasło” jest wymagane.");
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod catalog;
pub mod document;
mod language;
#[cfg(feature = "migration")]
mod migration;
mod request;
mod written;

pub use catalog::{Arg, Catalog, Message};
pub use language::{Language, UnknownLanguage};
#[cfg(feature = "migration")]
pub use migration::{column_field, column_label_id, column_slug};
pub use request::{field_label_id, Subject};
