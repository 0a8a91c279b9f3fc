//! `cleeng-register users`: the binary on files and standard input, row numbers, CSV shapes,
//! the errors CSV, the split (with a property test), the summary and the exit status.

use std::path::PathBuf;
use std::process::Output;

use crate::util::{lines, temp_path};
use cleeng_register_cli::users::{run_users, run_users_with, Extras, Outputs, Split};
use cleeng_register_migration::RecordRules;
use proptest::prelude::*;

const HEADER: &str = "First Name,Last Name,Email*,Locale*,Last login,Create date,Country Code*,Currency*,IP Address,Timezone,External ID,Password Hash";

fn valid_record(n: usize) -> String {
    format!("Jane,Doe,jane{n}@example.com,en_US,2025-06-01,2020-01-15,PL,PLN,8.8.8.8,Europe/Warsaw,crm-{n},")
}

/// Runs `cleeng-register users ARGS`.
fn run(args: &[&str], stdin: &[u8]) -> Output {
    crate::util::run(&[&["users"], args].concat(), stdin)
}

/// (row, [(column, code)]) of each output line.
fn rows(output: &Output) -> Vec<(u64, Vec<(String, String)>)> {
    lines(output)
        .iter()
        .map(|l| {
            let errors = l["errors"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| {
                    (
                        e["column"].as_str().unwrap().to_owned(),
                        e["code"].as_str().unwrap().to_owned(),
                    )
                })
                .collect();
            (l["row"].as_u64().unwrap(), errors)
        })
        .collect()
}

fn example() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples/users.csv")
}

fn pair(column: &str, code: &str) -> (String, String) {
    (column.to_owned(), code.to_owned())
}

#[test]
fn the_example_has_valid_records_and_every_record_code() {
    let output = run(&["--today", "2025-06-30", example().to_str().unwrap()], b"");
    assert_eq!(output.status.code(), Some(1));
    let found = rows(&output);
    let text = std::fs::read_to_string(example()).unwrap();
    // One line per record: the file's records, counted by the csv crate.
    let records = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .count();
    assert_eq!(found.len(), records);
    assert_eq!(found.iter().filter(|(_, e)| e.is_empty()).count(), 4);
    let mut codes: Vec<String> = found
        .iter()
        .flat_map(|(_, e)| e.iter().map(|(_, c)| c.clone()))
        .collect();
    codes.sort();
    codes.dedup();
    let policy = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples/policy.json");
    let with_policy = run(
        &[
            "--policy",
            policy.to_str().unwrap(),
            example().to_str().unwrap(),
        ],
        b"",
    );
    assert!(rows(&with_policy)
        .iter()
        .any(|(_, e)| e.contains(&pair("Currency", "not_supported"))));
    for code in [
        "missing",
        "invalid_format",
        "too_long",
        "control_character",
        "surrounding_whitespace",
        "unknown_code",
        "in_future",
        "invalid_order",
        "malformed_row",
        "duplicate_value",
    ] {
        assert!(
            codes.contains(&code.to_owned()),
            "{code} missing from the example"
        );
    }
    let stderr = crate::util::stderr(&output);
    assert!(
        stderr.contains("22 records, 4 valid, 18 invalid"),
        "{stderr}"
    );
    assert!(stderr.contains("duplicate_value 2"), "{stderr}");
}

#[test]
fn rows_count_lines_including_quoted_line_breaks_crlf_and_blank_lines() {
    let input = format!(
        "{HEADER}\r\n{}\r\n\"Anna\r\nMaria\",Doe,a@example.com,en_US,,,PL,PLN,,,,\r\n\r\n{}\r\n\"x,y\",\"q\"\"uote\",b@example.com,en_US,,,PL,PLN,,,,\r\n{}",
        valid_record(1),
        valid_record(2),
        valid_record(3)
    );
    let output = run(&["-"], input.as_bytes());
    let found = rows(&output);
    let numbers: Vec<u64> = found.iter().map(|(r, _)| *r).collect();
    assert_eq!(numbers, [2, 3, 6, 7, 8]);
    assert_eq!(found[1].1, [pair("First Name", "control_character")]);
    // Commas and doubled quotes inside quotes are values, not separators.
    assert_eq!(found[3].1, []);
}

#[test]
fn header_variants_are_accepted() {
    let mut reordered: Vec<&str> = HEADER.split(',').collect();
    reordered.reverse();
    let record: Vec<String> = valid_record(1)
        .split(',')
        .rev()
        .map(str::to_owned)
        .collect();
    for (header, record) in [
        (HEADER.to_lowercase(), valid_record(1)),
        (HEADER.replace('*', ""), valid_record(1)),
        (HEADER.replace(',', " , "), valid_record(1)),
        (format!("\u{feff}{HEADER}"), valid_record(1)),
        (reordered.join(","), record.join(",")),
    ] {
        for newline in ["\n", "\r\n"] {
            let output = run(
                &[],
                format!("{header}{newline}{record}{newline}").as_bytes(),
            );
            assert_eq!(output.status.code(), Some(0), "{header:?}");
            assert_eq!(rows(&output), [(2, vec![])]);
        }
    }
}

#[test]
fn header_errors_give_one_line_for_row_1_and_no_row_is_checked() {
    let header = HEADER
        .replace("Email*", "E-mail")
        .replace("Timezone", "Timezone,TIMEZONE*");
    let input = format!("{header}\n{}\n", valid_record(1));
    let output = run(&[], input.as_bytes());
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        rows(&output),
        [(
            1,
            vec![
                pair("Email", "missing_column"),
                pair("", "unknown_column"),
                pair("Timezone", "duplicate_column")
            ]
        )]
    );
    let stderr = crate::util::stderr(&output);
    assert!(stderr.contains("no record was checked"), "{stderr}");
    // Nothing was indexed, so the summary gives no index size.
    assert!(!stderr.contains("duplicate index"), "{stderr}");
}

#[test]
fn the_summary_gives_the_duplicate_index_size_once_records_are_indexed() {
    let input = format!("{HEADER}\n{}\n", valid_record(1));
    let output = run(&[], input.as_bytes());
    assert_eq!(output.status.code(), Some(0));
    let stderr = crate::util::stderr(&output);
    assert!(
        stderr.contains("duplicate index 0.0 MiB (emails and external ids)"),
        "{stderr}"
    );
}

#[test]
fn after_a_double_dash_every_argument_is_an_input() {
    for arg in [
        "--policy",
        "--today",
        "--today=2025-01-01",
        "--errors-csv",
        "--valid-out",
        "--rejected-out",
        "--frobnicate",
        "--",
    ] {
        let output = run(&["--", arg], b"");
        assert_eq!(output.status.code(), Some(2), "{arg}");
        let stderr = crate::util::stderr(&output);
        // A file of that name, not an option.
        assert!(
            stderr.starts_with(&format!("cleeng-register: cannot open {arg}: ")),
            "{arg}: {stderr}"
        );
        assert!(!stderr.contains("Usage:"), "{arg}: {stderr}");
    }
}

#[test]
fn an_unknown_option_is_named_as_one() {
    let output = run(&["--frobnicate", "-"], b"");
    assert_eq!(output.status.code(), Some(2));
    let stderr = crate::util::stderr(&output);
    assert!(
        stderr.starts_with("error: unexpected argument '--frobnicate' found"),
        "{stderr}"
    );
}

#[test]
fn a_failed_write_of_any_output_file_stops_the_run() {
    // /dev/full accepts an open and refuses every write: the error shows at the flush.
    if !std::path::Path::new("/dev/full").exists() {
        eprintln!("skipped: no /dev/full here");
        return;
    }
    for option in ["--errors-csv", "--valid-out", "--rejected-out"] {
        let output = run(&[option, "/dev/full", example().to_str().unwrap()], b"");
        assert_eq!(output.status.code(), Some(2), "{option}");
        assert!(!output.stderr.is_empty());
    }
}

#[test]
fn wrong_field_counts_and_non_utf8_records_are_malformed_and_the_run_goes_on() {
    let mut input =
        format!("{HEADER}\n{},extra\nonly,three,fields\n", valid_record(1)).into_bytes();
    input.extend_from_slice(b"J\xffne,Doe,z@example.com,en_US,,,PL,PLN,,,,\n");
    input.extend_from_slice(format!("{}\n", valid_record(2)).as_bytes());
    let output = run(&[], &input);
    let malformed = vec![pair("", "malformed_row")];
    assert_eq!(
        rows(&output),
        [
            (2, malformed.clone()),
            (3, malformed.clone()),
            (4, malformed),
            (5, vec![])
        ]
    );
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn a_record_longer_than_any_valid_one_is_one_error_and_the_check_goes_on() {
    // A 1 MB first name (quoted, with line breaks in it) and a 1 MB unquoted field.
    let long_quoted = format!("\"{}\"", "ab\r\n".repeat(250_000));
    let long_plain = "x".repeat(1_000_000);
    let input = format!(
        "{HEADER}\n{}\n{long_quoted},Doe,l@example.com,en_US,,,PL,PLN,,,,\n{}\n{long_plain}\n{}\n",
        valid_record(1),
        valid_record(2),
        valid_record(3)
    );
    let valid = temp_path("long-valid.csv");
    let rejected = temp_path("long-rejected.csv");
    let output = run(
        &[
            "--valid-out",
            valid.to_str().unwrap(),
            "--rejected-out",
            rejected.to_str().unwrap(),
        ],
        input.as_bytes(),
    );
    assert_eq!(output.status.code(), Some(1));
    let found = lines(&output);
    let rows: Vec<u64> = found.iter().map(|l| l["row"].as_u64().unwrap()).collect();
    // The quoted field's 250,000 line breaks count.
    assert_eq!(rows, [2, 3, 250_004, 250_005, 250_006]);
    for line in [&found[1], &found[3]] {
        assert_eq!(
            line["errors"],
            serde_json::json!([{
                "column": "",
                "code": "malformed_row",
                "message": "the record is longer than 16384 bytes, more than any valid record can be",
                "params": {"max": 16384}
            }])
        );
    }
    // The split keeps every byte: the long records whole in the rejected part.
    let header = format!("{HEADER}\n");
    assert_eq!(
        std::fs::read_to_string(&valid).unwrap(),
        format!(
            "{header}{}\n{}\n{}\n",
            valid_record(1),
            valid_record(2),
            valid_record(3)
        )
    );
    assert_eq!(
        std::fs::read_to_string(&rejected).unwrap(),
        format!("{header}{long_quoted},Doe,l@example.com,en_US,,,PL,PLN,,,,\n{long_plain}\n")
    );
    let stderr = crate::util::stderr(&output);
    assert!(stderr.contains("5 records, 3 valid, 2 invalid"), "{stderr}");
}

#[test]
fn a_quote_never_closed_is_one_malformed_record() {
    let input = format!(
        "{HEADER}\n{}\nJoe,\"Doe,j@example.com,en_US,,,PL,PLN,,,,\n{}\n",
        valid_record(1),
        valid_record(2)
    );
    let output = run(&[], input.as_bytes());
    assert_eq!(output.status.code(), Some(1));
    let found = lines(&output);
    assert_eq!(found.len(), 2);
    assert_eq!(found[1]["row"], 3);
    assert_eq!(
        found[1]["errors"],
        serde_json::json!([{
            "column": "",
            "code": "malformed_row",
            "message": "the record opens a quoted field that is never closed before the end of the file"
        }])
    );
    // Even when the fields number twelve and each would pass: the hash `abc` is cut off.
    let input = format!("{HEADER}\n{}\"abc", valid_record(1));
    assert_eq!(
        rows(&run(&[], input.as_bytes())),
        [(2, vec![pair("", "malformed_row")])]
    );
    let closed = format!("{HEADER}\n{}\"abc\"", valid_record(1));
    assert_eq!(rows(&run(&[], closed.as_bytes())), [(2, vec![])]);
}

#[test]
fn today_decides_in_future() {
    let input = format!(
        "{HEADER}\n{}\n",
        valid_record(1).replace("2025-06-01", "2025-07-01")
    );
    assert_eq!(
        run(&["--today", "2025-07-01"], input.as_bytes())
            .status
            .code(),
        Some(0)
    );
    let late = run(&["--today=2025-06-30"], input.as_bytes());
    assert_eq!(rows(&late), [(2, vec![pair("Last login", "in_future")])]);
    // Without --today, the system date: a date in 2999 is in the future.
    let far = format!(
        "{HEADER}\n{}\n",
        valid_record(1).replace("2025-06-01", "2999-01-01")
    );
    assert_eq!(
        rows(&run(&[], far.as_bytes())),
        [(2, vec![pair("Last login", "in_future")])]
    );
}

#[test]
fn the_errors_csv_lists_every_error_with_row_and_column() {
    let path = temp_path("errors.csv");
    let output = run(
        &[
            "--today",
            "2025-06-30",
            "--errors-csv",
            path.to_str().unwrap(),
            example().to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(output.status.code(), Some(1));
    let mut reader = csv::Reader::from_path(&path).unwrap();
    assert_eq!(
        reader.headers().unwrap(),
        vec!["row", "column", "code", "message"]
    );
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let from_json: usize = lines(&output)
        .iter()
        .map(|l| l["errors"].as_array().unwrap().len())
        .sum();
    assert_eq!(records.len(), from_json);
    assert!(records.iter().any(|r| r
        == vec![
            "23",
            "Email",
            "duplicate_value",
            "Email repeats the value of row 2; it must be unique in the file"
        ]));
    assert!(records
        .iter()
        .any(|r| r[1].is_empty() && &r[2] == "malformed_row"));
}

#[test]
fn a_lone_carriage_return_ends_a_row_too() {
    // Old Mac line ends: the CSV reader ends a record at a lone `\r`, so the rows count it.
    let input = format!("{HEADER}\r{}\r\r{}\r", valid_record(1), valid_record(2));
    let numbers: Vec<u64> = rows(&run(&["-"], input.as_bytes()))
        .iter()
        .map(|(r, _)| *r)
        .collect();
    assert_eq!(numbers, [2, 4]);
}

#[test]
fn either_part_of_the_split_may_be_asked_for_alone() {
    let input = std::fs::read(example()).unwrap();
    for option in ["--valid-out", "--rejected-out"] {
        let path = temp_path(&format!("alone{option}.csv"));
        let output = run(&[option, path.to_str().unwrap(), "-"], &input);
        assert_eq!(output.status.code(), Some(1));
        let part = std::fs::read(&path).unwrap();
        // The header, then at least one record.
        assert!(part.starts_with(HEADER.as_bytes()), "{option}");
        assert!(part.len() > HEADER.len() + 2, "{option}");
        let valid = option == "--valid-out";
        let again = run(&[path.to_str().unwrap()], b"");
        assert_eq!(
            again.status.code(),
            Some(if valid { 0 } else { 1 }),
            "{option}"
        );
    }
}

#[test]
fn the_example_splits_into_an_uploadable_part_and_the_rest() {
    let valid = temp_path("valid.csv");
    let rejected = temp_path("rejected.csv");
    let output = run(
        &[
            "--valid-out",
            valid.to_str().unwrap(),
            "--rejected-out",
            rejected.to_str().unwrap(),
            example().to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(output.status.code(), Some(1));
    // The valid part passes on its own.
    let again = run(&[valid.to_str().unwrap()], b"");
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(rows(&again).len(), 4);
    // Header + each part's records give back the input's bytes.
    let input = std::fs::read(example()).unwrap();
    let valid = std::fs::read(valid).unwrap();
    let rejected = std::fs::read(rejected).unwrap();
    let header_len = HEADER.len() + 2;
    assert_eq!(valid[..header_len], input[..header_len]);
    assert_eq!(rejected[..header_len], input[..header_len]);
    assert_eq!(valid.len() + rejected.len() - header_len, input.len());
}

#[test]
fn usage_and_io_errors_exit_2() {
    assert_eq!(run(&["--bogus"], b"").status.code(), Some(2));
    assert_eq!(run(&["--today", "30/06/2025"], b"").status.code(), Some(2));
    assert_eq!(run(&["a.csv", "b.csv"], b"").status.code(), Some(2));
    assert_eq!(run(&["/nonexistent/users.csv"], b"").status.code(), Some(2));
    assert_eq!(
        run(&["--policy", "/nonexistent/policy.json"], b"")
            .status
            .code(),
        Some(2)
    );
    assert_eq!(run(&["--valid-out"], b"").status.code(), Some(2));
}

#[test]
fn past_100000_records_the_summary_advises_splitting() {
    let mut input = format!("{HEADER}\n");
    for n in 0..100_001 {
        input.push_str(&valid_record(n));
        input.push('\n');
    }
    let output = run(&["--today", "2025-06-30"], input.as_bytes());
    assert_eq!(output.status.code(), Some(0));
    let stderr = crate::util::stderr(&output);
    assert!(stderr.contains("advisory too_many_records"), "{stderr}");
    assert!(
        stderr.contains("--valid-out FILE --split-every 100000"),
        "the advisory names the flag: {stderr}"
    );
    assert_eq!(
        output.stdout.iter().filter(|b| **b == b'\n').count(),
        100_001
    );
}

/// One generated record: its bytes (with its line end and any blank lines after it) and
/// whether the check must accept it.
fn record_strategy() -> impl Strategy<Value = (Vec<u8>, bool)> {
    let valid =
        (0..1000usize).prop_map(|n| (valid_record(n).replace("jane", "u").into_bytes(), true));
    let invalid = prop_oneof![
        Just(b"Joe,Doe,joe@localhost,en_US,,,PL,PLN,,,,".to_vec()),
        Just(b"\"Multi\nLine\",Doe,m@example.com,en_US,,,PL,PLN,,,,".to_vec()),
        Just(b"too,few".to_vec()),
        Just(b"J\xffe,Doe,x@example.com,en_US,,,PL,PLN,,,,".to_vec()),
        Just(b"\"a,b\",\"c\"\"d\",,en_US,,,PL,PLN,,,,".to_vec()),
        // Longer than any valid record: reported at the cap, streamed to the rejected part.
        Just(
            format!(
                "\"{}\n\",Doe,l@example.com,en_US,,,PL,PLN,,,,",
                "x".repeat(20_000)
            )
            .into_bytes()
        ),
    ]
    .prop_map(|bytes| (bytes, false));
    let record = prop_oneof![3 => valid, 2 => invalid];
    let ending = prop_oneof![
        Just("\n"),
        Just("\r\n"),
        Just("\r"),
        Just("\n\n"),
        Just("\r\n\r\n")
    ];
    (record, ending).prop_map(|((mut bytes, valid), ending)| {
        bytes.extend_from_slice(ending.as_bytes());
        (bytes, valid)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The valid and rejected outputs each start with the input's header bytes, and together
    /// hold exactly the input's records, each once, byte for byte, in order.
    #[test]
    fn the_split_keeps_every_record_byte_for_byte(
        bom in any::<bool>(),
        header_end in prop_oneof![Just("\n"), Just("\r\n")],
        records in proptest::collection::vec(record_strategy(), 0..12),
        drop_last_newline in any::<bool>(),
    ) {
        let mut header = if bom { b"\xef\xbb\xbf".to_vec() } else { Vec::new() };
        header.extend_from_slice(HEADER.as_bytes());
        header.extend_from_slice(header_end.as_bytes());
        let mut records = records;
        // Distinct emails are valid once: a repeated one is a duplicate after the first.
        let mut seen = std::collections::HashSet::new();
        for (bytes, valid) in records.iter_mut() {
            if *valid && !seen.insert(bytes.split(|b| *b == b',').nth(2).unwrap().to_vec()) {
                *valid = false;
            }
        }
        if drop_last_newline {
            if let Some((bytes, _)) = records.last_mut() {
                while matches!(bytes.last(), Some(b'\n' | b'\r')) {
                    bytes.pop();
                }
            }
        }
        let mut input = header.clone();
        let mut expected_valid = header.clone();
        let mut expected_rejected = header.clone();
        for (bytes, valid) in &records {
            input.extend_from_slice(bytes);
            if *valid { &mut expected_valid } else { &mut expected_rejected }.extend_from_slice(bytes);
        }
        let (mut valid_out, mut rejected_out, mut lines_out) = (Vec::new(), Vec::new(), Vec::new());
        let rules = RecordRules::new(Default::default(), "2025-06-30".parse().unwrap());
        let outputs = Outputs { valid: Some(&mut valid_out), rejected: Some(&mut rejected_out), errors_csv: None };
        let run = run_users(&input[..], &mut lines_out, rules, outputs).unwrap();
        prop_assert_eq!(run.summary.records(), records.len() as u64);
        prop_assert_eq!(lines_out.iter().filter(|b| **b == b'\n').count(), records.len());
        prop_assert_eq!(String::from_utf8_lossy(&valid_out), String::from_utf8_lossy(&expected_valid));
        prop_assert_eq!(valid_out, expected_valid);
        prop_assert_eq!(rejected_out, expected_rejected);
    }
}

#[test]
fn summaries_say_one_record_and_many_records() {
    let one = format!("{HEADER}\n{}\n", valid_record(1));
    let output = run(&["--today", "2025-06-30"], one.as_bytes());
    let stderr = crate::util::stderr(&output);
    assert!(
        stderr.starts_with("cleeng-register: 1 record, 1 valid, 0 invalid\n"),
        "{stderr}"
    );
    let output = run(&["--today", "2025-06-30"], format!("{HEADER}\n").as_bytes());
    let stderr = crate::util::stderr(&output);
    assert!(
        stderr.starts_with("cleeng-register: 0 records,"),
        "{stderr}"
    );
}

#[test]
fn no_progress_when_standard_error_is_not_a_terminal() {
    let mut input = format!("{HEADER}\n");
    for n in 0..20_000 {
        input.push_str(&valid_record(n));
        input.push('\n');
    }
    let output = run(&["--today", "2025-06-30"], input.as_bytes());
    let stderr = crate::util::stderr(&output);
    assert!(!stderr.contains("Checking"), "{stderr}");
    assert!(
        !stderr.contains('\r') && !stderr.contains('\u{1b}'),
        "{stderr:?}"
    );
}

#[cfg(unix)]
#[test]
fn on_a_terminal_progress_counts_the_records_on_standard_error_only() {
    let mut input = format!("{HEADER}\n");
    for n in 0..60_000 {
        input.push_str(&valid_record(n));
        input.push('\n');
    }
    let file = temp_path("progress.csv");
    std::fs::write(&file, input).unwrap();
    let stdout = temp_path("progress.out");
    // Standard output to a file: only standard error is the terminal.
    let command = format!(
        "{} users --today 2025-06-30 {} > {}",
        env!("CARGO_BIN_EXE_cleeng-register"),
        file.display(),
        stdout.display()
    );
    let Some(shown) = crate::util::run_on_a_terminal(&command, &[]) else {
        return;
    };
    assert!(shown.contains("Checking"), "{shown:?}");
    assert!(shown.contains(" records ("), "{shown:?}");
    assert!(shown.contains("records/s)"), "{shown:?}");
    assert!(
        shown.contains("cleeng-register: 60000 records, 60000 valid, 0 invalid"),
        "{shown:?}"
    );
    let written = std::fs::read_to_string(&stdout).unwrap();
    assert_eq!(written.lines().count(), 60_000);
    assert!(!written.contains("Checking"), "nothing on standard output");
    // Standard output on the terminal too: its lines are the progress, none is drawn.
    let command = format!(
        "{} users --today 2025-06-30 {}",
        env!("CARGO_BIN_EXE_cleeng-register"),
        file.display()
    );
    let shown = crate::util::run_on_a_terminal(&command, &[]).unwrap();
    assert!(
        shown.contains(r#"{"row":60001,"valid":true"#),
        "{}",
        &shown[shown.len() - 200..]
    );
    assert!(!shown.contains("Checking"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Split every N, the parts are the valid part cut before every Nth valid record, each
    /// after the header line: together (the header once) they are `--valid-out` byte for byte.
    #[test]
    fn the_split_parts_are_the_valid_part_cut_every_n_records(
        bom in any::<bool>(),
        header_end in prop_oneof![Just("\n"), Just("\r\n"), Just("\r")],
        records in proptest::collection::vec(record_strategy(), 0..14),
        every in 1u64..5,
    ) {
        let mut header = if bom { b"\xef\xbb\xbf".to_vec() } else { Vec::new() };
        header.extend_from_slice(HEADER.as_bytes());
        header.extend_from_slice(header_end.as_bytes());
        let mut input = header.clone();
        for (bytes, _) in &records {
            input.extend_from_slice(bytes);
        }
        let rules = || RecordRules::new(Default::default(), "2025-06-30".parse().unwrap());
        let mut whole = Vec::new();
        let outputs = Outputs { valid: Some(&mut whole), ..Default::default() };
        let plain = run_users(&input[..], std::io::sink(), rules(), outputs).unwrap();
        let mut parts: Vec<Vec<u8>> = Vec::new();
        let split_every = std::num::NonZeroU64::new(every).unwrap();
        let extras = Extras { split: Some(Split { every: split_every, parts: &mut parts }), ..Default::default() };
        let split = run_users_with(&input[..], std::io::sink(), rules(), Outputs::default(), extras).unwrap();
        prop_assert_eq!(plain.summary.valid(), split.summary.valid());
        let valid = plain.summary.valid();
        let expected_parts = valid.div_ceil(every).max(1);
        prop_assert_eq!(parts.len() as u64, expected_parts);
        // Every part starts with the header line, the first as the input does.
        prop_assert!(parts[0].starts_with(&header));
        for part in &parts[1..] {
            prop_assert!(part.starts_with(&header), "{:?}", String::from_utf8_lossy(part));
        }
        // The parts without their headers, joined, are the valid part without its header.
        let mut joined = parts[0].clone();
        for part in &parts[1..] {
            joined.extend_from_slice(&part[header.len()..]);
        }
        prop_assert_eq!(String::from_utf8_lossy(&joined), String::from_utf8_lossy(&whole));
        // Each part holds at most N records, all but the last exactly N: the records are the
        // valid part's, so each part checks again as N valid records.
        for (i, part) in parts.iter().enumerate() {
            let again = run_users(&part[..], std::io::sink(), rules(), Outputs::default()).unwrap();
            let expected = if i + 1 < parts.len() { every } else { valid - every * i as u64 };
            prop_assert_eq!(again.summary.records(), expected);
            prop_assert_eq!(again.summary.valid(), expected);
        }
    }
}
