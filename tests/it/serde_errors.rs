//! No deserialization error of any domain type quotes the submitted value: not through
//! `serde_json::from_str`, not through `from_value`, not inside a caller's own struct.

use cleeng_register::request::RequestSeed;
use cleeng_register::strategies::{marked_value, quotes_nothing};
use cleeng_register::*;
use proptest::prelude::*;
use serde_json::{json, Value};

fn check_all(value: &Value, marker: &str) -> Result<(), String> {
    quotes_nothing::<Email>(value, marker)?;
    quotes_nothing::<Password>(value, marker)?;
    quotes_nothing::<OfferId>(value, marker)?;
    quotes_nothing::<PublisherId>(value, marker)?;
    quotes_nothing::<Locale>(value, marker)?;
    quotes_nothing::<CountryCode>(value, marker)?;
    quotes_nothing::<Currency>(value, marker)?;
    quotes_nothing::<PersonName>(value, marker)?;
    quotes_nothing::<ExternalId>(value, marker)?;
    quotes_nothing::<CustomData>(value, marker)?;
    quotes_nothing::<CustomerIp>(value, marker)?;
    quotes_nothing::<CaptchaToken>(value, marker)?;
    quotes_nothing::<RegisterRequest>(value, marker)?;
    // Inside a body, in place of each field.
    for field in Field::ALL {
        let body = Value::Object(crate::util::with(field.as_str(), value.clone()));
        quotes_nothing::<RegisterRequest>(&body, marker)?;
    }
    Ok(())
}

#[test]
fn the_issue_examples_quote_nothing() {
    for (value, marker) in [
        (json!(987654321), "987654321"),
        (json!(31415926), "31415926"),
        (json!("jane@secret"), "jane@secret"),
        (json!(true), "true"),
        (json!(-2.5e300), "2.5"),
    ] {
        check_all(&value, marker).unwrap();
    }
    // The error still says what was expected.
    let err = serde_json::from_str::<Password>("987654321").unwrap_err();
    assert_eq!(
        err.to_string(),
        "expected a password, found a value that is not a string at line 1 column 9"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::util::cases(256)))]

    #[test]
    fn no_deserialization_error_quotes_the_value((value, marker) in marked_value()) {
        check_all(&value, &marker).map_err(TestCaseError::fail)?;
    }
}

#[test]
fn a_body_given_as_a_wide_integer_is_refused_without_quoting_it() {
    use serde::de::value::{Error, I128Deserializer, U128Deserializer};
    use serde::de::DeserializeSeed;
    let policy = Policy::default();
    let err = RequestSeed::new(&policy)
        .deserialize(I128Deserializer::<Error>::new(-987_654_321))
        .unwrap_err();
    assert_eq!(err.to_string(), "expected a JSON object");
    let err = RequestSeed::new(&policy)
        .deserialize(U128Deserializer::<Error>::new(987_654_321))
        .unwrap_err();
    assert!(!err.to_string().contains("987654321"));
}
