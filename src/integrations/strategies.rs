//! proptest strategies that generate valid values of every domain type and valid whole
//! requests, for property tests in this crate and downstream (feature `proptest`).
//!
//! ```
//! use proptest::prelude::*;
//! use cleeng_register::{strategies, Policy, RegisterRequest};
//!
//! proptest!(|(request in strategies::register_request())| {
//!     let body = serde_json::to_vec(&request).unwrap();
//!     prop_assert_eq!(RegisterRequest::from_json(&body, &Policy::default()).unwrap(), request);
//! });
//! ```

use proptest::collection::{btree_map, vec};
use proptest::prelude::*;
use proptest::sample::select;

use crate::field::Field;
use crate::policy::Policy;
use crate::request::{OfferOrPublisher, RegisterRequest};
use crate::value::{
    CaptchaToken, CountryCode, Currency, CustomData, CustomerIp, Email, ExternalId, Locale,
    OfferId, OfferKind, Password, PersonName, PublisherId,
};

/// A strategy for one of this module's own patterns, which are all valid.
fn regex(pattern: &str) -> proptest::string::RegexGeneratorStrategy<String> {
    proptest::string::string_regex(pattern).expect("the module's patterns are valid")
}

/// Turns generated text into the type, discarding (never expected) rejects.
fn parsed<T>(
    text: impl Strategy<Value = String>,
    parse: fn(&str) -> Result<T, crate::error::ValueError>,
) -> impl Strategy<Value = T>
where
    T: std::fmt::Debug,
{
    text.prop_filter_map("generated text must parse", move |s| parse(&s).ok())
}

/// ASCII addresses: dot-atom local parts with the RFC 5322 `atext` punctuation, or quoted
/// local parts; host names of two to four labels, or an IPv4 domain literal.
pub fn email() -> impl Strategy<Value = Email> {
    let atom = "[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]{1,12}";
    let dot_atom = vec(atom, 1..4).prop_map(|atoms| atoms.join("."));
    // Quoted strings, empty ones and quoted pairs included; not a quoted space, which the
    // crate accepts (RFC 5322) and some schema validators' email format refuses.
    // No `@` inside quotes, quoted or escaped: the crate refuses it.
    let quoted = "\"([a-zA-Z0-9 .(),:;<>\\[\\]]|\\\\[!-?A-~]){0,12}\"";
    let local = prop_oneof![4 => dot_atom, 1 => quoted.prop_map(String::from)];
    let label = "[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?";
    // The last label of a host name is never all digits.
    let top = "[a-z]([a-z0-9-]{0,10}[a-z0-9])?";
    let host =
        (vec(label, 1..4), top).prop_map(|(labels, top)| format!("{}.{top}", labels.join(".")));
    // Globally reachable literals: a first octet of 11 to 99 is outside every special range.
    let literal =
        (11u8..100, any::<[u8; 3]>()).prop_map(|(a, [b, c, d])| format!("[{a}.{b}.{c}.{d}]"));
    let domain = prop_oneof![9 => host, 1 => literal];
    parsed(
        (local, domain).prop_map(|(l, d)| format!("{l}@{d}")),
        Email::parse,
    )
}

/// Characters that are neither control characters nor White_Space: letters, marks, numbers,
/// punctuation, symbols, from every script.
const VISIBLE: &str = "[\\p{L}\\p{M}\\p{N}\\p{P}\\p{S}&&\\P{Default_Ignorable_Code_Point}]";

/// Passwords of 8 to 80 characters with at least one letter and one digit or special, the
/// rest drawn from all of Unicode's visible characters and spaces.
pub fn password() -> impl Strategy<Value = Password> {
    let letter = "\\p{Alphabetic}";
    let digit_or_special = Password::DIGIT_OR_SPECIAL_CLASS;
    let filler = regex(&format!("({VISIBLE}| ){{6,78}}"));
    let text = (letter, filler, digit_or_special, any::<bool>()).prop_map(|(l, f, d, swap)| {
        if swap {
            format!("{d}{f}{l}")
        } else {
            format!("{l}{f}{d}")
        }
    });
    parsed(text, Password::parse)
}

/// Any assigned country.
pub fn country() -> impl Strategy<Value = CountryCode> {
    select(CountryCode::all().collect::<Vec<_>>())
}

/// Any circulating currency.
pub fn currency() -> impl Strategy<Value = Currency> {
    select(Currency::all().collect::<Vec<_>>())
}

/// Any offer kind.
pub fn offer_kind() -> impl Strategy<Value = OfferKind> {
    select(OfferKind::ALL.to_vec())
}

/// Offer ids of every kind and country.
pub fn offer_id() -> impl Strategy<Value = OfferId> {
    let text = (offer_kind(), "[0-9]{9}", country())
        .prop_map(|(k, n, c)| format!("{}{n}_{c}", k.letter()));
    parsed(text, OfferId::parse)
}

/// Publisher ids, leading zeros included.
pub fn publisher_id() -> impl Strategy<Value = PublisherId> {
    parsed("[0-9]{9}".prop_map(String::from), PublisherId::parse)
}

/// An offer, a publisher, or both.
pub fn offer_or_publisher() -> impl Strategy<Value = OfferOrPublisher> {
    prop_oneof![
        offer_id().prop_map(OfferOrPublisher::Offer),
        publisher_id().prop_map(OfferOrPublisher::Publisher),
        (offer_id(), publisher_id())
            .prop_map(|(offer, publisher)| OfferOrPublisher::Both { offer, publisher }),
    ]
}

/// Locales with and without a region (an assigned country code), in an ISO 639 language.
pub fn locale() -> impl Strategy<Value = Locale> {
    let region = proptest::option::of(country());
    let language = proptest::sample::select(crate::value::locale::languages());
    parsed(
        (language, region).prop_map(|(language, region)| match region {
            Some(region) => format!("{language}_{region}"),
            None => language,
        }),
        Locale::parse,
    )
}

/// Free text of 1 to `max` characters: visible characters from every script, with spaces and
/// the joiners ZWNJ and ZWJ (which Persian, Indic and emoji names need) inside but not at the
/// ends.
fn free_text(max: usize) -> impl Strategy<Value = String> {
    let many = format!(
        "{VISIBLE}({VISIBLE}|[ \\x{{200C}}\\x{{200D}}]){{0,{}}}{VISIBLE}",
        max - 2
    );
    prop_oneof![1 => regex(VISIBLE), 9 => regex(&many)]
}

/// Person names of 1 to 50 characters.
pub fn person_name() -> impl Strategy<Value = PersonName> {
    parsed(free_text(PersonName::MAX_CHARS), PersonName::parse)
}

/// External ids of 1 to 255 characters.
pub fn external_id() -> impl Strategy<Value = ExternalId> {
    parsed(free_text(ExternalId::MAX_CHARS), ExternalId::parse)
}

/// Captcha tokens of printable ASCII.
pub fn captcha_token() -> impl Strategy<Value = CaptchaToken> {
    parsed("[!-~]{1,300}".prop_map(String::from), CaptchaToken::parse)
}

/// Any JSON value nested at most `depth` levels deep: for `externalData`, and for other
/// documents that hold free JSON (a JWT's claims).
pub fn json_value(depth: u32) -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-1e12f64..1e12).prop_map(Value::from),
        ".{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(depth, 32, 4, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..4).prop_map(serde_json::Value::Array),
            btree_map(".{0,6}", inner, 0..4)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

/// JSON objects within the default limits, compact or pretty-printed.
pub fn custom_data() -> impl Strategy<Value = CustomData> {
    let object = btree_map("[a-zA-Z_]{1,8}", json_value(3), 0..5);
    let text = (object, any::<bool>()).prop_map(|(map, pretty)| {
        let value = serde_json::Value::Object(map.into_iter().collect());
        if pretty {
            serde_json::to_string_pretty(&value).expect("a Value always serializes")
        } else {
            value.to_string()
        }
    });
    parsed(text, CustomData::parse)
}

/// IPv4 and IPv6 addresses, public or not.
pub fn customer_ip() -> impl Strategy<Value = CustomerIp> {
    let text = prop_oneof![
        any::<u32>().prop_map(|v| std::net::Ipv4Addr::from(v).to_string()),
        any::<u128>().prop_map(|v| std::net::Ipv6Addr::from(v).to_string()),
    ];
    parsed(text, CustomerIp::parse)
}

/// Valid values of `field`'s type, as the JSON its serializer writes (one arm a field, so a
/// new one does not compile until it has its generator).
///
/// ```
/// use proptest::prelude::*;
/// use cleeng_register::{strategies, Field};
///
/// proptest!(|(value in strategies::field_value(Field::Locale))| {
///     prop_assert!(value.as_str().is_some_and(|s| s.parse::<cleeng_register::Locale>().is_ok()));
/// });
/// ```
pub fn field_value(field: Field) -> BoxedStrategy<serde_json::Value> {
    fn json<T: serde::Serialize + std::fmt::Debug>(
        values: impl Strategy<Value = T> + 'static,
    ) -> BoxedStrategy<serde_json::Value> {
        values
            .prop_map(|v| serde_json::to_value(v).expect("a value type serializes as a string"))
            .boxed()
    }
    match field {
        Field::Email => json(email()),
        Field::Password => json(password()),
        Field::OfferId => json(offer_id()),
        Field::PublisherId => json(publisher_id()),
        Field::Locale => json(locale()),
        Field::Country => json(country()),
        Field::Currency => json(currency()),
        Field::FirstName | Field::LastName => json(person_name()),
        Field::ExternalId => json(external_id()),
        Field::ExternalData => json(custom_data()),
        Field::CustomerIp => json(customer_ip()),
        Field::CaptchaValue => json(captcha_token()),
    }
}

/// Whole valid requests, with each optional field present about half the time: a body of
/// valid values from the [`Field`] table, read under the default policy.
pub fn register_request() -> impl Strategy<Value = RegisterRequest> {
    let values: Vec<_> = Field::ALL
        .into_iter()
        .map(|field| {
            let value = field_value(field);
            if field.is_required() {
                value.prop_map(Some).boxed()
            } else {
                proptest::option::of(value).boxed()
            }
        })
        .collect();
    (values, field_value(Field::PublisherId)).prop_map(|(values, publisher)| {
        let mut body = serde_json::Map::new();
        for (field, value) in Field::ALL.into_iter().zip(values) {
            if let Some(value) = value {
                body.insert(field.as_str().to_owned(), value);
            }
        }
        // The one rule across fields: an offer or a publisher.
        let offer_or_publisher = [Field::OfferId, Field::PublisherId];
        if !offer_or_publisher
            .iter()
            .any(|f| body.contains_key(f.as_str()))
        {
            body.insert(Field::PublisherId.as_str().to_owned(), publisher);
        }
        let body = serde_json::to_vec(&body).expect("a JSON map serializes");
        RegisterRequest::from_json(&body, &Policy::default())
            .expect("a body of valid values with an offer or a publisher is valid")
    })
}

/// A value of every JSON type (numbers, strings, arrays, objects), each with a marker: the
/// text that would show if an error quoted it. For laws such as "no deserialization error
/// quotes the value", with [`quotes_nothing`].
pub fn marked_value() -> impl Strategy<Value = (serde_json::Value, String)> {
    prop_oneof![
        (100_000_000u64..u64::MAX).prop_map(|n| (serde_json::json!(n), n.to_string())),
        (i64::MIN..-100_000_000i64).prop_map(|n| (serde_json::json!(n), n.to_string())),
        (1_000_000u32..u32::MAX).prop_map(|n| {
            let f = f64::from(n) + 0.8125;
            (serde_json::json!(f), n.to_string())
        }),
        "[a-z]{0,4}".prop_map(|s| {
            let text = format!("SeCrEt{s}@x");
            (serde_json::json!(text.clone()), text)
        }),
        (100_000_000u64..u64::MAX).prop_map(|n| (serde_json::json!([n]), n.to_string())),
        (100_000_000u64..u64::MAX).prop_map(|n| (serde_json::json!({"k": n}), n.to_string())),
        // Not a marker in a key: an unknown key is named by its pointer, by design.
    ]
}

/// Deserializes `value` as `T` from text and from a `Value`, at the top and inside a struct,
/// and fails (naming the type) when an error's text holds `marker`.
///
/// ```
/// use cleeng_register::strategies::quotes_nothing;
/// use cleeng_register::Email;
/// assert!(quotes_nothing::<Email>(&serde_json::json!(987654321), "987654321").is_ok());
/// ```
pub fn quotes_nothing<T: serde::de::DeserializeOwned>(
    value: &serde_json::Value,
    marker: &str,
) -> Result<(), String> {
    #[derive(serde::Deserialize)]
    #[allow(dead_code)]
    struct Holder<T> {
        field: T,
    }
    let text = value.to_string();
    let held = serde_json::json!({ "field": value });
    let errors = [
        serde_json::from_str::<T>(&text)
            .err()
            .map(|e| e.to_string()),
        serde_json::from_value::<T>(value.clone())
            .err()
            .map(|e| e.to_string()),
        serde_json::from_str::<Holder<T>>(&held.to_string())
            .err()
            .map(|e| e.to_string()),
        serde_json::from_value::<Holder<T>>(held)
            .err()
            .map(|e| e.to_string()),
    ];
    for e in errors.into_iter().flatten() {
        if e.contains(marker) {
            return Err(format!(
                "{} quoted {marker:?}: {e}",
                std::any::type_name::<T>()
            ));
        }
    }
    Ok(())
}
