//! Cleeng's Users migration template (CSV): the check a file passes before import.
//!
//! Broadcasters moving to Cleeng import their customers from a CSV file with Cleeng's
//! template columns ([`Column`]). Cleeng skips records it cannot import; this crate finds
//! them first, with the same rules and codes as a registration request (the core crate,
//! `cleeng-register`), plus the template's own ([`MigrationErrorCode`]): calendar dates
//! ([`CalendarDate`]), an IANA time zone ([`TimeZoneName`]), a password hash
//! ([`PasswordHash`]), and values unique across the file ([`DuplicateIndex`]).
//!
//! The library does no I/O: the caller reads the file's bytes and hands them, in slices of any
//! size, to a [`RecordReader`] (a streaming CSV reader built on `csv-core`, whose memory is
//! bounded by [`MAX_RECORD_BYTES`], not by the file), which hands back each record with the
//! line it starts on and its bytes as they were. [`UsersFile`] takes the header record, then
//! checks each record. Each record gives a [`RecordReport`] that serializes to one output
//! line. (Records from another CSV reader can be checked too: [`UsersFile::new`] takes header
//! cells and [`UsersFile::check`] raw fields.)
//!
//! ```
//! use cleeng_register_migration::{Column, RecordRules, UsersFile};
//! use cleeng_register::Policy;
//! let rules = RecordRules::new(Policy::default(), "2025-06-30".parse()?);
//! let header = Column::ALL.map(|c| c.template_name().as_bytes());
//! let mut file = UsersFile::new(rules, header).map_err(|r| format!("{:?}", r.errors()))?;
//! let fields = ["Jane", "Doe", "jane@example", "en_US", "", "", "GB", "", "", "", "", ""];
//! let report = file.check(2, fields.map(str::as_bytes));
//! assert_eq!(
//!     serde_json::to_string(&report)?,
//!     r#"{"row":2,"valid":false,"errors":[{"column":"Email","code":"invalid_format","message":"Email must be a valid email address"}],"advisories":[]}"#
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod code;
mod column;
mod date;
mod duplicates;
mod file;
mod header;
mod password_hash;
mod reader;
mod record;
mod report;
mod time_zone;

pub use code::{MigrationErrorCode, RecordParams};
pub use column::{Column, UnknownColumn};
pub use date::CalendarDate;
pub use duplicates::DuplicateIndex;
pub use file::UsersFile;
pub use header::Header;
pub use password_hash::PasswordHash;
pub use reader::{
    Fields, Piece, Record, RecordDefect, RecordReader, LONGEST_VALID_RECORD_BYTES, MAX_RECORD_BYTES,
};
pub use record::{RecordCurrency, RecordRules, UserRecord};
pub use report::{RecordAdvisory, RecordError, RecordReport, UsersSummary};
pub use time_zone::TimeZoneName;
