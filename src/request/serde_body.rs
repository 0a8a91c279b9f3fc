//! A request body's fields read through serde, from any format: the
//! [`RequestSeed`](crate::request::RequestSeed) path. The same [`Keys`] decide what each key
//! means as in the crate's own reader ([`read_body`](crate::request::body::read_body)).
//!
//! A string the format hands over borrowed is kept borrowed; one it hands over decoded is
//! copied into memory wiped on drop. (Whatever buffer the format itself decoded into is
//! the format's: serde_json does not wipe its scratch buffer, which is why
//! [`RegisterRequest::from_json`](crate::RegisterRequest::from_json) does not use it.)

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Visitor};
use zeroize::Zeroizing;

use crate::field::Field;
use crate::request::body::{Keys, RawBody, Slot};
use cleeng_register_json::serde_walk::{KeyProbe, Skip};

/// Reads the top-level object into a [`RawBody`] the caller owns (returning it by value
/// would copy its ~400 bytes through every `Result` on the way out of serde).
pub(crate) struct BodyVisitor<'b, 'de> {
    pub(crate) keys: Keys<'de>,
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
        let BodyVisitor { mut keys, body } = self;
        while let Some(key) = map.next_key_seed(KeySeed)? {
            match key {
                Key::Known(field) if keys.first(field, body) => {
                    let slot = map.next_value_seed(SlotSeed)?;
                    Keys::fill(field, body, slot);
                }
                Key::Known(_) => map.next_value_seed(Skip)?,
                Key::Other(name) => {
                    map.next_value_seed(Skip)?;
                    keys.unknown(name, body);
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
/// skipped (still checked for syntax) and marked as not a string.
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
