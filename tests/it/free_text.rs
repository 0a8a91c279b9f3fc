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
        // Cc, then every Bidi_Control character: the marks ALM, LRM and RLM, the embeddings and
        // overrides, the isolates.
        for c in [
            '\0', '\t', '\n', '\r', '\u{7f}', '\u{85}', '\u{9f}', '\u{61c}', '\u{200e}',
            '\u{200f}', '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}', '\u{2066}',
            '\u{2067}', '\u{2068}', '\u{2069}',
        ] {
            rejects(key, &format!("Ja{c}ne"), &["control_character"]);
            rejects(key, &format!("{c}Jane"), &["control_character"]);
        }
        // Tab is also White_Space, but the control rule comes first.
        rejects(key, "\tJane", &["control_character"]);
        // Neighbours of the bidi ranges are fine.
        for c in [
            '\u{61b}', '\u{61d}', '\u{200d}', '\u{2010}', '\u{2027}', '\u{2065}', '\u{206a}',
        ] {
            accepts(key, &format!("Ja{c}ne"));
        }
    }
}

#[test]
fn a_right_to_left_mark_is_a_control_character() {
    // U+200F RLM reorders what follows it, as U+202E does: the message's "bidirectional
    // control characters" are Unicode's Bidi_Control property.
    for key in ["firstName", "lastName", "externalId"] {
        rejects(key, "\u{200f}Jane", &["control_character"]);
        rejects(key, "\u{5d3}\u{5e0}\u{200f}", &["control_character"]);
    }
}

#[test]
fn joiners_stay_allowed() {
    for key in ["firstName", "lastName", "externalId"] {
        // Persian می‌خواهم: ZWNJ keeps می from joining خواهم.
        accepts(
            key,
            "\u{645}\u{6cc}\u{200c}\u{62e}\u{648}\u{627}\u{647}\u{645}",
        );
        // Hindi क्‍ष: ZWJ asks for the half form of क instead of the ligature.
        accepts(key, "\u{915}\u{94d}\u{200d}\u{937}");
        // Emoji ZWJ sequences: 👩‍💻, and 👨‍👩‍👧 inside a name.
        accepts(key, "\u{1f469}\u{200d}\u{1f4bb}");
        accepts(key, "Jane \u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}");
        // Neither is White_Space: a joiner at an end is not surrounding white space.
        accepts(key, "\u{200c}Jane\u{200d}");
    }
}

#[test]
fn surrounding_white_space_is_refused() {
    for key in ["firstName", "lastName", "externalId"] {
        // U+2028 and U+2029 are White_Space too, but separators: `control_character` first.
        for ws in [" ", "\u{a0}", "\u{3000}", "\u{2003}", "\u{1680}"] {
            rejects(key, &format!("{ws}Jane"), &["surrounding_whitespace"]);
            rejects(key, &format!("Jane{ws}"), &["surrounding_whitespace"]);
            accepts(key, &format!("Ja{ws}ne"));
        }
    }
}

#[test]
fn byte_order_mark_is_neither_control_nor_white_space() {
    // U+FEFF is Cf and Default_Ignorable, outside the sets a name's rules name (Cc,
    // Bidi_Control, White_Space): accepted, as the README says. So are U+200B and U+00AD.
    accepts("firstName", "\u{feff}Jane");
    accepts("lastName", "Jane\u{feff}");
    accepts("firstName", "Ja\u{200b}ne");
    accepts("externalId", "crm\u{ad}42");
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

#[test]
fn tags_and_line_or_paragraph_separators_are_control_characters() {
    for key in ["firstName", "lastName", "externalId"] {
        // Tag characters carry hidden ASCII: `A` shows, `AB` hides behind it.
        rejects(key, "A\u{e0041}\u{e0042}", &["control_character"]);
        for c in [
            '\u{e0000}',
            '\u{e0001}',
            '\u{e0020}',
            '\u{e007e}',
            '\u{e007f}',
        ] {
            rejects(key, &format!("Ja{c}ne"), &["control_character"]);
        }
        // The Tags block's neighbours: a plane-14 unassigned code point and a variation
        // selector beside a letter are not tags.
        accepts(key, "Ja\u{e0100}ne");
        // A paragraph or line separator breaks a name in two.
        rejects(key, "x\u{2029}y", &["control_character"]);
        rejects(key, "x\u{2028}y", &["control_character"]);
        // Before surrounding white space, as for Cc.
        rejects(key, "\u{2029}Jane", &["control_character"]);
    }
}

#[test]
fn a_name_needs_a_visible_character() {
    for key in ["firstName", "lastName", "externalId"] {
        // Default_Ignorable, format (Cf) and fillers alone: blank to a reader.
        for blank in [
            "\u{200b}",
            "\u{2060}",
            "\u{feff}",
            "\u{ad}",
            "\u{3164}",
            "\u{115f}",
            "\u{180e}",
            "\u{fe0f}",
            "\u{200c}",
            "\u{200d}",
            "\u{600}",
            "\u{200b}\u{feff}\u{2060}",
            "\u{200b} \u{200b}",
        ] {
            rejects(key, blank, &["no_visible_character"]);
        }
        // White space alone keeps its own rule, which comes first.
        rejects(key, " ", &["surrounding_whitespace"]);
        rejects(key, "\u{3000}", &["surrounding_whitespace"]);
        // One visible character is enough, whatever surrounds it.
        for ok in [
            "\u{200b}J",
            "\u{2764}\u{fe0f}",
            "J\u{ad}",
            "\u{feff}Jane",
            ".",
            "\u{1f469}",
        ] {
            accepts(key, ok);
        }
    }
    assert_eq!(
        cleeng_register::PersonName::parse("\u{3164}")
            .unwrap_err()
            .to_string(),
        "invalid name: must contain at least one visible character"
    );
}
