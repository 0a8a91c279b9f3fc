//! `captchaValue`.

use zeroize::Zeroize;

use crate::error::{ErrorCode, Params, ValueError, Violation, Wording};
use crate::value::field_value::{FieldText, FieldValue, Rule, ValueOptions};
use crate::value::{longer_than, owned_text};
use serde_json::{json, Value};

static CAPTCHA_WORDING: Wording = Wording::new(
    "captcha value",
    "must contain only printable ASCII characters",
);

/// A reCAPTCHA response token: 1 to 8192 characters, each printable ASCII (`!`..`~`).
///
/// It is a secret, if a short-lived one (whoever holds it can spend the customer's solved
/// challenge): `Debug` shows the type and the length only, and the memory is wiped when the
/// value is dropped (and when a text is refused), as for [`Password`](crate::Password).
/// `Display` and `Serialize` write the token, because the Cleeng body needs it.
///
/// ```
/// use cleeng_register::{CaptchaToken, ErrorCode};
/// let token = CaptchaToken::parse("03AGdBq24")?;
/// assert_eq!(format!("{token:?}"), "CaptchaToken(<redacted, 9 bytes>)");
/// assert_eq!(token.as_str(), "03AGdBq24");
/// assert_eq!(CaptchaToken::parse("a b").unwrap_err().code(), ErrorCode::InvalidFormat);
/// # Ok::<(), cleeng_register::ValueError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CaptchaToken(String);

impl Drop for CaptchaToken {
    fn drop(&mut self) {
        // The whole capacity, not only the length (zeroize's `String` impl).
        self.0.zeroize();
    }
}

impl CaptchaToken {
    /// The most characters allowed.
    pub const MAX_CHARS: usize = 8192;

    /// Checks the rules without keeping the text: a request that is refused must not leave
    /// a token (whose text is not wiped when dropped) behind in freed memory.
    pub(crate) fn check(s: &str) -> Result<(), ValueError> {
        check(s)
    }

    /// A copy of a text that [`check`](Self::check) accepted: the request keeps it without
    /// checking it a second time.
    pub(crate) fn checked(s: &str) -> Self {
        debug_assert!(check(s).is_ok(), "only a checked text");
        CaptchaToken(s.to_owned())
    }
}

fn check(s: &str) -> Result<(), ValueError> {
    let violation = if s.is_empty() {
        Violation::with(ErrorCode::TooShort, Params::min(1))
    } else if longer_than(s, CaptchaToken::MAX_CHARS) {
        Violation::with(
            ErrorCode::TooLong,
            Params::max(CaptchaToken::MAX_CHARS as u32),
        )
    } else if !s.bytes().all(|b| b.is_ascii_graphic()) {
        Violation::new(ErrorCode::InvalidFormat)
    } else {
        return Ok(());
    };
    Err(ValueError::new(&CAPTCHA_WORDING, violation))
}

owned_text!(CaptchaToken, "a captcha token", check);

impl FieldValue for CaptchaToken {
    fn from_field_text(text: FieldText<'_>, _: &ValueOptions<'_>) -> Result<Self, ValueError> {
        check(&text).map(|()| CaptchaToken::checked(&text))
    }

    fn rules(_: &ValueOptions<'_>) -> Vec<Rule> {
        vec![
            Rule::min(ErrorCode::TooShort, 1),
            Rule::max(ErrorCode::TooLong, CaptchaToken::MAX_CHARS),
            Rule::new(ErrorCode::InvalidFormat),
        ]
    }

    fn schema(_: &ValueOptions<'_>) -> Value {
        json!({
            "type": "string",
            "description": format!(
                "The reCAPTCHA response token: 1 to {} printable ASCII characters.",
                CaptchaToken::MAX_CHARS
            ),
            "minLength": 1,
            "maxLength": CaptchaToken::MAX_CHARS,
            // `u8::is_ascii_graphic`, the constructor's test.
            "pattern": "^[!-~]*$",
            "examples": ["03AGdBq24PBCbwiDRaS_MJ7Z"],
        })
    }
}
