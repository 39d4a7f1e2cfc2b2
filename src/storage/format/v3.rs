//! File format 3, frozen: format 2 (see [`super::v2`]) with a prediction's whole record: every
//! probability given with its day, in tenths of a percent, and the day its outcome was set
//! (issue 19, item 2).
//!
//! Only the types that hold predictions are new (library, show, thread, prediction); every
//! other part of the file is exactly format 2 and uses the frozen [`super::v2`] types. Like
//! every version, nothing here may be edited once released.
//!
//! Reading is lenient as in format 2 (missing optional or collection fields read as their
//! default, unknown keys are ignored); writing writes every field.
//!
//! Shape of a file, where it differs from format 2:
//!
//! ```json
//! { "format_version": 3, "revision": 7, "written_by": "fan-tracker 0.1.0",
//!   "library": { "next_id": 40, "shows": [ { …format 2 show fields…,
//!      "threads": [ { …format 2 thread fields…,
//!                     "predictions": [ { "id": 4, "statement": "…",
//!                                        "probabilities": [ {"permille": 700, "on": "2026-11-02" | null},
//!                                                           {"permille": 555, "on": "2026-12-01" | null} ],
//!                                        "resolve_by": "2027-01-01" | null,
//!                                        "outcome": "pending" | "yes" | "no" | "ambiguous",
//!                                        "resolved_on": "2027-01-03" | null } ] } ] } ] } }
//! ```

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::v2::{AnchorV2, ArticleV2, OutcomeV2, ShowStatusV2, ThreadEventV2, ThreadStatusV2};

/// The format version of these types.
pub const VERSION: u32 = 3;

/// A whole format 3 file: the version envelope around the library.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileV3 {
    /// Always [`VERSION`] (3) in a format 3 file.
    pub format_version: u32,
    /// Counts the saves of this library, each save one more than the file it replaced; 0 when
    /// missing.
    #[serde(default)]
    pub revision: u64,
    /// The app and version that wrote the file, e.g. `"fan-tracker 0.1.0"`; `""` when missing.
    #[serde(default)]
    pub written_by: String,
    /// Names this one save among every save of the library on any device (random, 16 hex
    /// digits); `""` when missing. As in format 2 ([`super::v2::FileV2::save_id`]).
    #[serde(default)]
    pub save_id: String,
    /// The `save_id`s of the saves this one descends from, the one it replaced first (at most
    /// [`super::v2::MAX_LINEAGE`]); empty when missing. As in format 2
    /// ([`super::v2::FileV2::based_on`]).
    #[serde(default)]
    pub based_on: Vec<String>,
    /// The fan's data.
    pub library: LibraryV3,
}

/// The library of format 3: the id counter and the shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LibraryV3 {
    /// The next id to hand out; one counter shared by shows, articles, threads and predictions
    /// (required).
    pub next_id: u64,
    /// The shows, in the order they were added; empty when missing.
    #[serde(default)]
    pub shows: Vec<ShowV3>,
}

/// A show: as [`super::v2::ShowV2`], with format 3 threads.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShowV3 {
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
    pub articles: Vec<ArticleV2>,
    /// The show's checklist, in the fan's order; empty when missing.
    #[serde(default)]
    pub threads: Vec<ThreadV3>,
    /// What happened to the checklist and when, oldest first; empty when missing.
    #[serde(default)]
    pub events: Vec<ThreadEventV2>,
}

/// One item of a show's checklist: as [`super::v2::ThreadV2`], with format 3 predictions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadV3 {
    /// The thread's id (from the library's counter).
    pub id: u64,
    /// The question.
    pub title: String,
    /// Open when missing.
    #[serde(default)]
    pub status: ThreadStatusV2,
    /// The passages that raise the question; empty when missing.
    #[serde(default)]
    pub anchors: Vec<AnchorV2>,
    /// The fan's note on the thread; `""` when missing.
    #[serde(default)]
    pub note: String,
    /// The predictions on the thread; empty when missing.
    #[serde(default)]
    pub predictions: Vec<PredictionV3>,
}

/// A probability the fan gave, and the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GivenV3 {
    /// Tenths of a percent, 0 to 1000 as written by the app (555 is 55.5 %; the file type
    /// takes any `u16`, read as at most 1000).
    pub permille: u16,
    /// The day it was given (`"YYYY-MM-DD"`); `null` or missing when not known (every
    /// prediction migrated from format 2).
    #[serde(default)]
    pub on: Option<Date>,
}

/// A statement on a thread with every probability the fan gave it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PredictionV3 {
    /// The prediction's id (from the library's counter).
    pub id: u64,
    /// What the fan predicts.
    pub statement: String,
    /// Every probability given, oldest first; the first was given when the prediction was
    /// made, the last is the current one. Never empty as written by the app; an empty list
    /// (a hand-edited file) reads as 50 % on a day not known.
    #[serde(default)]
    pub probabilities: Vec<GivenV3>,
    /// When it should be known (`"YYYY-MM-DD"`); `null` or missing for no date.
    #[serde(default)]
    pub resolve_by: Option<Date>,
    /// Pending when missing.
    #[serde(default)]
    pub outcome: OutcomeV2,
    /// The day the outcome was set (`"YYYY-MM-DD"`); `null` or missing while pending or when
    /// not known.
    #[serde(default)]
    pub resolved_on: Option<Date>,
}
