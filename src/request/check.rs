//! From the slots of a body to a [`RegisterRequest`], or every error in report order.

use std::borrow::Cow;
use std::ops::Deref;

use zeroize::Zeroizing;

use crate::error::{Params, Violation};
use crate::policy::CustomerIpRule;
use crate::request::body::{RawBody, Slot};
use crate::text::FromText;
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

/// A field's string as read: borrowed from the body, or decoded into memory wiped on drop.
enum Text<'a> {
    Borrowed(&'a str),
    Decoded(Zeroizing<String>),
}

impl<'a> Text<'a> {
    /// The text for a constructor that keeps it: a decoded buffer moves on unwiped, so only
    /// for a constructor that wipes what it refuses (the password's) or a field that is not
    /// a secret. A secret type that does not wipe reads the text through `Deref` instead,
    /// and the buffer is wiped here when dropped.
    fn into_cow(self) -> Cow<'a, str> {
        match self {
            Text::Borrowed(s) => Cow::Borrowed(s),
            Text::Decoded(mut s) => Cow::Owned(std::mem::take(&mut *s)),
        }
    }

    /// The text through `T`'s constructor: borrowed text is checked before it is copied (a
    /// refused value is never copied), a decoded buffer is handed over. Only for a
    /// constructor that wipes what it refuses, or a field that is not a secret, as above.
    fn parse<T: FromText<Error = ValueError>>(self) -> Result<T, ValueError> {
        match self {
            Text::Borrowed(s) => T::from_text(s),
            Text::Decoded(mut s) => T::from_owned_text(std::mem::take(&mut *s)),
        }
    }
}

impl Deref for Text<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            Text::Borrowed(s) => s,
            Text::Decoded(s) => s,
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
        parse: impl FnOnce(Text<'a>) -> Result<T, ValueError>,
    ) -> Got<T> {
        self.field_required_if(raw, field, field.is_required(), parse)
    }

    /// A field whose requirement the policy decides.
    fn field_required_if<'a, T>(
        &mut self,
        raw: &mut RawBody<'a>,
        field: Field,
        required: bool,
        parse: impl FnOnce(Text<'a>) -> Result<T, ValueError>,
    ) -> Got<T> {
        let text = match raw.take(field) {
            Slot::Absent if required => return self.invalid(field, ErrorCode::Missing),
            Slot::Absent => return Got::Absent,
            // Reported among the key errors.
            Slot::Duplicate => return Got::Invalid,
            Slot::NotAString => return self.invalid(field, ErrorCode::NotAString),
            Slot::Borrowed(s) => Text::Borrowed(s),
            Slot::Copied(s) => Text::Decoded(s),
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
        let intl = policy.allow_international_email();
        let email = self.field(raw, Field::Email, |s| Email::parse_with(s.into_cow(), intl));
        let password = self.field(raw, Field::Password, Text::parse::<Password>);
        let offer_given = raw.has(Field::OfferId) || raw.has(Field::PublisherId);
        let offer = self.field(raw, Field::OfferId, |s| OfferId::parse(&s));
        let publisher = self.field(raw, Field::PublisherId, |s| PublisherId::parse(&s));
        if !offer_given {
            self.errors.push(FieldError::at_root(
                ErrorCode::OfferOrPublisherRequired,
                Params::NONE,
            ));
        }
        let locale = self.field(raw, Field::Locale, |s| Locale::parse(&s));
        if matches!(&locale, Got::Valid(l) if !policy.allows_locale(l)) {
            self.error(Field::Locale, ErrorCode::NotSupported);
        }
        let country = self.field(raw, Field::Country, |s| CountryCode::parse(&s));
        let currency = self.field(raw, Field::Currency, |s| Currency::parse(&s));
        if matches!(currency, Got::Valid(c) if !policy.allows_currency(c)) {
            self.error(Field::Currency, ErrorCode::NotSupported);
        }

        let first_name = self.field(raw, Field::FirstName, Text::parse::<PersonName>);
        let last_name = self.field(raw, Field::LastName, Text::parse::<PersonName>);
        let external_id = self.field(raw, Field::ExternalId, Text::parse::<ExternalId>);
        let limits = policy.external_data_limits();
        let external_data = self.field(raw, Field::ExternalData, |s| {
            CustomData::parse_cow(s.into_cow(), limits)
        });
        // `requiredFor` depends on the country, so an invalid or absent country silences it;
        // `required` does not depend on anything.
        let ip_required = match &country {
            Got::Valid(c) => policy.customer_ip().requires(*c),
            _ => *policy.customer_ip() == CustomerIpRule::Required,
        };
        let customer_ip = match self.fallback_ip {
            Some(ip) if !raw.has(Field::CustomerIp) => Got::Valid(ip),
            _ => self.field_required_if(raw, Field::CustomerIp, ip_required, |s| {
                CustomerIp::parse(&s)
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
