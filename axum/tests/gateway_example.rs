//! The gateway example itself: the built binary starts, answers, and stops on Ctrl-C (SIGINT)
//! after logging what happened, without a word of any body.

mod util;

use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use axum::http::StatusCode;
use util::server::{full, post_to};

/// `target/<profile>/examples/gateway`, beside this test's own `deps` folder, built (or found
/// up to date) by cargo first, so that the test never runs a stale binary.
fn gateway_binary() -> PathBuf {
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

/// Stops the child if the test fails half-way.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

const EMAIL: &str = "gateway.marker.7731@example.com";
const PASSWORD: &str = "Pw-marker-99418";

#[tokio::test]
async fn the_gateway_starts_answers_and_stops_on_ctrl_c() {
    let child = Command::new(gateway_binary())
        .args(["--listen", "127.0.0.1:0", "--fill-customer-ip"])
        .env("RUST_LOG", "info")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the gateway starts");
    let mut gateway = Running(child);
    let mut stdout = BufReader::new(gateway.0.stdout.take().expect("piped stdout"));
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

    let body = format!(
        r#"{{"email":"{EMAIL}","password":"{PASSWORD}","publisherId":"123456789","locale":"en_US","country":"US","currency":"USD"}}"#
    );
    let answer = post_to(addr, &[], full(body)).await.expect("an answer");
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.content_type(), "application/json");
    // Filled from the peer, 127.0.0.1: not a public address.
    assert_eq!(
        answer.text,
        format!(
            r#"{{"valid":true,"advisories":[{{"pointer":"/customerIP","code":"customer_ip_not_public","message":"{}"}}]}}"#,
            cleeng_register::Advisory::CustomerIpNotPublic.message()
        )
    );
    let invalid = format!(r#"{{"email":"{EMAIL}x","password":"{PASSWORD}"}}"#);
    let refused = post_to(addr, &[], full(invalid)).await.expect("an answer");
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert_eq!(refused.body["code"], "REQ0001");

    // Ctrl-C.
    let pid = gateway.0.id().to_string();
    let sent = Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .expect("kill runs");
    assert!(sent.success());
    let started = Instant::now();
    let status = loop {
        if let Some(status) = gateway.0.try_wait().expect("the child can be waited for") {
            break status;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "the gateway stops within 10 s"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "a clean exit, not {status}");

    let mut logs = String::new();
    gateway
        .0
        .stderr
        .take()
        .expect("piped stderr")
        .read_to_string(&mut logs)
        .expect("UTF-8 logs");
    for expected in [
        "listening",
        "valid registration",
        "refused",
        "status=400",
        "Ctrl-C: shutting down",
        "stopped",
    ] {
        assert!(
            logs.contains(expected),
            "{expected:?} not in the logs:\n{logs}"
        );
    }
    for secret in ["marker", PASSWORD, EMAIL] {
        assert!(!logs.contains(secret), "{secret:?} logged:\n{logs}");
    }
}
