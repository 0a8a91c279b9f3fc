//! The integration tests of the Users migration check, one binary with a module per concern.

mod util;

mod duplicates;
mod header;
mod reader;
mod record;
mod values;
