//! Where an error is and what it says ([`FieldError`]), every error of a document
//! ([`ValidationReport`]), the one result shape the crate writes ([`ValidationResult`]), and
//! [`escape`], which keeps a client's text from writing into logs.
//!
//! The report is generic over the vocabulary ([`Code`]): a registration request's errors
//! carry an [`ErrorCode`], Cleeng's answer's a code of its own, with the same shape, pointers
//! and sentences.

use std::fmt;

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use crate::advisory::Advisories;
use crate::error::ErrorCode;
use crate::error::{Code, Params, Sentence, ValueError, Violation, Wording};
use crate::field::Field;
use crate::policy::Policy;

/// One error in a document: where (`pointer`), what (`code`, `params`) and a message for
/// people (its `Display`), which never contains the submitted value.
///
/// ```
/// use cleeng_register::{ErrorCode, Policy, RegisterRequest};
/// let report = RegisterRequest::from_json(br#"{"email":"nope"}"#, &Policy::default()).unwrap_err();
/// let first = &report.errors()[0];
/// assert_eq!((first.pointer(), first.code()), ("/email", ErrorCode::InvalidFormat));
/// assert_eq!(first.message(), "email must be a valid email address");
/// ```
#[derive(Clone, Debug)]
pub struct FieldError<C: 'static = ErrorCode> {
    place: Place,
    code: C,
    params: Params,
    wording: &'static Wording,
}

/// Where an error is.
#[derive(Clone, Debug)]
enum Place {
    /// The whole document, pointer `""`.
    Root,
    /// One of the request's fields, as the request reader reports it.
    Field(Field),
    /// A fixed pointer of the crate's own (`/email`, `/responseData/jwt`), never submitted.
    Path(&'static str),
    /// A submitted key that is not a field: its RFC 6901 pointer. Messages never show it.
    Key(Box<str>),
}

impl Place {
    /// A fixed pointer's place: the whole document for `""`.
    const fn of_pointer(pointer: &'static str) -> Place {
        if pointer.is_empty() {
            Place::Root
        } else {
            Place::Path(pointer)
        }
    }

    fn pointer(&self) -> &str {
        match self {
            Place::Root => "",
            Place::Field(field) => field.pointer(),
            Place::Path(pointer) => pointer,
            Place::Key(pointer) => pointer,
        }
    }
}

impl<C: Code> FieldError<C> {
    /// An error at a fixed pointer (`""` for the whole document), worded generically.
    pub const fn new(pointer: &'static str, violation: Violation<C>) -> Self {
        FieldError::at(Place::of_pointer(pointer), violation)
    }

    /// An error at `place`, worded generically.
    const fn at(place: Place, violation: Violation<C>) -> Self {
        FieldError {
            place,
            code: violation.code,
            params: violation.params,
            wording: &Wording::GENERIC,
        }
    }

    /// One error at `place` per rule a value broke, worded by the value's type.
    fn each_rule<'e>(place: Place, error: &'e ValueError<C>) -> impl Iterator<Item = Self> + 'e {
        error.violations().map(move |v| FieldError {
            wording: error.wording(),
            ..FieldError::at(place.clone(), v)
        })
    }

    /// An error about the whole document.
    pub const fn at_root(code: C, params: Params) -> Self {
        FieldError::new("", Violation::with(code, params))
    }

    /// One error per rule a value at `pointer` broke, worded by the value's type.
    pub fn from_value<'e>(
        pointer: &'static str,
        error: &'e ValueError<C>,
    ) -> impl Iterator<Item = Self> + 'e {
        FieldError::each_rule(Place::of_pointer(pointer), error)
    }

    /// An error about a submitted key that is not a field (unknown, or unknown and
    /// repeated): the pointer escapes `~` and `/`.
    pub(crate) fn at_key(key: &str, code: C) -> Self {
        FieldError {
            place: Place::Key(escape_pointer(key).into_boxed_str()),
            code,
            params: Params::NONE,
            wording: &Wording::GENERIC,
        }
    }

    /// The RFC 6901 JSON Pointer to what is wrong (`""` for the whole document).
    pub fn pointer(&self) -> &str {
        self.place.pointer()
    }

    /// The stable code.
    pub fn code(&self) -> C {
        self.code
    }

    /// The limits or hint; empty when none applies.
    pub fn params(&self) -> &Params {
        &self.params
    }
}

impl FieldError<ErrorCode> {
    /// An error about one of the request's fields, worded generically.
    pub(crate) const fn at_field(field: Field, violation: Violation) -> Self {
        FieldError::at(Place::Field(field), violation)
    }

    /// One error per rule a value of the request's `field` broke, worded by the value's type.
    pub(crate) fn at_field_value(
        field: Field,
        error: &ValueError,
    ) -> impl Iterator<Item = Self> + '_ {
        FieldError::each_rule(Place::Field(field), error)
    }

    /// The field, when the error is about one the API knows.
    pub fn field(&self) -> Option<Field> {
        match self.place {
            Place::Field(field) => Some(field),
            Place::Path(pointer) => Field::ALL.into_iter().find(|f| f.pointer() == pointer),
            _ => None,
        }
    }

    /// Everything the bytes of the error's JSON depend on, for the problem writer's table of
    /// errors written in advance: where (a field's slot, or after them the whole body's), the
    /// code, the params and the rule's sentence. `None` for a key, or a pointer given by
    /// hand, which the table does not hold. Every member is named, so a new one does not
    /// compile until it is weighed here, instead of serving stale bytes.
    pub(crate) fn table_key(&self) -> Option<(usize, ErrorCode, Params, Sentence)> {
        let FieldError {
            place,
            code,
            params,
            wording,
        } = self;
        let slot = match place {
            Place::Field(field) => *field as usize,
            Place::Root => Field::COUNT,
            Place::Path(_) | Place::Key(_) => return None,
        };
        Some((slot, *code, *params, code.rule(params, wording)))
    }
}

// Equal errors say the same: the same pointer, however it is held (an error built by hand at
// `/email` equals the reader's), code, params and wording.
impl<C: PartialEq> PartialEq for FieldError<C> {
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code
            && self.params == other.params
            && self.place.pointer() == other.place.pointer()
            && self.wording == other.wording
    }
}

impl<C: Eq> Eq for FieldError<C> {}

impl<C: std::hash::Hash> std::hash::Hash for FieldError<C> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.place.pointer().hash(state);
        self.code.hash(state);
        self.params.hash(state);
        self.wording.hash(state);
    }
}

impl<C: Code> fmt::Display for FieldError<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::error::write_parts(f, |part| self.for_each_message_part(part))
    }
}

impl<C: Code> std::error::Error for FieldError<C> {}

impl<C: Code> FieldError<C> {
    /// The message for people, in a sentence: what the error is about, then what its rule
    /// demands (the JSON's `message`, and the error's `Display`). It never repeats the
    /// submitted value.
    ///
    /// ```
    /// use cleeng_register::{Policy, RegisterRequest};
    /// let report = RegisterRequest::from_json(br#"{"country":"UK"}"#, &Policy::default()).unwrap_err();
    /// let country = report.errors().iter().find(|e| e.pointer() == "/country").unwrap();
    /// assert_eq!(country.message(), country.to_string());
    /// assert!(!country.message().contains("UK"));
    /// ```
    pub fn message(&self) -> String {
        let mut message = String::new();
        self.for_each_message_part(|part| message.push_str(part));
        message
    }

    /// What the broken rule demands, without the subject the message puts before it.
    ///
    /// ```
    /// use cleeng_register::{Policy, RegisterRequest};
    /// let report = RegisterRequest::from_json(br#"{"email":"nope"}"#, &Policy::default()).unwrap_err();
    /// assert_eq!(report.errors()[0].rule().to_string(), "must be a valid email address");
    /// ```
    pub fn rule(&self) -> Sentence {
        self.code.rule(&self.params, self.wording)
    }

    /// Hands each part of the message (its `Display`) to `part`, in order: what the error is
    /// about, then the rule's sentence.
    #[inline]
    fn for_each_message_part(&self, mut part: impl FnMut(&str)) {
        if !self.code.names_its_subject() {
            match &self.place {
                Place::Root => {
                    part(C::DOCUMENT);
                    part(" ");
                }
                Place::Field(field) => {
                    part(field.as_str());
                    part(" ");
                }
                // A submitted key is personal data: it is never repeated.
                Place::Key(_) => part("this key "),
                // A fixed pointer of the crate's own: name its path (`responseData.jwt`).
                Place::Path(pointer) => {
                    let mut path = pointer.strip_prefix('/').unwrap_or(pointer);
                    // A byte loop: pointers are a few bytes, too short for memchr to pay.
                    while let Some(slash) = path.bytes().position(|b| b == b'/') {
                        part(&path[..slash]);
                        part(".");
                        path = &path[slash + 1..];
                    }
                    part(path);
                    part(" ");
                }
            }
        }
        self.rule().for_each_part(part);
    }

    /// Appends the error as JSON: the bytes its `Serialize` gives with `serde_json`, written
    /// directly (see [`cleeng_register_json::write`]).
    pub(crate) fn write_json(&self, out: &mut Vec<u8>) {
        use cleeng_register_json::write::{push_str, push_string_of};
        out.extend_from_slice(b"{\"pointer\":");
        push_str(out, self.pointer());
        out.extend_from_slice(b",\"code\":");
        push_str(out, self.code.as_str());
        out.extend_from_slice(b",\"message\":");
        push_string_of(out, |out| {
            self.for_each_message_part(|part| out.extend_from_slice(part.as_bytes()))
        });
        if !self.params.is_empty() {
            out.extend_from_slice(b",\"params\":");
            self.params.write_json(out);
        }
        out.push(b'}');
    }
}

impl<C: Code> Serialize for FieldError<C> {
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
///
/// ```
/// use cleeng_register::report::DisplayStr;
/// assert_eq!(serde_json::to_string(&DisplayStr(&42)).unwrap(), r#""42""#);
/// ```
pub struct DisplayStr<'a, T: fmt::Display>(pub &'a T);

impl<T: fmt::Display> Serialize for DisplayStr<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self.0)
    }
}

/// RFC 6901: `~` becomes `~0`, `/` becomes `~1`.
fn escape_pointer(key: &str) -> String {
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

/// Writes `text` as the inside of a JSON string, so that a client's bytes cannot write into a
/// log: `"` and `\` are escaped, control characters (`\n`, `\u001b`, …) and the characters
/// that break or reorder lines in a terminal or viewer (U+2028, U+2029 and Unicode's
/// Bidi_Control property, from the data [`PersonName`](crate::PersonName)'s table lists)
/// become `\uXXXX`. Every `Display` in the workspace that shows text from a client (a key
/// inside a pointer, a code Cleeng sent) goes through it.
///
/// ```
/// use cleeng_register::report::escape;
/// let forged = "x\n2026-11-30T00:00:00Z  INFO forged\u{1b}[31m";
/// assert_eq!(escape(forged).to_string(), r"x\n2026-11-30T00:00:00Z  INFO forged\u001b[31m");
/// assert_eq!(escape("a\u{200f}b\u{2067}").to_string(), r"a\u200fb\u2067");
/// ```
pub fn escape(text: &str) -> Escaped<'_> {
    Escaped(text)
}

/// The [`escape`]d form of a text, written by its `Display`.
#[derive(Copy, Clone, Debug)]
pub struct Escaped<'a>(&'a str);

impl Escaped<'_> {
    /// Whether the text is printable ASCII without `"` or `\`, which is written as it is (so
    /// is every field's pointer).
    fn is_plain(&self) -> bool {
        self.0
            .bytes()
            .all(|b| matches!(b, b' '..=b'~') && b != b'"' && b != b'\\')
    }

    /// Appends the escaped text to `out`.
    fn push_to(&self, out: &mut String) {
        if self.is_plain() {
            out.push_str(self.0);
        } else {
            fmt::Write::write_fmt(out, format_args!("{self}"))
                .expect("writing to a String cannot fail");
        }
    }
}

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self.0;
        // Written whole, without the walk by characters below.
        if self.is_plain() {
            return f.write_str(text);
        }
        let mut plain = 0;
        for (i, c) in text.char_indices() {
            let escaped = match c {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                c if c.is_control() || is_line_or_bidi_control(c) => "",
                _ => continue,
            };
            f.write_str(&text[plain..i])?;
            if escaped.is_empty() {
                write!(f, "\\u{:04x}", c as u32)?;
            } else {
                f.write_str(escaped)?;
            }
            plain = i + c.len_utf8();
        }
        f.write_str(&text[plain..])
    }
}

/// U+2028 and U+2029 (line and paragraph separators) and Unicode's Bidi_Control characters,
/// which reorder what a terminal shows (the property the free-text fields refuse).
fn is_line_or_bidi_control(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}') || crate::value::is_bidi_control(c)
}

/// Every error found in a rejected document, in report order. Never empty.
///
/// For a request (the default vocabulary): the fields in table order, then unknown and
/// duplicated keys in input order; at most the policy's `maxErrors`, then one
/// `too_many_errors`.
///
/// It serializes as a [`ValidationResult`]: `{"valid":false,"errors":[...],"advisories":[]}`.
/// Its `Display` is one line for a log: `invalid body: "/email" invalid_format; "/x\n"
/// unknown_field`, each pointer a JSON string (a key the client chose is client bytes, so it is
/// [`escape`]d), each code as it is; the whole document's empty pointer is left out. It is at
/// most [`SUMMARY_MAX_BYTES`] after `invalid body: `, ending with `; and N more` when errors
/// are left out.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid body: {}", Summary(.errors))]
pub struct ValidationReport<C: Code = ErrorCode> {
    errors: Vec<FieldError<C>>,
}

struct Summary<'a, C: 'static>(&'a [FieldError<C>]);

/// The most bytes of a report's summary (its `Display` after `invalid body: `): 3.5 KiB, so
/// that a log line holding it, with a time stamp, a path and a few numbers, stays under 4 KiB
/// however many keys a body sends. The errors that do not fit are counted (`; and 94 more`),
/// and a single pointer too long for it is cut (`"/aaa…"`); the report itself keeps them all.
pub const SUMMARY_MAX_BYTES: usize = 3584;

/// Room kept for `; and N more`.
const MORE_ROOM: usize = "; and 18446744073709551615 more".len();

impl<C: Code> fmt::Display for Summary<'_, C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Gathered first and written once: a service logs this for every refusal, and each
        // write to a formatter goes through its writer (a log line's), some forty of them for
        // a body with an error in every field. An error takes up to some 45 bytes
        // (`"/password" missing_digit_or_special; `): room for them, not regrown.
        let budget = SUMMARY_MAX_BYTES - MORE_ROOM;
        let mut summary = String::with_capacity((48 * self.0.len()).min(SUMMARY_MAX_BYTES));
        for (i, e) in self.0.iter().enumerate() {
            let before = summary.len();
            if i > 0 {
                summary.push_str("; ");
            }
            // The whole document's pointer is empty: its code stands alone. A field's
            // pointer is the crate's own and plain; any other is escaped.
            match &e.place {
                Place::Root => {}
                Place::Field(field) => {
                    summary.push('"');
                    summary.push_str(field.pointer());
                    summary.push_str("\" ");
                }
                _ => {
                    summary.push('"');
                    Escaped(e.pointer()).push_to(&mut summary);
                    summary.push_str("\" ");
                }
            }
            summary.push_str(e.code().as_str());
            if summary.len() > budget {
                summary.truncate(before);
                let left = self.0.len() - i;
                if i == 0 {
                    // One pointer longer than the whole budget: the start of it.
                    push_cut(&mut summary, e.pointer(), e.code().as_str(), budget);
                    if left > 1 {
                        fmt::Write::write_fmt(
                            &mut summary,
                            format_args!("; and {} more", left - 1),
                        )?;
                    }
                } else {
                    fmt::Write::write_fmt(&mut summary, format_args!("; and {left} more"))?;
                }
                break;
            }
        }
        f.write_str(&summary)
    }
}

/// `"<the escaped start of pointer>…" code`, within `budget` bytes of `summary`: escaped a
/// character at a time, so that no escape is cut in two.
fn push_cut(summary: &mut String, pointer: &str, code: &str, budget: usize) {
    let tail = "…\" ".len() + code.len();
    summary.push('"');
    let mut one = [0u8; 4];
    for c in pointer.chars() {
        let mark = summary.len();
        Escaped(c.encode_utf8(&mut one)).push_to(summary);
        if summary.len() + tail > budget {
            summary.truncate(mark);
            break;
        }
    }
    summary.push_str("…\" ");
    summary.push_str(code);
}

impl<C: Code> ValidationReport<C> {
    /// A report of `errors`, in the order given; `None` when there are none, since a report
    /// is never empty.
    pub fn new(errors: Vec<FieldError<C>>) -> Option<Self> {
        (!errors.is_empty()).then_some(ValidationReport { errors })
    }

    /// A report of one error.
    pub fn single(error: FieldError<C>) -> Self {
        ValidationReport {
            errors: vec![error],
        }
    }

    /// The errors, in report order.
    pub fn errors(&self) -> &[FieldError<C>] {
        &self.errors
    }

    /// Takes the errors out.
    pub fn into_errors(self) -> Vec<FieldError<C>> {
        self.errors
    }

    /// Whether some error has this pointer and code.
    pub fn contains(&self, pointer: &str, code: C) -> bool {
        self.errors
            .iter()
            .any(|e| e.pointer() == pointer && e.code() == code)
    }
}

impl ValidationReport<ErrorCode> {
    /// `None` when there are no errors. Past `max_errors` errors, the rest give way to one
    /// `too_many_errors`.
    pub(crate) fn capped(mut errors: Vec<FieldError>, max_errors: usize) -> Option<Self> {
        if errors.len() > max_errors {
            errors.truncate(max_errors);
            errors.push(FieldError::at_root(
                ErrorCode::TooManyErrors,
                // The policy keeps maxErrors within 1..=10,000.
                Params::max(max_errors as u32),
            ));
        }
        ValidationReport::new(errors)
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
    /// # Ok::<(), cleeng_register::policy::PolicyError>(())
    /// ```
    pub fn body_too_large(policy: &Policy) -> Self {
        // The policy keeps maxBodyBytes within 2..=64 MiB.
        let max = Params::max(policy.max_body_bytes() as u32);
        ValidationReport::single(FieldError::at_root(ErrorCode::TooLarge, max))
    }
}

impl<C: Code> Serialize for ValidationReport<C> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        ValidationResult::invalid(self).serialize(serializer)
    }
}

/// The result of validating one document, in the one shape the crate writes it:
/// `{"valid":true,"errors":[],"advisories":[...]}` or
/// `{"valid":false,"errors":[...],"advisories":[]}`, with a leading `"line"` when it
/// reports a line of an NDJSON file.
///
/// ```
/// use cleeng_register::{Policy, RegisterRequest};
/// use cleeng_register::report::ValidationResult;
/// let result = RegisterRequest::from_json(b"[]", &Policy::default());
/// let json = serde_json::to_string(&ValidationResult::of(&result).at_line(3))?;
/// assert_eq!(json, r#"{"line":3,"valid":false,"errors":[{"pointer":"","code":"malformed_body","message":"the request body must be a UTF-8 JSON object"}],"advisories":[]}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
#[must_use]
pub struct ValidationResult<'a, C: 'static = ErrorCode> {
    line: Option<u64>,
    errors: &'a [FieldError<C>],
    advisories: Advisories,
}

impl<'a> ValidationResult<'a, ErrorCode> {
    /// A valid request with these advisories.
    pub const fn valid(advisories: Advisories) -> Self {
        ValidationResult {
            line: None,
            errors: &[],
            advisories,
        }
    }
}

impl<'a, C: Code> ValidationResult<'a, C> {
    /// A rejected document.
    pub fn invalid(report: &'a ValidationReport<C>) -> Self {
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

    /// Whether the document was valid.
    pub fn is_valid(&self) -> bool {
        self.errors.is_empty()
    }
}

impl<C: Code> Serialize for ValidationResult<'_, C> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_at_a_fields_pointer_is_the_same_however_it_was_made() {
        let by_hand = FieldError::new("/email", Violation::new(ErrorCode::Missing));
        let read = FieldError::at_field(Field::Email, Violation::new(ErrorCode::Missing));
        assert_eq!(by_hand, read);
        assert_eq!(by_hand.field(), Some(Field::Email));
        assert_eq!(by_hand.to_string(), read.to_string());
        use std::hash::BuildHasher;
        let state = std::hash::RandomState::new();
        assert_eq!(state.hash_one(&by_hand), state.hash_one(&read));
    }

    #[test]
    fn errors_that_say_different_things_differ() {
        use std::hash::BuildHasher;
        static OTHER: Wording = Wording::new("other", "is other");
        let base = FieldError::at_field(Field::Email, Violation::new(ErrorCode::TooLong));
        let others = [
            FieldError::at_field(Field::Password, Violation::new(ErrorCode::TooLong)),
            FieldError::at_field(Field::Email, Violation::new(ErrorCode::Missing)),
            FieldError::at_field(
                Field::Email,
                Violation::with(ErrorCode::TooLong, Params::max(9)),
            ),
            FieldError {
                wording: &OTHER,
                ..base.clone()
            },
        ];
        let state = std::hash::RandomState::new();
        for other in &others {
            assert_ne!(&base, other);
            assert_ne!(state.hash_one(&base), state.hash_one(other), "{other:?}");
        }
    }

    #[test]
    fn a_value_error_is_worded_by_its_type() {
        let refusal = "EUR1".parse::<crate::value::Currency>().unwrap_err();
        let error = FieldError::from_value("/currency", &refusal)
            .next()
            .unwrap();
        assert_eq!(
            error.to_string(),
            format!("currency {}", refusal.wording().format())
        );
        assert_ne!(refusal.wording(), &Wording::GENERIC);
    }

    #[test]
    fn a_summary_names_pointers_escaped_and_the_body_by_its_code_alone() {
        let report = ValidationReport::new(vec![
            FieldError::at_field(Field::Email, Violation::new(ErrorCode::Missing)),
            FieldError::at_root(ErrorCode::OfferOrPublisherRequired, Params::NONE),
            FieldError::at_key("a\"b\n", ErrorCode::UnknownField),
        ])
        .unwrap();
        assert_eq!(
            report.to_string(),
            r#"invalid body: "/email" missing; offer_or_publisher_required; "/a\"b\n" unknown_field"#
        );
    }

    #[test]
    fn a_summary_is_bounded_and_counts_what_it_leaves_out() {
        let key = "k\u{1b}".repeat(60); // 60 escapes of 6 bytes: 420 bytes a pointer
        let errors: Vec<_> = (0..99)
            .map(|i| FieldError::at_key(&format!("{key}{i}"), ErrorCode::UnknownField))
            .collect();
        let report = ValidationReport::new(errors).unwrap();
        let line = report.to_string();
        let summary = line.strip_prefix("invalid body: ").unwrap();
        assert!(
            summary.len() <= SUMMARY_MAX_BYTES,
            "{} bytes",
            summary.len()
        );
        let shown = summary.matches(" unknown_field").count();
        assert!(shown >= 7, "as many as fit: {shown}");
        assert!(
            summary.ends_with(&format!("; and {} more", 99 - shown)),
            "{summary}"
        );
        assert_eq!(report.errors().len(), 99, "the report keeps every error");

        // One key longer than the whole budget is cut between escapes, then the rest counted.
        let long = FieldError::at_key(&"\n".repeat(5000), ErrorCode::UnknownField);
        let next = FieldError::at_key("x", ErrorCode::UnknownField);
        let line = ValidationReport::new(vec![long, next]).unwrap().to_string();
        let summary = line.strip_prefix("invalid body: \"").unwrap();
        assert!(summary.len() <= SUMMARY_MAX_BYTES);
        assert!(
            summary.ends_with("\\n…\" unknown_field; and 1 more"),
            "{summary}"
        );
    }

    #[test]
    fn a_hand_made_pointer_is_named_whatever_it_starts_with() {
        let error = FieldError::new("é/b", Violation::new(ErrorCode::Missing));
        assert_eq!(error.to_string(), "é.b is required");
    }

    #[test]
    fn every_fields_pointer_is_plain() {
        for field in Field::ALL {
            assert!(escape(field.pointer()).is_plain(), "{field}");
        }
    }

    #[test]
    fn every_ascii_character_is_escaped_as_documented() {
        for byte in 0u8..0x80 {
            let c = char::from(byte);
            let expected = match c {
                '"' => "\\\"".to_owned(),
                '\\' => "\\\\".to_owned(),
                '\n' => "\\n".to_owned(),
                '\r' => "\\r".to_owned(),
                '\t' => "\\t".to_owned(),
                c if c.is_control() => format!("\\u{byte:04x}"),
                c => c.to_string(),
            };
            assert_eq!(
                escape(&format!("a{c}b")).to_string(),
                format!("a{expected}b"),
                "{byte:#04x}"
            );
        }
    }
}
