//! A service's own error codes: [`ServiceCode`], the stable name a service's rule reports, and
//! [`ServiceMessage`], the sentence written for it.
//!
//! A code is checked when it is made: a `static` made with [`ServiceCode::new`] does not
//! compile when its name is not snake_case or is one of the crate's codes, and
//! [`ServiceCode::try_new`] says why as a value.

use std::fmt;

use super::{ErrorCode, Sentence};

/// The most bytes of a service code's name (the crate's longest is 27).
const MAX_NAME_BYTES: usize = 64;

/// An error code of a service's own, with the sentence the crate writes for it: what a
/// [`ServiceRules`](crate::service_rule::ServiceRules) rule reports, as
/// [`ErrorCode::Service`].
///
/// The name is a stable snake_case name (a lowercase ASCII letter, then lowercase letters and
/// digits, words joined by single underscores, at most 64 bytes) and never one of the crate's
/// own codes, so a client tells the two apart by the name alone. Made once, as a `static`:
///
/// ```
/// use cleeng_register::error::{ServiceCode, ServiceMessage};
/// use cleeng_register::ErrorCode;
///
/// static DISPOSABLE_EMAIL: ServiceCode = ServiceCode::new(
///     "disposable_email",
///     ServiceMessage::new("must not be a disposable address"),
/// );
/// let code = ErrorCode::Service(&DISPOSABLE_EMAIL);
/// assert_eq!(code.as_str(), "disposable_email");
/// assert!("disposable_email".parse::<ErrorCode>().is_err(), "not one of the crate's");
/// ```
///
/// A name of another shape, or one of the crate's codes, does not compile:
///
/// ```compile_fail,E0080
/// use cleeng_register::error::{ServiceCode, ServiceMessage};
/// static TAKEN: ServiceCode = ServiceCode::new("invalid_format", ServiceMessage::new("is wrong"));
/// ```
///
/// ```compile_fail,E0080
/// use cleeng_register::error::{ServiceCode, ServiceMessage};
/// static SHOUTING: ServiceCode = ServiceCode::new("Disposable-Email", ServiceMessage::new("is wrong"));
/// ```
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ServiceCode {
    name: &'static str,
    message: ServiceMessage,
}

impl ServiceCode {
    /// The code `name` with its `message`, for a `static` or a `const`: a name or message
    /// that [`try_new`](Self::try_new) refuses stops the build there (evaluated at run time,
    /// it panics with the reason).
    pub const fn new(name: &'static str, message: ServiceMessage) -> ServiceCode {
        match ServiceCode::try_new(name, message) {
            Ok(code) => code,
            Err(error) => panic!("{}", error.reason()),
        }
    }

    /// The code `name` with its `message`, or why it cannot be one: a name that is not
    /// snake_case or is one of the crate's codes, or a message that is empty, starts or ends
    /// with white space, holds a control or line separator character, or has a translation
    /// whose language tag is malformed or given twice.
    ///
    /// ```
    /// use cleeng_register::error::{ServiceCode, ServiceCodeError, ServiceMessage};
    /// let message = ServiceMessage::new("is not a customer number of ours");
    /// assert!(ServiceCode::try_new("crm_customer_number", message).is_ok());
    /// assert_eq!(ServiceCode::try_new("crm__number", message), Err(ServiceCodeError::NotSnakeCase));
    /// assert!(matches!(ServiceCode::try_new("too_long", message), Err(ServiceCodeError::CrateCode(_))));
    /// ```
    pub const fn try_new(
        name: &'static str,
        message: ServiceMessage,
    ) -> Result<ServiceCode, ServiceCodeError> {
        if !is_snake_case(name) {
            return Err(ServiceCodeError::NotSnakeCase);
        }
        let mut i = 0;
        while i < ErrorCode::ALL.len() {
            if same(ErrorCode::ALL[i].as_str(), name) {
                return Err(ServiceCodeError::CrateCode(ErrorCode::ALL[i]));
            }
            i += 1;
        }
        if let Err(error) = message.check() {
            return Err(error);
        }
        Ok(ServiceCode { name, message })
    }

    /// The stable name, as the report writes it in `code`.
    pub const fn as_str(&self) -> &'static str {
        self.name
    }

    /// What the crate writes for it.
    pub const fn message(&self) -> &ServiceMessage {
        &self.message
    }

    /// The rule's sentence, in English: the message as it is.
    pub(crate) const fn rule(&self) -> Sentence {
        Sentence::Fixed(self.message.english)
    }
}

impl fmt::Display for ServiceCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name)
    }
}

/// What a service's rule demands, in English, with translations where the service has them:
/// a fixed sentence, never formatted from a submitted value. The crate writes the field's key
/// before it (`email must not be a disposable address`), as it does for its own rules, so it
/// starts with a verb in the lowercase and has no full stop.
///
/// ```
/// use cleeng_register::error::ServiceMessage;
/// static MESSAGE: ServiceMessage = ServiceMessage::new("must not be a disposable address")
///     .with_translations(&[("de", "darf keine Wegwerfadresse sein"), ("pl", "nie może być adresem tymczasowym")]);
/// assert_eq!(MESSAGE.english(), "must not be a disposable address");
/// assert_eq!(MESSAGE.translation("de"), Some("darf keine Wegwerfadresse sein"));
/// assert_eq!(MESSAGE.in_language("fr"), MESSAGE.english(), "English where there is none");
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ServiceMessage {
    english: &'static str,
    translations: &'static [(&'static str, &'static str)],
}

impl ServiceMessage {
    /// A message in English. [`ServiceCode::try_new`] checks it.
    pub const fn new(english: &'static str) -> ServiceMessage {
        ServiceMessage {
            english,
            translations: &[],
        }
    }

    /// The same message with a table of translations: (language tag, sentence) pairs such as
    /// `("de", "…")` or `("pt-BR", "…")`. [`ServiceCode::try_new`] checks them.
    pub const fn with_translations(
        self,
        translations: &'static [(&'static str, &'static str)],
    ) -> ServiceMessage {
        ServiceMessage {
            translations,
            ..self
        }
    }

    /// The sentence in English, which the crate writes.
    pub const fn english(&self) -> &'static str {
        self.english
    }

    /// The sentence in `language` (a tag of the table, compared ignoring ASCII case; `en` is
    /// the English one), if there is one.
    pub fn translation(&self, language: &str) -> Option<&'static str> {
        if language.eq_ignore_ascii_case("en") {
            return Some(self.english);
        }
        self.translations
            .iter()
            .find(|(tag, _)| tag.eq_ignore_ascii_case(language))
            .map(|(_, text)| *text)
    }

    /// The sentence in `language`, or in English when the table has none.
    pub fn in_language(&self, language: &str) -> &'static str {
        self.translation(language).unwrap_or(self.english)
    }

    /// Every (language tag, sentence) of the table, English not included.
    pub const fn translations(&self) -> &'static [(&'static str, &'static str)] {
        self.translations
    }

    const fn check(&self) -> Result<(), ServiceCodeError> {
        if !is_sentence(self.english) {
            return Err(ServiceCodeError::Message);
        }
        let mut i = 0;
        while i < self.translations.len() {
            let (tag, text) = self.translations[i];
            if !is_language_tag(tag) || same_ignoring_case(tag, "en") {
                return Err(ServiceCodeError::Language);
            }
            if !is_sentence(text) {
                return Err(ServiceCodeError::Message);
            }
            let mut j = 0;
            while j < i {
                if same_ignoring_case(self.translations[j].0, tag) {
                    return Err(ServiceCodeError::LanguageTwice);
                }
                j += 1;
            }
            i += 1;
        }
        Ok(())
    }
}

/// Why a [`ServiceCode`] cannot be made. Its messages name the rule, never the text.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ServiceCodeError {
    /// The name is not snake_case of at most 64 bytes.
    NotSnakeCase,
    /// The name is one of the crate's own codes.
    CrateCode(ErrorCode),
    /// A sentence is empty, starts or ends with white space, or holds a control or line
    /// separator character.
    Message,
    /// A translation's language tag is not letters, digits and single hyphens starting with
    /// a letter (at most 35 bytes), or is `en`.
    Language,
    /// A language has two translations.
    LanguageTwice,
}

impl ServiceCodeError {
    /// What is wrong, in English.
    pub const fn reason(self) -> &'static str {
        match self {
            ServiceCodeError::NotSnakeCase => {
                "a service code must be snake_case: a lowercase letter, then lowercase letters \
                 and digits, words joined by single underscores, at most 64 bytes"
            }
            ServiceCodeError::CrateCode(_) => {
                "a service code must not be one of cleeng-register's own codes"
            }
            ServiceCodeError::Message => {
                "a service message must be a sentence without surrounding white space, control \
                 or line separator characters"
            }
            ServiceCodeError::Language => {
                "a translation's language must be a tag such as de or pt-BR, other than en"
            }
            ServiceCodeError::LanguageTwice => {
                "a service message has two translations for one language"
            }
        }
    }
}

impl fmt::Display for ServiceCodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.reason())?;
        if let ServiceCodeError::CrateCode(code) = self {
            write!(f, " ({code})")?;
        }
        Ok(())
    }
}

impl std::error::Error for ServiceCodeError {}

/// `^[a-z][a-z0-9]*(_[a-z0-9]+)*$`, at most [`MAX_NAME_BYTES`].
const fn is_snake_case(name: &str) -> bool {
    let bytes = name.as_bytes();
    if bytes.is_empty() || bytes.len() > MAX_NAME_BYTES || !bytes[0].is_ascii_lowercase() {
        return false;
    }
    let mut i = 1;
    while i < bytes.len() {
        let b = bytes[i];
        let word = b.is_ascii_lowercase() || b.is_ascii_digit();
        // An underscore joins two words: never last, never twice.
        let joint = b == b'_' && i + 1 < bytes.len() && bytes[i + 1] != b'_';
        if !word && !joint {
            return false;
        }
        i += 1;
    }
    true
}

/// Letters, digits and single hyphens, starting with a letter and not ending with a hyphen:
/// the shape of a BCP 47 tag (`de`, `pt-BR`, `zh-Hant`), at most 35 bytes.
const fn is_language_tag(tag: &str) -> bool {
    let bytes = tag.as_bytes();
    if bytes.is_empty() || bytes.len() > 35 || !bytes[0].is_ascii_alphabetic() {
        return false;
    }
    let mut i = 1;
    while i < bytes.len() {
        let b = bytes[i];
        let joint = b == b'-' && i + 1 < bytes.len() && bytes[i + 1] != b'-';
        if !b.is_ascii_alphanumeric() && !joint {
            return false;
        }
        i += 1;
    }
    true
}

/// Not empty, no white space at either end, no control character (C0, DEL, C1) and no line or
/// paragraph separator: a sentence that a message, a log line or a page can hold as it is.
const fn is_sentence(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.is_empty() || bytes[0] == b' ' || bytes[bytes.len() - 1] == b' ' {
        return false;
    }
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let c1 = b == 0xC2 && i + 1 < bytes.len() && bytes[i + 1] >= 0x80 && bytes[i + 1] <= 0x9F;
        let separator = b == 0xE2
            && i + 2 < bytes.len()
            && bytes[i + 1] == 0x80
            && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9);
        if b < 0x20 || b == 0x7F || c1 || separator {
            return false;
        }
        i += 1;
    }
    !ends_with_unicode_space(bytes)
}

/// Whether `bytes` (UTF-8) starts or ends with U+00A0, U+2000..=U+200A or U+3000: the white
/// space a sentence could carry unseen at its ends besides the ASCII space.
const fn ends_with_unicode_space(bytes: &[u8]) -> bool {
    let mut last = bytes.len() - 1;
    while last > 0 && bytes[last] & 0xC0 == 0x80 {
        last -= 1;
    }
    is_unicode_space_at(bytes, 0) || is_unicode_space_at(bytes, last)
}

/// Whether the character at `at` is U+00A0, U+2000..=U+200A or U+3000.
const fn is_unicode_space_at(bytes: &[u8], at: usize) -> bool {
    let n = bytes.len();
    let nbsp = at + 1 < n && bytes[at] == 0xC2 && bytes[at + 1] == 0xA0;
    let wide = at + 2 < n
        && bytes[at] == 0xE2
        && bytes[at + 1] == 0x80
        && bytes[at + 2] >= 0x80
        && bytes[at + 2] <= 0x8A;
    let ideographic =
        at + 2 < n && bytes[at] == 0xE3 && bytes[at + 1] == 0x80 && bytes[at + 2] == 0x80;
    nbsp || wide || ideographic
}

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

const fn same_ignoring_case(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if !a[i].eq_ignore_ascii_case(&b[i]) {
            return false;
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    const MESSAGE: ServiceMessage = ServiceMessage::new("is not ours");

    #[test]
    fn a_name_must_be_snake_case() {
        for good in ["a", "disposable_email", "crm_id2", "x_1_y"] {
            assert!(ServiceCode::try_new(good, MESSAGE).is_ok(), "{good}");
        }
        let too_long: &'static str = "a".repeat(MAX_NAME_BYTES + 1).leak();
        for bad in [
            "", "_a", "a_", "a__b", "A", "aB", "1a", "a-b", "a b", "é", "a\n", too_long,
        ] {
            assert_eq!(
                ServiceCode::try_new(bad, MESSAGE),
                Err(ServiceCodeError::NotSnakeCase),
                "{bad:?}"
            );
        }
        let longest: &'static str = "a".repeat(MAX_NAME_BYTES).leak();
        assert!(ServiceCode::try_new(longest, MESSAGE).is_ok());
    }

    #[test]
    fn every_crate_code_is_refused_as_a_service_code() {
        for code in ErrorCode::ALL {
            assert_eq!(
                ServiceCode::try_new(code.as_str(), MESSAGE),
                Err(ServiceCodeError::CrateCode(code))
            );
        }
    }

    #[test]
    fn a_message_must_be_a_plain_sentence() {
        for bad in [
            "",
            " is x",
            "is x ",
            "is\nx",
            "is\u{1b}x",
            "is\u{85}x",
            "is\u{2028}x",
            "\u{a0}is x",
            "is x\u{3000}",
            "is x\u{2009}",
        ] {
            let message: &'static str = bad.to_owned().leak();
            assert_eq!(
                ServiceCode::try_new("a", ServiceMessage::new(message)),
                Err(ServiceCodeError::Message),
                "{bad:?}"
            );
        }
        let translated = |table: &'static [(&'static str, &'static str)]| {
            ServiceCode::try_new("a", MESSAGE.with_translations(table))
        };
        assert!(translated(&[("de", "ist nicht unser"), ("pt-BR", "não é nosso")]).is_ok());
        assert_eq!(translated(&[("de", "")]), Err(ServiceCodeError::Message));
        for tag in ["", "d e", "-de", "de-", "de--x", "EN", "en"] {
            let tag: &'static str = tag.to_owned().leak();
            let table: &'static [(&'static str, &'static str)] = vec![(tag, "x")].leak();
            assert_eq!(
                translated(table),
                Err(ServiceCodeError::Language),
                "{tag:?}"
            );
        }
        assert_eq!(
            translated(&[("de", "x"), ("DE", "y")]),
            Err(ServiceCodeError::LanguageTwice)
        );
    }

    #[test]
    #[should_panic(expected = "must not be one of cleeng-register's own codes")]
    fn new_at_run_time_panics_with_the_reason() {
        let name: &'static str = "missing".to_owned().leak();
        ServiceCode::new(name, MESSAGE);
    }
}
