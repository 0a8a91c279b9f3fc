//! `currency`: an ISO 4217 code in circulation.

use std::sync::OnceLock;

use crate::error::{ErrorCode, ValueError, Violation, Wording};
use crate::value::field_value::{alternation, FieldText, FieldValue, Rule, ValueOptions};
use crate::value::inline_code;
use serde_json::{json, Value};

static CURRENCY_WORDING: Wording =
    Wording::new("currency code", "must be three capital letters (ISO 4217)")
        .with_unknown_code("must be an ISO 4217 currency code in circulation");

/// An ISO 4217 currency in circulation, kept as the `iso_currency` enum: on ISO 4217's current
/// list (List One), and not a fund (`BOV`) or special (`XAU`, `XTS`, `XXX`, `XDR`...) code.
/// `iso_currency` supplies the codes; where it flags a code superseded, the verdict in
/// [`Currency::SUPERSEDED_VERDICTS`] decides (`VES` is accepted; `HRK`, `BGN` are not).
///
/// ```
/// use cleeng_register::{Currency, ErrorCode};
/// let eur: Currency = "EUR".parse()?;
/// assert_eq!(eur.iso(), iso_currency::Currency::EUR);
/// assert_eq!("HRK".parse::<Currency>().unwrap_err().code(), ErrorCode::UnknownCode);
/// assert_eq!("eur".parse::<Currency>().unwrap_err().code(), ErrorCode::InvalidFormat);
/// # Ok::<(), cleeng_register::ValueError>(())
/// ```
#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency(iso_currency::Currency);

impl Currency {
    /// Parses three ASCII capitals naming a circulating currency.
    pub fn parse(s: &str) -> Result<Self, ValueError> {
        let fail = |code| Err(ValueError::new(&CURRENCY_WORDING, Violation::new(code)));
        let b = s.as_bytes();
        if b.len() != 3 || !b.iter().all(u8::is_ascii_uppercase) {
            return fail(ErrorCode::InvalidFormat);
        }
        match circulating(b) {
            Some(c) => Ok(c),
            None => fail(ErrorCode::UnknownCode),
        }
    }

    /// Every code `iso_currency` flags superseded, with whether it is on ISO 4217's current
    /// list and in circulation, and why. Where the two disagree, the list wins; a code
    /// `iso_currency` newly flags is refused until it has a verdict here (a test says so).
    pub const SUPERSEDED_VERDICTS: [(&'static str, bool, &'static str); 6] = [
        ("VES", true, "Venezuela's official code on List One; VED was added beside it for the 2021 redenomination"),
        ("BGN", false, "Bulgaria adopted the euro on 2026-01-01"),
        ("HRK", false, "Croatia adopted the euro on 2023-01-01"),
        ("ZWL", false, "replaced by ZWG (Zimbabwe Gold) in 2024"),
        ("CUC", false, "the convertible peso was withdrawn from circulation in 2021"),
        ("SLL", false, "the old leone stopped being legal tender in 2024; SLE replaced it"),
    ];

    /// The currency, when it is in circulation: not a fund or special code, and not
    /// superseded unless its verdict says it is still on the current list.
    pub fn from_iso(c: iso_currency::Currency) -> Option<Currency> {
        let current = match c.is_superseded() {
            None => true,
            Some(_) => Currency::SUPERSEDED_VERDICTS
                .iter()
                .any(|(code, accepted, _)| *accepted && *code == c.code()),
        };
        let circulating = !c.is_fund() && !c.is_special() && current;
        circulating.then_some(Currency(c))
    }

    /// The three-letter code (`EUR`).
    pub fn as_str(&self) -> &'static str {
        self.0.code()
    }

    /// The English name (`Euro`).
    pub fn name(&self) -> &str {
        self.0.name()
    }

    /// The `iso_currency` value.
    pub fn iso(&self) -> iso_currency::Currency {
        self.0
    }

    /// Every circulating currency, in the order `iso_currency` lists them.
    pub fn all() -> impl Iterator<Item = Currency> {
        use iso_currency::IntoEnumIterator;
        iso_currency::Currency::iter().filter_map(Currency::from_iso)
    }
}

/// The circulating currencies indexed by their three capitals (26³ slots, one byte each).
/// `iso_currency`'s `from_code` compares the text with every code in turn.
fn circulating(code: &[u8]) -> Option<Currency> {
    const SLOTS: usize = 26 * 26 * 26;
    static TABLE: OnceLock<Box<[Option<Currency>]>> = OnceLock::new();
    let index = |c: &[u8]| match *c {
        [a, b, c] => {
            usize::from(a - b'A') * 676 + usize::from(b - b'A') * 26 + usize::from(c - b'A')
        }
        _ => SLOTS,
    };
    let table = TABLE.get_or_init(|| {
        let mut table = vec![None; SLOTS].into_boxed_slice();
        for c in Currency::all() {
            if let Some(slot) = table.get_mut(index(c.as_str().as_bytes())) {
                *slot = Some(c);
            }
        }
        table
    });
    // Callers pass three ASCII capitals only.
    table.get(index(code)).copied().flatten()
}

impl From<Currency> for iso_currency::Currency {
    fn from(c: Currency) -> Self {
        c.0
    }
}

inline_code!(Currency, "an ISO 4217 currency code");

impl FieldValue for Currency {
    fn from_field_text(text: FieldText<'_>, _: &ValueOptions<'_>) -> Result<Self, ValueError> {
        Currency::parse(&text)
    }

    fn rules(options: &ValueOptions<'_>) -> Vec<Rule> {
        let listed = options.allowed_currencies.is_some();
        let codes = format!("^(?:{})$", alternation(Currency::all().map(|c| c.as_str())));
        std::iter::once(Rule::matching(ErrorCode::InvalidFormat, "^[A-Z]{3}$"))
            .chain(Rule::allow_listed(listed, codes))
            .collect()
    }

    fn schema(options: &ValueOptions<'_>) -> Value {
        let codes: Vec<&str> = match options.allowed_currencies {
            Some(list) => list.iter().map(|c| c.as_str()).collect(),
            None => Currency::all().map(|c| c.as_str()).collect(),
        };
        json!({
            "type": "string",
            "description": "The customer's currency: an ISO 4217 code in circulation (no fund, special or \
                superseded codes).",
            "enum": codes,
            "examples": ["USD"],
        })
    }
}
