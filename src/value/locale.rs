//! `locale`: `language` or `language_REGION`.

use unic_langid::subtags::{Language, Region};
use unic_langid::LanguageIdentifier;

use crate::error::{ErrorCode, ValueError, Violation, Wording};
use crate::value::field_value::{alternation, FieldText, FieldValue, Rule, ValueOptions};
use crate::value::CountryCode;
use crate::value::{inline_code, AsciiBuf};
use serde_json::{json, Value};

static LOCALE_WORDING: Wording = Wording::new(
    "locale",
    "must be a language code, optionally with _ and a region (en_US)",
)
.with_unknown_code("must have an assigned ISO 3166-1 alpha-2 region");

/// A Cleeng locale: 2 or 3 lowercase ASCII letters, optionally `_` and a region of 2
/// uppercase ASCII letters (`en_US`, `pl_PL`, `fil`). `en-US` and `EN_us` are
/// `invalid_format`; a region that is not an assigned ISO 3166-1 alpha-2 code is
/// `unknown_code`, as for a country (`en_UK` suggests `GB`). The language subtag is checked
/// for its shape only. Kept inline; the `unic-langid` identifier is at hand through
/// [`Locale::language_identifier`].
///
/// ```
/// use cleeng_register::{ErrorCode, Locale};
/// let locale: Locale = "pl_PL".parse()?;
/// assert_eq!((locale.language(), locale.region()), ("pl", Some("PL")));
/// assert_eq!(locale.language_identifier().to_string(), "pl-PL");
/// assert_eq!("en-US".parse::<Locale>().unwrap_err().code(), ErrorCode::InvalidFormat);
/// let uk = "en_UK".parse::<Locale>().unwrap_err();
/// assert_eq!(uk.code(), ErrorCode::UnknownCode);
/// assert_eq!(uk.violations().next().unwrap().params.suggestion, Some("GB"));
/// # Ok::<(), cleeng_register::ValueError>(())
/// ```
#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Locale {
    text: AsciiBuf<6>,
}

impl Locale {
    /// Parses `^[a-z]{2,3}(_[A-Z]{2})?$` with an assigned region.
    pub fn parse(s: &str) -> Result<Self, ValueError> {
        let Some((locale, region)) = parse_parts(s) else {
            return Err(ValueError::new(
                &LOCALE_WORDING,
                Violation::new(ErrorCode::InvalidFormat),
            ));
        };
        if let Some(region) = region {
            // The region's rules are the country's: same code, same suggestion.
            CountryCode::parse(region).map_err(|e| {
                let broken = e.violations().next().expect("a refusal names a rule");
                ValueError::new(&LOCALE_WORDING, broken)
            })?;
        }
        Ok(locale)
    }

    /// The locale as given (`en_US`).
    pub fn as_str(&self) -> &str {
        self.text.as_str()
    }

    /// The language subtag (`en`).
    pub fn language(&self) -> &str {
        let s = self.as_str();
        s.split_once('_').map_or(s, |(language, _)| language)
    }

    /// The region subtag (`US`), if any.
    pub fn region(&self) -> Option<&str> {
        self.as_str().split_once('_').map(|(_, region)| region)
    }

    /// The BCP 47 identifier (`en-US`), built on demand from the subtags; it does not
    /// allocate.
    pub fn language_identifier(&self) -> LanguageIdentifier {
        const PARSED: &str = "parse admits only well-formed language and region subtags";
        let language = Language::from_bytes(self.language().as_bytes()).expect(PARSED);
        let region = self
            .region()
            .map(|r| Region::from_bytes(r.as_bytes()).expect(PARSED));
        LanguageIdentifier::from_parts(language, None, region, &[])
    }
}

/// The locale and its region (not yet checked), when the language has its shape; one pass
/// over the bytes. The region's own check, as a country code, refuses anything but two
/// assigned capitals with the same codes a shape check would give.
fn parse_parts(s: &str) -> Option<(Locale, Option<&str>)> {
    let bytes = s.as_bytes();
    let language_len = bytes.iter().position(|&b| b == b'_').unwrap_or(bytes.len());
    let language = &bytes[..language_len];
    if !((2..=3).contains(&language.len()) && language.iter().all(u8::is_ascii_lowercase)) {
        return None;
    }
    // `None` without `_`; the text after it otherwise.
    let region = s.get(language_len + 1..);
    Some((
        Locale {
            text: AsciiBuf::new(s)?,
        },
        region,
    ))
}

inline_code!(Locale, "a locale such as en_US");

impl Locale {
    /// The shape of a locale, whatever its region.
    const SHAPE: &'static str = "^[a-z]{2,3}(?:_[A-Z]{2})?$";

    /// A locale whose region, if any, is an assigned country code.
    fn assigned_pattern() -> String {
        let countries = alternation(CountryCode::all().map(|c| c.as_str()));
        format!("^[a-z]{{2,3}}(?:_(?:{countries}))?$")
    }
}

impl FieldValue for Locale {
    const COUNTRY_CODE_SLOT: Option<(&'static str, &'static str)> = Some(("en_", "_"));

    fn from_field_text(text: FieldText<'_>, _: &ValueOptions<'_>) -> Result<Self, ValueError> {
        Locale::parse(&text)
    }

    fn rules(options: &ValueOptions<'_>) -> Vec<Rule> {
        let listed = options.allowed_locales.is_some();
        std::iter::once(Rule::matching(ErrorCode::InvalidFormat, Locale::SHAPE))
            .chain(Rule::allow_listed(listed, Locale::assigned_pattern()))
            .collect()
    }

    fn schema(options: &ValueOptions<'_>) -> Value {
        let mut schema = json!({
            "type": "string",
            "description": "The customer's language and formatting: a lowercase language code, optionally \
                an underscore and a region that is an assigned ISO 3166-1 alpha-2 code (en_GB, not en_UK).",
            "pattern": Locale::assigned_pattern(),
            "examples": ["en_US", "pl_PL", "fil"],
        });
        if let Some(list) = options.allowed_locales {
            schema["enum"] = list.iter().map(|l| l.as_str()).collect();
        }
        schema
    }
}
