//! firstName, lastName, externalId, captchaValue.

use crate::util::*;
use serde_json::json;

const NAMES: [&str; 2] = ["firstName", "lastName"];

#[test]
fn names_are_1_to_50_chars() {
    for key in NAMES {
        accepts(key, "Zoë");
        accepts(key, "J");
        accepts(key, "Mary Ann O'Neil-Smith");
        accepts(key, &"ł".repeat(50));
        rejects(key, &"ł".repeat(51), &["too_long"]);
        rejects(key, "", &["too_short"]);
        assert_eq!(params(key, json!("")), json!({"min": 1}));
        assert_eq!(params(key, json!("x".repeat(51))), json!({"max": 50}));
    }
}

#[test]
fn external_id_is_1_to_255_chars() {
    accepts("externalId", &"é".repeat(255));
    rejects("externalId", &"é".repeat(256), &["too_long"]);
    rejects("externalId", "", &["too_short"]);
    assert_eq!(
        params("externalId", json!("x".repeat(256))),
        json!({"max": 255})
    );
}

#[test]
fn control_and_bidi_characters_are_refused() {
    for key in ["firstName", "lastName", "externalId"] {
        for c in [
            '\0', '\t', '\n', '\r', '\u{7f}', '\u{85}', '\u{9f}', '\u{202a}', '\u{202e}',
            '\u{2066}', '\u{2069}',
        ] {
            rejects(key, &format!("Ja{c}ne"), &["control_character"]);
        }
        // Tab is also White_Space, but the control rule comes first.
        rejects(key, "\tJane", &["control_character"]);
        // Neighbours of the bidi ranges are fine.
        accepts(key, "Ja\u{2029}ne".replace('\u{2029}', "\u{2065}").as_str());
        accepts(key, "Ja\u{200f}ne");
    }
}

#[test]
fn surrounding_white_space_is_refused() {
    for key in ["firstName", "lastName", "externalId"] {
        for ws in [
            " ", "\u{a0}", "\u{3000}", "\u{2003}", "\u{2028}", "\u{1680}",
        ] {
            rejects(key, &format!("{ws}Jane"), &["surrounding_whitespace"]);
            rejects(key, &format!("Jane{ws}"), &["surrounding_whitespace"]);
            accepts(key, &format!("Ja{ws}ne"));
        }
    }
}

#[test]
fn byte_order_mark_is_neither_control_nor_white_space() {
    // U+FEFF is Cf, outside both sets the rules name: accepted, as the README says.
    accepts("firstName", "\u{feff}Jane");
    accepts("lastName", "Jane\u{feff}");
}

#[test]
fn first_failing_rule_only() {
    rejects("firstName", &format!("\t{}", "x".repeat(60)), &["too_long"]);
    rejects("firstName", " Ja\u{202e}ne", &["control_character"]);
}

#[test]
fn captcha_is_1_to_8192_printable_ascii() {
    accepts("captchaValue", "03AGdBq24PBCbwiDRaS_MJ7Z");
    accepts("captchaValue", "!~");
    accepts("captchaValue", &"a".repeat(8192));
    rejects("captchaValue", &"a".repeat(8193), &["too_long"]);
    rejects("captchaValue", "", &["too_short"]);
    for bad in ["a b", "é", "a\u{7f}", "a\tb", " a"] {
        rejects("captchaValue", bad, &["invalid_format"]);
    }
    assert_eq!(
        params("captchaValue", json!("a".repeat(8193))),
        json!({"max": 8192})
    );
}
