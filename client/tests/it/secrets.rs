//! No `Debug` or `Display` of the client shows the request's password or the answer's tokens.

use std::time::Duration;

use cleeng_register_client::{Answer, BaseUrl, Client, RegisterError};

use crate::client::{request, PASSWORD};
use crate::double::{self, Double};

/// Every secret of the exchange: the password sent, the tokens and the JWT received (its
/// header and payload segments too).
fn secrets() -> Vec<&'static str> {
    let mut secrets = vec![PASSWORD, double::CUSTOMER_TOKEN, double::REFRESH_TOKEN];
    secrets.extend(double::JWT.split('.'));
    secrets
}

fn assert_clean(what: &str, text: &str) {
    for secret in secrets() {
        assert!(!text.contains(secret), "{what} shows a secret: {text}");
    }
    assert!(!text.contains("SECRET"), "{what} shows a secret: {text}");
}

#[tokio::test]
async fn no_debug_or_display_shows_a_password_token_or_jwt() {
    let double = Double::start().await;
    let base: BaseUrl = double.base_url().parse().expect("a URL");
    let builder = Client::builder(base).timeout(Duration::from_millis(500));
    assert_clean("the builder", &format!("{builder:?}"));
    let client = builder.build();
    assert_clean("the client", &format!("{client:?}"));
    let mut outcomes = 0;
    for case in [
        "jane",
        "exists",
        "badrequest",
        "captcha",
        "captchafailed",
        "server",
        "malformed",
        "teapot",
        "forbidden",
        "huge",
        "slow",
        "drop",
    ] {
        let result = client.register(&request(case)).await;
        assert_clean(case, &format!("{result:?}"));
        if let Err(error) = &result {
            assert_clean(case, &error.to_string());
            let mut source = std::error::Error::source(error);
            while let Some(cause) = source {
                assert_clean(case, &format!("{cause} {cause:?}"));
                source = cause.source();
            }
        }
        let answer = Answer::for_result(&result);
        assert_clean(case, &format!("{answer:?}"));
        if result.is_err() {
            assert_clean(case, &String::from_utf8_lossy(answer.body()));
        }
        outcomes += 1;
    }
    assert_eq!(outcomes, 12);
    // The password did leave, in the request body.
    assert!(double
        .requests()
        .iter()
        .all(|r| r.json()["password"] == PASSWORD));
}

#[tokio::test]
async fn a_transport_error_shows_no_secret() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a port");
    let addr = listener.local_addr().expect("an address");
    drop(listener);
    let client = Client::builder(format!("http://{addr}").parse::<BaseUrl>().expect("a URL"))
        .connect_retries(0)
        .build();
    let error: RegisterError = client
        .register(&request("jane"))
        .await
        .expect_err("refused");
    assert_clean("a transport error", &format!("{error} {error:?}"));
}
