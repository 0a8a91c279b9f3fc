//! `--lang`: the same lines, with the catalog's messages in the chosen language.

use clap::Parser;
use cleeng_register::Policy;
use cleeng_register_cli::args::Cli;
use cleeng_register_cli::users::{run_users, run_users_with, Extras, Outputs};
use cleeng_register_cli::validate::{run_validate_as, Format};
use cleeng_register_cli::wording::Wording;
use cleeng_register_messages::{Catalog, Language};
use cleeng_register_migration::RecordRules;
use serde_json::Value;

const REQUESTS: &str = concat!(
    r#"{"email":"jane@localhost","password":"short","locale":"en_US","country":"UK","currency":"EUR","nope":1}"#,
    "\n",
    r#"{"email":"jane@example.com","password":"s3cret-pass","publisherId":"123456789","locale":"de_DE","country":"DE","currency":"EUR"}"#,
    "\n",
);

fn lines(bytes: &[u8]) -> Vec<Value> {
    std::str::from_utf8(bytes)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The line with every `message` taken out, and the messages in order.
fn without_messages(mut line: Value) -> (Value, Vec<String>) {
    let mut messages = Vec::new();
    for list in ["errors", "advisories"] {
        for item in line[list].as_array_mut().unwrap() {
            let message = item.as_object_mut().unwrap().remove("message").unwrap();
            messages.push(message.as_str().unwrap().to_owned());
        }
    }
    (line, messages)
}

fn validate(language: Option<Language>) -> Vec<u8> {
    let mut out = Vec::new();
    let say = Wording::in_language(language);
    run_validate_as(
        REQUESTS.as_bytes(),
        &mut out,
        &Policy::default(),
        Format::Json,
        &say,
    )
    .unwrap();
    out
}

#[test]
fn validate_lines_keep_their_shape_and_take_the_languages_messages() {
    let english = validate(None);
    // Without --lang, the lines are the core's, byte for byte.
    let mut plain = Vec::new();
    cleeng_register_cli::run_validate(REQUESTS.as_bytes(), &mut plain, &Policy::default()).unwrap();
    assert_eq!(english, plain);
    let catalog = Catalog::get();
    for language in Language::ALL {
        let worded = validate(Some(language));
        // The same members in the same order: only the messages differ.
        let strip = |bytes: &[u8]| -> Vec<String> {
            lines(bytes)
                .into_iter()
                .map(|l| without_messages(l).0.to_string())
                .collect()
        };
        assert_eq!(strip(&worded), strip(&english), "{language}");
        let text = String::from_utf8(worded.clone()).unwrap();
        let english_text = String::from_utf8(english.clone()).unwrap();
        for (ours, core) in text.lines().zip(english_text.lines()) {
            let member_order = |l: &str| {
                l.find("\"valid\"") < l.find("\"errors\"")
                    && l.find("\"errors\"") < l.find("\"advisories\"")
            };
            assert!(member_order(ours) && member_order(core));
        }
        let invalid = without_messages(lines(&worded)[0].clone()).1;
        let report = cleeng_register::RegisterRequest::from_json(
            REQUESTS.lines().next().unwrap().as_bytes(),
            &Policy::default(),
        )
        .unwrap_err();
        let expected: Vec<String> = report
            .errors()
            .iter()
            .map(|e| catalog.field_error(language, e).into_owned())
            .collect();
        assert_eq!(invalid, expected, "{language}");
        let valid = without_messages(lines(&worded)[1].clone()).1;
        assert_eq!(
            valid,
            [catalog.advisory(language, cleeng_register::Advisory::CustomerIpMissing)]
        );
    }
    let german = String::from_utf8(validate(Some(Language::De))).unwrap();
    assert!(
        german
            .contains("Das Feld „Land“ muss einen gültigen Ländercode enthalten. Meinten Sie GB?"),
        "{german}"
    );
}

const USERS: &str = "First Name,Last Name,Email*,Locale*,Last login,Create date,Country Code*,Currency*,IP Address,Timezone,External ID,Password Hash\r\n\
    Jane,Doe,jane@example.com,en_US,,,PL,,,,,\r\n\
    Joe,Doe,joe@example,en_US,,2030-01-01,PL,PLN,,,,\r\n\
    Ann,Doe,jane@example.com,en_US,,,US,USD,,,,\r\n";

fn users(language: Option<Language>) -> (Vec<u8>, String) {
    let rules = RecordRules::new(Default::default(), "2025-06-30".parse().unwrap());
    let (mut out, mut csv) = (Vec::new(), Vec::new());
    let outputs = Outputs {
        errors_csv: Some(&mut csv),
        valid: None,
        rejected: None,
    };
    match language {
        Some(language) => {
            let extras = Extras {
                wording: Wording::in_language(Some(language)),
                ..Extras::default()
            };
            run_users_with(USERS.as_bytes(), &mut out, rules, outputs, extras).unwrap()
        }
        None => run_users(USERS.as_bytes(), &mut out, rules, outputs).unwrap(),
    };
    (out, String::from_utf8(csv).unwrap())
}

#[test]
fn users_lines_and_the_errors_csv_take_the_languages_messages() {
    let (english, english_csv) = users(None);
    let (polish, polish_csv) = users(Some(Language::Pl));
    let strip = |bytes: &[u8]| -> Vec<String> {
        lines(bytes)
            .into_iter()
            .map(|l| without_messages(l).0.to_string())
            .collect()
    };
    assert_eq!(strip(&polish), strip(&english));
    let text = String::from_utf8(polish).unwrap();
    assert!(
        text.contains("Nie podano waluty: Cleeng zaimportuje klienta z domyślną walutą EUR."),
        "{text}"
    );
    assert!(polish_csv.starts_with("row,column,code,message\n"));
    assert!(polish_csv.contains("3,Email,invalid_format,\"Pole „Adres e-mail” musi zawierać prawidłowy adres e-mail, np. nazwa@example.com.\""), "{polish_csv}");
    assert!(polish_csv.contains("4,Email,duplicate_value,Pole „Adres e-mail” powtarza wartość z wiersza 2; wartości w pliku nie mogą się powtarzać."), "{polish_csv}");
    // The same rows, columns and codes as in English.
    let keys = |csv: &str| -> Vec<String> {
        csv.lines()
            .map(|l| l.splitn(4, ',').take(3).collect::<Vec<_>>().join(","))
            .collect()
    };
    assert_eq!(keys(&polish_csv), keys(&english_csv));
}

#[test]
fn lang_takes_the_catalogs_tags_and_refuses_others() {
    for (tag, language) in [
        ("de", Language::De),
        ("pl-PL", Language::Pl),
        ("pt_BR", Language::Pt),
    ] {
        let cli = Cli::try_parse_from(["cleeng-register", "validate", "--lang", tag]).unwrap();
        let cleeng_register_cli::args::Command::Validate(args) = cli.command else {
            panic!()
        };
        assert_eq!(args.lang.lang, Some(language));
    }
    for command in ["validate", "users", "messages"] {
        let error = Cli::try_parse_from(["cleeng-register", command, "--lang", "xx"]).unwrap_err();
        assert_eq!(error.exit_code(), 2);
        assert!(error.to_string().contains("not a language of the catalog"));
    }
}

#[test]
fn the_messages_command_writes_the_document_of_its_language() {
    let output = crate::util::run(&["messages", "--lang", "pl"], b"");
    assert!(output.status.success());
    let document: Value = serde_json::from_slice(&output.stdout).unwrap();
    let expected = cleeng_register_messages::document::document(Language::Pl, &Policy::default());
    assert_eq!(document, expected);
    let output = crate::util::run(&["messages"], b"");
    let document: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        document,
        cleeng_register::messages::document(&Policy::default())
    );
    // Through the binary: validate --lang de answers German.
    let output = crate::util::run(&["validate", "--lang", "de"], REQUESTS.as_bytes());
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("Das Feld „Passwort“ muss mindestens 8 Zeichen lang sein."),
        "{text}"
    );
}
