//! The OpenAPI 3.1 document of `POST /customers`: the request body under a policy, Cleeng's
//! answers and errors, and the problem document of a validating service. Frontends generate
//! typed clients from it (`openapi-typescript`, see the README).

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use serde_json::{json, Map, Value};

use cleeng_register::{schema, Policy, Problem, RegisterRequest, ValidationReport};

use crate::{cleeng_error_schema, response_schema, CleengErrorCode};

/// Cleeng's MediaStore API hosts, as the document's `servers` lists them.
pub const SERVERS: [(&str, &str); 2] = [
    (crate::SANDBOX_BASE_URL, "Cleeng sandbox"),
    (crate::PRODUCTION_BASE_URL, "Cleeng production"),
];

const REF_REQUEST: &str = "#/components/schemas/RegisterRequest";
const REF_RESPONSE: &str = "#/components/schemas/RegisterResponse";
const REF_CLEENG_ERROR: &str = "#/components/schemas/CleengError";
const REF_PROBLEM: &str = "#/components/schemas/Problem";
const REF_FIELD_ERROR: &str = "#/components/schemas/FieldError";

/// The typical request, the README's.
const EXAMPLE_REQUEST: &str = r#"{"email":"jane.doe@example.com","password":"s3cret-pass","offerId":"S565568989_US","locale":"en_US","country":"US","currency":"USD","customerIP":"203.0.113.7"}"#;
/// An invalid one: three errors.
const EXAMPLE_INVALID_REQUEST: &str = r#"{"email":"jane@localhost","password":"password","offerId":"S565568989_US","locale":"en_US","country":"UK","currency":"USD"}"#;

/// A schema without its `$schema` (the document's dialect is 2020-12 already).
fn component(mut schema: Value) -> Value {
    if let Value::Object(map) = &mut schema {
        map.remove("$schema");
    }
    schema
}

/// The problem schema with its `FieldError` moved to the components.
fn problem_component() -> Value {
    let mut problem = component(Problem::json_schema());
    if let Value::Object(map) = &mut problem {
        map.remove("$defs");
    }
    problem["properties"]["errors"]["items"] = json!({"$ref": REF_FIELD_ERROR});
    problem
}

fn parse_example(text: &str) -> Value {
    serde_json::from_str(text).expect("the module's examples are JSON")
}

/// The typical request, with the policy's first currency and locale where it lists them, so
/// the example is valid under the policy it is printed for.
fn example_request(policy: &Policy) -> Value {
    let mut request = parse_example(EXAMPLE_REQUEST);
    if let Some(currency) = policy.allowed_currencies().and_then(|list| list.first()) {
        request["currency"] = json!(currency.as_str());
    }
    if let Some(locale) = policy.allowed_locales().and_then(|list| list.first()) {
        request["locale"] = json!(locale.as_str());
    }
    request
}

/// A JWT for the example answer: claims for customer 123456789, a placeholder signature.
fn example_jwt() -> String {
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"RS256","typ":"JWT"}"#);
    let claims = URL_SAFE_NO_PAD
        .encode(br#"{"customerId":123456789,"publisherId":"123456789","exp":1767225600}"#);
    format!("{header}.{claims}.c2lnbmF0dXJlLW5vdC12ZXJpZmllZC1oZXJl")
}

fn example_problem(report: ValidationReport, status: u16) -> Value {
    serde_json::to_value(report.into_problem(status)).expect("a problem serializes")
}

fn invalid_body_problem(policy: &Policy, status: u16) -> Value {
    let report = RegisterRequest::from_json(EXAMPLE_INVALID_REQUEST.as_bytes(), policy)
        .expect_err("the invalid example is invalid under every policy");
    example_problem(report, status)
}

fn cleeng_error_example(code: CleengErrorCode, message: &str) -> Value {
    json!({"responseData": {}, "errors": [{"code": code.as_str(), "message": message}]})
}

/// `{"summary": …, "value": …}` under a name.
fn examples(list: &[(&str, &str, Value)]) -> Value {
    let map: Map<String, Value> = list
        .iter()
        .map(|(name, summary, value)| {
            (
                (*name).to_owned(),
                json!({"summary": summary, "value": value}),
            )
        })
        .collect();
    Value::Object(map)
}

fn cleeng_error_content(list: &[(&str, &str, Value)]) -> Value {
    json!({"application/json": {"schema": {"$ref": REF_CLEENG_ERROR}, "examples": examples(list)}})
}

/// The OpenAPI 3.1 document of `POST /customers` under `policy`: the request body is the
/// schema [`schema::request_schema`] gives for it, the 200 answer is
/// [`response_schema`], and the 4xx and 5xx answers are Cleeng's error bodies and the RFC
/// 9457 [`Problem`] a validating service sends (400, 413, and 422 where so configured).
/// Registration needs no token: `security: []`.
///
/// ```
/// use cleeng_register::Policy;
/// use cleeng_register_response::openapi;
/// let doc = openapi::document(&Policy::default());
/// assert_eq!(doc["openapi"], "3.1.0");
/// let post = &doc["paths"]["/customers"]["post"];
/// assert_eq!(post["security"], serde_json::json!([]));
/// assert!(post["responses"]["429"]["content"]["application/json"]["examples"]["CPT0002"].is_object());
/// ```
pub fn document(policy: &Policy) -> Value {
    let too_large = ValidationReport::body_too_large(policy);
    let problem_400 = invalid_body_problem(policy, 400);
    let problem_422 = invalid_body_problem(policy, 422);
    let servers: Vec<Value> = SERVERS
        .iter()
        .map(|(url, description)| json!({"url": url, "description": description}))
        .collect();
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Cleeng MediaStore customer registration",
            "version": env!("CARGO_PKG_VERSION"),
            "summary": "POST /customers: the body cleeng-register validates, and what Cleeng answers.",
            "description": "Registers a customer with Cleeng's MediaStore API. The request body schema is the one \
                cleeng-register enforces for its policy. 400 and 422 answers come either from Cleeng (application/json, \
                a Cleeng error code) or from a service that validates with cleeng-register before calling Cleeng \
                (application/problem+json, RFC 9457, with code REQ0001 and every field error); 413 and 415 come from \
                such a service.",
            "license": {"name": "MIT OR Apache-2.0", "identifier": "MIT OR Apache-2.0"},
        },
        "servers": servers,
        "tags": [{"name": "customers", "description": "Customer accounts."}],
        "paths": {
            "/customers": {
                "post": {
                    "operationId": "registerCustomer",
                    "summary": "Register a customer",
                    "description": "Creates a customer account and answers with its id, a JWT and session tokens. \
                        No authorization is needed.",
                    "tags": ["customers"],
                    "security": [],
                    "requestBody": {
                        "required": true,
                        "content": {
                            "application/json": {
                                "schema": {"$ref": REF_REQUEST},
                                "examples": examples(&[("typical", "A typical registration", example_request(policy))]),
                            },
                        },
                    },
                    "responses": {
                        "200": {
                            "description": "The customer is registered.",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": REF_RESPONSE},
                                    "examples": examples(&[("registered", "A new customer", json!({
                                        "responseData": {
                                            "customerId": 123456789,
                                            "customerToken": "ct_0aB1cD2eF3gH4iJ5",
                                            "jwt": example_jwt(),
                                            "refreshToken": "rt_9zY8xW7vU6tS5rQ4",
                                        },
                                        "errors": [],
                                    }))]),
                                },
                            },
                        },
                        "400": {
                            "description": "The request body is invalid: Cleeng's REQ0001, or the problem document of a \
                                validating service listing every field error.",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": REF_CLEENG_ERROR},
                                    "examples": examples(&[("REQ0001", "Cleeng: invalid request body",
                                        cleeng_error_example(CleengErrorCode::InvalidRequest, "Invalid request body"))]),
                                },
                                Problem::CONTENT_TYPE: {
                                    "schema": {"$ref": REF_PROBLEM},
                                    "examples": examples(&[("invalid", "Every field error", problem_400)]),
                                },
                            },
                        },
                        "413": {
                            "description": "The body is larger than the service accepts (too_large at the root).",
                            "content": {
                                Problem::CONTENT_TYPE: {
                                    "schema": {"$ref": REF_PROBLEM},
                                    "examples": examples(&[("too_large", "A body over the limit", example_problem(too_large, 413))]),
                                },
                            },
                        },
                        "415": {
                            "description": "The Content-Type is not application/json or another +json type.",
                        },
                        "422": {
                            "description": "Cleeng's USER0002: a customer with this email already exists. Services \
                                configured to answer invalid bodies with 422 send the problem document here instead of 400.",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": REF_CLEENG_ERROR},
                                    "examples": examples(&[("USER0002", "Cleeng: customer already exists",
                                        cleeng_error_example(CleengErrorCode::CustomerAlreadyExists, "Customer already exists"))]),
                                },
                                Problem::CONTENT_TYPE: {
                                    "schema": {"$ref": REF_PROBLEM},
                                    "examples": examples(&[("invalid", "Every field error", problem_422)]),
                                },
                            },
                        },
                        "429": {
                            "description": "reCAPTCHA: Cleeng requires a captchaValue (CPT0001) or could not verify it (CPT0002).",
                            "content": cleeng_error_content(&[
                                ("CPT0001", "Cleeng: reCAPTCHA verification required",
                                    cleeng_error_example(CleengErrorCode::CaptchaRequired, "reCAPTCHA verification required")),
                                ("CPT0002", "Cleeng: reCAPTCHA verification failed",
                                    cleeng_error_example(CleengErrorCode::CaptchaFailed, "reCAPTCHA verification failed")),
                            ]),
                        },
                        "500": {
                            "description": "Cleeng's server error: S followed by four digits or Xs.",
                            "content": cleeng_error_content(&[("SXXXX", "Cleeng: server error",
                                cleeng_error_example(CleengErrorCode::parse("SXXXX"), "Internal server error"))]),
                        },
                    },
                },
            },
        },
        "components": {
            "schemas": {
                "RegisterRequest": component(schema::request_schema(policy)),
                "RegisterResponse": component(response_schema()),
                "CleengError": component(cleeng_error_schema()),
                "Problem": problem_component(),
                "FieldError": schema::result_schema()["$defs"]["FieldError"].clone(),
            },
        },
    })
}
