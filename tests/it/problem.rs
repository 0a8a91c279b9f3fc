//! `ValidationReport::to_problem`: the RFC 9457 document of an invalid request body.

use cleeng_register::*;
use serde_json::json;

fn report() -> ValidationReport {
    let mut body = crate::util::typical();
    body.insert("email".into(), json!("jane@localhost"));
    body.insert("password".into(), json!("short"));
    body.insert("a/b".into(), json!(1));
    crate::util::check(&body).unwrap_err()
}

#[test]
fn serializes_to_the_problem_document_with_the_reports_errors() {
    let report = report();
    for status in [400, 422] {
        let problem = report.to_problem(status);
        let json = serde_json::to_value(&problem).unwrap();
        let as_report = serde_json::to_value(&report).unwrap();
        assert_eq!(
            json,
            json!({
                "type": "tag:cleeng-register,2026:invalid-request-body",
                "title": "Invalid request body",
                "status": status,
                "code": "REQ0001",
                "errors": as_report["errors"],
            })
        );
        assert_eq!(problem.status(), status);
        assert_eq!(problem.errors(), report.errors());
        let text = serde_json::to_string(&problem).unwrap();
        assert!(text.starts_with(r#"{"type":"#));
    }
    assert_eq!(report.clone().into_problem(400), report.to_problem(400));
    assert_eq!(Problem::CONTENT_TYPE, "application/problem+json");
}

#[test]
fn carries_no_submitted_value() {
    let mut body = crate::util::typical();
    body.insert("email".into(), json!("secret-person@localhost"));
    body.insert("password".into(), json!("hunter"));
    let problem = crate::util::check(&body).unwrap_err().to_problem(400);
    let text = serde_json::to_string(&problem).unwrap() + &format!("{problem:?}");
    assert!(
        !text.contains("secret-person") && !text.contains("hunter"),
        "{text}"
    );
}

#[test]
fn the_problem_schema_accepts_the_document() {
    let schema = Problem::json_schema();
    let validator = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .build(&schema)
        .unwrap();
    for status in [400, 422] {
        let doc = serde_json::to_value(report().to_problem(status)).unwrap();
        assert!(validator.is_valid(&doc), "{doc}");
    }
    let mut doc = serde_json::to_value(report().to_problem(400)).unwrap();
    doc["code"] = json!("REQ0002");
    assert!(!validator.is_valid(&doc));
}

/// A body of every field's kind of value (valid, broken, near misses, wrong types) and
/// unknown keys of tricky characters, which the report escapes into pointers.
fn any_body(
) -> impl proptest::strategy::Strategy<Value = serde_json::Map<String, serde_json::Value>> {
    use crate::util::gen::{any_value_for, tricky_string};
    use proptest::prelude::*;
    let fields: Vec<_> = Field::ALL
        .into_iter()
        .map(|field| proptest::option::of(any_value_for(field.as_str())))
        .collect();
    let unknown = proptest::collection::vec((tricky_string(12), any::<u8>()), 0..4);
    (fields, unknown).prop_map(|(values, unknown)| {
        let mut body = serde_json::Map::new();
        for (field, value) in Field::ALL.into_iter().zip(values) {
            if let Some(value) = value {
                body.insert(field.as_str().to_owned(), value);
            }
        }
        for (key, n) in unknown {
            body.insert(format!("x{key}"), json!(n));
        }
        body
    })
}

proptest::proptest! {
    /// The directly written document is byte for byte what serde_json writes of `Problem`.
    #[test]
    fn the_written_json_is_serde_jsons_bytes(body in any_body(), status in proptest::sample::select(vec![400u16, 413, 422])) {
        if let Err(report) = crate::util::check(&body) {
            let serde = serde_json::to_vec(&report.to_problem(status)).unwrap();
            proptest::prop_assert_eq!(
                String::from_utf8(report.to_problem_json(status)).unwrap(),
                String::from_utf8(serde.clone()).unwrap()
            );
            proptest::prop_assert_eq!(report.clone().into_problem(status).to_json(), serde);
        }
    }
}

#[test]
fn the_written_json_escapes_keys_and_writes_params_as_serde_json_does() {
    let mut body = crate::util::typical();
    body.insert("password".into(), json!("short"));
    body.insert("country".into(), json!("UK"));
    body.insert("\"\\\u{1}\u{1b}\n\t\u{7f}é\u{200f}/~".into(), json!(1));
    let report = crate::util::check(&body).unwrap_err();
    let written = report.to_problem_json(400);
    assert_eq!(
        written,
        serde_json::to_vec(&report.to_problem(400)).unwrap()
    );
    let text = String::from_utf8(written).unwrap();
    assert!(text.contains(r#""params":{"min":8}"#), "{text}");
    assert!(text.contains(r#""params":{"suggestion":"GB"}"#), "{text}");
    assert!(
        text.contains(r#""pointer":"/\"\\\u0001\u001b\n\t"#),
        "{text}"
    );
}
