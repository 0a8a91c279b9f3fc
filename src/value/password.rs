//! `password`: a secret, redacted and wiped.

use std::fmt;

use zeroize::{Zeroize, Zeroizing};

use crate::error::{ErrorCode, Params, ValueError, Violation, Wording};
use crate::text::FromText;
use crate::value::field_value::{FieldText, FieldValue, Rule, ValueOptions};
use crate::value::{longer_than, shorter_than, string_traits};
use serde_json::{json, Value};

static PASSWORD_WORDING: Wording = Wording::new("password", "has an invalid format");

/// The specials, written once for both constants below.
macro_rules! specials {
    () => {
        "!@#$%^&"
    };
}

/// A customer's password: 8 to 80 characters, at least one letter (Unicode Alphabetic), at
/// least one digit or one of `! @ # $ % ^ &`, and no control character (Unicode Cc: NUL, tab,
/// line breaks, U+007F..U+009F; `control_character`). A rejected password reports **every**
/// rule it breaks, in that order: `too_short` or `too_long`, `missing_letter`,
/// `missing_digit_or_special`, `control_character`.
///
/// "Alphabetic" is the standard library's [`char::is_alphabetic`], so its Unicode version is
/// the compiler's (17.0 with Rust 1.95). The schema's `\p{Alphabetic}` is read with the
/// Unicode data of whatever engine runs it, so a letter assigned since that engine's version
/// (CJK Extension J, say, from U+323B0) may be a letter here and not there.
///
/// It is a secret: `Debug` prints `Password(***)`, there is no `Display`, the text is read only
/// through [`Password::expose_secret`], and the memory is wiped when the value is dropped.
/// `Serialize` writes the secret, because the Cleeng body needs it.
///
/// ```
/// use cleeng_register::{ErrorCode, Password};
/// let password = Password::parse("zażółć12")?;
/// assert_eq!(format!("{password:?}"), "Password(***)");
/// assert_eq!(password.expose_secret(), "zażółć12");
/// let err = Password::parse("short").unwrap_err();
/// let codes: Vec<_> = err.violations().map(|v| v.code).collect();
/// assert_eq!(codes, [ErrorCode::TooShort, ErrorCode::MissingDigitOrSpecial]);
/// let nul = Password::parse("abc\u{0}defg1").unwrap_err();
/// assert_eq!(nul.code(), ErrorCode::ControlCharacter);
/// # Ok::<(), cleeng_register::ValueError>(())
/// ```
///
/// No other way to the text compiles: neither `Display` nor `AsRef<str>`.
///
/// ```compile_fail
/// fn leak(password: &cleeng_register::Password) -> &str {
///     password.as_ref()
/// }
/// ```
///
/// ```compile_fail
/// fn leak(password: &cleeng_register::Password) -> String {
///     password.to_string()
/// }
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Password(Zeroizing<String>);

impl Password {
    /// The fewest characters allowed.
    pub const MIN_CHARS: usize = 8;
    /// The most characters allowed.
    pub const MAX_CHARS: usize = 80;
    /// The characters that count as "special" besides digits.
    pub const SPECIALS: &'static str = specials!();
    /// A regular expression class of one digit or special, for schemas and generators (ECMA
    /// and the `regex` crate read it alike: `^` is not first, `&` is not doubled).
    pub(crate) const DIGIT_OR_SPECIAL_CLASS: &'static str = concat!("[0-9", specials!(), "]");

    /// Checks every rule and copies the secret.
    pub fn parse(s: &str) -> Result<Self, ValueError> {
        check(s)?;
        Ok(Password(Zeroizing::new(s.to_owned())))
    }

    /// The secret text. Named so that every read of it is visible in review.
    pub fn expose_secret(&self) -> &str {
        &self.0
    }

    fn as_str(&self) -> &str {
        &self.0
    }
}

fn check(s: &str) -> Result<(), ValueError> {
    let length = if shorter_than(s, Password::MIN_CHARS) {
        Some(Violation::with(
            ErrorCode::TooShort,
            Params::min(Password::MIN_CHARS as u32),
        ))
    } else if longer_than(s, Password::MAX_CHARS) {
        Some(Violation::with(
            ErrorCode::TooLong,
            Params::max(Password::MAX_CHARS as u32),
        ))
    } else {
        None
    };
    let letter = s.chars().any(char::is_alphabetic);
    let digit_or_special = s
        .chars()
        .any(|c| c.is_ascii_digit() || Password::SPECIALS.contains(c));
    // A NUL ends the password early in C strings and bcrypt-style back ends; a tab or a line
    // break is never typed into a password field on purpose.
    let control = s.chars().any(char::is_control);
    let mut rest = [
        (!letter).then_some(ErrorCode::MissingLetter),
        (!digit_or_special).then_some(ErrorCode::MissingDigitOrSpecial),
        control.then_some(ErrorCode::ControlCharacter),
    ]
    .into_iter()
    .flatten();
    let Some(first) = length.or_else(|| rest.next().map(Violation::new)) else {
        return Ok(());
    };
    let err = ValueError::new(&PASSWORD_WORDING, first);
    Err(rest.fold(err, ValueError::and))
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(***)")
    }
}

impl FromText for Password {
    const EXPECTING: &'static str = "a password";
    type Error = ValueError;
    fn from_text(s: &str) -> Result<Self, ValueError> {
        Password::parse(s)
    }
    fn from_owned_text(mut s: String) -> Result<Self, ValueError> {
        match check(&s) {
            Ok(()) => Ok(Password(Zeroizing::new(s))),
            Err(err) => {
                // A refused secret is still a secret.
                s.zeroize();
                Err(err)
            }
        }
    }
}

string_traits!(Password);

/// The letter rule as a pattern (Unicode Alphabetic, what `char::is_alphabetic` reads).
const LETTER_CLASS: &str = r"\p{Alphabetic}";

/// A password holds no `Cc` character (`control_character`).
const NO_CONTROL: &str = r"^\P{Cc}*$";

/// `! @ #`: the characters, one space apart.
fn spaced(chars: &str) -> String {
    chars
        .chars()
        .map(String::from)
        .collect::<Vec<_>>()
        .join(" ")
}

impl FieldValue for Password {
    const REPORTS_EVERY_RULE: bool = true;

    fn from_field_text(text: FieldText<'_>, _: &ValueOptions<'_>) -> Result<Self, ValueError> {
        text.parse()
    }

    fn rules(_: &ValueOptions<'_>) -> Vec<Rule> {
        vec![
            Rule::min(ErrorCode::TooShort, Password::MIN_CHARS),
            Rule::max(ErrorCode::TooLong, Password::MAX_CHARS),
            Rule::matching(ErrorCode::MissingLetter, LETTER_CLASS),
            Rule::matching(
                ErrorCode::MissingDigitOrSpecial,
                Password::DIGIT_OR_SPECIAL_CLASS,
            ),
            Rule::matching(ErrorCode::ControlCharacter, NO_CONTROL),
        ]
    }

    fn schema(_: &ValueOptions<'_>) -> Value {
        json!({
            "type": "string",
            "description": format!(
                "The customer's password: {} to {} characters with at least one letter, at least \
                 one digit or one of {}, and no control character.",
                Password::MIN_CHARS,
                Password::MAX_CHARS,
                spaced(Password::SPECIALS)
            ),
            "format": "password",
            "writeOnly": true,
            "minLength": Password::MIN_CHARS,
            "maxLength": Password::MAX_CHARS,
            "allOf": [
                {"pattern": LETTER_CLASS},
                {"pattern": Password::DIGIT_OR_SPECIAL_CLASS},
                {"pattern": NO_CONTROL},
            ],
            "examples": ["s3cret-pass"],
        })
    }
}
