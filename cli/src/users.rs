//! `cleeng-register users`: check a Users migration file (CSV) before Cleeng imports it.
//!
//! The command reads the file in slices and hands them to the migration library's
//! [`RecordReader`], which hands back each record with its row and its bytes as they were, so
//! that each record is written to `--valid-out` or `--rejected-out` exactly as it was (line
//! ends, quotes, a byte order mark and blank lines included). Memory holds one record (at most
//! [`MAX_RECORD_BYTES`](cleeng_register_migration::MAX_RECORD_BYTES); a longer one is
//! reported and streams through), the read buffer and the duplicate index.

use std::io::{self, Read, Write};

use crate::args::UsersArgs;
use crate::output::{self, OutputFile};
use crate::worded::{record_message, RecordLine};
use crate::Failure;
use cleeng_register_messages::Language;
use cleeng_register_migration::{
    CalendarDate, Piece, RecordReader, RecordReport, RecordRules, UsersFile, UsersSummary,
};

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

/// Which output the bytes being read go to: the header's to both, a record's to the part
/// its check puts it in.
#[derive(Copy, Clone, PartialEq, Eq)]
enum Destination {
    Both,
    Valid,
    Rejected,
}

/// How far the file's check is.
enum Stage {
    /// Waiting for the header.
    Header(RecordRules),
    /// The header was valid: each record is checked.
    Records(Box<UsersFile>),
    /// The header had errors: no record is checked, all go to the rejected part.
    HeaderFailed(UsersSummary),
}

/// One run's state, fed the reader's pieces.
struct Check<'o, W> {
    stage: Stage,
    to: Destination,
    /// JSON lines not yet written to `output`.
    out: Vec<u8>,
    output: W,
    errors_csv: Option<csv::Writer<&'o mut dyn Write>>,
    valid: Option<&'o mut dyn Write>,
    rejected: Option<&'o mut dyn Write>,
    /// `--lang`: the messages' language, else the core's English sentences.
    language: Option<Language>,
}

impl<W: Write> Check<'_, W> {
    fn piece(&mut self, piece: Piece<'_>) -> io::Result<()> {
        let bytes = match piece {
            Piece::Bytes(bytes) => bytes,
            Piece::Record(record) => {
                let report = match &mut self.stage {
                    Stage::Header(rules) => match UsersFile::from_header(rules.clone(), &record) {
                        Ok(file) => {
                            self.stage = Stage::Records(Box::new(file));
                            None
                        }
                        Err(report) => {
                            self.header_failed(&report);
                            Some(*report)
                        }
                    },
                    Stage::Records(file) => {
                        let report = file.check_record(&record);
                        self.to = if report.is_valid() {
                            Destination::Valid
                        } else {
                            Destination::Rejected
                        };
                        Some(report)
                    }
                    Stage::HeaderFailed(_) => {
                        self.to = Destination::Rejected;
                        None
                    }
                };
                if let Some(report) = report {
                    self.emit(&report)?;
                }
                record.bytes()
            }
        };
        self.copy(bytes)
    }

    /// Reports the header's errors: the check of records ends before it starts.
    fn header_failed(&mut self, report: &RecordReport) {
        let mut summary = UsersSummary::default();
        summary.add(report, false);
        self.stage = Stage::HeaderFailed(summary);
    }

    /// Writes the bytes to the outputs the destination names.
    fn copy(&mut self, bytes: &[u8]) -> io::Result<()> {
        if matches!(self.to, Destination::Both | Destination::Valid) {
            if let Some(w) = self.valid.as_mut() {
                w.write_all(bytes)?;
            }
        }
        if matches!(self.to, Destination::Both | Destination::Rejected) {
            if let Some(w) = self.rejected.as_mut() {
                w.write_all(bytes)?;
            }
        }
        Ok(())
    }

    /// Appends the report's JSON line and writes its errors to the errors CSV.
    fn emit(&mut self, report: &RecordReport) -> io::Result<()> {
        match self.language {
            Some(language) => {
                serde_json::to_writer(&mut self.out, &RecordLine { report, language })
            }
            None => serde_json::to_writer(&mut self.out, report),
        }
        .map_err(io::Error::from)?;
        self.out.push(b'\n');
        if self.out.len() >= 60 * 1024 {
            self.output.write_all(&self.out)?;
            self.out.clear();
        }
        if let Some(w) = self.errors_csv.as_mut() {
            let row = report.row().to_string();
            for e in report.errors() {
                let message = match self.language {
                    Some(language) => record_message(e, language),
                    None => e.to_string(),
                };
                w.write_record([row.as_str(), e.column_name(), e.code().as_str(), &message])
                    .map_err(io::Error::from)?;
            }
        }
        Ok(())
    }

    /// Ends the run: a file without a header has every column missing; flushes everything.
    fn finish(mut self) -> io::Result<UsersRun> {
        if let Stage::Header(rules) = &self.stage {
            let no_cells: [&[u8]; 0] = [];
            let report =
                UsersFile::new(rules.clone(), no_cells).expect_err("an empty header lacks columns");
            self.header_failed(&report);
            self.emit(&report)?;
        }
        self.output.write_all(&self.out)?;
        self.output.flush()?;
        if let Some(mut w) = self.errors_csv {
            w.flush()?;
        }
        for w in [self.valid, self.rejected].into_iter().flatten() {
            w.flush()?;
        }
        Ok(match self.stage {
            Stage::Records(file) => UsersRun {
                summary: file.summary().clone(),
                header_valid: true,
                index_bytes: file.index_heap_bytes(),
            },
            Stage::HeaderFailed(summary) => UsersRun {
                summary,
                header_valid: false,
                index_bytes: 0,
            },
            Stage::Header(_) => unreachable!("a missing header was reported above"),
        })
    }
}

/// Checks a migration file from `input`, writing one JSON line per record (or one for the
/// header, row 1, when it has errors) to `output`, and the optional outputs. Streaming: memory
/// holds one record (a record longer than any valid one is reported as `malformed_row` and
/// streams through), the read buffer and the duplicate index.
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
    output: impl Write,
    rules: RecordRules,
    outputs: Outputs<'_>,
) -> io::Result<UsersRun> {
    run_users_in(input, output, rules, outputs, None)
}

/// As [`run_users`], with the messages (of the JSON lines and the errors CSV) in `language`
/// when one is given (`--lang`).
pub fn run_users_in(
    mut input: impl Read,
    output: impl Write,
    rules: RecordRules,
    outputs: Outputs<'_>,
    language: Option<Language>,
) -> io::Result<UsersRun> {
    let mut errors_csv = outputs.errors_csv.map(csv::Writer::from_writer);
    if let Some(w) = errors_csv.as_mut() {
        w.write_record(["row", "column", "code", "message"])
            .map_err(io::Error::from)?;
    }
    let mut check = Check {
        stage: Stage::Header(rules),
        to: Destination::Both,
        out: Vec::with_capacity(64 * 1024),
        output,
        errors_csv,
        valid: outputs.valid,
        rejected: outputs.rejected,
        language,
    };
    let mut reader = RecordReader::new();
    let mut buffer = vec![0; 64 * 1024];
    loop {
        let read = match input.read(&mut buffer) {
            Ok(0) => break,
            Ok(read) => read,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        reader.feed(&buffer[..read], |piece| check.piece(piece))?;
    }
    reader.finish(|piece| check.piece(piece))?;
    check.finish()
}

/// Runs `cleeng-register users`: returns the exit status, 0 when every record is valid, 1
/// otherwise; the summary goes to standard error.
///
/// The input is opened first; then the outputs are checked against it and each other (the
/// same file however spelled is a usage error, before any file is created or changed), and
/// each is written to a temporary file beside it, renamed into place once the run has
/// completed. A run that fails leaves the earlier files as they were.
pub fn command(args: UsersArgs) -> Result<u8, Failure> {
    let policy = args.policy.load()?;
    let today = args.today.unwrap_or_else(|| {
        // The day of the check: the system date in UTC.
        CalendarDate::from(
            jiff::tz::TimeZone::UTC
                .to_datetime(jiff::Timestamp::now())
                .date(),
        )
    });
    let (input, identity) = args.input.unwrap_or_default().open()?;
    let [mut errors_csv, mut valid, mut rejected] = output::create(
        &identity,
        [
            ("--errors-csv", args.errors_csv.as_deref()),
            ("--valid-out", args.valid_out.as_deref()),
            ("--rejected-out", args.rejected_out.as_deref()),
        ],
    )?;
    let outputs = Outputs {
        errors_csv: errors_csv.as_mut().map(OutputFile::writer),
        valid: valid.as_mut().map(OutputFile::writer),
        rejected: rejected.as_mut().map(OutputFile::writer),
    };
    let run = run_users_in(
        input,
        io::stdout().lock(),
        RecordRules::new(policy, today),
        outputs,
        args.lang.lang,
    )
    .map_err(|e| Failure::Fatal(format!("I/O error: {e}")))?;
    for file in [errors_csv, valid, rejected].into_iter().flatten() {
        file.commit()?;
    }
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
