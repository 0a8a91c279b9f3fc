//! `Jwt` and `JwtClaims`: the compact JWS shape, the claims' types, and secrecy.

use std::time::{Duration, UNIX_EPOCH};

use crate::util::*;
use cleeng_register_response::*;
use serde_json::json;

fn refused(token: &str) -> bool {
    match Jwt::parse(token) {
        Ok(_) => false,
        Err(err) => {
            assert_eq!(err.code(), ResponseErrorCode::InvalidFormat);
            assert_eq!(
                err.to_string(),
                "invalid JWT: must be a compact JWS: three base64url segments whose header and payload are JSON objects"
            );
            true
        }
    }
}

fn with_payload(payload: &str) -> String {
    jwt_raw(HEADER, payload)
}

#[test]
fn a_well_formed_token_gives_its_claims() {
    let jwt = Jwt::parse(&jwt_of(&claims(42))).unwrap();
    let c = jwt.unverified_claims();
    assert_eq!(c.customer_id().get(), 42);
    assert_eq!(c.publisher_id().as_str(), "123456789");
    assert_eq!(c.exp(), 1_700_000_000);
    assert_eq!(c.claim("iat"), Some(&json!(1_699_999_100u64)));
    assert_eq!(
        c.claim("exp"),
        None,
        "typed claims are read through their methods"
    );
    assert_eq!(c.other_claims().len(), 1);
}

#[test]
fn exactly_three_non_empty_segments() {
    let good = jwt_of(&claims(1));
    let parts: Vec<&str> = good.split('.').collect();
    assert!(!refused(&good));
    assert!(refused(&format!("{}.{}", parts[0], parts[1])));
    assert!(refused(&format!("{good}.{}", parts[2])));
    assert!(refused(&format!("{}..{}", parts[0], parts[2])));
    assert!(refused(&format!(".{}.{}", parts[1], parts[2])));
    assert!(refused(&format!("{}.{}.", parts[0], parts[1])));
    assert!(refused(""));
    assert!(refused(".."));
}

#[test]
fn padding_and_other_alphabets_are_refused() {
    // A header whose encoding needs padding: `{"alg":"none"}` is 14 bytes → 19 chars + "=".
    let header = b64(br#"{"alg":"none"}"#);
    assert_eq!(header.len() % 4, 3);
    let payload = b64(claims(1).to_string().as_bytes());
    assert!(!refused(&format!("{header}.{payload}.c2ln")));
    assert!(refused(&format!("{header}=.{payload}.c2ln")));
    assert!(refused(&format!("{header}.{payload}.c2lu=")));
    // Standard base64's `+` and `/` are not base64url.
    assert!(refused(&format!("{header}.{payload}.ab+c")));
    assert!(refused(&format!("{header}.{payload}.ab/c")));
    // Outside the signature's last group too, where the decoder is not asked.
    assert!(refused(&format!("{header}.{payload}.ab+cc2ln")));
    assert!(refused(&format!("{header}.{payload}.a/bcc2ln")));
    assert!(!refused(&format!("{header}.{payload}.ab-cc2ln")));
    assert!(!refused(&format!("{header}.{payload}.ab-_")));
    // White space anywhere.
    assert!(refused(&format!(" {header}.{payload}.c2ln")));
    assert!(refused(&format!("{header}.{payload}.c2ln\n")));
    // A length no base64 has (4n + 1).
    assert!(refused(&format!("{header}.{payload}.abcde")));
}

#[test]
fn non_canonical_trailing_bits_are_refused() {
    // "c2ln" is "sig"; "QQ" is "A" (0x41 = 010000|01 → Q, Q=010000): "QR" sets unused bits.
    let header = b64(br#"{"alg":"none"}"#);
    let payload = b64(claims(1).to_string().as_bytes());
    assert!(!refused(&format!("{header}.{payload}.QQ")));
    assert!(refused(&format!("{header}.{payload}.QR")));
    // The same in a long signature, past the 1024-char pieces it is checked in.
    let long = "A".repeat(2048);
    assert!(!refused(&format!("{header}.{payload}.{long}QQ")));
    assert!(refused(&format!("{header}.{payload}.{long}QR")));
    assert!(refused(&format!("{header}.{payload}.{long}Q")));
    // And in the payload: its last char carries unused bits too.
    let mut odd = payload.clone();
    assert_ne!(
        odd.len() % 4,
        0,
        "the claims need a partial last group for this test"
    );
    let last = odd.pop().unwrap();
    let bumped = match last {
        'A' => 'B',
        'Q' => 'R',
        'g' => 'h',
        'w' => 'x',
        other => panic!("a last char with zero unused bits is one of AQgw, not {other}"),
    };
    assert!(refused(&format!("{header}.{odd}{bumped}.c2ln")));
}

#[test]
fn header_and_payload_must_be_json_objects() {
    let payload = b64(claims(1).to_string().as_bytes());
    for header in ["[]", "\"x\"", "1", "{", "{}x", "null"] {
        assert!(
            refused(&format!("{}.{payload}.c2ln", b64(header.as_bytes()))),
            "{header}"
        );
    }
    assert!(!refused(&format!("{}.{payload}.c2ln", b64(b"{}"))));
    for bad in ["[]", "\"claims\"", "42", "{\"customerId\":1", "not json"] {
        assert!(refused(&with_payload(bad)), "{bad}");
    }
    // Bytes that are not UTF-8 inside a JSON string.
    let mut bytes = br#"{"customerId":1,"publisherId":"123456789","exp":1,"x":""#.to_vec();
    bytes.extend_from_slice(b"\xff\"}");
    assert!(refused(&format!(
        "{}.{}.c2ln",
        b64(HEADER.as_bytes()),
        b64(&bytes)
    )));
}

#[test]
fn customer_id_claim_number_or_digit_string() {
    for ok in [
        json!(1),
        json!("1"),
        json!(u64::MAX),
        json!("18446744073709551615"),
    ] {
        let token = jwt_of(&json!({"customerId": ok, "publisherId": "123456789", "exp": 0}));
        assert!(!refused(&token), "{ok}");
    }
    for bad in [
        json!(0),
        json!("0"),
        json!("012"),
        json!(-1),
        json!(1.5),
        json!(true),
        json!(null),
        json!([1]),
    ] {
        let token = jwt_of(&json!({"customerId": bad, "publisherId": "123456789", "exp": 0}));
        assert!(refused(&token), "{bad}");
    }
    assert!(refused(&with_payload(
        r#"{"customerId":18446744073709551616,"publisherId":"123456789","exp":0}"#
    )));
    assert!(refused(&with_payload(
        r#"{"customerId":1e3,"publisherId":"123456789","exp":0}"#
    )));
}

#[test]
fn publisher_id_claim_string_or_number_padded_to_nine_digits() {
    let read = |p: serde_json::Value| {
        Jwt::parse(&jwt_of(
            &json!({"customerId": 1, "publisherId": p, "exp": 0}),
        ))
        .map(|j| j.unverified_claims().publisher_id().as_str().to_owned())
    };
    assert_eq!(read(json!(20718285)).unwrap(), "020718285");
    assert_eq!(read(json!(0)).unwrap(), "000000000");
    assert_eq!(read(json!(999_999_999)).unwrap(), "999999999");
    assert_eq!(read(json!("020718285")).unwrap(), "020718285");
    for bad in [
        json!(1_000_000_000),
        json!(-1),
        json!(1.0),
        json!("20718285"),
        json!("1234567890"),
        json!(""),
        json!(true),
        json!(null),
    ] {
        assert!(read(bad.clone()).is_err(), "{bad}");
    }
}

#[test]
fn exp_claim_is_whole_seconds() {
    let read = |exp: &str| {
        Jwt::parse(&with_payload(&format!(
            r#"{{"customerId":1,"publisherId":"123456789","exp":{exp}}}"#
        )))
    };
    assert_eq!(read("0").unwrap().unverified_claims().exp(), 0);
    assert_eq!(
        read("18446744073709551615")
            .unwrap()
            .unverified_claims()
            .exp(),
        u64::MAX
    );
    for bad in [
        "-1",
        "1.5",
        "1e9",
        "\"1700000000\"",
        "null",
        "18446744073709551616",
    ] {
        assert!(read(bad).is_err(), "{bad}");
    }
}

#[test]
fn the_three_typed_claims_are_required() {
    for missing in ["customerId", "publisherId", "exp"] {
        let mut c = claims(1);
        c.as_object_mut().unwrap().remove(missing);
        assert!(refused(&jwt_of(&c)), "{missing}");
    }
}

#[test]
fn a_repeated_claim_is_refused() {
    assert!(refused(&with_payload(
        r#"{"customerId":1,"customerId":1,"publisherId":"123456789","exp":0}"#
    )));
    assert!(refused(&with_payload(
        r#"{"customerId":1,"publisherId":"123456789","exp":0,"a":1,"a":1}"#
    )));
    assert!(!refused(&with_payload(
        r#"{"customerId":1,"publisherId":"123456789","exp":0,"a":1,"b":1}"#
    )));
}

#[test]
fn a_wrong_claim_in_an_envelope_is_invalid_format_at_the_jwt() {
    let token =
        jwt_of(&json!({"customerId": 123456789, "publisherId": 1_000_000_000u64, "exp": 0}));
    assert_eq!(
        response_errors(&with_data("jwt", json!(token))),
        [("/responseData/jwt".to_owned(), "invalid_format")]
    );
    let report = read(&with_data("jwt", json!("x.y"))).unwrap_err();
    assert_eq!(
        report.errors()[0].to_string(),
        "responseData.jwt must be a compact JWS: three base64url segments whose header and payload are JSON objects"
    );
}

#[test]
fn expiry_is_on_or_after_exp() {
    let c = JwtClaims::new(
        CustomerId::new(1).unwrap(),
        "000000001".parse().unwrap(),
        1000,
    );
    assert!(!c.is_expired_at(UNIX_EPOCH));
    assert!(!c.is_expired_at(UNIX_EPOCH + Duration::from_secs(999)));
    assert!(!c.is_expired_at(UNIX_EPOCH + Duration::from_nanos(999_999_999_999)));
    assert!(c.is_expired_at(UNIX_EPOCH + Duration::from_secs(1000)));
    assert!(c.is_expired_at(UNIX_EPOCH + Duration::from_secs(5000)));
    assert!(!c.is_expired_at(UNIX_EPOCH - Duration::from_secs(1)));
    let zero = JwtClaims::new(CustomerId::new(1).unwrap(), "000000001".parse().unwrap(), 0);
    assert!(zero.is_expired_at(UNIX_EPOCH));
}

#[test]
fn claims_serialize_as_a_payload_that_reads_back_equal() {
    let jwt = Jwt::parse(&jwt_of(
        &json!({"customerId": "7", "publisherId": 5, "exp": 9, "roles": ["a"]}),
    ))
    .unwrap();
    let c = jwt.unverified_claims();
    let payload = serde_json::to_value(c).unwrap();
    assert_eq!(
        payload,
        json!({"customerId": 7, "publisherId": "000000005", "exp": 9, "roles": ["a"]})
    );
    let again = Jwt::parse(&jwt_of(&payload)).unwrap();
    assert_eq!(again.unverified_claims(), c);
    // The serializer is told the typed three plus the others.
    use serde_test::{assert_ser_tokens, Token};
    assert_ser_tokens(
        c,
        &[
            Token::Map { len: Some(4) },
            Token::Str("customerId"),
            Token::U64(7),
            Token::Str("publisherId"),
            Token::Str("000000005"),
            Token::Str("exp"),
            Token::U64(9),
            Token::Str("roles"),
            Token::Seq { len: Some(1) },
            Token::Str("a"),
            Token::SeqEnd,
            Token::MapEnd,
        ],
    );
}

#[test]
fn debug_and_errors_show_nothing_of_the_token() {
    let token = jwt_of(
        &json!({"customerId": 1, "publisherId": "123456789", "exp": 0, "email": "jane@example.com"}),
    );
    let jwt = Jwt::parse(&token).unwrap();
    assert_eq!(format!("{jwt:?}"), "Jwt(***)");
    let claims_debug = format!("{:?}", jwt.unverified_claims());
    assert!(claims_debug.contains("\"email\""));
    assert!(!claims_debug.contains("jane"), "{claims_debug}");
    for segment in token.split('.') {
        assert!(!claims_debug.contains(segment));
    }
    let err = serde_json::from_str::<Jwt>(&format!("\"{token}x=\""))
        .unwrap_err()
        .to_string();
    assert!(!err.contains(&token[..10]), "{err}");
    let err = serde_json::from_str::<Jwt>("12345")
        .unwrap_err()
        .to_string();
    assert!(!err.contains("12345"), "{err}");
}

#[test]
fn serde_reads_and_writes_the_token_text() {
    let token = jwt_of(&claims(3));
    let jwt: Jwt = serde_json::from_value(json!(token)).unwrap();
    assert_eq!(serde_json::to_value(&jwt).unwrap(), json!(token));
    assert_eq!(jwt, token.parse::<Jwt>().unwrap());
    assert_ne!(jwt, jwt_of(&claims(4)).parse::<Jwt>().unwrap());
}

#[test]
fn every_ascii_character_outside_the_alphabet_is_refused_in_a_long_signature() {
    let header = b64(br#"{"alg":"RS256"}"#);
    let payload = b64(claims(1).to_string().as_bytes());
    // 344 characters, as a 256-byte RSA signature has: the check runs over whole vectors and
    // a tail, and the odd character goes in either.
    let signature = "A".repeat(340) + "c2ln";
    assert!(!refused(&format!("{header}.{payload}.{signature}")));
    for c in (0u8..=0x7f).map(char::from) {
        let in_alphabet = c.is_ascii_alphanumeric() || c == '-' || c == '_';
        for at in [0, 17, 200, 338] {
            let mut odd = signature.clone();
            odd.replace_range(at..at + 1, &c.to_string());
            assert_eq!(
                refused(&format!("{header}.{payload}.{odd}")),
                !in_alphabet,
                "{c:?} at {at}"
            );
        }
    }
}
