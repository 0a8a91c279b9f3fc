use crate::util::*;
use cleeng_register::policy::*;
use cleeng_register::request::*;
use serde_json::json;

fn policy(json: serde_json::Value) -> Result<Policy, String> {
    Policy::from_json(json.to_string().as_bytes()).map_err(|e| e.to_string())
}

#[test]
fn the_empty_object_is_the_default() {
    let p = policy(json!({})).unwrap();
    assert_eq!(p, Policy::default());
    assert_eq!(p.max_body_bytes(), 65536);
    assert_eq!(p.external_data_limits(), ExternalDataLimits::new(16384, 32));
    assert_eq!(p.customer_ip(), &CustomerIpRule::Optional);
    assert!(!p.allow_unknown_fields() && !p.allow_international_email());
    assert!(p.allowed_currencies().is_none() && p.allowed_locales().is_none());
}

#[test]
fn the_json_form_reads_every_option() {
    let p = policy(json!({
        "allowedCurrencies": ["EUR", "USD"], "allowedLocales": ["en_US", "pl_PL"],
        "allowUnknownFields": true, "allowInternationalEmail": true,
        "customerIp": {"requiredFor": ["US", "CA"]},
        "maxBodyBytes": 1000, "maxExternalDataBytes": 500, "maxExternalDataDepth": 4,
        "maxErrors": 7
    }))
    .unwrap();
    assert_eq!(p.max_errors(), 7);
    assert_eq!(Policy::default().max_errors(), 100);
    assert_eq!(p.allowed_currencies().unwrap().len(), 2);
    assert_eq!(p.allowed_locales().unwrap()[1].as_str(), "pl_PL");
    assert!(p.customer_ip().requires("CA".parse().unwrap()));
    assert!(!p.customer_ip().requires("PL".parse().unwrap()));
    assert_eq!(p.max_body_bytes(), 1000);
    assert_eq!(p.external_data_limits(), ExternalDataLimits::new(500, 4));
    // And writes it back.
    let back: Policy = serde_json::from_value(serde_json::to_value(&p).unwrap()).unwrap();
    assert_eq!(back, p);
    assert_eq!(
        policy(json!({"customerIp": "required"}))
            .unwrap()
            .customer_ip(),
        &CustomerIpRule::Required
    );
    assert_eq!(
        policy(json!({"customerIp": "optional"}))
            .unwrap()
            .customer_ip(),
        &CustomerIpRule::Optional
    );
}

#[test]
fn invalid_policies_are_refused_with_a_clear_message() {
    let cases = [
        (
            json!({"allowedCurrencies": ["EUR", "XTS"]}),
            "allowedCurrencies[1]: \"XTS\" is not an ISO 4217 currency in circulation",
        ),
        (
            json!({"allowedLocales": ["en-US"]}),
            "allowedLocales[0]: \"en-US\" is not a locale such as en_US",
        ),
        (
            json!({"customerIp": {"requiredFor": ["UK"]}}),
            "customerIp.requiredFor[0]: \"UK\" is not an assigned",
        ),
        (
            json!({"allowedCurrencies": []}),
            "allowedCurrencies must not be empty",
        ),
        (
            json!({"customerIp": {"requiredFor": []}}),
            "customerIp.requiredFor must not be empty",
        ),
        (
            json!({"customerIp": "sometimes"}),
            "customerIp must be \"optional\", \"required\" or {\"requiredFor\"",
        ),
        (
            json!({"customerIp": 5}),
            "expected customerIp as \"optional\", \"required\" or {\"requiredFor\"",
        ),
        (
            json!({"customerIp": {"requiredFr": ["US"]}}),
            "customerIp must be \"optional\", \"required\" or {\"requiredFor\"",
        ),
        (
            json!({"customerIp": {}}),
            "customerIp must be \"optional\", \"required\" or {\"requiredFor\"",
        ),
        (
            json!({"maxExternalDataDepth": 0}),
            "maxExternalDataDepth must be between 1 and 100, not 0",
        ),
        (
            json!({"maxExternalDataDepth": 101}),
            "maxExternalDataDepth must be between 1 and 100, not 101",
        ),
        (json!({"maxBodyBytes": 1}), "maxBodyBytes must be between 2"),
        (
            json!({"maxErrors": 0}),
            "maxErrors must be between 1 and 10000, not 0",
        ),
        (
            json!({"maxErrors": 10001}),
            "maxErrors must be between 1 and 10000, not 10001",
        ),
        (
            json!({"maxExternalDataBytes": 0}),
            "maxExternalDataBytes must be between 2",
        ),
        (
            json!({"allowUnknownFeilds": true}),
            "unknown field `allowUnknownFeilds`",
        ),
        (json!({"maxBodyBytes": "big"}), "invalid type"),
    ];
    for (json, expected) in cases {
        let message = policy(json.clone()).unwrap_err();
        assert!(message.contains(expected), "{json}: {message}");
    }
    assert!(Policy::builder()
        .max_external_data_depth(101)
        .build()
        .is_err());
    assert!(Policy::builder().allowed_locales([]).build().is_err());
    assert!(Policy::builder().max_errors(1).build().is_ok());
    assert!(Policy::builder().max_errors(10_000).build().is_ok());
}

#[test]
fn unknown_fields_can_be_allowed() {
    let p = Policy::builder()
        .allow_unknown_fields(true)
        .build()
        .unwrap();
    let body = with("nickname", json!({"deep": [1, 2]}));
    assert!(check_with(&body, &p).is_ok());
    assert_eq!(errors(&body), [("/nickname".into(), "unknown_field")]);
    // Known keys given twice are still errors.
    let dup = br#"{"email":"jane@example.com","email":"jane@example.com","password":"s3cret-pass","publisherId":"123456789","locale":"en_US","country":"US","currency":"USD","x":1,"x":2}"#;
    assert_eq!(
        errors_of(&RegisterRequest::from_json(dup, &p)),
        [("/email".into(), "duplicate_field")]
    );
}

#[test]
fn a_repeated_required_for_is_refused() {
    let err =
        Policy::from_json(br#"{"customerIp": {"requiredFor": ["US"], "requiredFor": ["CA"]}}"#)
            .unwrap_err();
    assert!(
        err.to_string()
            .contains("customerIp must be \"optional\", \"required\" or {\"requiredFor\""),
        "{err}"
    );
}

#[test]
fn keys_are_the_keys_of_the_json_form() {
    // A policy with every optional list set, so that its JSON form writes every key.
    let full = Policy::from_json(br#"{"allowedCurrencies":["EUR"],"allowedLocales":["en_US"]}"#)
        .expect("a valid policy");
    let written = serde_json::to_value(&full).expect("a policy serializes");
    let mut written: Vec<&str> = written
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    written.sort_unstable();
    let mut listed = Policy::KEYS.to_vec();
    listed.sort_unstable();
    assert_eq!(listed, written);
    // And each is a key the core reads.
    for key in Policy::KEYS {
        let value = match key {
            "allowedCurrencies" | "allowedLocales" => "null",
            "allowUnknownFields" | "allowInternationalEmail" => "false",
            "customerIp" => r#""optional""#,
            _ => "100",
        };
        let json = format!(r#"{{"{key}": {value}}}"#);
        assert!(Policy::from_json(json.as_bytes()).is_ok(), "{json}");
    }
}
