use crate::util::*;
use cleeng_register::Password;
use serde_json::json;

#[test]
fn length_is_8_to_80_chars_counted_as_chars() {
    accepts("password", "zażółć12"); // 8 chars, 12 bytes
    rejects("password", "zażółć1", &["too_short"]);
    accepts("password", &format!("ä{}", "1".repeat(79)));
    rejects("password", &format!("ä{}", "1".repeat(80)), &["too_long"]);
    assert_eq!(params("password", json!("abc1")), json!({"min": 8}));
    assert_eq!(
        params("password", json!("a".repeat(81) + "1")),
        json!({"max": 80})
    );
}

#[test]
fn every_failing_rule_is_reported() {
    rejects(
        "password",
        "",
        &["too_short", "missing_letter", "missing_digit_or_special"],
    );
    rejects(
        "password",
        "abc",
        &["too_short", "missing_digit_or_special"],
    );
    rejects("password", "1234", &["too_short", "missing_letter"]);
    rejects("password", &"!".repeat(81), &["too_long", "missing_letter"]);
    rejects(
        "password",
        &"x".repeat(81),
        &["too_long", "missing_digit_or_special"],
    );
}

#[test]
fn a_letter_is_any_unicode_alphabetic_char() {
    for ok in ["ж1234567", "ب1234567", "漢1234567", "ǅ1234567"] {
        accepts("password", ok);
    }
    rejects("password", "12345678", &["missing_letter"]);
    rejects("password", "1234567٣", &["missing_letter"]);
}

#[test]
fn a_digit_or_special_is_ascii_digit_or_one_of_seven() {
    for c in "0123456789!@#$%^&".chars() {
        accepts("password", &format!("abcdefg{c}"));
    }
    for c in ['*', '(', '-', '_', '٣', '¹', ' ', '~'] {
        rejects(
            "password",
            &format!("abcdefg{c}"),
            &["missing_digit_or_special"],
        );
    }
}

#[test]
fn the_secret_never_shows() {
    let p = Password::parse("hunter2-secret").unwrap();
    assert_eq!(format!("{p:?}"), "Password(***)");
    assert_eq!(p.expose_secret(), "hunter2-secret");
    let err = Password::parse("hunter").unwrap_err();
    assert!(!err.to_string().contains("hunter") && !format!("{err:?}").contains("hunter"));
    let report = check(&with("password", json!("hunter"))).unwrap_err();
    assert!(!format!("{report:?} {report}").contains("hunter"));
    assert!(!serde_json::to_string(&report).unwrap().contains("hunter"));
}

#[test]
fn serde_refuses_what_parse_refuses() {
    assert!(serde_json::from_str::<Password>("\"short\"").is_err());
    let p: Password = serde_json::from_str("\"long-enough-1\"").unwrap();
    assert_eq!(serde_json::to_string(&p).unwrap(), "\"long-enough-1\"");
}

#[test]
fn length_counts_chars_of_four_bytes_too() {
    // Seven chars in 25 bytes: short, though the bytes would suffice.
    let seven = format!("{}a", "😀".repeat(6));
    assert_eq!((seven.chars().count(), seven.len()), (7, 25));
    rejects(
        "password",
        &seven,
        &["too_short", "missing_digit_or_special"],
    );
    rejects(
        "password",
        &format!("{}1", "😀".repeat(6)),
        &["too_short", "missing_letter"],
    );
    accepts("password", &format!("{}a1", "😀".repeat(6)));
}

#[test]
fn the_error_names_every_broken_rule_and_never_the_password() {
    let err = Password::parse("short").unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid password: must be at least 8 characters long; must contain at least one digit or one of ! @ # $ % ^ &"
    );
    assert_eq!(
        Password::parse("").unwrap_err().to_string(),
        "invalid password: must be at least 8 characters long; must contain at least one letter; \
         must contain at least one digit or one of ! @ # $ % ^ &"
    );
    assert_eq!(
        Password::parse("abcdefgh").unwrap_err().to_string(),
        "invalid password: must contain at least one digit or one of ! @ # $ % ^ &"
    );
    let debug = format!("{:?}", Password::parse("shorty").unwrap_err());
    assert_eq!(
        debug,
        "ValueError { what: \"password\", violations: [Violation { code: TooShort, params: \
         Params { min: Some(8), max: None, suggestion: None } }, \
         Violation { code: MissingDigitOrSpecial, params: Params { min: None, max: None, \
         suggestion: None } }] }"
    );
    assert!(!debug.contains("shorty"));
}

#[test]
fn the_digit_or_special_sentence_lists_the_password_specials() {
    use cleeng_register::error::{Params, Wording};
    let spaced: Vec<String> = Password::SPECIALS.chars().map(String::from).collect();
    let expected = format!(
        "must contain at least one digit or one of {}",
        spaced.join(" ")
    );
    let sentence =
        cleeng_register::ErrorCode::MissingDigitOrSpecial.rule(&Params::NONE, &Wording::GENERIC);
    assert_eq!(sentence.to_string(), expected);
}

#[test]
fn control_characters_are_refused_beside_the_other_rules() {
    // A NUL ends the text in C strings and bcrypt-style back ends; tab and line breaks are
    // Cc too. Each is reported with every other rule the password breaks.
    for c in ['\0', '\t', '\n', '\r', '\u{7f}', '\u{85}', '\u{9f}'] {
        rejects("password", &format!("abc{c}defg1"), &["control_character"]);
    }
    rejects("password", "abc\u{0}defg1", &["control_character"]);
    rejects(
        "password",
        "\t",
        &[
            "too_short",
            "missing_letter",
            "missing_digit_or_special",
            "control_character",
        ],
    );
    rejects(
        "password",
        &format!("{}\n", "a".repeat(80)),
        &["too_long", "missing_digit_or_special", "control_character"],
    );
    // Other invisible or separator characters are not Cc: the password's own business.
    for c in ['\u{200b}', '\u{2028}', '\u{a0}', ' '] {
        accepts("password", &format!("abc{c}defg1"));
    }
    let err = Password::parse("abc\u{0}defg1").unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid password: must not contain control, bidirectional control, tag or line separator characters"
    );
}
