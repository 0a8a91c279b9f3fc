//! Every sentence the command writes for people, in one place: the summaries, the text
//! report's words, the hints and the progress line. The crate's own messages (an error's, an
//! advisory's) come from the libraries and are asked for here too, so that choosing a language
//! is one change: a [`Wording`] for it.

use std::fmt;
use std::path::Path;

use std::borrow::Cow;

use cleeng_register::{Advisory, FieldError};
use cleeng_register_messages::{Catalog, Language};
use cleeng_register_migration::{RecordError, UsersSummary};

/// The command's words: in English, with the crate's messages (an error's, an advisory's) in
/// the catalog's language when one is chosen (`--lang`, [`Wording::in_language`]).
///
/// ```
/// use cleeng_register_cli::wording::{Noun, Wording};
/// let say = Wording::ENGLISH;
/// assert_eq!(say.count(1, Noun::Request), "1 request");
/// assert_eq!(say.count(2, Noun::Record), "2 records");
/// ```
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Wording {
    /// `--lang`: the messages' language; `None` for the core's English sentences.
    language: Option<Language>,
}

/// What is counted.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Noun {
    /// A request body.
    Request,
    /// A migration file's record.
    Record,
}

impl Wording {
    /// English.
    pub const ENGLISH: Wording = Wording { language: None };

    /// The messages in `language` (the catalog's words), or the core's English sentences
    /// when `None`; the command's own words stay English.
    pub const fn in_language(language: Option<Language>) -> Wording {
        Wording { language }
    }

    /// The messages' language, when one is chosen.
    pub const fn language(&self) -> Option<Language> {
        self.language
    }

    /// `n` things, singular or plural as `n` asks.
    pub fn count(&self, n: u64, noun: Noun) -> String {
        let (one, many) = match noun {
            Noun::Request => ("request", "requests"),
            Noun::Record => ("record", "records"),
        };
        format!("{n} {}", if n == 1 { one } else { many })
    }

    /// The end of a run: `3 requests, 1 valid, 2 invalid`.
    pub fn tally(&self, n: u64, noun: Noun, valid: u64) -> String {
        format!(
            "{}, {valid} valid, {} invalid",
            self.count(n, noun),
            n - valid
        )
    }

    /// An error's message.
    pub fn error(&self, error: &FieldError) -> String {
        match self.language {
            Some(language) => Catalog::get().field_error(language, error).into_owned(),
            None => error.message(),
        }
    }

    /// An advisory's message.
    pub fn advisory(&self, advisory: Advisory) -> Cow<'static, str> {
        match self.language {
            Some(language) => Cow::Owned(Catalog::get().advisory(language, advisory)),
            None => Cow::Borrowed(advisory.message()),
        }
    }

    /// A migration error's message (for `--errors-csv`).
    pub fn record_error(&self, error: &RecordError) -> String {
        match self.language {
            Some(language) => Catalog::get().record_error(language, error),
            None => error.message(),
        }
    }

    /// The text report's heading of a request: `line 3`.
    pub fn line(&self, number: u64) -> String {
        format!("line {number}")
    }

    /// The text report's verdicts.
    pub fn verdict(&self, valid: bool) -> &'static str {
        if valid {
            "valid"
        } else {
            "invalid"
        }
    }

    /// The text report's label of an error.
    pub fn error_label(&self) -> &'static str {
        "error"
    }

    /// The text report's label of an advisory.
    pub fn advisory_label(&self) -> &'static str {
        "advisory"
    }

    /// Said after the summary when line `number` began a JSON value spanning lines but the
    /// input was not that one value, so it was read as NDJSON.
    pub fn read_as_ndjson(&self, number: u64) -> String {
        format!(
            "line {number} begins a JSON value that spans lines, but the input is not one JSON \
             value: it was read as NDJSON, one request body a line"
        )
    }

    /// The header of `users` had errors.
    pub fn header_failed(&self) -> &'static str {
        "the header has errors; no record was checked"
    }

    /// Errors per code: `errors by code: missing 2, invalid_format 1`.
    pub fn errors_by_code<C: fmt::Display>(
        &self,
        codes: impl IntoIterator<Item = (C, u64)>,
    ) -> String {
        let codes: Vec<String> = codes
            .into_iter()
            .map(|(code, n)| format!("{code} {n}"))
            .collect();
        format!("errors by code: {}", codes.join(", "))
    }

    /// The duplicate index's size.
    pub fn index_size(&self, bytes: usize) -> String {
        format!(
            "duplicate index {:.1} MiB (emails and external ids)",
            bytes as f64 / (1024.0 * 1024.0)
        )
    }

    /// The file advisory `too_many_records`, naming the flag that splits the file.
    pub fn too_many_records(&self, records: u64) -> String {
        let max = UsersSummary::MAX_IMPORT_RECORDS;
        format!(
            "advisory {}: {}; Cleeng imports at most {max} in one file: \
             split the valid part with --valid-out FILE --split-every {max}",
            UsersSummary::TOO_MANY_RECORDS,
            self.count(records, Noun::Record),
        )
    }

    /// Where `--split-every` wrote the valid part.
    pub fn split_into(&self, parts: u64, first: &Path, last: &Path) -> String {
        if parts == 1 {
            format!("the valid part is in {}", first.display())
        } else {
            format!(
                "the valid part is in {parts} files, {} to {}",
                first.display(),
                last.display()
            )
        }
    }

    /// A file named like a part, beyond this run's last.
    pub fn stale_part(&self, path: &Path) -> String {
        format!(
            "note: {} is not from this run (an earlier run wrote more parts)",
            path.display()
        )
    }

    /// The progress line's verb (cargo's style: right-aligned, bold green).
    pub fn progress_verb(&self) -> &'static str {
        "Checking"
    }

    /// The progress line's message: records checked and the rate.
    pub fn progress(&self, records: u64, per_second: f64) -> String {
        format!(
            "{} ({per_second:.0} records/s)",
            self.count(records, Noun::Record)
        )
    }
}
