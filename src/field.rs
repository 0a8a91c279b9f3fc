//! The keys of a registration body, as one table.

use std::fmt;
use std::str::FromStr;

use crate::error::UnknownName;

/// Generates [`Field`] from one table: the variant and its JSON key. Everything else (the
/// pointer, the list, parsing a key) follows from it.
macro_rules! fields {
    (@required required) => { true };
    (@required) => { false };
    ($( $variant:ident = $key:literal $(($required:ident))?, )+) => {
        /// The fields of a registration body, in the order the rules list them and errors
        /// are reported.
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Field {
            $( #[doc = concat!("`", $key, "`")] $variant, )+
        }

        impl Field {
            /// How many fields there are.
            pub(crate) const COUNT: usize = [$($key),+].len();

            /// Every field, in report order.
            pub const ALL: [Field; Field::COUNT] = [$(Field::$variant),+];

            /// The JSON key, as Cleeng spells it.
            ///
            /// ```
            /// use cleeng_register::Field;
            /// assert_eq!(Field::CustomerIp.as_str(), "customerIP");
            /// assert_eq!("customerIP".parse(), Ok(Field::CustomerIp));
            /// ```
            pub const fn as_str(self) -> &'static str {
                match self {
                    $( Field::$variant => $key, )+
                }
            }

            /// The RFC 6901 JSON Pointer to the field in the body (`/email`).
            pub const fn pointer(self) -> &'static str {
                match self {
                    $( Field::$variant => concat!("/", $key), )+
                }
            }

            /// Whether every body must give the field, whatever the policy: `email`,
            /// `password`, `locale`, `country` and `currency`. (`offerId` and `publisherId`
            /// are required as a pair, and the policy decides for `customerIP`.)
            ///
            /// ```
            /// use cleeng_register::Field;
            /// assert!(Field::Email.is_required());
            /// assert!(!Field::OfferId.is_required());
            /// ```
            pub const fn is_required(self) -> bool {
                match self {
                    $( Field::$variant => fields!(@required $($required)?), )+
                }
            }
        }

        impl FromStr for Field {
            type Err = UnknownName;
            fn from_str(s: &str) -> Result<Self, UnknownName> {
                match s {
                    $( $key => Ok(Field::$variant), )+
                    _ => Err(UnknownName::new("field")),
                }
            }
        }
    };
}

fields! {
    Email = "email" (required),
    Password = "password" (required),
    OfferId = "offerId",
    PublisherId = "publisherId",
    Locale = "locale" (required),
    Country = "country" (required),
    Currency = "currency" (required),
    FirstName = "firstName",
    LastName = "lastName",
    ExternalId = "externalId",
    ExternalData = "externalData",
    CustomerIp = "customerIP",
    CaptchaValue = "captchaValue",
}

// The body reader keeps one bit per field.
const _: () = assert!(Field::COUNT <= 32);

impl Field {
    pub(crate) const fn bit(self) -> u32 {
        1 << self as u32
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
