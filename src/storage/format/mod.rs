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
//! - 5: format 4 with each show's data in a file of its own, `shows/<sha256>.json` beside the
//!   library, named in the library by its hash (issue 20): `library.json` is a small index and
//!   a save writes only the shows that changed. Frozen in [`v5`]; [`shows`] splits a library
//!   into those files and reads it back (a format 5 file reads as the format 4 library it
//!   holds, so every older version is read through format 4).
//!
//! Each version has its own file types ([`v1`], [`v2`]), apart from the in-memory model and
//! frozen once released: the model can change freely, while a file written by any released
//! build keeps reading the same way. Only these types and the migrations between them decide
//! what a file means.

mod bodies;
mod convert;
pub mod migrate;
pub mod shows;
pub mod to_v3;
pub mod to_v4;
pub mod v1;
pub mod v2;
pub mod v3;
pub mod v4;
pub mod v5;

use std::io;
use std::sync::Arc;

use serde::Deserialize;
use thiserror::Error;

use crate::model::{Library, LibraryRepair, ShowId};

pub use bodies::hash_of as article_text_hash;
pub use bodies::is_placeholder as is_missing_article_text;
pub use convert::placeholder as missing_article_placeholder;
pub use migrate::{
    BUILT_IN_SHOW_ORIGINAL_TITLE, BUILT_IN_SHOW_TITLE, MigratedV2, VersionedFile,
    is_built_in_article, read_versioned, v1_to_v2,
};

/// The bytes of a UTF-8 byte-order mark, which some Windows editors put at the start of a file.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The format version this build writes and the newest it reads.
pub const CURRENT_FORMAT_VERSION: u32 = v5::VERSION;

/// Which folder beside the library file a data file is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DataDir {
    /// `articles/`: article texts, `<sha256>.md` (see [`v4`]).
    Articles,
    /// `shows/`: show files, `<sha256>.json` (see [`v5`]).
    Shows,
}

impl DataDir {
    /// The folder's name: `articles` or `shows`.
    pub fn name(self) -> &'static str {
        match self {
            DataDir::Articles => v4::ARTICLES_DIR,
            DataDir::Shows => v5::SHOWS_DIR,
        }
    }
}

/// Reads a data file by folder and name (`<sha256>.md` in `articles`, `<sha256>.json` in
/// `shows`, beside the library file).
pub type FileReader<'a> = &'a dyn Fn(DataDir, &str) -> io::Result<Vec<u8>>;

/// One data file a library names: content-addressed, written once, before the library, as
/// `<dir>/<name>` (see [`v4`] and [`v5`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataFile {
    /// Its folder.
    pub dir: DataDir,
    /// The file's name inside its folder: `<sha256>.md` or `<sha256>.json`.
    pub name: String,
    /// Its content (UTF-8), whose SHA-256 the name holds.
    pub text: Arc<str>,
}

/// A show file (format 5) a library names that is not in the data folder whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MissingShowFile {
    /// The show's title as the index names it.
    pub title: String,
    /// The file, relative to the data folder (`shows/<sha256>.json`).
    pub file: String,
    /// Why it cannot be used, in words ("it is not there", "it does not hold what its name
    /// says").
    pub reason: String,
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
    /// A format 5 index names show files that are not in the data folder whole (a sync tool
    /// still delivering them, a hand deletion, damage). Not damage of the library file: it is
    /// never moved aside, and nothing is written over it. `partial` is the library with each
    /// such show as a placeholder (its title and a note saying what is missing), to show
    /// read-only, never to save.
    #[error("{}", describe_missing_show_files(missing))]
    ShowFilesMissing {
        /// Each show file that could not be used.
        missing: Vec<MissingShowFile>,
        /// The library, those shows as placeholders.
        partial: Partial,
    },
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

/// The library read with placeholders for the shows whose files are missing
/// ([`FormatError::ShowFilesMissing`]); its `Debug` names only its size, so an error printed
/// for a developer does not list the fan's whole library.
#[derive(Clone, PartialEq, Eq)]
pub struct Partial(pub Box<Loaded>);

impl std::ops::Deref for Partial {
    type Target = Loaded;
    fn deref(&self) -> &Loaded {
        &self.0
    }
}

impl std::fmt::Debug for Partial {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Partial {{ {} shows, revision {} }}",
            self.0.library.shows.len(),
            self.0.revision
        )
    }
}

/// The words of [`FormatError::ShowFilesMissing`]: which shows' files, and why each cannot
/// be used.
pub fn describe_missing_show_files(missing: &[MissingShowFile]) -> String {
    let files: Vec<String> = missing
        .iter()
        .map(|m| format!("\u{201c}{}\u{201d} ({}: {})", m.title, m.file, m.reason))
        .collect();
    let one = missing.len() == 1;
    format!(
        "it names the data of {} that {} not in the data folder whole: {}",
        if one { "a show" } else { "shows" },
        if one { "is" } else { "are" },
        files.join("; "),
    )
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

/// Serializes `library` as pretty JSON in the current format ([`v5`]) with `revision`: a
/// file that travels alone (each show and each article's body in it, beside their hashes).
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

/// The library file as the store writes it in the data folder (`library.json`): the index of
/// [`v5`], not indented, each show named by its show file's hash only, and the data files it
/// names (each show file and article file, to be written once, to `<dir>/<name>`, before the
/// library file).
pub fn encode_library_file(
    library: &Library,
    revision: u64,
    lineage: &Lineage,
) -> Result<(Vec<u8>, Vec<DataFile>), FormatError> {
    encode_file(library, revision, lineage, false)
}

fn encode_file(
    library: &Library,
    revision: u64,
    lineage: &Lineage,
    inline: bool,
) -> Result<(Vec<u8>, Vec<DataFile>), FormatError> {
    let (mut file, mut files) = convert::to_file(library, revision, inline);
    file.save_id.clone_from(&lineage.save_id);
    file.based_on.clone_from(&lineage.based_on);
    let (index, show_files) = shows::split(file, inline)?;
    files.extend(show_files);
    // A file that travels alone is indented, for people to read.
    let bytes = to_json(&index, if inline { b"  " } else { b"" })?;
    Ok((bytes, files))
}

/// `value` as JSON with one key per line, indented by `indent` per level (none in the data
/// folder: a sync tool sends those files, and indentation was 40 % of them).
fn to_json(value: &impl serde::Serialize, indent: &[u8]) -> Result<Vec<u8>, FormatError> {
    let mut bytes = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(indent);
    value
        .serialize(&mut serde_json::Serializer::with_formatter(
            &mut bytes, formatter,
        ))
        .map_err(|e| FormatError::Unwritable(e.to_string()))?;
    Ok(bytes)
}

/// Reads a library from bytes written by [`encode`] (this or an older format version),
/// repaired (see [`decode_file`]).
pub fn decode(bytes: &[u8]) -> Result<Library, FormatError> {
    decode_file(bytes).map(|loaded| loaded.library)
}

/// [`decode_file_with`] with no data folder to read data files from: a file that names its
/// articles by hash only reads with each of them missing (a placeholder, and a
/// [`Repair::ArticleMissing`]), and one that names its shows by hash only does not read
/// ([`FormatError::ShowFilesMissing`]). The store reads files of the data folder with theirs.
pub fn decode_file(bytes: &[u8]) -> Result<Loaded, FormatError> {
    decode_file_with(bytes, &|_, _| {
        Err(io::Error::new(
            io::ErrorKind::NotFound,
            "no data folder to read it from",
        ))
    })
}

/// Reads a library file of any version this build knows, migrating an older one (see
/// [`read_versioned`]): the library, its revision, and what was put right on the way (a
/// byte-order mark skipped; an article file missing or damaged, read with `files`;
/// duplicate ids, anchors into missing articles or an id counter behind the ids in use, by
/// [`Library::repair`]). Show files (format 5) and article files are read with `files`.
///
/// # Errors
/// [`FormatError::NewerVersion`] for a file of a newer Fan Tracker, [`FormatError::Invalid`]
/// for a damaged one, [`FormatError::ShowFilesMissing`] when a show file it names is missing
/// or damaged. A missing or damaged article file is not an error: the library loads with
/// every thread, note and prediction, and the repairs say which text is missing.
pub fn decode_file_with(bytes: &[u8], files: FileReader<'_>) -> Result<Loaded, FormatError> {
    let read = read_versioned(bytes, files)?;
    let mut repairs = Vec::new();
    if read.byte_order_mark {
        repairs.push(Repair::ByteOrderMark);
    }
    let (mut library, missing) = convert::from_file(read.file.library, files);
    repairs.extend(missing);
    repairs.extend(library.repair().into_iter().map(Repair::Library));
    let loaded = Loaded {
        library,
        revision: read.file.revision,
        repairs,
        version: read.version,
        legacy_open: read.legacy_open.map(ShowId),
        lineage: Lineage {
            save_id: read.file.save_id,
            based_on: read.file.based_on,
        },
    };
    if read.missing_shows.is_empty() {
        Ok(loaded)
    } else {
        Err(FormatError::ShowFilesMissing {
            missing: read.missing_shows,
            partial: Partial(Box::new(loaded)),
        })
    }
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
        let bytes = encode(&Library::default()).unwrap();
        let mut file: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        let reference = "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08";
        let article = &mut file["library"]["shows"][0]["show"]["articles"][0];
        article["body_sha256"] = reference.into();
        article.as_object_mut().unwrap().remove("body");
        let edited = serde_json::to_vec(&file).unwrap();

        let loaded = decode_file_with(&edited, &|dir, name| {
            panic!("nothing is read: the show is in the file, the article name invalid ({dir:?} {name})")
        })
        .unwrap();
        let [Repair::ArticleMissing { reason, .. }] = loaded.repairs.as_slice() else {
            panic!("told as missing: {:?}", loaded.repairs);
        };
        assert!(reason.contains("no valid article file"), "{reason}");
        assert!(loaded.repairs[0].to_string().contains("is missing"));

        let (_, files) = encode_library_file(&loaded.library, 4, &loaded.lineage).unwrap();
        let [show_file] = files.as_slice() else {
            panic!("one show file and no article: {files:?}");
        };
        assert_eq!(
            show_file.dir,
            DataDir::Shows,
            "the placeholder is never written as an article"
        );
        let saved: serde_json::Value = serde_json::from_str(&show_file.text).unwrap();
        assert_eq!(
            saved["articles"][0]["body_sha256"], reference,
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
        let bytes = br#"{"format_version": 6, "library": ["a shape this build does not know"]}"#;
        assert!(matches!(
            decode(bytes),
            Err(FormatError::NewerVersion { found: 6, .. })
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
