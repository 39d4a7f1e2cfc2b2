//! The file format: a JSON envelope with a format version around the library.
//!
//! Version history:
//! - 1: the first format (library with dossiers, threads, notes, predictions).

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::model::Library;

/// The format version this build writes and the newest it reads.
pub const CURRENT_FORMAT_VERSION: u32 = 1;

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

/// What is written to disk.
#[derive(Serialize, Deserialize)]
pub struct SaveFile {
    /// See [`CURRENT_FORMAT_VERSION`].
    pub format_version: u32,
    /// The app version that wrote the file, for support.
    #[serde(default)]
    pub written_by: String,
    /// The fan's data.
    pub library: Library,
}

#[derive(Deserialize)]
struct VersionOnly {
    format_version: u32,
}

/// Serializes `library` as pretty JSON with the current format version.
pub fn encode(library: &Library) -> Result<Vec<u8>, FormatError> {
    let file = SaveFileRef {
        format_version: CURRENT_FORMAT_VERSION,
        written_by: concat!("fan-tracker ", env!("CARGO_PKG_VERSION")),
        library,
    };
    serde_json::to_vec_pretty(&file).map_err(|e| FormatError::Unwritable(e.to_string()))
}

/// [`SaveFile`] borrowing the library, so encoding copies nothing.
#[derive(Serialize)]
struct SaveFileRef<'a> {
    format_version: u32,
    written_by: &'static str,
    library: &'a Library,
}

/// Reads a library from bytes written by [`encode`] (this or an older format version).
///
/// The file is parsed once; only when that fails is it looked at again, for its version, so
/// that a file from a newer Fan Tracker is reported as such rather than as damaged.
pub fn decode(bytes: &[u8]) -> Result<Library, FormatError> {
    match serde_json::from_slice::<SaveFile>(bytes) {
        Ok(file) => {
            check_version(file.format_version)?;
            let mut library = file.library;
            library.repair_ids();
            Ok(library)
        }
        Err(error) => {
            let invalid = || FormatError::Invalid(error.to_string());
            let version: VersionOnly = serde_json::from_slice(bytes).map_err(|_| invalid())?;
            check_version(version.format_version)?;
            Err(invalid())
        }
    }
}

/// Whether this build reads format `version`.
fn check_version(version: u32) -> Result<(), FormatError> {
    if version > CURRENT_FORMAT_VERSION {
        return Err(FormatError::NewerVersion {
            found: version,
            supported: CURRENT_FORMAT_VERSION,
        });
    }
    if version == 0 {
        return Err(FormatError::Invalid(
            "format version 0 does not exist".into(),
        ));
    }
    Ok(())
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
    fn newer_version_is_refused() {
        let bytes = br#"{"format_version": 99, "library": {}}"#;
        assert!(matches!(
            decode(bytes),
            Err(FormatError::NewerVersion { found: 99, .. })
        ));
    }

    #[test]
    fn newer_version_of_another_shape_is_reported_as_newer_not_damaged() {
        let bytes = br#"{"format_version": 2, "library": ["a shape this build does not know"]}"#;
        assert!(matches!(
            decode(bytes),
            Err(FormatError::NewerVersion { found: 2, .. })
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
