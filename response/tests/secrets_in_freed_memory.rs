//! No freed copy of a secret: after `RegisterResponse::from_json`, no heap block that was
//! freed while it ran holds the plaintext of `customerToken`, `refreshToken` or `jwt`,
//! whether the answer is valid or refused (by a rule, or by a syntax error after the secret),
//! and whether the secret was written with JSON escapes or without. Dropping the response
//! (its tokens wipe themselves) leaves none either.
//!
//! A binary of its own: it installs the scanning allocator of the workspace's
//! `tests/freed_memory`.

#[path = "../../tests/freed_memory/mod.rs"]
mod freed_memory;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use cleeng_register_response::RegisterResponse;

use freed_memory::freed_copies;

const CUSTOMER_TOKEN: &str = "ct/0aB1cD2eF3gH4iJ5kL6"; // as JSON: "ct\/0aB1cD2eF3gH4iJ5kL6"
const REFRESH_TOKEN: &str = "rt/9zY8xW7vU6tS5rQ4pO3";

/// A JWT for customer `id`.
fn jwt(id: u64) -> String {
    let part = |json: &str| URL_SAFE_NO_PAD.encode(json);
    format!(
        "{}.{}.{}",
        part(r#"{"alg":"RS256","typ":"JWT"}"#),
        part(&format!(
            r#"{{"customerId":{id},"publisherId":"020718285","exp":1767225600}}"#
        )),
        URL_SAFE_NO_PAD.encode([7u8; 64])
    )
}

/// `s` as a JSON string with every char escaped.
fn escaped(s: &str) -> String {
    s.chars().map(|c| format!("\\u{:04x}", c as u32)).collect()
}

/// An answer whose `responseData` members are `data`.
fn answer(data: &str) -> Vec<u8> {
    format!(r#"{{"responseData":{{{data}}},"errors":[]}}"#).into_bytes()
}

/// Which secret a case writes with escapes (serde_json reuses one scratch buffer, so each
/// is tried alone: a later escaped string would overwrite an earlier one there).
#[derive(Copy, Clone, Debug, PartialEq)]
enum Secret {
    CustomerToken,
    RefreshToken,
    Jwt,
}

/// The members of `responseData` for customer 7 whose JWT names `id_in_jwt`, with `secret`
/// written with escapes (`\/`, or every char as `\uXXXX` for the JWT).
fn members(secret: Secret, id_in_jwt: u64) -> String {
    let (customer, refresh) = match secret {
        Secret::CustomerToken => (r"ct\/0aB1cD2eF3gH4iJ5kL6", "rt-plain-refresh-token"),
        Secret::RefreshToken => ("ct-plain-customer-token", r"rt\/9zY8xW7vU6tS5rQ4pO3"),
        Secret::Jwt => ("ct-plain-customer-token", "rt-plain-refresh-token"),
    };
    let jwt = match secret {
        Secret::Jwt => escaped(&jwt(id_in_jwt)),
        _ => jwt(id_in_jwt),
    };
    format!(
        r#""customerId":7,"customerToken":"{customer}","refreshToken":"{refresh}","jwt":"{jwt}""#
    )
}

/// The plaintext of `secret` in [`members`].
fn plaintext(secret: Secret) -> &'static str {
    match secret {
        Secret::CustomerToken => CUSTOMER_TOKEN,
        Secret::RefreshToken => REFRESH_TOKEN,
        // Leaked to serve as a `'static` needle.
        Secret::Jwt => Box::leak(jwt(7).into_boxed_str()),
    }
}

/// How many blocks freed while reading `body` (and dropping what it gave) held `secret`,
/// and whether the answer was valid.
fn scan(body: &[u8], secret: &'static str) -> (bool, usize) {
    let (result, during) = freed_copies(secret, || RegisterResponse::from_json(body));
    let valid = result.is_ok();
    let ((), on_drop) = freed_copies(secret, move || drop(result));
    (valid, during + on_drop)
}

#[test]
fn escaped_secrets_leave_no_freed_copy() {
    for secret in [Secret::CustomerToken, Secret::RefreshToken, Secret::Jwt] {
        let valid = members(secret, 7);
        let cases = [
            ("valid answer", answer(&valid), true),
            (
                "refused: the JWT names another customer",
                answer(&members(secret, 8)),
                false,
            ),
            (
                "refused: customerId missing",
                answer(&valid.replace(r#""customerId":7,"#, "")),
                false,
            ),
            (
                "refused by a later syntax error",
                format!(r#"{{"responseData":{{{valid},"extra":[1,}}}}"#).into_bytes(),
                false,
            ),
            (
                "refused by trailing text",
                [answer(&valid), b"x".to_vec()].concat(),
                false,
            ),
            (
                "given twice, the last one plain",
                answer(&format!(
                    r#"{valid},"customerToken":"other-token","refreshToken":"other-token","jwt":"{}""#,
                    jwt(7)
                )),
                true,
            ),
        ];
        let needle = plaintext(secret);
        for (case, body, expect_valid) in &cases {
            if secret == Secret::Jwt && case.contains("another customer") {
                // The JWT in the body is not the needle's: nothing to find either way.
                continue;
            }
            let (valid, copies) = scan(body, needle);
            assert_eq!(valid, *expect_valid, "{secret:?}, {case}");
            assert_eq!(
                copies, 0,
                "{secret:?}, {case}: freed blocks held the plaintext"
            );
        }
    }
}

#[test]
fn secrets_refused_by_their_own_rules_leave_no_freed_copy() {
    // A space (written as an escape) is not printable ASCII; a JWT of two segments is not one.
    let body = answer(
        r#""customerId":7,"customerToken":"ct\u0020secret-token-text","refreshToken":"rt\/9zY8xW7vU6tS5rQ4pO3","jwt":"only\/two.segments-secret""#,
    );
    for needle in ["ct secret-token-text", "only/two.segments-secret"] {
        let (valid, copies) = scan(&body, needle);
        assert!(!valid);
        assert_eq!(copies, 0, "{needle}");
    }
}

#[test]
fn plain_secrets_leave_no_freed_copy() {
    let plain = format!(
        r#""customerId":7,"customerToken":"ct-0aB1cD2eF3gH4iJ5kL6","refreshToken":"rt-9zY8xW7vU6tS5rQ4pO3","jwt":"{}""#,
        jwt(7)
    );
    for (case, body, expect_valid) in [
        ("valid answer", answer(&plain), true),
        (
            "refused by a later syntax error",
            format!(r#"{{"responseData":{{{plain},"extra":}}}}"#).into_bytes(),
            false,
        ),
    ] {
        for needle in [
            "ct-0aB1cD2eF3gH4iJ5kL6",
            "rt-9zY8xW7vU6tS5rQ4pO3",
            plaintext(Secret::Jwt),
        ] {
            let (valid, copies) = scan(&body, needle);
            assert_eq!(valid, expect_valid, "{case}");
            assert_eq!(copies, 0, "{case}");
        }
    }
}
