//! The template's columns and the header row: names, order, case, `*`, spaces, BOM, and the
//! header errors.

use cleeng_register_migration::MigrationErrorCode as ErrorCode;
use cleeng_register_migration::{Column, Header};

/// (column, code, position) of a header error.
type Found = (&'static str, &'static str, Option<u32>);

fn parse(cells: &[&str]) -> Result<Header, Vec<Found>> {
    Header::parse(cells.iter().map(|c| c.as_bytes())).map_err(|errors| {
        errors
            .iter()
            .map(|e| (e.column_name(), e.code().as_str(), e.params().position))
            .collect()
    })
}

fn template() -> Vec<&'static str> {
    Column::ALL.iter().map(|c| c.template_name()).collect()
}

#[test]
fn the_template_has_cleengs_twelve_columns_in_order() {
    let names: Vec<_> = Column::ALL.iter().map(|c| c.template_name()).collect();
    assert_eq!(
        names,
        [
            "First Name",
            "Last Name",
            "Email*",
            "Locale*",
            "Last login",
            "Create date",
            "Country Code*",
            "Currency*",
            "IP Address",
            "Timezone",
            "External ID",
            "Password Hash"
        ]
    );
    let mandatory: Vec<_> = Column::ALL
        .iter()
        .filter(|c| c.is_mandatory())
        .map(|c| c.name())
        .collect();
    assert_eq!(mandatory, ["Email", "Locale", "Country Code", "Currency"]);
    assert_eq!(Column::COUNT, 12);
    assert_eq!(Header::TEMPLATE, parse(&template()).unwrap());
}

#[test]
fn names_match_with_or_without_star_in_any_case_with_spaces() {
    for column in Column::ALL {
        let name = column.name();
        for cell in [
            name.to_owned(),
            format!("{name}*"),
            name.to_uppercase(),
            name.to_lowercase(),
            format!("  {name} * "),
            format!("\t{name}\t"),
        ] {
            assert_eq!(Column::from_header(&cell), Some(column), "{cell:?}");
            assert_eq!(cell.parse::<Column>(), Ok(column));
        }
    }
    for cell in [
        "",
        "*",
        "Email**",
        "*Email",
        "E mail",
        "Emails",
        "IPAddress",
        "Time zone",
        "Country",
    ] {
        assert_eq!(Column::from_header(cell), None, "{cell:?}");
        let err = cell.parse::<Column>().unwrap_err();
        // The message names the template, never the cell.
        assert_eq!(
            err.to_string(),
            "not a column of Cleeng's Users migration template"
        );
    }
}

#[test]
fn any_order_is_accepted_and_positions_follow_it() {
    let mut cells = template();
    cells.reverse();
    let header = parse(&cells).unwrap();
    for (i, column) in Column::ALL.iter().rev().enumerate() {
        assert_eq!(header.position(*column), i);
    }
    let header = parse(&template()).unwrap();
    assert_eq!(header.position(Column::Email), 2);
}

#[test]
fn a_byte_order_mark_before_the_first_cell_is_ignored() {
    let mut cells: Vec<String> = template().iter().map(|c| c.to_string()).collect();
    cells[0] = format!("\u{feff}{}", cells[0]);
    let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
    assert!(parse(&refs).is_ok());
    // Only before the first cell.
    let mut cells = template();
    cells.swap(0, 1);
    let mut owned: Vec<String> = cells.iter().map(|c| c.to_string()).collect();
    owned[1] = format!("\u{feff}{}", owned[1]);
    let refs: Vec<&str> = owned.iter().map(String::as_str).collect();
    assert_eq!(
        parse(&refs).unwrap_err()[0],
        ("First Name", "missing_column", None)
    );
}

#[test]
fn a_missing_column_is_reported_in_template_order() {
    let cells: Vec<_> = template()
        .into_iter()
        .filter(|c| !c.starts_with("Email") && *c != "Timezone")
        .collect();
    assert_eq!(
        parse(&cells).unwrap_err(),
        [
            ("Email", "missing_column", None),
            ("Timezone", "missing_column", None)
        ]
    );
}

#[test]
fn every_column_is_missing_from_an_empty_header() {
    let errors = Header::parse(std::iter::empty()).unwrap_err();
    assert_eq!(errors.len(), 12);
    assert!(errors.iter().all(|e| e.code() == ErrorCode::MissingColumn));
}

#[test]
fn a_repeated_column_is_reported_at_its_second_cell() {
    let mut cells = template();
    cells.push("email");
    assert_eq!(
        parse(&cells).unwrap_err(),
        [("Email", "duplicate_column", Some(13))]
    );
    let errors = Header::parse(cells.iter().map(|c| c.as_bytes())).unwrap_err();
    assert_eq!(
        errors[0].to_string(),
        "Email appears more than once in the header (again in cell 13)"
    );
}

#[test]
fn an_unknown_column_is_reported_at_its_position_with_its_text() {
    let mut cells = template();
    cells.insert(3, "Nickname");
    cells.push("");
    let errors = Header::parse(cells.iter().map(|c| c.as_bytes())).unwrap_err();
    let found: Vec<_> = errors
        .iter()
        .map(|e| (e.column_name(), e.code().as_str(), e.params().position))
        .collect();
    assert_eq!(
        found,
        [
            ("", "unknown_column", Some(4)),
            ("", "unknown_column", Some(14))
        ]
    );
    assert_eq!(
        errors[0].to_string(),
        r#"header cell 4 ("Nickname") is not a column of the Users migration template"#
    );
    assert_eq!(
        errors[1].to_string(),
        r#"header cell 14 ("") is not a column of the Users migration template"#
    );
    let json = serde_json::to_string(&errors[0]).unwrap();
    assert_eq!(
        json,
        r#"{"column":"","code":"unknown_column","message":"header cell 4 (\"Nickname\") is not a column of the Users migration template","params":{"position":4}}"#
    );
}

#[test]
fn an_unknown_cells_text_is_escaped_and_cut() {
    let mut cells: Vec<&str> = template();
    // A forged log line, a right-to-left override, a quote, and a long name.
    cells.push("x\n2026-11-30T00:00:00Z INFO forged\u{1b}[31m");
    cells.push("a\u{202e}b\"c");
    let long = "é".repeat(100);
    cells.push(&long);
    let errors = Header::parse(cells.iter().map(|c| c.as_bytes())).unwrap_err();
    let messages: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(
        messages[0],
        r#"header cell 13 ("x\n2026-11-30T00:00:00Z INFO forged\u001b[31m") is not a column of the Users migration template"#
    );
    assert_eq!(
        messages[1],
        r#"header cell 14 ("a\u202eb\"c") is not a column of the Users migration template"#
    );
    let cut = format!(
        r#"header cell 15 ("{}…") is not a column of the Users migration template"#,
        "é".repeat(cleeng_register_migration::RecordError::MAX_CELL_CHARS)
    );
    assert_eq!(messages[2], cut);
    for m in &messages {
        assert!(!m.contains('\n') && !m.contains('\u{1b}') && !m.contains('\u{202e}'));
    }
}

#[test]
fn a_cell_that_is_not_utf8_is_named_lossily() {
    let mut cells: Vec<&[u8]> = template().iter().map(|c| c.as_bytes()).collect();
    cells.push(b"Nick\xffname");
    let errors = Header::parse(cells).unwrap_err();
    assert_eq!(
        errors[0].to_string(),
        "header cell 13 (\"Nick\u{fffd}name\") is not a column of the Users migration template"
    );
}

#[test]
fn a_header_cell_that_is_not_utf8_is_unknown() {
    let mut cells: Vec<&[u8]> = template().iter().map(|c| c.as_bytes()).collect();
    cells.push(b"\xff\xfe");
    let errors = Header::parse(cells).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].code(), ErrorCode::UnknownColumn);
}

#[test]
fn missing_comes_before_cell_errors_which_come_in_cell_order() {
    let errors = parse(&["Nickname", "Email", "EMAIL*"]).unwrap_err();
    assert_eq!(errors.len(), 11 + 2);
    assert_eq!(errors[0], ("First Name", "missing_column", None));
    assert_eq!(errors[11], ("", "unknown_column", Some(1)));
    assert_eq!(errors[12], ("Email", "duplicate_column", Some(3)));
}

#[test]
fn a_first_line_that_names_no_column_is_a_record_and_is_not_quoted() {
    // A file exported without its header: the first line is a customer's record.
    let record = [
        "Jane",
        "Doe",
        "jane@example.com",
        "en_US",
        "",
        "",
        "US",
        "USD",
        "8.8.8.8",
        "",
        "crm-1",
        "",
    ];
    let errors = Header::parse(record.iter().map(|c| c.as_bytes())).unwrap_err();
    let unknown: Vec<String> = errors
        .iter()
        .filter(|e| e.code() == ErrorCode::UnknownColumn)
        .map(|e| e.to_string())
        .collect();
    assert_eq!(unknown.len(), record.len());
    assert_eq!(
        unknown[0],
        "header cell 1 is not a column of the Users migration template"
    );
    for (message, value) in unknown.iter().zip(record) {
        assert!(value.is_empty() || !message.contains(value), "{message}");
    }
}
