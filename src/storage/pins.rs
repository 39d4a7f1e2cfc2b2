//! Backups a message in the window names: kept until the message is dismissed.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

/// The backups that must not be pruned while a notice names them, shared between the window
/// (which unpins a backup when its notice is dismissed) and the store on the saving thread
/// (which pins the backups it names and never prunes a pinned one). Cloning shares the set.
#[derive(Clone, Debug, Default)]
pub struct BackupPins(Arc<Mutex<BTreeSet<PathBuf>>>);

impl BackupPins {
    /// Keeps `path` from being pruned until [`BackupPins::unpin`].
    pub fn pin(&self, path: &Path) {
        self.set().insert(path.to_owned());
    }

    /// Lets `path` be pruned again like any backup.
    pub fn unpin(&self, path: &Path) {
        self.set().remove(path);
    }

    /// Whether `path` is pinned.
    pub fn is_pinned(&self, path: &Path) -> bool {
        self.set().contains(path)
    }

    fn set(&self) -> std::sync::MutexGuard<'_, BTreeSet<PathBuf>> {
        // A set of paths cannot be left half-changed: a panic elsewhere does not spoil it.
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
