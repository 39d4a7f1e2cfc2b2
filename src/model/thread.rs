//! A story thread: one open question about a show, with its note and predictions.

use serde::{Deserialize, Serialize};

use super::{Anchor, Prediction};

/// Identifies a thread within a library.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ThreadId(pub u64);

/// Where a thread stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThreadStatus {
    /// Still an open question.
    #[default]
    Open,
    /// Answered (the checkbox is ticked).
    Resolved,
    /// No longer followed.
    Dropped,
}

impl ThreadStatus {
    /// All statuses, in the order the UI offers them.
    pub const ALL: [ThreadStatus; 3] = [
        ThreadStatus::Open,
        ThreadStatus::Resolved,
        ThreadStatus::Dropped,
    ];

    /// A short word for the status.
    pub fn label(self) -> &'static str {
        match self {
            ThreadStatus::Open => "open",
            ThreadStatus::Resolved => "resolved",
            ThreadStatus::Dropped => "dropped",
        }
    }
}

/// One item of a show's checklist.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Thread {
    /// Stable identity.
    pub id: ThreadId,
    /// The question, e.g. "Will a second season be confirmed?".
    pub title: String,
    /// Open, resolved or dropped.
    #[serde(default)]
    pub status: ThreadStatus,
    /// The passages that raise the question, in any of the show's articles (the first is the
    /// one it was opened on).
    #[serde(default)]
    pub anchors: Vec<Anchor>,
    /// The fan's note on this thread.
    #[serde(default)]
    pub note: String,
    /// Predictions on this thread.
    #[serde(default)]
    pub predictions: Vec<Prediction>,
}

impl Thread {
    /// An open thread with no note and no predictions, on `anchor`'s passage if any.
    pub fn new(id: ThreadId, title: impl Into<String>, anchor: Option<Anchor>) -> Self {
        Self {
            id,
            title: title.into(),
            status: ThreadStatus::Open,
            anchors: anchor.into_iter().collect(),
            note: String::new(),
            predictions: Vec::new(),
        }
    }
}
