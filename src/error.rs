//! Error codes, field errors, advisories and the validation report.
//!
//! Every message here is built from the field's name, the error code and its limits only:
//! no message or parameter ever repeats a submitted value, because the values are personal
//! data and passwords are secrets.

use std::borrow::Cow;
use std::fmt;

use serde::ser::{SerializeSeq, SerializeStruct};
use serde::{Serialize, Serializer};

/// The fields of a registration body, in the order the SPEC lists them (and reports errors).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Field {
    /// `email`
    Email,
    /// `password`
    Password,
    /// `offerId`
    OfferId,
    /// `publisherId`
    PublisherId,
    /// `locale`
    Locale,
    /// `country`
    Country,
    /// `currency`
    Currency,
    /// `firstName`
    FirstName,
    /// `lastName`
    LastName,
    /// `externalId`
    ExternalId,
    /// `externalData`
    ExternalData,
    /// `customerIP`
    CustomerIp,
    /// `captchaValue`
    CaptchaValue,
}

impl Field {
    /// Every field, in the SPEC's order.
    pub const ALL: [Field; 13] = [
        Field::Email,
        Field::Password,
        Field::OfferId,
        Field::PublisherId,
        Field::Locale,
        Field::Country,
        Field::Currency,
        Field::FirstName,
        Field::LastName,
        Field::ExternalId,
        Field::ExternalData,
        Field::CustomerIp,
        Field::CaptchaValue,
    ];

    /// The JSON key, as Cleeng spells it.
    ///
    /// ```
    /// assert_eq!(cleeng_register::Field::CustomerIp.json_name(), "customerIP");
    /// ```
    pub const fn json_name(self) -> &'static str {
        match self {
            Field::Email => "email",
            Field::Password => "password",
            Field::OfferId => "offerId",
            Field::PublisherId => "publisherId",
            Field::Locale => "locale",
            Field::Country => "country",
            Field::Currency => "currency",
            Field::FirstName => "firstName",
            Field::LastName => "lastName",
            Field::ExternalId => "externalId",
            Field::ExternalData => "externalData",
            Field::CustomerIp => "customerIP",
            Field::CaptchaValue => "captchaValue",
        }
    }

    /// The RFC 6901 JSON Pointer to the field in the body (`/email`).
    pub const fn pointer(self) -> &'static str {
        match self {
            Field::Email => "/email",
            Field::Password => "/password",
            Field::OfferId => "/offerId",
            Field::PublisherId => "/publisherId",
            Field::Locale => "/locale",
            Field::Country => "/country",
            Field::Currency => "/currency",
            Field::FirstName => "/firstName",
            Field::LastName => "/lastName",
            Field::ExternalId => "/externalId",
            Field::ExternalData => "/externalData",
            Field::CustomerIp => "/customerIP",
            Field::CaptchaValue => "/captchaValue",
        }
    }

    /// The field whose JSON key is `name`, if any.
    pub fn from_json_name(name: &str) -> Option<Field> {
        Some(match name {
            "email" => Field::Email,
            "password" => Field::Password,
            "offerId" => Field::OfferId,
            "publisherId" => Field::PublisherId,
            "locale" => Field::Locale,
            "country" => Field::Country,
            "currency" => Field::Currency,
            "firstName" => Field::FirstName,
            "lastName" => Field::LastName,
            "externalId" => Field::ExternalId,
            "externalData" => Field::ExternalData,
            "customerIP" => Field::CustomerIp,
            "captchaValue" => Field::CaptchaValue,
            _ => return None,
        })
    }

    pub(crate) const fn bit(self) -> u16 {
        1 << self as u16
    }

    /// What the field's `invalid_format` means, for people.
    fn format_hint(self) -> &'static str {
        match self {
            Field::Email => "must be a valid email address",
            Field::OfferId => {
                "must be an offer type letter, 9 digits, an underscore and a country code (S565568989_US)"
            }
            Field::PublisherId => "must be exactly 9 digits",
            Field::Locale => "must be a language code, optionally with _ and a region (en_US)",
            Field::Country => "must be two capital letters (ISO 3166-1 alpha-2)",
            Field::Currency => "must be three capital letters (ISO 4217)",
            Field::CustomerIp => "must be an IPv4 or IPv6 address",
            Field::CaptchaValue => "must contain only printable ASCII characters",
            _ => "has an invalid format",
        }
    }

    fn unknown_code_hint(self) -> &'static str {
        match self {
            Field::OfferId => "must end with an assigned ISO 3166-1 alpha-2 country code",
            Field::Country => "must be an assigned ISO 3166-1 alpha-2 country code",
            Field::Currency => "must be an ISO 4217 currency code in circulation",
            _ => "is not a known code",
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.json_name())
    }
}

/// The stable, snake_case error codes of the SPEC. They are API: [`ErrorCode::as_str`] never
/// changes for an existing variant.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum ErrorCode {
    /// A required field is absent (or `null`).
    Missing,
    /// A present field is not a JSON string.
    NotAString,
    /// Fewer characters than allowed (`params.min`).
    TooShort,
    /// More characters than allowed (`params.max`).
    TooLong,
    /// The value does not have the field's shape.
    InvalidFormat,
    /// The password has no letter.
    MissingLetter,
    /// The password has no digit and none of `! @ # $ % ^ &`.
    MissingDigitOrSpecial,
    /// The offer id's first letter is not an offer type.
    UnknownOfferType,
    /// A country or currency code that is well formed but not assigned or not in use.
    UnknownCode,
    /// Neither `offerId` nor `publisherId` is given.
    OfferOrPublisherRequired,
    /// The policy's allow-list does not contain the value.
    NotSupported,
    /// A control character or bidirectional control in a text field.
    ControlCharacter,
    /// Leading or trailing white space in a text field.
    SurroundingWhitespace,
    /// More bytes than allowed (`params.max`): `externalData`, or the whole body.
    TooLarge,
    /// `externalData` is not JSON text.
    InvalidJson,
    /// `externalData` nests deeper than allowed (`params.max`).
    TooDeep,
    /// `externalData` is JSON but not an object.
    NotAnObject,
    /// A key the API does not know.
    UnknownField,
    /// A key given more than once.
    DuplicateField,
    /// The body is not UTF-8, not JSON, or not a JSON object.
    MalformedBody,
    /// The report was cut at the policy's `maxErrors` (`params.max`).
    TooManyErrors,
    /// The JWT's `customerId` claim differs from `responseData.customerId`.
    ClaimsMismatch,
    /// A date after the day of the check.
    InFuture,
    /// Two values in the wrong order (a create date after the last login).
    InvalidOrder,
    /// A template column is absent from a migration file's header.
    MissingColumn,
    /// A column appears more than once in a migration file's header.
    DuplicateColumn,
    /// A column the migration template does not have.
    UnknownColumn,
    /// A migration record with the wrong number of fields, or not UTF-8.
    MalformedRow,
    /// A value that must be unique across a migration file is repeated (`params.firstRow`).
    DuplicateValue,
}

impl ErrorCode {
    /// Every code, in declaration order.
    pub const ALL: [ErrorCode; 29] = [
        ErrorCode::Missing,
        ErrorCode::NotAString,
        ErrorCode::TooShort,
        ErrorCode::TooLong,
        ErrorCode::InvalidFormat,
        ErrorCode::MissingLetter,
        ErrorCode::MissingDigitOrSpecial,
        ErrorCode::UnknownOfferType,
        ErrorCode::UnknownCode,
        ErrorCode::OfferOrPublisherRequired,
        ErrorCode::NotSupported,
        ErrorCode::ControlCharacter,
        ErrorCode::SurroundingWhitespace,
        ErrorCode::TooLarge,
        ErrorCode::InvalidJson,
        ErrorCode::TooDeep,
        ErrorCode::NotAnObject,
        ErrorCode::UnknownField,
        ErrorCode::DuplicateField,
        ErrorCode::MalformedBody,
        ErrorCode::TooManyErrors,
        ErrorCode::ClaimsMismatch,
        ErrorCode::InFuture,
        ErrorCode::InvalidOrder,
        ErrorCode::MissingColumn,
        ErrorCode::DuplicateColumn,
        ErrorCode::UnknownColumn,
        ErrorCode::MalformedRow,
        ErrorCode::DuplicateValue,
    ];

    /// The SPEC's code.
    ///
    /// ```
    /// assert_eq!(cleeng_register::ErrorCode::MissingDigitOrSpecial.as_str(), "missing_digit_or_special");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Missing => "missing",
            ErrorCode::NotAString => "not_a_string",
            ErrorCode::TooShort => "too_short",
            ErrorCode::TooLong => "too_long",
            ErrorCode::InvalidFormat => "invalid_format",
            ErrorCode::MissingLetter => "missing_letter",
            ErrorCode::MissingDigitOrSpecial => "missing_digit_or_special",
            ErrorCode::UnknownOfferType => "unknown_offer_type",
            ErrorCode::UnknownCode => "unknown_code",
            ErrorCode::OfferOrPublisherRequired => "offer_or_publisher_required",
            ErrorCode::NotSupported => "not_supported",
            ErrorCode::ControlCharacter => "control_character",
            ErrorCode::SurroundingWhitespace => "surrounding_whitespace",
            ErrorCode::TooLarge => "too_large",
            ErrorCode::InvalidJson => "invalid_json",
            ErrorCode::TooDeep => "too_deep",
            ErrorCode::NotAnObject => "not_an_object",
            ErrorCode::UnknownField => "unknown_field",
            ErrorCode::DuplicateField => "duplicate_field",
            ErrorCode::MalformedBody => "malformed_body",
            ErrorCode::TooManyErrors => "too_many_errors",
            ErrorCode::ClaimsMismatch => "claims_mismatch",
            ErrorCode::InFuture => "in_future",
            ErrorCode::InvalidOrder => "invalid_order",
            ErrorCode::MissingColumn => "missing_column",
            ErrorCode::DuplicateColumn => "duplicate_column",
            ErrorCode::UnknownColumn => "unknown_column",
            ErrorCode::MalformedRow => "malformed_row",
            ErrorCode::DuplicateValue => "duplicate_value",
        }
    }

    /// The code whose [`as_str`](Self::as_str) is `code`, if any.
    pub fn from_code(code: &str) -> Option<ErrorCode> {
        ErrorCode::ALL.into_iter().find(|c| c.as_str() == code)
    }
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

/// The limits or hint that go with an error: `{"min": 8}`, `{"max": 254}`, `{"suggestion": "GB"}`.
///
/// A suggestion is always one of the crate's own constants, never derived from the input.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Params {
    /// The least length allowed.
    pub min: Option<u32>,
    /// The greatest length, size or depth allowed.
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

    #[allow(dead_code)] // the migration module's duplicates
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
/// let err = "EUR1".parse::<cleeng_register::Currency>().unwrap_err();
/// assert_eq!(err.code(), cleeng_register::ErrorCode::InvalidFormat);
/// assert!(!err.to_string().contains("EUR1"));
/// ```
#[derive(Copy, Clone, PartialEq, Eq, Hash)]
pub struct ValueError {
    what: &'static str,
    field: Option<Field>,
    first: Violation,
    // Only a length rule carries params, and it always comes first: the rest are codes.
    more: [Option<ErrorCode>; 2],
}

impl ValueError {
    pub(crate) const fn new(what: &'static str, field: Option<Field>, first: Violation) -> Self {
        ValueError {
            what,
            field,
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

    /// The first (for most types, the only) broken rule's code.
    pub fn code(&self) -> ErrorCode {
        self.first.code
    }

    /// Every broken rule, in the SPEC's order.
    pub fn violations(&self) -> impl Iterator<Item = Violation> + '_ {
        std::iter::once(self.first).chain(self.more.iter().flatten().map(|c| Violation::new(*c)))
    }

    /// The codes of every broken rule.
    pub fn codes(&self) -> impl Iterator<Item = ErrorCode> + '_ {
        self.violations().map(|v| v.code)
    }
}

impl fmt::Debug for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ValueError")
            .field("what", &self.what)
            .field("violations", &self.violations().collect::<Vec<_>>())
            .finish()
    }
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid {}: ", self.what)?;
        for (i, v) in self.violations().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write_rule(f, self.field, v.code, &v.params)?;
        }
        Ok(())
    }
}

impl std::error::Error for ValueError {}

fn plural(n: u32) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// What a rule demands, in English (`must be a valid email address`), for messages that name
/// the value another way (a migration file's column).
#[derive(Copy, Clone, Debug)]
pub(crate) struct RuleText {
    pub(crate) field: Option<Field>,
    pub(crate) violation: Violation,
}

impl fmt::Display for RuleText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_rule(f, self.field, self.violation.code, &self.violation.params)
    }
}

/// Writes what a rule demands, in English, from the code and parameters alone.
fn write_rule(
    f: &mut fmt::Formatter<'_>,
    field: Option<Field>,
    code: ErrorCode,
    params: &Params,
) -> fmt::Result {
    let max = params.max.unwrap_or(0);
    match code {
        ErrorCode::Missing => f.write_str("is required"),
        ErrorCode::NotAString => f.write_str("must be a string"),
        ErrorCode::TooShort => {
            let min = params.min.unwrap_or(1);
            write!(f, "must be at least {min} character{} long", plural(min))
        }
        ErrorCode::TooLong => write!(f, "must be at most {max} character{} long", plural(max)),
        ErrorCode::InvalidFormat => f.write_str(field.map_or("has an invalid format", Field::format_hint)),
        ErrorCode::MissingLetter => f.write_str("must contain at least one letter"),
        ErrorCode::MissingDigitOrSpecial => {
            f.write_str("must contain at least one digit or one of ! @ # $ % ^ &")
        }
        ErrorCode::UnknownOfferType => f.write_str(
            "must start with an offer type: S (subscription), P (pass), E (live event), R (rental) or A (single purchase)",
        ),
        ErrorCode::UnknownCode => {
            f.write_str(field.map_or("is not a known code", Field::unknown_code_hint))?;
            match params.suggestion {
                Some(s) => write!(f, " (did you mean {s}?)"),
                None => Ok(()),
            }
        }
        ErrorCode::OfferOrPublisherRequired => f.write_str("offerId or publisherId is required"),
        ErrorCode::NotSupported => f.write_str("is not supported by this service"),
        ErrorCode::ControlCharacter => {
            f.write_str("must not contain control or bidirectional control characters")
        }
        ErrorCode::SurroundingWhitespace => f.write_str("must not start or end with white space"),
        ErrorCode::TooLarge => write!(f, "must be at most {max} byte{}", plural(max)),
        ErrorCode::InvalidJson => f.write_str("must contain valid JSON text"),
        ErrorCode::TooDeep => write!(f, "must not nest deeper than {max} level{}", plural(max)),
        ErrorCode::NotAnObject => f.write_str("must contain a JSON object"),
        ErrorCode::UnknownField => f.write_str("is not a field of the registration request"),
        ErrorCode::DuplicateField => f.write_str("is given more than once"),
        ErrorCode::MalformedBody => f.write_str("must be a UTF-8 JSON object"),
        ErrorCode::TooManyErrors => write!(f, "has more than {max} error{}; the rest are not listed", plural(max)),
        ErrorCode::ClaimsMismatch => f.write_str("names a different customerId than responseData.customerId"),
        ErrorCode::InFuture => f.write_str("must not be in the future"),
        ErrorCode::InvalidOrder => f.write_str("must not be after the last login"),
        ErrorCode::MissingColumn => f.write_str("is a template column missing from the header"),
        ErrorCode::DuplicateColumn => f.write_str("appears more than once in the header"),
        ErrorCode::UnknownColumn => f.write_str("is not a column of the migration template"),
        ErrorCode::MalformedRow => f.write_str("must be a UTF-8 record with one field per column"),
        ErrorCode::DuplicateValue => f.write_str("repeats a value of an earlier record"),
    }
}

/// One error in a request body: where (`pointer`), what (`code`, `params`) and a message for
/// people.
///
/// ```
/// use cleeng_register::{ErrorCode, Policy, RegisterRequest};
/// let report = RegisterRequest::from_json(br#"{"email":"nope"}"#, &Policy::default()).unwrap_err();
/// let first = &report.errors()[0];
/// assert_eq!((first.pointer(), first.code()), ("/email", ErrorCode::InvalidFormat));
/// assert_eq!(first.message(), "email must be a valid email address");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FieldError {
    pointer: Cow<'static, str>,
    field: Option<Field>,
    code: ErrorCode,
    params: Params,
}

impl FieldError {
    pub(crate) fn at_field(field: Field, violation: Violation) -> Self {
        FieldError {
            pointer: Cow::Borrowed(field.pointer()),
            field: Some(field),
            code: violation.code,
            params: violation.params,
        }
    }

    pub(crate) fn at_root(code: ErrorCode, params: Params) -> Self {
        FieldError {
            pointer: Cow::Borrowed(""),
            field: None,
            code,
            params,
        }
    }

    /// An error at a fixed pointer outside the request body's fields (`/responseData/jwt`).
    /// Its message names the pointer's path (`responseData.jwt`).
    #[allow(dead_code)] // the response module's pointers
    pub(crate) const fn at_pointer(pointer: &'static str, violation: Violation) -> Self {
        FieldError {
            pointer: Cow::Borrowed(pointer),
            field: None,
            code: violation.code,
            params: violation.params,
        }
    }

    /// An error about a key that is not a field (unknown, or unknown and repeated): the
    /// pointer escapes `~` and `/`.
    pub(crate) fn at_key(key: &str, code: ErrorCode) -> Self {
        FieldError {
            pointer: Cow::Owned(escape_pointer(key)),
            field: None,
            code,
            params: Params::NONE,
        }
    }

    /// The RFC 6901 JSON Pointer to what is wrong (`""` for the whole body).
    pub fn pointer(&self) -> &str {
        &self.pointer
    }

    /// The field, when the error is about one the API knows.
    pub fn field(&self) -> Option<Field> {
        self.field
    }

    /// The stable code.
    pub fn code(&self) -> ErrorCode {
        self.code
    }

    /// The limits or hint; empty when none applies.
    pub fn params(&self) -> &Params {
        &self.params
    }

    /// An English sentence for people. It never contains the submitted value.
    pub fn message(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.field, self.code) {
            (_, ErrorCode::OfferOrPublisherRequired) => {}
            (Some(field), _) => write!(f, "{field} ")?,
            (None, _) if self.pointer.is_empty() => f.write_str("the request body ")?,
            (None, ErrorCode::UnknownField | ErrorCode::DuplicateField) => {
                f.write_str("this key ")?
            }
            (None, _) => {
                // A fixed pointer of the crate's own (never a submitted key): name its path.
                for (i, part) in self.pointer[1..].split('/').enumerate() {
                    if i > 0 {
                        f.write_str(".")?;
                    }
                    f.write_str(part)?;
                }
                f.write_str(" ")?;
            }
        }
        write_rule(f, self.field, self.code, &self.params)
    }
}

impl std::error::Error for FieldError {}

impl Serialize for FieldError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let has_params = !self.params.is_empty();
        let mut s = serializer.serialize_struct("FieldError", 3 + has_params as usize)?;
        s.serialize_field("pointer", self.pointer())?;
        s.serialize_field("code", &self.code)?;
        s.serialize_field("message", &DisplayStr(self))?;
        if has_params {
            s.serialize_field("params", &self.params)?;
        } else {
            s.skip_field("params")?;
        }
        s.end()
    }
}

/// Serializes a `Display` value as a string without an intermediate `String`.
struct DisplayStr<'a, T: fmt::Display>(&'a T);

impl<T: fmt::Display> Serialize for DisplayStr<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self.0)
    }
}

/// RFC 6901: `~` becomes `~0`, `/` becomes `~1`.
pub(crate) fn escape_pointer(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 1);
    out.push('/');
    for c in key.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
    out
}

/// A fact about a valid request that its sender should know; not an error.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Advisory {
    /// No `customerIP`: Cleeng prices with the request's source address, and US and Canadian
    /// taxes need the customer's.
    CustomerIpMissing,
    /// `customerIP` is not globally reachable, so it cannot be geolocated for tax.
    CustomerIpNotPublic,
    /// The country suffix of `offerId` differs from `country`.
    OfferCountryMismatch,
}

impl Advisory {
    /// Every advisory, in report order.
    pub const ALL: [Advisory; 3] = [
        Advisory::CustomerIpMissing,
        Advisory::CustomerIpNotPublic,
        Advisory::OfferCountryMismatch,
    ];

    /// The stable code.
    pub const fn code(self) -> &'static str {
        match self {
            Advisory::CustomerIpMissing => "customer_ip_missing",
            Advisory::CustomerIpNotPublic => "customer_ip_not_public",
            Advisory::OfferCountryMismatch => "offer_country_mismatch",
        }
    }

    /// The JSON Pointer of the field it is about.
    pub const fn pointer(self) -> &'static str {
        match self {
            Advisory::CustomerIpMissing | Advisory::CustomerIpNotPublic => "/customerIP",
            Advisory::OfferCountryMismatch => "/offerId",
        }
    }

    /// An English sentence for people.
    pub const fn message(self) -> &'static str {
        match self {
            Advisory::CustomerIpMissing => {
                "customerIP is absent: Cleeng will price with the request's source address, and US and Canadian taxes need the customer's"
            }
            Advisory::CustomerIpNotPublic => {
                "customerIP is not a public address, so it cannot be geolocated to a tax country"
            }
            Advisory::OfferCountryMismatch => "the offerId's country differs from country",
        }
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
        s.serialize_field("code", self.code())?;
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

/// Every error found in a rejected request body, in the SPEC's order: the fields in table
/// order, then unknown and duplicated keys in input order. Never empty.
///
/// It serializes to the SPEC's result shape, `{"valid":false,"errors":[...],"advisories":[]}`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid registration request: {}", Summary(.errors))]
pub struct ValidationReport {
    errors: Vec<FieldError>,
}

struct Summary<'a>(&'a [FieldError]);

impl fmt::Display for Summary<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{} {}", e.pointer(), e.code())?;
        }
        Ok(())
    }
}

impl ValidationReport {
    /// `None` when there are no errors: a report is never empty.
    pub(crate) fn from_errors(errors: Vec<FieldError>) -> Option<Self> {
        (!errors.is_empty()).then_some(ValidationReport { errors })
    }

    pub(crate) fn single(error: FieldError) -> Self {
        ValidationReport {
            errors: vec![error],
        }
    }

    /// The errors, in the SPEC's order.
    pub fn errors(&self) -> &[FieldError] {
        &self.errors
    }

    /// Takes the errors out.
    pub fn into_errors(self) -> Vec<FieldError> {
        self.errors
    }

    /// Whether some error has this pointer and code.
    pub fn contains(&self, pointer: &str, code: ErrorCode) -> bool {
        self.errors
            .iter()
            .any(|e| e.pointer() == pointer && e.code() == code)
    }
}

impl Serialize for ValidationReport {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("ValidationReport", 3)?;
        s.serialize_field("valid", &false)?;
        s.serialize_field("errors", &self.errors)?;
        s.serialize_field("advisories", &Advisories::new())?;
        s.end()
    }
}
