//! The README's axum handler is the crate's doc-test example, word for word: the README cannot
//! compile it (its blocks are doc-tests of the core crate, which does not depend on axum), so
//! this keeps its copy from drifting away from the compiled one.

const README: &str = include_str!("../../../README.md");
const LIB: &str = include_str!("../../src/lib.rs");

/// The first fenced block after `after` that opens with `fence`, without its fences.
fn block<'a>(text: &'a str, after: &str, fence: &str) -> &'a str {
    let from = text.find(after).expect("the anchor is there") + after.len();
    let open = from + text[from..].find(fence).expect("the block is there") + fence.len();
    let close = open + text[open..].find("```").expect("the block is closed");
    &text[open..close]
}

#[test]
fn the_readme_shows_the_compiled_handler() {
    let readme = block(README, "\n## In an axum service\n", "```rust,ignore\n");
    let doc: String = block(LIB, "//! # Example", "//! ```\n")
        .lines()
        .map(|line| {
            line.strip_prefix("//! ")
                .unwrap_or(line.trim_start_matches("//!"))
        })
        .map(|line| format!("{line}\n"))
        .collect();
    let doc = doc.trim_end_matches("//!\n").trim_end();
    assert!(readme.contains("registration: Result<ValidRegistration, RegistrationRejection>"));
    assert!(readme.contains(".register(&request).await"));
    assert_eq!(readme.trim_end(), doc);
}
