//! Every message the crate can build, for the catalog's tests and the Node comparison.

use cleeng_register::error::Params;
use cleeng_register::{Advisory, ErrorCode, Field};
use cleeng_register_messages::{Arg, Catalog, Language, Message, Subject};
use cleeng_register_migration::{Column, MigrationErrorCode, RecordAdvisory, RecordParams};

/// Every subject a request error can have.
pub fn subjects() -> Vec<Subject> {
    let mut subjects: Vec<Subject> = Field::ALL.into_iter().map(Subject::Field).collect();
    subjects.extend([Subject::Body, Subject::OtherKey]);
    subjects
}

/// Every shape of params a request error can carry: none, each limit, a suggestion.
pub fn request_params() -> Vec<Params> {
    vec![
        Params::NONE,
        Params::min(8),
        Params::max(50),
        Params::max(1),
        Params::max(22),
        Params::suggestion("GB"),
    ]
}

/// Every shape of params a migration error can carry.
pub fn record_params() -> Vec<RecordParams> {
    let mut shapes: Vec<RecordParams> = request_params().into_iter().map(Into::into).collect();
    let mut first_row = RecordParams::NONE;
    first_row.first_row = Some(3);
    let mut position = RecordParams::NONE;
    position.position = Some(5);
    shapes.extend([first_row, position]);
    shapes
}

/// Every message the crate builds in `language`, with what it is for: each request code at
/// each subject with each params shape, each migration code at each column (and the
/// record) with each shape, the advisories, labels and problem sentences.
pub fn all_messages(language: Language) -> Vec<(String, Message)> {
    let catalog = Catalog::get();
    let mut all = Vec::new();
    for subject in subjects() {
        for code in ErrorCode::ALL {
            for params in request_params() {
                let message = catalog.request_message(language, subject, code, &params);
                all.push((format!("{subject:?} {code} {params:?}"), message));
            }
        }
    }
    let columns = Column::ALL.into_iter().map(Some).chain([None]);
    for column in columns {
        for code in MigrationErrorCode::ALL {
            for params in record_params() {
                let message = catalog.migration_message(language, column, code, &params);
                all.push((format!("{column:?} {code} {params:?}"), message));
            }
        }
    }
    for advisory in Advisory::ALL {
        all.push((format!("{advisory:?}"), Catalog::advisory_message(advisory)));
    }
    for advisory in RecordAdvisory::ALL {
        all.push((
            format!("{advisory:?}"),
            Catalog::record_advisory_message(advisory),
        ));
    }
    for n in [1, 2, 5, 22, 100_000] {
        all.push((
            format!("too_many_records {n}"),
            Message::new("migration-advisory-too_many_records").with("max", Arg::Number(n)),
        ));
    }
    for field in Field::ALL {
        let id = cleeng_register_messages::field_label_id(field);
        all.push((format!("label {field}"), Message::new(id)));
    }
    for column in Column::ALL {
        let id = cleeng_register_messages::column_label_id(column);
        all.push((format!("label {column}"), Message::new(id)));
    }
    all.push(("title".into(), Message::new("problem-title")));
    for n in [1, 2, 5, 22, 101] {
        all.push((
            format!("detail {n}"),
            Message::new("problem-detail").with("count", Arg::Number(n)),
        ));
    }
    all
}
