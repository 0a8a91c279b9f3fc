//! The integration tests of Cleeng's answer, one binary with a module per concern.

mod util;

mod arbitrary;
mod cleeng_error;
mod jwt;
mod openapi;
mod reader;
mod response;
mod schema;
mod serde_errors;
