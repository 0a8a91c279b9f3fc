//! `RegisterRequest`: a registration body that is valid by construction.

use serde::de::{self, DeserializeSeed};
use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};

use crate::advisory::{Advisories, Advisory};
use crate::error::ErrorCode;
use crate::error::Params;
use crate::policy::Policy;
use crate::report::{FieldError, ValidationReport, ValidationResult};
use crate::value::{
    CaptchaToken, CountryCode, Currency, CustomData, CustomerIp, Email, ExternalId, Locale,
    OfferId, Password, PersonName, PublisherId,
};
use body::{read_body, Keys, RawBody};
use serde_body::BodyVisitor;

mod body;
mod check;
mod serde_body;

use crate::field::Field;
use check::Checker;

/// Who the customer registers with: an offer, a publisher, or both. At least one is always
/// there, because there is no variant without.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum OfferOrPublisher {
    /// Only `offerId`.
    Offer(OfferId),
    /// Only `publisherId`.
    Publisher(PublisherId),
    /// Both.
    Both {
        /// `offerId`.
        offer: OfferId,
        /// `publisherId`.
        publisher: PublisherId,
    },
}

impl OfferOrPublisher {
    /// The offer, if given.
    pub fn offer(&self) -> Option<OfferId> {
        match *self {
            OfferOrPublisher::Offer(offer) | OfferOrPublisher::Both { offer, .. } => Some(offer),
            OfferOrPublisher::Publisher(_) => None,
        }
    }

    /// The publisher, if given.
    pub fn publisher(&self) -> Option<PublisherId> {
        match *self {
            OfferOrPublisher::Publisher(publisher) | OfferOrPublisher::Both { publisher, .. } => {
                Some(publisher)
            }
            OfferOrPublisher::Offer(_) => None,
        }
    }

    /// Combines two optional ids; `None` when both are absent.
    pub fn from_options(offer: Option<OfferId>, publisher: Option<PublisherId>) -> Option<Self> {
        match (offer, publisher) {
            (Some(offer), Some(publisher)) => Some(OfferOrPublisher::Both { offer, publisher }),
            (Some(offer), None) => Some(OfferOrPublisher::Offer(offer)),
            (None, Some(publisher)) => Some(OfferOrPublisher::Publisher(publisher)),
            (None, None) => None,
        }
    }
}

impl From<OfferId> for OfferOrPublisher {
    fn from(offer: OfferId) -> Self {
        OfferOrPublisher::Offer(offer)
    }
}

impl From<PublisherId> for OfferOrPublisher {
    fn from(publisher: PublisherId) -> Self {
        OfferOrPublisher::Publisher(publisher)
    }
}

/// A Cleeng `POST /customers` body that satisfies every rule. There is no way to hold an
/// invalid one: it is made by [`RegisterRequest::from_json`] (every error reported), by serde
/// ([`RequestSeed`] under a policy, or `Deserialize` under the default one), or by
/// [`RegisterRequest::builder`] from parts that are valid by their types.
///
/// It serializes to the Cleeng body (camelCase keys, absent optional fields left out), and
/// reading that back gives an equal request. `Debug` shows no submitted text: every field is
/// its type and length only (`email: Email(<redacted, 16 bytes>)`), the password
/// `Password(***)`, an absent field `None`. A request is one customer's data, codes included
/// (a country and a locale say where someone lives); a log line that needs a code can write
/// it through the accessor.
///
/// ```
/// use cleeng_register::{Advisory, Policy, RegisterRequest};
/// let body = br#"{"email":"jane@example.com","password":"s3cret-pass","offerId":"S565568989_US",
///                 "locale":"en_US","country":"US","currency":"USD"}"#;
/// let request = RegisterRequest::from_json(body, &Policy::default())?;
/// assert_eq!(request.email().as_str(), "jane@example.com");
/// assert!(request.advisories().contains(Advisory::CustomerIpMissing));
/// assert!(!format!("{request:?}").contains("s3cret-pass"));
/// assert!(!format!("{request:?}").contains("jane@example.com"));
/// let again = RegisterRequest::from_json(&serde_json::to_vec(&request)?, &Policy::default())?;
/// assert_eq!(again, request);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct RegisterRequest {
    email: Email,
    password: Password,
    offer_or_publisher: OfferOrPublisher,
    locale: Locale,
    country: CountryCode,
    currency: Currency,
    first_name: Option<PersonName>,
    last_name: Option<PersonName>,
    external_id: Option<ExternalId>,
    external_data: Option<CustomData>,
    customer_ip: Option<CustomerIp>,
    captcha_value: Option<CaptchaToken>,
}

impl RegisterRequest {
    /// Reads a body under `policy`, in one pass, and returns the request or **every** error
    /// in report order.
    ///
    /// ```
    /// use cleeng_register::{ErrorCode, Policy, RegisterRequest};
    /// let report = RegisterRequest::from_json(br#"{"email":"a@localhost","country":"UK"}"#, &Policy::default())
    ///     .unwrap_err();
    /// let found: Vec<_> = report.errors().iter().map(|e| (e.pointer(), e.code().as_str())).collect();
    /// assert_eq!(found, [
    ///     ("/email", "invalid_format"),
    ///     ("/password", "missing"),
    ///     ("", "offer_or_publisher_required"),
    ///     ("/locale", "missing"),
    ///     ("/country", "unknown_code"),
    ///     ("/currency", "missing"),
    /// ]);
    /// ```
    pub fn from_json(body: &[u8], policy: &Policy) -> Result<RegisterRequest, ValidationReport> {
        Self::from_json_with_fallback_ip(body, policy, None)
    }

    /// As [`from_json`](Self::from_json), but a body without `customerIP` (absent or `null`)
    /// takes `fallback` instead: the address a service saw the customer connect from. The
    /// filled address counts as given, for the policy's `customerIp` rule and for the
    /// advisories. A `customerIP` in the body, valid or not, is never replaced.
    ///
    /// ```
    /// use cleeng_register::{Advisory, Policy, RegisterRequest};
    /// let body = br#"{"email":"jane@example.com","password":"s3cret-pass","publisherId":"123456789",
    ///                 "locale":"en_US","country":"US","currency":"USD"}"#;
    /// let peer = "203.0.113.7".parse()?;
    /// let request = RegisterRequest::from_json_with_fallback_ip(body, &Policy::default(), Some(peer))?;
    /// assert_eq!(request.customer_ip(), Some(peer));
    /// // 203.0.113.0/24 is a documentation range: no tax country.
    /// assert!(request.advisories().contains(Advisory::CustomerIpNotPublic));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_json_with_fallback_ip(
        body: &[u8],
        policy: &Policy,
        fallback: Option<CustomerIp>,
    ) -> Result<RegisterRequest, ValidationReport> {
        let whole_body = |code, params| ValidationReport::single(FieldError::at_root(code, params));
        if body.len() > policy.max_body_bytes() {
            return Err(ValidationReport::body_too_large(policy));
        }
        // One UTF-8 pass over the whole body, then the crate's own scanner: it checks what
        // serde_json checks, and decodes a string with escapes (a password with `\/`) only
        // into memory wiped on drop, where serde_json would leave a copy in its scratch
        // buffer.
        let Ok(text) = std::str::from_utf8(body) else {
            return Err(whole_body(ErrorCode::MalformedBody, Params::NONE));
        };
        let mut raw = RawBody::default();
        if read_body(text, policy, &mut raw).is_err() {
            return Err(whole_body(ErrorCode::MalformedBody, Params::NONE));
        }
        Checker::new(policy, fallback).check(&mut raw)
    }

    /// Starts a request from its required parts, each already valid.
    ///
    /// ```
    /// use cleeng_register::{OfferOrPublisher, RegisterRequest};
    /// let request = RegisterRequest::builder(
    ///     "jane@example.com".parse()?,
    ///     "s3cret-pass".parse()?,
    ///     OfferOrPublisher::Publisher("123456789".parse()?),
    ///     "en_US".parse()?,
    ///     "US".parse()?,
    ///     "USD".parse()?,
    /// )
    /// .first_name("Jane".parse()?)
    /// .build();
    /// assert_eq!(request.first_name().map(|n| n.as_str()), Some("Jane"));
    /// # Ok::<(), cleeng_register::ValueError>(())
    /// ```
    pub fn builder(
        email: Email,
        password: Password,
        offer_or_publisher: OfferOrPublisher,
        locale: Locale,
        country: CountryCode,
        currency: Currency,
    ) -> RegisterRequestBuilder {
        RegisterRequestBuilder(RegisterRequest {
            email,
            password,
            offer_or_publisher,
            locale,
            country,
            currency,
            first_name: None,
            last_name: None,
            external_id: None,
            external_data: None,
            customer_ip: None,
            captcha_value: None,
        })
    }

    /// The facts about this request its sender should know (the README's "Advisories").
    pub fn advisories(&self) -> Advisories {
        let mut advisories = Advisories::new();
        match self.customer_ip {
            None => advisories.insert(Advisory::CustomerIpMissing),
            Some(ip) if !ip.is_globally_reachable() => {
                advisories.insert(Advisory::CustomerIpNotPublic)
            }
            Some(_) => {}
        }
        if self
            .offer_or_publisher
            .offer()
            .is_some_and(|o| o.country() != self.country)
        {
            advisories.insert(Advisory::OfferCountryMismatch);
        }
        advisories
    }

    /// `email`.
    pub fn email(&self) -> &Email {
        &self.email
    }
    /// `password`.
    pub fn password(&self) -> &Password {
        &self.password
    }
    /// `offerId` and/or `publisherId`.
    pub fn offer_or_publisher(&self) -> OfferOrPublisher {
        self.offer_or_publisher
    }
    /// `offerId`, if given.
    pub fn offer_id(&self) -> Option<OfferId> {
        self.offer_or_publisher.offer()
    }
    /// `publisherId`, if given.
    pub fn publisher_id(&self) -> Option<PublisherId> {
        self.offer_or_publisher.publisher()
    }
    /// `locale`.
    pub fn locale(&self) -> Locale {
        self.locale
    }
    /// `country`.
    pub fn country(&self) -> CountryCode {
        self.country
    }
    /// `currency`.
    pub fn currency(&self) -> Currency {
        self.currency
    }
    /// `firstName`, if given.
    pub fn first_name(&self) -> Option<&PersonName> {
        self.first_name.as_ref()
    }
    /// `lastName`, if given.
    pub fn last_name(&self) -> Option<&PersonName> {
        self.last_name.as_ref()
    }
    /// `externalId`, if given.
    pub fn external_id(&self) -> Option<&ExternalId> {
        self.external_id.as_ref()
    }
    /// `externalData`, if given.
    pub fn external_data(&self) -> Option<&CustomData> {
        self.external_data.as_ref()
    }
    /// `customerIP`, if given.
    pub fn customer_ip(&self) -> Option<CustomerIp> {
        self.customer_ip
    }
    /// `captchaValue`, if given.
    pub fn captcha_value(&self) -> Option<&CaptchaToken> {
        self.captcha_value.as_ref()
    }
}

impl<'a> ValidationResult<'a, ErrorCode> {
    /// The result of [`RegisterRequest::from_json`].
    pub fn of(result: &'a Result<RegisterRequest, ValidationReport>) -> Self {
        match result {
            Ok(request) => ValidationResult::valid(request.advisories()),
            Err(report) => ValidationResult::invalid(report),
        }
    }
}

/// Adds the optional fields to a [`RegisterRequest`].
#[derive(Clone, Debug)]
#[must_use]
pub struct RegisterRequestBuilder(RegisterRequest);

/// The builder's setters, one per optional field: each sets the field and hands the builder
/// back.
macro_rules! optional_setters {
    ($($field:ident: $ty:ty => $key:ident,)+) => {$(
        #[doc = concat!("Sets [`Field::", stringify!($key), "`].")]
        pub fn $field(mut self, value: $ty) -> Self {
            self.0.$field = Some(value);
            self
        }
    )+};
}

impl RegisterRequestBuilder {
    optional_setters! {
        first_name: PersonName => FirstName,
        last_name: PersonName => LastName,
        external_id: ExternalId => ExternalId,
        external_data: CustomData => ExternalData,
        customer_ip: CustomerIp => CustomerIp,
        captcha_value: CaptchaToken => CaptchaValue,
    }

    /// The request.
    pub fn build(self) -> RegisterRequest {
        self.0
    }
}

/// A field in [`RegisterRequest`]'s `Debug`: its type and length.
struct Redacted(&'static str, usize);

impl std::fmt::Debug for Redacted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        crate::value::redacted(f, self.0, self.1)
    }
}

impl std::fmt::Debug for RegisterRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let offer = |o: OfferId| Redacted("OfferId", o.as_str().len());
        let publisher = |p: PublisherId| Redacted("PublisherId", p.as_str().len());
        let text = |name, s: &str| Redacted(name, s.len());
        f.debug_struct("RegisterRequest")
            .field("email", &text("Email", self.email.as_str()))
            .field("password", &self.password)
            .field("offer", &self.offer_or_publisher.offer().map(offer))
            .field(
                "publisher",
                &self.offer_or_publisher.publisher().map(publisher),
            )
            .field("locale", &text("Locale", self.locale.as_str()))
            .field("country", &text("CountryCode", self.country.as_str()))
            .field("currency", &text("Currency", self.currency.as_str()))
            .field(
                "first_name",
                &self
                    .first_name
                    .as_ref()
                    .map(|n| text("PersonName", n.as_str())),
            )
            .field(
                "last_name",
                &self
                    .last_name
                    .as_ref()
                    .map(|n| text("PersonName", n.as_str())),
            )
            .field(
                "external_id",
                &self
                    .external_id
                    .as_ref()
                    .map(|i| text("ExternalId", i.as_str())),
            )
            .field(
                "external_data",
                &self
                    .external_data
                    .as_ref()
                    .map(|d| text("CustomData", d.as_str())),
            )
            .field(
                "customer_ip",
                &self
                    .customer_ip
                    .as_ref()
                    .map(|ip| text("CustomerIp", ip.as_str())),
            )
            .field(
                "captcha_value",
                &self
                    .captcha_value
                    .as_ref()
                    .map(|c| text("CaptchaToken", c.as_str())),
            )
            .finish()
    }
}

impl Serialize for RegisterRequest {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Every member named: a new one does not compile until it is written here.
        let RegisterRequest {
            email,
            password,
            offer_or_publisher,
            locale,
            country,
            currency,
            first_name,
            last_name,
            external_id,
            external_data,
            customer_ip,
            captcha_value,
        } = self;
        let (offer, publisher) = (offer_or_publisher.offer(), offer_or_publisher.publisher());
        let optional = [
            offer.is_some(),
            publisher.is_some(),
            first_name.is_some(),
            last_name.is_some(),
            external_id.is_some(),
            external_data.is_some(),
            customer_ip.is_some(),
            captcha_value.is_some(),
        ];
        let required = Field::ALL.iter().filter(|f| f.is_required()).count();
        let len = required + optional.iter().filter(|b| **b).count();
        let mut s = serializer.serialize_struct("RegisterRequest", len)?;
        fn opt<S: SerializeStruct, T: Serialize>(
            s: &mut S,
            field: Field,
            v: &Option<T>,
        ) -> Result<(), S::Error> {
            match v {
                Some(v) => s.serialize_field(field.as_str(), v),
                None => s.skip_field(field.as_str()),
            }
        }
        s.serialize_field(Field::Email.as_str(), email)?;
        s.serialize_field(Field::Password.as_str(), password)?;
        opt(&mut s, Field::OfferId, &offer)?;
        opt(&mut s, Field::PublisherId, &publisher)?;
        s.serialize_field(Field::Locale.as_str(), locale)?;
        s.serialize_field(Field::Country.as_str(), country)?;
        s.serialize_field(Field::Currency.as_str(), currency)?;
        opt(&mut s, Field::FirstName, first_name)?;
        opt(&mut s, Field::LastName, last_name)?;
        opt(&mut s, Field::ExternalId, external_id)?;
        opt(&mut s, Field::ExternalData, external_data)?;
        opt(&mut s, Field::CustomerIp, customer_ip)?;
        opt(&mut s, Field::CaptchaValue, captcha_value)?;
        s.end()
    }
}

/// Reads a body with any serde format under the default policy: the same as
/// [`RequestSeed::new(&Policy::default())`](RequestSeed), so the same codes as
/// [`RegisterRequest::from_json`].
///
/// serde cannot see the size of its input, so `maxBodyBytes` is not checked here: cap the
/// body before it reaches the deserializer, or use [`RegisterRequest::from_json`], which
/// checks it first.
impl<'de> Deserialize<'de> for RegisterRequest {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        RequestSeed::new(&Policy::default()).deserialize(deserializer)
    }
}

/// Reads a registration body with any serde format under a [`Policy`]: the serde form of
/// [`RegisterRequest::from_json`], with the same rules and codes. The serde error's message
/// lists every error as `pointer code` pairs (never a value); for the structured report use
/// `from_json`.
///
/// serde cannot see the size of its input, so `maxBodyBytes` is not checked here: cap the
/// body before it reaches the deserializer.
///
/// A format decodes strings its own way: serde_json decodes a string with escapes (a
/// password with `\/`) into a scratch buffer it frees without wiping.
/// [`RegisterRequest::from_json`] reads the body itself and leaves no such copy.
///
/// ```
/// use cleeng_register::request::RequestSeed;
/// use cleeng_register::Policy;
/// use serde::de::DeserializeSeed;
/// let policy = Policy::builder().allow_unknown_fields(true).build()?;
/// let body = r#"{"email":"jane@example.com","password":"s3cret-pass","publisherId":"123456789",
///               "locale":"en_US","country":"US","currency":"USD","plan":"gold"}"#;
/// let request = RequestSeed::new(&policy).deserialize(&mut serde_json::Deserializer::from_str(body))?;
/// assert_eq!(request.country().as_str(), "US");
///
/// let err = RequestSeed::new(&policy)
///     .deserialize(&mut serde_json::Deserializer::from_str(r#"{"email":"jane@example"}"#))
///     .unwrap_err();
/// assert!(err.to_string().starts_with(r#"invalid body: "/email" invalid_format; "/password" missing"#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Copy, Clone, Debug)]
pub struct RequestSeed<'p> {
    policy: &'p Policy,
}

impl<'p> RequestSeed<'p> {
    /// A seed that reads bodies under `policy`.
    pub fn new(policy: &'p Policy) -> Self {
        RequestSeed { policy }
    }
}

impl<'de> DeserializeSeed<'de> for RequestSeed<'_> {
    type Value = RegisterRequest;

    fn deserialize<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<RegisterRequest, D::Error> {
        let mut raw = RawBody::default();
        deserializer.deserialize_any(BodyVisitor {
            keys: Keys::new(self.policy),
            body: &mut raw,
        })?;
        Checker::new(self.policy, None)
            .check(&mut raw)
            .map_err(de::Error::custom)
    }
}
