//! Everything the UI can ask of the app. Panels push commands while drawing; the app applies
//! them after the frame is drawn, then schedules a save.

use std::path::PathBuf;

use jiff::civil::Date;

use crate::model::{Anchor, DossierId, Outcome, PredictionId, ThreadId, ThreadStatus};

/// One thing the user did.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Show another dossier.
    OpenDossier(DossierId),
    /// Import (or reopen) an article file.
    ImportFile(PathBuf),
    /// Show the system's file picker, then import the chosen file.
    PickFile,
    /// Make a dossier from pasted text.
    ImportText(String),
    /// Remove a dossier (undoable).
    DeleteDossier(DossierId),
    /// Add a thread to the open dossier.
    AddThread {
        /// The question.
        title: String,
        /// The passage that raises it, if any.
        anchor: Option<Anchor>,
    },
    /// Rename a thread.
    RenameThread(ThreadId, String),
    /// Set a thread's status.
    SetThreadStatus(ThreadId, ThreadStatus),
    /// Move a thread to a position in the checklist.
    MoveThread(ThreadId, usize),
    /// Delete a thread (undoable).
    DeleteThread(ThreadId),
    /// Point a thread at another passage.
    SetThreadAnchor(ThreadId, Option<Anchor>),
    /// Select a thread (and scroll the article to its passage), or clear the selection.
    SelectThread(Option<ThreadId>),
    /// Replace a thread's note.
    SetThreadNote(ThreadId, String),
    /// Replace the note on the whole article.
    SetDossierNote(String),
    /// Add a prediction to a thread.
    AddPrediction {
        /// The thread.
        thread: ThreadId,
        /// What is predicted.
        statement: String,
        /// Probability in percent.
        probability_pct: u8,
        /// When it should be known.
        resolve_by: Option<Date>,
    },
    /// Change a prediction's statement.
    SetPredictionStatement(ThreadId, PredictionId, String),
    /// Change a prediction's probability.
    SetPredictionProbability(ThreadId, PredictionId, u8),
    /// Change a prediction's resolve-by date.
    SetPredictionResolveBy(ThreadId, PredictionId, Option<Date>),
    /// Set how a prediction turned out.
    SetPredictionOutcome(ThreadId, PredictionId, Outcome),
    /// Delete a prediction.
    DeletePrediction(ThreadId, PredictionId),
    /// Undo the last deletion.
    Undo,
    /// Replace the library with a backup (the current one is backed up first).
    RestoreBackup(PathBuf),
    /// Hide a message shown at the top of the window.
    DismissNotice(usize),
    /// Make this folder the data folder and save the library there (when the data folder
    /// cannot be used or saving fails).
    SaveToFolder(PathBuf),
    /// Write the library to this file in the `library.json` format.
    ExportLibrary(PathBuf),
    /// Ask the system's dialog for a folder, then [`Command::SaveToFolder`].
    PickFolderToSave,
    /// Ask the system's dialog for a file name, then [`Command::ExportLibrary`].
    PickExportFile,
    /// Scroll the article to a passage and highlight it, or stop highlighting one.
    ShowPassage(Option<Anchor>),
    /// Add suggestions of the open dossier (indices into its saved suggestions, in order) as
    /// open threads, each anchored to its best passage and titled with its (edited) title.
    AddSuggestions(Vec<usize>),
    /// Dismiss a suggestion of the open dossier: it is never offered again for this article.
    DismissSuggestion(usize),
    /// Change the title of a suggestion of the open dossier before it is added.
    SetSuggestionTitle(usize, String),
    /// Set or clear the open article's as-of date.
    SetAsOf(Option<Date>),
}
