//! `edge::serve` over a real socket on 127.0.0.1, with raw TCP clients that behave as attackers
//! do: half a request line, headers or a body dripped a byte at a time, connections that stay
//! idle, more connections than the cap, a slow client at shutdown. The limits are short so that
//! the suite takes seconds; each timing is checked from both sides (not before the limit, and
//! within it plus a margin for a loaded machine).

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use crate::util::{app, VALID, VALID_WITHOUT_IP};
use cleeng_register_axum::edge::{self, EdgeLimits, Stopped};
use cleeng_register_axum::{CustomerIpSource, RegistrationConfig};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// Time allowed past a limit for the server to act on a shared, loaded machine.
const MARGIN: Duration = Duration::from_millis(1500);

fn limits(header: u64, body: u64, max_connections: usize, grace: u64) -> EdgeLimits {
    let mut limits = EdgeLimits::default();
    limits.header_timeout = Duration::from_millis(header);
    limits.body_timeout = Duration::from_millis(body);
    limits.max_connections = max_connections;
    limits.shutdown_grace = Duration::from_millis(grace);
    limits
}

/// A server under `limits`, its address, the trigger of its shutdown and its end.
struct Server {
    addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    done: JoinHandle<Stopped>,
}

impl Server {
    async fn start(limits: EdgeLimits) -> Server {
        let config = RegistrationConfig::default().with_customer_ip(CustomerIpSource::Peer);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a free port on 127.0.0.1");
        let addr = listener.local_addr().expect("a bound address");
        let (stop, stopped) = oneshot::channel::<()>();
        let done = tokio::spawn(edge::serve(listener, app(config), limits, async {
            let _ = stopped.await;
        }));
        Server {
            addr,
            stop: Some(stop),
            done,
        }
    }

    async fn connect(&self) -> TcpStream {
        TcpStream::connect(self.addr).await.expect("connects")
    }

    /// Signals the shutdown; the time it was signalled.
    fn signal(&mut self) -> Instant {
        let _ = self.stop.take().expect("signalled once").send(());
        Instant::now()
    }

    async fn stopped(self) -> Stopped {
        tokio::time::timeout(Duration::from_secs(30), self.done)
            .await
            .expect("serve returns")
            .expect("serve does not panic")
    }
}

/// Reads until the server closes the connection (or resets it); what was read and when.
async fn until_closed(stream: &mut TcpStream) -> (Vec<u8>, Instant) {
    let mut read = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        match tokio::time::timeout(Duration::from_secs(30), stream.read(&mut buf))
            .await
            .expect("the server closes the connection within 30 s")
        {
            Ok(0) | Err(_) => return (read, Instant::now()),
            Ok(n) => read.extend_from_slice(&buf[..n]),
        }
    }
}

/// Reads one answer with a `Content-Length`: its head and body.
async fn one_answer(stream: &mut TcpStream) -> (String, String) {
    let mut read = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        let n = stream.read(&mut buf).await.expect("reads");
        assert!(
            n > 0,
            "closed before an answer: {:?}",
            String::from_utf8_lossy(&read)
        );
        read.extend_from_slice(&buf[..n]);
        let text = String::from_utf8_lossy(&read).into_owned();
        let Some(end) = text.find("\r\n\r\n") else {
            continue;
        };
        let head = text[..end].to_ascii_lowercase();
        let length: usize = head
            .lines()
            .find_map(|l| l.strip_prefix("content-length: "))
            .expect("a content-length")
            .parse()
            .expect("a number");
        if read.len() >= end + 4 + length {
            return (head, text[end + 4..end + 4 + length].to_owned());
        }
    }
}

fn request(body: &str) -> String {
    format!(
        "POST /customers HTTP/1.1\r\nhost: test\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
        body.len()
    )
}

fn assert_between(elapsed: Duration, low: Duration, high: Duration, what: &str) {
    assert!(
        low <= elapsed && elapsed <= high,
        "{what}: after {elapsed:?}, expected {low:?} to {high:?}"
    );
}

#[tokio::test]
async fn a_valid_request_is_answered_with_the_peer_address() {
    let server = Server::start(limits(2000, 2000, 8, 100)).await;
    let mut client = server.connect().await;
    client
        .write_all(request(VALID_WITHOUT_IP).as_bytes())
        .await
        .unwrap();
    let (head, body) = one_answer(&mut client).await;
    assert!(head.starts_with("http/1.1 200"), "{head}");
    let body: serde_json::Value = serde_json::from_str(&body).unwrap();
    // `ConnectInfo` reaches the extractor: the peer fills customerIP.
    assert_eq!(body["customerIP"], "127.0.0.1");
}

#[tokio::test]
async fn a_half_sent_request_line_is_closed_within_the_head_timeout() {
    let server = Server::start(limits(400, 5000, 8, 100)).await;
    let mut client = server.connect().await;
    let started = Instant::now();
    client.write_all(b"POST /custo").await.unwrap();
    let (answer, closed) = until_closed(&mut client).await;
    assert!(
        !String::from_utf8_lossy(&answer).contains(" 200 "),
        "{answer:?}"
    );
    let limit = Duration::from_millis(400);
    assert_between(
        closed - started,
        limit - Duration::from_millis(50),
        limit + MARGIN,
        "half a request line",
    );
}

#[tokio::test]
async fn a_connection_that_sends_nothing_is_closed_within_the_head_timeout() {
    let server = Server::start(limits(400, 5000, 8, 100)).await;
    let started = Instant::now();
    let mut client = server.connect().await;
    let (answer, closed) = until_closed(&mut client).await;
    assert!(answer.is_empty(), "{answer:?}");
    let limit = Duration::from_millis(400);
    assert_between(
        closed - started,
        limit - Duration::from_millis(50),
        limit + MARGIN,
        "silence",
    );
}

/// Writes `bytes` over and over, one every 50 ms, until a write fails because the server
/// closed the connection; when it failed.
async fn drip_until_cut(client: &mut TcpStream, bytes: &[u8]) -> Instant {
    let drip = async {
        for byte in bytes.iter().cycle() {
            if client.write_all(&[*byte]).await.is_err() {
                return Instant::now();
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        unreachable!("the cycle is endless")
    };
    tokio::time::timeout(Duration::from_secs(30), drip)
        .await
        .expect("the server closes the connection")
}

#[tokio::test]
async fn headers_dripped_a_byte_at_a_time_are_cut_at_the_head_timeout() {
    let server = Server::start(limits(600, 5000, 8, 100)).await;
    let mut client = server.connect().await;
    let started = Instant::now();
    client
        .write_all(b"POST /customers HTTP/1.1\r\n")
        .await
        .unwrap();
    // Bytes keep coming every 50 ms: an inactivity timeout would never fire.
    let failed = drip_until_cut(&mut client, b"x-slow: ").await;
    let limit = Duration::from_millis(600);
    assert_between(
        failed - started,
        limit - Duration::from_millis(50),
        limit + MARGIN,
        "dripped headers",
    );
}

/// A connection that has been answered once and is now idle (kept alive), and when its
/// answer was read.
async fn answered_once(server: &Server) -> (TcpStream, Instant) {
    let mut client = server.connect().await;
    client.write_all(request(VALID).as_bytes()).await.unwrap();
    let (head, _) = one_answer(&mut client).await;
    assert!(head.starts_with("http/1.1 200"), "{head}");
    assert!(!head.contains("connection: close"), "{head}");
    (client, Instant::now())
}

#[tokio::test]
async fn an_idle_keep_alive_connection_closes_at_the_idle_timeout_not_the_head_timeout() {
    let mut limits = limits(300, 5000, 8, 100);
    limits.idle_timeout = Duration::from_millis(1500);
    let server = Server::start(limits).await;
    let (mut client, answered) = answered_once(&server).await;
    // Still served after more than the head timeout of idleness.
    tokio::time::sleep(Duration::from_millis(700)).await;
    client.write_all(request(VALID).as_bytes()).await.unwrap();
    let (head, _) = one_answer(&mut client).await;
    assert!(head.starts_with("http/1.1 200"), "{head}");
    let answered_again = Instant::now();
    assert!(answered_again - answered > Duration::from_millis(700));
    // Then idle for good: closed at the idle timeout of the last answer.
    let (more, closed) = until_closed(&mut client).await;
    assert!(more.is_empty(), "{more:?}");
    let limit = Duration::from_millis(1500);
    assert_between(
        closed - answered_again,
        limit - Duration::from_millis(50),
        limit + MARGIN,
        "idle keep-alive",
    );
}

#[tokio::test]
async fn a_later_head_dripped_after_an_idle_wait_is_cut_at_the_head_timeout_from_its_first_byte() {
    let mut limits = limits(600, 5000, 8, 100);
    limits.idle_timeout = Duration::from_millis(5000);
    let server = Server::start(limits).await;
    let (mut client, _) = answered_once(&server).await;
    // Idle for longer than the head timeout: the wait does not count against the next head.
    tokio::time::sleep(Duration::from_millis(900)).await;
    let first_byte = Instant::now();
    let failed = drip_until_cut(&mut client, b"POST /customers HTTP/1.1\r\nx-slow: ").await;
    let limit = Duration::from_millis(600);
    assert_between(
        failed - first_byte,
        limit - Duration::from_millis(50),
        limit + MARGIN,
        "a later head, dripped",
    );
}

#[tokio::test]
async fn the_first_head_gets_the_head_timeout_even_when_the_idle_timeout_is_longer() {
    let mut limits = limits(400, 5000, 8, 100);
    limits.idle_timeout = Duration::from_millis(10_000);
    let server = Server::start(limits).await;
    let started = Instant::now();
    let mut client = server.connect().await;
    let (answer, closed) = until_closed(&mut client).await;
    assert!(answer.is_empty(), "{answer:?}");
    assert_between(
        closed - started,
        Duration::from_millis(350),
        Duration::from_millis(400) + MARGIN,
        "a silent new connection",
    );
}

/// Sends `head`, then drips the body a byte every 50 ms while reading the answer until the
/// connection closes: the answer and when it closed.
async fn drip_body(client: &mut TcpStream, head: &str) -> (String, Instant) {
    client.write_all(head.as_bytes()).await.unwrap();
    let (mut reader, mut writer) = client.split();
    let drip = async {
        for _ in 0..1000 {
            if writer.write_all(b" ").await.is_err() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        std::future::pending::<()>().await
    };
    let mut read = Vec::new();
    let read_all = async {
        let mut buf = [0u8; 4096];
        loop {
            match reader.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(n) => read.extend_from_slice(&buf[..n]),
            }
        }
    };
    tokio::select! {
        () = drip => unreachable!("the drip never ends by itself"),
        () = read_all => {}
    }
    (String::from_utf8_lossy(&read).into_owned(), Instant::now())
}

async fn assert_dripped_body_is_408(head: &str, what: &str) {
    let server = Server::start(limits(5000, 700, 8, 100)).await;
    let mut client = server.connect().await;
    let started = Instant::now();
    let (answer, closed) = drip_body(&mut client, head).await;
    let limit = Duration::from_millis(700);
    assert_between(
        closed - started,
        limit - Duration::from_millis(50),
        limit + MARGIN,
        what,
    );
    let (head, body) = answer.split_once("\r\n\r\n").expect("an answer");
    let head = head.to_ascii_lowercase();
    assert!(
        head.starts_with("http/1.1 408 request timeout"),
        "{what}: {head}"
    );
    assert!(head.contains("connection: close"), "{what}: {head}");
    assert!(
        head.contains("content-type: application/problem+json"),
        "{what}: {head}"
    );
    let problem: serde_json::Value = serde_json::from_str(body).expect("a JSON problem");
    assert_eq!(problem["status"], 408, "{what}");
    assert_eq!(problem["title"], "Request Timeout", "{what}");
}

#[tokio::test]
async fn a_dripped_body_with_a_length_gets_408_at_the_body_timeout() {
    let head = "POST /customers HTTP/1.1\r\nhost: t\r\ncontent-type: application/json\r\ncontent-length: 5000\r\n\r\n";
    assert_dripped_body_is_408(head, "declared length").await;
}

#[tokio::test]
async fn a_dripped_chunked_body_gets_408_at_the_body_timeout() {
    // One chunk whose bytes arrive one by one.
    let head = "POST /customers HTTP/1.1\r\nhost: t\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n1000\r\n";
    assert_dripped_body_is_408(head, "chunked").await;
}

#[tokio::test]
async fn connections_over_the_cap_are_refused_and_accepted_again_below_it() {
    let server = Server::start(limits(3000, 3000, 2, 100)).await;
    let held = [server.connect().await, server.connect().await];
    // Let the server accept both before the third arrives.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let mut over = server.connect().await;
    let started = Instant::now();
    let _ = over.write_all(request(VALID).as_bytes()).await;
    let (answer, closed) = until_closed(&mut over).await;
    assert!(answer.is_empty(), "refused without an answer: {answer:?}");
    assert!(
        closed - started < Duration::from_millis(1000),
        "refused at once, not after a timeout: {:?}",
        closed - started
    );

    drop(held);
    tokio::time::sleep(Duration::from_millis(200)).await;
    let mut client = server.connect().await;
    client.write_all(request(VALID).as_bytes()).await.unwrap();
    let (head, _) = one_answer(&mut client).await;
    assert!(head.starts_with("http/1.1 200"), "{head}");
    drop(client);

    let mut server = server;
    server.signal();
    let stopped = server.stopped().await;
    assert_eq!(stopped.refused, 1);
}

#[tokio::test]
async fn shutdown_closes_idle_connections_at_once_and_stops_accepting() {
    let mut server = Server::start(limits(5000, 5000, 8, 3000)).await;
    let mut idle = server.connect().await;
    idle.write_all(request(VALID).as_bytes()).await.unwrap();
    one_answer(&mut idle).await;
    let addr = server.addr;
    let signalled = server.signal();
    let (_, closed) = until_closed(&mut idle).await;
    assert!(
        closed - signalled < Duration::from_millis(1000),
        "{:?}",
        closed - signalled
    );
    let stopped = server.stopped().await;
    assert!(signalled.elapsed() < Duration::from_millis(2000));
    assert_eq!(stopped.cut, 0);
    assert!(TcpStream::connect(addr).await.is_err(), "still listening");
}

#[tokio::test]
async fn shutdown_lets_a_request_in_flight_finish_within_the_grace_period() {
    let mut server = Server::start(limits(5000, 5000, 8, 3000)).await;
    let mut client = server.connect().await;
    let full = request(VALID);
    let (head, body) = full.split_at(full.len() - 10);
    client.write_all(head.as_bytes()).await.unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    server.signal();
    tokio::time::sleep(Duration::from_millis(200)).await;
    client.write_all(body.as_bytes()).await.unwrap();
    let (head, _) = one_answer(&mut client).await;
    assert!(head.starts_with("http/1.1 200"), "{head}");
    let (_, _) = until_closed(&mut client).await;
    assert_eq!(server.stopped().await.cut, 0);
}

#[tokio::test]
async fn shutdown_with_a_slow_client_ends_at_the_grace_period() {
    // The body timeout (30 s) is far beyond the grace (0.5 s): the grace decides.
    let mut server = Server::start(limits(30_000, 30_000, 8, 500)).await;
    let mut slow = server.connect().await;
    let head = "POST /customers HTTP/1.1\r\nhost: t\r\ncontent-type: application/json\r\ncontent-length: 5000\r\n\r\n{";
    slow.write_all(head.as_bytes()).await.unwrap();
    // And one that sends half a request line.
    let mut slower = server.connect().await;
    slower.write_all(b"POST /cus").await.unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    let signalled = server.signal();
    let stopped = server.stopped().await;
    let grace = Duration::from_millis(500);
    assert_between(
        signalled.elapsed(),
        grace - Duration::from_millis(50),
        grace + MARGIN,
        "shutdown",
    );
    assert!(stopped.cut >= 1, "{stopped:?}");
    let (_, _) = until_closed(&mut slow).await;
    let (_, _) = until_closed(&mut slower).await;
}

#[tokio::test]
async fn limits_of_duration_max_mean_as_long_as_the_clock_allows_not_a_panic() {
    let mut limits = EdgeLimits::default();
    limits.header_timeout = Duration::MAX;
    limits.idle_timeout = Duration::MAX;
    limits.body_timeout = Duration::MAX;
    limits.write_timeout = Duration::MAX;
    limits.shutdown_grace = Duration::MAX;
    let mut server = Server::start(limits).await;
    let mut client = server.connect().await;
    // The first head (the head timer), a body (the body deadline), an answer, then a second
    // request on the same connection (the idle wait after an answer).
    for _ in 0..2 {
        client.write_all(request(VALID).as_bytes()).await.unwrap();
        let (head, _) = one_answer(&mut client).await;
        assert!(head.starts_with("http/1.1 200"), "{head}");
    }
    drop(client);
    server.signal();
    assert_eq!(server.stopped().await.cut, 0);
}

#[tokio::test]
async fn limits_of_zero_are_the_shortest_limits_not_a_server_that_refuses_everything() {
    let mut limits = EdgeLimits::default();
    limits.max_connections = 0;
    limits.header_timeout = Duration::ZERO;
    let server = Server::start(limits).await;
    // A head already sent in full when the connection opens is read within the shortest limit.
    let mut client = server.connect().await;
    let closing = request(VALID).replacen("\r\n", "\r\nconnection: close\r\n", 1);
    let _ = client.write_all(closing.as_bytes()).await;
    let (answer, _) = until_closed(&mut client).await;
    let answer = String::from_utf8_lossy(&answer);
    // A connection cap of 0 is 1: the connection is served, not refused. (With a head
    // timeout of 1 ms it may be cut before its head is read; either way, no panic.)
    assert!(
        answer.is_empty() || answer.starts_with("HTTP/1.1 200"),
        "{answer}"
    );
    let mut server = server;
    server.signal();
    assert_eq!(
        server.stopped().await.refused,
        0,
        "nothing refused under a cap of 1"
    );
}
