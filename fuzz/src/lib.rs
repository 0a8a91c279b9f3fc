//! The fuzz target bodies. `fuzz_targets/*.rs` call them under libFuzzer; the stable test
//! `cli/tests/it/fuzz_replay.rs` includes this file and replays every corpus and regression
//! input through them, so the invariants are written once.
//!
//! Each target asserts invariants, not just "no panic": accepted requests round-trip,
//! rejected ones have a non-empty report of documented codes with valid pointers into the body,
//! no message or param shows a submitted value, and `Debug` never shows the password.

use std::cell::RefCell;
use std::collections::HashMap;

use arbitrary::{Arbitrary, Unstructured};
use cleeng_register::*;
use cleeng_register_migration::MigrationErrorCode;
use cleeng_register_response::{CleengError, CleengErrorCode, RegisterResponse, ResponseErrorCode};
use serde_json::Value;

/// The default policy and a permissive one (unknown keys, international email, every limit
/// at its largest).
fn policies() -> [Policy; 2] {
    let permissive = Policy::builder()
        .allow_unknown_fields(true)
        .allow_international_email(true)
        .max_body_bytes(1 << 20)
        .max_external_data_bytes(1 << 20)
        .max_external_data_depth(policy::ExternalDataLimits::MAX_DEPTH_LIMIT)
        .build()
        .expect("a valid policy");
    [Policy::default(), permissive]
}

/// Arbitrary bytes as a request body, under both policies.
pub fn request_json(data: &[u8]) {
    for policy in policies() {
        check_body(data, &policy);
        check_readers_agree(data, &policy);
    }
}

/// Arbitrary text through one domain type's constructor, chosen by the first byte.
pub fn constructors(data: &[u8]) {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let s = text.as_ref();
    match which % 13 {
        0 => check_value(s, Email::parse),
        1 => check_value(s, Email::parse_international),
        2 => check_password(s),
        3 => check_value(s, OfferId::parse),
        4 => check_value(s, PublisherId::parse),
        5 => check_value(s, Locale::parse),
        6 => check_value(s, CountryCode::parse),
        7 => check_value(s, Currency::parse),
        8 => check_value(s, PersonName::parse),
        9 => check_value(s, ExternalId::parse),
        10 => check_value(s, CustomData::parse),
        11 => check_value(s, CustomerIp::parse),
        _ => check_value(s, CaptchaToken::parse),
    }
}

/// Structure-aware: a valid request from arbitrary parts serializes and parses back equal.
pub fn roundtrip(data: &[u8]) {
    let mut u = Unstructured::new(data);
    let Ok(request) = RegisterRequest::arbitrary(&mut u) else {
        return;
    };
    let body = serde_json::to_vec(&request).expect("a request serializes");
    match RegisterRequest::from_json(&body, &Policy::default()) {
        Ok(again) => assert_eq!(again, request),
        Err(report) => panic!("a valid request was refused: {report}"),
    }
    let via_serde: RegisterRequest = serde_json::from_slice(&body).expect("serde reads it too");
    assert_eq!(via_serde, request);
    assert_debug_hides_password(&request);
}

/// One line of `cleeng-register validate`, through the binary's own code.
pub fn validate_line(data: &[u8]) {
    let policy = Policy::default();
    let mut out = Vec::new();
    let valid = cleeng_register_cli::validate_line(data, 7, &policy, &mut out);
    assert_eq!(out.last(), Some(&b'\n'), "one line, newline-terminated");
    assert_eq!(
        out.iter().filter(|b| **b == b'\n').count(),
        1,
        "exactly one line"
    );
    let line: Value = serde_json::from_slice(&out).expect("the output is JSON");
    assert_eq!(line["line"], 7);
    assert_eq!(line["valid"], valid);
    let errors = line["errors"].as_array().expect("errors is an array");
    assert_eq!(errors.is_empty(), valid);
    assert_eq!(valid, RegisterRequest::from_json(data, &policy).is_ok());
    if !valid {
        assert!(line["advisories"].as_array().is_some_and(Vec::is_empty));
    }
}

fn check_body(data: &[u8], policy: &Policy) {
    match RegisterRequest::from_json(data, policy) {
        Ok(request) => {
            let body = serde_json::to_vec(&request).expect("a request serializes");
            let again = RegisterRequest::from_json(&body, policy).expect("its own output is valid");
            assert_eq!(again, request);
            assert_debug_hides_password(&request);
        }
        Err(report) => {
            assert!(!report.errors().is_empty(), "a report is never empty");
            let parsed: Option<Value> = serde_json::from_slice(data).ok();
            let values = submitted_strings(parsed.as_ref());
            for e in report.errors() {
                assert_eq!(e.code().as_str().parse::<ErrorCode>(), Ok(e.code()));
                assert_valid_pointer(e, parsed.as_ref());
                assert_shows_no_value(e, &values);
            }
            // The directly written problem document is serde_json's, byte for byte.
            assert_eq!(
                report.to_problem_json(400),
                serde_json::to_vec(&report.to_problem(400)).expect("a problem serializes")
            );
        }
    }
}

/// `from_json` (the crate's own scanner) and `RequestSeed` over serde_json agree: the same
/// request, the same errors, or both refuse the text as JSON. (A seed cannot see text after
/// the object, so there it may report the object's own errors instead.)
fn check_readers_agree(data: &[u8], policy: &Policy) {
    use serde::de::DeserializeSeed;
    let ours = RegisterRequest::from_json(data, policy);
    let Ok(text) = std::str::from_utf8(data) else {
        assert!(ours.is_err(), "not UTF-8, yet accepted");
        return;
    };
    if data.len() > policy.max_body_bytes() {
        return; // serde cannot see the size
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let seeded = request::RequestSeed::new(policy)
        .deserialize(&mut de)
        .and_then(|request| de.end().map(|()| request));
    match (ours, seeded) {
        (Ok(ours), Ok(seeded)) => assert_eq!(ours, seeded),
        (Err(report), Err(err)) => {
            let malformed =
                report.errors().len() == 1 && report.errors()[0].code() == ErrorCode::MalformedBody;
            if !malformed {
                assert_eq!(err.to_string(), report.to_string());
            } else if err.to_string().starts_with("invalid body") {
                let first = serde_json::Deserializer::from_str(text)
                    .into_iter::<Value>()
                    .next();
                assert!(
                    matches!(first, Some(Ok(Value::Object(_))))
                        && serde_json::from_str::<Value>(text).is_err(),
                    "from_json refused the text as JSON, serde read it"
                );
            }
        }
        (ours, seeded) => panic!(
            "from_json {:?}, serde {:?}",
            ours.map(|_| ()),
            seeded.map(|_| ())
        ),
    }
}

/// An RFC 6901 pointer that, unless it names a missing field or the root, names a key of
/// the body.
fn assert_valid_pointer(e: &FieldError, body: Option<&Value>) {
    let pointer = e.pointer();
    if pointer.is_empty() {
        return;
    }
    assert!(pointer.starts_with('/'), "pointer {pointer:?}");
    assert!(
        !pointer[1..].contains('/'),
        "pointers name top-level keys: {pointer:?}"
    );
    let mut chars = pointer.chars();
    while let Some(c) = chars.next() {
        if c == '~' {
            assert!(
                matches!(chars.next(), Some('0' | '1')),
                "bad escape in {pointer:?}"
            );
        }
    }
    if e.code() != ErrorCode::Missing {
        if let Some(body @ Value::Object(_)) = body {
            assert!(
                body.pointer(pointer).is_some(),
                "{pointer:?} is not in the body"
            );
        }
    }
}

/// Every string in the body, keys excluded.
fn submitted_strings(body: Option<&Value>) -> Vec<String> {
    let mut found = Vec::new();
    fn walk(v: &Value, found: &mut Vec<String>) {
        match v {
            Value::String(s) => found.push(s.clone()),
            Value::Array(items) => items.iter().for_each(|v| walk(v, found)),
            Value::Object(map) => map.values().for_each(|v| walk(v, found)),
            _ => {}
        }
    }
    if let Some(v) = body {
        walk(v, &mut found);
    }
    found
}

/// Messages are built from a fixed vocabulary: ASCII letters, digits, spaces and a little
/// punctuation. A submitted value with any other character can only appear by leaking.
fn outside_message_alphabet(s: &str) -> bool {
    s.chars()
        .any(|c| !(c.is_ascii_alphanumeric() || " .,:;()!@#$%^&?'_-\"".contains(c)))
}

/// `Debug` adds struct syntax to the message vocabulary.
fn outside_debug_alphabet(s: &str) -> bool {
    s.chars()
        .any(|c| !(c.is_ascii_alphanumeric() || " .,:;()!@#$%^&?'_-\"{}[]".contains(c)))
}

thread_local! {
    /// (pointer, code, params) → message: a message must not vary with the value.
    static MESSAGES: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
}

fn assert_shows_no_value(e: &FieldError, values: &[String]) {
    let message = e.to_string();
    // Params are the policy's limits and the crate's constant suggestion: only the
    // suggestion is text. (Their JSON form, `{}` when empty, is syntax, not a value.)
    let params = serde_json::to_string(e.params()).expect("params serialize");
    let suggestion = e.params().suggestion.unwrap_or_default();
    for v in values.iter().filter(|v| outside_message_alphabet(v)) {
        assert!(
            !message.contains(v.as_str()),
            "message {message:?} shows a value"
        );
        assert!(
            !suggestion.contains(v.as_str()),
            "suggestion {suggestion:?} shows a value"
        );
    }
    // An unknown key's message does not depend on the key either.
    let place = if e.field().is_some() || e.pointer().is_empty() {
        e.pointer()
    } else {
        "/<unknown>"
    };
    let key = format!("{place} {} {params}", e.code());
    MESSAGES.with(|m| {
        let known = m
            .borrow_mut()
            .entry(key)
            .or_insert_with(|| message.clone())
            .clone();
        assert_eq!(known, message, "a message changed with the submitted value");
    });
}

fn check_value<T>(input: &str, parse: fn(&str) -> Result<T, ValueError>)
where
    T: std::fmt::Display + std::fmt::Debug + PartialEq + serde::Serialize + AsRef<str>,
{
    match parse(input) {
        Ok(value) => {
            assert_eq!(value.as_ref(), input, "the text is kept as given");
            // Display, not as_str: the two must agree.
            let shown = format!("{value}");
            assert_eq!(parse(&shown).expect("Display parses back"), value);
            let json = serde_json::to_string(&value).expect("serializes");
            let back: String = serde_json::from_str(&json).expect("a JSON string");
            assert_eq!(back, input, "serializes as its text");
        }
        Err(err) => {
            assert!(err.violations().count() >= 1);
            if outside_message_alphabet(input) {
                assert!(
                    !err.to_string().contains(input),
                    "the error shows the value"
                );
            }
            if outside_debug_alphabet(input) {
                assert!(!format!("{err:?}").contains(input), "Debug shows the value");
            }
        }
    }
}

fn check_password(input: &str) {
    match Password::parse(input) {
        Ok(p) => {
            assert_eq!(p.expose_secret(), input);
            assert_eq!(format!("{p:?}"), "Password(***)");
        }
        Err(err) => {
            let codes: Vec<_> = err.violations().map(|v| v.code).collect();
            assert!((1..=3).contains(&codes.len()));
            let mut sorted = codes.clone();
            sorted.sort();
            sorted.dedup();
            assert_eq!(sorted.len(), codes.len(), "each rule reported once");
            if outside_message_alphabet(input) {
                assert!(!err.to_string().contains(input));
            }
            if outside_debug_alphabet(input) {
                assert!(!format!("{err:?}").contains(input));
            }
        }
    }
}

/// `Debug` of a request does not change with its password.
fn assert_debug_hides_password(request: &RegisterRequest) {
    let other: Password = "Zz9-another-secret".parse().expect("a valid password");
    let mut b = RegisterRequest::builder(
        request.email().clone(),
        other,
        request.offer_or_publisher(),
        request.locale(),
        request.country(),
        request.currency(),
    );
    if let Some(v) = request.first_name() {
        b = b.first_name(v.clone());
    }
    if let Some(v) = request.last_name() {
        b = b.last_name(v.clone());
    }
    if let Some(v) = request.external_id() {
        b = b.external_id(v.clone());
    }
    if let Some(v) = request.external_data() {
        b = b.external_data(v.clone());
    }
    if let Some(v) = request.customer_ip() {
        b = b.customer_ip(v);
    }
    if let Some(v) = request.captcha_value() {
        b = b.captcha_value(v.clone());
    }
    assert_eq!(
        format!("{request:?}"),
        format!("{:?}", b.build()),
        "Debug depends on the password"
    );
}

/// Arbitrary bytes as Cleeng's answer: through the success envelope's reader and the error
/// body's reader.
pub fn response_json(data: &[u8]) {
    let parsed: Option<Value> = serde_json::from_slice(data).ok();
    match RegisterResponse::from_json(data) {
        Ok(response) => {
            let body = serde_json::to_vec(&response).expect("a response serializes");
            let again = RegisterResponse::from_json(&body).expect("its own output is valid");
            assert_eq!(again, response);
            assert_eq!(
                again.jwt().unverified_claims().customer_id(),
                response.customer_id()
            );
            // Debug is a fixed text around the customer id: no part of any token.
            assert_eq!(
                format!("{response:?}"),
                format!(
                    "RegisterResponse {{ customer_id: CustomerId({}), customer_token: CustomerToken(***), jwt: Jwt(***), refresh_token: RefreshToken(***) }}",
                    response.customer_id()
                )
            );
        }
        Err(report) => {
            const POINTERS: [&str; 6] = [
                "",
                "/responseData",
                "/responseData/customerId",
                "/responseData/customerToken",
                "/responseData/jwt",
                "/responseData/refreshToken",
            ];
            let errors = report.errors();
            assert!(!errors.is_empty(), "a report is never empty");
            let values = submitted_strings(parsed.as_ref());
            let mut last = 0;
            for e in errors {
                assert_eq!(e.code().as_str().parse::<ResponseErrorCode>(), Ok(e.code()));
                let at = POINTERS
                    .iter()
                    .position(|p| *p == e.pointer())
                    .expect("an RFC 6901 pointer of the envelope");
                assert!(at >= last, "errors in field order");
                last = at;
                // Anything but a missing part points at a value the body holds.
                if e.code() != ResponseErrorCode::Missing && !e.pointer().is_empty() {
                    if let Some(body) = &parsed {
                        assert!(body.pointer(e.pointer()).is_some(), "{:?}", e.pointer());
                    }
                }
                let message = e.to_string();
                for v in values.iter().filter(|v| outside_message_alphabet(v)) {
                    assert!(!message.contains(v.as_str()), "{message:?} shows a value");
                }
            }
            if report.contains("", ResponseErrorCode::MalformedBody) {
                assert_eq!(errors.len(), 1, "malformed_body stands alone");
            }
        }
    }
    check_cleeng_error(data, parsed.as_ref());
}

/// `CleengError::from_json` agrees with the rule, restated over `serde_json::Value`: the
/// top-level string `code`, else the first element of `errors` (a string, or an object with
/// a string `code`).
fn check_cleeng_error(data: &[u8], parsed: Option<&Value>) {
    let expected = parsed.filter(|v| v.is_object()).map(|body| {
        let first = body["errors"].get(0);
        body["code"]
            .as_str()
            .or_else(|| first.and_then(Value::as_str))
            .or_else(|| first.and_then(|f| f["code"].as_str()))
    });
    // A code must be 1 to 64 printable ASCII characters; any other is refused at `/code`.
    let printable = |code: &str| {
        (1..=CleengError::MAX_CODE_CHARS).contains(&code.chars().count())
            && code.bytes().all(|b| b.is_ascii_graphic())
    };
    match (CleengError::from_json(data), expected) {
        (Err(report), Some(Some(code))) if !printable(code) => {
            assert_eq!(report.errors().len(), 1);
            assert_eq!(report.errors()[0].pointer(), "/code");
        }
        (Ok(err), Some(Some(code))) if printable(code) => {
            assert_eq!(err.code().as_str(), code);
            assert_eq!(CleengErrorCode::parse(code), *err.code());
            let known = CleengErrorCode::DOCUMENTED.contains(err.code())
                || matches!(err.code(), CleengErrorCode::Server(_));
            assert_eq!(err.code().http_status().is_some(), known);
        }
        (Err(report), Some(None)) => assert!(report.contains("/code", ResponseErrorCode::Missing)),
        (Err(report), None) => assert!(report.contains("", ResponseErrorCode::MalformedBody)),
        (outcome, expected) => panic!("{outcome:?} where the rule gives {expected:?}"),
    }
}

/// Arbitrary bytes as a Users migration file through `cleeng-register users`' own code:
/// one result line per record (one for row 1 when the header fails), the valid and rejected
/// outputs together hold the input's bytes with the header twice, and the valid part passes
/// again on its own with the same number of records.
pub fn users_csv(data: &[u8]) {
    use cleeng_register_cli::users::{run_users, Outputs};
    use cleeng_register_migration::RecordRules;
    let rules = || RecordRules::new(Policy::default(), "2025-06-30".parse().expect("a date"));
    let (mut valid, mut rejected, mut lines) = (Vec::new(), Vec::new(), Vec::new());
    let outputs = Outputs {
        errors_csv: None,
        valid: Some(&mut valid),
        rejected: Some(&mut rejected),
    };
    let run = run_users(data, &mut lines, rules(), outputs).expect("in-memory I/O cannot fail");
    let line_count = lines.iter().filter(|b| **b == b'\n').count() as u64;
    for line in lines.split(|b| *b == b'\n').filter(|l| !l.is_empty()) {
        let value: Value = serde_json::from_slice(line).expect("each line is JSON");
        let errors = value["errors"].as_array().expect("errors is an array");
        assert_eq!(value["valid"].as_bool(), Some(errors.is_empty()));
        for e in errors {
            let code = e["code"].as_str().expect("a code");
            assert!(
                code.parse::<MigrationErrorCode>().is_ok(),
                "unknown code {code}"
            );
        }
    }
    // Records as the csv crate counts them, header excluded.
    let records = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(data)
        .byte_records()
        .count()
        .saturating_sub(1) as u64;
    if !run.header_valid {
        assert_eq!(line_count, 1, "header errors give one line");
        assert_eq!(rejected, data, "everything is rejected");
        assert!(data.starts_with(&valid), "the header is kept");
        return;
    }
    assert_eq!(line_count, records, "one line per record");
    assert_eq!(run.summary.records(), records);
    // Both parts start with the same header bytes, and hold the input's bytes once more.
    let header_len = valid.len() + rejected.len() - data.len();
    assert_eq!(valid[..header_len], data[..header_len]);
    assert_eq!(rejected[..header_len], data[..header_len]);
    // The valid part is valid on its own: no record changed meaning when cut out.
    let mut again = Vec::new();
    let rerun = run_users(&valid[..], &mut again, rules(), Outputs::default())
        .expect("in-memory I/O cannot fail");
    assert!(rerun.header_valid);
    assert_eq!(rerun.summary.records(), run.summary.valid());
    assert_eq!(rerun.summary.valid(), run.summary.valid());
}
