//! What the check says about one value of a record: an error ([`RecordError`]) or an advisory
//! ([`RecordAdvisory`]).

use std::fmt;

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use cleeng_register::error::Wording;
use cleeng_register::report::{escape, DisplayStr};
use cleeng_register::{Advisory, ValueError};

use crate::code::ColumnCode;
use crate::column::Column;
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
