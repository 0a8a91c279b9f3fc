//! The work behind the `cleeng-register` command, kept apart from argument handling so that
//! tests and the fuzz target call exactly what the binary calls.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

use std::io::{self, BufRead, Write};

pub mod args;
pub mod output;
pub mod users;
pub mod worded;

use cleeng_register::report::ValidationResult;
use cleeng_register::{Policy, RegisterRequest};
use cleeng_register_messages::Language;

/// Why a command stops with status 2 once its arguments have parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// Arguments that parse but do not go together (an output that is the input, say):
    /// reported as clap reports usage errors, with the command's usage line.
    Usage(String),
    /// A policy, file or I/O error, in a sentence.
    Fatal(String),
}

/// Validates one NDJSON line (bytes, not necessarily UTF-8; a trailing `\r` already
/// stripped) and appends its JSON result and a newline to `out`. Returns whether the request
/// is valid.
///
/// ```
/// let mut out = Vec::new();
/// let valid = cleeng_register_cli::validate_line(b"{}", 7, &Default::default(), &mut out);
/// assert!(!valid);
/// assert!(out.starts_with(br#"{"line":7,"valid":false,"errors":[{"pointer":"/email","code":"missing""#));
/// ```
pub fn validate_line(line: &[u8], number: u64, policy: &Policy, out: &mut Vec<u8>) -> bool {
    let checked = RegisterRequest::from_json(line, policy);
    let result = ValidationResult::of(&checked).at_line(number);
    serde_json::to_writer(&mut *out, &result)
        .expect("serializing into a Vec cannot fail: no I/O, no map keys that are not strings");
    out.push(b'\n');
    result.is_valid()
}

/// Counts of one `validate` run.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Requests read (non-blank lines).
    pub requests: u64,
    /// Requests that were valid.
    pub valid: u64,
}

impl Summary {
    /// Requests that were invalid.
    pub fn invalid(&self) -> u64 {
        self.requests - self.valid
    }
}

/// Reads NDJSON from `input` and writes one result line per non-blank line to `output`,
/// streaming: memory stays bounded by `policy.max_body_bytes()` whatever the input's size
/// (a longer line is kept only up to that bound plus one byte, enough to be `too_large`).
pub fn run_validate(
    input: impl BufRead,
    output: impl Write,
    policy: &Policy,
) -> io::Result<Summary> {
    run_validate_in(input, output, policy, None)
}

/// As [`run_validate`], with the messages in `language` when one is given (`--lang`): the
/// catalog's words (`cleeng-register-messages`) instead of the core's English sentences.
pub fn run_validate_in(
    mut input: impl BufRead,
    mut output: impl Write,
    policy: &Policy,
    language: Option<Language>,
) -> io::Result<Summary> {
    let mut summary = Summary::default();
    let mut line = Vec::new();
    let mut out = Vec::with_capacity(64 * 1024);
    let mut number = 0u64;
    while let Some(read) = read_line_capped(&mut input, &mut line, policy.max_body_bytes() + 1)? {
        number += 1;
        // Blank means only ASCII white space, however long: never `too_large`.
        if read.blank {
            continue;
        }
        if !read.truncated && line.last() == Some(&b'\r') {
            line.pop();
        }
        summary.requests += 1;
        summary.valid += u64::from(match language {
            Some(language) => worded::validate_line_in(&line, number, policy, language, &mut out),
            None => validate_line(&line, number, policy, &mut out),
        });
        if out.len() >= 60 * 1024 {
            output.write_all(&out)?;
            out.clear();
        }
    }
    output.write_all(&out)?;
    output.flush()?;
    Ok(summary)
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
    buf: &mut Vec<u8>,
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
        let mut buf = Vec::new();
        let mut found = Vec::new();
        while let Some(read) = read_line_capped(&mut reader, &mut buf, cap).unwrap() {
            found.push((buf.clone(), read.truncated));
        }
        found
    }

    #[test]
    fn blank_lines_are_blank_however_long() {
        let first_line = |input: &[u8]| {
            let mut reader = input;
            read_line_capped(&mut reader, &mut Vec::new(), 10)
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
        let mut buf = Vec::new();
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
}
