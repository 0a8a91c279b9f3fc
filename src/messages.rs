//! The crate's error messages as one JSON document, for frontends: every rule of every field
//! of the request body, in the order the crate checks it, with its stable code, its params
//! and the exact sentence the crate writes for it under a policy.
//!
//! A frontend that validates with the [schema](crate::schema) learns *that* a value is
//! refused, and by which schema keyword; this document tells it *what the crate says* about
//! it, byte for byte, so that a form can show the server's sentences before the server is
//! asked, without a second copy of them in JavaScript. Each sentence is written by the same
//! code as [`FieldError`]'s `Display`, from the field's own wording.
//!
//! # Shape
//!
//! ```json
//! {
//!   "fields": [
//!     {"key": "email", "pointer": "/email", "reports": "first", "rules": [
//!       {"code": "missing", "message": "email is required"},
//!       {"code": "not_a_string", "message": "email must be a string"},
//!       {"code": "too_long", "params": {"max": 254}, "message": "email must be at most 254 characters long"},
//!       {"code": "invalid_format", "message": "email must be a valid email address"}],
//!      "duplicate": {"code": "duplicate_field", "message": "email is given more than once"}},
//!     …
//!     {"key": "country", "pointer": "/country", "reports": "first", "rules": [
//!       …
//!       {"code": "invalid_format", "pattern": "^[A-Z]{2}$",
//!        "message": "country must be two capital letters (ISO 3166-1 alpha-2)"},
//!       {"code": "unknown_code", "message": "country must be an assigned ISO 3166-1 alpha-2 country code",
//!        "suggestions": [{"pattern": "^UK$", "params": {"suggestion": "GB"},
//!          "message": "country must be an assigned ISO 3166-1 alpha-2 country code (did you mean GB?)"}]}],
//!      "duplicate": {…}},
//!     …
//!   ],
//!   "root": [{"code": "offer_or_publisher_required", "message": "offerId or publisherId is required"}, …],
//!   "otherKeys": [{"code": "unknown_field", "message": "this key is not a field of the registration request"}, …]
//! }
//! ```
//!
//! - `fields`: the body's fields in report order ([`Field::ALL`]). `reports` is `"every"`
//!   for a field that reports each rule it breaks (`password`), `"first"` for one that reports
//!   its first broken rule only. `rules` are in the order the crate checks them; `missing`
//!   is there only where the field can be required under the policy, `not_supported` only
//!   where the policy has an allow-list for the field. `duplicate` is the error for the key
//!   given twice, which replaces the checks of its value.
//! - A rule: `code`; `params` as the crate reports them (left out when there are none);
//!   `message`, the crate's sentence for this field, code and params. Two more members help
//!   a client that knows only that its schema validator refused the value:
//!   - `pattern`: an ECMA-262 regular expression (for the `u` flag) that a value keeping this
//!     rule matches, given that it keeps the rules before it. It is there where one schema
//!     keyword states several rules at once (`country`'s `enum` is both its shape and its
//!     list; a name's one `pattern` refuses control characters and surrounding white space;
//!     the password's two patterns), so the client can tell which rule broke: the first
//!     rule whose pattern the value does not match, else the first rule without a pattern
//!     (for `"every"`, each rule whose pattern the value does not match).
//!   - `suggestions` (on `unknown_code`): codes the crate knows a caller meant (`UK` for
//!     `GB`, in `country`, a locale's region and an offer id's suffix). A value that matches
//!     an entry's `pattern` gets that entry's `params` and `message` instead of the rule's.
//! - `root`: errors at pointer `""`, about the body as a whole.
//! - `otherKeys`: errors at a key that is not a field (pointer `/` and the escaped key);
//!   none where the policy allows unknown keys, which are then skipped.
//!
//! No message names a submitted value, so a page may show them as they are.
//!
//! ```
//! use cleeng_register::messages;
//! use cleeng_register::{Policy, RegisterRequest};
//!
//! let document = messages::document(&Policy::default());
//! let country = &document["fields"][5];
//! assert_eq!(country["key"], "country");
//! let unknown = country["rules"].as_array().unwrap().iter().find(|r| r["code"] == "unknown_code").unwrap();
//! let uk = &unknown["suggestions"][0];
//! assert_eq!((uk["pattern"].as_str(), uk["params"]["suggestion"].as_str()), (Some("^UK$"), Some("GB")));
//!
//! // The server's message for the same field, code and params is the document's.
//! let body = br#"{"email":"jane@example.com","password":"s3cret-pass","publisherId":"123456789",
//!                 "locale":"en_US","country":"UK","currency":"GBP"}"#;
//! let report = RegisterRequest::from_json(body, &Policy::default()).unwrap_err();
//! assert_eq!(report.errors()[0].to_string(), uk["message"]);
//! ```

use serde_json::{json, Map, Value};

use crate::error::{ErrorCode, Violation};
use crate::field::Field;
use crate::field_rules::{root_errors, FieldRules};
use crate::policy::Policy;
use crate::report::FieldError;

/// The messages document for `policy`; the module's documentation describes its shape.
pub fn document(policy: &Policy) -> Value {
    let fields: Vec<Value> = Field::ALL
        .iter()
        .map(|&f| field_entry(&FieldRules::of(f, policy)))
        .collect();
    let root = root_errors(policy).map(|e| worded(&e));
    // Where unknown keys are allowed, they are skipped, repeated or not.
    let other_keys: Vec<Value> = if policy.allow_unknown_fields() {
        Vec::new()
    } else {
        // Their messages say "this key", whatever the key.
        [ErrorCode::UnknownField, ErrorCode::DuplicateField]
            .map(|code| worded(&FieldError::at_key("", code)))
            .into()
    };
    json!({"fields": fields, "root": root, "otherKeys": other_keys})
}

/// `{"code", "params"?, "message"}` for an error the crate words itself.
fn worded(error: &FieldError) -> Value {
    let mut entry = Map::new();
    entry.insert("code".into(), json!(error.code()));
    if !error.params().is_empty() {
        entry.insert("params".into(), json!(error.params()));
    }
    entry.insert("message".into(), json!(error.to_string()));
    Value::Object(entry)
}

fn field_entry(field: &FieldRules) -> Value {
    let suggestions: Vec<Value> = field
        .suggestions
        .iter()
        .map(|(pattern, violation)| {
            let mut entry = Map::new();
            entry.insert("pattern".into(), json!(pattern));
            if !violation.params.is_empty() {
                entry.insert("params".into(), json!(violation.params));
            }
            entry.insert("message".into(), json!(field.error(*violation).to_string()));
            Value::Object(entry)
        })
        .collect();
    let rules: Vec<Value> = field
        .rules
        .iter()
        .map(|rule| {
            let violation = Violation::with(rule.code, rule.params);
            let mut entry = Map::new();
            entry.insert("code".into(), json!(rule.code));
            if !rule.params.is_empty() {
                entry.insert("params".into(), json!(rule.params));
            }
            entry.insert("message".into(), json!(field.error(violation).to_string()));
            if let Some(pattern) = &rule.pattern {
                entry.insert("pattern".into(), json!(pattern));
            }
            if rule.code == ErrorCode::UnknownCode && !suggestions.is_empty() {
                entry.insert("suggestions".into(), json!(suggestions));
            }
            Value::Object(entry)
        })
        .collect();
    let reports = if field.reports_every_rule {
        "every"
    } else {
        "first"
    };
    let duplicate = FieldError::at_field(field.field, Violation::new(ErrorCode::DuplicateField));
    json!({
        "key": field.field.as_str(),
        "pointer": field.field.pointer(),
        "reports": reports,
        "rules": rules,
        "duplicate": worded(&duplicate),
    })
}
