//! Heap allocations per request, counted with a counting global allocator
//! (`allocation-counter`, which replaces the allocator in this test binary only). Counts are
//! deterministic, so they are asserted; run with `--nocapture` to see them.
//!
//! A binary of its own, because the allocator it installs would count for every test.

// The shared helpers of `tests/it`; this binary uses a few of them.
#[allow(dead_code)]
#[path = "it/util/mod.rs"]
mod util;

use cleeng_register::{Policy, RegisterRequest};

fn allocations(body: &[u8], policy: &Policy) -> u64 {
    // Warm up lazily initialised state (none is expected, but keep the count honest).
    let _ = RegisterRequest::from_json(body, policy);
    let info = allocation_counter::measure(|| {
        let _ = std::hint::black_box(RegisterRequest::from_json(
            std::hint::black_box(body),
            policy,
        ));
    });
    info.count_total
}

#[test]
fn typical_valid_request_allocates_only_for_free_text() {
    let body = util::bytes(&util::typical());
    let count = allocations(&body, &Policy::default());
    println!("typical valid request: {count} allocations");
    // email and password are the only free-text fields: codes are inline.
    assert!(count <= 2, "{count}");
}

#[test]
fn codes_allocate_nothing() {
    let mut only_codes = util::without("email");
    only_codes.remove("password");
    let count = allocations(&util::bytes(&only_codes), &Policy::default());
    // The two `missing` errors need the report's vector, nothing else.
    println!("codes only (invalid: email and password missing): {count} allocations");
    assert!(count <= 1, "{count}");
}

#[test]
fn maximal_valid_request_allocates_once_per_free_text_field() {
    let mut body = util::typical();
    body.insert("publisherId".into(), "123456789".into());
    body.insert("firstName".into(), "Jane".into());
    body.insert("lastName".into(), "Doe".into());
    body.insert("externalId".into(), "crm-42".into());
    body.insert(
        "externalData".into(),
        "{\"plan\":\"gold\",\"tags\":[1,2]}".into(),
    );
    body.insert("captchaValue".into(), "03AGdBq24".into());
    let count = allocations(&util::bytes(&body), &Policy::default());
    println!("maximal valid request: {count} allocations");
    // Seven free-text fields. A string with escapes (externalData always has some) is
    // decoded once, into a buffer of its final size that the field keeps: no scratch buffer.
    assert!(count <= 7, "{count}");
}

#[test]
fn invalid_request_allocations_are_bounded() {
    let body = br#"{"email":"","password":"","offerId":"","publisherId":"","locale":"","country":"","currency":"","firstName":"","lastName":"","externalId":"","externalData":"","customerIP":"","captchaValue":"","extra":1}"#;
    let count = allocations(body, &Policy::default());
    println!("invalid request with an error in every field: {count} allocations");
    // The error vector's growth, the unknown key's pointer and its de-duplication set.
    assert!(count <= 12, "{count}");
}
