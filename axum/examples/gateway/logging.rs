//! Where log lines go and how they look: standard error behind a buffer written out every
//! 100 ms, one line per event in tracing-subscriber's default format, time stamps cached per
//! second.

use std::fmt;
use std::io::{BufWriter, Stderr, Write};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use tracing_subscriber::fmt::format::{self, FormatEvent, FormatFields};
use tracing_subscriber::fmt::writer::MutexGuardWriter;
use tracing_subscriber::fmt::{FmtContext, MakeWriter};
use tracing_subscriber::registry::LookupSpan;
use tracing_subscriber::EnvFilter;

/// The target of the gateway's lines, whichever module writes them: `gateway`, as before the
/// example had modules (`RUST_LOG=gateway=warn` and the lines' `gateway:` stay as they were).
pub const TARGET: &str = "gateway";

/// RFC 3339 time stamps in UTC to the microsecond (`2026-11-30T05:59:34.123456Z`), the date
/// and time of day formatted once a second and reused: formatting a date costs as much as the
/// rest of a request's log line.
struct CachedTime;

thread_local! {
    /// The second last formatted on this thread, and its text without the `Z`.
    static SECOND: std::cell::RefCell<(i64, String)> = const {
        std::cell::RefCell::new((i64::MIN, String::new()))
    };
}

impl tracing_subscriber::fmt::time::FormatTime for CachedTime {
    fn format_time(&self, w: &mut tracing_subscriber::fmt::format::Writer<'_>) -> fmt::Result {
        let now = jiff::Timestamp::now();
        let second = now.as_second();
        SECOND.with_borrow_mut(|(cached, text)| {
            if *cached != second {
                *cached = second;
                text.clear();
                let whole = jiff::Timestamp::from_second(second).expect("now is a valid time");
                fmt::Write::write_fmt(text, format_args!("{whole}"))?;
                text.pop(); // the `Z`
            }
            write!(w, "{text}.{:06}Z", now.subsec_microsecond())
        })
    }
}

/// Standard error behind a 64 KiB buffer shared by the threads that log: a request's line is
/// copied in under a lock held for the copy; a thread writes the buffer out every 100 ms, and
/// a line that does not fit writes it out at once. Writing each line with its own system call
/// (what `std::io::stderr` does) costs more than formatting it, and much more when the
/// runtime's threads queue for the stream's lock; batched, what a line costs is its making
/// (about a sixth of a request's instructions, 5,600 against 31,000: see `benches/README.md`). The price: a line reaches the log up to 100 ms after its request, and
/// a process that is killed (`SIGKILL`) or aborts loses those 100 ms of lines. The gateway
/// writes the rest out when it stops.
#[derive(Clone)]
pub struct LogBuffer(Arc<Mutex<BufWriter<Stderr>>>);

impl LogBuffer {
    const CAPACITY: usize = 64 * 1024;
    const FLUSH_EVERY: Duration = Duration::from_millis(100);

    /// The buffer, and the thread that writes it out.
    fn start() -> LogBuffer {
        let buffer = LogBuffer(Arc::new(Mutex::new(BufWriter::with_capacity(
            Self::CAPACITY,
            std::io::stderr(),
        ))));
        let flusher = buffer.clone();
        std::thread::Builder::new()
            .name("log-flush".into())
            .spawn(move || loop {
                std::thread::sleep(Self::FLUSH_EVERY);
                flusher.flush();
            })
            .expect("a thread can be started at start-up");
        buffer
    }

    /// Writes out what is buffered. A failure to write to standard error cannot be logged;
    /// the lines are dropped.
    pub fn flush(&self) {
        let mut buffer = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let _ = buffer.flush();
    }
}

impl<'a> MakeWriter<'a> for LogBuffer {
    type Writer = MutexGuardWriter<'a, BufWriter<Stderr>>;

    fn make_writer(&'a self) -> Self::Writer {
        self.0.make_writer()
    }
}

/// A log line as tracing-subscriber's default format writes it for the gateway's events (no
/// spans, no colours): `2026-11-30T05:59:34.123456Z  INFO gateway: message key=value ...`,
/// text values quoted and escaped as `Debug` escapes them. Written with one `write_str` a
/// piece instead of the default's `write!` a field: a line per request is most of what
/// logging costs.
struct Line;

impl<S, N> FormatEvent<S, N> for Line
where
    S: tracing::Subscriber + for<'a> LookupSpan<'a>,
    N: for<'a> FormatFields<'a> + 'static,
{
    fn format_event(
        &self,
        _: &FmtContext<'_, S, N>,
        mut line: format::Writer<'_>,
        event: &tracing::Event<'_>,
    ) -> fmt::Result {
        use tracing_subscriber::fmt::time::FormatTime;
        CachedTime.format_time(&mut line)?;
        let metadata = event.metadata();
        line.write_str(match *metadata.level() {
            tracing::Level::ERROR => " ERROR ",
            tracing::Level::WARN => "  WARN ",
            tracing::Level::INFO => "  INFO ",
            tracing::Level::DEBUG => " DEBUG ",
            tracing::Level::TRACE => " TRACE ",
        })?;
        line.write_str(metadata.target())?;
        line.write_str(":")?;
        let mut fields = Fields {
            line: &mut line,
            result: Ok(()),
        };
        event.record(&mut fields);
        fields.result?;
        line.write_str("\n")
    }
}

/// Writes an event's fields after its target: the message as it is, the rest `name=value`.
struct Fields<'w, 'l> {
    line: &'w mut format::Writer<'l>,
    result: fmt::Result,
}

impl Fields<'_, '_> {
    fn name(&mut self, field: &tracing::field::Field) {
        if self.result.is_ok() {
            self.result = self.line.write_str(" ").and_then(|()| {
                if field.name() == "message" {
                    Ok(())
                } else {
                    self.line.write_str(field.name())?;
                    self.line.write_str("=")
                }
            });
        }
    }
}

impl tracing::field::Visit for Fields<'_, '_> {
    fn record_str(&mut self, field: &tracing::field::Field, value: &str) {
        if field.name() == "message" {
            self.record_debug(field, &format_args!("{value}"));
        } else {
            self.record_debug(field, &value);
        }
    }

    fn record_u64(&mut self, field: &tracing::field::Field, value: u64) {
        self.name(field);
        if self.result.is_ok() {
            self.result = self.line.write_str(itoa::Buffer::new().format(value));
        }
    }

    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn fmt::Debug) {
        self.name(field);
        if self.result.is_ok() {
            self.result = write!(self.line, "{value:?}");
        }
    }
}

/// Logs to standard error through a [`LogBuffer`], at the level `RUST_LOG` says (`info` by
/// default).
pub fn init_logs() -> LogBuffer {
    let buffer = LogBuffer::start();
    tracing_subscriber::fmt()
        .with_writer(buffer.clone())
        .event_format(Line)
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .init();
    buffer
}
