//! The work behind the `cleeng-register` command, kept apart from argument handling so that
//! tests and the fuzz target call exactly what the binary calls.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod args;
pub mod output;
pub mod users;
pub mod validate;
pub mod wipe;
pub mod wording;

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
