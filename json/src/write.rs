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

/// Whether any byte of `bytes` must be escaped, eight bytes at a time. The strings written
/// here are short (a pointer, a code, a message of some 60 bytes), where a vectorized loop
/// spends most of its time getting in and out, and a byte at a time costs about three
/// comparisons and branches a byte.
#[inline]
fn any_needs_escape(bytes: &[u8]) -> bool {
    let mut words = bytes.chunks_exact(8);
    let mut found = 0;
    for word in &mut words {
        found |= escapes_in(u64::from_le_bytes(word.try_into().expect("chunks of 8")));
    }
    let rest = words.remainder();
    if !rest.is_empty() {
        // Padded with a byte that needs no escaping.
        let mut last = [b' '; 8];
        last[..rest.len()].copy_from_slice(rest);
        found |= escapes_in(u64::from_le_bytes(last));
    }
    found != 0
}

/// Non-zero when a byte of `word` must be escaped. Each of the three terms is the classic
/// test for "some byte is below n" (exact for the word as a whole when n <= 0x80): below
/// 0x20 for the controls, and below 1, that is zero, once `"` or `\` is xored away.
const fn escapes_in(word: u64) -> u64 {
    const fn repeat(byte: u8) -> u64 {
        u64::from_le_bytes([byte; 8])
    }
    let quote = word ^ repeat(b'"');
    let backslash = word ^ repeat(b'\\');
    ((word.wrapping_sub(repeat(0x20)) & !word)
        | (quote.wrapping_sub(repeat(1)) & !quote)
        | (backslash.wrapping_sub(repeat(1)) & !backslash))
        & repeat(0x80)
}

/// Appends `text` escaped as the inside of a JSON string.
#[inline]
pub fn push_escaped(out: &mut Vec<u8>, text: &str) {
    if any_needs_escape(text.as_bytes()) {
        push_escaping(out, text);
    } else {
        out.extend_from_slice(text.as_bytes());
    }
}

/// [`push_escaped`]'s slow path, for a text with something to escape: the crate's own
/// texts have nothing, so this runs only for a client's key in a pointer.
#[cold]
fn push_escaping(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
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
pub fn push_str(out: &mut Vec<u8>, text: &str) {
    out.push(b'"');
    push_escaped(out, text);
    out.push(b'"');
}

/// Appends what `write` appends, as a JSON string.
///
/// A message is written in many small pieces (words, numbers); they are appended as they
/// are and the whole is checked once, which costs less than checking each piece. If any byte
/// needs escaping (the crate's messages have none), the text is taken back and escaped.
pub fn push_string_of(out: &mut Vec<u8>, write: impl FnOnce(&mut Vec<u8>)) {
    out.push(b'"');
    let start = out.len();
    write(out);
    if any_needs_escape(&out[start..]) {
        let written = out.split_off(start);
        let text = std::str::from_utf8(&written).expect("written from whole `str`s");
        push_escaping(out, text);
    }
    out.push(b'"');
}

/// Appends a number.
pub fn push_u32(out: &mut Vec<u8>, number: u32) {
    out.extend_from_slice(itoa::Buffer::new().format(number).as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_check_finds_every_byte_to_escape_at_every_place() {
        // Every byte value at every position of strings up to three words long, among
        // neighbours that need no escaping and neighbours that are the largest byte (the
        // word test's subtractions borrow across bytes).
        for len in 1..=24 {
            for at in 0..len {
                for byte in 0..=u8::MAX {
                    for fill in [b'a', 0xff] {
                        let mut bytes = vec![fill; len];
                        bytes[at] = byte;
                        assert_eq!(
                            any_needs_escape(&bytes),
                            needs_escape(byte),
                            "{byte:#04x} at {at} of {len}, among {fill:#04x}"
                        );
                    }
                }
            }
        }
        assert!(!any_needs_escape(b""));
    }

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
