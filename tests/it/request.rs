//! Whole bodies: presence, types, keys, order, whole-body errors, serde, builder.

use crate::util::*;
use cleeng_register::policy::*;
use cleeng_register::report::ValidationResult;
use cleeng_register::request::*;
use cleeng_register::*;
use serde_json::{json, Map, Value};

const REQUIRED: [&str; 6] = [
    "email", "password", "locale", "country", "currency", "offerId",
];
const OPTIONAL: [&str; 6] = [
    "firstName",
    "lastName",
    "externalId",
    "externalData",
    "customerIP",
    "captchaValue",
];

#[test]
fn the_typical_request_is_valid() {
    let request = check(&typical()).unwrap();
    assert_eq!(request.email().as_str(), "jane.doe@example.com");
    assert_eq!(request.offer_id().unwrap().as_str(), "S565568989_US");
    assert_eq!(request.publisher_id(), None);
    assert_eq!(request.currency().as_str(), "USD");
}

#[test]
fn absent_or_null_required_fields_are_missing() {
    for key in ["email", "password", "locale", "country", "currency"] {
        let pointer = format!("/{key}");
        assert_eq!(errors(&without(key)), [(pointer.clone(), "missing")]);
        assert_eq!(errors(&with(key, Value::Null)), [(pointer, "missing")]);
    }
}

#[test]
fn absent_or_null_optional_fields_are_fine() {
    for key in OPTIONAL {
        assert!(check(&without(key)).is_ok(), "{key}");
        assert!(check(&with(key, Value::Null)).is_ok(), "{key}");
    }
}

#[test]
fn non_strings_are_not_a_string_and_nothing_else() {
    for key in REQUIRED
        .iter()
        .chain(OPTIONAL.iter())
        .chain(["publisherId"].iter())
    {
        for value in [
            json!(1),
            json!(1.5),
            json!(true),
            json!([]),
            json!(["x"]),
            json!({}),
            json!({"a": "b"}),
        ] {
            assert_eq!(
                errors(&with(key, value.clone())),
                [(format!("/{key}"), "not_a_string")],
                "{key}: {value}"
            );
        }
    }
}

#[test]
fn offer_or_publisher_is_required() {
    let mut neither = without("offerId");
    assert_eq!(
        errors(&neither),
        [("".into(), "offer_or_publisher_required")]
    );
    neither.insert("offerId".into(), Value::Null);
    neither.insert("publisherId".into(), Value::Null);
    assert_eq!(
        errors(&neither),
        [("".into(), "offer_or_publisher_required")]
    );

    // Either one present, even if invalid, is enough for the rule.
    assert_eq!(
        errors(&with("offerId", json!("nope"))),
        [("/offerId".into(), "invalid_format")]
    );
    let mut publisher = without("offerId");
    publisher.insert("publisherId".into(), json!(42));
    assert_eq!(
        errors(&publisher),
        [("/publisherId".into(), "not_a_string")]
    );
    publisher.insert("publisherId".into(), json!("123456789"));
    let request = check(&publisher).unwrap();
    assert_eq!(
        request.offer_or_publisher(),
        OfferOrPublisher::Publisher("123456789".parse().unwrap())
    );

    let both = with("publisherId", json!("123456789"));
    assert!(matches!(
        check(&both).unwrap().offer_or_publisher(),
        OfferOrPublisher::Both { .. }
    ));
}

#[test]
fn errors_come_in_table_order_then_keys_in_input_order() {
    let body = br#"{"zeta":1,"captchaValue":" ","email":"x","a/b":2,"externalData":"[]","country":"UK","email":"y","firstName":"","m~n":3}"#;
    let report = RegisterRequest::from_json(body, &Policy::default()).unwrap_err();
    let found: Vec<_> = report
        .errors()
        .iter()
        .map(|e| (e.pointer(), e.code().as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("/password", "missing"),
            ("", "offer_or_publisher_required"),
            ("/locale", "missing"),
            ("/country", "unknown_code"),
            ("/currency", "missing"),
            ("/firstName", "too_short"),
            ("/externalData", "not_an_object"),
            ("/captchaValue", "invalid_format"),
            ("/zeta", "unknown_field"),
            ("/a~1b", "unknown_field"),
            ("/email", "duplicate_field"),
            ("/m~0n", "unknown_field"),
        ]
    );
}

#[test]
fn unknown_keys_are_escaped_json_pointers() {
    for (key, pointer) in [
        ("a/b", "/a~1b"),
        ("m~n", "/m~0n"),
        ("~/", "/~0~1"),
        ("", "/"),
        ("~01", "/~001"),
        ("Email", "/Email"),
    ] {
        assert_eq!(
            errors(&with(key, json!(1))),
            [(pointer.to_owned(), "unknown_field")],
            "{key}"
        );
    }
}

#[test]
fn every_field_given_twice_is_a_duplicate() {
    for field in Field::ALL {
        // The typical body with the field given (once more) twice: the values do not matter,
        // duplicates are not checked.
        let mut body = bytes(&without(field.as_str()));
        body.pop();
        body.extend(format!(r#","{field}":"x","{field}":"y"}}"#).bytes());
        let found = errors_of(&RegisterRequest::from_json(&body, &Policy::default()));
        assert_eq!(
            found,
            [(field.pointer().to_owned(), "duplicate_field")],
            "{field}"
        );
    }
}

#[test]
fn duplicate_keys_are_reported_once_and_not_checked() {
    let body = br#"{"email":"bad","email":"worse","email":"worst","password":"s3cret-pass","offerId":"S565568989_US","locale":"en_US","country":"US","currency":"USD"}"#;
    let report = RegisterRequest::from_json(body, &Policy::default()).unwrap_err();
    assert_eq!(
        errors_of(&Err(report)),
        [("/email".into(), "duplicate_field")]
    );
    // null then a value is still a key given twice.
    let body = br#"{"email":null,"email":"jane@example.com","password":"s3cret-pass","publisherId":"123456789","locale":"en_US","country":"US","currency":"USD"}"#;
    let found = errors_of(&RegisterRequest::from_json(body, &Policy::default()));
    assert_eq!(found, [("/email".into(), "duplicate_field")]);
    // An unknown key twice: unknown once, duplicate once.
    let body = br#"{"x":1,"x":2,"x":3,"email":"jane@example.com","password":"s3cret-pass","publisherId":"123456789","locale":"en_US","country":"US","currency":"USD"}"#;
    let found = errors_of(&RegisterRequest::from_json(body, &Policy::default()));
    assert_eq!(
        found,
        [
            ("/x".into(), "unknown_field"),
            ("/x".into(), "duplicate_field")
        ]
    );
    // Escaped keys are the same key.
    let body = br#"{"em\u0061il":"jane@example.com","email":"jane@example.com","password":"s3cret-pass","publisherId":"123456789","locale":"en_US","country":"US","currency":"USD"}"#;
    let found = errors_of(&RegisterRequest::from_json(body, &Policy::default()));
    assert_eq!(found, [("/email".into(), "duplicate_field")]);
}

#[test]
fn escaped_values_read_as_their_text() {
    // Every char written as `\uXXXX`: serde must copy each value, which takes the reader's
    // copied path for every field instead of the borrowed one.
    let escape = |s: &str| {
        s.chars()
            .map(|c| format!("\\u{:04x}", c as u32))
            .collect::<String>()
    };
    let mut body = String::from("{");
    for (i, (key, value)) in typical().iter().enumerate() {
        let value = value.as_str().unwrap();
        let sep = if i == 0 { "" } else { "," };
        body += &format!("{sep}\"{key}\":\"{}\"", escape(value));
    }
    body += "}";
    let escaped = RegisterRequest::from_json(body.as_bytes(), &Policy::default()).unwrap();
    assert_eq!(escaped, check(&typical()).unwrap());
    assert_eq!(escaped.password().expose_secret(), "s3cret-pass");

    // A refused copy gives the codes the borrowed text gives.
    let short = body.replace(&escape("s3cret-pass"), &escape("short"));
    let found = errors_of(&RegisterRequest::from_json(
        short.as_bytes(),
        &Policy::default(),
    ));
    assert_eq!(found, errors(&with("password", json!("short"))));
    assert!(!found.is_empty());
}

#[test]
fn whole_body_errors_replace_field_errors() {
    let policy = Policy::default();
    for bad in [
        &b"[]"[..],
        b"\"x\"",
        b"null",
        b"",
        b"{",
        b"{\"email\":}",
        b"{} {}",
        b"{\"email\":\"a\"}x",
        b"\xff{}",
        b"{\"email\":\"\xc3\x28\"}",
        b"{\"email\":\"\\ud800\"}",
        b"{\"x\":1e999}",
        "\u{feff}{}".as_bytes(),
    ] {
        let report = RegisterRequest::from_json(bad, &policy).unwrap_err();
        assert_eq!(
            errors_of(&Err(report)),
            [("".into(), "malformed_body")],
            "{:?}",
            String::from_utf8_lossy(bad)
        );
    }
}

#[test]
fn body_size_is_checked_before_parsing() {
    let policy = Policy::default();
    let mut body = bytes(&typical());
    let pad = 65536 - body.len();
    body.splice(1..1, std::iter::repeat_n(b' ', pad));
    assert_eq!(body.len(), 65536);
    assert!(RegisterRequest::from_json(&body, &policy).is_ok());
    body.insert(1, b' ');
    let report = RegisterRequest::from_json(&body, &policy).unwrap_err();
    assert_eq!(errors_of(&Err(report.clone())), [("".into(), "too_large")]);
    assert_eq!(
        serde_json::to_value(report.errors()[0].params()).unwrap(),
        json!({"max": 65536})
    );
    // Not even JSON, but too large first.
    assert_eq!(
        errors_of(&RegisterRequest::from_json(&vec![0xff; 70000], &policy)),
        [("".into(), "too_large")]
    );
    let small = Policy::builder().max_body_bytes(100).build().unwrap();
    assert_eq!(
        errors_of(&RegisterRequest::from_json(&bytes(&typical()), &small)),
        [("".into(), "too_large")]
    );
}

#[test]
fn every_field_wrong_at_once() {
    let body = json!({
        "email": "", "password": "", "offerId": "", "publisherId": "", "locale": "", "country": "",
        "currency": "", "firstName": "", "lastName": "", "externalId": "", "externalData": "",
        "customerIP": "", "captchaValue": ""
    });
    let found = errors_of(&RegisterRequest::from_json(
        body.to_string().as_bytes(),
        &Policy::default(),
    ));
    let expected = [
        ("/email", "invalid_format"),
        ("/password", "too_short"),
        ("/password", "missing_letter"),
        ("/password", "missing_digit_or_special"),
        ("/offerId", "invalid_format"),
        ("/publisherId", "invalid_format"),
        ("/locale", "invalid_format"),
        ("/country", "invalid_format"),
        ("/currency", "invalid_format"),
        ("/firstName", "too_short"),
        ("/lastName", "too_short"),
        ("/externalId", "too_short"),
        ("/externalData", "invalid_json"),
        ("/customerIP", "invalid_format"),
        ("/captchaValue", "too_short"),
    ];
    let expected: Vec<_> = expected.iter().map(|(p, c)| (p.to_string(), *c)).collect();
    assert_eq!(found, expected);
}

#[test]
fn messages_and_params_never_repeat_values() {
    let secret = "Zq9SECRETVALUE";
    let body = json!({
        "email": format!("{secret} <j@x.io>"), "password": secret.repeat(10), "offerId": secret,
        "publisherId": secret, "locale": secret, "country": secret, "currency": secret,
        "firstName": format!(" {secret}"), "lastName": secret.repeat(5), "externalId": format!("\t{secret}"),
        "externalData": format!("[\"{secret}\"]"), "customerIP": secret, "captchaValue": format!("{secret} "),
    });
    let report =
        RegisterRequest::from_json(body.to_string().as_bytes(), &Policy::default()).unwrap_err();
    assert_eq!(report.errors().len(), 13);
    let everything = format!(
        "{report} {report:?} {}",
        serde_json::to_string(&report).unwrap()
    );
    assert!(!everything.contains("SECRETVALUE"), "{everything}");
    for e in report.errors() {
        assert!(!e.to_string().contains("SECRETVALUE"));
    }
}

#[test]
fn serialization_is_the_cleeng_body() {
    let mut full = typical();
    full.insert("publisherId".into(), json!("012345678"));
    full.insert("firstName".into(), json!("Zoë"));
    full.insert("lastName".into(), json!("Ó Briain"));
    full.insert("externalId".into(), json!("crm-42"));
    full.insert("externalData".into(), json!("{ \"plan\": \"gold\" }"));
    full.insert("captchaValue".into(), json!("03AGdBq24"));
    let request = check(&full).unwrap();
    assert_eq!(
        serde_json::to_value(&request).unwrap(),
        Value::Object(full.clone())
    );
    let again =
        RegisterRequest::from_json(&serde_json::to_vec(&request).unwrap(), &Policy::default())
            .unwrap();
    assert_eq!(again, request);

    // Absent optional fields are left out, not null.
    let minimal = check(&without("customerIP")).unwrap();
    let text = serde_json::to_string(&minimal).unwrap();
    assert!(
        !text.contains("null") && !text.contains("customerIP") && !text.contains("publisherId")
    );
    assert_eq!(
        text,
        r#"{"email":"jane.doe@example.com","password":"s3cret-pass","offerId":"S565568989_US","locale":"en_US","country":"US","currency":"USD"}"#
    );
}

#[test]
fn serde_reports_the_same_errors_as_from_json_under_any_policy() {
    use serde::de::DeserializeSeed;
    let request: RegisterRequest = serde_json::from_value(Value::Object(typical())).unwrap();
    assert_eq!(request, check(&typical()).unwrap());
    let strict = Policy::builder()
        .allowed_currencies(["EUR".parse().unwrap()])
        .customer_ip(CustomerIpRule::Required)
        .build()
        .unwrap();
    let lenient = Policy::builder()
        .allow_unknown_fields(true)
        .build()
        .unwrap();
    let bodies = [
        typical(),
        with("email", json!("jane@secret")),
        with("zzz", json!(1)),
        without("customerIP"),
        with("password", json!(31415926)),
        Map::new(),
    ];
    for policy in [Policy::default(), strict, lenient] {
        for body in &bodies {
            let text = serde_json::to_string(body).unwrap();
            let expected = RegisterRequest::from_json(text.as_bytes(), &policy);
            let seeded = RequestSeed::new(&policy)
                .deserialize(&mut serde_json::Deserializer::from_str(&text));
            match (&expected, seeded) {
                (Ok(a), Ok(b)) => assert_eq!(a, &b),
                (Err(report), Err(err)) => {
                    // Every error, as pointer and code: the report's own Display.
                    assert_eq!(err.to_string(), report.to_string());
                    assert!(
                        !err.to_string().contains("secret")
                            && !err.to_string().contains("31415926")
                    );
                }
                (a, b) => panic!("{text}: from_json {a:?}, seed {b:?}"),
            }
            if policy == Policy::default() {
                let plain = serde_json::from_str::<RegisterRequest>(&text);
                assert_eq!(plain.is_ok(), expected.is_ok(), "{text}");
            }
        }
    }
    for not_an_object in ["[]", "\"jane@secret\"", "31415926", "true", "null"] {
        let err = serde_json::from_str::<RegisterRequest>(not_an_object).unwrap_err();
        let message = err.to_string();
        assert!(message.starts_with("expected a JSON object"), "{message}");
        assert!(
            !message.contains("secret") && !message.contains("31415926"),
            "{message}"
        );
    }
}

#[test]
fn serde_cannot_see_the_body_size_but_from_json_does() {
    // A valid body padded past maxBodyBytes: from_json refuses it before parsing, serde
    // (which never sees the byte count) accepts it. The docs say so and point to from_json.
    let policy = Policy::builder().max_body_bytes(200).build().unwrap();
    let mut text = serde_json::to_string(&typical()).unwrap();
    text.insert_str(1, &" ".repeat(200));
    let report = RegisterRequest::from_json(text.as_bytes(), &policy).unwrap_err();
    assert_eq!(errors_of(&Err(report)), [("".to_owned(), "too_large")]);
    use serde::de::DeserializeSeed;
    assert!(RequestSeed::new(&policy)
        .deserialize(&mut serde_json::Deserializer::from_str(&text))
        .is_ok());
}

#[test]
fn builder_makes_the_same_request_as_parsing() {
    let built = RegisterRequest::builder(
        "jane.doe@example.com".parse().unwrap(),
        "s3cret-pass".parse().unwrap(),
        OfferOrPublisher::Offer("S565568989_US".parse().unwrap()),
        "en_US".parse().unwrap(),
        "US".parse().unwrap(),
        "USD".parse().unwrap(),
    )
    .customer_ip("8.8.8.8".parse().unwrap())
    .build();
    assert_eq!(built, check(&typical()).unwrap());
}

#[test]
fn debug_never_shows_the_password_or_the_email() {
    let request = check(&typical()).unwrap();
    let debug = format!("{request:?} {request:#?}");
    assert!(!debug.contains("s3cret-pass"), "{debug}");
    // Nor any personal data (the debug module has every field): the address is its length.
    assert!(!debug.contains("jane.doe@example.com"), "{debug}");
    assert!(debug.contains("Email(<redacted, 20 bytes>)"), "{debug}");
}

#[test]
fn report_serializes_to_the_spec_shape() {
    let report = check(&with("country", json!("UK"))).unwrap_err();
    assert_eq!(
        serde_json::to_value(&report).unwrap(),
        json!({"valid": false, "errors": [{
            "pointer": "/country", "code": "unknown_code",
            "message": "country must be an assigned ISO 3166-1 alpha-2 country code (did you mean GB?)",
            "params": {"suggestion": "GB"}
        }], "advisories": []})
    );
    assert!(report.contains("/country", ErrorCode::UnknownCode));
    assert_eq!(
        report.to_string(),
        r#"invalid body: "/country" unknown_code"#
    );
}

#[test]
fn every_error_code_round_trips_through_its_name() {
    for code in ErrorCode::ALL {
        assert_eq!(code.as_str().parse::<ErrorCode>(), Ok(code));
    }
    let names: std::collections::BTreeSet<_> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(names.len(), ErrorCode::ALL.len());
}

/// A body with every required field wrong and `unknown` unknown keys after them.
fn many_errors(unknown: usize) -> Vec<u8> {
    let mut body = String::from(r#"{"email":1,"password":2,"locale":3,"country":4,"currency":5"#);
    for i in 0..unknown {
        body.push_str(&format!(r#","k{i}":0"#));
    }
    body.push('}');
    body.into_bytes()
}

#[test]
fn a_report_is_cut_at_max_errors_with_too_many_errors() {
    // 5 not_a_string + offer_or_publisher_required = 6 field errors, then the unknown keys.
    let policy = Policy::builder().max_errors(10).build().unwrap();
    let at_cap = RegisterRequest::from_json(&many_errors(4), &policy).unwrap_err();
    assert_eq!(at_cap.errors().len(), 10);
    assert!(at_cap
        .errors()
        .iter()
        .all(|e| e.code() != ErrorCode::TooManyErrors));
    let over = RegisterRequest::from_json(&many_errors(5), &policy).unwrap_err();
    assert_eq!(over.errors().len(), 11);
    let last = over.errors().last().unwrap();
    assert_eq!(
        (last.pointer(), last.code()),
        ("", ErrorCode::TooManyErrors)
    );
    assert_eq!(
        serde_json::to_value(last.params()).unwrap(),
        json!({"max": 10})
    );
    assert_eq!(
        last.to_string(),
        "the request body has more than 10 errors; the rest are not listed"
    );
    // The first ten are kept in report order.
    assert_eq!(over.errors()[..10], at_cap.errors()[..10]);
    // The default cap is 100, however many keys the body has.
    let huge = RegisterRequest::from_json(&many_errors(5000), &Policy::default()).unwrap_err();
    assert_eq!(huge.errors().len(), 101);
    assert_eq!(huge.errors()[100].code(), ErrorCode::TooManyErrors);
    // A cap of one keeps the first error.
    let one = Policy::builder().max_errors(1).build().unwrap();
    let first = RegisterRequest::from_json(&many_errors(0), &one).unwrap_err();
    let codes: Vec<_> = first.errors().iter().map(|e| e.code().as_str()).collect();
    assert_eq!(codes, ["not_a_string", "too_many_errors"]);
    // A limit of one is singular.
    assert_eq!(
        first.errors()[1].to_string(),
        "the request body has more than 1 error; the rest are not listed"
    );
}

#[test]
fn an_error_without_params_has_no_params_key() {
    let report = check(&with("email", json!("nope"))).unwrap_err();
    assert_eq!(
        serde_json::to_value(&report.errors()[0]).unwrap(),
        json!({"pointer": "/email", "code": "invalid_format", "message": "email must be a valid email address"})
    );
    assert!(report.errors()[0].params().is_empty());
}

#[test]
fn params_tell_serializers_how_many_members_they_have() {
    use serde_test::{assert_ser_tokens, Token};
    let params = |value: Value| {
        let report = check(&with("country", value)).unwrap_err();
        *report.errors()[0].params()
    };
    assert_ser_tokens(
        &params(json!("UK")),
        &[
            Token::Struct {
                name: "Params",
                len: 1,
            },
            Token::Str("suggestion"),
            Token::Str("GB"),
            Token::StructEnd,
        ],
    );
    // Every member at once (no error sets more than one, but the fields are public).
    let mut all = params(json!("UK"));
    (all.min, all.max) = (Some(1), Some(2));
    assert_ser_tokens(
        &all,
        &[
            Token::Struct {
                name: "Params",
                len: 3,
            },
            Token::Str("min"),
            Token::U32(1),
            Token::Str("max"),
            Token::U32(2),
            Token::Str("suggestion"),
            Token::Str("GB"),
            Token::StructEnd,
        ],
    );
    let empty = *check(&with("email", json!("nope"))).unwrap_err().errors()[0].params();
    assert_ser_tokens(
        &empty,
        &[
            Token::Struct {
                name: "Params",
                len: 0,
            },
            Token::StructEnd,
        ],
    );
    let long = *check(&with("firstName", json!("x".repeat(51))))
        .unwrap_err()
        .errors()[0]
        .params();
    assert_ser_tokens(
        &long,
        &[
            Token::Struct {
                name: "Params",
                len: 1,
            },
            Token::Str("max"),
            Token::U32(50),
            Token::StructEnd,
        ],
    );
}

#[test]
fn an_error_knows_its_field_and_serializes_its_members() {
    use serde_test::{assert_ser_tokens, Token};
    let report = check(&with("zzz", json!(1))).unwrap_err();
    let unknown = &report.errors()[0];
    assert_eq!((unknown.field(), unknown.pointer()), (None, "/zzz"));
    let report = check(&with("firstName", json!("x".repeat(51)))).unwrap_err();
    let long = &report.errors()[0];
    assert_eq!(long.field(), Some(Field::FirstName));
    assert_ser_tokens(
        long,
        &[
            Token::Struct {
                name: "FieldError",
                len: 4,
            },
            Token::Str("pointer"),
            Token::Str("/firstName"),
            Token::Str("code"),
            Token::Str("too_long"),
            Token::Str("message"),
            Token::Str("firstName must be at most 50 characters long"),
            Token::Str("params"),
            Token::Struct {
                name: "Params",
                len: 1,
            },
            Token::Str("max"),
            Token::U32(50),
            Token::StructEnd,
            Token::StructEnd,
        ],
    );
    let report = check(&with("country", json!(7))).unwrap_err();
    assert_ser_tokens(
        &report.errors()[0],
        &[
            Token::Struct {
                name: "FieldError",
                len: 3,
            },
            Token::Str("pointer"),
            Token::Str("/country"),
            Token::Str("code"),
            Token::Str("not_a_string"),
            Token::Str("message"),
            Token::Str("country must be a string"),
            Token::StructEnd,
        ],
    );
}

#[test]
fn a_report_says_every_error_and_finds_only_what_it_holds() {
    let report = check(
        &with("email", json!(1))
            .into_iter()
            .filter(|(k, _)| k != "currency")
            .collect(),
    )
    .unwrap_err();
    assert_eq!(
        report.to_string(),
        r#"invalid body: "/email" not_a_string; "/currency" missing"#
    );
    assert!(report.contains("/email", ErrorCode::NotAString));
    assert!(report.contains("/currency", ErrorCode::Missing));
    assert!(!report.contains("/email", ErrorCode::Missing));
    assert!(!report.contains("/password", ErrorCode::NotAString));
    assert!(!report.contains("/password", ErrorCode::Missing));
}

#[test]
fn a_result_has_the_one_shape_with_or_without_a_line() {
    use serde_test::{assert_ser_tokens, Token};
    let valid = RegisterRequest::from_json(&bytes(&without("customerIP")), &Policy::default());
    let result = ValidationResult::of(&valid);
    assert!(result.is_valid());
    assert_eq!(
        serde_json::to_value(result.at_line(4)).unwrap(),
        json!({"line": 4, "valid": true, "errors": [], "advisories": [{
            "pointer": "/customerIP", "code": "customer_ip_missing",
            "message": Advisory::CustomerIpMissing.message()
        }]})
    );
    let invalid = RegisterRequest::from_json(b"[]", &Policy::default());
    let result = ValidationResult::of(&invalid);
    assert!(!result.is_valid());
    assert_eq!(serde_json::to_value(result).unwrap()["valid"], json!(false));
    // An empty valid result, with and without a line: only the leading member differs.
    let tokens = |line: Option<u64>| {
        let mut tokens = vec![Token::Struct {
            name: "ValidationResult",
            len: 3 + line.is_some() as usize,
        }];
        if let Some(line) = line {
            tokens.extend([Token::Str("line"), Token::U64(line)]);
        }
        tokens.extend([
            Token::Str("valid"),
            Token::Bool(true),
            Token::Str("errors"),
            Token::Seq { len: Some(0) },
            Token::SeqEnd,
            Token::Str("advisories"),
            Token::Seq { len: Some(0) },
            Token::SeqEnd,
            Token::StructEnd,
        ]);
        tokens
    };
    let empty = ValidationResult::valid(Advisories::new());
    assert_ser_tokens(&empty, &tokens(None));
    assert_ser_tokens(&empty.at_line(9), &tokens(Some(9)));
}

/// Every field, in the order the request serializes them.
const EVERY_FIELD: [(&str, &str); 13] = [
    ("email", "jane.doe@example.com"),
    ("password", "s3cret-pass"),
    ("offerId", "S565568989_US"),
    ("publisherId", "123456789"),
    ("locale", "en_US"),
    ("country", "US"),
    ("currency", "USD"),
    ("firstName", "Jane"),
    ("lastName", "Doe"),
    ("externalId", "crm-42"),
    ("externalData", "{\"plan\":\"gold\"}"),
    ("customerIP", "8.8.8.8"),
    ("captchaValue", "03AGdBq24"),
];

#[test]
fn every_optional_field_is_read_back_and_counted_for_serializers() {
    use serde_test::{assert_ser_tokens, Token};
    let body = EVERY_FIELD
        .iter()
        .map(|(k, v)| (k.to_string(), json!(v)))
        .collect();
    let request = check(&body).unwrap();
    assert_eq!(request.first_name().map(|n| n.as_str()), Some("Jane"));
    assert_eq!(request.last_name().map(|n| n.as_str()), Some("Doe"));
    assert_eq!(request.external_id().map(|n| n.as_str()), Some("crm-42"));
    assert_eq!(
        request.external_data().map(|d| d.as_str()),
        Some("{\"plan\":\"gold\"}")
    );
    assert_eq!(
        request.captcha_value().map(|c| c.as_str()),
        Some("03AGdBq24")
    );
    // The serializer is told 13 members and gets them in this order.
    let mut tokens = vec![Token::Struct {
        name: "RegisterRequest",
        len: 13,
    }];
    for (key, value) in EVERY_FIELD {
        tokens.extend([Token::Str(key), Token::Str(value)]);
    }
    tokens.push(Token::StructEnd);
    assert_ser_tokens(&request, &tokens);
}

#[test]
fn a_valid_body_with_one_unknown_key_too_many_is_cut() {
    let policy = Policy::builder().max_errors(10).build().unwrap();
    let body_with = |keys: usize| {
        let mut body = typical();
        for i in 0..keys {
            body.insert(format!("k{i}"), json!(0));
        }
        bytes(&body)
    };
    let at_cap = RegisterRequest::from_json(&body_with(10), &policy).unwrap_err();
    assert_eq!(at_cap.errors().len(), 10);
    assert!(at_cap
        .errors()
        .iter()
        .all(|e| e.code() == ErrorCode::UnknownField));
    let over = RegisterRequest::from_json(&body_with(11), &policy).unwrap_err();
    assert_eq!(over.errors().len(), 11);
    assert_eq!(over.errors()[10].code(), ErrorCode::TooManyErrors);
}
