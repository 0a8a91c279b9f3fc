//! The work behind the `cleeng-register` command, kept apart from argument handling so that
//! tests and the fuzz target call exactly what the binary calls.
//!
//! Not an API: the command line is the interface (`cleeng-register --help`). The modules are
//! public for the binary, its tests and the fuzz target only, hidden from the docs, and may
//! change in any release; a Rust service uses the `cleeng-register` crates instead.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

use std::{fmt, io};

#[doc(hidden)]
pub mod args;
#[doc(hidden)]
pub mod output;
#[doc(hidden)]
pub mod split;
#[doc(hidden)]
pub mod users;
#[doc(hidden)]
pub mod validate;
#[doc(hidden)]
pub mod wipe;
#[doc(hidden)]
pub mod worded;
#[doc(hidden)]
pub mod wording;

#[doc(hidden)]
pub use validate::{run_validate, validate_line, Summary};

/// Why a command stops with status 2 once its arguments have parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// Arguments that parse but do not go together (an output that is the input, say):
    /// reported as clap reports usage errors, with the command's usage line.
    Usage(String),
    /// A policy, file or I/O error, in a sentence.
    Fatal(String),
}

impl Failure {
    /// The failure of a run that stopped on an I/O error: the failure the error carries (an
    /// output refused half-way, such as a part of a split), else `I/O error: …`.
    pub fn from_io(error: io::Error) -> Failure {
        if error.get_ref().is_some_and(|e| e.is::<Failure>()) {
            let inner = error.into_inner().expect("checked above");
            return *inner.downcast::<Failure>().expect("checked above");
        }
        Failure::Fatal(format!("I/O error: {error}"))
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Usage(message) | Failure::Fatal(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for Failure {}
