//! `externalData`: a string that holds a JSON object.

use crate::error::{ErrorCode, Params, ValueError, Violation, Wording};
use crate::value::field_value::{FieldText, FieldValue, Rule, ValueOptions};
use crate::value::owned_text;
use cleeng_register_json::scan::{walk_text, WalkError, PARSER_DEPTH_LIMIT};
use serde_json::{json, Value};

static EXTERNAL_DATA_WORDING: Wording = Wording::new("external data", "has an invalid format");

/// Limits on `externalData`, set by the [`Policy`](crate::Policy). More may be added, hence
/// `non_exhaustive`: start from [`ExternalDataLimits::DEFAULT`] or [`ExternalDataLimits::new`].
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct ExternalDataLimits {
    /// The most UTF-8 bytes the text may have.
    pub max_bytes: usize,
    /// The deepest nesting allowed: `{}` is depth 1, `{"a":[1]}` depth 2.
    pub max_depth: usize,
}

impl ExternalDataLimits {
    /// The defaults: 16384 bytes, depth 32.
    pub const DEFAULT: ExternalDataLimits = ExternalDataLimits::new(16384, 32);
    /// The greatest `max_depth` a policy may set (serde_json's own limit is 128).
    pub const MAX_DEPTH_LIMIT: usize = 100;
    const _BELOW_PARSER_LIMIT: () = assert!(Self::MAX_DEPTH_LIMIT < PARSER_DEPTH_LIMIT);

    /// Limits of `max_bytes` UTF-8 bytes and `max_depth` levels. A [`Policy`](crate::Policy)
    /// checks their ranges when it is built.
    pub const fn new(max_bytes: usize, max_depth: usize) -> Self {
        ExternalDataLimits {
            max_bytes,
            max_depth,
        }
    }
}

impl Default for ExternalDataLimits {
    fn default() -> Self {
        ExternalDataLimits::DEFAULT
    }
}

/// Free-form customer data: a string holding RFC 8259 JSON text whose top value is an object,
/// within size and depth limits. The text is kept byte for byte; [`CustomData::value`] parses
/// it on demand.
///
/// Rules, first failing one reported: `too_large` (bytes), `invalid_json`, `too_deep`,
/// `not_an_object`.
///
/// ```
/// use cleeng_register::{CustomData, ErrorCode};
/// let data = CustomData::parse(r#"{"plan": "gold", "tags": [1, 2]}"#)?;
/// assert_eq!(data.value()["plan"], "gold");
/// assert_eq!(data.depth(), 2);
/// assert_eq!(CustomData::parse("[1]").unwrap_err().code(), ErrorCode::NotAnObject);
/// assert_eq!(CustomData::parse("{").unwrap_err().code(), ErrorCode::InvalidJson);
/// # Ok::<(), cleeng_register::ValueError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CustomData(String);

impl CustomData {
    /// Checks the rules under `limits` and copies.
    pub fn parse_with_limits(s: &str, limits: ExternalDataLimits) -> Result<Self, ValueError> {
        check(s, limits)?;
        Ok(CustomData(s.to_owned()))
    }

    pub(crate) fn parse_cow(
        s: std::borrow::Cow<'_, str>,
        limits: ExternalDataLimits,
    ) -> Result<Self, ValueError> {
        check(&s, limits)?;
        Ok(CustomData(s.into_owned()))
    }

    /// The parsed JSON object.
    pub fn value(&self) -> serde_json::Value {
        serde_json::from_str(&self.0).expect(
            "the scanner accepts only what serde_json reads into a Value, whatever its features",
        )
    }

    /// Deserializes the data into a caller's type.
    pub fn deserialize<'a, T: serde::Deserialize<'a>>(&'a self) -> serde_json::Result<T> {
        serde_json::from_str(&self.0)
    }

    /// How deep the JSON nests (`{}` is 1).
    pub fn depth(&self) -> usize {
        walk_text(&self.0)
            .expect("the text was accepted by the same walk")
            .depth
    }
}

fn check(s: &str, limits: ExternalDataLimits) -> Result<(), ValueError> {
    let fail = |v| Err(ValueError::new(&EXTERNAL_DATA_WORDING, v));
    if s.len() > limits.max_bytes {
        return fail(Violation::with(
            ErrorCode::TooLarge,
            Params::max(limits.max_bytes as u32),
        ));
    }
    let too_deep = Violation::with(ErrorCode::TooDeep, Params::max(limits.max_depth as u32));
    match walk_text(s) {
        Err(WalkError::Invalid) => fail(Violation::new(ErrorCode::InvalidJson)),
        Err(WalkError::PastParserLimit) => fail(too_deep),
        Ok(walked) if walked.depth > limits.max_depth => fail(too_deep),
        Ok(walked) if !walked.is_object => fail(Violation::new(ErrorCode::NotAnObject)),
        Ok(_) => Ok(()),
    }
}

owned_text!(CustomData, "a string holding a JSON object", |s: &str| {
    check(s, ExternalDataLimits::DEFAULT)
});

impl FieldValue for CustomData {
    fn from_field_text(
        text: FieldText<'_>,
        options: &ValueOptions<'_>,
    ) -> Result<Self, ValueError> {
        CustomData::parse_cow(text.into_cow(), options.external_data)
    }

    fn rules(options: &ValueOptions<'_>) -> Vec<Rule> {
        let limits = options.external_data;
        vec![
            Rule::max(ErrorCode::TooLarge, limits.max_bytes),
            Rule::new(ErrorCode::InvalidJson),
            Rule::max(ErrorCode::TooDeep, limits.max_depth),
            Rule::new(ErrorCode::NotAnObject),
        ]
    }

    fn schema(options: &ValueOptions<'_>) -> Value {
        let ExternalDataLimits {
            max_bytes,
            max_depth,
        } = options.external_data;
        json!({
            "type": "string",
            "description": format!(
                "Custom data: JSON text whose top value is an object, at most {max_bytes} UTF-8 bytes and \
                 {max_depth} levels deep. The schema bounds the length in characters only; the crate checks \
                 bytes, syntax and depth."
            ),
            // Every character is at least one byte, so this bound never refuses a valid value.
            "maxLength": max_bytes,
            "contentMediaType": "application/json",
            "contentSchema": {"type": "object"},
            "examples": ["{\"plan\":\"gold\"}"],
        })
    }
}
