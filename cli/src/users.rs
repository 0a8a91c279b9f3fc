//! `cleeng-register users`: check a Users migration file (CSV) before Cleeng imports it.
//!
//! The `csv` crate reads the records; the library checks them. A copy of the bytes the CSV
//! reader consumed is kept from the start of the pending record onwards, so that each record
//! can be written to `--valid-out` or `--rejected-out` exactly as it was (line ends, quotes,
//! a byte order mark and blank lines included) and so that `row` counts real lines, which the
//! CSV reader's own line counter does not for `\r\n` files.

use std::fs::File;
use std::io::{self, BufWriter, Read, Write};

use std::path::PathBuf;

use crate::args::UsersArgs;
use crate::Failure;
use cleeng_register_migration::{CalendarDate, RecordReport, RecordRules, UsersFile, UsersSummary};

/// Where the optional outputs go.
#[derive(Default)]
pub struct Outputs<'a> {
    /// `--errors-csv`: `row,column,code,message`, one line per error.
    pub errors_csv: Option<&'a mut dyn Write>,
    /// `--valid-out`: the header and the valid records, byte for byte.
    pub valid: Option<&'a mut dyn Write>,
    /// `--rejected-out`: the header and the other records, byte for byte.
    pub rejected: Option<&'a mut dyn Write>,
}

/// What a run found.
#[derive(Clone, Debug, Default)]
pub struct UsersRun {
    /// The counts (records, valid, codes; the header's errors are counted, no record).
    pub summary: UsersSummary,
    /// Whether the header was valid (else no record was checked).
    pub header_valid: bool,
    /// The heap bytes of the duplicate index at the end.
    pub index_bytes: usize,
}

impl UsersRun {
    /// Exit status 0 when every record is valid and the header too, else 1.
    pub fn all_valid(&self) -> bool {
        self.header_valid && !self.summary.has_errors()
    }
}

/// Keeps every byte the CSV reader reads, from `base` (an absolute offset) on.
struct Tee<R> {
    inner: R,
    buf: Vec<u8>,
    /// Index in `buf` of the byte at absolute offset `base`.
    start: usize,
    base: u64,
}

impl<R: Read> Read for Tee<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(out)?;
        // Compact now and then rather than at every record: a drain per record would move
        // the CSV reader's whole read-ahead each time.
        if self.start > 0 && self.start >= self.buf.len() / 2 {
            self.buf.drain(..self.start);
            self.start = 0;
        }
        self.buf.extend_from_slice(&out[..n]);
        Ok(n)
    }
}

impl<R> Tee<R> {
    /// The kept bytes from absolute offset `from` to `to` (or to the end).
    fn slice(&self, from: u64, to: Option<u64>) -> &[u8] {
        let index = |at: u64| self.start + usize::try_from(at - self.base).unwrap_or(usize::MAX);
        let end = to.map_or(self.buf.len(), index);
        &self.buf[index(from)..end]
    }

    /// Forgets the bytes before absolute offset `to`.
    fn release(&mut self, to: u64) {
        self.start += usize::try_from(to - self.base).unwrap_or(usize::MAX);
        self.base = to;
    }

    /// The first offset at or after `from` that is not `\r` or `\n`: where the record the
    /// CSV reader reports at `from` really begins (it skips line ends and blank lines).
    fn content_start(&self, from: u64) -> u64 {
        let skipped = self
            .slice(from, None)
            .iter()
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .count();
        from + skipped as u64
    }
}

/// Line breaks in `bytes`: `\n`, `\r\n` or a lone `\r`, as the CSV reader ends records.
fn line_breaks(bytes: &[u8]) -> u64 {
    let mut count = 0;
    let mut iter = bytes.iter().peekable();
    while let Some(b) = iter.next() {
        match b {
            b'\n' => count += 1,
            b'\r' if iter.peek() != Some(&&b'\n') => count += 1,
            _ => {}
        }
    }
    count
}

/// Which output a pending record's bytes go to.
#[derive(Copy, Clone, PartialEq, Eq)]
enum Destination {
    Both,
    Valid,
    Rejected,
}

/// The checked-but-not-yet-copied record: where its bytes start and where they go.
struct Pending {
    start: u64,
    to: Destination,
}

/// Checks a migration file from `input`, writing one JSON line per record (or one for the
/// header, row 1, when it has errors) to `output`, and the optional outputs. Streaming: memory
/// holds one record, the CSV reader's buffer and the duplicate index.
///
/// ```
/// use cleeng_register_migration::RecordRules;
/// let csv = "First Name,Last Name,Email*,Locale*,Last login,Create date,Country Code*,Currency*,IP Address,Timezone,External ID,Password Hash\r\n\
///            Jane,Doe,jane@example.com,en_US,,,PL,PLN,,,,\r\n\
///            Joe,Doe,joe@example,en_US,,,PL,PLN,,,,\r\n";
/// let rules = RecordRules::new(Default::default(), "2025-06-30".parse().unwrap());
/// let mut out = Vec::new();
/// let run = cleeng_register_cli::users::run_users(csv.as_bytes(), &mut out, rules, Default::default()).unwrap();
/// assert_eq!((run.summary.records(), run.summary.valid()), (2, 1));
/// let lines: Vec<&str> = std::str::from_utf8(&out).unwrap().lines().collect();
/// assert!(lines[1].starts_with(r#"{"row":3,"valid":false,"errors":[{"column":"Email","code":"invalid_format""#));
/// ```
pub fn run_users(
    input: impl Read,
    mut output: impl Write,
    rules: RecordRules,
    mut outputs: Outputs<'_>,
) -> io::Result<UsersRun> {
    let tee = Tee {
        inner: input,
        buf: Vec::with_capacity(128 * 1024),
        start: 0,
        base: 0,
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(64 * 1024)
        .from_reader(tee);
    let mut errors_csv = outputs.errors_csv.take().map(csv::Writer::from_writer);
    if let Some(w) = errors_csv.as_mut() {
        w.write_record(["row", "column", "code", "message"])
            .map_err(io::Error::from)?;
    }
    let mut out = Vec::with_capacity(64 * 1024);
    let mut record = csv::ByteRecord::new();
    let has_header = reader
        .read_byte_record(&mut record)
        .map_err(io::Error::from)?;
    let cells: Vec<&[u8]> = if has_header {
        record.iter().collect()
    } else {
        Vec::new()
    };
    let mut file = match UsersFile::new(rules, cells) {
        Ok(file) => file,
        Err(report) => {
            let mut summary = UsersSummary::default();
            summary.add(&report, false);
            emit(&report, &mut out, errors_csv.as_mut())?;
            output.write_all(&out)?;
            output.flush()?;
            // No record is checked: the header goes to both outputs, everything to the
            // rejected one.
            let after_header = reader.position().byte();
            let mut tee = reader.into_inner();
            let header_end = tee.content_start(after_header);
            if let Some(w) = outputs.valid.as_mut() {
                w.write_all(tee.slice(0, Some(header_end)))?;
            }
            if let Some(w) = outputs.rejected.as_mut() {
                w.write_all(tee.slice(0, None))?;
                io::copy(&mut tee.inner, w)?;
            }
            finish(errors_csv, &mut outputs)?;
            return Ok(UsersRun {
                summary,
                header_valid: false,
                index_bytes: 0,
            });
        }
    };
    let mut pending = Pending {
        start: 0,
        to: Destination::Both,
    };
    let mut line = 1u64;
    let mut line_at = 0u64;
    let split = outputs.valid.is_some() || outputs.rejected.is_some();
    while reader
        .read_byte_record(&mut record)
        .map_err(io::Error::from)?
    {
        let from = record.position().map_or(0, |p| p.byte());
        let tee = reader.get_mut();
        let start = tee.content_start(from);
        line += line_breaks(tee.slice(line_at, Some(start)));
        line_at = start;
        if split {
            copy_span(
                tee.slice(pending.start, Some(start)),
                pending.to,
                &mut outputs,
            )?;
        }
        tee.release(start);
        let report = file.check(line, record.iter());
        pending = Pending {
            start,
            to: if report.is_valid() {
                Destination::Valid
            } else {
                Destination::Rejected
            },
        };
        emit(&report, &mut out, errors_csv.as_mut())?;
        if out.len() >= 60 * 1024 {
            output.write_all(&out)?;
            out.clear();
        }
    }
    if split {
        let tee = reader.get_mut();
        copy_span(tee.slice(pending.start, None), pending.to, &mut outputs)?;
    }
    output.write_all(&out)?;
    output.flush()?;
    finish(errors_csv, &mut outputs)?;
    Ok(UsersRun {
        summary: file.summary().clone(),
        header_valid: true,
        index_bytes: file.index_heap_bytes(),
    })
}

fn copy_span(bytes: &[u8], to: Destination, outputs: &mut Outputs<'_>) -> io::Result<()> {
    if matches!(to, Destination::Both | Destination::Valid) {
        if let Some(w) = outputs.valid.as_mut() {
            w.write_all(bytes)?;
        }
    }
    if matches!(to, Destination::Both | Destination::Rejected) {
        if let Some(w) = outputs.rejected.as_mut() {
            w.write_all(bytes)?;
        }
    }
    Ok(())
}

/// Appends the report's JSON line to `out` and its errors to the errors CSV.
fn emit(
    report: &RecordReport,
    out: &mut Vec<u8>,
    errors_csv: Option<&mut csv::Writer<&mut dyn Write>>,
) -> io::Result<()> {
    serde_json::to_writer(&mut *out, report).map_err(io::Error::from)?;
    out.push(b'\n');
    if let Some(w) = errors_csv {
        let row = report.row().to_string();
        for e in report.errors() {
            w.write_record([
                row.as_str(),
                e.column_name(),
                e.code().as_str(),
                e.to_string().as_str(),
            ])
            .map_err(io::Error::from)?;
        }
    }
    Ok(())
}

fn finish(
    errors_csv: Option<csv::Writer<&mut dyn Write>>,
    outputs: &mut Outputs<'_>,
) -> io::Result<()> {
    if let Some(mut w) = errors_csv {
        w.flush()?;
    }
    if let Some(w) = outputs.valid.as_mut() {
        w.flush()?;
    }
    if let Some(w) = outputs.rejected.as_mut() {
        w.flush()?;
    }
    Ok(())
}

/// Runs `cleeng-register users`: returns the exit status, 0 when every record is valid, 1
/// otherwise; the summary goes to standard error.
pub fn command(args: UsersArgs) -> Result<u8, Failure> {
    let fatal = Failure::Fatal;
    let policy = args.policy.load()?;
    let today = args.today.unwrap_or_else(|| {
        // The day of the check: the system date in UTC.
        CalendarDate::from(
            jiff::tz::TimeZone::UTC
                .to_datetime(jiff::Timestamp::now())
                .date(),
        )
    });
    let create = |path: &Option<PathBuf>| -> Result<Option<BufWriter<File>>, Failure> {
        path.as_ref()
            .map(|p| {
                File::create(p)
                    .map(|f| BufWriter::with_capacity(64 * 1024, f))
                    .map_err(|e| fatal(format!("cannot create {}: {e}", p.display())))
            })
            .transpose()
    };
    let mut errors_file = create(&args.errors_csv)?;
    let mut valid_file = create(&args.valid_out)?;
    let mut rejected_file = create(&args.rejected_out)?;
    let outputs = Outputs {
        errors_csv: errors_file.as_mut().map(|w| w as &mut dyn Write),
        valid: valid_file.as_mut().map(|w| w as &mut dyn Write),
        rejected: rejected_file.as_mut().map(|w| w as &mut dyn Write),
    };
    let input = args.input.unwrap_or_default().open()?;
    let run = run_users(
        input,
        io::stdout().lock(),
        RecordRules::new(policy, today),
        outputs,
    )
    .map_err(|e| fatal(format!("I/O error: {e}")))?;
    eprint!("{}", summary_text(&run));
    Ok(if run.all_valid() { 0 } else { 1 })
}

/// The summary for standard error: counts, counts per code, the file advisory.
pub fn summary_text(run: &UsersRun) -> String {
    let s = &run.summary;
    let mut text = if run.header_valid {
        format!(
            "cleeng-register: {} records, {} valid, {} invalid\n",
            s.records(),
            s.valid(),
            s.invalid()
        )
    } else {
        "cleeng-register: the header has errors; no record was checked\n".to_owned()
    };
    if !s.codes().is_empty() {
        let codes: Vec<String> = s
            .codes()
            .iter()
            .map(|(code, n)| format!("{code} {n}"))
            .collect();
        text.push_str(&format!(
            "cleeng-register: errors by code: {}\n",
            codes.join(", ")
        ));
    }
    if run.index_bytes > 0 {
        text.push_str(&format!(
            "cleeng-register: duplicate index {:.1} MiB (emails and external ids)\n",
            run.index_bytes as f64 / (1024.0 * 1024.0)
        ));
    }
    if s.too_many_records() {
        text.push_str(&format!(
            "cleeng-register: advisory {}: {} records; Cleeng imports at most {} in one file, so split it\n",
            UsersSummary::TOO_MANY_RECORDS,
            s.records(),
            UsersSummary::MAX_IMPORT_RECORDS
        ));
    }
    text
}
