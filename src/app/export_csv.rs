//! *File → Export predictions (CSV)* (issue 19, item 5): a save dialog, then every prediction
//! written as CSV ([`crate::storage::predictions_csv`]), replaced atomically.

use std::path::Path;
use std::time::Instant;

use super::App;
use super::error::AppError;
use crate::storage::{FileSystem as _, RealFs, predictions_csv};

impl App {
    /// Asks where to export the predictions, then writes them there; what happened is told
    /// as a notice.
    ///
    /// # Errors
    /// [`AppError::NoDialog`] when no file dialog could be shown.
    pub(super) fn export_predictions_csv(&mut self) -> Result<(), AppError> {
        let started = Instant::now();
        let picked = rfd::FileDialog::new()
            .set_title("Export predictions (CSV)")
            .set_file_name("predictions.csv")
            .add_filter("CSV", &["csv"])
            .save_file();
        match picked {
            Some(path) => {
                let message = self.write_predictions_csv(&path);
                self.notify(message);
                Ok(())
            }
            None if started.elapsed() < super::apply::NO_DIALOG_THRESHOLD => {
                Err(AppError::NoDialog)
            }
            None => Ok(()),
        }
    }

    /// Writes every prediction to `path` as CSV; says what was written, or why not, in words.
    pub fn write_predictions_csv(&self, path: &Path) -> String {
        let count: usize = self.library.threads().map(|t| t.predictions.len()).sum();
        let written = predictions_csv(&self.library)
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
}
