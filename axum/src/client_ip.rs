//! Where the customer's address comes from: the connection's peer, or `X-Forwarded-For` when the
//! peer is a trusted proxy.

use std::net::{IpAddr, SocketAddr};

use axum::http::{HeaderMap, HeaderName};
use ipnet::IpNet;

use crate::CustomerIpSource;

/// `X-Forwarded-For`: each proxy appends the address it received the request from.
static X_FORWARDED_FOR: HeaderName = HeaderName::from_static("x-forwarded-for");

/// The source needs the peer address and the server does not provide it: it is not served
/// with `into_make_service_with_connect_info::<SocketAddr>()`. A configuration error, answered
/// with 500.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, thiserror::Error)]
#[error("the customer IP source needs the peer address: serve the router with `into_make_service_with_connect_info::<SocketAddr>()`")]
pub struct MissingPeerAddress;

impl CustomerIpSource {
    /// The address to fill an absent `customerIP` with, from the connection's `peer` and the
    /// request's `headers`; `Ok(None)` fills nothing (the body is taken as sent).
    ///
    /// - [`Off`](CustomerIpSource::Off): `None`, whatever the peer and headers.
    /// - [`Peer`](CustomerIpSource::Peer): the peer.
    /// - [`TrustedProxies`](CustomerIpSource::TrustedProxies): a peer outside the trusted
    ///   networks is the customer, and its `X-Forwarded-For` is ignored (anyone can send one).
    ///   From a trusted peer, the header's entries are read from the right (several header lines
    ///   are one list, in order), skipping trusted proxies, and the first entry that is not a
    ///   trusted proxy decides: an address is the customer; anything else (`unknown`, an
    ///   obfuscated identifier, garbage, a value that is not ASCII) fills nothing, because
    ///   what lies left of it cannot be attributed. No header, or only trusted proxies in it,
    ///   also fills nothing: the request came through our proxies but none of them said from
    ///   whom, and the proxy is not the customer.
    ///
    /// An entry may be an address (`203.0.113.7`, `2001:db8::7`), with a port (`203.0.113.7:443`,
    /// `[2001:db8::7]:443`) or in brackets (`[2001:db8::7]`), with spaces or tabs around it. An
    /// IPv4-mapped IPv6 address (a dual-stack socket's view of an IPv4 peer) is taken as the
    /// IPv4 address it carries, for both the trust check and the filled value.
    ///
    /// ```
    /// use axum::http::HeaderMap;
    /// use cleeng_register_axum::CustomerIpSource;
    /// let source = CustomerIpSource::TrustedProxies(vec!["10.0.0.0/8".parse()?]);
    /// let mut headers = HeaderMap::new();
    /// headers.insert("x-forwarded-for", "198.51.100.1, 203.0.113.7, 10.0.0.2".parse()?);
    /// let via_proxy = source.resolve(Some("10.0.0.1:5000".parse()?), &headers)?;
    /// assert_eq!(via_proxy, Some("203.0.113.7".parse()?));
    /// let direct = source.resolve(Some("192.0.2.9:5000".parse()?), &headers)?;
    /// assert_eq!(direct, Some("192.0.2.9".parse()?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`MissingPeerAddress`] when the source needs the peer and `peer` is `None`.
    pub fn resolve(
        &self,
        peer: Option<SocketAddr>,
        headers: &HeaderMap,
    ) -> Result<Option<IpAddr>, MissingPeerAddress> {
        let trusted = match self {
            CustomerIpSource::Off => return Ok(None),
            CustomerIpSource::Peer => &[][..],
            CustomerIpSource::TrustedProxies(trusted) => &trusted[..],
        };
        let peer = peer.ok_or(MissingPeerAddress)?.ip().to_canonical();
        if !is_trusted(peer, trusted) {
            return Ok(Some(peer));
        }
        Ok(forwarded_client(headers, trusted))
    }
}

fn is_trusted(addr: IpAddr, trusted: &[IpNet]) -> bool {
    trusted.iter().any(|net| net.contains(&addr))
}

/// The rightmost `X-Forwarded-For` entry that is not a trusted proxy, if it is an address.
fn forwarded_client(headers: &HeaderMap, trusted: &[IpNet]) -> Option<IpAddr> {
    for line in headers.get_all(&X_FORWARDED_FOR).iter().rev() {
        let text = line.to_str().ok()?;
        for entry in text.rsplit(',') {
            let addr = parse_entry(entry)?;
            if !is_trusted(addr, trusted) {
                return Some(addr);
            }
        }
    }
    None
}

fn parse_entry(entry: &str) -> Option<IpAddr> {
    let entry = entry.trim_matches([' ', '\t']);
    let addr = entry
        .parse::<IpAddr>()
        .ok()
        .or_else(|| entry.parse::<SocketAddr>().ok().map(|s| s.ip()))
        .or_else(|| {
            let inner = entry.strip_prefix('[')?.strip_suffix(']')?;
            inner.parse::<std::net::Ipv6Addr>().ok().map(IpAddr::V6)
        })?;
    Some(addr.to_canonical())
}
