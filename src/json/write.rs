//! Writing the crate's own answers as JSON without going through a serializer: a refused
//! request's problem document is written on every refusal a service answers, and serde_json
//! spends most of that time on per-string overhead (an escaping pass per key, per code and per
//! fragment of a message). Here the members' names are literal bytes, and a string is checked
//! for bytes that need escaping in one pass the compiler can vectorize, then copied whole.
//!
//! The bytes are exactly serde_json's (`serde_json::to_vec` of the same value, with its
//! compact formatter): `tests/it/problem.rs` compares the two on generated reports.

/// Whether a byte must be escaped inside a JSON string (serde_json's rule: `"`, `\` and the
/// C0 controls; DEL and non-ASCII are written as they are).
const fn needs_escape(byte: u8) -> bool {
    byte < 0x20 || byte == b'"' || byte == b'\\'
}

/// Whether any byte of `bytes` must be escaped. No early exit, so that the loop is
/// vectorized: the texts written here almost never need escaping.
fn any_needs_escape(bytes: &[u8]) -> bool {
    bytes.iter().fold(false, |any, &b| any | needs_escape(b))
}

/// Appends `text` escaped as the inside of a JSON string.
pub(crate) fn push_escaped(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    if !any_needs_escape(bytes) {
        out.extend_from_slice(bytes);
        return;
    }
    let mut plain = 0;
    for (i, &byte) in bytes.iter().enumerate() {
        if !needs_escape(byte) {
            continue;
        }
        out.extend_from_slice(&bytes[plain..i]);
        plain = i + 1;
        let short = match byte {
            b'"' => b'"',
            b'\\' => b'\\',
            0x08 => b'b',
            0x0c => b'f',
            b'\n' => b'n',
            b'\r' => b'r',
            b'\t' => b't',

            _ => 0,
        };
        if short != 0 {
            out.extend_from_slice(&[b'\\', short]);
        } else {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(byte >> 4)],
                HEX[usize::from(byte & 0xf)],
            ]);
        }
    }
    out.extend_from_slice(&bytes[plain..]);
}

/// Appends `text` as a JSON string, quotes included.
pub(crate) fn push_str(out: &mut Vec<u8>, text: &str) {
    out.push(b'"');
    push_escaped(out, text);
    out.push(b'"');
}

/// Appends what `write` appends, as a JSON string.
///
/// A message is written in many small pieces (words, numbers); they are appended as they
/// are and the whole is checked once, which costs less than checking each piece. If any byte
/// needs escaping (the crate's messages have none), the text is taken back and escaped.
pub(crate) fn push_string_of(out: &mut Vec<u8>, write: impl FnOnce(&mut Vec<u8>)) {
    out.push(b'"');
    let start = out.len();
    write(out);
    if any_needs_escape(&out[start..]) {
        let written = out.split_off(start);
        let text = std::str::from_utf8(&written).expect("written from whole `str`s");
        push_escaped(out, text);
    }
    out.push(b'"');
}

/// Appends a number.
pub(crate) fn push_u32(out: &mut Vec<u8>, number: u32) {
    out.extend_from_slice(itoa::Buffer::new().format(number).as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_ascii_byte_is_escaped_as_serde_json_escapes_it() {
        for byte in 0u8..=0x7f {
            let text = format!("a{}b", char::from(byte));
            let mut ours = Vec::new();
            push_str(&mut ours, &text);
            assert_eq!(ours, serde_json::to_vec(&text).unwrap(), "byte {byte:#04x}");
        }
    }

    #[test]
    fn a_text_with_bytes_to_escape_is_escaped_whole() {
        for text in [
            "plain words",
            "a \"quoted\" word",
            "tab\there",
            "\u{1b}[31m",
            "é\\",
        ] {
            let mut ours = b"[".to_vec();
            push_string_of(&mut ours, |out| {
                // In pieces, as messages are written, so that an escape may span two.
                let middle = text.char_indices().nth(text.chars().count() / 2);
                let (a, b) = text.split_at(middle.map_or(text.len(), |(i, _)| i));
                out.extend_from_slice(a.as_bytes());
                out.extend_from_slice(b.as_bytes());
            });
            let mut expected = b"[".to_vec();
            expected.extend(serde_json::to_vec(text).unwrap());
            assert_eq!(ours, expected, "{text:?}");
        }
    }

    #[test]
    fn numbers_are_written_as_serde_json_writes_them() {
        for number in [0, 7, 10, 99, 1000, 65_535, 1 << 20, u32::MAX] {
            let mut ours = Vec::new();
            push_u32(&mut ours, number);
            assert_eq!(ours, serde_json::to_vec(&number).unwrap());
        }
    }
}
