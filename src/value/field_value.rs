//! What a field's value type says about itself, once: [`FieldValue`]. The generic code above
//! (the checker, the schema, the messages document, the problem writer's table) reaches a
//! type's rules only through it, walking the [`Field`](crate::Field) table.

use std::borrow::Cow;
use std::ops::Deref;

use schemars::JsonSchema;
use serde_json::Value;
use zeroize::Zeroizing;

use crate::error::{ErrorCode, Params, ValueError, Violation};
use crate::text::FromText;
use crate::value::{Currency, ExternalDataLimits, Locale};

/// What of a service's policy the value types' rules read; the policy hands it over
/// (`Policy::value_options`), and the value types know nothing else of it.
#[derive(Copy, Clone, Debug)]
pub(crate) struct ValueOptions<'p> {
    /// `allowInternationalEmail`.
    pub(crate) international_email: bool,
    /// `maxExternalDataBytes`, `maxExternalDataDepth`.
    pub(crate) external_data: ExternalDataLimits,
    /// `allowedLocales`.
    pub(crate) allowed_locales: Option<&'p [Locale]>,
    /// `allowedCurrencies`.
    pub(crate) allowed_currencies: Option<&'p [Currency]>,
}

impl ValueOptions<'static> {
    /// The default policy's.
    pub(crate) const DEFAULT: ValueOptions<'static> = ValueOptions {
        international_email: false,
        external_data: ExternalDataLimits::DEFAULT,
        allowed_locales: None,
        allowed_currencies: None,
    };
}

/// A field's string as the request reader has it: borrowed from the body, or decoded into
/// memory wiped on drop.
pub(crate) enum FieldText<'a> {
    /// A string without escapes, in the body itself.
    Borrowed(&'a str),
    /// A string with escapes, decoded.
    Decoded(Zeroizing<String>),
}

impl<'a> FieldText<'a> {
    /// The text for a constructor that keeps it: a decoded buffer moves on unwiped, so only
    /// for a constructor that wipes what it refuses (the password's) or a field that is not
    /// a secret. A secret type that does not wipe reads the text through `Deref` instead,
    /// and the buffer is wiped here when dropped.
    pub(crate) fn into_cow(self) -> Cow<'a, str> {
        match self {
            FieldText::Borrowed(s) => Cow::Borrowed(s),
            FieldText::Decoded(mut s) => Cow::Owned(std::mem::take(&mut *s)),
        }
    }

    /// The text through `T`'s constructor: borrowed text is checked before it is copied (a
    /// refused value is never copied), a decoded buffer is handed over. Only for a
    /// constructor that wipes what it refuses, or a field that is not a secret, as above.
    pub(crate) fn parse<T: FromText<Error = ValueError>>(self) -> Result<T, ValueError> {
        match self {
            FieldText::Borrowed(s) => T::from_text(s),
            FieldText::Decoded(mut s) => T::from_owned_text(std::mem::take(&mut *s)),
        }
    }
}

impl Deref for FieldText<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            FieldText::Borrowed(s) => s,
            FieldText::Decoded(s) => s,
        }
    }
}

/// One rule of a value, as the messages document lists it: its code, its params, and where
/// one schema keyword states several rules at once, what a value keeping this one matches.
pub(crate) struct Rule {
    pub(crate) code: ErrorCode,
    pub(crate) params: Params,
    pub(crate) pattern: Option<String>,
}

impl Rule {
    pub(crate) const fn new(code: ErrorCode) -> Rule {
        Rule {
            code,
            params: Params::NONE,
            pattern: None,
        }
    }

    pub(crate) fn min(code: ErrorCode, min: usize) -> Rule {
        // Every limit of a field is a small constant or a policy limit of at most 64 MiB.
        Rule {
            params: Params::min(min as u32),
            ..Rule::new(code)
        }
    }

    pub(crate) fn max(code: ErrorCode, max: usize) -> Rule {
        Rule {
            params: Params::max(max as u32),
            ..Rule::new(code)
        }
    }

    pub(crate) fn matching(code: ErrorCode, pattern: impl Into<String>) -> Rule {
        Rule {
            pattern: Some(pattern.into()),
            ..Rule::new(code)
        }
    }

    /// The rules of a code with an allow-list under the policy: `unknown_code` (with the
    /// pattern of the assigned codes where the schema's one `enum` is the allow-list, so the
    /// two rules can be told apart) and `not_supported`.
    pub(crate) fn allow_listed(listed: bool, assigned: String) -> impl Iterator<Item = Rule> {
        let unknown = if listed {
            Rule::matching(ErrorCode::UnknownCode, assigned)
        } else {
            Rule::new(ErrorCode::UnknownCode)
        };
        std::iter::once(unknown).chain(listed.then(|| Rule::new(ErrorCode::NotSupported)))
    }
}

/// Everything a field's value type says about itself: how it is read from the body's text
/// under a policy, its rules in the order it checks them, and its JSON Schema. Its wording is
/// its refusals' ([`ValueError::wording`]); its generators are in the integrations, one
/// `match` arm a field.
///
/// The rules and the schema come from the same constants as the constructor's checks (the
/// lengths, the lists); a pattern the schema needs is written beside the constructor, and
/// the differential tests hold the two together. (`JsonSchema`, the schema under the default
/// policy, is one row in `src/schema.rs`.)
pub(crate) trait FieldValue: JsonSchema + Sized {
    /// Whether a refusal names every rule the value breaks (the password) or the first only.
    const REPORTS_EVERY_RULE: bool = false;

    /// Reads the value from the body's text under `options`.
    fn from_field_text(text: FieldText<'_>, options: &ValueOptions<'_>)
        -> Result<Self, ValueError>;

    /// The rules after `not_a_string`, in the order the constructor checks them, under
    /// `options` (`missing` and `not_a_string` are the field's, not the type's).
    fn rules(options: &ValueOptions<'_>) -> Vec<Rule>;

    /// The JSON Schema of a value under `options` (`type: string`; the field makes it
    /// nullable where it may be absent).
    fn schema(options: &ValueOptions<'_>) -> Value;

    /// The refusals of `unknown_code` whose message differs from the rule's (a suggestion,
    /// mostly): the pattern of the values that get each, and the violation. None by default.
    fn suggestions(options: &ValueOptions<'_>) -> Vec<(String, Violation)> {
        let _ = options;
        Vec::new()
    }
}

/// Each unassigned country code in a `T` for which its parser suggests another, found by
/// asking it about every two capital letters after `before` (the rest of a value that is
/// otherwise valid): the pattern of the values that hold it (`pattern_before`, then the code,
/// which ends the value) and the violation with the suggestion.
pub(crate) fn country_code_suggestions<T: FieldValue>(
    before: &str,
    pattern_before: &str,
    options: &ValueOptions<'_>,
) -> Vec<(String, Violation)> {
    let mut found = Vec::new();
    for first in 'A'..='Z' {
        for second in 'A'..='Z' {
            let code = format!("{first}{second}");
            let text = format!("{before}{code}");
            let Err(refused) = T::from_field_text(FieldText::Borrowed(&text), options) else {
                continue;
            };
            for v in refused.violations() {
                if v.code == ErrorCode::UnknownCode && v.params.suggestion.is_some() {
                    found.push((format!("{pattern_before}{code}$"), v));
                }
            }
        }
    }
    found
}

/// `a|b|c`: the codes as one ECMA-262 alternation.
pub(crate) fn alternation<'a>(codes: impl Iterator<Item = &'a str>) -> String {
    codes.collect::<Vec<_>>().join("|")
}
