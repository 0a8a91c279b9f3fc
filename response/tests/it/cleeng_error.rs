//! `CleengError::from_json` and `CleengErrorCode`: every documented code, server codes,
//! unknown codes, and where the code and message are read from.
use cleeng_register_response::*;

fn read(body: &str) -> CleengError {
    CleengError::from_json(body.as_bytes()).unwrap()
}

#[test]
fn every_documented_code_with_its_status() {
    let expected = [
        ("REQ0001", CleengErrorCode::InvalidRequest, 400),
        ("USER0002", CleengErrorCode::CustomerAlreadyExists, 422),
        ("CPT0001", CleengErrorCode::CaptchaRequired, 429),
        ("CPT0002", CleengErrorCode::CaptchaFailed, 429),
    ];
    assert_eq!(CleengErrorCode::DOCUMENTED.len(), expected.len());
    for (text, code, status) in expected {
        let err = read(&format!(r#"{{"code":"{text}"}}"#));
        assert_eq!(err.code(), &code);
        assert_eq!(err.code().as_str(), text);
        assert_eq!(err.code().http_status(), Some(status));
        assert!(err.code().meaning().is_some());
        assert_eq!(text.parse::<CleengErrorCode>().unwrap(), code);
        assert_eq!(code.to_string(), text);
    }
}

#[test]
fn server_codes_are_s_and_four_digits_or_xs() {
    for ok in ["SXXXX", "S0001", "S12X4", "S9999"] {
        let code = CleengErrorCode::parse(ok);
        assert!(matches!(code, CleengErrorCode::Server(_)), "{ok}");
        assert_eq!((code.as_str(), code.http_status()), (ok, Some(500)));
    }
    for other in [
        "S001",
        "S00001",
        "sXXXX",
        "SxXXX",
        "S00A1",
        "X0001",
        "S０００１",
    ] {
        let code = CleengErrorCode::parse(other);
        assert_eq!(code, CleengErrorCode::Other(other.to_owned()), "{other}");
        assert_eq!(code.http_status(), None);
    }
}

#[test]
fn unknown_codes_are_kept_as_they_are() {
    let err = read(r#"{"code":"OFR0042","message":"Offer not found"}"#);
    assert_eq!(err.code(), &CleengErrorCode::Other("OFR0042".into()));
    assert_eq!(err.code().as_str(), "OFR0042");
    assert_eq!(err.code().http_status(), None);
    assert_eq!(err.message(), Some("Offer not found"));
    assert_eq!(read(r#"{"code":"req0001"}"#).code().as_str(), "req0001");
}

#[test]
fn code_from_the_top_level_first() {
    let err = read(
        r#"{"code":"CPT0001","errors":[{"code":"USER0002","message":"inner"}],"message":"outer"}"#,
    );
    assert_eq!(err.code(), &CleengErrorCode::CaptchaRequired);
    assert_eq!(err.message(), Some("outer"));
}

#[test]
fn else_from_the_first_element_of_errors() {
    let err = read(
        r#"{"errors":[{"code":"USER0002","message":"Customer already exists"},{"code":"REQ0001"}]}"#,
    );
    assert_eq!(err.code(), &CleengErrorCode::CustomerAlreadyExists);
    assert_eq!(err.message(), Some("Customer already exists"));
    let err = read(r#"{"errors":["CPT0002","REQ0001"],"message":"top"}"#);
    assert_eq!(err.code(), &CleengErrorCode::CaptchaFailed);
    assert_eq!(err.message(), Some("top"));
    // The message may come from the element while the code comes from the top.
    let err = read(r#"{"code":"REQ0001","errors":[{"message":"bad email"}]}"#);
    assert_eq!(err.code(), &CleengErrorCode::InvalidRequest);
    assert_eq!(err.message(), Some("bad email"));
    // A top-level code of another type does not count.
    let err = read(r#"{"code":400,"errors":[{"code":"REQ0001"}]}"#);
    assert_eq!(err.code(), &CleengErrorCode::InvalidRequest);
    assert_eq!(err.message(), None);
}

#[test]
fn no_code_anywhere_is_missing() {
    for body in [
        r#"{}"#,
        r#"{"errors":[]}"#,
        r#"{"errors":[{"code":1}]}"#,
        r#"{"errors":[{"message":"x"}]}"#,
        r#"{"errors":[null,"REQ0001"]}"#,
        r#"{"errors":"REQ0001"}"#,
        r#"{"code":null,"message":"x"}"#,
    ] {
        let report = CleengError::from_json(body.as_bytes()).unwrap_err();
        assert_eq!(report.errors().len(), 1);
        assert!(
            report.contains("/code", ResponseErrorCode::Missing),
            "{body}"
        );
    }
}

#[test]
fn a_body_that_is_not_a_json_object_is_malformed() {
    for body in [&b"[]"[..], b"\"REQ0001\"", b"", b"{", b"\xff", b"{} {}"] {
        let report = CleengError::from_json(body).unwrap_err();
        assert!(
            report.contains("", ResponseErrorCode::MalformedBody),
            "{body:?}"
        );
    }
}

#[test]
fn display_uses_the_message_or_the_meaning() {
    assert_eq!(
        read(r#"{"code":"USER0002"}"#).to_string(),
        "Cleeng error USER0002: customer already exists"
    );
    assert_eq!(
        read(r#"{"code":"X1","message":"m"}"#).to_string(),
        "Cleeng error X1: m"
    );
    assert_eq!(read(r#"{"code":"X1"}"#).to_string(), "Cleeng error X1");
}

#[test]
fn an_empty_long_or_unprintable_code_is_refused_at_code() {
    let refused = |body: &str| {
        let report = CleengError::from_json(body.as_bytes()).unwrap_err();
        assert_eq!(report.errors().len(), 1, "{body}");
        let e = &report.errors()[0];
        assert_eq!(e.pointer(), "/code", "{body}");
        (e.code(), e.to_string())
    };
    assert_eq!(
        refused(r#"{"code":""}"#),
        (
            ResponseErrorCode::TooShort,
            "code must be at least 1 character long".to_owned()
        )
    );
    // Found in `errors` as well as at the top.
    assert_eq!(refused(r#"{"errors":[""]}"#).0, ResponseErrorCode::TooShort);
    assert_eq!(
        refused(r#"{"errors":[{"code":""}]}"#).0,
        ResponseErrorCode::TooShort
    );
    let long = "X".repeat(CleengError::MAX_CODE_CHARS + 1);
    assert_eq!(
        refused(&format!(r#"{{"code":"{long}"}}"#)),
        (
            ResponseErrorCode::TooLong,
            "code must be at most 64 characters long".to_owned()
        )
    );
    for code in [
        r"USER0002\u0000",
        "USER 0002",
        r"A\u001b[31m",
        "é",
        r"\u2028",
    ] {
        let (found, message) = refused(&format!(r#"{{"code":"{code}"}}"#));
        assert_eq!(found, ResponseErrorCode::InvalidFormat, "{code}");
        assert_eq!(message, "code must contain only printable ASCII characters");
    }
    // The longest code allowed, and an unknown but printable one, are kept.
    let longest = "X".repeat(CleengError::MAX_CODE_CHARS);
    assert_eq!(
        read(&format!(r#"{{"code":"{longest}"}}"#)).code().as_str(),
        longest
    );
    assert_eq!(read(r#"{"code":"OFR0001"}"#).code().as_str(), "OFR0001");
}

#[test]
fn display_escapes_what_cleeng_sent() {
    let err = read("{\"code\":\"OFR0001\",\"message\":\"line\\nforged\\u001b[31m\\\"\"}");
    assert_eq!(
        err.to_string(),
        r#"Cleeng error OFR0001: line\nforged\u001b[31m\""#
    );
    assert!(!err.to_string().contains(['\n', '\u{1b}']));
    // A code built by hand (not through `from_json`) is escaped too.
    assert_eq!(
        CleengErrorCode::parse("S\u{2028}X").to_string(),
        r"S\u2028X"
    );
}
