//! Reading JSON without building a `serde_json::Value`: the one-pass body reader.

pub(crate) mod body;
