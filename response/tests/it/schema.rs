//! The checked-in schema of Cleeng's answer and the OpenAPI document are what the crate
//! generates (`CLEENG_UPDATE_SCHEMA=1 cargo test --workspace checked_in` rewrites them).

use cleeng_register::Policy;
use cleeng_register_response::{openapi, response_schema};
use serde_json::Value;

fn check_file(path: &str, generated: &Value) {
    let full = format!("{}/../{path}", env!("CARGO_MANIFEST_DIR"));
    let text = format!("{}\n", serde_json::to_string_pretty(generated).unwrap());
    if std::env::var_os("CLEENG_UPDATE_SCHEMA").is_some() {
        std::fs::write(&full, &text).unwrap();
    }
    let on_disk = std::fs::read_to_string(&full).unwrap_or_default();
    assert!(on_disk == text, "{path} is out of date");
}

#[test]
fn checked_in_response_schema_and_openapi_are_current() {
    check_file("schema/register-response.schema.json", &response_schema());
    check_file(
        "schema/openapi.json",
        &openapi::document(&Policy::default()),
    );
}
