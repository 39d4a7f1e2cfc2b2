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
}
