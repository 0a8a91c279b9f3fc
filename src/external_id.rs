//! `externalId`.

use crate::error::{Field, ValueError};
use crate::text::{check_free_text, owned_text};

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

fn check(s: &str) -> Result<(), ValueError> {
    check_free_text(s, ExternalId::MAX_CHARS)
        .map_err(|v| ValueError::new("external id", Some(Field::ExternalId), v))
}

owned_text!(ExternalId, "an external id", check);
