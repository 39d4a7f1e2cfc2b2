//! The backups listed in the *Restore a backup* window, each read (off the UI thread, by the
//! [`super::effect::Effect::ListBackups`] job) to say what it holds and how it differs from the
//! library as it was when the window opened.

use std::path::PathBuf;

use crate::model::{BackupSummary, Difference, Library, difference, summary};
use crate::storage::{StorageError, Store};

/// How many backups (the newest) are read to preview them; older ones are listed unread.
pub const BACKUPS_PREVIEWED: usize = 20;

/// One backup in the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListedBackup {
    /// The backup file.
    pub path: PathBuf,
    /// What reading it told.
    pub preview: BackupPreview,
}

/// What a backup holds, read when the list was made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackupPreview {
    /// It was read.
    Read {
        /// What it holds.
        summary: BackupSummary,
        /// How it differs from the library when the list was made.
        difference: Difference,
    },
    /// It could not be read: why, in words.
    Unreadable(String),
    /// Not read: older than the [`BACKUPS_PREVIEWED`] newest.
    NotRead,
}

impl BackupPreview {
    /// "3 shows, 12 threads; last change: … — vs now: 2 threads fewer", or why there is none.
    pub fn describe(&self) -> String {
        match self {
            Self::Read {
                summary,
                difference,
            } => format!(
                "{}; last change: {} — vs now: {}",
                summary.describe(),
                summary.describe_last_change(),
                difference.describe()
            ),
            Self::Unreadable(why) => format!("could not be read: {why}"),
            Self::NotRead => format!(
                "not previewed (only the newest {BACKUPS_PREVIEWED} are read; it can still be restored)"
            ),
        }
    }
}

/// Reads the newest [`BACKUPS_PREVIEWED`] of `paths` (newest first) and compares each with
/// `current`.
pub fn preview_backups(paths: Vec<PathBuf>, current: &Library) -> Vec<ListedBackup> {
    paths
        .into_iter()
        .enumerate()
        .map(|(index, path)| {
            let preview = if index >= BACKUPS_PREVIEWED {
                BackupPreview::NotRead
            } else {
                match Store::read_library(&path) {
                    Ok(backup) => BackupPreview::Read {
                        summary: summary(&backup),
                        difference: difference(current, &backup),
                    },
                    // The row names the backup already: only why, not its path again.
                    Err(StorageError::Unreadable { source, .. }) => {
                        BackupPreview::Unreadable(source.to_string())
                    }
                    Err(error) => BackupPreview::Unreadable(error.to_string()),
                }
            };
            ListedBackup { path, preview }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_backup_is_read_up_to_the_cap_and_an_unreadable_one_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("good.json");
        let bad = dir.path().join("bad.json");
        let mut backup = Library::default();
        backup.shows.clear();
        std::fs::write(&good, crate::storage::encode(&backup).unwrap()).unwrap();
        std::fs::write(&bad, b"{ not json").unwrap();
        let mut paths = vec![good, bad];
        paths.extend((0..BACKUPS_PREVIEWED).map(|i| dir.path().join(format!("{i}.json"))));
        let listed = preview_backups(paths, &Library::default());
        assert_eq!(listed.len(), BACKUPS_PREVIEWED + 2);
        let first = listed[0].preview.describe();
        let expected = "0 shows, 0 threads; last change: no timeline events yet \
            — vs now: 1 show fewer, 1 article fewer";
        assert!(first.starts_with(expected), "{first}");
        let bad = listed[1].preview.describe();
        assert!(bad.starts_with("could not be read: "), "{bad}");
        assert!(!bad.contains("bad.json"), "the row names it already: {bad}");
        assert_eq!(listed[BACKUPS_PREVIEWED].preview, BackupPreview::NotRead);
        assert!(matches!(
            listed[BACKUPS_PREVIEWED - 1].preview,
            BackupPreview::Unreadable(_)
        ));
    }
}
