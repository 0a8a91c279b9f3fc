//! `email`: an RFC 5322 `addr-spec`.

use email_address::EmailAddress;
use idna::uts46::{AsciiDenyList, DnsLength, Hyphens, Uts46};

use crate::error::{ErrorCode, Params, ValueError, Violation, Wording};
use crate::value::{is_control, longer_than, owned_text};

static EMAIL_WORDING: Wording = Wording::new("email address", "must be a valid email address");

/// A customer's email address: at most 254 characters, an RFC 5322 `addr-spec` (dot-atom or
/// quoted-string local part, no comments, no display name), with a domain literal or a domain
/// of at least two labels. ASCII only, unless built with
/// [`Email::parse_international`] (RFC 6531).
///
/// ```
/// use cleeng_register::{Email, ErrorCode};
/// let email: Email = "jane.doe@example.com".parse()?;
/// assert_eq!((email.local_part(), email.domain()), ("jane.doe", "example.com"));
/// assert_eq!("a@localhost".parse::<Email>().unwrap_err().code(), ErrorCode::InvalidFormat);
/// assert_eq!("Jane <j@x.io>".parse::<Email>().unwrap_err().code(), ErrorCode::InvalidFormat);
/// # Ok::<(), cleeng_register::ValueError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Email(String);

impl Email {
    /// The most characters an address may have.
    pub const MAX_CHARS: usize = 254;

    /// Parses an address that may hold UTF-8 (RFC 6531), as the policy
    /// `allowInternationalEmail` admits.
    ///
    /// ```
    /// assert!(cleeng_register::Email::parse_international("josé@example.com").is_ok());
    /// assert!(cleeng_register::Email::parse("josé@example.com").is_err());
    /// ```
    pub fn parse_international(s: &str) -> Result<Self, ValueError> {
        check(s, true)?;
        Ok(Email(s.to_owned()))
    }

    pub(crate) fn parse_with(
        s: std::borrow::Cow<'_, str>,
        international: bool,
    ) -> Result<Self, ValueError> {
        check(&s, international)?;
        Ok(Email(s.into_owned()))
    }

    /// The part before the last `@`.
    pub fn local_part(&self) -> &str {
        self.0.rsplit_once('@').map_or("", |(local, _)| local)
    }

    /// The part after the last `@`.
    pub fn domain(&self) -> &str {
        self.0.rsplit_once('@').map_or("", |(_, domain)| domain)
    }

    /// Whether the address holds non-ASCII characters.
    pub fn is_international(&self) -> bool {
        !self.0.is_ascii()
    }
}

fn check(s: &str, international: bool) -> Result<(), ValueError> {
    let fail = |v| Err(ValueError::new(&EMAIL_WORDING, v));
    if longer_than(s, Email::MAX_CHARS) {
        return fail(Violation::with(
            ErrorCode::TooLong,
            Params::max(Email::MAX_CHARS as u32),
        ));
    }
    // Control characters are legal inside RFC 5322 quoted strings (tab), but never in an
    // address a person types. Printable ASCII settles both rules in one pass.
    let printable_ascii = s.bytes().all(|b| (b' '..=b'~').contains(&b));
    if !printable_ascii && (!international || s.chars().any(char::is_control)) {
        return fail(Violation::new(ErrorCode::InvalidFormat));
    }
    // Split at the last `@`, as email_address does; a display name (`Jane <j@x.io>`, or a
    // blank one) leaves `<` in the local part, which fails.
    let valid = s.rsplit_once('@').is_some_and(|(local, domain)| {
        local_part_is_valid(local, international) && domain_is_valid(domain)
    });
    if valid {
        Ok(())
    } else {
        fail(Violation::new(ErrorCode::InvalidFormat))
    }
}

/// RFC 5321's limit on a local part, in bytes.
const LOCAL_PART_MAX_BYTES: usize = 64;

/// A dot-atom (email_address's check, which does not copy the address) or a quoted string.
/// Outside quotes, an international address holds no control, bidi control or White_Space.
fn local_part_is_valid(local: &str, international: bool) -> bool {
    if let Some(quoted) = local
        .strip_prefix('"')
        .and_then(|rest| rest.strip_suffix('"'))
    {
        return local.len() <= LOCAL_PART_MAX_BYTES && quoted_content_is_valid(quoted);
    }
    let hidden = |c: char| is_control(c) || c.is_whitespace();
    !(international && local.chars().any(hidden)) && EmailAddress::is_valid_local_part(local)
}

/// RFC 5322 `qcontent`: printable ASCII but `"` and `\`, or a quoted pair (`\` then a
/// printable ASCII char or a space); UTF-8 beyond ASCII (RFC 6532) reaches here only under
/// `allowInternationalEmail`, controls never (refused before). Empty is valid: `""@x.io`.
/// email_address refuses `""` and `"\ "`, so quoted strings are checked here.
fn quoted_content_is_valid(content: &str) -> bool {
    let mut chars = content.chars();
    while let Some(c) = chars.next() {
        let ok = match c {
            '\\' => matches!(chars.next(), Some(' '..='~')),
            '"' => false,
            _ => true,
        };
        if !ok {
            return false;
        }
    }
    true
}

/// A domain is an RFC 5321 address literal (`[192.0.2.1]`, `[IPv6:2001:db8::1]`, the tag in
/// any case) or a host name: RFC 1123 labels (letters, digits, inner hyphens, 1 to 63
/// bytes, 253 bytes in all; `--` in third and fourth place only for `xn--` A-labels), at
/// least two of them (`a@localhost` is refused), the last not all digits (an address must
/// be a literal: `a@192.0.2.1` is refused, RFC 3696).
///
/// A domain with U-labels or A-labels goes through IDNA (UTS 46, the `idna` crate that `url`
/// uses) and the host-name rules apply to its A-labels; each label must already be in the
/// form UTS 46 maps it to, so `①`, fullwidth letters and `ⅻ` (which UTS 46 would map to
/// other text) are refused, as are A-labels not in lowercase.
fn domain_is_valid(domain: &str) -> bool {
    if let Some(inner) = domain.strip_prefix('[').and_then(|d| d.strip_suffix(']')) {
        return match inner.get(..5) {
            Some(tag) if tag.eq_ignore_ascii_case("IPv6:") => {
                inner[5..].parse::<std::net::Ipv6Addr>().is_ok()
            }
            _ => inner.parse::<std::net::Ipv4Addr>().is_ok(),
        };
    }
    if !domain.is_ascii() {
        return idn_is_valid(domain);
    }
    match host_name(domain) {
        HostName::Plain => true,
        HostName::WithALabels => idn_is_valid(domain),
        HostName::Invalid => false,
    }
}

/// What the ASCII host-name rules make of a domain.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum HostName {
    /// Valid, without A-labels.
    Plain,
    /// Valid as ASCII, with `xn--` labels whose Punycode IDNA must still check.
    WithALabels,
    Invalid,
}

fn is_a_label(label: &[u8]) -> bool {
    label
        .get(..4)
        .is_some_and(|p| p.eq_ignore_ascii_case(b"xn--"))
}

/// The ASCII host-name rules, in one pass over the bytes.
fn host_name(domain: &str) -> HostName {
    let mut labels = 0;
    let mut last: &[u8] = &[];
    let mut a_labels = false;
    let all_valid = domain.as_bytes().split(|&b| b == b'.').all(|label| {
        labels += 1;
        last = label;
        a_labels |= is_a_label(label);
        label_is_valid(label)
    });
    let valid =
        domain.len() <= 253 && labels >= 2 && all_valid && !last.iter().all(u8::is_ascii_digit);
    match (valid, a_labels) {
        (false, _) => HostName::Invalid,
        (true, false) => HostName::Plain,
        (true, true) => HostName::WithALabels,
    }
}

fn label_is_valid(label: &[u8]) -> bool {
    let reserved =
        label.len() >= 4 && &label[2..4] == b"--" && !label[..2].eq_ignore_ascii_case(b"xn");
    (1..=63).contains(&label.len())
        && !reserved
        && label.first() != Some(&b'-')
        && label.last() != Some(&b'-')
        && label
            .iter()
            .all(|c| c.is_ascii_alphanumeric() || *c == b'-')
}

/// UTS 46 to ASCII and back, with STD3 rules, hyphen checks and DNS lengths; then every
/// label must be what it maps to, and the A-labels must be a host name.
fn idn_is_valid(domain: &str) -> bool {
    let uts46 = Uts46::new();
    let Ok(ascii) = uts46.to_ascii(
        domain.as_bytes(),
        AsciiDenyList::STD3,
        Hyphens::Check,
        DnsLength::Verify,
    ) else {
        return false;
    };
    let (unicode, mapped) = uts46.to_unicode(ascii.as_bytes(), AsciiDenyList::STD3, Hyphens::Check);
    if mapped.is_err() {
        return false;
    }
    let canonical = domain
        .split('.')
        .zip(ascii.split('.').zip(unicode.split('.')))
        .all(|(given, (a_label, u_label))| {
            if given.is_ascii() && is_a_label(given.as_bytes()) {
                given == a_label
            } else if given.is_ascii() {
                given.eq_ignore_ascii_case(a_label)
            } else {
                given == u_label
            }
        });
    canonical
        && domain.split('.').count() == ascii.split('.').count()
        && host_name(&ascii) != HostName::Invalid
}

owned_text!(Email, "an email address", |s: &str| check(s, false));
