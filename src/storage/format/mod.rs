//! The file format: a JSON envelope with a format version around the library.
//!
//! Version history:
//! - 1: the first format (library with dossiers, threads, notes, predictions). Files written
//!   since the save revision was added also carry `revision` (absent in older files: 0); the
//!   format version stays 1, as older builds ignore the field. Frozen in [`v1`].
//! - 2: a library of shows, each with its articles, threads (anchored in any of its articles)
//!   and dated thread events. Frozen in [`v2`]; [`migrate`] turns a format 1 file into it and
//!   reads either version.
//! - 3: format 2 with each prediction's whole record: every probability given with its day
//!   (tenths of a percent) and the day its outcome was set (issue 19). Frozen in [`v3`];
//!   [`to_v3`] migrates format 2 (no invented dates: every day is "not known").
//!
//! Each version has its own file types ([`v1`], [`v2`]), apart from the in-memory model and
//! frozen once released: the model can change freely, while a file written by any released
//! build keeps reading the same way. Only these types and the migrations between them decide
//! what a file means.

mod convert;
pub mod migrate;
pub mod to_v3;
pub mod v1;
pub mod v2;
pub mod v3;

use serde::Deserialize;
use thiserror::Error;

use crate::model::{Library, LibraryRepair, ShowId};

pub use migrate::{
    BUILT_IN_SHOW_ORIGINAL_TITLE, BUILT_IN_SHOW_TITLE, MigratedV2, VersionedFile,
    is_built_in_article, read_versioned, v1_to_v2,
};

/// The bytes of a UTF-8 byte-order mark, which some Windows editors put at the start of a file.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The format version this build writes and the newest it reads.
pub const CURRENT_FORMAT_VERSION: u32 = v3::VERSION;

/// Why bytes could not be read as a library.
#[derive(Debug, Error)]
pub enum FormatError {
    /// Not JSON, or JSON of the wrong shape.
    #[error("it is not a valid Fan Tracker file ({0})")]
    Invalid(String),
    /// The library could not be turned into JSON (never expected; reported, not hidden).
    #[error("the library could not be encoded ({0})")]
    Unwritable(String),
    /// Written by a newer Fan Tracker.
    #[error(
        "it was written by a newer Fan Tracker (format {found}; this version reads up to {supported})"
    )]
    NewerVersion {
        /// The version in the file.
        found: u32,
        /// The newest this build reads.
        supported: u32,
    },
}

/// Something the loader put right in a file edited by hand or by a sync tool; each is told to
/// the fan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Repair {
    /// A UTF-8 byte-order mark at the start of the file was skipped.
    ByteOrderMark,
    /// The library itself was put right (see [`Library::repair`]).
    Library(LibraryRepair),
}

impl std::fmt::Display for Repair {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Repair::ByteOrderMark => f.write_str(
                "a byte-order mark at the start of the file (as some editors write) was skipped",
            ),
            Repair::Library(repair) => repair.fmt(f),
        }
    }
}

/// A library read from a file, with the file's revision and what was put right on the way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loaded {
    /// The library, repaired.
    pub library: Library,
    /// The file's save revision (see [`v3::FileV3::revision`]).
    pub revision: u64,
    /// What the loader put right (empty for a sound file).
    pub repairs: Vec<Repair>,
    /// The format version the file was written in (below [`CURRENT_FORMAT_VERSION`] when it
    /// was migrated on reading).
    pub version: u32,
    /// The show a format 1 file had open (its open dossier), for a window with no state of
    /// its own yet.
    pub legacy_open: Option<ShowId>,
    /// Which save the file is and which saves it descends from (empty for files written
    /// before these fields existed).
    pub lineage: Lineage,
}

/// Which save a file is ([`v2::FileV2::save_id`]) and the saves it descends from
/// ([`v2::FileV2::based_on`], newest first): tells a copy written after a save ("newer") from
/// one written beside it from an earlier save ("forked"), which a revision number cannot.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lineage {
    /// This save's id; `""` when unknown.
    pub save_id: String,
    /// The ids of the saves this one descends from, newest first, at most
    /// [`v2::MAX_LINEAGE`].
    pub based_on: Vec<String>,
}

impl Lineage {
    /// Whether this save is the save `id` or was written after it (on any device). Always
    /// false for an empty `id` (unknown: the caller falls back to revisions).
    pub fn descends_from(&self, id: &str) -> bool {
        !id.is_empty() && (self.save_id == id || self.based_on.iter().any(|b| b == id))
    }

    /// The lineage of a new save written over this one: a fresh random id, based on this
    /// save and its ancestors.
    pub fn next(&self) -> Lineage {
        Lineage {
            save_id: new_save_id(),
            based_on: self.with(&Lineage::default()).based_on,
        }
    }

    /// The lineage of a save that descends from this one and from `other` too (a merge):
    /// this save's id and ancestors first, then `other`'s, without repeats, at most
    /// [`v2::MAX_LINEAGE`]. The id stays this one's (the next save gets a fresh one).
    pub fn with(&self, other: &Lineage) -> Lineage {
        let mut based_on: Vec<String> = Vec::new();
        let ids = std::iter::once(&self.save_id)
            .chain(&self.based_on)
            .chain(std::iter::once(&other.save_id))
            .chain(&other.based_on);
        for id in ids {
            if !id.is_empty() && !based_on.contains(id) && based_on.len() < v2::MAX_LINEAGE {
                based_on.push(id.clone());
            }
        }
        Lineage {
            save_id: self.save_id.clone(),
            based_on,
        }
    }
}

/// A fresh save id: 16 hex digits from the system's random hash keys, the time and a counter
/// (unique across devices for all practical purposes; never a secret).
fn new_save_id() -> String {
    use std::hash::{BuildHasher as _, Hash as _, Hasher as _};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    COUNTER.fetch_add(1, Ordering::Relaxed).hash(&mut hasher);
    std::process::id().hash(&mut hasher);
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default()
        .hash(&mut hasher);
    format!("{:016x}", hasher.finish())
}

#[derive(Deserialize)]
struct VersionOnly {
    format_version: u32,
}

/// Serializes `library` as pretty JSON with the current format version and revision 0 (the
/// store writes real revisions with [`encode_revision`]).
pub fn encode(library: &Library) -> Result<Vec<u8>, FormatError> {
    encode_revision(library, 0)
}

/// Serializes `library` as pretty JSON in the current format ([`v3`]) with `revision`.
pub fn encode_revision(library: &Library, revision: u64) -> Result<Vec<u8>, FormatError> {
    encode_save(library, revision, &Lineage::default())
}

/// [`encode_revision`], naming the save and what it descends from (`lineage`).
pub fn encode_save(
    library: &Library,
    revision: u64,
    lineage: &Lineage,
) -> Result<Vec<u8>, FormatError> {
    let mut file = convert::to_file(library, revision);
    file.save_id.clone_from(&lineage.save_id);
    file.based_on.clone_from(&lineage.based_on);
    serde_json::to_vec_pretty(&file).map_err(|e| FormatError::Unwritable(e.to_string()))
}

/// Reads a library from bytes written by [`encode`] (this or an older format version),
/// repaired (see [`decode_file`]).
pub fn decode(bytes: &[u8]) -> Result<Library, FormatError> {
    decode_file(bytes).map(|loaded| loaded.library)
}

/// Reads a library file of any version this build knows, migrating an older one (see
/// [`read_versioned`]): the library, its revision, and what was put right on the way (a
/// byte-order mark skipped; duplicate ids, anchors into missing articles or an id counter
/// behind the ids in use, by [`Library::repair`]).
///
/// # Errors
/// [`FormatError::NewerVersion`] for a file of a newer Fan Tracker, [`FormatError::Invalid`]
/// for a damaged one.
pub fn decode_file(bytes: &[u8]) -> Result<Loaded, FormatError> {
    let read = read_versioned(bytes)?;
    let mut repairs = Vec::new();
    if read.byte_order_mark {
        repairs.push(Repair::ByteOrderMark);
    }
    let mut library = convert::from_file(read.file.library);
    repairs.extend(library.repair().into_iter().map(Repair::Library));
    Ok(Loaded {
        library,
        revision: read.file.revision,
        repairs,
        version: read.version,
        legacy_open: read.legacy_open.map(ShowId),
        lineage: Lineage {
            save_id: read.file.save_id,
            based_on: read.file.based_on,
        },
    })
}

/// Every key path of a JSON document (shared with the integration tests).
#[cfg(test)]
#[path = "../../../tests/support/key_paths.rs"]
mod key_paths;

/// What the tests of the format modules share: the golden files and key paths.
#[cfg(test)]
mod test_util {
    /// The golden file of format 1 (`tests/golden/library-v1.json`).
    pub(super) const V1_GOLDEN: &[u8] = include_bytes!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/golden/library-v1.json"
    ));

    /// The golden file of format 2 (`tests/golden/library-v2.json`).
    pub(super) const V2_GOLDEN: &[u8] = include_bytes!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/golden/library-v2.json"
    ));

    pub(super) use super::key_paths::key_paths_of;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_default_library() {
        let library = Library::default();
        assert_eq!(decode(&encode(&library).unwrap()).unwrap(), library);
    }

    #[test]
    fn the_revision_is_written_and_read_back_and_absent_means_0() {
        let library = Library::default();
        let loaded = decode_file(&encode_revision(&library, 41).unwrap()).unwrap();
        assert_eq!((loaded.revision, loaded.repairs.as_slice()), (41, &[][..]));
        let old = br#"{"format_version": 1, "library": {"dossiers": [], "next_id": 1}}"#;
        assert_eq!(decode_file(old).unwrap().revision, 0);
    }

    #[test]
    fn a_byte_order_mark_is_skipped_and_reported() {
        let library = Library::default();
        let mut bytes = UTF8_BOM.to_vec();
        bytes.extend(encode(&library).unwrap());
        let loaded = decode_file(&bytes).unwrap();
        assert_eq!(loaded.library, library);
        assert_eq!(loaded.repairs, [Repair::ByteOrderMark]);
    }

    #[test]
    fn newer_version_is_refused() {
        let bytes = br#"{"format_version": 99, "library": {}}"#;
        assert!(matches!(
            decode(bytes),
            Err(FormatError::NewerVersion { found: 99, .. })
        ));
    }

    #[test]
    fn newer_version_of_another_shape_is_reported_as_newer_not_damaged() {
        let bytes = br#"{"format_version": 4, "library": ["a shape this build does not know"]}"#;
        assert!(matches!(
            decode(bytes),
            Err(FormatError::NewerVersion { found: 4, .. })
        ));
    }

    #[test]
    fn damaged_or_version_zero_files_are_invalid() {
        for bytes in [
            &br#"{"format_version": 0, "library": {}}"#[..],
            br#"{"format_version": 1, "library": 7}"#,
            br#"{"format_version": 1, "#,
        ] {
            assert!(
                matches!(decode(bytes), Err(FormatError::Invalid(_))),
                "{}",
                String::from_utf8_lossy(bytes)
            );
        }
    }
}
