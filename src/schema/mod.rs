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

use crate::policy::CustomerIpRule;

pub mod messages;
use serde_json::{json, Map, Value};

use crate::{
    Advisory, CaptchaToken, CountryCode, Currency, CustomData, CustomerIp, Email, ErrorCode,
    ExternalId, Field, Locale, OfferId, OfferKind, Password, PersonName, Policy, PublisherId,
    RegisterRequest,
};

/// The draft every schema here declares.
pub const DRAFT_2020_12: &str = "https://json-schema.org/draft/2020-12/schema";

/// Characters the free-text fields refuse anywhere, by the names of the Unicode properties the
/// crate decides them from: `Cc`, Bidi_Control, `Zl` and `Zp`, and the Tags block by its
/// bounds ([`PersonName`]'s table).
pub(crate) const CONTROLS: &str = r"\p{Cc}\p{Bidi_Control}\p{Zl}\p{Zp}\u{E0000}-\u{E007F}";

/// Characters that show nothing by themselves: a name of only these has no visible character
/// (Default_Ignorable_Code_Point, White_Space, `Cf`).
pub(crate) const INVISIBLE: &str = r"\p{Default_Ignorable_Code_Point}\p{White_Space}\p{Cf}";

/// What an international local part refuses, quoted or not, that a pattern can name: the
/// hidden characters of [`Email`]'s table (Cc, White_Space, Bidi_Control,
/// Default_Ignorable_Code_Point, which holds the Tags block), noncharacters and private use.
/// Unassigned code points, a leading combining mark and text not in NFC are the crate's
/// rules alone (a validator's Unicode version decides what is unassigned; no pattern tests
/// NFC).
const LOCAL_PART_REFUSES: &str = r"\p{Cc}\p{White_Space}\p{Bidi_Control}\p{Default_Ignorable_Code_Point}\p{Noncharacter_Code_Point}\p{Co}";

/// RFC 5322 `atext` as RFC 6531 widens it, less what an international local part refuses
/// ([`LOCAL_PART_REFUSES`]): the ASCII letters, digits and symbols of `atext`, or a non-ASCII
/// character of none of those properties.
fn international_atext() -> String {
    format!(r"(?:[A-Za-z0-9!#$%&'*+/=?^_`{{|}}~-]|[^\u0000-\u007F{LOCAL_PART_REFUSES}])")
}

/// An international address: a quoted local part (a space, any character but `"`, `\`, `@`
/// and [`LOCAL_PART_REFUSES`], or a quoted pair of printable ASCII but `@`) or a dot-atom of
/// [`international_atext`], then `@` and a domain without `@`. The domain is left to the
/// crate (IDNA, host names, literals), and so are the local part's 64 bytes.
fn international_email_pattern() -> String {
    let atext = international_atext();
    format!(
        r#"^(?:"(?:[^"\\@{LOCAL_PART_REFUSES}]| |\\[ -?A-~])*"|{atext}+(?:\.{atext}+)*)@[^@]+$"#
    )
}

fn free_text_pattern() -> String {
    // At least one visible char (a lookahead), and: a char that is neither control nor
    // White_Space, optionally followed by any non-control chars and a last char that is
    // neither. The empty text, which `minLength` refuses, is refused here too.
    format!(
        r"^(?=[{INVISIBLE}]*[^{INVISIBLE}])[^{CONTROLS}\p{{White_Space}}](?:[^{CONTROLS}]*[^{CONTROLS}\p{{White_Space}}])?$"
    )
}

fn country_codes() -> Vec<&'static str> {
    CountryCode::all().map(|c| c.as_str()).collect()
}

fn email_schema(international: bool) -> Value {
    let mut schema = json!({
        "type": "string",
        "description": "The customer's email address: an RFC 5322 addr-spec (no display name, no comments, no @ \
            inside quotes) whose domain is a host name of at least two labels or a globally reachable \
            address literal; at most 254 characters.",
        "maxLength": Email::MAX_CHARS,
        "examples": ["jane.doe@example.com"],
    });
    if international {
        schema["format"] = json!("idn-email");
        schema["description"] = json!(
            "The customer's email address: an RFC 5322 addr-spec with RFC 6531 UTF-8 (no display name, \
             no comments) whose local part, in NFC, holds no control, White_Space (but a space inside \
             quotes), Bidi_Control, Default_Ignorable_Code_Point, noncharacter, private-use or \
             unassigned character, no leading combining mark and no @ inside quotes, and whose \
             domain converts under IDNA2008/UTS 46 to a host name of at least two labels, or is a \
             globally reachable address literal; at most 254 UTF-8 bytes."
        );
        schema["pattern"] = json!(international_email_pattern());
    } else {
        schema["format"] = json!("email");
        // ASCII only, and a dotted host name or an address literal after the last @.
        schema["pattern"] = json!(r"^[ -~]+@(?:(?:[A-Za-z0-9-]+\.)+[A-Za-z0-9-]+|\[[ -~]+\])$");
    }
    schema
}

/// `! @ #`: the characters, one space apart.
fn spaced(chars: &str) -> String {
    chars
        .chars()
        .map(String::from)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A password holds no `Cc` character (`control_character`).
pub(crate) const PASSWORD_NO_CONTROL: &str = r"^\P{Cc}*$";

fn password_schema() -> Value {
    json!({
        "type": "string",
        "description": format!(
            "The customer's password: 8 to 80 characters with at least one letter, at least \
             one digit or one of {}, and no control character.",
            spaced(Password::SPECIALS)
        ),
        "format": "password",
        "writeOnly": true,
        "minLength": Password::MIN_CHARS,
        "maxLength": Password::MAX_CHARS,
        "allOf": [
            {"pattern": r"\p{Alphabetic}"},
            {"pattern": Password::DIGIT_OR_SPECIAL_CLASS},
            {"pattern": PASSWORD_NO_CONTROL},
        ],
        "examples": ["s3cret-pass"],
    })
}

fn offer_id_schema() -> Value {
    let letters: String = OfferKind::ALL.iter().map(|k| k.letter()).collect();
    json!({
        "type": "string",
        "description": "Cleeng offer id: the offer type (S subscription, P pass, E live event, R rental, \
            A single purchase), 9 digits, an underscore and an ISO 3166-1 alpha-2 country code. \
            Required when publisherId is absent.",
        "pattern": format!("^[{letters}][0-9]{{9}}_(?:{})$", country_codes().join("|")),
        "examples": ["S565568989_US"],
    })
}

fn publisher_id_schema() -> Value {
    json!({
        "type": "string",
        "description": "Cleeng publisher id: exactly 9 digits. Required when offerId is absent.",
        "pattern": "^[0-9]{9}$",
        "examples": ["123456789"],
    })
}

fn locale_schema(allowed: Option<&[Locale]>) -> Value {
    let mut schema = json!({
        "type": "string",
        "description": "The customer's language and formatting: a lowercase language code, optionally \
            an underscore and a region that is an assigned ISO 3166-1 alpha-2 code (en_GB, not en_UK).",
        "pattern": format!("^[a-z]{{2,3}}(?:_(?:{}))?$", country_codes().join("|")),
        "examples": ["en_US", "pl_PL", "fil"],
    });
    if let Some(list) = allowed {
        schema["enum"] = list.iter().map(|l| l.as_str()).collect();
    }
    schema
}

fn country_schema() -> Value {
    json!({
        "type": "string",
        "description": "The customer's country: an assigned ISO 3166-1 alpha-2 code (GB, not UK).",
        "enum": country_codes(),
        "examples": ["US"],
    })
}

fn currency_schema(allowed: Option<&[Currency]>) -> Value {
    let codes: Vec<&str> = match allowed {
        Some(list) => list.iter().map(|c| c.as_str()).collect(),
        None => Currency::all().map(|c| c.as_str()).collect(),
    };
    json!({
        "type": "string",
        "description": "The customer's currency: an ISO 4217 code in circulation (no fund, special or \
            superseded codes).",
        "enum": codes,
        "examples": ["USD"],
    })
}

fn free_text_schema(description: &str, max: usize, example: &str) -> Value {
    json!({
        "type": "string",
        "description": description,
        "minLength": 1,
        "maxLength": max,
        "pattern": free_text_pattern(),
        "examples": [example],
    })
}

fn person_name_schema() -> Value {
    free_text_schema(
        "A name: 1 to 50 characters, at least one of them visible, no control, bidirectional control, tag or \
         line separator characters, no white space at either end.",
        PersonName::MAX_CHARS,
        "Jane",
    )
}

fn external_id_schema() -> Value {
    free_text_schema(
        "The customer's id in another system: 1 to 255 characters, at least one of them visible, no control, \
         bidirectional control, tag or line separator characters, no white space at either end. Unique per \
         publisher (not checked here).",
        ExternalId::MAX_CHARS,
        "crm-42",
    )
}

fn custom_data_schema(max_bytes: usize, max_depth: usize) -> Value {
    json!({
        "type": "string",
        "description": format!(
            "Custom data: JSON text whose top value is an object, at most {max_bytes} UTF-8 bytes and \
             {max_depth} levels deep. The schema bounds the length in characters only; the crate checks \
             bytes, syntax and depth."
        ),
        // Every character is at least one byte, so this bound never refuses a valid value.
        "maxLength": max_bytes,
        "contentMediaType": "application/json",
        "contentSchema": {"type": "object"},
        "examples": ["{\"plan\":\"gold\"}"],
    })
}

fn customer_ip_schema() -> Value {
    json!({
        "type": "string",
        "description": "The customer's IPv4 or IPv6 address (no zone id, no leading zeros), used for tax and \
            geo restrictions. Without it Cleeng prices with the request's source address.",
        // Typed branches, so generated clients see a string; `null` (absent) is left to the
        // outer `type`, which drops it where the policy requires the address.
        "anyOf": [
            {"type": "string", "format": "ipv4"},
            {"type": "string", "format": "ipv6"},
            {"type": "null"},
        ],
        "examples": ["203.0.113.7"],
    })
}

fn captcha_schema() -> Value {
    json!({
        "type": "string",
        "description": "The reCAPTCHA response token: 1 to 8192 printable ASCII characters.",
        "minLength": 1,
        "maxLength": CaptchaToken::MAX_CHARS,
        "pattern": "^[!-~]*$",
        "examples": ["03AGdBq24PBCbwiDRaS_MJ7Z"],
    })
}

/// `type: ["string", "null"]`: an optional field may be given as `null`.
fn nullable(mut schema: Value) -> Value {
    schema["type"] = json!(["string", "null"]);
    schema
}

/// One field's schema under `policy`: the property of the body named by the field's key.
fn property(field: Field, policy: &Policy) -> Value {
    let limits = policy.external_data_limits();
    match field {
        Field::Email => email_schema(policy.allow_international_email()),
        Field::Password => password_schema(),
        Field::OfferId => nullable(offer_id_schema()),
        Field::PublisherId => nullable(publisher_id_schema()),
        Field::Locale => locale_schema(policy.allowed_locales()),
        Field::Country => country_schema(),
        Field::Currency => currency_schema(policy.allowed_currencies()),
        Field::FirstName | Field::LastName => nullable(person_name_schema()),
        Field::ExternalId => nullable(external_id_schema()),
        Field::ExternalData => nullable(custom_data_schema(limits.max_bytes, limits.max_depth)),
        Field::CustomerIp if *policy.customer_ip() == CustomerIpRule::Required => {
            customer_ip_schema()
        }
        Field::CustomerIp => nullable(customer_ip_schema()),
        Field::CaptchaValue => nullable(captcha_schema()),
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

/// `JsonSchema` for a field type: inline, from one of the functions above.
macro_rules! field_schema {
    ($($ty:ty => $schema:expr;)*) => {$(
        impl JsonSchema for $ty {
            fn inline_schema() -> bool {
                true
            }
            fn schema_name() -> Cow<'static, str> {
                stringify!($ty).into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                Schema::try_from($schema).expect("every field schema is a JSON object")
            }
        }
    )*};
}

field_schema! {
    Email => email_schema(false);
    Password => password_schema();
    OfferId => offer_id_schema();
    PublisherId => publisher_id_schema();
    Locale => locale_schema(None);
    CountryCode => country_schema();
    Currency => currency_schema(None);
    PersonName => person_name_schema();
    ExternalId => external_id_schema();
    CustomData => custom_data_schema(crate::policy::ExternalDataLimits::DEFAULT.max_bytes, crate::policy::ExternalDataLimits::DEFAULT.max_depth);
    CustomerIp => customer_ip_schema();
    CaptchaToken => captcha_schema();
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
