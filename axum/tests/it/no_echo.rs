//! Law: no answer to a refused body contains a submitted value. Bodies are generated with a
//! distinct marker in every value (strings, numbers, nested arrays and objects, `externalData`
//! text), under a small size limit so that 413 is reached too; the answer must contain none.

use crate::util::{app, post, send};
use axum::http::StatusCode;
use cleeng_register::{Field, Policy};
use cleeng_register_axum::{InvalidStatus, RegistrationConfig};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use serde_json::{json, Map, Value};

/// Keys of the generated bodies: every field, an unknown key and one that needs escaping.
/// Keys are not values: an unknown key is named by its pointer, as the errors say.
fn keys() -> Vec<&'static str> {
    Field::ALL
        .iter()
        .map(|f| f.as_str())
        .chain(["unknown/key"])
        .collect()
}

/// Surroundings that bring a marker close to a valid value of some field, so that checks deeper
/// than the first are reached.
const SHAPES: [(&str, &str); 8] = [
    ("", ""),
    ("", "@example.com"),
    ("jane.", "@example.com"),
    ("S", "_US"),
    ("en_", ""),
    ("", " "),
    ("\u{202e}", ""),
    ("{\"a\":\"", "\"}"),
];

fn marker(n: u32) -> String {
    format!("MRK{n:06}Q")
}

fn value(markers: &mut Vec<String>, n: u32, kind: u8, shape: usize) -> Value {
    let m = marker(n);
    let (before, after) = SHAPES[shape % SHAPES.len()];
    let value = match kind % 6 {
        0 | 1 => Value::String(format!("{before}{m}{after}")),
        // A number whose digits are unlikely anywhere else (a marker cannot be a number).
        2 => {
            let digits = format!("9{n:06}7");
            let number = json!(digits.parse::<u64>().expect("digits"));
            markers.push(digits);
            return number;
        }
        3 => json!([m.clone()]),
        4 => json!({ "nested": m.clone() }),
        _ => Value::String(format!(
            "{{\"deep\":[[[\"{m}\"]]],\"k\":{}}}",
            "1".repeat(n as usize % 7)
        )),
    };
    markers.push(m);
    value
}

fn body() -> impl Strategy<Value = (String, Vec<String>)> {
    prop::collection::vec(
        (0..keys().len(), any::<u32>(), any::<u8>(), any::<usize>()),
        0..16,
    )
    .prop_map(|entries| {
        let mut markers = Vec::new();
        let mut object = Map::new();
        let mut duplicates = String::new();
        let keys = keys();
        for (key, n, kind, shape) in entries {
            let n = n % 1_000_000;
            let v = value(&mut markers, n, kind, shape);
            if object.contains_key(keys[key]) {
                // A key given twice: written by hand, as a map cannot hold it.
                duplicates.push_str(&format!(",{}:{}", json!(keys[key]), v));
            } else {
                object.insert(keys[key].to_owned(), v);
            }
        }
        let text = Value::Object(object).to_string();
        let text = match (text.strip_suffix('}'), duplicates.is_empty()) {
            (Some(open), false) if open.len() > 1 => format!("{open}{duplicates}}}"),
            _ => text,
        };
        (text, markers)
    })
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn no_refusal_repeats_a_submitted_value((text, markers) in body(), status in prop::bool::ANY) {
        let policy = Policy::builder().max_body_bytes(400).build().expect("a valid policy");
        let invalid = if status { InvalidStatus::BadRequest } else { InvalidStatus::UnprocessableContent };
        let config = RegistrationConfig::new(policy).with_invalid_status(invalid);
        prop_assert!(markers.iter().all(|m| text.contains(m.as_str())), "every marker is sent");
        let answer = runtime().block_on(send(app(config), post(Some("application/json"), text.clone())));
        prop_assert!(
            [StatusCode::OK, StatusCode::PAYLOAD_TOO_LARGE, invalid.status_code()].contains(&answer.status),
            "status {}", answer.status
        );
        if answer.status != StatusCode::OK {
            for m in &markers {
                prop_assert!(!answer.text.contains(m.as_str()), "{m} echoed in {}", answer.text);
            }
        }
    }
}

#[test]
fn the_generator_reaches_every_refusal() {
    // The law above would hold vacuously if the bodies were all refused the same way.
    let policy = Policy::builder()
        .max_body_bytes(400)
        .build()
        .expect("a valid policy");
    let config = RegistrationConfig::new(policy);
    let rt = runtime();
    let mut seen = std::collections::BTreeSet::new();
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    for _ in 0..300 {
        let (text, _) = body().new_tree(&mut runner).expect("a body").current();
        let answer = rt.block_on(send(
            app(config.clone()),
            post(Some("application/json"), text),
        ));
        seen.insert(answer.status.as_u16());
        for (_, code) in answer.errors() {
            seen.insert(match code.as_str() {
                "duplicate_field" => 1,
                "unknown_field" => 2,
                "not_a_string" => 3,
                "invalid_format" => 4,
                _ => 0,
            });
        }
    }
    for wanted in [400, 413, 1, 2, 3, 4] {
        assert!(seen.contains(&wanted), "{wanted} never reached: {seen:?}");
    }
}
