//! The core's integration tests, one binary (one link, one run) with a module per concern.
//! `tests/allocations.rs` is a binary of its own because it replaces the global allocator.

mod util;

mod arbitrary;
mod codes;
mod customer_ip;
mod debug;
mod email;
mod external_data;
mod free_text;
mod laws;
mod messages;
mod password;
mod policy;
mod problem;
mod reader;
mod request;
mod schema;
mod serde_errors;
mod tables;
mod unicode;
