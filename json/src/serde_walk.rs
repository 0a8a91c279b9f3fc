//! Walking JSON through serde without building a `Value`: skipping a value inside a map a
//! serde visitor reads ([`Skip`], [`KeyProbe`]), and (in tests) the reference walk of a
//! whole text that the [scanner](crate::scan) must agree with.
//!
//! Numbers and strings are decoded as `Value` would decode them (unlike `IgnoredAny`, which
//! checks neither surrogates nor number ranges), so with serde_json a text passes exactly
//! when `Value` would accept it.

use std::cell::Cell;
use std::fmt;

use serde::de::{self, DeserializeSeed, Visitor};

#[cfg(test)]
use crate::scan::{WalkError, Walked, PARSER_DEPTH_LIMIT};

/// Checks a whole text and measures how deep it nests, through serde_json: the reference
/// the [scanner's `walk_text`](crate::scan::walk_text) is tested against.
#[cfg(test)]
pub(crate) fn walk_text_with_serde(s: &str) -> Result<Walked, WalkError> {
    let deepest = Cell::new(0);
    let mut de = serde_json::Deserializer::from_str(s);
    let walked = Probe {
        depth: 0,
        deepest: &deepest,
    }
    .deserialize(&mut de)
    .and_then(|is_object| de.end().map(|()| is_object));
    match walked {
        Ok(is_object) => Ok(Walked {
            depth: deepest.get(),
            is_object,
        }),
        // The depth the walk reached tells serde_json's nesting limit from a syntax error.
        Err(_) if deepest.get() >= PARSER_DEPTH_LIMIT => Err(WalkError::PastParserLimit),
        Err(_) => Err(WalkError::Invalid),
    }
}

/// Walks one value; says whether it is an object and records the deepest nesting seen.
struct Probe<'a> {
    depth: usize,
    deepest: &'a Cell<usize>,
}

impl Probe<'_> {
    fn enter(&self) -> Probe<'_> {
        let depth = self.depth + 1;
        self.deepest.set(self.deepest.get().max(depth));
        Probe {
            depth,
            deepest: self.deepest,
        }
    }
}

impl<'de> DeserializeSeed<'de> for Probe<'_> {
    type Value = bool;
    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<bool, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Probe<'_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("JSON")
    }

    fn visit_bool<E>(self, _: bool) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_i64<E>(self, _: i64) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_u64<E>(self, _: u64) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_f64<E: de::Error>(self, number: f64) -> Result<bool, E> {
        // The scanner's range (`scan::fits_f64`): `±f64::MAX` itself is out of it.
        if number.abs() < f64::MAX {
            Ok(false)
        } else {
            Err(E::custom("number out of range"))
        }
    }
    fn visit_str<E>(self, _: &str) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_unit<E>(self) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<bool, A::Error> {
        let inner = self.enter();
        while seq.next_element_seed(Probe { ..inner })?.is_some() {}
        Ok(false)
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        // With `arbitrary_precision` (any crate in the graph can switch it on), serde_json
        // hands a number to `deserialize_any` as a map of one private key to the number's
        // text; the number is checked by the scanner's rule and is no object.
        let outer_deepest = self.deepest.get();
        let inner = self.enter();
        match map.next_key_seed(FirstKey)? {
            None => return Ok(true),
            Some(true) => {
                self.deepest.set(outer_deepest);
                map.next_value_seed(NumberText)?;
                return Ok(false);
            }
            Some(false) => map.next_value_seed(Probe { ..inner })?,
        };
        while map.next_key_seed(KeyProbe)?.is_some() {
            map.next_value_seed(Probe { ..inner })?;
        }
        Ok(true)
    }
}

/// The key serde_json's `arbitrary_precision` feature gives a number's text under (its
/// `Number` deserializes from this one-entry map).
const ARBITRARY_PRECISION_NUMBER: &str = "$serde_json::private::Number";

/// Decodes a map's first key like [`KeyProbe`]; says whether it is the key of a number
/// under `arbitrary_precision`.
struct FirstKey;

impl<'de> DeserializeSeed<'de> for FirstKey {
    type Value = bool;
    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<bool, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl Visitor<'_> for FirstKey {
    type Value = bool;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_str<E>(self, key: &str) -> Result<bool, E> {
        Ok(key == ARBITRARY_PRECISION_NUMBER)
    }
}

/// A number's text under `arbitrary_precision`, refused when it overflows `f64`, as the
/// scanner refuses it.
struct NumberText;

impl<'de> DeserializeSeed<'de> for NumberText {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl Visitor<'_> for NumberText {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number")
    }
    fn visit_str<E: de::Error>(self, number: &str) -> Result<(), E> {
        if crate::scan::fits_f64(number) {
            Ok(())
        } else {
            Err(E::custom("number out of range"))
        }
    }
}

/// Decodes a key as a string (so escapes are checked as `Value` checks them) and drops it.
pub struct KeyProbe;

impl<'de> DeserializeSeed<'de> for KeyProbe {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl Visitor<'_> for KeyProbe {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
}

/// Skips any JSON value inside a body; only serde_json's own nesting limit applies.
pub struct Skip;

impl<'de> DeserializeSeed<'de> for Skip {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        let deepest = Cell::new(0);
        Probe {
            depth: 0,
            deepest: &deepest,
        }
        .deserialize(deserializer)
        .map(|_| ())
    }
}
