//! The problem document in a language: the core's document with the title, a detail and
//! each error's message in that language; errors written in advance say what rendering
//! them now would.

use cleeng_register::{Policy, RegisterRequest, ValidationReport};
use cleeng_register_messages::{Catalog, Language};
use serde_json::Value;

/// Refused bodies: an error in every field, the whole body's errors, unknown keys, and a
/// policy's own limits (not written in advance).
fn reports() -> Vec<ValidationReport> {
    let default = Policy::default();
    let small = Policy::builder()
        .max_external_data_bytes(2)
        .max_errors(3)
        .build()
        .unwrap();
    let bodies: [(&[u8], &Policy); 7] = [
        (br#"{"email":"jane@localhost","password":"short","offerId":"X565568989_UK","publisherId":"12345","locale":"en-US","country":"UK","currency":"HRK","firstName":" Jane","lastName":"Doe\t","externalId":"","externalData":"[1]","customerIP":"01.2.3.4","captchaValue":"a b"}"#, &default),
        (br#"{"email":"a@b.co","password":"s3cret-pass","offerId":"S565568989_UK","locale":"en_UK","country":"UK","currency":"EUR"}"#, &default),
        (br#"{"email":1,"email":2,"nope":3,"a/b~c":4}"#, &default),
        (b"[]", &default),
        (b"{}", &default),
        (br#"{"externalData":"{\"a\":1}"}"#, &small),
        (br#"{"a":1,"b":2,"c":3,"d":4,"e":5}"#, &small),
    ];
    bodies
        .iter()
        .map(|(body, policy)| RegisterRequest::from_json(body, policy).unwrap_err())
        .collect()
}

#[test]
fn the_document_is_the_cores_with_the_words_of_the_language() {
    let catalog = Catalog::get();
    for report in reports() {
        let core: Value = serde_json::from_slice(&report.to_problem_json(422)).unwrap();
        for language in Language::ALL {
            let ours: Value =
                serde_json::from_slice(&catalog.problem_json(language, &report, 422)).unwrap();
            for member in ["type", "status", "code"] {
                assert_eq!(ours[member], core[member], "{language} {member}");
            }
            assert_eq!(ours["title"], catalog.problem_title(language));
            assert_eq!(
                ours["detail"],
                catalog.problem_detail(language, report.errors().len())
            );
            let (ours_errors, core_errors) = (
                ours["errors"].as_array().unwrap(),
                core["errors"].as_array().unwrap(),
            );
            assert_eq!(ours_errors.len(), core_errors.len());
            for ((o, c), error) in ours_errors.iter().zip(core_errors).zip(report.errors()) {
                for member in ["pointer", "code", "params"] {
                    assert_eq!(o[member], c[member], "{language} {member}");
                }
                assert_eq!(o["message"], *catalog.render_field_error(language, error));
                let keys: Vec<_> = o.as_object().unwrap().keys().collect();
                let core_keys: Vec<_> = c.as_object().unwrap().keys().collect();
                assert_eq!(keys, core_keys);
            }
        }
    }
}

#[test]
fn an_error_written_in_advance_says_what_rendering_it_now_says() {
    let catalog = Catalog::get();
    for report in reports() {
        for language in Language::ALL {
            for error in report.errors() {
                assert_eq!(
                    catalog.field_error(language, error),
                    catalog.render_field_error(language, error),
                    "{language} {error:?}"
                );
            }
        }
    }
}

#[test]
fn english_keeps_the_cores_title() {
    assert_eq!(
        Catalog::get().problem_title(Language::En),
        cleeng_register::Problem::TITLE
    );
}

#[test]
fn many_errors_get_a_detail_too() {
    let catalog = Catalog::get();
    let keys: String = (0..40).map(|k| format!("\"k{k}\":1,")).collect();
    let body = format!("{{{keys}\"x\":1}}");
    let report = RegisterRequest::from_json(body.as_bytes(), &Policy::default()).unwrap_err();
    assert!(report.errors().len() > 16);
    let json: Value =
        serde_json::from_slice(&catalog.problem_json(Language::Pl, &report, 400)).unwrap();
    let n = report.errors().len();
    assert_eq!(json["detail"], format!("Trzeba poprawić {n} błędów."));
}
