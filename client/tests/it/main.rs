//! The client's integration tests, one binary: the double of Cleeng, the client's outcomes
//! against it, and the secrets no output may show.

mod double;

mod client;
mod gateway;
mod secrets;
