//! The codes of what can be wrong with Cleeng's answer.

use cleeng_register::error::Sentence;
use cleeng_register::ErrorCode;

cleeng_register::code_table! {
    /// The stable, snake_case codes of the problems
    /// [`RegisterResponse::from_json`](crate::RegisterResponse::from_json) finds in Cleeng's
    /// answer. They are API:
    /// [`ResponseErrorCode::as_str`] never changes for an existing variant.
    ///
    /// A rule the request shares (`missing`, `too_long`, …) has the request's code and
    /// sentence; `claims_mismatch` is the answer's own.
    ///
    /// ```
    /// use cleeng_register_response::ResponseErrorCode;
    /// assert_eq!(ResponseErrorCode::ClaimsMismatch.as_str(), "claims_mismatch");
    /// assert_eq!("missing".parse(), Ok(ResponseErrorCode::Missing));
    /// ```
    pub enum ResponseErrorCode;
    list: "response error code";
    document: "the response body";
    sentence: |params, wording|;
    /// A part of the answer is absent (or `null`).
    Missing = "missing" => ErrorCode::Missing.rule(params, wording);
    /// A token or the JWT is not a JSON string.
    NotAString = "not_a_string" => ErrorCode::NotAString.rule(params, wording);
    /// A token is empty (`params.min`).
    TooShort = "too_short" => ErrorCode::TooShort.rule(params, wording);
    /// A token is longer than allowed (`params.max`).
    TooLong = "too_long" => ErrorCode::TooLong.rule(params, wording);
    /// A value does not have its shape (the customer id, a token, the JWT or a claim).
    InvalidFormat = "invalid_format" => ErrorCode::InvalidFormat.rule(params, wording);
    /// `responseData` is not a JSON object.
    NotAnObject = "not_an_object" => ErrorCode::NotAnObject.rule(params, wording);
    /// The answer is not UTF-8, not JSON, or not a JSON object.
    MalformedBody = "malformed_body" => ErrorCode::MalformedBody.rule(params, wording);
    /// The JWT's `customerId` claim differs from `responseData.customerId`.
    ClaimsMismatch = "claims_mismatch" => Sentence::Fixed("names a different customerId than responseData.customerId");
}
