//! The messages document of the core (`cleeng_register::messages`) in each
//! language: the same document, every rule with the same code and params, with each
//! `message` worded by the catalog, each field's `label`, and the `language`.
//!
//! The repository keeps one per language under `schema/messages/<lang>.json` (a test holds
//! them to the catalog; `CLEENG_UPDATE_SCHEMA=1 cargo test -p cleeng-register-messages
//! checked_in` rewrites them). The core's own `schema/messages.json` keeps the core's
//! English sentences (its `Display`); `schema/messages/en.json` has the catalog's English,
//! which customers see.
//!
//! ```
//! use cleeng_register::Policy;
//! use cleeng_register_messages::{document, Language};
//! let de = document::document(Language::De, &Policy::default());
//! assert_eq!(de["language"], "de");
//! assert_eq!(de["fields"][0]["label"], "E-Mail-Adresse");
//! assert_eq!(de["fields"][0]["rules"][0]["message"], "Das Feld „E-Mail-Adresse“ ist erforderlich.");
//! ```

use cleeng_register::error::Params;
use cleeng_register::messages;
use cleeng_register::{ErrorCode, Field, Policy};
use serde_json::{json, Value};

use crate::{Catalog, Language, Subject};

/// The messages document for `policy` in `language`.
pub fn document(language: Language, policy: &Policy) -> Value {
    let catalog = Catalog::get();
    let mut document = messages::document(policy);
    let word = |subject: Subject, rule: &mut Value, code: &Value| {
        let Some(code) = code.as_str().and_then(|c| c.parse::<ErrorCode>().ok()) else {
            return;
        };
        let params = &rule["params"];
        let number = |name: &str| params[name].as_u64().and_then(|n| u32::try_from(n).ok());
        let mut limits = Params::NONE;
        limits.min = number("min");
        limits.max = number("max");
        let suggestion = params["suggestion"].as_str().map(str::to_owned);
        let message =
            catalog.request_message_of(language, subject, code, &limits, suggestion.as_deref());
        rule["message"] = json!(catalog.render(language, &message));
    };
    for entry in document["fields"].as_array_mut().into_iter().flatten() {
        let Some(field) = entry["key"].as_str().and_then(|k| k.parse::<Field>().ok()) else {
            continue;
        };
        let subject = Subject::Field(field);
        entry["label"] = json!(catalog.field_label(language, field));
        for rule in entry["rules"].as_array_mut().into_iter().flatten() {
            let code = rule["code"].clone();
            word(subject, rule, &code);
            // `get_mut`: indexing a missing member mutably would add it as `null`.
            let suggestions = rule.get_mut("suggestions").and_then(Value::as_array_mut);
            for suggestion in suggestions.into_iter().flatten() {
                word(subject, suggestion, &code);
            }
        }
        let duplicate = &mut entry["duplicate"];
        let code = duplicate["code"].clone();
        word(subject, duplicate, &code);
    }
    for (list, subject) in [("root", Subject::Body), ("otherKeys", Subject::OtherKey)] {
        for rule in document[list].as_array_mut().into_iter().flatten() {
            let code = rule["code"].clone();
            word(subject, rule, &code);
        }
    }
    document["language"] = json!(language.tag());
    document
}
