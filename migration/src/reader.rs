//! Reading a migration file record by record in bounded memory, with `csv-core`.
//!
//! The caller does the I/O and hands over the file's bytes in slices of any size; the reader
//! hands back [`Piece`]s: each record with the line it starts on, its fields and its bytes as
//! they were, and the bytes between records. A record longer than any valid record can be is
//! reported when it reaches [`MAX_RECORD_BYTES`] and is not held any further: memory is bounded
//! by that cap, not by the file.

use csv_core::{ReadRecordResult, Reader, ReaderBuilder};

use crate::{Column, PasswordHash};
use cleeng_register::{Email, ExternalId, PersonName};

/// The most characters a valid value of `column` has: the value types' own limits, or the
/// longest text their shape allows.
const fn max_chars(column: Column) -> usize {
    match column {
        Column::FirstName | Column::LastName => PersonName::MAX_CHARS,
        Column::Email => Email::MAX_CHARS,
        // `xxx_XX`.
        Column::Locale => 6,
        // `YYYY-MM-DD`.
        Column::LastLogin | Column::CreateDate => 10,
        Column::CountryCode => 2,
        Column::Currency => 3,
        // `ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255`.
        Column::IpAddress => 45,
        // IANA names are at most 14 characters a part, a few parts (the longest is 32:
        // `America/Argentina/ComodRivadavia`); a test checks every bundled name.
        Column::Timezone => 64,
        Column::ExternalId => ExternalId::MAX_CHARS,
        Column::PasswordHash => PasswordHash::MAX_CHARS,
    }
}

/// The most bytes a valid record can take, its line end excluded: every value at its longest,
/// each character taking 4 bytes in UTF-8 (a quote, 1 byte, is written as 2 in CSV, so 4 is
/// the worst case for it too), each field quoted, a comma between fields: 7,127 bytes.
/// [`MAX_RECORD_BYTES`] is well above it.
///
/// ```
/// use cleeng_register_migration::{LONGEST_VALID_RECORD_BYTES, MAX_RECORD_BYTES};
/// assert_eq!(LONGEST_VALID_RECORD_BYTES, 7_127);
/// assert!(MAX_RECORD_BYTES > 2 * LONGEST_VALID_RECORD_BYTES);
/// ```
pub const LONGEST_VALID_RECORD_BYTES: usize = {
    let mut bytes = Column::COUNT - 1;
    let mut i = 0;
    while i < Column::COUNT {
        bytes += 4 * max_chars(Column::ALL[i]) + 2;
        i += 1;
    }
    bytes
};

/// The longest record [`RecordReader`] holds, in bytes, its line end excluded: 16 KiB.
///
/// No valid record comes near it ([`LONGEST_VALID_RECORD_BYTES`] is 7,127 bytes, every value
/// at its longest in the widest encoding, and a real one is a few hundred), so a longer record
/// is an error whatever its fields hold; and the cap leaves room for the columns' limits to
/// grow without a valid record ever being cut. A record over the cap costs the reader no more
/// memory than one at it: the bytes past it stream through and are not kept. The header is a
/// record like the others (its names may have spaces around them, not 16 KiB of them).
pub const MAX_RECORD_BYTES: usize = 16 * 1024;

const _: () = assert!(LONGEST_VALID_RECORD_BYTES < MAX_RECORD_BYTES);

/// What is wrong with a record that the reader can tell alone, before its fields are checked.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RecordDefect {
    /// The record is longer than `max_bytes` (its line end excluded): its fields are not
    /// read, and its bytes past the cap come as [`Piece::Bytes`].
    TooLong {
        /// The cap it went over.
        max_bytes: usize,
    },
    /// The file ends inside a quoted field: a quote is never closed.
    OpenQuote,
}

/// One record as the reader found it.
#[derive(Clone, Debug)]
pub struct Record<'a> {
    row: u64,
    bytes: &'a [u8],
    fields: Fields<'a>,
    defect: Option<RecordDefect>,
}

impl<'a> Record<'a> {
    /// The 1-based line on which the record starts: `\n`, `\r\n` and a lone `\r` each end a
    /// line, inside quoted fields too.
    pub fn row(&self) -> u64 {
        self.row
    }

    /// The record's bytes as they are in the input, quotes and the line end that ends it
    /// included (the `\n` of a `\r\n` comes in the next [`Piece::Bytes`]). For a record too
    /// long to hold, the bytes up to the cap and one past it; the rest comes in
    /// [`Piece::Bytes`].
    pub fn bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// The fields, unquoted; none for a record too long to hold.
    pub fn fields(&self) -> Fields<'a> {
        self.fields.clone()
    }

    /// What is wrong with the record's shape, if anything.
    pub fn defect(&self) -> Option<RecordDefect> {
        self.defect
    }
}

/// The fields of a [`Record`], unquoted.
#[derive(Clone, Debug)]
pub struct Fields<'a> {
    data: &'a [u8],
    ends: std::slice::Iter<'a, usize>,
    start: usize,
}

impl<'a> Iterator for Fields<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        let end = *self.ends.next()?;
        let field = &self.data[self.start..end];
        self.start = end;
        Some(field)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.ends.size_hint()
    }
}

impl ExactSizeIterator for Fields<'_> {}

impl Fields<'_> {
    fn none() -> Fields<'static> {
        Fields {
            data: &[],
            ends: [].iter(),
            start: 0,
        }
    }
}

/// What the reader hands over, in input order: every byte of the input is in exactly one
/// piece, so writing the pieces out gives the input back.
#[derive(Clone, Debug)]
pub enum Piece<'a> {
    /// A record.
    Record(Record<'a>),
    /// Bytes that belong with the record before them: the `\n` of its `\r\n` and the blank
    /// lines after it, or the rest of a record too long to hold. Before the first record, the
    /// blank lines that open the file.
    Bytes(&'a [u8]),
}

/// Where the reader is.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum State {
    /// Before a record: line ends are blank lines or the end of the last record.
    Between,
    /// Inside a record that is held.
    InRecord,
    /// Inside a record too long to hold, until its end.
    TooLong,
}

/// A streaming, I/O-free reader of RFC 4180 CSV records (as the `csv` crate reads them:
/// `\n`, `\r\n` or `\r` end a record, blank lines are skipped, a UTF-8 byte order mark at the
/// start is not part of the first field), built on `csv-core`. Memory: about
/// `max_bytes` for the record held and 8 bytes per byte of it for the field ends, whatever
/// the input's size.
///
/// ```
/// use cleeng_register_migration::{Piece, RecordReader};
/// let mut reader = RecordReader::new();
/// let mut rows = Vec::new();
/// let mut copy = Vec::new();
/// let mut collect = |piece: Piece<'_>| -> Result<(), ()> {
///     match piece {
///         Piece::Record(record) => {
///             let fields: Vec<String> = record
///                 .fields()
///                 .map(|f| String::from_utf8_lossy(f).into_owned())
///                 .collect();
///             rows.push((record.row(), fields));
///             copy.extend_from_slice(record.bytes());
///         }
///         Piece::Bytes(bytes) => copy.extend_from_slice(bytes),
///     }
///     Ok(())
/// };
/// let input = b"a,b\r\n\r\n\"multi\nline\",\"x\"\"y\"\n";
/// // The input may come in slices of any size.
/// for slice in input.chunks(3) {
///     reader.feed(slice, &mut collect)?;
/// }
/// reader.finish(&mut collect)?;
/// assert_eq!(rows[0], (1, vec!["a".to_owned(), "b".to_owned()]));
/// assert_eq!(rows[1], (3, vec!["multi\nline".to_owned(), "x\"y".to_owned()]));
/// assert_eq!(copy, input);
/// # Ok::<(), ()>(())
/// ```
// Not `Clone`: `csv-core`'s reader does not clone whole (see `ends_in_quotes`).
#[derive(Debug)]
pub struct RecordReader {
    csv: Reader,
    max_bytes: usize,
    state: State,
    /// The first bytes of the input, until there are 4: `csv-core` strips a byte order mark
    /// only when its first call sees all three of its bytes.
    start: Vec<u8>,
    started: bool,
    /// The bytes of the record in progress from earlier slices (at most `max_bytes + 1`).
    held: Vec<u8>,
    /// The record's unquoted fields, and where each ends.
    fields: Box<[u8]>,
    ends: Box<[usize]>,
    fields_len: usize,
    ends_len: usize,
    row: u64,
    /// Where the record in progress starts in the input, and how many bytes were read
    /// before the slice being read.
    record_offset: u64,
    offset: u64,
    /// Line ends seen so far, and whether the last byte seen was a `\r` (which makes a `\n`
    /// right after it part of the same line end).
    lines: u64,
    after_cr: bool,
}

impl Default for RecordReader {
    fn default() -> Self {
        RecordReader::new()
    }
}

impl RecordReader {
    /// A reader that holds records up to [`MAX_RECORD_BYTES`].
    pub fn new() -> Self {
        RecordReader::with_max_record_bytes(MAX_RECORD_BYTES)
    }

    /// A reader that holds records up to `max_bytes` (their line end excluded; at least 4,
    /// so that a byte order mark fits, and raised to 4 when smaller) and reports longer ones
    /// as [`RecordDefect::TooLong`].
    pub fn with_max_record_bytes(max_bytes: usize) -> Self {
        let max_bytes = max_bytes.max(4);
        RecordReader {
            csv: ReaderBuilder::new().build(),
            max_bytes,
            state: State::Between,
            start: Vec::with_capacity(4),
            started: false,
            held: Vec::new(),
            // A field's bytes are at most the record's; a field ends at a byte of the
            // record, or at the end of the input.
            fields: vec![0; max_bytes + 1].into_boxed_slice(),
            ends: vec![0; max_bytes + 2].into_boxed_slice(),
            fields_len: 0,
            ends_len: 0,
            row: 0,
            record_offset: 0,
            offset: 0,
            lines: 0,
            after_cr: false,
        }
    }

    /// The cap on a record's length.
    pub fn max_record_bytes(&self) -> usize {
        self.max_bytes
    }

    /// Reads the next slice of the input, handing each piece it completes to `sink`; stops at
    /// the first error `sink` returns.
    pub fn feed<E>(
        &mut self,
        input: &[u8],
        mut sink: impl FnMut(Piece<'_>) -> Result<(), E>,
    ) -> Result<(), E> {
        if self.started {
            return self.read(input, &mut sink);
        }
        let wanted = 4 - self.start.len();
        if input.len() < wanted {
            self.start.extend_from_slice(input);
            return Ok(());
        }
        self.start.extend_from_slice(&input[..wanted]);
        self.begin(&mut sink)?;
        self.read(&input[wanted..], &mut sink)
    }

    /// Ends the input: hands over the last record, if it was not ended by a line end.
    pub fn finish<E>(&mut self, mut sink: impl FnMut(Piece<'_>) -> Result<(), E>) -> Result<(), E> {
        if !self.started {
            self.begin(&mut sink)?;
        }
        match self.state {
            State::Between => {}
            State::TooLong => {
                let (result, ..) = self.csv.read_record(&[], &mut self.fields, &mut self.ends);
                debug_assert!(matches!(
                    result,
                    ReadRecordResult::Record | ReadRecordResult::End
                ));
            }
            State::InRecord => {
                let open_quote = ends_in_quotes(&self.held, self.record_offset == 0);
                let (result, _, _, ends) = self.csv.read_record(
                    &[],
                    &mut self.fields[self.fields_len..],
                    &mut self.ends[self.ends_len..],
                );
                self.ends_len += ends;
                match result {
                    ReadRecordResult::Record => {
                        let defect = open_quote.then_some(RecordDefect::OpenQuote);
                        sink(Piece::Record(self.record(&self.held, defect)))?;
                    }
                    // Only a byte order mark and line ends: no record.
                    _ => sink(Piece::Bytes(&self.held))?,
                }
            }
        }
        self.state = State::Between;
        self.held.clear();
        Ok(())
    }

    /// Reads the first bytes, gathered so that `csv-core` sees a whole byte order mark.
    fn begin<E>(&mut self, sink: &mut impl FnMut(Piece<'_>) -> Result<(), E>) -> Result<(), E> {
        self.started = true;
        let start = std::mem::take(&mut self.start);
        self.read(&start, sink)
    }

    fn read<E>(
        &mut self,
        input: &[u8],
        sink: &mut impl FnMut(Piece<'_>) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut at = 0;
        while at < input.len() {
            let rest = &input[at..];
            match self.state {
                State::Between => {
                    // A byte order mark followed by a line end starts no record: `csv-core`
                    // takes it off with the blank lines after it. (Given the mark alone, it
                    // would take the end of the slice for the end of the input.)
                    let at_start = self.offset + at as u64 == 0;
                    let mark = match rest.strip_prefix(b"\xef\xbb\xbf") {
                        Some([b'\r' | b'\n', ..]) if at_start => 3,
                        _ => 0,
                    };
                    let blank = mark
                        + rest[mark..]
                            .iter()
                            .position(|b| !matches!(b, b'\r' | b'\n'))
                            .unwrap_or(rest.len() - mark);
                    if blank > 0 {
                        // `csv-core` skips them too; it is given them so that its state
                        // (a `\n` after a `\r`, the start of the input) stays its own.
                        let (result, read, ..) =
                            self.csv
                                .read_record(&rest[..blank], &mut self.fields, &mut self.ends);
                        debug_assert_eq!((result, read), (ReadRecordResult::InputEmpty, blank));
                        self.count_lines(&rest[..blank]);
                        sink(Piece::Bytes(&rest[..blank]))?;
                        at += blank;
                    }
                    if at < input.len() {
                        self.state = State::InRecord;
                        self.row = self.lines + 1;
                        self.record_offset = self.offset + at as u64;
                        self.fields_len = 0;
                        self.ends_len = 0;
                        self.held.clear();
                    }
                }
                State::InRecord => {
                    // At most one byte past the cap: a record that has not ended by then is
                    // too long.
                    let room = self.max_bytes + 1 - self.held.len();
                    let window = &rest[..rest.len().min(room)];
                    let (result, read, written, ends) = self.csv.read_record(
                        window,
                        &mut self.fields[self.fields_len..],
                        &mut self.ends[self.ends_len..],
                    );
                    self.fields_len += written;
                    self.ends_len += ends;
                    let part = &rest[..read];
                    self.count_lines(part);
                    at += read;
                    match result {
                        ReadRecordResult::Record => {
                            let bytes = if self.held.is_empty() {
                                part
                            } else {
                                self.held.extend_from_slice(part);
                                &self.held
                            };
                            sink(Piece::Record(self.record(bytes, None)))?;
                            self.state = State::Between;
                        }
                        ReadRecordResult::InputEmpty => {
                            self.held.extend_from_slice(part);
                            if self.held.len() > self.max_bytes {
                                let defect = RecordDefect::TooLong {
                                    max_bytes: self.max_bytes,
                                };
                                let record = Record {
                                    fields: Fields::none(),
                                    ..self.record(&self.held, Some(defect))
                                };
                                sink(Piece::Record(record))?;
                                self.held.clear();
                                self.state = State::TooLong;
                            }
                        }
                        // The input is a byte order mark and nothing else: `csv-core` takes
                        // it off, sees no more input, and the input has ended.
                        ReadRecordResult::End => {
                            sink(Piece::Bytes(part))?;
                            self.state = State::Between;
                        }
                        // The buffers hold a record of the cap (fields and ends are at most
                        // as many as its bytes).
                        other => unreachable!("csv-core gave {other:?} inside a held record"),
                    }
                }
                State::TooLong => {
                    // The fields are not kept: the buffers are scratch space, reused as they
                    // fill.
                    let (result, read, ..) =
                        self.csv.read_record(rest, &mut self.fields, &mut self.ends);
                    let part = &rest[..read];
                    self.count_lines(part);
                    if read > 0 {
                        sink(Piece::Bytes(part))?;
                    }
                    at += read;
                    if result == ReadRecordResult::Record {
                        self.state = State::Between;
                    }
                }
            }
        }
        self.offset += input.len() as u64;
        Ok(())
    }

    fn record<'r>(&'r self, bytes: &'r [u8], defect: Option<RecordDefect>) -> Record<'r> {
        Record {
            row: self.row,
            bytes,
            fields: Fields {
                data: &self.fields[..self.fields_len],
                ends: self.ends[..self.ends_len].iter(),
                start: 0,
            },
            defect,
        }
    }

    /// Counts the line ends in `bytes`: each `\n` and each `\r`, less each `\n` right after a
    /// `\r` (one `\r\n`), this slice's first byte included.
    fn count_lines(&mut self, bytes: &[u8]) {
        let Some(&last) = bytes.last() else {
            return;
        };
        let mut ends = memchr::memchr_iter(b'\n', bytes).count();
        if self.after_cr && bytes[0] == b'\n' {
            ends -= 1;
        }
        for at in memchr::memchr_iter(b'\r', bytes) {
            ends += usize::from(bytes.get(at + 1) != Some(&b'\n'));
        }
        self.lines += ends as u64;
        self.after_cr = last == b'\r';
    }
}

/// Whether `record`, the bytes of a record the input ended in, ends inside a quoted field,
/// where a line end would be part of the field. `csv-core` does not tell its state (and its
/// `Clone` keeps the transition table but not the rest of the automaton, as of 0.1.13), so a
/// fresh parser reads the record again (a record is at most the cap) and is then given a
/// line end: inside quotes, the record goes on. Unless the record opens the file, the fresh
/// parser first skips a blank line, so that it reads a byte order mark as the reader did: as
/// content.
fn ends_in_quotes(record: &[u8], opens_file: bool) -> bool {
    let mut csv = ReaderBuilder::new().build();
    // Scratch space: the fields are not kept.
    let (mut fields, mut ends) = ([0; 1024], [0; 64]);
    if !opens_file {
        csv.read_record(b"\n", &mut fields, &mut ends);
    }
    let mut rest = record;
    while !rest.is_empty() {
        let (result, read, ..) = csv.read_record(rest, &mut fields, &mut ends);
        rest = &rest[read..];
        if result == ReadRecordResult::Record {
            // Not seen: the reader read these very bytes without the record ending.
            return false;
        }
    }
    let (result, ..) = csv.read_record(b"\n", &mut fields, &mut ends);
    result == ReadRecordResult::InputEmpty
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TimeZoneName;

    #[test]
    fn a_long_record_is_not_held_past_the_cap() {
        let mut reader = RecordReader::with_max_record_bytes(100);
        let chunk = [b'x'; 4096];
        let mut records = Vec::new();
        let mut streamed = 0;
        let mut sink = |piece: Piece<'_>| -> Result<(), ()> {
            match piece {
                Piece::Record(r) => records.push((r.row(), r.bytes().len(), r.defect())),
                Piece::Bytes(b) => streamed += b.len(),
            }
            Ok(())
        };
        reader.feed(b"a,b\n", &mut sink).unwrap();
        for _ in 0..1000 {
            reader.feed(&chunk, &mut sink).unwrap();
        }
        // Whatever came in, the reader holds no more than the cap and one byte.
        assert!(
            reader.held.capacity() <= 2 * 101,
            "{}",
            reader.held.capacity()
        );
        reader.feed(b"\nc\n", &mut sink).unwrap();
        reader.finish(&mut sink).unwrap();
        let too_long = Some(RecordDefect::TooLong { max_bytes: 100 });
        assert_eq!(records, [(1, 4, None), (2, 101, too_long), (3, 2, None)]);
        assert_eq!(streamed, 4096 * 1000 + 1 - 101);
    }

    #[test]
    fn every_bundled_time_zone_name_fits_its_bound() {
        let longest = TimeZoneName::all()
            .map(|tz| tz.as_str().chars().count())
            .max()
            .expect("names are bundled");
        assert!(longest <= max_chars(Column::Timezone), "{longest}");
    }
}
