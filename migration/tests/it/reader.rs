//! The streaming record reader: the same records as the `csv` crate reads, whatever the
//! slicing of the input, every byte handed over once, rows that count every line end, and
//! records over the cap or with a quote never closed reported as such.

use cleeng_register::Policy;
use cleeng_register_migration::{
    Column, Piece, RecordDefect, RecordReader, UsersFile, LONGEST_VALID_RECORD_BYTES,
    MAX_RECORD_BYTES,
};
use proptest::prelude::*;

use crate::util::rules;

/// What the reader handed over, record by record.
#[derive(Debug, Default, PartialEq)]
struct Read {
    /// (row, fields, defect) of each record.
    records: Vec<(u64, Vec<Vec<u8>>, Option<RecordDefect>)>,
    /// The length of each record's own bytes.
    lengths: Vec<usize>,
    /// Every byte, in order.
    copy: Vec<u8>,
    /// The bytes of each record, with the bytes after it until the next (the first
    /// record's group starts with the blank lines before it).
    groups: Vec<Vec<u8>>,
}

fn read(input: &[u8], slices: &[usize], max: usize) -> Read {
    let mut reader = RecordReader::with_max_record_bytes(max);
    let mut found = Read::default();
    let mut leading = Vec::new();
    let mut sink = |piece: Piece<'_>| -> Result<(), ()> {
        match piece {
            Piece::Record(r) => {
                let fields = r.fields().map(<[u8]>::to_vec).collect();
                found.records.push((r.row(), fields, r.defect()));
                found.lengths.push(r.bytes().len());
                let mut group = std::mem::take(&mut leading);
                group.extend_from_slice(r.bytes());
                found.groups.push(group);
                found.copy.extend_from_slice(r.bytes());
            }
            Piece::Bytes(b) => {
                match found.groups.last_mut() {
                    Some(group) => group.extend_from_slice(b),
                    None => leading.extend_from_slice(b),
                }
                found.copy.extend_from_slice(b);
            }
        }
        Ok(())
    };
    let mut rest = input;
    for &n in slices.iter().cycle().take(input.len() + 1) {
        let (slice, after) = rest.split_at(n.min(rest.len()));
        reader.feed(slice, &mut sink).unwrap();
        rest = after;
        if rest.is_empty() {
            break;
        }
    }
    reader.feed(rest, &mut sink).unwrap();
    reader.finish(&mut sink).unwrap();
    found
}

/// The `csv` crate's records (fields, and where each starts as a row: one more than the line
/// ends before its first byte).
fn oracle(input: &[u8]) -> Vec<(u64, Vec<Vec<u8>>)> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(input);
    let mut found = Vec::new();
    let mut record = csv::ByteRecord::new();
    while reader.read_byte_record(&mut record).unwrap() {
        let from = record.position().unwrap().byte() as usize;
        // The first record's position is 0 even where a byte order mark and blank lines
        // come before it.
        let mark = if from == 0 && input.starts_with(b"\xef\xbb\xbf") {
            3
        } else {
            0
        };
        let start = from
            + mark
            + input[from + mark..]
                .iter()
                .take_while(|b| matches!(b, b'\r' | b'\n'))
                .count();
        let before = &input[..start];
        let lines = before.iter().filter(|b| **b == b'\r').count()
            + before
                .iter()
                .enumerate()
                .filter(|(i, b)| **b == b'\n' && (*i == 0 || before[i - 1] != b'\r'))
                .count();
        found.push((
            lines as u64 + 1,
            record.iter().map(<[u8]>::to_vec).collect(),
        ));
    }
    found
}

/// Bytes that make CSV interesting: separators, quotes, every line end, a byte order mark
/// and bytes that are not UTF-8.
fn csv_bytes(max_len: usize) -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        4 => Just(b"a".to_vec()),
        2 => Just(b"xyz".to_vec()),
        3 => Just(b",".to_vec()),
        3 => Just(b"\"".to_vec()),
        2 => Just(b"\n".to_vec()),
        2 => Just(b"\r\n".to_vec()),
        1 => Just(b"\r".to_vec()),
        1 => Just("\u{feff}".as_bytes().to_vec()),
        1 => Just(b"\xff".to_vec()),
    ];
    proptest::collection::vec(piece, 0..max_len).prop_map(|pieces| pieces.concat())
}

fn slicing() -> impl Strategy<Value = Vec<usize>> {
    proptest::collection::vec(1..9usize, 1..6)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Under the cap, the reader reads what the `csv` crate reads, in any slicing, and hands
    /// every byte over once.
    #[test]
    fn records_are_the_csv_crates_in_any_slicing(
        input in csv_bytes(40),
        slices in slicing(),
        bom in any::<bool>(),
    ) {
        let input = if bom { [&b"\xef\xbb\xbf"[..], &input].concat() } else { input };
        let found = read(&input, &slices, MAX_RECORD_BYTES);
        let whole = read(&input, &[input.len().max(1)], MAX_RECORD_BYTES);
        prop_assert_eq!(&found.copy, &input);
        prop_assert_eq!(&found, &whole);
        let expected = oracle(&input);
        prop_assert_eq!(found.records.len(), expected.len());
        for ((row, fields, defect), (oracle_row, oracle_fields)) in found.records.iter().zip(&expected) {
            prop_assert_eq!(row, oracle_row);
            prop_assert_eq!(fields, oracle_fields);
            // A defect here can only be a quote left open at the end.
            prop_assert!(matches!(defect, None | Some(RecordDefect::OpenQuote)));
        }
        let open = found.records.iter().filter(|r| r.2.is_some()).count();
        prop_assert!(open <= 1);
        if open == 1 {
            prop_assert_eq!(found.records.last().unwrap().2, Some(RecordDefect::OpenQuote));
        }
    }

    /// Over a small cap, long records come with their row and the cap and one byte of their
    /// bytes, the rest streamed after them; the records and rows stay the `csv` crate's.
    #[test]
    fn long_records_are_reported_at_the_cap(
        input in csv_bytes(60),
        slices in slicing(),
        max in 4..16usize,
    ) {
        let found = read(&input, &slices, max);
        prop_assert_eq!(&found.copy, &input);
        prop_assert_eq!(&found, &read(&input, &[input.len().max(1)], max));
        let expected = oracle(&input);
        prop_assert_eq!(found.records.len(), expected.len());
        for ((row, fields, defect), (oracle_row, oracle_fields)) in found.records.iter().zip(&expected) {
            prop_assert_eq!(row, oracle_row);
            match defect {
                Some(RecordDefect::TooLong { max_bytes }) => {
                    prop_assert_eq!(*max_bytes, max);
                    prop_assert!(fields.is_empty());
                }
                _ => prop_assert_eq!(fields, oracle_fields),
            }
        }
        // A record is held up to the cap and its line end; one too long comes with the cap
        // and one byte.
        for (length, (_, _, defect)) in found.lengths.iter().zip(&found.records) {
            match defect {
                Some(RecordDefect::TooLong { .. }) => prop_assert_eq!(*length, max + 1),
                _ => prop_assert!(*length <= max + 1),
            }
        }
    }
}

#[test]
fn a_quote_left_open_at_the_end_is_a_defect() {
    let open = |input: &[u8]| -> Vec<Option<RecordDefect>> {
        read(input, &[1], MAX_RECORD_BYTES)
            .records
            .into_iter()
            .map(|r| r.2)
            .collect()
    };
    let quote = Some(RecordDefect::OpenQuote);
    assert_eq!(open(b"a,b\nc,\"d"), [None, quote]);
    assert_eq!(open(b"a,b\nc,\"d\""), [None, None]);
    // A doubled quote is a quote inside the field: still open.
    assert_eq!(open(b"c,\"d\"\""), [quote]);
    assert_eq!(open(b"\"multi\nline"), [quote]);
    // A quote inside an unquoted field is content.
    assert_eq!(open(b"c,d\"e"), [None]);
    // A byte order mark opening the file is not content: the quote after it opens a field;
    // later in the file it is content, and the quote after it too.
    assert_eq!(open(b"\xef\xbb\xbf\"a"), [quote]);
    assert_eq!(open(b"x\n\xef\xbb\xbf\"a"), [None, None]);
}

#[test]
fn rows_count_every_line_end_even_in_slices() {
    let input = b"h\r\n\"a\rb\",c\r\r\n\nd\re\n";
    for n in 1..input.len() {
        let rows: Vec<u64> = read(input, &[n], MAX_RECORD_BYTES)
            .records
            .iter()
            .map(|r| r.0)
            .collect();
        assert_eq!(rows, [1, 2, 6, 7], "slices of {n}");
    }
}

/// A record of every column at its longest valid value, in wide characters where the column
/// allows them, quoted: valid, under [`LONGEST_VALID_RECORD_BYTES`], and read whole.
#[test]
fn the_longest_valid_record_is_under_the_bound_and_read_whole() {
    let header = Column::ALL.map(Column::template_name).join(",");
    let wide = |n: usize| format!("\"{}\"", "𝔄".repeat(n));
    let local = "a".repeat(64);
    let domain = format!(
        "{}.{}.{}.example",
        "b".repeat(63),
        "c".repeat(63),
        "d".repeat(53)
    );
    let email = format!("{local}@{domain}");
    assert_eq!(email.len(), 254);
    let values = [
        wide(50),
        wide(50),
        email,
        "\"fil_PH\"".to_owned(),
        "\"2025-06-01\"".to_owned(),
        "\"2020-01-15\"".to_owned(),
        "PL".to_owned(),
        "PLN".to_owned(),
        "\"ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255\"".to_owned(),
        "\"America/Argentina/ComodRivadavia\"".to_owned(),
        wide(255),
        format!("\"{}\"", "\"\"".repeat(1024)),
    ];
    let record = values.join(",");
    assert!(
        record.len() <= LONGEST_VALID_RECORD_BYTES,
        "{}",
        record.len()
    );
    let input = format!("{header}\r\n{record}\r\n");
    let mut reader = RecordReader::new();
    let mut file = None;
    let mut reports = Vec::new();
    let mut sink = |piece: Piece<'_>| -> Result<(), ()> {
        if let Piece::Record(r) = piece {
            match file.as_mut() {
                None => file = Some(UsersFile::from_header(rules(Policy::default()), &r).unwrap()),
                Some(file) => reports.push(file.check_record(&r)),
            }
        }
        Ok(())
    };
    reader.feed(input.as_bytes(), &mut sink).unwrap();
    reader.finish(&mut sink).unwrap();
    assert_eq!(reports.len(), 1);
    assert!(reports[0].is_valid(), "{:?}", reports[0].errors());
}

#[test]
fn a_header_too_long_or_left_open_is_a_malformed_row_1() {
    for input in [
        format!("First Name{},x\n", " ".repeat(MAX_RECORD_BYTES)),
        "First Name,\"Email".to_owned(),
    ] {
        let mut reader = RecordReader::new();
        let mut outcome = None;
        let mut sink = |piece: Piece<'_>| -> Result<(), ()> {
            if let (Piece::Record(r), None) = (piece, &outcome) {
                outcome = Some(UsersFile::from_header(rules(Policy::default()), &r).map(|_| ()));
            }
            Ok(())
        };
        reader.feed(input.as_bytes(), &mut sink).unwrap();
        reader.finish(&mut sink).unwrap();
        let report = outcome.unwrap().unwrap_err();
        assert_eq!(report.row(), 1);
        let codes: Vec<_> = report
            .errors()
            .iter()
            .map(|e| (e.column_name(), e.code().as_str()))
            .collect();
        assert_eq!(codes, [("", "malformed_row")]);
    }
}
