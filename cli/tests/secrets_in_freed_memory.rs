//! No freed copy of a password: while `validate` reads request bodies (NDJSON, one
//! pretty-printed value, a line past the body limit, a value that is not one), no heap block
//! freed by the command holds the plaintext. The command's line buffer, read buffer and
//! one-value buffer wipe themselves before they grow or are freed; the core wipes its own.
//!
//! A binary of its own: it installs the scanning allocator of the core's
//! `tests/freed_memory`.

#[path = "../../tests/freed_memory/mod.rs"]
mod freed_memory;

use cleeng_register::Policy;
use freed_memory::freed_copies;

const PASSWORD: &str = "Zq8-secret-pass";

/// The body around the password, which comes first so that it sits in the first bytes of
/// every buffer that holds the body.
const HEAD: &str = r#"{"password":""#;
const TAIL: &str = r#"","email":"jane.doe@example.com","offerId":"S565568989_US","locale":"en_US","country":"US","currency":"USD","customerIP":"8.8.8.8"}"#;
const PRETTY_HEAD: &str = "{\n  \"password\": \"";
const PRETTY_TAIL: &str = "\",\n  \"email\": \"jane.doe@example.com\",\n  \"offerId\": \"S565568989_US\",\n  \"locale\": \"en_US\",\n  \"country\": \"US\",\n  \"currency\": \"USD\"\n}";

/// The pieces joined, in one block allocated once: the test itself frees no copy of the
/// password that a later block could be carved from (the scan reads spare capacity too).
fn input(pieces: &[&str]) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(pieces.iter().map(|p| p.len()).sum());
    for piece in pieces {
        bytes.extend_from_slice(piece.as_bytes());
    }
    bytes
}

fn freed_copies_while_validating(input: &[u8], policy: &Policy) -> (u64, usize) {
    let (summary, found) = freed_copies(PASSWORD, || {
        cleeng_register_cli::run_validate(input, Vec::new(), policy).expect("in memory")
    });
    (summary.requests, found)
}

#[test]
fn validating_leaves_no_freed_copy_of_a_password() {
    let spaces = " ".repeat(5000);
    let pretty_lines = input(&[PRETTY_HEAD, PRETTY_TAIL])
        .split(|b| *b == b'\n')
        .count() as u64;
    // Every input is built before the first scan and kept until the last.
    let cases: Vec<(&str, Vec<u8>, u64)> = vec![
        (
            "NDJSON",
            input(&[
                HEAD, PASSWORD, TAIL, "\n", HEAD, PASSWORD, TAIL, "\r\n\n", HEAD, PASSWORD, TAIL,
            ]),
            3,
        ),
        (
            "one pretty-printed value",
            input(&["\n", PRETTY_HEAD, PASSWORD, PRETTY_TAIL, "\n"]),
            1,
        ),
        (
            "a line longer than the buffers hold at first",
            input(&[HEAD, PASSWORD, TAIL, &spaces, "\n"]),
            1,
        ),
        (
            "NDJSON whose first line opens a value",
            input(&[HEAD, PASSWORD, "\",\n", HEAD, PASSWORD, TAIL, "\n"]),
            2,
        ),
        (
            "two pretty-printed values",
            input(&[
                PRETTY_HEAD,
                PASSWORD,
                PRETTY_TAIL,
                "\n",
                PRETTY_HEAD,
                PASSWORD,
                PRETTY_TAIL,
                "\n",
            ]),
            2 * pretty_lines,
        ),
    ];
    let small = Policy::from_json(br#"{"maxBodyBytes": 64}"#).unwrap();
    let many = "1,\n".repeat(2000);
    let too_large = input(&[
        "{\n\"password\":\"",
        PASSWORD,
        "\",\n\"x\":[\n",
        &many,
        "0]}\n",
    ]);
    for (case, input, requests) in &cases {
        let (read, found) = freed_copies_while_validating(input, &Policy::default());
        assert_eq!(read, *requests, "{case}");
        assert_eq!(found, 0, "{case}: a freed block held the password");
    }
    // A one-value body past a small limit: read up to the limit, the rest dropped.
    let (read, found) = freed_copies_while_validating(&too_large, &small);
    assert_eq!((read, found), (1, 0));
}

#[test]
fn the_scan_finds_a_freed_copy() {
    // The needle in a block freed as it is: the scan is not blind.
    let (_, found) = freed_copies(PASSWORD, || drop(input(&[HEAD, PASSWORD, TAIL])));
    assert_eq!(found, 1);
}
