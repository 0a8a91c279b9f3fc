//! `email`: an RFC 5322 `addr-spec`; under `allowInternationalEmail`, RFC 6531 UTF-8 whose
//! local part holds no invisible or reordering character outside quotes ([`Email`] has the
//! table of Unicode properties).

use email_address::EmailAddress;
use idna::uts46::{AsciiDenyList, DnsLength, Hyphens, Uts46};

use crate::error::{ErrorCode, Params, ValueError, Violation, Wording};
use crate::value::field_value::{FieldText, FieldValue, Rule, ValueOptions};
use crate::value::{is_default_ignorable, longer_than, owned_text};
use serde_json::{json, Value};

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
///
/// # Characters an international local part refuses
///
/// An international address may hold UTF-8 (RFC 6531), but its local part holds, outside
/// quotes, no character that a reader cannot see or that reorders the text around it:
/// `"\u{200E}@x.de"` would show as `@x.de`. The sets are Unicode's own properties, decided
/// from Unicode's data (ICU4X's `icu_properties`, which `idna` brings; Rust's `char` methods
/// for Cc and White_Space), as of Unicode 18.0; a test compares this table with the data and
/// every code point with the validator:
///
/// | property | code points |
/// |---|---|
/// | Cc (General_Category Control) | U+0000..U+001F, U+007F..U+009F |
/// | White_Space | U+0009..U+000D, U+0020, U+0085, U+00A0, U+1680, U+2000..U+200A, U+2028, U+2029, U+202F, U+205F, U+3000 |
/// | Bidi_Control | U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069 |
/// | Default_Ignorable_Code_Point | U+00AD, U+034F, U+061C, U+115F, U+1160, U+17B4, U+17B5, U+180B..U+180F, U+200B..U+200F, U+202A..U+202E, U+2060..U+206F, U+3164, U+FE00..U+FE0F, U+FEFF, U+FFA0, U+FFF0..U+FFF8, U+1BCA0..U+1BCA3, U+1D173..U+1D17A, U+E0000..U+E0FFF |
///
/// Default_Ignorable_Code_Point holds ZWNJ (U+200C) and ZWJ (U+200D), and a local part
/// refuses them too: no rule for mail local parts gives them a role (RFC 5321, 5322, 6531 and
/// 6532 admit UTF-8 with no rule on joiners), and the rules that do admit them, IDNA2008's
/// CONTEXTJ (RFC 5892, appendix A.1 and A.2) and PRECIS's identifier class built on it
/// (RFC 8264), are for domain labels and usernames, and even there only after a virama or
/// between joining letters; in a domain, UTS 46 applies them and the crate keeps them. A local
/// part is the receiving host's to compare (RFC 5321, section 2.4), so an invisible joiner
/// makes an address that looks like another and is not. Variation selectors go the same way:
/// `❤️` is U+2764 U+FE0F; `❤` alone is accepted.
///
/// Inside quotes, any UTF-8 but Cc is accepted (RFC 6532 `qtext`), and Cc is refused
/// everywhere in an address, as in an ASCII one.
///
/// ```
/// use cleeng_register::Email;
/// assert!(Email::parse_international("josé@example.com").is_ok());
/// for hidden in ["\u{200E}", "\u{200F}", "\u{061C}", "\u{200B}", "\u{00AD}", "\u{FEFF}", "\u{200D}"] {
///     assert!(Email::parse_international(&format!("{hidden}@x.de")).is_err());
/// }
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
/// Outside quotes, an international address holds no character of [`is_hidden`]'s sets.
fn local_part_is_valid(local: &str, international: bool) -> bool {
    if let Some(quoted) = local
        .strip_prefix('"')
        .and_then(|rest| rest.strip_suffix('"'))
    {
        return local.len() <= LOCAL_PART_MAX_BYTES && quoted_content_is_valid(quoted);
    }
    !(international && local.chars().any(is_hidden)) && EmailAddress::is_valid_local_part(local)
}

/// The characters an international local part refuses outside quotes, [`Email`]'s table:
/// Cc, White_Space, Bidi_Control and Default_Ignorable_Code_Point. Every Bidi_Control
/// character is also Default_Ignorable (a test in `tests/it/unicode.rs` holds the data to
/// it), so one lookup covers both.
fn is_hidden(c: char) -> bool {
    c.is_control() || c.is_whitespace() || is_default_ignorable(c)
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

/// RFC 5322 `atext` as RFC 6531 widens it, less what an international local part refuses
/// outside quotes (the table above): the ASCII letters, digits and symbols of `atext`, or a
/// non-ASCII character of none of the four properties.
const INTERNATIONAL_ATEXT: &str = r"(?:[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]|[^\u0000-\u007F\p{Cc}\p{White_Space}\p{Bidi_Control}\p{Default_Ignorable_Code_Point}])";

/// An international address: a quoted local part (any character but Cc, `"` and `\`, or a
/// quoted pair) or a dot-atom of [`INTERNATIONAL_ATEXT`], then `@` and a domain without `@`.
/// The local part is the constructor's rule exactly but for its 64-byte limit; the domain is
/// left to the constructor (IDNA, host names, literals).
fn international_email_pattern() -> String {
    let atext = INTERNATIONAL_ATEXT;
    format!(r#"^(?:"(?:[^"\\\p{{Cc}}]|\\[ -~])*"|{atext}+(?:\.{atext}+)*)@[^@]+$"#)
}

impl FieldValue for Email {
    fn from_field_text(
        text: FieldText<'_>,
        options: &ValueOptions<'_>,
    ) -> Result<Self, ValueError> {
        Email::parse_with(text.into_cow(), options.international_email)
    }

    fn rules(_: &ValueOptions<'_>) -> Vec<Rule> {
        vec![
            Rule::max(ErrorCode::TooLong, Email::MAX_CHARS),
            Rule::new(ErrorCode::InvalidFormat),
        ]
    }

    fn schema(options: &ValueOptions<'_>) -> Value {
        let mut schema = json!({
            "type": "string",
            "description": "The customer's email address: an RFC 5322 addr-spec (no display name, no comments) \
                whose domain is a host name of at least two labels or an address literal; at most 254 characters.",
            "maxLength": Email::MAX_CHARS,
            "examples": ["jane.doe@example.com"],
        });
        if options.international_email {
            schema["format"] = json!("idn-email");
            schema["description"] = json!(
                "The customer's email address: an RFC 5322 addr-spec with RFC 6531 UTF-8 (no display name, \
                 no comments) whose local part holds, outside quotes, no control, White_Space, \
                 Bidi_Control or Default_Ignorable_Code_Point character, and whose domain converts under \
                 IDNA2008/UTS 46 to a host name of at least two labels, or is an address literal; at \
                 most 254 characters."
            );
            schema["pattern"] = json!(international_email_pattern());
        } else {
            schema["format"] = json!("email");
            // ASCII only, and a dotted host name or an address literal after the last @.
            schema["pattern"] = json!(r"^[ -~]+@(?:(?:[A-Za-z0-9-]+\.)+[A-Za-z0-9-]+|\[[ -~]+\])$");
        }
        schema
    }
}
