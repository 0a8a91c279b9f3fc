//! The exported JSON Schema says what the crate says: differential tests against the
//! `jsonschema` crate under three policies, the checked-in files, and the shipped examples.

use std::sync::OnceLock;

use crate::util::code_points::{all_chars, code_points, Probe};
use crate::util::gen::{any_value_for, tricky_string, wrong_type};
use cleeng_register::strategies::register_request;
use cleeng_register::*;
use proptest::prelude::*;
use serde_json::{json, Map, Value};

/// The policies every law runs under: the default and two that change each option.
fn policies() -> &'static [(Policy, jsonschema::Validator)] {
    static POLICIES: OnceLock<Vec<(Policy, jsonschema::Validator)>> = OnceLock::new();
    POLICIES.get_or_init(|| {
        let strict = Policy::from_json(
            br#"{"allowedCurrencies":["USD","EUR","PLN"],"allowedLocales":["en_US","pl_PL","fil"],
                 "customerIp":"required","allowUnknownFields":true,"maxExternalDataBytes":64}"#,
        )
        .unwrap();
        let regional = Policy::from_json(
            br#"{"customerIp":{"requiredFor":["US","CA"]},"allowInternationalEmail":true,"maxExternalDataDepth":3}"#,
        )
        .unwrap();
        [Policy::default(), strict, regional]
            .into_iter()
            .map(|p| {
                let validator = compile(&schema::request_schema(&p));
                (p, validator)
            })
            .collect()
    })
}

fn compile(schema: &Value) -> jsonschema::Validator {
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .build(schema)
        .unwrap()
}

/// Rules JSON Schema cannot state, where the crate may refuse what the schema accepts.
fn schema_cannot_express(e: &FieldError) -> bool {
    matches!(
        (e.pointer(), e.code()),
        // The schema's email format is looser (see the README); an international address is
        // measured in UTF-8 bytes, `maxLength` in chars.
        ("/email", ErrorCode::InvalidFormat | ErrorCode::TooLong)
            // Whether ISO 639 assigns the locale's language: the pattern states its shape.
            | ("/locale", ErrorCode::UnknownCode)
            // JSON inside a string, and sizes in bytes.
            | ("/externalData", ErrorCode::TooLarge | ErrorCode::InvalidJson | ErrorCode::TooDeep | ErrorCode::NotAnObject)
    )
}

/// Where `CLEENG_AJV_CORPUS` names a file, every compared body and the crate's verdict is
/// appended to it, for `schema/ajv-check` to replay through Ajv.
fn record(
    policy: usize,
    body: &Map<String, Value>,
    by_crate: &Result<RegisterRequest, ValidationReport>,
) {
    use std::io::Write;
    static CORPUS: OnceLock<Option<std::sync::Mutex<std::fs::File>>> = OnceLock::new();
    let file = CORPUS.get_or_init(|| {
        let path = std::env::var("CLEENG_AJV_CORPUS").ok()?;
        let schemas: Vec<Value> = policies()
            .iter()
            .map(|(p, _)| schema::request_schema(p))
            .collect();
        std::fs::write(
            path.replace(".ndjson", ".schemas.json"),
            serde_json::to_vec(&schemas).unwrap(),
        )
        .unwrap();
        Some(std::sync::Mutex::new(std::fs::File::create(path).unwrap()))
    });
    if let Some(file) = file {
        let explained = by_crate
            .as_ref()
            .err()
            .is_some_and(|r| r.errors().iter().all(schema_cannot_express));
        let line = json!({"policy": policy, "body": body, "crate": by_crate.is_ok(), "explained": explained});
        writeln!(file.lock().unwrap(), "{line}").unwrap();
    }
}

/// The crate's and the schema's verdicts agree, but where the crate is stricter through a
/// rule the schema cannot express.
fn assert_agree(body: &Map<String, Value>) -> Result<(), TestCaseError> {
    let bytes = serde_json::to_vec(body).unwrap();
    let instance = Value::Object(body.clone());
    for (i, (policy, validator)) in policies().iter().enumerate() {
        let by_crate = RegisterRequest::from_json(&bytes, policy);
        let by_schema = validator.is_valid(&instance);
        record(i, body, &by_crate);
        match &by_crate {
            Ok(_) => prop_assert!(
                by_schema,
                "policy {}: crate accepts, schema refuses {}",
                i,
                instance
            ),
            Err(report) if by_schema => prop_assert!(
                report.errors().iter().all(schema_cannot_express),
                "policy {}: schema accepts, crate refuses with {:?}: {}",
                i,
                crate::util::errors_of(&by_crate),
                instance
            ),
            Err(_) => {}
        }
    }
    Ok(())
}

/// A body that the default policy accepts and every test policy accepts too.
fn base() -> Map<String, Value> {
    crate::util::typical()
}

macro_rules! field_laws {
    ($($name:ident: $key:literal;)*) => {
        proptest! {
            // 2,000 cases per field per run (PROPTEST_CASES overrides).
            #![proptest_config(ProptestConfig::with_cases(crate::util::cases(2000)))]
            $(
                #[test]
                fn $name(value in any_value_for($key)) {
                    let mut body = base();
                    body.insert($key.to_owned(), value);
                    assert_agree(&body)?;
                }
            )*
        }
    };
}

field_laws! {
    email_agrees: "email";
    password_agrees: "password";
    offer_id_agrees: "offerId";
    publisher_id_agrees: "publisherId";
    locale_agrees: "locale";
    country_agrees: "country";
    currency_agrees: "currency";
    first_name_agrees: "firstName";
    last_name_agrees: "lastName";
    external_id_agrees: "externalId";
    external_data_agrees: "externalData";
    customer_ip_agrees: "customerIP";
    captcha_value_agrees: "captchaValue";
}

fn any_key() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::sample::select(
            Field::ALL
                .iter()
                .map(|f| f.as_str().to_owned())
                .collect::<Vec<_>>()
        ),
        "[a-zA-Z/~]{0,10}",
        tricky_string(6),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::util::cases(2000)))]

    #[test]
    fn unknown_keys_agree(key in any_key(), value in prop_oneof![wrong_type(), tricky_string(8).prop_map(Value::from)]) {
        let mut body = base();
        body.insert(key, value);
        assert_agree(&body)?;
    }

    #[test]
    fn removing_fields_agrees(keys in proptest::sample::subsequence(Field::ALL.to_vec(), 0..=13)) {
        let mut body = base();
        for k in keys {
            body.remove(k.as_str());
        }
        assert_agree(&body)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::util::cases(500)))]

    #[test]
    fn whole_requests_agree(
        request in register_request(),
        edits in proptest::collection::vec(
            proptest::sample::select(Field::ALL.to_vec())
                .prop_flat_map(|f| any_value_for(f.as_str()).prop_map(move |v| (f, v))),
            0..4,
        ),
    ) {
        let mut body = match serde_json::to_value(&request).unwrap() {
            Value::Object(map) => map,
            _ => unreachable!(),
        };
        for (field, value) in edits {
            body.insert(field.as_str().to_owned(), value);
        }
        assert_agree(&body)?;
    }
}

#[test]
fn the_schemas_are_valid_draft_2020_12() {
    for (policy, _) in policies() {
        assert!(jsonschema::meta::is_valid(&schema::request_schema(policy)));
    }
    assert!(jsonschema::meta::is_valid(&schema::result_schema()));
    assert_eq!(
        schema::request_schema(&Policy::default())["$schema"],
        schema::DRAFT_2020_12
    );
}

#[test]
fn a_callers_derived_schema_refers_to_the_body_by_name() {
    #[derive(schemars::JsonSchema)]
    #[allow(dead_code)]
    struct Signup {
        request: RegisterRequest,
        refused_for: ErrorCode,
    }
    let schema = schemars::schema_for!(Signup);
    let schema = schema.as_value();
    assert_eq!(
        schema["properties"]["request"]["$ref"],
        "#/$defs/RegisterRequest"
    );
    let body = &schema["$defs"]["RegisterRequest"];
    let default = schema::request_schema(&Policy::default());
    assert_eq!(body["required"], default["required"]);
    assert_eq!(body["properties"], default["properties"]);
    assert_eq!(
        schema["properties"]["refused_for"]["$ref"],
        "#/$defs/ErrorCode"
    );
    let codes: Vec<&str> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(
        schema["$defs"]["ErrorCode"],
        json!({"type": "string", "enum": codes})
    );
}

#[test]
fn every_property_is_documented_with_an_example() {
    let s = schema::request_schema(&Policy::default());
    let properties = s["properties"].as_object().unwrap();
    assert_eq!(properties.len(), Field::ALL.len());
    for (key, p) in properties {
        assert!(
            p["description"].as_str().is_some_and(|d| d.len() > 20),
            "{key}"
        );
        let example = &p["examples"][0];
        assert!(example.is_string(), "{key}");
        // Each example is itself a valid value.
        let mut body = crate::util::typical();
        body.insert(key.clone(), example.clone());
        assert!(crate::util::check(&body).is_ok(), "{key} example {example}");
    }
    assert_eq!(s["properties"]["password"]["format"], "password");
    assert_eq!(s["properties"]["email"]["format"], "email");
}

/// Collects every `pattern` in a schema.
fn patterns(schema: &Value, found: &mut Vec<String>) {
    match schema {
        Value::Object(map) => {
            for (k, v) in map {
                match (k.as_str(), v) {
                    ("pattern", Value::String(p)) => found.push(p.clone()),
                    _ => patterns(v, found),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| patterns(v, found)),
        _ => {}
    }
}

#[test]
fn patterns_use_only_syntax_that_means_the_same_in_ecma_262() {
    let mut found = Vec::new();
    patterns(&schema::request_schema(&Policy::default()), &mut found);
    assert!(found.len() >= 8);
    for p in found {
        // Rust-only or engine-dependent syntax: \d \s \w (ASCII in ECMA, Unicode in Rust),
        // `.` (skips line terminators in ECMA), inline flags, \x{..}, \A \z, named groups.
        for bad in [
            r"\d", r"\s", r"\w", r"\b", "(?i", "(?P", r"\x{", r"\A", r"\z", r"\Z", "[[:",
        ] {
            assert!(!p.contains(bad), "{p} uses {bad}");
        }
        assert!(!has_unescaped_dot_outside_class(&p), "{p} uses `.`");
    }
}

/// Whether a pattern has a `.` that is neither escaped nor inside a character class.
fn has_unescaped_dot_outside_class(pattern: &str) -> bool {
    let (mut escaped, mut in_class) = (false, false);
    for c in pattern.chars() {
        match (escaped, in_class, c) {
            (true, ..) => escaped = false,
            (false, _, '\\') => escaped = true,
            (false, false, '[') => in_class = true,
            (false, true, ']') => in_class = false,
            (false, false, '.') => return true,
            _ => {}
        }
    }
    false
}

#[test]
fn the_dot_check_finds_dots() {
    assert!(has_unescaped_dot_outside_class("^a.b$"));
    assert!(!has_unescaped_dot_outside_class(r"^a\.b[.]$"));
}

fn check_file(path: &str, generated: &Value) {
    let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    let text = format!("{}\n", serde_json::to_string_pretty(generated).unwrap());
    if std::env::var_os("CLEENG_UPDATE_SCHEMA").is_some() {
        std::fs::write(&full, &text).unwrap();
    }
    let on_disk = std::fs::read_to_string(&full).unwrap_or_default();
    assert!(
        on_disk == text,
        "{path} is out of date: run `CLEENG_UPDATE_SCHEMA=1 cargo test --workspace checked_in`"
    );
}

#[test]
fn checked_in_schema_files_are_current() {
    check_file(
        "schema/register-request.schema.json",
        &schema::request_schema(&Policy::default()),
    );
    check_file(
        "schema/validation-result.schema.json",
        &schema::result_schema(),
    );
}

/// Parses a body as the crate does: UTF-8 JSON, an object, no repeated keys.
fn parse_strictly(line: &[u8]) -> Option<Map<String, Value>> {
    struct Strict(Map<String, Value>);
    impl<'de> serde::Deserialize<'de> for Strict {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> serde::de::Visitor<'de> for V {
                type Value = Strict;
                fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                    f.write_str("an object")
                }
                fn visit_map<A: serde::de::MapAccess<'de>>(
                    self,
                    mut map: A,
                ) -> Result<Strict, A::Error> {
                    let mut out = Map::new();
                    while let Some((k, v)) = map.next_entry::<String, Value>()? {
                        if out.insert(k, v).is_some() {
                            return Err(serde::de::Error::custom("repeated key"));
                        }
                    }
                    Ok(Strict(out))
                }
            }
            d.deserialize_map(V)
        }
    }
    serde_json::from_slice::<Strict>(line).ok().map(|s| s.0)
}

#[test]
fn shipped_examples_get_the_same_verdict() {
    let text = std::fs::read(format!(
        "{}/examples/requests.ndjson",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let mut compared = 0;
    for line in text
        .split(|b| *b == b'\n')
        .filter(|l| !l.iter().all(u8::is_ascii_whitespace))
    {
        let by_crate = RegisterRequest::from_json(line, &Policy::default());
        let by_schema =
            parse_strictly(line).is_some_and(|body| policies()[0].1.is_valid(&Value::Object(body)));
        let explained = by_crate
            .as_ref()
            .err()
            .is_some_and(|r| r.errors().iter().all(schema_cannot_express));
        assert!(
            by_crate.is_ok() == by_schema || (by_schema && explained),
            "{}: crate {:?}, schema {by_schema}",
            String::from_utf8_lossy(line),
            crate::util::errors_of(&by_crate)
        );
        compared += 1;
    }
    assert!(compared >= 30);
}

#[test]
fn policy_shapes_the_schema() {
    let strict = &policies()[1].0;
    let s = schema::request_schema(strict);
    assert_eq!(
        s["properties"]["currency"]["enum"],
        json!(["USD", "EUR", "PLN"])
    );
    assert_eq!(
        s["properties"]["locale"]["enum"],
        json!(["en_US", "pl_PL", "fil"])
    );
    assert_eq!(s["properties"]["externalData"]["maxLength"], 64);
    assert!(s["required"]
        .as_array()
        .unwrap()
        .contains(&json!("customerIP")));
    assert!(s.get("additionalProperties").is_none());
    let regional = schema::request_schema(&policies()[2].0);
    assert_eq!(regional["properties"]["email"]["format"], "idn-email");
    assert_eq!(
        regional["allOf"][1]["if"]["properties"]["country"]["enum"],
        json!(["US", "CA"])
    );
}

/// The characters whose neighbours matter to a probe's pattern: `.` in a dot-atom, `\` in a
/// quoted string; `None` where the character is at both ends of the value.
fn neighbours_matter(probe: &Probe) -> Option<&'static [char]> {
    match (probe.key, probe.before) {
        (_, "") => None,
        ("email", "a") => Some(&['.']),
        ("email", _) => Some(&['\\']),
        _ => Some(&[]),
    }
}

/// Where an international local part's pattern states less than the crate: an unassigned
/// code point (the validator's Unicode version decides it) and a text not in NFC (no
/// pattern tests it). The probes never put a character first, so a leading combining mark
/// does not arise.
fn pattern_cannot_state(probe: &Probe, c: char) -> bool {
    use icu_properties::props::GeneralCategory;
    if probe.key != "email" {
        return false;
    }
    let unassigned = icu_properties::CodePointMapData::<GeneralCategory>::new().get(c)
        == GeneralCategory::Unassigned;
    let text = probe.text(c);
    let local = text.rsplit_once('@').unwrap().0;
    unassigned || !icu_normalizer::ComposingNormalizerBorrowed::new_nfc().is_normalized(local)
}

/// The schema's patterns for names, external ids and international local parts state the
/// crate's character rules exactly, but for [`pattern_cannot_state`]: each code point gets the
/// crate's verdict, or the crate alone refuses it through one of those rules.
#[test]
fn the_character_patterns_agree_on_every_code_point() {
    let mut written = Vec::new();
    for verdicts in code_points().all() {
        let probe = &verdicts.probe;
        let policy = if probe.international { 2 } else { 0 };
        assert_eq!(
            policies()[policy].0.allow_international_email(),
            probe.international
        );
        let schema = schema::request_schema(&policies()[policy].0);
        let pattern = schema["properties"][probe.key]["pattern"].as_str().unwrap();
        let validator = compile(&json!({ "pattern": pattern }));
        let schema_accepts = |s: &str| validator.is_valid(&json!(s));
        let unstated = |c: char| !verdicts.accepts(c) && pattern_cannot_state(probe, c);
        let refused = verdicts.refused_ranges();
        // Each refused character, each one near a refused range, Latin-1, and a sample of the
        // rest (Ajv, in schema/ajv-check, asks about every code point).
        let near = |u: u32| refused.iter().any(|&[a, b]| u + 2 >= a && u <= b + 2);
        let sampled = all_chars()
            .filter(|&c| c < '\u{250}' || (c as u32).is_multiple_of(509) || near(c as u32));
        let mut checked = 0;
        for c in sampled.filter(|&c| !unstated(c)) {
            assert_eq!(
                schema_accepts(&probe.text(c)),
                verdicts.accepts(c),
                "{} (policy {policy}) around U+{:04X}: {pattern}",
                probe.key,
                c as u32
            );
            checked += 1;
        }
        assert!(checked > 2_000, "{checked}");
        if let Some(but) = neighbours_matter(probe) {
            // Every accepted character at once: the pattern accepts each of them.
            let run: String = all_chars()
                .filter(|&c| verdicts.accepts(c) && !but.contains(&c))
                .collect();
            assert!(schema_accepts(&format!(
                "{}{run}{}",
                probe.before, probe.after
            )));
        }
        let unstated: Vec<u32> = all_chars()
            .filter(|&c| unstated(c))
            .map(|c| c as u32)
            .collect();
        written.push(json!({
            "policy": policy, "key": probe.key, "before": probe.before,
            "after": probe.after, "refused": refused, "unstated": ranges_of(&unstated),
        }));
    }
    // For schema/ajv-check, which asks Ajv about every code point.
    if let Ok(path) = std::env::var("CLEENG_AJV_CORPUS") {
        std::fs::write(
            path.replace(".ndjson", ".codepoints.json"),
            serde_json::to_vec(&written).unwrap(),
        )
        .unwrap();
    }
}

/// Sorted code points as `[first, last]` ranges.
fn ranges_of(points: &[u32]) -> Vec<[u32; 2]> {
    let mut ranges: Vec<[u32; 2]> = Vec::new();
    for &p in points {
        match ranges.last_mut() {
            Some([_, last]) if *last + 1 == p => *last = p,
            _ => ranges.push([p, p]),
        }
    }
    ranges
}
