//! `externalData`: a string that holds a JSON object.

use std::cell::Cell;
use std::fmt;

use serde::de::{self, DeserializeSeed, Visitor};

use crate::error::{ErrorCode, Field, Params, ValueError, Violation};
use crate::field::owned_text;

/// Limits on `externalData`, set by the [`Policy`](crate::Policy).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct ExternalDataLimits {
    /// The most UTF-8 bytes the text may have.
    pub max_bytes: usize,
    /// The deepest nesting allowed: `{}` is depth 1, `{"a":[1]}` depth 2.
    pub max_depth: usize,
}

impl ExternalDataLimits {
    /// The SPEC's defaults: 16384 bytes, depth 32.
    pub const DEFAULT: ExternalDataLimits = ExternalDataLimits {
        max_bytes: 16384,
        max_depth: 32,
    };
    /// The greatest `max_depth` a policy may set (serde_json's own limit is 128).
    pub const MAX_DEPTH_LIMIT: usize = 100;
}

impl Default for ExternalDataLimits {
    fn default() -> Self {
        ExternalDataLimits::DEFAULT
    }
}

/// Free-form customer data: a string holding RFC 8259 JSON text whose top value is an object,
/// within size and depth limits. The text is kept byte for byte; [`CustomData::value`] parses
/// it on demand.
///
/// Rules, first failing one reported: `too_large` (bytes), `invalid_json`, `too_deep`,
/// `not_an_object`.
///
/// ```
/// use cleeng_register::{CustomData, ErrorCode};
/// let data = CustomData::parse(r#"{"plan": "gold", "tags": [1, 2]}"#)?;
/// assert_eq!(data.value()["plan"], "gold");
/// assert_eq!(data.depth(), 2);
/// assert_eq!(CustomData::parse("[1]").unwrap_err().code(), ErrorCode::NotAnObject);
/// assert_eq!(CustomData::parse("{").unwrap_err().code(), ErrorCode::InvalidJson);
/// # Ok::<(), cleeng_register::ValueError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CustomData(String);

impl CustomData {
    /// Checks the rules under `limits` and copies.
    pub fn parse_with_limits(s: &str, limits: ExternalDataLimits) -> Result<Self, ValueError> {
        check(s, limits)?;
        Ok(CustomData(s.to_owned()))
    }

    pub(crate) fn parse_cow(
        s: std::borrow::Cow<'_, str>,
        limits: ExternalDataLimits,
    ) -> Result<Self, ValueError> {
        check(&s, limits)?;
        Ok(CustomData(s.into_owned()))
    }

    /// The parsed JSON object.
    pub fn value(&self) -> serde_json::Value {
        // The text was accepted by the same parser, with the same number and string rules.
        serde_json::from_str(&self.0).unwrap_or_default()
    }

    /// Deserializes the data into a caller's type.
    pub fn deserialize<'a, T: serde::Deserialize<'a>>(&'a self) -> serde_json::Result<T> {
        serde_json::from_str(&self.0)
    }

    /// How deep the JSON nests (`{}` is 1).
    pub fn depth(&self) -> usize {
        probe(&self.0).map_or(0, |p| p.depth)
    }
}

fn check(s: &str, limits: ExternalDataLimits) -> Result<(), ValueError> {
    let fail = |v| {
        Err(ValueError::new(
            "external data",
            Some(Field::ExternalData),
            v,
        ))
    };
    if s.len() > limits.max_bytes {
        return fail(Violation::with(
            ErrorCode::TooLarge,
            Params::max(limits.max_bytes as u32),
        ));
    }
    match probe(s) {
        Err(code) if code == ErrorCode::TooDeep => {
            fail(Violation::with(code, Params::max(limits.max_depth as u32)))
        }
        Err(code) => fail(Violation::new(code)),
        Ok(p) if p.depth > limits.max_depth => fail(Violation::with(
            ErrorCode::TooDeep,
            Params::max(limits.max_depth as u32),
        )),
        Ok(p) if !p.is_object => fail(Violation::new(ErrorCode::NotAnObject)),
        Ok(_) => Ok(()),
    }
}

struct Probed {
    depth: usize,
    is_object: bool,
}

/// One pass of serde_json over the text, without building a `Value`: numbers and strings are
/// decoded as `Value` would decode them, so exactly the texts `Value` accepts pass.
fn probe(s: &str) -> Result<Probed, ErrorCode> {
    let deepest = Cell::new(0);
    let mut de = serde_json::Deserializer::from_str(s);
    let is_object = match (Probe {
        depth: 0,
        deepest: &deepest,
    })
    .deserialize(&mut de)
    {
        Ok(is_object) => is_object,
        // Only a text nested past serde_json's limit ends here; it is deeper than any
        // policy allows, though the rest of its syntax is then unchecked.
        Err(e) if e.to_string().starts_with("recursion limit exceeded") => {
            return Err(ErrorCode::TooDeep)
        }
        Err(_) => return Err(ErrorCode::InvalidJson),
    };
    de.end().map_err(|_| ErrorCode::InvalidJson)?;
    Ok(Probed {
        depth: deepest.get(),
        is_object,
    })
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
    fn visit_f64<E>(self, _: f64) -> Result<bool, E> {
        Ok(false)
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
        let inner = self.enter();
        while map.next_key_seed(KeyProbe)?.is_some() {
            map.next_value_seed(Probe { ..inner })?;
        }
        Ok(true)
    }
}

/// Decodes a key as a string (so escapes are checked as `Value` checks them) and drops it.
pub(crate) struct KeyProbe;

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

/// Skips any JSON value, decoding it as `Value` would (unlike `IgnoredAny`, which does not
/// check surrogates or number ranges), so that a body is well formed exactly when serde_json
/// can read it.
pub(crate) struct Skip;

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

owned_text!(CustomData, "a string holding a JSON object", |s: &str| {
    check(s, ExternalDataLimits::DEFAULT)
});
