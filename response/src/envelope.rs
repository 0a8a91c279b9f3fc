//! The success envelope, `{"responseData":{…},"errors":[]}`, read in one pass: each known
//! key's value is kept (borrowed when it has no escapes), every other value is skipped, and
//! no `serde_json::Value` is built.
//!
//! The three secrets (`customerToken`, `jwt`, `refreshToken`) are taken from serde_json as
//! raw text (`&RawValue`): serde_json would decode a string with escapes into its scratch
//! buffer and free it unwiped, leaving the plaintext behind. A string with escapes is
//! decoded by the core's decoder into memory wiped on drop instead.

use std::fmt;

use serde::de::{self, DeserializeSeed, IgnoredAny, Visitor};
use serde::ser::SerializeStruct;
use serde::{Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;
use zeroize::Zeroizing;

use cleeng_register::__private::decode_string_literal;
use cleeng_register::error::{Params, Violation, Wording};
use cleeng_register::{FieldError, ValueError};

use crate::{CustomerId, CustomerToken, Jwt, RefreshToken, ResponseErrorCode, ResponseReport};

static RESPONSE_WORDING: Wording = Wording::new("register response", "has an invalid format");

const RESPONSE_DATA: &str = "/responseData";
const CUSTOMER_ID: &str = "/responseData/customerId";
const CUSTOMER_TOKEN: &str = "/responseData/customerToken";
const JWT: &str = "/responseData/jwt";
const REFRESH_TOKEN: &str = "/responseData/refreshToken";

/// Cleeng's answer to a successful registration (HTTP 200): the new customer's id, a JWT
/// naming the same customer, and two session tokens.
///
/// [`RegisterResponse::from_json`] reads the envelope
/// `{"responseData":{"customerId":…,"customerToken":"…","jwt":"…","refreshToken":"…"},"errors":[]}`
/// and reports every error at once; `Serialize` writes that envelope back (for mocks and
/// tests), and reading it again gives an equal value. `Debug` shows the customer id and no
/// part of any token.
///
/// ```
/// use cleeng_register_response::RegisterResponse;
/// let body = br#"{"responseData":{"customerId":"7","customerToken":"ct","refreshToken":"rt",
///     "jwt":"eyJhbGciOiJub25lIn0.eyJjdXN0b21lcklkIjo3LCJwdWJsaXNoZXJJZCI6MjA3MTgyODUsImV4cCI6MTcwMDAwMDAwMH0.c2ln"},
///     "errors":[]}"#;
/// let response = RegisterResponse::from_json(body)?;
/// assert_eq!(response.customer_id().get(), 7);
/// assert!(!format!("{response:?}").contains("eyJ"));
/// let again = RegisterResponse::from_json(&serde_json::to_vec(&response).unwrap())?;
/// assert_eq!(again, response);
/// # Ok::<(), cleeng_register_response::ResponseReport>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct RegisterResponse {
    customer_id: CustomerId,
    customer_token: CustomerToken,
    jwt: Jwt,
    refresh_token: RefreshToken,
}

impl RegisterResponse {
    /// A response from its parts (for mocks and tests). Refused with `claims_mismatch` when
    /// the JWT names another customer.
    pub fn new(
        customer_id: CustomerId,
        jwt: Jwt,
        customer_token: CustomerToken,
        refresh_token: RefreshToken,
    ) -> Result<Self, ValueError<ResponseErrorCode>> {
        if jwt.unverified_claims().customer_id() != customer_id {
            return Err(ValueError::new(
                &RESPONSE_WORDING,
                Violation::new(ResponseErrorCode::ClaimsMismatch),
            ));
        }
        Ok(RegisterResponse {
            customer_id,
            customer_token,
            jwt,
            refresh_token,
        })
    }

    /// Reads Cleeng's success envelope, reporting every error at once, in this order:
    /// `responseData`, then `customerId`, `customerToken`, `jwt` (with `claims_mismatch`) and
    /// `refreshToken`.
    ///
    /// - Not UTF-8, not JSON, or not a JSON object: `malformed_body` at `""`, alone.
    /// - `responseData` absent or `null`: `missing`; not an object: `not_an_object`.
    /// - A field absent or `null`: `missing`; `customerId` not a positive integer (number or
    ///   digit string without leading zeros) that fits `u64`: `invalid_format`; a token or
    ///   the JWT not a string: `not_a_string`, else the rules of its type.
    /// - The JWT's `customerId` claim differs from `customerId`: `claims_mismatch` at
    ///   `/responseData/jwt`.
    /// - Other keys, in the envelope and in `responseData`, are ignored; a repeated key
    ///   counts once, its last value wins (as in JavaScript's `JSON.parse`).
    pub fn from_json(body: &[u8]) -> Result<RegisterResponse, ResponseReport> {
        // One UTF-8 check of the whole body is cheaper than serde_json's check of each string.
        let data = match std::str::from_utf8(body).ok().map(read_envelope) {
            Some(Ok(data)) => data,
            _ => {
                return Err(ResponseReport::single(FieldError::at_root(
                    ResponseErrorCode::MalformedBody,
                    Params::NONE,
                )))
            }
        };
        let fields = match data {
            RawData::Object(fields) => fields,
            RawData::Absent => return Err(single(RESPONSE_DATA, ResponseErrorCode::Missing)),
            RawData::NotAnObject => {
                return Err(single(RESPONSE_DATA, ResponseErrorCode::NotAnObject))
            }
        };
        let mut errors = Vec::new();
        let customer_id = match fields.customer_id {
            RawId::Id(id) => Some(id),
            RawId::Absent => push(
                &mut errors,
                CUSTOMER_ID,
                Violation::new(ResponseErrorCode::Missing),
            ),
            RawId::Invalid => push(
                &mut errors,
                CUSTOMER_ID,
                Violation::new(ResponseErrorCode::InvalidFormat),
            ),
        };
        let customer_token = text(fields.customer_token, CUSTOMER_TOKEN, &mut errors, |s| {
            CustomerToken::parse_owned(s)
        });
        let jwt = text(fields.jwt, JWT, &mut errors, Jwt::parse_owned);
        if let (Some(id), Some(jwt)) = (customer_id, &jwt) {
            if jwt.unverified_claims().customer_id() != id {
                errors.push(FieldError::new(
                    JWT,
                    Violation::new(ResponseErrorCode::ClaimsMismatch),
                ));
            }
        }
        let refresh_token = text(fields.refresh_token, REFRESH_TOKEN, &mut errors, |s| {
            RefreshToken::parse_owned(s)
        });
        match (customer_id, customer_token, jwt, refresh_token) {
            (Some(customer_id), Some(customer_token), Some(jwt), Some(refresh_token))
                if errors.is_empty() =>
            {
                Ok(RegisterResponse {
                    customer_id,
                    customer_token,
                    jwt,
                    refresh_token,
                })
            }
            // At most one error per part: no cap is needed.
            _ => {
                Err(ResponseReport::new(errors)
                    .expect("a part is missing only when an error says why"))
            }
        }
    }

    /// `responseData.customerId`.
    pub fn customer_id(&self) -> CustomerId {
        self.customer_id
    }

    /// `responseData.jwt`, whose `customerId` claim is [`RegisterResponse::customer_id`].
    pub fn jwt(&self) -> &Jwt {
        &self.jwt
    }

    /// `responseData.customerToken`.
    pub fn customer_token(&self) -> &CustomerToken {
        &self.customer_token
    }

    /// `responseData.refreshToken`.
    pub fn refresh_token(&self) -> &RefreshToken {
        &self.refresh_token
    }
}

fn read_envelope(text: &str) -> Result<RawData<'_>, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let data = de.deserialize_map(EnvelopeVisitor)?;
    de.end()?;
    Ok(data)
}

fn single(pointer: &'static str, code: ResponseErrorCode) -> ResponseReport {
    ResponseReport::single(FieldError::new(pointer, Violation::new(code)))
}

fn push<T>(
    errors: &mut Vec<FieldError<ResponseErrorCode>>,
    pointer: &'static str,
    violation: Violation<ResponseErrorCode>,
) -> Option<T> {
    errors.push(FieldError::new(pointer, violation));
    None
}

/// A string field through its type's constructor; its error, if any, is pushed.
fn text<T>(
    raw: RawText<'_>,
    pointer: &'static str,
    errors: &mut Vec<FieldError<ResponseErrorCode>>,
    parse: impl FnOnce(String) -> Result<T, ValueError<ResponseErrorCode>>,
) -> Option<T> {
    let s = match raw {
        RawText::Borrowed(s) => s.to_owned(),
        // The constructor keeps the buffer, or wipes it if it refuses it.
        RawText::Decoded(mut s) => std::mem::take(&mut *s),
        RawText::Absent => {
            return push(errors, pointer, Violation::new(ResponseErrorCode::Missing))
        }
        RawText::NotAString => {
            return push(
                errors,
                pointer,
                Violation::new(ResponseErrorCode::NotAString),
            )
        }
    };
    match parse(s) {
        Ok(value) => Some(value),
        Err(err) => {
            errors.extend(FieldError::from_value(pointer, &err));
            None
        }
    }
}

/// Cleeng's envelope, with an empty `errors` list.
impl Serialize for RegisterResponse {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Data<'a>(&'a RegisterResponse);
        impl Serialize for Data<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let r = self.0;
                let mut s = serializer.serialize_struct("ResponseData", 4)?;
                s.serialize_field("customerId", &r.customer_id)?;
                s.serialize_field("customerToken", &r.customer_token)?;
                s.serialize_field("jwt", &r.jwt)?;
                s.serialize_field("refreshToken", &r.refresh_token)?;
                s.end()
            }
        }
        let mut s = serializer.serialize_struct("RegisterResponse", 2)?;
        s.serialize_field("responseData", &Data(self))?;
        s.serialize_field("errors", &[(); 0])?;
        s.end()
    }
}

/// What `responseData` held.
#[derive(Default)]
enum RawData<'de> {
    #[default]
    Absent,
    NotAnObject,
    Object(RawFields<'de>),
}

#[derive(Default)]
struct RawFields<'de> {
    customer_id: RawId,
    customer_token: RawText<'de>,
    jwt: RawText<'de>,
    refresh_token: RawText<'de>,
}

#[derive(Default)]
enum RawId {
    #[default]
    Absent,
    Id(CustomerId),
    Invalid,
}

/// A token's text as read. A decoded copy (of a string with escapes) is wiped when it is
/// dropped: a repeated key's earlier value, or every value of a body refused half-way.
#[derive(Default)]
enum RawText<'de> {
    #[default]
    Absent,
    Borrowed(&'de str),
    Decoded(Zeroizing<String>),
    NotAString,
}

impl<'de> RawText<'de> {
    /// A secret field's value, from its raw JSON text.
    ///
    /// serde_json checks raw text less than it checks a decoded value: a string's surrogates
    /// are checked by the decoder here (as serde_json's own decoding would), and any other
    /// value is read again through [`OtherValue`], exactly as before it was raw.
    fn from_raw<E: de::Error>(raw: &'de RawValue) -> Result<Self, E> {
        let text = raw.get();
        if !text.starts_with('"') {
            let mut de = serde_json::Deserializer::from_str(text);
            return de
                .deserialize_any(OtherValue)
                .and_then(|value| de.end().map(|()| value))
                .map_err(|_| E::custom("invalid JSON"));
        }
        match text.get(1..text.len() - 1) {
            Some(inner) if memchr::memchr(b'\\', inner.as_bytes()).is_none() => {
                Ok(RawText::Borrowed(inner))
            }
            _ => decode_string_literal(text)
                .map(RawText::Decoded)
                .ok_or_else(|| E::custom("invalid JSON string")),
        }
    }
}

/// Drains a sequence or map whose content does not matter.
fn drain_seq<'de, A: de::SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
    while seq.next_element::<IgnoredAny>()?.is_some() {}
    Ok(())
}

fn drain_map<'de, A: de::MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
    while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
    Ok(())
}

/// The keys the reader looks at; any other is skipped without being copied.
macro_rules! key_seed {
    ($seed:ident => $key:ident { $($name:literal => $variant:ident,)* }) => {
        enum $key { $($variant,)* Other }

        struct $seed;

        impl<'de> DeserializeSeed<'de> for $seed {
            type Value = $key;
            fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<$key, D::Error> {
                deserializer.deserialize_str(self)
            }
        }

        impl Visitor<'_> for $seed {
            type Value = $key;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<$key, E> {
                Ok(match v {
                    $($name => $key::$variant,)*
                    _ => $key::Other,
                })
            }
        }
    };
}

key_seed!(EnvelopeKeySeed => EnvelopeKey { "responseData" => ResponseData, });
key_seed!(DataKeySeed => DataKey {
    "customerId" => CustomerId,
    "customerToken" => CustomerToken,
    "jwt" => Jwt,
    "refreshToken" => RefreshToken,
});

struct EnvelopeVisitor;

impl<'de> Visitor<'de> for EnvelopeVisitor {
    type Value = RawData<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<RawData<'de>, A::Error> {
        let mut data = RawData::Absent;
        while let Some(key) = map.next_key_seed(EnvelopeKeySeed)? {
            match key {
                EnvelopeKey::ResponseData => data = map.next_value_seed(DataSeed)?,
                EnvelopeKey::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(data)
    }
}

/// `responseData`: an object of fields, `null` (absent), or anything else.
struct DataSeed;

impl<'de> DeserializeSeed<'de> for DataSeed {
    type Value = RawData<'de>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<RawData<'de>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

macro_rules! other_types {
    ($result:expr; $($method:ident: $ty:ty),*) => {$(
        fn $method<E: de::Error>(self, _: $ty) -> Result<Self::Value, E> {
            Ok($result)
        }
    )*};
}

impl<'de> Visitor<'de> for DataSeed {
    type Value = RawData<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("responseData")
    }

    other_types!(RawData::NotAnObject; visit_bool: bool, visit_i64: i64, visit_u64: u64,
        visit_f64: f64, visit_str: &str);

    fn visit_unit<E: de::Error>(self) -> Result<RawData<'de>, E> {
        Ok(RawData::Absent)
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<RawData<'de>, A::Error> {
        drain_seq(seq)?;
        Ok(RawData::NotAnObject)
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<RawData<'de>, A::Error> {
        let mut fields = RawFields::default();
        while let Some(key) = map.next_key_seed(DataKeySeed)? {
            match key {
                DataKey::CustomerId => fields.customer_id = map.next_value_seed(IdSeed)?,
                DataKey::CustomerToken => {
                    fields.customer_token = RawText::from_raw(map.next_value()?)?
                }
                DataKey::Jwt => fields.jwt = RawText::from_raw(map.next_value()?)?,
                DataKey::RefreshToken => {
                    fields.refresh_token = RawText::from_raw(map.next_value()?)?
                }
                DataKey::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(RawData::Object(fields))
    }
}

/// `customerId`: a number or a digit string; anything else is invalid, `null` absent.
struct IdSeed;

impl<'de> DeserializeSeed<'de> for IdSeed {
    type Value = RawId;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<RawId, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for IdSeed {
    type Value = RawId;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("customerId")
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawId, E> {
        Ok(CustomerId::new(v).map_or(RawId::Invalid, RawId::Id))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<RawId, E> {
        Ok(CustomerId::parse(v).map_or(RawId::Invalid, RawId::Id))
    }

    // serde_json gives i64 only for negatives, f64 for fractions, exponents and overflow.
    other_types!(RawId::Invalid; visit_bool: bool, visit_i64: i64, visit_f64: f64);

    fn visit_unit<E: de::Error>(self) -> Result<RawId, E> {
        Ok(RawId::Absent)
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<RawId, A::Error> {
        drain_seq(seq)?;
        Ok(RawId::Invalid)
    }

    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<RawId, A::Error> {
        drain_map(map)?;
        Ok(RawId::Invalid)
    }
}

/// A secret field's value that is not a string, read from its raw text: `null` is absent,
/// anything else not a string.
struct OtherValue;

impl<'de> Visitor<'de> for OtherValue {
    type Value = RawText<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    other_types!(RawText::NotAString; visit_bool: bool, visit_i64: i64, visit_u64: u64,
        visit_f64: f64);

    fn visit_unit<E: de::Error>(self) -> Result<RawText<'de>, E> {
        Ok(RawText::Absent)
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<RawText<'de>, A::Error> {
        drain_seq(seq)?;
        Ok(RawText::NotAString)
    }

    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<RawText<'de>, A::Error> {
        drain_map(map)?;
        Ok(RawText::NotAString)
    }
}
