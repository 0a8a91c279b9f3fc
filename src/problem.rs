//! The RFC 9457 problem document a service answers for an invalid request body.

use std::sync::OnceLock;

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};
use serde_json::{json, Value};

use crate::field::Field;
use crate::field_rules::{root_errors, FieldRules};
use crate::policy::Policy;
use crate::report::{FieldError, ValidationReport};
use crate::service_rule::ServiceRules;

// The document's constant members, written once: as `Problem`'s constants, and in the bytes
// before and after its status (JSON strings as they are: none has a byte to escape).
macro_rules! problem_type {
    () => {
        "tag:cleeng-register,2026:invalid-request-body"
    };
}
macro_rules! problem_title {
    () => {
        "Invalid request body"
    };
}
macro_rules! problem_code {
    () => {
        "REQ0001"
    };
}
const BEFORE_STATUS: &str = concat!(
    r#"{"type":""#,
    problem_type!(),
    r#"","title":""#,
    problem_title!(),
    r#"","status":"#
);
const BEFORE_ERRORS: &str = concat!(r#","code":""#, problem_code!(), r#"","errors":["#);

/// An RFC 9457 problem document (`application/problem+json`) for a rejected registration
/// body:
///
/// ```json
/// {"type":"tag:cleeng-register,2026:invalid-request-body","title":"Invalid request body",
///  "status":400,"code":"REQ0001","errors":[{"pointer":"/email","code":"invalid_format","message":"…"}]}
/// ```
///
/// - `type` is [`Problem::TYPE`], a `tag:` URI (RFC 4151): a stable name for this kind of
///   problem that clients compare as a string, never dereference.
/// - `code` is Cleeng's own `REQ0001`, so clients written for Cleeng keep working.
/// - `errors` are the report's errors exactly as [`ValidationReport`] writes them; like
///   them, no member carries a submitted value.
///
/// ```
/// use cleeng_register::{Policy, Problem, RegisterRequest};
/// let report = RegisterRequest::from_json(br#"{"email":"nope"}"#, &Policy::default()).unwrap_err();
/// let problem = report.to_problem(400);
/// assert_eq!(problem.status(), 400);
/// let json = serde_json::to_value(&problem).unwrap();
/// assert_eq!(json["title"], "Invalid request body");
/// assert_eq!(json["code"], "REQ0001");
/// assert_eq!(json["errors"][0]["pointer"], "/email");
/// assert_eq!(Problem::CONTENT_TYPE, "application/problem+json");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Problem {
    status: u16,
    errors: Vec<FieldError>,
}

impl Problem {
    /// The media type to send it with.
    pub const CONTENT_TYPE: &'static str = "application/problem+json";
    /// The problem type URI.
    pub const TYPE: &'static str = problem_type!();
    /// The title in English, the same for every occurrence (a document worded in another
    /// language has its own).
    pub const TITLE: &'static str = problem_title!();
    /// Cleeng's code for an invalid request body.
    pub const CODE: &'static str = problem_code!();

    /// The HTTP status it goes with (400, or 422 where a service prefers it).
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The errors, in the report's order.
    pub fn errors(&self) -> &[FieldError] {
        &self.errors
    }

    /// The JSON Schema (draft 2020-12) of the document, with the errors' schema under
    /// `$defs/FieldError`.
    pub fn json_schema() -> Value {
        Problem::json_schema_with(&ServiceRules::new())
    }

    /// [`json_schema`](Self::json_schema) for a service with rules of its own: an error's
    /// `code` may also be one of the rules' codes.
    pub fn json_schema_with(rules: &ServiceRules) -> Value {
        let field_error = crate::schema::result_schema_with(rules)["$defs"]["FieldError"].clone();
        json!({
            "$schema": crate::schema::DRAFT_2020_12,
            "title": "Invalid request body (RFC 9457 problem details)",
            "description": "An application/problem+json answer for a registration body that fails validation. \
                No member carries a submitted value.",
            "type": "object",
            "properties": {
                "type": {"const": Problem::TYPE, "description": "The problem type: compare it as a string."},
                "title": {"type": "string", "examples": [Problem::TITLE], "description": "A short summary of the problem, in the answer's language (Content-Language): \"Invalid request body\" in English."},
                "detail": {"type": "string", "description": "How many errors must be corrected, in the answer's language, where the service words the document in it."},
                "status": {"type": "integer", "minimum": 400, "maximum": 499, "description": "The HTTP status (400, or 422 where the service is so configured)."},
                "code": {"const": Problem::CODE, "description": "Cleeng's code for an invalid request body."},
                "errors": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/FieldError"}},
            },
            "required": ["type", "title", "status", "code", "errors"],
            "$defs": {"FieldError": field_error},
        })
    }
}

impl ValidationReport {
    /// The report as an RFC 9457 problem document answered with `status`.
    pub fn to_problem(&self, status: u16) -> Problem {
        Problem {
            status,
            errors: self.errors().to_vec(),
        }
    }

    /// The problem document for this report, answered with `status`, as JSON: the same
    /// bytes as `serde_json::to_vec(&report.to_problem(status))`, without copying the errors
    /// and at a fraction of the cost (a service writes one for every refused body;
    /// benches/README.md has the figures).
    ///
    /// The errors are written directly, not through a serializer. Every error the request
    /// reader can report at a field or about the whole body under the default policy is
    /// written once in a process, at the first call, and copied from then on; the others
    /// (another policy's limits, an unknown key) are written as they come.
    ///
    /// ```
    /// use cleeng_register::{Policy, RegisterRequest};
    /// let report = RegisterRequest::from_json(br#"{"email":"nope"}"#, &Policy::default()).unwrap_err();
    /// let json = report.to_problem_json(422);
    /// assert_eq!(json, serde_json::to_vec(&report.to_problem(422)).unwrap());
    /// assert!(json.starts_with(br#"{"type":"tag:cleeng-register,2026:invalid-request-body","title":"Invalid request body","status":422,"#));
    /// ```
    pub fn to_problem_json(&self, status: u16) -> Vec<u8> {
        write_problem(status, self.errors())
    }

    /// As [`ValidationReport::to_problem`], without copying the errors.
    pub fn into_problem(self, status: u16) -> Problem {
        Problem {
            status,
            errors: self.into_errors(),
        }
    }
}

impl Problem {
    /// The document as JSON: the same bytes as `serde_json::to_vec(self)`, written directly
    /// (see [`ValidationReport::to_problem_json`]).
    ///
    /// ```
    /// use cleeng_register::{Policy, RegisterRequest};
    /// let problem = RegisterRequest::from_json(b"[]", &Policy::default()).unwrap_err().into_problem(400);
    /// assert_eq!(problem.to_json(), serde_json::to_vec(&problem).unwrap());
    /// ```
    pub fn to_json(&self) -> Vec<u8> {
        write_problem(self.status, &self.errors)
    }
}

/// The members in the order `Serialize` writes them.
fn write_problem(status: u16, errors: &[FieldError]) -> Vec<u8> {
    use cleeng_register_json::write::push_u32;
    // About 200 bytes of envelope and 160 an error: one allocation, no regrowth.
    let mut out = Vec::with_capacity(256 + 160 * errors.len());
    out.extend_from_slice(BEFORE_STATUS.as_bytes());
    push_u32(&mut out, u32::from(status));
    out.extend_from_slice(BEFORE_ERRORS.as_bytes());
    let written = Written::get();
    for (i, error) in errors.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        match written.json(error) {
            Some(json) => out.extend_from_slice(json),
            None => error.write_json(&mut out),
        }
    }
    out.extend_from_slice(b"]}");
    out
}

/// The JSON of every error the request reader can report at a field or about the whole body
/// under the default policy, written once in a process, at its first problem document.
///
/// A refusal is mostly made of these, and copying one costs a fraction of writing it: a
/// pointer, a code and a sentence of several parts, each checked for bytes to escape. An
/// error that is not here (another policy's limit, a suggestion, a key) is written as usual.
/// The bytes are the same either way: these are written by the same code, and looked up by
/// everything the bytes depend on (place, code, params and the rule's sentence).
struct Written {
    /// By the slot of [`FieldError::table_key`]: each field's errors, then the whole body's.
    slots: Vec<Vec<(FieldError, Box<[u8]>)>>,
}

impl Written {
    fn get() -> &'static Written {
        static WRITTEN: OnceLock<Written> = OnceLock::new();
        WRITTEN.get_or_init(|| {
            let written = |errors: Vec<FieldError>| {
                errors
                    .into_iter()
                    .map(|error| {
                        let mut json = Vec::new();
                        error.write_json(&mut json);
                        (error, json.into_boxed_slice())
                    })
                    .collect()
            };
            let policy = Policy::default();
            let mut slots: Vec<_> = Field::ALL
                .iter()
                .map(|&field| written(FieldRules::of(field, &policy).errors()))
                .collect();
            slots.push(written(root_errors(&policy).into()));
            Written { slots }
        })
    }

    /// `error`'s JSON, when it is written here (never a service's error: see
    /// [`FieldError::table_key`]).
    fn json(&self, error: &FieldError) -> Option<&[u8]> {
        let key = error.table_key()?;
        let slot = self.slots.get(key.0)?;
        // The code first: it rules out most of the slot without writing a sentence.
        slot.iter()
            .find(|(e, _)| e.code() == key.1 && e.table_key().as_ref() == Some(&key))
            .map(|(_, json)| &**json)
    }
}

impl Serialize for Problem {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Problem", 5)?;
        s.serialize_field("type", Problem::TYPE)?;
        s.serialize_field("title", Problem::TITLE)?;
        s.serialize_field("status", &self.status)?;
        s.serialize_field("code", Problem::CODE)?;
        s.serialize_field("errors", &self.errors)?;
        s.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::RegisterRequest;

    /// The gateway's refused body, one with an error in every field, and one that misses
    /// both the offer and the publisher (an error about the whole body).
    const REFUSED: [&[u8]; 3] = [
        br#"{"email":"jane@example.com","password":"s3cret-pass","locale":"en_US","country":"US","currency":"USD"}"#,
        br#"{"email":"jane@localhost","password":"short","offerId":"X565568989_UK","locale":"en-US","country":"UK","currency":"usd","customerIP":"8.8.8.300"}"#,
        br#"{"email":"jane@localhost","password":"short","offerId":"X565568989_UK","publisherId":"12345","locale":"en-US","country":"UK","currency":"HRK","firstName":" Jane","lastName":"Doe\t","externalId":"","externalData":"[1]","customerIP":"01.2.3.4","captchaValue":"a b"}"#,
    ];

    fn serde_bytes(report: &ValidationReport) -> Vec<u8> {
        serde_json::to_vec(&report.to_problem(400)).unwrap()
    }

    #[test]
    fn a_default_refusal_is_copied_from_the_table_and_says_what_serde_says() {
        for body in REFUSED {
            let report = RegisterRequest::from_json(body, &Policy::default()).unwrap_err();
            for error in report.errors() {
                assert!(Written::get().json(error).is_some(), "{error:?}");
            }
            assert_eq!(report.to_problem_json(400), serde_bytes(&report));
        }
    }

    #[test]
    fn an_error_the_table_does_not_hold_is_written_as_usual() {
        // Another policy's limit (the table holds the default one's), and a key.
        let small = Policy::builder()
            .max_external_data_bytes(2)
            .build()
            .unwrap();
        let cases = [
            (
                &small,
                &br#"{"externalData":"{\"a\":1}"}"#[..],
                crate::error::ErrorCode::TooLarge,
            ),
            (
                &Policy::default(),
                br#"{"nope":1}"#,
                crate::error::ErrorCode::UnknownField,
            ),
        ];
        for (policy, body, code) in cases {
            let report = RegisterRequest::from_json(body, policy).unwrap_err();
            let error = report.errors().iter().find(|e| e.code() == code).unwrap();
            assert!(Written::get().json(error).is_none(), "{error:?}");
            assert_eq!(report.to_problem_json(400), serde_bytes(&report));
        }
        // Params the sentence does not show still make another error.
        let with_params = FieldError::at_field(
            Field::Email,
            crate::error::Violation::with(
                crate::error::ErrorCode::Missing,
                crate::error::Params::max(5),
            ),
        );
        assert!(Written::get().json(&with_params).is_none());
        // An error built by hand at a field's pointer.
        let by_hand = FieldError::new(
            "/email",
            crate::error::Violation::new(crate::error::ErrorCode::Missing),
        );
        assert!(Written::get().json(&by_hand).is_none());
    }

    #[test]
    fn every_error_in_the_table_is_written_as_serde_writes_it() {
        for slot in &Written::get().slots {
            for (error, json) in slot {
                assert_eq!(**json, *serde_json::to_vec(error).unwrap(), "{error:?}");
            }
        }
    }
}
