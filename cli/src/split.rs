//! The valid part of a migration file split into parts of at most N records, each starting
//! with the header: the counting and the header kept for the parts after the first. Where the
//! parts go is a [`Parts`]: files beside `--valid-out` ([`crate::output::SplitFiles`]), or
//! memory.

use std::io::{self, Write};
use std::num::NonZeroU64;

/// The valid part written as numbered files of at most `every` records each, every one
/// with the header: what `--split-every` asks for.
pub struct Split<'a> {
    /// The most records in one part.
    pub every: NonZeroU64,
    /// Where the parts go.
    pub parts: &'a mut dyn Parts,
}

/// The files of a split valid part, written one after the other.
pub trait Parts {
    /// Ends the part being written, if any, and starts part `index` (1-based, in order).
    fn start(&mut self, index: u64) -> io::Result<()>;
    /// Where the part being written goes.
    fn writer(&mut self) -> &mut dyn Write;
}

/// Parts kept in memory, one `Vec` each.
impl Parts for Vec<Vec<u8>> {
    fn start(&mut self, _index: u64) -> io::Result<()> {
        self.push(Vec::new());
        Ok(())
    }

    fn writer(&mut self) -> &mut dyn Write {
        self.last_mut().expect("a part was started")
    }
}

/// The valid part's split, as a run goes.
pub(crate) struct Splitting<'o> {
    every: u64,
    parts: &'o mut dyn Parts,
    /// The part being written (1-based) and its records so far.
    index: u64,
    records: u64,
    /// The header record's bytes and its line end, which every part after the first starts
    /// with (the first has the input's bytes before its first record, as `--valid-out`).
    header: Vec<u8>,
}

impl<'o> Splitting<'o> {
    /// Starts the first part.
    pub(crate) fn new(split: Split<'o>) -> io::Result<Self> {
        split.parts.start(1)?;
        Ok(Splitting {
            every: split.every.get(),
            parts: split.parts,
            index: 1,
            records: 0,
            header: Vec::new(),
        })
    }

    /// The header record's bytes (its line end included, but for the `\n` of a `\r\n`).
    pub(crate) fn header(&mut self, bytes: &[u8]) {
        self.header.extend_from_slice(bytes);
    }

    /// Bytes after the header and before the first record: the `\n` of the header's `\r\n`
    /// comes among them, apart from the header.
    pub(crate) fn before_the_first_record(&mut self, bytes: &[u8]) {
        if self.header.ends_with(b"\r") && bytes.starts_with(b"\n") {
            self.header.push(b'\n');
        }
    }

    /// Writes bytes of the valid part to the part being written.
    pub(crate) fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.parts.writer().write_all(bytes)
    }

    /// Flushes the part being written.
    pub(crate) fn flush(&mut self) -> io::Result<()> {
        self.parts.writer().flush()
    }

    /// Starts a new part when the one being written is full, before a valid record.
    pub(crate) fn before_record(&mut self) -> io::Result<()> {
        if self.records == self.every {
            self.index += 1;
            self.parts.start(self.index)?;
            self.parts.writer().write_all(&self.header)?;
            self.records = 0;
        }
        self.records += 1;
        Ok(())
    }
}
