//! `cleeng-register`: validate Cleeng registration bodies (NDJSON) from the command line.

#![forbid(unsafe_code)]

use std::fs::File;
use std::io::{self, BufReader, Read, Write};
use std::process::ExitCode;

use cleeng_register::Policy;

const USAGE: &str = "\
Usage:
  cleeng-register validate [--policy FILE] [INPUT]
  cleeng-register schema [--policy FILE] [--result]
  cleeng-register openapi [--policy FILE]
  cleeng-register users [--policy FILE] [--today YYYY-MM-DD] [--errors-csv FILE]
                        [--valid-out FILE] [--rejected-out FILE] [INPUT]
  cleeng-register --help | --version

Commands:
  validate   Read NDJSON request bodies (one per line) from INPUT, or standard input when
             INPUT is absent or '-', and write one JSON result per non-blank line.
             Exit status: 0 all valid, 1 some invalid, 2 usage, policy or I/O error.
  schema     Write the JSON Schema (draft 2020-12) of the request body under the policy,
             or with --result the schema of validate's output lines.
  openapi    Write the OpenAPI 3.1 document of POST /customers under the policy: the
             request body, Cleeng's answers and errors, and the problem document.
  users      Check a Cleeng Users migration file (CSV with the template's header) from
             INPUT or standard input: one JSON result per record, a summary on standard
             error. Exit status as for validate.

Options:
  --result        (schema) the schema of the validation result instead
  --today DATE    (users) the day dates may not be after (default: today in UTC)
  --errors-csv FILE    (users) also write the errors as CSV: row,column,code,message
  --valid-out FILE     (users) write the header and the valid records, byte for byte
  --rejected-out FILE  (users) write the header and the other records, byte for byte
  --policy FILE   A policy in JSON (allowedCurrencies, allowedLocales, allowUnknownFields,
                  allowInternationalEmail, customerIp, maxBodyBytes, maxExternalDataBytes,
                  maxExternalDataDepth)
  -h, --help      Print this help
  -V, --version   Print the version
";

/// A failure that ends the run with status 2.
struct Fatal(String);

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(Fatal(message)) => {
            eprintln!("cleeng-register: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, Fatal> {
    let usage = |m: &str| Fatal(format!("{m}\n\n{USAGE}"));
    let Some((command, rest)) = args.split_first() else {
        return Err(usage("no command given"));
    };
    match command.as_str() {
        "-h" | "--help" | "help" => {
            print!("{USAGE}");
            return Ok(ExitCode::SUCCESS);
        }
        "-V" | "--version" => {
            println!("cleeng-register {}", env!("CARGO_PKG_VERSION"));
            return Ok(ExitCode::SUCCESS);
        }
        "validate" | "schema" | "openapi" => {}
        "users" => {
            let before_end = rest.iter().take_while(|a| a.as_str() != "--");
            if before_end.into_iter().any(|a| a == "-h" || a == "--help") {
                print!("{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            return match cleeng_register_cli::users::command(rest) {
                Ok(status) => Ok(ExitCode::from(status)),
                Err(cleeng_register_cli::users::Failure::Usage(m)) => Err(usage(&m)),
                Err(cleeng_register_cli::users::Failure::Fatal(m)) => Err(Fatal(m)),
            };
        }

        other if other.starts_with('-') => return Err(usage(&format!("unknown option '{other}'"))),
        other => return Err(usage(&format!("unknown command '{other}'"))),
    }
    let schema = command == "schema";
    let openapi = command == "openapi";
    let mut policy_file = None;
    let mut result = false;
    let mut inputs = Vec::new();
    let mut options_done = false;
    let mut iter = rest.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "-h" | "--help" if !options_done => {
                print!("{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            "--policy" if !options_done => {
                policy_file = Some(
                    iter.next()
                        .ok_or_else(|| usage("--policy needs a FILE"))?
                        .clone(),
                );
            }
            "--result" if !options_done && schema => result = true,
            "--" if !options_done => options_done = true,
            s if !options_done && s.starts_with("--policy=") => {
                policy_file = Some(s["--policy=".len()..].to_owned())
            }
            s if !options_done && s.starts_with('-') && s != "-" => {
                return Err(usage(&format!("unknown option '{s}'")))
            }
            s => inputs.push(s.to_owned()),
        }
    }
    if inputs.len() > usize::from(!schema && !openapi) {
        return Err(usage(&if schema || openapi {
            format!("{command} takes no INPUT")
        } else {
            "validate takes at most one INPUT".to_owned()
        }));
    }
    let policy = match &policy_file {
        Some(path) => load_policy(path)?,
        None => Policy::default(),
    };
    if schema || openapi {
        let value = if openapi {
            cleeng_register_response::openapi::document(&policy)
        } else if result {
            cleeng_register::schema::result_schema()
        } else {
            cleeng_register::schema::request_schema(&policy)
        };
        let text = serde_json::to_string_pretty(&value)
            .map_err(|e| Fatal(format!("cannot write the schema: {e}")))?;
        let mut stdout = io::stdout().lock();
        writeln!(stdout, "{text}").map_err(|e| Fatal(format!("I/O error: {e}")))?;
        return Ok(ExitCode::SUCCESS);
    }
    let input: Box<dyn Read> = match inputs.first().map(String::as_str) {
        None | Some("-") => Box::new(io::stdin().lock()),
        Some(path) => {
            Box::new(File::open(path).map_err(|e| Fatal(format!("cannot open {path}: {e}")))?)
        }
    };
    let stdout = io::stdout().lock();
    let summary = cleeng_register_cli::run_validate(
        BufReader::with_capacity(64 * 1024, input),
        stdout,
        &policy,
    )
    .map_err(|e| Fatal(format!("I/O error: {e}")))?;
    eprintln!(
        "cleeng-register: {} requests, {} valid, {} invalid",
        summary.requests,
        summary.valid,
        summary.invalid()
    );
    Ok(if summary.invalid() == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn load_policy(path: &str) -> Result<Policy, Fatal> {
    let bytes =
        std::fs::read(path).map_err(|e| Fatal(format!("cannot read policy {path}: {e}")))?;
    Policy::from_json(&bytes).map_err(|e| Fatal(format!("policy {path}: {e}")))
}
