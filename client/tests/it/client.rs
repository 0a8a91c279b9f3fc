//! Every outcome of `Client::register`, against the double over real sockets.

use std::time::{Duration, Instant};

use cleeng_register::{Policy, RegisterRequest};
use cleeng_register_client::{BaseUrl, Client, Delivery, RegisterError, USER_AGENT_VALUE};
use cleeng_register_response::{CleengErrorCode, ResponseErrorCode};

use crate::double::{self, Double};

/// The password of every request: no output may show it.
pub const PASSWORD: &str = "P4ss-SECRET-word";

/// A valid request whose email's local part picks the double's answer.
pub fn request(case: &str) -> RegisterRequest {
    let body = format!(
        r#"{{"email":"{case}@example.com","password":"{PASSWORD}","offerId":"S565568989_US","locale":"en_US","country":"US","currency":"USD","customerIP":"8.8.8.8"}}"#
    );
    RegisterRequest::from_json(body.as_bytes(), &Policy::default()).expect("a valid request")
}

fn client(double: &Double) -> Client {
    let base: BaseUrl = double.base_url().parse().expect("the double's URL");
    Client::builder(base)
        .timeout(Duration::from_secs(5))
        .build()
}

async fn refused(case: &str) -> (u16, CleengErrorCode, RegisterError) {
    let double = Double::start().await;
    let error = client(&double)
        .register(&request(case))
        .await
        .expect_err("refused");
    match &error {
        RegisterError::Refused { status, error: e } => (*status, e.code().clone(), error),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[tokio::test]
async fn a_success_is_the_parsed_answer_and_the_request_is_the_cores_json() {
    let double = Double::start().await;
    let request = request("jane");
    let registered = client(&double)
        .register(&request)
        .await
        .expect("registered");
    assert_eq!(registered.customer_id().get(), 7);
    assert_eq!(
        registered.customer_token().expose_secret(),
        double::CUSTOMER_TOKEN
    );
    assert_eq!(registered.jwt().expose_secret(), double::JWT);
    let received = double.requests();
    assert_eq!(received.len(), 1);
    let sent = &received[0];
    assert_eq!(sent.request_line(), "POST /customers HTTP/1.1");
    assert_eq!(sent.header("content-type"), Some("application/json"));
    assert_eq!(sent.header("user-agent"), Some(USER_AGENT_VALUE));
    assert_eq!(USER_AGENT_VALUE, "cleeng-register-client/0.1.0");
    assert_eq!(sent.body, serde_json::to_vec(&request).expect("serializes"));
    assert_eq!(sent.json()["password"], PASSWORD);
    assert_eq!(sent.json()["customerIP"], "8.8.8.8");
}

#[tokio::test]
async fn connections_are_reused() {
    let double = Double::start().await;
    let client = client(&double);
    for _ in 0..3 {
        client.register(&request("jane")).await.expect("registered");
    }
    // A clone shares the pool.
    client
        .clone()
        .register(&request("jane"))
        .await
        .expect("registered");
    assert_eq!(double.requests().len(), 4);
    assert_eq!(double.connections(), 1);
}

#[tokio::test]
async fn a_base_url_with_a_path_prefix_posts_under_it() {
    let double = Double::start().await;
    let base: BaseUrl = format!("{}/cleeng/v3/", double.base_url())
        .parse()
        .expect("a URL");
    Client::new(base)
        .register(&request("jane"))
        .await
        .expect("registered");
    assert_eq!(
        double.requests()[0].request_line(),
        "POST /cleeng/v3/customers HTTP/1.1"
    );
}

#[tokio::test]
async fn user0002_is_refused_with_422() {
    let (status, code, error) = refused("exists").await;
    assert_eq!(
        (status, code),
        (422, CleengErrorCode::CustomerAlreadyExists)
    );
    assert!(error.may_have_reached_cleeng());
    assert_eq!(error.delivery(), None);
    assert_eq!(error.upstream_status(), Some(422));
    assert_eq!(
        error.to_string(),
        "Cleeng refused the registration with HTTP 422: Cleeng error USER0002: Customer already exists"
    );
}

#[tokio::test]
async fn req0001_is_refused_with_400() {
    let (status, code, _) = refused("badrequest").await;
    assert_eq!((status, code), (400, CleengErrorCode::InvalidRequest));
}

#[tokio::test]
async fn cpt0001_and_cpt0002_are_refused_with_429() {
    let (status, code, _) = refused("captcha").await;
    assert_eq!((status, code), (429, CleengErrorCode::CaptchaRequired));
    let (status, code, _) = refused("captchafailed").await;
    assert_eq!((status, code), (429, CleengErrorCode::CaptchaFailed));
}

#[tokio::test]
async fn a_500_with_an_s_code_is_refused_with_its_code() {
    let (status, code, _) = refused("server").await;
    assert_eq!(status, 500);
    assert_eq!(code.as_str(), "S0001");
    assert_eq!(code.http_status(), Some(500));
}

#[tokio::test]
async fn an_undocumented_code_is_refused_and_kept_as_sent() {
    let (status, code, _) = refused("forbidden").await;
    assert_eq!(status, 403);
    assert_eq!(code, CleengErrorCode::Other("OFR0001".into()));
}

#[tokio::test]
async fn a_malformed_success_is_unusable_with_its_report_and_never_its_body() {
    let double = Double::start().await;
    let error = client(&double)
        .register(&request("malformed"))
        .await
        .expect_err("unusable");
    let RegisterError::Unusable { status, report } = &error else {
        panic!("expected unusable, got {error:?}");
    };
    assert_eq!(*status, 200);
    assert!(report.contains("", ResponseErrorCode::MalformedBody));
    for text in [error.to_string(), format!("{error:?}")] {
        assert!(!text.contains("upstream-body"), "{text}");
    }
    assert!(error.may_have_reached_cleeng());
}

#[tokio::test]
async fn an_error_status_without_a_cleeng_error_body_is_unusable() {
    let double = Double::start().await;
    let error = client(&double)
        .register(&request("teapot"))
        .await
        .expect_err("unusable");
    let RegisterError::Unusable { status, report } = &error else {
        panic!("expected unusable, got {error:?}");
    };
    assert_eq!(*status, 418);
    assert!(report.contains("/code", ResponseErrorCode::Missing));
}

#[tokio::test]
async fn an_answer_over_the_limit_is_too_large() {
    let double = Double::start().await;
    let error = client(&double)
        .register(&request("huge"))
        .await
        .expect_err("too large");
    assert!(
        matches!(
            error,
            RegisterError::TooLarge {
                status: 200,
                limit: 65536
            }
        ),
        "{error:?}"
    );
}

#[tokio::test]
async fn a_slow_answer_is_a_timeout_with_an_unknown_outcome_and_is_not_retried() {
    let double = Double::start().await;
    let client = Client::builder(double.base_url().parse::<BaseUrl>().expect("a URL"))
        .timeout(Duration::from_millis(400))
        .connect_retries(3)
        .build();
    let started = Instant::now();
    let error = client
        .register(&request("slow"))
        .await
        .expect_err("timeout");
    let elapsed = started.elapsed();
    assert!(
        matches!(
            error,
            RegisterError::Timeout {
                delivery: Delivery::Unknown,
                ..
            }
        ),
        "{error:?}"
    );
    assert!(error.may_have_reached_cleeng());
    assert!(
        elapsed >= Duration::from_millis(400) && elapsed < Duration::from_secs(2),
        "{elapsed:?}"
    );
    assert_eq!(double.requests().len(), 1);
}

#[tokio::test]
async fn a_connection_closed_after_the_request_is_an_unknown_outcome_and_is_not_retried() {
    let double = Double::start().await;
    let client = Client::builder(double.base_url().parse::<BaseUrl>().expect("a URL"))
        .connect_retries(3)
        .build();
    let error = client.register(&request("drop")).await.expect_err("broken");
    assert!(
        matches!(
            error,
            RegisterError::Transport {
                delivery: Delivery::Unknown,
                ..
            }
        ),
        "{error:?}"
    );
    assert!(error.may_have_reached_cleeng());
    // Give a retry, if there were one, the time to arrive.
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(double.requests().len(), 1);
    assert_eq!(double.connections(), 1);
}

/// A port of 127.0.0.1 where nothing listens (bound, then released).
async fn free_port() -> std::net::SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a free port");
    listener.local_addr().expect("an address")
}

#[tokio::test]
async fn a_refused_connection_was_not_sent() {
    let addr = free_port().await;
    let client = Client::builder(format!("http://{addr}").parse::<BaseUrl>().expect("a URL"))
        .connect_retries(0)
        .build();
    let error = client
        .register(&request("jane"))
        .await
        .expect_err("refused");
    assert!(
        matches!(
            error,
            RegisterError::Transport {
                delivery: Delivery::NotSent,
                ..
            }
        ),
        "{error:?}"
    );
    assert!(!error.may_have_reached_cleeng());
    assert_eq!(error.upstream_status(), None);
    // The cause, not only hyper's "client error (Connect)".
    assert!(error.to_string().contains("Connection refused"), "{error}");
}

#[tokio::test]
async fn a_refused_connection_is_retried_with_backoff_until_cleeng_listens() {
    let addr = free_port().await;
    let client = Client::builder(format!("http://{addr}").parse::<BaseUrl>().expect("a URL"))
        .connect_retries(3)
        .retry_backoff(Duration::from_millis(150))
        .build();
    // Cleeng comes up 250 ms later: after the first retry (150 ms), before the second (450 ms).
    let double = tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(250)).await;
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .expect("the port is still free");
        Double::serve(listener)
    });
    let started = Instant::now();
    let registered = client.register(&request("jane")).await.expect("registered");
    let elapsed = started.elapsed();
    let double = double.await.expect("the double started");
    assert_eq!(registered.customer_id().get(), 7);
    assert_eq!(double.requests().len(), 1);
    assert!(elapsed >= Duration::from_millis(450), "{elapsed:?}");
}

#[tokio::test]
async fn retries_stop_at_the_configured_count() {
    let addr = free_port().await;
    let client = Client::builder(format!("http://{addr}").parse::<BaseUrl>().expect("a URL"))
        .connect_retries(2)
        .retry_backoff(Duration::from_millis(100))
        .build();
    let started = Instant::now();
    let error = client
        .register(&request("jane"))
        .await
        .expect_err("refused");
    let elapsed = started.elapsed();
    assert!(!error.may_have_reached_cleeng());
    // Two waits, 100 and 200 ms, and no third.
    assert!(
        elapsed >= Duration::from_millis(300) && elapsed < Duration::from_millis(700),
        "{elapsed:?}"
    );
}

#[tokio::test]
async fn a_connection_not_accepted_in_time_is_a_connect_timeout_not_sent() {
    // A listener whose accept queue is full: the kernel drops new SYNs, so a connect hangs.
    let socket = tokio::net::TcpSocket::new_v4().expect("a socket");
    socket
        .bind("127.0.0.1:0".parse().expect("an address"))
        .expect("bound");
    let listener = socket.listen(1).expect("listening");
    let addr = listener.local_addr().expect("an address");
    let mut held = Vec::new();
    for _ in 0..4 {
        if let Ok(Ok(stream)) = tokio::time::timeout(
            Duration::from_millis(200),
            tokio::net::TcpStream::connect(addr),
        )
        .await
        {
            held.push(stream);
        }
    }
    let client = Client::builder(format!("http://{addr}").parse::<BaseUrl>().expect("a URL"))
        .connect_timeout(Duration::from_millis(300))
        .timeout(Duration::from_secs(5))
        .connect_retries(0)
        .build();
    let error = client
        .register(&request("jane"))
        .await
        .expect_err("no connection");
    assert!(
        matches!(
            error,
            RegisterError::Timeout {
                delivery: Delivery::NotSent,
                after
            } if after == Duration::from_millis(300)
        ),
        "{error:?}"
    );
    assert!(!error.may_have_reached_cleeng());
    drop((held, listener));
}

#[test]
fn base_urls_name_cleengs_hosts_once() {
    use cleeng_register_client::Environment;
    let servers = cleeng_register_response::openapi::SERVERS;
    assert_eq!(Environment::Sandbox.url(), servers[0].0);
    assert_eq!(Environment::Production.url(), servers[1].0);
    let doc = cleeng_register_response::openapi::document(&Policy::default());
    assert_eq!(doc["servers"][0]["url"], Environment::Sandbox.url());
    assert_eq!(doc["servers"][1]["url"], Environment::Production.url());
    assert_eq!(
        "production".parse::<BaseUrl>().expect("a name"),
        Environment::Production.base_url()
    );
    for bad in [
        "",
        "example.com",
        "ftp://example.com",
        "http://user:pw@example.com",
        "http://example.com/?q",
        "http://example.com/#f",
    ] {
        let error = bad.parse::<BaseUrl>().expect_err(bad);
        if !bad.is_empty() {
            assert!(!error.to_string().contains(bad), "{error}");
        }
    }
}
