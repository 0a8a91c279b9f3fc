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
            UnsupportedMediaType::Encoded => {
                "the request body has a Content-Encoding; send it uncompressed"
            }
        }
    }
}

/// Accepts `application/json` and any `*/*+json` type (`application/merge-patch+json`,
/// `application/vnd.example+json`), in any letter case, with any parameters (`charset` is
/// ignored: the body must be UTF-8 whatever it says, and a body that is not gives
/// `malformed_body`).
pub(crate) fn check(headers: &HeaderMap) -> Result<(), UnsupportedMediaType> {
    let mut values = headers.get_all(header::CONTENT_TYPE).iter();
    let (Some(value), None) = (values.next(), values.next()) else {
        return Err(match headers.contains_key(header::CONTENT_TYPE) {
            true => UnsupportedMediaType::NotJson,
            false => UnsupportedMediaType::Missing,
        });
    };
    let is_json = value
        .to_str()
        .ok()
        .and_then(|text| text.parse::<mime::Mime>().ok())
        .is_some_and(|mime| {
            (mime.type_() == mime::APPLICATION && mime.subtype() == mime::JSON)
                || mime.suffix() == Some(mime::JSON)
        });
    if !is_json {
        return Err(UnsupportedMediaType::NotJson);
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
