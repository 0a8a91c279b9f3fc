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
