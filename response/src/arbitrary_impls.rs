//! `Arbitrary` for every type of Cleeng's answer (feature `arbitrary`): each yields a
//! **valid** value, and a whole [`RegisterResponse`] whose JWT names its customer, so
//! downstream crates can fuzz what they do with Cleeng's answer.

use arbitrary::{Arbitrary, Error, Result, Unstructured};
use cleeng_register::CustomData;

use crate::{CustomerId, CustomerToken, Jwt, RefreshToken, RegisterResponse};

#[cfg_attr(docsrs, doc(cfg(feature = "arbitrary")))]
impl<'a> Arbitrary<'a> for CustomerId {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        CustomerId::new(u64::arbitrary(u)?.max(1)).ok_or(Error::IncorrectFormat)
    }
}

/// 1 to 64 printable ASCII characters.
fn session_token_text(u: &mut Unstructured<'_>) -> Result<String> {
    (0..u.int_in_range(1..=64)?)
        .map(|_| u.int_in_range(b'!'..=b'~').map(char::from))
        .collect()
}

#[cfg_attr(docsrs, doc(cfg(feature = "arbitrary")))]
impl<'a> Arbitrary<'a> for CustomerToken {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        CustomerToken::parse(&session_token_text(u)?).map_err(|_| Error::IncorrectFormat)
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "arbitrary")))]
impl<'a> Arbitrary<'a> for RefreshToken {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        RefreshToken::parse(&session_token_text(u)?).map_err(|_| Error::IncorrectFormat)
    }
}

/// A JWT naming `customer_id`, with other claims (an arbitrary `externalData` object, which
/// is as free as a JWT's claims) and a signature of arbitrary bytes.
fn jwt_for(u: &mut Unstructured<'_>, customer_id: CustomerId) -> Result<Jwt> {
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine as _;
    let others = CustomData::arbitrary(u)?;
    let mut claims: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(others.as_str()).expect("externalData holds a JSON object");
    let publisher = u.int_in_range(0..=999_999_999u64)?;
    claims.insert("customerId".into(), customer_id.get().into());
    claims.insert("publisherId".into(), format!("{publisher:09}").into());
    claims.insert("exp".into(), u64::arbitrary(u)?.into());
    let signature: Vec<u8> = (0..u.int_in_range(1..=256)?)
        .map(|_| u8::arbitrary(u))
        .collect::<Result<_>>()?;
    let token = format!(
        "{}.{}.{}",
        URL_SAFE_NO_PAD.encode(br#"{"alg":"RS256","typ":"JWT"}"#),
        URL_SAFE_NO_PAD.encode(serde_json::Value::Object(claims).to_string()),
        URL_SAFE_NO_PAD.encode(signature)
    );
    Jwt::parse(&token).map_err(|_| Error::IncorrectFormat)
}

#[cfg_attr(docsrs, doc(cfg(feature = "arbitrary")))]
impl<'a> Arbitrary<'a> for Jwt {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let customer_id = CustomerId::arbitrary(u)?;
        jwt_for(u, customer_id)
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "arbitrary")))]
impl<'a> Arbitrary<'a> for RegisterResponse {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let customer_id = CustomerId::arbitrary(u)?;
        let jwt = jwt_for(u, customer_id)?;
        RegisterResponse::new(customer_id, jwt, u.arbitrary()?, u.arbitrary()?)
            .map_err(|_| Error::IncorrectFormat)
    }
}
