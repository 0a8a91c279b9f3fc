//! The command line's integration tests, one binary with a module per concern. They run the
//! built `cleeng-register` binary.

mod util;

mod cases;
mod command_line;
mod fuzz_replay;
mod lang;
mod openapi;
mod users;
#[cfg(unix)]
mod users_outputs;
mod validate;
