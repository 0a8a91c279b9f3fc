//! Cleeng's Users migration template (CSV): the check a file passes before import.
//!
//! Broadcasters moving to Cleeng import their customers from a CSV file with Cleeng's
//! template columns ([`Column`]). Cleeng skips records it cannot import; this crate finds
//! them first, with the same rules and codes as a registration request (the core crate,
//! `cleeng-register`), plus the template's own ([`MigrationErrorCode`]): calendar dates
//! ([`CalendarDate`]), an IANA time zone ([`TimeZoneName`]), a password hash
//! ([`PasswordHash`]), and values unique across the file (`duplicate_value`, by [`mailbox_key`] for emails).
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
//!
//! # The spreadsheet round trip
//!
//! The command line (`cleeng-register users`, crate `cleeng-register-cli`) shows the crate at
//! work: one JSON line per record, a summary on standard error, and status 0, 1 or 2 as for
//! `validate`. `--errors-csv errors.csv` writes the same errors as CSV
//! (`row,column,code,message`) to open beside the file. `--valid-out ok.csv --rejected-out
//! fix.csv` splits the records byte for byte (line ends, quoting, a byte order mark and blank
//! lines as they were), each part with the header: upload `ok.csv` now, fix `fix.csv` with the
//! errors CSV at hand, check it again and upload it. The two parts hold every record of the
//! input exactly once, in order (a property test and the fuzz target check it). An output
//! that is the input or another output (the same file, however spelled) is refused before
//! any file is touched, and outputs are written to temporary files renamed into place when
//! the run completes, so a failed run leaves earlier files as they were. Cleeng imports at most
//! 100,000 records in one file: `--valid-out ok.csv --split-every 100000` writes the valid part
//! as `ok-1.csv`, `ok-2.csv`, …, each with the header and at most that many records, byte for
//! byte. On a terminal, a progress line on standard error counts the records checked.
//!
//! [`RecordRules::check`] checks one record alone and gives a typed [`UserRecord`].
//!
//! # The template's rules
//!
//! Header names match without the `*`, in any ASCII case, ignoring white space around the name
//! and around the `*`; columns come in any order. Errors point at the column's name without
//! `*` (`Email`, `Country Code`), and a record's errors come in the template's column order (each
//! column reports its first broken rule), then `duplicate_value`.
//!
//! | column | rule |
//! |---|---|
//! | `First Name`, `Last Name` | empty allowed; else as `firstName` / `lastName` (`" Jane"` is `surrounding_whitespace`) |
//! | `Email*` | as `email` (with the policy's `allowInternationalEmail`); empty is `missing` |
//! | `Locale*` | as `locale` (with `allowedLocales`); empty is `missing` |
//! | `Last login`, `Create date` | empty allowed; else `invalid_format` unless exactly `YYYY-MM-DD` and a real date (`2024-02-29` yes, `2025-02-29`, `2025-02-30`, `30/09/2025`, `20250930` no); `in_future` when after the day of the check; `invalid_order` at `Create date` when it is after `Last login` |
//! | `Country Code*` | as `country` (`UK` suggests `GB`); empty is `missing` |
//! | `Currency*` | as `currency` (with `allowedCurrencies`); empty means Cleeng's default EUR: the advisory `currency_defaulted` |
//! | `IP Address` | as `customerIP`; empty is `missing` when `Country Code` is `US` or `CA` (Cleeng needs it for tax), or when the policy's `customerIp` requires it (everywhere, or for the countries it lists); the message says which |
//! | `Timezone` | empty allowed (Cleeng uses `Europe/Amsterdam`); else `unknown_code` unless an IANA time zone name |
//! | `External ID` | empty allowed; else as `externalId` |
//! | `Password Hash` | empty allowed; else `invalid_format` unless 1 to 1024 printable ASCII characters without spaces |
//! | header | every template column, each once, nothing else: `missing_column` (template order), then in cell order `duplicate_column` (at the column) and `unknown_column` (column `""`, the message naming the cell's text, escaped and cut to 40 characters: `header cell 4 ("Nickname") is not a column of the Users migration template`), both with params `{"position": N}`, the cell's 1-based position; no record is checked |
//! | a record | the wrong number of fields, a field that is not UTF-8, more than [`MAX_RECORD_BYTES`] (16 KiB, over twice the longest valid record; params `{"max": 16384}`), or a quote never closed before the end of the file: `malformed_row` at column `""`, and nothing else; the run goes on |
//! | across the file | an `Email` naming a mailbox an earlier record named (the domain as its lowercase A-label, the local part in NFC and case-folded: [`mailbox_key`]), or a repeated non-empty `External ID` (byte for byte): `duplicate_value` on every later record, params `{"firstRow": N}` |
//!
//! # Choices where the template is silent
//!
//! - `row` is the line on which the record starts, the header being row 1: a quoted field with
//!   line breaks makes later rows jump; `\n`, `\r\n` and a lone `\r` each end a line. A blank
//!   line (no character at all) is not a record, as in RFC 4180 readers; the split keeps it with
//!   the record before it. A line of spaces is a record with one field: `malformed_row`.
//! - The day of the check is `--today`, else the system date in UTC (taken by the command line;
//!   the library takes it as an argument). A date equal to it is allowed. Years run 0000 to 9999.
//! - `invalid_order` needs both dates valid and not in the future; a broken `Last login` is
//!   reported once, at `Last login`.
//! - Time zone names are checked against the IANA database bundled in the binary (through
//!   `jiff`, so no `/usr/share/zoneinfo` is needed and every machine agrees), exactly as the
//!   database spells them, links included (`US/Eastern`): `europe/amsterdam` is refused.
//! - A password hash's algorithm is not checked. It is a secret like `password`: redacted
//!   `Debug`, wiped on drop, never in an error.
//! - The policy applies as to a request: allow-lists, international email, and `customerIp`
//!   (`required`, or `requiredFor` other countries, add to US and CA; an invalid country silences
//!   only the country's part). An empty `Currency` becomes EUR, which must pass
//!   `allowedCurrencies` too (else `not_supported`). `allowUnknownFields` does not admit unknown
//!   columns: the template is fixed.
//! - Which values enter the duplicate index: an `Email` or `External ID` that passes its own
//!   column's rules, even when another column of its record fails, since the fixed record will
//!   be imported too; an invalid value or a `malformed_row` record indexes nothing. The first
//!   record with a value stays the one later records point at. External ids compare exactly
//!   (case included); emails compare as mailboxes ([`mailbox_key`]): `JOSÉ@x.de` repeats
//!   `josé@x.de`, `jose@bücher.de` repeats `jose@xn--bcher-kva.de`, `Jose@Example.com` repeats
//!   `jose@example.com`.
//! - Advisories (valid records only): `currency_defaulted`, and `customer_ip_not_public` as for
//!   a request. `customer_ip_missing` does not apply: an import has no request source address to
//!   fall back on, the `Country Code` column gives the tax country, and where the address
//!   matters (US, CA) its absence is an error. `offer_country_mismatch` has no offer to compare.
//! - The index keeps each distinct key once: the keys' bytes back to back in one buffer and a
//!   16-byte table slot each (about 64 bytes per key in all), hashed with std's randomly keyed
//!   SipHash so a crafted file cannot force collisions.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod code;
mod column;
mod date;
mod duplicates;
mod file;
mod header;
mod outcome;
mod password_hash;
mod reader;
mod record;
mod report;
mod time_zone;

pub use code::{MigrationErrorCode, RecordParams};
pub use column::{Column, UnknownColumn};
pub use date::CalendarDate;
pub use duplicates::mailbox_key;
// The index behind `duplicate_value`, public for the crate's tests only: not API.
#[doc(hidden)]
pub use duplicates::DuplicateIndex;
pub use file::UsersFile;
pub use header::Header;
pub use outcome::{RecordReport, UsersSummary};
pub use password_hash::PasswordHash;
pub use reader::{
    Fields, Piece, Record, RecordDefect, RecordReader, LONGEST_VALID_RECORD_BYTES, MAX_RECORD_BYTES,
};
pub use record::{RecordCurrency, RecordRules, UserRecord};
pub use report::{RecordAdvisory, RecordError};
pub use time_zone::TimeZoneName;
