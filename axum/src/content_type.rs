//! The `Content-Type` (and `Content-Encoding`) check, made before any byte of the body is read.

use axum::http::{header, HeaderMap};

/// Why a request's media type was refused with 415.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum UnsupportedMediaType {
    /// No `Content-Type` header. Refused rather than guessed: a client that forgot it has a
    /// bug worth seeing, and axum's own `Json` extractor refuses it the same way.
    Missing,
    /// A `Content-Type` that is not `application/json` or `<type>/<subtype>+json`, that does not
    /// parse as a media type, or that is given more than once.
    NotJson,
    /// A `charset` parameter other than `utf-8` (in any letter case): JSON is UTF-8 (RFC 8259),
    /// and a body declared in another charset would be read as what it is not.
    Charset,
    /// A `Content-Encoding` other than `identity`: the extractor reads the body as sent and
    /// does not decompress (RFC 9110 answers an unsupported content coding with 415 too).
    Encoded,
}

impl UnsupportedMediaType {
    /// A sentence for the problem document's `detail`; never repeats the header's value.
    pub const fn detail(self) -> &'static str {
        match self {
            UnsupportedMediaType::Missing => {
                "the request has no Content-Type; send application/json"
            }
            UnsupportedMediaType::NotJson => {
                "the request's Content-Type is not JSON; send application/json or a */*+json type"
            }
            UnsupportedMediaType::Charset => {
                "the request's charset is not UTF-8; send application/json with charset=utf-8 or none"
            }
            UnsupportedMediaType::Encoded => {
                "the request body has a Content-Encoding; send it uncompressed"
            }
        }
    }
}

/// Accepts `application/json` and any `*/*+json` type (`application/merge-patch+json`,
/// `application/vnd.example+json`), in any letter case, with any parameters but a `charset`
/// other than `utf-8` (in any letter case, quoted or not), which is refused: the body is read
/// as UTF-8, and a body that is not gives `malformed_body`.
pub(crate) fn check(headers: &HeaderMap) -> Result<(), UnsupportedMediaType> {
    let mut values = headers.get_all(header::CONTENT_TYPE).iter();
    let (Some(value), None) = (values.next(), values.next()) else {
        return Err(match headers.contains_key(header::CONTENT_TYPE) {
            true => UnsupportedMediaType::NotJson,
            false => UnsupportedMediaType::Missing,
        });
    };
    let Some(media_type) = media_type(value.as_bytes()) else {
        return Err(UnsupportedMediaType::NotJson);
    };
    if !is_json((media_type.type_, media_type.subtype)) {
        return Err(UnsupportedMediaType::NotJson);
    }
    if !media_type.utf8 {
        return Err(UnsupportedMediaType::Charset);
    }
    let encoded = headers
        .get_all(header::CONTENT_ENCODING)
        .iter()
        .flat_map(|v| v.as_bytes().split(|&b| b == b','))
        .any(|coding| !coding.trim_ascii().eq_ignore_ascii_case(b"identity"));
    if encoded {
        return Err(UnsupportedMediaType::Encoded);
    }
    Ok(())
}

fn is_json((type_, subtype): (&[u8], &[u8])) -> bool {
    let json_suffix = subtype.len() > b"+json".len()
        && subtype[subtype.len() - b"+json".len()..].eq_ignore_ascii_case(b"+json");
    (type_.eq_ignore_ascii_case(b"application") && subtype.eq_ignore_ascii_case(b"json"))
        || json_suffix
}

/// A parsed `Content-Type`: what the check needs of it.
#[derive(Debug, PartialEq, Eq)]
struct MediaType<'a> {
    type_: &'a [u8],
    subtype: &'a [u8],
    /// Whether every `charset` parameter (usually none) says `utf-8`.
    utf8: bool,
}

/// The type and subtype of a `Content-Type` value, if it is a media type as RFC 9110 writes it
/// (section 8.3.1, with the parameter syntax of 5.6.6), else `None`:
///
/// ```text
/// media-type      = type "/" subtype parameters
/// parameters      = *( OWS ";" OWS [ parameter ] )
/// parameter       = parameter-name "=" parameter-value
/// parameter-value = ( token / quoted-string )
/// ```
///
/// So optional white space (spaces and tabs) is allowed around each `;` and an empty parameter
/// is allowed (`application/json ;charset=utf-8`, `application/json;`), but not around `=`
/// (`charset = utf-8` is refused), and names and unquoted values are tokens. Leading and
/// trailing white space is not part of a field value (section 5.5) and is skipped.
///
/// Written here rather than taken from `mime`, whose parser refuses white space before `;` and
/// tabs, and accepts empty values; the grammar is small and the tests state it case by case.
fn media_type(value: &[u8]) -> Option<MediaType<'_>> {
    let value = trim_ows(value);
    let (type_, rest) = token(value)?;
    let rest = rest.strip_prefix(b"/")?;
    let (subtype, mut rest) = token(rest)?;
    let mut utf8 = true;
    loop {
        rest = skip_ows(rest);
        let Some(after) = rest.strip_prefix(b";") else {
            return rest.is_empty().then_some(MediaType {
                type_,
                subtype,
                utf8,
            });
        };
        rest = skip_ows(after);
        if rest.is_empty() || rest[0] == b';' {
            continue; // an empty parameter
        }
        let (name, after) = token(rest)?;
        let after = after.strip_prefix(b"=")?;
        let (value, after) = match after.first() {
            Some(b'"') => {
                let after_quote = quoted_string(after)?;
                // The quotes stripped; a quoted-pair (`\x`) is not `utf-8`'s spelling anyway.
                let quoted = &after[1..after.len() - after_quote.len() - 1];
                (quoted, after_quote)
            }
            _ => token(after)?,
        };
        if name.eq_ignore_ascii_case(b"charset") && !value.eq_ignore_ascii_case(b"utf-8") {
            utf8 = false;
        }
        rest = after;
    }
}

fn is_ows(byte: u8) -> bool {
    byte == b' ' || byte == b'\t'
}

fn skip_ows(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|&b| !is_ows(b))
        .unwrap_or(bytes.len());
    &bytes[start..]
}

fn trim_ows(bytes: &[u8]) -> &[u8] {
    let bytes = skip_ows(bytes);
    let end = bytes
        .iter()
        .rposition(|&b| !is_ows(b))
        .map_or(0, |last| last + 1);
    &bytes[..end]
}

/// `tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|"
/// / "~" / DIGIT / ALPHA`, as a table: this runs on every request.
static TCHAR: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        table[byte] = b.is_ascii_alphanumeric()
            || matches!(
                b,
                b'!' | b'#'..=b'\'' | b'*' | b'+' | b'-' | b'.' | b'^' | b'_' | b'`' | b'|' | b'~'
            );
        byte += 1;
    }
    table
};

fn is_tchar(byte: u8) -> bool {
    TCHAR[usize::from(byte)]
}

/// `token = 1*tchar`: the token and what follows it.
fn token(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let end = bytes
        .iter()
        .position(|&b| !is_tchar(b))
        .unwrap_or(bytes.len());
    (end > 0).then(|| bytes.split_at(end))
}

/// `quoted-string = DQUOTE *( qdtext / quoted-pair ) DQUOTE`, where `qdtext` is HTAB, SP,
/// `!`, `#`..`[`, `]`..`~` or obs-text (0x80..=0xFF), and `quoted-pair = "\" ( HTAB / SP /
/// VCHAR / obs-text )`: what follows the closing quote.
fn quoted_string(bytes: &[u8]) -> Option<&[u8]> {
    let mut rest = bytes.strip_prefix(b"\"")?;
    loop {
        match *rest.first()? {
            b'"' => return Some(&rest[1..]),
            b'\\' => match *rest.get(1)? {
                b'\t' | b' '..=b'~' | 0x80..=0xff => rest = &rest[2..],
                _ => return None,
            },
            b'\t' | b' ' | b'!' | b'#'..=b'[' | b']'..=b'~' | 0x80..=0xff => rest = &rest[1..],
            _ => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::media_type;

    fn parts(value: &str) -> Option<(String, String)> {
        media_type(value.as_bytes()).map(|m| {
            (
                String::from_utf8(m.type_.to_vec()).unwrap(),
                String::from_utf8(m.subtype.to_vec()).unwrap(),
            )
        })
    }

    #[test]
    fn white_space_is_allowed_around_semicolons_and_at_the_ends() {
        for value in [
            "application/json",
            "application/json ;charset=utf-8",
            "application/json ; charset=utf-8",
            "application/json\t;\tcharset=utf-8",
            "application/json;charset=utf-8 ",
            " application/json",
            "application/json;",
            "application/json ; ",
            "application/json;;charset=utf-8;;",
            "application/json; charset=utf-8; version=2",
            "application/json; charset=\"utf-8\"",
            "application/json; x=\"a;b=c \\\" d\"; y=z",
            "application/json; x=\"\"",
            "application/json; x=!#$%&'*+-.^_`|~09AZaz",
        ] {
            assert_eq!(
                parts(value),
                Some(("application".into(), "json".into())),
                "{value:?}"
            );
        }
    }

    #[test]
    fn what_the_rfc_refuses_is_refused() {
        for value in [
            "",
            " ",
            "application",
            "application/",
            "/json",
            "application /json",
            "application/ json",
            "application/json charset=utf-8",
            "application/json; charset = utf-8",
            "application/json; charset =utf-8",
            "application/json; charset= utf-8",
            "application/json; charset",
            "application/json; charset=",
            "application/json; =utf-8",
            "application/json; charset=utf 8",
            "application/json; charset=\"utf-8",
            "application/json; charset=\"utf-8\"x",
            "application/json; charset=\"a\\\u{1}\"",
            "application/json; charset=\"a\u{1}\"",
            "application/json; charset=utf-8,",
            "application/json, text/plain",
            "application/json\r\n; x=y",
            "application/json; x=y\u{b}",
            "applicatión/json",
            "application/json; x=\"\u{7f}\"",
        ] {
            assert_eq!(parts(value), None, "{value:?}");
        }
    }

    #[test]
    fn a_charset_other_than_utf_8_is_seen_in_any_case_and_quoting() {
        let utf8 = |value: &str| media_type(value.as_bytes()).map(|m| m.utf8);
        for value in [
            "application/json",
            "application/json; charset=utf-8",
            "application/json; charset=UTF-8",
            "application/json; CharSet=Utf-8",
            "application/json; charset=\"utf-8\"",
            "application/json; version=latin1",
        ] {
            assert_eq!(utf8(value), Some(true), "{value:?}");
        }
        for value in [
            "application/json; charset=latin1",
            "application/json; charset=ISO-8859-1",
            "application/json; charset=\"utf-16\"",
            "application/json; charset=utf8",
            "application/json; charset=utf-8; charset=latin1",
            "application/json; charset=\"\"",
        ] {
            assert_eq!(utf8(value), Some(false), "{value:?}");
        }
    }

    #[test]
    fn tchars_are_the_rfc_s() {
        let tchars: Vec<u8> = (0..=255).filter(|&b| super::is_tchar(b)).collect();
        let mut expected: Vec<u8> = b"!#$%&'*+-.^_`|~".to_vec();
        expected.extend(b'0'..=b'9');
        expected.extend(b'A'..=b'Z');
        expected.extend(b'a'..=b'z');
        expected.sort_unstable();
        assert_eq!(tchars, expected);
    }

    #[test]
    fn obs_text_is_allowed_in_quoted_strings_only() {
        assert!(media_type(b"application/json; x=\"\xe9\"").is_some());
        assert!(media_type(b"application/json; x=\"\\\xe9\"").is_some());
        assert!(media_type(b"application/json; x=\xe9").is_none());
    }
}
