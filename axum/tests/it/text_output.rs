//! Law: a rejection's `Display` (what a service logs) never carries a client's bytes
//! unescaped. Whatever key a client sends, the text is one line without a control character
//! or line separator, and the key's pointer is in it as a JSON string that reads back exactly.

use crate::util::post;
use axum::extract::FromRequest;
use cleeng_register::Field;
use cleeng_register_axum::{RegistrationConfig, RegistrationRejection, ValidRegistration};
use proptest::prelude::*;

/// The errors of a body holding one unknown key and nothing else, before that key's error.
const BEFORE: &str = r#"invalid body: "/email" missing; "/password" missing; offer_or_publisher_required; "/locale" missing; "/country" missing; "/currency" missing; "#;
const AFTER: &str = " unknown_field";

fn rejection(key: &str) -> RegistrationRejection {
    let body = serde_json::json!({ key: 1 }).to_string();
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime");
    rt.block_on(ValidRegistration::from_request(
        post(Some("application/json"), body),
        &RegistrationConfig::default(),
    ))
    .expect_err("a body of one unknown key is refused")
}

/// RFC 6901, as the errors write a key's pointer.
fn pointer(key: &str) -> String {
    format!("/{}", key.replace('~', "~0").replace('/', "~1"))
}

fn is_unsafe(c: char) -> bool {
    c.is_control() || c == '\u{2028}' || c == '\u{2029}'
}

fn check(key: &str) -> Result<(), TestCaseError> {
    let text = rejection(key).to_string();
    prop_assert!(!text.chars().any(is_unsafe), "{text:?}");
    let quoted = text
        .strip_prefix(BEFORE)
        .and_then(|t| t.strip_suffix(AFTER))
        .ok_or_else(|| TestCaseError::fail(format!("unexpected text {text:?}")))?;
    let read_back: String = serde_json::from_str(quoted)
        .map_err(|e| TestCaseError::fail(format!("{quoted:?} is not a JSON string: {e}")))?;
    prop_assert_eq!(read_back, pointer(key));
    Ok(())
}

#[test]
fn the_forged_log_line_of_the_issue_is_one_escaped_line() {
    let key = "x\n2026-11-30T00:00:00Z  INFO forged: admin login\u{1b}[31mRED";
    let text = rejection(key).to_string();
    assert_eq!(
        text,
        format!(
            r#"{BEFORE}"/x\n2026-11-30T00:00:00Z  INFO forged: admin login\u001b[31mRED"{AFTER}"#
        )
    );
    check(key).unwrap();
}

fn dangerous() -> impl Strategy<Value = char> {
    prop_oneof![
        any::<char>(),
        Just('\n'),
        Just('\r'),
        Just('\u{1b}'),
        Just('\u{7f}'),
        Just('\u{85}'),
        Just('\u{9b}'),
        Just('\u{2028}'),
        Just('\u{2029}'),
        Just('"'),
        Just('\\'),
        Just('/'),
        Just('~'),
        Just(';'),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn no_key_escapes_its_json_string(chars in prop::collection::vec(dangerous(), 0..24)) {
        let key: String = chars.into_iter().collect();
        prop_assume!(!Field::ALL.iter().any(|f| f.as_str() == key));
        check(&key)?;
    }
}
