//! What the envelope reader checks, at the edges where decoding and skipping differ: the
//! keys and the values it reads are checked as serde_json decodes them (surrogates in pairs,
//! numbers within `f64`), the values it skips as serde's `IgnoredAny` skips them (syntax
//! only, at any depth). These are the serde_json reader's rules, which the crate's own
//! scanner keeps.

use cleeng_register_response::RegisterResponse;

use crate::util::{claims, envelope, jwt_of};

/// `members` added to a valid envelope's `responseData`, or beside it when `outside`.
fn with(members: &str, outside: bool) -> Vec<u8> {
    let mut text = envelope().to_string();
    let at = if outside {
        text.rfind('}').expect("an object")
    } else {
        text.find("}").expect("responseData is an object")
    };
    text.insert_str(at, &format!(",{members}"));
    text.into_bytes()
}

/// The outcome: `Ok`, or the codes of the errors.
fn outcome(body: &[u8]) -> Result<(), Vec<&'static str>> {
    RegisterResponse::from_json(body)
        .map(|_| ())
        .map_err(|report| report.errors().iter().map(|e| e.code().as_str()).collect())
}

fn malformed(body: &[u8]) -> bool {
    outcome(body) == Err(vec!["malformed_body"])
}

#[test]
fn skipped_values_are_checked_for_syntax_only() {
    let deep = format!("{}{}", "[".repeat(300), "]".repeat(300));
    for value in [
        r#""\uDE00""#,
        r#""\uD83D""#,
        "1e400",
        "-1e99999999999",
        r#"{"a":"\uDE00","b":[1e999]}"#,
        &deep,
    ] {
        for outside in [false, true] {
            let body = with(&format!(r#""other":{value}"#), outside);
            assert_eq!(outcome(&body), Ok(()), "{value}, outside: {outside}");
        }
    }
    for broken in [
        r#""\u12""#,
        "01",
        "1.",
        "[1,]",
        r#"{"a" 1}"#,
        "nul",
        "\"a\u{1}\"",
    ] {
        for outside in [false, true] {
            let body = with(&format!(r#""other":{broken}"#), outside);
            assert!(malformed(&body), "{broken}, outside: {outside}");
        }
    }
    let unclosed = format!("{}{}", "[".repeat(300), "]".repeat(299));
    assert!(malformed(&with(&format!(r#""other":{unclosed}"#), false)));
}

#[test]
fn keys_and_read_values_are_decoded_strictly() {
    for body in [with(r#""\uDE00":1"#, false), with(r#""\uDE00":1"#, true)] {
        assert!(malformed(&body));
    }
    let mut data = serde_json::Map::new();
    data.insert("customerId".into(), 123456789.into());
    data.insert("customerToken".into(), "ct".into());
    data.insert("refreshToken".into(), "rt".into());
    data.insert("jwt".into(), jwt_of(&claims(123456789)).into());
    let base = serde_json::json!({ "responseData": data }).to_string();
    for (field, value) in [
        ("customerToken", r#""\uDE00""#),
        ("refreshToken", r#""a\uD83Db""#),
        ("jwt", r#""\uD83D""#),
        ("customerId", r#""\uDE00""#),
        ("customerId", "1e400"),
        ("customerToken", "1e400"),
        ("customerToken", r#"{"\uDE00":1}"#),
        ("customerId", r#"{"\uDE00":1}"#),
    ] {
        let body = base.replacen(
            &format!("\"{field}\":"),
            &format!("\"{field}\":{value},\"_{field}\":"),
            1,
        );
        assert!(malformed(body.as_bytes()), "{field}: {value}");
    }
    // Inside a value of the wrong type, an array's elements and an object's values are
    // skipped, not read.
    for (field, value, code) in [
        ("customerToken", r#"["\uDE00",1e400]"#, "not_a_string"),
        (
            "customerToken",
            r#"{"a":"\uDE00","b":1e400}"#,
            "not_a_string",
        ),
        ("customerId", r#"["\uDE00",1e400]"#, "invalid_format"),
        ("customerId", r#"{"a":[1e400]}"#, "invalid_format"),
    ] {
        let body = base.replacen(
            &format!("\"{field}\":"),
            &format!("\"{field}\":{value},\"_{field}\":"),
            1,
        );
        assert_eq!(
            outcome(body.as_bytes()),
            Err(vec![code]),
            "{field}: {value}"
        );
    }
}

#[test]
fn customer_id_numbers_are_read_as_serde_json_reads_them() {
    let base = envelope().to_string();
    let id = |value: &str| {
        let body = base.replacen(
            "\"customerId\":123456789",
            &format!("\"customerId\":{value}"),
            1,
        );
        outcome(body.as_bytes())
    };
    assert_eq!(id("123456789"), Ok(()));
    for invalid in [
        "0",
        "-0",
        "-1",
        "1.0",
        "1e3",
        "123456789.0",
        "18446744073709551616",
        "1E2",
    ] {
        assert!(
            id(invalid).is_err_and(|codes| codes.contains(&"invalid_format")),
            "{invalid}"
        );
    }
    assert!(id("1e400").is_err_and(|codes| codes == ["malformed_body"]));
}
