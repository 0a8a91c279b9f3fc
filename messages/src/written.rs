//! What is written in advance, per language: every error the request reader reports under
//! the default policy, rendered once at the language's first use, and the problem
//! document that copies them.
//!
//! A refused request is mostly made of these errors, and rendering a Fluent message with a
//! plural selector costs far more than copying its text (the core keeps such a table for
//! its English sentences for the same reason).

use std::borrow::Cow;
use std::sync::OnceLock;

use cleeng_register::error::Params;
use cleeng_register::messages;
use cleeng_register::{ErrorCode, Field, FieldError, Policy, Problem, ValidationReport};
use serde_json::Value;

use crate::catalog::Catalog;
use crate::request::Subject;
use crate::Language;

/// What is written in advance for each language, built at its first use. Kept here rather
/// than in the catalog, which sits below this module.
static WRITTEN: [OnceLock<Written>; Language::ALL.len()] =
    [const { OnceLock::new() }; Language::ALL.len()];

impl Catalog {
    /// What is written in advance for `language`, built at its first use.
    pub(crate) fn written(&'static self, language: Language) -> &'static Written {
        WRITTEN[language.index()].get_or_init(|| Written::new(self, language))
    }

    /// `error`'s message in `language`: the field named by its label, never the submitted
    /// value.
    ///
    /// ```
    /// use cleeng_register::{Policy, RegisterRequest};
    /// use cleeng_register_messages::{Catalog, Language};
    /// let report = RegisterRequest::from_json(br#"{"email":"nope","password":"abc"}"#, &Policy::default()).unwrap_err();
    /// let catalog = Catalog::get();
    /// let [email, short, ..] = report.errors() else { panic!() };
    /// assert_eq!(catalog.field_error(Language::De, email), "Das Feld „E-Mail-Adresse“ muss eine gültige E-Mail-Adresse enthalten, z. B. name@example.com.");
    /// assert_eq!(catalog.field_error(Language::Pl, short), "Pole „Hasło” musi mieć co najmniej 8 znaków.");
    /// ```
    pub fn field_error(&'static self, language: Language, error: &FieldError) -> Cow<'static, str> {
        if let Some(text) = self.written(language).message(error) {
            return Cow::Borrowed(text);
        }
        Cow::Owned(self.render_field_error(language, error))
    }
}

/// One error rendered in advance.
struct Entry {
    code: ErrorCode,
    min: Option<u32>,
    max: Option<u32>,
    suggestion: Option<String>,
    message: Box<str>,
    /// The message as a JSON string, quotes included.
    json: Box<[u8]>,
    /// The whole error object as the problem document writes it, where its pointer is the
    /// entry's own (a field's, or the body's `""`); a key's pointer is the client's.
    object: Option<Box<[u8]>>,
}

/// Detail sentences written in advance: for 1 to this many errors.
const DETAILS: usize = 16;

/// One language's table.
pub(crate) struct Written {
    /// By subject: each field's (in [`Field::ALL`]'s order), the body's, other keys'.
    slots: Vec<Vec<Entry>>,
    /// `"type":…,"title":…,"status":` as JSON.
    before_status: Box<[u8]>,
    /// The detail for 1, 2, … errors, as JSON strings.
    details: Vec<Box<[u8]>>,
    /// `,"code":…,"errors":[` as JSON: the same for every refusal.
    code_and_errors: Box<[u8]>,
}

fn slot_of(subject: Subject) -> usize {
    match subject {
        Subject::Field(field) => Field::ALL
            .iter()
            .position(|f| *f == field)
            .expect("every field is in Field::ALL"),
        Subject::Body => Field::ALL.len(),
        Subject::OtherKey => Field::ALL.len() + 1,
    }
}

fn json_string(text: &str) -> Box<[u8]> {
    serde_json::to_vec(text)
        .expect("a string always serializes")
        .into_boxed_slice()
}

/// What a message depends on: the code, the limits and the suggestion.
struct RuleKey {
    code: ErrorCode,
    min: Option<u32>,
    max: Option<u32>,
    suggestion: Option<String>,
}

/// The code and params of an entry of the messages document.
fn rule_key(rule: &Value) -> Option<RuleKey> {
    let code = rule["code"].as_str()?.parse().ok()?;
    let params = &rule["params"];
    let number = |name: &str| params[name].as_u64().and_then(|n| u32::try_from(n).ok());
    Some(RuleKey {
        code,
        min: number("min"),
        max: number("max"),
        suggestion: params["suggestion"].as_str().map(str::to_owned),
    })
}

impl Written {
    pub(crate) fn new(catalog: &Catalog, language: Language) -> Written {
        let document = messages::document(&Policy::default());
        let mut slots: Vec<Vec<Entry>> = (0..Field::ALL.len() + 2).map(|_| Vec::new()).collect();
        let mut add = |subject: Subject, rule: &Value| {
            let Some(RuleKey {
                code,
                min,
                max,
                suggestion,
            }) = rule_key(rule)
            else {
                return;
            };
            let mut params = Params::NONE;
            params.min = min;
            params.max = max;
            let message =
                catalog.request_message_of(language, subject, code, &params, suggestion.as_deref());
            let text = catalog.render(language, &message);
            let json = json_string(&text);
            let pointer = match subject {
                Subject::Field(field) => Some(field.pointer()),
                Subject::Body => Some(""),
                Subject::OtherKey => None,
            };
            let object = pointer.map(|pointer| {
                let mut object = Vec::new();
                let params = (min, max, suggestion.as_deref());
                write_error(&mut object, pointer, code.as_str(), &json, params);
                object.into_boxed_slice()
            });
            slots[slot_of(subject)].push(Entry {
                code,
                min,
                max,
                suggestion,
                json,
                message: text.into_boxed_str(),
                object,
            });
        };
        for entry in document["fields"].as_array().into_iter().flatten() {
            let Some(field) = entry["key"].as_str().and_then(|k| k.parse::<Field>().ok()) else {
                continue;
            };
            let subject = Subject::Field(field);
            for rule in entry["rules"].as_array().into_iter().flatten() {
                add(subject, rule);
                for suggestion in rule["suggestions"].as_array().into_iter().flatten() {
                    let mut suggested = suggestion.clone();
                    suggested["code"] = rule["code"].clone();
                    add(subject, &suggested);
                }
            }
            add(subject, &entry["duplicate"]);
        }
        for rule in document["root"].as_array().into_iter().flatten() {
            add(Subject::Body, rule);
        }
        for rule in document["otherKeys"].as_array().into_iter().flatten() {
            add(Subject::OtherKey, rule);
        }
        let mut before_status = Vec::new();
        before_status.extend_from_slice(b"{\"type\":");
        before_status.extend_from_slice(&json_string(Problem::TYPE));
        before_status.extend_from_slice(b",\"title\":");
        before_status.extend_from_slice(&json_string(&catalog.problem_title(language)));
        before_status.extend_from_slice(b",\"status\":");
        let details = (1..=DETAILS)
            .map(|n| json_string(&catalog.problem_detail(language, n)))
            .collect();
        Written {
            slots,
            before_status: before_status.into_boxed_slice(),
            code_and_errors: [
                &b",\"code\":"[..],
                &json_string(Problem::CODE),
                &b",\"errors\":["[..],
            ]
            .concat()
            .into_boxed_slice(),
            details,
        }
    }

    fn entry(&self, error: &FieldError) -> Option<&Entry> {
        let params = error.params();
        self.slots[slot_of(Subject::of(error))].iter().find(|e| {
            e.code == error.code()
                && e.min == params.min
                && e.max == params.max
                && e.suggestion.as_deref() == params.suggestion
        })
    }

    /// `error`'s message, when it is written here.
    pub(crate) fn message(&self, error: &FieldError) -> Option<&str> {
        self.entry(error).map(|e| &*e.message)
    }
}

impl Catalog {
    /// The RFC 9457 problem document for `report`'s errors in `language`, answered with
    /// `status`, as JSON: the core's document ([`Problem`]) with the `title` and each
    /// error's `message` in `language`, and a `detail` that says how many errors must be
    /// corrected. Errors the request reader reports under the default policy are rendered
    /// once per language and copied from then on.
    ///
    /// ```
    /// use cleeng_register::{Policy, RegisterRequest};
    /// use cleeng_register_messages::{Catalog, Language};
    /// let report = RegisterRequest::from_json(br#"{"email":"nope"}"#, &Policy::default()).unwrap_err();
    /// let json: serde_json::Value = serde_json::from_slice(&Catalog::get().problem_json(Language::Fr, &report, 400)).unwrap();
    /// assert_eq!(json["title"], "Données du formulaire non valides");
    /// assert_eq!(json["code"], "REQ0001");
    /// assert_eq!(json["errors"][0]["pointer"], "/email");
    /// ```
    pub fn problem_json(
        &'static self,
        language: Language,
        report: &ValidationReport,
        status: u16,
    ) -> Vec<u8> {
        let written = self.written(language);
        let errors = report.errors();
        let mut out = Vec::with_capacity(320 + 200 * errors.len());
        out.extend_from_slice(&written.before_status);
        out.extend_from_slice(itoa::Buffer::new().format(status).as_bytes());
        out.extend_from_slice(b",\"detail\":");
        match written.details.get(errors.len().wrapping_sub(1)) {
            Some(detail) => out.extend_from_slice(detail),
            None => {
                out.extend_from_slice(&json_string(&self.problem_detail(language, errors.len())))
            }
        }
        out.extend_from_slice(&written.code_and_errors);
        for (i, error) in errors.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            let entry = written.entry(error);
            if let Some(object) = entry.and_then(|e| e.object.as_deref()) {
                out.extend_from_slice(object);
                continue;
            }
            let rendered;
            let message = match entry {
                Some(entry) => &entry.json,
                None => {
                    rendered = json_string(&self.render_field_error(language, error));
                    &rendered
                }
            };
            let params = error.params();
            let params = (params.min, params.max, params.suggestion);
            write_error(
                &mut out,
                error.pointer(),
                error.code().as_str(),
                message,
                params,
            );
        }
        out.extend_from_slice(b"]}");
        out
    }
}

/// Appends an error object as the core writes it: `{"pointer","code","message"}`, then
/// `"params"` with its given members in the order `min`, `max`, `suggestion`.
fn write_error(
    out: &mut Vec<u8>,
    pointer: &str,
    code: &str,
    message_json: &[u8],
    (min, max, suggestion): (Option<u32>, Option<u32>, Option<&str>),
) {
    out.extend_from_slice(b"{\"pointer\":");
    out.extend_from_slice(&json_string(pointer));
    out.extend_from_slice(b",\"code\":");
    out.extend_from_slice(&json_string(code));
    out.extend_from_slice(b",\"message\":");
    out.extend_from_slice(message_json);
    if min.is_some() || max.is_some() || suggestion.is_some() {
        out.extend_from_slice(b",\"params\":");
        let mut separator = b'{';
        let mut member = |out: &mut Vec<u8>, name: &[u8], value: &[u8]| {
            out.push(separator);
            separator = b',';
            out.extend_from_slice(name);
            out.extend_from_slice(value);
        };
        let mut number = itoa::Buffer::new();
        if let Some(min) = min {
            member(out, b"\"min\":", number.format(min).as_bytes());
        }
        if let Some(max) = max {
            member(out, b"\"max\":", number.format(max).as_bytes());
        }
        if let Some(suggestion) = suggestion {
            member(out, b"\"suggestion\":", &json_string(suggestion));
        }
        out.push(b'}');
    }
    out.push(b'}');
}

#[cfg(test)]
mod tests {
    use super::*;
    use cleeng_register::error::Violation;

    /// The error objects written in advance are the bytes serde_json writes for the same
    /// error with the same message.
    #[test]
    fn the_objects_written_in_advance_are_serde_jsons_bytes() {
        let catalog = Catalog::get();
        for language in Language::ALL {
            let written = catalog.written(language);
            let mut checked = 0;
            for (slot, entries) in written.slots.iter().enumerate() {
                for entry in entries {
                    let Some(object) = &entry.object else {
                        continue;
                    };
                    let pointer = Field::ALL.get(slot).map_or("", |f| f.pointer());
                    let mut params = Params::NONE;
                    params.min = entry.min;
                    params.max = entry.max;
                    // A suggestion is one of the crate's constants (`GB`, a locale's
                    // preferred language); a test may leak its copy for a `&'static str`.
                    if let Some(s) = &entry.suggestion {
                        params.suggestion = Some(Box::leak(s.clone().into_boxed_str()));
                    }
                    let error = FieldError::new(pointer, Violation::with(entry.code, params));
                    let mut expected = serde_json::to_value(&error).unwrap();
                    expected["message"] = serde_json::json!(&*entry.message);
                    // serde_json's map sorts members; compare the values, then the order.
                    let ours: Value = serde_json::from_slice(object).unwrap();
                    assert_eq!(ours, expected);
                    let text = std::str::from_utf8(object).unwrap();
                    let order = ["\"pointer\"", "\"code\"", "\"message\"", "\"params\""]
                        .map(|m| text.find(m).unwrap_or(usize::MAX));
                    assert!(order.windows(2).all(|w| w[0] < w[1]), "{text}");
                    checked += 1;
                }
            }
            assert!(checked > 60, "{checked}");
        }
    }
}
