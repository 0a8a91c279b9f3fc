//! Shared helpers: the typical request, body edits, and checks that run a value through both
//! its type's constructor and a whole body, so every rule is tested on both paths.

pub mod code_points;
pub mod gen;

use cleeng_register::*;
use serde_json::{json, Map, Value};

/// The README's typical valid request.
pub fn typical() -> Map<String, Value> {
    let Value::Object(map) = json!({
        "email": "jane.doe@example.com",
        "password": "s3cret-pass",
        "offerId": "S565568989_US",
        "locale": "en_US",
        "country": "US",
        "currency": "USD",
        "customerIP": "8.8.8.8"
    }) else {
        unreachable!()
    };
    map
}

/// The typical request with `key` set to `value`.
pub fn with(key: &str, value: Value) -> Map<String, Value> {
    let mut map = typical();
    map.insert(key.to_owned(), value);
    map
}

/// The typical request without `key`.
pub fn without(key: &str) -> Map<String, Value> {
    let mut map = typical();
    map.remove(key);
    map
}

pub fn bytes(map: &Map<String, Value>) -> Vec<u8> {
    serde_json::to_vec(map).unwrap()
}

pub fn check(map: &Map<String, Value>) -> Result<RegisterRequest, ValidationReport> {
    check_with(map, &Policy::default())
}

pub fn check_with(
    map: &Map<String, Value>,
    policy: &Policy,
) -> Result<RegisterRequest, ValidationReport> {
    RegisterRequest::from_json(&bytes(map), policy)
}

/// `(pointer, code)` of every error, or nothing when valid.
pub fn errors_of(
    result: &Result<RegisterRequest, ValidationReport>,
) -> Vec<(String, &'static str)> {
    match result {
        Ok(_) => vec![],
        Err(report) => report
            .errors()
            .iter()
            .map(|e| (e.pointer().to_owned(), e.code().as_str()))
            .collect(),
    }
}

pub fn errors(map: &Map<String, Value>) -> Vec<(String, &'static str)> {
    errors_of(&check(map))
}

/// Runs the field's own constructor on `value`; the codes it reports.
pub fn construct(key: &str, value: &str) -> Vec<&'static str> {
    fn codes<T>(r: Result<T, ValueError>) -> Vec<&'static str> {
        r.err().map_or(vec![], |e| {
            e.violations().map(|v| v.code.as_str()).collect()
        })
    }
    match key {
        "email" => codes(Email::parse(value)),
        "password" => codes(Password::parse(value)),
        "offerId" => codes(OfferId::parse(value)),
        "publisherId" => codes(PublisherId::parse(value)),
        "locale" => codes(Locale::parse(value)),
        "country" => codes(CountryCode::parse(value)),
        "currency" => codes(Currency::parse(value)),
        "firstName" | "lastName" => codes(PersonName::parse(value)),
        "externalId" => codes(ExternalId::parse(value)),
        "externalData" => codes(CustomData::parse(value)),
        "customerIP" => codes(CustomerIp::parse(value)),
        "captchaValue" => codes(CaptchaToken::parse(value)),
        other => panic!("no field {other}"),
    }
}

/// The codes for `value` in field `key`, checked to be the same through the constructor and
/// through a whole body (where they must also be the only errors, all at the field's pointer).
pub fn codes(key: &str, value: &str) -> Vec<&'static str> {
    let by_type = construct(key, value);
    let by_body = errors(&with(key, Value::from(value)));
    let pointer = format!("/{key}");
    let expected: Vec<_> = by_type.iter().map(|c| (pointer.clone(), *c)).collect();
    assert_eq!(
        by_body, expected,
        "constructor and body disagree on {key} = {value:?}"
    );
    by_type
}

/// Asserts that `value` is accepted in field `key`.
#[track_caller]
pub fn accepts(key: &str, value: &str) {
    assert_eq!(
        codes(key, value),
        Vec::<&str>::new(),
        "{key} = {value:?} should be valid"
    );
}

/// Asserts that `value` in field `key` fails with exactly `expected`.
#[track_caller]
pub fn rejects(key: &str, value: &str, expected: &[&str]) {
    assert_eq!(codes(key, value), expected, "{key} = {value:?}");
}

/// The params of the first error for `value` in `key`, as JSON.
pub fn params(key: &str, value: Value) -> Value {
    let report = check(&with(key, value)).unwrap_err();
    serde_json::to_value(report.errors()[0].params()).unwrap()
}

/// Cases for a property test: `default`, unless PROPTEST_CASES says otherwise.
pub fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(default)
}
