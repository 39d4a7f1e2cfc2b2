//! The hash of each article body in memory, remembered by the body's allocation, so a save
//! hashes only the bodies imported since the last one (an article's text never changes once
//! imported and is shared, not copied, between copies of the library), and so the placeholder
//! of an article whose file is missing keeps naming that file in every save.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex, MutexGuard, PoisonError, Weak};

use super::v4::sha256_hex;

/// What is known of one body in memory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BodyHash {
    /// The article file's hash (see [`super::v4::ArticleV4::body_sha256`]).
    pub sha256: String,
    /// Whether the body in memory is a placeholder for an article file that could not be read
    /// (it is then never written as that article's text, and the file keeps its name).
    pub missing: bool,
}

/// Remembered hashes by body allocation; a [`Weak`] keeps the allocation, so its address is
/// never reused while the entry lives (and so, until swept, the memory of a body no longer
/// used: sweeps keep that below about the size of the bodies in use).
#[derive(Default)]
struct Table {
    entries: HashMap<usize, (Weak<str>, BodyHash)>,
    /// The entry count at which the next sweep runs.
    sweep_at: usize,
}

static KNOWN: LazyLock<Mutex<Table>> = LazyLock::new(|| Mutex::new(Table::default()));

/// The least entry count at which a sweep runs.
const MIN_SWEEP_AT: usize = 64;

fn key(body: &Arc<str>) -> usize {
    Arc::as_ptr(body).cast::<u8>() as usize
}

/// The hash of `body`: remembered, or computed (SHA-256 of its UTF-8 bytes) and remembered.
///
/// The table's lock is never held while hashing (a big article takes milliseconds, and the
/// window asks [`is_placeholder`] every frame): it is looked up, released, the body hashed,
/// and the lock taken again to remember it. Should another thread have remembered this body
/// meanwhile (a placeholder, say), that entry wins.
pub fn hash_of(body: &Arc<str>) -> BodyHash {
    hash_with(body, sha256_hex)
}

/// [`hash_of`] with the hash function given (tests watch the lock while it runs).
fn hash_with(body: &Arc<str>, hash: impl FnOnce(&[u8]) -> String) -> BodyHash {
    if let Some(hash) = known_hash(&lock(), body) {
        return hash;
    }
    let hash = BodyHash {
        sha256: hash(body.as_bytes()),
        missing: false,
    };
    let mut known = lock();
    if let Some(theirs) = known_hash(&known, body) {
        return theirs;
    }
    insert(&mut known, body, hash.clone());
    hash
}

fn lock() -> MutexGuard<'static, Table> {
    KNOWN.lock().unwrap_or_else(PoisonError::into_inner)
}

/// What `known` remembers of `body` (this very allocation).
fn known_hash(known: &Table, body: &Arc<str>) -> Option<BodyHash> {
    let (weak, hash) = known.entries.get(&key(body))?;
    weak.upgrade()
        .is_some_and(|b| Arc::ptr_eq(&b, body))
        .then(|| hash.clone())
}

/// Whether `body` is the placeholder shown for an article whose file could not be read (see
/// [`BodyHash::missing`]); a lookup only, nothing is hashed.
pub fn is_placeholder(body: &Arc<str>) -> bool {
    let known = lock();
    known.entries.get(&key(body)).is_some_and(|(weak, hash)| {
        hash.missing && weak.upgrade().is_some_and(|b| Arc::ptr_eq(&b, body))
    })
}

/// Remembers `hash` for `body` (a body just read and checked, or a placeholder).
pub fn remember(body: &Arc<str>, hash: BodyHash) {
    insert(&mut lock(), body, hash);
}

fn insert(known: &mut Table, body: &Arc<str>, hash: BodyHash) {
    if known.entries.len() >= known.sweep_at.max(MIN_SWEEP_AT) {
        known.entries.retain(|_, (weak, _)| weak.strong_count() > 0);
        // Amortised: at most as many dead entries as live ones before the next sweep.
        known.sweep_at = known.entries.len() * 2;
    }
    known
        .entries
        .insert(key(body), (Arc::downgrade(body), hash));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_is_hashed_once_and_a_placeholder_keeps_its_files_hash() {
        let body: Arc<str> = "Fans wait.".into();
        let hash = hash_of(&body);
        assert_eq!(hash.sha256, sha256_hex(b"Fans wait."));
        assert!(!hash.missing);
        // A copy shares the body, and so the hash.
        assert_eq!(hash_of(&Arc::clone(&body)), hash);
        let placeholder: Arc<str> = "The text is missing.".into();
        let named = BodyHash {
            sha256: "a".repeat(64),
            missing: true,
        };
        assert!(!is_placeholder(&placeholder));
        remember(&placeholder, named.clone());
        assert_eq!(hash_of(&placeholder.clone()), named);
        assert!(is_placeholder(&placeholder) && !is_placeholder(&body));
        // The same words in another allocation are just text.
        let other: Arc<str> = "The text is missing.".into();
        assert!(!hash_of(&other).missing);
    }

    #[test]
    fn the_table_is_not_locked_while_a_body_is_hashed() {
        let body: Arc<str> = "A long article, imported just now.".into();
        let hash = hash_with(&body, |bytes| {
            // The window looks up placeholders every frame: the lock must be free meanwhile.
            assert!(
                KNOWN.try_lock().is_ok(),
                "the table is locked while hashing"
            );
            sha256_hex(bytes)
        });
        assert_eq!(hash.sha256, sha256_hex(body.as_bytes()));
        // Remembered once computed.
        assert_eq!(hash_with(&body, |_| panic!("hashed twice")), hash);
    }
}
