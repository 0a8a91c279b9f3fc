//! `locale`: `language` or `language_REGION`.

use unic_langid::subtags::{Language, Region};
use unic_langid::LanguageIdentifier;

use crate::error::{ErrorCode, Rules, ValueError, Violation};
use crate::field::{inline_code, AsciiBuf};

static LOCALE_RULES: Rules = Rules::new(
    "locale",
    "must be a language code, optionally with _ and a region (en_US)",
);

/// A Cleeng locale: 2 or 3 lowercase ASCII letters, optionally `_` and 2 uppercase ASCII
/// letters (`en_US`, `pl_PL`, `fil`). `en-US` and `EN_us` are refused. Kept inline; the
/// `unic-langid` identifier is at hand through [`Locale::language_identifier`].
///
/// ```
/// use cleeng_register::{ErrorCode, Locale};
/// let locale: Locale = "pl_PL".parse()?;
/// assert_eq!((locale.language(), locale.region()), ("pl", Some("PL")));
/// assert_eq!(locale.language_identifier().to_string(), "pl-PL");
/// assert_eq!("en-US".parse::<Locale>().unwrap_err().code(), ErrorCode::InvalidFormat);
/// # Ok::<(), cleeng_register::ValueError>(())
/// ```
#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Locale {
    text: AsciiBuf<6>,
}

impl Locale {
    /// Parses `^[a-z]{2,3}(_[A-Z]{2})?$`.
    pub fn parse(s: &str) -> Result<Self, ValueError> {
        parse_parts(s).ok_or(ValueError::new(
            &LOCALE_RULES,
            Violation::new(ErrorCode::InvalidFormat),
        ))
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
        // Any text that passed `parse` is a valid language and region subtag.
        let language = Language::from_bytes(self.language().as_bytes()).unwrap_or_default();
        let region = self
            .region()
            .and_then(|r| Region::from_bytes(r.as_bytes()).ok());
        LanguageIdentifier::from_parts(language, None, region, &[])
    }
}

fn parse_parts(s: &str) -> Option<Locale> {
    let (language, region) = match s.split_once('_') {
        Some((language, region)) => (language, Some(region)),
        None => (s, None),
    };
    let language_ok =
        (2..=3).contains(&language.len()) && language.bytes().all(|b| b.is_ascii_lowercase());
    let region_ok =
        region.is_none_or(|r| r.len() == 2 && r.bytes().all(|b| b.is_ascii_uppercase()));
    if !(language_ok && region_ok) {
        return None;
    }
    Some(Locale {
        text: AsciiBuf::new(s)?,
    })
}

inline_code!(Locale, "a locale such as en_US");
