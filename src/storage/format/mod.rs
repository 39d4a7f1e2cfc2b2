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
//! - 4: format 3 with each article's body in a file of its own, `articles/<sha256>.md` beside
//!   the library, named in the library by its hash (issue 20): `library.json` holds only the
//!   fan's own data. Frozen in [`v4`]; [`to_v4`] migrates format 3.
//!
//! Each version has its own file types ([`v1`], [`v2`]), apart from the in-memory model and
//! frozen once released: the model can change freely, while a file written by any released
//! build keeps reading the same way. Only these types and the migrations between them decide
//! what a file means.

mod bodies;
mod convert;
pub mod migrate;
pub mod to_v3;
pub mod to_v4;
pub mod v1;
pub mod v2;
pub mod v3;
pub mod v4;

use std::io;
use std::sync::Arc;

use serde::{Deserialize, Serialize as _};
use thiserror::Error;

use crate::model::{Library, LibraryRepair, ShowId};

pub use bodies::hash_of as article_text_hash;
pub use bodies::is_placeholder as is_missing_article_text;
pub use convert::{ArticleReader, placeholder as missing_article_placeholder};
pub use migrate::{
    BUILT_IN_SHOW_ORIGINAL_TITLE, BUILT_IN_SHOW_TITLE, MigratedV2, VersionedFile,
    is_built_in_article, read_versioned, v1_to_v2,
};

/// The bytes of a UTF-8 byte-order mark, which some Windows editors put at the start of a file.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The format version this build writes and the newest it reads.
pub const CURRENT_FORMAT_VERSION: u32 = v4::VERSION;

/// One article file a library names: written once, before the library, as
/// `articles/<name>` (see [`v4`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleFile {
    /// The file's name inside the `articles` folder: `<sha256>.md`.
    pub name: String,
    /// Its content: the article's body, whose SHA-256 the name holds.
    pub body: Arc<str>,
}

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
    /// An article's file (format 4) could not be read: the article shows a placeholder, its
    /// show's threads, notes and predictions are kept, and the library keeps naming the file.
    ArticleMissing {
        /// The article's headline.
        title: String,
        /// The file, relative to the data folder (`articles/<sha256>.md`).
        file: String,
        /// Why, in words.
        reason: String,
    },
    /// An article's file (format 4) does not hold the text its name (a hash) says: it is
    /// damaged and treated as missing; the store keeps a copy of it aside and leaves it in
    /// place (a sync tool may repair it there).
    ArticleDamaged {
        /// The article's headline.
        title: String,
        /// The file, relative to the data folder (`articles/<sha256>.md`).
        file: String,
        /// Where the store kept a copy of it, relative to the data folder (`None` when none
        /// was made: a read-only window, or copying it failed).
        kept_as: Option<String>,
    },
}

impl std::fmt::Display for Repair {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Repair::ByteOrderMark => f.write_str(
                "a byte-order mark at the start of the file (as some editors write) was skipped",
            ),
            Repair::Library(repair) => repair.fmt(f),
            Repair::ArticleMissing {
                title,
                file,
                reason,
            } => write!(
                f,
                "the text of the article \u{201c}{title}\u{201d} is missing: {file} could not be read ({reason}); the article shows a placeholder and its show's threads, notes and predictions are kept"
            ),
            Repair::ArticleDamaged {
                title,
                file,
                kept_as,
            } => {
                write!(
                    f,
                    "the text of the article \u{201c}{title}\u{201d} is damaged: {file} does not hold the text it names, so it is not used; the article shows a placeholder and its show's threads, notes and predictions are kept"
                )?;
                match kept_as {
                    Some(kept_as) => write!(
                        f,
                        "; a copy of the damaged file is kept aside as {kept_as}, and the file is left in place for a sync tool or backup to repair"
                    ),
                    None => Ok(()),
                }
            }
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

/// Serializes `library` as pretty JSON in the current format ([`v4`]) with `revision`: a
/// file that travels alone (each article's body in it, beside its hash).
pub fn encode_revision(library: &Library, revision: u64) -> Result<Vec<u8>, FormatError> {
    encode_save(library, revision, &Lineage::default())
}

/// [`encode_revision`], naming the save and what it descends from (`lineage`). A file that
/// travels alone: an export, a backup to carry elsewhere (an article whose file was missing
/// when read is named by its hash only).
pub fn encode_save(
    library: &Library,
    revision: u64,
    lineage: &Lineage,
) -> Result<Vec<u8>, FormatError> {
    encode_file(library, revision, lineage, true).map(|(bytes, _)| bytes)
}

/// The library file as the store writes it in the data folder (`library.json`): as
/// [`encode_save`] but not indented, each article named by its hash only, and the article files it names
/// (each to be written, once, to `articles/<name>` before the library file).
pub fn encode_library_file(
    library: &Library,
    revision: u64,
    lineage: &Lineage,
) -> Result<(Vec<u8>, Vec<ArticleFile>), FormatError> {
    encode_file(library, revision, lineage, false)
}

fn encode_file(
    library: &Library,
    revision: u64,
    lineage: &Lineage,
    inline: bool,
) -> Result<(Vec<u8>, Vec<ArticleFile>), FormatError> {
    let (mut file, articles) = convert::to_file(library, revision, inline);
    file.save_id.clone_from(&lineage.save_id);
    file.based_on.clone_from(&lineage.based_on);
    // The library file in the data folder has one key per line but no indentation (a sync
    // tool sends it after every save, and indentation was 40 % of it on the large library);
    // a file that travels alone is indented, for people to read.
    let indent: &[u8] = if inline { b"  " } else { b"" };
    let mut bytes = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(indent);
    file.serialize(&mut serde_json::Serializer::with_formatter(
        &mut bytes, formatter,
    ))
    .map_err(|e| FormatError::Unwritable(e.to_string()))?;
    Ok((bytes, articles))
}

/// Reads a library from bytes written by [`encode`] (this or an older format version),
/// repaired (see [`decode_file`]).
pub fn decode(bytes: &[u8]) -> Result<Library, FormatError> {
    decode_file(bytes).map(|loaded| loaded.library)
}

/// [`decode_file_with`] with no data folder to read article files from: a format 4 file that
/// names its articles by hash only reads with each of them missing (a placeholder, and a
/// [`Repair::ArticleMissing`]). The store reads files of the data folder with their articles.
pub fn decode_file(bytes: &[u8]) -> Result<Loaded, FormatError> {
    decode_file_with(bytes, &|_| {
        Err(io::Error::new(
            io::ErrorKind::NotFound,
            "no data folder to read it from",
        ))
    })
}

/// Reads a library file of any version this build knows, migrating an older one (see
/// [`read_versioned`]): the library, its revision, and what was put right on the way (a
/// byte-order mark skipped; an article file missing or damaged, read with `articles`;
/// duplicate ids, anchors into missing articles or an id counter behind the ids in use, by
/// [`Library::repair`]).
///
/// # Errors
/// [`FormatError::NewerVersion`] for a file of a newer Fan Tracker, [`FormatError::Invalid`]
/// for a damaged one. A missing or damaged article file is not an error: the library loads
/// with every thread, note and prediction, and the repairs say which text is missing.
pub fn decode_file_with(bytes: &[u8], articles: ArticleReader<'_>) -> Result<Loaded, FormatError> {
    let read = read_versioned(bytes)?;
    let mut repairs = Vec::new();
    if read.byte_order_mark {
        repairs.push(Repair::ByteOrderMark);
    }
    let (mut library, missing) = convert::from_file(read.file.library, articles);
    repairs.extend(missing);
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

    /// The golden file of format 3 (`tests/golden/library-v3.json`).
    pub(super) const V3_GOLDEN: &[u8] = include_bytes!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/golden/library-v3.json"
    ));

    pub(super) use super::key_paths::key_paths_of;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A library file whose article names no valid file (`body_sha256` not 64 lowercase hex
    /// digits: hand-edited, or written by another tool) keeps that reference through saves:
    /// the placeholder is never hashed nor written as an article file.
    #[test]
    fn an_invalid_article_reference_is_reported_and_written_back_unchanged() {
        let (bytes, _) = encode_library_file(&Library::default(), 3, &Lineage::default()).unwrap();
        let mut file: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        let reference = "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08";
        file["library"]["shows"][0]["articles"][0]["body_sha256"] = reference.into();
        let edited = serde_json::to_vec(&file).unwrap();

        let loaded =
            decode_file_with(&edited, &|_| panic!("an invalid name is never read")).unwrap();
        let [Repair::ArticleMissing { reason, .. }] = loaded.repairs.as_slice() else {
            panic!("told as missing: {:?}", loaded.repairs);
        };
        assert!(reason.contains("no valid article file"), "{reason}");
        assert!(loaded.repairs[0].to_string().contains("is missing"));

        let (saved, articles) = encode_library_file(&loaded.library, 4, &loaded.lineage).unwrap();
        assert_eq!(
            articles,
            [],
            "the placeholder is never written as an article"
        );
        let saved: serde_json::Value = serde_json::from_slice(&saved).unwrap();
        assert_eq!(
            saved["library"]["shows"][0]["articles"][0]["body_sha256"], reference,
            "the reference is written back as it was"
        );
    }

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
        let bytes = br#"{"format_version": 5, "library": ["a shape this build does not know"]}"#;
        assert!(matches!(
            decode(bytes),
            Err(FormatError::NewerVersion { found: 5, .. })
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
