//! The write limit of a connection: a client that stops reading cannot hold it.
//!
//! hyper's timers run only while it reads, and hyper 1 has no write timeout: a client that
//! pipelines requests and never reads their answers (or one answer larger than the socket
//! buffers) leaves its connection writing for ever, holding a connection slot and the kernel's
//! send queue. [`WriteDeadline`] wraps the socket: when a write cannot hand all its bytes to
//! the socket, a deadline starts; when a later write hands over all it was given (the
//! connection has caught up), it is cleared. A write still blocked at the deadline fails with
//! `TimedOut`, hyper drops the connection, and the socket is reset rather than closed (an
//! `SO_LINGER` of zero), so that the kernel discards the unsent answer at once instead of
//! keeping it in memory while it waits for the client to read.
//!
//! A client that reads a little now and then does not extend the deadline: only a connection
//! that catches up clears it.

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tokio::time::Sleep;

/// A TCP stream whose writes must catch up within a limit once they block.
#[derive(Debug)]
pub(super) struct WriteDeadline {
    socket: TcpStream,
    limit: Duration,
    /// The running deadline, if a write has blocked since the connection last caught up.
    /// Allocated the first time a write blocks, reset after.
    deadline: Option<Pin<Box<Sleep>>>,
    armed: bool,
}

impl WriteDeadline {
    pub(super) fn new(socket: TcpStream, limit: Duration) -> Self {
        WriteDeadline {
            socket,
            limit,
            deadline: None,
            armed: false,
        }
    }

    /// Notes what a write of `wanted` bytes did: caught up, behind, or timed out.
    fn after_write(
        &mut self,
        cx: &mut Context<'_>,
        wanted: usize,
        written: Poll<io::Result<usize>>,
    ) -> Poll<io::Result<usize>> {
        match written {
            Poll::Ready(Ok(n)) if n == wanted => {
                self.armed = false;
                Poll::Ready(Ok(n))
            }
            // Behind: the deadline runs from the first write that fell behind.
            Poll::Ready(Ok(n)) => {
                self.arm();
                Poll::Ready(Ok(n))
            }
            Poll::Pending => {
                self.arm();
                let deadline = self.deadline.as_mut().expect("armed above");
                match deadline.as_mut().poll(cx) {
                    Poll::Pending => Poll::Pending,
                    Poll::Ready(()) => Poll::Ready(Err(self.timed_out())),
                }
            }
            error @ Poll::Ready(Err(_)) => error,
        }
    }

    fn arm(&mut self) {
        if self.armed {
            return;
        }
        self.armed = true;
        let until = tokio::time::Instant::now() + self.limit;
        match &mut self.deadline {
            Some(deadline) => deadline.as_mut().reset(until),
            None => self.deadline = Some(Box::pin(tokio::time::sleep_until(until))),
        }
    }

    /// The error that ends the connection; the socket will be reset when it is dropped, which
    /// discards its unsent bytes.
    fn timed_out(&self) -> io::Error {
        let _ = socket2::SockRef::from(&self.socket).set_linger(Some(Duration::ZERO));
        io::Error::new(
            io::ErrorKind::TimedOut,
            "the client did not read the answer within the write timeout",
        )
    }
}

impl AsyncRead for WriteDeadline {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.socket).poll_read(cx, buf)
    }
}

impl AsyncWrite for WriteDeadline {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let written = Pin::new(&mut self.socket).poll_write(cx, buf);
        self.after_write(cx, buf.len(), written)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let wanted = bufs.iter().map(|buf| buf.len()).sum();
        let written = Pin::new(&mut self.socket).poll_write_vectored(cx, bufs);
        self.after_write(cx, wanted, written)
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
