//! One record of the template, checked column by column with the crate's domain types.

use std::borrow::Cow;

use super::column::Column;
use super::date::DATE_RULES;
use super::report::{RecordAdvisory, RecordError};
use super::{CalendarDate, PasswordHash, TimeZoneName};
use crate::error::Rules;
use crate::{
    CountryCode, Currency, CustomerIp, Email, ErrorCode, ExternalId, Locale, PersonName, Policy,
    ValueError, Violation,
};

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

    /// The key `Email` must be unique by: the address with ASCII letters lowercased.
    pub fn email_key(&self) -> String {
        self.email.as_str().to_ascii_lowercase()
    }
}

/// The rules of one record: the policy (allow-lists, international email, when the IP
/// address is required) and the day of the check (`in_future`).
///
/// ```
/// use cleeng_register::migration::{CalendarDate, RecordRules};
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
        let email = c.required(Column::Email, email, |s| {
            Email::parse_with(Cow::Borrowed(s), international)
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
                    &DATE_RULES,
                    Violation::new(ErrorCode::InvalidOrder),
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
                c.fail(Column::Currency, Violation::new(ErrorCode::NotSupported))
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
        let ip_address = if ip_address.is_empty() && self.requires_ip(&country) {
            c.fail(Column::IpAddress, Violation::new(ErrorCode::Missing))
        } else {
            c.optional(Column::IpAddress, ip_address, CustomerIp::parse)
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

    fn date(&self, s: &str) -> Result<CalendarDate, ValueError> {
        let date = CalendarDate::parse(s)?;
        if date > self.today {
            return Err(ValueError::new(
                &DATE_RULES,
                Violation::new(ErrorCode::InFuture),
            ));
        }
        Ok(date)
    }

    /// US and CA always; other countries when the policy's `customerIp` rule says so. An
    /// invalid country silences the country's part, not a policy that requires it always.
    fn requires_ip(&self, country: &Result<CountryCode, ()>) -> bool {
        match country {
            Ok(country) => {
                IP_REQUIRED_FOR.contains(&country.as_str())
                    || self.policy.customer_ip().requires(*country)
            }
            Err(()) => *self.policy.customer_ip() == crate::CustomerIpRule::Required,
        }
    }
}

fn not_supported() -> ValueError {
    ValueError::new(&Rules::GENERIC, Violation::new(ErrorCode::NotSupported))
}

/// Collects the errors of one record, in the order the columns are checked.
struct Checker<'e> {
    errors: &'e mut Vec<RecordError>,
}

impl Checker<'_> {
    fn fail<T>(&mut self, column: Column, violation: Violation) -> Result<T, ()> {
        self.errors.push(RecordError::new(Some(column), violation));
        Err(())
    }

    fn value<T>(
        &mut self,
        column: Column,
        value: &str,
        parse: impl FnOnce(&str) -> Result<T, ValueError>,
    ) -> Result<T, ()> {
        parse(value).map_err(|e| {
            // Each column reports the first broken rule, worded by the value's type.
            self.errors.push(RecordError::from_value(column, &e));
        })
    }

    /// Empty is `missing`.
    fn required<T>(
        &mut self,
        column: Column,
        value: &str,
        parse: impl FnOnce(&str) -> Result<T, ValueError>,
    ) -> Result<T, ()> {
        if value.is_empty() {
            return self.fail(column, Violation::new(ErrorCode::Missing));
        }
        self.value(column, value, parse)
    }

    /// Empty is `None`.
    fn optional<T>(
        &mut self,
        column: Column,
        value: &str,
        parse: impl FnOnce(&str) -> Result<T, ValueError>,
    ) -> Result<Option<T>, ()> {
        if value.is_empty() {
            return Ok(None);
        }
        self.value(column, value, parse).map(Some)
    }
}
