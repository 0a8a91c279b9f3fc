//! Runs the `cleeng-register` binary.

use crate::util::{lines, run, temp_file};
use serde_json::Value;
use std::process::Output;

const VALID: &str = r#"{"email":"jane@example.com","password":"s3cret-pass","offerId":"S565568989_US","locale":"en_US","country":"US","currency":"USD","customerIP":"8.8.8.8"}"#;

fn repo_file(path: &str) -> String {
    format!("{}/../{path}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn all_valid_exits_0_with_one_line_each() {
    let out = run(&["validate"], format!("{VALID}\n{VALID}\n").as_bytes());
    assert_eq!(out.status.code(), Some(0));
    let got = lines(&out);
    assert_eq!(got.len(), 2);
    assert_eq!(
        got[1],
        serde_json::json!({"line": 2, "valid": true, "errors": [], "advisories": []})
    );
    let stderr = crate::util::stderr(&out);
    assert!(
        stderr.contains("2 requests, 2 valid, 0 invalid"),
        "{stderr}"
    );
}

#[test]
fn any_invalid_exits_1() {
    let out = run(&["validate", "-"], format!("{VALID}\n{{}}\n").as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let got = lines(&out);
    assert_eq!(got[1]["valid"], false);
    assert_eq!(got[1]["errors"][0]["pointer"], "/email");
    assert_eq!(got[1]["errors"][0]["code"], "missing");
    assert_eq!(got[1]["advisories"], serde_json::json!([]));
}

#[test]
fn line_numbers_count_blank_lines_and_crlf_is_stripped() {
    let input = format!("\n{VALID}\r\n   \r\n\t\n{{\"email\":1}}\r\n{VALID}");
    let out = run(&["validate"], input.as_bytes());
    let got = lines(&out);
    let numbers: Vec<_> = got.iter().map(|l| l["line"].as_u64().unwrap()).collect();
    assert_eq!(numbers, [2, 5, 6]);
    assert_eq!(
        got[0]["valid"], true,
        "a trailing \\r must not break the JSON"
    );
    assert_eq!(got[1]["errors"][0]["code"], "not_a_string");
    assert_eq!(got[2]["valid"], true, "the last line needs no newline");
}

#[test]
fn a_non_utf8_line_is_malformed_and_the_run_goes_on() {
    let mut input = b"{\"email\":\"\xff\"}\n".to_vec();
    input.extend_from_slice(VALID.as_bytes());
    let out = run(&["validate"], &input);
    assert_eq!(out.status.code(), Some(1));
    let got = lines(&out);
    assert_eq!(
        got[0]["errors"],
        serde_json::json!([{"pointer": "", "code": "malformed_body", "message": "the request body must be a UTF-8 JSON object"}])
    );
    assert_eq!(got[1]["valid"], true);
}

#[test]
fn a_huge_line_is_too_large_without_being_kept() {
    let mut input = vec![b'{'; 200_000];
    input.push(b'\n');
    input.extend_from_slice(VALID.as_bytes());
    let out = run(&["validate"], &input);
    let got = lines(&out);
    assert_eq!(got[0]["errors"][0]["code"], "too_large");
    assert_eq!(
        got[0]["errors"][0]["params"],
        serde_json::json!({"max": 65536})
    );
    assert_eq!(got[1]["line"], 2);
}

#[test]
fn a_blank_line_longer_than_the_body_limit_is_skipped() {
    let mut input = vec![b' '; 70_000];
    input.extend_from_slice(b"\t\r\n");
    input.extend_from_slice(VALID.as_bytes());
    let out = run(&["validate"], &input);
    assert_eq!(out.status.code(), Some(0));
    let got = lines(&out);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0]["line"], 2);
}

#[test]
fn a_body_of_exactly_the_limit_before_crlf_is_checked_not_too_large() {
    let policy = temp_file(
        "exact.json",
        format!(r#"{{"maxBodyBytes": {}}}"#, VALID.len()).as_bytes(),
    );
    let out = run(
        &["validate", "--policy", policy.to_str().unwrap()],
        format!("{VALID}\r\n{VALID} \r\n").as_bytes(),
    );
    let got = lines(&out);
    assert_eq!(got[0]["valid"], true, "{got:?}");
    // One byte more is too large.
    assert_eq!(got[1]["errors"][0]["code"], "too_large");
}

#[test]
fn after_a_double_dash_every_argument_is_an_input() {
    for arg in [
        "-h",
        "--help",
        "--policy",
        "--",
        "--policy=x.json",
        "--frobnicate",
    ] {
        let out = run(&["validate", "--", arg], b"");
        // Not help, not an option: a file that does not exist.
        assert_eq!(out.status.code(), Some(2), "{arg}");
        assert!(out.stdout.is_empty(), "{arg}");
        let stderr = crate::util::stderr(&out);
        assert!(
            stderr.starts_with(&format!("cleeng-register: cannot open {arg}: ")),
            "{arg}: {stderr}"
        );
        assert!(!stderr.contains("Usage:"), "{arg}: {stderr}");
    }
    // `-` is standard input, before `--` too.
    let out = run(&["validate", "-"], VALID.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    // `users` reads `-h` after `--` as its input's name too.
    let out = run(&["users", "--", "-h"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}

#[test]
fn unknown_options_and_commands_are_named_as_such() {
    let out = run(&["--frobnicate"], b"");
    let stderr = crate::util::stderr(&out);
    assert!(
        stderr.starts_with("error: unexpected argument '--frobnicate' found"),
        "{stderr}"
    );
    let out = run(&["frobnicate"], b"");
    let stderr = crate::util::stderr(&out);
    assert!(
        stderr.starts_with("error: unrecognized subcommand 'frobnicate'"),
        "{stderr}"
    );
    let out = run(&["validate", "--frobnicate"], b"");
    let stderr = crate::util::stderr(&out);
    assert!(
        stderr.starts_with("error: unexpected argument '--frobnicate' found"),
        "{stderr}"
    );
    // `users --help` is help, and `users` takes `-h` alike.
    for arg in ["--help", "-h"] {
        let out = run(&["users", arg], b"");
        assert_eq!(out.status.code(), Some(0), "{arg}");
        assert!(String::from_utf8(out.stdout)
            .unwrap()
            .contains("Usage: cleeng-register users"));
    }
}

#[test]
fn policy_file_changes_the_verdict() {
    let body = VALID.replace("}", ",\"nickname\":\"jd\"}");
    let out = run(&["validate"], body.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let policy = temp_file("allow.json", br#"{"allowUnknownFields": true}"#);
    let out = run(
        &["validate", "--policy", policy.to_str().unwrap()],
        body.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0));
    let out = run(
        &[&format!("--policy={}", policy.display())[..]],
        body.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(2), "options go after the command");
    let out = run(
        &["validate", &format!("--policy={}", policy.display())],
        body.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn usage_policy_and_io_errors_exit_2() {
    let bad_policy = temp_file("bad.json", br#"{"allowedCurrencies": ["XTS"]}"#);
    let out = run(
        &["validate", "--policy", bad_policy.to_str().unwrap()],
        VALID.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = crate::util::stderr(&out);
    assert!(stderr.contains("allowedCurrencies[0]"), "{stderr}");
    assert!(out.stdout.is_empty());

    for args in [
        &["validate", "--policy", "/no/such/policy.json"][..],
        &["validate", "/no/such/input.ndjson"],
        &["validate", "--policy"],
        &["validate", "--frobnicate"],
        &["validate", "a", "b"],
        &["frobnicate"],
        &[],
    ] {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!out.stderr.is_empty());
    }
}

#[test]
fn help_and_version() {
    for args in [&["--help"][..], &["-h"], &["help"]] {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(
            stdout.contains("Usage: cleeng-register <COMMAND>"),
            "{stdout}"
        );
        for command in ["validate", "schema", "openapi", "users", "completions"] {
            assert!(
                stdout.contains(&format!("\n  {command} ")),
                "{command}: {stdout}"
            );
        }
    }
    for args in [
        &["validate", "--help"][..],
        &["validate", "-h"],
        &["help", "validate"],
    ] {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(String::from_utf8(out.stdout)
            .unwrap()
            .contains("Usage: cleeng-register validate [OPTIONS] [INPUT]"));
    }
    for flag in ["--version", "-V"] {
        let out = run(&[flag], b"");
        assert_eq!(out.status.code(), Some(0));
        assert_eq!(
            String::from_utf8(out.stdout).unwrap(),
            format!("cleeng-register {}\n", env!("CARGO_PKG_VERSION"))
        );
    }
}

#[test]
fn empty_input_is_all_valid() {
    let out = run(&["validate"], b"");
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
}

#[test]
fn the_shipped_examples_show_every_code() {
    let out = run(&["validate", &repo_file("examples/requests.ndjson")], b"");
    assert_eq!(out.status.code(), Some(1));
    let got = lines(&out);
    let mut codes = std::collections::BTreeSet::new();
    for line in &got {
        for e in line["errors"]
            .as_array()
            .unwrap()
            .iter()
            .chain(line["advisories"].as_array().unwrap())
        {
            codes.insert(e["code"].as_str().unwrap().to_owned());
        }
    }
    let spec_codes = [
        "missing",
        "not_a_string",
        "too_short",
        "too_long",
        "invalid_format",
        "missing_letter",
        "missing_digit_or_special",
        "unknown_offer_type",
        "unknown_code",
        "offer_or_publisher_required",
        "control_character",
        "surrounding_whitespace",
        "invalid_json",
        "too_deep",
        "not_an_object",
        "unknown_field",
        "duplicate_field",
        "malformed_body",
        "customer_ip_missing",
        "customer_ip_not_public",
        "offer_country_mismatch",
        "too_large",
    ];
    for code in spec_codes {
        assert!(
            codes.contains(code),
            "examples/requests.ndjson shows no {code}"
        );
    }
    assert!(got.iter().any(|l| l["valid"] == true));
}

#[test]
fn the_shipped_policy_example_works() {
    let out = run(
        &[
            "validate",
            "--policy",
            &repo_file("examples/policy.json"),
            &repo_file("examples/requests.ndjson"),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    let got = lines(&out);
    assert!(got.iter().any(|l| l["errors"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["code"] == "not_supported")));
}

#[test]
fn schema_prints_the_checked_in_schema() {
    let out = run(&["schema"], b"");
    assert_eq!(out.status.code(), Some(0));
    let printed: Value = serde_json::from_slice(&out.stdout).unwrap();
    let on_disk: Value = serde_json::from_str(
        &std::fs::read_to_string(repo_file("schema/register-request.schema.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(printed, on_disk);
    let out = run(&["schema", "--result"], b"");
    let printed: Value = serde_json::from_slice(&out.stdout).unwrap();
    let on_disk: Value = serde_json::from_str(
        &std::fs::read_to_string(repo_file("schema/validation-result.schema.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(printed, on_disk);
}

#[test]
fn schema_follows_the_policy() {
    let out = run(
        &["schema", "--policy", &repo_file("examples/policy.json")],
        b"",
    );
    assert_eq!(out.status.code(), Some(0));
    let printed: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        printed["properties"]["currency"]["enum"],
        serde_json::json!(["USD", "EUR", "PLN", "GBP"])
    );
    assert_eq!(printed["properties"]["email"]["format"], "idn-email");
    let bad = temp_file(
        "bad-schema-policy.json",
        br#"{"maxExternalDataDepth": 1000}"#,
    );
    let out = run(&["schema", "--policy", bad.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert_eq!(run(&["schema", "input.ndjson"], b"").status.code(), Some(2));
    assert_eq!(run(&["validate", "--result"], b"").status.code(), Some(2));
}

#[test]
fn output_lines_match_the_result_schema() {
    let schema = cleeng_register::schema::result_schema();
    let validator = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .build(&schema)
        .unwrap();
    let out = run(&["validate", &repo_file("examples/requests.ndjson")], b"");
    let got = lines(&out);
    assert!(got.len() >= 30);
    for line in &got {
        assert!(validator.is_valid(line), "{line}");
    }
    // A serialized report has the same shape, without `line`.
    let report =
        cleeng_register::RegisterRequest::from_json(b"{}", &Default::default()).unwrap_err();
    assert!(validator.is_valid(&serde_json::to_value(&report).unwrap()));
    // And the schema is not vacuous.
    let made_up = serde_json::json!({"valid": false, "errors": [{"pointer": "", "code": "made_up", "message": ""}], "advisories": []});
    assert!(!validator.is_valid(&made_up));
}

/// A reader that fails once with `kind` before giving `data`.
struct FailingOnce {
    kind: Option<std::io::ErrorKind>,
    data: std::io::Cursor<Vec<u8>>,
}

impl std::io::Read for FailingOnce {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self.kind.take() {
            Some(kind) => Err(kind.into()),
            None => self.data.read(buf),
        }
    }
}

#[test]
fn an_interrupted_read_is_retried_and_other_errors_stop_the_run() {
    use cleeng_register::Policy;
    let reader = |kind| {
        std::io::BufReader::new(FailingOnce {
            kind: Some(kind),
            data: std::io::Cursor::new(format!("{VALID}\n").into_bytes()),
        })
    };
    let mut out = Vec::new();
    let summary = cleeng_register_cli::run_validate(
        reader(std::io::ErrorKind::Interrupted),
        &mut out,
        &Policy::default(),
    )
    .unwrap();
    assert_eq!((summary.requests, summary.valid), (1, 1));
    assert_eq!(out.iter().filter(|&&b| b == b'\n').count(), 1);
    let err = cleeng_register_cli::run_validate(
        reader(std::io::ErrorKind::BrokenPipe),
        Vec::new(),
        &Policy::default(),
    )
    .unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::BrokenPipe);
}

/// `VALID`, pretty-printed over several lines.
fn pretty(body: &str) -> String {
    serde_json::to_string_pretty(&serde_json::from_str::<Value>(body).unwrap()).unwrap()
}

#[test]
fn one_pretty_printed_value_is_one_request_numbered_by_its_first_line() {
    let input = format!("\n  \n{}\n\n", pretty(VALID));
    assert!(input.lines().count() > 5);
    let out = run(&["validate"], input.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", crate::util::stderr(&out));
    let got = lines(&out);
    assert_eq!(
        got,
        [serde_json::json!({"line": 3, "valid": true, "errors": [], "advisories": []})]
    );
    let stderr = crate::util::stderr(&out);
    assert_eq!(stderr, "cleeng-register: 1 request, 1 valid, 0 invalid\n");
    // Without a line end at the end, and with CRLF line ends, too.
    let crlf = pretty(VALID).replace('\n', "\r\n");
    let out = run(&["validate"], crlf.as_bytes());
    assert_eq!(lines(&out).len(), 1);
    assert_eq!(lines(&out)[0]["valid"], true);
    // An invalid one gives its errors once, not one malformed line per line.
    let out = run(&["validate"], b"{\n  \"email\": \"nope\"\n}\n");
    assert_eq!(out.status.code(), Some(1));
    let got = lines(&out);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0]["errors"][0]["code"], "invalid_format");
}

#[test]
fn summaries_say_one_request_and_many_requests() {
    let out = run(&["validate"], b"{}\n");
    assert_eq!(
        crate::util::stderr(&out),
        "cleeng-register: 1 request, 0 valid, 1 invalid\n"
    );
    let out = run(&["validate"], b"");
    assert_eq!(
        crate::util::stderr(&out),
        "cleeng-register: 0 requests, 0 valid, 0 invalid\n"
    );
}

#[test]
fn a_value_cut_off_by_the_end_of_input_is_one_malformed_request() {
    let out = run(&["validate"], b"{\n  \"email\": \"jane@example.com\",\n");
    let got = lines(&out);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0]["errors"][0]["code"], "malformed_body");
}

#[test]
fn ndjson_whose_first_line_opens_a_value_stays_ndjson_and_says_so() {
    // A broken first line, then good lines: each line is its own request.
    let input = format!("{{\"email\":\n{VALID}\n\n{VALID}\n");
    let out = run(&["validate"], input.as_bytes());
    let got = lines(&out);
    let numbers: Vec<_> = got.iter().map(|l| l["line"].as_u64().unwrap()).collect();
    assert_eq!(numbers, [1, 2, 4]);
    assert_eq!(got[0]["errors"][0]["code"], "malformed_body");
    assert_eq!(
        (got[1]["valid"].clone(), got[2]["valid"].clone()),
        (true.into(), true.into())
    );
    let stderr = crate::util::stderr(&out);
    assert!(
        stderr.contains("3 requests, 2 valid, 1 invalid"),
        "{stderr}"
    );
    assert!(
        stderr.contains("line 1 begins a JSON value that spans lines"),
        "{stderr}"
    );
    // Two pretty-printed values: NDJSON too.
    let two = format!("{}\n{}\n", pretty(VALID), pretty(VALID));
    let out = run(&["validate"], two.as_bytes());
    assert!(lines(&out).len() > 2);
}

#[test]
fn a_pretty_value_past_the_body_limit_is_one_too_large_request_and_is_not_kept() {
    // 300 KB over many lines, the rest of the input read and dropped.
    let mut input = String::from("{\n  \"email\": \"jane@example.com\",\n  \"x\": [\n");
    for _ in 0..30_000 {
        input.push_str("    1234567,\n");
    }
    input.push_str("    0\n  ]\n}\n");
    let out = run(&["validate"], input.as_bytes());
    let got = lines(&out);
    assert_eq!(got.len(), 1, "{}", crate::util::stderr(&out));
    assert_eq!(got[0]["errors"][0]["code"], "too_large");
    assert_eq!(got[0]["line"], 1);
    // At the limit it is checked; the line end and white space after it are not the body's.
    let body = pretty(VALID);
    let policy = temp_file(
        "pretty-exact.json",
        format!(r#"{{"maxBodyBytes": {}}}"#, body.len()).as_bytes(),
    );
    let args = ["validate", "--policy", policy.to_str().unwrap()];
    let out = run(&args, format!("{body}\n  \n").as_bytes());
    assert_eq!(lines(&out)[0]["valid"], true);
    let out = run(&args, format!("{body} \n").as_bytes());
    assert_eq!(lines(&out).len(), 1);
    let longer = body.replacen('{', "{ ", 1);
    let out = run(&args, longer.as_bytes());
    assert_eq!(lines(&out)[0]["errors"][0]["code"], "too_large");
}

#[test]
fn the_text_report_is_styled_only_where_colour_is_wanted() {
    let input = format!("{VALID}\n{{}}\n");
    let args = ["validate", "--format", "text"];
    let styled = |out: &Output| out.stdout.contains(&0x1b);
    let piped = crate::util::run_with_env(&args, input.as_bytes(), &[]);
    assert!(!styled(&piped), "a pipe gets no escapes");
    let text = String::from_utf8(piped.stdout.clone()).unwrap();
    assert!(
        text.starts_with(
            "line 1: valid\nline 2: invalid\n  error[missing] /email: email is required\n"
        ),
        "{text}"
    );
    let forced = crate::util::run_with_env(&args, input.as_bytes(), &[("CLICOLOR_FORCE", "1")]);
    assert!(styled(&forced));
    let forced_text = String::from_utf8(forced.stdout.clone()).unwrap();
    assert!(
        forced_text.contains("\u{1b}[31m"),
        "red for invalid: {forced_text:?}"
    );
    let no_color = crate::util::run_with_env(
        &args,
        input.as_bytes(),
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")],
    );
    assert!(!styled(&no_color), "NO_COLOR wins");
    assert_eq!(no_color.stdout, piped.stdout);
    // JSON is never styled.
    let json =
        crate::util::run_with_env(&["validate"], input.as_bytes(), &[("CLICOLOR_FORCE", "1")]);
    assert!(!styled(&json));
}

#[cfg(unix)]
#[test]
fn on_a_terminal_the_text_report_is_in_colour_unless_no_color_is_set() {
    let body = temp_file("terminal.ndjson", b"{}\n");
    let command = format!(
        "{} validate --format text {}",
        env!("CARGO_BIN_EXE_cleeng-register"),
        body.display()
    );
    let Some(shown) = crate::util::run_on_a_terminal(&command, &[]) else {
        return;
    };
    assert!(shown.contains("\u{1b}[31m"), "{shown:?}");
    assert!(shown.contains("email is required"), "{shown:?}");
    let shown = crate::util::run_on_a_terminal(&command, &[("NO_COLOR", "1")]).unwrap();
    assert!(!shown.contains('\u{1b}'), "{shown:?}");
    assert!(shown.contains("line 1: invalid"), "{shown:?}");
}

#[test]
fn the_text_report_escapes_a_clients_key() {
    let out = run(
        &["validate", "--format", "text"],
        b"{\"x\\n2026-11-30 INFO forged\\u001b[31m\":1}\n",
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(r"error[unknown_field] /x\n2026-11-30 INFO forged\u001b[31m: this key"),
        "{text}"
    );
    assert!(!text.contains('\u{1b}'));
}

#[test]
fn messages_writes_the_messages_document_for_the_policy() {
    let out = run(&["messages"], b"");
    assert_eq!(out.status.code(), Some(0));
    let checked_in = std::fs::read(repo_file("schema/messages.json")).unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(checked_in).unwrap()
    );
    let policy = temp_file("messages-policy.json", br#"{"allowedCurrencies": ["EUR"]}"#);
    let out = run(&["messages", "--policy", policy.to_str().unwrap()], b"");
    let document: Value = serde_json::from_slice(&out.stdout).unwrap();
    let policy = cleeng_register::Policy::from_json(br#"{"allowedCurrencies": ["EUR"]}"#).unwrap();
    assert_eq!(document, cleeng_register::messages::document(&policy));
    assert!(document.to_string().contains("not_supported"));
    let out = run(&["messages", "--policy", "/nonexistent.json"], b"");
    assert_eq!(out.status.code(), Some(2));
}
