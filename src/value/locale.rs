//! `locale`: `language` or `language_REGION`.

use unic_langid::subtags::{Language, Region};
use unic_langid::LanguageIdentifier;

use icu_locale::LocaleCanonicalizer;

use crate::error::{ErrorCode, Params, ValueError, Violation, Wording};
use crate::value::field_value::{
    alternation, country_code_suggestions, FieldText, FieldValue, Rule, ValueOptions,
};
use crate::value::CountryCode;
use crate::value::{inline_code, AsciiBuf};
use serde_json::{json, Value};

static LOCALE_WORDING: Wording = Wording::new(
    "locale",
    "must be a language code, optionally with _ and a region (en_US)",
)
.with_unknown_code("must have an ISO 639 language code and an assigned ISO 3166-1 alpha-2 region");

/// A Cleeng locale: 2 or 3 lowercase ASCII letters, optionally `_` and a region of 2
/// uppercase ASCII letters (`en_US`, `pl_PL`, `fil`). Its rules, in order:
///
/// | rule | code |
/// |---|---|
/// | `^[a-z]{2,3}(_[A-Z]{2})?$` (`en-US` and `EN_us` fail) | `invalid_format` |
/// | the region is an assigned ISO 3166-1 alpha-2 code, as for a country (`en_UK` suggests `GB`) | `unknown_code` |
/// | the language is an ISO 639 code for a language (below; `iw_IL` suggests `he`) | `unknown_code` |
/// | on the policy's `allowedLocales`, when it has one | `not_supported` |
///
/// # The language
///
/// A language is an ISO 639-1 code (two letters) or an ISO 639-3 code (three), as ISO 639-3's
/// registration authority (SIL) lists them: `en`, `pt`, `zh`, `pl`, `fil`, `deu`, `cmn` pass.
/// The table is the `isolang` crate's. Refused with `unknown_code`:
///
/// - codes no one was assigned: `qq`, `zz` (so `zz_PL` too);
/// - the codes for no particular language, ISO 639-2's four special-purpose codes `mis`
///   (uncoded), `mul` (multiple), `und` (undetermined) and `zxx` (no linguistic content), named
///   here because `isolang` keeps them but drops the table's Scope column that marks them;
///   the reserved range `qaa`..`qtz` (local use) is in no table;
/// - deprecated codes, with `{"suggestion": "<preferred>"}` where Unicode's CLDR names the
///   code that replaced it (its language aliases, through ICU4X's `icu_locale`): `iw` (now
///   `he`), `in` (`id`), `ji` (`yi`), `jw` (`jv`), `mo` (`ro`), retired ISO 639-3 codes, and the
///   ISO 639-2/B codes (`ger` for `de`). The suggestion is the language, as `en_UK`'s is the
///   region: the subtag to change.
///
/// Why these crates: `isolang` is the leanest well-kept table of assigned ISO 639 codes (one
/// small dependency, `phf`); `icu_locale` is the ICU4X crate whose core, data provider and
/// collections the crate already builds for `idna`, with CLDR's alias data. `language-tags`
/// (the IANA registry, last released in 2021) has no scope either and brings a BCP 47 parser
/// the crate does not need. Overlong codes that CLDR would shorten (`heb` for `he`) and
/// macrolanguage members (`cmn`) are assigned ISO 639 codes and pass.
///
/// Kept inline; the `unic-langid` identifier is at hand through
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
/// assert_eq!("und".parse::<Locale>().unwrap_err().code(), ErrorCode::UnknownCode);
/// let iw = "iw_IL".parse::<Locale>().unwrap_err();
/// assert_eq!(iw.violations().next().unwrap().params.suggestion, Some("he"));
/// # Ok::<(), cleeng_register::ValueError>(())
/// ```
#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Locale {
    text: AsciiBuf<6>,
}

impl Locale {
    /// Parses `^[a-z]{2,3}(_[A-Z]{2})?$` with an assigned region and an ISO 639 language.
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
        if let Some(violation) = language_violation(locale.language()) {
            return Err(ValueError::new(&LOCALE_WORDING, violation));
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

/// ISO 639-2's special-purpose codes, which name no language: uncoded, multiple,
/// undetermined, no linguistic content.
const SPECIAL_PURPOSE: [&str; 4] = ["mis", "mul", "und", "zxx"];

/// The language rule of [`Locale`]: `None` when `language` (2 or 3 lowercase ASCII letters)
/// is an assigned ISO 639 code for a language.
fn language_violation(language: &str) -> Option<Violation> {
    if assigned(language).is_some() && !SPECIAL_PURPOSE.contains(&language) {
        return None;
    }
    Some(match replacement(language) {
        Some(preferred) => Violation::with(ErrorCode::UnknownCode, Params::suggestion(preferred)),
        None => Violation::new(ErrorCode::UnknownCode),
    })
}

/// Every language code [`Locale`] accepts: two letters, then three, each in alphabetical
/// order; found once by asking the rule about every code of that shape.
pub(crate) fn languages() -> &'static [String] {
    static LANGUAGES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    LANGUAGES.get_or_init(|| {
        let letters = || b'a'..=b'z';
        let two = letters().flat_map(|a| letters().map(move |b| vec![a, b]));
        let three = letters()
            .flat_map(|a| letters().flat_map(move |b| letters().map(move |c| vec![a, b, c])));
        two.chain(three)
            .map(|code| String::from_utf8(code).expect("ASCII letters"))
            .filter(|code| assigned(code).is_some() && !SPECIAL_PURPOSE.contains(&code.as_str()))
            .collect()
    })
}

/// `isolang`'s language for an ISO 639-1 (two letters) or ISO 639-3 (three) code.
fn assigned(code: &str) -> Option<isolang::Language> {
    match code.len() {
        2 => isolang::Language::from_639_1(code),
        _ => isolang::Language::from_639_3(code),
    }
}

/// The assigned code that CLDR's language aliases put for `code`, in its shortest form (`he`
/// for `iw`), as one of `isolang`'s own `'static` strings. `None` when CLDR has no alias, or
/// replaces the code with more than a language (`sh` is `sr-Latn`), or with a code that is not
/// assigned itself.
fn replacement(code: &str) -> Option<&'static str> {
    // A const constructor over compiled data: nothing to keep between calls (and the type is
    // not `Sync`, so it cannot be a static).
    let canonicalizer = LocaleCanonicalizer::new_extended();
    let mut locale: icu_locale::Locale = code.parse().ok()?;
    canonicalizer.canonicalize(&mut locale);
    let id = &locale.id;
    if id.script.is_some() || !id.variants.is_empty() || id.language.as_str() == code {
        return None;
    }
    let language = assigned(id.language.as_str())?;
    Some(language.to_639_1().unwrap_or_else(|| language.to_639_3()))
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
    fn from_field_text(text: FieldText<'_>, _: &ValueOptions<'_>) -> Result<Self, ValueError> {
        Locale::parse(&text)
    }

    fn rules(options: &ValueOptions<'_>) -> Vec<Rule> {
        let listed = options.allowed_locales.is_some();
        // With an allow-list, `unknown_code` is told from `not_supported` by the whole list
        // of ISO 639 languages and assigned regions.
        let assigned = format!(
            "^(?:{})(?:_(?:{}))?$",
            alternation(languages().iter().map(String::as_str)),
            alternation(CountryCode::all().map(|c| c.as_str()))
        );
        std::iter::once(Rule::matching(ErrorCode::InvalidFormat, Locale::SHAPE))
            .chain(Rule::allow_listed(listed, assigned))
            .collect()
    }

    /// The region's suggestions, then the values with an unassigned region (the rule's own
    /// message, without a suggestion: the region is checked before the language), then each
    /// deprecated language for which the parser suggests another.
    fn suggestions(options: &ValueOptions<'_>) -> Vec<(String, Violation)> {
        let mut found = country_code_suggestions::<Locale>("en_", "_", options);
        let countries = alternation(CountryCode::all().map(|c| c.as_str()));
        found.push((
            format!("^[a-z]{{2,3}}_(?!(?:{countries})$)[A-Z]{{2}}$"),
            Violation::new(ErrorCode::UnknownCode),
        ));
        found.extend(language_suggestions().iter().cloned());
        found
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

/// The deprecated languages with a suggestion, found once by asking the parser about every
/// two and three lowercase letters: `^iw(?:_[A-Z]{2})?$` suggests `he`.
fn language_suggestions() -> &'static [(String, Violation)] {
    static FOUND: std::sync::OnceLock<Vec<(String, Violation)>> = std::sync::OnceLock::new();
    FOUND.get_or_init(|| {
        let letters = || b'a'..=b'z';
        let two = letters().flat_map(|a| letters().map(move |b| vec![a, b]));
        let three = letters()
            .flat_map(|a| letters().flat_map(move |b| letters().map(move |c| vec![a, b, c])));
        two.chain(three)
            .filter_map(|code| {
                let code = String::from_utf8(code).expect("ASCII letters");
                let refusal = Locale::parse(&code).err()?;
                let v = refusal.first();
                v.params
                    .suggestion
                    .is_some()
                    .then(|| (format!("^{code}(?:_[A-Z]{{2}})?$"), v))
            })
            .collect()
    })
}
