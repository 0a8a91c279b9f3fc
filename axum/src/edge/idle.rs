//! The idle limit of a keep-alive connection, told apart from the head limit.
//!
//! hyper 1 starts its header read timer as soon as a connection waits for a request head:
//! when it opens, and again right after each answer. Alone it would close an idle keep-alive
//! connection at the head limit, and hyper has no separate idle timeout. hyper takes its clock
//! from a [`Timer`] the server gives it, so the edge gives each connection its own: a
//! connection that has answered before first waits up to the idle limit for a byte of its next
//! head, and the head limit starts at that byte. The bytes are seen by a thin wrapper around
//! the socket ([`Watched`]) that counts reads and notes the first write; every sleep is
//! tokio's, through hyper-util's `TokioTimer`.

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::task::{ready, Context, Poll};
use std::time::{Duration, Instant};

use hyper::rt::{Sleep, Timer};
use hyper_util::rt::TokioTimer;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

/// What a connection's socket has done, as its [`HeadTimer`] needs to know it. The socket and
/// the timer are polled by the same task; atomics only because hyper wants both `Send + Sync`.
#[derive(Debug, Default)]
struct Activity {
    /// Reads that returned at least one byte.
    reads: AtomicU64,
    /// Whether any byte of an answer has been written.
    answered: AtomicBool,
}

/// A socket whose reads and writes are noted for the connection's [`HeadTimer`]; everything
/// else is the socket's own.
#[derive(Debug)]
pub(super) struct Watched<S> {
    socket: S,
    activity: Arc<Activity>,
}

/// A socket and the timer for the hyper connection that serves it. An idle wait sleeps in
/// stages of at most `stage` (see [`IdleThenHead`]).
pub(super) fn watch<S>(socket: S, idle: Duration, stage: Duration) -> (Watched<S>, HeadTimer) {
    let activity = Arc::new(Activity::default());
    let timer = HeadTimer {
        tokio: TokioTimer::new(),
        activity: Arc::clone(&activity),
        idle,
        // At least a second, so that a zero limit cannot make a stage end as it starts.
        stage: stage.max(Duration::from_secs(1)),
    };
    (Watched { socket, activity }, timer)
}

impl<S: AsyncRead + Unpin> AsyncRead for Watched<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        ready!(Pin::new(&mut self.socket).poll_read(cx, buf))?;
        if buf.filled().len() > before {
            self.activity.reads.fetch_add(1, Ordering::Relaxed);
        }
        Poll::Ready(Ok(()))
    }
}

impl<S: AsyncWrite + Unpin> Watched<S> {
    fn wrote(&self, written: &Poll<io::Result<usize>>) {
        if matches!(written, Poll::Ready(Ok(n)) if *n > 0) {
            self.activity.answered.store(true, Ordering::Relaxed);
        }
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Watched<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let written = Pin::new(&mut self.socket).poll_write(cx, buf);
        self.wrote(&written);
        written
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let written = Pin::new(&mut self.socket).poll_write_vectored(cx, bufs);
        self.wrote(&written);
        written
    }

    fn is_write_vectored(&self) -> bool {
        self.socket.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.socket).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.socket).poll_shutdown(cx)
    }
}

/// hyper's clock for one connection. hyper (1.x, HTTP/1 server) asks it for one kind of sleep
/// only, its header read timer; on a connection that has answered, that sleep becomes an
/// [`IdleThenHead`].
#[derive(Clone, Debug)]
pub(super) struct HeadTimer {
    tokio: TokioTimer,
    activity: Arc<Activity>,
    idle: Duration,
    stage: Duration,
}

impl Timer for HeadTimer {
    fn sleep(&self, duration: Duration) -> Pin<Box<dyn Sleep>> {
        self.tokio.sleep(duration)
    }

    fn sleep_until(&self, deadline: Instant) -> Pin<Box<dyn Sleep>> {
        if !self.activity.answered.load(Ordering::Relaxed) {
            // The first head counts from the connection's opening: a client that connects
            // and says nothing gets the head limit, not the idle one.
            return self.tokio.sleep_until(deadline);
        }
        let now = self.now();
        let idle_until = tokio::time::Instant::from_std(now + self.idle);
        let first_stage = idle_until.min(tokio::time::Instant::from_std(now + self.stage));
        Box::pin(IdleThenHead {
            activity: Arc::clone(&self.activity),
            reads_before: self.activity.reads.load(Ordering::Relaxed),
            head: deadline.saturating_duration_since(now),
            idle_until: Some(idle_until),
            stage: self.stage,
            sleep: Box::pin(tokio::time::sleep_until(first_stage)),
        })
    }

    fn now(&self) -> Instant {
        self.tokio.now()
    }
}

/// The header read timer of a connection between two requests: it fires at the idle limit
/// unless a byte arrives first, and then at the head limit counted from that byte. hyper polls
/// it each time a read leaves the head incomplete, so the byte is seen when it is read.
///
/// Bytes of the next head that hyper read together with the previous request are not seen as
/// new: that head gets up to the idle limit plus the head limit, still bounded.
///
/// The idle wait sleeps in stages of at most the edge's shortest other limit, because of how
/// tokio's timer driver sleeps: until its earliest timer, and a timer set earlier than that
/// wakes it (a system call, and often a thread's wake-up). If idle connections' timers were the
/// earliest, every request's body deadline (30 s against 60 s, by default) would be earlier
/// than all of them: one wake-up per request, measured at about 10% of the gateway's requests
/// per second. A stage that ends before the idle limit starts the next.
struct IdleThenHead {
    activity: Arc<Activity>,
    reads_before: u64,
    head: Duration,
    /// When the idle limit is reached; `None` once a byte of the next head has arrived.
    idle_until: Option<tokio::time::Instant>,
    stage: Duration,
    sleep: Pin<Box<tokio::time::Sleep>>,
}

impl Future for IdleThenHead {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.idle_until.is_some()
            && self.activity.reads.load(Ordering::Relaxed) != self.reads_before
        {
            self.idle_until = None;
            let head_until = tokio::time::Instant::now() + self.head;
            self.sleep.as_mut().reset(head_until);
        }
        loop {
            ready!(self.sleep.as_mut().poll(cx));
            match self.idle_until {
                Some(idle_until) if tokio::time::Instant::now() < idle_until => {
                    let next = idle_until.min(tokio::time::Instant::now() + self.stage);
                    self.sleep.as_mut().reset(next);
                }
                _ => return Poll::Ready(()),
            }
        }
    }
}

impl Sleep for IdleThenHead {}
