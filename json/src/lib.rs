//! The JSON layer under `cleeng-register`, as `csv-core` sits under `csv`: generic, with no
//! idea of a registration.
//!
//! - [`scan`]: a scanner over UTF-8 text that accepts exactly what `serde_json` reading into
//!   a `serde_json::Value` accepts, and refuses what it refuses, without building a `Value`
//!   or decoding a string it is not asked for. The request's body reader and the reader of
//!   Cleeng's answer are built on it.
//! - [`write`](mod@write): appends JSON strings and numbers with `serde_json`'s exact bytes (compact
//!   formatter), for answers written without a serializer.
//! - [`serde_walk`]: serde seeds that skip a value or a key the way `Value` would check it,
//!   for readers that go through serde.
//!
//! What "as serde_json does" means, and how it is held (the crate's README says it at
//! length): the nesting limit ([`scan::PARSER_DEPTH_LIMIT`], 127 levels), numbers that
//! overflow `f64` refused, `\u` escapes whose surrogates must pair, raw control characters in
//! strings refused. Differential tests compare the scanner with `serde_json` on generated and
//! edge-case texts, with `serde_json`'s default features and with `arbitrary_precision` and
//! `float_roundtrip` switched on, since any crate in a dependent's graph can switch them on.
//!
//! ```
//! use cleeng_register_json::scan::{walk_text, Walked};
//!
//! assert_eq!(walk_text(r#"{"a":[1]}"#), Ok(Walked { depth: 2, is_object: true }));
//! assert!(walk_text("[1e999]").is_err()); // overflows f64, as serde_json says
//!
//! let mut out = Vec::new();
//! cleeng_register_json::write::push_str(&mut out, "line\nbreak");
//! assert_eq!(out, br#""line\nbreak""#);
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod scan;
pub mod serde_walk;
pub mod write;
