//! `RegisterResponse::from_json`, `CustomerId` and the session tokens: every rule of
//! Cleeng's success envelope at its boundary.

use crate::util::*;
use cleeng_register_response::*;
use serde_json::{json, Value};

fn e(pointer: &str, code: &'static str) -> (String, &'static str) {
    (pointer.to_owned(), code)
}

#[test]
fn the_typical_envelope_is_read() {
    let response = read(&envelope()).unwrap();
    assert_eq!(response.customer_id().get(), 123456789);
    assert_eq!(
        response.customer_token().expose_secret(),
        "ct-0123456789abcdef"
    );
    assert_eq!(
        response.refresh_token().expose_secret(),
        "rt-fedcba9876543210"
    );
    assert_eq!(
        response.jwt().expose_secret(),
        envelope()["responseData"]["jwt"].as_str().unwrap()
    );
    assert_eq!(
        response.jwt().unverified_claims().customer_id().get(),
        123456789
    );
}

#[test]
fn customer_id_boundaries_as_numbers() {
    for ok in [json!(1), json!(u64::MAX)] {
        let mut body = with_data("customerId", ok.clone());
        body["responseData"]["jwt"] = json!(jwt_of(
            &json!({"customerId": ok, "publisherId": "123456789", "exp": 1})
        ));
        assert_eq!(response_errors(&body), [], "{ok}");
    }
    // u64::MAX + 1, zero, negatives, fractions and exponents.
    for bad in [
        "18446744073709551616",
        "0",
        "-1",
        "1.0",
        "1.5",
        "1e3",
        "1E3",
    ] {
        let text = serde_json::to_string(&envelope())
            .unwrap()
            .replace("\"customerId\":123456789", &format!("\"customerId\":{bad}"));
        let report = RegisterResponse::from_json(text.as_bytes()).unwrap_err();
        assert_eq!(report.errors().len(), 1, "{bad}");
        assert!(
            report.contains("/responseData/customerId", ResponseErrorCode::InvalidFormat),
            "{bad}"
        );
    }
}

#[test]
fn customer_id_boundaries_as_strings() {
    assert_eq!(
        response_errors(&with_data("customerId", json!("123456789"))),
        []
    );
    assert_eq!(
        "18446744073709551615".parse::<CustomerId>().unwrap().get(),
        u64::MAX
    );
    assert_eq!("1".parse::<CustomerId>().unwrap().get(), 1);
    for bad in [
        "0123",
        "0",
        "00",
        "",
        "+1",
        "-1",
        "1e3",
        "1.0",
        " 1",
        "1 ",
        "18446744073709551616",
        "١",
    ] {
        assert!(bad.parse::<CustomerId>().is_err(), "{bad:?}");
        assert_eq!(
            response_errors(&with_data("customerId", json!(bad))),
            [e("/responseData/customerId", "invalid_format")],
            "{bad:?}"
        );
    }
}

#[test]
fn customer_id_of_another_type_is_invalid_format() {
    for bad in [json!(true), json!([1]), json!({"id": 1})] {
        assert_eq!(
            response_errors(&with_data("customerId", bad.clone())),
            [e("/responseData/customerId", "invalid_format")],
            "{bad}"
        );
    }
}

#[test]
fn customer_id_serde_reads_both_writes_a_number() {
    let id: CustomerId = serde_json::from_str("\"42\"").unwrap();
    assert_eq!(serde_json::to_string(&id).unwrap(), "42");
    assert_eq!(serde_json::from_str::<CustomerId>("42").unwrap(), id);
    assert_eq!(id.to_string(), "42");
    assert_eq!(u64::from(id), 42);
    // A format with kinds JSON lacks hears what is expected, not the value.
    serde_test::assert_de_tokens_error::<CustomerId>(
        &[serde_test::Token::Bytes(b"42")],
        "invalid type: byte array, expected a positive integer customer id, as a JSON number or a digit string",
    );
    for bad in [
        "0",
        "-5",
        "1.5",
        "true",
        "\"0123\"",
        "[]",
        "null",
        "18446744073709551616",
    ] {
        let err = serde_json::from_str::<CustomerId>(bad)
            .unwrap_err()
            .to_string();
        assert!(
            !err.contains(bad.trim_matches('"')) || bad == "[]",
            "{bad}: {err}"
        );
    }
    assert_eq!(CustomerId::new(0), None);
    assert!(CustomerId::try_from(0u64).is_err());
}

#[test]
fn absent_or_null_fields_are_missing_and_reported_together() {
    let body = json!({"responseData": {"customerId": null}});
    assert_eq!(
        response_errors(&body),
        [
            e("/responseData/customerId", "missing"),
            e("/responseData/customerToken", "missing"),
            e("/responseData/jwt", "missing"),
            e("/responseData/refreshToken", "missing"),
        ]
    );
    for key in ["customerId", "customerToken", "jwt", "refreshToken"] {
        let pointer = format!("/responseData/{key}");
        assert_eq!(
            response_errors(&without_data(key)),
            [e(&pointer, "missing")]
        );
        assert_eq!(
            response_errors(&with_data(key, Value::Null)),
            [e(&pointer, "missing")]
        );
    }
}

#[test]
fn strings_of_another_type_are_not_a_string() {
    for key in ["customerToken", "jwt", "refreshToken"] {
        for bad in [json!(1), json!(false), json!(["a"]), json!({"a": "b"})] {
            assert_eq!(
                response_errors(&with_data(key, bad)),
                [e(&format!("/responseData/{key}"), "not_a_string")]
            );
        }
    }
}

#[test]
fn response_data_absent_null_or_not_an_object() {
    assert_eq!(
        response_errors(&json!({"errors": []})),
        [e("/responseData", "missing")]
    );
    assert_eq!(
        response_errors(&json!({"responseData": null})),
        [e("/responseData", "missing")]
    );
    for bad in [json!(1), json!("x"), json!([{}]), json!(true)] {
        assert_eq!(
            response_errors(&json!({"responseData": bad})),
            [e("/responseData", "not_an_object")]
        );
    }
}

#[test]
fn a_body_that_is_not_a_json_object_is_malformed() {
    for body in [
        &b"[]"[..],
        b"\"x\"",
        b"",
        b"{",
        b"{}x",
        b"\xff",
        b"{\"responseData\":{\"jwt\":\"\xff\"}}",
    ] {
        let report = RegisterResponse::from_json(body).unwrap_err();
        assert_eq!(report.errors().len(), 1);
        assert!(
            report.contains("", ResponseErrorCode::MalformedBody),
            "{body:?}"
        );
        // The report names the body, not a registration request: this body is a response.
        assert_eq!(report.to_string(), "invalid body: malformed_body");
    }
}

#[test]
fn unknown_keys_are_ignored_everywhere() {
    let mut body = envelope();
    body["extra"] = json!({"deep": [1, 2, {"x": null}]});
    body["errors"] = json!(["ignored"]);
    body["responseData"]["newField"] = json!([true]);
    assert_eq!(response_errors(&body), []);
}

#[test]
fn a_repeated_key_takes_its_last_value() {
    let first = serde_json::to_string(&envelope()).unwrap();
    let twice = first.replacen(
        "{\"responseData\":",
        "{\"responseData\":{\"customerId\":0},\"responseData\":",
        1,
    );
    assert!(RegisterResponse::from_json(twice.as_bytes()).is_ok());

    // Inside responseData too, whether the earlier value was copied (escaped) or borrowed.
    for earlier in [r#""old\u002dtoken""#, r#""old-token""#, "7"] {
        let twice = first.replacen(
            "\"customerToken\":",
            &format!("\"customerToken\":{earlier},\"customerToken\":"),
            1,
        );
        let response = RegisterResponse::from_json(twice.as_bytes()).unwrap();
        assert_eq!(
            response.customer_token().expose_secret(),
            "ct-0123456789abcdef"
        );
    }
}

#[test]
fn escaped_strings_are_read() {
    let text = serde_json::to_string(&envelope())
        .unwrap()
        .replace("ct-0123456789abcdef", "ct\\u002d0123456789abcdef");
    let response = RegisterResponse::from_json(text.as_bytes()).unwrap();
    assert_eq!(
        response.customer_token().expose_secret(),
        "ct-0123456789abcdef"
    );
}

#[test]
fn token_rules_at_their_boundaries() {
    let max = "a".repeat(4096);
    for key in ["customerToken", "refreshToken"] {
        let pointer = format!("/responseData/{key}");
        assert_eq!(response_errors(&with_data(key, json!(max))), []);
        assert_eq!(response_errors(&with_data(key, json!("!~"))), []);
        assert_eq!(
            response_errors(&with_data(key, json!(""))),
            [e(&pointer, "too_short")]
        );
        assert_eq!(
            response_errors(&with_data(key, json!(format!("{max}a")))),
            [e(&pointer, "too_long")]
        );
        for bad in ["a b", "a\u{7f}", "é", "tab\t"] {
            assert_eq!(
                response_errors(&with_data(key, json!(bad))),
                [e(&pointer, "invalid_format")]
            );
        }
    }
    // 4097 chars refused as too long before their format is looked at.
    assert_eq!(
        CustomerToken::parse(&"é".repeat(4097)).unwrap_err().code(),
        ResponseErrorCode::TooLong
    );
    // 4096 two-byte chars are not too long (chars, not bytes): the format refuses them.
    assert_eq!(
        CustomerToken::parse(&"é".repeat(4096)).unwrap_err().code(),
        ResponseErrorCode::InvalidFormat
    );
    let report = read(&with_data("customerToken", json!(""))).unwrap_err();
    assert_eq!(report.errors()[0].params().min, Some(1));
    let report = read(&with_data("refreshToken", json!(format!("{max}a")))).unwrap_err();
    assert_eq!(report.errors()[0].params().max, Some(4096));
    assert_eq!(
        report.errors()[0].to_string(),
        "responseData.refreshToken must be at most 4096 characters long"
    );
}

#[test]
fn a_jwt_naming_another_customer_is_a_claims_mismatch() {
    let body = with_data("jwt", json!(jwt_of(&claims(987654321))));
    assert_eq!(
        response_errors(&body),
        [e("/responseData/jwt", "claims_mismatch")]
    );
    let report = read(&body).unwrap_err();
    assert!(!report.errors()[0].to_string().contains("987654321"));
    // The string form of the same id matches.
    assert_eq!(
        response_errors(&with_data("customerId", json!("123456789"))),
        []
    );
    // No mismatch is reported when one side is already invalid.
    let body = with_data("customerId", json!(0));
    assert_eq!(
        response_errors(&body),
        [e("/responseData/customerId", "invalid_format")]
    );
}

#[test]
fn every_error_at_once_in_field_order() {
    let body = json!({"responseData": {
        "refreshToken": "",
        "jwt": "a.b",
        "customerToken": 5,
        "customerId": "0123",
    }});
    assert_eq!(
        response_errors(&body),
        [
            e("/responseData/customerId", "invalid_format"),
            e("/responseData/customerToken", "not_a_string"),
            e("/responseData/jwt", "invalid_format"),
            e("/responseData/refreshToken", "too_short"),
        ]
    );
}

#[test]
fn no_error_message_repeats_a_value() {
    let body = json!({"responseData": {
        "refreshToken": "secret refresh",
        "jwt": "secret.jwtvalue",
        "customerToken": "secret\ttoken",
        "customerId": "99x",
    }});
    let report = read(&body).unwrap_err();
    let text = serde_json::to_string(&report).unwrap() + &report.to_string();
    for value in ["secret", "99x", "jwtvalue"] {
        assert!(!text.contains(value), "{value} in {text}");
    }
}

#[test]
fn serialize_writes_the_envelope_and_reads_back_equal() {
    let response = read(&envelope()).unwrap();
    let written = serde_json::to_value(&response).unwrap();
    assert_eq!(written, envelope());
    assert_eq!(read(&written).unwrap(), response);
    // A string customerId comes back as a number.
    let response = read(&with_data("customerId", json!("123456789"))).unwrap();
    assert_eq!(
        serde_json::to_value(&response).unwrap()["responseData"]["customerId"],
        json!(123456789)
    );
}

#[test]
fn debug_shows_no_part_of_any_token() {
    let response = read(&envelope()).unwrap();
    let debug = format!("{response:?}");
    let jwt = response.jwt().expose_secret();
    for secret in [
        jwt.split('.').collect::<Vec<_>>(),
        vec!["ct-0123456789abcdef", "rt-fedcba9876543210"],
    ]
    .concat()
    {
        assert!(!debug.contains(secret), "{debug}");
    }
    assert!(debug.contains("123456789"));
    assert_eq!(
        format!("{:?}", response.customer_token()),
        "CustomerToken(***)"
    );
    assert_eq!(
        format!("{:?}", response.refresh_token()),
        "RefreshToken(***)"
    );
    assert_eq!(format!("{:?}", response.jwt()), "Jwt(***)");
}

#[test]
fn new_refuses_a_jwt_for_another_customer() {
    let response = read(&envelope()).unwrap();
    let other = CustomerId::new(5).unwrap();
    let err = RegisterResponse::new(
        other,
        response.jwt().clone(),
        response.customer_token().clone(),
        response.refresh_token().clone(),
    )
    .unwrap_err();
    assert_eq!(err.code(), ResponseErrorCode::ClaimsMismatch);
    let same = RegisterResponse::new(
        response.customer_id(),
        response.jwt().clone(),
        response.customer_token().clone(),
        response.refresh_token().clone(),
    )
    .unwrap();
    assert_eq!(same, response);
}

#[test]
fn token_serde_refuses_other_types_without_quoting_them() {
    let err = serde_json::from_str::<CustomerToken>("12345")
        .unwrap_err()
        .to_string();
    assert!(!err.contains("12345"), "{err}");
    let err = serde_json::from_str::<RefreshToken>("\"a b\"")
        .unwrap_err()
        .to_string();
    assert!(!err.contains("a b"), "{err}");
    let token: RefreshToken = serde_json::from_str("\"r\"").unwrap();
    assert_eq!(serde_json::to_string(&token).unwrap(), "\"r\"");
}

mod laws {
    use super::*;
    use arbitrary::{Arbitrary, Unstructured};
    use cleeng_register_response::strategies;
    use proptest::prelude::*;

    #[test]
    fn the_other_claims_strategy_gives_claims_but_never_a_typed_name() {
        use proptest::strategy::ValueTree;
        use proptest::test_runner::TestRunner;
        let mut runner = TestRunner::deterministic();
        let strategy = strategies::other_claims();
        let mut non_empty = 0;
        for _ in 0..500 {
            let claims = strategy.new_tree(&mut runner).unwrap().current();
            for typed in ["customerId", "publisherId", "exp"] {
                assert!(!claims.contains_key(typed), "{typed}");
            }
            non_empty += usize::from(!claims.is_empty());
        }
        assert!(non_empty > 200, "{non_empty}");
    }

    /// The only `Debug` a response may have: the customer id and nothing of any token.
    fn expected_debug(response: &RegisterResponse) -> String {
        format!(
            "RegisterResponse {{ customer_id: CustomerId({}), customer_token: CustomerToken(***), jwt: Jwt(***), refresh_token: RefreshToken(***) }}",
            response.customer_id().get()
        )
    }

    const POINTERS: [&str; 6] = [
        "",
        "/responseData",
        "/responseData/customerId",
        "/responseData/customerToken",
        "/responseData/jwt",
        "/responseData/refreshToken",
    ];

    /// Refusals hold only the envelope's codes, at its pointers, in field order.
    fn check_refusal(report: &ResponseReport) {
        let errors = report.errors();
        assert!(!errors.is_empty());
        let mut last = 0;
        for e in errors {
            let at = POINTERS
                .iter()
                .position(|p| *p == e.pointer())
                .expect("a known pointer");
            assert!(at >= last, "errors out of order");
            last = at;
            assert!(matches!(
                e.code(),
                ResponseErrorCode::MalformedBody
                    | ResponseErrorCode::Missing
                    | ResponseErrorCode::NotAnObject
                    | ResponseErrorCode::NotAString
                    | ResponseErrorCode::InvalidFormat
                    | ResponseErrorCode::TooShort
                    | ResponseErrorCode::TooLong
                    | ResponseErrorCode::ClaimsMismatch
            ));
        }
        if report.contains("", ResponseErrorCode::MalformedBody) {
            assert_eq!(errors.len(), 1);
        }
    }

    proptest! {
        #[test]
        fn generated_responses_round_trip_and_hide_their_tokens(response in strategies::register_response()) {
            let body = serde_json::to_vec(&response).unwrap();
            prop_assert_eq!(&RegisterResponse::from_json(&body).unwrap(), &response);
            prop_assert_eq!(format!("{response:?}"), expected_debug(&response));
            prop_assert_eq!(format!("{:?}", response.jwt()), "Jwt(***)");
            prop_assert_eq!(format!("{:?}", response.customer_token()), "CustomerToken(***)");
            prop_assert_eq!(format!("{:?}", response.refresh_token()), "RefreshToken(***)");
        }

        #[test]
        fn a_jwt_built_from_claims_decodes_to_them(
            (id, payload) in strategies::customer_id().prop_flat_map(|id| (Just(id), strategies::jwt_payload(id))),
            signature in proptest::collection::vec(any::<u8>(), 1..600),
        ) {
            let jwt = Jwt::parse(&strategies::encode_jwt(&payload, &signature)).unwrap();
            let claims = jwt.unverified_claims();
            prop_assert_eq!(claims.customer_id(), id);
            let publisher = match &payload["publisherId"] {
                Value::String(s) => s.clone(),
                n => format!("{:09}", n.as_u64().unwrap()),
            };
            prop_assert_eq!(claims.publisher_id().as_str().to_owned(), publisher);
            prop_assert_eq!(claims.exp(), payload["exp"].as_u64().unwrap());
            let mut others = payload.as_object().unwrap().clone();
            for typed in ["customerId", "publisherId", "exp"] {
                others.remove(typed);
            }
            prop_assert_eq!(claims.other_claims(), &others);
        }

        #[test]
        fn customer_ids_round_trip_through_text_and_serde(id in strategies::customer_id()) {
            prop_assert_eq!(id.to_string().parse::<CustomerId>().unwrap(), id);
            let json = serde_json::to_string(&id).unwrap();
            prop_assert_eq!(&json, &id.get().to_string());
            prop_assert_eq!(serde_json::from_str::<CustomerId>(&json).unwrap(), id);
            prop_assert_eq!(serde_json::from_str::<CustomerId>(&format!("\"{id}\"")).unwrap(), id);
        }

        #[test]
        fn exactly_one_broken_rule_gives_exactly_its_code(
            response in strategies::register_response(),
            which in 0usize..9,
        ) {
            let mut body = serde_json::to_value(&response).unwrap();
            let data = &mut body["responseData"];
            let (pointer, code) = match which {
                0 => { data["customerId"] = json!(0); ("/responseData/customerId", "invalid_format") }
                1 => { data.as_object_mut().unwrap().remove("customerToken"); ("/responseData/customerToken", "missing") }
                2 => { data["customerToken"] = json!(""); ("/responseData/customerToken", "too_short") }
                3 => { data["refreshToken"] = json!("a b"); ("/responseData/refreshToken", "invalid_format") }
                4 => { data["refreshToken"] = json!("x".repeat(4097)); ("/responseData/refreshToken", "too_long") }
                5 => { data["jwt"] = json!(format!("{}=", response.jwt().expose_secret())); ("/responseData/jwt", "invalid_format") }
                6 => {
                    let other = response.customer_id().get() % 1000 + 1_000_000;
                    data["jwt"] = json!(jwt_of(&claims(other)));
                    ("/responseData/jwt", "claims_mismatch")
                }
                7 => { data["jwt"] = json!(7); ("/responseData/jwt", "not_a_string") }
                _ => { body = json!({"responseData": []}); ("/responseData", "not_an_object") }
            };
            prop_assert_eq!(response_errors(&body), vec![(pointer.to_owned(), code)]);
        }

        #[test]
        fn no_bytes_panic_either_reader(data in proptest::collection::vec(any::<u8>(), 0..256)) {
            if let Err(report) = RegisterResponse::from_json(&data) {
                check_refusal(&report);
            }
            let _ = CleengError::from_json(&data);
        }

        #[test]
        fn no_edit_of_a_valid_body_panics(
            response in strategies::register_response(),
            at in any::<prop::sample::Index>(),
            byte in any::<u8>(),
        ) {
            let mut body = serde_json::to_vec(&response).unwrap();
            let i = at.index(body.len());
            body[i] = byte;
            match RegisterResponse::from_json(&body) {
                Ok(again) => {
                    prop_assert_eq!(format!("{again:?}"), expected_debug(&again));
                    let back = serde_json::to_vec(&again).unwrap();
                    prop_assert_eq!(RegisterResponse::from_json(&back).unwrap(), again);
                }
                Err(report) => check_refusal(&report),
            }
            let _ = CleengError::from_json(&body);
        }

        #[test]
        fn arbitrary_values_are_valid(bytes in proptest::collection::vec(any::<u8>(), 0..1024)) {
            let mut u = Unstructured::new(&bytes);
            if let Ok(response) = RegisterResponse::arbitrary(&mut u) {
                let body = serde_json::to_vec(&response).unwrap();
                prop_assert_eq!(RegisterResponse::from_json(&body).unwrap(), response);
            }
            let mut u = Unstructured::new(&bytes);
            if let Ok(jwt) = Jwt::arbitrary(&mut u) {
                prop_assert_eq!(Jwt::parse(jwt.expose_secret()).unwrap(), jwt);
            }
        }
    }
}
