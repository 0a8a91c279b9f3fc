//! Whole requests: `RegisterRequest::from_json` beside what a user would otherwise pay, in the
//! same group so every ratio comes from one run (`benches/report.py` prints them).
//!
//! Baselines: serde_json into a struct of `String`s (no validation), into borrowed `Cow`s
//! (the parse floor), and `serde_json::Value` plus `jsonschema` against the crate's own
//! exported schema (the schema-first alternative).

use std::borrow::Cow;
use std::hint::black_box;

use cleeng_register::{schema, Policy, RegisterRequest};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
struct PlainStrings {
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

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
struct Borrowed<'a> {
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
const TYPICAL: &str = r#"{"email":"jane.doe@example.com","password":"s3cret-pass","offerId":"S565568989_US","locale":"en_US","country":"US","currency":"USD","customerIP":"8.8.8.8"}"#;

/// Every field, with a 16 KiB `externalData`.
fn maximal() -> String {
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

/// An error in every field.
const INVALID: &str = r#"{"email":"jane@localhost","password":"short","offerId":"X565568989_UK","publisherId":"12345","locale":"en-US","country":"UK","currency":"HRK","firstName":" Jane","lastName":"Doe\t","externalId":"","externalData":"[1]","customerIP":"01.2.3.4","captchaValue":"a b"}"#;

fn allow_list_policy() -> Policy {
    Policy::from_json(
        br#"{"allowedCurrencies":["EUR","GBP","PLN","CHF","SEK","NOK","DKK","CZK","HUF","USD"],
             "allowedLocales":["de_DE","fr_FR","pl_PL","it_IT","es_ES","nl_NL","sv_SE","da_DK","cs_CZ","en_US"],
             "customerIp":{"requiredFor":["US","CA"]}}"#,
    )
    .unwrap()
}

fn group(c: &mut Criterion, name: &str, body: &[u8], policy: &Policy, expect_valid: bool) {
    assert_eq!(
        RegisterRequest::from_json(body, policy).is_ok(),
        expect_valid,
        "{name}"
    );
    let validator = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .build(&schema::request_schema(policy))
        .unwrap();
    let mut g = c.benchmark_group(name);
    g.throughput(Throughput::Bytes(body.len() as u64));
    g.bench_function("cleeng_register", |b| {
        b.iter(|| RegisterRequest::from_json(black_box(body), policy).is_ok())
    });
    g.bench_function("serde_plain_strings", |b| {
        b.iter(|| serde_json::from_slice::<PlainStrings>(black_box(body)).is_ok())
    });
    g.bench_function("serde_borrowed", |b| {
        b.iter(|| serde_json::from_slice::<Borrowed>(black_box(body)).is_ok())
    });
    g.bench_function("value_jsonschema", |b| {
        b.iter(|| {
            serde_json::from_slice::<Value>(black_box(body)).is_ok_and(|v| validator.is_valid(&v))
        })
    });
    g.finish();
}

fn requests(c: &mut Criterion) {
    let default = Policy::default();
    group(c, "typical_valid", TYPICAL.as_bytes(), &default, true);
    group(c, "maximal_valid", maximal().as_bytes(), &default, true);
    group(
        c,
        "invalid_every_field",
        INVALID.as_bytes(),
        &default,
        false,
    );
    group(
        c,
        "allow_lists",
        TYPICAL.as_bytes(),
        &allow_list_policy(),
        true,
    );
}

criterion_group!(benches, requests);
criterion_main!(benches);
