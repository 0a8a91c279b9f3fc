//! A service's own choices on top of the fixed rules: allow-lists, limits, `customerIP`.

use serde::{Deserialize, Serialize};

use crate::value::field_value::ValueOptions;
pub use crate::value::ExternalDataLimits;
use crate::value::{CountryCode, Currency, Locale};

/// When `customerIP` must be given. Absent where required, it is the error `missing`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum CustomerIpRule {
    /// Never required (the default); an absent address is the advisory `customer_ip_missing`.
    #[default]
    Optional,
    /// Always required.
    Required,
    /// Required when `country` is one of these (say US and CA, where taxes need it).
    RequiredFor(Vec<CountryCode>),
}

impl CustomerIpRule {
    /// Whether a request for `country` must carry `customerIP`.
    pub fn requires(&self, country: CountryCode) -> bool {
        match self {
            CustomerIpRule::Optional => false,
            CustomerIpRule::Required => true,
            CustomerIpRule::RequiredFor(list) => list.contains(&country),
        }
    }
}

/// Why a policy was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PolicyError {
    /// An allow-list names a value its type refuses.
    #[error("{list}[{index}]: {value:?} is not {expected}")]
    InvalidEntry {
        /// `allowedCurrencies`, `allowedLocales` or `customerIp.requiredFor`.
        list: &'static str,
        /// Its position in the list.
        index: usize,
        /// The entry (policies are configuration, not personal data).
        value: String,
        /// What the entry should be.
        expected: &'static str,
    },
    /// An allow-list is empty, which would refuse every request.
    #[error("{0} must not be empty (leave it out to allow every value)")]
    EmptyList(&'static str),
    /// A limit is out of range.
    #[error("{name} must be between {min} and {max}, not {value}")]
    OutOfRange {
        /// The option.
        name: &'static str,
        /// Its value.
        value: u64,
        /// The least allowed.
        min: u64,
        /// The most allowed.
        max: u64,
    },
    /// The JSON form does not parse (unknown key, wrong type...).
    #[error("invalid policy: {0}")]
    Json(String),
}

/// What a service accepts beyond the fixed rules. `Policy::default()` is the rules'
/// default; build others with [`Policy::builder`] or from the JSON form, where keys are
/// camelCase and unknown keys are refused. Every policy that exists is valid.
///
/// ```
/// use cleeng_register::policy::{CustomerIpRule, Policy};
/// let policy: Policy = serde_json::from_str(r#"{
///     "allowedCurrencies": ["EUR", "USD"],
///     "customerIp": {"requiredFor": ["US", "CA"]},
///     "maxExternalDataDepth": 8
/// }"#)?;
/// assert!(policy.customer_ip().requires("US".parse()?));
/// assert!(serde_json::from_str::<Policy>(r#"{"allowedCurrencies": ["XTS"]}"#).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "PolicyJson", into = "PolicyJson")]
pub struct Policy {
    allowed_currencies: Option<Vec<Currency>>,
    allowed_locales: Option<Vec<Locale>>,
    allow_unknown_fields: bool,
    allow_international_email: bool,
    customer_ip: CustomerIpRule,
    max_body_bytes: usize,
    external_data: ExternalDataLimits,
    max_errors: usize,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            allowed_currencies: None,
            allowed_locales: None,
            allow_unknown_fields: false,
            allow_international_email: false,
            customer_ip: CustomerIpRule::Optional,
            max_body_bytes: Policy::DEFAULT_MAX_BODY_BYTES,
            external_data: ExternalDataLimits::DEFAULT,
            max_errors: Policy::DEFAULT_MAX_ERRORS,
        }
    }
}

impl Policy {
    /// The keys of the JSON form, in the order the contract lists them (a policy file holds
    /// any of them, and nothing else).
    ///
    /// ```
    /// use cleeng_register::Policy;
    /// assert!(Policy::KEYS.contains(&"maxErrors"));
    /// ```
    pub const KEYS: [&'static str; 9] = [
        "allowedCurrencies",
        "allowedLocales",
        "allowUnknownFields",
        "allowInternationalEmail",
        "customerIp",
        "maxBodyBytes",
        "maxExternalDataBytes",
        "maxExternalDataDepth",
        "maxErrors",
    ];

    /// The default `maxBodyBytes`.
    pub const DEFAULT_MAX_BODY_BYTES: usize = 65536;
    /// The greatest `maxBodyBytes` a policy may set (64 MiB).
    pub const MAX_BODY_BYTES_LIMIT: usize = 64 << 20;
    /// The default `maxErrors`.
    pub const DEFAULT_MAX_ERRORS: usize = 100;
    /// The greatest `maxErrors` a policy may set.
    pub const MAX_ERRORS_LIMIT: usize = 10_000;

    /// A builder starting from the default policy.
    ///
    /// ```
    /// use cleeng_register::policy::CustomerIpRule;
    /// use cleeng_register::{Currency, Policy};
    /// let policy = Policy::builder()
    ///     .allowed_currencies(["EUR".parse::<Currency>()?])
    ///     .customer_ip(CustomerIpRule::Required)
    ///     .build()?;
    /// assert!(policy.allows_currency("EUR".parse()?));
    /// assert!(!policy.allows_currency("USD".parse()?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn builder() -> PolicyBuilder {
        PolicyBuilder(Policy::default())
    }

    /// A builder starting from this policy, every setting kept: for a policy that differs in
    /// one setting (a service that fills `customerIP` publishes it as optional).
    ///
    /// ```
    /// use cleeng_register::policy::CustomerIpRule;
    /// use cleeng_register::Policy;
    /// let service = Policy::from_json(br#"{"allowedCurrencies":["EUR"],"customerIp":"required"}"#)?;
    /// let published = service.to_builder().customer_ip(CustomerIpRule::Optional).build()?;
    /// assert_eq!(published.customer_ip(), &CustomerIpRule::Optional);
    /// assert_eq!(published.allowed_currencies(), service.allowed_currencies());
    /// # Ok::<(), cleeng_register::policy::PolicyError>(())
    /// ```
    pub fn to_builder(&self) -> PolicyBuilder {
        PolicyBuilder(self.clone())
    }

    /// The currency allow-list, if any.
    pub fn allowed_currencies(&self) -> Option<&[Currency]> {
        self.allowed_currencies.as_deref()
    }

    /// The locale allow-list, if any.
    pub fn allowed_locales(&self) -> Option<&[Locale]> {
        self.allowed_locales.as_deref()
    }

    /// Whether `currency` passes the allow-list (always, without one).
    pub fn allows_currency(&self, currency: Currency) -> bool {
        self.allowed_currencies
            .as_ref()
            .is_none_or(|l| l.contains(&currency))
    }

    /// Whether `locale` passes the allow-list (always, without one).
    pub fn allows_locale(&self, locale: &Locale) -> bool {
        self.allowed_locales
            .as_ref()
            .is_none_or(|l| l.contains(locale))
    }

    /// Whether unknown keys are ignored rather than refused.
    pub fn allow_unknown_fields(&self) -> bool {
        self.allow_unknown_fields
    }

    /// Whether UTF-8 email addresses (RFC 6531) are admitted.
    pub fn allow_international_email(&self) -> bool {
        self.allow_international_email
    }

    /// When `customerIP` is required.
    pub fn customer_ip(&self) -> &CustomerIpRule {
        &self.customer_ip
    }

    /// The most bytes a body may have.
    pub fn max_body_bytes(&self) -> usize {
        self.max_body_bytes
    }

    /// The limits on `externalData`.
    pub fn external_data_limits(&self) -> ExternalDataLimits {
        self.external_data
    }

    /// The most errors a report lists before it ends with `too_many_errors`, so that a body
    /// of many unknown keys cannot make an answer many times its own size.
    pub fn max_errors(&self) -> usize {
        self.max_errors
    }

    /// What of the policy the value types' rules read.
    pub(crate) fn value_options(&self) -> ValueOptions<'_> {
        ValueOptions {
            international_email: self.allow_international_email,
            external_data: self.external_data,
            allowed_locales: self.allowed_locales(),
            allowed_currencies: self.allowed_currencies(),
        }
    }

    fn validate(self) -> Result<Policy, PolicyError> {
        let range = |name, value: usize, min: usize, max: usize| {
            if (min..=max).contains(&value) {
                Ok(())
            } else {
                Err(PolicyError::OutOfRange {
                    name,
                    value: value as u64,
                    min: min as u64,
                    max: max as u64,
                })
            }
        };
        range(
            "maxBodyBytes",
            self.max_body_bytes,
            2,
            Policy::MAX_BODY_BYTES_LIMIT,
        )?;
        range(
            "maxExternalDataBytes",
            self.external_data.max_bytes,
            2,
            Policy::MAX_BODY_BYTES_LIMIT,
        )?;
        range(
            "maxExternalDataDepth",
            self.external_data.max_depth,
            1,
            ExternalDataLimits::MAX_DEPTH_LIMIT,
        )?;
        range("maxErrors", self.max_errors, 1, Policy::MAX_ERRORS_LIMIT)?;
        if self.allowed_currencies.as_ref().is_some_and(Vec::is_empty) {
            return Err(PolicyError::EmptyList("allowedCurrencies"));
        }
        if self.allowed_locales.as_ref().is_some_and(Vec::is_empty) {
            return Err(PolicyError::EmptyList("allowedLocales"));
        }
        if matches!(&self.customer_ip, CustomerIpRule::RequiredFor(l) if l.is_empty()) {
            return Err(PolicyError::EmptyList("customerIp.requiredFor"));
        }
        Ok(self)
    }
}

/// Builds a [`Policy`]; [`PolicyBuilder::build`] checks the limits and lists.
#[derive(Clone, Debug)]
#[must_use]
pub struct PolicyBuilder(Policy);

impl PolicyBuilder {
    /// Only these currencies are supported (`not_supported` otherwise).
    pub fn allowed_currencies(mut self, list: impl IntoIterator<Item = Currency>) -> Self {
        self.0.allowed_currencies = Some(list.into_iter().collect());
        self
    }

    /// Only these locales are supported (`not_supported` otherwise).
    pub fn allowed_locales(mut self, list: impl IntoIterator<Item = Locale>) -> Self {
        self.0.allowed_locales = Some(list.into_iter().collect());
        self
    }

    /// Ignore unknown keys instead of refusing them.
    pub fn allow_unknown_fields(mut self, allow: bool) -> Self {
        self.0.allow_unknown_fields = allow;
        self
    }

    /// Admit UTF-8 email addresses (RFC 6531).
    pub fn allow_international_email(mut self, allow: bool) -> Self {
        self.0.allow_international_email = allow;
        self
    }

    /// When `customerIP` is required.
    pub fn customer_ip(mut self, rule: CustomerIpRule) -> Self {
        self.0.customer_ip = rule;
        self
    }

    /// The most bytes a body may have (2 to 64 MiB).
    pub fn max_body_bytes(mut self, bytes: usize) -> Self {
        self.0.max_body_bytes = bytes;
        self
    }

    /// The most bytes `externalData` may have (2 to 64 MiB).
    pub fn max_external_data_bytes(mut self, bytes: usize) -> Self {
        self.0.external_data.max_bytes = bytes;
        self
    }

    /// The deepest `externalData` may nest (1 to 100).
    pub fn max_external_data_depth(mut self, depth: usize) -> Self {
        self.0.external_data.max_depth = depth;
        self
    }

    /// `maxErrors` (1 to 10,000): the most errors a report lists.
    pub fn max_errors(mut self, max: usize) -> Self {
        self.0.max_errors = max;
        self
    }

    /// Checks and returns the policy.
    pub fn build(self) -> Result<Policy, PolicyError> {
        self.0.validate()
    }
}

/// The JSON form of a policy, with raw strings so that a refused entry can be named.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct PolicyJson {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    allowed_currencies: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    allowed_locales: Option<Vec<String>>,
    #[serde(default)]
    allow_unknown_fields: bool,
    #[serde(default)]
    allow_international_email: bool,
    #[serde(default)]
    customer_ip: CustomerIpJson,
    #[serde(default = "default_max_body")]
    max_body_bytes: usize,
    #[serde(default = "default_max_data")]
    max_external_data_bytes: usize,
    #[serde(default = "default_max_depth")]
    max_external_data_depth: usize,
    #[serde(default = "default_max_errors")]
    max_errors: usize,
}

fn default_max_errors() -> usize {
    Policy::DEFAULT_MAX_ERRORS
}
fn default_max_body() -> usize {
    Policy::DEFAULT_MAX_BODY_BYTES
}
fn default_max_data() -> usize {
    ExternalDataLimits::DEFAULT.max_bytes
}
fn default_max_depth() -> usize {
    ExternalDataLimits::DEFAULT.max_depth
}

#[derive(Default)]
enum CustomerIpJson {
    #[default]
    Optional,
    Required,
    RequiredFor(Vec<String>),
}

const CUSTOMER_IP_FORM: &str = r#""optional", "required" or {"requiredFor": ["US", ...]}"#;

impl Serialize for CustomerIpJson {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            CustomerIpJson::Optional => s.serialize_str("optional"),
            CustomerIpJson::Required => s.serialize_str("required"),
            CustomerIpJson::RequiredFor(list) => {
                let mut map = s.serialize_map(Some(1))?;
                map.serialize_entry("requiredFor", list)?;
                map.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for CustomerIpJson {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = CustomerIpJson;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "customerIp as {CUSTOMER_IP_FORM}")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
                match v {
                    "optional" => Ok(CustomerIpJson::Optional),
                    "required" => Ok(CustomerIpJson::Required),
                    _ => Err(E::custom(format_args!(
                        "customerIp must be {CUSTOMER_IP_FORM}"
                    ))),
                }
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Self::Value, A::Error> {
                use serde::de::Error;
                let mut list = None;
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    if key != "requiredFor" || list.is_some() {
                        return Err(A::Error::custom(format_args!(
                            "customerIp must be {CUSTOMER_IP_FORM}"
                        )));
                    }
                    list = Some(map.next_value::<Vec<String>>()?);
                }
                list.map(CustomerIpJson::RequiredFor).ok_or_else(|| {
                    A::Error::custom(format_args!("customerIp must be {CUSTOMER_IP_FORM}"))
                })
            }
        }
        d.deserialize_any(V)
    }
}

fn parse_list<T>(
    list: Vec<String>,
    name: &'static str,
    expected: &'static str,
    parse: impl Fn(&str) -> Option<T>,
) -> Result<Vec<T>, PolicyError> {
    let parsed = list.into_iter().enumerate().map(|(index, value)| {
        parse(&value).ok_or(PolicyError::InvalidEntry {
            list: name,
            index,
            value,
            expected,
        })
    });
    parsed.collect()
}

impl TryFrom<PolicyJson> for Policy {
    type Error = PolicyError;
    fn try_from(json: PolicyJson) -> Result<Policy, PolicyError> {
        let customer_ip = match json.customer_ip {
            CustomerIpJson::Optional => CustomerIpRule::Optional,
            CustomerIpJson::Required => CustomerIpRule::Required,
            CustomerIpJson::RequiredFor(required_for) => CustomerIpRule::RequiredFor(parse_list(
                required_for,
                "customerIp.requiredFor",
                "an assigned ISO 3166-1 alpha-2 code",
                |s| s.parse().ok(),
            )?),
        };
        Policy {
            allowed_currencies: json
                .allowed_currencies
                .map(|list| {
                    parse_list(
                        list,
                        "allowedCurrencies",
                        "an ISO 4217 currency in circulation",
                        |s| s.parse().ok(),
                    )
                })
                .transpose()?,
            allowed_locales: json
                .allowed_locales
                .map(|list| {
                    parse_list(list, "allowedLocales", "a locale such as en_US", |s| {
                        s.parse().ok()
                    })
                })
                .transpose()?,
            allow_unknown_fields: json.allow_unknown_fields,
            allow_international_email: json.allow_international_email,
            customer_ip,
            max_body_bytes: json.max_body_bytes,
            external_data: ExternalDataLimits::new(
                json.max_external_data_bytes,
                json.max_external_data_depth,
            ),
            max_errors: json.max_errors,
        }
        .validate()
    }
}

fn strings<T: AsRef<str>>(list: &[T]) -> Vec<String> {
    list.iter().map(|v| v.as_ref().to_owned()).collect()
}

impl From<Policy> for PolicyJson {
    fn from(p: Policy) -> PolicyJson {
        PolicyJson {
            allowed_currencies: p.allowed_currencies.as_deref().map(strings),
            allowed_locales: p.allowed_locales.as_deref().map(strings),
            allow_unknown_fields: p.allow_unknown_fields,
            allow_international_email: p.allow_international_email,
            customer_ip: match p.customer_ip {
                CustomerIpRule::Optional => CustomerIpJson::Optional,
                CustomerIpRule::Required => CustomerIpJson::Required,
                CustomerIpRule::RequiredFor(l) => CustomerIpJson::RequiredFor(strings(&l)),
            },
            max_body_bytes: p.max_body_bytes,
            max_external_data_bytes: p.external_data.max_bytes,
            max_external_data_depth: p.external_data.max_depth,
            max_errors: p.max_errors,
        }
    }
}

impl Policy {
    /// Reads the JSON form, mapping serde's error into [`PolicyError::Json`].
    ///
    /// ```
    /// let err = cleeng_register::Policy::from_json(br#"{"maxBodyBytes": 0}"#).unwrap_err();
    /// assert_eq!(err.to_string(), "invalid policy: maxBodyBytes must be between 2 and 67108864, not 0");
    /// ```
    pub fn from_json(bytes: &[u8]) -> Result<Policy, PolicyError> {
        serde_json::from_slice(bytes).map_err(|e| PolicyError::Json(e.to_string()))
    }
}
