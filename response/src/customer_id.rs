//! `customerId`: a positive `u64`, given by Cleeng as a JSON number or a digit string.

use std::fmt;
use std::num::NonZeroU64;
use std::str::FromStr;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use cleeng_register::error::Violation;
use cleeng_register::ValueError;

use crate::ResponseErrorCode;

use cleeng_register::error::Wording;

static CUSTOMER_ID_WORDING: Wording = Wording::new(
    "customer id",
    "must be a positive integer that fits 64 bits, as a number or a string of digits without leading zeros",
);

/// A Cleeng customer id: a positive integer that fits `u64`.
///
/// Cleeng's clients disagree on its JSON type, so serde reads a JSON number **or** a string of
/// ASCII digits, and always writes a number. Zero, negatives, fractions, exponents, a sign and
/// (in a string) leading zeros are refused; so is anything above `u64::MAX`.
///
/// ```
/// use cleeng_register_response::CustomerId;
/// let id: CustomerId = "123456789".parse()?;
/// assert_eq!(id.get(), 123_456_789);
/// assert_eq!(serde_json::from_str::<CustomerId>("123456789").unwrap(), id);
/// assert_eq!(serde_json::to_string(&id).unwrap(), "123456789");
/// assert!("0123".parse::<CustomerId>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CustomerId(NonZeroU64);

impl CustomerId {
    /// The id for a positive number; `None` for zero.
    pub const fn new(id: u64) -> Option<Self> {
        match NonZeroU64::new(id) {
            Some(id) => Some(CustomerId(id)),
            None => None,
        }
    }

    /// Parses ASCII digits without a sign or leading zeros.
    pub fn parse(s: &str) -> Result<Self, ValueError<ResponseErrorCode>> {
        // `u64::from_str` also takes `+`, and leading zeros: refuse them first.
        let digits_only = !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if digits_only && !s.starts_with('0') {
            if let Some(id) = s.parse::<u64>().ok().and_then(CustomerId::new) {
                return Ok(id);
            }
        }
        Err(invalid())
    }

    /// The number.
    pub const fn get(self) -> u64 {
        self.0.get()
    }
}

pub(crate) fn invalid() -> ValueError<ResponseErrorCode> {
    ValueError::new(
        &CUSTOMER_ID_WORDING,
        Violation::new(ResponseErrorCode::InvalidFormat),
    )
}

impl FromStr for CustomerId {
    type Err = ValueError<ResponseErrorCode>;
    fn from_str(s: &str) -> Result<Self, ValueError<ResponseErrorCode>> {
        CustomerId::parse(s)
    }
}

impl TryFrom<u64> for CustomerId {
    type Error = ValueError<ResponseErrorCode>;
    fn try_from(id: u64) -> Result<Self, ValueError<ResponseErrorCode>> {
        CustomerId::new(id).ok_or_else(invalid)
    }
}

impl From<CustomerId> for u64 {
    fn from(id: CustomerId) -> u64 {
        id.get()
    }
}

impl fmt::Display for CustomerId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl Serialize for CustomerId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u64(self.get())
    }
}

/// Reads a number or a digit string; every refusal names the rule, never the value.
pub(crate) struct CustomerIdVisitor;

const EXPECTING: &str = "a positive integer customer id, as a JSON number or a digit string";

impl<'de> Visitor<'de> for CustomerIdVisitor {
    type Value = CustomerId;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(EXPECTING)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<CustomerId, E> {
        CustomerId::new(v).ok_or_else(|| E::custom(invalid()))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<CustomerId, E> {
        // serde_json gives i64 only for negatives.
        u64::try_from(v)
            .ok()
            .and_then(CustomerId::new)
            .ok_or_else(|| E::custom(invalid()))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<CustomerId, E> {
        Err(E::custom(invalid()))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<CustomerId, E> {
        CustomerId::parse(v).map_err(E::custom)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<CustomerId, E> {
        Err(super::refuse_type(EXPECTING))
    }

    fn visit_unit<E: de::Error>(self) -> Result<CustomerId, E> {
        Err(super::refuse_type(EXPECTING))
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, _: A) -> Result<CustomerId, A::Error> {
        Err(super::refuse_type(EXPECTING))
    }

    fn visit_map<A: de::MapAccess<'de>>(self, _: A) -> Result<CustomerId, A::Error> {
        Err(super::refuse_type(EXPECTING))
    }
}

impl<'de> Deserialize<'de> for CustomerId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(CustomerIdVisitor)
    }
}
