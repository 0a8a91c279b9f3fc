//! The stable error codes and what each demands, the parameters that go with them, and
//! [`ValueError`], a domain type's refusal.
//!
//! Every message here is built from the code, its parameters and the kind of value only: no
//! message or parameter ever repeats a submitted value, because the values are personal data
//! and passwords are secrets.

use std::fmt;
use std::str::FromStr;

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use crate::Password;

/// A name that is on none of the crate's lists: not an [`ErrorCode`], a
/// [`Field`](crate::Field) or an [`Advisory`](crate::Advisory). Its message names the list,
/// never the text.
///
/// ```
/// let err = "nope".parse::<cleeng_register::ErrorCode>().unwrap_err();
/// assert_eq!(err.to_string(), "not a known error code");
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, thiserror::Error)]
#[error("not a known {0}")]
pub struct UnknownName(pub(crate) &'static str);

/// What a kind of value is called and what its `invalid_format` and `unknown_code` rules
/// demand: each domain type owns one, so its messages live beside its rules.
#[derive(Debug, PartialEq, Eq, Hash)]
pub(crate) struct Rules {
    /// For [`ValueError`]'s `Display`: "invalid {what}: ...".
    pub(crate) what: &'static str,
    /// The sentence for `invalid_format`.
    pub(crate) format: &'static str,
    /// The sentence for `unknown_code`.
    pub(crate) unknown_code: &'static str,
}

impl Rules {
    /// A value whose kind is not known (errors about keys, the whole body, missing fields).
    pub(crate) const GENERIC: Rules = Rules::new("value", "has an invalid format");

    pub(crate) const fn new(what: &'static str, format: &'static str) -> Rules {
        Rules {
            what,
            format,
            unknown_code: "is not a known code",
        }
    }

    pub(crate) const fn with_unknown_code(self, unknown_code: &'static str) -> Rules {
        Rules {
            unknown_code,
            ..self
        }
    }
}

/// Writes a rule with a limit, "{before} {n} {unit}(s){after}" ("must be at most 50
/// characters long"), or `unknown` when the limit is not given: a report built by hand may
/// leave it out, and then the message says less, never a made-up number.
fn write_limit(
    f: &mut fmt::Formatter<'_>,
    n: Option<u32>,
    [before, unit, after]: [&str; 3],
    unknown: &str,
) -> fmt::Result {
    match n {
        Some(1) => write!(f, "{before} 1 {unit}{after}"),
        Some(n) => write!(f, "{before} {n} {unit}s{after}"),
        None => f.write_str(unknown),
    }
}

/// The digits and specials a password needs one of, spaced for people.
struct DigitOrSpecial;

impl fmt::Display for DigitOrSpecial {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("must contain at least one digit or one of")?;
        for c in Password::SPECIALS.chars() {
            write!(f, " {c}")?;
        }
        Ok(())
    }
}

/// Generates [`ErrorCode`] from one table: the variant, its stable code, and the sentence that
/// says what the rule demands (written with `f`, the limits in `params`, the type's `rules`).
macro_rules! error_codes {
    (|$f:ident, $params:ident, $rules:ident| $( $(#[$doc:meta])* $variant:ident = $code:literal => $rule:expr; )+) => {
        /// The stable, snake_case error codes. They are API: [`ErrorCode::as_str`] never
        /// changes for an existing variant, and `FromStr` reads it back.
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum ErrorCode {
            $( $(#[$doc])* $variant, )+
        }

        impl ErrorCode {
            /// Every code, in declaration order.
            pub const ALL: [ErrorCode; [$($code),+].len()] = [$(ErrorCode::$variant),+];

            /// The stable code.
            ///
            /// ```
            /// use cleeng_register::ErrorCode;
            /// assert_eq!(ErrorCode::MissingDigitOrSpecial.as_str(), "missing_digit_or_special");
            /// assert_eq!("too_long".parse::<ErrorCode>(), Ok(ErrorCode::TooLong));
            /// ```
            pub const fn as_str(self) -> &'static str {
                match self {
                    $( ErrorCode::$variant => $code, )+
                }
            }

            /// Writes what the rule demands, in English, from the code, its parameters and
            /// the kind of value alone.
            pub(crate) fn write_rule(
                self,
                $f: &mut fmt::Formatter<'_>,
                $params: &Params,
                $rules: &Rules,
            ) -> fmt::Result {
                // Most rules need neither the limits nor the kind.
                let _ = ($params, $rules);
                match self {
                    $( ErrorCode::$variant => $rule, )+
                }
            }
        }

        impl FromStr for ErrorCode {
            type Err = UnknownName;
            fn from_str(s: &str) -> Result<Self, UnknownName> {
                match s {
                    $( $code => Ok(ErrorCode::$variant), )+
                    _ => Err(UnknownName("error code")),
                }
            }
        }
    };
}

error_codes! { |f, params, rules|
    /// A required field is absent (or `null`).
    Missing = "missing" => f.write_str("is required");
    /// A present field is not a JSON string.
    NotAString = "not_a_string" => f.write_str("must be a string");
    /// Fewer characters than allowed (`params.min`).
    TooShort = "too_short" => write_limit(f, params.min, ["must be at least", "character", " long"], "is too short");
    /// More characters than allowed (`params.max`).
    TooLong = "too_long" => write_limit(f, params.max, ["must be at most", "character", " long"], "is too long");
    /// The value does not have the field's shape.
    InvalidFormat = "invalid_format" => f.write_str(rules.format);
    /// The password has no letter.
    MissingLetter = "missing_letter" => f.write_str("must contain at least one letter");
    /// The password has no digit and none of `! @ # $ % ^ &`.
    MissingDigitOrSpecial = "missing_digit_or_special" => fmt::Display::fmt(&DigitOrSpecial, f);
    /// The offer id's first letter is not an offer type.
    UnknownOfferType = "unknown_offer_type" => f.write_str(
        "must start with an offer type: S (subscription), P (pass), E (live event), R (rental) or A (single purchase)",
    );
    /// A code that is well formed but not assigned or not in use (`params.suggestion` when
    /// the caller probably meant another).
    UnknownCode = "unknown_code" => {
        f.write_str(rules.unknown_code)?;
        match params.suggestion {
            Some(s) => write!(f, " (did you mean {s}?)"),
            None => Ok(()),
        }
    };
    /// Neither `offerId` nor `publisherId` is given.
    OfferOrPublisherRequired = "offer_or_publisher_required" => f.write_str("offerId or publisherId is required");
    /// The policy's allow-list does not contain the value.
    NotSupported = "not_supported" => f.write_str("is not supported by this service");
    /// A control character or bidirectional control in a text field.
    ControlCharacter = "control_character" => f.write_str("must not contain control or bidirectional control characters");
    /// Leading or trailing white space in a text field.
    SurroundingWhitespace = "surrounding_whitespace" => f.write_str("must not start or end with white space");
    /// More bytes than allowed (`params.max`): `externalData`, or the whole body.
    TooLarge = "too_large" => write_limit(f, params.max, ["must be at most", "byte", ""], "is too large");
    /// `externalData` is not JSON text.
    InvalidJson = "invalid_json" => f.write_str("must contain valid JSON text");
    /// `externalData` nests deeper than allowed (`params.max`).
    TooDeep = "too_deep" => write_limit(f, params.max, ["must not nest deeper than", "level", ""], "nests too deep");
    /// `externalData` is JSON but not an object.
    NotAnObject = "not_an_object" => f.write_str("must contain a JSON object");
    /// A key the API does not know.
    UnknownField = "unknown_field" => f.write_str("is not a field of the registration request");
    /// A key given more than once.
    DuplicateField = "duplicate_field" => f.write_str("is given more than once");
    /// The body is not UTF-8, not JSON, or not a JSON object.
    MalformedBody = "malformed_body" => f.write_str("must be a UTF-8 JSON object");
    /// The report was cut at the policy's `maxErrors` (`params.max`).
    TooManyErrors = "too_many_errors" => write_limit(f, params.max, ["has more than", "error", "; the rest are not listed"], "has too many errors; the rest are not listed");
    /// The JWT's `customerId` claim differs from `responseData.customerId`.
    ClaimsMismatch = "claims_mismatch" => f.write_str("names a different customerId than responseData.customerId");
    /// A date after the day of the check.
    InFuture = "in_future" => f.write_str("must not be after the day of the check");
    /// Two values in the wrong order (a create date after the last login).
    InvalidOrder = "invalid_order" => f.write_str("must not be after the last login");
    /// A template column is absent from a migration file's header.
    MissingColumn = "missing_column" => f.write_str("is a template column missing from the header");
    /// A column appears more than once in a migration file's header.
    DuplicateColumn = "duplicate_column" => f.write_str("appears more than once in the header");
    /// A column the migration template does not have.
    UnknownColumn = "unknown_column" => f.write_str("is not a column of the migration template");
    /// A migration record with the wrong number of fields, or not UTF-8.
    MalformedRow = "malformed_row" => f.write_str("must be a UTF-8 record with one field per column");
    /// A value that must be unique across a migration file is repeated (`params.firstRow`).
    DuplicateValue = "duplicate_value" => f.write_str("repeats a value of an earlier record");
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for ErrorCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// The limits or hint that go with an error: `{"min": 8}`, `{"max": 254}`,
/// `{"suggestion": "GB"}`, `{"firstRow": 2}`, `{"position": 3}`. More may be added, hence `non_exhaustive`.
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
    /// The row where a repeated value first appeared (`firstRow`, migration files).
    pub first_row: Option<u64>,
    /// The 1-based position of a header cell (`position`, migration files).
    pub position: Option<u32>,
}

impl Params {
    /// No parameters.
    pub const NONE: Params = Params {
        min: None,
        max: None,
        suggestion: None,
        first_row: None,
        position: None,
    };

    pub(crate) const fn min(min: u32) -> Params {
        Params {
            min: Some(min),
            ..Params::NONE
        }
    }

    pub(crate) const fn max(max: u32) -> Params {
        Params {
            max: Some(max),
            ..Params::NONE
        }
    }

    pub(crate) const fn suggestion(suggestion: &'static str) -> Params {
        Params {
            suggestion: Some(suggestion),
            ..Params::NONE
        }
    }

    pub(crate) const fn first_row(row: u64) -> Params {
        Params {
            first_row: Some(row),
            ..Params::NONE
        }
    }

    pub(crate) const fn position(position: u32) -> Params {
        Params {
            position: Some(position),
            ..Params::NONE
        }
    }

    /// Whether there is nothing to report.
    pub const fn is_empty(&self) -> bool {
        self.min.is_none()
            && self.max.is_none()
            && self.suggestion.is_none()
            && self.first_row.is_none()
            && self.position.is_none()
    }
}

impl Serialize for Params {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let len = self.min.is_some() as usize
            + self.max.is_some() as usize
            + self.suggestion.is_some() as usize
            + self.first_row.is_some() as usize
            + self.position.is_some() as usize;
        let mut s = serializer.serialize_struct("Params", len)?;
        if let Some(min) = self.min {
            s.serialize_field("min", &min)?;
        }
        if let Some(max) = self.max {
            s.serialize_field("max", &max)?;
        }
        if let Some(suggestion) = self.suggestion {
            s.serialize_field("suggestion", suggestion)?;
        }
        if let Some(first_row) = self.first_row {
            s.serialize_field("firstRow", &first_row)?;
        }
        if let Some(position) = self.position {
            s.serialize_field("position", &position)?;
        }
        s.end()
    }
}

/// One broken rule: a code and its parameters, not yet tied to a field.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Violation {
    /// Which rule.
    pub code: ErrorCode,
    /// Its limits or hint.
    pub params: Params,
}

impl Violation {
    pub(crate) const fn new(code: ErrorCode) -> Violation {
        Violation {
            code,
            params: Params::NONE,
        }
    }

    pub(crate) const fn with(code: ErrorCode, params: Params) -> Violation {
        Violation { code, params }
    }
}

/// Why a domain type's constructor refused a value: one or more broken rules (more than one
/// only for [`Password`](crate::Password), which reports every rule it fails).
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
pub struct ValueError {
    rules: &'static Rules,
    first: Violation,
    // Only a length rule carries params, and it always comes first: the rest are codes.
    more: [Option<ErrorCode>; 2],
}

impl ValueError {
    pub(crate) const fn new(rules: &'static Rules, first: Violation) -> Self {
        ValueError {
            rules,
            first,
            more: [None, None],
        }
    }

    /// Adds a parameterless violation after the first (at most two are kept).
    pub(crate) fn and(mut self, code: ErrorCode) -> Self {
        if let Some(slot) = self.more.iter_mut().find(|c| c.is_none()) {
            *slot = Some(code);
        }
        self
    }

    pub(crate) fn rules(&self) -> &'static Rules {
        self.rules
    }

    /// The first broken rule's code: for every type but [`Password`](crate::Password), the
    /// only one.
    pub fn code(&self) -> ErrorCode {
        self.first.code
    }

    /// Every broken rule, in the order the rules are checked.
    ///
    /// ```
    /// use cleeng_register::{ErrorCode, Password};
    /// let err = Password::parse("short").unwrap_err();
    /// let codes: Vec<_> = err.violations().map(|v| v.code).collect();
    /// assert_eq!(codes, [ErrorCode::TooShort, ErrorCode::MissingDigitOrSpecial]);
    /// ```
    pub fn violations(&self) -> impl Iterator<Item = Violation> + '_ {
        std::iter::once(self.first).chain(self.more.iter().flatten().map(|c| Violation::new(*c)))
    }
}

impl fmt::Debug for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ValueError")
            .field("what", &self.rules.what)
            .field("violations", &self.violations().collect::<Vec<_>>())
            .finish()
    }
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid {}: ", self.rules.what)?;
        for (i, v) in self.violations().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            v.code.write_rule(f, &v.params, self.rules)?;
        }
        Ok(())
    }
}

impl std::error::Error for ValueError {}

/// What a rule demands, in English (`must be a valid email address`), worded by the kind of
/// value that broke it, for messages that name the value another way (a migration file's
/// column).
#[derive(Copy, Clone, Debug)]
pub(crate) struct RuleText {
    pub(crate) rules: &'static Rules,
    pub(crate) violation: Violation,
}

impl fmt::Display for RuleText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = self.violation;
        v.code.write_rule(f, &v.params, self.rules)
    }
}
