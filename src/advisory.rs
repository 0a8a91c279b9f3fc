//! Advisories: facts about a valid request that its sender should know. Not errors.

use std::fmt;
use std::str::FromStr;

use serde::ser::{SerializeSeq, SerializeStruct};
use serde::{Serialize, Serializer};

use crate::error::UnknownName;
use crate::field::Field;

/// Generates [`Advisory`] from one table: the variant, its stable code, the field it is
/// about, and its message.
macro_rules! advisories {
    ($( $(#[$doc:meta])* $variant:ident = $code:literal at $field:ident: $message:literal; )+) => {
        /// A fact about a valid request that its sender should know; not an error.
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Advisory {
            $( $(#[$doc])* $variant, )+
        }

        impl Advisory {
            /// Every advisory, in report order.
            pub const ALL: [Advisory; [$($code),+].len()] = [$(Advisory::$variant),+];

            /// The stable code.
            ///
            /// ```
            /// use cleeng_register::Advisory;
            /// assert_eq!(Advisory::CustomerIpMissing.as_str(), "customer_ip_missing");
            /// assert_eq!("offer_country_mismatch".parse(), Ok(Advisory::OfferCountryMismatch));
            /// ```
            pub const fn as_str(self) -> &'static str {
                match self {
                    $( Advisory::$variant => $code, )+
                }
            }

            /// The field it is about.
            pub const fn field(self) -> Field {
                match self {
                    $( Advisory::$variant => Field::$field, )+
                }
            }

            /// An English sentence for people.
            pub const fn message(self) -> &'static str {
                match self {
                    $( Advisory::$variant => $message, )+
                }
            }
        }

        impl FromStr for Advisory {
            type Err = UnknownName;
            fn from_str(s: &str) -> Result<Self, UnknownName> {
                match s {
                    $( $code => Ok(Advisory::$variant), )+
                    _ => Err(UnknownName::new("advisory")),
                }
            }
        }
    };
}

advisories! {
    /// No `customerIP`: Cleeng prices with the request's source address, and US and Canadian
    /// taxes need the customer's.
    CustomerIpMissing = "customer_ip_missing" at CustomerIp:
        "customerIP is absent: Cleeng will price with the request's source address, and US and Canadian taxes need the customer's";
    /// `customerIP` is not globally reachable, so it cannot be geolocated for tax.
    CustomerIpNotPublic = "customer_ip_not_public" at CustomerIp:
        "customerIP is not a public address, so it cannot be geolocated to a tax country";
    /// The country suffix of `offerId` differs from `country`.
    OfferCountryMismatch = "offer_country_mismatch" at OfferId:
        "the offerId's country differs from country";
}

// The set below keeps one bit per advisory.
const _: () = assert!(Advisory::ALL.len() <= 8);

impl Advisory {
    /// The JSON Pointer of the field it is about.
    pub const fn pointer(self) -> &'static str {
        self.field().pointer()
    }

    const fn bit(self) -> u8 {
        1 << self as u8
    }
}

impl fmt::Display for Advisory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message())
    }
}

impl Serialize for Advisory {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Advisory", 3)?;
        s.serialize_field("pointer", self.pointer())?;
        s.serialize_field("code", self.as_str())?;
        s.serialize_field("message", self.message())?;
        s.end()
    }
}

/// The advisories of a valid request: a small set kept inline, iterated in report order.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Advisories(u8);

impl Advisories {
    /// No advisories.
    pub const fn new() -> Self {
        Advisories(0)
    }

    pub(crate) fn insert(&mut self, advisory: Advisory) {
        self.0 |= advisory.bit();
    }

    /// Whether `advisory` is in the set.
    pub const fn contains(&self, advisory: Advisory) -> bool {
        self.0 & advisory.bit() != 0
    }

    /// How many advisories there are.
    pub const fn len(&self) -> usize {
        self.0.count_ones() as usize
    }

    /// Whether there are none.
    pub const fn is_empty(&self) -> bool {
        self.0 == 0
    }

    /// The advisories in report order.
    pub fn iter(&self) -> impl Iterator<Item = Advisory> + '_ {
        Advisory::ALL.into_iter().filter(|a| self.contains(*a))
    }
}

impl Serialize for Advisories {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for a in self.iter() {
            seq.serialize_element(&a)?;
        }
        seq.end()
    }
}
