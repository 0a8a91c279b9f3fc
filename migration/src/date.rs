//! `Last login`, `Create date`: calendar dates written `YYYY-MM-DD`.

use std::fmt;

use std::str::FromStr;

use cleeng_register::error::{Violation, Wording};
use cleeng_register::ValueError;

use crate::MigrationErrorCode;

/// A date's rules, worded once for every way a date is refused.
pub(crate) static DATE_WORDING: Wording =
    Wording::new("date", "must be a real date written YYYY-MM-DD");

/// A calendar date written exactly `YYYY-MM-DD` (four, two and two ASCII digits) that exists
/// in the proleptic Gregorian calendar: `2024-02-29` is one, `2025-02-29` and `2025-02-30`
/// are not, and neither are `30/09/2025`, `2025-9-30` or `2025-09-30T10:00`. Years run from
/// 0000 to 9999, as four digits allow. Kept as a [`jiff::civil::Date`].
///
/// ```
/// use cleeng_register_migration::CalendarDate;
/// use cleeng_register_migration::MigrationErrorCode;
/// let leap: CalendarDate = "2024-02-29".parse()?;
/// assert_eq!(leap.date(), jiff::civil::date(2024, 2, 29));
/// assert_eq!(leap.to_string(), "2024-02-29");
/// assert_eq!("2025-02-29".parse::<CalendarDate>().unwrap_err().code(), MigrationErrorCode::InvalidFormat);
/// assert_eq!("30/09/2025".parse::<CalendarDate>().unwrap_err().code(), MigrationErrorCode::InvalidFormat);
/// # Ok::<(), cleeng_register::ValueError<cleeng_register_migration::MigrationErrorCode>>(())
/// ```
#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CalendarDate(jiff::civil::Date);

impl CalendarDate {
    /// Parses `YYYY-MM-DD`, a real date.
    pub fn parse(s: &str) -> Result<Self, ValueError<MigrationErrorCode>> {
        parse_digits(s.as_bytes())
            .and_then(|(y, m, d)| jiff::civil::Date::new(y, m, d).ok())
            .map(CalendarDate)
            .ok_or(ValueError::new(
                &DATE_WORDING,
                Violation::new(MigrationErrorCode::InvalidFormat),
            ))
    }

    /// The date.
    pub fn date(&self) -> jiff::civil::Date {
        self.0
    }
}

/// Only the fixed shape: jiff's own parser also admits other ISO 8601 and RFC 9557 forms
/// (`20250930`, `+002025-09-30`, a time after the date), which the template does not.
fn parse_digits(b: &[u8]) -> Option<(i16, i8, i8)> {
    let [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = *b else {
        return None;
    };
    let digits = [y1, y2, y3, y4, m1, m2, d1, d2];
    if !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let n = |bytes: &[u8]| {
        bytes
            .iter()
            .fold(0i16, |acc, b| acc * 10 + i16::from(b - b'0'))
    };
    // Two digits fit i8 (at most 99), four fit i16 (at most 9999).
    let month = i8::try_from(n(&[m1, m2])).ok()?;
    let day = i8::try_from(n(&[d1, d2])).ok()?;
    Some((n(&[y1, y2, y3, y4]), month, day))
}

impl From<jiff::civil::Date> for CalendarDate {
    /// Any jiff date; years outside 0000..=9999 print with a sign and six digits and do not
    /// parse back.
    fn from(date: jiff::civil::Date) -> Self {
        CalendarDate(date)
    }
}

impl fmt::Display for CalendarDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // jiff's Display is ISO 8601 `YYYY-MM-DD` for years 0000..=9999.
        fmt::Display::fmt(&self.0, f)
    }
}

impl fmt::Debug for CalendarDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CalendarDate({})", self.0)
    }
}

impl FromStr for CalendarDate {
    type Err = ValueError<MigrationErrorCode>;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        CalendarDate::parse(s)
    }
}

impl serde::Serialize for CalendarDate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}
