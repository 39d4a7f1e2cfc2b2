//! Keeping edits when the data folder cannot be used (a file where the folder should be, a
//! folder not writable, `library.json` that is a folder) or saving keeps failing: save the
//! library to another folder, which then becomes the data folder, or export it as one JSON
//! file in the `library.json` format (encoded and written by a job, see
//! [`super::Effect::Export`]).

use std::path::Path;

use super::effect::Effect;
use super::error::ElsewhereError;
use super::{App, SaveStatus};
use crate::storage::{OpenedStore, StorageError};

/// What to do when the system has no file dialog.
pub const NO_DIALOG_FOR_PATH: &str = "No file dialog could be opened on this system. Type the folder or file path in the field under “Save elsewhere” instead.";

impl App {
    /// Makes `dir` the data folder (`opened` is what opening it found, on a job) and saves the
    /// library there at once. Refused when `dir` already holds a library (it is never
    /// overwritten) or another window writes to it. The old folder's saver writes what it
    /// still has and stops on a job.
    pub(super) fn save_to_folder(
        &mut self,
        dir: &Path,
        opened: Result<OpenedStore, StorageError>,
    ) -> Result<(), ElsewhereError> {
        let shown = dir.display();
        let opened = opened.map_err(|source| ElsewhereError::OpenFolder {
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
        if let Some(old) = self.saver.take() {
            for report in old.poll() {
                self.take_report(report);
            }
            self.effect(Effect::CloseSaver(old));
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

    /// Refuses to write the library anywhere while show files it names are missing
    /// ([`SaveStatus::WaitingForShows`]): those shows are placeholders in this window, and a
    /// copy, a backup or an export would give them as the fan's shows.
    pub(super) fn refuse_while_incomplete(&self) -> Result<(), ElsewhereError> {
        if matches!(self.status, SaveStatus::WaitingForShows) {
            return Err(ElsewhereError::Incomplete);
        }
        Ok(())
    }

    /// Refuses `path` inside the data folder: keeping edits elsewhere never writes into the
    /// folder that could not be used, nor over the fan's own `library.json`.
    pub(super) fn refuse_data_folder(&self, path: &Path) -> Result<(), ElsewhereError> {
        if crate::storage::is_inside_folder(&self.data_dir, path) {
            return Err(ElsewhereError::InsideDataFolder {
                path: path.to_owned(),
                dir: self.data_dir.clone(),
            });
        }
        Ok(())
    }
}
