//! No deserialization error of any domain type quotes the submitted value: not through
//! `serde_json::from_str`, not through `from_value`, not inside a caller's own struct.
mod util;

use cleeng_register::*;
use proptest::prelude::*;
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

/// A value of any JSON type, each carrying a marker that no message of the crate contains.
fn marked_value() -> impl Strategy<Value = (Value, String)> {
    prop_oneof![
        (100_000_000u64..u64::MAX).prop_map(|n| (json!(n), n.to_string())),
        (i64::MIN..-100_000_000i64).prop_map(|n| (json!(n), n.to_string())),
        (1_000_000u32..u32::MAX).prop_map(|n| {
            let f = f64::from(n) + 0.8125;
            (json!(f), n.to_string())
        }),
        "[a-z]{0,4}".prop_map(|s| {
            let text = format!("SeCrEt{s}@x");
            (json!(text.clone()), text)
        }),
        (100_000_000u64..u64::MAX).prop_map(|n| (json!([n]), n.to_string())),
        (100_000_000u64..u64::MAX).prop_map(|n| (json!({"k": n}), n.to_string())),
        // Not a marker in a key: an unknown key is named by its pointer, by design.
    ]
}

/// Deserializes `value` as `T` from text and from a `Value`, at the top and inside a struct;
/// every error's text must be free of `marker`.
fn quotes_nothing<T: DeserializeOwned>(value: &Value, marker: &str) -> Result<(), String> {
    #[derive(serde::Deserialize)]
    #[allow(dead_code)]
    struct Holder<T> {
        field: T,
    }
    let text = value.to_string();
    let held = json!({ "field": value });
    let errors = [
        serde_json::from_str::<T>(&text)
            .err()
            .map(|e| e.to_string()),
        serde_json::from_value::<T>(value.clone())
            .err()
            .map(|e| e.to_string()),
        serde_json::from_str::<Holder<T>>(&held.to_string())
            .err()
            .map(|e| e.to_string()),
        serde_json::from_value::<Holder<T>>(held)
            .err()
            .map(|e| e.to_string()),
    ];
    for e in errors.into_iter().flatten() {
        if e.contains(marker) {
            return Err(format!(
                "{} quoted {marker:?}: {e}",
                std::any::type_name::<T>()
            ));
        }
    }
    Ok(())
}

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
    quotes_nothing::<CustomerId>(value, marker)?;
    quotes_nothing::<Jwt>(value, marker)?;
    quotes_nothing::<CustomerToken>(value, marker)?;
    quotes_nothing::<RefreshToken>(value, marker)?;
    // Inside a body, in place of each field.
    for field in Field::ALL {
        let body = Value::Object(util::with(field.as_str(), value.clone()));
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
    #![proptest_config(ProptestConfig::with_cases(util::cases(256)))]

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
