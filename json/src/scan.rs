//! A JSON scanner over text already known to be UTF-8: strings, numbers, literals and nested
//! values, checked exactly as `serde_json::Value` checks them, without decoding anything.
//!
//! It accepts what serde_json (reading into `Value`) accepts and refuses what it refuses:
//! RFC 8259 syntax; strings without raw control characters, whose escapes are valid and
//! whose `\u` surrogates come in pairs; numbers that do not overflow `f64`; at most
//! [`PARSER_DEPTH_LIMIT`] levels of nesting. A string's text is handed out raw (borrowed,
//! escapes and all) and decoded by [`unescape`] into memory that is wiped when dropped,
//! so a secret is never copied into a buffer that outlives the read unwiped.

use zeroize::Zeroizing;

/// The deepest nesting serde_json reads: it refuses a 128th level before any visitor sees
/// it, so the scanner does too. A policy's maximum stays below, so a walk reaches every
/// depth a policy can allow and syntax is checked before depth; a text that fails after
/// reaching this depth is counted as too deep (deeper than any policy allows), whatever
/// follows.
pub const PARSER_DEPTH_LIMIT: usize = 127;

/// The text is not JSON as serde_json reads it (or nests deeper than it reads).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Malformed;

/// A string as it appears in the text, between its quotes.
#[derive(Copy, Clone)]
pub struct RawStr<'a> {
    raw: &'a str,
    escaped: bool,
}

impl<'a> RawStr<'a> {
    /// The text itself, when it has no escapes.
    #[inline]
    pub fn unescaped(self) -> Option<&'a str> {
        (!self.escaped).then_some(self.raw)
    }

    /// The decoded text, in memory wiped when dropped.
    pub fn decode(self) -> Zeroizing<String> {
        unescape(self.raw)
    }
}

/// What [`Scanner::walk_value`] found.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Walked {
    /// The deepest nesting: `1` is `{}`, `0` a scalar.
    pub depth: usize,
    /// Whether the value is an object.
    pub is_object: bool,
}

/// A position in a JSON text.
pub struct Scanner<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Scanner<'a> {
    /// A scanner at the start of `text`.
    pub fn new(text: &'a str) -> Self {
        Scanner { text, pos: 0 }
    }

    /// The next byte that is not JSON whitespace, left unread.
    #[inline]
    pub fn peek(&mut self) -> Option<u8> {
        self.pos = skip_whitespace(self.text.as_bytes(), self.pos);
        self.text.as_bytes().get(self.pos).copied()
    }

    /// Reads `b` if it is next (after whitespace).
    #[inline]
    pub fn eat(&mut self, b: u8) -> bool {
        let found = self.peek() == Some(b);
        self.pos += usize::from(found);
        found
    }

    /// Reads `b`, which must be next.
    #[inline]
    pub fn expect(&mut self, b: u8) -> Result<(), Malformed> {
        if self.eat(b) {
            Ok(())
        } else {
            Err(Malformed)
        }
    }

    /// Nothing but whitespace is left.
    pub fn finish(&mut self) -> Result<(), Malformed> {
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(Malformed),
        }
    }

    /// Reads a string, which must be next.
    #[inline(always)]
    pub fn string(&mut self) -> Result<RawStr<'a>, Malformed> {
        if self.peek() != Some(b'"') {
            return Err(Malformed);
        }
        let start = self.pos + 1;
        let (end, escaped) = string_end::<true>(self.text.as_bytes(), start)?;
        self.pos = end + 1;
        Ok(RawStr {
            raw: &self.text[start..end],
            escaped,
        })
    }

    /// Reads a key and its colon.
    #[inline]
    pub fn key(&mut self) -> Result<RawStr<'a>, Malformed> {
        let key = self.string()?;
        self.expect(b':')?;
        Ok(key)
    }

    /// Reads `null` if it is next.
    pub fn eat_null(&mut self) -> Result<bool, Malformed> {
        if self.peek() == Some(b'n') {
            self.pos = literal_end(self.text.as_bytes(), self.pos, b"null")?;
            return Ok(true);
        }
        Ok(false)
    }

    /// Reads any value, nested in `outer` levels, checking everything serde_json checks.
    /// `deepest` is the deepest nesting reached inside the value, also when it fails.
    pub fn walk_value(&mut self, outer: usize, deepest: &mut usize) -> Result<bool, Malformed> {
        let (end, is_object) = walk::<true>(self.text, self.pos, outer, deepest)?;
        self.pos = end;
        Ok(is_object)
    }

    /// Skips any value as serde_json skips one it ignores (`IgnoredAny`): its syntax is
    /// checked, not its surrogates or number ranges, at any depth.
    pub fn skip_lenient(&mut self) -> Result<(), Malformed> {
        self.pos = walk::<false>(self.text, self.pos, 0, &mut 0)?.0;
        Ok(())
    }

    /// Reads a number, which must be next, checked as `walk_value` checks it; its text.
    pub fn number(&mut self) -> Result<&'a str, Malformed> {
        if !matches!(self.peek(), Some(b'-' | b'0'..=b'9')) {
            return Err(Malformed);
        }
        let start = self.pos;
        self.pos = number_end::<true>(self.text, start)?;
        Ok(&self.text[start..self.pos])
    }
}

/// Walks the value at `pos` (whitespace first): where it ends, and whether it is an object.
/// The position is a local, not the scanner's field, so it stays in a register.
///
/// `STRICT` checks what serde_json checks when it decodes into `Value` (surrogate pairs,
/// number ranges, its nesting limit); otherwise only what it checks when it skips a value
/// (`IgnoredAny`): the syntax, at any depth.
fn walk<const STRICT: bool>(
    text: &str,
    mut pos: usize,
    outer: usize,
    deepest: &mut usize,
) -> Result<(usize, bool), Malformed> {
    let bytes = text.as_bytes();
    // Levels this value may open; bit `d` of `objects` tells whether level `d + 1` is an
    // object (a u128 holds every level serde_json reads; a skip at any depth keeps deeper
    // levels in `deeper`). `in_object` caches the current level's kind.
    let limit = if STRICT {
        PARSER_DEPTH_LIMIT.saturating_sub(outer)
    } else {
        usize::MAX
    };
    let mut objects: u128 = 0;
    let mut deeper: Vec<bool> = Vec::new();
    let is_object_at = |objects: u128, deeper: &[bool], depth: usize| match depth {
        0 => false,
        1..=128 => objects & (1u128 << (depth - 1)) != 0,
        _ => deeper.last() == Some(&true),
    };
    let mut depth = 0;
    let mut in_object = false;
    pos = skip_whitespace(bytes, pos);
    let is_object = bytes.get(pos) == Some(&b'{');
    'value: loop {
        // A value starts at `pos`.
        match bytes.get(pos) {
            Some(&open @ (b'{' | b'[')) => {
                if depth == limit {
                    return Err(Malformed);
                }
                in_object = open == b'{';
                if depth < 128 {
                    let bit = 1u128 << depth;
                    objects = if in_object {
                        objects | bit
                    } else {
                        objects & !bit
                    };
                } else {
                    deeper.push(in_object);
                }
                depth += 1;
                *deepest = (*deepest).max(depth);
                pos = skip_whitespace(bytes, pos + 1);
                let close = if in_object { b'}' } else { b']' };
                if bytes.get(pos) != Some(&close) {
                    if in_object {
                        pos = key_end::<STRICT>(bytes, pos)?;
                    }
                    continue 'value;
                }
                // Empty: it closes at once, below.
                pos += 1;
                if depth > 128 {
                    deeper.pop();
                }
                depth -= 1;
                in_object = is_object_at(objects, &deeper, depth);
            }
            Some(b'"') => pos = string_end::<STRICT>(bytes, pos + 1)?.0 + 1,
            Some(b'-' | b'0'..=b'9') => pos = number_end::<STRICT>(text, pos)?,
            Some(b't') => pos = literal_end(bytes, pos, b"true")?,
            Some(b'f') => pos = literal_end(bytes, pos, b"false")?,
            Some(b'n') => pos = literal_end(bytes, pos, b"null")?,
            _ => return Err(Malformed),
        }
        // A value ended: go on to the next element, or close levels until one goes on.
        while depth > 0 {
            // Compact JSON has no whitespace here: test for it only when it is there.
            if bytes.get(pos).is_some_and(|&b| b <= b' ') {
                pos = skip_whitespace(bytes, pos);
            }
            match bytes.get(pos) {
                Some(b',') => {
                    pos += 1;
                    if bytes.get(pos).is_some_and(|&b| b <= b' ') {
                        pos = skip_whitespace(bytes, pos);
                    }
                    if in_object {
                        pos = key_end::<STRICT>(bytes, pos)?;
                    }
                    // Scalars in a row (an array of ids, an object of strings) go round
                    // here, not through the whole match above.
                    match bytes.get(pos) {
                        Some(b'"') => pos = string_end::<STRICT>(bytes, pos + 1)?.0 + 1,
                        Some(b'-' | b'0'..=b'9') => pos = number_end::<STRICT>(text, pos)?,
                        _ => continue 'value,
                    }
                    continue;
                }
                Some(b'}') if in_object => {}
                Some(b']') if !in_object => {}
                _ => return Err(Malformed),
            }
            pos += 1;
            if depth > 128 {
                deeper.pop();
            }
            depth -= 1;
            in_object = is_object_at(objects, &deeper, depth);
        }
        return Ok((pos, is_object));
    }
}

#[inline(always)]
fn skip_whitespace(bytes: &[u8], mut pos: usize) -> usize {
    while let Some(b' ' | b'\n' | b'\r' | b'\t') = bytes.get(pos) {
        pos += 1;
    }
    pos
}

/// After a key at `pos` (a string, whitespace, a colon, whitespace): where its value starts.
#[inline(always)]
fn key_end<const STRICT: bool>(bytes: &[u8], pos: usize) -> Result<usize, Malformed> {
    if bytes.get(pos) != Some(&b'"') {
        return Err(Malformed);
    }
    let pos = skip_whitespace(bytes, string_end::<STRICT>(bytes, pos + 1)?.0 + 1);
    if bytes.get(pos) != Some(&b':') {
        return Err(Malformed);
    }
    Ok(skip_whitespace(bytes, pos + 1))
}

/// The position of the closing quote of a string whose text starts at `pos`, and whether
/// it has escapes.
#[inline(always)]
fn string_end<const STRICT: bool>(bytes: &[u8], pos: usize) -> Result<(usize, bool), Malformed> {
    let end = skip_plain(bytes, pos);
    if bytes.get(end) == Some(&b'"') {
        return Ok((end, false));
    }
    escaped_string_end::<STRICT>(bytes, end).map(|end| (end, true))
}

/// The rest of a string that stopped at `pos` before its end: an escape, a control
/// character or the end of the text.
#[inline(never)]
fn escaped_string_end<const STRICT: bool>(
    bytes: &[u8],
    mut pos: usize,
) -> Result<usize, Malformed> {
    loop {
        match bytes.get(pos) {
            Some(b'"') => return Ok(pos),
            Some(b'\\') => pos = skip_plain(bytes, check_escape::<STRICT>(bytes, pos + 1)?),
            // A control character, or the end of the text.
            _ => return Err(Malformed),
        }
    }
}

#[inline(always)]
fn literal_end(bytes: &[u8], pos: usize, word: &[u8]) -> Result<usize, Malformed> {
    match bytes.get(pos..pos + word.len()) {
        Some(found) if found == word => Ok(pos + word.len()),
        _ => Err(Malformed),
    }
}

/// The end of the number at `pos`: RFC 8259's grammar, and a magnitude that fits `f64`.
#[inline(always)]
fn number_end<const STRICT: bool>(text: &str, start: usize) -> Result<usize, Malformed> {
    let bytes = text.as_bytes();
    let mut pos = start + usize::from(bytes.get(start) == Some(&b'-'));
    let int_start = pos;
    match bytes.get(pos) {
        Some(b'0') => pos += 1,
        Some(b'1'..=b'9') => pos = skip_digits(bytes, pos + 1),
        _ => return Err(Malformed),
    }
    let int_digits = pos - int_start;
    let mut exponent = false;
    // `.`, `E` and `e` are the only bytes that go on a number after its integer part.
    if let Some(b'.' | b'e' | b'E') = bytes.get(pos) {
        if bytes[pos] == b'.' {
            let fraction = pos + 1;
            pos = skip_digits(bytes, fraction);
            if pos == fraction {
                return Err(Malformed);
            }
        }
        if let Some(b'e' | b'E') = bytes.get(pos) {
            exponent = true;
            pos += 1;
            if let Some(b'+' | b'-') = bytes.get(pos) {
                pos += 1;
            }
            let digits = pos;
            pos = skip_digits(bytes, digits);
            if pos == digits {
                return Err(Malformed);
            }
        }
    }
    // Without an exponent, fewer than 309 integer digits stay below 1e308 < f64::MAX. Other
    // numbers are rare, and std's correctly rounded parse decides.
    if STRICT && (exponent || int_digits > 300) && !fits_f64(&text[start..pos]) {
        return Err(Malformed);
    }
    Ok(pos)
}

/// Whether a number (RFC 8259's grammar) has a magnitude that fits `f64`: rounded correctly,
/// it is below `f64::MAX`.
///
/// Decided here rather than by `serde_json`, so the answer does not change with the features
/// another crate in the graph switches on (`arbitrary_precision` makes `Value` accept any
/// magnitude; without `float_roundtrip`, serde_json's faster parse overflows within an ulp
/// of `f64::MAX`). A number that rounds to `±f64::MAX` itself is refused: that keeps what the
/// scanner accepts inside what `serde_json::Value` accepts under every feature, so a text it
/// passed always reads into a `Value`.
///
/// ```
/// use cleeng_register_json::scan::fits_f64;
/// assert!(fits_f64("1e308"));
/// assert!(!fits_f64("1.7976931348623157e308")); // f64::MAX itself
/// assert!(!fits_f64("1e309"));
/// assert!(fits_f64("1e-400")); // underflows to zero, as serde_json reads it
/// ```
#[cold]
pub fn fits_f64(number: &str) -> bool {
    number.parse::<f64>().is_ok_and(|n| n.abs() < f64::MAX)
}

/// Why a whole text was refused.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum WalkError {
    /// Not RFC 8259 JSON.
    Invalid,
    /// It reached serde_json's nesting limit, deeper than any policy allows, and then
    /// failed; the rest of the text is unchecked.
    PastParserLimit,
}

/// Checks a whole text and measures how deep it nests.
pub fn walk_text(text: &str) -> Result<Walked, WalkError> {
    let mut scanner = Scanner::new(text);
    let mut deepest = 0;
    match scanner
        .walk_value(0, &mut deepest)
        .and_then(|is_object| scanner.finish().map(|()| is_object))
    {
        Ok(is_object) => Ok(Walked {
            depth: deepest,
            is_object,
        }),
        Err(Malformed) if deepest >= PARSER_DEPTH_LIMIT => Err(WalkError::PastParserLimit),
        Err(Malformed) => Err(WalkError::Invalid),
    }
}

/// The first position from `pos` on that holds `"`, `\` or a control character (or the end).
/// Short strings (most in a body, and the runs between `externalData`'s escaped quotes) end
/// within 32 bytes, checked eight at a time; a longer one (a JWT, a long `externalData` run)
/// is searched with memchr's SIMD for its quote or escape, and the bytes before checked for
/// control characters in blocks. (Measured: two words lose on the 16 KiB `externalData` of
/// short strings, eight on the answer's JWT.)
#[inline(always)]
fn skip_plain(bytes: &[u8], mut pos: usize) -> usize {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = ONES << 7;
    for _ in 0..4 {
        let Some(chunk) = bytes.get(pos..pos + 8) else {
            break;
        };
        let word = u64::from_le_bytes(chunk.try_into().expect("the slice has 8 bytes"));
        let quote = word ^ (ONES * u64::from(b'"'));
        let backslash = word ^ (ONES * u64::from(b'\\'));
        // The high bit of each byte that is `"`, `\` or below 0x20. A borrow can also mark a
        // byte above a marked one, never below: the lowest mark is the first such byte.
        let marks = ((quote.wrapping_sub(ONES) & !quote)
            | (backslash.wrapping_sub(ONES) & !backslash)
            | (word.wrapping_sub(ONES * 0x20) & !word))
            & HIGH;
        if marks != 0 {
            return pos + (marks.trailing_zeros() / 8) as usize;
        }
        pos += 8;
    }
    if bytes.len() - pos.min(bytes.len()) >= 8 {
        return skip_long_plain(bytes, pos);
    }
    while let Some(&b) = bytes.get(pos) {
        if b == b'"' || b == b'\\' || b < 0x20 {
            break;
        }
        pos += 1;
    }
    pos
}

/// [`skip_plain`] past the first 32 bytes.
#[inline(never)]
fn skip_long_plain(bytes: &[u8], pos: usize) -> usize {
    let end = memchr::memchr2(b'"', b'\\', &bytes[pos..]).map_or(bytes.len(), |i| pos + i);
    // Blocks without an early exit inside, so the compiler checks many bytes at once.
    let mut start = pos;
    for block in bytes[pos..end].chunks(32) {
        if block.iter().fold(false, |control, &b| control | (b < 0x20)) {
            return start + block.iter().position(|&b| b < 0x20).expect("found above");
        }
        start += block.len();
    }
    end
}

#[inline(always)]
fn skip_digits(bytes: &[u8], mut pos: usize) -> usize {
    while bytes.get(pos).is_some_and(u8::is_ascii_digit) {
        pos += 1;
    }
    pos
}

/// Checks the escape after a `\` at `pos - 1`; the position after it. `STRICT` also
/// requires surrogates in pairs.
fn check_escape<const STRICT: bool>(bytes: &[u8], pos: usize) -> Result<usize, Malformed> {
    match bytes.get(pos) {
        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => Ok(pos + 1),
        Some(b'u') => {
            let unit = hex4(bytes, pos + 1).ok_or(Malformed)?;
            if !STRICT {
                return Ok(pos + 5);
            }
            match unit {
                // A trailing surrogate without a leading one.
                0xDC00..=0xDFFF => Err(Malformed),
                // A leading surrogate: a trailing one must follow at once.
                0xD800..=0xDBFF => match (bytes.get(pos + 5..pos + 7), hex4(bytes, pos + 7)) {
                    (Some(b"\\u"), Some(0xDC00..=0xDFFF)) => Ok(pos + 11),
                    _ => Err(Malformed),
                },
                _ => Ok(pos + 5),
            }
        }
        _ => Err(Malformed),
    }
}

/// The four hex digits at `pos`, as a UTF-16 unit.
fn hex4(bytes: &[u8], pos: usize) -> Option<u16> {
    let digits = bytes.get(pos..pos + 4)?;
    digits.iter().try_fold(0u16, |unit, &d| {
        let value = (d as char).to_digit(16)?;
        Some(unit << 4 | value as u16)
    })
}

/// Decodes the text of a string the scanner accepted, into a buffer of the raw text's size
/// (decoding only shrinks it), so it never moves: no copy is left behind in freed memory.
/// Eight bytes are copied at a time, and the same word is searched for the next `\`; the
/// bytes copied past the text are wiped with it.
pub fn unescape(raw: &str) -> Zeroizing<String> {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    let bytes = raw.as_bytes();
    let mut buf = Zeroizing::new(vec![0u8; bytes.len()]);
    // Read and write positions; the text only shrinks, so `write <= read`.
    let (mut read, mut write) = (0, 0);
    // Words in a row without a `\`: past four, the run is long (a JWT's, a long stretch of
    // `externalData`), and memchr's SIMD finds its end, one copy taking it whole.
    let mut clean = 0;
    while read < bytes.len() {
        if clean == 4 {
            clean = 0;
            let run = memchr::memchr(b'\\', &bytes[read..]).unwrap_or(bytes.len() - read);
            buf[write..write + run].copy_from_slice(&bytes[read..read + run]);
            read += run;
            write += run;
            continue;
        }
        if let (Some(src), Some(dst)) = (bytes.get(read..read + 8), buf.get_mut(write..write + 8)) {
            dst.copy_from_slice(src);
            let word = u64::from_le_bytes(src.try_into().expect("the slice has 8 bytes"));
            let backslash = word ^ (ONES * u64::from(b'\\'));
            // As in `skip_plain`: the lowest mark is the first `\`.
            let marks = backslash.wrapping_sub(ONES) & !backslash & (ONES << 7);
            if marks == 0 {
                read += 8;
                write += 8;
                clean += 1;
                continue;
            }
            clean = 0;
            let plain = (marks.trailing_zeros() / 8) as usize;
            read += plain;
            write += plain;
        } else if bytes[read] != b'\\' {
            buf[write] = bytes[read];
            read += 1;
            write += 1;
            continue;
        }
        let (c, len) = decode_escape(bytes, read + 1);
        write += c.encode_utf8(&mut buf[write..]).len();
        read += 1 + len;
    }
    buf.truncate(write);
    let text = String::from_utf8(std::mem::take(&mut *buf))
        .expect("UTF-8 text with its escapes decoded is UTF-8");
    Zeroizing::new(text)
}

/// The char of a checked escape after a `\` at `pos - 1`, and the bytes it took.
fn decode_escape(bytes: &[u8], pos: usize) -> (char, usize) {
    const CHECKED: &str = "the scanner checked the escape";
    let c = match bytes[pos] {
        b'b' => '\u{8}',
        b'f' => '\u{c}',
        b'n' => '\n',
        b'r' => '\r',
        b't' => '\t',
        b'u' => {
            let unit = u32::from(hex4(bytes, pos + 1).expect(CHECKED));
            if (0xD800..=0xDBFF).contains(&unit) {
                let low = u32::from(hex4(bytes, pos + 7).expect(CHECKED));
                let c = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                return (char::from_u32(c).expect(CHECKED), 11);
            }
            return (char::from_u32(unit).expect(CHECKED), 5);
        }
        // `"`, `\` and `/` stand for themselves.
        other => char::from(other),
    };
    (c, 1)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::serde_walk;

    /// The scanner and serde_json (through the serde walk, and reading into `Value`) agree
    /// on `text`, whichever of serde_json's features are on.
    fn agree(text: &str) -> Result<(), TestCaseError> {
        let ours = walk_text(text);
        let value = serde_json::from_str::<serde_json::Value>(text);
        if ours.is_ok() && value.as_ref().is_err_and(overflows_where_rounding_does_not) {
            return Ok(());
        }
        prop_assert_eq!(ours, serde_walk::walk_text_with_serde(text), "{:?}", text);
        // `Value` takes exactly what both take, with the scanner's rule for a number's range
        // (under `arbitrary_precision`, `Value` itself takes any magnitude).
        prop_assert_eq!(
            ours.is_ok(),
            value.is_ok_and(|value| numbers_fit(&value)),
            "{:?}",
            text
        );
        Ok(())
    }

    /// Without `float_roundtrip`, serde_json's faster parse overflows within an ulp of
    /// `f64::MAX` (`1.7976931348623158e308`) where the correctly rounded value does not; the
    /// scanner follows the correctly rounded value, as serde_json does with the feature.
    fn overflows_where_rounding_does_not(error: &serde_json::Error) -> bool {
        let float_roundtrip = serde_json::from_str::<f64>("1.7976931348623158e308").is_ok();
        !float_roundtrip && error.to_string().starts_with("number out of range")
    }

    /// Every number in `value` fits `f64` by the scanner's rule.
    fn numbers_fit(value: &serde_json::Value) -> bool {
        use serde_json::Value;
        match value {
            Value::Number(n) => fits_f64(&n.to_string()),
            Value::Array(items) => items.iter().all(numbers_fit),
            Value::Object(map) => map.values().all(numbers_fit),
            _ => true,
        }
    }

    fn nested(open: &str, close: &str, levels: usize, inner: &str, after: &str) -> String {
        format!(
            "{}{inner}{}{after}",
            open.repeat(levels),
            close.repeat(levels)
        )
    }

    #[test]
    fn edge_cases_agree() {
        let cases = [
            "",
            " ",
            "{}",
            "[]",
            "{ }",
            "[ ]",
            " {} ",
            "{}x",
            "{},",
            "{}{}",
            "\u{feff}{}",
            "null",
            "nul",
            "nulll",
            "true",
            "tru",
            "false",
            "falsy",
            "True",
            "NaN",
            "Infinity",
            "0",
            "-0",
            "00",
            "01",
            "-",
            "-01",
            "1.",
            ".5",
            "1.5",
            "1e",
            "1e+",
            "1E-2",
            "1e5",
            "+1",
            "0x10",
            "1_0",
            "-0.0e-0",
            "1.0e+308",
            "1e308",
            "1e309",
            "-1e309",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "1797693134862315708145274237317043567981e269",
            "1797693134862315808145274237317043567981e269",
            "1e-400",
            "1e-99999999999",
            "0e99999999999",
            "0.0e99999999999",
            "1e99999999999",
            "1e2147483647",
            "1e2147483648",
            "0e2147483648",
            "18446744073709551615",
            "18446744073709551616",
            "-9223372036854775808",
            "-9223372036854775809",
            "123456789012345678901234567890",
            r#""""#,
            r#""a""#,
            r#""\""#,
            r#""\\""#,
            r#""\/""#,
            r#""\b\f\n\r\t""#,
            r#""\a""#,
            r#""\u0041""#,
            r#""\u004""#,
            r#""\u00zz""#,
            r#""\uD83D\uDE00""#,
            r#""\ud83d\ude00""#,
            r#""\uD83D""#,
            r#""\uD83Dx""#,
            r#""\uD83D\n""#,
            r#""\uD83D\u0041""#,
            r#""\uDE00""#,
            r#""\uDE00\uD83D""#,
            r#""\uD83D\uD83D\uDE00""#,
            "\"\u{1}\"",
            "\"\u{1f}\"",
            "\"\u{7f}\"",
            "\"é\u{10FFFF}\"",
            "\"a\tb\"",
            "\"unclosed",
            "\"\\",
            r#"{"a":1}"#,
            r#"{"a" : 1 , "b":[1,2,{"c":null}]}"#,
            r#"{"a":1,}"#,
            r#"[1,]"#,
            r#"[,1]"#,
            r#"{,}"#,
            r#"{"a"}"#,
            r#"{"a":}"#,
            r#"{1:2}"#,
            r#"{"a":1 "b":2}"#,
            r#"[1 2]"#,
            r#"{"a":1]"#,
            r#"[1}"#,
            r#"{"\uDE00":1}"#,
            r#"{"a":1}}"#,
            "[[]]]",
            "[\n\t\r 1 ]",
            "[\u{c}1]",
            "[\u{a0}1]",
        ];
        for text in cases {
            agree(text).unwrap();
        }
    }

    #[test]
    fn nesting_at_serde_jsons_limit_agrees() {
        for levels in [1, 2, 100, 101, 126, 127, 128, 129, 300] {
            for (open, close, inner) in [("[", "]", "1"), ("{\"k\":", "}", "[]"), ("[", "]", "")] {
                for after in ["", " ", "x", ",1", "]"] {
                    agree(&nested(open, close, levels, inner, after)).unwrap();
                    // A syntax error inside the deepest level, and one after it.
                    agree(&nested(open, close, levels, "tru", after)).unwrap();
                    agree(&format!("{},x", nested(open, close, levels, inner, ""))).unwrap();
                }
            }
        }
    }

    /// JSON-ish text: the tokens JSON is made of, and the ones that break it.
    fn jsonish() -> impl Strategy<Value = String> {
        let token = prop_oneof![
            Just("{"),
            Just("}"),
            Just("["),
            Just("]"),
            Just(","),
            Just(":"),
            Just("\""),
            Just("\"k\""),
            Just("\"k\":"),
            Just("\\"),
            Just("\\u"),
            Just("D83D"),
            Just("DE00"),
            Just("\\uD83D"),
            Just("\\uDE00"),
            Just("\\n"),
            Just("0"),
            Just("7"),
            Just("-"),
            Just("."),
            Just("e"),
            Just("E+"),
            Just("1e308"),
            Just("1e309"),
            Just("true"),
            Just("null"),
            Just("fals"),
            Just(" "),
            Just("\n"),
            Just("\u{1}"),
            Just("é"),
            Just("a"),
            Just("\"a\""),
            Just("[1,2]"),
            Just("{\"a\":[]}"),
        ];
        proptest::collection::vec(token, 0..24).prop_map(|tokens| tokens.concat())
    }

    /// Any JSON value, nested a few levels.
    fn json_value() -> impl Strategy<Value = serde_json::Value> {
        use serde_json::Value;
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<f64>().prop_map(Value::from),
            "\\PC{0,6}".prop_map(Value::String),
            ".{0,6}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 32, 4, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                proptest::collection::btree_map(".{0,4}", inner, 0..4)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    /// Valid JSON with a few bytes inserted, removed or replaced.
    fn mutated_json() -> impl Strategy<Value = String> {
        let text = json_value().prop_map(|v| v.to_string());
        let edit = (
            any::<prop::sample::Index>(),
            0u8..3,
            prop::sample::select(b"{}[],:\"\\ue0-.+1 tfn\x01".to_vec()),
        );
        (text, proptest::collection::vec(edit, 0..3)).prop_map(|(text, edits)| {
            let mut bytes = text.into_bytes();
            for (at, op, b) in edits {
                let at = at.index(bytes.len() + 1);
                match op {
                    0 => bytes.insert(at, b),
                    1 if at < bytes.len() => {
                        bytes.remove(at);
                    }
                    _ if at < bytes.len() => bytes[at] = b,
                    _ => {}
                }
            }
            String::from_utf8_lossy(&bytes).into_owned()
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn jsonish_text_agrees(text in jsonish()) {
            agree(&text)?;
        }

        #[test]
        fn mutated_json_agrees(text in mutated_json()) {
            agree(&text)?;
        }

        #[test]
        fn numbers_agree(
            sign in prop::option::of(Just("-")),
            int in "(0|[1-9][0-9]{0,20}|[1-9][0-9]{295,320})",
            fraction in prop::option::of("[0-9]{1,30}"),
            exponent in prop::option::of(("[eE]", "[+-]?", "[0-9]{1,12}")),
        ) {
            let mut text = format!("{}{int}", sign.unwrap_or(""));
            if let Some(fraction) = fraction {
                text += ".";
                text += &fraction;
            }
            if let Some((e, s, digits)) = exponent {
                text += &format!("{e}{s}{digits}");
            }
            agree(&text)?;
            agree(&format!("[{text}]"))?;
        }

        #[test]
        fn strings_decode_as_serde_json_decodes_them(text in "(\\PC|\\\\[\"\\\\/bfnrt]|\\\\u[0-9a-fA-F]{4}){0,12}") {
            let quoted = format!("\"{text}\"");
            let mut scanner = Scanner::new(&quoted);
            let ours = scanner.string().and_then(|s| scanner.finish().map(|()| s));
            match serde_json::from_str::<String>(&quoted) {
                Ok(expected) => {
                    let raw = ours.expect("serde_json took it");
                    prop_assert_eq!(&*raw.decode(), &expected);
                    prop_assert_eq!(raw.unescaped().is_some(), !text.contains('\\'));
                }
                Err(_) => prop_assert!(ours.is_err()),
            }
        }
    }

    /// The lenient skip and serde's `IgnoredAny` over serde_json agree on `text`.
    fn skip_agrees(text: &str) -> Result<(), TestCaseError> {
        let mut scanner = Scanner::new(text);
        let ours = scanner.skip_lenient().and_then(|()| scanner.finish());
        let serde = serde_json::from_str::<serde::de::IgnoredAny>(text);
        prop_assert_eq!(ours.is_ok(), serde.is_ok(), "{:?}", text);
        Ok(())
    }

    #[test]
    fn the_lenient_skip_agrees_with_ignored_any_on_edge_cases() {
        for text in [
            r#""\uDE00""#,
            r#""\uD83D""#,
            r#""\uD83Dx""#,
            r#""\u12""#,
            "1e400",
            "-1e99999999999",
            r#"{"\uDE00":[1e999]}"#,
            "\"a\u{1}\"",
            "[1,]",
            "01",
            "1.",
            "{\"a\" 1}",
            "nul",
        ] {
            skip_agrees(text).unwrap();
        }
        for levels in [127, 128, 129, 200, 1000] {
            for (open, close) in [("[", "]"), ("{\"k\":", "}")] {
                let inner = if open == "[" { "1" } else { "[]" };
                skip_agrees(&nested(open, close, levels, inner, "")).unwrap();
                skip_agrees(&nested(open, close, levels, inner, "]")).unwrap();
                skip_agrees(&nested(open, close, levels, "x", "")).unwrap();
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        #[test]
        fn the_lenient_skip_agrees_with_ignored_any(text in prop_oneof![jsonish(), mutated_json()]) {
            skip_agrees(&text)?;
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        /// Long strings take another path than short ones: the stop bytes at any position.
        #[test]
        fn long_strings_agree(
            len in 0usize..120,
            stops in proptest::collection::vec((any::<prop::sample::Index>(), prop::sample::select(vec!["\"", "\\", "\\n", "\\u00e9", "\u{1}", "\u{1f}", "\n", "é", "\u{7f}"])), 0..3),
        ) {
            let mut text: Vec<String> = (0..len).map(|i| char::from(b'a' + (i % 26) as u8).to_string()).collect();
            for (at, stop) in stops {
                let at = at.index(text.len() + 1);
                text.insert(at, stop.to_owned());
            }
            let text = format!("\"{}\"", text.concat());
            agree(&text)?;
            agree(&format!("[{text},1]"))?;
            let mut scanner = Scanner::new(&text);
            let ours = scanner.string().and_then(|s| scanner.finish().map(|()| s.decode().to_string()));
            prop_assert_eq!(ours.ok(), serde_json::from_str::<String>(&text).ok());
        }
    }

    #[test]
    fn decoding_never_grows_the_buffer() {
        for raw in [
            r"\uD83D\uDE00",
            r"\u0041\n",
            r"\u00e9",
            r"\u20AC",
            "plain",
            "",
        ] {
            let decoded = unescape(raw);
            assert_eq!(decoded.capacity(), raw.len(), "{raw}");
        }
    }
}
