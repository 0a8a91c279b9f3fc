//! `cleeng-register users` never loses a user's file: an output that is the input or another
//! output (however spelled) is refused before any file is touched, and outputs are written to
//! temporary files renamed into place only when the run completes, so a failed or killed run
//! leaves the earlier files as they were. (Unix: the cases use hard and symbolic links, and
//! /dev/full.)

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const HEADER: &str = "First Name,Last Name,Email*,Locale*,Last login,Create date,Country Code*,Currency*,IP Address,Timezone,External ID,Password Hash";

fn record(n: usize) -> String {
    format!("Jane,Doe,jane{n}@example.com,en_US,2025-06-01,2020-01-15,PL,PLN,8.8.8.8,Europe/Warsaw,crm-{n},")
}

/// A file of `records` records, every third one invalid.
fn users_file(records: usize) -> String {
    let mut text = format!("{HEADER}\n");
    for n in 0..records {
        let line = record(n);
        text.push_str(&if n % 3 == 0 {
            line.replace("PLN", "XYZ")
        } else {
            line
        });
        text.push('\n');
    }
    text
}

/// A fresh folder for one test.
fn folder(name: &str) -> PathBuf {
    let dir = crate::util::temp_path(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `cleeng-register users ARGS` in `dir`.
fn users_in(dir: &Path, args: &[&str], stdin: Stdio) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cleeng-register"))
        .current_dir(dir)
        .arg("users")
        .args(["--today", "2025-06-30"])
        .args(args)
        .stdin(stdin)
        .output()
        .unwrap()
}

/// The names in `dir`, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn temp_files(dir: &Path) -> Vec<String> {
    listing(dir)
        .into_iter()
        .filter(|n| n.contains(".cleeng-register.") && n.ends_with(".tmp"))
        .collect()
}

fn assert_refused(output: &Output, says: &str, case: &str) {
    assert_eq!(output.status.code(), Some(2), "{case}");
    assert!(output.stdout.is_empty(), "{case}");
    let stderr = crate::util::stderr(output);
    assert!(stderr.starts_with("error: "), "{case}: {stderr}");
    assert!(stderr.contains(says), "{case}: {stderr}");
    assert!(
        stderr.contains("Usage: cleeng-register users"),
        "{case}: {stderr}"
    );
}

#[test]
fn an_output_that_is_the_input_however_spelled_is_refused_before_anything_is_touched() {
    let dir = folder("outputs-input");
    let input = users_file(10);
    fs::write(dir.join("u.csv"), &input).unwrap();
    fs::hard_link(dir.join("u.csv"), dir.join("hard.csv")).unwrap();
    std::os::unix::fs::symlink("u.csv", dir.join("sym.csv")).unwrap();
    fs::create_dir(dir.join("sub")).unwrap();
    let before = listing(&dir);
    for option in ["--valid-out", "--rejected-out", "--errors-csv"] {
        for (output, input_path) in [
            ("u.csv", "u.csv"),
            ("./u.csv", "u.csv"),
            ("hard.csv", "u.csv"),
            ("sym.csv", "u.csv"),
            ("u.csv", "sym.csv"),
            ("u.csv", "sub/../u.csv"),
            (&format!("{}/u.csv", dir.display()), "./u.csv"),
        ] {
            let case = format!("{option} {output} {input_path}");
            let out = users_in(&dir, &[option, output, input_path], Stdio::null());
            assert_refused(&out, "is the input file", &case);
            assert_eq!(
                fs::read_to_string(dir.join("u.csv")).unwrap(),
                input,
                "{case}"
            );
            assert_eq!(listing(&dir), before, "{case}");
        }
        // The input on standard input, redirected from the file.
        let stdin = fs::File::open(dir.join("u.csv")).unwrap();
        let out = users_in(&dir, &[option, "hard.csv", "-"], stdin.into());
        assert_refused(&out, "is the input file", &format!("{option} on stdin"));
        assert_eq!(fs::read_to_string(dir.join("u.csv")).unwrap(), input);
    }
    // The other outputs asked for alongside are not created either.
    let out = users_in(
        &dir,
        &[
            "--errors-csv",
            "e.csv",
            "--valid-out",
            "v.csv",
            "--rejected-out",
            "sym.csv",
            "u.csv",
        ],
        Stdio::null(),
    );
    assert_refused(
        &out,
        "--rejected-out sym.csv is the input file",
        "three outputs",
    );
    assert_eq!(listing(&dir), before);
}

#[test]
fn two_outputs_that_are_the_same_file_are_refused() {
    let dir = folder("outputs-same");
    fs::write(dir.join("u.csv"), users_file(10)).unwrap();
    fs::write(dir.join("old.csv"), "earlier").unwrap();
    fs::hard_link(dir.join("old.csv"), dir.join("old-hard.csv")).unwrap();
    std::os::unix::fs::symlink("old.csv", dir.join("old-sym.csv")).unwrap();
    fs::create_dir(dir.join("sub")).unwrap();
    let before = listing(&dir);
    for (a, b) in [
        ("new.csv", "new.csv"),
        ("new.csv", "./new.csv"),
        ("new.csv", "sub/../new.csv"),
        ("old.csv", "old.csv"),
        ("old.csv", "old-hard.csv"),
        ("old-sym.csv", "./old.csv"),
    ] {
        for (first, second) in [
            ("--valid-out", "--rejected-out"),
            ("--errors-csv", "--valid-out"),
        ] {
            let case = format!("{first} {a} {second} {b}");
            let out = users_in(&dir, &[first, a, second, b, "u.csv"], Stdio::null());
            assert_refused(&out, "are the same file", &case);
            assert_eq!(listing(&dir), before, "{case}");
            assert_eq!(fs::read_to_string(dir.join("old.csv")).unwrap(), "earlier");
        }
    }
    // Different files with the same name in different folders are different.
    let out = users_in(
        &dir,
        &[
            "--valid-out",
            "v.csv",
            "--rejected-out",
            "sub/v.csv",
            "u.csv",
        ],
        Stdio::null(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(dir.join("v.csv").exists() && dir.join("sub/v.csv").exists());
    // A device is written as it is, never replaced: every output may go to /dev/null, and the
    // input may come from it too.
    let out = users_in(
        &dir,
        &[
            "--valid-out",
            "/dev/null",
            "--rejected-out",
            "/dev/null",
            "--errors-csv",
            "/dev/null",
            "u.csv",
        ],
        Stdio::null(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", crate::util::stderr(&out));
    let out = users_in(
        &dir,
        &["--errors-csv", "/dev/null", "/dev/null"],
        Stdio::null(),
    );
    assert!(
        !crate::util::stderr(&out).contains("the input file"),
        "{}",
        crate::util::stderr(&out)
    );
}

#[test]
fn a_run_replaces_earlier_outputs_keeping_links_and_modes_and_leaves_no_temporary_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = folder("outputs-replace");
    fs::write(dir.join("u.csv"), users_file(30)).unwrap();
    fs::write(dir.join("valid.csv"), "earlier").unwrap();
    fs::set_permissions(dir.join("valid.csv"), fs::Permissions::from_mode(0o640)).unwrap();
    std::os::unix::fs::symlink("valid.csv", dir.join("link.csv")).unwrap();
    let out = users_in(
        &dir,
        &[
            "--valid-out",
            "link.csv",
            "--rejected-out",
            "rejected.csv",
            "--errors-csv",
            "/dev/null",
            "u.csv",
        ],
        Stdio::null(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", crate::util::stderr(&out));
    let valid = fs::read_to_string(dir.join("valid.csv")).unwrap();
    assert!(valid.starts_with(HEADER) && valid.contains(&record(1)));
    assert!(fs::symlink_metadata(dir.join("link.csv"))
        .unwrap()
        .is_symlink());
    let mode = fs::metadata(dir.join("valid.csv"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o640);
    assert!(fs::read_to_string(dir.join("rejected.csv"))
        .unwrap()
        .contains("XYZ"));
    assert_eq!(temp_files(&dir), Vec::<String>::new());
    // The same outputs as a plain run writes.
    let plain = crate::util::run(
        &[
            "users",
            "--today",
            "2025-06-30",
            dir.join("u.csv").to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(plain.stdout, out.stdout);
    assert_eq!(plain.stderr, out.stderr);
}

#[test]
fn a_run_that_fails_half_way_leaves_earlier_outputs_untouched() {
    // /dev/full takes an open and refuses every write: the errors CSV fails once its buffer
    // fills, many records into the run.
    if !Path::new("/dev/full").exists() {
        eprintln!("skipped: no /dev/full here");
        return;
    }
    let dir = folder("outputs-fail");
    fs::write(dir.join("u.csv"), users_file(20_000)).unwrap();
    fs::write(dir.join("valid.csv"), "earlier valid").unwrap();
    fs::write(dir.join("rejected.csv"), "earlier rejected").unwrap();
    let before = listing(&dir);
    let out = users_in(
        &dir,
        &[
            "--valid-out",
            "valid.csv",
            "--rejected-out",
            "rejected.csv",
            "--errors-csv",
            "/dev/full",
            "u.csv",
        ],
        Stdio::null(),
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = crate::util::stderr(&out);
    assert!(stderr.contains("No space left on device"), "{stderr}");
    assert!(
        !out.stdout.is_empty(),
        "the run failed half-way, not before it began"
    );
    assert_eq!(
        fs::read_to_string(dir.join("valid.csv")).unwrap(),
        "earlier valid"
    );
    assert_eq!(
        fs::read_to_string(dir.join("rejected.csv")).unwrap(),
        "earlier rejected"
    );
    assert_eq!(listing(&dir), before);

    // An input that fails on read (a folder opens, and refuses to be read).
    fs::create_dir(dir.join("folder.csv")).unwrap();
    let before = listing(&dir);
    let out = users_in(
        &dir,
        &[
            "--valid-out",
            "valid.csv",
            "--rejected-out",
            "new.csv",
            "folder.csv",
        ],
        Stdio::null(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        crate::util::stderr(&out).contains("I/O error"),
        "{}",
        crate::util::stderr(&out)
    );
    assert_eq!(
        fs::read_to_string(dir.join("valid.csv")).unwrap(),
        "earlier valid"
    );
    assert_eq!(listing(&dir), before);

    // An input that does not exist: nothing is created.
    let out = users_in(
        &dir,
        &[
            "--valid-out",
            "valid.csv",
            "--rejected-out",
            "new.csv",
            "nope.csv",
        ],
        Stdio::null(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(crate::util::stderr(&out).starts_with("cleeng-register: cannot open nope.csv"));
    assert_eq!(listing(&dir), before);
}

#[test]
fn a_killed_run_leaves_earlier_outputs_untouched() {
    let dir = folder("outputs-killed");
    fs::write(dir.join("valid.csv"), "earlier valid").unwrap();
    fs::write(dir.join("rejected.csv"), "earlier rejected").unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_cleeng-register"))
        .current_dir(&dir)
        .args([
            "users",
            "--today",
            "2025-06-30",
            "--valid-out",
            "valid.csv",
            "--rejected-out",
            "rejected.csv",
            "-",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // A large input fed slowly: the header, then records in batches, until the process dies.
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        let mut n = 0;
        let mut batch = format!("{HEADER}\n");
        loop {
            for _ in 0..2_000 {
                batch.push_str(&record(n));
                batch.push('\n');
                n += 1;
            }
            if stdin.write_all(batch.as_bytes()).is_err() {
                return n;
            }
            batch.clear();
            std::thread::sleep(Duration::from_millis(5));
        }
    });
    // Wait until the run writes its temporary outputs past their buffers.
    let started = Instant::now();
    let writing = loop {
        let written: u64 = temp_files(&dir)
            .iter()
            .filter_map(|n| fs::metadata(dir.join(n)).ok())
            .map(|m| m.len())
            .sum();
        if written > 256 * 1024 {
            break true;
        }
        if started.elapsed() > Duration::from_secs(60) {
            break false;
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let fed = feeder.join().unwrap();
    assert!(writing, "the run never wrote its outputs");
    assert!(fed > 2_000, "{fed}");
    assert_eq!(
        fs::read_to_string(dir.join("valid.csv")).unwrap(),
        "earlier valid"
    );
    assert_eq!(
        fs::read_to_string(dir.join("rejected.csv")).unwrap(),
        "earlier rejected"
    );
    // A SIGKILL gives no chance to clean up: what is left is named as a temporary file of
    // the output it was for, and nothing else is.
    let left = temp_files(&dir);
    assert!(!left.is_empty());
    for name in &left {
        assert!(
            name.starts_with("valid.csv.cleeng-register.")
                || name.starts_with("rejected.csv.cleeng-register."),
            "{name}"
        );
    }
    let mut expected = vec!["rejected.csv".to_owned(), "valid.csv".to_owned()];
    expected.extend(left);
    expected.sort();
    assert_eq!(listing(&dir), expected);
}

#[test]
fn a_part_of_the_split_that_is_the_input_or_another_output_is_refused() {
    let dir = folder("outputs-split-alias");
    let input = users_file(30);
    fs::write(dir.join("u.csv"), &input).unwrap();
    fs::write(dir.join("ok-1.csv"), "earlier part").unwrap();
    let before = listing(&dir);
    // Named like a part: refused before anything is touched.
    for (option, output) in [
        ("--rejected-out", "ok-2.csv"),
        ("--errors-csv", "./ok-17.csv"),
    ] {
        let out = users_in(
            &dir,
            &[
                "--valid-out",
                "ok.csv",
                "--split-every",
                "5",
                option,
                output,
                "u.csv",
            ],
            Stdio::null(),
        );
        assert_refused(&out, "is named like a part of --valid-out ok.csv", output);
        assert_eq!(listing(&dir), before, "{option} {output}");
    }
    // A device has no folder to write parts beside.
    let out = users_in(
        &dir,
        &["--valid-out", "/dev/null", "--split-every", "5", "u.csv"],
        Stdio::null(),
    );
    assert_refused(&out, "--valid-out /dev/null is not a file", "a device");
    // The input named like a part.
    fs::rename(dir.join("u.csv"), dir.join("ok-3.csv")).unwrap();
    let out = users_in(
        &dir,
        &["--valid-out", "ok.csv", "--split-every", "5", "ok-3.csv"],
        Stdio::null(),
    );
    assert_refused(&out, "the input ok-3.csv is named like a part", "input");
    fs::rename(dir.join("ok-3.csv"), dir.join("u.csv")).unwrap();
    assert_eq!(listing(&dir), before);

    // A part that is the input under another name (a hard link): found when the part is
    // started, half-way; nothing is renamed, no temporary file is left.
    fs::hard_link(dir.join("u.csv"), dir.join("ok-2.csv")).unwrap();
    let before = listing(&dir);
    let out = users_in(
        &dir,
        &["--valid-out", "ok.csv", "--split-every", "5", "u.csv"],
        Stdio::null(),
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = crate::util::stderr(&out);
    assert!(
        stderr.contains("ok-2.csv (a part of --valid-out ok.csv) is the input file"),
        "{stderr}"
    );
    assert_eq!(fs::read_to_string(dir.join("u.csv")).unwrap(), input);
    assert_eq!(
        fs::read_to_string(dir.join("ok-1.csv")).unwrap(),
        "earlier part"
    );
    assert_eq!(listing(&dir), before);
    fs::remove_file(dir.join("ok-2.csv")).unwrap();

    // A part that is another output under another name.
    fs::write(dir.join("fix.csv"), "earlier rejected").unwrap();
    fs::hard_link(dir.join("fix.csv"), dir.join("ok-2.csv")).unwrap();
    let before = listing(&dir);
    let out = users_in(
        &dir,
        &[
            "--valid-out",
            "ok.csv",
            "--split-every",
            "5",
            "--rejected-out",
            "fix.csv",
            "u.csv",
        ],
        Stdio::null(),
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = crate::util::stderr(&out);
    assert!(
        stderr.contains(
            "--rejected-out fix.csv and ok-2.csv (a part of --valid-out ok.csv) are the same file"
        ),
        "{stderr}"
    );
    assert_eq!(
        fs::read_to_string(dir.join("fix.csv")).unwrap(),
        "earlier rejected"
    );
    assert_eq!(listing(&dir), before);
}

#[test]
fn a_split_run_replaces_earlier_parts_only_when_it_completes() {
    let dir = folder("outputs-split");
    fs::write(dir.join("u.csv"), users_file(30)).unwrap();
    for n in 1..=4 {
        fs::write(dir.join(format!("ok-{n}.csv")), format!("earlier {n}")).unwrap();
    }
    let before = listing(&dir);
    // A run that fails half-way (its errors CSV cannot be written) leaves them all.
    if Path::new("/dev/full").exists() {
        let out = users_in(
            &dir,
            &[
                "--valid-out",
                "ok.csv",
                "--split-every",
                "7",
                "--errors-csv",
                "/dev/full",
                "u.csv",
            ],
            Stdio::null(),
        );
        assert_eq!(out.status.code(), Some(2));
        for n in 1..=4 {
            assert_eq!(
                fs::read_to_string(dir.join(format!("ok-{n}.csv"))).unwrap(),
                format!("earlier {n}")
            );
        }
        assert_eq!(listing(&dir), before);
    }
    // 20 valid records in parts of 7: three parts replace the first three; the fourth is
    // not this run's, and the summary says so. `ok.csv` itself is not written.
    let out = users_in(
        &dir,
        &["--valid-out", "ok.csv", "--split-every", "7", "u.csv"],
        Stdio::null(),
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = crate::util::stderr(&out);
    assert!(
        stderr.contains("the valid part is in 3 files, ok-1.csv to ok-3.csv"),
        "{stderr}"
    );
    assert!(
        stderr.contains("note: ok-4.csv is not from this run"),
        "{stderr}"
    );
    assert!(temp_files(&dir).is_empty());
    assert!(!dir.join("ok.csv").exists());
    let counts: Vec<usize> = (1..=3)
        .map(|n| {
            let text = fs::read_to_string(dir.join(format!("ok-{n}.csv"))).unwrap();
            assert!(text.starts_with(HEADER));
            text.lines().count() - 1
        })
        .collect();
    assert_eq!(counts, [7, 7, 6]);
    assert_eq!(
        fs::read_to_string(dir.join("ok-4.csv")).unwrap(),
        "earlier 4"
    );
}
