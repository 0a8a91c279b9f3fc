//! Streamed (chunked) bodies that count how much of them was read.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use axum::body::Body;
use bytes::Bytes;
use futures_util::StreamExt;

/// How many bytes a [`counted`] body has handed out so far.
#[derive(Clone, Default)]
pub struct Pulled(Arc<AtomicUsize>);

impl Pulled {
    pub fn bytes(&self) -> usize {
        self.0.load(Ordering::SeqCst)
    }
}

/// A body without a declared length: `chunks` chunks of `chunk` bytes of JSON whitespace.
pub fn counted(chunks: usize, chunk: usize) -> (Body, Pulled) {
    let pulled = Pulled::default();
    let counter = pulled.clone();
    let stream = futures_util::stream::iter(
        (0..chunks).map(move |_| Bytes::from(vec![b' '; chunk])),
    )
    .map(move |bytes| {
        counter.0.fetch_add(bytes.len(), Ordering::SeqCst);
        Ok::<_, std::io::Error>(bytes)
    });
    (Body::from_stream(stream), pulled)
}

/// A body without a declared length made of these pieces.
pub fn chunked(pieces: Vec<&'static str>) -> Body {
    Body::from_stream(futures_util::stream::iter(
        pieces
            .into_iter()
            .map(|p| Ok::<_, std::io::Error>(Bytes::from_static(p.as_bytes()))),
    ))
}

/// A body whose stream fails at once: proof, when the answer is not 400, that it was never read.
pub fn failing() -> Body {
    Body::from_stream(futures_util::stream::iter([Err::<Bytes, _>(
        std::io::Error::other("the client went away"),
    )]))
}
