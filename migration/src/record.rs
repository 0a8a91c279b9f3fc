//! One record of the template, checked column by column with the crate's domain types.

use crate::column::Column;
use cleeng_register::error::{Violation, Wording};
use cleeng_register::policy::CustomerIpRule;
use cleeng_register::{
    CountryCode, Currency, CustomerIp, Email, ExternalId, Locale, PersonName, Policy, ValueError,
};

use crate::code::ColumnCode;
use crate::date::DATE_WORDING;
use crate::report::{RecordAdvisory, RecordError};
use crate::{CalendarDate, MigrationErrorCode, PasswordHash, RecordParams, TimeZoneName};

/// A record's currency: given, or left empty for Cleeng's default.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum RecordCurrency {
    /// The `Currency` column's code.
    Given(Currency),
    /// The column is empty: Cleeng imports the customer with EUR (the advisory
    /// `currency_defaulted`).
    Defaulted,
}

impl RecordCurrency {
    /// The currency Cleeng will use.
    pub fn currency(self) -> Currency {
        match self {
            RecordCurrency::Given(c) => c,
            RecordCurrency::Defaulted => euro(),
        }
    }
}

fn euro() -> Currency {
    Currency::from_iso(iso_currency::Currency::EUR).expect("EUR is in circulation")
}

/// One valid record of Cleeng's Users migration template. Optional columns left empty are
/// `None`.
///
/// Build it with [`UsersFile`](super::UsersFile) (which also finds repeated values across the
/// file) or, for one record alone, [`RecordRules::check`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct UserRecord {
    /// `First Name`.
    pub first_name: Option<PersonName>,
    /// `Last Name`.
    pub last_name: Option<PersonName>,
    /// `Email`.
    pub email: Email,
    /// `Locale`.
    pub locale: Locale,
    /// `Last login`.
    pub last_login: Option<CalendarDate>,
    /// `Create date`.
    pub create_date: Option<CalendarDate>,
    /// `Country Code`.
    pub country: CountryCode,
    /// `Currency`.
    pub currency: RecordCurrency,
    /// `IP Address`.
    pub ip_address: Option<CustomerIp>,
    /// `Timezone` (Cleeng's default, `Europe/Amsterdam`, when `None`).
    pub time_zone: Option<TimeZoneName>,
    /// `External ID`.
    pub external_id: Option<ExternalId>,
    /// `Password Hash`.
    pub password_hash: Option<PasswordHash>,
}

impl UserRecord {
    /// The record's advisories, in report order: `currency_defaulted` when `Currency` is
    /// empty, `customer_ip_not_public` when `IP Address` is not globally reachable.
    pub fn advisories(&self) -> impl Iterator<Item = RecordAdvisory> + '_ {
        RecordAdvisory::ALL.into_iter().filter(|a| match a {
            RecordAdvisory::CurrencyDefaulted => self.currency == RecordCurrency::Defaulted,
            RecordAdvisory::CustomerIpNotPublic => self
                .ip_address
                .is_some_and(|ip| !ip.is_globally_reachable()),
        })
    }

    /// The key `Email` must be unique by: the mailbox ([`mailbox_key`](crate::mailbox_key)).
    pub fn email_key(&self) -> String {
        let mut key = String::new();
        crate::mailbox_key(self.email.as_str(), &mut key);
        key
    }
}

/// The rules of one record: the policy (allow-lists, international email, when the IP
/// address is required) and the day of the check (`in_future`).
///
/// ```
/// use cleeng_register_migration::{CalendarDate, RecordRules};
/// use cleeng_register::Policy;
/// let rules = RecordRules::new(Policy::default(), "2025-06-30".parse()?);
/// let record = rules.check([
///     "Jane", "Doe", "jane@example.com", "en_US", "2025-06-01", "2020-01-15",
///     "US", "USD", "8.8.8.8", "America/New_York", "crm-1", "",
/// ]).unwrap();
/// assert_eq!(record.country.as_str(), "US");
///
/// let errors = rules.check([
///     "", "", "jane@example.com", "en_US", "", "2025-07-01",
///     "US", "", "", "", "", "",
/// ]).unwrap_err();
/// let found: Vec<_> = errors.iter().map(|e| (e.column_name(), e.code().as_str())).collect();
/// assert_eq!(found, [("Create date", "in_future"), ("IP Address", "missing")]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct RecordRules {
    policy: Policy,
    today: CalendarDate,
}

/// Where an IP address is needed whatever the policy says: Cleeng's tax rules.
const IP_REQUIRED_FOR: [&str; 2] = ["US", "CA"];

impl RecordRules {
    /// The rules under `policy`, checking dates against `today`.
    pub fn new(policy: Policy, today: CalendarDate) -> Self {
        RecordRules { policy, today }
    }

    /// The policy.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// The day of the check.
    pub fn today(&self) -> CalendarDate {
        self.today
    }

    /// Checks one record's values, given in the template's column order
    /// ([`Column::ALL`]). Each column reports its first failing rule; the errors come in
    /// column order.
    pub fn check(&self, values: [&str; Column::COUNT]) -> Result<UserRecord, Vec<RecordError>> {
        let mut errors = Vec::new();
        // `check_into` gives a record exactly when it pushed no error.
        self.check_into(values, &mut errors).ok_or(errors)
    }

    /// As [`check`](Self::check), pushing the errors onto `errors`; `Some` only when there
    /// are none.
    pub(crate) fn check_into(
        &self,
        values: [&str; Column::COUNT],
        errors: &mut Vec<RecordError>,
    ) -> Option<UserRecord> {
        let [first_name, last_name, email, locale, last_login, create_date, country, currency, ip_address, time_zone, external_id, password_hash] =
            values;
        let mut c = Checker { errors };
        let first_name = c.optional(Column::FirstName, first_name, PersonName::parse);
        let last_name = c.optional(Column::LastName, last_name, PersonName::parse);
        let international = self.policy.allow_international_email();
        let email = c.required(Column::Email, email, |s| match international {
            true => Email::parse_international(s),
            false => Email::parse(s),
        });
        let locale = c.required(Column::Locale, locale, |s| {
            let locale = Locale::parse(s)?;
            self.policy
                .allows_locale(&locale)
                .then_some(locale)
                .ok_or_else(not_supported)
        });
        let last_login = c.optional(Column::LastLogin, last_login, |s| self.date(s));
        let create_date = c.optional(Column::CreateDate, create_date, |s| {
            let date = self.date(s)?;
            match last_login {
                Ok(Some(login)) if date > login => Err(ValueError::new(
                    &DATE_WORDING,
                    Violation::new(MigrationErrorCode::InvalidOrder),
                )),
                _ => Ok(date),
            }
        });
        let country = c.required(Column::CountryCode, country, CountryCode::parse);
        let currency = if currency.is_empty() {
            // Cleeng's default must pass the allow-list like a given currency.
            if self.policy.allows_currency(euro()) {
                Ok(RecordCurrency::Defaulted)
            } else {
                c.fail(RecordError::new(
                    Some(Column::Currency),
                    MigrationErrorCode::NotSupported,
                    RecordParams::NONE,
                ))
            }
        } else {
            c.required(Column::Currency, currency, |s| {
                let currency = Currency::parse(s)?;
                self.policy
                    .allows_currency(currency)
                    .then_some(RecordCurrency::Given(currency))
                    .ok_or_else(not_supported)
            })
        };
        let ip_address = match self.ip_requirement(&country) {
            Some(why) if ip_address.is_empty() => c.fail(
                RecordError::new(
                    Some(Column::IpAddress),
                    MigrationErrorCode::Missing,
                    RecordParams::NONE,
                )
                .saying(why),
            ),
            _ => c.optional(Column::IpAddress, ip_address, CustomerIp::parse),
        };
        let time_zone = c.optional(Column::Timezone, time_zone, TimeZoneName::parse);
        let external_id = c.optional(Column::ExternalId, external_id, ExternalId::parse);
        let password_hash = c.optional(Column::PasswordHash, password_hash, PasswordHash::parse);
        Some(UserRecord {
            first_name: first_name.ok()?,
            last_name: last_name.ok()?,
            email: email.ok()?,
            locale: locale.ok()?,
            last_login: last_login.ok()?,
            create_date: create_date.ok()?,
            country: country.ok()?,
            currency: currency.ok()?,
            ip_address: ip_address.ok()?,
            time_zone: time_zone.ok()?,
            external_id: external_id.ok()?,
            password_hash: password_hash.ok()?,
        })
    }

    fn date(&self, s: &str) -> Result<CalendarDate, ValueError<MigrationErrorCode>> {
        let date = CalendarDate::parse(s)?;
        if date > self.today {
            return Err(ValueError::new(
                &DATE_WORDING,
                Violation::new(MigrationErrorCode::InFuture),
            ));
        }
        Ok(date)
    }

    /// Whether an empty `IP Address` is refused, and the sentence that says why: US and CA
    /// always (Cleeng's tax), other countries when the policy's `customerIp` rule says so.
    /// An invalid country silences the country's part, not a policy that requires it always.
    fn ip_requirement(&self, country: &Result<CountryCode, ()>) -> Option<&'static str> {
        const FOR_TAX: &str =
            "is required for this Country Code (Cleeng needs it for US and Canadian tax)";
        const BY_POLICY: &str = "is required by this service's policy";
        const BY_POLICY_HERE: &str = "is required for this Country Code by this service's policy";
        let rule = self.policy.customer_ip();
        match country {
            Ok(country) if IP_REQUIRED_FOR.contains(&country.as_str()) => Some(FOR_TAX),
            _ if *rule == CustomerIpRule::Required => Some(BY_POLICY),
            Ok(country) if rule.requires(*country) => Some(BY_POLICY_HERE),
            _ => None,
        }
    }
}

fn not_supported() -> ValueError {
    ValueError::new(
        &Wording::GENERIC,
        Violation::new(cleeng_register::ErrorCode::NotSupported),
    )
}

/// Collects the errors of one record, in the order the columns are checked.
struct Checker<'e> {
    errors: &'e mut Vec<RecordError>,
}

impl Checker<'_> {
    fn fail<T>(&mut self, error: RecordError) -> Result<T, ()> {
        self.errors.push(error);
        Err(())
    }

    fn value<T, C: ColumnCode>(
        &mut self,
        column: Column,
        value: &str,
        parse: impl FnOnce(&str) -> Result<T, ValueError<C>>,
    ) -> Result<T, ()> {
        parse(value).map_err(|e| {
            // Each column reports the first broken rule, worded by the value's type.
            self.errors.push(RecordError::from_value(column, &e));
        })
    }

    /// Empty is `missing`.
    fn required<T, C: ColumnCode>(
        &mut self,
        column: Column,
        value: &str,
        parse: impl FnOnce(&str) -> Result<T, ValueError<C>>,
    ) -> Result<T, ()> {
        if value.is_empty() {
            let missing = MigrationErrorCode::Missing;
            return self.fail(RecordError::new(Some(column), missing, RecordParams::NONE));
        }
        self.value(column, value, parse)
    }

    /// Empty is `None`.
    fn optional<T, C: ColumnCode>(
        &mut self,
        column: Column,
        value: &str,
        parse: impl FnOnce(&str) -> Result<T, ValueError<C>>,
    ) -> Result<Option<T>, ()> {
        if value.is_empty() {
            return Ok(None);
        }
        self.value(column, value, parse).map(Some)
    }
}
