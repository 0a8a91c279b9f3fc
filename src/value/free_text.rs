//! The free-text fields: `firstName`, `lastName` and `externalId`, which share one set of
//! character rules and differ only in length.

use crate::error::{ValueError, Wording};

static NAME_WORDING: Wording = Wording::new("name", "has an invalid format");
static EXTERNAL_ID_WORDING: Wording = Wording::new("external id", "has an invalid format");
use crate::value::{check_free_text, owned_text};

/// A customer's first or last name: 1 to 50 characters, no control character (Unicode `Cc`,
/// or a bidirectional control U+202A..U+202E, U+2066..U+2069), no White_Space at either end.
///
/// ```
/// use cleeng_register::{ErrorCode, PersonName};
/// assert_eq!(PersonName::parse("Zoë")?.as_str(), "Zoë");
/// assert_eq!(PersonName::parse("\u{a0}Zoë").unwrap_err().code(), ErrorCode::SurroundingWhitespace);
/// assert_eq!(PersonName::parse("Zo\u{202e}ë").unwrap_err().code(), ErrorCode::ControlCharacter);
/// # Ok::<(), cleeng_register::ValueError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PersonName(String);

impl PersonName {
    /// The most characters allowed.
    pub const MAX_CHARS: usize = 50;
}

fn check_name(s: &str) -> Result<(), ValueError> {
    check_free_text(s, PersonName::MAX_CHARS).map_err(|v| ValueError::new(&NAME_WORDING, v))
}

owned_text!(PersonName, "a person's name", check_name);

/// An id of the customer in another system: 1 to 255 characters, with the same character
/// rules as [`PersonName`](crate::PersonName).
///
/// Cleeng wants it unique per publisher; that needs storage, so one request cannot check it.
///
/// ```
/// use cleeng_register::{ErrorCode, ExternalId};
/// assert_eq!(ExternalId::parse("crm-42")?.as_str(), "crm-42");
/// assert_eq!(ExternalId::parse("").unwrap_err().code(), ErrorCode::TooShort);
/// # Ok::<(), cleeng_register::ValueError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ExternalId(String);

impl ExternalId {
    /// The most characters allowed.
    pub const MAX_CHARS: usize = 255;
}

fn check_external_id(s: &str) -> Result<(), ValueError> {
    check_free_text(s, ExternalId::MAX_CHARS).map_err(|v| ValueError::new(&EXTERNAL_ID_WORDING, v))
}

owned_text!(ExternalId, "an external id", check_external_id);
