//! The messages of a Users migration file: its errors, advisories and column labels.

use std::borrow::Cow;

use cleeng_register::Field;
use cleeng_register_migration::{
    Column, MigrationErrorCode, RecordAdvisory, RecordError, RecordParams,
};

use crate::catalog::{Arg, Catalog, Message};
use crate::request::shape_and_args;
use crate::Language;

/// The column's slug in message ids: its name in lower case, spaces as `-` (`country-code`).
pub fn column_slug(column: Column) -> String {
    column.name().to_ascii_lowercase().replace(' ', "-")
}

/// The label's message id of `column` (`column-country-code`).
pub fn column_label_id(column: Column) -> String {
    format!("column-{}", column_slug(column))
}

/// The request field whose rules a column shares, whose messages it then shares too.
pub fn column_field(column: Column) -> Option<Field> {
    match column {
        Column::FirstName => Some(Field::FirstName),
        Column::LastName => Some(Field::LastName),
        Column::Email => Some(Field::Email),
        Column::Locale => Some(Field::Locale),
        Column::CountryCode => Some(Field::Country),
        Column::Currency => Some(Field::Currency),
        Column::IpAddress => Some(Field::CustomerIp),
        Column::ExternalId => Some(Field::ExternalId),
        _ => None,
    }
}

/// The parameter a code's message shows as a number, if any.
fn number_of(
    code: MigrationErrorCode,
    params: &RecordParams,
) -> Option<(&'static str, Option<u64>)> {
    let limits = &params.limits;
    match code {
        MigrationErrorCode::TooShort => Some(("min", limits.min.map(u64::from))),
        MigrationErrorCode::TooLong | MigrationErrorCode::MalformedRow => {
            Some(("max", limits.max.map(u64::from)))
        }
        MigrationErrorCode::DuplicateValue => Some(("firstRow", params.first_row)),
        MigrationErrorCode::DuplicateColumn | MigrationErrorCode::UnknownColumn => {
            Some(("position", params.position.map(u64::from)))
        }
        _ => None,
    }
}

impl Catalog {
    /// The message for a migration error with `code` and `params` at `column` (`None`:
    /// the record, or a header cell that names no column).
    ///
    /// For a column, the id is the first the catalog has of `migration-CODE-SLUG`, then
    /// (for a column that shares a request field's rules) `request-CODE-KEY`, then
    /// `migration-CODE` and `request-CODE`, each followed by the shape as for
    /// [`Catalog::request_message`]; `$label` is the column's label, except for the header
    /// errors, whose `$column` is the template's own header name (`Email*`), which the
    /// file must spell. Else `request-invalid`. For the record, `migration-CODE-record`,
    /// else `migration-invalid-record`.
    pub fn migration_message(
        &self,
        language: Language,
        column: Option<Column>,
        code: MigrationErrorCode,
        params: &RecordParams,
    ) -> Message {
        let (shape, args) = shape_and_args(
            number_of(code, params),
            params.limits.suggestion,
            code == MigrationErrorCode::UnknownCode,
        );
        let code_str = code.as_str();
        let build = |id: &str, args: Vec<(&'static str, Arg)>| {
            args.into_iter()
                .fold(Message::new(id.to_owned()), |m, (name, arg)| {
                    m.with(name, arg)
                })
        };
        let Some(column) = column else {
            let candidates = [format!("migration-{code_str}-record{shape}")];
            return match self.first_of(language, &candidates) {
                Some(id) => build(id, args),
                None => Message::new("migration-invalid-record"),
            };
        };
        let slug = column_slug(column);
        let mut candidates = vec![format!("migration-{code_str}-{slug}{shape}")];
        if let Some(field) = column_field(column) {
            candidates.push(format!("request-{code_str}-{}{shape}", field.as_str()));
        }
        candidates.push(format!("migration-{code_str}{shape}"));
        candidates.push(format!("request-{code_str}{shape}"));
        let header = matches!(
            code,
            MigrationErrorCode::MissingColumn | MigrationErrorCode::DuplicateColumn
        );
        match self.first_of(language, &candidates) {
            Some(id) if header => {
                build(id, args).with("column", Arg::Text(Cow::Borrowed(column.template_name())))
            }
            Some(id) if !self.uses(language, id, "label") => build(id, args),
            Some(id) => build(id, args).with("label", Arg::Label(column_label_id(column).into())),
            None => Message::new("request-invalid")
                .with("label", Arg::Label(column_label_id(column).into())),
        }
    }

    /// `error`'s message in `language`: the column named by its label, never the value.
    ///
    /// ```
    /// use cleeng_register_messages::{Catalog, Language};
    /// use cleeng_register_migration::Header;
    /// let errors = Header::parse([&b"Email*"[..]]).unwrap_err();
    /// let missing = errors.iter().find(|e| e.column_name() == "Locale").unwrap();
    /// assert_eq!(Catalog::get().record_error(Language::Es, missing), "Falta en la cabecera la columna «Locale*» de la plantilla.");
    /// ```
    pub fn record_error(&self, language: Language, error: &RecordError) -> String {
        let message =
            self.migration_message(language, error.column(), error.code(), error.params());
        self.render(language, &message)
    }

    /// The message of a record advisory: `migration-advisory-CODE`.
    pub fn record_advisory_message(advisory: RecordAdvisory) -> Message {
        Message::new(format!("migration-advisory-{}", advisory.code()))
    }

    /// `advisory`'s message in `language`; the crate's English sentence for an advisory the
    /// catalog does not know yet (a test holds every advisory to the catalog).
    pub fn record_advisory(&self, language: Language, advisory: RecordAdvisory) -> String {
        let message = Catalog::record_advisory_message(advisory);
        if self.has(language, message.id()) {
            self.render(language, &message)
        } else {
            advisory.message().to_owned()
        }
    }

    /// The summary's advisory for a file over `max` records, in `language`.
    pub fn too_many_records(&self, language: Language, max: u64) -> String {
        let message =
            Message::new("migration-advisory-too_many_records").with("max", Arg::Number(max));
        self.render(language, &message)
    }

    /// `column`'s label in `language` ("Kod kraju").
    pub fn column_label(&self, language: Language, column: Column) -> String {
        self.render(language, &Message::new(column_label_id(column)))
    }
}
