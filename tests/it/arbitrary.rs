//! Feature `arbitrary`: every impl yields a valid value, for any input bytes.

use arbitrary::{Arbitrary, Unstructured};
use cleeng_register::*;

/// Deterministic pseudo-random buffers of assorted lengths (xorshift64*).
fn buffers(count: usize) -> impl Iterator<Item = Vec<u8>> {
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move || {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        state.wrapping_mul(0x2545_F491_4F6C_DD1D)
    };
    (0..count).map(move |i| {
        let len = [0, 1, 7, 64, 512, 4096][i % 6];
        (0..len).map(|_| next() as u8).collect()
    })
}

fn always_valid<T>(parse: fn(&str) -> Result<T, ValueError>)
where
    T: for<'a> Arbitrary<'a> + AsRef<str> + PartialEq + std::fmt::Debug,
{
    for data in buffers(3000) {
        let value = T::arbitrary(&mut Unstructured::new(&data)).unwrap_or_else(|e| {
            panic!(
                "{} refused {} bytes: {e}",
                std::any::type_name::<T>(),
                data.len()
            )
        });
        assert_eq!(parse(value.as_ref()).as_ref(), Ok(&value));
    }
}

#[test]
fn every_type_yields_valid_values() {
    always_valid(Email::parse);
    always_valid(OfferId::parse);
    always_valid(PublisherId::parse);
    always_valid(Locale::parse);
    always_valid(CountryCode::parse);
    always_valid(Currency::parse);
    always_valid(PersonName::parse);
    always_valid(ExternalId::parse);
    always_valid(CustomData::parse);
    always_valid(CustomerIp::parse);
    always_valid(CaptchaToken::parse);
}

#[test]
fn passwords_are_valid() {
    for data in buffers(3000) {
        let p = Password::arbitrary(&mut Unstructured::new(&data)).unwrap();
        assert!(Password::parse(p.expose_secret()).is_ok());
    }
}

#[test]
fn requests_are_valid_and_round_trip() {
    let mut with_every_optional = 0;
    for data in buffers(3000) {
        let request = RegisterRequest::arbitrary(&mut Unstructured::new(&data)).unwrap();
        let body = serde_json::to_vec(&request).unwrap();
        assert_eq!(
            RegisterRequest::from_json(&body, &Policy::default()),
            Ok(request.clone())
        );
        with_every_optional +=
            usize::from(request.first_name().is_some() && request.customer_ip().is_some());
    }
    // Enough bytes reach the optional fields too.
    assert!(with_every_optional > 100, "{with_every_optional}");
}

/// Counts the values of `T` from the test buffers that satisfy each of `shapes`.
fn reach<T: for<'a> Arbitrary<'a>, const N: usize>(shapes: [fn(&T) -> bool; N]) -> [usize; N] {
    let mut counts = [0; N];
    for data in buffers(3000) {
        let value = T::arbitrary(&mut Unstructured::new(&data)).unwrap();
        for (count, shape) in counts.iter_mut().zip(shapes) {
            *count += usize::from(shape(&value));
        }
    }
    counts
}

#[test]
fn generators_reach_every_shape() {
    // A fuzzer starts from these values: each shape a rule treats apart must come up.
    let [offer, publisher, both] = reach::<OfferOrPublisher, 3>([
        |v| matches!(v, OfferOrPublisher::Offer(_)),
        |v| matches!(v, OfferOrPublisher::Publisher(_)),
        |v| matches!(v, OfferOrPublisher::Both { .. }),
    ]);
    assert!(
        offer > 100 && publisher > 100 && both > 100,
        "{offer} {publisher} {both}"
    );

    let [spaced, one_char, long] = reach::<PersonName, 3>([
        |n| n.as_str().contains(' '),
        |n| n.as_str().chars().count() == 1,
        |n| n.as_str().chars().count() > 20,
    ]);
    assert!(
        spaced > 100 && one_char > 10 && long > 100,
        "{spaced} {one_char} {long}"
    );

    let [nested_object, array, empty, too_deep] = reach::<CustomData, 4>([
        |d| d.depth() >= 2 && d.as_str().matches('{').count() > 1,
        |d| d.as_str().contains('['),
        |d| d.value().as_object().is_some_and(|o| o.is_empty()),
        // An object holding values nested at most three more levels.
        |d| d.depth() > 4,
    ]);
    assert!(
        nested_object > 50 && array > 50 && empty > 50,
        "{nested_object} {array} {empty}"
    );
    assert_eq!(too_deep, 0);
}
