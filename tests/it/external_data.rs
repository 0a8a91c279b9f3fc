use crate::util::*;
use cleeng_register::policy::ExternalDataLimits;
use cleeng_register::{CustomData, Policy};
use serde_json::json;

fn nested(depth: usize) -> String {
    // depth 1 is {}, each level adds {"a":...}
    let mut s = "{}".to_owned();
    for _ in 1..depth {
        s = format!("{{\"a\":{s}}}");
    }
    s
}

#[test]
fn objects_are_accepted_and_kept_byte_for_byte() {
    for ok in [
        "{}",
        " { \"a\" : [1, 2.5, null, true, \"x\"] } ",
        "{\"a\":{\"b\":{}}}",
        "{\"é\":\"\\u00e9\"}",
        "{\"a\":1,\"a\":2}",
    ] {
        accepts("externalData", ok);
        assert_eq!(CustomData::parse(ok).unwrap().as_str(), ok);
    }
    let request = check(&with("externalData", json!(" {\"k\" : 1}\n"))).unwrap();
    assert_eq!(request.external_data().unwrap().as_str(), " {\"k\" : 1}\n");
    assert_eq!(request.external_data().unwrap().value(), json!({"k": 1}));
}

#[test]
fn depth_is_counted_as_the_spec_says() {
    assert_eq!(CustomData::parse("{}").unwrap().depth(), 1);
    assert_eq!(CustomData::parse("{\"a\":[1]}").unwrap().depth(), 2);
    assert_eq!(CustomData::parse(&nested(7)).unwrap().depth(), 7);
}

#[test]
fn depth_limit_is_32_by_default() {
    accepts("externalData", &nested(32));
    rejects("externalData", &nested(33), &["too_deep"]);
    assert_eq!(
        params("externalData", json!(nested(33))),
        json!({"max": 32})
    );
    // Arrays count as well as objects.
    let arrays = format!("{{\"a\":{}{}}}", "[".repeat(32), "]".repeat(32));
    rejects("externalData", &arrays, &["too_deep"]);
}

#[test]
fn nesting_past_serde_json_limit_is_too_deep() {
    let deep = format!("{{\"a\":{}{}}}", "[".repeat(500), "]".repeat(500));
    rejects("externalData", &deep, &["too_deep"]);
}

#[test]
fn size_limit_is_16384_bytes() {
    let fits = format!("{{\"a\":\"{}\"}}", "x".repeat(16384 - 8));
    assert_eq!(fits.len(), 16384);
    accepts("externalData", &fits);
    let over = format!("{{\"a\":\"{}\"}}", "x".repeat(16384 - 7));
    rejects("externalData", &over, &["too_large"]);
    assert_eq!(params("externalData", json!(over)), json!({"max": 16384}));
    // Bytes, not chars: 5462 three-byte chars are 16386 bytes.
    rejects(
        "externalData",
        &format!("{{\"a\":\"{}\"}}", "€".repeat(5460)),
        &["too_large"],
    );
}

#[test]
fn rules_come_in_order() {
    // Too large and invalid: too_large. Invalid and too deep: invalid_json.
    rejects(
        "externalData",
        &format!("{{{}", "x".repeat(20000)),
        &["too_large"],
    );
    rejects(
        "externalData",
        &format!("{}x", nested(40)),
        &["invalid_json"],
    );
    // Too deep and not an object: too_deep.
    rejects(
        "externalData",
        &format!("{}{}", "[".repeat(40), "]".repeat(40)),
        &["too_deep"],
    );
}

#[test]
fn non_json_is_refused() {
    for bad in [
        "",
        " ",
        "{",
        "{\"a\"}",
        "{'a':1}",
        "{\"a\":1,}",
        "{} {}",
        "{}x",
        "{\"a\":1e400}",
        "{\"a\":\"\\ud800\"}",
        "{\"a\":NaN}",
        "{\"a\":01}",
        "{\"a\":\"\t\"}",
    ] {
        rejects("externalData", bad, &["invalid_json"]);
    }
}

#[test]
fn non_objects_are_refused() {
    // Each of serde_json's kinds of scalar: unsigned, negative and float numbers among them.
    for bad in [
        "[]", "[{}]", "1", "-1", "1.5", "1e3", "\"{}\"", "null", "true", "false",
    ] {
        rejects("externalData", bad, &["not_an_object"]);
    }
}

#[test]
fn policy_limits_apply() {
    let policy = Policy::builder()
        .max_external_data_bytes(10)
        .max_external_data_depth(2)
        .build()
        .unwrap();
    let limits = policy.external_data_limits();
    assert_eq!(limits, ExternalDataLimits::new(10, 2));
    let got = |s: &str| errors_of(&check_with(&with("externalData", json!(s)), &policy));
    assert!(got("{\"a\":{}}").is_empty());
    assert_eq!(
        got("{\"a\":{\"b\":{}}}"),
        [("/externalData".into(), "too_large")]
    );
    assert_eq!(got("{\"a\":[[]]}"), [("/externalData".into(), "too_deep")]);
    assert!(CustomData::parse_with_limits("{\"a\":[[]]}", limits).is_err());
}

#[test]
fn numbers_at_the_edge_of_f64_read_into_a_value_or_are_refused() {
    // A number that rounds to f64::MAX, or past it, is refused, so every accepted text reads
    // into a serde_json Value whatever its features (without `float_roundtrip`, serde_json
    // overflows within an ulp of f64::MAX).
    for refused in [
        "{\"a\":1.7976931348623157e308}",
        "{\"a\":1.7976931348623158e308}",
        "{\"a\":-1.7976931348623157e308}",
        "{\"a\":1e309}",
    ] {
        assert_eq!(
            CustomData::parse(refused).unwrap_err().first().code,
            cleeng_register::ErrorCode::InvalidJson,
            "{refused}"
        );
    }
    for accepted in [
        "{\"a\":1e308}",
        "{\"a\":1.7976931348623155e308}",
        "{\"a\":1e-400}",
    ] {
        let data = CustomData::parse(accepted).unwrap();
        assert!(data.value()["a"].is_number(), "{accepted}");
    }
}
