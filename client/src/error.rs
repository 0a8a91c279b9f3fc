//! What can go wrong with a registration, and whether Cleeng may have received it.

use std::error::Error as StdError;
use std::time::Duration;

use cleeng_register_response::{CleengError, ResponseReport};

/// Whether a request that got no answer may have reached Cleeng.
///
/// `POST /customers` is not idempotent: sent twice, it may register the customer once and
/// then be refused with `USER0002` ("customer already exists"). So the client tells the two
/// cases apart and retries only the first.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Delivery {
    /// No connection to Cleeng was opened (refused, unreachable, no TLS handshake, or the
    /// connect timeout): the request was never written, and sending it again is safe. The
    /// client has already retried it as often as it was configured to.
    NotSent,
    /// The request may have been written, in part or in full: Cleeng may have registered the
    /// customer. The client never sends it again by itself; see the crate docs for what a
    /// service should do.
    Unknown,
}

/// Why [`Client::register`](crate::Client::register) has no [`RegisterResponse`](cleeng_register_response::RegisterResponse).
///
/// `Display` and `Debug` name the status, Cleeng's code and message, the report's codes and
/// pointers, or the transport's error: never the request (its password), never the body of
/// Cleeng's answer (its tokens).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RegisterError {
    /// Cleeng answered with one of its error bodies: `USER0002` (422), `REQ0001` (400),
    /// `CPT0001`/`CPT0002` (429), an `S` code (500), or a code the response crate does not
    /// know. Cleeng received the request and did not register the customer.
    #[error("Cleeng refused the registration with HTTP {status}: {error}")]
    Refused {
        /// The HTTP status of the answer.
        status: u16,
        /// The parsed error body: its code and message.
        error: CleengError,
    },
    /// Cleeng answered, but the answer is not one the response model accepts: a success
    /// whose envelope is refused, or an error status whose body is not a Cleeng error. The
    /// body itself is not kept.
    #[error("Cleeng's answer (HTTP {status}) is unusable: {report}")]
    Unusable {
        /// The HTTP status of the answer.
        status: u16,
        /// Every problem found in the body.
        report: ResponseReport,
    },
    /// Cleeng's answer was longer than [`ClientBuilder::max_answer_bytes`](crate::ClientBuilder::max_answer_bytes);
    /// it was not read further.
    #[error("Cleeng's answer (HTTP {status}) is longer than {limit} bytes")]
    TooLarge {
        /// The HTTP status of the answer.
        status: u16,
        /// The limit.
        limit: usize,
    },
    /// No whole answer within the timeout: the connect timeout (then [`Delivery::NotSent`])
    /// or the whole-request timeout (then [`Delivery::Unknown`]).
    #[error("no answer from Cleeng within {:.1} s ({})", .after.as_secs_f64(), delivery_text(*.delivery))]
    Timeout {
        /// Whether the request may have reached Cleeng.
        delivery: Delivery,
        /// The timeout that ended the call.
        after: Duration,
    },
    /// The connection failed: it could not be opened ([`Delivery::NotSent`]), or it broke
    /// after it was ([`Delivery::Unknown`]), before a whole answer was read.
    #[error("the connection to Cleeng failed ({}): {}", delivery_text(*.delivery), Causes(&**.source))]
    Transport {
        /// Whether the request may have reached Cleeng.
        delivery: Delivery,
        /// The HTTP client's error, with its causes.
        source: Box<dyn StdError + Send + Sync>,
    },
}

/// An error and its causes, `: `-separated (hyper's own text is only "client error
/// (Connect)"; the cause says "Connection refused").
struct Causes<'a>(&'a (dyn StdError + 'static));

impl std::fmt::Display for Causes<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)?;
        let mut cause = self.0.source();
        while let Some(current) = cause {
            write!(f, ": {current}")?;
            cause = current.source();
        }
        Ok(())
    }
}

fn delivery_text(delivery: Delivery) -> &'static str {
    match delivery {
        Delivery::NotSent => "the request was not sent",
        Delivery::Unknown => "the request may have reached Cleeng",
    }
}

impl RegisterError {
    /// Whether the request may have reached Cleeng: true when Cleeng answered (refused or
    /// unusable) or when the outcome is [`Delivery::Unknown`]; false only when it was never
    /// sent.
    pub fn may_have_reached_cleeng(&self) -> bool {
        self.delivery() != Some(Delivery::NotSent)
    }

    /// For a timeout or a transport failure, whether the request may have reached Cleeng;
    /// `None` when Cleeng answered.
    pub fn delivery(&self) -> Option<Delivery> {
        match self {
            RegisterError::Timeout { delivery, .. } | RegisterError::Transport { delivery, .. } => {
                Some(*delivery)
            }
            RegisterError::Refused { .. }
            | RegisterError::Unusable { .. }
            | RegisterError::TooLarge { .. } => None,
        }
    }

    /// The HTTP status of Cleeng's answer, when there was one.
    pub fn upstream_status(&self) -> Option<u16> {
        match self {
            RegisterError::Refused { status, .. }
            | RegisterError::Unusable { status, .. }
            | RegisterError::TooLarge { status, .. } => Some(*status),
            RegisterError::Timeout { .. } | RegisterError::Transport { .. } => None,
        }
    }
}
