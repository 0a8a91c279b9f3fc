//! Reading JSON without building a `serde_json::Value`: the one-pass body reader, and the
//! walker that checks or skips a value.

pub(crate) mod body;
pub(crate) mod walk;
