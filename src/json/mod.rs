//! Reading JSON without building a `serde_json::Value`: the crate's own scanner, the
//! one-pass body reader built on it, the same reader through serde (for `RequestSeed`), and
//! the serde walker that skips values on that path; and the writer of the crate's own answers
//! (a refused request's problem document).

pub(crate) mod body;
pub(crate) mod scan;
pub(crate) mod serde_body;
pub(crate) mod walk;
pub(crate) mod write;
