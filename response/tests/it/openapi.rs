//! The OpenAPI 3.1 document and the response schema: structure, every example against its
//! schema and through the crate, every `$ref` resolvable.

use crate::util::*;
use cleeng_register::{schema, Policy, Problem, RegisterRequest};
use cleeng_register_response::*;
use serde_json::{json, Value};

fn compile(schema: &Value) -> jsonschema::Validator {
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .build(schema)
        .unwrap()
}

/// The standalone schema a component `$ref` stands for.
fn standalone(reference: &str, policy: &Policy) -> Value {
    match reference.rsplit('/').next().unwrap() {
        "RegisterRequest" => schema::request_schema(policy),
        "RegisterResponse" => response_schema(),
        "CleengError" => cleeng_error_schema(),
        "Problem" => Problem::json_schema(),
        other => panic!("no standalone schema for {other}"),
    }
}

fn strict() -> Policy {
    Policy::from_json(br#"{"allowedCurrencies":["EUR"],"allowedLocales":["pl_PL"],"customerIp":"required","maxBodyBytes":1000}"#).unwrap()
}

#[test]
fn the_operation_and_its_answers() {
    let doc = openapi::document(&Policy::default());
    assert_eq!(doc["openapi"], "3.1.0");
    let servers: Vec<&str> = doc["servers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["url"].as_str().unwrap())
        .collect();
    assert_eq!(
        servers,
        [
            "https://mediastoreapi-sandbox.cleeng.com",
            "https://mediastoreapi.cleeng.com"
        ]
    );
    let post = &doc["paths"]["/customers"]["post"];
    assert_eq!(post["security"], json!([]));
    let statuses: Vec<&String> = post["responses"].as_object().unwrap().keys().collect();
    assert_eq!(statuses, ["200", "400", "413", "415", "422", "429", "500"]);
    let responses = &post["responses"];
    let examples = |status: &str, media: &str| -> Vec<Value> {
        responses[status]["content"][media]["examples"]
            .as_object()
            .unwrap()
            .values()
            .map(|e| e["value"].clone())
            .collect()
    };
    let codes = |status: &str| -> Vec<String> {
        examples(status, "application/json")
            .iter()
            .map(|e| {
                CleengError::from_json(e.to_string().as_bytes())
                    .unwrap()
                    .code()
                    .to_string()
            })
            .collect()
    };
    assert_eq!(codes("400"), ["REQ0001"]);
    assert_eq!(codes("422"), ["USER0002"]);
    assert_eq!(codes("429"), ["CPT0001", "CPT0002"]);
    assert_eq!(codes("500"), ["SXXXX"]);
    for status in ["400", "413", "422"] {
        for problem in examples(status, "application/problem+json") {
            assert_eq!(problem["status"].as_u64().unwrap().to_string(), status);
            assert_eq!(problem["code"], "REQ0001");
        }
    }
    assert_eq!(
        examples("413", "application/problem+json")[0]["errors"][0]["code"],
        "too_large"
    );
    let ok = &examples("200", "application/json")[0];
    let response = RegisterResponse::from_json(ok.to_string().as_bytes()).unwrap();
    assert_eq!(response.customer_id().get(), 123456789);
}

#[test]
fn the_request_body_is_the_schema_command_s_for_the_policy() {
    for policy in [Policy::default(), strict()] {
        let doc = openapi::document(&policy);
        let mut expected = schema::request_schema(&policy);
        expected.as_object_mut().unwrap().remove("$schema");
        assert_eq!(doc["components"]["schemas"]["RegisterRequest"], expected);
        assert_eq!(
            doc["paths"]["/customers"]["post"]["requestBody"]["content"]["application/json"]
                ["schema"]["$ref"],
            "#/components/schemas/RegisterRequest"
        );
    }
    let doc = openapi::document(&strict());
    let too_large = &doc["paths"]["/customers"]["post"]["responses"]["413"]["content"]
        ["application/problem+json"]["examples"]["too_large"]["value"];
    assert_eq!(too_large["errors"][0]["params"]["max"], 1000);
}

#[test]
fn every_example_matches_its_schema_and_the_crate() {
    for policy in [Policy::default(), strict()] {
        let doc = openapi::document(&policy);
        let post = &doc["paths"]["/customers"]["post"];
        let bodies = std::iter::once(&post["requestBody"])
            .chain(post["responses"].as_object().unwrap().values());
        let mut checked = 0;
        for body in bodies {
            let Some(content) = body["content"].as_object() else {
                continue;
            };
            for (media, entry) in content {
                let validator = compile(&standalone(
                    entry["schema"]["$ref"].as_str().unwrap(),
                    &policy,
                ));
                for example in entry["examples"].as_object().unwrap().values() {
                    let value = &example["value"];
                    assert!(validator.is_valid(value), "{media}: {value}");
                    checked += 1;
                }
            }
        }
        assert_eq!(checked, 10);
        let request =
            &post["requestBody"]["content"]["application/json"]["examples"]["typical"]["value"];
        let verdict = RegisterRequest::from_json(request.to_string().as_bytes(), &policy);
        // Adapted to the policy's lists, so valid under it.
        assert!(verdict.is_ok(), "{request}");
    }
}

/// Every `$ref` names a schema the document holds.
#[test]
fn every_ref_resolves() {
    fn walk(value: &Value, doc: &Value, seen: &mut usize) {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(r)) = map.get("$ref") {
                    let pointer = r.strip_prefix('#').expect("a local reference");
                    assert!(doc.pointer(pointer).is_some(), "{r}");
                    *seen += 1;
                }
                map.values().for_each(|v| walk(v, doc, seen));
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, doc, seen)),
            _ => {}
        }
    }
    let doc = openapi::document(&Policy::default());
    let mut seen = 0;
    walk(&doc, &doc, &mut seen);
    assert!(seen >= 10, "{seen}");
}

#[test]
fn the_response_schema_accepts_what_the_crate_accepts() {
    let validator = compile(&response_schema());
    assert!(validator.is_valid(&envelope()));
    assert!(validator.is_valid(&with_data("customerId", json!("123456789"))));
    // Refused by both.
    for body in [
        without_data("jwt"),
        with_data("customerId", json!(0)),
        with_data("customerId", json!("0123")),
        with_data("customerToken", json!("")),
        with_data("refreshToken", json!("a b")),
        with_data("jwt", json!("a.b")),
        json!({"errors": []}),
    ] {
        assert!(!validator.is_valid(&body), "{body}");
        assert!(read(&body).is_err(), "{body}");
    }
}

#[test]
fn the_cleeng_error_schema_accepts_every_shape_the_crate_reads() {
    let validator = compile(&cleeng_error_schema());
    for body in [
        json!({"code": "REQ0001", "message": "m"}),
        json!({"errors": ["USER0002"]}),
        json!({"errors": [{"code": "CPT0001", "message": "m"}], "responseData": {}}),
    ] {
        assert!(validator.is_valid(&body), "{body}");
        assert!(CleengError::from_json(body.to_string().as_bytes()).is_ok());
    }
}
