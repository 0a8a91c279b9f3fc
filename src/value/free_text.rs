//! The free-text fields: `firstName`, `lastName` and `externalId`, which share one set of
//! character rules (no Cc, Bidi_Control, tag or line/paragraph separator character, no
//! White_Space at either end, at least one visible character: [`PersonName`] has the table)
//! and differ only in length.

use crate::error::{ValueError, Wording};

static NAME_WORDING: Wording = Wording::new("name", "has an invalid format");
static EXTERNAL_ID_WORDING: Wording = Wording::new("external id", "has an invalid format");
use crate::error::ErrorCode;
use crate::value::field_value::{FieldText, FieldValue, Rule, ValueOptions};
use crate::value::{check_free_text, owned_text};
use serde_json::{json, Value};

/// A customer's first or last name: 1 to 50 characters, no control character, no White_Space
/// at either end, and at least one visible character.
///
/// The rules are checked in this order, and the first that fails is the one reported:
/// `too_short` (empty), `too_long` (over 50 chars), `control_character`,
/// `surrounding_whitespace`, `no_visible_character`. A name of white space alone is
/// `surrounding_whitespace`; one of other invisible characters (`"\u{200B}"`, `"\u{3164}"`,
/// `"\u{FE0F}"`) is `no_visible_character`.
///
/// The characters are Unicode's own properties, decided from Unicode's data (ICU4X's
/// `icu_properties`, which `idna` brings; Rust's `char` methods for Cc and White_Space), as of
/// Unicode 18.0; a test compares this table with the data and every code point with the
/// validator:
///
/// | rule | where | property | code points |
/// |---|---|---|---|
/// | `control_character` | anywhere | Cc (General_Category Control) | U+0000..U+001F, U+007F..U+009F |
/// | `control_character` | anywhere | Bidi_Control | U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069 |
/// | `control_character` | anywhere | the Tags block (invisible copies of ASCII) | U+E0000..U+E007F |
/// | `control_character` | anywhere | Zl and Zp (line and paragraph separators) | U+2028, U+2029 |
/// | `surrounding_whitespace` | first or last character | White_Space | U+0009..U+000D, U+0020, U+0085, U+00A0, U+1680, U+2000..U+200A, U+2028, U+2029, U+202F, U+205F, U+3000 |
/// | `no_visible_character` | every character | Default_Ignorable_Code_Point, White_Space or Cf (General_Category Format) | U+00AD, U+200B, U+2060, U+3164, U+115F, U+180E, U+FE0F, U+FEFF, … |
///
/// ZWNJ (U+200C) and ZWJ (U+200D) are not refused inside a name: Persian writes `می‌خواهم`
/// with a ZWNJ after `می`, Indic scripts choose a conjunct's form with them, and emoji
/// sequences join with ZWJ (`👩‍💻`). The other Default_Ignorable_Code_Point and format
/// characters (U+00AD, U+200B, U+FEFF, ...) are accepted beside a visible character, and
/// refused only when nothing else is there.
///
/// ```
/// use cleeng_register::{ErrorCode, PersonName};
/// assert_eq!(PersonName::parse("Zoë")?.as_str(), "Zoë");
/// assert_eq!(PersonName::parse("\u{a0}Zoë").unwrap_err().code(), ErrorCode::SurroundingWhitespace);
/// assert_eq!(PersonName::parse("Zo\u{202e}ë").unwrap_err().code(), ErrorCode::ControlCharacter);
/// assert_eq!(PersonName::parse("Zo\u{200f}ë").unwrap_err().code(), ErrorCode::ControlCharacter);
/// // می‌خواهم, with its ZWNJ, and 👩‍💻, a ZWJ sequence.
/// assert!(PersonName::parse("\u{645}\u{6cc}\u{200c}\u{62e}\u{648}\u{627}\u{647}\u{645}").is_ok());
/// assert!(PersonName::parse("\u{1f469}\u{200d}\u{1f4bb}").is_ok());
/// assert_eq!(PersonName::parse("\u{200b}").unwrap_err().code(), ErrorCode::NoVisibleCharacter);
/// assert_eq!(PersonName::parse("A\u{e0041}").unwrap_err().code(), ErrorCode::ControlCharacter);
/// assert_eq!(PersonName::parse("x\u{2029}y").unwrap_err().code(), ErrorCode::ControlCharacter);
/// # Ok::<(), cleeng_register::ValueError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
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
/// rules, in the same order, as [`PersonName`](crate::PersonName): no Cc, Bidi_Control, tag or
/// line/paragraph separator character anywhere, no White_Space at either end, at least one
/// visible character (the table is [`PersonName`](crate::PersonName)'s).
///
/// Cleeng wants it unique per publisher; that needs storage, so one request cannot check it.
///
/// ```
/// use cleeng_register::{ErrorCode, ExternalId};
/// assert_eq!(ExternalId::parse("crm-42")?.as_str(), "crm-42");
/// assert_eq!(ExternalId::parse("").unwrap_err().code(), ErrorCode::TooShort);
/// assert_eq!(ExternalId::parse("crm\u{61c}42").unwrap_err().code(), ErrorCode::ControlCharacter);
/// # Ok::<(), cleeng_register::ValueError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ExternalId(String);

impl ExternalId {
    /// The most characters allowed.
    pub const MAX_CHARS: usize = 255;
}

fn check_external_id(s: &str) -> Result<(), ValueError> {
    check_free_text(s, ExternalId::MAX_CHARS).map_err(|v| ValueError::new(&EXTERNAL_ID_WORDING, v))
}

owned_text!(ExternalId, "an external id", check_external_id);

/// Characters the free-text fields refuse anywhere, as a pattern's class, by the names of the
/// Unicode properties [`check_free_text`] decides them from: `Cc`, Bidi_Control, `Zl` and
/// `Zp`, and the Tags block by its bounds ([`PersonName`]'s table).
const CONTROLS: &str = r"\p{Cc}\p{Bidi_Control}\p{Zl}\p{Zp}\u{E0000}-\u{E007F}";

/// Characters that show nothing by themselves: a name of only these has no visible character
/// (Default_Ignorable_Code_Point, White_Space, `Cf`).
const INVISIBLE: &str = r"\p{Default_Ignorable_Code_Point}\p{White_Space}\p{Cf}";

/// The character rules of [`check_free_text`] as one pattern: at least one visible char (a
/// lookahead), and a char that is neither control nor White_Space, optionally followed by any
/// non-control chars and a last char that is neither. The empty text, which `minLength`
/// refuses, is refused here too.
fn free_text_pattern() -> String {
    format!(
        r"^(?=[{INVISIBLE}]*[^{INVISIBLE}])[^{CONTROLS}\p{{White_Space}}](?:[^{CONTROLS}]*[^{CONTROLS}\p{{White_Space}}])?$"
    )
}

/// The rules of [`check_free_text`], in its order, for a field of at most `max` chars.
fn free_text_rules(max: usize) -> Vec<Rule> {
    vec![
        Rule::min(ErrorCode::TooShort, 1),
        Rule::max(ErrorCode::TooLong, max),
        Rule::matching(ErrorCode::ControlCharacter, format!("^[^{CONTROLS}]*$")),
        Rule::matching(
            ErrorCode::SurroundingWhitespace,
            r"^[^\p{White_Space}](?:[\p{White_Space}\P{White_Space}]*[^\p{White_Space}])?$",
        ),
        Rule::matching(ErrorCode::NoVisibleCharacter, format!("[^{INVISIBLE}]")),
    ]
}

/// `description` says "1 to {max} characters" itself, from the same constant.
fn free_text_schema(description: String, max: usize, example: &str) -> Value {
    json!({
        "type": "string",
        "description": description,
        "minLength": 1,
        "maxLength": max,
        "pattern": free_text_pattern(),
        "examples": [example],
    })
}

impl FieldValue for PersonName {
    fn from_field_text(text: FieldText<'_>, _: &ValueOptions<'_>) -> Result<Self, ValueError> {
        text.parse()
    }

    fn rules(_: &ValueOptions<'_>) -> Vec<Rule> {
        free_text_rules(PersonName::MAX_CHARS)
    }

    fn schema(_: &ValueOptions<'_>) -> Value {
        free_text_schema(
            format!(
                "A name: 1 to {} characters, at least one of them visible, no control, bidirectional \
                 control, tag or line separator characters, no white space at either end.",
                PersonName::MAX_CHARS
            ),
            PersonName::MAX_CHARS,
            "Jane",
        )
    }
}

impl FieldValue for ExternalId {
    fn from_field_text(text: FieldText<'_>, _: &ValueOptions<'_>) -> Result<Self, ValueError> {
        text.parse()
    }

    fn rules(_: &ValueOptions<'_>) -> Vec<Rule> {
        free_text_rules(ExternalId::MAX_CHARS)
    }

    fn schema(_: &ValueOptions<'_>) -> Value {
        free_text_schema(
            format!(
                "The customer's id in another system: 1 to {} characters, at least one of them \
                 visible, no control, bidirectional control, tag or line separator characters, no \
                 white space at either end. Unique per publisher (not checked here).",
                ExternalId::MAX_CHARS
            ),
            ExternalId::MAX_CHARS,
            "crm-42",
        )
    }
}
