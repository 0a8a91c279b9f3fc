//! What the check says about a whole record and a whole file: a record's report (the valid
//! record, or its errors) and the file's summary. Below it, `report` holds the vocabulary of
//! one error or advisory, and `record` the checked record, so neither imports the other.

use std::collections::BTreeMap;

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use crate::record::UserRecord;
use crate::report::{RecordAdvisory, RecordError};
use crate::MigrationErrorCode;

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
