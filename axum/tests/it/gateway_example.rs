//! The gateway example itself, as a process: its command line, its answers and documents, its
//! log lines (one per request, never a value, no forged line), and its shutdown on Ctrl-C and
//! on SIGTERM with a slow client connected.

use std::io::{BufRead, BufReader, Read};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Output, Stdio};
use std::time::{Duration, Instant};

use crate::util::server::{full, post_to};
use axum::http::{header, StatusCode};
use cleeng_register::Advisory;
use cleeng_register_messages::{Catalog, Language};
use tokio::io::AsyncWriteExt;

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

/// The gateway with these arguments run to its end (for options that stop it at once).
fn gateway_output(args: &[&str]) -> Output {
    Command::new(gateway_binary())
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("the gateway runs")
}

/// A running gateway; stopped if the test fails half-way.
struct Gateway {
    child: Child,
    addr: SocketAddr,
}

impl Gateway {
    /// Starts the gateway on a free port with these extra arguments, logging at `info`.
    fn start(args: &[&str]) -> Gateway {
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

    fn signal(&self, signal: &str) -> Instant {
        let sent = Command::new("kill")
            .args([signal, &self.child.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(sent.success());
        Instant::now()
    }

    /// Waits for the process to end, at most `within`: its status and its logs.
    fn wait(mut self, within: Duration) -> (ExitStatus, String) {
        let started = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("the child can be waited for") {
                break status;
            }
            assert!(
                started.elapsed() < within,
                "the gateway did not stop within {within:?}"
            );
            std::thread::sleep(Duration::from_millis(20));
        };
        let mut logs = String::new();
        self.child
            .stderr
            .take()
            .expect("piped stderr")
            .read_to_string(&mut logs)
            .expect("UTF-8 logs");
        (status, logs)
    }
}

impl Drop for Gateway {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

const EMAIL: &str = "gateway.marker.7731@example.com";
const PASSWORD: &str = "Pw-marker-99418";

#[tokio::test]
async fn the_gateway_starts_answers_and_stops_on_ctrl_c() {
    let gateway = Gateway::start(&["--fill-customer-ip"]);
    let addr = gateway.addr;
    let body = format!(
        r#"{{"email":"{EMAIL}","password":"{PASSWORD}","publisherId":"123456789","locale":"en_US","country":"US","currency":"USD"}}"#
    );
    let answer = post_to(addr, &[], full(body)).await.expect("an answer");
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.content_type(), "application/json");
    // Filled from the peer, 127.0.0.1: not a public address. Worded by the catalog, in
    // English without `Accept-Language`.
    assert_eq!(
        answer.text,
        format!(
            r#"{{"valid":true,"advisories":[{{"pointer":"/customerIP","code":"customer_ip_not_public","message":"{}"}}]}}"#,
            Catalog::get().advisory(Language::En, Advisory::CustomerIpNotPublic)
        )
    );
    assert_eq!(answer.headers[header::CONTENT_LANGUAGE], "en");
    let invalid = format!(r#"{{"email":"{EMAIL}x","password":"{PASSWORD}"}}"#);
    let refused = post_to(addr, &[], full(invalid)).await.expect("an answer");
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert_eq!(refused.body["code"], "REQ0001");

    // A path is logged without its query, and cut at 100 bytes.
    let long = format!("/{}?email={EMAIL}", "y".repeat(300));
    let response = crate::util::server::client()
        .get(format!("http://{addr}{long}").parse().expect("a URI"))
        .await
        .expect("an answer");
    assert_eq!(response.status(), StatusCode::NOT_FOUND);

    gateway.signal("-INT");
    let (status, logs) = gateway.wait(Duration::from_secs(10));
    assert!(status.success(), "a clean exit, not {status}");
    let cut = format!(r#"path="/{}" status=404"#, "y".repeat(99));
    assert!(logs.contains(&cut), "{logs}");
    for expected in [
        "listening",
        "status=200",
        "advisories=customer_ip_not_public",
        "status=400",
        r#"refused=invalid body: offer_or_publisher_required; "/locale" missing;"#,
        "Ctrl-C: shutting down",
        "stopped",
    ] {
        assert!(
            logs.contains(expected),
            "{expected:?} not in the logs:\n{logs}"
        );
    }
    // Every line starts with an RFC 3339 time stamp in UTC to the microsecond, and a recent one.
    for line in logs.lines() {
        let stamp = line.get(..27).unwrap_or(line);
        assert!(
            stamp.ends_with('Z') && stamp.as_bytes()[19] == b'.',
            "{line}"
        );
        let time: jiff::Timestamp = stamp.parse().unwrap_or_else(|e| panic!("{line}: {e}"));
        let age = jiff::Timestamp::now().duration_since(time);
        assert!(age.is_positive() && age.as_secs() < 60, "{line}");
    }
    // One line per request.
    assert_eq!(logs.matches(r#"path="/customers""#).count(), 2, "{logs}");
    for secret in ["marker", PASSWORD, EMAIL] {
        assert!(!logs.contains(secret), "{secret:?} logged:\n{logs}");
    }
}

#[tokio::test]
async fn a_forged_log_line_in_a_key_stays_inside_one_escaped_line() {
    let gateway = Gateway::start(&[]);
    let forged = r#"{"x\n2026-11-30T00:00:00Z  INFO forged: admin login\u001b[31mRED":1}"#;
    let answer = post_to(gateway.addr, &[], full(forged))
        .await
        .expect("an answer");
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    // The answer's pointer is the key, as JSON writes it (escaped by the serializer).
    assert!(answer.errors().contains(&(
        "/x\n2026-11-30T00:00:00Z  INFO forged: admin login\u{1b}[31mRED".into(),
        "unknown_field".into()
    )));

    gateway.signal("-TERM");
    let (status, logs) = gateway.wait(Duration::from_secs(10));
    assert!(status.success(), "{status}");
    assert!(
        !logs.contains('\u{1b}'),
        "an ESC byte in the logs:\n{logs:?}"
    );
    let lines: Vec<&str> = logs.lines().collect();
    let request_lines: Vec<&&str> = lines.iter().filter(|l| l.contains("path=")).collect();
    assert_eq!(request_lines.len(), 1, "{logs}");
    assert!(
        request_lines[0].contains(
            r#""/x\n2026-11-30T00:00:00Z  INFO forged: admin login\u001b[31mRED" unknown_field"#
        ),
        "{}",
        request_lines[0]
    );
    // Every line is one of the gateway's own: a time stamp, a level, the gateway's target.
    assert!(
        lines
            .iter()
            .all(|l| !l.starts_with("2026-11-30T00:00:00Z") && l.contains(" gateway: ")),
        "{logs}"
    );
}

#[tokio::test]
async fn a_refusal_s_log_line_is_at_most_4_kib_and_its_problem_keeps_every_error() {
    let gateway = Gateway::start(&[]);
    // 99 unknown keys of control characters, each escaped six times its size in a log: a
    // body of about 64 KB whose line was 122,545 bytes.
    let key = "\\u001b".repeat(100);
    let members: Vec<String> = (0..99).map(|i| format!(r#""{key}{i}":1"#)).collect();
    let body = format!("{{{}}}", members.join(","));
    assert!(body.len() <= 65536, "{}", body.len());
    let answer = post_to(gateway.addr, &[], full(body))
        .await
        .expect("an answer");
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    // maxErrors (100) errors, the missing fields' and the first unknown keys', then the
    // marker of the rest.
    let errors = answer.errors();
    assert_eq!(errors.len(), 101, "{errors:?}");
    assert_eq!(errors[100].1, "too_many_errors");
    assert!(errors.iter().filter(|(_, c)| c == "unknown_field").count() > 90);

    gateway.signal("-TERM");
    let (status, logs) = gateway.wait(Duration::from_secs(10));
    assert!(status.success(), "{status}");
    let line = logs
        .lines()
        .find(|l| l.contains("path=\"/customers\""))
        .expect("the request's line");
    assert!(line.len() <= 4096, "a line of {} bytes", line.len());
    // Each error shown is followed by "; ", the last by "and N more" for the rest.
    let shown = line.matches("; ").count();
    let total = answer.errors().len();
    assert!(shown > 0 && shown < total, "{line}");
    assert!(
        line.ends_with(&format!("; and {} more", total - shown)),
        "{line}"
    );
}

#[tokio::test]
async fn a_valid_body_s_advisories_follow_accept_language() {
    let gateway = Gateway::start(&["--fill-customer-ip"]);
    let answer = post_to(
        gateway.addr,
        &[("accept-language", "de-CH,de;q=0.9,en;q=0.5")],
        full(crate::util::VALID_WITHOUT_IP),
    )
    .await
    .expect("an answer");
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.headers[header::CONTENT_LANGUAGE], "de");
    assert_eq!(answer.headers[header::VARY], "accept-language");
    let german = Catalog::get().advisory(Language::De, Advisory::CustomerIpNotPublic);
    assert_ne!(
        german,
        Catalog::get().advisory(Language::En, Advisory::CustomerIpNotPublic)
    );
    assert_eq!(
        answer.body["advisories"][0]["code"],
        "customer_ip_not_public"
    );
    assert_eq!(answer.body["advisories"][0]["message"], german.as_str());
}

#[tokio::test]
async fn override_customer_ip_replaces_the_body_s_address_with_the_connection_s() {
    // The body says 8.8.8.8 (public); the connection is 127.0.0.1 (not public).
    let advisories = |args: &'static [&'static str]| async move {
        let gateway = Gateway::start(args);
        let answer = post_to(gateway.addr, &[], full(crate::util::VALID))
            .await
            .expect("an answer");
        assert_eq!(answer.status, StatusCode::OK);
        answer.advisories()
    };
    assert!(advisories(&["--fill-customer-ip"]).await.is_empty());
    assert_eq!(
        advisories(&["--override-customer-ip"]).await,
        ["customer_ip_not_public"]
    );
}

#[tokio::test]
async fn a_path_with_a_character_across_the_log_cut_is_answered_and_logged() {
    use tokio::io::AsyncReadExt;
    let gateway = Gateway::start(&[]);
    // Raw bytes, as a client may send them: `é` (two bytes) straddles the 100-byte cut.
    let path = format!("/{}é", "a".repeat(98));
    let mut client = tokio::net::TcpStream::connect(gateway.addr)
        .await
        .expect("connects");
    let request = format!("GET {path} HTTP/1.1\r\nhost: t\r\nconnection: close\r\n\r\n");
    client.write_all(request.as_bytes()).await.expect("sends");
    let mut answer = Vec::new();
    client.read_to_end(&mut answer).await.expect("reads");
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 404"), "{answer:?}");

    gateway.signal("-INT");
    let (status, logs) = gateway.wait(Duration::from_secs(10));
    assert!(status.success(), "{status}\n{logs}");
    assert!(!logs.contains("panicked"), "{logs}");
    let cut = format!(r#"path="/{}" status=404"#, "a".repeat(98));
    assert!(logs.contains(&cut), "{logs}");
}

#[tokio::test]
async fn sigterm_with_a_slow_client_connected_exits_0_within_the_grace_period() {
    let gateway = Gateway::start(&["--shutdown-grace", "1", "--body-timeout", "60"]);
    let mut slow = tokio::net::TcpStream::connect(gateway.addr)
        .await
        .expect("connects");
    let head = "POST /customers HTTP/1.1\r\nhost: t\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{";
    slow.write_all(head.as_bytes()).await.expect("sends");
    // And one that sends only half a request line.
    let mut slower = tokio::net::TcpStream::connect(gateway.addr)
        .await
        .expect("connects");
    slower.write_all(b"POST /cu").await.expect("sends");
    tokio::time::sleep(Duration::from_millis(300)).await;

    let signalled = gateway.signal("-TERM");
    let (status, logs) = gateway.wait(Duration::from_secs(10));
    let took = signalled.elapsed();
    assert!(status.success(), "{status}\n{logs}");
    assert!(
        took < Duration::from_secs(2),
        "stopped after {took:?}, more than the grace period plus a second"
    );
    assert!(logs.contains("SIGTERM: shutting down"), "{logs}");
    // Both slow clients were still connected at the end of the grace period.
    assert!(logs.contains("cut=2"), "{logs}");
    drop((slow, slower));
}

#[tokio::test]
async fn media_types_with_white_space_around_semicolons_are_accepted() {
    let gateway = Gateway::start(&[]);
    // Raw, so that the header is sent exactly once and as written.
    for (content_type, status) in [
        ("application/json ;charset=utf-8", "200"),
        ("application/json ; charset=\"utf-8\"", "200"),
        ("application/json; charset = utf-8", "415"),
    ] {
        let head = format!(
            "POST /customers HTTP/1.1\r\nhost: t\r\nconnection: close\r\ncontent-type: {content_type}\r\ncontent-length: {}\r\n\r\n{}",
            crate::util::VALID.len(),
            crate::util::VALID
        );
        let mut stream = tokio::net::TcpStream::connect(gateway.addr)
            .await
            .expect("connects");
        stream.write_all(head.as_bytes()).await.expect("sends");
        let mut answer = String::new();
        tokio::io::AsyncReadExt::read_to_string(&mut stream, &mut answer)
            .await
            .expect("reads");
        assert!(
            answer.starts_with(&format!("HTTP/1.1 {status} ")),
            "{content_type}: {answer}"
        );
    }
}

async fn get_json(addr: SocketAddr, path: &str) -> serde_json::Value {
    let response = crate::util::server::client()
        .get(format!("http://{addr}{path}").parse().expect("a URI"))
        .await
        .expect("an answer");
    assert_eq!(response.status(), StatusCode::OK);
    let bytes = http_body_util::BodyExt::collect(response.into_body())
        .await
        .expect("a body")
        .to_bytes();
    serde_json::from_slice(&bytes).expect("JSON")
}

fn requires_customer_ip(schema: &serde_json::Value) -> bool {
    schema["required"]
        .as_array()
        .expect("a required list")
        .contains(&"customerIP".into())
}

#[tokio::test]
async fn the_published_schema_makes_customer_ip_optional_when_the_gateway_fills_it() {
    let policy = std::env::temp_dir().join(format!("gateway-policy-{}.json", std::process::id()));
    std::fs::write(&policy, r#"{"customerIp": "required", "maxErrors": 7}"#).expect("written");
    let policy = policy.to_str().expect("a UTF-8 path");

    let as_is = Gateway::start(&["--policy", policy]);
    let schema = get_json(as_is.addr, "/schema.json").await;
    assert!(requires_customer_ip(&schema), "{schema}");
    // The OpenAPI document's request body is the same schema (its properties: a required
    // customerIP is not nullable, an optional one is, so they differ between the two views).
    let openapi = get_json(as_is.addr, "/openapi.json").await;
    assert!(openapi
        .to_string()
        .contains(&schema["properties"].to_string()));

    for filling in [
        &["--fill-customer-ip"][..],
        &["--trusted-proxy", "10.0.0.0/8"][..],
    ] {
        let gateway = Gateway::start(&[&["--policy", policy][..], filling].concat());
        let schema = get_json(gateway.addr, "/schema.json").await;
        assert!(!requires_customer_ip(&schema), "{filling:?}: {schema}");
        let openapi = get_json(gateway.addr, "/openapi.json").await;
        let properties = schema["properties"].to_string();
        assert!(openapi.to_string().contains(&properties), "{filling:?}");
        // And the service still takes a body without customerIP (it fills it).
        let answer = post_to(gateway.addr, &[], full(crate::util::VALID_WITHOUT_IP))
            .await
            .expect("an answer");
        assert_eq!(
            answer.status,
            StatusCode::OK,
            "{filling:?}: {}",
            answer.text
        );
    }
    let _ = std::fs::remove_file(policy);
}

#[tokio::test]
async fn the_published_messages_are_the_catalogs_english_as_the_refusals_word_them() {
    use cleeng_register_messages::{document, Language};
    let gateway = Gateway::start(&[]);
    let messages = get_json(gateway.addr, "/messages.json").await;
    assert_eq!(
        messages,
        document::document(Language::En, &cleeng_register::Policy::default())
    );
    assert_eq!(messages["language"], "en");
    // The words of a refusal in English are the document's: `{}` misses the email first.
    let email = messages["fields"]
        .as_array()
        .expect("fields")
        .iter()
        .find(|f| f["key"] == "email")
        .expect("the email field");
    let missing = email["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .find(|r| r["code"] == "missing")
        .expect("the missing rule");
    assert_eq!(missing["message"], "Email address is required.");
    let answer = post_to(gateway.addr, &[], full("{}"))
        .await
        .expect("an answer");
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.body["errors"][0]["pointer"], "/email");
    assert_eq!(answer.body["errors"][0]["message"], missing["message"]);
}

#[test]
fn help_and_version_exit_0() {
    let help = gateway_output(&["--help"]);
    assert!(help.status.success());
    let text = String::from_utf8_lossy(&help.stdout);
    for option in [
        "--listen",
        "--policy",
        "--fill-customer-ip",
        "--override-customer-ip",
        "--trusted-proxy",
        "--invalid-status",
        "--header-timeout",
        "--idle-timeout",
        "--body-timeout",
        "--write-timeout",
        "--max-connections",
        "--shutdown-grace",
        "--offer-id",
        "--publisher-id",
        "--locale",
        "--currency",
        "[default: 10]",
        "[default: 30]",
        "[default: 512]",
        "[default: 60]",
        "[possible values: 400, 422]",
        "A time limit is from 0.001 to 3153600000 seconds (100 years); the grace period from 0.",
    ] {
        assert!(text.contains(option), "{option} not in --help:\n{text}");
    }
    let version = gateway_output(&["--version"]);
    assert!(version.status.success());
    assert_eq!(
        String::from_utf8_lossy(&version.stdout).trim(),
        format!("gateway {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn usage_errors_exit_2_with_a_reason() {
    const TIMEOUT_RANGE: &str = "expected a number of seconds from 0.001 to 3153600000 (100 years)";
    const GRACE_RANGE: &str = "expected a number of seconds from 0 to 3153600000 (100 years)";
    for (args, expected) in [
        (
            &["--lisen", "127.0.0.1:0"][..],
            "a similar argument exists: '--listen'",
        ),
        (
            &["--invalid-status", "404"][..],
            "possible values: 400, 422",
        ),
        (&["--header-timeout", "0"][..], TIMEOUT_RANGE),
        (&["--header-timeout", "1e19"][..], TIMEOUT_RANGE),
        (&["--header-timeout", "0.0001"][..], TIMEOUT_RANGE),
        (&["--idle-timeout", "0"][..], TIMEOUT_RANGE),
        (&["--idle-timeout", "NaN"][..], TIMEOUT_RANGE),
        (&["--body-timeout=-1"][..], TIMEOUT_RANGE),
        (&["--body-timeout", "3153600001"][..], TIMEOUT_RANGE),
        (&["--write-timeout", "0"][..], TIMEOUT_RANGE),
        (&["--write-timeout", "1e19"][..], TIMEOUT_RANGE),
        (&["--shutdown-grace", "soon"][..], GRACE_RANGE),
        (&["--shutdown-grace", "inf"][..], GRACE_RANGE),
        (&["--shutdown-grace=-0.5"][..], GRACE_RANGE),
        (&["--shutdown-grace", "1e19"][..], GRACE_RANGE),
        (&["--max-connections", "0"][..], "--max-connections"),
        (&["--trusted-proxy", "10.0.0.1/33"][..], "--trusted-proxy"),
        (&["--listen", "localhost"][..], "--listen"),
        (
            &["--policy", "/nonexistent/policy.json"][..],
            "/nonexistent/policy.json",
        ),
        (&["stray"][..], "unexpected argument 'stray'"),
    ] {
        let output = gateway_output(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
        if expected.contains("(100 years)") {
            // A range is said whole on the error's own line.
            let error = stderr
                .lines()
                .find(|l| l.starts_with("error: "))
                .unwrap_or("");
            assert!(error.contains(expected), "{args:?}: {stderr}");
        }
        assert!(output.stdout.is_empty(), "{args:?}");
    }
}

/// The headers of the gateway's answer to `GET path`.
async fn get_headers(addr: SocketAddr, path: &str) -> (StatusCode, axum::http::HeaderMap) {
    let response = crate::util::server::client()
        .get(format!("http://{addr}{path}").parse().expect("a URI"))
        .await
        .expect("an answer");
    (response.status(), response.headers().clone())
}

#[tokio::test]
async fn every_answer_carries_the_security_headers_and_its_caching() {
    const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
        frame-ancestors 'none'; form-action 'self'; base-uri 'none'";
    let gateway = Gateway::start(&[]);
    let mut answers = Vec::new();
    for path in [
        "/",
        "/dev/",
        "/config.json",
        "/assets/form.css",
        "/schema.json",
        "/messages.json",
        "/openapi.json",
        "/nowhere",
    ] {
        let (status, headers) = get_headers(gateway.addr, path).await;
        answers.push((path.to_owned(), status, headers));
    }
    for (body, path) in [(crate::util::VALID, "POST valid"), ("{", "POST invalid")] {
        let answer = post_to(gateway.addr, &[], full(body))
            .await
            .expect("an answer");
        answers.push((path.to_owned(), answer.status, answer.headers));
    }
    for (path, status, headers) in &answers {
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(headers["referrer-policy"], "no-referrer", "{path}");
        let cache = headers["cache-control"].to_str().unwrap();
        let page = headers
            .get("content-type")
            .is_some_and(|t| t.as_bytes().starts_with(b"text/html"));
        assert_eq!(
            headers.get("content-security-policy").is_some(),
            page,
            "{path}"
        );
        match path.as_str() {
            "/nowhere" => assert_eq!(*status, StatusCode::NOT_FOUND),
            p if p.starts_with("POST") => assert_eq!(cache, "no-store", "{path}"),
            _ => {
                assert_eq!(*status, StatusCode::OK, "{path}");
                assert_eq!(cache, "no-cache", "{path}");
            }
        }
        if path == "/nowhere" {
            assert_eq!(cache, "no-store");
        }
    }
    let page = &answers[0].2;
    assert_eq!(page["content-security-policy"], CSP);
    let csp = page["content-security-policy"].to_str().unwrap();
    assert!(!csp.contains("unsafe"), "{csp}");
}

#[tokio::test]
async fn the_forms_configuration_is_the_flags_and_their_assets_are_cached_by_version() {
    let defaults = Gateway::start(&[]);
    assert_eq!(
        get_json(defaults.addr, "/config.json").await,
        serde_json::json!({"offerId": "S565568989_US", "locale": "en_US", "currency": "USD"})
    );
    let publisher = Gateway::start(&[
        "--publisher-id",
        "123456789",
        "--locale",
        "pl_PL",
        "--currency",
        "PLN",
    ]);
    assert_eq!(
        get_json(publisher.addr, "/config.json").await,
        serde_json::json!({"publisherId": "123456789", "locale": "pl_PL", "currency": "PLN"})
    );
    for path in ["/", "/dev/", "/config.json"] {
        let (status, headers) = get_headers(defaults.addr, path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert_eq!(headers["cache-control"], "no-cache", "{path}");
        // The pages' policy; the configuration is no page.
        let csp = headers.get("content-security-policy");
        assert_eq!(csp.is_some(), path != "/config.json", "{path}");
    }
    // An asset asked for by its current version is cached for good; by another, revalidated.
    let page = crate::util::server::client()
        .get(format!("http://{}/", defaults.addr).parse().expect("a URI"))
        .await
        .expect("an answer");
    let page = http_body_util::BodyExt::collect(page.into_body())
        .await
        .expect("a body")
        .to_bytes();
    let page = std::str::from_utf8(&page).expect("UTF-8");
    let at = page
        .find("/assets/form.css?v=")
        .expect("the style, versioned");
    let versioned = &page[at..at + "/assets/form.css?v=".len() + 16];
    let (status, headers) = get_headers(defaults.addr, versioned).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        headers["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert!(headers.get("content-security-policy").is_none());
    let (_, headers) = get_headers(defaults.addr, "/assets/form.css?v=0").await;
    assert_eq!(headers["cache-control"], "no-cache");
    let (status, _) = get_headers(defaults.addr, "/assets/nope.js").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
