//! How every domain type of the workspace is read from text: [`FromText`], and the
//! [`deserialize`] that gives each type a validating `Deserialize` which refuses a value that is
//! not a string without quoting it.
//!
//! serde's own refusal (`invalid type: integer 987654321, expected …`) would repeat the
//! submitted value, and values are personal data. The types of Cleeng's answer
//! (`cleeng-register-response`) are read the same way.
//!
//! ```
//! use cleeng_register::Email;
//! let err = serde_json::from_str::<Email>("987654321").unwrap_err();
//! assert!(!err.to_string().contains("987654321"));
//! ```

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Visitor};

/// A domain type parsed from text, whose constructor enforces its rules.
pub trait FromText: Sized {
    /// What serde says it expected ("an email address").
    const EXPECTING: &'static str;
    /// Why a text is refused.
    type Error: fmt::Display;
    /// Validates and copies.
    fn from_text(s: &str) -> Result<Self, Self::Error>;
    /// Validates and keeps the buffer (types that own a `String` reuse it, secrets wipe it
    /// when they refuse it).
    fn from_owned_text(s: String) -> Result<Self, Self::Error> {
        Self::from_text(&s)
    }
}

/// Deserializes any [`FromText`] type from a string, refusing other JSON types without
/// echoing them (serde's default `invalid_type` message would quote the value).
struct TextVisitor<T>(PhantomData<T>);

macro_rules! refuse {
    ($($method:ident: $ty:ty),*) => {$(
        fn $method<E: de::Error>(self, _: $ty) -> Result<T, E> {
            Err(E::custom(format_args!("expected {}, found a value that is not a string", T::EXPECTING)))
        }
    )*};
}

impl<'de, T: FromText> Visitor<'de> for TextVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::EXPECTING)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        T::from_text(v).map_err(E::custom)
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<T, E> {
        T::from_owned_text(v).map_err(E::custom)
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

/// Deserializes a [`FromText`] type from a string: the body of every `Deserialize` impl of a
/// string-backed type in the workspace.
///
/// Asked for a string, a self-describing format refuses any other value itself, quoting it
/// (`invalid type: integer 987654321`). Taking any value lets the visitor refuse it, naming
/// only the type. Binary formats cannot describe themselves, so they are asked for the
/// string.
pub fn deserialize<'de, T: FromText, D: de::Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    let visitor = TextVisitor::<T>(PhantomData);
    if deserializer.is_human_readable() {
        deserializer.deserialize_any(visitor)
    } else {
        deserializer.deserialize_str(visitor)
    }
}

#[cfg(test)]
mod tests {
    use std::marker::PhantomData;

    use serde::de::value::{Error, I128Deserializer, U128Deserializer};
    use serde::de::{Error as _, Unexpected};

    use super::{deserialize, FromText, TextVisitor};

    /// A text type of this layer's own, so the tests need no domain type: any text is one.
    #[derive(Debug)]
    struct Label;

    impl FromText for Label {
        const EXPECTING: &'static str = "a label";
        type Error = &'static str;
        fn from_text(_: &str) -> Result<Self, Self::Error> {
            Ok(Label)
        }
    }

    #[test]
    fn the_visitor_names_what_it_expects() {
        // serde's own refusals (formats other than JSON) word themselves with `expecting`.
        let visitor = TextVisitor::<Label>(PhantomData);
        let err = Error::invalid_type(Unexpected::Bool(true), &visitor);
        assert_eq!(
            err.to_string(),
            "invalid type: boolean `true`, expected a label"
        );
    }

    #[test]
    fn wide_integers_are_refused_without_being_quoted() {
        let err =
            deserialize::<Label, _>(I128Deserializer::<Error>::new(-987_654_321)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "expected a label, found a value that is not a string"
        );
        let err = deserialize::<Label, _>(U128Deserializer::<Error>::new(987_654_321)).unwrap_err();
        assert!(!err.to_string().contains("987654321"));
    }
}
