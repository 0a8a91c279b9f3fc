//! The client: one pool of connections, `register` over it.

use std::error::Error as StdError;
use std::fmt;
use std::time::Duration;

use bytes::Bytes;
use http::header::{ACCEPT, CONTENT_TYPE, USER_AGENT};
use http_body_util::{BodyExt, Full, LengthLimitError, Limited};
use hyper_rustls::HttpsConnector;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::{TokioExecutor, TokioTimer};
use tokio::time::Instant;
use zeroize::Zeroizing;

use cleeng_register::RegisterRequest;
use cleeng_register_response::{CleengError, RegisterResponse};

use crate::{BaseUrl, Delivery, RegisterError};

/// `cleeng-register-client/<version>`, sent as `User-Agent`.
pub const USER_AGENT_VALUE: &str = concat!("cleeng-register-client/", env!("CARGO_PKG_VERSION"));

type HttpClient = hyper_util::client::legacy::Client<HttpsConnector<HttpConnector>, Full<Bytes>>;

/// The settings of a [`Client`], with defaults for a customer waiting on a registration form.
///
/// ```
/// use std::time::Duration;
/// use cleeng_register_client::{Client, Environment};
/// let client = Client::builder(Environment::Sandbox)
///     .connect_timeout(Duration::from_secs(2))
///     .timeout(Duration::from_secs(8))
///     .connect_retries(2)
///     .build();
/// assert_eq!(client.timeout(), Duration::from_secs(8));
/// ```
#[derive(Clone, Debug)]
pub struct ClientBuilder {
    base_url: BaseUrl,
    connect_timeout: Duration,
    timeout: Duration,
    connect_retries: u32,
    retry_backoff: Duration,
    max_answer_bytes: usize,
    pool_idle_timeout: Duration,
}

impl ClientBuilder {
    /// 3 s to open a connection (TCP, and TLS for `https`). Cleeng's hosts answer a handshake
    /// in well under a second from anywhere; 3 s leaves room for a slow network and still
    /// leaves time for a retry within [`DEFAULT_TIMEOUT`](Self::DEFAULT_TIMEOUT).
    pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(3);
    /// 10 s for the whole call, connect retries included: a person who pressed "Register"
    /// waits about that long before giving up or pressing again (and a second press is the
    /// duplicate registration the unknown outcome warns about). A registration that takes
    /// longer is better reported as unknown than left hanging.
    pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);
    /// One retry of a connection that could not be opened: it absorbs a dropped SYN or a
    /// restarting load balancer without doubling the wait of a real outage.
    pub const DEFAULT_CONNECT_RETRIES: u32 = 1;
    /// The most connect retries allowed; more are capped to it.
    pub const MAX_CONNECT_RETRIES: u32 = 5;
    /// The wait before the first connect retry; each later one waits twice as long.
    pub const DEFAULT_RETRY_BACKOFF: Duration = Duration::from_millis(200);
    /// 64 KiB: a success envelope holds a customer id, two tokens of at most 4096 characters
    /// and a JWT; an error body a code and a message.
    pub const DEFAULT_MAX_ANSWER_BYTES: usize = 64 * 1024;
    /// 30 s: an idle connection is closed before a load balancer's usual 60 s cut, so that a
    /// request is rarely written to a connection the other side is closing.
    pub const DEFAULT_POOL_IDLE_TIMEOUT: Duration = Duration::from_secs(30);

    /// The time allowed to open a connection (TCP connect and, for `https`, the TLS
    /// handshake). A failure or timeout here never sent the request ([`Delivery::NotSent`]).
    /// Capped to the whole-request [`timeout`](Self::timeout).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// The time allowed for the whole call, from `register` to the last byte of the answer,
    /// connect retries and their waits included. When it ends the call, the outcome is
    /// [`Delivery::Unknown`].
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// How often a connection that could not be opened is tried again (at most
    /// [`MAX_CONNECT_RETRIES`](Self::MAX_CONNECT_RETRIES)); `0` never retries. A retry is
    /// made only when its wait and a whole connect timeout still fit in the call's timeout.
    pub fn connect_retries(mut self, retries: u32) -> Self {
        self.connect_retries = retries.min(Self::MAX_CONNECT_RETRIES);
        self
    }

    /// The wait before the first connect retry; doubled for each one after it.
    pub fn retry_backoff(mut self, backoff: Duration) -> Self {
        self.retry_backoff = backoff;
        self
    }

    /// The most bytes of Cleeng's answer that are read; a longer answer is
    /// [`RegisterError::TooLarge`].
    pub fn max_answer_bytes(mut self, limit: usize) -> Self {
        self.max_answer_bytes = limit;
        self
    }

    /// How long an idle connection is kept for the next registration.
    pub fn pool_idle_timeout(mut self, timeout: Duration) -> Self {
        self.pool_idle_timeout = timeout;
        self
    }

    /// The client, with its (empty) pool of connections. Building needs no runtime;
    /// [`Client::register`] runs on Tokio.
    pub fn build(self) -> Client {
        let connect_timeout = self.connect_timeout.min(self.timeout);
        let mut http = HttpConnector::new();
        // The HTTPS connector below decides the scheme.
        http.enforce_http(false);
        http.set_connect_timeout(Some(connect_timeout));
        // A registration is one small request: send it at once.
        http.set_nodelay(true);
        // The provider named, not the process default: rustls refuses to choose one when
        // another crate in a service enables a second provider. rustls deprecates *ring*'s
        // provider for lacking post-quantum key exchange; aws-lc-rs has it, but builds a large
        // C library (cmake, minutes per build): see the crate docs, "Why hyper-util".
        #[allow(deprecated)]
        let provider = rustls::crypto::ring::default_provider();
        let connector = hyper_rustls::HttpsConnectorBuilder::new()
            .with_provider_and_webpki_roots(provider)
            .expect("ring supports rustls' default protocol versions")
            .https_or_http()
            .enable_http1()
            .wrap_connector(http);
        let http = hyper_util::client::legacy::Client::builder(TokioExecutor::new())
            .pool_idle_timeout(self.pool_idle_timeout)
            .pool_timer(TokioTimer::new())
            .build(connector);
        Client {
            http,
            settings: ClientBuilder {
                connect_timeout,
                ..self
            },
        }
    }
}

/// An async client for Cleeng's `POST /customers`. Cheap to clone (the clones share one pool
/// of keep-alive connections): build one per process and clone it into handlers.
///
/// `Debug` shows the base URL and the settings, nothing of any request.
#[derive(Clone)]
pub struct Client {
    http: HttpClient,
    settings: ClientBuilder,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("settings", &self.settings)
            .finish_non_exhaustive()
    }
}

/// One exchange's failure, before the client decides whether to retry.
enum Attempt {
    /// The connection could not be opened: the request was not sent.
    Connect(hyper_util::client::legacy::Error),
    /// Anything else: final.
    Failed(RegisterError),
}

impl Client {
    /// A builder with the defaults, for Cleeng's environment or any base URL.
    pub fn builder(base_url: impl Into<BaseUrl>) -> ClientBuilder {
        ClientBuilder {
            base_url: base_url.into(),
            connect_timeout: ClientBuilder::DEFAULT_CONNECT_TIMEOUT,
            timeout: ClientBuilder::DEFAULT_TIMEOUT,
            connect_retries: ClientBuilder::DEFAULT_CONNECT_RETRIES,
            retry_backoff: ClientBuilder::DEFAULT_RETRY_BACKOFF,
            max_answer_bytes: ClientBuilder::DEFAULT_MAX_ANSWER_BYTES,
            pool_idle_timeout: ClientBuilder::DEFAULT_POOL_IDLE_TIMEOUT,
        }
    }

    /// A client with the defaults.
    pub fn new(base_url: impl Into<BaseUrl>) -> Client {
        Client::builder(base_url).build()
    }

    /// The base URL.
    pub fn base_url(&self) -> &BaseUrl {
        &self.settings.base_url
    }

    /// The whole-call timeout.
    pub fn timeout(&self) -> Duration {
        self.settings.timeout
    }

    /// The connect timeout (at most the whole-call timeout).
    pub fn connect_timeout(&self) -> Duration {
        self.settings.connect_timeout
    }

    /// Registers the customer: `POST <base>/customers` with the request's own serialization
    /// (`Content-Type: application/json`, `User-Agent: cleeng-register-client/<version>`),
    /// and Cleeng's answer parsed.
    ///
    /// - A 2xx answer is read as the success envelope: [`RegisterResponse`], or
    ///   [`RegisterError::Unusable`] with the report.
    /// - Any other status is read as a Cleeng error body: [`RegisterError::Refused`], or
    ///   `Unusable` when the body is not one.
    /// - A connection that cannot be opened is retried ([`ClientBuilder::connect_retries`]),
    ///   then [`RegisterError::Transport`] or `Timeout` with [`Delivery::NotSent`].
    /// - Once a connection is open the request is never sent again: a failure or the
    ///   timeout from then on is [`Delivery::Unknown`].
    pub async fn register(
        &self,
        request: &RegisterRequest,
    ) -> Result<RegisterResponse, RegisterError> {
        let settings = &self.settings;
        let body = request_body(request);
        let deadline = Instant::now() + settings.timeout;
        let mut retries_left = settings.connect_retries;
        let mut backoff = settings.retry_backoff;
        loop {
            let attempt = tokio::time::timeout_at(deadline, self.exchange(body.clone())).await;
            let error = match attempt {
                Ok(Ok(response)) => return Ok(response),
                Ok(Err(Attempt::Failed(error))) => return Err(error),
                Ok(Err(Attempt::Connect(error))) => error,
                Err(_elapsed) => {
                    return Err(RegisterError::Timeout {
                        delivery: Delivery::Unknown,
                        after: settings.timeout,
                    })
                }
            };
            let fits = Instant::now() + backoff + settings.connect_timeout <= deadline;
            if retries_left == 0 || !fits {
                return Err(self.not_sent(error));
            }
            retries_left -= 1;
            tokio::time::sleep(backoff).await;
            backoff = backoff.saturating_mul(2);
        }
    }

    /// One request and its answer.
    async fn exchange(&self, body: Bytes) -> Result<RegisterResponse, Attempt> {
        let request = http::Request::post(self.settings.base_url.customers().clone())
            .header(CONTENT_TYPE, "application/json")
            .header(ACCEPT, "application/json")
            .header(USER_AGENT, USER_AGENT_VALUE)
            .body(Full::new(body))
            .expect("a POST to a parsed URL with fixed headers is a valid request");
        let response = self.http.request(request).await.map_err(|error| {
            if error.is_connect() {
                Attempt::Connect(error)
            } else {
                Attempt::Failed(RegisterError::Transport {
                    delivery: Delivery::Unknown,
                    source: Box::new(error),
                })
            }
        })?;
        let status = response.status().as_u16();
        let limit = self.settings.max_answer_bytes;
        let body = match Limited::new(response.into_body(), limit).collect().await {
            Ok(body) => body.to_bytes(),
            Err(error) if error.is::<LengthLimitError>() => {
                return Err(Attempt::Failed(RegisterError::TooLarge { status, limit }))
            }
            Err(source) => {
                return Err(Attempt::Failed(RegisterError::Transport {
                    delivery: Delivery::Unknown,
                    source,
                }))
            }
        };
        let answer = if (200..300).contains(&status) {
            RegisterResponse::from_json(&body)
                .map_err(|report| RegisterError::Unusable { status, report })
        } else {
            match CleengError::from_json(&body) {
                Ok(error) => Err(RegisterError::Refused { status, error }),
                Err(report) => Err(RegisterError::Unusable { status, report }),
            }
        };
        answer.map_err(Attempt::Failed)
    }

    /// A connection that could not be opened: the connect timeout, or the connector's error.
    fn not_sent(&self, error: hyper_util::client::legacy::Error) -> RegisterError {
        let mut cause: Option<&(dyn StdError + 'static)> = Some(&error);
        while let Some(current) = cause {
            if let Some(io) = current.downcast_ref::<std::io::Error>() {
                if io.kind() == std::io::ErrorKind::TimedOut {
                    return RegisterError::Timeout {
                        delivery: Delivery::NotSent,
                        after: self.settings.connect_timeout,
                    };
                }
            }
            cause = current.source();
        }
        RegisterError::Transport {
            delivery: Delivery::NotSent,
            source: Box::new(error),
        }
    }
}

/// The request's JSON in a buffer that is wiped when the last copy of the body is dropped
/// (it holds the password). hyper may copy a small body into its own write buffer, which is
/// not wiped: best effort, as for any buffer a socket write passes through.
fn request_body(request: &RegisterRequest) -> Bytes {
    struct Wiped(Zeroizing<Vec<u8>>);
    impl AsRef<[u8]> for Wiped {
        fn as_ref(&self) -> &[u8] {
            &self.0
        }
    }
    let json = serde_json::to_vec(request).expect("a RegisterRequest serializes to JSON");
    Bytes::from_owner(Wiped(Zeroizing::new(json)))
}
