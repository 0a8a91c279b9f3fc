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
//! use cleeng_register::schema::messages;
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

use std::borrow::Cow;

use serde_json::{json, Map, Value};

use super::{CONTROLS, INVISIBLE, PASSWORD_NO_CONTROL};
use crate::error::{Params, Violation, Wording};
use crate::policy::CustomerIpRule;
use crate::{
    CaptchaToken, CountryCode, Currency, CustomData, CustomerIp, Email, ErrorCode, ExternalId,
    Field, FieldError, Locale, OfferId, OfferKind, Password, PersonName, Policy, PublisherId,
    ValueError,
};

/// The messages document for `policy`; the module's documentation describes its shape.
pub fn document(policy: &Policy) -> Value {
    let fields: Vec<Value> = Field::ALL.iter().map(|&f| field_entry(f, policy)).collect();
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

/// One rule of a field as the document lists it.
struct Rule {
    code: ErrorCode,
    params: Params,
    /// What a value keeping the rule matches, where a schema keyword states it with others.
    pattern: Option<String>,
}

impl Rule {
    const fn new(code: ErrorCode) -> Rule {
        Rule {
            code,
            params: Params::NONE,
            pattern: None,
        }
    }

    fn min(code: ErrorCode, min: usize) -> Rule {
        // Every limit of a field is a small constant or a policy limit of at most 64 MiB.
        Rule {
            params: Params::min(min as u32),
            ..Rule::new(code)
        }
    }

    fn max(code: ErrorCode, max: usize) -> Rule {
        Rule {
            params: Params::max(max as u32),
            ..Rule::new(code)
        }
    }

    fn matching(code: ErrorCode, pattern: impl Into<String>) -> Rule {
        Rule {
            pattern: Some(pattern.into()),
            ..Rule::new(code)
        }
    }
}

/// The rules of `field` under `policy`, in the order the request reader checks them.
fn rules(field: Field, policy: &Policy) -> Vec<Rule> {
    use ErrorCode::*;
    let missing = |required: bool| required.then(|| Rule::new(Missing));
    // With an allow-list, the list of assigned codes and the allow-list are two rules the
    // schema states in one keyword: the first needs its own pattern.
    let allow_listed = |listed: bool, assigned: String| {
        let unknown = if listed {
            Rule::matching(UnknownCode, assigned)
        } else {
            Rule::new(UnknownCode)
        };
        [Some(unknown), listed.then(|| Rule::new(NotSupported))]
    };
    let free_text = |max: usize| {
        [
            Some(Rule::new(NotAString)),
            Some(Rule::min(TooShort, 1)),
            Some(Rule::max(TooLong, max)),
            Some(Rule::matching(
                ControlCharacter,
                format!("^[^{CONTROLS}]*$"),
            )),
            Some(Rule::matching(
                SurroundingWhitespace,
                r"^[^\p{White_Space}](?:[\p{White_Space}\P{White_Space}]*[^\p{White_Space}])?$",
            )),
            Some(Rule::matching(
                NoVisibleCharacter,
                format!("[^{INVISIBLE}]"),
            )),
        ]
    };
    let rules: Vec<Option<Rule>> = match field {
        Field::Email => vec![
            missing(true),
            Some(Rule::new(NotAString)),
            Some(Rule::max(TooLong, Email::MAX_CHARS)),
            Some(Rule::new(InvalidFormat)),
        ],
        Field::Password => vec![
            missing(true),
            Some(Rule::new(NotAString)),
            Some(Rule::min(TooShort, Password::MIN_CHARS)),
            Some(Rule::max(TooLong, Password::MAX_CHARS)),
            Some(Rule::matching(MissingLetter, r"\p{Alphabetic}")),
            Some(Rule::matching(
                MissingDigitOrSpecial,
                Password::DIGIT_OR_SPECIAL_CLASS,
            )),
            Some(Rule::matching(ControlCharacter, PASSWORD_NO_CONTROL)),
        ],
        Field::OfferId => {
            let letters: String = OfferKind::ALL.iter().map(|k| k.letter()).collect();
            vec![
                Some(Rule::new(NotAString)),
                Some(Rule::matching(InvalidFormat, "^[A-Z][0-9]{9}_[A-Z]{2}$")),
                Some(Rule::matching(UnknownOfferType, format!("^[{letters}]"))),
                Some(Rule::new(UnknownCode)),
            ]
        }
        Field::PublisherId => vec![Some(Rule::new(NotAString)), Some(Rule::new(InvalidFormat))],
        Field::Locale => {
            // With an allow-list, `unknown_code` is told from `not_supported` by the whole
            // list of ISO 639 languages and assigned regions.
            let regions = format!(
                "^(?:{})(?:_(?:{}))?$",
                alternation(crate::value::locale::languages().iter().map(String::as_str)),
                alternation(countries())
            );
            let mut rules = vec![
                missing(true),
                Some(Rule::new(NotAString)),
                Some(Rule::matching(InvalidFormat, "^[a-z]{2,3}(?:_[A-Z]{2})?$")),
            ];
            rules.extend(allow_listed(policy.allowed_locales().is_some(), regions));
            rules
        }
        Field::Country => vec![
            missing(true),
            Some(Rule::new(NotAString)),
            Some(Rule::matching(InvalidFormat, "^[A-Z]{2}$")),
            Some(Rule::new(UnknownCode)),
        ],
        Field::Currency => {
            let codes = format!("^(?:{})$", alternation(Currency::all().map(|c| c.as_str())));
            let mut rules = vec![
                missing(true),
                Some(Rule::new(NotAString)),
                Some(Rule::matching(InvalidFormat, "^[A-Z]{3}$")),
            ];
            rules.extend(allow_listed(policy.allowed_currencies().is_some(), codes));
            rules
        }
        Field::FirstName | Field::LastName => free_text(PersonName::MAX_CHARS).into(),
        Field::ExternalId => free_text(ExternalId::MAX_CHARS).into(),
        Field::ExternalData => {
            let limits = policy.external_data_limits();
            vec![
                Some(Rule::new(NotAString)),
                Some(Rule::max(TooLarge, limits.max_bytes)),
                Some(Rule::new(InvalidJson)),
                Some(Rule::max(TooDeep, limits.max_depth)),
                Some(Rule::new(NotAnObject)),
            ]
        }
        Field::CustomerIp => vec![
            missing(*policy.customer_ip() != CustomerIpRule::Optional),
            Some(Rule::new(NotAString)),
            Some(Rule::new(InvalidFormat)),
        ],
        Field::CaptchaValue => vec![
            Some(Rule::new(NotAString)),
            Some(Rule::min(TooShort, 1)),
            Some(Rule::max(TooLong, CaptchaToken::MAX_CHARS)),
            Some(Rule::new(InvalidFormat)),
        ],
    };
    rules.into_iter().flatten().collect()
}

fn countries() -> impl Iterator<Item = &'static str> {
    CountryCode::all().map(|c| c.as_str())
}

fn alternation<'a>(codes: impl Iterator<Item = &'a str>) -> String {
    codes.collect::<Vec<_>>().join("|")
}

/// `field`'s type's refusal of `text`, parsed as the request reader parses it.
fn refusal(field: Field, text: &str, policy: &Policy) -> Option<ValueError> {
    match field {
        Field::Email => {
            Email::parse_with(Cow::Borrowed(text), policy.allow_international_email()).err()
        }
        Field::Password => Password::parse(text).err(),
        Field::OfferId => OfferId::parse(text).err(),
        Field::PublisherId => PublisherId::parse(text).err(),
        Field::Locale => Locale::parse(text).err(),
        Field::Country => CountryCode::parse(text).err(),
        Field::Currency => Currency::parse(text).err(),
        Field::FirstName | Field::LastName => PersonName::parse(text).err(),
        Field::ExternalId => ExternalId::parse(text).err(),
        Field::ExternalData => {
            CustomData::parse_with_limits(text, policy.external_data_limits()).err()
        }
        Field::CustomerIp => CustomerIp::parse(text).err(),
        Field::CaptchaValue => CaptchaToken::parse(text).err(),
    }
}

/// How `field`'s type words its rules: taken from a refusal of its own, so that the
/// document's sentences are worded exactly as the server's.
fn wording(field: Field, policy: &Policy) -> &'static Wording {
    refusal(field, "", policy)
        .expect("every field's type refuses the empty string (too short or malformed)")
        .wording()
}

/// Where a field holds a country code whose misspellings the crate knows: the text before
/// the code in a value that is otherwise valid (to ask the field's own parser), and the
/// pattern for the part of a value before the code (which ends the value).
fn country_code_slot(field: Field) -> Option<(&'static str, &'static str)> {
    match field {
        Field::Country => Some(("", "^")),
        Field::Locale => Some(("en_", "_")),
        Field::OfferId => Some(("S565568989_", "_")),
        _ => None,
    }
}

/// The suggestions `field`'s parser makes for an unassigned country code, found by asking
/// it about every two capital letters.
fn suggestions(field: Field, policy: &Policy, wording: &'static Wording) -> Vec<Value> {
    suggested(field, policy)
        .into_iter()
        .map(|(pattern, violation)| {
            let mut entry = Map::new();
            entry.insert("pattern".into(), json!(pattern));
            if !violation.params.is_empty() {
                entry.insert("params".into(), json!(violation.params));
            }
            entry.insert("message".into(), json!(message(field, wording, violation)));
            Value::Object(entry)
        })
        .collect()
}

/// Each unassigned country code in `field` for which its parser suggests another: the
/// pattern of the values that hold it, and the violation with the suggestion. For a locale,
/// whose region is checked before its language, then the values with an unassigned region
/// (the rule's own message, without a suggestion), then each deprecated language for which
/// the parser suggests another.
fn suggested(field: Field, policy: &Policy) -> Vec<(String, Violation)> {
    let mut found = suggested_countries(field, policy);
    if field == Field::Locale {
        found.push((
            format!(
                "^[a-z]{{2,3}}_(?!(?:{})$)[A-Z]{{2}}$",
                alternation(countries())
            ),
            Violation::new(ErrorCode::UnknownCode),
        ));
        found.extend(language_suggestions().iter().cloned());
    }
    found
}

/// The locale's deprecated languages with a suggestion, found once by asking the parser
/// about every two and three lowercase letters: `^iw(?:_[A-Z]{2})?$` suggests `he`.
fn language_suggestions() -> &'static [(String, Violation)] {
    static FOUND: std::sync::OnceLock<Vec<(String, Violation)>> = std::sync::OnceLock::new();
    FOUND.get_or_init(|| {
        let letters = || b'a'..=b'z';
        let two = letters().flat_map(|a| letters().map(move |b| vec![a, b]));
        let three = letters()
            .flat_map(|a| letters().flat_map(move |b| letters().map(move |c| vec![a, b, c])));
        two.chain(three)
            .filter_map(|code| {
                let code = String::from_utf8(code).expect("ASCII letters");
                let refusal = Locale::parse(&code).err()?;
                let v = refusal.first();
                v.params
                    .suggestion
                    .is_some()
                    .then(|| (format!("^{code}(?:_[A-Z]{{2}})?$"), v))
            })
            .collect()
    })
}

/// The country-code suggestions of [`suggested`].
fn suggested_countries(field: Field, policy: &Policy) -> Vec<(String, Violation)> {
    let Some((before, pattern_before)) = country_code_slot(field) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for first in 'A'..='Z' {
        for second in 'A'..='Z' {
            let code = format!("{first}{second}");
            let Some(refusal) = refusal(field, &format!("{before}{code}"), policy) else {
                continue;
            };
            for v in refusal.violations() {
                if v.code == ErrorCode::UnknownCode && v.params.suggestion.is_some() {
                    found.push((format!("{pattern_before}{code}$"), v));
                }
            }
        }
    }
    found
}

/// The error the request reader reports for `violation` of `field`'s value.
fn error_of(field: Field, wording: &'static Wording, violation: Violation) -> FieldError {
    FieldError::at_field_value(field, &ValueError::new(wording, violation))
        .next()
        .expect("a refusal names a rule")
}

/// The errors the request reader can report at `field` under `policy`: one per rule and
/// suggestion the document lists, and the duplicate key. For the problem writer's table of
/// errors written in advance.
pub(crate) fn field_errors(field: Field, policy: &Policy) -> Vec<FieldError> {
    let wording = wording(field, policy);
    let mut errors: Vec<FieldError> = rules(field, policy)
        .into_iter()
        .map(|rule| Violation::with(rule.code, rule.params))
        .chain(suggested(field, policy).into_iter().map(|(_, v)| v))
        .map(|violation| error_of(field, wording, violation))
        .collect();
    errors.push(FieldError::at_field(
        field,
        Violation::new(ErrorCode::DuplicateField),
    ));
    errors
}

/// The errors about the whole body under `policy`.
pub(crate) fn root_errors(policy: &Policy) -> [FieldError; 4] {
    // The policy keeps both limits far below u32::MAX (64 MiB, 10,000).
    [
        (ErrorCode::OfferOrPublisherRequired, Params::NONE),
        (ErrorCode::MalformedBody, Params::NONE),
        (
            ErrorCode::TooLarge,
            Params::max(policy.max_body_bytes() as u32),
        ),
        (
            ErrorCode::TooManyErrors,
            Params::max(policy.max_errors() as u32),
        ),
    ]
    .map(|(code, params)| FieldError::at_root(code, params))
}

/// The crate's sentence for `violation` of `field`, worded by the field's type.
fn message(field: Field, wording: &'static Wording, violation: Violation) -> String {
    error_of(field, wording, violation).to_string()
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

fn field_entry(field: Field, policy: &Policy) -> Value {
    let wording = wording(field, policy);
    let rules: Vec<Value> = rules(field, policy)
        .into_iter()
        .map(|rule| {
            let violation = Violation::with(rule.code, rule.params);
            let mut entry = Map::new();
            entry.insert("code".into(), json!(rule.code));
            if !rule.params.is_empty() {
                entry.insert("params".into(), json!(rule.params));
            }
            entry.insert("message".into(), json!(message(field, wording, violation)));
            if let Some(pattern) = rule.pattern {
                entry.insert("pattern".into(), json!(pattern));
            }
            if rule.code == ErrorCode::UnknownCode {
                let suggestions = suggestions(field, policy, wording);
                if !suggestions.is_empty() {
                    entry.insert("suggestions".into(), json!(suggestions));
                }
            }
            Value::Object(entry)
        })
        .collect();
    let reports = match field {
        Field::Password => "every",
        _ => "first",
    };
    let duplicate = FieldError::at_field(field, Violation::new(ErrorCode::DuplicateField));
    json!({
        "key": field.as_str(),
        "pointer": field.pointer(),
        "reports": reports,
        "rules": rules,
        "duplicate": worded(&duplicate),
    })
}
