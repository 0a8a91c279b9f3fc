//! A request body's fields, read in one pass: each key is matched, each known field's string
//! is kept (borrowed from the body when it has no escapes, else decoded into memory wiped on
//! drop), every other value is checked and skipped. No `serde_json::Value` is built.
//!
//! [`read_body`] does it with the crate's own [scanner](cleeng_register_json::scan) (for
//! [`RegisterRequest::from_json`](crate::RegisterRequest::from_json));
//! [`BodyVisitor`](crate::request::serde_body::BodyVisitor) does it through serde (for
//! [`RequestSeed`](crate::request::RequestSeed)). Both fill a [`RawBody`] through [`Keys`].

use std::borrow::Cow;
use std::collections::HashMap;

use zeroize::Zeroizing;

use crate::error::ErrorCode;
use crate::error::Violation;
use crate::field::Field;
use crate::policy::Policy;
use crate::report::FieldError;
use cleeng_register_json::scan::{Malformed, RawStr, Scanner};

/// What a known field held. No `Debug`: it holds the submitted text, passwords included.
#[derive(Default)]
pub(crate) enum Slot<'a> {
    /// Not given, or `null`.
    #[default]
    Absent,
    /// A string without escapes, borrowed from the body.
    Borrowed(&'a str),
    /// A string that had to be decoded (it has escapes): wiped when dropped, as a password's
    /// copy must be when a repeated key or a later syntax error throws the slot away.
    Copied(Zeroizing<String>),
    NotAString,
    /// Given more than once; reported among the key errors, not checked further.
    Duplicate,
}

impl Slot<'_> {
    /// Whether the field counts as given (for "offer or publisher").
    pub(crate) fn is_present(&self) -> bool {
        !matches!(self, Slot::Absent)
    }
}

/// The fields of a body, one slot per [`Field`], plus the errors about its keys in input
/// order.
#[derive(Default)]
pub(crate) struct RawBody<'a> {
    slots: [Slot<'a>; Field::COUNT],
    pub(crate) key_errors: Vec<FieldError>,
}

impl<'a> RawBody<'a> {
    /// Takes what `field` held, leaving it absent.
    pub(crate) fn take(&mut self, field: Field) -> Slot<'a> {
        std::mem::take(&mut self.slots[field as usize])
    }

    /// Whether `field` counts as given.
    pub(crate) fn has(&self, field: Field) -> bool {
        self.slots[field as usize].is_present()
    }
}

/// The keys of a body read so far, and what they mean for its [`RawBody`]: a field's first
/// value is read, a repeated field or unknown key is reported (once).
pub(crate) struct Keys<'a> {
    allow_unknown_fields: bool,
    /// Key errors past this many are not kept: the report is cut there anyway, and a body of
    /// many unknown keys must not grow the answer (or the memory) with its size.
    max_key_errors: usize,
    /// One bit per field given.
    seen: u32,
    /// Unknown keys seen so far, and whether their repetition was reported. Created at the
    /// first unknown key: valid bodies never pay for it.
    unknown: Option<HashMap<Cow<'a, str>, bool>>,
}

impl<'a> Keys<'a> {
    pub(crate) fn new(policy: &Policy) -> Self {
        Keys {
            allow_unknown_fields: policy.allow_unknown_fields(),
            max_key_errors: policy.max_errors(),
            seen: 0,
            unknown: None,
        }
    }

    /// Whether `field`'s value is to be read into its slot: the first time it is given. A
    /// repeat turns the slot into [`Slot::Duplicate`] (wiping what it held) and is reported
    /// once; its value is only skipped.
    #[inline]
    pub(crate) fn first(&mut self, field: Field, body: &mut RawBody<'a>) -> bool {
        if self.seen & field.bit() == 0 {
            self.seen |= field.bit();
            return true;
        }
        let slot = &mut body.slots[field as usize];
        if !matches!(slot, Slot::Duplicate) {
            *slot = Slot::Duplicate;
            body.key_errors.push(FieldError::at_field(
                field,
                Violation::new(ErrorCode::DuplicateField),
            ));
        }
        false
    }

    /// Stores the value of a field [`first`](Self::first) let through.
    #[inline]
    pub(crate) fn fill(field: Field, body: &mut RawBody<'a>, slot: Slot<'a>) {
        body.slots[field as usize] = slot;
    }

    /// A key that names no field: `unknown_field`, then `duplicate_field` when it comes
    /// again (unless the policy allows unknown fields).
    pub(crate) fn unknown(&mut self, name: Cow<'a, str>, body: &mut RawBody<'a>) {
        if self.allow_unknown_fields || body.key_errors.len() > self.max_key_errors {
            return;
        }
        let unknown = self.unknown.get_or_insert_with(HashMap::new);
        match unknown.get_mut(&name) {
            None => {
                body.key_errors
                    .push(FieldError::at_key(&name, ErrorCode::UnknownField));
                unknown.insert(name, false);
            }
            Some(reported @ false) => {
                *reported = true;
                body.key_errors
                    .push(FieldError::at_key(&name, ErrorCode::DuplicateField));
            }
            Some(true) => {}
        }
    }
}

/// Reads a whole body (a JSON object, then only whitespace) into `body` under `policy`.
/// On `Err` the body is not JSON (as serde_json reads it) or not an object; what was read is
/// left in `body`, to be dropped (and wiped).
pub(crate) fn read_body<'a>(
    text: &'a str,
    policy: &Policy,
    body: &mut RawBody<'a>,
) -> Result<(), Malformed> {
    let mut scanner = Scanner::new(text);
    let mut keys = Keys::new(policy);
    scanner.expect(b'{')?;
    if !scanner.eat(b'}') {
        loop {
            let key = scanner.key()?;
            match field_of(key) {
                Ok(field) if keys.first(field, body) => {
                    let slot = slot(&mut scanner)?;
                    Keys::fill(field, body, slot);
                }
                Ok(_) => skip(&mut scanner)?,
                Err(name) => {
                    skip(&mut scanner)?;
                    keys.unknown(name, body);
                }
            }
            if !scanner.eat(b',') {
                scanner.expect(b'}')?;
                break;
            }
        }
    }
    scanner.finish()
}

/// The field a key names, or the key's text.
fn field_of(key: RawStr<'_>) -> Result<Field, Cow<'_, str>> {
    match key.unescaped() {
        Some(name) => name.parse().map_err(|_| Cow::Borrowed(name)),
        None => {
            // Keys are not secret: the decoded copy need not stay wiped.
            let name = std::mem::take(&mut *key.decode());
            name.parse().map_err(|_| Cow::Owned(name))
        }
    }
}

/// A known field's value: a string is kept, `null` is absent, anything else is checked,
/// skipped and marked as not a string.
fn slot<'a>(scanner: &mut Scanner<'a>) -> Result<Slot<'a>, Malformed> {
    match scanner.peek() {
        Some(b'"') => {
            let text = scanner.string()?;
            Ok(match text.unescaped() {
                Some(text) => Slot::Borrowed(text),
                None => Slot::Copied(text.decode()),
            })
        }
        _ if scanner.eat_null()? => Ok(Slot::Absent),
        _ => skip(scanner).map(|()| Slot::NotAString),
    }
}

/// Checks and skips any value inside the body (one level deep).
fn skip(scanner: &mut Scanner<'_>) -> Result<(), Malformed> {
    scanner.walk_value(1, &mut 0).map(|_| ())
}
