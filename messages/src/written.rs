//! What is written in advance, per language: every error the request reader reports under
//! the default policy, rendered once at the language's first use, and the problem
//! document that copies them.
//!
//! A refused request is mostly made of these errors, and rendering a Fluent message with a
//! plural selector costs far more than copying its text (the core keeps such a table for
//! its English sentences for the same reason).

use cleeng_register::error::Params;
use cleeng_register::schema::messages;
use cleeng_register::{ErrorCode, Field, FieldError, Policy, Problem, ValidationReport};
use serde_json::Value;

use crate::catalog::Catalog;
use crate::request::Subject;
use crate::Language;

/// One error rendered in advance.
struct Entry {
    code: ErrorCode,
    min: Option<u32>,
    max: Option<u32>,
    suggestion: Option<String>,
    message: Box<str>,
    /// The message as a JSON string, quotes included.
    json: Box<[u8]>,
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
            slots[slot_of(subject)].push(Entry {
                code,
                min,
                max,
                suggestion,
                json: json_string(&text),
                message: text.into_boxed_str(),
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
    /// assert_eq!(json["title"], "Corps de requête non valide");
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
        out.extend_from_slice(b",\"code\":");
        out.extend_from_slice(&json_string(Problem::CODE));
        out.extend_from_slice(b",\"errors\":[");
        for (i, error) in errors.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(b"{\"pointer\":");
            serde_json::to_writer(&mut out, error.pointer()).expect("writing to a Vec");
            out.extend_from_slice(b",\"code\":\"");
            out.extend_from_slice(error.code().as_str().as_bytes());
            out.extend_from_slice(b"\",\"message\":");
            match written.entry(error) {
                Some(entry) => out.extend_from_slice(&entry.json),
                None => {
                    out.extend_from_slice(&json_string(&self.render_field_error(language, error)))
                }
            }
            if !error.params().is_empty() {
                out.extend_from_slice(b",\"params\":");
                serde_json::to_writer(&mut out, error.params()).expect("writing to a Vec");
            }
            out.push(b'}');
        }
        out.extend_from_slice(b"]}");
        out
    }
}
