//! A service's own rules: they run in the reader's pass on what the crate accepted, land in
//! field order in the same report, are written by the problem writer as serde writes them,
//! never repeat a submitted value, and appear in the messages document and the result schema.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use cleeng_register::error::{Params, ServiceCode, ServiceMessage};
use cleeng_register::service_rule::ServiceRules;
use cleeng_register::strategies::register_request;
use cleeng_register::*;
use proptest::prelude::*;
use serde_json::{json, Value};

use crate::util::{bytes, typical, with};

static DISPOSABLE_EMAIL: ServiceCode = ServiceCode::new(
    "disposable_email",
    ServiceMessage::new("must not be a disposable address"),
);
static BLOCKED_DOMAIN: ServiceCode = ServiceCode::new(
    "blocked_domain",
    ServiceMessage::new("is at a domain this service does not serve"),
);
static NAMES_DIFFER: ServiceCode = ServiceCode::new(
    "names_must_differ",
    ServiceMessage::new("must differ from firstName"),
);
static REFUSED: ServiceCode = ServiceCode::new("refused_here", ServiceMessage::new("is refused"));

fn disposable() -> ServiceRules {
    ServiceRules::new().email(&DISPOSABLE_EMAIL, |email| match email.domain() {
        "mailinator.com" => Err(Params::NONE),
        _ => Ok(()),
    })
}

/// A check that counts its calls and refuses.
fn counting(calls: &Arc<AtomicUsize>) -> impl Fn(&Email) -> Result<(), Params> + Send + Sync {
    let calls = Arc::clone(calls);
    move |_| {
        calls.fetch_add(1, Ordering::Relaxed);
        Err(Params::NONE)
    }
}

fn found(report: &ValidationReport) -> Vec<(&str, &str)> {
    report
        .errors()
        .iter()
        .map(|e| (e.pointer(), e.code().as_str()))
        .collect()
}

fn read(
    body: &serde_json::Map<String, Value>,
    policy: &Policy,
    rules: &ServiceRules,
) -> Result<RegisterRequest, ValidationReport> {
    RegisterRequest::from_json_with_rules(&bytes(body), policy, rules)
}

#[test]
fn a_field_rule_reports_its_code_at_its_field_in_report_order() {
    let mut body = with("email", json!("jane@mailinator.com"));
    body.insert("password".into(), json!("short"));
    body.insert("nope".into(), json!(1));
    let report = read(&body, &Policy::default(), &disposable()).unwrap_err();
    assert_eq!(
        found(&report),
        [
            ("/email", "disposable_email"),
            ("/password", "too_short"),
            ("/password", "missing_digit_or_special"),
            ("/nope", "unknown_field"),
        ]
    );
    let error = &report.errors()[0];
    assert_eq!(error.code(), ErrorCode::Service(&DISPOSABLE_EMAIL));
    assert_eq!(error.field(), Some(Field::Email));
    assert_eq!(error.message(), "email must not be a disposable address");
    assert_eq!(error.params(), &Params::NONE);
    // The summary a log shows names it like the crate's.
    assert!(report
        .to_string()
        .starts_with(r#"invalid body: "/email" disposable_email; "#));
}

#[test]
fn a_valid_body_the_rules_accept_is_the_request_from_json_gives() {
    let body = bytes(&typical());
    let plain = RegisterRequest::from_json(&body, &Policy::default()).unwrap();
    let ruled = RegisterRequest::from_json_with_rules(&body, &Policy::default(), &disposable());
    assert_eq!(ruled, Ok(plain));
}

#[test]
fn a_field_rule_runs_only_when_the_crates_rules_for_the_field_passed() {
    let calls = Arc::new(AtomicUsize::new(0));
    let rules = ServiceRules::new().email(&REFUSED, counting(&calls));
    let report = read(
        &with("email", json!("jane@localhost")),
        &Policy::default(),
        &rules,
    )
    .unwrap_err();
    assert_eq!(found(&report), [("/email", "invalid_format")]);
    assert_eq!(calls.load(Ordering::Relaxed), 0);

    // A locale the policy does not allow is refused by the crate: the locale's rule is not
    // asked either.
    let locale_calls = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&locale_calls);
    let rules = ServiceRules::new().locale(&REFUSED, move |_| {
        counted.fetch_add(1, Ordering::Relaxed);
        Err(Params::NONE)
    });
    let policy = Policy::from_json(br#"{"allowedLocales":["pl_PL"]}"#).unwrap();
    let report = read(&typical(), &policy, &rules).unwrap_err();
    assert_eq!(found(&report), [("/locale", "not_supported")]);
    assert_eq!(locale_calls.load(Ordering::Relaxed), 0);
    // Allowed, it is asked.
    let report = read(&typical(), &Policy::default(), &rules).unwrap_err();
    assert_eq!(found(&report), [("/locale", "refused_here")]);
    assert_eq!(locale_calls.load(Ordering::Relaxed), 1);
}

#[test]
fn a_fields_rules_run_in_order_until_one_refuses() {
    let later = Arc::new(AtomicUsize::new(0));
    let rules = ServiceRules::new()
        .email(&BLOCKED_DOMAIN, |email| {
            if email.domain().ends_with(".com") {
                Err(Params::suggestion("example.org"))
            } else {
                Ok(())
            }
        })
        .email(&DISPOSABLE_EMAIL, counting(&later));
    let report = read(&typical(), &Policy::default(), &rules).unwrap_err();
    assert_eq!(found(&report), [("/email", "blocked_domain")]);
    assert_eq!(
        report.errors()[0].params(),
        &Params::suggestion("example.org")
    );
    assert_eq!(later.load(Ordering::Relaxed), 0);
    // When the first passes, the next is asked.
    let report = read(
        &with("email", json!("jane@example.org")),
        &Policy::default(),
        &rules,
    )
    .unwrap_err();
    assert_eq!(found(&report), [("/email", "disposable_email")]);
    assert_eq!(later.load(Ordering::Relaxed), 1);
}

#[test]
fn every_field_with_a_value_type_can_have_a_rule_that_sees_it() {
    let mut body = typical();
    body.insert("publisherId".into(), json!("123456789"));
    body.insert("firstName".into(), json!("Jane"));
    body.insert("lastName".into(), json!("Doe"));
    body.insert("externalId".into(), json!("crm-1"));
    body.insert("externalData".into(), json!("{\"a\":1}"));
    fn refuse<T>(_: &T) -> Result<(), Params> {
        Err(Params::NONE)
    }
    let rules = ServiceRules::new()
        .email(&REFUSED, refuse)
        .password(&REFUSED, |p| {
            if p.expose_secret() == "s3cret-pass" {
                Err(Params::NONE)
            } else {
                Ok(())
            }
        })
        .offer_id(&REFUSED, |o| {
            if o.country().as_str() == "US" {
                Err(Params::NONE)
            } else {
                Ok(())
            }
        })
        .publisher_id(&REFUSED, |p| {
            if p.as_str() == "123456789" {
                Err(Params::NONE)
            } else {
                Ok(())
            }
        })
        .locale(&REFUSED, |l| {
            if l.as_str() == "en_US" {
                Err(Params::NONE)
            } else {
                Ok(())
            }
        })
        .country(&REFUSED, |c| {
            if c.as_str() == "US" {
                Err(Params::NONE)
            } else {
                Ok(())
            }
        })
        .currency(&REFUSED, |c| {
            if c.as_str() == "USD" {
                Err(Params::NONE)
            } else {
                Ok(())
            }
        })
        .first_name(&REFUSED, |n| {
            if n.as_str() == "Jane" {
                Err(Params::NONE)
            } else {
                Ok(())
            }
        })
        .last_name(&REFUSED, |n| {
            if n.as_str() == "Doe" {
                Err(Params::NONE)
            } else {
                Ok(())
            }
        })
        .external_id(&REFUSED, |i| {
            if i.as_str() == "crm-1" {
                Err(Params::NONE)
            } else {
                Ok(())
            }
        })
        .external_data(&REFUSED, |d| {
            if d.as_str() == "{\"a\":1}" {
                Err(Params::NONE)
            } else {
                Ok(())
            }
        })
        .customer_ip(&REFUSED, |ip| {
            if ip.as_str() == "8.8.8.8" {
                Err(Params::NONE)
            } else {
                Ok(())
            }
        });
    let report = read(&body, &Policy::default(), &rules).unwrap_err();
    let pointers: Vec<&str> = report.errors().iter().map(|e| e.pointer()).collect();
    let expected: Vec<&str> = Field::ALL
        .iter()
        .filter(|f| **f != Field::CaptchaValue)
        .map(|f| f.pointer())
        .collect();
    assert_eq!(pointers, expected);
    assert!(report
        .errors()
        .iter()
        .all(|e| e.code() == ErrorCode::Service(&REFUSED)));
}

#[test]
fn a_request_rule_sees_the_valid_request_and_reports_at_its_field_in_field_order() {
    let rules = ServiceRules::new()
        .request(Field::LastName, &NAMES_DIFFER, |request| {
            match (request.first_name(), request.last_name()) {
                (Some(first), Some(last)) if first == last => Err(Params::NONE),
                _ => Ok(()),
            }
        })
        .request(Field::Email, &BLOCKED_DOMAIN, |request| {
            // Across fields: US customers at .test addresses.
            match (
                request.country().as_str(),
                request.email().domain().ends_with(".test"),
            ) {
                ("US", true) => Err(Params::NONE),
                _ => Ok(()),
            }
        });
    let mut body = with("email", json!("jane@shop.test"));
    body.insert("firstName".into(), json!("Jane"));
    body.insert("lastName".into(), json!("Jane"));
    let report = read(&body, &Policy::default(), &rules).unwrap_err();
    assert_eq!(
        found(&report),
        [
            ("/email", "blocked_domain"),
            ("/lastName", "names_must_differ")
        ],
        "field order, not the order the rules were added"
    );
    assert_eq!(
        report.errors()[1].message(),
        "lastName must differ from firstName"
    );

    // An invalid request: its rules are not asked.
    let calls = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&calls);
    let rules = ServiceRules::new().request(Field::Email, &REFUSED, move |_| {
        counted.fetch_add(1, Ordering::Relaxed);
        Err(Params::NONE)
    });
    let report = read(&with("country", json!("UK")), &Policy::default(), &rules).unwrap_err();
    assert_eq!(found(&report), [("/country", "unknown_code")]);
    assert_eq!(calls.load(Ordering::Relaxed), 0);
    // Nor when a field's service rule refused.
    let rules = rules.email(&DISPOSABLE_EMAIL, |_| Err(Params::NONE));
    let report = read(&typical(), &Policy::default(), &rules).unwrap_err();
    assert_eq!(found(&report), [("/email", "disposable_email")]);
    assert_eq!(calls.load(Ordering::Relaxed), 0);
}

#[test]
fn a_customer_ip_rule_sees_the_filled_address() {
    let rules = ServiceRules::new().customer_ip(&REFUSED, |ip| {
        if ip.is_globally_reachable() {
            Ok(())
        } else {
            Err(Params::NONE)
        }
    });
    let body = bytes(&crate::util::without("customerIP"));
    let peer = "10.1.2.3".parse().unwrap();
    let report = RegisterRequest::from_json_with_rules_and_fallback_ip(
        &body,
        &Policy::default(),
        &rules,
        Some(peer),
    )
    .unwrap_err();
    assert_eq!(found(&report), [("/customerIP", "refused_here")]);
    let public = "8.8.4.4".parse().unwrap();
    let request = RegisterRequest::from_json_with_rules_and_fallback_ip(
        &body,
        &Policy::default(),
        &rules,
        Some(public),
    )
    .unwrap();
    assert_eq!(request.customer_ip(), Some(public));
}

#[test]
fn service_errors_count_towards_max_errors() {
    let policy = Policy::builder().max_errors(1).build().unwrap();
    let body = with("password", json!("short"));
    let report = read(
        &body,
        &policy,
        &disposable().email(&REFUSED, |_| Err(Params::NONE)),
    )
    .unwrap_err();
    assert_eq!(
        found(&report),
        [("/email", "refused_here"), ("", "too_many_errors")]
    );
}

#[test]
fn the_problem_writer_writes_a_service_error_as_serde_does_never_from_its_table() {
    // Two codes of one field, with different sentences: each is written with its own.
    static SHORT: ServiceCode = ServiceCode::new(
        "crm_short",
        ServiceMessage::new("is shorter than our CRM's ids"),
    );
    static LONG: ServiceCode = ServiceCode::new(
        "crm_long",
        ServiceMessage::new("is longer than our CRM's ids"),
    );
    let rules = ServiceRules::new()
        .external_id(&SHORT, |id| {
            if id.as_str().len() < 4 {
                Err(Params::min(4))
            } else {
                Ok(())
            }
        })
        .external_id(&LONG, |id| {
            if id.as_str().len() > 8 {
                Err(Params::max(8))
            } else {
                Ok(())
            }
        });
    for (id, message, params) in [
        (
            "abc",
            "externalId is shorter than our CRM's ids",
            json!({"min": 4}),
        ),
        (
            "abcdefghij",
            "externalId is longer than our CRM's ids",
            json!({"max": 8}),
        ),
    ] {
        let report = read(&with("externalId", json!(id)), &Policy::default(), &rules).unwrap_err();
        let written = report.to_problem_json(400);
        assert_eq!(
            written,
            serde_json::to_vec(&report.to_problem(400)).unwrap()
        );
        let problem: Value = serde_json::from_slice(&written).unwrap();
        assert_eq!(problem["errors"][0]["message"], message);
        assert_eq!(problem["errors"][0]["params"], params);
    }
}

#[test]
fn the_messages_document_lists_the_rules_after_the_crates_as_the_reader_words_them() {
    let rules = disposable()
        .email(&BLOCKED_DOMAIN, |_| Ok(()))
        .request(Field::Email, &REFUSED, |_| Ok(()))
        .request(Field::LastName, &NAMES_DIFFER, |_| Ok(()));
    let policy = Policy::default();
    let plain = messages::document(&policy);
    let document = messages::document_with(&policy, &rules);
    assert_eq!(
        plain,
        messages::document_with(&policy, &ServiceRules::new())
    );
    for (i, field) in Field::ALL.iter().enumerate() {
        let crate_rules = plain["fields"][i]["rules"].as_array().unwrap();
        let all = document["fields"][i]["rules"].as_array().unwrap();
        assert_eq!(&all[..crate_rules.len()], &crate_rules[..], "{field}");
        let added: Vec<&str> = all[crate_rules.len()..]
            .iter()
            .map(|r| r["code"].as_str().unwrap())
            .collect();
        let expected: Vec<&str> = rules.codes_at(*field).iter().map(|c| c.as_str()).collect();
        assert_eq!(added, expected, "{field}");
    }
    let email_added = &document["fields"][0]["rules"].as_array().unwrap()
        [plain["fields"][0]["rules"].as_array().unwrap().len()..];
    assert_eq!(
        email_added
            .iter()
            .map(|r| r["code"].as_str().unwrap())
            .collect::<Vec<_>>(),
        ["disposable_email", "blocked_domain", "refused_here"]
    );
    // The document's sentence is the reader's.
    let report = read(
        &with("email", json!("jane@mailinator.com")),
        &policy,
        &rules,
    )
    .unwrap_err();
    assert_eq!(email_added[0]["message"], report.errors()[0].message());
    assert_eq!(
        email_added[0],
        json!({"code": "disposable_email", "message": "email must not be a disposable address"})
    );
}

#[test]
fn the_result_schema_with_the_rules_accepts_their_errors_and_the_plain_one_does_not() {
    let rules = disposable();
    let report = read(
        &with("email", json!("jane@mailinator.com")),
        &Policy::default(),
        &rules,
    )
    .unwrap_err();
    let result = serde_json::to_value(&report).unwrap();
    let problem = serde_json::to_value(report.to_problem(400)).unwrap();
    let valid = |schema: Value, doc: &Value| {
        jsonschema::options()
            .with_draft(jsonschema::Draft::Draft202012)
            .build(&schema)
            .unwrap()
            .is_valid(doc)
    };
    assert!(valid(schema::result_schema_with(&rules), &result));
    assert!(!valid(schema::result_schema(), &result));
    assert!(valid(Problem::json_schema_with(&rules), &problem));
    assert!(!valid(Problem::json_schema(), &problem));
    assert_eq!(
        schema::result_schema(),
        schema::result_schema_with(&ServiceRules::new())
    );
    assert_eq!(
        Problem::json_schema(),
        Problem::json_schema_with(&ServiceRules::new())
    );
}

#[test]
fn a_service_code_is_not_read_back_as_one_of_the_crates() {
    assert!("disposable_email".parse::<ErrorCode>().is_err());
    assert!(!ErrorCode::ALL.contains(&ErrorCode::Service(&DISPOSABLE_EMAIL)));
    assert_eq!(
        serde_json::to_value(ErrorCode::Service(&DISPOSABLE_EMAIL)).unwrap(),
        "disposable_email"
    );
    assert_eq!(
        format!("{:?}", disposable()),
        r#"{"email": ["disposable_email"]}"#
    );
}

/// Every field's rules refuse: each error is a service error.
fn refusing_everything() -> ServiceRules {
    fn no<T>(_: &T) -> Result<(), Params> {
        Err(Params::suggestion("example.org"))
    }
    ServiceRules::new()
        .email(&DISPOSABLE_EMAIL, no)
        .password(&REFUSED, no)
        .offer_id(&REFUSED, no)
        .publisher_id(&REFUSED, no)
        .locale(&REFUSED, no)
        .country(&REFUSED, no)
        .currency(&REFUSED, no)
        .first_name(&REFUSED, no)
        .last_name(&NAMES_DIFFER, no)
        .external_id(&REFUSED, no)
        .external_data(&REFUSED, no)
        .customer_ip(&BLOCKED_DOMAIN, no)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::util::cases(256)))]

    #[test]
    fn no_service_message_repeats_a_submitted_value(request in register_request()) {
        let body = serde_json::to_vec(&request).unwrap();
        let report = RegisterRequest::from_json_with_rules(&body, &Policy::default(), &refusing_everything())
            .unwrap_err();
        prop_assert!(report.errors().iter().all(|e| matches!(e.code(), ErrorCode::Service(_))));
        let Value::Object(submitted) = serde_json::from_slice(&body).unwrap() else { unreachable!() };
        let written = String::from_utf8(report.to_problem_json(400)).unwrap();
        let summary = report.to_string();
        for value in submitted.values().filter_map(Value::as_str) {
            // Short values ("US", "USD") are words of any sentence; the rest are the customer's.
            if value.chars().count() < 6 {
                continue;
            }
            let escaped = serde_json::to_string(value).unwrap();
            let inner = &escaped[1..escaped.len() - 1];
            prop_assert!(!written.contains(inner), "the problem shows {:?}", value);
            prop_assert!(!summary.contains(value), "the summary shows {:?}", value);
            for e in report.errors() {
                prop_assert!(!e.message().contains(value), "{} shows {:?}", e.message(), value);
            }
        }
    }
}
