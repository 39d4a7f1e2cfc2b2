//! File format 4, frozen: format 3 (see [`super::v3`]) with each article's body kept as a
//! file of its own beside the library (issue 20, item 7).
//!
//! An article's text never changes once imported, so it is stored once, content-addressed, as
//! `articles/<sha256>.md` in the data folder (the lowercase hex SHA-256 of the body's UTF-8
//! bytes; the file holds exactly those bytes). `library.json` names it by that hash and holds
//! only the fan's own data, so a sync tool re-sends a few hundred kilobytes after a save, not
//! every article again. A file meant to travel alone (an exported backup, a file migrated from
//! an older format in memory) also carries the body itself in `body`; a reader uses `body` when
//! it is there and the article file otherwise.
//!
//! Only the types that hold articles are new (library, show, article); every other part of the
//! file is exactly format 3 and uses the frozen [`super::v3`] and [`super::v2`] types. Like
//! every version, nothing here may be edited once released.
//!
//! Reading is lenient as in format 2 (missing optional or collection fields read as their
//! default, unknown keys are ignored); writing writes every field, except `body` (left out in
//! `library.json`) and `suggestions` (left out while never computed).
//!
//! Shape of a file, where it differs from format 3:
//!
//! ```json
//! { "format_version": 4, …format 3 envelope…,
//!   "library": { "next_id": 40, "shows": [ { …format 3 show fields…,
//!      "articles": [ { "id": 2, "title": "…", "as_of": "2022-03-17" | null,
//!                      "format": "markdown" | "plain_text",
//!                      "body_sha256": "9f86d08…(64 hex digits)",
//!                      "body"?: "…(only in a file that travels alone)",
//!                      "source_path": "…" | null, "source_url": "…" | null, "note": "…",
//!                      "suggestions"?: [ …as format 2… ] } ] } ] } }
//! ```

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::v2::{ArticleFormatV2, ShowStatusV2, SuggestionV2, ThreadEventV2};
use super::v3::ThreadV3;

/// The format version of these types.
pub const VERSION: u32 = 4;

/// The folder, beside the library file, that holds the article bodies.
pub const ARTICLES_DIR: &str = "articles";

/// A whole format 4 file: the version envelope around the library.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileV4 {
    /// Always [`VERSION`] (4) in a format 4 file.
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
    /// The fan's data.
    pub library: LibraryV4,
}

/// The library of format 4: the id counter and the shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LibraryV4 {
    /// The next id to hand out; one counter shared by shows, articles, threads and predictions
    /// (required).
    pub next_id: u64,
    /// The shows, in the order they were added; empty when missing.
    #[serde(default)]
    pub shows: Vec<ShowV4>,
}

/// A show: as [`super::v3::ShowV3`], with format 4 articles.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShowV4 {
    /// The show's id (from the library's counter).
    pub id: u64,
    /// The show's title.
    pub title: String,
    /// The title in the original language; `null` or missing for none.
    #[serde(default)]
    pub original_title: Option<String>,
    /// Unknown when missing.
    #[serde(default)]
    pub status: ShowStatusV2,
    /// When the fan last checked `status` (`"YYYY-MM-DD"`); `null` or missing for never.
    #[serde(default)]
    pub status_checked: Option<Date>,
    /// The fan's note on the show; `""` when missing.
    #[serde(default)]
    pub note: String,
    /// The show's articles, in the order they were added; empty when missing.
    #[serde(default)]
    pub articles: Vec<ArticleV4>,
    /// The show's checklist, in the fan's order; empty when missing.
    #[serde(default)]
    pub threads: Vec<ThreadV3>,
    /// What happened to the checklist and when, oldest first; empty when missing.
    #[serde(default)]
    pub events: Vec<ThreadEventV2>,
}

/// An article of a show: as [`super::v2::ArticleV2`], its body named by hash.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleV4 {
    /// The article's id (from the library's counter); anchors name the article by it.
    pub id: u64,
    /// The headline.
    pub title: String,
    /// The date every claim in the article is "as of" (`"YYYY-MM-DD"`); `null` or missing when
    /// unknown.
    #[serde(default)]
    pub as_of: Option<Date>,
    /// How the body is written; Markdown when missing.
    #[serde(default)]
    pub format: ArticleFormatV2,
    /// The lowercase hex SHA-256 of the body's UTF-8 bytes: the body is the file
    /// `articles/<body_sha256>.md` beside the library file (required).
    pub body_sha256: String,
    /// The body source itself, without the title and date lines, in a file that travels alone
    /// (an exported backup); left out of `library.json`. When present it is the body, whatever
    /// the article file holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// The file the article was imported from; `null` or missing for none.
    #[serde(default)]
    pub source_path: Option<String>,
    /// The article's web address; `null` or missing for none.
    #[serde(default)]
    pub source_url: Option<String>,
    /// The fan's note on the article; `""` when missing.
    #[serde(default)]
    pub note: String,
    /// The suggested open questions, in the suggester's order; `None` until computed (then the
    /// key is left out when writing, and a missing key reads as `None`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggestions: Option<Vec<SuggestionV2>>,
}

/// The article file's name for a body hash: `<body_sha256>.md` (inside [`ARTICLES_DIR`]).
pub fn article_file_name(body_sha256: &str) -> String {
    format!("{body_sha256}.md")
}

/// The lowercase hex SHA-256 of `bytes` (64 characters), as [`ArticleV4::body_sha256`].
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest as _;
    use std::fmt::Write as _;
    let digest = sha2::Sha256::digest(bytes);
    digest.iter().fold(String::with_capacity(64), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// Whether `name` is a well-formed body hash (64 lowercase hex digits): anything else in a
/// file is never used as a file name (no `../`, no separators).
pub fn is_sha256_hex(name: &str) -> bool {
    name.len() == 64 && name.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_is_sha256_in_lowercase_hex() {
        // The SHA-256 of "abc" (FIPS 180-2, appendix B.1).
        let abc = sha256_hex(b"abc");
        assert_eq!(
            abc,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert!(is_sha256_hex(&abc));
        assert!(!is_sha256_hex("../../etc/passwd"));
        assert!(!is_sha256_hex(&abc.to_uppercase()));
    }
}
