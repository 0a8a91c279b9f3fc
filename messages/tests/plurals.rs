//! A limit is worded with its counted noun in the CLDR plural category of its number: under
//! policies whose limits are 1, 2, 5 and 22, each language's messages take the form its
//! rules give (Polish: 1 one, 2 and 22 few, 5 many; English and French: 1 one, 2 other).

use cleeng_register::error::Params;
use cleeng_register::{ErrorCode, Field, Policy, RegisterRequest};
use cleeng_register_messages::{Catalog, Language, Subject};

const LIMITS: [u32; 4] = [1, 2, 5, 22];

/// The noun for 1, 2, 5 and 22 of a thing, per language.
struct Nouns {
    levels: [&'static str; 4],
    errors: [&'static str; 4],
    characters: [&'static str; 4],
    bytes: [&'static str; 4],
}

fn nouns(language: Language) -> Nouns {
    // one, other, other, other: the languages with two categories for integers.
    let two = |one, other| [one, other, other, other];
    match language {
        Language::En => Nouns {
            levels: two("level", "levels"),
            errors: two("error", "errors"),
            characters: two("character", "characters"),
            bytes: two("byte", "bytes"),
        },
        Language::De => Nouns {
            levels: two("Ebene", "Ebenen"),
            errors: two("Fehler", "Fehler"),
            characters: two("Zeichen", "Zeichen"),
            bytes: two("Byte", "Bytes"),
        },
        Language::Es => Nouns {
            levels: two("nivel", "niveles"),
            errors: two("error", "errores"),
            characters: two("carácter", "caracteres"),
            bytes: two("byte", "bytes"),
        },
        Language::Fr => Nouns {
            levels: two("niveau", "niveaux"),
            errors: two("erreur", "erreurs"),
            characters: two("caractère", "caractères"),
            bytes: two("octet", "octets"),
        },
        Language::It => Nouns {
            levels: two("livello", "livelli"),
            errors: two("errore", "errori"),
            characters: two("carattere", "caratteri"),
            bytes: two("byte", "byte"),
        },
        // one, few, many, few.
        Language::Pl => Nouns {
            levels: ["poziom", "poziomy", "poziomów", "poziomy"],
            errors: ["błąd", "błędy", "błędów", "błędy"],
            characters: ["znak", "znaki", "znaków", "znaki"],
            bytes: ["bajt", "bajty", "bajtów", "bajty"],
        },
        Language::Pt => Nouns {
            levels: two("nível", "níveis"),
            errors: two("erro", "erros"),
            characters: two("caractere", "caracteres"),
            bytes: two("byte", "bytes"),
        },
    }
}

/// Whether `text` says "`n` `noun`" with the noun as a whole word.
fn counts(text: &str, n: u32, noun: &str) -> bool {
    let phrase = format!("{n} {noun}");
    text.match_indices(&phrase).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + phrase.len()..].chars().next();
        !before.is_some_and(|c| c.is_alphanumeric()) && !after.is_some_and(char::is_alphabetic)
    })
}

#[test]
fn the_counting_helper_takes_whole_words_only() {
    assert!(counts("at most 2 levels deep", 2, "levels"));
    assert!(!counts("at most 2 levels deep", 2, "level"));
    assert!(!counts("at most 22 levels", 2, "levels"));
    assert!(counts("5 błędów.", 5, "błędów"));
}

/// The policy whose every limit the reader reports is `n` (bytes have a floor of 2).
fn policy(n: u32) -> Policy {
    let n = n as usize;
    Policy::builder()
        .max_external_data_depth(n)
        .max_errors(n)
        .max_external_data_bytes(n.max(2))
        .build()
        .unwrap()
}

#[test]
fn the_readers_limits_take_the_plural_form_of_their_number() {
    let catalog = Catalog::get();
    for (i, n) in LIMITS.into_iter().enumerate() {
        let policy = policy(n);
        // Nested one level deeper than allowed, and more errors than the report lists.
        let depth = n as usize + 1;
        let nested = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let deep = serde_json::json!({"externalData": nested}).to_string();
        let deep = RegisterRequest::from_json(
            deep.as_bytes(),
            &Policy::builder()
                .max_external_data_depth(n as usize)
                .build()
                .unwrap(),
        )
        .unwrap_err();
        let too_deep = deep
            .errors()
            .iter()
            .find(|e| e.code() == ErrorCode::TooDeep)
            .expect("too deep");
        let keys: String = (0..30).map(|k| format!("\"k{k}\":1,")).collect();
        let many = format!("{{{}\"x\":1}}", keys);
        let many = RegisterRequest::from_json(many.as_bytes(), &policy).unwrap_err();
        let too_many = many.errors().last().unwrap();
        assert_eq!(too_many.code(), ErrorCode::TooManyErrors);
        for language in Language::ALL {
            let nouns = nouns(language);
            let text = catalog.field_error(language, too_deep);
            assert!(counts(&text, n, nouns.levels[i]), "{language} {n}: {text}");
            let text = catalog.field_error(language, too_many);
            assert!(counts(&text, n, nouns.errors[i]), "{language} {n}: {text}");
        }
    }
}

#[test]
fn every_counted_limit_takes_the_plural_form_of_its_number() {
    let catalog = Catalog::get();
    for (i, n) in LIMITS.into_iter().enumerate() {
        for language in Language::ALL {
            let nouns = nouns(language);
            let cases = [
                (
                    Subject::Field(Field::FirstName),
                    ErrorCode::TooShort,
                    Params::min(n),
                    nouns.characters[i],
                ),
                (
                    Subject::Field(Field::Password),
                    ErrorCode::TooLong,
                    Params::max(n),
                    nouns.characters[i],
                ),
                (
                    Subject::Field(Field::ExternalData),
                    ErrorCode::TooLarge,
                    Params::max(n),
                    nouns.bytes[i],
                ),
                (
                    Subject::Body,
                    ErrorCode::TooLarge,
                    Params::max(n),
                    nouns.bytes[i],
                ),
                (
                    Subject::Field(Field::ExternalData),
                    ErrorCode::TooDeep,
                    Params::max(n),
                    nouns.levels[i],
                ),
                (
                    Subject::Body,
                    ErrorCode::TooManyErrors,
                    Params::max(n),
                    nouns.errors[i],
                ),
            ];
            for (subject, code, params, noun) in cases {
                let message = catalog.request_message(language, subject, code, &params);
                let text = catalog.render(language, &message);
                assert!(counts(&text, n, noun), "{language} {n} {code}: {text}");
            }
            let detail = catalog.problem_detail(language, n as usize);
            assert!(
                counts(&detail, n, nouns.errors[i]),
                "{language} {n}: {detail}"
            );
        }
    }
}

#[test]
fn large_numbers_are_written_without_grouping_in_every_language() {
    let catalog = Catalog::get();
    for language in Language::ALL {
        let message = catalog.request_message(
            language,
            Subject::Body,
            ErrorCode::TooLarge,
            &Params::max(65536),
        );
        let text = catalog.render(language, &message);
        assert!(text.contains("65536"), "{language}: {text}");
    }
}
