//! Values unique across a file: emails (as mailboxes) and non-empty external ids, with
//! `firstRow`; malformed records; the summary.

use crate::util::{codes, file, valid, with};
use cleeng_register_migration::{Column, DuplicateIndex, UsersSummary};
use proptest::prelude::*;

fn record(email: &'static str, external_id: &'static str) -> [&'static [u8]; Column::COUNT] {
    let mut values = with(Column::Email, email);
    values[Column::ExternalId as usize] = external_id;
    values.map(str::as_bytes)
}

#[test]
fn a_repeated_email_is_a_duplicate_on_every_later_record_ascii_case_folded() {
    let mut file = file();
    assert!(file.check(2, record("jane@example.com", "")).is_valid());
    assert!(file.check(3, record("john@example.com", "")).is_valid());
    for (row, email) in [
        (4, "JANE@EXAMPLE.COM"),
        (7, "Jane@Example.com"),
        (9, "jane@example.com"),
    ] {
        let report = file.check(row, record(email, ""));
        assert_eq!(codes(&report), [("Email", "duplicate_value")]);
        assert_eq!(report.errors()[0].params().first_row, Some(2));
        assert_eq!(
            report.errors()[0].to_string(),
            "Email repeats the value of row 2; it must be unique in the file"
        );
    }
}

fn international_file() -> cleeng_register_migration::UsersFile {
    let international = cleeng_register::Policy::builder()
        .allow_international_email(true)
        .build()
        .unwrap();
    cleeng_register_migration::UsersFile::new(
        crate::util::rules(international),
        crate::util::header(),
    )
    .unwrap()
}

fn key(email: &str) -> String {
    let mut key = String::new();
    cleeng_register_migration::mailbox_key(email, &mut key);
    key
}

#[test]
fn an_international_email_repeats_its_mailbox_however_spelled() {
    // Unicode case folding in the local part, and the domain as its lowercase A-label.
    for (first, again) in [
        ("josé@x.de", "JOSÉ@x.de"),
        ("zoë@example.com", "ZOË@example.com"),
        ("straße@x.de", "STRASSE@x.de"),
        ("jose@bücher.de", "jose@xn--bcher-kva.de"),
        ("jose@xn--bcher-kva.de", "jose@BÜCHER.de"),
        ("jose@bücher.de", "JOSE@XN--BCHER-KVA.DE"),
    ] {
        let mut file = international_file();
        assert!(file.check(2, record(first, "")).is_valid(), "{first}");
        let report = file.check(3, record(again, ""));
        assert_eq!(
            codes(&report),
            [("Email", "duplicate_value")],
            "{again} after {first}"
        );
        assert_eq!(report.errors()[0].params().first_row, Some(2));
    }
    // Different mailboxes stay different.
    let mut file = international_file();
    for (row, email) in [
        (2, "jose@x.de"),
        (3, "josé@x.de"),
        (4, "jose@bucher.de"),
        (5, "jose@bücher.de"),
    ] {
        assert!(file.check(row, record(email, "")).is_valid(), "{email}");
    }
}

#[test]
fn nfc_and_nfd_spellings_are_one_mailbox() {
    assert_eq!(key("jose\u{301}@x.de"), key("josé@x.de"));
    assert_eq!(key("JOSE\u{301}@x.de"), key("josé@x.de"));
    assert_eq!(key("josé@x.de"), "josé@x.de");
    // A file cannot import the NFD spelling at all: the international policy refuses a local
    // part that is not in NFC, so it is never indexed as a second mailbox.
    let mut file = international_file();
    assert!(file.check(2, record("josé@x.de", "")).is_valid());
    let report = file.check(3, record("jose\u{301}@x.de", ""));
    assert_eq!(codes(&report), [("Email", "invalid_format")]);
}

#[test]
fn ascii_keys_are_as_before() {
    assert_eq!(key("Jose@Example.com"), "jose@example.com");
    assert_eq!(
        key("JANE@[IPv6:2606:4700::1111]"),
        "jane@[ipv6:2606:4700::1111]"
    );
    let mut file = file();
    assert!(file.check(2, record("jose@example.com", "")).is_valid());
    assert_eq!(
        codes(&file.check(3, record("Jose@Example.com", ""))),
        [("Email", "duplicate_value")]
    );
    assert!(file.check(4, record("a.b@example.com", "")).is_valid());
}

#[test]
fn a_repeated_external_id_is_a_duplicate_and_empty_ones_never_clash() {
    let mut file = file();
    assert!(file.check(2, record("a@example.com", "crm-1")).is_valid());
    assert!(file.check(3, record("b@example.com", "")).is_valid());
    assert!(file.check(4, record("c@example.com", "")).is_valid());
    // Case matters for ids.
    assert!(file.check(5, record("d@example.com", "CRM-1")).is_valid());
    let report = file.check(6, record("e@example.com", "crm-1"));
    assert_eq!(codes(&report), [("External ID", "duplicate_value")]);
    assert_eq!(report.errors()[0].params().first_row, Some(2));
}

#[test]
fn a_file_measures_both_of_its_indexes_and_its_debug_names_no_customer() {
    let mut file = file();
    assert_eq!(file.index_heap_bytes(), 0);
    // The same keys, in the same order, in indexes of one's own.
    let (mut emails, mut ids) = (DuplicateIndex::new(), DuplicateIndex::new());
    for (row, (email, id)) in [("Jane@example.com", "crm-1"), ("john@example.com", "crm-2")]
        .into_iter()
        .enumerate()
    {
        assert!(file.check(row as u64 + 2, record(email, id)).is_valid());
        emails.first_row_or_insert(email.to_ascii_lowercase().as_bytes(), row as u64 + 2);
        ids.first_row_or_insert(id.as_bytes(), row as u64 + 2);
    }
    assert!(emails.heap_bytes() > 0 && ids.heap_bytes() > 0);
    assert_eq!(
        file.index_heap_bytes(),
        emails.heap_bytes() + ids.heap_bytes()
    );
    let debug = format!("{file:?}");
    assert!(
        debug.starts_with("UsersFile { summary: UsersSummary {"),
        "{debug}"
    );
    assert!(
        !debug.contains("example.com") && !debug.contains("crm-"),
        "{debug}"
    );
}

#[test]
fn duplicates_come_after_column_errors_email_first() {
    let mut file = file();
    assert!(file.check(2, record("a@example.com", "id-1")).is_valid());
    let mut values = record("A@example.com", "id-1");
    values[Column::Locale as usize] = b"EN";
    let report = file.check(5, values);
    assert_eq!(
        codes(&report),
        [
            ("Locale", "invalid_format"),
            ("Email", "duplicate_value"),
            ("External ID", "duplicate_value")
        ]
    );
}

#[test]
fn a_value_valid_for_its_column_is_indexed_even_when_its_record_is_invalid() {
    let mut file = file();
    let mut values = record("a@example.com", "id-1");
    values[Column::Currency as usize] = b"XXX";
    assert!(!file.check(2, values).is_valid());
    let report = file.check(3, record("a@example.com", "id-1"));
    assert_eq!(
        codes(&report),
        [
            ("Email", "duplicate_value"),
            ("External ID", "duplicate_value")
        ]
    );
    // An invalid value is not indexed, so it cannot clash.
    assert!(!file.check(4, record("bad@localhost", " id-2")).is_valid());
    assert!(!file
        .check(5, record("bad@localhost", " id-2"))
        .errors()
        .iter()
        .any(|e| e.code().as_str() == "duplicate_value"));
}

#[test]
fn a_record_with_the_wrong_field_count_or_not_utf8_is_malformed_and_the_file_goes_on() {
    let mut file = file();
    let valid = record("a@example.com", "");
    let short: Vec<&[u8]> = valid[..11].to_vec();
    let mut long: Vec<&[u8]> = valid.to_vec();
    long.push(b"");
    let mut not_utf8 = valid;
    not_utf8[Column::FirstName as usize] = b"J\xffne";
    for (row, fields) in [(2, short), (3, long), (4, not_utf8.to_vec())] {
        let report = file.check(row, fields);
        assert_eq!(report.row(), row);
        assert_eq!(codes(&report), [("", "malformed_row")]);
        assert_eq!(
            report.errors()[0].to_string(),
            "the record must be UTF-8 with exactly 12 fields, one per template column"
        );
    }
    // Malformed records index nothing: this is the first valid use of the email.
    assert!(file.check(5, valid).is_valid());
    assert!(file.check(6, record("b@example.com", "")).is_valid());
    let summary = file.summary();
    assert_eq!(
        (summary.records(), summary.valid(), summary.invalid()),
        (5, 2, 3)
    );
    assert_eq!(summary.codes().values().sum::<u64>(), 3);
    assert!(summary.has_errors());
    assert!(!summary.too_many_records());
}

#[test]
fn a_file_of_valid_records_has_no_errors() {
    let mut file = file();
    assert!(!file.summary().has_errors());
    for row in 2..5 {
        // Emails and external ids unique per record.
        let (email, id) = (format!("user{row}@example.com"), format!("crm-{row}"));
        let mut values: [&str; Column::COUNT] = valid();
        values[Column::Email as usize] = &email;
        values[Column::ExternalId as usize] = &id;
        let report = file.check(row, values.map(str::as_bytes));
        assert!(report.is_valid());
        assert_eq!(report.row(), row);
    }
    let summary = file.summary();
    assert_eq!((summary.records(), summary.valid()), (3, 3));
    assert!(!summary.has_errors());
}

#[test]
fn an_error_tells_serializers_how_many_members_it_has() {
    use serde_test::{assert_ser_tokens, Token};
    let mut file = file();
    assert!(file.check(2, record("a@example.com", "")).is_valid());
    let report = file.check(3, record("a@example.com", ""));
    // With params: column, code, message, params.
    assert_ser_tokens(
        &report.errors()[0],
        &[
            Token::Struct {
                name: "RecordError",
                len: 4,
            },
            Token::Str("column"),
            Token::Str("Email"),
            Token::Str("code"),
            Token::Str("duplicate_value"),
            Token::Str("message"),
            Token::Str("Email repeats the value of row 2; it must be unique in the file"),
            Token::Str("params"),
            Token::Struct {
                name: "RecordParams",
                len: 1,
            },
            Token::Str("firstRow"),
            Token::U64(2),
            Token::StructEnd,
            Token::StructEnd,
        ],
    );
    // Without: three members, and `params` skipped.
    let report = file.check(4, vec![&b""[..]]);
    assert_ser_tokens(
        &report.errors()[0],
        &[
            Token::Struct {
                name: "RecordError",
                len: 3,
            },
            Token::Str("column"),
            Token::Str(""),
            Token::Str("code"),
            Token::Str("malformed_row"),
            Token::Str("message"),
            Token::Str("the record must be UTF-8 with exactly 12 fields, one per template column"),
            Token::StructEnd,
        ],
    );
}

#[test]
fn the_index_keeps_each_key_once() {
    let mut index = DuplicateIndex::new();
    assert!(index.is_empty());
    assert_eq!(index.heap_bytes(), 0);
    for i in 0..10_000u64 {
        assert_eq!(
            index.first_row_or_insert(format!("customer{i}@example.com").as_bytes(), i + 2),
            None
        );
    }
    for i in 0..10_000u64 {
        assert_eq!(
            index.first_row_or_insert(format!("customer{i}@example.com").as_bytes(), 99),
            Some(i + 2)
        );
    }
    assert_eq!(index.len(), 10_000);
    assert!(!index.is_empty());
    // About 25 bytes of key and 16 of table per entry, with the table's spare room.
    let key_bytes: usize = (0..10_000)
        .map(|i| format!("customer{i}@example.com").len())
        .sum();
    let heap = index.heap_bytes();
    assert!(heap >= key_bytes + 10_000 * 16, "{heap}");
    assert!(heap < 10_000 * 80, "{heap}");
    // Debug gives the size, never a key.
    assert_eq!(format!("{index:?}"), "DuplicateIndex { keys: 10000, .. }");
    let huge = vec![b'x'; DuplicateIndex::MAX_KEY_BYTES + 1];
    assert_eq!(index.first_row_or_insert(&huge, 1), None);
    assert_eq!(index.first_row_or_insert(&huge, 2), None);
}

#[test]
fn the_longest_key_indexed_is_64_kib_less_a_byte() {
    // A key's length is packed into 16 bits: the limit is that field's greatest value.
    assert_eq!(DuplicateIndex::MAX_KEY_BYTES, 65_535);
    let mut index = DuplicateIndex::new();
    let longest = vec![b'x'; 65_535];
    assert_eq!(index.first_row_or_insert(&longest, 1), None);
    assert_eq!(index.first_row_or_insert(&longest, 2), Some(1));
    assert_eq!(index.first_row_or_insert(&longest[1..], 3), None);
    assert_eq!(index.first_row_or_insert(&longest[1..], 4), Some(3));
}

proptest! {
    /// The index answers as a map from key to its first row would.
    #[test]
    fn the_index_agrees_with_a_map(keys in proptest::collection::vec("[a-c]{0,3}", 0..60)) {
        let mut index = DuplicateIndex::new();
        let mut model = std::collections::HashMap::new();
        for (row, key) in keys.iter().enumerate() {
            let expected = model.get(key).copied();
            model.entry(key.clone()).or_insert(row as u64);
            prop_assert_eq!(index.first_row_or_insert(key.as_bytes(), row as u64), expected);
        }
        prop_assert_eq!(index.len(), model.len());
    }
}

#[test]
fn too_many_records_is_past_one_hundred_thousand_not_at_it() {
    let mut file = file();
    let report = file.check(2, valid().map(str::as_bytes));
    assert!(report.is_valid());
    let mut summary = UsersSummary::default();
    for _ in 0..UsersSummary::MAX_IMPORT_RECORDS {
        summary.add(&report, true);
    }
    assert_eq!(summary.records(), 100_000);
    assert!(!summary.too_many_records());
    summary.add(&report, true);
    assert!(summary.too_many_records());
    // The header's errors count no record.
    let mut header_only = UsersSummary::default();
    header_only.add(&report, false);
    assert_eq!(header_only.records(), 0);
}
