//! Why something the fan asked for could not be done. Errors stay typed through the app and
//! become words once, where a notice is shown ([`super::App::apply`]); each `Display` is the
//! sentence the fan reads.

use std::path::PathBuf;

use thiserror::Error;

use crate::model::{ImportError, LibraryError};
use crate::storage::{FormatError, StorageError};

/// Said when an edit is refused because another window writes to the data folder.
pub const READ_ONLY_MESSAGE: &str = "This window is read-only; the change was not made.";

/// What to do when the system has no file dialog (no desktop portal, no zenity).
pub const NO_DIALOG_MESSAGE: &str = "No file dialog could be opened on this system. Drop the file on the window, run `fan-tracker FILE`, or use Paste article….";

/// Why a command could not be carried out.
#[derive(Debug, Error)]
pub enum AppError {
    /// The command names an item that is no longer in the library.
    #[error(transparent)]
    Library(#[from] LibraryError),
    /// Undo or redo could not be applied to the library as it is.
    #[error("Could not {}: {source}.", if *.undo { "undo" } else { "redo" })]
    History {
        /// Undo (else redo).
        undo: bool,
        /// What the step named that is gone.
        #[source]
        source: LibraryError,
    },
    /// A backup could not be read to restore it.
    #[error(transparent)]
    Restore(StorageError),
    /// A backup could not be read to import it (nothing was changed).
    #[error("The backup could not be imported, so nothing was changed: {0}")]
    ImportBackup(String),
    /// The window is read-only: another window writes to the data folder.
    #[error("{READ_ONLY_MESSAGE}")]
    ReadOnly,
    /// The system has no file dialog to show.
    #[error("{NO_DIALOG_MESSAGE}")]
    NoDialog,
    /// Saving to another folder or exporting failed.
    #[error(transparent)]
    Elsewhere(#[from] ElsewhereError),
    /// An article file could not be read or imported.
    #[error(transparent)]
    Read(#[from] ReadError),
    /// The data folder could not be opened; edits stay in memory until saved elsewhere.
    #[error(
        "Your data folder could not be opened: {0}. Changes in this window are not saved there; to keep them, use File → Save elsewhere… (another folder, or a JSON file)."
    )]
    FolderUnusable(#[source] StorageError),
    /// A job run off the UI thread stopped because of a fault in Fan Tracker (a panic).
    #[error(
        "Working on {what} failed because of a fault in Fan Tracker; nothing was changed. Please report it."
    )]
    JobFault {
        /// What the job worked on ("notes.md", "the backups").
        what: String,
    },
}

/// Why the library could not be saved to another folder or exported to a file.
#[derive(Debug, Error)]
pub enum ElsewhereError {
    /// The folder could not be opened as a data folder.
    #[error("Could not save to {}: {source}.", dir.display())]
    OpenFolder {
        /// The folder.
        dir: PathBuf,
        /// Why.
        #[source]
        source: StorageError,
    },
    /// Another window writes to the folder.
    #[error("Could not save to {}: another Fan Tracker window writes to it.", dir.display())]
    FolderInUse {
        /// The folder.
        dir: PathBuf,
    },
    /// The folder already holds a library, which is never overwritten.
    #[error(
        "Did not save to {}: it already holds a Fan Tracker library, which is never overwritten. Choose an empty folder, or export to a file.",
        dir.display()
    )]
    FolderHoldsLibrary {
        /// The folder.
        dir: PathBuf,
    },
    /// The export file or the folder to save in is inside the data folder (which cannot be
    /// used, or holds the library this would write over).
    #[error("{} is inside the data folder {}; nothing was written there. Choose a file or folder elsewhere.", path.display(), dir.display())]
    InsideDataFolder {
        /// The path given.
        path: PathBuf,
        /// The data folder.
        dir: PathBuf,
    },
    /// Show files the library names are missing: nothing is written elsewhere either.
    #[error(
        "Not now: some shows' files are not in the data folder yet, so this window shows those shows as placeholders, and saving or exporting would write the placeholders as your shows. Choose Open again in the status line once the files are there."
    )]
    Incomplete,
    /// The export path is a folder.
    #[error("Could not export to {}: it is a folder; give a file name.", path.display())]
    ExportToFolder {
        /// The path given.
        path: PathBuf,
    },
    /// The library could not be encoded (never expected).
    #[error("Could not export the library: {0}.")]
    Encode(#[source] FormatError),
    /// The file could not be written.
    #[error("Could not export to {}: {source}.", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
}

/// Why a save did not reach the disk (it is retried; the status line says why).
#[derive(Debug, Error)]
pub enum SaveError {
    /// The store could not write the library.
    #[error(transparent)]
    Storage(#[from] StorageError),
    /// The saving thread was handed a job without a library (never expected).
    #[error("nothing to save")]
    NothingToSave,
    /// The saving thread is gone, so nothing more can be saved in this window.
    #[error("the saving thread stopped")]
    SaverStopped,
}

/// Why an article file could not be opened.
#[derive(Debug, Error)]
pub enum ReadError {
    /// The file could not be looked at or read.
    #[error("Could not open {}: {source}.", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The path is a folder or another thing that is not a file.
    #[error("Could not open {}: it is not a file.", path.display())]
    NotAFile {
        /// The path.
        path: PathBuf,
    },
    /// The bytes could not become an article (too large, binary, empty, no article).
    #[error("Could not open {}: {source}.", path.display())]
    Import {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: ImportError,
    },
    /// Pasted text could not become an article.
    #[error("The pasted text could not be opened: {0}.")]
    Pasted(#[source] ImportError),
    /// Reading the article failed because of a fault in Fan Tracker (a panic on the worker).
    #[error(
        "Opening {label} failed because of a fault in Fan Tracker; nothing was changed. Please report it."
    )]
    Fault {
        /// What was being opened ("notes.md", "the pasted text").
        label: String,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sentences_are_the_ones_the_fan_has_always_read() {
        assert_eq!(AppError::ReadOnly.to_string(), READ_ONLY_MESSAGE);
        assert_eq!(AppError::NoDialog.to_string(), NO_DIALOG_MESSAGE);
        let gone = LibraryError::NoSuchShow(crate::model::ShowId(4));
        assert_eq!(
            AppError::History {
                undo: true,
                source: gone
            }
            .to_string(),
            format!("Could not undo: {gone}.")
        );
        assert_eq!(AppError::from(gone).to_string(), gone.to_string());
        let read = ReadError::NotAFile {
            path: PathBuf::from("/tmp/x"),
        };
        assert_eq!(
            AppError::from(read).to_string(),
            "Could not open /tmp/x: it is not a file."
        );
        let held = ElsewhereError::FolderHoldsLibrary {
            dir: PathBuf::from("/d"),
        };
        assert!(
            held.to_string()
                .starts_with("Did not save to /d: it already holds")
        );
    }
}
