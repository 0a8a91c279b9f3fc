//! The messages of a registration request: its errors, advisories and problem document.

use std::borrow::Cow;

use cleeng_register::error::Params;
use cleeng_register::{Advisory, ErrorCode, Field, FieldError};

use crate::catalog::{Arg, Catalog, Message};
use crate::Language;

/// What a request error is about, as its message names it.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Subject {
    /// A field of the request: messages name it by its label (`field-KEY`).
    Field(Field),
    /// The whole body (pointer `""`).
    Body,
    /// A submitted key that is not a field, or another pointer: messages say "this field"
    /// and never repeat the key.
    OtherKey,
}

impl Subject {
    /// What `error` is about.
    pub fn of(error: &FieldError) -> Subject {
        match error.field() {
            Some(field) => Subject::Field(field),
            None if error.pointer().is_empty() => Subject::Body,
            None => Subject::OtherKey,
        }
    }
}

/// The label's message id of `field` (`field-email`).
pub fn field_label_id(field: Field) -> String {
    format!("field-{}", field.as_str())
}

/// The parameter a code's message shows as a number, if any: `min` or `max`.
fn limit_of(code: ErrorCode, params: &Params) -> Option<(&'static str, Option<u32>)> {
    match code {
        ErrorCode::TooShort => Some(("min", params.min)),
        ErrorCode::TooLong
        | ErrorCode::TooLarge
        | ErrorCode::TooDeep
        | ErrorCode::TooManyErrors => Some(("max", params.max)),
        _ => None,
    }
}

/// The shape of a message: which of the code's params it shows. `""` with its limit, or
/// with nothing to show; `-bare` when its limit is not given; `-suggestion` with one.
pub(crate) fn shape_and_args(
    limit: Option<(&'static str, Option<u64>)>,
    suggestion: Option<&str>,
    may_suggest: bool,
) -> (&'static str, Vec<(&'static str, Arg)>) {
    match (limit, suggestion) {
        (Some((name, Some(n))), _) => ("", vec![(name, Arg::Number(n))]),
        (Some((_, None)), _) => ("-bare", Vec::new()),
        (None, Some(s)) if may_suggest => (
            "-suggestion",
            vec![("suggestion", Arg::Text(Cow::Owned(s.to_owned())))],
        ),
        (None, _) => ("", Vec::new()),
    }
}

impl Catalog {
    /// The message for an error with `code` and `params` about `subject`: its id and the
    /// variables that id uses.
    ///
    /// The id is the first the catalog has of: for a field, `request-CODE-KEY` then
    /// `request-CODE` (with `$label`, the field's label, where the message uses it); for the body `request-CODE-body`; for another key
    /// `request-CODE-key`; each followed by the shape (`-bare` when the code's limit is
    /// not given, `-suggestion` with a suggestion). When none exists (a code at a place
    /// the request reader never reports it), `request-invalid`, `-body` or `-key`.
    pub fn request_message(
        &self,
        language: Language,
        subject: Subject,
        code: ErrorCode,
        params: &Params,
    ) -> Message {
        self.request_message_of(language, subject, code, params, params.suggestion)
    }

    /// As [`Catalog::request_message`], with the suggestion given apart from `params`.
    pub(crate) fn request_message_of(
        &self,
        language: Language,
        subject: Subject,
        code: ErrorCode,
        params: &Params,
        suggestion: Option<&str>,
    ) -> Message {
        let limit = limit_of(code, params).map(|(name, n)| (name, n.map(u64::from)));
        let (shape, args) = shape_and_args(limit, suggestion, code == ErrorCode::UnknownCode);
        let code = code.as_str();
        let (candidates, fallback, label) = match subject {
            Subject::Field(field) => (
                vec![
                    format!("request-{code}-{}{shape}", field.as_str()),
                    format!("request-{code}{shape}"),
                ],
                "request-invalid",
                Some(field_label_id(field)),
            ),
            Subject::Body => (
                vec![format!("request-{code}-body{shape}")],
                "request-invalid-body",
                None,
            ),
            Subject::OtherKey => (
                vec![format!("request-{code}-key{shape}")],
                "request-invalid-key",
                None,
            ),
        };
        let mut message = match self.first_of(language, &candidates) {
            Some(id) => {
                let mut message = Message::new(id.to_owned());
                for (name, arg) in args {
                    message = message.with(name, arg);
                }
                message
            }
            None => Message::new(fallback),
        };
        // A message may name the field some other way ("this currency").
        if let Some(label) = label.filter(|_| self.uses(language, message.id(), "label")) {
            message = message.with("label", Arg::Label(label.into()));
        }
        message
    }

    /// `error`'s message in `language`, rendered now (what [`Catalog::field_error`] does
    /// for an error that is not written in advance).
    ///
    /// A service's own error ([`ErrorCode::Service`]) is the service's sentence for the
    /// language in the language's frame (`request-service`: "Das Feld „E-Mail-Adresse“ darf
    /// keine Wegwerfadresse sein."); where the service gave none for the language, the
    /// field's "is not valid" in that language, never a sentence in another language.
    pub fn render_field_error(&self, language: Language, error: &FieldError) -> String {
        if let (ErrorCode::Service(code), Subject::Field(field)) =
            (error.code(), Subject::of(error))
        {
            if let Some(sentence) = code.message().translation(language.tag()) {
                let message = Message::new("request-service")
                    .with("label", Arg::Label(field_label_id(field).into()))
                    .with("sentence", Arg::Text(sentence.trim_end_matches('.').into()));
                return self.render(language, &message);
            }
        }
        let message =
            self.request_message(language, Subject::of(error), error.code(), error.params());
        self.render(language, &message)
    }

    /// The message of `advisory`: `advisory-CODE`.
    pub fn advisory_message(advisory: Advisory) -> Message {
        Message::new(format!("advisory-{}", advisory.as_str()))
    }

    /// `advisory`'s message in `language`; the crate's English sentence for an advisory the
    /// catalog does not know yet (a test holds every advisory to the catalog).
    pub fn advisory(&self, language: Language, advisory: Advisory) -> String {
        let message = Catalog::advisory_message(advisory);
        if self.has(language, message.id()) {
            self.render(language, &message)
        } else {
            advisory.message().to_owned()
        }
    }

    /// `field`'s label in `language` ("Adres e-mail").
    pub fn field_label(&self, language: Language, field: Field) -> String {
        self.render(language, &Message::new(field_label_id(field)))
    }

    /// The problem document's `title` in `language`.
    pub fn problem_title(&self, language: Language) -> String {
        self.render(language, &Message::new("problem-title"))
    }

    /// The problem document's `detail` in `language`: how many errors must be corrected.
    pub fn problem_detail(&self, language: Language, errors: usize) -> String {
        let message = Message::new("problem-detail").with("count", Arg::Number(errors as u64));
        self.render(language, &message)
    }
}
