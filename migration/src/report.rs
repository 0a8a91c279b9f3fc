//! What the check says about a record, a header, and a whole file.

use std::collections::BTreeMap;
use std::fmt;

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use cleeng_register::error::Wording;
use cleeng_register::report::{escape, DisplayStr};
use cleeng_register::{Advisory, ValueError};

use crate::code::ColumnCode;
use crate::column::Column;
use crate::record::UserRecord;
use crate::{MigrationErrorCode, RecordParams};

/// One error in a migration file: the column it is about (`None` for the whole record or a
/// header cell that names no column), the code and its params, and a message that names the
/// column and never the value.
///
/// It serializes to `{"column":"Email","code":"invalid_format","message":"...","params":{...}}`,
/// `column` being `""` when there is none and `params` present only when not empty.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RecordError {
    column: Option<Column>,
    code: MigrationErrorCode,
    params: RecordParams,
    wording: &'static Wording,
    /// What the rule demands here, when the code's sentence would not say why (an `IP
    /// Address` required for tax, or by the policy).
    sentence: Option<&'static str>,
    /// The text of the header cell an `unknown_column` is about, cut to
    /// [`RecordError::MAX_CELL_CHARS`] characters: a header holds the template's column
    /// names, which the message names so that the cell can be found.
    cell: Option<Box<str>>,
}

impl RecordError {
    pub(crate) const fn new(
        column: Option<Column>,
        code: MigrationErrorCode,
        params: RecordParams,
    ) -> Self {
        RecordError {
            column,
            code,
            params,
            wording: &Wording::GENERIC,
            sentence: None,
            cell: None,
        }
    }

    /// The most characters of a header cell's text a message repeats; a longer text is cut
    /// there and ends with `…`.
    pub const MAX_CELL_CHARS: usize = 40;

    /// The same error, naming the header cell's text (not UTF-8: its bytes read lossily),
    /// cut to [`RecordError::MAX_CELL_CHARS`] characters.
    pub(crate) fn naming_cell(self, cell: &[u8]) -> Self {
        let text = String::from_utf8_lossy(cell);
        let mut shown: String = text.chars().take(Self::MAX_CELL_CHARS).collect();
        if shown.len() < text.len() {
            shown.push('…');
        }
        RecordError {
            cell: Some(shown.into_boxed_str()),
            ..self
        }
    }

    /// The same error, saying `sentence` after the column's name (or after "the record" when
    /// there is no column).
    pub(crate) fn saying(self, sentence: &'static str) -> Self {
        RecordError {
            sentence: Some(sentence),
            ..self
        }
    }

    /// The first rule `error` names (each column reports one), worded by the value's type.
    pub(crate) fn from_value<C: ColumnCode>(column: Column, error: &ValueError<C>) -> Self {
        let first = error.first();
        RecordError {
            wording: error.wording(),
            ..RecordError::new(
                Some(column),
                first.code.into_migration(),
                first.params.into(),
            )
        }
    }

    /// The column, if the error is about one.
    pub fn column(&self) -> Option<Column> {
        self.column
    }

    /// The column's name without `*` (`Country Code`), or `""`.
    pub fn column_name(&self) -> &'static str {
        self.column.map_or("", Column::name)
    }

    /// The stable code.
    pub fn code(&self) -> MigrationErrorCode {
        self.code
    }

    /// The limits or hint (`firstRow` for `duplicate_value`, `position` for a header cell).
    pub fn params(&self) -> &RecordParams {
        &self.params
    }

    /// The message for people, in a sentence (the JSON's `message`, and the error's
    /// `Display`): it names the column, never the value.
    ///
    /// ```
    /// use cleeng_register_migration::Header;
    /// let errors = Header::parse([&b"Email"[..]]).unwrap_err();
    /// assert_eq!(errors[0].message(), "First Name is a template column missing from the header");
    /// ```
    pub fn message(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (code, params) = (self.code, &self.params);
        let Some(column) = self.column else {
            if let Some(sentence) = self.sentence {
                return write!(f, "the record {sentence}");
            }
            return match (code, params.position) {
                (MigrationErrorCode::UnknownColumn, Some(position)) => {
                    write!(f, "header cell {position} ")?;
                    if let Some(cell) = &self.cell {
                        // Escaped as every text the crate writes: a cell cannot forge a log
                        // line or reorder a terminal's.
                        write!(f, "(\"{}\") ", escape(cell))?;
                    }
                    f.write_str("is not a column of the Users migration template")
                }
                (MigrationErrorCode::MalformedRow, _) => match params.limits.max {
                    Some(max) => write!(
                        f,
                        "the record is longer than {max} bytes, more than any valid record can be"
                    ),
                    None => write!(
                        f,
                        "the record must be UTF-8 with exactly {} fields, one per template column",
                        Column::COUNT
                    ),
                },
                _ => {
                    f.write_str("the record ")?;
                    fmt::Display::fmt(&code.rule(&params.limits, self.wording), f)
                }
            };
        };
        write!(f, "{column} ")?;
        if let Some(sentence) = self.sentence {
            return f.write_str(sentence);
        }
        match code {
            MigrationErrorCode::DuplicateValue => match params.first_row {
                Some(row) => write!(
                    f,
                    "repeats the value of row {row}; it must be unique in the file"
                ),
                None => f.write_str(
                    "repeats the value of an earlier row; it must be unique in the file",
                ),
            },
            MigrationErrorCode::DuplicateColumn => match params.position {
                Some(position) => write!(
                    f,
                    "appears more than once in the header (again in cell {position})"
                ),
                None => f.write_str("appears more than once in the header"),
            },
            _ => fmt::Display::fmt(&code.rule(&params.limits, self.wording), f),
        }
    }
}

impl std::error::Error for RecordError {}

impl Serialize for RecordError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let has_params = !self.params().is_empty();
        let mut s = serializer.serialize_struct("RecordError", 3 + has_params as usize)?;
        s.serialize_field("column", self.column_name())?;
        s.serialize_field("code", &self.code())?;
        s.serialize_field("message", &DisplayStr(self))?;
        if has_params {
            s.serialize_field("params", self.params())?;
        } else {
            s.skip_field("params")?;
        }
        s.end()
    }
}

/// A fact about a valid record that the person importing should know; not an error.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum RecordAdvisory {
    /// `Currency` is empty: Cleeng imports the customer with its default, EUR.
    CurrencyDefaulted,
    /// `IP Address` is not globally reachable, so it cannot be geolocated to a tax country
    /// (as the request advisory `customer_ip_not_public`).
    CustomerIpNotPublic,
}

impl RecordAdvisory {
    /// Every advisory, in report order (the template's column order).
    pub const ALL: [RecordAdvisory; 2] = [
        RecordAdvisory::CurrencyDefaulted,
        RecordAdvisory::CustomerIpNotPublic,
    ];

    /// The stable code.
    pub const fn code(self) -> &'static str {
        match self {
            RecordAdvisory::CurrencyDefaulted => "currency_defaulted",
            RecordAdvisory::CustomerIpNotPublic => Advisory::CustomerIpNotPublic.as_str(),
        }
    }

    /// The column it is about.
    pub const fn column(self) -> Column {
        match self {
            RecordAdvisory::CurrencyDefaulted => Column::Currency,
            RecordAdvisory::CustomerIpNotPublic => Column::IpAddress,
        }
    }

    /// An English sentence for people.
    pub const fn message(self) -> &'static str {
        match self {
            RecordAdvisory::CurrencyDefaulted => {
                "Currency is empty: Cleeng will import the customer with its default currency, EUR"
            }
            RecordAdvisory::CustomerIpNotPublic => {
                "IP Address is not a public address, so it cannot be geolocated to a tax country"
            }
        }
    }
}

impl Serialize for RecordAdvisory {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("RecordAdvisory", 3)?;
        s.serialize_field("column", self.column().name())?;
        s.serialize_field("code", self.code())?;
        s.serialize_field("message", self.message())?;
        s.end()
    }
}

/// The check of one record (or of the header, row 1): the record when valid, else its errors.
///
/// It serializes to one line of `cleeng-register users`:
/// `{"row":2,"valid":false,"errors":[...],"advisories":[]}`; a valid record lists its
/// advisories, an invalid one none.
#[derive(Clone, Debug)]
pub struct RecordReport {
    row: u64,
    outcome: Result<UserRecord, Vec<RecordError>>,
}

impl RecordReport {
    pub(crate) fn new(row: u64, outcome: Result<UserRecord, Vec<RecordError>>) -> Self {
        RecordReport { row, outcome }
    }

    /// The 1-based line on which the record starts (the header is row 1).
    pub fn row(&self) -> u64 {
        self.row
    }

    /// Whether the record is valid.
    pub fn is_valid(&self) -> bool {
        self.outcome.is_ok()
    }

    /// The valid record.
    pub fn record(&self) -> Option<&UserRecord> {
        self.outcome.as_ref().ok()
    }

    /// The errors, in the template's column order, then `duplicate_value`; empty when valid.
    pub fn errors(&self) -> &[RecordError] {
        match &self.outcome {
            Ok(_) => &[],
            Err(errors) => errors,
        }
    }

    /// The advisories of a valid record, in report order; none for an invalid one.
    pub fn advisories(&self) -> impl Iterator<Item = RecordAdvisory> + '_ {
        self.record().into_iter().flat_map(UserRecord::advisories)
    }

    /// Takes the outcome out.
    pub fn into_outcome(self) -> Result<UserRecord, Vec<RecordError>> {
        self.outcome
    }
}

impl Serialize for RecordReport {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("RecordReport", 4)?;
        s.serialize_field("row", &self.row)?;
        s.serialize_field("valid", &self.is_valid())?;
        s.serialize_field("errors", self.errors())?;
        let advisories: Advisories = self.advisories().collect();
        s.serialize_field("advisories", &advisories)?;
        s.end()
    }
}

/// A record's advisories, kept inline.
#[derive(Default)]
struct Advisories {
    list: [Option<RecordAdvisory>; RecordAdvisory::ALL.len()],
}

impl FromIterator<RecordAdvisory> for Advisories {
    fn from_iter<I: IntoIterator<Item = RecordAdvisory>>(iter: I) -> Self {
        let mut advisories = Advisories::default();
        for (slot, a) in advisories.list.iter_mut().zip(iter) {
            *slot = Some(a);
        }
        advisories
    }
}

impl Serialize for Advisories {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.list.iter().flatten())
    }
}

/// The counts of a whole file: records, valid ones, errors per code, and the file's
/// advisory.
///
/// ```
/// use cleeng_register_migration::UsersSummary;
/// let summary = UsersSummary::default();
/// assert_eq!((summary.records(), summary.invalid()), (0, 0));
/// assert!(!summary.too_many_records());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UsersSummary {
    records: u64,
    valid: u64,
    codes: BTreeMap<MigrationErrorCode, u64>,
}

impl UsersSummary {
    /// The most records Cleeng accepts in one import.
    pub const MAX_IMPORT_RECORDS: u64 = 100_000;

    /// The code of the file advisory given past [`MAX_IMPORT_RECORDS`](Self::MAX_IMPORT_RECORDS).
    pub const TOO_MANY_RECORDS: &'static str = "too_many_records";

    /// Counts one checked record (or the header's errors, which count no record).
    pub fn add(&mut self, report: &RecordReport, is_record: bool) {
        if is_record {
            self.records += 1;
            self.valid += u64::from(report.is_valid());
        }
        for e in report.errors() {
            *self.codes.entry(e.code()).or_default() += 1;
        }
    }

    /// Records checked (the header excluded).
    pub fn records(&self) -> u64 {
        self.records
    }

    /// Valid records.
    pub fn valid(&self) -> u64 {
        self.valid
    }

    /// Invalid records.
    pub fn invalid(&self) -> u64 {
        self.records - self.valid
    }

    /// How many errors of each code, in code order.
    pub fn codes(&self) -> &BTreeMap<MigrationErrorCode, u64> {
        &self.codes
    }

    /// Whether the file holds more records than Cleeng imports at once (the advisory
    /// `too_many_records`; the check goes on).
    pub fn too_many_records(&self) -> bool {
        self.records > Self::MAX_IMPORT_RECORDS
    }

    /// Whether any error was found (header or record).
    pub fn has_errors(&self) -> bool {
        !self.codes.is_empty()
    }
}
