//! Migration records: a valid record, edits by column, and checks that name columns and codes.

use cleeng_register::Policy;
use cleeng_register_migration::{Column, RecordReport, RecordRules, UsersFile};

/// The day of the check in these tests.
pub const TODAY: &str = "2025-06-30";

/// A valid record with every column filled, in template order.
pub fn valid() -> [&'static str; Column::COUNT] {
    [
        "Jane",
        "Doe",
        "jane.doe@example.com",
        "en_US",
        "2025-06-01",
        "2020-01-15",
        "US",
        "USD",
        "8.8.8.8",
        "America/New_York",
        "crm-1",
        "$2b$12$abcdefghijklmnopqrstuv",
    ]
}

/// The valid record with `column` set to `value`.
pub fn with(column: Column, value: &'static str) -> [&'static str; Column::COUNT] {
    let mut values = valid();
    values[column as usize] = value;
    values
}

pub fn rules(policy: Policy) -> RecordRules {
    RecordRules::new(policy, TODAY.parse().unwrap())
}

/// The (column, code) pairs of a record under the default policy; empty when valid.
pub fn errors(values: [&str; Column::COUNT]) -> Vec<(&'static str, &'static str)> {
    errors_under(Policy::default(), values)
}

pub fn errors_under(
    policy: Policy,
    values: [&str; Column::COUNT],
) -> Vec<(&'static str, &'static str)> {
    match rules(policy).check(values) {
        Ok(_) => Vec::new(),
        Err(errors) => errors
            .iter()
            .map(|e| (e.column_name(), e.code().as_str()))
            .collect(),
    }
}

/// The template header, as Cleeng writes it.
pub fn header() -> Vec<&'static [u8]> {
    Column::ALL
        .iter()
        .map(|c| c.template_name().as_bytes())
        .collect()
}

/// A file checker with the template header and the default policy.
pub fn file() -> UsersFile {
    UsersFile::new(rules(Policy::default()), header()).unwrap()
}

pub fn codes(report: &RecordReport) -> Vec<(&'static str, &'static str)> {
    report
        .errors()
        .iter()
        .map(|e| (e.column_name(), e.code().as_str()))
        .collect()
}
