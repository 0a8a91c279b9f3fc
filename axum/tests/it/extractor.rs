//! Every answer of the extractor, in process (`tower::ServiceExt::oneshot`): status, headers
//! and body.

use crate::util::stream::{chunked, counted, failing};
use crate::util::{app, post, send, INVALID, VALID, VALID_WITHOUT_IP};
use axum::http::{header, Request, StatusCode};
use cleeng_register::policy::CustomerIpRule;
use cleeng_register::{Field, Policy, Problem, RegisterRequest};
use cleeng_register_axum::{InvalidStatus, RegistrationConfig, PROBLEM_CONTENT_TYPE};
use cleeng_register_messages::{Catalog, Language};
use futures_util::StreamExt;
use serde_json::{json, Value};
use tower::ServiceExt;

fn default_app() -> axum::Router {
    app(RegistrationConfig::default())
}

fn small_policy(max: usize) -> Policy {
    Policy::builder()
        .max_body_bytes(max)
        .build()
        .expect("a valid policy")
}

/// The report's errors as the core crate serializes them, without their messages: the
/// pointers, codes and params, which are the same in every language.
fn core_errors(body: &[u8], policy: &Policy) -> Value {
    let report = RegisterRequest::from_json(body, policy).expect_err("an invalid body");
    let mut errors = serde_json::to_value(&report).expect("reports serialize")["errors"].take();
    for error in errors.as_array_mut().expect("an array") {
        error.as_object_mut().expect("an object").remove("message");
    }
    errors
}

/// `errors` without their messages, to compare with [`core_errors`].
fn without_messages(errors: &Value) -> Value {
    let mut errors = errors.clone();
    for error in errors.as_array_mut().expect("an array") {
        error.as_object_mut().expect("an object").remove("message");
    }
    errors
}

/// The errors' messages, in order.
fn messages(answer: &crate::util::Answer) -> Vec<String> {
    answer.body["errors"]
        .as_array()
        .expect("an array of errors")
        .iter()
        .map(|e| e["message"].as_str().expect("a message").to_owned())
        .collect()
}

/// The catalog's problem document for `body` under `policy` in `language`, answered with
/// `status`: what the extractor answers.
fn catalog_problem(body: &[u8], policy: &Policy, language: Language, status: u16) -> Value {
    let report = RegisterRequest::from_json(body, policy).expect_err("an invalid body");
    serde_json::from_slice(&Catalog::get().problem_json(language, &report, status))
        .expect("the catalog writes JSON")
}

#[tokio::test]
async fn a_valid_body_reaches_the_handler_without_advisories() {
    let answer = send(default_app(), post(Some("application/json"), VALID)).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.content_type(), "application/json");
    assert_eq!(
        answer.body,
        json!({"valid": true, "advisories": [], "customerIP": "8.8.8.8"})
    );
}

#[tokio::test]
async fn a_valid_body_without_customer_ip_carries_the_advisory() {
    let answer = send(
        default_app(),
        post(Some("application/json"), VALID_WITHOUT_IP),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(
        answer.body,
        json!({"valid": true, "customerIP": null, "advisories": [{
            "pointer": "/customerIP",
            "code": "customer_ip_missing",
            "message": cleeng_register::Advisory::CustomerIpMissing.message(),
        }]})
    );
}

#[tokio::test]
async fn json_media_types_with_parameters_and_suffixes_are_accepted() {
    for content_type in [
        "application/json",
        "application/json; charset=utf-8",
        "application/json;charset=UTF-8",
        "Application/JSON",
        "application/merge-patch+json",
        "application/vnd.example.registration+json; charset=utf-8; version=2",
        "text/x-custom+json",
        // RFC 9110: white space around ";", empty parameters, quoted values.
        "application/json ;charset=utf-8",
        "application/json\t;\tcharset=utf-8 ",
        "application/json;",
        "application/json; charset=\"utf-8\"",
    ] {
        let answer = send(default_app(), post(Some(content_type), VALID)).await;
        assert_eq!(answer.status, StatusCode::OK, "{content_type}");
    }
}

#[tokio::test]
async fn identity_content_encoding_is_accepted() {
    let mut request = post(Some("application/json"), VALID);
    request
        .headers_mut()
        .insert(header::CONTENT_ENCODING, "identity".parse().unwrap());
    assert_eq!(send(default_app(), request).await.status, StatusCode::OK);
}

async fn assert_415(request: Request<axum::body::Body>, detail: &str, case: &str) {
    let answer = send(default_app(), request).await;
    assert_eq!(answer.status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{case}");
    assert_eq!(answer.content_type(), PROBLEM_CONTENT_TYPE, "{case}");
    assert_eq!(
        answer.headers.get("accept-post").unwrap(),
        "application/json, application/*+json",
        "{case}"
    );
    assert_eq!(
        answer.body,
        json!({"type": "about:blank", "title": "Unsupported Media Type", "status": 415, "detail": detail}),
        "{case}"
    );
}

#[tokio::test]
async fn other_media_types_are_415_before_the_body_is_read() {
    const NOT_JSON: &str =
        "the request's Content-Type is not JSON; send application/json or a */*+json type";
    // A failing body would be 400 if it were read: 415 proves it was not.
    assert_415(
        post(None, failing()),
        "the request has no Content-Type; send application/json",
        "absent",
    )
    .await;
    for content_type in [
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/jsonx",
        "application/json-seq",
        "application/+json-not",
        "json",
        "",
        "application/json; charset",
        // RFC 9110 allows no white space around "=".
        "application/json; charset = utf-8",
        "application/json; charset= utf-8",
        "application/json charset=utf-8",
    ] {
        assert_415(post(Some(content_type), failing()), NOT_JSON, content_type).await;
    }
    let mut twice = post(Some("application/json"), failing());
    twice
        .headers_mut()
        .append(header::CONTENT_TYPE, "application/json".parse().unwrap());
    assert_415(twice, NOT_JSON, "given twice").await;

    let mut gzip = post(Some("application/json"), failing());
    gzip.headers_mut()
        .insert(header::CONTENT_ENCODING, "gzip".parse().unwrap());
    assert_415(
        gzip,
        "the request body has a Content-Encoding; send it uncompressed",
        "gzip",
    )
    .await;
}

#[tokio::test]
async fn a_charset_other_than_utf_8_is_415_naming_the_media_type_expected() {
    const CHARSET: &str =
        "the request's charset is not UTF-8; send application/json with charset=utf-8 or none";
    for content_type in [
        "application/json; charset=latin1",
        "application/json; charset=ISO-8859-1",
        "application/json; charset=\"utf-16\"",
        "application/vnd.example+json; charset=windows-1252",
        "application/json; charset=utf-8; charset=latin1",
    ] {
        // Latin-1 bytes that are not UTF-8: 415 before the body is read, not 400.
        assert_415(post(Some(content_type), failing()), CHARSET, content_type).await;
    }
    for content_type in [
        "application/json; charset=UTF-8",
        "application/json; charset=Utf-8",
    ] {
        let answer = send(default_app(), post(Some(content_type), VALID)).await;
        assert_eq!(answer.status, StatusCode::OK, "{content_type}");
    }
}

fn padded(len: usize) -> String {
    let mut body = VALID.to_owned();
    assert!(len >= body.len());
    body.extend(std::iter::repeat_n(' ', len - body.len()));
    body
}

#[tokio::test]
async fn a_body_of_exactly_max_body_bytes_is_read() {
    let policy = small_policy(VALID.len() + 10);
    let config = RegistrationConfig::new(policy);
    let sized = post(Some("application/json"), padded(VALID.len() + 10));
    assert_eq!(
        send(app(config.clone()), sized).await.status,
        StatusCode::OK
    );
    let streamed = post(
        Some("application/json"),
        chunked(vec![VALID, "     ", "     "]),
    );
    assert_eq!(send(app(config), streamed).await.status, StatusCode::OK);
}

async fn assert_413(answer: crate::util::Answer, max: usize) {
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(answer.content_type(), PROBLEM_CONTENT_TYPE);
    let body = vec![b' '; max + 1];
    let errors = core_errors(&body, &small_policy(max));
    assert_eq!(errors[0]["params"], json!({"max": max}));
    assert_eq!(answer.headers[header::CONTENT_LANGUAGE], "en");
    assert_eq!(
        answer.body,
        json!({"type": Problem::TYPE, "title": "Invalid request body", "status": 413,
               "detail": "1 error must be corrected.", "code": "REQ0001",
               "errors": [{"pointer": "", "code": "too_large", "params": {"max": max},
                           "message": format!("The request must be at most {max} bytes.")}]})
    );
    assert_eq!(without_messages(&answer.body["errors"]), errors);
    assert_eq!(
        answer.body,
        catalog_problem(&body, &small_policy(max), Language::En, 413)
    );
}

#[tokio::test]
async fn a_declared_length_over_the_limit_is_413_before_reading() {
    let max = VALID.len() + 10;
    let mut request = post(Some("application/json"), failing());
    request
        .headers_mut()
        .insert(header::CONTENT_LENGTH, (max + 1).into());
    let answer = send(app(RegistrationConfig::new(small_policy(max))), request).await;
    assert_413(answer, max).await;
}

#[tokio::test]
async fn a_sized_body_one_byte_over_the_limit_is_413() {
    let max = VALID.len() + 10;
    let request = post(Some("application/json"), padded(max + 1));
    let answer = send(app(RegistrationConfig::new(small_policy(max))), request).await;
    assert_413(answer, max).await;
}

#[tokio::test]
async fn a_streamed_body_over_the_limit_is_413_at_the_chunk_that_crosses_it() {
    let max = 100;
    let (body, pulled) = counted(1000, 30);
    let answer = send(
        app(RegistrationConfig::new(small_policy(max))),
        post(Some("application/json"), body),
    )
    .await;
    assert_413(answer, max).await;
    // 4 chunks of 30 pass 100: the fourth is refused, and no fifth is asked for.
    assert_eq!(pulled.bytes(), 120);
}

#[tokio::test]
async fn an_invalid_body_is_400_with_the_report_as_a_problem() {
    let answer = send(default_app(), post(Some("application/json"), INVALID)).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.content_type(), PROBLEM_CONTENT_TYPE);
    assert_eq!(answer.headers[header::CONTENT_LANGUAGE], "en");
    assert_eq!(answer.headers[header::VARY], "accept-language");
    // The catalog's English: the core's members, with a title, a detail and messages that
    // name each field by its label.
    assert_eq!(
        answer.body,
        catalog_problem(INVALID.as_bytes(), &Policy::default(), Language::En, 400)
    );
    assert_eq!(answer.body["type"], Problem::TYPE);
    assert_eq!(answer.body["title"], "Invalid request body");
    assert_eq!(answer.body["status"], 400);
    assert_eq!(answer.body["code"], "REQ0001");
    assert_eq!(answer.body["detail"], "2 errors must be corrected.");
    assert_eq!(
        without_messages(&answer.body["errors"]),
        core_errors(INVALID.as_bytes(), &Policy::default())
    );
    assert_eq!(
        messages(&answer),
        [
            "Email address must be a valid email address, such as name@example.com.",
            "Password is required.",
        ]
    );
    assert_eq!(
        answer.errors(),
        [
            ("/email".to_owned(), "invalid_format".to_owned()),
            ("/password".to_owned(), "missing".to_owned())
        ]
    );
}

#[tokio::test]
async fn an_invalid_body_is_422_when_so_configured() {
    let config =
        RegistrationConfig::default().with_invalid_status(InvalidStatus::UnprocessableContent);
    let answer = send(app(config), post(Some("application/json"), INVALID)).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer.content_type(), PROBLEM_CONTENT_TYPE);
    assert_eq!(answer.body["status"], 422);
    assert_eq!(
        answer.body,
        catalog_problem(INVALID.as_bytes(), &Policy::default(), Language::En, 422)
    );
}

#[tokio::test]
async fn malformed_bodies_are_400_malformed_body() {
    for body in [&b"{"[..], b"[]", b"", b"\xff{}", b"{\"email\":\"a\"} {}"] {
        let answer = send(default_app(), post(Some("application/json"), body.to_vec())).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST);
        assert_eq!(
            answer.errors(),
            [(String::new(), "malformed_body".to_owned())]
        );
    }
}

#[tokio::test]
async fn a_body_that_fails_while_read_is_400_without_errors() {
    let answer = send(default_app(), post(Some("application/json"), failing())).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.content_type(), PROBLEM_CONTENT_TYPE);
    assert_eq!(
        answer.body,
        json!({"type": "about:blank", "title": "Bad Request", "status": 400,
               "detail": "the request body could not be read to its end"})
    );
}

#[tokio::test]
async fn a_handler_can_inspect_the_rejection_and_answer_with_it() {
    let mut request = post(Some("application/json"), INVALID);
    *request.uri_mut() = "/inspect".parse().unwrap();
    let inspected = send(default_app(), request).await;
    let direct = send(default_app(), post(Some("application/json"), INVALID)).await;
    assert_eq!(inspected.headers.get("x-inspected").unwrap(), "yes");
    assert_eq!(
        (inspected.status, &inspected.body),
        (direct.status, &direct.body)
    );
}

#[tokio::test]
async fn the_rejection_tells_its_status_and_report() {
    use axum::extract::FromRequest;
    use cleeng_register::ErrorCode;
    use cleeng_register_axum::{RegistrationRejection, UnsupportedMediaType, ValidRegistration};

    let config = RegistrationConfig::default();
    let rejection =
        ValidRegistration::from_request(post(Some("application/json"), INVALID), &config)
            .await
            .unwrap_err();
    assert_eq!(rejection.status(), StatusCode::BAD_REQUEST);
    assert!(rejection
        .report()
        .unwrap()
        .contains("/email", ErrorCode::InvalidFormat));

    let rejection = ValidRegistration::from_request(post(Some("text/plain"), VALID), &config)
        .await
        .unwrap_err();
    assert!(matches!(
        rejection,
        RegistrationRejection::UnsupportedMediaType(UnsupportedMediaType::NotJson)
    ));
    assert!(rejection.report().is_none());

    let valid = ValidRegistration::from_request(post(Some("application/json"), VALID), &config)
        .await
        .unwrap();
    let (request, advisories) = valid.into_parts();
    assert_eq!(request.customer_ip().unwrap().as_str(), "8.8.8.8");
    assert!(advisories.is_empty());
}

#[tokio::test]
async fn a_body_past_its_deadline_is_408_with_a_problem_and_connection_close() {
    use cleeng_register_axum::{Refused, RegistrationRejection};
    use tower_http::timeout::DeadlineBody;

    // The first half of a valid body, then nothing: the deadline fires.
    let (first, _) = VALID.split_at(20);
    let stream = futures_util::stream::iter([Ok::<_, std::io::Error>(bytes::Bytes::from_static(
        first.as_bytes(),
    ))])
    .chain(futures_util::stream::pending());
    let body = DeadlineBody::new(
        std::time::Duration::from_millis(50),
        axum::body::Body::from_stream(stream),
    );
    let request = post(Some("application/json"), axum::body::Body::new(body));
    let response = default_app()
        .oneshot(request)
        .await
        .expect("routers are infallible");
    let refused = response
        .extensions()
        .get::<Refused>()
        .expect("a rejection's answer carries it")
        .clone();
    assert!(matches!(
        refused.rejection(),
        RegistrationRejection::BodyTimeout
    ));
    let answer = crate::util::Answer::from_response(response).await;
    assert_eq!(answer.status, StatusCode::REQUEST_TIMEOUT);
    assert_eq!(answer.content_type(), PROBLEM_CONTENT_TYPE);
    assert_eq!(answer.headers.get(header::CONNECTION).unwrap(), "close");
    assert_eq!(
        answer.body,
        json!({"type": "about:blank", "title": "Request Timeout", "status": 408,
               "detail": "the request body did not arrive in full within the time allowed"})
    );
}

#[tokio::test]
async fn every_refusal_carries_its_rejection_in_the_answer_extensions() {
    use cleeng_register_axum::Refused;

    for (content_type, body, status) in [
        (Some("text/plain"), VALID.to_owned(), 415),
        (Some("application/json"), padded(65537), 413),
        (Some("application/json"), INVALID.to_owned(), 400),
    ] {
        let response = default_app()
            .oneshot(post(content_type, body))
            .await
            .expect("routers are infallible");
        assert_eq!(response.status().as_u16(), status);
        let refused = response.extensions().get::<Refused>().expect("carried");
        assert_eq!(refused.rejection().status(), response.status());
    }
    let response = default_app()
        .oneshot(post(Some("application/json"), VALID))
        .await
        .expect("routers are infallible");
    assert!(response.extensions().get::<Refused>().is_none());
}

/// `POST /customers` with JSON `body` and an `Accept-Language` header.
fn post_in(accept_language: &str, body: impl Into<axum::body::Body>) -> Request<axum::body::Body> {
    let mut request = post(Some("application/json"), body);
    request.headers_mut().insert(
        header::ACCEPT_LANGUAGE,
        accept_language.parse().expect("a valid header value"),
    );
    request
}

#[tokio::test]
async fn an_invalid_body_answers_in_the_language_accept_language_asks_for() {
    let answer = send(default_app(), post_in("pl-PL,pl;q=0.9,en;q=0.8", INVALID)).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.content_type(), PROBLEM_CONTENT_TYPE);
    assert_eq!(answer.headers[header::CONTENT_LANGUAGE], "pl");
    assert_eq!(answer.headers[header::VARY], "accept-language");
    assert_eq!(answer.body["title"], "Nieprawidłowe dane");
    assert_eq!(answer.body["detail"], "Trzeba poprawić 2 błędy.");
    let messages: Vec<&str> = answer.body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        messages,
        [
            "Pole „Adres e-mail” musi zawierać prawidłowy adres e-mail, np. nazwa@example.com.",
            "Pole „Hasło” jest wymagane.",
        ]
    );
    // Pointers, codes and params are the core's, whatever the language.
    let core = core_errors(INVALID.as_bytes(), &Policy::default());
    for (ours, core) in answer.body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .zip(core.as_array().unwrap())
    {
        assert_eq!(
            (&ours["pointer"], &ours["code"]),
            (&core["pointer"], &core["code"])
        );
    }
    // The same document the catalog writes.
    assert_eq!(
        answer.body,
        catalog_problem(INVALID.as_bytes(), &Policy::default(), Language::Pl, 400)
    );
}

#[tokio::test]
async fn without_a_language_of_the_catalog_the_answer_is_the_catalogs_english() {
    for accept_language in [
        None,
        Some("ja, zh;q=0.5"),
        Some("en-GB"),
        Some("pl;q=nope"),
        Some("*"),
    ] {
        let request = match accept_language {
            Some(value) => post_in(value, INVALID),
            None => post(Some("application/json"), INVALID),
        };
        let answer = send(default_app(), request).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST);
        assert_eq!(
            answer.headers[header::CONTENT_LANGUAGE],
            "en",
            "{accept_language:?}"
        );
        assert_eq!(answer.headers[header::VARY], "accept-language");
        let report =
            RegisterRequest::from_json(INVALID.as_bytes(), &Policy::default()).unwrap_err();
        assert_eq!(
            answer.text.as_bytes(),
            Catalog::get().problem_json(Language::En, &report, 400),
            "{accept_language:?}"
        );
        assert_eq!(answer.body["title"], "Invalid request body");
    }
}

/// Bodies that refuse every field of the request in English: each field a number, each an
/// empty string, each a string of its own marker, none given, and an unknown key; under a
/// policy that requires `customerIP`, so that the absent body names it too.
fn bodies_refusing_every_field() -> Vec<(Policy, Vec<u8>, Vec<String>)> {
    let every = |value: &dyn Fn(&str) -> Value| {
        let object: serde_json::Map<String, Value> = Field::ALL
            .iter()
            .map(|f| (f.as_str().to_owned(), value(f.as_str())))
            .collect();
        serde_json::to_vec(&object).expect("an object serializes")
    };
    let marker = |key: &str| format!("MRK{}Q", key.len() * 7919);
    let markers: Vec<String> = Field::ALL.iter().map(|f| marker(f.as_str())).collect();
    let strict = Policy::builder()
        .customer_ip(CustomerIpRule::Required)
        .build()
        .expect("a valid policy");
    vec![
        (Policy::default(), every(&|_| json!(1)), Vec::new()),
        (Policy::default(), every(&|_| json!("")), Vec::new()),
        (Policy::default(), every(&|key| json!(marker(key))), markers),
        (strict.clone(), b"{}".to_vec(), Vec::new()),
        (
            Policy::default(),
            br#"{"nickName":"MRK1Q","email":"a@example.com","email":"b@example.com"}"#.to_vec(),
            vec![
                "MRK1Q".to_owned(),
                "a@example.com".to_owned(),
                "b@example.com".to_owned(),
            ],
        ),
    ]
}

#[tokio::test]
async fn english_messages_name_fields_by_their_label_never_their_json_key() {
    let mut checked = std::collections::BTreeSet::new();
    for (policy, body, submitted) in bodies_refusing_every_field() {
        let answer = send(
            app(RegistrationConfig::new(policy.clone())),
            post_in("en-US", body.clone()),
        )
        .await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{}", answer.text);
        assert_eq!(answer.headers[header::CONTENT_LANGUAGE], "en");
        assert_eq!(
            answer.body,
            catalog_problem(&body, &policy, Language::En, 400)
        );
        for (error, message) in answer.body["errors"]
            .as_array()
            .unwrap()
            .iter()
            .zip(messages(&answer))
        {
            checked.insert(error["pointer"].as_str().unwrap().to_owned());
            for field in Field::ALL {
                let key = field.as_str();
                // A camelCase key is never a word of an English sentence; a one-word key
                // ("email", "country") may be ("a valid email address"), but never the
                // subject that starts it, as the core's sentences have it.
                let named = if key.chars().any(|c| c.is_ascii_uppercase()) {
                    message.contains(key)
                } else {
                    message.starts_with(key)
                };
                assert!(!named, "{message:?} names the key {key}");
            }
            for value in &submitted {
                assert!(
                    !message.contains(value.as_str()),
                    "{message:?} repeats {value}"
                );
            }
        }
        for value in &submitted {
            assert!(
                !answer.text.contains(value.as_str()),
                "the answer repeats {value}"
            );
        }
    }
    // Every field's pointer and the body's were refused at least once.
    for field in Field::ALL {
        assert!(
            checked.contains(field.pointer()),
            "{} not refused",
            field.pointer()
        );
    }
    assert!(checked.contains(""), "the body not refused");
    assert!(checked.contains("/nickName"), "the unknown key not refused");
}

#[tokio::test]
async fn a_body_over_the_limit_answers_in_the_language_too() {
    let config = RegistrationConfig::new(small_policy(64));
    let answer = send(app(config), post_in("de-CH, de;q=0.9", vec![b' '; 65])).await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(answer.headers[header::CONTENT_LANGUAGE], "de");
    assert_eq!(
        answer.body["errors"][0]["message"],
        "Die Formulardaten dürfen höchstens 64 Bytes groß sein."
    );
    assert_eq!(answer.body["errors"][0]["params"], json!({"max": 64}));
}

#[tokio::test]
async fn every_language_answers_with_its_tag() {
    use cleeng_register_messages::Language;
    for language in Language::ALL {
        let answer = send(default_app(), post_in(language.tag(), INVALID)).await;
        assert_eq!(answer.headers[header::CONTENT_LANGUAGE], language.tag());
        assert_eq!(answer.body["code"], "REQ0001");
        assert_eq!(answer.body["errors"].as_array().unwrap().len(), 2);
    }
}

#[tokio::test]
async fn every_languages_answer_is_a_problem_of_the_cores_schema() {
    // The core's schema of the document, as the OpenAPI document publishes it: a title in
    // any language, a detail.
    let schema = Problem::json_schema();
    let validator = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .build(&schema)
        .expect("the problem schema compiles");
    let config = RegistrationConfig::new(small_policy(64));
    for language in Language::ALL {
        for (request, status) in [
            (post_in(language.tag(), INVALID), StatusCode::BAD_REQUEST),
            (
                post_in(language.tag(), vec![b' '; 65]),
                StatusCode::PAYLOAD_TOO_LARGE,
            ),
        ] {
            let router = match status {
                StatusCode::BAD_REQUEST => default_app(),
                _ => app(config.clone()),
            };
            let answer = send(router, request).await;
            assert_eq!(answer.status, status);
            assert!(
                validator.is_valid(&answer.body),
                "{language}: {}",
                answer.text
            );
        }
    }
}

#[tokio::test]
async fn every_refusal_is_never_sniffed_cached_or_sent_with_a_referrer() {
    use axum::response::IntoResponse;
    use cleeng_register_axum::RegistrationRejection;
    let mut responses = Vec::new();
    for (content_type, body) in [
        (Some("text/plain"), VALID.to_owned()),
        (Some("application/json"), padded(65537)),
        (Some("application/json"), INVALID.to_owned()),
        (Some("application/json"), "{".to_owned()),
    ] {
        let response = default_app()
            .oneshot(post(content_type, body))
            .await
            .expect("routers are infallible");
        responses.push(response);
    }
    responses.push(RegistrationRejection::BodyTimeout.into_response());
    for response in responses {
        let headers = response.headers();
        let status = response.status();
        assert_eq!(headers["x-content-type-options"], "nosniff", "{status}");
        assert_eq!(headers["referrer-policy"], "no-referrer", "{status}");
        assert_eq!(headers["cache-control"], "no-store", "{status}");
    }
}
