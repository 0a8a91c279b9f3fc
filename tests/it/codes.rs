//! offerId, publisherId, locale, country, currency.

use crate::util::*;
use cleeng_register::*;
use serde_json::json;

#[test]
fn offer_id_shape_kind_and_country() {
    for (id, kind) in [
        ("S565568989_US", OfferKind::Subscription),
        ("P000000000_PL", OfferKind::Pass),
        ("E123456789_DE", OfferKind::LiveEvent),
        ("R999999999_GB", OfferKind::Rental),
        ("A111111111_US", OfferKind::SinglePurchase),
    ] {
        accepts("offerId", id);
        assert_eq!(OfferId::parse(id).unwrap().kind(), kind);
        assert_eq!(OfferId::parse(id).unwrap().country().as_str(), &id[11..]);
    }
    for bad in [
        "",
        "S56556898_US",
        "S5655689890_US",
        "S565568989US",
        "S565568989-US",
        "s565568989_US",
        "S565568989_us",
        "S565568989_U",
        "S565568989_USA",
        "SS65568989_US",
        "1565568989_US",
        "S５65568989_US",
        " S565568989_US",
    ] {
        rejects("offerId", bad, &["invalid_format"]);
    }
    for letter in "BCDFGHIJKLMNOQTUVWXYZ".chars() {
        rejects(
            "offerId",
            &format!("{letter}565568989_US"),
            &["unknown_offer_type"],
        );
    }
    rejects("offerId", "S565568989_XX", &["unknown_code"]);
    rejects("offerId", "S565568989_UK", &["unknown_code"]);
    assert_eq!(
        params("offerId", json!("S565568989_UK")),
        json!({"suggestion": "GB"})
    );
}

#[test]
fn offer_rules_are_checked_in_order() {
    // A bad letter and a bad country: the type comes first.
    rejects("offerId", "X565568989_XX", &["unknown_offer_type"]);
    // A bad shape hides both.
    rejects("offerId", "X56556898_XX", &["invalid_format"]);
}

#[test]
fn publisher_id_is_exactly_nine_digits() {
    accepts("publisherId", "123456789");
    accepts("publisherId", "000000001");
    for bad in [
        "",
        "12345678",
        "1234567890",
        "12345678a",
        " 123456789",
        "１23456789",
        "-12345678",
    ] {
        rejects("publisherId", bad, &["invalid_format"]);
    }
    assert_eq!(
        errors(&with("publisherId", json!(123456789))),
        [("/publisherId".into(), "not_a_string")]
    );
}

#[test]
fn locale_is_language_with_optional_region() {
    for ok in ["en_US", "pl_PL", "fil", "en", "fil_PH"] {
        accepts("locale", ok);
    }
    for bad in [
        "en-US", "EN_us", "en_us", "EN", "e", "engl", "en_USA", "en_U", "", "en_", "_US", " en",
    ] {
        rejects("locale", bad, &["invalid_format"]);
    }
    let l: Locale = "fil_PH".parse().unwrap();
    assert_eq!((l.language(), l.region()), ("fil", Some("PH")));
    assert_eq!(l.language_identifier().to_string(), "fil-PH");
    assert_eq!("fil".parse::<Locale>().unwrap().region(), None);
}

#[test]
fn locale_region_is_an_assigned_country_code() {
    // The region follows country's rules, and is checked before the language.
    for ok in ["en_GB", "pl_PL", "fil_AQ", "en_AX"] {
        accepts("locale", ok);
    }
    for unknown in ["en_UK", "zz_ZZ", "en_XK", "en_EU", "en_AA"] {
        rejects("locale", unknown, &["unknown_code"]);
    }
    assert_eq!(
        params("locale", json!("en_UK")),
        json!({"suggestion": "GB"})
    );
    assert_eq!(params("locale", json!("zz_ZZ")), json!({}));
    let report = check(&with("locale", json!("en_UK"))).unwrap_err();
    assert_eq!(
        report.errors()[0].to_string(),
        "locale must have an ISO 639 language code and an assigned ISO 3166-1 alpha-2 region (did you mean GB?)"
    );
    // The format comes first: en-UK is invalid_format, not unknown_code.
    rejects("locale", "en-UK", &["invalid_format"]);
    // An unknown region is not also "not supported" by an allow-list.
    let policy = Policy::builder()
        .allowed_locales(["pl_PL".parse().unwrap()])
        .build()
        .unwrap();
    assert_eq!(
        errors_of(&check_with(&with("locale", json!("en_UK")), &policy)),
        [("/locale".into(), "unknown_code")]
    );
}

#[test]
fn locale_allow_list_gives_not_supported() {
    let policy = Policy::builder()
        .allowed_locales(["pl_PL".parse().unwrap()])
        .build()
        .unwrap();
    assert!(check_with(&with("locale", json!("pl_PL")), &policy).is_ok());
    assert_eq!(
        errors_of(&check_with(&typical(), &policy)),
        [("/locale".into(), "not_supported")]
    );
    // The format is checked first; an invalid locale is not also "not supported".
    assert_eq!(
        errors_of(&check_with(&with("locale", json!("pl-PL")), &policy)),
        [("/locale".into(), "invalid_format")]
    );
}

#[test]
fn country_is_an_assigned_alpha2_code() {
    for ok in ["US", "PL", "GB", "DE", "AX", "SS"] {
        accepts("country", ok);
    }
    for bad in ["us", "Us", "USA", "U", "", "1A", " US", "ＵＳ"] {
        rejects("country", bad, &["invalid_format"]);
    }
    for unassigned in ["XX", "ZZ", "AA", "EU", "UK", "XK"] {
        rejects("country", unassigned, &["unknown_code"]);
    }
    assert_eq!(params("country", json!("UK")), json!({"suggestion": "GB"}));
    assert_eq!(params("country", json!("XX")), json!({}));
}

#[test]
fn every_isocountry_code_is_accepted_and_round_trips() {
    let all: Vec<_> = CountryCode::all().collect();
    assert_eq!(all.len(), 249);
    for c in all {
        assert_eq!(CountryCode::parse(c.as_str()), Ok(c));
    }
}

#[test]
fn currency_is_a_circulating_iso_4217_code() {
    for ok in [
        "EUR", "USD", "PLN", "GBP", "JPY", "VED", "VES", "ZWG", "SLE", "XCG",
    ] {
        accepts("currency", ok);
    }
    for bad in ["eur", "Eur", "EU", "EURO", "", "E1R", " EUR"] {
        rejects("currency", bad, &["invalid_format"]);
    }
    // superseded, fund, special, unknown
    for unknown in [
        "HRK", "BGN", "ANG", "ZWL", "CUC", "SLL", "BOV", "CHE", "USN", "XAU", "XTS", "XXX", "XDR",
        "ABC",
    ] {
        rejects("currency", unknown, &["unknown_code"]);
    }
    assert!(Currency::all().all(|c| !c.iso().is_fund() && !c.iso().is_special()));
    assert!(Currency::all().any(|c| c.as_str() == "EUR"));
}

#[test]
fn every_superseded_flag_of_iso_currency_has_a_tested_verdict() {
    use iso_currency::IntoEnumIterator;
    let flagged: Vec<&str> = iso_currency::Currency::iter()
        .filter(|c| c.is_superseded().is_some())
        .map(|c| c.code())
        .collect();
    let judged: Vec<&str> = Currency::SUPERSEDED_VERDICTS.iter().map(|v| v.0).collect();
    // A code iso_currency newly flags (or unflags) must get a verdict, with its reason.
    let mut a = flagged.clone();
    let mut b = judged.clone();
    a.sort_unstable();
    b.sort_unstable();
    assert_eq!(a, b);
    for (code, accepted, reason) in Currency::SUPERSEDED_VERDICTS {
        assert!(!reason.is_empty());
        assert_eq!(Currency::parse(code).is_ok(), accepted, "{code}: {reason}");
        let expected: &[&str] = if accepted { &[] } else { &["unknown_code"] };
        let found = errors_of(&check(&with("currency", json!(code))));
        assert_eq!(
            found.iter().map(|e| e.1).collect::<Vec<_>>(),
            expected,
            "{code}"
        );
    }
}

#[test]
fn currency_allow_list_gives_not_supported() {
    let policy = Policy::builder()
        .allowed_currencies(["EUR".parse().unwrap(), "PLN".parse().unwrap()])
        .build()
        .unwrap();
    assert!(check_with(&with("currency", json!("PLN")), &policy).is_ok());
    assert_eq!(
        errors_of(&check_with(&typical(), &policy)),
        [("/currency".into(), "not_supported")]
    );
    assert_eq!(
        errors_of(&check_with(&with("currency", json!("HRK")), &policy)),
        [("/currency".into(), "unknown_code")]
    );
}

#[test]
fn a_country_has_its_english_name() {
    let name = |code: &str| code.parse::<CountryCode>().unwrap().name();
    assert_eq!(name("PL"), "Poland");
    assert_eq!(
        name("GB"),
        "United Kingdom of Great Britain and Northern Ireland"
    );
}

#[test]
fn a_currency_has_its_english_name_and_any_three_capitals_are_looked_up_safely() {
    assert_eq!("EUR".parse::<Currency>().unwrap().name(), "Euro");
    assert_eq!("PLN".parse::<Currency>().unwrap().name(), "Polish złoty");
    // The table's corners: the first and last three capitals, and codes near them.
    for unknown in ["AAA", "AAZ", "ABA", "ZZZ", "ZZA", "QQQ"] {
        rejects("currency", unknown, &["unknown_code"]);
    }
}

#[test]
fn an_offer_kind_names_what_it_sells() {
    let kinds: Vec<String> = OfferKind::ALL
        .iter()
        .map(|k| format!("{} {k}", k.letter()))
        .collect();
    assert_eq!(
        kinds,
        [
            "S subscription",
            "P pass",
            "E live event",
            "R rental",
            "A single purchase"
        ]
    );
}

#[test]
fn an_offer_id_has_its_parts() {
    let offer: OfferId = "R123456789_PL".parse().unwrap();
    assert_eq!(offer.number(), "123456789");
    assert_eq!(offer.kind(), OfferKind::Rental);
    assert_eq!(offer.country().as_str(), "PL");
}

#[test]
fn locale_language_is_an_iso_639_code_for_a_language() {
    for ok in [
        "fil", "pt", "zh", "en", "pl", "pt_BR", "zh_CN", "fil_PH", "deu_DE", "cmn",
    ] {
        accepts("locale", ok);
    }
    // Unassigned codes, ISO 639-2's special-purpose codes, the local-use range.
    for unknown in [
        "qq", "zz", "zz_PL", "qq_US", "xyz_AQ", "und", "und_US", "mis", "mul", "zxx", "qaa", "qtz",
        "qab_PL",
    ] {
        rejects("locale", unknown, &["unknown_code"]);
        assert_eq!(params("locale", json!(unknown)), json!({}), "{unknown}");
    }
    // Deprecated codes suggest the language that replaced them, the subtag to change (as
    // en_UK suggests GB).
    for (deprecated, preferred) in [
        ("iw_IL", "he"),
        ("iw", "he"),
        ("in_ID", "id"),
        ("ji", "yi"),
        ("jw_ID", "jv"),
        ("mo", "ro"),
        ("ger_DE", "de"),
    ] {
        rejects("locale", deprecated, &["unknown_code"]);
        assert_eq!(
            params("locale", json!(deprecated)),
            json!({ "suggestion": preferred }),
            "{deprecated}"
        );
        let replaced = deprecated.replacen(
            &deprecated[..deprecated.find('_').unwrap_or(deprecated.len())],
            preferred,
            1,
        );
        accepts("locale", &replaced);
    }
    let report = check(&with("locale", json!("iw_IL"))).unwrap_err();
    assert_eq!(
        report.errors()[0].to_string(),
        "locale must have an ISO 639 language code and an assigned ISO 3166-1 alpha-2 region (did you mean he?)"
    );
    // The region's rule comes first.
    assert_eq!(
        params("locale", json!("iw_UK")),
        json!({"suggestion": "GB"})
    );
    assert_eq!(params("locale", json!("iw_XX")), json!({}));
    // An unknown language is not also "not supported" by an allow-list, and a policy cannot
    // list one.
    let policy = Policy::builder()
        .allowed_locales(["pl_PL".parse().unwrap()])
        .build()
        .unwrap();
    assert_eq!(
        errors_of(&check_with(&with("locale", json!("iw_IL")), &policy)),
        [("/locale".into(), "unknown_code")]
    );
    assert!("und".parse::<Locale>().is_err());
}
