use crate::util::*;
use cleeng_register::policy::CustomerIpRule;
use cleeng_register::{Advisory, CustomerIp, Policy};
use serde_json::json;

#[test]
fn addresses_as_std_parses_them() {
    for ok in [
        "8.8.8.8",
        "0.0.0.0",
        "255.255.255.255",
        "::",
        "::1",
        "2001:db8::1",
        "::ffff:1.2.3.4",
        "2001:DB8:0:0:0:0:0:1",
        "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255",
    ] {
        accepts("customerIP", ok);
    }
    for bad in [
        "",
        "01.2.3.4",
        "1.2.3.04",
        "1.2.3",
        "1.2.3.4.5",
        "256.1.1.1",
        "fe80::1%eth0",
        "fe80::1%1",
        "[::1]",
        " 1.2.3.4",
        "1.2.3.4 ",
        "1.2.3.4:80",
        "::ffff:01.2.3.4",
        "localhost",
        "0x7f.0.0.1",
        "1:2:3:4:5:6:7:8:9",
        "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.2555",
    ] {
        rejects("customerIP", bad, &["invalid_format"]);
    }
}

#[test]
fn the_text_is_kept_as_given() {
    let ip: CustomerIp = "2001:DB8::0001".parse().unwrap();
    assert_eq!(ip.as_str(), "2001:DB8::0001");
    assert_eq!(ip.addr().to_string(), "2001:db8::1");
}

fn public(s: &str) -> bool {
    s.parse::<CustomerIp>().unwrap().is_globally_reachable()
}

#[test]
fn special_purpose_ipv4_blocks_are_not_public() {
    for s in [
        "0.1.2.3",
        "10.0.0.1",
        "100.64.0.1",
        "100.127.255.255",
        "127.0.0.1",
        "169.254.1.1",
        "172.16.0.1",
        "172.31.255.255",
        "192.0.0.1",
        "192.0.2.1",
        "192.88.99.1",
        "192.168.1.1",
        "198.18.0.1",
        "198.19.255.255",
        "198.51.100.1",
        "203.0.113.1",
        "224.0.0.1",
        "239.255.255.255",
        "240.0.0.1",
        "255.255.255.255",
    ] {
        assert!(!public(s), "{s} should not be public");
    }
    for s in [
        "8.8.8.8",
        "1.1.1.1",
        "100.63.255.255",
        "100.128.0.0",
        "172.15.255.255",
        "172.32.0.0",
        "192.0.0.9",
        "192.0.0.10",
        "198.17.255.255",
        "198.20.0.0",
        "223.255.255.255",
        "192.31.196.1",
        "192.52.193.1",
    ] {
        assert!(public(s), "{s} should be public");
    }
}

#[test]
fn special_purpose_ipv6_blocks_are_not_public() {
    for s in [
        "::",
        "::1",
        "64:ff9b:1::1",
        "100::1",
        // The dummy prefix 100:0:0:1::/64 (RFC 9780), both ends.
        "100:0:0:1::",
        "100:0:0:1:ffff:ffff:ffff:ffff",
        "2001::1",
        "2001:2::1",
        "2001:db8::1",
        "2002::1",
        "3fff::1",
        "5f00::1",
        "fc00::1",
        "fd12:3456::1",
        "fe80::1",
        "febf::1",
        "ff02::1",
        "::ffff:10.0.0.1",
        "::ffff:127.0.0.1",
    ] {
        assert!(!public(s), "{s} should not be public");
    }
    for s in [
        "2606:4700::1111",
        "2a00:1450::1",
        "64:ff9b::808:808",
        "2001:1::1",
        "2001:1::2",
        "2001:3::1",
        "2001:4:112::1",
        "2001:20::1",
        "::ffff:8.8.8.8",
        "fec0::1",
        // Just past the discard-only and dummy prefixes.
        "100:0:0:2::1",
    ] {
        assert!(public(s), "{s} should be public");
    }
}

#[test]
fn advisories_follow_the_address() {
    let advisories = |map| check(&map).unwrap().advisories().iter().collect::<Vec<_>>();
    assert_eq!(advisories(typical()), []);
    assert_eq!(
        advisories(without("customerIP")),
        [Advisory::CustomerIpMissing]
    );
    assert_eq!(
        advisories(with("customerIP", json!(null))),
        [Advisory::CustomerIpMissing]
    );
    assert_eq!(
        advisories(with("customerIP", json!("192.168.0.1"))),
        [Advisory::CustomerIpNotPublic]
    );
    assert_eq!(
        advisories(with("country", json!("PL"))),
        [Advisory::OfferCountryMismatch]
    );
    let mut both = without("customerIP");
    both.insert("country".into(), json!("CA"));
    assert_eq!(
        advisories(both),
        [Advisory::CustomerIpMissing, Advisory::OfferCountryMismatch]
    );
    // The set's size agrees with its contents.
    let set = |map| check(&map).unwrap().advisories();
    let none = set(typical());
    assert_eq!((none.len(), none.is_empty()), (0, true));
    let one = set(without("customerIP"));
    assert_eq!((one.len(), one.is_empty()), (1, false));
    let mut two = without("customerIP");
    two.insert("country".into(), json!("CA"));
    let two = set(two);
    assert_eq!((two.len(), two.is_empty()), (2, false));
    assert!(
        two.contains(Advisory::OfferCountryMismatch)
            && !two.contains(Advisory::CustomerIpNotPublic)
    );
    // No offer, no mismatch.
    let mut publisher = without("offerId");
    publisher.insert("publisherId".into(), json!("123456789"));
    publisher.insert("country".into(), json!("PL"));
    assert_eq!(advisories(publisher), []);
}

#[test]
fn policy_can_require_the_address() {
    let required = Policy::builder()
        .customer_ip(CustomerIpRule::Required)
        .build()
        .unwrap();
    assert_eq!(
        errors_of(&check_with(&without("customerIP"), &required)),
        [("/customerIP".into(), "missing")]
    );
    assert!(check_with(&typical(), &required).is_ok());

    let us_ca = Policy::builder()
        .customer_ip(CustomerIpRule::RequiredFor(vec![
            "US".parse().unwrap(),
            "CA".parse().unwrap(),
        ]))
        .build()
        .unwrap();
    assert_eq!(
        errors_of(&check_with(&without("customerIP"), &us_ca)),
        [("/customerIP".into(), "missing")]
    );
    let mut pl = without("customerIP");
    pl.insert("country".into(), json!("PL"));
    assert!(check_with(&pl, &us_ca).is_ok());
    // With an invalid country it cannot be known whether requiredFor applies.
    pl.insert("country".into(), json!("XX"));
    assert_eq!(
        errors_of(&check_with(&pl, &us_ca)),
        [("/country".into(), "unknown_code")]
    );
    // "required" does not depend on the country: an invalid or absent one silences nothing.
    for country in [Some(json!("XK")), Some(json!(7)), None] {
        let mut body = without("customerIP");
        match country {
            Some(c) => body.insert("country".into(), c),
            None => body.remove("country"),
        };
        let found = errors_of(&check_with(&body, &required));
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].0, "/country");
        assert_eq!(found[1], ("/customerIP".into(), "missing"));
    }
}

#[test]
fn fallback_address_fills_only_an_absent_customer_ip() {
    let peer: CustomerIp = "203.0.113.7".parse().unwrap();
    let policy = Policy::default();
    let fill = |map: &serde_json::Map<String, serde_json::Value>, policy: &Policy| {
        cleeng_register::RegisterRequest::from_json_with_fallback_ip(
            &bytes(map),
            policy,
            Some(peer),
        )
    };
    // Absent or null: filled, and it counts for the advisories (a documentation address).
    for map in [without("customerIP"), with("customerIP", json!(null))] {
        let request = fill(&map, &policy).unwrap();
        assert_eq!(request.customer_ip(), Some(peer));
        assert!(request.advisories().contains(Advisory::CustomerIpNotPublic));
        assert!(!request.advisories().contains(Advisory::CustomerIpMissing));
    }
    // A given address is never replaced, valid or not.
    let given = fill(&typical(), &policy).unwrap();
    assert_eq!(
        given.customer_ip().map(|ip| ip.to_string()),
        Some("8.8.8.8".into())
    );
    let invalid = fill(&with("customerIP", json!("1.2.3")), &policy);
    assert_eq!(
        errors_of(&invalid),
        [("/customerIP".to_owned(), "invalid_format")]
    );
    let wrong_type = fill(&with("customerIP", json!(7)), &policy);
    assert_eq!(
        errors_of(&wrong_type),
        [("/customerIP".to_owned(), "not_a_string")]
    );
    // A filled address satisfies a policy that requires one.
    let required = Policy::builder()
        .customer_ip(CustomerIpRule::Required)
        .build()
        .unwrap();
    assert!(fill(&without("customerIP"), &required).is_ok());
    assert!(check_with(&without("customerIP"), &required).is_err());
    // Without a fallback, nothing is filled.
    let none = cleeng_register::RegisterRequest::from_json_with_fallback_ip(
        &bytes(&without("customerIP")),
        &policy,
        None,
    )
    .unwrap();
    assert_eq!(none.customer_ip(), None);
}

#[test]
fn near_misses_of_special_blocks_are_public() {
    // Each matches one part of a block's rule but not the whole of it.
    for s in [
        "100.1.1.1",
        "8.100.1.1",
        "169.1.1.1",
        "8.254.1.1",
        "172.1.1.1",
        "8.20.1.1",
        "192.1.0.1",
        "192.0.1.1",
        "8.0.0.1",
        "192.0.3.1",
        "8.0.2.1",
        "192.88.1.1",
        "192.1.99.1",
        "8.88.99.1",
        "192.1.1.1",
        "8.168.1.1",
        "198.1.1.1",
        "8.18.1.1",
        "8.19.1.1",
        "198.51.1.1",
        "198.1.100.1",
        "8.51.100.1",
        "203.0.1.1",
        "203.1.113.1",
        "8.0.113.1",
        "223.0.0.1",
    ] {
        assert!(public(s), "{s} should be public");
    }
    for s in [
        "64:ff9b:2::1",
        "64:ff9a:1::1",
        "65:ff9b:1::1",
        "100:1::1",
        "100:0:1::1",
        "100:0:0:2::1",
        "101::1",
        "100:0:1:1::1",
        "2001:200::1",
        "2001:db9::1",
        "2400:db8::1",
        "2003::1",
        "3fef::1",
        "4fff::1",
        "5f01::1",
        "fbff::1",
        "fe00::1",
        "fec0::1",
        "feff::1",
    ] {
        assert!(public(s), "{s} should be public");
    }
}

#[test]
fn near_misses_of_the_ietf_block_exceptions_are_not_public() {
    // Inside 2001::/23 but not one of its globally reachable exceptions.
    for s in [
        "2001:4:113::1",
        "2001:5:112::1",
        "2001:1::4",
        "2001:2::1",
        "2001:1f::1",
        "2001:40::1",
        "2001:1ff::1",
    ] {
        assert!(!public(s), "{s} should not be public");
    }
}
