//! `Arbitrary` for every domain type and for `RegisterRequest` (feature `arbitrary`): each
//! yields a **valid** value under the default policy, so downstream crates can fuzz their own
//! handlers with well-formed registrations.
//!
//! Every value is built as text and passed through the type's own constructor; a generator
//! that ever built an invalid text would give `IncorrectFormat` rather than a wrong value.

use arbitrary::{Arbitrary, Error, Result, Unstructured};

use crate::field::Field;
use crate::policy::Policy;
use crate::request::{OfferOrPublisher, RegisterRequest};
use crate::value::{
    CaptchaToken, CountryCode, Currency, CustomData, CustomerIp, Email, ExternalId, Locale,
    OfferId, OfferKind, Password, PersonName, PublisherId,
};

fn parsed<T>(
    text: &str,
    parse: fn(&str) -> std::result::Result<T, crate::error::ValueError>,
) -> Result<T> {
    parse(text).map_err(|_| Error::IncorrectFormat)
}

/// `n` chars picked from `alphabet`, at least `min`.
fn text_from(u: &mut Unstructured<'_>, alphabet: &[u8], min: usize, max: usize) -> Result<String> {
    let len = u.int_in_range(min..=max)?;
    (0..len)
        .map(|_| u.choose(alphabet).map(|&b| char::from(b)))
        .collect()
}

const LOWER_DIGITS: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
const ATEXT: &[u8] =
    b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+/=?^_`{|}~-";

/// A char that is neither a control nor invisible (White_Space, Default_Ignorable, Cf): a
/// visible one from any script.
fn visible_char(u: &mut Unstructured<'_>) -> Result<char> {
    let c = char::arbitrary(u)?;
    Ok(
        if crate::value::is_control(c) || crate::value::is_invisible(c) {
            'x'
        } else {
            c
        },
    )
}

/// 1 to `max` chars: visible ones, with spaces inside.
fn free_text(u: &mut Unstructured<'_>, max: usize) -> Result<String> {
    let len = u.int_in_range(1..=max)?;
    let mut s = String::new();
    for i in 0..len {
        let inner = i > 0 && i + 1 < len;
        if inner && u.ratio(1u8, 8)? {
            s.push(' ');
        } else {
            s.push(visible_char(u)?);
        }
    }
    Ok(s)
}

#[cfg_attr(docsrs, doc(cfg(feature = "arbitrary")))]
impl<'a> Arbitrary<'a> for Email {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let atoms = u.int_in_range(1..=3)?;
        let mut local = Vec::new();
        for _ in 0..atoms {
            local.push(text_from(u, ATEXT, 1, 12)?);
        }
        let labels = u.int_in_range(2..=4)?;
        let mut domain = Vec::new();
        for _ in 0..labels {
            let mut label = text_from(u, LOWER_DIGITS, 1, 12)?;
            if label.len() > 2 && u.ratio(1u8, 4)? {
                label.insert(1, '-');
            }
            domain.push(label);
        }
        // The last label of a host name is never all digits.
        let top = char::from(*u.choose(b"abcdefghijklmnopqrstuvwxyz")?);
        parsed(
            &format!("{}@{}{top}", local.join("."), domain.join(".")),
            Email::parse,
        )
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "arbitrary")))]
impl<'a> Arbitrary<'a> for Password {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let letter = *u.choose(&['a', 'Z', 'ж', 'ł', 'é', '漢', 'ß'])?;
        let pool: Vec<char> = ('0'..='9').chain(Password::SPECIALS.chars()).collect();
        let digit_or_special = *u.choose(&pool)?;
        let filler_len = u.int_in_range(6..=78)?;
        let mut s = String::new();
        s.push(letter);
        for _ in 0..filler_len {
            // Any char but the controls a password refuses.
            let c = char::arbitrary(u)?;
            s.push(if c.is_control() { 'x' } else { c });
        }
        s.push(digit_or_special);
        parsed(&s, Password::parse)
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "arbitrary")))]
impl<'a> Arbitrary<'a> for CountryCode {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let all = isocountry::CountryCode::as_array_alpha2();
        Ok(CountryCode::from(*u.choose(all)?))
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "arbitrary")))]
impl<'a> Arbitrary<'a> for Currency {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let all: Vec<Currency> = Currency::all().collect();
        u.choose(&all).copied()
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "arbitrary")))]
impl<'a> Arbitrary<'a> for OfferKind {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        u.choose(&OfferKind::ALL).copied()
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "arbitrary")))]
impl<'a> Arbitrary<'a> for OfferId {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let kind = OfferKind::arbitrary(u)?;
        let number = u.int_in_range(0..=999_999_999u32)?;
        let country = CountryCode::arbitrary(u)?;
        parsed(
            &format!("{}{number:09}_{country}", kind.letter()),
            OfferId::parse,
        )
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "arbitrary")))]
impl<'a> Arbitrary<'a> for PublisherId {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        parsed(
            &format!("{:09}", u.int_in_range(0..=999_999_999u32)?),
            PublisherId::parse,
        )
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "arbitrary")))]
impl<'a> Arbitrary<'a> for OfferOrPublisher {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(match u.int_in_range(0..=2u8)? {
            0 => OfferOrPublisher::Offer(OfferId::arbitrary(u)?),
            1 => OfferOrPublisher::Publisher(PublisherId::arbitrary(u)?),
            _ => OfferOrPublisher::Both {
                offer: OfferId::arbitrary(u)?,
                publisher: PublisherId::arbitrary(u)?,
            },
        })
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "arbitrary")))]
impl<'a> Arbitrary<'a> for Locale {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        // An ISO 639 language the locale rule accepts.
        let mut s = u.choose(crate::value::locale::languages())?.clone();
        if u.arbitrary()? {
            s.push('_');
            s.push_str(CountryCode::arbitrary(u)?.as_str());
        }
        parsed(&s, Locale::parse)
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "arbitrary")))]
impl<'a> Arbitrary<'a> for PersonName {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        parsed(&free_text(u, PersonName::MAX_CHARS)?, PersonName::parse)
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "arbitrary")))]
impl<'a> Arbitrary<'a> for ExternalId {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        parsed(&free_text(u, 64)?, ExternalId::parse)
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "arbitrary")))]
impl<'a> Arbitrary<'a> for CaptchaToken {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let len = u.int_in_range(1..=200)?;
        let s: String = (0..len)
            .map(|_| u.int_in_range(b'!'..=b'~').map(char::from))
            .collect::<Result<_>>()?;
        parsed(&s, CaptchaToken::parse)
    }
}

/// A small JSON value, nested at most `depth` more levels.
fn json_value(u: &mut Unstructured<'_>, depth: u32) -> Result<serde_json::Value> {
    use serde_json::Value;
    let choice = u.int_in_range(0..=if depth == 0 { 3 } else { 5u8 })?;
    Ok(match choice {
        0 => Value::Null,
        1 => Value::Bool(u.arbitrary()?),
        2 => Value::from(i64::arbitrary(u)?),
        3 => Value::String(String::arbitrary(u)?),
        4 => Value::Array(
            (0..u.int_in_range(0..=3)?)
                .map(|_| json_value(u, depth - 1))
                .collect::<Result<_>>()?,
        ),
        _ => json_object(u, depth - 1)?,
    })
}

fn json_object(u: &mut Unstructured<'_>, depth: u32) -> Result<serde_json::Value> {
    let mut map = serde_json::Map::new();
    for _ in 0..u.int_in_range(0..=4)? {
        map.insert(String::arbitrary(u)?, json_value(u, depth)?);
    }
    Ok(serde_json::Value::Object(map))
}

#[cfg_attr(docsrs, doc(cfg(feature = "arbitrary")))]
impl<'a> Arbitrary<'a> for CustomData {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let value = json_object(u, 3)?;
        let text = if u.arbitrary()? {
            serde_json::to_string_pretty(&value)
        } else {
            serde_json::to_string(&value)
        };
        parsed(
            &text.map_err(|_| Error::IncorrectFormat)?,
            CustomData::parse,
        )
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "arbitrary")))]
impl<'a> Arbitrary<'a> for CustomerIp {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let text = if u.arbitrary()? {
            std::net::Ipv4Addr::from(u32::arbitrary(u)?).to_string()
        } else {
            std::net::Ipv6Addr::from(u128::arbitrary(u)?).to_string()
        };
        parsed(&text, CustomerIp::parse)
    }
}

/// A valid value of `field`'s type, as the JSON its serializer writes: one arm a field, so a
/// new one does not compile until it has its `Arbitrary`.
fn value_of(field: Field, u: &mut Unstructured<'_>) -> Result<serde_json::Value> {
    fn json<T: serde::Serialize>(value: T) -> Result<serde_json::Value> {
        serde_json::to_value(value).map_err(|_| Error::IncorrectFormat)
    }
    match field {
        Field::Email => json(Email::arbitrary(u)?),
        Field::Password => json(Password::arbitrary(u)?),
        Field::OfferId => json(OfferId::arbitrary(u)?),
        Field::PublisherId => json(PublisherId::arbitrary(u)?),
        Field::Locale => json(Locale::arbitrary(u)?),
        Field::Country => json(CountryCode::arbitrary(u)?),
        Field::Currency => json(Currency::arbitrary(u)?),
        Field::FirstName | Field::LastName => json(PersonName::arbitrary(u)?),
        Field::ExternalId => json(ExternalId::arbitrary(u)?),
        Field::ExternalData => json(CustomData::arbitrary(u)?),
        Field::CustomerIp => json(CustomerIp::arbitrary(u)?),
        Field::CaptchaValue => json(CaptchaToken::arbitrary(u)?),
    }
}

/// A body of valid values from the [`Field`] table, each optional field present or not, read
/// under the default policy.
#[cfg_attr(docsrs, doc(cfg(feature = "arbitrary")))]
impl<'a> Arbitrary<'a> for RegisterRequest {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let mut body = serde_json::Map::new();
        for field in Field::ALL {
            if field.is_required() || u.arbitrary()? {
                body.insert(field.as_str().to_owned(), value_of(field, u)?);
            }
        }
        // The one rule across fields: an offer or a publisher.
        let offer_or_publisher = [Field::OfferId, Field::PublisherId];
        if !offer_or_publisher
            .iter()
            .any(|f| body.contains_key(f.as_str()))
        {
            let publisher = value_of(Field::PublisherId, u)?;
            body.insert(Field::PublisherId.as_str().to_owned(), publisher);
        }
        let body = serde_json::to_vec(&body).map_err(|_| Error::IncorrectFormat)?;
        RegisterRequest::from_json(&body, &Policy::default()).map_err(|_| Error::IncorrectFormat)
    }
}
