//! `cleeng-register validate`: request bodies in, one result per request out.
//!
//! # What the input is
//!
//! The input is NDJSON, one request body a line, unless it is one JSON value written over
//! several lines (a pretty-printed body, as people paste it), which is one request:
//!
//! - The first non-blank line decides. When it is a JSON value by itself, or not JSON at all,
//!   the input is NDJSON.
//! - When it begins a value that it does not end, the input from that line on is read, up to
//!   the policy's `maxBodyBytes` and 4 KiB more (room for white space after a body at the
//!   limit): if it is one JSON value followed by nothing but white space,
//!   it is one request, numbered by the line on which it starts (a value cut off by the end of
//!   the input is one request too, `malformed_body`). A value still open at `maxBodyBytes` is
//!   one request, `too_large`, and the rest of the input is read and dropped. Anything else
//!   (a second value, a line that cannot continue the first) is NDJSON, and the summary says
//!   why.
//!
//! Memory stays bounded by `maxBodyBytes` whatever the input: NDJSON is read line by line and
//! a longer line is kept only up to that bound plus one byte, enough to be `too_large`. Every
//! buffer that holds a body is wiped before it is freed ([`crate::wipe`]).

use std::io::{self, BufRead, Read, Write};

use anstyle::{AnsiColor, Style};
use cleeng_register::report::{escape, ValidationResult};
use cleeng_register::{Policy, RegisterRequest, ValidationReport};
use serde::de::IgnoredAny;

use crate::wipe::{WipedBuf, WipingReader};
use crate::wording::Wording;

/// How results are written.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// One JSON line per request: `{"line":N,"valid":…,"errors":[…],"advisories":[…]}`.
    #[default]
    Json,
    /// For people: each request's line number and verdict, its errors and advisories under
    /// it, styled with ANSI escapes (to be dropped where they do not belong, as
    /// `anstream::AutoStream` does).
    Text,
}

/// How the input was read.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum InputShape {
    /// NDJSON, one request body a line (an empty input too).
    #[default]
    Ndjson,
    /// One JSON value over several lines: one request.
    OneValue,
    /// NDJSON, although the first non-blank line (its number here) began a value that spans
    /// lines: the input was not that one value.
    NdjsonNotOneValue(u64),
}

/// Counts of one `validate` run.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Summary {
    /// Requests read (non-blank lines, or the one value).
    pub requests: u64,
    /// Requests that were valid.
    pub valid: u64,
    /// How the input was read.
    pub shape: InputShape,
}

impl Summary {
    /// Requests that were invalid.
    pub fn invalid(&self) -> u64 {
        self.requests - self.valid
    }
}

/// Validates one request body (bytes, not necessarily UTF-8) and appends its JSON result
/// and a newline to `out`. Returns whether the request is valid.
///
/// ```
/// let mut out = Vec::new();
/// let valid = cleeng_register_cli::validate_line(b"{}", 7, &Default::default(), &mut out);
/// assert!(!valid);
/// assert!(out.starts_with(br#"{"line":7,"valid":false,"errors":[{"pointer":"/email","code":"missing""#));
/// ```
pub fn validate_line(line: &[u8], number: u64, policy: &Policy, out: &mut Vec<u8>) -> bool {
    let checked = RegisterRequest::from_json(line, policy);
    write_json(&checked, number, out)
}

fn write_json(
    checked: &Result<RegisterRequest, ValidationReport>,
    number: u64,
    out: &mut Vec<u8>,
) -> bool {
    let result = ValidationResult::of(checked).at_line(number);
    serde_json::to_writer(&mut *out, &result)
        .expect("serializing into a Vec cannot fail: no I/O, no map keys that are not strings");
    out.push(b'\n');
    result.is_valid()
}

/// Appends the text report of one request to `out`: `line N: valid` or `invalid`, then one
/// indented line per error and advisory. Returns whether the request is valid.
fn write_text(
    checked: &Result<RegisterRequest, ValidationReport>,
    number: u64,
    say: &Wording,
    out: &mut Vec<u8>,
) -> bool {
    use std::fmt::Write as _;
    const HEADING: Style = Style::new().bold();
    const VALID: Style = AnsiColor::Green.on_default().bold();
    const INVALID: Style = AnsiColor::Red.on_default().bold();
    const ADVISORY: Style = AnsiColor::Yellow.on_default().bold();
    let valid = checked.is_ok();
    let verdict = if valid { VALID } else { INVALID };
    let mut text = format!(
        "{HEADING}{}:{HEADING:#} {verdict}{}{verdict:#}\n",
        say.line(number),
        say.verdict(valid)
    );
    match checked {
        Err(report) => {
            for e in report.errors() {
                let at = if e.pointer().is_empty() {
                    String::new()
                } else {
                    // A pointer may hold a key the client chose: escaped like every text.
                    format!(" {}", escape(e.pointer()))
                };
                writeln!(
                    text,
                    "  {INVALID}{}[{}]{INVALID:#}{at}: {}",
                    say.error_label(),
                    e.code().as_str(),
                    say.error(e)
                )
                .expect("writing to a String cannot fail");
            }
        }
        Ok(request) => {
            for a in request.advisories().iter() {
                writeln!(
                    text,
                    "  {ADVISORY}{}[{}]{ADVISORY:#} {}: {}",
                    say.advisory_label(),
                    a.as_str(),
                    a.pointer(),
                    say.advisory(a)
                )
                .expect("writing to a String cannot fail");
            }
        }
    }
    out.extend_from_slice(text.as_bytes());
    valid
}

/// Reads request bodies from `input` (NDJSON, or one JSON value: see the module's docs) and
/// writes one JSON result line per request to `output`.
pub fn run_validate(input: impl Read, output: impl Write, policy: &Policy) -> io::Result<Summary> {
    run_validate_as(input, output, policy, Format::Json, &Wording::ENGLISH)
}

/// [`run_validate`], writing in `format` with `say`'s words.
pub fn run_validate_as(
    input: impl Read,
    output: impl Write,
    policy: &Policy,
    format: Format,
    say: &Wording,
) -> io::Result<Summary> {
    let cap = policy.max_body_bytes() + 1;
    let mut results = Results {
        policy,
        format,
        say,
        out: Vec::with_capacity(64 * 1024),
        output,
        summary: Summary::default(),
    };
    let mut input = WipingReader::with_capacity(64 * 1024, input);
    let mut line = WipedBuf::with_capacity(4096);
    let mut number = 0u64;
    // Blank lines before the first request; that request decides what the input is.
    let first = loop {
        let Some(read) = read_line_capped(&mut input, &mut line, cap)? else {
            return results.finish();
        };
        number += 1;
        if !read.blank {
            break read;
        }
    };
    if !first.truncated && opens_a_value(trimmed_cr(line.as_slice())) {
        // The first line, its line end, and what follows up to the cap.
        let mut whole = WipedBuf::with_capacity(line.len() + 1);
        whole.extend_from_slice(line.as_slice());
        whole.extend_from_slice(b"\n");
        let ended = read_up_to(&mut input, &mut whole, cap + TRAILING_ROOM)?;
        match one_value(whole.as_slice(), ended) {
            OneValue::Yes => {
                results.summary.shape = InputShape::OneValue;
                results.request(number, trim_end(whole.as_slice()))?;
                return results.finish();
            }
            OneValue::TooLarge => {
                results.summary.shape = InputShape::OneValue;
                results.request(number, whole.as_slice())?;
                drop(whole);
                drain(&mut input)?;
                return results.finish();
            }
            OneValue::No => {
                results.summary.shape = InputShape::NdjsonNotOneValue(number);
                // The first line and its `\n` (taken before `\r` is stripped).
                let first_len = line.len() + 1;
                results.line(number, &mut line, first)?;
                // The lines read ahead, then the rest.
                let mut rest = whole.as_slice()[first_len..].chain(&mut input);
                results.lines(&mut rest, &mut line, number, cap)?;
                return results.finish();
            }
        }
    }
    results.line(number, &mut line, first)?;
    results.lines(&mut input, &mut line, number, cap)?;
    results.finish()
}

/// How many bytes past the body limit a one-value input is read, so that a body at the
/// limit may be followed by its line end and some white space (a body past the limit is
/// `too_large` all the same).
const TRAILING_ROOM: usize = 4096;

/// Where results go, and their counts.
struct Results<'p, W> {
    policy: &'p Policy,
    format: Format,
    say: &'p Wording,
    /// Results not yet written to `output`.
    out: Vec<u8>,
    output: W,
    summary: Summary,
}

impl<W: Write> Results<'_, W> {
    /// Checks one request body and appends its result.
    fn request(&mut self, number: u64, body: &[u8]) -> io::Result<()> {
        let checked = RegisterRequest::from_json(body, self.policy);
        let valid = match self.format {
            Format::Json => match self.say.language() {
                Some(language) => {
                    crate::worded::write_json_in(&checked, number, language, &mut self.out)
                }
                None => write_json(&checked, number, &mut self.out),
            },
            Format::Text => write_text(&checked, number, self.say, &mut self.out),
        };
        self.summary.requests += 1;
        self.summary.valid += u64::from(valid);
        if self.out.len() >= 60 * 1024 {
            self.output.write_all(&self.out)?;
            self.out.clear();
        }
        Ok(())
    }

    /// Checks one NDJSON line read into `line` (a trailing `\r` is stripped).
    fn line(&mut self, number: u64, line: &mut WipedBuf, read: LineRead) -> io::Result<()> {
        if read.blank {
            return Ok(());
        }
        if !read.truncated && line.as_slice().last() == Some(&b'\r') {
            line.pop();
        }
        self.request(number, line.as_slice())
    }

    /// Checks each line of `input`, numbered after `number`.
    fn lines(
        &mut self,
        input: &mut impl BufRead,
        line: &mut WipedBuf,
        mut number: u64,
        cap: usize,
    ) -> io::Result<()> {
        while let Some(read) = read_line_capped(input, line, cap)? {
            number += 1;
            self.line(number, line, read)?;
        }
        Ok(())
    }

    fn finish(mut self) -> io::Result<Summary> {
        self.output.write_all(&self.out)?;
        self.output.flush()?;
        Ok(self.summary)
    }
}

/// `line` without a trailing `\r`.
fn trimmed_cr(line: &[u8]) -> &[u8] {
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// `bytes` without trailing ASCII white space.
fn trim_end(bytes: &[u8]) -> &[u8] {
    let end = bytes
        .iter()
        .rposition(|b| !b.is_ascii_whitespace())
        .map_or(0, |i| i + 1);
    &bytes[..end]
}

/// Whether `line` begins a JSON value that it does not end: the JSON ends early, where a
/// line that is a value, or not JSON at all, does not. Strings are skipped without copies.
fn opens_a_value(line: &[u8]) -> bool {
    matches!(serde_json::from_slice::<IgnoredAny>(line), Err(e) if e.is_eof())
}

/// What the input read from the first non-blank line on is.
#[derive(Debug, PartialEq, Eq)]
enum OneValue {
    /// One JSON value, then only white space, then the end; or a value the end cuts off.
    Yes,
    /// A value still open at the cap.
    TooLarge,
    /// Anything else: NDJSON.
    No,
}

/// Tells what `bytes` are; `ended` when the input ended within them.
fn one_value(bytes: &[u8], ended: bool) -> OneValue {
    let mut values = serde_json::Deserializer::from_slice(bytes).into_iter::<IgnoredAny>();
    match values.next() {
        Some(Ok(_))
            if ended
                && bytes[values.byte_offset()..]
                    .iter()
                    .all(u8::is_ascii_whitespace) =>
        {
            OneValue::Yes
        }
        Some(Err(e)) if e.is_eof() => {
            if ended {
                OneValue::Yes
            } else {
                OneValue::TooLarge
            }
        }
        _ => OneValue::No,
    }
}

/// Appends what `input` gives to `buf` until `buf` holds `cap` bytes or the input ends;
/// whether it ended (within `cap`).
fn read_up_to(input: &mut impl BufRead, buf: &mut WipedBuf, cap: usize) -> io::Result<bool> {
    while buf.len() < cap {
        let chunk = match input.fill_buf() {
            Ok(chunk) => chunk,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok(true);
        }
        let take = chunk.len().min(cap - buf.len());
        buf.extend_from_slice(&chunk[..take]);
        input.consume(take);
    }
    Ok(false)
}

/// Reads the rest of `input` and drops it, through its own buffer only.
fn drain(input: &mut impl BufRead) -> io::Result<()> {
    loop {
        let n = match input.fill_buf() {
            Ok(chunk) => chunk.len(),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if n == 0 {
            return Ok(());
        }
        input.consume(n);
    }
}

/// What [`read_line_capped`] saw of one line.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
struct LineRead {
    /// Bytes past the cap were discarded.
    truncated: bool,
    /// Every byte of the line, kept or discarded, was ASCII white space.
    blank: bool,
}

/// Reads one line (without its `\n`) into `buf`, keeping at most `cap` bytes and discarding
/// the rest. `None` at the end of input.
fn read_line_capped(
    input: &mut impl BufRead,
    buf: &mut WipedBuf,
    cap: usize,
) -> io::Result<Option<LineRead>> {
    buf.clear();
    let mut truncated = false;
    let mut blank = true;
    let mut read_any = false;
    loop {
        let chunk = match input.fill_buf() {
            Ok(chunk) => chunk,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok(read_any.then_some(LineRead { truncated, blank }));
        }
        read_any = true;
        let (take, newline) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (i, true),
            None => (chunk.len(), false),
        };
        blank &= chunk[..take].iter().all(u8::is_ascii_whitespace);
        let room = cap.saturating_sub(buf.len());
        buf.extend_from_slice(&chunk[..take.min(room)]);
        truncated |= take > room;
        input.consume(take + usize::from(newline));
        if newline {
            return Ok(Some(LineRead { truncated, blank }));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], cap: usize) -> Vec<(Vec<u8>, bool)> {
        let mut reader = input;
        let mut buf = WipedBuf::default();
        let mut found = Vec::new();
        while let Some(read) = read_line_capped(&mut reader, &mut buf, cap).unwrap() {
            found.push((buf.as_slice().to_vec(), read.truncated));
        }
        found
    }

    #[test]
    fn blank_lines_are_blank_however_long() {
        let first_line = |input: &[u8]| {
            let mut reader = input;
            read_line_capped(&mut reader, &mut WipedBuf::default(), 10)
                .unwrap()
                .unwrap()
        };
        let mut long_blank = vec![b' '; 100];
        long_blank.extend_from_slice(b"\t\r\n");
        let blank = LineRead {
            truncated: true,
            blank: true,
        };
        assert_eq!(first_line(&long_blank), blank);
        // Past the cap, one non-blank byte makes the line non-blank.
        let mut late = vec![b' '; 100];
        late.push(b'x');
        assert_eq!(
            first_line(&late),
            LineRead {
                blank: false,
                ..blank
            }
        );
    }

    #[test]
    fn lines_are_split_and_capped() {
        assert_eq!(
            lines(b"ab\n\ncdef\ng", 3),
            [
                (b"ab".to_vec(), false),
                (vec![], false),
                (b"cde".to_vec(), true),
                (b"g".to_vec(), false)
            ]
        );
        assert!(lines(b"", 3).is_empty());
    }

    #[test]
    fn capping_works_across_buffer_boundaries() {
        let input = [b'x'; 100];
        let mut reader = io::BufReader::with_capacity(7, &input[..]);
        let mut buf = WipedBuf::default();
        assert_eq!(
            read_line_capped(&mut reader, &mut buf, 10).unwrap(),
            Some(LineRead {
                truncated: true,
                blank: false
            })
        );
        assert_eq!(buf.len(), 10);
        assert_eq!(read_line_capped(&mut reader, &mut buf, 10).unwrap(), None);
    }

    #[test]
    fn a_line_opens_a_value_only_when_its_json_ends_early() {
        for opens in [&b"{"[..], b"  [", b"{\"email\": \"a@b.c\",", b"\"abc"] {
            assert!(opens_a_value(opens), "{}", String::from_utf8_lossy(opens));
        }
        for not in [&b"{}"[..], b"1", b"}", b"{\"a\":1}}", b"nope", b"{]"] {
            assert!(!opens_a_value(not), "{}", String::from_utf8_lossy(not));
        }
    }

    #[test]
    fn one_value_needs_the_end_of_input_after_it() {
        assert_eq!(one_value(b"{\n}\n  \n", true), OneValue::Yes);
        assert_eq!(one_value(b"{\n\"a\":", true), OneValue::Yes);
        assert_eq!(one_value(b"{\n\"a\":", false), OneValue::TooLarge);
        assert_eq!(one_value(b"{\n}\n", false), OneValue::No);
        assert_eq!(one_value(b"{\n}\n{}", true), OneValue::No);
        assert_eq!(one_value(b"{\n{}\n", true), OneValue::No);
    }
}
