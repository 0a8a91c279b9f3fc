//! The crate's verdict on every code point around which the character rules decide, computed
//! once for the tests that compare it with Unicode's data (`unicode`) and with the schema's
//! patterns (`schema`).

use std::sync::OnceLock;

use cleeng_register::{Email, ErrorCode, ExternalId, PersonName};

/// A value made of one character between fixed text, and the field that judges it.
pub struct Probe {
    pub key: &'static str,
    /// Under `allowInternationalEmail` (the schema tests' third policy).
    pub international: bool,
    pub before: &'static str,
    pub after: &'static str,
    check: fn(&str) -> Result<(), ErrorCode>,
}

impl Probe {
    pub fn text(&self, c: char) -> String {
        format!("{}{c}{}", self.before, self.after)
    }
}

/// A probe and the crate's verdict for each code point (surrogates, which are not chars,
/// count as accepted).
pub struct Verdicts {
    pub probe: Probe,
    refused: Vec<Option<ErrorCode>>,
}

impl Verdicts {
    pub fn of(&self, c: char) -> Result<(), ErrorCode> {
        self.refused[c as usize].map_or(Ok(()), Err)
    }

    pub fn accepts(&self, c: char) -> bool {
        self.of(c).is_ok()
    }

    /// The refused code points as `[first, last]` ranges, a range stepping over surrogates.
    pub fn refused_ranges(&self) -> Vec<[u32; 2]> {
        let mut ranges: Vec<[u32; 2]> = Vec::new();
        for c in all_chars().filter(|&c| !self.accepts(c)) {
            match ranges.last_mut() {
                Some([_, last]) if (*last + 1..c as u32).all(|u| char::from_u32(u).is_none()) => {
                    *last = c as u32
                }
                _ => ranges.push([c as u32, c as u32]),
            }
        }
        ranges
    }
}

/// Every probe's verdicts.
pub struct CodePoints {
    /// A name with the character between letters, then the character alone.
    pub name_inside: Verdicts,
    pub name_alone: Verdicts,
    pub external_id_inside: Verdicts,
    /// An international address with the character in its local part, outside quotes, then
    /// inside.
    pub local_part: Verdicts,
    pub quoted_local_part: Verdicts,
}

impl CodePoints {
    pub fn all(&self) -> [&Verdicts; 5] {
        [
            &self.name_inside,
            &self.name_alone,
            &self.external_id_inside,
            &self.local_part,
            &self.quoted_local_part,
        ]
    }
}

pub fn all_chars() -> impl Iterator<Item = char> {
    (0..=char::MAX as u32).filter_map(char::from_u32)
}

fn verdicts(probe: Probe) -> Verdicts {
    let mut refused = vec![None; char::MAX as usize + 1];
    for c in all_chars() {
        refused[c as usize] = (probe.check)(&probe.text(c)).err();
    }
    Verdicts { probe, refused }
}

/// The crate's verdicts, computed on first use (a few seconds in a debug build).
pub fn code_points() -> &'static CodePoints {
    static CODE_POINTS: OnceLock<CodePoints> = OnceLock::new();
    CODE_POINTS.get_or_init(|| {
        let name = |s: &str| PersonName::parse(s).map(drop).map_err(|e| e.code());
        let external_id = |s: &str| ExternalId::parse(s).map(drop).map_err(|e| e.code());
        let email = |s: &str| {
            Email::parse_international(s)
                .map(drop)
                .map_err(|e| e.code())
        };
        let probe = |key, international, (before, after), check| Probe {
            key,
            international,
            before,
            after,
            check,
        };
        CodePoints {
            name_inside: verdicts(probe("firstName", false, ("a", "b"), name)),
            name_alone: verdicts(probe("firstName", false, ("", ""), name)),
            external_id_inside: verdicts(probe("externalId", false, ("a", "b"), external_id)),
            local_part: verdicts(probe("email", true, ("a", "b@example.com"), email)),
            quoted_local_part: verdicts(probe("email", true, ("\"a", "b\"@example.com"), email)),
        }
    })
}
