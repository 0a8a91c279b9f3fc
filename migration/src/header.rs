//! The header row: which field of a record holds which column.

use crate::column::Column;
use crate::report::RecordError;
use crate::{MigrationErrorCode, RecordParams};

/// A valid header: every template column exactly once, in any order, and nothing else.
///
/// ```
/// use cleeng_register_migration::{Column, Header};
/// let mut cells: Vec<&str> = Column::ALL.iter().map(|c| c.template_name()).collect();
/// cells.reverse();
/// let header = Header::parse(cells.iter().map(|c| c.as_bytes())).unwrap();
/// assert_eq!(header.position(Column::PasswordHash), 0);
///
/// let errors = Header::parse([&b"Email"[..], b"Email", b"Nickname"]).unwrap_err();
/// assert_eq!(errors[0].code().as_str(), "missing_column");
/// assert_eq!(errors.last().unwrap().code().as_str(), "unknown_column");
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct Header {
    /// The field index of each column, indexed by [`Column::index`].
    positions: [u8; Column::COUNT],
}

impl Header {
    /// The template's header, in the template's order, as Cleeng writes it.
    pub const TEMPLATE: Header = {
        let mut positions = [0; Column::COUNT];
        let mut i = 0;
        while i < Column::COUNT {
            positions[i] = i as u8;
            i += 1;
        }
        Header { positions }
    };

    /// Matches the header cells with the template's columns ([`Column::from_header`]; a
    /// UTF-8 byte order mark before the first cell is ignored). The errors: `missing_column`
    /// for each absent column (template order), then, in cell order, `duplicate_column` at the
    /// column for each cell that repeats one, and `unknown_column` at no column for each cell
    /// that names none (or is not UTF-8), its message naming the cell's text (escaped, cut to
    /// [`RecordError::MAX_CELL_CHARS`] characters); both with params `position`, the cell's
    /// 1-based position.
    ///
    /// A first line that names none of the template's columns is no header at all (a file
    /// exported without one): its cells are a customer's data, so no message quotes them.
    pub fn parse<'a>(
        cells: impl IntoIterator<Item = &'a [u8]>,
    ) -> Result<Header, Vec<RecordError>> {
        let cells: Vec<(&[u8], Option<Column>)> = cells
            .into_iter()
            .enumerate()
            .map(|(i, cell)| {
                let cell = if i == 0 {
                    cell.strip_prefix("\u{feff}".as_bytes()).unwrap_or(cell)
                } else {
                    cell
                };
                (
                    cell,
                    std::str::from_utf8(cell).ok().and_then(Column::from_header),
                )
            })
            .collect();
        let is_a_header = cells.iter().any(|(_, column)| column.is_some());
        let unknown = |position, cell| {
            let error = RecordError::new(
                None,
                MigrationErrorCode::UnknownColumn,
                RecordParams::position(position),
            );
            if is_a_header {
                error.naming_cell(cell)
            } else {
                error
            }
        };
        let mut positions = [None::<u8>; Column::COUNT];
        let mut cell_errors = Vec::new();
        for (i, (cell, column)) in cells.into_iter().enumerate() {
            let position = u32::try_from(i + 1).unwrap_or(u32::MAX);
            match column {
                Some(c) if positions[c.index()].is_none() => {
                    // A valid header has 12 cells, so a first occurrence's index fits; a
                    // later one in a longer header is reported below as unknown.
                    match u8::try_from(i) {
                        Ok(index) => positions[c.index()] = Some(index),
                        Err(_) => cell_errors.push(unknown(position, cell)),
                    }
                }
                Some(c) => cell_errors.push(RecordError::new(
                    Some(c),
                    MigrationErrorCode::DuplicateColumn,
                    RecordParams::position(position),
                )),
                None => cell_errors.push(unknown(position, cell)),
            }
        }
        let mut errors: Vec<RecordError> = Column::ALL
            .into_iter()
            .filter(|c| positions[c.index()].is_none())
            .map(|c| {
                RecordError::new(
                    Some(c),
                    MigrationErrorCode::MissingColumn,
                    RecordParams::NONE,
                )
            })
            .collect();
        errors.append(&mut cell_errors);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Header {
            positions: positions.map(|p| p.expect("no column is missing")),
        })
    }

    /// The 0-based index of `column`'s field in every record.
    pub fn position(&self, column: Column) -> usize {
        usize::from(self.positions[column.index()])
    }

    /// The fields of a record in template order, when it has one field per column.
    pub(crate) fn arrange<'a>(&self, fields: &[&'a str]) -> Option<[&'a str; Column::COUNT]> {
        if fields.len() != Column::COUNT {
            return None;
        }
        Some(self.positions.map(|p| fields[usize::from(p)]))
    }
}
