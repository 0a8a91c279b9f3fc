//! The value types of the request's fields, one module each, and the plumbing they share:
//! macros for the std and serde conversions (through [`FromText`](crate::text::FromText)) and
//! the text checks, so each type states only its rules.

mod captcha;
pub(crate) mod country;
mod currency;
pub(crate) mod custom_data;
pub(crate) mod customer_ip;
mod email;
pub(crate) mod field_value;
mod free_text;
pub(crate) mod locale;
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

use std::sync::LazyLock;

use icu_properties::props::{
    BidiControl, DefaultIgnorableCodePoint, GeneralCategory, GeneralCategoryGroup,
};
use icu_properties::{CodePointMapData, CodePointSetData, CodePointSetDataBorrowed};

use crate::error::{ErrorCode, Params, Violation};

/// `FromStr`, `TryFrom<&str>`, `TryFrom<String>`, `Serialize` and a validating `Deserialize`
/// for a [`FromText`](crate::text::FromText) type with an `as_str` method; `display` adds `Display` and `AsRef<str>`,
/// which a secret leaves out (its text is read through `expose_secret` alone).
macro_rules! string_traits {
    ($ty:ident $(, $display:ident)?) => {
        impl ::std::str::FromStr for $ty {
            type Err = $crate::error::ValueError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                <$ty as $crate::text::FromText>::from_text(s)
            }
        }

        impl TryFrom<&str> for $ty {
            type Error = $crate::error::ValueError;
            fn try_from(s: &str) -> Result<Self, Self::Error> {
                <$ty as $crate::text::FromText>::from_text(s)
            }
        }

        impl TryFrom<String> for $ty {
            type Error = $crate::error::ValueError;
            fn try_from(s: String) -> Result<Self, Self::Error> {
                <$ty as $crate::text::FromText>::from_owned_text(s)
            }
        }

        impl ::serde::Serialize for $ty {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $crate::text::deserialize(deserializer)
            }
        }

        $($crate::value::string_traits!(@$display $ty);)?
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

/// A newtype over the `String` it was given: `parse` (copies), `as_str`, [`FromText`](crate::text::FromText) (reusing
/// an owned buffer), a `Debug` that shows the type and the length only (every such type holds
/// personal data or a secret), and the std and serde conversions. `$check` states the rules;
/// an owned text they refuse is wiped before it is freed.
macro_rules! owned_text {
    ($ty:ident, $expecting:literal, $check:expr) => {
        impl $ty {
            /// Checks the rules and copies the text.
            pub fn parse(s: &str) -> Result<Self, $crate::error::ValueError> {
                ($check)(s)?;
                Ok($ty(s.to_owned()))
            }

            /// The text, as given.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl $crate::text::FromText for $ty {
            const EXPECTING: &'static str = $expecting;
            type Error = $crate::error::ValueError;
            fn from_text(s: &str) -> Result<Self, $crate::error::ValueError> {
                $ty::parse(s)
            }
            fn from_owned_text(mut s: String) -> Result<Self, $crate::error::ValueError> {
                if let Err(refused) = ($check)(&s) {
                    // Refused personal data is still personal data.
                    ::zeroize::Zeroize::zeroize(&mut s);
                    return Err(refused);
                }
                Ok($ty(s))
            }
        }

        impl ::std::fmt::Debug for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                $crate::value::redacted(f, stringify!($ty), self.0.len())
            }
        }

        $crate::value::string_traits!($ty, display);
    };
}
pub(crate) use owned_text;

/// The `Debug` of a value that may be personal data or a secret: its type and, when given,
/// its length in bytes, never its text (`Email(<redacted, 16 bytes>)`). A `{:?}` in a log
/// line is the most common way personal data reaches logs.
pub(crate) fn redacted(
    f: &mut std::fmt::Formatter<'_>,
    name: &str,
    len: usize,
) -> std::fmt::Result {
    write!(f, "{name}(<redacted, {len} bytes>)")
}

/// A code kept inline, with an inherent `parse` and `as_str`: [`FromText`](crate::text::FromText), a compact `Debug`
/// (`OfferId(S565568989_US)`, or with `redacted` the type and length only, for a value that
/// may be personal data), and the std and serde conversions.
macro_rules! inline_code {
    ($ty:ident, $expecting:literal, redacted) => {
        impl ::std::fmt::Debug for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                $crate::value::redacted(f, stringify!($ty), self.as_str().len())
            }
        }

        $crate::value::inline_code!(@traits $ty, $expecting);
    };
    ($ty:ident, $expecting:literal) => {
        impl ::std::fmt::Debug for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                write!(f, concat!(stringify!($ty), "({})"), self.as_str())
            }
        }

        $crate::value::inline_code!(@traits $ty, $expecting);
    };
    (@traits $ty:ident, $expecting:literal) => {
        impl $crate::text::FromText for $ty {
            const EXPECTING: &'static str = $expecting;
            type Error = $crate::error::ValueError;
            fn from_text(s: &str) -> Result<Self, $crate::error::ValueError> {
                $ty::parse(s)
            }
        }

        $crate::value::string_traits!($ty, display);
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

/// A Unicode property's code points, read once from ICU4X's compiled data into sorted
/// ranges of native integers. ICU4X's own lookup is a call into a binary search over its
/// serialized list, which a name would pay for each character; here it is a few comparisons
/// (benches/README.md has the figures).
struct PropertyRanges(Box<[(u32, u32)]>);

impl PropertyRanges {
    fn of(set: CodePointSetDataBorrowed<'static>) -> Self {
        PropertyRanges(set.iter_ranges().map(|r| (*r.start(), *r.end())).collect())
    }

    fn contains(&self, c: char) -> bool {
        let c = c as u32;
        let i = self.0.partition_point(|&(_, end)| end < c);
        self.0.get(i).is_some_and(|&(start, _)| start <= c)
    }
}

/// Unicode's Bidi_Control property (UAX #9: the marks, embeddings, overrides and isolates
/// that reorder the text around them).
static BIDI_CONTROL: LazyLock<PropertyRanges> =
    LazyLock::new(|| PropertyRanges::of(CodePointSetData::new::<BidiControl>()));

/// Unicode's Default_Ignorable_Code_Point property: what a renderer shows as nothing when it
/// does not support it (joiners, marks, fillers, variation selectors, tags).
static DEFAULT_IGNORABLE: LazyLock<PropertyRanges> =
    LazyLock::new(|| PropertyRanges::of(CodePointSetData::new::<DefaultIgnorableCodePoint>()));

/// Whether `c` has Unicode's Bidi_Control property. No ASCII character has it (nor
/// Default_Ignorable_Code_Point: a test checks both against the data), so ASCII skips the
/// lookup.
pub(crate) fn is_bidi_control(c: char) -> bool {
    !c.is_ascii() && BIDI_CONTROL.contains(c)
}

/// Whether `c` has Unicode's Default_Ignorable_Code_Point property.
pub(crate) fn is_default_ignorable(c: char) -> bool {
    !c.is_ascii() && DEFAULT_IGNORABLE.contains(c)
}

/// Unicode's General_Category of `c`, from ICU4X's compiled data (a trie lookup).
pub(crate) fn general_category(c: char) -> GeneralCategory {
    CodePointMapData::<GeneralCategory>::new().get(c)
}

/// The Tags block, U+E0000..U+E007F: invisible copies of ASCII (`A\u{E0041}` shows as `A`)
/// that once tagged languages and now only build emoji flag sequences. The block's bounds
/// are Unicode's (Blocks.txt); no property names exactly these code points.
pub(crate) const TAGS: std::ops::RangeInclusive<char> = '\u{E0000}'..='\u{E007F}';

/// What the free-text fields refuse anywhere with `control_character`: Unicode `Cc` (Rust's
/// `char::is_control`), Bidi_Control, the Tags block ([`TAGS`]), and the line and paragraph
/// separators (General_Category Zl and Zp: U+2028 and U+2029, which break a log line or a
/// CSV cell in two).
pub(crate) fn is_control(c: char) -> bool {
    c.is_control()
        || (!c.is_ascii()
            && (BIDI_CONTROL.contains(c)
                || TAGS.contains(&c)
                || matches!(
                    general_category(c),
                    GeneralCategory::LineSeparator | GeneralCategory::ParagraphSeparator
                )))
}

/// Whether `c` shows nothing by itself: Default_Ignorable_Code_Point, White_Space, or
/// General_Category Format (Cf). A value made only of these is blank to whoever reads it.
pub(crate) fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || (!c.is_ascii()
            && (is_default_ignorable(c)
                || GeneralCategoryGroup::Format.contains(general_category(c))))
}

/// The rules shared by the free-text fields (names, external id), the first failing one
/// only, in this order: `too_short` (empty), `too_long` (in chars), `control_character`
/// ([`is_control`]), `surrounding_whitespace` (White_Space at either end), and
/// `no_visible_character` (only [`is_invisible`] characters: U+200B, U+3164, U+FE0F alone).
/// A value of white space alone is `surrounding_whitespace`, as before; the new rule comes
/// last so that it reports only what no earlier rule names. [`PersonName`]'s documentation
/// has the table of the characters.
pub(crate) fn check_free_text(s: &str, max: usize) -> Result<(), Violation> {
    if s.is_empty() {
        Err(Violation::with(ErrorCode::TooShort, Params::min(1)))
    } else if longer_than(s, max) {
        Err(Violation::with(ErrorCode::TooLong, Params::max(max as u32)))
    } else if s.chars().any(is_control) {
        Err(Violation::new(ErrorCode::ControlCharacter))
    } else if s.starts_with(char::is_whitespace) || s.ends_with(char::is_whitespace) {
        Err(Violation::new(ErrorCode::SurroundingWhitespace))
    } else if s.chars().all(is_invisible) {
        Err(Violation::new(ErrorCode::NoVisibleCharacter))
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
