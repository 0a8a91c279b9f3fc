//! JSON Schema (draft 2020-12) of the request body, for a policy, and of the validation
//! result, so frontends validate and type what the crate validates.
//!
//! Patterns are ECMA-262 with `u`-flag semantics (what JSON Schema specifies and Ajv runs):
//! no Rust-only syntax, Unicode properties by name (`\p{White_Space}`, never `\s`), and no
//! `.`, which skips line terminators in ECMA. Rules a schema cannot state (bytes, JSON inside
//! a string, repeated keys) are listed in the README.
//!
//! # Unicode properties
//!
//! The character rules name the Unicode properties the crate decides them from, never a hand
//! list of code points: a name's or external id's pattern refuses `\p{Cc}`,
//! `\p{Bidi_Control}`, `\p{Zl}`, `\p{Zp}` and the Tags block (`\u{E0000}-\u{E007F}`, by its
//! bounds: no property names it) anywhere, `\p{White_Space}` at either end, and a text of
//! only `\p{Default_Ignorable_Code_Point}`, `\p{White_Space}` and `\p{Cf}` (a lookahead)
//! ([`PersonName`]'s table),
//! and an international address's pattern refuses `\p{Cc}`, `\p{White_Space}` (but a space
//! inside quotes), `\p{Bidi_Control}`, `\p{Default_Ignorable_Code_Point}`,
//! `\p{Noncharacter_Code_Point}` and `\p{Co}` in its local part, quoted or not, and an `@`
//! inside quotes
//! ([`Email`]'s table). A validator reads the properties from its own Unicode data; the tests
//! compare the patterns with the crate on every code point, in the `jsonschema` crate and in
//! Ajv (`schema/ajv-check`).
//!
//! Where a pattern states less than the crate's rule (the tests count these as refusals "a
//! schema cannot state"):
//!
//! - `email`, ASCII: the pattern holds printable ASCII, an `@`, and a dotted name or a
//!   bracketed literal; the local part's syntax, its 64 bytes and the host-name rules are the
//!   crate's, with the `email` format as loose or strict as the validator's (ajv-formats'
//!   refuses quoted local parts and address literals, which the crate accepts).
//! - `email`, international: the local part is the crate's rule but for its 64 bytes,
//!   unassigned code points (a validator's Unicode version decides them), a leading combining
//!   mark and NFC; the address's 254 and the domain's 253 bytes (`maxLength` counts chars);
//!   the domain (IDNA2008/UTS 46, host names, reachable literals) is left to the crate, and
//!   the `idn-email` format to the validator.
//! - `locale`: the language's shape; whether ISO 639 assigns it (about 8,000 codes, less the
//!   special and deprecated ones) is the crate's. An allow-list's `enum` states it exactly.
//! - `externalData`: its size in bytes, its JSON, its depth and its top-level object.

use std::borrow::Cow;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};

use serde_json::{json, Map, Value};

use crate::advisory::Advisory;
use crate::error::ErrorCode;
use crate::field::{Field, FieldVisitor};
use crate::policy::{CustomerIpRule, Policy};
use crate::request::RegisterRequest;
use crate::value::field_value::{FieldValue, ValueOptions};
use crate::value::{
    CaptchaToken, CountryCode, Currency, CustomData, CustomerIp, Email, ExternalId, Locale,
    OfferId, Password, PersonName, PublisherId,
};

/// The draft every schema here declares.
pub const DRAFT_2020_12: &str = "https://json-schema.org/draft/2020-12/schema";

/// `type: ["string", "null"]`: an optional field may be given as `null`.
fn nullable(mut schema: Value) -> Value {
    schema["type"] = json!(["string", "null"]);
    schema
}

/// A field's value type's schema, under the policy's options.
struct SchemaOf<'p>(ValueOptions<'p>);

impl FieldVisitor for SchemaOf<'_> {
    type Output = Value;
    fn visit<T: FieldValue>(self, _: Field) -> Value {
        T::schema(&self.0)
    }
}

/// One field's schema under `policy`: the property of the body named by the field's key,
/// `null` allowed where the field may be absent.
fn property(field: Field, policy: &Policy) -> Value {
    let schema = field.visit(SchemaOf(policy.value_options()));
    let ip_required = *policy.customer_ip() == CustomerIpRule::Required;
    if field.is_required() || (field == Field::CustomerIp && ip_required) {
        schema
    } else {
        nullable(schema)
    }
}

/// The request body's schema for `policy`, without `$schema`.
fn body_schema(policy: &Policy) -> Map<String, Value> {
    let properties: Map<String, Value> = Field::ALL
        .into_iter()
        .map(|field| (field.as_str().to_owned(), property(field, policy)))
        .collect();
    let mut required: Vec<&str> = Field::ALL
        .into_iter()
        .filter(|field| field.is_required())
        .map(Field::as_str)
        .collect();
    if *policy.customer_ip() == CustomerIpRule::Required {
        required.push(Field::CustomerIp.as_str());
    }
    // `null` counts as absent, so "given" means given as a string.
    let given = |field: Field| {
        let mut properties = Map::new();
        properties.insert(field.as_str().to_owned(), json!({"type": "string"}));
        json!({"required": [field.as_str()], "properties": properties})
    };
    let mut all_of = vec![json!({"anyOf": [given(Field::OfferId), given(Field::PublisherId)]})];
    if let CustomerIpRule::RequiredFor(countries) = policy.customer_ip() {
        let codes: Vec<&str> = countries.iter().map(|c| c.as_str()).collect();
        let mut country = Map::new();
        country.insert(Field::Country.as_str().to_owned(), json!({"enum": codes}));
        all_of.push(json!({
            "if": {"required": [Field::Country.as_str()], "properties": country},
            "then": given(Field::CustomerIp),
        }));
    }
    let mut schema = Map::new();
    schema.insert(
        "title".into(),
        json!("Cleeng customer registration (POST /customers)"),
    );
    schema.insert(
        "description".into(),
        json!("The body of a Cleeng MediaStore customer registration, as cleeng-register validates it."),
    );
    schema.insert("type".into(), json!("object"));
    schema.insert("properties".into(), Value::Object(properties));
    schema.insert("required".into(), json!(required));
    schema.insert("allOf".into(), json!(all_of));
    if !policy.allow_unknown_fields() {
        schema.insert("additionalProperties".into(), json!(false));
    }
    schema
}

/// The JSON Schema (draft 2020-12) of a request body under `policy`: allow-lists become
/// enums, a required `customerIP` becomes `required` (or an `if`/`then` on `country`), the
/// `externalData` size bounds its length, and unknown keys are refused unless allowed.
///
/// ```
/// use cleeng_register::{schema, Policy};
/// let s = schema::request_schema(&Policy::default());
/// assert_eq!(s["$schema"], schema::DRAFT_2020_12);
/// assert_eq!(s["properties"]["password"]["writeOnly"], true);
/// assert_eq!(s["additionalProperties"], false);
/// ```
pub fn request_schema(policy: &Policy) -> Value {
    let mut schema = Map::new();
    schema.insert("$schema".into(), json!(DRAFT_2020_12));
    schema.extend(body_schema(policy));
    Value::Object(schema)
}

/// The JSON Schema (draft 2020-12) of one result: a line of `cleeng-register validate`
/// (with `line`) or a serialized [`ValidationReport`](crate::ValidationReport) (without).
pub fn result_schema() -> Value {
    let codes: Vec<&str> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
    let advisories: Vec<&str> = Advisory::ALL.iter().map(|a| a.as_str()).collect();
    json!({
        "$schema": DRAFT_2020_12,
        "title": "cleeng-register validation result",
        "description": "The verdict on one request body: errors when invalid, advisories when valid.",
        "type": "object",
        "properties": {
            "line": {"type": "integer", "minimum": 1, "description": "1-based input line (command line only)."},
            "valid": {"type": "boolean"},
            "errors": {"type": "array", "items": {"$ref": "#/$defs/FieldError"}},
            "advisories": {"type": "array", "items": {"$ref": "#/$defs/Advisory"}},
        },
        "required": ["valid", "errors", "advisories"],
        "additionalProperties": false,
        "$defs": {
            "FieldError": {
                "type": "object",
                "description": "One error: where, which rule, and a message that never repeats the value.",
                "properties": {
                    "pointer": {"type": "string", "description": "RFC 6901 JSON Pointer; \"\" is the whole body."},
                    "code": {"enum": codes, "description": "Stable error code."},
                    "message": {"type": "string", "description": "English, for people."},
                    "params": {
                        "type": "object",
                        "properties": {
                            "min": {"type": "integer", "minimum": 0},
                            "max": {"type": "integer", "minimum": 0},
                            "suggestion": {"type": "string"},
                        },
                        "additionalProperties": false,
                    },
                },
                "required": ["pointer", "code", "message"],
                "additionalProperties": false,
            },
            "Advisory": {
                "type": "object",
                "description": "A fact about a valid request its sender should know.",
                "properties": {
                    "pointer": {"type": "string"},
                    "code": {"enum": advisories},
                    "message": {"type": "string"},
                },
                "required": ["pointer", "code", "message"],
                "additionalProperties": false,
            },
        },
    })
}

/// `JsonSchema` for a field's value type: inline, its [`FieldValue::schema`] under the default
/// policy.
macro_rules! field_schema {
    ($($ty:ty,)*) => {$(
        impl JsonSchema for $ty {
            fn inline_schema() -> bool {
                true
            }
            fn schema_name() -> Cow<'static, str> {
                stringify!($ty).into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                Schema::try_from(<$ty as FieldValue>::schema(&ValueOptions::DEFAULT))
                    .expect("every field schema is a JSON object")
            }
        }
    )*};
}

field_schema! {
    Email, Password, OfferId, PublisherId, Locale, CountryCode, Currency, PersonName, ExternalId,
    CustomData, CustomerIp, CaptchaToken,
}

/// The body under the default policy; [`request_schema`] gives it for any policy.
impl JsonSchema for RegisterRequest {
    fn schema_name() -> Cow<'static, str> {
        "RegisterRequest".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        Schema::from(body_schema(&Policy::default()))
    }
}

impl JsonSchema for ErrorCode {
    fn schema_name() -> Cow<'static, str> {
        "ErrorCode".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let codes: Vec<&str> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
        json_schema!({"type": "string", "enum": codes})
    }
}
