//! `cleeng-register`: validate Cleeng registration bodies (NDJSON) and Users migration files
//! (CSV) from the command line.

#![forbid(unsafe_code)]

use std::io::{self, Write};
use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{CommandFactory, FromArgMatches};

use cleeng_register_cli::args::{Cli, Command, CompletionsArgs, SchemaArgs, ValidateArgs};
use cleeng_register_cli::validate::{self, Format, InputShape};
use cleeng_register_cli::wording::{Noun, Wording};
use cleeng_register_cli::{users, Failure};

fn main() -> ExitCode {
    // Usage errors exit 2, `--help` and `--version` exit 0: clap's own statuses.
    let mut grammar = Cli::command();
    let matches = grammar.get_matches_mut();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.format(&mut grammar).exit());
    match run(cli.command) {
        Ok(code) => code,
        Err(Failure::Fatal(message)) => {
            eprintln!("cleeng-register: {message}");
            ExitCode::from(2)
        }
        Err(Failure::Usage(message)) => {
            let name = matches.subcommand_name().expect("a command is required");
            let command = grammar
                .find_subcommand_mut(name)
                .expect("the command that ran is declared");
            // Prints the error with the command's usage line, and exits 2.
            command.error(ErrorKind::ArgumentConflict, message).exit()
        }
    }
}

fn run(command: Command) -> Result<ExitCode, Failure> {
    match command {
        Command::Validate(args) => validate(args),
        Command::Schema(args) => schema(args),
        Command::Openapi(args) => {
            let policy = args.policy.load()?;
            print_json(&cleeng_register_response::openapi::document(&policy))
        }
        Command::Messages(args) => {
            let policy = args.policy.load()?;
            print_json(&match args.lang.lang {
                Some(language) => cleeng_register_messages::document::document(language, &policy),
                None => cleeng_register::messages::document(&policy),
            })
        }
        Command::Users(args) => users::command(args).map(ExitCode::from),
        Command::Completions(args) => completions(args),
    }
}

fn validate(args: ValidateArgs) -> Result<ExitCode, Failure> {
    let say = Wording::in_language(args.lang.lang);
    let policy = args.policy.load()?;
    let (input, _) = args.input.unwrap_or_default().open()?;
    let format = Format::from(args.format);
    let run = |output: &mut dyn Write| {
        validate::run_validate_as(input, output, &policy, format, &say)
            .map_err(|e| Failure::Fatal(format!("I/O error: {e}")))
    };
    let summary = match format {
        // Styles are dropped unless standard output is a terminal that shows them, and
        // NO_COLOR is unset.
        Format::Text => run(&mut anstream::AutoStream::auto(io::stdout().lock()))?,
        _ => run(&mut io::stdout().lock())?,
    };
    eprintln!(
        "cleeng-register: {}",
        say.tally(summary.requests, Noun::Request, summary.valid)
    );
    if let InputShape::NdjsonNotOneValue(line) = summary.shape {
        eprintln!("cleeng-register: note: {}", say.read_as_ndjson(line));
    }
    Ok(if summary.invalid() == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn schema(args: SchemaArgs) -> Result<ExitCode, Failure> {
    // Loaded even for --result, so that a broken policy file is reported all the same.
    let policy = args.policy.load()?;
    if args.result {
        print_json(&cleeng_register::schema::result_schema())
    } else {
        print_json(&cleeng_register::schema::request_schema(&policy))
    }
}

fn print_json(value: &serde_json::Value) -> Result<ExitCode, Failure> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| Failure::Fatal(format!("cannot write the document: {e}")))?;
    writeln!(io::stdout().lock(), "{text}")
        .map_err(|e| Failure::Fatal(format!("I/O error: {e}")))?;
    Ok(ExitCode::SUCCESS)
}

fn completions(args: CompletionsArgs) -> Result<ExitCode, Failure> {
    let mut stdout = io::stdout().lock();
    clap_complete::generate(
        args.shell,
        &mut Cli::command(),
        "cleeng-register",
        &mut stdout,
    );
    stdout
        .flush()
        .map_err(|e| Failure::Fatal(format!("I/O error: {e}")))?;
    Ok(ExitCode::SUCCESS)
}
