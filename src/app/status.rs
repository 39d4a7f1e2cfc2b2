//! Where saving stands, in words for the status line.

use std::sync::Arc;

use jiff::Timestamp;

use super::error::SaveError;

/// The state of the data on disk compared with the data in memory.
#[derive(Clone, Debug)]
pub enum SaveStatus {
    /// Nothing has changed since the library was loaded.
    UpToDate,
    /// There are edits not yet handed to the saver.
    Unsaved,
    /// A save is being written.
    Saving,
    /// Everything was written at `at`.
    Saved {
        /// When.
        at: Timestamp,
    },
    /// The last save failed; edits are kept in memory and saving is retried.
    Failed {
        /// What went wrong.
        error: Arc<SaveError>,
    },
    /// Another instance owns the data folder; nothing is saved.
    ReadOnly,
    /// Show files the library names are not in the data folder yet: shown read-only until
    /// they are (`Notice::ShowFilesMissing`); nothing is saved.
    WaitingForShows,
    /// The data folder cannot be written (its lock is unusable, the disk read-only or full);
    /// the fan's library is shown and nothing is saved.
    ReadOnlyFolder,
    /// The data folder cannot be used (the notice at the top says why); edits are only in
    /// memory.
    NoFolder,
    /// The data folder cannot be used; the library was exported to a file instead.
    Exported {
        /// The file written.
        path: std::path::PathBuf,
        /// When.
        at: Timestamp,
    },
}

/// Two statuses are equal when they say the same (two failures for the same reason are).
impl PartialEq for SaveStatus {
    fn eq(&self, other: &Self) -> bool {
        use SaveStatus as S;
        match (self, other) {
            (S::Failed { error: a }, S::Failed { error: b }) => a.to_string() == b.to_string(),
            (S::Saved { at: a }, S::Saved { at: b }) => a == b,
            (S::Exported { path: p, at: a }, S::Exported { path: q, at: b }) => p == q && a == b,
            (S::UpToDate, S::UpToDate)
            | (S::Unsaved, S::Unsaved)
            | (S::Saving, S::Saving)
            | (S::ReadOnly, S::ReadOnly)
            | (S::ReadOnlyFolder, S::ReadOnlyFolder)
            | (S::NoFolder, S::NoFolder) => true,
            _ => false,
        }
    }
}

impl Eq for SaveStatus {}

impl SaveStatus {
    /// The status line text.
    pub fn describe(&self) -> String {
        match self {
            SaveStatus::UpToDate => "All changes saved".into(),
            SaveStatus::Unsaved => "Unsaved changes…".into(),
            SaveStatus::Saving => "Saving…".into(),
            SaveStatus::Saved { at } => format!("Saved at {}", local_time(*at)),
            SaveStatus::Failed { error } => {
                format!(
                    "Not saved: {error}. Your edits are kept in memory; retrying every few seconds."
                )
            }
            SaveStatus::ReadOnly => {
                "Read-only: another Fan Tracker window owns this data folder".into()
            }
            SaveStatus::WaitingForShows => {
                "Read-only until the missing show files are in the data folder".into()
            }
            SaveStatus::ReadOnlyFolder => {
                "Read-only: the data folder cannot be written; nothing is saved".into()
            }
            SaveStatus::NoFolder => {
                "Not saved: the data folder cannot be used, so your edits are only in memory (File → Save elsewhere… keeps them)".into()
            }
            SaveStatus::Exported { path, at } => format!(
                "Exported to {} at {}; the data folder cannot be used, so later edits are only in memory",
                path.display(),
                local_time(*at)
            ),
        }
    }

    /// Whether this window is read-only until the folder changes (another window lets go of
    /// it, or the missing show files arrive): the window looks, and offers to open it again.
    pub fn waits_for_the_folder(&self) -> bool {
        matches!(self, SaveStatus::ReadOnly | SaveStatus::WaitingForShows)
    }

    /// Whether the status is a problem the user should see.
    pub fn is_error(&self) -> bool {
        matches!(
            self,
            SaveStatus::Failed { .. }
                | SaveStatus::ReadOnly
                | SaveStatus::WaitingForShows
                | SaveStatus::ReadOnlyFolder
                | SaveStatus::NoFolder
        )
    }
}

fn local_time(at: Timestamp) -> String {
    let zone = jiff::tz::TimeZone::system();
    at.to_zoned_datetime(zone).strftime("%H:%M:%S").to_string()
}
