//! The command line's grammar, declared with clap: the commands, their options and their
//! `--help` texts. Parsing, usage errors (status 2, with a suggestion for a mistyped command
//! or option), `--help` and `--version` (status 0) are clap's.

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use clap::builder::{PathBufValueParser, TypedValueParser};
use clap::{Args, Parser, Subcommand};
use clap_complete::Shell;

use cleeng_register::Policy;
use cleeng_register_messages::Language;
use cleeng_register_migration::CalendarDate;

use crate::output::InputIdentity;
use crate::validate::Format;
use crate::Failure;

/// `cleeng-register`: the whole command line.
///
/// ```
/// use clap::Parser;
/// use cleeng_register_cli::args::{Cli, Command};
/// let cli = Cli::try_parse_from(["cleeng-register", "validate", "--policy", "p.json", "-"])?;
/// let Command::Validate(validate) = cli.command else { unreachable!() };
/// assert_eq!(validate.policy.path(), Some(std::path::Path::new("p.json")));
/// assert!(Cli::try_parse_from(["cleeng-register", "valdate"]).is_err());
/// # Ok::<(), clap::Error>(())
/// ```
#[derive(Debug, Parser)]
#[command(
    name = "cleeng-register",
    version,
    about = "Check Cleeng MediaStore registrations: request bodies and Users migration files",
    long_about = None,
    after_help = EXIT_STATUS,
    subcommand_required = true,
    arg_required_else_help = true
)]
#[non_exhaustive]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The exit statuses, said once for every command that checks.
const EXIT_STATUS: &str = "\
Exit status: 0 when everything is valid, 1 when anything is invalid,
2 on a usage, policy or I/O error.";

/// One command.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check request bodies (NDJSON, or one JSON value): one result per request
    ///
    /// Reads registration request bodies, one a line (NDJSON), or one body written over
    /// several lines (a pretty-printed JSON value, as pasted), and writes one JSON line per
    /// request to standard output, {"line":N,"valid":…,"errors":[…],"advisories":[…]}
    /// (--format text: a report for people), and a summary to standard error.
    #[command(verbatim_doc_comment, after_help = VALIDATE_AFTER_HELP)]
    Validate(ValidateArgs),
    /// Write the JSON Schema of the request body under the policy
    ///
    /// The JSON Schema (draft 2020-12) of the request body under the policy, or with --result
    /// the schema of validate's output lines.
    #[command(verbatim_doc_comment)]
    Schema(SchemaArgs),
    /// Write the OpenAPI 3.1 document of POST /customers under the policy
    ///
    /// The request body, Cleeng's answers and errors, and the problem document a service
    /// answers an invalid body with.
    #[command(verbatim_doc_comment)]
    Openapi(OpenapiArgs),
    /// Check a Users migration file (CSV): one JSON result per record
    ///
    /// Checks a Cleeng Users migration file (CSV with the template's header) record by
    /// record: one JSON line per record on standard output (one line for row 1 when the
    /// header has errors), {"row":N,"valid":…,"errors":[…],"advisories":[…]}, and a summary
    /// on standard error. --valid-out and --rejected-out split the file byte for byte, the
    /// header in both, so that the valid part can be uploaded and the rest fixed.
    #[command(verbatim_doc_comment, after_help = USERS_AFTER_HELP)]
    Users(UsersArgs),
    /// Write the messages document under the policy
    ///
    /// Every rule of every field of the request body, with its code, its params and the
    /// sentence the crate writes for it under the policy: what a frontend shows before the
    /// server is asked (the gateway serves the same document). With --lang, in that
    /// language.
    #[command(verbatim_doc_comment)]
    Messages(MessagesArgs),
    /// Write a shell completion script to standard output
    #[command(after_help = COMPLETIONS_AFTER_HELP)]
    Completions(CompletionsArgs),
}

const VALIDATE_AFTER_HELP: &str = "\
The input is NDJSON unless its first non-blank line begins a JSON value that continues on
the next lines and the whole input, up to the policy's maxBodyBytes, is that one value: then
it is one request, numbered by the line on which it starts.

Exit status: 0 when every request is valid, 1 when any is invalid,
2 on a usage, policy or I/O error.";

const USERS_AFTER_HELP: &str = "\
With --split-every N, the valid part is written as STEM-1.EXT, STEM-2.EXT, … beside
--valid-out STEM.EXT (which is not written then), each with the header and at most N records:
files Cleeng imports one at a time (at most 100000 records each). Progress goes to standard
error when it is a terminal and standard output is not.

An output path that is the input or another output (the same file, however spelled) is a
usage error. Each output is written to a temporary file beside it (NAME.cleeng-register.*.tmp)
and renamed into place when the run completes: a failed run leaves earlier files as they were.

Exit status: 0 when every record is valid, 1 when any is invalid,
2 on a usage, policy or I/O error.";

const COMPLETIONS_AFTER_HELP: &str = "\
For example:
  cleeng-register completions bash > ~/.local/share/bash-completion/completions/cleeng-register
  cleeng-register completions zsh > ~/.zfunc/_cleeng-register
  cleeng-register completions fish > ~/.config/fish/completions/cleeng-register.fish";

/// The long help of `--policy`: every key, three a line.
fn policy_long_help() -> String {
    let lines: Vec<String> = Policy::KEYS.chunks(3).map(|keys| keys.join(", ")).collect();
    format!(
        "A policy in JSON; unknown keys are refused. Its keys:\n  {}",
        lines.join(",\n  ")
    )
}

/// `--policy FILE`, shared by every command that has a policy.
#[derive(Clone, Debug, Default, Args)]
#[non_exhaustive]
pub struct PolicyArg {
    #[arg(
        long,
        value_name = "FILE",
        help = "A policy in JSON (--help lists its keys)",
        long_help = policy_long_help()
    )]
    policy: Option<PathBuf>,
}

impl PolicyArg {
    /// The policy file given, if any.
    pub fn path(&self) -> Option<&Path> {
        self.policy.as_deref()
    }

    /// Reads and checks the policy file, or gives the default policy when there is none:
    /// the one place a policy file is loaded.
    pub fn load(&self) -> Result<Policy, Failure> {
        let Some(path) = self.path() else {
            return Ok(Policy::default());
        };
        let bytes = std::fs::read(path)
            .map_err(|e| Failure::Fatal(format!("cannot read policy {}: {e}", path.display())))?;
        Policy::from_json(&bytes)
            .map_err(|e| Failure::Fatal(format!("policy {}: {e}", path.display())))
    }
}

/// Where a command reads: a file, or standard input (no INPUT, or `-`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Input {
    /// Standard input.
    #[default]
    Stdin,
    /// A file.
    Path(PathBuf),
}

impl From<PathBuf> for Input {
    fn from(path: PathBuf) -> Self {
        if path.as_os_str() == "-" {
            Input::Stdin
        } else {
            Input::Path(path)
        }
    }
}

impl Input {
    /// The file's path; none for standard input.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Input::Stdin => None,
            Input::Path(path) => Some(path),
        }
    }

    /// Opens the input, and tells what file it is (so that no output overwrites it):
    /// `cannot open PATH: …` when it cannot be.
    pub fn open(&self) -> Result<(Box<dyn Read>, InputIdentity), Failure> {
        match self {
            Input::Stdin => Ok((Box::new(io::stdin().lock()), InputIdentity::of_stdin())),
            Input::Path(path) => {
                let cannot =
                    |e: io::Error| Failure::Fatal(format!("cannot open {}: {e}", path.display()));
                let file = File::open(path).map_err(cannot)?;
                let identity = InputIdentity::of_file(&file, path).map_err(cannot)?;
                Ok((Box::new(file), identity))
            }
        }
    }
}

fn input_parser() -> impl TypedValueParser<Value = Input> {
    PathBufValueParser::new().map(Input::from)
}

/// `validate [--policy FILE] [--format json|text] [INPUT]`.
#[derive(Debug, Args)]
#[non_exhaustive]
pub struct ValidateArgs {
    /// The language of the messages
    #[command(flatten)]
    pub lang: LangArg,
    /// The policy.
    #[command(flatten)]
    pub policy: PolicyArg,
    /// How results are written
    #[arg(long, value_enum, default_value_t = FormatArg::Json)]
    pub format: FormatArg,
    /// The NDJSON or JSON file; standard input when absent or '-'
    #[arg(value_parser = input_parser())]
    pub input: Option<Input>,
}

/// `--format`.
#[derive(Copy, Clone, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    /// One JSON line per request
    Json,
    /// A report for people: each request's errors under its line (in colour on a terminal,
    /// unless NO_COLOR is set)
    Text,
}

impl From<FormatArg> for Format {
    fn from(format: FormatArg) -> Self {
        match format {
            FormatArg::Json => Format::Json,
            FormatArg::Text => Format::Text,
        }
    }
}

/// `messages [--policy FILE] [--lang LANG]`.
#[derive(Debug, Args)]
#[non_exhaustive]
pub struct MessagesArgs {
    /// The policy.
    #[command(flatten)]
    pub policy: PolicyArg,
    /// The language.
    #[command(flatten)]
    pub lang: LangArg,
}

/// `schema [--policy FILE] [--result]`.
#[derive(Debug, Args)]
#[non_exhaustive]
pub struct SchemaArgs {
    /// The policy.
    #[command(flatten)]
    pub policy: PolicyArg,
    /// Write the schema of validate's output lines instead
    #[arg(long)]
    pub result: bool,
}

/// `openapi [--policy FILE]`.
#[derive(Debug, Args)]
#[non_exhaustive]
pub struct OpenapiArgs {
    /// The policy.
    #[command(flatten)]
    pub policy: PolicyArg,
}

/// `users [--policy FILE] [--today YYYY-MM-DD] [--errors-csv FILE] [--valid-out FILE]
/// [--split-every N] [--rejected-out FILE] [INPUT]`.
#[derive(Debug, Args)]
#[non_exhaustive]
pub struct UsersArgs {
    /// The language of the messages
    #[command(flatten)]
    pub lang: LangArg,
    /// The policy.
    #[command(flatten)]
    pub policy: PolicyArg,
    /// The day dates may not be after [default: today in UTC]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub today: Option<CalendarDate>,
    /// Also write the errors as CSV: row,column,code,message
    #[arg(long, value_name = "FILE")]
    pub errors_csv: Option<PathBuf>,
    /// Write the header and the valid records, byte for byte
    #[arg(long, value_name = "FILE")]
    pub valid_out: Option<PathBuf>,
    /// Write the valid part as STEM-1.EXT, STEM-2.EXT, … beside --valid-out, each with the
    /// header and at most N records
    #[arg(long, value_name = "N", requires = "valid_out", value_parser = parse_part_size)]
    pub split_every: Option<std::num::NonZeroU64>,
    /// Write the header and the other records, byte for byte
    #[arg(long, value_name = "FILE")]
    pub rejected_out: Option<PathBuf>,
    /// The CSV file; standard input when absent or '-'
    #[arg(value_parser = input_parser())]
    pub input: Option<Input>,
}

fn parse_part_size(text: &str) -> Result<std::num::NonZeroU64, &'static str> {
    text.parse()
        .map_err(|_| "needs a whole number of records, at least 1")
}

fn parse_day(text: &str) -> Result<CalendarDate, &'static str> {
    CalendarDate::parse(text).map_err(|_| "needs a real date written YYYY-MM-DD")
}

/// `--lang LANG`: the messages in one of the catalog's languages.
#[derive(Clone, Debug, Default, Args)]
#[non_exhaustive]
pub struct LangArg {
    /// Write messages in this language: en, de, es, fr, it, pl or pt [default: the core's
    /// English sentences]
    #[arg(long, value_name = "LANG", value_parser = parse_language)]
    pub lang: Option<Language>,
}

fn parse_language(text: &str) -> Result<Language, String> {
    text.parse().map_err(|e| format!("{e}"))
}

/// `completions SHELL`.
#[derive(Debug, Args)]
#[non_exhaustive]
pub struct CompletionsArgs {
    /// The shell
    pub shell: Shell,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_grammar_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn a_dash_is_standard_input() {
        assert_eq!(Input::from(PathBuf::from("-")), Input::Stdin);
        assert_eq!(
            Input::from(PathBuf::from("./-")),
            Input::Path(PathBuf::from("./-"))
        );
    }
}
