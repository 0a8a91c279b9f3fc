//! The types of the request's fields, one module each, and the plumbing they share: one
//! parse trait, one serde visitor and one macro for the std conversions, so each type states
//! only its rules.

mod captcha;
pub(crate) mod country;
mod currency;
pub(crate) mod custom_data;
mod customer_ip;
mod email;
mod free_text;
mod locale;
mod offer;
mod password;
mod publisher;

pub use captcha::CaptchaToken;
pub use country::CountryCode;
pub use currency::Currency;
pub use custom_data::{CustomData, ExternalDataLimits};
pub use customer_ip::CustomerIp;
pub use email::Email;
pub use free_text::{ExternalId, PersonName};
pub use locale::Locale;
pub use offer::{OfferId, OfferKind};
pub use password::Password;
pub use publisher::PublisherId;

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Visitor};

use crate::error::{ErrorCode, Params, ValueError, Violation};

/// A domain type parsed from text.
pub(crate) trait Parse: Sized {
    /// What serde says it expected.
    const EXPECTING: &'static str;
    /// Validates and copies.
    fn parse(s: &str) -> Result<Self, ValueError>;
    /// Validates and keeps the buffer (types that own a `String` reuse it).
    fn parse_owned(s: String) -> Result<Self, ValueError> {
        Self::parse(&s)
    }
}

/// Deserializes any [`Parse`] type from a string, refusing other JSON types without echoing
/// them (serde's default `invalid_type` message would quote the value).
pub(crate) struct StrVisitor<T>(PhantomData<T>);

impl<T> StrVisitor<T> {
    pub(crate) const fn new() -> Self {
        StrVisitor(PhantomData)
    }
}

macro_rules! refuse {
    ($($method:ident: $ty:ty),*) => {$(
        fn $method<E: de::Error>(self, _: $ty) -> Result<T, E> {
            Err(E::custom(format_args!("expected {}, found a value that is not a string", T::EXPECTING)))
        }
    )*};
}

impl<'de, T: Parse> Visitor<'de> for StrVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::EXPECTING)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        T::parse(v).map_err(E::custom)
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<T, E> {
        T::parse_owned(v).map_err(E::custom)
    }

    refuse!(visit_bool: bool, visit_i64: i64, visit_u64: u64, visit_f64: f64, visit_bytes: &[u8],
        visit_i128: i128, visit_u128: u128);

    fn visit_unit<E: de::Error>(self) -> Result<T, E> {
        self.visit_bool(false)
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, _: A) -> Result<T, A::Error> {
        self.visit_bool(false)
    }

    fn visit_map<A: de::MapAccess<'de>>(self, _: A) -> Result<T, A::Error> {
        self.visit_bool(false)
    }
}

/// Deserializes a [`Parse`] type from a string, for every string-backed type of the crate.
///
/// Asked for a string, a self-describing format refuses any other value itself, quoting it
/// (`invalid type: integer 987654321`). Taking any value lets [`StrVisitor`] refuse it,
/// naming only the type. Binary formats cannot describe themselves, so they are asked for
/// the string.
pub(crate) fn deserialize_text<'de, T: Parse, D: de::Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    let visitor = StrVisitor::<T>::new();
    if deserializer.is_human_readable() {
        deserializer.deserialize_any(visitor)
    } else {
        deserializer.deserialize_str(visitor)
    }
}

/// `FromStr`, `TryFrom<&str>`, `TryFrom<String>`, `Serialize` and a validating `Deserialize`
/// for a [`Parse`] type with an `as_str` method; `display` adds `Display` and `AsRef<str>`,
/// which a secret leaves out (its text is read through `expose_secret` alone).
macro_rules! string_traits {
    ($ty:ident $(, $display:ident)?) => {
        impl ::std::str::FromStr for $ty {
            type Err = $crate::ValueError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                <$ty as $crate::field::Parse>::parse(s)
            }
        }

        impl TryFrom<&str> for $ty {
            type Error = $crate::ValueError;
            fn try_from(s: &str) -> Result<Self, Self::Error> {
                <$ty as $crate::field::Parse>::parse(s)
            }
        }

        impl TryFrom<String> for $ty {
            type Error = $crate::ValueError;
            fn try_from(s: String) -> Result<Self, Self::Error> {
                <$ty as $crate::field::Parse>::parse_owned(s)
            }
        }

        impl ::serde::Serialize for $ty {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $crate::field::deserialize_text(deserializer)
            }
        }

        $($crate::field::string_traits!(@$display $ty);)?
    };
    (@display $ty:ident) => {
        impl ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl AsRef<str> for $ty {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }
    };
}
pub(crate) use string_traits;

/// A newtype over the `String` it was given: `parse` (copies), `as_str`, [`Parse`] (reusing
/// an owned buffer), and the std and serde conversions. `$check` states the rules.
macro_rules! owned_text {
    ($ty:ident, $expecting:literal, $check:expr) => {
        impl $ty {
            /// Checks the rules and copies the text.
            pub fn parse(s: &str) -> Result<Self, $crate::ValueError> {
                ($check)(s)?;
                Ok($ty(s.to_owned()))
            }

            /// The text, as given.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl $crate::field::Parse for $ty {
            const EXPECTING: &'static str = $expecting;
            fn parse(s: &str) -> Result<Self, $crate::ValueError> {
                $ty::parse(s)
            }
            fn parse_owned(s: String) -> Result<Self, $crate::ValueError> {
                ($check)(&s)?;
                Ok($ty(s))
            }
        }

        $crate::field::string_traits!($ty, display);
    };
}
pub(crate) use owned_text;

/// A code kept inline, with an inherent `parse` and `as_str`: [`Parse`], a compact `Debug`
/// (`OfferId(S565568989_US)`), and the std and serde conversions.
macro_rules! inline_code {
    ($ty:ident, $expecting:literal) => {
        impl $crate::field::Parse for $ty {
            const EXPECTING: &'static str = $expecting;
            fn parse(s: &str) -> Result<Self, $crate::ValueError> {
                $ty::parse(s)
            }
        }

        impl ::std::fmt::Debug for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                write!(f, concat!(stringify!($ty), "({})"), self.as_str())
            }
        }

        $crate::field::string_traits!($ty, display);
    };
}
pub(crate) use inline_code;

/// Whether `s` has more than `max` chars, without counting when the byte length settles it.
pub(crate) fn longer_than(s: &str, max: usize) -> bool {
    s.len() > max && s.chars().nth(max).is_some()
}

/// Whether `s` has fewer than `min` chars.
pub(crate) fn shorter_than(s: &str, min: usize) -> bool {
    // A char takes 1 to 4 bytes: the byte length settles most texts without counting.
    match s.len() {
        bytes if bytes < min => true,
        bytes if bytes >= min * 4 => false,
        _ => s.chars().nth(min - 1).is_none(),
    }
}

/// Unicode `Cc`, or a bidirectional embedding, override or isolate control.
pub(crate) fn is_control(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The rules shared by the free-text fields (names, external id): length in chars, no control
/// characters, no surrounding White_Space; the first failing rule only.
pub(crate) fn check_free_text(s: &str, max: usize) -> Result<(), Violation> {
    if s.is_empty() {
        Err(Violation::with(ErrorCode::TooShort, Params::min(1)))
    } else if longer_than(s, max) {
        Err(Violation::with(ErrorCode::TooLong, Params::max(max as u32)))
    } else if s.chars().any(is_control) {
        Err(Violation::new(ErrorCode::ControlCharacter))
    } else if s.starts_with(char::is_whitespace) || s.ends_with(char::is_whitespace) {
        Err(Violation::new(ErrorCode::SurroundingWhitespace))
    } else {
        Ok(())
    }
}

/// `N` ASCII bytes kept inline, for the fixed-shape codes.
#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct AsciiBuf<const N: usize> {
    bytes: [u8; N],
    len: u8,
}

impl<const N: usize> AsciiBuf<N> {
    /// `None` unless `s` is ASCII and fits.
    pub(crate) fn new(s: &str) -> Option<Self> {
        if s.len() > N || !s.is_ascii() {
            return None;
        }
        let mut bytes = [0; N];
        bytes[..s.len()].copy_from_slice(s.as_bytes());
        Some(AsciiBuf {
            bytes,
            len: s.len() as u8,
        })
    }

    pub(crate) fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len as usize])
            .expect("AsciiBuf::new stores ASCII only")
    }
}

#[cfg(test)]
mod tests {
    use serde::de::value::{Error, I128Deserializer, U128Deserializer};
    use serde::de::{Deserialize, Error as _, Unexpected};

    use super::StrVisitor;
    use crate::{Email, Password};

    #[test]
    fn the_visitor_names_what_it_expects() {
        // serde's own refusals (formats other than JSON) word themselves with `expecting`.
        let err = Error::invalid_type(Unexpected::Bool(true), &StrVisitor::<Email>::new());
        assert_eq!(
            err.to_string(),
            "invalid type: boolean `true`, expected an email address"
        );
    }

    #[test]
    fn wide_integers_are_refused_without_being_quoted() {
        let err = Password::deserialize(I128Deserializer::<Error>::new(-987_654_321)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "expected a password, found a value that is not a string"
        );
        let err = Email::deserialize(U128Deserializer::<Error>::new(987_654_321)).unwrap_err();
        assert!(!err.to_string().contains("987654321"));
    }
}
