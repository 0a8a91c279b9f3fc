//! Each domain type's constructor on a valid and an invalid input, beside `String::from`
//! (the cost of merely keeping the text) as the baseline.

use std::hint::black_box;
use std::time::Duration;

use cleeng_register::*;
use criterion::{criterion_group, criterion_main, Criterion};

fn bench<T>(
    c: &mut Criterion,
    name: &str,
    parse: fn(&str) -> Result<T, ValueError>,
    valid: &str,
    invalid: &str,
) {
    assert!(parse(valid).is_ok() && parse(invalid).is_err(), "{name}");
    let mut g = c.benchmark_group(name);
    // Nanosecond-scale functions settle fast; 36 benches stay near two minutes.
    g.warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    g.bench_function("valid", |b| b.iter(|| parse(black_box(valid)).is_ok()));
    g.bench_function("invalid", |b| b.iter(|| parse(black_box(invalid)).is_ok()));
    g.bench_function("string_from", |b| b.iter(|| String::from(black_box(valid))));
    g.finish();
}

fn constructors(c: &mut Criterion) {
    bench(
        c,
        "email",
        Email::parse,
        "jane.doe@example.com",
        "Jane <jane@example.com>",
    );
    bench(c, "password", Password::parse, "s3cret-pass", "short");
    bench(
        c,
        "offer_id",
        OfferId::parse,
        "S565568989_US",
        "S565568989_UK",
    );
    bench(
        c,
        "publisher_id",
        PublisherId::parse,
        "123456789",
        "12345678a",
    );
    bench(c, "locale", Locale::parse, "en_US", "en-US");
    bench(c, "country", CountryCode::parse, "PL", "UK");
    bench(c, "currency", Currency::parse, "EUR", "HRK");
    bench(c, "person_name", PersonName::parse, "Zoë O'Brien", " Zoë");
    bench(c, "external_id", ExternalId::parse, "crm-000042", "crm\t42");
    bench(
        c,
        "custom_data",
        CustomData::parse,
        r#"{"plan":"gold","tags":[1,2,3]}"#,
        r#"[{"plan":"gold"}]"#,
    );
    bench(
        c,
        "customer_ip",
        CustomerIp::parse,
        "2001:db8::8a2e:370:7334",
        "2001:db8::1%eth0",
    );
    bench(
        c,
        "captcha_token",
        CaptchaToken::parse,
        "03AGdBq24PBCbwiDRaS_MJ7Z",
        "03AGdBq24 PBCbwiDRaS",
    );
}

criterion_group!(benches, constructors);
criterion_main!(benches);
