//! `RegisterRequest::from_json` (the crate's own scanner) and `RequestSeed` over serde_json
//! (the serde reader) agree on every body: the same request, the same errors, or both refuse
//! it as JSON. Bodies are valid ones with escapes, repeated and unknown keys, whitespace,
//! wrong types and a few bytes inserted, removed or replaced.

use cleeng_register::request::RequestSeed;
use cleeng_register::{ErrorCode, Field, Policy, RegisterRequest};
use proptest::prelude::*;
use serde::de::DeserializeSeed;
use serde_json::{Map, Value};

use crate::util::gen::any_value_for;
use crate::util::{cases, typical};

/// Both readers on `text` under `policy`.
fn agree(text: &str, policy: &Policy) -> Result<(), TestCaseError> {
    let ours = RegisterRequest::from_json(text.as_bytes(), policy);
    let mut de = serde_json::Deserializer::from_str(text);
    let seeded = RequestSeed::new(policy)
        .deserialize(&mut de)
        .and_then(|request| de.end().map(|()| request));
    match (ours, seeded) {
        (Ok(ours), Ok(seeded)) => prop_assert_eq!(ours, seeded, "{}", text),
        (Err(report), Err(err)) => {
            let malformed =
                report.errors().len() == 1 && report.errors()[0].code() == ErrorCode::MalformedBody;
            if malformed {
                // serde_json refused the text itself (or it is not an object). A seed cannot
                // see text after the object: it reports the object's own errors first, and
                // `end()` is never reached.
                let object_then_more = matches!(
                    serde_json::Deserializer::from_str(text)
                        .into_iter::<Value>()
                        .next(),
                    Some(Ok(Value::Object(_)))
                ) && serde_json::from_str::<Value>(text).is_err();
                prop_assert!(
                    !err.to_string().starts_with("invalid body") || object_then_more,
                    "{}: serde read it: {}",
                    text,
                    err
                );
            } else {
                prop_assert_eq!(err.to_string(), report.to_string(), "{}", text);
            }
        }
        (ours, seeded) => prop_assert!(
            false,
            "{}: from_json {:?}, serde {:?}",
            text,
            ours.map(|_| ()),
            seeded.map(|_| ())
        ),
    }
    Ok(())
}

fn policies() -> [Policy; 2] {
    [
        Policy::default(),
        Policy::builder()
            .allow_unknown_fields(true)
            .max_errors(3)
            .build()
            .expect("a valid policy"),
    ]
}

/// A body: the typical one with any value for a few keys (some unknown, some repeated),
/// written compact or spread out, its strings sometimes with every char escaped.
fn body() -> impl Strategy<Value = String> {
    let key = prop::sample::select(Field::ALL.map(Field::as_str).to_vec());
    let member = key.prop_flat_map(|key| (Just(key), any_value_for(key)));
    let extra = prop_oneof![
        3 => member.prop_map(|(k, v)| (k.to_owned(), v)),
        1 => ("[a-z~/]{1,4}", any::<i64>()).prop_map(|(k, v)| (k, Value::from(v))),
    ];
    (proptest::collection::vec(extra, 0..4), any::<[bool; 3]>()).prop_map(
        |(extra, [repeat, spread, escape])| {
            let mut members: Vec<(String, Value)> = typical().into_iter().collect();
            if repeat {
                // serde_json's Map would fold a repeated key: write it out by hand.
                if let Some((key, value)) = extra.first() {
                    members.push((key.clone(), value.clone()));
                }
            }
            members.extend(extra);
            let write = |v: &Value| match (escape, v) {
                (true, Value::String(s)) => escaped(s),
                _ => v.to_string(),
            };
            let sep = if spread { " \n\t" } else { "" };
            let inner: Vec<String> = members
                .iter()
                .map(|(k, v)| format!("{sep}{}{sep}:{sep}{}", escaped(k), write(v)))
                .collect();
            format!("{{{}{sep}}}", inner.join(","))
        },
    )
}

/// `s` as a JSON string with every char escaped (`\uXXXX`, surrogate pairs past the BMP).
fn escaped(s: &str) -> String {
    let mut out = String::from("\"");
    for unit in s.encode_utf16() {
        out += &format!("\\u{unit:04x}");
    }
    out + "\""
}

/// `text` with a few bytes inserted, removed or replaced (kept UTF-8).
fn mutated() -> impl Strategy<Value = String> {
    let edit = (
        any::<prop::sample::Index>(),
        0u8..4,
        prop::sample::select(b"{}[],:\"\\ u0-1e.nx\x01".to_vec()),
    );
    (body(), proptest::collection::vec(edit, 1..4)).prop_map(|(text, edits)| {
        let mut bytes = text.into_bytes();
        for (at, op, b) in edits {
            let at = at.index(bytes.len() + 1);
            match op {
                0 => bytes.insert(at, b),
                1 if at < bytes.len() => {
                    bytes.remove(at);
                }
                2 if at < bytes.len() => bytes[at] = b,
                // Cut the text short: an unclosed string, array or body.
                3 => bytes.truncate(at),
                _ => {}
            }
        }
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(400)))]

    #[test]
    fn the_readers_agree_on_bodies(text in body()) {
        for policy in policies() {
            agree(&text, &policy)?;
        }
    }

    #[test]
    fn the_readers_agree_on_broken_bodies(text in mutated()) {
        for policy in policies() {
            agree(&text, &policy)?;
        }
    }
}

#[test]
fn the_readers_agree_on_edge_cases() {
    let deep = |levels: usize| format!(r#"{{"x":{}{}}}"#, "[".repeat(levels), "]".repeat(levels));
    let mut members: Map<String, Value> = typical();
    members.insert("externalData".into(), "{\"a\":[1,2.5e3,null]}".into());
    let full = Value::Object(members).to_string();
    let cases = [
        full.clone(),
        format!(" {full} "),
        format!("{full}x"),
        format!("{full}{{}}"),
        full.replacen('{', "[", 1),
        full[..full.len() - 1].to_owned(),
        r#"{"email":"a""#.into(),
        r#"{"email":"#.into(),
        "{".into(),
        r#"{"email" "a"}"#.into(),
        r#"{"email":"a",}"#.into(),
        "{,}".into(),
        r#"{"email":"a"]"#.into(),
        "{}".into(),
        "[]".into(),
        "null".into(),
        "\"text\"".into(),
        "".into(),
        r#"{"password":"\uD83D"}"#.into(),
        r#"{"password":"\uDE00x"}"#.into(),
        r#"{"password":"\uD83D\uDE00a1"}"#.into(),
        r#"{"x":1e400}"#.into(),
        r#"{"x":-1e-400}"#.into(),
        r#"{"email":1.7976931348623159e308}"#.into(),
        r#"{"email":[1,{"a":"\u0000"}]}"#.into(),
        "{\"email\":\"a\u{1}b\"}".into(),
        r#"{"email":"a","email":"b","email":1}"#.into(),
        r#"{"zz":1,"zz":2,"zz":3,"\u007a\u007a":4}"#.into(),
        r#"{"\u0065mail":"jane@example.com"}"#.into(),
        deep(125),
        deep(126),
        deep(127),
        format!("{},", deep(126)),
    ];
    for text in &cases {
        for policy in policies() {
            agree(text, &policy).unwrap();
        }
    }
}
