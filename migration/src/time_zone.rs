//! `Timezone`: an IANA time zone name.

use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use cleeng_register::error::{Violation, Wording};
use cleeng_register::ValueError;

use crate::MigrationErrorCode;

static TIME_ZONE_WORDING: Wording = Wording::new("time zone", "has an invalid format")
    .with_unknown_code("must be an IANA time zone name such as Europe/Amsterdam");

/// An IANA time zone name as the Time Zone Database spells it (`Europe/Amsterdam`,
/// `America/New_York`, `UTC`, and the database's links such as `US/Eastern`), checked against
/// the copy of the database bundled in the binary through `jiff` (no `/usr/share/zoneinfo`
/// needed, so every machine gives the same answer). The match is exact, case included:
/// `europe/amsterdam` is refused, as an importer comparing names would.
///
/// Kept as an index into the bundled list: one `u16`, no allocation.
///
/// ```
/// use cleeng_register_migration::TimeZoneName;
/// use cleeng_register_migration::MigrationErrorCode;
/// let tz: TimeZoneName = "America/New_York".parse()?;
/// assert_eq!(tz.as_str(), "America/New_York");
/// assert!("UTC".parse::<TimeZoneName>().is_ok());
/// assert_eq!("Mars/Olympus_Mons".parse::<TimeZoneName>().unwrap_err().code(), MigrationErrorCode::UnknownCode);
/// # Ok::<(), cleeng_register::ValueError<cleeng_register_migration::MigrationErrorCode>>(())
/// ```
#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TimeZoneName(u16);

/// The bundled names, sorted, read from jiff once.
fn names() -> &'static [Box<str>] {
    static NAMES: OnceLock<Box<[Box<str>]>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let db = jiff::tz::TimeZoneDatabase::bundled();
        let mut names: Vec<Box<str>> = db.available().map(|n| n.as_str().into()).collect();
        names.sort_unstable();
        names.dedup();
        names.into_boxed_slice()
    })
}

impl TimeZoneName {
    /// Cleeng's default when the column is empty.
    pub const CLEENG_DEFAULT: &'static str = "Europe/Amsterdam";

    /// Parses a name of the bundled Time Zone Database.
    pub fn parse(s: &str) -> Result<Self, ValueError<MigrationErrorCode>> {
        names()
            .binary_search_by(|name| name.as_ref().cmp(s))
            .ok()
            .and_then(|i| u16::try_from(i).ok())
            .map(TimeZoneName)
            .ok_or(ValueError::new(
                &TIME_ZONE_WORDING,
                Violation::new(MigrationErrorCode::UnknownCode),
            ))
    }

    /// The name.
    pub fn as_str(&self) -> &'static str {
        // Only `parse` makes a value, with an index into this very list.
        names()
            .get(usize::from(self.0))
            .map(AsRef::as_ref)
            .expect("a TimeZoneName indexes the bundled list")
    }

    /// The time zone, from the bundled database.
    pub fn time_zone(&self) -> jiff::tz::TimeZone {
        jiff::tz::TimeZoneDatabase::bundled()
            .get(self.as_str())
            .expect("a bundled name is in the bundled database")
    }

    /// Every bundled name, sorted.
    pub fn all() -> impl Iterator<Item = TimeZoneName> {
        (0..names().len())
            .filter_map(|i| u16::try_from(i).ok())
            .map(TimeZoneName)
    }
}

impl FromStr for TimeZoneName {
    type Err = ValueError<MigrationErrorCode>;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        TimeZoneName::parse(s)
    }
}

impl fmt::Display for TimeZoneName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for TimeZoneName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TimeZoneName({})", self.as_str())
    }
}

impl serde::Serialize for TimeZoneName {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}
