//! `publisherId`: 9 digits.

use crate::error::{ErrorCode, ValueError, Violation, Wording};
use crate::value::field_value::{FieldText, FieldValue, Rule, ValueOptions};
use crate::value::{inline_code, AsciiBuf};
use serde_json::{json, Value};

static PUBLISHER_WORDING: Wording = Wording::new("publisher id", "must be exactly 9 digits");

/// A Cleeng publisher id: exactly 9 ASCII digits, leading zeros kept. Kept inline.
///
/// ```
/// use cleeng_register::{ErrorCode, PublisherId};
/// let id: PublisherId = "012345678".parse()?;
/// assert_eq!(id.as_str(), "012345678");
/// assert_eq!("12345678".parse::<PublisherId>().unwrap_err().code(), ErrorCode::InvalidFormat);
/// # Ok::<(), cleeng_register::ValueError>(())
/// ```
#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PublisherId(AsciiBuf<9>);

impl PublisherId {
    /// Parses 9 ASCII digits.
    pub fn parse(s: &str) -> Result<Self, ValueError> {
        let ok = s.len() == 9 && s.bytes().all(|b| b.is_ascii_digit());
        match AsciiBuf::new(s).filter(|_| ok) {
            Some(buf) => Ok(PublisherId(buf)),
            None => Err(ValueError::new(
                &PUBLISHER_WORDING,
                Violation::new(ErrorCode::InvalidFormat),
            )),
        }
    }

    /// The 9 digits.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

inline_code!(PublisherId, "a 9-digit publisher id");

impl FieldValue for PublisherId {
    fn from_field_text(text: FieldText<'_>, _: &ValueOptions<'_>) -> Result<Self, ValueError> {
        PublisherId::parse(&text)
    }

    fn rules(_: &ValueOptions<'_>) -> Vec<Rule> {
        vec![Rule::new(ErrorCode::InvalidFormat)]
    }

    fn schema(_: &ValueOptions<'_>) -> Value {
        json!({
            "type": "string",
            "description": "Cleeng publisher id: exactly 9 digits. Required when offerId is absent.",
            "pattern": "^[0-9]{9}$",
            "examples": ["123456789"],
        })
    }
}
