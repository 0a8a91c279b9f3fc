//! One pass over a request body: each key is matched, each known field's string is kept
//! (borrowed from the body when it has no escapes), every other value is skipped. No
//! `serde_json::Value` is built.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

use serde::de::{self, DeserializeSeed, Visitor};
use zeroize::Zeroizing;

use crate::error::Violation;
use crate::json::walk::{KeyProbe, Skip};
use crate::{ErrorCode, Field, FieldError};

/// What a known field held. No `Debug`: it holds the submitted text, passwords included.
#[derive(Default)]
pub(crate) enum Slot<'a> {
    /// Not given, or `null`.
    #[default]
    Absent,
    /// A string without escapes, borrowed from the body.
    Borrowed(&'a str),
    /// A string serde had to copy (it has escapes): wiped when dropped, as a password's
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

/// Reads the top-level object into a [`RawBody`] the caller owns (returning it by value
/// would copy its ~400 bytes through every `Result` on the way out of serde).
pub(crate) struct BodyVisitor<'b, 'de> {
    pub(crate) allow_unknown_fields: bool,
    /// Key errors past this many are not kept: the report is cut there anyway, and a body of
    /// many unknown keys must not grow the answer (or the memory) with its size.
    pub(crate) max_key_errors: usize,
    pub(crate) body: &'b mut RawBody<'de>,
}

/// Refuses a body that is not an object without quoting it (serde's `invalid_type` would).
macro_rules! refuse_non_object {
    ($($method:ident: $ty:ty),*) => {$(
        fn $method<E: de::Error>(self, _: $ty) -> Result<(), E> {
            Err(E::custom("expected a JSON object"))
        }
    )*};
}

impl<'de> Visitor<'de> for BodyVisitor<'_, 'de> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    refuse_non_object!(visit_bool: bool, visit_i64: i64, visit_u64: u64, visit_f64: f64,
        visit_str: &str, visit_bytes: &[u8], visit_i128: i128, visit_u128: u128);

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.visit_bool(false)
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.visit_bool(false)
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, _: A) -> Result<(), A::Error> {
        self.visit_bool(false)
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let body = self.body;
        let mut seen = 0u32;
        // Unknown keys seen so far, and whether their repetition was reported.
        // Created at the first unknown key: valid bodies never pay for it.
        let mut unknown: Option<HashMap<Cow<'de, str>, bool>> = None;
        while let Some(key) = map.next_key_seed(KeySeed)? {
            match key {
                Key::Known(field) => {
                    let slot = &mut body.slots[field as usize];
                    if seen & field.bit() == 0 {
                        seen |= field.bit();
                        *slot = map.next_value_seed(SlotSeed)?;
                    } else {
                        map.next_value_seed(Skip)?;
                        if !matches!(slot, Slot::Duplicate) {
                            *slot = Slot::Duplicate;
                            body.key_errors.push(FieldError::at_field(
                                field,
                                Violation::new(ErrorCode::DuplicateField),
                            ));
                        }
                    }
                }
                Key::Other(name) => {
                    map.next_value_seed(Skip)?;
                    if self.allow_unknown_fields || body.key_errors.len() > self.max_key_errors {
                        continue;
                    }
                    let unknown = unknown.get_or_insert_with(HashMap::new);
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
        }
        Ok(())
    }
}

enum Key<'a> {
    Known(Field),
    Other(Cow<'a, str>),
}

struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Key<'de>;
    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Key<'de>, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Key<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Key<'de>, E> {
        Ok(v.parse().map_or(Key::Other(Cow::Borrowed(v)), Key::Known))
    }

    fn visit_str<E>(self, v: &str) -> Result<Key<'de>, E> {
        Ok(v.parse()
            .map_or_else(|_| Key::Other(Cow::Owned(v.to_owned())), Key::Known))
    }

    fn visit_string<E>(self, v: String) -> Result<Key<'de>, E> {
        Ok(v.parse().map_or(Key::Other(Cow::Owned(v)), Key::Known))
    }
}

/// Reads a known field's value: a string is kept, `null` is absent, anything else is
/// skipped (still checked for JSON syntax) and marked as not a string.
struct SlotSeed;

impl<'de> DeserializeSeed<'de> for SlotSeed {
    type Value = Slot<'de>;
    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Slot<'de>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for SlotSeed {
    type Value = Slot<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Slot<'de>, E> {
        Ok(Slot::Borrowed(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Slot<'de>, E> {
        Ok(Slot::Copied(Zeroizing::new(v.to_owned())))
    }
    fn visit_string<E>(self, v: String) -> Result<Slot<'de>, E> {
        Ok(Slot::Copied(Zeroizing::new(v)))
    }
    fn visit_unit<E>(self) -> Result<Slot<'de>, E> {
        Ok(Slot::Absent)
    }
    fn visit_none<E>(self) -> Result<Slot<'de>, E> {
        Ok(Slot::Absent)
    }
    fn visit_bool<E>(self, _: bool) -> Result<Slot<'de>, E> {
        Ok(Slot::NotAString)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Slot<'de>, E> {
        Ok(Slot::NotAString)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Slot<'de>, E> {
        Ok(Slot::NotAString)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Slot<'de>, E> {
        Ok(Slot::NotAString)
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Slot<'de>, A::Error> {
        while seq.next_element_seed(Skip)?.is_some() {}
        Ok(Slot::NotAString)
    }
    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Slot<'de>, A::Error> {
        while map.next_key_seed(KeyProbe)?.is_some() {
            map.next_value_seed(Skip)?;
        }
        Ok(Slot::NotAString)
    }
}
