//! File format 5, frozen: format 4 (see [`super::v4`]) with each show's data kept as a file of
//! its own beside the library, so that `library.json` is a small index (issue 20, item 7).
//!
//! The fan's own data (threads, notes, predictions) was the bulk of a format 4 library file
//! (2.9 MB on the large library of BENCHMARKS.md), and every save rewrote all of it. Format 5
//! keeps each show as a content-addressed file, `shows/<sha256>.json` in the data folder (the
//! lowercase hex SHA-256 of the file's bytes; the file holds one format 4 show, [`ShowV4`],
//! its articles named by hash as in `library.json` of format 4). A file, once written, never
//! changes: a save writes a new file only for each show that changed, then the index naming
//! them. The index is the commit point: it is written last, so it never names a file that is
//! not there whole, and a sync tool never sees two versions of one show file (no conflict
//! copies of show files; only `library.json` can have those, as before).
//!
//! A file meant to travel alone (an exported backup, a file migrated from an older format in
//! memory) carries each show in `show` too, with its bodies (`body`); a reader uses `show`
//! when it is there and the show file otherwise.
//!
//! Like every version, nothing here may be edited once released. Reading is lenient as in
//! format 2 (missing optional or collection fields read as their default, unknown keys are
//! ignored).
//!
//! Shape of `library.json`, where it differs from format 4:
//!
//! ```json
//! { "format_version": 5, …format 4 envelope…,
//!   "library": { "next_id": 40, "shows": [
//!      { "id": 1, "title": "…", "file_sha256": "4be1…(64 hex digits)",
//!        "show"?: { …a format 4 show, only in a file that travels alone… } } ] } }
//! ```
//!
//! and of `shows/<file_sha256>.json`: one format 4 show, `{ "id": 1, "title": "…", …,
//! "articles": [ { …, "body_sha256": "…" } ], "threads": […], "events": […] }`.

use serde::{Deserialize, Serialize};

use super::v4::ShowV4;

/// The format version of these types.
pub const VERSION: u32 = 5;

/// The folder, beside the library file, that holds the show files.
pub const SHOWS_DIR: &str = "shows";

/// A whole format 5 file: the version envelope around the index.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileV5 {
    /// Always [`VERSION`] (5) in a format 5 file.
    pub format_version: u32,
    /// Counts the saves of this library, each save one more than the file it replaced; 0 when
    /// missing.
    #[serde(default)]
    pub revision: u64,
    /// The app and version that wrote the file, e.g. `"fan-tracker 0.1.0"`; `""` when missing.
    #[serde(default)]
    pub written_by: String,
    /// Names this one save among every save of the library on any device; `""` when missing.
    /// As in format 2 ([`super::v2::FileV2::save_id`]).
    #[serde(default)]
    pub save_id: String,
    /// The `save_id`s of the saves this one descends from, newest first (at most
    /// [`super::v2::MAX_LINEAGE`]); empty when missing. As in format 2.
    #[serde(default)]
    pub based_on: Vec<String>,
    /// The index of the fan's data.
    pub library: LibraryV5,
}

/// The library of format 5: the id counter and the index of the shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LibraryV5 {
    /// The next id to hand out; one counter shared by shows, articles, threads and predictions
    /// (required).
    pub next_id: u64,
    /// The shows, in the order they were added; empty when missing.
    #[serde(default)]
    pub shows: Vec<ShowEntryV5>,
}

/// One show of the index: which file holds it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShowEntryV5 {
    /// The show's id; the show file holds the same id (required).
    pub id: u64,
    /// The show's title when the index was written, to name the show in messages when its
    /// file cannot be read (the show file's title is the show's); `""` when missing.
    #[serde(default)]
    pub title: String,
    /// The lowercase hex SHA-256 of the show file's bytes: the show is the file
    /// `shows/<file_sha256>.json` beside the library file (required).
    pub file_sha256: String,
    /// The show itself, bodies included, in a file that travels alone; left out of
    /// `library.json`. When present it is the show, whatever the show file holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show: Option<ShowV4>,
}

/// The show file's name for a file hash: `<file_sha256>.json` (inside [`SHOWS_DIR`]).
pub fn show_file_name(file_sha256: &str) -> String {
    format!("{file_sha256}.json")
}
