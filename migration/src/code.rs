//! The codes of what can be wrong in a migration file, and their parameters.

use cleeng_register::error::{Code, Params, Sentence};
use cleeng_register::ErrorCode;
use serde::ser::{Serialize, SerializeStruct, Serializer};

cleeng_register::code_table! {
    /// The stable, snake_case codes of the problems the Users migration check finds. They are
    /// API: [`MigrationErrorCode::as_str`] never changes for an existing variant.
    ///
    /// A rule a column shares with the registration request (`invalid_format` for `Email*`,
    /// say) has the request's code and sentence; the file's own rules (dates, the header,
    /// repeated values) have codes of their own.
    ///
    /// ```
    /// use cleeng_register_migration::MigrationErrorCode;
    /// assert_eq!(MigrationErrorCode::DuplicateValue.as_str(), "duplicate_value");
    /// assert_eq!("missing_column".parse(), Ok(MigrationErrorCode::MissingColumn));
    /// ```
    pub enum MigrationErrorCode;
    list: "migration error code";
    document: "the record";
    sentence: |params, wording|;
    /// A mandatory value is empty.
    Missing = "missing" => ErrorCode::Missing.rule(params, wording);
    /// Fewer characters than allowed (`params.min`).
    TooShort = "too_short" => ErrorCode::TooShort.rule(params, wording);
    /// More characters than allowed (`params.max`).
    TooLong = "too_long" => ErrorCode::TooLong.rule(params, wording);
    /// The value does not have the column's shape.
    InvalidFormat = "invalid_format" => ErrorCode::InvalidFormat.rule(params, wording);
    /// A code that is well formed but not assigned or not in use (`params.suggestion`).
    UnknownCode = "unknown_code" => ErrorCode::UnknownCode.rule(params, wording);
    /// The policy's allow-list does not contain the value.
    NotSupported = "not_supported" => ErrorCode::NotSupported.rule(params, wording);
    /// A control character or bidirectional control in a name or external id.
    ControlCharacter = "control_character" => ErrorCode::ControlCharacter.rule(params, wording);
    /// Leading or trailing white space in a name or external id.
    SurroundingWhitespace = "surrounding_whitespace" => ErrorCode::SurroundingWhitespace.rule(params, wording);
    /// A name or external id with no visible character.
    NoVisibleCharacter = "no_visible_character" => ErrorCode::NoVisibleCharacter.rule(params, wording);
    /// A date after the day of the check.
    InFuture = "in_future" => Sentence::Fixed("must not be after the day of the check");
    /// Two values in the wrong order (a create date after the last login).
    InvalidOrder = "invalid_order" => Sentence::Fixed("must not be after the last login");
    /// A template column is absent from the header.
    MissingColumn = "missing_column" => Sentence::Fixed("is a template column missing from the header");
    /// A column appears more than once in the header.
    DuplicateColumn = "duplicate_column" => Sentence::Fixed("appears more than once in the header");
    /// A header cell that is not a column of the template.
    UnknownColumn = "unknown_column" => Sentence::Fixed("is not a column of the migration template");
    /// A record with the wrong number of fields, not UTF-8, or longer than any valid record.
    MalformedRow = "malformed_row" => Sentence::Fixed("must be a UTF-8 record with one field per column");
    /// A value that must be unique across the file is repeated (`params.firstRow`).
    DuplicateValue = "duplicate_value" => Sentence::Fixed("repeats a value of an earlier record");
}

/// A code a column's value type reports, in the migration's vocabulary: the core's types
/// (email, names, locale, …) report request codes, the template's own types migration codes.
pub(crate) trait ColumnCode: Code {
    fn into_migration(self) -> MigrationErrorCode;
}

impl ColumnCode for MigrationErrorCode {
    fn into_migration(self) -> MigrationErrorCode {
        self
    }
}

impl ColumnCode for ErrorCode {
    /// The same stable code: a rule the two vocabularies share has one name.
    fn into_migration(self) -> MigrationErrorCode {
        self.as_str()
            .parse()
            .expect("a column's value type reports only rules the migration shares")
    }
}

/// The limits or hint that go with a migration error: a value's (`min`, `max`,
/// `suggestion`), the row where a repeated value first appeared (`firstRow`), or the
/// position of a header cell (`position`).
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct RecordParams {
    /// A value's limits or hint, as the registration request gives them.
    pub limits: Params,
    /// The row where a repeated value first appeared (`firstRow`).
    pub first_row: Option<u64>,
    /// The 1-based position of a header cell (`position`).
    pub position: Option<u32>,
}

impl RecordParams {
    /// No parameters.
    pub const NONE: RecordParams = RecordParams {
        limits: Params::NONE,
        first_row: None,
        position: None,
    };

    pub(crate) const fn first_row(row: u64) -> RecordParams {
        RecordParams {
            first_row: Some(row),
            ..RecordParams::NONE
        }
    }

    pub(crate) const fn position(position: u32) -> RecordParams {
        RecordParams {
            position: Some(position),
            ..RecordParams::NONE
        }
    }

    const fn len(&self) -> usize {
        self.limits.len() + self.first_row.is_some() as usize + self.position.is_some() as usize
    }

    /// Whether there is nothing to report.
    pub const fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl From<Params> for RecordParams {
    fn from(limits: Params) -> Self {
        RecordParams {
            limits,
            ..RecordParams::NONE
        }
    }
}

impl Serialize for RecordParams {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("RecordParams", self.len())?;
        self.limits.serialize_members(&mut s)?;
        if let Some(first_row) = self.first_row {
            s.serialize_field("firstRow", &first_row)?;
        }
        if let Some(position) = self.position {
            s.serialize_field("position", &position)?;
        }
        s.end()
    }
}
