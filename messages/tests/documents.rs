//! The messages documents per language, checked in under `schema/messages/<lang>.json`
//! (`CLEENG_UPDATE_SCHEMA=1 cargo test -p cleeng-register-messages checked_in` rewrites
//! them), hold the catalog's words with the core document's codes and params.

use cleeng_register::messages;
use cleeng_register::Policy;
use cleeng_register_messages::{document, Catalog, Language};
use serde_json::Value;

#[test]
fn checked_in_messages_documents_are_current() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../schema/messages");
    if std::env::var_os("CLEENG_UPDATE_SCHEMA").is_some() {
        std::fs::create_dir_all(dir).unwrap();
    }
    for language in Language::ALL {
        let path = format!("{dir}/{}.json", language.tag());
        let document = document::document(language, &Policy::default());
        let text = format!("{}\n", serde_json::to_string_pretty(&document).unwrap());
        if std::env::var_os("CLEENG_UPDATE_SCHEMA").is_some() {
            std::fs::write(&path, &text).unwrap();
        }
        let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            on_disk == text,
            "{path} is out of date: run `CLEENG_UPDATE_SCHEMA=1 cargo test -p cleeng-register-messages checked_in`"
        );
    }
}

/// Every member of `value`, with its path, except `message` and `label`.
fn skeleton(value: &Value, path: &str, out: &mut Vec<(String, Value)>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                if k != "message" && k != "label" && k != "language" {
                    skeleton(v, &format!("{path}/{k}"), out);
                }
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                skeleton(v, &format!("{path}/{i}"), out);
            }
        }
        other => out.push((path.to_owned(), other.clone())),
    }
}

#[test]
fn each_document_is_the_cores_with_the_words_of_its_language() {
    let catalog = Catalog::get();
    let listed =
        Policy::from_json(br#"{"allowedCurrencies":["EUR"],"allowedLocales":["pl_PL"]}"#).unwrap();
    for policy in [Policy::default(), listed] {
        let core = messages::document(&policy);
        let mut expected = Vec::new();
        skeleton(&core, "", &mut expected);
        for language in Language::ALL {
            let ours = document::document(language, &policy);
            let mut got = Vec::new();
            skeleton(&ours, "", &mut got);
            assert_eq!(got, expected, "{language}");
            assert_eq!(ours["language"], language.tag());
            let password = &ours["fields"][1];
            assert_eq!(
                password["label"],
                catalog.field_label(language, cleeng_register::Field::Password)
            );
            // Every message was worded by the catalog: none is the core's English, except
            // where the languages agree.
            if language != Language::En {
                assert_ne!(
                    password["rules"][0]["message"],
                    core["fields"][1]["rules"][0]["message"]
                );
            }
        }
    }
}
