//! No freed copy of a secret: after `RegisterRequest::from_json`, no heap block that was freed
//! while it ran holds the plaintext of the password or the captcha value, whether the body is
//! valid or refused (by a rule, or by a syntax error after the secret), and whether the secret
//! was written with JSON escapes (PHP's `json_encode` writes `/` as `\/`) or without.
//!
//! A binary of its own: it installs the scanning allocator of `tests/freed_memory`.

use std::cell::Cell;

use cleeng_register::{Policy, RegisterRequest};

mod freed_memory;

use freed_memory::{freed_copies, FOUND};

/// A body with `fields` (raw JSON members) in the typical request's place.
fn body(members: &[&str]) -> Vec<u8> {
    let mut all = vec![
        r#""email":"jane.doe@example.com""#,
        r#""offerId":"S565568989_US""#,
        r#""locale":"en_US""#,
        r#""country":"US""#,
        r#""currency":"USD""#,
        r#""customerIP":"8.8.8.8""#,
    ];
    all.extend_from_slice(members);
    format!("{{{}}}", all.join(",")).into_bytes()
}

/// Reads `body` with the scan on for `plaintext`; whether the body was valid, and how many
/// freed blocks held the plaintext. With `and_drop`, dropping the result is scanned too (a
/// password wipes itself on drop; a report never holds a value).
fn scan(body: &[u8], plaintext: &'static str, and_drop: bool) -> (bool, usize) {
    assert!(
        plaintext.len() >= 12,
        "a needle short enough to occur by chance would prove nothing"
    );
    let policy = Policy::default();
    let (result, during) = freed_copies(plaintext, || RegisterRequest::from_json(body, &policy));
    let valid = result.is_ok();
    let on_drop = if and_drop {
        freed_copies(plaintext, move || drop(result)).1
    } else {
        0
    };
    (valid, during + on_drop)
}

const PASSWORD: &str = "Zq/8-secret-pass"; // as JSON: "Zq\/8-secret-pass"

#[test]
fn an_escaped_password_leaves_no_freed_copy() {
    let escaped = r#""password":"Zq\/8-secret-pass""#;
    let cases: [(&str, Vec<u8>, bool); 6] = [
        ("valid body", body(&[escaped]), true),
        (
            "refused by a rule of another field",
            body(&[escaped, r#""country":"UK""#]),
            false,
        ),
        (
            "refused by a later syntax error",
            format!(r#"{{{escaped},"email":"jane.doe@example.com","locale":}}"#).into_bytes(),
            false,
        ),
        (
            "refused by trailing text",
            format!("{}x", String::from_utf8(body(&[escaped])).unwrap()).into_bytes(),
            false,
        ),
        (
            "given twice",
            body(&[escaped, r#""password":"other-s3cret""#]),
            false,
        ),
        (
            "escaped throughout",
            body(&[r#""password":"\u005Aq\/8-secret-pass""#]),
            true,
        ),
    ];
    for (case, body, expect_valid) in cases {
        let (valid, copies) = scan(&body, PASSWORD, true);
        assert_eq!(valid, expect_valid, "{case}");
        assert_eq!(copies, 0, "{case}: freed blocks held the password");
    }
}

#[test]
fn a_refused_escaped_password_leaves_no_freed_copy() {
    // Refused by its own rules (no digit or special): the constructor wipes what it refuses.
    let (valid, copies) = scan(
        &body(&[r#""password":"Zq\/only-letters-secret""#]),
        "Zq/only-letters-secret",
        true,
    );
    assert!(!valid);
    assert_eq!(copies, 0);
}

#[test]
fn a_plain_password_leaves_no_freed_copy() {
    let plain = r#""password":"Zq8-secret-pass""#;
    for (case, body, expect_valid) in [
        ("valid body", body(&[plain]), true),
        (
            "refused by a later syntax error",
            format!(r#"{{{plain},"email":}}"#).into_bytes(),
            false,
        ),
    ] {
        let (valid, copies) = scan(&body, "Zq8-secret-pass", true);
        assert_eq!(valid, expect_valid, "{case}");
        assert_eq!(copies, 0, "{case}");
    }
}

#[test]
fn an_escaped_captcha_value_leaves_no_freed_copy() {
    let captcha = r#""captchaValue":"03AG\/dBq24-captcha""#;
    let password = r#""password":"s3cret-pass""#;
    // An accepted captcha value is kept by its `CaptchaToken`, which wipes it when the request
    // is dropped: reading and dropping are both scanned.
    for (case, body, expect_valid) in [
        ("valid body", body(&[password, captcha]), true),
        (
            "refused by a rule of another field",
            body(&[password, captcha, r#""country":"UK""#]),
            false,
        ),
        (
            "refused by a later syntax error",
            format!(r#"{{{captcha},"email":"#).into_bytes(),
            false,
        ),
    ] {
        let (valid, copies) = scan(&body, "03AG/dBq24-captcha", true);
        assert_eq!(valid, expect_valid, "{case}");
        assert_eq!(copies, 0, "{case}");
    }
    // Refused by its own rules (a space, written as an escape): the text is not kept.
    let (valid, copies) = scan(
        &body(&[password, r#""captchaValue":"03AG\u0020dBq24-captcha""#]),
        "03AG dBq24-captcha",
        true,
    );
    assert!(!valid);
    assert_eq!(copies, 0);
}

/// The scan itself works: a block freed with the needle in it is found, one without is not.
#[test]
fn the_scan_finds_a_freed_copy() {
    let ((), found) = freed_copies(PASSWORD, || drop(String::from(PASSWORD)));
    assert_eq!(found, 1);
    let ((), found) = freed_copies(PASSWORD, || drop(String::from("Zq/8-secret-pas")));
    assert_eq!(found, 0);
    // Past the scan window nothing is counted.
    drop(String::from(PASSWORD));
    assert_eq!(FOUND.with(Cell::get), 0);
}

#[test]
fn a_dropped_captcha_token_leaves_no_freed_copy() {
    // Through its own constructors too: a token, its clone, and an owned text it refuses.
    use cleeng_register::CaptchaToken;
    let ((), copies) = freed_copies("03AGdBq24-captcha-secret", || {
        let token = CaptchaToken::parse("03AGdBq24-captcha-secret").unwrap();
        drop(token.clone());
        drop(token);
    });
    assert_eq!(copies, 0);
    let ((), copies) = freed_copies("03AG dBq24-captcha-secret", || {
        let refused = CaptchaToken::try_from(String::from("03AG dBq24-captcha-secret"));
        assert!(refused.is_err());
    });
    assert_eq!(copies, 0);
}
