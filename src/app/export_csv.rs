//! *File → Export predictions (CSV)* (issue 19, item 5): a save dialog (a job), then every
//! prediction written as CSV ([`crate::storage::predictions_csv`]), replaced atomically, on a
//! job too; what happened is told as a notice.

use std::path::Path;

use crate::model::Library;
use crate::storage::{FileSystem as _, RealFs, predictions_csv};

/// Writes every prediction of `library` to `path` as CSV; says what was written, or why not,
/// in words. Touches the file system: run it off the UI thread.
pub fn write_predictions_csv(library: &Library, path: &Path) -> String {
    let count: usize = library.threads().map(|t| t.predictions.len()).sum();
    let written = predictions_csv(library)
        .map_err(|e| e.to_string())
        .and_then(|bytes| {
            RealFs
                .write_atomic(path, &bytes)
                .map_err(|e| format!("could not write {}: {e}", path.display()))
        });
    match written {
        Ok(()) => format!("Exported {count} predictions to {}", path.display()),
        Err(why) => format!("The predictions were not exported: {why}"),
    }
}
