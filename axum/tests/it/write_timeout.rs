//! The edge's write timeout over a real socket on 127.0.0.1: clients with a small receive
//! buffer that ask for answers and never read them are reset at the write timeout, and their
//! connection slots serve new customers.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use axum::routing::get;
use axum::Router;
use cleeng_register_axum::edge::{self, EdgeLimits};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};

/// An answer far larger than any socket buffer on the way.
const BIG: usize = 16 * 1024 * 1024;

/// An answer that fills the socket buffers of a small-window client several times over.
const MEDIUM: usize = 2 * 1024 * 1024;

/// `GET /big`: 16 MiB; `GET /medium`: 2 MiB; `GET /small`: a few bytes.
fn app() -> Router {
    Router::new()
        .route("/big", get(|| async { vec![b'x'; BIG] }))
        .route("/medium", get(|| async { vec![b'x'; MEDIUM] }))
        .route("/small", get(|| async { "small" }))
}

async fn start(limits: EdgeLimits) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a free port on 127.0.0.1");
    let addr = listener.local_addr().expect("a bound address");
    tokio::spawn(edge::serve(listener, app(), limits, std::future::pending()));
    addr
}

/// A client whose receive buffer is as small as the system allows, so that the server's
/// writes block early.
async fn small_window_client(addr: SocketAddr) -> TcpStream {
    let socket = TcpSocket::new_v4().expect("a socket");
    socket.set_recv_buffer_size(4096).expect("a receive buffer");
    socket.connect(addr).await.expect("connects")
}

/// Whether the server answers `GET /small` on a new connection within a second.
async fn answers(addr: SocketAddr) -> bool {
    let Ok(mut client) = TcpStream::connect(addr).await else {
        return false;
    };
    let request = b"GET /small HTTP/1.1\r\nhost: test\r\n\r\n";
    if client.write_all(request).await.is_err() {
        return false;
    }
    let mut buf = [0u8; 1024];
    matches!(
        tokio::time::timeout(Duration::from_secs(1), client.read(&mut buf)).await,
        Ok(Ok(n)) if buf[..n].starts_with(b"HTTP/1.1 200")
    )
}

#[tokio::test]
async fn clients_that_never_read_are_reset_at_the_write_timeout_and_free_their_slots() {
    let write_timeout = Duration::from_secs(2);
    let mut limits = EdgeLimits::default();
    limits.write_timeout = write_timeout;
    limits.max_connections = 3;
    let addr = start(limits).await;

    // Three clients take every slot, each with a hundred pipelined requests for a big answer.
    let mut stalled = Vec::new();
    for _ in 0..3 {
        let mut client = small_window_client(addr).await;
        let pipelined = b"GET /big HTTP/1.1\r\nhost: test\r\n\r\n".repeat(100);
        client.write_all(&pipelined).await.expect("sends");
        stalled.push(client);
    }
    let started = Instant::now();
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(
        !answers(addr).await,
        "while the stalled clients hold every slot, a new customer is refused"
    );

    // After the write timeout the slots are free again; without it, never.
    let mut served_after = None;
    while started.elapsed() < write_timeout + Duration::from_secs(5) {
        if answers(addr).await {
            served_after = Some(started.elapsed());
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let served_after = served_after.expect("a new customer is served after the write timeout");
    assert!(
        served_after >= write_timeout - Duration::from_millis(600),
        "not before the write timeout: {served_after:?}"
    );

    // The stalled connections were reset: what they had not read is gone.
    for mut client in stalled {
        let mut buf = vec![0u8; 64 * 1024];
        let mut read = 0;
        let end = loop {
            match tokio::time::timeout(Duration::from_secs(5), client.read(&mut buf)).await {
                Ok(Ok(0)) => break "closed",
                Ok(Ok(n)) => read += n,
                Ok(Err(_)) => break "reset",
                Err(_) => break "still open",
            }
        };
        assert_eq!(end, "reset", "after reading {read} bytes");
        assert!(read < BIG, "the answer was cut: {read} bytes read");
    }
}

#[tokio::test]
async fn a_client_that_reads_its_answers_is_not_cut() {
    // The answer blocks the socket many times (2 MiB through a 4 KiB window), but the client
    // reads it all well within the limit: the deadline counts from the first block until the
    // connection has caught up, and it does.
    let mut limits = EdgeLimits::default();
    limits.write_timeout = Duration::from_secs(10);
    let addr = start(limits).await;
    let mut client = small_window_client(addr).await;
    client
        .write_all(b"GET /medium HTTP/1.1\r\nhost: test\r\nconnection: close\r\n\r\n")
        .await
        .expect("sends");
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(30), client.read_to_end(&mut answer))
        .await
        .expect("read within 30 s")
        .expect("not reset");
    assert!(answer.starts_with(b"HTTP/1.1 200"));
    assert!(answer.ends_with(&[b'x'; 1024]), "the whole answer arrived");
    assert!(answer.len() > MEDIUM);
}
