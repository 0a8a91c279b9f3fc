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
        "jane@[8.8.8.8]",
        "jane@[IPv6:2606:4700::1111]",
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
        "a@[ipv6:2606:4700::1111]",
        "a@[IPV6:2606:4700::1111]",
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
        "a@a\u{200D}b.com",
        "a@bücher.123",
        "a\u{202E}b@example.com",
        "a\u{00A0}b@example.com",
        "a\u{2003}@example.com",
    ] {
        assert_eq!(
            errors_of(&check_with(&with("email", json!(bad)), &policy)),
            [("/email".to_owned(), "invalid_format")],
            "{bad}"
        );
    }
    // Inside quotes, RFC 6532 admits UTF-8 (but what the local part refuses anywhere).
    assert!(Email::parse_international("\"jané doe\"@example.com").is_ok());
}

#[test]
fn an_international_address_is_measured_in_utf8_bytes() {
    // 249 chars, 281 bytes: over RFC 5321's 254 octets.
    let domain = format!(
        "{}.{}.{}.{}",
        "a".repeat(63),
        "b".repeat(63),
        "c".repeat(63),
        "d".repeat(24)
    );
    let email = format!("{}@{domain}", "é".repeat(32));
    assert!(email.len() > 254 && email.chars().count() < 254);
    assert_eq!(international_codes(&email), ["too_long"]);
    assert_eq!(
        serde_json::to_value(
            check_with(&with("email", json!(email)), &international())
                .unwrap_err()
                .errors()[0]
                .params()
        )
        .unwrap(),
        json!({"max": 254})
    );
    // 254 chars, 256 bytes.
    let email = format!("é{}", &address_of(254)[1..]).replacen('l', "é", 1);
    assert_eq!(email.chars().count(), 254);
    assert!(email.len() > 254);
    assert_eq!(international_codes(&email), ["too_long"]);
    // Exactly 254 bytes passes.
    assert_eq!(international_codes(&address_of(254)), Vec::<&str>::new());
}

#[test]
fn an_international_local_part_is_at_most_64_bytes() {
    // 33 chars, 66 bytes.
    let local = "é".repeat(33);
    assert_eq!(
        international_codes(&format!("{local}@example.com")),
        ["too_long"]
    );
    assert_eq!(
        international_codes(&format!("\"{}\"@example.com", "é".repeat(32))),
        ["too_long"]
    );
    assert_eq!(
        international_codes(&format!("{}@example.com", "é".repeat(32))),
        Vec::<&str>::new()
    );
}

#[test]
fn an_international_domain_is_measured_as_its_a_labels() {
    // A label of 63 UTF-8 bytes whose A-label is over 63.
    let label = format!("{}üéöä", "a".repeat(55));
    assert_eq!(label.len(), 63);
    assert_eq!(international_codes(&format!("a@{label}.de")), ["too_long"]);
    // An ASCII label is its own A-label: over 63 bytes is too long too (and, under the ASCII
    // policy, an invalid host name, as before).
    let ascii_label = format!("a@{}.de", "b".repeat(64));
    assert_eq!(international_codes(&ascii_label), ["too_long"]);
    rejects("email", &ascii_label, &["invalid_format"]);
    // A domain of 182 bytes whose A-labels (`xn--tda`) make 482.
    let domain = format!("{}de", "ü.".repeat(60));
    assert!(domain.len() < 254);
    assert_eq!(international_codes(&format!("a@{domain}")), ["too_long"]);
}

fn international_codes(email: &str) -> Vec<&'static str> {
    let by_type: Vec<&'static str> = Email::parse_international(email).err().map_or(vec![], |e| {
        e.violations().map(|v| v.code.as_str()).collect()
    });
    let by_body: Vec<&'static str> =
        errors_of(&check_with(&with("email", json!(email)), &international()))
            .into_iter()
            .map(|(pointer, code)| {
                assert_eq!(pointer, "/email");
                code
            })
            .collect();
    assert_eq!(by_type, by_body, "{email:?}");
    by_type
}

#[test]
fn an_at_sign_inside_quotes_is_refused() {
    for bad in ["\"a@b\"@x.io", "\"a\\@b\"@x.io", "\"@\"@example.com"] {
        rejects("email", bad, &["invalid_format"]);
        assert_eq!(international_codes(bad), ["invalid_format"]);
    }
    accepts("email", "\"a b\"@x.io");
}

#[test]
fn an_address_literal_must_be_globally_reachable() {
    for bad in [
        "a@[127.0.0.1]",
        "a@[169.254.169.254]",
        "a@[IPv6:::1]",
        "a@[192.0.2.1]",
        "a@[0.0.0.0]",
        "a@[255.255.255.255]",
        "a@[10.0.0.1]",
        "a@[100.64.0.1]",
        "a@[198.18.0.1]",
        "a@[IPv6:fe80::1]",
        "a@[IPv6:fd00:ec2::254]",
        "a@[IPv6:::ffff:127.0.0.1]",
        "a@[IPv6:2001:db8::1]",
    ] {
        rejects("email", bad, &["invalid_format"]);
        assert_eq!(international_codes(bad), ["invalid_format"], "{bad}");
    }
    for ok in [
        "a@[8.8.8.8]",
        "a@[IPv6:2606:4700::1111]",
        "a@[ipv6:2606:4700::1111]",
    ] {
        accepts("email", ok);
    }
}

#[test]
fn a_domains_case_never_matters() {
    for ok in [
        "A@EXAMPLE.COM",
        "a@XN--MNCHEN-3YA.DE",
        "a@Xn--Mnchen-3ya.de",
    ] {
        accepts("email", ok);
        assert_eq!(international_codes(ok), Vec::<&str>::new(), "{ok}");
    }
    for ok in [
        "a@MÜNCHEN.de",
        "a@Sörensen.de",
        "a@BÜCHER.ch",
        "a@münchen.DE",
    ] {
        assert_eq!(international_codes(ok), Vec::<&str>::new(), "{ok}");
        rejects("email", ok, &["invalid_format"]);
    }
    // Mappings other than case still change what the customer typed.
    for bad in ["a@ＭÜNCHEN.de", "a@①.com"] {
        assert_eq!(international_codes(bad), ["invalid_format"], "{bad}");
    }
}

#[test]
fn an_international_local_part_holds_assigned_public_nfc_text() {
    for bad in [
        "a\u{fdef}@x.de",     // noncharacter
        "a\u{fffe}@x.de",     // noncharacter
        "a\u{e000}@x.de",     // private use
        "a\u{10fdef}@x.de",   // private use, plane 16
        "a\u{378}@x.de",      // unassigned
        "\u{301}a@x.de",      // a leading combining mark
        "jose\u{301}@x.de",   // NFD: NFC would compose it
        "\u{212b}@x.de",      // ANGSTROM SIGN: NFC maps it to U+00C5
        "\"a\u{e000}\"@x.de", // quotes hide nothing
        "\"e\u{301}\"@x.de",
    ] {
        assert_eq!(international_codes(bad), ["invalid_format"], "{bad:?}");
    }
    for ok in ["josé@x.de", "é@x.de", "\u{c5}@x.de", "\"jos\u{e9}\"@x.de"] {
        assert_eq!(international_codes(ok), Vec::<&str>::new(), "{ok:?}");
    }
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
fn quotes_hide_nothing() {
    // What a local part refuses outside quotes it refuses inside, under both policies: the
    // right-to-left override of `"\u{202e}moc.elgoog"@evil.com`, joiners, isolates, tags,
    // and White_Space but the plain space.
    let mut hidden = INVISIBLE.to_vec();
    hidden.extend([
        '\u{202e}',
        '\u{2066}',
        '\u{e0041}',
        '\u{a0}',
        '\u{2003}',
        '\u{85}',
        '\t',
    ]);
    for c in hidden {
        let bad = format!("\"a{c}b\"@example.com");
        assert_eq!(
            international_codes(&bad),
            ["invalid_format"],
            "U+{:04X}",
            c as u32
        );
        rejects("email", &bad, &["invalid_format"]);
    }
    assert_eq!(
        international_codes("\"\u{202e}moc.elgoog\"@evil.com"),
        ["invalid_format"]
    );
    assert_eq!(
        international_codes("\"a b\"@example.com"),
        Vec::<&str>::new()
    );
}
