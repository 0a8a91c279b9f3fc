//! The request's error codes ([`ErrorCode`]), and the machinery every vocabulary of the
//! workspace shares: the [`Code`] trait, the [`Params`] of a rule, a [`Violation`], a domain
//! type's refusal ([`ValueError`]) and the [`Wording`] that names a kind of value in messages.
//!
//! Cleeng's answer (`cleeng-register-response`) and the Users migration check
//! (`cleeng-register-migration`) have vocabularies of their own, declared with the same table
//! and worded by the same sentences: a rule they share with the request (`too_long`, say) is
//! written once, here.
//!
//! Every message is built from the code, its parameters and the kind of value only: no
//! message or parameter ever repeats a submitted value, because the values are personal data
//! and passwords are secrets.

use std::fmt;
use std::hash::Hash;

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

/// A name that is on none of the lists it was looked up in (an error code, a
/// [`Field`](crate::Field), an [`Advisory`](crate::Advisory)). Its message names the list,
/// never the text.
///
/// ```
/// let err = "nope".parse::<cleeng_register::ErrorCode>().unwrap_err();
/// assert_eq!(err.to_string(), "not a known error code");
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, thiserror::Error)]
#[error("not a known {0}")]
pub struct UnknownName(&'static str);

impl UnknownName {
    /// A name that is not on `list` ("error code", "field").
    pub const fn new(list: &'static str) -> Self {
        UnknownName(list)
    }
}

/// How messages name a kind of value, and what its `invalid_format` and `unknown_code` rules
/// demand: each domain type owns one, so its sentences live beside its rules.
///
/// ```
/// use cleeng_register::error::Wording;
/// static HASH: Wording = Wording::new("password hash", "must be 1 to 1024 printable characters");
/// assert_eq!(HASH.what(), "password hash");
/// ```
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Wording {
    what: &'static str,
    format: &'static str,
    unknown_code: &'static str,
}

impl Wording {
    /// A value whose kind is not known (errors about keys, the whole body, missing fields).
    pub const GENERIC: Wording = Wording::new("value", "has an invalid format");

    /// `what` names the kind in "invalid {what}: ..."; `format` is the sentence for
    /// `invalid_format`.
    pub const fn new(what: &'static str, format: &'static str) -> Wording {
        Wording {
            what,
            format,
            unknown_code: "is not a known code",
        }
    }

    /// The same, with `unknown_code`'s sentence.
    pub const fn with_unknown_code(self, unknown_code: &'static str) -> Wording {
        Wording {
            unknown_code,
            ..self
        }
    }

    /// What the kind of value is called.
    pub const fn what(&self) -> &'static str {
        self.what
    }

    /// What `invalid_format` demands.
    pub const fn format(&self) -> &'static str {
        self.format
    }

    /// What `unknown_code` says.
    pub const fn unknown_code(&self) -> &'static str {
        self.unknown_code
    }
}

/// A vocabulary of stable error codes: the request's [`ErrorCode`], Cleeng's answer's, the
/// migration file's. The shared machinery ([`Violation`], [`ValueError`],
/// [`FieldError`](crate::FieldError), [`ValidationReport`](crate::ValidationReport)) is
/// generic over it.
pub trait Code: Copy + Eq + Ord + Hash + fmt::Debug + fmt::Display + Serialize + 'static {
    /// Every code, in declaration order.
    const LIST: &'static [Self];

    /// What the whole document (the pointer `""`) is called in messages: "the request body",
    /// "the response body".
    const DOCUMENT: &'static str;

    /// The stable code.
    fn as_str(self) -> &'static str;

    /// What the rule demands, in English, from the code, its parameters and the wording of
    /// the kind of value alone ("must be at most 50 characters long").
    fn rule(self, params: &Params, wording: &Wording) -> Sentence;

    /// Whether the rule's sentence names what it is about by itself, so a message writes no
    /// subject before it (`offerId or publisherId is required`).
    fn names_its_subject(self) -> bool {
        false
    }
}

/// What a rule demands, in English, as the parts its sentence is made of
/// ([`Code::rule`] gives it). Its `Display` writes the sentence; the crate's JSON writer copies
/// the parts as they are, because a refusal writes one sentence per error and formatting each
/// through `core::fmt` cost more than the rest of the answer.
///
/// ```
/// use cleeng_register::error::{Code, Params, Sentence, Wording};
/// use cleeng_register::ErrorCode;
/// let rule = ErrorCode::TooLong.rule(&Params::max(50), &Wording::GENERIC);
/// assert_eq!(rule.to_string(), "must be at most 50 characters long");
/// // A report built by hand may leave the limit out: the sentence then says less, never a
/// // made-up number.
/// let rule = ErrorCode::TooLong.rule(&Params::NONE, &Wording::GENERIC);
/// assert_eq!(rule, Sentence::Fixed("is too long"));
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Sentence {
    /// A sentence with nothing to fill in.
    Fixed(&'static str),
    /// A limit: "{before} {n} {unit}{after}", with an `s` after the unit unless `n` is 1.
    Limit {
        /// The words before the number ("must be at most").
        before: &'static str,
        /// The limit.
        n: u32,
        /// What is counted, singular ("character").
        unit: &'static str,
        /// The words after the unit, with their leading space (" long"), or nothing.
        after: &'static str,
    },
    /// A sentence and a value the caller probably meant: "{text} (did you mean
    /// {suggestion}?)".
    Suggesting {
        /// The sentence.
        text: &'static str,
        /// The suggestion, one of the crate's own constants.
        suggestion: &'static str,
    },
}

impl Sentence {
    /// A limit's sentence ("{before} {n} {unit}(s){after}"), or `unknown` when the limit is
    /// not given.
    pub const fn limit(
        n: Option<u32>,
        [before, unit, after]: [&'static str; 3],
        unknown: &'static str,
    ) -> Sentence {
        match n {
            Some(n) => Sentence::Limit {
                before,
                n,
                unit,
                after,
            },
            None => Sentence::Fixed(unknown),
        }
    }

    /// `text`, followed by the suggestion when there is one.
    pub const fn suggesting(text: &'static str, suggestion: Option<&'static str>) -> Sentence {
        match suggestion {
            Some(suggestion) => Sentence::Suggesting { text, suggestion },
            None => Sentence::Fixed(text),
        }
    }

    /// Hands each part of the sentence to `part`, in order; together they are its `Display`.
    ///
    /// ```
    /// use cleeng_register::error::Sentence;
    /// let mut parts = Vec::new();
    /// Sentence::suggesting("is not a known code", Some("GB")).for_each_part(|p| parts.push(p.to_owned()));
    /// assert_eq!(parts.concat(), "is not a known code (did you mean GB?)");
    /// ```
    #[inline]
    pub fn for_each_part(&self, mut part: impl FnMut(&str)) {
        match *self {
            Sentence::Fixed(text) => part(text),
            Sentence::Limit {
                before,
                n,
                unit,
                after,
            } => {
                part(before);
                part(" ");
                part(itoa::Buffer::new().format(n));
                part(" ");
                part(unit);
                if n != 1 {
                    part("s");
                }
                part(after);
            }
            Sentence::Suggesting { text, suggestion } => {
                part(text);
                part(" (did you mean ");
                part(suggestion);
                part("?)");
            }
        }
    }
}

impl fmt::Display for Sentence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_parts(f, |part| self.for_each_part(part))
    }
}

/// Writes to `f` the parts `parts` hands out, stopping at the first error.
pub(crate) fn write_parts(
    f: &mut fmt::Formatter<'_>,
    parts: impl FnOnce(&mut dyn FnMut(&str)),
) -> fmt::Result {
    let mut result = Ok(());
    parts(&mut |part| {
        if result.is_ok() {
            result = f.write_str(part);
        }
    });
    result
}

/// `missing_digit_or_special`'s sentence: [`Password::SPECIALS`](crate::Password::SPECIALS), spaced for people (a test
/// holds the two together).
const DIGIT_OR_SPECIAL: &str = "must contain at least one digit or one of ! @ # $ % ^ &";

/// Declares a vocabulary of codes from one table. The header names, each by its key, the
/// enum, what its list is called (`list`, for [`UnknownName`](crate::error::UnknownName)),
/// what its document is called in messages (`document`) and the names the rows' sentences
/// read (`sentence: |params, wording|`); then a row per code: the variant, its stable code,
/// `(names its subject)` where the sentence names what it is about by itself, and the
/// [`Sentence`](crate::error::Sentence) that says what the rule demands. It generates the
/// enum, `ALL`, `as_str`, `rule`, `FromStr`, `Display`, `Serialize` and the
/// [`Code`](crate::error::Code) impl.
///
/// ```
/// use cleeng_register::error::{Code, Sentence};
/// cleeng_register::code_table! {
///     /// The codes of a hash file.
///     pub enum HashErrorCode;
///     list: "hash error code";
///     document: "the hash file";
///     sentence: |params, wording|;
///     /// A required column is empty.
///     Missing = "missing" => Sentence::Fixed("is required");
///     /// The file has no header.
///     NoHeader = "no_header" (names its subject) => Sentence::Fixed("the file needs a header");
/// }
/// assert_eq!("no_header".parse(), Ok(HashErrorCode::NoHeader));
/// assert!(HashErrorCode::NoHeader.names_its_subject());
/// assert!(!HashErrorCode::Missing.names_its_subject());
/// ```
///
/// The workspace's domain crates declare their vocabularies with it; it is not meant for use
/// outside the workspace and may change with it.
#[doc(hidden)]
#[macro_export]
macro_rules! code_table {
    (@names_its_subject names) => { true };
    (@names_its_subject) => { false };
    (
        $(#[$meta:meta])*
        pub enum $name:ident;
        list: $list:literal;
        document: $document:literal;
        sentence: |$params:ident, $wording:ident|;
        $( $(#[$doc:meta])* $variant:ident = $code:literal $(($names:ident its subject))? => $rule:expr; )+
    ) => {
        $(#[$meta])*
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$doc])* $variant, )+
        }

        impl $name {
            /// Every code, in declaration order.
            pub const ALL: [$name; [$($code),+].len()] = [$($name::$variant),+];

            /// The stable code, which never changes for an existing variant; `FromStr` reads
            /// it back.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $( $name::$variant => $code, )+
                }
            }

            /// What the rule demands, in English, from the code, its parameters and the
            /// wording of the kind of value.
            pub fn rule(
                self,
                $params: &$crate::error::Params,
                $wording: &$crate::error::Wording,
            ) -> $crate::error::Sentence {
                // Most rules need neither the limits nor the wording.
                let _ = ($params, $wording);
                match self {
                    $( $name::$variant => $rule, )+
                }
            }
        }

        impl $crate::error::Code for $name {
            const LIST: &'static [Self] = &$name::ALL;
            const DOCUMENT: &'static str = $document;

            fn as_str(self) -> &'static str {
                $name::as_str(self)
            }

            fn rule(
                self,
                params: &$crate::error::Params,
                wording: &$crate::error::Wording,
            ) -> $crate::error::Sentence {
                $name::rule(self, params, wording)
            }

            fn names_its_subject(self) -> bool {
                match self {
                    $( $name::$variant => $crate::code_table!(@names_its_subject $($names)?), )+
                }
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::error::UnknownName;
            fn from_str(s: &str) -> ::std::result::Result<Self, Self::Err> {
                match s {
                    $( $code => Ok($name::$variant), )+
                    _ => Err($crate::error::UnknownName::new($list)),
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl $crate::__private::serde::Serialize for $name {
            fn serialize<S: $crate::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
    };
}

code_table! {
    /// The stable, snake_case error codes of a registration request. They are API:
    /// [`ErrorCode::as_str`] never changes for an existing variant, and `FromStr` reads it
    /// back.
    ///
    /// ```
    /// use cleeng_register::ErrorCode;
    /// assert_eq!(ErrorCode::MissingDigitOrSpecial.as_str(), "missing_digit_or_special");
    /// assert_eq!("too_long".parse::<ErrorCode>(), Ok(ErrorCode::TooLong));
    /// ```
    pub enum ErrorCode;
    list: "error code";
    document: "the request body";
    sentence: |params, wording|;
    /// A required field is absent (or `null`).
    Missing = "missing" => Sentence::Fixed("is required");
    /// A present field is not a JSON string.
    NotAString = "not_a_string" => Sentence::Fixed("must be a string");
    /// Fewer characters than allowed (`params.min`).
    TooShort = "too_short" => Sentence::limit(params.min, ["must be at least", "character", " long"], "is too short");
    /// More characters than allowed (`params.max`).
    TooLong = "too_long" => Sentence::limit(params.max, ["must be at most", "character", " long"], "is too long");
    /// The value does not have the field's shape.
    InvalidFormat = "invalid_format" => Sentence::Fixed(wording.format());
    /// The password has no letter.
    MissingLetter = "missing_letter" => Sentence::Fixed("must contain at least one letter");
    /// The password has no digit and none of `! @ # $ % ^ &`.
    MissingDigitOrSpecial = "missing_digit_or_special" => Sentence::Fixed(DIGIT_OR_SPECIAL);
    /// The offer id's first letter is not an offer type.
    UnknownOfferType = "unknown_offer_type" => Sentence::Fixed("must start with an offer type: S (subscription), P (pass), E (live event), R (rental) or A (single purchase)");
    /// A code that is well formed but not assigned or not in use (`params.suggestion` when
    /// the caller probably meant another).
    UnknownCode = "unknown_code" => Sentence::suggesting(wording.unknown_code(), params.suggestion);
    /// Neither `offerId` nor `publisherId` is given.
    OfferOrPublisherRequired = "offer_or_publisher_required" (names its subject) => Sentence::Fixed("offerId or publisherId is required");
    /// The policy's allow-list does not contain the value.
    NotSupported = "not_supported" => Sentence::Fixed("is not supported by this service");
    /// A control character (Cc) in a text field or password; in a name or external id also a
    /// bidirectional control, a tag character or a line or paragraph separator.
    ControlCharacter = "control_character" => Sentence::Fixed("must not contain control, bidirectional control, tag or line separator characters");
    /// Leading or trailing white space in a text field.
    SurroundingWhitespace = "surrounding_whitespace" => Sentence::Fixed("must not start or end with white space");
    /// More bytes than allowed (`params.max`): `externalData`, or the whole body.
    TooLarge = "too_large" => Sentence::limit(params.max, ["must be at most", "byte", ""], "is too large");
    /// `externalData` is not JSON text.
    InvalidJson = "invalid_json" => Sentence::Fixed("must contain valid JSON text");
    /// `externalData` nests deeper than allowed (`params.max`).
    TooDeep = "too_deep" => Sentence::limit(params.max, ["must not nest deeper than", "level", ""], "nests too deep");
    /// `externalData` is JSON but not an object.
    NotAnObject = "not_an_object" => Sentence::Fixed("must contain a JSON object");
    /// A key the API does not know.
    UnknownField = "unknown_field" => Sentence::Fixed("is not a field of the registration request");
    /// A key given more than once.
    DuplicateField = "duplicate_field" => Sentence::Fixed("is given more than once");
    /// The body is not UTF-8, not JSON, or not a JSON object.
    MalformedBody = "malformed_body" => Sentence::Fixed("must be a UTF-8 JSON object");
    /// The report was cut at the policy's `maxErrors` (`params.max`).
    TooManyErrors = "too_many_errors" => Sentence::limit(params.max, ["has more than", "error", "; the rest are not listed"], "has too many errors; the rest are not listed");
    /// A name or external id with no visible character: only Default_Ignorable, White_Space
    /// or format (Cf) characters.
    NoVisibleCharacter = "no_visible_character" => Sentence::Fixed("must contain at least one visible character");
}

/// The limits or hint that go with an error: `{"min": 8}`, `{"max": 254}`,
/// `{"suggestion": "GB"}`. More may be added, hence `non_exhaustive`.
///
/// A suggestion is always one of the crate's own constants, never derived from the input.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Params {
    /// The least length allowed.
    pub min: Option<u32>,
    /// The greatest length, size, depth or count allowed.
    pub max: Option<u32>,
    /// A value the caller probably meant.
    pub suggestion: Option<&'static str>,
}

impl Params {
    /// No parameters.
    pub const NONE: Params = Params {
        min: None,
        max: None,
        suggestion: None,
    };

    /// `{"min": min}`.
    pub const fn min(min: u32) -> Params {
        Params {
            min: Some(min),
            ..Params::NONE
        }
    }

    /// `{"max": max}`.
    pub const fn max(max: u32) -> Params {
        Params {
            max: Some(max),
            ..Params::NONE
        }
    }

    /// `{"suggestion": suggestion}`.
    pub const fn suggestion(suggestion: &'static str) -> Params {
        Params {
            suggestion: Some(suggestion),
            ..Params::NONE
        }
    }

    /// How many parameters are given (the members a serializer writes).
    pub const fn len(&self) -> usize {
        self.min.is_some() as usize
            + self.max.is_some() as usize
            + self.suggestion.is_some() as usize
    }

    /// Whether there is nothing to report.
    pub const fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Writes the given parameters as members of `s` (`min`, `max`, `suggestion`): for
    /// vocabularies whose params add members of their own.
    pub fn serialize_members<S: SerializeStruct>(&self, s: &mut S) -> Result<(), S::Error> {
        if let Some(min) = self.min {
            s.serialize_field("min", &min)?;
        }
        if let Some(max) = self.max {
            s.serialize_field("max", &max)?;
        }
        if let Some(suggestion) = self.suggestion {
            s.serialize_field("suggestion", suggestion)?;
        }
        Ok(())
    }
}

impl Params {
    /// Appends the parameters as a JSON object: the bytes its `Serialize` gives with
    /// `serde_json`, written directly.
    pub(crate) fn write_json(&self, out: &mut Vec<u8>) {
        use cleeng_register_json::write::{push_str, push_u32};
        let mut first = true;
        let mut member = |out: &mut Vec<u8>, name: &[u8]| {
            out.push(if first { b'{' } else { b',' });
            first = false;
            out.extend_from_slice(name);
        };
        if let Some(min) = self.min {
            member(out, b"\"min\":");
            push_u32(out, min);
        }
        if let Some(max) = self.max {
            member(out, b"\"max\":");
            push_u32(out, max);
        }
        if let Some(suggestion) = self.suggestion {
            member(out, b"\"suggestion\":");
            push_str(out, suggestion);
        }
        if first {
            out.push(b'{');
        }
        out.push(b'}');
    }
}

impl Serialize for Params {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Params", self.len())?;
        self.serialize_members(&mut s)?;
        s.end()
    }
}

/// One broken rule: a code and its parameters, not yet tied to a place.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Violation<C = ErrorCode> {
    /// Which rule.
    pub code: C,
    /// Its limits or hint.
    pub params: Params,
}

impl<C> Violation<C> {
    /// A rule without parameters.
    pub const fn new(code: C) -> Violation<C> {
        Violation {
            code,
            params: Params::NONE,
        }
    }

    /// A rule with its parameters.
    pub const fn with(code: C, params: Params) -> Violation<C> {
        Violation { code, params }
    }
}

/// Why a domain type's constructor refused a value: one or more broken rules (more than one
/// only for [`Password`](crate::Password), which reports every rule it fails), worded by the
/// type.
///
/// Its `Display` names the rules, never the value.
///
/// ```
/// use cleeng_register::{Currency, ErrorCode};
/// let err = "EUR1".parse::<Currency>().unwrap_err();
/// assert_eq!(err.code(), ErrorCode::InvalidFormat);
/// assert_eq!(err.to_string(), "invalid currency code: must be three capital letters (ISO 4217)");
/// ```
#[derive(Copy, Clone, PartialEq, Eq, Hash)]
pub struct ValueError<C: 'static = ErrorCode> {
    wording: &'static Wording,
    first: Violation<C>,
    // Only a length rule carries params, and it always comes first: the rest are codes (a
    // password's letter, digit-or-special and control rules).
    more: [Option<C>; 3],
}

impl<C: Code> ValueError<C> {
    /// A refusal for one broken rule, worded by `wording`.
    pub const fn new(wording: &'static Wording, first: Violation<C>) -> Self {
        ValueError {
            wording,
            first,
            more: [None, None, None],
        }
    }

    /// Adds a parameterless violation after the first (at most three are kept).
    pub fn and(mut self, code: C) -> Self {
        if let Some(slot) = self.more.iter_mut().find(|c| c.is_none()) {
            *slot = Some(code);
        }
        self
    }

    /// How messages name the refused value's kind.
    pub fn wording(&self) -> &'static Wording {
        self.wording
    }

    /// The first broken rule's code: for every type but [`Password`](crate::Password), the
    /// only one.
    pub fn code(&self) -> C {
        self.first.code
    }

    /// The first broken rule.
    pub fn first(&self) -> Violation<C> {
        self.first
    }

    /// Every broken rule, in the order the rules are checked.
    ///
    /// ```
    /// use cleeng_register::{ErrorCode, Password};
    /// let err = Password::parse("short").unwrap_err();
    /// let codes: Vec<_> = err.violations().map(|v| v.code).collect();
    /// assert_eq!(codes, [ErrorCode::TooShort, ErrorCode::MissingDigitOrSpecial]);
    /// ```
    pub fn violations(&self) -> impl Iterator<Item = Violation<C>> + '_ {
        std::iter::once(self.first).chain(self.more.iter().flatten().map(|c| Violation::new(*c)))
    }
}

impl<C: Code> fmt::Debug for ValueError<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ValueError")
            .field("what", &self.wording.what)
            .field("violations", &self.violations().collect::<Vec<_>>())
            .finish()
    }
}

impl<C: Code> fmt::Display for ValueError<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid {}: ", self.wording.what)?;
        for (i, v) in self.violations().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            fmt::Display::fmt(&v.code.rule(&v.params, self.wording), f)?;
        }
        Ok(())
    }
}

impl<C: Code> std::error::Error for ValueError<C> {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_limit_of_one_is_singular() {
        let one = Sentence::limit(Some(1), ["must be at least", "character", " long"], "");
        assert_eq!(one.to_string(), "must be at least 1 character long");
        let two = Sentence::limit(Some(2), ["must be at least", "character", " long"], "");
        assert_eq!(two.to_string(), "must be at least 2 characters long");
    }
}
