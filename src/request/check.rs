//! From the slots of a body to a [`RegisterRequest`], or every error in report order.

use std::borrow::Cow;

use crate::error::{Params, Violation};
use crate::json::body::{RawBody, Slot};
use crate::policy::CustomerIpRule;
use crate::{
    CaptchaToken, CountryCode, Currency, CustomData, CustomerIp, Email, ErrorCode, ExternalId,
    Field, FieldError, Locale, OfferId, OfferOrPublisher, Password, PersonName, Policy,
    PublisherId, RegisterRequest, ValidationReport, ValueError,
};

/// What became of one field.
enum Got<T> {
    Absent,
    Invalid,
    Valid(T),
}

impl<T> Got<T> {
    fn valid(self) -> Option<T> {
        match self {
            Got::Valid(v) => Some(v),
            _ => None,
        }
    }
}

/// Turns a [`RawBody`] into a request, collecting errors in report order.
pub(super) struct Checker<'p> {
    policy: &'p Policy,
    errors: Vec<FieldError>,
    /// Taken for an absent `customerIP`.
    fallback_ip: Option<CustomerIp>,
}

impl<'p> Checker<'p> {
    pub(super) fn new(policy: &'p Policy, fallback_ip: Option<CustomerIp>) -> Self {
        Checker {
            policy,
            errors: Vec::new(),
            fallback_ip,
        }
    }

    /// A field as its table says: `missing` when it is required and absent.
    fn field<'a, T>(
        &mut self,
        raw: &mut RawBody<'a>,
        field: Field,
        parse: impl FnOnce(Cow<'a, str>) -> Result<T, ValueError>,
    ) -> Got<T> {
        self.field_required_if(raw, field, field.is_required(), parse)
    }

    /// A field whose requirement the policy decides.
    fn field_required_if<'a, T>(
        &mut self,
        raw: &mut RawBody<'a>,
        field: Field,
        required: bool,
        parse: impl FnOnce(Cow<'a, str>) -> Result<T, ValueError>,
    ) -> Got<T> {
        let text = match raw.take(field) {
            Slot::Absent if required => return self.invalid(field, ErrorCode::Missing),
            Slot::Absent => return Got::Absent,
            // Reported among the key errors.
            Slot::Duplicate => return Got::Invalid,
            Slot::NotAString => return self.invalid(field, ErrorCode::NotAString),
            Slot::Borrowed(s) => Cow::Borrowed(s),
            // The copy moves on to the constructor: the password's keeps it, or wipes it.
            Slot::Copied(mut s) => Cow::Owned(std::mem::take(&mut *s)),
        };
        match parse(text) {
            Ok(v) => Got::Valid(v),
            Err(e) => {
                self.errors
                    .extend(FieldError::from_value(field.pointer(), &e));
                Got::Invalid
            }
        }
    }

    fn invalid<T>(&mut self, field: Field, code: ErrorCode) -> Got<T> {
        self.error(field, code);
        Got::Invalid
    }

    fn error(&mut self, field: Field, code: ErrorCode) {
        self.errors
            .push(FieldError::at_field(field, Violation::new(code)));
    }

    pub(super) fn check(
        mut self,
        mut raw: RawBody<'_>,
    ) -> Result<RegisterRequest, ValidationReport> {
        let policy = self.policy;
        let intl = policy.allow_international_email();
        let email = self.field(&mut raw, Field::Email, |s| Email::parse_with(s, intl));
        let password = self.field(&mut raw, Field::Password, |s| {
            Password::try_from(s.into_owned())
        });
        let offer_given = raw.has(Field::OfferId) || raw.has(Field::PublisherId);
        let offer = self.field(&mut raw, Field::OfferId, |s| OfferId::parse(&s));
        let publisher = self.field(&mut raw, Field::PublisherId, |s| PublisherId::parse(&s));
        if !offer_given {
            self.errors.push(FieldError::at_root(
                ErrorCode::OfferOrPublisherRequired,
                Params::NONE,
            ));
        }
        let locale = self.field(&mut raw, Field::Locale, |s| Locale::parse(&s));
        if matches!(&locale, Got::Valid(l) if !policy.allows_locale(l)) {
            self.error(Field::Locale, ErrorCode::NotSupported);
        }
        let country = self.field(&mut raw, Field::Country, |s| CountryCode::parse(&s));
        let currency = self.field(&mut raw, Field::Currency, |s| Currency::parse(&s));
        if matches!(currency, Got::Valid(c) if !policy.allows_currency(c)) {
            self.error(Field::Currency, ErrorCode::NotSupported);
        }

        let first_name = self.field(&mut raw, Field::FirstName, |s| {
            PersonName::try_from(s.into_owned())
        });
        let last_name = self.field(&mut raw, Field::LastName, |s| {
            PersonName::try_from(s.into_owned())
        });
        let external_id = self.field(&mut raw, Field::ExternalId, |s| {
            ExternalId::try_from(s.into_owned())
        });
        let limits = policy.external_data_limits();
        let external_data = self.field(&mut raw, Field::ExternalData, |s| {
            CustomData::parse_cow(s, limits)
        });
        // `requiredFor` depends on the country, so an invalid or absent country silences it;
        // `required` does not depend on anything.
        let ip_required = match &country {
            Got::Valid(c) => policy.customer_ip().requires(*c),
            _ => *policy.customer_ip() == CustomerIpRule::Required,
        };
        let customer_ip = match self.fallback_ip {
            Some(ip) if !raw.has(Field::CustomerIp) => Got::Valid(ip),
            _ => self.field_required_if(&mut raw, Field::CustomerIp, ip_required, |s| {
                CustomerIp::parse(&s)
            }),
        };
        let captcha_value = self.field(&mut raw, Field::CaptchaValue, |s| {
            CaptchaToken::try_from(s.into_owned())
        });
        self.errors.append(&mut raw.key_errors);
        if let Some(report) = ValidationReport::capped(self.errors, policy.max_errors()) {
            return Err(report);
        }
        let offer_or_publisher = OfferOrPublisher::from_options(offer.valid(), publisher.valid());
        const NO_ERROR: &str = "no error was recorded, so every required field is valid";
        Ok(RegisterRequest {
            email: email.valid().expect(NO_ERROR),
            password: password.valid().expect(NO_ERROR),
            offer_or_publisher: offer_or_publisher.expect(NO_ERROR),
            locale: locale.valid().expect(NO_ERROR),
            country: country.valid().expect(NO_ERROR),
            currency: currency.valid().expect(NO_ERROR),
            first_name: first_name.valid(),
            last_name: last_name.valid(),
            external_id: external_id.valid(),
            external_data: external_data.valid(),
            customer_ip: customer_ip.valid(),
            captcha_value: captcha_value.valid(),
        })
    }
}
