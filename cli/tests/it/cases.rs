//! The command's console cases (`tests/cmd/*.md`), run against the built binary by `trycmd`:
//! each case's `.in` folder is its working directory, and where an `.out` folder exists the
//! files the command wrote must be those, byte for byte.

#[test]
fn the_console_cases_hold() {
    trycmd::TestCases::new()
        .register_bin(
            "cleeng-register",
            trycmd::cargo::cargo_bin!("cleeng-register"),
        )
        .case(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cmd/*.md"));
}
