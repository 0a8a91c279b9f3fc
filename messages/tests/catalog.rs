#![cfg(feature = "migration")]
//! The catalog is complete and consistent: every language has every message, each with the
//! variables the crate gives it, and every message the crate builds renders without a
//! Fluent error.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use cleeng_register::messages;
use cleeng_register::{ErrorCode, Field, Policy};
use cleeng_register_messages::{Arg, Catalog, Language, Message, Subject};
use cleeng_register_migration::{Column, RecordRules, UsersFile};
use fluent_syntax::ast;

fn ids(language: Language) -> Vec<&'static str> {
    Catalog::get().ids(language).collect()
}

#[test]
fn every_file_parses_and_defines_each_id_once() {
    for language in Language::ALL {
        let resource = fluent_syntax::parser::parse(Catalog::source(language))
            .unwrap_or_else(|(_, errors)| panic!("{language}: {errors:?}"));
        let junk = resource
            .body
            .iter()
            .filter(|e| matches!(e, ast::Entry::Junk { .. }))
            .count();
        assert_eq!(junk, 0, "{language}");
        let all = ids(language);
        let unique: BTreeSet<_> = all.iter().collect();
        assert_eq!(unique.len(), all.len(), "{language} defines an id twice");
        // Terms and attributes would be invisible to the id checks below.
        assert!(resource
            .body
            .iter()
            .all(|e| !matches!(e, ast::Entry::Term(_))));
    }
}

#[test]
fn every_language_has_exactly_the_ids_of_english() {
    let english: BTreeSet<_> = ids(Language::En).into_iter().collect();
    for language in Language::ALL {
        let theirs: BTreeSet<_> = ids(language).into_iter().collect();
        let missing: Vec<_> = english.difference(&theirs).collect();
        let extra: Vec<_> = theirs.difference(&english).collect();
        assert!(missing.is_empty(), "{language} lacks {missing:?}");
        assert!(
            extra.is_empty(),
            "{language} has ids English has not: {extra:?}"
        );
    }
}

#[test]
fn every_language_uses_the_variables_of_english() {
    let catalog = Catalog::get();
    for id in ids(Language::En) {
        let english = catalog.variables(Language::En, id);
        for language in Language::ALL {
            assert_eq!(catalog.variables(language, id), english, "{language} {id}");
        }
    }
}

#[test]
fn every_message_the_crate_builds_exists_gets_exactly_its_variables_and_renders() {
    let catalog = Catalog::get();
    for language in Language::ALL {
        for (what, message) in common::all_messages(language) {
            assert!(
                catalog.has(language, message.id()),
                "{language} {what}: {message:?}"
            );
            let given: BTreeSet<&str> = message.args().iter().map(|(name, _)| *name).collect();
            let used = catalog.variables(language, message.id());
            assert_eq!(given, used, "{language} {what}: {message:?}");
            let text = catalog
                .try_render(language, &message)
                .unwrap_or_else(|e| panic!("{language} {what}: {e:?}"));
            assert!(!text.trim().is_empty(), "{language} {what}");
            // An unresolved placeable, an isolation mark or an id leaking into the text.
            assert!(
                !text.contains(['{', '}', '\u{2068}', '\u{2069}']),
                "{language} {what}: {text}"
            );
            assert!(
                !text.contains("field-") && !text.contains("column-"),
                "{text}"
            );
        }
    }
}

/// The catch-all messages, for a code at a place the readers never report it.
fn is_catch_all(message: &Message) -> bool {
    matches!(
        message.id(),
        "request-invalid"
            | "request-invalid-body"
            | "request-invalid-key"
            | "migration-invalid-record"
    )
}

#[test]
fn every_error_the_request_reader_reports_has_a_message_of_its_own() {
    let catalog = Catalog::get();
    let listed = Policy::from_json(
        br#"{"allowedCurrencies":["EUR"],"allowedLocales":["en_US"],"customerIp":"required"}"#,
    )
    .unwrap();
    for policy in [Policy::default(), listed] {
        let document = messages::document(&policy);
        let mut cases: Vec<(Subject, ErrorCode, cleeng_register::error::Params)> = Vec::new();
        for entry in document["fields"].as_array().unwrap() {
            let field: Field = entry["key"].as_str().unwrap().parse().unwrap();
            for rule in entry["rules"].as_array().unwrap() {
                let code = rule["code"].as_str().unwrap().parse().unwrap();
                let mut params = cleeng_register::error::Params::NONE;
                params.min = rule["params"]["min"].as_u64().map(|n| n as u32);
                params.max = rule["params"]["max"].as_u64().map(|n| n as u32);
                cases.push((Subject::Field(field), code, params));
                if rule.get("suggestions").is_some() {
                    cases.push((
                        Subject::Field(field),
                        code,
                        cleeng_register::error::Params::suggestion("GB"),
                    ));
                }
            }
            let duplicate = cleeng_register::error::Params::NONE;
            cases.push((Subject::Field(field), ErrorCode::DuplicateField, duplicate));
        }
        for (list, subject) in [("root", Subject::Body), ("otherKeys", Subject::OtherKey)] {
            for rule in document[list].as_array().unwrap() {
                let code = rule["code"].as_str().unwrap().parse().unwrap();
                let mut params = cleeng_register::error::Params::NONE;
                params.max = rule["params"]["max"].as_u64().map(|n| n as u32);
                cases.push((subject, code, params));
            }
        }
        assert!(cases.len() > 60, "{}", cases.len());
        for language in Language::ALL {
            for (subject, code, params) in &cases {
                let message = catalog.request_message(language, *subject, *code, params);
                assert!(!is_catch_all(&message), "{language} {subject:?} {code}");
                assert!(
                    !message.id().ends_with("-bare"),
                    "{language} {subject:?} {code}"
                );
            }
        }
    }
}

#[test]
fn every_error_of_a_migration_file_has_a_message_of_its_own() {
    let catalog = Catalog::get();
    let rules = || RecordRules::new(Policy::default(), "2025-06-30".parse().unwrap());
    // A header with a column twice, one missing and one unknown.
    let mut cells: Vec<&str> = Column::ALL.iter().map(|c| c.template_name()).collect();
    cells[11] = "Email";
    cells.push("Nickname");
    let header_errors = UsersFile::new(rules(), cells.iter().map(|c| c.as_bytes()))
        .map(|_| ())
        .expect_err("the header is refused");
    // Header errors, and a malformed record (a field short).
    let mut errors = header_errors.errors().to_vec();
    let header = Column::ALL.map(|c| c.template_name().as_bytes());
    let mut file = UsersFile::new(rules(), header).unwrap();
    let rows: [[&str; 12]; 5] = [
        [
            " Jane",
            "Doe\u{7}",
            "jane@example",
            "en-US",
            "2025-02-30",
            "2026-01-01",
            "UK",
            "usd",
            "",
            "Mars/Base",
            " x",
            "a b",
        ],
        [
            "",
            "",
            "",
            "",
            "2025-01-01",
            "2025-02-01",
            "",
            "",
            "",
            "",
            "",
            "",
        ],
        [
            "",
            "",
            "jane@example.com",
            "en_US",
            "",
            "",
            "US",
            "EUR",
            "",
            "",
            "id-1",
            "",
        ],
        [
            "",
            "",
            "JANE@example.com",
            "zz_PL",
            "",
            "",
            "XX",
            "XTS",
            "8.8.8.300",
            "",
            "id-1",
            "",
        ],
        [
            "",
            "",
            "joe@example.com",
            "en_UK",
            "",
            "",
            "CA",
            "",
            "",
            "",
            "",
            "",
        ],
    ];
    let short = file.check(9, [&b"x"[..]]);
    errors.extend_from_slice(short.errors());
    for (i, row) in rows.iter().enumerate() {
        let report = file.check(i as u64 + 2, row.map(str::as_bytes));
        errors.extend_from_slice(report.errors());
    }
    let codes: BTreeSet<&str> = errors.iter().map(|e| e.code().as_str()).collect();
    assert!(codes.len() >= 12, "{codes:?}");
    for language in Language::ALL {
        for error in &errors {
            let message =
                catalog.migration_message(language, error.column(), error.code(), error.params());
            assert!(!is_catch_all(&message), "{language} {error:?}");
            let text = catalog.record_error(language, error);
            assert!(!text.is_empty());
        }
    }
}

#[test]
fn labels_are_distinct_within_each_language() {
    let catalog = Catalog::get();
    for language in Language::ALL {
        let labels: BTreeSet<String> = Field::ALL
            .iter()
            .map(|f| catalog.field_label(language, *f))
            .collect();
        assert_eq!(labels.len(), Field::ALL.len(), "{language}");
        let columns: BTreeSet<String> = Column::ALL
            .iter()
            .map(|c| catalog.column_label(language, *c))
            .collect();
        assert_eq!(columns.len(), Column::ALL.len(), "{language}");
    }
}

#[test]
fn messages_name_the_field_by_its_label_never_its_key() {
    let catalog = Catalog::get();
    for language in Language::ALL {
        for field in Field::ALL {
            let message = catalog.request_message(
                language,
                Subject::Field(field),
                ErrorCode::Missing,
                &cleeng_register::error::Params::NONE,
            );
            let text = catalog.render(language, &message);
            assert!(
                text.contains(&catalog.field_label(language, field)),
                "{text}"
            );
            // Unless the label holds the word itself ("Indirizzo email").
            let label = catalog.field_label(language, field).to_lowercase();
            if !label.contains(&field.as_str().to_lowercase()) {
                assert!(!text.contains(field.as_str()), "{language}: {text}");
            }
        }
    }
}

/// Writes every message rendered in every language, for the Node check
/// (`messages/node/compare.mjs`), where `CLEENG_MESSAGES_RENDERED` names the file.
#[test]
fn rendered_messages_for_the_browser_check() {
    let Ok(path) = std::env::var("CLEENG_MESSAGES_RENDERED") else {
        return;
    };
    let catalog = Catalog::get();
    let mut out = String::new();
    for language in Language::ALL {
        let mut seen = std::collections::HashSet::new();
        for (_, message) in common::all_messages(language) {
            if !seen.insert(message.clone()) {
                continue;
            }
            let args: BTreeMap<&str, serde_json::Value> = message
                .args()
                .iter()
                .map(|(name, arg)| {
                    let value = match arg {
                        Arg::Number(n) => serde_json::json!(n),
                        Arg::Text(text) => serde_json::json!({ "text": text }),
                        Arg::Label(id) => serde_json::json!({ "label": id }),
                    };
                    (*name, value)
                })
                .collect();
            let line = serde_json::json!({
                "lang": language.tag(),
                "id": message.id(),
                "args": args,
                "text": catalog.render(language, &message),
            });
            out.push_str(&line.to_string());
            out.push('\n');
        }
    }
    std::fs::write(&path, out).unwrap();
}
