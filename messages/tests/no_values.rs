#![cfg(feature = "migration")]
//! No message in any language repeats a submitted value: the request's errors, its problem
//! document and a migration record's errors, whatever the values.

use cleeng_register::{Field, Policy, RegisterRequest};
use cleeng_register_messages::{Catalog, Language};
use cleeng_register_migration::{Column, RecordRules, UsersFile};
use proptest::prelude::*;
use serde_json::{json, Value};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn no_request_message_repeats_a_submitted_value(values in proptest::collection::vec("\\PC{6,40}", 15)) {
        let mut body = serde_json::Map::new();
        for (field, v) in Field::ALL.iter().zip(&values) {
            body.insert(field.as_str().to_owned(), json!(v));
        }
        // Two keys that are no field, with values.
        body.insert(values[13].clone(), json!(values[14]));
        body.insert("extra".into(), json!(values[14]));
        let bytes = serde_json::to_vec(&body).unwrap();
        let Err(report) = RegisterRequest::from_json(&bytes, &Policy::default()) else {
            return Ok(());
        };
        let catalog = Catalog::get();
        for language in Language::ALL {
            let mut shown: Vec<String> = report
                .errors()
                .iter()
                .map(|e| catalog.field_error(language, e).into_owned())
                .collect();
            let problem: Value = serde_json::from_slice(&catalog.problem_json(language, &report, 400)).unwrap();
            shown.push(problem["title"].to_string());
            shown.push(problem["detail"].to_string());
            for error in problem["errors"].as_array().unwrap() {
                shown.push(error["message"].to_string());
                shown.push(error["params"].to_string());
            }
            for text in &shown {
                for v in &values {
                    prop_assert!(!text.contains(v.as_str()), "{language}: {text} shows {v:?}");
                }
            }
        }
    }

    #[test]
    fn no_record_message_repeats_a_submitted_value(values in proptest::collection::vec("\\PC{6,40}", 12)) {
        let rules = RecordRules::new(Policy::default(), "2025-06-30".parse().unwrap());
        let header = Column::ALL.map(|c| c.template_name().as_bytes());
        let mut file = UsersFile::new(rules, header).unwrap();
        let fields: Vec<&[u8]> = values.iter().map(|v| v.as_bytes()).collect();
        let first = file.check(2, fields.iter().copied());
        let again = file.check(3, fields.iter().copied());
        let catalog = Catalog::get();
        for language in Language::ALL {
            for error in first.errors().iter().chain(again.errors()) {
                let text = catalog.record_error(language, error);
                for v in &values {
                    prop_assert!(!text.contains(v.as_str()), "{language}: {text} shows {v:?}");
                }
            }
        }
    }
}
