use crate::util::*;
use cleeng_register::{Email, Policy};
use serde_json::json;

#[test]
fn ordinary_addresses_are_accepted() {
    for ok in [
        "jane.doe@example.com",
        "jane+tag@mail.example.co.uk",
        "o'brien@example.ie",
        "\"jane doe\"@example.com",
        "\"a@b\"@example.com",
        "jane@[192.0.2.1]",
        "jane@[IPv6:2001:db8::1]",
        "j@x.io",
        "jane@xn--bcher-kva.de",
        "jane@a-b.c-d.example",
        "1@2.c3",
        "jane@example.c0m",
        // An empty quoted local part and a quoted space are valid RFC 5322.
        "\"\"@example.com",
        "\"\\ \"@example.com",
        "\"a\\\"b\"@example.com",
        // The IPv6 tag of an address literal is case-insensitive (RFC 5321).
        "a@[ipv6:::1]",
        "a@[IPV6:2001:db8::1]",
    ] {
        accepts("email", ok);
    }
}

fn address_of(chars: usize) -> String {
    // 64-char local part, labels of at most 63 chars.
    let mut domain = String::new();
    let mut left = chars - 65;
    while left > 0 {
        let label = left.min(63);
        if !domain.is_empty() {
            domain.push('.');
            left -= 1;
        }
        let label = label.min(left);
        domain.push_str(&"d".repeat(label));
        left -= label;
    }
    let email = format!("{}@{domain}", "l".repeat(64));
    assert_eq!(email.chars().count(), chars);
    email
}

#[test]
fn length_limit_is_254_chars() {
    accepts("email", &address_of(254));
    rejects("email", &address_of(255), &["too_long"]);
    assert_eq!(params("email", json!(address_of(255))), json!({"max": 254}));
}

#[test]
fn too_long_is_reported_before_the_format() {
    rejects("email", &"x".repeat(300), &["too_long"]);
}

#[test]
fn display_names_comments_and_dotless_domains_are_refused() {
    for bad in [
        "Jane <jane@example.com>",
        "<jane@example.com>",
        // email_address 0.2.10 accepts a blank display name; the crate must not.
        " <jane@example.com>",
        "  <!@0.0>",
        "jane(work)@example.com",
        "jane@example.com (Jane)",
        "a@localhost",
        "jane@example",
        "",
        "@example.com",
        "jane@",
        "jane",
        "jane..doe@example.com",
        ".jane@example.com",
        "jane.@example.com",
        "jane@example..com",
        "jane@-example.com",
        "jane@example.com.",
        " jane@example.com",
        "jane@example.com ",
        "ja ne@example.com",
        "jane@exa mple.com",
        "jane@@example.com",
        // Domain literals must hold an address.
        "jane@[example]",
        "jane@[300.1.1.1]",
        "jane@[2001:db8::1]",
        "jane@[IPv6:1.2.3.4]",
        "jane@[]",
        // Domains are host names.
        "jane@ex_ample.com",
        "jane@exa!mple.com",
        "jane@ab--cd.com",
        // No control characters, even where RFC 5322 quoting would allow them.
        "\"ja\tne\"@example.com",
        // An IP address must be a literal: the last label of a host name is never all digits.
        "u@123.45.67.89",
        "1@2.3",
        "a@example.123",
        // Quoted strings: an unescaped quote or backslash, a dangling escape.
        "\"a\"b\"@example.com",
        "\"a\\\"@example.com",
        "\"@example.com",
        // A-labels: valid Punycode, in lowercase as IDNA2008 writes them.
        "a@XN--bcher-kva.ch",
        "a@xn--zz-.com",
        "a@xn--a.com",
    ] {
        rejects("email", bad, &["invalid_format"]);
    }
}

#[test]
fn an_ascii_address_is_not_international() {
    let email: Email = "jane@example.com".parse().unwrap();
    assert!(!email.is_international());
    assert!(!Email::parse_international("jane@example.com")
        .unwrap()
        .is_international());
}

#[test]
fn utf8_needs_the_international_policy() {
    rejects("email", "josé@example.com", &["invalid_format"]);
    rejects("email", "jane@bücher.de", &["invalid_format"]);
    let policy = Policy::builder()
        .allow_international_email(true)
        .build()
        .unwrap();
    for ok in ["josé@example.com", "jane@bücher.de", "用户@例子.广告"] {
        assert!(
            check_with(&with("email", json!(ok)), &policy).is_ok(),
            "{ok}"
        );
        assert!(Email::parse_international(ok).unwrap().is_international());
    }
}

fn international() -> Policy {
    Policy::builder()
        .allow_international_email(true)
        .build()
        .unwrap()
}

#[test]
fn international_domains_convert_under_uts46() {
    let policy = international();
    // Virama, Persian ZWNJ where IDNA2008's context rule allows it, A-labels, and a label
    // whose UTF-8 is over 63 bytes while its A-label fits.
    let long_label = "ह".repeat(22);
    assert!(long_label.len() > 63);
    for ok in [
        "a@हिन्दी.भारत".to_owned(),
        "a@\u{0646}\u{0627}\u{0645}\u{0647}\u{200C}\u{0627}\u{06CC}.com".to_owned(),
        "a@bücher.ch".to_owned(),
        // ASCII labels beside U-labels keep their case-insensitivity.
        "a@bücher.CH".to_owned(),
        "a@xn--bcher-kva.ch".to_owned(),
        format!("a@{long_label}.com"),
    ] {
        assert!(
            check_with(&with("email", json!(ok)), &policy).is_ok(),
            "{ok}"
        );
    }
    // Characters UTS 46 would map to other text, joiners out of context, uppercase U-labels,
    // and hidden characters outside quotes in the local part.
    for bad in [
        "a@①.com",
        "a@ｅｘａｍｐｌｅ.com",
        "a@ⅻ.com",
        "a@BÜCHER.ch",
        "a@a\u{200D}b.com",
        "a@bücher.123",
        "a\u{202E}b@example.com",
        "a\u{00A0}b@example.com",
        "a\u{2003}@example.com",
        "a@XN--bcher-kva.ch",
    ] {
        assert_eq!(
            errors_of(&check_with(&with("email", json!(bad)), &policy)),
            [("/email".to_owned(), "invalid_format")],
            "{bad}"
        );
    }
    // Inside quotes, RFC 6532 admits any UTF-8 but controls.
    assert!(Email::parse_international("\"jané doe\"@example.com").is_ok());
}

#[test]
fn the_length_limit_counts_chars_not_bytes() {
    // 249 chars, 281 bytes.
    let domain = format!(
        "{}.{}.{}.{}",
        "a".repeat(63),
        "b".repeat(63),
        "c".repeat(63),
        "d".repeat(24)
    );
    let email = format!("{}@{domain}", "é".repeat(32));
    assert!(email.len() > 254 && email.chars().count() < 254);
    assert!(Email::parse_international(&email).is_ok());
}

#[test]
fn parts_are_split_at_the_last_at_sign() {
    let email: Email = "\"a@b\"@example.com".parse().unwrap();
    assert_eq!(email.local_part(), "\"a@b\"");
    assert_eq!(email.domain(), "example.com");
}

/// The invisible characters of issue #19: each alone as a local part displays as `@x.de`.
const INVISIBLE: [char; 6] = [
    '\u{200e}', // LRM, Bidi_Control
    '\u{200f}', // RLM, Bidi_Control
    '\u{61c}',  // ALM, Bidi_Control
    '\u{200b}', // zero width space, Default_Ignorable_Code_Point
    '\u{ad}',   // soft hyphen, Default_Ignorable_Code_Point
    '\u{feff}', // byte order mark, Default_Ignorable_Code_Point
];

#[test]
fn invisible_characters_are_refused_in_an_international_local_part() {
    let policy = international();
    let invalid = [("/email".to_owned(), "invalid_format")];
    for c in INVISIBLE {
        for bad in [
            format!("{c}@x.de"),
            format!("jane{c}@example.com"),
            format!("ja{c}ne.doe@example.com"),
            format!("{c}josé@example.com"),
        ] {
            assert_eq!(
                errors_of(&check_with(&with("email", json!(bad)), &policy)),
                invalid,
                "U+{:04X} in {bad:?}",
                c as u32
            );
            assert!(Email::parse_international(&bad).is_err());
            // Without the policy, any non-ASCII is refused.
            rejects("email", &bad, &["invalid_format"]);
        }
    }
}

#[test]
fn joiners_and_variation_selectors_are_refused_in_a_local_part() {
    // Default_Ignorable_Code_Point: no rule for mail local parts gives ZWNJ or ZWJ a role
    // (IDNA2008's CONTEXTJ is for domain labels), and a variation selector is invisible too.
    for hidden in [
        "\u{200c}",
        "\u{200d}",
        "\u{2060}",
        "\u{fe0f}",
        "\u{e0041}",
        "\u{3164}",
    ] {
        let bad = format!("a{hidden}b@example.com");
        assert!(Email::parse_international(&bad).is_err(), "{bad:?}");
    }
    // Their visible neighbours, and the symbol without its selector, are accepted.
    for ok in [
        "\u{2764}@example.com",
        "\u{645}\u{6cc}@example.com",
        "a\u{2010}b@example.com",
    ] {
        assert!(Email::parse_international(ok).is_ok(), "{ok:?}");
    }
}

#[test]
fn inside_quotes_only_controls_are_refused() {
    // RFC 6532 `qtext` admits any UTF-8 but controls; the invisible-character rule is for
    // the local part outside quotes, as the docs say.
    for c in INVISIBLE {
        assert!(Email::parse_international(&format!("\"a{c}b\"@example.com")).is_ok());
    }
    assert!(Email::parse_international("\"a\u{85}b\"@example.com").is_err());
}
