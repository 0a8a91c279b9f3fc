//! A service's own rules ([`ServiceRules`]): checks a service adds to the crate's, run in the
//! same pass and reported in the same [`ValidationReport`], each with the service's own
//! [`ServiceCode`].
//!
//! A rule is attached to a field and sees that field's value as its type, already valid (an
//! [`Email`], a [`PersonName`]), or to the whole request for a rule across fields:
//!
//! - A field's rules run only when the crate's own rules for that field passed (a
//!   `not_supported` locale or currency included), in the order they were added, until one
//!   refuses: a field reports at most one of them. The error lands in report order with the
//!   crate's, right after the field's place.
//! - A request's rules run only when the whole request is valid by the crate's rules and by
//!   every field's rules; each reports at the field it names, and their errors are put in field
//!   order.
//! - A rule answers `Ok(())`, or `Err(params)` with the [`Params`] its error carries
//!   (`Params::NONE`, a `max`, a `suggestion`). Its message is its code's
//!   [`ServiceMessage`](crate::error::ServiceMessage), a fixed sentence: no service error ever
//!   repeats a submitted value.
//! - Errors count towards the policy's `maxErrors` like the crate's.
//!
//! [`messages::document_with`](crate::messages::document_with) lists the rules with the
//! crate's, and [`schema::result_schema_with`](crate::schema::result_schema_with) adds their
//! codes to the result's code list. The cookbook's [recipe](crate::cookbook#a-services-own-rules)
//! refuses disposable email domains.
//!
//! ```
//! use cleeng_register::error::{Params, ServiceCode, ServiceMessage};
//! use cleeng_register::service_rule::ServiceRules;
//! use cleeng_register::{ErrorCode, Field, Policy, RegisterRequest};
//!
//! static NAME_REQUIRED_IN_PL: ServiceCode =
//!     ServiceCode::new("name_required_in_pl", ServiceMessage::new("is required in Poland"));
//!
//! let rules = ServiceRules::new().request(Field::FirstName, &NAME_REQUIRED_IN_PL, |request| {
//!     match (request.country().as_str(), request.first_name()) {
//!         ("PL", None) => Err(Params::NONE),
//!         _ => Ok(()),
//!     }
//! });
//! let body = br#"{"email":"jan@example.com","password":"s3cret-pass","publisherId":"123456789",
//!                 "locale":"pl_PL","country":"PL","currency":"PLN"}"#;
//! let report = RegisterRequest::from_json_with_rules(body, &Policy::default(), &rules).unwrap_err();
//! assert!(report.contains("/firstName", ErrorCode::Service(&NAME_REQUIRED_IN_PL)));
//! assert_eq!(report.errors()[0].message(), "firstName is required in Poland");
//! ```

use std::fmt;
use std::sync::Arc;

use crate::error::{ErrorCode, Params, ServiceCode, Violation};
use crate::field::Field;
use crate::policy::Policy;
use crate::report::{FieldError, ValidationReport};
use crate::request::{CheckedField, RegisterRequest, ServiceChecks};
use crate::value::{
    CountryCode, Currency, CustomData, CustomerIp, Email, ExternalId, Locale, OfferId, Password,
    PersonName, PublisherId,
};

/// What a rule runs: `Ok(())` when the value keeps the rule, `Err(params)` when it breaks it.
type Check<T> = Arc<dyn Fn(&T) -> Result<(), Params> + Send + Sync>;

/// One rule: the code it reports and its check.
struct Rule<T: ?Sized> {
    code: &'static ServiceCode,
    check: Check<T>,
}

// Not derived: a derive would ask `T: Clone`, and the check is shared, not cloned.
impl<T: ?Sized> Clone for Rule<T> {
    fn clone(&self) -> Self {
        Rule {
            code: self.code,
            check: Arc::clone(&self.check),
        }
    }
}

impl<T: ?Sized> Rule<T> {
    fn new(
        code: &'static ServiceCode,
        check: impl Fn(&T) -> Result<(), Params> + Send + Sync + 'static,
    ) -> Self {
        Rule {
            code,
            check: Arc::new(check),
        }
    }
}

/// The first refusal of `rules` for `value`.
fn first_refusal<T: ?Sized>(rules: &[Rule<T>], value: &T) -> Option<Violation> {
    rules.iter().find_map(|rule| {
        (rule.check)(value)
            .err()
            .map(|params| Violation::with(ErrorCode::Service(rule.code), params))
    })
}

/// A service's rules: per field, checks of that field's valid value, and checks of the whole
/// valid request, each reporting a [`ServiceCode`] of the service's own. Made once when the
/// service starts (cloning is cheap: the checks are shared), then given to
/// [`RegisterRequest::from_json_with_rules`] or to the axum extractor's configuration.
///
/// The module's documentation says when each rule runs and where its error lands.
///
/// ```
/// use cleeng_register::error::{Params, ServiceCode, ServiceMessage};
/// use cleeng_register::service_rule::ServiceRules;
/// use cleeng_register::{ErrorCode, Policy, RegisterRequest};
///
/// static CRM_ID: ServiceCode = ServiceCode::new(
///     "crm_id_format",
///     ServiceMessage::new("must be CRM- and 6 digits"),
/// );
/// let rules = ServiceRules::new().external_id(&CRM_ID, |id| {
///     let digits = id.as_str().strip_prefix("CRM-").unwrap_or("");
///     if digits.len() == 6 && digits.bytes().all(|b| b.is_ascii_digit()) {
///         Ok(())
///     } else {
///         Err(Params::NONE)
///     }
/// });
/// let body = br#"{"email":"jane@example.com","password":"s3cret-pass","publisherId":"123456789",
///                 "locale":"en_US","country":"US","currency":"USD","externalId":"42"}"#;
/// let report = RegisterRequest::from_json_with_rules(body, &Policy::default(), &rules).unwrap_err();
/// let error = &report.errors()[0];
/// assert_eq!((error.pointer(), error.code().as_str()), ("/externalId", "crm_id_format"));
/// assert_eq!(error.message(), "externalId must be CRM- and 6 digits");
/// ```
#[derive(Clone, Default)]
#[must_use]
pub struct ServiceRules {
    fields: ByField,
    request: Vec<(Field, Rule<RegisterRequest>)>,
}

/// Generates the per-field store of rules and the method that adds one: per row the method
/// (the request's accessor), the value type it sees and the [`Field`] (and
/// [`CheckedField`]) variant. A row's type must be the one the checker hands over, or it does
/// not compile.
macro_rules! by_field {
    ($($method:ident: $ty:ty => $field:ident,)+) => {
        /// Each field's rules.
        #[derive(Clone, Default)]
        struct ByField {
            $( $method: Vec<Rule<$ty>>, )+
        }

        impl ByField {
            const fn new() -> Self {
                ByField { $( $method: Vec::new(), )+ }
            }

            /// The field's first refusal of `value`.
            fn first_refusal(&self, value: CheckedField<'_>) -> Option<(Field, Violation)> {
                match value {
                    $( CheckedField::$field(v) => {
                        first_refusal(&self.$method, v).map(|refusal| (Field::$field, refusal))
                    } )+
                }
            }

            /// The codes of the field's rules, in the order they run.
            fn codes(&self, field: Field) -> Vec<&'static ServiceCode> {
                match field {
                    $( Field::$field => self.$method.iter().map(|rule| rule.code).collect(), )+
                    // Its token reaches a request rule only (see `CheckedField`).
                    Field::CaptchaValue => Vec::new(),
                }
            }
        }

        impl ServiceRules {
            $(
                #[doc = concat!(
                    "Adds a rule about [`Field::", stringify!($field), "`]: `check` sees the ",
                    "field's [`", stringify!($ty), "`] when it passed the crate's rules and the ",
                    "field's earlier rules, and answers `Err(params)` to report `code` there."
                )]
                pub fn $method(
                    mut self,
                    code: &'static ServiceCode,
                    check: impl Fn(&$ty) -> Result<(), Params> + Send + Sync + 'static,
                ) -> Self {
                    self.fields.$method.push(Rule::new(code, check));
                    self
                }
            )+
        }
    };
}

by_field! {
    email: Email => Email,
    password: Password => Password,
    offer_id: OfferId => OfferId,
    publisher_id: PublisherId => PublisherId,
    locale: Locale => Locale,
    country: CountryCode => Country,
    currency: Currency => Currency,
    first_name: PersonName => FirstName,
    last_name: PersonName => LastName,
    external_id: ExternalId => ExternalId,
    external_data: CustomData => ExternalData,
    customer_ip: CustomerIp => CustomerIp,
}

impl ServiceRules {
    /// No rules: the crate's alone.
    pub const fn new() -> Self {
        ServiceRules {
            fields: ByField::new(),
            request: Vec::new(),
        }
    }

    /// Adds a rule about the whole request, for a check across fields (or of `captchaValue`):
    /// `check` sees the request when it is valid by every other rule, and answers
    /// `Err(params)` to report `code` at `field`.
    pub fn request(
        mut self,
        field: Field,
        code: &'static ServiceCode,
        check: impl Fn(&RegisterRequest) -> Result<(), Params> + Send + Sync + 'static,
    ) -> Self {
        self.request.push((field, Rule::new(code, check)));
        self
    }

    /// Whether there are no rules.
    pub fn is_empty(&self) -> bool {
        self.request.is_empty() && Field::ALL.iter().all(|&f| self.fields.codes(f).is_empty())
    }

    /// The codes the rules can report at `field`: the field's rules in the order they run,
    /// then the request's rules that report there.
    ///
    /// ```
    /// use cleeng_register::error::{ServiceCode, ServiceMessage};
    /// use cleeng_register::service_rule::ServiceRules;
    /// use cleeng_register::Field;
    /// static NOT_TEST: ServiceCode = ServiceCode::new("test_address", ServiceMessage::new("must not be a test address"));
    /// let rules = ServiceRules::new().email(&NOT_TEST, |email| match email.domain() {
    ///     "example.com" => Err(Default::default()),
    ///     _ => Ok(()),
    /// });
    /// assert_eq!(rules.codes_at(Field::Email), [&NOT_TEST]);
    /// assert!(rules.codes_at(Field::Password).is_empty());
    /// ```
    pub fn codes_at(&self, field: Field) -> Vec<&'static ServiceCode> {
        let mut codes = self.fields.codes(field);
        codes.extend(
            self.request
                .iter()
                .filter(|(at, _)| *at == field)
                .map(|(_, rule)| rule.code),
        );
        codes
    }

    /// Every code the rules can report, each once, in field order.
    pub fn codes(&self) -> Vec<&'static ServiceCode> {
        let mut codes: Vec<&'static ServiceCode> = Vec::new();
        for field in Field::ALL {
            for code in self.codes_at(field) {
                if !codes.contains(&code) {
                    codes.push(code);
                }
            }
        }
        codes
    }
}

impl fmt::Debug for ServiceRules {
    /// The codes at each field that has rules; the checks are code.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut map = f.debug_map();
        for field in Field::ALL {
            let codes = self.codes_at(field);
            if !codes.is_empty() {
                let names: Vec<&str> = codes.iter().map(|c| c.as_str()).collect();
                map.entry(&field.as_str(), &names);
            }
        }
        map.finish()
    }
}

impl ServiceChecks for ServiceRules {
    fn check_field(&self, value: CheckedField<'_>) -> Option<FieldError> {
        let (field, violation) = self.fields.first_refusal(value)?;
        Some(FieldError::at_field(field, violation))
    }

    fn check_request(&self, request: &RegisterRequest) -> Vec<FieldError> {
        self.request
            .iter()
            .filter_map(|(field, rule)| {
                first_refusal(std::slice::from_ref(rule), request)
                    .map(|violation| FieldError::at_field(*field, violation))
            })
            .collect()
    }
}

impl RegisterRequest {
    /// As [`from_json`](Self::from_json), with a service's own `rules` run in the same pass:
    /// their errors are in the same report, in report order with the crate's.
    pub fn from_json_with_rules(
        body: &[u8],
        policy: &Policy,
        rules: &ServiceRules,
    ) -> Result<RegisterRequest, ValidationReport> {
        RegisterRequest::read_json(body, policy, None, rules)
    }

    /// As [`from_json_with_fallback_ip`](Self::from_json_with_fallback_ip), with a service's
    /// own `rules` run in the same pass (a `customerIP` rule sees the filled address).
    pub fn from_json_with_rules_and_fallback_ip(
        body: &[u8],
        policy: &Policy,
        rules: &ServiceRules,
        fallback: Option<CustomerIp>,
    ) -> Result<RegisterRequest, ValidationReport> {
        RegisterRequest::read_json(body, policy, fallback, rules)
    }
}
