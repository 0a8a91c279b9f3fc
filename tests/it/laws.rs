//! Property laws: valid parts make valid requests; breaking exactly one rule gives exactly
//! that rule's code at that field; serde and Display round-trip; nothing panics; no message
//! repeats a submitted value.

use crate::util::gen::breakers;
use cleeng_register::strategies::*;
use cleeng_register::*;
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::{json, Value};

fn request_map(request: &RegisterRequest) -> serde_json::Map<String, Value> {
    match serde_json::to_value(request).unwrap() {
        Value::Object(map) => map,
        _ => unreachable!(),
    }
}

proptest! {
    // 512 cases each by default; PROPTEST_CASES overrides.
    #![proptest_config(ProptestConfig::with_cases(crate::util::cases(512)))]

    #[test]
    fn valid_parts_make_a_valid_request_that_round_trips(request in register_request()) {
        let body = serde_json::to_vec(&request).unwrap();
        let parsed = RegisterRequest::from_json(&body, &Policy::default());
        prop_assert_eq!(parsed.as_ref().ok(), Some(&request), "{:?}", parsed.as_ref().err());
        let via_serde: RegisterRequest = serde_json::from_slice(&body).unwrap();
        prop_assert_eq!(&via_serde, &request);
        // Serializing is deterministic.
        prop_assert_eq!(serde_json::to_vec(&via_serde).unwrap(), body);
    }

    #[test]
    fn breaking_one_rule_gives_exactly_that_code(request in register_request(), b in breakers()) {
        let mut map = request_map(&request);
        map.insert(b.key.to_owned(), b.value.clone());
        let found = crate::util::errors(&map);
        let pointer = format!("/{}", b.key);
        let expected: Vec<_> = b.codes.iter().map(|c| (pointer.clone(), *c)).collect();
        prop_assert_eq!(found, expected, "{} = {}", b.key, b.value);
    }

    #[test]
    fn an_unknown_key_gives_exactly_unknown_field(request in register_request(), key in "\\PC{0,12}") {
        prop_assume!(&key.parse::<Field>().is_err());
        let mut map = request_map(&request);
        map.insert(key.clone(), json!(1));
        let pointer = format!("/{}", key.replace('~', "~0").replace('/', "~1"));
        prop_assert_eq!(crate::util::errors(&map), vec![(pointer, "unknown_field")]);
    }

    #[test]
    fn domain_types_round_trip_through_display_and_serde(
        e in email(), o in offer_id(), p in publisher_id(), l in locale(), c in country(), cur in currency(),
        n in person_name(), x in external_id(), d in custom_data(), ip in customer_ip(), t in captcha_token(),
    ) {
        fn both<T>(v: &T) -> Result<(), TestCaseError>
        where
            T: std::fmt::Display + std::str::FromStr + serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
            <T as std::str::FromStr>::Err: std::fmt::Debug,
        {
            prop_assert_eq!(&v.to_string().parse::<T>().unwrap(), v);
            prop_assert_eq!(&serde_json::from_str::<T>(&serde_json::to_string(v).unwrap()).unwrap(), v);
            Ok(())
        }
        both(&e)?; both(&o)?; both(&p)?; both(&l)?; both(&c)?; both(&cur)?;
        both(&n)?; both(&x)?; both(&d)?; both(&ip)?; both(&t)?;
    }

    #[test]
    fn passwords_round_trip_through_serde(p in password()) {
        let text = serde_json::to_string(&p).unwrap();
        prop_assert_eq!(serde_json::from_str::<Password>(&text).unwrap(), p.clone());
        prop_assert_eq!(Password::parse(p.expose_secret()).unwrap(), p);
    }

    #[test]
    fn no_string_panics_any_constructor(s in "\\PC{0,100}|.{0,20}|[\\x00-\\x7f]{0,300}") {
        for key in ["email", "password", "offerId", "publisherId", "locale", "country", "currency", "firstName", "externalId", "externalData", "customerIP", "captchaValue"] {
            let _ = crate::util::construct(key, &s);
        }
        let _ = Email::parse_international(&s);
        let _ = RegisterRequest::from_json(s.as_bytes(), &Policy::default());
    }

    #[test]
    fn no_bytes_panic_the_body_reader(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let report = RegisterRequest::from_json(&bytes, &Policy::default()).unwrap_err();
        prop_assert!(!report.errors().is_empty());
    }

    #[test]
    fn no_message_repeats_a_submitted_value(values in proptest::collection::vec("\\PC{6,40}", 13)) {
        let mut map = serde_json::Map::new();
        for (field, v) in Field::ALL.iter().zip(&values) {
            map.insert(field.as_str().to_owned(), json!(v));
        }
        if let Err(report) = crate::util::check(&map) {
            for e in report.errors() {
                let shown = format!("{} {}", e, serde_json::to_string(e.params()).unwrap());
                for v in &values {
                    prop_assert!(!shown.contains(v.as_str()), "{} shows {:?}", shown, v);
                }
            }
        }
    }

    #[test]
    fn null_is_the_same_as_absent(request in register_request(), key in select(Field::ALL.to_vec())) {
        let mut absent = request_map(&request);
        absent.remove(key.as_str());
        let mut null = absent.clone();
        null.insert(key.as_str().to_owned(), Value::Null);
        prop_assert_eq!(crate::util::errors(&absent), crate::util::errors(&null));
    }
}
