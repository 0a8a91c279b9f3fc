//! The axum crate's integration tests, one binary with a module per concern: in process
//! (`oneshot`) where the extractor alone is tested, over a real socket where the edge is.

mod util;

mod customer_ip;
mod edge;
mod extractor;
mod gateway_example;
mod no_echo;
mod readme;
mod socket;
mod text_output;
mod write_timeout;
