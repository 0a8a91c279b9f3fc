//! No deserialization error of a type of Cleeng's answer quotes the submitted value, as for
//! the request's types: the same law, from the core's strategies.

use cleeng_register::strategies::{marked_value, quotes_nothing};
use cleeng_register_response::{CustomerId, CustomerToken, Jwt, RefreshToken};
use proptest::prelude::*;
use serde_json::{json, Value};

fn check_all(value: &Value, marker: &str) -> Result<(), String> {
    quotes_nothing::<CustomerId>(value, marker)?;
    quotes_nothing::<Jwt>(value, marker)?;
    quotes_nothing::<CustomerToken>(value, marker)?;
    quotes_nothing::<RefreshToken>(value, marker)
}

#[test]
fn the_issue_examples_quote_nothing() {
    for (value, marker) in [
        (json!(987654321.5), "987654321"),
        (json!("jane@secret"), "jane@secret"),
        (json!(true), "true"),
        (json!(-2.5e300), "2.5"),
    ] {
        check_all(&value, marker).unwrap();
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::util::cases(256)))]

    #[test]
    fn no_deserialization_error_quotes_the_value((value, marker) in marked_value()) {
        check_all(&value, &marker).map_err(TestCaseError::fail)?;
    }
}
