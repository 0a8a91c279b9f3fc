//! The gateway's command line, and what it makes of it: the extractor's configuration and the
//! edge's limits.

use std::fmt;
use std::net::SocketAddr;
use std::time::Duration;

use clap::{Parser, ValueEnum};
use cleeng_register::Policy;
use cleeng_register_axum::edge::EdgeLimits;
use cleeng_register_axum::{CustomerIpSource, InvalidStatus, RegistrationConfig};
use cleeng_register_client::{BaseUrl, Client, ClientBuilder};
use ipnet::IpNet;

use crate::upstream;

/// Validates Cleeng registration bodies (POST /customers) at the edge of a service.
#[derive(Debug, Parser)]
#[command(
    name = "gateway",
    version,
    after_help = "Seconds may have a fraction (0.5). A time limit is from 0.001 to 3153600000 \
                  seconds (100 years); the grace period from 0."
)]
pub struct Args {
    /// Where to listen.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// The policy, a JSON file; the defaults otherwise.
    #[arg(long, value_name = "FILE", value_parser = read_policy)]
    policy: Option<Policy>,
    /// Fill an absent customerIP from the connection's peer.
    #[arg(long)]
    fill_customer_ip: bool,
    /// Replace a customerIP sent in the body with the connection's address (or the trusted
    /// proxies' client), for an edge that customers' browsers post to directly. Implies
    /// --fill-customer-ip.
    #[arg(long)]
    override_customer_ip: bool,
    /// A proxy network whose X-Forwarded-For is believed; repeat for several. Implies
    /// --fill-customer-ip.
    #[arg(long = "trusted-proxy", value_name = "CIDR")]
    trusted_proxies: Vec<IpNet>,
    /// The status of an answer to an invalid body.
    #[arg(long, value_name = "STATUS", default_value = "400")]
    invalid_status: StatusArg,
    /// Seconds a request head may take to arrive in full: the first from the connection's
    /// opening, a later one from its first byte.
    #[arg(long, value_name = "SECONDS", value_parser = timeout_seconds,
          default_value_t = Seconds(EdgeLimits::DEFAULT_HEADER_TIMEOUT))]
    header_timeout: Seconds,
    /// Seconds a keep-alive connection may stay idle after an answer before it is closed.
    #[arg(long, value_name = "SECONDS", value_parser = timeout_seconds,
          default_value_t = Seconds(EdgeLimits::DEFAULT_IDLE_TIMEOUT))]
    idle_timeout: Seconds,
    /// Seconds a request body may take to arrive in full, from the end of its head (then 408).
    #[arg(long, value_name = "SECONDS", value_parser = timeout_seconds,
          default_value_t = Seconds(EdgeLimits::DEFAULT_BODY_TIMEOUT))]
    body_timeout: Seconds,
    /// Seconds an answer may wait for a client that does not read it, from when the socket
    /// stops taking bytes until it has taken them all; then the connection is reset.
    #[arg(long, value_name = "SECONDS", value_parser = timeout_seconds,
          default_value_t = Seconds(EdgeLimits::DEFAULT_WRITE_TIMEOUT))]
    write_timeout: Seconds,
    /// The most connections open at once; more are refused.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..),
          default_value_t = EdgeLimits::DEFAULT_MAX_CONNECTIONS as u32)]
    max_connections: u32,
    /// Seconds requests in flight may take after SIGTERM or Ctrl-C before the connections left
    /// are closed.
    #[arg(long, value_name = "SECONDS", value_parser = grace_seconds,
          default_value_t = Seconds(EdgeLimits::DEFAULT_SHUTDOWN_GRACE))]
    shutdown_grace: Seconds,
    /// Register valid bodies with Cleeng: `sandbox`, `production`, or a base URL
    /// (`POST <URL>/customers`). Without it, the gateway only validates.
    #[arg(long, value_name = "URL|sandbox|production", value_parser = upstream_url)]
    upstream: Option<BaseUrl>,
    /// Seconds the upstream has for the whole registration, connecting included (then 504).
    #[arg(long, value_name = "SECONDS", value_parser = timeout_seconds,
          default_value_t = Seconds(ClientBuilder::DEFAULT_TIMEOUT))]
    upstream_timeout: Seconds,
    /// The forms' page configuration (GET /config.json).
    #[command(flatten)]
    pub page: crate::form::PageArgs,
}

fn upstream_url(text: &str) -> Result<BaseUrl, String> {
    text.parse().map_err(|e| format!("{e}"))
}

#[derive(Copy, Clone, Debug, ValueEnum)]
enum StatusArg {
    #[value(name = "400")]
    BadRequest,
    #[value(name = "422")]
    UnprocessableContent,
}

/// A duration given in seconds, with an optional fraction.
#[derive(Copy, Clone, Debug)]
struct Seconds(Duration);

impl fmt::Display for Seconds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.as_secs_f64())
    }
}

/// A time limit: from [`EdgeLimits::MIN_TIMEOUT`] (1 ms) to [`EdgeLimits::MAX_TIMEOUT`]
/// (100 years). Anything else (0, a negative number, `NaN`, `inf`, `1e19`, a word) is a usage
/// error whose one line says the range.
fn timeout_seconds(text: &str) -> Result<Seconds, String> {
    seconds_in(text, EdgeLimits::MIN_TIMEOUT)
}

/// A grace period: from 0 to [`EdgeLimits::MAX_TIMEOUT`].
fn grace_seconds(text: &str) -> Result<Seconds, String> {
    seconds_in(text, Duration::ZERO)
}

fn seconds_in(text: &str, min: Duration) -> Result<Seconds, String> {
    let max = EdgeLimits::MAX_TIMEOUT;
    text.parse::<f64>()
        .ok()
        .and_then(|number| Duration::try_from_secs_f64(number).ok())
        .filter(|duration| (min..=max).contains(duration))
        .map(Seconds)
        .ok_or_else(|| {
            format!(
                "expected a number of seconds from {} to {} (100 years), such as 10 or 0.5",
                min.as_secs_f64(),
                max.as_secs()
            )
        })
}

fn read_policy(path: &str) -> Result<Policy, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    Policy::from_json(&bytes).map_err(|e| format!("{path}: {e}"))
}

impl Args {
    /// The extractor's configuration: the policy, where `customerIP` comes from, and the
    /// status of an invalid body.
    pub fn registration(&self) -> RegistrationConfig {
        let fill = self.fill_customer_ip || self.override_customer_ip;
        let customer_ip = match (fill, self.trusted_proxies.is_empty()) {
            (_, false) => CustomerIpSource::TrustedProxies(self.trusted_proxies.clone()),
            (true, true) => CustomerIpSource::Peer,
            (false, true) => CustomerIpSource::Off,
        };
        let invalid_status = match self.invalid_status {
            StatusArg::BadRequest => InvalidStatus::BadRequest,
            StatusArg::UnprocessableContent => InvalidStatus::UnprocessableContent,
        };
        RegistrationConfig::new(self.policy.clone().unwrap_or_default())
            .with_customer_ip(customer_ip)
            .with_invalid_status(invalid_status)
            .with_override_customer_ip(self.override_customer_ip)
    }

    /// The upstream's client, with `--upstream`.
    pub fn upstream(&self) -> Option<Client> {
        let base_url = self.upstream.clone()?;
        Some(upstream::client(base_url, self.upstream_timeout.0))
    }

    /// The edge's limits.
    pub fn limits(&self) -> EdgeLimits {
        let mut limits = EdgeLimits::default();
        limits.header_timeout = self.header_timeout.0;
        limits.idle_timeout = self.idle_timeout.0;
        limits.body_timeout = self.body_timeout.0;
        limits.write_timeout = self.write_timeout.0;
        limits.max_connections = self.max_connections as usize;
        limits.shutdown_grace = self.shutdown_grace.0;
        limits
    }
}
