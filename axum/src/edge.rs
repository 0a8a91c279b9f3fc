//! Serving a router at a public edge: time limits for a request's head and body and for an
//! idle keep-alive connection, a cap on connections, and a shutdown that waits for requests in flight for a bounded time.
//!
//! `axum::serve` sets none of these: it builds each connection without a timer, so hyper's
//! header read timeout never runs, it has no body limit in time and no connection cap, and its
//! graceful shutdown waits for every connection however slow. [`serve`] does what it does
//! (accept, a hyper connection per client, the router as the service with the peer address as
//! `ConnectInfo`), through hyper's and hyper-util's own connection builder, with the limits of
//! [`EdgeLimits`]:
//!
//! | limit | default | how | when it is reached |
//! |---|---|---|---|
//! | [`header_timeout`](EdgeLimits::header_timeout) | 10 s | hyper's `http1::Builder::header_read_timeout`, with hyper-util's `TokioTimer`; counted from the connection's opening, or from the first byte of a later head | the connection is closed, without an answer |
//! | [`idle_timeout`](EdgeLimits::idle_timeout) | 60 s | the same timer, which hyper takes from the server: on a connection that has answered, it waits this long for a byte of the next head before the head limit starts | the connection is closed, without an answer |
//! | [`body_timeout`](EdgeLimits::body_timeout) | 30 s | tower-http's `RequestBodyDeadlineLayer` around the router | [`ValidRegistration`](crate::ValidRegistration) answers **408** with a problem document and `Connection: close`; the rest of the body is not read |
//! | [`write_timeout`](EdgeLimits::write_timeout) | 30 s | a deadline on the socket's writes, started when the socket first refuses bytes and cleared when it has taken every byte written since | the connection is reset (`SO_LINGER` 0: the kernel drops the unsent answer), without waiting further |
//! | [`max_connections`](EdgeLimits::max_connections) | 512 | a count of open connections | a new connection is accepted and closed at once (refused), without an answer |
//! | [`shutdown_grace`](EdgeLimits::shutdown_grace) | 10 s | hyper-util's `GracefulShutdown` under `tokio::time::timeout` | what is still open is closed, and [`serve`] returns |
//!
//! Each time limit is from 1 ms to 100 years ([`EdgeLimits::MIN_TIMEOUT`],
//! [`EdgeLimits::MAX_TIMEOUT`]), the grace period from zero; [`serve`] takes a value outside
//! as the nearest bound, so `Duration::MAX` means "as long as the clock allows".
//!
//! **The head timeout and the idle timeout.** hyper starts its header read timer whenever a
//! connection waits for a head: when it opens, and again right after each answer. Alone, that
//! timer would also close every idle keep-alive connection at the head limit, and hyper 1 has
//! no separate idle timeout. But hyper reads time from a `hyper::rt::Timer` that the server
//! gives it, so [`serve`] gives each connection its own (a small adapter around tokio's sleeps
//! and the connection's reads): once a connection has answered, the timer first waits up to
//! `idle_timeout` for a byte of the next head, and the head limit counts from that byte. So a
//! client has `header_timeout` to send its first head, may then sit idle between requests for
//! `idle_timeout`, and has `header_timeout` again for each later head once it starts sending
//! it. Together they bound a connection that sends nothing, a head sent slowly (half a request
//! line, headers dripped a byte at a time: bytes that keep coming do not extend the limit), and
//! an idle keep-alive connection. (A head whose first bytes arrived together with the previous
//! request is not seen to start: it gets up to `idle_timeout` plus `header_timeout`.) An idle
//! connection counts against `max_connections`: a client that opens many, sends one request on
//! each and then waits holds them for `idle_timeout`, so on an edge that meets clients directly
//! keep it short. Behind a load balancer, keep `idle_timeout` above the
//! balancer's own idle timeout (60 s is common), or the balancer may send a request on a
//! connection this server is closing and answer its client with a 502.
//!
//! The idle wait sleeps in stages no longer than the shorter of `header_timeout` and
//! `body_timeout` (at least a second), each stage starting the next until the idle limit.
//! tokio's timer driver sleeps until its earliest timer, and a timer set earlier than that
//! wakes it: were the idle connections' timers the earliest, each request's body deadline
//! would wake it, a system call and often a thread's wake-up per request (measured: 8,576
//! eventfd writes and 11,451 futex calls per 10,000 requests, against 178 and 456 in stages).
//!
//! **The body timeout counts from the end of the head** to the last byte of the body, however
//! the bytes arrive (a body dripped one byte a second is cut at the deadline, unlike an
//! inactivity timeout). A body that arrives in time is read as usual; a handler that does not
//! read its body is not affected.
//!
//! **Why a connection cap, and why refused.** A slow head holds a connection before any
//! request exists, so a cap on requests (tower's concurrency or load-shed layers) would not
//! bound it; a cap on connections bounds both slow heads and slow bodies. Over the cap a
//! connection is closed at once rather than answered 503: an answer needs the request's head
//! first, which is what a slow client withholds. Memory is then bounded by about
//! `max_connections` × (hyper's read buffer, at most about 400 KiB, plus the policy's
//! `maxBodyBytes`). Each connection is also a file descriptor: keep the process's limit
//! (`ulimit -n`) well above the cap.
//!
//! **Shutdown.** When `shutdown` completes, [`serve`] stops accepting (the listener is closed,
//! so new connections are refused by the system), asks every connection to finish: an idle
//! one closes at once, one with a request in flight closes after its answer; after
//! `shutdown_grace` it closes whatever is left, and returns. A slow client cannot hold the
//! process past the grace period.
//!
//! Only HTTP/1.1 (and 1.0) is served, in clear text: TLS and HTTP/2 are the terminating
//! proxy's work. hyper-util's protocol-detecting `auto` builder is not used because it reads
//! the first bytes of a connection, to tell HTTP/2 from HTTP/1, before hyper's header timer
//! starts, and without a time limit.
//!
//! **The write timeout.** hyper's timers run only while it reads, and it has no write timeout:
//! a client that pipelines requests and never reads the answers (or one answer larger than the
//! socket buffers) would hold its connection, and the kernel's send queue, for ever. The
//! socket's writes therefore carry a deadline: once a write cannot hand all its bytes to the
//! socket, the connection has `write_timeout` to catch up (every byte written since taken by
//! the socket); a client that reads a few bytes now and then does not extend it. At the
//! deadline the connection is reset rather than closed, so the kernel discards the unsent bytes
//! at once instead of keeping them while it waits for the client to read.
//!
//! Not bounded here: the time a handler takes (the extractor's work is microseconds).
//!
//! # Example
//!
//! ```no_run
//! use axum::{routing::post, Router};
//! use cleeng_register::Policy;
//! use cleeng_register_axum::edge::{self, EdgeLimits};
//! use cleeng_register_axum::{RegistrationConfig, ValidRegistration};
//!
//! async fn register(registration: ValidRegistration) -> &'static str {
//!     "valid"
//! }
//!
//! # async fn run() -> std::io::Result<()> {
//! let app = Router::new()
//!     .route("/customers", post(register))
//!     .with_state(RegistrationConfig::new(Policy::default()));
//! let listener = tokio::net::TcpListener::bind("0.0.0.0:8080").await?;
//! let mut limits = EdgeLimits::default();
//! limits.header_timeout = std::time::Duration::from_secs(5);
//! let stopped = edge::serve(listener, app, limits, async {
//!     let _ = tokio::signal::ctrl_c().await;
//! })
//! .await;
//! eprintln!("stopped; {} connections cut after the grace period", stopped.cut);
//! # Ok(())
//! # }
//! ```

use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::time::Duration;

use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::TokioIo;
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::task::JoinSet;
use tower::Service;
use tower_http::timeout::RequestBodyDeadlineLayer;

mod idle;
mod write_deadline;

/// The limits [`serve`] holds connections to. The defaults suit a server that clients reach
/// directly; each can be changed (the fields are public):
///
/// ```
/// use std::time::Duration;
/// use cleeng_register_axum::edge::EdgeLimits;
/// let mut limits = EdgeLimits::default();
/// assert_eq!(limits.header_timeout, Duration::from_secs(10));
/// assert_eq!(limits.idle_timeout, Duration::from_secs(60));
/// assert_eq!(limits.body_timeout, Duration::from_secs(30));
/// assert_eq!(limits.write_timeout, Duration::from_secs(30));
/// assert_eq!(limits.max_connections, 512);
/// assert_eq!(limits.shutdown_grace, Duration::from_secs(10));
/// limits.idle_timeout = Duration::from_secs(75); // behind a balancer with a 60 s idle timeout
/// ```
///
/// **Ranges.** Each time limit but the grace period is from [`MIN_TIMEOUT`](Self::MIN_TIMEOUT)
/// (1 ms) to [`MAX_TIMEOUT`](Self::MAX_TIMEOUT) (100 years); the grace period from zero to
/// `MAX_TIMEOUT`; `max_connections` is at least 1. [`serve`] takes a value outside its range as
/// the nearest bound ([`clamped`](Self::clamped)), so `Duration::MAX` means "as long as the
/// clock allows" and `Duration::ZERO` the shortest limit, never a panic or a server that
/// refuses everything.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct EdgeLimits {
    /// How long a request head may take to arrive in full: the first head counted from when
    /// the connection opens, a later one from its first byte. Reached: the connection is
    /// closed.
    pub header_timeout: Duration,
    /// How long a connection that has answered may wait for the first byte of its next
    /// request (an idle keep-alive connection). Reached: the connection is closed.
    pub idle_timeout: Duration,
    /// How long a request body may take to arrive in full, counted from the end of its head.
    /// Reached: 408 with a problem document, and the connection closes.
    pub body_timeout: Duration,
    /// How long an answer may wait for a client that does not read it: from when the socket
    /// first refuses bytes (its send buffer is full) until it has taken every byte written
    /// since. Reading a little now and then does not extend it, so an answer far larger than
    /// the socket buffers must reach a slow client within it (the gateway's answers are a few
    /// KiB, its page a few hundred). Reached: the connection is reset, and the unsent bytes
    /// are discarded.
    pub write_timeout: Duration,
    /// The most connections open at once. Over it a new connection is closed as soon as it is
    /// accepted.
    pub max_connections: usize,
    /// After the shutdown signal, how long requests in flight may take before the connections
    /// still open are closed.
    pub shutdown_grace: Duration,
}

impl EdgeLimits {
    /// The shortest time limit [`serve`] uses (but for the grace period, which may be zero):
    /// 1 ms.
    pub const MIN_TIMEOUT: Duration = Duration::from_millis(1);
    /// The longest time limit [`serve`] uses: 100 years, "as long as the clock allows". Longer
    /// ones (`Duration::MAX`) are taken as this; a deadline beyond it would overflow the clock.
    pub const MAX_TIMEOUT: Duration = Duration::from_secs(100 * 365 * 24 * 60 * 60);

    /// These limits with each value in its range (see [`EdgeLimits`]): what [`serve`] uses.
    ///
    /// ```
    /// use std::time::Duration;
    /// use cleeng_register_axum::edge::EdgeLimits;
    /// let mut limits = EdgeLimits::default();
    /// limits.header_timeout = Duration::MAX;
    /// limits.idle_timeout = Duration::ZERO;
    /// limits.max_connections = 0;
    /// let used = limits.clamped();
    /// assert_eq!(used.header_timeout, EdgeLimits::MAX_TIMEOUT);
    /// assert_eq!(used.idle_timeout, EdgeLimits::MIN_TIMEOUT);
    /// assert_eq!(used.max_connections, 1);
    /// assert_eq!(used.body_timeout, EdgeLimits::DEFAULT_BODY_TIMEOUT);
    /// ```
    #[must_use]
    pub fn clamped(&self) -> EdgeLimits {
        let timeout = |limit: Duration| limit.clamp(Self::MIN_TIMEOUT, Self::MAX_TIMEOUT);
        EdgeLimits {
            header_timeout: timeout(self.header_timeout),
            idle_timeout: timeout(self.idle_timeout),
            body_timeout: timeout(self.body_timeout),
            write_timeout: timeout(self.write_timeout),
            max_connections: self.max_connections.max(1),
            shutdown_grace: self.shutdown_grace.min(Self::MAX_TIMEOUT),
        }
    }

    /// The default [`header_timeout`](Self::header_timeout): 10 s.
    pub const DEFAULT_HEADER_TIMEOUT: Duration = Duration::from_secs(10);
    /// The default [`idle_timeout`](Self::idle_timeout): 60 s.
    pub const DEFAULT_IDLE_TIMEOUT: Duration = Duration::from_secs(60);
    /// The default [`body_timeout`](Self::body_timeout): 30 s.
    pub const DEFAULT_BODY_TIMEOUT: Duration = Duration::from_secs(30);
    /// The default [`write_timeout`](Self::write_timeout): 30 s.
    pub const DEFAULT_WRITE_TIMEOUT: Duration = Duration::from_secs(30);
    /// The default [`max_connections`](Self::max_connections): 512, under the usual default
    /// limit of 1024 open files.
    pub const DEFAULT_MAX_CONNECTIONS: usize = 512;
    /// The default [`shutdown_grace`](Self::shutdown_grace): 10 s.
    pub const DEFAULT_SHUTDOWN_GRACE: Duration = Duration::from_secs(10);
}

impl Default for EdgeLimits {
    fn default() -> Self {
        EdgeLimits {
            header_timeout: Self::DEFAULT_HEADER_TIMEOUT,
            idle_timeout: Self::DEFAULT_IDLE_TIMEOUT,
            body_timeout: Self::DEFAULT_BODY_TIMEOUT,
            write_timeout: Self::DEFAULT_WRITE_TIMEOUT,
            max_connections: Self::DEFAULT_MAX_CONNECTIONS,
            shutdown_grace: Self::DEFAULT_SHUTDOWN_GRACE,
        }
    }
}

/// How a [`serve`] run ended.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Stopped {
    /// Connections still open when the grace period ended, closed without waiting further.
    pub cut: usize,
    /// Connections refused over [`EdgeLimits::max_connections`] during the run.
    pub refused: u64,
}

/// Serves `app` on `listener` under `limits` until `shutdown` completes, then shuts down
/// within [`EdgeLimits::shutdown_grace`]; see the [module docs](self) for what each limit
/// does. Each limit is taken within its range ([`EdgeLimits::clamped`]). The router gets each connection's peer address as `ConnectInfo<SocketAddr>` (what
/// [`CustomerIpSource`](crate::CustomerIpSource) reads) and tower-http's
/// `RequestBodyDeadlineLayer` around it.
///
/// Failing to accept a connection is logged (with `tracing`) and retried: a full file table
/// (`EMFILE`) after a pause of a second, so that it does not spin. Connection errors (a client
/// gone, a head timed out) are logged at `debug` level; the cap's refusals are logged when
/// refusing starts and when it ends, not one line per connection.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    limits: EdgeLimits,
    shutdown: impl Future<Output = ()>,
) -> Stopped {
    let limits = limits.clamped();
    let app = app.layer(RequestBodyDeadlineLayer::new(limits.body_timeout));
    let mut make_service = app.into_make_service_with_connect_info::<SocketAddr>();
    let mut http = http1::Builder::new();
    http.header_read_timeout(limits.header_timeout);
    let graceful = GracefulShutdown::new();
    let mut connections = JoinSet::new();
    let mut stopped = Stopped::default();
    let mut refusing = false;
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        tokio::select! {
            // The signal first, then reaping finished connections (so that the count below is
            // exact), then new connections.
            biased;
            () = &mut shutdown => break,
            Some(joined) = connections.join_next() => {
                if joined.is_err_and(|e| e.is_panic()) {
                    tracing::error!("a connection's task panicked");
                }
            }
            accepted = listener.accept() => {
                let (stream, peer) = match accepted {
                    Ok(accepted) => accepted,
                    Err(error) => {
                        accept_failed(error).await;
                        continue;
                    }
                };
                if connections.len() >= limits.max_connections {
                    drop(stream);
                    stopped.refused += 1;
                    if !refusing {
                        refusing = true;
                        tracing::warn!(
                            max_connections = limits.max_connections,
                            "connection cap reached: refusing new connections"
                        );
                    }
                    continue;
                }
                if refusing {
                    refusing = false;
                    tracing::info!(refused = stopped.refused, "under the connection cap again");
                }
                // Answers are written whole; do not let Nagle's algorithm hold back their end.
                let _ = stream.set_nodelay(true);
                // axum's make service is always ready; `poll_ready` first all the same, as
                // tower's contract asks.
                let Ok(()) = std::future::poll_fn(|cx| {
                    Service::<SocketAddr>::poll_ready(&mut make_service, cx)
                })
                .await;
                let Ok(service) = make_service.call(peer).await;
                // Each connection gets its own clock, which tells its idle waits from its heads.
                // Its idle waits sleep in stages no longer than the other limits, so that a
                // request's deadlines are never earlier than every timer (see `idle`).
                let stage = limits.header_timeout.min(limits.body_timeout);
                let stream = write_deadline::WriteDeadline::new(stream, limits.write_timeout);
                let (stream, timer) = idle::watch(stream, limits.idle_timeout, stage);
                let connection = http.clone().timer(timer).serve_connection(
                    TokioIo::new(stream),
                    TowerToHyperService::new(service),
                );
                let connection = graceful.watch(connection);
                connections.spawn(async move {
                    if let Err(error) = connection.await {
                        tracing::debug!(%peer, %error, "connection closed");
                    }
                });
            }
        }
    }
    drop(listener);
    if tokio::time::timeout(limits.shutdown_grace, graceful.shutdown())
        .await
        .is_err()
    {
        while connections.try_join_next().is_some() {}
        stopped.cut = connections.len();
        connections.shutdown().await;
    }
    stopped
}

/// Waits before the next accept when the failure is the listener's (a full file table), not a
/// client's (a connection reset before it was accepted).
async fn accept_failed(error: io::Error) {
    use io::ErrorKind::{ConnectionAborted, ConnectionRefused, ConnectionReset};
    if matches!(
        error.kind(),
        ConnectionAborted | ConnectionRefused | ConnectionReset
    ) {
        tracing::debug!(%error, "a connection failed before it was accepted");
        return;
    }
    tracing::error!(%error, "cannot accept connections; retrying in 1 s");
    tokio::time::sleep(Duration::from_secs(1)).await;
}
