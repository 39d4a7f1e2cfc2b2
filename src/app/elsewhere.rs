//! Keeping edits when the data folder cannot be used (a file where the folder should be, a
//! folder not writable, `library.json` that is a folder) or saving keeps failing: save the
//! library to another folder, which then becomes the data folder, or export it as one JSON
//! file in the `library.json` format.

use std::path::Path;

use super::error::ElsewhereError;
use super::{App, SaveStatus};
use crate::storage::{FileSystem as _, RealFs, Store};

/// What to do when the system has no file dialog.
pub const NO_DIALOG_FOR_PATH: &str = "No file dialog could be opened on this system. Type the folder or file path in the field under “Save elsewhere” instead.";

impl App {
    /// Makes `dir` the data folder and saves the library there at once. Refused when `dir`
    /// already holds a library (it is never overwritten) or another window writes to it.
    pub(super) fn save_to_folder(&mut self, dir: &Path) -> Result<(), ElsewhereError> {
        let shown = dir.display();
        self.refuse_data_folder(dir)?;
        let opened = Store::open(dir).map_err(|source| ElsewhereError::OpenFolder {
            dir: dir.to_owned(),
            source,
        })?;
        if opened.store.is_read_only() {
            return Err(ElsewhereError::FolderInUse {
                dir: dir.to_owned(),
            });
        }
        if opened.library.is_some() || !opened.notices.is_empty() {
            return Err(ElsewhereError::FolderHoldsLibrary {
                dir: dir.to_owned(),
            });
        }
        if let Some(mut old) = self.saver.take() {
            for report in old.finish() {
                self.take_report(report);
            }
        }
        self.saver = Some(self.start_saver(opened.store));
        self.data_dir = dir.to_owned();
        self.folder_error = None;
        // Everything is written again, to the new folder, at once.
        self.saved_generation = 0;
        self.handed_generation = 0;
        self.edit_generation += 1;
        self.status = SaveStatus::Unsaved;
        self.urgent = true;
        self.view.elsewhere = None;
        self.notify(format!(
            "The library is now saved in {shown}. Start the app with --data-dir \"{shown}\" to open it next time."
        ));
        Ok(())
    }

    /// Writes the library to `path` as one JSON file (the `library.json` format), atomically.
    pub(super) fn export_library(&mut self, path: &Path) -> Result<(), ElsewhereError> {
        let shown = path.display();
        self.refuse_data_folder(path)?;
        if path.is_dir() {
            return Err(ElsewhereError::ExportToFolder {
                path: path.to_owned(),
            });
        }
        let bytes = crate::storage::encode(&self.library).map_err(ElsewhereError::Encode)?;
        RealFs
            .write_atomic(path, &bytes)
            .map_err(|source| ElsewhereError::Write {
                path: path.to_owned(),
                source,
            })?;
        self.kept_generation = self.edit_generation;
        if self.saver.is_none() && !self.is_read_only() {
            self.status = SaveStatus::Exported {
                path: path.to_owned(),
                at: jiff::Timestamp::now(),
            };
        }
        self.view.elsewhere = None;
        self.notify(format!("Exported the library to {shown}."));
        Ok(())
    }

    /// Refuses `path` inside the data folder: keeping edits elsewhere never writes into the
    /// folder that could not be used, nor over the fan's own `library.json`.
    fn refuse_data_folder(&self, path: &Path) -> Result<(), ElsewhereError> {
        if crate::storage::is_inside_folder(&self.data_dir, path) {
            return Err(ElsewhereError::InsideDataFolder {
                path: path.to_owned(),
                dir: self.data_dir.clone(),
            });
        }
        Ok(())
    }

    /// Asks the system's dialog for a folder (`folder`) or a file name to save to; `None`
    /// when cancelled. Where there is no dialog, says so and leaves the path field to the user.
    pub(super) fn pick_elsewhere(&mut self, folder: bool) -> Option<std::path::PathBuf> {
        let started = std::time::Instant::now();
        let dialog = rfd::FileDialog::new();
        let picked = if folder {
            dialog
                .set_title("Save the library in this folder")
                .pick_folder()
        } else {
            dialog
                .set_title("Export the library")
                .set_file_name("fan-tracker-library.json")
                .add_filter("JSON", &["json"])
                .save_file()
        };
        if picked.is_none() && started.elapsed() < super::apply::NO_DIALOG_THRESHOLD {
            // No person cancels a dialog this fast: there was none to show.
            self.view.elsewhere.get_or_insert_with(String::new);
            self.view.no_file_dialog = true;
            self.notify(NO_DIALOG_FOR_PATH);
        }
        picked
    }
}
