//! What the checker runs after the crate's own rules: a service's checks, reached through a
//! trait so that the request reader knows nothing of how a service states them
//! ([`ServiceRules`](crate::service_rule::ServiceRules) implements it).

use crate::report::FieldError;
use crate::request::RegisterRequest;
use crate::value::{
    CountryCode, Currency, CustomData, CustomerIp, Email, ExternalId, Locale, OfferId, Password,
    PersonName, PublisherId,
};

/// A field's value that passed the crate's rules, by field: the variant names the field, so
/// `firstName` and `lastName` (both [`PersonName`]s) stay apart. `captchaValue` has none: its
/// token is copied only into a request that is returned.
#[derive(Copy, Clone)]
pub(crate) enum CheckedField<'a> {
    Email(&'a Email),
    Password(&'a Password),
    OfferId(&'a OfferId),
    PublisherId(&'a PublisherId),
    Locale(&'a Locale),
    Country(&'a CountryCode),
    Currency(&'a Currency),
    FirstName(&'a PersonName),
    LastName(&'a PersonName),
    ExternalId(&'a ExternalId),
    ExternalData(&'a CustomData),
    CustomerIp(&'a CustomerIp),
}

/// A service's checks, run in the request reader's pass.
pub(crate) trait ServiceChecks {
    /// Whether there are none at all: the reader is then compiled without a call to them.
    const NONE: bool = false;

    /// The error for a field whose value passed the crate's rules, if the service refuses it.
    fn check_field(&self, value: CheckedField<'_>) -> Option<FieldError>;

    /// The errors about a request that passed every rule of the crate and every field's
    /// service rules, in any order.
    fn check_request(&self, request: &RegisterRequest) -> Vec<FieldError>;
}

/// The crate's rules alone.
pub(crate) struct NoServiceChecks;

impl ServiceChecks for NoServiceChecks {
    const NONE: bool = true;

    fn check_field(&self, _: CheckedField<'_>) -> Option<FieldError> {
        None
    }

    fn check_request(&self, _: &RegisterRequest) -> Vec<FieldError> {
        Vec::new()
    }
}
