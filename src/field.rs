//! The fields of a registration body, as one table: each key, the request's field that holds
//! it, its value type, and whether every body must give it.

use std::fmt;
use std::str::FromStr;

use crate::error::UnknownName;
use crate::value::field_value::FieldValue;
use crate::value::{
    CaptchaToken, CountryCode, Currency, CustomData, CustomerIp, Email, ExternalId, Locale,
    OfferId, Password, PersonName, PublisherId,
};

/// Code that works on any field's value type: what generic code hands to [`Field::visit`]
/// (the schema's properties, the messages document, the problem writer's table).
pub(crate) trait FieldVisitor {
    /// What the visit gives.
    type Output;
    /// Runs on `field`, whose value type is `T`.
    fn visit<T: FieldValue>(self, field: Field) -> Self::Output;
}

/// Generates [`Field`] from one table: per row the variant, its JSON `key`, the request's
/// `field` (its accessor), its `value` type and whether it is `required`. Everything else
/// (the pointer, the list, parsing a key, the way from a field to its value type) follows.
macro_rules! fields {
    ($( $variant:ident { key: $key:literal, field: $field:ident, value: $ty:ty, required: $required:literal }, )+) => {
        /// The fields of a registration body, in the order the rules list them and errors
        /// are reported.
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Field {
            $(
                #[doc = concat!("`", $key, "`: [`RegisterRequest::", stringify!($field), "`](crate::request::RegisterRequest::", stringify!($field), ").")]
                $variant,
            )+
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
                    $( Field::$variant => $required, )+
                }
            }

            /// Runs `visitor` on the field's value type.
            pub(crate) fn visit<V: FieldVisitor>(self, visitor: V) -> V::Output {
                match self {
                    $( Field::$variant => visitor.visit::<$ty>(self), )+
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
    Email { key: "email", field: email, value: Email, required: true },
    Password { key: "password", field: password, value: Password, required: true },
    OfferId { key: "offerId", field: offer_id, value: OfferId, required: false },
    PublisherId { key: "publisherId", field: publisher_id, value: PublisherId, required: false },
    Locale { key: "locale", field: locale, value: Locale, required: true },
    Country { key: "country", field: country, value: CountryCode, required: true },
    Currency { key: "currency", field: currency, value: Currency, required: true },
    FirstName { key: "firstName", field: first_name, value: PersonName, required: false },
    LastName { key: "lastName", field: last_name, value: PersonName, required: false },
    ExternalId { key: "externalId", field: external_id, value: ExternalId, required: false },
    ExternalData { key: "externalData", field: external_data, value: CustomData, required: false },
    CustomerIp { key: "customerIP", field: customer_ip, value: CustomerIp, required: false },
    CaptchaValue { key: "captchaValue", field: captcha_value, value: CaptchaToken, required: false },
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
