//! The command line's grammar: suggestions for mistyped commands and options, per-command
//! help, the version, shell completions, and clap's exit statuses (2 for a usage error, 0 for
//! help and version).

use std::process::Output;

use crate::util::run;

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[test]
fn a_mistyped_command_gets_a_suggestion() {
    let out = run(&["valdate"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = crate::util::stderr(&out);
    assert!(
        stderr.starts_with("error: unrecognized subcommand 'valdate'"),
        "{stderr}"
    );
    assert!(
        stderr.contains("tip: a similar subcommand exists: 'validate'"),
        "{stderr}"
    );
}

#[test]
fn a_mistyped_option_gets_a_suggestion_and_no_whole_usage() {
    let out = run(&["validate", "--polcy", "x"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = crate::util::stderr(&out);
    assert!(
        stderr.starts_with("error: unexpected argument '--polcy' found"),
        "{stderr}"
    );
    assert!(
        stderr.contains("tip: a similar argument exists: '--policy'"),
        "{stderr}"
    );
    // One usage line, not the help of every command.
    assert!(stderr.lines().count() < 10, "{stderr}");
    assert!(!stderr.contains("users"), "{stderr}");
    let out = run(&["users", "--valid-output", "x"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(crate::util::stderr(&out).contains("'--valid-out'"));
}

#[test]
fn command_help_lists_every_policy_key_and_exits_0() {
    for command in ["validate", "schema", "openapi", "users"] {
        let out = run(&[command, "--help"], b"");
        assert_eq!(out.status.code(), Some(0), "{command}");
        let help = stdout(&out);
        // The core's list, which its own test holds to the keys the JSON form reads.
        for key in cleeng_register::Policy::KEYS {
            assert!(help.contains(key), "{command} --help lacks {key}: {help}");
        }
        // `-h` is the summary and points at `--help` for the keys.
        let short = stdout(&run(&[command, "-h"], b""));
        assert!(short.contains("--help lists its keys"), "{short}");
    }
}

#[test]
fn users_help_shows_only_the_users_command() {
    let out = run(&["users", "--help"], b"");
    assert_eq!(out.status.code(), Some(0));
    let help = stdout(&out);
    assert!(
        help.contains("Usage: cleeng-register users [OPTIONS] [INPUT]"),
        "{help}"
    );
    for option in [
        "--policy",
        "--today",
        "--errors-csv",
        "--valid-out",
        "--rejected-out",
    ] {
        assert!(help.contains(option), "{option}: {help}");
    }
    for other in [
        "cleeng-register validate",
        "--result",
        "openapi",
        "completions",
    ] {
        assert!(!help.contains(other), "{other}: {help}");
    }
}

#[test]
fn completions_are_written_for_every_shell() {
    let out = run(&["completions", "bash"], b"");
    assert_eq!(out.status.code(), Some(0));
    let script = stdout(&out);
    assert!(script.contains("cleeng-register"), "{script}");
    for word in ["validate", "users", "--valid-out", "--policy"] {
        assert!(script.contains(word), "{word}");
    }
    for shell in ["zsh", "fish", "powershell", "elvish"] {
        let out = run(&["completions", shell], b"");
        assert_eq!(out.status.code(), Some(0), "{shell}");
        assert!(stdout(&out).contains("validate"), "{shell}");
    }
    let out = run(&["completions", "tcsh"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(crate::util::stderr(&out).contains("possible values: bash"));
}

#[test]
fn version_is_the_crate_version() {
    for flag in ["--version", "-V"] {
        let out = run(&[flag], b"");
        assert_eq!(out.status.code(), Some(0));
        assert_eq!(
            stdout(&out),
            format!("cleeng-register {}\n", env!("CARGO_PKG_VERSION"))
        );
        assert!(out.stderr.is_empty());
    }
}

#[test]
fn no_command_is_a_usage_error_with_the_help() {
    let out = run(&[], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(crate::util::stderr(&out).contains("Usage: cleeng-register <COMMAND>"));
}

#[test]
fn a_bad_today_is_a_usage_error() {
    let out = run(&["users", "--today", "2025-02-30"], b"");
    assert_eq!(out.status.code(), Some(2));
    let stderr = crate::util::stderr(&out);
    assert!(
        stderr.contains("needs a real date written YYYY-MM-DD"),
        "{stderr}"
    );
}
