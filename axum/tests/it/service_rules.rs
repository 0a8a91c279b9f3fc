//! The service's own rules from the configuration: run by the extractor in the same pass as
//! the core's, answered in the same problem document, over a real socket and in process.

use crate::util::server::{full, ok, post_to, serve};
use crate::util::{app, post, send, VALID};
use axum::http::StatusCode;
use cleeng_register::error::{Params, ServiceCode, ServiceMessage};
use cleeng_register::service_rule::ServiceRules;
use cleeng_register::{Field, Policy, Problem, RegisterRequest};
use cleeng_register_axum::{CustomerIpSource, InvalidStatus, RegistrationConfig};
use serde_json::json;

static DISPOSABLE_EMAIL: ServiceCode = ServiceCode::new(
    "disposable_email",
    ServiceMessage::new("must not be a disposable address")
        .with_translations(&[("de", "darf keine Wegwerfadresse sein")]),
);
static PRIVATE_ADDRESS: ServiceCode = ServiceCode::new(
    "private_customer_ip",
    ServiceMessage::new("must be a public address"),
);

const DISPOSABLE: &str = r#"{"email":"jane@yopmail.com","password":"short","offerId":"S565568989_US","locale":"en_US","country":"US","currency":"USD","customerIP":"8.8.8.8"}"#;

fn rules() -> ServiceRules {
    ServiceRules::new()
        .email(&DISPOSABLE_EMAIL, |email| match email.domain() {
            "yopmail.com" | "mailinator.com" => Err(Params::NONE),
            _ => Ok(()),
        })
        .request(
            Field::CustomerIp,
            &PRIVATE_ADDRESS,
            |request| match request.customer_ip() {
                Some(ip) if !ip.is_globally_reachable() => Err(Params::NONE),
                _ => Ok(()),
            },
        )
}

#[tokio::test]
async fn a_service_rule_is_answered_in_the_problem_over_a_socket() {
    let config = RegistrationConfig::new(Policy::default()).with_rules(rules());
    let (addr, _) = serve(app(config)).await;

    let answer = post_to(addr, &[], full(DISPOSABLE))
        .await
        .expect("an answer");
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.content_type(), Problem::CONTENT_TYPE);
    assert_eq!(
        answer.errors(),
        [
            ("/email".to_owned(), "disposable_email".to_owned()),
            ("/password".to_owned(), "too_short".to_owned()),
            (
                "/password".to_owned(),
                "missing_digit_or_special".to_owned()
            ),
        ]
    );
    // The catalog words the answer: the service's sentence after the field's label.
    assert_eq!(
        answer.body["errors"][0],
        json!({"pointer": "/email", "code": "disposable_email",
               "message": "Email address must not be a disposable address."})
    );
    // Pointers, codes and params are the core's for the same body and rules.
    let report =
        RegisterRequest::from_json_with_rules(DISPOSABLE.as_bytes(), &Policy::default(), &rules())
            .unwrap_err();
    let core: Vec<(String, String)> = report
        .errors()
        .iter()
        .map(|e| (e.pointer().to_owned(), e.code().as_str().to_owned()))
        .collect();
    assert_eq!(answer.errors(), core);
    assert_eq!(
        report.errors()[0].message(),
        "email must not be a disposable address"
    );
    // The submitted address is nowhere in it.
    assert!(!answer.text.contains("yopmail"));

    ok(&post_to(addr, &[], full(VALID)).await.expect("an answer"));
}

#[tokio::test]
async fn a_request_rule_sees_the_address_filled_from_the_connection() {
    // The socket's peer is 127.0.0.1, which is not public.
    let config = RegistrationConfig::new(Policy::default())
        .with_rules(rules())
        .with_customer_ip(CustomerIpSource::Peer);
    let (addr, _) = serve(app(config)).await;
    let without_ip = VALID.replace(r#","customerIP":"8.8.8.8""#, "");
    let answer = post_to(addr, &[], full(without_ip))
        .await
        .expect("an answer");
    assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{}", answer.text);
    assert_eq!(
        answer.errors(),
        [("/customerIP".to_owned(), "private_customer_ip".to_owned())]
    );
    assert_eq!(
        answer.body["errors"][0]["message"],
        "IP address must be a public address."
    );
}

#[tokio::test]
async fn the_configured_status_and_the_rejection_carry_service_errors() {
    let config = RegistrationConfig::default()
        .with_rules(rules())
        .with_invalid_status(InvalidStatus::UnprocessableContent);
    let answer = send(app(config), post(Some("application/json"), DISPOSABLE)).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer.body["errors"][0]["code"], "disposable_email");

    // Without rules, the same body has the core's errors alone.
    let answer = send(
        app(RegistrationConfig::default()),
        post(Some("application/json"), DISPOSABLE),
    )
    .await;
    assert_eq!(answer.errors()[0].1, "too_short");
}

#[tokio::test]
async fn in_another_language_a_service_error_is_its_translation_or_says_the_field_is_invalid() {
    // In Polish, for which the service gave no sentence: the code, pointer and order stay,
    // and the field is said to be not valid in Polish, never in another language.
    let config = RegistrationConfig::default().with_rules(rules());
    let mut request = post(Some("application/json"), DISPOSABLE);
    request
        .headers_mut()
        .insert("accept-language", "pl".parse().expect("a header value"));
    let answer = send(app(config.clone()), request).await;
    assert_eq!(answer.headers["content-language"], "pl");
    assert_eq!(
        answer.body["errors"][0]["message"],
        "Pole „Adres e-mail” jest nieprawidłowe."
    );
    // In German, the service's German sentence in the German frame.
    let mut request = post(Some("application/json"), DISPOSABLE);
    request
        .headers_mut()
        .insert("accept-language", "de".parse().expect("a header value"));
    let answer = send(app(config), request).await;
    assert_eq!(
        answer.body["errors"][0]["message"],
        "Das Feld „E-Mail-Adresse“ darf keine Wegwerfadresse sein."
    );
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.headers["content-language"], "de");
    assert_eq!(
        answer.errors()[0],
        ("/email".to_owned(), "disposable_email".to_owned())
    );
    let message = answer.body["errors"][0]["message"]
        .as_str()
        .expect("a message");
    assert!(message.starts_with("Das Feld"), "{message}");
    assert!(!answer.text.contains("yopmail"));
}
