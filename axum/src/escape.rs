//! Client bytes in text output (`Display`, logs), escaped as JSON strings escape them, so that
//! no key a client sends can start a new log line or steer a terminal.

use std::fmt::{self, Write};

/// `text` as a JSON string, quotes included: `"` and `\` escaped, and every control character
/// (Unicode's `Cc`: C0, DEL and C1, which holds NEL), U+2028 LINE SEPARATOR and U+2029
/// PARAGRAPH SEPARATOR written as escapes (`\n`, `\r`, `\t`, `\b`, `\f`, else `\u00XX`). The
/// output is valid JSON that reads back as `text`, and holds no line break and no raw control
/// byte (ESC starts terminal sequences; CR and LF would forge log lines).
///
/// JSON itself needs only C0 escaped; DEL, C1 and the two separators are escaped as well
/// because terminals and log viewers act on them.
pub(crate) struct JsonStr<'a>(pub(crate) &'a str);

impl fmt::Display for JsonStr<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_char('"')?;
        let mut rest = self.0;
        // Runs of plain characters are written at once.
        while let Some((at, c)) = rest.char_indices().find(|&(_, c)| needs_escape(c)) {
            f.write_str(&rest[..at])?;
            match c {
                '"' => f.write_str("\\\"")?,
                '\\' => f.write_str("\\\\")?,
                '\n' => f.write_str("\\n")?,
                '\r' => f.write_str("\\r")?,
                '\t' => f.write_str("\\t")?,
                '\u{8}' => f.write_str("\\b")?,
                '\u{c}' => f.write_str("\\f")?,
                c => write!(f, "\\u{:04x}", u32::from(c))?,
            }
            rest = &rest[at + c.len_utf8()..];
        }
        f.write_str(rest)?;
        f.write_char('"')
    }
}

fn needs_escape(c: char) -> bool {
    matches!(c, '"' | '\\' | '\u{2028}' | '\u{2029}') || c.is_control()
}

#[cfg(test)]
mod tests {
    use super::JsonStr;

    fn escaped(text: &str) -> String {
        JsonStr(text).to_string()
    }

    #[test]
    fn plain_text_is_only_quoted() {
        assert_eq!(escaped(""), r#""""#);
        assert_eq!(escaped("/email"), r#""/email""#);
        assert_eq!(escaped("/żółw~1ß 🦀"), r#""/żółw~1ß 🦀""#);
    }

    #[test]
    fn quotes_backslashes_and_controls_are_escaped() {
        assert_eq!(escaped("a\"b\\c"), r#""a\"b\\c""#);
        assert_eq!(escaped("\n\r\t\u{8}\u{c}"), r#""\n\r\t\b\f""#);
        assert_eq!(
            escaped("\u{0}\u{1b}[31m\u{7f}"),
            r#""\u0000\u001b[31m\u007f""#
        );
        // C1 (NEL, CSI) and the Unicode line and paragraph separators.
        assert_eq!(
            escaped("\u{85}\u{9b}\u{2028}\u{2029}"),
            r#""\u0085\u009b\u2028\u2029""#
        );
    }

    #[test]
    fn every_char_round_trips_through_json_and_leaves_no_control() {
        // Every control and separator, and their neighbours, one by one and all together.
        let chars: Vec<char> = (0..=0xa0)
            .chain([0x2027, 0x2028, 0x2029, 0x202a, 0x10ffff])
            .filter_map(char::from_u32)
            .collect();
        let all: String = chars.iter().collect();
        for text in chars.iter().map(|c| c.to_string()).chain([all]) {
            let out = escaped(&text);
            let back: String = serde_json::from_str(&out).expect("valid JSON");
            assert_eq!(back, text);
            assert!(
                !out.chars()
                    .any(|c| c.is_control() || c == '\u{2028}' || c == '\u{2029}'),
                "{out:?}"
            );
        }
    }
}
