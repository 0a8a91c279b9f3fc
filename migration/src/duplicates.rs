//! The file-wide index of values that must be unique: each distinct key stored once, and the
//! key an email is unique by, its mailbox ([`mailbox_key`]).

use std::hash::BuildHasher;

use icu_casemap::CaseMapper;
use icu_normalizer::{ComposingNormalizerBorrowed, DecomposingNormalizerBorrowed};

use hashbrown::hash_table::Entry;
use hashbrown::HashTable;

/// Which row first gave each key. Memory grows with the distinct keys only: the keys' bytes
/// sit back to back in one buffer, and the table holds 16 bytes per key (where the key
/// starts and how long it is, packed in one word, and the row). Hashing is SipHash with
/// per-process random keys (std's `RandomState`), so crafted files cannot force collisions.
///
/// ```
/// use cleeng_register_migration::DuplicateIndex;
/// let mut index = DuplicateIndex::new();
/// assert_eq!(index.first_row_or_insert(b"crm-1", 2), None);
/// assert_eq!(index.first_row_or_insert(b"crm-2", 3), None);
/// assert_eq!(index.first_row_or_insert(b"crm-1", 7), Some(2));
/// assert_eq!(index.first_row_or_insert(b"crm-1", 9), Some(2));
/// assert_eq!(index.len(), 2);
/// ```
#[derive(Clone, Default)]
pub struct DuplicateIndex {
    keys: Vec<u8>,
    table: HashTable<Slot>,
    hasher: std::hash::RandomState,
}

/// `start << 16 | len` of the key in `keys`, and its first row.
#[derive(Copy, Clone)]
struct Slot {
    span: u64,
    row: u64,
}

const LEN_BITS: u32 = 16;

impl Slot {
    fn range(self) -> std::ops::Range<usize> {
        // Both parts were usize values when packed.
        let start = (self.span >> LEN_BITS) as usize;
        let len = (self.span & ((1 << LEN_BITS) - 1)) as usize;
        start..start + len
    }
}

impl DuplicateIndex {
    /// The longest key indexed, in bytes: longer keys are never reported as repeated. Every
    /// value indexed by the migration check is far shorter (an email address is at most 254
    /// characters, an external id 255).
    pub const MAX_KEY_BYTES: usize = (1 << LEN_BITS) - 1;

    /// An empty index.
    pub fn new() -> Self {
        DuplicateIndex::default()
    }

    /// The row that first gave `key`, or `None` after recording `row` as that row.
    pub fn first_row_or_insert(&mut self, key: &[u8], row: u64) -> Option<u64> {
        if key.len() > Self::MAX_KEY_BYTES {
            return None;
        }
        let hash = self.hasher.hash_one(key);
        let keys = &self.keys;
        let hasher = &self.hasher;
        match self.table.entry(
            hash,
            |slot| &keys[slot.range()] == key,
            |slot| hasher.hash_one(&keys[slot.range()]),
        ) {
            Entry::Occupied(found) => Some(found.get().row),
            Entry::Vacant(vacant) => {
                let start = keys.len() as u64;
                vacant.insert(Slot {
                    span: start << LEN_BITS | key.len() as u64,
                    row,
                });
                self.keys.extend_from_slice(key);
                None
            }
        }
    }

    /// How many distinct keys there are.
    pub fn len(&self) -> usize {
        self.table.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }

    /// The bytes the index holds on the heap (keys and table), for measurements.
    pub fn heap_bytes(&self) -> usize {
        self.keys.capacity() + self.table.allocation_size()
    }
}

/// Writes into `key` (cleared first) the mailbox an accepted `Email` value names, the key two
/// records must not share: the same mailbox written two ways is imported once.
///
/// - The domain is its lowercase A-label, as UTS 46 maps it (the `idna` crate):
///   `jose@bücher.de`, `jose@BÜCHER.de` and `jose@xn--bcher-kva.de` are one mailbox. An
///   address literal (`[8.8.8.8]`, `[IPv6:…]`) has its ASCII letters lowercased.
/// - The local part is case-folded with Unicode's full case folding (ICU4X's `icu_casemap`)
///   and put in NFC (`icu_normalizer`), after a canonical decomposition as Unicode's
///   canonical caseless match asks (D145): `JOSÉ` repeats `josé`, `josé` (NFC) repeats
///   `jose\u{301}` (NFD, which the international policy refuses anyway), `STRASSE` repeats
///   `straße`.
/// - An ASCII address is its ASCII lowercase (full case folding and A-labels leave nothing
///   else to do), so `Jose@Example.com` repeats `jose@example.com` as it always did.
///
/// RFC 5321 leaves the local part to the receiving host, and most treat case as one mailbox;
/// Cleeng's customer key does the same for ASCII letters.
///
/// ```
/// use cleeng_register_migration::mailbox_key;
/// let key = |email: &str| {
///     let mut key = String::new();
///     mailbox_key(email, &mut key);
///     key
/// };
/// assert_eq!(key("JOSÉ@x.de"), key("josé@x.de"));
/// assert_eq!(key("jose@bücher.de"), "jose@xn--bcher-kva.de");
/// assert_eq!(key("Jose@Example.com"), "jose@example.com");
/// assert_ne!(key("jose@x.de"), key("josé@x.de"));
/// ```
pub fn mailbox_key(email: &str, key: &mut String) {
    key.clear();
    if email.is_ascii() {
        key.push_str(email);
        key.make_ascii_lowercase();
        return;
    }
    let (local, domain) = email.rsplit_once('@').unwrap_or(("", email));
    let decomposed = DecomposingNormalizerBorrowed::new_nfd().normalize(local);
    let folded = CaseMapper::new().fold_string(&decomposed);
    key.push_str(&ComposingNormalizerBorrowed::new_nfc().normalize(&folded));
    key.push('@');
    if domain.is_ascii() {
        key.push_str(domain);
        key.make_ascii_lowercase();
    } else {
        // An accepted domain converts (the email rule checked it); were it not to, its
        // Unicode lowercase still keys it.
        match idna::domain_to_ascii(domain) {
            Ok(a_labels) => key.push_str(&a_labels.to_ascii_lowercase()),
            Err(_) => key.push_str(&domain.to_lowercase()),
        }
    }
}

impl std::fmt::Debug for DuplicateIndex {
    /// The size only: the keys are personal data.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DuplicateIndex")
            .field("keys", &self.len())
            .finish_non_exhaustive()
    }
}
