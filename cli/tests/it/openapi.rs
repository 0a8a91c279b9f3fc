//! `cleeng-register openapi`.

use serde_json::Value;

fn run(args: &[&str]) -> std::process::Output {
    crate::util::run(args, b"")
}

#[test]
fn prints_the_document_for_the_policy() {
    let out = run(&["openapi"]);
    assert!(out.status.success());
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        doc,
        cleeng_register_response::openapi::document(&cleeng_register::Policy::default())
    );

    let dir = std::env::temp_dir().join(format!("cleeng-openapi-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let policy = dir.join("policy.json");
    std::fs::write(&policy, br#"{"allowedCurrencies":["EUR"]}"#).unwrap();
    let out = run(&["openapi", "--policy", policy.to_str().unwrap()]);
    assert!(out.status.success());
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        doc["components"]["schemas"]["RegisterRequest"]["properties"]["currency"]["enum"],
        serde_json::json!(["EUR"])
    );
}

#[test]
fn refuses_an_input_and_a_bad_policy() {
    let out = run(&["openapi", "file.ndjson"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("unexpected argument 'file.ndjson' found")
    );
    let out = run(&["openapi", "--policy", "/nonexistent/policy.json"]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["openapi", "--result"]);
    assert_eq!(out.status.code(), Some(2));
}
