//! Cleeng's error bodies and their codes.

use std::convert::Infallible;
use std::fmt;
use std::str::FromStr;

use serde::{Serialize, Serializer};
use serde_json::Value;

use cleeng_register::error::{Params, Violation, Wording};
use cleeng_register::report::escape;
use cleeng_register::{FieldError, ValueError};

use crate::{ResponseErrorCode, ResponseReport};

/// The codes Cleeng documents for `POST /customers`, written once: variant, code, HTTP
/// status, meaning. Generates [`CleengErrorCode`] with its `DOCUMENTED` list, `as_str`,
/// `http_status`, `meaning` and `FromStr`.
macro_rules! cleeng_error_codes {
    ($($(#[$doc:meta])* $variant:ident = $code:literal, $status:literal, $meaning:literal;)*) => {
        /// A Cleeng error code with its HTTP status. Codes this crate does not know are kept
        /// as they are ([`CleengErrorCode::Other`]), never refused.
        ///
        /// ```
        /// use cleeng_register_response::CleengErrorCode;
        /// let code: CleengErrorCode = "CPT0002".parse().unwrap();
        /// assert_eq!(code, CleengErrorCode::CaptchaFailed);
        /// assert_eq!(code.http_status(), Some(429));
        /// let server: CleengErrorCode = "S12XX".parse().unwrap();
        /// assert_eq!((server.as_str(), server.http_status()), ("S12XX", Some(500)));
        /// let other: CleengErrorCode = "OFR0001".parse().unwrap();
        /// assert_eq!((other.as_str(), other.http_status()), ("OFR0001", None));
        /// ```
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum CleengErrorCode {
            $($(#[$doc])* $variant,)*
            /// `S` and four digits or `X`s (`S0001`, `SXXXX`): a server error, HTTP 500.
            Server(ServerErrorCode),
            /// A code Cleeng does not document for this endpoint, exactly as sent.
            Other(String),
        }

        impl CleengErrorCode {
            /// The fixed codes Cleeng documents for `POST /customers`, in its order (server
            /// codes are a pattern: [`CleengErrorCode::Server`]).
            pub const DOCUMENTED: &'static [CleengErrorCode] = &[$(CleengErrorCode::$variant),*];

            /// The code as Cleeng writes it.
            pub fn as_str(&self) -> &str {
                match self {
                    $(CleengErrorCode::$variant => $code,)*
                    CleengErrorCode::Server(code) => code.as_str(),
                    CleengErrorCode::Other(code) => code,
                }
            }

            /// The HTTP status Cleeng answers with; `None` for an unknown code.
            pub fn http_status(&self) -> Option<u16> {
                match self {
                    $(CleengErrorCode::$variant => Some($status),)*
                    CleengErrorCode::Server(_) => Some(500),
                    CleengErrorCode::Other(_) => None,
                }
            }

            /// What the code means, in English; `None` for an unknown code.
            pub fn meaning(&self) -> Option<&'static str> {
                match self {
                    $(CleengErrorCode::$variant => Some($meaning),)*
                    CleengErrorCode::Server(_) => Some("server error"),
                    CleengErrorCode::Other(_) => None,
                }
            }

            /// The code for `code`: a documented one, a server code, or `Other`.
            pub fn parse(code: &str) -> CleengErrorCode {
                match code {
                    $($code => CleengErrorCode::$variant,)*
                    _ => match ServerErrorCode::parse(code) {
                        Some(server) => CleengErrorCode::Server(server),
                        None => CleengErrorCode::Other(code.to_owned()),
                    },
                }
            }
        }
    };
}

cleeng_error_codes! {
    /// `REQ0001`: the request body is invalid (HTTP 400).
    InvalidRequest = "REQ0001", 400, "invalid request body";
    /// `USER0002`: a customer with this email already exists (HTTP 422).
    CustomerAlreadyExists = "USER0002", 422, "customer already exists";
    /// `CPT0001`: reCAPTCHA verification is required (HTTP 429).
    CaptchaRequired = "CPT0001", 429, "reCAPTCHA verification required";
    /// `CPT0002`: reCAPTCHA verification failed (HTTP 429).
    CaptchaFailed = "CPT0002", 429, "reCAPTCHA verification failed";
}

/// A Cleeng server error code: `S` and four ASCII digits or `X`s. Kept inline.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct ServerErrorCode([u8; 5]);

impl ServerErrorCode {
    /// `Some` for `S` followed by four digits or `X`s.
    pub fn parse(code: &str) -> Option<Self> {
        let bytes: [u8; 5] = code.as_bytes().try_into().ok()?;
        let shaped =
            bytes[0] == b'S' && bytes[1..].iter().all(|b| b.is_ascii_digit() || *b == b'X');
        shaped.then_some(ServerErrorCode(bytes))
    }

    /// The code (`S0001`).
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).expect("only ASCII is ever stored")
    }
}

impl FromStr for CleengErrorCode {
    type Err = Infallible;
    fn from_str(s: &str) -> Result<Self, Infallible> {
        Ok(CleengErrorCode::parse(s))
    }
}

/// The code as Cleeng writes it, [`escape`]d: an unknown code is text from the network.
impl fmt::Display for CleengErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", escape(self.as_str()))
    }
}

impl Serialize for CleengErrorCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// An error body from Cleeng: its code and, when it has one, its message.
///
/// [`CleengError::from_json`] reads the code from a top-level string `code`, else from the
/// first element of `errors` (a string, or an object with a string `code`); the message
/// likewise from a top-level string `message`, else from that first element's `message`.
///
/// ```
/// use cleeng_register_response::{CleengError, CleengErrorCode};
/// let err = CleengError::from_json(br#"{"code":"CPT0001","message":"Captcha required"}"#)?;
/// assert_eq!(err.code(), &CleengErrorCode::CaptchaRequired);
/// assert_eq!(err.message(), Some("Captcha required"));
/// let err = CleengError::from_json(br#"{"errors":["S0001"]}"#)?;
/// assert_eq!(err.code().http_status(), Some(500));
/// assert_eq!(err.message(), None);
/// # Ok::<(), cleeng_register_response::ResponseReport>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct CleengError {
    code: CleengErrorCode,
    message: Option<String>,
}

/// What a code of an error body must be, where it is found (pointer `/code`).
static CODE_WORDING: Wording = Wording::new(
    "Cleeng error code",
    "must contain only printable ASCII characters",
);

impl CleengError {
    /// The most characters an error code may have: Cleeng's own have 5 to 8 (`SXXXX`,
    /// `USER0002`), and a code is shown to people and written to logs.
    pub const MAX_CODE_CHARS: usize = 64;

    /// Reads an error body. Refused, at pointer `/code` (whether the code was read from
    /// `code` or from `errors`):
    /// - a body that is not a UTF-8 JSON object: `malformed_body` at `""`;
    /// - no code where the rules above look: `missing`;
    /// - an empty code: `too_short`; one over [`MAX_CODE_CHARS`](Self::MAX_CODE_CHARS):
    ///   `too_long`; one with a character outside printable ASCII (`!`..`~`: no space, no
    ///   control character): `invalid_format`. An unknown code that keeps these rules is
    ///   kept as it is ([`CleengErrorCode::Other`]).
    ///
    /// ```
    /// use cleeng_register_response::{CleengError, ResponseErrorCode};
    /// let report = CleengError::from_json(br#"{"code":"USER0002\u0000"}"#).unwrap_err();
    /// assert!(report.contains("/code", ResponseErrorCode::InvalidFormat));
    /// let report = CleengError::from_json(br#"{"errors":[""]}"#).unwrap_err();
    /// assert!(report.contains("/code", ResponseErrorCode::TooShort));
    /// ```
    pub fn from_json(body: &[u8]) -> Result<CleengError, ResponseReport> {
        let Ok(Value::Object(mut body)) = serde_json::from_slice::<Value>(body) else {
            return Err(ResponseReport::single(FieldError::at_root(
                ResponseErrorCode::MalformedBody,
                Params::NONE,
            )));
        };
        let first = match body.get_mut("errors") {
            Some(Value::Array(errors)) if !errors.is_empty() => Some(errors.swap_remove(0)),
            _ => None,
        };
        let take_str = |value: Option<Value>| match value {
            Some(Value::String(s)) => Some(s),
            _ => None,
        };
        let (first_code, first_message) = match first {
            Some(Value::String(code)) => (Some(code), None),
            Some(Value::Object(mut first)) => (
                take_str(first.remove("code")),
                take_str(first.remove("message")),
            ),
            _ => (None, None),
        };
        let code = take_str(body.remove("code")).or(first_code);
        let message = take_str(body.remove("message")).or(first_message);
        let refused = |violation| {
            let error = ValueError::new(&CODE_WORDING, violation);
            ResponseReport::new(FieldError::from_value("/code", &error).collect())
                .expect("a refusal names a rule")
        };
        let code = code.ok_or_else(|| refused(Violation::new(ResponseErrorCode::Missing)))?;
        crate::token::check(&code, Self::MAX_CODE_CHARS).map_err(refused)?;
        Ok(CleengError {
            code: CleengErrorCode::parse(&code),
            message,
        })
    }

    /// The code.
    pub fn code(&self) -> &CleengErrorCode {
        &self.code
    }

    /// Cleeng's message, when the body has one.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }
}

/// `Cleeng error USER0002: Customer already exists`: Cleeng's code and message (or the code's
/// meaning), [`escape`]d, since both are text from the network that may end up in a log.
///
/// ```
/// use cleeng_register_response::{CleengError, CleengErrorCode};
/// let err = CleengError::from_json(br#"{"code":"OFR0001","message":"no\nsuch offer"}"#)?;
/// assert_eq!(err.to_string(), r"Cleeng error OFR0001: no\nsuch offer");
/// assert_eq!(CleengErrorCode::parse("x\u{1b}").to_string(), r"x\u001b");
/// # Ok::<(), cleeng_register_response::ResponseReport>(())
/// ```
impl fmt::Display for CleengError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Cleeng error {}", self.code)?;
        match (self.message(), self.code.meaning()) {
            (Some(message), _) => write!(f, ": {}", escape(message)),
            (None, Some(meaning)) => write!(f, ": {meaning}"),
            (None, None) => Ok(()),
        }
    }
}

impl std::error::Error for CleengError {}
