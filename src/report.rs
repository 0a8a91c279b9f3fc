//! Where an error is and what it says ([`FieldError`]), every error of a body
//! ([`ValidationReport`]), and the one result shape both the library and the command line
//! write ([`ValidationResult`]).

use std::borrow::Cow;
use std::fmt;

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use crate::error::Rules;
use crate::{Advisories, ErrorCode, Field, Params, Policy, RegisterRequest, ValueError, Violation};

/// One error in a body: where (`pointer`), what (`code`, `params`) and a message for people
/// (its `Display`), which never contains the submitted value.
///
/// ```
/// use cleeng_register::{ErrorCode, Policy, RegisterRequest};
/// let report = RegisterRequest::from_json(br#"{"email":"nope"}"#, &Policy::default()).unwrap_err();
/// let first = &report.errors()[0];
/// assert_eq!((first.pointer(), first.code()), ("/email", ErrorCode::InvalidFormat));
/// assert_eq!(first.to_string(), "email must be a valid email address");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FieldError {
    pointer: Cow<'static, str>,
    field: Option<Field>,
    code: ErrorCode,
    params: Params,
    rules: &'static Rules,
}

impl FieldError {
    pub(crate) fn at_field(field: Field, violation: Violation) -> Self {
        FieldError {
            pointer: Cow::Borrowed(field.pointer()),
            field: Some(field),
            code: violation.code,
            params: violation.params,
            rules: &Rules::GENERIC,
        }
    }

    /// One error per rule a field's value broke, worded by the value's type.
    pub(crate) fn from_value(field: Field, error: &ValueError) -> impl Iterator<Item = Self> + '_ {
        error.violations().map(move |v| FieldError {
            rules: error.rules(),
            ..FieldError::at_field(field, v)
        })
    }

    pub(crate) fn at_root(code: ErrorCode, params: Params) -> Self {
        FieldError {
            pointer: Cow::Borrowed(""),
            field: None,
            code,
            params,
            rules: &Rules::GENERIC,
        }
    }

    /// The first rule a value at a fixed pointer broke, worded by the value's type.
    pub(crate) fn at_pointer_from(pointer: &'static str, error: &ValueError) -> Self {
        let first = error.violations().next().expect("a refusal names a rule");
        FieldError {
            rules: error.rules(),
            ..FieldError::at_pointer(pointer, first)
        }
    }

    /// An error at a fixed pointer outside the request body's fields (`/responseData/jwt`).
    /// Its message names the pointer's path (`responseData.jwt`).
    pub(crate) const fn at_pointer(pointer: &'static str, violation: Violation) -> Self {
        FieldError {
            pointer: Cow::Borrowed(pointer),
            field: None,
            code: violation.code,
            params: violation.params,
            rules: &Rules::GENERIC,
        }
    }

    /// An error about a key that is not a field (unknown, or unknown and repeated): the
    /// pointer escapes `~` and `/`.
    pub(crate) fn at_key(key: &str, code: ErrorCode) -> Self {
        FieldError {
            pointer: Cow::Owned(escape_pointer(key)),
            field: None,
            code,
            params: Params::NONE,
            rules: &Rules::GENERIC,
        }
    }

    /// The RFC 6901 JSON Pointer to what is wrong (`""` for the whole body).
    pub fn pointer(&self) -> &str {
        &self.pointer
    }

    /// The field, when the error is about one the API knows.
    pub fn field(&self) -> Option<Field> {
        self.field
    }

    /// The stable code.
    pub fn code(&self) -> ErrorCode {
        self.code
    }

    /// The limits or hint; empty when none applies.
    pub fn params(&self) -> &Params {
        &self.params
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.field, self.code) {
            (_, ErrorCode::OfferOrPublisherRequired) => {}
            (Some(field), _) => write!(f, "{field} ")?,
            (None, _) if self.pointer.is_empty() => f.write_str("the request body ")?,
            (None, ErrorCode::UnknownField | ErrorCode::DuplicateField) => {
                f.write_str("this key ")?
            }
            (None, _) => {
                // A fixed pointer of the crate's own (never a submitted key): name its path.
                for (i, part) in self.pointer[1..].split('/').enumerate() {
                    if i > 0 {
                        f.write_str(".")?;
                    }
                    f.write_str(part)?;
                }
                f.write_str(" ")?;
            }
        }
        self.code.write_rule(f, &self.params, self.rules)
    }
}

impl std::error::Error for FieldError {}

impl Serialize for FieldError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let has_params = !self.params.is_empty();
        let mut s = serializer.serialize_struct("FieldError", 3 + has_params as usize)?;
        s.serialize_field("pointer", self.pointer())?;
        s.serialize_field("code", &self.code)?;
        s.serialize_field("message", &DisplayStr(self))?;
        if has_params {
            s.serialize_field("params", &self.params)?;
        } else {
            s.skip_field("params")?;
        }
        s.end()
    }
}

/// Serializes a `Display` value as a string without an intermediate `String`.
pub(crate) struct DisplayStr<'a, T: fmt::Display>(pub(crate) &'a T);

impl<T: fmt::Display> Serialize for DisplayStr<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self.0)
    }
}

/// RFC 6901: `~` becomes `~0`, `/` becomes `~1`.
pub(crate) fn escape_pointer(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 1);
    out.push('/');
    for c in key.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
    out
}

/// Every error found in a rejected body, in report order: the fields in table order, then
/// unknown and duplicated keys in input order; at most the policy's `maxErrors`, then one
/// `too_many_errors`. Never empty.
///
/// It serializes as a [`ValidationResult`]: `{"valid":false,"errors":[...],"advisories":[]}`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid body: {}", Summary(.errors))]
pub struct ValidationReport {
    errors: Vec<FieldError>,
}

struct Summary<'a>(&'a [FieldError]);

impl fmt::Display for Summary<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            // The whole body's pointer is empty: its code stands alone.
            match e.pointer() {
                "" => write!(f, "{}", e.code())?,
                pointer => write!(f, "{pointer} {}", e.code())?,
            }
        }
        Ok(())
    }
}

impl ValidationReport {
    /// `None` when there are no errors: a report is never empty. Past `max_errors` errors,
    /// the rest give way to one `too_many_errors`.
    pub(crate) fn from_errors(mut errors: Vec<FieldError>, max_errors: usize) -> Option<Self> {
        if errors.len() > max_errors {
            errors.truncate(max_errors);
            errors.push(FieldError::at_root(
                ErrorCode::TooManyErrors,
                // The policy keeps maxErrors within 1..=10,000.
                Params::max(max_errors as u32),
            ));
        }
        (!errors.is_empty()).then_some(ValidationReport { errors })
    }

    /// The report for a body over the policy's `maxBodyBytes`: `too_large` at `""` with
    /// `{"max": N}`, which replaces every other error. A service that refuses a body by its
    /// length before reading it (from `Content-Length`, say) answers with exactly this.
    ///
    /// ```
    /// use cleeng_register::{ErrorCode, Policy, RegisterRequest, ValidationReport};
    /// let policy = Policy::builder().max_body_bytes(16).build()?;
    /// let report = ValidationReport::body_too_large(&policy);
    /// assert_eq!(report.errors()[0].code(), ErrorCode::TooLarge);
    /// assert_eq!(RegisterRequest::from_json(&[b' '; 17], &policy), Err(report));
    /// # Ok::<(), cleeng_register::PolicyError>(())
    /// ```
    pub fn body_too_large(policy: &Policy) -> Self {
        // The policy keeps maxBodyBytes within 2..=64 MiB.
        let max = Params::max(policy.max_body_bytes() as u32);
        ValidationReport::single(FieldError::at_root(ErrorCode::TooLarge, max))
    }

    pub(crate) fn single(error: FieldError) -> Self {
        ValidationReport {
            errors: vec![error],
        }
    }

    /// The errors, in report order.
    pub fn errors(&self) -> &[FieldError] {
        &self.errors
    }

    /// Takes the errors out.
    pub fn into_errors(self) -> Vec<FieldError> {
        self.errors
    }

    /// Whether some error has this pointer and code.
    pub fn contains(&self, pointer: &str, code: ErrorCode) -> bool {
        self.errors
            .iter()
            .any(|e| e.pointer() == pointer && e.code() == code)
    }
}

impl Serialize for ValidationReport {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        ValidationResult::invalid(self).serialize(serializer)
    }
}

/// The result of validating one body, in the one shape the crate writes it:
/// `{"valid":true,"errors":[],"advisories":[...]}` or
/// `{"valid":false,"errors":[...],"advisories":[]}`, with a leading `"line"` when it
/// reports a line of an NDJSON file.
///
/// ```
/// use cleeng_register::{Policy, RegisterRequest, ValidationResult};
/// let result = RegisterRequest::from_json(b"[]", &Policy::default());
/// let json = serde_json::to_string(&ValidationResult::of(&result).at_line(3))?;
/// assert_eq!(json, r#"{"line":3,"valid":false,"errors":[{"pointer":"","code":"malformed_body","message":"the request body must be a UTF-8 JSON object"}],"advisories":[]}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
#[must_use]
pub struct ValidationResult<'a> {
    line: Option<u64>,
    errors: &'a [FieldError],
    advisories: Advisories,
}

impl<'a> ValidationResult<'a> {
    /// The result of [`RegisterRequest::from_json`].
    pub fn of(result: &'a Result<RegisterRequest, ValidationReport>) -> Self {
        match result {
            Ok(request) => ValidationResult::valid(request.advisories()),
            Err(report) => ValidationResult::invalid(report),
        }
    }

    /// A valid body with these advisories.
    pub const fn valid(advisories: Advisories) -> Self {
        ValidationResult {
            line: None,
            errors: &[],
            advisories,
        }
    }

    /// A rejected body.
    pub fn invalid(report: &'a ValidationReport) -> Self {
        ValidationResult {
            line: None,
            errors: report.errors(),
            advisories: Advisories::new(),
        }
    }

    /// The same result, reporting line `line` (1-based) of an NDJSON input.
    pub const fn at_line(self, line: u64) -> Self {
        ValidationResult {
            line: Some(line),
            ..self
        }
    }

    /// Whether the body was valid.
    pub fn is_valid(&self) -> bool {
        self.errors.is_empty()
    }
}

impl Serialize for ValidationResult<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s =
            serializer.serialize_struct("ValidationResult", 3 + self.line.is_some() as usize)?;
        match self.line {
            Some(line) => s.serialize_field("line", &line)?,
            None => s.skip_field("line")?,
        }
        s.serialize_field("valid", &self.is_valid())?;
        s.serialize_field("errors", self.errors)?;
        s.serialize_field("advisories", &self.advisories)?;
        s.end()
    }
}
