//! The `gateway` example (the built binary) with `--upstream` in front of the double: a valid
//! body registers end to end with its filled `customerIP`, and every failure has its
//! documented answer, never the upstream's body, never a token in the log.

use std::io::{BufRead, BufReader, Read};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::client::PASSWORD;
use crate::double::{self, Double};

/// `target/<profile>/examples/gateway`, built (or found up to date) by cargo first.
pub fn gateway_binary() -> PathBuf {
    let exe = std::env::current_exe().expect("the test binary's path");
    let profile_dir = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("test binaries live in target/<profile>/deps");
    let mut build = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    build.args([
        "build",
        "--quiet",
        "-p",
        "cleeng-register-axum",
        "--example",
        "gateway",
    ]);
    if profile_dir.ends_with("release") {
        build.arg("--release");
    }
    assert!(
        build.status().expect("cargo runs").success(),
        "the gateway example builds"
    );
    profile_dir
        .join("examples")
        .join(format!("gateway{}", std::env::consts::EXE_SUFFIX))
}

/// A running gateway; killed when dropped.
pub struct Gateway {
    child: Child,
    pub addr: SocketAddr,
}

impl Gateway {
    /// Starts the gateway on a free port with these arguments, logging at `info`.
    pub fn start(args: &[&str]) -> Gateway {
        let mut child = Command::new(gateway_binary())
            .args(["--listen", "127.0.0.1:0"])
            .args(args)
            .env("RUST_LOG", "info")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the gateway starts");
        let mut stdout = BufReader::new(child.stdout.take().expect("piped stdout"));
        let mut line = String::new();
        stdout
            .read_line(&mut line)
            .expect("the gateway says where it listens");
        let addr = line
            .trim()
            .strip_prefix("listening on http://")
            .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
            .parse()
            .expect("an address");
        Gateway { child, addr }
    }

    /// Stops it and returns its logs.
    fn logs(mut self) -> String {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let _ = self.child.wait();
        let mut logs = String::new();
        self.child
            .stderr
            .take()
            .expect("piped stderr")
            .read_to_string(&mut logs)
            .expect("UTF-8 logs");
        logs
    }
}

impl Drop for Gateway {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An answer of the gateway.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub head: String,
    pub text: String,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or_else(|_| panic!("JSON: {}", self.text))
    }

    pub fn content_type(&self) -> Option<&str> {
        self.head.lines().find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.eq_ignore_ascii_case("content-type")
                .then(|| value.trim())
        })
    }
}

/// `POST /customers` with this JSON body, on a connection of its own.
pub async fn post(addr: SocketAddr, body: &str) -> Reply {
    let mut stream = tokio::net::TcpStream::connect(addr)
        .await
        .expect("the gateway accepts");
    let request = format!(
        "POST /customers HTTP/1.1\r\nhost: gateway\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    );
    stream
        .write_all(request.as_bytes())
        .await
        .expect("the request is sent");
    let mut raw = Vec::new();
    stream
        .read_to_end(&mut raw)
        .await
        .expect("the answer is read");
    let raw = String::from_utf8(raw).expect("a UTF-8 answer");
    let (head, text) = raw.split_once("\r\n\r\n").expect("a head and a body");
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("a status line");
    Reply {
        status,
        head: head.to_owned(),
        text: text.to_owned(),
    }
}

/// A valid body without `customerIP`, whose email's local part picks the double's answer.
pub fn body(case: &str) -> String {
    format!(
        r#"{{"email":"{case}@example.com","password":"{PASSWORD}","offerId":"S565568989_US","locale":"en_US","country":"US","currency":"USD"}}"#
    )
}

fn assert_problem(reply: &Reply, status: u16) -> Value {
    assert_eq!(reply.status, status, "{reply:?}");
    assert_eq!(reply.content_type(), Some("application/problem+json"));
    let problem = reply.json();
    assert_eq!(problem["status"], status);
    for leak in [
        double::SERVER_MESSAGE,
        "upstream-body",
        PASSWORD,
        double::CUSTOMER_TOKEN,
    ] {
        assert!(!reply.text.contains(leak), "{}", reply.text);
    }
    problem
}

#[tokio::test]
async fn the_gateway_registers_end_to_end_and_answers_every_outcome() {
    let double = Double::start().await;
    let upstream = double.base_url();
    let gateway = Gateway::start(&[
        "--upstream",
        &upstream,
        "--upstream-timeout",
        "1",
        "--fill-customer-ip",
    ]);

    // Registered: Cleeng's envelope, and Cleeng saw the customer's address.
    let reply = post(gateway.addr, &body("jane")).await;
    assert_eq!(reply.status, 200, "{reply:?}");
    assert_eq!(reply.content_type(), Some("application/json"));
    assert_eq!(
        reply.json(),
        serde_json::json!({"responseData":{"customerId":7,"customerToken":double::CUSTOMER_TOKEN,
            "jwt":double::JWT,"refreshToken":double::REFRESH_TOKEN},"errors":[]})
    );
    let sent = double.requests().pop().expect("the double got the request");
    assert_eq!(sent.request_line(), "POST /customers HTTP/1.1");
    assert_eq!(sent.json()["customerIP"], "127.0.0.1");
    assert_eq!(sent.json()["password"], PASSWORD);

    // Cleeng's documented refusals keep their status, with Cleeng's code and message.
    for (case, status, code, message) in [
        ("exists", 422, "USER0002", "Customer already exists"),
        ("badrequest", 400, "REQ0001", "Invalid request"),
        ("captcha", 429, "CPT0001", "Captcha verification required"),
        (
            "captchafailed",
            429,
            "CPT0002",
            "Captcha verification failed",
        ),
    ] {
        let problem = assert_problem(&post(gateway.addr, &body(case)).await, status);
        assert_eq!(problem["cleengCode"], code);
        assert_eq!(problem["detail"], message);
    }

    // Cleeng's 5xx, an unusable answer: 502, never the upstream's body.
    let problem = assert_problem(&post(gateway.addr, &body("server")).await, 502);
    assert_eq!(problem["upstreamStatus"], 500);
    assert_eq!(problem["cleengCode"], "S0001");
    // A refusal Cleeng does not document for this call: 502, with the code.
    let problem = assert_problem(&post(gateway.addr, &body("forbidden")).await, 502);
    assert_eq!(problem["upstreamStatus"], 403);
    assert_eq!(problem["cleengCode"], "OFR0001");
    for case in ["malformed", "teapot", "huge"] {
        assert_problem(&post(gateway.addr, &body(case)).await, 502);
    }
    // A broken connection after the request: 502, and the customer may be registered.
    let problem = assert_problem(&post(gateway.addr, &body("drop")).await, 502);
    assert_eq!(problem["mayHaveReachedCleeng"], true);
    // No answer within --upstream-timeout: 504.
    let problem = assert_problem(&post(gateway.addr, &body("slow")).await, 504);
    assert_eq!(problem["mayHaveReachedCleeng"], true);

    // An invalid body is answered as without an upstream, and never reaches it.
    let before = double.requests().len();
    let reply = post(gateway.addr, r#"{"email":"jane@localhost"}"#).await;
    assert_eq!(reply.status, 400);
    assert_eq!(reply.json()["code"], "REQ0001");
    assert!(reply.json()["errors"].is_array());
    assert_eq!(double.requests().len(), before);

    // The log: the upstream's status, code and time on each line, never a secret.
    let logs = gateway.logs();
    assert!(
        logs.contains("status=200 micros=")
            && logs.contains("upstream_status=200 upstream_micros="),
        "{logs}"
    );
    assert!(
        logs.contains("status=422 micros=")
            && logs.contains("upstream_status=422 upstream_micros=")
            && logs.contains("cleeng_code=\"USER0002\" upstream_error=\"refused\""),
        "{logs}"
    );
    assert!(logs.contains("status=504 micros="), "{logs}");
    assert!(logs.contains("upstream_error=\"timeout\""), "{logs}");
    assert!(logs.contains("upstream_error=\"broken\""), "{logs}");
    for secret in [
        PASSWORD,
        double::CUSTOMER_TOKEN,
        double::REFRESH_TOKEN,
        double::SERVER_MESSAGE,
    ]
    .into_iter()
    .chain(double::JWT.split('.'))
    {
        assert!(!logs.contains(secret), "{logs}");
    }
}

#[tokio::test]
async fn an_unreachable_upstream_is_502_not_sent() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a port");
    let addr = listener.local_addr().expect("an address");
    drop(listener);
    let gateway = Gateway::start(&["--upstream", &format!("http://{addr}")]);
    let mut with_ip = body("jane");
    with_ip.insert_str(1, r#""customerIP":"8.8.8.8","#);
    let problem = assert_problem(&post(gateway.addr, &with_ip).await, 502);
    assert_eq!(problem["mayHaveReachedCleeng"], false);
    let logs = gateway.logs();
    assert!(logs.contains("upstream_error=\"unreachable\""), "{logs}");
}

#[tokio::test]
async fn without_an_upstream_the_gateway_only_validates() {
    let gateway = Gateway::start(&["--fill-customer-ip"]);
    let reply = post(gateway.addr, &body("jane")).await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.json()["valid"], true);
}

#[test]
fn a_bad_upstream_is_a_usage_error() {
    for (args, says) in [
        (&["--upstream", "ftp://example.com"][..], "http or https"),
        (&["--upstream", "http://user:pw@example.com"][..], "user"),
        (
            &["--upstream", "sandbox", "--upstream-timeout", "0"][..],
            "from 0.001",
        ),
    ] {
        let output = Command::new(gateway_binary())
            .args(args)
            .stdin(Stdio::null())
            .output()
            .expect("the gateway runs");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(says), "{stderr}");
    }
}
