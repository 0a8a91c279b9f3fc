//! One migration record: every column's rules at their boundaries, empty values, the order of
//! errors, advisories, messages and the JSON line.

use crate::util::{errors, errors_under, file, rules, valid, with};
use cleeng_register::policy::CustomerIpRule;
use cleeng_register::Policy;
use cleeng_register_migration::{Column, RecordCurrency};

#[test]
fn the_valid_record_is_valid_and_typed() {
    let record = rules(Policy::default()).check(valid()).unwrap();
    assert_eq!(record.email.as_str(), "jane.doe@example.com");
    assert_eq!(
        record.currency,
        RecordCurrency::Given("USD".parse().unwrap())
    );
    assert_eq!(record.time_zone.unwrap().as_str(), "America/New_York");
    assert_eq!(record.create_date.unwrap().to_string(), "2020-01-15");
    assert!(format!("{record:?}").contains("PasswordHash(***)"));
    assert!(!format!("{record:?}").contains("abcdefghij"));
    assert_eq!(record.advisories().count(), 0);
}

#[test]
fn the_email_key_is_the_mailbox() {
    let record = rules(Policy::default())
        .check(with(Column::Email, "Jane.DOE@Example.com"))
        .unwrap();
    assert_eq!(record.email_key(), "jane.doe@example.com");
    let international = Policy::builder()
        .allow_international_email(true)
        .build()
        .unwrap();
    let intl = rules(international.clone());
    assert_eq!(intl.policy(), &international);
    let record = intl.check(with(Column::Email, "ZOË@Example.com")).unwrap();
    assert_eq!(record.email_key(), "zoë@example.com");
    let record = intl.check(with(Column::Email, "José@BÜCHER.de")).unwrap();
    assert_eq!(record.email_key(), "josé@xn--bcher-kva.de");
}

#[test]
fn optional_columns_may_be_empty() {
    let mut values = valid();
    for column in [
        Column::FirstName,
        Column::LastName,
        Column::LastLogin,
        Column::CreateDate,
        Column::Timezone,
        Column::ExternalId,
        Column::PasswordHash,
    ] {
        values[column as usize] = "";
    }
    let record = rules(Policy::default()).check(values).unwrap();
    assert!(
        record.first_name.is_none() && record.time_zone.is_none() && record.password_hash.is_none()
    );
}

#[test]
fn mandatory_columns_empty_are_missing() {
    assert_eq!(errors(with(Column::Email, "")), [("Email", "missing")]);
    assert_eq!(errors(with(Column::Locale, "")), [("Locale", "missing")]);
    assert_eq!(
        errors(with(Column::CountryCode, "")),
        [("Country Code", "missing")]
    );
}

#[test]
fn names_follow_first_name_and_last_name() {
    let long = "a".repeat(51);
    let max = "a".repeat(50);
    assert_eq!(errors(with(Column::FirstName, max.clone().leak())), []);
    assert_eq!(
        errors(with(Column::FirstName, long.leak())),
        [("First Name", "too_long")]
    );
    assert_eq!(
        errors(with(Column::FirstName, " Jane")),
        [("First Name", "surrounding_whitespace")]
    );
    assert_eq!(
        errors(with(Column::LastName, "Doe ")),
        [("Last Name", "surrounding_whitespace")]
    );
    assert_eq!(
        errors(with(Column::LastName, " ")),
        [("Last Name", "surrounding_whitespace")]
    );
    assert_eq!(
        errors(with(Column::LastName, "Do\u{202e}e")),
        [("Last Name", "control_character")]
    );
}

#[test]
fn email_follows_email() {
    assert_eq!(
        errors(with(Column::Email, "jane@localhost")),
        [("Email", "invalid_format")]
    );
    assert_eq!(
        errors(with(Column::Email, " jane@example.com")),
        [("Email", "invalid_format")]
    );
    assert_eq!(
        errors(with(Column::Email, "josé@example.com")),
        [("Email", "invalid_format")]
    );
    let long = format!("{}@example.com", "a".repeat(243));
    assert_eq!(
        errors(with(Column::Email, long.leak())),
        [("Email", "too_long")]
    );
    let international = Policy::builder()
        .allow_international_email(true)
        .build()
        .unwrap();
    assert_eq!(
        errors_under(international, with(Column::Email, "josé@example.com")),
        []
    );
}

#[test]
fn locale_follows_locale_and_the_policy() {
    assert_eq!(
        errors(with(Column::Locale, "en-US")),
        [("Locale", "invalid_format")]
    );
    assert_eq!(errors(with(Column::Locale, "fil")), []);
    let only_pl = Policy::builder()
        .allowed_locales(["pl_PL".parse().unwrap()])
        .build()
        .unwrap();
    assert_eq!(
        errors_under(only_pl, with(Column::Locale, "en_US")),
        [("Locale", "not_supported")]
    );
}

#[test]
fn country_code_follows_country() {
    assert_eq!(
        errors(with(Column::CountryCode, "us")),
        [("Country Code", "invalid_format")]
    );
    let report = rules(Policy::default())
        .check(with(Column::CountryCode, "UK"))
        .unwrap_err();
    assert_eq!(
        (
            report[0].code().as_str(),
            report[0].params().limits.suggestion
        ),
        ("unknown_code", Some("GB"))
    );
    assert_eq!(
        report[0].to_string(),
        "Country Code must be an assigned ISO 3166-1 alpha-2 country code (did you mean GB?)"
    );
}

#[test]
fn currency_follows_currency_and_empty_defaults_to_eur() {
    assert_eq!(
        errors(with(Column::Currency, "usd")),
        [("Currency", "invalid_format")]
    );
    assert_eq!(
        errors(with(Column::Currency, "HRK")),
        [("Currency", "unknown_code")]
    );
    let record = rules(Policy::default())
        .check(with(Column::Currency, ""))
        .unwrap();
    assert_eq!(record.currency, RecordCurrency::Defaulted);
    assert_eq!(record.currency.currency().as_str(), "EUR");
    let codes: Vec<_> = record.advisories().map(|a| a.code()).collect();
    assert_eq!(codes, ["currency_defaulted"]);
    let usd_only = Policy::builder()
        .allowed_currencies(["USD".parse().unwrap()])
        .build()
        .unwrap();
    assert_eq!(
        errors_under(usd_only.clone(), with(Column::Currency, "PLN")),
        [("Currency", "not_supported")]
    );
    // The default, EUR, must pass the allow-list too.
    assert_eq!(
        errors_under(usd_only, with(Column::Currency, "")),
        [("Currency", "not_supported")]
    );
}

#[test]
fn ip_address_is_required_for_us_and_ca_only() {
    let no_ip = |country: &'static str| {
        let mut values = with(Column::IpAddress, "");
        values[Column::CountryCode as usize] = country;
        values
    };
    assert_eq!(errors(no_ip("US")), [("IP Address", "missing")]);
    assert_eq!(errors(no_ip("CA")), [("IP Address", "missing")]);
    assert_eq!(errors(no_ip("PL")), []);
    assert_eq!(errors(no_ip("MX")), []);
    // An invalid country cannot require it.
    assert_eq!(errors(no_ip("XX")), [("Country Code", "unknown_code")]);
    // The policy may require it elsewhere, or always.
    let pl = Policy::builder()
        .customer_ip(CustomerIpRule::RequiredFor(vec!["PL".parse().unwrap()]))
        .build()
        .unwrap();
    assert_eq!(errors_under(pl, no_ip("PL")), [("IP Address", "missing")]);
    let always = Policy::builder()
        .customer_ip(CustomerIpRule::Required)
        .build()
        .unwrap();
    assert_eq!(
        errors_under(always, no_ip("XX")),
        [("Country Code", "unknown_code"), ("IP Address", "missing")]
    );
    let report = rules(Policy::default()).check(no_ip("US")).unwrap_err();
    assert_eq!(
        report[0].to_string(),
        "IP Address is required for this Country Code (Cleeng needs it for US and Canadian tax)"
    );
}

#[test]
fn a_missing_ip_address_says_why_it_is_required() {
    let no_ip = |country: &'static str| {
        let mut values = with(Column::IpAddress, "");
        values[Column::CountryCode as usize] = country;
        values
    };
    let message = |policy: Policy, country| {
        let report = rules(policy).check(no_ip(country)).unwrap_err();
        assert_eq!(report.len(), 1, "{report:?}");
        report[0].to_string()
    };
    let always = || {
        Policy::builder()
            .customer_ip(CustomerIpRule::Required)
            .build()
            .unwrap()
    };
    // Cleeng's own reason wins for US and CA, whatever the policy.
    assert_eq!(
        message(always(), "CA"),
        "IP Address is required for this Country Code (Cleeng needs it for US and Canadian tax)"
    );
    // Elsewhere the policy is the reason: everywhere, or for the countries it lists.
    assert_eq!(
        message(always(), "PL"),
        "IP Address is required by this service's policy"
    );
    let pl = Policy::builder()
        .customer_ip(CustomerIpRule::RequiredFor(vec!["PL".parse().unwrap()]))
        .build()
        .unwrap();
    assert_eq!(
        message(pl, "PL"),
        "IP Address is required for this Country Code by this service's policy"
    );
}

#[test]
fn ip_address_follows_customer_ip_and_private_ones_are_an_advisory() {
    assert_eq!(
        errors(with(Column::IpAddress, "01.2.3.4")),
        [("IP Address", "invalid_format")]
    );
    assert_eq!(
        errors(with(Column::IpAddress, "fe80::1%eth0")),
        [("IP Address", "invalid_format")]
    );
    let record = rules(Policy::default())
        .check(with(Column::IpAddress, "192.168.1.1"))
        .unwrap();
    let codes: Vec<_> = record
        .advisories()
        .map(|a| (a.column().name(), a.code()))
        .collect();
    assert_eq!(codes, [("IP Address", "customer_ip_not_public")]);
    // No IP outside US and CA: no advisory (the country column gives the tax country).
    let mut values = with(Column::IpAddress, "");
    values[Column::CountryCode as usize] = "PL";
    assert_eq!(
        rules(Policy::default())
            .check(values)
            .unwrap()
            .advisories()
            .count(),
        0
    );
}

#[test]
fn dates_are_real_yyyy_mm_dd_dates_not_after_today() {
    assert_eq!(errors(with(Column::LastLogin, "2024-02-29")), []);
    assert_eq!(
        errors(with(Column::LastLogin, "2025-02-29")),
        [("Last login", "invalid_format")]
    );
    assert_eq!(
        errors(with(Column::LastLogin, "2025-02-30")),
        [("Last login", "invalid_format")]
    );
    assert_eq!(
        errors(with(Column::CreateDate, "30/09/2019")),
        [("Create date", "invalid_format")]
    );
    // Today (2025-06-30) is allowed, tomorrow is not.
    assert_eq!(errors(with(Column::LastLogin, "2025-06-30")), []);
    assert_eq!(
        errors(with(Column::LastLogin, "2025-07-01")),
        [("Last login", "in_future")]
    );
    let mut values = with(Column::CreateDate, "2025-07-01");
    values[Column::LastLogin as usize] = "";
    assert_eq!(errors(values), [("Create date", "in_future")]);
}

#[test]
fn create_date_after_last_login_is_invalid_order() {
    let pair = |create: &'static str, login: &'static str| {
        let mut values = with(Column::CreateDate, create);
        values[Column::LastLogin as usize] = login;
        values
    };
    assert_eq!(errors(pair("2025-06-01", "2025-06-01")), []);
    assert_eq!(
        errors(pair("2025-06-02", "2025-06-01")),
        [("Create date", "invalid_order")]
    );
    // No order without both dates, and a broken last login is its own error only.
    assert_eq!(errors(pair("2025-06-02", "")), []);
    assert_eq!(
        errors(pair("2025-06-02", "2025-13-01")),
        [("Last login", "invalid_format")]
    );
    assert_eq!(
        errors(pair("2025-06-02", "2025-07-01")),
        [("Last login", "in_future")]
    );
    let report = rules(Policy::default())
        .check(pair("2025-06-02", "2025-06-01"))
        .unwrap_err();
    assert_eq!(
        report[0].to_string(),
        "Create date must not be after the last login"
    );
}

#[test]
fn timezone_is_empty_or_an_iana_name() {
    assert_eq!(errors(with(Column::Timezone, "UTC")), []);
    assert_eq!(errors(with(Column::Timezone, "America/New_York")), []);
    assert_eq!(
        errors(with(Column::Timezone, "Mars/Base")),
        [("Timezone", "unknown_code")]
    );
    assert_eq!(
        errors(with(Column::Timezone, " UTC")),
        [("Timezone", "unknown_code")]
    );
}

#[test]
fn external_id_follows_external_id() {
    let max = "i".repeat(255);
    assert_eq!(errors(with(Column::ExternalId, max.leak())), []);
    assert_eq!(
        errors(with(Column::ExternalId, "i".repeat(256).leak())),
        [("External ID", "too_long")]
    );
    assert_eq!(
        errors(with(Column::ExternalId, "crm-1 ")),
        [("External ID", "surrounding_whitespace")]
    );
}

#[test]
fn password_hash_with_a_space_is_invalid_format() {
    assert_eq!(
        errors(with(Column::PasswordHash, "abc def")),
        [("Password Hash", "invalid_format")]
    );
    assert_eq!(
        errors(with(Column::PasswordHash, "h".repeat(1025).leak())),
        [("Password Hash", "invalid_format")]
    );
}

#[test]
fn errors_come_in_column_order_one_per_column() {
    let values = [
        " Jane",
        "Doe\u{0}",
        "nope",
        "EN",
        "2025-02-30",
        "2099-01-01",
        "UK",
        "EURO",
        "1.2.3",
        "Nowhere",
        " id",
        "a b",
    ];
    assert_eq!(
        errors(values),
        [
            ("First Name", "surrounding_whitespace"),
            ("Last Name", "control_character"),
            ("Email", "invalid_format"),
            ("Locale", "invalid_format"),
            ("Last login", "invalid_format"),
            ("Create date", "in_future"),
            ("Country Code", "unknown_code"),
            ("Currency", "invalid_format"),
            ("IP Address", "invalid_format"),
            ("Timezone", "unknown_code"),
            ("External ID", "surrounding_whitespace"),
            ("Password Hash", "invalid_format"),
        ]
    );
}

#[test]
fn no_message_repeats_a_value() {
    let values = [
        " Zed",
        "Q\u{1}",
        "secret-mail",
        "xx_YY_ZZ",
        "31/12/2024",
        "2999-12-31",
        "qq",
        "qqq",
        "999.1.1.1",
        "Mars/Zed",
        " zed-id",
        "zed hash",
    ];
    let errors = rules(Policy::default()).check(values).unwrap_err();
    assert_eq!(errors.len(), 12);
    for e in &errors {
        let message = e.to_string();
        assert!(message.starts_with(e.column_name()), "{message}");
        for value in values {
            assert!(!message.contains(value.trim()), "{message} shows {value:?}");
        }
    }
}

#[test]
fn a_report_serializes_to_one_output_line() {
    let mut file = file();
    let valid_line =
        serde_json::to_string(&file.check(2, with(Column::Currency, "").map(str::as_bytes)))
            .unwrap();
    assert_eq!(
        valid_line,
        r#"{"row":2,"valid":true,"errors":[],"advisories":[{"column":"Currency","code":"currency_defaulted","message":"Currency is empty: Cleeng will import the customer with its default currency, EUR"}]}"#
    );
    // Advisories only on valid records.
    let mut values = with(Column::Currency, "");
    values[Column::Email as usize] = "";
    values[Column::ExternalId as usize] = "";
    let invalid = file.check(3, values.map(str::as_bytes));
    assert_eq!(
        serde_json::to_string(&invalid).unwrap(),
        r#"{"row":3,"valid":false,"errors":[{"column":"Email","code":"missing","message":"Email is required"}],"advisories":[]}"#
    );
}
