//! The crate's lists (fields, error codes, advisories), each written once as a table: every
//! entry round-trips through its name, names are unique and well formed, and what the tables
//! derive (pointers, fields of advisories) agrees with the names.
use std::collections::BTreeSet;

use cleeng_register::error::UnknownName;
use cleeng_register::{Advisory, ErrorCode, Field};

fn snake_case(s: &str) -> bool {
    !s.is_empty()
        && s.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
        && !s.starts_with('_')
        && !s.ends_with('_')
}

#[test]
fn every_field_round_trips_and_points_at_its_key() {
    let keys: BTreeSet<&str> = Field::ALL.iter().map(|f| f.as_str()).collect();
    assert_eq!(keys.len(), Field::ALL.len());
    for field in Field::ALL {
        assert_eq!(field.as_str().parse::<Field>(), Ok(field));
        assert_eq!(field.pointer(), format!("/{}", field.as_str()));
        assert_eq!(field.to_string(), field.as_str());
    }
    // Cleeng's spelling, and the report order of the rules.
    assert_eq!(
        Field::ALL.map(Field::as_str),
        [
            "email",
            "password",
            "offerId",
            "publisherId",
            "locale",
            "country",
            "currency",
            "firstName",
            "lastName",
            "externalId",
            "externalData",
            "customerIP",
            "captchaValue",
        ]
    );
    for unknown in ["", "Email", "customerIp", "customer_ip", "email "] {
        let err = unknown.parse::<Field>().unwrap_err();
        assert_eq!(err.to_string(), "not a known field");
    }
}

#[test]
fn every_error_code_round_trips_and_is_snake_case() {
    let names: BTreeSet<&str> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(names.len(), ErrorCode::ALL.len());
    for code in ErrorCode::ALL {
        assert!(snake_case(code.as_str()), "{code}");
        assert_eq!(code.as_str().parse::<ErrorCode>(), Ok(code));
        assert_eq!(code.to_string(), code.as_str());
        assert_eq!(serde_json::to_value(code).unwrap(), code.as_str());
    }
    let unknown: UnknownName = "Missing".parse::<ErrorCode>().unwrap_err();
    assert_eq!(unknown.to_string(), "not a known error code");
    assert_eq!(
        "missing ".parse::<ErrorCode>().unwrap_err().to_string(),
        "not a known error code"
    );
}

#[test]
fn every_advisory_round_trips_and_points_at_its_field() {
    let names: BTreeSet<&str> = Advisory::ALL.iter().map(|a| a.as_str()).collect();
    assert_eq!(names.len(), Advisory::ALL.len());
    for advisory in Advisory::ALL {
        assert!(snake_case(advisory.as_str()));
        assert_eq!(advisory.as_str().parse::<Advisory>(), Ok(advisory));
        assert_eq!(advisory.pointer(), advisory.field().pointer());
        assert!(!advisory.message().is_empty());
        assert_eq!(advisory.to_string(), advisory.message());
        assert_eq!(
            serde_json::to_value(advisory).unwrap(),
            serde_json::json!({
                "pointer": advisory.pointer(),
                "code": advisory.as_str(),
                "message": advisory.message(),
            })
        );
    }
    assert_eq!(Advisory::CustomerIpMissing.pointer(), "/customerIP");
    assert_eq!(Advisory::CustomerIpNotPublic.pointer(), "/customerIP");
    assert_eq!(Advisory::OfferCountryMismatch.pointer(), "/offerId");
    assert_eq!(
        "nope".parse::<Advisory>().unwrap_err().to_string(),
        "not a known advisory"
    );
}
