//! `jwt`: a compact JWS whose claims are read without checking its signature.

use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use serde::de::{self, DeserializeSeed, IgnoredAny, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};
use zeroize::Zeroizing;

use super::customer_id::CustomerIdVisitor;
use cleeng_register::error::Violation;
use cleeng_register::{PublisherId, ValueError};

use crate::{CustomerId, ResponseErrorCode};

use cleeng_register::error::Wording;

static JWT_WORDING: Wording = Wording::new(
    "JWT",
    "must be a compact JWS: three base64url segments whose header and payload are JSON objects",
);

/// The JWT Cleeng returns after a registration: a compact JWS (RFC 7515) of three non-empty
/// base64url segments without `=` padding, separated by `.`, whose header and payload are
/// JSON objects, and whose payload holds the claims `customerId`, `publisherId` and `exp`.
///
/// **The signature is not verified.** The crate has no keys and does no I/O; the claims are
/// read through [`Jwt::unverified_claims`], named so that each use is visible in review.
/// Verify the token with Cleeng's key before you trust it for authorization.
///
/// Each segment must be canonical base64url: the unused low bits of a last partial group
/// must be zero, so one token has one spelling. A repeated claim name is refused (RFC 7519
/// allows refusing or taking the last). Parsing stores the claims, so reading them cannot
/// fail.
///
/// The token is a bearer secret: `Debug` prints `Jwt(***)`, the text is read only through
/// [`Jwt::expose_secret`], and the memory is wiped when the value is dropped.
///
/// ```
/// use cleeng_register_response::Jwt;
/// // {"alg":"none"} . {"customerId":7,"publisherId":20718285,"exp":1700000000} . "sig"
/// let jwt = Jwt::parse("eyJhbGciOiJub25lIn0.eyJjdXN0b21lcklkIjo3LCJwdWJsaXNoZXJJZCI6MjA3MTgyODUsImV4cCI6MTcwMDAwMDAwMH0.c2ln")?;
/// let claims = jwt.unverified_claims();
/// assert_eq!(claims.customer_id().get(), 7);
/// assert_eq!(claims.publisher_id().as_str(), "020718285");
/// assert_eq!(claims.exp(), 1_700_000_000);
/// assert_eq!(format!("{jwt:?}"), "Jwt(***)");
/// assert!(Jwt::parse("only.two").is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct Jwt {
    token: Zeroizing<String>,
    claims: JwtClaims,
}

impl Jwt {
    /// Checks the token's shape and reads its claims (without checking the signature).
    pub fn parse(s: &str) -> Result<Self, ValueError<ResponseErrorCode>> {
        Jwt::parse_owned(s.to_owned())
    }

    /// As [`Jwt::parse`], keeping the buffer; a refused buffer is wiped too.
    pub(crate) fn parse_owned(s: String) -> Result<Self, ValueError<ResponseErrorCode>> {
        let token = Zeroizing::new(s);
        match decode(&token) {
            Some(claims) => Ok(Jwt { token, claims }),
            None => Err(invalid()),
        }
    }

    /// The claims, as the payload states them. **Unverified**: nothing here proves that
    /// Cleeng signed them.
    pub fn unverified_claims(&self) -> &JwtClaims {
        &self.claims
    }

    /// The token text, to send as `Authorization: Bearer …`. Named so that every read of it
    /// is visible in review.
    pub fn expose_secret(&self) -> &str {
        &self.token
    }
}

fn invalid() -> ValueError<ResponseErrorCode> {
    ValueError::new(
        &JWT_WORDING,
        Violation::new(ResponseErrorCode::InvalidFormat),
    )
}

/// The claims of a well-formed token, or `None`.
fn decode(token: &str) -> Option<JwtClaims> {
    // A fourth segment would leave a `.` in the signature, which its alphabet refuses: the
    // long signature is not searched for one twice.
    let mut segments = token.splitn(3, '.');
    let (Some(header), Some(payload), Some(signature)) =
        (segments.next(), segments.next(), segments.next())
    else {
        return None;
    };
    // The base64 engine refuses `=` (no padding allowed), characters outside the URL-safe
    // alphabet, impossible lengths and non-zero trailing bits; an empty header or payload is
    // not a JSON object. Only the signature's emptiness is left to us.
    if !is_base64url(signature) {
        return None;
    }
    with_decoded(header, |header| {
        let mut de = serde_json::Deserializer::from_slice(header);
        de.deserialize_map(ObjectOnly).ok()?;
        de.end().ok()
    })?;
    let claims = with_decoded(payload, |payload| {
        let mut de = serde_json::Deserializer::from_slice(payload);
        let claims = de.deserialize_map(ClaimsVisitor).ok()?;
        de.end().ok()?;
        Some(claims)
    })?;
    Some(claims)
}

/// Decodes a segment (on the stack when it is at most 512 chars, as headers and Cleeng's
/// payloads are) and hands the bytes to `read`; `None` when it is not canonical base64url.
fn with_decoded<R>(segment: &str, read: impl FnOnce(&[u8]) -> Option<R>) -> Option<R> {
    let mut buf = [0u8; 384];
    if segment.len() <= 512 {
        let len = URL_SAFE_NO_PAD.decode_slice(segment, &mut buf).ok()?;
        read(&buf[..len])
    } else {
        read(&URL_SAFE_NO_PAD.decode(segment).ok()?)
    }
}

/// Whether `b` is in the base64url alphabet (`A-Z`, `a-z`, `0-9`, `-`, `_`).
const fn is_base64url_byte(b: u8) -> bool {
    // Range comparisons rather than a table: they vectorize, a table lookup per byte does not.
    (b.wrapping_sub(b'A') < 26)
        | (b.wrapping_sub(b'a') < 26)
        | (b.wrapping_sub(b'0') < 10)
        | (b == b'-')
        | (b == b'_')
}

/// Whether `segment` is non-empty canonical base64url without padding. The signature is not
/// decoded whole, since any four alphabet characters decode: the alphabet is checked byte
/// by byte, and the engine decodes the last (possibly partial) group, refusing an impossible
/// length and non-zero unused bits.
fn is_base64url(segment: &str) -> bool {
    let tail = match segment.len() % 4 {
        0 => 4,
        partial => partial,
    };
    segment.len() >= tail
        // No early exit, so that the check is vectorized: a signature is hundreds of chars.
        && segment
            .as_bytes()
            .iter()
            .fold(true, |ok, &b| ok & is_base64url_byte(b))
        && URL_SAFE_NO_PAD
            .decode_slice(&segment[segment.len() - tail..], &mut [0u8; 3])
            .is_ok()
}

/// Accepts any JSON object (the header), skipping its values.
struct ObjectOnly;

impl<'de> Visitor<'de> for ObjectOnly {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(())
    }
}

/// The claims of a Cleeng JWT, read from its payload **without** checking the signature.
///
/// `customerId` (a number or a digit string, as `responseData.customerId`), `publisherId`
/// (a 9-digit string, or a JSON number from 0 to 999999999 read as 9 digits with leading
/// zeros) and `exp` (whole seconds since the Unix epoch) are required and typed; every other
/// claim is kept as JSON and read with [`JwtClaims::claim`].
///
/// Its `Debug` shows the three typed claims and only the **names** of the others, which may
/// hold personal data.
#[derive(Clone, PartialEq)]
#[non_exhaustive]
pub struct JwtClaims {
    customer_id: CustomerId,
    publisher_id: PublisherId,
    exp: u64,
    other: Map<String, Value>,
}

impl JwtClaims {
    /// The three typed claims and no others (for mocks and tests).
    pub fn new(customer_id: CustomerId, publisher_id: PublisherId, exp: u64) -> Self {
        JwtClaims {
            customer_id,
            publisher_id,
            exp,
            other: Map::new(),
        }
    }

    /// `customerId`.
    pub fn customer_id(&self) -> CustomerId {
        self.customer_id
    }

    /// `publisherId`, 9 digits.
    pub fn publisher_id(&self) -> PublisherId {
        self.publisher_id
    }

    /// `exp`: the expiry, in seconds since the Unix epoch.
    pub fn exp(&self) -> u64 {
        self.exp
    }

    /// Whether the token has expired at `now`: RFC 7519 refuses a token "on or after" its
    /// `exp`, so a token whose `exp` is this very second has expired. A `now` before the
    /// epoch is before every `exp`.
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use cleeng_register::PublisherId;
    /// use cleeng_register_response::{CustomerId, JwtClaims};
    /// let claims = JwtClaims::new(CustomerId::new(1).unwrap(), "000000001".parse()?, 100);
    /// assert!(!claims.is_expired_at(UNIX_EPOCH + Duration::from_millis(99_999)));
    /// assert!(claims.is_expired_at(UNIX_EPOCH + Duration::from_secs(100)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_expired_at(&self, now: SystemTime) -> bool {
        now.duration_since(UNIX_EPOCH)
            .is_ok_and(|since| since.as_secs() >= self.exp)
    }

    /// Another claim by name (`iat`, `jti`, …). The three typed claims are not here: read
    /// them through their methods.
    pub fn claim(&self, name: &str) -> Option<&Value> {
        self.other.get(name)
    }

    /// Every claim other than `customerId`, `publisherId` and `exp`.
    pub fn other_claims(&self) -> &Map<String, Value> {
        &self.other
    }
}

impl fmt::Debug for JwtClaims {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JwtClaims")
            .field("customer_id", &self.customer_id)
            .field("publisher_id", &self.publisher_id)
            .field("exp", &self.exp)
            .field("other", &self.other.keys().collect::<Vec<_>>())
            .finish()
    }
}

/// The claims as a JSON object: `customerId` a number, `publisherId` its 9 digits, `exp`,
/// then the others.
impl Serialize for JwtClaims {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(3 + self.other.len()))?;
        map.serialize_entry("customerId", &self.customer_id)?;
        map.serialize_entry("publisherId", self.publisher_id.as_str())?;
        map.serialize_entry("exp", &self.exp)?;
        for (name, value) in &self.other {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

/// A claim name: one of the typed three, or another (owned: it is kept).
enum ClaimName {
    CustomerId,
    PublisherId,
    Exp,
    Other(String),
}

impl<'de> Deserialize<'de> for ClaimName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NameVisitor;
        impl Visitor<'_> for NameVisitor {
            type Value = ClaimName;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a claim name")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<ClaimName, E> {
                Ok(match v {
                    "customerId" => ClaimName::CustomerId,
                    "publisherId" => ClaimName::PublisherId,
                    "exp" => ClaimName::Exp,
                    other => ClaimName::Other(other.to_owned()),
                })
            }
        }
        deserializer.deserialize_str(NameVisitor)
    }
}

/// `publisherId`: 9 digits as a string, or a number below 10⁹ padded to 9 digits.
struct PublisherClaim;

impl<'de> DeserializeSeed<'de> for PublisherClaim {
    type Value = PublisherId;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<PublisherId, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for PublisherClaim {
    type Value = PublisherId;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a 9-digit publisher id, as a string or a number")
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<PublisherId, E> {
        if v > 999_999_999 {
            return Err(E::custom("a publisher id has at most 9 digits"));
        }
        PublisherId::parse(&format!("{v:09}")).map_err(E::custom)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<PublisherId, E> {
        PublisherId::parse(v).map_err(E::custom)
    }
}

/// Reads the payload object; any wrong or missing typed claim, or a repeated name, refuses
/// the whole token.
struct ClaimsVisitor;

impl<'de> Visitor<'de> for ClaimsVisitor {
    type Value = JwtClaims;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object of claims")
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<JwtClaims, A::Error> {
        let repeated = || de::Error::custom("a claim name is repeated");
        let (mut customer_id, mut publisher_id, mut exp) = (None, None, None);
        let mut other = Map::new();
        while let Some(name) = map.next_key::<ClaimName>()? {
            match name {
                ClaimName::CustomerId => {
                    let id = map.next_value_seed(CustomerIdSeed)?;
                    if customer_id.replace(id).is_some() {
                        return Err(repeated());
                    }
                }
                ClaimName::PublisherId => {
                    let id = map.next_value_seed(PublisherClaim)?;
                    if publisher_id.replace(id).is_some() {
                        return Err(repeated());
                    }
                }
                ClaimName::Exp => {
                    // serde's u64 refuses negatives, fractions and exponents.
                    if exp.replace(map.next_value::<u64>()?).is_some() {
                        return Err(repeated());
                    }
                }
                ClaimName::Other(name) => {
                    if other.insert(name, map.next_value()?).is_some() {
                        return Err(repeated());
                    }
                }
            }
        }
        match (customer_id, publisher_id, exp) {
            (Some(customer_id), Some(publisher_id), Some(exp)) => Ok(JwtClaims {
                customer_id,
                publisher_id,
                exp,
                other,
            }),
            _ => Err(de::Error::custom(
                "customerId, publisherId and exp are required",
            )),
        }
    }
}

struct CustomerIdSeed;

impl<'de> DeserializeSeed<'de> for CustomerIdSeed {
    type Value = CustomerId;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<CustomerId, D::Error> {
        deserializer.deserialize_any(CustomerIdVisitor)
    }
}

impl fmt::Debug for Jwt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Jwt(***)")
    }
}

/// Two tokens are equal when their text is; the claims follow from it.
impl PartialEq for Jwt {
    fn eq(&self, other: &Self) -> bool {
        *self.token == *other.token
    }
}

impl Eq for Jwt {}

impl std::str::FromStr for Jwt {
    type Err = ValueError<ResponseErrorCode>;
    fn from_str(s: &str) -> Result<Self, ValueError<ResponseErrorCode>> {
        Jwt::parse(s)
    }
}

impl TryFrom<String> for Jwt {
    type Error = ValueError<ResponseErrorCode>;
    fn try_from(s: String) -> Result<Self, ValueError<ResponseErrorCode>> {
        Jwt::parse_owned(s)
    }
}

/// Writes the token: Cleeng's envelope carries it.
impl Serialize for Jwt {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.expose_secret())
    }
}

impl cleeng_register::text::FromText for Jwt {
    const EXPECTING: &'static str = "a JWT";
    type Error = ValueError<ResponseErrorCode>;
    fn from_text(s: &str) -> Result<Self, ValueError<ResponseErrorCode>> {
        Jwt::parse(s)
    }
    fn from_owned_text(s: String) -> Result<Self, ValueError<ResponseErrorCode>> {
        Jwt::parse_owned(s)
    }
}

impl<'de> Deserialize<'de> for Jwt {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        cleeng_register::text::deserialize(deserializer)
    }
}
