//! The success envelope, `{"responseData":{…},"errors":[]}`, read in one pass with the
//! core's JSON scanner: each known key's value is kept (borrowed when it has no escapes),
//! every other value is skipped, and no `serde_json::Value` is built.
//!
//! A token with escapes is decoded into memory wiped on drop (serde_json would decode it
//! into its scratch buffer and free that unwiped, leaving the plaintext behind). What is
//! checked is what the serde_json reader before it checked: keys and the values read are
//! decoded as serde_json decodes them (surrogates paired, numbers within `f64`); values
//! skipped are checked as serde's `IgnoredAny` skips them (syntax only, at any depth).

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};
use zeroize::Zeroizing;

use cleeng_register::error::{Params, Violation, Wording};
use cleeng_register::{FieldError, ValueError};
use cleeng_register_json::scan::{Malformed, RawStr, Scanner};

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

/// Reads the envelope: an object whose `responseData` (the last one, if repeated) is kept.
fn read_envelope(text: &str) -> Result<RawData<'_>, Malformed> {
    let mut scanner = Scanner::new(text);
    let mut data = RawData::Absent;
    object(&mut scanner, |scanner, key| {
        if key == "responseData" {
            data = read_data(scanner)?;
        } else {
            scanner.skip_lenient()?;
        }
        Ok(())
    })?;
    scanner.finish()?;
    Ok(data)
}

/// Reads an object, which must be next, handing each key (decoded) and the scanner at its
/// value to `member`.
fn object<'a>(
    scanner: &mut Scanner<'a>,
    mut member: impl FnMut(&mut Scanner<'a>, &str) -> Result<(), Malformed>,
) -> Result<(), Malformed> {
    scanner.expect(b'{')?;
    if scanner.eat(b'}') {
        return Ok(());
    }
    loop {
        let key = scanner.key()?;
        match key.unescaped() {
            Some(key) => member(scanner, key)?,
            // Keys are not secret.
            None => member(scanner, &key.decode())?,
        }
        if !scanner.eat(b',') {
            return scanner.expect(b'}');
        }
    }
}

/// `responseData`: an object of fields, `null` (absent), or anything else.
fn read_data<'a>(scanner: &mut Scanner<'a>) -> Result<RawData<'a>, Malformed> {
    if scanner.peek() != Some(b'{') {
        return Ok(if scanner.eat_null()? {
            RawData::Absent
        } else {
            skip_read(scanner)?;
            RawData::NotAnObject
        });
    }
    let mut fields = RawFields::default();
    object(scanner, |scanner, key| {
        match key {
            "customerId" => fields.customer_id = read_id(scanner)?,
            "customerToken" => fields.customer_token = read_text(scanner)?,
            "jwt" => fields.jwt = read_text(scanner)?,
            "refreshToken" => fields.refresh_token = read_text(scanner)?,
            _ => scanner.skip_lenient()?,
        }
        Ok(())
    })?;
    Ok(RawData::Object(fields))
}

/// `customerId`: a positive integer that fits `u64`, as a number or a digit string;
/// anything else is invalid, `null` absent.
fn read_id(scanner: &mut Scanner<'_>) -> Result<RawId, Malformed> {
    let id = match scanner.peek() {
        Some(b'"') => CustomerId::parse(&text_of(scanner.string()?)).ok(),
        // The number's text under the string's rules: a sign, a fraction or an exponent is
        // not a customer id, and neither is a number past `u64`.
        Some(b'-' | b'0'..=b'9') => CustomerId::parse(scanner.number()?).ok(),
        _ if scanner.eat_null()? => return Ok(RawId::Absent),
        _ => {
            skip_read(scanner)?;
            None
        }
    };
    Ok(id.map_or(RawId::Invalid, RawId::Id))
}

/// A token: a string kept as read (borrowed, or decoded into wiped memory), `null`
/// absent, anything else not a string.
fn read_text<'a>(scanner: &mut Scanner<'a>) -> Result<RawText<'a>, Malformed> {
    Ok(match scanner.peek() {
        Some(b'"') => {
            let text = scanner.string()?;
            match text.unescaped() {
                Some(text) => RawText::Borrowed(text),
                None => RawText::Decoded(text.decode()),
            }
        }
        _ if scanner.eat_null()? => RawText::Absent,
        _ => {
            skip_read(scanner)?;
            RawText::NotAString
        }
    })
}

/// A string's text, decoded when it has escapes (for values that are not secret).
fn text_of(text: RawStr<'_>) -> std::borrow::Cow<'_, str> {
    match text.unescaped() {
        Some(text) => text.into(),
        None => std::mem::take(&mut *text.decode()).into(),
    }
}

/// Skips a value of the wrong type where a value is read: a scalar is checked as when it
/// is read (its number range, its string's surrogates); an array's elements and an object's
/// values as when they are skipped, an object's keys as keys.
fn skip_read(scanner: &mut Scanner<'_>) -> Result<(), Malformed> {
    match scanner.peek() {
        Some(b'[') => scanner.skip_lenient(),
        Some(b'{') => object(scanner, |scanner, _| scanner.skip_lenient()),
        _ => scanner.walk_value(0, &mut 0).map(|_| ()),
    }
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
enum RawData<'a> {
    #[default]
    Absent,
    NotAnObject,
    Object(RawFields<'a>),
}

#[derive(Default)]
struct RawFields<'a> {
    customer_id: RawId,
    customer_token: RawText<'a>,
    jwt: RawText<'a>,
    refresh_token: RawText<'a>,
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
enum RawText<'a> {
    #[default]
    Absent,
    Borrowed(&'a str),
    Decoded(Zeroizing<String>),
    NotAString,
}
