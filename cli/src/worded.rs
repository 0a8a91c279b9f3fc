//! `--lang`: output lines whose messages are the catalog's (`cleeng-register-messages`) in a
//! chosen language, for the people who read them. Everything else in a line (its members,
//! their order, pointers, columns, codes, params) is what the line has without `--lang`,
//! whose messages are the core's English sentences.

use serde::ser::{SerializeSeq, SerializeStruct};
use serde::{Serialize, Serializer};

use cleeng_register::{RegisterRequest, ValidationReport};
use cleeng_register_messages::{Catalog, Language};
use cleeng_register_migration::RecordReport;

/// `validate`'s line for `checked` at line `number`, worded in `language`:
/// `{"line","valid","errors","advisories"}` as [`ValidationResult`](cleeng_register::report::ValidationResult) writes it.
struct RequestLine<'a> {
    number: u64,
    checked: &'a Result<RegisterRequest, ValidationReport>,
    language: Language,
}

/// One `{"pointer","code","message"[,"params"]}` (or an advisory's three members).
struct Worded<'a, P> {
    place: (&'static str, &'a str),
    code: &'a str,
    message: &'a str,
    params: Option<&'a P>,
}

impl<P: Serialize> Serialize for Worded<'_, P> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Worded", 3 + self.params.is_some() as usize)?;
        s.serialize_field(self.place.0, self.place.1)?;
        s.serialize_field("code", self.code)?;
        s.serialize_field("message", self.message)?;
        if let Some(params) = self.params {
            s.serialize_field("params", params)?;
        }
        s.end()
    }
}

/// A list serialized from its items, made on the way.
struct List<I>(std::cell::RefCell<Option<I>>);

impl<I: Iterator<Item = T>, T: Serialize> Serialize for List<I> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let items = self.0.borrow_mut().take().expect("serialized once");
        let mut seq = serializer.serialize_seq(None)?;
        for item in items {
            seq.serialize_element(&item)?;
        }
        seq.end()
    }
}

fn list<I: Iterator>(items: I) -> List<I> {
    List(std::cell::RefCell::new(Some(items)))
}

impl Serialize for RequestLine<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let catalog = Catalog::get();
        let mut s = serializer.serialize_struct("ValidationResult", 4)?;
        s.serialize_field("line", &self.number)?;
        s.serialize_field("valid", &self.checked.is_ok())?;
        match self.checked {
            Ok(request) => {
                let empty: [u8; 0] = [];
                s.serialize_field("errors", &empty)?;
                let advisories = request.advisories();
                let worded: Vec<(String, _)> = advisories
                    .iter()
                    .map(|a| (catalog.advisory(self.language, a), a))
                    .collect();
                s.serialize_field(
                    "advisories",
                    &list(worded.iter().map(|(message, a)| Worded::<()> {
                        place: ("pointer", a.pointer()),
                        code: a.as_str(),
                        message,
                        params: None,
                    })),
                )?;
            }
            Err(report) => {
                let worded: Vec<_> = report
                    .errors()
                    .iter()
                    .map(|e| (e, catalog.field_error(self.language, e)))
                    .collect();
                s.serialize_field(
                    "errors",
                    &list(worded.iter().map(|(e, message)| Worded {
                        place: ("pointer", e.pointer()),
                        code: e.code().as_str(),
                        message,
                        params: (!e.params().is_empty()).then_some(e.params()),
                    })),
                )?;
                let empty: [u8; 0] = [];
                s.serialize_field("advisories", &empty)?;
            }
        }
        s.end()
    }
}

/// Appends `checked`'s JSON result at line `number`, with the messages in `language`, and a
/// newline: the line [`validate_line`](crate::validate_line) writes, worded by the catalog.
/// Returns whether the request is valid.
pub fn write_json_in(
    checked: &Result<RegisterRequest, ValidationReport>,
    number: u64,
    language: Language,
    out: &mut Vec<u8>,
) -> bool {
    let worded = RequestLine {
        number,
        checked,
        language,
    };
    serde_json::to_writer(&mut *out, &worded).expect("serializing into a Vec cannot fail");
    out.push(b'\n');
    checked.is_ok()
}

/// `users`'s line for `report`, worded in `language`:
/// `{"row","valid","errors","advisories"}` as [`RecordReport`] writes it.
pub struct RecordLine<'a> {
    /// The record's report.
    pub report: &'a RecordReport,
    /// The language of its messages.
    pub language: Language,
}

impl Serialize for RecordLine<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let catalog = Catalog::get();
        let report = self.report;
        let mut s = serializer.serialize_struct("RecordReport", 4)?;
        s.serialize_field("row", &report.row())?;
        s.serialize_field("valid", &report.is_valid())?;
        let errors: Vec<_> = report
            .errors()
            .iter()
            .map(|e| (e, catalog.record_error(self.language, e)))
            .collect();
        s.serialize_field(
            "errors",
            &list(errors.iter().map(|(e, message)| Worded {
                place: ("column", e.column_name()),
                code: e.code().as_str(),
                message,
                params: (!e.params().is_empty()).then_some(e.params()),
            })),
        )?;
        let advisories: Vec<_> = report
            .advisories()
            .map(|a| (a, catalog.record_advisory(self.language, a)))
            .collect();
        s.serialize_field(
            "advisories",
            &list(advisories.iter().map(|(a, message)| Worded::<()> {
                place: ("column", a.column().name()),
                code: a.code(),
                message,
                params: None,
            })),
        )?;
        s.end()
    }
}
