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

/// [`SaveFile`] borrowing the library, so saving does not copy it first.
#[derive(Serialize)]
struct SaveFileRef<'a> {
    format_version: u32,
    written_by: String,
    library: &'a Library,
}

/// Serializes `library` as pretty JSON with the current format version.
pub fn encode(library: &Library) -> Vec<u8> {
    let file = SaveFileRef {
        format_version: CURRENT_FORMAT_VERSION,
        written_by: format!("fan-tracker {}", env!("CARGO_PKG_VERSION")),
        library,
    };
    // Serializing plain structs with string keys cannot fail.
    serde_json::to_vec_pretty(&file).unwrap_or_default()
}

/// Reads a library from bytes written by this or an older version.
pub fn decode(bytes: &[u8]) -> Result<Library, FormatError> {
    let version: VersionOnly =
        serde_json::from_slice(bytes).map_err(|e| FormatError::Invalid(e.to_string()))?;
    if version.format_version > CURRENT_FORMAT_VERSION {
        return Err(FormatError::NewerVersion {
            found: version.format_version,
            supported: CURRENT_FORMAT_VERSION,
        });
    }
    if version.format_version == 0 {
        return Err(FormatError::Invalid(
            "format version 0 does not exist".into(),
        ));
    }
    let file: SaveFile =
        serde_json::from_slice(bytes).map_err(|e| FormatError::Invalid(e.to_string()))?;
    let mut library = file.library;
    library.repair_ids();
    Ok(library)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_default_library() {
        let library = Library::default();
        assert_eq!(decode(&encode(&library)).unwrap(), library);
    }

    #[test]
    fn newer_version_is_refused() {
        let bytes = br#"{"format_version": 99, "library": {}}"#;
        assert!(matches!(
            decode(bytes),
            Err(FormatError::NewerVersion { found: 99, .. })
        ));
    }
}
