//! The request bodies, policies and baselines the benches compare, shared by
//! `benches/request.rs` (criterion) and `examples/bench_counts.rs` (callgrind), so both
//! measure the same thing.

use std::borrow::Cow;

use cleeng_register::{schema, Policy, RegisterRequest};
use serde::Deserialize;
use serde_json::Value;

/// The naive floor: serde_json into a struct of `String`s, no checks.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
pub struct PlainStrings {
    email: String,
    password: String,
    offer_id: Option<String>,
    publisher_id: Option<String>,
    locale: String,
    country: String,
    currency: String,
    first_name: Option<String>,
    last_name: Option<String>,
    external_id: Option<String>,
    external_data: Option<String>,
    #[serde(rename = "customerIP")]
    customer_ip: Option<String>,
    captcha_value: Option<String>,
}

/// The parse floor: serde_json into borrowed `Cow`s, no checks.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
pub struct Borrowed<'a> {
    #[serde(borrow)]
    email: Cow<'a, str>,
    #[serde(borrow)]
    password: Cow<'a, str>,
    #[serde(borrow)]
    offer_id: Option<Cow<'a, str>>,
    #[serde(borrow)]
    publisher_id: Option<Cow<'a, str>>,
    #[serde(borrow)]
    locale: Cow<'a, str>,
    #[serde(borrow)]
    country: Cow<'a, str>,
    #[serde(borrow)]
    currency: Cow<'a, str>,
    #[serde(borrow)]
    first_name: Option<Cow<'a, str>>,
    #[serde(borrow)]
    last_name: Option<Cow<'a, str>>,
    #[serde(borrow)]
    external_id: Option<Cow<'a, str>>,
    #[serde(borrow)]
    external_data: Option<Cow<'a, str>>,
    #[serde(borrow, rename = "customerIP")]
    customer_ip: Option<Cow<'a, str>>,
    #[serde(borrow)]
    captcha_value: Option<Cow<'a, str>>,
}

/// The README's typical request.
pub const TYPICAL: &str = r#"{"email":"jane.doe@example.com","password":"s3cret-pass","offerId":"S565568989_US","locale":"en_US","country":"US","currency":"USD","customerIP":"8.8.8.8"}"#;

/// An error in every field.
pub const INVALID: &str = r#"{"email":"jane@localhost","password":"short","offerId":"X565568989_UK","publisherId":"12345","locale":"en-US","country":"UK","currency":"HRK","firstName":" Jane","lastName":"Doe\t","externalId":"","externalData":"[1]","customerIP":"01.2.3.4","captchaValue":"a b"}"#;

/// Every field, with a 16 KiB `externalData` of short string values.
pub fn maximal() -> String {
    let mut data = serde_json::Map::new();
    let mut i = 0;
    while serde_json::to_string(&data).unwrap().len() < 16384 - 40 {
        data.insert(format!("key{i}"), Value::from(format!("value number {i}")));
        i += 1;
    }
    let data = serde_json::to_string(&data).unwrap();
    assert!(data.len() <= 16384);
    serde_json::json!({
        "email": "jane.doe@example.com", "password": "s3cret-pass", "offerId": "S565568989_US",
        "publisherId": "123456789", "locale": "en_US", "country": "US", "currency": "USD",
        "firstName": "Jane", "lastName": "Doe", "externalId": "crm-42", "externalData": data,
        "customerIP": "8.8.8.8", "captchaValue": "03AGdBq24PBCbwiDRaS_MJ7Z"
    })
    .to_string()
}

/// The typical request with a 4 KB `externalData` of numbers: the JSON text
/// `{"ids":[0,1,…]}` of 1,800 integers (4,023 bytes), as a JSON string with escaped quotes.
pub fn external_4k() -> String {
    let numbers: Vec<u32> = (0..1800u32).map(|i| i % 13).collect();
    let inner = serde_json::to_string(&serde_json::json!({ "ids": numbers })).unwrap();
    serde_json::json!({
        "email": "jane.doe@example.com", "password": "s3cret-pass", "offerId": "S565568989_US",
        "locale": "en_US", "country": "US", "currency": "USD", "customerIP": "8.8.8.8",
        "externalData": inner
    })
    .to_string()
}

/// A policy with allow-lists of ten currencies and ten locales, and a `customerIP` rule.
pub fn allow_list_policy() -> Policy {
    Policy::from_json(
        br#"{"allowedCurrencies":["EUR","GBP","PLN","CHF","SEK","NOK","DKK","CZK","HUF","USD"],
             "allowedLocales":["de_DE","fr_FR","pl_PL","it_IT","es_ES","nl_NL","sv_SE","da_DK","cs_CZ","en_US"],
             "customerIp":{"requiredFor":["US","CA"]}}"#,
    )
    .unwrap()
}

/// A benched body: its name, text, policy and whether it is valid.
pub struct Case {
    pub name: &'static str,
    pub body: String,
    pub policy: Policy,
    pub valid: bool,
}

/// Every body the request benches run, in report order.
pub fn cases() -> Vec<Case> {
    let case = |name, body: String, policy, valid| Case {
        name,
        body,
        policy,
        valid,
    };
    vec![
        case("typical_valid", TYPICAL.into(), Policy::default(), true),
        case("maximal_valid", maximal(), Policy::default(), true),
        case(
            "invalid_every_field",
            INVALID.into(),
            Policy::default(),
            false,
        ),
        case("allow_lists", TYPICAL.into(), allow_list_policy(), true),
        case("external_4k", external_4k(), Policy::default(), true),
    ]
}

/// The ways to read a body: ours and the baselines.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Mode {
    /// `RegisterRequest::from_json`.
    CleengRegister,
    /// serde_json into [`PlainStrings`].
    SerdePlainStrings,
    /// [`PlainStrings`], then serde's `IgnoredAny` over the `externalData` text: the floor
    /// for a body whose `externalData` must at least be JSON.
    SerdePlainStringsThenIgnoredAny,
    /// serde_json into [`Borrowed`].
    SerdeBorrowed,
    /// `serde_json::Value`, then `jsonschema` against the crate's exported schema.
    ValueJsonschema,
}

impl Mode {
    pub const ALL: [Mode; 5] = [
        Mode::CleengRegister,
        Mode::SerdePlainStrings,
        Mode::SerdePlainStringsThenIgnoredAny,
        Mode::SerdeBorrowed,
        Mode::ValueJsonschema,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Mode::CleengRegister => "cleeng_register",
            Mode::SerdePlainStrings => "serde_plain_strings",
            Mode::SerdePlainStringsThenIgnoredAny => "serde_plain_strings_then_ignored_any",
            Mode::SerdeBorrowed => "serde_borrowed",
            Mode::ValueJsonschema => "value_jsonschema",
        }
    }

    /// Whether the mode means something for `case`: the `IgnoredAny` floor only where the
    /// body has `externalData`.
    pub fn applies_to(self, case: &Case) -> bool {
        self != Mode::SerdePlainStringsThenIgnoredAny || case.body.contains("externalData")
    }
}

/// Reads bodies one way; holds what the mode needs (the compiled schema).
pub struct Reader<'a> {
    mode: Mode,
    policy: &'a Policy,
    validator: Option<jsonschema::Validator>,
}

impl<'a> Reader<'a> {
    pub fn new(mode: Mode, policy: &'a Policy) -> Self {
        let validator = (mode == Mode::ValueJsonschema).then(|| {
            jsonschema::options()
                .with_draft(jsonschema::Draft::Draft202012)
                .should_validate_formats(true)
                .build(&schema::request_schema(policy))
                .unwrap()
        });
        Reader {
            mode,
            policy,
            validator,
        }
    }

    /// Reads `body`; whether it passed.
    pub fn read(&self, body: &[u8]) -> bool {
        match self.mode {
            Mode::CleengRegister => RegisterRequest::from_json(body, self.policy).is_ok(),
            Mode::SerdePlainStrings => serde_json::from_slice::<PlainStrings>(body).is_ok(),
            Mode::SerdePlainStringsThenIgnoredAny => serde_json::from_slice::<PlainStrings>(body)
                .is_ok_and(|plain| {
                    plain.external_data.as_deref().is_none_or(|data| {
                        serde_json::from_str::<serde::de::IgnoredAny>(data).is_ok()
                    })
                }),
            Mode::SerdeBorrowed => serde_json::from_slice::<Borrowed>(body).is_ok(),
            Mode::ValueJsonschema => serde_json::from_slice::<Value>(body).is_ok_and(|v| {
                self.validator
                    .as_ref()
                    .expect("built for this mode")
                    .is_valid(&v)
            }),
        }
    }
}
