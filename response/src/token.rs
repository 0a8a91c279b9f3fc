//! `customerToken` and `refreshToken`: bearer secrets of printable ASCII.

use zeroize::Zeroizing;

use cleeng_register::error::{Params, Violation};
use cleeng_register::ValueError;

use crate::ResponseErrorCode;

use cleeng_register::error::Wording;

/// The most characters a session token may have.
pub(crate) const MAX_CHARS: usize = 4096;

/// The rules of a printable-ASCII text of Cleeng's (both tokens, and an error's code), first
/// failing rule only: `too_short` when empty, `too_long` over `max` chars, `invalid_format`
/// unless every char is `!`..`~`.
pub(crate) fn check(s: &str, max: usize) -> Result<(), Violation<ResponseErrorCode>> {
    if s.is_empty() {
        Err(Violation::with(ResponseErrorCode::TooShort, Params::min(1)))
    } else if s.len() > max && s.chars().nth(max).is_some() {
        Err(Violation::with(
            ResponseErrorCode::TooLong,
            Params::max(max as u32),
        ))
    } else if !s.bytes().all(|b| b.is_ascii_graphic()) {
        Err(Violation::new(ResponseErrorCode::InvalidFormat))
    } else {
        Ok(())
    }
}

/// A session token type: the secret in zeroed-on-drop memory, a redacted `Debug`, reads
/// through `expose_secret`, and validating std and serde conversions.
macro_rules! session_token {
    ($(#[$doc:meta])* $ty:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq)]
        pub struct $ty(Zeroizing<String>);

        impl $ty {
            /// The most characters allowed.
            pub const MAX_CHARS: usize = MAX_CHARS;

            /// Checks the rules and copies the secret.
            pub fn parse(s: &str) -> Result<Self, ValueError<ResponseErrorCode>> {
                Self::parse_owned(s.to_owned())
            }

            /// Checks the rules and keeps the buffer; a refused buffer is wiped too.
            pub(crate) fn parse_owned(s: String) -> Result<Self, ValueError<ResponseErrorCode>> {
                let s = Zeroizing::new(s);
                match check(&s, MAX_CHARS) {
                    Ok(()) => Ok($ty(s)),
                    Err(violation) => {
                        static RULES: Wording =
                            Wording::new($what, "must contain only printable ASCII characters");
                        Err(ValueError::new(&RULES, violation))
                    }
                }
            }

            /// The secret text. Named so that every read of it is visible in review.
            pub fn expose_secret(&self) -> &str {
                &self.0
            }
        }

        impl ::std::fmt::Debug for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(concat!(stringify!($ty), "(***)"))
            }
        }

        impl ::std::str::FromStr for $ty {
            type Err = ValueError<ResponseErrorCode>;
            fn from_str(s: &str) -> Result<Self, ValueError<ResponseErrorCode>> {
                $ty::parse(s)
            }
        }

        impl TryFrom<String> for $ty {
            type Error = ValueError<ResponseErrorCode>;
            fn try_from(s: String) -> Result<Self, ValueError<ResponseErrorCode>> {
                $ty::parse_owned(s)
            }
        }

        /// Writes the secret: Cleeng's envelope carries it.
        impl ::serde::Serialize for $ty {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.expose_secret())
            }
        }

        impl cleeng_register::text::FromText for $ty {
            const EXPECTING: &'static str = concat!("a ", $what);
            type Error = ValueError<ResponseErrorCode>;
            fn from_text(s: &str) -> Result<Self, ValueError<ResponseErrorCode>> {
                $ty::parse(s)
            }
            fn from_owned_text(s: String) -> Result<Self, ValueError<ResponseErrorCode>> {
                $ty::parse_owned(s)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                cleeng_register::text::deserialize(deserializer)
            }
        }
    };
}

session_token!(
    /// The customer's session token from a registration or login: 1 to 4096 printable ASCII
    /// characters (`!`..`~`).
    ///
    /// A bearer secret: `Debug` prints `CustomerToken(***)`, the text is read only through
    /// [`CustomerToken::expose_secret`], and the memory is wiped when the value is dropped.
    ///
    /// ```
    /// use cleeng_register_response::CustomerToken;
    /// let token: CustomerToken = "c2VjcmV0".parse()?;
    /// assert_eq!(format!("{token:?}"), "CustomerToken(***)");
    /// assert_eq!(token.expose_secret(), "c2VjcmV0");
    /// assert!("has space".parse::<CustomerToken>().is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    CustomerToken,
    "customer token"
);

session_token!(
    /// The token that renews the customer's JWT: 1 to 4096 printable ASCII characters
    /// (`!`..`~`).
    ///
    /// A bearer secret: `Debug` prints `RefreshToken(***)`, the text is read only through
    /// [`RefreshToken::expose_secret`], and the memory is wiped when the value is dropped.
    ///
    /// ```
    /// use cleeng_register_response::RefreshToken;
    /// let token: RefreshToken = "r3fr3sh".parse()?;
    /// assert_eq!(format!("{token:?}"), "RefreshToken(***)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    RefreshToken,
    "refresh token"
);
