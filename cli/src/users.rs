//! `cleeng-register users`: check a Users migration file (CSV) before Cleeng imports it.
//!
//! The command reads the file in slices and hands them to the migration library's
//! [`RecordReader`], which hands back each record with its row and its bytes as they were, so
//! that each record is written to `--valid-out` or `--rejected-out` exactly as it was (line
//! ends, quotes, a byte order mark and blank lines included). Memory holds one record (at most
//! [`MAX_RECORD_BYTES`](cleeng_register_migration::MAX_RECORD_BYTES); a longer one is
//! reported and streams through), the read buffer and the duplicate index.

use std::fs;
use std::io::{self, IsTerminal, Read, Write};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use zeroize::Zeroizing;

use crate::args::UsersArgs;
use crate::output::{self, OutputFile, SplitFiles};
use crate::split::Splitting;
pub use crate::split::{Parts, Split};
use crate::wording::{Noun, Wording};
use crate::Failure;
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

/// What a run does beside the check and its outputs.
#[derive(Default)]
pub struct Extras<'a> {
    /// The valid part, split (in place of [`Outputs::valid`]).
    pub split: Option<Split<'a>>,
    /// Counts the records checked, for a progress line.
    pub progress: Option<ProgressBar>,
    /// The words of the messages (the JSON lines' and the errors CSV's).
    pub wording: Wording,
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
    split: Option<Splitting<'o>>,
    rejected: Option<&'o mut dyn Write>,
    progress: Option<ProgressBar>,
    wording: Wording,
}

impl<W: Write> Check<'_, W> {
    fn piece(&mut self, piece: Piece<'_>) -> io::Result<()> {
        let bytes = match piece {
            Piece::Bytes(bytes) => {
                if let Some(split) = self.split.as_mut() {
                    if self.to == Destination::Both {
                        split.before_the_first_record(bytes);
                    }
                }
                bytes
            }
            Piece::Record(record) => {
                let report = match &mut self.stage {
                    Stage::Header(rules) => match UsersFile::from_header(rules.clone(), &record) {
                        Ok(file) => {
                            self.stage = Stage::Records(Box::new(file));
                            if let Some(split) = self.split.as_mut() {
                                split.header(record.bytes());
                            }
                            None
                        }
                        Err(report) => {
                            self.header_failed(&report);
                            Some(*report)
                        }
                    },
                    Stage::Records(file) => {
                        let report = file.check_record(&record);
                        if let Some(progress) = &self.progress {
                            progress.inc(1);
                        }
                        self.to = if report.is_valid() {
                            if let Some(split) = self.split.as_mut() {
                                split.before_record()?;
                            }
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
            if let Some(split) = self.split.as_mut() {
                split.write(bytes)?;
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
        match self.wording.language() {
            Some(language) => serde_json::to_writer(
                &mut self.out,
                &crate::worded::RecordLine { report, language },
            ),
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
                w.write_record([
                    row.as_str(),
                    e.column_name(),
                    e.code().as_str(),
                    self.wording.record_error(e).as_str(),
                ])
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
        if let Some(mut split) = self.split {
            split.flush()?;
        }
        if let Some(progress) = &self.progress {
            progress.finish_and_clear();
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
    run_users_with(input, output, rules, outputs, Extras::default())
}

/// [`run_users`], with the valid part split and a progress count as `extras` ask.
///
/// ```
/// use cleeng_register_cli::users::{run_users_with, Extras, Split};
/// use cleeng_register_migration::RecordRules;
/// let header = "First Name,Last Name,Email*,Locale*,Last login,Create date,Country Code*,Currency*,IP Address,Timezone,External ID,Password Hash\n";
/// let mut csv = header.to_owned();
/// for n in 0..5 {
///     csv.push_str(&format!("Jane,Doe,jane{n}@example.com,en_US,,,PL,PLN,,,,\n"));
/// }
/// let rules = RecordRules::new(Default::default(), "2025-06-30".parse().unwrap());
/// let mut parts: Vec<Vec<u8>> = Vec::new();
/// let every = std::num::NonZeroU64::new(2).unwrap();
/// let extras = Extras { split: Some(Split { every, parts: &mut parts }), ..Default::default() };
/// cleeng_register_cli::users::run_users_with(csv.as_bytes(), std::io::sink(), rules, Default::default(), extras).unwrap();
/// assert_eq!(parts.len(), 3);
/// assert!(parts.iter().all(|p| p.starts_with(header.as_bytes())));
/// assert_eq!(parts[2].len(), header.len() + "Jane,Doe,jane4@example.com,en_US,,,PL,PLN,,,,\n".len());
/// ```
pub fn run_users_with<'o>(
    mut input: impl Read,
    output: impl Write,
    rules: RecordRules,
    outputs: Outputs<'o>,
    extras: Extras<'o>,
) -> io::Result<UsersRun> {
    let split = match extras.split {
        Some(split) => Some(Splitting::new(split)?),
        None => None,
    };
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
        split,
        rejected: outputs.rejected,
        progress: extras.progress,
        wording: extras.wording,
    };
    let mut reader = RecordReader::new();
    // Wiped when freed, as every buffer of the command that holds input.
    let mut buffer = Zeroizing::new(vec![0; 64 * 1024]);
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
/// otherwise; the summary goes to standard error, and so does a progress line when standard
/// error is a terminal (and standard output is not).
///
/// The input is opened first; then the outputs are checked against it and each other (the
/// same file however spelled is a usage error, before any file is created or changed), and
/// each is written to a temporary file beside it, renamed into place once the run has
/// completed. A run that fails leaves the earlier files as they were. With `--split-every`,
/// the valid part goes to `STEM-1.EXT`, `STEM-2.EXT`, … beside `--valid-out STEM.EXT`
/// instead, each checked the same way when it is started.
pub fn command(args: UsersArgs) -> Result<u8, Failure> {
    let say = Wording::in_language(args.lang.lang);
    let policy = args.policy.load()?;
    let today = args.today.unwrap_or_else(|| {
        // The day of the check: the system date in UTC.
        CalendarDate::from(
            jiff::tz::TimeZone::UTC
                .to_datetime(jiff::Timestamp::now())
                .date(),
        )
    });
    let input_arg = args.input.unwrap_or_default();
    let (input, identity) = input_arg.open()?;
    let split_every = args.split_every;
    let valid_out = if split_every.is_some() {
        None
    } else {
        args.valid_out.as_deref()
    };
    let [mut errors_csv, mut valid, mut rejected] = output::create(
        &identity,
        [
            ("--errors-csv", args.errors_csv.as_deref()),
            ("--valid-out", valid_out),
            ("--rejected-out", args.rejected_out.as_deref()),
        ],
    )?;
    let mut parts = match (split_every, args.valid_out.as_deref()) {
        (Some(_), Some(stem)) => Some(SplitFiles::new(
            stem,
            &identity,
            input_arg.path(),
            [
                ("--errors-csv", args.errors_csv.as_deref()),
                ("--rejected-out", args.rejected_out.as_deref()),
            ],
        )?),
        _ => None,
    };
    let outputs = Outputs {
        errors_csv: errors_csv.as_mut().map(OutputFile::writer),
        valid: valid.as_mut().map(OutputFile::writer),
        rejected: rejected.as_mut().map(OutputFile::writer),
    };
    let extras = Extras {
        split: split_every.zip(parts.as_mut()).map(|(every, parts)| Split {
            every,
            parts: parts as &mut dyn Parts,
        }),
        progress: progress(&say),
        wording: say,
    };
    let run = run_users_with(
        input,
        io::stdout().lock(),
        RecordRules::new(policy, today),
        outputs,
        extras,
    )
    .map_err(Failure::from_io)?;
    for file in [errors_csv, valid, rejected].into_iter().flatten() {
        file.commit()?;
    }
    let mut notes = Vec::new();
    if let Some(parts) = parts {
        let names = parts.names();
        let count = parts.commit()?;
        notes.push(say.split_into(count, &names.path(1), &names.path(count)));
        // A part of an earlier run with more parts is not this run's: say so.
        let stale = names.path(count + 1);
        if fs::symlink_metadata(&stale).is_ok() {
            notes.push(say.stale_part(&stale));
        }
    }
    eprint!("{}", summary_text(&run, &say));
    for note in notes {
        eprintln!("cleeng-register: {note}");
    }
    Ok(if run.all_valid() { 0 } else { 1 })
}

/// A progress line on standard error (records checked, records per second, in cargo's
/// style), or none when standard error is not a terminal. None either when standard output is
/// a terminal: the records' lines scroll there, and a line redrawn among them would garble
/// them.
fn progress(say: &Wording) -> Option<ProgressBar> {
    if !io::stderr().is_terminal() || io::stdout().is_terminal() {
        return None;
    }
    let say = *say;
    let style = ProgressStyle::with_template("{prefix:>12.green.bold} {records}")
        .expect("the template is valid")
        .with_key(
            "records",
            move |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = w.write_str(&say.progress(state.pos(), state.per_sec()));
            },
        );
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr())
        .with_style(style)
        .with_prefix(say.progress_verb());
    Some(bar)
}

/// The summary for standard error: counts, counts per code, the file advisory.
pub fn summary_text(run: &UsersRun, say: &Wording) -> String {
    let s = &run.summary;
    let mut lines = vec![if run.header_valid {
        say.tally(s.records(), Noun::Record, s.valid())
    } else {
        say.header_failed().to_owned()
    }];
    if !s.codes().is_empty() {
        lines.push(say.errors_by_code(s.codes().iter().map(|(code, n)| (code, *n))));
    }
    if run.index_bytes > 0 {
        lines.push(say.index_size(run.index_bytes));
    }
    if s.too_many_records() {
        lines.push(say.too_many_records(s.records()));
    }
    lines
        .iter()
        .map(|line| format!("cleeng-register: {line}\n"))
        .collect()
}
