//! A global allocator that finds freed copies of a secret, for the test binaries that prove
//! none is left behind (`tests/secrets_in_freed_memory.rs` here, in `response/` and in `cli/`). Each
//! such binary installs it by including this module.
//!
//! While a test has armed it on its own thread ([`freed_copies`]), every block freed on that
//! thread is scanned for a needle (the plaintext) before it goes back to the system
//! allocator. It allocates nothing itself.

// A `GlobalAlloc` is unsafe by nature: this module alone allows it (the workspace denies it).
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

struct ScanningAllocator;

thread_local! {
    /// The plaintext to look for in freed blocks; `None` when the scan is off. Const
    /// thread-locals without a destructor never allocate, so the allocator may read them.
    static NEEDLE: Cell<Option<&'static [u8]>> = const { Cell::new(None) };
    /// How many freed blocks held the needle.
    pub static FOUND: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: every call is passed on to `System` unchanged; `dealloc` only reads the block first.
// `realloc` keeps the default (allocate, copy, `dealloc` the old block), so a block that moves
// is scanned too, and a shrink in place cannot hide a tail.
unsafe impl GlobalAlloc for ScanningAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract for `alloc` is `System.alloc`'s.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if let Some(needle) = NEEDLE.with(Cell::get) {
            // SAFETY: `ptr` is a live block of `layout.size()` bytes from this allocator. Its
            // bytes are read with volatile loads, one at a time, so spare capacity that was
            // never written is looked at without the compiler assuming anything about it.
            let holds = unsafe { block_holds(ptr, layout.size(), needle) };
            if holds {
                FOUND.with(|found| found.set(found.get() + 1));
            }
        }
        // SAFETY: as for `alloc`.
        unsafe { System.dealloc(ptr, layout) }
    }
}

/// Whether the `size` bytes at `ptr` contain `needle`.
///
/// # Safety
/// `ptr` must be valid for reads of `size` bytes.
unsafe fn block_holds(ptr: *const u8, size: usize, needle: &[u8]) -> bool {
    // SAFETY: every `i` below is under `size`, within the block the caller vouches for.
    let byte = |i: usize| unsafe { std::ptr::read_volatile(ptr.add(i)) };
    (0..(size + 1).saturating_sub(needle.len())).any(|start| {
        needle
            .iter()
            .enumerate()
            .all(|(i, &b)| byte(start + i) == b)
    })
}

#[global_allocator]
static ALLOCATOR: ScanningAllocator = ScanningAllocator;

/// How many blocks freed on this thread while `run` ran held `plaintext`.
pub fn freed_copies<T>(plaintext: &'static str, run: impl FnOnce() -> T) -> (T, usize) {
    FOUND.with(|found| found.set(0));
    NEEDLE.with(|needle| needle.set(Some(plaintext.as_bytes())));
    let out = run();
    NEEDLE.with(|needle| needle.set(None));
    (out, FOUND.with(Cell::get))
}
