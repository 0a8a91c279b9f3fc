//! `Debug` shows no submitted personal data or secret: the type, and at most a length.

use crate::util::*;
use cleeng_register::*;
use serde_json::json;

/// A valid body whose every personal or secret value is a distinctive text.
fn distinctive() -> serde_json::Map<String, serde_json::Value> {
    let mut body = typical();
    for (key, value) in [
        ("email", "zelda.quux@example.com"),
        ("password", "Zq8-secret-pass"),
        ("firstName", "Zelda"),
        ("lastName", "Quuxington"),
        ("externalId", "crm-zq-4242"),
        ("externalData", r#"{"zqkey":"zqvalue"}"#),
        ("customerIP", "203.0.113.77"),
        ("captchaValue", "03AGzqCaptchaToken"),
    ] {
        body.insert(key.to_owned(), json!(value));
    }
    body
}

#[test]
fn a_requests_debug_shows_no_personal_data_or_secret() {
    let request = check(&distinctive()).unwrap();
    let shown = format!("{request:?}");
    let pretty = format!("{request:#?}");
    for secret in [
        "zelda",
        "quux",
        "Zelda",
        "Quuxington",
        "crm-zq",
        "zqkey",
        "zqvalue",
        "203.0.113",
        "Zq8-secret",
        "03AGzq",
    ] {
        assert!(!shown.contains(secret), "{secret} in {shown}");
        assert!(!pretty.contains(secret), "{secret} in {pretty}");
    }
    // The type names and the lengths are there for whoever debugs.
    assert!(shown.contains("Email(<redacted, 22 bytes>)"), "{shown}");
    assert!(
        shown.contains("CaptchaToken(<redacted, 18 bytes>)"),
        "{shown}"
    );
    assert!(shown.contains("Password(***)"), "{shown}");
    assert!(
        shown.contains("offer: Some(OfferId(<redacted, 13 bytes>))"),
        "{shown}"
    );
    assert!(shown.contains("publisher: None"), "{shown}");
}

#[test]
fn each_personal_value_type_shows_its_type_and_length_only() {
    let cases = [
        (
            format!("{:?}", Email::parse("zelda@example.com").unwrap()),
            "Email(<redacted, 17 bytes>)",
        ),
        (
            format!(
                "{:?}",
                Email::parse_international("josé@example.com").unwrap()
            ),
            "Email(<redacted, 17 bytes>)",
        ),
        (
            format!("{:?}", PersonName::parse("Zoë").unwrap()),
            "PersonName(<redacted, 4 bytes>)",
        ),
        (
            format!("{:?}", ExternalId::parse("crm-42").unwrap()),
            "ExternalId(<redacted, 6 bytes>)",
        ),
        (
            format!("{:?}", CustomData::parse(r#"{"a":1}"#).unwrap()),
            "CustomData(<redacted, 7 bytes>)",
        ),
        (
            format!("{:?}", CustomerIp::parse("8.8.8.8").unwrap()),
            "CustomerIp(<redacted, 7 bytes>)",
        ),
        (
            format!("{:?}", CaptchaToken::parse("03AGdBq24").unwrap()),
            "CaptchaToken(<redacted, 9 bytes>)",
        ),
        (
            format!("{:?}", Password::parse("s3cret-pass").unwrap()),
            "Password(***)",
        ),
    ];
    for (shown, expected) in cases {
        assert_eq!(shown, expected);
    }
    // Display and serde still write the value: they are how it is sent.
    let email = Email::parse("zelda@example.com").unwrap();
    assert_eq!(email.to_string(), "zelda@example.com");
    assert_eq!(
        serde_json::to_value(&email).unwrap(),
        json!("zelda@example.com")
    );
    let token = CaptchaToken::parse("03AGdBq24").unwrap();
    assert_eq!(token.to_string(), "03AGdBq24");
    // Codes from the crate's tables are not personal data, and stay readable.
    assert_eq!(
        format!("{:?}", CountryCode::parse("PL").unwrap()),
        "CountryCode(PL)"
    );
}
