//! The messages document says what the server says: for invalid bodies under three policies,
//! every error's code, params and sentence are the document's; its patterns pick the crate's
//! code where one schema keyword states several rules; every rule it lists is one the crate
//! reports; and the checked-in `schema/messages.json` is current.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex, OnceLock};

use crate::util::gen::any_value_for;
use cleeng_register::error::Params;
use cleeng_register::messages;
use cleeng_register::*;
use proptest::prelude::*;
use serde_json::{json, Map, Value};

/// The default policy, one with allow-lists, a required `customerIP` and room for unknown
/// keys, and one that requires `customerIP` for some countries and allows shallow data only.
fn policies() -> &'static [(Policy, Value)] {
    static POLICIES: OnceLock<Vec<(Policy, Value)>> = OnceLock::new();
    POLICIES.get_or_init(|| {
        let strict = Policy::from_json(
            br#"{"allowedCurrencies":["USD","EUR","PLN"],"allowedLocales":["en_US","pl_PL","fil"],
                 "customerIp":"required","allowUnknownFields":true,"maxExternalDataBytes":100,
                 "maxBodyBytes":20000,"maxErrors":5}"#,
        )
        .unwrap();
        let regional = Policy::from_json(
            br#"{"customerIp":{"requiredFor":["US","CA"]},"allowInternationalEmail":true,"maxExternalDataDepth":3}"#,
        )
        .unwrap();
        [Policy::default(), strict, regional]
            .into_iter()
            .map(|p| {
                let document = messages::document(&p);
                (p, document)
            })
            .collect()
    })
}

/// Whether `value` matches the ECMA-262 `pattern`, as a JSON Schema validator reads it.
fn matches(pattern: &str, value: &str) -> bool {
    static COMPILED: OnceLock<Mutex<HashMap<String, Arc<jsonschema::Validator>>>> = OnceLock::new();
    let validator = COMPILED
        .get_or_init(Default::default)
        .lock()
        .unwrap()
        .entry(pattern.to_owned())
        .or_insert_with(|| {
            Arc::new(
                jsonschema::options()
                    .with_draft(jsonschema::Draft::Draft202012)
                    .build(&json!({ "pattern": pattern }))
                    .unwrap_or_else(|e| panic!("{pattern}: {e}")),
            )
        })
        .clone();
    validator.is_valid(&json!(value))
}

fn rules(entry: &Value) -> &[Value] {
    entry["rules"].as_array().unwrap()
}

fn field_entry<'d>(document: &'d Value, key: &str) -> &'d Value {
    document["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["key"] == key)
        .unwrap_or_else(|| panic!("no field {key}"))
}

fn rule_for(list: &[Value], code: ErrorCode) -> Option<&Value> {
    list.iter().find(|r| r["code"] == code.as_str())
}

fn params_json(params: &Params) -> Value {
    if params.is_empty() {
        Value::Null
    } else {
        serde_json::to_value(params).unwrap()
    }
}

/// The codes a schema keyword decides alone (`required` and `type`, `minLength`,
/// `maxLength`): every other refusal is told apart by the document's patterns.
const KEYWORD_CODES: [ErrorCode; 5] = [
    ErrorCode::Missing,
    ErrorCode::NotAString,
    ErrorCode::TooShort,
    ErrorCode::TooLong,
    ErrorCode::TooLarge,
];

/// The codes the document's patterns pick for a value the schema refused: the form's rule.
fn picked_by_patterns(entry: &Value, value: &str) -> Vec<String> {
    let mut shape = rules(entry)
        .iter()
        .filter(|r| !KEYWORD_CODES.iter().any(|c| r["code"] == c.as_str()));
    let broken = |r: &&Value| r["pattern"].as_str().is_none_or(|p| !matches(p, value));
    let code = |r: &Value| r["code"].as_str().unwrap().to_owned();
    if entry["reports"] == "every" {
        shape
            .filter(|r| r["pattern"].is_string())
            .filter(broken)
            .map(code)
            .collect()
    } else {
        shape.find(broken).map(code).into_iter().collect()
    }
}

/// A rule or a suggestion of the document, named for the coverage check.
type Hit = (usize, String, String, Option<String>);

/// Checks every error of the crate's verdict on `body` against `policy`'s document and
/// returns what it used.
fn check_body(policy: usize, body: &[u8], value_of: &Map<String, Value>) -> Vec<Hit> {
    let (p, document) = &policies()[policy];
    let Err(report) = RegisterRequest::from_json(body, p) else {
        return Vec::new();
    };
    let mut hits = Vec::new();
    let mut shape_codes: HashMap<Field, Vec<String>> = HashMap::new();
    for error in report.errors() {
        let (section, list) = match (error.pointer(), error.field()) {
            ("", _) => ("root".to_owned(), &document["root"].as_array().unwrap()[..]),
            (_, Some(field)) if error.code() == ErrorCode::DuplicateField => {
                let entry = field_entry(document, field.as_str());
                let duplicate = std::slice::from_ref(&entry["duplicate"]);
                (format!("{field} duplicate"), duplicate)
            }
            (_, Some(field)) => {
                let entry = field_entry(document, field.as_str());
                (
                    field.as_str().to_owned(),
                    &entry["rules"].as_array().unwrap()[..],
                )
            }
            (_, None) => (
                "otherKeys".to_owned(),
                &document["otherKeys"].as_array().unwrap()[..],
            ),
        };
        let rule = rule_for(list, error.code())
            .unwrap_or_else(|| panic!("policy {policy}: {section} has no rule {}", error.code()));
        let text = error
            .field()
            .and_then(|f| value_of.get(f.as_str()))
            .and_then(Value::as_str);
        let suggestions = rule["suggestions"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let suggested = text.and_then(|t| {
            suggestions
                .iter()
                .find(|s| matches(s["pattern"].as_str().unwrap(), t))
        });
        let (said, suggestion) = match suggested {
            Some(s) => (s, s["params"]["suggestion"].as_str().map(str::to_owned)),
            None => (rule, None),
        };
        assert_eq!(
            said["message"],
            error.to_string(),
            "policy {policy}: {section} {}",
            error.code()
        );
        assert_eq!(
            said["params"],
            params_json(error.params()),
            "policy {policy}: {section} {}",
            error.code()
        );
        hits.push((policy, section, error.code().to_string(), suggestion));
        if let (Some(field), Some(_)) = (error.field(), text) {
            if !KEYWORD_CODES.contains(&error.code()) {
                shape_codes
                    .entry(field)
                    .or_default()
                    .push(error.code().to_string());
            }
        }
    }
    // Where the crate reports a rule no keyword decides alone, the patterns pick it (but in
    // externalData, whose JSON content no schema keyword checks).
    for (field, codes) in shape_codes {
        if field == Field::ExternalData {
            continue;
        }
        let value = value_of[field.as_str()].as_str().unwrap();
        let picked = picked_by_patterns(field_entry(document, field.as_str()), value);
        assert_eq!(picked, codes, "policy {policy}: {field} {value:?}");
    }
    hits
}

fn check_map(policy: usize, body: &Map<String, Value>) -> Vec<Hit> {
    check_body(policy, &crate::util::bytes(body), body)
}

/// Values for each field that break each of its rules, and the bodies for the root and
/// other-key rules: together they reach every rule of every policy's document.
fn edits() -> Vec<(&'static str, Option<Value>)> {
    let deep = format!("{}1{}", r#"{"a":"#.repeat(33), "}".repeat(33));
    let large = format!(r#"{{"a":"{}"}}"#, "x".repeat(16384));
    let mut edits: Vec<(&str, Option<Value>)> = vec![
        (
            "email",
            Some(json!(format!("{}@example.com", "x".repeat(250)))),
        ),
        ("email", Some(json!("jane@localhost"))),
        ("password", Some(json!("abc1234"))),
        ("password", Some(json!(format!("a1{}", "b".repeat(80))))),
        ("password", Some(json!("12345678"))),
        ("password", Some(json!("abcdefgh"))),
        ("password", Some(json!(""))),
        ("password", Some(json!("abc\u{0}defg1"))),
        ("password", Some(json!("\t"))),
        ("offerId", Some(json!("S1_US"))),
        ("offerId", Some(json!("X565568989_US"))),
        ("offerId", Some(json!("S565568989_XX"))),
        ("offerId", Some(json!("S565568989_UK"))),
        ("offerId", None),
        ("publisherId", Some(json!("12"))),
        ("locale", Some(json!("en-US"))),
        ("locale", Some(json!("en_XX"))),
        ("locale", Some(json!("en_UK"))),
        ("locale", Some(json!("de_DE"))),
        // A language's rule after an unassigned region's, and the special codes.
        ("locale", Some(json!("iw_XX"))),
        ("locale", Some(json!("iw_UK"))),
        ("locale", Some(json!("und"))),
        ("locale", Some(json!("zz_PL"))),
        ("country", Some(json!("us"))),
        ("country", Some(json!("XX"))),
        ("country", Some(json!("UK"))),
        ("currency", Some(json!("usd"))),
        ("currency", Some(json!("XTS"))),
        ("currency", Some(json!("GBP"))),
        ("externalData", Some(json!(large))),
        ("externalData", Some(json!("{"))),
        ("externalData", Some(json!(deep))),
        (
            "externalData",
            Some(json!(format!("{}{}", "[".repeat(33), "]".repeat(33)))),
        ),
        ("externalData", Some(json!("[1]"))),
        ("customerIP", Some(json!("1.2.3"))),
        ("customerIP", None),
        ("captchaValue", Some(json!(""))),
        ("captchaValue", Some(json!("a".repeat(8193)))),
        ("captchaValue", Some(json!("a b"))),
        ("nickname", Some(json!("Jay"))),
    ];
    for key in ["firstName", "lastName", "externalId"] {
        edits.extend([
            (key, Some(json!(""))),
            (key, Some(json!("a".repeat(256)))),
            (key, Some(json!("Ja\u{7}ne"))),
            (key, Some(json!("Ja\u{202e}ne"))),
            (key, Some(json!(" Jane"))),
            (key, Some(json!("A\u{e0041}\u{e0042}"))),
            (key, Some(json!("x\u{2029}y"))),
            (key, Some(json!("\u{200b}"))),
            (key, Some(json!("\u{3164}"))),
        ]);
    }
    // Every deprecated language the document suggests a replacement for, alone and with a
    // region.
    let document = &policies()[0].1;
    let unknown = rule_for(
        rules(field_entry(document, "locale")),
        ErrorCode::UnknownCode,
    )
    .unwrap();
    for s in unknown["suggestions"].as_array().unwrap() {
        let pattern = s["pattern"].as_str().unwrap();
        if let Some(language) = pattern
            .strip_prefix('^')
            .and_then(|p| p.strip_suffix("(?:_[A-Z]{2})?$"))
        {
            edits.push(("locale", Some(json!(language))));
            edits.push(("locale", Some(json!(format!("{language}_PL")))));
        }
    }
    for field in Field::ALL {
        edits.extend([
            (field.as_str(), Some(json!(7))),
            (field.as_str(), Some(Value::Null)),
        ]);
    }
    edits
}

/// Bodies that are not a typical body with one edit.
fn whole_bodies() -> Vec<Vec<u8>> {
    let typical = String::from_utf8(crate::util::bytes(&crate::util::typical())).unwrap();
    let with_keys = |keys: Vec<String>| {
        let pairs: Vec<String> = keys.iter().map(|key| format!(r#""{key}":"x""#)).collect();
        format!("{},{}}}", &typical[..typical.len() - 1], pairs.join(",")).into_bytes()
    };
    let mut bodies = vec![
        b"[]".to_vec(),
        vec![b' '; 70_000],
        with_keys(vec!["nickname".into(), "nickname".into()]),
        // More errors than any policy here lists.
        with_keys((0..120).map(|i| format!("key{i}")).collect()),
        with_keys(Field::ALL.map(|f| f.as_str().to_owned()).into()),
    ];
    bodies.extend(Field::ALL.map(|f| with_keys(vec![f.as_str().to_owned(); 2])));
    bodies
}

#[test]
fn every_error_of_invalid_bodies_is_worded_as_the_document_says() {
    let mut hits = BTreeSet::new();
    for policy in 0..policies().len() {
        for (key, value) in edits() {
            let mut body = crate::util::typical();
            match value {
                Some(v) => body.insert(key.to_owned(), v),
                None => body.remove(key),
            };
            hits.extend(check_map(policy, &body));
        }
        for bytes in whole_bodies() {
            hits.extend(check_body(policy, &bytes, &Map::new()));
        }
    }
    // Every rule and every suggestion of every document is one the crate reported.
    for (policy, (_, document)) in policies().iter().enumerate() {
        let mut listed = Vec::new();
        for entry in document["fields"].as_array().unwrap() {
            let key = entry["key"].as_str().unwrap();
            for rule in rules(entry) {
                let code = rule["code"].as_str().unwrap();
                listed.push((key.to_owned(), code.to_owned(), None));
                for s in rule["suggestions"].as_array().into_iter().flatten() {
                    let suggestion = s["params"]["suggestion"].as_str().map(str::to_owned);
                    listed.push((key.to_owned(), code.to_owned(), suggestion));
                }
            }
        }
        for entry in document["fields"].as_array().unwrap() {
            let key = entry["key"].as_str().unwrap();
            listed.push((
                format!("{key} duplicate"),
                "duplicate_field".to_owned(),
                None,
            ));
        }
        for section in ["root", "otherKeys"] {
            for rule in document[section].as_array().unwrap() {
                let code = rule["code"].as_str().unwrap();
                listed.push((section.to_owned(), code.to_owned(), None));
            }
        }
        for (section, code, suggestion) in listed {
            let hit = (policy, section, code, suggestion);
            assert!(hits.contains(&hit), "never reported: {hit:?}");
        }
    }
}

#[test]
fn the_form_cases_read_as_the_server_writes_them() {
    let document = &policies()[0].1;
    let rule = |key: &str, code: ErrorCode| {
        rule_for(rules(field_entry(document, key)), code).unwrap()["message"].clone()
    };
    assert_eq!(
        rule("email", ErrorCode::InvalidFormat),
        "email must be a valid email address"
    );
    assert_eq!(
        rule("password", ErrorCode::TooShort),
        "password must be at least 8 characters long"
    );
    let unknown = rule_for(
        rules(field_entry(document, "country")),
        ErrorCode::UnknownCode,
    )
    .unwrap();
    assert_eq!(
        unknown["suggestions"],
        json!([{"pattern": "^UK$", "params": {"suggestion": "GB"},
                "message": "country must be an assigned ISO 3166-1 alpha-2 country code (did you mean GB?)"}])
    );
    assert_eq!(
        rule("externalData", ErrorCode::TooLarge),
        "externalData must be at most 16384 bytes"
    );
    let strict = &policies()[1].1;
    assert_eq!(
        rule_for(
            rules(field_entry(strict, "externalData")),
            ErrorCode::TooLarge
        )
        .unwrap()["message"],
        "externalData must be at most 100 bytes"
    );
}

#[test]
fn the_document_lists_what_the_policy_allows() {
    let codes = |document: &Value, key: &str| -> Vec<String> {
        rules(field_entry(document, key))
            .iter()
            .map(|r| r["code"].as_str().unwrap().to_owned())
            .collect()
    };
    let [default, strict, regional] = [0, 1, 2].map(|i| &policies()[i].1);
    assert_eq!(
        codes(default, "currency"),
        ["missing", "not_a_string", "invalid_format", "unknown_code"]
    );
    assert_eq!(
        codes(strict, "currency"),
        [
            "missing",
            "not_a_string",
            "invalid_format",
            "unknown_code",
            "not_supported"
        ]
    );
    assert_eq!(
        codes(default, "customerIP"),
        ["not_a_string", "invalid_format"]
    );
    assert_eq!(codes(regional, "customerIP")[0], "missing");
    let other_keys = |document: &Value| document["otherKeys"].as_array().unwrap().len();
    assert_eq!((other_keys(default), other_keys(strict)), (2, 0));
    let fields: Vec<&str> = default["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["key"].as_str().unwrap())
        .collect();
    assert_eq!(fields, Field::ALL.map(Field::as_str));
}

/// The document's patterns restate the schema's where both state one rule.
#[test]
fn the_patterns_agree_with_the_schema() {
    let document = &policies()[0].1;
    let schema = schema::request_schema(&Policy::default());
    let pattern = |key: &str, code: ErrorCode| {
        rule_for(rules(field_entry(document, key)), code).unwrap()["pattern"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    // A name's control characters: the same class as in the schema's one pattern.
    for key in ["firstName", "lastName", "externalId"] {
        let controls = pattern(key, ErrorCode::ControlCharacter);
        let class = controls
            .strip_prefix("^[^")
            .and_then(|p| p.strip_suffix("]*$"))
            .unwrap();
        let in_schema = schema["properties"][key]["pattern"].as_str().unwrap();
        assert!(
            in_schema.contains(&format!("[^{class}]*")),
            "{key}: {class} not in {in_schema}"
        );
    }
    let password: BTreeSet<&str> = schema["properties"]["password"]["allOf"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["pattern"].as_str().unwrap())
        .collect();
    let letter = pattern("password", ErrorCode::MissingLetter);
    let digit = pattern("password", ErrorCode::MissingDigitOrSpecial);
    let control = pattern("password", ErrorCode::ControlCharacter);
    assert_eq!(
        password,
        BTreeSet::from([letter.as_str(), digit.as_str(), control.as_str()])
    );
}

#[test]
fn checked_in_messages_file_is_current() {
    let path = "schema/messages.json";
    let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    let text = format!(
        "{}\n",
        serde_json::to_string_pretty(&messages::document(&Policy::default())).unwrap()
    );
    if std::env::var_os("CLEENG_UPDATE_SCHEMA").is_some() {
        std::fs::write(&full, &text).unwrap();
    }
    let on_disk = std::fs::read_to_string(&full).unwrap_or_default();
    assert!(
        on_disk == text,
        "{path} is out of date: run `CLEENG_UPDATE_SCHEMA=1 cargo test --workspace checked_in`"
    );
}

macro_rules! field_laws {
    ($($name:ident: $key:literal;)*) => {
        proptest! {
            // 500 cases per field per run (PROPTEST_CASES overrides).
            #![proptest_config(ProptestConfig::with_cases(crate::util::cases(500)))]
            $(
                #[test]
                fn $name(value in any_value_for($key)) {
                    let mut body = crate::util::typical();
                    body.insert($key.to_owned(), value);
                    for policy in 0..policies().len() {
                        check_map(policy, &body);
                    }
                }
            )*
        }
    };
}

field_laws! {
    email_is_worded_as_documented: "email";
    password_is_worded_as_documented: "password";
    offer_id_is_worded_as_documented: "offerId";
    publisher_id_is_worded_as_documented: "publisherId";
    locale_is_worded_as_documented: "locale";
    country_is_worded_as_documented: "country";
    currency_is_worded_as_documented: "currency";
    first_name_is_worded_as_documented: "firstName";
    last_name_is_worded_as_documented: "lastName";
    external_id_is_worded_as_documented: "externalId";
    external_data_is_worded_as_documented: "externalData";
    customer_ip_is_worded_as_documented: "customerIP";
    captcha_value_is_worded_as_documented: "captchaValue";
}
