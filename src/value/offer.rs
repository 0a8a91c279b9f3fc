//! `offerId`: offer type letter, 9 digits, `_`, country code.

use std::fmt;

use crate::error::{ErrorCode, ValueError, Violation, Wording};
use crate::value::country::{self, CountryCode};
use crate::value::field_value::{
    alternation, country_code_suggestions, FieldText, FieldValue, Rule, ValueOptions,
};
use crate::value::{inline_code, AsciiBuf};
use serde_json::{json, Value};

static OFFER_WORDING: Wording = Wording::new(
    "offer id",
    "must be an offer type letter, 9 digits, an underscore and a country code (S565568989_US)",
)
.with_unknown_code("must end with an assigned ISO 3166-1 alpha-2 country code");

/// What a Cleeng offer sells, from the first letter of its id.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum OfferKind {
    /// `S`: a subscription.
    Subscription,
    /// `P`: a pass.
    Pass,
    /// `E`: a live event.
    LiveEvent,
    /// `R`: a rental.
    Rental,
    /// `A`: a single purchase.
    SinglePurchase,
}

impl OfferKind {
    /// Every kind.
    pub const ALL: [OfferKind; 5] = [
        OfferKind::Subscription,
        OfferKind::Pass,
        OfferKind::LiveEvent,
        OfferKind::Rental,
        OfferKind::SinglePurchase,
    ];

    /// The kind a letter stands for.
    pub const fn from_letter(letter: u8) -> Option<OfferKind> {
        match letter {
            b'S' => Some(OfferKind::Subscription),
            b'P' => Some(OfferKind::Pass),
            b'E' => Some(OfferKind::LiveEvent),
            b'R' => Some(OfferKind::Rental),
            b'A' => Some(OfferKind::SinglePurchase),
            _ => None,
        }
    }

    /// The id's first letter for this kind.
    pub const fn letter(self) -> char {
        match self {
            OfferKind::Subscription => 'S',
            OfferKind::Pass => 'P',
            OfferKind::LiveEvent => 'E',
            OfferKind::Rental => 'R',
            OfferKind::SinglePurchase => 'A',
        }
    }
}

impl fmt::Display for OfferKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            OfferKind::Subscription => "subscription",
            OfferKind::Pass => "pass",
            OfferKind::LiveEvent => "live event",
            OfferKind::Rental => "rental",
            OfferKind::SinglePurchase => "single purchase",
        })
    }
}

/// A Cleeng offer id such as `S565568989_US`: an offer type letter, 9 ASCII digits, `_` and an
/// assigned ISO 3166-1 alpha-2 code. Kept inline (13 bytes), with its kind and country.
///
/// ```
/// use cleeng_register::{ErrorCode, OfferId, OfferKind};
/// let offer: OfferId = "S565568989_US".parse()?;
/// assert_eq!(offer.kind(), OfferKind::Subscription);
/// assert_eq!(offer.country().as_str(), "US");
/// assert_eq!(offer.number(), "565568989");
/// assert_eq!("X565568989_US".parse::<OfferId>().unwrap_err().code(), ErrorCode::UnknownOfferType);
/// assert_eq!("S565568989_UK".parse::<OfferId>().unwrap_err().code(), ErrorCode::UnknownCode);
/// # Ok::<(), cleeng_register::ValueError>(())
/// ```
#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OfferId {
    text: AsciiBuf<13>,
    kind: OfferKind,
    country: CountryCode,
}

impl OfferId {
    /// Parses an offer id; the first failing rule is reported.
    pub fn parse(s: &str) -> Result<Self, ValueError> {
        let fail = |v| Err(ValueError::new(&OFFER_WORDING, v));
        let b = s.as_bytes();
        let well_formed = b.len() == 13
            && b[0].is_ascii_uppercase()
            && b[1..10].iter().all(u8::is_ascii_digit)
            && b[10] == b'_'
            && b[11..].iter().all(u8::is_ascii_uppercase);
        let Some(text) = AsciiBuf::new(s).filter(|_| well_formed) else {
            return fail(Violation::new(ErrorCode::InvalidFormat));
        };
        let Some(kind) = OfferKind::from_letter(b[0]) else {
            return fail(Violation::new(ErrorCode::UnknownOfferType));
        };
        match country::parse_violation(&s[11..]) {
            Ok(country) => Ok(OfferId {
                text,
                kind,
                country,
            }),
            Err(v) => fail(v),
        }
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        self.text.as_str()
    }

    /// What the offer sells.
    pub fn kind(&self) -> OfferKind {
        self.kind
    }

    /// The country of the id's suffix.
    pub fn country(&self) -> CountryCode {
        self.country
    }

    /// The 9 digits.
    pub fn number(&self) -> &str {
        &self.as_str()[1..10]
    }
}

inline_code!(OfferId, "a Cleeng offer id");

impl OfferId {
    /// The shape of an offer id, whatever its letter and country.
    const SHAPE: &'static str = "^[A-Z][0-9]{9}_[A-Z]{2}$";

    /// The offer types' letters, as a pattern's class (`SPREA`).
    fn letters() -> String {
        OfferKind::ALL.iter().map(|k| k.letter()).collect()
    }
}

impl FieldValue for OfferId {
    fn from_field_text(text: FieldText<'_>, _: &ValueOptions<'_>) -> Result<Self, ValueError> {
        OfferId::parse(&text)
    }

    fn rules(_: &ValueOptions<'_>) -> Vec<Rule> {
        vec![
            Rule::matching(ErrorCode::InvalidFormat, OfferId::SHAPE),
            Rule::matching(
                ErrorCode::UnknownOfferType,
                format!("^[{}]", OfferId::letters()),
            ),
            Rule::new(ErrorCode::UnknownCode),
        ]
    }

    fn schema(_: &ValueOptions<'_>) -> Value {
        let countries = alternation(CountryCode::all().map(|c| c.as_str()));
        json!({
            "type": "string",
            "description": "Cleeng offer id: the offer type (S subscription, P pass, E live event, R rental, \
                A single purchase), 9 digits, an underscore and an ISO 3166-1 alpha-2 country code. \
                Required when publisherId is absent.",
            "pattern": format!("^[{}][0-9]{{9}}_(?:{countries})$", OfferId::letters()),
            "examples": ["S565568989_US"],
        })
    }

    fn suggestions(options: &ValueOptions<'_>) -> Vec<(String, Violation)> {
        country_code_suggestions::<OfferId>("S565568989_", "_", options)
    }
}
