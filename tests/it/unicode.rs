//! The Unicode properties behind the character rules: the tables in the docs of `Email` and
//! `PersonName` are Unicode's data (ICU4X's, which the crate reads), and every code point of
//! each property, and every code point of none, gets the verdict the tables promise from the
//! validators and from `report::escape`.

use std::ops::RangeInclusive;

use crate::util::code_points::{all_chars, code_points};
use cleeng_register::report::escape;
use cleeng_register::*;
use icu_properties::props::{BidiControl, DefaultIgnorableCodePoint, GeneralCategory, WhiteSpace};
use icu_properties::{CodePointMapData, CodePointSetData};

/// The properties the character rules name, as the docs' tables name them.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Property {
    Cc,
    WhiteSpace,
    BidiControl,
    DefaultIgnorable,
}

use Property::*;

impl Property {
    const ALL: [Property; 4] = [Cc, WhiteSpace, BidiControl, DefaultIgnorable];

    /// The first cells of a table row that names the property.
    fn documented_as(self) -> &'static str {
        match self {
            Cc => "Cc (General_Category Control)",
            WhiteSpace => "White_Space",
            BidiControl => "Bidi_Control",
            DefaultIgnorable => "Default_Ignorable_Code_Point",
        }
    }

    /// The property's code points in Unicode's data, as ICU4X compiles it in.
    fn ranges(self) -> Vec<RangeInclusive<u32>> {
        let ranges: Vec<_> = match self {
            Cc => CodePointMapData::<GeneralCategory>::new()
                .iter_ranges_for_value(GeneralCategory::Control)
                .collect(),
            WhiteSpace => CodePointSetData::new::<WhiteSpace>()
                .iter_ranges()
                .collect(),
            BidiControl => CodePointSetData::new::<BidiControl>()
                .iter_ranges()
                .collect(),
            DefaultIgnorable => CodePointSetData::new::<DefaultIgnorableCodePoint>()
                .iter_ranges()
                .collect(),
        };
        merged(ranges)
    }

    fn contains(self, c: char) -> bool {
        match self {
            Cc => CodePointMapData::<GeneralCategory>::new().get(c) == GeneralCategory::Control,
            WhiteSpace => CodePointSetData::new::<WhiteSpace>().contains(c),
            BidiControl => CodePointSetData::new::<BidiControl>().contains(c),
            DefaultIgnorable => CodePointSetData::new::<DefaultIgnorableCodePoint>().contains(c),
        }
    }

    fn chars(self) -> impl Iterator<Item = char> {
        self.ranges()
            .into_iter()
            .flatten()
            .filter_map(char::from_u32)
    }
}

/// Sorted ranges with touching neighbours joined, so two spellings of a set compare equal.
fn merged(mut ranges: Vec<RangeInclusive<u32>>) -> Vec<RangeInclusive<u32>> {
    ranges.sort_by_key(|r| *r.start());
    let mut out: Vec<RangeInclusive<u32>> = Vec::new();
    for r in ranges {
        match out.last_mut() {
            Some(last) if *r.start() <= last.end() + 1 => {
                *last = *last.start()..=(*last.end()).max(*r.end());
            }
            _ => out.push(r),
        }
    }
    out
}

/// `U+0000..U+001F, U+007F` as ranges.
fn parse_code_points(list: &str) -> Vec<RangeInclusive<u32>> {
    let point = |s: &str| {
        let hex = s
            .trim()
            .strip_prefix("U+")
            .unwrap_or_else(|| panic!("{s:?}"));
        u32::from_str_radix(hex, 16).unwrap_or_else(|_| panic!("{s:?}"))
    };
    merged(
        list.split(", ")
            .map(|item| match item.split_once("..") {
                Some((from, to)) => point(from)..=point(to),
                None => point(item)..=point(item),
            })
            .collect(),
    )
}

/// The rows of the doc tables in a source file that name a property: the property and the
/// code points of the row's last cell.
fn documented(path: &str) -> Vec<(Property, Vec<RangeInclusive<u32>>)> {
    let text = std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let mut rows = Vec::new();
    for line in text.lines() {
        let Some(row) = line.trim().strip_prefix("/// |") else {
            continue;
        };
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        let named = Property::ALL
            .into_iter()
            .find(|p| cells.contains(&p.documented_as()));
        if let (Some(property), Some(list)) = (named, cells.iter().rev().find(|c| !c.is_empty())) {
            rows.push((property, parse_code_points(list)));
        }
    }
    rows
}

#[test]
fn the_documented_tables_are_unicodes_data() {
    for (path, expected) in [
        ("src/value/email.rs", &Property::ALL[..]),
        ("src/value/free_text.rs", &[Cc, BidiControl, WhiteSpace][..]),
    ] {
        let rows = documented(path);
        let named: Vec<Property> = rows.iter().map(|(p, _)| *p).collect();
        assert_eq!(named, expected, "{path}: the table's properties");
        for (property, points) in rows {
            assert_eq!(points, property.ranges(), "{path}: {property:?}");
        }
    }
}

#[test]
fn rusts_cc_and_white_space_are_unicodes_data() {
    // The validators ask `char` for these two: it must say what the data says.
    for c in all_chars() {
        assert_eq!(c.is_control(), Cc.contains(c), "U+{:04X}", c as u32);
        assert_eq!(
            c.is_whitespace(),
            WhiteSpace.contains(c),
            "U+{:04X}",
            c as u32
        );
    }
}

#[test]
fn bidi_controls_are_default_ignorable() {
    // Unicode derives Default_Ignorable_Code_Point from Cf, which every Bidi_Control char is:
    // the address rule's two sets overlap, and the docs list both.
    assert!(BidiControl.chars().all(|c| DefaultIgnorable.contains(c)));
    assert_eq!(BidiControl.chars().count(), 12);
}

#[test]
fn no_ascii_character_is_bidi_control_or_default_ignorable() {
    // The validators skip the lookup for ASCII on this ground.
    for property in [BidiControl, DefaultIgnorable] {
        assert!(property.chars().all(|c| !c.is_ascii()), "{property:?}");
    }
}

/// What a value around `c` gets from each validator.
struct Verdicts {
    /// A name with `c` inside, then `c` alone.
    name_inside: Result<(), ErrorCode>,
    name_alone: Result<(), ErrorCode>,
    external_id_inside: Result<(), ErrorCode>,
    /// An international address with `c` in the local part, outside quotes, then inside.
    local_part: bool,
    quoted_local_part: bool,
}

fn verdicts(c: char) -> Verdicts {
    let all = code_points();
    Verdicts {
        name_inside: all.name_inside.of(c),
        name_alone: all.name_alone.of(c),
        external_id_inside: all.external_id_inside.of(c),
        local_part: all.local_part.accepts(c),
        quoted_local_part: all.quoted_local_part.accepts(c),
    }
}

/// Whether `escape` writes `c` as `\uXXXX`.
fn escaped_as_code(c: char) -> bool {
    escape(&c.to_string()).to_string() == format!("\\u{:04x}", c as u32)
}

#[test]
fn cc_is_refused_in_names_and_anywhere_in_an_address() {
    for c in Cc.chars() {
        let v = verdicts(c);
        assert_eq!(
            v.name_inside,
            Err(ErrorCode::ControlCharacter),
            "U+{:04X}",
            c as u32
        );
        // Before surrounding White_Space (tab, line feed...).
        assert_eq!(
            v.name_alone,
            Err(ErrorCode::ControlCharacter),
            "U+{:04X}",
            c as u32
        );
        assert_eq!(v.external_id_inside, Err(ErrorCode::ControlCharacter));
        assert!(!v.local_part && !v.quoted_local_part, "U+{:04X}", c as u32);
        let named = matches!(c, '\n' | '\r' | '\t');
        assert!(named || escaped_as_code(c), "U+{:04X}", c as u32);
    }
}

/// General_Category Zl or Zp: the line and paragraph separators, U+2028 and U+2029.
fn is_separator(c: char) -> bool {
    matches!(
        CodePointMapData::<GeneralCategory>::new().get(c),
        GeneralCategory::LineSeparator | GeneralCategory::ParagraphSeparator
    )
}

/// General_Category Format (Cf).
fn is_format(c: char) -> bool {
    CodePointMapData::<GeneralCategory>::new().get(c) == GeneralCategory::Format
}

/// The Tags block.
fn is_tag(c: char) -> bool {
    ('\u{E0000}'..='\u{E007F}').contains(&c)
}

#[test]
fn white_space_is_refused_around_names_and_in_a_local_part() {
    assert_eq!(
        WhiteSpace
            .chars()
            .filter(|&c| is_separator(c))
            .collect::<String>(),
        "\u{2028}\u{2029}"
    );
    for c in WhiteSpace.chars().filter(|&c| !Cc.contains(c)) {
        let v = verdicts(c);
        if is_separator(c) {
            // A line or paragraph separator is refused anywhere, before the ends are checked.
            assert_eq!(v.name_inside, Err(ErrorCode::ControlCharacter));
            assert_eq!(v.name_alone, Err(ErrorCode::ControlCharacter));
            assert_eq!(v.external_id_inside, Err(ErrorCode::ControlCharacter));
        } else {
            assert_eq!(v.name_inside, Ok(()), "U+{:04X}", c as u32);
            assert_eq!(v.name_alone, Err(ErrorCode::SurroundingWhitespace));
            assert_eq!(v.external_id_inside, Ok(()));
        }
        // Inside quotes, only the plain space RFC 5322 quotes exist for.
        assert!(!v.local_part, "U+{:04X}", c as u32);
        assert_eq!(v.quoted_local_part, c == ' ', "U+{:04X}", c as u32);
    }
}

#[test]
fn bidi_control_is_refused_in_names_and_local_parts_and_escaped_in_logs() {
    for c in BidiControl.chars() {
        let v = verdicts(c);
        assert_eq!(
            v.name_inside,
            Err(ErrorCode::ControlCharacter),
            "U+{:04X}",
            c as u32
        );
        assert_eq!(v.name_alone, Err(ErrorCode::ControlCharacter));
        assert_eq!(v.external_id_inside, Err(ErrorCode::ControlCharacter));
        // Quotes hide nothing.
        assert!(!v.local_part && !v.quoted_local_part, "U+{:04X}", c as u32);
        assert!(escaped_as_code(c), "U+{:04X}", c as u32);
    }
}

#[test]
fn default_ignorables_are_refused_in_local_parts_and_alone_in_names() {
    for c in DefaultIgnorable.chars() {
        let v = verdicts(c);
        assert!(!v.local_part && !v.quoted_local_part, "U+{:04X}", c as u32);
        if is_tag(c) {
            // Tags carry hidden ASCII: a control character wherever they are.
            assert_eq!(v.name_inside, Err(ErrorCode::ControlCharacter));
            assert_eq!(v.name_alone, Err(ErrorCode::ControlCharacter));
            assert_eq!(v.external_id_inside, Err(ErrorCode::ControlCharacter));
        } else if !BidiControl.contains(c) {
            // Beside a visible character, names accept them: ZWNJ, ZWJ, U+200B, U+FEFF.
            assert_eq!(v.name_inside, Ok(()), "U+{:04X}", c as u32);
            assert_eq!(v.external_id_inside, Ok(()));
            // Alone, nothing shows.
            assert_eq!(
                v.name_alone,
                Err(ErrorCode::NoVisibleCharacter),
                "U+{:04X}",
                c as u32
            );
        }
    }
}

#[test]
fn the_tags_block_is_default_ignorable() {
    // So an address refuses tags through Default_Ignorable_Code_Point, as its table says.
    assert!(('\u{E0000}'..='\u{E007F}').all(|c| DefaultIgnorable.contains(c)));
}

/// What an international local part refuses beyond the hidden characters: noncharacters,
/// private use, unassigned code points, and text that NFC would change.
fn refused_by_the_local_part_rules(text: &str, c: char) -> bool {
    use icu_properties::props::NoncharacterCodePoint;
    let gc = CodePointMapData::<GeneralCategory>::new().get(c);
    CodePointSetData::new::<NoncharacterCodePoint>().contains(c)
        || matches!(
            gc,
            GeneralCategory::PrivateUse | GeneralCategory::Unassigned
        )
        || !icu_normalizer::ComposingNormalizerBorrowed::new_nfc().is_normalized(text)
}

#[test]
fn every_other_code_point_is_accepted() {
    let in_a_set = |c: char| Property::ALL.iter().any(|p| p.contains(c));
    let mut checked = 0;
    for c in all_chars().filter(|&c| !in_a_set(c)) {
        let v = verdicts(c);
        assert_eq!(v.name_inside, Ok(()), "U+{:04X}", c as u32);
        // A format character (Cf) that is not Default_Ignorable shows nothing alone either.
        let alone = if is_format(c) {
            Err(ErrorCode::NoVisibleCharacter)
        } else {
            Ok(())
        };
        assert_eq!(v.name_alone, alone, "U+{:04X}", c as u32);
        assert_eq!(v.external_id_inside, Ok(()), "U+{:04X}", c as u32);
        // ASCII outside `atext` has RFC 5322's own rules (the email tests); the rest passes
        // unless the local part's other rules refuse it, quoted or not.
        if !c.is_ascii() {
            let unquoted = !refused_by_the_local_part_rules(&format!("a{c}b"), c);
            assert_eq!(v.local_part, unquoted, "U+{:04X}", c as u32);
            assert_eq!(v.quoted_local_part, unquoted, "U+{:04X}", c as u32);
        }
        let logged_as_is = !matches!(c, '"' | '\\' | '\u{2028}' | '\u{2029}');
        assert_eq!(
            escape(&c.to_string()).to_string() == c.to_string(),
            logged_as_is,
            "U+{:04X}",
            c as u32
        );
        checked += 1;
    }
    assert!(checked > 1_100_000);
}
