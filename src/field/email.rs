//! `email`: an RFC 5322 `addr-spec`.

use email_address::EmailAddress;

use crate::error::{ErrorCode, Params, Rules, ValueError, Violation};
use crate::field::{longer_than, owned_text};

static EMAIL_RULES: Rules = Rules::new("email address", "must be a valid email address");

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
    let fail = |v| Err(ValueError::new(&EMAIL_RULES, v));
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
    // email_address's check of the local part, which does not copy the address (its parser
    // does). Splitting at the last `@` is what it does too; a display name (`Jane <j@x.io>`,
    // or a blank one) leaves `<` in the local part, which fails. The domain rule below is
    // narrower than email_address's, so its domain check would add nothing.
    let valid = s.rsplit_once('@').is_some_and(|(local, domain)| {
        EmailAddress::is_valid_local_part(local) && domain_is_valid(domain)
    });
    if valid {
        Ok(())
    } else {
        fail(Violation::new(ErrorCode::InvalidFormat))
    }
}

/// email_address admits any `atext` in domain labels (`ex_ample.com`) and any `dtext` in a
/// literal (`[foo]`). A domain must be a host name (RFC 1123 labels: letters, digits, inner
/// hyphens, 1 to 63 bytes, 253 bytes in all; `--` in third and fourth place only for `xn--`
/// A-labels, RFC 5891) or an RFC 5321 address literal (`[192.0.2.1]`, `[IPv6:2001:db8::1]`).
/// Non-ASCII letters only reach here under `allowInternationalEmail` (U-labels).
fn domain_is_valid(domain: &str) -> bool {
    if let Some(inner) = domain.strip_prefix('[').and_then(|d| d.strip_suffix(']')) {
        return match inner.strip_prefix("IPv6:") {
            Some(v6) => v6.parse::<std::net::Ipv6Addr>().is_ok(),
            None => inner.parse::<std::net::Ipv4Addr>().is_ok(),
        };
    }
    // At least two labels: `a@localhost` is refused. One pass over the bytes, no searching.
    let mut labels = 0;
    let all_valid = domain.as_bytes().split(|&b| b == b'.').all(|label| {
        labels += 1;
        label_is_valid(label)
    });
    domain.len() <= 253 && labels >= 2 && all_valid
}

fn label_is_valid(label: &[u8]) -> bool {
    let reserved =
        label.len() >= 4 && &label[2..4] == b"--" && !label[..2].eq_ignore_ascii_case(b"xn");
    let chars_ok = label.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
        // U-labels (international policy): the bytes between ASCII dots of a `str` are UTF-8.
        || std::str::from_utf8(label).is_ok_and(|l| l.chars().all(|c| c.is_alphanumeric() || c == '-'));
    (1..=63).contains(&label.len())
        && !reserved
        && label.first() != Some(&b'-')
        && label.last() != Some(&b'-')
        && chars_ok
}

owned_text!(Email, "an email address", |s: &str| check(s, false));
