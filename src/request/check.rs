//! From the slots of a body to a [`RegisterRequest`], or every error in report order.

use crate::error::{ErrorCode, ValueError};
use crate::error::{Params, Violation};
use crate::field::Field;
use crate::policy::CustomerIpRule;
use crate::policy::Policy;
use crate::report::{FieldError, ValidationReport};
use crate::request::body::{RawBody, Slot};
use crate::request::{OfferOrPublisher, RegisterRequest};
use crate::value::field_value::{FieldText, FieldValue, ValueOptions};
use crate::value::{
    CaptchaToken, CountryCode, Currency, CustomData, CustomerIp, Email, ExternalId, Locale,
    OfferId, Password, PersonName, PublisherId,
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

    /// A field's value as its type reads it, `missing` when the table says it is required
    /// and it is absent.
    fn value<T: FieldValue>(
        &mut self,
        raw: &mut RawBody<'_>,
        field: Field,
        options: &ValueOptions<'_>,
    ) -> Got<T> {
        self.field(raw, field, |s| T::from_field_text(s, options))
    }

    /// A field as its table says: `missing` when it is required and absent.
    fn field<'a, T>(
        &mut self,
        raw: &mut RawBody<'a>,
        field: Field,
        parse: impl FnOnce(FieldText<'a>) -> Result<T, ValueError>,
    ) -> Got<T> {
        self.field_required_if(raw, field, field.is_required(), parse)
    }

    /// A field whose requirement the policy decides.
    fn field_required_if<'a, T>(
        &mut self,
        raw: &mut RawBody<'a>,
        field: Field,
        required: bool,
        parse: impl FnOnce(FieldText<'a>) -> Result<T, ValueError>,
    ) -> Got<T> {
        let text = match raw.take(field) {
            Slot::Absent if required => return self.invalid(field, ErrorCode::Missing),
            Slot::Absent => return Got::Absent,
            // Reported among the key errors.
            Slot::Duplicate => return Got::Invalid,
            Slot::NotAString => return self.invalid(field, ErrorCode::NotAString),
            Slot::Borrowed(s) => FieldText::Borrowed(s),
            Slot::Copied(s) => FieldText::Decoded(s),
        };
        match parse(text) {
            Ok(v) => Got::Valid(v),
            Err(e) => {
                self.refused(field, &e);
                Got::Invalid
            }
        }
    }

    // The error paths are shared, not inlined into each field's: a body with an error in
    // every field runs all of them, and thirteen copies crowd the instruction cache.
    #[inline(never)]
    fn refused(&mut self, field: Field, e: &ValueError) {
        self.reserve();
        for error in FieldError::at_field_value(field, e) {
            self.errors.push(error);
        }
    }

    /// Room for every error a body can have at once: a refused body rarely has one error
    /// only, and growing 1, 4, 8, 16 costs three reallocations and copies. The fields, two
    /// more rules of the password (it reports each it breaks) and one about the whole body.
    fn reserve(&mut self) {
        if self.errors.capacity() == 0 {
            self.errors.reserve(Field::ALL.len() + 3);
        }
    }

    fn invalid<T>(&mut self, field: Field, code: ErrorCode) -> Got<T> {
        self.error(field, code);
        Got::Invalid
    }

    #[inline(never)]
    fn error(&mut self, field: Field, code: ErrorCode) {
        self.reserve();
        self.errors
            .push(FieldError::at_field(field, Violation::new(code)));
    }

    /// Checks every field, taking each out of `raw`; what is left there (key errors moved
    /// out, slots emptied) the caller drops.
    pub(super) fn check(
        mut self,
        raw: &mut RawBody<'_>,
    ) -> Result<RegisterRequest, ValidationReport> {
        let policy = self.policy;
        // What of the policy the value types read, made once and lent to each.
        let options = policy.value_options();
        let email = self.value::<Email>(raw, Field::Email, &options);
        let password = self.value::<Password>(raw, Field::Password, &options);
        let offer_given = raw.has(Field::OfferId) || raw.has(Field::PublisherId);
        let offer = self.value::<OfferId>(raw, Field::OfferId, &options);
        let publisher = self.value::<PublisherId>(raw, Field::PublisherId, &options);
        if !offer_given {
            self.errors.push(FieldError::at_root(
                ErrorCode::OfferOrPublisherRequired,
                Params::NONE,
            ));
        }
        let locale = self.value::<Locale>(raw, Field::Locale, &options);
        if matches!(&locale, Got::Valid(l) if !policy.allows_locale(l)) {
            self.error(Field::Locale, ErrorCode::NotSupported);
        }
        let country = self.value::<CountryCode>(raw, Field::Country, &options);
        let currency = self.value::<Currency>(raw, Field::Currency, &options);
        if matches!(currency, Got::Valid(c) if !policy.allows_currency(c)) {
            self.error(Field::Currency, ErrorCode::NotSupported);
        }

        let first_name = self.value::<PersonName>(raw, Field::FirstName, &options);
        let last_name = self.value::<PersonName>(raw, Field::LastName, &options);
        let external_id = self.value::<ExternalId>(raw, Field::ExternalId, &options);
        let external_data = self.value::<CustomData>(raw, Field::ExternalData, &options);
        // `requiredFor` depends on the country, so an invalid or absent country silences it;
        // `required` does not depend on anything.
        let ip_required = match &country {
            Got::Valid(c) => policy.customer_ip().requires(*c),
            _ => *policy.customer_ip() == CustomerIpRule::Required,
        };
        let customer_ip = match self.fallback_ip {
            Some(ip) if !raw.has(Field::CustomerIp) => Got::Valid(ip),
            _ => self.field_required_if(raw, Field::CustomerIp, ip_required, |s| {
                CustomerIp::from_field_text(s, &options)
            }),
        };
        // A `CaptchaToken` is not wiped when dropped: its text is checked here and copied
        // only into a request that is returned (a decoded text is wiped on drop meanwhile).
        let captcha_value = self.field(raw, Field::CaptchaValue, |s| {
            CaptchaToken::check(&s).map(|()| s)
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
            captcha_value: captcha_value.valid().map(|s| CaptchaToken::checked(&s)),
        })
    }
}
