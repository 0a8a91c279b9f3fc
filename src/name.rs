//! `firstName`, `lastName`.

use crate::error::ValueError;
use crate::text::{check_free_text, owned_text};

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

fn check(s: &str) -> Result<(), ValueError> {
    check_free_text(s, PersonName::MAX_CHARS).map_err(|v| ValueError::new("name", None, v))
}

owned_text!(PersonName, "a person's name", check);
