//! `country`: an assigned ISO 3166-1 alpha-2 code.

use std::sync::OnceLock;

use crate::error::{ErrorCode, Params, ValueError, Violation, Wording};
use crate::value::field_value::{
    country_code_suggestions, FieldText, FieldValue, Rule, ValueOptions,
};
use crate::value::inline_code;
use serde_json::{json, Value};

static COUNTRY_WORDING: Wording = Wording::new(
    "country code",
    "must be two capital letters (ISO 3166-1 alpha-2)",
)
.with_unknown_code("must be an assigned ISO 3166-1 alpha-2 country code");

/// An officially assigned ISO 3166-1 alpha-2 country code, kept as the `isocountry` enum (one
/// byte-sized value, no allocation).
///
/// `UK` is not assigned (the United Kingdom is `GB`): it fails with `unknown_code` and the
/// suggestion `GB`.
///
/// ```
/// use cleeng_register::{CountryCode, ErrorCode};
/// let pl: CountryCode = "PL".parse()?;
/// assert_eq!(pl.name(), "Poland");
/// let err = "UK".parse::<CountryCode>().unwrap_err();
/// assert_eq!(err.code(), ErrorCode::UnknownCode);
/// assert_eq!(err.violations().next().unwrap().params.suggestion, Some("GB"));
/// assert_eq!("pl".parse::<CountryCode>().unwrap_err().code(), ErrorCode::InvalidFormat);
/// # Ok::<(), cleeng_register::ValueError>(())
/// ```
#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryCode(isocountry::CountryCode);

impl CountryCode {
    /// Parses two ASCII capitals naming an assigned country.
    pub fn parse(s: &str) -> Result<Self, ValueError> {
        let fail = |v| Err(ValueError::new(&COUNTRY_WORDING, v));
        match parse_violation(s) {
            Ok(code) => Ok(code),
            Err(v) => fail(v),
        }
    }

    /// The alpha-2 code (`PL`).
    pub fn as_str(&self) -> &'static str {
        self.0.alpha2()
    }

    /// The English short name (`Poland`).
    pub fn name(&self) -> &'static str {
        self.0.name()
    }

    /// The `isocountry` value.
    pub fn iso(&self) -> isocountry::CountryCode {
        self.0
    }

    /// Every assigned code, in alphabetical order of the alpha-2 code.
    pub fn all() -> impl Iterator<Item = CountryCode> {
        isocountry::CountryCode::iter_alpha2().map(|c| CountryCode(*c))
    }
}

/// The shared rule of `country` and the suffix of `offerId`.
pub(crate) fn parse_violation(s: &str) -> Result<CountryCode, Violation> {
    let b = s.as_bytes();
    if b.len() != 2 || !b.iter().all(u8::is_ascii_uppercase) {
        return Err(Violation::new(ErrorCode::InvalidFormat));
    }
    match assigned(b[0], b[1]) {
        Some(code) => Ok(CountryCode(code)),
        None if s == "UK" => Err(Violation::with(
            ErrorCode::UnknownCode,
            Params::suggestion("GB"),
        )),
        None => Err(Violation::new(ErrorCode::UnknownCode)),
    }
}

/// `isocountry`'s codes indexed by their two capitals. `for_alpha2` compares the text with
/// every code in turn, a fifth of a request's validation time; this is one load.
fn assigned(first: u8, second: u8) -> Option<isocountry::CountryCode> {
    static TABLE: OnceLock<[Option<isocountry::CountryCode>; 26 * 26]> = OnceLock::new();
    let index = |a: u8, b: u8| usize::from(a - b'A') * 26 + usize::from(b - b'A');
    let table = TABLE.get_or_init(|| {
        let mut table = [None; 26 * 26];
        for code in isocountry::CountryCode::as_array_alpha2() {
            if let [a, b] = *code.alpha2().as_bytes() {
                table[index(a, b)] = Some(*code);
            }
        }
        table
    });
    // Callers pass ASCII capitals only.
    table[index(first, second)]
}

impl From<CountryCode> for isocountry::CountryCode {
    fn from(code: CountryCode) -> Self {
        code.0
    }
}

impl From<isocountry::CountryCode> for CountryCode {
    /// Every `isocountry` code is an assigned one.
    fn from(code: isocountry::CountryCode) -> Self {
        CountryCode(code)
    }
}

inline_code!(CountryCode, "an ISO 3166-1 alpha-2 country code");

impl FieldValue for CountryCode {
    fn from_field_text(text: FieldText<'_>, _: &ValueOptions<'_>) -> Result<Self, ValueError> {
        CountryCode::parse(&text)
    }

    fn rules(_: &ValueOptions<'_>) -> Vec<Rule> {
        vec![
            Rule::matching(ErrorCode::InvalidFormat, "^[A-Z]{2}$"),
            Rule::new(ErrorCode::UnknownCode),
        ]
    }

    fn schema(_: &ValueOptions<'_>) -> Value {
        let codes: Vec<&str> = CountryCode::all().map(|c| c.as_str()).collect();
        json!({
            "type": "string",
            "description": "The customer's country: an assigned ISO 3166-1 alpha-2 code (GB, not UK).",
            "enum": codes,
            "examples": ["US"],
        })
    }

    fn suggestions(options: &ValueOptions<'_>) -> Vec<(String, Violation)> {
        country_code_suggestions::<CountryCode>("", "^", options)
    }
}
