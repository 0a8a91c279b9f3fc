//! The file-wide index of values that must be unique: each distinct key stored once.

use std::hash::BuildHasher;

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

impl std::fmt::Debug for DuplicateIndex {
    /// The size only: the keys are personal data.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DuplicateIndex")
            .field("keys", &self.len())
            .finish_non_exhaustive()
    }
}
