//! The README's console examples, run against the built binary by `trycmd`: a changed answer
//! fails here instead of leaving the docs wrong.
//!
//! A binary of its own because it moves the process to the repository's root, where the
//! README's commands name their files; no other test may run beside that.

#[test]
fn the_readme_console_examples_are_true() {
    std::env::set_current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .expect("the repository's root");
    trycmd::TestCases::new()
        .register_bin(
            "cleeng-register",
            trycmd::cargo::cargo_bin!("cleeng-register"),
        )
        .case("README.md");
}
