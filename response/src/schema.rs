//! JSON Schemas (draft 2020-12) of Cleeng's answers, for frontends and the OpenAPI document.

use serde_json::{json, Value};

use super::token::MAX_CHARS;

/// A session token's schema.
fn token_schema(description: &str) -> Value {
    json!({
        "type": "string",
        "description": description,
        "minLength": 1,
        "maxLength": MAX_CHARS,
        "pattern": "^[!-~]*$",
    })
}

/// The JSON Schema (draft 2020-12) of Cleeng's answer to a successful registration, as
/// [`RegisterResponse::from_json`](crate::RegisterResponse::from_json) reads it. Rules a
/// schema cannot state (the JWT's claims, `customerId` up to `u64::MAX` when written as a
/// string) are checked by the crate only.
///
/// ```
/// let schema = cleeng_register_response::response_schema();
/// assert_eq!(schema["properties"]["responseData"]["required"][0], "customerId");
/// ```
pub fn response_schema() -> Value {
    json!({
        "$schema": cleeng_register::schema::DRAFT_2020_12,
        "title": "Cleeng registration answer (HTTP 200)",
        "description": "What Cleeng answers to a successful POST /customers. Unknown keys may appear and are ignored.",
        "type": "object",
        "properties": {
            "responseData": {
                "type": "object",
                "properties": {
                    "customerId": {
                        "description": "The new customer's id: a positive integer, sent as a number or a string of digits.",
                        "anyOf": [
                            {"type": "integer", "minimum": 1, "maximum": u64::MAX},
                            {"type": "string", "pattern": "^[1-9][0-9]{0,19}$"},
                        ],
                    },
                    "customerToken": token_schema("The customer's session token: a bearer secret."),
                    "jwt": {
                        "type": "string",
                        "description": "A compact JWS whose claims hold customerId (the same as responseData.customerId), \
                            publisherId and exp. A bearer secret; verify its signature before trusting the claims.",
                        "pattern": r"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$",
                    },
                    "refreshToken": token_schema("The token that renews the JWT: a bearer secret."),
                },
                "required": ["customerId", "customerToken", "jwt", "refreshToken"],
            },
            "errors": {"type": "array", "description": "Empty on success."},
        },
        "required": ["responseData"],
    })
}

/// The JSON Schema (draft 2020-12) of a Cleeng error body, as
/// [`CleengError::from_json`](crate::CleengError::from_json) reads it: the code at the top
/// level or in the first element of `errors`.
pub fn cleeng_error_schema() -> Value {
    let code = json!({
        "type": "string",
        "description": "Cleeng's code: REQ0001, USER0002, CPT0001, CPT0002, S followed by four digits or Xs, or another.",
        "examples": ["USER0002"],
    });
    json!({
        "$schema": cleeng_register::schema::DRAFT_2020_12,
        "title": "Cleeng error",
        "description": "An error answer from Cleeng.",
        "type": "object",
        "properties": {
            "code": code,
            "message": {"type": "string"},
            "responseData": {"type": "object", "description": "Empty, or absent, on errors."},
            "errors": {
                "type": "array",
                "items": {
                    "anyOf": [
                        code,
                        {
                            "type": "object",
                            "properties": {"code": code, "message": {"type": "string"}},
                        },
                    ],
                },
            },
        },
    })
}
