//! Replays every checked-in fuzz input (`fuzz/corpus/<target>`, `fuzz/regressions/<target>`)
//! through the very target bodies libFuzzer runs, on stable Rust.

#[path = "../../../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod targets;

use std::path::PathBuf;

fn replay(target: &str, body: fn(&[u8])) -> usize {
    let fuzz = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fuzz");
    let mut replayed = 0;
    for dir in ["corpus", "regressions"] {
        let Ok(entries) = std::fs::read_dir(fuzz.join(dir).join(target)) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            {
                continue;
            }
            let data = std::fs::read(&path).unwrap();
            let outcome = std::panic::catch_unwind(|| body(&data));
            assert!(outcome.is_ok(), "{target}: {} fails", path.display());
            replayed += 1;
        }
    }
    replayed
}

#[test]
fn request_json_inputs_hold() {
    assert!(replay("request_json", targets::request_json) >= 40);
}

#[test]
fn constructors_inputs_hold() {
    assert!(replay("constructors", targets::constructors) >= 50);
}

#[test]
fn roundtrip_inputs_hold() {
    assert!(replay("roundtrip", targets::roundtrip) >= 8);
}

#[test]
fn validate_line_inputs_hold() {
    assert!(replay("validate_line", targets::validate_line) >= 40);
}

#[test]
fn users_csv_inputs_hold() {
    assert!(replay("users_csv", targets::users_csv) >= 12);
}

/// Found by `request_json` (fuzz/regressions/request_json/empty-params-look-like-a-value):
/// the submitted value `}` was "found" in the params' JSON `{}`. Params hold only limits and
/// the crate's own suggestion, so the invariant now checks the suggestion's text.
#[test]
fn regression_empty_params_look_like_a_value() {
    let body = br#"{"email":"janle.com","password":"}"}"#;
    targets::request_json(body);
    let report =
        cleeng_register::RegisterRequest::from_json(body, &Default::default()).unwrap_err();
    let password_errors: Vec<_> = report
        .errors()
        .iter()
        .filter(|e| e.pointer() == "/password")
        .collect();
    assert_eq!(password_errors.len(), 3);
    assert!(password_errors.iter().all(|e| !e.to_string().contains('}')));
    assert!(password_errors[1].params().is_empty());
}

#[test]
fn response_json_inputs_hold() {
    assert!(replay("response_json", targets::response_json) >= 30);
}
