//! The catalog's languages, and picking one from an `Accept-Language` header.

use std::fmt;
use std::str::FromStr;

/// A language the catalog speaks.
///
/// ```
/// use cleeng_register_messages::Language;
/// assert_eq!(Language::negotiate("pl-PL,pl;q=0.9,en;q=0.5"), Language::Pl);
/// assert_eq!(Language::from_tag("pt-BR"), Some(Language::Pt));
/// assert_eq!(Language::Pl.tag(), "pl");
/// ```
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Language {
    /// English, the catalog's source language and the fallback.
    #[default]
    En,
    /// German, with the formal "Sie".
    De,
    /// Spanish, with the formal "usted".
    Es,
    /// French, with "vous".
    Fr,
    /// Italian, impersonal.
    It,
    /// Polish, impersonal.
    Pl,
    /// Portuguese as written in Brazil, impersonal.
    Pt,
}

impl Language {
    /// Every language, English first.
    pub const ALL: [Language; 7] = [
        Language::En,
        Language::De,
        Language::Es,
        Language::Fr,
        Language::It,
        Language::Pl,
        Language::Pt,
    ];

    /// The BCP 47 tag the catalog uses, which `Content-Language` answers (`pl`).
    pub const fn tag(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::De => "de",
            Language::Es => "es",
            Language::Fr => "fr",
            Language::It => "it",
            Language::Pl => "pl",
            Language::Pt => "pt",
        }
    }

    /// The language of a BCP 47 tag (or a locale such as `pl_PL`), by its primary subtag,
    /// in any case: `pl`, `pl-PL`, `PL_pl` are Polish; `None` when the catalog does not
    /// speak it.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        Language::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(primary))
    }

    /// The language to answer a request whose `Accept-Language` header is
    /// `accept_language`: RFC 4647 lookup over the header's ranges in order of their
    /// `q` weights (RFC 9110; equal weights keep the header's order, `q=0` refuses). Each
    /// range is truncated subtag by subtag until it names a language of the catalog
    /// (`pl-PL` finds `pl`); `*` matches English, or the first language of [`Language::ALL`]
    /// not refused. A malformed element (a bad range or weight) is skipped; when nothing
    /// matches, English. Never panics, whatever the header holds.
    ///
    /// ```
    /// use cleeng_register_messages::Language;
    /// assert_eq!(Language::negotiate("fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5"), Language::Fr);
    /// assert_eq!(Language::negotiate("ja, de;q=0.5"), Language::De);
    /// assert_eq!(Language::negotiate("en;q=0, *"), Language::De);
    /// assert_eq!(Language::negotiate("pl;q=2"), Language::En);
    /// assert_eq!(Language::negotiate(""), Language::En);
    /// ```
    pub fn negotiate(accept_language: &str) -> Language {
        // (weight in thousandths, position, range): a header's list is short; sorting a
        // small vector is simpler than anything cleverer.
        let mut ranges: Vec<(u16, usize, &str)> = accept_language
            .split(',')
            .enumerate()
            .filter_map(|(i, element)| {
                let element = element.trim_matches([' ', '\t']);
                if element.is_empty() {
                    return None;
                }
                let (range, weight) = parse_element(element)?;
                Some((weight, i, range))
            })
            .collect();
        ranges.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let refused = |l: Language| {
            ranges
                .iter()
                .any(|&(w, _, r)| w == 0 && r.eq_ignore_ascii_case(l.tag()))
        };
        for &(weight, _, range) in &ranges {
            if weight == 0 {
                break;
            }
            if range == "*" {
                if let Some(any) = Language::ALL.into_iter().find(|&l| !refused(l)) {
                    return any;
                }
                continue;
            }
            // Lookup truncates from the end; the catalog's tags are primary subtags only,
            // so the first subtag decides.
            if let Some(language) = Language::from_tag(range) {
                if !refused(language) {
                    return language;
                }
            }
        }
        Language::En
    }
}

/// A header element `range[;q=weight]`: the range and the weight in thousandths, or `None`
/// when malformed.
fn parse_element(element: &str) -> Option<(&str, u16)> {
    let mut parts = element.split(';');
    let range = parts.next()?.trim_matches([' ', '\t']);
    if !is_language_range(range) {
        return None;
    }
    let mut weight = 1000;
    for parameter in parts {
        let (name, value) = parameter.trim_matches([' ', '\t']).split_once('=')?;
        if !name.trim_matches([' ', '\t']).eq_ignore_ascii_case("q") {
            return None;
        }
        weight = parse_weight(value.trim_matches([' ', '\t']))?;
    }
    Some((range, weight))
}

/// RFC 4647's basic `language-range`: `*`, or subtags of 1 to 8 letters (the first) or
/// letters and digits (the rest), joined by `-`.
fn is_language_range(range: &str) -> bool {
    range == "*"
        || range.split('-').enumerate().all(|(i, subtag)| {
            (1..=8).contains(&subtag.len())
                && subtag
                    .bytes()
                    .all(|b| b.is_ascii_alphabetic() || (i > 0 && b.is_ascii_digit()))
        })
}

/// RFC 9110's `qvalue`: `0` to `1` with at most three decimals, in thousandths.
fn parse_weight(text: &str) -> Option<u16> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths = fraction
        .bytes()
        .chain(std::iter::repeat(b'0'))
        .take(3)
        .fold(0u16, |n, b| n * 10 + u16::from(b - b'0'));
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// A language tag the catalog does not speak.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct UnknownLanguage;

impl fmt::Display for UnknownLanguage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a language of the catalog (en, de, es, fr, it, pl, pt)")
    }
}

impl std::error::Error for UnknownLanguage {}

impl FromStr for Language {
    type Err = UnknownLanguage;

    /// As [`Language::from_tag`]: `de`, `pl-PL`, `pt_BR`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Language::from_tag(s).ok_or(UnknownLanguage)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_order_the_ranges_and_equal_weights_keep_the_header_order() {
        assert_eq!(Language::negotiate("de;q=0.5, pl;q=0.9"), Language::Pl);
        assert_eq!(Language::negotiate("it, es"), Language::It);
        assert_eq!(Language::negotiate("es;q=0.8, it;q=0.8"), Language::Es);
        assert_eq!(Language::negotiate("ja;q=1, pt-BR;q=0.1"), Language::Pt);
        assert_eq!(Language::negotiate("de;q=0.001, fr;q=0.0005"), Language::De);
    }

    #[test]
    fn a_range_is_truncated_until_it_names_a_language() {
        assert_eq!(Language::negotiate("pl-PL"), Language::Pl);
        assert_eq!(Language::negotiate("de-CH-1996"), Language::De);
        assert_eq!(Language::negotiate("zh-Hant-TW, fr"), Language::Fr);
        // Lookup never widens a range's first subtag: `en-x` is not `e`.
        assert_eq!(Language::negotiate("p, pl;q=0.1"), Language::Pl);
    }

    #[test]
    fn zero_refuses_and_star_takes_what_is_not_refused() {
        assert_eq!(Language::negotiate("pl;q=0"), Language::En);
        assert_eq!(Language::negotiate("*"), Language::En);
        assert_eq!(Language::negotiate("en;q=0, de;q=0, *"), Language::Es);
        assert_eq!(Language::negotiate("fr;q=0.5, *;q=0.4"), Language::Fr);
        assert_eq!(Language::negotiate("pl, pl;q=0"), Language::En);
    }

    #[test]
    fn malformed_elements_are_skipped_and_a_malformed_header_is_english() {
        for header in [
            "pl;q=2",
            "pl;q=1.5",
            "pl;q=0.1234",
            "pl;q=",
            "pl;q=abc",
            "pl;x=1",
            "p1",
            "toolongtag",
            ";;;",
            ",,,",
            "pl-",
            "-pl",
            "\u{0}pl",
            "żółw",
            "pl;q=0.5;q",
        ] {
            assert_eq!(Language::negotiate(header), Language::En, "{header:?}");
        }
        assert_eq!(Language::negotiate("pl;q=nope, de;q=0.3"), Language::De);
        assert_eq!(Language::negotiate(" de ;q=0.7 , ,"), Language::De);
    }

    #[test]
    fn weights_parse_as_rfc_9110_says() {
        assert_eq!(parse_weight("1"), Some(1000));
        assert_eq!(parse_weight("1.000"), Some(1000));
        assert_eq!(parse_weight("0.5"), Some(500));
        assert_eq!(parse_weight("0.05"), Some(50));
        assert_eq!(parse_weight("0."), Some(0));
        assert_eq!(parse_weight("1.001"), None);
        assert_eq!(parse_weight(".5"), None);
        assert_eq!(parse_weight("-0"), None);
    }

    #[test]
    fn tags_and_locales_name_their_language() {
        for l in Language::ALL {
            assert_eq!(Language::from_tag(l.tag()), Some(l));
            assert_eq!(l.tag().parse(), Ok(l));
        }
        assert_eq!(Language::from_tag("PL_pl"), Some(Language::Pl));
        assert_eq!(Language::from_tag("pt-PT"), Some(Language::Pt));
        assert_eq!(Language::from_tag("nl"), None);
        assert_eq!(Language::from_tag(""), None);
        assert_eq!("xx".parse::<Language>(), Err(UnknownLanguage));
    }
}
