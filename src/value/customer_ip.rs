//! `customerIP`.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use crate::error::{ErrorCode, ValueError, Violation, Wording};
use crate::value::field_value::{FieldText, FieldValue, Rule, ValueOptions};
use crate::value::{inline_code, AsciiBuf};
use serde_json::{json, Value};

static IP_WORDING: Wording = Wording::new("IP address", "must be an IPv4 or IPv6 address");

/// The customer's IP address, IPv4 or IPv6, as `std::net::IpAddr` parses it: no zone id
/// (`fe80::1%eth0`), no leading-zero IPv4 octet (`010.0.0.1`). The text is kept as given
/// (inline, at most 45 bytes) next to the parsed address.
///
/// ```
/// use cleeng_register::{CustomerIp, ErrorCode};
/// let ip: CustomerIp = "203.0.113.7".parse()?;
/// assert!(!ip.is_globally_reachable()); // documentation range
/// assert!("8.8.8.8".parse::<CustomerIp>()?.is_globally_reachable());
/// assert_eq!("01.2.3.4".parse::<CustomerIp>().unwrap_err().code(), ErrorCode::InvalidFormat);
/// # Ok::<(), cleeng_register::ValueError>(())
/// ```
#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CustomerIp {
    text: AsciiBuf<45>,
    addr: IpAddr,
}

impl CustomerIp {
    /// Parses an IPv4 or IPv6 address.
    pub fn parse(s: &str) -> Result<Self, ValueError> {
        // The longest valid text is 45 bytes (`ffff:...:255.255.255.255`); check the length
        // first so that no long input is handed to the parser.
        let parsed = AsciiBuf::new(s).and_then(|text| {
            Some(CustomerIp {
                text,
                addr: s.parse().ok()?,
            })
        });
        parsed.ok_or(ValueError::new(
            &IP_WORDING,
            Violation::new(ErrorCode::InvalidFormat),
        ))
    }

    /// The address as given.
    pub fn as_str(&self) -> &str {
        self.text.as_str()
    }

    /// The parsed address.
    pub fn addr(&self) -> IpAddr {
        self.addr
    }

    /// Whether the address is globally reachable per the IANA IPv4 and IPv6 Special-Purpose
    /// Address Registries, with multicast counted as not reachable, and an IPv4-mapped IPv6
    /// address (`::ffff:a.b.c.d`) judged by the IPv4 address it carries.
    ///
    /// ```
    /// use cleeng_register::CustomerIp;
    /// let public = |s: &str| s.parse::<CustomerIp>().unwrap().is_globally_reachable();
    /// assert!(!public("10.1.2.3") && !public("100.64.0.1") && !public("fd00::1"));
    /// assert!(!public("::ffff:192.168.0.1") && public("::ffff:8.8.8.8"));
    /// assert!(public("2606:4700::1111"));
    /// ```
    pub fn is_globally_reachable(&self) -> bool {
        is_globally_reachable(self.addr)
    }
}

/// [`CustomerIp::is_globally_reachable`] for any address: the one test behind the
/// `customer_ip_not_public` advisory and an email's address literal (`a@[127.0.0.1]`).
/// Loopback, private, link-local (with the cloud metadata address 169.254.169.254),
/// unspecified (0.0.0.0, `::`), the limited broadcast (255.255.255.255), documentation,
/// shared (CGNAT) and benchmarking ranges are not reachable.
pub(crate) fn is_globally_reachable(addr: IpAddr) -> bool {
    match addr {
        IpAddr::V4(v4) => v4_is_global(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4_is_global(v4),
            None => v6_is_global(v6),
        },
    }
}

/// IANA IPv4 Special-Purpose Address Registry, "Globally Reachable" = False or N/A, plus
/// multicast and the limited broadcast.
fn v4_is_global(ip: Ipv4Addr) -> bool {
    let [a, b, c, d] = ip.octets();
    let not_global = a == 0 // "this network"
        || a == 10 // private
        || (a == 100 && (64..128).contains(&b)) // shared address space (CGNAT)
        || a == 127 // loopback
        || (a == 169 && b == 254) // link local
        || (a == 172 && (16..32).contains(&b)) // private
        || (a == 192 && b == 0 && c == 0 && d != 9 && d != 10) // IETF protocol assignments
        || (a == 192 && b == 0 && c == 2) // TEST-NET-1
        || (a == 192 && b == 88 && c == 99) // deprecated 6to4 relay anycast
        || (a == 192 && b == 168) // private
        || (a == 198 && (b == 18 || b == 19)) // benchmarking
        || (a == 198 && b == 51 && c == 100) // TEST-NET-2
        || (a == 203 && b == 0 && c == 113) // TEST-NET-3
        || a >= 224; // multicast, reserved, limited broadcast
    !not_global
}

/// IANA IPv6 Special-Purpose Address Registry, "Globally Reachable" = False or N/A, plus
/// multicast. IPv4-mapped addresses are handled by the caller.
fn v6_is_global(ip: Ipv6Addr) -> bool {
    let s = ip.segments();
    let bits = u128::from(ip);
    let not_global = ip.is_unspecified()
        || ip.is_loopback()
        || (s[0] == 0x64 && s[1] == 0xff9b && s[2] == 1) // IPv4-IPv6 translation, local use
        || (s[0] == 0x100 && s[1] == 0 && s[2] == 0 && s[3] == 0) // discard-only
        || (s[0] == 0x100 && s[1] == 0 && s[2] == 0 && s[3] == 1) // dummy prefix (RFC 9780)
        || (s[0] == 0x2001 && s[1] < 0x200 && !ietf_global_exception(s, bits)) // IETF protocol assignments
        || (s[0] == 0x2001 && s[1] == 0xdb8) // documentation
        || s[0] == 0x2002 // 6to4
        || (s[0] & 0xfff0) == 0x3ff0 // documentation 3fff::/20
        || s[0] == 0x5f00 // SRv6 SIDs
        || (s[0] & 0xfe00) == 0xfc00 // unique local
        || (s[0] & 0xffc0) == 0xfe80 // link local
        || (s[0] & 0xff00) == 0xff00; // multicast
    !not_global
}

/// The globally reachable blocks inside 2001::/23.
fn ietf_global_exception(s: [u16; 8], bits: u128) -> bool {
    bits == 0x2001_0001_0000_0000_0000_0000_0000_0001 // PCP anycast
        || bits == 0x2001_0001_0000_0000_0000_0000_0000_0002 // TURN anycast
        || bits == 0x2001_0001_0000_0000_0000_0000_0000_0003 // DNS-SD SRP anycast
        || s[1] == 3 // AMT
        || (s[1] == 4 && s[2] == 0x112) // AS112-v6
        || (0x20..=0x3f).contains(&s[1]) // ORCHIDv2, DETs
}

inline_code!(CustomerIp, "an IPv4 or IPv6 address", redacted);

impl FieldValue for CustomerIp {
    fn from_field_text(text: FieldText<'_>, _: &ValueOptions<'_>) -> Result<Self, ValueError> {
        CustomerIp::parse(&text)
    }

    fn rules(_: &ValueOptions<'_>) -> Vec<Rule> {
        vec![Rule::new(ErrorCode::InvalidFormat)]
    }

    fn schema(_: &ValueOptions<'_>) -> Value {
        json!({
            "type": "string",
            "description": "The customer's IPv4 or IPv6 address (no zone id, no leading zeros), used for tax and \
                geo restrictions. Without it Cleeng prices with the request's source address.",
            // Typed branches, so generated clients see a string; `null` (absent) is left to the
            // outer `type`, which drops it where the policy requires the address.
            "anyOf": [
                {"type": "string", "format": "ipv4"},
                {"type": "string", "format": "ipv6"},
                {"type": "null"},
            ],
            "examples": ["203.0.113.7"],
        })
    }
}
