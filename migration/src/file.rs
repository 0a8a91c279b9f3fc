//! A whole file: the header, then each record with the values that must be unique.

use crate::column::Column;
use crate::duplicates::DuplicateIndex;
use crate::header::Header;
use crate::outcome::{RecordReport, UsersSummary};
use crate::reader::{Record, RecordDefect};
use crate::record::RecordRules;
use crate::report::RecordError;
use crate::{MigrationErrorCode, RecordParams};
use cleeng_register::error::Params;

/// The check of one migration file, record after record, as a CSV reader hands them over:
/// the library reads no bytes itself. It keeps the summary and the index of emails and
/// external ids seen so far (memory grows with the distinct values only).
///
/// ```
/// use cleeng_register_migration::{Column, RecordRules, UsersFile};
/// use cleeng_register::Policy;
/// let header: Vec<&[u8]> = Column::ALL.iter().map(|c| c.template_name().as_bytes()).collect();
/// let rules = RecordRules::new(Policy::default(), "2025-06-30".parse()?);
/// let mut file = UsersFile::new(rules, header).unwrap();
/// let record = |email: &'static str| -> Vec<&'static [u8]> {
///     ["", "", email, "en_US", "", "", "PL", "PLN", "", "", "", ""].map(str::as_bytes).to_vec()
/// };
/// assert!(file.check(2, record("jane@example.com")).is_valid());
/// let again = file.check(3, record("JANE@example.com"));
/// assert_eq!(again.errors()[0].code().as_str(), "duplicate_value");
/// assert_eq!(again.errors()[0].params().first_row, Some(2));
/// let short = file.check(4, vec![&b"too few"[..]]);
/// assert_eq!(short.errors()[0].code().as_str(), "malformed_row");
/// assert_eq!((file.summary().records(), file.summary().valid()), (3, 1));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct UsersFile {
    header: Header,
    rules: RecordRules,
    emails: DuplicateIndex,
    external_ids: DuplicateIndex,
    email_key: String,
    summary: UsersSummary,
}

// Not derived: the scratch buffer and the index hold customers' emails.
impl std::fmt::Debug for UsersFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UsersFile")
            .field("summary", &self.summary)
            .finish_non_exhaustive()
    }
}

impl UsersFile {
    /// Starts a file from its header cells; a header with errors gives the report of row 1
    /// (no record of such a file is checked).
    pub fn new<'a>(
        rules: RecordRules,
        header: impl IntoIterator<Item = &'a [u8]>,
    ) -> Result<UsersFile, Box<RecordReport>> {
        match Header::parse(header) {
            Ok(header) => Ok(UsersFile {
                header,
                rules,
                emails: DuplicateIndex::new(),
                external_ids: DuplicateIndex::new(),
                email_key: String::new(),
                summary: UsersSummary::default(),
            }),
            Err(errors) => Err(Box::new(RecordReport::new(1, Err(errors)))),
        }
    }

    /// Starts a file from its header as [`RecordReader`](crate::RecordReader) hands it over:
    /// as [`UsersFile::new`] with its fields, except that a header the reader found defective
    /// (too long, or a quote never closed) is `malformed_row` at row 1.
    pub fn from_header(
        rules: RecordRules,
        header: &Record<'_>,
    ) -> Result<UsersFile, Box<RecordReport>> {
        match header.defect() {
            None => UsersFile::new(rules, header.fields()),
            Some(defect) => Err(Box::new(RecordReport::new(1, Err(vec![malformed(defect)])))),
        }
    }

    /// The header.
    pub fn header(&self) -> &Header {
        &self.header
    }

    /// Checks the record that starts on line `row`, given as its raw fields.
    ///
    /// A record without exactly one field per column, or with a field that is not UTF-8, is
    /// `malformed_row` and nothing else. Otherwise each column's rules, then the values that
    /// must be unique: an `Email` (ASCII letters lowercased) or non-empty `External ID` that an
    /// earlier record gave is `duplicate_value` with params `firstRow`. A value enters the
    /// index when it passes its own column's rules, even if another column of its record
    /// fails: the fixed file will hold that record too, so the clash is reported now.
    pub fn check<'a>(
        &mut self,
        row: u64,
        fields: impl IntoIterator<Item = &'a [u8]>,
    ) -> RecordReport {
        let mut values = [""; Column::COUNT];
        let mut count = 0;
        let mut utf8 = true;
        for field in fields {
            if count < Column::COUNT {
                match std::str::from_utf8(field) {
                    Ok(s) => values[count] = s,
                    Err(_) => utf8 = false,
                }
            }
            count += 1;
        }
        let arranged = (utf8 && count == Column::COUNT)
            .then(|| self.header.arrange(&values))
            .flatten();
        let report = match arranged {
            None => RecordReport::new(
                row,
                Err(vec![RecordError::new(
                    None,
                    MigrationErrorCode::MalformedRow,
                    RecordParams::NONE,
                )]),
            ),
            Some(values) => self.check_values(row, values),
        };
        self.summary.add(&report, true);
        report
    }

    /// Checks a record as [`RecordReader`](crate::RecordReader) hands it over: as
    /// [`check`](Self::check) with its row and fields, except that a record the reader found
    /// defective is `malformed_row` and nothing else, its message saying why: longer than
    /// any valid record can be (with params `max`, the cap in bytes), or a quote never closed
    /// before the end of the file.
    ///
    /// ```
    /// use cleeng_register_migration::{Column, Piece, RecordRules, RecordReader, UsersFile};
    /// let header = Column::ALL.map(|c| c.template_name()).join(",");
    /// let input = format!("{header}\n{}\n,,\"never closed", "x".repeat(20_000));
    /// let mut reader = RecordReader::new();
    /// let rules = RecordRules::new(Default::default(), "2025-06-30".parse()?);
    /// let mut file = None;
    /// let mut lines = Vec::new();
    /// let mut check = |piece: Piece<'_>| -> Result<(), String> {
    ///     let Piece::Record(record) = piece else { return Ok(()) };
    ///     match file.as_mut() {
    ///         None => file = Some(UsersFile::from_header(rules.clone(), &record).map_err(|r| format!("{r:?}"))?),
    ///         Some(file) => lines.push(serde_json::to_string(&file.check_record(&record)).unwrap()),
    ///     }
    ///     Ok(())
    /// };
    /// reader.feed(input.as_bytes(), &mut check)?;
    /// reader.finish(&mut check)?;
    /// assert_eq!(lines, [
    ///     r#"{"row":2,"valid":false,"errors":[{"column":"","code":"malformed_row","message":"the record is longer than 16384 bytes, more than any valid record can be","params":{"max":16384}}],"advisories":[]}"#,
    ///     r#"{"row":3,"valid":false,"errors":[{"column":"","code":"malformed_row","message":"the record opens a quoted field that is never closed before the end of the file"}],"advisories":[]}"#,
    /// ]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn check_record(&mut self, record: &Record<'_>) -> RecordReport {
        let Some(defect) = record.defect() else {
            return self.check(record.row(), record.fields());
        };
        let report = RecordReport::new(record.row(), Err(vec![malformed(defect)]));
        self.summary.add(&report, true);
        report
    }

    fn check_values(&mut self, row: u64, values: [&str; Column::COUNT]) -> RecordReport {
        let mut errors = Vec::new();
        let record = self.rules.check_into(values, &mut errors);
        let column_errors = errors.len();
        let failed = |column: Column| {
            errors[..column_errors]
                .iter()
                .any(|e| e.column() == Some(column))
        };
        let check_email = !values[Column::Email.index()].is_empty() && !failed(Column::Email);
        let check_id =
            !values[Column::ExternalId.index()].is_empty() && !failed(Column::ExternalId);
        if check_email {
            crate::mailbox_key(values[Column::Email.index()], &mut self.email_key);
            if let Some(first) = self
                .emails
                .first_row_or_insert(self.email_key.as_bytes(), row)
            {
                errors.push(duplicate(Column::Email, first));
            }
        }
        if check_id {
            let id = values[Column::ExternalId.index()].as_bytes();
            if let Some(first) = self.external_ids.first_row_or_insert(id, row) {
                errors.push(duplicate(Column::ExternalId, first));
            }
        }
        match record {
            Some(record) if errors.is_empty() => RecordReport::new(row, Ok(record)),
            _ => RecordReport::new(row, Err(errors)),
        }
    }

    /// The counts so far.
    pub fn summary(&self) -> &UsersSummary {
        &self.summary
    }

    /// The bytes the duplicate index holds, for measurements.
    pub fn index_heap_bytes(&self) -> usize {
        self.emails.heap_bytes() + self.external_ids.heap_bytes()
    }
}

/// The error of a record the reader found defective.
fn malformed(defect: RecordDefect) -> RecordError {
    let code = MigrationErrorCode::MalformedRow;
    match defect {
        RecordDefect::TooLong { max_bytes } => {
            let max = u32::try_from(max_bytes).unwrap_or(u32::MAX);
            RecordError::new(None, code, Params::max(max).into())
        }
        RecordDefect::OpenQuote => RecordError::new(None, code, RecordParams::NONE)
            .saying("opens a quoted field that is never closed before the end of the file"),
    }
}

fn duplicate(column: Column, first_row: u64) -> RecordError {
    RecordError::new(
        Some(column),
        MigrationErrorCode::DuplicateValue,
        RecordParams::first_row(first_row),
    )
}
