//! Buffers that wipe what they held, for the bytes of request bodies (which hold passwords):
//! no copy of a body is left in memory the command frees.
//!
//! A `Vec` that grows copies its bytes to a new block and frees the old one as it is, and a
//! `BufReader` frees its buffer unwiped: [`WipedBuf`] wipes the old block before it grows and
//! everything on drop; [`WipingReader`] reads through a buffer wiped on drop. What the command
//! cannot reach stays out of scope: the kernel's pipe and page cache, and the blocks the core
//! frees, which wipe themselves where they hold a secret.

use std::io::{self, BufRead, Read};

use zeroize::{Zeroize, Zeroizing};

/// A growable byte buffer that wipes its bytes when cleared, before it moves to a larger
/// block, and when dropped.
///
/// ```
/// use cleeng_register_cli::wipe::WipedBuf;
/// let mut buf = WipedBuf::with_capacity(2);
/// buf.extend_from_slice(b"secret");
/// assert_eq!(buf.as_slice(), b"secret");
/// buf.clear();
/// assert!(buf.as_slice().is_empty());
/// ```
#[derive(Default)]
pub struct WipedBuf(Vec<u8>);

impl WipedBuf {
    /// An empty buffer with room for `capacity` bytes.
    pub fn with_capacity(capacity: usize) -> Self {
        WipedBuf(Vec::with_capacity(capacity))
    }

    /// Appends `bytes`; when they do not fit, the bytes move to a block twice as large (at
    /// least) and the old block is wiped before it is freed.
    pub fn extend_from_slice(&mut self, bytes: &[u8]) {
        let needed = self.0.len() + bytes.len();
        if needed > self.0.capacity() {
            let mut larger = Vec::with_capacity(needed.max(2 * self.0.capacity()));
            larger.extend_from_slice(&self.0);
            // Wipes the old block, its spare capacity too, before it is freed.
            std::mem::replace(&mut self.0, larger).zeroize();
        }
        self.0.extend_from_slice(bytes);
    }

    /// Wipes the bytes held and empties the buffer; its block is kept for reuse.
    pub fn clear(&mut self) {
        self.0.as_mut_slice().zeroize();
        self.0.clear();
    }

    /// Removes the last byte (wiped).
    pub fn pop(&mut self) -> Option<u8> {
        let last = self.0.pop();
        if last.is_some() {
            // The byte stays in the spare capacity otherwise.
            self.0.spare_capacity_mut()[0].write(0);
        }
        last
    }

    /// The bytes held.
    pub fn as_slice(&self) -> &[u8] {
        &self.0
    }

    /// How many bytes are held.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether no byte is held.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Drop for WipedBuf {
    fn drop(&mut self) {
        // The whole block, spare capacity included.
        self.0.zeroize();
    }
}

/// A buffered reader whose buffer is wiped when it is dropped, for input that holds request
/// bodies.
///
/// Its reads are as large as its buffer, so that a reader with a smaller buffer of its own
/// (standard input's 8 KiB) passes them through without keeping a copy.
pub struct WipingReader<R> {
    inner: R,
    buffer: Zeroizing<Box<[u8]>>,
    /// The bytes of `buffer` read and not consumed yet: `start..end`.
    start: usize,
    end: usize,
}

impl<R: Read> WipingReader<R> {
    /// A reader of `inner` through a buffer of `capacity` bytes (at least 1).
    pub fn with_capacity(capacity: usize, inner: R) -> Self {
        WipingReader {
            inner,
            buffer: Zeroizing::new(vec![0; capacity.max(1)].into_boxed_slice()),
            start: 0,
            end: 0,
        }
    }
}

impl<R: Read> Read for WipingReader<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(out.len());
        out[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: Read> BufRead for WipingReader<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.start == self.end {
            // The read overwrites what the buffer held; the rest is wiped on drop.
            self.end = self.inner.read(&mut self.buffer)?;
            self.start = 0;
        }
        Ok(&self.buffer[self.start..self.end])
    }

    fn consume(&mut self, amount: usize) {
        self.start = (self.start + amount).min(self.end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn growing_keeps_the_bytes() {
        let mut buf = WipedBuf::with_capacity(1);
        for chunk in [&b"ab"[..], b"cde", b"", b"fghijklmnop"] {
            buf.extend_from_slice(chunk);
        }
        assert_eq!(buf.as_slice(), b"abcdefghijklmnop");
        assert_eq!(buf.pop(), Some(b'p'));
        assert_eq!(buf.len(), 15);
    }

    #[test]
    fn the_reader_gives_every_byte_in_order() {
        let data: Vec<u8> = (0..=255).cycle().take(10_000).collect();
        let mut reader = WipingReader::with_capacity(7, &data[..]);
        let mut read = Vec::new();
        reader.read_to_end(&mut read).unwrap();
        assert_eq!(read, data);
        let mut lines = WipingReader::with_capacity(3, &b"ab\ncdefg\n\nh"[..]).lines();
        let all: Vec<String> = lines.by_ref().map(Result::unwrap).collect();
        assert_eq!(all, ["ab", "cdefg", "", "h"]);
    }
}
