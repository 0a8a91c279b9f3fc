//! Feature `arbitrary`: any bytes give a valid response whose JWT names its customer.

use std::hash::{DefaultHasher, Hash, Hasher};

use arbitrary::{Arbitrary, Unstructured};
use cleeng_register_response::RegisterResponse;

/// `count` deterministic buffers of 0 to 4096 pseudo-random bytes.
fn buffers(count: u64) -> impl Iterator<Item = Vec<u8>> {
    (0..count).map(|i| {
        let len = [0, 1, 7, 64, 512, 4096][(i % 6) as usize];
        (0..len as u64)
            .map(|j| {
                let mut h = DefaultHasher::new();
                (i, j).hash(&mut h);
                h.finish() as u8
            })
            .collect()
    })
}

#[test]
fn any_bytes_give_a_valid_response_and_the_tokens_vary() {
    let (mut tokens, mut with_other_claims) = (std::collections::HashSet::new(), 0);
    for data in buffers(3000) {
        let response = RegisterResponse::arbitrary(&mut Unstructured::new(&data))
            .expect("any bytes give a response");
        let body = serde_json::to_vec(&response).unwrap();
        assert_eq!(RegisterResponse::from_json(&body).as_ref(), Ok(&response));
        tokens.insert(response.customer_token().expose_secret().to_owned());
        tokens.insert(response.refresh_token().expose_secret().to_owned());
        with_other_claims +=
            usize::from(!response.jwt().unverified_claims().other_claims().is_empty());
    }
    assert!(tokens.len() > 1000, "{}", tokens.len());
    assert!(with_other_claims > 500, "{with_other_claims}");
}
