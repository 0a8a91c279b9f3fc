//! Optional integrations with other crates, each behind its own feature: `proptest`
//! strategies and `arbitrary` implementations.

#[cfg(feature = "arbitrary")]
mod arbitrary_impls;
#[cfg(feature = "proptest")]
#[cfg_attr(docsrs, doc(cfg(feature = "proptest")))]
pub mod strategies;
